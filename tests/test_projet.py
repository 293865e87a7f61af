"""Conception de projet : arbres à problèmes et à objectifs, cadre logique (incohérences nommées avec
leur correction, exports), gouvernance et RACI."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from mba_territoires.cas import charger
from mba_territoires.erreurs import ErreurCas, ErreurDonnees, ErreurRegle, ErreurSaisie
from mba_territoires.projet import (
    ArbreProblemes,
    CadreLogique,
    Comite,
    Gouvernance,
    NiveauCadre,
    arbre_du_cas,
    cadre_logique_du_cas,
    gouvernance_du_cas,
)

IND = {"nom": "Surface désimperméabilisée", "unite": "m²", "valeur_reference": 0, "cible": 1200,
       "echeance": "2026-08-31", "source": "procès-verbal de réception"}


# ---------------------------------------------------------------------------
# Arbres
# ---------------------------------------------------------------------------

def test_arbre_depuis_quelques_lignes() -> None:
    arbre = ArbreProblemes(
        "Cour trop chaude", objectif="Cour fraîche",
        causes=[("Sol bitumé", "Sol perméable", ["Enrobé de 1987"]), ("Pas d'ombre", ["Pas de budget"])],
        effets=[{"texte": "Récréations raccourcies", "objectif": "Récréations maintenues"}])
    assert [n.texte for n in arbre.causes[0].enfants] == ["Enrobé de 1987"]
    objectifs = arbre.vers_objectifs()
    assert objectifs.objectif == "Cour fraîche"
    assert objectifs.moyens[0].texte == "Sol perméable"
    assert objectifs.moyens[1].texte == "À reformuler : Pas d'ombre"
    assert objectifs.a_reformuler() == ["Enrobé de 1987", "Pas d'ombre", "Pas de budget"]
    assert len(arbre.manques()) == 3
    t = arbre.tableau()
    assert list(t["côté"]).count("cause") == 4 and t.loc[0, "côté"] == "problème central"


def test_arbre_mal_forme() -> None:
    with pytest.raises(ErreurSaisie, match="problème central"):
        ArbreProblemes(" ")
    with pytest.raises(ErreurSaisie, match="clés possibles"):
        ArbreProblemes("P", causes=[{"text": "faute de frappe"}])
    assert "aucune cause" in ArbreProblemes("P").manques()[0]


def test_arbre_du_cas_et_figure() -> None:
    arbre = arbre_du_cas(charger("cour-oasis"))
    assert arbre.manques() == []
    assert arbre.vers_objectifs().a_reformuler() == []
    from mba_territoires.affichage.graphiques_projet import figure_arbre

    fig = figure_arbre(arbre)
    textes = [t.get_text() for t in fig.axes[0].texts]
    assert any("fournaise" in t for t in textes) and "Causes" in textes
    plt.close(fig)
    fig = figure_arbre(arbre.vers_objectifs())
    assert "Moyens" in [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)
    ecole = charger("ecole-jules-ferry")
    with pytest.raises(ErreurCas, match="projet.arbre_problemes") as exc:
        arbre_du_cas(ecole.model_copy(update={"projet": ecole.projet.model_copy(update={"arbre_problemes": None})}))
    assert "casestudies/ecole-jules-ferry/cas.yaml" in str(exc.value) and "arbre_problemes:" in str(exc.value)
    assert ArbreProblemes.depuis_cas("cour-oasis").probleme == arbre.probleme  # un slug suffit


# ---------------------------------------------------------------------------
# Cadre logique
# ---------------------------------------------------------------------------

def _cadre(**modifs: object) -> CadreLogique:
    valeurs: dict[str, object] = {
        "objectif_global": {"intitule": "Adapter l'école au climat", "indicateurs": [IND]},
        "objectif_specifique": {"intitule": "Rafraîchir la cour", "indicateurs": [IND], "hypotheses": ["étés"]},
        "resultats": [{"code": "R1", "intitule": "Cour désimperméabilisée", "indicateurs": [IND],
                       "hypotheses": ["délais tenus"]}],
        "activites": [{"code": "A1", "intitule": "Décroûter l'enrobé", "resultat": "R1"}],
    }
    valeurs.update(modifs)
    return CadreLogique(**valeurs)  # type: ignore[arg-type]


def test_cadre_coherent() -> None:
    cl = _cadre()
    assert cl.anomalies() == [] and cl.est_coherent() and cl.valider() is cl


def test_resultat_sans_indicateur_nomme_et_corrige() -> None:
    cl = _cadre(resultats=[{"code": "R1", "intitule": "Cour désimperméabilisée", "hypotheses": ["x"]}])
    with pytest.raises(ErreurRegle) as exc:
        cl.valider()
    assert str(exc.value) == (
        "le cadre logique n'est pas cohérent : résultat « R1 Cour désimperméabilisée » — il n'a aucun indicateur.\n"
        "Conseil : ajoutez au moins un indicateur chiffré (référence, cible, échéance, source).")


def test_indicateur_sans_reference_cible_ni_date() -> None:
    incomplet = {"nom": "Arbres plantés", "unite": "arbres"}
    cl = _cadre(resultats=[{"code": "R1", "intitule": "Cour plantée", "indicateurs": [incomplet],
                            "hypotheses": ["x"]}])
    problemes = [(a.element, a.probleme) for a in cl.anomalies()]
    element = "indicateur « Arbres plantés » (résultat R1)"
    assert (element, "il n'a pas de valeur de référence") in problemes
    assert (element, "il n'a pas de cible") in problemes
    assert (element, "il n'a pas de échéance") in problemes
    assert (element, "il n'a pas de source de vérification") in problemes


def test_activite_rattachee_a_un_resultat_inconnu() -> None:
    cl = _cadre(activites=[{"code": "A1", "intitule": "Décroûter", "resultat": "R2"}])
    anomalies = {a.element: a for a in cl.anomalies()}
    a = anomalies["activité « A1 Décroûter »"]
    assert a.probleme == "elle sert le résultat « R2 », qui n'existe pas"
    assert "vouliez-vous écrire « R1 »" in a.correction
    assert anomalies["résultat « R1 Cour désimperméabilisée »"].probleme == "aucune activité ne le produit"


def test_hypotheses_manquantes_sont_des_conseils() -> None:
    cl = _cadre(objectif_specifique={"intitule": "Rafraîchir la cour", "indicateurs": [IND]})
    assert cl.est_coherent()
    assert [a.gravite for a in cl.anomalies()] == ["conseil"]


def test_exports(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    cl = _cadre(activites=[])  # une anomalie : feuille « À corriger »
    md = cl.vers_markdown()
    assert md.splitlines()[2].startswith("| Objectif global |") and "0 → 1\u202f200 m² (08/2026)" in md
    csv = cl.vers_csv(tmp_path / "cadre.csv")
    assert csv.read_text(encoding="utf-8").startswith("niveau;code;intitulé")
    classeur = load_workbook(cl.vers_excel(tmp_path / "cadre.xlsx"))
    assert classeur.sheetnames == ["Cadre logique", "À corriger"]
    assert classeur["Cadre logique"]["C2"].value == "Adapter l'école au climat"


def test_cadre_du_cas() -> None:
    cl = cadre_logique_du_cas(charger("cour-oasis"))
    assert cl.anomalies() == []
    assert [r.code for r in cl.resultats] == ["R1", "R2", "R3"]
    html = cl._repr_html_()
    assert "<caption>Cadre logique</caption>" in html and 'scope="col"' in html
    assert CadreLogique.depuis_cas("cour-oasis").resultats == cl.resultats
    assert cl.verdicts() == []
    fig = cl.graphique()
    assert fig.axes[0].get_title().startswith("Cadre logique")
    plt.close(fig)
    with pytest.raises(ErreurSaisie, match="intitulé"):
        NiveauCadre("")


# ---------------------------------------------------------------------------
# Gouvernance
# ---------------------------------------------------------------------------

def test_raci_depuis_les_acteurs() -> None:
    acteurs = [{"nom": "Maire", "categorie": "élus", "pouvoir": 5}, {"nom": "Adjointe", "categorie": "élus",
                                                                       "pouvoir": 4},
               {"nom": "Services techniques", "categorie": "services", "pouvoir": 3},
               {"nom": "Parents", "categorie": "usagers", "pouvoir": 2},
               {"nom": "Agence de l'eau", "categorie": "financeurs", "pouvoir": 4}]
    g = Gouvernance.depuis_acteurs(acteurs)
    t = g.tableau_raci()
    assert (t == "A").sum(axis=1).eq(1).all() and (t == "R").sum(axis=1).ge(1).all()
    assert t.loc["Valider l'avant-projet", "Parents"] == "C"
    assert t.loc["Attribuer le marché de travaux", "Parents"] == "I"
    assert t.loc["Déposer les demandes de subvention", "Agence de l'eau"] == "C"
    assert t.loc["Valider le programme", "Adjointe"] == "C"
    assert [c.nom for c in g.comites] == ["Comité de pilotage", "Comité technique", "Groupe de travail des usagers"]
    with pytest.raises(ErreurDonnees, match="« élus » et un acteur « services »"):
        Gouvernance.depuis_acteurs(acteurs[3:])


def test_raci_incoherent() -> None:
    with pytest.raises(ErreurRegle, match="a 0 acteurs « A »") as exc:
        Gouvernance([], {"Valider le programme": {"DGS": "R"}})
    assert "désignez l'acteur qui approuve" in str(exc.value)
    with pytest.raises(ErreurRegle, match="aucun « R »"):
        Gouvernance([], {"Valider le programme": {"Maire": "A"}})
    with pytest.raises(ErreurSaisie, match="R \\(réalise\\)"):
        Gouvernance([], {"Valider le programme": {"Maire": "X"}})
    g = Gouvernance([], {"Valider le programme": {"Maire": "a", "DGS": "r"}})
    with pytest.raises(ErreurSaisie, match="vouliez-vous écrire « Valider le programme »"):
        g.qui_decide("Valider le programe")


def test_gouvernance_du_cas() -> None:
    g = gouvernance_du_cas(charger("cour-oasis"))
    # Le conseil municipal décide : projet, plan de financement, demandes de subvention, marché de travaux
    # (CGCT L2121-29, L2122-22) ; le maire porte la délibération (R) et décide de ce qui lui revient.
    conseil = "Conseil municipal de Fontenay-l'Exemple"
    assert g.organe_deliberant == conseil
    for decision in ("Valider le programme", "Approuver le plan de financement",
                     "Déposer les demandes de subvention", "Attribuer le marché de travaux"):
        assert g.qui_decide(decision) == conseil
        assert g.tableau_raci().loc[decision, "Maire"] == "R"
    assert g.qui_decide("Choisir le maître d'œuvre") == "Maire"
    assert [d.jalon for d in g.deliberations] == [
        "Conseil municipal : projet, plan de financement et demandes de subvention",
        "Conseil municipal : autorisation de signer le marché de travaux"]
    assert all(v.respectee for v in g.verdicts())
    assert "ne décide pas" in g.comites[0].role or "prépare" in g.comites[0].role
    assert g.comites[1].frequence == "toutes les trois semaines"  # instances écrites dans le cas
    assert g.tableau_raci().loc["Suivre le chantier", "Services techniques municipaux"] == "R"
    assert "RACI" in g._repr_html_() and "Organe délibérant" in g._repr_html_()
    assert Gouvernance.depuis_cas("cour-oasis").raci == g.raci
    fig = g.graphique()
    assert fig.axes[0].get_title().startswith("Qui fait quoi")
    plt.close(fig)


@pytest.mark.parametrize("slug", ["centre-bourg", "cour-oasis", "ecole-jules-ferry", "reseau-chaleur-bois",
                                  "reseau-cyclable", "tiers-lieu-rural"])
def test_chaque_cas_nomme_son_conseil_et_ses_deliberations(slug: str) -> None:
    g = Gouvernance.depuis_cas(slug)
    attendu = "Conseil communautaire" if slug == "reseau-cyclable" else "Conseil municipal"
    assert g.organe_deliberant.startswith(attendu)
    assert all(v.respectee for v in g.verdicts()), [str(v) for v in g.verdicts()]
    # Chaque délibération de la gouvernance est un jalon daté du planning.
    from mba_territoires.planning import Planning

    dates = {d["tache"]: d["date"] for d in Planning.depuis_cas(slug).deliberations()}
    assert g.deliberations and all(d.jalon in dates for d in g.deliberations)


def test_un_comite_qui_decide_est_signale() -> None:
    g = Gouvernance([Comite("Comité de pilotage", "décide du programme")],
                    {"Valider le programme": {"Maire": "A", "DGS": "R"}})
    organe, comites = g.verdicts()
    assert not organe.respectee and "conseil municipal" in organe.conseil
    assert not comites.respectee and "Comité de pilotage" in comites.constat
    avec = Gouvernance.depuis_acteurs([{"nom": "Maire", "categorie": "élus", "pouvoir": 5},
                                       {"nom": "DGS", "categorie": "services", "pouvoir": 3}],
                                      organe_deliberant="Conseil municipal de X")
    assert all(v.respectee for v in avec.verdicts())
