"""Vérifications du carnet 04 — Trésorerie, emprunt et budget.

L'exemple de la leçon (le cas ``ecole-jules-ferry``) est le même pour tous ; les exercices portent sur
« votre commune », dont les chiffres sont tirés de l'identifiant de l'apprenant (variante du livre :
emprunt de 240 000 € à 3,6 % sur 15 ans ; recettes de fonctionnement 3 500 000 €, taux d'épargne
brute 12 %, encours 2 400 000 € ; travaux de 400 000 € HT payés pour moitié en 2026 et 2027 avec une
DETR de 30 % ; une DETR notifiée le 02/03/2026). Chaque vérification calcule l'attendu avec le paquet.

>>> livre = BANQUE.variante(None)
>>> BANQUE["annuite"].verifier(240_000 * 0.036, donnees=livre).conseil
"c'est la part d'intérêts de la première année : l'annuité y ajoute le capital remboursé."
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..mecanisme import Retour, comparer_montant, comparer_nombre, faux
from ..progression import Banque
from ..variantes import Tirage

BANQUE = Banque("04-tresorerie-et-budget", "Trésorerie, emprunt et budget")


@BANQUE.donnees
def _donnees(t: Tirage) -> dict[str, Any]:
    """Les chiffres de « votre commune » ; l'ordre des tirages est figé (le changer changerait les variantes)."""
    recettes = t.montant(2_000_000, 8_000_000, arrondi=100_000, livre=3_500_000)
    taux_epargne = t.taux(0.08, 0.18, pas=0.01, livre=0.12)
    notification = _dt.date(2026, 1, 5) + _dt.timedelta(days=t.entier(0, 300, livre=56))
    retard = t.entier(20, 200, livre=45)
    return {
        "capital": t.montant(150_000, 600_000, arrondi=10_000, livre=240_000),
        "taux": t.taux(0.025, 0.045, pas=0.001, livre=0.036),
        "duree": t.choix([12, 15, 20, 25], livre=15),
        "recettes": recettes,
        "depenses": round(recettes * (1 - taux_epargne), 2),
        "remboursement": t.montant(100_000, 400_000, arrondi=10_000, livre=250_000),
        # L'encours : entre 3 et 11 années d'épargne brute (des communes réelles, ni saines à l'excès ni en faillite).
        "encours": t.montant(3 * recettes * taux_epargne, 11 * recettes * taux_epargne, arrondi=100_000,
                             livre=2_400_000),
        "economies": t.montant(0, 30_000, arrondi=1_000, livre=12_000),
        "travaux": t.montant(200_000, 900_000, arrondi=10_000, livre=400_000),
        "taux_detr": t.taux(0.20, 0.40, pas=0.05, livre=0.30),
        "notification": notification.isoformat(),
        "commencement": _commencement(notification, retard).isoformat(),
    }


def _commencement(notification: _dt.date, retard: int) -> _dt.date:
    """Le commencement prévu : ``retard`` jours après la limite de R2334-28 (délai lu dans les paramètres)."""
    from ...tresorerie import caducite

    return caducite(notification).limite_commencement + _dt.timedelta(days=retard)


def _emprunt(d: Any, profil: str = "annuites_constantes") -> Any:
    from ...budget import Emprunt

    return Emprunt(d["capital"], d["taux"], d["duree"], profil, annee=2027)


def _situation(d: Any) -> Any:
    from ...budget import SituationFinanciere

    return SituationFinanciere(d["recettes"], d["depenses"], d["remboursement"], d["encours"], annee=2026)


def plan_de_la_variante(d: Any) -> Any:
    """Le plan de « votre commune » pour l'exercice de trésorerie (travaux 50 % en 2026, 50 % en 2027, DETR).

    >>> plan_de_la_variante(BANQUE.variante(None)).cout_ttc
    480000.0
    """
    from ...financement import PlanDeFinancement

    plan = PlanDeFinancement("Votre école", maitre_ouvrage="Votre commune", annee=2026,
                             calendrier={2026: 0.5, 2027: 0.5})
    plan.ajouter_depense("Travaux", montant_ht=d["travaux"])
    plan.ajouter_financeur("DETR", taux=d["taux_detr"])
    return plan


