"""Indicateurs, suivi et évaluation socio-économique simplifiée.

Trois outils du chargé de mission qui rend compte :

- :class:`Indicateur` et :func:`verifier_smart` : un indicateur est-il spécifique, mesurable,
  assignable, réaliste et daté (Doran, *Management Review*, 1981) ?
- :func:`suivre` : les valeurs mesurées, comparées à la trajectoire qui mène de la référence à la cible ;
- :class:`BilanSocioEconomique` : valeur actualisée nette au taux officiel (``evaluation.taux_actualisation``),
  tonnes de CO2e valorisées à la valeur de l'action pour le climat (``evaluation.valeur_carbone_*``), et
  sensibilité aux hypothèses.

>>> import datetime as dt
>>> ombre = Indicateur("Part de la cour ombragée à midi", unite="part", valeur_reference=0.05, cible=0.40,
...                    echeance=dt.date(2030, 7, 1), source="relevé photographique", responsable="services techniques")
>>> verifier_smart(ombre).smart
True
"""

from __future__ import annotations

import datetime as _dt
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from html import escape
from numbers import Real
from typing import TYPE_CHECKING, Any, Literal

from . import saisie
from .erreurs import ErreurCas, ErreurDonnees, ErreurMontant, ErreurSaisie, ErreurTaux
from .parametres import Parametres, parametres

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from .cas import Cas

__all__ = [
    "BilanSmart",
    "BilanSocioEconomique",
    "Indicateur",
    "SuiviIndicateur",
    "bilan_du_cas",
    "indicateurs_du_cas",
    "suivre",
    "trajectoire_carbone",
    "valeur_carbone",
    "verifier_smart",
]

Niveau = Literal["realisation", "resultat", "impact"]

#: Mots qui signalent un indicateur flou (un verbe d'intention n'est pas une mesure).
MOTS_FLOUS = ("amélior", "favoris", "développ", "renforc", "mieux", "optimis", "valoris", "qualité de vie")


def _date(valeur: Any, nom: str, fin_d_annee: bool = False) -> _dt.date | None:
    """Une date facultative, lue par le seul analyseur du paquet (:func:`mba_territoires.saisie.date`) ;
    une année seule vaut le 31 décembre (``fin_d_annee``) ou le 1er janvier."""
    if valeur is None:
        return None
    return saisie.date(valeur, nom, annee_seule="fin" if fin_d_annee else True)


def _nombre_ou_rien(valeur: Any, nom: str) -> float | None:
    if valeur is None:
        return None
    if isinstance(valeur, bool) or not isinstance(valeur, Real) or math.isnan(float(valeur)):
        raise ErreurSaisie(f"{nom} vaut {valeur!r}, ce n'est pas un nombre",
                           conseil="saisissez un nombre sans unité (ex. 1200 ou 0.4 pour 40 %)")
    return float(valeur)


