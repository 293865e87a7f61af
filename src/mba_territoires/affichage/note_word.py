"""L'export Word (.docx) de la note aux élus, avec python-docx.

Mise en page A4, marges de 2 cm, corps en 10,5 points pour tenir en deux pages ; langue du document
réglée sur le français (correcteur orthographique) ; tableau du plan de financement avec une ligne
d'en-tête répétée ; graphique des recettes inséré en PNG avec son texte alternatif ; repères
« [À compléter : ...] » surlignés en jaune. Les textes arrivent déjà nettoyés par
:func:`mba_territoires.note.nettoyer_texte` (aucun caractère interdit en XML).

>>> import tempfile, pathlib
>>> from docx import Document
>>> from mba_territoires.note import NoteAuxElus
>>> chemin = pathlib.Path(tempfile.mkdtemp()) / "note.docx"
>>> ecrire_docx(NoteAuxElus(objet="Cour oasis", plan_de_financement=[("Agence de l'eau", 84000)]), chemin)
>>> Document(str(chemin)).paragraphs[0].text
'Note aux élus'
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..note import NoteAuxElus

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


def _tableau(doc: Any, rangees: list[tuple[str, str, str]]) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cellule, titre in zip(table.rows[0].cells, ("Financeur", "Montant (HT)", "Part"), strict=True):
        cellule.text = ""
        _texte(cellule.paragraphs[0], titre, gras=True)
    _entete_repetee(table.rows[0])
    for financeur, montant, part in rangees:
        cellules = table.add_row().cells
        total = financeur == "Total"
        for cellule, valeur in zip(cellules, (financeur, montant, part), strict=True):
            _texte(cellule.paragraphs[0], valeur, gras=total)
    table.autofit = False
    largeurs = (Cm(9.5), Cm(4), Cm(3))
    for colonne, largeur in zip(table.columns, largeurs, strict=True):
        colonne.width = largeur
    for rangee in table.rows:
        for indice, largeur in enumerate(largeurs):
            rangee.cells[indice].width = largeur
            if indice:
                rangee.cells[indice].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _image(doc: Any, png: bytes, alternatif: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    doc.add_picture(io.BytesIO(png), width=Cm(14))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    forme = doc.inline_shapes[-1]
    doc_pr = forme._inline.docPr
    doc_pr.set("descr", alternatif)
    doc_pr.set("title", "Graphique des recettes du projet")


def ecrire_docx(note: NoteAuxElus, chemin: str | Path) -> None:
    """Écrit la note ``note`` dans le fichier Word ``chemin`` (écrasé s'il existe)."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    from ..note import _CONSIGNES, RUBRIQUES, a_completer, nettoyer_texte

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for cote in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, cote, Cm(2))
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.styles["Normal"].paragraph_format.space_after = Pt(4)
    for nom, taille in (("Title", 20), ("Heading 1", 13)):
        style = doc.styles[nom]
        style.font.size = Pt(taille)
        style.font.color.rgb = RGBColor(*_BLEU)
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(10)
    _langue_francaise(doc)

    proprietes = doc.core_properties
    # Les propriétés du document sont limitées à 255 caractères : coupe franche, sans avertissement.
    proprietes.title = (nettoyer_texte(note.objet, 10_000) or "Note aux élus").replace("\n", " ")[:250]
    proprietes.author = (nettoyer_texte(note.auteur, 10_000) or "mba-territoires").replace("\n", " ")[:250]
    proprietes.subject = "Note aux élus"
    proprietes.language = "fr-FR"

    doc.add_heading("Note aux élus", level=0)
    avertissements = note.avertissements()
    if avertissements:
        p = doc.add_paragraph()
        run = p.add_run("À revoir avant diffusion")
        run.bold = True
        run.font.color.rgb = RGBColor(*_VERMILLON)
        for message in avertissements:
            _texte(doc.add_paragraph(style="List Bullet"), message)
    for libelle, valeur in note._entete():
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        _texte(p, f"{libelle} : ", gras=True)
        _texte(p, valeur)

    for numero, (nom, titre) in enumerate(RUBRIQUES, start=1):
        doc.add_heading(f"{numero}. {titre}", level=1)
        if nom == "plan_de_financement":
            _texte(doc.add_paragraph(), note._cout_texte())
            if note.lignes():
                _tableau(doc, note._tableau())
                _image(doc, note._png(), note.texte_alternatif())
                _texte(doc.add_paragraph(), note._lecture(), italique=True)
            else:
                _texte(doc.add_paragraph(), a_completer(_CONSIGNES["plan_de_financement"]))
            continue
        contenu = note._contenu(nom)
        if isinstance(contenu, list):
            for element in contenu:
                _texte(doc.add_paragraph(style="List Bullet"), element)
        else:
            for paragraphe in contenu.split("\n\n"):
                _texte(doc.add_paragraph(), paragraphe)
    if note.mention:
        p = doc.add_paragraph()
        _texte(p, nettoyer_texte(note.mention, 300), italique=True)
        for run in p.runs:
            run.font.size = Pt(8.5)
    doc.save(str(chemin))
