"""La commande ``mba-territoires`` : études de cas, éditions et liens de diffusion.

Exemples ::

    mba-territoires cas liste
    mba-territoires cas valider
    mba-territoires cas empreintes ecole-jules-ferry
    mba-territoires edition etudiant --archive edition-etudiant.zip
    mba-territoires edition etiquettes
    mba-territoires edition bilan rendus --csv notes-moodle.csv --resume bilan.md
    mba-territoires lien jupyterhub --hub https://hub.ecole.fr --depot https://github.com/mba-territoires/mba-territoires --carnet notebooks/00-prise-en-main.ipynb
    mba-territoires prechauffer
    mba-territoires lien binder --depot https://github.com/mba-territoires/mba-territoires --carnet notebooks/00-prise-en-main.ipynb

L'aide et les messages d'erreur de la ligne de commande sont en français :

>>> main(["lien", "binder", "--depot", "https://github.com/mba-territoires/mba-territoires",
...       "--carnet", "notebooks/00-prise-en-main.ipynb"])
https://mybinder.org/v2/gh/mba-territoires/mba-territoires/main?urlpath=lab/tree/notebooks/00-prise-en-main.ipynb
0
"""  # noqa: E501

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from .erreurs import ErreurSaisie

__all__ = ["AnalyseurFrancais", "FormateurFrancais", "construire_analyseur", "main", "traduire"]


# --------------------------------------------------------------------------- argparse en français

# Les messages d'argparse (Python 3.10 à 3.13) et leur traduction.
_TRADUCTIONS: list[tuple[str, str]] = [
    (r"the following arguments are required: (.*)", r"arguments obligatoires manquants : \1"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)", r"argument \1 : choix invalide : \2 "
     r"(choix possibles : \3)"),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"choix invalide : \1 (choix possibles : \2)"),
    (r"argument (.*?): expected one argument", r"argument \1 : une valeur est attendue"),
    (r"argument (.*?): expected at least one argument", r"argument \1 : au moins une valeur est attendue"),
    (r"argument (.*?): invalid (.*?) value: (.*)", r"argument \1 : valeur invalide (\2) : \3"),
    (r"unrecognized arguments: (.*)", r"arguments non reconnus : \1"),
    (r"ambiguous option: (.*?) could match (.*)", r"option ambiguë : \1 peut désigner \2"),
    (r"one of the arguments (.*) is required", r"l'un des arguments \1 est obligatoire"),
    (r"argument (.*?): not allowed with argument (.*)", r"argument \1 : incompatible avec l'argument \2"),
]


def traduire(message: str) -> str:
    """Traduit un message d'erreur d'argparse en français (le message tel quel s'il est inconnu).

    >>> traduire("the following arguments are required: --hub, --depot")
    'arguments obligatoires manquants : --hub, --depot'
    """
    for motif, traduction in _TRADUCTIONS:
        if re.fullmatch(motif, message, flags=re.S):
            return re.sub(motif, traduction, message, flags=re.S)
    return message


