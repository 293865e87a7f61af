"""Mesures du budget participatif : temps de calcul de la règle gloutonne et de la méthode des parts égales.

Usage : ``.venv/bin/python bench/bench_participation.py [--votants 1000 10000 50000] [--projets 50] [--graine 2026]``

Bulletins d'approbation tirés au hasard (générateur numpy semé) : chaque votant choisit de 1 à 5 projets,
les projets n'ayant pas tous la même popularité. Affiche, pour chaque taille, la médiane de trois mesures
(en secondes) : construction du budget (lecture et contrôle des bulletins), règle gloutonne, parts égales
seule, parts égales complétée par le glouton. Aucune assertion sur les temps.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from mba_territoires.participation import BudgetParticipatif, ProjetBP


def budget(votants: int, projets: int, graine: int) -> BudgetParticipatif:
    rng = np.random.default_rng(graine)
    couts = rng.integers(5, 80, size=projets) * 1_000
    popularite = rng.dirichlet(np.full(projets, 0.8))
    liste = [ProjetBP(f"P{i:02d}", f"Projet {i}", int(c)) for i, c in enumerate(couts)]
    tailles = rng.integers(1, 6, size=votants)
    bulletins = [[f"P{j:02d}" for j in sorted(rng.choice(projets, size=k, replace=False, p=popularite))]
                 for k in tailles]
    return BudgetParticipatif(liste, int(couts.sum() * 0.3), bulletins)


def mesurer(fonction, repetitions: int = 3) -> float:  # type: ignore[no-untyped-def]
    temps = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        temps.append(time.perf_counter() - debut)
    return statistics.median(temps)


def main() -> None:
    parseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parseur.add_argument("--votants", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parseur.add_argument("--projets", type=int, default=50)
    parseur.add_argument("--graine", type=int, default=2026)
    parseur.add_argument("--repetitions", type=int, default=3)
    args = parseur.parse_args()
    print(f"Budget participatif, {args.projets} projets, bulletins d'approbation semés (graine {args.graine})")
    print(f"{'votants':>8} {'construction':>13} {'glouton':>9} {'parts égales':>13} {'PE + glouton':>13} "
          f"{'retenus G / PE':>15}")
    for n in args.votants:
        debut = time.perf_counter()
        bp = budget(n, args.projets, args.graine)
        construction = time.perf_counter() - debut
        g = mesurer(bp.glouton, args.repetitions)
        pe = mesurer(lambda bp=bp: bp.parts_egales(completer=False), args.repetitions)
        pec = mesurer(bp.parts_egales, args.repetitions)
        retenus = f"{len(bp.glouton().retenus)} / {len(bp.parts_egales().retenus)}"
        print(f"{n:>8} {construction:>12.2f}s {g:>8.2f}s {pe:>12.2f}s {pec:>12.2f}s {retenus:>15}")


if __name__ == "__main__":
    main()
