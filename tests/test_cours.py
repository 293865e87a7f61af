"""Le kit du cours : durées calculées depuis les carnets, programme de 30 heures, grille, pages à jour."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
import yaml

from mba_territoires import cours
from mba_territoires.affichage import pages_cours
from mba_territoires.erreurs import ErreurDonnees

RACINE = Path(__file__).resolve().parents[1]


def _carnet(tmp_path: Path, textes: list[str], codes: list[str]) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(t) for t in textes]
                                  + [nbformat.v4.new_code_cell(c) for c in codes])
    chemin = tmp_path / "essai.ipynb"
    nbformat.write(nb, chemin)
    return chemin


def test_duree_calculee_a_la_main(tmp_path):
    # 390 mots à 195 mots/min = 2 min ; 3 cellules de code hors exercice = 3 min ;
    # un exercice simple (8 min) et un exercice à deux réponses (15 min) = 23 min. Total : 28 min.
    chemin = _carnet(tmp_path, ["mot " * 390], [
        "import mba_territoires as mt", "plan = 1", "plan",
        'reponse = ...\nex.verifier("fctva", reponse)',
        'a = ...\nb = ...\nex.verifier("regle-et-montant", a, b)',
    ])
    d = cours.duree_carnet(chemin)
    assert (d.mots, d.lecture, d.code, d.nombre_exercices, d.exercices_a_etapes, d.exercices, d.total) == (
        390, 2, 3, 2, 1, 23, 28)


def test_carnet_inconnu():
    with pytest.raises(ErreurDonnees, match="introuvable"):
        cours.duree_carnet("99-n-existe-pas")


def test_programme_trente_heures_et_chaque_seance_tient_en_trois_heures():
    p = cours.programme()
    assert p.heures == 30 and [s.numero for s in p.seances] == list(range(1, 11))
    for s in p.seances:
        assert 0 < s.minutes <= cours.DUREE_SEANCE, (s.numero, s.minutes)
        assert 2 <= len(s.objectifs) <= 5 and s.preparer and s.notes


def test_chaque_carnet_du_programme_est_dans_le_livre():
    toc = (RACINE / "_toc.yml").read_text(encoding="utf-8")
    programme = {c for s in cours.programme().seances for c in s.carnets}
    assert programme, "le programme ne cite aucun carnet"
    for c in programme:
        assert f"notebooks/{c}" in toc, c
    # Toutes les leçons et tous les ateliers du livre sont au programme.
    carnets = {p.stem for p in (RACINE / "notebooks").glob("*.ipynb")}
    assert carnets <= programme, carnets - programme


def test_atelier_compte_le_cas_le_plus_long():
    s = next(s for s in cours.programme().seances if s.ateliers)
    assert s.minutes == max(cours.duree_carnet(c).total for c in s.carnets)


def test_grille():
    g = cours.grille()
    assert g.total == 20 and len(g.niveaux) == 4
    for c in g.criteres:
        assert len(c["exemples"]) == len(g.niveaux), c["nom"]
    assert "<th scope=\"col\">Critère</th>" in g._repr_html_()


def test_hypotheses_sourcees():
    for nom, h in cours.hypotheses().items():
        assert h["valeur"] > 0 and h["source"], nom


def test_durees_mesurees(tmp_path):
    for nom, minutes in (("lea", 40), ("tom", 60), ("ana", 52)):
        d = tmp_path / nom
        d.mkdir()
        fin = f"2026-10-05T{9 + minutes // 60:02d}:{minutes % 60:02d}:00+02:00"
        essais = [{"quand": "2026-10-05T09:00:00+02:00"}, {"quand": fin}]
        (d / "03-plan-de-financement.reponses.json").write_text(
            json.dumps({"exercices": {"fctva": {"essais": essais}}}), encoding="utf-8")
    (tmp_path / "casse.reponses.json").write_text("{", encoding="utf-8")
    assert cours.durees_mesurees(tmp_path) == {"03-plan-de-financement": {"apprenants": 3, "mediane_minutes": 52.0}}


@pytest.mark.parametrize("chemin", sorted(pages_cours.PAGES))
def test_pages_a_jour(chemin):
    attendu = pages_cours.PAGES[chemin]()
    assert (RACINE / chemin).read_text(encoding="utf-8") == attendu, (
        f"{chemin} n'est pas à jour : lancez python -m mba_territoires.affichage.pages_cours")


def test_donnees_cours_bien_formees():
    donnees = yaml.safe_load((RACINE / "src/mba_territoires/donnees/cours.yaml").read_text(encoding="utf-8"))
    assert len(donnees["seances"]) == 10
