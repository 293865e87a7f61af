"""Les exercices des leçons 03 (plan de financement) et 04 (trésorerie et budget), vérifiés à la main.

Pour la variante du livre et pour une autre variante (« dupont@exemple.fr »), chaque valeur attendue est
recalculée ici à la main, depuis la règle (le calcul en commentaire), sans passer par le code des
vérifications ; puis chaque indice ciblé est déclenché au moins une fois.
"""

from __future__ import annotations

import pytest

from mba_territoires.exercices.carnets import c03_plan_de_financement as c03
from mba_territoires.exercices.carnets import c04_tresorerie_et_budget as c04

LIVRE = None
AUTRE = "dupont@exemple.fr"


def _statut(banque, ident: str, reponse: object, apprenant: str | None = LIVRE) -> str:  # type: ignore[no-untyped-def]
    return banque[ident].verifier(reponse, donnees=banque.variante(apprenant)).statut


def _conseil(banque, ident: str, reponse: object, apprenant: str | None = LIVRE) -> str:  # type: ignore[no-untyped-def]
    r = banque[ident].verifier(reponse, donnees=banque.variante(apprenant))
    return f"{r.message} {r.conseil}"


# ---------------------------------------------------------------------------
# Carnet 03
# ---------------------------------------------------------------------------

class TestCarnet03Livre:
    # Variante du livre : travaux 650 000 + maîtrise d'œuvre 70 000 = 720 000 € HT ; DETR 25 % = 180 000 ;
    # Fonds vert 150 000 ; mécénat 20 000 (privé) ; autofinancement = 720 000 − 180 000 − 150 000 − 20 000 = 370 000.

    def test_part_mo(self) -> None:
        # L1111-10 III : 370 000 / (370 000 + 330 000) = 0,528571…
        assert _statut(c03.BANQUE, "part-mo", 0.5286) == "juste"
        assert _statut(c03.BANQUE, "part-mo", 0.53) == "faux"

    def test_fctva(self) -> None:
        # 16,404 % × (720 000 × 1,20 = 864 000 TTC) = 141 730,56 €.
        assert _statut(c03.BANQUE, "fctva", 141_730.56) == "juste"
        assert _statut(c03.BANQUE, "fctva", 141_733) == "faux"

    def test_regle_cassee(self) -> None:
        # DETR ramenée à 15 % : sous le taux minimal de R2334-27 (20 %) ; avec la Région (64 000), la part de la
        # commune reste (720 000 − 108 000 − 150 000 − 20 000 − 64 000) / 700 000 = 54 % ≥ 20 %.
        assert _statut(c03.BANQUE, "regle-cassee", "detr_taux") == "juste"
        assert _statut(c03.BANQUE, "regle-cassee", "DETR taux") == "juste"  # casse, espaces indifférents
        assert _statut(c03.BANQUE, "regle-cassee", "participation_minimale") == "faux"

    def test_reduction_region(self) -> None:
        # Région 257 000 : autofinancement 370 000 − 257 000 = 113 000 ; il faut 20 % × 700 000 = 140 000 ;
        # réduire la Région de 140 000 − 113 000 = 27 000 €.
        assert c03.BANQUE.variante(LIVRE)["region"] == 257_000
        assert _statut(c03.BANQUE, "reduction-region", 27_000) == "juste"
        assert _statut(c03.BANQUE, "reduction-region", 26_990) == "faux"

    def test_derogation_ecole(self) -> None:
        # 60 000 / 500 000 = 12 % ≥ 10 % (loi 2024-279) : oui ; sans dérogation, 12 % < 20 % aurait échoué.
        assert _statut(c03.BANQUE, "derogation-ecole", "oui") == "juste"
        assert "seuil de droit commun" in _conseil(c03.BANQUE, "derogation-ecole", "non")


