"""Le rédacteur HTML de la note aux élus (affichage dans le carnet) : il lit un :class:`~mba_territoires.ContenuNote`.

Tout texte est échappé ; les tableaux passent par :func:`~mba_territoires.affichage.html.tableau_html`
(légende, en-têtes ``scope``, aucune cellule d'en-tête vide) ; les repères « [À compléter : ...] » sont
surlignés ; une partie que le paquet n'a pas pu construire s'affiche dans un encadré (``role="note"``).

>>> from mba_territoires.note import NoteAuxElus
>>> page = ecrire_html(NoteAuxElus(objet="Cour <oasis>").contenu(), graphique=False)
>>> "Cour &lt;oasis&gt;" in page and page.startswith("<article")
True
"""

from __future__ import annotations

import base64
import html
import re
from typing import TYPE_CHECKING

from .graphiques import figure_en_png
from .graphiques_note import graphique_recettes
from .html import Html, tableau_html

if TYPE_CHECKING:  # pragma: no cover
    from ..contenu_note import ContenuNote, ProjetDeliberation, TableauNote

__all__ = ["ecrire_html"]

#: Les encadrés : bordure vermillon (avertissements), bleue (parties non construites).
_STYLE_AVERTISSEMENT = "border-left:4px solid #D55E00;padding:0.3em 0.8em;margin:0.5em 0"
_STYLE_ENCADRE = "border:1px solid #0072B2;border-left:4px solid #0072B2;padding:0.3em 0.8em;margin:0.5em 0"


def _html(texte: str) -> str:
    """Échappe un texte ; retours à la ligne conservés, repères surlignés."""
    echappe = html.escape(texte, quote=True).replace("\n", "<br>")
    return re.sub(r"\[À compléter : (.*?)\]", r'<mark style="background:#F0E442">[À compléter : \1]</mark>', echappe)


def _cellule(texte: str) -> object:
    return Html(_html(texte)) if "[À compléter" in texte else texte


def _tableau(t: TableauNote) -> str:
    lignes = [[_cellule(c) for c in rangee] for rangee in t.lignes]
    pied = [Html(f"<strong>{html.escape(c)}</strong>") for c in t.total] if t.total is not None else None
    return tableau_html(lignes, list(t.colonnes), legende=t.legende, classes="mba-note-tableau", pied=pied)


def _annexe(d: ProjetDeliberation) -> str:
    h = ['<section aria-label="Projet de délibération" style="border-top:2px solid #0072B2;margin-top:1em">',
         "<h4>Annexe — Projet de délibération</h4>",
         f"<p><strong>{_html(d.assemblee)}</strong><br>{_html(d.seance)}<br><strong>Objet :</strong> "
         f"{_html(d.objet)}</p>",
         "<p>" + "<br>".join(_html(v) for v in d.visas) + "</p>",
         "<p>" + "<br>".join(_html(c) for c in d.considerants) + "</p>",
         f"<p><strong>{_html(d.formule)}</strong></p>"]
    for article in d.articles:
        numero, _, texte = article.partition(" : ")
        h.append(f"<p><strong>{_html(numero)}</strong> : {_html(texte)}</p>")
    h.append(f"<p><small><em>{_html(d.mention)}</em></small></p></section>")
    return "\n".join(h)


def ecrire_html(contenu: ContenuNote, graphique: bool = True) -> str:
    """La note en HTML (fragment autonome, ``<article lang="fr">``) ; ``graphique=False`` omet l'image."""
    from ..contenu_note import EncadreNote, FigureNote, ParagrapheNote, PucesNote, TableauNote

    h = ['<article lang="fr" class="mt-note-elus" style="max-width:48em;overflow-wrap:anywhere;'
         'word-break:break-word;line-height:1.4">', f"<h3>{html.escape(contenu.titre)}</h3>"]
    if contenu.avertissements:
        h.append(f'<div role="note" style="{_STYLE_AVERTISSEMENT}"><strong>À revoir avant diffusion</strong><ul>'
                 + "".join(f"<li>{_html(a)}</li>" for a in contenu.avertissements) + "</ul></div>")
    h.append("<dl style='display:grid;grid-template-columns:max-content 1fr;gap:0.1em 1em'>")
    for libelle, valeur in contenu.entete:
        h.append(f"<dt><strong>{html.escape(libelle)}</strong></dt><dd style='margin:0'>{_html(valeur)}</dd>")
    h.append("</dl>")
    for rubrique in contenu.rubriques:
        h.append(f"<h4>{rubrique.numero}. {html.escape(rubrique.titre)}</h4>")
        for e in rubrique.elements:
            if isinstance(e, ParagrapheNote):
                texte = _html(e.texte)
                h.append(f"<p><em>{texte}</em></p>" if e.italique else
                         f"<p><strong>{texte}</strong></p>" if e.gras else f"<p>{texte}</p>")
            elif isinstance(e, PucesNote):
                h.append("<ul>" + "".join(f"<li>{_html(x)}</li>" for x in e.elements) + "</ul>")
            elif isinstance(e, TableauNote):
                h.append(_tableau(e))
            elif isinstance(e, FigureNote) and graphique:
                donnees = base64.b64encode(figure_en_png(graphique_recettes(list(e.lignes)))).decode("ascii")
                h.append(f'<figure style="margin:0.5em 0"><img src="data:image/png;base64,{donnees}" '
                         f'alt="{html.escape(e.alternatif, quote=True)}" style="max-width:100%">'
                         f"<figcaption><em>{html.escape(e.lecture)}</em></figcaption></figure>")
            elif isinstance(e, EncadreNote):
                h.append(f'<div role="note" style="{_STYLE_ENCADRE}"><strong>{html.escape(e.titre)}</strong>'
                         f"<br>{_html(e.texte)}</div>")
    if contenu.mention:
        h.append(f"<p><small><em>{html.escape(contenu.mention)}</em></small></p>")
    h.append(_annexe(contenu.annexe))
    h.append("</article>")
    return "\n".join(h)
