# ruff: noqa: E501  (messages et exemples doctest en français, sur une ligne)
"""Le découpage administratif réel : communes, EPCI à fiscalité propre, départements, régions (COG 2026).

Les données sont un extrait du paquet npm ``@etalab/decoupage-administratif`` 6.0.0 (Etalab, Licence
Ouverte), vendu dans ``donnees/territoire/`` avec son manifeste et reconstruit par
``outils/construire_decoupage.py``. Rien n'est téléchargé. La population est la population municipale
Insee de ``communes.json`` (un seul millésime, dit par :func:`millesime_population`) ; celle d'un EPCI,
d'un département ou d'une région est la somme de ses communes.

On cherche par code Insee, par SIREN ou par nom ; les accents, la casse, les tirets et les apostrophes
sont facultatifs, et un nom partagé se précise avec le département :

>>> commune("35238").nom, commune("rennes").code
('Rennes', '35238')
>>> commune("Saint-Denis (93)").code
'93066'
>>> commune("Saint-Denis")
Traceback (most recent call last):
...
mba_territoires.territoire.decoupage.ErreurTerritoire: 4 communes s'appellent « Saint-Denis » : Saint-Denis (11, Aude, code 11339), Saint-Denis (30, Gard, code 30247), Saint-Denis (93, Seine-Saint-Denis, code 93066), Saint-Denis (974, La Réunion, code 97411).
Conseil : précisez le département, par exemple mt.commune("Saint-Denis (11)"), ou donnez le code Insee : mt.commune("11339").
"""

from __future__ import annotations

import csv
import difflib
import gzip
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from ..erreurs import ErreurDonnees

if TYPE_CHECKING:  # pragma: no cover
    from .profil import ProfilTerritorial

__all__ = ["Commune", "Decoupage", "Departement", "Epci", "ErreurTerritoire", "Region", "commune",
           "departement", "donnees_decoupage", "epci", "millesime_population", "region"]

#: Libellés des types d'EPCI à fiscalité propre.
TYPES_EPCI = {"CC": "communauté de communes", "CA": "communauté d'agglomération", "CU": "communauté urbaine",
              "METRO": "métropole", "MET69": "métropole de Lyon"}
#: Libellés des zones.
ZONES = {"metro": "métropole", "drom": "outre-mer (département et région)", "com": "collectivité d'outre-mer"}


class ErreurTerritoire(ErreurDonnees):
    """Un territoire introuvable, ambigu ou sans EPCI : le message dit la valeur reçue et la correction."""


# --- normalisation des noms ----------------------------------------------------------------------

_ABREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def _table_normalisation() -> dict[int, str]:
    table: dict[int, str] = {}
    for point in range(0x00C0, 0x0250):
        caractere = chr(point)
        base = unicodedata.normalize("NFKD", caractere).encode("ascii", "ignore").decode("ascii")
        table[point] = base.lower()
    table.update({ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae", ord("ß"): "ss"})
    for separateur in "-'’_.,/\t":
        table[ord(separateur)] = " "
    return table


_TABLE = _table_normalisation()


def normaliser_nom(texte: str) -> str:
    """La forme de recherche d'un nom : minuscules, sans accents, tirets et apostrophes remplacés par un espace,
    « St » et « Ste » développés.

    >>> normaliser_nom("L'Haÿ-les-Roses"), normaliser_nom("St-Étienne"), normaliser_nom("Œuilly")
    ('l hay les roses', 'saint etienne', 'oeuilly')
    """
    simple = texte.translate(_TABLE).lower()
    if not simple.isascii():
        simple = unicodedata.normalize("NFKD", simple).encode("ascii", "ignore").decode("ascii")
    mots = simple.split()
    if "st" in mots or "ste" in mots or "sts" in mots or "stes" in mots:
        mots = [_ABREVIATIONS.get(m, m) for m in mots]
    return " ".join(mots)


# --- les objets ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Commune:
    """Une commune actuelle du COG 2026.

    >>> c = commune("35238")
    >>> c.nom, c.departement.nom, c.region.nom, c.epci.nom
    ('Rennes', 'Ille-et-Vilaine', 'Bretagne', 'Rennes Métropole')
    """

    #: Le code Insee (5 caractères).
    code: str
    #: Le nom officiel.
    nom: str
    #: La population municipale (millésime : :func:`millesime_population`).
    population: int
    #: Le code du département.
    code_departement: str
    #: Le code de la région.
    code_region: str
    #: metro, drom ou com.
    zone: str
    #: Le SIREN de la commune (vide pour les collectivités d'outre-mer).
    siren: str
    #: Les codes postaux.
    codes_postaux: tuple[str, ...]
    #: Le SIREN de son EPCI à fiscalité propre, ou ``None`` si elle n'est membre d'aucun.
    siren_epci: str | None
    #: Les codes Insee des anciennes communes fusionnées dans celle-ci.
    anciens_codes: tuple[str, ...] = ()

    @property
    def departement(self) -> Departement:
        """Le département de la commune."""
        return departement(self.code_departement)

    @property
    def region(self) -> Region:
        """La région de la commune."""
        return region(self.code_region)

    @property
    def epci(self) -> Epci | None:
        """L'EPCI à fiscalité propre de la commune, ou ``None`` (commune insulaire isolée, collectivité
        d'outre-mer) : voir :meth:`epci_obligatoire` pour une erreur explicite."""
        return None if self.siren_epci is None else epci(self.siren_epci)

    def epci_obligatoire(self) -> Epci:
        """L'EPCI de la commune ; une erreur française si elle n'est membre d'aucun.

        >>> commune("29155").epci_obligatoire()
        Traceback (most recent call last):
        ...
        mba_territoires.territoire.decoupage.ErreurTerritoire: la commune Ouessant (29, code 29155) n'est membre d'aucun EPCI à fiscalité propre (c'est le cas d'une centaine de communes : îles d'une seule commune, collectivités d'outre-mer).
        Conseil : travaillez à l'échelle de la commune ou du département, par exemple mt.departement("29").
        """
        if self.siren_epci is None:
            raise ErreurTerritoire(
                f"la commune {self.libelle} n'est membre d'aucun EPCI à fiscalité propre (c'est le cas d'une "
                "centaine de communes : îles d'une seule commune, collectivités d'outre-mer)",
                conseil="travaillez à l'échelle de la commune ou du département, par exemple "
                        f"mt.departement(\"{self.code_departement}\")")
        return epci(self.siren_epci)

    @property
    def registre(self) -> Decoupage:
        """Le découpage complet chargé (pour comparer la commune aux autres)."""
        return donnees_decoupage()

    @property
    def outre_mer(self) -> bool:
        """Vrai pour une commune d'un département d'outre-mer ou d'une collectivité d'outre-mer."""
        return self.zone != "metro"

    @property
    def libelle(self) -> str:
        """« Nom (département, code code) », pour les messages."""
        return f"{self.nom} ({self.code_departement}, code {self.code})"

    def profil(self) -> ProfilTerritorial:
        """Le profil territorial de la commune (rang et part dans l'EPCI et le département, strates,
        communes comparables) : voir :class:`~mba_territoires.territoire.profil.ProfilTerritorial`."""
        from .profil import ProfilTerritorial

        return ProfilTerritorial.de(self)

    def __str__(self) -> str:
        return f"{self.nom} ({self.code_departement})"


@dataclass(frozen=True)
class Epci:
    """Un EPCI à fiscalité propre (communauté de communes, d'agglomération, urbaine, métropole).

    >>> e = epci("Rennes Métropole")
    >>> e.siren, e.type, e.regime, len(e.membres)
    ('243500139', 'METRO', 'FPU', 43)
    """

    #: Le numéro SIREN.
    siren: str
    #: Le nom.
    nom: str
    #: CC, CA, CU, METRO ou MET69.
    type: str
    #: FPU (fiscalité professionnelle unique) ou FA (fiscalité additionnelle).
    regime: str
    #: La population de l'EPCI selon la DGCL (autre millésime ; pour information).
    population_dgcl: int | None = None

    @property
    def code(self) -> str:
        """Le code d'un EPCI est son SIREN."""
        return self.siren

    @property
    def libelle_type(self) -> str:
        """Le type en toutes lettres (« communauté de communes »)."""
        return TYPES_EPCI.get(self.type, self.type)

    @property
    def membres(self) -> tuple[Commune, ...]:
        """Les communes membres, par code Insee."""
        return donnees_decoupage().membres(self.siren)

    @property
    def population(self) -> int:
        """La population municipale de l'EPCI : la somme de ses communes (même millésime qu'elles)."""
        return sum(c.population for c in self.membres)

    @property
    def departements(self) -> tuple[str, ...]:
        """Les codes des départements de ses communes (un EPCI peut en chevaucher plusieurs)."""
        return tuple(sorted({c.code_departement for c in self.membres}))

    def __str__(self) -> str:
        return self.nom


@dataclass(frozen=True)
class Departement:
    """Un département (ou une collectivité d'outre-mer, dans le COG).

    >>> d = departement("Ille et Vilaine")
    >>> d.code, d.region.nom
    ('35', 'Bretagne')
    """

    #: Le code (« 35 », « 2A », « 974 »).
    code: str
    #: Le nom.
    nom: str
    #: Le code de sa région.
    code_region: str
    #: Le code Insee de la commune chef-lieu.
    chef_lieu: str
    #: metro, drom ou com.
    zone: str

    @property
    def region(self) -> Region:
        """Sa région."""
        return region(self.code_region)

    @property
    def communes(self) -> tuple[Commune, ...]:
        """Ses communes, par code Insee."""
        return donnees_decoupage().communes_de("departement", self.code)

    @property
    def population(self) -> int:
        """La somme de la population municipale de ses communes."""
        return sum(c.population for c in self.communes)

    def __str__(self) -> str:
        return f"{self.nom} ({self.code})"


@dataclass(frozen=True)
class Region:
    """Une région (ou une collectivité d'outre-mer, dans le COG).

    >>> region("53").nom
    'Bretagne'
    """

    #: Le code.
    code: str
    #: Le nom.
    nom: str
    #: Le code Insee de la commune chef-lieu.
    chef_lieu: str
    #: metro, drom ou com.
    zone: str

    @property
    def communes(self) -> tuple[Commune, ...]:
        """Ses communes, par code Insee."""
        return donnees_decoupage().communes_de("region", self.code)

    @property
    def population(self) -> int:
        """La somme de la population municipale de ses communes."""
        return sum(c.population for c in self.communes)

    def __str__(self) -> str:
        return self.nom


# --- le registre ---------------------------------------------------------------------------------

def _lire(nom: str) -> Iterator[list[str]]:
    contenu = files("mba_territoires").joinpath("donnees", "territoire", nom).read_bytes()
    lecteur = csv.reader(io.StringIO(gzip.decompress(contenu).decode("utf-8")))
    next(lecteur)
    return lecteur


_COLONNES_COMMUNES = ("code", "nom", "population", "departement", "region", "zone", "siren", "codes_postaux", "epci")


class _Communes(dict):  # type: ignore[type-arg]
    """Code Insee -> :class:`Commune`, l'objet n'étant créé qu'au premier accès."""

    def __init__(self, lignes: dict[str, list[str]], anciens: Any) -> None:
        super().__init__()
        self._lignes = lignes
        self._anciens = anciens

    def __missing__(self, code: str) -> Commune:
        code_, nom, pop, dep, reg, zone, siren, cps, siren_epci = self._lignes[code]
        c = Commune(code_, nom, int(pop) if pop else 0, dep, reg, zone, siren,
                    tuple(cps.split("|")) if cps else (), siren_epci or None, self._anciens(code_))
        self[code] = c
        return c

    def __contains__(self, code: object) -> bool:
        return code in self._lignes

    def __len__(self) -> int:
        return len(self._lignes)

    def __iter__(self) -> Iterator[str]:
        return iter(self._lignes)

    def keys(self):  # type: ignore[override]
        return self._lignes.keys()

    def values(self):  # type: ignore[override]
        return [self[c] for c in self._lignes]

    def items(self):  # type: ignore[override]
        return [(c, self[c]) for c in self._lignes]

    def get(self, code: str, defaut: Any = None) -> Any:  # type: ignore[override]
        return self[code] if code in self._lignes else defaut


def _index_avec_articles(noms: dict[str, str]) -> dict[str, str]:
    """Nom normalisé -> code, avec et sans l'article (« La Réunion » se trouve aussi par « Réunion »)."""
    index: dict[str, str] = {}
    for nom, code in noms.items():
        cle = normaliser_nom(nom)
        index[cle] = code
        mots = cle.split()
        if len(mots) > 1 and mots[0] in ("la", "le", "les", "l"):
            index.setdefault(" ".join(mots[1:]), code)
    return index


_CODE_COMMUNE = re.compile(r"^(\d{5}|2[AB]\d{3})$", re.IGNORECASE)
_NOM_AVEC_DEPARTEMENT = re.compile(r"^(.*?)[\s,]*\(?\s*(\d{2,3}|2[AB])\s*\)?$", re.IGNORECASE)


class Decoupage:
    """Les communes, EPCI, départements et régions chargés une fois, avec leurs index de recherche.

    >>> d = donnees_decoupage()
    >>> len(d.communes) > 34_000, len(d.epcis) > 1_200
    (True, True)
    """

    def __init__(self) -> None:
        self._lignes: dict[str, list[str]] = {}
        self._par_siren: dict[str, str] = {}
        self._membres: dict[str, list[str]] = {}
        for ligne in _lire("communes.csv.gz"):
            code = ligne[0]
            self._lignes[code] = ligne
            if ligne[6]:
                self._par_siren[ligne[6]] = code
            if ligne[8]:
                self._membres.setdefault(ligne[8], []).append(code)
        # index construits au premier besoin (noms normalisés, communes par département et par région)
        self._index_noms: dict[str, list[str]] | None = None
        self._index_geo: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
        self.communes = _Communes(self._lignes, self._anciens_codes)
        self.epcis: dict[str, Epci] = {}
        self._noms_epci: dict[str, list[str]] = {}
        for siren, nom, type_, regime, pop in _lire("epci.csv.gz"):
            self.epcis[siren] = Epci(siren, nom, type_, regime, int(pop) if pop else None)
            self._noms_epci.setdefault(normaliser_nom(nom), []).append(siren)
        self.departements = {code: Departement(code, nom, reg, cl, zone)
                             for code, nom, reg, cl, zone in _lire("departements.csv.gz")}
        self.regions = {code: Region(code, nom, cl, zone) for code, nom, cl, zone in _lire("regions.csv.gz")}
        self._noms_dep = _index_avec_articles({d.nom: d.code for d in self.departements.values()})
        self._noms_reg = _index_avec_articles({r.nom: r.code for r in self.regions.values()})
        self._anciens: dict[str, tuple[str, ...]] | None = None

    @property
    def _noms(self) -> dict[str, list[str]]:
        if self._index_noms is None:
            index: dict[str, list[str]] = {}
            for code, ligne in self._lignes.items():
                index.setdefault(normaliser_nom(ligne[1]), []).append(code)
            self._index_noms = index
        return self._index_noms

    def _geo(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        if self._index_geo is None:
            deps: dict[str, list[str]] = {}
            regs: dict[str, list[str]] = {}
            for code, ligne in self._lignes.items():
                deps.setdefault(ligne[3], []).append(code)
                regs.setdefault(ligne[4], []).append(code)
            self._index_geo = (deps, regs)
        return self._index_geo

    def _anciens_codes(self, code: str) -> tuple[str, ...]:
        if self._anciens is None:
            anciens: dict[str, list[str]] = {}
            for actuel, ancien in _lire("anciens_codes.csv.gz"):
                anciens.setdefault(actuel, []).append(ancien)
            self._anciens = {k: tuple(v) for k, v in anciens.items()}
        return self._anciens.get(code, ())

    def colonne(self, nom: str) -> dict[str, str]:
        """Une colonne brute de ``communes.csv.gz`` (code Insee -> valeur texte), sans créer d'objets."""
        i = _COLONNES_COMMUNES.index(nom)
        return {code: ligne[i] for code, ligne in self._lignes.items()}

    # --- accès

    def millesime_population(self) -> str:
        """Le millésime de population des données (voir :func:`millesime_population`)."""
        return millesime_population()

    def membres(self, siren: str) -> tuple[Commune, ...]:
        """Les communes membres d'un EPCI."""
        return tuple(self.communes[c] for c in self._membres.get(siren, ()))

    def communes_de(self, niveau: str, code: str) -> tuple[Commune, ...]:
        """Les communes d'un département (``niveau="departement"``) ou d'une région (``"region"``)."""
        deps, regs = self._geo()
        index = deps if niveau == "departement" else regs
        return tuple(self.communes[c] for c in index.get(code, ()))

    @property
    def sans_epci(self) -> tuple[Commune, ...]:
        """Les communes membres d'aucun EPCI à fiscalité propre."""
        return tuple(self.communes[c] for c, ligne in self._lignes.items() if not ligne[8])

    # --- recherche

    def commune(self, quoi: Any) -> Commune:
        """Une commune par code Insee, SIREN ou nom (voir :func:`commune`)."""
        if isinstance(quoi, Commune):
            return quoi
        if isinstance(quoi, bool) or not isinstance(quoi, (str, int)):
            raise ErreurTerritoire(f"une commune se désigne par son code Insee ou son nom, pas par {quoi!r}",
                                   conseil='écrivez par exemple mt.commune("35238") ou mt.commune("Rennes")')
        texte = str(quoi).strip()
        if isinstance(quoi, int):
            texte = texte.zfill(5)
        if _CODE_COMMUNE.match(texte):
            code = texte.upper()
            if code in self.communes:
                return self.communes[code]
            raise ErreurTerritoire(
                f"aucune commune actuelle n'a le code Insee « {texte} » (COG 2026)",
                conseil=self._conseil_code(code))
        if texte.isdigit() and len(texte) == 9:
            if texte in self._par_siren:
                return self.communes[self._par_siren[texte]]
            if texte in self.epcis:
                raise ErreurTerritoire(f"« {texte} » est le SIREN d'un EPCI ({self.epcis[texte].nom}), pas d'une commune",
                                       conseil=f'écrivez mt.epci("{texte}")')
            raise ErreurTerritoire(f"aucune commune n'a le SIREN « {texte} »",
                                   conseil="vérifiez le numéro, ou cherchez la commune par son nom")
        if not texte:
            raise ErreurTerritoire("le nom de la commune est vide", conseil='écrivez par exemple mt.commune("Rennes")')
        codes = self._noms.get(normaliser_nom(texte))
        precision = None
        if not codes:
            m = _NOM_AVEC_DEPARTEMENT.match(texte)
            if m and m.group(1).strip():
                precision = m.group(2).upper().zfill(2)
                codes = [c for c in self._noms.get(normaliser_nom(m.group(1)), ())
                         if self.communes[c].code_departement == precision]
                if not codes and self._noms.get(normaliser_nom(m.group(1))):
                    autres = ", ".join(self._libelle_long(self.communes[c]) for c in self._noms[normaliser_nom(m.group(1))])
                    raise ErreurTerritoire(
                        f"aucune commune « {m.group(1).strip()} » dans le département {precision}",
                        conseil=f"les communes de ce nom : {autres}")
        if not codes:
            raise ErreurTerritoire(f"aucune commune ne s'appelle « {texte} » (COG 2026)",
                                   conseil=self._suggestion(texte, self._noms, "commune"))
        if len(codes) > 1:
            nom = self.communes[codes[0]].nom
            liste = ", ".join(self._libelle_long(self.communes[c]) for c in codes)
            premier = self.communes[codes[0]]
            raise ErreurTerritoire(
                f"{len(codes)} communes s'appellent « {nom} » : {liste}",
                conseil=f"précisez le département, par exemple mt.commune(\"{nom} ({premier.code_departement})\"), "
                        f"ou donnez le code Insee : mt.commune(\"{premier.code}\")")
        return self.communes[codes[0]]

    def epci(self, quoi: Any) -> Epci:
        """Un EPCI par SIREN, par nom, ou par une de ses communes (voir :func:`epci`)."""
        if isinstance(quoi, Epci):
            return quoi
        if isinstance(quoi, Commune):
            return quoi.epci_obligatoire()
        if not isinstance(quoi, str) or not quoi.strip():
            raise ErreurTerritoire(f"un EPCI se désigne par son SIREN ou son nom, pas par {quoi!r}",
                                   conseil='écrivez par exemple mt.epci("Rennes Métropole") ou mt.epci("243500139")')
        texte = quoi.strip()
        if texte in self.epcis:
            return self.epcis[texte]
        if texte.isdigit() and len(texte) == 9:
            raise ErreurTerritoire(f"aucun EPCI à fiscalité propre n'a le SIREN « {texte} » (2026)",
                                   conseil="vérifiez le numéro, ou cherchez l'EPCI par son nom ou par une de ses communes")
        sirens = self._noms_epci.get(normaliser_nom(texte))
        if not sirens:
            sirens = [s for n, ss in self._noms_epci.items() if normaliser_nom(texte) in n.split(" - ") for s in ss]
        if sirens and len(sirens) == 1:
            return self.epcis[sirens[0]]
        if sirens:
            liste = ", ".join(f"{self.epcis[s].nom} (SIREN {s})" for s in sirens)
            raise ErreurTerritoire(f"plusieurs EPCI s'appellent « {texte} » : {liste}", conseil="donnez le SIREN")
        raise ErreurTerritoire(f"aucun EPCI à fiscalité propre ne s'appelle « {texte} »",
                               conseil=self._suggestion(texte, self._noms_epci, "epci"))

    def departement(self, quoi: Any) -> Departement:
        """Un département par code ou par nom (voir :func:`departement`)."""
        if isinstance(quoi, Departement):
            return quoi
        if isinstance(quoi, Commune):
            return self.departements[quoi.code_departement]
        if isinstance(quoi, int) and not isinstance(quoi, bool):
            quoi = str(quoi).zfill(2)
        if not isinstance(quoi, str) or not quoi.strip():
            raise ErreurTerritoire(f"un département se désigne par son code ou son nom, pas par {quoi!r}",
                                   conseil='écrivez par exemple mt.departement("35") ou mt.departement("Ille-et-Vilaine")')
        texte = quoi.strip().upper()
        if texte.isdigit():
            texte = texte.zfill(2)
        if texte in self.departements:
            return self.departements[texte]
        code = self._noms_dep.get(normaliser_nom(quoi))
        if code:
            return self.departements[code]
        raise ErreurTerritoire(f"aucun département n'a le code ou le nom « {quoi.strip()} »",
                               conseil=self._suggestion(quoi, {k: [v] for k, v in self._noms_dep.items()}, "departement"))

    def region(self, quoi: Any) -> Region:
        """Une région par code ou par nom (voir :func:`region`)."""
        if isinstance(quoi, Region):
            return quoi
        if isinstance(quoi, (Commune, Departement)):
            return self.regions[quoi.code_region]
        if not isinstance(quoi, str) or not quoi.strip():
            raise ErreurTerritoire(f"une région se désigne par son code ou son nom, pas par {quoi!r}",
                                   conseil='écrivez par exemple mt.region("53") ou mt.region("Bretagne")')
        if quoi.strip() in self.regions:
            return self.regions[quoi.strip()]
        code = self._noms_reg.get(normaliser_nom(quoi))
        if code:
            return self.regions[code]
        raise ErreurTerritoire(f"aucune région n'a le code ou le nom « {quoi.strip()} »",
                               conseil=self._suggestion(quoi, {k: [v] for k, v in self._noms_reg.items()}, "region"))

    # --- messages

    def _libelle_long(self, c: Commune) -> str:
        dep = self.departements.get(c.code_departement)
        return f"{c.nom} ({c.code_departement}, {dep.nom if dep else '?'}, code {c.code})"

    def _conseil_code(self, code: str) -> str:
        self._anciens_codes(code)
        for actuel, anciens in (self._anciens or {}).items():
            if code in anciens:
                c = self.communes[actuel]
                return (f"{code} est une ancienne commune, fusionnée dans {c.nom} (code {c.code}) : "
                        f"écrivez mt.commune(\"{c.code}\")")
        return "un code Insee a 5 caractères (2 du département, 3 de la commune) ; vérifiez-le, ou cherchez par le nom"

    def _suggestion(self, texte: str, index: dict[str, list[str]], quoi: str) -> str:
        cle = normaliser_nom(str(texte))
        candidats = [k for k in index if abs(len(k) - len(cle)) <= 3] or list(index)
        proches = difflib.get_close_matches(cle, candidats, n=3, cutoff=0.75)
        fonction = {"commune": "mt.commune", "epci": "mt.epci", "departement": "mt.departement",
                    "region": "mt.region"}[quoi]
        if not proches:
            return f"vérifiez l'orthographe, ou donnez le code : {fonction}(\"...\")"
        noms = []
        for p in proches:
            for code in index[p]:
                objet = {"commune": self.communes, "epci": self.epcis, "departement": self.departements,
                         "region": self.regions}[quoi][code]
                noms.append(self._libelle_long(objet) if quoi == "commune" else objet.nom)
        return "vouliez-vous écrire " + " ou ".join(f"« {n} »" for n in dict.fromkeys(noms)) + " ?"


@cache
def donnees_decoupage() -> Decoupage:
    """Le découpage chargé (une seule fois par session)."""
    return Decoupage()


@cache
def manifeste() -> dict[str, Any]:
    """Le manifeste des données (source, version, licence, millésimes, sha256, colonnes).

    >>> manifeste()["source"]["version"]
    '6.0.0'
    """
    import yaml

    texte = files("mba_territoires").joinpath("donnees", "territoire", "donnees.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(texte)


def millesime_population() -> str:
    """Le millésime de population utilisé partout (communes, EPCI, départements, régions).

    >>> "2023" in millesime_population()
    True
    """
    return str(manifeste()["millesime_population"])


def commune(quoi: str | int | Commune) -> Commune:
    """Une commune par code Insee (« 35238 »), SIREN ou nom (« Rennes », « rennes », « Saint-Denis (93) »).

    Un nom partagé par plusieurs communes lève une erreur qui les liste avec leur département ; une faute
    de frappe reçoit une suggestion.

    >>> commune("Renes")
    Traceback (most recent call last):
    ...
    mba_territoires.territoire.decoupage.ErreurTerritoire: aucune commune ne s'appelle « Renes » (COG 2026).
    Conseil : vouliez-vous écrire ...« Rennes (35, Ille-et-Vilaine, code 35238) »...
    """
    return donnees_decoupage().commune(quoi)


def epci(quoi: str | Commune | Epci) -> Epci:
    """Un EPCI à fiscalité propre par SIREN, par nom, ou l'EPCI d'une commune.

    >>> epci(commune("Rennes")).nom
    'Rennes Métropole'
    """
    return donnees_decoupage().epci(quoi)


def departement(quoi: str | int | Commune | Departement) -> Departement:
    """Un département par code (« 35 », « 2A », « 974 ») ou par nom (accents facultatifs).

    >>> departement("reunion").code
    '974'
    """
    return donnees_decoupage().departement(quoi)


def region(quoi: str | Commune | Departement | Region) -> Region:
    """Une région par code ou par nom.

    >>> region("Provence-Alpes-Cote d'Azur").code
    '93'
    """
    return donnees_decoupage().region(quoi)
