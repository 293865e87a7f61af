"""Le rédacteur Markdown (MyST) de la note aux élus : il lit un :class:`~mba_territoires.note.ContenuNote`.

Tout texte est échappé (HTML neutralisé, ponctuation active précédée d'une barre oblique inverse,
débuts de ligne qui feraient un titre ou une liste désamorcés) ; les repères « [À compléter : ...] »
sont mis en gras ; les encadrés (parties non construites) deviennent des citations « > ».

>>> from mba_territoires.note import NoteAuxElus
>>> md = ecrire_markdown(NoteAuxElus(objet="Cour oasis", cout=1000, plan_de_financement=[("DETR", 1000)]).contenu())
>>> md.splitlines()[0]
'# Note aux élus'
>>> "| DETR |" in md
True
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .graphiques import figure_en_png
from .graphiques_note import graphique_recettes

if TYPE_CHECKING:  # pragma: no cover
    from ..contenu_note import ContenuNote, ProjetDeliberation, TableauNote

__all__ = ["echapper_markdown", "ecrire_markdown"]


def echapper_markdown(texte: str) -> str:
    """Échappe un texte pour Markdown (MyST).

    >>> echapper_markdown("# *gras* <b>")
    '\\\\# \\\\*gras\\\\* &lt;b&gt;'
    """
    texte = html.escape(texte, quote=False)
    texte = re.sub(r"([\\`*_{}\[\]|~$^])", r"\\\1", texte)
    lignes = []
    for ligne in texte.split("\n"):
        ligne = re.sub(r"^(\s*)([#+=>-])", r"\1\\\2", ligne)
        ligne = re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", ligne)
        lignes.append(ligne)
    return "\n".join(lignes)


def _repere(texte_echappe: str) -> str:
    """Met en gras les repères « [À compléter : ...] » d'un texte déjà échappé."""
    return re.sub(r"\\\[À compléter : (.*?)\\\]", r"**\\[À compléter : \1\\]**", texte_echappe)


def _md(texte: str) -> str:
    return _repere(echapper_markdown(texte))


def _ligne(texte: str) -> str:
    """Un texte sur une seule ligne (cellule, puce)."""
    return _md(" ".join(texte.split()))


def _tableau(t: TableauNote) -> list[str]:
    alignements = "|" + "|".join("--:" if i in t.nombres else ":--" for i in range(len(t.colonnes))) + "|"
    lignes = ["| " + " | ".join(_ligne(c) for c in t.colonnes) + " |", alignements]
    lignes += ["| " + " | ".join(_ligne(c) for c in rangee) + " |" for rangee in t.lignes]
    if t.total is not None:
        lignes.append("| " + " | ".join(f"**{_ligne(c)}**" if c else "" for c in t.total) + " |")
    return [*lignes, "", f"*{_ligne(t.legende)}*", ""]


def _annexe(d: ProjetDeliberation, dieses: str) -> list[str]:
    m = [f"{dieses}# Annexe — Projet de délibération", "", f"**{_ligne(d.assemblee)}**  ", f"{_md(d.seance)}  ",
         f"**Objet :** {_md(d.objet)}", ""]
    m += [_ligne(v) + "  " for v in d.visas]
    m.append("")
    m += [_ligne(c) + "  " for c in d.considerants]
    m += ["", f"**{_ligne(d.formule)}**", ""]
    for article in d.articles:
        numero, _, texte = article.partition(" : ")
        m += [f"**{_ligne(numero)}** : {_md(texte)}", ""]
    m += [f"*{_ligne(d.mention)}*", ""]
    return m


def ecrire_markdown(contenu: ContenuNote, image: str | Path | None = None, niveau: int = 1) -> str:
    """La note en Markdown. ``image`` : chemin où enregistrer le graphique des recettes (PNG), inséré dans la
    note ; ``niveau`` : le niveau du titre principal (1 pour « # »)."""
    from ..contenu_note import EncadreNote, FigureNote, ParagrapheNote, PucesNote, TableauNote

    dieses = "#" * max(1, min(niveau, 4))
    m = [f"{dieses} {_ligne(contenu.titre)}", ""]
    if contenu.avertissements:
        m += ["> **À revoir avant diffusion**", ">", *(f"> - {_ligne(a)}" for a in contenu.avertissements), ""]
    m += [f"**{_ligne(libelle)} :** {_md(valeur)}  " for libelle, valeur in contenu.entete]
    m.append("")
    for rubrique in contenu.rubriques:
        m += [f"{dieses}# {rubrique.numero}. {_ligne(rubrique.titre)}", ""]
        for e in rubrique.elements:
            if isinstance(e, ParagrapheNote):
                texte = "\n".join(_md(ligne) + ("  " if i < len(e.texte.split("\n")) - 1 else "")
                                  for i, ligne in enumerate(e.texte.split("\n")))
                m += [f"*{texte}*" if e.italique else f"**{texte}**" if e.gras else texte, ""]
            elif isinstance(e, PucesNote):
                m += [*(f"- {_ligne(x)}" for x in e.elements), ""]
            elif isinstance(e, TableauNote):
                m += _tableau(e)
            elif isinstance(e, FigureNote):
                if image is not None:
                    chemin = Path(image)
                    chemin.parent.mkdir(parents=True, exist_ok=True)
                    chemin.write_bytes(figure_en_png(graphique_recettes(list(e.lignes))))
                    m += [f"![{_ligne(e.alternatif)}]({chemin.as_posix()})", "", f"*{_ligne(e.lecture)}*", ""]
            elif isinstance(e, EncadreNote):
                m += [f"> **{_ligne(e.titre)}**", ">", *(f"> {_md(ligne)}" for ligne in e.texte.split("\n")), ""]
    if contenu.mention:
        m += [f"*{_ligne(contenu.mention)}*", ""]
    m += ["---", "", *_annexe(contenu.annexe, dieses)]
    return "\n".join(m).rstrip() + "\n"
