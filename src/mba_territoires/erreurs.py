"""Les erreurs du paquet, en français, avec un conseil pour corriger.

Toutes dérivent de :class:`ErreurSaisie`, elle-même une :class:`ValueError` :
un apprenant qui écrit ``except ValueError`` les attrape toutes, et un
carnet affiche un message lisible plutôt qu'une trace interne de pandas.

>>> try:
...     raise ErreurMontant("le montant de la ligne « Travaux » est négatif (-5 000 €)",
...                         conseil="saisissez un montant positif, en euros HT")
... except ValueError as e:
...     print(e)
le montant de la ligne « Travaux » est négatif (-5 000 €).
Conseil : saisissez un montant positif, en euros HT.

Dans un carnet Jupyter, une erreur du paquet s'affiche en quelques lignes (son message et son
conseil), sans la trace Python qui les précède d'ordinaire : IPython appelle la méthode
``_render_traceback_`` de l'exception. Pour un développeur qui veut la trace complète :
``mt.traces_completes(True)`` dans le carnet, ou la variable d'environnement
``MBA_TERRITOIRES_TRACES=1`` avant de lancer Jupyter.

>>> ErreurTaux("le taux vaut 30", conseil="30 % s'écrit 0.30")._rendu_court(couleur=False)
['Saisie à corriger (ErreurTaux) : le taux vaut 30.', "Conseil : 30 % s'écrit 0.30."]
"""

from __future__ import annotations

import os
from collections.abc import Callable

__all__ = [
    "ErreurCas",
    "ErreurChoix",
    "ErreurDate",
    "ErreurDonnees",
    "ErreurExercice",
    "ErreurMontant",
    "ErreurParametre",
    "ErreurRegle",
    "ErreurSaisie",
    "ErreurTaux",
    "traces_completes",
]

#: La variable d'environnement qui rétablit la trace Python complète (``MBA_TERRITOIRES_TRACES=1``).
VARIABLE_TRACES = "MBA_TERRITOIRES_TRACES"
# Le choix fait par traces_completes() ; None : on suit la variable d'environnement.
_traces: bool | None = None


def traces_completes(actif: bool | None = None) -> bool:
    """Affiche (``True``) ou masque (``False``) la trace Python complète des erreurs du paquet dans Jupyter.

    Par défaut, un carnet montre seulement le message français et son conseil. Un développeur qui
    cherche d'où vient l'erreur appelle ``mt.traces_completes(True)`` (ou lance Jupyter avec
    ``MBA_TERRITOIRES_TRACES=1``) ; ``traces_completes(None)`` revient à la variable d'environnement.
    Sans argument, la fonction dit seulement ce qui est en vigueur.

    >>> ancien = traces_completes()
    >>> traces_completes(True)
    True
    >>> traces_completes(False)
    False
    >>> _ = traces_completes(ancien)
    """
    global _traces
    if actif is not None:
        if not isinstance(actif, bool):
            raise ErreurSaisie(f"traces_completes() attend True ou False, pas {actif!r}",
                               conseil="écrivez mt.traces_completes(True) pour voir les traces, False pour les masquer")
        _traces = actif
    if _traces is not None:
        return _traces
    return os.environ.get(VARIABLE_TRACES, "").strip().lower() in ("1", "oui", "true", "vrai", "yes")


def _phrase(texte: str) -> str:
    texte = texte.strip()
    if texte and texte[-1] not in ".!?…":
        texte += "."
    return texte


class ErreurSaisie(ValueError):
    """Une saisie invalide : ce qui ne va pas (``message``) et comment corriger (``conseil``)."""

    #: Le titre de l'erreur affiché dans Jupyter (en rouge), avant le nom de la classe et le message.
    TITRE = "Saisie à corriger"

    def __init__(self, message: str, conseil: str | None = None) -> None:
        self.message = message
        self.conseil = conseil
        super().__init__(self.__str__())

    def __str__(self) -> str:
        texte = _phrase(self.message)
        if self.conseil:
            texte += "\nConseil : " + _phrase(self.conseil)
        return texte

    def _rendu_court(self, couleur: bool = True) -> list[str]:
        """Les lignes qu'IPython affiche à la place de la trace : le titre (en rouge), le type, le message, le
        conseil."""
        titre = f"\x1b[1;31m{self.TITRE}\x1b[0m" if couleur else self.TITRE
        lignes = f"{titre} ({type(self).__name__}) : {_phrase(self.message)}".split("\n")
        if self.conseil:
            lignes += ("Conseil : " + _phrase(self.conseil)).split("\n")
        return lignes

    @property
    def _render_traceback_(self) -> Callable[[], list[str]]:
        """Ce qu'IPython appelle pour afficher l'erreur : les lignes courtes, sauf si l'utilisateur a demandé
        les traces complètes (l'attribut semble alors absent et IPython affiche sa trace habituelle)."""
        if traces_completes():
            raise AttributeError("_render_traceback_")
        return self._rendu_court

    def _repr_html_(self) -> str:
        from html import escape

        conseil = f"<br><strong>Conseil :</strong> {escape(_phrase(self.conseil))}" if self.conseil else ""
        return (
            '<div role="alert" style="border-left:4px solid #b2182b;padding:0.4em 0.8em;">'
            f"<strong>Saisie à corriger :</strong> {escape(_phrase(self.message))}{conseil}</div>"
        )


class ErreurMontant(ErreurSaisie):
    """Un montant impossible : négatif, nul là où il faut un montant, non numérique."""


class ErreurTaux(ErreurSaisie):
    """Un taux hors de [0 ; 1] (rappel : 30 % s'écrit 0.30)."""


class ErreurDate(ErreurSaisie):
    """Une date ou une année illisible ou hors de portée (« 2026-13-01 », « demain », 26)."""


class ErreurChoix(ErreurSaisie):
    """Un choix qui n'est pas dans la liste permise (une procédure, une catégorie, un nom introuvable)."""


class ErreurParametre(ErreurSaisie):
    """Un paramètre réglementaire absent ou mal formé (année non couverte, clé inconnue)."""

    TITRE = "Paramètre introuvable"


class ErreurCas(ErreurSaisie):
    """Un fichier d'étude de cas mal formé ; le message nomme le fichier, le champ et la correction."""

    TITRE = "Cas à corriger"

    def __init__(self, message: str, conseil: str | None = None, *, fichier: str | None = None,
                 champ: str | None = None) -> None:
        self.fichier = fichier
        self.champ = champ
        super().__init__(message, conseil)


class ErreurDonnees(ErreurSaisie):
    """Un tableau de données inutilisable : colonne manquante, groupe inconnu, valeur vide."""


class ErreurRegle(ErreurSaisie):
    """Une opération impossible au regard d'une règle (plan qui ne s'équilibre pas, cycle dans un planning)."""

    TITRE = "Règle à respecter"


class ErreurExercice(ErreurSaisie):
    """Une réponse d'exercice jugée fausse, levée seulement en mode test (voir :mod:`exercices`)."""

    TITRE = "Exercice"
