"""Vérifications de l\'atelier « cas-ecole-jules-ferry » : ses livrables (voir :mod:`.atelier`)."""

from __future__ import annotations

from .atelier import banque_atelier

BANQUE = banque_atelier("ecole-jules-ferry", "Atelier : Rénovation énergétique de l'école Jules-Ferry")
