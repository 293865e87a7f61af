"""Les paramètres réglementaires datés : une valeur, sa source, sa date d'effet, son statut.

Un fichier par domaine (``fctva.yaml``, ``commande_publique.yaml``…) ; chaque clé y porte une ou
plusieurs versions datées (``du``, ``au``). ``parametres(date)`` rend ce qui est en vigueur à cette
date ; ``parametres(2026)`` (une année seule) veut dire le 1er janvier 2026. Chaque règle du paquet
lit ses seuils et ses taux ici, jamais dans le code. Le format est décrit dans ``FORMAT.md``.

>>> p = parametres(2026)
>>> p["financement.participation_minimale_mo"]
0.2
>>> p.parametre("tva.taux_normal").source
'Code général des impôts, art. 278'
>>> p.parametre("tva.taux_normal").statut
'confirme'
>>> p["fctva.tau"]
Traceback (most recent call last):
...
mba_territoires.erreurs.ErreurParametre: le paramètre « fctva.tau » n'existe pas pour 2026.
Conseil : vouliez-vous dire « fctva.taux » ? La liste complète : parametres(2026).tableau().

Le seuil de dispense des fournitures et services change le 1er avril 2026 :

>>> parametres("2026-03-31")["commande_publique.dispense_fournitures_services"]
40000
>>> parametres("2026-04-01")["commande_publique.dispense_fournitures_services"]
60000
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from ..erreurs import ErreurParametre, ErreurSaisie

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "DEBUT_COUVERTURE",
    "FIN_COUVERTURE",
    "STATUTS",
    "Changement",
    "Cle",
    "Parametre",
    "Parametres",
    "annees_disponibles",
    "catalogue",
    "changements",
    "domaines",
    "parametres",
]

#: Premier jour couvert par les fichiers de paramètres.
DEBUT_COUVERTURE = _dt.date(2024, 1, 1)
#: Dernier jour couvert (les seuils européens 2026-2027 expirent le 31/12/2027).
FIN_COUVERTURE = _dt.date(2027, 12, 31)
#: Les statuts permis, et ce qu'ils veulent dire.
STATUTS = {
    "confirme": "confirmé dans le texte",
    "a_verifier": "à vérifier",
}

_CHAMPS_CLE = ("libelle", "unite", "note", "versions")
_CHAMPS_VERSION = ("du", "au", "valeur", "source", "publication", "statut", "note", "correction")
_OBLIGATOIRES_VERSION = ("du", "valeur", "source", "statut")


@dataclass(frozen=True)
class Parametre:
    """Une valeur réglementaire en vigueur sur une période, et d'où elle vient.

    >>> p = parametres("2026-06-01").parametre("commande_publique.dispense_fournitures_services")
    >>> p.valeur, p.du, p.au, p.statut
    (60000, datetime.date(2026, 4, 1), None, 'confirme')
    """

    #: Chemin pointé, par exemple ``"fctva.taux"`` (le domaine, puis le nom).
    cle: str
    #: La valeur (taux en décimales, montants en euros HT, durées dans ``unite``).
    valeur: Any
    #: Ce que la valeur mesure, en français.
    libelle: str
    #: Le texte (article de loi, décret, avis) ou la page consultée.
    source: str
    #: Date depuis laquelle la valeur est en vigueur (incluse).
    du: _dt.date
    #: Date jusqu'à laquelle elle l'est (incluse) ; ``None`` si elle n'est pas remplacée.
    au: _dt.date | None = None
    #: Unité de la valeur (« taux », « euros HT », « jours »...).
    unite: str = ""
    #: ``"confirme"`` (relu dans le texte) ou ``"a_verifier"`` (expliqué dans ``note``).
    statut: str = "confirme"
    #: Précision sur le statut du chiffre ou sur son usage.
    note: str = ""
    #: Date de publication du texte source, si elle diffère de la date d'effet.
    publication: _dt.date | None = None
    #: Si la version corrige un chiffre faux du cahier : ``{"ancienne_valeur": ..., "motif": ...}``.
    correction: dict[str, Any] | None = None
    #: Le domaine (nom du fichier sans ``.yaml``).
    domaine: str = ""

    @property
    def date(self) -> _dt.date:
        """La date d'effet (alias de ``du``, nom historique)."""
        return self.du

    @property
    def a_verifier(self) -> bool:
        """Vrai si le chiffre attend une confirmation dans une source primaire."""
        return self.statut == "a_verifier"

    def en_vigueur(self, jour: _dt.date) -> bool:
        """Vrai si cette version s'applique le jour ``jour``.

        >>> p = parametres(2026).parametre("commande_publique.dispense_fournitures_services")
        >>> p.en_vigueur(_dt.date(2026, 3, 31)), p.en_vigueur(_dt.date(2026, 4, 1))
        (True, False)
        """
        return self.du <= jour and (self.au is None or jour <= self.au)

    def periode(self) -> str:
        """La période de vigueur en français : « depuis le 01/10/2018 » ou « du … au … ».

        >>> parametres(2026).parametre("commande_publique.dispense_fournitures_services").periode()
        'du 01/01/2020 au 31/03/2026'
        """
        if self.au is None:
            return f"depuis le {self.du:%d/%m/%Y}"
        return f"du {self.du:%d/%m/%Y} au {self.au:%d/%m/%Y}"

    def citation(self) -> str:
        """La source à citer sous une règle, avec sa date d'effet et son statut.

        >>> parametres(2026).parametre("tva.taux_normal").citation()
        'Code général des impôts, art. 278 (en vigueur le 01/01/2014)'
        >>> parametres(2026).parametre("commande_publique.dispense_fournitures_services").citation()[-40:]
        '(en vigueur du 01/01/2020 au 31/03/2026)'
        """
        if self.au is None:
            texte = f"{self.source} (en vigueur le {self.du:%d/%m/%Y})"
        else:
            texte = f"{self.source} (en vigueur du {self.du:%d/%m/%Y} au {self.au:%d/%m/%Y})"
        if self.a_verifier:
            texte += " — chiffre à vérifier"
        return texte


