"""Un texte saisi par l'apprenant, rendu sans danger dans une cellule de tableur (export Excel du plan).

Module sans dépendance : les vues (:mod:`mba_territoires.affichage.excel`) l'importent sans importer le modèle.

>>> neutraliser_formule("@SOMME(A1)")
"'@SOMME(A1)"
"""

from __future__ import annotations

__all__ = ["neutraliser_formule"]


def neutraliser_formule(texte: str) -> str:
    """Un texte sans danger dans une cellule de tableur : s'il commence par ``= + - @`` (ou une
    tabulation), une apostrophe le précède, pour qu'il ne soit jamais lu comme une formule.

    >>> neutraliser_formule("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutraliser_formule("DETR")
    'DETR'
    """
    if texte and texte[0] in "=+-@\t\r":
        return "'" + texte
    return texte
