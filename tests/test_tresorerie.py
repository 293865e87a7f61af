"""Versements des subventions (décret 2018-514, art. 12), caducité (CGCT R2334-28/29), plan de trésorerie."""

from __future__ import annotations

import datetime as dt

import pytest

from mba_territoires.erreurs import ErreurDonnees, ErreurSaisie, ErreurTaux
from mba_territoires.financement import PlanDeFinancement
from mba_territoires.formats import texte_brut
from mba_territoires.tresorerie import Tresorerie, caducite, echeancier_subvention


def _etapes(versements: list) -> list[tuple[int, str, float]]:  # type: ignore[type-arg]
    return [(v.annee, v.etape, v.montant) for v in versements]


class TestEcheancier:
    def test_une_annee(self) -> None:
        # Art. 12 : avance 30 % × 276 000 = 82 800 ; acomptes jusqu'à 80 % = 220 800, soit 138 000 de plus ;
        # solde 20 % = 55 200, un an après l'achèvement (hypothèse du cahier).
        assert _etapes(echeancier_subvention("DETR", 276_000, {2026: 1.0})) == [
            (2026, "avance", 82_800), (2026, "acompte", 138_000), (2027, "solde", 55_200)]

    def test_quatre_ans_tout_juste_plafond_80(self) -> None:
        # 4 années civiles = 48 mois : pas « plus de 48 mois », le cumul reste plafonné à 80 %.
        v = echeancier_subvention("DSIL", 100_000, {2026: 0.25, 2027: 0.25, 2028: 0.25, 2029: 0.25})
        assert sum(x.montant for x in v if x.etape != "solde") == 80_000
        assert _etapes(v)[-1] == (2030, "solde", 20_000)

    def test_plus_de_48_mois_plafond_90(self) -> None:
        # 5 années = 60 mois > 48 : acomptes jusqu'à 90 % ; 20 % de dépenses par an.
        v = echeancier_subvention("DSIL", 100_000, {a: 0.2 for a in range(2026, 2031)})
        assert _etapes(v) == [(2026, "avance", 30_000), (2027, "acompte", 10_000), (2028, "acompte", 20_000),
                              (2029, "acompte", 20_000), (2030, "acompte", 10_000), (2031, "solde", 10_000)]

    def test_sans_avance_et_retard(self) -> None:
        v = echeancier_subvention("FEDER", 50_000, {2026: 0.5, 2027: 0.5}, avance=0, decalage=2)
        assert _etapes(v) == [(2028, "acompte", 25_000), (2029, "acompte", 15_000), (2030, "solde", 10_000)]

    def test_avance_au_dela_du_maximum_avec_garantie(self) -> None:
        # Art. 12 II : 60 % au plus, avec une garantie bancaire.
        assert echeancier_subvention("DETR", 10_000, {2026: 1.0}, avance=0.60)[0].montant == 6_000
        with pytest.raises(ErreurDonnees, match="dépasse le maximum légal"):
            echeancier_subvention("DETR", 10_000, {2026: 1.0}, avance=0.61)
        with pytest.raises(ErreurTaux):
            echeancier_subvention("DETR", 10_000, {2026: 1.0}, avance=30)

    def test_montant_nul(self) -> None:
        assert echeancier_subvention("DETR", 0, {2026: 1.0}) == []


