"""Vérifications du carnet 05 — Obligations de concertation et acteurs.

L'exemple de la leçon (le réseau cyclable du Val de Lisière) est le même pour tous ; les exercices
portent sur « votre projet », dont les chiffres sont tirés de l'identifiant de l'apprenant (variante
du livre : aménagement de 3 600 000 € HT dont 2 340 000 € HT de voirie en zone urbanisée ; enquête
publique pour un projet soumis à évaluation environnementale ; chaufferie dont la demande d'autorisation
environnementale est déposée le 10/02/2025 ; un acteur de pouvoir 2 et d'intérêt 4). Chaque vérification
juge la variante avec le paquet (``obligations`` à la date du projet) ; les seuils et les durées viennent
des paramètres datés, jamais écrits ici.

>>> livre = BANQUE.variante(None)
>>> BANQUE["ecart-seuil-voirie"].verifier(livre["voirie"], donnees=livre).conseil
"retranchez le seuil du code de l'urbanisme (paramètres) du montant de voirie en zone urbanisée."
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ...concertation import CarteDesActeurs, FicheProjet, obligations
from ...parametres import parametres
from ..mecanisme import Retour, comparer_choix, comparer_montant, faux
from ..progression import Banque
from ..variantes import Tirage

BANQUE = Banque("05-obligations-et-acteurs", "Les obligations de concertation et les acteurs")

QUADRANTS = ["acteurs clés", "à satisfaire", "à impliquer", "à informer"]
#: Les dates de dépôt possibles de la demande d'autorisation environnementale (de part et d'autre de L181-10-1).
DATES_DEPOT = ["2024-03-18", "2024-07-01", "2024-10-01", "2025-02-10", "2025-09-15", "2026-04-13"]
ACTEURS = ["Comité de quartier des Tilleuls", "Club cycliste du canton", "Association des parents d'élèves",
           "Chambre de commerce", "Syndicat des transports"]


@BANQUE.donnees
def _donnees(t: Tirage) -> dict[str, Any]:
    """Les chiffres de « votre projet » ; l'ordre des tirages est figé (le changer changerait les variantes)."""
    cout = t.montant(2_500_000, 9_000_000, arrondi=100_000, livre=3_600_000)
    voirie = t.montant(1_000_000, 2_400_000, arrondi=10_000, livre=2_340_000)
    evaluation = t.choix([True, False], livre=True)
    depot = t.choix(DATES_DEPOT, livre="2025-02-10")
    pouvoir = t.entier(1, 5, livre=2)
    interet = t.entier(1, 5, livre=4)
    acteur = t.choix(ACTEURS, livre=ACTEURS[0])
    duree_fixee = t.entier(30, 61, livre=33)
    cout_ae = t.montant(4_000_000, 12_000_000, arrondi=100_000, livre=7_400_000)
    part_privee = t.taux(0.10, 0.45, pas=0.05, livre=0.30)
    return {"duree_fixee": duree_fixee, "cout_ae": cout_ae, "part_privee": part_privee, "cout": cout,
            "voirie": min(voirie, cout), "evaluation": evaluation, "depot": depot,
            "depot_fr": _dt.date.fromisoformat(depot).strftime("%d/%m/%Y"),
            "pouvoir": pouvoir, "interet": interet, "acteur": acteur,
            "cas_enquete": ("soumis à évaluation environnementale" if evaluation
                            else "sans évaluation environnementale, mais avec une expropriation")}


def _date(d: Any) -> _dt.date:
    return _dt.date.fromisoformat(d["depot"])


def fiche_de_la_variante(d: Any, *, evaluation: bool = False) -> FicheProjet:
    """La fiche de « votre projet » (aménagement cyclable), jugée au 1er mars 2026.

    >>> fiche_de_la_variante(BANQUE.variante(None)).montant_voirie_zone_urbanisee_ht
    2340000.0
    """
    return FicheProjet("Votre aménagement cyclable", "amenagement", d["cout"], evaluation_environnementale=evaluation,
                       montant_voirie_zone_urbanisee_ht=d["voirie"], date="2026-03-01")


def _nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


ENONCE_PROJET = ("Votre projet : un aménagement cyclable de {cout:euros} HT, dont {voirie:euros} HT de voirie dans la "
                 "partie urbanisée de la commune, jugé au 1er mars 2026.")


