"""La configuration d'un serveur (deploiement/jupyterhub/jupyterhub_config.py), chargée dans un vrai hub.

Le hub d'essai charge ce fichier (``load_subconfig``) puis remplace seulement ce qui touche la machine :
ports sur 127.0.0.1, dossiers temporaires, spawner sans comptes Unix. Restent ceux du fichier : le service
jupyterhub-idle-culler et son rôle, les limites par apprenant, l'environnement du cahier.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .classe import MOT_DE_PASSE, PROXY, RACINE, VENV_BIN, Hub

pytestmark = pytest.mark.hub

CONFIG = RACINE / "deploiement" / "jupyterhub" / "jupyterhub_config.py"


def _environ(pid: int) -> dict[str, str]:
    brut = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(v.decode().split("=", 1) for v in brut if b"=" in v)


def test_configuration_du_serveur_dans_un_vrai_hub(tmp_path: Path) -> None:
    hub = Hub(tmp_path, sous_config=CONFIG, env={
        "MBA_HUB_ENV": str(VENV_BIN.parent), "MBA_HUB_DONNEES": str(tmp_path), "MBA_HUB_PROXY": str(PROXY),
        "MBA_HUB_MOT_DE_PASSE": MOT_DE_PASSE, "MBA_HUB_INACTIVITE": "5", "MBA_HUB_CULL_EVERY": "1"})
    try:
        hub.demarrer()
        services = hub.api("GET", "/services").json()
        assert "jupyterhub-idle-culler" in services, services
        hub.creer_apprenants(["dora"])
        hub.demarrer_serveur("dora")
        hub.attendre_serveur("dora")
        # Les limites de la configuration arrivent au serveur de l'apprenant (1G = 1024³ octets).
        pid = hub.pid_serveur("dora")
        ligne = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        assert b"--KernelManager.transport=ipc" in ligne  # Spawner.args de la configuration
        env = _environ(pid)
        assert env["MEM_LIMIT"] == str(1024**3)
        assert env["MEM_GUARANTEE"] == str(512 * 1024**2)
        assert float(env["CPU_LIMIT"]) == 1.0
        # Pas de MPLBACKEND imposé : le noyau de l'apprenant affiche ses figures (moteur « inline »).
        assert "MPLBACKEND" not in env
        # Le serveur inactif est arrêté par jupyterhub-idle-culler (5 s d'inactivité, vérifié chaque seconde).
        debut = time.monotonic()
        while time.monotonic() - debut < 45:
            if not hub.api("GET", "/users/dora").json().get("servers"):
                break
            time.sleep(1)
        else:
            pytest.fail(f"le serveur inactif de dora n'a pas été arrêté en 45 s :\n{hub.fin_du_journal()}")
        assert "jupyterhub-idle-culler" in hub.journal.read_text(encoding="utf-8")
    finally:
        hub.arreter()
    assert not hub.processus_marques()


def test_valeurs_z2jh_coherentes_avec_le_serveur_unique() -> None:
    """Le fichier Helm se lit, et ses limites sont celles de jupyterhub_config.py (mêmes mesures)."""
    import re

    import yaml

    valeurs = yaml.safe_load((RACINE / "deploiement" / "jupyterhub" / "z2jh-values.yaml").read_text(encoding="utf-8"))
    texte = CONFIG.read_text(encoding="utf-8")

    def defaut(variable: str) -> str:
        trouve = re.search(rf'"{variable}", "([^"]+)"', texte)
        assert trouve, variable
        return trouve.group(1)

    utilisateur = valeurs["singleuser"]
    assert utilisateur["memory"] == {"guarantee": defaut("MBA_HUB_MEMOIRE_GARANTIE"),
                                     "limit": defaut("MBA_HUB_MEMOIRE_LIMITE")}
    assert float(utilisateur["cpu"]["limit"]) == float(defaut("MBA_HUB_CPU_LIMITE"))
    assert utilisateur["cmd"] == "jupyterhub-singleuser" and utilisateur["defaultUrl"] == "/lab"
    assert utilisateur["storage"]["type"] == "dynamic" and utilisateur["storage"]["homeMountPath"] == "/home/jovyan"
    assert valeurs["cull"]["enabled"] is True
    assert valeurs["cull"]["timeout"] == int(defaut("MBA_HUB_INACTIVITE"))
    assert valeurs["cull"]["every"] == int(defaut("MBA_HUB_CULL_EVERY"))
