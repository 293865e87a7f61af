"""Outils communs des graphiques : style du cahier et axes en euros à la française.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> fig, axe = nouvelle_figure("Recettes du projet")
>>> axe_euros(axe)
>>> axe.get_title()
'Recettes du projet'
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..formats import euros, pourcentage
from . import GRIS, PALETTE

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["axe_euros", "axe_pourcentage", "figure_en_png", "image_html", "nouvelle_figure", "sans_alerte_de_glyphe"]


def nouvelle_figure(titre: str, largeur: float = 7.0, hauteur: float = 3.6) -> tuple[Figure, Axes]:
    """Une figure au style du cahier : titre, palette d'Okabe-Ito, grille discrète."""
    import matplotlib.pyplot as plt
    from cycler import cycler

    fig, axe = plt.subplots(figsize=(largeur, hauteur))
    axe.set_prop_cycle(cycler(color=list(PALETTE)))
    axe.set_title(titre)
    axe.grid(axis="y", color=GRIS, alpha=0.25)
    axe.spines[["top", "right"]].set_visible(False)
    return fig, axe


def axe_euros(axe: Axes, axe_xy: str = "y", decimales: int = 0) -> None:
    """Graduations en euros à la française (``1 200 000 €``) sur l'axe ``y`` (ou ``x``)."""
    from matplotlib.ticker import FuncFormatter

    formateur = FuncFormatter(lambda v, _pos: euros(v, decimales))
    (axe.yaxis if axe_xy == "y" else axe.xaxis).set_major_formatter(formateur)


def _pourcentage_exact(taux: float, decimales: int) -> str:
    """Le taux avec au moins ``decimales`` chiffres après la virgule, et assez pour être exact (une
    graduation à 2,5 % s'écrit « 2,5 % », jamais « 3 % ») ; trois de plus au plus."""
    for d in range(decimales, decimales + 4):
        if abs(round(taux * 100, d) - taux * 100) < 1e-9:
            return pourcentage(taux, d)
    return pourcentage(taux, decimales + 3)


def axe_pourcentage(axe: Axes, axe_xy: str = "y", decimales: int = 0) -> None:
    """Graduations en pourcentage à la française (``30 %``) pour des taux en décimales : pas de 1, 2
    ou 5 (et leurs multiples de dix), chaque graduation écrite exactement.

    >>> _pourcentage_exact(0.025, 0), _pourcentage_exact(0.1, 0)
    ('2,5\xa0%', '10\xa0%')
    """
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axe_choisi = axe.yaxis if axe_xy == "y" else axe.xaxis
    axe_choisi.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 5, 10]))
    axe_choisi.set_major_formatter(FuncFormatter(lambda v, _pos: _pourcentage_exact(v, decimales)))


@contextlib.contextmanager
def sans_alerte_de_glyphe() -> Iterator[None]:
    """Un caractère absent de la police (emoji, idéogramme saisi dans un nom) s'affiche en carré vide,
    sans alerte : l'apprenant n'a rien à corriger.

    >>> with sans_alerte_de_glyphe():
    ...     pass
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from font", category=UserWarning)
        yield


def figure_en_png(fig: Figure, dpi: int = 150, fermer: bool = True) -> bytes:
    """L'image PNG d'une figure : le seul encodeur PNG du paquet (note Word, HTML, widgets).

    Le PNG ne porte pas la version de matplotlib (``Software``) : deux exports identiques donnent les
    mêmes octets. La figure est fermée ensuite, sauf ``fermer=False``.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig, _ = nouvelle_figure("Essai")
    >>> figure_en_png(fig)[:4] == b"\\x89PNG"
    True
    """
    import matplotlib.pyplot as plt

    tampon = io.BytesIO()
    try:
        with sans_alerte_de_glyphe():
            fig.savefig(tampon, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    finally:
        if fermer:
            plt.close(fig)
    return tampon.getvalue()


def image_html(fig: Figure, alt: str, dpi: int = 90) -> str:
    """Une figure en ``<img>`` PNG intégrée, avec son texte de remplacement (pour un widget HTML).

    Un widget qui affiche une figure par ``display(fig)`` produit une image sans texte de
    remplacement ; celle-ci en a un, ce qui la rend lisible par un lecteur d'écran. La figure reste
    ouverte (un widget peut la redessiner).

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig, _ = nouvelle_figure("Essai")
    >>> image_html(fig, "Barres « essai »").startswith('<img src="data:image/png;base64,')
    True
    """
    import base64
    from html import escape

    donnees = base64.b64encode(figure_en_png(fig, dpi=dpi, fermer=False)).decode("ascii")
    return f'<img src="data:image/png;base64,{donnees}" alt="{escape(alt)}" style="max-width:100%">'
