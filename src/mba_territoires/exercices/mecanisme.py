"""Le moteur des exercices : une vérification renvoie un :class:`Retour` en français.

Trois issues possibles : ``juste``, ``faux`` (avec ce qui ne va pas et un indice, jamais la
solution) et ``vide`` (l'exercice n'a pas encore de réponse : ``reponse = ...``).

Le mode se règle par la variable d'environnement ``MBA_TERRITOIRES_EXERCICES`` :

- absente : on affiche le retour, rien de plus (l'usage de l'apprenant) ;
- ``solutions`` : toute vérification qui n'est pas « juste » lève :class:`ErreurExercice`
  (les tests exécutent l'édition enseignant ainsi : une solution fausse fait échouer la suite) ;
- ``etudiant`` : toute vérification qui n'est pas « vide » lève :class:`ErreurExercice`
  (l'édition étudiant doit s'exécuter sans aucune réponse).

>>> r = comparer_montant(27_500, 27_504.6, tolerance=5)
>>> r.statut
'juste'
>>> comparer_montant(..., 27_504.6).statut
'vide'
>>> print(comparer_montant(275_046, 27_504.6).conseil)
Votre réponse est environ 10 fois trop grande : vérifiez les zéros et l'unité (des euros, pas des centimes).
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from numbers import Real
from typing import Any, Literal

from ..erreurs import ErreurExercice
from ..formats import nombre

__all__ = [
    "MODES",
    "Exercice",
    "Retour",
    "comparer_choix",
    "comparer_montant",
    "comparer_taux",
    "empreinte",
    "est_vide",
    "faux",
    "juste",
    "mode",
    "vide",
]

Statut = Literal["juste", "faux", "vide"]
MODES = ("solutions", "etudiant")
VARIABLE_MODE = "MBA_TERRITOIRES_EXERCICES"


@dataclass(frozen=True)
class Retour:
    """Le retour d'une vérification, affiché sous la cellule de l'apprenant."""

    #: ``juste``, ``faux`` ou ``vide`` (pas encore de réponse).
    statut: Statut
    #: Ce qui est juste ou ce qui ne va pas, en une ou deux phrases.
    message: str
    #: Un indice pour avancer, sans donner la solution.
    conseil: str = ""
    #: Identifiant de l'exercice vérifié (rempli par :class:`Exercice`).
    exercice: str = ""
    #: Titre de l'exercice (rempli par :class:`Exercice`).
    titre: str = ""

    @property
    def reussi(self) -> bool:
        """Vrai si la réponse est juste."""
        return self.statut == "juste"

    def __str__(self) -> str:
        tete = {"juste": "✔ Bravo", "faux": "✘ Pas encore", "vide": "… Pas encore de réponse"}[self.statut]
        titre = f" — {self.titre}" if self.titre else ""
        texte = f"{tete}{titre} : {self.message}"
        if self.conseil:
            texte += f"\nIndice : {self.conseil}"
        return texte

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        couleur = {"juste": "#1b7837", "faux": "#b2182b", "vide": "#5a5a5a"}[self.statut]
        tete = {"juste": "✔ Bravo", "faux": "✘ Pas encore", "vide": "… Pas encore de réponse"}[self.statut]
        titre = f" — {escape(self.titre)}" if self.titre else ""
        conseil = f"<br><strong>Indice :</strong> {escape(self.conseil)}" if self.conseil else ""
        role = "status" if self.statut != "faux" else "alert"
        return (f'<div role="{role}" class="mba-retour mba-retour-{self.statut}" '
                f'style="border-left:4px solid {couleur};padding:0.4em 0.8em;margin:0.3em 0;">'
                f"<strong style='color:{couleur}'>{tete}</strong>{titre} : {escape(self.message)}{conseil}</div>")


def juste(message: str = "c'est la bonne réponse.") -> Retour:
    """Un retour « juste »."""
    return Retour("juste", message)


def faux(message: str, conseil: str = "") -> Retour:
    """Un retour « faux » : ce qui ne va pas et un indice."""
    return Retour("faux", message, conseil)


def vide(message: str = "remplacez les « ... » par votre réponse, puis exécutez à nouveau la cellule.") -> Retour:
    """Un retour « pas encore de réponse »."""
    return Retour("vide", message)


def est_vide(reponse: Any) -> bool:
    """Vrai si l'apprenant n'a pas encore répondu (``...``, ``None`` ou texte vide).

    >>> est_vide(...), est_vide(None), est_vide("  "), est_vide(0)
    (True, True, True, False)
    """
    if reponse is ... or reponse is None:
        return True
    return isinstance(reponse, str) and not reponse.strip()


def empreinte(valeur: Any) -> str:
    """L'empreinte d'une réponse attendue (pour comparer sans l'écrire en clair).

    Les textes sont mis en minuscules et débarrassés des espaces autour.

    >>> empreinte(" DETR ") == empreinte("detr")
    True
    """
    texte = str(valeur).strip().lower() if isinstance(valeur, str) else repr(valeur)
    return hashlib.sha256(texte.encode("utf-8")).hexdigest()[:16]


def _nombre(reponse: Any) -> float | None:
    if isinstance(reponse, bool) or not isinstance(reponse, Real):
        return None
    v = float(reponse)
    return None if math.isnan(v) else v


def comparer_montant(reponse: Any, attendu: float, tolerance: float = 1.0,
                     tolerance_relative: float = 0.0, unite: str = "€") -> Retour:
    """Compare un montant, à ``tolerance`` euros près (ou à une part ``tolerance_relative`` près).

    Les indices visent les erreurs typiques : signe, facteur 10, 100 ou 1 000, TTC au lieu de HT.
    """
    if est_vide(reponse):
        return vide()
    v = _nombre(reponse)
    if v is None:
        return faux(f"la réponse doit être un nombre, pas {type(reponse).__name__} ({reponse!r}).",
                    "écrivez un nombre sans guillemets ni symbole €, par exemple 27500.")
    ecart_admis = max(tolerance, abs(attendu) * tolerance_relative)
    if abs(v - attendu) <= ecart_admis:
        return juste()
    if attendu and v and math.copysign(1, v) != math.copysign(1, attendu):
        return faux("le signe de votre réponse n'est pas le bon.",
                    "une dépense, une recette ou un besoin se compte ici en positif.")
    if attendu:
        rapport = v / attendu
        for facteur in (10, 100, 1000):
            if abs(rapport - facteur) / facteur < 0.05:
                return faux("l'ordre de grandeur n'est pas le bon.",
                            f"Votre réponse est environ {nombre(facteur)} fois trop grande : vérifiez les zéros et "
                            "l'unité (des euros, pas des centimes).")
            if abs(1 / rapport - facteur) / facteur < 0.05 if rapport else False:
                return faux("l'ordre de grandeur n'est pas le bon.",
                            f"Votre réponse est environ {nombre(facteur)} fois trop petite : vérifiez les zéros et "
                            "l'unité (des euros, pas des milliers d'euros).")
        if abs(rapport - 1.2) < 0.01:
            return faux("votre réponse est trop grande d'environ 20 %.",
                        "avez-vous compté la TVA ? Relisez si l'assiette est HT ou TTC.")
        if abs(rapport - 1 / 1.2) < 0.01:
            return faux("votre réponse est trop petite d'environ un sixième.",
                        "avez-vous oublié la TVA ? Relisez si l'assiette est HT ou TTC.")
        sens = "trop grande" if v > attendu else "trop petite"
        ecart = abs(rapport - 1)
        if ecart < 0.1:
            return faux(f"vous êtes proche, mais votre réponse est un peu {sens} (moins de 10 % d'écart).",
                        "vérifiez les arrondis et qu'aucune ligne n'a été oubliée ou comptée deux fois.")
        return faux(f"votre réponse est {sens}.",
                    "reprenez le calcul pas à pas et comparez chaque étape à la règle citée plus haut.")
    return faux("ce n'est pas la bonne réponse.", "reprenez le calcul pas à pas.")


def comparer_taux(reponse: Any, attendu: float, tolerance: float = 0.001) -> Retour:
    """Compare un taux écrit en décimales (0.30 pour 30 %), à ``tolerance`` près.

    >>> print(comparer_taux(30, 0.30).conseil)
    un taux s'écrit en décimales ici : 30 % s'écrit 0.30.
    """
    if est_vide(reponse):
        return vide()
    v = _nombre(reponse)
    if v is None:
        return faux(f"la réponse doit être un nombre, pas {reponse!r}.", "écrivez par exemple 0.25 pour 25 %.")
    if abs(v - attendu) <= tolerance:
        return juste()
    if attendu and abs(v / 100 - attendu) <= tolerance:
        return faux("le taux est écrit en pourcentage.", "un taux s'écrit en décimales ici : 30 % s'écrit 0.30.")
    if v > 1:
        return faux("un taux supérieur à 1 voudrait dire plus de 100 %.",
                    "écrivez le taux en décimales, entre 0 et 1.")
    sens = "trop élevé" if v > attendu else "trop faible"
    return faux(f"votre taux est {sens}.", "vérifiez le numérateur et le dénominateur de la part calculée.")


def comparer_choix(reponse: Any, attendu_empreinte: str | set[str], choix: list[str] | None = None,
                   conseil: str = "relisez la règle citée plus haut.") -> Retour:
    """Compare une réponse à choisir dans une liste, via l'empreinte de la bonne réponse.

    ``attendu_empreinte`` : :func:`empreinte` de la bonne réponse (ou un ensemble d'empreintes admises).

    >>> comparer_choix("N+2", empreinte("n+2"), ["N", "N+1", "N+2"]).statut
    'juste'
    >>> print(comparer_choix("N+3", empreinte("n+2"), ["N", "N+1", "N+2"]).message)
    « N+3 » ne fait pas partie des choix possibles : N, N+1, N+2.
    """
    if est_vide(reponse):
        return vide()
    admis = {attendu_empreinte} if isinstance(attendu_empreinte, str) else set(attendu_empreinte)
    if choix is not None and str(reponse).strip().lower() not in {c.lower() for c in choix}:
        return faux(f"« {reponse} » ne fait pas partie des choix possibles : {', '.join(choix)}.",
                    "recopiez l'un des choix proposés, entre guillemets.")
    if empreinte(reponse) in admis:
        return juste()
    return faux(f"« {reponse} » n'est pas la bonne réponse.", conseil)


def mode() -> str | None:
    """Le mode de vérification en cours (``solutions``, ``etudiant`` ou ``None``)."""
    valeur = os.environ.get(VARIABLE_MODE, "").strip().lower() or None
    return valeur if valeur in MODES else None


@dataclass
class Exercice:
    """Un exercice : un identifiant, un titre et sa fonction de vérification."""

    #: Identifiant court, unique dans le carnet (``"fctva"``).
    ident: str
    #: Titre lisible (« Le FCTVA attendu »).
    titre: str
    #: La fonction qui reçoit la réponse et renvoie un :class:`Retour`.
    verification: Callable[..., Retour] = field(repr=False)

    def verifier(self, *reponses: Any, **options: Any) -> Retour:
        """Vérifie la réponse ; en mode test, lève :class:`ErreurExercice` si l'issue n'est pas celle attendue."""
        if all(est_vide(r) for r in reponses) and reponses:
            retour = vide()
        else:
            try:
                retour = self.verification(*reponses, **options)
            except ErreurExercice:
                raise
            except ValueError as exc:  # une saisie invalide dans la réponse : on l'explique, sans trace
                retour = faux(f"la réponse n'a pas pu être vérifiée : {exc}",
                              "corrigez la saisie signalée, puis exécutez à nouveau la cellule.")
        retour = Retour(retour.statut, retour.message, retour.conseil, self.ident, self.titre)
        courant = mode()
        if courant == "solutions" and retour.statut != "juste":
            raise ErreurExercice(f"exercice « {self.ident} » : la solution ne passe pas ({retour.statut}) : "
                                 f"{retour.message}", conseil=retour.conseil or None)
        if courant == "etudiant" and retour.statut != "vide":
            raise ErreurExercice(f"exercice « {self.ident} » : l'édition étudiant contient une réponse "
                                 f"({retour.statut})", conseil="une solution a fuité dans l'édition étudiant")
        return retour
