"""Participation : représentativité et redressement, budgets participatifs (pabutools), jugement majoritaire."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mba_territoires import cas
from mba_territoires.erreurs import ErreurDonnees, ErreurMontant, ErreurRegle
from mba_territoires.participation import (
    BudgetParticipatif,
    ProjetBP,
    Representativite,
    budget_participatif_du_cas,
    jugement_majoritaire,
    parts_population,
)

POP = pd.DataFrame({"dimension": ["age", "age", "sexe", "sexe"], "groupe": ["A", "B", "F", "H"],
                    "effectif": [600, 400, 500, 500]})


# --- Représentativité ----------------------------------------------------------------------------

def test_indice_et_poids_a_la_main() -> None:
    rep = pd.DataFrame({"age": ["A"] * 20 + ["B"] * 30})
    r = Representativite(rep, POP, dimensions=["age"])
    # parts des répondants : A 20/50 = 0,4 ; B 0,6. Population : A 0,6 ; B 0,4.
    assert r.indices("age").to_dict() == pytest.approx({"A": 0.4 / 0.6, "B": 0.6 / 0.4})
    w = r.poids("age")
    # post-stratification : poids A = 0,6 / 0,4 = 1,5 ; B = 0,4 / 0,6 = 0,667
    assert w[0] == pytest.approx(1.5) and w[49] == pytest.approx(0.4 / 0.6)
    # pondéré : 20 × 1,5 = 30 et 30 × 0,667 = 20 répondants « équivalents » : 60 % / 40 %
    assert w.groupby(rep["age"]).sum().to_dict() == pytest.approx({"A": 30, "B": 20})


def test_calage_sur_deux_dimensions_atteint_les_marges() -> None:
    rep = pd.DataFrame({"age": ["A", "A", "B", "B", "B", "A", "B", "B"],
                        "sexe": ["F", "H", "F", "F", "H", "F", "H", "F"]})
    r = Representativite(rep, POP)
    w = r.poids()
    assert w.mean() == pytest.approx(1.0)
    for d, cible in (("age", {"A": 0.6, "B": 0.4}), ("sexe", {"F": 0.5, "H": 0.5})):
        assert (w.groupby(rep[d]).sum() / w.sum()).to_dict() == pytest.approx(cible, abs=1e-8)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["A", "B"]), min_size=2, max_size=60).filter(lambda x: len(set(x)) == 2))
def test_le_redressement_retrouve_la_population(ages: list[str]) -> None:
    rep = pd.DataFrame({"age": ages})
    w = Representativite(rep, POP, ["age"]).poids()
    assert (w.groupby(rep["age"]).sum() / w.sum()).to_dict() == pytest.approx({"A": 0.6, "B": 0.4})
    assert w.sum() == pytest.approx(len(ages))


def test_groupe_inconnu_message_francais() -> None:
    rep = pd.DataFrame({"age": ["A", "15-25 ans", "B", "15-25 ans"]})
    with pytest.raises(ErreurDonnees) as e:
        Representativite(rep, POP, ["age"])
    texte = str(e.value)
    assert "le groupe « 15-25 ans » (colonne « age », ligne(s) 1, 3) n'existe pas dans la population" in texte
    assert "Conseil : recodez ces réponses dans l'un des groupes connus (A, B)" in texte


def test_autres_erreurs_de_representativite() -> None:
    with pytest.raises(ErreurDonnees, match="n'ont pas de valeur pour « age »"):
        Representativite(pd.DataFrame({"age": ["A", None]}), POP, ["age"])
    with pytest.raises(ErreurDonnees, match="pas de colonne « age »"):
        Representativite(pd.DataFrame({"âge": ["A"]}), POP, ["age"])
    with pytest.raises(ErreurRegle, match="aucun répondant dans le groupe « B »") as e:
        Representativite(pd.DataFrame({"age": ["A", "A"]}), POP, ["age"]).poids()
    assert "regroupez" in str(e.value)
    with pytest.raises(ErreurDonnees, match="groupe à exclure « Z »"):
        parts_population(POP, exclure=["Z"])


def test_les_repondants_du_cas() -> None:
    c = cas.charger("reseau-cyclable")
    r = Representativite(c.donnees("repondants"), c.donnees("population"), exclure=["0-14 ans"])
    cadres = r.indices("csp")["Cadres et professions intellectuelles supérieures"]
    assert cadres > 1.5  # les cadres répondent beaucoup plus que leur part
    assert r.indices("age")["75 ans ou plus"] < 0.5
    t = r.ponderer("avis_projet")
    assert t["brut"].sum() == pytest.approx(1) and t["redressé"].sum() == pytest.approx(1)
    with pytest.raises(ErreurRegle, match="0-14 ans"):  # sans exclusion, le groupe 0-14 ans n'a aucun répondant
        Representativite(c.donnees("repondants"), c.donnees("population")).poids("age")


# --- Budget participatif : petits cas calculés à la main ----------------------------------------

def petit_bp() -> BudgetParticipatif:
    """Enveloppe 100 ; A et B (50 chacun, Nord), C (40, Sud) ; 6 votants du Nord {A, B}, 4 du Sud {C}."""
    projets = [ProjetBP("A", "Abri", 50, "Nord"), ProjetBP("B", "Bancs", 50, "Nord"),
               ProjetBP("C", "Chemin", 40, "Sud")]
    bulletins = [["A", "B"]] * 6 + [["C"]] * 4
    meta = [{"secteur": "Nord"}] * 6 + [{"secteur": "Sud"}] * 4
    return BudgetParticipatif(projets, 100, bulletins, meta_votants=meta)


def test_glouton_a_la_main() -> None:
    r = petit_bp().glouton()
    # classement par voix : A (6), B (6), C (4) ; A + B = 100 épuisent l'enveloppe, C (40) ne passe plus
    assert r.retenus == ("A", "B") and r.reste == 0
    assert r.part_votants_satisfaits == pytest.approx(0.6)  # les 6 votants du Nord
    rep = r.repartition().set_index("secteur")
    assert rep.loc["Nord", "part de la dépense"] == 1.0 and rep.loc["Nord", "part des votants"] == 0.6


def test_parts_egales_a_la_main() -> None:
    # chaque votant reçoit 100 / 10 = 10. A : 6 partisans × 10 = 60 ≥ 50, chacun paie 8,33 ;
    # C : 4 × 10 = 40 ≥ 40, chacun paie 10 ; B : il reste 6 × 1,67 = 10 < 50 : B n'est pas finançable.
    bp = petit_bp()
    assert bp.parts_egales(completer=False).retenus == ("A", "C")
    r = bp.parts_egales()  # la complétion gloutonne ne trouve rien pour 10 € restants
    assert r.retenus == ("A", "C") and r.reste == 10
    assert r.part_votants_satisfaits == 1.0


def test_vote_par_points_a_la_main() -> None:
    projets = [ProjetBP("A", "A", 60), ProjetBP("B", "B", 50), ProjetBP("C", "C", 40)]
    bulletins = [{"A": 3}, {"A": 2, "B": 1}, {"B": 2, "C": 1}, {"C": 3}]
    # totaux : A 5, B 3, C 4 ; glouton : A (60), puis C (40) = 100 ; B ne passe plus
    bp = BudgetParticipatif(projets, 100, bulletins, vote="points")
    assert bp.voix()["points"].tolist() == [5, 4, 3]
    assert bp.glouton().retenus == ("A", "C")


def _glouton_a_la_main(bp: BudgetParticipatif) -> list[str]:
    """La règle usuelle, écrite indépendamment : par voix décroissantes (nom en cas d'égalité), financer si ça passe."""
    v = bp.voix()
    reste, retenus = bp.enveloppe, []
    for ligne in sorted(v.itertuples(index=False), key=lambda r: (-r.voix, r.projet)):
        if ligne.coût <= reste:
            retenus.append(ligne.projet)
            reste -= ligne.coût
    return retenus


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_glouton_et_parts_egales_identiques_a_pabutools(graine: int) -> None:
    pytest.importorskip("pabutools")  # la référence, installée avec l'extra [dev] seulement
    from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Instance, Project
    from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

    alea = random.Random(graine)
    couts = {f"P{i}": alea.randint(1, 20) * 1000 for i in range(8)}
    bulletins = [[p for p in couts if alea.random() < 0.3] or ["P0"] for _ in range(40)]
    bp = BudgetParticipatif([ProjetBP(p, p, c) for p, c in couts.items()], 40_000, bulletins)
    # 1. contre une écriture indépendante de la règle
    assert sorted(bp.glouton().retenus) == sorted(_glouton_a_la_main(bp))
    # 2. contre pabutools appelé directement
    objets = {p: Project(p, c) for p, c in couts.items()}
    instance = Instance(objets.values(), budget_limit=40_000)
    profil = ApprovalProfile([ApprovalBallot([objets[p] for p in b]) for b in bulletins])
    # dans le même ordre de choix que pabutools (ex æquo départagés par l'identifiant)
    assert list(bp.glouton().retenus) == [p.name for p in greedy_utilitarian_welfare(
        instance, profil, sat_class=Cost_Sat)]
    assert list(bp.parts_egales(completer=False).retenus) == [p.name for p in method_of_equal_shares(
        instance, profil, sat_class=Cost_Sat)]
    assert bp.parts_egales().cout_total <= bp.enveloppe


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_parts_egales_completee_et_points_identiques_a_pabutools(graine: int) -> None:
    """La complétion gloutonne, la satisfaction « cardinalité » et le vote par points, comparés à pabutools."""
    pytest.importorskip("pabutools")
    from pabutools.election import (
        Additive_Cardinal_Sat,
        AdditiveSatisfaction,
        ApprovalBallot,
        ApprovalProfile,
        Cardinality_Sat,
        Cost_Sat,
        CumulativeBallot,
        CumulativeProfile,
        Instance,
        Project,
    )
    from pabutools.rules import completion_by_rule_combination, greedy_utilitarian_welfare, method_of_equal_shares

    alea = random.Random(graine)
    couts = {f"P{i}": alea.randint(1, 12) * 1000 for i in range(7)}
    objets = {p: Project(p, c) for p, c in couts.items()}
    instance = Instance(objets.values(), budget_limit=30_000)
    projets = [ProjetBP(p, p, c) for p, c in couts.items()]
    # approbation : complétion par le glouton et satisfaction « cardinalité »
    bulletins = [[p for p in couts if alea.random() < 0.35] or ["P1"] for _ in range(30)]
    bp = BudgetParticipatif(projets, 30_000, bulletins)
    profil = ApprovalProfile([ApprovalBallot([objets[p] for p in b]) for b in bulletins])
    attendu = completion_by_rule_combination(instance, profil, [method_of_equal_shares, greedy_utilitarian_welfare],
                                             [{"sat_class": Cost_Sat}, {"sat_class": Cost_Sat}])
    assert list(bp.parts_egales().retenus) == [p.name for p in attendu]
    assert list(bp.parts_egales(completer=False, satisfaction="cardinalité").retenus) == [
        p.name for p in method_of_equal_shares(instance, profil, sat_class=Cardinality_Sat)]
    # points : le glouton classe par total de points, MES compte les points
    points = [{p: alea.randint(1, 3) for p in couts if alea.random() < 0.4} or {"P2": 1} for _ in range(30)]
    bpp = BudgetParticipatif(projets, 30_000, points, vote="points")
    profil_p = CumulativeProfile([CumulativeBallot({objets[p]: v for p, v in b.items()}) for b in points])

    class PointsFoisCout(AdditiveSatisfaction):
        def __init__(self, instance, profile, ballot):  # type: ignore[no-untyped-def]
            super().__init__(instance, profile, ballot, lambda _i, _p, b, projet, _pre: b.get(projet, 0) * projet.cost)

    assert list(bpp.glouton().retenus) == [p.name for p in greedy_utilitarian_welfare(
        instance, profil_p, sat_class=PointsFoisCout)]
    assert list(bpp.parts_egales(completer=False).retenus) == [p.name for p in method_of_equal_shares(
        instance, profil_p, sat_class=Additive_Cardinal_Sat)]


def test_les_regles_ne_chargent_ni_pabutools_ni_solveur() -> None:
    """L'installation d'un apprenant n'a ni pabutools, ni pulp, ni gurobipy : les règles n'en importent rien."""
    import subprocess
    import sys

    code = ("import sys, mba_territoires as mt\n"
            "bp = mt.BudgetParticipatif.depuis_cas('reseau-cyclable')\n"
            "bp.glouton(); bp.parts_egales(); bp.comparer()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pabutools', 'pulp', 'gurobipy')))")
    sortie = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert sortie.strip() == "[]"


def test_parts_egales_a_la_main_ex_aequo() -> None:
    # 4 votants, 100 € : 25 € chacun. A (50) soutenu par v1, v2 ; B (50) par v3, v4 : ρ = 50 / (2 × 50) = 0,5
    # pour les deux (satisfaction = coût) : ex æquo, départagés par l'identifiant : A puis B ; tout est dépensé.
    bp = BudgetParticipatif([ProjetBP("B", "B", 50), ProjetBP("A", "A", 50)], 100,
                            [["A"], ["A"], ["B"], ["B"]])
    assert bp.parts_egales(completer=False).retenus == ("A", "B")
    assert bp.glouton().retenus == ("A", "B")  # 2 voix chacun : l'identifiant départage


def test_erreurs_du_budget_participatif() -> None:
    projets = [ProjetBP("A", "Abri", 50), ProjetBP("B", "Bancs", 30)]
    with pytest.raises(ErreurDonnees) as e:
        BudgetParticipatif(projets, 100, [])
    assert "aucun bulletin de vote" in str(e.value) and "Conseil : chargez les bulletins" in str(e.value)
    with pytest.raises(ErreurMontant) as e:
        BudgetParticipatif([*projets, ProjetBP("V", "Vélostation", 180_000)], 150_000, [["A"]])
    texte = str(e.value)
    assert "le projet « V – Vélostation » coûte 180 000 €, plus que l'enveloppe de 150 000 €" in texte
    assert "retirez-le du vote, découpez-le en tranches" in texte
    with pytest.raises(ErreurDonnees, match="cite le projet « C »"):
        BudgetParticipatif(projets, 100, [["A", "C"]])
    with pytest.raises(ErreurDonnees, match="tous vides"):
        BudgetParticipatif(projets, 100, [[], []])
    with pytest.raises(ErreurMontant, match="coût de 0"):
        ProjetBP("Z", "Rien", 0)


def test_pabulib_aller_retour(tmp_path: Path) -> None:
    bp = petit_bp()
    chemin = bp.ecrire_pabulib(tmp_path / "petit.pb")
    relu = BudgetParticipatif.lire_pabulib(chemin)  # notre lecture, sans pabutools
    assert relu.enveloppe == 100 and len(relu.bulletins) == 10 and relu.projets["C"].secteur == "Sud"
    assert relu.bulletins == bp.bulletins and relu.meta_votants[0]["secteur"] == "Nord"
    assert relu.glouton().retenus == bp.glouton().retenus
    with pytest.raises(ErreurDonnees, match="introuvable"):
        BudgetParticipatif.lire_pabulib(tmp_path / "absent.pb")
    (tmp_path / "latin1.pb").write_bytes("META\nkey;value\ndescription;Été\n".encode("latin-1"))
    with pytest.raises(ErreurDonnees, match="n'est pas encodé en UTF-8"):
        BudgetParticipatif.lire_pabulib(tmp_path / "latin1.pb")


def test_pabulib_lu_comme_pabutools(tmp_path: Path) -> None:
    pytest.importorskip("pabutools")
    from pabutools.election import parse_pabulib

    bp = BudgetParticipatif([ProjetBP("A", "Abri", 50, "Nord"), ProjetBP("B", "Bancs", 30, "Sud")], 80,
                            [{"A": 2, "B": 1}, {"B": 3}], vote="points", meta_votants=[{"secteur": "Nord"},
                                                                                         {"secteur": "Sud"}])
    chemin = bp.ecrire_pabulib(tmp_path / "points.pb")
    instance, profil = parse_pabulib(str(chemin))  # pabutools lit ce que nous écrivons
    relu = BudgetParticipatif.lire_pabulib(chemin)  # et nous lisons comme lui
    assert float(instance.budget_limit) == relu.enveloppe == 80
    assert [{p.name: float(v) for p, v in b.items()} for b in profil] == relu.bulletins
    assert sorted(p.name for p in instance) == list(relu.projets)


def test_le_budget_participatif_du_cas() -> None:
    c = cas.charger("reseau-cyclable")
    bp = budget_participatif_du_cas(c)
    g, m = bp.glouton(), bp.parts_egales()
    assert g.retenus == ("P01", "P02", "P03", "P04")  # tout au bourg-centre, le plus peuplé
    assert g.repartition().set_index("secteur").loc["Lisière-sur-Vilaine", "part de la dépense"] == 1.0
    assert m.part_votants_satisfaits > g.part_votants_satisfaits
    assert len(set(bp.projets[i].secteur for i in m.retenus)) == 4  # chaque commune reçoit un projet
    # le fichier Pabulib du cas donne les mêmes résultats que les CSV
    pb = BudgetParticipatif.lire_pabulib(c.dossier / "budget-participatif.pb")
    assert pb.glouton().retenus == g.retenus and pb.parts_egales().retenus == m.retenus


# --- Jugement majoritaire -------------------------------------------------------------------------

# Exemple de l'article « Majority judgment » (Wikipédia, repris sur la liste election-methods, octobre 2011) :
# 100 électeurs, mentions de la pire à la meilleure.
TENNESSEE = {
    "Memphis": {"Poor": 58, "Excellent": 42},
    "Nashville": {"Good": 32, "Very Good": 42, "Excellent": 26},
    "Chattanooga": {"Good": 42, "Very Good": 43, "Excellent": 15},
    "Knoxville": {"Fair": 42, "Good": 26, "Very Good": 15, "Excellent": 17},
}


def test_exemple_du_tennessee() -> None:
    r = jugement_majoritaire(TENNESSEE, mentions=("Poor", "Fair", "Good", "Very Good", "Excellent"))
    t = r.tableau().set_index("option")
    assert r.classement() == ["Nashville", "Chattanooga", "Knoxville", "Memphis"]
    assert t.loc["Memphis", "mention majoritaire"] == "Poor"  # médiane inférieure : 50e vote sur 100
    # Nashville et Chattanooga : « Very Good » ; départage : Nashville a 32 % d'opposants, Chattanooga 42 %
    assert t.loc["Nashville", "opposants"] == pytest.approx(0.32)
    assert t.loc["Chattanooga", "opposants"] == pytest.approx(0.42)
    assert t.loc["Nashville", "signe"] == "−"


def test_decomptes_balinski_laraki() -> None:
    # Balinski et Laraki (PNAS 2007), repris par majority-judgement-python : (5 « 0 », 5 « 1 ») < (3 « 0 », 7 « 1 »)
    r = jugement_majoritaire({"x": {"0": 5, "1": 5}, "y": {"0": 3, "1": 7}}, mentions=("0", "1"))
    assert r.classement() == ["y", "x"]
    assert r.tableau().set_index("option").loc["x", "mention majoritaire"] == "0"  # médiane inférieure


def test_ex_aequo_et_erreurs() -> None:
    r = jugement_majoritaire({"a": ["Bien", "Passable"], "b": ["Passable", "Bien"]})
    assert list(r.tableau()["rang"]) == [1, 1]
    with pytest.raises(ErreurDonnees, match="la mention « Super »"):
        jugement_majoritaire({"a": ["Super"]})
    with pytest.raises(ErreurDonnees, match="aucune mention"):
        jugement_majoritaire({"a": []})


def test_jugement_majoritaire_du_cas() -> None:
    r = jugement_majoritaire(cas.charger("reseau-cyclable").donnees("evaluations_traces"))
    t = r.tableau()
    assert t["option"][0].startswith("Tracé C")
    # le tracé B a le plus de « Très bien » mais aussi beaucoup de « À rejeter » : il n'est pas premier
    parts = r.parts()
    assert parts["Très bien"].idxmax().startswith("Tracé B")


def test_les_vues_html_echappent_et_s_affichent() -> None:
    c = cas.charger("reseau-cyclable")
    rep = Representativite(c.donnees("repondants"), c.donnees("population"), exclure=["0-14 ans"])
    assert "Cadres et professions intellectuelles supérieures" in rep._repr_html_()
    r = jugement_majoritaire({"<b>A</b>": ["Bien"], "B": ["Passable"]})
    assert "&lt;b&gt;A&lt;/b&gt;" in r._repr_html_() and "Bien" in r._repr_html_()
    projets = [ProjetBP("A", "<i>Abri</i>", 40, "Nord"), ProjetBP("B", "Bancs", 30, "Sud")]
    html = BudgetParticipatif(projets, 50, [["A"], ["B"]]).glouton()._repr_html_()
    assert "&lt;i&gt;Abri&lt;/i&gt;" in html and "oui" in html