@dataclass(frozen=True)
class Cle:
    """Une clé de paramètre et toutes ses versions datées, de la plus ancienne à la plus récente."""

    cle: str
    libelle: str
    unite: str
    domaine: str
    versions: tuple[Parametre, ...]

    def version(self, jour: _dt.date) -> Parametre | None:
        """La version en vigueur le jour ``jour``, ou ``None``."""
        for v in self.versions:
            if v.en_vigueur(jour):
                return v
        return None

    def periodes(self) -> str:
        """Les périodes de vigueur, pour un message : « du 01/01/2020 au 31/03/2026 ; depuis le … »."""
        return " ; ".join(v.periode() for v in self.versions)


def _jour(quand: object) -> _dt.date:
    """La date demandée : une année (le 1er janvier), une date, ou un texte « AAAA-MM-JJ »."""
    from .. import saisie

    if isinstance(quand, float) and quand.is_integer():
        raise ErreurParametre(f"la date des paramètres vaut {quand!r}, un nombre à virgule",
                              conseil=f"écrivez l'année sans virgule, parametres({int(quand)}), ou une date "
                              f'"{int(quand)}-01-01"')
    try:
        return saisie.date(quand, "la date des paramètres", annee_seule=True)
    except ErreurSaisie as e:
        raise ErreurParametre(e.message, conseil=e.conseil) from None


