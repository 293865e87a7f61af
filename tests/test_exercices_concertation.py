"""Les exercices des leçons 05 (obligations et acteurs), 06 (stratégies et redressement) et 07 (budget
participatif), vérifiés à la main.

Pour la variante du livre et pour une autre variante (« dupont@exemple.fr »), chaque valeur attendue est
recalculée ici depuis la règle (le calcul en commentaire), sans passer par le code des vérifications ;
puis chaque indice ciblé est déclenché au moins une fois.
"""

from __future__ import annotations

import pytest

from mba_territoires.concertation import ModeleConcertation
from mba_territoires.exercices.carnets import c05_obligations_et_acteurs as c05
from mba_territoires.exercices.carnets import c06_strategies_de_concertation as c06
from mba_territoires.exercices.carnets import c07_budget_participatif as c07

LIVRE = None
AUTRE = "dupont@exemple.fr"


def _retour(banque, ident: str, reponse: object, apprenant: str | None = LIVRE):  # type: ignore[no-untyped-def]
    return banque[ident].verifier(reponse, donnees=banque.variante(apprenant))


def _statut(banque, ident: str, reponse: object, apprenant: str | None = LIVRE) -> str:  # type: ignore[no-untyped-def]
    return _retour(banque, ident, reponse, apprenant).statut


def _texte(banque, ident: str, reponse: object, apprenant: str | None = LIVRE) -> str:  # type: ignore[no-untyped-def]
    r = _retour(banque, ident, reponse, apprenant)
    return f"{r.message} {r.conseil}"


# --------------------------------------------------------------------------- carnet 05

class TestCarnet05:
    # Livre : voirie 2 340 000 € ; seuil de R103-1 1 900 000 € ; durée fixée 33 jours ; dépôt le 10/02/2025 ;
    # acteur de pouvoir 2 et d'intérêt 4 ; projet de 7 400 000 € dont 30 % privés.
    # Dupont : voirie 2 210 000 € ; durée fixée 36 jours ; dépôt le 18/03/2024 ; pouvoir 1, intérêt 3 ;
    # projet de 8 500 000 € dont 30 % privés.

    def test_ecart_seuil_voirie(self) -> None:
        assert _statut(c05.BANQUE, "ecart-seuil-voirie", 440_000) == "juste"  # 2 340 000 − 1 900 000
        assert _statut(c05.BANQUE, "ecart-seuil-voirie", 310_000, AUTRE) == "juste"  # 2 210 000 − 1 900 000
        assert _statut(c05.BANQUE, "ecart-seuil-voirie", 310_000) == "faux"
        assert "montant de voirie lui-même" in _texte(c05.BANQUE, "ecart-seuil-voirie", 2_340_000)
        assert "tout le coût du projet" in _texte(c05.BANQUE, "ecart-seuil-voirie", 3_600_000 - 1_900_000)
        assert "signe" in _texte(c05.BANQUE, "ecart-seuil-voirie", -440_000).lower()

    def test_statut_urbanisme(self) -> None:
        # 2 340 000 > 1 900 000 : obligatoire ; sans accent ni majuscule, c'est la même réponse
        assert _statut(c05.BANQUE, "statut-urbanisme", "OBLIGATOIRE") == "juste"
        assert _statut(c05.BANQUE, "statut-urbanisme", "facultative") == "faux"  # synonyme de « possible »
        assert _statut(c05.BANQUE, "statut-urbanisme", "obligatoire", AUTRE) == "juste"  # 2 210 000 > 1 900 000

    def test_duree_max_enquete(self) -> None:
        # L123-9 : durée fixée + 15 jours de prolongation au plus
        assert _statut(c05.BANQUE, "duree-max-enquete", 48) == "juste"  # 33 + 15
        assert _statut(c05.BANQUE, "duree-max-enquete", 51, AUTRE) == "juste"  # 36 + 15
        assert "d'avant 2017" in _texte(c05.BANQUE, "duree-max-enquete", 63)  # 33 + 30, l'ancienne règle
        assert "durée fixée seule" in _texte(c05.BANQUE, "duree-max-enquete", 33)
        assert "durée minimale légale" in _texte(c05.BANQUE, "duree-max-enquete", 45)  # 30 + 15

    def test_procedure_autorisation(self) -> None:
        # L181-10-1 en vigueur le 22/10/2024 : 10/02/2025 → consultation parallèle ; 18/03/2024 → enquête
        assert _statut(c05.BANQUE, "procedure-autorisation", "Consultation parallele") == "juste"
        assert _statut(c05.BANQUE, "procedure-autorisation", "L181-10-1") == "juste"
        assert _statut(c05.BANQUE, "procedure-autorisation", "enquête publique") == "faux"
        assert _statut(c05.BANQUE, "procedure-autorisation", "enquete", AUTRE) == "juste"

    def test_quadrant_acteur(self) -> None:
        # pouvoir 2 < 3, intérêt 4 ≥ 3 : à impliquer ; Dupont : pouvoir 1, intérêt 3 (3 compris) : à impliquer
        assert _statut(c05.BANQUE, "quadrant-acteur", "A IMPLIQUER") == "juste"
        assert _statut(c05.BANQUE, "quadrant-acteur", "à informer") == "faux"
        assert _statut(c05.BANQUE, "quadrant-acteur", "à impliquer", AUTRE) == "juste"

    def test_ecart_droit_initiative(self) -> None:
        # 7 400 000 × (1 − 0,30) = 5 180 000 de dépenses publiques − 5 000 000 = 180 000
        assert _statut(c05.BANQUE, "ecart-droit-initiative", 180_000) == "juste"
        # 8 500 000 × 0,70 = 5 950 000 − 5 000 000 = 950 000
        assert _statut(c05.BANQUE, "ecart-droit-initiative", 950_000, AUTRE) == "juste"
        assert "tout le coût" in _texte(c05.BANQUE, "ecart-droit-initiative", 2_400_000)
        assert "part privée au lieu" in _texte(c05.BANQUE, "ecart-droit-initiative", 2_220_000 - 5_000_000)
        assert "pas leur écart" in _texte(c05.BANQUE, "ecart-droit-initiative", 5_180_000)


