"""Le kit du cours : le programme de 30 heures, la durée de chaque carnet et la grille d'évaluation.

Les séances, leurs objectifs et la grille sont des données (``donnees/cours.yaml``), que l'enseignant
peut adapter. Les durées ne sont pas écrites à la main : :func:`duree_carnet` les calcule depuis le
carnet lui-même (mots à lire, cellules de code, exercices), avec des hypothèses sourcées et modifiables,
et :func:`durees_mesurees` les mesure après une séance sur les fichiers de progression rendus (le temps
entre la première et la dernière réponse de chaque apprenant).

>>> d = duree_carnet("00-prise-en-main")
>>> d.total == d.lecture + d.code + d.exercices
True
>>> len(programme().seances)
10
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .erreurs import ErreurDonnees

__all__ = ["DureeCarnet", "Grille", "Programme", "Seance", "duree_carnet", "durees_mesurees", "grille",
           "hypotheses", "programme"]

#: La durée d'une séance, en minutes.
DUREE_SEANCE = 180


@lru_cache(maxsize=1)
def _donnees() -> dict[str, Any]:
    texte = resources.files("mba_territoires").joinpath("donnees/cours.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(texte)


def hypotheses() -> dict[str, dict[str, Any]]:
    """Les hypothèses du calcul des durées (valeur et source), telles que ``donnees/cours.yaml`` les donne.

    >>> hypotheses()["lecture_mots_par_minute"]["valeur"]
    195
    """
    return {nom: dict(h) for nom, h in _donnees()["hypotheses"].items()}


def _hypothese(nom: str) -> float:
    return float(_donnees()["hypotheses"][nom]["valeur"])


def _dossier_carnets() -> Path:
    from .cas import dossier_cas

    return dossier_cas().parent / "notebooks"


@dataclass(frozen=True)
class DureeCarnet:
    """La durée estimée d'un carnet, en minutes, et ce qui la compose."""

    #: Le nom du carnet (sans extension).
    carnet: str
    #: Le nombre de mots des cellules de texte.
    mots: int
    #: Le temps de lecture du texte.
    lecture: int
    #: Le temps de lire et d'exécuter les cellules de code qui ne sont pas des exercices.
    code: int
    #: Le nombre d'exercices vérifiés, dont ceux à plusieurs étapes.
    nombre_exercices: int
    exercices_a_etapes: int
    #: Le temps des exercices.
    exercices: int

    @property
    def total(self) -> int:
        """La durée totale estimée, en minutes."""
        return self.lecture + self.code + self.exercices


_VERIFIER = re.compile(r"\.verifier\(\s*[\"']([\w-]+)[\"']\s*,([^)]*)\)")


def duree_carnet(carnet: str | Path) -> DureeCarnet:
    """La durée estimée d'un carnet (lecture et pratique), calculée depuis son contenu.

    Lecture : mots des cellules de texte à la vitesse de ``lecture_mots_par_minute`` ; code : une durée
    par cellule de code hors exercice ; exercices : une durée par exercice vérifié, plus longue pour un
    exercice à plusieurs étapes (plusieurs réponses vérifiées ensemble). Les hypothèses et leurs sources
    sont dans ``donnees/cours.yaml``.

    >>> duree_carnet("n-existe-pas")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurDonnees: le carnet « n-existe-pas » est introuvable dans notebooks/.
    Conseil : donnez le nom d'un carnet sans son extension, par exemple « 03-plan-de-financement ».
    """
    import nbformat

    chemin = Path(carnet)
    if chemin.suffix != ".ipynb":
        chemin = _dossier_carnets() / f"{carnet}.ipynb"
    if not chemin.exists():
        raise ErreurDonnees(f"le carnet « {carnet} » est introuvable dans notebooks/",
                            conseil="donnez le nom d'un carnet sans son extension, par exemple "
                            "« 03-plan-de-financement »")
    nb = nbformat.read(chemin, as_version=4)
    mots = sum(len(re.findall(r"\w+", c.source)) for c in nb.cells if c.cell_type == "markdown")
    codes = [c.source for c in nb.cells if c.cell_type == "code"]
    verifications: dict[str, int] = {}
    cellules_exercice = 0
    for source in codes:
        trouves = _VERIFIER.findall(source)
        if trouves:
            cellules_exercice += 1
        for ident, arguments in trouves:
            reponses = len([a for a in arguments.split(",") if a.strip() and "=" not in a])
            verifications[ident] = max(verifications.get(ident, 0), reponses)
    # Un exercice à étapes : plusieurs réponses vérifiées ensemble (``ex.verifier("id", a, b)``).
    a_etapes = sum(1 for n in verifications.values() if n >= 2)
    simples = len(verifications) - a_etapes
    minutes_exercices = round(simples * _hypothese("minutes_par_exercice")
                              + a_etapes * _hypothese("minutes_par_exercice_a_etapes"))
    return DureeCarnet(
        carnet=chemin.stem, mots=mots, lecture=round(mots / _hypothese("lecture_mots_par_minute")),
        code=round((len(codes) - cellules_exercice) * _hypothese("minutes_par_cellule_de_code")),
        nombre_exercices=len(verifications), exercices_a_etapes=a_etapes, exercices=minutes_exercices)


