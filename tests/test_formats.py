"""Formats français : euros, pourcentages, nombres, dates (écrits par le paquet, comparés à babel)."""

from __future__ import annotations

import pytest

from mba_territoires.erreurs import ErreurSaisie
from mba_territoires.formats import date_fr, euros, millions, mois_court, nombre, pourcentage, texte_brut


@pytest.mark.parametrize(
    ("montant", "decimales", "attendu"),
    [
        (1234567.89, 2, "1 234 567,89 €"),
        (0, 2, "0,00 €"),
        (-5000, 0, "-5 000 €"),
        (820000, 0, "820 000 €"),
    ],
)
def test_euros(montant: float, decimales: int, attendu: str) -> None:
    assert texte_brut(euros(montant, decimales)) == attendu


def test_espaces_insecables() -> None:
    # L'imprimerie française sépare les milliers par une espace fine insécable et met une espace
    # insécable avant le symbole : le montant ne se coupe jamais en fin de ligne.
    assert euros(1500) == "1\u202f500,00\xa0€"


def test_pourcentage_et_nombre() -> None:
    assert texte_brut(pourcentage(0.3)) == "30,0 %"
    assert texte_brut(pourcentage(0.16404, 3)) == "16,404 %"
    assert texte_brut(nombre(1234.5)) == "1 234,5"
    assert texte_brut(nombre(2, decimales=2)) == "2,00"
    assert texte_brut(millions(9_910_000)) == "9,91 M€"


def test_date() -> None:
    import datetime as dt

    assert date_fr(dt.date(2026, 2, 19)) == "19 février 2026"


@pytest.mark.parametrize("valeur", ["1500", None, float("nan"), True])
def test_valeur_non_numerique(valeur: object) -> None:
    with pytest.raises(ErreurSaisie) as exc:
        euros(valeur)  # type: ignore[arg-type]
    assert "Conseil" in str(exc.value)


@pytest.mark.parametrize(
    ("appel", "attendu"),
    [
        # Arrondi au plus proche, la moitié vers le haut en valeur absolue (calculé à la main).
        (lambda: euros(0.125), "0,13 €"),
        (lambda: euros(2.675), "2,68 €"),
        (lambda: euros(597928.5, 0), "597 929 €"),
        (lambda: euros(-174023.45, 1), "-174 023,5 €"),
        (lambda: nombre(0.0005), "0,001"),
        (lambda: nombre(1234.56789), "1 234,568"),
        (lambda: nombre(2.50), "2,5"),
        (lambda: nombre(7), "7"),
        # Un zéro arrondi n'a pas de signe.
        (lambda: euros(-0.0001), "0,00 €"),
        (lambda: nombre(-0.0004, 2), "0,00"),
        # Grands nombres, sans écriture scientifique ; pourcentages et millions sans erreur de flottant.
        (lambda: euros(1e12, 0), "1 000 000 000 000 €"),
        (lambda: pourcentage(0.575, 1), "57,5 %"),
        (lambda: pourcentage(0.1, 0), "10 %"),
        (lambda: millions(1_234_567, 1), "1,2 M€"),
        (lambda: millions(-2_500_000), "-2,50 M€"),
        (lambda: nombre(float("inf")), "∞"),
    ],
)
def test_arrondis_et_cas_limites(appel, attendu: str) -> None:
    assert texte_brut(appel()) == attendu


def test_dates_et_mois_abreges() -> None:
    import datetime as dt

    assert date_fr(dt.date(2027, 8, 1)) == "1 août 2027"
    assert date_fr(dt.date(2026, 12, 31)) == "31 décembre 2026"
    assert mois_court(dt.date(2026, 2, 3)) == "févr. 2026"
    assert mois_court(dt.date(2026, 9, 30)) == "sept. 2026"


def test_decimales_negatives_refusees() -> None:
    with pytest.raises(ErreurSaisie, match="décimales"):
        euros(10, -1)


def test_conforme_a_babel_hors_egalites() -> None:
    """Sur 2 000 nombres tirés, le paquet écrit comme babel (CLDR fr_FR), sauf les égalités exactes
    (babel arrondit au pair, le paquet vers le haut) et le zéro négatif (que babel écrit « -0 »)."""
    import datetime as dt
    import random
    from decimal import Decimal

    babel_dates = pytest.importorskip("babel.dates")
    babel_nombres = pytest.importorskip("babel.numbers")
    tirage = random.Random(2026)
    for _ in range(2000):
        v = tirage.choice([tirage.uniform(-1e7, 1e7), tirage.uniform(-10, 10), tirage.randint(-10**9, 10**9)])
        for d in (0, 1, 2):
            reste = (abs(Decimal(repr(v))) * 10**d) % 1
            if reste == Decimal("0.5"):
                continue
            motif = "#,##0" + ("." + "0" * d if d else "")
            reference = babel_nombres.format_currency(v, "EUR", format=motif + "\xa0¤", locale="fr_FR",
                                                      currency_digits=False)
            if reference.startswith("-0") and set(reference) <= set("-0,\xa0€"):
                continue
            assert euros(v, d) == reference, (v, d)
        if (abs(Decimal(repr(v))) * 1000) % 1 != Decimal("0.5"):
            assert nombre(v) == babel_nombres.format_decimal(v, locale="fr_FR"), v
    jour = dt.date(2025, 1, 1)
    for k in range(0, 800, 7):
        d = jour + dt.timedelta(days=k)
        assert date_fr(d) == babel_dates.format_date(d, format="d MMMM y", locale="fr_FR")
        assert mois_court(d) == babel_dates.format_date(d, format="MMM y", locale="fr_FR")
