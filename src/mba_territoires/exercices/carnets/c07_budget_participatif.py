"""Vérifications du carnet 07 — Conduire un budget participatif."""

from __future__ import annotations

from typing import Any

from ...participation import MENTIONS_JM
from ..mecanisme import Retour, comparer_choix, comparer_montant, comparer_taux, empreinte, faux
from ..progression import Banque

BANQUE = Banque("07-budget-participatif", "Conduire un budget participatif")


def _cas() -> Any:
    from ...cas import charger

    return charger("reseau-cyclable")


def _bp() -> Any:
    from ...participation import budget_participatif_du_cas

    return budget_participatif_du_cas(_cas())


@BANQUE.exercice("depense-glouton", "L'argent dépensé par la règle gloutonne")
def _depense(reponse: Any) -> Retour:
    bp = _bp()
    attendu = bp.glouton().cout_total
    if reponse == bp.enveloppe:
        return faux("c'est l'enveloppe, pas la dépense.",
                    "la règle saute les projets trop chers pour le reste : additionnez les coûts des projets retenus.")
    return comparer_montant(reponse, attendu, tolerance=1)


@BANQUE.exercice("satisfaits-parts-egales", "La part de votants satisfaits avec les parts égales")
def _satisfaits(reponse: Any) -> Retour:
    bp = _bp()
    attendu = bp.parts_egales().part_votants_satisfaits
    if isinstance(reponse, float) and abs(reponse - bp.glouton().part_votants_satisfaits) < 0.001:
        return faux("c'est la part obtenue avec la règle gloutonne.", "recommencez avec bp.parts_egales().")
    return comparer_taux(reponse, attendu, tolerance=0.002)


@BANQUE.exercice("trace-gagnant", "Le tracé classé premier au jugement majoritaire")
def _trace(reponse: Any) -> Retour:
    from ...participation import jugement_majoritaire

    premier = jugement_majoritaire(_cas().donnees("evaluations_traces")).classement()[0]
    lettre = premier.split("–")[0].replace("Tracé", "").strip()
    return comparer_choix(reponse, empreinte(lettre), ["A", "B", "C", "D"],
                          conseil="le premier n'est pas celui qui a le plus de « Très bien », mais celui dont la "
                          "mention médiane est la meilleure.")


@BANQUE.exercice("mention-trace-b", "La mention majoritaire du tracé B")
def _mention(reponse: Any) -> Retour:
    from ...participation import jugement_majoritaire

    t = jugement_majoritaire(_cas().donnees("evaluations_traces")).tableau().set_index("option")
    attendu = t.loc[next(o for o in t.index if o.startswith("Tracé B")), "mention majoritaire"]
    return comparer_choix(reponse, empreinte(attendu), list(MENTIONS_JM),
                          conseil="la mention majoritaire est celle qui croise le trait des 50 % sur le graphique.")
