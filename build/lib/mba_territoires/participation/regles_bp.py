"""Les deux règles d'attribution d'un budget participatif, écrites ici en arithmétique exacte (fractions).

- :func:`glouton` : les projets classés par score (voix, ou points), financés dans l'ordre tant que
  l'enveloppe le permet ; un projet trop cher pour le reste est sauté ;
- :func:`parts_egales` : la méthode des parts égales (*method of equal shares*, Peters et Skowron,
  2020) : chaque votant reçoit une part égale de l'enveloppe ; à chaque tour, on finance le projet que
  ses partisans peuvent payer au plus petit « prix par unité de satisfaction » ρ, chaque partisan payant
  ``min(son reste, ρ × sa satisfaction)``.

Ces fonctions reproduisent, à l'égalité près, ``greedy_utilitarian_welfare`` et
``method_of_equal_shares`` de **pabutools** (ex æquo départagés par l'identifiant du projet, comme la
règle lexicographique de pabutools) : les tests de développement les comparent à pabutools sur des
centaines d'élections tirées au hasard. Elles ne demandent aucun solveur : l'installation d'un
apprenant n'embarque ni pabutools, ni pulp, ni gurobipy.

>>> glouton({"A": 40, "B": 30, "C": 30}, {"A": 2, "B": 1, "C": 1}, 60)
['A']
>>> parts_egales({"A": 40, "B": 30, "C": 30}, [{"A": 40}, {"A": 40}, {"B": 30, "C": 30}], 60)
['A']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

__all__ = ["glouton", "parts_egales"]

Nombre = int | float | Fraction


def _exact(v: Nombre) -> Fraction:
    return v if isinstance(v, Fraction) else Fraction(str(v)) if isinstance(v, float) else Fraction(v)


def glouton(couts: Mapping[str, Nombre], scores: Mapping[str, Nombre], enveloppe: Nombre,
            deja: Iterable[str] = ()) -> list[str]:
    """Les projets retenus par la règle gloutonne : ``deja`` (déjà retenus), puis les autres par score
    décroissant (ex æquo : identifiant croissant), chacun s'il tient dans le reste de l'enveloppe.

    Un projet sans aucun soutien (score nul) vient en dernier et reste finançable, comme dans pabutools.

    >>> glouton({"A": 50, "B": 30, "C": 20}, {"A": 3, "B": 2, "C": 2}, 60)
    ['A']
    >>> glouton({"A": 50, "B": 30, "C": 20}, {"A": 3, "B": 2, "C": 2}, 60, deja=["B"])
    ['B', 'C']
    """
    retenus = list(deja)
    reste = _exact(enveloppe) - sum((_exact(couts[p]) for p in retenus), Fraction(0))

    def densite(p: str) -> Fraction:
        # pabutools classe par satisfaction totale / coût ; avec une satisfaction égale au coût
        # (approbation) ou aux points × coût, c'est le nombre de voix ou de points.
        return _exact(scores.get(p, 0))

    for p in sorted((p for p in sorted(couts) if p not in retenus), key=lambda p: -densite(p)):
        if _exact(couts[p]) <= reste:
            retenus.append(p)
            reste -= _exact(couts[p])
    return retenus


def parts_egales(couts: Mapping[str, Nombre], satisfactions: Sequence[Mapping[str, Nombre]],
                 enveloppe: Nombre, deja: Iterable[str] = ()) -> list[str]:
    """Les projets retenus par la méthode des parts égales (sans complément).

    ``satisfactions`` : pour chaque votant, sa satisfaction par projet soutenu (le coût du projet pour
    une satisfaction « coût », 1 pour « cardinalité », les points pour un vote par points).

    >>> parts_egales({"A": 60, "B": 40, "C": 40}, [{"A": 60}] * 3 + [{"B": 40}] * 2, 100)
    ['A', 'B']
    """
    retenus = list(deja)
    n = len(satisfactions)
    if n == 0:
        return retenus
    budgets = [Fraction(_exact(enveloppe), n)] * n
    sats = [{p: _exact(s) for p, s in b.items() if _exact(s) > 0} for b in satisfactions]
    candidats = [p for p in sorted(couts) if p not in retenus and _exact(couts[p]) > 0
                 and any(p in b for b in sats)]
    while candidats:
        meilleur: tuple[Fraction, str] | None = None
        abordables = []
        for p in candidats:
            cout = _exact(couts[p])
            partisans = [i for i in range(n) if p in sats[i]]
            if sum((budgets[i] for i in partisans), Fraction(0)) < cout:
                continue  # plus finançable : retiré pour de bon
            abordables.append(p)
            rho = _facteur(cout, partisans, budgets, sats, p)
            if meilleur is None or (rho, p) < meilleur:
                meilleur = (rho, p)
        if meilleur is None:
            break
        rho, choisi = meilleur
        retenus.append(choisi)
        for i in range(n):
            if choisi in sats[i]:
                budgets[i] -= min(budgets[i], rho * sats[i][choisi])
        candidats = [p for p in abordables if p != choisi]
    return retenus


def _facteur(cout: Fraction, partisans: list[int], budgets: list[Fraction], sats: list[dict[str, Fraction]],
             p: str) -> Fraction:
    """Le plus petit ρ tel que Σ min(budget_i, ρ × sat_i) = coût (les partisans « pauvres » paient tout leur reste)."""
    ordre = sorted(partisans, key=lambda i: budgets[i] / sats[i][p])
    paye = Fraction(0)
    reste_sat = sum((sats[i][p] for i in ordre), Fraction(0))
    for i in ordre:
        rho = (cout - paye) / reste_sat
        if rho * sats[i][p] <= budgets[i]:
            return rho
        paye += budgets[i]
        reste_sat -= sats[i][p]
    return Fraction(10**18)  # pragma: no cover - impossible quand la somme des budgets couvre le coût