@dataclass(frozen=True)
class Seance:
    """Une séance de trois heures du programme."""

    #: Le numéro de la séance (1 à 10).
    numero: int
    #: Son titre.
    titre: str
    #: Les carnets travaillés (leçons ou ateliers).
    carnets: tuple[str, ...]
    #: Les objectifs (« vous saurez… »).
    objectifs: tuple[str, ...]
    #: Ce que l'enseignant prépare.
    preparer: str
    #: Les notes de l'enseignant pour les questions ouvertes.
    notes: str
    #: Vrai pour une séance d'atelier de cas (un carnet par groupe, en parallèle).
    ateliers: bool
    #: La durée de travail prévue, en minutes (calculée depuis les carnets, ou fixée pour une restitution).
    minutes: int

    @property
    def marge(self) -> int:
        """Les minutes de la séance qui restent pour l'introduction, les échanges et la synthèse."""
        return DUREE_SEANCE - self.minutes


@dataclass(frozen=True)
class Programme:
    """Le programme du cours : dix séances de trois heures."""

    seances: tuple[Seance, ...]

    @property
    def heures(self) -> float:
        """La durée totale du cours, en heures."""
        return len(self.seances) * DUREE_SEANCE / 60

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        lignes = [[f"Séance {s.numero}", s.titre, ", ".join(s.carnets) or "–", f"{s.minutes} min",
                   f"{s.marge} min"] for s in self.seances]
        return tableau_html(lignes, ["Séance", "Thème", "Carnets", "Travail estimé", "Marge (accueil, synthèse)"],
                            legende=f"Programme du cours : {len(self.seances)} séances de trois heures "
                            f"({self.heures:g} heures)")


def programme() -> Programme:
    """Le programme du cours, les durées calculées depuis les carnets (un atelier : le plus long des cas).

    >>> s = programme().seances[2]
    >>> s.carnets, s.minutes == duree_carnet("03-plan-de-financement").total
    (('03-plan-de-financement',), True)
    """
    seances = []
    for s in _donnees()["seances"]:
        carnets = tuple(s.get("carnets") or ())
        durees = [duree_carnet(c).total for c in carnets]
        if s.get("duree_minutes"):
            minutes = int(s["duree_minutes"])
        elif s.get("ateliers"):
            minutes = max(durees, default=0)  # les groupes travaillent en parallèle, chacun sur un cas
        else:
            minutes = sum(durees)
        seances.append(Seance(int(s["numero"]), s["titre"], carnets, tuple(s["objectifs"]), s["preparer"],
                              s["notes"], bool(s.get("ateliers")), minutes))
    return Programme(tuple(seances))


@dataclass(frozen=True)
class Grille:
    """La grille d'évaluation des livrables écrits : critères, poids, niveaux et un exemple par niveau."""

    niveaux: tuple[str, ...]
    criteres: tuple[dict[str, Any], ...]

    @property
    def total(self) -> int:
        """Le total des poids (la note sur ce total)."""
        return sum(int(c["poids"]) for c in self.criteres)

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        lignes = [[f"{c['nom']} ({c['poids']} points)", c["description"], *c["exemples"]] for c in self.criteres]
        return tableau_html(lignes, ["Critère", "Ce qui est évalué", *[n.capitalize() for n in self.niveaux]],
                            legende=f"Grille d'évaluation des livrables écrits (sur {self.total} points)")


def grille() -> Grille:
    """La grille d'évaluation des livrables écrits.

    >>> g = grille()
    >>> g.niveaux, g.total
    (('insuffisant', 'à consolider', 'satisfaisant', 'excellent'), 20)
    """
    donnees = _donnees()["grille"]
    return Grille(tuple(donnees["niveaux"]), tuple(donnees["criteres"]))


_HORODATAGE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$")


def _horodatages(objet: Any) -> Iterable[_dt.datetime]:
    if isinstance(objet, dict):
        for v in objet.values():
            yield from _horodatages(v)
    elif isinstance(objet, list):
        for v in objet:
            yield from _horodatages(v)
    elif isinstance(objet, str) and _HORODATAGE.match(objet.strip()):
        try:
            jour = _dt.datetime.fromisoformat(objet.strip().replace("Z", "+00:00"))
        except ValueError:
            return
        yield jour.replace(tzinfo=None) if jour.tzinfo is None else jour.astimezone(_dt.timezone.utc).replace(
            tzinfo=None)


def durees_mesurees(dossier: str | Path) -> dict[str, dict[str, float]]:
    """Les durées mesurées par carnet sur les fichiers ``<carnet>.reponses.json`` rendus par une classe.

    Pour chaque fichier, la durée est l'écart entre le premier et le dernier horodatage des réponses ; par
    carnet, on rend le nombre d'apprenants et la médiane en minutes. Un fichier illisible est ignoré.

    >>> import tempfile, json, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "03-plan.reponses.json").write_text(json.dumps({"essais": [
    ...     {"quand": "2026-10-05T09:00:00"}, {"quand": "2026-10-05T09:47:00"}]}), encoding="utf-8")
    >>> durees_mesurees(d)
    {'03-plan': {'apprenants': 1, 'mediane_minutes': 47.0}}
    """
    par_carnet: dict[str, list[float]] = {}
    for fichier in sorted(Path(dossier).rglob("*.reponses.json")):
        try:
            instants = sorted(_horodatages(json.loads(fichier.read_text(encoding="utf-8"))))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        if len(instants) >= 2:
            carnet = fichier.name.removesuffix(".reponses.json")
            par_carnet.setdefault(carnet, []).append((instants[-1] - instants[0]).total_seconds() / 60)
    return {c: {"apprenants": len(v), "mediane_minutes": round(statistics.median(v), 1)}
            for c, v in sorted(par_carnet.items())}