# ---------------------------------------------------------------------------
# Indicateurs
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Indicateur:
    """Un indicateur de cadre logique ou de suivi.

    >>> Indicateur("Surface désimperméabilisée", "m²", 0, 1200, 2026).echeance
    datetime.date(2026, 12, 31)
    """

    #: Ce qu'on mesure (« Surface désimperméabilisée »).
    nom: str
    #: L'unité (« m² », « °C », « part »).
    unite: str = ""
    #: La valeur de départ, avant le projet (``None`` si elle manque encore).
    valeur_reference: float | None = None
    #: La valeur visée.
    cible: float | None = None
    #: La date à laquelle la cible doit être atteinte (une année vaut le 31 décembre).
    echeance: _dt.date | None = None
    #: La source de vérification : où l'on lira la valeur (relevé, enquête, procès-verbal).
    source: str = ""
    #: Qui mesure et rend compte.
    responsable: str = ""
    #: La date de la valeur de référence (une année vaut le 1er janvier).
    date_reference: _dt.date | None = None
    #: Réalisation, résultat ou impact.
    niveau: Niveau | None = None
    #: Le sens attendu (« hausse » ou « baisse ») ; déduit de la référence et de la cible s'il manque.
    sens: Literal["hausse", "baisse"] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.nom, str) or not self.nom.strip():
            raise ErreurSaisie("un indicateur n'a pas de nom", conseil="donnez-lui un nom qui dit ce qu'on mesure")
        object.__setattr__(self, "valeur_reference",
                           _nombre_ou_rien(self.valeur_reference, f"la valeur de référence de « {self.nom} »"))
        object.__setattr__(self, "cible", _nombre_ou_rien(self.cible, f"la cible de « {self.nom} »"))
        object.__setattr__(self, "echeance", _date(self.echeance, f"l'échéance de « {self.nom} »", True))
        object.__setattr__(self, "date_reference",
                           _date(self.date_reference, f"la date de référence de « {self.nom} »"))
        if self.sens not in (None, "hausse", "baisse"):
            raise ErreurSaisie(f"le sens de « {self.nom} » vaut {self.sens!r}",
                               conseil="écrivez « hausse » ou « baisse »")

    @property
    def sens_attendu(self) -> str | None:
        """« hausse » ou « baisse » : le sens donné, sinon celui de la référence vers la cible."""
        return self.sens or self._sens_des_valeurs()

    def _sens_des_valeurs(self) -> str | None:
        if self.valeur_reference is None or self.cible is None or self.cible == self.valeur_reference:
            return None
        return "hausse" if self.cible > self.valeur_reference else "baisse"

    @classmethod
    def depuis(cls, donnees: Any) -> Indicateur:
        """Un indicateur à partir d'un dictionnaire ou d'une section de cas.

        >>> Indicateur.depuis({"nom": "Arbres plantés", "valeur_reference": 3, "cible": 18}).cible
        18.0
        """
        if isinstance(donnees, Indicateur):
            return donnees
        if hasattr(donnees, "model_dump"):
            donnees = donnees.model_dump()
        if not isinstance(donnees, Mapping):
            raise ErreurSaisie(f"{donnees!r} ne décrit pas un indicateur",
                               conseil="donnez un dictionnaire avec au moins la clé « nom »")
        champs = {k: v for k, v in donnees.items() if k in cls.__dataclass_fields__}
        return cls(**champs)

    def __repr__(self) -> str:
        return f"Indicateur({self.nom!r}, {self.valeur_reference} → {self.cible} {self.unite}, {self.echeance})"


@dataclass(frozen=True)
class BilanSmart:
    """Le bilan SMART d'un indicateur : un verdict et un commentaire par critère."""

    #: L'indicateur examiné.
    indicateur: Indicateur
    #: Critère -> (respecté ?, commentaire en français).
    criteres: dict[str, tuple[bool, str]]

    @property
    def smart(self) -> bool:
        """Vrai si les cinq critères sont respectés."""
        return all(ok for ok, _ in self.criteres.values())

    def manquants(self) -> list[str]:
        """Les critères non respectés, dans l'ordre S, M, A, R, T."""
        return [c for c, (ok, _) in self.criteres.items() if not ok]

    def tableau(self) -> pd.DataFrame:
        """Un tableau : critère, respecté, commentaire."""
        import pandas as pd

        return pd.DataFrame([{"critère": c, "respecté": ok, "commentaire": txt}
                             for c, (ok, txt) in self.criteres.items()])

    def __repr__(self) -> str:
        return f"BilanSmart({self.indicateur.nom!r}, manquants={self.manquants()})"

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        return tableau_html([(c, "oui" if ok else "non", t or "–") for c, (ok, t) in self.criteres.items()],
                            ["Critère", "Respecté", "Commentaire"],
                            legende=f"Critères SMART : {self.indicateur.nom}")