@BANQUE.exercice("ecart-seuil-voirie", "L'écart au seuil de voirie du code de l'urbanisme", unite="euros",
                 enonce=ENONCE_PROJET + " De combien d'euros la voirie en zone urbanisée dépasse-t-elle le seuil "
                 "au-delà duquel la concertation du code de l'urbanisme est obligatoire ? (Négatif si elle est "
                 "en dessous.)",
                 regle="écart = voirie en zone urbanisée − seuil de R103-1 (paramètres)")
def _ecart_seuil(reponse: Any, d: Any) -> Retour:
    seuil = parametres("2026-03-01")["concertation.urbanisme_investissement_routier_seuil"]
    attendu = d["voirie"] - seuil
    if _nombre(reponse) and abs(reponse - attendu) > 1:
        if abs(reponse - d["voirie"]) < 1:
            return faux("c'est le montant de voirie lui-même, pas son écart au seuil.",
                        "retranchez le seuil du code de l'urbanisme (paramètres) du montant de voirie en zone "
                        "urbanisée.")
        if abs(reponse - (d["cout"] - seuil)) < 1:
            return faux("vous avez pris tout le coût du projet.",
                        "seule compte la voirie située dans la partie urbanisée de la commune.")
    return comparer_montant(reponse, attendu, tolerance=1)


@BANQUE.exercice("statut-urbanisme", "La concertation du code de l'urbanisme : obligatoire ou possible ?",
                 enonce=ENONCE_PROJET + " La concertation du code de l'urbanisme est-elle « obligatoire » ou "
                 "seulement « possible » pour votre projet ?",
                 regle="obligatoire au-delà du seuil de voirie de R103-1 ; en dessous, la commune peut en décider")
def _statut_urbanisme(reponse: Any, d: Any) -> Retour:
    attendu = obligations(fiche_de_la_variante(d)).procedure("Concertation du code de l'urbanisme").statut
    return comparer_choix(reponse, attendu, ["obligatoire", "possible"],
                          conseil="comparez la voirie en zone urbanisée (et elle seule) au seuil des paramètres.",
                          synonymes={"possible": ["facultative", "non obligatoire"]})


def _fiche_enquete(d: Any) -> FicheProjet:
    return FicheProjet("Votre projet", "amenagement", d["cout"], evaluation_environnementale=d["evaluation"],
                       expropriation=not d["evaluation"], date="2026-03-01")


@BANQUE.exercice("duree-max-enquete", "La durée d'une enquête publique, prolongation comprise", unite="jours",
                 enonce="Votre projet est {cas_enquete}. L'autorité compétente fixe la durée de son enquête publique à "
                 "{duree_fixee:jours} ; le commissaire enquêteur la prolonge ensuite autant que la loi le permet. "
                 "Combien de jours dure-t-elle en tout ?",
                 regle="durée fixée (au moins le minimum de L123-9) + prolongation maximale de L123-9 (paramètres)")
def _duree_max(reponse: Any, d: Any) -> Retour:
    p = parametres("2026-03-01")
    prolongation = p["concertation.enquete_publique_prolongation_max"]
    attendu = d["duree_fixee"] + prolongation
    if _nombre(reponse) and reponse != attendu:
        ancienne = p.parametre("concertation.enquete_publique_prolongation_max").correction
        if ancienne and reponse == d["duree_fixee"] + ancienne["ancienne_valeur"]:
            return faux("vous avez ajouté la prolongation d'avant 2017.",
                        "depuis l'ordonnance 2016-1060, L123-9 borne la prolongation plus court : lisez-la dans "
                        "les paramètres (enquete_publique_prolongation_max).")
        if reponse == d["duree_fixee"]:
            return faux("c'est la durée fixée seule.", "ajoutez la prolongation maximale permise par L123-9.")
        minimum = obligations(_fiche_enquete(d)).procedure("Enquête publique").duree_min_jours
        if reponse == minimum + prolongation:
            return faux("vous êtes parti de la durée minimale légale.",
                        "l'autorité a fixé une durée plus longue que le minimum : partez de celle-ci.")
    return comparer_montant(reponse, attendu, tolerance=0, unite="jours")


