"""Le plan de financement d'une opération d'investissement, ses règles de cofinancement et le FCTVA.

Un :class:`PlanDeFinancement` réunit des dépenses (HT, TVA, TTC) et des financeurs (par taux de
leur base éligible ou par montant, publics ou privés) ; la part du maître d'ouvrage
(l'autofinancement, éventuellement empruntée) est le solde. :meth:`PlanDeFinancement.verifier`
confronte le plan aux règles (CGCT L1111-10, R2334-27, décret 2018-514), chacune avec ses chiffres,
sa source et ce qu'il faut changer ; :meth:`PlanDeFinancement.fctva` estime le FCTVA et l'année de
son versement. Les seuils et les taux viennent de ``parametres(annee)``.

>>> plan = PlanDeFinancement("Rénovation énergétique de l'école Jules-Ferry",
...                          maitre_ouvrage="Commune de Saint-Exemple", annee=2026)
>>> plan.ajouter_depense("Travaux", montant_ht=820_000)
>>> plan.ajouter_depense("Maîtrise d'œuvre", montant_ht=80_000)
>>> plan.ajouter_depense("Études préalables", montant_ht=20_000, tva=0.20)
>>> plan.ajouter_financeur("DETR", taux=0.30)
>>> plan.ajouter_financeur("Fonds vert", montant=200_000)
>>> plan.ajouter_financeur("Mécénat d'entreprise", montant=30_000, public=False)
>>> plan.montant("DETR"), plan.autofinancement
(276000.0, 414000.0)
>>> plan.verifier().respectee
True
>>> round(plan.fctva().montant, 2), plan.fctva().annees
(181100.16, [2028])
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as _dt
import difflib
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from numbers import Real
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .erreurs import ErreurDonnees, ErreurMontant, ErreurRegle, ErreurSaisie, ErreurTaux
from .formats import euros, pourcentage
from .parametres import parametres
from .sections.financement import NATURES_FINANCEUR

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from .cas import Cas

__all__ = [
    "DEROGATIONS",
    "NATURES_FINANCEUR",
    "REGIMES_FCTVA",
    "Comparaison",
    "Depense",
    "Financeur",
    "PlanDeFinancement",
    "ResultatFCTVA",
    "Verdict",
    "Verification",
    "comparer_plans",
    "neutraliser_formule",
]

#: Les régimes de versement du FCTVA et la clé de leur décalage dans les paramètres.
REGIMES_FCTVA: dict[str, str] = {
    "N": "fctva.decalage_regime_n",
    "N+1": "fctva.decalage_regime_n1",
    "N+2": "fctva.decalage_regime_n2",
}

#: Les dérogations à la participation minimale du maître d'ouvrage (CGCT L1111-10).
DEROGATIONS: dict[str, str] = {
    "anru": "dérogation générale des opérations de rénovation urbaine (loi 2003-710, art. 9)",
    "prefet": "dérogation accordée par le préfet pour une catégorie de projets listée à L1111-10",
    "petite_commune": "seuil réduit des petites communes rurales (proposition de loi, non promulguée)",
}

# Une tolérance d'un demi-centime pour comparer des montants en euros (arrondis au centime).
_CENTIME = 0.005
# Les mots qui, dans le nom d'un financeur, disent sa nature quand elle n'est pas donnée.
_NATURES_PAR_NOM = (
    ("detr", "detr"), ("dsil", "dsil"), ("fonds vert", "etat"), ("etat", "etat"), ("état", "etat"),
    ("fnadt", "etat"), ("région", "region"), ("region", "region"), ("département", "departement"),
    ("departement", "departement"), ("feder", "europe"), ("leader", "europe"), ("feader", "europe"),
    ("fse", "europe"), ("europ", "europe"), ("ademe", "etablissement_public"), ("agence", "etablissement_public"),
    ("caf", "etablissement_public"), ("communauté", "bloc_communal"), ("epci", "bloc_communal"),
    ("mécénat", "prive"), ("mecenat", "prive"), ("fondation", "prive"),
)
# Les sources des règles qui n'ont pas de paramètre chiffré.
_SOURCE_EQUILIBRE = ("CGCT, art. R2334-23 (le dossier de demande comporte un plan de financement prévisionnel "
                     "précisant l'origine et le montant des moyens financiers) — article à vérifier")
_SOURCE_PLANCHER = "règlement d'intervention du financeur (plancher saisi dans le plan)"


# ---------------------------------------------------------------------------
# Contrôle des saisies
# ---------------------------------------------------------------------------

def _montant(valeur: object, ligne: str, quoi: str = "le montant") -> float:
    if isinstance(valeur, bool) or not isinstance(valeur, Real):
        raise ErreurMontant(f"{quoi} de la ligne « {ligne} » vaut {valeur!r}, ce n'est pas un nombre",
                            conseil="écrivez un nombre en euros, sans espace ni symbole €, par exemple 820000")
    v = float(valeur)
    if math.isnan(v) or math.isinf(v):
        raise ErreurMontant(f"{quoi} de la ligne « {ligne} » est vide (NaN) ou infini",
                            conseil="écrivez un nombre en euros, par exemple 820000")
    if v < 0:
        raise ErreurMontant(f"{quoi} de la ligne « {ligne} » est négatif ({euros(v)})",
                            conseil=f"saisissez un montant positif en euros, par exemple {euros(-v, 0)}")
    return round(v, 2)


def _taux(valeur: object, ligne: str, quoi: str = "le taux") -> float:
    if isinstance(valeur, bool) or not isinstance(valeur, Real) or math.isnan(float(valeur)):
        raise ErreurTaux(f"{quoi} de la ligne « {ligne} » vaut {valeur!r}, ce n'est pas un taux",
                         conseil="écrivez le taux en décimales : 30 % s'écrit 0.30")
    v = float(valeur)
    if v < 0 or v > 1:
        conseil = "un taux s'écrit en décimales, entre 0 et 1 : 30 % s'écrit 0.30"
        if 1 < v <= 100:
            decimal = f"{v / 100:.4f}".rstrip("0")  # 30 -> 0.30, 1.5 -> 0.015
            conseil += f" (vouliez-vous écrire {decimal if len(decimal) > 3 else f'{v / 100:.2f}'} ?)"
        raise ErreurTaux(f"{quoi} de la ligne « {ligne} » vaut {v!r}, hors de [0 ; 1] "
                         f"({'au-dessus de 100 %' if v > 1 else 'négatif'})", conseil=conseil)
    return v


def _texte(valeur: object, quoi: str) -> str:
    if not isinstance(valeur, str) or not valeur.strip():
        raise ErreurDonnees(f"{quoi} est vide ou n'est pas un texte ({valeur!r})",
                            conseil="donnez un nom entre guillemets, par exemple \"Travaux\"")
    # Les caractères de contrôle n'ont rien à faire dans un libellé (ni dans un tableur).
    return "".join(c for c in valeur.strip() if c.isprintable())


def _annee(valeur: object, quoi: str) -> int:
    if isinstance(valeur, bool) or not isinstance(valeur, int) or not 1900 <= valeur <= 2100:
        raise ErreurDonnees(f"{quoi} vaut {valeur!r}, ce n'est pas une année",
                            conseil="écrivez une année sur quatre chiffres, par exemple 2026")
    return valeur


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
        propre[_annee(a, f"une année du calendrier de « {ligne} »")] = _taux(
            part, ligne, f"la part payée en {a}")
    total = sum(propre.values())
    if abs(total - 1) > 1e-6:
        raise ErreurTaux(f"les parts du calendrier de « {ligne} » font {pourcentage(total)}, pas 100 %",
                         conseil=f"ajustez les parts pour que leur somme fasse 1 (il manque "
                         f"{pourcentage(1 - total)})" if total < 1 else
                         f"ajustez les parts pour que leur somme fasse 1 ({pourcentage(total - 1)} en trop)")
    return dict(sorted(propre.items()))


def neutraliser_formule(texte: str) -> str:
    """Un texte sans danger dans une cellule de tableur : s'il commence par ``= + - @`` (ou une
    tabulation), une apostrophe le précède, pour qu'il ne soit jamais lu comme une formule.

    >>> neutraliser_formule("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutraliser_formule("DETR")
    'DETR'
    """
    if texte and texte[0] in "=+-@\t\r":
        return "'" + texte
    return texte


# ---------------------------------------------------------------------------
# Dépenses et financeurs
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Depense:
    """Une ligne de dépense : un montant HT, son taux de TVA et son calendrier de paiement.

    >>> d = Depense("Travaux", 820_000)
    >>> d.montant_tva, d.montant_ttc
    (164000.0, 984000.0)
    >>> Depense("Travaux", "820 000 €")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurMontant: le montant HT de la ligne « Travaux » vaut '820 000 €',
    ce n'est pas un nombre.
    Conseil : écrivez un nombre en euros, sans espace ni symbole €, par exemple 820000.
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
        libelle = _texte(self.libelle, "le libellé d'une dépense")
        object.__setattr__(self, "libelle", libelle)
        object.__setattr__(self, "montant_ht", _montant(self.montant_ht, libelle, "le montant HT"))
        object.__setattr__(self, "tva", _taux(self.tva, libelle, "le taux de TVA"))
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
    mba_territoires.erreurs.ErreurTaux: le taux de la ligne « DETR » vaut 30.0, hors de [0 ; 1]
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
        nom = _texte(self.nom, "le nom d'un financeur")
        object.__setattr__(self, "nom", nom)
        if (self.taux is None) == (self.montant is None):
            raise ErreurDonnees(
                f"le financeur « {nom} » doit avoir soit un taux, soit un montant"
                + (" (pas les deux)" if self.taux is not None else ""),
                conseil=f"écrivez par exemple ajouter_financeur(\"{nom}\", taux=0.30) "
                f"ou ajouter_financeur(\"{nom}\", montant=200000)")
        if self.taux is not None:
            object.__setattr__(self, "taux", _taux(self.taux, nom))
        if self.montant is not None:
            object.__setattr__(self, "montant", _montant(self.montant, nom))
        if not isinstance(self.public, bool):
            raise ErreurDonnees(f"« public » du financeur « {nom} » vaut {self.public!r}",
                                conseil="écrivez True (financeur public) ou False (mécénat, fondation)")
        nature = self.nature
        if nature is None:
            nature = _nature_par_nom(nom, self.public)
            if nature == "autre":
                nature = "etablissement_public"
        elif not isinstance(nature, str) or nature not in NATURES_FINANCEUR:
            proches = difflib.get_close_matches(str(nature), list(NATURES_FINANCEUR), n=1)
            raise ErreurDonnees(
                f"la nature « {nature} » du financeur « {nom} » n'est pas reconnue",
                conseil=(f"vouliez-vous écrire « {proches[0]} » ? " if proches else "")
                + "natures possibles : " + ", ".join(NATURES_FINANCEUR))
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
            lignes = tuple(_texte(x, f"une ligne éligible de « {nom} »") for x in self.lignes)
            if not lignes:
                raise ErreurDonnees(f"la liste des lignes éligibles de « {nom} » est vide",
                                    conseil="nommez au moins une dépense, ou laissez lignes=None (toutes)")
            object.__setattr__(self, "lignes", lignes)
        for quoi in ("plafond", "plancher"):
            valeur = getattr(self, quoi)
            if valeur is not None:
                object.__setattr__(self, quoi, _montant(valeur, nom, f"le {quoi}"))
        if self.plafond is not None and self.plancher is not None and self.plancher > self.plafond:
            raise ErreurMontant(f"le plancher de « {nom} » ({euros(self.plancher)}) dépasse son plafond "
                                f"({euros(self.plafond)})", conseil="inversez-les ou corrigez l'un des deux")
        if self.montant is not None and self.plafond is not None and self.montant > self.plafond + _CENTIME:
            raise ErreurMontant(f"le montant de « {nom} » ({euros(self.montant)}) dépasse son plafond "
                                f"({euros(self.plafond)})",
                                conseil=f"ramenez le montant à {euros(self.plafond)} au plus")
        if self.assiette not in ("ht", "ttc"):
            raise ErreurDonnees(f"l'assiette de « {nom} » vaut {self.assiette!r}",
                                conseil="écrivez \"ht\" (règle générale) ou \"ttc\"")
        if isinstance(self.decalage, bool) or not isinstance(self.decalage, int) or not 0 <= self.decalage <= 10:
            raise ErreurDonnees(f"le décalage de versement de « {nom} » vaut {self.decalage!r}",
                                conseil="donnez un nombre entier d'années entre 0 et 10")

    @property
    def libelle_nature(self) -> str:
        """La nature du financeur en toutes lettres."""
        return NATURES_FINANCEUR[str(self.nature)]


# ---------------------------------------------------------------------------
# Verdicts
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Verdict:
    """Le verdict d'une règle sur un plan : respectée ou non, les chiffres, la source, quoi changer."""

    #: L'identifiant de la règle (« participation_minimale »).
    regle: str
    #: L'intitulé de la règle, en français.
    intitule: str
    #: Vrai si le plan respecte la règle (ou si elle ne s'applique pas).
    respectee: bool
    #: Le constat chiffré.
    constat: str
    #: Ce qu'il faut changer (vide si la règle est respectée).
    conseil: str
    #: La source à citer (article, date, et « chiffre à vérifier » le cas échéant).
    source: str
    #: Faux si la règle ne s'applique pas à ce plan (par exemple : pas de DETR).
    applicable: bool = True
    #: Vrai si un chiffre utilisé attend une confirmation.
    a_verifier: bool = False
    #: Les chiffres du constat (montants en euros, taux en décimales).
    chiffres: dict[str, float] = field(default_factory=dict)

    @property
    def statut(self) -> str:
        """« respectée », « non respectée » ou « sans objet »."""
        if not self.applicable:
            return "sans objet"
        return "respectée" if self.respectee else "non respectée"

    def __str__(self) -> str:
        signe = {"respectée": "✔", "non respectée": "✘", "sans objet": "–"}[self.statut]
        texte = f"{signe} {self.intitule} : {self.constat}"
        if self.conseil:
            texte += f"\n  À changer : {self.conseil}"
        return texte + f"\n  Source : {self.source}"

    def _repr_html_(self) -> str:
        return Verification([self])._repr_html_()


class Verification(Sequence[Verdict]):
    """Les verdicts de toutes les règles sur un plan.

    >>> plan = PlanDeFinancement("Cour d'école", annee=2026)
    >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
    >>> plan.ajouter_financeur("Agence de l'eau", taux=0.85)
    >>> v = plan.verifier()
    >>> v.respectee, [x.regle for x in v.non_respectees()]
    (False, ['participation_minimale', 'plafond_aides_publiques'])
    """

    def __init__(self, verdicts: Iterable[Verdict]) -> None:
        self._verdicts = list(verdicts)

    def __getitem__(self, cle: int | str) -> Verdict:  # type: ignore[override]
        if isinstance(cle, str):
            for v in self._verdicts:
                if v.regle == cle:
                    return v
            raise ErreurDonnees(f"aucune règle « {cle} »",
                                conseil="règles vérifiées : " + ", ".join(v.regle for v in self._verdicts))
        return self._verdicts[cle]

    def __len__(self) -> int:
        return len(self._verdicts)

    def __iter__(self) -> Iterator[Verdict]:
        return iter(self._verdicts)

    @property
    def respectee(self) -> bool:
        """Vrai si toutes les règles applicables sont respectées."""
        return all(v.respectee for v in self._verdicts)

    def non_respectees(self) -> list[Verdict]:
        """Les verdicts des règles non respectées."""
        return [v for v in self._verdicts if not v.respectee]

    def __str__(self) -> str:
        return "\n".join(str(v) for v in self._verdicts)

    def __repr__(self) -> str:
        return f"Verification({len(self)} règles, {len(self.non_respectees())} non respectée(s))"

    def _repr_html_(self) -> str:
        # Teintes assombries de la palette d'Okabe-Ito : contraste d'au moins 4,5:1 sur fond blanc (WCAG 1.4.3).
        couleurs = {"respectée": "#006B4E", "non respectée": "#B34A00", "sans objet": "#595959"}
        signes = {"respectée": "✔", "non respectée": "✘", "sans objet": "–"}
        lignes = []
        for v in self._verdicts:
            c = couleurs[v.statut]
            conseil = f"<br><strong>À changer :</strong> {escape(v.conseil)}" if v.conseil else ""
            lignes.append(
                f"<tr><td style='color:{c};font-weight:bold;white-space:nowrap'>{signes[v.statut]} "
                f"{escape(v.statut)}</td><td><strong>{escape(v.intitule)}</strong><br>{escape(v.constat)}"
                f"{conseil}</td><td style='font-size:85%'>{escape(v.source)}</td></tr>")
        return ("<table class='mba-verdicts'><caption>Règles de cofinancement</caption><thead><tr>"
                "<th scope='col'>Verdict</th><th scope='col'>Règle et constat</th><th scope='col'>Source</th>"
                f"</tr></thead><tbody>{''.join(lignes)}</tbody></table>")


# ---------------------------------------------------------------------------
# FCTVA
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ResultatFCTVA:
    """Le FCTVA attendu : montant, assiette, taux, régime et années de versement."""

    #: Le montant total attendu, en euros.
    montant: float
    #: Les dépenses TTC éligibles, en euros.
    assiette_ttc: float
    #: Le taux appliqué (0.16404).
    taux: float
    #: Le régime de versement (« N », « N+1 » ou « N+2 »).
    regime: str
    #: Le montant versé chaque année ({2028: 181101.02}).
    versements: dict[int, float]
    #: La source du taux et du régime.
    source: str
    #: Vrai si le taux ou le régime attend une confirmation.
    a_verifier: bool = False

    @property
    def annees(self) -> list[int]:
        """Les années de versement."""
        return sorted(self.versements)

    def __str__(self) -> str:
        annees = ", ".join(f"{euros(m)} en {a}" for a, m in sorted(self.versements.items()))
        texte = (f"FCTVA attendu : {euros(self.montant)} ({pourcentage(self.taux, 3)} de {euros(self.assiette_ttc)} "
                 f"TTC éligibles), régime {self.regime} : {annees or 'aucun versement'}. Source : {self.source}")
        return texte

    def __repr__(self) -> str:
        return f"ResultatFCTVA(montant={self.montant!r}, regime={self.regime!r}, versements={self.versements!r})"

    def _repr_html_(self) -> str:
        lignes = "".join(f"<tr><td>{a}</td><td style='text-align:right'>{euros(m)}</td></tr>"
                         for a, m in sorted(self.versements.items()))
        alerte = " <em>(chiffre à vérifier)</em>" if self.a_verifier else ""
        return (f"<p><strong>FCTVA attendu : {euros(self.montant)}</strong> = {pourcentage(self.taux, 3)} × "
                f"{euros(self.assiette_ttc)} TTC éligibles (régime {escape(self.regime)}){alerte}</p>"
                "<table><caption>Versements du FCTVA</caption><thead><tr><th scope='col'>Année</th>"
                f"<th scope='col'>Montant</th></tr></thead><tbody>{lignes}</tbody></table>"
                f"<p style='font-size:85%'>Source : {escape(self.source)}</p>")


# ---------------------------------------------------------------------------
# Le plan
# ---------------------------------------------------------------------------

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

    ``annee`` choisit les paramètres réglementaires (``parametres(annee)``) ; ``regime_fctva`` vaut
    « N », « N+1 » ou « N+2 » ; ``calendrier`` dit la part des dépenses payée chaque année
    (par défaut tout en ``annee``) ; ``derogation`` vaut ``None``, « anru », « prefet » (avec
    ``categorie_derogation``) ou « petite_commune ».

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
                 emprunt: float = 0.0) -> None:
        self.titre = _texte(titre, "le titre du plan")
        self.maitre_ouvrage = _texte(maitre_ouvrage, "le nom du maître d'ouvrage")
        self.annee = _annee(annee, "l'année du plan")
        self.parametres = parametres(self.annee)
        if not isinstance(regime_fctva, str) or regime_fctva not in REGIMES_FCTVA:
            raise ErreurDonnees(f"le régime FCTVA « {regime_fctva} » n'existe pas",
                                conseil="régimes possibles : " + ", ".join(REGIMES_FCTVA))
        self.regime_fctva = regime_fctva
        self.calendrier = _calendrier(calendrier, "plan") or {self.annee: 1.0}
        self._depenses: list[Depense] = []
        self._financeurs: list[Financeur] = []
        self.emprunt = 0.0
        self._calcul: _Calcul | None = None
        self.derogation: str | None = None
        self.categorie_derogation: str | None = None
        self.choisir_derogation(derogation, categorie_derogation)
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
                    proches = difflib.get_close_matches(ligne, libelles, n=1)
                    raise ErreurDonnees(
                        f"le financeur « {f.nom} » finance la ligne « {ligne} », qui n'est pas une dépense du plan",
                        conseil=(f"vouliez-vous écrire « {proches[0]} » ? " if proches else "")
                        + "dépenses du plan : " + (", ".join(libelles) or "aucune (ajoutez-les d'abord)"))
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
        for i, d in enumerate(self._depenses):
            if d.libelle == libelle:
                return i
        connus = [d.libelle for d in self._depenses]
        proches = difflib.get_close_matches(str(libelle), connus, n=1)
        raise ErreurDonnees(f"le plan n'a pas de dépense « {libelle} »",
                            conseil=(f"vouliez-vous écrire « {proches[0]} » ? " if proches else "")
                            + "dépenses du plan : " + (", ".join(connus) or "aucune"))

    def _financeur(self, nom: str) -> int:
        for i, f in enumerate(self._financeurs):
            if f.nom == nom:
                return i
        connus = [f.nom for f in self._financeurs]
        proches = difflib.get_close_matches(str(nom), connus, n=1)
        raise ErreurDonnees(f"le plan n'a pas de financeur « {nom} »",
                            conseil=(f"vouliez-vous écrire « {proches[0]} » ? " if proches else "")
                            + "financeurs du plan : " + (", ".join(connus) or "aucun"))

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

    def ajouter_financeur(self, nom: str, taux: float | None = None, montant: float | None = None,
                          public: bool = True, nature: str | None = None, lignes: Iterable[str] | None = None,
                          plafond: float | None = None, plancher: float | None = None, assiette: str = "ht",
                          decalage: int = 0) -> None:
        """Ajoute un financeur, par ``taux`` de sa base éligible (HT) ou par ``montant``.

        ``lignes`` : les dépenses qu'il finance (toutes par défaut) ; ``plafond`` écrête une aide par
        taux ; ``plancher`` : en dessous, le financeur n'intervient pas ; ``public=False`` pour un
        mécénat ; ``nature`` parmi :data:`NATURES_FINANCEUR` (devinée d'après le nom sinon).

        >>> plan = PlanDeFinancement("École")
        >>> plan.ajouter_depense("Travaux", montant_ht=820_000)
        >>> plan.ajouter_depense("Maîtrise d'œuvre", montant_ht=80_000)
        >>> plan.ajouter_financeur("Région", taux=0.20, lignes=["Travaux"], plafond=150_000)
        >>> plan.base("Région"), plan.montant("Région")
        (820000.0, 150000.0)
        """
        if isinstance(lignes, (list, tuple, set, frozenset)):
            lignes = tuple(lignes)
        financeur = Financeur(nom, taux, montant, public, nature, lignes,  # type: ignore[arg-type]
                              plafond, plancher, assiette, decalage)
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
        self._appliquer(self._depenses, self._financeurs, _montant(montant, "Emprunt"), "avec l'emprunt")

    def choisir_derogation(self, derogation: str | None, categorie: str | None = None) -> None:
        """Invoque une dérogation à la participation minimale (``None`` pour aucune).

        « prefet » demande une ``categorie`` parmi ``financement.derogations_prefet_categories``.

        >>> plan = PlanDeFinancement("Pont communal")
        >>> plan.choisir_derogation("prefet", "ponts et ouvrages d'art")
        >>> plan.choisir_derogation("prefet", "écoles")
        Traceback (most recent call last):
        ...
        mba_territoires.erreurs.ErreurDonnees: la catégorie « écoles » n'ouvre pas droit à une dérogation du préfet.
        Conseil : catégories listées à L1111-10 : monuments protégés, ... ; sinon la règle des 20 % s'applique.
        """
        if derogation is not None and (not isinstance(derogation, str) or derogation not in DEROGATIONS):
            raise ErreurDonnees(f"la dérogation « {derogation} » n'existe pas",
                                conseil="dérogations possibles : " + ", ".join(DEROGATIONS) + " (ou None)")
        if derogation == "prefet":
            categories = list(self.parametres["financement.derogations_prefet_categories"])
            if categorie not in categories:
                raise ErreurDonnees(
                    f"la catégorie « {categorie} » n'ouvre pas droit à une dérogation du préfet",
                    conseil="catégories listées à L1111-10 : " + ", ".join(categories)
                    + " ; sinon la règle des 20 % s'applique")
        self.derogation = derogation
        self.categorie_derogation = categorie if derogation == "prefet" else None

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

    # --- règles -----------------------------------------------------------------------------------

    def _citation(self, cle: str) -> tuple[str, bool]:
        p = self.parametres.parametre(cle)
        return p.citation(), p.a_verifier

    def _plus_gros_public(self) -> str | None:
        publics = [f for f in self._financeurs if f.public and self._c.montants[f.nom] > 0]
        if not publics:
            return None
        return max(publics, key=lambda f: self._c.montants[f.nom]).nom

    def _regle_participation_minimale(self) -> Verdict:
        intitule = "Participation minimale du maître d'ouvrage (20 % des financements publics)"
        mo, s = self.autofinancement, self.subventions_publiques
        europe = any(f.nature == "europe" for f in self._financeurs)
        if self.derogation == "anru":
            source, _ = self._citation("financement.participation_minimale_mo")
            return Verdict("participation_minimale", intitule, True,
                           "dérogation générale des opérations de rénovation urbaine (loi 2003-710, art. 9) : "
                           "la participation minimale ne s'applique pas", "", source, applicable=False)
        if self.derogation == "prefet":
            source, _ = self._citation("financement.derogations_prefet_categories")
            return Verdict("participation_minimale", intitule, True,
                           f"dérogation du préfet invoquée pour la catégorie « {self.categorie_derogation} » : "
                           "la règle des 20 % est levée si le préfet l'accorde",
                           "", source + " — sous réserve de la décision du préfet", applicable=False)
        cle = ("financement.participation_minimale_mo_derogation_petites_communes"
               if self.derogation == "petite_commune" else "financement.participation_minimale_mo")
        seuil = float(self.parametres[cle])
        source, a_verifier = self._citation(cle)
        financements_publics = mo + s
        part = mo / financements_publics if financements_publics else 1.0
        manque = max(0.0, round(seuil * financements_publics - mo, 2))
        ok = manque <= _CENTIME
        constat = (f"le maître d'ouvrage apporte {euros(mo)} sur {euros(financements_publics)} de financements "
                   f"publics (sa part comprise), soit {pourcentage(part)} ; il faut au moins {pourcentage(seuil, 0)}")
        if self.financements_prives:
            constat += f" (les {euros(self.financements_prives)} de financements privés sont hors assiette)"
        if europe:
            constat += " ; les fonds européens sont comptés comme publics (traitement à vérifier)"
            a_verifier = True
        if self.derogation == "petite_commune":
            constat += " ; seuil réduit d'une proposition de loi non promulguée : chiffre à vérifier"
        conseil = ""
        if not ok:
            gros = self._plus_gros_public()
            ligne = f"réduisez « {gros} » de {euros(manque)}" if gros else f"réduisez les aides de {euros(manque)}"
            conseil = (f"{ligne} ou augmentez l'autofinancement de {euros(manque)} (en retirant autant de "
                       "subventions publiques), ou vérifiez si une dérogation s'applique")
        return Verdict("participation_minimale", intitule, ok, constat, conseil, source,
                       a_verifier=a_verifier,
                       chiffres={"autofinancement": mo, "subventions_publiques": s, "part": part, "seuil": seuil,
                                 "ecart": manque})

    def _regle_plafond_aides(self) -> Verdict:
        intitule = "Plafond des aides publiques"
        dotations = any(f.nature in ("detr", "dsil") for f in self._financeurs)
        derogation = self.derogation in ("anru", "prefet")
        cle = ("financement.plafond_aides_publiques_decret_2018" if derogation and not dotations
               else "financement.plafond_aides_publiques")
        plafond = float(self.parametres[cle])
        source, a_verifier = self._citation(cle)
        s, cout = self.subventions_publiques, self.cout_ht
        part = s / cout if cout else 0.0
        exces = max(0.0, round(s - plafond * cout, 2))
        ok = exces <= _CENTIME
        constat = (f"les aides publiques ({euros(s)}) font {pourcentage(part)} du coût HT ({euros(cout)}) ; "
                   f"plafond : {pourcentage(plafond, 0)}")
        conseil = ""
        if not ok:
            gros = self._plus_gros_public()
            conseil = (f"réduisez « {gros} » de {euros(exces)}" if gros else f"réduisez les aides de {euros(exces)}")
            conseil += " ; l'autofinancement augmente d'autant"
        return Verdict("plafond_aides_publiques", intitule, ok, constat, conseil, source, a_verifier=a_verifier,
                       chiffres={"aides_publiques": s, "cout_ht": cout, "part": part, "plafond": plafond,
                                 "ecart": exces})

    def _regle_detr(self) -> Verdict:
        intitule = "Taux de la DETR (20 % à 80 % du HT)"
        tmin = float(self.parametres["financement.detr_taux_min"])
        tmax = float(self.parametres["financement.detr_taux_max"])
        source, a_verifier = self._citation("financement.detr_taux_max")
        detr = [f for f in self._financeurs if f.nature == "detr"]
        if not detr:
            return Verdict("detr_taux", intitule, True, "le plan ne comporte pas de DETR", "", source,
                           applicable=False)
        plafond_atteint = self.subventions_publiques >= float(
            self.parametres["financement.plafond_aides_publiques"]) * self.cout_ht - _CENTIME
        constats, conseils, ok, chiffres = [], [], True, {}
        for f in detr:
            base, m = self._c.bases[f.nom], self._c.montants[f.nom]
            t = m / base if base else 0.0
            chiffres[f.nom] = t
            constats.append(f"« {f.nom} » : {euros(m)} sur une base HT de {euros(base)}, soit {pourcentage(t)}")
            if m > tmax * base + _CENTIME:
                ok = False
                conseils.append(f"ramenez « {f.nom} » à {euros(tmax * base)} au plus "
                                f"(réduction de {euros(m - tmax * base)})")
            elif m < tmin * base - _CENTIME:
                if plafond_atteint:
                    constats[-1] += " (sous 20 %, admis car les aides publiques atteignent le plafond de 80 %)"
                else:
                    ok = False
                    conseils.append(f"portez « {f.nom} » à {euros(tmin * base)} au moins "
                                    f"(hausse de {euros(tmin * base - m)}) ou vérifiez le taux du département")
        return Verdict("detr_taux", intitule, ok, " ; ".join(constats), " ; ".join(conseils), source,
                       a_verifier=a_verifier, chiffres=chiffres)

    def _regle_assiette(self) -> Verdict:
        intitule = "Aucune aide au-delà de sa base éligible"
        source, a_verifier = self._citation("financement.plafond_aides_publiques_decret_2018")
        depassements, conseils = [], []
        for f in self._financeurs:
            base, m = self._c.bases[f.nom], self._c.montants[f.nom]
            if m > base + _CENTIME:
                depassements.append(f"« {f.nom} » apporte {euros(m)} pour une base éligible de {euros(base)}")
                conseils.append(f"réduisez « {f.nom} » de {euros(m - base)}")
        if not self._financeurs:
            return Verdict("assiette", intitule, True, "le plan n'a pas encore de financeur", "", source,
                           applicable=False)
        if depassements:
            return Verdict("assiette", intitule, False, " ; ".join(depassements),
                           " ; ".join(conseils) + " ou élargissez ses lignes éligibles", source, a_verifier=a_verifier)
        return Verdict("assiette", intitule, True, "chaque aide reste dans sa base éligible", "", source,
                       a_verifier=a_verifier)

    def _regle_plancher(self) -> Verdict:
        intitule = "Plancher d'intervention des financeurs"
        avec = [f for f in self._financeurs if f.plancher is not None]
        if not avec:
            return Verdict("plancher", intitule, True, "aucun financeur n'a de plancher", "", _SOURCE_PLANCHER,
                           applicable=False)
        sous, conseils = [], []
        for f in avec:
            m = self._c.montants[f.nom]
            if m < float(f.plancher or 0) - _CENTIME:
                sous.append(f"l'aide de « {f.nom} » ({euros(m)}) est sous son plancher ({euros(f.plancher or 0)})")
                conseils.append(f"« {f.nom} » n'interviendra pas : élargissez sa base ou retirez-le du plan")
        if sous:
            return Verdict("plancher", intitule, False, " ; ".join(sous), " ; ".join(conseils), _SOURCE_PLANCHER)
        return Verdict("plancher", intitule, True, "chaque aide atteint son plancher", "", _SOURCE_PLANCHER)

    def _regle_equilibre(self) -> Verdict:
        intitule = "Recettes égales aux dépenses"
        recettes, depenses = self.total_recettes, self.cout_ht
        ok = abs(recettes - depenses) <= _CENTIME
        constat = (f"recettes {euros(recettes)} = dépenses {euros(depenses)} HT ; l'autofinancement "
                   f"({euros(self.autofinancement)}) est le solde")
        if self.emprunt:
            constat += f", dont {euros(self.emprunt)} empruntés"
        return Verdict("equilibre", intitule, ok, constat, "" if ok else "rééquilibrez le plan", _SOURCE_EQUILIBRE,
                       a_verifier=True, chiffres={"recettes": recettes, "depenses": depenses})

    def verifier(self) -> Verification:
        """Toutes les règles, chacune avec son verdict chiffré, sa source et ce qu'il faut changer.

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
        return Verification([
            self._regle_participation_minimale(),
            self._regle_plafond_aides(),
            self._regle_detr(),
            self._regle_assiette(),
            self._regle_plancher(),
            self._regle_equilibre(),
        ])

    # --- FCTVA ------------------------------------------------------------------------------------

    def fctva(self, regime: str | None = None) -> ResultatFCTVA:
        """Le FCTVA attendu : taux de l'année × dépenses TTC éligibles, versé selon le régime.

        Chaque année de dépense N donne un versement en N, N+1 ou N+2 (régime du plan par défaut).
        La déduction éventuelle des subventions de l'assiette n'est pas modélisée (à vérifier).

        >>> plan = PlanDeFinancement("École", calendrier={2026: 0.4, 2027: 0.6})
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> r = plan.fctva("N+1")
        >>> r.versements
        {2027: 7873.92, 2028: 11810.88}
        """
        regime = self.regime_fctva if regime is None else regime
        if not isinstance(regime, str) or regime not in REGIMES_FCTVA:
            raise ErreurDonnees(f"le régime FCTVA « {regime} » n'existe pas",
                                conseil="régimes possibles : " + ", ".join(REGIMES_FCTVA))
        p = self.parametres
        taux = float(p["fctva.taux"])
        decalage = int(p[REGIMES_FCTVA[regime]])
        versements: dict[int, float] = {}
        assiette = 0.0
        for d in self._depenses:
            if not d.eligible_fctva:
                continue
            assiette += d.montant_ttc
            for annee, part in self.calendrier_depense(d).items():
                versements[annee + decalage] = versements.get(annee + decalage, 0.0) + d.montant_ttc * part * taux
        versements = {a: round(m, 2) for a, m in sorted(versements.items())}
        ptaux, pregime = p.parametre("fctva.taux"), p.parametre(REGIMES_FCTVA[regime])
        source = f"taux : {ptaux.citation()} ; régime {regime} : {pregime.citation()}"
        return ResultatFCTVA(round(taux * assiette, 2), round(assiette, 2), taux, regime, versements, source,
                             a_verifier=ptaux.a_verifier or pregime.a_verifier)

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
            nouveau.titre = _texte(titre, "le titre du plan")
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
                                    "regime_fctva": self.regime_fctva, "calendrier": dict(self.calendrier),
                                    "depenses": depenses, "financeurs": financeurs, "emprunt": self.emprunt}
        if self.derogation:
            resultat["derogation"] = self.derogation
            if self.categorie_derogation:
                resultat["categorie_derogation"] = self.categorie_derogation
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
        inconnues = set(d) - {"titre", "maitre_ouvrage", "annee", "regime_fctva", "calendrier", "depenses",
                              "financeurs", "emprunt", "derogation", "categorie_derogation", "duree_emprunt",
                              "economies_annuelles", "date_notification"}
        if inconnues:
            raise ErreurDonnees(f"clé inconnue dans le plan : « {sorted(inconnues)[0]} »",
                                conseil="clés possibles : titre, maitre_ouvrage, annee, regime_fctva, calendrier, "
                                "depenses, financeurs, emprunt, derogation, categorie_derogation")
        plan = cls(d.get("titre", "Plan de financement"), d.get("maitre_ouvrage", "Maître d'ouvrage"),
                   d.get("annee", 2026), d.get("regime_fctva", "N+2"), d.get("calendrier"),
                   d.get("derogation"), d.get("categorie_derogation"))
        for ligne in d.get("depenses", []) or []:
            plan.ajouter_depense(**_sans_vides(ligne, "une dépense"))
        for ligne in d.get("financeurs", []) or []:
            plan.ajouter_financeur(**_sans_vides(ligne, "un financeur"))
        if d.get("emprunt"):
            plan.emprunter(d["emprunt"])
        return plan

    @classmethod
    def depuis_cas(cls, cas: Cas | str) -> PlanDeFinancement:
        """Le plan de la section ``financement`` d'un cas (titre, maître d'ouvrage, année, régime FCTVA).

        >>> plan = PlanDeFinancement.depuis_cas("ecole-jules-ferry")
        >>> plan.cout_ht, plan.regime_fctva
        (920000.0, 'N+2')
        """
        from .cas import charger
        from .erreurs import ErreurCas

        if isinstance(cas, str):
            cas = charger(cas)
        section = cas.financement
        if section is None:
            raise ErreurCas(f"le cas « {cas.slug} » n'a pas de section « financement »",
                            conseil="construisez le plan vous-même avec PlanDeFinancement(...) et ajouter_depense",
                            fichier=str(cas.dossier / "cas.yaml"), champ="financement")
        return cls.depuis_dict(section.model_dump(), titre=cas.projet.intitule, maitre_ouvrage=cas.maitre_ouvrage.nom,
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
        """Le plan en annexe de demande de subvention (xlsx) : titre, maître d'ouvrage, dépenses HT/TVA/TTC,
        recettes avec leurs parts, totaux, date ; formats français ; aucun texte lu comme une formule.

        ``date`` : la date imprimée (par défaut le 1er janvier de l'année du plan, pour un fichier
        reproductible).
        """
        return _exporter_excel(self, Path(chemin), date or _dt.date(self.annee, 1, 1))

    def graphique(self) -> Figure:
        """Le graphique des recettes (voir :mod:`mba_territoires.affichage.graphiques_financement`)."""
        from .affichage.graphiques_financement import graphique_recettes

        return graphique_recettes(self)

    def __repr__(self) -> str:
        return (f"PlanDeFinancement({self.titre!r}, {len(self._depenses)} dépenses, {len(self._financeurs)} "
                f"financeurs, coût HT {self.cout_ht:.2f} €, autofinancement {self.autofinancement:.2f} €)")

    def _repr_html_(self) -> str:
        cellule = "style='text-align:right'"
        dep = "".join(
            f"<tr><td>{escape(d.libelle)}</td><td {cellule}>{euros(d.montant_ht)}</td>"
            f"<td {cellule}>{pourcentage(d.tva)}</td><td {cellule}>{euros(d.montant_tva)}</td>"
            f"<td {cellule}>{euros(d.montant_ttc)}</td></tr>" for d in self._depenses)
        dep += (f"<tr style='font-weight:bold'><td>Total</td><td {cellule}>{euros(self.cout_ht)}</td><td></td>"
                f"<td {cellule}>{euros(self.cout_tva)}</td><td {cellule}>{euros(self.cout_ttc)}</td></tr>")
        rec = ""
        for ligne in self.recettes():
            genre = ("privé" if not ligne["public"] else "maître d'ouvrage" if ligne["nature"] == "maitre_ouvrage"
                     else "public")
            nom = escape(ligne["financeur"])
            if ligne["nature"] == "maitre_ouvrage" and self.emprunt:
                nom += f" <small>(dont emprunt {euros(self.emprunt)})</small>"
            rec += (f"<tr><td>{nom}</td><td>{genre}</td><td {cellule}>{euros(ligne['montant'])}</td>"
                    f"<td {cellule}>{pourcentage(ligne['part'])}</td></tr>")
        rec += (f"<tr style='font-weight:bold'><td>Total</td><td></td><td {cellule}>{euros(self.total_recettes)}</td>"
                f"<td {cellule}>{pourcentage(1.0 if self.cout_ht else 0.0)}</td></tr>")
        solde = round(self.total_recettes - self.cout_ht, 2)
        return (f"<div class='mba-plan'><p><strong>{escape(self.titre)}</strong></p>"
                f"<p>Maître d'ouvrage : {escape(self.maitre_ouvrage)} — plan {self.annee}</p>"
                "<table><caption>Dépenses</caption><thead><tr><th scope='col'>Poste</th><th scope='col'>HT</th>"
                "<th scope='col'>TVA (taux)</th><th scope='col'>TVA</th><th scope='col'>TTC</th></tr></thead>"
                f"<tbody>{dep}</tbody></table>"
                "<table><caption>Recettes (base HT)</caption><thead><tr><th scope='col'>Financeur</th>"
                "<th scope='col'>Nature</th><th scope='col'>Montant</th><th scope='col'>Part</th></tr></thead>"
                f"<tbody>{rec}</tbody></table>"
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


# ---------------------------------------------------------------------------
# Comparer des scénarios
# ---------------------------------------------------------------------------

class Comparaison:
    """Des plans côte à côte : recettes par financeur, part du maître d'ouvrage, règles, FCTVA.

    >>> plan = PlanDeFinancement("Plan A")
    >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
    >>> plan.ajouter_financeur("DETR", taux=0.30)
    >>> c = comparer_plans(plan, plan.variante("Plan B", refuser=["DETR"]))
    >>> c.tableau().loc["DETR"].tolist()
    [30000.0, 0.0]
    """

    def __init__(self, plans: Sequence[PlanDeFinancement]) -> None:
        if not plans:
            raise ErreurDonnees("aucun plan à comparer", conseil="donnez au moins deux plans : comparer_plans(a, b)")
        titres = [p.titre for p in plans]
        if len(set(titres)) != len(titres):
            raise ErreurDonnees("deux plans comparés portent le même titre",
                                conseil="donnez un titre à chaque variante : plan.variante(\"Sans Fonds vert\", ...)")
        self.plans = list(plans)

    def tableau(self) -> pd.DataFrame:
        """Une ligne par financeur et par indicateur, une colonne par plan (montants bruts, taux en décimales)."""
        import pandas as pd

        noms: list[str] = []
        for p in self.plans:
            for f in p.financeurs:
                if f.nom not in noms:
                    noms.append(f.nom)
        lignes: dict[str, list[float]] = {}
        for nom in noms:
            lignes[nom] = [p.montant(nom) if any(f.nom == nom for f in p.financeurs) else 0.0 for p in self.plans]
        lignes["Autofinancement"] = [p.autofinancement for p in self.plans]
        lignes["Coût HT"] = [p.cout_ht for p in self.plans]
        lignes["Part du maître d'ouvrage"] = [p.autofinancement / ((p.autofinancement + p.subventions_publiques) or 1)
                                              for p in self.plans]
        lignes["Aides publiques / coût HT"] = [p.subventions_publiques / (p.cout_ht or 1) for p in self.plans]
        lignes["Règles non respectées"] = [float(len(p.verifier().non_respectees())) for p in self.plans]
        lignes["FCTVA"] = [p.fctva().montant for p in self.plans]
        return pd.DataFrame(lignes, index=[p.titre for p in self.plans]).T

    def graphique(self) -> Figure:
        """Les recettes de chaque scénario en barres empilées."""
        from .affichage.graphiques_financement import graphique_comparaison

        return graphique_comparaison(self)

    def __repr__(self) -> str:
        return f"Comparaison({', '.join(repr(p.titre) for p in self.plans)})"

    def _repr_html_(self) -> str:
        t = self.tableau()
        entete = "".join(f"<th scope='col'>{escape(str(c))}</th>" for c in t.columns)
        corps = ""
        for nom, rangee in t.iterrows():
            if nom in ("Part du maître d'ouvrage", "Aides publiques / coût HT"):
                cellules = [pourcentage(v) for v in rangee]
            elif nom == "Règles non respectées":
                cellules = [str(int(v)) for v in rangee]
            else:
                cellules = [euros(v) for v in rangee]
            corps += (f"<tr><th scope='row'>{escape(str(nom))}</th>"
                      + "".join(f"<td style='text-align:right'>{c}</td>" for c in cellules) + "</tr>")
        return (f"<table><caption>Scénarios comparés</caption><thead><tr><th></th>{entete}</tr></thead>"
                f"<tbody>{corps}</tbody></table>")


def comparer_plans(*plans: PlanDeFinancement) -> Comparaison:
    """Compare des plans côte à côte (voir :class:`Comparaison`)."""
    return Comparaison(plans)


# ---------------------------------------------------------------------------
# Export Excel : l'annexe « plan de financement » d'une demande de subvention
# ---------------------------------------------------------------------------

#: Formats de nombre des cellules (Excel les affiche à la française sur un poste en français).
FORMAT_EUROS = '#,##0.00\\ "€"'
FORMAT_TAUX = "0.0\\ %"


def _exporter_excel(plan: PlanDeFinancement, chemin: Path, date: _dt.date) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from .formats import date_fr

    classeur = Workbook()
    feuille = classeur.active
    feuille.title = "Plan de financement"
    gras = Font(bold=True)
    entete = PatternFill("solid", fgColor="DCE6F1")
    trait = Border(bottom=Side(style="thin"))

    def texte(ligne: int, colonne: int, valeur: str, **style: Any) -> None:
        cellule = feuille.cell(row=ligne, column=colonne)
        cellule.value = neutraliser_formule(valeur)
        cellule.data_type = "s"  # jamais une formule, quel que soit le texte saisi
        for cle, v in style.items():
            setattr(cellule, cle, v)

    def nombre(ligne: int, colonne: int, valeur: float | None, fmt: str, **style: Any) -> None:
        cellule = feuille.cell(row=ligne, column=colonne, value=valeur)
        cellule.number_format = fmt
        for cle, v in style.items():
            setattr(cellule, cle, v)

    texte(1, 1, "Plan de financement prévisionnel", font=Font(bold=True, size=14))
    texte(2, 1, "Opération :", font=gras)
    texte(2, 2, plan.titre)
    texte(3, 1, "Maître d'ouvrage :", font=gras)
    texte(3, 2, plan.maitre_ouvrage)
    texte(4, 1, "Date :", font=gras)
    texte(4, 2, date_fr(date))
    texte(5, 1, "Montants en euros ; recettes calculées sur le coût hors taxes (HT).", font=Font(italic=True))

    ligne = 7
    texte(ligne, 1, "Dépenses", font=Font(bold=True, size=12))
    ligne += 1
    for col, titre in enumerate(("Poste de dépense", "Montant HT", "Taux de TVA", "TVA", "Montant TTC"), 1):
        texte(ligne, col, titre, font=gras, fill=entete, border=trait)
    for d in plan.depenses:
        ligne += 1
        texte(ligne, 1, d.libelle)
        nombre(ligne, 2, d.montant_ht, FORMAT_EUROS)
        nombre(ligne, 3, d.tva, FORMAT_TAUX)
        nombre(ligne, 4, d.montant_tva, FORMAT_EUROS)
        nombre(ligne, 5, d.montant_ttc, FORMAT_EUROS)
    ligne += 1
    texte(ligne, 1, "Total des dépenses", font=gras)
    nombre(ligne, 2, plan.cout_ht, FORMAT_EUROS, font=gras)
    nombre(ligne, 4, plan.cout_tva, FORMAT_EUROS, font=gras)
    nombre(ligne, 5, plan.cout_ttc, FORMAT_EUROS, font=gras)

    ligne += 2
    texte(ligne, 1, "Recettes", font=Font(bold=True, size=12))
    ligne += 1
    for col, titre in enumerate(("Financeur", "Nature", "Montant HT", "Part du coût HT"), 1):
        texte(ligne, col, titre, font=gras, fill=entete, border=trait)
    for r in plan.recettes():
        ligne += 1
        nom = r["financeur"]
        if r["nature"] == "maitre_ouvrage" and plan.emprunt:
            nom += f" (dont emprunt : {euros(plan.emprunt).replace(chr(0x202F), ' ').replace(chr(0xA0), ' ')})"
        texte(ligne, 1, nom)
        texte(ligne, 2, "maître d'ouvrage" if r["nature"] == "maitre_ouvrage"
              else NATURES_FINANCEUR.get(r["nature"], r["nature"]))
        nombre(ligne, 3, r["montant"], FORMAT_EUROS)
        nombre(ligne, 4, r["part"], FORMAT_TAUX)
    ligne += 1
    texte(ligne, 1, "Total des recettes", font=gras)
    nombre(ligne, 3, plan.total_recettes, FORMAT_EUROS, font=gras)
    nombre(ligne, 4, 1.0 if plan.cout_ht else 0.0, FORMAT_TAUX, font=gras)

    ligne += 2
    texte(ligne, 1, "Règles de cofinancement", font=Font(bold=True, size=12))
    for v in plan.verifier():
        ligne += 1
        texte(ligne, 1, v.intitule)
        texte(ligne, 2, v.statut, font=gras)
        texte(ligne, 3, v.source, alignment=Alignment(wrap_text=False))
    ligne += 2
    texte(ligne, 1, "Certifié exact par le maître d'ouvrage. Signature :", font=Font(italic=True))

    for col, largeur in zip("ABCDE", (46, 34, 20, 18, 18), strict=True):
        feuille.column_dimensions[col].width = largeur
    classeur.properties.creator = "mba-territoires"
    classeur.properties.title = neutraliser_formule(plan.titre)
    classeur.save(chemin)
    return chemin
