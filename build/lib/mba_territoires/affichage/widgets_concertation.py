"""Widgets pour construire et comparer des stratégies de concertation côte à côte.

La logique (ajouter une action, garder la dernière stratégie valide, dire l'erreur en français) est
dans :class:`EditeurStrategie`, une classe ordinaire testable sans navigateur ; la fonction
:func:`comparateur_strategies` se contente de la brancher sur des ipywidgets.

>>> from mba_territoires.concertation import ModeleConcertation, Strategie, Action
>>> editeur = EditeurStrategie(ModeleConcertation.par_defaut(), Strategie("A", [Action("atelier", "2026-03-24")]))
>>> editeur.ajouter_action("atelir", "2026-04-01")
False
>>> print(editeur.erreur.splitlines()[0])
le format vaut « atelir », qui n'est pas un choix possible.
>>> len(editeur.strategie.actions)
1
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from ..erreurs import ErreurSaisie
from ..formats import euros, nombre
from .graphiques import image_html

if TYPE_CHECKING:  # pragma: no cover
    from ..concertation import CarteDesActeurs, ModeleConcertation, ResultatStrategie, Strategie

__all__ = ["ComparateurStrategies", "EditeurStrategie", "comparateur_strategies"]


class EditeurStrategie:
    """Une stratégie qu'on modifie pas à pas ; une modification invalide est refusée et expliquée,
    la dernière stratégie valide est gardée.

    >>> from mba_territoires.concertation import ModeleConcertation, Strategie, Action
    >>> e = EditeurStrategie(ModeleConcertation.par_defaut(), Strategie("B", [Action("atelier", "2026-03-24")]))
    >>> e.ajouter_action("stand_marche", "2026-03-28", seances=2), len(e.strategie.actions)
    (True, 2)
    """

    def __init__(self, modele: ModeleConcertation, strategie: Strategie,
                 acteurs: CarteDesActeurs | None = None) -> None:
        self.modele = modele
        self.acteurs = acteurs
        self.strategie = strategie
        #: Le message de la dernière erreur (vide si la dernière modification a réussi).
        self.erreur = ""
        self.resultat: ResultatStrategie = modele.evaluer(strategie, acteurs)

    def _essayer(self, nouvelle: Strategie) -> bool:
        try:
            resultat = self.modele.evaluer(nouvelle, self.acteurs)
        except ErreurSaisie as exc:
            self.erreur = str(exc)
            return False
        self.strategie, self.resultat, self.erreur = nouvelle, resultat, ""
        return True

    def ajouter_action(self, format: str, date: _dt.date | str, seances: int = 1, cible: str | None = None) -> bool:
        """Ajoute une action ; renvoie ``False`` (et remplit ``erreur``) si elle est invalide."""
        from ..concertation import Action, Strategie

        try:
            action = Action(format, date, seances, cible or None)
            nouvelle = Strategie(self.strategie.nom, (*self.strategie.actions, action), self.strategie.budget)
        except ErreurSaisie as exc:
            self.erreur = str(exc)
            return False
        return self._essayer(nouvelle)

    def retirer_action(self, numero: int | None = None) -> bool:
        """Retire l'action n° ``numero`` (à partir de 1 ; la dernière par défaut)."""
        from ..concertation import Strategie

        actions = list(self.strategie.actions)
        if len(actions) <= 1:
            self.erreur = ("une stratégie garde au moins une action.\nConseil : ajoutez d'abord une autre action, "
                           "puis retirez celle-ci.")
            return False
        indice = len(actions) if numero is None else numero
        if not 1 <= indice <= len(actions):
            self.erreur = (f"il n'y a pas d'action n° {numero}.\n"
                           f"Conseil : choisissez un numéro entre 1 et {len(actions)}.")
            return False
        del actions[indice - 1]
        return self._essayer(Strategie(self.strategie.nom, tuple(actions), self.strategie.budget))

    def changer_budget(self, budget: float | None) -> bool:
        """Change le budget (``None`` : pas de plafond)."""
        from ..concertation import Strategie

        try:
            nouvelle = Strategie(self.strategie.nom, self.strategie.actions, budget)
        except ErreurSaisie as exc:
            self.erreur = str(exc)
            return False
        return self._essayer(nouvelle)

    def resume_html(self) -> str:
        """Le résumé de la stratégie courante (et de l'erreur éventuelle), en HTML échappé."""
        r = self.resultat
        actions = "".join(
            f"<li>{escape(str(a.date))} : {escape(self.modele.format(a.format).libelle)} × {a.seances}"
            f"{' (cible : ' + escape(a.cible) + ')' if a.cible else ''}</li>" for a in self.strategie.actions)
        _dim, groupe, indice = r.groupe_le_moins_represente()
        budget = f" / budget {euros(self.strategie.budget, 0)}" if self.strategie.budget is not None else ""
        alerte = (f"<p role='alert' style='color:#B34A00'><strong>Modification refusée :</strong> "
                  f"{escape(self.erreur)}</p>" if self.erreur else "")
        depasse = (f" <strong style='color:#B34A00'>(dépassement de {euros(r.depassement, 0)})</strong>"
                   if r.depassement else "")
        return (f"<p><strong>{escape(self.strategie.nom)}</strong></p><ol>{actions}</ol>"
                f"<p>{nombre(r.participants_total, 0)} participations ; "
                f"coût {euros(r.cout_total, 0)}{budget}{depasse} ; "
                f"{r.duree_jours} jours ; groupe le moins représenté : {escape(groupe)} "
                f"(indice {nombre(indice, 2)})</p>{alerte}")


