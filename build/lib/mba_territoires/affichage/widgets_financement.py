"""Un éditeur de plan de financement : on saisit une dépense ou un financeur, les règles se mettent à jour.

La logique (appliquer une saisie par les méthodes publiques du plan, garder le dernier plan valide,
dire l'erreur en français) est dans :class:`EditeurPlan`, une classe ordinaire testable sans
navigateur ; :func:`editeur_plan` la branche sur des ipywidgets.

>>> from mba_territoires.financement import PlanDeFinancement
>>> plan = PlanDeFinancement("École", maitre_ouvrage="Commune")
>>> e = EditeurPlan(plan)
>>> e.enregistrer_depense("Travaux", 100_000)
True
>>> e.enregistrer_financeur("DETR", "taux", 30)
False
>>> print(e.erreur.splitlines()[1])
Conseil : un taux s'écrit en décimales, entre 0 et 1 : 30 % s'écrit 0.30 (vouliez-vous écrire 0.30 ?).
>>> e.plan.financeurs, e.plan.cout_ht
((), 100000.0)
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from ..erreurs import ErreurSaisie
from ..financement import NATURES_FINANCEUR, PlanDeFinancement
from ..verdicts import Verdicts

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets

__all__ = ["EditeurPlan", "editeur_plan"]


class EditeurPlan:
    """Un plan qu'on modifie par saisies successives ; une saisie invalide est refusée et expliquée,
    le plan reste tel qu'il était avant elle.

    Chaque méthode renvoie ``True`` si la saisie est appliquée, ``False`` sinon (``erreur`` dit pourquoi).

    >>> from mba_territoires.financement import PlanDeFinancement
    >>> e = EditeurPlan(PlanDeFinancement("École"))
    >>> e.enregistrer_depense("Travaux", -5)
    False
    >>> "négatif" in e.erreur, e.plan.depenses
    (True, ())
    """

    def __init__(self, plan: PlanDeFinancement) -> None:
        if not isinstance(plan, PlanDeFinancement):
            raise ErreurSaisie(f"l'éditeur attend un PlanDeFinancement, pas {type(plan).__name__}",
                               conseil="créez d'abord le plan : PlanDeFinancement(\"Mon projet\")")
        #: Le plan édité (toujours le dernier plan valide).
        self.plan = plan
        #: Le message de la dernière erreur (vide si la dernière saisie a réussi).
        self.erreur = ""
        #: Les verdicts des règles sur le plan courant.
        self.verification: Verdicts = plan.verifier()

    def _essayer(self, action: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        try:
            action(*args, **kwargs)
        except ErreurSaisie as exc:  # le plan est transactionnel : rien n'a changé
            self.erreur = str(exc)
            return False
        self.erreur = ""
        self.verification = self.plan.verifier()
        return True

    def enregistrer_depense(self, libelle: str, montant_ht: float, tva: float | None = None) -> bool:
        """Ajoute la dépense, ou la modifie si le libellé existe déjà."""
        existe = any(d.libelle == str(libelle).strip() for d in self.plan.depenses)
        if existe:
            changements: dict[str, Any] = {"montant_ht": montant_ht}
            if tva is not None:
                changements["tva"] = tva
            return self._essayer(self.plan.modifier_depense, str(libelle).strip(), **changements)
        return self._essayer(self.plan.ajouter_depense, libelle, montant_ht, tva)

    def retirer_depense(self, libelle: str) -> bool:
        """Retire une dépense."""
        return self._essayer(self.plan.retirer_depense, str(libelle).strip())

    def enregistrer_financeur(self, nom: str, forme: str, valeur: float, public: bool = True,
                              nature: str | None = None) -> bool:
        """Ajoute le financeur (``forme`` : « taux » ou « montant »), ou le modifie s'il existe déjà."""
        if forme not in ("taux", "montant"):
            self.erreur = (f"la forme « {forme} » n'existe pas.\nConseil : choisissez « taux » (part de la base "
                           "éligible, 0.30 pour 30 %) ou « montant » (en euros).")
            return False
        nom = str(nom).strip()
        nature = nature or None
        if any(f.nom == nom for f in self.plan.financeurs):
            changements: dict[str, Any] = {forme: valeur, "public": public}
            if nature is not None or not public:
                changements["nature"] = nature if nature is not None else "prive"
            elif public:
                changements["nature"] = None
            return self._essayer(self.plan.modifier_financeur, nom, **changements)
        return self._essayer(self.plan.ajouter_financeur, nom, public=public, nature=nature, **{forme: valeur})

    def retirer_financeur(self, nom: str) -> bool:
        """Retire un financeur."""
        return self._essayer(self.plan.retirer_financeur, str(nom).strip())

    def emprunter(self, montant: float) -> bool:
        """Fixe la part empruntée de l'autofinancement."""
        return self._essayer(self.plan.emprunter, montant)

    def html(self) -> str:
        """Le plan courant, les verdicts des règles et l'erreur éventuelle (texte échappé)."""
        alerte = (f"<div role='alert' style='border-left:4px solid #D55E00;padding:0.3em 0.8em;'>"
                  f"<strong>Saisie refusée, le plan précédent est conservé :</strong> "
                  f"{escape(self.erreur).replace(chr(10), '<br>')}</div>" if self.erreur else "")
        # Dans un widget, les tableaux ne reçoivent pas le style du livre : marges des cellules ici.
        style = ("<style>.mba-widget-plan th, .mba-widget-plan td {padding: 0.15em 0.7em;}</style>")
        return (f"{style}<div class='mba-widget-plan'>{alerte}{self.plan._repr_html_()}"
                f"{self.verification._repr_html_()}</div>")


