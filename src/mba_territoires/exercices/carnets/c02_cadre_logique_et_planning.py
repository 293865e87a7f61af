"""Vérifications du carnet 02 — Cadre logique, gouvernance et planning.

L'exemple du carnet (la cour oasis de Fontenay-l'Exemple) est le même pour tous ; les exercices portent
sur des variantes tirées de l'identifiant de l'apprenant (durées des tâches, marché de services,
notification de la DETR, délégation au maire). Variante du livre : ateliers de 28 jours et conception
de 75 jours ; consultation de 66 jours ; entretien de 18 500 € par an, 1 an ferme et 3 reconductions,
consultation lancée le 14/09/2026 ; DETR notifiée le 9/06/2026 ; marché de 450 000 € HT, délégation au
maire sous 250 000 € HT. Chaque vérification calcule l'attendu avec le paquet et reconnaît les erreurs
typiques, sans jamais écrire la bonne réponse.

>>> livre = BANQUE.variante(None)
>>> BANQUE["valeur-besoin"].verifier(18_500, donnees=livre).message
'vous avez compté une seule année.'
>>> BANQUE["procedure-besoin"].verifier("MAPA", donnees=livre).statut
'juste'
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..mecanisme import Retour, comparer_choix, comparer_montant, comparer_nombre, faux, juste
from ..progression import Banque
from ..variantes import Tirage

BANQUE = Banque("02-cadre-logique-et-planning", "Cadre logique, gouvernance et planning")

CAS = "cour-oasis"
ATELIERS = "Ateliers de co-conception avec les élèves"
CONCEPTION = "Conception (esquisse, avant-projet, dossier de consultation)"
CONSULTATION = "Consultation des entreprises de travaux"
RECEPTION = "Réception des travaux"
TRAVAUX = "Travaux de désimperméabilisation et de plantation"

PROCEDURES = ["dispense", "adaptee", "formalisee"]
SYNONYMES_PROCEDURES = {
    "dispense": ["sans publicité ni mise en concurrence", "marché sans publicité", "gré à gré", "dispensé"],
    "adaptee": ["MAPA", "procédure adaptée", "marché à procédure adaptée", "adaptée"],
    "formalisee": ["procédure formalisée", "appel d'offres", "formalisée"],
}
SIGNATAIRES = ["conseil municipal", "maire", "comité de pilotage", "commission d'appel d'offres"]
SYNONYMES_SIGNATAIRES = {
    "conseil municipal": ["le conseil municipal", "CM", "organe délibérant", "l'organe délibérant",
                          "assemblée délibérante", "conseil"],
    "maire": ["le maire", "madame la maire", "monsieur le maire", "exécutif"],
    "comité de pilotage": ["le comité de pilotage", "COPIL"],
    "commission d'appel d'offres": ["CAO", "la commission d'appel d'offres"],
}
LANCEMENTS = ["2026-02-16", "2026-03-23", "2026-05-11", "2026-09-14", "2026-11-02", "2027-01-11"]
PLAFONDS_DELEGATION = [150_000, 250_000, 500_000, 800_000]


#: Des valeurs que le carnet affiche avant les exercices (exemples, cas) : une variante ne doit pas les attendre.
_VALEURS_DU_CARNET = {28_000, 35_000, 50_000, 63_000, 118_000}


def _valeurs_affichees() -> set[float]:
    """Les montants affichés avant les exercices : les exemples, et les seuils de travaux imprimés au § 4."""
    from ...parametres import parametres

    p = parametres("2026-03-02")
    dispense, formalise = p["commande_publique.dispense_travaux"], p["commande_publique.formalise_travaux"]
    return _VALEURS_DU_CARNET | {dispense - 1, dispense, formalise}
_NOTIFICATION_DU_CAS = _dt.date(2026, 5, 20)


@BANQUE.donnees
def _donnees(t: Tirage) -> dict[str, Any]:
    """Les chiffres des exercices. Ordre des tirages figé (le changer changerait toutes les variantes).

    Plages choisies pour qu'aucune réponse attendue ne soit un chiffre déjà affiché par le carnet :
    conception longue (70 à 95 jours, la chaîne perd sa marge, la marge des ateliers vaut conception −
    ateliers), consultation de 58 à 70 jours (retard de 7 à 19 jours), et quelques valeurs écartées.
    """
    entretien = t.montant(12_000, 34_000, arrondi=500, livre=18_500)
    duree_ferme = t.entier(1, 2, livre=1)
    reconductions = t.entier(1, 3, livre=3)
    if entretien * (duree_ferme + reconductions) in _valeurs_affichees():
        entretien += 500
    notification = _dt.date(2026, 4, 15) + _dt.timedelta(days=t.entier(0, 120, livre=55))
    if notification == _NOTIFICATION_DU_CAS:
        notification += _dt.timedelta(days=1)
    return {
        "ateliers": t.entier(25, 34, livre=28),
        "conception": t.entier(70, 95, livre=75),
        "consultation": t.entier(58, 70, livre=66),
        "entretien_annuel": entretien,
        "duree_ferme": duree_ferme,
        "reconductions": reconductions,
        "lancement": t.choix(LANCEMENTS, livre="2026-09-14"),
        "notification": notification.isoformat(),
        "montant_travaux": t.montant(120_000, 900_000, arrondi=10_000, livre=450_000),
        "plafond_delegation": t.choix(PLAFONDS_DELEGATION, livre=250_000),
    }


def _planning() -> Any:
    from ...planning import Planning

    return Planning.depuis_cas(CAS)


def _est_nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


# --------------------------------------------------------------------------- 1. la marge (deux étapes)

def _marge(d: Any) -> int:
    p = _planning().avec_duree(ATELIERS, d.ateliers).avec_duree(CONCEPTION, d.conception)
    return p.ordonnancer().tache(ATELIERS).marge


@BANQUE.exercice("marge-ateliers", "La marge des ateliers, durées changées", unite="jours",
                 enonce="Dans votre variante, les ateliers avec les élèves durent {ateliers:jours} et la conception "
                 "{conception:jours}. Combien de jours de marge ont alors les ateliers ?",
                 regle="la marge = début au plus tard − début au plus tôt, après avoir changé les deux durées",
                 attendu=_marge)
def _marge_ateliers(reponse: Any, d: Any) -> Retour:
    attendu = _marge(d)
    if _est_nombre(reponse) and reponse != attendu:
        p = _planning()
        une_seule = {p.avec_duree(ATELIERS, d.ateliers).ordonnancer().tache(ATELIERS).marge: "la conception",
                     p.avec_duree(CONCEPTION, d.conception).ordonnancer().tache(ATELIERS).marge: "les ateliers"}
        if reponse in une_seule:
            return faux("vous n'avez changé qu'une des deux durées.",
                        f"changez aussi la durée de {une_seule[reponse]} avant d'ordonnancer.")
        if reponse == p.ordonnancer().tache(ATELIERS).marge:
            return faux("c'est la marge du planning du cas, sans vos durées.",
                        "appliquez vos deux durées avec avec_duree, puis ordonnancez.")
        if reponse == 0:
            return faux("une marge nulle voudrait dire que les ateliers sont sur le chemin critique.",
                        "comparez le début au plus tôt et le début au plus tard des ateliers.")
    return comparer_nombre(reponse, attendu, unite="jours", tolerance=0)


# --------------------------------------------------------------------------- 2. le retard (deux étapes)

def _retard(d: Any) -> int:
    o = _planning().avec_duree(CONSULTATION, d.consultation).ordonnancer()
    reception = o.tache(RECEPTION)
    return (reception.date_fin - reception.tache.fin_au_plus_tard).days


@BANQUE.exercice("retard-reception", "Le retard de la réception si la consultation s'allonge", unite="jours",
                 enonce="Dans votre variante, la consultation des entreprises dure {consultation:jours}. De combien "
                 "de jours la réception des travaux dépasse-t-elle sa date limite (le 31 août 2026) ?",
                 regle="le retard = la fin de la réception − sa date limite ; lisez-le dans les alertes du planning",
                 attendu=_retard)
def _retard_reception(reponse: Any, d: Any) -> Retour:
    attendu = _retard(d)
    if _est_nombre(reponse) and reponse != attendu:
        o = _planning().avec_duree(CONSULTATION, d.consultation).ordonnancer()
        travaux = o.tache(TRAVAUX)
        if reponse == (travaux.date_fin - travaux.tache.fin_au_plus_tard).days:
            return faux("c'est le retard des travaux sur leur limite du 28 août.",
                        "la question porte sur la réception, dont la limite est le 31 août.")
        if reponse == d.consultation - _planning().tache(CONSULTATION).duree_jours:
            return faux("vous avez compté tout l'allongement de la consultation.",
                        "une partie est absorbée par la marge : lisez la date de fin calculée.")
    return comparer_nombre(reponse, attendu, unite="jours", tolerance=0)


# --------------------------------------------------------------------------- 3. la valeur du besoin et sa procédure

def _besoin(d: Any) -> Any:
    from ...marches import valeur_du_besoin

    return valeur_du_besoin(d.entretien_annuel, "fournitures_services", duree_ans=d.duree_ferme,
                            reconductions=d.reconductions, objet="Entretien des espaces plantés")


ENONCE_ENTRETIEN = ("Votre commune achète l'entretien de ses espaces plantés : {entretien_annuel:euros} HT par an, "
                    "une période ferme de {duree_ferme:nombre} an(s) puis {reconductions:nombre} reconduction(s) "
                    "d'un an. La consultation est lancée le {lancement} (AAAA-MM-JJ).")


@BANQUE.exercice("valeur-besoin", "La valeur estimée du besoin d'entretien", unite="euros",
                 enonce=ENONCE_ENTRETIEN + " Quelle est la valeur estimée du besoin, en euros HT ?",
                 regle="CCP R2121-1 : toute la durée du marché, reconductions et options comprises",
                 attendu=lambda d: _besoin(d).valeur_ht)
def _valeur_besoin(reponse: Any, d: Any) -> Retour:
    attendu = _besoin(d).valeur_ht
    if _est_nombre(reponse) and abs(reponse - attendu) > 1:
        annuel = d.entretien_annuel
        if abs(reponse - annuel) < 1:
            return faux("vous avez compté une seule année.",
                        "le code de la commande publique (R2121-1) compte toute la durée, reconductions comprises.")
        if abs(reponse - annuel * d.duree_ferme) < 1:
            return faux("vous avez oublié les reconductions.", "ajoutez une année par reconduction prévue.")
        if abs(reponse - annuel * d.reconductions) < 1:
            return faux("vous avez oublié la période ferme.", "la durée totale = la période ferme + les reconductions.")
    return comparer_montant(reponse, attendu, tolerance=1)


def _procedure(d: Any) -> str:
    return _besoin(d).procedure(d.lancement).procedure


@BANQUE.exercice("procedure-besoin", "La procédure du marché d'entretien",
                 enonce=ENONCE_ENTRETIEN + " Quelle procédure s'impose : \"dispense\", \"adaptee\" (MAPA) ou "
                 "\"formalisee\" ?",
                 regle="comparez la valeur de tout le besoin aux seuils en vigueur à la date de lancement",
                 attendu=_procedure)
def _procedure_besoin(reponse: Any, d: Any) -> Retour:
    from ...marches import procedure_marche

    attendu = _procedure(d)
    retour = comparer_choix(reponse, attendu, PROCEDURES, synonymes=SYNONYMES_PROCEDURES,
                            conseil="calculez d'abord la valeur de tout le besoin, puis comparez-la aux seuils "
                            "de mt.seuils_en_vigueur(\"fournitures_services\", date de lancement).")
    if retour.statut != "faux" or "ne fait pas partie" in retour.message:
        return retour
    une_annee = procedure_marche(d.entretien_annuel, "fournitures_services", d.lancement).procedure
    if une_annee != attendu and comparer_choix(reponse, une_annee, PROCEDURES,
                                               synonymes=SYNONYMES_PROCEDURES).statut == "juste":
        return faux("c'est la procédure d'une seule année d'entretien.",
                    "la procédure se choisit sur la valeur de tout le besoin (R2121-1), reconductions comprises.",
                    attendu=attendu)
    autre_date = "2026-03-31" if d.lancement >= "2026-04-01" else "2026-04-01"
    autre = procedure_marche(_besoin(d).valeur_ht, "fournitures_services", autre_date).procedure
    if autre != attendu and comparer_choix(reponse, autre, PROCEDURES,
                                           synonymes=SYNONYMES_PROCEDURES).statut == "juste":
        return faux("c'est la procédure avec le seuil d'une autre période.",
                    "le seuil de dispense change le 1er avril 2026 : prenez celui en vigueur à la date de "
                    "lancement.", attendu=attendu)
    return retour


# --------------------------------------------------------------------------- 4. la caducité

def _limite(d: Any) -> _dt.date:
    from ...parametres import parametres
    from ...planning import ajouter_annees

    notification = _dt.date.fromisoformat(d.notification)
    return ajouter_annees(notification, int(parametres(notification)["caducite.delai_commencement"]))


@BANQUE.exercice("caducite-detr", "La date limite de commencement pour la DETR",
                 enonce="Dans votre variante, la DETR est notifiée le {notification}. Jusqu'à quelle date la commune "
                 "peut-elle commencer l'opération sans prorogation ? Répondez par une date \"AAAA-MM-JJ\".",
                 regle="CGCT R2334-28 : le délai court à compter de la notification (caducite.delai_commencement)",
                 attendu=_limite)
def _caducite_detr(reponse: Any, d: Any) -> Retour:
    from ...planning import ajouter_annees

    attendu = _limite(d)
    jour = reponse
    if isinstance(reponse, str):
        try:
            from ... import saisie

            jour = saisie.date(reponse, "la date")
        except ValueError:
            return faux(f"« {reponse} » n'est pas une date.", "écrivez par exemple \"2028-01-31\".", attendu=attendu)
    if not isinstance(jour, _dt.date):
        return faux("la réponse doit être une date.", "écrivez une date entre guillemets, AAAA-MM-JJ.",
                    attendu=attendu)
    if jour == attendu:
        return juste("c'est bien deux ans après la notification (CGCT, art. R2334-28).", attendu=attendu)
    if jour == ajouter_annees(attendu, 1):
        return faux("vous avez ajouté la prorogation.", "la prorogation n'est pas de droit : donnez la date sans elle.",
                    attendu=attendu)
    if jour == ajouter_annees(_dt.date.fromisoformat(d.notification), 4):
        return faux("c'est le délai d'achèvement, pas de commencement.",
                    "relisez R2334-28 : le commencement a un délai plus court.", attendu=attendu)
    return faux("ce n'est pas la bonne date.", "relisez l'article R2334-28 et le délai caducite.delai_commencement.",
                attendu=attendu)


# --------------------------------------------------------------------------- 5. qui autorise la signature

def _signataire(d: Any) -> str:
    return "maire" if d.montant_travaux < d.plafond_delegation else "conseil municipal"


@BANQUE.exercice("qui-autorise", "Qui autorise la signature du marché de travaux ?",
                 enonce="Le comité de pilotage propose de retenir l'entreprise la mieux classée, pour "
                 "{montant_travaux:euros} HT (procédure adaptée). Le conseil municipal a délégué au maire les "
                 "marchés de moins de {plafond_delegation:euros} HT (CGCT L2122-22, 4°). Qui autorise la signature : "
                 "\"conseil municipal\", \"maire\", \"comité de pilotage\" ou \"commission d'appel d'offres\" ?",
                 regle="le conseil décide, sauf ce qu'il a délégué au maire ; les comités préparent et conseillent",
                 attendu=_signataire)
def _qui_autorise(reponse: Any, d: Any) -> Retour:
    attendu = _signataire(d)
    retour = comparer_choix(reponse, attendu, SIGNATAIRES, synonymes=SYNONYMES_SIGNATAIRES,
                            conseil="comparez le montant du marché au plafond de la délégation.")
    if retour.statut != "faux" or "ne fait pas partie" in retour.message:
        return retour
    canon = next((c for c in SIGNATAIRES if comparer_choix(reponse, c, SIGNATAIRES,
                                                           synonymes=SYNONYMES_SIGNATAIRES).statut == "juste"), None)
    if canon == "comité de pilotage":
        return faux("le comité de pilotage prépare et donne son avis : il ne décide pas.",
                    "la décision revient au conseil municipal, ou au maire dans la limite de sa délégation.",
                    attendu=attendu)
    if canon == "commission d'appel d'offres":
        return faux("la commission d'appel d'offres choisit l'attributaire des marchés en procédure formalisée ; "
                    "ici, la procédure est adaptée.", "comparez le montant du marché au plafond de la délégation.",
                    attendu=attendu)
    if canon == "maire":
        return faux("le marché dépasse ce que le conseil a délégué au maire.",
                    "au-delà de la délégation, c'est l'organe délibérant qui autorise la signature.", attendu=attendu)
    return faux("le marché reste dans la délégation consentie au maire.",
                "sous le plafond de la délégation, le maire signe sans nouvelle délibération.", attendu=attendu)
