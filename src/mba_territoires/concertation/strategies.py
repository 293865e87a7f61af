"""Les stratégies de concertation et leur modèle de scénarios (pédagogique, pas prédictif).

:class:`ModeleConcertation` estime, pour une :class:`Strategie` (une suite d':class:`Action` datées,
chacune d'un :class:`FormatConcertation`), les personnes touchées par groupe, l'indice de
représentativité, le coût, la durée et le déplacement possible des positions des acteurs. Ses
hypothèses vivent dans ``donnees/formats_concertation.yaml``, se lisent avec
:meth:`ModeleConcertation.hypotheses` et se changent avec :meth:`ModeleConcertation.modifier`.

>>> modele = ModeleConcertation.depuis_cas("reseau-cyclable")
>>> r = modele.evaluer(Strategie.depuis_cas("reseau-cyclable", "Classique"))
>>> r.participants_total > 0
True
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from numbers import Real
from typing import TYPE_CHECKING, Any

from .. import saisie
from ..erreurs import ErreurDonnees, ErreurSaisie
from ..participation.representativite import SYNONYMES_DIMENSIONS, population_depuis
from .acteurs import SPECTRE_IAP2, CarteDesActeurs

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..cas import Cas

__all__ = [
    "Action",
    "FormatConcertation",
    "ModeleConcertation",
    "ResultatStrategie",
    "Simulation",
    "Strategie",
    "comparer_strategies",
    "modele_du_cas",
    "strategies_depuis_cas",
    "strategies_du_cas",
]

def _population_depuis(population: Any) -> pd.DataFrame:
    """Le tableau de population d'une stratégie (voir :func:`~..participation.representativite.population_depuis`)."""
    import pandas as pd

    tableau = population_depuis(population)
    if isinstance(tableau, pd.DataFrame):
        return tableau
    interne = getattr(population, "population", None)
    raise ErreurDonnees(
        f"la population ({type(population).__name__}) ne détaille pas ses groupes"
        + (f" : elle compte {interne} habitants, sans répartition" if interne is not None else ""),
        conseil="donnez le tableau de population par groupe (colonnes dimension, groupe, effectif), par exemple "
        "cas.donnees(\"population\")")


@dataclass(frozen=True)
class FormatConcertation:
    """Un format de concertation et ses hypothèses (lues dans ``formats_concertation.yaml``).

    >>> f = ModeleConcertation.par_defaut().format("atelier")
    >>> f.libelle, f.portee_min, f.portee_max
    ('Atelier de co-construction', 15.0, 30.0)
    """

    #: La clé du format (``"atelier"``).
    cle: str
    #: Son nom lisible.
    libelle: str
    #: La portée minimale d'une séance (personnes, ou part de la population).
    portee_min: float
    #: La portée maximale d'une séance.
    portee_max: float
    #: ``par séance`` (un nombre de personnes) ou ``part de la population`` (un taux).
    unite_portee: str
    #: Le coût d'une séance, en euros TTC.
    cout_par_seance: float
    #: Le coût fixe du format (plateforme, communication), en euros TTC.
    cout_fixe: float
    #: Le délai de préparation, en jours.
    preparation_jours: int
    #: Le niveau IAP2 que le format permet au mieux.
    niveau_iap2: str
    #: La propension relative de chaque groupe : {dimension: {groupe: coefficient}}.
    profil: dict[str, dict[str, float]] = field(default_factory=dict)
    #: La part de l'écart à la position d'acceptation que le format fait gagner à un acteur touché.
    effet_dialogue: float = 0.0
    #: Les catégories d'acteurs que le format touche.
    acteurs_touches: tuple[str, ...] = ()
    #: La source des ordres de grandeur (ou « hypothèse pédagogique »).
    source: str = "hypothèse pédagogique"

    def __post_init__(self) -> None:
        if self.unite_portee not in ("par séance", "part de la population"):
            raise ErreurDonnees(f"le format « {self.cle} » a une unité de portée inconnue : {self.unite_portee!r}",
                                conseil="écrivez « par séance » ou « part de la population »")
        if not 0 <= self.portee_min <= self.portee_max:
            raise ErreurDonnees(
                f"le format « {self.cle} » a une portée incohérente ({self.portee_min:g} à {self.portee_max:g})",
                conseil="la portée minimale doit être positive et ne pas dépasser la portée maximale")
        if self.unite_portee == "part de la population" and self.portee_max > 1:
            raise ErreurDonnees(f"le format « {self.cle} » touche plus de 100 % de la population "
                                f"({self.portee_max:g})", conseil="écrivez un taux en décimales : 5 % s'écrit 0.05")
        if min(self.cout_par_seance, self.cout_fixe) < 0:
            raise ErreurDonnees(f"le format « {self.cle} » a un coût négatif",
                                conseil="saisissez des coûts positifs, en euros")
        if not 0 <= self.effet_dialogue <= 1:
            raise ErreurDonnees(f"le format « {self.cle} » a un effet de dialogue de {self.effet_dialogue:g}",
                                conseil="l'effet de dialogue est une part, entre 0 et 1")
        object.__setattr__(self, "niveau_iap2", saisie.choix(self.niveau_iap2, SPECTRE_IAP2,
                                                              f"le niveau IAP2 du format « {self.cle} »"))
        for dimension, groupes in self.profil.items():
            for groupe, coef in groupes.items():
                if isinstance(coef, bool) or not isinstance(coef, Real) or coef < 0:
                    raise ErreurDonnees(
                        f"le format « {self.cle} » a une propension {coef!r} pour « {groupe} » ({dimension})",
                        conseil="une propension est un nombre positif : 1 = comme sa part dans la population")

    @property
    def portee_moyenne(self) -> float:
        """Le milieu de la fourchette de portée (le scénario central)."""
        return (self.portee_min + self.portee_max) / 2


