"""Schéma de la section ``financement`` d'un cas (le plan de financement prévisionnel)."""

from __future__ import annotations

from .base import ModeleCas

__all__ = ["SectionFinancement"]


class SectionFinancement(ModeleCas):
    """Le plan de financement prévisionnel du cas (à compléter par le module financement)."""
