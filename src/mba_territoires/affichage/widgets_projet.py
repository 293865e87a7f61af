"""Widgets de la conception de projet : déplacer une phase du planning, noter un risque.

La logique (appliquer une modification, garder le dernier état valide, dire l'erreur en français) vit
dans :class:`EditeurPlanning` et :class:`NotateurRisques`, des classes ordinaires testables sans
navigateur ; :func:`editeur_planning` et :func:`notation_risques` les branchent sur des ipywidgets.

>>> from mba_territoires.planning import Planning, Tache, PlanningDuCas
>>> e = EditeurPlanning(PlanningDuCas(Planning([Tache("Conception", 55), Tache("Travaux", 45, ["Conception"])],
...                                             "2026-01-05")))
>>> e.changer_duree("Conception", -3)
False
>>> print(e.erreur.splitlines()[0])
la durée de « Conception » (en jours) vaut -3, en dessous du minimum 0.
>>> e.ordonnancement.duree_totale
100
"""

from __future__ import annotations

import datetime as _dt
from html import escape
from typing import TYPE_CHECKING, Any

from ..erreurs import ErreurSaisie
from .graphiques import image_html

if TYPE_CHECKING:  # pragma: no cover
    from ..planning import Alerte, Ordonnancement, Planning, PlanningDuCas
    from ..risques import RegistreRisques

__all__ = ["EditeurPlanning", "NotateurRisques", "editeur_planning", "notation_risques"]

# Teintes assombries de la palette d'Okabe-Ito : contraste d'au moins 4,5:1 sur fond blanc (WCAG 1.4.3).
_COULEURS = {"bloquant": "#B34A00", "attention": "#8A5A00", "information": "#0072B2", "conforme": "#006B4E"}


class EditeurPlanning:
    """Un planning qu'on modifie tâche par tâche ; une modification invalide (durée négative, date
    illisible, boucle) est refusée et expliquée, le dernier planning valide est gardé. Après chaque
    modification, le chemin critique et les alertes (dates limites, délais de consultation, règles des
    subventions) sont recalculés.

    >>> from mba_territoires.planning import Planning, Tache, PlanningDuCas
    >>> e = EditeurPlanning(PlanningDuCas(Planning([Tache("A", 10), Tache("B", 5, ["A"])], "2026-01-05")))
    >>> e.decaler("B", 7), e.ordonnancement.duree_totale
    (True, 22)
    """

    def __init__(self, planning_du_cas: PlanningDuCas | Planning) -> None:
        self.source = planning_du_cas
        self.planning: Planning = getattr(planning_du_cas, "planning", planning_du_cas)
        self.ordonnancement: Ordonnancement = self.planning.ordonnancer()
        #: Le message de la dernière erreur (vide si la dernière modification a réussi).
        self.erreur = ""
        self._historique: list[Planning] = []

    def _essayer(self, fabrique: Any) -> bool:
        try:
            nouveau = fabrique()
            ordonnancement = nouveau.ordonnancer()
        except ErreurSaisie as exc:
            self.erreur = str(exc)
            return False
        self._historique.append(self.planning)
        self.planning, self.ordonnancement, self.erreur = nouveau, ordonnancement, ""
        return True

    def decaler(self, nom: str, jours: int) -> bool:
        """Décale le début de la tâche ``nom`` de ``jours`` jours ; ``False`` et ``erreur`` si refusé."""
        return self._essayer(lambda: self.planning.decaler(nom, jours))

    def changer_duree(self, nom: str, jours: int) -> bool:
        """Change la durée de la tâche ``nom``."""
        return self._essayer(lambda: self.planning.avec_duree(nom, jours))

    def fixer_pas_avant(self, nom: str, jour: _dt.date | str | None) -> bool:
        """Impose (ou retire, avec ``None``) une date avant laquelle la tâche ne peut commencer."""
        return self._essayer(lambda: self.planning.avec_pas_avant(nom, jour))

    def annuler(self) -> bool:
        """Revient au planning précédent ; ``False`` s'il n'y en a pas."""
        if not self._historique:
            self.erreur = "il n'y a rien à annuler.\nConseil : modifiez d'abord une tâche."
            return False
        self.planning = self._historique.pop()
        self.ordonnancement, self.erreur = self.planning.ordonnancer(), ""
        return True

    def alertes(self) -> list[Alerte]:
        """Les alertes du planning courant (dates limites, consultations, délibérations, subventions)."""
        if self.source is self.planning or not hasattr(self.source, "planning"):
            return self.planning.alertes()
        return self.source.alertes(self.planning)

    def resume_html(self) -> str:
        """Le résumé du planning courant : fin, chemin critique, alertes et erreur éventuelle (HTML échappé)."""
        o = self.ordonnancement
        alertes = "".join(
            f"<li style='color:{_COULEURS[a.niveau]}'><strong>{escape(a.niveau)}</strong> — {escape(a.objet)} : "
            f"{escape(a.message)}{(' — ' + escape(a.conseil)) if a.conseil else ''}</li>"
            for a in self.alertes() if a.niveau != "conforme")
        erreur = (f"<p role='alert' style='color:#B34A00'><strong>Modification refusée :</strong> "
                  f"{escape(self.erreur)}</p>" if self.erreur else "")
        return (f"<p>Fin du projet le <strong>{o.fin:%d/%m/%Y}</strong> ({o.duree_totale} jours). Chemin critique : "
                f"{escape(' → '.join(o.chemin_critique()))}.</p>"
                + (f"<ul>{alertes}</ul>" if alertes else "<p>Aucune alerte : toutes les règles sont respectées.</p>")
                + erreur)


