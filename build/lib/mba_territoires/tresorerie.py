"""Versements des subventions, caducité et plan de trésorerie annuel d'une opération.

Une subvention d'investissement de l'État régie par le décret 2018-514 (Fonds vert, FNADT...) se verse
en trois temps (art. 12) : une avance au commencement, des acomptes au fil des dépenses, puis le solde
sur justificatifs ; les plafonds viennent de ``versements.*``. Le décret ne régit pas les dotations du
CGCT (DETR, DSIL : leur texte est ``versements.texte_dotations_etat``, auquel le cahier applique les
mêmes plafonds, par hypothèse signalée) ; les autres financeurs (Région, Département, agences de
l'eau, Europe, mécènes) paient selon leur règlement : leur échéancier est une **hypothèse éditable**
(``versements.hypothese_autres_*`` ou ``Tresorerie(plan, echeanciers=...)``), étiquetée comme telle.
Le FCTVA arrive un ou deux ans après la dépense. Entre les deux, la commune paie les factures TTC :
:class:`Tresorerie` chiffre ce besoin de préfinancement (le « relais ») et son coût.

La règle de caducité de la DETR et de la DSIL (CGCT R2334-28 et R2334-29) n'existe qu'ici :
:func:`caducite` rend les dates limites et leurs verdicts (le planning l'appelle).

>>> from mba_territoires.financement import PlanDeFinancement
>>> plan = PlanDeFinancement("École", calendrier={2026: 0.5, 2027: 0.5})
>>> plan.ajouter_depense("Travaux", montant_ht=100_000)
>>> plan.ajouter_financeur("DETR", taux=0.40)
>>> t = Tresorerie(plan)
>>> [(v.annee, v.etape, v.montant) for v in t.versements()]
[(2026, 'avance', 12000.0), (2026, 'acompte', 8000.0), (2027, 'acompte', 12000.0), (2028, 'solde', 8000.0)]
>>> t.besoin_relais
27684.8
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from . import saisie
from .erreurs import ErreurDonnees
from .financement import PlanDeFinancement
from .financement.plan import parametres_du
from .financement.regles import DOTATIONS_ETAT
from .formats import date_fr, euros, pourcentage
from .verdicts import Verdict, Verdicts

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["Caducite", "Tresorerie", "Versement", "caducite", "echeancier_subvention", "regime_versements"]


@dataclass(frozen=True)
class Versement:
    """Un versement attendu d'un financeur."""

    #: Le financeur (« DETR »).
    financeur: str
    #: L'année du versement.
    annee: int
    #: « avance », « acompte » ou « solde ».
    etape: str
    #: Le montant versé, en euros.
    montant: float
    #: Ce qui fonde l'échéancier : le texte (« décret 2018-514, art. 12 ») ou « hypothèse éditable ».
    regime: str = ""


def regime_versements(nature: str, jour: _dt.date | int = 2026) -> tuple[str, bool]:
    """Ce qui régit les versements d'un financeur de cette nature, et si c'est une hypothèse.

    >>> regime_versements("etat")
    ('décret 2018-514, art. 12', False)
    >>> regime_versements("region")[1]
    True
    """
    p = parametres_du(jour if isinstance(jour, _dt.date) else _dt.date(saisie.annee(jour), 1, 1))
    if nature in p["versements.champ_decret_2018"]:
        return "décret 2018-514, art. 12", False
    if nature in DOTATIONS_ETAT:
        return f"{p['versements.texte_dotations_etat']} (mêmes plafonds que le décret 2018-514, par hypothèse)", True
    return "hypothèse éditable (règlement d'intervention du financeur)", True


