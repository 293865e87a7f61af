"""Concertation : obligations légales, acteurs, stratégies et leur modèle de scénarios.

Trois concepts, un module chacun :

1. :mod:`.obligations` — :func:`obligations` dit, à partir d'une :class:`FicheProjet` (sa nature, ses
   chiffres, sa date), quelles procédures de participation du public s'appliquent, avec leur durée,
   qui décide et les articles ; les seuils viennent des paramètres datés ;
2. :mod:`.acteurs` — :class:`CarteDesActeurs` range les acteurs sur la grille pouvoir / intérêt et
   suggère un niveau d'engagement (spectre de l'IAP2, échelle d'Arnstein) ;
3. :mod:`.strategies` — :class:`ModeleConcertation` estime ce qu'une :class:`Strategie` touche, coûte et
   déplace (modèle **pédagogique, pas prédictif**).

Chaque modèle se construit depuis un cas par ``X.depuis_cas("slug")`` ; les anciens noms
(``fiche_du_cas``, ``acteurs_du_cas``, ``strategies_du_cas``, ``modele_du_cas``) restent des alias.
Les imports d'avant continuent de marcher : ``from mba_territoires.concertation import Obligations``.

>>> fiche = FicheProjet("Réseau cyclable", nature="amenagement", cout_ht=4_200_000,
...                     montant_voirie_zone_urbanisee_ht=2_100_000)
>>> for p in obligations(fiche).obligatoires():
...     print(p.nom)
Concertation du code de l'urbanisme
"""

from __future__ import annotations

from .acteurs import (
    CATEGORIES_ACTEURS,
    ECHELLE_ARNSTEIN,
    MILIEU_ECHELLE,
    QUADRANTS,
    SPECTRE_IAP2,
    Acteur,
    CarteDesActeurs,
    acteurs_du_cas,
)
from .obligations import NATURES_PROJET, FicheProjet, Obligations, Procedure, fiche_du_cas, obligations
from .strategies import (
    Action,
    FormatConcertation,
    ModeleConcertation,
    ResultatStrategie,
    Simulation,
    Strategie,
    comparer_strategies,
    modele_du_cas,
    strategies_depuis_cas,
    strategies_du_cas,
)

__all__ = [
    "CATEGORIES_ACTEURS",
    "ECHELLE_ARNSTEIN",
    "MILIEU_ECHELLE",
    "NATURES_PROJET",
    "QUADRANTS",
    "SPECTRE_IAP2",
    "Acteur",
    "Action",
    "CarteDesActeurs",
    "FicheProjet",
    "FormatConcertation",
    "ModeleConcertation",
    "Obligations",
    "Procedure",
    "ResultatStrategie",
    "Simulation",
    "Strategie",
    "acteurs_du_cas",
    "comparer_strategies",
    "fiche_du_cas",
    "modele_du_cas",
    "obligations",
    "strategies_depuis_cas",
    "strategies_du_cas",
]