class TestCarnet03AutreVariante:
    # dupont : travaux 430 000 + MOE 100 000 = 530 000 ; DETR 35 % = 185 500 ; Fonds vert 95 000 ; mécénat 25 000 ;
    # autofinancement 224 500 ; financements publics 505 000.

    def test_valeurs(self) -> None:
        d = c03.BANQUE.variante(AUTRE)
        assert (d["travaux"], d["moe"], d["taux_detr"], d["fonds_vert"], d["mecenat"]) == (
            430_000, 100_000, 0.35, 95_000, 25_000)
        assert _statut(c03.BANQUE, "part-mo", 224_500 / 505_000, AUTRE) == "juste"       # 0,4446
        assert _statut(c03.BANQUE, "fctva", 104_329.44, AUTRE) == "juste"                # 16,404 % × 636 000
        assert _statut(c03.BANQUE, "regle-cassee", "participation_minimale", AUTRE) == "juste"
        assert _statut(c03.BANQUE, "reduction-region", 42_000, AUTRE) == "juste"         # le dépassement tiré
        assert _statut(c03.BANQUE, "derogation-ecole", "oui", AUTRE) == "juste"          # 120 400 / 860 000 = 14 %

    def test_la_reponse_du_livre_ne_vaut_pas_pour_l_autre(self) -> None:
        assert _statut(c03.BANQUE, "fctva", 141_730.56, AUTRE) == "faux"


class TestCarnet03Indices:
    def test_part_mo(self) -> None:
        assert "divisé par le coût total" in _conseil(c03.BANQUE, "part-mo", 370_000 / 720_000)
        assert "oublie la part de la commune" in _conseil(c03.BANQUE, "part-mo", 370_000 / 330_000)
        assert "compté le mécénat" in _conseil(c03.BANQUE, "part-mo", 390_000 / 720_000)

    def test_fctva(self) -> None:
        assert "montant HT" in _conseil(c03.BANQUE, "fctva", 0.16404 * 720_000)
        assert "TVA payée" in _conseil(c03.BANQUE, "fctva", 144_000)
        # Assiette réduite à tort : (864 000 − 330 000 − 20 000) × 16,404 %.
        assert "retiré les subventions" in _conseil(c03.BANQUE, "fctva", 0.16404 * 514_000)

    def test_reduction(self) -> None:
        assert "toute l'aide" in _conseil(c03.BANQUE, "reduction-region", 257_000)
        # Seuil appliqué au coût total : aides 587 000 − 80 % × 720 000 = 11 000.
        assert "au coût total" in _conseil(c03.BANQUE, "reduction-region", 11_000)
        assert "autofinancement minimal" in _conseil(c03.BANQUE, "reduction-region", 140_000)

    def test_choix_hors_liste(self) -> None:
        assert "ne fait pas partie" in _conseil(c03.BANQUE, "regle-cassee", "plafond")


# ---------------------------------------------------------------------------
# Carnet 04
# ---------------------------------------------------------------------------

class TestCarnet04Livre:
    # Emprunt 240 000 € à 3,6 % sur 15 ans : A = 240 000 × 0,036 / (1 − 1,036^−15) = 20 986,49 €.

    def test_annuite(self) -> None:
        assert _statut(c04.BANQUE, "annuite", 20_986.49) == "juste"
        assert _statut(c04.BANQUE, "annuite", 20_988) == "faux"

    def test_ecart_interets(self) -> None:
        # Annuités constantes : 15 × 20 986,49 − 240 000 = 74 797,32 ; amortissement constant :
        # 0,036 × 240 000 × (15 + 1) / 2 = 69 120 ; écart 5 677,32 €.
        assert _statut(c04.BANQUE, "ecart-interets", 5_677.32) == "juste"

    def test_capacite_apres(self) -> None:
        # Épargne brute 2027 : 3 500 000 − 3 080 000 − 8 640 (intérêts) + 12 000 = 423 360 ; encours fin 2027 :
        # 2 400 000 + 240 000 − (20 986,49 − 8 640) = 2 627 653,51 ; capacité 6,21 ans.
        assert _statut(c04.BANQUE, "capacite-apres", 6.21) == "juste"
        assert _statut(c04.BANQUE, "capacite-apres", 6.3) == "faux"

    def test_besoin_relais(self) -> None:
        # TTC 480 000, 240 000 par an ; DETR 120 000 : 2026 avance 36 000 + acompte 24 000, 2027 acompte 36 000,
        # 2028 solde 24 000 ; FCTVA 16,404 % × 240 000 = 39 369,60 en 2028 et 2029 ; apport 280 000 + TVA non
        # compensée 1 260,80, moitié par an (140 630,40). Cumul : −39 369,60 (2026), −102 739,20 (2027) : le creux.
        assert _statut(c04.BANQUE, "besoin-relais", 102_739.20) == "juste"

    def test_caducite(self) -> None:
        # Notification 02/03/2026 + 2 ans = 02/03/2028 ; commencement le 16/04/2028 : 45 jours de retard.
        assert _statut(c04.BANQUE, "caducite-retard", 45) == "juste"
        assert _statut(c04.BANQUE, "caducite-retard", 44) == "faux"


