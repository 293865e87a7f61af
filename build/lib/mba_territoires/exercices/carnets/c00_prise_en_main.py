"""Vérifications du carnet 00 — Prise en main.

L'exemple du carnet (Saint-Exemple, l'école Jules-Ferry) est le même pour tous ; les exercices portent
sur « votre commune », dont les chiffres sont tirés de l'identifiant de l'apprenant (variante du livre :
Valfleuri, 2 705 habitants, travaux de 640 000 € HT, DETR 40 %, aide du Département 60 000 €). Chaque
vérification calcule l'attendu avec ces chiffres et reconnaît les erreurs typiques, sans jamais écrire
la bonne réponse.

>>> livre = BANQUE.variante(None)
>>> BANQUE["cout-ttc"].verifier(640_000, donnees=livre).conseil
"c'est le montant HT : ajoutez la TVA."
"""

from __future__ import annotations

from typing import Any

from ..mecanisme import Retour, comparer_choix, comparer_montant, comparer_nombre, comparer_taux, faux, juste
from ..progression import Banque
from ..variantes import Tirage

BANQUE = Banque("00-prise-en-main", "Prise en main de Jupyter")

#: Les tranches d'âge du tableau de population (colonne « groupe » des cas) et leur clé dans les données.
TRANCHES = {
    "0-14 ans": "age_0_14",
    "15-29 ans": "age_15_29",
    "30-44 ans": "age_30_44",
    "45-59 ans": "age_45_59",
    "60-74 ans": "age_60_74",
    "75 ans ou plus": "age_75_plus",
}

COMMUNES = ["Valfleuri", "Saint-Aubin-des-Prés", "Montclaret", "Les Essarts-le-Vieux", "Roche-sur-Lauze",
            "Villebrune", "Fontanès", "Lacombe-d'Olt", "Bellerive-en-Bray", "Sauveterre-la-Lande"]


@BANQUE.donnees
def _donnees(t: Tirage) -> dict[str, Any]:
    """Les chiffres de « votre commune » : une commune rurale de 1 600 à 5 000 habitants et son projet d'école.

    Ordre des tirages figé (le changer changerait toutes les variantes).
    """
    return {
        "commune": t.choix(COMMUNES, livre="Valfleuri"),
        "age_0_14": t.entier(250, 900, pas=5, livre=420),
        "age_15_29": t.entier(200, 800, pas=5, livre=350),
        "age_30_44": t.entier(250, 900, pas=5, livre=455),
        "age_45_59": t.entier(300, 1000, pas=5, livre=540),
        "age_60_74": t.entier(300, 950, pas=5, livre=565),
        "age_75_plus": t.entier(150, 600, pas=5, livre=375),
        "travaux": t.montant(350_000, 1_500_000, arrondi=5_000, livre=640_000),
        "taux_detr": t.taux(0.20, 0.45, pas=0.05, livre=0.40),
        "aide_departement": t.montant(20_000, 150_000, arrondi=5_000, livre=60_000),
    }


def _est_nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


def _total(d: Any) -> int:
    return sum(d[cle] for cle in TRANCHES.values())


def _taux_tva() -> float:
    from ...parametres import parametres

    return float(parametres(2026)["tva.taux_normal"])


ENONCE_POPULATION = ("Votre commune, {commune}, compte {age_0_14:habitants} de 0 à 14 ans, {age_15_29:habitants} "
                     "de 15 à 29 ans, {age_30_44:habitants} de 30 à 44 ans, {age_45_59:habitants} de 45 à 59 ans, "
                     "{age_60_74:habitants} de 60 à 74 ans et {age_75_plus:habitants} de 75 ans ou plus.")


@BANQUE.exercice("habitants-60-plus", "Les habitants de 60 ans ou plus", unite="habitants",
                 enonce=ENONCE_POPULATION + " Combien d'habitants ont 60 ans ou plus ?",
                 regle="« 60 ans ou plus » réunit deux tranches du tableau : 60-74 ans et 75 ans ou plus")
def _habitants_60_plus(reponse: Any, d: Any) -> Retour:
    attendu = d.age_60_74 + d.age_75_plus
    if _est_nombre(reponse) and reponse != attendu:
        if reponse == d.age_60_74:
            return faux("vous n'avez compté que les 60-74 ans.", "ajoutez la tranche des 75 ans ou plus.")
        if reponse == d.age_75_plus:
            return faux("vous n'avez compté que les 75 ans ou plus.", "ajoutez la tranche des 60-74 ans.")
        if reponse == attendu + d.age_45_59:
            return faux("vous avez compté aussi les 45-59 ans.", "« 60 ans ou plus » commence à la tranche 60-74 ans.")
        if reponse == _total(d):
            return faux("vous avez compté toute la population de la commune.",
                        "gardez seulement les deux dernières tranches d'âge.")
    return comparer_nombre(reponse, attendu, unite="habitants", tolerance=0)


@BANQUE.exercice("part-60-plus", "La part des 60 ans ou plus dans la population", unite="taux",
                 enonce=ENONCE_POPULATION + " Quelle part de la population ont-ils, 60 ans ou plus ? "
                 "Donnez un taux en décimales (0.25 pour 25 %), à 0,005 près.",
                 regle="la part = les 60 ans ou plus ÷ toute la population (la somme des six tranches)")
