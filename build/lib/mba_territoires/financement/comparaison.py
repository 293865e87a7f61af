"""Comparer des scénarios de financement côte à côte : recettes par financeur, part du maître d'ouvrage,
règles non respectées, FCTVA.

>>> from mba_territoires.financement import PlanDeFinancement
>>> plan = PlanDeFinancement("Plan A")
>>> plan.ajouter_depense("Travaux", montant_ht=100_000)
>>> plan.ajouter_financeur("DETR", taux=0.30)
>>> c = comparer_plans(plan, plan.variante("Plan B", refuser=["DETR"]))
>>> c.tableau().loc["DETR"].tolist()
[30000.0, 0.0]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..erreurs import ErreurDonnees
from ..formats import euros, pourcentage

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from .plan import PlanDeFinancement

__all__ = ["Comparaison", "comparer_plans"]

_TAUX = ("Part du maître d'ouvrage", "Aides publiques / coût HT")


class Comparaison:
    """Des plans côte à côte (voir :func:`comparer_plans`).

    >>> from mba_territoires.financement import PlanDeFinancement
    >>> Comparaison([PlanDeFinancement("A")])
    Comparaison('A')
    """

    def __init__(self, plans: Sequence[PlanDeFinancement]) -> None:
        if not plans:
            raise ErreurDonnees("aucun plan à comparer", conseil="donnez au moins deux plans : comparer_plans(a, b)")
        titres = [p.titre for p in plans]
        if len(set(titres)) != len(titres):
            raise ErreurDonnees("deux plans comparés portent le même titre",
                                conseil="donnez un titre à chaque variante : plan.variante(\"Sans Fonds vert\", ...)")
        self.plans = list(plans)

    def tableau(self) -> pd.DataFrame:
        """Une ligne par financeur et par indicateur, une colonne par plan (montants bruts, taux en décimales)."""
        import pandas as pd

        noms: list[str] = []
        for p in self.plans:
            for f in p.financeurs:
                if f.nom not in noms:
                    noms.append(f.nom)
        lignes: dict[str, list[float]] = {}
        for nom in noms:
            lignes[nom] = [p.montant(nom) if any(f.nom == nom for f in p.financeurs) else 0.0 for p in self.plans]
        lignes["Autofinancement"] = [p.autofinancement for p in self.plans]
        lignes["Coût HT"] = [p.cout_ht for p in self.plans]
        lignes[_TAUX[0]] = [p.autofinancement / ((p.autofinancement + p.subventions_publiques) or 1)
                            for p in self.plans]
        lignes[_TAUX[1]] = [p.subventions_publiques / (p.cout_ht or 1) for p in self.plans]
        lignes["Règles non respectées"] = [float(len(p.verifier().non_respectees())) for p in self.plans]
        lignes["FCTVA"] = [p.fctva().montant for p in self.plans]
        return pd.DataFrame(lignes, index=[p.titre for p in self.plans]).T

    def graphique(self) -> Figure:
        """Les recettes de chaque scénario en barres empilées."""
        from ..affichage.graphiques_financement import graphique_comparaison

        return graphique_comparaison(self)

    def __repr__(self) -> str:
        return f"Comparaison({', '.join(repr(p.titre) for p in self.plans)})"

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html

        t = self.tableau()
        lignes = []
        for nom, rangee in t.iterrows():
            if nom in _TAUX:
                cellules = [pourcentage(v) for v in rangee]
            elif nom == "Règles non respectées":
                cellules = [str(int(v)) for v in rangee]
            else:
                cellules = [euros(v) for v in rangee]
            lignes.append([str(nom), *cellules])
        return tableau_html(lignes, ["Indicateur", *[str(c) for c in t.columns]], legende="Scénarios comparés")


def comparer_plans(*plans: PlanDeFinancement) -> Comparaison:
    """Compare des plans côte à côte (voir :class:`Comparaison`).

    >>> from mba_territoires.financement import PlanDeFinancement
    >>> a = PlanDeFinancement("A")
    >>> a.ajouter_depense("Travaux", montant_ht=100_000)
    >>> comparer_plans(a, a.copier("B")).tableau().loc["Coût HT"].tolist()
    [100000.0, 100000.0]
    """
    return Comparaison(plans)
