"""Les contrôles du navigateur attrapent bien ce qu'ils doivent attraper : chacun est essayé sur une
petite page piégée (lien cassé, erreur JavaScript, image sans alternative, ressource externe, titres
sautés, ancre absente, widget non dessiné), servie sur 127.0.0.1, et sur une page saine."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .outils import (
    Serveur,
    audit_axe,
    bloquer_hors_local,
    images_sans_alternative,
    liens_casses,
    problemes_de_visite,
    servir,
    titres_mal_ordonnes,
    visiter,
    widgets_non_rendus,
)

pytestmark = pytest.mark.navigateur

RACINE = Path(__file__).resolve().parents[2]
STATIC = RACINE / "book" / "_static"

# Un pixel PNG (pour des <img> qui se chargent).
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a4cd0000000049454e44ae426082"
)


def _page(titre: str, corps: str, tete: str = "") -> str:
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{titre}</title>{tete}</head>'
        f"<body><main><h1>{titre}</h1>{corps}</main></body></html>"
    )


PAGES = {
    "saine.html": _page(
        "Page saine",
        '<p>Voir <a href="autre.html">l\'autre page</a> et <a href="#suite">la suite</a>.</p>'
        '<img src="pixel.png" alt="Un point bleu">'
        '<img src="pixel.png" alt="" role="presentation">'
        '<h2 id="suite">Suite</h2><h3>Détail</h3><h2>Fin</h2>',
    ),
    "autre.html": _page("Autre page", "<p>Rien à signaler.</p>"),
    "lien-casse.html": _page("Lien cassé", '<p><a href="disparue.html">une page disparue</a></p>'),
    "ancre-absente.html": _page("Ancre absente", '<p><a href="#nulle-part">plus bas</a></p>'),
    "erreur-js.html": _page("Erreur JavaScript", '<script>throw new Error("plantage volontaire");</script>'),
    "sans-alt.html": _page("Image sans alternative", '<img src="pixel.png">'),
    "alt-fichier.html": _page(
        "Alternative en nom de fichier",
        '<img src="pixel.png" alt="20f557314c07dfadc12339e65453419c7e0a179b.png">',
    ),
    "externe.html": _page(
        "Ressource externe", "<p>Un script d'un CDN.</p>",
        tete='<script src="https://cdn.jsdelivr.net/npm/exemple@1.0.0/index.js"></script>',
    ),
    "titres.html": _page("Titres sautés", "<h3>Un h3 directement sous le h1</h3><h1>Un second h1</h1>"),
    "contraste.html": _page(
        "Contraste faible", '<p style="color:#bbbbbb;background:#ffffff">Texte gris clair sur blanc.</p>'
    ),
    "widget-orphelin.html": _page(
        "Widget sans moteur",
        '<script type="application/vnd.jupyter.widget-view+json">'
        '{"version_major": 2, "version_minor": 0, "model_id": "abc"}</script>',
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serveur]:
    dossier = tmp_path_factory.mktemp("site-piege")
    for nom, contenu in PAGES.items():
        (dossier / nom).write_text(contenu, encoding="utf-8")
    (dossier / "pixel.png").write_bytes(PIXEL)
    with servir(dossier) as serveur:
        yield serveur


@pytest.fixture
def onglet(navigateur: Any, site: Serveur) -> Iterator[Any]:
    contexte = navigateur.new_context(locale="fr-FR")
    bloquer_hors_local(contexte, site)
    page = contexte.new_page()
    yield page
    contexte.close()


def test_une_page_saine_ne_remonte_aucun_probleme(onglet: Any, site: Serveur) -> None:
    visite = visiter(onglet, site.url("saine.html"), site)
    assert problemes_de_visite(visite) == []
    assert images_sans_alternative(onglet) == []
    assert titres_mal_ordonnes(onglet) == []
    assert liens_casses(onglet, site) == []
    assert audit_axe(onglet) == []


def test_un_lien_casse_est_signale(onglet: Any, site: Serveur) -> None:
    visiter(onglet, site.url("lien-casse.html"), site)
    problemes = liens_casses(onglet, site)
    assert problemes == [f"lien cassé (404) : {site.url('disparue.html')}"]


def test_une_ancre_absente_est_signalee(onglet: Any, site: Serveur) -> None:
    visiter(onglet, site.url("ancre-absente.html"), site)
    assert liens_casses(onglet, site) == ["ancre introuvable dans la page : #nulle-part"]


def test_une_erreur_javascript_est_signalee(onglet: Any, site: Serveur) -> None:
    visite = visiter(onglet, site.url("erreur-js.html"), site)
    problemes = problemes_de_visite(visite)
    assert any(p.startswith("erreur JavaScript") and "plantage volontaire" in p for p in problemes), problemes


def test_une_erreur_toleree_n_est_pas_signalee(onglet: Any, site: Serveur) -> None:
    visite = visiter(onglet, site.url("erreur-js.html"), site)
    assert problemes_de_visite(visite, toleres=(r"plantage volontaire",)) == []


def test_une_image_sans_alt_est_signalee(onglet: Any, site: Serveur) -> None:
    visiter(onglet, site.url("sans-alt.html"), site)
    assert images_sans_alternative(onglet) == ["image sans attribut alt : pixel.png"]
    # axe-core la classe « critique » (règle image-alt, RGAA 1.1).
    assert any(p.startswith("image-alt (critical)") for p in audit_axe(onglet))


def test_une_alternative_en_nom_de_fichier_est_signalee(onglet: Any, site: Serveur) -> None:
    """C'est ce que Sphinx écrit quand une figure de carnet n'a pas de texte de remplacement."""
    visiter(onglet, site.url("alt-fichier.html"), site)
    problemes = images_sans_alternative(onglet)
    assert len(problemes) == 1 and "nom de fichier" in problemes[0]


def test_une_ressource_externe_echoue_et_est_signalee(onglet: Any, site: Serveur) -> None:
    visite = visiter(onglet, site.url("externe.html"), site)
    problemes = problemes_de_visite(visite)
    assert any(p.startswith("requête hors de 127.0.0.1 : https://cdn.jsdelivr.net") for p in problemes)
    assert any(p.startswith("requête échouée : https://cdn.jsdelivr.net") for p in problemes)


def test_des_titres_mal_ordonnes_sont_signales(onglet: Any, site: Serveur) -> None:
    visiter(onglet, site.url("titres.html"), site)
    problemes = titres_mal_ordonnes(onglet)
    assert problemes[0].startswith("2 titres de niveau 1")
    assert "titre h3 « Un h3 directement sous le h1 » après un h1 (niveau sauté)" in problemes


def test_un_contraste_faible_est_une_violation_grave(onglet: Any, site: Serveur) -> None:
    visiter(onglet, site.url("contraste.html"), site)
    assert any(p.startswith("color-contrast (serious)") for p in audit_axe(onglet))


def test_un_widget_sans_moteur_est_signale(onglet: Any, site: Serveur) -> None:
    visiter(onglet, site.url("widget-orphelin.html"), site)
    problemes = widgets_non_rendus(onglet, delai_ms=1000)
    assert len(problemes) == 1 and "aucune" in problemes[0]


def _etat_curseur() -> dict[str, Any]:
    """L'état enregistré d'un curseur, tel que Jupyter l'écrit dans un carnet."""
    import ipywidgets as widgets
    from ipywidgets.embed import embed_data

    curseur = widgets.IntSlider(value=820_000, min=100_000, max=2_000_000, step=10_000, description="Travaux HT")
    donnees = embed_data(views=[curseur])
    return {"etat": donnees["manager_state"], "vue": donnees["view_specs"][0]}


