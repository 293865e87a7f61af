"""Vérifications du carnet 01 — Diagnostic de territoire et arbres à problèmes.

L'exemple de la leçon (le cas « cour-oasis », puis Vitré pour le territoire réel) est le même pour tous ;
les exercices portent sur « votre commune », dont les chiffres sont tirés de l'identifiant de l'apprenant
(variante du livre : 9 100 habitants, 3 960 ménages), et sur deux communes réelles du COG 2026. Chaque
vérification calcule l'attendu avec le paquet et reconnaît les erreurs typiques, sans écrire la réponse.

>>> livre = BANQUE.variante(None)
>>> BANQUE["indice-moins-15"].verifier(1530 / 9100, donnees=livre).conseil
'divisez cette part par la part de la référence.'
"""

from __future__ import annotations

import functools
from typing import Any

from ..mecanisme import Retour, comparer_choix, comparer_montant, comparer_taux, faux, juste
from ..progression import Banque

BANQUE = Banque("01-diagnostic-et-arbres", "Diagnostic de territoire et arbres à problèmes")

CAS = "cour-oasis"

#: Communes réelles (COG 2026) des exercices sur le territoire : petites villes membres d'un EPCI, écrites
#: « Nom (département) » pour être sans ambiguïté. Vitré, l'exemple de la leçon, n'y est pas, ni aucune commune
#: dont la part dans l'EPCI retombe sur un chiffre que la leçon affiche plus haut (Ploërmel, 0,2351, donnait les
#: 23,5 % de couples avec enfants de la référence : Pontivy, 14 640 / 46 257 = 0,3165, la remplace).
COMMUNES_PART = ("Lamballe-Armor (22)", "Pontivy (56)", "Guingamp (22)", "Figeac (46)", "Annonay (07)",
                 "Issoire (63)", "Autun (71)", "Bressuire (79)", "Saint-Flour (15)", "Mende (48)",
                 "Quimperlé (29)", "Dinan (22)", "Sarlat-la-Canéda (24)", "Lodève (34)", "Conques-en-Rouergue (12)")
#: Communes de toutes tailles, pour la décision « éligible à la DETR sur la seule population ? ».
COMMUNES_DETR = ("Millau (12)", "Gap (05)", "Dole (39)", "Fougères (35)", "Locronan (29)", "Gordes (84)",
                 "Salers (15)", "Rocamadour (46)", "Mende (48)", "Figeac (46)", "Autun (71)", "Dinan (22)")
#: Les trois réponses possibles de la décision DETR, et leurs autres écritures admises.
CHOIX_DETR = ["oui", "non", "cela depend"]
SYNONYMES_DETR = {"oui": ["éligible", "eligible"], "non": ["non éligible", "pas éligible"],
                  "cela depend": ["ça dépend", "ca depend", "indécis", "indecis", "depend"]}


#: Les tranches d'âge du tableau de population et leur clé dans les données de la variante.
TRANCHES = {"0-14 ans": "age_0_14", "15-29 ans": "age_15_29", "30-44 ans": "age_30_44", "45-59 ans": "age_45_59",
            "60-74 ans": "age_60_74", "75 ans ou plus": "age_75_plus"}


def _reference(dimension: str, groupe: str) -> float:
    """La part de référence (France métropolitaine, ordre de grandeur) lue dans le cas de la leçon."""
    ref = _diagnostic().reference
    ligne = ref[(ref["dimension"] == dimension) & (ref["groupe"] == groupe)]
    return float(ligne["valeur"].iloc[0])


@functools.lru_cache(maxsize=1)
def _chiffres_de_l_exemple() -> tuple[float, ...]:
    """Les parts, écarts et indices que les tableaux de l'exemple (Fontenay-l'Exemple) affichent avant les exercices.

    Une variante ne doit pas retomber pile sur l'un d'eux (par exemple une part de 0,20 donnerait l'indice 1,162791
    du tableau des âges de l'exemple) : le tirage s'en écarte de dix personnes.
    """
    diag = _diagnostic()
    chiffres: list[float] = []
    for table in (diag.structure("age"), diag.menages_par_type()):
        for colonne in ("part", "écart (points)", "indice"):
            chiffres += [abs(float(x)) for x in table[colonne]]
    return tuple(chiffres)


def _coincide(valeur: float, chiffres: tuple[float, ...]) -> bool:
    return any(abs(abs(valeur) - c) < 1e-6 for c in chiffres)