def _nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


ENONCE_EMPRUNT = "Votre commune emprunte {capital:euros} à {taux:taux} sur {duree} ans, première échéance en 2027."


@BANQUE.exercice("annuite", "La première annuité de votre emprunt", unite="euros",
                 enonce=ENONCE_EMPRUNT + " Quelle est l'annuité (capital et intérêts) de la première année, avec "
                 "des annuités constantes (en euros, à 1 € près) ?",
                 regle="annuité constante = capital × taux ÷ (1 − (1 + taux) puissance (− durée))")
def _annuite(reponse: Any, d: Any) -> Retour:
    e = _emprunt(d)
    t = e.tableau()
    if _nombre(reponse) and abs(reponse - e.annuite()) > 1:
        if abs(reponse - float(t["interets"].iloc[0])) < 1:
            return faux("vous n'avez compté que les intérêts.",
                        "c'est la part d'intérêts de la première année : l'annuité y ajoute le capital remboursé.")
        if abs(reponse - e.capital / e.duree) < 1:
            return faux("vous avez divisé le capital par la durée.",
                        "c'est le capital d'un « amortissement constant », sans les intérêts ; ici les annuités "
                        "sont constantes.")
        if abs(reponse - (e.capital / e.duree + e.capital * e.taux)) < 1:
            return faux("c'est la première échéance d'un amortissement constant.",
                        "avec des annuités constantes, utilisez la formule de l'annuité (ou mt.Emprunt).")
    return comparer_montant(reponse, e.annuite(), tolerance=1)


@BANQUE.exercice("ecart-interets", "Ce que coûte de plus l'annuité constante", unite="euros",
                 enonce=ENONCE_EMPRUNT + " Sur toute la durée, combien d'euros d'intérêts de plus coûtent les "
                 "annuités constantes qu'un amortissement constant (à 1 € près) ?",
                 regle="écart = intérêts totaux en annuités constantes − intérêts totaux en amortissement constant")
def _ecart(reponse: Any, d: Any) -> Retour:
    constantes, amorti = _emprunt(d).cout_interets, _emprunt(d, "amortissement_constant").cout_interets
    attendu = constantes - amorti
    if _nombre(reponse) and abs(reponse - attendu) > 1:
        if abs(reponse - constantes) < 1 or abs(reponse - amorti) < 1:
            return faux("c'est le coût des intérêts d'un seul profil.", "calculez les deux, puis leur différence.")
        if abs(reponse + attendu) < 1:
            return faux("vous avez fait la différence dans l'autre sens.",
                        "les annuités constantes coûtent plus : l'écart est positif.")
        infine = _emprunt(d, "in_fine").cout_interets
        if abs(reponse - (infine - amorti)) < 1 or abs(reponse - (infine - constantes)) < 1:
            return faux("vous avez pris le profil in fine.", "comparez annuités constantes et amortissement constant.")
    return comparer_montant(reponse, attendu, tolerance=1)


ENONCE_BUDGET = ("Votre commune a {recettes:euros} de recettes réelles de fonctionnement et {depenses:euros} de "
                 "dépenses réelles de fonctionnement ; elle rembourse {remboursement:euros} de capital par an et son "
                 "encours de dette est de {encours:euros}. ")


@BANQUE.exercice("capacite-apres", "Votre capacité de désendettement après le projet", unite="ans",
                 enonce=ENONCE_BUDGET + ENONCE_EMPRUNT + " Le projet fait économiser {economies:euros} par an de "
                 "fonctionnement. Quelle est la capacité de désendettement en 2027, après le projet (en années, "
                 "à 0,01 près) ?",
                 regle="capacité = encours ÷ épargne brute ; l'épargne brute perd les intérêts de l'emprunt et "
                 "gagne les économies ; l'encours gagne le capital restant dû fin 2027")
