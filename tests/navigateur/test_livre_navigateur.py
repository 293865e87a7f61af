"""Le livre construit, lu comme un lecteur le lit : chaque page dans Chromium, réseau coupé.

Pour chaque page : chargée sans erreur JavaScript, sans requête échouée ni sortie de 127.0.0.1,
titre et langue française, navigation vers toutes les pages, textes de remplacement, titres bien
ordonnés, liens internes vivants, zéro violation axe-core, quel que soit son impact. Pour chaque carnet :
ses tableaux et ses figures sont là, ses widgets enregistrés sont dessinés sans réseau. Les
captures d'écran vont dans ``_build/artefacts/captures``.

Le livre est construit avant (``make check-book``) ; ``MBA_LIVRE_HTML`` peut désigner un autre dossier.

Chaque page n'est visitée qu'une fois : la fixture ``releves`` ouvre le Chromium partagé de la session
depuis ``MBA_NAVIGATEUR_FILS`` fils (4 par défaut), chacun avec son pilote Playwright et un contexte
neuf, réseau coupé, par page ; elle relève tout ce que les tests vérifient ensuite page par page.
"""

from __future__ import annotations

import json
import os
import queue
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from .outils import (
    Serveur,
    audit_axe,
    bloquer_hors_local,
    images_sans_alternative,
    liens_casses,
    problemes_de_visite,
    titres_mal_ordonnes,
    visiter,
    widgets_non_rendus,
)

pytestmark = pytest.mark.navigateur

RACINE = Path(__file__).resolve().parents[2]
TITRE_LIVRE = yaml.safe_load((RACINE / "_config.yml").read_text(encoding="utf-8"))["title"]
#: Les pages dont on garde une capture d'écran pleine page.
PAGES_CLES = ("book/introduction", "book/acces", "book/accessibilite", "book/execution")


