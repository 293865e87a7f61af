"""Réglages communs des tests : pas d'écran, aucune écriture dans le dépôt."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest
from hypothesis import settings

matplotlib.use("Agg")

# Pas de délai par exemple (la machine de référence a deux cœurs, souvent chargés) ; en CI, exemples
# tirés de façon déterministe pour qu'un échec se rejoue à l'identique.
settings.register_profile("mba", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "mba")

RACINE = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _progression_isolee(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Les fichiers de progression des exercices vont dans un dossier temporaire."""
    monkeypatch.setenv("MBA_TERRITOIRES_PROGRESSION", str(tmp_path))
    monkeypatch.delenv("MBA_TERRITOIRES_EXERCICES", raising=False)
    monkeypatch.delenv("MBA_TERRITOIRES_APPRENANT", raising=False)  # variante du livre, sauf test explicite


def gestionnaire_noyau(dossier: Path):
    """Un gestionnaire de noyau qui parle par sockets Unix (transport ipc) plutôt que par ports TCP.

    `make test` exécute en même temps les tests du paquet et le livre : deux noyaux qui démarrent à la même
    seconde peuvent tirer le même port TCP (« Address already in use ») et l'un reste muet jusqu'au délai
    (vu sur la machine de référence chargée). Les sockets Unix, dans un dossier propre à chaque test, ne se
    disputent rien.
    """
    from jupyter_client.manager import KernelManager

    return KernelManager(kernel_name="python3", transport="ipc", ip=str(dossier / "noyau"))


@pytest.fixture
def noyau_ipc(tmp_path_factory: pytest.TempPathFactory):
    """Fabrique de gestionnaires de noyau en transport ipc (voir :func:`gestionnaire_noyau`)."""
    return lambda: gestionnaire_noyau(tmp_path_factory.mktemp("ipc"))


@pytest.fixture
def racine() -> Path:
    """La racine du dépôt."""
    return RACINE


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("MPLBACKEND", "Agg")
