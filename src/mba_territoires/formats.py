"""Affichage des nombres et des dates à la française.

Les modèles gardent des nombres bruts ; seules les vues formatent. Les règles sont celles de l'imprimerie
française (et du CLDR ``fr_FR``) : milliers séparés par une espace fine insécable (U+202F), virgule
décimale, espace insécable (U+00A0) avant « € » et « % ». Les arrondis se font au plus proche, la moitié
vers le haut en valeur absolue (0,125 → 0,13), comme on arrondit à la main ; un zéro arrondi n'a pas de
signe (« 0,00 € », jamais « -0,00 € »).

>>> euros(1234567.891)
'1\u202f234\u202f567,89\xa0€'
>>> euros(820000, decimales=0)
'820\u202f000\xa0€'
>>> pourcentage(0.16404, decimales=3)
'16,404\xa0%'
>>> nombre(2500.5)
'2\u202f500,5'
>>> date_fr(__import__("datetime").date(2026, 3, 1))
'1 mars 2026'
"""

from __future__ import annotations

import datetime as _dt
import decimal
import math
from numbers import Real

__all__ = ["LOCALE", "date_fr", "euros", "millions", "mois_court", "nombre", "pourcentage", "texte_brut"]

#: La locale de tout l'affichage.
LOCALE = "fr_FR"

_FINE = "\u202f"  # espace fine insécable : séparateur des milliers
_INSECABLE = "\xa0"  # espace insécable : avant « € », « % », « M€ »

#: Les mois en toutes lettres et abrégés (CLDR fr, formats « MMMM » et « MMM »).
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre")
MOIS_ABREGES = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
                "déc.")

# Assez de chiffres pour tout montant d'un budget public (et bien au-delà) sans arrondi caché.
_CONTEXTE = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_UP)


def _verifier_nombre(valeur: object) -> float:
    from .erreurs import ErreurSaisie

    if isinstance(valeur, bool) or not isinstance(valeur, Real):
        raise ErreurSaisie(f"« {valeur!r} » n'est pas un nombre", conseil="donnez un nombre, par exemple 1500 ou 0.3")
    v = float(valeur)
    if math.isnan(v):
        raise ErreurSaisie("la valeur est vide (NaN)", conseil="vérifiez que la cellule ou la colonne est remplie")
    return v


def _grouper(entier: str) -> str:
    """``"1234567"`` → ``"1 234 567"`` (espaces fines insécables)."""
    morceaux = []
    while len(entier) > 3:
        morceaux.append(entier[-3:])
        entier = entier[:-3]
    morceaux.append(entier)
    return _FINE.join(reversed(morceaux))


def _ecrire(valeur: decimal.Decimal | float, decimales: int | None, *, max_decimales: int = 3) -> str:
    """Le nombre à la française : ``decimales`` chiffres après la virgule, ou (``None``) jusqu'à
    ``max_decimales``, les zéros finals retirés."""
    if isinstance(valeur, float):
        if math.isinf(valeur):
            return "-∞" if valeur < 0 else "∞"
        valeur = decimal.Decimal(repr(valeur))  # l'écriture la plus courte du flottant : 0.1 reste 0.1
    if decimales is not None and decimales < 0:
        from .erreurs import ErreurSaisie

        raise ErreurSaisie(f"{decimales} décimales : ce nombre ne peut pas être négatif",
                           conseil="donnez 0, 1, 2… chiffres après la virgule")
    chiffres = max_decimales if decimales is None else decimales
    arrondi = valeur.quantize(decimal.Decimal(1).scaleb(-chiffres), context=_CONTEXTE)
    entier, _, fraction = f"{abs(arrondi):f}".partition(".")
    if decimales is None:
        fraction = fraction.rstrip("0")
    signe = "-" if arrondi < 0 else ""  # un zéro arrondi (-0,00) n'a pas de signe
    return signe + _grouper(entier) + ("," + fraction if fraction else "")


def _decimal(v: float) -> decimal.Decimal | float:
    return v if math.isinf(v) else decimal.Decimal(repr(v))


def euros(montant: float, decimales: int = 2) -> str:
    """Un montant en euros : ``1 234 567,89 €`` (espaces fines insécables, comme l'imprimerie)."""
    return _ecrire(_verifier_nombre(montant), decimales) + _INSECABLE + "€"


def millions(montant: float, decimales: int = 2) -> str:
    """Un montant en millions d'euros : ``1,25 M€``.

    >>> millions(1_250_000)
    '1,25\\xa0M€'
    """
    v = _decimal(_verifier_nombre(montant))
    return _ecrire(v if isinstance(v, float) else v.scaleb(-6), decimales) + _INSECABLE + "M€"


def pourcentage(taux: float, decimales: int = 1) -> str:
    """Un taux (0.30) écrit en pourcentage (``30,0 %``)."""
    v = _decimal(_verifier_nombre(taux))
    return _ecrire(v if isinstance(v, float) else v.scaleb(2), decimales) + _INSECABLE + "%"


def nombre(valeur: float, decimales: int | None = None) -> str:
    """Un nombre à la française ; ``decimales`` fixe le nombre de chiffres après la virgule (sinon,
    jusqu'à trois, sans zéros finals : ``nombre(2.50)`` donne ``2,5``)."""
    return _ecrire(_verifier_nombre(valeur), decimales)


def date_fr(jour: _dt.date) -> str:
    """Une date en toutes lettres : ``1 mars 2026``."""
    return f"{jour.day} {MOIS[jour.month - 1]} {jour.year}"


def mois_court(jour: _dt.date) -> str:
    """Le mois abrégé et l'année, pour l'axe d'un graphique : ``janv. 2026``.

    >>> mois_court(__import__("datetime").date(2026, 7, 14))
    'juil. 2026'
    """
    return f"{MOIS_ABREGES[jour.month - 1]} {jour.year}"


def texte_brut(chaine: str) -> str:
    """Remplace les espaces insécables par des espaces simples (utile pour comparer dans un test).

    >>> texte_brut(euros(1500))
    '1 500,00 €'
    """
    return chaine.replace("\u202f", " ").replace("\xa0", " ")
