"""Le graphique de la note aux élus : qui finance le projet, en barres horizontales.

Une barre par financeur, dans l'ordre du plan de financement, aux couleurs de la palette
d'Okabe-Ito ; chaque barre porte son montant et sa part. Aucune règle n'est calculée ici :
les lignes arrivent déjà validées par :mod:`mba_territoires.note`, et le dessin est celui des recettes
d'un plan (:func:`mba_territoires.affichage.graphiques_financement.barres_des_recettes`).

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

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .graphiques import figure_en_png
from .graphiques_financement import barres_des_recettes

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from ..note import LigneFinancement

# ``figure_en_png`` vit dans :mod:`.graphiques` (l'encodeur PNG unique) ; il reste importable d'ici.
__all__ = ["TITRE_RECETTES", "figure_en_png", "graphique_recettes"]

#: Le titre du graphique des recettes.
TITRE_RECETTES = "Qui finance le projet ? (montants en euros HT)"


def graphique_recettes(lignes: Sequence[LigneFinancement], titre: str = TITRE_RECETTES) -> Figure:
    """Les recettes de la note en barres horizontales, montant et part au bout de chaque barre, une
    couleur par financeur (le dessin est celui du plan : :func:`.graphiques_financement.barres_des_recettes`).

    ``lignes`` : des :class:`~mba_territoires.note.LigneFinancement` dont la part est remplie
    (``NoteAuxElus.lignes()`` les donne ainsi). Sans ligne, la figure dit que le plan est à compléter.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> graphique_recettes([]).axes[0].texts[0].get_text()
    'Plan de financement à compléter'
    """
    return barres_des_recettes([(ligne.financeur, ligne.montant, ligne.part, None) for ligne in lignes], titre)
