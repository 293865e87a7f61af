"""La palette des graphiques reste lisible pour les personnes daltoniennes.

Chaque couleur de ``mba_territoires.affichage.PALETTE`` est vue à travers les trois dichromasies
(protanopie, deutéranopie, tritanopie), simulées par les matrices de Machado, Oliveira et Fernandes
(2009, sévérité 1,0, appliquées en RGB linéaire) ; deux couleurs doivent rester à plus de
``ECART_MINIMUM`` l'une de l'autre (distance euclidienne ΔE*ab, CIE 1976, dans l'espace CIELAB,
blanc D65). Un ΔE de 2,3 est à peine perceptible ; au-delà de 10, deux aplats se distinguent d'un
coup d'œil. La palette d'Okabe-Ito donne au moins 16 (vert et bleu ciel, vus par une personne
tritanope) : le seuil de 12 laisse de la marge sans accepter une paire rouge/vert.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from mba_territoires.affichage import PALETTE, PALETTE_NOMS

ECART_MINIMUM = 12.0

MACHADO = {
    "protanopie": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deutéranopie": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopie": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    "vision typique": np.eye(3).tolist(),
}


def _lineaire(couleur: str) -> np.ndarray:
    srgb = np.array([int(couleur[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _lab(rgb_lineaire: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    t = xyz @ np.clip(rgb_lineaire, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def ecarts(palette: tuple[str, ...], vision: str) -> list[tuple[float, int, int]]:
    matrice = np.array(MACHADO[vision])
    labs = [_lab(matrice @ _lineaire(c)) for c in palette]
    return sorted(
        (float(np.linalg.norm(labs[i] - labs[j])), i, j) for i, j in itertools.combinations(range(len(palette)), 2)
    )


@pytest.mark.parametrize("vision", list(MACHADO))
def test_deux_couleurs_de_la_palette_restent_distinctes(vision: str) -> None:
    ecart, i, j = ecarts(PALETTE, vision)[0]
    assert ecart > ECART_MINIMUM, (
        f"{vision} : {PALETTE_NOMS[i]} et {PALETTE_NOMS[j]} ne se distinguent plus (ΔE = {ecart:.1f})"
    )


def test_le_controle_refuse_une_paire_rouge_vert() -> None:
    """Le rouge et le vert de la palette « tab10 » de matplotlib se confondent pour un deutéranope."""
    ecart, _i, _j = ecarts(("#d62728", "#2ca02c"), "deutéranopie")[0]
    assert ecart < ECART_MINIMUM
    # ... alors qu'ils sont très différents en vision typique.
    assert ecarts(("#d62728", "#2ca02c"), "vision typique")[0][0] > 50
