"""Banques d'exercices par carnet, et progression de l'apprenant sauvegardée à côté du carnet.

La progression est écrite dans ``<carnet>.reponses.json`` dans le dossier courant (celui du
carnet dans Jupyter), ou dans le dossier ``MBA_TERRITOIRES_PROGRESSION`` s'il est défini. Ce
fichier survit au redémarrage du noyau, et l'apprenant peut le rendre à son enseignant
(``mba-territoires edition bilan`` résume les fichiers rendus).

>>> import tempfile
>>> dossier = tempfile.mkdtemp()
>>> ex = carnet("00-prise-en-main", dossier=dossier)
>>> ex.verifier("cout-ttc", 984_000).statut
'juste'
>>> carnet("00-prise-en-main", dossier=dossier).reponse("cout-ttc")  # après un redémarrage du noyau
984000
"""

from __future__ import annotations

import datetime as _dt
import importlib
import json
import math
import os
from collections.abc import Callable
from html import escape
from numbers import Integral, Real
from pathlib import Path
from typing import Any

from ..erreurs import ErreurExercice
from .mecanisme import Exercice, Retour

__all__ = ["Banque", "Carnet", "Progression", "banque", "carnet", "module_du_carnet"]


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


def banque(nom: str) -> Banque:
    """La banque d'exercices du carnet ``nom`` (son nom de fichier sans ``.ipynb``).

    >>> banque("00-prise-en-main").identifiants()
    ['population-jeunes', 'part-retraites', 'cout-ttc']
    """
    nom_module = module_du_carnet(nom)
    try:
        module = importlib.import_module(nom_module)
    except ModuleNotFoundError as exc:
        if exc.name != nom_module:  # le module existe mais importe quelque chose d'absent
            raise
        raise ErreurExercice(f"aucun exercice n'est déclaré pour le carnet « {nom} »",
                             conseil="vérifiez le nom du carnet, sans l'extension .ipynb") from None
    return module.BANQUE


_banque = banque  # ancien nom, gardé pour les modules qui l'importent


def _valeur_enregistrable(reponse: Any) -> Any:
    """Une réponse sous une forme que JSON sait écrire (nombres numpy compris), sinon son texte."""
    if reponse is None or isinstance(reponse, (bool, str)):
        return reponse
    if isinstance(reponse, Integral):
        return int(reponse)
    if isinstance(reponse, Real):
        valeur = float(reponse)
        return valeur if math.isfinite(valeur) else repr(reponse)
    if isinstance(reponse, (list, tuple)):
        return [_valeur_enregistrable(r) for r in reponse]
    if isinstance(reponse, dict):
        return {str(k): _valeur_enregistrable(v) for k, v in reponse.items()}
    return repr(reponse)


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
        valeurs = [_valeur_enregistrable(r) for r in reponses]
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

    def reponse(self, ident: str) -> Any:
        """La dernière réponse enregistrée pour l'exercice ``ident`` (``...`` s'il n'y en a pas).

        Utile après un redémarrage du noyau : ``reponse_1 = ex.reponse("fctva")``. Les réponses qui ne
        sont ni des nombres ni des textes (un tableau, par exemple) sont rendues sous forme de texte.
        """
        self.banque[ident]  # un identifiant inconnu lève une erreur qui liste les exercices
        entree = self._lire().get(ident)
        if not isinstance(entree, dict) or "reponse" not in entree:
            return ...
        return entree["reponse"]

    def progression(self) -> Progression:
        """Où en est l'apprenant : chaque exercice, fait ou non, et le fichier où tout est enregistré."""
        etat = self._lire()
        lignes = []
        for ex in self.banque:
            entree = etat.get(ex.ident)
            statut = entree.get("statut", "vide") if isinstance(entree, dict) else "vide"
            lignes.append((ex.ident, ex.titre, statut if statut in ("juste", "faux") else "vide"))
        return Progression(self.banque.titre, lignes, self.fichier if self.sauvegarde else None)

    def __repr__(self) -> str:
        return f"Carnet({self.banque.carnet!r}, {len(self.banque)} exercices)"


class Progression:
    """Le tableau de progression d'un carnet.

    >>> p = Progression("Prise en main", [("a", "Les moins de 15 ans", "juste"), ("b", "Le coût TTC", "vide")])
    >>> print(p)
    Prise en main : 1/2 exercices réussis
      ✔ Les moins de 15 ans
      … Le coût TTC
    """

    def __init__(self, titre: str, lignes: list[tuple[str, str, str]], fichier: Path | None = None) -> None:
        #: Le titre du carnet.
        self.titre = titre
        #: Une ligne par exercice : identifiant, titre, statut (``juste``, ``faux`` ou ``vide``).
        self.lignes = lignes
        #: Le fichier où les réponses sont enregistrées (``None`` si rien n'est enregistré).
        self.fichier = fichier

    def _mention_fichier(self) -> str:
        if self.fichier is None:
            return ""
        return (f"Vos réponses sont enregistrées dans le fichier « {self.fichier.name} », à côté du carnet "
                f"({self.fichier.parent}) : elles survivent à un redémarrage du noyau, et c'est ce fichier "
                "que vous rendez à votre enseignant.")

    @property
    def faits(self) -> int:
        """Le nombre d'exercices réussis."""
        return sum(1 for *_, statut in self.lignes if statut == "juste")

    def __repr__(self) -> str:
        symboles = {"juste": "✔", "faux": "✘", "vide": "…"}
        corps = "\n".join(f"  {symboles[s]} {t}" for _, t, s in self.lignes)
        texte = f"{self.titre} : {self.faits}/{len(self.lignes)} exercices réussis\n{corps}"
        return texte if self.fichier is None else f"{texte}\n{self._mention_fichier()}"

    def __str__(self) -> str:
        return repr(self)

    def _repr_html_(self) -> str:
        libelles = {"juste": "✔ réussi", "faux": "✘ à reprendre", "vide": "… pas encore fait"}
        corps = "".join(f"<tr><td>{escape(t)}</td><td>{libelles[s]}</td></tr>" for _, t, s in self.lignes)
        return (f"<table><caption>{escape(self.titre)} : {self.faits}/{len(self.lignes)} exercices réussis"
                f"</caption><thead><tr><th>Exercice</th><th>État</th></tr></thead><tbody>{corps}</tbody></table>"
                + (f"<p>{escape(self._mention_fichier())}</p>" if self.fichier is not None else ""))


def carnet(nom: str, sauvegarde: bool = True, dossier: Path | str | None = None) -> Carnet:
    """Les exercices du carnet ``nom`` (son nom de fichier sans ``.ipynb``)."""
    return Carnet(banque(nom), sauvegarde=sauvegarde, dossier=dossier)