def _pages_toc() -> list[str]:
    toc = yaml.safe_load((RACINE / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for partie in toc.get("parts", []):
        pages += [chapitre["file"] for chapitre in partie["chapters"]]
    return pages


PAGES = _pages_toc()
CARNETS = [p for p in PAGES if p.startswith("notebooks/")]
#: Les pages du livre et les pages générées par Sphinx (recherche, index).
TOUTES = [*PAGES, "search", "genindex"]
_LIENS_VUS: dict[str, int] = {}


def _cellules_attendues(source: Path) -> tuple[int, dict[int, str], set[int]]:
    """(nombre de cellules de code affichées, {rang: alt attendu}, {rangs suivis d'une « Lecture »})."""
    carnet = json.loads(source.read_text(encoding="utf-8"))
    rang = -1
    alts: dict[int, str] = {}
    a_lire: set[int] = set()
    for cellule in carnet["cells"]:
        etiquettes = cellule.get("metadata", {}).get("tags", [])
        texte = "".join(cellule.get("source", "")).strip()
        if cellule["cell_type"] == "code":
            if {"remove-cell", "remove_cell"} & set(etiquettes):
                continue
            rang += 1
            alt = cellule.get("metadata", {}).get("mystnb", {}).get("image", {}).get("alt")
            if alt:
                alts[rang] = alt
        elif cellule["cell_type"] == "markdown" and re.match(r"^[*_]*Lecture\b", texte) and rang >= 0:
            a_lire.add(rang)
    return rang + 1, alts, a_lire


#: Le nombre de pages visitées en même temps dans le Chromium partagé.
FILS = max(1, int(os.environ.get("MBA_NAVIGATEUR_FILS", "4")))


@dataclass
class Releve:
    """Ce qu'une visite d'une page a relevé, contrôle par contrôle (listes de problèmes en français)."""

    lecture: list[str] = field(default_factory=list)
    navigation: list[str] = field(default_factory=list)
    accessibilite: list[str] = field(default_factory=list)
    carnet: list[str] = field(default_factory=list)
    widgets: list[str] = field(default_factory=list)
    #: Le nombre de vues de widgets enregistrées dans la page.
    vues: int = 0
    #: La barre « Ouvrir ce carnet » : (nombre de barres, texte de la première).
    barre_ouvrir: tuple[int, str] = (0, "")
    duree_s: float = 0.0
    #: La durée de chaque étape de la visite (s), pour le relevé des durées.
    etapes: dict[str, float] = field(default_factory=dict)

    def chrono(self, etape: str, debut: float) -> float:
        """Note la durée de ``etape`` commencée à ``debut`` ; renvoie l'heure de fin."""
        fin = time.perf_counter()
        self.etapes[etape] = self.etapes.get(etape, 0.0) + fin - debut
        return fin


def _nom_capture(page: str) -> str:
    return page.replace("/", "-") + ".png"


def _relever(onglet: Any, page: str, serveur: Serveur, dossier: Path, captures: Path) -> Releve:
    """Une visite de ``page`` et tous ses contrôles, dans l'ordre où un lecteur la voit."""
    r = Releve()
    t = time.perf_counter()
    visite = visiter(onglet, serveur.url(page + ".html"), serveur)
    visite_ok = problemes_de_visite(visite)
    t = r.chrono("chargement", t)

    # Lecture : erreurs, titre, langue, images, liens, titres.
    r.lecture += visite_ok
    titre = onglet.title()
    if not titre.strip() or TITRE_LIVRE not in titre:
        r.lecture.append(f"titre de la page inattendu : {titre!r}")
    langue = onglet.evaluate("document.documentElement.lang")
    if langue != "fr":
        r.lecture.append(f"langue de la page : {langue!r} au lieu de 'fr'")
    r.lecture += images_sans_alternative(onglet)
    t = r.chrono("lecture", t)
    r.lecture += liens_casses(onglet, serveur, _LIENS_VUS)
    t = r.chrono("liens", t)
    if page in PAGES:
        r.lecture += titres_mal_ordonnes(onglet, "main #main-content, main article")
    # Capture pleine page des pages clés ; des carnets, le premier écran (la pleine page d'un long carnet
    # coûtait plus que toute sa visite).
    if page in PAGES_CLES or page in CARNETS:
        onglet.screenshot(path=str(captures / _nom_capture(page)), full_page=page in PAGES_CLES)
        t = r.chrono("capture", t)

    # Navigation : le menu mène à toutes les pages ; « Précédent / Suivant » sauf aux deux bouts.
    if page in PAGES:
        liens = onglet.eval_on_selector_all("nav.bd-docs-nav a[href]", "els => els.map(e => e.href)")
        cibles = {re.sub(r"[#?].*$", "", lien) for lien in liens}
        manquantes = [p for p in PAGES if p != "book/introduction" and serveur.url(p + ".html") not in cibles]
        if manquantes:
            r.navigation.append(f"la navigation ne mène pas à : {manquantes}")
        rang = PAGES.index(page)
        if onglet.locator("a.right-next").count() != (0 if rang == len(PAGES) - 1 else 1):
            r.navigation.append("lien « Suivant » attendu" if rang < len(PAGES) - 1 else "lien « Suivant » en trop")
        if onglet.locator("a.left-prev").count() != (0 if rang == 0 else 1):
            r.navigation.append("lien « Précédent » attendu" if rang else "lien « Précédent » en trop")

    # Carnet : tableaux et figures annoncés, aucune sortie d'erreur, barre « Ouvrir ce carnet ».
    if page in CARNETS:
        nombre, alts, a_lire = _cellules_attendues(dossier / "_sources" / (page + ".ipynb"))
        cellules = onglet.locator("main div.cell")
        if cellules.count() != nombre:
            r.carnet.append(f"{cellules.count()} cellules affichées, {nombre} attendues")
        else:
            for rang in sorted(a_lire):
                if cellules.nth(rang).locator(".cell_output img, .cell_output table").count() == 0:
                    r.carnet.append(f"cellule de code n° {rang + 1} : suivie d'une « Lecture », mais sans tableau "
                                    "ni figure")
            for rang, alt in sorted(alts.items()):
                images = cellules.nth(rang).locator(".cell_output img").evaluate_all("els => els.map(e => e.alt)")
                if alt not in images:
                    r.carnet.append(f"cellule de code n° {rang + 1} : aucune figure avec l'alternative {alt[:50]!r}…")
        erreurs = onglet.locator(".cell_output .output.traceback, .cell_output .output.error").count()
        if erreurs:
            r.carnet.append(f"{erreurs} sortie(s) d'erreur dans la page")
        barre = onglet.locator("nav.mba-ouvrir")
        r.barre_ouvrir = (barre.count(), barre.first.inner_text() if barre.count() else "")

    t = r.chrono("navigation et carnet", t)
    # Widgets enregistrés : dessinés sans réseau (on audite ensuite la page telle que le lecteur la voit).
    r.vues = onglet.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    if r.vues:
        r.widgets = widgets_non_rendus(onglet) + visite_ok
        premier = onglet.locator(".jupyter-widgets").first
        if premier.count():
            premier.scroll_into_view_if_needed()
            onglet.screenshot(path=str(captures / ("widgets-" + _nom_capture(page))))

    t = r.chrono("widgets", t)
    # Accessibilité : zéro violation axe-core, quel que soit son impact.
    r.accessibilite = audit_axe(onglet)
    r.chrono("axe", t)
    return r


@pytest.fixture(scope="session")
def releves(chromium_partage: str, serveur_livre: Serveur, dossier_livre: Path, captures: Path) -> dict[str, Releve]:
    """Toutes les pages visitées une fois, ``FILS`` à la fois, dans le Chromium partagé."""
    from playwright.sync_api import sync_playwright

    file: queue.Queue[str] = queue.Queue()
    for page in sorted(TOUTES, key=lambda p: p not in CARNETS):  # les carnets, plus longs, d'abord
        file.put(page)
    resultats: dict[str, Releve] = {}

    def travailleur() -> None:
        with sync_playwright() as pw:
            chromium = pw.chromium.connect_over_cdp(chromium_partage)
            while True:
                try:
                    page = file.get_nowait()
                except queue.Empty:
                    break
                debut = time.perf_counter()
                contexte = chromium.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
                bloquer_hors_local(contexte, serveur_livre)
                try:
                    releve = _relever(contexte.new_page(), page, serveur_livre, dossier_livre, captures)
                except Exception as exc:  # la page reste en échec, avec la raison, dans chaque test
                    message = f"visite impossible : {type(exc).__name__}: {exc}"
                    releve = Releve(lecture=[message], navigation=[message], accessibilite=[message],
                                    carnet=[message], widgets=[message], vues=1)
                finally:
                    contexte.close()
                releve.duree_s = time.perf_counter() - debut
                resultats[page] = releve
            chromium.close()

    debut = time.perf_counter()
    fils = [threading.Thread(target=travailleur, name=f"visite-{i}") for i in range(min(FILS, len(TOUTES)))]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()
    total = time.perf_counter() - debut
    # Le relevé des durées (bench/ : phases de make test), à côté des captures.
    lignes = [f"{page}\t{r.duree_s:.1f}\t" + " ".join(f"{k}={v:.1f}" for k, v in r.etapes.items())
              for page, r in sorted(resultats.items(), key=lambda x: -x[1].duree_s)]
    (captures.parent / "visites.tsv").write_text(
        f"# {len(resultats)} pages, {len(fils)} fils, {total:.1f} s au total, "
        f"{sum(r.duree_s for r in resultats.values()):.1f} s de visites cumulées\n" + "\n".join(lignes) + "\n",
        encoding="utf-8")
    return resultats


def _echec(page: str, problemes: list[str]) -> str:
    return f"{page} :\n- " + "\n- ".join(problemes)


@pytest.mark.parametrize("page", TOUTES)
def test_la_page_se_lit_sans_erreur(page: str, releves: dict[str, Releve]) -> None:
    assert not releves[page].lecture, _echec(page, releves[page].lecture)


@pytest.mark.parametrize("page", PAGES)
def test_la_navigation_mene_a_toutes_les_pages(page: str, releves: dict[str, Releve]) -> None:
    assert not releves[page].navigation, _echec(page, releves[page].navigation)


@pytest.mark.parametrize("page", TOUTES)
def test_la_page_est_accessible(page: str, releves: dict[str, Releve]) -> None:
    """Zéro violation axe-core, de l'impact « minor » à « critical » (WCAG 2.x A et AA, bonnes pratiques)."""
    assert not releves[page].accessibilite, _echec(page, releves[page].accessibilite)


@pytest.mark.parametrize("carnet", CARNETS)
def test_le_carnet_montre_ses_tableaux_et_ses_figures(carnet: str, releves: dict[str, Releve]) -> None:
    """Chaque figure annoncée (texte de remplacement, légende « Lecture : ») est dans la page.

    Le carnet source est celui que le livre publie (``_sources/``) ; une cellule suivie d'une ligne
    « Lecture : ... » doit afficher un tableau ou une image, une cellule qui porte
    ``mystnb.image.alt`` doit afficher une image avec ce texte. Aucune sortie d'erreur.
    """
    assert not releves[carnet].carnet, _echec(carnet, releves[carnet].carnet)


@pytest.mark.parametrize("carnet", CARNETS)
def test_les_widgets_enregistres_s_affichent_sans_reseau(carnet: str, releves: dict[str, Releve]) -> None:
    if releves[carnet].vues == 0:
        pytest.skip(f"{carnet} n'enregistre aucun widget")
    assert not releves[carnet].widgets, _echec(carnet, releves[carnet].widgets)


def test_la_page_des_acces_donne_chaque_facon_d_ouvrir_chaque_carnet(
    hors_ligne: Any, serveur_livre: Serveur, releves: dict[str, Releve]
) -> None:
    onglet = hors_ligne.new_page()
    visiter(onglet, serveur_livre.url("book/acces.html"), serveur_livre, attente_ms=0)
    lignes = onglet.locator("table.mba-acces-tableau tbody tr")
    assert lignes.count() == len(CARNETS)
    for carnet in CARNETS:
        chemin = carnet + ".ipynb"
        liens = onglet.eval_on_selector_all(
            f'table.mba-acces-tableau a[href*="{carnet.split("/")[-1]}"]', "els => els.map(e => e.href)"
        )
        formes = {
            "Binder": rf"^https://mybinder\.org/v2/gh/[\w-]+/[\w-]+/main\?urlpath=lab/tree/{re.escape(chemin)}$",
            "Colab": rf"^https://colab\.research\.google\.com/github/[\w-]+/[\w-]+/blob/main/{re.escape(chemin)}$",
            "Onyxia": r"^https://datalab\.sspcloud\.fr/launcher/ide/jupyter-python\?autoLaunch=true&.*"
            r"init\.personalInit=%C2%ABhttps%3A%2F%2Fraw\.githubusercontent\.com%2F.*onyxia-init\.sh%C2%BB",
            "Fichier": rf"/_sources/{re.escape(chemin)}$",
        }
        for service, forme in formes.items():
            assert any(re.search(forme, lien) for lien in liens), f"{carnet} : lien {service} absent ou mal formé"
    # La barre « Ouvrir ce carnet » sous le titre de chaque carnet (relevée pendant la visite).
    for carnet in CARNETS:
        nombre, texte = releves[carnet].barre_ouvrir
        assert nombre == 1 and "Onyxia" in texte, f"{carnet} : barre « Ouvrir ce carnet » absente"


def test_les_visites_sont_paralleles(releves: dict[str, Releve]) -> None:
    """Chaque page a été visitée une fois ; le relevé dit combien de temps chacune a pris."""
    assert set(releves) == set(TOUTES)
    assert all(r.duree_s > 0 for r in releves.values())
