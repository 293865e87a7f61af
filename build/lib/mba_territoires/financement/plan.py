"""Le plan de financement prévisionnel : ses dépenses, ses financeurs, ses scénarios, son enregistrement.

Un :class:`PlanDeFinancement` réunit des dépenses (HT, TVA, TTC) et des financeurs (par taux de leur
base éligible ou par montant, publics ou privés) ; la part du maître d'ouvrage (l'autofinancement,
éventuellement empruntée) est le solde. Les règles qui jugent le plan sont dans
:mod:`~mba_territoires.financement.regles`, le FCTVA dans :mod:`~mba_territoires.financement.fctva`.
Le plan porte une date : les règles prennent les paramètres en vigueur ce jour-là.

>>> plan = exemple_ecole()
>>> plan.autofinancement, plan.date
(414000.0, datetime.date(2026, 1, 1))
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import saisie
from ..erreurs import ErreurDate, ErreurDonnees, ErreurMontant, ErreurParametre, ErreurRegle, ErreurSaisie, ErreurTaux
from ..formats import euros, pourcentage
from ..parametres import Parametres, parametres
from ..sections.financement import NATURES_FINANCEUR
from ..verdicts import Verdicts
from .fctva import ResultatFCTVA, calculer_fctva
from .fctva import regime_fctva as regime_fctva_canonique
from .tableur import neutraliser_formule

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..cas import Cas

__all__ = ["NATURES_FINANCEUR", "SYNONYMES_NATURES", "Depense", "Financeur", "PlanDeFinancement", "exemple_ecole",
           "neutraliser_formule", "parametres_du"]

# Une tolérance d'un demi-centime pour comparer des montants en euros (arrondis au centime).
_CENTIME = 0.005

#: Les autres façons d'écrire une nature de financeur (comparées sans casse, accents ni espaces).
SYNONYMES_NATURES: dict[str, list[str]] = {
    "etat": ["État", "Fonds vert", "FNADT", "subvention de l'État"],
    "region": ["Région", "conseil régional"],
    "departement": ["Département", "conseil départemental"],
    "bloc_communal": ["commune", "EPCI", "intercommunalité"],
    "europe": ["FEDER", "LEADER", "FEADER", "Union européenne", "fonds européens"],
    "etablissement_public": ["ADEME", "agence de l'eau", "CAF", "établissement public"],
    "prive": ["privé", "mécénat", "fondation"],
}

# Les mots qui, dans le nom d'un financeur, disent sa nature quand elle n'est pas donnée.
_NATURES_PAR_NOM = (
    ("detr", "detr"), ("dsil", "dsil"), ("dsid", "dsid"), ("dpv", "dpv"), ("politique de la ville", "dpv"),
    ("fonds vert", "etat"), ("etat", "etat"), ("état", "etat"),
    ("fnadt", "etat"), ("région", "region"), ("region", "region"), ("département", "departement"),
    ("departement", "departement"), ("feder", "europe"), ("leader", "europe"), ("feader", "europe"),
    ("fse", "europe"), ("europ", "europe"), ("ademe", "etablissement_public"), ("agence", "etablissement_public"),
    ("caf", "etablissement_public"), ("communauté", "bloc_communal"), ("epci", "bloc_communal"),
    ("mécénat", "prive"), ("mecenat", "prive"), ("fondation", "prive"),
)


def parametres_du(jour: _dt.date) -> Parametres:
    """Les paramètres réglementaires en vigueur le ``jour`` (la date de l'objet jugé, jamais la date du jour).

    >>> parametres_du(_dt.date(2026, 6, 1))["financement.participation_minimale_mo"]
    0.2
    """
    try:
        return parametres(jour)  # type: ignore[arg-type]
    except (ErreurParametre, TypeError):  # paramètres encore rangés par année
        return parametres(jour.year)


def _calendrier(valeur: object, ligne: str) -> dict[int, float] | None:
    """Un calendrier {année: part} dont les parts font 100 %."""
    if valeur is None:
        return None
    if not isinstance(valeur, Mapping) or not valeur:
        raise ErreurDonnees(f"le calendrier de « {ligne} » doit associer une année à une part ({valeur!r})",
                            conseil="écrivez par exemple {2026: 0.4, 2027: 0.6}")
    propre: dict[int, float] = {}
    for annee, part in valeur.items():
        a = int(annee) if isinstance(annee, str) and annee.isdigit() else annee
        propre[saisie.annee(a, f"une année du calendrier de « {ligne} »")] = saisie.taux(
            part, f"la part payée en {a} (calendrier de « {ligne} »)")
    total = sum(propre.values())
    if abs(total - 1) > 1e-6:
        raise ErreurTaux(f"les parts du calendrier de « {ligne} » font {pourcentage(total)}, pas 100 %",
                         conseil=f"ajustez les parts pour que leur somme fasse 1 (il manque "
                         f"{pourcentage(1 - total)})" if total < 1 else
                         f"ajustez les parts pour que leur somme fasse 1 ({pourcentage(total - 1)} en trop)")
    return dict(sorted(propre.items()))


@dataclass(frozen=True)
class Depense:
    """Une ligne de dépense : un montant HT, son taux de TVA et son calendrier de paiement.

    >>> d = Depense("Travaux", 820_000)
    >>> d.montant_tva, d.montant_ttc
    (164000.0, 984000.0)
    >>> Depense("Travaux", "820 000 €")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurMontant: le montant HT de la ligne « Travaux » vaut le texte '820 000 €',
    pas un nombre.
    Conseil : écrivez le nombre sans guillemets, sans espace ni symbole, avec un point pour la virgule : 820000.
    """

    #: Le libellé de la dépense (« Travaux »), unique dans le plan.
    libelle: str
    #: Le montant en euros HT.
    montant_ht: float
    #: Le taux de TVA en décimales (0.20).
    tva: float = 0.20
    #: Vrai si la dépense ouvre droit au FCTVA (compte d'investissement éligible).
    eligible_fctva: bool = True
    #: La part payée chaque année ({2026: 0.4, 2027: 0.6}) ; vide : le calendrier du plan.
    calendrier: dict[int, float] | None = None

    def __post_init__(self) -> None:
        libelle = saisie.texte(self.libelle, "le libellé d'une dépense")
        object.__setattr__(self, "libelle", libelle)
        object.__setattr__(self, "montant_ht", saisie.montant(self.montant_ht,
                                                              f"le montant HT de la ligne « {libelle} »"))
        object.__setattr__(self, "tva", saisie.taux(self.tva, f"le taux de TVA de la ligne « {libelle} »"))
        if not isinstance(self.eligible_fctva, bool):
            raise ErreurDonnees(f"« eligible_fctva » de la ligne « {libelle} » vaut {self.eligible_fctva!r}",
                                conseil="écrivez True ou False")
        object.__setattr__(self, "calendrier", _calendrier(self.calendrier, libelle))

    @property
    def montant_tva(self) -> float:
        """Le montant de la TVA, en euros."""
        return round(self.montant_ht * self.tva, 2)

    @property
    def montant_ttc(self) -> float:
        """Le montant TTC, en euros."""
        return round(self.montant_ht + self.montant_tva, 2)


def _nature_par_nom(nom: str, public: bool) -> str:
    if not public:
        return "prive"
    simple = nom.lower()
    for mot, nature in _NATURES_PAR_NOM:
        if mot in simple and nature != "prive":
            return nature
    return "etat" if simple.startswith("etat") else "etablissement_public" if "agence" in simple else "autre"


def _nature_de_l_aide(nature: object, nom: str, public: bool) -> str | None:
    """La nature d'une aide venue d'un catalogue : la sienne si le plan la connaît, sinon devinée d'après le nom."""
    if not public:
        return "prive"
    if isinstance(nature, str):
        try:
            return saisie.choix(nature, list(NATURES_FINANCEUR), "la nature de l'aide", synonymes=SYNONYMES_NATURES)
        except ErreurSaisie:
            pass
    return None


@dataclass(frozen=True)
class Financeur:
    """Un financeur : un taux de sa base éligible (``taux``) ou un montant (``montant``).

    >>> Financeur("DETR", taux=0.30).nature
    'detr'
    >>> Financeur("Mécénat d'entreprise", montant=30_000, public=False).nature
    'prive'
    >>> Financeur("DETR", taux=30)
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurTaux: le taux de la ligne « DETR » vaut 30, hors de [0 ; 1]
    (au-dessus de 100 %).
    Conseil : un taux s'écrit en décimales, entre 0 et 1 : 30 % s'écrit 0.30 (vouliez-vous écrire 0.30 ?).
    """

    #: Le nom du financeur (« DETR »), unique dans le plan.
    nom: str
    #: Le taux appliqué à sa base éligible, en décimales (0.30) ; vide si l'aide est un montant.
    taux: float | None = None
    #: Le montant accordé, en euros ; vide si l'aide est un taux.
    montant: float | None = None
    #: Vrai pour un financeur public (État, collectivité, établissement public, Europe).
    public: bool = True
    #: La nature du financeur (une clé de :data:`NATURES_FINANCEUR`) ; devinée d'après le nom si vide.
    nature: str | None = None
    #: Les libellés des dépenses qu'il finance ; vide : toutes.
    lignes: tuple[str, ...] | None = None
    #: Le montant maximal de l'aide (une aide par taux est écrêtée à ce plafond).
    plafond: float | None = None
    #: Le montant minimal de l'aide, sous lequel le financeur n'intervient pas.
    plancher: float | None = None
    #: La base de l'aide : « ht » (règle générale) ou « ttc » si le règlement du financeur le dit.
    assiette: str = "ht"
    #: Le retard de versement, en années (0 : versé au rythme normal).
    decalage: int = 0

    def __post_init__(self) -> None:
        nom = saisie.texte(self.nom, "le nom d'un financeur")
        object.__setattr__(self, "nom", nom)
        if (self.taux is None) == (self.montant is None):
            raise ErreurDonnees(
                f"le financeur « {nom} » doit avoir soit un taux, soit un montant"
                + (" (pas les deux)" if self.taux is not None else ""),
                conseil=f"écrivez par exemple ajouter_financeur(\"{nom}\", taux=0.30) "
                f"ou ajouter_financeur(\"{nom}\", montant=200000)")
        if self.taux is not None:
            object.__setattr__(self, "taux", saisie.taux(self.taux, f"le taux de la ligne « {nom} »"))
        if self.montant is not None:
            object.__setattr__(self, "montant", saisie.montant(self.montant, f"le montant de la ligne « {nom} »"))
        if not isinstance(self.public, bool):
            raise ErreurDonnees(f"« public » du financeur « {nom} » vaut {self.public!r}",
                                conseil="écrivez True (financeur public) ou False (mécénat, fondation)")
        nature = self.nature
        if nature is None:
            nature = _nature_par_nom(nom, self.public)
            if nature == "autre":
                nature = "etablissement_public"
        else:
            nature = saisie.choix(nature, list(NATURES_FINANCEUR), f"la nature du financeur « {nom} »",
                                  synonymes=SYNONYMES_NATURES)
        if (nature == "prive") == self.public:
            raise ErreurDonnees(
                f"le financeur « {nom} » est de nature « {nature} » mais public={self.public}",
                conseil="un financement privé s'écrit public=False et nature=\"prive\" ; "
                "un financeur public a une autre nature")
        object.__setattr__(self, "nature", nature)
        if self.lignes is not None:
            if isinstance(self.lignes, str):
                object.__setattr__(self, "lignes", (self.lignes,))
            if not isinstance(self.lignes, (list, tuple)):
                raise ErreurDonnees(f"les lignes éligibles de « {nom} » valent {self.lignes!r}",
                                    conseil="donnez une liste de libellés de dépenses, par exemple [\"Travaux\"]")
            lignes = tuple(saisie.texte(x, f"une ligne éligible de « {nom} »") for x in self.lignes)
            if not lignes:
                raise ErreurDonnees(f"la liste des lignes éligibles de « {nom} » est vide",
                                    conseil="nommez au moins une dépense, ou laissez lignes=None (toutes)")
            object.__setattr__(self, "lignes", lignes)
        for quoi in ("plafond", "plancher"):
            valeur = getattr(self, quoi)
            if valeur is not None:
                object.__setattr__(self, quoi, saisie.montant(valeur, f"le {quoi} de la ligne « {nom} »"))
        if self.plafond is not None and self.plancher is not None and self.plancher > self.plafond:
            raise ErreurMontant(f"le plancher de « {nom} » ({euros(self.plancher)}) dépasse son plafond "
                                f"({euros(self.plafond)})", conseil="inversez-les ou corrigez l'un des deux")
        if self.montant is not None and self.plafond is not None and self.montant > self.plafond + _CENTIME:
            raise ErreurMontant(f"le montant de « {nom} » ({euros(self.montant)}) dépasse son plafond "
                                f"({euros(self.plafond)})",
                                conseil=f"ramenez le montant à {euros(self.plafond)} au plus")
        object.__setattr__(self, "assiette", saisie.choix(self.assiette, ["ht", "ttc"], f"l'assiette de « {nom} »"))
        object.__setattr__(self, "decalage", saisie.entier(self.decalage, f"le décalage de versement de « {nom} »",
                                                           minimum=0, maximum=10))

    @property
    def libelle_nature(self) -> str:
        """La nature du financeur en toutes lettres."""
        return NATURES_FINANCEUR[str(self.nature)]


@dataclass
class _Calcul:
    """Les montants d'un plan, calculés une fois par état du plan."""

    cout_ht: float
    cout_ttc: float
    bases: dict[str, float]
    montants: dict[str, float]
    publiques: float
    privees: float
    autofinancement: float


class PlanDeFinancement:
    """Un plan de financement prévisionnel : dépenses, financeurs, autofinancement (le solde).

    ``date`` (ou, à défaut, le 1er janvier de ``annee``) est la date du plan : les règles prennent les
    paramètres réglementaires en vigueur ce jour-là, jamais ceux du jour où le carnet s'exécute ;
    ``regime_fctva`` vaut « N », « N+1 » ou « N+2 » ; ``calendrier`` dit la part des dépenses payée
    chaque année (par défaut tout en ``annee``) ; ``derogation`` nomme une dérogation à la participation
    minimale du maître d'ouvrage (voir :data:`mba_territoires.financement.DEROGATIONS`).

    Le plan garde toujours des recettes égales aux dépenses : une modification qui ferait dépasser
    les recettes est refusée avec un message qui nomme la ligne et le montant à retirer.

    >>> plan = PlanDeFinancement("Cour oasis", maitre_ouvrage="Commune de Saint-Exemple")
    >>> plan.ajouter_depense("Travaux", montant_ht=120_000)
    >>> from mba_territoires.formats import texte_brut
    >>> try:
    ...     plan.ajouter_financeur("Agence de l'eau", montant=130_000)
    ... except ErreurRegle as e:
    ...     print(texte_brut(str(e)))
    avec la ligne « Agence de l'eau », les financements (130 000,00 €) dépasseraient le coût HT
    (120 000,00 €) de 10 000,00 €.
    Conseil : réduisez « Agence de l'eau » de 10 000,00 € au moins : un plan de financement s'équilibre,
    recettes = dépenses.
    >>> plan.financeurs  # le plan n'a pas changé
    ()
    """

    def __init__(self, titre: str, maitre_ouvrage: str = "Maître d'ouvrage", annee: int = 2026,
                 regime_fctva: str = "N+2", calendrier: Mapping[int, float] | None = None,
                 derogation: str | None = None, categorie_derogation: str | None = None,
                 emprunt: float = 0.0, *, date: _dt.date | str | None = None,
                 participation_derogee: float | None = None) -> None:
        self.titre = saisie.texte(titre, "le titre du plan")
        self.maitre_ouvrage = saisie.texte(maitre_ouvrage, "le nom du maître d'ouvrage")
        annee = saisie.annee(annee, "l'année du plan")
        if date is None:
            self.date = _dt.date(annee, 1, 1)
        else:
            self.date = saisie.date(date, "la date du plan", annee_seule=True)
            if annee != 2026 and annee != self.date.year:  # 2026 : la valeur par défaut de annee
                raise ErreurDate(f"l'année du plan ({annee}) ne correspond pas à sa date ({self.date:%d/%m/%Y})",
                                 conseil="donnez seulement date=..., l'année en est déduite")
        self.annee = self.date.year
        self.parametres = parametres_du(self.date)
        self.regime_fctva = regime_fctva_canonique(regime_fctva)
        self.calendrier = _calendrier(calendrier, "plan") or {self.annee: 1.0}
        self._depenses: list[Depense] = []
        self._financeurs: list[Financeur] = []
        self.emprunt = 0.0
        self._calcul: _Calcul | None = None
        self.derogation: str | None = None
        self.categorie_derogation: str | None = None
        self.participation_derogee: float | None = None
        self.choisir_derogation(derogation, categorie_derogation, participation_derogee)
        if emprunt:
            self.emprunter(emprunt)

    # --- saisie -----------------------------------------------------------------------------------

    def _appliquer(self, depenses: list[Depense], financeurs: list[Financeur], emprunt: float,
                   cause: str, ligne: str | None = None) -> None:
        """Remplace dépenses, financeurs et emprunt si le plan reste cohérent ; sinon rien ne change."""
        libelles = [d.libelle for d in depenses]
        for f in financeurs:
            for ligne in f.lignes or ():
                if ligne not in libelles:
                    saisie.trouver(ligne, libelles, f"la dépense financée par « {f.nom} »")
                    raise ErreurDonnees(  # pragma: no cover - trouver() a déjà levé l'erreur
                        f"le financeur « {f.nom} » finance la ligne « {ligne} », qui n'est pas une dépense du plan")
        calcul = self._calculer(depenses, financeurs, emprunt)
        if calcul.autofinancement < -_CENTIME:
            exces = -calcul.autofinancement
            raise ErreurRegle(
                f"{cause}, les financements ({euros(calcul.publiques + calcul.privees)}) dépasseraient le coût HT "
                f"({euros(calcul.cout_ht)}) de {euros(exces)}",
                conseil=(f"réduisez « {ligne} » de {euros(exces)} au moins" if ligne
                         else f"réduisez d'abord les financements de {euros(exces)}")
                + " : un plan de financement s'équilibre, recettes = dépenses")
        if emprunt > calcul.autofinancement + _CENTIME:
            raise ErreurRegle(
                f"{cause}, l'emprunt ({euros(emprunt)}) dépasserait la part du maître d'ouvrage "
                f"({euros(calcul.autofinancement)})",
                conseil=f"ramenez l'emprunt à {euros(calcul.autofinancement)} au plus : on n'emprunte que "
                "sa propre part")
        self._depenses, self._financeurs, self.emprunt, self._calcul = depenses, financeurs, emprunt, calcul

    def _depense(self, libelle: str) -> int:
        connus = [d.libelle for d in self._depenses]
        return connus.index(saisie.trouver(libelle, connus, "la dépense"))

    def _financeur(self, nom: str) -> int:
        connus = [f.nom for f in self._financeurs]
        return connus.index(saisie.trouver(nom, connus, "le financeur"))

    def ajouter_depense(self, libelle: str, montant_ht: float, tva: float | None = None,
                        eligible_fctva: bool = True, calendrier: Mapping[int, float] | None = None) -> None:
        """Ajoute une dépense ; la TVA vaut par défaut le taux normal de l'année (``tva.taux_normal``).

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=820_000)
        >>> plan.cout_ttc
        984000.0
        """
        tva = self.parametres["tva.taux_normal"] if tva is None else tva
        depense = Depense(libelle, montant_ht, tva, eligible_fctva,
                          dict(calendrier) if isinstance(calendrier, Mapping) else calendrier)
        if any(d.libelle == depense.libelle for d in self._depenses):
            raise ErreurDonnees(f"le plan a déjà une dépense « {depense.libelle} »",
                                conseil="donnez un autre libellé, ou modifiez la ligne existante avec "
                                f"modifier_depense(\"{depense.libelle}\", montant_ht=...)")
        self._appliquer([*self._depenses, depense], self._financeurs, self.emprunt,
                        f"avec la dépense « {depense.libelle} »")

    def modifier_depense(self, libelle: str, **changements: Any) -> None:
        """Change une dépense (``montant_ht=``, ``tva=``, ``eligible_fctva=``, ``calendrier=``).

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=820_000)
        >>> plan.modifier_depense("Travaux", montant_ht=850_000)
        >>> plan.cout_ht
        850000.0
        """
        i = self._depense(libelle)
        nouvelle = _remplacer(self._depenses[i], changements, "la dépense")
        depenses = list(self._depenses)
        depenses[i] = nouvelle
        financeurs = self._financeurs
        if nouvelle.libelle != libelle:  # un libellé renommé : les financeurs suivent
            financeurs = [dataclasses.replace(f, lignes=tuple(nouvelle.libelle if x == libelle else x
                                                              for x in f.lignes)) if f.lignes else f
                          for f in self._financeurs]
        self._appliquer(depenses, financeurs, self.emprunt, f"en modifiant la dépense « {libelle} »")

    def retirer_depense(self, libelle: str) -> None:
        """Retire une dépense.

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=820_000)
        >>> plan.retirer_depense("Travaux")
        >>> plan.cout_ht
        0.0
        """
        i = self._depense(libelle)
        for f in self._financeurs:
            if f.lignes and libelle in f.lignes:
                raise ErreurRegle(f"la dépense « {libelle} » est une ligne éligible du financeur « {f.nom} »",
                                  conseil=f"retirez-la d'abord des lignes de « {f.nom} » (modifier_financeur)")
        self._appliquer(self._depenses[:i] + self._depenses[i + 1:], self._financeurs, self.emprunt,
                        f"en retirant la dépense « {libelle} »")

    def ajouter_financeur(self, nom: Any, taux: float | None = None, montant: float | None = None,
                          public: bool | None = None, nature: str | None = None,
                          lignes: Iterable[str] | None = None, plafond: float | None = None,
                          plancher: float | None = None, assiette: str = "ht", decalage: int = 0) -> None:
        """Ajoute un financeur, par ``taux`` de sa base éligible (HT) ou par ``montant``.

        ``nom`` est un texte (« DETR ») ou un objet aide, par exemple une aide du catalogue : tout objet
        qui a les attributs ``nom``, ``public`` (booléen) et ``nature`` convient ; ``public=`` et
        ``nature=`` donnés ici l'emportent sur ceux de l'aide.
        ``lignes`` : les dépenses qu'il finance (toutes par défaut) ; ``plafond`` écrête une aide par
        taux ; ``plancher`` : en dessous, le financeur n'intervient pas ; ``public=False`` pour un
        mécénat ; ``nature`` parmi :data:`NATURES_FINANCEUR` (devinée d'après le nom sinon).

        >>> from types import SimpleNamespace
        >>> aide = SimpleNamespace(nom="Fonds vert", public=True, nature="etat")
        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.ajouter_financeur(aide, montant=40_000)
        >>> plan.financeurs[0].nature, plan.montant("Fonds vert")
        ('etat', 40000.0)

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=820_000)
        >>> plan.ajouter_depense("Maîtrise d'œuvre", montant_ht=80_000)
        >>> plan.ajouter_financeur("Région", taux=0.20, lignes=["Travaux"], plafond=150_000)
        >>> plan.base("Région"), plan.montant("Région")
        (820000.0, 150000.0)
        """
        if isinstance(lignes, (list, tuple, set, frozenset)):
            lignes = tuple(lignes)
        if not isinstance(nom, str) and hasattr(nom, "nom"):  # un objet aide (duck typing)
            aide = nom
            nom = aide.nom
            public = getattr(aide, "public", True) if public is None else public
            if nature is None:
                nature = _nature_de_l_aide(getattr(aide, "nature", None), str(nom), bool(public))
        financeur = Financeur(nom, taux, montant, True if public is None else public, nature,
                              lignes, plafond, plancher, assiette, decalage)  # type: ignore[arg-type]
        if any(f.nom == financeur.nom for f in self._financeurs):
            raise ErreurDonnees(f"le plan a déjà un financeur « {financeur.nom} »",
                                conseil="donnez un autre nom, ou modifiez la ligne existante avec "
                                f"modifier_financeur(\"{financeur.nom}\", ...)")
        self._appliquer(self._depenses, [*self._financeurs, financeur], self.emprunt,
                        f"avec la ligne « {financeur.nom} »", financeur.nom)

    def modifier_financeur(self, nom: str, **changements: Any) -> None:
        """Change un financeur (``taux=``, ``montant=``, ``plafond=``, ``decalage=``...).

        Donner ``montant=`` à un financeur par taux (ou l'inverse) change sa forme.

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=820_000)
        >>> plan.ajouter_financeur("DETR", taux=0.30)
        >>> plan.modifier_financeur("DETR", taux=0.25)
        >>> plan.montant("DETR")
        205000.0
        """
        i = self._financeur(nom)
        ancien = self._financeurs[i]
        if "montant" in changements and changements["montant"] is not None and "taux" not in changements:
            changements["taux"] = None
        if "taux" in changements and changements["taux"] is not None and "montant" not in changements:
            changements["montant"] = None
        if isinstance(changements.get("lignes"), (list, set, frozenset)):
            changements["lignes"] = tuple(changements["lignes"])
        nouveau = _remplacer(ancien, changements, "le financeur")
        financeurs = list(self._financeurs)
        financeurs[i] = nouveau
        self._appliquer(self._depenses, financeurs, self.emprunt, f"avec la ligne « {nom} »", nom)

    def retirer_financeur(self, nom: str) -> None:
        """Retire un financeur (son montant revient à l'autofinancement).

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.ajouter_financeur("DETR", taux=0.30)
        >>> plan.retirer_financeur("DETR")
        >>> plan.autofinancement
        100000.0
        """
        i = self._financeur(nom)
        self._appliquer(self._depenses, self._financeurs[:i] + self._financeurs[i + 1:], self.emprunt,
                        f"en retirant le financeur « {nom} »")

    def emprunter(self, montant: float) -> None:
        """Fixe la part de l'autofinancement couverte par un emprunt (au plus l'autofinancement).

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.emprunter(60_000)
        >>> plan.fonds_propres
        40000.0
        """
        self._appliquer(self._depenses, self._financeurs, saisie.montant(montant, "l'emprunt"), "avec l'emprunt")

    def choisir_derogation(self, derogation: str | None, categorie: str | None = None,
                           participation: float | None = None) -> None:
        """Invoque une dérogation à la participation minimale (``None`` pour aucune).

        Les dérogations possibles, ce que chacune permet (exonération, plancher fixé par le texte,
        plancher fixé par le préfet) et leur source : :data:`mba_territoires.financement.DEROGATIONS`.
        ``participation`` : pour une dérogation accordée par le préfet, la participation minimale qu'il a
        fixée (en décimales) ; ``categorie`` : l'ancienne forme « prefet » + catégorie reste acceptée.

        >>> plan = PlanDeFinancement("Rénovation énergétique de l'école")
        >>> plan.choisir_derogation("renovation_energetique_scolaire")
        >>> plan.derogation
        'renovation_energetique_scolaire'
        >>> plan.choisir_derogation("prefet", "ponts et ouvrages d'art", participation=0.10)
        >>> plan.derogation, plan.participation_derogee
        ('categories_2019', 0.1)
        """
        from .regles import derogation_canonique

        cle, categorie_propre, part = derogation_canonique(self, derogation, categorie, participation)
        self.derogation, self.categorie_derogation, self.participation_derogee = cle, categorie_propre, part

    # --- chiffres ---------------------------------------------------------------------------------

    @staticmethod
    def _calculer(depenses: list[Depense], financeurs: list[Financeur], emprunt: float) -> _Calcul:
        cout_ht = round(float(sum(d.montant_ht for d in depenses)), 2)
        cout_ttc = round(float(sum(d.montant_ttc for d in depenses)), 2)
        bases: dict[str, float] = {}
        montants: dict[str, float] = {}
        par_libelle = {d.libelle: d for d in depenses}
        for f in financeurs:
            lignes = [par_libelle[x] for x in f.lignes] if f.lignes else depenses
            base = round(sum(d.montant_ttc if f.assiette == "ttc" else d.montant_ht for d in lignes), 2)
            bases[f.nom] = base
            if f.taux is not None:
                m = f.taux * base
                if f.plafond is not None:
                    m = min(m, f.plafond)
                montants[f.nom] = round(m, 2)
            else:
                montants[f.nom] = float(f.montant or 0.0)
        publiques = round(float(sum(montants[f.nom] for f in financeurs if f.public)), 2)
        privees = round(float(sum(montants[f.nom] for f in financeurs if not f.public)), 2)
        return _Calcul(cout_ht, cout_ttc, bases, montants, publiques, privees,
                       round(cout_ht - publiques - privees, 2))

    @property
    def _c(self) -> _Calcul:
        if self._calcul is None:
            self._calcul = self._calculer(self._depenses, self._financeurs, self.emprunt)
        return self._calcul

    @property
    def depenses(self) -> tuple[Depense, ...]:
        """Les dépenses, dans l'ordre de saisie."""
        return tuple(self._depenses)

    @property
    def financeurs(self) -> tuple[Financeur, ...]:
        """Les financeurs, dans l'ordre de saisie."""
        return tuple(self._financeurs)

    @property
    def cout_ht(self) -> float:
        """Le coût total HT de l'opération."""
        return self._c.cout_ht

    @property
    def cout_tva(self) -> float:
        """La TVA totale."""
        return round(self._c.cout_ttc - self._c.cout_ht, 2)

    @property
    def cout_ttc(self) -> float:
        """Le coût total TTC."""
        return self._c.cout_ttc

    def base(self, nom: str) -> float:
        """La base éligible d'un financeur : ses lignes, HT (ou TTC si son assiette l'est)."""
        return self._c.bases[self._financeurs[self._financeur(nom)].nom]

    def montant(self, nom: str) -> float:
        """Le montant apporté par un financeur, en euros (taux × base, écrêté au plafond)."""
        return self._c.montants[self._financeurs[self._financeur(nom)].nom]

    @property
    def subventions_publiques(self) -> float:
        """Le total des financements publics, hors part du maître d'ouvrage (S)."""
        return self._c.publiques

    @property
    def financements_prives(self) -> float:
        """Le total des financements privés (mécénat...)."""
        return self._c.privees

    @property
    def autofinancement(self) -> float:
        """La part du maître d'ouvrage (MO) : le coût HT moins tous les financements."""
        return max(self._c.autofinancement, 0.0)

    @property
    def fonds_propres(self) -> float:
        """La part de l'autofinancement payée sans emprunt."""
        return round(self.autofinancement - self.emprunt, 2)

    @property
    def total_recettes(self) -> float:
        """Le total des recettes, autofinancement compris (égal au coût HT)."""
        return round(self._c.publiques + self._c.privees + self.autofinancement, 2)

    @property
    def libelle_autofinancement(self) -> str:
        """Le libellé de la ligne d'autofinancement (« Autofinancement (Commune de Saint-Exemple) »)."""
        return f"Autofinancement ({self.maitre_ouvrage})"

    def part(self, nom: str) -> float:
        """La part d'un financeur (ou de « autofinancement ») dans le total des recettes."""
        if self.cout_ht == 0:
            return 0.0
        m = self.autofinancement if nom.lower().startswith("autofinancement") else self.montant(nom)
        return m / self.cout_ht

    def recettes(self) -> list[dict[str, Any]]:
        """Les lignes de recettes : financeurs puis autofinancement (nom, montant, part, public, nature)."""
        total = self.cout_ht or 1.0
        lignes = [{"financeur": f.nom, "montant": self._c.montants[f.nom], "part": self._c.montants[f.nom] / total,
                   "public": f.public, "nature": f.nature} for f in self._financeurs]
        lignes.append({"financeur": self.libelle_autofinancement, "montant": self.autofinancement,
                       "part": self.autofinancement / total if self.cout_ht else 0.0, "public": True,
                       "nature": "maitre_ouvrage"})
        return lignes

    def tableau(self) -> pd.DataFrame:
        """Le tableau des recettes (financeur, montant, part, public), avec une ligne Total.

        >>> plan = PlanDeFinancement("École", maitre_ouvrage="Commune")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.ajouter_financeur("DETR", taux=0.30)
        >>> plan.tableau()[["financeur", "montant"]].values.tolist()
        [['DETR', 30000.0], ['Autofinancement (Commune)', 70000.0], ['Total', 100000.0]]
        """
        import pandas as pd

        lignes = self.recettes()
        lignes.append({"financeur": "Total", "montant": self.total_recettes,
                       "part": 1.0 if self.cout_ht else 0.0, "public": None, "nature": ""})
        return pd.DataFrame(lignes)

    def tableau_depenses(self) -> pd.DataFrame:
        """Le tableau des dépenses (libellé, HT, taux de TVA, TVA, TTC), avec une ligne Total.

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.tableau_depenses()[["libelle", "montant_ttc"]].values.tolist()
        [['Travaux', 120000.0], ['Total', 120000.0]]
        """
        import pandas as pd

        lignes = [{"libelle": d.libelle, "montant_ht": d.montant_ht, "tva": d.tva, "montant_tva": d.montant_tva,
                   "montant_ttc": d.montant_ttc} for d in self._depenses]
        lignes.append({"libelle": "Total", "montant_ht": self.cout_ht, "tva": None, "montant_tva": self.cout_tva,
                       "montant_ttc": self.cout_ttc})
        return pd.DataFrame(lignes)

    def calendrier_depense(self, depense: Depense) -> dict[int, float]:
        """Le calendrier de paiement d'une dépense : le sien, sinon celui du plan."""
        return depense.calendrier or self.calendrier

    def depenses_par_annee(self, ttc: bool = False) -> dict[int, float]:
        """Les dépenses payées chaque année, HT (ou TTC).

        >>> plan = PlanDeFinancement("École", calendrier={2026: 0.4, 2027: 0.6})
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.depenses_par_annee()
        {2026: 40000.0, 2027: 60000.0}
        """
        resultat: dict[int, float] = {}
        for d in self._depenses:
            montant = d.montant_ttc if ttc else d.montant_ht
            for annee, part in self.calendrier_depense(d).items():
                resultat[annee] = resultat.get(annee, 0.0) + montant * part
        return {a: round(m, 2) for a, m in sorted(resultat.items())}

    # --- règles et FCTVA ---

    def verifier(self) -> Verdicts:
        """Toutes les règles, chacune avec son verdict chiffré, sa source et ce qu'il faut changer
        (voir :mod:`mba_territoires.financement.regles`).

        >>> plan = PlanDeFinancement("École", maitre_ouvrage="Commune")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.ajouter_financeur("DETR", taux=0.50)
        >>> plan.ajouter_financeur("Département", montant=35_000)
        >>> v = plan.verifier()["participation_minimale"]
        >>> v.respectee
        False
        >>> from mba_territoires.formats import texte_brut
        >>> print(texte_brut(v.conseil))
        réduisez « DETR » de 5 000,00 € ou augmentez l'autofinancement de 5 000,00 € (en retirant autant
        de subventions publiques), ou vérifiez si une dérogation s'applique
        """
        from .regles import verifier_plan

        return verifier_plan(self)

    def fctva(self, regime: str | None = None) -> ResultatFCTVA:
        """Le FCTVA attendu : taux en vigueur à la date du plan × dépenses TTC éligibles, versé selon le régime
        (voir :func:`mba_territoires.financement.fctva.calculer_fctva`).

        >>> plan = PlanDeFinancement("École", calendrier={2026: 0.4, 2027: 0.6})
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.fctva("N+1").versements
        {2027: 7873.92, 2028: 11810.88}
        """
        return calculer_fctva(self, regime)

    # --- scénarios --------------------------------------------------------------------------------

    def copier(self, titre: str | None = None) -> PlanDeFinancement:
        """Une copie indépendante du plan (modifier la copie ne change pas l'original).

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> copie = plan.copier("École, variante")
        >>> copie.modifier_depense("Travaux", montant_ht=50_000)
        >>> plan.cout_ht, copie.cout_ht
        (100000.0, 50000.0)
        """
        nouveau = copy.copy(self)
        nouveau._depenses = list(self._depenses)
        nouveau._financeurs = list(self._financeurs)
        nouveau.calendrier = dict(self.calendrier)
        nouveau._calcul = None
        if titre is not None:
            nouveau.titre = saisie.texte(titre, "le titre du plan")
        return nouveau

    def variante(self, titre: str, refuser: Iterable[str] = (), reduire: Mapping[str, float] | None = None,
                 retarder: Mapping[str, int] | None = None) -> PlanDeFinancement:
        """Un scénario : une copie où des financeurs sont refusés, réduits (nouveau montant) ou retardés
        (années de retard de versement). L'autofinancement absorbe la différence.

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.ajouter_financeur("DETR", taux=0.30)
        >>> plan.ajouter_financeur("Fonds vert", montant=20_000)
        >>> v = plan.variante("Sans Fonds vert", refuser=["Fonds vert"], reduire={"DETR": 25_000})
        >>> v.autofinancement, plan.autofinancement
        (75000.0, 50000.0)
        """
        if isinstance(refuser, str):
            refuser = [refuser]
        nouveau = self.copier(titre)
        for nom in refuser:
            nouveau.retirer_financeur(nom)
        for nom, montant in (reduire or {}).items():
            nouveau.modifier_financeur(nom, montant=montant, plafond=None)
        for nom, annees in (retarder or {}).items():
            nouveau.modifier_financeur(nom, decalage=annees)
        return nouveau

    # --- enregistrement ---------------------------------------------------------------------------

    def vers_dict(self) -> dict[str, Any]:
        """Le plan en dictionnaire (la forme de la section ``financement`` d'un cas, plus le titre).

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> PlanDeFinancement.depuis_dict(plan.vers_dict()) == plan
        True
        """
        depenses = []
        for d in self._depenses:
            ligne: dict[str, Any] = {"libelle": d.libelle, "montant_ht": d.montant_ht, "tva": d.tva}
            if not d.eligible_fctva:
                ligne["eligible_fctva"] = False
            if d.calendrier:
                ligne["calendrier"] = dict(d.calendrier)
            depenses.append(ligne)
        financeurs = []
        for f in self._financeurs:
            ligne = {"nom": f.nom}
            ligne.update({"taux": f.taux} if f.taux is not None else {"montant": f.montant})
            ligne["public"] = f.public
            ligne["nature"] = f.nature
            for cle in ("plafond", "plancher"):
                if getattr(f, cle) is not None:
                    ligne[cle] = getattr(f, cle)
            if f.lignes:
                ligne["lignes"] = list(f.lignes)
            if f.assiette != "ht":
                ligne["assiette"] = f.assiette
            if f.decalage:
                ligne["decalage"] = f.decalage
            financeurs.append(ligne)
        resultat: dict[str, Any] = {"titre": self.titre, "maitre_ouvrage": self.maitre_ouvrage, "annee": self.annee,
                                    "date": self.date.isoformat(),
                                    "regime_fctva": self.regime_fctva, "calendrier": dict(self.calendrier),
                                    "depenses": depenses, "financeurs": financeurs, "emprunt": self.emprunt}
        if self.derogation:
            resultat["derogation"] = self.derogation
            if self.categorie_derogation:
                resultat["categorie_derogation"] = self.categorie_derogation
            if self.participation_derogee is not None:
                resultat["participation_derogee"] = self.participation_derogee
        return resultat

    @classmethod
    def depuis_dict(cls, donnees: Mapping[str, Any], **defauts: Any) -> PlanDeFinancement:
        """Un plan depuis un dictionnaire (celui de :meth:`vers_dict` ou une section de cas).

        ``defauts`` complète ce qui manque (``titre=``, ``maitre_ouvrage=``, ``annee=``...).
        """
        if not isinstance(donnees, Mapping):
            raise ErreurDonnees(f"un plan de financement se décrit par un dictionnaire, pas {type(donnees).__name__}",
                                conseil="utilisez le fichier écrit par plan.enregistrer(...)")
        d = {**{k: v for k, v in defauts.items() if v is not None},
             **{k: v for k, v in donnees.items() if v is not None}}
        inconnues = set(d) - {"titre", "maitre_ouvrage", "annee", "date", "regime_fctva", "calendrier", "depenses",
                              "financeurs", "emprunt", "derogation", "categorie_derogation", "participation_derogee",
                              "duree_emprunt", "economies_annuelles", "date_notification"}
        if inconnues:
            raise ErreurDonnees(f"clé inconnue dans le plan : « {sorted(inconnues)[0]} »",
                                conseil="clés possibles : titre, maitre_ouvrage, annee, date, regime_fctva, "
                                "calendrier, depenses, financeurs, emprunt, derogation, categorie_derogation, "
                                "participation_derogee")
        jour = d.get("date")
        annee = d.get("annee", 2026)
        if jour is not None:
            annee = saisie.date(jour, "la date du plan", annee_seule=True).year
        plan = cls(d.get("titre", "Plan de financement"), d.get("maitre_ouvrage", "Maître d'ouvrage"),
                   annee, d.get("regime_fctva", "N+2"), d.get("calendrier"),
                   d.get("derogation"), d.get("categorie_derogation"), date=jour,
                   participation_derogee=d.get("participation_derogee"))
        for ligne in d.get("depenses", []) or []:
            plan.ajouter_depense(**_sans_vides(ligne, "une dépense"))
        for ligne in d.get("financeurs", []) or []:
            plan.ajouter_financeur(**_sans_vides(ligne, "un financeur"))
        if d.get("emprunt"):
            plan.emprunter(d["emprunt"])
        return plan

    @classmethod
    def depuis_cas(cls, cas: Cas | str) -> PlanDeFinancement:
        """Le plan de la section ``financement`` d'un cas (un objet chargé ou son identifiant) : titre,
        maître d'ouvrage, date, régime FCTVA. Un cas sans cette section lève :class:`ErreurCas`, qui nomme
        le fichier, la section et la correction.

        >>> plan = PlanDeFinancement.depuis_cas("ecole-jules-ferry")
        >>> plan.cout_ht, plan.regime_fctva
        (920000.0, 'N+2')
        """
        from ..cas import charger
        from ..erreurs import ErreurCas

        if isinstance(cas, str):
            cas = charger(cas)
        section = cas.financement
        if section is None:
            raise ErreurCas(f"le cas « {cas.slug} » n'a pas de section « financement » dans {cas.dossier / 'cas.yaml'}",
                            conseil="ajoutez une section « financement: » (depenses, financeurs) à ce fichier, ou "
                            "construisez le plan vous-même avec PlanDeFinancement(...) et ajouter_depense",
                            fichier=str(cas.dossier / "cas.yaml"), champ="financement")
        donnees = section.model_dump()
        if donnees.get("date") is not None:
            donnees["annee"] = None
        return cls.depuis_dict(donnees, titre=cas.projet.intitule, maitre_ouvrage=cas.maitre_ouvrage.nom,
                               annee=section.annee or cas.annee,
                               regime_fctva=section.regime_fctva or cas.maitre_ouvrage.regime_fctva)

    def enregistrer(self, chemin: str | Path) -> Path:
        """Enregistre le plan en YAML (relu à l'identique par :meth:`charger`)."""
        import yaml

        chemin = Path(chemin)
        chemin.write_text(yaml.safe_dump(self.vers_dict(), allow_unicode=True, sort_keys=False), encoding="utf-8")
        return chemin

    @classmethod
    def charger(cls, chemin: str | Path) -> PlanDeFinancement:
        """Relit un plan enregistré par :meth:`enregistrer`."""
        import yaml

        chemin = Path(chemin)
        try:
            donnees = yaml.safe_load(chemin.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ErreurDonnees(f"le fichier {chemin} est introuvable",
                                conseil="vérifiez le nom et le dossier du fichier") from None
        except yaml.YAMLError:
            raise ErreurDonnees(f"le fichier {chemin} n'est pas un YAML valide",
                                conseil="réenregistrez le plan avec plan.enregistrer(...)") from None
        return cls.depuis_dict(donnees)

    def __eq__(self, autre: object) -> bool:
        if not isinstance(autre, PlanDeFinancement):
            return NotImplemented
        return self.vers_dict() == autre.vers_dict()

    __hash__ = None  # type: ignore[assignment]

    # --- exports et vues --------------------------------------------------------------------------

    def exporter_excel(self, chemin: str | Path, date: _dt.date | None = None) -> Path:
        """Le plan en annexe de demande de subvention (xlsx) ; voir :mod:`mba_territoires.affichage.excel`.

        ``date`` : la date imprimée (par défaut la date du plan, pour un fichier reproductible).
        """
        from ..affichage.excel import exporter_excel

        return exporter_excel(self, chemin, date)

    def graphique(self) -> Figure:
        """Le graphique des recettes (voir :mod:`mba_territoires.affichage.graphiques_financement`)."""
        from ..affichage.graphiques_financement import graphique_recettes

        return graphique_recettes(self)

    def __repr__(self) -> str:
        return (f"PlanDeFinancement({self.titre!r}, {len(self._depenses)} dépenses, {len(self._financeurs)} "
                f"financeurs, coût HT {self.cout_ht:.2f} €, autofinancement {self.autofinancement:.2f} €)")

    def _repr_html_(self) -> str:
        from html import escape

        from ..affichage.html import Html, tableau_html
        from ..formats import date_fr

        depenses = tableau_html(
            [[d.libelle, euros(d.montant_ht), pourcentage(d.tva), euros(d.montant_tva), euros(d.montant_ttc)]
             for d in self._depenses],
            ["Poste", "HT", "TVA (taux)", "TVA", "TTC"], legende="Dépenses",
            pied=["Total", euros(self.cout_ht), "–", euros(self.cout_tva), euros(self.cout_ttc)])
        lignes = []
        for ligne in self.recettes():
            genre = ("privé" if not ligne["public"] else "maître d'ouvrage" if ligne["nature"] == "maitre_ouvrage"
                     else "public")
            nom = escape(ligne["financeur"])
            if ligne["nature"] == "maitre_ouvrage" and self.emprunt:
                nom += f" <small>(dont emprunt {euros(self.emprunt)})</small>"
            lignes.append([Html(nom), genre, euros(ligne["montant"]), pourcentage(ligne["part"])])
        recettes = tableau_html(lignes, ["Financeur", "Nature", "Montant", "Part"], legende="Recettes (base HT)",
                                pied=["Total", "–", euros(self.total_recettes),
                                      pourcentage(1.0 if self.cout_ht else 0.0)])
        solde = round(self.total_recettes - self.cout_ht, 2)
        return (f"<div class='mba-plan'><p><strong>{escape(self.titre)}</strong></p>"
                f"<p>Maître d'ouvrage : {escape(self.maitre_ouvrage)} — plan du {date_fr(self.date)}</p>"
                f"{depenses}{recettes}"
                f"<p>Solde (recettes − dépenses HT) : <strong>{euros(solde)}</strong></p></div>")


def _sans_vides(ligne: object, quoi: str) -> dict[str, Any]:
    if not isinstance(ligne, Mapping):
        raise ErreurDonnees(f"{quoi} du plan n'est pas décrit(e) par un dictionnaire ({ligne!r})",
                            conseil="écrivez par exemple {\"libelle\": \"Travaux\", \"montant_ht\": 820000}")
    return {k: v for k, v in ligne.items() if v is not None}


def _remplacer(objet: Any, changements: Mapping[str, Any], quoi: str) -> Any:
    champs = {f.name for f in dataclasses.fields(objet)}
    inconnus = sorted(set(changements) - champs)
    if inconnus:
        raise ErreurDonnees(f"{quoi} n'a pas de champ « {inconnus[0]} »",
                            conseil="champs possibles : " + ", ".join(sorted(champs)))
    try:
        return dataclasses.replace(objet, **changements)
    except ErreurSaisie:
        raise
    except TypeError as exc:  # pragma: no cover - garde-fou
        raise ErreurDonnees(f"modification impossible de {quoi} : {exc}", conseil="vérifiez les champs") from None


def exemple_ecole() -> PlanDeFinancement:
    """Le plan de la leçon 03 : la rénovation énergétique de l'école Jules-Ferry (Commune de Saint-Exemple).

    Travaux 820 000 €, maîtrise d'œuvre 80 000 €, études 20 000 € HT ; DETR 30 % de tout le HT, Fonds vert
    200 000 €, mécénat d'entreprise 30 000 € ; plan du 1er janvier 2026, régime FCTVA N+2. Chaque appel
    rend un plan neuf (le modifier ne change pas le suivant).

    >>> plan = exemple_ecole()
    >>> plan.cout_ht, plan.montant("DETR"), plan.verifier().respectee
    (920000.0, 276000.0, True)
    """
    plan = PlanDeFinancement("Rénovation énergétique de l'école Jules-Ferry",
                             maitre_ouvrage="Commune de Saint-Exemple", annee=2026)
    plan.ajouter_depense("Travaux", montant_ht=820_000)
    plan.ajouter_depense("Maîtrise d'œuvre", montant_ht=80_000)
    plan.ajouter_depense("Études préalables", montant_ht=20_000, tva=0.20)
    plan.ajouter_financeur("DETR", taux=0.30)
    plan.ajouter_financeur("Fonds vert", montant=200_000)
    plan.ajouter_financeur("Mécénat d'entreprise", montant=30_000, public=False)
    return plan
