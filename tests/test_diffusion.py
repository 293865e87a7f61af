"""Les liens de diffusion : nbgitpuller (JupyterHub) et Binder, comparés aux exemples de leur documentation."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mba_territoires.diffusion import ErreurLien, lien_binder, lien_jupyterhub, url_binder, url_nbgitpuller
from mba_territoires.erreurs import ErreurSaisie

DEPOT = "https://github.com/mba-territoires/mba-territoires"
CARNET = "notebooks/00-prise-en-main.ipynb"


# --------------------------------------------------------------------------- exemples des documentations


def test_exemple_nbgitpuller_notebook_classique() -> None:
    # Lien produit par le générateur de nbgitpuller (interface classique : urlpath=tree/<dépôt>/<chemin>),
    # publié par le cours EECS 245 : https://notes.eecs245.org (devoir 11).
    attendu = ("https://datahub.eecs245.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Feecs245%2F"
               "wn26-code&urlpath=tree%2Fwn26-code%2Fhomeworks%2Fhw11%2Fhw11.ipynb&branch=main")
    assert url_nbgitpuller("https://datahub.eecs245.org", "https://github.com/eecs245/wn26-code",
                           "homeworks/hw11/hw11.ipynb", branche="main", interface="notebook") == attendu


def test_exemple_nbgitpuller_jupyterlab_hub_dans_un_sous_dossier() -> None:
    # Lien nbgitpuller documenté par eWaterCycle (JupyterLab : urlpath=lab/tree/<dépôt>/<chemin>, hub sous /jupyter).
    attendu = ("https://ws.example.nl/jupyter/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2FeWaterCycle"
               "%2Fewatercycle&urlpath=lab%2Ftree%2Fewatercycle%2Fdocs%2Fexamples%2FMarrmotM01.ipynb&branch=main")
    assert url_nbgitpuller("https://ws.example.nl/jupyter/", "https://github.com/eWaterCycle/ewatercycle",
                           "docs/examples/MarrmotM01.ipynb", branche="main") == attendu


def test_exemple_binder_jupyterlab() -> None:
    # README de binder-examples/jupyterlab : « ?urlpath=lab/tree/path/to/my/notebook.ipynb ».
    assert (url_binder("https://github.com/binder-examples/jupyterlab", "index.ipynb", branche="master")
            == "https://mybinder.org/v2/gh/binder-examples/jupyterlab/master?urlpath=lab/tree/index.ipynb")


def test_exemple_binder_notebook_classique() -> None:
    # jupyter.org, « Try Jupyter » : https://mybinder.org/v2/gh/ipython/ipython-in-depth/master?urlpath=tree/...
    assert (url_binder("https://github.com/ipython/ipython-in-depth", "binder/Index.ipynb", branche="master",
                       interface="notebook")
            == "https://mybinder.org/v2/gh/ipython/ipython-in-depth/master?urlpath=tree/binder/Index.ipynb")


# --------------------------------------------------------------------------- les liens du cahier


def test_lien_jupyterhub_du_cahier() -> None:
    lien = lien_jupyterhub("https://hub.ecole.fr", DEPOT, CARNET)
    morceaux = urlsplit(lien)
    assert (morceaux.scheme, morceaux.netloc, morceaux.path) == ("https", "hub.ecole.fr",
                                                                 "/hub/user-redirect/git-pull")
    parametres = parse_qs(morceaux.query)
    assert parametres == {"repo": [DEPOT], "branch": ["main"],
                          "urlpath": ["lab/tree/mba-territoires/notebooks/00-prise-en-main.ipynb"]}


@pytest.mark.parametrize(
    "hub",
    ["https://hub.ecole.fr", "https://hub.ecole.fr/", "https://hub.ecole.fr/hub/home", "https://hub.ecole.fr/hub",
     " https://hub.ecole.fr/hub/spawn "],
)
def test_adresse_du_hub_copiee_depuis_le_navigateur(hub: str) -> None:
    assert lien_jupyterhub(hub, DEPOT, CARNET).startswith("https://hub.ecole.fr/hub/user-redirect/git-pull?repo=")


def test_depot_en_git_branche_et_interface() -> None:
    lien = lien_jupyterhub("http://localhost:8000", DEPOT + ".git", CARNET, branche="2026-printemps",
                           interface="notebook")
    parametres = parse_qs(urlsplit(lien).query)
    # Sans « .git » : nbgitpuller nomme le dossier d'après la fin de l'adresse, et le lien l'ouvre.
    assert parametres["repo"] == [DEPOT]
    assert parametres["urlpath"] == ["tree/mba-territoires/notebooks/00-prise-en-main.ipynb"]
    assert parametres["branch"] == ["2026-printemps"]


def test_lien_binder_du_cahier() -> None:
    assert lien_binder(DEPOT, CARNET, branche="dev") == (
        "https://mybinder.org/v2/gh/mba-territoires/mba-territoires/dev?urlpath=lab/tree/"
        "notebooks/00-prise-en-main.ipynb")
    assert lien_binder(DEPOT, CARNET, binderhub="https://binder.ecole.fr/").startswith(
        "https://binder.ecole.fr/v2/gh/")


@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_ é", min_size=1, max_size=12)
                .filter(lambda s: s.strip() == s and s not in (".", "..")), min_size=1, max_size=4))
def test_le_lien_nbgitpuller_se_relit(morceaux: list[str]) -> None:
    """Quel que soit le chemin (accents, espaces), nbgitpuller relit exactement le dépôt et le chemin."""
    chemin = "/".join(morceaux) + ".ipynb"
    lien = url_nbgitpuller("https://hub.ecole.fr", DEPOT, chemin)
    parametres = parse_qs(urlsplit(lien).query)
    assert parametres["repo"] == [DEPOT]
    assert parametres["urlpath"] == [f"lab/tree/mba-territoires/{chemin}"]
    assert " " not in lien and "é" not in lien


# --------------------------------------------------------------------------- les erreurs, en français


@pytest.mark.parametrize(
    ("arguments", "extrait"),
    [
        ({"hub": "hub.ecole.fr"}, "l'adresse du JupyterHub « hub.ecole.fr » n'est pas une adresse web"),
        ({"hub": "ftp://hub.ecole.fr"}, "doit commencer par https://"),
        ({"hub": "https://hub.ecole.fr/?next=x"}, "contient des paramètres"),
        ({"depot": "git@github.com:mba-territoires/mba-territoires.git"}, "l'adresse du dépôt"),
        ({"depot": "https://github.com/"}, "ne nomme aucun dépôt"),
        ({"carnet": "/notebooks/00-prise-en-main.ipynb"}, "doit être relatif"),
        ({"carnet": "notebooks/../README.md"}, "doit être relatif"),
        ({"carnet": "notebooks/99-carnet-inexistant.ipynb"}, "n'est pas dans le dossier notebooks/"),
        ({"carnet": "00-prise-en-main.ipynb"}, "carnets disponibles : notebooks/00-prise-en-main.ipynb"),
        ({"interface": "vscode"}, "l'interface « vscode » est inconnue"),
        ({"branche": "ma branche"}, "le nom de branche « ma branche » n'est pas valide"),
    ],
)
def test_erreurs_du_lien_jupyterhub(arguments: dict[str, str], extrait: str) -> None:
    valeurs = {"hub": "https://hub.ecole.fr", "depot": DEPOT, "carnet": CARNET} | arguments
    with pytest.raises(ErreurLien) as erreur:
        lien_jupyterhub(**valeurs)
    assert extrait in str(erreur.value)
    assert "Conseil :" in str(erreur.value)
    assert isinstance(erreur.value, ErreurSaisie)


def test_binder_exige_un_depot_github() -> None:
    with pytest.raises(ErreurLien, match="n'est pas celle d'un dépôt GitHub"):
        lien_binder("https://gitlab.com/mba-territoires/mba-territoires", CARNET)
    with pytest.raises(ErreurLien, match="n'est pas une adresse web"):
        lien_binder(DEPOT, CARNET, binderhub="mybinder.org")


def test_le_carnet_est_cherche_dans_le_depot_donne(tmp_path: Path) -> None:
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "casestudies").mkdir()
    (tmp_path / "notebooks" / "03-plan-de-financement.ipynb").write_text("{}", encoding="utf-8")
    lien = lien_jupyterhub("https://hub.ecole.fr", DEPOT, "notebooks/03-plan-de-financement.ipynb", racine=tmp_path)
    assert "urlpath=lab%2Ftree%2Fmba-territoires%2Fnotebooks%2F03-plan-de-financement.ipynb" in lien
