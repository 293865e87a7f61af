"""Les liens qui ouvrent un carnet à une classe : JupyterHub (nbgitpuller) et Binder.

Un lien nbgitpuller copie le dépôt dans l'espace de l'apprenant sur le JupyterHub de l'établissement
(ou le met à jour sans écraser son travail), puis ouvre le carnet. Le format est celui du générateur
de liens de nbgitpuller : ``{hub}/hub/user-redirect/git-pull?repo=...&urlpath=...&branch=...``.

>>> lien = lien_jupyterhub("https://hub.ecole.fr", "https://github.com/mba-territoires/mba-territoires",
...                        "notebooks/00-prise-en-main.ipynb")
>>> print(lien.replace("?", "\\n?").replace("&", "\\n&"))
https://hub.ecole.fr/hub/user-redirect/git-pull
?repo=https%3A%2F%2Fgithub.com%2Fmba-territoires%2Fmba-territoires
&urlpath=lab%2Ftree%2Fmba-territoires%2Fnotebooks%2F00-prise-en-main.ipynb
&branch=main

Un lien Binder construit l'environnement du dépôt sur mybinder.org et ouvre le carnet :

>>> print(lien_binder("https://github.com/mba-territoires/mba-territoires", "notebooks/00-prise-en-main.ipynb"))
https://mybinder.org/v2/gh/mba-territoires/mba-territoires/main?urlpath=lab/tree/notebooks/00-prise-en-main.ipynb
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlencode, urlsplit

from .erreurs import ErreurSaisie

__all__ = [
    "INTERFACES",
    "ErreurLien",
    "lien_binder",
    "lien_jupyterhub",
    "url_binder",
    "url_nbgitpuller",
]

#: Les interfaces qu'un lien peut ouvrir : JupyterLab (``lab``) ou le Notebook classique (``notebook``).
INTERFACES = {"lab": "lab/tree/", "notebook": "tree/"}
#: Le BinderHub public.
BINDERHUB = "https://mybinder.org"
#: La branche du dépôt par défaut.
BRANCHE = "main"


class ErreurLien(ErreurSaisie):
    """Une adresse ou un chemin de carnet qui ne permet pas de construire un lien de diffusion."""


def _adresse(url: str, quoi: str, exemple: str) -> str:
    """Une adresse http(s) valide, sans barre finale."""
    texte = str(url).strip()
    morceaux = urlsplit(texte)
    if morceaux.scheme not in ("http", "https") or not morceaux.netloc:
        raise ErreurLien(f"{quoi} « {url} » n'est pas une adresse web (elle doit commencer par https://)",
                         conseil=f"copiez l'adresse complète depuis votre navigateur, par exemple {exemple}")
    if morceaux.query or morceaux.fragment:
        raise ErreurLien(f"{quoi} « {url} » contient des paramètres (après « ? » ou « # »)",
                         conseil=f"gardez seulement le début de l'adresse, par exemple {exemple}")
    return texte.rstrip("/")


def _hub(hub: str) -> str:
    adresse = _adresse(hub, "l'adresse du JupyterHub", "https://hub.ecole.fr")
    # Une adresse copiée depuis le hub lui-même (https://hub.ecole.fr/hub/home) : on garde la base.
    morceaux = urlsplit(adresse)
    chemin = morceaux.path
    if chemin == "/hub" or "/hub/" in chemin + "/":
        chemin = chemin[: (chemin + "/").index("/hub/")]
    return f"{morceaux.scheme}://{morceaux.netloc}{chemin}"


def _depot(depot: str) -> tuple[str, list[str]]:
    """L'adresse du dépôt sans ``.git`` final, et les morceaux de son chemin (propriétaire, nom)."""
    adresse = _adresse(depot, "l'adresse du dépôt", "https://github.com/mba-territoires/mba-territoires")
    if adresse.endswith(".git"):
        adresse = adresse[: -len(".git")]
    morceaux = [m for m in urlsplit(adresse).path.split("/") if m]
    if not morceaux:
        raise ErreurLien(f"l'adresse du dépôt « {depot} » ne nomme aucun dépôt",
                         conseil="donnez l'adresse du dépôt, par exemple https://github.com/mba-territoires/"
                         "mba-territoires")
    return adresse, morceaux


def _chemin(chemin: str | Path) -> str:
    """Un chemin relatif dans le dépôt, à barres obliques, sans « .. »."""
    texte = str(chemin).strip().replace("\\", "/")
    relatif = PurePosixPath(texte)
    if not texte or relatif.is_absolute() or ".." in relatif.parts:
        raise ErreurLien(f"le chemin du carnet « {chemin} » doit être relatif à la racine du dépôt",
                         conseil="par exemple notebooks/00-prise-en-main.ipynb")
    return relatif.as_posix()