def verifier_smart(indicateur: Indicateur | Mapping[str, Any]) -> BilanSmart:
    """Examine un indicateur avec les cinq critères SMART et dit quoi corriger.

    >>> b = verifier_smart({"nom": "Améliorer le confort de la cour", "cible": 1})
    >>> b.manquants()
    ['spécifique', 'mesurable', 'assignable', 'réaliste', 'temporel']
    >>> print(b.criteres["temporel"][1])
    pas d'échéance : donnez la date à laquelle la cible doit être atteinte.
    """
    ind = Indicateur.depuis(indicateur)
    nom = ind.nom.lower()
    flous = [m for m in MOTS_FLOUS if m in nom]
    criteres: dict[str, tuple[bool, str]] = {}
    criteres["spécifique"] = (
        (False, f"le nom contient un verbe d'intention (« {flous[0]}… ») : dites ce qu'on compte, pas ce qu'on "
                "souhaite (ex. « température de surface maximale »).")
        if flous else (True, "le nom dit ce que l'on mesure."))
    manque = [n for n, v in (("unité", ind.unite.strip()), ("valeur de référence", ind.valeur_reference is not None),
                             ("cible", ind.cible is not None)) if not v]
    criteres["mesurable"] = ((False, "il manque : " + ", ".join(manque) + ".") if manque
                             else (True, "une unité, une valeur de départ et une cible chiffrée."))
    criteres["assignable"] = ((True, f"mesuré par : {ind.responsable}.") if ind.responsable.strip()
                              else (False, "personne n'est chargé de le mesurer : nommez un responsable."))
    if ind.valeur_reference is None or ind.cible is None:
        criteres["réaliste"] = (False, "sans référence ni cible, on ne peut pas juger l'effort demandé.")
    elif ind.cible == ind.valeur_reference:
        criteres["réaliste"] = (False, "la cible est égale à la valeur de référence : le projet ne changerait rien.")
    elif ind.sens and ind.sens != ind._sens_des_valeurs():
        criteres["réaliste"] = (False, f"le sens attendu est « {ind.sens} » mais la cible va dans l'autre sens.")
    elif not ind.source.strip():
        criteres["réaliste"] = (False, "aucune source de vérification : dites où l'on lira la valeur.")
    else:
        criteres["réaliste"] = (True, f"de {ind.valeur_reference:g} à {ind.cible:g}, lu dans : {ind.source}.")
    criteres["temporel"] = ((True, f"échéance : {ind.echeance.isoformat()}.") if ind.echeance
                            else (False, "pas d'échéance : donnez la date à laquelle la cible doit être atteinte."))
    return BilanSmart(ind, criteres)


# ---------------------------------------------------------------------------
# Suivi des valeurs dans le temps
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class SuiviIndicateur:
    """Les mesures d'un indicateur comparées à la trajectoire linéaire de la référence à la cible."""

    #: L'indicateur suivi (il lui faut référence, date de référence, cible et échéance).
    indicateur: Indicateur
    #: Les mesures, triées par date.
    mesures: tuple[tuple[_dt.date, float], ...]

    def trajectoire(self, jour: _dt.date) -> float:
        """La valeur attendue à une date, sur la droite qui va de la référence à la cible.

        >>> import datetime as dt
        >>> i = Indicateur("T", "°C", 52, 40, dt.date(2028, 7, 1), date_reference=dt.date(2025, 7, 1))
        >>> round(suivre(i, {}).trajectoire(dt.date(2026, 7, 1)), 2)
        48.0
        """
        i = self.indicateur
        if i.date_reference is None or i.echeance is None or i.valeur_reference is None or i.cible is None:
            raise ErreurDonnees(f"l'indicateur « {i.nom} » n'a pas de trajectoire",
                                conseil="construisez le suivi avec suivre(indicateur, mesures)")
        total = (i.echeance - i.date_reference).days
        ecoule = min(max((jour - i.date_reference).days, 0), total)
        return i.valeur_reference + (i.cible - i.valeur_reference) * ecoule / total

    def tableau(self) -> pd.DataFrame:
        """Une ligne par mesure : date, valeur, trajectoire, écart, avancement et statut.

        L'avancement est la part du chemin parcouru de la référence vers la cible (1 = cible atteinte).
        Statut : « cible atteinte », « dans la trajectoire » (au moins la valeur attendue à cette date)
        ou « en retard ».
        """
        import pandas as pd

        i = self.indicateur
        lignes = []
        for jour, valeur in self.mesures:
            attendu = self.trajectoire(jour)
            avancement = (valeur - i.valeur_reference) / (i.cible - i.valeur_reference)  # type: ignore[operator]
            attendu_avancement = (attendu - i.valeur_reference) / (i.cible - i.valeur_reference)  # type: ignore[operator]
            if avancement >= 1:
                statut = "cible atteinte"
            elif avancement >= attendu_avancement - 1e-9:
                statut = "dans la trajectoire"
            else:
                statut = "en retard"
            lignes.append({"date": jour, "valeur": valeur, "trajectoire": attendu, "écart": valeur - attendu,
                           "avancement": avancement, "statut": statut})
        return pd.DataFrame(lignes, columns=["date", "valeur", "trajectoire", "écart", "avancement", "statut"])

    def derniere(self) -> dict[str, Any] | None:
        """La dernière mesure et son statut, ou ``None`` s'il n'y a encore aucune mesure."""
        t = self.tableau()
        return None if t.empty else t.iloc[-1].to_dict()

    @classmethod
    def depuis_cas(cls, cas_ou_slug: Cas | str) -> list[SuiviIndicateur]:
        """Le suivi de chaque indicateur de la section ``indicateurs`` d'un cas (ou de son slug).

        >>> [s.indicateur.nom for s in SuiviIndicateur.depuis_cas("cour-oasis")][:1]
        ['Surface désimperméabilisée']
        """
        from .depuis_cas import cas_depuis, section_du_cas

        cas = cas_depuis(cas_ou_slug, "le suivi des indicateurs")
        return [suivre(i.model_dump(), i.mesures) for i in section_du_cas(cas, "indicateurs", "le suivi des "
                                                                               "indicateurs")]

    def graphique(self) -> Figure:
        """Les mesures face à la trajectoire qui mène de la référence à la cible."""
        from .affichage.graphiques_projet import graphique_suivi

        return graphique_suivi(self)

    def __repr__(self) -> str:
        return f"SuiviIndicateur({self.indicateur.nom!r}, {len(self.mesures)} mesures)"

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html
        from .formats import date_fr, nombre, pourcentage

        lignes = [(date_fr(r["date"]), nombre(r["valeur"], 2), nombre(r["trajectoire"], 2),
                   pourcentage(r["avancement"], 0), r["statut"]) for r in self.tableau().to_dict("records")]
        return tableau_html(lignes, ["Date", "Valeur", "Trajectoire", "Avancement", "Statut"],
                            legende=f"Suivi : {self.indicateur.nom} ({self.indicateur.unite or 'sans unité'})")


