"""Le livre construit UNE fois (``make book``, dans ``make check-book`` et ``make test``) est vérifié
ici sans être reconstruit : aucun avertissement dans le journal de construction, chaque page de la
table des matières existe, chaque carnet a été exécuté par le livre en édition enseignant (une
solution fausse ou une erreur y fait échouer la construction) et ses exercices y sont justes, la
page « Veille réglementaire » reprend les paramètres datés.

Les carnets ne sont donc plus exécutés une seconde fois par nbval dans ``make test`` (la cible
``make test-carnets`` reste pour vérifier un carnet pendant qu'on l'écrit).

Variables : ``MBA_LIVRE_HTML`` (le site, par défaut ``_build/html``), ``MBA_LIVRE_JOURNAL`` (le
journal de construction, par défaut ``_build/livre.log``), ``MBA_TERRITOIRES_PROGRESSION`` (les
réponses enregistrées pendant l'exécution, par défaut ``_build/progression``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

RACINE = Path(__file__).resolve().parents[1]
HTML = Path(os.environ.get("MBA_LIVRE_HTML", RACINE / "_build" / "html"))
JOURNAL = Path(os.environ.get("MBA_LIVRE_JOURNAL", RACINE / "_build" / "livre.log"))
PROGRESSION = Path(os.environ.get("MBA_TERRITOIRES_PROGRESSION", RACINE / "_build" / "progression"))


def _fichiers_toc() -> list[str]:
    toc = yaml.safe_load((RACINE / "_toc.yml").read_text(encoding="utf-8"))
    fichiers = [toc["root"]]
    for partie in toc.get("parts", []):
        fichiers += [chapitre["file"] for chapitre in partie["chapters"]]
    return fichiers


def _avertissements_sphinx(journal: str) -> list[str]:
    """Les avertissements de Sphinx et de ses extensions (« WARNING: »), pas ceux du noyau Jupyter.

    ipykernel 7 écrit « [IPKernelApp] WARNING | Kernel is running over TCP without encryption » à
    chaque démarrage de noyau local : ce n'est pas un défaut du livre.
    """
    return [ligne for ligne in journal.splitlines() if "WARNING" in ligne and "[IPKernelApp] WARNING" not in ligne]


def test_le_filtre_des_avertissements() -> None:
    journal = (
        "[IPKernelApp] WARNING | Kernel is running over TCP without encryption.\n"
        "notebooks/01.ipynb:: WARNING: figure sans texte de remplacement dans notebooks/01\n"
    )
    attendu = "notebooks/01.ipynb:: WARNING: figure sans texte de remplacement dans notebooks/01"
    assert _avertissements_sphinx(journal) == [attendu]


@pytest.fixture(scope="module")
def livre() -> Path:
    if not (HTML / "index.html").is_file():
        pytest.skip(f"livre non construit dans {HTML} : lancez `make check-book` (qui le construit une fois)")
    return HTML


@pytest.mark.livre
def test_le_livre_s_est_construit_sans_avertissement(livre: Path) -> None:
    if not JOURNAL.is_file():
        pytest.skip(f"journal de construction absent ({JOURNAL}) : `make book` l'écrit")
    journal = JOURNAL.read_text(encoding="utf-8", errors="replace")
    assert not _avertissements_sphinx(journal), "\n".join(_avertissements_sphinx(journal))[-6000:]
    assert "build succeeded" in journal or "Finished generating HTML" in journal, journal[-3000:]


@pytest.mark.livre
def test_chaque_page_de_la_table_des_matieres_existe(livre: Path) -> None:
    for fichier in _fichiers_toc():
        page = livre / (fichier + ".html")
        assert page.is_file(), f"page manquante : {page}"
    intro = (livre / "book" / "introduction.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in intro


@pytest.mark.livre
@pytest.mark.parametrize("carnet", [f for f in _fichiers_toc() if f.startswith("notebooks/")])
def test_le_livre_a_execute_le_carnet_sans_erreur(livre: Path, carnet: str) -> None:
    """Le carnet exécuté que publie le livre a des sorties et aucune sortie d'erreur."""
    execute = RACINE / "_build" / "jupyter_execute" / (carnet + ".ipynb")
    if not execute.is_file():
        pytest.skip(f"carnet exécuté absent ({execute}) : construit dans un autre dossier ?")
    cellules = json.loads(execute.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cellules if c["cell_type"] == "code"]
    assert any(c.get("outputs") for c in code), f"{carnet} : aucune sortie, le carnet n'a pas été exécuté"
    erreurs = [i for i, c in enumerate(code) for s in c.get("outputs", []) if s.get("output_type") == "error"]
    assert not erreurs, f"{carnet} : sortie d'erreur aux cellules de code {erreurs}"


@pytest.mark.livre
@pytest.mark.parametrize("carnet", [f for f in _fichiers_toc() if re.match(r"notebooks/\d\d-", f)])
def test_les_exercices_du_carnet_sont_justes_dans_le_livre(livre: Path, carnet: str) -> None:
    """Exécuté en édition enseignant, chaque exercice du carnet a été vérifié « juste »."""
    nom = carnet.split("/")[-1]
    fichier = PROGRESSION / f"{nom}.reponses.json"
    if not fichier.is_file():
        pytest.skip(f"pas de réponses enregistrées pour {nom} dans {PROGRESSION} (carnet tiré du cache)")
    source = json.loads((RACINE / (carnet + ".ipynb")).read_text(encoding="utf-8"))["cells"]
    attendus = sum("solution" in c.get("metadata", {}).get("tags", []) for c in source)
    exercices = json.loads(fichier.read_text(encoding="utf-8"))["exercices"]
    faux = {k: e["statut"] for k, e in exercices.items() if e["statut"] != "juste"}
    assert not faux, f"{nom} : exercices non justes dans le livre : {faux}"
    assert len(exercices) >= attendus, f"{nom} : {len(exercices)} exercices vérifiés pour {attendus} solutions"


@pytest.mark.livre
def test_la_veille_reglementaire_reprend_les_parametres(livre: Path) -> None:
    from mba_territoires.parametres import catalogue, changements, domaines

    page = (livre / "book" / "veille-reglementaire.html").read_text(encoding="utf-8")
    for cle in catalogue():
        assert f"({cle})" in page, f"la veille ne cite pas le paramètre {cle}"
    for domaine in domaines():
        assert f'id="domaine-{domaine.replace("_", "-")}"' in page, domaine
    assert 'id="ce-qui-a-change"' in page
    for c in changements("2024-01-01", "2026-12-01"):
        assert f"({c.cle})" in page.split('id="ce-qui-a-change"')[1].split('id="domaine-')[0], c.cle
    assert "<caption>" in page and 'scope="col"' in page


def test_la_table_des_matieres_liste_tous_les_carnets() -> None:
    fichiers = set(_fichiers_toc())
    for carnet in sorted((RACINE / "notebooks").glob("*.ipynb")):
        assert f"notebooks/{carnet.stem}" in fichiers, f"{carnet.name} n'est pas dans _toc.yml"
    assert "book/veille-reglementaire" in fichiers
