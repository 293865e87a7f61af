"""Le libellé des délibérations dépend de l'organe délibérant : maire (commune) ou président et bureau (EPCI)."""

from __future__ import annotations

import pytest

from mba_territoires.planning import DELIBERATIONS, DELIBERATIONS_EPCI, Planning, Tache, texte_deliberation


def _planning(organe: str) -> Planning:
    return Planning([Tache("Séance", 0, deliberation=["demande_subvention", "autorisation_marche"])],
                    "2026-01-05", organe=organe)


@pytest.mark.parametrize("organe", ["le conseil municipal", "Conseil municipal de Saint-Exemple"])
def test_commune_cite_les_delegations_au_maire(organe: str) -> None:
    # Commune : délégations du conseil municipal au maire, CGCT L2122-22.
    d = _planning(organe).deliberations()[0]
    assert d["decisions"] == ["autorise le maire à demander les subventions",
                              "autorise la signature du marché (au-delà des délégations au maire, CGCT L2122-22)"]


@pytest.mark.parametrize("organe", ["le conseil communautaire", "Conseil communautaire du Val de Lisière",
                                    "Conseil métropolitain de Lyon", "Comité syndical du SIVOM"])
def test_epci_cite_le_president_et_le_bureau(organe: str) -> None:
    # EPCI : délégations de l'organe délibérant au président, aux vice-présidents ou au bureau, CGCT L5211-10 ;
    # L2122-22 (le maire) ne s'applique pas.
    decisions = _planning(organe).deliberations()[0]["decisions"]
    assert decisions == ["autorise le président à demander les subventions",
                         "autorise la signature du marché (au-delà des délégations données au président ou au "
                         "bureau, CGCT L5211-10)"]
    assert not any("maire" in x or "L2122-22" in x for x in decisions)


def test_le_cas_epci_reseau_cyclable() -> None:
    # Le maître d'ouvrage du cas réseau-cyclable est un EPCI : son organe est le conseil communautaire.
    p = Planning.depuis_cas("reseau-cyclable")
    decisions = [x for d in p.deliberations() for x in d["decisions"]]
    assert DELIBERATIONS_EPCI["autorisation_marche"] in decisions
    assert DELIBERATIONS_EPCI["demande_subvention"] in decisions
    assert not any("L2122-22" in x or "maire" in x for x in decisions)


def test_les_autres_libelles_ne_changent_pas() -> None:
    assert {k: v for k, v in DELIBERATIONS_EPCI.items() if DELIBERATIONS[k] != v}.keys() == {
        "demande_subvention", "autorisation_marche"}
    assert texte_deliberation("Plan de financement", "le conseil communautaire") == "approuve le plan de financement"