def suivre(indicateur: Indicateur | Mapping[str, Any], mesures: Mapping[Any, float] | None = None) -> SuiviIndicateur:
    """Le suivi d'un indicateur à partir de ses mesures (``{date: valeur}``).

    >>> import datetime as dt
    >>> t = Indicateur("Température de surface maximale", "°C", 52, 40, dt.date(2028, 7, 31),
    ...                date_reference=dt.date(2025, 7, 31))
    >>> suivre(t, {"2027-07-31": 47}).tableau()["statut"].tolist()
    ['en retard']
    """
    ind = Indicateur.depuis(indicateur)
    if mesures is None and isinstance(indicateur, Mapping):
        mesures = indicateur.get("mesures")
    manque = [n for n, v in (("valeur de référence", ind.valeur_reference), ("cible", ind.cible),
                             ("date de référence", ind.date_reference), ("échéance", ind.echeance)) if v is None]
    if manque:
        raise ErreurDonnees(f"l'indicateur « {ind.nom} » ne peut pas être suivi : il manque {', '.join(manque)}",
                            conseil="complétez ces champs : la trajectoire va de la référence (à sa date) à la "
                            "cible (à l'échéance)")
    if ind.cible == ind.valeur_reference or ind.echeance <= ind.date_reference:  # type: ignore[operator]
        raise ErreurDonnees(f"l'indicateur « {ind.nom} » a une cible égale à sa référence ou une échéance "
                            "antérieure à sa date de référence",
                            conseil="la cible doit différer de la référence et l'échéance venir après")
    propres = []
    for jour, valeur in (mesures or {}).items():
        d = _date(jour, f"la date de mesure {jour!r} de « {ind.nom} »")
        assert d is not None
        v = _nombre_ou_rien(valeur, f"la mesure du {jour} de « {ind.nom} »")
        if v is None:
            raise ErreurDonnees(f"la mesure du {jour} de « {ind.nom} » est vide",
                                conseil="retirez la date ou saisissez la valeur mesurée")
        propres.append((d, v))
    return SuiviIndicateur(ind, tuple(sorted(propres)))


def indicateurs_du_cas(cas: Cas | str) -> list[SuiviIndicateur]:
    """Le suivi des indicateurs d'un cas (alias gardé de :meth:`SuiviIndicateur.depuis_cas`).

    >>> len(indicateurs_du_cas("cour-oasis")) >= 3
    True
    """
    return SuiviIndicateur.depuis_cas(cas)


# ---------------------------------------------------------------------------
# Valeur de l'action pour le climat
# ---------------------------------------------------------------------------

_ANNEES_CARBONE = (2018, 2030, 2040, 2050)  # trajectoire 2019 (euros 2018), en vigueur jusqu'au 19/03/2025
_ANNEES_VAC = (2023, 2030, 2050)  # trajectoire 2025 (rapport Quinet du 20/03/2025)


