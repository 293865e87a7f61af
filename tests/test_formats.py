"""Formats français : euros, pourcentages, nombres (babel)."""

from __future__ import annotations

import pytest

from mba_territoires.erreurs import ErreurSaisie
from mba_territoires.formats import date_fr, euros, millions, nombre, pourcentage, texte_brut


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