@dataclass(frozen=True)
class Action:
    """Une action d'une stratégie : un format, une date, un nombre de séances, un groupe ciblé.

    >>> Action("atelier", "2026-04-02", seances=2).date
    datetime.date(2026, 4, 2)
    """

    #: La clé du format (``"reunion_publique"``, ``"atelier"``...).
    format: str
    #: La date de la (première) séance ; un texte AAAA-MM-JJ est accepté.
    date: _dt.date
    #: Le nombre de séances.
    seances: int = 1
    #: Un groupe ciblé par une démarche d'« aller vers » (ex. ``"15-29 ans"``), ou ``None``.
    cible: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "format", saisie.texte(self.format, "le format de l'action"))
        object.__setattr__(self, "date", saisie.date(self.date, f"la date de l'action « {self.format} »"))
        object.__setattr__(self, "seances", saisie.entier(self.seances, f"le nombre de séances de l'action "
                                                          f"« {self.format} »", minimum=1))


@dataclass(frozen=True)
class Strategie:
    """Une stratégie de concertation : des actions datées, un budget, des publics ciblés.

    >>> s = Strategie("Classique", [Action("reunion_publique", "2026-03-10"), Action("atelier", "2026-03-24")],
    ...               budget=10_000)
    >>> len(s.actions), s.budget
    (2, 10000.0)
    """

    #: Le nom de la stratégie.
    nom: str
    #: Les actions (une liste d':class:`Action` ou de dictionnaires).
    actions: tuple[Action, ...]
    #: Le budget disponible, en euros TTC (``None`` : pas de plafond).
    budget: float | None = None

    def __post_init__(self) -> None:
        actions = saisie.objets(self.actions, Action, le=f"dans la stratégie « {self.nom} », l'action",
                                un="une action", mal_decrit="mal décrite",
                                champs="format, date et, au besoin, seances et cible",
                                exemple="Action(format, date)")
        if not actions:
            raise ErreurSaisie(f"la stratégie « {self.nom} » n'a aucune action",
                               conseil="ajoutez au moins une action : Action(\"reunion_publique\", \"2026-03-10\")")
        object.__setattr__(self, "actions", tuple(sorted(actions, key=lambda a: a.date)))
        if self.budget is not None:
            object.__setattr__(self, "budget", saisie.montant(self.budget, f"le budget de la stratégie « {self.nom} »"))

    def avec_action(self, action: Action) -> Strategie:
        """Une nouvelle stratégie avec une action de plus."""
        return Strategie(self.nom, (*self.actions, action), self.budget)

    @classmethod
    def depuis_cas(cls, cas: Cas | str, nom: str | None = None) -> Strategie:
        """Une stratégie d'exemple du cas, par son nom (la première si ``nom`` est omis) ; un slug suffit.

        >>> Strategie.depuis_cas("reseau-cyclable").nom
        'Classique'
        """
        strategies = strategies_depuis_cas(cas)
        if not strategies:
            from ..erreurs import ErreurCas

            raise ErreurCas("ce cas n'a aucune stratégie d'exemple (section « concertation.strategies » vide)",
                            conseil="ajoutez une stratégie sous « strategies: » dans la section concertation "
                            "de cas.yaml",
                            champ="concertation.strategies")
        if nom is None:
            return next(iter(strategies.values()))
        return strategies[saisie.trouver(nom, list(strategies), "la stratégie")]

    def graphique(self, modele: ModeleConcertation | None = None, dimension: str = "age") -> Figure:
        """La représentativité attendue de la stratégie (modèle par défaut si ``modele`` est omis)."""
        from ..affichage.graphiques_concertation import graphique_strategies

        return graphique_strategies(modele or ModeleConcertation.par_defaut(), [self], dimension=dimension)


