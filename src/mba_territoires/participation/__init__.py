"""Participation : représentativité d'une consultation, budgets participatifs, jugement majoritaire.

Trois concepts, un module chacun :

- :mod:`.representativite` — :class:`Representativite` compare les répondants à la population (indice
  par groupe) et calcule les poids de **redressement** (post-stratification sur une dimension, **calage
  sur marges** par ratissage sur plusieurs) ;
- :mod:`.budget_participatif` — :class:`BudgetParticipatif` calcule les projets retenus par la règle
  gloutonne et par la méthode des parts égales (:mod:`.regles_bp`, vérifiées contre pabutools) ; il lit
  et écrit le format Pabulib ;
- :mod:`.jugement_majoritaire` — :func:`jugement_majoritaire` classe des options (Balinski et Laraki, 2007).

Les imports d'avant continuent de marcher : ``from mba_territoires.participation import BudgetParticipatif``.

>>> import pandas as pd
>>> population = pd.DataFrame({"dimension": ["age", "age"], "groupe": ["jeunes", "aînés"],
...                            "effectif": [600, 400]})
>>> repondants = pd.DataFrame({"age": ["jeunes"] * 20 + ["aînés"] * 30})
>>> Representativite(repondants, population).indices("age").round(3).to_dict()
{'jeunes': 0.667, 'aînés': 1.5}
"""

from __future__ import annotations

from .budget_participatif import BudgetParticipatif, ProjetBP, ResultatBP, budget_participatif_du_cas
from .jugement_majoritaire import MENTIONS_JM, ResultatJugementMajoritaire, jugement_majoritaire
from .representativite import Representativite, parts_population

__all__ = [
    "MENTIONS_JM",
    "BudgetParticipatif",
    "ProjetBP",
    "Representativite",
    "ResultatBP",
    "ResultatJugementMajoritaire",
    "budget_participatif_du_cas",
    "jugement_majoritaire",
    "parts_population",
]
