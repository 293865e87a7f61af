"""Dessine la planche des territoires réels des cas pour le catalogue du livre.

Usage : .venv/bin/python outils/carte_des_cas.py  (écrit book/_static/cartes/territoires-des-cas.png ; le texte
de remplacement de la page est calculé par mba_territoires.affichage.cartes.texte_alternatif_des_cas()).
"""

from __future__ import annotations

from pathlib import Path

from mba_territoires.affichage.cartes import carte_des_cas

SORTIE = Path(__file__).resolve().parents[1] / "book" / "_static" / "cartes" / "territoires-des-cas.png"

if __name__ == "__main__":
    SORTIE.parent.mkdir(parents=True, exist_ok=True)
    carte = carte_des_cas()
    carte.figure.savefig(SORTIE, dpi=90, bbox_inches="tight", metadata={"Software": None})
    print(f"{SORTIE} ({SORTIE.stat().st_size // 1024} Kio)")
