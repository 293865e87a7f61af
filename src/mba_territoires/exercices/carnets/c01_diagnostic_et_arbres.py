"""Vérifications du carnet 01 — Diagnostic de territoire et arbres à problèmes.

Chaque vérification calcule l'attendu avec le paquet (cas « cour-oasis ») et reconnaît les erreurs
typiques, sans écrire la bonne réponse.

>>> BANQUE["part-moins-15"].verifier(0.172).conseil
'vous avez lu la colonne du territoire de référence : prenez la part de la commune.'
"""

from __future__ import annotations

from typing import Any

from ..mecanisme import Retour, comparer_montant, comparer_taux, faux, juste
from ..progression import Banque

BANQUE = Banque("01-diagnostic-et-arbres", "Diagnostic de territoire et arbres à problèmes")

CAS = "cour-oasis"


def _diagnostic() -> Any:
    from ...cas import charger
    from ...territoire import Diagnostic

    return Diagnostic.du_cas(charger(CAS))


def _est_nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


@BANQUE.exercice("part-moins-15", "La part des moins de 15 ans")
def _part_moins_15(reponse: Any) -> Retour:
    t = _diagnostic().structure("age").set_index("groupe")
    attendu = float(t.loc["0-14 ans", "part"])
    if _est_nombre(reponse):
        if abs(reponse - float(t.loc["0-14 ans", "part référence"])) < 1e-6:
            return faux("c'est la part des moins de 15 ans dans le territoire de référence.",
                        "vous avez lu la colonne du territoire de référence : prenez la part de la commune.")
        if reponse == t.loc["0-14 ans", "effectif"]:
            return faux("c'est un effectif, pas une part.",
                        "divisez par la population totale, ou lisez la colonne « part ».")
    return comparer_taux(reponse, attendu, tolerance=0.001)


@BANQUE.exercice("ecart-familles", "L'écart des couples avec enfants à la référence")
def _ecart_familles(reponse: Any) -> Retour:
    t = _diagnostic().menages_par_type().set_index("groupe")
    ligne = t.loc["Couples avec enfant(s)"]
    attendu = float(ligne["écart (points)"])
    if _est_nombre(reponse):
        if abs(reponse - float(ligne["indice"])) < 0.01:
            return faux("vous avez calculé l'indice (un rapport), pas l'écart.",
                        "l'écart est une différence : part de la commune moins part de la référence.")
        if abs(reponse + attendu) < 0.001:
            return faux("le signe n'est pas le bon.", "faites part de la commune moins part de la référence.")
        if abs(reponse / 100 - attendu) < 0.001:
            return faux("l'écart est écrit en points de pourcentage.",
                        "écrivez-le en décimales : 5 points s'écrit 0.05.")
    return comparer_taux(reponse, attendu, tolerance=0.001)


@BANQUE.exercice("taille-menages", "La taille moyenne des ménages")
def _taille_menages(reponse: Any) -> Retour:
    diag = _diagnostic()
    attendu = diag.taille_moyenne_menages()
    if _est_nombre(reponse) and abs(reponse - diag.habitants / diag.menages["menages"].sum()) < 0.005 < abs(
            reponse - attendu):
        return faux("vous avez divisé toute la population par le nombre de ménages.",
                    "les personnes en communauté (maison de retraite, internat) ne vivent pas dans un ménage : "
                    "prenez la colonne « personnes ».")
    retour = comparer_montant(reponse, attendu, tolerance=0.01, unite="personnes")
    return retour if retour.statut != "juste" else juste("c'est bien le nombre moyen de personnes par ménage.")


@BANQUE.exercice("arbre-complet", "Un arbre à problèmes complet")
def _arbre_complet(reponse: Any) -> Retour:
    from ...projet import ArbreProblemes

    if not isinstance(reponse, ArbreProblemes):
        return faux(f"la réponse doit être un arbre construit avec mt.ArbreProblemes(...), "
                    f"pas {type(reponse).__name__}.",
                    "repartez de l'exemple « brouillon » plus haut.")
    if len(reponse.causes) < 2:
        return faux(f"l'arbre a {len(reponse.causes)} cause(s) directe(s) ; il en faut au moins deux.",
                    "demandez-vous « pourquoi ? » sous le problème central.")
    if not reponse.effets:
        return faux("l'arbre n'a aucun effet.", "demandez-vous « et alors ? » au-dessus du problème central.")
    constats = reponse.manques()
    if constats:
        return faux(f"l'arbre n'est pas encore complet : {constats[0]}.",
                    "chaque cause et chaque effet reçoit sa reformulation positive (texte, objectif).")
    return juste("l'arbre est complet et se retourne en arbre à objectifs sans rien à reformuler.")
