"""La page « Catalogue des études de cas » du livre, produite à partir des fichiers des cas.

La page ``book/catalogue-cas.md`` est le texte que renvoie :func:`page_catalogue` ; un test vérifie
qu'elle est à jour. Après avoir ajouté ou modifié un cas, on la régénère ainsi ::

    .venv/bin/python -m mba_territoires.affichage.catalogue_cas > book/catalogue-cas.md

>>> "| Cas |" in page_catalogue()
True
"""

from __future__ import annotations

from pathlib import Path

from ..formats import euros, nombre

__all__ = ["lignes_tableau", "page_catalogue"]

_EN_TETE = "| Cas | Territoire | Taille | Thèmes | Financeurs | Compétences travaillées |"


def _cellule(texte: str) -> str:
    return " ".join(str(texte).split()).replace("|", "\\|")


def lignes_tableau(racine: Path | str | None = None) -> list[str]:
    """Les lignes Markdown du tableau, une par cas, dans l'ordre alphabétique des identifiants.

    >>> lignes_tableau()[0].startswith("| **")
    True
    """
    from ..cas import catalogue

    lignes = []
    for cas in catalogue(racine).to_dict("records"):
        taille = f"{nombre(cas['population'])} hab. ; {euros(cas['cout_estime_ht'], 0)} HT"
        competences = "<br>".join(_cellule(c) for c in cas["competences"].split(" ; ") if c)
        lignes.append(
            f"| **{_cellule(cas['titre'])}** (`{cas['slug']}`) | {_cellule(cas['territoire'])} | "
            f"{_cellule(taille)} | {_cellule(cas['themes'])} | {_cellule(cas['financeurs'])} | {competences} |"
        )
    return lignes


def page_catalogue(racine: Path | str | None = None) -> str:
    """Le texte complet de la page ``book/catalogue-cas.md``."""
    return "\n".join([
        "# Catalogue des études de cas",
        "",
        "Chaque cas est un dossier de `casestudies/` : une commande rédigée comme une vraie mission "
        "(`README.md`), un fichier `cas.yaml` (territoire, maître d'ouvrage, projet) et des données CSV "
        "décrites dans `donnees.yaml`. Tous les cas sont **fictifs** : les territoires et les chiffres sont "
        "inventés, sur des ordres de grandeur réels dont les sources sont citées dans chaque cas.",
        "",
        "Dans un carnet : `mt.charger_cas(\"centre-bourg\")` charge un cas, et "
        "`mba_territoires.cas.expliquer(\"centre-bourg\")` le résume. La colonne « Financeurs » donne les "
        "cofinanceurs envisagés, hors part du maître d'ouvrage.",
        "",
        _EN_TETE,
        "|:--|:--|:--|:--|:--|:--|",
        *lignes_tableau(racine),
        "",
        "```{note}",
        "Cette page est produite par `mba_territoires.affichage.catalogue_cas.page_catalogue()` à partir des "
        "fichiers des cas ; un test vérifie qu'elle est à jour. Ne la modifiez pas à la main.",
        "```",
        "",
    ])


if __name__ == "__main__":  # pragma: no cover
    print(page_catalogue(), end="")