class Parametres:
    """Les paramètres en vigueur à une date, consultables par clé pointée : ``p["fctva.taux"]``.

    ``p.date`` est la date demandée, ``p.annee`` son année.
    """

    def __init__(self, date: _dt.date, feuilles: dict[str, Parametre], *, libelle: str | None = None) -> None:
        self.date = date
        self.annee = date.year
        self._feuilles = feuilles
        #: Comment la date a été demandée (« 2026 » ou « 2026-03-15 »), pour les messages.
        self._libelle = libelle or date.isoformat()

    def _ou(self) -> str:
        return f"pour {self._libelle}" if self._libelle.isdigit() else f"au {self.date:%d/%m/%Y}"

    def _appel(self) -> str:
        return f"parametres({self._libelle})" if self._libelle.isdigit() else f'parametres("{self._libelle}")'

    def parametre(self, cle: str) -> Parametre:
        """Le paramètre complet (valeur, source, dates, statut) ; erreur française si la clé est inconnue."""
        try:
            return self._feuilles[cle]
        except KeyError:
            pass
        toutes = catalogue()
        if cle in toutes:
            raise ErreurParametre(
                f"le paramètre « {cle} » n'est pas en vigueur le {self.date:%d/%m/%Y}",
                conseil=f"il l'est {toutes[cle].periodes()} ; prenez les paramètres d'une date de cette période",
            )
        proches = difflib.get_close_matches(cle, list(toutes), n=1)
        conseil = f"vouliez-vous dire « {proches[0]} » ? " if proches else ""
        raise ErreurParametre(
            f"le paramètre « {cle} » n'existe pas {self._ou()}",
            conseil=conseil + f"La liste complète : {self._appel()}.tableau()",
        )

    def get(self, cle: str, defaut: Any = None) -> Any:
        """La valeur de ``cle`` si elle est en vigueur à cette date, sinon ``defaut``."""
        p = self._feuilles.get(cle)
        return defaut if p is None else p.valeur

    def __getitem__(self, cle: str) -> Any:
        return self.parametre(cle).valeur

    def __contains__(self, cle: object) -> bool:
        return cle in self._feuilles

    def __iter__(self) -> Iterator[str]:
        return iter(self._feuilles)

    def __len__(self) -> int:
        return len(self._feuilles)

    def a_verifier(self) -> list[Parametre]:
        """Les paramètres dont le chiffre attend encore une confirmation."""
        return [p for p in self._feuilles.values() if p.a_verifier]

    def tableau(self, prefixe: str = "") -> pd.DataFrame:
        """Un tableau (DataFrame) des paramètres en vigueur, filtré par préfixe (``"fctva"``)."""
        import pandas as pd

        lignes = [
            {"clé": p.cle, "libellé": p.libelle, "valeur": p.valeur, "unité": p.unite,
             "source": p.source, "date": p.du, "au": p.au, "statut": STATUTS[p.statut],
             "à vérifier": p.a_verifier}
            for p in self._feuilles.values() if p.cle.startswith(prefixe)
        ]
        return pd.DataFrame(lignes, columns=["clé", "libellé", "valeur", "unité", "source", "date", "au",
                                             "statut", "à vérifier"])

    def __repr__(self) -> str:
        return (f"Parametres({self._libelle}, {len(self)} valeurs dont {len(self.a_verifier())} "
                "à vérifier)")

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html

        lignes = [
            [p.cle, p.libelle, f"{p.valeur} {p.unite}".strip(), p.periode(), p.source, STATUTS[p.statut]]
            for p in self._feuilles.values()
        ]
        return tableau_html(lignes, ["Clé", "Libellé", "Valeur", "En vigueur", "Source", "Statut"],
                            legende=f"Paramètres réglementaires en vigueur le {self.date:%d/%m/%Y}")


def annees_disponibles() -> list[int]:
    """Les années couvertes par les fichiers de paramètres.

    >>> annees_disponibles()
    [2024, 2025, 2026, 2027]
    """
    return list(range(DEBUT_COUVERTURE.year, FIN_COUVERTURE.year + 1))


def domaines() -> list[str]:
    """Les domaines, un par fichier ``<domaine>.yaml``.

    >>> "fctva" in domaines()
    True
    """
    dossier = resources.files(__name__)
    return sorted(f.name[:-5] for f in dossier.iterdir()
                  if f.name.endswith(".yaml") and not f.name.startswith("_"))


def _date_yaml(valeur: object, ou: str, champ: str) -> _dt.date:
    if isinstance(valeur, _dt.datetime) or not isinstance(valeur, _dt.date):
        raise ErreurParametre(f"{ou} : le champ « {champ} » vaut {valeur!r}, ce n'est pas une date",
                              conseil="écrivez-la AAAA-MM-JJ, sans guillemets")
    return valeur


