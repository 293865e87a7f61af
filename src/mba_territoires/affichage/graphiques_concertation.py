"""Graphiques de la concertation et de la participation (matplotlib, palette d'Okabe-Ito).

Chaque fonction reçoit un objet du modèle, ne calcule aucune règle et renvoie la ``Figure``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from mba_territoires.concertation import Acteur, CarteDesActeurs
>>> fig = grille_acteurs(CarteDesActeurs([Acteur("Maire", "élus", 5, 4, 1)]))
>>> fig.axes[0].get_xlabel()
'Intérêt pour le projet (1 à 5)'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..formats import nombre
from . import GRIS, PALETTE
from .graphiques import axe_pourcentage, nouvelle_figure

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from ..concertation import CarteDesActeurs, ModeleConcertation, Obligations, Simulation, Strategie
    from ..participation import ResultatBP, ResultatJugementMajoritaire

__all__ = [
    "graphique_budget_participatif",
    "graphique_jugement_majoritaire",
    "graphique_obligations",
    "graphique_representativite",
    "graphique_simulation",
    "graphique_strategies",
    "grille_acteurs",
]

#: Couleur d'une position : opposé (vermillon), neutre (gris), favorable (bleu).
COULEURS_POSITION = {"opposé": PALETTE[3], "neutre": GRIS, "favorable": PALETTE[0]}


def _couleur_position(position: float) -> str:
    if position < -0.25:
        return COULEURS_POSITION["opposé"]
    if position > 0.25:
        return COULEURS_POSITION["favorable"]
    return COULEURS_POSITION["neutre"]


def _court(texte: str, n: int = 28) -> str:
    return texte if len(texte) <= n else texte[: n - 1] + "…"


def grille_acteurs(carte: CarteDesActeurs, positions_apres: dict[str, float] | None = None,
                   titre: str = "Grille pouvoir / intérêt des acteurs") -> Figure:
    """La grille pouvoir / intérêt : un point par acteur, coloré selon sa position (opposé, neutre,
    favorable) ; les quadrants portent l'engagement suggéré. ``positions_apres`` : les positions
    après une stratégie (les points changent de couleur, une flèche dit le sens)."""
    from matplotlib.lines import Line2D

    # la grille vient de l'objet (la vue n'importe pas le modèle : pas de cycle)
    MILIEU_ECHELLE, QUADRANTS = carte.milieu_echelle, carte.engagements

    fig, axe = nouvelle_figure(titre, largeur=8.5, hauteur=6.0)
    axe.grid(False)
    axe.set_xlim(0.5, 5.5)
    axe.set_ylim(0.5, 5.5)
    axe.axvline(MILIEU_ECHELLE - 0.5, color=GRIS, lw=0.8, ls="--")
    axe.axhline(MILIEU_ECHELLE - 0.5, color=GRIS, lw=0.8, ls="--")
    coins = {"acteurs clés": (5.4, 5.4, "right"), "à satisfaire": (0.6, 5.4, "left"),
             "à impliquer": (5.4, 0.6, "right"), "à informer": (0.6, 0.6, "left")}
    for quadrant, (x, y, ha) in coins.items():
        va = "top" if y > 3 else "bottom"
        axe.text(x, y, f"{quadrant.capitalize()}\n({QUADRANTS[quadrant][1]})", ha=ha, va=va, fontsize=8,
                 color=GRIS, style="italic")
    vus: dict[tuple[float, float], int] = {}
    for a in carte:
        cle = (a.interet, a.pouvoir)
        decalage = vus.get(cle, 0)
        vus[cle] = decalage + 1
        x, y = a.interet, a.pouvoir - 0.22 * decalage
        position = positions_apres.get(a.nom, a.position) if positions_apres else a.position
        axe.scatter([x], [y], s=90, color=_couleur_position(position), edgecolor="black", linewidth=0.5, zorder=3)
        fleche = ""
        if positions_apres and abs(position - a.position) > 0.01:
            fleche = " ↗" if position > a.position else " ↘"
        axe.annotate(_court(a.nom) + fleche, (x, y), xytext=(6, 0), textcoords="offset points", fontsize=7.5,
                     va="center")
    axe.set_xlabel("Intérêt pour le projet (1 à 5)")
    axe.set_ylabel("Pouvoir sur le projet (1 à 5)")
    legende = [Line2D([0], [0], marker="o", color="w", markerfacecolor=c, markeredgecolor="black", markersize=8,
                      label=f"position : {nom}") for nom, c in COULEURS_POSITION.items()]
    axe.legend(handles=legende, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def _table_indices(objet: Any) -> Any:
    """Le tableau (dimension, groupe, indice) d'un résultat de stratégie, d'une représentativité ou d'un DataFrame."""
    import pandas as pd

    if hasattr(objet, "representativite") and isinstance(objet.representativite, pd.DataFrame):
        return objet.representativite
    if hasattr(objet, "tableau") and callable(objet.tableau):
        return objet.tableau()
    if isinstance(objet, pd.DataFrame) and {"dimension", "groupe", "indice"} <= set(objet.columns):
        return objet
    from ..erreurs import ErreurSaisie

    raise ErreurSaisie(f"{type(objet).__name__} n'a pas d'indices de représentativité à tracer",
                       conseil="donnez le résultat de modele.evaluer(...) ou une Representativite")


