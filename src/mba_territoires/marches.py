"""La commande publique : valeur estimée du besoin, procédure de passation, fractionnement.

Le code de la commande publique (CCP) choisit la procédure d'après la **valeur estimée du besoin**, pas
d'après le montant d'un devis ou d'une année :

- R2121-1 : le montant total hors taxes du ou des marchés envisagés, **options, reconductions et
  ensemble des lots** compris (et les primes versées aux candidats) ;
- R2121-3 : la valeur estimée au moment de l'envoi de l'avis d'appel à la concurrence ou, sans avis,
  au lancement de la consultation : c'est la **date de lancement** qui fixe les seuils applicables ;
- R2121-5 : pour des travaux, la valeur totale des travaux d'une **opération** (unité fonctionnelle,
  technique ou économique), plus les fournitures et services que l'acheteur met à la disposition du
  titulaire ;
- R2121-6 : pour des fournitures ou des services, la valeur totale des prestations **homogènes** (par
  leurs caractéristiques propres ou parce qu'elles forment une unité fonctionnelle) ;
- R2121-8 : pour un accord-cadre, son maximum sur toute sa durée.

Les seuils (dispense, procédure formalisée, publicité) sont des paramètres datés (``commande_publique.*``)
lus à la date de lancement : jamais un 1er janvier implicite.

>>> b = Besoin("Entretien des espaces verts", "fournitures_services", montant_annuel_ht=20_000, duree_ans=4)
>>> b.valeur_ht
80000.0
>>> b.procedure("2026-10-01").procedure
'adaptee'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any, Literal

from . import saisie
from .erreurs import ErreurDate, ErreurSaisie
from .parametres import Parametre, Parametres, parametres

if TYPE_CHECKING:  # pragma: no cover
    from .verdicts import Verdict

__all__ = [
    "Besoin",
    "Lot",
    "Marche",
    "Nature",
    "ProcedureMarche",
    "procedure_marche",
    "seuils_en_vigueur",
    "valeur_du_besoin",
    "verifier_fractionnement",
]

Nature = Literal["travaux", "fournitures_services"]

_NATURES = ("travaux", "fournitures_services")
_SYNONYMES_NATURE = {"fournitures_services": ["services", "service", "fournitures", "fourniture",
                                             "fournitures et services", "fournitures ou services"],
                     "travaux": ["travail"]}


def _montant(valeur: Any, quoi: str) -> float:
    return saisie.montant(valeur, quoi)


def _nombre(valeur: Any, quoi: str, minimum: float = 0) -> float:
    return saisie.nombre(valeur, quoi, minimum=minimum)


def _nature(valeur: Any) -> str:
    return saisie.choix(valeur, list(_NATURES), "la nature du marché", synonymes=_SYNONYMES_NATURE)


def _date_lancement(date: Any) -> _dt.date:
    if date is None:
        raise ErreurDate(
            "la date de lancement de la consultation manque",
            conseil="les seuils s'apprécient à l'envoi de l'avis d'appel à la concurrence ou au lancement de la "
            "consultation (CCP R2121-3), et ils changent en cours d'année (le 1er avril 2026 pour les fournitures "
            "et services) : donnez date=\"2026-10-01\"")
    return saisie.date(date, "la date de lancement")


# ---------------------------------------------------------------------------
# Seuils en vigueur à une date
# ---------------------------------------------------------------------------

def _parametres_au(jour: _dt.date) -> Parametres:
    """Les paramètres en vigueur le ``jour`` (format daté : :func:`~mba_territoires.parametres.parametres`)."""
    return parametres(jour)


@dataclass(frozen=True)
class Seuils:
    """Les seuils de procédure d'une nature de marché, en vigueur à une date de lancement."""

    #: La date de lancement.
    date: _dt.date
    #: La nature du marché.
    nature: str
    #: Sous ce seuil (strictement), dispense de publicité et de mise en concurrence (CCP R2122-8).
    dispense: Parametre
    #: À partir de ce seuil, procédure formalisée (seuil européen, avis annexé au CCP).
    formalise: Parametre
    #: À partir de ce seuil, en procédure adaptée, publicité au BOAMP ou dans un JAL (CCP R2131-12).
    publicite: Parametre


