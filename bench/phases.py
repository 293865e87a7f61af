"""Chronométrer les phases de ``make test`` et afficher leur résumé.

Usage :

- ``python bench/phases.py --journal _build/phases.tsv -- NOM commande ...`` lance la commande,
  ajoute « NOM, durée, code de sortie » au journal et sort avec le code de la commande ;
- ``python bench/phases.py --journal _build/phases.tsv --resume`` affiche le tableau des phases
  du dernier ``make test`` et leur total.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path


def lancer(journal: Path, nom: str, commande: list[str]) -> int:
    """Lance ``commande``, note sa durée dans ``journal`` ; renvoie son code de sortie."""
    depart = time.time()
    debut = time.perf_counter()
    code = subprocess.call(commande)
    duree = time.perf_counter() - debut
    journal.parent.mkdir(parents=True, exist_ok=True)
    with journal.open("a", encoding="utf-8") as f:
        f.write(f"{nom}\t{duree:.1f}\t{code}\t{depart:.1f}\n")
    print(f"[phase {nom} : {duree:.1f} s, {'réussie' if code == 0 else f'en échec (code {code})'}]", flush=True)
    return code


def lire(journal: Path) -> list[tuple[str, float, int, float]]:
    """Les phases notées : (nom, durée en s, code de sortie, heure de départ en secondes epoch)."""
    if not journal.is_file():
        return []
    phases = []
    for ligne in journal.read_text(encoding="utf-8").splitlines():
        nom, duree, code, *depart = ligne.split("\t")
        phases.append((nom, float(duree), int(code), float(depart[0]) if depart else 0.0))
    return phases


def resume(journal: Path) -> str:
    """Le tableau des phases et leur total, prêt à afficher."""
    phases = lire(journal)
    if not phases:
        return f"Aucune phase notée dans {journal} : lancez `make test`."
    lignes = [f"{'phase':<22}{'durée':>10}  état", "-" * 42]
    for nom, duree, code, _ in phases:
        lignes.append(f"{nom:<22}{duree:>8.1f} s  {'ok' if code == 0 else f'échec ({code})'}")
    cumul = sum(d for _, d, _, _ in phases)
    lignes += ["-" * 42, f"{'phases cumulées':<22}{cumul:>8.1f} s  ({cumul / 60:.1f} min)"]
    if all(p[3] for p in phases):
        # Des phases tournent en même temps (paquet et livre, puis vérification et hub) : la durée réelle
        # va du premier départ à la dernière fin.
        reel = max(p[3] + p[1] for p in phases) - min(p[3] for p in phases)
        lignes.append(f"{'durée réelle':<22}{reel:>8.1f} s  ({reel / 60:.1f} min)")
    return "\n".join(lignes)


def main(argv: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    analyseur.add_argument("--journal", type=Path, default=Path("_build/phases.tsv"))
    analyseur.add_argument("--resume", action="store_true", help="afficher le résumé des phases")
    analyseur.add_argument("reste", nargs=argparse.REMAINDER, help="-- NOM commande ...")
    args = analyseur.parse_args(argv)
    if args.resume:
        print(resume(args.journal))
        return 0
    reste = args.reste[1:] if args.reste[:1] == ["--"] else args.reste
    if len(reste) < 2:
        analyseur.error("donnez le nom de la phase puis la commande : -- NOM commande ...")
    return lancer(args.journal, reste[0], reste[1:])


if __name__ == "__main__":
    sys.exit(main())