def _interface(interface: str) -> str:
    if interface not in INTERFACES:
        raise ErreurLien(f"l'interface « {interface} » est inconnue",
                         conseil="choisissez " + " ou ".join(f"« {i} »" for i in INTERFACES))
    return INTERFACES[interface]


def _branche(branche: str) -> str:
    texte = str(branche).strip()
    if not texte or any(c in texte for c in " ?#&"):
        raise ErreurLien(f"le nom de branche « {branche} » n'est pas valide",
                         conseil="donnez le nom d'une branche du dépôt, par exemple main")
    return texte


def url_nbgitpuller(hub: str, depot: str, chemin: str | Path, branche: str = BRANCHE,
                    interface: str = "lab") -> str:
    """Le lien nbgitpuller vers n'importe quel fichier ``chemin`` du dépôt (sans vérifier qu'il existe).

    Le dossier créé chez l'apprenant porte le nom du dépôt : le chemin ouvert commence par ce nom.

    >>> lien = url_nbgitpuller("https://hub.ecole.fr/hub/home", "https://github.com/mba-territoires/cours.git",
    ...                        "notebooks/03-plan.ipynb", interface="notebook")
    >>> print(lien.replace("?", "\\n?").replace("&", "\\n&"))
    https://hub.ecole.fr/hub/user-redirect/git-pull
    ?repo=https%3A%2F%2Fgithub.com%2Fmba-territoires%2Fcours
    &urlpath=tree%2Fcours%2Fnotebooks%2F03-plan.ipynb
    &branch=main
    """
    base = _hub(hub)
    adresse, morceaux = _depot(depot)
    parametres = {
        "repo": adresse,
        "urlpath": _interface(interface) + f"{morceaux[-1]}/{_chemin(chemin)}",
        "branch": _branche(branche),
    }
    return f"{base}/hub/user-redirect/git-pull?{urlencode(parametres)}"


def url_binder(depot: str, chemin: str | Path, branche: str = BRANCHE, interface: str = "lab",
               binderhub: str = BINDERHUB) -> str:
    """Le lien Binder vers n'importe quel fichier ``chemin`` d'un dépôt GitHub (sans vérifier qu'il existe).

    >>> url_binder("https://github.com/binder-examples/jupyterlab", "index.ipynb", branche="master")
    'https://mybinder.org/v2/gh/binder-examples/jupyterlab/master?urlpath=lab/tree/index.ipynb'
    """
    base = _adresse(binderhub, "l'adresse du BinderHub", BINDERHUB)
    adresse, morceaux = _depot(depot)
    if urlsplit(adresse).netloc.lower() not in ("github.com", "www.github.com") or len(morceaux) != 2:
        raise ErreurLien(f"l'adresse du dépôt « {depot} » n'est pas celle d'un dépôt GitHub",
                         conseil="Binder (liens /v2/gh/) attend https://github.com/<propriétaire>/<dépôt>")
    proprietaire, nom = morceaux
    urlpath = quote(_interface(interface) + _chemin(chemin), safe="/")
    return f"{base}/v2/gh/{quote(proprietaire)}/{quote(nom)}/{quote(_branche(branche), safe='')}?urlpath={urlpath}"


def _carnet_du_depot(carnet: str | Path, racine: Path | str | None) -> str:
    """Le chemin ``notebooks/NN-nom.ipynb`` d'un carnet qui existe dans le dépôt."""
    from .editions import carnets_du_depot, racine_depot

    racine = Path(racine) if racine is not None else racine_depot()
    chemin = _chemin(carnet)
    disponibles = [f"notebooks/{c.name}" for c in carnets_du_depot(racine)]
    if chemin not in disponibles:
        raise ErreurLien(f"le carnet « {carnet} » n'est pas dans le dossier notebooks/ du dépôt",
                         conseil="carnets disponibles : " + ", ".join(disponibles))
    return chemin


def lien_jupyterhub(hub: str, depot: str, carnet: str | Path, branche: str = BRANCHE, interface: str = "lab",
                    racine: Path | str | None = None) -> str:
    """Le lien nbgitpuller qui ouvre le carnet ``carnet`` (``notebooks/NN-nom.ipynb``) sur un JupyterHub.

    Le carnet doit exister dans le dossier ``notebooks/`` du dépôt local (``racine``, par défaut
    celui où l'on se trouve) : un lien vers un carnet mal nommé ne serait découvert qu'en classe.
    """
    return url_nbgitpuller(hub, depot, _carnet_du_depot(carnet, racine), branche, interface)


def lien_binder(depot: str, carnet: str | Path, branche: str = BRANCHE, interface: str = "lab",
                binderhub: str = BINDERHUB, racine: Path | str | None = None) -> str:
    """Le lien Binder qui ouvre le carnet ``carnet`` (``notebooks/NN-nom.ipynb``) sur mybinder.org."""
    return url_binder(depot, _carnet_du_depot(carnet, racine), branche, interface, binderhub)