def _lire_cle(cle: str, noeud: dict[str, Any], domaine: str, fichier: str) -> Cle:
    ou = f"dans {fichier}, le paramètre « {cle} »"
    inconnus = sorted(set(noeud) - set(_CHAMPS_CLE))
    if inconnus:
        raise ErreurParametre(f"{ou} a des champs inconnus : {', '.join(inconnus)}",
                              conseil="champs permis : " + ", ".join(_CHAMPS_CLE) + " (voir FORMAT.md)")
    if not str(noeud.get("libelle", "")).strip():
        raise ErreurParametre(f"{ou} n'a pas de libellé", conseil="ajoutez « libelle: » (ce que mesure la valeur)")
    brutes = noeud.get("versions")
    if not isinstance(brutes, list) or not brutes:
        raise ErreurParametre(f"{ou} n'a pas de versions", conseil="ajoutez « versions: » (voir FORMAT.md)")
    versions: list[Parametre] = []
    for i, v in enumerate(brutes, start=1):
        ouv = f"{ou}, version {i}"
        if not isinstance(v, dict):
            raise ErreurParametre(f"{ouv} n'est pas un dictionnaire", conseil="voir FORMAT.md")
        manquants = [c for c in _OBLIGATOIRES_VERSION if c not in v or v[c] in (None, "")]
        if manquants:
            raise ErreurParametre(f"{ouv} n'a pas de {', '.join(manquants)}",
                                  conseil="chaque version a une date d'effet (du), une valeur, une source et un statut")
        inconnus = sorted(set(v) - set(_CHAMPS_VERSION))
        if inconnus:
            raise ErreurParametre(f"{ouv} a des champs inconnus : {', '.join(inconnus)}",
                                  conseil="champs permis : " + ", ".join(_CHAMPS_VERSION))
        if v["statut"] not in STATUTS:
            raise ErreurParametre(f"{ouv} a le statut {v['statut']!r}",
                                  conseil="écrivez « confirme » ou « a_verifier »")
        if v["statut"] == "a_verifier" and not str(v.get("note", "")).strip():
            raise ErreurParametre(f"{ouv} est à vérifier sans note",
                                  conseil="dites dans « note: » ce qui reste à vérifier et où")
        du = _date_yaml(v["du"], ouv, "du")
        au = _date_yaml(v["au"], ouv, "au") if v.get("au") is not None else None
        if au is not None and au < du:
            raise ErreurParametre(f"{ouv} finit ({au:%d/%m/%Y}) avant de commencer ({du:%d/%m/%Y})",
                                  conseil="vérifiez « du » et « au »")
        publication = _date_yaml(v["publication"], ouv, "publication") if v.get("publication") else None
        correction = v.get("correction")
        if correction is not None and not (isinstance(correction, dict) and "ancienne_valeur" in correction
                                           and str(correction.get("motif", "")).strip()):
            raise ErreurParametre(f"{ouv} : « correction » doit donner ancienne_valeur et motif",
                                  conseil="voir FORMAT.md")
        versions.append(Parametre(
            cle=cle, valeur=v["valeur"], libelle=str(noeud["libelle"]).strip(), source=str(v["source"]).strip(),
            du=du, au=au, unite=str(noeud.get("unite", "")), statut=v["statut"],
            note=str(v.get("note") or noeud.get("note") or "").strip(), publication=publication,
            correction=correction, domaine=domaine,
        ))
    versions.sort(key=lambda p: p.du)
    for avant, apres in itertools.pairwise(versions):
        if avant.au is None or avant.au >= apres.du:
            raise ErreurParametre(
                f"{ou} a deux versions en vigueur en même temps ({avant.periode()} et {apres.periode()})",
                conseil=f"donnez à la première « au: » la veille du {apres.du:%d/%m/%Y}",
            )
    return Cle(cle=cle, libelle=versions[0].libelle, unite=versions[0].unite, domaine=domaine,
               versions=tuple(versions))


def _parcourir(noeud: dict[str, Any], prefixe: str, domaine: str, fichier: str) -> Iterator[Cle]:
    for nom, valeur in noeud.items():
        cle = f"{prefixe}{nom}"
        if not isinstance(valeur, dict):
            raise ErreurParametre(f"dans {fichier}, « {cle} » n'est pas un paramètre",
                                  conseil="chaque clé a un libellé et des versions (voir FORMAT.md)")
        if "versions" in valeur:
            yield _lire_cle(cle, valeur, domaine, fichier)
        else:
            yield from _parcourir(valeur, cle + ".", domaine, fichier)


@functools.cache
def catalogue() -> dict[str, Cle]:
    """Toutes les clés de tous les domaines, avec toutes leurs versions.

    >>> [v.valeur for v in catalogue()["commande_publique.dispense_fournitures_services"].versions]
    [40000, 60000]
    """
    resultat: dict[str, Cle] = {}
    for domaine in domaines():
        fichier = f"{domaine}.yaml"
        texte = resources.files(__name__).joinpath(fichier).read_text(encoding="utf-8")
        donnees = yaml.safe_load(texte) or {}
        if not isinstance(donnees, dict):
            raise ErreurParametre(f"{fichier} n'est pas un dictionnaire de paramètres", conseil="voir FORMAT.md")
        for c in _parcourir(donnees, f"{domaine}.", domaine, fichier):
            resultat[c.cle] = c
    return resultat