class TestTresorerie:
    def _plan(self) -> PlanDeFinancement:
        plan = PlanDeFinancement("École", calendrier={2026: 0.5, 2027: 0.5})
        plan.ajouter_depense("Travaux", montant_ht=100_000)
        plan.ajouter_financeur("DETR", taux=0.40)
        return plan

    def test_tableau_calcule_a_la_main(self) -> None:
        t = Tresorerie(self._plan()).tableau()
        # TTC 120 000, payé 60 000 par an. DETR 40 000 : 2026 avance 12 000 + acompte 8 000 (50 %),
        # 2027 acompte 12 000 (80 %), 2028 solde 8 000. FCTVA N+2 : 16,404 % × 60 000 = 9 842,40 en 2028 et 2029.
        # Apport de la commune : 60 000 (HT) + TVA non compensée (20 000 − 19 684,80 = 315,20), au rythme des dépenses.
        assert t["subventions"].tolist() == [20_000, 12_000, 8_000, 0]
        assert t["fctva"].tolist() == [0, 0, 9_842.40, 9_842.40]
        assert t["apport_maitre_ouvrage"].tolist() == [30_157.60, 30_157.60, 0, 0]
        assert t["cumul"].tolist() == [-9_842.40, -27_684.80, -9_842.40, 0]

    def test_besoin_et_cout_du_relais(self) -> None:
        t = Tresorerie(self._plan(), taux_court_terme=0.04)
        assert t.besoin_relais == 27_684.80 and t.annee_besoin_max == 2027
        # Découverts de fin d'année : 9 842,40 + 27 684,80 + 9 842,40 = 47 369,60 ; × 4 % = 1 894,78.
        assert t.cout_relais == pytest.approx(1_894.78, abs=0.01)

    def test_le_retard_d_un_financeur_creuse_le_besoin(self) -> None:
        plan = self._plan()
        retard = plan.variante("DETR retardée", retarder={"DETR": 2})
        assert Tresorerie(retard).besoin_relais > Tresorerie(plan).besoin_relais

    def test_cas_de_l_ecole(self) -> None:
        t = Tresorerie(PlanDeFinancement.depuis_cas("ecole-jules-ferry"))
        tableau = t.tableau()
        assert tableau["cumul"].iloc[-1] == pytest.approx(0, abs=0.01)
        assert tableau["emprunt"].sum() == pytest.approx(300_000)
        assert t.besoin_relais > 0 and "crédit relais" in t._repr_html_()

    def test_mauvais_objet(self) -> None:
        with pytest.raises(ErreurDonnees, match="attend un PlanDeFinancement"):
            Tresorerie({"Travaux": 1})  # type: ignore[arg-type]


class TestCaducite:
    def test_au_seuil_et_juste_apres(self) -> None:
        # R2334-28 : commencer dans les 2 ans suivant la notification (15/06/2026 → 15/06/2028).
        assert caducite("2026-06-15", commencement="2028-06-15").verdicts()[0].respectee
        v = caducite("2026-06-15", commencement="2028-06-16").verdicts()[0]
        assert not v.respectee and "prorogation d'un an (limite portée au 15 juin 2029)" in texte_brut(v.conseil)
        v = caducite("2026-06-15", commencement="2029-06-16").verdicts()[0]
        assert "même prorogée" in v.conseil

    def test_achevement(self) -> None:
        # R2334-29 : achever dans les 4 ans du commencement (01/03/2027 → 01/03/2031), prorogeable 2 ans.
        c = caducite("2026-06-15", commencement="2027-03-01", achevement="2031-03-01")
        assert [v.respectee for v in c.verdicts()] == [True, True]
        v = caducite("2026-06-15", commencement="2027-03-01", achevement="2031-03-02").verdicts()[1]
        assert not v.respectee and "1 mars 2033" in texte_brut(v.conseil)

    def test_29_fevrier(self) -> None:
        # Notification le 29/02/2028 (hors de la couverture des paramètres : délais lus au 31/12/2027).
        c = caducite(dt.date(2028, 2, 29), date="2027-12-31")
        assert c.limite_commencement == dt.date(2030, 2, 28)

    def test_dates_invalides(self) -> None:
        with pytest.raises(ErreurSaisie, match="AAAA-MM-JJ"):
            caducite("2026-13-01")
        assert caducite("15/06/2026").notification == dt.date(2026, 6, 15)  # la forme française est lue
        with pytest.raises(ErreurDonnees, match="précède le commencement"):
            caducite("2026-01-01", "2027-01-01", "2026-06-01")


