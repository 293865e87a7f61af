"""Vérifications du carnet 09 — Trouver les financements : du catalogue d'aides à un plan vérifié.

L'exemple de la leçon (Conques-en-Rouergue, rénovation de l'école) est le même pour tous ; les exercices
portent sur une autre commune réelle, un autre projet et d'autres montants, tirés de l'identifiant de
l'apprenant (variante du livre : Figeac, rénovation énergétique de la mairie, projet de 780 000 € HT dont
120 000 € de DSIL). Chaque vérification calcule l'attendu avec le paquet (catalogue, éligibilité,
paramètres datés) sans écrire la réponse.

>>> livre = BANQUE.variante(None)
>>> BANQUE["detr-max"].verifier(0.8 * 780_000, donnees=livre).conseil
'retirez du plafond ce que la DSIL apporte déjà.'
"""

from __future__ import annotations

from typing import Any

from ..mecanisme import Retour, comparer_choix, comparer_montant, comparer_nombre, faux, juste
from ..progression import Banque
from ..variantes import Tirage

BANQUE = Banque("09-trouver-les-financements", "Trouver les financements")

#: Communes réelles (COG 2026) des exercices : petites villes et bourgs membres d'un EPCI.
COMMUNES = ("Figeac (46)", "Ploërmel (56)", "Guingamp (22)", "Saint-Flour (15)", "Lodève (34)", "Dinan (22)",
            "Sarlat-la-Canéda (24)", "Autun (71)", "Gordes (84)", "Rocamadour (46)", "Locronan (29)", "Issoire (63)")
#: Grandes villes (plus de 20 000 habitants), pour l'aide écartée.
GRANDES = ("Brest (29)", "Millau (12)", "Gap (05)", "Dole (39)", "Quimper (29)", "Angers (49)", "Rennes (35)")
#: Les projets tirés pour le décompte des aides : (projet, thèmes du catalogue, dépense, stade). Des projets
#: courants d'une petite ville ; le stade et la nature de la dépense changent les aides retenues autant que le
#: thème (une étude, du fonctionnement, des travaux déjà commencés). Le premier est celui du livre. Les décomptes
#: (de 0 à 8 aides) sont répartis pour que deux apprenants aient rarement le même.
PROJETS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("la rénovation énergétique de la mairie", ("renovation energetique",), "investissement", "avant travaux"),
    ("la rénovation énergétique de l'école", ("renovation energetique", "ecoles"), "investissement", "avant travaux"),
    ("l'audit énergétique des bâtiments communaux", ("renovation energetique",), "investissement", "étude"),
    ("une chaufferie bois et son réseau de chaleur", ("energies renouvelables", "reseaux de chaleur"),
     "investissement", "avant travaux"),
    ("des panneaux solaires sur les toits communaux", ("energies renouvelables",), "investissement",
     "avant travaux"),
    ("la mise aux normes de la station d'épuration", ("eau et assainissement",), "investissement", "avant travaux"),
    ("le schéma directeur d'assainissement", ("eau et assainissement",), "investissement", "étude"),
    ("la renaturation des berges de la rivière", ("renaturation",), "investissement", "avant travaux"),
    ("l'entretien des berges renaturées", ("renaturation",), "fonctionnement", "avant travaux"),
    ("la désimperméabilisation de la cour d'école", ("renaturation", "ecoles"), "investissement", "avant travaux"),
    ("l'étude du risque d'inondation", ("risques naturels",), "investissement", "étude"),
    ("un tiers-lieu dans l'ancienne gare", ("tiers-lieux",), "investissement", "avant travaux"),
    ("l'animation du tiers-lieu communal", ("tiers-lieux",), "fonctionnement", "avant travaux"),
    ("une voie verte vers la gare", ("mobilite",), "investissement", "avant travaux"),
    ("un pôle d'échanges autour de la gare", ("mobilite", "voirie"), "investissement", "avant travaux"),
    ("la réfection de la voirie du centre", ("voirie",), "investissement", "avant travaux"),
    ("l'entretien courant de la voirie", ("voirie",), "fonctionnement", "avant travaux"),
    ("une maison de santé pluriprofessionnelle", ("sante", "equipements publics"), "investissement",
     "avant travaux"),
    ("la revitalisation du centre-bourg", ("revitalisation",), "investissement", "avant travaux"),
    ("la restauration de l'église", ("patrimoine",), "investissement", "avant travaux"),
    ("l'étude de restauration des remparts", ("patrimoine",), "investissement", "étude"),
    ("des logements communaux dans l'ancienne poste", ("logement",), "investissement", "avant travaux"),
    ("un espace public numérique", ("numerique",), "investissement", "avant travaux"),
    ("une médiathèque", ("equipements publics",), "investissement", "avant travaux"),
    ("la mise en accessibilité de la mairie", ("equipements publics",), "investissement", "avant travaux"),
    ("un multiple rural (commerce communal)", ("developpement rural", "revitalisation"), "investissement",
     "avant travaux"),
    ("la restructuration de l'école et de sa cantine", ("ecoles", "equipements publics"), "investissement",
     "avant travaux"),
    ("la rénovation énergétique du gymnase", ("renovation energetique", "equipements publics"), "investissement",
     "avant travaux"),
    ("la rénovation de la salle des fêtes, travaux déjà commencés", ("renovation energetique", "equipements publics"),
     "investissement", "travaux commencés"),
)
#: Les aides proposées à la décision « laquelle est écartée ? ».
CHOIX_ECARTEE = ["DETR", "DSIL", "Fonds vert"]


