"""Les leçons, les cas et le livre disent la même chose que les paramètres réglementaires (ticket 12).

Chaque motif ci-dessous est une phrase périmée ou fausse qui a déjà figuré dans le cahier. Le test lit
les pages du livre (``book/*.md``, sauf les pages générées et celles des autres assistants en cours), les
commandes des cas (``casestudies/*/README.md``) et les cellules Markdown des carnets
(``notebooks/*.ipynb``), et échoue si l'une de ces phrases revient, avec la raison et le texte correct.

Le texte correct est construit à partir de ``parametres(date)`` : si un paramètre change, le message
suit. Chaque motif est lui-même testé sur une phrase fausse (qu'il doit attraper) et sur une phrase
juste (qu'il doit laisser passer) : un motif qui n'attraperait plus rien ferait échouer le test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from mba_territoires.parametres import parametres

RACINE = Path(__file__).resolve().parents[1]

# Pages du livre générées (à corriger à leur source) ou tenues par d'autres assistants et qui citent
# légitimement les anciennes valeurs (la « Veille réglementaire » liste les corrections).
PAGES_EXCLUES = {
    "programme.md",
    "grille-evaluation.md",
    "catalogue-cas.md",
    "capacite-jupyterhub.md",
    "veille-reglementaire.md",
}

# Date de lecture des paramètres pour composer les textes corrects du message.
DATE_DE_LECTURE = "2026-12-01"


@dataclass(frozen=True)
class Motif:
    """Une phrase interdite : son expression, ce qui l'excuse, la raison et le texte correct."""

    nom: str
    expression: str
    raison: str
    correct: str
    sauf: str = ""  # si l'unité de texte contient aussi ceci, la phrase est juste (contexte historique...)
    exemple_faux: str = ""
    exemple_juste: str = ""

    def trouve(self, texte: str) -> re.Match | None:
        m = re.search(self.expression, texte, flags=re.IGNORECASE)
        if m and self.sauf and re.search(self.sauf, texte, flags=re.IGNORECASE):
            return None
        return m


