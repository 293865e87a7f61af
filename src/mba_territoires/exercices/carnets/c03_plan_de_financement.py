"""Vérifications du carnet 03 — Monter et vérifier un plan de financement.

L'exemple de la leçon (l'école Jules-Ferry de Saint-Exemple, :func:`mba_territoires.financement.exemple_ecole`)
est le même pour tous ; les exercices portent sur « votre école », dont les chiffres sont tirés de
l'identifiant de l'apprenant (variante du livre : travaux 650 000 €, maîtrise d'œuvre 70 000 € HT,
DETR 25 %, Fonds vert 150 000 €, mécénat 20 000 €). Chaque vérification construit le plan de la
variante avec le paquet et compare ; les indices visent les erreurs typiques sans donner la réponse.
Les seuils juridiques viennent des paramètres (jamais écrits ici).

>>> livre = BANQUE.variante(None)
>>> BANQUE["part-mo"].verifier(370_000 / 720_000, donnees=livre).conseil
"le dénominateur ne compte que les financements publics, part de la commune comprise : le mécénat n'y entre pas."
"""

from __future__ import annotations

from typing import Any

from ...financement import PlanDeFinancement
from ...parametres import parametres
from ..mecanisme import Retour, comparer_choix, comparer_montant, comparer_taux, faux, juste
from ..progression import Banque
from ..variantes import Tirage

BANQUE = Banque("03-plan-de-financement", "Monter et vérifier un plan de financement")

#: Les règles entre lesquelles choisir dans l'exercice de diagnostic.
REGLES = ["participation_minimale", "plafond_dotations_etat", "plafond_aides_decret_2018", "detr_taux", "assiette",
          "equilibre"]
#: La date des règles appliquées aux exercices.
DATE = "2026-06-01"


def _seuil() -> float:
    return float(parametres(DATE)["financement.participation_minimale_mo"])


@BANQUE.donnees
def _donnees(t: Tirage) -> dict[str, Any]:
    """Les chiffres de « votre école » ; l'ordre des tirages est figé (le changer changerait les variantes)."""
    travaux = t.montant(400_000, 1_200_000, arrondi=10_000, livre=650_000)
    moe = t.montant(30_000, 120_000, arrondi=5_000, livre=70_000)
    cout = travaux + moe
    taux_detr = t.taux(0.20, 0.40, pas=0.05, livre=0.25)
    fonds_vert = t.montant(0.10 * cout, 0.25 * cout, arrondi=5_000, livre=150_000)
    mecenat = t.montant(5_000, 40_000, arrondi=5_000, livre=20_000)
    # La Région dépasse de « depassement » l'aide qui laisserait la commune juste au seuil.
    depassement = t.montant(5_000, 60_000, arrondi=1_000, livre=27_000)
    maximum = _seuil_complement() * (cout - mecenat) - taux_detr * cout - fonds_vert
    diagnostic = t.choix(["detr_taux", "participation_minimale"], livre="detr_taux")
    taux_detr_bas = t.taux(0.05, 0.15, pas=0.05, livre=0.15)
    part_ecole = t.taux(0.06, 0.18, pas=0.01, livre=0.12)
    publics_ecole = t.montant(300_000, 900_000, arrondi=10_000, livre=500_000)
    region = round(maximum + depassement, 2)
    # Le diagnostic : une DETR trop basse (la Région reste modeste), ou une Région trop généreuse. Les données
    # ne disent pas laquelle des deux règles tombe : c'est à l'apprenant de le trouver.
    if diagnostic == "detr_taux":
        taux_detr_diag, region_diag = taux_detr_bas, round(region / 4, -3)
    else:
        taux_detr_diag, region_diag = taux_detr, region
    return {
        "travaux": travaux, "moe": moe, "taux_detr": taux_detr, "fonds_vert": fonds_vert, "mecenat": mecenat,
        "region": region, "taux_detr_diag": taux_detr_diag, "region_diag": region_diag,
        "autofinancement_ecole": round(part_ecole * publics_ecole, 2),
        "aides_ecole": round((1 - part_ecole) * publics_ecole, 2),
    }


def _seuil_complement() -> float:
    return 1 - _seuil()


