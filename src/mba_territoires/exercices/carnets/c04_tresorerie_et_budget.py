"""Vérifications du carnet 04 — Trésorerie, emprunt et budget.

L'attendu est recalculé avec le paquet sur le plan de financement du cas ``ecole-jules-ferry``
(section ``financement`` de son ``cas.yaml``) et les finances de la commune.

>>> BANQUE["annuite"].verifier(10_620).conseil
"c'est la part d'intérêts de la première année : l'annuité y ajoute le capital remboursé."
"""

from __future__ import annotations

from typing import Any

from ..mecanisme import Retour, comparer_choix, comparer_montant, empreinte, faux
from ..progression import Banque

BANQUE = Banque("04-tresorerie-et-budget", "Trésorerie, emprunt et budget")

CAS = "ecole-jules-ferry"


def _nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


def _plan() -> Any:
    from ...financement import PlanDeFinancement

    return PlanDeFinancement.depuis_cas(CAS)


def _emprunt() -> Any:
    from ...budget import emprunt_du_plan

    return emprunt_du_plan(_plan(), duree=20)


@BANQUE.exercice("besoin-relais", "Le besoin de crédit relais")
def _besoin(reponse: Any) -> Retour:
    from ...tresorerie import Tresorerie

    plan = _plan()
    t = Tresorerie(plan)
    if _nombre(reponse):
        if abs(reponse - plan.cout_tva) < 1:
            return faux("c'est la TVA totale du projet.",
                        "le besoin relais est le creux de la trésorerie cumulée : lisez la ligne du cumul.")
        if abs(reponse - float(t.tableau()["solde"].min()) * -1) < 1:
            return faux("c'est le pire solde d'une seule année.",
                        "le besoin se lit sur la trésorerie cumulée, qui additionne les années.")
    return comparer_montant(reponse, t.besoin_relais, tolerance=1)


@BANQUE.exercice("annuite", "La première annuité de l'emprunt")
def _annuite(reponse: Any) -> Retour:
    e = _emprunt()
    t = e.tableau()
    if _nombre(reponse):
        if abs(reponse - float(t["interets"].iloc[0])) < 1:
            return faux("vous n'avez compté que les intérêts.",
                        "c'est la part d'intérêts de la première année : l'annuité y ajoute le capital remboursé.")
        if abs(reponse - e.capital / e.duree) < 1:
            return faux("vous avez divisé le capital par la durée.",
                        "c'est le profil « amortissement constant », sans les intérêts ; ici les annuités sont "
                        "constantes.")
    return comparer_montant(reponse, e.annuite(), tolerance=1)


@BANQUE.exercice("capacite-apres", "La capacité de désendettement après le projet")
def _capacite(reponse: Any) -> Retour:
    from ...budget import SituationFinanciere, impact_budgetaire
    from ...cas import charger

    cas = charger(CAS)
    avant = SituationFinanciere.depuis_cas(cas)
    economies = cas.financement.economies_annuelles if cas.financement else 0.0
    apres = impact_budgetaire(avant, _emprunt(), economies).apres
    if _nombre(reponse) and avant.capacite_desendettement is not None and abs(
            reponse - avant.capacite_desendettement) < 0.01:
        return faux("c'est la capacité avant le projet.", "ajoutez l'emprunt à l'encours et ses intérêts aux dépenses.")
    return comparer_montant(reponse, apres.capacite_desendettement or 0.0, tolerance=0.05, unite="ans")


@BANQUE.exercice("profil-moins-cher", "Le profil d'emprunt qui coûte le moins d'intérêts")
def _profil(reponse: Any) -> Retour:
    from ...budget import PROFILS, Emprunt

    e = _emprunt()
    couts = {p: Emprunt(e.capital, e.taux, e.duree, p).cout_interets for p in PROFILS}
    meilleur = min(couts, key=lambda p: couts[p])
    return comparer_choix(reponse, empreinte(meilleur), list(PROFILS),
                          conseil="comparez la colonne des intérêts : le capital remboursé tôt ne porte plus "
                          "d'intérêts.")
