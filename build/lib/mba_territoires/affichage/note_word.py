"""L'export Word (.docx) de la note aux élus, avec python-docx : il lit un :class:`~mba_territoires.ContenuNote`.

Mise en page A4, marges de 2 cm, corps en 10,5 points ; langue du document réglée sur le français
(correcteur orthographique) ; tableaux avec une ligne d'en-tête répétée et leur légende ; graphique des
recettes inséré en PNG avec son texte alternatif ; encadrés (parties que le paquet n'a pas pu construire)
en tableau d'une cellule bordée ; repères « [À compléter : ...] » surlignés en jaune ; projet de
délibération en annexe, sur une nouvelle page. Les textes arrivent déjà nettoyés par
:func:`mba_territoires.note.nettoyer_texte` (aucun caractère interdit en XML).

>>> import tempfile, pathlib
>>> from docx import Document
>>> from mba_territoires.note import NoteAuxElus
>>> chemin = pathlib.Path(tempfile.mkdtemp()) / "note.docx"
>>> ecrire_docx(NoteAuxElus(objet="Cour oasis", plan_de_financement=[("Agence de l'eau", 84000)]).contenu(), chemin)
>>> Document(str(chemin)).paragraphs[0].text
'Note aux élus'
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .graphiques import figure_en_png
from .graphiques_note import graphique_recettes

if TYPE_CHECKING:  # pragma: no cover
    from ..contenu_note import ContenuNote, EncadreNote, ProjetDeliberation, TableauNote

__all__ = ["ecrire_docx"]

_REPERE = re.compile(r"(\[À compléter : [^\]]*\])")
#: Couleur des titres (bleu de la palette d'Okabe-Ito) et du bandeau d'avertissement (vermillon).
_BLEU = (0x00, 0x72, 0xB2)
_VERMILLON = (0xD5, 0x5E, 0x00)


def _langue_francaise(doc: Any) -> None:
    """Règle la langue par défaut du document sur le français (correcteur, césure)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = doc.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:  # pragma: no cover - le modèle par défaut de python-docx en a un
        return
    langue = rpr.find(qn("w:lang"))
    if langue is None:
        langue = OxmlElement("w:lang")
        rpr.append(langue)
    langue.set(qn("w:val"), "fr-FR")


