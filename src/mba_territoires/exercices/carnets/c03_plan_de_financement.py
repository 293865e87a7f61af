"""Vérifications du carnet 03 — Monter et vérifier un plan de financement.

L'attendu est recalculé avec le paquet sur le plan du carnet (l'école Jules-Ferry : travaux 820 000 €,
maîtrise d'œuvre 80 000 €, études 20 000 € HT ; DETR 30 %, Fonds vert 200 000 €, mécénat 30 000 €).
Les indices visent les erreurs typiques sans donner la réponse.

>>> BANQUE["part-mo"].verifier(414_000 / 920_000).conseil
"le dénominateur ne compte que les financements publics, part de la commune comprise : le mécénat n'y entre pas."
"""

from __future__ import annotations

from typing import Any

from ...financement import PlanDeFinancement
from ..mecanisme import Retour, comparer_choix, comparer_montant, comparer_taux, empreinte, faux, juste
from ..progression import Banque

BANQUE = Banque("03-plan-de-financement", "Monter et vérifier un plan de financement")

#: L'aide de la Région ajoutée dans la partie 5 du carnet.
REGION = 250_000


def _plan() -> PlanDeFinancement:
    """Le plan construit dans le carnet (l'exemple de la leçon)."""
    plan = PlanDeFinancement("Rénovation énergétique de l'école Jules-Ferry",
                             maitre_ouvrage="Commune de Saint-Exemple", annee=2026)
    plan.ajouter_depense("Travaux", montant_ht=820_000)
    plan.ajouter_depense("Maîtrise d'œuvre", montant_ht=80_000)
    plan.ajouter_depense("Études préalables", montant_ht=20_000, tva=0.20)
    plan.ajouter_financeur("DETR", taux=0.30)
    plan.ajouter_financeur("Fonds vert", montant=200_000)
    plan.ajouter_financeur("Mécénat d'entreprise", montant=30_000, public=False)
    return plan


def _avec_region() -> PlanDeFinancement:
    plan = _plan().copier("Avec la Région")
    plan.ajouter_financeur("Région Nouvelle-Aquitaine", montant=REGION)
    return plan


def _nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


@BANQUE.exercice("part-mo", "La part de la commune dans les financements publics")
def _part_mo(reponse: Any) -> Retour:
    plan = _plan()
    mo = plan.autofinancement
    attendu = mo / (mo + plan.subventions_publiques)
    if _nombre(reponse):
        if abs(reponse - mo / plan.cout_ht) < 0.001:
            return faux("vous avez divisé par le coût total.",
                        "le dénominateur ne compte que les financements publics, part de la commune comprise : "
                        "le mécénat n'y entre pas.")
        if abs(reponse - mo / plan.subventions_publiques) < 0.001:
            return faux("le dénominateur oublie la part de la commune elle-même.",
                        "la règle compare la part de la commune au total des financements publics, sa part comprise.")
    return comparer_taux(reponse, attendu, tolerance=0.001)


@BANQUE.exercice("fctva", "Le FCTVA attendu")
def _fctva(reponse: Any) -> Retour:
    plan = _plan()
    r = plan.fctva()
    if _nombre(reponse):
        if abs(reponse - r.taux * plan.cout_ht) < 1:
            return faux("vous avez appliqué le taux au montant HT.", "le FCTVA se calcule sur les dépenses TTC.")
        if abs(reponse - plan.cout_tva) < 1:
            return faux("c'est la TVA payée, pas ce que le fonds en rembourse.",
                        "appliquez le taux du FCTVA aux dépenses TTC éligibles.")
    retour = comparer_montant(reponse, r.montant, tolerance=1)
    return retour if retour.statut != "juste" else juste("le FCTVA est bien le taux de l'année appliqué au TTC.")


@BANQUE.exercice("regle-cassee", "La règle que l'aide de la Région fait tomber")
def _regle(reponse: Any) -> Retour:
    choix = ["participation_minimale", "plafond_aides_publiques", "detr_taux", "assiette", "equilibre"]
    cassees = [v.regle for v in _avec_region().verifier().non_respectees()]
    return comparer_choix(reponse, {empreinte(r) for r in cassees}, choix,
                          conseil="relisez les verdicts du plan avec la Région : un seul est « non respectée ».")


@BANQUE.exercice("reduction-region", "La réduction de l'aide de la Région")
def _reduction(reponse: Any) -> Retour:
    plan = _avec_region()
    attendu = plan.verifier()["participation_minimale"].chiffres["ecart"]
    if _nombre(reponse) and abs(reponse - REGION) < 1:
        return faux("vous retirez toute l'aide de la Région.",
                    "la règle demande seulement que la commune atteigne 20 % : cherchez le plus petit retrait.")
    if _nombre(reponse) and abs(reponse - (plan.subventions_publiques - 0.8 * plan.cout_ht)) < 1:
        return faux("vous avez appliqué les 20 % au coût total.",
                    "le mécénat est hors assiette : les 20 % portent sur les seuls financements publics.")
    return comparer_montant(reponse, attendu, tolerance=1)
