"""Vérifications de l\'atelier « cas-cour-oasis » : ses livrables (voir :mod:`.atelier`)."""

from __future__ import annotations

from .atelier import banque_atelier

BANQUE = banque_atelier("cour-oasis", "Atelier : Une cour oasis à l'école Les Tilleuls")
