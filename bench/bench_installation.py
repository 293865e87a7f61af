"""Taille et temps d'installation des environnements du cahier, dans des environnements virtuels neufs.

Usage : ``.venv/bin/python bench/bench_installation.py [--avec-cache] [--environnement apprenant]``

Pour chaque environnement, un venv temporaire (dans ``/tmp``) reçoit ``pip install "<dépôt>[options]"``
(installation normale, pas éditable) ; on mesure la durée de l'installation et la place prise sur le
disque par le venv entier (comme ``du``), puis on affiche les dix distributions les plus lourdes.

- ``apprenant`` : le paquet et JupyterLab en français (options ``lab`` et, si elle existe, ``cartes``) :
  ce qu'installe un poste d'apprenant, Binder ou JupyterHub ; objectif ≤ 450 Mo ;
- ``apprenant-sans-cartes`` : le paquet et JupyterLab seulement (option ``lab``) ;
- ``developpement`` : tout ce qu'installe ``make install`` (options ``lab``, ``book``, ``dev``).

Par défaut pip n'utilise pas son cache (``--no-cache-dir``) : la durée est celle d'une machine neuve,
téléchargements compris. ``--avec-cache`` mesure une réinstallation sur une machine chaude.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tomllib

RACINE = Path(__file__).resolve().parents[1]
OBJECTIF_APPRENANT_MO = 450


def _options_du_projet() -> set[str]:
    projet = tomllib.loads((RACINE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return set(projet.get("optional-dependencies", {}))


def environnements() -> dict[str, list[str]]:
    """Les environnements mesurés et leurs options (seulement celles que ``pyproject.toml`` définit)."""
    connues = _options_du_projet()
    voulus = {
        "apprenant": ["lab", "cartes"],
        "apprenant-sans-cartes": ["lab"],
        "developpement": ["lab", "book", "dev"],
    }
    return {nom: [o for o in options if o in connues] for nom, options in voulus.items()}


def taille_disque(dossier: Path) -> int:
    """La place occupée sur le disque (octets, blocs alloués comme ``du``), liens non suivis."""
    total = 0
    for chemin in dossier.rglob("*"):
        try:
            if chemin.is_symlink() or not chemin.is_file():
                continue
            total += chemin.stat().st_blocks * 512
        except OSError:
            continue
    return total


def lourdes(venv: Path, nombre: int = 10) -> list[tuple[str, int]]:
    """Les ``nombre`` dossiers de site-packages les plus lourds : (nom, octets)."""
    sites = list(venv.glob("lib/python*/site-packages"))
    if not sites:
        return []
    tailles = [(d.name, taille_disque(d)) for d in sites[0].iterdir() if d.is_dir() and not d.name.endswith(
        (".dist-info", "__pycache__"))]
    return sorted(tailles, key=lambda x: -x[1])[:nombre]


def mesurer(nom: str, options: list[str], avec_cache: bool) -> dict[str, object]:
    """Installe l'environnement ``nom`` dans un venv temporaire ; renvoie durée, taille, plus lourdes."""
    dossier = Path(tempfile.mkdtemp(prefix=f"bench-installation-{nom}-"))
    venv = dossier / "venv"
    try:
        debut = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)  # chronométré avec pip
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        if not avec_cache:
            pip.append("--no-cache-dir")
        # Une copie des sources (sans .git, .venv, _build) : la construction de la roue écrit build/ et
        # *.egg-info à côté des sources, jamais dans l'arbre de travail.
        source = dossier / "source"
        shutil.copytree(RACINE, source, ignore=shutil.ignore_patterns(
            ".git", ".venv", "_build", "build", ".outils", "node_modules", "*.egg-info", "__pycache__",
            ".pytest_cache", ".ruff_cache", ".hypothesis"))
        cible = f"{source}[{','.join(options)}]" if options else str(source)
        resultat = subprocess.run([*pip, cible], capture_output=True, text=True, check=False)
        duree = time.perf_counter() - debut
        if resultat.returncode != 0:
            raise SystemExit(f"installation « {nom} » en échec :\n{(resultat.stdout + resultat.stderr)[-3000:]}")
        return {"nom": nom, "options": options, "duree_s": duree, "octets": taille_disque(venv),
                "lourdes": lourdes(venv)}
    finally:
        shutil.rmtree(dossier, ignore_errors=True)


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    analyseur.add_argument("--avec-cache", action="store_true", help="laisser pip utiliser son cache")
    analyseur.add_argument("--environnement", action="append", choices=sorted(environnements()),
                           help="mesurer seulement cet environnement (répétable)")
    args = analyseur.parse_args()
    choisis = args.environnement or list(environnements())
    cache = "avec le cache de pip" if args.avec_cache else "sans cache de paquets (--no-cache-dir)"
    print(f"Installation dans des venv neufs, {cache} ; Python {sys.version.split()[0]}\n")
    mesures = []
    for nom in choisis:
        options = environnements()[nom]
        print(f"… {nom} ([{','.join(options)}])", flush=True)
        mesures.append(mesurer(nom, options, args.avec_cache))
    print(f"\n{'environnement':<24}{'options':<18}{'taille (Mo)':>12}{'durée (s)':>11}")
    for m in mesures:
        print(f"{m['nom']:<24}{','.join(m['options']):<18}{m['octets'] / 1e6:>12.0f}{m['duree_s']:>11.0f}")
    for m in mesures:
        print(f"\nLes plus lourds dans « {m['nom']} » :")
        for dossier, octets in m["lourdes"]:
            print(f"  {dossier:<32}{octets / 1e6:>8.1f} Mo")
    apprenant = next((m for m in mesures if m["nom"] == "apprenant"), None)
    if apprenant is not None:
        mo = apprenant["octets"] / 1e6
        verdict = "atteint" if mo <= OBJECTIF_APPRENANT_MO else "DÉPASSÉ"
        print(f"\nObjectif apprenant ≤ {OBJECTIF_APPRENANT_MO} Mo : {verdict} ({mo:.0f} Mo).")


if __name__ == "__main__":
    main()
