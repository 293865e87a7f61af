r"""Le seul constructeur de tableaux HTML du paquet : tout ``_repr_html_`` tabulaire passe par ici.

Ce qu'il garantit, pour le carnet comme pour le livre (audit d'accessibilité) :

- chaque texte est échappé (un libellé « <script> » s'affiche tel quel) ;
- le tableau a une légende (``<caption>``) qui dit ce qu'il montre ;
- chaque en-tête de colonne est un ``<th scope="col">`` non vide, et la première cellule de chaque
  ligne peut être un ``<th scope="row">`` (``entete_ligne=True``) ;
- les valeurs arrivent déjà mises en forme à la française par l'appelant (``formats.py``) ; un nombre
  brut reçu ici est écrit tel quel, sans arrondi caché.

Une cellule peut être du HTML déjà sûr, marqué par :class:`Html` (un verdict coloré, un lien).

>>> html = tableau_html([["Travaux", "820 000 €"]], ["Dépense", "Montant HT"], legende="Les dépenses")
>>> print(html.replace("><", ">\n<"))
<table class="mba-tableau">
<caption>Les dépenses</caption>
<thead>
<tr>
<th scope="col">Dépense</th>
<th scope="col">Montant HT</th>
</tr>
</thead>
<tbody>
<tr>
<th scope="row">Travaux</th>
<td>820 000 €</td>
</tr>
</tbody>
</table>
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

__all__ = ["Html", "tableau_html"]


class Html(str):
    """Un morceau de HTML déjà sûr, inséré sans échappement dans une cellule.

    >>> "<td><strong>oui</strong></td>" in tableau_html([[Html("<strong>oui</strong>")]], ["Verdict"],
    ...                                                  legende="Test", entete_ligne=False)
    True
    """


def _cellule(valeur: object) -> str:
    if isinstance(valeur, Html):
        return str(valeur)
    if valeur is None:
        return "–"
    return escape(str(valeur))


def tableau_html(lignes: Iterable[Sequence[object]], colonnes: Sequence[str], *, legende: str,
                 entete_ligne: bool = True, classes: str = "", pied: Sequence[object] | None = None) -> str:
    """Un tableau HTML accessible : légende, en-têtes ``scope``, aucune cellule d'en-tête vide.

    ``lignes`` : les lignes, chacune autant de cellules que de ``colonnes`` ; ``pied`` : une ligne
    de total facultative (``<tfoot>``).

    >>> tableau_html([["a"]], [""], legende="Sans titre de colonne")
    Traceback (most recent call last):
    ...
    ValueError: la colonne 1 du tableau « Sans titre de colonne » n'a pas de titre (l'audit d'accessibilité le refuse)
    """
    if not legende or not str(legende).strip():
        raise ValueError("un tableau doit avoir une légende (caption) qui dit ce qu'il montre")
    for i, titre in enumerate(colonnes, start=1):
        if not str(titre).strip():
            raise ValueError(f"la colonne {i} du tableau « {legende} » n'a pas de titre "
                             "(l'audit d'accessibilité le refuse)")
    classe = "mba-tableau" + (f" {classes.strip()}" if classes.strip() else "")
    tete = "".join(f'<th scope="col">{_cellule(c)}</th>' for c in colonnes)

    def ligne_html(cellules: Sequence[object], balise_corps: str = "td") -> str:
        cellules = list(cellules)
        if len(cellules) != len(colonnes):
            raise ValueError(f"une ligne du tableau « {legende} » a {len(cellules)} cellules pour "
                             f"{len(colonnes)} colonnes")
        morceaux = []
        for j, valeur in enumerate(cellules):
            if j == 0 and entete_ligne:
                morceaux.append(f'<th scope="row">{_cellule(valeur)}</th>')
            else:
                morceaux.append(f"<{balise_corps}>{_cellule(valeur)}</{balise_corps}>")
        return "<tr>" + "".join(morceaux) + "</tr>"

    corps = "".join(ligne_html(ligne) for ligne in lignes)
    bas = f"<tfoot>{ligne_html(pied)}</tfoot>" if pied is not None else ""
    return (f'<table class="{classe}"><caption>{escape(str(legende))}</caption><thead><tr>{tete}</tr></thead>'
            f"<tbody>{corps}</tbody>{bas}</table>")
