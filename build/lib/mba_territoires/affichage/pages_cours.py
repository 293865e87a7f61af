"""Les pages du kit du cours dans le livre : le programme de 30 heures et la grille d'évaluation.

Les deux pages sont produites depuis :mod:`mba_territoires.cours` (données ``donnees/cours.yaml`` et
durées calculées depuis les carnets) ; un test vérifie qu'elles sont à jour. Pour les régénérer :

.. code-block:: bash

    python -m mba_territoires.affichage.pages_cours

>>> "Séance 1" in page_programme() and "Décision demandée" in page_grille()
True
"""

from __future__ import annotations

from pathlib import Path

from ..cours import DUREE_SEANCE, duree_carnet, grille, hypotheses, programme

__all__ = ["PAGES", "ecrire_pages", "page_grille", "page_programme"]


def _cellule(texte: object) -> str:
    return str(texte).replace("|", "\\|").replace("\n", " ").strip()


def _hypotheses() -> list[str]:
    return [f"- **{nom.replace('_', ' ')}** : {h['valeur']} ; source : {_cellule(h['source'])}."
            for nom, h in hypotheses().items()]


def page_programme() -> str:
    """Le texte de ``book/programme.md`` : les dix séances, leurs objectifs, leur durée et les notes."""
    p = programme()
    lignes = [
        "# Programme du cours (30 heures)",
        "",
        f"Le cahier sert de support à un cours de {p.heures:g} heures en {len(p.seances)} séances de trois "
        "heures : six séances de leçons, deux d'ateliers de cas, une restitution devant un « conseil "
        "municipal » joué par la classe et un examen individuel. Chaque séance donne ses objectifs, les "
        "carnets travaillés, le temps de travail estimé, ce que l'enseignant prépare et ses notes pour les "
        "questions ouvertes.",
        "",
        "## Les séances en un coup d'œil",
        "",
        "| Séance | Thème | Carnets | Travail estimé | Marge (accueil, échanges, synthèse) |",
        "|:--|:--|:--|--:|--:|",
    ]
    for s in p.seances:
        carnets = ", ".join(f"`{c}`" for c in s.carnets) or "–"
        lignes.append(f"| {s.numero} | {_cellule(s.titre)} | {carnets} | {s.minutes} min | {s.marge} min |")
    lignes += ["", "## Le détail des séances", ""]
    for s in p.seances:
        lignes += [f"### Séance {s.numero} : {s.titre}", ""]
        lignes += ["Objectifs : à la fin de la séance, l'apprenant saura", ""]
        lignes += [f"- {o} ;" for o in s.objectifs[:-1]] + [f"- {s.objectifs[-1]}.", ""]
        if s.carnets:
            detail = []
            for c in s.carnets:
                d = duree_carnet(c)
                detail.append(f"`{c}` : {d.total} min ({d.lecture} de lecture, {d.code} de code, "
                              f"{d.nombre_exercices} exercice(s) vérifié(s) : {d.exercices} min)")
            mode = ("les groupes travaillent en parallèle, chacun sur un cas ; le temps retenu est celui du cas "
                    "le plus long" if s.ateliers else "les carnets se suivent")
            lignes += [f"Minutage ({mode}) : " + " ; ".join(detail) + f". Il reste {s.marge} min sur "
                       f"{DUREE_SEANCE} pour l'introduction, les échanges et la synthèse.", ""]
        else:
            lignes += [f"Durée : {s.minutes} min.", ""]
        lignes += [f"À préparer : {_cellule(s.preparer)}", "", f"Notes de l'enseignant : {_cellule(s.notes)}", ""]
    lignes += [
        "## D'où viennent les durées",
        "",
        "Les durées ne sont pas écrites à la main : `mba_territoires.cours.duree_carnet` les calcule depuis "
        "chaque carnet (les mots à lire, les cellules de code, les exercices vérifiés), avec ces hypothèses, "
        "modifiables dans `src/mba_territoires/donnees/cours.yaml` :",
        "",
        *_hypotheses(),
        "",
        "Après une première séance, mesurez les vraies durées sur les fichiers de progression rendus "
        "(`<carnet>.reponses.json`, un horodatage par réponse) : `mba_territoires.cours.durees_mesurees("
        "\"rendus/\")` donne, par carnet, le nombre d'apprenants et la médiane des minutes entre la première "
        "et la dernière réponse. Remplacez alors les hypothèses par vos mesures.",
        "",
        "```{note}",
        "Cette page est produite par `mba_territoires.affichage.pages_cours` ; un test vérifie qu'elle est à "
        "jour. Pour la régénérer : `python -m mba_territoires.affichage.pages_cours`.",
        "```",
        "",
    ]
    return "\n".join(lignes)


def page_grille() -> str:
    """Le texte de ``book/grille-evaluation.md`` : critères, poids, niveaux et exemples."""
    g = grille()
    lignes = [
        "# Grille d'évaluation des livrables écrits",
        "",
        "Les vérifications des carnets notent ce qui se calcule (un plan équilibré, un FCTVA, une procédure). "
        "La grille note ce qui s'écrit : la note aux élus et son projet de délibération, la justification de "
        f"la stratégie de concertation, le registre des risques. Elle compte {g.total} points, en "
        f"{len(g.criteres)} critères ; chaque critère a {len(g.niveaux)} niveaux, décrits par un exemple.",
        "",
        "Pour chaque critère, attribuez le niveau dont l'exemple ressemble le plus à la copie : "
        + ", ".join(f"« {n} » = {round(i / (len(g.niveaux) - 1) * 100)} % des points"
                    for i, n in enumerate(g.niveaux)) + ".",
        "",
    ]
    for c in g.criteres:
        lignes += [f"## {c['nom']} ({c['poids']} points)", "", _cellule(c["description"]), "",
                   "| Niveau | Exemple |", "|:--|:--|"]
        lignes += [f"| {n} | {_cellule(e)} |" for n, e in zip(g.niveaux, c["exemples"], strict=True)]
        lignes.append("")
    lignes += [
        "```{note}",
        "Cette page est produite par `mba_territoires.affichage.pages_cours` depuis "
        "`src/mba_territoires/donnees/cours.yaml` ; un test vérifie qu'elle est à jour.",
        "```",
        "",
    ]
    return "\n".join(lignes)


#: Les pages produites, par chemin relatif à la racine du dépôt.
PAGES = {"book/programme.md": page_programme, "book/grille-evaluation.md": page_grille}


def ecrire_pages(racine: str | Path = ".") -> list[Path]:
    """Réécrit les pages du kit du cours sous ``racine`` ; rend les chemins écrits."""
    ecrits = []
    for chemin, page in PAGES.items():
        cible = Path(racine) / chemin
        cible.write_text(page(), encoding="utf-8")
        ecrits.append(cible)
    return ecrits


if __name__ == "__main__":  # pragma: no cover
    for chemin in ecrire_pages():
        print(f"écrit : {chemin}")
