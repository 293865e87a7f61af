"""Le profil territorial d'une commune : sa population, son rang et sa part dans l'EPCI et le département,
sa strate démographique (DGF, CGCT L2334-3) et des communes comparables, calculés sur les données COG 2026.

>>> from mba_territoires.territoire import commune
>>> p = commune("35360").profil()
>>> p.rang_epci, p.communes_epci
(1, 46)
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..formats import nombre, pourcentage
from .eligibilite import eligibilite_detr, parametre_territoire

if TYPE_CHECKING:  # pragma: no cover - la commune arrive de decoupage, qui importe ce module à la demande
    from .decoupage import Commune

__all__ = ["ProfilTerritorial", "strate_dgf"]


def strate_dgf(population: int, date: Any = 2026) -> str:
    """Le groupe démographique d'une population (CGCT, art. L2334-3).

    >>> from mba_territoires.formats import texte_brut
    >>> texte_brut(strate_dgf(1999)), texte_brut(strate_dgf(2000)), texte_brut(strate_dgf(250_000))
    ('1 000 à 1 999 habitants', '2 000 à 3 499 habitants', '200 000 habitants et plus')
    """
    return _libelles(date)[bisect.bisect_right(_bornes(date), population) - 1]


@cache
def _bornes(date: Any) -> list[int]:
    return [int(b) for b in parametre_territoire("strates_dgf", date).valeur]


@cache
def _libelles(date: Any) -> list[str]:
    bornes = _bornes(date)
    return [f"{nombre(bas)} à {nombre(haut - 1)} habitants" for bas, haut in itertools.pairwise(bornes)] + [
        f"{nombre(bornes[-1])} habitants et plus"]


def _rang(n: int) -> str:
    return "1re" if n == 1 else f"{n}e"


@dataclass(frozen=True)
class ProfilTerritorial:
    """Le profil d'une commune (nombres bruts ; le tableau les formate)."""

    commune: Commune
    #: Rang de la commune dans son EPCI par population (1 = la plus peuplée) ; ``None`` sans EPCI.
    rang_epci: int | None
    #: Nombre de communes de l'EPCI.
    communes_epci: int | None
    #: Part de la commune dans la population de l'EPCI (décimale).
    part_epci: float | None
    #: Rang dans le département et nombre de communes du département.
    rang_departement: int
    communes_departement: int
    #: Part dans la population du département.
    part_departement: float
    #: La strate démographique DGF (L2334-3).
    strate: str
    #: Communes du même département et de la même strate : nombre et population médiane.
    comparables_departement: int
    mediane_departement: float
    #: Communes de la même strate dont l'EPCI est du même type, en France : nombre et population médiane.
    comparables_type_epci: int
    mediane_type_epci: float | None
    #: Le statut DETR d'après la population seule (« éligible », « indécis », « non éligible »).
    detr: str

    @classmethod
    def de(cls, c: Commune, date: Any = 2026) -> ProfilTerritorial:
        """Calcule le profil de la commune ``c``."""
        d = c.registre
        pops = {code: int(p or 0) for code, p in d.colonne("population").items()}
        deps = d.colonne("departement")
        epcis = d.colonne("epci")
        strate = strate_dgf(c.population, date)
        strates = {code: strate_dgf(p, date) for code, p in pops.items()}
        epci = c.epci
        if epci is not None:
            membres = sorted((pops[m.code] for m in epci.membres), reverse=True)
            rang_epci: int | None = membres.index(c.population) + 1
            n_epci: int | None = len(membres)
            part_epci: float | None = c.population / sum(membres) if sum(membres) else None
        else:
            rang_epci = n_epci = part_epci = None
        du_dep = sorted((pops[k] for k, v in deps.items() if v == c.code_departement), reverse=True)
        memes_dep = [pops[k] for k, v in deps.items() if v == c.code_departement and k != c.code
                     and strates[k] == strate]
        type_epci = epci.type if epci else None
        types = {s: e.type for s, e in d.epcis.items()}
        memes_type = [pops[k] for k, s in epcis.items() if k != c.code and (types.get(s) if s else None) == type_epci
                      and strates[k] == strate]
        return cls(c, rang_epci, n_epci, part_epci, du_dep.index(c.population) + 1, len(du_dep),
                   c.population / sum(du_dep) if sum(du_dep) else 0.0, strate, len(memes_dep),
                   float(statistics.median(memes_dep)) if memes_dep else float("nan"), len(memes_type),
                   float(statistics.median(memes_type)) if memes_type else None,
                   eligibilite_detr(c, date=date).statut)

    def lignes(self) -> list[list[str]]:
        """Les lignes du tableau (libellé, valeur formatée en français)."""
        c = self.commune
        epci = c.epci
        lignes = [["Commune", f"{c.nom} (code {c.code}), {c.departement.nom}, {c.region.nom}"],
                  ["Population municipale", f"{nombre(c.population)} habitants ({c.registre.millesime_population()})"],
                  ["Strate démographique (DGF, L2334-3)", self.strate]]
        if epci is None:
            lignes.append(["EPCI", "aucun EPCI à fiscalité propre"])
        else:
            lignes.append(["EPCI", f"{epci.nom} ({epci.libelle_type}, {nombre(epci.population)} habitants)"])
            lignes.append(["Rang dans l'EPCI", f"{_rang(self.rang_epci or 0)} sur {self.communes_epci} communes, "
                           f"{pourcentage(self.part_epci or 0)} de la population"])
        lignes.append(["Rang dans le département", f"{_rang(self.rang_departement)} sur {self.communes_departement} "
                       f"communes, {pourcentage(self.part_departement, 2)} de la population"])
        lignes.append(["Même strate, même département", f"{self.comparables_departement} autres communes"
                       + (f", population médiane {nombre(round(self.mediane_departement))}"
                          if self.comparables_departement else "")])
        if self.mediane_type_epci is not None:
            quoi = epci.libelle_type if epci else "sans EPCI"
            lignes.append([f"Même strate, EPCI du même type ({quoi})", f"{nombre(self.comparables_type_epci)} "
                           f"communes en France, population médiane {nombre(round(self.mediane_type_epci))}"])
        lignes.append(["DETR (population seule, L2334-33)", self.detr])
        return lignes

    def tableau(self) -> Any:
        """Le profil en DataFrame (colonnes « indicateur », « valeur »)."""
        import pandas as pd

        return pd.DataFrame(self.lignes(), columns=["indicateur", "valeur"])

    def __str__(self) -> str:
        return "\n".join(f"{a} : {b}" for a, b in self.lignes())

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html

        return tableau_html(self.lignes(), ["Indicateur", "Valeur"],
                            legende=f"Profil territorial : {self.commune.nom} ({self.commune.code_departement})")