class TestCarnet04AutreVariante:
    def test_valeurs(self) -> None:
        # dupont : 590 000 € à 3,4 % sur 20 ans : A = 590 000 × 0,034 / (1 − 1,034^−20) = 41 138,30 ;
        # écart d'intérêts 232 765,97 − 0,034 × 590 000 × 21 / 2 (210 630) = 22 135,97.
        assert _statut(c04.BANQUE, "annuite", 41_138.30, AUTRE) == "juste"
        assert _statut(c04.BANQUE, "ecart-interets", 22_135.97, AUTRE) == "juste"
        # Épargne brute 7 500 000 − 6 675 000 − 20 060 (intérêts) + 26 000 = 830 940 ; encours 3 700 000 + 590 000
        # − 21 078,30 (amortissement : 41 138,30 − 20 060) = 4 268 921,70 ; capacité 5,14 ans.
        assert _statut(c04.BANQUE, "capacite-apres", 5.14, AUTRE) == "juste"
        assert _statut(c04.BANQUE, "capacite-apres", 5.16, AUTRE) == "faux"
        # Notification 12/03/2026 → limite 12/03/2028 ; commencement 08/04/2028 : 27 jours.
        assert _statut(c04.BANQUE, "caducite-retard", 27, AUTRE) == "juste"

    def test_la_reponse_du_livre_ne_vaut_pas_pour_l_autre(self) -> None:
        assert _statut(c04.BANQUE, "annuite", 20_986.49, AUTRE) == "faux"


class TestCarnet04Indices:
    def test_annuite(self) -> None:
        assert "intérêts" in _conseil(c04.BANQUE, "annuite", 8_640)
        assert "divisé le capital" in _conseil(c04.BANQUE, "annuite", 16_000)
        assert "amortissement constant" in _conseil(c04.BANQUE, "annuite", 24_640)

    def test_ecart(self) -> None:
        assert "un seul profil" in _conseil(c04.BANQUE, "ecart-interets", 69_120)
        assert "l'autre sens" in _conseil(c04.BANQUE, "ecart-interets", -5_677.32)
        # In fine : 0,036 × 240 000 × 15 = 129 600 ; 129 600 − 69 120 = 60 480.
        assert "in fine" in _conseil(c04.BANQUE, "ecart-interets", 60_480)

    def test_capacite(self) -> None:
        assert "avant le projet" in _conseil(c04.BANQUE, "capacite-apres", 2_400_000 / 420_000)
        # Sans économies : épargne 411 360 → 2 627 653,51 / 411 360 = 6,388.
        assert "économies" in _conseil(c04.BANQUE, "capacite-apres", 6.388)
        # Tout le capital : 2 640 000 / 423 360 = 6,236.
        assert "capital restant dû" in _conseil(c04.BANQUE, "capacite-apres", 6.236)

    def test_besoin(self) -> None:
        assert "TVA totale" in _conseil(c04.BANQUE, "besoin-relais", 80_000)
        assert "une seule année" in _conseil(c04.BANQUE, "besoin-relais", 63_369.60)
        assert "montant de la DETR" in _conseil(c04.BANQUE, "besoin-relais", 120_000)

    def test_caducite(self) -> None:
        # Depuis la notification : 02/03/2026 → 16/04/2028 = 776 jours ; depuis la limite prorogée : −320 jours.
        assert "depuis la notification" in _conseil(c04.BANQUE, "caducite-retard", 776)
        assert "limite prorogée" in _conseil(c04.BANQUE, "caducite-retard", -320)


@pytest.mark.parametrize("banque", [c03.BANQUE, c04.BANQUE], ids=["03", "04"])
def test_deux_apprenants_ont_des_attendus_differents(banque) -> None:  # type: ignore[no-untyped-def]
    numeriques = [i for i in banque.identifiants()
                  if isinstance(banque.attendu(i, banque.variante(LIVRE)), (int, float))]
    differents = [i for i in numeriques
                  if banque.attendu(i, banque.variante("a@x.fr")) != banque.attendu(i, banque.variante("b@y.fr"))]
    assert len(numeriques) >= 3 and len(differents) >= 0.8 * len(numeriques)