@dataclass(frozen=True)
class TrajectoireCarbone:
    """La trajectoire de la valeur de l'action pour le climat en vigueur à une date, et sa base de prix.

    Règles du cahier (conventions, dites à l'apprenant) : interpolation linéaire entre les points publiés ;
    après le dernier point (2050), la valeur du dernier point est gardée (hypothèse prudente) ; pour
    ajouter la valeur carbone à des flux en euros d'une autre année, elle est multipliée par l'évolution
    des prix depuis l'année de base (``evaluation.inflation_annuelle``, déflateur de l'Insee).
    """

    #: Les points (année, euros de la base par tonne de CO2e), du plus ancien au plus récent.
    points: tuple[tuple[int, float], ...]
    #: L'année des euros constants de la trajectoire (2018 pour 2019, 2023 pour 2025).
    annee_base: int
    #: Les sources des points.
    sources: tuple[str, ...]
    #: Vrai si un chiffre de la trajectoire attend une confirmation.
    a_verifier: bool
    #: Les paramètres lus (pour le déflateur).
    parametres: Parametres = field(repr=False)

    def valeur(self, annee: int) -> float:
        """La valeur d'une année, en euros de l'année de base."""
        annee = saisie.annee(annee, "l'année de la valeur carbone")
        if annee < self.points[0][0]:
            raise ErreurSaisie(f"pas de valeur carbone avant {self.points[0][0]} (année demandée : {annee})",
                               conseil="un bilan socio-économique commence à l'année de l'investissement")
        if annee >= self.points[-1][0]:
            return self.points[-1][1]
        for (a0, v0), (a1, v1) in itertools.pairwise(self.points):
            if a0 <= annee <= a1:
                return v0 + (v1 - v0) * (annee - a0) / (a1 - a0)
        raise AssertionError("inatteignable")  # pragma: no cover

    def facteur_prix(self, annee_euros: int) -> float:
        """Le coefficient qui passe des euros de l'année de base aux euros de ``annee_euros``
        (produit des 1 + inflation des années écoulées ; une année sans chiffre compte pour zéro)."""
        annee_euros = saisie.annee(annee_euros, "l'année des euros du bilan")
        inflation = self._inflation()
        facteur = 1.0
        for a in range(self.annee_base + 1, annee_euros + 1):
            facteur *= 1 + float(inflation.get(a, 0.0))
        for a in range(annee_euros + 1, self.annee_base + 1):
            facteur /= 1 + float(inflation.get(a, 0.0))
        return facteur

    def annees_sans_inflation(self, annee_euros: int) -> list[int]:
        """Les années entre la base et ``annee_euros`` pour lesquelles l'inflation n'est pas renseignée."""
        inflation = self._inflation()
        bas, haut = sorted((self.annee_base, annee_euros))
        return [a for a in range(bas + 1, haut + 1) if a not in inflation]

    def _inflation(self) -> Mapping[int, float]:
        if "evaluation.inflation_annuelle" not in self.parametres:
            return {}
        return {int(k): float(v) for k, v in self.parametres["evaluation.inflation_annuelle"].items()}


def trajectoire_carbone(date_parametres: Any = 2026) -> TrajectoireCarbone:
    """La trajectoire de la valeur de l'action pour le climat en vigueur à ``date_parametres``.

    Depuis le 20/03/2025 : rapport de la commission Quinet (France Stratégie), en euros 2023 (base à
    vérifier) ; avant : trajectoire 2019, en euros 2018.

    >>> t = trajectoire_carbone("2026-01-01")
    >>> t.annee_base, t.points[1]
    (2023, (2030, 300.0))
    >>> trajectoire_carbone("2024-06-01").points[1]
    (2030, 250.0)
    """
    p = parametres(date_parametres)
    if "evaluation.vac_2030" in p:
        cles = [f"evaluation.vac_{a}" for a in _ANNEES_VAC]
        base = int(p["evaluation.vac_annee_base"])
        a_verifier = p.parametre("evaluation.vac_annee_base").a_verifier
    else:
        cles = [f"evaluation.valeur_carbone_{a}" for a in _ANNEES_CARBONE]
        base, a_verifier = 2018, False
    params = [p.parametre(c) for c in cles]
    points = tuple((int(c.rsplit("_", 1)[1]), float(x.valeur)) for c, x in zip(cles, params, strict=True))
    return TrajectoireCarbone(points, base, tuple(x.source for x in params),
                              a_verifier or any(x.a_verifier for x in params), p)


