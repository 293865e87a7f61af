"""Banques d'exercices par carnet, et progression de l'apprenant sauvegardée à côté du carnet.

La progression est écrite dans ``<carnet>.reponses.json`` dans le dossier courant (celui du
carnet dans Jupyter), ou dans le dossier ``MBA_TERRITOIRES_PROGRESSION`` s'il est défini. Ce
fichier survit au redémarrage du noyau, et l'apprenant peut le rendre à son enseignant.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import json
import os
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from ..erreurs import ErreurExercice
from .mecanisme import Exercice, Retour

__all__ = ["Banque", "Carnet", "carnet", "module_du_carnet"]


class Banque:
    """Les exercices d'un carnet, déclarés dans son module de vérifications.

    >>> banque = Banque("99-demo", "Démonstration")
    >>> @banque.exercice("double", "Le double de 21")
    ... def _(reponse):
    ...     from mba_territoires.exercices import comparer_montant
    ...     return comparer_montant(reponse, 42, tolerance=0)
    >>> banque["double"].verifier(42).statut
    'juste'
    """

    def __init__(self, carnet: str, titre: str) -> None:
        self.carnet = carnet
        self.titre = titre
        self._exercices: dict[str, Exercice] = {}

    def exercice(self, ident: str, titre: str) -> Callable[[Callable[..., Retour]], Callable[..., Retour]]:
        """Décorateur : déclare la fonction de vérification de l'exercice ``ident``."""

        def enregistrer(fonction: Callable[..., Retour]) -> Callable[..., Retour]:
            if ident in self._exercices:
                raise ValueError(f"exercice « {ident} » déclaré deux fois dans {self.carnet}")
            self._exercices[ident] = Exercice(ident, titre, fonction)
            return fonction

        return enregistrer

    def __getitem__(self, ident: str) -> Exercice:
        try:
            return self._exercices[ident]
        except KeyError:
            raise ErreurExercice(
                f"le carnet « {self.carnet} » n'a pas d'exercice « {ident} »",
                conseil="exercices disponibles : " + ", ".join(self._exercices),
            ) from None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._exercices.values())

    def __len__(self) -> int:
        return len(self._exercices)

    def identifiants(self) -> list[str]:
        """Les identifiants des exercices, dans l'ordre du carnet."""
        return list(self._exercices)


def module_du_carnet(nom: str) -> str:
    """Le module de vérifications d'un carnet : ``"02-plan-de-financement"`` → ``c02_plan_de_financement``.

    >>> module_du_carnet("02-plan-de-financement")
    'mba_territoires.exercices.carnets.c02_plan_de_financement'
    """
    return "mba_territoires.exercices.carnets.c" + nom.replace("-", "_").replace(".", "_")


def _banque(nom: str) -> Banque:
    try:
        module = importlib.import_module(module_du_carnet(nom))
    except ModuleNotFoundError:
        raise ErreurExercice(f"aucun exercice n'est déclaré pour le carnet « {nom} »",
                             conseil="vérifiez le nom du carnet, sans l'extension .ipynb") from None
    return module.BANQUE


class Carnet:
    """Les exercices d'un carnet ouvert, avec la progression de l'apprenant."""

    def __init__(self, banque: Banque, sauvegarde: bool = True, dossier: Path | str | None = None) -> None:
        self.banque = banque
        self.sauvegarde = sauvegarde
        dossier = dossier or os.environ.get("MBA_TERRITOIRES_PROGRESSION") or Path.cwd()
        self.fichier = Path(dossier) / f"{banque.carnet}.reponses.json"

    def _lire(self) -> dict[str, Any]:
        try:
            return json.loads(self.fichier.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def _enregistrer(self, retour: Retour, reponses: tuple[Any, ...]) -> None:
        if not self.sauvegarde:
            return
        etat = self._lire()
        valeurs = [r if isinstance(r, (int, float, str, bool)) or r is None else repr(r) for r in reponses]
        etat[retour.exercice] = {
            "titre": retour.titre,
            "statut": retour.statut,
            "reponse": valeurs[0] if len(valeurs) == 1 else valeurs,
            "horodatage": _dt.datetime.now().isoformat(timespec="seconds"),
        }
        try:
            self.fichier.write_text(json.dumps(etat, ensure_ascii=False, indent=2), encoding="utf-8")
        except OSError:  # dossier en lecture seule : la vérification reste affichée
            pass

    def verifier(self, ident: str, *reponses: Any, **options: Any) -> Retour:
        """Vérifie la réponse à l'exercice ``ident`` et note le résultat dans la progression."""
        retour = self.banque[ident].verifier(*reponses, **options)
        if retour.statut != "vide":
            self._enregistrer(retour, reponses)
        return retour

    def progression(self) -> Progression:
        """Où en est l'apprenant : chaque exercice, fait ou non."""
        etat = self._lire()
        lignes = [(ex.ident, ex.titre, etat.get(ex.ident, {}).get("statut", "vide")) for ex in self.banque]
        return Progression(self.banque.titre, lignes)

    def __repr__(self) -> str:
        return f"Carnet({self.banque.carnet!r}, {len(self.banque)} exercices)"


class Progression:
    """Le tableau de progression d'un carnet."""

    def __init__(self, titre: str, lignes: list[tuple[str, str, str]]) -> None:
        self.titre = titre
        self.lignes = lignes

    @property
    def faits(self) -> int:
        """Le nombre d'exercices réussis."""
        return sum(1 for *_, statut in self.lignes if statut == "juste")

    def __repr__(self) -> str:
        symboles = {"juste": "✔", "faux": "✘", "vide": "…"}
        corps = "\n".join(f"  {symboles[s]} {t}" for _, t, s in self.lignes)
        return f"{self.titre} : {self.faits}/{len(self.lignes)} exercices réussis\n{corps}"

    def _repr_html_(self) -> str:
        libelles = {"juste": "✔ réussi", "faux": "✘ à reprendre", "vide": "… pas encore fait"}
        corps = "".join(f"<tr><td>{escape(t)}</td><td>{libelles[s]}</td></tr>" for _, t, s in self.lignes)
        return (f"<table><caption>{escape(self.titre)} : {self.faits}/{len(self.lignes)} exercices réussis"
                f"</caption><thead><tr><th>Exercice</th><th>État</th></tr></thead><tbody>{corps}</tbody></table>")


def carnet(nom: str, sauvegarde: bool = True, dossier: Path | str | None = None) -> Carnet:
    """Les exercices du carnet ``nom`` (son nom de fichier sans ``.ipynb``)."""
    return Carnet(_banque(nom), sauvegarde=sauvegarde, dossier=dossier)