@functools.cache
def _parametres_du(jour: _dt.date, libelle: str) -> Parametres:
    feuilles = {}
    for cle, c in catalogue().items():
        v = c.version(jour)
        if v is not None:
            feuilles[cle] = v
    return Parametres(jour, feuilles, libelle=libelle)


def parametres(quand: int | str | _dt.date = 2026) -> Parametres:
    """Les paramètres réglementaires en vigueur à la date ``quand``.

    ``quand`` est une date (``datetime.date``), un texte ``"2026-10-01"`` ou ``"01/10/2026"``, ou une
    année seule, qui veut dire le 1er janvier de cette année : ``parametres(2026)`` est
    ``parametres("2026-01-01")``. Une règle prend la date de l'objet qu'elle juge (date du plan, date de
    lancement du marché, date de la décision), jamais la date du jour.

    >>> parametres(2026)["commande_publique.formalise_travaux"]
    5404000
    >>> parametres("2024-06-01")["commande_publique.formalise_travaux"]
    5538000
    >>> parametres(1999)
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurParametre: aucun paramètre réglementaire n'est disponible au 01/01/1999.
    Conseil : les fichiers couvrent du 01/01/2024 au 31/12/2027 (années disponibles : 2024, 2025, 2026, 2027).
    """
    if isinstance(quand, bool):
        raise ErreurParametre(f"la date des paramètres vaut {quand!r}",
                              conseil='donnez une année (2026) ou une date ("2026-10-01")')
    jour = _jour(quand)
    if not DEBUT_COUVERTURE <= jour <= FIN_COUVERTURE:
        raise ErreurParametre(
            f"aucun paramètre réglementaire n'est disponible au {jour:%d/%m/%Y}",
            conseil=f"les fichiers couvrent du {DEBUT_COUVERTURE:%d/%m/%Y} au {FIN_COUVERTURE:%d/%m/%Y} "
            f"(années disponibles : {', '.join(map(str, annees_disponibles()))})",
        )
    libelle = str(quand) if isinstance(quand, int) else jour.isoformat()
    return _parametres_du(jour, libelle)


@dataclass(frozen=True)
class Changement:
    """Ce qui a changé pour une clé entre deux dates : nouvelle valeur, nouvelle source, correction."""

    cle: str
    libelle: str
    unite: str
    #: La version en vigueur à la première date (``None`` : la clé n'existait pas).
    avant: Parametre | None
    #: La version en vigueur à la seconde date (``None`` : la clé a disparu).
    apres: Parametre | None
    #: « nouvelle valeur », « nouveau paramètre », « paramètre supprimé », « correction du cahier »,
    #: « source ou statut revu ».
    nature: str


def changements(avant: int | str | _dt.date = "2024-01-01",
                apres: int | str | _dt.date = "2026-12-01") -> list[Changement]:
    """Les clés dont la valeur, la source ou le statut diffèrent entre deux dates, et les corrections.

    Une version qui porte une ``correction`` (le cahier utilisait un chiffre faux) compte comme un
    changement même si la valeur en vigueur aux deux dates est la même.

    >>> [c.nature for c in changements("2026-03-31", "2026-04-01")
    ...  if c.cle == "commande_publique.dispense_fournitures_services"]
    ['nouvelle valeur']
    """
    pa, pb = parametres(avant), parametres(apres)
    resultat = []
    for cle, c in catalogue().items():
        va, vb = pa._feuilles.get(cle), pb._feuilles.get(cle)
        if va is None and vb is None:
            continue
        if va is None:
            nature = "nouveau paramètre"
        elif vb is None:
            nature = "paramètre supprimé"
        elif vb.correction is not None:
            nature = "correction du cahier"
        elif va.valeur != vb.valeur:
            nature = "nouvelle valeur"
        elif (va.source, va.statut) != (vb.source, vb.statut):
            nature = "source ou statut revu"
        else:
            continue
        resultat.append(Changement(cle=cle, libelle=c.libelle, unite=c.unite, avant=va, apres=vb, nature=nature))
    return resultat
