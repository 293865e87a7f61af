"""Taille et temps d'installation des environnements du cahier, dans des environnements virtuels neufs.

Usage : ``.venv/bin/python bench/bench_installation.py [--avec-cache] [--environnement apprenant]``

Pour chaque environnement, un venv temporaire (dans ``/tmp``) reçoit le paquet depuis une copie du dépôt
(installation normale, pas éditable) ; on mesure la durée des étapes et la place prise sur le disque par
le venv entier (comme ``du``, bytecode compris), puis on affiche les dix dossiers les plus lourds.

- ``apprenant`` : l'installation légère, celle de ``make lab`` sur un poste neuf et du guide de
  déploiement d'un JupyterHub (``make installer-apprenant`` : ``pip install --no-compile -e ".[lab]"``,
  les contours des cartes sans Django, puis ``mba-territoires prechauffer``, le bytecode de ce qu'une
  séance importe). La taille est mesurée **après une première séance** : la leçon 00 exécutée dans le
  venv, avec le bytecode que Python écrit alors. Objectif ≤ 450 Mo ;
- ``apprenant-compile`` : le paquet et JupyterLab par un ``pip install "<dépôt>[lab]"`` ordinaire (tout
  compilé d'avance, sans les cartes), pour comparaison ;
- ``developpement`` : tout ce qu'installe ``make install`` (options ``lab``, ``book``, ``dev``).

Par défaut pip n'utilise pas son cache (``--no-cache-dir``) : la durée est celle d'une machine neuve,
téléchargements compris. ``--avec-cache`` mesure une réinstallation sur une machine chaude.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tomllib

RACINE = Path(__file__).resolve().parents[1]
OBJECTIF_APPRENANT_MO = 450
LECON_DE_LA_PREMIERE_SEANCE = "notebooks/00-prise-en-main.ipynb"


def _options_du_projet() -> dict[str, list[str]]:
    projet = tomllib.loads((RACINE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return projet.get("optional-dependencies", {})


def environnements() -> dict[str, list[tuple[str, list[str]]]]:
    """Les environnements mesurés : pour chacun, ses étapes (libellé, commande).

    ``{python}`` est le Python du venv, ``{venv}`` son dossier, ``{lecon}`` la leçon de la première
    séance, ``{sortie}`` un dossier temporaire ; les commandes tournent dans la copie du dépôt.
    """
    return {
        "apprenant": [
            ("make installer-apprenant", ["make", "--no-print-directory", "installer-apprenant", "VENV={venv}"]),
            ("première séance (leçon 00)", ["{python}", "-m", "jupyter", "nbconvert", "--to", "notebook",
                                            "--execute", "--output-dir", "{sortie}", "{lecon}"]),
        ],
        "apprenant-compile": [
            ("pip install [lab]", ["{python}", "-m", "pip", "install", ".[lab]"]),
        ],
        "developpement": [
            ("pip install [lab,book,dev]", ["{python}", "-m", "pip", "install", ".[lab,book,dev]"]),
        ],
    }


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


def bytecode(dossier: Path) -> int:
    """La place des fichiers ``.pyc`` sous ``dossier`` (octets)."""
    return sum(p.stat().st_blocks * 512 for p in dossier.rglob("*.pyc") if not p.is_symlink())


def lourdes(venv: Path, nombre: int = 10) -> list[tuple[str, int]]:
    """Les ``nombre`` dossiers de site-packages les plus lourds : (nom, octets)."""
    sites = list(venv.glob("lib/python*/site-packages"))
    if not sites:
        return []
    tailles = [(d.name, taille_disque(d)) for d in sites[0].iterdir() if d.is_dir() and not d.name.endswith(
        (".dist-info", "__pycache__"))]
    return sorted(tailles, key=lambda x: -x[1])[:nombre]


def mesurer(nom: str, etapes: list[tuple[str, list[str]]], avec_cache: bool) -> dict[str, object]:
    """Exécute les ``etapes`` de l'environnement ``nom`` dans un venv temporaire ; renvoie durées, taille."""
    dossier = Path(tempfile.mkdtemp(prefix=f"bench-installation-{nom}-"))
    venv = dossier / "venv"
    python = str(venv / "bin" / "python")
    # Python écrit le bytecode des modules importés, comme chez un apprenant ; rien dans le dépôt.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("MPLBACKEND", None)  # une séance : le moteur « inline » du noyau, comme chez l'apprenant
    env.update(MBA_TERRITOIRES_PROGRESSION=str(dossier / "progression"),
               PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", JUPYTER_PLATFORM_DIRS="1")
    env.pop("VIRTUAL_ENV", None)
    env.update(PIP_QUIET="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    if not avec_cache:
        env["PIP_NO_CACHE_DIR"] = "1"
    try:
        # Une copie des sources (sans .git, .venv, _build) : la construction de la roue écrit build/ et
        # *.egg-info à côté des sources, jamais dans l'arbre de travail.
        source = dossier / "source"
        shutil.copytree(RACINE, source, ignore=shutil.ignore_patterns(
            ".git", ".venv", "_build", "build", ".outils", "node_modules", "*.egg-info", "__pycache__",
            ".pytest_cache", ".ruff_cache", ".hypothesis"))
        durees: list[tuple[str, float]] = []
        tailles: list[tuple[str, int]] = []
        debut = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)  # chronométré avec la 1re étape
        for libelle, arguments in etapes:
            commande = [a.format(python=python, venv=venv, lecon=source / LECON_DE_LA_PREMIERE_SEANCE,
                                 sortie=dossier / "executes") for a in arguments]
            resultat = subprocess.run(commande, capture_output=True, text=True, check=False, env=env, cwd=source)
            if resultat.returncode != 0:
                raise SystemExit(f"« {nom} », étape « {libelle} » en échec :\n"
                                 f"{(resultat.stdout + resultat.stderr)[-3000:]}")
            durees.append((libelle, time.perf_counter() - debut))
            tailles.append((libelle, taille_disque(venv)))  # hors chronomètre
            debut = time.perf_counter()
        return {"nom": nom, "durees": durees, "tailles": tailles, "octets": taille_disque(venv), "pyc": bytecode(venv),
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
        print(f"… {nom}", flush=True)
        mesures.append(mesurer(nom, environnements()[nom], args.avec_cache))
    print(f"\n{'environnement':<22}{'taille (Mo)':>12}{'dont .pyc':>11}{'durée (s)':>11}   étapes (s)")
    for m in mesures:
        total = sum(d for _, d in m["durees"])
        etapes = " ; ".join(f"{libelle} {d:.0f}" for libelle, d in m["durees"])
        print(f"{m['nom']:<22}{m['octets'] / 1e6:>12.0f}{m['pyc'] / 1e6:>11.0f}{total:>11.0f}   {etapes}")
    for m in mesures:
        if len(m["tailles"]) > 1:
            print(f"\n« {m['nom']} », taille après chaque étape : "
                  + " ; ".join(f"{libelle} {octets / 1e6:.0f} Mo" for libelle, octets in m["tailles"]))
    for m in mesures:
        print(f"\nLes plus lourds dans « {m['nom']} » :")
        for dossier, octets in m["lourdes"]:
            print(f"  {dossier:<32}{octets / 1e6:>8.1f} Mo")
    apprenant = next((m for m in mesures if m["nom"] == "apprenant"), None)
    if apprenant is not None:
        mo = apprenant["octets"] / 1e6
        verdict = "atteint" if mo <= OBJECTIF_APPRENANT_MO else "DÉPASSÉ"
        print(f"\nObjectif apprenant ≤ {OBJECTIF_APPRENANT_MO} Mo (après la première séance) : {verdict} "
              f"({mo:.0f} Mo).")


if __name__ == "__main__":
    main()
