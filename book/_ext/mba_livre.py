"""Extension Sphinx du livre mba-territoires : ce que la configuration seule ne sait pas faire.

Déclarée dans ``_config.yml`` (``sphinx.local_extensions``). Elle :

1. fait exécuter les carnets avec le moteur graphique « inline » de Jupyter, même si la commande
   qui construit le livre exporte ``MPLBACKEND=Agg`` (sinon les figures matplotlib n'apparaissent
   pas dans le livre : le noyau hérite de la variable et n'affiche plus rien) ;
2. replie les cellules de solution (étiquette ``solution``) derrière « Afficher la solution », même
   si l'étiquette ``hide-input`` leur manque ;
3. signale (avertissement, donc erreur avec ``-W``) toute image sans texte de remplacement, en
   disant quelle cellule du carnet doit porter la métadonnée ``mystnb.image.alt`` ; recale les
   titres HTML des sorties de cellules sous la section qui les contient (pas de niveau sauté) ;
4. retire les scripts en double (la configuration de sphinx-thebe est injectée deux fois par la
   pile Jupyter Book 1, d'où l'erreur « Identifier 'THEBE_JS_URL' has already been declared ») et
   donne le rôle ``listitem`` aux entrées de la bibliographie (au lieu de ``doc-biblioentry``) ;
5. ajoute en haut de chaque carnet les façons de l'ouvrir (Binder, JupyterHub via nbgitpuller,
   Colab, Onyxia, téléchargement), et fournit la directive ``carnets-acces`` (le tableau de toutes
   ces façons, carnet par carnet) et le lien vers l'archive de l'édition étudiant ;
6. traduit en français le tableau d'exécution de myst-nb (directive ``nb-exec-table``).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

LOGGER = logging.getLogger(__name__)

#: Le moteur matplotlib qui produit des images dans les sorties des cellules.
MOTEUR_INLINE = "module://matplotlib_inline.backend_inline"
#: Le nom de l'archive de l'édition étudiant, telle que publiée à la racine du site.
NOM_ARCHIVE = "mba-territoires-etudiant.zip"
#: Où `make archive` construit l'archive (relatif à la racine du dépôt).
ARCHIVE_PAR_DEFAUT = "_build/telechargements/" + NOM_ARCHIVE
#: Le lanceur Onyxia du SSP Cloud (service Jupyter Python du catalogue « ide »).
ONYXIA_LANCEUR = "https://datalab.sspcloud.fr/launcher/ide/jupyter-python"
#: Le script d'initialisation Onyxia, dans le dépôt (lu par le SSP Cloud au lancement).
ONYXIA_SCRIPT = "book/_static/onyxia-init.sh"
#: La métadonnée de cellule à ajouter pour une figure, montrée dans le message d'erreur.
EXEMPLE_ALT = '"mystnb": {"image": {"alt": "Barres : ..."}}'


# --- 1. Les figures matplotlib dans le livre ----------------------------------------------------


def _moteur_inline(_app: Sphinx, _config: Any) -> None:
    """Le noyau qui exécute les carnets hérite de l'environnement : ``Agg`` n'y produit aucune image."""
    moteur = os.environ.get("MPLBACKEND", "")
    if moteur and moteur != MOTEUR_INLINE:
        LOGGER.info(f"[mba] MPLBACKEND={moteur} remplacé par {MOTEUR_INLINE} pour exécuter les carnets")
        os.environ["MPLBACKEND"] = MOTEUR_INLINE


# --- 2. Les solutions repliées ------------------------------------------------------------------


class ReplierSolutions(SphinxPostTransform):
    """Une cellule étiquetée ``solution`` est repliée (avant le repli de myst-nb, priorité 199)."""

    default_priority = 198
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for cellule in self.document.findall(nodes.container):
            if cellule.get("nb_element") != "cell_code" or "tag_solution" not in cellule["classes"]:
                continue
            # L'étiquette « hide-input » (mba-territoires edition etiquettes) a pu déjà demander le repli.
            cellule["hide_mode"] = cellule.get("hide_mode") or "input"
            cellule["prompt_show"] = "Afficher la solution"
            cellule["prompt_hide"] = "Masquer la solution"


def _visite_repli(self: Any, node: nodes.Element) -> None:
    """Le repli de myst-nb, sans son ``aria-label`` anglais qui masquait le texte visible."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{html.escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{html.escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def _depart_repli(self: Any, _node: nodes.Element) -> None:
    self.body.append("</details>\n")


