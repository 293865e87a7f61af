# ruff: noqa: E501  (messages et exemples doctest en français, sur une ligne)
"""L'éligibilité d'une commune ou d'un EPCI à la DETR (CGCT, art. L2334-33), sur le territoire réel.

Les conditions de population sont décidées avec les données du paquet (population municipale Insee) ;
celles qui demandent des données que le paquet n'a pas sont demandées à l'apprenant : la population DGF
(L2334-2), le potentiel financier par habitant rapporté à la moyenne de la strate, la densité de l'EPCI.
Le verdict dit ce qui a été supposé. Les seuils viennent des paramètres datés (clés ``territoire.*``).

>>> from mba_territoires.territoire import commune
>>> r = eligibilite_detr(commune("29155"))       # Ouessant, 860 habitants
>>> r.eligible, r.fondement
(True, 'L2334-33, 2° a')
>>> eligibilite_detr(commune("35238")).eligible   # Rennes : ni la commune ni sa métropole
False
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..erreurs import ErreurDonnees
from ..formats import nombre

if TYPE_CHECKING:  # pragma: no cover - les objets arrivent de decoupage, qui importe ce module à la demande
    from .decoupage import Commune, Epci

__all__ = ["EligibiliteDETR", "eligibilite_detr", "parametre_territoire"]

SOURCE = "CGCT, art. L2334-33"


@dataclass(frozen=True)
class ValeurDatee:
    """Une valeur de paramètre, sa source et son statut."""

    valeur: Any
    source: str
    a_verifier: bool
    note: str = ""


def parametre_territoire(cle: str, quand: Any = 2026) -> ValeurDatee:
    """Un paramètre du domaine « territoire » en vigueur à la date ``quand`` (année ou date).

    Lu dans ``parametres(quand)`` (fichier ``parametres/territoire.yaml``, format daté) ; une clé ou une
    date inconnue lève :class:`~mba_territoires.erreurs.ErreurParametre`.

    >>> parametre_territoire("detr_commune_population_max").valeur
    2000
    """
    from ..parametres import parametres

    p = parametres(quand).parametre(f"territoire.{cle}")
    return ValeurDatee(p.valeur, p.source, p.a_verifier, p.note or "")


def _verdict(**champs: Any) -> Any:
    from ..verdicts import Verdict

    return Verdict(**champs)


def _positif(valeur: Any, quoi: str) -> float | None:
    if valeur is None:
        return None
    if isinstance(valeur, bool) or not isinstance(valeur, (int, float)) or valeur != valeur or valeur < 0:
        raise ErreurDonnees(f"{quoi} vaut {valeur!r}", conseil=f"donnez {quoi} comme un nombre positif, sans guillemets")
    return float(valeur)


@dataclass(frozen=True)
class EligibiliteDETR:
    """Le résultat : éligible (``True``), non éligible (``False``) ou indécis (``None`` : une donnée manque),
    le fondement (alinéa de L2334-33), le constat, ce qui a été supposé et ce qu'il faut fournir."""

    #: Le nom du territoire jugé.
    territoire: str
    #: ``True``, ``False`` ou ``None`` (indécis : voir :attr:`a_fournir`).
    eligible: bool | None
    #: L'alinéa qui fonde la décision (« L2334-33, 2° a »).
    fondement: str
    #: Le constat, en une phrase.
    constat: str
    #: Les hypothèses faites faute de données (population DGF, commune centre...).
    hypotheses: tuple[str, ...] = ()
    #: Les données à fournir pour trancher (argument de :func:`eligibilite_detr`).
    a_fournir: tuple[str, ...] = ()
    #: Vrai si un paramètre utilisé attend une confirmation.
    a_verifier: bool = False
    #: Les sources citées.
    sources: tuple[str, ...] = ()
    #: Les chiffres utilisés.
    chiffres: dict[str, float] = field(default_factory=dict)

    @property
    def statut(self) -> str:
        """« éligible », « non éligible » ou « indécis »."""
        return {True: "éligible", False: "non éligible", None: "indécis"}[self.eligible]

    def verdict(self) -> Any:
        """Le résultat sous la forme commune :class:`~mba_territoires.verdicts.Verdict`."""
        conseil = ""
        if self.a_fournir:
            conseil = "fournissez " + " et ".join(self.a_fournir) + " pour trancher"
        elif self.hypotheses:
            conseil = "vérifiez les hypothèses : " + " ; ".join(self.hypotheses)
        return _verdict(regle="eligibilite_detr", intitule="Éligibilité à la DETR", respectee=bool(self.eligible),
                        constat=self.constat, conseil=conseil, source=" ; ".join(self.sources),
                        applicable=True, a_verifier=self.a_verifier or self.eligible is None,
                        chiffres=dict(self.chiffres), article=self.fondement)

    def __str__(self) -> str:
        lignes = [f"DETR — {self.territoire} : {self.statut} ({self.fondement}). {self.constat}"]
        lignes += [f"  Supposé : {h}" for h in self.hypotheses]
        lignes += [f"  À fournir : {a}" for a in self.a_fournir]
        lignes.append("  Sources : " + " ; ".join(self.sources) + (" (un chiffre est à vérifier)" if self.a_verifier else ""))
        return "\n".join(lignes)

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html

        lignes = [["Statut", self.statut], ["Fondement", self.fondement], ["Constat", self.constat]]
        lignes += [["Supposé", h] for h in self.hypotheses]
        lignes += [["À fournir", a] for a in self.a_fournir]
        lignes.append(["Sources", " ; ".join(self.sources) + (" (à vérifier)" if self.a_verifier else "")])
        return tableau_html(lignes, ["Élément", "Valeur"], legende=f"Éligibilité à la DETR : {self.territoire}")


