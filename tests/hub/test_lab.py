"""``make lab`` démarre JupyterLab même en root (conteneurs, serveurs d'école), en français, sans question « news »."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import time

import pytest
import requests

from .classe import RACINE, port_libre

pytestmark = pytest.mark.hub


def _environnement_du_serveur(groupe: int) -> dict[str, str] | None:
    """Les variables d'environnement du processus ``jupyter-lab`` du groupe ``groupe`` (Linux, /proc)."""
    from pathlib import Path

    for dossier in Path("/proc").iterdir():
        if not dossier.name.isdigit():
            continue
        try:
            champs = (dossier / "stat").read_text().rsplit(")", 1)[1].split()
            ligne = (dossier / "cmdline").read_bytes().replace(b"\0", b" ")
            if int(champs[2]) != groupe or (b"jupyter-lab" not in ligne and b"jupyter lab" not in ligne):
                continue
            brut = (dossier / "environ").read_bytes().split(b"\0")
        except (OSError, IndexError, ValueError):
            continue
        if b"env -u" in ligne:  # la commande `env` elle-même, avant qu'elle ne lance JupyterLab
            continue
        return dict(v.decode(errors="replace").split("=", 1) for v in brut if b"=" in v)
    return None


def test_make_lab_demarre(tmp_path) -> None:  # type: ignore[no-untyped-def]
    port, jeton = port_libre(), secrets.token_hex(16)
    options = f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={jeton}"
    journal = tmp_path / "lab.log"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    # -o : l'installation (.venv/.installe) est faite par make test-hub avant les tests ; on ne la refait pas ici.
    with open(journal, "wb") as sortie:
        lab = subprocess.Popen(["make", "--no-print-directory", "-o", ".venv/.installe", "lab",
                                f"LAB_OPTIONS={options}"], cwd=RACINE, env=env, stdout=sortie,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        limite = time.monotonic() + 60
        statut = None
        while time.monotonic() < limite and lab.poll() is None:
            with contextlib.suppress(requests.ConnectionError):
                statut = requests.get(f"http://127.0.0.1:{port}/api/status", timeout=5,
                                      headers={"Authorization": f"token {jeton}"})
                break
            time.sleep(0.3)
        texte = journal.read_text(encoding="utf-8", errors="replace")
        assert statut is not None and statut.status_code == 200, f"make lab n'a pas démarré :\n{texte[-3000:]}"
        if os.geteuid() == 0:
            assert "--allow-root" in texte  # la commande affichée par make
        reglages = requests.get(f"http://127.0.0.1:{port}/lab/api/settings/@jupyterlab/apputils-extension:notification",
                                timeout=10, headers={"Authorization": f"token {jeton}"}).json()
        assert reglages["schema"]["properties"]["fetchNews"]["default"] == "false"
        # La séance ne reçoit pas les réglages des tests : figures dans le carnet, réponses à côté du carnet.
        environnement = _environnement_du_serveur(lab.pid)
        assert environnement is not None, "processus jupyter lab introuvable"
        assert "MPLBACKEND" not in environnement and "MBA_TERRITOIRES_PROGRESSION" not in environnement
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(lab.pid, signal.SIGTERM)
        try:
            lab.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
            lab.wait(timeout=10)