def seuils_en_vigueur(nature: Nature, date: _dt.date | str,
                      acheteur: Literal["collectivite", "etat"] = "collectivite") -> Seuils:
    """Les seuils de dispense, de publicité et de procédure formalisée en vigueur à la date de lancement.

    >>> s = seuils_en_vigueur("fournitures_services", "2026-03-31")
    >>> s.dispense.valeur, seuils_en_vigueur("fournitures_services", "2026-04-01").dispense.valeur
    (40000, 60000)
    >>> seuils_en_vigueur("travaux", "2026-01-01").dispense.valeur
    100000
    """
    nature = _nature(nature)
    jour = _date_lancement(date)
    if acheteur not in ("collectivite", "etat"):
        raise ErreurSaisie(f"l'acheteur vaut {acheteur!r}", conseil="choisissez « collectivite » ou « etat »")
    p = _parametres_au(jour)
    if nature == "travaux":
        dispense = p.parametre("commande_publique.dispense_travaux")
        formalise = p.parametre("commande_publique.formalise_travaux")
    else:
        dispense = p.parametre("commande_publique.dispense_fournitures_services")
        cle = ("formalise_fournitures_services_collectivites" if acheteur == "collectivite"
               else "formalise_fournitures_services_etat")
        formalise = p.parametre(f"commande_publique.{cle}")
    publicite = p.parametre("commande_publique.publicite_boamp")
    return Seuils(jour, nature, dispense, formalise, publicite)


# ---------------------------------------------------------------------------
# Valeur estimée du besoin
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Lot:
    """Un lot d'un marché alloti : son nom et son montant HT (par an pour des services récurrents).

    >>> Lot("Plantations", 12_000).montant_ht
    12000.0
    """

    #: Le nom du lot (« Lot 2 : plantations »).
    nom: str
    #: Le montant HT du lot : total pour des travaux, par an pour des fournitures et services récurrents.
    montant_ht: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "montant_ht", _montant(self.montant_ht, f"le montant du lot « {self.nom} »"))


def _lot(x: Lot | Mapping[str, Any] | tuple[str, float]) -> Lot:
    if isinstance(x, Lot):
        return x
    if isinstance(x, Mapping):
        return Lot(**dict(x))
    if isinstance(x, tuple) and len(x) == 2:
        return Lot(str(x[0]), x[1])
    raise ErreurSaisie(f"{x!r} ne décrit pas un lot", conseil="écrivez Lot(\"Plantations\", 12000)")


