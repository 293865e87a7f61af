"""Le même environnement partout : repo2docker comprend binder/ (l'image du JupyterHub sur Kubernetes).

repo2docker ``--no-build`` imprime le Dockerfile qu'il construirait, sans docker : on y vérifie que la
configuration de binder/ est lue (version de Python, épingles, postBuild) et que l'image aura ce qu'il faut
pour Zero to JupyterHub (``jupyterhub-singleuser``) et pour les liens (nbgitpuller).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .classe import RACINE

pytestmark = pytest.mark.hub


@pytest.fixture(scope="module")
def dockerfile() -> tuple[str, str]:
    repo2docker = Path(sys.executable).parent / "repo2docker"
    fini = subprocess.run([str(repo2docker), "--no-build", "--no-run", "--user-id", "1000", "--user-name", "jovyan",
                           str(RACINE)], capture_output=True, text=True, timeout=120)
    assert fini.returncode == 0, f"repo2docker --no-build a échoué :\n{fini.stderr}"
    return fini.stdout, fini.stderr


def test_repo2docker_lit_binder(dockerfile: tuple[str, str]) -> None:
    texte, journal = dockerfile
    assert texte.lstrip().startswith("FROM "), texte[:200]
    # runtime.txt : python-3.11 → l'environnement conda de base de repo2docker pour Python 3.11.
    version = (RACINE / "binder" / "runtime.txt").read_text(encoding="utf-8").strip().removeprefix("python-")
    assert f"Building conda environment for python={version}" in journal
    assert "environment-2epy-2d" + version.replace(".", "-2e") + "-2dlinux-2d64-2elock" in texte
    # requirements.txt : installé après la copie du dépôt (il contient « . », le paquet du cahier).
    assert "COPY --chown=1000:1000 src/binder/requirements.txt ${REPO_DIR}/binder/requirements.txt" in texte
    copie, installation = texte.index("COPY --chown=1000:1000 src/ ${REPO_DIR}/"), \
        texte.index('pip install --no-cache-dir -r "binder/requirements.txt"')
    assert copie < installation
    # postBuild : exécuté (il installe overrides.json : français, pas de question « news »).
    assert "RUN ./binder/postBuild" in texte
    assert "binder/overrides.json" in (RACINE / "binder" / "postBuild").read_text(encoding="utf-8")


def test_binder_epingle_tout_ce_qu_il_installe() -> None:
    lignes = [ligne.split("#")[0].strip()
              for ligne in (RACINE / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    lignes = [ligne for ligne in lignes if ligne]
    non_epinglees = [ligne for ligne in lignes if ligne != "." and not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+",
                                                                                    ligne)]
    assert not non_epinglees, f"lignes non épinglées dans binder/requirements.txt : {non_epinglees}"
    noms = {ligne.split("==")[0].lower().replace("_", "-") for ligne in lignes if "==" in ligne}
    assert {"nbgitpuller", "jupyterlab", "ipykernel"} <= noms
    assert "." in lignes  # le paquet du cahier lui-même


def test_image_a_jupyterhub_singleuser() -> None:
    """Zero to JupyterHub lance ``jupyterhub-singleuser`` dans l'image : l'environnement de base l'apporte."""
    import repo2docker.buildpacks.conda as conda

    version = (RACINE / "binder" / "runtime.txt").read_text(encoding="utf-8").strip().removeprefix("python-")
    verrou = Path(conda.__file__).parent / f"environment.py-{version}-linux-64.lock"
    trouve = re.search(r"/jupyterhub-singleuser-(\d+)\.(\d+)\.(\d+)-", verrou.read_text(encoding="utf-8"))
    assert trouve, f"jupyterhub-singleuser absent de {verrou.name}"
    majeure = int(trouve.group(1))
    # deploiement/jupyterhub/z2jh-values.yaml dit quelle version du chart va avec cette image.
    valeurs = (RACINE / "deploiement" / "jupyterhub" / "z2jh-values.yaml").read_text(encoding="utf-8")
    assert f"jupyterhub-singleuser {majeure}." in valeurs, (
        f"l'image aura jupyterhub-singleuser {trouve.group(0)} : mettez z2jh-values.yaml à jour")
