"""Vérifications du carnet 00 — Prise en main."""

from __future__ import annotations

from typing import Any

from ..mecanisme import Retour, comparer_montant, comparer_taux, faux, juste
from ..progression import Banque

BANQUE = Banque("00-prise-en-main", "Prise en main de Jupyter")


def _population() -> Any:
    from ...cas import charger

    return charger("ecole-jules-ferry").donnees("population")


@BANQUE.exercice("population-jeunes", "Les moins de 15 ans")
def _population_jeunes(reponse: Any) -> Retour:
    pop = _population()
    attendu = int(pop.loc[(pop.dimension == "age") & (pop.groupe == "0-14 ans"), "effectif"].sum())
    return comparer_montant(reponse, attendu, tolerance=0, unite="habitants")


@BANQUE.exercice("part-retraites", "La part des retraités parmi les 15 ans ou plus")
def _part_retraites(reponse: Any) -> Retour:
    pop = _population()
    csp = pop[pop.dimension == "csp"]
    attendu = float(csp.loc[csp.groupe == "Retraités", "effectif"].sum() / csp.effectif.sum())
    return comparer_taux(reponse, attendu, tolerance=0.005)


@BANQUE.exercice("cout-ttc", "Le coût TTC des travaux")
def _cout_ttc(reponse: Any) -> Retour:
    from ...parametres import parametres

    attendu = 820_000 * (1 + parametres(2026)["tva.taux_normal"])
    retour = comparer_montant(reponse, attendu, tolerance=1)
    if retour.statut == "faux" and abs(float(reponse) - 820_000 * 0.2) < 1:
        return faux("vous avez calculé la TVA seule.", "le coût TTC, c'est le HT plus la TVA.")
    return retour if retour.statut != "juste" else juste("le coût TTC est bien le HT augmenté de 20 %.")
