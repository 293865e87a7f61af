"""Mesures du livre : construction complète et reconstructions, à côté d'un livre vide de même taille.

Usage : ``.venv/bin/python bench/bench_livre.py [--repetitions 1]``

Toutes les constructions écrivent dans des dossiers temporaires (``/tmp``), jamais dans ``_build/``.
Affiche, en secondes (médiane des répétitions) :

- le livre du cahier : construction propre (carnets exécutés), reconstruction sans changement
  (cache), reconstruction de toutes les pages avec les carnets tirés du cache d'exécution (``--all``) ;
- le plancher : un livre Jupyter Book vide (une page Markdown d'une ligne par page du livre, même
  nombre de pages), construit propre puis reconstruit ;
- le nombre de pages et de carnets, et la taille du site produit.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

RACINE = Path(__file__).resolve().parents[1]
JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")


def pages_du_livre() -> list[str]:
    """Les fichiers de la table des matières (sans extension)."""
    toc = yaml.safe_load((RACINE / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for partie in toc.get("parts", []):
        pages += [chapitre["file"] for chapitre in partie["chapters"]]
    return pages


def construire(source: Path, sortie: Path, *options: str) -> float:
    """Construit le livre ``source`` dans ``sortie`` ; renvoie la durée (s). Échoue si la construction échoue."""
    env = {
        **os.environ,
        "MBA_TERRITOIRES_EXERCICES": "solutions",
        "MBA_TERRITOIRES_PROGRESSION": str(sortie / "progression"),
        "MPLBACKEND": "Agg",
    }
    (sortie / "progression").mkdir(parents=True, exist_ok=True)
    commande = [str(JUPYTER_BOOK), "build", str(source), "--builder", "html", "--keep-going",
                "--path-output", str(sortie), *options]
    debut = time.perf_counter()
    resultat = subprocess.run(commande, capture_output=True, text=True, env=env, check=False)
    duree = time.perf_counter() - debut
    if resultat.returncode != 0:
        raise SystemExit(f"construction en échec ({source}) :\n{(resultat.stdout + resultat.stderr)[-3000:]}")
    return duree


def livre_vide(dossier: Path, nombre: int) -> Path:
    """Un livre Jupyter Book minimal : ``nombre`` pages Markdown d'une ligne."""
    dossier.mkdir(parents=True, exist_ok=True)
    (dossier / "_config.yml").write_text(
        "title: Livre vide\nlanguage: fr\nexecute:\n  execute_notebooks: 'off'\n"
        "exclude_patterns: [_build]\n", encoding="utf-8"
    )
    fichiers = [f"page{i:02d}" for i in range(nombre)]
    for nom in fichiers:
        (dossier / f"{nom}.md").write_text(f"# Page {nom}\n\nUne ligne.\n", encoding="utf-8")
    toc = {"format": "jb-book", "root": fichiers[0], "chapters": [{"file": f} for f in fichiers[1:]]}
    (dossier / "_toc.yml").write_text(yaml.safe_dump(toc), encoding="utf-8")
    return dossier


def taille(dossier: Path) -> float:
    """La taille d'un dossier, en mégaoctets."""
    return sum(f.stat().st_size for f in dossier.rglob("*") if f.is_file()) / 1e6


def mesurer(source: Path, repetitions: int, avec_all: bool) -> dict[str, float]:
    propres, caches, tout = [], [], []
    site = 0.0
    for _ in range(repetitions):
        sortie = Path(tempfile.mkdtemp(prefix="bench-livre-"))
        try:
            propres.append(construire(source, sortie))
            caches.append(construire(source, sortie))
            if avec_all:
                tout.append(construire(source, sortie, "--all"))
            site = taille(sortie / "_build" / "html")
        finally:
            shutil.rmtree(sortie, ignore_errors=True)
    mesures = {"propre": statistics.median(propres), "cache": statistics.median(caches), "site_mo": site}
    if tout:
        mesures["toutes_pages"] = statistics.median(tout)
    return mesures


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    analyseur.add_argument("--repetitions", type=int, default=1)
    args = analyseur.parse_args()

    pages = pages_du_livre()
    carnets = [p for p in pages if p.startswith("notebooks/")]
    print(f"Livre du cahier : {len(pages)} pages dont {len(carnets)} carnet(s) ; {args.repetitions} répétition(s)")
    livre = mesurer(RACINE, args.repetitions, avec_all=True)
    with tempfile.TemporaryDirectory(prefix="bench-livre-vide-") as dossier:
        vide = mesurer(livre_vide(Path(dossier) / "source", len(pages)), args.repetitions, avec_all=False)

    print(f"\n{'':<44}{'cahier':>10}{'plancher':>10}{'écart':>10}")
    for cle, libelle in (("propre", "construction propre (s)"), ("cache", "reconstruction sans changement (s)")):
        print(f"{libelle:<44}{livre[cle]:>10.1f}{vide[cle]:>10.1f}{livre[cle] - vide[cle]:>+10.1f}")
    print(f"{'toutes les pages, carnets du cache (s)':<44}{livre['toutes_pages']:>10.1f}{'':>10}")
    print(f"{'taille du site (Mo)':<44}{livre['site_mo']:>10.1f}{vide['site_mo']:>10.1f}")


if __name__ == "__main__":
    main()
