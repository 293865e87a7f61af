"""Les études de cas : lister, expliquer, charger et valider ``casestudies/<slug>/``.

Un cas est un dossier qui contient ``cas.yaml`` (le territoire, le maître
d'ouvrage, le projet et les sections que les modules lisent), un
``README.md`` (la commande, rédigée comme une vraie mission), des fichiers
CSV et leur manifeste ``donnees.yaml`` (source, licence, empreinte sha256,
colonnes décrites).

>>> "ecole-jules-ferry" in disponibles()
True
>>> cas = charger("ecole-jules-ferry")
>>> cas.territoire.nom
'Saint-Exemple'
>>> cas.donnees("population").shape[0] > 0
True
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import Field, PrivateAttr, ValidationError

from .erreurs import ErreurCas
from .sections.base import Annee, ModeleCas, Montant
from .sections.concertation import SectionActeurs, SectionBudgetParticipatif, SectionConcertation
from .sections.financement import SectionFinancement
from .sections.projet import SectionIndicateur, SectionPlanning, SectionProjet, SectionRisque

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Cas",
    "DonneesCas",
    "FinancesMaitreOuvrage",
    "MaitreOuvrage",
    "Territoire",
    "charger",
    "disponibles",
    "dossier_cas",
    "expliquer",
    "valider_tout",
]

TypeCollectivite = Literal["commune", "epci", "departement", "region", "syndicat"]


class Territoire(ModeleCas):
    """Le territoire du cas."""

    nom: str = Field(description="le nom du territoire (ex. Saint-Exemple)")
    type: TypeCollectivite = Field(description="commune, epci, departement, region ou syndicat")
    population: int = Field(ge=0, description="le nombre d'habitants (population municipale), un entier positif")
    departement: str = Field(description="le département, en toutes lettres avec son numéro (ex. Dordogne (24))")
    region: str = Field(description="la région (ex. Nouvelle-Aquitaine)")
    caracteristiques: list[str] = Field(
        default_factory=list, description="quelques traits du territoire, une phrase chacun"
    )
    rural: bool = Field(default=False, description="vrai si le territoire est rural au sens de la grille INSEE")


class FinancesMaitreOuvrage(ModeleCas):
    """Les grands agrégats du budget du maître d'ouvrage (compte administratif de l'année passée)."""

    recettes_reelles_fonctionnement: Montant = Field(description="les recettes réelles de fonctionnement, en euros")
    depenses_reelles_fonctionnement: Montant = Field(
        description="les dépenses réelles de fonctionnement, intérêts de la dette compris, en euros"
    )
    remboursement_capital: Montant = Field(description="le remboursement annuel du capital de la dette, en euros")
    encours_dette: Montant = Field(description="l'encours de la dette au 31 décembre, en euros")


class MaitreOuvrage(ModeleCas):
    """La collectivité qui porte le projet."""

    nom: str = Field(description="le nom officiel (ex. Commune de Saint-Exemple)")
    type: TypeCollectivite = Field(description="commune, epci, departement, region ou syndicat")
    regime_fctva: Literal["N", "N+1", "N+2"] = Field(
        default="N+2", description="le régime de versement du FCTVA : N, N+1 ou N+2"
    )
    finances: FinancesMaitreOuvrage | None = Field(
        default=None, description="les agrégats budgétaires (recettes, dépenses, dette)"
    )


class DonneesCas(ModeleCas):
    """Une entrée du manifeste ``donnees.yaml`` : un fichier CSV décrit."""

    fichier: str = Field(description="le nom du fichier CSV dans le dossier du cas")
    description: str = Field(description="ce que contient le fichier")
    source: str = Field(description="d'où viennent les chiffres (ou « fictif »)")
    licence: str = Field(description="la licence des données (ex. Licence Ouverte 2.0)")
    sha256: str = Field(description="l'empreinte sha256 du fichier (mba-territoires cas empreintes)")
    colonnes: dict[str, str] = Field(description="chaque colonne et ce qu'elle contient")


class Cas(ModeleCas):
    """Une étude de cas validée."""

    slug: str = Field(description="l'identifiant du cas, identique au nom du dossier")
    titre: str = Field(description="le titre du cas")
    fictif: bool = Field(description="vrai : le cas est fictif et doit le dire")
    resume: str = Field(description="le résumé du cas en deux phrases")
    themes: list[str] = Field(description="les thèmes (urbanisme, transition écologique, mobilité, logement)")
    competences: list[str] = Field(default_factory=list, description="les compétences exercées par le cas")
    annee: Annee = Field(description="l'année de référence du cas, celle des paramètres réglementaires")
    territoire: Territoire
    maitre_ouvrage: MaitreOuvrage
    projet: SectionProjet
    financement: SectionFinancement | None = None
    acteurs: list[SectionActeurs] | None = None
    concertation: SectionConcertation | None = None
    budget_participatif: SectionBudgetParticipatif | None = None
    # Sections de la conception de projet, décrites dans sections/projet.py au fil des modules.
    planning: SectionPlanning | None = None
    risques: list[SectionRisque] | None = None
    indicateurs: list[SectionIndicateur] | None = None

    # Le dossier d'où le cas a été chargé (rempli par charger, pas par le YAML).
    _dossier: Path | None = PrivateAttr(default=None)
    _manifeste: dict[str, DonneesCas] = PrivateAttr(default_factory=dict)

    @property
    def dossier(self) -> Path:
        """Le dossier du cas."""
        if self._dossier is None:  # pragma: no cover - seulement pour un Cas construit à la main
            raise ErreurCas("ce cas n'a pas été chargé depuis un dossier",
                            conseil="utilisez mba_territoires.cas.charger(slug)")
        return self._dossier

    def fichiers_donnees(self) -> list[str]:
        """Les noms des tableaux de données du cas (clés du manifeste)."""
        return sorted(self._manifeste)

    def donnees(self, nom: str) -> pd.DataFrame:
        """Un tableau de données du cas, par son nom dans le manifeste (``"population"``)."""
        import pandas as pd

        if nom not in self._manifeste:
            raise ErreurCas(
                f"le cas « {self.slug} » n'a pas de données « {nom} »",
                conseil="données disponibles : " + (", ".join(self.fichiers_donnees()) or "aucune"),
                fichier=str(self.dossier / "donnees.yaml"), champ=nom,
            )
        entree = self._manifeste[nom]
        import io

        chemin = self.dossier / entree.fichier
        return pd.read_csv(io.StringIO(lire_texte(chemin)), sep=",")

    def brief(self, jusqua: str | None = None) -> str:
        """Le texte de la commande (README.md du cas), en entier ou jusqu'à la section dont le titre commence
        par ``jusqua`` (exclue).

        >>> brief = charger("cour-oasis").brief(jusqua="Hypothèses")
        >>> "## La commande" in brief, "## Hypothèses" in brief
        (True, False)
        """
        texte = lire_texte(self.dossier / "README.md")
        if jusqua is None:
            return texte
        from .saisie import normaliser

        lignes = texte.splitlines(keepends=True)
        for i, ligne in enumerate(lignes):
            if ligne.startswith("#") and normaliser(ligne.lstrip("#")).startswith(normaliser(jusqua)):
                return "".join(lignes[:i]).rstrip() + "\n"
        titres = [ligne.lstrip("#").strip() for ligne in lignes if ligne.startswith("## ")]
        raise ErreurCas(f"la commande du cas « {self.slug} » n'a pas de section « {jusqua} »",
                        conseil="sections de la commande : " + ", ".join(titres),
                        fichier=str(self.dossier / "README.md"))

    def __repr__(self) -> str:
        return f"Cas({self.slug!r}, {self.titre!r}, {self.territoire.nom}, {self.territoire.population} hab.)"

    def _repr_html_(self) -> str:
        from html import escape

        from .affichage.html import tableau_html
        from .formats import euros, nombre

        t = self.territoire
        lignes = [
            ("Territoire", f"{t.nom} ({t.type}, {nombre(t.population)} hab.)"),
            ("Maître d'ouvrage", self.maitre_ouvrage.nom),
            ("Projet", self.projet.intitule),
            ("Coût estimé", euros(self.projet.cout_estime_ht, 0) + " HT"),
            ("Thèmes", ", ".join(self.themes)),
        ]
        tableau = tableau_html(lignes, ["Rubrique", "Valeur"], legende=f"Le cas « {self.slug} » en bref")
        mention = "<p><em>Cas fictif, construit sur des ordres de grandeur réels.</em></p>" if self.fictif else ""
        return f"<h4>{escape(self.titre)}</h4>{tableau}{mention}"


# ---------------------------------------------------------------------------
# Trouver les cas
# ---------------------------------------------------------------------------

def dossier_cas() -> Path:
    """Le dossier ``casestudies/`` : variable ``MBA_TERRITOIRES_CAS``, sinon en remontant depuis
    le dossier courant, sinon à côté du paquet (installation éditable)."""
    env = os.environ.get("MBA_TERRITOIRES_CAS")
    if env:
        return Path(env)
    for depart in (Path.cwd(), Path(__file__).resolve()):
        for parent in (depart, *depart.parents):
            candidat = parent / "casestudies"
            if candidat.is_dir():
                return candidat
    raise ErreurCas(
        "le dossier des études de cas (casestudies/) est introuvable",
        conseil="ouvrez le carnet depuis le dépôt mba-territoires, ou indiquez le chemin dans "
        "la variable d'environnement MBA_TERRITOIRES_CAS",
    )


def disponibles(racine: Path | str | None = None) -> list[str]:
    """Les identifiants (slugs) des cas présents dans ``casestudies/``."""
    racine = Path(racine) if racine else dossier_cas()
    return sorted(p.name for p in racine.iterdir() if (p / "cas.yaml").is_file())


def expliquer(slug: str, racine: Path | str | None = None) -> str:
    """Le résumé d'un cas en quelques lignes, pour choisir.

    >>> print(expliquer("ecole-jules-ferry").splitlines()[0])
    Rénovation énergétique de l'école Jules-Ferry (ecole-jules-ferry)
    """
    cas = charger(slug, racine)
    return (f"{cas.titre} ({cas.slug})\n{cas.resume}\n"
            f"Thèmes : {', '.join(cas.themes)}. Maître d'ouvrage : {cas.maitre_ouvrage.nom}.")


# ---------------------------------------------------------------------------
# Messages d'erreur : de pydantic au français
# ---------------------------------------------------------------------------

def _chemin(loc: tuple[Any, ...]) -> str:
    morceaux: list[str] = []
    for partie in loc:
        if isinstance(partie, int):
            morceaux.append(f"[{partie}]")
        else:
            morceaux.append(("." if morceaux else "") + str(partie))
    return "".join(morceaux)


def _description(modele: type[ModeleCas], loc: tuple[Any, ...]) -> str | None:
    """La description du champ visé par ``loc``, en descendant dans les modèles imbriqués."""
    import typing

    courant: Any = modele
    description = None
    for partie in loc:
        if isinstance(partie, int):
            continue
        champs = getattr(courant, "model_fields", None)
        if not champs or partie not in champs:
            return description
        info = champs[partie]
        description = info.description
        annotation = info.annotation
        suivant = None
        for arg in (annotation, *typing.get_args(annotation)):
            for sous in (arg, *typing.get_args(arg)):
                if isinstance(sous, type) and issubclass(sous, ModeleCas):
                    suivant = sous
        courant = suivant
        if courant is None:
            return description
    return description


def _champs_possibles(modele: type[ModeleCas], loc: tuple[Any, ...]) -> list[str]:
    import typing

    courant: Any = modele
    for partie in loc[:-1]:
        if isinstance(partie, int):
            continue
        champs = getattr(courant, "model_fields", {})
        if partie not in champs:
            return []
        annotation = champs[partie].annotation
        courant = None
        for arg in (annotation, *typing.get_args(annotation)):
            for sous in (arg, *typing.get_args(arg)):
                if isinstance(sous, type) and issubclass(sous, ModeleCas):
                    courant = sous
        if courant is None:
            return []
    return list(getattr(courant, "model_fields", {}))


def _traduire(err: dict[str, Any], modele: type[ModeleCas]) -> tuple[str, str]:
    """Une erreur pydantic en (problème, correction), en français."""
    loc = tuple(err["loc"])
    champ = _chemin(loc)
    genre = err["type"]
    valeur = err.get("input")
    ctx = err.get("ctx", {}) or {}
    attendu = _description(modele, loc)
    if genre == "missing":
        return (f"le champ « {champ} » manque",
                f"ajoutez « {loc[-1]}: … », {attendu}" if attendu else f"ajoutez « {loc[-1]}: … »")
    if genre == "extra_forbidden":
        possibles = _champs_possibles(modele, loc)
        conseil = "supprimez-la ou corrigez son orthographe"
        if possibles:
            import difflib

            proche = difflib.get_close_matches(str(loc[-1]), possibles, n=1)
            if proche:
                conseil = f"vouliez-vous écrire « {proche[0]} » ? Sinon supprimez-la"
            conseil += " ; clés possibles ici : " + ", ".join(possibles)
        return (f"la clé « {champ} » est inconnue", conseil)
    if genre in ("greater_than_equal", "greater_than"):
        borne = ctx.get("ge", ctx.get("gt"))
        probleme = f"le champ « {champ} » vaut {valeur!r}, il doit être ≥ {borne}"
        if borne == 0:
            probleme = f"le champ « {champ} » est négatif ({valeur!r})"
        return (probleme, f"saisissez {attendu}" if attendu else "saisissez une valeur positive")
    if genre in ("less_than_equal", "less_than"):
        borne = ctx.get("le", ctx.get("lt"))
        conseil = f"saisissez {attendu}" if attendu else f"saisissez une valeur ≤ {borne}"
        return (f"le champ « {champ} » vaut {valeur!r}, au-dessus du maximum {borne}", conseil)
    if genre in ("int_parsing", "int_type", "int_from_float"):
        return (f"le champ « {champ} » vaut {valeur!r}, ce n'est pas un nombre entier",
                f"saisissez {attendu}" if attendu else "saisissez un nombre entier, sans espace ni unité")
    if genre in ("float_parsing", "float_type"):
        return (f"le champ « {champ} » vaut {valeur!r}, ce n'est pas un nombre",
                f"saisissez {attendu}, sans espace ni symbole €" if attendu
                else "saisissez un nombre, sans espace ni symbole € (ex. 820000)")
    if genre in ("bool_parsing", "bool_type"):
        return (f"le champ « {champ} » vaut {valeur!r}, il faut true ou false", "écrivez true ou false")
    if genre in ("string_type",):
        return (f"le champ « {champ} » vaut {valeur!r}, il faut un texte",
                f"saisissez {attendu}" if attendu else "saisissez un texte")
    if genre in ("list_type",):
        return (f"le champ « {champ} » doit être une liste",
                "écrivez un élément par ligne, chacun précédé de « - »")
    if genre in ("dict_type", "model_type", "model_attributes_type"):
        return (f"le champ « {champ} » doit contenir des sous-champs (clé: valeur)",
                f"indentez en dessous {attendu}" if attendu else "indentez ses sous-champs en dessous")
    if genre in ("literal_error", "enum"):
        return (f"le champ « {champ} » vaut {valeur!r}, valeur non prévue",
                f"valeurs possibles : {ctx.get('expected', '')}")
    if genre in ("date_parsing", "date_type", "date_from_datetime_parsing"):
        return (f"le champ « {champ} » vaut {valeur!r}, ce n'est pas une date", "écrivez la date AAAA-MM-JJ")
    message = str(err.get("msg", "valeur invalide"))
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return (f"le champ « {champ} » est invalide : {message}",
            f"corrigez {attendu}" if attendu else "corrigez la valeur")


def erreur_validation(fichier: Path | str, exc: ValidationError, modele: type[ModeleCas]) -> ErreurCas:
    """Une :class:`ValidationError` de pydantic traduite en une seule :class:`ErreurCas`."""
    erreurs = exc.errors()
    problemes = [_traduire(e, modele) for e in erreurs]
    premier_champ = _chemin(tuple(erreurs[0]["loc"])) if erreurs else None
    if len(problemes) == 1:
        probleme, conseil = problemes[0]
        return ErreurCas(f"{fichier} : {probleme}", conseil=conseil, fichier=str(fichier), champ=premier_champ)
    details = "\n".join(f"  - {p} ; {c}." for p, c in problemes)
    return ErreurCas(
        f"{fichier} : {len(problemes)} problèmes\n{details}",
        conseil="corrigez ces champs dans le fichier, puis rechargez le cas",
        fichier=str(fichier), champ=premier_champ,
    )


# ---------------------------------------------------------------------------
# Charger
# ---------------------------------------------------------------------------

def lire_texte(fichier: Path | str) -> str:
    """Le texte d'un fichier du cas, lu en UTF-8 ; un fichier absent ou dans un autre encodage lève une
    :class:`ErreurCas` qui nomme le fichier et dit comment le corriger.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cas.yaml"
    >>> _ = f.write_bytes("titre: Éco-quartier".encode("latin-1"))
    >>> try:
    ...     lire_texte(f)
    ... except ErreurCas as e:
    ...     print(e.conseil.split(" (")[0])
    enregistrez le fichier en UTF-8
    """
    fichier = Path(fichier)
    try:
        return fichier.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ErreurCas(f"le fichier {fichier} est introuvable",
                        conseil="vérifiez le nom du cas : mba_territoires.cas.disponibles()",
                        fichier=str(fichier)) from None
    except UnicodeDecodeError as exc:
        debut = fichier.read_bytes()[:exc.start]
        ligne = debut.count(b"\n") + 1
        raise ErreurCas(
            f"le fichier {fichier} n'est pas encodé en UTF-8 (octet {exc.object[exc.start]:#04x} illisible à la "
            f"ligne {ligne})",
            conseil="enregistrez le fichier en UTF-8 (dans l'éditeur : « Enregistrer sous » puis « Encodage : "
            "UTF-8 » ; dans JupyterLab, recopiez le texte dans un nouveau fichier) ; les lettres accentuées "
            "tapées dans un éditeur réglé en Latin-1 ou Windows-1252 produisent cette erreur",
            fichier=str(fichier),
        ) from None


def _lire_yaml(fichier: Path) -> Any:
    texte = lire_texte(fichier)
    try:
        return yaml.safe_load(texte)
    except yaml.YAMLError as exc:
        marque = getattr(exc, "problem_mark", None)
        ligne = f" à la ligne {marque.line + 1}, colonne {marque.column + 1}" if marque else ""
        raise ErreurCas(
            f"{fichier} n'est pas un YAML valide{ligne}",
            conseil="vérifiez l'indentation (des espaces, pas de tabulations) et mettez entre guillemets "
            "un texte qui contient « : »",
            fichier=str(fichier),
        ) from None


def _sha256(chemin: Path) -> str:
    return hashlib.sha256(chemin.read_bytes()).hexdigest()


def _charger_manifeste(dossier: Path) -> dict[str, DonneesCas]:
    fichier = dossier / "donnees.yaml"
    if not fichier.exists():
        return {}
    brut = _lire_yaml(fichier) or {}
    if not isinstance(brut, dict):
        raise ErreurCas(f"{fichier} : le manifeste doit associer un nom à chaque fichier",
                        conseil="écrivez « population: » puis, indentés, fichier, source, licence...",
                        fichier=str(fichier))
    manifeste: dict[str, DonneesCas] = {}
    for nom, entree in brut.items():
        try:
            donnees = DonneesCas.model_validate(entree)
        except ValidationError as exc:
            erreur = erreur_validation(fichier, exc, DonneesCas)
            erreur.message = erreur.message.replace("« ", f"« {nom}.", 1)
            raise erreur from None
        chemin = dossier / donnees.fichier
        if not chemin.is_file():
            raise ErreurCas(f"{fichier} : le fichier « {donnees.fichier} » de « {nom} » est introuvable",
                            conseil="ajoutez le fichier CSV dans le dossier du cas ou corrigez son nom",
                            fichier=str(fichier), champ=f"{nom}.fichier")
        empreinte = _sha256(chemin)
        if empreinte != donnees.sha256:
            raise ErreurCas(
                f"{fichier} : le fichier « {donnees.fichier} » a changé depuis son enregistrement "
                "(empreinte sha256 différente)",
                conseil="si la modification est voulue, mettez à jour l'empreinte : "
                f"mba-territoires cas empreintes {dossier.name}",
                fichier=str(fichier), champ=f"{nom}.sha256",
            )
        entete = next(csv.reader(io.StringIO(lire_texte(chemin), newline="")), [])
        manquantes = [c for c in donnees.colonnes if c not in entete]
        en_trop = [c for c in entete if c not in donnees.colonnes]
        if manquantes or en_trop:
            detail = []
            if manquantes:
                detail.append("colonnes manquantes : " + ", ".join(manquantes))
            if en_trop:
                detail.append("colonnes non décrites : " + ", ".join(en_trop))
            raise ErreurCas(f"{chemin} : {' ; '.join(detail)}",
                            conseil=f"alignez l'en-tête du CSV et la liste « colonnes » de {fichier.name}",
                            fichier=str(chemin), champ=f"{nom}.colonnes")
        manifeste[nom] = donnees
    return manifeste


def charger(slug: str, racine: Path | str | None = None) -> Cas:
    """Charge et valide le cas ``slug`` ; toute anomalie lève une :class:`ErreurCas` en français."""
    if not isinstance(slug, str) or not slug.strip():
        raise ErreurCas(f"l'identifiant du cas vaut {slug!r}, il faut un texte",
                        conseil="écrivez l'identifiant entre guillemets, par exemple "
                        "charger_cas(\"ecole-jules-ferry\")")
    racine = Path(racine) if racine else dossier_cas()
    dossier = racine / slug
    if not (dossier / "cas.yaml").is_file():
        connus = disponibles(racine) if racine.is_dir() else []
        proches = difflib.get_close_matches(slug.strip().lower().replace(" ", "-").replace("_", "-"), connus, n=1,
                                            cutoff=0.6)
        conseil = f"vouliez-vous écrire « {proches[0]} » ? " if proches else ""
        raise ErreurCas(
            f"le cas « {slug} » est introuvable dans {racine}",
            conseil=conseil + "cas disponibles : " + (", ".join(connus) or "aucun"),
            fichier=str(dossier / "cas.yaml"),
        )
    fichier = dossier / "cas.yaml"
    brut = _lire_yaml(fichier)
    if not isinstance(brut, dict):
        if brut is None:
            probleme = "est vide"
        elif isinstance(brut, list):
            probleme = "contient une liste (lignes « - ... »), pas des sections « clé: valeur »"
        else:
            probleme = f"contient seulement la valeur {str(brut)[:60]!r}, pas des sections « clé: valeur »"
        raise ErreurCas(f"{fichier} {probleme}",
                        conseil="le fichier doit associer une valeur à chaque clé, en commençant en début de ligne : "
                        "« slug: ... », « titre: ... », « territoire: » (puis ses champs indentés)...",
                        fichier=str(fichier))
    try:
        cas = Cas.model_validate(brut)
    except ValidationError as exc:
        raise erreur_validation(fichier, exc, Cas) from None
    if cas.slug != slug:
        raise ErreurCas(f"{fichier} : le champ « slug » vaut {cas.slug!r} mais le dossier s'appelle {slug!r}",
                        conseil=f"écrivez « slug: {slug} »", fichier=str(fichier), champ="slug")
    cas._dossier = dossier
    cas._manifeste = _charger_manifeste(dossier)
    return cas


@dataclass
class _Rapport:
    valides: list[str] = field(default_factory=list)
    erreurs: dict[str, str] = field(default_factory=dict)


def valider_tout(racine: Path | str | None = None) -> _Rapport:
    """Charge tous les cas et rassemble les erreurs (pour la ligne de commande et les tests)."""
    rapport = _Rapport()
    for slug in disponibles(racine):
        try:
            charger(slug, racine)
            rapport.valides.append(slug)
        except ErreurCas as exc:
            rapport.erreurs[slug] = str(exc)
    return rapport


def mettre_a_jour_empreintes(slug: str, racine: Path | str | None = None) -> list[str]:
    """Recalcule les empreintes sha256 du manifeste d'un cas ; renvoie les fichiers modifiés."""
    racine = Path(racine) if racine else dossier_cas()
    fichier = racine / slug / "donnees.yaml"
    brut = _lire_yaml(fichier) or {}
    if not isinstance(brut, dict):
        raise ErreurCas(f"{fichier} : le manifeste doit associer un nom à chaque fichier",
                        conseil="écrivez « population: » puis, indentés, fichier, source, licence...",
                        fichier=str(fichier))
    modifies = []
    for _nom, entree in brut.items():
        chemin = racine / slug / entree["fichier"]
        empreinte = _sha256(chemin)
        if entree.get("sha256") != empreinte:
            entree["sha256"] = empreinte
            modifies.append(entree["fichier"])
    fichier.write_text(yaml.safe_dump(brut, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return modifies