@dataclass(frozen=True)
class Besoin:
    """Un besoin à satisfaire par un ou plusieurs marchés, et sa valeur estimée (CCP R2121-1 à R2121-9).

    Pour des **fournitures et services**, ``montant_annuel_ht`` est le montant d'une année (ou de chaque
    lot, par an) ; la valeur estimée couvre la durée totale : ``duree_ans`` fermes, plus ``reconductions``
    périodes de ``duree_reconduction_ans``, plus les options et les primes. Pour des **travaux**,
    ``montant_ht`` (ou les lots) est le coût des travaux de toute l'opération, plus les fournitures et
    services mis à la disposition du titulaire, les options et les primes.

    >>> Besoin("Nettoyage", "fournitures_services", montant_annuel_ht=15_000, duree_ans=1,
    ...        reconductions=3).valeur_ht   # 15 000 × (1 + 3 × 1)
    60000.0
    >>> Besoin("Cour", "travaux", lots=[("Gros œuvre", 70_000), ("Plantations", 34_000)]).valeur_ht
    104000.0
    """

    #: L'objet du besoin (« Entretien des espaces verts »).
    objet: str
    #: « travaux » ou « fournitures_services ».
    nature: str
    #: Travaux : le montant HT de l'opération (si pas de lots).
    montant_ht: float | None = None
    #: Fournitures et services : le montant HT d'une année (si pas de lots).
    montant_annuel_ht: float | None = None
    #: Les lots (tous comptent ensemble, R2121-1).
    lots: tuple[Lot, ...] = ()
    #: Fournitures et services : la durée ferme, en années.
    duree_ans: float = 1.0
    #: Le nombre de reconductions prévues.
    reconductions: int = 0
    #: La durée de chaque reconduction, en années.
    duree_reconduction_ans: float = 1.0
    #: Le montant HT des options (prestations supplémentaires éventuelles, tranches optionnelles).
    options_ht: float = 0.0
    #: Les primes ou paiements prévus au profit des candidats (R2121-1).
    primes_ht: float = 0.0
    #: Travaux : fournitures et services mis à la disposition du titulaire par l'acheteur (R2121-5).
    mis_a_disposition_ht: float = 0.0
    #: L'opération de travaux ou la famille homogène de fournitures et services à laquelle le besoin
    #: appartient (sert à repérer un fractionnement).
    famille: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.objet, str) or not self.objet.strip():
            raise ErreurSaisie("le besoin n'a pas d'objet", conseil="décrivez-le en quelques mots (« Nettoyage »)")
        object.__setattr__(self, "nature", _nature(self.nature))
        lots = tuple(_lot(x) for x in (self.lots or ()))
        object.__setattr__(self, "lots", lots)
        base = self.montant_ht if self.nature == "travaux" else self.montant_annuel_ht
        autre = self.montant_annuel_ht if self.nature == "travaux" else self.montant_ht
        champ = "montant_ht" if self.nature == "travaux" else "montant_annuel_ht"
        if autre is not None and base is None:
            faux = "montant_annuel_ht" if self.nature == "travaux" else "montant_ht"
            raise ErreurSaisie(
                f"le besoin « {self.objet} » ({self.nature.replace('_', ' et ')}) a un {faux} au lieu d'un {champ}",
                conseil="travaux : montant_ht de toute l'opération ; fournitures et services : montant_annuel_ht "
                "(la valeur sur toute la durée est calculée pour vous)")
        if base is None and not lots:
            raise ErreurSaisie(f"le besoin « {self.objet} » n'a ni {champ} ni lots",
                               conseil=f"donnez {champ}=… ou lots=[Lot(\"…\", montant), …]")
        if base is not None and lots:
            raise ErreurSaisie(f"le besoin « {self.objet} » a à la fois un {champ} et des lots",
                               conseil="donnez l'un ou l'autre : la somme des lots est le montant")
        if base is not None:
            object.__setattr__(self, champ, _montant(base, f"le montant du besoin « {self.objet} »"))
        object.__setattr__(self, "duree_ans", _nombre(self.duree_ans, "la durée ferme (en années)", 0))
        if self.nature != "travaux" and self.duree_ans <= 0:
            raise ErreurSaisie(f"la durée ferme du besoin « {self.objet} » vaut {self.duree_ans:g}",
                               conseil="donnez la durée en années, par exemple duree_ans=4 (ou 0.5 pour six mois)")
        object.__setattr__(self, "reconductions",
                           saisie.entier(self.reconductions, "le nombre de reconductions", minimum=0))
        object.__setattr__(self, "duree_reconduction_ans",
                           _nombre(self.duree_reconduction_ans, "la durée d'une reconduction (en années)", 0))
        for nom in ("options_ht", "primes_ht", "mis_a_disposition_ht"):
            object.__setattr__(self, nom, _montant(getattr(self, nom), f"{nom.replace('_ht', '')} du besoin"))
        object.__setattr__(self, "famille", str(self.famille or "").strip())

    # --- calcul ------------------------------------------------------------------------------------

    @property
    def montant_de_base_ht(self) -> float:
        """Le montant de base : la somme des lots, ou le montant saisi (par an pour des services)."""
        if self.lots:
            return round(sum(lot.montant_ht for lot in self.lots), 2)
        return float(self.montant_ht if self.nature == "travaux" else self.montant_annuel_ht)  # type: ignore[arg-type]

    @property
    def duree_totale_ans(self) -> float:
        """La durée totale, reconductions comprises (fournitures et services)."""
        return self.duree_ans + self.reconductions * self.duree_reconduction_ans

    def detail(self) -> list[tuple[str, float]]:
        """Les termes de la valeur estimée, dans l'ordre du calcul (libellé, euros HT).

        >>> Besoin("Cantine", "fournitures_services", montant_annuel_ht=30_000, duree_ans=2,
        ...        reconductions=1, options_ht=5_000).detail()[-1]
        ('valeur estimée du besoin', 95000.0)
        """
        lignes: list[tuple[str, float]] = []
        base = self.montant_de_base_ht
        if self.nature == "travaux":
            lignes.append(("travaux de l'opération" + (f" ({len(self.lots)} lots)" if self.lots else ""), base))
            if self.mis_a_disposition_ht:
                lignes.append(("fournitures et services mis à disposition", self.mis_a_disposition_ht))
        else:
            lignes.append((f"{base:.2f} € par an × {self.duree_ans:g} an(s) ferme(s)", round(base * self.duree_ans, 2)))
            if self.reconductions:
                lignes.append((f"{self.reconductions} reconduction(s) de {self.duree_reconduction_ans:g} an(s)",
                               round(base * self.reconductions * self.duree_reconduction_ans, 2)))
        if self.options_ht:
            lignes.append(("options", self.options_ht))
        if self.primes_ht:
            lignes.append(("primes aux candidats", self.primes_ht))
        lignes.append(("valeur estimée du besoin", round(sum(v for _, v in lignes), 2)))
        return lignes

    @property
    def valeur_ht(self) -> float:
        """La valeur estimée du besoin, en euros HT, qui se compare aux seuils."""
        return self.detail()[-1][1]

    def procedure(self, date: _dt.date | str, acheteur: Literal["collectivite", "etat"] = "collectivite"
                  ) -> ProcedureMarche:
        """La procédure selon la valeur estimée et les seuils en vigueur à la date de lancement ``date``."""
        return procedure_marche(self, date=date, acheteur=acheteur)

    def __repr__(self) -> str:
        return f"Besoin({self.objet!r}, {self.nature}, valeur estimée {self.valeur_ht:.2f} € HT)"

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html
        from .formats import euros

        return tableau_html([(libelle, euros(v)) for libelle, v in self.detail()], ["Terme", "Euros HT"],
                            legende=f"Valeur estimée du besoin « {self.objet} » (CCP R2121-1)")


