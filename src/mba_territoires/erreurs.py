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
"""

from __future__ import annotations

__all__ = [
    "ErreurCas",
    "ErreurDonnees",
    "ErreurExercice",
    "ErreurMontant",
    "ErreurParametre",
    "ErreurRegle",
    "ErreurSaisie",
    "ErreurTaux",
]


def _phrase(texte: str) -> str:
    texte = texte.strip()
    if texte and texte[-1] not in ".!?…":
        texte += "."
    return texte


class ErreurSaisie(ValueError):
    """Une saisie invalide : ce qui ne va pas (``message``) et comment corriger (``conseil``)."""

    def __init__(self, message: str, conseil: str | None = None) -> None:
        self.message = message
        self.conseil = conseil
        super().__init__(self.__str__())

    def __str__(self) -> str:
        texte = _phrase(self.message)
        if self.conseil:
            texte += "\nConseil : " + _phrase(self.conseil)
        return texte

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


class ErreurParametre(ErreurSaisie):
    """Un paramètre réglementaire absent ou mal formé (année non couverte, clé inconnue)."""


class ErreurCas(ErreurSaisie):
    """Un fichier d'étude de cas mal formé ; le message nomme le fichier, le champ et la correction."""

    def __init__(self, message: str, conseil: str | None = None, *, fichier: str | None = None,
                 champ: str | None = None) -> None:
        self.fichier = fichier
        self.champ = champ
        super().__init__(message, conseil)


class ErreurDonnees(ErreurSaisie):
    """Un tableau de données inutilisable : colonne manquante, groupe inconnu, valeur vide."""


class ErreurRegle(ErreurSaisie):
    """Une opération impossible au regard d'une règle (plan qui ne s'équilibre pas, cycle dans un planning)."""


class ErreurExercice(ErreurSaisie):
    """Une réponse d'exercice jugée fausse, levée seulement en mode test (voir :mod:`exercices`)."""
