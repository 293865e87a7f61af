"""Le contrôle des saisies : le seul endroit où le paquet vérifie ce qu'un apprenant tape.

Chaque fonction reçoit une valeur telle qu'un apprenant l'écrit (un nombre Python, un nombre numpy
renvoyé par ``df.sum()``, un texte, une date) et rend la valeur propre, ou lève une sous-classe
d':class:`~mba_territoires.erreurs.ErreurSaisie` dont le message dit la valeur reçue et la correction.

Règles communes :

- les nombres : tout nombre réel est accepté (``int``, ``float``, numpy) ; les booléens, ``NaN`` et
  les infinis sont refusés ;
- les textes qui ressemblent à un nombre à la française (« 12 000 € », « 0,25 ») sont refusés partout,
  avec le même conseil : écrire le nombre à la façon de Python (``12000``, ``0.25``) ;
- ``0,25`` tapé sans guillemets, que Python lit comme le couple ``(0, 25)``, est expliqué comme une
  virgule décimale ;
- les choix sont comparés sans tenir compte de la casse, des accents, des espaces, des tirets ni des
  soulignés, avec une table de synonymes, et une faute proche reçoit « vouliez-vous écrire « … » ? ».

>>> montant(12_000)
12000.0
>>> taux(30)
Traceback (most recent call last):
...
mba_territoires.erreurs.ErreurTaux: le taux vaut 30, hors de [0 ; 1] (au-dessus de 100 %).
Conseil : un taux s'écrit en décimales, entre 0 et 1 : 30 % s'écrit 0.30 (vouliez-vous écrire 0.30 ?).
>>> choix("Procédure adaptée", ["adaptee", "formalisee"], "la procédure",
...       synonymes={"adaptee": ["MAPA", "procédure adaptée"]})
'adaptee'
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from numbers import Integral, Real
from typing import TypeVar

from .erreurs import ErreurChoix, ErreurDate, ErreurDonnees, ErreurMontant, ErreurSaisie, ErreurTaux

T = TypeVar("T")

__all__ = [
    "annee",
    "choix",
    "date",
    "entier",
    "montant",
    "nombre",
    "normaliser",
    "objets",
    "taux",
    "texte",
    "trouver",
]

_NOMBRE_TEXTE = re.compile(r"^[\s+-]*[\d\s\u00a0\u202f.,]+\s*(€|euros?|%|k€|m€)?\s*$", re.IGNORECASE)


def _repr(valeur: object) -> str:
    texte = repr(valeur)
    return texte if len(texte) <= 60 else texte[:57] + "…"


def _comme_python(valeur: str) -> str:
    """« 12 000,50 € » -> « 12000.50 » : la façon d'écrire ce nombre en Python."""
    propre = re.sub(r"[\s\u00a0\u202f€%]|euros?|k€|m€", "", valeur, flags=re.IGNORECASE)
    if "," in propre:
        propre = propre.replace(".", "").replace(",", ".")
    return propre or "12000"