# --------------------------------------------------------------------------- carnet 06

def _participations_a_la_main(apprenant: str | None) -> float:
    """Participations des 15-29 ans, recalculées depuis la formule du modèle (pas par evaluer)."""
    m = ModeleConcertation.depuis_cas("reseau-cyclable")
    d = c06.BANQUE.variante(apprenant)
    parts = {r.groupe: r.part for r in m.population.itertuples() if r.dimension == "age"}
    total = 0.0
    for cle, seances, cible in (("reunion_publique", d.reunions, None), ("atelier", d.ateliers, None),
                                ("aller_vers", d.aller_vers, "15-29 ans")):
        f = m.format(cle)
        portee = f.portee_moyenne * (m.taille_public if f.unite_portee == "part de la population" else 1)
        w = {g: f.profil.get("age", {}).get(g, 1.0) * (m.generales["multiplicateur_ciblage"] if g == cible else 1)
             for g in parts}
        total += seances * portee * parts["15-29 ans"] * w["15-29 ans"] / sum(parts[g] * w[g] for g in parts)
    return total


class TestCarnet06:
    # Livre : 2 réunions, 3 ateliers, 2 aller vers ; répondants 120 / 260 / 220 (600) pour 5 200 / 9 800 / 6 000
    # habitants (21 000) ; favorables 90 / 143 / 88.
    # Dupont : 2 réunions, 4 ateliers, 2 aller vers ; répondants 271 / 136 / 213 (620) pour 7 800 / 4 400 / 6 400
    # habitants (18 600) ; favorables 163 / 95 / 106.

    def test_cout_strategie(self) -> None:
        # 2 × 2 500 + 3 × 1 500 + 2 × 900 × 1,2 (surcoût de ciblage de 20 %) = 5 000 + 4 500 + 2 160
        assert _statut(c06.BANQUE, "cout-strategie", 11_660) == "juste"
        # 2 × 2 500 + 4 × 1 500 + 2 × 900 × 1,2 = 13 160
        assert _statut(c06.BANQUE, "cout-strategie", 13_160, AUTRE) == "juste"
        assert "surcoût du ciblage" in _texte(c06.BANQUE, "cout-strategie", 11_300)  # 5 000 + 4 500 + 1 800
        assert "une seule séance" in _texte(c06.BANQUE, "cout-strategie", 2_500 + 1_500 + 1_080)

    def test_participations_jeunes(self) -> None:
        for apprenant in (LIVRE, AUTRE):
            attendu = _participations_a_la_main(apprenant)
            assert _statut(c06.BANQUE, "participations-jeunes", attendu, apprenant) == "juste"
            assert _statut(c06.BANQUE, "participations-jeunes", attendu + 2, apprenant) == "faux"
        assert _participations_a_la_main(LIVRE) != pytest.approx(_participations_a_la_main(AUTRE))
        total = c06._modele().evaluer(c06.strategie_de_la_variante(c06.BANQUE.variante(None))).participants_total
        assert "total des participations" in _texte(c06.BANQUE, "participations-jeunes", total)

    def test_participations_sans_ciblage(self) -> None:
        from mba_territoires.concertation import Action, Strategie

        d = c06.BANQUE.variante(None)
        s = Strategie("S", [Action("reunion_publique", "2026-03-10", d.reunions),
                            Action("atelier", "2026-04-07", d.ateliers),
                            Action("aller_vers", "2026-05-05", d.aller_vers)])
        sans = c06._modele().evaluer(s).participations("15-29 ans")
        assert "oublié le ciblage" in _texte(c06.BANQUE, "participations-jeunes", sans)

    def test_effectif_redresse_jeunes(self) -> None:
        # 600 répondants × 5 200 / 21 000 = 148,571
        assert _statut(c06.BANQUE, "effectif-redresse-jeunes", 148.57) == "juste"
        # 620 × 7 800 / 18 600 = 260
        assert _statut(c06.BANQUE, "effectif-redresse-jeunes", 260, AUTRE) == "juste"
        assert "sans redressement" in _texte(c06.BANQUE, "effectif-redresse-jeunes", 120)
        # un poids : (5 200 / 21 000) / (120 / 600) = 1,2381
        assert "un seul répondant" in _texte(c06.BANQUE, "effectif-redresse-jeunes", 1.2381)
        # inversé : 120 × (120 / 600) / (5 200 / 21 000) = 96,92
        assert "inversé" in _texte(c06.BANQUE, "effectif-redresse-jeunes", 96.92)

    def test_favorables_redresses(self) -> None:
        # 5 200 × 90/120 + 9 800 × 143/260 + 6 000 × 88/220 = 3 900 + 5 390 + 2 400 = 11 690 habitants
        assert _statut(c06.BANQUE, "favorables-redresses", 11_690) == "juste"
        # 7 800 × 163/271 + 4 400 × 95/136 + 6 400 × 106/213 = 4 691,5 + 3 073,5 + 3 185,0 = 10 950
        assert _statut(c06.BANQUE, "favorables-redresses", 10_950, AUTRE) == "juste"
        # brut : 321 / 600 = 0,535 × 21 000 = 11 235
        assert "part brute" in _texte(c06.BANQUE, "favorables-redresses", 11_235)
        assert "demande des habitants" in _texte(c06.BANQUE, "favorables-redresses", 11_690 / 21_000)


