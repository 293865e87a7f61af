"""Le découpage administratif réel (COG 2026) : valeurs lues directement dans l'archive npm source,
homonymes, fautes de frappe, communes sans EPCI, script de reconstruction."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import mba_territoires as mt
from mba_territoires.territoire.decoupage import ErreurTerritoire, donnees_decoupage, manifeste

RACINE = Path(__file__).resolve().parents[1]
DONNEES = RACINE / "src" / "mba_territoires" / "donnees" / "territoire"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """L'archive npm de la source (npm pack), ou le test est sauté."""
    if shutil.which("npm") is None:
        pytest.skip("npm est absent : impossible de relire la source @etalab/decoupage-administratif")
    dossier = tmp_path_factory.mktemp("npm")
    version = manifeste()["source"]["version"]
    essai = subprocess.run(["npm", "pack", f"@etalab/decoupage-administratif@{version}"], cwd=dossier,
                           capture_output=True, text=True, timeout=180)
    if essai.returncode != 0:
        pytest.skip(f"npm pack a échoué (registre injoignable ?) : {essai.stderr[-300:]}")
    return next(dossier.glob("*.tgz"))


@pytest.fixture(scope="module")
def source(archive: Path) -> dict[str, list[dict]]:
    with tarfile.open(archive, "r:gz") as t:
        return {n: json.load(t.extractfile(f"package/data/{n}.json")) for n in ("communes", "epci")}


ECHANTILLON = ["35238", "29155", "2A004", "97411", "93066", "01001", "75056", "69123", "22113", "98735"]


def test_communes_comme_la_source(source: dict[str, list[dict]]) -> None:
    par_code = {c["code"]: c for c in source["communes"] if c["type"] == "commune-actuelle"}
    for code in ECHANTILLON:
        c = mt.commune(code)
        brut = par_code[code]
        assert (c.nom, c.population, c.code_departement, c.code_region) == (
            brut["nom"], brut.get("population", 0), brut["departement"], brut["region"])


def test_epci_et_membres_comme_la_source(source: dict[str, list[dict]]) -> None:
    pops = {c["code"]: c.get("population", 0) for c in source["communes"] if c["type"] == "commune-actuelle"}
    for brut in source["epci"][::97]:  # un EPCI sur 97, réparti dans le fichier
        e = mt.epci(brut["code"])
        assert (e.nom, e.type, e.regime) == (brut["nom"], brut["type"], brut["modeFinancement"])
        assert sorted(m.code for m in e.membres) == sorted(m["code"] for m in brut["membres"])
        # population d'un EPCI = somme des populations des communes (millésime de communes.json)
        assert e.population == sum(pops[m["code"]] for m in brut["membres"])
        for m in brut["membres"]:
            assert mt.commune(m["code"]).siren_epci == brut["code"]


def test_sans_epci_comme_la_source(source: dict[str, list[dict]]) -> None:
    membres = {m["code"] for e in source["epci"] for m in e["membres"]}
    attendus = {c["code"] for c in source["communes"] if c["type"] == "commune-actuelle"} - membres
    assert {c.code for c in donnees_decoupage().sans_epci} == attendus
    assert manifeste()["communes_sans_epci"] == len(attendus)


def test_script_de_reconstruction(archive: Path, tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(RACINE / "outils" / "construire_decoupage.py"), str(archive),
                    "--destination", str(tmp_path)], check=True, capture_output=True)
    for f in ("communes.csv.gz", "epci.csv.gz", "departements.csv.gz", "regions.csv.gz", "anciens_codes.csv.gz"):
        assert (tmp_path / f).read_bytes() == (DONNEES / f).read_bytes(), f
    assert (tmp_path / "donnees.yaml").read_text() == (DONNEES / "donnees.yaml").read_text()


def test_manifeste_sha256() -> None:
    m = manifeste()
    assert m["licence"].startswith("Licence Ouverte") and m["millesime_cog"] == 2026
    for nom, info in m["fichiers"].items():
        assert hashlib.sha256((DONNEES / nom).read_bytes()).hexdigest() == info["sha256"], nom
        assert info["colonnes"]