def graphique_representativite(objet: Any, dimensions: Sequence[str] | None = None,
                               titre: str = "Indice de représentativité par groupe") -> Figure:
    """Les indices de représentativité par groupe, une colonne de graphique par dimension ; le trait
    vertical à 1 marque un groupe présent comme dans la population."""
    import matplotlib.pyplot as plt

    t = _table_indices(objet)
    dims = list(dimensions) if dimensions else list(dict.fromkeys(t["dimension"]))
    hauteurs = [max(2, (t.dimension == d).sum()) for d in dims]
    fig, axes = plt.subplots(len(dims), 1, figsize=(7.5, 0.42 * sum(hauteurs) + 1.2 * len(dims)),
                             gridspec_kw={"height_ratios": hauteurs}, squeeze=False)
    fig.suptitle(titre)
    for axe, d in zip(axes[:, 0], dims, strict=True):
        sous = t[t.dimension == d]
        couleurs = [PALETTE[3] if v < 0.8 else (PALETTE[0] if v > 1.25 else PALETTE[2]) for v in sous["indice"]]
        axe.barh(list(sous["groupe"]), list(sous["indice"]), color=couleurs)
        axe.axvline(1, color="black", lw=1)
        axe.invert_yaxis()
        axe.set_title({"age": "Âge", "sexe": "Sexe", "csp": "Catégorie socioprofessionnelle"}.get(d, d),
                      fontsize=10, loc="left")
        axe.spines[["top", "right"]].set_visible(False)
        for y, v in enumerate(sous["indice"]):
            axe.text(v, y, " " + nombre(v, 2), va="center", fontsize=8)
        axe.set_xlim(0, max(2.0, float(t["indice"].max()) * 1.15))
    axes[-1, 0].set_xlabel("Indice de représentativité (1 = à l'image de la population)")
    fig.tight_layout()
    return fig


def graphique_strategies(modele: ModeleConcertation, strategies: Sequence[Strategie], dimension: str = "age",
                         titre: str | None = None) -> Figure:
    """Les indices de représentativité d'une dimension, stratégie par stratégie (barres groupées)."""
    import numpy as np

    resultats = [modele.evaluer(s) for s in strategies]
    groupes = list(resultats[0].indices(dimension).index)
    fig, axe = nouvelle_figure(titre or f"Représentativité attendue selon la stratégie ({dimension})",
                               largeur=8.5, hauteur=4.2)
    largeur = 0.8 / len(resultats)
    x = np.arange(len(groupes))
    for k, r in enumerate(resultats):
        axe.bar(x + k * largeur - 0.4 + largeur / 2, list(r.indices(dimension)), width=largeur,
                color=PALETTE[k % len(PALETTE)], label=r.strategie.nom)
    axe.axhline(1, color="black", lw=1)
    axe.set_xticks(x, [_court(g, 22) for g in groupes], rotation=20, ha="right", fontsize=8)
    axe.set_ylabel("Indice de représentativité")
    axe.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def graphique_simulation(simulation: Simulation, dimension: str = "age",
                         titre: str | None = None) -> Figure:
    """La fourchette des indices sur les tirages d'une simulation (boîtes à moustaches, 10e-90e centiles)."""
    t = simulation.tirages
    t = t[t.dimension == dimension]
    groupes = list(dict.fromkeys(t["groupe"]))
    fig, axe = nouvelle_figure(titre or f"Indices simulés — {simulation.strategie} ({dimension})", largeur=8,
                               hauteur=3.8)
    donnees = [t.loc[t.groupe == g, "indice"].to_numpy() for g in groupes]
    boites = axe.boxplot(donnees, whis=(10, 90), showfliers=False, patch_artist=True)
    for boite in boites["boxes"]:
        boite.set_facecolor(PALETTE[4])
    axe.set_xticks(range(1, len(groupes) + 1), [_court(g, 22) for g in groupes], rotation=20, ha="right",
                   fontsize=8)
    axe.axhline(1, color="black", lw=1)
    axe.set_ylabel("Indice de représentativité")
    fig.tight_layout()
    return fig


