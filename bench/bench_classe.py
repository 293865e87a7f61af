"""Banc de capacité : une classe de 5, 10 puis 20 apprenants simulés exécute la leçon 03 en même temps sur un hub.

Usage : ``.venv/bin/python bench/bench_classe.py [--apprenants 5,10,20] [--delai 300]``
(après ``make test-hub``, qui installe jupyterhub et configurable-http-proxy).

Pour chaque taille de classe, sur un JupyterHub démarré sur 127.0.0.1 (``tests/hub/classe.py`` : spawner de
processus locaux, dépôt servi en local par ``git http-backend``) :

1. les comptes sont créés et tous les serveurs démarrés d'un coup (API REST du hub) ;
2. chaque apprenant, dans son fil, se connecte, suit le lien nbgitpuller imprimé par le cahier, ouvre la
   leçon et l'exécute cellule par cellule par le websocket du noyau (comme un « Run All ») ;
3. un fil échantillonne toutes les 0,5 s la mémoire de chaque apprenant (RSS et PSS du serveur et du noyau).

Affiche : démarrage des serveurs, mémoire par apprenant (serveur + noyau, pic ; dont le noyau seul),
mémoire totale de la machine, temps jusqu'à la première sortie (du clic sur le lien à la première sortie de
la leçon), latence des cellules (p50, p95), échecs, et la charge de la machine (loadavg sur 1 min) avant chaque classe :
des programmes étrangers au banc faussent les temps (pas la mémoire). Rien ne sort de 127.0.0.1 ; chaque
boucle est bornée en nombre et en temps (``--delai`` par taille de classe) ; tout ce qui a été démarré est
arrêté à la fin, même en échec.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "tests" / "hub"))

from classe import Apprenant, DepotServi, ErreurHub, Hub, cellules_de_code  # noqa: E402

CARNET = "notebooks/03-plan-de-financement.ipynb"


@dataclass
class Mesure:
    nom: str
    demarrage: float | None = None  # demande du serveur → serveur prêt (s)
    premiere_sortie: float | None = None  # clic sur le lien → première sortie de la leçon (s)
    latences: list[float] = field(default_factory=list)
    rss: float = 0.0  # pic, Mio (serveur + noyau)
    pss: float = 0.0  # pic, Mio
    noyau: float = 0.0  # pic, Mio (RSS du seul noyau)
    echec: str | None = None


def _memoire(pids: list[int]) -> tuple[float, float]:
    """RSS et PSS (Mio) additionnés des processus ``pids`` (``/proc/<pid>/smaps_rollup``)."""
    rss = pss = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            for ligne in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if ligne.startswith("Rss:"):
                    rss += int(ligne.split()[1])
                elif ligne.startswith("Pss:"):
                    pss += int(ligne.split()[1])
    return rss / 1024, pss / 1024


def _est_noyau(pid: int) -> bool:
    try:
        return b"ipykernel_launcher" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _processus_par_apprenant(hub: Hub) -> dict[str, list[int]]:
    """Les processus de chaque apprenant : ceux dont le dossier courant est dans son dossier personnel."""
    maisons = (hub.dossier / "home").resolve()
    par_nom: dict[str, list[int]] = {}
    for pid in hub.processus_marques():
        with contextlib.suppress(OSError):
            cwd = Path(f"/proc/{pid}/cwd").resolve()
            if maisons in cwd.parents:
                par_nom.setdefault(cwd.relative_to(maisons).parts[0], []).append(pid)
    return par_nom


def _memoire_machine() -> float:
    """Mémoire utilisée de la machine (MemTotal − MemAvailable), en Mio."""
    valeurs = {}
    for ligne in Path("/proc/meminfo").read_text().splitlines():
        cle, reste = ligne.split(":", 1)
        valeurs[cle] = int(reste.split()[0])
    return (valeurs["MemTotal"] - valeurs["MemAvailable"]) / 1024


def _lien(hub: Hub, depot: DepotServi) -> str:
    fini = subprocess.run([str(Path(sys.executable).parent / "mba-territoires"), "lien", "jupyterhub", "--hub", hub.url,
                           "--depot", depot.url, "--carnet", CARNET], cwd=RACINE, capture_output=True, text=True,
                          timeout=60, check=True)
    return fini.stdout.strip()


def _parcours(hub: Hub, lien: str, mesure: Mesure, depart: threading.Barrier, limite: float) -> None:
    try:
        apprenant = Apprenant(hub, mesure.nom)
        apprenant.se_connecter()
        depart.wait(timeout=max(1.0, limite - time.monotonic()))
        clic = time.monotonic()
        chemin = apprenant.suivre_lien(lien, attente=max(1.0, limite - time.monotonic()))
        sources = cellules_de_code(apprenant.carnet(chemin))
        noyau = apprenant.ouvrir_noyau(chemin)
        try:
            for source in sources:  # borné : le nombre de cellules du carnet
                reste = limite - time.monotonic()
                if reste <= 0:
                    raise ErreurHub("délai du banc dépassé")
                envoi = time.monotonic()
                try:
                    cellule = noyau.executer(source, attente=reste)
                except ErreurHub as exc:
                    raise ErreurHub(f"{exc} — cellule {len(mesure.latences) + 1} : {source.splitlines()[0][:60]!r}") \
                        from exc
                if cellule.erreur:
                    raise ErreurHub(f"cellule en erreur : {cellule.erreur.splitlines()[0]}")
                if mesure.premiere_sortie is None and cellule.premiere_sortie is not None:
                    mesure.premiere_sortie = envoi + cellule.premiere_sortie - clic
                mesure.latences.append(cellule.duree)
        finally:
            noyau.fermer()
    except Exception as exc:  # un échec d'apprenant est compté, pas fatal au banc
        mesure.echec = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"


def _quantile(valeurs: list[float], q: float) -> float:
    if not valeurs:
        return float("nan")
    if len(valeurs) == 1:
        return valeurs[0]
    return statistics.quantiles(valeurs, n=100, method="inclusive")[round(q * 100) - 1]


def une_classe(hub: Hub, depot: DepotServi, taille: int, delai: float) -> dict:
    """Une classe de ``taille`` apprenants, tous en même temps ; rend les mesures agrégées."""
    limite = time.monotonic() + delai
    noms = [f"c{taille:02d}-{i:02d}" for i in range(1, taille + 1)]
    mesures = {nom: Mesure(nom) for nom in noms}
    base = _memoire_machine()
    charge = os.getloadavg()[0]  # la charge de la machine avant la classe (autres programmes)
    hub.creer_apprenants(noms)
    demande = time.monotonic()
    for nom in noms:
        hub.demarrer_serveur(nom)
    for nom in noms:
        try:
            hub.attendre_serveur(nom, attente=max(1.0, limite - time.monotonic()))
            mesures[nom].demarrage = time.monotonic() - demande
        except ErreurHub as exc:
            mesures[nom].echec = f"démarrage : {str(exc).splitlines()[0][:160]}"
    lien = _lien(hub, depot)
    prets = [m for m in mesures.values() if m.echec is None]
    depart = threading.Barrier(len(prets)) if prets else None
    fils = {m.nom: threading.Thread(target=_parcours, args=(hub, lien, m, depart, limite), daemon=True)
            for m in prets}
    for fil in fils.values():
        fil.start()
    pic_machine = base
    while any(f.is_alive() for f in fils.values()) and time.monotonic() < limite:  # borné par le délai
        for nom, pids in _processus_par_apprenant(hub).items():
            if nom in mesures:
                rss, pss = _memoire(pids)
                mesures[nom].rss = max(mesures[nom].rss, rss)
                mesures[nom].pss = max(mesures[nom].pss, pss)
                mesures[nom].noyau = max(mesures[nom].noyau, _memoire([p for p in pids if _est_noyau(p)])[0])
        pic_machine = max(pic_machine, _memoire_machine())
        time.sleep(0.5)
    for nom, fil in fils.items():
        fil.join(timeout=max(0.1, limite - time.monotonic()))
        if fil.is_alive():  # le fil (démon) finira sur l'arrêt de son serveur ; il est compté en échec
            mesures[nom].echec = mesures[nom].echec or "délai du banc dépassé"
    for nom in noms:  # les serveurs de cette classe sont arrêtés avant la suivante
        with contextlib.suppress(ErreurHub):
            hub.api("DELETE", f"/users/{nom}/server")
    for nom in noms:
        with contextlib.suppress(ErreurHub):
            hub.arreter_serveur(nom, attente=30)
    reussis = [m for m in mesures.values() if m.echec is None]
    latences = [x for m in reussis for x in m.latences]
    premieres = [m.premiere_sortie for m in reussis if m.premiere_sortie is not None]
    demarrages = [m.demarrage for m in mesures.values() if m.demarrage is not None]
    return {
        "taille": taille, "charge": charge,
        "demarrage_p50": _quantile(demarrages, 0.5), "demarrage_max": max(demarrages, default=float("nan")),
        "rss_moyen": statistics.fmean([m.rss for m in reussis]) if reussis else float("nan"),
        "rss_max": max((m.rss for m in reussis), default=float("nan")),
        "pss_moyen": statistics.fmean([m.pss for m in reussis]) if reussis else float("nan"),
        "noyau_moyen": statistics.fmean([m.noyau for m in reussis]) if reussis else float("nan"),
        "machine": pic_machine - base,
        "premiere_p50": _quantile(premieres, 0.5), "premiere_p95": _quantile(premieres, 0.95),
        "cellule_p50": _quantile(latences, 0.5), "cellule_p95": _quantile(latences, 0.95),
        "echecs": [f"{m.nom} : {m.echec}" for m in mesures.values() if m.echec],
    }


def machine() -> str:
    modele = next((ligne.split(":", 1)[1].strip() for ligne in Path("/proc/cpuinfo").read_text().splitlines()
                   if ligne.startswith("model name")), platform.processor())
    memoire = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    noyaux = len(os.sched_getaffinity(0))
    versions = ", ".join(f"{p} {version(p)}" for p in ("jupyterhub", "jupyterlab", "jupyter_server", "ipykernel",
                                                        "nbgitpuller", "pandas", "matplotlib"))
    proxy = subprocess.run([str(RACINE / ".outils" / "node_modules" / ".bin" / "configurable-http-proxy"),
                            "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    return (f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC ; {modele}, {noyaux} cœurs, {memoire:.1f} Gio ; "
            f"{platform.platform()} ; Python {platform.python_version()} ; {versions}, "
            f"configurable-http-proxy {proxy}")


def main(argv: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--apprenants", default="5,10,20", help="tailles de classe, séparées par des virgules")
    analyseur.add_argument("--delai", type=float, default=300, help="délai maximal par taille de classe (s)")
    args = analyseur.parse_args(argv)
    tailles = [int(t) for t in args.apprenants.split(",") if t.strip()]
    if not tailles or any(t < 1 or t > 60 for t in tailles):
        analyseur.error("--apprenants : des entiers entre 1 et 60, par exemple 5,10,20")
    print(f"Machine : {machine()}")
    print(f"Leçon : {CARNET} (exécutée en entier par chaque apprenant)\n")
    resultats = []
    with tempfile.TemporaryDirectory(prefix="bench-classe-") as dossier:
        depot = DepotServi(Path(dossier))
        hub = Hub(Path(dossier), delai_demarrage=int(args.delai))
        try:
            hub.demarrer()
            for taille in tailles:
                resultats.append(une_classe(hub, depot, taille, args.delai))
                print(f"  classe de {taille} : terminée", flush=True)
        finally:
            hub.arreter()
            depot.arreter()
            if any(r["echecs"] for r in resultats):  # le journal du hub, pour comprendre les échecs
                garde = Path(tempfile.gettempdir()) / f"bench-classe-{dt.datetime.now():%Y%m%d-%H%M%S}.log"
                shutil.copy(hub.journal, garde)
                print(f"Journal du hub gardé : {garde}")
    print()
    entete = ("apprenants", "serveurs prêts p50/max (s)", "mémoire/apprenant RSS moy. (max) Mio", "dont noyau Mio",
              "PSS moy. Mio",
              "mémoire machine +Mio", "1re sortie p50/p95 (s)", "cellule p50/p95 (s)", "échecs", "charge avant")
    print(" | ".join(entete))
    print(" | ".join("---" for _ in entete))
    for r in resultats:
        print(" | ".join([
            str(r["taille"]), f"{r['demarrage_p50']:.1f} / {r['demarrage_max']:.1f}",
            f"{r['rss_moyen']:.0f} ({r['rss_max']:.0f})", f"{r['noyau_moyen']:.0f}", f"{r['pss_moyen']:.0f}",
            f"{r['machine']:.0f}",
            f"{r['premiere_p50']:.2f} / {r['premiere_p95']:.2f}", f"{r['cellule_p50']:.2f} / {r['cellule_p95']:.2f}",
            str(len(r["echecs"])), f"{r['charge']:.1f}",
        ]))
    for r in resultats:
        for echec in r["echecs"]:
            print(f"échec (classe de {r['taille']}) : {echec}")
    return 1 if any(r["echecs"] for r in resultats) else 0


if __name__ == "__main__":
    raise SystemExit(main())
