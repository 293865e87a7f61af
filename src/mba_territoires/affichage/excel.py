"""L'export Excel d'un plan de financement : l'annexe « plan de financement » d'une demande de subvention.

Aucun texte saisi n'est lu comme une formule par le tableur (:func:`neutraliser_formule`).

>>> neutraliser_formule("+33 1 23 45 67 89")
"'+33 1 23 45 67 89"
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..financement.tableur import neutraliser_formule

if TYPE_CHECKING:  # pragma: no cover
    from ..financement.plan import PlanDeFinancement

__all__ = ["FORMAT_EUROS", "FORMAT_TAUX", "exporter_excel", "neutraliser_formule"]


#: Formats de nombre des cellules (Excel les affiche à la française sur un poste en français).
FORMAT_EUROS = '#,##0.00\\ "€"'
FORMAT_TAUX = "0.0\\ %"


def exporter_excel(plan: PlanDeFinancement, chemin: str | Path, date: _dt.date | None = None) -> Path:
    """Le plan en annexe de demande de subvention (xlsx) : titre, maître d'ouvrage, dépenses HT/TVA/TTC,
    recettes avec leurs parts, totaux, règles, date ; formats français ; aucun texte lu comme une formule.

    ``date`` : la date imprimée (par défaut la date du plan, pour un fichier reproductible).

    >>> import tempfile, pathlib
    >>> from mba_territoires.financement import PlanDeFinancement
    >>> plan = PlanDeFinancement("École")
    >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
    >>> exporter_excel(plan, pathlib.Path(tempfile.mkdtemp()) / "plan.xlsx").suffix
    '.xlsx'
    """
    chemin = Path(chemin)
    date = date or plan.date
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from ..formats import date_fr, euros
    from ..sections.financement import NATURES_FINANCEUR

    classeur = Workbook()
    feuille = classeur.active
    feuille.title = "Plan de financement"
    gras = Font(bold=True)
    entete = PatternFill("solid", fgColor="DCE6F1")
    trait = Border(bottom=Side(style="thin"))

    def texte(ligne: int, colonne: int, valeur: str, **style: Any) -> None:
        cellule = feuille.cell(row=ligne, column=colonne)
        cellule.value = neutraliser_formule(valeur)
        cellule.data_type = "s"  # jamais une formule, quel que soit le texte saisi
        for cle, v in style.items():
            setattr(cellule, cle, v)

    def nombre(ligne: int, colonne: int, valeur: float | None, fmt: str, **style: Any) -> None:
        cellule = feuille.cell(row=ligne, column=colonne, value=valeur)
        cellule.number_format = fmt
        for cle, v in style.items():
            setattr(cellule, cle, v)

    texte(1, 1, "Plan de financement prévisionnel", font=Font(bold=True, size=14))
    texte(2, 1, "Opération :", font=gras)
    texte(2, 2, plan.titre)
    texte(3, 1, "Maître d'ouvrage :", font=gras)
    texte(3, 2, plan.maitre_ouvrage)
    texte(4, 1, "Date :", font=gras)
    texte(4, 2, date_fr(date))
    texte(5, 1, "Montants en euros ; recettes calculées sur le coût hors taxes (HT).", font=Font(italic=True))

    ligne = 7
    texte(ligne, 1, "Dépenses", font=Font(bold=True, size=12))
    ligne += 1
    for col, titre in enumerate(("Poste de dépense", "Montant HT", "Taux de TVA", "TVA", "Montant TTC"), 1):
        texte(ligne, col, titre, font=gras, fill=entete, border=trait)
    for d in plan.depenses:
        ligne += 1
        texte(ligne, 1, d.libelle)
        nombre(ligne, 2, d.montant_ht, FORMAT_EUROS)
        nombre(ligne, 3, d.tva, FORMAT_TAUX)
        nombre(ligne, 4, d.montant_tva, FORMAT_EUROS)
        nombre(ligne, 5, d.montant_ttc, FORMAT_EUROS)
    ligne += 1
    texte(ligne, 1, "Total des dépenses", font=gras)
    nombre(ligne, 2, plan.cout_ht, FORMAT_EUROS, font=gras)
    nombre(ligne, 4, plan.cout_tva, FORMAT_EUROS, font=gras)
    nombre(ligne, 5, plan.cout_ttc, FORMAT_EUROS, font=gras)

    ligne += 2
    texte(ligne, 1, "Recettes", font=Font(bold=True, size=12))
    ligne += 1
    for col, titre in enumerate(("Financeur", "Nature", "Montant HT", "Part du coût HT"), 1):
        texte(ligne, col, titre, font=gras, fill=entete, border=trait)
    for r in plan.recettes():
        ligne += 1
        nom = r["financeur"]
        if r["nature"] == "maitre_ouvrage" and plan.emprunt:
            nom += f" (dont emprunt : {euros(plan.emprunt).replace(chr(0x202F), ' ').replace(chr(0xA0), ' ')})"
        texte(ligne, 1, nom)
        texte(ligne, 2, "maître d'ouvrage" if r["nature"] == "maitre_ouvrage"
              else NATURES_FINANCEUR.get(r["nature"], r["nature"]))
        nombre(ligne, 3, r["montant"], FORMAT_EUROS)
        nombre(ligne, 4, r["part"], FORMAT_TAUX)
    ligne += 1
    texte(ligne, 1, "Total des recettes", font=gras)
    nombre(ligne, 3, plan.total_recettes, FORMAT_EUROS, font=gras)
    nombre(ligne, 4, 1.0 if plan.cout_ht else 0.0, FORMAT_TAUX, font=gras)

    ligne += 2
    texte(ligne, 1, "Règles de cofinancement", font=Font(bold=True, size=12))
    for v in plan.verifier():
        ligne += 1
        texte(ligne, 1, v.intitule)
        texte(ligne, 2, v.statut, font=gras)
        texte(ligne, 3, v.source, alignment=Alignment(wrap_text=False))
    ligne += 2
    texte(ligne, 1, "Certifié exact par le maître d'ouvrage. Signature :", font=Font(italic=True))

    for col, largeur in zip("ABCDE", (46, 34, 20, 18, 18), strict=True):
        feuille.column_dimensions[col].width = largeur
    classeur.properties.creator = "mba-territoires"
    classeur.properties.title = neutraliser_formule(plan.titre)
    classeur.save(chemin)
    return chemin
