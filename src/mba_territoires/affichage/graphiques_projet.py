"""Graphiques de la conception de projet : diagnostic, arbres, Gantt, carte des risques, suivi, sensibilité.

Chaque fonction reçoit un objet du modèle, ne calcule aucune règle et renvoie la ``Figure``
(matplotlib seul, palette d'Okabe-Ito, titres et axes en français).

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from mba_territoires.planning import Planning, Tache
>>> o = Planning([Tache("Programmation", 40), Tache("Travaux", 45, ["Programmation"])], "2026-01-05").ordonnancer()
>>> gantt(o).axes[0].get_title()
'Planning du projet (chemin critique en vermillon)'
"""

from __future__ import annotations

import datetime as _dt
import textwrap
from typing import TYPE_CHECKING, Any

from ..formats import euros, mois_court, nombre, pourcentage
from . import GRIS, PALETTE
from .graphiques import axe_euros, axe_pourcentage, nouvelle_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..evaluation import BilanSocioEconomique, SuiviIndicateur
    from ..planning import Ordonnancement
    from ..projet import ArbreObjectifs, ArbreProblemes, CadreLogique, Gouvernance, Noeud
    from ..risques import RegistreRisques
    from ..territoire import Diagnostic

__all__ = [
    "carte_risques",
    "figure_arbre",
    "figure_cadre_logique",
    "gantt",
    "graphique_comparaison",
    "graphique_equipements",
    "graphique_raci",
    "graphique_sensibilite",
    "graphique_suivi",
]

#: Couleurs des niveaux de risque (du vert au vermillon, palette d'Okabe-Ito).
COULEURS_NIVEAUX = {"faible": PALETTE[2], "modéré": PALETTE[6], "fort": PALETTE[1], "critique": PALETTE[3]}


def _mois_fr(valeur: float, _pos: Any = None) -> str:
    from matplotlib.dates import num2date

    return mois_court(num2date(valeur).date())


# ---------------------------------------------------------------------------
# Diagnostic
# ---------------------------------------------------------------------------