def plan_de_la_variante(d: Any, *, region: bool = False, taux_detr: float | None = None) -> PlanDeFinancement:
    """Le plan de « votre école » (avec l'aide de la Région si ``region``), construit avec le paquet.

    >>> plan_de_la_variante(BANQUE.variante(None)).cout_ht
    720000.0
    """
    plan = PlanDeFinancement("Rénovation énergétique de votre école", maitre_ouvrage="Votre commune", date=DATE)
    plan.ajouter_depense("Travaux", montant_ht=d["travaux"])
    plan.ajouter_depense("Maîtrise d'œuvre", montant_ht=d["moe"])
    plan.ajouter_financeur("DETR", taux=d["taux_detr"] if taux_detr is None else taux_detr)
    plan.ajouter_financeur("Fonds vert", montant=d["fonds_vert"])
    plan.ajouter_financeur("Mécénat d'entreprise", montant=d["mecenat"], public=False)
    if region:
        plan.ajouter_financeur("Région", montant=d["region"])
    return plan


def _nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


ENONCE_PLAN = ("Votre école : travaux {travaux:euros} HT et maîtrise d'œuvre {moe:euros} HT (TVA au taux normal) ; "
               "DETR à {taux_detr:taux} de tout le coût HT, Fonds vert {fonds_vert:euros}, mécénat d'entreprise "
               "{mecenat:euros}.")


@BANQUE.exercice("part-mo", "La part de votre commune dans les financements publics", unite="taux",
                 enonce=ENONCE_PLAN + " Construisez ce plan, puis calculez la part de la commune dans le total des "
                 "financements publics, sa part comprise (un taux en décimales, à 0,001 près).",
                 regle="part = autofinancement ÷ (autofinancement + aides publiques) ; le privé n'y entre pas")
def _part_mo(reponse: Any, d: Any) -> Retour:
    plan = plan_de_la_variante(d)
    mo, s = plan.autofinancement, plan.subventions_publiques
    attendu = mo / (mo + s)
    if _nombre(reponse) and abs(reponse - attendu) > 0.001:
        if abs(reponse - mo / plan.cout_ht) < 0.001:
            return faux("vous avez divisé par le coût total.",
                        "le dénominateur ne compte que les financements publics, part de la commune comprise : "
                        "le mécénat n'y entre pas.")
        if abs(reponse - mo / s) < 0.001:
            return faux("le dénominateur oublie la part de la commune elle-même.",
                        "la règle compare la part de la commune au total des financements publics, sa part comprise.")
        if abs(reponse - (mo + d["mecenat"]) / plan.cout_ht) < 0.001:
            return faux("vous avez compté le mécénat dans la part de la commune.",
                        "le mécénat est un financement privé : il ne fait pas partie de l'autofinancement.")
    return comparer_taux(reponse, attendu, tolerance=0.001)


@BANQUE.exercice("fctva", "Le FCTVA attendu pour votre école", unite="euros",
                 enonce=ENONCE_PLAN + " Quel FCTVA la commune peut-elle attendre (en euros, à 1 € près) ?",
                 regle="FCTVA = taux du FCTVA (paramètres) × dépenses TTC éligibles")
def _fctva(reponse: Any, d: Any) -> Retour:
    plan = plan_de_la_variante(d)
    r = plan.fctva()
    if _nombre(reponse) and abs(reponse - r.montant) > 1:
        if abs(reponse - r.taux * plan.cout_ht) < 1:
            return faux("vous avez appliqué le taux au montant HT.", "le FCTVA se calcule sur les dépenses TTC.")
        if abs(reponse - plan.cout_tva) < 1:
            return faux("c'est la TVA payée, pas ce que le fonds en rembourse.",
                        "appliquez le taux du FCTVA aux dépenses TTC éligibles.")
        ttc_net = plan.cout_ttc - plan.subventions_publiques - plan.financements_prives
        if abs(reponse - r.taux * ttc_net) < 1:
            return faux("vous avez retiré les subventions de l'assiette.",
                        "l'assiette du FCTVA est la dépense TTC éligible, sans déduire les aides.")
    retour = comparer_montant(reponse, r.montant, tolerance=1)
    return retour if retour.statut != "juste" else juste("le FCTVA est bien le taux en vigueur appliqué au TTC.",
                                                         attendu=r.montant)


def _plan_du_diagnostic(d: Any) -> PlanDeFinancement:
    plan = plan_de_la_variante(d, taux_detr=d["taux_detr_diag"])
    plan.ajouter_financeur("Région", montant=d["region_diag"])
    return plan


