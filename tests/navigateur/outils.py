"""Outils de la suite « navigateur » : servir un site sur 127.0.0.1, le visiter dans Chromium, relever
ce qu'un lecteur rencontrerait (erreurs, requêtes échouées, liens cassés, images sans alternative,
titres mal ordonnés, violations d'accessibilité).

Les fonctions de contrôle renvoient des listes de problèmes en français (vides si tout va bien) :
les tests les affichent tels quels. Elles sont testées sur de petites pages piégées
(``test_outils_navigateur.py``) avant de l'être sur le livre.

>>> normaliser_lien("http://127.0.0.1:8000/book/a.html#titre")
'http://127.0.0.1:8000/book/a.html'
>>> est_nom_de_fichier("3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3.png")
True
>>> est_nom_de_fichier("Barres horizontales : les 45-59 ans sont les plus nombreux")
False
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

#: Les options de Chromium qui marchent sur une machine sans écran ni réseau (voir tooling-notes).
OPTIONS_CHROMIUM = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

#: Les exécutables essayés, dans l'ordre : Chromium de Debian d'abord (installé par le Makefile).
EXECUTABLES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Ce qu'on tolère dans la console ou les requêtes d'une page du livre. Chaque entrée est une
#: expression régulière, avec la raison de la tolérance. Vide aujourd'hui : les deux bruits connus
#: de la pile Jupyter Book 1 sont corrigés à la source (book/_ext/mba_livre.py retire la
#: configuration de sphinx-thebe injectée deux fois, qui levait « Identifier 'THEBE_JS_URL' has
#: already been declared » ; _config.yml donne un mode par défaut au thème, qui écrivait « Got
#: invalid theme mode »). N'ajoutez une entrée qu'avec un commentaire qui dit pourquoi.
TOLERES: tuple[str, ...] = ()

#: Les niveaux de gravité d'axe-core qui font échouer l'audit : tous (ticket 11 : aucune violation,
#: quel que soit son impact).
GRAVITES_BLOQUANTES = ("minor", "moderate", "serious", "critical")
#: Les règles d'axe-core jouées : WCAG 2.0, 2.1 et 2.2, niveaux A et AA (le RGAA 4.1 suit WCAG 2.1 AA),
#: plus les bonnes pratiques (titres, repères).
ETIQUETTES_AXE = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def trouver_chromium() -> str | None:
    """Le chemin de Chromium (variable ``MBA_CHROMIUM``, sinon le premier exécutable trouvé)."""
    if os.environ.get("MBA_CHROMIUM"):
        return os.environ["MBA_CHROMIUM"]
    for nom in EXECUTABLES:
        chemin = shutil.which(nom)
        if chemin:
            return chemin
    return None


@contextlib.contextmanager
def lancer_chromium(executable: str, profil: Path, delai_s: float = 30) -> Iterator[str]:
    """Lance Chromium sans écran avec un port DevTools ; renvoie son adresse ``ws://…`` le temps du bloc.

    Plusieurs pilotes Playwright (un par fil) s'y connectent avec ``connect_over_cdp`` : un seul
    navigateur, plusieurs contextes visités en parallèle. Le processus est arrêté à la sortie.
    """
    import subprocess
    import time

    commande = [executable, *OPTIONS_CHROMIUM, "--remote-debugging-port=0", f"--user-data-dir={profil}",
                "about:blank"]
    processus = subprocess.Popen(commande, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        fin = time.monotonic() + delai_s
        adresse = None
        assert processus.stderr is not None
        while time.monotonic() < fin:
            ligne = processus.stderr.readline()
            if not ligne and processus.poll() is not None:
                break
            trouve = re.search(r"DevTools listening on (ws://\S+)", ligne)
            if trouve:
                adresse = trouve.group(1)
                break
        if adresse is None:
            raise RuntimeError(f"Chromium ({executable}) n'a pas ouvert son port DevTools en {delai_s:.0f} s")
        # Vider la sortie d'erreur en continu, sans quoi Chromium bloquerait en écrivant dedans.
        threading.Thread(target=processus.stderr.read, daemon=True).start()
        yield adresse
    finally:
        processus.terminate()
        try:
            processus.wait(timeout=10)
        except subprocess.TimeoutExpired:
            processus.kill()


def normaliser_lien(url: str) -> str:
    """L'adresse sans son ancre (``#...``)."""
    return urldefrag(url)[0]


def est_nom_de_fichier(texte: str) -> bool:
    """Vrai si le texte ressemble à un nom de fichier (ce que Sphinx met quand l'alternative manque)."""
    texte = texte.strip()
    return bool(re.fullmatch(r"[\w./-]+\.(png|jpe?g|gif|svg|webp)", texte, flags=re.IGNORECASE))


# --- Le serveur local ---------------------------------------------------------------------------


