"""L'extension du livre (book/_ext/mba_livre.py), sans construire le livre : titres des sorties
recalés, adresses de lancement des carnets (formes vérifiées dans les documentations de Binder,
nbgitpuller, Colab et des lanceurs Onyxia du SSP Cloud)."""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlparse

import pytest

RACINE = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ext():
    spec = importlib.util.spec_from_file_location("mba_livre", RACINE / "book" / "_ext" / "mba_livre.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["mba_livre"] = module
    spec.loader.exec_module(module)
    return module


def _app(hub: str = "") -> SimpleNamespace:
    theme = {
        "repository_url": "https://github.com/mba-territoires/mba-territoires",
        "repository_branch": "main",
        "launch_buttons": {
            "binderhub_url": "https://mybinder.org",
            "jupyterhub_url": hub,
            "colab_url": "https://colab.research.google.com",
        },
    }
    return SimpleNamespace(config=SimpleNamespace(html_theme_options=theme))


def test_les_exemples_de_l_extension(ext) -> None:
    echecs, essais = doctest.testmod(ext)
    assert essais >= 3 and echecs == 0


def test_un_titre_h4_sous_une_section_h2_devient_h3(ext) -> None:
    # La vue d'une étude de cas (cas.Cas._repr_html_) écrit <h4> ; sous « ## 3. Lire un tableau » : h3.
    assert ext.decaler_titres("<h4>École</h4><table></table>", 2) == "<h3>École</h3><table></table>"
    # L'écart entre titres est gardé, et l'on ne dépasse pas h6.
    assert ext.decaler_titres("<h1>A</h1><h2>B</h2>", 5) == "<h6>A</h6><h6>B</h6>"
    assert ext.decaler_titres('<H2 class="x">A</H2>', 1) == '<H2 class="x">A</H2>'


def test_les_liens_de_lancement_d_un_carnet(ext) -> None:
    chemin = "notebooks/00-prise-en-main.ipynb"
    liens = ext.liens_carnet(_app(), chemin)
    assert liens["Binder"] == (
        "https://mybinder.org/v2/gh/mba-territoires/mba-territoires/main?urlpath=lab/tree/" + chemin
    )
    assert liens["Colab"] == (
        "https://colab.research.google.com/github/mba-territoires/mba-territoires/blob/main/" + chemin
    )
    assert liens["JupyterHub"] is None  # pas de hub configuré : la page renvoie au guide
    onyxia = urlparse(liens["Onyxia"])
    assert f"{onyxia.scheme}://{onyxia.netloc}{onyxia.path}" == "https://datalab.sspcloud.fr/launcher/ide/jupyter-python"
    parametres = parse_qs(onyxia.query)
    assert parametres["autoLaunch"] == ["true"]
    # Les valeurs du lanceur sont entre guillemets « ».
    assert parametres["init.personalInit"] == [
        "«https://raw.githubusercontent.com/mba-territoires/mba-territoires/main/book/_static/onyxia-init.sh»"
    ]
    assert parametres["init.personalInitArgs"] == [f"«{chemin}»"]
    assert (RACINE / "book" / "_static" / "onyxia-init.sh").is_file()


def test_le_lien_nbgitpuller_ouvre_le_carnet_dans_la_copie_du_depot(ext) -> None:
    lien = ext.liens_carnet(_app("https://hub.mon-ecole.fr/"), "notebooks/00-prise-en-main.ipynb")["JupyterHub"]
    adresse = urlparse(lien)
    assert f"{adresse.scheme}://{adresse.netloc}{adresse.path}" == "https://hub.mon-ecole.fr/hub/user-redirect/git-pull"
    parametres = parse_qs(adresse.query)
    assert parametres["repo"] == ["https://github.com/mba-territoires/mba-territoires"]
    assert parametres["branch"] == ["main"]
    # nbgitpuller : le chemin commence par le nom du dossier cloné (documentation « url-options »).
    assert unquote(parametres["urlpath"][0]) == "lab/tree/mba-territoires/notebooks/00-prise-en-main.ipynb"
