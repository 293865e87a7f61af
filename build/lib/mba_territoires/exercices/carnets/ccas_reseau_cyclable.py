"""Vérifications de l\'atelier « cas-reseau-cyclable » : ses livrables (voir :mod:`.atelier`)."""

from __future__ import annotations

from .atelier import banque_atelier

BANQUE = banque_atelier("reseau-cyclable", "Atelier : Un réseau cyclable de 10 km pour le Val de Lisière")
