"""Graphiques du financement : recettes d'un plan, trésorerie cumulée, budget avant et après, scénarios.

Chaque fonction reçoit un objet du paquet, ne calcule aucune règle et renvoie la ``Figure``
(palette d'Okabe-Ito, titres et axes en français, montants à la française).

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from mba_territoires.financement import PlanDeFinancement
>>> plan = PlanDeFinancement("École", maitre_ouvrage="Commune")
>>> plan.ajouter_depense("Travaux", montant_ht=100_000)
>>> plan.ajouter_financeur("DETR", taux=0.30)
>>> graphique_recettes(plan).axes[0].get_title()
'Recettes du plan : École'
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..formats import euros, pourcentage
from . import GRIS, PALETTE
from .graphiques import axe_euros, nouvelle_figure, sans_alerte_de_glyphe

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from ..budget import ImpactBudgetaire
    from ..financement import Comparaison, PlanDeFinancement
    from ..tresorerie import Tresorerie

__all__ = ["barres_des_recettes", "graphique_comparaison", "graphique_impact", "graphique_recettes",
           "graphique_tresorerie"]


def _court(texte: str, n: int = 38) -> str:
    return texte if len(texte) <= n else texte[: n - 1] + "…"


#: Longueur maximale d'une étiquette de financeur sur le graphique des recettes (au-delà, « … »).
_ETIQUETTE_MAX = 60
#: La couleur et la légende d'un financeur selon sa catégorie.
_CATEGORIES = {"public": (0, "Financeur public"), "prive": (2, "Financeur privé"),
               "maitre_ouvrage": (1, "Maître d'ouvrage")}


def _etiquette(nom: str) -> str:
    return "\n".join(textwrap.wrap(_court(nom, _ETIQUETTE_MAX), 28)) or "(sans nom)"


def barres_des_recettes(lignes: Sequence[tuple[str, float, float | None, str | None]], titre: str,
                        largeur: float = 7.0) -> Figure:
    """Les recettes d'un plan en barres horizontales, le premier financeur en haut, le montant et la part
    au bout de chaque barre : le seul dessin des recettes (plan, note aux élus et ses exports).

    ``lignes`` : (financeur, montant HT, part en décimales ou ``None``, catégorie ou ``None``). Avec les
    catégories (« public », « prive », « maitre_ouvrage »), la couleur dit la catégorie et une légende
    l'explique ; sans elles, chaque financeur a sa couleur (palette d'Okabe-Ito, qui recommence après
    huit). Sans ligne, la figure dit que le plan est à compléter.

    >>> barres_des_recettes([], "Recettes").axes[0].texts[0].get_text()
    'Plan de financement à compléter'
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    fig, axe = nouvelle_figure(titre, largeur=largeur, hauteur=max(2.4, 0.9 + 0.55 * len(lignes)))
    axe.grid(False)
    if not lignes:
        axe.text(0.5, 0.5, "Plan de financement à compléter", ha="center", va="center",
                 transform=axe.transAxes, color=GRIS, fontsize=12)
        axe.set_xticks([])
        axe.set_yticks([])
        return fig
    par_categorie = all(categorie in _CATEGORIES for *_, categorie in lignes)
    couleurs = [PALETTE[_CATEGORIES[c][0]] if par_categorie else PALETTE[i % len(PALETTE)]
                for i, (*_, c) in enumerate(lignes)]
    positions = list(range(len(lignes)))
    montants = [montant for _, montant, _, _ in lignes]
    axe.barh(positions, montants, color=couleurs, edgecolor="#333333", linewidth=0.5)
    axe.set_yticks(positions, labels=[_etiquette(nom) for nom, *_ in lignes])
    axe.invert_yaxis()  # la première ligne du plan en haut, comme dans le tableau
    maximum = max(montants) or 1.0
    for pos, (_, montant, part, _) in zip(positions, lignes, strict=True):
        texte = euros(montant, 0) + (f" ({pourcentage(part)})" if part is not None else "")
        axe.text(montant + maximum * 0.01, pos, texte, va="center", fontsize=9)
    axe.set_xlim(0, maximum * 1.45)
    axe.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
    axe_euros(axe, "x")
    axe.set_xlabel("Montant (euros HT)")
    axe.grid(axis="x", color=GRIS, alpha=0.25)
    if par_categorie:
        axe.legend(handles=[Patch(color=PALETTE[i], label=libelle) for i, libelle in _CATEGORIES.values()],
                   loc="upper center", fontsize=8, frameon=False, ncols=3, bbox_to_anchor=(0.5, -0.25))
    with sans_alerte_de_glyphe():
        fig.tight_layout()
    return fig