class ComparateurStrategies:
    """Plusieurs éditeurs de stratégies et leur tableau de comparaison.

    >>> from mba_territoires.concertation import ModeleConcertation, Strategie, Action
    >>> m = ModeleConcertation.par_defaut()
    >>> c = ComparateurStrategies(m, [Strategie("A", [Action("atelier", "2026-03-24")]),
    ...                               Strategie("B", [Action("aller_vers", "2026-03-24", seances=3)])])
    >>> c.tableau()["stratégie"].tolist()
    ['A', 'B']
    """

    def __init__(self, modele: ModeleConcertation, strategies: Sequence[Strategie],
                 acteurs: CarteDesActeurs | None = None) -> None:
        if not strategies:
            raise ErreurSaisie("aucune stratégie à comparer", conseil="donnez au moins une stratégie")
        self.modele = modele
        self.editeurs = [EditeurStrategie(modele, s, acteurs) for s in strategies]

    def tableau(self) -> Any:
        """Le tableau de comparaison des stratégies courantes."""
        from ..concertation import comparer_strategies

        return comparer_strategies(self.modele, [e.strategie for e in self.editeurs], self.editeurs[0].acteurs)

    def strategies(self) -> list[Strategie]:
        """Les stratégies courantes (dernières versions valides)."""
        return [e.strategie for e in self.editeurs]


def comparateur_strategies(modele: ModeleConcertation, strategies: Sequence[Strategie],
                           acteurs: CarteDesActeurs | None = None, dimension: str = "age") -> Any:
    """L'interface ipywidgets : une colonne par stratégie (ajouter ou retirer une action, changer le
    budget), puis le tableau de comparaison et le graphique des indices, mis à jour à chaque clic."""
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import HTML, display

    from .graphiques_concertation import graphique_strategies

    comparateur = ComparateurStrategies(modele, strategies, acteurs)
    groupes = [""] + [g for g in modele.population["groupe"]]
    sortie = widgets.Output()
    colonnes = []

    def rafraichir() -> None:
        for resume, editeur in zip(resumes, comparateur.editeurs, strict=True):
            resume.value = editeur.resume_html()
        sortie.clear_output(wait=True)
        with sortie:
            # Une colonne par stratégie : le tableau reste étroit, sans zone défilante.
            display(HTML(tableau_html(comparateur.tableau())))  # tableau_html met une colonne par stratégie
            fig = graphique_strategies(modele, comparateur.strategies(), dimension)
            display(HTML(image_html(fig, "Barres comparant l'indice de représentativité des stratégies, "
                                         f"par groupe ({dimension})")))
            plt.close(fig)

    resumes = []
    for editeur in comparateur.editeurs:
        choix_format = widgets.Dropdown(options=[(f.libelle, cle) for cle, f in modele.formats.items()],
                                        description="Format")
        jour = widgets.DatePicker(description="Date", value=editeur.strategie.actions[-1].date)
        seances = widgets.BoundedIntText(value=1, min=1, max=20, description="Séances")
        cible = widgets.Dropdown(options=groupes, value="", description="Cible")
        budget = widgets.FloatText(value=editeur.strategie.budget or 0.0, description="Budget (€)")
        ajouter = widgets.Button(description="Ajouter l'action", button_style="primary")
        retirer = widgets.Button(description="Retirer la dernière")
        resume = widgets.HTML(editeur.resume_html())
        resumes.append(resume)

        def sur_ajout(_b: Any, e: EditeurStrategie = editeur, f: Any = choix_format, d: Any = jour,
                      s: Any = seances, c: Any = cible) -> None:
            e.ajouter_action(f.value, d.value or "", s.value, c.value or None)
            rafraichir()

        def sur_retrait(_b: Any, e: EditeurStrategie = editeur) -> None:
            e.retirer_action()
            rafraichir()

        def sur_budget(changement: Any, e: EditeurStrategie = editeur) -> None:
            e.changer_budget(changement["new"] or None)
            rafraichir()

        ajouter.on_click(sur_ajout)
        retirer.on_click(sur_retrait)
        budget.observe(sur_budget, names="value")
        colonnes.append(widgets.VBox([resume, choix_format, jour, seances, cible, widgets.HBox([ajouter, retirer]),
                                      budget], layout=widgets.Layout(width=f"{100 // len(strategies)}%")))
    rafraichir()
    return widgets.VBox([widgets.HBox(colonnes), sortie])


def tableau_html(tableau: Any) -> str:
    """Le tableau de comparaison en HTML, une colonne par stratégie, nombres à la française.

    Les indicateurs sont en lignes (le tableau tient dans la largeur d'une page) ; les nombres
    sont alignés à droite, arrondis à l'unité au-delà de 100 (``1 483``), à deux décimales
    en dessous (``0,85``).

    >>> import pandas as pd
    >>> html = tableau_html(pd.DataFrame({"stratégie": ["A"], "coût": [12500.0], "indice": [0.853]}))
    >>> ">A</th>" in html, ">coût</th>" in html, ">0,85</td>" in html
    (True, True, True)
    >>> f">{nombre(12500, 0)}</td>" in html
    True
    """
    from .html import tableau_html as construire

    def fr(valeur: Any) -> str:
        if isinstance(valeur, bool) or not isinstance(valeur, (int, float)):
            return str(valeur)
        decimales = 0 if float(valeur).is_integer() or abs(valeur) >= 100 else 2
        return nombre(valeur, decimales)

    lignes = list(tableau.itertuples(index=False))
    colonnes = list(tableau.columns)
    cle = "stratégie" if "stratégie" in colonnes else colonnes[0]
    noms = [str(ligne[colonnes.index(cle)]) for ligne in lignes]
    corps = [[str(colonne), *(fr(ligne[j]) for ligne in lignes)]
             for j, colonne in enumerate(colonnes) if colonne != cle]
    return construire(corps, ["Indicateur", *noms], legende="Comparaison des stratégies",
                      classes="mba-comparaison")
