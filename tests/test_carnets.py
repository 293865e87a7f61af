"""Les carnets : sans sorties, au moins trois exercices vérifiés par leçon, solutions balisées."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[1]
CARNETS = sorted((RACINE / "notebooks").glob("*.ipynb"))
LECONS = [c for c in CARNETS if re.match(r"\d\d-", c.name)]


def _cellules(chemin: Path) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(chemin.read_text(encoding="utf-8"))["cells"]


def test_il_y_a_des_carnets() -> None:
    assert LECONS, "aucun carnet de leçon trouvé"


@pytest.mark.parametrize("chemin", CARNETS, ids=lambda c: c.name)
def test_enregistre_sans_sorties(chemin: Path) -> None:
    """nbstripout (crochet pre-commit) doit avoir retiré sorties et compteurs."""
    for i, cellule in enumerate(_cellules(chemin)):
        if cellule["cell_type"] == "code":
            assert not cellule.get("outputs"), f"{chemin.name}, cellule {i} : sorties enregistrées (nbstripout)"
            assert cellule.get("execution_count") is None, f"{chemin.name}, cellule {i} : compteur enregistré"


@pytest.mark.parametrize("chemin", LECONS, ids=lambda c: c.name)
def test_lecon_au_moins_trois_exercices(chemin: Path) -> None:
    cellules = _cellules(chemin)
    source = ["".join(c["source"]) for c in cellules]
    premiere = next(s for s, c in zip(source, cellules, strict=True) if c["cell_type"] == "code")
    assert f'carnet("{chemin.stem}")' in premiere, "la première cellule de code ouvre les exercices du carnet"
    solutions = [s for s, c in zip(source, cellules, strict=True) if "solution" in c["metadata"].get("tags", [])]
    assert len(solutions) >= 3, f"{chemin.name} : {len(solutions)} exercice(s), il en faut au moins 3"
    for s in solutions:
        assert s.count("# DEBUT SOLUTION") == 1 and s.count("# FIN SOLUTION") == 1, s
        assert "= ...  # à compléter" in s, s
        assert ".verifier(" in s.split("# FIN SOLUTION")[1], s
    assert "progression()" in source[-1] or any("progression()" in s for s in source[-3:])


@pytest.mark.parametrize("chemin", LECONS, ids=lambda c: c.name)
def test_commence_par_un_titre_et_un_objectif(chemin: Path) -> None:
    premiere = "".join(_cellules(chemin)[0]["source"])
    assert premiere.startswith("# "), "la première cellule est le titre du carnet"
    assert "Objectif" in premiere, "la première cellule dit l'objectif de la leçon"
