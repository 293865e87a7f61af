"""Le livre construit, lu comme un lecteur le lit : chaque page dans Chromium, réseau coupé.

Pour chaque page : chargée sans erreur JavaScript, sans requête échouée ni sortie de 127.0.0.1,
titre et langue française, navigation vers toutes les pages, textes de remplacement, titres bien
ordonnés, liens internes vivants, zéro violation axe-core grave ou critique. Pour chaque carnet :
ses tableaux et ses figures sont là, ses widgets enregistrés sont dessinés sans réseau. Les
captures d'écran vont dans ``_build/artefacts/captures``.

Le livre est construit avant (``make check-book``) ; ``MBA_LIVRE_HTML`` peut désigner un autre dossier.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from .outils import (
    Serveur,
    audit_axe,
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


def _nom_capture(page: str) -> str:
    return page.replace("/", "-") + ".png"


@pytest.mark.parametrize("page", TOUTES)
def test_la_page_se_lit_sans_erreur(page: str, hors_ligne: Any, serveur_livre: Serveur, captures: Path) -> None:
    onglet = hors_ligne.new_page()
    visite = visiter(onglet, serveur_livre.url(page + ".html"), serveur_livre)
    problemes = problemes_de_visite(visite)

    titre = onglet.title()
    if not titre.strip() or TITRE_LIVRE not in titre:
        problemes.append(f"titre de la page inattendu : {titre!r}")
    langue = onglet.evaluate("document.documentElement.lang")
    if langue != "fr":
        problemes.append(f"langue de la page : {langue!r} au lieu de 'fr'")
    problemes += images_sans_alternative(onglet)
    problemes += liens_casses(onglet, serveur_livre, _LIENS_VUS)
    if page in PAGES:
        problemes += titres_mal_ordonnes(onglet, "main #main-content, main article")
    if page in PAGES_CLES or page in CARNETS:
        onglet.screenshot(path=str(captures / _nom_capture(page)), full_page=True)
    assert not problemes, f"{page} :\n- " + "\n- ".join(problemes)


@pytest.mark.parametrize("page", PAGES)
def test_la_navigation_mene_a_toutes_les_pages(page: str, hors_ligne: Any, serveur_livre: Serveur) -> None:
    onglet = hors_ligne.new_page()
    visiter(onglet, serveur_livre.url(page + ".html"), serveur_livre, attente_ms=0)
    liens = onglet.eval_on_selector_all("nav.bd-docs-nav a[href]", "els => els.map(e => e.href)")
    cibles = {re.sub(r"[#?].*$", "", lien) for lien in liens}
    manquantes = [p for p in PAGES if p != "book/introduction" and serveur_livre.url(p + ".html") not in cibles]
    assert not manquantes, f"la navigation de {page} ne mène pas à : {manquantes}"
    # Les liens « Précédent / Suivant » en bas de page, sauf aux deux bouts du livre.
    precedent = onglet.locator("a.left-prev").count()
    suivant = onglet.locator("a.right-next").count()
    rang = PAGES.index(page)
    assert suivant == (0 if rang == len(PAGES) - 1 else 1), f"{page} : lien « Suivant » attendu"
    assert precedent == (0 if rang == 0 else 1), f"{page} : lien « Précédent » attendu"


@pytest.mark.parametrize("page", TOUTES)
def test_la_page_est_accessible(page: str, hors_ligne: Any, serveur_livre: Serveur) -> None:
    """Zéro violation axe-core « serious » ou « critical » (WCAG 2.x A et AA, bonnes pratiques)."""
    onglet = hors_ligne.new_page()
    visiter(onglet, serveur_livre.url(page + ".html"), serveur_livre)
    widgets_non_rendus(onglet)  # on audite la page telle que le lecteur la voit, widgets dessinés
    problemes = audit_axe(onglet)
    assert not problemes, f"{page} :\n- " + "\n- ".join(problemes)


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


@pytest.mark.parametrize("carnet", CARNETS)
def test_le_carnet_montre_ses_tableaux_et_ses_figures(
    carnet: str, hors_ligne: Any, serveur_livre: Serveur, dossier_livre: Path
) -> None:
    """Chaque figure annoncée (texte de remplacement, légende « Lecture : ») est dans la page.

    Le carnet source est celui que le livre publie (``_sources/``) ; une cellule suivie d'une ligne
    « Lecture : ... » doit afficher un tableau ou une image, une cellule qui porte
    ``mystnb.image.alt`` doit afficher une image avec ce texte. Aucune sortie d'erreur.
    """
    nombre, alts, a_lire = _cellules_attendues(dossier_livre / "_sources" / (carnet + ".ipynb"))
    onglet = hors_ligne.new_page()
    visiter(onglet, serveur_livre.url(carnet + ".html"), serveur_livre, attente_ms=0)
    cellules = onglet.locator("main div.cell")
    assert cellules.count() == nombre, f"{carnet} : {cellules.count()} cellules affichées, {nombre} attendues"
    problemes = []
    for rang in sorted(a_lire):
        cellule = cellules.nth(rang)
        if cellule.locator(".cell_output img, .cell_output table").count() == 0:
            problemes.append(f"cellule de code n° {rang + 1} : suivie d'une « Lecture », mais sans tableau ni figure")
    for rang, alt in sorted(alts.items()):
        images = cellules.nth(rang).locator(".cell_output img").evaluate_all("els => els.map(e => e.alt)")
        if alt not in images:
            problemes.append(f"cellule de code n° {rang + 1} : aucune figure avec l'alternative {alt[:50]!r}…")
    erreurs = onglet.locator(".cell_output .output.traceback, .cell_output .output.error").count()
    if erreurs:
        problemes.append(f"{erreurs} sortie(s) d'erreur dans la page")
    assert not problemes, f"{carnet} :\n- " + "\n- ".join(problemes)


@pytest.mark.parametrize("carnet", CARNETS)
def test_les_widgets_enregistres_s_affichent_sans_reseau(
    carnet: str, hors_ligne: Any, serveur_livre: Serveur, captures: Path
) -> None:
    onglet = hors_ligne.new_page()
    visite = visiter(onglet, serveur_livre.url(carnet + ".html"), serveur_livre)
    vues = onglet.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    if vues == 0:
        pytest.skip(f"{carnet} n'enregistre aucun widget")
    problemes = widgets_non_rendus(onglet) + problemes_de_visite(visite)
    premier = onglet.locator(".jupyter-widgets").first
    if premier.count():
        premier.scroll_into_view_if_needed()
        onglet.screenshot(path=str(captures / ("widgets-" + _nom_capture(carnet))))
    assert not problemes, f"{carnet} :\n- " + "\n- ".join(problemes)


def test_la_page_des_acces_donne_chaque_facon_d_ouvrir_chaque_carnet(
    hors_ligne: Any, serveur_livre: Serveur
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
    # La barre « Ouvrir ce carnet » sous le titre de chaque carnet.
    for carnet in CARNETS:
        visiter(onglet, serveur_livre.url(carnet + ".html"), serveur_livre, attente_ms=0)
        barre = onglet.locator("nav.mba-ouvrir")
        assert barre.count() == 1 and "Onyxia" in barre.inner_text()
