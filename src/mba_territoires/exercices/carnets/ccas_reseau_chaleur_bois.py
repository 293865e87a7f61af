"""Vérifications de l\'atelier « cas-reseau-chaleur-bois » : ses livrables (voir :mod:`.atelier`)."""

from __future__ import annotations

from .atelier import banque_atelier

BANQUE = banque_atelier("reseau-chaleur-bois", "Atelier : Un réseau de chaleur au bois pour le bourg de Bois-Exemple")