def eligibilite_detr(territoire: Commune | Epci, *, population_dgf: float | None = None,
                     potentiel_financier_relatif: float | None = None, densite: float | None = None,
                     date: Any = 2026) -> EligibiliteDETR:
    """L'éligibilité d'une commune ou d'un EPCI à la DETR (L2334-33).

    ``population_dgf`` : la population DGF de la commune (fiche DGF) ; sans elle, la population municipale
    Insee est supposée la représenter. ``potentiel_financier_relatif`` : le potentiel financier par habitant
    de la commune divisé par la moyenne des communes de 2 000 à 20 000 habitants (fiche DGF), nécessaire
    entre les deux seuils. ``densite`` : la densité de l'EPCI (habitants au km²), nécessaire pour un EPCI de
    plus de 75 000 habitants comptant une commune de plus de 20 000 habitants.

    >>> from mba_territoires.territoire import commune
    >>> r = eligibilite_detr(commune("35288"))       # Saint-Malo, plus de 20 000 habitants
    >>> r.eligible, r.fondement
    (False, 'L2334-33, 2° b')
    >>> r = eligibilite_detr(commune("35360"))       # Vitré : entre 2 000 et 20 000 habitants
    >>> r.eligible, r.a_fournir[0][:27]
    (None, 'potentiel_financier_relatif')
    >>> eligibilite_detr(commune("35360"), potentiel_financier_relatif=0.9).eligible
    True
    """
    # les objets du découpage, reconnus à leurs attributs (ce module n'importe pas decoupage)
    if hasattr(territoire, "membres") and hasattr(territoire, "regime"):
        return _epci(territoire, densite=_positif(densite, "la densité"), date=date)
    if not hasattr(territoire, "siren_epci"):
        raise ErreurDonnees(f"l'éligibilité à la DETR se juge pour une commune ou un EPCI, pas pour {territoire!r}",
                            conseil='passez mt.commune("…") ou mt.epci("…")')
    return _commune(territoire, population_dgf=_positif(population_dgf, "la population DGF"),
                    pf=_positif(potentiel_financier_relatif, "le potentiel financier relatif"), date=date)


def _maintenue(date: Any) -> tuple[list[str], bool]:
    """Les hypothèses sur l'existence de la DETR à cette date (paramètre de H1 :
    ``financement.dotations_investissement_etat``, la liste des dotations d'investissement en vigueur)."""
    from ..parametres import parametres

    p = parametres(date).parametre("financement.dotations_investissement_etat")
    if "DETR" not in p.valeur:
        raise ErreurDonnees(f"la DETR n'existe plus à cette date (dotations en vigueur : {', '.join(p.valeur)})",
                            conseil="appliquez les règles du fonds qui la remplace ; le paquet ne les a pas encore")
    hyp = []
    if p.a_verifier:
        hyp.append("la DETR existe encore à cette date (fusion dans le « FIT » supprimée au Sénat ; texte promulgué "
                   f"à relire : {p.source.split(';')[0].strip()})")
    return hyp, p.a_verifier