# --------------------------------------------------------------------------- carnet 07

class TestCarnet07:
    # Livre : P1 42 000 (31 voix), P2 18 000 (15), P3 27 000 (22), P4 35 000 (25), P5 12 000 (17) ; 70 votants ;
    # enveloppe 80 000 €.

    def test_depense_glouton(self) -> None:
        # P1 (42 000, reste 38 000), P4 (35 000, reste 3 000) ; P3, P5, P2 ne passent plus : 77 000
        assert _statut(c07.BANQUE, "depense-glouton", 77_000) == "juste"
        # Dupont : P3 (53 voix, 13 000), P4 (53, 39 000), P1 (35, 21 000) = 73 000 ; P5 (22 000) ne passe plus (12 000)
        assert _statut(c07.BANQUE, "depense-glouton", 73_000, AUTRE) == "juste"
        assert "l'enveloppe" in _texte(c07.BANQUE, "depense-glouton", 80_000)

    def test_arret_au_premier_trop_cher(self) -> None:
        # une variante où s'arrêter au premier projet trop cher donne une autre dépense que la règle
        for i in range(60):
            apprenant = f"essai{i}@exemple.fr"
            bp = c07.budget_de_la_variante(c07.BANQUE.variante(apprenant))
            reste, arret = bp.enveloppe, 0.0
            for p in bp.voix()["projet"]:
                if bp.projets[p].cout > reste:
                    break
                reste -= bp.projets[p].cout
                arret += bp.projets[p].cout
            if arret != bp.glouton().cout_total:
                assert "premier projet trop cher" in _texte(c07.BANQUE, "depense-glouton", arret, apprenant)
                return
        pytest.fail("aucune variante ne distingue l'erreur « arrêt au premier projet trop cher »")

    def test_reste_parts_egales(self) -> None:
        # 80 000 / 70 = 1 142,86 € par votant. Seul P5 (12 000) est payable par ses 17 partisans (19 428,57) ;
        # ensuite P2 : 9 × 1 142,86 + 6 × 436,97 = 12 907 < 18 000 ; P4 : 14 × 1 142,86 + 11 × 436,97 = 20 807
        # < 35 000 ; P1 et P3 ne l'étaient pas. Reste : 80 000 − 12 000 = 68 000
        assert _statut(c07.BANQUE, "reste-parts-egales", 68_000) == "juste"
        assert "après le complément" in _texte(c07.BANQUE, "reste-parts-egales", 80_000 - 72_000)
        assert "l'argent dépensé" in _texte(c07.BANQUE, "reste-parts-egales", 12_000)

    def test_satisfaits_parts_egales(self) -> None:
        # complément glouton sur 68 000 : P1 (42 000, reste 26 000), P2 (18 000, reste 8 000) ; retenus P5, P1, P2.
        # Satisfaits : 22 (P1) + 9 (P1, P2) + 11 (P4, P5) + 6 (P2, P5) = 48 sur 70 = 0,6857
        assert _statut(c07.BANQUE, "satisfaits-parts-egales", 0.6857) == "juste"
        # la règle gloutonne (P1, P4) : 22 + 9 + 14 + 11 = 56 sur 70 = 0,8
        assert "règle gloutonne" in _texte(c07.BANQUE, "satisfaits-parts-egales", 0.8)

    def test_satisfaits_autre_variante_contre_pabutools(self) -> None:
        pytest.importorskip("pabutools")
        from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Instance, Project
        from pabutools.rules import completion_by_rule_combination, greedy_utilitarian_welfare, method_of_equal_shares

        d = c07.BANQUE.variante(AUTRE)
        objets = {p["projet"]: Project(p["projet"], p["cout"]) for p in d.projets}
        bulletins = [b["vote"].split(",") for b in d.bulletins for _ in range(b["votants"])]
        profil = ApprovalProfile([ApprovalBallot([objets[i] for i in b]) for b in bulletins])
        retenus = {p.name for p in completion_by_rule_combination(
            Instance(objets.values(), budget_limit=d.enveloppe), profil,
            [method_of_equal_shares, greedy_utilitarian_welfare], [{"sat_class": Cost_Sat}, {"sat_class": Cost_Sat}])}
        satisfaits = sum(1 for b in bulletins if set(b) & retenus) / len(bulletins)
        assert satisfaits == pytest.approx(105 / 112)
        assert _statut(c07.BANQUE, "satisfaits-parts-egales", satisfaits, AUTRE) == "juste"

    def test_trace_gagnant_et_mention(self) -> None:
        # Livre, médiane inférieure (rang 10 sur 22 votants, de « À rejeter » à « Très bien ») :
        # A [2, 3, 4, 6, 5, 2] → cumul 2, 5, 9, 15 : Assez bien ; B [4, 1, 2, 3, 4, 8] → 4, 5, 7, 10, 14 : Bien ;
        # C [1, 2, 3, 5, 9, 2] → 1, 3, 6, 11 : Assez bien. B est premier, sa mention est « Bien ».
        assert _statut(c07.BANQUE, "trace-gagnant", "tracé b") == "juste"
        assert _statut(c07.BANQUE, "mention-option", "bien") == "juste"
        assert _statut(c07.BANQUE, "mention-option", "Très bien") == "faux"
        # Dupont : A (48 votants, rang 23) [11, 8, 6, 11, 11, 1] → Passable ; B (47, rang 23) [8, 7, 8, 9, 9, 6] →
        # 8, 15, 23, 32 : Assez bien ; C (35, rang 17) [12, 8, …] → Insuffisant. B premier, « Assez bien ».
        assert _statut(c07.BANQUE, "trace-gagnant", "B", AUTRE) == "juste"
        assert _statut(c07.BANQUE, "mention-option", "assez bien", AUTRE) == "juste"

    def test_le_plus_de_tres_bien_n_est_pas_le_premier(self) -> None:
        for i in range(80):
            apprenant = f"essai{i}@exemple.fr"
            d = c07.BANQUE.variante(apprenant)
            premier = c07._jugement(d).classement()[0].replace("Tracé", "").strip()
            max_tb = max(d.mentions, key=lambda o: d.mentions[o]["Très bien"]).replace("Tracé", "").strip()
            if max_tb != premier:
                assert "plus de « Très bien »" in _texte(c07.BANQUE, "trace-gagnant", max_tb, apprenant)
                return
        pytest.fail("aucune variante ne distingue « le plus de Très bien » du premier")