def graphique_recettes(plan: PlanDeFinancement) -> Figure:
    """Les recettes du plan en barres horizontales : montant et part de chaque financeur ; la couleur dit
    s'il est public, privé ou le maître d'ouvrage (autofinancement)."""
    lignes = [(r["financeur"], r["montant"], r["part"],
               "maitre_ouvrage" if r["nature"] == "maitre_ouvrage" else "public" if r["public"] else "prive")
              for r in plan.recettes()]
    return barres_des_recettes(lignes, f"Recettes du plan : {_court(plan.titre, 34)}", largeur=9.0)


def graphique_tresorerie(tresorerie: Tresorerie) -> Figure:
    """Le solde de chaque année (barres) et la trésorerie cumulée (courbe) ; le creux est le besoin relais."""
    t = tresorerie.tableau()
    fig, axe = nouvelle_figure("Trésorerie de l'opération, année par année", largeur=8.0, hauteur=4.0)
    annees = [str(a) for a in t.index]
    axe.bar(annees, t["solde"], color=[PALETTE[2] if v >= 0 else PALETTE[3] for v in t["solde"]],
            label="Solde de l'année", alpha=0.8)
    axe.plot(annees, t["cumul"], color=PALETTE[0], marker="o", linewidth=2, label="Trésorerie cumulée")
    axe.axhline(0, color=GRIS, linewidth=1)
    if tresorerie.besoin_relais > 0:
        a = str(tresorerie.annee_besoin_max)
        axe.annotate(f"besoin relais : {euros(tresorerie.besoin_relais, 0)}", (a, -tresorerie.besoin_relais),
                     textcoords="offset points", xytext=(12, -3), fontsize=8, color=PALETTE[3])
    axe_euros(axe)
    axe.set_xlabel("Année")
    axe.set_ylabel("Euros")
    axe.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def graphique_impact(impact: ImpactBudgetaire) -> Figure:
    """L'épargne brute et l'épargne nette avant et après le projet."""
    fig, axe = nouvelle_figure(f"Épargne avant et après le projet ({impact.annee})")
    noms = ["Épargne brute", "Épargne nette"]
    avant = [impact.avant.epargne_brute, impact.avant.epargne_nette]
    apres = [impact.apres.epargne_brute, impact.apres.epargne_nette]
    x = range(len(noms))
    axe.bar([i - 0.2 for i in x], avant, width=0.4, color=PALETTE[0], label="Avant")
    axe.bar([i + 0.2 for i in x], apres, width=0.4, color=PALETTE[1], label="Après")
    axe.set_xticks(list(x), noms)
    axe_euros(axe)
    axe.set_ylabel("Euros")
    axe.legend(frameon=False)
    fig.tight_layout()
    return fig


def graphique_comparaison(comparaison: Comparaison) -> Figure:
    """Les recettes de chaque scénario en barres empilées (un financeur par couleur)."""
    t = comparaison.tableau()
    financeurs = [n for n in t.index if n not in ("Coût HT", "Part du maître d'ouvrage", "Aides publiques / coût HT",
                                                   "Règles non respectées", "FCTVA")]
    fig, axe = nouvelle_figure("Scénarios de financement comparés")
    bas = [0.0] * len(t.columns)
    for i, nom in enumerate(financeurs):
        valeurs = t.loc[nom].tolist()
        axe.bar([_court(str(c), 20) for c in t.columns], valeurs, bottom=bas, color=PALETTE[i % len(PALETTE)],
                label=_court(nom, 30))
        bas = [b + v for b, v in zip(bas, valeurs, strict=True)]
    axe_euros(axe)
    axe.set_ylabel("Euros HT")
    axe.legend(frameon=False, fontsize=8, bbox_to_anchor=(1.0, 1.0), loc="upper left")
    fig.tight_layout()
    return fig