def _reel(valeur: object, quoi: str, erreur: type, exemple: str) -> float:
    """Le nombre réel derrière ``valeur``, ou l'erreur française qui dit pourquoi ce n'en est pas un."""
    if isinstance(valeur, bool):
        raise erreur(f"{quoi} vaut {valeur}, un booléen, pas un nombre",
                     conseil=f"écrivez un nombre, par exemple {exemple}")
    if isinstance(valeur, tuple) and len(valeur) == 2 and all(
            isinstance(x, Integral) and not isinstance(x, bool) for x in valeur):
        ent, dec = valeur
        raise erreur(f"{quoi} vaut {_repr(valeur)} : Python a lu deux nombres séparés par une virgule",
                     conseil=f"en Python, la virgule décimale s'écrit avec un point : écrivez {ent}.{dec}")
    if isinstance(valeur, str):
        if _NOMBRE_TEXTE.match(valeur) and any(c.isdigit() for c in valeur):
            raise erreur(f"{quoi} vaut le texte {_repr(valeur)}, pas un nombre",
                         conseil=f"écrivez le nombre sans guillemets, sans espace ni symbole, avec un point "
                         f"pour la virgule : {_comme_python(valeur)}")
        raise erreur(f"{quoi} vaut le texte {_repr(valeur)}, pas un nombre",
                     conseil=f"écrivez un nombre sans guillemets, par exemple {exemple}")
    if not isinstance(valeur, Real):
        # numpy : np.int64, np.float64 sont des Real ; un tableau d'un seul élément aussi, par .item().
        item = getattr(valeur, "item", None)
        if callable(item) and getattr(valeur, "size", None) == 1:
            return _reel(item(), quoi, erreur, exemple)
        raise erreur(f"{quoi} vaut {_repr(valeur)} ({type(valeur).__name__}), pas un nombre",
                     conseil=f"écrivez un seul nombre, par exemple {exemple}")
    v = float(valeur)
    if math.isnan(v):
        raise erreur(f"{quoi} est vide (NaN)",
                     conseil=f"une cellule vide ou un calcul impossible a donné NaN : écrivez un nombre, "
                     f"par exemple {exemple}")
    if math.isinf(v):
        raise erreur(f"{quoi} est infini", conseil=f"écrivez un nombre fini, par exemple {exemple}")
    return v


def nombre(valeur: object, quoi: str = "le nombre", *, minimum: float | None = None,
           maximum: float | None = None) -> float:
    """Un nombre réel quelconque (négatif permis), borné si ``minimum`` ou ``maximum`` est donné.

    >>> nombre(-1.5, "la variation")
    -1.5
    >>> nombre("0,25", "le coefficient")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurDonnees: le coefficient vaut le texte '0,25', pas un nombre.
    Conseil : écrivez le nombre sans guillemets, sans espace ni symbole, avec un point pour la virgule : 0.25.
    """
    v = _reel(valeur, quoi, ErreurDonnees, "1.5")
    _borner(v, repr(valeur), quoi, minimum, maximum, lambda b: f"{b:g}", "une valeur")
    return v


def _borner(v: float, montre: str, quoi: str, minimum: float | None, maximum: float | None,
            ecrire: Callable[[float], str], ce_qu_on_saisit: str) -> None:
    """Refuse ``v`` hors de [``minimum``, ``maximum``] (bornes facultatives), en disant la valeur montrée."""
    if minimum is not None and v < minimum:
        raise ErreurDonnees(f"{quoi} vaut {montre}, en dessous du minimum {ecrire(minimum)}",
                            conseil=f"saisissez {ce_qu_on_saisit} d'au moins {ecrire(minimum)}")
    if maximum is not None and v > maximum:
        raise ErreurDonnees(f"{quoi} vaut {montre}, au-dessus du maximum {ecrire(maximum)}",
                            conseil=f"saisissez {ce_qu_on_saisit} d'au plus {ecrire(maximum)}")


def montant(valeur: object, quoi: str = "le montant", *, strictement_positif: bool = False) -> float:
    """Un montant en euros, positif ou nul (strictement positif si demandé), arrondi au centime.

    >>> import numpy as np
    >>> montant(np.int64(820_000), "le montant des travaux")
    820000.0
    >>> montant(-5000, "le montant des travaux")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurMontant: le montant des travaux est négatif (-5\u202f000\xa0€).
    Conseil : saisissez un montant positif en euros, par exemple 5000.
    >>> montant("12 000 €", "le montant")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurMontant: le montant vaut le texte '12 000 €', pas un nombre.
    Conseil : écrivez le nombre sans guillemets, sans espace ni symbole, avec un point pour la virgule : 12000.
    """
    v = _reel(valeur, quoi, ErreurMontant, "820000")
    if v < 0:
        from .formats import euros

        # Le montant lu, à la française (« -5 000 € ») ; l'exemple du conseil, tel qu'on le tape.
        lu = euros(v, 0 if v == int(v) else 2)
        raise ErreurMontant(f"{quoi} est négatif ({lu})",
                            conseil=f"saisissez un montant positif en euros, par exemple {-v:g}")
    if strictement_positif and v == 0:
        raise ErreurMontant(f"{quoi} est nul", conseil="saisissez un montant strictement positif, en euros")
    return round(v, 2)


