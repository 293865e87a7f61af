"""mba-territoires : le paquet d'appui du cahier d'exercices des chargés de mission collectivités.

L'API publique est réexportée ici sous ses noms français ; les modules ne sont importés qu'à la
première utilisation d'un nom, pour que ``import mba_territoires`` reste instantané.

>>> import mba_territoires as mt
>>> mt.euros(1500)
'1\u202f500,00\xa0€'
>>> mt.parametres(2026)["fctva.taux"]
0.16404
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Le sous-paquet ``parametres`` porte le nom de sa fonction : on lie la fonction tout de suite
# (le sous-paquet ne charge que yaml), sinon ``mt.parametres`` désignerait le module.
from .parametres import parametres

# Nom public -> module qui le définit. Un bloc par domaine ; chaque module tient son bloc.
_API: dict[str, str] = {
    # --- fondations
    "ErreurSaisie": "erreurs",
    "ErreurMontant": "erreurs",
    "ErreurTaux": "erreurs",
    "ErreurParametre": "erreurs",
    "ErreurCas": "erreurs",
    "ErreurDonnees": "erreurs",
    "ErreurRegle": "erreurs",
    "ErreurExercice": "erreurs",
    "euros": "formats",
    "millions": "formats",
    "pourcentage": "formats",
    "nombre": "formats",
    "date_fr": "formats",
    "Parametre": "parametres",
    "Parametres": "parametres",
    "charger_cas": "cas",
    "Cas": "cas",
    # --- exercices
    "carnet": "exercices",
    # --- financement (plan de financement, trésorerie, budget)
    # --- conception de projet, planning, risques, évaluation
    # --- concertation et participation
    # --- note aux élus
}

_ALIAS = {"charger_cas": "charger"}

__all__ = ["__version__", "parametres", *sorted(_API)]


def __getattr__(nom: str) -> Any:
    module = _API.get(nom)
    if module is None:
        raise AttributeError(f"le paquet mba_territoires n'a pas d'attribut « {nom} »")
    valeur = getattr(importlib.import_module(f".{module}", __name__), _ALIAS.get(nom, nom))
    globals()[nom] = valeur
    return valeur


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