def _lire_hypotheses() -> dict[str, Any]:
    import yaml

    texte = resources.files("mba_territoires").joinpath("donnees/formats_concertation.yaml").read_text(
        encoding="utf-8")
    return yaml.safe_load(texte)


@functools.cache
def _hypotheses_paquet() -> tuple[dict[str, FormatConcertation], dict[str, float]]:
    brut = _lire_hypotheses()
    formats = {cle: _format_depuis_dict(cle, d) for cle, d in brut["formats"].items()}
    generales = {cle: float(d["valeur"]) for cle, d in brut["generales"].items()}
    return formats, generales


def _format_depuis_dict(cle: str, d: Mapping[str, Any]) -> FormatConcertation:
    portee = d["portee"]
    return FormatConcertation(
        cle=cle, libelle=d["libelle"], portee_min=float(portee["min"]), portee_max=float(portee["max"]),
        unite_portee=portee["unite"], cout_par_seance=float(d["cout_par_seance"]), cout_fixe=float(d["cout_fixe"]),
        preparation_jours=int(d["preparation_jours"]), niveau_iap2=d["niveau_iap2"],
        profil={dim: {g: float(c) for g, c in groupes.items()} for dim, groupes in (d.get("profil") or {}).items()},
        effet_dialogue=float(d.get("effet_dialogue", 0.0)), acteurs_touches=tuple(d.get("acteurs_touches", ())),
        source=d.get("source", "hypothèse pédagogique"),
    )


def _population_exemple() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({
        "dimension": ["age"] * 6 + ["sexe"] * 2,
        "groupe": ["0-14 ans", "15-29 ans", "30-44 ans", "45-59 ans", "60-74 ans", "75 ans ou plus", "Femmes",
                   "Hommes"],
        "effectif": [500, 400, 500, 500, 400, 200, 1000, 1000],
    })