# --- 3. Les textes de remplacement ----------------------------------------------------------------


def _cellule(node: nodes.Node) -> nodes.Element | None:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.container) and parent.get("nb_element") == "cell_code":
            return parent
        parent = parent.parent
    return None


def _verifier_alt(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Chaque image du livre a un texte de remplacement (RGAA 1.1 et 1.2, WCAG 1.1.1)."""
    for image in doctree.findall(nodes.image):
        if str(image.get("alt", "")).strip():
            continue
        cellule = _cellule(image)
        if cellule is not None:
            numero = int(cellule.get("cell_index", -1)) + 1
            code = cellule.children[0].astext().strip().splitlines() if cellule.children else []
            debut = f", qui commence par « {code[0][:60]} »" if code else ""
            message = (
                f"figure sans texte de remplacement dans {docname} : cellule n° {numero} du carnet (toutes "
                f"cellules comptées, à partir de 1){debut}. Ajoutez à cette cellule la métadonnée "
                f"{EXEMPLE_ALT}, une phrase en français qui dit ce que montre la figure."
            )
        else:
            message = (
                f"image sans texte de remplacement dans {docname} ({image.get('uri')}) : "
                "écrivez ![description en français](chemin) ou l'option :alt: de la directive."
            )
        LOGGER.warning(message, location=image, type="mba", subtype="alt")


# --- 3 bis. Les titres dans les sorties des cellules -----------------------------------------------

_TITRE_HTML = re.compile(r"<(/?)h([1-6])\b", flags=re.IGNORECASE)


def decaler_titres(html_sortie: str, niveau_section: int) -> str:
    """Recale les titres d'une sortie HTML sous la section qui la contient (RGAA 9.1).

    Une vue du paquet (``_repr_html_``) ne sait pas sous quel titre elle s'affiche : un ``<h4>`` sous
    un ``## 3.`` du carnet sauterait un niveau. Le titre le plus haut de la sortie devient celui qui
    suit la section ; l'écart entre les titres de la sortie est gardé (au plus ``h6``).

    >>> decaler_titres("<h4>École</h4><table></table>", 2)
    '<h3>École</h3><table></table>'
    >>> decaler_titres("<h3>Note</h3><h4>1. Objet</h4>", 2)
    '<h3>Note</h3><h4>1. Objet</h4>'
    >>> decaler_titres("<p>Rien</p>", 2)
    '<p>Rien</p>'
    """
    niveaux = [int(m.group(2)) for m in _TITRE_HTML.finditer(html_sortie)]
    if not niveaux:
        return html_sortie
    ecart = (niveau_section + 1) - min(niveaux)
    if ecart == 0:
        return html_sortie
    return _TITRE_HTML.sub(lambda m: f"<{m.group(1)}h{min(6, max(1, int(m.group(2)) + ecart))}", html_sortie)


_EN_TETE_VIDE = re.compile(r"<th(\s[^<>]*)?>(?:\s|&nbsp;|&#160;)*</th>", flags=re.IGNORECASE)


def sans_en_tete_vide(html_sortie: str) -> str:
    """Une cellule d'en-tête vide (``<th></th>``) devient une cellule ordinaire (``<td></td>``).

    Le coin d'un tableau pandas (au-dessus de l'index) et la ligne du nom de l'index sont des ``<th>``
    vides : un lecteur d'écran annonce un en-tête sans nom, et axe-core le signale (« empty-table-header »).

    >>> sans_en_tete_vide('<tr><th></th><th>montant</th></tr><tr><th class="i">&nbsp;</th></tr>')
    '<tr><td></td><th>montant</th></tr><tr><td class="i"></td></tr>'
    """
    return _EN_TETE_VIDE.sub(lambda m: f"<td{m.group(1) or ''}></td>", html_sortie)


def _recaler_titres_des_sorties(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for sortie in doctree.findall(nodes.container):
        if sortie.get("nb_element") != "cell_code_output":
            continue
        niveau = 0
        parent = sortie.parent
        while parent is not None:
            if isinstance(parent, nodes.section):
                niveau += 1
            parent = parent.parent
        for brut in list(sortie.findall(nodes.raw)):
            if brut.get("format") != "html":
                continue
            texte = brut.astext()
            recale = sans_en_tete_vide(decaler_titres(texte, max(niveau, 1)))
            if recale != texte:
                brut.replace_self(nodes.raw("", recale, format="html"))


# --- 4. Les scripts en double ---------------------------------------------------------------------


def _sans_doublons(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    # Les références (sphinxcontrib-bibtex) : une liste (role="list") dont les éléments portent le rôle
    # « doc-biblioentry », abandonné par DPUB-ARIA 1.1 ; axe-core le classe critique
    # (aria-required-children). Le rôle d'élément de liste est le bon.
    corps = context.get("body")
    if isinstance(corps, str) and 'role="doc-biblioentry"' in corps:
        context["body"] = corps.replace('role="doc-biblioentry"', 'role="listitem"')
    scripts = context.get("script_files")
    if not scripts:
        return
    vus: set[tuple[str, str]] = set()
    gardes = []
    for script in scripts:
        filename = str(getattr(script, "filename", script) or "")
        corps = str(getattr(script, "attributes", {}).get("body", ""))
        cle = (filename, corps)
        if cle in vus:
            continue
        vus.add(cle)
        gardes.append(script)
    context["script_files"] = gardes


# --- 5. Les façons d'ouvrir un carnet -------------------------------------------------------------


def _options(app: Sphinx) -> dict[str, Any]:
    theme = app.config.html_theme_options or {}
    depot = str(theme.get("repository_url", "")).rstrip("/")
    morceaux = depot.split("/")
    return {
        "depot": depot,
        "org": morceaux[-2] if len(morceaux) >= 2 else "",
        "nom": morceaux[-1] if morceaux else "",
        "branche": str(theme.get("repository_branch", "main") or "main"),
        "lancement": theme.get("launch_buttons", {}) or {},
    }


def liens_carnet(app: Sphinx, chemin: str) -> dict[str, str | None]:
    """Les adresses qui ouvrent le carnet ``chemin`` (relatif au dépôt) ; ``None`` si non configurée."""
    o = _options(app)
    lance = o["lancement"]
    binder = str(lance.get("binderhub_url", "") or "").rstrip("/")
    hub = str(lance.get("jupyterhub_url", "") or "").rstrip("/")
    colab = str(lance.get("colab_url", "") or "").rstrip("/")
    # Binder et nbgitpuller : les adresses que construit et valide le paquet (mba_territoires.diffusion),
    # les mêmes que celles de mt.lien_binder() et mt.lien_jupyterhub() dans un carnet.
    from mba_territoires.diffusion import url_binder, url_nbgitpuller

    liens: dict[str, str | None] = {}
    liens["Binder"] = url_binder(o["depot"], chemin, o["branche"], binderhub=binder) if binder else None
    liens["JupyterHub"] = url_nbgitpuller(hub, o["depot"], chemin, o["branche"]) if hub else None
    liens["Colab"] = f"{colab}/github/{o['org']}/{o['nom']}/blob/{o['branche']}/{quote(chemin)}" if colab else None
    script = f"https://raw.githubusercontent.com/{o['org']}/{o['nom']}/{o['branche']}/{ONYXIA_SCRIPT}"
    # Les valeurs du lanceur Onyxia sont entourées de guillemets « » (%C2%AB ... %C2%BB).
    liens["Onyxia"] = (
        f"{ONYXIA_LANCEUR}?autoLaunch=true&name=mba-territoires"
        f"&init.personalInit=%C2%AB{quote(script, safe='')}%C2%BB"
        f"&init.personalInitArgs=%C2%AB{quote(chemin, safe='')}%C2%BB"
    )
    return liens


def _carnets(app: Sphinx) -> list[tuple[str, str, str]]:
    """(docname, chemin relatif au dépôt, titre) de chaque carnet du livre, dans l'ordre des noms."""
    env = app.env
    carnets = []
    for docname in sorted(env.found_docs):
        chemin = Path(env.doc2path(docname))
        if chemin.suffix != ".ipynb":
            continue
        relatif = chemin.relative_to(Path(app.srcdir)).as_posix()
        titre = env.titles[docname].astext() if docname in env.titles else docname
        carnets.append((docname, relatif, titre))
    return carnets


