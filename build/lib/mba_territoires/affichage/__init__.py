"""Les vues : tableaux HTML, graphiques matplotlib et widgets. Aucune règle n'est calculée ici.

La palette commune est celle d'Okabe et Ito (2008), lisible par les personnes daltoniennes :
toutes les figures du cahier la prennent dans cet ordre.

>>> PALETTE[0]
'#0072B2'
>>> len(PALETTE)
8
"""

from __future__ import annotations

__all__ = ["GRIS", "PALETTE", "PALETTE_NOMS"]

#: Palette d'Okabe-Ito, dans l'ordre d'usage (bleu, orange, vert, vermillon, bleu ciel, rose, jaune, noir).
PALETTE: tuple[str, ...] = (
    "#0072B2",  # bleu
    "#E69F00",  # orange
    "#009E73",  # vert bleuté
    "#D55E00",  # vermillon
    "#56B4E9",  # bleu ciel
    "#CC79A7",  # pourpre rosé
    "#F0E442",  # jaune
    "#000000",  # noir
)
#: Les noms français des couleurs de la palette.
PALETTE_NOMS: tuple[str, ...] = ("bleu", "orange", "vert", "vermillon", "bleu ciel", "pourpre", "jaune", "noir")
#: Un gris neutre pour les repères (seuils, grilles).
GRIS = "#6E6E6E"
