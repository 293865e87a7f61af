"""Vérifications de l\'atelier « cas-centre-bourg » : ses livrables (voir :mod:`.atelier`)."""

from __future__ import annotations

from .atelier import banque_atelier

BANQUE = banque_atelier(
    "centre-bourg", "Atelier : Revitaliser le centre-bourg de Bourg-Exemple (Petites villes de demain)")
