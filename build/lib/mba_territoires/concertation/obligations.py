"""Les obligations légales de participation du public d'un projet, procédure par procédure.

:func:`obligations` dit, à partir de la nature et des chiffres du projet (:class:`FicheProjet`),
quelles procédures s'appliquent : concertation du code de l'urbanisme, saisine de la CNDP,
concertation préalable du code de l'environnement, enquête publique, consultation du public
parallèle de l'autorisation environnementale (C. env. L181-10-1), participation par voie
électronique. Chaque seuil et chaque durée vient de ``parametres(date)`` à la **date de la fiche**
(le dépôt de la demande ou la décision jugée) ; un chiffre « à vérifier » est signalé dans le
verdict (:meth:`Procedure.verdict`).

>>> fiche = FicheProjet("Réseau cyclable", nature="amenagement", cout_ht=4_200_000,
...                     montant_voirie_zone_urbanisee_ht=2_100_000, date="2026-03-01")
>>> [p.nom for p in obligations(fiche).obligatoires()]
["Concertation du code de l'urbanisme"]
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .. import saisie
from ..erreurs import ErreurMontant, ErreurSaisie

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..cas import Cas
    from ..parametres import Parametre, Parametres
    from ..verdicts import Verdict, Verdicts

__all__ = ["NATURES_PROJET", "FicheProjet", "Obligations", "Procedure", "fiche_du_cas", "obligations"]

#: Les natures de projet reconnues, et ce qu'elles recouvrent.
NATURES_PROJET: dict[str, str] = {
    "document_urbanisme": "élaboration ou révision d'un SCoT ou d'un PLU",
    "zac": "création d'une zone d'aménagement concerté (ZAC)",
    "renouvellement_urbain": "projet de renouvellement urbain",
    "amenagement": "opération d'aménagement ou de construction, voirie comprise (piste cyclable, place...)",
    "equipement": "construction ou rénovation d'un équipement public (école, gymnase...)",
}

#: Les mots du métier acceptés pour chaque nature (sans casse ni accents).
SYNONYMES_NATURES: dict[str, tuple[str, ...]] = {
    "document_urbanisme": ("PLU", "PLUi", "SCoT", "document d'urbanisme"),
    "zac": ("zone d'aménagement concerté",),
    "renouvellement_urbain": ("NPNRU", "ANRU"),
    "amenagement": ("aménagement", "voirie", "piste cyclable"),
    "equipement": ("équipement", "équipement public", "bâtiment"),
}

Statut = Literal["obligatoire", "possible", "non requise", "incertain"]

#: Les noms des procédures, dans l'ordre chronologique d'un projet.
URBANISME = "Concertation du code de l'urbanisme"
CNDP = "Saisine de la CNDP"
PREALABLE = "Concertation préalable (code de l'environnement)"
ENQUETE = "Enquête publique"
PARALLELE = "Consultation du public parallèle (autorisation environnementale)"
ELECTRONIQUE = "Participation du public par voie électronique"

_SYNONYMES_PROCEDURES: dict[str, tuple[str, ...]] = {
    URBANISME: ("concertation urbanisme", "L103-2"),
    CNDP: ("CNDP", "débat public"),
    PREALABLE: ("concertation préalable",),
    ENQUETE: ("enquête", "EP"),
    PARALLELE: ("consultation parallèle", "L181-10-1"),
    ELECTRONIQUE: ("PPVE", "participation électronique", "voie électronique"),
}


def _date_par_defaut(annee: int) -> _dt.date:
    return _dt.date(annee, 1, 1)


@dataclass(frozen=True)
class FicheProjet:
    """Ce que la loi regarde d'un projet pour dire quelles procédures de participation s'appliquent.

    ``date`` est la date à laquelle on juge le projet (dépôt de la demande d'autorisation, délibération
    qui lance la concertation) : les seuils et les durées sont ceux en vigueur ce jour-là. Sans date,
    le 1er janvier 2026 (le tableau des obligations le rappelle).

    >>> FicheProjet("Réseau cyclable", "amenagement", 4_200_000).depenses_publiques
    4200000.0
    >>> FicheProjet("Réseau cyclable", "Aménagement", 4_200_000).nature
    'amenagement'
    >>> FicheProjet("Réseau cyclable", "amenagement", "4200000")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurMontant: le coût du projet « Réseau cyclable » vaut le texte '4200000', pas un nombre.
    Conseil : écrivez le nombre sans guillemets, sans espace ni symbole, avec un point pour la virgule : 4200000.
    """

    #: L'intitulé du projet.
    intitule: str
    #: La nature du projet, une clé de :data:`NATURES_PROJET` (``"amenagement"``, ``"zac"``...) ; casse et
    #: accents indifférents (« Aménagement », « PLU »).
    nature: str
    #: Le coût total estimé, en euros HT.
    cout_ht: float
    #: Vrai si le projet est soumis à évaluation environnementale (C. env. L122-1 : systématique ou
    #: après examen au cas par cas).
    evaluation_environnementale: bool = False
    #: Les dépenses publiques prévues (maîtrise d'ouvrage publique ou subventions), en euros HT ;
    #: ``None`` : tout le coût (projet porté par une collectivité).
    depenses_publiques_ht: float | None = None
    #: La part du coût qui est un investissement de voirie dans la partie urbanisée d'une commune (C. urb. R103-1).
    montant_voirie_zone_urbanisee_ht: float = 0.0
    #: Vrai si le projet relève d'une catégorie du tableau de l'art. R121-2 du C. env. (autoroute, voie ferrée...).
    categorie_cndp: bool = False
    #: Vrai si le projet exige une déclaration d'utilité publique pour exproprier.
    expropriation: bool = False
    #: Vrai si le projet soumis à évaluation environnementale est dispensé d'enquête publique (L123-2).
    dispense_enquete_publique: bool = False
    #: Vrai si le projet relève de l'autorisation environnementale (C. env. L181-1 : installation classée,
    #: loi sur l'eau...) : sa participation du public suit alors L181-10-1.
    autorisation_environnementale: bool = False
    #: La date à laquelle on juge le projet (``date``, ``"2026-03-01"`` ou ``"01/03/2026"``).
    date: _dt.date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "intitule", saisie.texte(self.intitule, "l'intitulé du projet"))
        object.__setattr__(self, "nature", saisie.choix(self.nature, NATURES_PROJET, "la nature de projet",
                                                        synonymes=SYNONYMES_NATURES))
        cout = saisie.montant(self.cout_ht, f"le coût du projet « {self.intitule} »")
        voirie = saisie.montant(self.montant_voirie_zone_urbanisee_ht, "le montant de voirie en zone urbanisée")
        object.__setattr__(self, "cout_ht", cout)
        object.__setattr__(self, "montant_voirie_zone_urbanisee_ht", voirie)
        if self.depenses_publiques_ht is not None:
            object.__setattr__(self, "depenses_publiques_ht",
                               saisie.montant(self.depenses_publiques_ht, "le montant des dépenses publiques"))
        if self.date is not None:
            object.__setattr__(self, "date", saisie.date(self.date, "la date de la fiche projet"))
        if voirie > cout:
            from ..formats import euros, texte_brut

            raise ErreurMontant(
                f"la voirie en zone urbanisée ({texte_brut(euros(voirie, 0))} HT) dépasse le coût total du projet "
                f"({texte_brut(euros(cout, 0))} HT)",
                conseil="ne comptez dans ce montant que la partie du coût située en zone urbanisée",
            )

    @property
    def depenses_publiques(self) -> float:
        """Les dépenses publiques retenues (tout le coût si rien n'est précisé)."""
        return float(self.cout_ht if self.depenses_publiques_ht is None else self.depenses_publiques_ht)

    @classmethod
    def depuis_cas(cls, cas: Cas | str) -> FicheProjet:
        """La fiche projet d'un cas (section ``concertation`` de ``cas.yaml``) ; un slug suffit.

        La date est celle de la section (``date_reference``) ou, à défaut, le 1er janvier de l'année du cas.

        >>> FicheProjet.depuis_cas("reseau-cyclable").nature
        'amenagement'
        """
        from ..depuis_cas import cas_depuis, section_du_cas

        cas = cas_depuis(cas, "la fiche projet")
        s = section_du_cas(cas, "concertation", "la fiche projet (FicheProjet.depuis_cas)")
        date = s.date_reference or _date_par_defaut(int(cas.annee))
        return cls(
            intitule=cas.projet.intitule, nature=s.nature, cout_ht=cas.projet.cout_estime_ht,
            evaluation_environnementale=s.evaluation_environnementale, depenses_publiques_ht=s.depenses_publiques_ht,
            montant_voirie_zone_urbanisee_ht=s.montant_voirie_zone_urbanisee_ht, categorie_cndp=s.categorie_cndp,
            expropriation=s.expropriation, dispense_enquete_publique=s.dispense_enquete_publique,
            autorisation_environnementale=s.autorisation_environnementale, date=date)


@dataclass(frozen=True)
class Procedure:
    """Une procédure de participation du public et son statut pour le projet (ses données) ;
    :meth:`verdict` en fait un :class:`~mba_territoires.verdicts.Verdict`."""

    #: Le nom de la procédure.
    nom: str
    #: ``obligatoire``, ``possible``, ``non requise`` ou ``incertain`` (le droit ne tranche pas ici).
    statut: Statut
    #: Pourquoi : la règle et les chiffres du projet comparés au seuil.
    motif: str
    #: Les articles à citer.
    articles: str
    #: Qui décide (de l'organiser, de ses modalités).
    decideur: str
    #: La durée, en toutes lettres.
    duree: str
    #: La durée minimale en jours, si la loi en fixe une.
    duree_min_jours: int | None = None
    #: Vrai si un chiffre utilisé attend une confirmation : le verdict le dit.
    a_verifier: bool = False
    #: L'identifiant de la règle (``"concertation.enquete_publique"``).
    regle: str = ""
    #: Les chiffres qui fondent le statut (seuil, montant du projet, durées), par libellé.
    chiffres: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    #: Les sources des paramètres utilisés, avec leur date d'effet.
    sources: str = ""

    def __str__(self) -> str:
        texte = f"{self.nom} : {self.statut}. {self.motif} ({self.articles})"
        return texte + (" — chiffre à vérifier" if self.a_verifier else "")

    def verdict(self, prevue: bool | None = None) -> Verdict:
        """Le verdict de la procédure : « sans objet » si elle n'est pas requise ; si elle est obligatoire,
        « respectée » seulement quand ``prevue=True`` (elle figure au calendrier du projet).

        >>> p = obligations(FicheProjet("Gymnase", "equipement", 2_000_000, expropriation=True)).procedure("enquête")
        >>> p.verdict(prevue=True).statut, p.verdict().statut
        ('respectée', 'non respectée')
        """
        from ..verdicts import Verdict

        if self.statut == "obligatoire":
            respectee = prevue is True
            suite = {True: " ; elle figure au calendrier du projet",
                     False: " ; elle manque au calendrier du projet",
                     None: " ; à inscrire au calendrier du projet"}[prevue]
            conseil = "" if respectee else f"prévoyez-la : {self.duree} ; {self.decideur}"
        else:
            respectee, suite = True, ""
            conseil = f"à décider : {self.decideur}" if self.statut in ("possible", "incertain") else ""
        if self.statut == "incertain":
            conseil = (conseil + " ; le droit ne tranche pas ici : faites confirmer par le service juridique"
                       ).lstrip(" ;")
        return Verdict(regle=self.regle or "concertation", intitule=f"{self.nom} : {self.statut}",
                       respectee=respectee, constat=self.motif + suite, conseil=conseil,
                       source=self.sources or self.articles, applicable=self.statut != "non requise",
                       a_verifier=self.a_verifier or self.statut == "incertain", chiffres=dict(self.chiffres),
                       article=self.articles)


@dataclass(frozen=True)
class Obligations:
    """Le verdict des obligations de participation d'un projet, procédure par procédure.

    >>> o = obligations(FicheProjet("Gymnase", "equipement", 2_000_000))
    >>> o.procedure("Enquête publique").statut
    'non requise'
    """

    #: Le projet examiné.
    fiche: FicheProjet
    #: Les procédures, dans l'ordre chronologique d'un projet.
    procedures: tuple[Procedure, ...]
    #: L'année des paramètres réglementaires utilisés.
    annee: int
    #: La date à laquelle le projet est jugé (celle de la fiche, ou le 1er janvier de ``annee``).
    date: _dt.date | None = None

    def obligatoires(self) -> list[Procedure]:
        """Les procédures obligatoires."""
        return [p for p in self.procedures if p.statut == "obligatoire"]

    def procedure(self, nom: str) -> Procedure:
        """Une procédure par son nom (casse et accents indifférents, « PPVE », « CNDP », « enquête »...)."""
        noms = [p.nom for p in self.procedures]
        synonymes = {n: _SYNONYMES_PROCEDURES.get(n, ()) for n in noms}
        return self.procedures[noms.index(saisie.choix(nom, noms, "la procédure", synonymes=synonymes))]

    def verdicts(self, prevues: Any = None) -> Verdicts:
        """Les verdicts de toutes les procédures ; ``prevues`` : les noms des procédures inscrites au
        calendrier du projet (``None`` : on ne sait pas, une procédure obligatoire reste « à prévoir »).

        >>> o = obligations(FicheProjet("Gymnase", "equipement", 2_000_000, expropriation=True))
        >>> [v.statut for v in o.verdicts(prevues=["enquête publique"])][3]
        'respectée'
        """
        from ..verdicts import Verdicts

        prevus: set[str] | None = None
        if prevues is not None:
            prevus = {self.procedure(n).nom for n in ([prevues] if isinstance(prevues, str) else prevues)}
        return Verdicts([p.verdict(None if prevus is None else p.nom in prevus) for p in self.procedures])

    @classmethod
    def depuis_cas(cls, cas: Cas | str) -> Obligations:
        """Les obligations du projet d'un cas (sa fiche projet, à sa date) ; un slug suffit.

        >>> [p.nom for p in Obligations.depuis_cas("reseau-cyclable").obligatoires()]
        ["Concertation du code de l'urbanisme"]
        """
        return obligations(FicheProjet.depuis_cas(cas))

    def tableau(self) -> pd.DataFrame:
        """Un tableau (DataFrame) : procédure, statut, motif, articles, décideur, durée."""
        import pandas as pd

        return pd.DataFrame([
            {"procédure": p.nom, "statut": p.statut, "motif": p.motif, "articles": p.articles,
             "qui décide": p.decideur, "durée": p.duree, "à vérifier": p.a_verifier}
            for p in self.procedures
        ])

    def graphique(self) -> Figure:
        """Les durées minimales des procédures requises ou possibles, en barres (matplotlib)."""
        from ..affichage.graphiques_concertation import graphique_obligations

        return graphique_obligations(self)

    def __repr__(self) -> str:
        return f"Obligations({self.fiche.intitule!r}, {len(self.obligatoires())} procédure(s) obligatoire(s))"

    def _repr_html_(self) -> str:
        from html import escape

        from ..affichage.html import Html, tableau_html

        # Teintes assombries de la palette d'Okabe-Ito : contraste d'au moins 4,5:1 sur fond blanc (WCAG 1.4.3).
        couleurs = {"obligatoire": "#B34A00", "possible": "#0072B2", "non requise": "#595959", "incertain": "#8A5A00"}
        lignes = [
            [p.nom, Html(f"<span style='color:{couleurs[p.statut]};font-weight:bold'>{escape(p.statut)}</span>"),
             Html(escape(p.motif) + (" <em>(chiffre à vérifier)</em>" if p.a_verifier else "")),
             p.articles, p.decideur, p.duree]
            for p in self.procedures
        ]
        date = f"au {self.date:%d/%m/%Y}" if self.date else f"paramètres {self.annee}"
        if self.fiche.date is None:
            date += ", date du projet non précisée : donnez-la à la fiche (date=...)"
        return tableau_html(lignes, ["Procédure", "Statut", "Motif", "Articles", "Qui décide", "Durée"],
                            legende=f"Obligations de participation du public — {self.fiche.intitule} ({date})")


def _euros_brut(montant: float) -> str:
    from ..formats import euros, texte_brut

    return texte_brut(euros(montant, 0))


def _parametres_a(date: _dt.date) -> Parametres:
    """Les paramètres en vigueur à ``date`` (format daté), ou ceux de son année (format annuel)."""
    from ..parametres import parametres

    return parametres(date)


def obligations(fiche: FicheProjet, annee: int | None = None) -> Obligations:
    """Les procédures de participation du public qui s'appliquent au projet ``fiche``, à sa date.

    Les seuils et les durées viennent de ``parametres(date)["concertation.…"]`` avec la date de la fiche
    (``annee`` : l'ancienne façon, le 1er janvier de cette année) ; un chiffre non confirmé rend le
    verdict « chiffre à vérifier ». Quand le droit ne tranche pas (un aménagement cyclable est-il
    un « investissement routier » ?), le statut est « incertain » plutôt qu'un verdict deviné.

    >>> fiche = FicheProjet("Réseau cyclable", "amenagement", 4_200_000,
    ...                     montant_voirie_zone_urbanisee_ht=2_100_000)
    >>> p = obligations(fiche).procedure("Concertation du code de l'urbanisme")
    >>> p.statut, p.a_verifier
    ('obligatoire', True)
    """
    if not isinstance(fiche, FicheProjet):
        raise ErreurSaisie(f"obligations() attend une FicheProjet, pas {type(fiche).__name__}",
                           conseil="construisez-la : FicheProjet(\"Mon projet\", \"amenagement\", 4200000), "
                           "ou FicheProjet.depuis_cas(\"reseau-cyclable\")")
    if annee is not None:
        date = _date_par_defaut(saisie.annee(annee, "l'année des paramètres"))
    else:
        date = fiche.date or _date_par_defaut(2026)
    p = _parametres_a(date)
    return Obligations(fiche, tuple(_Regles(fiche, p, date).procedures()), date.year, date)


class _Regles:
    """Les règles, procédure par procédure ; chaque chiffre est lu dans les paramètres à la date du projet."""

    def __init__(self, fiche: FicheProjet, p: Parametres, date: _dt.date) -> None:
        self.fiche, self.p, self.date = fiche, p, date

    # -- lecture des paramètres
    def param(self, cle: str) -> Parametre | None:
        cle = f"concertation.{cle}"
        return self.p.parametre(cle) if cle in self.p else None

    def val(self, cle: str) -> Any:
        return self.p[f"concertation.{cle}"]

    def doute(self, *cles: str) -> bool:
        return any(par is None or par.a_verifier for par in (self.param(c) for c in cles))

    def sources(self, *cles: str) -> str:
        morceaux = []
        for c in cles:
            par = self.param(c)
            morceaux.append(par.citation() if par is not None else f"paramètre « concertation.{c} » absent")
        return " ; ".join(morceaux)

    def procedures(self) -> list[Procedure]:
        urba = self.urbanisme()
        cndp = self.cndp()
        return [urba, cndp, self.prealable(urba, cndp), *self.enquete_et_consultations()]

    # --- Concertation du code de l'urbanisme (L103-2)
    def urbanisme(self) -> Procedure:
        f = self.fiche
        seuil = self.val("urbanisme_investissement_routier_seuil")
        decideur = ("l'organe délibérant (conseil municipal ou communautaire) fixe les objectifs et les modalités "
                    "par délibération, puis arrête le bilan")
        articles = "C. urb., art. L103-2 à L103-6"
        commun = {"regle": "concertation.urbanisme", "sources": self.sources("urbanisme_investissement_routier_seuil")}
        chiffres = {"voirie en zone urbanisée (€ HT)": f.montant_voirie_zone_urbanisee_ht, "seuil (€ HT)": seuil}
        if f.nature in ("document_urbanisme", "zac", "renouvellement_urbain"):
            return Procedure(URBANISME, "obligatoire",
                             f"{NATURES_PROJET[f.nature]} : concertation obligatoire pendant toute l'élaboration du "
                             "projet", articles, decideur,
                             "toute la durée d'élaboration ; modalités libres fixées par délibération",
                             regle="concertation.urbanisme", sources=articles)
        if f.nature == "amenagement":
            doute = self.doute("urbanisme_investissement_routier_seuil")
            if f.montant_voirie_zone_urbanisee_ht > seuil:
                return Procedure(
                    URBANISME, "obligatoire",
                    f"voirie en partie urbanisée de {_euros_brut(f.montant_voirie_zone_urbanisee_ht)} HT, au-delà du "
                    f"seuil de {_euros_brut(seuil)} ; qu'un aménagement cyclable soit un « investissement routier » "
                    "au sens de l'article reste à confirmer",
                    articles + " ; R103-1", decideur, "modalités libres fixées par délibération",
                    a_verifier=doute, chiffres=chiffres, **commun)
            return Procedure(
                URBANISME, "possible",
                f"voirie en partie urbanisée de {_euros_brut(f.montant_voirie_zone_urbanisee_ht)} HT, pas au-delà du "
                f"seuil de {_euros_brut(seuil)} : non obligatoire, mais la collectivité peut en décider",
                articles + " ; R103-1", decideur, "modalités libres fixées par délibération",
                a_verifier=doute, chiffres=chiffres, **commun)
        return Procedure(URBANISME, "non requise", f"{NATURES_PROJET[f.nature]} : hors du champ de l'article L103-2",
                         articles, "—", "—", regle="concertation.urbanisme", sources=articles)

    # --- Saisine de la CNDP (L121-8, R121-2)
    def cndp(self) -> Procedure:
        f = self.fiche
        cles = ("cndp_saisine_obligatoire_cout", "cndp_publication_cout", "debat_public_duree_max")
        haut, bas = self.val(cles[0]), self.val(cles[1])
        prolongation = self.param("debat_public_prolongation_max")
        duree = (f"débat public de {self.val('debat_public_duree_max')} mois au plus ("
                 + (f"prolongeable de {prolongation.valeur} mois" if prolongation is not None
                    else "prolongeable par décision motivée de la CNDP") + ")")
        decideur = "la Commission nationale du débat public décide : débat public, concertation avec garant ou rien"
        commun = {"regle": "concertation.cndp", "sources": self.sources(*cles),
                  "chiffres": {"coût du projet (€ HT)": f.cout_ht, "seuil de saisine obligatoire (€ HT)": haut,
                               "seuil de publication (€ HT)": bas}}
        doute = self.doute(*cles)
        articles = "C. env., art. L121-8 et R121-2"
        if f.categorie_cndp and f.cout_ht > haut:
            return Procedure(CNDP, "obligatoire",
                             f"coût de {_euros_brut(f.cout_ht)} HT, au-delà de {_euros_brut(haut)}",
                             articles, decideur, duree, a_verifier=doute, **commun)
        if f.categorie_cndp and f.cout_ht > bas:
            return Procedure(
                CNDP, "possible",
                f"coût de {_euros_brut(f.cout_ht)} HT, entre {_euros_brut(bas)} et {_euros_brut(haut)} : le projet "
                "doit être rendu public ; la CNDP peut être saisie (par exemple par dix parlementaires ou une région)",
                articles, decideur, duree, a_verifier=doute, **commun)
        motif = ("le projet ne relève d'aucune catégorie du tableau de l'art. R121-2" if not f.categorie_cndp
                 else f"coût de {_euros_brut(f.cout_ht)} HT, pas au-delà de {_euros_brut(bas)}")
        return Procedure(CNDP, "non requise",
                         motif + " ; le maître d'ouvrage peut toujours demander un garant à la CNDP",
                         "C. env., art. L121-8, R121-2 et L121-17", "le maître d'ouvrage, s'il le souhaite", "—",
                         a_verifier=doute and f.categorie_cndp, **commun)

    # --- Concertation préalable du code de l'environnement (L121-15-1 et suivants)
    def prealable(self, urba: Procedure, cndp: Procedure) -> Procedure:
        f = self.fiche
        seuil = self.val("droit_initiative_seuil_fonds_publics")
        duree = (f"{self.val('concertation_prealable_duree_min')} jours à "
                 f"{self.val('concertation_prealable_duree_max')} mois, public informé "
                 f"{self.val('concertation_prealable_information')} jours avant")
        articles = "C. env., art. L121-15-1 à L121-21"
        cles = ("droit_initiative_seuil_fonds_publics", "concertation_prealable_duree_min",
                "concertation_prealable_duree_max", "concertation_prealable_information")
        commun = {"regle": "concertation.concertation_prealable", "sources": self.sources(*cles),
                  "chiffres": {"dépenses publiques (€ HT)": f.depenses_publiques,
                               "seuil du droit d'initiative (€ HT)": seuil},
                  "duree_min_jours": self.val("concertation_prealable_duree_min")}
        if cndp.statut == "obligatoire":
            return Procedure(PREALABLE, "non requise", "la CNDP, saisie, décide elle-même de la procédure", articles,
                             cndp.decideur, duree, **commun)
        doute = self.doute("droit_initiative_seuil_fonds_publics")
        if f.evaluation_environnementale and f.depenses_publiques > seuil:
            motif = (f"projet soumis à évaluation environnementale avec {_euros_brut(f.depenses_publiques)} HT de "
                     f"dépenses publiques, au-delà de {_euros_brut(seuil)} : déclaration d'intention obligatoire, "
                     f"puis droit d'initiative ouvert {self.val('droit_initiative_delai')} mois (citoyens, "
                     "associations, "
                     "collectivités peuvent demander au préfet une concertation préalable)")
            concertation_urba = urba.statut == "obligatoire"
            if concertation_urba:
                motif += ("; l'articulation avec la concertation du code de l'urbanisme (dernier alinéa de L121-15-1) "
                          "est à vérifier")
            return Procedure(
                PREALABLE, "incertain" if concertation_urba else "possible", motif,
                articles + " (déclaration d'intention : L121-18)",
                "le maître d'ouvrage (de sa propre initiative), l'autorité compétente ou le préfet saisi au titre du "
                "droit d'initiative", duree, a_verifier=doute, **commun)
        if f.evaluation_environnementale:
            return Procedure(
                PREALABLE, "possible",
                f"projet soumis à évaluation environnementale avec {_euros_brut(f.depenses_publiques)} HT de dépenses "
                f"publiques, pas au-delà de {_euros_brut(seuil)} : concertation volontaire, ou imposée par "
                "l'autorité compétente ; pas de droit d'initiative", articles,
                "le maître d'ouvrage ou l'autorité compétente pour autoriser le projet", duree, a_verifier=doute,
                **commun)
        return Procedure(PREALABLE, "non requise",
                         "projet non soumis à évaluation environnementale : hors du champ de L121-15-1 (une "
                         "concertation volontaire reste possible)", articles, "—", "—",
                         regle="concertation.concertation_prealable")

    # --- Enquête publique (L123-2, L123-9), consultation parallèle (L181-10-1), voie électronique (L123-19)
    def _prolongation(self) -> str:
        par = self.param("enquete_publique_prolongation_max")
        if par is None:
            return ("prolongeable par décision motivée du commissaire enquêteur ; durée maximale de la prolongation "
                    "absente des paramètres (« concertation.enquete_publique_prolongation_max »)")
        return f"prolongeable de {par.valeur} jours au plus par décision motivée du commissaire enquêteur"

    def _information_ppve(self) -> str:
        par = self.param("participation_electronique_information")
        return f", public informé {par.valeur} jours avant" if par is not None else ", public informé avant l'ouverture"

    def _parallele_applicable(self) -> bool | None:
        """Vrai si la demande d'autorisation environnementale relève de L181-10-1 à la date du projet
        (``None`` : la date d'entrée en vigueur manque aux paramètres)."""
        par = self.param("consultation_parallele_duree")
        if par is not None:
            return True
        from ..parametres import catalogue

        cle = catalogue().get("concertation.consultation_parallele_duree")
        if cle is not None and cle.versions and self.date < cle.versions[0].du:
            return False  # la demande précède l'entrée en vigueur de L181-10-1 : enquête publique
        return None

    def enquete_et_consultations(self) -> list[Procedure]:
        f = self.fiche
        ep_min = self.val("enquete_publique_duree_min")
        ep_min_sans = self.val("enquete_publique_duree_min_sans_evaluation")
        decideur_ep = ("l'autorité compétente pour prendre la décision ouvre et organise l'enquête ; le président du "
                       "tribunal administratif désigne le commissaire enquêteur")
        ppve_min = self.val("participation_electronique_duree_min")
        cles_ep = ("enquete_publique_duree_min", "enquete_publique_prolongation_max")
        ep = {"regle": "concertation.enquete_publique", "sources": self.sources(*cles_ep)}
        pp = {"regle": "concertation.consultation_parallele",
              "sources": self.sources("consultation_parallele_duree")}
        pe = {"regle": "concertation.participation_electronique",
              "sources": self.sources("participation_electronique_duree_min")}
        parallele_non = Procedure(PARALLELE, "non requise",
                                  "le projet ne relève pas de l'autorisation environnementale" if not
                                  f.autorisation_environnementale else "projet sans évaluation environnementale",
                                  "C. env., art. L181-10-1", "—", "—", **pp)
        if f.evaluation_environnementale and not f.dispense_enquete_publique:
            if f.autorisation_environnementale:
                applicable = self._parallele_applicable()
                if applicable is None or applicable:
                    return self._parallele(applicable, decideur_ep, ep, pp, pe)
                motif_date = (f" (demande jugée au {self.date:%d/%m/%Y}, avant l'entrée en vigueur de la consultation "
                              "parallèle de L181-10-1)")
            else:
                motif_date = ""
            return [
                Procedure(ENQUETE, "obligatoire",
                          "projet soumis à évaluation environnementale : enquête publique avant l'autorisation"
                          + motif_date, "C. env., art. L123-2, L123-4 et L123-9", decideur_ep,
                          f"au moins {ep_min} jours ({self._prolongation()})", duree_min_jours=ep_min,
                          a_verifier=self.doute(*cles_ep), chiffres={"durée minimale (jours)": ep_min}, **ep),
                parallele_non,
                Procedure(ELECTRONIQUE, "non requise", "l'enquête publique tient lieu de participation",
                          "C. env., art. L123-19", "—", "—", **pe),
            ]
        if f.evaluation_environnementale:
            return [
                Procedure(ENQUETE, "non requise", "projet dispensé d'enquête publique", "C. env., art. L123-2", "—",
                          "—", **ep),
                parallele_non,
                Procedure(ELECTRONIQUE, "obligatoire",
                          "projet soumis à évaluation environnementale mais dispensé d'enquête publique",
                          "C. env., art. L123-19", "l'autorité compétente pour autoriser le projet",
                          f"au moins {ppve_min} jours" + self._information_ppve(), duree_min_jours=ppve_min,
                          a_verifier=self.doute("participation_electronique_duree_min"),
                          chiffres={"durée minimale (jours)": ppve_min}, **pe),
            ]
        if f.expropriation:
            enquete = Procedure(
                ENQUETE, "obligatoire",
                "expropriation : enquête préalable à la déclaration d'utilité publique, sans évaluation "
                "environnementale",
                "C. expr., art. L110-1 ; C. env., art. L123-9 (durée)", decideur_ep,
                f"au moins {ep_min_sans} jours ({self._prolongation()})", duree_min_jours=ep_min_sans,
                a_verifier=self.doute("enquete_publique_duree_min_sans_evaluation",
                                      "enquete_publique_prolongation_max"),
                chiffres={"durée minimale (jours)": ep_min_sans}, regle="concertation.enquete_publique",
                sources=self.sources("enquete_publique_duree_min_sans_evaluation", "enquete_publique_prolongation_max"))
        else:
            enquete = Procedure(ENQUETE, "non requise", "ni évaluation environnementale ni expropriation",
                                "C. env., art. L123-2", "—", "—", **ep)
        return [enquete, parallele_non,
                Procedure(ELECTRONIQUE, "non requise", "projet non soumis à évaluation environnementale",
                          "C. env., art. L123-19", "—", "—", **pe)]

    def _parallele(self, applicable: bool | None, decideur_ep: str, ep: dict[str, Any], pp: dict[str, Any],
                   pe: dict[str, Any]) -> list[Procedure]:
        par = self.param("consultation_parallele_duree")
        articles = "C. env., art. L181-10-1 (loi 2023-973 « industrie verte » ; décret 2024-742)"
        if par is None:
            duree = "durée absente des paramètres (« concertation.consultation_parallele_duree »)"
            chiffres, duree_jours = {}, None
        else:
            duree = (f"{par.valeur} {par.unite or 'mois'}, menée en même temps que l'examen du dossier et la "
                     "consultation des collectivités et des services")
            chiffres = {f"durée ({par.unite or 'mois'})": par.valeur}
            duree_jours = None
        statut: Statut = "obligatoire" if applicable else "incertain"
        motif = ("projet soumis à évaluation environnementale et à autorisation environnementale : le public est "
                 "consulté pendant l'examen du dossier, par un commissaire enquêteur, au lieu d'une enquête publique")
        if applicable is None:
            motif += (" ; la date d'entrée en vigueur manque aux paramètres : le régime applicable à la date du projet "
                      "est à vérifier")
        return [
            Procedure(ENQUETE, "non requise" if applicable else "incertain",
                      "remplacée par la consultation du public parallèle de L181-10-1", "C. env., art. L123-2 et "
                      "L181-10-1", decideur_ep, "—", a_verifier=applicable is None, **ep),
            Procedure(PARALLELE, statut, motif, articles,
                      "le préfet ouvre la consultation ; le président du tribunal administratif désigne le "
                      "commissaire enquêteur", duree, duree_min_jours=duree_jours,
                      a_verifier=self.doute("consultation_parallele_duree"), chiffres=chiffres, **pp),
            Procedure(ELECTRONIQUE, "non requise", "la consultation parallèle tient lieu de participation",
                      "C. env., art. L123-19", "—", "—", **pe),
        ]


def fiche_du_cas(cas: Cas | str) -> FicheProjet:
    """Alias de :meth:`FicheProjet.depuis_cas` (ancien nom, gardé pour les carnets existants).

    >>> fiche_du_cas("reseau-cyclable").nature
    'amenagement'
    """
    return FicheProjet.depuis_cas(cas)