def _texte(paragraphe: Any, texte: str, gras: bool = False, italique: bool = False) -> None:
    """Ajoute un texte à un paragraphe : retours à la ligne conservés, repères surlignés en jaune."""
    from docx.enum.text import WD_COLOR_INDEX

    for numero, ligne in enumerate(texte.split("\n")):
        if numero:
            paragraphe.add_run().add_break()
        for morceau in _REPERE.split(ligne):
            if not morceau:
                continue
            run = paragraphe.add_run(morceau)
            run.bold = gras or None
            run.italic = italique or None
            if _REPERE.fullmatch(morceau):
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _entete_repetee(rangee: Any) -> None:
    """Marque une rangée de tableau comme en-tête (répétée en haut de page, lue comme telle)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = rangee._tr.get_or_add_trPr()
    entete = OxmlElement("w:tblHeader")
    entete.set(qn("w:val"), "true")
    trpr.append(entete)


def _tableau(doc: Any, t: TableauNote) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    colonnes = len(t.colonnes)
    table = doc.add_table(rows=1, cols=colonnes)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cellule, titre in zip(table.rows[0].cells, t.colonnes, strict=True):
        cellule.text = ""
        _texte(cellule.paragraphs[0], titre, gras=True)
    _entete_repetee(table.rows[0])
    rangees = [(r, False) for r in t.lignes] + ([(t.total, True)] if t.total is not None else [])
    for rangee, total in rangees:
        cellules = table.add_row().cells
        for cellule, valeur in zip(cellules, rangee, strict=True):
            _texte(cellule.paragraphs[0], valeur, gras=total)
    table.autofit = False
    # La première colonne (le libellé) prend la place que laissent les autres : 3,2 cm pour un nombre ou
    # une date, 4,2 cm pour un autre texte ; la largeur utile de la page est de 17 cm (A4, marges de 2 cm).
    nombres = [i for i in range(colonnes) if i in t.nombres]
    autres = [3.2 if i in t.nombres else 4.2 for i in range(1, colonnes)]
    largeurs = [Cm(c) for c in (max(5.0, 17.0 - sum(autres)), *autres)]
    for colonne, largeur in zip(table.columns, largeurs, strict=True):
        colonne.width = largeur
    for rangee in table.rows:
        for indice, largeur in enumerate(largeurs):
            rangee.cells[indice].width = largeur
            for paragraphe in rangee.cells[indice].paragraphs:
                paragraphe.paragraph_format.space_after = Pt(0)
                if indice in nombres:
                    paragraphe.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    legende = doc.add_paragraph()
    legende.paragraph_format.space_before = Pt(2)
    _texte(legende, t.legende, italique=True)
    for run in legende.runs:
        run.font.size = Pt(8.5)


def _encadre(doc: Any, e: EncadreNote) -> None:
    """Un encadré visible : un tableau d'une cellule bordée, titre en gras puis l'explication."""
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cellule = table.rows[0].cells[0]
    cellule.text = ""
    p = cellule.paragraphs[0]
    _texte(p, e.titre, gras=True)
    for ligne in e.texte.split("\n"):
        _texte(cellule.add_paragraph(), ligne)
    doc.add_paragraph()


def _image(doc: Any, png: bytes, alternatif: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    doc.add_picture(io.BytesIO(png), width=Cm(11))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    forme = doc.inline_shapes[-1]
    doc_pr = forme._inline.docPr
    doc_pr.set("descr", alternatif)
    doc_pr.set("title", "Graphique des recettes du projet")


def _annexe(doc: Any, d: ProjetDeliberation) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Annexe — Projet de délibération", level=1)
    for texte, gras in ((d.assemblee, True), (d.seance, False)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        _texte(p, texte, gras=gras)
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(8)
    _texte(p, "Objet : ", gras=True)
    _texte(p, d.objet)
    for groupe in (d.visas, d.considerants):
        for ligne in groupe:
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(2)
            _texte(p, ligne)
        doc.add_paragraph().paragraph_format.space_after = Pt(0)
    _texte(doc.add_paragraph(), d.formule, gras=True)
    for article in d.articles:
        numero, _, texte = article.partition(" : ")
        p = doc.add_paragraph()
        _texte(p, numero + " : ", gras=True)
        _texte(p, texte)
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(10)
    _texte(p, d.mention, italique=True)
    for run in p.runs:
        run.font.size = Pt(8.5)


def ecrire_docx(contenu: ContenuNote, chemin: str | Path) -> None:
    """Écrit le contenu d'une note (:meth:`mba_territoires.NoteAuxElus.contenu`) dans le fichier Word ``chemin``
    (écrasé s'il existe)."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    from ..contenu_note import EncadreNote, FigureNote, ParagrapheNote, PucesNote, TableauNote

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for cote in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, cote, Cm(2))
    doc.styles["Normal"].font.size = Pt(10)
    doc.styles["Normal"].paragraph_format.space_after = Pt(3)
    for nom, taille in (("Title", 20), ("Heading 1", 13)):
        style = doc.styles[nom]
        style.font.size = Pt(taille)
        style.font.color.rgb = RGBColor(*_BLEU)
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(10)
    doc.styles["Heading 1"].paragraph_format.keep_with_next = True
    doc.styles["List Bullet"].paragraph_format.space_after = Pt(2)
    _langue_francaise(doc)

    proprietes = dict(contenu.proprietes)
    doc.core_properties.title = proprietes.get("titre", contenu.titre)[:250]
    doc.core_properties.author = proprietes.get("auteur", "mba-territoires")[:250]
    doc.core_properties.subject = "Note aux élus"
    doc.core_properties.language = "fr-FR"

    doc.add_heading(contenu.titre, level=0)
    if contenu.avertissements:
        p = doc.add_paragraph()
        run = p.add_run("À revoir avant diffusion")
        run.bold = True
        run.font.color.rgb = RGBColor(*_VERMILLON)
        for message in contenu.avertissements:
            _texte(doc.add_paragraph(style="List Bullet"), message)
    for libelle, valeur in contenu.entete:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        _texte(p, f"{libelle} : ", gras=True)
        _texte(p, valeur)

    for rubrique in contenu.rubriques:
        doc.add_heading(f"{rubrique.numero}. {rubrique.titre}", level=1)
        for e in rubrique.elements:
            if isinstance(e, ParagrapheNote):
                _texte(doc.add_paragraph(), e.texte, gras=e.gras, italique=e.italique)
            elif isinstance(e, PucesNote):
                for element in e.elements:
                    _texte(doc.add_paragraph(style="List Bullet"), element)
            elif isinstance(e, TableauNote):
                _tableau(doc, e)
            elif isinstance(e, FigureNote):
                _image(doc, figure_en_png(graphique_recettes(list(e.lignes))), e.alternatif)
                _texte(doc.add_paragraph(), e.lecture, italique=True)
            elif isinstance(e, EncadreNote):
                _encadre(doc, e)
    if contenu.mention:
        p = doc.add_paragraph()
        _texte(p, contenu.mention, italique=True)
        for run in p.runs:
            run.font.size = Pt(8.5)
    _annexe(doc, contenu.annexe)
    doc.save(str(chemin))
