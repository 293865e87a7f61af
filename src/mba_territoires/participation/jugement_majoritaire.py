"""Le jugement majoritaire (Balinski et Laraki, 2007) : classer des options par leur mention médiane.

>>> jugement_majoritaire({"Tracé A": ["Bien", "Passable", "Bien"], "Tracé B": ["Très bien", "À rejeter",
...                       "Passable"]}).classement()
['Tracé A', 'Tracé B']
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import saisie
from ..erreurs import ErreurDonnees, ErreurSaisie

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["MENTIONS_JM", "ResultatJugementMajoritaire", "jugement_majoritaire"]


def _vide(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


#: L'échelle de mentions de l'expérience d'Orsay (2007), de la moins bonne à la meilleure.
MENTIONS_JM: tuple[str, ...] = ("À rejeter", "Insuffisant", "Passable", "Assez bien", "Bien", "Très bien")


def _valeur_majoritaire(comptes: list[int]) -> tuple[int, ...]:
    """La suite des mentions majoritaires obtenue en retirant une à une la mention médiane
    (médiane inférieure quand le nombre de votes est pair)."""
    comptes = list(comptes)
    n = sum(comptes)
    suite = []
    while n:
        rang = (n - 1) // 2  # médiane inférieure, en partant de la moins bonne mention
        cumul = 0
        for k, c in enumerate(comptes):
            cumul += c
            if cumul > rang:
                suite.append(k)
                comptes[k] -= 1
                break
        n -= 1
    return tuple(suite)


@dataclass(frozen=True)
class ResultatJugementMajoritaire:
    """Le classement d'options par le jugement majoritaire."""

    #: L'échelle de mentions, de la moins bonne à la meilleure.
    mentions: tuple[str, ...]
    #: Le nombre de votes de chaque mention, par option.
    comptes: dict[str, tuple[int, ...]]

    def tableau(self) -> pd.DataFrame:
        """Une ligne par option, de la première à la dernière : mention majoritaire, part des
        partisans (mention strictement meilleure), part des opposants (strictement moins bonne),
        signe (« + » si les partisans l'emportent) et rang."""
        import pandas as pd

        lignes = []
        for option, c in self.comptes.items():
            n = sum(c)
            valeur = _valeur_majoritaire(list(c))
            m = valeur[0]
            p = sum(c[m + 1:]) / n
            q = sum(c[:m]) / n
            lignes.append({"option": option, "mention majoritaire": self.mentions[m], "partisans": p,
                           "opposants": q, "signe": "+" if p > q else "−", "_valeur": valeur})
        t = pd.DataFrame(lignes)
        ordre = sorted(range(len(t)), key=lambda i: t["_valeur"][i], reverse=True)
        t = t.iloc[ordre].reset_index(drop=True)
        rangs, precedent = [], None
        for i, v in enumerate(t["_valeur"]):
            rangs.append(rangs[-1] if v == precedent else i + 1)
            precedent = v
        t["rang"] = rangs
        return t.drop(columns="_valeur")

    def classement(self) -> list[str]:
        """Les options, de la mieux à la moins bien jugée."""
        return list(self.tableau()["option"])

    def parts(self) -> pd.DataFrame:
        """La part de chaque mention, par option (lignes : options dans l'ordre du classement)."""
        import pandas as pd

        ordre = self.classement()
        return pd.DataFrame({m: [self.comptes[o][k] / sum(self.comptes[o]) for o in ordre]
                             for k, m in enumerate(self.mentions)}, index=ordre)

    def __repr__(self) -> str:
        return f"ResultatJugementMajoritaire({' > '.join(self.classement())})"

    def graphique(self) -> Figure:
        """Le profil de mérite de chaque option : les parts des mentions, en barres empilées (matplotlib)."""
        from ..affichage.graphiques_concertation import graphique_jugement_majoritaire

        return graphique_jugement_majoritaire(self)

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html
        from ..formats import pourcentage

        lignes = [[r[5], r[0], f"{r[1]} {r[4]}", pourcentage(r[2]), pourcentage(r[3])]
                  for r in self.tableau().itertuples(index=False)]
        return tableau_html(lignes, ["Rang", "Option", "Mention majoritaire", "Partisans", "Opposants"],
                            legende="Jugement majoritaire", entete_ligne=False)


def jugement_majoritaire(evaluations: Any, mentions: Sequence[str] = MENTIONS_JM) -> ResultatJugementMajoritaire:
    """Classe des options par le jugement majoritaire (Balinski et Laraki, *PNAS* 104(21), 2007).

    Chaque votant attribue une mention à chaque option ; la mention majoritaire d'une option est
    sa mention médiane (la médiane inférieure si le nombre de votes est pair). Les ex æquo sont
    départagés en retirant une à une les mentions médianes (la « valeur majoritaire »).

    ``evaluations`` : un tableau long (colonnes ``option`` et ``mention``), un tableau large (une
    colonne par option, une ligne par votant), un dictionnaire option → liste de mentions, ou
    option → {mention: nombre de votes}. ``mentions`` va de la moins bonne à la meilleure.

    >>> r = jugement_majoritaire({"Tracé des berges": ["Bien", "Assez bien", "Passable"],
    ...                           "Tracé du centre": ["Très bien", "Passable", "À rejeter"]})
    >>> r.classement()
    ['Tracé des berges', 'Tracé du centre']
    """
    import pandas as pd

    mentions = tuple(mentions)
    if len(set(mentions)) != len(mentions) or len(mentions) < 2:
        raise ErreurSaisie("l'échelle de mentions doit compter au moins deux mentions distinctes",
                           conseil="par exemple (\"À rejeter\", \"Passable\", \"Bien\")")
    index = {m: k for k, m in enumerate(mentions)}
    listes: dict[str, list[Any]] = {}
    if isinstance(evaluations, pd.DataFrame):
        if {"option", "mention"} <= set(evaluations.columns):
            for option, groupe in evaluations.groupby("option", sort=False):
                listes[str(option)] = list(groupe["mention"])
        else:
            for col in evaluations.columns:
                listes[str(col)] = [v for v in evaluations[col] if not _vide(v)]
    elif isinstance(evaluations, Mapping):
        for option, v in evaluations.items():
            if isinstance(v, Mapping):
                listes[str(option)] = [m for m, k in v.items() for _ in range(int(k))]
            else:
                listes[str(option)] = list(v)
    else:
        raise ErreurSaisie(f"les évaluations ({type(evaluations).__name__}) ne sont pas lisibles",
                           conseil="donnez un tableau (colonnes option et mention) ou un dictionnaire")
    if not listes:
        raise ErreurDonnees("aucune option à classer", conseil="donnez au moins une option et ses mentions")
    comptes: dict[str, tuple[int, ...]] = {}
    for option, valeurs in listes.items():
        c = [0] * len(mentions)
        for v in valeurs:
            if v not in index:
                try:
                    v = saisie.choix(v, mentions, f"la mention de l'option « {option} »")
                except ErreurSaisie:
                    raise ErreurDonnees(f"la mention « {v} » (option « {option} ») ne fait pas partie de l'échelle",
                                        conseil="mentions possibles : " + ", ".join(mentions)) from None
            c[index[v]] += 1
        if not sum(c):
            raise ErreurDonnees(f"l'option « {option} » n'a reçu aucune mention",
                                conseil="retirez-la ou ajoutez ses évaluations")
        comptes[option] = tuple(c)
    return ResultatJugementMajoritaire(mentions, comptes)
