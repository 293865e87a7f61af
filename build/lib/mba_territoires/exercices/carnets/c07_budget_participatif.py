"""Vérifications du carnet 07 — Conduire un budget participatif.

L'exemple de la leçon (le budget participatif vélo du Val de Lisière) est le même pour tous ; les
exercices portent sur « votre budget participatif » : cinq projets, une enveloppe et des bulletins
d'approbation tirés de l'identifiant de l'apprenant, et un vote au jugement majoritaire sur trois tracés
(variante du livre : projets de 42 000, 18 000, 27 000, 35 000 et 12 000 €, enveloppe de 80 000 €).
Chaque vérification calcule la variante avec le paquet (``BudgetParticipatif``, ``jugement_majoritaire``).

>>> livre = BANQUE.variante(None)
>>> BANQUE["depense-glouton"].verifier(livre["enveloppe"], donnees=livre).message
"c'est l'enveloppe, pas la dépense."
"""

from __future__ import annotations

from typing import Any

from ...participation import MENTIONS_JM, BudgetParticipatif, ProjetBP, jugement_majoritaire
from ..mecanisme import Retour, comparer_choix, comparer_montant, comparer_taux, faux
from ..progression import Banque
from ..variantes import Tirage

BANQUE = Banque("07-budget-participatif", "Conduire un budget participatif")

TITRES = ["Abri vélos sécurisé à la gare", "Arceaux devant les écoles", "Atelier de réparation partagé",
          "Jalonnement des itinéraires", "Station de gonflage"]
#: Les bulletins types (projets approuvés) et le secteur de leurs votants.
TYPES_BULLETINS = [(["P1"], "Bourg"), (["P1", "P2"], "Bourg"), (["P3", "P4"], "Hameaux"), (["P4", "P5"], "Hameaux"),
                   (["P2", "P5"], "Bourg"), (["P3"], "Hameaux")]
TRACES = ["A", "B", "C"]


@BANQUE.donnees
def _donnees(t: Tirage) -> dict[str, Any]:
    """Les chiffres de « votre budget participatif » ; l'ordre des tirages est figé."""
    couts = [t.montant(10_000, 60_000, arrondi=1_000, livre=v) for v in (42_000, 18_000, 27_000, 35_000, 12_000)]
    enveloppe = t.montant(0.45 * sum(couts), 0.65 * sum(couts), arrondi=5_000, livre=80_000)
    enveloppe = max(enveloppe, max(couts))
    effectifs = [t.entier(4, 40, livre=v) for v in (22, 9, 14, 11, 6, 8)]
    mentions = {lettre: [t.entier(0, 12, livre=v) for v in livre_mentions]
                for lettre, livre_mentions in zip(TRACES, ([2, 3, 4, 6, 5, 2], [4, 1, 2, 3, 4, 8], [1, 2, 3, 5, 9, 2]),
                                                  strict=True)}
    for lettre in TRACES:  # chaque tracé reçoit au moins une mention
        if not sum(mentions[lettre]):
            mentions[lettre][2] = 1
    option = t.choix(TRACES, livre="B")
    projets = [{"projet": f"P{i}", "titre": TITRES[i - 1], "cout": c} for i, c in enumerate(couts, start=1)]
    return {"projets": projets, "enveloppe": enveloppe, "effectifs": effectifs,
            "bulletins": [{"vote": ",".join(ids), "secteur": s, "votants": n}
                          for (ids, s), n in zip(TYPES_BULLETINS, effectifs, strict=True)],
            "mentions": {f"Tracé {k}": dict(zip(MENTIONS_JM, v, strict=True)) for k, v in mentions.items()},
            "option": f"Tracé {option}", "liste_projets": "; ".join(f"P{i} {c:,} €".replace(",", "\u202f")
                                                                      for i, c in enumerate(couts, start=1)),
            "votants": sum(effectifs)}


def budget_de_la_variante(d: Any) -> BudgetParticipatif:
    """Le budget participatif de la variante (un bulletin par votant), construit avec le paquet.

    >>> budget_de_la_variante(BANQUE.variante(None)).enveloppe
    80000.0
    """
    # écrit indépendamment de depuis_tableaux (que l'apprenant emploie) : un bulletin par votant
    projets = [ProjetBP(p["projet"], p["titre"], p["cout"]) for p in d["projets"]]
    bulletins, metas = [], []
    for b in d["bulletins"]:
        for _ in range(b["votants"]):
            bulletins.append(b["vote"])
            metas.append({"secteur": b["secteur"]})
    return BudgetParticipatif(projets, d["enveloppe"], bulletins, nom="Votre budget participatif", meta_votants=metas)


def _nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


ENONCE_BP = ("Votre budget participatif : enveloppe de {enveloppe:euros} ; projets {liste_projets} ; {votants} votants "
             "(leurs bulletins sont dans ex.donnees[\"bulletins\"], une ligne par bulletin type avec son nombre "
             "de votants).")


@BANQUE.exercice("depense-glouton", "L'argent dépensé par la règle gloutonne", unite="euros",
                 enonce=ENONCE_BP + " Combien d'euros la règle gloutonne dépense-t-elle ?",
                 regle="classer par voix, financer dans l'ordre, sauter un projet trop cher pour le reste et continuer")
