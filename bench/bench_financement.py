"""Mesure du chemin du formulaire : une saisie, puis les verdicts et le tableau HTML recalculés.

Usage : ``.venv/bin/python bench/bench_financement.py [--repetitions 30]``

Affiche la médiane (en millisecondes) du recalcul après une modification (``modifier_depense``
puis ``verifier()`` et ``_repr_html_()`` du plan et des verdicts, comme :class:`EditeurPlan`) pour un
plan de 40 lignes (objectif : moins de 30 ms), puis la croissance de 10 à 1 000 lignes.
"""

from __future__ import annotations

import argparse
import statistics
import time

from mba_territoires.affichage.widgets_financement import EditeurPlan
from mba_territoires.financement import PlanDeFinancement

OBJECTIF_MS = 30.0


def plan_de(n: int) -> PlanDeFinancement:
    """Un plan de ``n`` lignes : trois quarts de dépenses, un quart de financeurs (dont la moitié sur une ligne)."""
    plan = PlanDeFinancement("Plan de mesure", maitre_ouvrage="Commune")
    depenses = max(1, 3 * n // 4)
    for i in range(depenses):
        plan.ajouter_depense(f"Dépense {i}", montant_ht=10_000 + i)
    for j in range(n - depenses):
        if j % 2:
            plan.ajouter_financeur(f"Financeur {j}", montant=100, lignes=[f"Dépense {j % depenses}"])
        else:
            plan.ajouter_financeur(f"Financeur {j}", taux=0.001)
    return plan


def mesurer(n: int, repetitions: int) -> float:
    editeur = EditeurPlan(plan_de(n))
    mesures = []
    for k in range(repetitions):
        debut = time.perf_counter()
        editeur.enregistrer_depense("Dépense 0", 10_000 + k % 7)  # une saisie, comme un clic
        editeur.html()  # plan + verdicts en HTML
        mesures.append((time.perf_counter() - debut) * 1000)
        if editeur.erreur:  # pragma: no cover - une saisie du banc ne doit pas être refusée
            raise SystemExit(editeur.erreur)
    return statistics.median(mesures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repetitions", type=int, default=30)
    args = parser.parse_args()
    mesurer(10, 3)  # échauffement (imports)
    m40 = mesurer(40, args.repetitions)
    verdict = "sous" if m40 < OBJECTIF_MS else "AU-DESSUS de"
    print(f"Plan de 40 lignes : {m40:.1f} ms par saisie (médiane de {args.repetitions}), {verdict} l'objectif "
          f"de {OBJECTIF_MS:.0f} ms")
    print("Lignes   médiane (ms)   ms par ligne")
    for n in (10, 40, 100, 300, 1000):
        m = mesurer(n, max(5, args.repetitions // (1 + n // 100)))
        print(f"{n:>6}   {m:>12.1f}   {m / n:>12.3f}")


if __name__ == "__main__":
    main()