def test_le_moteur_embarque_dessine_un_widget_enregistre_sans_reseau(
    navigateur: Any, tmp_path: Path
) -> None:
    """Les fichiers de book/_static/vendor suffisent à dessiner un curseur enregistré, réseau coupé."""
    shutil.copytree(STATIC / "vendor", tmp_path / "_static" / "vendor")
    shutil.copy(STATIC / "mba-widgets.js", tmp_path / "_static" / "mba-widgets.js")
    donnees = _etat_curseur()
    tete = (
        '<script src="_static/vendor/requirejs-2.3.8/require.js"></script>'
        '<script src="_static/mba-widgets.js"></script>'
        '<script src="_static/vendor/html-manager-1.0.15/embed-amd.js"></script>'
        f'<script type="application/vnd.jupyter.widget-state+json">{json.dumps(donnees["etat"])}</script>'
    )
    corps = f'<div><script type="application/vnd.jupyter.widget-view+json">{json.dumps(donnees["vue"])}</script></div>'
    (tmp_path / "widget.html").write_text(_page("Widget enregistré", corps, tete), encoding="utf-8")
    with servir(tmp_path) as serveur:
        contexte = navigateur.new_context(locale="fr-FR")
        bloquer_hors_local(contexte, serveur)
        page = contexte.new_page()
        visite = visiter(page, serveur.url("widget.html"), serveur)
        assert widgets_non_rendus(page) == []
        assert page.get_by_text("Travaux HT").is_visible()
        assert problemes_de_visite(visite) == []
        # La poignée du curseur porte le nom de son étiquette (mba-widgets.js), sans quoi axe-core
        # relève « aria-input-field-name » (grave).
        assert page.get_by_role("slider", name="Travaux HT").count() == 1
        assert audit_axe(page) == []
        contexte.close()