def _part_60_plus(reponse: Any, d: Any) -> Retour:
    seniors, total = d.age_60_74 + d.age_75_plus, _total(d)
    attendu = seniors / total
    if _est_nombre(reponse) and abs(reponse - attendu) > 0.005:
        if abs(reponse - seniors / (total - seniors)) < 0.005:
            return faux("vous avez divisé par les moins de 60 ans seulement.",
                        "le dénominateur est toute la population : la somme des six tranches.")
        if abs(reponse - (1 - attendu)) < 0.005:
            return faux("c'est la part des moins de 60 ans.", "le numérateur, ce sont les 60 ans ou plus.")
        if abs(reponse - d.age_60_74 / total) < 0.005 or abs(reponse - d.age_75_plus / total) < 0.005:
            return faux("le numérateur ne compte qu'une des deux tranches.",
                        "les 60 ans ou plus, ce sont les 60-74 ans et les 75 ans ou plus.")
    return comparer_taux(reponse, attendu, tolerance=0.005)


@BANQUE.exercice("tranche-la-plus-nombreuse", "La tranche d'âge la plus nombreuse",
                 enonce=ENONCE_POPULATION + " Quelle tranche d'âge est la plus nombreuse ? Recopiez son nom, entre "
                 "guillemets, tel qu'il est écrit dans la colonne « groupe » du tableau de la partie 3.",
                 regle="comparez les six effectifs un à un")
def _tranche(reponse: Any, d: Any) -> Retour:
    plus_grand = max(d[cle] for cle in TRANCHES.values())
    gagnantes = [nom for nom, cle in TRANCHES.items() if d[cle] == plus_grand]
    retour = comparer_choix(reponse, gagnantes, list(TRANCHES),
                            synonymes={"75 ans ou plus": ["75 ans et plus", "75+", "plus de 75 ans"]},
                            conseil="comparez les six effectifs de votre commune : un autre est plus grand.")
    if retour.statut == "faux" and "ne fait pas partie" in retour.message:
        return faux(retour.message, "recopiez, entre guillemets, un nom de la colonne « groupe » du tableau de la "
                    "partie 3.", attendu=retour.attendu)
    return retour


@BANQUE.exercice("cout-ttc", "Le coût TTC des travaux", unite="euros",
                 enonce="Les travaux de l'école de {commune} coûtent {travaux:euros} HT. Quel est leur coût TTC, "
                 "avec le taux normal de TVA de 2026 (lisez-le dans mt.parametres(2026)) ?",
                 regle="le coût TTC = le coût HT × (1 + le taux normal de TVA)")
def _cout_ttc(reponse: Any, d: Any) -> Retour:
    taux = _taux_tva()
    attendu = d.travaux * (1 + taux)
    if _est_nombre(reponse):
        if abs(reponse - d.travaux * taux) < 1:
            return faux("vous avez calculé la TVA seule.", "le coût TTC, c'est le HT plus la TVA.")
        if abs(reponse - d.travaux) < 1:
            return faux("votre réponse est le montant hors taxes.", "c'est le montant HT : ajoutez la TVA.")
        if any(abs(reponse - d.travaux * (1 + r)) < 1 for r in (0.055, 0.10)):
            return faux("vous avez appliqué un taux réduit de TVA.",
                        "des travaux de rénovation d'une école relèvent ici du taux normal : lisez "
                        "mt.parametres(2026)[\"tva.taux_normal\"].")
    retour = comparer_montant(reponse, attendu, tolerance=1)
    return retour if retour.statut != "juste" else juste("le coût TTC est bien le HT augmenté de la TVA.",
                                                         attendu=attendu)


@BANQUE.exercice("reste-a-charge", "Ce qui reste à la charge de la commune", unite="euros",
                 enonce="Pour ces travaux de {travaux:euros} HT, {commune} obtient une subvention de l'État (DETR) "
                 "de {taux_detr:taux} du coût HT et une aide du Département de {aide_departement:euros}. Quel "
                 "montant HT reste à la charge de la commune ?",
                 regle="le reste à charge = le coût HT − la DETR (taux × coût HT) − l'aide du Département")
def _reste(reponse: Any, d: Any) -> Retour:
    detr = d.travaux * d.taux_detr
    attendu = d.travaux - detr - d.aide_departement
    if _est_nombre(reponse) and abs(reponse - attendu) > 1:
        if abs(reponse - detr) < 1:
            return faux("c'est le montant de la DETR, pas ce qui reste à payer.",
                        "retranchez les aides du coût HT.")
        if abs(reponse - (d.travaux - detr)) < 1:
            return faux("vous avez oublié l'aide du Département.", "retranchez aussi l'aide du Département.")
        if abs(reponse - (d.travaux - d.aide_departement)) < 1:
            return faux("vous avez oublié la DETR.", "la DETR vaut le taux indiqué appliqué au coût HT.")
        if abs(reponse - (d.travaux - detr + d.aide_departement)) < 1:
            return faux("vous avez ajouté l'aide du Département au lieu de la retrancher.",
                        "une aide diminue ce que la commune paie.")
        ttc = d.travaux * (1 + _taux_tva())
        if abs(reponse - (ttc - ttc * d.taux_detr - d.aide_departement)) < 1 or \
                abs(reponse - (ttc - detr - d.aide_departement)) < 1:
            return faux("vous êtes parti du coût TTC.", "la question porte sur le coût HT.")
    return comparer_montant(reponse, attendu, tolerance=1)
