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
    "traces_completes": "erreurs",
    "euros": "formats",
    "millions": "formats",
    "pourcentage": "formats",
    "nombre": "formats",
    "date_fr": "formats",
    "Parametre": "parametres",
    "Parametres": "parametres",
    "Verdicts": "verdicts",
    "Commande": "affichage.commande",
    "commande_du_cas": "affichage.commande",
    "charger_cas": "cas",
    "Cas": "cas",
    # --- exercices
    "carnet": "exercices",
    "edition_etudiant": "editions",
    "lien_jupyterhub": "diffusion",
    "lien_binder": "diffusion",
    # --- financement (plan de financement, trésorerie, budget)
    "PlanDeFinancement": "financement",
    "Depense": "financement",
    "Financeur": "financement",
    "Verdict": "verdicts",
    "Verification": "financement",
    "ResultatFCTVA": "financement",
    "Comparaison": "financement",
    "comparer_plans": "financement",
    "NATURES_FINANCEUR": "financement",
    "DEROGATIONS": "financement",
    "exemple_ecole": "financement",
    "Tresorerie": "tresorerie",
    "Versement": "tresorerie",
    "echeancier_subvention": "tresorerie",
    "caducite": "tresorerie",
    "Caducite": "tresorerie",
    "Emprunt": "budget",
    "SituationFinanciere": "budget",
    "ImpactBudgetaire": "budget",
    "impact_budgetaire": "budget",
    "emprunt_du_plan": "budget",
    "EditeurPlan": "affichage.widgets_financement",
    "editeur_plan": "affichage.widgets_financement",
    # --- conception de projet, planning, risques, évaluation
    "Diagnostic": "territoire",
    # --- territoire réel (COG 2026), éligibilité, cartes, catalogue d'aides (H6)
    "commune": "territoire",
    "epci": "territoire",
    "departement": "territoire",
    "region": "territoire",
    "Commune": "territoire",
    "Epci": "territoire",
    "Departement": "territoire",
    "Region": "territoire",
    "ErreurTerritoire": "territoire",
    "eligibilite_detr": "territoire",
    "territoire_ressemblant": "territoire",
    "carte_epci": "affichage.cartes",
    # figures de la leçon 01 (vues de graphiques_projet, exportées pour éviter les imports de sous-modules)
    "figure_arbre": "affichage.graphiques_projet",
    "graphique_comparaison": "affichage.graphiques_projet",
    "graphique_equipements": "affichage.graphiques_projet",
    "carte_departement": "affichage.cartes",
    "Aide": "aides",
    "aide": "aides",
    "aides_possibles": "aides",
    "catalogue_aides": "aides",
    "tableau_aides": "aides",
    "Noeud": "projet",
    "ArbreProblemes": "projet",
    "ArbreObjectifs": "projet",
    "NiveauCadre": "projet",
    "CadreLogique": "projet",
    "Anomalie": "projet",
    "Comite": "projet",
    "Deliberation": "projet",
    "Gouvernance": "projet",
    "arbre_du_cas": "projet",
    "cadre_logique_du_cas": "projet",
    "gouvernance_du_cas": "projet",
    "Tache": "planning",
    "Planning": "planning",
    "Ordonnancement": "planning",
    # commande publique : marches.py (les anciens noms de planning restent importables de planning)
    "ProcedureMarche": "marches",
    "procedure_marche": "marches",
    "Marche": "marches",
    "Besoin": "marches",
    "Lot": "marches",
    "valeur_du_besoin": "marches",
    "seuils_en_vigueur": "marches",
    "verifier_fractionnement": "marches",
    "JalonSubvention": "planning",
    "Alerte": "planning",
    "verifier_subventions": "planning",
    "verifier_consultations": "planning",
    "verifier_deliberations": "planning",
    "PlanningDuCas": "planning",
    "planning_du_cas": "planning",
    "editeur_planning": "affichage.widgets_projet",
    "EditeurPlanning": "affichage.widgets_projet",
    "notation_risques": "affichage.widgets_projet",
    "Risque": "risques",
    "RegistreRisques": "risques",
    "registre_du_cas": "risques",
    "Indicateur": "evaluation",
    "verifier_smart": "evaluation",
    "BilanSmart": "evaluation",
    "suivre": "evaluation",
    "SuiviIndicateur": "evaluation",
    "indicateurs_du_cas": "evaluation",
    "valeur_carbone": "evaluation",
    "trajectoire_carbone": "evaluation",
    "BilanSocioEconomique": "evaluation",
    "bilan_du_cas": "evaluation",
    # --- concertation et participation
    "FicheProjet": "concertation",
    "Procedure": "concertation",
    "Obligations": "concertation",
    "obligations": "concertation",
    "Acteur": "concertation",
    "CarteDesActeurs": "concertation",
    "SPECTRE_IAP2": "concertation",
    "ECHELLE_ARNSTEIN": "concertation",
    "FormatConcertation": "concertation",
    "Action": "concertation",
    "Strategie": "concertation",
    "ModeleConcertation": "concertation",
    "ResultatStrategie": "concertation",
    "Simulation": "concertation",
    "comparer_strategies": "concertation",
    "fiche_du_cas": "concertation",
    "acteurs_du_cas": "concertation",
    "strategies_du_cas": "concertation",
    "modele_du_cas": "concertation",
    "strategies_depuis_cas": "concertation",
    "comparateur_strategies": "affichage.widgets_concertation",
    "parts_population": "participation",
    "Representativite": "participation",
    "ProjetBP": "participation",
    "BudgetParticipatif": "participation",
    "ResultatBP": "participation",
    "budget_participatif_du_cas": "participation",
    "jugement_majoritaire": "participation",
    "ResultatJugementMajoritaire": "participation",
    "MENTIONS_JM": "participation",
    # --- note aux élus
    "NoteAuxElus": "note",
    "LigneFinancement": "note",
    "ContenuNote": "contenu_note",
    "ProjetDeliberation": "contenu_note",
}

_ALIAS = {"catalogue_aides": "catalogue", "charger_cas": "charger"}

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