def valeur_carbone(annee: int, annee_parametres: Any = 2026, *, euros_de: int | None = None) -> float:
    """La valeur de l'action pour le climat d'une année, par tonne de CO2e.

    Sans ``euros_de`` : en euros de la base de la trajectoire (2023 pour celle de 2025) ; avec
    ``euros_de=2026`` : convertie en euros 2026 par l'évolution des prix (``evaluation.inflation_annuelle``).
    Interpolation linéaire entre les points ; au-delà de 2050, la valeur de 2050 (convention du cahier).

    >>> valeur_carbone(2040)   # 300 + (563 - 300) × 10 / 20
    431.5
    >>> round(valeur_carbone(2026), 2)   # 256 + (300 - 256) × 3 / 7
    274.86
    >>> valeur_carbone(2060)   # au-delà de l'horizon du rapport : la valeur de 2050
    563.0
    >>> round(valeur_carbone(2030, euros_de=2024), 2)   # 300 × 1,020 (inflation 2024)
    306.0
    """
    t = trajectoire_carbone(annee_parametres)
    v = t.valeur(annee)
    return v if euros_de is None else v * t.facteur_prix(euros_de)


# ---------------------------------------------------------------------------
# Bilan socio-économique
# ---------------------------------------------------------------------------

def _somme(valeur: float | Mapping[str, float], nom: str) -> float:
    if isinstance(valeur, Mapping):
        return sum(_somme(v, f"{nom} « {k} »") for k, v in valeur.items())
    v = _nombre_ou_rien(valeur, nom)
    if v is None or v < 0:
        raise ErreurMontant(f"{nom} vaut {valeur!r}", conseil="saisissez un montant positif ou nul, en euros par an")
    return v