def _depense(reponse: Any, d: Any) -> Retour:
    bp = budget_de_la_variante(d)
    attendu = bp.glouton().cout_total
    if _nombre(reponse) and abs(reponse - attendu) > 1:
        if abs(reponse - bp.enveloppe) < 1:
            return faux("c'est l'enveloppe, pas la dépense.",
                        "la règle saute les projets trop chers pour le reste : additionnez les coûts des projets "
                        "retenus.")
        ordre = list(bp.voix()["projet"])
        reste, arret = bp.enveloppe, 0.0
        for i in ordre:  # l'erreur courante : s'arrêter au premier projet qui ne passe pas
            if bp.projets[i].cout > reste:
                break
            reste -= bp.projets[i].cout
            arret += bp.projets[i].cout
        if abs(reponse - arret) < 1 and arret != attendu:
            return faux("vous vous êtes arrêté au premier projet trop cher.",
                        "la règle gloutonne le saute et essaie les projets suivants, moins soutenus mais moins chers.")
    return comparer_montant(reponse, attendu, tolerance=1)


@BANQUE.exercice("reste-parts-egales", "L'argent que la méthode des parts égales laisse sans emploi", unite="euros",
                 enonce=ENONCE_BP + " Avec la méthode des parts égales **sans complément**, combien d'euros de "
                 "l'enveloppe restent non dépensés ?",
                 regle="chaque votant reçoit enveloppe ÷ nombre de votants ; un projet n'est financé que si ses "
                 "partisans peuvent le payer avec leurs parts")
def _reste(reponse: Any, d: Any) -> Retour:
    bp = budget_de_la_variante(d)
    attendu = bp.parts_egales(completer=False).reste
    if _nombre(reponse) and abs(reponse - attendu) > 1:
        if abs(reponse - bp.parts_egales().reste) < 1:
            return faux("c'est le reste après le complément glouton.",
                        "calculez sans complément : bp.parts_egales(completer=False).")
        if abs(reponse - bp.parts_egales(completer=False).cout_total) < 1:
            return faux("c'est l'argent dépensé, pas celui qui reste.", "retranchez la dépense de l'enveloppe.")
    return comparer_montant(reponse, attendu, tolerance=1)


@BANQUE.exercice("satisfaits-parts-egales", "La part de votants satisfaits avec les parts égales", unite="taux",
                 enonce=ENONCE_BP + " Avec la méthode des parts égales complétée par le glouton, quelle part des "
                 "votants voit au moins un projet qu'ils ont choisi retenu ? (Un taux en décimales.)",
                 regle="votants dont au moins un projet approuvé est retenu ÷ nombre de votants")
def _satisfaits(reponse: Any, d: Any) -> Retour:
    bp = budget_de_la_variante(d)
    attendu = bp.parts_egales().part_votants_satisfaits
    glouton = bp.glouton().part_votants_satisfaits
    if _nombre(reponse) and abs(reponse - attendu) > 0.002 and abs(reponse - glouton) < 0.002:
        return faux("c'est la part obtenue avec la règle gloutonne.", "recommencez avec bp.parts_egales().")
    return comparer_taux(reponse, attendu, tolerance=0.002)


def _jugement(d: Any) -> Any:
    return jugement_majoritaire(d["mentions"])


@BANQUE.exercice("trace-gagnant", "Le tracé classé premier au jugement majoritaire",
                 enonce=lambda d: ("Trois tracés ont reçu ces mentions (nombre de votants par mention, de "
                                   "« À rejeter » à « Très bien ») : " + " ; ".join(
                                       f"{o} : " + ", ".join(str(n) for n in m.values())
                                       for o, m in d["mentions"].items())
                                   + ". Quel tracé le jugement majoritaire classe-t-il premier ? (Sa lettre.)"),
                 regle="le premier est celui dont la mention médiane est la meilleure ; à égalité, on retire une à "
                 "une les mentions médianes")
def _trace(reponse: Any, d: Any) -> Retour:
    premier = _jugement(d).classement()[0].replace("Tracé", "").strip()
    plus_de_tres_bien = max(d["mentions"], key=lambda o: d["mentions"][o]["Très bien"]).replace("Tracé", "").strip()
    if isinstance(reponse, str) and reponse.strip().upper() == plus_de_tres_bien != premier:
        return faux("c'est le tracé qui a le plus de « Très bien ».",
                    "le jugement majoritaire regarde la mention médiane de chaque tracé, pas ses meilleures notes.")
    return comparer_choix(reponse, premier, TRACES, conseil="comparez les mentions médianes des trois tracés.",
                          synonymes={k: [f"Tracé {k}", f"trace {k}"] for k in TRACES})


@BANQUE.exercice("mention-option", "La mention majoritaire d'un tracé",
                 enonce=lambda d: (f"Avec les mêmes mentions, quelle est la mention majoritaire du {d['option']} ?"),
                 regle="la mention majoritaire est la médiane (la médiane inférieure si le nombre de votants est pair)")
def _mention(reponse: Any, d: Any) -> Retour:
    t = _jugement(d).tableau().set_index("option")
    attendu = t.loc[d["option"], "mention majoritaire"]
    return comparer_choix(reponse, attendu, list(MENTIONS_JM),
                          conseil="rangez les votes de la moins bonne à la meilleure mention et prenez celui du "
                          "milieu.")