def _lien(url: str, texte: str, etiquette: str) -> str:
    return f'<a href="{html.escape(url)}" aria-label="{html.escape(etiquette)}">{html.escape(texte)}</a>'


def _vers_page(depuis: str, vers: str) -> str:
    return posixpath.relpath(vers, posixpath.dirname(depuis) or ".") + ".html"


class NoeudAcces(nodes.General, nodes.Element):
    """Emplacement du tableau des accès, rempli quand tous les titres des carnets sont connus."""


class NoeudArchive(nodes.General, nodes.Element):
    """Emplacement du lien vers l'archive de l'édition étudiant."""


class CarnetsAcces(SphinxDirective):
    """``{carnets-acces}`` : un tableau, une ligne par carnet, une colonne par façon de l'ouvrir."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(__file__)
        return [NoeudAcces()]


class ArchiveEtudiant(SphinxDirective):
    """``{archive-etudiant}`` : le lien de téléchargement, ou une note si l'archive n'est pas construite."""

    def run(self) -> list[nodes.Node]:
        return [NoeudArchive()]


def _archive(app: Sphinx) -> Path | None:
    chemin = Path(app.config.mba_archive_etudiant)
    if not chemin.is_absolute():
        chemin = Path(app.confdir) / chemin
    return chemin if chemin.is_file() else None


def _remplir(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Remplit les emplacements et ajoute la barre « Ouvrir ce carnet » en haut des carnets."""
    carnets = _carnets(app)
    for noeud in list(doctree.findall(NoeudAcces)):
        lignes = []
        for doc, chemin, titre in carnets:
            page = html.escape(_vers_page(docname, doc))
            cellules = [f'<th scope="row"><a href="{page}">{html.escape(titre)}</a></th>']
            for service, url in liens_carnet(app, chemin).items():
                if url is None:
                    cellules.append('<td><a href="#jupyterhub">à configurer</a></td>')
                else:
                    cellules.append(f"<td>{_lien(url, service, f'Ouvrir « {titre} » sur {service}')}</td>")
            source = posixpath.relpath("_sources/" + chemin, posixpath.dirname(docname) or ".")
            cellules.append(f"<td>{_lien(source, '.ipynb', f'Télécharger « {titre} » (édition enseignant)')}</td>")
            lignes.append("<tr>" + "".join(cellules) + "</tr>")
        entetes = "".join(
            f'<th scope="col">{t}</th>'
            for t in ("Carnet", "Binder", "JupyterHub", "Colab", "Onyxia", "Fichier")
        )
        tableau = (
            '<div class="pst-scrollable-table-container"><table class="table mba-acces-tableau">'
            "<caption>Chaque carnet, et les façons de l'ouvrir</caption>"
            f"<thead><tr>{entetes}</tr></thead><tbody>{''.join(lignes)}</tbody></table></div>"
        )
        noeud.replace_self(nodes.raw("", tableau, format="html"))

    for noeud in list(doctree.findall(NoeudArchive)):
        archive = _archive(app)
        if archive is not None:
            lien = posixpath.relpath(NOM_ARCHIVE, posixpath.dirname(docname) or ".")
            from mba_territoires.formats import nombre

            taille = nombre(archive.stat().st_size / 1024, 0)
            texte = (
                f'<p class="mba-archive"><a href="{html.escape(lien)}" download>Télécharger les carnets, '
                f"édition étudiant (archive ZIP, {taille} Ko)</a></p>"
            )
        else:
            texte = (
                '<p class="mba-archive">L\'archive de l\'édition étudiant n\'a pas été construite avec cette '
                "version du livre : demandez les carnets à votre enseignant, ou utilisez une des façons "
                "ci-dessus.</p>"
            )
        noeud.replace_self(nodes.raw("", texte, format="html"))

    # La barre « Ouvrir ce carnet » sous le titre de chaque carnet.
    chemins = {doc: chemin for doc, chemin, _titre in carnets}
    if docname in chemins:
        section = next(iter(doctree.findall(nodes.section)), None)
        if section is None:
            return
        liens = []
        for service, url in liens_carnet(app, chemins[docname]).items():
            if url is not None:
                liens.append(_lien(url, service, f"Ouvrir ce carnet sur {service}"))
        acces = _vers_page(docname, app.config.mba_page_acces)
        liens.append(f'<a href="{html.escape(acces)}">toutes les façons de l\'ouvrir</a>')
        barre = (
            '<nav class="mba-ouvrir" aria-label="Ouvrir ce carnet"><span>Ouvrir ce carnet :</span> '
            + " · ".join(liens)
            + "</nav>"
        )
        titre = next(iter(section.findall(nodes.title)), None)
        position = section.index(titre) + 1 if titre is not None else 0
        section.insert(position, nodes.raw("", barre, format="html"))


