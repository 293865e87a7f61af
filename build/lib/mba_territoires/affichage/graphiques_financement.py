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

from typing import TYPE_CHECKING

from ..formats import euros, pourcentage
from . import GRIS, PALETTE
from .graphiques import axe_euros, nouvelle_figure

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from ..budget import ImpactBudgetaire
    from ..financement import Comparaison, PlanDeFinancement
    from ..tresorerie import Tresorerie

__all__ = ["graphique_comparaison", "graphique_impact", "graphique_recettes", "graphique_tresorerie"]


def _court(texte: str, n: int = 38) -> str:
    return texte if len(texte) <= n else texte[: n - 1] + "…"


def graphique_recettes(plan: PlanDeFinancement) -> Figure:
    """Les recettes du plan en barres horizontales : montant et part de chaque financeur ; les
    financeurs privés et l'autofinancement ont leur couleur."""
    lignes = plan.recettes()
    fig, axe = nouvelle_figure(f"Recettes du plan : {_court(plan.titre, 34)}", largeur=9.0,
                               hauteur=0.55 * len(lignes) + 1.9)
    noms = [_court(r["financeur"], 45) for r in lignes][::-1]
    montants = [r["montant"] for r in lignes][::-1]
    couleurs = [PALETTE[1] if r["nature"] == "maitre_ouvrage" else PALETTE[2] if not r["public"] else PALETTE[0]
                for r in lignes][::-1]
    barres = axe.barh(noms, montants, color=couleurs)
    for barre, r in zip(barres, lignes[::-1], strict=True):
        axe.annotate(f" {euros(r['montant'], 0)} ({pourcentage(r['part'])})",
                     (barre.get_width(), barre.get_y() + barre.get_height() / 2), va="center", fontsize=8)
    from matplotlib.ticker import MaxNLocator

    axe_euros(axe, "x")
    axe.xaxis.set_major_locator(MaxNLocator(4))
    axe.set_xlabel("Montant (euros HT)")
    axe.set_xlim(0, max([*montants, 1.0]) * 1.45)
    axe.grid(axis="x", color=GRIS, alpha=0.25)
    axe.grid(axis="y", visible=False)
    from matplotlib.patches import Patch

    axe.legend(handles=[Patch(color=PALETTE[0], label="Financeur public"),
                        Patch(color=PALETTE[2], label="Financeur privé"),
                        Patch(color=PALETTE[1], label="Maître d'ouvrage")], loc="upper center", fontsize=8,
               frameon=False, ncols=3, bbox_to_anchor=(0.5, -0.25))
    fig.tight_layout()
    return fig


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