def _motifs() -> list[Motif]:
    p = parametres(DATE_DE_LECTURE)
    prolongation = p["concertation.enquete_publique_prolongation_max"]
    vac_2030, vac_2050 = p["evaluation.vac_2030"], p["evaluation.vac_2050"]
    plafond_etat = round(p["financement.plafond_dotations_etat"] * 100)
    detr_min = round(p["financement.detr_taux_min"] * 100)
    part_min = round(p["financement.participation_minimale_mo"] * 100)
    part_scolaire = round(p["financement.participation_minimale_renovation_energetique_scolaire"] * 100)
    ref_commune = p["finances_locales.capacite_desendettement_commune"]
    dispense_travaux = p["commande_publique.dispense_travaux"]
    return [
        Motif(
            "capacite_desendettement_plafond",
            r"plafond (national )?de référence\s*:?\s*(de\s*)?\d+ ans"
            r"|plafond (légal|réglementaire)[^.|]{0,80}désendettement"
            r"|désendettement[^.|]{0,80}(plafond (légal|réglementaire)|ne (doit|peut) pas (dépasser|excéder))",
            "les 12/10/9 ans viennent de la loi de programmation des finances publiques 2018-2022 (art. 29), "
            "dont le mécanisme a pris fin : ce n'est plus un plafond légal",
            f"« une référence d'analyse ({ref_commune} ans pour une commune), l'ancien plafond national de "
            "référence de la LPFP 2018-2022, mécanisme échu ; pas un plafond légal en vigueur »",
            sauf=r"n'est (pas|plus) un plafond|pas (à )?un plafond légal|plus un plafond|a pris fin|échu",
            exemple_faux="Plafond de référence : 12 ans pour une commune.",
            exemple_juste="Elle se compare à une référence d'analyse, l'ancien plafond de la LPFP, dont le "
            "mécanisme a pris fin ; ce n'est pas un plafond légal.",
        ),
        Motif(
            "enquete_publique_30_jours",
            r"(prolong\w*|prorog\w*)\s+(de|d'au plus|jusqu'à|pour|d'une durée (maximale )?de)\s+(au plus\s+)?"
            r"(30|trente) jours|(30|trente) jours (supplémentaires )?de (prolongation|prorogation)",
            "la prolongation d'une enquête publique est d'au plus 15 jours depuis l'ordonnance 2016-1060 "
            "(C. env., art. L123-9) ; 30 jours est l'ancienne durée",
            f"« prolongeable de {prolongation} jours au plus (C. env., art. L123-9) »",
            sauf=r"ancien|n'est plus|au lieu de|avant l'ordonnance",
            exemple_faux="L'enquête publique dure un mois, prolongeable de 30 jours.",
            exemple_juste="L'enquête dure au moins 30 jours ; le commissaire enquêteur peut la prolonger de "
            "15 jours au plus.",
        ),
        Motif(
            "valeur_carbone_2019",
            r"(?<!\d[ \u00a0\u202f])(?<!\d)250 ?€ ?(/ ?t\b|la tonne|par tonne)"
            r"|(?<!\d[ \u00a0\u202f])(?<!\d)775 ?€",
            "la trajectoire 2019 de la valeur de l'action pour le climat (250 €/t en 2030, 775 €/t en 2050) "
            "est remplacée par le rapport de la commission Quinet publié le 20/03/2025",
            f"« {vac_2030} €/t en 2030 et {vac_2050} €/t en 2050, en euros de la base de prix du rapport "
            "(France Stratégie, 20/03/2025) »",
            sauf=r"2019|ancienne trajectoire|remplac",
            exemple_faux="Le CO2 évité vaut 250 € la tonne en 2030 et 775 € en 2050.",
            exemple_juste="Le CO2 évité vaut 300 € la tonne en 2030 ; le chantier coûte 2 250 € la tonne "
            "de matériaux.",
        ),
        Motif(
            "plafond_80_toutes_aides",
            r"(toutes les aides|tous les financeurs|quel que soit le financeur|aides publiques directes)"
            r"[^.|]{0,80}\b80 ?%|\b80 ?%[^.|]{0,60}(toutes les aides|tous les financeurs|quel que soit le "
            r"financeur|d'aides publiques directes)",
            f"depuis le décret 2021-1291, R2334-27 plafonne les dotations d'investissement de l'État elles-mêmes "
            f"(DETR, DSIL, DSID, DPV, seules ou cumulées) à {plafond_etat} % de la dépense subventionnable, pas "
            "l'ensemble des aides publiques ; le décret 2018-514 (art. 10) ne vaut que pour les subventions de "
            "l'État qu'il régit",
            f"« la DETR, la DSIL, la DSID et la DPV, seules ou cumulées, ne peuvent dépasser {plafond_etat} % de "
            "la dépense subventionnable (CGCT, art. R2334-27) »",
            exemple_faux="Toutes les aides publiques réunies ne peuvent dépasser 80 % du coût (R2334-27).",
            exemple_juste="La DETR et la DSIL réunies ne peuvent dépasser 80 % de la dépense subventionnable.",
        ),
        Motif(
            "detr_sous_20",
            r"DETR[^.|]{0,80}(peut (alors )?être inférieure? à 20 ?%|sous (le taux plancher|20 ?%) pour rester)"
            r"|taux peut (alors )?être inférieur à 20 ?%",
            f"R2334-27 (rédaction du décret 2021-1291) fixe un taux de DETR d'au moins {detr_min} % du HT, sans "
            "exception : l'ancienne faculté de descendre sous ce taux pour respecter un plafond n'existe plus",
            f"« au moins {detr_min} % du montant prévisionnel HT de la dépense subventionnable (CGCT, art. "
            "R2334-27) »",
            exemple_faux="DETR : au moins 20 % du HT ; le taux peut être inférieur à 20 % pour rester sous le plafond.",
            exemple_juste="DETR : au moins 20 % du montant prévisionnel hors taxes de la dépense subventionnable.",
        ),
        Motif(
            "fctva_epci_regime_n",
            r"(EPCI|intercommunalités?|communautés? de communes|communautés? d'agglomération)[^.|]{0,80}"
            r"(régime N\b(?!\+)|l'année même|année N\b(?!\+)|l'année de la dépense)",
            "les EPCI à fiscalité propre perçoivent le FCTVA l'année de la dépense jusqu'en 2025 ; la loi de "
            "finances pour 2026 les fait passer à l'année suivante (paramètre fctva.regime_epci, daté)",
            f"« régime {p['fctva.regime_epci']} pour les EPCI depuis 2026 (régime N jusqu'en 2025) »",
            sauf=r"2025|2026|jusqu'en|avant",
            exemple_faux="Les EPCI perçoivent le FCTVA l'année même de la dépense.",
            exemple_juste="Les EPCI ont relevé du régime N jusqu'en 2025.",
        ),
        Motif(
            "seuils_premier_janvier_implicite",
            r"seuils?[^.|]{0,60}\b(au|du|le) 1er janvier(?! 20\d\d)|seuils? de l'année\b",
            "les seuils de la commande publique se lisent à la date de lancement de la consultation "
            "(CCP, R2121-1 s.) : ils changent en cours d'année (fournitures et services au 1er avril 2026, "
            "décret 2025-1386)",
            f"« les seuils en vigueur à la date de lancement (par exemple, dispense des travaux : "
            f"{dispense_travaux:,.0f} € HT depuis le 1er janvier 2026) »".replace(",", "\u202f"),
            exemple_faux="Les seuils au 1er janvier s'appliquent à tous les marchés de l'année.",
            exemple_juste="Les seuils en vigueur à la date de lancement ; dispense des travaux depuis le "
            "1er janvier 2026.",
        ),
        Motif(
            "fit_en_vigueur",
            r"(fonds d'investissement pour les territoires|\bFIT\b)[^.|]{0,80}"
            r"(remplace|a remplacé|fusionne|regroupe désormais|depuis 2026|en vigueur)",
            "l'article 74 du PLF 2026 créant le FIT a été supprimé au Sénat (amendement II-543 rect. bis, "
            "09/12/2025) ; le texte promulgué n'est pas relu : les paramètres gardent DETR, DSIL, DSID et DPV",
            "« le PLF 2026 proposait un fonds d'investissement pour les territoires ; le Sénat a supprimé "
            "l'article (paramètre financement.dotations_investissement_etat, à vérifier) »",
            sauf=r"propos|projet|PLF|supprim|prévoyait|aurait",
            exemple_faux="Depuis 2026, le FIT remplace la DETR, la DSIL et la DPV.",
            exemple_juste="Le PLF 2026 proposait que le FIT remplace la DETR ; le Sénat a supprimé l'article.",
        ),
        Motif(
            "ecoles_sans_derogation",
            r"(écoles?|bâtiments scolaires)[^.|]{0,60}(aucune dérogation|pas de dérogation|ne peu(t|vent) pas "
            r"bénéficier d'une dérogation)",
            "depuis la loi 2024-279 du 29/03/2024, le préfet peut abaisser la participation minimale pour la "
            "rénovation énergétique des bâtiments scolaires (CGCT, art. L1111-10 III, dernier alinéa)",
            f"« pour la rénovation énergétique des bâtiments scolaires, le préfet peut fixer la participation "
            f"minimale à {part_scolaire} % au lieu de {part_min} % quand celle-ci est disproportionnée au vu "
            "de la capacité financière du maître d'ouvrage »",
            sauf=r"2024-279|avant 2024|jusqu'en 2024",
            exemple_faux="Pour une école, aucune dérogation à la participation minimale n'est possible.",
            exemple_juste="Pour une école, la loi 2024-279 ouvre une dérogation.",
        ),
    ]