class ModeleConcertation:
    """Le modèle de scénarios : des formats (hypothèses) appliqués à une population.

    Pour une séance de portée *n*, les participants du groupe *g* (dimension âge, sexe ou CSP) sont
    ``n × s_g × w_g / Σ_h s_h × w_h``, avec *s* la part du groupe dans la population et *w* la
    propension du format (multipliée si le groupe est ciblé). L'indice de représentativité est la
    part parmi les participants divisée par la part dans la population. Les participations de
    plusieurs séances s'additionnent (une même personne peut venir deux fois : ce sont des
    contacts, pas des personnes distinctes).

    >>> modele = ModeleConcertation.par_defaut()
    >>> r = modele.evaluer(Strategie("Test", [Action("atelier", "2026-03-24")]))
    >>> r.participants_total
    22.5
    """

    def __init__(self, population: pd.DataFrame, formats: Mapping[str, FormatConcertation] | None = None,
                 generales: Mapping[str, float] | None = None, exclure: Sequence[str] = ()) -> None:
        from ..participation.representativite import parts_population

        population = _population_depuis(population)

        formats_paquet, generales_paquet = _hypotheses_paquet()
        self.formats: dict[str, FormatConcertation] = dict(formats if formats is not None else formats_paquet)
        self.generales: dict[str, float] = dict(generales_paquet, **(generales or {}))
        self.exclure = tuple(exclure)
        self._population_brute = population
        self.population = parts_population(population, exclure=self.exclure)
        self._parts: dict[str, dict[str, float]] = {}
        for ligne in self.population.itertuples(index=False):
            self._parts.setdefault(ligne.dimension, {})[ligne.groupe] = float(ligne.part)
        totaux = self.population.groupby("dimension")["effectif"].sum()
        #: La taille du public (le plus petit total des dimensions, après exclusion).
        self.taille_public = float(totaux.min())
        for f in self.formats.values():
            self._verifier_profil(f)

    # -- constructeurs
    @classmethod
    def par_defaut(cls) -> ModeleConcertation:
        """Un modèle sur une petite population d'exemple (2 000 habitants de 15 ans ou plus)."""
        return cls(_population_exemple(), exclure=("0-14 ans",))

    def _verifier_profil(self, f: FormatConcertation) -> None:
        for dimension, groupes in f.profil.items():
            if dimension not in self._parts:
                continue  # une dimension que la population ne décrit pas : ignorée
            inconnus = [g for g in groupes if g not in self._parts[dimension] and g not in self.exclure]
            if inconnus:
                raise ErreurDonnees(
                    f"le profil du format « {f.cle} » cite le groupe « {inconnus[0]} » ({dimension}), absent de la "
                    "population",
                    conseil="groupes de la population : " + ", ".join(self._parts[dimension]))

    # -- lecture et modification des hypothèses
    def format(self, cle: str) -> FormatConcertation:
        """Un format par sa clé (erreur française avec la liste des formats si la clé est inconnue)."""
        synonymes = {c: (f.libelle,) for c, f in self.formats.items()}
        return self.formats[saisie.choix(cle, self.formats, "le format", synonymes=synonymes)]

    def hypotheses(self) -> pd.DataFrame:
        """Les hypothèses de chaque format, en tableau, à montrer à l'apprenant."""
        import pandas as pd

        lignes = []
        for f in self.formats.values():
            portee = (f"{f.portee_min:.0%} à {f.portee_max:.0%} de la population" if f.unite_portee != "par séance"
                      else f"{f.portee_min:g} à {f.portee_max:g} personnes par séance")
            lignes.append({"format": f.cle, "libellé": f.libelle, "portée": portee,
                           "coût par séance": f.cout_par_seance, "coût fixe": f.cout_fixe,
                           "préparation (jours)": f.preparation_jours, "niveau IAP2": f.niveau_iap2,
                           "effet de dialogue": f.effet_dialogue, "source": f.source})
        return pd.DataFrame(lignes)

    def profils(self, dimension: str = "age") -> pd.DataFrame:
        """Les propensions de chaque format pour les groupes d'une dimension (1 = comme la population)."""
        import pandas as pd

        dimension = saisie.choix(dimension, self._parts, "la dimension", synonymes=SYNONYMES_DIMENSIONS)
        groupes = list(self._parts[dimension])
        return pd.DataFrame({f.cle: [f.profil.get(dimension, {}).get(g, 1.0) for g in groupes]
                             for f in self.formats.values()}, index=groupes)

    def modifier(self, cle: str, **changements: Any) -> ModeleConcertation:
        """Un nouveau modèle où un format a d'autres hypothèses (le modèle d'origine ne change pas).

        >>> m = ModeleConcertation.par_defaut().modifier("atelier", portee_min=20, portee_max=40)
        >>> m.format("atelier").portee_moyenne
        30.0
        """
        ancien = self.format(cle)
        possibles = [n for n in FormatConcertation.__dataclass_fields__ if n != "cle"]
        for nom in changements:
            saisie.choix(nom, possibles, "l'hypothèse")
        nouveau = replace(ancien, **changements)
        formats = dict(self.formats)
        formats[ancien.cle] = nouveau
        return ModeleConcertation(self._population_brute, formats, self.generales, self.exclure)

    # -- calcul
    def _propensions(self, f: FormatConcertation, dimension: str, cible: str | None) -> dict[str, float]:
        w = {g: float(f.profil.get(dimension, {}).get(g, 1.0)) for g in self._parts[dimension]}
        if cible is not None:
            canon = {saisie.normaliser(g): g for g in w}
            groupe = canon.get(saisie.normaliser(cible))
            if groupe is not None:
                w[groupe] *= self.generales["multiplicateur_ciblage"]
        return w

    def _repartition(self, f: FormatConcertation, dimension: str, cible: str | None) -> dict[str, float]:
        """La part de chaque groupe parmi les participants d'une séance."""
        s = self._parts[dimension]
        w = self._propensions(f, dimension, cible)
        total = sum(s[g] * w[g] for g in s)
        if total <= 0:
            raise ErreurDonnees(f"le format « {f.cle} » ne touche personne dans la dimension « {dimension} »",
                                conseil="au moins un groupe doit avoir une propension positive")
        return {g: s[g] * w[g] / total for g in s}

    def _portee(self, f: FormatConcertation, valeur: float) -> float:
        return valeur * self.taille_public if f.unite_portee == "part de la population" else valeur

    def _verifier_action(self, action: Action) -> FormatConcertation:
        f = self.format(action.format)
        if action.cible is not None:
            groupes = [g for groupes in self._parts.values() for g in groupes]
            saisie.trouver(action.cible, groupes, f"le groupe ciblé par l'action « {action.format} »")
        return f

    def cout(self, action: Action) -> float:
        """Le coût d'une action : coût fixe + séances × coût par séance (majoré si l'action cible un groupe)."""
        f = self._verifier_action(action)
        majoration = 1 + (self.generales["surcout_ciblage"] if action.cible else 0.0)
        return f.cout_fixe + action.seances * f.cout_par_seance * majoration

    def evaluer(self, strategie: Strategie, acteurs: CarteDesActeurs | None = None) -> ResultatStrategie:
        """Le scénario central d'une stratégie (portée au milieu de la fourchette de chaque format)."""
        import pandas as pd

        if not isinstance(strategie, Strategie):
            raise ErreurSaisie(f"evaluer() attend une Strategie, pas {type(strategie).__name__}",
                               conseil="construisez-la : Strategie(\"Nom\", [Action(\"atelier\", \"2026-03-24\")])")
        lignes_actions, compte = [], {d: dict.fromkeys(s, 0.0) for d, s in self._parts.items()}
        for i, action in enumerate(strategie.actions, start=1):
            f = self._verifier_action(action)
            n = action.seances * self._portee(f, f.portee_moyenne)
            lignes_actions.append({"n°": i, "format": f.libelle, "date": action.date, "séances": action.seances,
                                   "groupe ciblé": action.cible or "", "participations": n,
                                   "coût": self.cout(action)})
            for dimension in self._parts:
                for g, part in self._repartition(f, dimension, action.cible).items():
                    compte[dimension][g] += n * part
        repr_lignes = []
        for dimension, groupes in compte.items():
            total = sum(groupes.values())
            for g, n in groupes.items():
                part_part = n / total if total else 0.0
                part_pop = self._parts[dimension][g]
                repr_lignes.append({"dimension": dimension, "groupe": g, "participants": n,
                                    "part des participants": part_part, "part de la population": part_pop,
                                    "indice": part_part / part_pop if part_pop else float("nan")})
        positions = None
        if acteurs is not None:
            positions = self._positions(strategie, acteurs)
        debut = min(a.date - _dt.timedelta(days=self.format(a.format).preparation_jours) for a in strategie.actions)
        return ResultatStrategie(
            strategie=strategie, actions=pd.DataFrame(lignes_actions), representativite=pd.DataFrame(repr_lignes),
            positions=positions, debut_preparation=debut,
            niveaux_iap2=tuple(dict.fromkeys(self.format(a.format).niveau_iap2 for a in strategie.actions)))

    def _positions(self, strategie: Strategie, acteurs: CarteDesActeurs) -> pd.DataFrame:
        import pandas as pd

        cible = self.generales["position_acceptation"]
        positions = {a.nom: a.position for a in acteurs}
        for action in strategie.actions:
            f = self.format(action.format)
            for a in acteurs:
                if a.categorie in f.acteurs_touches and positions[a.nom] < cible:
                    positions[a.nom] += f.effet_dialogue * (cible - positions[a.nom])
        return pd.DataFrame([{"acteur": a.nom, "catégorie": a.categorie, "pouvoir": a.pouvoir,
                              "position avant": a.position, "position après": positions[a.nom]} for a in acteurs])

    def simuler(self, strategie: Strategie, tirages: int = 500, graine: int = 2026) -> Simulation:
        """Des tirages au hasard (semés) autour du scénario central, pour voir la fourchette des résultats.

        À chaque tirage, la portée de chaque séance est tirée uniformément dans sa fourchette, puis les
        participants sont répartis entre les groupes par une loi multinomiale.

        >>> modele = ModeleConcertation.par_defaut()
        >>> s = Strategie("Test", [Action("reunion_publique", "2026-03-10")])
        >>> a = modele.simuler(s, tirages=50, graine=1).resume()
        >>> b = modele.simuler(s, tirages=50, graine=1).resume()
        >>> a.equals(b)
        True
        """
        import numpy as np
        import pandas as pd

        if isinstance(tirages, bool) or not isinstance(tirages, int) or tirages < 1:
            raise ErreurSaisie(f"le nombre de tirages vaut {tirages!r}", conseil="donnez un entier, par exemple 500")
        rng = np.random.default_rng(graine)
        dimensions = list(self._parts)
        groupes = {d: list(self._parts[d]) for d in dimensions}
        comptes = {d: np.zeros((tirages, len(groupes[d]))) for d in dimensions}
        for action in strategie.actions:
            f = self._verifier_action(action)
            for _ in range(action.seances):
                n = np.rint(self._portee(f, rng.uniform(f.portee_min, f.portee_max, size=tirages))).astype(int)
                for d in dimensions:
                    rep = self._repartition(f, d, action.cible)
                    probas = np.array([rep[g] for g in groupes[d]])
                    comptes[d] += rng.multinomial(n, probas / probas.sum())
        lignes = []
        for d in dimensions:
            totaux = comptes[d].sum(axis=1, keepdims=True)
            parts = np.divide(comptes[d], totaux, out=np.zeros_like(comptes[d]), where=totaux > 0)
            for j, g in enumerate(groupes[d]):
                pop = self._parts[d][g]
                lignes.append(pd.DataFrame({"tirage": np.arange(tirages), "dimension": d, "groupe": g,
                                            "participants": comptes[d][:, j], "indice": parts[:, j] / pop}))
        return Simulation(strategie.nom, pd.concat(lignes, ignore_index=True), graine)

    @classmethod
    def depuis_cas(cls, cas: Cas | str) -> ModeleConcertation:
        """Le modèle de scénarios sur la population du cas (données ``population``, groupes exclus du cas) ;
        un slug suffit.

        >>> ModeleConcertation.depuis_cas("reseau-cyclable").taille_public
        23288.0
        """
        from ..depuis_cas import cas_depuis, section_du_cas

        cas = cas_depuis(cas, "le modèle de concertation")
        s = section_du_cas(cas, "concertation", "le modèle de concertation (ModeleConcertation.depuis_cas)")
        return cls(cas.donnees("population"), exclure=s.groupes_exclus)

    def graphique(self, strategies: Sequence[Strategie], dimension: str = "age") -> Figure:
        """La représentativité attendue de plusieurs stratégies, côte à côte (matplotlib)."""
        from ..affichage.graphiques_concertation import graphique_strategies

        return graphique_strategies(self, list(strategies), dimension=dimension)

    def __repr__(self) -> str:
        return f"ModeleConcertation({len(self.formats)} formats, public de {self.taille_public:.0f} personnes)"