def graphique_comparaison(tableau: pd.DataFrame, titre: str, nom: str = "Territoire",
                          nom_reference: str = "Référence") -> Figure:
    """Barres horizontales : la part de chaque groupe dans le territoire et dans la référence.

    ``tableau`` : un tableau de :class:`~mba_territoires.territoire.Diagnostic` (colonnes ``groupe``,
    ``part`` et, si la référence existe, ``part référence``).
    """
    import numpy as np

    n = len(tableau)
    fig, axe = nouvelle_figure(titre, largeur=7.5, hauteur=max(2.6, 0.45 * n + 1.2))
    y = np.arange(n)
    hauteur = 0.38 if "part référence" in tableau.columns else 0.6
    axe.barh(y - (hauteur / 2 if hauteur < 0.5 else 0), tableau["part"], height=hauteur, color=PALETTE[0], label=nom)
    if "part référence" in tableau.columns:
        axe.barh(y + hauteur / 2, tableau["part référence"], height=hauteur, color=PALETTE[1], label=nom_reference)
    for yi, part in zip(y, tableau["part"], strict=True):
        axe.text(part, yi - (hauteur / 2 if hauteur < 0.5 else 0), " " + pourcentage(part, 0), va="center",
                 fontsize=8)
    axe.set_yticks(y, [textwrap.shorten(str(g), 40, placeholder="…") for g in tableau["groupe"]])
    axe.invert_yaxis()
    axe.grid(axis="x", color=GRIS, alpha=0.25)
    axe.grid(axis="y", visible=False)
    axe_pourcentage(axe, "x")
    axe.set_xlabel("Part de la population du groupe (ou des ménages, des actifs)")
    axe.legend(loc="lower right", frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def graphique_equipements(diagnostic: Diagnostic) -> Figure:
    """Les équipements pour 10 000 habitants, comparés à la référence."""
    import numpy as np

    t = diagnostic.equipements_pour_10000()
    n = len(t)
    fig, axe = nouvelle_figure("Équipements pour 10 000 habitants", largeur=7.5,
                               hauteur=max(2.6, 0.45 * n + 1.2))
    y = np.arange(n)
    axe.barh(y - 0.19, t["pour 10 000 hab."], height=0.38, color=PALETTE[0], label=diagnostic.nom)
    if "référence pour 10 000 hab." in t.columns:
        axe.barh(y + 0.19, t["référence pour 10 000 hab."], height=0.38, color=PALETTE[1],
                 label=diagnostic.nom_reference)
    axe.set_yticks(y, list(t["equipement"]))
    axe.invert_yaxis()
    axe.grid(axis="x", color=GRIS, alpha=0.25)
    axe.grid(axis="y", visible=False)
    axe.set_xlabel("Nombre d'équipements pour 10 000 habitants")
    axe.legend(loc="lower right", frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------------------
# Arbres
# ---------------------------------------------------------------------------

def _feuilles(n: Noeud) -> int:
    return max(1, sum(_feuilles(e) for e in n.enfants))


def _placer(noeuds: tuple[Noeud, ...], x0: float, sens: int, profondeur: int,
            places: list[tuple[float, float, str, int]], liens: list[tuple[float, float, float, float]],
            parent: tuple[float, float] | None) -> None:
    x = x0
    for n in noeuds:
        largeur = _feuilles(n)
        cx = x + largeur / 2
        cy = sens * profondeur
        places.append((cx, cy, n.texte, profondeur))
        if parent is not None:
            liens.append((cx, cy, *parent))
        _placer(n.enfants, x, sens, profondeur + 1, places, liens, (cx, cy))
        x += largeur


def figure_arbre(arbre: ArbreProblemes | ArbreObjectifs, titre: str | None = None) -> Figure:
    """L'arbre dessiné : causes (ou moyens) en bas, problème (ou objectif) au centre, effets (ou fins) en
    haut ; une boîte par nœud, un trait vers le nœud qu'il explique."""
    import matplotlib.pyplot as plt

    est_probleme = hasattr(arbre, "probleme")  # un arbre à problèmes (sinon : à objectifs), sans importer le modèle
    centre = arbre.probleme if est_probleme else arbre.objectif
    bas = arbre.causes if est_probleme else arbre.moyens
    haut = arbre.effets if est_probleme else arbre.fins
    titre = titre or ("Arbre à problèmes : causes (en bas) et effets (en haut)" if est_probleme
                      else "Arbre à objectifs : moyens (en bas) et fins (en haut)")
    largeur_bas = sum(_feuilles(n) for n in bas) or 1
    largeur_haut = sum(_feuilles(n) for n in haut) or 1
    largeur = max(largeur_bas, largeur_haut, 2)
    places: list[tuple[float, float, str, int]] = []
    liens: list[tuple[float, float, float, float]] = []
    _placer(bas, (largeur - largeur_bas) / 2, -1, 1, places, liens, (largeur / 2, 0))
    bas_places = len(places)
    _placer(haut, (largeur - largeur_haut) / 2, 1, 1, places, liens, (largeur / 2, 0))
    profondeur = max([abs(p[1]) for p in places] + [1])
    fig, axe = plt.subplots(figsize=(max(8.0, 2.1 * largeur), 1.6 * (2 * profondeur + 1) + 0.6))
    axe.set_title(titre)
    axe.set_xlim(0, largeur)
    axe.set_ylim(-profondeur - 0.6, profondeur + 0.6)
    axe.axis("off")
    for x1, y1, x2, y2 in liens:
        axe.plot([x1, x2], [y1, y2], color=GRIS, linewidth=1, zorder=1)
    couleur_bas, couleur_haut = (PALETTE[3], PALETTE[1]) if est_probleme else (PALETTE[2], PALETTE[4])
    for i, (x, y, texte, _prof) in enumerate(places):
        couleur = couleur_bas if i < bas_places else couleur_haut
        axe.text(x, y, textwrap.fill(texte, 22), ha="center", va="center", fontsize=8, zorder=2,
                 bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": couleur, "linewidth": 1.5})
    axe.text(largeur / 2, 0, textwrap.fill(centre, 40), ha="center", va="center", fontsize=9.5, fontweight="bold",
             color="white", zorder=3,
             bbox={"boxstyle": "round,pad=0.5", "facecolor": PALETTE[0], "edgecolor": PALETTE[0]})
    etiquettes = (("Causes", "Effets") if est_probleme else ("Moyens", "Fins"))
    axe.text(0, -profondeur - 0.45, etiquettes[0], color=couleur_bas, fontsize=9, fontweight="bold")
    axe.text(0, profondeur + 0.35, etiquettes[1], color=couleur_haut, fontsize=9, fontweight="bold")
    fig.tight_layout()
    return fig


def figure_cadre_logique(cadre: CadreLogique, titre: str = "Cadre logique : de l'activité à l'objectif global"
                         ) -> Figure:
    """La logique verticale du cadre : une bande par niveau (activités en bas, objectif global en haut),
    une boîte par ligne, le nombre d'indicateurs sous chaque boîte."""
    import matplotlib.pyplot as plt

    niveaux = [("Activités", cadre.activites), ("Résultats", cadre.resultats),
               ("Objectif spécifique", (cadre.objectif_specifique,)), ("Objectif global", (cadre.objectif_global,))]
    largeur = max(2, *(len(lignes) for _, lignes in niveaux))
    fig, axe = plt.subplots(figsize=(max(8.0, 2.3 * largeur), 6.2))
    axe.set_title(titre)
    axe.set_xlim(0, largeur)
    axe.set_ylim(-0.6, len(niveaux) - 0.4)
    axe.axis("off")
    for y, (nom, lignes) in enumerate(niveaux):
        axe.text(0, y + 0.38, nom, fontsize=9, fontweight="bold", color=PALETTE[y % len(PALETTE)])
        pas = largeur / max(len(lignes), 1)
        for k, ligne in enumerate(lignes):
            x = pas * (k + 0.5)
            texte = textwrap.fill(f"{ligne.code + ' ' if ligne.code else ''}{ligne.intitule}", 24)
            n = len(ligne.indicateurs)
            axe.text(x, y, f"{texte}\n({n} indicateur{'s' if n > 1 else ''})", ha="center", va="center",
                     fontsize=7.5, bbox={"boxstyle": "round,pad=0.35", "facecolor": "white",
                                         "edgecolor": PALETTE[y % len(PALETTE)], "linewidth": 1.4})
    fig.tight_layout()
    return fig


def graphique_raci(gouvernance: Gouvernance, titre: str = "Qui fait quoi : le tableau RACI") -> Figure:
    """Le RACI en grille : une ligne par décision, une colonne par acteur, la lettre dans sa case
    (A en vermillon : qui approuve ; R en bleu ; C en orangé ; I en gris)."""
    import matplotlib.pyplot as plt

    t = gouvernance.tableau_raci()
    couleurs = {"A": PALETTE[3], "R": PALETTE[0], "C": PALETTE[1], "I": GRIS, "": "white"}
    n, m = t.shape
    fig, axe = plt.subplots(figsize=(max(7.0, 1.1 * m + 3.5), 0.45 * n + 2.2))
    axe.set_title(titre)
    for i, decision in enumerate(t.index):
        for j, acteur in enumerate(t.columns):
            lettre = t.loc[decision, acteur] or ""
            axe.add_patch(plt.Rectangle((j, i), 1, 1, facecolor=couleurs.get(lettre, "white"), alpha=0.35,
                                        edgecolor="white"))
            axe.text(j + 0.5, i + 0.5, lettre, ha="center", va="center", fontsize=9, fontweight="bold")
    axe.set_xlim(0, m)
    axe.set_ylim(n, 0)
    axe.set_xticks([j + 0.5 for j in range(m)], [textwrap.fill(str(c), 14) for c in t.columns], fontsize=7,
                   rotation=45, ha="right")
    axe.set_yticks([i + 0.5 for i in range(n)], list(t.index), fontsize=8)
    axe.tick_params(length=0)
    for cote in axe.spines.values():
        cote.set_visible(False)
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------------------
# Gantt
# ---------------------------------------------------------------------------

def gantt(ordonnancement: Ordonnancement, titre: str = "Planning du projet (chemin critique en vermillon)",
          jalons: dict[str, _dt.date] | None = None) -> Figure:
    """Le diagramme de Gantt : une barre par tâche (vermillon si critique, bleu sinon), la marge en gris
    clair, les jalons en losange, les dates limites en tirets ; ``jalons`` ajoute des repères verticaux
    (ex. ``{"Réception DETR": date}``)."""
    import matplotlib.dates as mdates
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    taches = ordonnancement.taches
    n = len(taches)
    fig, axe = nouvelle_figure(titre, largeur=10, hauteur=max(2.5, 0.36 * n + 1.6))
    origine = ordonnancement.planning.debut
    depart = mdates.date2num(origine)
    noms = [textwrap.shorten(t.nom, 40, placeholder="…") for t in taches]
    couleurs = [PALETTE[3] if t.critique else PALETTE[0] for t in taches]
    barres = [i for i, t in enumerate(taches) if t.tache.duree_jours > 0]
    # Un seul appel par famille de rectangles : le dessin reste rapide pour quelques centaines de tâches.
    axe.barh(barres, [taches[i].tache.duree_jours for i in barres],
             left=[depart + taches[i].debut_tot for i in barres], height=0.6, color=[couleurs[i] for i in barres])
    jalons_taches = [i for i, t in enumerate(taches) if t.tache.duree_jours == 0]
    if jalons_taches:
        axe.scatter([depart + taches[i].debut_tot for i in jalons_taches], jalons_taches, marker="D", s=40,
                    color=[couleurs[i] for i in jalons_taches], zorder=3)
    marges = [i for i, t in enumerate(taches) if t.marge > 0]
    if marges:
        axe.barh(marges, [taches[i].marge for i in marges], left=[depart + taches[i].fin_tot for i in marges],
                 height=0.25, color=GRIS, alpha=0.3)
    limites = [(i, t.tache.fin_au_plus_tard) for i, t in enumerate(taches) if t.tache.fin_au_plus_tard is not None]
    if limites:
        axe.vlines([mdates.date2num(d) + 1 for _, d in limites], [i - 0.45 for i, _ in limites],
                   [i + 0.45 for i, _ in limites], color=PALETTE[7], linestyle="--", linewidth=1.2)
    for nom, jour in (jalons or {}).items():
        x = mdates.date2num(jour)
        axe.axvline(x, color=PALETTE[2], linestyle=":", linewidth=1.2)
        axe.text(x, n - 0.4, " " + nom, color=PALETTE[2], fontsize=7, va="top")
    axe.set_yticks(range(n), noms, fontsize=8)
    axe.invert_yaxis()
    axe.xaxis.set_major_locator(mdates.MonthLocator())
    axe.xaxis.set_major_formatter(FuncFormatter(_mois_fr))
    axe.tick_params(axis="x", labelsize=8, rotation=45)
    axe.grid(axis="x", color=GRIS, alpha=0.25)
    axe.grid(axis="y", visible=False)
    axe.set_xlabel(f"Calendrier ({ordonnancement.duree_totale} jours, fin le {ordonnancement.fin:%d/%m/%Y})")
    legende = [Patch(color=PALETTE[3], label="critique (aucune marge)"), Patch(color=PALETTE[0], label="avec marge"),
               Patch(color=GRIS, alpha=0.3, label="marge")]
    axe.legend(handles=legende, loc="upper right", frameon=False, fontsize=7, ncol=3)
    # Marges fixes (en pouces) plutôt que tight_layout, qui mesure chaque étiquette : le Gantt de
    # plusieurs centaines de tâches reste rapide à redessiner.
    largeur, hauteur = fig.get_size_inches()
    fig.subplots_adjust(left=3.1 / largeur, right=1 - 0.2 / largeur, bottom=1.0 / hauteur, top=1 - 0.45 / hauteur)
    return fig


# ---------------------------------------------------------------------------
# Risques
# ---------------------------------------------------------------------------

def carte_risques(registre: RegistreRisques, titre: str = "Carte des risques (probabilité × impact)") -> Figure:
    """La matrice 5 × 5 : chaque case colorée selon son niveau de criticité, les numéros des risques
    (rang dans le registre trié) écrits dans leur case, la légende des numéros à droite."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    ECHELLE, NIVEAUX = registre.ECHELLE, registre.NIVEAUX  # lus sur le modèle, sans l'importer
    tableau = registre.tableau()
    fig, (axe, texte) = plt.subplots(1, 2, figsize=(10, 4.6), gridspec_kw={"width_ratios": [1, 1.15]})
    axe.set_title(titre)
    for p in range(1, 6):
        for i in range(1, 6):
            niveau = next(nom for nom, seuil in NIVEAUX if p * i >= seuil)
            axe.add_patch(Rectangle((p - 0.5, i - 0.5), 1, 1, facecolor=COULEURS_NIVEAUX[niveau], alpha=0.55,
                                    edgecolor="white", linewidth=2))
    cases: dict[tuple[int, int], list[str]] = {}
    for rang, r in enumerate(tableau.to_dict("records"), start=1):
        cases.setdefault((r["probabilité"], r["impact"]), []).append(str(rang))
    for (p, i), rangs in cases.items():
        axe.text(p, i, "\n".join(", ".join(rangs[k:k + 3]) for k in range(0, len(rangs), 3)), ha="center",
                 va="center", fontsize=10, fontweight="bold")
    axe.set_xlim(0.5, 5.5)
    axe.set_ylim(0.5, 5.5)
    axe.set_xticks(range(1, 6), [f"{k}\n{ECHELLE['probabilite'][k - 1]}" for k in range(1, 6)], fontsize=7)
    axe.set_yticks(range(1, 6), [f"{ECHELLE['impact'][k - 1]} {k}" for k in range(1, 6)], fontsize=7)
    axe.set_xlabel("Probabilité")
    axe.set_ylabel("Impact")
    axe.set_aspect("equal")
    texte.axis("off")
    lignes = [f"{rang}. {textwrap.shorten(r['risque'], 52, placeholder='…')} ({r['criticité']})"
              for rang, r in enumerate(tableau.to_dict("records"), start=1)]
    texte.text(0, 1, "\n".join(lignes), va="top", fontsize=8, transform=texte.transAxes)
    texte.legend(handles=[Patch(color=COULEURS_NIVEAUX[n], alpha=0.55, label=f"{n} (≥ {s})") for n, s in NIVEAUX],
                 loc="lower left", frameon=False, fontsize=8, title="Niveau (criticité)")
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------------------
# Évaluation
# ---------------------------------------------------------------------------

def graphique_suivi(suivi: SuiviIndicateur) -> Figure:
    """Les mesures d'un indicateur (points) et la trajectoire de la référence à la cible (tirets)."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    i = suivi.indicateur
    fig, axe = nouvelle_figure(f"Suivi : {i.nom}", largeur=7.5, hauteur=3.6)
    axe.plot([i.date_reference, i.echeance], [i.valeur_reference, i.cible], linestyle="--", color=GRIS,
             label="trajectoire visée")
    axe.plot([i.echeance], [i.cible], marker="*", markersize=14, color=PALETTE[2], linestyle="none", label="cible")
    axe.plot([i.date_reference], [i.valeur_reference], marker="s", color=GRIS, linestyle="none", label="référence")
    t = suivi.tableau()
    if not t.empty:
        couleurs = [PALETTE[3] if s == "en retard" else PALETTE[0] for s in t["statut"]]
        axe.plot(t["date"], t["valeur"], color=PALETTE[0], linewidth=1)
        axe.scatter(t["date"], t["valeur"], color=couleurs, zorder=3, label="mesures (vermillon : en retard)")
    axe.xaxis.set_major_formatter(FuncFormatter(_mois_fr))
    axe.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
    axe.tick_params(axis="x", labelsize=8)
    if i.unite == "part":
        axe_pourcentage(axe)
        axe.set_ylabel("Part")
    else:
        axe.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: nombre(v)))  # 2,5 reste 2,5
        axe.set_ylabel(i.unite or "Valeur")
    axe.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def graphique_sensibilite(bilan: BilanSocioEconomique, variation: float = 0.2) -> Figure:
    """Le diagramme en tornade : la VAN quand chaque hypothèse varie de ± ``variation``."""
    t = bilan.sensibilite(variation).sort_values("écart maximal")
    base = bilan.van()
    colonnes = [c for c in t.columns if c.startswith("VAN")]
    fig, axe = nouvelle_figure(f"Sensibilité de la VAN (± {pourcentage(variation, 0)} sur chaque hypothèse)",
                               largeur=8, hauteur=3.6)
    for k, (_, ligne) in enumerate(t.iterrows()):
        basse, haute = ligne[colonnes[0]], ligne[colonnes[1]]
        axe.barh(k, basse - base, left=base, color=PALETTE[3], height=0.6)
        axe.barh(k, haute - base, left=base, color=PALETTE[0], height=0.6)
    axe.axvline(base, color=PALETTE[7], linewidth=1)
    axe.axvline(0, color=GRIS, linestyle="--", linewidth=1)
    axe.set_yticks(range(len(t)), list(t["hypothèse"]))
    axe.grid(axis="x", color=GRIS, alpha=0.25)
    axe.grid(axis="y", visible=False)
    axe_euros(axe, "x")
    axe.tick_params(axis="x", labelsize=8)
    axe.set_xlabel(f"VAN (trait noir : VAN de base, {euros(base, 0)} ; vermillon : hypothèse −, bleu : +)")
    fig.tight_layout()
    return fig