def echeancier_subvention(financeur: str, montant: float, depenses_par_annee: dict[int, float],
                          annee: int = 2026, avance: float | None = None, decalage: int = 0,
                          delai_solde: int | None = None, *, date: _dt.date | None = None,
                          acomptes_max: float | None = None, regime: str = "décret 2018-514, art. 12"
                          ) -> list[Versement]:
    """Les versements d'une subvention : avance la première année de dépense, acomptes au rythme des
    dépenses (cumul plafonné à 80 %, 90 % au-delà de 48 mois), solde après l'achèvement.

    ``avance`` : le taux d'avance (par défaut le maximum, ``versements.avance_max``) ; 0 pour un
    financeur qui paie sur dépenses acquittées (FEDER, LEADER) ; ``decalage`` : années de retard ;
    ``acomptes_max`` : le cumul d'acomptes d'un financeur qui a ses propres règles ; ``date`` : la date
    des règles appliquées (par défaut le 1er janvier de ``annee``).

    >>> [(v.annee, v.etape, v.montant) for v in echeancier_subvention("DETR", 276_000, {2026: 1.0})]
    [(2026, 'avance', 82800.0), (2026, 'acompte', 138000.0), (2027, 'solde', 55200.0)]
    """
    p = parametres_du(date or _dt.date(saisie.annee(annee), 1, 1))
    montant = saisie.montant(montant, f"le montant de « {financeur} »")
    taux_avance = float(p["versements.avance_max"]) if avance is None else saisie.taux(
        avance, f"le taux d'avance de « {financeur} »")
    if taux_avance > float(p["versements.avance_max_avec_garantie"]):
        raise ErreurDonnees(f"l'avance de « {financeur} » ({pourcentage(taux_avance)}) dépasse le maximum légal",
                            conseil=f"l'avance est au plus de {pourcentage(p['versements.avance_max'], 0)}, "
                            f"{pourcentage(p['versements.avance_max_avec_garantie'], 0)} avec une garantie bancaire")
    delai_solde = int(p["versements.delai_solde_annees"]) if delai_solde is None else delai_solde
    annees = sorted(a for a, m in depenses_par_annee.items() if m > 0)
    if montant <= 0 or not annees:
        return []
    total = sum(depenses_par_annee[a] for a in annees)
    duree_mois = (annees[-1] - annees[0] + 1) * 12
    plafond = float(p["versements.acomptes_max_operation_longue"] if duree_mois > p["versements.duree_operation_longue"]
                    else p["versements.acomptes_max"])
    if acomptes_max is not None:
        plafond = saisie.taux(acomptes_max, f"le cumul d'acomptes de « {financeur} »")
    taux_avance = min(taux_avance, plafond)
    versements: list[Versement] = []
    verse, cumul = 0.0, 0.0
    for i, a in enumerate(annees):
        cumul += depenses_par_annee[a] / total
        if i == 0 and taux_avance > 0:
            versements.append(Versement(financeur, a + decalage, "avance", round(taux_avance * montant, 2), regime))
            verse = round(taux_avance * montant, 2)
        cible = round(min(plafond, max(taux_avance, cumul)) * montant, 2)
        if cible > verse + 0.005:
            versements.append(Versement(financeur, a + decalage, "acompte", round(cible - verse, 2), regime))
            verse = cible
    versements.append(Versement(financeur, annees[-1] + delai_solde + decalage, "solde", round(montant - verse, 2),
                                regime))
    return versements