class _Silencieux(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Serveur:
    """Un site statique servi sur 127.0.0.1, sur un port libre, dans un fil d'exécution."""

    racine: Path
    #: L'adresse de base, par exemple ``http://127.0.0.1:41234/``.
    base: str = ""
    _serveur: Any = field(default=None, repr=False)

    def url(self, chemin: str) -> str:
        """L'adresse d'une page du site (``book/introduction.html``)."""
        return self.base + chemin.lstrip("/")

    def est_local(self, url: str) -> bool:
        """Vrai si l'adresse est servie par ce serveur."""
        return url.startswith(self.base)


class _ServeurDiscret(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Un onglet fermé pendant un envoi coupe la connexion : ce n'est pas une erreur du site."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def servir(racine: Path) -> Iterator[Serveur]:
    """Sert ``racine`` sur 127.0.0.1 le temps du bloc ``with``."""
    gestionnaire = functools.partial(_Silencieux, directory=str(racine))
    serveur = _ServeurDiscret(("127.0.0.1", 0), gestionnaire)
    fil = threading.Thread(target=serveur.serve_forever, daemon=True)
    fil.start()
    try:
        yield Serveur(Path(racine), f"http://127.0.0.1:{serveur.server_address[1]}/", serveur)
    finally:
        serveur.shutdown()
        serveur.server_close()


def bloquer_hors_local(contexte: Any, serveur: Serveur) -> None:
    """Toute requête qui ne va pas vers ``serveur`` échoue, comme sur un poste sans réseau."""

    def router(route: Any) -> None:
        if serveur.est_local(route.request.url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            route.abort("internetdisconnected")

    contexte.route("**/*", router)


# --- Une visite de page ---------------------------------------------------------------------------


@dataclass
class Visite:
    """Ce qu'on a vu en chargeant une page."""

    url: str
    #: Les exceptions JavaScript non rattrapées.
    erreurs_page: list[str] = field(default_factory=list)
    #: Les messages ``console.error``.
    erreurs_console: list[str] = field(default_factory=list)
    #: Les requêtes qui ont échoué (réseau coupé, refus) : « adresse (raison) ».
    requetes_echouees: list[str] = field(default_factory=list)
    #: Les réponses HTTP d'erreur (4xx, 5xx) : « statut adresse ».
    reponses_en_erreur: list[str] = field(default_factory=list)
    #: Les requêtes vers une autre machine que 127.0.0.1.
    requetes_externes: list[str] = field(default_factory=list)
    #: Le statut HTTP de la page elle-même.
    statut: int | None = None


def visiter(page: Any, url: str, serveur: Serveur | None = None, attente_ms: int = 500) -> Visite:
    """Charge ``url`` dans ``page`` (Playwright) et relève erreurs et requêtes."""
    visite = Visite(url)
    page.on("pageerror", lambda exc: visite.erreurs_page.append(str(exc)))
    page.on("console", lambda m: m.type == "error" and visite.erreurs_console.append(m.text))

    def echec(requete: Any) -> None:
        visite.requetes_echouees.append(f"{requete.url} ({requete.failure})")

    def reponse(rep: Any) -> None:
        if rep.status >= 400:
            visite.reponses_en_erreur.append(f"{rep.status} {rep.url}")

    def requete(req: Any) -> None:
        if serveur is not None and not serveur.est_local(req.url) and not req.url.startswith("data:"):
            visite.requetes_externes.append(req.url)

    page.on("requestfailed", echec)
    page.on("response", reponse)
    page.on("request", requete)
    rep = page.goto(url, wait_until="load")
    visite.statut = rep.status if rep is not None else None
    # Les polices et les widgets se chargent après l'événement « load » : on attend que le réseau se
    # taise (500 ms sans requête), puis encore un peu pour les scripts retardés.
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=10_000)
    page.wait_for_timeout(attente_ms)
    return visite


def problemes_de_visite(visite: Visite, toleres: tuple[str, ...] = TOLERES) -> list[str]:
    """Les erreurs de la visite qui ne sont pas dans la liste des tolérances."""

    def tolere(message: str) -> bool:
        return any(re.search(motif, message) for motif in toleres)

    problemes = []
    if visite.statut is not None and visite.statut >= 400:
        problemes.append(f"la page répond {visite.statut}")
    for nom, messages in (
        ("erreur JavaScript", visite.erreurs_page),
        ("erreur dans la console", visite.erreurs_console),
        ("requête échouée", visite.requetes_echouees),
        ("réponse en erreur", visite.reponses_en_erreur),
        ("requête hors de 127.0.0.1", visite.requetes_externes),
    ):
        problemes += [f"{nom} : {m}" for m in messages if not tolere(m)]
    return problemes


# --- Les contrôles sur le contenu -----------------------------------------------------------------


def images_sans_alternative(page: Any) -> list[str]:
    """Les images sans texte de remplacement utile (absent, vide, ou un nom de fichier).

    Une image décorative explicite (``alt=""`` avec ``role="presentation"`` ou ``aria-hidden``)
    est acceptée, comme le veut le RGAA (critère 1.2).
    """
    images = page.eval_on_selector_all(
        "img",
        """els => els.map(e => ({src: e.getAttribute('src') || '', alt: e.getAttribute('alt'),
            deco: e.getAttribute('role') === 'presentation' || e.getAttribute('aria-hidden') === 'true'}))""",
    )
    problemes = []
    for image in images:
        alt = image["alt"]
        nom = image["src"][:80]
        if image["deco"] and alt == "":
            continue
        if alt is None:
            problemes.append(f"image sans attribut alt : {nom}")
        elif not alt.strip():
            problemes.append(f"image avec un alt vide : {nom}")
        elif est_nom_de_fichier(alt) or alt.strip() == image["src"].strip():
            problemes.append(f"image dont l'alt est un nom de fichier ({alt[:60]}) : {nom}")
    return problemes


def titres_mal_ordonnes(page: Any, selecteur: str = "main") -> list[str]:
    """Un seul titre de niveau 1, et aucun niveau sauté en descendant (h2 puis h4)."""
    niveaux = page.eval_on_selector_all(
        f"{selecteur} :is(h1,h2,h3,h4,h5,h6)",
        "els => els.filter(e => e.offsetParent !== null || e.closest('details'))"
        ".map(e => [Number(e.tagName[1]), e.textContent.trim().slice(0, 60)])",
    )
    problemes = []
    premiers = [texte for niveau, texte in niveaux if niveau == 1]
    if len(premiers) != 1:
        problemes.append(f"{len(premiers)} titres de niveau 1 (il en faut un) : {premiers}")
    precedent = 0
    for niveau, texte in niveaux:
        if precedent and niveau > precedent + 1:
            problemes.append(f"titre h{niveau} « {texte} » après un h{precedent} (niveau sauté)")
        precedent = niveau
    return problemes


def liens_internes(page: Any, serveur: Serveur) -> list[str]:
    """Les adresses (sans ancre) des liens et ressources de la page servis par ``serveur``."""
    adresses = page.eval_on_selector_all(
        "a[href], link[href], img[src], script[src]",
        "els => els.map(e => e.href || e.src)",
    )
    return sorted({normaliser_lien(a) for a in adresses if a and serveur.est_local(a)})


def liens_casses(page: Any, serveur: Serveur, deja_vus: dict[str, int] | None = None) -> list[str]:
    """Les liens internes de la page qui ne répondent pas 200, et les ancres internes absentes."""
    deja_vus = {} if deja_vus is None else deja_vus
    problemes = []
    for adresse in liens_internes(page, serveur):
        if adresse not in deja_vus:
            try:
                with urllib.request.urlopen(adresse, timeout=10) as reponse:
                    deja_vus[adresse] = reponse.status
            except urllib.error.HTTPError as exc:
                deja_vus[adresse] = exc.code
        if deja_vus[adresse] != 200:
            problemes.append(f"lien cassé ({deja_vus[adresse]}) : {adresse}")
    ancres = page.eval_on_selector_all(
        "a[href^='#']", "els => els.map(e => e.getAttribute('href').slice(1)).filter(a => a)"
    )
    for ancre in sorted(set(ancres)):
        trouve = page.evaluate("a => document.getElementById(decodeURIComponent(a)) !== null", ancre)
        if not trouve:
            problemes.append(f"ancre introuvable dans la page : #{ancre}")
    return problemes


def audit_axe(page: Any, gravites: tuple[str, ...] = GRAVITES_BLOQUANTES) -> list[str]:
    """Les violations axe-core des gravités ``gravites`` (par défaut toutes ; WCAG A/AA et bonnes pratiques)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": ETIQUETTES_AXE}}
    resultat = Axe().run(page, options=options)
    problemes = []
    for violation in resultat.response["violations"]:
        if violation.get("impact") not in gravites:
            continue
        cibles = [" ".join(map(str, n.get("target", []))) for n in violation.get("nodes", [])][:3]
        problemes.append(
            f"{violation['id']} ({violation['impact']}) : {violation['help']} — {len(violation['nodes'])} "
            f"élément(s), par exemple {cibles}"
        )
    return problemes


def widgets_non_rendus(page: Any, delai_ms: int = 10_000) -> list[str]:
    """Chaque vue de widget enregistrée dans la page est dessinée par le moteur des widgets.

    myst-nb écrit une balise ``<script type="application/vnd.jupyter.widget-view+json">`` par vue ;
    le moteur (html-manager) insère le widget dessiné juste avant cette balise.
    """
    selecteur = 'script[type="application/vnd.jupyter.widget-view+json"]'
    nombre = page.locator(selecteur).count()
    if nombre == 0:
        return []
    script = f"""() => Array.from(document.querySelectorAll('{selecteur}')).every(s => {{
        const d = s.previousElementSibling;
        return d !== null && d.querySelector('.jupyter-widgets, .widget-box, .widget-inline-hbox') !== null;
    }})"""
    try:
        page.wait_for_function(script, timeout=delai_ms)
    except Exception:
        rendus = page.locator(".jupyter-widgets").count()
        return [f"{nombre} vue(s) de widget enregistrée(s), mais le moteur n'en a dessiné aucune "
                f"dans le délai ({rendus} élément(s) .jupyter-widgets dans la page)"]
    return []
