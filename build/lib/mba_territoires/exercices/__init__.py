"""Les exercices des carnets : vérification instantanée en français, variantes par apprenant, progression.

Dans un carnet :

>>> from mba_territoires.exercices import carnet
>>> ex = carnet("00-prise-en-main", sauvegarde=False, apprenant="")
>>> ex.variante
'livre'

Les vérifications de chaque carnet vivent dans ``exercices/carnets/cNN_nom.py``, jamais dans le
carnet lui-même : l'édition étudiant n'en contient ainsi aucune solution. Une banque peut tirer des
chiffres propres à chaque apprenant (``@BANQUE.donnees``, voir :mod:`.variantes`).
"""

from __future__ import annotations

from .mecanisme import (
    ESSAIS_AVANT_REGLE,
    SONDE,
    Exercice,
    Retour,
    comparer_choix,
    comparer_montant,
    comparer_nombre,
    comparer_taux,
    empreinte,
    est_vide,
    faux,
    juste,
    mode,
    normaliser,
    vide,
)
from .progression import (
    Banque,
    Carnet,
    Enonce,
    ExerciceInconnu,
    Progression,
    banque,
    banques,
    carnet,
    lire_progression,
    valeur_relue,
)
from .variantes import VARIABLE_APPRENANT, Donnees, Tirage, apprenant_courant, libelle_variante

__all__ = [
    "ESSAIS_AVANT_REGLE",
    "SONDE",
    "VARIABLE_APPRENANT",
    "Banque",
    "Carnet",
    "Donnees",
    "Enonce",
    "Exercice",
    "ExerciceInconnu",
    "Progression",
    "Retour",
    "Tirage",
    "apprenant_courant",
    "banque",
    "banques",
    "carnet",
    "comparer_choix",
    "comparer_montant",
    "comparer_nombre",
    "comparer_taux",
    "empreinte",
    "est_vide",
    "faux",
    "juste",
    "libelle_variante",
    "lire_progression",
    "mode",
    "normaliser",
    "valeur_relue",
    "vide",
]
