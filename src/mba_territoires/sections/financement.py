"""Schéma de la section ``financement`` d'un cas (le plan de financement prévisionnel).

La section décrit les dépenses (HT, TVA, calendrier), les financeurs (par taux ou par montant,
lignes éligibles, plafond, plancher), l'emprunt et une éventuelle dérogation à la participation
minimale. Ce module ne décrit que le schéma : c'est
:meth:`mba_territoires.financement.PlanDeFinancement.depuis_cas` qui en fait un plan.

>>> s = SectionFinancement.model_validate({
...     "depenses": [{"libelle": "Travaux", "montant_ht": 820000}],
...     "financeurs": [{"nom": "DETR", "taux": 0.30}]})
>>> s.financeurs[0].nom, s.depenses[0].montant_ht
('DETR', 820000.0)
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

from pydantic import Field

from .base import Annee, ModeleCas, Montant, Taux

__all__ = ["NATURES_FINANCEUR", "DepenseCas", "FinanceurCas", "SectionFinancement"]

#: Les natures de financeur reconnues, et leur libellé en français.
NATURES_FINANCEUR: dict[str, str] = {
    "detr": "DETR (dotation d'équipement des territoires ruraux, État)",
    "dsil": "DSIL (dotation de soutien à l'investissement local, État)",
    "dsid": "DSID (dotation de soutien à l'investissement des départements, État)",
    "dpv": "DPV (dotation politique de la ville, État)",
    "etat": "autre subvention d'investissement de l'État, régie par le décret 2018-514 (Fonds vert, FNADT...)",
    "region": "Région",
    "departement": "Département",
    "bloc_communal": "commune ou intercommunalité",
    "europe": "fonds européens (FEDER, LEADER...)",
    "etablissement_public": "établissement public (ADEME, agence de l'eau...)",
    "prive": "financement privé (mécénat, fondation...)",
}

NatureFinanceur = Literal["detr", "dsil", "dsid", "dpv", "etat", "region", "departement", "bloc_communal", "europe",
                          "etablissement_public", "prive"]


class DepenseCas(ModeleCas):
    """Une ligne de dépense du plan."""

    libelle: str = Field(description="le libellé de la dépense (ex. Travaux)")
    montant_ht: Montant = Field(description="le montant en euros HT (ex. 820000)")
    tva: Taux | None = Field(default=None, description="le taux de TVA en décimales (0.20 par défaut)")
    eligible_fctva: bool = Field(default=True, description="true si la dépense ouvre droit au FCTVA")
    calendrier: dict[int, Taux] | None = Field(
        default=None, description="la part payée chaque année, par exemple {2026: 0.4, 2027: 0.6}")


class FinanceurCas(ModeleCas):
    """Un financeur du plan : un taux de sa base éligible, ou un montant."""

    nom: str = Field(description="le nom du financeur (ex. DETR, Fonds vert)")
    taux: Taux | None = Field(default=None, description="le taux de sa base éligible, en décimales (0.30)")
    montant: Montant | None = Field(default=None, description="le montant accordé, en euros")
    public: bool = Field(default=True, description="false pour un financement privé (mécénat)")
    nature: NatureFinanceur | None = Field(
        default=None, description="la nature : " + ", ".join(NATURES_FINANCEUR))
    lignes: list[str] | None = Field(default=None, description="les dépenses qu'il finance (toutes par défaut)")
    plafond: Montant | None = Field(default=None, description="le montant maximal de l'aide, en euros")
    plancher: Montant | None = Field(default=None, description="le montant minimal de l'aide, en euros")
    assiette: Literal["ht", "ttc"] = Field(default="ht", description="ht (par défaut) ou ttc")
    decalage: int = Field(default=0, ge=0, le=10, description="le retard de versement, en années (0 à 10)")


class SectionFinancement(ModeleCas):
    """Le plan de financement prévisionnel du cas."""

    annee: Annee | None = Field(default=None, description="l'année du plan (par défaut celle du cas)")
    date: _dt.date | None = Field(
        default=None, description="la date du plan, AAAA-MM-JJ : les règles en vigueur ce jour-là s'appliquent")
    regime_fctva: Literal["N", "N+1", "N+2"] | None = Field(
        default=None, description="le régime FCTVA (par défaut celui du maître d'ouvrage)")
    calendrier: dict[int, Taux] | None = Field(
        default=None, description="la part des dépenses payée chaque année, par exemple {2026: 0.4, 2027: 0.6}")
    depenses: list[DepenseCas] = Field(default_factory=list, description="les dépenses, une par ligne")
    financeurs: list[FinanceurCas] = Field(default_factory=list, description="les financeurs, un par ligne")
    emprunt: Montant = Field(default=0, description="la part de l'autofinancement empruntée, en euros")
    duree_emprunt: int = Field(default=20, ge=1, le=60, description="la durée de l'emprunt, en années")
    derogation: Literal["anru", "outre_mer", "monuments_proteges", "calamites_publiques", "categories_2019",
                        "renovation_energetique_scolaire", "prefet", "petite_commune"] | None = Field(
        default=None, description="une dérogation à la participation minimale (CGCT L1111-10 III) : anru, "
        "outre_mer, monuments_proteges, calamites_publiques, categories_2019, renovation_energetique_scolaire, "
        "petite_commune (ou prefet avec categorie_derogation)")
    categorie_derogation: str | None = Field(
        default=None, description="la catégorie de projet invoquée pour une dérogation du préfet")
    participation_derogee: Taux | None = Field(
        default=None, description="la participation minimale fixée par le préfet (dérogation), en décimales")
    economies_annuelles: Montant = Field(
        default=0, description="les économies de fonctionnement attendues chaque année, en euros")
    date_notification: _dt.date | None = Field(
        default=None, description="la date de notification prévue des subventions, AAAA-MM-JJ")
