"""Vérifications de l\'atelier « cas-tiers-lieu-rural » : ses livrables (voir :mod:`.atelier`)."""

from __future__ import annotations

from .atelier import banque_atelier

BANQUE = banque_atelier("tiers-lieu-rural", "Atelier : Un tiers-lieu dans l'ancienne gare de Val-d'Exemple")
