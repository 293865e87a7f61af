"""Vérifications du carnet 09 — Trouver les financements : du catalogue d'aides à un plan vérifié.

L'exemple de la leçon (Conques-en-Rouergue, rénovation de l'école) est le même pour tous ; les exercices
portent sur une autre commune réelle et d'autres montants, tirés de l'identifiant de l'apprenant (variante
du livre : Figeac, rénovation énergétique, projet de 780 000 € HT dont 120 000 € de DSIL). Chaque vérification
calcule l'attendu avec le paquet (catalogue, éligibilité, paramètres datés) sans écrire la réponse.

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
#: Les thèmes tirés pour le décompte des aides.
THEMES_EXERCICE = ("renovation energetique", "eau et assainissement", "tiers-lieux", "mobilite", "renaturation",
                   "energies renouvelables")
#: Les aides proposées à la décision « laquelle est écartée ? ».
CHOIX_ECARTEE = ["DETR", "DSIL", "Fonds vert"]


@BANQUE.donnees
def _donnees(t: Tirage) -> dict[str, Any]:
    """Les chiffres d'une variante : une commune, un thème, un coût, une DSIL, une grande ville."""
    return {
        "commune": t.choix(COMMUNES, livre="Figeac (46)"),
        "theme": t.choix(THEMES_EXERCICE, livre="renovation energetique"),
        "cout": t.montant(300_000, 1_500_000, arrondi=10_000, livre=780_000),
        "dsil": t.montant(40_000, 250_000, arrondi=5_000, livre=120_000),
        "grande_ville": t.choix(GRANDES, livre="Brest (29)"),
        "travaux": t.montant(400_000, 1_200_000, arrondi=10_000, livre=690_000),
        "moe": t.montant(40_000, 120_000, arrondi=5_000, livre=70_000),
    }


def _est_nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


def _possibles(commune: str, themes: list[str]) -> Any:
    from ...aides import aides_possibles

    return aides_possibles(commune, {"themes": themes})


@BANQUE.exercice("aides-retenues", "Combien d'aides conviennent ?", unite="aides",
                 enonce="Pour la commune {commune} et un projet d'investissement sur le seul thème « {theme} », "
                        "porté par la commune avant les travaux, combien d'aides du catalogue sont retenues ?",
                 regle="mt.aides_possibles(commune, projet) : les aides retenues, et pour les autres la raison")
def _aides_retenues(reponse: Any, d: Any) -> Retour:
    from ...aides import catalogue

    r = _possibles(d["commune"], [d["theme"]])
    attendu = len(r.retenues)
    if _est_nombre(reponse):
        if reponse == len(catalogue()):
            return faux("c'est le nombre d'aides du catalogue, pas celui des aides retenues.",
                        "comptez seulement les aides retenues (r.retenues).")
        if reponse == len(r.ecartees) and len(r.ecartees) != attendu:
            return faux("vous avez compté les aides écartées.", "comptez les aides retenues (r.retenues).")
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