def _commune(c: Commune, *, population_dgf: float | None, pf: float | None, date: Any) -> EligibiliteDETR:
    hypotheses, a_verifier = _maintenue(date)
    if c.zone == "com":
        return EligibiliteDETR(c.libelle, None, "L2334-33", "la commune est dans une collectivité d'outre-mer, "
                               "dont les dotations ont leurs propres règles : le paquet ne tranche pas",
                               tuple(hypotheses), ("la règle de la collectivité",), True, (SOURCE,))
    om = "_outre_mer" if c.zone == "drom" else ""
    seuil = parametre_territoire(f"detr_commune_population_max{om}", date)
    plafond = parametre_territoire(f"detr_commune_population_plafond{om}", date)
    coef = parametre_territoire("detr_coefficient_potentiel_financier", date)
    quelle = parametre_territoire("detr_population_communes", date)
    a_verifier = a_verifier or seuil.a_verifier or plafond.a_verifier or coef.a_verifier or quelle.a_verifier
    sources = tuple(dict.fromkeys([seuil.source, plafond.source, quelle.source]))
    if population_dgf is None:
        population = float(c.population)
        if population <= plafond.valeur:  # au-delà, la population DGF (plus grande) dépasse aussi le plafond
            hypotheses.append(f"la population DGF est supposée du même côté des seuils que la population municipale "
                              f"Insee ({nombre(c.population)} habitants) ; la population DGF est plus grande "
                              "(résidences secondaires, caravanes) : donnez population_dgf= pour trancher")
        quoi = "population municipale"
    else:
        population = population_dgf
        quoi = "population DGF"
    chiffres = {"population": population, "seuil": float(seuil.valeur), "plafond": float(plafond.valeur)}
    if population <= seuil.valeur:
        return EligibiliteDETR(c.libelle, True, "L2334-33, 2° a",
                               f"{quoi} de {nombre(population)} habitants, au plus {nombre(seuil.valeur)} : "
                               "commune éligible", tuple(hypotheses), (), a_verifier, sources, chiffres)
    if population > plafond.valeur:
        epci = c.epci
        suite = (f" ; son EPCI ({epci.nom}) peut porter le projet s'il est éligible : "
                 f"eligibilite_detr(mt.epci(\"{epci.siren}\"))") if epci else ""
        return EligibiliteDETR(c.libelle, False, "L2334-33, 2° b",
                               f"{quoi} de {nombre(population)} habitants, au-delà de {nombre(plafond.valeur)} : "
                               f"la commune n'est pas éligible{suite}", tuple(hypotheses), (), a_verifier, sources,
                               chiffres)
    chiffres["coefficient"] = float(coef.valeur)
    if pf is None:
        return EligibiliteDETR(
            c.libelle, None, "L2334-33, 2° b",
            f"{quoi} de {nombre(population)} habitants, entre {nombre(seuil.valeur)} et {nombre(plafond.valeur)} : "
            f"éligible si son potentiel financier par habitant est inférieur à {nombre(coef.valeur)} fois la moyenne "
            "de la strate", tuple(hypotheses),
            ("potentiel_financier_relatif= (potentiel financier par habitant de la commune / moyenne des communes "
             "de la strate, fiche DGF)",), a_verifier, sources, chiffres)
    chiffres["potentiel_financier_relatif"] = pf
    ok = pf < coef.valeur
    return EligibiliteDETR(
        c.libelle, ok, "L2334-33, 2° b",
        f"{quoi} de {nombre(population)} habitants et potentiel financier à {nombre(pf, 2)} fois la moyenne "
        f"({'sous' if ok else 'au moins'} {nombre(coef.valeur)}) : commune {'éligible' if ok else 'non éligible'}",
        tuple(hypotheses), (), a_verifier, sources, chiffres)


def _epci(e: Epci, *, densite: float | None, date: Any) -> EligibiliteDETR:
    hypotheses, a_verifier = _maintenue(date)
    om = "_outre_mer" if any(c.zone != "metro" for c in e.membres) else ""
    ensemble = parametre_territoire(f"detr_epci_ensemble_population{om}", date)
    centre = parametre_territoire(f"detr_epci_commune_centre{om}", date)
    seuil_densite = parametre_territoire("detr_epci_densite", date)
    a_verifier = a_verifier or ensemble.a_verifier or centre.a_verifier or seuil_densite.a_verifier
    alinea = "L2334-33, 1° b" if om else "L2334-33, 1° a"
    sources = (ensemble.source,)
    pop = e.population
    grandes = [c for c in e.membres if c.population > centre.valeur]
    chiffres = {"population": float(pop), "seuil": float(ensemble.valeur), "commune_centre": float(centre.valeur)}
    if pop <= ensemble.valeur:
        return EligibiliteDETR(e.nom, True, alinea, f"{nombre(pop)} habitants (recensement), au plus "
                               f"{nombre(ensemble.valeur)} : EPCI éligible", tuple(hypotheses), (), a_verifier,
                               sources, chiffres)
    if not grandes:
        return EligibiliteDETR(e.nom, True, alinea, f"{nombre(pop)} habitants mais aucune commune de plus de "
                               f"{nombre(centre.valeur)} habitants : EPCI éligible", tuple(hypotheses), (), a_verifier,
                               sources, chiffres)
    hypotheses.append(f"la plus grande commune ({grandes[0].nom if len(grandes) == 1 else max(grandes, key=lambda c: c.population).nom}) "
                      "est prise pour « commune centre » de l'ensemble")
    if densite is None:
        return EligibiliteDETR(e.nom, None, alinea, f"{nombre(pop)} habitants autour d'une commune de plus de "
                               f"{nombre(centre.valeur)} habitants : non éligible si la densité atteint "
                               f"{nombre(seuil_densite.valeur)} habitants au km²", tuple(hypotheses),
                               ("densite= (habitants au km² de l'EPCI, Insee)",), a_verifier, sources, chiffres)
    chiffres["densite"] = densite
    ok = densite < seuil_densite.valeur
    return EligibiliteDETR(e.nom, ok, alinea, f"{nombre(pop)} habitants, une commune centre de plus de "
                           f"{nombre(centre.valeur)} habitants et une densité de {nombre(densite)} habitants au km² "
                           f"({'sous' if ok else 'au moins'} {nombre(seuil_densite.valeur)}) : EPCI "
                           f"{'éligible' if ok else 'non éligible'}", tuple(hypotheses), (), a_verifier, sources, chiffres)
