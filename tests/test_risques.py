"""Registre des risques : criticité = probabilité × impact, niveaux aux bornes, matrice, notes refusées
en français, registre du cas."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mba_territoires.cas import charger
from mba_territoires.erreurs import ErreurSaisie
from mba_territoires.risques import RegistreRisques, Risque, registre_du_cas


@pytest.mark.parametrize(("p", "i", "niveau"), [
    # Convention du cahier : faible ≤ 4, modéré 5 à 9, fort 10 à 14, critique ≥ 15.
    (1, 4, "faible"), (1, 5, "modéré"), (3, 3, "modéré"), (2, 5, "fort"), (3, 4, "fort"),
    (2, 7 // 2, "modéré"), (3, 5, "critique"), (5, 5, "critique"),
])
def test_niveaux_aux_bornes(p: int, i: int, niveau: str) -> None:
    r = Risque("R", p, i)
    assert r.criticite == p * i and r.niveau == niveau


@pytest.mark.parametrize("note", [0, 6, 2.5, "3", True])
def test_note_hors_echelle(note: object) -> None:
    with pytest.raises(ErreurSaisie, match="de 1 à 5") as exc:
        Risque("Retard des travaux", note, 3)  # type: ignore[arg-type]
    assert "« Retard des travaux »" in str(exc.value) and "1 (rare)" in str(exc.value)


@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), max_size=20))
def test_matrice_compte_chaque_risque(notes: list[tuple[int, int]]) -> None:
    registre = RegistreRisques([Risque(f"R{k}", p, i) for k, (p, i) in enumerate(notes)])
    m = registre.matrice()
    assert int(m.to_numpy().sum()) == len(notes)
    assert list(m.index) == [5, 4, 3, 2, 1] and list(m.columns) == [1, 2, 3, 4, 5]
    t = registre.tableau()
    assert t["criticité"].is_monotonic_decreasing


def test_noter_rend_un_nouveau_registre() -> None:
    r = RegistreRisques([Risque("Retard", 3, 4), Risque("Refus de l'aide", 2, 5)])
    r2 = r.noter("Retard", probabilite=4)
    assert r2.risque("Retard").criticite == 16 and r.risque("Retard").criticite == 12
    assert len(r.ajouter(Risque("Sols pollués", 2, 4))) == 3 and len(r.retirer("Retard")) == 1
    with pytest.raises(ErreurSaisie, match="vouliez-vous écrire « Retard »"):
        r.noter("Retrd", 2)
    with pytest.raises(ErreurSaisie, match="deux fois"):
        r.ajouter(Risque("Retard", 1, 1))
    with pytest.raises(ErreurSaisie, match="niveaux"):
        r.prioritaires("grave")


def test_risques_graves_sans_parade_a_completer() -> None:
    r = RegistreRisques([Risque("Sols pollués", 3, 5), Risque("Boue", 1, 2)])
    constats = r.a_completer()
    assert len(constats) == 2  # pas de responsable, pas d'atténuation ; le risque faible n'est pas signalé
    assert all("« Sols pollués » est critique (15)" in c for c in constats)


def test_registre_du_cas() -> None:
    r = registre_du_cas(charger("cour-oasis"))
    assert len(r) == 8
    premier = r.tableau().iloc[0]
    assert (premier["risque"], premier["criticité"]) == ("Travaux non terminés à la rentrée", 12)
    assert r.a_completer() == []
    html = r._repr_html_()
    assert "<caption>Registre des risques" in html and 'scope="row"' in html


def test_registre_depuis_un_slug_et_section_absente() -> None:
    # mt.registre_du_cas("cour-oasis") finissait en AttributeError brut : un slug suffit désormais.
    import mba_territoires as mt
    from mba_territoires.erreurs import ErreurCas

    assert len(mt.registre_du_cas("cour-oasis")) == len(RegistreRisques.depuis_cas("cour-oasis")) == 8
    sans = charger("cour-oasis").model_copy(update={"risques": None})
    with pytest.raises(ErreurCas, match="n'a pas de section « risques »") as exc:
        RegistreRisques.depuis_cas(sans)
    assert "risques:" in str(exc.value)


def test_graphique_du_registre() -> None:
    import matplotlib

    matplotlib.use("Agg")
    fig = RegistreRisques.depuis_cas("cour-oasis").graphique()
    assert fig.axes[0].get_title().startswith("Carte des risques")
