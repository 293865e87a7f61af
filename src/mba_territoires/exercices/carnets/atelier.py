"""Les vérifications des ateliers de cas : les livrables que l'apprenant produit à partir de la commande.

Chaque atelier ``notebooks/cas-<slug>.ipynb`` a sa banque ``ccas_<slug>.py``, faite par
:func:`banque_atelier`. L'attendu de chaque livrable est recalculé avec le paquet sur le cas lui-même
(la commande : ses dépenses, ses financeurs, son planning, ses finances) ; l'apprenant, lui, construit
ses objets à la main dans le carnet, et les retours nomment ce qui ne va pas sans donner la réponse.

Les livrables vérifiés :

- ``plan`` : le plan de financement de la commande (chaque dépense et chaque financeur, l'emprunt) ;
- ``part-mo`` : la part du maître d'ouvrage dans les financements publics ;
- ``fctva`` : le FCTVA attendu ;
- ``reste-a-charge`` : ce que paie finalement le maître d'ouvrage (TTC moins les aides et le FCTVA) ;
- ``capacite-apres`` : la capacité de désendettement après le projet ;
- ``procedure`` : la procédure du marché le plus important du planning ;
- ``duree`` : la durée totale du projet ordonnancé, en jours ;
- ``strategie`` : la stratégie de concertation retenue parmi celles de la commande, et sa justification ;
- ``risque`` : un risque ajouté au registre, complet (probabilité, impact, responsable, parade) ;
- ``note`` : la note aux élus, complète, sans consigne restée, dont les chiffres sont ceux du plan.

>>> b = banque_atelier("ecole-jules-ferry")
>>> b.carnet, len(b) >= 5
('cas-ecole-jules-ferry', True)
>>> b["plan"].verifier(...).statut
'vide'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ...saisie import normaliser
from ..mecanisme import Retour, comparer_choix, comparer_montant, comparer_nombre, comparer_taux, faux, juste
from ..progression import Banque

__all__ = ["banque_atelier", "reference"]

_PROCEDURES = ["dispense", "adaptee", "formalisee"]
_SYNONYMES = {"adaptee": ["MAPA", "procédure adaptée", "marché à procédure adaptée"],
              "formalisee": ["procédure formalisée", "appel d'offres", "AO"],
              "dispense": ["sans publicité ni mise en concurrence", "gré à gré"]}


@lru_cache(maxsize=16)
def reference(slug: str) -> dict[str, Any]:
    """Les objets et chiffres de référence d'un cas, calculés par le paquet (l'attendu des livrables)."""
    import mba_territoires as mt

    cas = mt.charger_cas(slug)
    plan = mt.PlanDeFinancement.depuis_cas(cas)
    fctva = plan.fctva()
    section = cas.financement
    duree_emprunt = int(getattr(section, "duree_emprunt", None) or 20)
    situation = mt.SituationFinanciere.depuis_cas(cas)
    emprunt = mt.emprunt_du_plan(plan, duree=duree_emprunt) if plan.emprunt else None
    impact = mt.impact_budgetaire(situation, emprunt, economies_annuelles=float(
        getattr(section, "economies_annuelles", None) or 0))
    planning = mt.Planning.depuis_cas(cas)
    ordo = planning.ordonnancer()
    principal = max(planning.marches, key=lambda m: m.montant_ht) if planning.marches else None
    procedure = None
    if principal is not None:
        lancement = ordo.tache(principal.tache).date_debut if principal.tache else planning.debut
        procedure = mt.procedure_marche(principal.montant_ht, principal.nature, date=lancement).procedure
    mo = plan.autofinancement
    publiques = plan.subventions_publiques
    return {
        "cas": cas, "plan": plan,
        "part_mo": mo / (mo + publiques) if mo + publiques else 0.0,
        "fctva": fctva.montant,
        "reste_a_charge": plan.cout_ttc - publiques - plan.financements_prives - fctva.montant,
        "capacite_apres": impact.apres.capacite_desendettement,
        "marche": principal, "procedure": procedure,
        "duree": ordo.duree_totale,
        "risques": len(mt.RegistreRisques.depuis_cas(cas).risques) if cas.risques else 0,
    }


def _est_plan(objet: Any) -> bool:
    return all(hasattr(objet, a) for a in ("depenses", "financeurs", "cout_ht", "verifier"))


def _verifier_plan(plan: Any, ref: Any) -> Retour:
    if not _est_plan(plan):
        return faux(f"la réponse doit être un plan de financement, pas {type(plan).__name__}.",
                    "construisez-le avec mt.PlanDeFinancement(...), puis ajouter_depense et ajouter_financeur.")
    attendues = {normaliser(d.libelle): d for d in ref.depenses}
    donnees = {normaliser(d.libelle): d for d in plan.depenses}
    for cle, d in attendues.items():
        if cle not in donnees:
            return faux(f"il manque la dépense « {d.libelle} » de la commande.",
                        "reprenez chaque dépense de la commande, avec le même libellé.")
        if abs(donnees[cle].montant_ht - d.montant_ht) > 1:
            return faux(f"le montant HT de « {d.libelle} » n'est pas celui de la commande.",
                        "relisez la commande : les montants y sont hors taxes.")
    en_trop = [d.libelle for k, d in donnees.items() if k not in attendues]
    if en_trop:
        return faux(f"la dépense « {en_trop[0]} » n'est pas dans la commande.", "retirez-la ou relisez la commande.")
    financeurs = {normaliser(f.nom): f for f in plan.financeurs}
    for f in ref.financeurs:
        cle = normaliser(f.nom)
        if cle not in financeurs:
            return faux(f"il manque le financeur « {f.nom} ».", "chaque financeur de la commande a sa ligne.")
        if abs(plan.montant(financeurs[cle].nom) - ref.montant(f.nom)) > 1:
            return faux(f"l'aide de « {f.nom} » n'a pas le montant de la commande.",
                        "vérifiez s'il s'agit d'un taux (de quelle base ?) ou d'un montant.")
        if bool(financeurs[cle].public) != bool(f.public):
            return faux(f"« {f.nom} » n'a pas la bonne nature (publique ou privée).",
                        "le mécénat est privé : il n'entre pas dans l'assiette de la participation minimale.")
    en_trop = [f.nom for k, f in financeurs.items() if k not in {normaliser(x.nom) for x in ref.financeurs}]
    if en_trop:
        return faux(f"le financeur « {en_trop[0]} » n'est pas dans la commande.", "retirez-le.")
    if abs(plan.emprunt - ref.emprunt) > 1:
        return faux("l'emprunt n'est pas celui que la commande envisage.", "utilisez plan.emprunter(montant).")
    return juste("votre plan reprend toute la commande ; lisez maintenant ses verdicts (plan.verifier()).")


def _valeur(objet: Any, nom: str) -> Any:
    """Un attribut ou le résultat d'une méthode sans argument (``note.ecart`` ou ``note.ecart()``)."""
    valeur = getattr(objet, nom, None)
    return valeur() if callable(valeur) else valeur


