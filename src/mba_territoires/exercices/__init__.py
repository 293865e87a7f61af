"""Les exercices des carnets : vérification instantanée en français, progression sauvegardée.

Dans un carnet :

>>> from mba_territoires.exercices import carnet
>>> ex = carnet("00-prise-en-main", sauvegarde=False)
>>> ex.verifier("population-jeunes", ...).statut
'vide'

Les vérifications de chaque carnet vivent dans ``exercices/carnets/cNN_nom.py``, jamais dans le
carnet lui-même : l'édition étudiant n'en contient ainsi aucune solution.
"""

from __future__ import annotations

from .mecanisme import (
    Exercice,
    Retour,
    comparer_choix,
    comparer_montant,
    comparer_taux,
    empreinte,
    est_vide,
    faux,
    juste,
    mode,
    vide,
)
from .progression import Banque, Carnet, Progression, banque, carnet

__all__ = [
    "Banque",
    "Carnet",
    "Exercice",
    "Progression",
    "Retour",
    "banque",
    "carnet",
    "comparer_choix",
    "comparer_montant",
    "comparer_taux",
    "empreinte",
    "est_vide",
    "faux",
    "juste",
    "mode",
    "vide",
]
