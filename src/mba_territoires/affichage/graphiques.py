"""Outils communs des graphiques : style du cahier et axes en euros à la française.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> fig, axe = nouvelle_figure("Recettes du projet")
>>> axe_euros(axe)
>>> axe.get_title()
'Recettes du projet'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..formats import euros, pourcentage
from . import GRIS, PALETTE

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["axe_euros", "axe_pourcentage", "image_html", "nouvelle_figure"]


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


def axe_pourcentage(axe: Axes, axe_xy: str = "y", decimales: int = 0) -> None:
    """Graduations en pourcentage à la française (``30 %``) pour des taux en décimales."""
    from matplotlib.ticker import FuncFormatter

    formateur = FuncFormatter(lambda v, _pos: pourcentage(v, decimales))
    (axe.yaxis if axe_xy == "y" else axe.xaxis).set_major_formatter(formateur)


def image_html(fig: Figure, alt: str) -> str:
    """Une figure en ``<img>`` PNG intégrée, avec son texte de remplacement (pour un widget HTML).

    Un widget qui affiche une figure par ``display(fig)`` produit une image sans texte de
    remplacement ; celle-ci en a un, ce qui la rend lisible par un lecteur d'écran.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig, _ = nouvelle_figure("Essai")
    >>> image_html(fig, "Barres « essai »").startswith('<img src="data:image/png;base64,')
    True
    """
    import base64
    import io
    from html import escape

    tampon = io.BytesIO()
    fig.savefig(tampon, format="png", dpi=90, bbox_inches="tight")
    donnees = base64.b64encode(tampon.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{donnees}" alt="{escape(alt)}" style="max-width:100%">'