def graphique_budget_participatif(resultats: Sequence[ResultatBP],
                                  titre: str = "Qui reçoit quoi ? Dépense et votants par secteur") -> Figure:
    """Pour chaque règle, la part de la dépense par secteur, à côté de la part des votants du secteur."""
    import numpy as np

    fig, axe = nouvelle_figure(titre, largeur=8.5, hauteur=4.2)
    tables = [r.repartition() for r in resultats]
    secteurs = list(tables[0]["secteur"])
    x = np.arange(len(secteurs))
    n = len(resultats) + 1
    largeur = 0.8 / n
    axe.bar(x - 0.4 + largeur / 2, list(tables[0]["part des votants"]), width=largeur, color=GRIS,
            label="part des votants")
    for k, (r, t) in enumerate(zip(resultats, tables, strict=True), start=1):
        axe.bar(x - 0.4 + largeur / 2 + k * largeur, list(t["part de la dépense"]), width=largeur,
                color=PALETTE[(k - 1) % len(PALETTE)], label=f"dépense : {r.regle}")
    axe.set_xticks(x, [_court(s, 24) for s in secteurs], fontsize=8)
    axe_pourcentage(axe)
    axe.set_ylabel("Part")
    axe.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def graphique_jugement_majoritaire(resultat: ResultatJugementMajoritaire,
                                   titre: str = "Jugement majoritaire : répartition des mentions") -> Figure:
    """Une barre empilée par option (de la meilleure à la moins bonne) ; la mention qui croise le
    trait des 50 % est la mention majoritaire."""
    parts = resultat.parts()
    fig, axe = nouvelle_figure(titre, largeur=8.5, hauteur=0.6 * len(parts) + 2.2)
    axe.grid(False)
    couleurs = [PALETTE[3], PALETTE[1], PALETTE[6], PALETTE[4], PALETTE[2], PALETTE[0]]
    if len(resultat.mentions) != len(couleurs):
        couleurs = [PALETTE[k % len(PALETTE)] for k in range(len(resultat.mentions))]
    options = [_court(o, 34) for o in parts.index]
    depart = [0.0] * len(parts)
    for k, mention in enumerate(resultat.mentions):
        valeurs = list(parts[mention])
        axe.barh(options, valeurs, left=depart, color=couleurs[k], label=mention, edgecolor="white")
        depart = [d + v for d, v in zip(depart, valeurs, strict=True)]
    axe.axvline(0.5, color="black", lw=1.2)
    axe.invert_yaxis()
    axe.set_xlim(0, 1)
    axe_pourcentage(axe, "x")
    axe.legend(ncol=len(resultat.mentions), loc="upper center", bbox_to_anchor=(0.5, -0.15), frameon=False,
               fontsize=8)
    fig.tight_layout()
    return fig


def graphique_obligations(obligations: Obligations,
                          titre: str = "Procédures de participation du public : durée minimale") -> Figure:
    """Une barre par procédure obligatoire, possible ou incertaine qui a une durée minimale en jours
    (les autres sont nommées sans barre) ; la couleur dit le statut."""
    procedures = [p for p in obligations.procedures if p.statut != "non requise"]
    fig, axe = nouvelle_figure(titre, largeur=8.5, hauteur=0.55 * max(len(procedures), 1) + 1.8)
    couleurs = {"obligatoire": PALETTE[3], "possible": PALETTE[0], "incertain": PALETTE[1]}
    noms = [_court(p.nom, 40) for p in procedures] or ["aucune procédure requise"]
    durees = [float(p.duree_min_jours or 0) for p in procedures] or [0.0]
    axe.barh(noms, durees, color=[couleurs.get(p.statut, GRIS) for p in procedures] or [GRIS])
    for y, p in enumerate(procedures):
        texte = f"{p.statut} — au moins {nombre(p.duree_min_jours)} jours" if p.duree_min_jours else \
            f"{p.statut} — durée : voir le tableau"
        axe.text(max(durees) * 0.02 if max(durees) else 0.02, y, texte, va="center", fontsize=8,
                 color="white" if p.duree_min_jours else "black")
    axe.invert_yaxis()
    axe.set_xlabel("Durée minimale (jours)")
    fig.tight_layout()
    return fig
