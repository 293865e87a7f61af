# ruff: noqa: E501  (messages et exemples doctest en français, sur une ligne)
"""Reconstruit l'extrait du découpage administratif vendu dans le paquet.

Source : le paquet npm ``@etalab/decoupage-administratif`` (Etalab, données sous Licence Ouverte), qui
publie le Code officiel géographique (COG) de l'Insee et la composition des EPCI de la DGCL.

Usage (un enseignant, une fois par an) ::

    cd /tmp && npm pack @etalab/decoupage-administratif@6.0.0
    python outils/construire_decoupage.py /tmp/etalab-decoupage-administratif-6.0.0.tgz

Le script lit ``communes.json``, ``epci.json``, ``departements.json`` et ``regions.json`` dans l'archive,
garde les communes actuelles (pas les communes déléguées, associées ni les arrondissements municipaux),
inverse la liste des membres des EPCI pour donner à chaque commune son EPCI, et écrit dans
``src/mba_territoires/donnees/territoire/`` cinq CSV compressés (gzip, reproductibles : date nulle) et le
manifeste ``donnees.yaml`` (source, version, licence, millésime, sha256, colonnes).

Le millésime de population retenu est celui de ``communes.json`` (populations légales Insee en vigueur
au 1er janvier de l'année du COG) ; les populations des membres dans ``epci.json`` (DGCL) ne sont pas
reprises : celle d'un EPCI est recalculée comme la somme de ses communes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import sys
import tarfile
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
DESTINATION = RACINE / "src" / "mba_territoires" / "donnees" / "territoire"

#: Ce que le manifeste dit de la source (à mettre à jour avec la version).
PAQUET = "@etalab/decoupage-administratif"
MILLESIME_COG = 2026
MILLESIME_POPULATION = ("populations légales Insee millésimées 2023, en vigueur au 1er janvier 2026 (d'après les sources "
                        "citées par le README du paquet : insee.fr, statistiques 8680726)")

COLONNES = {
    "communes.csv.gz": {
        "code": "code Insee de la commune (5 caractères, Corse en 2A/2B)",
        "nom": "nom officiel (COG)",
        "population": "population municipale (populations légales Insee, millésime dit dans le manifeste)",
        "departement": "code du département (ou de la collectivité d'outre-mer)",
        "region": "code de la région (ou de la collectivité d'outre-mer)",
        "zone": "metro (métropole), drom (départements et régions d'outre-mer) ou com (collectivités d'outre-mer)",
        "siren": "numéro SIREN de la commune (vide pour les collectivités d'outre-mer)",
        "codes_postaux": "codes postaux, séparés par « | »",
        "epci": "SIREN de l'EPCI à fiscalité propre dont la commune est membre (vide : aucun), "
                "obtenu en inversant les membres des EPCI",
    },
    "anciens_codes.csv.gz": {
        "code": "code Insee de la commune actuelle",
        "ancien_code": "code Insee d'une ancienne commune fusionnée dans celle-ci (champ anciensCodes de la source)",
    },
    "epci.csv.gz": {
        "siren": "numéro SIREN de l'EPCI à fiscalité propre",
        "nom": "nom de l'EPCI",
        "type": "CC, CA, CU, METRO ou MET69 (métropole de Lyon)",
        "regime": "régime fiscal : FPU (fiscalité professionnelle unique) ou FA (fiscalité additionnelle)",
        "population_dgcl": "population municipale de l'EPCI selon la DGCL (autre millésime : "
                           "information, non utilisée par le paquet)",
    },
    "departements.csv.gz": {
        "code": "code du département",
        "nom": "nom du département",
        "region": "code de la région",
        "chef_lieu": "code Insee de la commune chef-lieu",
        "zone": "metro, drom ou com",
    },
    "regions.csv.gz": {
        "code": "code de la région",
        "nom": "nom de la région",
        "chef_lieu": "code Insee de la commune chef-lieu",
        "zone": "metro, drom ou com",
    },
}


def _lire_json(archive: tarfile.TarFile, nom: str) -> list[dict]:
    membre = archive.extractfile(f"package/data/{nom}")
    if membre is None:
        raise SystemExit(f"l'archive n'a pas de fichier package/data/{nom}")
    return json.load(membre)


def _gzip_csv(colonnes: list[str], lignes: list[list[str]]) -> bytes:
    texte = io.StringIO()
    ecrivain = csv.writer(texte, lineterminator="\n")
    ecrivain.writerow(colonnes)
    ecrivain.writerows(lignes)
    brut = io.BytesIO()
    # mtime=0 et pas de nom de fichier : deux constructions donnent les mêmes octets (même sha256).
    with gzip.GzipFile(filename="", mode="wb", fileobj=brut, mtime=0, compresslevel=9) as f:
        f.write(texte.getvalue().encode("utf-8"))
    return brut.getvalue()


def construire(archive_tgz: Path, destination: Path = DESTINATION) -> dict[str, bytes]:
    """Écrit les quatre CSV compressés et le manifeste ; rend le contenu des fichiers écrits."""
    octets_archive = archive_tgz.read_bytes()
    with tarfile.open(archive_tgz, "r:gz") as archive:
        paquet = json.load(archive.extractfile("package/package.json"))  # type: ignore[arg-type]
        communes = _lire_json(archive, "communes.json")
        epcis = _lire_json(archive, "epci.json")
        departements = _lire_json(archive, "departements.json")
        regions = _lire_json(archive, "regions.json")

    actuelles = [c for c in communes if c.get("type") == "commune-actuelle"]
    codes = {c["code"] for c in actuelles}
    epci_de: dict[str, str] = {}
    for e in epcis:
        for m in e["membres"]:
            if m["code"] in epci_de:
                raise SystemExit(f"la commune {m['code']} est membre de deux EPCI : {epci_de[m['code']]} et {e['code']}")
            if m["code"] not in codes:
                raise SystemExit(f"l'EPCI {e['code']} a pour membre {m['code']}, qui n'est pas une commune actuelle")
            epci_de[m["code"]] = e["code"]

    fichiers: dict[str, bytes] = {}
    fichiers["communes.csv.gz"] = _gzip_csv(list(COLONNES["communes.csv.gz"]), [
        [c["code"], c["nom"], str(c["population"]) if c.get("population") is not None else "",
         c["departement"], c["region"], c["zone"], c.get("siren", ""), "|".join(c.get("codesPostaux", [])),
         epci_de.get(c["code"], "")]
        for c in sorted(actuelles, key=lambda c: c["code"])])
    fichiers["anciens_codes.csv.gz"] = _gzip_csv(list(COLONNES["anciens_codes.csv.gz"]), [
        [c["code"], ancien] for c in sorted(actuelles, key=lambda c: c["code"]) for ancien in c.get("anciensCodes", [])])
    fichiers["epci.csv.gz"] = _gzip_csv(list(COLONNES["epci.csv.gz"]), [
        [e["code"], e["nom"], e["type"], e["modeFinancement"], str(e.get("populationMunicipale", ""))]
        for e in sorted(epcis, key=lambda e: e["code"])])
    fichiers["departements.csv.gz"] = _gzip_csv(list(COLONNES["departements.csv.gz"]), [
        [d["code"], d["nom"], d["region"], d.get("chefLieu", ""), d["zone"]]
        for d in sorted(departements, key=lambda d: d["code"])])
    fichiers["regions.csv.gz"] = _gzip_csv(list(COLONNES["regions.csv.gz"]), [
        [r["code"], r["nom"], r.get("chefLieu", ""), r["zone"]] for r in sorted(regions, key=lambda r: r["code"])])

    destination.mkdir(parents=True, exist_ok=True)
    for nom, contenu in fichiers.items():
        (destination / nom).write_bytes(contenu)

    sans_epci = len(actuelles) - len(epci_de)
    manifeste = [
        "# Manifeste de l'extrait du découpage administratif (écrit par outils/construire_decoupage.py : ne pas",
        "# éditer à la main, relancer le script).",
        "source:",
        f"  paquet: \"{PAQUET}\"",
        f"  version: \"{paquet['version']}\"",
        f"  archive: {archive_tgz.name}",
        f"  sha256_archive: {hashlib.sha256(octets_archive).hexdigest()}",
        "  obtention: npm pack @etalab/decoupage-administratif@" + paquet["version"],
        "  origine: Code officiel géographique (Insee), composition des EPCI à fiscalité propre (DGCL), "
        "populations légales (Insee), codes postaux (La Poste)",
        "licence: Licence Ouverte / Open Licence (Etalab) pour les données ; code du paquet npm sous licence MIT",
        f"millesime_cog: {MILLESIME_COG}",
        f"millesime_population: \"{MILLESIME_POPULATION}\"",
        "population_retenue: >-",
        "  la population municipale de communes.json pour chaque commune ; celle d'un EPCI, d'un département",
        "  ou d'une région est la somme de ses communes (les populations des membres dans epci.json, d'un",
        "  autre millésime, ne sont pas utilisées).",
        f"communes: {len(actuelles)}",
        f"communes_sans_epci: {sans_epci}",
        f"epci: {len(epcis)}",
        f"departements: {len(departements)}",
        f"regions: {len(regions)}",
        "fichiers:",
    ]
    for nom, contenu in fichiers.items():
        manifeste.append(f"  {nom}:")
        manifeste.append(f"    sha256: {hashlib.sha256(contenu).hexdigest()}")
        manifeste.append(f"    octets: {len(contenu)}")
        manifeste.append("    colonnes:")
        for col, sens in COLONNES[nom].items():
            sens_yaml = sens.replace('"', "'")
            manifeste.append(f"      {col}: \"{sens_yaml}\"")
    texte = "\n".join(manifeste) + "\n"
    (destination / "donnees.yaml").write_text(texte, encoding="utf-8")
    fichiers["donnees.yaml"] = texte.encode("utf-8")
    return fichiers


def main(argv: list[str] | None = None) -> int:
    analyse = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyse.add_argument("archive", type=Path, help="l'archive .tgz obtenue par npm pack")
    analyse.add_argument("--destination", type=Path, default=DESTINATION, help="dossier de sortie")
    args = analyse.parse_args(argv)
    if not args.archive.exists():
        print(f"archive introuvable : {args.archive} (lancez d'abord : npm pack {PAQUET}@6.0.0)", file=sys.stderr)
        return 2
    fichiers = construire(args.archive, args.destination)
    for nom, contenu in fichiers.items():
        print(f"{nom} : {len(contenu):,} octets".replace(",", " "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
