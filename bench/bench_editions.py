"""Mesures des éditions : temps de l'édition étudiant (contrôle des fuites compris) et de son archive.

Usage : ``.venv/bin/python bench/bench_editions.py [--repetitions 5]``

Affiche la médiane (en millisecondes) :
- de l'édition étudiant d'un carnet en mémoire (retrait des solutions et détecteur de fuites) ;
- de l'édition complète écrite sur disque (carnets, études de cas copiées, LISEZMOI), avec et sans zip ;
et la taille de l'archive à distribuer.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from mba_territoires.editions import carnet_etudiant, carnets_du_depot, edition_etudiant

RACINE = Path(__file__).resolve().parents[1]


def mediane_ms(fonction, repetitions: int) -> float:  # type: ignore[no-untyped-def]
    mesures = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        mesures.append(time.perf_counter() - debut)
    return statistics.median(mesures) * 1000


def main() -> None:
    analyseur = argparse.ArgumentParser(description="Mesures de l'édition étudiant")
    analyseur.add_argument("--repetitions", type=int, default=5)
    args = analyseur.parse_args()
    carnets = carnets_du_depot(RACINE)
    print(f"{len(carnets)} carnet(s) dans notebooks/")
    for chemin in carnets:
        source = json.loads(chemin.read_text(encoding="utf-8"))
        ms = mediane_ms(lambda s=source, n=chemin.stem: carnet_etudiant(s, n), args.repetitions)
        print(f"  {chemin.name:<40} {len(source['cells']):>4} cellules  {ms:8.1f} ms")
    with tempfile.TemporaryDirectory() as dossier:
        sans_zip = mediane_ms(lambda: edition_etudiant(Path(dossier) / "a", racine=RACINE), args.repetitions)
        archive = Path(dossier) / "edition.zip"
        avec_zip = mediane_ms(lambda: edition_etudiant(Path(dossier) / "b", racine=RACINE, archive=archive),
                              args.repetitions)
        print(f"édition complète sur disque : {sans_zip:8.1f} ms ; avec l'archive zip : {avec_zip:8.1f} ms")
        print(f"taille de l'archive : {archive.stat().st_size / 1024:.0f} Kio")


if __name__ == "__main__":
    main()