class Tresorerie:
    """Le plan de trésorerie annuel d'une opération : dépenses TTC, versements, FCTVA, emprunt, apport du
    maître d'ouvrage, solde et cumul ; le besoin de crédit relais et son coût.

    Hypothèses : l'emprunt et l'apport du maître d'ouvrage suivent le rythme des dépenses HT ; l'apport
    couvre aussi la TVA que le FCTVA ne compense pas ; les financeurs qui ne sont pas des subventions de
    l'État paient selon une hypothèse éditable (``versements.hypothese_autres_*``, ou
    ``echeanciers={"Région": {"avance": 0.1, "acomptes_max": 0.7}}``), listée par :meth:`hypotheses` ;
    le coût du relais est le taux court terme appliqué au découvert de fin d'année
    (``finances_locales.taux_credit_court_terme``).

    >>> from mba_territoires.financement import PlanDeFinancement
    >>> plan = PlanDeFinancement("École")
    >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
    >>> t = Tresorerie(plan)
    >>> t.tableau().loc[2026, "depenses_ttc"], round(t.tableau()["solde"].sum(), 2)
    (np.float64(120000.0), np.float64(0.0))
    """

    def __init__(self, plan: PlanDeFinancement, avance: float | None = None,
                 taux_court_terme: float | None = None, delai_solde: int | None = None,
                 echeanciers: Mapping[str, Mapping[str, float]] | None = None) -> None:
        if not isinstance(plan, PlanDeFinancement):
            raise ErreurDonnees(f"Tresorerie attend un PlanDeFinancement, pas {type(plan).__name__}",
                                conseil="construisez d'abord le plan : PlanDeFinancement(...)")
        self.plan = plan
        p = plan.parametres
        self.avance = avance
        self.delai_solde = delai_solde
        cle = "finances_locales.taux_credit_court_terme"
        self.taux_court_terme = float(p[cle]) if taux_court_terme is None else saisie.taux(
            taux_court_terme, "le taux court terme du crédit relais")
        self.source_taux = p.parametre(cle).citation()
        self.echeanciers: dict[str, dict[str, float]] = {}
        for nom, regles in (echeanciers or {}).items():
            nom = saisie.trouver(nom, [f.nom for f in plan.financeurs], "le financeur de l'échéancier")
            if not isinstance(regles, Mapping):
                raise ErreurDonnees(f"l'échéancier de « {nom} » vaut {regles!r}",
                                    conseil="écrivez par exemple {\"avance\": 0.1, \"acomptes_max\": 0.7}")
            connus = ["avance", "acomptes_max"]
            self.echeanciers[nom] = {saisie.choix(k, connus, f"une règle de l'échéancier de « {nom} »"):
                                     saisie.taux(v, f"« {k} » de l'échéancier de « {nom} »") for k, v in regles.items()}

    @classmethod
    def depuis_cas(cls, cas: object, **options: object) -> Tresorerie:
        """La trésorerie du plan de la section ``financement`` d'un cas (objet chargé ou identifiant) ;
        un cas sans cette section lève :class:`~mba_territoires.erreurs.ErreurCas` (fichier, section, correction).

        >>> round(Tresorerie.depuis_cas("ecole-jules-ferry").besoin_relais) > 0
        True
        """
        return cls(PlanDeFinancement.depuis_cas(cas), **options)  # type: ignore[arg-type]

    def _regles(self, nom: str, nature: str) -> tuple[float | None, float | None, str]:
        """L'avance, le cumul d'acomptes et le régime appliqués à un financeur."""
        p = self.plan.parametres
        regime, hypothese = regime_versements(nature, self.plan.date)
        avance, acomptes = self.avance, None
        if hypothese and nature not in DOTATIONS_ETAT:
            avance = float(p["versements.hypothese_autres_avance"])
            acomptes = float(p["versements.hypothese_autres_acomptes_max"])
        if nature == "europe":
            avance = 0.0  # FEDER, LEADER : le porteur préfinance
        if nom in self.echeanciers:
            avance = self.echeanciers[nom].get("avance", avance)
            acomptes = self.echeanciers[nom].get("acomptes_max", acomptes)
            regime = "hypothèse éditable saisie pour ce financeur"
        return avance, acomptes, regime

    def hypotheses(self) -> list[str]:
        """Les échéanciers qui sont des hypothèses, pas des textes, un par financeur concerné.

        >>> from mba_territoires.financement import PlanDeFinancement
        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.ajouter_financeur("Région", montant=20_000)
        >>> Tresorerie(plan).hypotheses()[0].startswith("« Région »")
        True
        """
        lignes = []
        for f in self.plan.financeurs:
            avance, acomptes, regime = self._regles(f.nom, str(f.nature))
            if "hypothèse" in regime:
                detail = []
                if avance is not None:
                    detail.append(f"avance {pourcentage(avance, 0)}")
                if acomptes is not None:
                    detail.append(f"acomptes jusqu'à {pourcentage(acomptes, 0)}")
                lignes.append(f"« {f.nom} » : {regime}" + (f" ({', '.join(detail)})" if detail else ""))
        return lignes

    def versements(self) -> list[Versement]:
        """Tous les versements attendus des financeurs, dans l'ordre des années."""
        plan = self.plan
        resultat: list[Versement] = []
        for f in plan.financeurs:
            lignes = [d for d in plan.depenses if not f.lignes or d.libelle in f.lignes]
            par_annee: dict[int, float] = {}
            for d in lignes:
                for a, part in plan.calendrier_depense(d).items():
                    par_annee[a] = par_annee.get(a, 0.0) + d.montant_ht * part
            avance, acomptes, regime = self._regles(f.nom, str(f.nature))
            resultat += echeancier_subvention(f.nom, plan.montant(f.nom), par_annee, plan.annee, avance,
                                              f.decalage, self.delai_solde, date=plan.date,
                                              acomptes_max=acomptes, regime=regime)
        return sorted(resultat, key=lambda v: v.annee)

    def tableau_versements(self) -> pd.DataFrame:
        """Les versements attendus : financeur, année, étape (avance, acompte, solde), montant.

        >>> from mba_territoires.financement import PlanDeFinancement
        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.ajouter_financeur("DETR", taux=0.30)
        >>> Tresorerie(plan).tableau_versements()["etape"].tolist()
        ['avance', 'acompte', 'solde']
        """
        import pandas as pd

        return pd.DataFrame([{"financeur": v.financeur, "annee": v.annee, "etape": v.etape, "montant": v.montant,
                              "regime": v.regime} for v in self.versements()],
                            columns=["financeur", "annee", "etape", "montant", "regime"])

    def tableau(self) -> pd.DataFrame:
        """Une ligne par année : dépenses TTC, subventions, FCTVA, emprunt, apport du maître d'ouvrage,
        recettes, solde de l'année et cumul (montants en euros)."""
        import pandas as pd

        plan = self.plan
        ht = plan.depenses_par_annee()
        ttc = plan.depenses_par_annee(ttc=True)
        fctva = plan.fctva()
        subventions: dict[int, float] = {}
        for v in self.versements():
            subventions[v.annee] = subventions.get(v.annee, 0.0) + v.montant
        tva_non_compensee = max(0.0, plan.cout_tva - sum(fctva.versements.values()))
        apport_total = plan.fonds_propres + tva_non_compensee
        annees = sorted(set(ht) | set(subventions) | set(fctva.versements))
        if not annees:
            annees = [plan.annee]
        annees = list(range(annees[0], annees[-1] + 1))
        cout = plan.cout_ht or 1.0
        lignes = []
        cumul = 0.0
        # L'emprunt et l'apport suivent les dépenses HT ; la dernière année de dépense prend le reste des
        # arrondis, pour que le cumul final tombe juste.
        derniere = max((a for a in ht if ht[a] > 0), default=None)
        emprunt_verse = apport_verse = 0.0
        for a in annees:
            part = ht.get(a, 0.0) / cout if plan.cout_ht else 0.0
            emprunt = round(plan.emprunt * part, 2) if a != derniere else round(plan.emprunt - emprunt_verse, 2)
            apport = round(apport_total * part, 2) if a != derniere else round(apport_total - apport_verse, 2)
            emprunt_verse, apport_verse = emprunt_verse + emprunt, apport_verse + apport
            ligne = {
                "annee": a,
                "depenses_ttc": ttc.get(a, 0.0),
                "subventions": round(subventions.get(a, 0.0), 2),
                "fctva": fctva.versements.get(a, 0.0),
                "emprunt": emprunt,
                "apport_maitre_ouvrage": apport,
            }
            ligne["recettes"] = round(ligne["subventions"] + ligne["fctva"] + ligne["emprunt"]
                                      + ligne["apport_maitre_ouvrage"], 2)
            ligne["solde"] = round(ligne["recettes"] - ligne["depenses_ttc"], 2)
            cumul = round(cumul + ligne["solde"], 2)
            ligne["cumul"] = cumul
            lignes.append(ligne)
        return pd.DataFrame(lignes).set_index("annee")

    @property
    def besoin_relais(self) -> float:
        """Le plus fort découvert de fin d'année à préfinancer (0 si le cumul ne devient jamais négatif)."""
        return round(max(0.0, -float(self.tableau()["cumul"].min())), 2)

    @property
    def annee_besoin_max(self) -> int | None:
        """L'année du plus fort découvert (``None`` s'il n'y en a pas)."""
        t = self.tableau()
        return int(t["cumul"].idxmin()) if self.besoin_relais > 0 else None

    @property
    def cout_relais(self) -> float:
        """Le coût d'un crédit relais : taux court terme × découvert de chaque fin d'année."""
        t = self.tableau()
        return round(float(sum(max(0.0, -c) for c in t["cumul"])) * self.taux_court_terme, 2)

    def graphique(self) -> Figure:
        """La courbe du cumul de trésorerie (voir :mod:`mba_territoires.affichage.graphiques_financement`)."""
        from .affichage.graphiques_financement import graphique_tresorerie

        return graphique_tresorerie(self)

    def __repr__(self) -> str:
        return f"Tresorerie({self.plan.titre!r}, besoin relais {self.besoin_relais:.2f} €)"

    def _repr_html_(self) -> str:
        t = self.tableau()
        noms = {"depenses_ttc": "Dépenses TTC", "subventions": "Subventions et mécénat", "fctva": "FCTVA",
                "emprunt": "Emprunt", "apport_maitre_ouvrage": "Apport du maître d'ouvrage",
                "recettes": "Total des encaissements", "solde": "Solde de l'année", "cumul": "Trésorerie cumulée"}
        from .affichage.html import tableau_html

        tableau = tableau_html([[libelle, *[euros(v, 0) for v in t[col]]] for col, libelle in noms.items()],
                               ["Poste", *[str(a) for a in t.index]],
                               legende=f"Plan de trésorerie — {self.plan.titre}")
        hypotheses = "".join(f"<li>{escape(h)}</li>" for h in self.hypotheses())
        hypotheses = f"<p>Échéanciers supposés (hypothèses éditables) :</p><ul>{hypotheses}</ul>" if hypotheses else ""
        besoin = (f"Besoin de crédit relais : <strong>{euros(self.besoin_relais)}</strong> "
                  f"(fin {self.annee_besoin_max}) ; "
                  f"coût estimé au taux de {pourcentage(self.taux_court_terme)} : {euros(self.cout_relais)}."
                  if self.besoin_relais else "Aucun besoin de crédit relais : la trésorerie cumulée reste positive.")
        return (f"{tableau}<p>{besoin}</p>{hypotheses}"
                f"<p style='font-size:85%'>Taux court terme : {escape(self.source_taux)}</p>")