def _verifier_note(note: Any, ref: dict[str, Any]) -> Retour:
    if not hasattr(note, "a_completer"):
        return faux(f"la réponse doit être une note aux élus, pas {type(note).__name__}.",
                    "construisez-la avec mt.NoteAuxElus.depuis_cas(cas, plan=plan, ...).")
    restes = note.a_completer()
    if restes:
        return faux(f"il reste {len(restes)} rubrique(s) à rédiger : {', '.join(restes)}.",
                    "remplacez chaque consigne « [À compléter : …] » par votre texte.")
    decision = str(getattr(note, "decision_demandee", "") or "")
    if len(decision.split()) < 8:
        return faux("la décision demandée au conseil n'est pas rédigée.",
                    "écrivez ce que le conseil doit voter : approuver le projet et le plan, solliciter les aides.")
    ecart = _valeur(note, "ecart")
    if ecart is not None and abs(ecart) > 1:
        return faux("le total des recettes de la note ne couvre pas le coût : ses chiffres ne sont pas ceux d'un "
                    "plan équilibré.", "construisez la note avec plan=votre_plan.")
    total = _valeur(note, "total_recettes")
    if total is not None and abs(total - ref["plan"].cout_ht) > 1:
        return faux("les chiffres de la note ne sont pas ceux du plan de la commande.",
                    "donnez votre plan vérifié à la note : NoteAuxElus.depuis_cas(cas, plan=plan, ...).")
    return juste("la note est complète, ses chiffres sont ceux de votre plan et elle demande une décision.")