def valeur_du_besoin(montant: float, nature: Nature, *, duree_ans: float = 1, reconductions: int = 0,
                     duree_reconduction_ans: float = 1, options_ht: float = 0, objet: str = "besoin",
                     **autres: Any) -> Besoin:
    """Le :class:`Besoin` d'un montant (annuel pour des fournitures et services, total pour des travaux).

    >>> valeur_du_besoin(20_000, "fournitures_services", duree_ans=4).valeur_ht
    80000.0
    """
    cle = "montant_ht" if _nature(nature) == "travaux" else "montant_annuel_ht"
    return Besoin(objet, nature, **{cle: montant}, duree_ans=duree_ans, reconductions=reconductions,
                  duree_reconduction_ans=duree_reconduction_ans, options_ht=options_ht, **autres)


# ---------------------------------------------------------------------------
# Procédure
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ProcedureMarche:
    """La procédure de passation d'un marché et ses délais minimaux."""

    #: « travaux » ou « fournitures_services ».
    nature: str
    #: La valeur estimée du besoin, en euros HT.
    montant_ht: float
    #: « dispense », « adaptee » ou « formalisee ».
    procedure: str
    #: Le nom de la procédure, en français.
    libelle: str
    #: Le seuil qui a décidé (euros HT).
    seuil: float
    #: D'où vient le seuil.
    citation: str
    #: La publicité exigée.
    publicite: str
    #: Le délai minimal de réception des offres, en jours (0 : pas de délai imposé).
    delai_offres_jours: int
    #: Le délai de suspension avant signature (standstill), en jours.
    standstill_jours: int
    #: Vrai si l'un des chiffres utilisés attend une confirmation.
    a_verifier: bool = False
    #: La date de lancement à laquelle les seuils ont été lus.
    date_lancement: _dt.date | None = None
    #: Le détail de la valeur estimée (libellé, euros HT), si elle vient d'un :class:`Besoin`.
    detail: tuple[tuple[str, float], ...] = ()
    #: Les seuils comparés : {nom: euros HT}.
    seuils: dict[str, float] = field(default_factory=dict)

    @property
    def delai_min_jours(self) -> int:
        """Le délai minimal entre la publication et la signature possible : offres + suspension."""
        return self.delai_offres_jours + self.standstill_jours

    def verdict(self) -> Verdict:
        """Le résultat sous la forme commune d'un :class:`~mba_territoires.verdicts.Verdict`.

        >>> procedure_marche(80_000, "fournitures_services", "2026-10-01").verdict().respectee
        True
        """
        from .formats import euros
        from .verdicts import Verdict

        seuils = " ; ".join(f"{k} : {euros(v, 0)}" for k, v in self.seuils.items())
        date = f" lancée le {self.date_lancement:%d/%m/%Y}" if self.date_lancement else ""
        return Verdict(
            regle="procedure_marche", intitule=f"Procédure de passation ({self.nature.replace('_', ' et ')})",
            respectee=True,
            constat=f"valeur estimée {euros(self.montant_ht, 0)} HT{date} : {self.libelle.lower()} ({seuils})",
            conseil=f"publicité : {self.publicite} ; délai minimal avant signature : {self.delai_min_jours} jours",
            source=self.citation, a_verifier=self.a_verifier,
            chiffres={"valeur estimée HT": self.montant_ht, **self.seuils}, article="CCP, art. R2121-1 et R2122-8")

    def __str__(self) -> str:
        reserve = " (chiffre à vérifier)" if self.a_verifier else ""
        return (f"{self.libelle} ; publicité : {self.publicite} ; délai minimal : {self.delai_min_jours} jours"
                f"{reserve}")

    def _repr_html_(self) -> str:
        from .formats import euros

        nature = escape(self.nature.replace("_", " et "))
        date = f", lancé le {self.date_lancement:%d/%m/%Y}" if self.date_lancement else ""
        return (f"<p><strong>{escape(self.libelle)}</strong> pour un marché de {nature}"
                f" d'une valeur estimée de {euros(self.montant_ht, 0)} HT{date}.<br>"
                f"Publicité : {escape(self.publicite)}.<br>"
                f"Délai minimal avant signature : {self.delai_min_jours} jours.<br><small>Seuil : "
                f"{euros(self.seuil, 0)} HT — {escape(self.citation)}</small></p>")


