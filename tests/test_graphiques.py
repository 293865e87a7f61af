"""Les graduations des graphiques disent la valeur exacte de leur position (à la française)."""

from __future__ import annotations

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from mba_territoires.affichage.graphiques import axe_pourcentage, nouvelle_figure  # noqa: E402
from mba_territoires.formats import texte_brut  # noqa: E402


def _graduations(axe, axe_xy: str) -> list[tuple[float, str]]:
    axe.figure.canvas.draw()
    a = axe.xaxis if axe_xy == "x" else axe.yaxis
    bornes = axe.get_xlim() if axe_xy == "x" else axe.get_ylim()
    return [(t.get_loc(), texte_brut(t.label1.get_text())) for t in a.get_major_ticks()
            if bornes[0] - 1e-12 <= t.get_loc() <= bornes[1] + 1e-12]


@pytest.mark.parametrize("maximum", [0.21, 0.0021, 0.57, 1.0, 0.135])
def test_chaque_graduation_en_pourcentage_est_exacte(maximum: float) -> None:
    # Des parts de 0 à 21 % : avec les pas de matplotlib (2,5 %) et zéro décimale, la graduation de
    # 2,5 % s'écrivait « 3 % » et celle de 12,5 % « 13 % » (l'apprenant lisait une échelle fausse).
    fig, axe = nouvelle_figure("Parts")
    axe.barh(["a", "b"], [maximum, maximum / 3])
    axe_pourcentage(axe, "x")
    graduations = _graduations(axe, "x")
    assert len(graduations) >= 3
    for position, texte in graduations:
        assert texte.endswith(" %"), texte
        lu = float(texte.removesuffix(" %").replace(" ", "").replace(",", ".").replace("-", "-"))
        assert lu == pytest.approx(position * 100, abs=1e-9), (position, texte)
    matplotlib.pyplot.close(fig)


def test_de_zero_a_vingt_et_un_pour_cent_les_graduations_sont_rondes() -> None:
    fig, axe = nouvelle_figure("Parts")
    axe.barh(["a", "b"], [0.21, 0.09])
    axe_pourcentage(axe, "x")
    textes = [t for _, t in _graduations(axe, "x")]
    assert textes == ["0 %", "5 %", "10 %", "15 %", "20 %"], textes
    matplotlib.pyplot.close(fig)