def entier(valeur: object, quoi: str = "le nombre", *, minimum: int | None = None,
           maximum: int | None = None) -> int:
    """Un nombre entier (un réel entier comme ``12.0`` est accepté), borné si demandé.

    >>> entier(12.0, "le nombre de participants")
    12
    >>> entier(2.5, "le nombre de participants")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurDonnees: le nombre de participants vaut 2.5, ce n'est pas un nombre entier.
    Conseil : écrivez un nombre entier, sans décimales, par exemple 2.
    """
    v = _reel(valeur, quoi, ErreurDonnees, "12")
    if v != int(v):
        raise ErreurDonnees(f"{quoi} vaut {v:g}, ce n'est pas un nombre entier",
                            conseil=f"écrivez un nombre entier, sans décimales, par exemple {int(v)}")
    n = int(v)
    _borner(n, str(n), quoi, minimum, maximum, str, "un nombre entier")
    return n


def taux(valeur: object, quoi: str = "le taux") -> float:
    """Un taux en décimales, entre 0 et 1 (30 % s'écrit 0.30).

    >>> taux(0.3)
    0.3
    >>> taux((0, 25), "la DETR")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurTaux: la DETR vaut (0, 25) : Python a lu deux nombres séparés par une virgule.
    Conseil : en Python, la virgule décimale s'écrit avec un point : écrivez 0.25.
    """
    v = _reel(valeur, quoi, ErreurTaux, "0.30 pour 30 %")
    if v < 0 or v > 1:
        conseil = "un taux s'écrit en décimales, entre 0 et 1 : 30 % s'écrit 0.30"
        if 1 < v <= 100:
            decimal = f"{v / 100:.4f}".rstrip("0")  # 30 -> 0.30, 1.5 -> 0.015
            conseil += f" (vouliez-vous écrire {decimal if len(decimal) > 3 else f'{v / 100:.2f}'} ?)"
        raise ErreurTaux(f"{quoi} vaut {v:g}, hors de [0 ; 1] ({'au-dessus de 100 %' if v > 1 else 'négatif'})",
                         conseil=conseil)
    return v


def annee(valeur: object, quoi: str = "l'année") -> int:
    """Une année sur quatre chiffres, entre 1900 et 2100.

    >>> annee(2026)
    2026
    >>> annee(26, "l'année du plan")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurDate: l'année du plan vaut 26, ce n'est pas une année sur quatre chiffres.
    Conseil : écrivez l'année en entier, par exemple 2026.
    """
    if isinstance(valeur, str) and valeur.strip().isdigit():
        raise ErreurDate(f"{quoi} vaut le texte {_repr(valeur)}, pas un nombre",
                         conseil=f"écrivez l'année sans guillemets : {valeur.strip()}")
    v = _reel(valeur, quoi, ErreurDate, "2026")
    if v != int(v) or not 1900 <= v <= 2100:
        raise ErreurDate(f"{quoi} vaut {v:g}, ce n'est pas une année sur quatre chiffres",
                         conseil="écrivez l'année en entier, par exemple 2026")
    return int(v)


