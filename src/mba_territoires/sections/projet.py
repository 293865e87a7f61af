"""Schéma de la section ``projet`` d'un cas (enrichi par la conception de projet)."""

from __future__ import annotations

from pydantic import Field

from .base import Annee, ModeleCas, Montant

__all__ = ["SectionProjet"]


class SectionProjet(ModeleCas):
    """Le projet : ce qu'on fait, pour quoi, combien et quand."""

    intitule: str = Field(description="l'intitulé du projet, tel qu'il figurera dans les délibérations")
    description: str = Field(description="deux ou trois phrases qui disent ce que le projet change")
    objectifs: list[str] = Field(default_factory=list, description="la liste des objectifs, une phrase chacun")
    cout_estime_ht: Montant = Field(description="le coût total estimé, en euros HT (ex. 920000)")
    annee_debut: Annee = Field(description="l'année de démarrage prévue (ex. 2026)")
    politiques: list[str] = Field(
        default_factory=list,
        description="les politiques publiques concernées (urbanisme, transition écologique, mobilité, logement)",
    )
