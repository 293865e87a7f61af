"""Le dépôt : README, CI, Binder et dépendances restent cohérents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

tomllib = pytest.importorskip("tomllib")  # Python 3.11 et plus

RACINE = Path(__file__).resolve().parents[1]


def test_readme_donne_les_deux_commandes() -> None:
    readme = (RACINE / "README.md").read_text(encoding="utf-8")
    bloc = re.search(r"```bash\n(.*?)```", readme, re.S)
    assert bloc is not None
    commandes = [ligne.split("#")[0].strip() for ligne in bloc.group(1).splitlines() if ligne.strip()]
    assert commandes == ["make book", "make test"]


def test_ci_appelle_la_commande_de_test_du_readme() -> None:
    assert "make test" in (RACINE / ".ci" / "run").read_text(encoding="utf-8")


def test_binder_fixe_chaque_dependance_du_paquet() -> None:
    projet = tomllib.loads((RACINE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    epingles = {}
    for ligne in (RACINE / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines():
        ligne = ligne.split("#")[0].strip()
        if "==" in ligne:
            nom, version = ligne.split("==")
            epingles[nom.lower().replace("_", "-")] = Version(version)
    besoins = [Requirement(d) for d in projet["dependencies"] + projet["optional-dependencies"]["lab"]]
    for besoin in besoins:
        nom = besoin.name.lower().replace("_", "-")
        assert nom in epingles, f"{nom} n'est pas épinglé dans binder/requirements.txt"
        assert besoin.specifier.contains(epingles[nom]), f"{nom}=={epingles[nom]} hors de {besoin.specifier}"
