"""Vérifications du carnet 08 — Risques et évaluation.

Chaque vérification calcule l'attendu avec le paquet (cas « cour-oasis », paramètres 2026) et donne un
indice sans écrire la bonne réponse.

>>> BANQUE["valeur-carbone"].verifier(500).statut
'faux'
"""

from __future__ import annotations

from typing import Any

from ..mecanisme import Retour, comparer_choix, comparer_montant, empreinte, faux, juste
from ..progression import Banque

BANQUE = Banque("08-risques-et-evaluation", "Risques et évaluation")

CAS = "cour-oasis"
STATUTS = ["cible atteinte", "dans la trajectoire", "en retard"]


def _cas() -> Any:
    from ...cas import charger

    return charger(CAS)


def _est_nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


@BANQUE.exercice("risque-prioritaire", "Le risque le plus critique")
def _risque_prioritaire(reponse: Any) -> Retour:
    from ...risques import registre_du_cas

    registre = registre_du_cas(_cas())
    t = registre.tableau()
    attendu = t.iloc[0]["risque"]
    if isinstance(reponse, str) and reponse.strip() in set(t["risque"]):
        r = registre.risque(reponse.strip())
        if r.intitule != attendu and r.impact == t["impact"].max():
            return faux(f"« {r.intitule} » a l'impact le plus fort, mais pas la criticité la plus forte.",
                        "la criticité est le produit de la probabilité et de l'impact.")
    return comparer_choix(reponse, empreinte(attendu), list(t["risque"]),
                          conseil="triez le registre par criticité (probabilité × impact).")


@BANQUE.exercice("statut-temperature", "Le statut de la température en juillet 2027")
def _statut_temperature(reponse: Any) -> Retour:
    from ...evaluation import indicateurs_du_cas

    suivi = next(s for s in indicateurs_du_cas(_cas()) if s.indicateur.nom.startswith("Température"))
    attendu = suivi.derniere()["statut"]
    return comparer_choix(reponse, empreinte(attendu), STATUTS,
                          conseil="comparez la mesure à la valeur de la trajectoire à la même date ; ici, la cible "
                          "est une baisse.")


@BANQUE.exercice("van-20-ans", "La VAN sur 20 ans")
def _van_20_ans(reponse: Any) -> Retour:
    from ...evaluation import bilan_du_cas

    bilan = bilan_du_cas(_cas(), duree_ans=20)
    attendu = bilan.van()
    if _est_nombre(reponse):
        if abs(reponse - bilan_du_cas(_cas()).van()) < 1:
            return faux("c'est la VAN sur la durée du cas (30 ans).", "passez duree_ans=20 à mt.bilan_du_cas.")
        if abs(reponse - bilan.van_sans_carbone()) < 1:
            return faux("vous avez oublié la valeur du CO2 évité.", "gardez les tonnes évitées dans le bilan.")
        if abs(reponse + attendu) < 1:
            return faux("le signe n'est pas le bon.", "la VAN est négative quand les coûts actualisés dépassent "
                        "les avantages actualisés.")
    retour = comparer_montant(reponse, attendu, tolerance=1)
    return retour if retour.statut != "juste" else juste("c'est bien la VAN sur 20 ans, au taux de 3,2 %.")


@BANQUE.exercice("valeur-carbone", "La valeur carbone de 2035")
def _valeur_carbone(reponse: Any) -> Retour:
    from ...evaluation import valeur_carbone

    attendu = valeur_carbone(2035)
    if _est_nombre(reponse) and reponse in (valeur_carbone(2030), valeur_carbone(2040)):
        return faux("c'est la valeur d'une année de référence.", "2035 est à mi-chemin entre 2030 et 2040 : "
                    "interpolez.")
    return comparer_montant(reponse, attendu, tolerance=0.5, unite="€ par tonne")
