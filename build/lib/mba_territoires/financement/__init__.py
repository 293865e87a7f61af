"""Le plan de financement d'une opération d'investissement, ses règles de cofinancement et le FCTVA.

Un concept par module :

- :mod:`~mba_territoires.financement.plan` : le plan (dépenses, financeurs, saisies, scénarios,
  enregistrement, ``depuis_cas``) et :func:`exemple_ecole`, le plan de la leçon 03 ;
- :mod:`~mba_territoires.financement.regles` : les règles (CGCT L1111-10, R2334-27, décret 2018-514)
  et les dérogations (:data:`DEROGATIONS`) ;
- :mod:`~mba_territoires.financement.fctva` : le FCTVA et ses régimes ;
- :mod:`~mba_territoires.financement.comparaison` : des scénarios côte à côte ;
- l'export Excel vit dans :mod:`mba_territoires.affichage.excel`.

Les noms d'avant le découpage restent importables d'ici : ``Verdict`` et ``Verification`` sont les
types communs :class:`mba_territoires.verdicts.Verdict` et :class:`~mba_territoires.verdicts.Verdicts`
(``Verification`` en est un alias gardé pour les carnets existants).

>>> plan = PlanDeFinancement("Rénovation énergétique de l'école Jules-Ferry",
...                          maitre_ouvrage="Commune de Saint-Exemple", annee=2026)
>>> plan.ajouter_depense("Travaux", montant_ht=820_000)
>>> plan.ajouter_depense("Maîtrise d'œuvre", montant_ht=80_000)
>>> plan.ajouter_depense("Études préalables", montant_ht=20_000, tva=0.20)
>>> plan.ajouter_financeur("DETR", taux=0.30)
>>> plan.ajouter_financeur("Fonds vert", montant=200_000)
>>> plan.ajouter_financeur("Mécénat d'entreprise", montant=30_000, public=False)
>>> plan.montant("DETR"), plan.autofinancement
(276000.0, 414000.0)
>>> plan.verifier().respectee
True
>>> round(plan.fctva().montant, 2), plan.fctva().annees
(181100.16, [2028])
"""

from __future__ import annotations

from ..verdicts import Verdict, Verdicts
from .comparaison import Comparaison, comparer_plans
from .fctva import REGIMES_FCTVA, ResultatFCTVA, calculer_fctva
from .plan import (
    NATURES_FINANCEUR,
    Depense,
    Financeur,
    PlanDeFinancement,
    exemple_ecole,
    neutraliser_formule,
    parametres_du,
)
from .regles import DEROGATIONS, DOTATIONS_ETAT, Derogation, verifier_plan

#: Ancien nom de :class:`mba_territoires.verdicts.Verdicts` (les verdicts de toutes les règles d'un plan).
Verification = Verdicts

__all__ = [
    "DEROGATIONS",
    "DOTATIONS_ETAT",
    "NATURES_FINANCEUR",
    "REGIMES_FCTVA",
    "Comparaison",
    "Depense",
    "Derogation",
    "Financeur",
    "PlanDeFinancement",
    "ResultatFCTVA",
    "Verdict",
    "Verdicts",
    "Verification",
    "calculer_fctva",
    "comparer_plans",
    "exemple_ecole",
    "neutraliser_formule",
    "parametres_du",
    "verifier_plan",
]
