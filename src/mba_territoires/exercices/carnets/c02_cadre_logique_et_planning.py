"""Vérifications du carnet 02 — Cadre logique, gouvernance et planning.

Chaque vérification calcule l'attendu avec le paquet (cas « cour-oasis », paramètres 2026) et donne un
indice sans écrire la bonne réponse.

>>> BANQUE["procedure-travaux"].verifier("appel d'offres").statut
'faux'
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..mecanisme import Retour, comparer_choix, comparer_montant, empreinte, faux, juste
from ..progression import Banque

BANQUE = Banque("02-cadre-logique-et-planning", "Cadre logique, gouvernance et planning")

CAS = "cour-oasis"
PROCEDURES = ["dispense", "adaptee", "formalisee"]


def _planning() -> Any:
    from ...cas import charger
    from ...planning import planning_du_cas

    return planning_du_cas(charger(CAS))


@BANQUE.exercice("marge-ateliers", "La marge des ateliers avec les élèves")
def _marge_ateliers(reponse: Any) -> Retour:
    o = _planning().planning.ordonnancer()
    attendu = o.tache("Ateliers de co-conception avec les élèves").marge
    if isinstance(reponse, int) and not isinstance(reponse, bool) and reponse == 0:
        return faux("une marge nulle voudrait dire que les ateliers sont sur le chemin critique.",
                    "comparez le début au plus tôt et le début au plus tard des ateliers.")
    return comparer_montant(reponse, attendu, tolerance=0, unite="jours")


@BANQUE.exercice("procedure-travaux", "La procédure du marché de travaux")
def _procedure_travaux(reponse: Any) -> Retour:
    from ...planning import procedure_marche

    marche = next(m for m in _planning().marches if m.nature == "travaux")
    attendu = procedure_marche(marche.montant_ht, "travaux").procedure
    return comparer_choix(reponse, empreinte(attendu), PROCEDURES,
                          conseil="comparez le montant HT des travaux au seuil de dispense et au seuil européen "
                          "(mt.parametres(2026).tableau(\"commande_publique\")).")


@BANQUE.exercice("caducite-detr", "La date limite de commencement pour la DETR")
def _caducite_detr(reponse: Any) -> Retour:
    from ...parametres import parametres
    from ...planning import ajouter_annees

    detr = next(s for s in _planning().subventions if s.regle == "dotation_etat")
    delai = int(parametres(2026)["caducite.delai_commencement"])
    attendu = ajouter_annees(detr.notification, delai)
    jour = reponse
    if isinstance(reponse, str):
        try:
            jour = _dt.date.fromisoformat(reponse.strip())
        except ValueError:
            return faux(f"« {reponse} » n'est pas une date AAAA-MM-JJ.", "écrivez par exemple \"2027-01-31\".")
    if not isinstance(jour, _dt.date):
        return faux("la réponse doit être une date.", "écrivez une date entre guillemets, AAAA-MM-JJ.")
    if jour == attendu:
        return juste("c'est bien deux ans après la notification (CGCT, art. R2334-28).")
    if jour == ajouter_annees(detr.reception_demande, delai):
        return faux("vous êtes parti(e) de la réception de la demande.",
                    "le délai de caducité court à compter de la notification de la subvention.")
    if jour == ajouter_annees(attendu, 1):
        return faux("vous avez ajouté la prorogation.", "la prorogation n'est pas de droit : donnez la date sans elle.")
    return faux("ce n'est pas la bonne date.", "relisez l'article R2334-28 et le délai caducite.delai_commencement.")


@BANQUE.exercice("qui-decide", "Qui approuve l'attribution du marché de travaux ?")
def _qui_decide(reponse: Any) -> Retour:
    from ...cas import charger
    from ...projet import gouvernance_du_cas

    g = gouvernance_du_cas(charger(CAS))
    acteurs = list(g.tableau_raci().columns)
    attendu = g.qui_decide("Attribuer le marché de travaux")
    return comparer_choix(reponse, empreinte(attendu), acteurs,
                          conseil="cherchez la lettre A sur la ligne « Attribuer le marché de travaux » du RACI.")