class NotateurRisques:
    """Un registre qu'on note risque par risque ; une note hors de 1 à 5 est refusée et expliquée.

    >>> from mba_territoires.risques import RegistreRisques, Risque
    >>> n = NotateurRisques(RegistreRisques([Risque("Retard des travaux", 3, 4)]))
    >>> n.noter("Retard des travaux", 6, 4)
    False
    >>> n.noter("Retard des travaux", 2, 4), n.registre.risque("Retard des travaux").niveau
    (True, 'modéré')
    """

    def __init__(self, registre: RegistreRisques) -> None:
        self.registre = registre
        #: Le message de la dernière erreur (vide si la dernière note a été acceptée).
        self.erreur = ""

    def noter(self, intitule: str, probabilite: int, impact: int) -> bool:
        """Donne une nouvelle note au risque ; ``False`` et ``erreur`` si elle est refusée."""
        try:
            self.registre = self.registre.noter(intitule, probabilite, impact)
        except ErreurSaisie as exc:
            self.erreur = str(exc)
            return False
        self.erreur = ""
        return True

    def resume_html(self, intitule: str | None = None) -> str:
        """Le niveau du risque noté et le nombre de risques forts ou critiques."""
        texte = ""
        if intitule:
            r = self.registre.risque(intitule)
            texte = (f"<p>« {escape(r.intitule)} » : criticité {r.criticite} ({escape(r.niveau)}) — responsable : "
                     f"{escape(r.responsable or 'à désigner')}.</p>")
        texte += (f"<p>{len(self.registre.prioritaires())} risque(s) fort(s) ou critique(s) "
                  f"sur {len(self.registre)}.</p>")
        if self.erreur:
            texte += (f"<p role='alert' style='color:#B34A00'><strong>Note refusée :</strong> "
                      f"{escape(self.erreur)}</p>")
        return texte


def editeur_planning(planning_du_cas: PlanningDuCas | Planning) -> Any:
    """L'interface ipywidgets : choisir une tâche, la décaler ou changer sa durée, voir le Gantt, le chemin
    critique et les alertes de subvention se mettre à jour."""
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import HTML, display

    from .graphiques_projet import gantt

    editeur = EditeurPlanning(planning_du_cas)
    noms = [t.nom for t in editeur.planning.taches]
    tache = widgets.Dropdown(options=noms, description="Tâche", layout=widgets.Layout(width="60%"))
    decalage = widgets.IntSlider(value=0, min=-30, max=90, step=1, description="Décaler (j)")
    duree = widgets.BoundedIntText(value=editeur.planning.tache(noms[0]).duree_jours, min=-1000, max=2000,
                                   description="Durée (j)")
    appliquer = widgets.Button(description="Appliquer", button_style="primary")
    annuler = widgets.Button(description="Annuler la dernière modification", layout=widgets.Layout(width="auto"))
    resume = widgets.HTML()
    sortie = widgets.Output()

    def rafraichir() -> None:
        resume.value = editeur.resume_html()
        sortie.clear_output(wait=True)
        with sortie:
            fig = gantt(editeur.ordonnancement)
            display(HTML(image_html(fig, "Diagramme de Gantt du planning modifié, tâches critiques mises en évidence")))
            plt.close(fig)

    def sur_tache(_changement: Any) -> None:
        duree.value = editeur.planning.tache(tache.value).duree_jours
        decalage.value = 0

    def sur_appliquer(_b: Any) -> None:
        if duree.value != editeur.planning.tache(tache.value).duree_jours:
            editeur.changer_duree(tache.value, duree.value)
        if decalage.value and not editeur.erreur:
            editeur.decaler(tache.value, decalage.value)
        decalage.value = 0
        rafraichir()

    def sur_annuler(_b: Any) -> None:
        editeur.annuler()
        sur_tache(None)
        rafraichir()

    tache.observe(sur_tache, names="value")
    appliquer.on_click(sur_appliquer)
    annuler.on_click(sur_annuler)
    rafraichir()
    return widgets.VBox([tache, widgets.HBox([decalage, duree]), widgets.HBox([appliquer, annuler]), resume, sortie])


def notation_risques(registre: RegistreRisques) -> Any:
    """L'interface ipywidgets : choisir un risque, régler sa probabilité et son impact, voir la carte."""
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import HTML, display

    from .graphiques_projet import carte_risques

    notateur = NotateurRisques(registre)
    noms = [r.intitule for r in registre.risques]
    choix = widgets.Dropdown(options=noms, description="Risque", layout=widgets.Layout(width="70%"))
    premier = registre.risque(noms[0])
    probabilite = widgets.IntSlider(value=premier.probabilite, min=1, max=5, description="Probabilité")
    impact = widgets.IntSlider(value=premier.impact, min=1, max=5, description="Impact")
    resume = widgets.HTML()
    sortie = widgets.Output()
    etat = {"charge": False}

    def rafraichir() -> None:
        resume.value = notateur.resume_html(choix.value)
        sortie.clear_output(wait=True)
        with sortie:
            fig = carte_risques(notateur.registre)
            display(HTML(image_html(fig, "Carte de chaleur des risques selon leur probabilité et leur impact")))
            plt.close(fig)

    def sur_choix(_c: Any) -> None:
        r = notateur.registre.risque(choix.value)
        etat["charge"] = True
        probabilite.value, impact.value = r.probabilite, r.impact
        etat["charge"] = False
        rafraichir()

    def sur_note(_c: Any) -> None:
        if not etat["charge"]:
            notateur.noter(choix.value, probabilite.value, impact.value)
            rafraichir()

    choix.observe(sur_choix, names="value")
    probabilite.observe(sur_note, names="value")
    impact.observe(sur_note, names="value")
    rafraichir()
    return widgets.VBox([choix, widgets.HBox([probabilite, impact]), resume, sortie])