@dataclass(frozen=True)
class ResultatStrategie:
    """Le scénario central d'une stratégie : participations, représentativité, coût, durée, positions."""

    #: La stratégie évaluée.
    strategie: Strategie
    #: Une ligne par action : format, date, séances, groupe ciblé, participations, coût.
    actions: pd.DataFrame
    #: Une ligne par groupe : participants, parts, indice de représentativité.
    representativite: pd.DataFrame
    #: Les positions des acteurs avant et après (si une carte des acteurs a été donnée).
    positions: pd.DataFrame | None
    #: Le jour où la préparation doit commencer.
    debut_preparation: _dt.date
    #: Les niveaux IAP2 atteints, dans l'ordre des actions.
    niveaux_iap2: tuple[str, ...] = ()

    @property
    def participants_total(self) -> float:
        """Le total des participations (contacts), toutes actions confondues."""
        return float(self.actions["participations"].sum())

    @property
    def cout_total(self) -> float:
        """Le coût total, en euros TTC."""
        return float(self.actions["coût"].sum())

    @property
    def cout_par_participant(self) -> float:
        """Le coût moyen d'une participation."""
        return self.cout_total / self.participants_total if self.participants_total else float("inf")

    @property
    def depassement(self) -> float:
        """Le dépassement du budget (0 si le budget tient ou s'il n'y en a pas)."""
        b = self.strategie.budget
        return max(0.0, self.cout_total - b) if b is not None else 0.0

    @property
    def duree_jours(self) -> int:
        """La durée de la concertation, de la première à la dernière action (bornes comprises)."""
        dates = [a.date for a in self.strategie.actions]
        return (max(dates) - min(dates)).days + 1

    @property
    def duree_totale_jours(self) -> int:
        """La durée avec la préparation, du premier jour de préparation à la dernière action."""
        return (max(a.date for a in self.strategie.actions) - self.debut_preparation).days + 1

    def indices(self, dimension: str) -> pd.Series:
        """Les indices de représentativité d'une dimension (``"age"``, ``"sexe"``, ``"csp"``), par groupe."""
        t = self.representativite
        dimension = saisie.choix(dimension, list(t["dimension"].unique()), "la dimension",
                                 synonymes=SYNONYMES_DIMENSIONS)
        return t[t.dimension == dimension].set_index("groupe")["indice"]

    def participations(self, groupe: str) -> float:
        """Les participations attendues d'un groupe (``"15-29 ans"``, ``"Femmes"``...), casse et accents indifférents.

        >>> r = ModeleConcertation.par_defaut().evaluer(Strategie("T", [Action("atelier", "2026-03-24")]))
        >>> round(sum(r.participations(g) for g in ("Femmes", "Hommes")), 1)
        22.5
        """
        t = self.representativite
        nom = saisie.trouver(groupe, list(dict.fromkeys(t["groupe"])), "le groupe")
        return float(t.loc[t["groupe"] == nom, "participants"].iloc[0])

    def dissimilarite(self, dimension: str) -> float:
        """L'indice de dissimilarité (0 = participants à l'image de la population, 1 = aucun recouvrement).

        C'est la moitié de la somme des écarts absolus entre parts parmi les participants et parts dans la
        population (indice de Duncan).
        """
        t = self.representativite
        dimension = saisie.choix(dimension, list(t["dimension"].unique()), "la dimension",
                                 synonymes=SYNONYMES_DIMENSIONS)
        t = t[t.dimension == dimension]
        return float((t["part des participants"] - t["part de la population"]).abs().sum() / 2)

    def groupe_le_moins_represente(self) -> tuple[str, str, float]:
        """(dimension, groupe, indice) du groupe à l'indice le plus bas."""
        t = self.representativite.sort_values("indice", kind="stable").iloc[0]
        return str(t["dimension"]), str(t["groupe"]), float(t["indice"])

    def synthese(self) -> dict[str, Any]:
        """Les chiffres clés, pour comparer des stratégies."""
        dim, groupe, indice = self.groupe_le_moins_represente()
        ligne: dict[str, Any] = {
            "stratégie": self.strategie.nom, "participations": self.participants_total,
            "coût": self.cout_total, "budget": self.strategie.budget, "dépassement": self.depassement,
            "coût par participation": self.cout_par_participant, "durée (jours)": self.duree_jours,
            "durée avec préparation (jours)": self.duree_totale_jours,
            "niveau IAP2 le plus haut": max(self.niveaux_iap2, key=list(SPECTRE_IAP2).index),
        }
        for d in self.representativite["dimension"].unique():
            ligne[f"dissimilarité {d}"] = self.dissimilarite(d)
        ligne["groupe le moins représenté"] = f"{groupe} ({dim})"
        ligne["indice le plus bas"] = indice
        if self.positions is not None:
            p = self.positions
            poids = p["pouvoir"]
            ligne["position moyenne avant"] = float((p["position avant"] * poids).sum() / poids.sum())
            ligne["position moyenne après"] = float((p["position après"] * poids).sum() / poids.sum())
        return ligne

    def __repr__(self) -> str:
        return (f"ResultatStrategie({self.strategie.nom!r}, {self.participants_total:.0f} participations, "
                f"{self.cout_total:.0f} €)")

    def graphique(self, dimensions: Sequence[str] | None = None) -> Figure:
        """Les indices de représentativité attendus, par groupe (matplotlib)."""
        from ..affichage.graphiques_concertation import graphique_representativite

        return graphique_representativite(self, dimensions=dimensions,
                                          titre=f"Représentativité attendue — {self.strategie.nom}")

    def _repr_html_(self) -> str:
        from ..affichage.html import Html, tableau_html
        from ..formats import euros, nombre

        s = self.synthese()
        cout = euros(self.cout_total, 0)
        if self.depassement:
            from html import escape

            cout = Html(f"{escape(cout)} — <strong>dépassement de {escape(euros(self.depassement, 0))}</strong>")
        lignes = [
            ("Participations (scénario central)", nombre(self.participants_total, 0)),
            ("Coût", cout),
            ("Durée", f"{self.duree_jours} jours ({self.duree_totale_jours} avec la préparation)"),
            ("Niveau IAP2 le plus haut", s["niveau IAP2 le plus haut"]),
            ("Groupe le moins représenté",
             f"{s['groupe le moins représenté']}, indice {nombre(s['indice le plus bas'], 2)}"),
        ]
        return tableau_html(lignes, ["Indicateur", "Valeur"],
                            legende=f"Stratégie « {self.strategie.nom} » — modèle pédagogique, pas une prévision")


