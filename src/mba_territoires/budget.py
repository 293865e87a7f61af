"""Emprunts, épargne et capacité de désendettement : l'effet d'un projet sur le budget d'une collectivité.

Trois profils d'emprunt (annuités constantes, amortissement constant, in fine), calculés avec
numpy-financial ; les ratios d'analyse financière (épargne brute, épargne nette, taux d'épargne
brute, capacité de désendettement) avant et après le projet, face aux repères de
``parametres(annee)["finances_locales.*"]``.

>>> e = Emprunt(300_000, taux=0.0354, duree=20)
>>> round(e.annuite(), 2)
21184.79
>>> s = SituationFinanciere(4_200_000, 3_600_000, 300_000, 3_000_000)
>>> s.epargne_brute, s.capacite_desendettement
(600000.0, 5.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from . import saisie
from .erreurs import ErreurCas
from .formats import euros, nombre, pourcentage
from .parametres import parametres
from .verdicts import Verdict, Verdicts

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from .cas import Cas
    from .financement import PlanDeFinancement

__all__ = ["PROFILS", "Emprunt", "ImpactBudgetaire", "SituationFinanciere", "emprunt_du_plan", "impact_budgetaire"]

#: Les profils d'amortissement d'un emprunt.
PROFILS: dict[str, str] = {
    "annuites_constantes": "annuités constantes (capital + intérêts identiques chaque année)",
    "amortissement_constant": "amortissement constant (même part de capital chaque année, intérêts décroissants)",
    "in_fine": "in fine (intérêts seuls chaque année, tout le capital la dernière année)",
}

_PLAFONDS_DESENDETTEMENT = {
    "commune": "finances_locales.capacite_desendettement_commune",
    "epci": "finances_locales.capacite_desendettement_commune",
    "syndicat": "finances_locales.capacite_desendettement_commune",
    "departement": "finances_locales.capacite_desendettement_departement",
    "region": "finances_locales.capacite_desendettement_region",
}


@dataclass(frozen=True)
class Emprunt:
    """Un emprunt : capital, taux annuel, durée en années, profil, année de la première échéance.

    >>> e = Emprunt(100_000, taux=0.04, duree=4, profil="amortissement_constant", annee=2027)
    >>> e.tableau()["annuite"].round(2).tolist()
    [29000.0, 28000.0, 27000.0, 26000.0]
    >>> Emprunt(100_000, taux=3.5, duree=20)
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurTaux: le taux d'intérêt de l'emprunt vaut 3.5, hors de [0 ; 1]
    (au-dessus de 100 %).
    Conseil : un taux s'écrit en décimales, entre 0 et 1 : 30 % s'écrit 0.30 (vouliez-vous écrire 0.035 ?).
    """

    #: Le capital emprunté, en euros.
    capital: float
    #: Le taux d'intérêt annuel, en décimales (0.0354).
    taux: float
    #: La durée, en années (entier ≥ 1).
    duree: int
    #: Le profil : une clé de :data:`PROFILS`.
    profil: str = "annuites_constantes"
    #: L'année de la première échéance.
    annee: int = 2027

    def __post_init__(self) -> None:
        object.__setattr__(self, "capital", saisie.montant(self.capital, "le capital de l'emprunt"))
        object.__setattr__(self, "taux", saisie.taux(self.taux, "le taux d'intérêt de l'emprunt"))
        object.__setattr__(self, "duree", saisie.entier(self.duree, "la durée de l'emprunt (en années entières)",
                                                        minimum=1, maximum=60))
        object.__setattr__(self, "profil", saisie.choix(self.profil, list(PROFILS), "le profil d'emprunt",
                                                        synonymes={"annuites_constantes": ["échéances constantes"],
                                                                   "amortissement_constant": ["capital constant"]}))
        object.__setattr__(self, "annee", saisie.annee(self.annee, "l'année de la première échéance"))

    def tableau(self) -> pd.DataFrame:
        """Le tableau d'amortissement : une ligne par année (capital début, intérêts, amortissement,
        annuité, capital fin)."""
        import numpy_financial as npf
        import pandas as pd

        c, t, n = self.capital, self.taux, self.duree
        lignes = []
        restant = c
        for k in range(1, n + 1):
            if self.profil == "annuites_constantes":
                # Annuité A = C·t / (1 − (1+t)^−n) par numpy-financial ; un taux infime vaut un taux nul.
                annuite = float(-npf.pmt(t, n, c)) if t > 1e-9 else c / n
                interets = restant * t
                amortissement = annuite - interets if k < n else restant
            elif self.profil == "amortissement_constant":
                amortissement = c / n
                interets = restant * t
            else:
                interets = c * t
                amortissement = c if k == n else 0.0
            lignes.append({"annee": self.annee + k - 1, "capital_debut": restant, "interets": interets,
                           "amortissement": amortissement, "annuite": interets + amortissement,
                           "capital_fin": max(0.0, restant - amortissement)})
            restant = max(0.0, restant - amortissement)
        return pd.DataFrame(lignes).set_index("annee")

    def annuite(self, annee: int | None = None) -> float:
        """L'annuité (capital + intérêts) de l'année ``annee`` (la première par défaut)."""
        t = self.tableau()
        a = self.annee if annee is None else annee
        return float(t.loc[a, "annuite"]) if a in t.index else 0.0

    @property
    def cout_interets(self) -> float:
        """Le total des intérêts payés sur toute la durée.

        >>> round(Emprunt(100_000, 0.04, 4, "in_fine").cout_interets, 2)
        16000.0
        """
        return float(self.tableau()["interets"].sum())

    def __repr__(self) -> str:
        return (f"Emprunt(capital={self.capital!r}, taux={self.taux!r}, duree={self.duree!r}, "
                f"profil={self.profil!r}, annee={self.annee!r})")

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        t = self.tableau()
        tableau = tableau_html([[str(a), *[euros(v) for v in r]]
                                for a, r in zip(t.index, t.itertuples(index=False), strict=True)],
                               ["Année", "Capital restant dû (début)", "Intérêts", "Amortissement", "Annuité",
                                "Capital restant dû (fin)"], legende="Tableau d'amortissement")
        return (f"<p>Emprunt de {euros(self.capital)} sur {self.duree} ans à {pourcentage(self.taux, 2)}, "
                f"{escape(PROFILS[self.profil])} ; intérêts totaux : {euros(self.cout_interets)}.</p>{tableau}")

    @classmethod
    def depuis_cas(cls, cas: Cas | str) -> Emprunt:
        """L'emprunt que prévoit la section ``financement`` d'un cas (montant, durée, taux moyen de l'année).

        >>> Emprunt.depuis_cas("ecole-jules-ferry").duree
        20
        """
        from .financement import PlanDeFinancement

        plan = PlanDeFinancement.depuis_cas(cas)
        if not plan.emprunt:
            raise ErreurCas(f"le plan de financement du cas « {plan.titre} » ne prévoit pas d'emprunt",
                            conseil="ajoutez « emprunt: » (et « duree_emprunt: ») à la section « financement » du "
                            "fichier cas.yaml, ou construisez l'emprunt avec Emprunt(capital, taux, duree)",
                            champ="financement.emprunt")
        from .cas import charger

        objet = charger(cas) if isinstance(cas, str) else cas
        return emprunt_du_plan(plan, duree=objet.financement.duree_emprunt)


@dataclass(frozen=True)
class SituationFinanciere:
    """Les grands agrégats d'un budget et leurs ratios (épargne brute, épargne nette, désendettement).

    >>> s = SituationFinanciere(4_200_000, 3_600_000, 300_000, 3_000_000)
    >>> round(s.taux_epargne_brute, 4), s.epargne_nette
    (0.1429, 300000.0)
    """

    #: Les recettes réelles de fonctionnement, en euros.
    recettes_reelles_fonctionnement: float
    #: Les dépenses réelles de fonctionnement, intérêts de la dette compris, en euros.
    depenses_reelles_fonctionnement: float
    #: Le remboursement annuel du capital de la dette, en euros.
    remboursement_capital: float
    #: L'encours de la dette au 31 décembre, en euros.
    encours_dette: float
    #: Le type de collectivité (commune, epci, departement, region, syndicat) : il fixe le plafond de référence.
    type_collectivite: str = "commune"
    #: L'année des paramètres réglementaires.
    annee: int = 2026

    def __post_init__(self) -> None:
        for nom in ("recettes_reelles_fonctionnement", "depenses_reelles_fonctionnement", "remboursement_capital",
                    "encours_dette"):
            object.__setattr__(self, nom, saisie.montant(getattr(self, nom), nom.replace("_", " ")))
        object.__setattr__(self, "type_collectivite", saisie.choix(
            self.type_collectivite, list(_PLAFONDS_DESENDETTEMENT), "le type de collectivité",
            synonymes={"epci": ["intercommunalité", "communauté de communes"]}))

    @classmethod
    def depuis_cas(cls, cas: Cas | str) -> SituationFinanciere:
        """Les agrégats du maître d'ouvrage d'un cas (``maitre_ouvrage.finances``).

        >>> SituationFinanciere.depuis_cas("ecole-jules-ferry").encours_dette
        3000000.0
        """
        from .cas import charger

        if isinstance(cas, str):
            cas = charger(cas)
        f = cas.maitre_ouvrage.finances
        if f is None:
            raise ErreurCas(f"le cas « {cas.slug} » ne donne pas les finances du maître d'ouvrage",
                            conseil="ajoutez la section « maitre_ouvrage: finances: » (recettes et dépenses réelles "
                            "de fonctionnement, remboursement du capital, encours) à ce fichier",
                            fichier=str(cas.dossier / "cas.yaml"), champ="maitre_ouvrage.finances")
        return cls(f.recettes_reelles_fonctionnement, f.depenses_reelles_fonctionnement, f.remboursement_capital,
                   f.encours_dette, cas.maitre_ouvrage.type, cas.annee)

    @property
    def epargne_brute(self) -> float:
        """Épargne brute (CAF) = recettes réelles − dépenses réelles de fonctionnement."""
        return round(self.recettes_reelles_fonctionnement - self.depenses_reelles_fonctionnement, 2)

    @property
    def epargne_nette(self) -> float:
        """Épargne nette = épargne brute − remboursement du capital de la dette."""
        return round(self.epargne_brute - self.remboursement_capital, 2)

    @property
    def taux_epargne_brute(self) -> float:
        """Taux d'épargne brute = épargne brute / recettes réelles de fonctionnement."""
        rrf = self.recettes_reelles_fonctionnement
        return self.epargne_brute / rrf if rrf else 0.0

    @property
    def capacite_desendettement(self) -> float | None:
        """Capacité de désendettement (années) = encours / épargne brute ; ``None`` si l'épargne brute
        est nulle ou négative (la dette ne peut pas être remboursée sur l'épargne)."""
        if self.epargne_brute <= 0:
            return None
        return self.encours_dette / self.epargne_brute

    def verdicts(self) -> Verdicts:
        """Le taux d'épargne brute et la capacité de désendettement face aux repères d'analyse.

        Ni l'un ni l'autre n'est un plafond légal : les 12, 10 et 9 ans viennent de la loi de
        programmation des finances publiques 2018-2022, dont le mécanisme a pris fin ; les analystes
        s'en servent encore comme référence.

        >>> s = SituationFinanciere(4_200_000, 3_600_000, 300_000, 3_000_000)
        >>> "référence" in s.verdicts()["capacite_desendettement"].constat
        True
        """
        p = parametres(self.annee)
        alerte, degrade = float(p["finances_locales.epargne_brute_seuil_alerte"]), float(
            p["finances_locales.epargne_brute_seuil_degrade"])
        teb = self.taux_epargne_brute
        debut = f"taux d'épargne brute de {pourcentage(teb)}"
        if teb < degrade:
            constat, ok = f"{debut} : situation dégradée (sous {pourcentage(degrade, 0)})", False
        elif teb < alerte:
            constat, ok = f"{debut} : vigilance (sous {pourcentage(alerte, 0)})", False
        else:
            constat, ok = f"{debut} (repère d'alerte : {pourcentage(alerte, 0)})", True
        cle_p = "finances_locales.epargne_brute_seuil_alerte"
        v1 = Verdict("taux_epargne_brute", "Taux d'épargne brute", ok, constat,
                     "" if ok else "réduisez les dépenses de fonctionnement ou étalez l'investissement",
                     p.parametre(cle_p).citation(), chiffres={"taux": teb})
        cle = _PLAFONDS_DESENDETTEMENT[self.type_collectivite]
        plafond = float(p[cle])
        cd = self.capacite_desendettement
        if cd is None:
            v2 = Verdict("capacite_desendettement", "Capacité de désendettement (référence d'analyse)", False,
                         "l'épargne brute est nulle ou négative : la dette ne peut pas être remboursée sur l'épargne",
                         "rétablissez d'abord l'épargne brute", p.parametre(cle).citation(),
                         a_verifier=p.parametre(cle).a_verifier)
        else:
            ok2 = cd <= plafond
            v2 = Verdict("capacite_desendettement", "Capacité de désendettement (référence d'analyse)", ok2,
                         f"{nombre(cd, 1)} ans d'épargne brute pour rembourser la dette ; référence d'analyse : "
                         f"{nombre(plafond, 0)} ans (ancien plafond national de la LPFP 2018-2022, mécanisme échu : "
                         "pas un plafond légal)",
                         "" if ok2 else f"au-delà de la référence, les analystes jugent la dette lourde : réduisez "
                         f"l'emprunt ou augmentez l'épargne brute (encours inférieur à "
                         f"{euros(plafond * self.epargne_brute)})",
                         p.parametre(cle).citation(), a_verifier=p.parametre(cle).a_verifier,
                         chiffres={"annees": cd, "plafond": plafond})
        return Verdicts([v1, v2], titre="Santé financière")


@dataclass(frozen=True)
class ImpactBudgetaire:
    """Le budget avant et après le projet (emprunt et économies de fonctionnement), l'année ``annee``."""

    #: La situation avant le projet.
    avant: SituationFinanciere
    #: La situation après (intérêts, remboursement et encours de l'emprunt ; économies de fonctionnement).
    apres: SituationFinanciere
    #: L'emprunt du projet (ou ``None``).
    emprunt: Emprunt | None
    #: Les économies annuelles de fonctionnement attendues, en euros.
    economies: float
    #: L'année regardée (la première échéance de l'emprunt par défaut).
    annee: int
    #: Les verdicts avant et après.
    verdicts_apres: Verdicts = field(default_factory=lambda: Verdicts([]))

    def tableau(self) -> pd.DataFrame:
        """Indicateurs en lignes ; colonnes « avant », « après », « écart » (montants bruts, taux en décimales)."""
        import pandas as pd

        def valeurs(s: SituationFinanciere) -> dict[str, float]:
            cd = s.capacite_desendettement
            return {"Épargne brute": s.epargne_brute, "Taux d'épargne brute": s.taux_epargne_brute,
                    "Remboursement du capital": s.remboursement_capital, "Épargne nette": s.epargne_nette,
                    "Encours de la dette": s.encours_dette,
                    "Capacité de désendettement (années)": cd if cd is not None else math.inf}

        a, b = valeurs(self.avant), valeurs(self.apres)
        return pd.DataFrame({"avant": a, "après": b, "écart": {k: b[k] - a[k] for k in a}})

    def graphique(self) -> Figure:
        """Le graphique avant/après (voir :mod:`mba_territoires.affichage.graphiques_financement`)."""
        from .affichage.graphiques_financement import graphique_impact

        return graphique_impact(self)

    def __repr__(self) -> str:
        return (f"ImpactBudgetaire(annee={self.annee}, épargne nette {self.avant.epargne_nette:.0f} € → "
                f"{self.apres.epargne_nette:.0f} €)")

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        t = self.tableau()
        lignes = []
        for nom, r in t.iterrows():
            if "Taux" in str(nom):
                cellules = [pourcentage(v) for v in r]
            elif "années" in str(nom):
                cellules = [nombre(v, 1) if math.isfinite(v) else "non calculable" for v in r]
            else:
                cellules = [euros(v, 0) for v in r]
            lignes.append([str(nom), *cellules])
        tableau = tableau_html(lignes, ["Indicateur", "Avant", "Après", "Écart"],
                               legende=f"Effet du projet sur le budget ({self.annee})")
        verdicts = "".join(f"<li>{escape(str(v).splitlines()[0])}</li>" for v in self.verdicts_apres)
        return f"{tableau}<p>Après le projet :</p><ul>{verdicts}</ul>"


def impact_budgetaire(situation: SituationFinanciere, emprunt: Emprunt | None = None,
                      economies_annuelles: float = 0.0, annee: int | None = None) -> ImpactBudgetaire:
    """L'effet du projet sur le budget, toutes choses égales par ailleurs : les intérêts de l'emprunt
    s'ajoutent aux dépenses de fonctionnement (moins les économies attendues), son amortissement au
    remboursement du capital, son capital restant dû à l'encours.

    >>> s = SituationFinanciere(4_200_000, 3_600_000, 300_000, 3_000_000)
    >>> i = impact_budgetaire(s, Emprunt(300_000, 0.0354, 20, annee=2027), economies_annuelles=17_000)
    >>> round(i.apres.epargne_brute, 2), round(i.apres.capacite_desendettement, 2)
    (606380.0, 5.42)
    """
    economies = saisie.montant(economies_annuelles, "les économies de fonctionnement")
    if annee is None:
        annee = emprunt.annee if emprunt is not None else situation.annee
    interets = amortissement = restant = 0.0
    if emprunt is not None:
        t = emprunt.tableau()
        if annee in t.index:
            interets, amortissement = float(t.loc[annee, "interets"]), float(t.loc[annee, "amortissement"])
            restant = float(t.loc[annee, "capital_fin"])
        elif annee < emprunt.annee:
            restant = emprunt.capital
    apres = SituationFinanciere(
        situation.recettes_reelles_fonctionnement,
        max(0.0, situation.depenses_reelles_fonctionnement + interets - economies),
        situation.remboursement_capital + amortissement,
        situation.encours_dette + restant,
        situation.type_collectivite, situation.annee)
    return ImpactBudgetaire(situation, apres, emprunt, economies, annee, apres.verdicts())


def emprunt_du_plan(plan: PlanDeFinancement, duree: int = 20, taux: float | None = None,
                    profil: str = "annuites_constantes", annee: int | None = None) -> Emprunt:
    """L'emprunt d'un plan de financement (``plan.emprunt``), au taux moyen de l'année par défaut
    (``finances_locales.taux_emprunt_moyen``, chiffre à vérifier), première échéance l'année suivant le plan.

    >>> from mba_territoires.financement import PlanDeFinancement
    >>> plan = PlanDeFinancement("École", emprunt=0)
    >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
    >>> plan.emprunter(50_000)
    >>> emprunt_du_plan(plan, duree=15).annee
    2027
    """
    taux = float(plan.parametres["finances_locales.taux_emprunt_moyen"]) if taux is None else taux
    return Emprunt(plan.emprunt, taux, duree, profil, plan.annee + 1 if annee is None else annee)
