"""La commande ``mba-territoires`` : études de cas, éditions et liens de diffusion.

Exemples ::

    mba-territoires cas liste
    mba-territoires cas valider
    mba-territoires cas empreintes ecole-jules-ferry
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .erreurs import ErreurSaisie

__all__ = ["main"]


def _cas_liste(_args: argparse.Namespace) -> int:
    from . import cas

    for slug in cas.disponibles():
        print(cas.expliquer(slug), end="\n\n")
    return 0


def _cas_valider(_args: argparse.Namespace) -> int:
    from . import cas

    rapport = cas.valider_tout()
    for slug in rapport.valides:
        print(f"✔ {slug}")
    for slug, message in rapport.erreurs.items():
        print(f"✘ {slug}\n{message}\n", file=sys.stderr)
    print(f"{len(rapport.valides)} cas valides, {len(rapport.erreurs)} en erreur.")
    return 1 if rapport.erreurs else 0


def _cas_empreintes(args: argparse.Namespace) -> int:
    from . import cas

    modifies = cas.mettre_a_jour_empreintes(args.slug)
    print("Empreintes mises à jour : " + (", ".join(modifies) if modifies else "aucune (déjà à jour)"))
    return 0


def construire_analyseur() -> argparse.ArgumentParser:
    """L'analyseur de la ligne de commande (une sous-commande par famille d'actions)."""
    analyseur = argparse.ArgumentParser(
        prog="mba-territoires",
        description="Outils du cahier d'exercices mba-territoires (études de cas, éditions, liens).",
    )
    familles = analyseur.add_subparsers(dest="famille", required=True, metavar="{cas,edition,lien}")

    p_cas = familles.add_parser("cas", help="lister, valider les études de cas")
    actions = p_cas.add_subparsers(dest="action", required=True)
    actions.add_parser("liste", help="les cas disponibles et leur résumé").set_defaults(fonction=_cas_liste)
    actions.add_parser("valider", help="charge et valide tous les cas").set_defaults(fonction=_cas_valider)
    p_emp = actions.add_parser("empreintes", help="recalcule les empreintes sha256 des données d'un cas")
    p_emp.add_argument("slug", help="l'identifiant du cas (nom de son dossier)")
    p_emp.set_defaults(fonction=_cas_empreintes)
    return analyseur


def main(argv: Sequence[str] | None = None) -> int:
    """Point d'entrée : renvoie le code de sortie (0 si tout va bien)."""
    analyseur = construire_analyseur()
    args = analyseur.parse_args(argv)
    try:
        return int(args.fonction(args))
    except ErreurSaisie as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
