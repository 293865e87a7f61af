"""Vérifications du carnet 06 — Concevoir et comparer des stratégies de concertation.

L'exemple de la leçon (les trois stratégies et le questionnaire de 2024 du Val de Lisière) est le même
pour tous ; les exercices portent sur « votre stratégie » (des séances de réunion publique, d'atelier et
d'« aller vers » ciblé sur les 15-29 ans, en nombres tirés de l'identifiant de l'apprenant) et sur « votre
questionnaire » (des répondants par tranche d'âge et leurs avis, comparés à la population). Variante du
livre : 2 réunions, 3 ateliers, 2 démarches d'aller vers ; 120, 260 et 220 répondants pour une population
de 5 200, 9 800 et 6 000 habitants.

>>> livre = BANQUE.variante(None)
>>> BANQUE["effectif-redresse-jeunes"].verifier(120, donnees=livre).message
"c'est le nombre brut de répondants, sans redressement."
"""

from __future__ import annotations

from typing import Any

from ...concertation import Action, ModeleConcertation, Strategie
from ...participation import Representativite
from ..mecanisme import Retour, comparer_montant, comparer_nombre, faux
from ..progression import Banque
from ..variantes import Tirage

BANQUE = Banque("06-strategies-de-concertation", "Concevoir et comparer des stratégies de concertation")

GROUPES = ["15-29 ans", "30-59 ans", "60 ans ou plus"]


@BANQUE.donnees
def _donnees(t: Tirage) -> dict[str, Any]:
    """Les chiffres de « votre stratégie » et de « votre questionnaire » ; l'ordre des tirages est figé."""
    reunions = t.entier(1, 4, livre=2)
    ateliers = t.entier(1, 5, livre=3)
    aller_vers = t.entier(1, 4, livre=2)
    population = [t.montant(3_000, 9_000, arrondi=100, livre=v) for v in (5_200, 9_800, 6_000)]
    repondants = [t.entier(40, 320, livre=v) for v in (120, 260, 220)]
    parts_favorables = [t.taux(0.30, 0.85, pas=0.05, livre=v) for v in (0.75, 0.55, 0.40)]
    favorables = [round(n * f) for n, f in zip(repondants, parts_favorables, strict=True)]
    return {
        "reunions": reunions, "ateliers": ateliers, "aller_vers": aller_vers,
        "population": [{"dimension": "age", "groupe": g, "effectif": e} for g, e in zip(GROUPES, population,
                                                                                        strict=True)],
        "repondants": [{"age": g, "avis": "favorable" if k < f else "défavorable"}
                       for g, n, f in zip(GROUPES, repondants, favorables, strict=True) for k in range(n)],
        "effectifs": dict(zip(GROUPES, population, strict=True)),
        "nombres": dict(zip(GROUPES, repondants, strict=True)),
        "favorables": dict(zip(GROUPES, favorables, strict=True)),
    }


def strategie_de_la_variante(d: Any) -> Strategie:
    """Votre stratégie : réunions publiques en mars, ateliers en avril, aller vers les 15-29 ans en mai 2026.

    >>> len(strategie_de_la_variante(BANQUE.variante(None)).actions)
    3
    """
    return Strategie("Votre stratégie", [Action("reunion_publique", "2026-03-10", seances=d["reunions"]),
                                         Action("atelier", "2026-04-07", seances=d["ateliers"]),
                                         Action("aller_vers", "2026-05-05", seances=d["aller_vers"],
                                                cible="15-29 ans")])


def _modele() -> ModeleConcertation:
    return ModeleConcertation.depuis_cas("reseau-cyclable")


def _nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


ENONCE_STRATEGIE = ("Votre stratégie, sur le modèle du Val de Lisière : {reunions} réunion(s) publique(s), {ateliers} "
                    "atelier(s) et {aller_vers} démarche(s) d'« aller vers » ciblées sur les 15-29 ans.")


@BANQUE.exercice("cout-strategie", "Le coût de votre stratégie", unite="euros",
                 enonce=ENONCE_STRATEGIE + " Combien coûte-t-elle, en euros TTC ?",
                 regle="coût d'une action = coût fixe + séances × coût par séance, majoré du surcoût de ciblage si "
                 "l'action cible un groupe (modele.hypotheses() et modele.generales)")
def _cout(reponse: Any, d: Any) -> Retour:
    m = _modele()
    s = strategie_de_la_variante(d)
    attendu = m.evaluer(s).cout_total
    if _nombre(reponse) and abs(reponse - attendu) > 1:
        sans_majoration = sum(m.format(a.format).cout_fixe + a.seances * m.format(a.format).cout_par_seance
                              for a in s.actions)
        if abs(reponse - sans_majoration) < 1:
            return faux("vous avez oublié le surcoût du ciblage de l'« aller vers ».",
                        "une action qui cible un groupe coûte plus cher par séance (modele.generales).")
        une_seance = sum(m.cout(Action(a.format, a.date, 1, a.cible)) for a in s.actions)
        if abs(reponse - une_seance) < 1:
            return faux("vous avez compté une seule séance par action.", "multipliez par le nombre de séances.")
    return comparer_montant(reponse, attendu, tolerance=1)


@BANQUE.exercice("participations-jeunes", "Les participations attendues des 15-29 ans", unite="participations",
                 enonce=ENONCE_STRATEGIE + " Combien de participations de 15-29 ans le modèle attend-il en tout "
                 "(scénario central, à 0,5 près) ?",
                 regle="participations d'un groupe = Σ séances × portée × part du groupe parmi les participants du "
                 "format (ciblage compris)")
