"""Vérifications du carnet 00 — Prise en main.

Chaque vérification calcule l'attendu avec le paquet (le cas de Saint-Exemple, les paramètres 2026)
et reconnaît les erreurs typiques d'un premier carnet, sans jamais écrire la bonne réponse.

>>> BANQUE["cout-ttc"].verifier(820_000).conseil
"c'est le montant HT : ajoutez la TVA."
"""

from __future__ import annotations

from typing import Any

from ..mecanisme import Retour, comparer_montant, comparer_taux, faux, juste
from ..progression import Banque

BANQUE = Banque("00-prise-en-main", "Prise en main de Jupyter")

CAS = "ecole-jules-ferry"
TRAVAUX_HT = 820_000  # le montant des travaux donné dans l'énoncé de l'exercice 3


def _population() -> Any:
    from ...cas import charger

    return charger(CAS).donnees("population")


def _est_nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


@BANQUE.exercice("population-jeunes", "Les moins de 15 ans")
def _population_jeunes(reponse: Any) -> Retour:
    pop = _population()
    ages = pop[pop.dimension == "age"]
    attendu = int(ages.loc[ages.groupe == "0-14 ans", "effectif"].sum())
    if _est_nombre(reponse) and reponse != attendu:
        if reponse == int(ages.effectif.sum()):
            return faux("vous avez compté toute la population de la commune.",
                        "gardez seulement la tranche d'âge des moins de 15 ans.")
        if reponse == int(pop.effectif.sum()):
            return faux("vous avez additionné toutes les lignes du tableau, toutes dimensions confondues.",
                        "chaque habitant y est compté trois fois (âge, sexe, catégorie) : filtrez sur l'âge.")
        if reponse in set(ages.effectif.astype(int)):
            return faux("c'est l'effectif d'une autre tranche d'âge.",
                        "relisez la colonne « groupe » : les moins de 15 ans forment la première tranche.")
    return comparer_montant(reponse, attendu, tolerance=0, unite="habitants")


@BANQUE.exercice("part-retraites", "La part des retraités parmi les 15 ans ou plus")
def _part_retraites(reponse: Any) -> Retour:
    pop = _population()
    csp = pop[pop.dimension == "csp"]
    retraites = csp.loc[csp.groupe == "Retraités", "effectif"].sum()
    attendu = float(retraites / csp.effectif.sum())
    toute_la_population = float(retraites / pop.loc[pop.dimension == "age", "effectif"].sum())
    if _est_nombre(reponse) and abs(reponse - toute_la_population) < 0.005 < abs(reponse - attendu):
        return faux("vous avez divisé par toute la population de la commune.",
                    "le dénominateur est le nombre d'habitants de 15 ans ou plus : le total de la dimension csp.")
    return comparer_taux(reponse, attendu, tolerance=0.005)


@BANQUE.exercice("cout-ttc", "Le coût TTC des travaux")
def _cout_ttc(reponse: Any) -> Retour:
    from ...parametres import parametres

    taux = parametres(2026)["tva.taux_normal"]
    attendu = TRAVAUX_HT * (1 + taux)
    if _est_nombre(reponse):
        if abs(reponse - TRAVAUX_HT * taux) < 1:
            return faux("vous avez calculé la TVA seule.", "le coût TTC, c'est le HT plus la TVA.")
        if abs(reponse - TRAVAUX_HT) < 1:
            return faux("votre réponse est le montant hors taxes.", "c'est le montant HT : ajoutez la TVA.")
    retour = comparer_montant(reponse, attendu, tolerance=1)
    return retour if retour.statut != "juste" else juste("le coût TTC est bien le HT augmenté de la TVA.")