def _enonce_diagnostic(d: Any) -> str:
    from ..variantes import formater_enonce

    return formater_enonce(ENONCE_PLAN + " Le préfet accorde finalement une DETR de {taux_detr_diag:taux} du coût HT "
                           "et la Région ajoute une aide de {region_diag:euros}. Quelle règle le plan ne respecte-t-il "
                           "plus ? Répondez par son identifiant, entre guillemets, parmi : " + ", ".join(REGLES) + ".",
                           d)


@BANQUE.exercice("regle-cassee", "La règle qui tombe", enonce=_enonce_diagnostic,
                 regle="le verdict « non respectée » de plan.verifier() ; son identifiant est v.regle")
def _regle(reponse: Any, d: Any) -> Retour:
    cassees = [v.regle for v in _plan_du_diagnostic(d).verifier().non_respectees()]
    return comparer_choix(reponse, cassees, REGLES,
                          conseil="construisez le plan modifié et relisez ses verdicts : un seul est « non respecté ».")


@BANQUE.exercice("reduction-region", "La réduction de l'aide de la Région", unite="euros",
                 enonce=ENONCE_PLAN + " La Région ajoute une aide de {region:euros}. De combien d'euros faut-il au "
                 "moins la réduire pour que la commune respecte à nouveau la participation minimale ?",
                 regle="la part de la commune doit atteindre le seuil de L1111-10 III des financements publics ; "
                 "réduire la Région augmente d'autant l'autofinancement")
def _reduction(reponse: Any, d: Any) -> Retour:
    plan = plan_de_la_variante(d, region=True)
    attendu = plan.verifier()["participation_minimale"].chiffres["ecart"]
    if _nombre(reponse) and abs(reponse - attendu) > 1:
        if abs(reponse - d["region"]) < 1:
            return faux("vous retirez toute l'aide de la Région.",
                        "la règle demande seulement que la commune atteigne le seuil : cherchez le plus petit retrait.")
        if abs(reponse - (plan.subventions_publiques - _seuil_complement() * plan.cout_ht)) < 1:
            return faux("vous avez appliqué le seuil au coût total.",
                        "le mécénat est hors assiette : le seuil porte sur les seuls financements publics.")
        if abs(reponse - _seuil() * (plan.autofinancement + plan.subventions_publiques)) < 1:
            return faux("c'est l'autofinancement minimal, pas la réduction.",
                        "retranchez l'autofinancement actuel de ce minimum.")
    return comparer_montant(reponse, attendu, tolerance=1)


@BANQUE.exercice("derogation-ecole", "La dérogation pour la rénovation énergétique d'une école",
                 enonce="Une autre commune rénove l'isolation de son école : elle apporte "
                 "{autofinancement_ecole:euros} et reçoit {aides_ecole:euros} d'aides publiques. Le préfet lui "
                 "accorde la dérogation prévue pour la "
                 "rénovation énergétique des bâtiments scolaires (CGCT L1111-10 III, loi 2024-279). Son plan "
                 "respecte-t-il la participation minimale ? Répondez \"oui\" ou \"non\".",
                 regle="avec cette dérogation, le plancher est celui du paramètre "
                 "financement.participation_minimale_renovation_energetique_scolaire")
def _derogation(reponse: Any, d: Any) -> Retour:
    plan = PlanDeFinancement("École", date=DATE, derogation="renovation_energetique_scolaire")
    plan.ajouter_depense("Travaux", montant_ht=d["autofinancement_ecole"] + d["aides_ecole"])
    plan.ajouter_financeur("Aides publiques", montant=d["aides_ecole"])
    attendu = "oui" if plan.verifier()["participation_minimale"].respectee else "non"
    part = d["autofinancement_ecole"] / (d["autofinancement_ecole"] + d["aides_ecole"])
    retour = comparer_choix(reponse, attendu, ["oui", "non"], synonymes={"oui": ["vrai", "yes"], "non": ["faux", "no"]},
                            conseil="comparez la part de la commune au plancher de la dérogation, pas au seuil "
                            "de droit commun.")
    if retour.statut == "faux" and attendu == "oui" and part < _seuil():
        return faux("vous avez appliqué le seuil de droit commun.",
                    "la dérogation de la loi 2024-279 abaisse le plancher : lisez-le dans les paramètres.",
                    attendu=attendu)
    return retour
