"""Schémas des sections ``acteurs``, ``concertation`` et ``budget_participatif`` d'un cas."""

from __future__ import annotations

from .base import ModeleCas

__all__ = ["SectionActeurs", "SectionBudgetParticipatif", "SectionConcertation"]


class SectionActeurs(ModeleCas):
    """Les acteurs du projet (à compléter par le module concertation)."""


class SectionConcertation(ModeleCas):
    """Le contexte de concertation (à compléter par le module concertation)."""


class SectionBudgetParticipatif(ModeleCas):
    """Un budget participatif (à compléter par le module participation)."""