@dataclass(frozen=True)
class BilanSocioEconomique:
    """Un bilan socio-économique simplifié : investissement l'année 0, puis flux annuels constants.

    Convention : l'investissement est payé l'année ``annee_investissement`` (rang 0) ; avantages, coûts et
    tonnes évitées courent des rangs 1 à ``duree_ans``. Chaque flux est actualisé par (1 + taux)^rang.

    >>> b = BilanSocioEconomique(1000, 2026, duree_ans=2, avantages_annuels=600, taux=0.05)
    >>> round(b.van(), 2)   # -1000 + 600 / 1,05 + 600 / 1,05²
    115.65
    """

    #: Le coût d'investissement, en euros HT.
    investissement: float
    #: L'année de l'investissement (rang 0).
    annee_investissement: int
    #: Le nombre d'années d'avantages et de coûts après l'investissement.
    duree_ans: int
    #: Les avantages monétarisés par an (un montant ou ``{libellé: montant}``).
    avantages_annuels: float | Mapping[str, float] = 0.0
    #: Les coûts d'exploitation par an (un montant ou ``{libellé: montant}``).
    couts_annuels: float | Mapping[str, float] = 0.0
    #: Les tonnes de CO2e évitées par an.
    co2_evite_tonnes_par_an: float = 0.0
    #: Le taux d'actualisation (par défaut : ``evaluation.taux_actualisation`` des paramètres).
    taux: float | None = None
    #: L'année des paramètres réglementaires.
    annee_parametres: int = 2026
    #: Les effets qu'on ne sait pas chiffrer (à citer à côté de la VAN).
    non_monetarises: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        inv = _nombre_ou_rien(self.investissement, "l'investissement")
        if inv is None or inv < 0:
            raise ErreurMontant(f"l'investissement vaut {self.investissement!r}",
                                conseil="saisissez le coût d'investissement en euros HT, positif")
        object.__setattr__(self, "investissement", inv)
        if isinstance(self.duree_ans, bool) or not isinstance(self.duree_ans, int) or self.duree_ans < 1:
            raise ErreurSaisie(f"la durée d'analyse vaut {self.duree_ans!r}",
                               conseil="donnez un nombre entier d'années, au moins 1 (ex. 30)")
        _somme(self.avantages_annuels, "l'avantage annuel")
        _somme(self.couts_annuels, "le coût annuel")
        co2 = _nombre_ou_rien(self.co2_evite_tonnes_par_an, "les tonnes de CO2e évitées par an")
        if co2 is None or co2 < 0:
            raise ErreurSaisie(f"les tonnes évitées valent {self.co2_evite_tonnes_par_an!r}",
                               conseil="saisissez un nombre de tonnes positif ou nul")
        if self.taux is None:
            object.__setattr__(self, "taux", float(parametres(self.annee_parametres)["evaluation.taux_actualisation"]))
        t = _nombre_ou_rien(self.taux, "le taux d'actualisation")
        if t is None or not 0 <= t < 1:
            raise ErreurTaux(f"le taux d'actualisation vaut {self.taux!r}",
                             conseil="écrivez-le en décimales : 3,2 % s'écrit 0.032")
        object.__setattr__(self, "non_monetarises", tuple(self.non_monetarises))

    @property
    def avantages(self) -> float:
        """Le total des avantages annuels, en euros."""
        return _somme(self.avantages_annuels, "l'avantage annuel")

    @property
    def couts(self) -> float:
        """Le total des coûts annuels, en euros."""
        return _somme(self.couts_annuels, "le coût annuel")

    def flux(self) -> pd.DataFrame:
        """Le tableau des flux, une ligne par année : montants, valeur du carbone, flux actualisé."""
        import pandas as pd

        trajectoire = trajectoire_carbone(self.annee_parametres)
        prix = trajectoire.facteur_prix(self.annee_investissement)  # euros de la base → euros du bilan
        lignes = []
        for rang in range(self.duree_ans + 1):
            annee = self.annee_investissement + rang
            tonnes = self.co2_evite_tonnes_par_an if rang else 0.0
            vc = trajectoire.valeur(annee) * prix
            investissement = self.investissement if rang == 0 else 0.0
            avantages = self.avantages if rang else 0.0
            couts = self.couts if rang else 0.0
            net = avantages - couts + tonnes * vc - investissement
            facteur = 1 / (1 + self.taux) ** rang  # type: ignore[operator]
            lignes.append({"année": annee, "rang": rang, "investissement": investissement, "avantages": avantages,
                           "coûts": couts, "tonnes CO2e": tonnes, "valeur carbone": vc,
                           "valeur du CO2 évité": tonnes * vc, "flux net": net, "facteur d'actualisation": facteur,
                           "flux actualisé": net * facteur})
        return pd.DataFrame(lignes)

    def van(self) -> float:
        """La valeur actualisée nette, en euros (positive : le projet crée de la valeur pour la collectivité)."""
        return float(self.flux()["flux actualisé"].sum())

    def van_sans_carbone(self) -> float:
        """La VAN sans valoriser le CO2 évité."""
        return replace(self, co2_evite_tonnes_par_an=0.0).van()

    def valeur_actualisee_carbone(self) -> float:
        """La part de la VAN qui vient du CO2 évité."""
        return self.van() - self.van_sans_carbone()

    def avertissements(self) -> list[str]:
        """Les réserves à citer avec le résultat (chiffres à vérifier, effets non chiffrés)."""
        notes = []
        if self.co2_evite_tonnes_par_an:
            t = trajectoire_carbone(self.annee_parametres)
            fin = self.annee_investissement + self.duree_ans
            texte = (f"valeur de l'action pour le climat : trajectoire en euros {t.annee_base}, convertie en euros "
                     f"{self.annee_investissement} (× {t.facteur_prix(self.annee_investissement):.3f})")
            manquantes = t.annees_sans_inflation(self.annee_investissement)
            if manquantes:
                texte += f", sans inflation connue pour {', '.join(map(str, manquantes))}"
            if fin > t.points[-1][0]:
                texte += f" ; après {t.points[-1][0]}, la valeur de {t.points[-1][0]} est gardée (convention)"
            if t.a_verifier:
                texte += " ; chiffres à vérifier dans le rapport"
            notes.append(texte)
        if self.non_monetarises:
            notes.append("effets non monétarisés, à présenter à côté de la VAN : " + " ; ".join(self.non_monetarises))
        return notes

    def sensibilite(self, variation: float = 0.2) -> pd.DataFrame:
        """La VAN quand chaque hypothèse varie de ± ``variation`` (0.2 : ± 20 %), les autres restant fixes.

        Le taux d'actualisation varie lui aussi en relatif (3,2 % ± 20 % : de 2,56 % à 3,84 %).

        >>> b = BilanSocioEconomique(1000, 2026, duree_ans=2, avantages_annuels=600, taux=0.05)
        >>> b.sensibilite(0.1)["hypothèse"].tolist()
        ['investissement', 'avantages annuels', 'coûts annuels', 'CO2 évité', "taux d'actualisation"]
        """
        import pandas as pd

        v = _nombre_ou_rien(variation, "la variation")
        if v is None or not 0 < v < 1:
            raise ErreurTaux(f"la variation vaut {variation!r}", conseil="donnez une part entre 0 et 1 (0.2 pour 20 %)")
        base = self.van()
        lignes = []
        for nom, champ, valeur in (("investissement", "investissement", self.investissement),
                                   ("avantages annuels", "avantages_annuels", self.avantages),
                                   ("coûts annuels", "couts_annuels", self.couts),
                                   ("CO2 évité", "co2_evite_tonnes_par_an", self.co2_evite_tonnes_par_an),
                                   ("taux d'actualisation", "taux", self.taux)):
            basse = replace(self, **{champ: valeur * (1 - v)}).van()
            haute = replace(self, **{champ: valeur * (1 + v)}).van()
            lignes.append({"hypothèse": nom, "valeur": valeur, f"VAN à -{v:.0%}": basse, f"VAN à +{v:.0%}": haute,
                           "écart maximal": max(abs(basse - base), abs(haute - base))})
        return pd.DataFrame(lignes)

    @classmethod
    def depuis_cas(cls, cas_ou_slug: Cas | str, duree_ans: int | None = None, *, taux: float | None = None,
                   couts_annuels: float | Mapping[str, float] | None = None) -> BilanSocioEconomique:
        """Le bilan d'un cas (ou de son slug), d'après ``projet.bilan_socio_economique`` ; les paramètres
        (taux, valeur carbone) sont ceux en vigueur au 1er janvier de l'année du cas. ``duree_ans``,
        ``taux`` et ``couts_annuels`` remplacent, s'ils sont donnés, les hypothèses du cas (« et si… »).

        >>> BilanSocioEconomique.depuis_cas("cour-oasis").investissement
        118000.0
        """
        from .depuis_cas import cas_depuis

        cas = cas_depuis(cas_ou_slug, "le bilan socio-économique")
        section = cas.projet.bilan_socio_economique
        if section is None:
            fichier = f"casestudies/{cas.slug}/cas.yaml"
            raise ErreurCas(f"le cas « {cas.slug} » n'a pas de section « projet.bilan_socio_economique » ({fichier})",
                            conseil=f"ajoutez « bilan_socio_economique: » sous « projet: » dans {fichier}, ou "
                            "construisez BilanSocioEconomique(...) à la main",
                            fichier=fichier, champ="projet.bilan_socio_economique")
        couts = dict(section.couts_annuels) if couts_annuels is None else couts_annuels
        return cls(cas.projet.cout_estime_ht, cas.projet.annee_debut, duree_ans or section.duree_ans,
                   dict(section.avantages_annuels), couts, section.co2_evite_tonnes_par_an, taux=taux,
                   annee_parametres=cas.annee, non_monetarises=tuple(section.non_monetarises))

    def graphique(self, variation: float = 0.2) -> Figure:
        """La sensibilité de la VAN à chaque hypothèse (± ``variation``)."""
        from .affichage.graphiques_projet import graphique_sensibilite

        return graphique_sensibilite(self, variation)

    def __repr__(self) -> str:
        return (f"BilanSocioEconomique(investissement={self.investissement:.0f}, {self.duree_ans} ans, "
                f"taux={self.taux}, VAN={self.van():.0f})")

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html
        from .formats import euros, nombre, pourcentage

        lignes = [(f"Investissement ({self.annee_investissement})", euros(self.investissement, 0)),
                  ("Avantages par an", euros(self.avantages, 0)), ("Coûts par an", euros(self.couts, 0)),
                  ("CO2e évité par an", f"{nombre(self.co2_evite_tonnes_par_an, 1)} t"),
                  ("Taux d'actualisation", pourcentage(self.taux, 1)), ("Durée", f"{self.duree_ans} ans"),
                  ("VAN", euros(self.van(), 0))]
        reserves = "".join(f"<li>{escape(a)}</li>" for a in self.avertissements())
        return tableau_html(lignes, ["Élément", "Valeur"], legende="Bilan socio-économique simplifié") + (
            f"<ul>{reserves}</ul>" if reserves else "")


def bilan_du_cas(cas: Cas | str, duree_ans: int | None = None, *, taux: float | None = None,
                 couts_annuels: float | Mapping[str, float] | None = None) -> BilanSocioEconomique:
    """Le bilan socio-économique d'un cas (alias gardé de :meth:`BilanSocioEconomique.depuis_cas`).

    >>> bilan_du_cas("cour-oasis").investissement
    118000.0
    >>> bilan_du_cas("cour-oasis", taux=0.045).taux
    0.045
    """
    return BilanSocioEconomique.depuis_cas(cas, duree_ans, taux=taux, couts_annuels=couts_annuels)
