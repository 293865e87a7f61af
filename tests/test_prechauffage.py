"""prechauffage : le bytecode de ce qu'une séance importe, et seulement le sien."""

from __future__ import annotations

import sys

import pytest

from mba_territoires.prechauffage import MODULES_D_UNE_SEANCE, prechauffer


@pytest.fixture
def paquet_temporaire(tmp_path, monkeypatch):
    (tmp_path / "seance_essai").mkdir()
    (tmp_path / "seance_essai" / "__init__.py").write_text("VALEUR = 1\n", encoding="utf-8")
    (tmp_path / "seance_essai" / "jamais.py").write_text("X = 2\n", encoding="utf-8")
    (tmp_path / "seance_cassee.py").write_text("import module_qui_n_existe_pas_du_tout\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for nom in ("seance_essai", "seance_cassee"):
        sys.modules.pop(nom, None)


def test_ecrit_le_bytecode_des_modules_importes_seulement(paquet_temporaire, monkeypatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # comme PYTHONDONTWRITEBYTECODE=1
    bilan = prechauffer(("seance_essai", "bibliotheque_absente_du_poste"))
    cache = paquet_temporaire / "seance_essai" / "__pycache__"
    assert [p.name.split(".")[0] for p in cache.glob("*.pyc")] == ["__init__"]  # pas « jamais »
    assert sys.dont_write_bytecode is True  # le réglage est rendu
    assert "seance_essai" in bilan.importes and "mba_territoires.financement" in bilan.importes
    assert bilan.absents == ("bibliotheque_absente_du_poste",)
    assert "absents (non installés, ignorés) : bibliotheque_absente_du_poste" in str(bilan)


def test_une_installation_cassee_n_est_pas_cachee(paquet_temporaire) -> None:
    # Le module existe mais importe un module absent : ce n'est pas « non installé », c'est cassé.
    with pytest.raises(ModuleNotFoundError, match="module_qui_n_existe_pas_du_tout"):
        prechauffer(("seance_cassee",))


def test_la_liste_couvre_le_serveur_le_noyau_et_les_lecons() -> None:
    for nom in ("jupyterlab.labapp", "ipykernel.kernelapp", "pandas", "matplotlib.pyplot", "ipywidgets"):
        assert nom in MODULES_D_UNE_SEANCE
