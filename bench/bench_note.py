"""Mesures de la note aux élus : temps de construction et d'export, taille des fichiers.

Usage : ``.venv/bin/python bench/bench_note.py [--repetitions 5] [--sans-libreoffice]``

Affiche la médiane (en millisecondes) pour chaque cas du dépôt :
- ``NoteAuxElus.depuis_cas`` (chargement du cas compris) ;
- ``markdown()``, ``html()`` (graphique PNG compris) et ``exporter_word()`` ;
- la taille du .docx et, si LibreOffice est installé, le temps de conversion en PDF et le nombre de pages.
Puis la même chose pour une note « piégée » (textes de 100 000 caractères, caractères de contrôle).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

from mba_territoires import cas as module_cas
from mba_territoires.note import NoteAuxElus


def mediane_ms(fonction, repetitions: int) -> float:  # type: ignore[no-untyped-def]
    mesures = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        mesures.append(time.perf_counter() - debut)
    return statistics.median(mesures) * 1000


def note_piegee() -> NoteAuxElus:
    long = "x" * 100_000
    piege = "<script>alert(1)</script> & {{ x }}\x00\x1b" * 20
    return NoteAuxElus(objet=piege, contexte=piege + long, objectifs=[piege, long], cout=1000,
                       plan_de_financement=[(piege, 400), ("Commune", 600)], concertation=piege * 100,
                       risques=[piege] * 30, decision_demandee=piege)


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--repetitions", type=int, default=5)
    analyseur.add_argument("--sans-libreoffice", action="store_true")
    args = analyseur.parse_args()
    soffice = None if args.sans_libreoffice else shutil.which("soffice")
    notes = {slug: NoteAuxElus.depuis_cas(slug, plan=[("DETR", 300_000), ("Commune", 200_000)])
             for slug in module_cas.disponibles()}
    notes["(note piégée)"] = note_piegee()
    print(f"{'cas':<22}{'depuis_cas':>11}{'markdown':>10}{'html':>8}{'word':>8}{'docx (ko)':>11}"
          f"{'PDF (ms)':>10}{'pages':>7}")
    with tempfile.TemporaryDirectory() as dossier:
        dossier = Path(dossier)
        for nom, note in notes.items():
            t_cas = mediane_ms(lambda n=nom: NoteAuxElus.depuis_cas(n), args.repetitions) if "(" not in nom else 0
            t_md = mediane_ms(note.markdown, args.repetitions)
            t_html = mediane_ms(note.html, args.repetitions)
            chemin = dossier / f"{nom.strip('()').replace(' ', '-')}.docx"
            t_word = mediane_ms(lambda c=chemin, n=note: n.exporter_word(c), args.repetitions)
            taille = chemin.stat().st_size / 1024
            t_pdf, pages = float("nan"), "-"
            if soffice:
                profil = (dossier / "profil").as_uri()
                debut = time.perf_counter()
                subprocess.run([soffice, f"-env:UserInstallation={profil}", "--headless", "--convert-to", "pdf",
                                "--outdir", str(dossier), str(chemin)], check=True, capture_output=True)
                t_pdf = (time.perf_counter() - debut) * 1000
                if shutil.which("pdfinfo"):
                    infos = subprocess.run(["pdfinfo", str(chemin.with_suffix(".pdf"))], capture_output=True,
                                           text=True).stdout
                    pages = next((ligne.split()[-1] for ligne in infos.splitlines() if ligne.startswith("Pages")),
                                 "-")
            print(f"{nom:<22}{t_cas:>11.1f}{t_md:>10.1f}{t_html:>8.1f}{t_word:>8.1f}{taille:>11.1f}"
                  f"{t_pdf:>10.0f}{pages:>7}")


if __name__ == "__main__":
    main()