MOTIFS = _motifs()


def _unites(texte: str) -> list[str]:
    """Découpe un texte Markdown en unités : chaque ligne d'un tableau, sinon chaque phrase d'un paragraphe."""
    unites: list[str] = []
    for paragraphe in re.split(r"\n\s*\n", texte):
        lignes = [ligne.strip() for ligne in paragraphe.splitlines() if ligne.strip()]
        if not lignes:
            continue
        if all(ligne.startswith("|") for ligne in lignes):
            unites.extend(lignes)
            continue
        for ligne in lignes:
            if ligne.startswith("|"):
                unites.append(ligne)
        joint = " ".join(ligne for ligne in lignes if not ligne.startswith("|"))
        unites.extend(u for u in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«*`(-])", joint) if u)
    return unites


def _textes() -> list[tuple[str, str]]:
    """(nom du fichier, texte Markdown) pour le livre, les commandes des cas et les carnets."""
    textes: list[tuple[str, str]] = []
    for f in sorted((RACINE / "book").glob("*.md")):
        if f.name not in PAGES_EXCLUES:
            textes.append((f"book/{f.name}", f.read_text(encoding="utf-8")))
    for f in sorted((RACINE / "casestudies").glob("*/README.md")):
        textes.append((str(f.relative_to(RACINE)), f.read_text(encoding="utf-8")))
    for f in sorted((RACINE / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(f, as_version=4)
        for i, cellule in enumerate(nb.cells):
            if cellule.cell_type == "markdown":
                textes.append((f"{f.relative_to(RACINE)} (cellule {i})", cellule.source))
    return textes


def test_les_sources_sont_lues():
    noms = [nom for nom, _ in _textes()]
    assert "book/glossaire.md" in noms
    assert "casestudies/ecole-jules-ferry/README.md" in noms
    assert any(nom.startswith("notebooks/03-plan-de-financement.ipynb") for nom in noms)
    assert not any(nom.endswith("veille-reglementaire.md") for nom in noms)


@pytest.mark.parametrize("motif", MOTIFS, ids=[m.nom for m in MOTIFS])
def test_chaque_motif_attrape_la_phrase_fausse_et_laisse_la_juste(motif):
    assert motif.trouve(motif.exemple_faux), f"{motif.nom} n'attrape plus : {motif.exemple_faux!r}"
    assert not motif.trouve(motif.exemple_juste), f"{motif.nom} refuse une phrase juste : {motif.exemple_juste!r}"


@pytest.mark.parametrize("motif", MOTIFS, ids=[m.nom for m in MOTIFS])
def test_aucune_phrase_perimee(motif):
    fautes = []
    for nom, texte in _textes():
        for unite in _unites(texte):
            m = motif.trouve(unite)
            if m:
                fautes.append(f"  - {nom} : « {unite[:200]} »")
    assert not fautes, (
        f"Phrase périmée ({motif.nom}) : {motif.raison}.\nÉcrire plutôt : {motif.correct}\n" + "\n".join(fautes)
    )


def test_la_commande_jules_ferry_dit_la_voie_scolaire_et_pourquoi_elle_ne_sert_pas():
    texte = (RACINE / "casestudies/ecole-jules-ferry/README.md").read_text(encoding="utf-8")
    p = parametres(DATE_DE_LECTURE)
    part_scolaire = round(p["financement.participation_minimale_renovation_energetique_scolaire"] * 100)
    part_min = round(p["financement.participation_minimale_mo"] * 100)
    assert "2024-279" in texte
    assert f"{part_scolaire} %" in texte and f"{part_min} %" in texte
    assert "n'en a pas besoin" in texte