# ---------------------------------------------------------------------------
# Caducité
# ---------------------------------------------------------------------------

def _plus_ans(jour: _dt.date, ans: int) -> _dt.date:
    annee = jour.year + ans
    return jour.replace(year=annee, day=min(jour.day, calendar.monthrange(annee, jour.month)[1]))


@dataclass(frozen=True)
class Caducite:
    """Les dates limites d'une subvention DETR ou DSIL (CGCT R2334-28 et R2334-29)."""

    #: La date de notification de la subvention.
    notification: _dt.date
    #: Le commencement prévu (ou ``None``).
    commencement: _dt.date | None
    #: L'achèvement prévu (ou ``None``).
    achevement: _dt.date | None
    #: La date limite de commencement (notification + 2 ans).
    limite_commencement: _dt.date
    #: La date limite de commencement après prorogation (+ 1 an).
    limite_commencement_prorogee: _dt.date
    #: La date limite d'achèvement (commencement + 4 ans), si le commencement est connu.
    limite_achevement: _dt.date | None
    #: La date limite d'achèvement après prorogation (+ 2 ans).
    limite_achevement_prorogee: _dt.date | None
    #: Les sources citées (R2334-28, R2334-29).
    sources: tuple[str, str]

    def verdicts(self) -> Verdicts:
        """Le commencement et l'achèvement prévus, face aux dates limites (chiffres : ``prorogeable`` vaut 1
        si la prorogation suffirait, 0 sinon ; ``jours_de_retard`` après la limite non prorogée).

        >>> v = caducite("2026-06-15", commencement="2028-09-01").verdicts()["caducite_commencement"]
        >>> v.respectee, v.chiffres["prorogeable"]
        (False, 1.0)
        """
        resultat = []
        if self.commencement is not None:
            ok = self.commencement <= self.limite_commencement
            prorogeable = self.commencement <= self.limite_commencement_prorogee
            conseil = "" if ok else (
                f"demandez la prorogation d'un an (limite portée au {date_fr(self.limite_commencement_prorogee)})"
                if prorogeable else "avancez le démarrage : même prorogée, la subvention deviendrait caduque")
            resultat.append(Verdict(
                "caducite_commencement", "Commencement dans le délai suivant la notification (caducité)", ok,
                f"commencement prévu le {date_fr(self.commencement)} ; limite le {date_fr(self.limite_commencement)}",
                conseil, self.sources[0], article="R2334-28",
                chiffres={"prorogeable": float(prorogeable),
                          "jours_de_retard": float(max(0, (self.commencement - self.limite_commencement).days))}))
        if self.achevement is not None and self.limite_achevement is not None:
            ok = self.achevement <= self.limite_achevement
            limite = self.limite_achevement_prorogee
            prorogeable = limite is not None and self.achevement <= limite
            conseil = "" if ok else (
                f"demandez la prorogation de deux ans (limite portée au {date_fr(self.limite_achevement_prorogee)})"
                if prorogeable and self.limite_achevement_prorogee else
                "resserrez le planning : au-delà, plus aucun paiement n'est possible")
            resultat.append(Verdict(
                "caducite_achevement", "Achèvement dans le délai suivant le commencement (caducité)", ok,
                f"achèvement prévu le {date_fr(self.achevement)} ; limite le {date_fr(self.limite_achevement)}",
                conseil, self.sources[1], article="R2334-29",
                chiffres={"prorogeable": float(prorogeable),
                          "jours_de_retard": float(max(0, (self.achevement - self.limite_achevement).days))}))
        return Verdicts(resultat, titre="Caducité de la subvention (DETR, DSIL)")

    def _repr_html_(self) -> str:
        lignes = [("Notification", self.notification), ("Commencer avant le", self.limite_commencement),
                  ("… ou, prorogé, avant le", self.limite_commencement_prorogee),
                  ("Commencement prévu", self.commencement), ("Achever avant le", self.limite_achevement),
                  ("… ou, prorogé, avant le", self.limite_achevement_prorogee), ("Achèvement prévu", self.achevement)]
        from .affichage.html import tableau_html

        tableau = tableau_html([[a, date_fr(b)] for a, b in lignes if b], ["Étape", "Date"],
                               legende="Caducité de la subvention")
        verdicts = "".join(f"<li>{escape(str(v).splitlines()[0])}</li>" for v in self.verdicts())
        return f"{tableau}<ul>{verdicts}</ul>"