def _participations(reponse: Any, d: Any) -> Retour:
    r = _modele().evaluer(strategie_de_la_variante(d))
    t = r.representativite.set_index(["dimension", "groupe"])
    attendu = float(t.loc[("age", "15-29 ans"), "participants"])
    if _nombre(reponse) and abs(reponse - attendu) > 0.5:
        if abs(reponse - r.participants_total) < 0.5:
            return faux("c'est le total des participations, tous âges confondus.",
                        "ne gardez que la ligne des 15-29 ans du tableau de représentativité.")
        sans_cible = _modele().evaluer(Strategie("Sans ciblage", [Action(a.format, a.date, a.seances)
                                                                  for a in strategie_de_la_variante(d).actions]))
        t0 = sans_cible.representativite.set_index(["dimension", "groupe"])
        if abs(reponse - float(t0.loc[("age", "15-29 ans"), "participants"])) < 0.5:
            return faux("vous avez oublié le ciblage de l'« aller vers » sur les 15-29 ans.",
                        "ajoutez cible=\"15-29 ans\" à l'action d'aller vers.")
    return comparer_nombre(reponse, attendu, unite="participations", tolerance=0.5)


ENONCE_QUESTIONNAIRE = ("Votre questionnaire (données : ex.donnees.repondants et ex.donnees.population) : {n_jeunes} "
                        "répondants de 15-29 ans, {n_adultes} de 30-59 ans et {n_aines} de 60 ans ou plus, pour une "
                        "population de {e_jeunes:habitants}, {e_adultes:habitants} et {e_aines:habitants}.")


def _questionnaire(d: Any) -> Representativite:
    return Representativite(d["repondants"], d["population"])


def _enonce(modele: str) -> Any:
    def enonce(d: Any) -> str:
        from ..variantes import Donnees, formater_enonce

        valeurs = dict(d)
        for cle, g in (("jeunes", "15-29 ans"), ("adultes", "30-59 ans"), ("aines", "60 ans ou plus")):
            valeurs[f"n_{cle}"] = d["nombres"][g]
            valeurs[f"e_{cle}"] = d["effectifs"][g]
            valeurs[f"f_{cle}"] = d["favorables"][g]
        return formater_enonce(ENONCE_QUESTIONNAIRE + modele, Donnees(valeurs))

    return enonce


@BANQUE.exercice("effectif-redresse-jeunes", "Le poids des 15-29 ans après redressement", unite="répondants",
                 enonce=_enonce(" Après redressement sur l'âge, combien de répondants « équivalents » les 15-29 ans "
                                "pèsent-ils, c'est-à-dire la somme de leurs poids (à 0,1 près) ?"),
                 regle="poids d'un répondant = part de son groupe dans la population ÷ part parmi les répondants ; "
                 "somme des poids du groupe = nombre de répondants × part du groupe dans la population")
def _effectif(reponse: Any, d: Any) -> Retour:
    q = _questionnaire(d)
    poids = q.poids("age")
    attendu = float(poids[q.repondants["age"] == "15-29 ans"].sum())
    if _nombre(reponse) and abs(reponse - attendu) > 0.1:
        un_poids = float(poids[q.repondants["age"] == "15-29 ans"].iloc[0])
        if abs(reponse - un_poids) < 0.001:
            return faux("c'est le poids d'un seul répondant.", "additionnez les poids de tous les répondants de "
                        "15-29 ans (ou multipliez ce poids par leur nombre).")
        if abs(reponse - d["nombres"]["15-29 ans"]) < 0.1:
            return faux("c'est le nombre brut de répondants, sans redressement.",
                        "pondérez chaque répondant par le poids de son groupe.")
        n, pop = sum(d["nombres"].values()), sum(d["effectifs"].values())
        inverse = d["nombres"]["15-29 ans"] * (d["nombres"]["15-29 ans"] / n) / (d["effectifs"]["15-29 ans"] / pop)
        if abs(reponse - inverse) < 0.1:
            return faux("le poids est inversé.", "le poids est part dans la population ÷ part parmi les répondants.")
    return comparer_nombre(reponse, attendu, unite="répondants", tolerance=0.1)


@BANQUE.exercice("favorables-redresses", "Les habitants favorables, après redressement", unite="habitants",
                 enonce=_enonce(" Les répondants favorables au projet sont {f_jeunes}, {f_adultes} et {f_aines}. Après "
                                "redressement sur l'âge, combien d'habitants de ces trois tranches seraient favorables "
                                "(à 1 près) ?"),
                 regle="part redressée = Σ (part du groupe dans la population × part de favorables dans le groupe) ; "
                 "habitants favorables = part redressée × population")
def _favorables(reponse: Any, d: Any) -> Retour:
    q = _questionnaire(d)
    population = sum(d["effectifs"].values())
    part = float(q.ponderer("avis", "age").loc["favorable", "redressé"])
    attendu = part * population
    brut = sum(d["favorables"].values()) / sum(d["nombres"].values())
    if _nombre(reponse) and abs(reponse - attendu) > 1:
        if abs(reponse - brut * population) < 1:
            return faux("vous avez appliqué la part brute, sans redressement.",
                        "pondérez chaque répondant par le poids de son groupe (ou : part de chaque groupe dans la "
                        "population × part de favorables dans ce groupe, additionnées).")
        if abs(reponse - part) < 0.001:
            return faux("c'est la part redressée ; l'énoncé demande des habitants.",
                        "multipliez la part par la population des trois tranches.")
    return comparer_nombre(reponse, attendu, unite="habitants", tolerance=1)