def _arrondi_haut(x: float, pas: int = 10) -> int:
    return int(-(-x // pas) * pas)


def _arrondi_bas(x: float, pas: int = 10) -> int:
    return int(x // pas * pas)


#: Les bornes des réponses tirées, choisies hors des chiffres que la leçon affiche avant les exercices (tableaux de
#: Fontenay-l'Exemple : parts 0,15 à 0,21, écarts de 0,012 à 0,028, références 0,031 à 0,376 ; pourcentages des
#: chiffres clés 66 à 74,7 % ; coefficient DETR 1,3 ; « Licence Ouverte 2.0 ») : une variante ne les répète pas.
INDICE_MOINS_15 = (0.78, 1.22)  # part des moins de 15 ans de 13,4 % à 21,0 % (référence 17,2 %)
ECART_FAMILLES = (0.035, 0.095)  # en valeur absolue, au-dessus ou au-dessous de la référence
TAILLE_MENAGES = (2.08, 2.60)  # personnes par ménage (France : environ 2,2)


@BANQUE.donnees
def _donnees(t: Any) -> dict[str, Any]:
    """« Votre commune » : une petite ville d'environ 5 000 à 14 000 habitants (variante du livre : 9 100 habitants),
    ses ménages, et deux communes réelles du COG 2026. Les parts de référence sont celles du cas de la leçon.

    Les moins de 15 ans, les ménages et les couples avec enfants sont tirés en dernier, entre des bornes qui
    gardent l'indice, la taille des ménages et l'écart dans ``INDICE_MOINS_15``, ``TAILLE_MENAGES`` et
    ``ECART_FAMILLES`` (le livre garde ses chiffres).
    """
    commune_part = t.choix(COMMUNES_PART, livre="Lamballe-Armor (22)")
    commune_detr = t.choix(COMMUNES_DETR, livre="Millau (12)")
    autres = {"age_15_29": t.entier(800, 2300, pas=10, livre=1390),
              "age_30_44": t.entier(1000, 2600, pas=10, livre=1720),
              "age_45_59": t.entier(1000, 2600, pas=10, livre=1810),
              "age_60_74": t.entier(800, 2400, pas=10, livre=1610),
              "age_75_plus": t.entier(400, 1500, pas=10, livre=1040)}
    exemple = _chiffres_de_l_exemple()
    ref_0_14 = _reference("age", "0-14 ans")
    reste = sum(autres.values())
    # part p = a / (a + reste) ⇔ a = reste × p / (1 − p), p = indice × référence
    bornes = [reste * i * ref_0_14 / (1 - i * ref_0_14) for i in INDICE_MOINS_15]
    age_0_14 = t.entier(_arrondi_haut(bornes[0]), _arrondi_bas(bornes[1]), pas=10, livre=1530)
    while not t.livre and _coincide(age_0_14 / (age_0_14 + reste) / ref_0_14, exemple):
        age_0_14 += 10
    population = age_0_14 + reste
    hors_menages = t.entier(60, 400, pas=10, livre=230)
    # taille = (population − hors ménages) / ménages ⇔ ménages = (population − hors ménages) / taille
    menages = t.entier(_arrondi_haut((population - hors_menages) / TAILLE_MENAGES[1]),
                       _arrondi_bas((population - hors_menages) / TAILLE_MENAGES[0]), pas=10, livre=3960)
    ref_couples = _reference("menage", "Couples avec enfant(s)")
    signe = t.choix((-1, 1))
    bas, haut = sorted(menages * (ref_couples + signe * e) for e in ECART_FAMILLES)
    couples = t.entier(_arrondi_haut(bas), _arrondi_bas(haut), pas=10, livre=1010)
    while not t.livre and _coincide(couples / menages - ref_couples, exemple):
        couples += 10 if signe > 0 else -10
    return {
        "commune": commune_part,
        "commune_detr": commune_detr,
        "age_0_14": age_0_14,
        **autres,
        "reference_0_14": ref_0_14,
        "menages": menages,
        "couples_enfants": couples,
        "reference_couples_enfants": ref_couples,
        "hors_menages": hors_menages,
    }


def _population(d: Any) -> int:
    return sum(int(d[cle]) for cle in TRANCHES.values())


def _diagnostic_variante(d: Any) -> Any:
    """Le diagnostic de « votre commune », construit avec le paquet (tableau de population et référence)."""
    import pandas as pd

    from ...territoire import Diagnostic

    population = pd.DataFrame({"dimension": "age", "groupe": list(TRANCHES),
                               "effectif": [int(d[c]) for c in TRANCHES.values()]})
    return Diagnostic("Votre commune", population, reference=_diagnostic().reference)


def _enonce_age(d: Any) -> str:
    from ...formats import nombre, pourcentage

    tranches = " ; ".join(f"{g} : {nombre(d[c])}" for g, c in TRANCHES.items())
    return (f"Votre commune compte, par tranche d'âge : {tranches} habitants. Dans le territoire de référence, les "
            f"moins de 15 ans font {pourcentage(d['reference_0_14'])} de la population. Quel est l'indice des moins "
            "de 15 ans (leur part dans votre commune divisée par leur part dans la référence) ?")


def _diagnostic() -> Any:
    from ...cas import charger
    from ...territoire import Diagnostic

    return Diagnostic.du_cas(charger(CAS))


def _est_nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


@BANQUE.exercice("indice-moins-15", "L'indice des moins de 15 ans", unite="indice", enonce=_enonce_age,
                 regle="indice = part du groupe dans la commune / part du groupe dans la référence ; la part se "
                       "calcule sur la population totale (toutes les tranches)")
def _indice_moins_15(reponse: Any, d: Any) -> Retour:
    t = _diagnostic_variante(d).structure("age").set_index("groupe")
    attendu = float(t.loc["0-14 ans", "indice"])
    part = float(t.loc["0-14 ans", "part"])
    if _est_nombre(reponse):
        if abs(reponse - part) < 1e-4:
            return faux("c'est la part des moins de 15 ans, pas l'indice.",
                        "divisez cette part par la part de la référence.")
        if abs(reponse - (part - d["reference_0_14"])) < 1e-4:
            return faux("vous avez calculé un écart (une différence), pas un indice.",
                        "l'indice est un rapport : part de la commune divisée par part de la référence.")
        if abs(reponse - d["reference_0_14"] / part) < 1e-3:
            return faux("le rapport est inversé.", "mettez la part de la commune au numérateur.")
    return comparer_taux(reponse, attendu, tolerance=0.005)


@BANQUE.exercice("ecart-familles", "L'écart des couples avec enfants à la référence", unite="taux",
                 enonce="Votre commune compte {menages:nombre} ménages, dont {couples_enfants:nombre} couples avec "
                        "enfant(s) ; dans la référence, ces couples font {reference_couples_enfants:taux} des ménages. "
                        "Quel est l'écart, en points écrits en décimales (3 points s'écrivent 0.03, avec le signe) ?",
                 regle="écart = part dans la commune − part dans la référence (une différence, en points)")
def _ecart_familles(reponse: Any, d: Any) -> Retour:
    part = d["couples_enfants"] / d["menages"]
    attendu = part - d["reference_couples_enfants"]
    if _est_nombre(reponse):
        if abs(reponse - part / d["reference_couples_enfants"]) < 0.01:
            return faux("vous avez calculé l'indice (un rapport), pas l'écart.",
                        "l'écart est une différence : part de la commune moins part de la référence.")
        if abs(reponse + attendu) < 0.001 and abs(attendu) > 0.001:
            return faux("le signe n'est pas le bon.", "faites part de la commune moins part de la référence.")
        if abs(reponse / 100 - attendu) < 0.001 and abs(attendu) > 0.001:
            return faux("l'écart est écrit en points de pourcentage.",
                        "écrivez-le en décimales : 5 points s'écrit 0.05.")
        if abs(reponse - part) < 0.001:
            return faux("c'est la part des couples avec enfant(s), pas l'écart.",
                        "retirez-lui la part de la référence.")
    return comparer_taux(reponse, attendu, tolerance=0.001)


def _enonce_menages(d: Any) -> str:
    from ...formats import nombre

    return (f"Votre commune compte {nombre(_population(d))} habitants (la somme des tranches d'âge), dont "
            f"{nombre(d['hors_menages'])} vivent en communauté (maison de retraite, internat), et "
            f"{nombre(d['menages'])} ménages. Combien de personnes compte en moyenne un ménage ?")


@BANQUE.exercice("taille-menages", "La taille moyenne des ménages", unite="personnes", enonce=_enonce_menages,
                 regle="taille moyenne = personnes vivant dans un ménage / nombre de ménages (les personnes en "
                       "communauté ne vivent pas dans un ménage)")
def _taille_menages(reponse: Any, d: Any) -> Retour:
    attendu = (_population(d) - d["hors_menages"]) / d["menages"]
    if _est_nombre(reponse) and abs(reponse - _population(d) / d["menages"]) < 0.005 < abs(reponse - attendu):
        return faux("vous avez divisé toute la population par le nombre de ménages.",
                    "les personnes en communauté (maison de retraite, internat) ne vivent pas dans un ménage : "
                    "retirez-les d'abord.")
    retour = comparer_montant(reponse, attendu, tolerance=0.01, unite="personnes")
    return retour if retour.statut != "juste" else juste("c'est bien le nombre moyen de personnes par ménage.")


@BANQUE.exercice("arbre-complet", "Un arbre à problèmes complet",
                 attendu=lambda d: "un arbre d'au moins deux causes et un effet, chaque énoncé reformulé en positif")
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


@BANQUE.exercice("part-epci", "La part d'une commune dans son intercommunalité", unite="taux",
                 enonce="Quelle part de la population de son EPCI représente la commune {commune} ? "
                        "Répondez par un taux en décimales (0.5 pour la moitié).",
                 regle="part = population de la commune / population de l'EPCI (somme de ses communes, "
                       "même millésime)")
def _part_epci(reponse: Any, d: Any) -> Retour:
    from ...territoire import commune

    c = commune(d["commune"])
    e = c.epci_obligatoire()
    attendu = c.population / e.population
    if _est_nombre(reponse):
        if abs(reponse - c.population / c.departement.population) < 1e-4:
            return faux("vous avez divisé par la population du département.",
                        "l'EPCI est l'intercommunalité de la commune : mt.commune(...).epci.population.")
        if e.population_dgcl and abs(reponse - c.population / e.population_dgcl) < 1e-4 < abs(reponse - attendu):
            return faux("vous avez pris la population DGCL de l'EPCI, d'un autre millésime que celle de la commune.",
                        "prenez epci.population (la somme de ses communes, même millésime).")
        if abs(reponse / 100 - attendu) < 1e-3:
            return faux("la part est écrite en pourcentage.", "écrivez-la en décimales : 25 % s'écrit 0.25.")
    return comparer_taux(reponse, attendu, tolerance=0.001)


def _attendu_detr(d: Any) -> str:
    from ...territoire import commune, eligibilite_detr

    statut = eligibilite_detr(commune(d["commune_detr"])).eligible
    return {True: "oui", False: "non", None: "cela depend"}[statut]


@BANQUE.exercice("detr-population", "La DETR sur la seule population", attendu=_attendu_detr,
                 enonce="Sur sa seule population (COG 2026), la commune {commune_detr} est-elle éligible à la "
                        "DETR ? Répondez « oui », « non » ou « cela dépend » (d'une donnée que le paquet n'a pas).",
                 regle="CGCT L2334-33, 2° : seuil sans condition, puis plafond avec condition de potentiel financier")
def _detr_population(reponse: Any, d: Any) -> Retour:
    attendu = _attendu_detr(d)
    retour = comparer_choix(reponse, attendu, CHOIX_DETR, synonymes=SYNONYMES_DETR,
                            conseil="comparez la population de la commune aux deux seuils de L2334-33, 2° "
                                    "(mt.eligibilite_detr le fait et dit ce qu'il suppose).")
    if retour.statut == "juste" or not isinstance(reponse, str):
        return retour
    dit = normaliser_reponse(reponse)
    if attendu == "cela depend" and dit == "oui":
        return faux("entre le premier seuil et le plafond, la population ne suffit pas.",
                    "une seconde condition s'ajoute (le potentiel financier, 2° b) : la réponse en dépend.")
    if attendu == "non" and dit == "cela depend":
        return faux("au-delà du plafond du 2° b, aucune autre donnée ne rend la commune éligible.",
                    "comparez la population au plafond : au-dessus, la commune elle-même n'est pas éligible.")
    return retour


def normaliser_reponse(texte: str) -> str:
    """La réponse ramenée à l'un des trois choix (ou telle quelle)."""
    from ..mecanisme import normaliser

    cle = normaliser(texte)
    for canon in CHOIX_DETR:
        if cle == normaliser(canon) or cle in {normaliser(x) for x in SYNONYMES_DETR[canon]}:
            return canon
    return cle
