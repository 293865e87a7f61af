"""Le graphique de la note aux élus : qui finance le projet, en barres horizontales.

Une barre par financeur, dans l'ordre du plan de financement, aux couleurs de la palette
d'Okabe-Ito ; chaque barre porte son montant et sa part. Aucune règle n'est calculée ici :
les lignes arrivent déjà validées par :mod:`mba_territoires.note`.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from mba_territoires.note import LigneFinancement
>>> fig = graphique_recettes([LigneFinancement("DETR", 276000, 0.30),
...                           LigneFinancement("Commune", 644000, 0.70)])
>>> fig.axes[0].get_title()
'Qui finance le projet ? (montants en euros HT)'
>>> png = figure_en_png(fig)
>>> png[:4] == b"\\x89PNG"
True
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..formats import euros, pourcentage
from . import GRIS, PALETTE
from .graphiques import axe_euros, figure_en_png, nouvelle_figure, sans_alerte_de_glyphe

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from ..note import LigneFinancement

# ``figure_en_png`` vit dans :mod:`.graphiques` (l'encodeur PNG unique) ; il reste importable d'ici.
__all__ = ["TITRE_RECETTES", "figure_en_png", "graphique_recettes"]

#: Le titre du graphique des recettes.
TITRE_RECETTES = "Qui finance le projet ? (montants en euros HT)"
#: Longueur maximale d'une étiquette de financeur sur le graphique (au-delà, « … »).
_ETIQUETTE_MAX = 60


def _etiquette(nom: str) -> str:
    if len(nom) > _ETIQUETTE_MAX:
        nom = nom[: _ETIQUETTE_MAX - 1].rstrip() + "…"
    return "\n".join(textwrap.wrap(nom, 28)) or "(sans nom)"


def graphique_recettes(lignes: Sequence[LigneFinancement], titre: str = TITRE_RECETTES) -> Figure:
    """Les recettes du plan de financement en barres horizontales, montant et part au bout de chaque barre.

    ``lignes`` : des :class:`~mba_territoires.note.LigneFinancement` dont la part est remplie
    (``NoteAuxElus.lignes()`` les donne ainsi). Sans ligne, la figure dit que le plan est à compléter.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> graphique_recettes([]).axes[0].texts[0].get_text()
    'Plan de financement à compléter'
    """
    from matplotlib.ticker import MaxNLocator

    hauteur = max(2.4, 0.9 + 0.55 * len(lignes))
    fig, axe = nouvelle_figure(titre, largeur=7.0, hauteur=hauteur)
    axe.grid(False)
    if not lignes:
        axe.text(0.5, 0.5, "Plan de financement à compléter", ha="center", va="center",
                 transform=axe.transAxes, color=GRIS, fontsize=12)
        axe.set_xticks([])
        axe.set_yticks([])
        return fig
    noms = [_etiquette(ligne.financeur) for ligne in lignes]
    montants = [ligne.montant for ligne in lignes]
    couleurs = [PALETTE[i % len(PALETTE)] for i in range(len(lignes))]
    positions = list(range(len(lignes)))
    axe.barh(positions, montants, color=couleurs, edgecolor="#333333", linewidth=0.5)
    axe.set_yticks(positions, labels=noms)
    axe.invert_yaxis()  # la première ligne du plan en haut, comme dans le tableau
    maximum = max(montants) or 1.0
    for pos, ligne in zip(positions, lignes, strict=True):
        part = f" ({pourcentage(ligne.part)})" if ligne.part is not None else ""
        axe.text(ligne.montant + maximum * 0.01, pos, euros(ligne.montant, 0) + part, va="center", fontsize=9)
    axe.set_xlim(0, maximum * 1.45)
    axe.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
    axe_euros(axe, "x")
    axe.set_xlabel("Montant (euros HT)")
    axe.grid(axis="x", color=GRIS, alpha=0.25)
    with sans_alerte_de_glyphe():
        fig.tight_layout()
    return fig