def procedure_marche(montant_ht: float | Besoin, nature: Nature | None = None, date: _dt.date | str | None = None,
                     annee: int | None = None, acheteur: Literal["collectivite", "etat"] = "collectivite"
                     ) -> ProcedureMarche:
    """La procédure d'un marché selon la valeur estimée du besoin, sa nature et sa **date de lancement**.

    ``montant_ht`` est la valeur estimée de tout le besoin (options, reconductions, lots compris) ou un
    :class:`Besoin` qui la calcule. En dessous du seuil de dispense, ni publicité ni mise en concurrence
    obligatoires (CCP R2122-8) ; à partir de lui, procédure adaptée ; à partir du seuil européen,
    procédure formalisée. Le montant égal au seuil passe dans la procédure du dessus (« égale ou
    supérieure »). ``date`` est obligatoire : les seuils sont ceux en vigueur ce jour-là (``annee`` est
    gardé pour compatibilité et ne sert plus).

    >>> procedure_marche(104_000, "travaux", "2026-03-02").procedure
    'adaptee'
    >>> procedure_marche(99_999.99, "travaux", "2026-03-02").procedure
    'dispense'
    >>> procedure_marche(50_000, "fournitures_services", date="2026-04-01").procedure
    'dispense'
    """
    besoin = montant_ht if isinstance(montant_ht, Besoin) else None
    if besoin is not None:
        nature_ = besoin.nature
        if nature is not None and _nature(nature) != nature_:
            raise ErreurSaisie(f"le besoin « {besoin.objet} » est de nature « {nature_} », pas « {nature} »",
                               conseil="ne redonnez pas la nature : elle vient du besoin")
        montant = besoin.valeur_ht
    else:
        nature_ = _nature("travaux" if nature is None else nature)
        montant = _montant(montant_ht, "la valeur estimée du marché")
    s = seuils_en_vigueur(nature_, date, acheteur)  # type: ignore[arg-type]
    jour = s.date
    p = _parametres_au(jour)
    detail = tuple(besoin.detail()) if besoin is not None else ()
    seuils = {"seuil de dispense": float(s.dispense.valeur), "seuil de procédure formalisée": float(s.formalise.valeur)}
    commun = {"date_lancement": jour, "detail": detail, "seuils": seuils}
    if montant < s.dispense.valeur:
        return ProcedureMarche(nature_, montant, "dispense", "Marché sans publicité ni mise en concurrence préalables",
                               float(s.dispense.valeur), s.dispense.citation(),
                               "aucune obligée ; demander plusieurs devis reste une bonne pratique", 0, 0,
                               s.dispense.a_verifier, **commun)
    if montant < s.formalise.valeur:
        mapa = p.parametre("commande_publique.delai_mapa_conseille")
        if montant >= s.publicite.valeur:
            publicite = "avis au BOAMP ou dans un journal d'annonces légales (CCP R2131-12)"
        else:
            publicite = "libre, adaptée au montant et à l'objet (CCP R2131-12)"
        return ProcedureMarche(nature_, montant, "adaptee", "Procédure adaptée (MAPA)", float(s.dispense.valeur),
                               f"{s.dispense.citation()} ; délai : {mapa.source}", publicite, int(mapa.valeur), 0,
                               s.dispense.a_verifier or mapa.a_verifier or s.publicite.a_verifier, **commun)
    ao = p.parametre("commande_publique.delai_appel_offres_ouvert")
    standstill = p.parametre("commande_publique.standstill")
    return ProcedureMarche(nature_, montant, "formalisee", "Procédure formalisée (appel d'offres ouvert)",
                           float(s.formalise.valeur),
                           f"{s.formalise.citation()} ; délais : {ao.source}, {standstill.source}",
                           "avis au BOAMP et au Journal officiel de l'Union européenne", int(ao.valeur),
                           int(standstill.valeur), s.formalise.a_verifier or ao.a_verifier, **commun)


