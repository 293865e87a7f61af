"""Les bibliothèques JavaScript embarquées (book/_static/vendor) : intactes, avec leurs licences, et
bien celles que le livre charge à la place des CDN."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

RACINE = Path(__file__).resolve().parents[2]
VENDOR = RACINE / "book" / "_static" / "vendor"


def _empreintes() -> dict[str, str]:
    texte = (VENDOR / "SOURCES.txt").read_text(encoding="utf-8")
    return {chemin: empreinte for empreinte, chemin in re.findall(r"^([0-9a-f]{64})  (\S+)$", texte, re.M)}


def test_chaque_fichier_embarque_a_l_empreinte_notee_dans_sources() -> None:
    empreintes = _empreintes()
    embarques = [p for p in VENDOR.rglob("*") if p.suffix in {".js", ".woff", ".woff2"}]
    fichiers = sorted(p.relative_to(VENDOR).as_posix() for p in embarques)
    assert sorted(empreintes) == fichiers
    for chemin, attendue in empreintes.items():
        assert hashlib.sha256((VENDOR / chemin).read_bytes()).hexdigest() == attendue, f"{chemin} a changé"


def test_chaque_bibliotheque_a_sa_licence() -> None:
    for dossier in ("html-manager-1.0.15", "requirejs-2.3.8"):
        licence = (VENDOR / dossier / "LICENSE").read_text(encoding="utf-8")
        assert "Permission" in licence or "Redistribution" in licence
    assert "jQuery" in (VENDOR / "html-manager-1.0.15" / "LICENCES-TIERS.txt").read_text(encoding="utf-8")


def test_le_livre_charge_les_fichiers_embarques_et_aucun_cdn() -> None:
    config = yaml.safe_load((RACINE / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    scripts = list(config["nb_ipywidgets_js"])
    assert scripts == [
        "vendor/requirejs-2.3.8/require.js",
        "mba-widgets.js",
        "vendor/html-manager-1.0.15/embed-amd.js",
    ]
    for script in scripts:
        assert (RACINE / "book" / "_static" / script).is_file()
        assert not script.startswith("http")