@dataclass(frozen=True)
class Simulation:
    """Les tirages d'une simulation semée : participants et indice par groupe, à chaque tirage."""

    #: Le nom de la stratégie simulée.
    strategie: str
    #: Une ligne par (tirage, dimension, groupe) : participants, indice.
    tirages: pd.DataFrame
    #: La graine du générateur (pour refaire exactement les mêmes tirages).
    graine: int

    def resume(self) -> pd.DataFrame:
        """Pour chaque groupe : indice au 10e centile, médian et au 90e centile."""
        g = self.tirages.groupby(["dimension", "groupe"], sort=False)["indice"]
        return g.quantile([0.1, 0.5, 0.9]).unstack().rename(columns={0.1: "p10", 0.5: "médiane", 0.9: "p90"})

    def participants(self) -> pd.Series:
        """Le total des participations à chaque tirage."""
        t = self.tirages
        premiere = t["dimension"].iloc[0]
        return t[t.dimension == premiere].groupby("tirage")["participants"].sum()

    def graphique(self, dimension: str = "age") -> Figure:
        """La fourchette des indices simulés par groupe (matplotlib)."""
        from ..affichage.graphiques_concertation import graphique_simulation

        return graphique_simulation(self, dimension=dimension)


def comparer_strategies(modele: ModeleConcertation, strategies: Iterable[Strategie],
                        acteurs: CarteDesActeurs | None = None) -> pd.DataFrame:
    """Un tableau qui compare des stratégies côte à côte (une ligne par stratégie).

    >>> modele = ModeleConcertation.par_defaut()
    >>> a = Strategie("Réunions", [Action("reunion_publique", "2026-03-10", seances=2)])
    >>> b = Strategie("Aller vers", [Action("aller_vers", "2026-03-10", seances=3)])
    >>> comparer_strategies(modele, [a, b])["stratégie"].tolist()
    ['Réunions', 'Aller vers']
    """
    import pandas as pd

    lignes = [modele.evaluer(s, acteurs).synthese() for s in strategies]
    if not lignes:
        raise ErreurSaisie("aucune stratégie à comparer", conseil="donnez une liste d'au moins une stratégie")
    return pd.DataFrame(lignes)


