"""La page « Veille réglementaire » du livre, générée depuis les fichiers de paramètres datés.

La directive ``veille-reglementaire`` produit : le décompte des chiffres, le tableau de ce qui a
changé entre deux dates (options ``avant`` et ``apres``, par défaut le 01/01/2024 et le 01/12/2026,
corrections du cahier comprises), puis une section par domaine (un fichier de paramètres) avec
chaque chiffre, sa période de vigueur, sa source et son statut. Les tableaux viennent de
``mba_territoires.affichage.veille`` ; rien n'est recopié à la main. La page est reconstruite
quand un fichier de paramètres change (dépendances notées).
"""

from __future__ import annotations

from importlib import resources
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


def _section(document: Any, titre: str, ident: str) -> nodes.section:
    section = nodes.section(ids=[ident], names=[nodes.fully_normalize_name(titre)])
    section += nodes.title(titre, titre)
    document.note_implicit_target(section, section)
    return section


def _paragraphe(texte: str) -> nodes.paragraph:
    return nodes.paragraph(texte, texte)


class VeilleReglementaire(SphinxDirective):
    """``{veille-reglementaire}`` : les sections et tableaux de la veille, depuis les paramètres."""

    option_spec: ClassVar[dict[str, Any]] = {"avant": directives.unchanged, "apres": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        from mba_territoires.affichage.veille import (
            resume,
            tableau_changements,
            tableau_domaine,
            titre_domaine,
        )
        from mba_territoires.parametres import domaines, parametres

        avant = self.options.get("avant", "2024-01-01")
        apres = self.options.get("apres", "2026-12-01")
        dossier = resources.files("mba_territoires.parametres")
        for domaine in domaines():
            self.env.note_dependency(str(dossier / f"{domaine}.yaml"))
        document = self.state.document
        r = resume()
        pa, pb = parametres(avant), parametres(apres)
        resultat: list[nodes.Node] = [_paragraphe(
            f"{r['cles']} paramètres dans {r['domaines']} fichiers, {r['versions']} versions datées, dont "
            f"{r['a_verifier']} chiffres encore à vérifier et {r['corrections']} corrections du cahier."
        )]
        changes = _section(document, f"Ce qui a changé entre le {pa.date:%d/%m/%Y} et le {pb.date:%d/%m/%Y}",
                           "ce-qui-a-change")
        changes += _paragraphe(
            "Chaque ligne compare la version en vigueur aux deux dates : nouvelle valeur, nouveau paramètre, "
            "source ou statut revu, ou correction d'un chiffre que le cahier donnait faux."
        )
        changes += nodes.raw("", tableau_changements(avant, apres), format="html")
        resultat.append(changes)
        for domaine in domaines():
            section = _section(document, titre_domaine(domaine), f"domaine-{domaine.replace('_', '-')}")
            section += _paragraphe(f"Fichier src/mba_territoires/parametres/{domaine}.yaml, clés « {domaine}.… ».")
            section += nodes.raw("", tableau_domaine(domaine), format="html")
            resultat.append(section)
        return resultat


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("veille-reglementaire", VeilleReglementaire)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