ENONCE_AE = ("Votre commune construit une chaufferie bois soumise à évaluation environnementale et à autorisation "
             "environnementale ; la demande d'autorisation est déposée le {depot_fr}.")


@BANQUE.exercice("procedure-autorisation", "La procédure de participation d'une autorisation environnementale",
                 enonce=ENONCE_AE + " Le public sera-t-il associé par une « enquête publique » ou par la "
                 "« consultation parallèle » de L181-10-1 ?",
                 regle="la consultation parallèle de L181-10-1 remplace l'enquête publique pour les demandes "
                 "déposées depuis son entrée en vigueur (paramètre consultation_parallele_duree)")
def _procedure_ae(reponse: Any, d: Any) -> Retour:
    o = obligations(FicheProjet("Chaufferie", "equipement", 2_000_000, evaluation_environnementale=True,
                                autorisation_environnementale=True, date=_date(d)))
    attendu = ("consultation parallèle" if o.procedure("L181-10-1").statut == "obligatoire"
               else "enquête publique")
    return comparer_choix(reponse, attendu, ["enquête publique", "consultation parallèle"],
                          conseil="comparez la date de dépôt à la date d'entrée en vigueur de L181-10-1 (paramètres).",
                          synonymes={"consultation parallèle": ["L181-10-1", "consultation du public parallèle",
                                                                "consultation"],
                                     "enquête publique": ["enquête", "EP"]})


@BANQUE.exercice("quadrant-acteur", "Le quadrant d'un acteur de votre projet",
                 enonce="Un acteur de votre projet, « {acteur} », a un pouvoir de {pouvoir} et un intérêt de "
                 "{interet} (sur 5). Dans quel quadrant de la grille pouvoir / intérêt est-il ?",
                 regle="la frontière des quadrants passe à 3 sur chaque échelle (3 compris)")
def _quadrant(reponse: Any, d: Any) -> Retour:
    carte = CarteDesActeurs([{"nom": d["acteur"], "categorie": "associations", "pouvoir": d["pouvoir"],
                              "interet": d["interet"]}])
    attendu = carte.acteur(d["acteur"]).quadrant
    return comparer_choix(reponse, attendu, QUADRANTS,
                          conseil="placez l'acteur avec son pouvoir (axe vertical) et son intérêt (axe horizontal) ; "
                          "la frontière passe à 3 sur chaque échelle, 3 compris.",
                          synonymes={"acteurs clés": ["acteur clé", "clé"]})


@BANQUE.exercice("ecart-droit-initiative", "Les dépenses publiques face au seuil du droit d'initiative",
                 unite="euros",
                 enonce="Un projet soumis à évaluation environnementale coûte {cout_ae:euros} HT ; un partenaire privé "
                 "en finance {part_privee:taux}, le reste est public. De combien d'euros les dépenses publiques "
                 "dépassent-elles le seuil au-delà duquel la déclaration d'intention et le droit d'initiative "
                 "s'appliquent ? (Négatif si elles sont en dessous.)",
                 regle="dépenses publiques = coût × (1 − part privée) ; écart = dépenses publiques − seuil de "
                 "L121-17-1 (paramètres)")
def _ecart_initiative(reponse: Any, d: Any) -> Retour:
    seuil = parametres("2026-03-01")["concertation.droit_initiative_seuil_fonds_publics"]
    publiques = round(d["cout_ae"] * (1 - d["part_privee"]), 2)
    attendu = publiques - seuil
    if _nombre(reponse) and abs(reponse - attendu) > 1:
        if abs(reponse - (d["cout_ae"] - seuil)) < 1:
            return faux("vous avez pris tout le coût, part privée comprise.",
                        "seules comptent les dépenses publiques : retirez d'abord la part du partenaire privé.")
        if abs(reponse - (d["cout_ae"] * d["part_privee"] - seuil)) < 1:
            return faux("vous avez pris la part privée au lieu de la part publique.",
                        "les dépenses publiques sont le coût × (1 − part privée).")
        if abs(reponse - publiques) < 1:
            return faux("ce sont les dépenses publiques, pas leur écart au seuil.",
                        "retranchez le seuil du droit d'initiative (paramètres).")
    return comparer_montant(reponse, attendu, tolerance=1)