def strategies_depuis_cas(cas: Cas | str) -> dict[str, Strategie]:
    """Les stratégies d'exemple du cas (section ``concertation.strategies``), par nom ; un slug suffit.

    >>> list(strategies_depuis_cas("reseau-cyclable"))[0]
    'Classique'
    """
    from ..depuis_cas import cas_depuis, section_du_cas

    cas = cas_depuis(cas, "les stratégies d'exemple")
    s = section_du_cas(cas, "concertation", "les stratégies d'exemple (Strategie.depuis_cas)")
    return {st.nom: Strategie(st.nom, [a.model_dump() for a in st.actions], st.budget) for st in s.strategies}


def strategies_du_cas(cas: Cas | str) -> dict[str, Strategie]:
    """Alias de :func:`strategies_depuis_cas` (ancien nom, gardé pour les carnets existants).

    >>> list(strategies_du_cas("reseau-cyclable"))[0]
    'Classique'
    """
    return strategies_depuis_cas(cas)


def modele_du_cas(cas: Cas | str) -> ModeleConcertation:
    """Alias de :meth:`ModeleConcertation.depuis_cas` (ancien nom, gardé pour les carnets existants).

    >>> modele_du_cas("reseau-cyclable").taille_public
    23288.0
    """
    return ModeleConcertation.depuis_cas(cas)