@BANQUE.donnees
def _donnees(t: Tirage) -> dict[str, Any]:
    """Les chiffres d'une variante : une commune, un projet (thèmes, dépense, stade), un coût, une DSIL,
    une grande ville."""
    return {
        "commune": t.choix(COMMUNES, livre="Figeac (46)"),
        **_projet(t.choix(PROJETS, livre=PROJETS[0])),
        "cout": t.montant(300_000, 1_500_000, arrondi=10_000, livre=780_000),
        "dsil": t.montant(40_000, 250_000, arrondi=5_000, livre=120_000),
        "grande_ville": t.choix(GRANDES, livre="Brest (29)"),
        "travaux": t.montant(400_000, 1_200_000, arrondi=10_000, livre=690_000),
        "moe": t.montant(40_000, 120_000, arrondi=5_000, livre=70_000),
    }


def _projet(choisi: tuple[str, tuple[str, ...], str, str]) -> dict[str, Any]:
    projet, themes, depense, stade = choisi
    return {"projet": projet, "themes": list(themes), "depense": depense, "stade": stade}


def _est_nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


def _possibles(commune: str, themes: list[str], **projet: Any) -> Any:
    from ...aides import aides_possibles

    return aides_possibles(commune, {"themes": themes, **projet})


def _enonce_aides(d: Any) -> str:
    themes = " et ".join(f"« {t} »" for t in d["themes"])
    depense = "d'investissement" if d["depense"] == "investissement" else f"de {d['depense']}"
    return (f"La commune {d['commune']} porte {d['projet']} : thème{'s' if len(d['themes']) > 1 else ''} du "
            f"catalogue {themes}, dépense {depense}, stade « {d['stade']} ». Combien d'aides du catalogue "
            f"sont retenues ?")


@BANQUE.exercice("aides-retenues", "Combien d'aides conviennent ?", unite="aides", enonce=_enonce_aides,
                 regle="mt.aides_possibles(commune, projet), le projet décrit par ses thèmes, sa dépense et son "
                       "stade : les aides retenues, et pour les autres la raison")
def _aides_retenues(reponse: Any, d: Any) -> Retour:
    from ...aides import catalogue

    r = _possibles(d["commune"], d["themes"], depense=d["depense"], stade=d["stade"])
    attendu = len(r.retenues)
    if _est_nombre(reponse) and reponse != attendu:
        if reponse == len(catalogue()):
            return faux("c'est le nombre d'aides du catalogue, pas celui des aides retenues.",
                        "comptez seulement les aides retenues (r.retenues).")
        if reponse == len(r.ecartees):
            return faux("vous avez compté les aides écartées.", "comptez les aides retenues (r.retenues).")
        if reponse == len(_possibles(d["commune"], d["themes"]).retenues):
            return faux("vous avez décrit le projet par ses seuls thèmes : sa dépense et son stade comptent aussi.",
                        'ajoutez au projet "depense" et "stade" de l\'énoncé (ex.donnees.depense, '
                        "ex.donnees.stade).")
    return comparer_nombre(reponse, attendu, unite="aides")


@BANQUE.exercice("aide-ecartee", "L'aide de l'État écartée pour une grande ville", attendu=lambda d: "DETR",
                 enonce="Pour rénover une école de {grande_ville}, laquelle de ces aides est écartée : « DETR », "
                        "« DSIL » ou « Fonds vert » ? Puis lisez la raison donnée par le paquet.",
                 regle="CGCT L2334-33 : la DETR est réservée aux communes et EPCI sous certains seuils")
