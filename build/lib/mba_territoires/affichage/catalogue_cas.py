"""La page « Catalogue des études de cas » du livre, produite à partir des fichiers des cas.

La page ``book/catalogue-cas.md`` est le texte que renvoie :func:`page_catalogue` ; un test vérifie
qu'elle est à jour. Après avoir ajouté ou modifié un cas, on la régénère ainsi ::

    .venv/bin/python -m mba_territoires.affichage.catalogue_cas > book/catalogue-cas.md

>>> "| Cas |" in page_catalogue()
True
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..formats import euros, nombre

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..cas import Cas

__all__ = ["catalogue", "financeurs_du_cas", "lignes_tableau", "page_catalogue"]

_GENRES = {"commune": "commune", "epci": "intercommunalité", "departement": "département", "region": "région",
           "syndicat": "syndicat"}


def _financeurs_du_brief(cas: Cas) -> list[str]:
    """Les financeurs du tableau « | Financeur | ... » du brief (pour un cas sans section ``financement``)."""
    noms: list[str] = []
    dans_tableau = False
    for ligne in cas.brief().splitlines():
        cellules = [c.strip() for c in ligne.strip().strip("|").split("|")] if ligne.startswith("|") else []
        if cellules and cellules[0].lower() == "financeur":
            dans_tableau = True
        elif dans_tableau and cellules and not set(cellules[0]) <= set("-: "):
            noms.append(cellules[0])
        elif dans_tableau and not cellules:
            break
    return noms


def financeurs_du_cas(cas: Cas) -> list[str]:
    """Les cofinanceurs d'un cas, noms courts (sans parenthèses) : ceux du plan de financement du cas
    (:meth:`mba_territoires.PlanDeFinancement.depuis_cas`) s'il a une section ``financement``, sinon ceux
    du tableau « Financeur » de son brief ; le maître d'ouvrage (autofinancement) n'est pas compté.

    >>> from mba_territoires import charger_cas
    >>> financeurs_du_cas(charger_cas("cour-oasis"))
    ["Agence de l'eau Rhône-Méditerranée-Corse", 'DETR']
    """
    from .. import PlanDeFinancement

    if cas.financement is not None:
        noms = [f.nom for f in PlanDeFinancement.depuis_cas(cas).financeurs]
    else:
        noms = _financeurs_du_brief(cas)
    propres: list[str] = []
    for nom in noms:
        court = re.sub(r"\s*\(.*?\)\s*", " ", nom).strip()
        if court.lower().startswith(("commune", "autofinancement", cas.maitre_ouvrage.nom.lower())):
            continue
        if court and court not in propres:
            propres.append(court)
    return propres


def catalogue(racine: Path | str | None = None) -> pd.DataFrame:
    """Le catalogue des cas : une ligne par cas, avec ses thèmes, sa taille, ses financeurs et les
    compétences qu'il fait travailler (source de la page ``book/catalogue-cas.md``).

    Les nombres restent bruts (population en habitants, coût en euros HT) ; les listes sont jointes
    par « ; » ; « à préciser » s'il n'y a pas de financeur. (Anciennement ``mba_territoires.cas.catalogue`` :
    le catalogue lit le plan de financement de chaque cas, il vit donc avec les vues, pas dans ``cas``.)

    >>> cat = catalogue()
    >>> int(cat.set_index("slug").loc["ecole-jules-ferry", "population"])
    4200
    >>> list(cat.columns)[:4]
    ['slug', 'titre', 'territoire', 'population']
    """
    import pandas as pd

    from ..cas import charger, disponibles

    lignes = []
    for slug in disponibles(racine):
        cas = charger(slug, racine)
        t = cas.territoire
        lignes.append({
            "slug": cas.slug,
            "titre": cas.titre,
            "territoire": f"{t.nom} ({_GENRES.get(t.type, t.type)}, {t.departement}, {t.region})",
            "population": t.population,
            "cout_estime_ht": cas.projet.cout_estime_ht,
            "themes": " ; ".join(cas.themes),
            "financeurs": " ; ".join(financeurs_du_cas(cas)) or "à préciser",
            "competences": " ; ".join(cas.competences),
            "fictif": cas.fictif,
        })
    return pd.DataFrame(lignes)

_EN_TETE = "| Cas | Territoire | Taille | Thèmes | Financeurs | Compétences travaillées |"


def _cellule(texte: str) -> str:
    return " ".join(str(texte).split()).replace("|", "\\|")


def lignes_tableau(racine: Path | str | None = None) -> list[str]:
    """Les lignes Markdown du tableau, une par cas, dans l'ordre alphabétique des identifiants.

    >>> lignes_tableau()[0].startswith("| **")
    True
    """
    lignes = []
    for cas in catalogue(racine).to_dict("records"):
        taille = f"{nombre(cas['population'])} hab. ; {euros(cas['cout_estime_ht'], 0)} HT"
        competences = "<br>".join(_cellule(c) for c in cas["competences"].split(" ; ") if c)
        lignes.append(
            f"| **{_cellule(cas['titre'])}** (`{cas['slug']}`) | {_cellule(cas['territoire'])} | "
            f"{_cellule(taille)} | {_cellule(cas['themes'])} | {_cellule(cas['financeurs'])} | {competences} |"
        )
    return lignes


def _section_territoires_reels() -> str:
    """La section « territoires réels » (H6 : mba_territoires.territoire.ressemblance)."""
    from ..territoire.ressemblance import section_catalogue

    return section_catalogue()


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
        _section_territoires_reels(),
        "```{note}",
        "Cette page est produite par `mba_territoires.affichage.catalogue_cas.page_catalogue()` à partir des "
        "fichiers des cas ; un test vérifie qu'elle est à jour. Ne la modifiez pas à la main.",
        "```",
        "",
    ])


if __name__ == "__main__":  # pragma: no cover
    print(page_catalogue(), end="")