class TestRegimesDeVersement:
    """Décret 2018-514, art. 1er et 12 : l'échéancier légal ne vaut que pour les subventions de l'État qu'il régit ;
    la DETR et la DSIL suivent le CGCT ; les autres financeurs, une hypothèse éditable et étiquetée."""

    def _plan(self) -> PlanDeFinancement:
        plan = PlanDeFinancement("École", date="2026-03-01")
        plan.ajouter_depense("Travaux", montant_ht=100_000)
        plan.ajouter_financeur("Fonds vert", montant=20_000)
        plan.ajouter_financeur("Région", montant=10_000)
        plan.ajouter_financeur("DETR", montant=30_000)
        return plan

    def test_chaque_financeur_dit_ce_qui_regit_ses_versements(self) -> None:
        regimes = {v.financeur: v.regime for v in Tresorerie(self._plan()).versements()}
        assert regimes["Fonds vert"] == "décret 2018-514, art. 12"
        assert "R2334" in regimes["DETR"] and "hypothèse" in regimes["DETR"]
        assert regimes["Région"].startswith("hypothèse éditable")

    def test_la_region_suit_l_hypothese_par_defaut(self) -> None:
        # Hypothèse des paramètres : pas d'avance, acomptes jusqu'à 80 % (8 000 €), solde 2 000 € l'année suivante.
        versements = Tresorerie(self._plan()).versements()
        region = [(v.annee, v.etape, v.montant) for v in versements if v.financeur == "Région"]
        assert region == [(2026, "acompte", 8_000), (2027, "solde", 2_000)]

    def test_l_hypothese_se_modifie(self) -> None:
        # Règlement de la Région saisi : avance 10 % (1 000), acomptes jusqu'à 50 % (4 000 de plus), solde 5 000.
        t = Tresorerie(self._plan(), echeanciers={"région": {"avance": 0.10, "acomptes_max": 0.50}})
        region = [(v.etape, v.montant) for v in t.versements() if v.financeur == "Région"]
        assert region == [("avance", 1_000), ("acompte", 4_000), ("solde", 5_000)]
        assert any("saisie pour ce financeur" in h for h in t.hypotheses())

    def test_les_hypotheses_sont_listees(self) -> None:
        h = Tresorerie(self._plan()).hypotheses()
        assert [x.split(" »")[0] for x in h] == ["« Région", "« DETR"]
        assert "Échéanciers supposés" in Tresorerie(self._plan())._repr_html_()

    def test_echeancier_inconnu(self) -> None:
        with pytest.raises(ErreurSaisie, match="vouliez-vous écrire « Région »"):
            Tresorerie(self._plan(), echeanciers={"Régoin": {"avance": 0.1}})
        with pytest.raises(ErreurSaisie, match="avance"):
            Tresorerie(self._plan(), echeanciers={"Région": {"avence": 0.1}})


class TestCaduciteVerdicts:
    # R2334-28 : notification le 15/06/2026 → commencer au plus tard le 15/06/2028, prorogeable d'un an (15/06/2029).
    @pytest.mark.parametrize(("debut", "respectee", "prorogeable"), [
        ("2028-06-15", True, 1.0),    # au seuil
        ("2028-06-16", False, 1.0),   # un jour après : caduque sans prorogation
        ("2029-06-15", False, 1.0),   # au seuil prorogé
        ("2029-06-16", False, 0.0),   # au-delà, même prorogée
    ])
    def test_commencement(self, debut: str, respectee: bool, prorogeable: float) -> None:
        v = caducite("2026-06-15", commencement=debut).verdicts()["caducite_commencement"]
        assert (v.respectee, v.chiffres["prorogeable"]) == (respectee, prorogeable)
        assert "R2334-28" in v.source and v.article == "R2334-28"

    def test_jours_de_retard(self) -> None:
        # R2334-29 : commencement le 01/03/2027 → achever avant le 01/03/2031 ; achèvement le 01/06/2031 : 92 jours.
        v = caducite("2026-06-15", "2027-03-01", "2031-06-01").verdicts()["caducite_achevement"]
        assert not v.respectee and v.chiffres["jours_de_retard"] == 92 and v.chiffres["prorogeable"] == 1.0

    def test_la_date_des_regles_est_celle_de_la_notification(self) -> None:
        c = caducite("2025-03-01", commencement="2026-01-01")
        assert c.limite_commencement == dt.date(2027, 3, 1)
        assert "en vigueur" in c.sources[0]


def test_tresorerie_depuis_cas() -> None:
    # Même plan que PlanDeFinancement.depuis_cas : même besoin de relais.
    t = Tresorerie.depuis_cas("ecole-jules-ferry")
    assert t.besoin_relais == Tresorerie(PlanDeFinancement.depuis_cas("ecole-jules-ferry")).besoin_relais > 0
