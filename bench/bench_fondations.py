"""Mesures des fondations : temps d'import du paquet, temps d'exécution des carnets.

Usage : ``.venv/bin/python bench/bench_fondations.py [--repetitions 5] [--sans-carnets]``

Affiche la médiane (en millisecondes, puis en secondes) :
- de ``import mba_territoires`` à côté de ``import pandas`` (chacun dans un interpréteur neuf) ;
- de l'exécution de chaque carnet à côté d'un carnet vide (le plancher : démarrage du noyau).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]


def temps_import(module: str, repetitions: int) -> float:
    mesures = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        mesures.append(time.perf_counter() - debut)
    return statistics.median(mesures)


def temps_carnet(chemin: Path, repetitions: int) -> float:
    import nbformat
    from nbclient import NotebookClient

    mesures = []
    for _ in range(repetitions):
        carnet = nbformat.read(chemin, as_version=4)
        with tempfile.TemporaryDirectory() as dossier:
            debut = time.perf_counter()
            NotebookClient(carnet, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(chemin.parent)}}).execute()
            mesures.append(time.perf_counter() - debut)
            del dossier
    return statistics.median(mesures)


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__)
    analyseur.add_argument("--repetitions", type=int, default=5)
    analyseur.add_argument("--sans-carnets", action="store_true")
    args = analyseur.parse_args()

    base = temps_import("sys", args.repetitions)
    print(f"Interpréteur nu (python -c 'import sys') : {base * 1000:7.0f} ms")
    for module in ("mba_territoires", "pandas"):
        t = temps_import(module, args.repetitions)
        surcout = max(t - base, 0) * 1000
        print(f"import {module:<16} : {t * 1000:7.0f} ms (dont {surcout:5.0f} ms au-delà de l'interpréteur)")
    if args.sans_carnets:
        return

    import nbformat

    os.environ.setdefault("MBA_TERRITOIRES_PROGRESSION", tempfile.mkdtemp())
    os.environ.setdefault("MPLBACKEND", "Agg")
    vide = Path(tempfile.mkdtemp()) / "vide.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")]), vide)
    repetitions = max(1, args.repetitions // 2)
    plancher = temps_carnet(vide, repetitions)
    print(f"\nCarnet vide (plancher : démarrage du noyau) : {plancher:6.2f} s")
    for chemin in sorted((RACINE / "notebooks").glob("*.ipynb")):
        t = temps_carnet(chemin, repetitions)
        print(f"{chemin.name:<45} : {t:6.2f} s (plancher + {t - plancher:5.2f} s)")


if __name__ == "__main__":
    main()
