"""Vérifications du carnet 06 — Stratégies de concertation."""

from __future__ import annotations

from numbers import Real
from typing import Any

from ..mecanisme import Retour, comparer_montant, comparer_taux, faux, juste
from ..progression import Banque

BANQUE = Banque("06-strategies-de-concertation", "Concevoir et comparer des stratégies de concertation")


def _cas() -> Any:
    from ...cas import charger

    return charger("reseau-cyclable")


def _comparer_indice(reponse: Any, attendu: float, tolerance: float = 0.01) -> Retour:
    if isinstance(reponse, bool) or not isinstance(reponse, Real):
        return faux(f"la réponse doit être un nombre, pas {reponse!r}.", "écrivez par exemple 0.85.")
    if abs(float(reponse) - attendu) <= tolerance:
        return juste()
    if abs(float(reponse) / 100 - attendu) <= tolerance:
        return faux("un indice n'est pas un pourcentage.", "l'indice vaut 1 quand le groupe est à sa juste place.")
    if float(reponse) > 0 and abs(1 / float(reponse) - attendu) <= tolerance:
        return faux("le rapport est inversé.", "l'indice est la part parmi les participants divisée par la part "
                    "dans la population.")
    sens = "trop élevé" if float(reponse) > attendu else "trop faible"
    return faux(f"votre indice est {sens}.", "lisez la ligne du groupe dans le tableau de représentativité.")


@BANQUE.exercice("cout-classique", "Le coût de la stratégie « Classique »")
def _cout(reponse: Any) -> Retour:
    from ...concertation import modele_du_cas, strategies_du_cas

    c = _cas()
    attendu = modele_du_cas(c).evaluer(strategies_du_cas(c)["Classique"]).cout_total
    return comparer_montant(reponse, attendu, tolerance=1)


@BANQUE.exercice("indice-aines", "L'indice des 75 ans ou plus dans la stratégie « Aller vers »")
def _indice(reponse: Any) -> Retour:
    from ...concertation import modele_du_cas, strategies_du_cas

    c = _cas()
    attendu = float(modele_du_cas(c).evaluer(strategies_du_cas(c)["Aller vers"]).indices("age")["75 ans ou plus"])
    return _comparer_indice(reponse, attendu)


@BANQUE.exercice("poids-cadres", "Le poids de redressement des cadres")
def _poids(reponse: Any) -> Retour:
    from ...participation import Representativite

    c = _cas()
    rep = Representativite(c.donnees("repondants"), c.donnees("population"), exclure=["0-14 ans"])
    attendu = 1 / float(rep.indices("csp")["Cadres et professions intellectuelles supérieures"])
    retour = _comparer_indice(reponse, attendu)
    if retour.statut == "faux" and isinstance(reponse, Real) and abs(float(reponse) - 1 / attendu) <= 0.01:
        return faux("vous avez donné l'indice, pas le poids.",
                    "le poids corrige l'indice : part dans la population / part parmi les répondants.")
    return retour


@BANQUE.exercice("avis-redresse", "La part d'avis favorables après redressement")
def _avis(reponse: Any) -> Retour:
    from ...participation import Representativite

    c = _cas()
    rep = Representativite(c.donnees("repondants"), c.donnees("population"), exclure=["0-14 ans"])
    t = rep.ponderer("avis_projet")
    attendu = float(t.loc["favorable", "redressé"])
    if isinstance(reponse, Real) and not isinstance(reponse, bool) and \
            abs(float(reponse) - float(t.loc["favorable", "brut"])) < 0.001:
        return faux("c'est la part brute, avant redressement.",
                    "utilisez la colonne « redressé » (calage sur l'âge, le sexe et la CSP).")
    return comparer_taux(reponse, attendu, tolerance=0.002)
