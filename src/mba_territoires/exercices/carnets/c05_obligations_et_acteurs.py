"""Vérifications du carnet 05 — Obligations de concertation et acteurs."""

from __future__ import annotations

from typing import Any

from ..mecanisme import Retour, comparer_choix, comparer_montant, empreinte, faux, juste
from ..progression import Banque

BANQUE = Banque("05-obligations-et-acteurs", "Les obligations de concertation et les acteurs")

QUADRANTS = ["acteurs clés", "à satisfaire", "à impliquer", "à informer"]


def _cas() -> Any:
    from ...cas import charger

    return charger("reseau-cyclable")


@BANQUE.exercice("ecart-seuil-voirie", "L'écart au seuil de voirie du code de l'urbanisme")
def _ecart_seuil(reponse: Any) -> Retour:
    from ...concertation import fiche_du_cas
    from ...parametres import parametres

    seuil = parametres(_cas().annee)["concertation.urbanisme_investissement_routier_seuil"]
    attendu = fiche_du_cas(_cas()).montant_voirie_zone_urbanisee_ht - seuil
    retour = comparer_montant(reponse, attendu, tolerance=1)
    if retour.statut == "faux" and isinstance(reponse, (int, float)) and abs(reponse - seuil) < 1:
        return faux("vous avez donné le seuil lui-même, pas l'écart.",
                    "retranchez le seuil du montant de voirie en zone urbanisée du projet.")
    if retour.statut == "faux" and isinstance(reponse, (int, float)) and abs(reponse + attendu) < 1:
        return faux("le signe est inversé.", "calculez montant du projet moins seuil.")
    return juste("le projet dépasse le seuil : la concertation du code de l'urbanisme s'impose (chiffre à "
                 "vérifier).") if retour.statut == "juste" else retour


@BANQUE.exercice("duree-enquete", "La durée minimale de l'enquête publique")
def _duree_enquete(reponse: Any) -> Retour:
    from ...concertation import FicheProjet, obligations

    fiche = FicheProjet("Variante", "amenagement", 4_200_000, evaluation_environnementale=True)
    attendu = obligations(fiche, _cas().annee).procedure("Enquête publique").duree_min_jours
    retour = comparer_montant(reponse, attendu, tolerance=0, unite="jours")
    if retour.statut == "faux" and reponse == 15:
        return faux("15 jours, c'est le minimum d'une enquête sans évaluation environnementale.",
                    "relisez la ligne « Enquête publique » du tableau pour un projet qui en a une.")
    return retour


@BANQUE.exercice("quadrant-commercants", "Le quadrant de l'union des commerçants")
def _quadrant(reponse: Any) -> Retour:
    from ...concertation import acteurs_du_cas

    attendu = acteurs_du_cas(_cas()).acteur("Union des commerçants du centre-bourg").quadrant
    return comparer_choix(reponse, empreinte(attendu), QUADRANTS,
                          conseil="placez l'acteur avec son pouvoir (axe vertical) et son intérêt (axe horizontal) ; "
                          "la frontière passe à 3 sur chaque échelle.")


@BANQUE.exercice("nombre-obligatoires", "Le nombre de procédures obligatoires avec évaluation environnementale")
def _nombre(reponse: Any) -> Retour:
    from ...concertation import FicheProjet, obligations

    fiche = FicheProjet("Variante", "amenagement", 4_200_000, evaluation_environnementale=True,
                        montant_voirie_zone_urbanisee_ht=2_100_000)
    attendu = len(obligations(fiche, _cas().annee).obligatoires())
    retour = comparer_montant(reponse, attendu, tolerance=0, unite="procédures")
    if retour.statut == "faux":
        return faux("ce n'est pas le bon nombre.",
                    "ne comptez que les lignes au statut « obligatoire » ; « possible » n'est pas une obligation.")
    return retour