def banque_atelier(slug: str, titre: str | None = None) -> Banque:
    """La banque d'exercices de l'atelier ``cas-<slug>`` : ses livrables vérifiés."""
    banque = Banque(f"cas-{slug}", titre or f"Atelier de cas : {slug}")

    @banque.exercice("plan", "Le plan de financement de la commande", attendu=lambda d: None,
                     regle="le plan reprend chaque dépense HT et chaque financeur de la commande")
    def _plan(reponse: Any) -> Retour:
        return _verifier_plan(reponse, reference(slug)["plan"])

    @banque.exercice("part-mo", "La part du maître d'ouvrage dans les financements publics", unite="taux",
                     regle="CGCT L1111-10 III : autofinancement / (autofinancement + aides publiques)")
    def _part_mo(reponse: Any) -> Retour:
        ref = reference(slug)
        plan = ref["plan"]
        if isinstance(reponse, float) and abs(reponse - plan.autofinancement / plan.cout_ht) < 0.001 and \
                plan.financements_prives:
            return faux("vous avez divisé par le coût total.", "le dénominateur ne compte que les financements "
                        "publics, part du maître d'ouvrage comprise : le privé n'y entre pas.")
        return comparer_taux(reponse, ref["part_mo"], tolerance=0.001)

    @banque.exercice("fctva", "Le FCTVA attendu", unite="euros", regle="taux du FCTVA × dépenses TTC éligibles")
    def _fctva(reponse: Any) -> Retour:
        ref = reference(slug)
        plan = ref["plan"]
        if isinstance(reponse, (int, float)) and ref["fctva"] and \
                abs(reponse - ref["fctva"] / plan.cout_ttc * plan.cout_ht) < 1:
            return faux("vous avez appliqué le taux au montant HT.", "le FCTVA se calcule sur les dépenses TTC.")
        return comparer_montant(reponse, ref["fctva"], tolerance=1)

    @banque.exercice("reste-a-charge", "Ce que paie finalement le maître d'ouvrage", unite="euros",
                     regle="coût TTC − aides publiques − financements privés − FCTVA")
    def _reste(reponse: Any) -> Retour:
        ref = reference(slug)
        plan = ref["plan"]
        if isinstance(reponse, (int, float)) and abs(reponse - plan.autofinancement) < 1 and \
                abs(plan.autofinancement - ref["reste_a_charge"]) > 1:
            return faux("c'est l'autofinancement HT du plan, avant TVA et FCTVA.",
                        "le maître d'ouvrage paie le TTC, puis récupère une partie de la TVA par le FCTVA.")
        if isinstance(reponse, (int, float)) and ref["fctva"] > 1 and \
                abs(reponse - (ref["reste_a_charge"] + ref["fctva"])) < 1:
            return faux("vous n'avez pas déduit le FCTVA.", "le FCTVA revient au maître d'ouvrage, un ou deux ans "
                        "plus tard : il réduit ce qu'il paie finalement.")
        return comparer_montant(reponse, ref["reste_a_charge"], tolerance=1)

    @banque.exercice("capacite-apres", "La capacité de désendettement après le projet", unite="années",
                     regle="encours de la dette / épargne brute, après l'emprunt et les économies du projet")
    def _capacite(reponse: Any) -> Retour:
        attendu = reference(slug)["capacite_apres"]
        if attendu is None:
            return comparer_choix(reponse, "non calculable", ["non calculable"])
        return comparer_nombre(reponse, attendu, unite="années", tolerance=0.05)

    @banque.exercice("procedure", "La procédure du marché principal", unite=None,
                     regle="la valeur estimée HT du besoin, comparée aux seuils en vigueur à la date de lancement")
    def _procedure(reponse: Any) -> Retour:
        return comparer_choix(reponse, reference(slug)["procedure"], _PROCEDURES, synonymes=_SYNONYMES,
                              conseil="comparez la valeur HT du marché aux seuils en vigueur à sa date de lancement.")

    @banque.exercice("duree", "La durée du projet", unite="jours",
                     regle="la durée totale du planning ordonnancé : du premier jour de la première tâche au "
                     "dernier jour de la dernière, les deux comptés")
    def _duree(reponse: Any) -> Retour:
        return comparer_nombre(reponse, reference(slug)["duree"], unite="jours", tolerance=0)

    @banque.exercice("strategie", "La stratégie de concertation retenue et sa justification", attendu=lambda d: None,
                     regle="une stratégie de la commande, justifiée par le public visé, le niveau de participation "
                     "et le coût (grille d'évaluation, critère « Justification des choix »)")
    def _strategie(choix: Any, justification: Any = None) -> Retour:
        import mba_territoires as mt

        noms = list(mt.strategies_depuis_cas(slug))
        retour = comparer_choix(choix, set(noms), noms, conseil="choisissez l'une des stratégies de la commande.")
        if retour.statut != "juste":
            return retour
        mots = len(str(justification or "").split()) if not (justification is ... or justification is None) else 0
        if mots < 25:
            return faux(f"votre justification fait {mots} mot(s) : écrivez trois phrases (25 mots au moins).",
                        "dites le public visé, le niveau de participation (spectre de l'IAP2) et le coût.")
        return juste(f"la stratégie « {choix} » est retenue et justifiée ; l'enseignant note la justification "
                     "avec la grille.")

    @banque.exercice("risque", "Un risque ajouté au registre", attendu=lambda d: None,
                     regle="un risque : intitulé, probabilité et impact de 1 à 5, responsable, parade")
    def _risque(reponse: Any) -> Retour:
        if not hasattr(reponse, "risques"):
            return faux(f"la réponse doit être un registre des risques, pas {type(reponse).__name__}.",
                        "partez du registre du cas et ajoutez votre risque (registre.ajouter(...)).")
        initial = reference(slug)["risques"]
        if len(reponse.risques) <= initial:
            return faux("le registre n'a pas de risque de plus que celui du cas.",
                        "ajoutez le risque que vous avez identifié, avec sa parade.")
        nouveau = reponse.risques[-1]
        for champ, quoi in (("responsable", "un responsable"), ("attenuation", "une parade")):
            if not str(getattr(nouveau, champ, "") or "").strip():
                return faux(f"votre risque « {nouveau.intitule} » n'a pas {quoi}.",
                            "un risque sans responsable ni parade n'est pas piloté.")
        return juste(f"le risque « {nouveau.intitule} » est au registre, avec son responsable et sa parade.")

    @banque.exercice("note", "La note aux élus", attendu=lambda d: None,
                     regle="toutes les rubriques rédigées, les chiffres du plan, une décision demandée")
    def _note(reponse: Any) -> Retour:
        return _verifier_note(reponse, reference(slug))

    return banque