def test_recherche_par_code_nom_siren() -> None:
    assert mt.commune("35238").nom == "Rennes"
    assert mt.commune("Rennes").code == "35238"
    assert mt.commune("213502388").code == "35238"  # SIREN
    assert mt.commune("rennes ").code == "35238"
    assert mt.commune("Rénnes").code == "35238"  # accent en trop
    assert mt.commune("L'Hay les Roses").nom == "L'Haÿ-les-Roses"  # accents et tirets facultatifs
    assert mt.commune("St Malo").code == "35288"
    assert mt.commune(35238).code == "35238"
    assert mt.epci("Rennes Metropole").siren == "243500139"
    assert mt.epci(mt.commune("Rennes")).nom == "Rennes Métropole"
    assert mt.departement("ille et vilaine").code == "35"
    assert mt.departement(35).code == "35"
    assert mt.departement("Réunion").code == "974"
    assert mt.region("bretagne").code == "53"


def test_homonymes_saint_denis() -> None:
    with pytest.raises(ErreurTerritoire) as e:
        mt.commune("Saint-Denis")
    message = str(e.value)
    for dep in ("(11, Aude", "(30, Gard", "(93, Seine-Saint-Denis", "(974, La Réunion"):
        assert dep in message
    assert mt.commune("Saint-Denis (93)").code == "93066"
    assert mt.commune("saint denis 974").code == "97411"
    with pytest.raises(ErreurTerritoire, match="dans le département 12"):
        mt.commune("Saint-Denis (12)")


def test_fautes_de_frappe() -> None:
    with pytest.raises(ErreurTerritoire, match="vouliez-vous écrire.*Rennes"):
        mt.commune("Renes")
    with pytest.raises(ErreurTerritoire, match="Saint-Malo"):
        mt.commune("Sain-Malo")
    with pytest.raises(ErreurTerritoire, match="Rennes Métropole"):
        mt.epci("Renes Métropole")
    with pytest.raises(ErreurTerritoire, match="Bretagne"):
        mt.region("Bertagne")


def test_codes_inconnus_et_saisies() -> None:
    with pytest.raises(ErreurTerritoire, match="« 14000 »"):
        mt.commune("14000")
    with pytest.raises(ErreurTerritoire, match="pas par True"):
        mt.commune(True)
    with pytest.raises(ErreurTerritoire, match="SIREN d'un EPCI"):
        mt.commune("243500139")
    with pytest.raises(ErreurTerritoire, match="est vide"):
        mt.commune("  ")


def test_commune_sans_epci() -> None:
    ouessant = mt.commune("Ouessant")
    assert ouessant.epci is None
    with pytest.raises(ErreurTerritoire, match="n'est membre d'aucun EPCI"):
        ouessant.epci_obligatoire()
    with pytest.raises(ErreurTerritoire, match="n'est membre d'aucun EPCI"):
        mt.epci(ouessant)
    # à peu près une centaine (ticket) : îles mono-communales et collectivités d'outre-mer
    assert 80 <= len(donnees_decoupage().sans_epci) <= 120


def test_populations_agregees() -> None:
    d = mt.departement("35")
    assert d.population == sum(c.population for c in d.communes)
    assert len(d.communes) == len([c for c in donnees_decoupage().communes.values() if c.code_departement == "35"])
    # Rennes Métropole : 43 communes (COG 2026, lu dans epci.json)
    assert len(mt.epci("243500139").membres) == 43


def test_ancienne_commune_dit_ou_elle_est() -> None:
    anciens = donnees_decoupage()
    code = next(c for c in anciens.communes.values() if c.anciens_codes and c.anciens_codes[0] != c.code)
    ancien = code.anciens_codes[0]
    if ancien in anciens.communes:
        pytest.skip("ancien code repris par une commune actuelle")
    with pytest.raises(ErreurTerritoire, match=code.code):
        mt.commune(ancien)