_DATE_FR = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def date(valeur: object, quoi: str = "la date", *, annee_seule: bool | str = False) -> _dt.date:
    """Une date : ``datetime.date``, ``datetime``, texte « 2026-10-01 » ou « 01/10/2026 ».

    Avec ``annee_seule=True`` (ou ``"debut"``), une année seule vaut le 1er janvier ; avec
    ``annee_seule="fin"``, le 31 décembre. Sinon une année seule est refusée avec un conseil.

    >>> date("01/10/2026")
    datetime.date(2026, 10, 1)
    >>> date(2027, "l'échéance", annee_seule="fin")
    datetime.date(2027, 12, 31)
    >>> date("2026-13-01", "la date de lancement")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurDate: la date de lancement vaut '2026-13-01', ce n'est pas une date du calendrier.
    Conseil : écrivez la date "AAAA-MM-JJ" (par exemple "2026-10-01") ou "JJ/MM/AAAA".
    """
    conseil = 'écrivez la date "AAAA-MM-JJ" (par exemple "2026-10-01") ou "JJ/MM/AAAA"'
    if isinstance(valeur, _dt.datetime):
        return valeur.date()
    if isinstance(valeur, _dt.date):
        return valeur
    if hasattr(valeur, "to_pydatetime"):  # pandas.Timestamp
        return valeur.to_pydatetime().date()  # type: ignore[union-attr]
    if isinstance(valeur, Integral) and not isinstance(valeur, bool):
        if annee_seule:
            a = annee(valeur, quoi)
            return _dt.date(a, 12, 31) if annee_seule == "fin" else _dt.date(a, 1, 1)
        raise ErreurDate(f"{quoi} vaut {valeur!r}, une année seule ne suffit pas ici",
                         conseil=f'{conseil} ; pour le 1er janvier : "{valeur}-01-01"')
    if isinstance(valeur, str):
        texte_date = valeur.strip()
        m = _DATE_FR.match(texte_date)
        try:
            if m:
                return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", texte_date):
                return _dt.date.fromisoformat(texte_date)
        except ValueError:
            raise ErreurDate(f"{quoi} vaut {_repr(valeur)}, ce n'est pas une date du calendrier",
                             conseil=conseil) from None
        if annee_seule and texte_date.isdigit() and len(texte_date) == 4:
            return date(int(texte_date), quoi, annee_seule=annee_seule)
    raise ErreurDate(f"{quoi} vaut {_repr(valeur)}, ce n'est pas une date", conseil=conseil)


def texte(valeur: object, quoi: str = "le texte") -> str:
    """Un texte non vide, sans caractères de contrôle, débarrassé des espaces autour.

    >>> texte("  Travaux ", "le libellé")
    'Travaux'
    >>> texte("", "le libellé")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurDonnees: le libellé est vide.
    Conseil : écrivez un texte entre guillemets, par exemple "Travaux".
    """
    if not isinstance(valeur, str):
        raise ErreurDonnees(f"{quoi} vaut {_repr(valeur)}, ce n'est pas un texte",
                            conseil='écrivez un texte entre guillemets, par exemple "Travaux"')
    propre = "".join(c for c in valeur.strip() if c.isprintable())
    if not propre:
        raise ErreurDonnees(f"{quoi} est vide", conseil='écrivez un texte entre guillemets, par exemple "Travaux"')
    return propre


def normaliser(valeur: object) -> str:
    """La forme de comparaison d'un texte : minuscules, sans accents, espaces, tirets, soulignés ni apostrophes.

    >>> normaliser("Procédure_adaptée"), normaliser(" Tracé C ")
    ('procedureadaptee', 'tracec')
    """
    brut = unicodedata.normalize("NFKD", str(valeur))
    sans_accents = "".join(c for c in brut if not unicodedata.combining(c))
    return re.sub(r"[\s_\-'’.]+", "", sans_accents.casefold())


def _index(connus: Iterable[str], synonymes: Mapping[str, Iterable[str]] | None) -> dict[str, str]:
    index: dict[str, str] = {}
    for nom in connus:
        index.setdefault(normaliser(nom), nom)
    for canonique, autres in (synonymes or {}).items():
        for autre in [canonique, *([autres] if isinstance(autres, str) else autres)]:
            index.setdefault(normaliser(autre), canonique)
    return index