# ---------------------------------------------------------------------------
# Fractionnement (« saucissonnage »)
# ---------------------------------------------------------------------------

def verifier_fractionnement(besoins: Iterable[Besoin], date: _dt.date | str,
                            acheteur: Literal["collectivite", "etat"] = "collectivite") -> list[Verdict]:
    """Un verdict par famille (opération de travaux ou besoin homogène) qui réunit plusieurs besoins.

    La famille est ``Besoin.famille`` (à défaut, l'objet) : des besoins de même nature et de même famille
    sont un seul besoin au sens de R2121-5 et R2121-6. Si la somme change de procédure alors que chaque
    morceau, pris seul, passerait dans une procédure plus légère, le besoin paraît fractionné : l'acheteur
    « ne peut se soustraire » aux règles en scindant ses achats (CCP R2121-4).

    >>> v = verifier_fractionnement([Besoin("Tonte 2026", "fournitures_services", montant_annuel_ht=35_000,
    ...                                     famille="espaces verts"),
    ...                              Besoin("Taille 2026", "fournitures_services", montant_annuel_ht=30_000,
    ...                                     famille="espaces verts")], "2026-10-01")
    >>> v[0].respectee, v[0].chiffres["valeur estimée HT"]
    (False, 65000.0)
    """
    from .formats import euros
    from .verdicts import Verdict

    groupes: dict[tuple[str, str], list[Besoin]] = {}
    for b in besoins:
        if not isinstance(b, Besoin):
            raise ErreurSaisie(f"{b!r} n'est pas un besoin", conseil="donnez une liste de Besoin(...)")
        groupes.setdefault((b.nature, (b.famille or b.objet).strip().lower()), []).append(b)
    ordre = {"dispense": 0, "adaptee": 1, "formalisee": 2}
    verdicts = []
    for (nature, _famille), membres in groupes.items():
        if len(membres) < 2:
            continue
        total = round(sum(b.valeur_ht for b in membres), 2)
        ensemble = procedure_marche(total, nature, date, acheteur=acheteur)  # type: ignore[arg-type]
        morceaux = [procedure_marche(b, date=date, acheteur=acheteur) for b in membres]
        plus_lourde = max(ordre[m.procedure] for m in morceaux)
        fractionne = ordre[ensemble.procedure] > plus_lourde
        noms = ", ".join(f"« {b.objet} » ({euros(b.valeur_ht, 0)})" for b in membres)
        constat = (f"{len(membres)} besoins de la même famille « {membres[0].famille or membres[0].objet} » : {noms} ; "
                   f"ensemble {euros(total, 0)} HT → {ensemble.libelle.lower()}")
        conseil = ("" if not fractionne else
                   "additionnez-les : c'est un seul besoin (même opération ou prestations homogènes) ; passez la "
                   f"procédure de l'ensemble ({ensemble.libelle.lower()}), quitte à l'allotir")
        verdicts.append(Verdict(
            regle="fractionnement", intitule="Pas de fractionnement du besoin (saucissonnage)",
            respectee=not fractionne, constat=constat, conseil=conseil,
            source="CCP, art. R2121-4 (interdiction de scinder), R2121-5 (travaux), R2121-6 (fournitures et services)",
            a_verifier=ensemble.a_verifier, chiffres={"valeur estimée HT": total, **ensemble.seuils},
            article="CCP, art. R2121-4"))
    return verdicts


