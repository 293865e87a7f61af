"""Le livre se construit sans le moindre avertissement, et chaque page de la table des matières existe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

RACINE = Path(__file__).resolve().parents[1]
HTML = RACINE / "_build" / "html"


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


@pytest.mark.livre
def test_le_livre_se_construit_sans_avertissement(tmp_path: Path) -> None:
    env = {**os.environ, "MBA_TERRITOIRES_EXERCICES": "solutions", "MBA_TERRITOIRES_PROGRESSION": str(tmp_path)}
    jb = Path(sys.executable).with_name("jupyter-book")
    resultat = subprocess.run(
        [str(jb), "build", str(RACINE), "--builder", "html", "-W", "-n", "--keep-going"],
        capture_output=True, text=True, env=env, check=False,
    )
    journal = resultat.stdout + resultat.stderr
    assert resultat.returncode == 0, journal[-6000:]
    assert not _avertissements_sphinx(journal), journal[-6000:]
    for fichier in _fichiers_toc():
        page = HTML / (fichier + ".html")
        assert page.is_file(), f"page manquante : {page}"
    intro = (HTML / "book" / "introduction.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in intro


def test_la_table_des_matieres_liste_tous_les_carnets() -> None:
    fichiers = set(_fichiers_toc())
    for carnet in sorted((RACINE / "notebooks").glob("*.ipynb")):
        assert f"notebooks/{carnet.stem}" in fichiers, f"{carnet.name} n'est pas dans _toc.yml"