def caducite(notification: _dt.date | str, commencement: _dt.date | str | None = None,
             achevement: _dt.date | str | None = None, annee: int | None = None, *,
             date: _dt.date | str | None = None) -> Caducite:
    """Les dates limites d'une subvention DETR/DSIL notifiée le ``notification`` (CGCT R2334-28 et R2334-29).

    C'est la seule implémentation de cette règle dans le paquet : le planning l'appelle. Les délais
    sont ceux en vigueur à la ``date`` donnée, par défaut la date de notification (``annee`` : ancienne
    forme, le 1er janvier de cette année).

    >>> c = caducite("2026-06-15", commencement="2027-03-01", achevement="2031-06-01")
    >>> c.limite_commencement, c.limite_achevement
    (datetime.date(2028, 6, 15), datetime.date(2031, 3, 1))
    >>> [v.respectee for v in c.verdicts()]
    [True, False]
    """
    if notification is None:
        raise ErreurDonnees("la date de notification manque", conseil="écrivez-la AAAA-MM-JJ")
    notif = saisie.date(notification, "la date de notification")
    debut = None if commencement is None else saisie.date(commencement, "la date de commencement")
    fin = None if achevement is None else saisie.date(achevement, "la date d'achèvement")
    if date is not None:
        jour = saisie.date(date, "la date des règles appliquées", annee_seule=True)
    elif annee is not None:
        jour = _dt.date(saisie.annee(annee), 1, 1)
    else:
        jour = notif
    p = parametres_du(jour)
    if debut is not None and fin is not None and fin < debut:
        raise ErreurDonnees(f"l'achèvement ({date_fr(fin)}) précède le commencement ({date_fr(debut)})",
                            conseil="vérifiez l'ordre des deux dates")
    n_debut, p_debut = int(p["caducite.delai_commencement"]), int(p["caducite.prorogation_commencement"])
    n_fin, p_fin = int(p["caducite.delai_achevement"]), int(p["caducite.prorogation_achevement"])
    limite = _plus_ans(notif, n_debut)
    return Caducite(
        notif, debut, fin, limite, _plus_ans(limite, p_debut),
        _plus_ans(debut, n_fin) if debut else None, _plus_ans(debut, n_fin + p_fin) if debut else None,
        (p.parametre("caducite.delai_commencement").citation(), p.parametre("caducite.delai_achevement").citation()))
