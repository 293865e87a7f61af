"""Le territoire : le diagnostic d'un cas et le découpage administratif réel (COG 2026).

- :mod:`.diagnostic` : :class:`Diagnostic` (population, ménages, navettes, équipements d'un cas) ;
- :mod:`.decoupage` : :class:`Commune`, :class:`Epci`, :class:`Departement`, :class:`Region` et la recherche
  par code ou par nom (:func:`commune`, :func:`epci`, :func:`departement`, :func:`region`) ;
- :mod:`.profil` : le profil territorial d'une commune (:class:`ProfilTerritorial`) ;
- :mod:`.eligibilite` : l'éligibilité d'une commune ou d'un EPCI à la DETR (:func:`eligibilite_detr`) ;
- :mod:`.ressemblance` : le territoire réel qui ressemble à un cas fictif (:func:`territoire_ressemblant`).

Les noms historiques restent importables d'ici (``from mba_territoires.territoire import Diagnostic``).
Les données ne sont lues qu'au premier appel d'une recherche.

>>> from mba_territoires.territoire import commune
>>> commune("35238").nom
'Rennes'
"""

from __future__ import annotations

import importlib
from typing import Any

from .diagnostic import HABITANTS_REFERENCE_EQUIPEMENTS, Diagnostic

_NOMS = {
    "Commune": "decoupage", "Epci": "decoupage", "Departement": "decoupage", "Region": "decoupage",
    "ErreurTerritoire": "decoupage", "commune": "decoupage", "epci": "decoupage", "departement": "decoupage",
    "region": "decoupage", "Decoupage": "decoupage", "donnees_decoupage": "decoupage",
    "ProfilTerritorial": "profil",
    "EligibiliteDETR": "eligibilite", "eligibilite_detr": "eligibilite",
    "Ressemblance": "ressemblance", "territoire_ressemblant": "ressemblance",
}

__all__ = ["HABITANTS_REFERENCE_EQUIPEMENTS", "Diagnostic", *sorted(_NOMS)]


def __getattr__(nom: str) -> Any:
    module = _NOMS.get(nom)
    if module is None:
        raise AttributeError(f"le module mba_territoires.territoire n'a pas d'attribut « {nom} »")
    valeur = getattr(importlib.import_module(f".{module}", __name__), nom)
    globals()[nom] = valeur
    return valeur
