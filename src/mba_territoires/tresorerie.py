"""Versements des subventions, caducité et plan de trésorerie annuel d'une opération.

Une subvention d'investissement de l'État se verse en trois temps (décret 2018-514, art. 12) :
une avance au commencement (30 % au plus), des acomptes au fil des dépenses (80 % au plus en
cumul), puis le solde sur justificatifs. Le FCTVA arrive un ou deux ans après la dépense. Entre les
deux, la commune paie les factures TTC : :class:`Tresorerie` chiffre ce besoin de préfinancement
(le « relais ») et son coût.

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
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from .erreurs import ErreurDonnees
from .financement import PlanDeFinancement, Verdict, _montant, _taux
from .formats import date_fr, euros, pourcentage
from .parametres import parametres

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["Caducite", "Tresorerie", "Versement", "caducite", "echeancier_subvention"]


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


def echeancier_subvention(financeur: str, montant: float, depenses_par_annee: dict[int, float],
                          annee: int = 2026, avance: float | None = None, decalage: int = 0,
                          delai_solde: int | None = None) -> list[Versement]:
    """Les versements d'une subvention : avance la première année de dépense, acomptes au rythme des
    dépenses (cumul plafonné à 80 %, 90 % au-delà de 48 mois), solde après l'achèvement.

    ``avance`` : le taux d'avance (par défaut le maximum, ``versements.avance_max``) ; 0 pour un
    financeur qui paie sur dépenses acquittées (FEDER, LEADER) ; ``decalage`` : années de retard.

    >>> [(v.annee, v.etape, v.montant) for v in echeancier_subvention("DETR", 276_000, {2026: 1.0})]
    [(2026, 'avance', 82800.0), (2026, 'acompte', 138000.0), (2027, 'solde', 55200.0)]
    """
    p = parametres(annee)
    montant = _montant(montant, financeur)
    taux_avance = float(p["versements.avance_max"]) if avance is None else _taux(avance, financeur, "le taux d'avance")
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
    taux_avance = min(taux_avance, plafond)
    versements: list[Versement] = []
    verse, cumul = 0.0, 0.0
    for i, a in enumerate(annees):
        cumul += depenses_par_annee[a] / total
        if i == 0 and taux_avance > 0:
            versements.append(Versement(financeur, a + decalage, "avance", round(taux_avance * montant, 2)))
            verse = round(taux_avance * montant, 2)
        cible = round(min(plafond, max(taux_avance, cumul)) * montant, 2)
        if cible > verse + 0.005:
            versements.append(Versement(financeur, a + decalage, "acompte", round(cible - verse, 2)))
            verse = cible
    versements.append(Versement(financeur, annees[-1] + delai_solde + decalage, "solde", round(montant - verse, 2)))
    return versements


class Tresorerie:
    """Le plan de trésorerie annuel d'une opération : dépenses TTC, versements, FCTVA, emprunt, apport du
    maître d'ouvrage, solde et cumul ; le besoin de crédit relais et son coût.

    Hypothèses : l'emprunt et l'apport du maître d'ouvrage suivent le rythme des dépenses HT ; l'apport
    couvre aussi la TVA que le FCTVA ne compense pas ; les financeurs privés suivent le même
    échéancier que les subventions ; le coût du relais est le taux court terme appliqué au découvert de
    fin d'année (``finances_locales.taux_credit_court_terme``).

    >>> from mba_territoires.financement import PlanDeFinancement
    >>> plan = PlanDeFinancement("École")
    >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
    >>> t = Tresorerie(plan)
    >>> t.tableau().loc[2026, "depenses_ttc"], round(t.tableau()["solde"].sum(), 2)
    (np.float64(120000.0), np.float64(0.0))
    """

    def __init__(self, plan: PlanDeFinancement, avance: float | None = None,
                 taux_court_terme: float | None = None, delai_solde: int | None = None) -> None:
        if not isinstance(plan, PlanDeFinancement):
            raise ErreurDonnees(f"Tresorerie attend un PlanDeFinancement, pas {type(plan).__name__}",
                                conseil="construisez d'abord le plan : PlanDeFinancement(...)")
        self.plan = plan
        p = plan.parametres
        self.avance = avance
        self.delai_solde = delai_solde
        cle = "finances_locales.taux_credit_court_terme"
        self.taux_court_terme = float(p[cle]) if taux_court_terme is None else _taux(
            taux_court_terme, "crédit relais", "le taux court terme")
        self.source_taux = p.parametre(cle).citation()

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
            avance = 0.0 if f.nature == "europe" else self.avance
            resultat += echeancier_subvention(f.nom, plan.montant(f.nom), par_annee, plan.annee, avance,
                                              f.decalage, self.delai_solde)
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

        return pd.DataFrame([{"financeur": v.financeur, "annee": v.annee, "etape": v.etape, "montant": v.montant}
                             for v in self.versements()], columns=["financeur", "annee", "etape", "montant"])

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
        entete = "".join(f"<th scope='col'>{a}</th>" for a in t.index)
        corps = "".join(
            f"<tr><th scope='row'>{escape(libelle)}</th>"
            + "".join(f"<td style='text-align:right'>{euros(v, 0)}</td>" for v in t[col]) + "</tr>"
            for col, libelle in noms.items())
        besoin = (f"Besoin de crédit relais : <strong>{euros(self.besoin_relais)}</strong> "
                  f"(fin {self.annee_besoin_max}) ; "
                  f"coût estimé au taux de {pourcentage(self.taux_court_terme)} : {euros(self.cout_relais)}."
                  if self.besoin_relais else "Aucun besoin de crédit relais : la trésorerie cumulée reste positive.")
        return (f"<table><caption>Plan de trésorerie — {escape(self.plan.titre)}</caption><thead><tr><th></th>"
                f"{entete}</tr></thead><tbody>{corps}</tbody></table><p>{besoin}</p>"
                f"<p style='font-size:85%'>Taux court terme : {escape(self.source_taux)}</p>")


# ---------------------------------------------------------------------------
# Caducité
# ---------------------------------------------------------------------------

def _plus_ans(jour: _dt.date, ans: int) -> _dt.date:
    annee = jour.year + ans
    return jour.replace(year=annee, day=min(jour.day, calendar.monthrange(annee, jour.month)[1]))


def _date(valeur: object, quoi: str) -> _dt.date | None:
    if valeur is None:
        return None
    if isinstance(valeur, _dt.datetime):
        return valeur.date()
    if isinstance(valeur, _dt.date):
        return valeur
    if isinstance(valeur, str):
        try:
            return _dt.date.fromisoformat(valeur.strip())
        except ValueError:
            pass
    raise ErreurDonnees(f"{quoi} vaut {valeur!r}, ce n'est pas une date",
                        conseil="écrivez la date AAAA-MM-JJ, par exemple \"2026-06-15\"")


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

    def verdicts(self) -> list[Verdict]:
        """Le commencement et l'achèvement prévus, face aux dates limites."""
        resultat = []
        if self.commencement is not None:
            ok = self.commencement <= self.limite_commencement
            prorogeable = self.commencement <= self.limite_commencement_prorogee
            conseil = "" if ok else (
                f"demandez la prorogation d'un an (limite portée au {date_fr(self.limite_commencement_prorogee)})"
                if prorogeable else "avancez le démarrage : même prorogée, la subvention deviendrait caduque")
            resultat.append(Verdict(
                "caducite_commencement", "Commencement dans les deux ans suivant la notification", ok,
                f"commencement prévu le {date_fr(self.commencement)} ; limite le {date_fr(self.limite_commencement)}",
                conseil, self.sources[0]))
        if self.achevement is not None and self.limite_achevement is not None:
            ok = self.achevement <= self.limite_achevement
            limite = self.limite_achevement_prorogee
            prorogeable = limite is not None and self.achevement <= limite
            conseil = "" if ok else (
                f"demandez la prorogation de deux ans (limite portée au {date_fr(self.limite_achevement_prorogee)})"
                if prorogeable and self.limite_achevement_prorogee else
                "resserrez le planning : au-delà, plus aucun paiement n'est possible")
            resultat.append(Verdict(
                "caducite_achevement", "Achèvement dans les quatre ans suivant le commencement", ok,
                f"achèvement prévu le {date_fr(self.achevement)} ; limite le {date_fr(self.limite_achevement)}",
                conseil, self.sources[1]))
        return resultat

    def _repr_html_(self) -> str:
        lignes = [("Notification", self.notification), ("Commencer avant le", self.limite_commencement),
                  ("… ou, prorogé, avant le", self.limite_commencement_prorogee),
                  ("Commencement prévu", self.commencement), ("Achever avant le", self.limite_achevement),
                  ("… ou, prorogé, avant le", self.limite_achevement_prorogee), ("Achèvement prévu", self.achevement)]
        corps = "".join(f"<tr><th scope='row'>{escape(a)}</th><td>{date_fr(b)}</td></tr>" for a, b in lignes if b)
        verdicts = "".join(f"<li>{escape(str(v).splitlines()[0])}</li>" for v in self.verdicts())
        return f"<table><caption>Caducité de la subvention</caption>{corps}</table><ul>{verdicts}</ul>"


def caducite(notification: _dt.date | str, commencement: _dt.date | str | None = None,
             achevement: _dt.date | str | None = None, annee: int = 2026) -> Caducite:
    """Les dates limites d'une subvention DETR/DSIL notifiée le ``notification``.

    >>> c = caducite("2026-06-15", commencement="2027-03-01", achevement="2031-06-01")
    >>> c.limite_commencement, c.limite_achevement
    (datetime.date(2028, 6, 15), datetime.date(2031, 3, 1))
    >>> [v.respectee for v in c.verdicts()]
    [True, False]
    """
    p = parametres(annee)
    notif = _date(notification, "la date de notification")
    if notif is None:
        raise ErreurDonnees("la date de notification manque", conseil="écrivez-la AAAA-MM-JJ")
    debut = _date(commencement, "la date de commencement")
    fin = _date(achevement, "la date d'achèvement")
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