def _capacite(reponse: Any, d: Any) -> Retour:
    from ...budget import impact_budgetaire

    avant, e = _situation(d), _emprunt(d)
    apres = impact_budgetaire(avant, e, d["economies"]).apres
    attendu = apres.capacite_desendettement or 0.0
    if _nombre(reponse) and abs(reponse - attendu) > 0.01:
        if avant.capacite_desendettement is not None and abs(reponse - avant.capacite_desendettement) < 0.01:
            return faux("c'est la capacité avant le projet.",
                        "ajoutez l'emprunt à l'encours et ses intérêts aux dépenses.")
        sans_economies = impact_budgetaire(avant, e, 0).apres.capacite_desendettement or 0.0
        if abs(reponse - sans_economies) < 0.01:
            return faux("vous avez oublié les économies de fonctionnement.",
                        "elles augmentent l'épargne brute chaque année.")
        plein = (d["encours"] + d["capital"]) / (apres.epargne_brute or 1)
        if abs(reponse - plein) < 0.01:
            return faux("vous avez ajouté tout le capital emprunté à l'encours.",
                        "fin 2027, une première part du capital est déjà remboursée : prenez le capital restant dû.")
    return comparer_nombre(reponse, attendu, unite="ans", tolerance=0.01)


@BANQUE.exercice("besoin-relais", "Le besoin de crédit relais de votre opération", unite="euros",
                 enonce="Votre commune rénove son école : {travaux:euros} HT de travaux (TVA au taux normal), payés "
                 "pour moitié en 2026 et en 2027 ; la DETR couvre {taux_detr:taux} du coût HT ; régime FCTVA N+2. "
                 "Construisez le plan (calendrier={{2026: 0.5, 2027: 0.5}}), puis sa trésorerie : quel est le besoin "
                 "de crédit relais (en euros, à 1 € près) ?",
                 regle="le besoin relais est le plus fort découvert de la trésorerie cumulée, en fin d'année")
def _besoin(reponse: Any, d: Any) -> Retour:
    from ...tresorerie import Tresorerie

    plan = plan_de_la_variante(d)
    t = Tresorerie(plan)
    attendu = t.besoin_relais
    if _nombre(reponse) and abs(reponse - attendu) > 1:
        if abs(reponse - plan.cout_tva) < 1:
            return faux("c'est la TVA totale du projet.",
                        "le besoin relais est le creux de la trésorerie cumulée : lisez la ligne du cumul.")
        if abs(reponse + float(t.tableau()["solde"].min())) < 1:
            return faux("c'est le pire solde d'une seule année.",
                        "le besoin se lit sur la trésorerie cumulée, qui additionne les années.")
        if abs(reponse - plan.montant("DETR")) < 1:
            return faux("c'est le montant de la DETR.", "construisez la trésorerie : mt.Tresorerie(plan).")
    return comparer_montant(reponse, attendu, tolerance=1)


@BANQUE.exercice("caducite-retard", "Le retard sur le délai de caducité", unite="jours",
                 enonce="Une DETR est notifiée à votre commune le {notification} ; le commencement des travaux est "
                 "prévu le {commencement}. De combien de jours ce commencement dépasse-t-il la date limite, sans "
                 "prorogation (CGCT R2334-28) ?",
                 regle="la date limite est la notification plus le délai de commencement (paramètre "
                 "caducite.delai_commencement) ; comptez les jours entre cette limite et le commencement")
def _caducite(reponse: Any, d: Any) -> Retour:
    from ...tresorerie import caducite

    c = caducite(d["notification"], commencement=d["commencement"])
    attendu = c.verdicts()["caducite_commencement"].chiffres["jours_de_retard"]
    if _nombre(reponse) and reponse != attendu:
        debut = _dt.date.fromisoformat(d["commencement"])
        if reponse == (debut - c.limite_commencement_prorogee).days or \
                reponse == -(debut - c.limite_commencement_prorogee).days:
            return faux("vous avez compté à partir de la limite prorogée.",
                        "la question porte sur la limite sans prorogation.")
        if reponse == (debut - c.notification).days:
            return faux("vous avez compté depuis la notification.",
                        "comptez depuis la date limite : la notification plus le délai de commencement.")
    return comparer_nombre(reponse, attendu, unite="jours", tolerance=0)
