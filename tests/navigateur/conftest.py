"""Les montages de la suite « navigateur » : Chromium de Debian piloté par Playwright, le livre construit
servi sur 127.0.0.1, un contexte de navigation sans réseau, le dossier des captures d'écran.

Variables d'environnement :

- ``MBA_LIVRE_HTML`` : le dossier du livre construit (par défaut ``_build/html``) ;
- ``MBA_ARTEFACTS`` : où écrire les captures (par défaut ``_build/artefacts``, sous-dossier ``captures``) ;
- ``MBA_CHROMIUM`` : un autre exécutable que ``chromium`` ;
- ``MBA_NAVIGATEUR_FILS`` : le nombre de pages visitées en même temps (4 par défaut).

Un seul Chromium sert toute la session (``chromium_partage``) : les pages du livre y sont visitées
en parallèle, chacune dans son contexte (voir ``test_livre_navigateur.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .outils import Serveur, bloquer_hors_local, lancer_chromium, servir, trouver_chromium

RACINE = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def chromium_exe() -> str:
    """Le chemin de Chromium ; les tests sont sautés, avec la marche à suivre, s'il manque."""
    chemin = trouver_chromium()
    if chemin is None:
        pytest.skip(
            "Chromium introuvable : les tests du navigateur sont sautés. Installez-le avec "
            "`make chromium` (root et apt : apt-get install chromium) ou indiquez-le dans MBA_CHROMIUM."
        )
    return chemin


@pytest.fixture(scope="session")
def chromium_partage(chromium_exe: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """UN Chromium sans écran pour toute la session ; renvoie son adresse DevTools (``ws://…``).

    Le fil principal (fixture ``navigateur``) et les fils qui visitent les pages du livre en parallèle
    (``test_livre_navigateur.py``) s'y connectent chacun avec leur pilote Playwright.
    """
    with lancer_chromium(chromium_exe, tmp_path_factory.mktemp("profil-chromium")) as adresse:
        yield adresse


@pytest.fixture(scope="session")
def navigateur(chromium_partage: str) -> Iterator[Any]:
    """Le Chromium partagé, piloté depuis le fil principal."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.connect_over_cdp(chromium_partage)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def dossier_livre() -> Path:
    """Le livre construit ; les tests qui le visitent sont sautés s'il n'a pas été construit."""
    dossier = Path(os.environ.get("MBA_LIVRE_HTML", RACINE / "_build" / "html"))
    if not (dossier / "index.html").is_file():
        pytest.skip(f"livre non construit dans {dossier} : lancez `make check-book` (ou `make book`).")
    return dossier


@pytest.fixture(scope="session")
def serveur_livre(dossier_livre: Path) -> Iterator[Serveur]:
    """Le livre servi sur 127.0.0.1, sur un port libre."""
    with servir(dossier_livre) as serveur:
        yield serveur


@pytest.fixture
def hors_ligne(navigateur: Any, serveur_livre: Serveur) -> Iterator[Any]:
    """Un contexte de navigation en français où toute requête hors de 127.0.0.1 échoue."""
    contexte = navigateur.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    bloquer_hors_local(contexte, serveur_livre)
    yield contexte
    contexte.close()


@pytest.fixture(scope="session")
def captures() -> Path:
    """Le dossier des captures d'écran (artefacts des tests)."""
    dossier = Path(os.environ.get("MBA_ARTEFACTS", RACINE / "_build" / "artefacts")) / "captures"
    dossier.mkdir(parents=True, exist_ok=True)
    return dossier