def _toujours_a_jour(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """La page des accès est relue à chaque construction.

    Elle liste les carnets (qui peuvent apparaître ou disparaître) et l'archive étudiant (qui peut
    avoir été construite entre-temps). Surtout, sans aucune page à écrire, Sphinx s'arrête avant de
    recopier ``_static`` : une feuille de style ou un script modifié ne serait pas publié.
    """
    return [doc for doc in env.found_docs if doc == app.config.mba_page_acces]


def _publier_archive(app: Sphinx, exception: Exception | None) -> None:
    """Copie l'archive de l'édition étudiant à la racine du site, si elle a été construite."""
    if exception is not None or app.builder.format != "html":
        return
    archive = _archive(app)
    if archive is not None:
        import shutil

        shutil.copyfile(archive, Path(app.outdir) / NOM_ARCHIVE)


# --- 6. Le tableau d'exécution en français --------------------------------------------------------


def _tableau_execution_en_francais() -> None:
    """myst-nb lit ces deux tables au moment de dessiner le tableau : on les traduit une fois."""
    from myst_nb.ext import execution_tables as t

    from mba_territoires.formats import nombre

    t._key2header.clear()
    t._key2header.update(
        {"mtime": "Exécuté le", "method": "Méthode", "runtime": "Durée (s)", "succeeded": "Statut"}
    )
    t._key2transform.update(
        {
            "runtime": lambda x: "–" if x is None else nombre(x, 1),
            "succeeded": lambda x: "réussi" if x is True else "en erreur",
            "method": lambda x: {"cache": "cache", "force": "forcée", "off": "aucune"}.get(str(x), str(x)),
        }
    )


def setup(app: Sphinx) -> dict[str, Any]:
    # L'archive construite par `make archive` ; MBA_TERRITOIRES_ARCHIVE en désigne une autre.
    archive = os.environ.get("MBA_TERRITOIRES_ARCHIVE", ARCHIVE_PAR_DEFAUT)
    app.add_config_value("mba_archive_etudiant", archive, "html")
    app.add_config_value("mba_page_acces", "book/acces", "html")
    app.connect("config-inited", _moteur_inline)
    app.add_post_transform(ReplierSolutions)
    from myst_nb.sphinx_ import HideCodeCellNode

    app.add_node(HideCodeCellNode, override=True, html=(_visite_repli, _depart_repli))
    app.connect("doctree-resolved", _verifier_alt)
    app.connect("doctree-resolved", _recaler_titres_des_sorties)
    app.connect("html-page-context", _sans_doublons)
    app.add_node(NoeudAcces)
    app.add_node(NoeudArchive)
    app.add_directive("carnets-acces", CarnetsAcces)
    app.add_directive("archive-etudiant", ArchiveEtudiant)
    app.connect("doctree-resolved", _remplir)
    app.connect("env-get-outdated", _toujours_a_jour)
    app.connect("build-finished", _publier_archive)
    _tableau_execution_en_francais()
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