def editeur_plan(plan: PlanDeFinancement) -> ipywidgets.VBox:
    """Le formulaire interactif : saisir une dépense ou un financeur, voir le plan et les règles.

    >>> from mba_territoires.financement import PlanDeFinancement
    >>> boite = editeur_plan(PlanDeFinancement("École"))
    >>> boite.editeur.plan.titre
    'École'
    """
    import ipywidgets as w

    editeur = EditeurPlan(plan)
    style = {"description_width": "11em"}
    mise = w.Layout(width="28em")
    bouton = w.Layout(width="auto")  # libellé entier, jamais tronqué
    sortie = w.HTML(editeur.html())

    libelle = w.Text(description="Dépense", placeholder="ex. Travaux", style=style, layout=mise)
    montant_ht = w.FloatText(description="Montant HT (€)", value=0.0, style=style, layout=mise)
    tva = w.FloatText(description="TVA (0,20 = 20 %)", value=float(plan.parametres["tva.taux_normal"]),
                      style=style, layout=mise)
    ajouter_d = w.Button(description="Ajouter ou modifier", button_style="primary", icon="check", layout=bouton)
    retirer_d = w.Button(description="Retirer la dépense", icon="trash", layout=bouton)

    nom = w.Text(description="Financeur", placeholder="ex. DETR", style=style, layout=mise)
    forme = w.ToggleButtons(options=[("Taux de sa base", "taux"), ("Montant", "montant")], value="taux",
                            description="Forme", style=style)
    valeur = w.FloatText(description="Taux (0,30) ou montant", value=0.0, style=style, layout=mise)
    public = w.Checkbox(value=True, description="Financeur public", indent=False)
    nature = w.Dropdown(options=[("(d'après le nom)", "")] + [(v, k) for k, v in NATURES_FINANCEUR.items()],
                        value="", description="Nature", style=style, layout=w.Layout(width="40em"))
    ajouter_f = w.Button(description="Ajouter ou modifier", button_style="primary", icon="check", layout=bouton)
    retirer_f = w.Button(description="Retirer le financeur", icon="trash", layout=bouton)

    def rafraichir() -> None:
        sortie.value = editeur.html()

    def sur_depense(_: Any) -> None:
        editeur.enregistrer_depense(libelle.value, montant_ht.value, tva.value)
        rafraichir()

    def sur_retrait_depense(_: Any) -> None:
        editeur.retirer_depense(libelle.value)
        rafraichir()

    def sur_financeur(_: Any) -> None:
        editeur.enregistrer_financeur(nom.value, forme.value, valeur.value, public.value, nature.value or None)
        rafraichir()

    def sur_retrait_financeur(_: Any) -> None:
        editeur.retirer_financeur(nom.value)
        rafraichir()

    ajouter_d.on_click(sur_depense)
    retirer_d.on_click(sur_retrait_depense)
    ajouter_f.on_click(sur_financeur)
    retirer_f.on_click(sur_retrait_financeur)
    boite = w.VBox([
        w.HTML("<strong>Une dépense</strong>"), libelle, montant_ht, tva, w.HBox([ajouter_d, retirer_d]),
        w.HTML("<strong>Un financeur</strong>"), nom, forme, valeur, public, nature, w.HBox([ajouter_f, retirer_f]),
        sortie,
    ])
    # Les éléments restent accessibles (tests, carnets) : boite.editeur, boite.champs["montant_ht"]...
    boite.editeur = editeur
    boite.champs = {"libelle": libelle, "montant_ht": montant_ht, "tva": tva, "nom": nom, "forme": forme,
                    "valeur": valeur, "public": public, "nature": nature, "sortie": sortie}
    boite.boutons = {"ajouter_depense": ajouter_d, "retirer_depense": retirer_d, "ajouter_financeur": ajouter_f,
                     "retirer_financeur": retirer_f}
    return boite
