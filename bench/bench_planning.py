"""Mesures du planning : temps pour recalculer le chemin critique et redessiner le diagramme de Gantt.

Usage : ``.venv/bin/python bench/bench_planning.py [--repetitions 5]``

Pour 20 puis 200 tâches (un réseau aléatoire semé, chaque tâche attend jusqu'à trois tâches précédentes,
une contrainte « pas avant » sur une tâche sur dix), affiche la médiane en millisecondes :
- de la construction du planning (vérification des noms et des boucles) et du calcul (``ordonnancer``) ;
- du dessin du Gantt (``gantt``, figure rendue dans un tampon PNG, comme dans un carnet).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import statistics
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from mba_territoires.affichage.graphiques_projet import gantt
from mba_territoires.planning import Planning, Tache

DEBUT = dt.date(2026, 1, 5)


def reseau(n: int, graine: int = 2026) -> list[Tache]:
    hasard = random.Random(graine)
    taches = []
    for i in range(n):
        preds = hasard.sample(range(max(0, i - 10), i), k=min(i, hasard.randint(0, 3))) if i else []
        pas_avant = DEBUT + dt.timedelta(days=hasard.randint(0, 300)) if i % 10 == 9 else None
        taches.append(Tache(f"Tâche {i:03d}", hasard.randint(1, 60), [f"Tâche {j:03d}" for j in preds], pas_avant))
    return taches


def mediane_ms(fonction, repetitions: int) -> float:  # type: ignore[no-untyped-def]
    mesures = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        mesures.append((time.perf_counter() - debut) * 1000)
    return statistics.median(mesures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    print(f"{'tâches':>7} {'calcul (ms)':>12} {'Gantt (ms)':>11} {'total (ms)':>11}")
    for n in (20, 200):
        taches = reseau(n)

        def calculer(taches: list[Tache] = taches) -> None:
            Planning(taches, DEBUT).ordonnancer()

        def dessiner(taches: list[Tache] = taches) -> None:
            fig = gantt(Planning(taches, DEBUT).ordonnancer())
            fig.savefig(io.BytesIO(), format="png", dpi=72)
            plt.close(fig)

        dessiner()  # premier dessin : chargement des polices, hors mesure
        calcul = mediane_ms(calculer, args.repetitions)
        dessin = mediane_ms(dessiner, args.repetitions)
        print(f"{n:>7} {calcul:>12.1f} {dessin:>11.1f} {calcul + dessin:>11.1f}")


if __name__ == "__main__":
    main()
