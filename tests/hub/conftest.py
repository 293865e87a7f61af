"""Les tests du hub : un vrai JupyterHub sur 127.0.0.1, lancés par « make test-hub » (marqueur ``hub``).

Ils ont besoin de l'extra ``[hub]`` (jupyterhub, repo2docker…) et de configurable-http-proxy dans
``.outils/`` : « make test-hub » installe les deux. Ailleurs (``make test-paquet``, ``pytest`` tout court),
ils sont sautés, avec ce message, pour ne pas démarrer un hub par processus pytest-xdist.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "hub" in (config.getoption("markexpr") or ""):
        return
    saut = pytest.mark.skip(reason="test du hub : lancé par « make test-hub » (pytest -m hub tests/hub)")
    for item in items:
        if item.get_closest_marker("hub"):
            item.add_marker(saut)


@pytest.fixture(scope="session")
def classe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """Le dépôt servi sur 127.0.0.1 et un JupyterHub démarré ; tout est arrêté à la fin, même en échec."""
    from .classe import DepotServi, Hub

    dossier: Path = tmp_path_factory.mktemp("classe")
    depot = DepotServi(dossier)
    hub = Hub(dossier)
    try:
        hub.demarrer()
        yield depot, hub
    finally:
        with contextlib.suppress(Exception):
            hub.arreter()
        depot.arreter()
        restants = hub.processus_marques()
        assert not restants, f"processus du hub encore vivants après l'arrêt : {restants}"