class FormateurFrancais(argparse.HelpFormatter):
    """La mise en forme de l'aide, avec « utilisation : » au lieu de « usage: »."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "utilisation : ")


class AnalyseurFrancais(argparse.ArgumentParser):
    """Un ``ArgumentParser`` dont l'aide et les erreurs sont en français."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FormateurFrancais)
        ajouter_aide = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        # argparse ajoute « : » collé au titre ; l'espace final donne la typographie française « options : ».
        self._positionals.title = "arguments "
        self._optionals.title = "options "
        if ajouter_aide:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="affiche cette aide et s'arrête")

    def error(self, message: str) -> NoReturn:
        """Affiche l'utilisation et l'erreur en français, puis s'arrête (code 2)."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {traduire(message)}\n")


# --------------------------------------------------------------------------- les actions


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


def _edition_etudiant(args: argparse.Namespace) -> int:
    from .editions import edition_etudiant

    print(edition_etudiant(args.sortie, carnets=args.carnets or None, archive=args.archive))
    return 0


def _edition_etiquettes(args: argparse.Namespace) -> int:
    from .editions import ajouter_etiquettes, carnets_du_depot, chemin_carnet, racine_depot

    racine = racine_depot()
    chemins = [chemin_carnet(c, racine) for c in args.carnets] if args.carnets else carnets_du_depot(racine)
    modifies = [str(c) for c in chemins if ajouter_etiquettes(c)]
    for chemin in modifies:
        print(f"✔ étiquette « hide-input » ajoutée aux solutions de {chemin}")
    print(f"{len(modifies)} carnet(s) modifié(s) sur {len(chemins)}.")
    return 0


def _edition_bilan(args: argparse.Namespace) -> int:
    from .editions import bilan

    resultat = bilan(args.dossier)
    print(resultat)
    if args.csv:
        chemin = resultat.csv_moodle(args.csv, echelle=args.echelle)
        print(f"Notes sur {args.echelle:g} au format d'import CSV de Moodle : {chemin} "
              f"(colonne « {resultat.colonne_identifiant()} » pour identifier l'apprenant).")
    if args.resume:
        from pathlib import Path

        chemin = Path(args.resume)
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_text(resultat.resume(echelle=args.echelle) + "\n", encoding="utf-8")
        print(f"Résumé lisible : {chemin}")
    return 0


def _examen(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .examen import exporter_notes_csv, generer_examen, noter_copies

    if args.noter:
        copies = sorted(Path(args.noter).rglob("*.reponses.json"))
        notes, problemes = noter_copies(args.corrige, copies)
        for c in notes:
            print(f"{c.identifiant} : {c.note:.2f} / 20 ({c.fichier})")
        for p in problemes:
            print(f"À regarder : {p}")
        if args.csv:
            chemin = exporter_notes_csv(notes, args.csv, colonne=args.colonne)
            print(f"Notes au format d'import de Moodle : {chemin}")
        return 0
    sortie = generer_examen(args.graine, args.sortie)
    print(f"Sujet n° {args.graine} écrit dans {sortie} :")
    print(f"- {sortie / 'etudiant'} : à distribuer (commande, cas sans plan de financement, carnet d'examen) ;")
    print(f"- {sortie / 'corrige'} : à garder (cas complet, corrigé calculé par le paquet).")
    return 0


def _prechauffer(_args: argparse.Namespace) -> int:
    from .prechauffage import prechauffer

    print(prechauffer())
    return 0


def _lien_jupyterhub(args: argparse.Namespace) -> int:
    from .diffusion import lien_jupyterhub

    print(lien_jupyterhub(args.hub, args.depot, args.carnet, branche=args.branche, interface=args.interface))
    return 0


def _lien_binder(args: argparse.Namespace) -> int:
    from .diffusion import lien_binder

    print(lien_binder(args.depot, args.carnet, branche=args.branche, interface=args.interface,
                      binderhub=args.binderhub))
    return 0


# --------------------------------------------------------------------------- l'analyseur


def construire_analyseur() -> argparse.ArgumentParser:
    """L'analyseur de la ligne de commande (une sous-commande par famille d'actions).

    >>> construire_analyseur().parse_args(["edition", "bilan", "rendus"]).dossier
    'rendus'
    """
    from .diffusion import BINDERHUB, BRANCHE, INTERFACES
    from .editions import SORTIE_PAR_DEFAUT

    analyseur = AnalyseurFrancais(
        prog="mba-territoires",
        description="Outils du cahier d'exercices mba-territoires (études de cas, éditions, liens).",
    )
    familles = analyseur.add_subparsers(dest="famille", required=True, metavar="{cas,edition,examen,lien,prechauffer}",
                                        title="familles de commandes ")

    p_cas = familles.add_parser("cas", help="lister, valider les études de cas")
    actions = p_cas.add_subparsers(dest="action", required=True, title="actions ")
    actions.add_parser("liste", help="les cas disponibles et leur résumé").set_defaults(fonction=_cas_liste)
    actions.add_parser("valider", help="charge et valide tous les cas").set_defaults(fonction=_cas_valider)
    p_emp = actions.add_parser("empreintes", help="recalcule les empreintes sha256 des données d'un cas")
    p_emp.add_argument("slug", help="l'identifiant du cas (nom de son dossier)")
    p_emp.set_defaults(fonction=_cas_empreintes)

    p_edition = familles.add_parser("edition", help="édition étudiant, étiquettes du livre, bilan des rendus")
    actions = p_edition.add_subparsers(dest="action", required=True, title="actions ")
    p_etu = actions.add_parser(
        "etudiant", help="écrit l'édition étudiant (carnets sans solutions, cas, LISEZMOI)",
        description="Écrit l'édition étudiant : les carnets sans solutions ni sorties dans <sortie>/notebooks, "
        "les études de cas dans <sortie>/casestudies. S'arrête si une solution fuiterait.",
    )
    p_etu.add_argument("carnets", nargs="*", help="les carnets à éditer (par défaut : tous ceux de notebooks/)")
    p_etu.add_argument("--sortie", default=SORTIE_PAR_DEFAUT, metavar="DOSSIER",
                       help=f"le dossier de l'édition (par défaut : {SORTIE_PAR_DEFAUT})")
    p_etu.add_argument("--archive", metavar="FICHIER.zip", help="écrit aussi une archive zip à distribuer")
    p_etu.set_defaults(fonction=_edition_etudiant)
    p_eti = actions.add_parser("etiquettes", help="ajoute l'étiquette hide-input aux cellules solution",
                               description="Ajoute l'étiquette « hide-input » (solution repliée dans le livre) "
                               "aux cellules « solution » qui ne l'ont pas. Sans effet sur un carnet à jour.")
    p_eti.add_argument("carnets", nargs="*", help="les carnets à compléter (par défaut : tous ceux de notebooks/)")
    p_eti.set_defaults(fonction=_edition_etiquettes)
    p_bil = actions.add_parser("bilan", help="revérifie les fichiers .reponses.json rendus par une classe",
                               description="Revérifie chaque réponse rendue avec les vérifications actuelles et la "
                               "variante de l'apprenant (aucun verdict enregistré n'est cru), puis résume.")
    p_bil.add_argument("dossier", help="le dossier des rendus (un sous-dossier par apprenant, nommé par son "
                       "identifiant)")
    p_bil.add_argument("--csv", metavar="FICHIER", help="écrit les notes au format d'import CSV de Moodle")
    p_bil.add_argument("--resume", metavar="FICHIER", help="écrit le résumé détaillé (essais, premier juste)")
    p_bil.add_argument("--echelle", type=float, default=20.0, metavar="N", help="les notes sont sur N (défaut : 20)")
    p_bil.set_defaults(fonction=_edition_bilan)

    p_exa = familles.add_parser(
        "examen", help="génère un sujet d'examen (cas neuf, dossier étudiant, corrigé) ou note les copies",
        description="Avec --graine et --sortie : écrit un sujet neuf (etudiant/ à distribuer, corrige/ à garder). "
        "Avec --noter DOSSIER et --corrige : note les fichiers .reponses.json rendus.")
    p_exa.add_argument("--graine", type=int, help="le numéro du sujet (même graine, même sujet)")
    p_exa.add_argument("--sortie", metavar="DOSSIER", help="où écrire le sujet")
    p_exa.add_argument("--noter", metavar="DOSSIER", help="le dossier des copies rendues (*.reponses.json)")
    p_exa.add_argument("--corrige", metavar="DOSSIER", help="le dossier corrige/ du sujet")
    p_exa.add_argument("--csv", metavar="FICHIER", help="écrit aussi les notes au format d'import de Moodle")
    p_exa.add_argument("--colonne", default="Examen", help="le nom de la colonne de note (par défaut : Examen)")
    p_exa.set_defaults(fonction=_examen)

    familles.add_parser(
        "prechauffer", help="compile d'avance ce qu'une séance importe (après pip install --no-compile)",
        description="Importe les modules qu'ouvre une séance (serveur JupyterLab, noyau, cahier et ses "
        "bibliothèques) pour écrire leur bytecode, et seulement le leur : l'installation légère du README.",
    ).set_defaults(fonction=_prechauffer)

    p_lien = familles.add_parser("lien", help="liens qui ouvrent un carnet sur un JupyterHub ou sur Binder")
    actions = p_lien.add_subparsers(dest="action", required=True, title="actions ")
    p_hub = actions.add_parser("jupyterhub", help="lien nbgitpuller vers le JupyterHub de l'établissement")
    p_hub.add_argument("--hub", required=True, help="l'adresse du JupyterHub (ex. https://hub.ecole.fr)")
    p_bin = actions.add_parser("binder", help="lien de lancement sur Binder (mybinder.org)")
    p_bin.add_argument("--binderhub", default=BINDERHUB, help=f"l'adresse du BinderHub (par défaut : {BINDERHUB})")
    for p in (p_hub, p_bin):
        p.add_argument("--depot", required=True, help="l'adresse du dépôt git (ex. https://github.com/…/…)")
        p.add_argument("--carnet", required=True, help="le carnet à ouvrir (ex. notebooks/00-prise-en-main.ipynb)")
        p.add_argument("--branche", default=BRANCHE, help=f"la branche du dépôt (par défaut : {BRANCHE})")
        p.add_argument("--interface", default="lab", choices=sorted(INTERFACES),
                       help="JupyterLab (lab, par défaut) ou le Notebook classique (notebook)")
    p_hub.set_defaults(fonction=_lien_jupyterhub)
    p_bin.set_defaults(fonction=_lien_binder)
    return analyseur


def main(argv: Sequence[str] | None = None) -> int:
    """Point d'entrée : renvoie le code de sortie (0 si tout va bien, 2 pour une saisie à corriger)."""
    analyseur = construire_analyseur()
    args = analyseur.parse_args(argv)
    if args.famille == "examen" and not ((args.noter and args.corrige) or (args.graine is not None and args.sortie)):
        analyseur.error("examen : donnez --graine N --sortie DOSSIER (générer) ou --noter DOSSIER --corrige "
                        "DOSSIER (noter)")
    try:
        return int(args.fonction(args))
    except ErreurSaisie as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
