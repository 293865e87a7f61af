"""Affichage des nombres à la française, par babel.

Les modèles gardent des nombres bruts ; seules les vues formatent.

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
import math
from numbers import Real

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

__all__ = ["LOCALE", "date_fr", "euros", "millions", "nombre", "pourcentage", "texte_brut"]

#: La locale de tout l'affichage.
LOCALE = "fr_FR"


def _verifier_nombre(valeur: object) -> float:
    from .erreurs import ErreurSaisie

    if isinstance(valeur, bool) or not isinstance(valeur, Real):
        raise ErreurSaisie(f"« {valeur!r} » n'est pas un nombre", conseil="donnez un nombre, par exemple 1500 ou 0.3")
    v = float(valeur)
    if math.isnan(v):
        raise ErreurSaisie("la valeur est vide (NaN)", conseil="vérifiez que la cellule ou la colonne est remplie")
    return v


def euros(montant: float, decimales: int = 2) -> str:
    """Un montant en euros : ``1 234 567,89 €`` (espaces fines insécables, comme l'imprimerie)."""
    v = _verifier_nombre(montant)
    motif = "#,##0" + ("." + "0" * decimales if decimales else "") + "\xa0¤"
    return format_currency(v, "EUR", format=motif, locale=LOCALE, currency_digits=False)


def millions(montant: float, decimales: int = 2) -> str:
    """Un montant en millions d'euros : ``1,25 M€``.

    >>> millions(1_250_000)
    '1,25\\xa0M€'
    """
    v = _verifier_nombre(montant) / 1e6
    return format_decimal(v, format="#,##0." + "0" * decimales, locale=LOCALE) + "\xa0M€"


def pourcentage(taux: float, decimales: int = 1) -> str:
    """Un taux (0.30) écrit en pourcentage (``30,0 %``)."""
    v = _verifier_nombre(taux)
    motif = "#,##0" + ("." + "0" * decimales if decimales else "") + "\xa0%"
    return format_percent(v, format=motif, locale=LOCALE)


def nombre(valeur: float, decimales: int | None = None) -> str:
    """Un nombre à la française ; ``decimales`` fixe le nombre de chiffres après la virgule."""
    v = _verifier_nombre(valeur)
    if decimales is None:
        return format_decimal(v, locale=LOCALE)
    motif = "#,##0" + ("." + "0" * decimales if decimales else "")
    return format_decimal(v, format=motif, locale=LOCALE)


def date_fr(jour: _dt.date) -> str:
    """Une date en toutes lettres : ``1 mars 2026``."""
    return format_date(jour, format="d MMMM y", locale=LOCALE)


def texte_brut(chaine: str) -> str:
    """Remplace les espaces insécables par des espaces simples (utile pour comparer dans un test).

    >>> texte_brut(euros(1500))
    '1 500,00 €'
    """
    return chaine.replace("\u202f", " ").replace("\xa0", " ")