# ---------------------------------------------------------------------------
# Un marché porté par le planning
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Marche:
    """Un marché à passer, porté par une tâche de consultation du planning.

    ``montant_ht`` est le montant d'une année pour des fournitures et services récurrents (avec
    ``duree_ans`` et ``reconductions``), le montant de l'opération pour des travaux.

    >>> Marche("Entretien", "fournitures_services", 20_000, duree_ans=4).besoin().valeur_ht
    80000.0
    """

    #: L'objet du marché (« Travaux de la cour »).
    objet: str
    #: « travaux » ou « fournitures_services ».
    nature: Nature
    #: Travaux : la valeur de l'opération ; fournitures et services : le montant d'une année, en euros HT.
    montant_ht: float
    #: Le nom de la tâche du planning qui porte la consultation (sa date de début = date de lancement).
    tache: str | None = None
    #: Fournitures et services : la durée ferme, en années.
    duree_ans: float = 1.0
    #: Le nombre de reconductions.
    reconductions: int = 0
    #: Les options, en euros HT.
    options_ht: float = 0.0
    #: L'opération ou la famille homogène (pour repérer un fractionnement).
    famille: str = ""

    def besoin(self) -> Besoin:
        """Le besoin, dont la valeur estimée décide de la procédure."""
        return valeur_du_besoin(self.montant_ht, self.nature, duree_ans=self.duree_ans,
                                reconductions=self.reconductions, options_ht=self.options_ht, objet=self.objet,
                                famille=self.famille)