def choix(valeur: object, connus: Iterable[str], quoi: str = "le choix", *,
          synonymes: Mapping[str, Iterable[str]] | None = None) -> str:
    """Le choix canonique que désigne ``valeur`` parmi ``connus`` (casse, accents, espaces indifférents).

    >>> choix("FORMALISÉE", ["adaptee", "formalisee"], "la procédure")
    'formalisee'
    >>> choix("adapté", ["adaptee", "formalisee"], "la procédure")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurChoix: la procédure vaut « adapté », qui n'est pas un choix possible.
    Conseil : vouliez-vous écrire « adaptee » ? Les choix possibles : adaptee, formalisee.
    """
    connus = list(connus)
    if not isinstance(valeur, str) or not valeur.strip():
        raise ErreurChoix(f"{quoi} vaut {_repr(valeur)}, ce n'est pas un choix de la liste",
                          conseil=f"écrivez l'un de ces choix entre guillemets : {', '.join(connus)}")
    index = _index(connus, synonymes)
    cle = normaliser(valeur)
    if cle in index:
        return index[cle]
    proches = difflib.get_close_matches(cle, list(index), n=1, cutoff=0.6)
    conseil = f"vouliez-vous écrire « {index[proches[0]]} » ? " if proches else ""
    raise ErreurChoix(f"{quoi} vaut « {valeur} », qui n'est pas un choix possible",
                      conseil=f"{conseil}Les choix possibles : {', '.join(connus)}")


def trouver(nom: object, noms_connus: Iterable[str], quoi: str = "le nom") -> str:
    """Le nom connu que désigne ``nom`` (recherche par nom, avec suggestion en cas de faute).

    >>> trouver("detr", ["DETR", "Fonds vert"], "le financeur")
    'DETR'
    >>> trouver("Fond vert", ["DETR", "Fonds vert"], "le financeur")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurChoix: le financeur « Fond vert » n'existe pas.
    Conseil : vouliez-vous écrire « Fonds vert » ? Les noms connus : DETR, Fonds vert.
    """
    connus = list(noms_connus)
    if isinstance(nom, str) and nom in connus:
        return nom
    index = _index(connus, None)
    cle = normaliser(nom) if isinstance(nom, str) else ""
    if cle and cle in index:
        return index[cle]
    proches = difflib.get_close_matches(cle, list(index), n=1, cutoff=0.6) if cle else []
    suggestion = f"vouliez-vous écrire « {index[proches[0]]} » ? " if proches else ""
    liste = ", ".join(connus) if connus else "aucun pour l'instant"
    raise ErreurChoix(f"{quoi} « {nom} » n'existe pas", conseil=f"{suggestion}Les noms connus : {liste}")


def objets(valeurs: Iterable[object], classe: type[T], *, le: str, un: str, mal_decrit: str = "mal décrit",
           champs: str, exemple: str) -> list[T]:
    """Des objets ``classe``, chacun donné tel quel ou décrit par le dictionnaire de ses champs (comme dans
    un fichier de cas). ``le`` et ``un`` nomment l'objet dans les messages (« l'acteur », « un acteur ») ;
    ``champs`` liste ce qu'il faut donner, ``exemple`` montre comment le construire.

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Salle:
    ...     nom: str
    ...     places: int
    >>> objets([Salle("Mairie", 80), {"nom": "École", "places": 40}], Salle, le="la salle", un="une salle",
    ...        mal_decrit="mal décrite", champs="nom et places", exemple="Salle(nom, places)")
    [Salle(nom='Mairie', places=80), Salle(nom='École', places=40)]
    >>> objets([{"nom": "École"}], Salle, le="la salle", un="une salle", mal_decrit="mal décrite",
    ...        champs="nom et places", exemple="Salle(nom, places)")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurSaisie: la salle {'nom': 'École'} est mal décrite (...).
    Conseil : donnez nom et places.
    """
    resultat: list[T] = []
    for valeur in valeurs:
        if isinstance(valeur, classe):
            resultat.append(valeur)
        elif isinstance(valeur, Mapping):
            try:
                resultat.append(classe(**dict(valeur)))
            except TypeError as exc:
                raise ErreurSaisie(f"{le} {dict(valeur)!r} est {mal_decrit} ({exc})",
                                   conseil=f"donnez {champs}") from None
        else:
            raise ErreurSaisie(f"{valeur!r} n'est pas {un}", conseil=f"utilisez {exemple}")
    return resultat
