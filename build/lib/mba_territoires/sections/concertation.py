"""Schémas des sections ``acteurs``, ``concertation`` et ``budget_participatif`` d'un cas.

``acteurs`` est une liste (une entrée :class:`SectionActeurs` par acteur) ; ``concertation`` décrit ce
que la loi regarde du projet et des stratégies d'exemple ; ``budget_participatif`` nomme l'enveloppe et
les tableaux de projets et de bulletins du manifeste ``donnees.yaml``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

from pydantic import Field

from .base import ModeleCas, Montant

__all__ = [
    "ActionCas",
    "SectionActeurs",
    "SectionBudgetParticipatif",
    "SectionConcertation",
    "StrategieCas",
]

Categorie = Literal["élus", "services", "État", "financeurs", "habitants", "usagers", "associations", "commerçants",
                    "entreprises"]
Nature = Literal["document_urbanisme", "zac", "renouvellement_urbain", "amenagement", "equipement"]
Format = Literal["reunion_publique", "atelier", "balade_urbaine", "questionnaire_en_ligne", "stand_marche",
                 "aller_vers", "panel_tire_au_sort"]


class SectionActeurs(ModeleCas):
    """Un acteur du projet (une entrée de la liste ``acteurs`` de ``cas.yaml``)."""

    nom: str = Field(description="le nom de l'acteur (ex. Association Vélo Lisière)")
    categorie: Categorie = Field(description="la catégorie : élus, services, État, financeurs, habitants, usagers, "
                                 "associations, commerçants ou entreprises")
    pouvoir: float = Field(ge=1, le=5, description="le pouvoir sur le projet, de 1 (faible) à 5 (décisif)")
    interet: float = Field(ge=1, le=5, description="l'intérêt pour le projet, de 1 (indifférent) à 5 (très concerné)")
    position: float = Field(default=0, ge=-2, le=2, description="la position initiale, de -2 (opposé) à +2 (favorable)")
    attentes: str = Field(default="", description="une phrase qui dit ce que l'acteur attend ou craint")


class ActionCas(ModeleCas):
    """Une action d'une stratégie d'exemple."""

    format: Format = Field(description="le format (reunion_publique, atelier, balade_urbaine...)")
    date: _dt.date = Field(description="la date de la première séance, AAAA-MM-JJ")
    seances: int = Field(default=1, ge=1, description="le nombre de séances, un entier ≥ 1")
    cible: str | None = Field(default=None, description="un groupe ciblé par une démarche d'aller vers (ex. 15-29 ans)")


class StrategieCas(ModeleCas):
    """Une stratégie de concertation d'exemple."""

    nom: str = Field(description="le nom de la stratégie")
    budget: Montant | None = Field(default=None, description="le budget disponible, en euros TTC")
    actions: list[ActionCas] = Field(description="les actions, une par ligne, chacune avec format et date")


class SectionConcertation(ModeleCas):
    """Ce que la loi regarde du projet, le champ de la comparaison et des stratégies d'exemple."""

    nature: Nature = Field(description="la nature du projet : document_urbanisme, zac, renouvellement_urbain, "
                           "amenagement ou equipement")
    evaluation_environnementale: bool = Field(default=False,
                                              description="true si le projet est soumis à évaluation environnementale")
    depenses_publiques_ht: Montant | None = Field(
        default=None, description="les dépenses publiques en euros HT (par défaut : tout le coût du projet)")
    montant_voirie_zone_urbanisee_ht: Montant = Field(
        default=0, description="la part du coût en voirie dans la partie urbanisée, en euros HT")
    categorie_cndp: bool = Field(default=False, description="true si le projet relève d'une catégorie de R121-2")
    expropriation: bool = Field(default=False, description="true si une déclaration d'utilité publique est nécessaire")
    dispense_enquete_publique: bool = Field(default=False, description="true si le projet est dispensé d'enquête")
    autorisation_environnementale: bool = Field(
        default=False, description="true si le projet relève de l'autorisation environnementale (C. env. L181-1) : "
        "sa participation du public suit L181-10-1")
    date_reference: _dt.date | None = Field(
        default=None, description="la date à laquelle la loi est lue (dépôt de la demande, délibération), AAAA-MM-JJ ; "
        "par défaut le 1er janvier de l'année du cas")
    groupes_exclus: list[str] = Field(default_factory=list,
                                      description="les groupes hors du champ de la concertation (ex. 0-14 ans)")
    strategies: list[StrategieCas] = Field(default_factory=list, description="des stratégies d'exemple")


class SectionBudgetParticipatif(ModeleCas):
    """Un budget participatif : enveloppe, type de vote et tableaux du manifeste."""

    nom: str = Field(description="le nom de l'édition (ex. Budget participatif vélo 2025)")
    enveloppe: Montant = Field(description="l'enveloppe, en euros TTC")
    vote: Literal["approbation", "points"] = Field(default="approbation", description="approbation ou points")
    max_projets_par_bulletin: int | None = Field(default=None, ge=1,
                                                 description="le nombre maximal de projets par bulletin")
    projets: str = Field(description="le nom du tableau des projets dans donnees.yaml")
    bulletins: str = Field(description="le nom du tableau des bulletins dans donnees.yaml")
    pabulib: str | None = Field(default=None, description="le nom du fichier Pabulib (.pb) dans donnees.yaml")
    evaluations: str | None = Field(default=None,
                                    description="le nom du tableau des évaluations au jugement majoritaire")
