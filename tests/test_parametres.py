"""Paramètres réglementaires datés : chaque valeur a une source et une date."""

from __future__ import annotations

import datetime as dt

import pytest

from mba_territoires.erreurs import ErreurParametre
from mba_territoires.parametres import annees_disponibles, parametres


@pytest.mark.parametrize("annee", annees_disponibles())
def test_chaque_valeur_est_sourcee_et_datee(annee: int) -> None:
    p = parametres(annee)
    assert len(p) > 30
    for cle in p:
        param = p.parametre(cle)
        assert param.source.strip(), cle
        assert param.libelle.strip(), cle
        assert isinstance(param.date, dt.date), cle
        assert param.date.year <= annee, f"{cle} : une date postérieure à {annee}"
        if param.a_verifier:
            assert param.note or "à vérifier" in param.citation(), cle


def test_valeurs_cles_2026() -> None:
    p = parametres(2026)
    # CGCT L1111-10 III : au moins 20 % du total des financements publics.
    assert p["financement.participation_minimale_mo"] == 0.20
    # CGCT R2334-27 : DETR de 20 % à 80 % du HT.
    assert (p["financement.detr_taux_min"], p["financement.detr_taux_max"]) == (0.20, 0.80)
    # Seuils de procédure formalisée 2026-2027.
    assert p["commande_publique.formalise_travaux"] == 5_404_000
    assert p["commande_publique.formalise_fournitures_services_collectivites"] == 216_000
    # France Stratégie 2021 : 1,2 % + 1 × 2 %.
    assert p["evaluation.taux_actualisation"] == pytest.approx(
        p["evaluation.taux_sans_risque"] + p["evaluation.prime_risque"]
    )


def test_taux_entre_zero_et_un() -> None:
    p = parametres(2026)
    for cle in p:
        param = p.parametre(cle)
        if param.unite == "taux":
            assert 0 <= param.valeur <= 1, cle


def test_cle_inconnue_propose_la_plus_proche() -> None:
    with pytest.raises(ErreurParametre, match="fctva.taux") as exc:
        parametres(2026)["fctva.tau"]
    assert "vouliez-vous dire" in str(exc.value)


@pytest.mark.parametrize("annee", [1999, "2026", 2026.0, True])
def test_annee_inconnue(annee: object) -> None:
    with pytest.raises(ErreurParametre, match="années disponibles"):
        parametres(annee)  # type: ignore[arg-type]


def test_tableau() -> None:
    t = parametres(2026).tableau("fctva")
    assert set(t["clé"]) >= {"fctva.taux", "fctva.taux_cloud"}
    assert list(t.columns) == ["clé", "libellé", "valeur", "unité", "source", "date", "à vérifier"]