def _aide_ecartee(reponse: Any, d: Any) -> Retour:
    r = _possibles(d["grande_ville"], ["renovation energetique", "ecoles"])
    ecartees = [nom for nom in CHOIX_ECARTEE if r.raison(nom if nom != "Fonds vert" else "fonds_vert_renovation")]
    retour = comparer_choix(reponse, ecartees, CHOIX_ECARTEE, synonymes={"Fonds vert": ["fonds vert renovation"]},
                            conseil="lisez r.raison(\"...\") pour chacune : une seule est écartée, pour une raison "
                                    "de population.")
    if retour.statut != "juste" and isinstance(reponse, str) and reponse.strip().upper() == "DSIL":
        return faux("la DSIL n'a pas de condition de population : elle reste possible pour une grande ville.",
                    "cherchez l'aide dont l'éligibilité dépend de la population (r.raison).")
    return retour


def _plafond(d: Any) -> float:
    from ...parametres import parametres

    p = parametres(2026)
    limite_taux = p["financement.detr_taux_max"] * d["cout"]
    limite_plafond = p["financement.plafond_dotations_etat"] * d["cout"] - d["dsil"]
    return min(limite_taux, limite_plafond)


@BANQUE.exercice("detr-max", "La DETR maximale à côté de la DSIL", unite="euros",
                 enonce="Le projet de {commune} coûte {cout:euros} HT, tout subventionnable ; la DSIL apporte déjà "
                        "{dsil:euros}. Quel montant maximal de DETR le plan peut-il recevoir ?",
                 regle="deux limites : le taux maximal de la DETR, et le plafond des dotations de l'État "
                       "(DETR, DSIL, DPV, DSID ensemble) ; les deux sont dans mt.parametres(2026)")
def _detr_max(reponse: Any, d: Any) -> Retour:
    from ...parametres import parametres

    p = parametres(2026)
    attendu = _plafond(d)
    if _est_nombre(reponse):
        if abs(reponse - p["financement.plafond_dotations_etat"] * d["cout"]) < 1:
            return faux("vous avez oublié la DSIL : le plafond vaut pour la DETR, la DSIL, la DPV et la DSID "
                        "ensemble.",
                        "retirez du plafond ce que la DSIL apporte déjà.")
        if abs(reponse - (p["financement.plafond_dotations_etat"] * d["cout"] * 1.2 - d["dsil"])) < 1:
            return faux("vous avez calculé sur le TTC.", "la DETR se calcule sur le montant HT.")
    return comparer_montant(reponse, attendu, tolerance=1)


@BANQUE.exercice("plan-verifie", "Un plan avec les aides du catalogue, toutes règles respectées",
                 attendu=lambda d: "un plan dont toutes les règles sont respectées",
                 enonce="Montez le plan de rénovation de l'école de {commune} : travaux {travaux:euros} HT et "
                        "maîtrise d'œuvre {moe:euros} HT. Ajoutez-y la DETR et le Fonds vert (rénovation) pris "
                        "dans mt.aides_possibles(...) pour que plan.verifier() ne signale aucune règle non respectée.",
                 regle="les règles du plan : plan.verifier() (participation minimale, plafonds, taux de la DETR)")
def _plan_verifie(reponse: Any, d: Any) -> Retour:
    from ...financement import PlanDeFinancement

    if not isinstance(reponse, PlanDeFinancement):
        return faux(f"la réponse doit être un plan (mt.PlanDeFinancement), pas {type(reponse).__name__}.",
                    "repartez du plan de l'exemple et changez ses chiffres.")
    if abs(reponse.cout_ht - (d["travaux"] + d["moe"])) > 1:
        return faux("le coût HT du plan n'est pas celui de l'énoncé.",
                    "ajoutez exactement les deux dépenses de l'énoncé (ex.enonce(\"plan-verifie\")).")
    noms = [f.nom for f in reponse.financeurs]
    if "DETR" not in noms or not any(n.startswith("Fonds vert") for n in noms):
        return faux("le plan doit contenir la DETR et le Fonds vert du catalogue.",
                    "ajoutez-les avec plan.ajouter_financeur(possibles.verifier(\"DETR\"), taux=...) .")
    from ...aides import aides_possibles

    if aides_possibles(d["commune"], {"themes": ["renovation energetique", "ecoles"]}).raison("DETR"):
        return faux("la DETR ne s'applique pas à cette commune.", "lisez possibles.raison(\"DETR\").")
    non = [v for v in reponse.verifier() if v.applicable and not v.respectee]
    if non:
        return faux(f"la règle « {non[0].intitule} » n'est pas respectée.",
                    "lisez son conseil dans plan.verifier() et ajustez les montants.")
    return juste("le plan respecte toutes les règles, avec des aides qui s'appliquent à la commune.")
