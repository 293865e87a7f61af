"""Le contenu d'une note aux élus, prêt à écrire : ce que lisent les rédacteurs Markdown, HTML et Word.

:meth:`mba_territoires.NoteAuxElus.contenu` produit un :class:`ContenuNote` ; les rédacteurs
(:mod:`mba_territoires.affichage.note_markdown`, :mod:`~mba_territoires.affichage.note_html`,
:mod:`~mba_territoires.affichage.note_word`) le lisent sans rien connaître de la note ni des modèles.
Ce module ne dépend d'aucun autre module du paquet : les vues l'importent sans créer de cycle.

>>> t = TableauNote("Plan", ("Financeur", "Montant (HT)"), (("DETR", "276 000 €"),), ("Total", "276 000 €"))
>>> t.total
('Total', '276 000 €')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:  # pragma: no cover
    from .note import LigneFinancement

__all__ = [
    "ContenuNote",
    "ElementNote",
    "EncadreNote",
    "FigureNote",
    "ParagrapheNote",
    "ProjetDeliberation",
    "PucesNote",
    "RubriqueNote",
    "TableauNote",
]

# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ParagrapheNote:
    """Un paragraphe (texte nettoyé, non échappé ; les repères « [À compléter : ...] » y restent visibles)."""

    #: Le texte ; un retour à la ligne simple y est conservé.
    texte: str
    #: Vrai pour un paragraphe en italique (lecture d'un graphique, mention).
    italique: bool = False
    #: Vrai pour un paragraphe en gras.
    gras: bool = False


@dataclass(frozen=True)
class PucesNote:
    """Une liste à puces."""

    #: Les éléments, un texte chacun.
    elements: tuple[str, ...]


@dataclass(frozen=True)
class TableauNote:
    """Un tableau : légende, titres de colonnes, lignes de textes déjà mis en forme à la française.

    >>> TableauNote("Essai", ("Poste",), (("Travaux",),)).nombres
    ()
    """

    #: La légende (ce que montre le tableau).
    legende: str
    #: Les titres des colonnes (jamais vides).
    colonnes: tuple[str, ...]
    #: Les lignes, chacune autant de cellules que de colonnes.
    lignes: tuple[tuple[str, ...], ...]
    #: Une ligne de total, en gras (facultative).
    total: tuple[str, ...] | None = None
    #: Les indices des colonnes de nombres (alignées à droite).
    nombres: tuple[int, ...] = ()


@dataclass(frozen=True)
class FigureNote:
    """Le graphique des recettes : les lignes du plan, son texte de remplacement et sa phrase de lecture."""

    #: Les lignes du plan, parts calculées.
    lignes: tuple[LigneFinancement, ...]
    #: Le texte de remplacement (lecteurs d'écran, Word).
    alternatif: str
    #: La phrase « Lecture : ... » sous le graphique.
    lecture: str


@dataclass(frozen=True)
class EncadreNote:
    """Une partie que le paquet n'a pas pu construire : un encadré visible qui dit pourquoi et quoi faire."""

    #: Le titre de l'encadré (« Calendrier non calculé »).
    titre: str
    #: Pourquoi, et comment corriger (le message français de l'erreur).
    texte: str


#: Un élément d'une rubrique.
ElementNote = Union[ParagrapheNote, PucesNote, TableauNote, FigureNote, EncadreNote]  # noqa: UP007


@dataclass(frozen=True)
class RubriqueNote:
    """Une rubrique numérotée de la note : un titre et des éléments dans l'ordre."""

    #: Le numéro (1, 2, ...).
    numero: int
    #: Le titre (« Coût et plan de financement »).
    titre: str
    #: Les éléments : paragraphes, puces, tableaux, graphique, encadrés.
    elements: tuple[ElementNote, ...]


@dataclass(frozen=True)
class ProjetDeliberation:
    """Le projet de délibération joint à la note : visas, considérants et articles, à relire avant la séance."""

    #: L'assemblée qui délibère (« Conseil municipal de Saint-Exemple »).
    assemblee: str
    #: La séance (« Séance du 12 mars 2026 » ou un repère à compléter).
    seance: str
    #: L'objet de la délibération.
    objet: str
    #: Les visas (« Vu le code général des collectivités territoriales, ... »).
    visas: tuple[str, ...]
    #: Les considérants.
    considerants: tuple[str, ...]
    #: La formule qui précède les articles (« Le conseil municipal, après en avoir délibéré, ... »).
    formule: str
    #: Les articles, numérotés dans l'ordre (« Article 1 : ... »).
    articles: tuple[str, ...]
    #: La mention finale (projet pédagogique, à faire relire).
    mention: str


@dataclass(frozen=True)
class ContenuNote:
    """Tout ce qu'une note contient, prêt à écrire : ce que lisent les rédacteurs Markdown, HTML et Word.

    Les textes sont nettoyés mais pas échappés (chaque rédacteur échappe pour son format) ; les nombres
    sont déjà mis en forme à la française.

    >>> from mba_territoires import NoteAuxElus
    >>> c = NoteAuxElus(objet="Cour oasis", cout=120000, plan_de_financement=[("Agence de l'eau", 84000),
    ...                                                                        ("Commune", 36000)]).contenu()
    >>> [r.titre for r in c.rubriques][:3]
    ['Contexte', 'Objectifs', 'Coût et plan de financement']
    >>> c.annexe.articles[0].startswith("Article 1")
    True
    """

    #: Le titre du document (« Note aux élus »).
    titre: str
    #: L'en-tête : (libellé, valeur), dans l'ordre À, De, Date, Objet.
    entete: tuple[tuple[str, str], ...]
    #: Ce qu'il faut revoir avant de diffuser la note.
    avertissements: tuple[str, ...]
    #: Les rubriques numérotées.
    rubriques: tuple[RubriqueNote, ...]
    #: Le projet de délibération, en annexe.
    annexe: ProjetDeliberation
    #: La mention de bas de note (cas fictif), ou vide.
    mention: str = ""
    #: Le titre et l'auteur pour les propriétés du document (Word).
    proprietes: tuple[tuple[str, str], ...] = ()

    def elements(self, type_element: type) -> list[Any]:
        """Tous les éléments d'un type (``TableauNote``, ``EncadreNote``...) dans l'ordre de la note.

        >>> from mba_territoires import NoteAuxElus
        >>> NoteAuxElus().contenu().elements(FigureNote)
        []
        """
        return [e for r in self.rubriques for e in r.elements if isinstance(e, type_element)]
