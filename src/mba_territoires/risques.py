"""Le registre des risques : probabilité × impact, responsable, mesure d'atténuation.

Chaque risque est noté de 1 à 5 en probabilité et en impact ; sa criticité est le produit (1 à 25).
Les niveaux suivent une convention courante de gestion de projet (pas une règle de droit) :
faible jusqu'à 4, modéré de 5 à 9, fort de 10 à 14, critique à partir de 15.

>>> r = RegistreRisques([Risque("Travaux non finis à la rentrée", 3, 4, "Services techniques",
...                             "pénalités de retard et phasage du chantier")])
>>> r.risque("Travaux non finis à la rentrée").niveau
'fort'
>>> r.noter("Travaux non finis à la rentrée", probabilite=4).risque("Travaux non finis à la rentrée").criticite
16
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from . import saisie
from .erreurs import ErreurSaisie

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from .cas import Cas

__all__ = ["ECHELLE", "NIVEAUX", "RegistreRisques", "Risque", "registre_du_cas"]

#: Les libellés de l'échelle de 1 à 5 (probabilité, impact).
ECHELLE = {
    "probabilite": ("rare", "peu probable", "possible", "probable", "presque certain"),
    "impact": ("négligeable", "mineur", "modéré", "important", "majeur"),
}
#: Les niveaux de criticité : (nom, criticité minimale), du plus grave au moins grave (convention).
NIVEAUX: tuple[tuple[str, int], ...] = (("critique", 15), ("fort", 10), ("modéré", 5), ("faible", 1))


def _note(valeur: Any, quoi: str, intitule: str) -> int:
    nom = "la probabilité" if quoi == "probabilite" else "l'impact"
    try:
        return saisie.entier(valeur, f"{nom} du risque « {intitule} »", minimum=1, maximum=5)
    except ErreurSaisie as e:
        libelles = ", ".join(f"{i} ({t})" for i, t in enumerate(ECHELLE[quoi], start=1))
        raise type(e)(e.message, conseil=f"donnez un entier de 1 à 5 : {libelles}") from None


@dataclass(frozen=True)
class Risque:
    """Un risque du projet.

    >>> Risque("Refus de l'aide de l'agence de l'eau", 2, 5).criticite
    10
    """

    #: Ce qui pourrait arriver, en une phrase.
    intitule: str
    #: La probabilité, de 1 (rare) à 5 (presque certain).
    probabilite: int
    #: L'impact, de 1 (négligeable) à 5 (majeur).
    impact: int
    #: Qui surveille le risque et déclenche la parade.
    responsable: str = ""
    #: La mesure qui réduit la probabilité ou l'impact.
    attenuation: str = ""
    #: La famille du risque (calendrier, financement, technique, acceptabilité...).
    categorie: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.intitule, str) or not self.intitule.strip():
            raise ErreurSaisie("un risque n'a pas d'intitulé", conseil="décrivez en une phrase ce qui pourrait arriver")
        object.__setattr__(self, "intitule", self.intitule.strip())
        object.__setattr__(self, "probabilite", _note(self.probabilite, "probabilite", self.intitule))
        object.__setattr__(self, "impact", _note(self.impact, "impact", self.intitule))

    @property
    def criticite(self) -> int:
        """Probabilité × impact, de 1 à 25."""
        return self.probabilite * self.impact

    @property
    def niveau(self) -> str:
        """« faible », « modéré », « fort » ou « critique »."""
        return next(nom for nom, seuil in NIVEAUX if self.criticite >= seuil)


class RegistreRisques:
    """Le registre : une liste de risques, des vues (tableau, matrice) et des vérifications.

    Les modifications (:meth:`noter`, :meth:`ajouter`, :meth:`retirer`) renvoient un nouveau registre.
    """

    #: L'échelle de 1 à 5 et les niveaux de criticité (lus par la carte des risques).
    ECHELLE = ECHELLE
    NIVEAUX = NIVEAUX

    def __init__(self, risques: Iterable[Risque | Mapping[str, Any]] = ()) -> None:
        liste = []
        for r in risques:
            if not isinstance(r, Risque):
                if hasattr(r, "model_dump"):
                    r = r.model_dump()
                if not isinstance(r, Mapping):
                    raise ErreurSaisie(f"{r!r} ne décrit pas un risque",
                                       conseil="utilisez Risque(intitulé, probabilité, impact, responsable, "
                                       "atténuation)")
                r = Risque(**r)
            liste.append(r)
        noms = [r.intitule for r in liste]
        doublons = sorted({n for n in noms if noms.count(n) > 1})
        if doublons:
            raise ErreurSaisie(f"le risque « {doublons[0]} » figure deux fois dans le registre",
                               conseil="fusionnez les deux lignes ou précisez leurs intitulés")
        self.risques: tuple[Risque, ...] = tuple(liste)

    def risque(self, intitule: str) -> Risque:
        """Le risque ``intitule`` ; erreur française avec le nom le plus proche."""
        for r in self.risques:
            if r.intitule == intitule:
                return r
        noms = [r.intitule for r in self.risques]
        proche = difflib.get_close_matches(str(intitule), noms, n=1, cutoff=0.4)
        raise ErreurSaisie(f"le registre n'a pas de risque « {intitule} »",
                           conseil=(f"vouliez-vous écrire « {proche[0]} » ? " if proche else "")
                           + "recopiez l'intitulé exact depuis registre.tableau()")

    def noter(self, intitule: str, probabilite: int | None = None, impact: int | None = None) -> RegistreRisques:
        """Un nouveau registre où le risque ``intitule`` a une nouvelle note (probabilité et/ou impact)."""
        ancien = self.risque(intitule)
        nouveau = replace(ancien, probabilite=ancien.probabilite if probabilite is None else probabilite,
                          impact=ancien.impact if impact is None else impact)
        return RegistreRisques([nouveau if r is ancien else r for r in self.risques])

    def ajouter(self, risque: Risque | Mapping[str, Any]) -> RegistreRisques:
        """Un nouveau registre avec un risque de plus."""
        return RegistreRisques([*self.risques, risque])

    def retirer(self, intitule: str) -> RegistreRisques:
        """Un nouveau registre sans le risque ``intitule``."""
        ancien = self.risque(intitule)
        return RegistreRisques([r for r in self.risques if r is not ancien])

    def tableau(self) -> pd.DataFrame:
        """Le registre trié du plus critique au moins critique."""
        import pandas as pd

        lignes = [{"risque": r.intitule, "catégorie": r.categorie, "probabilité": r.probabilite,
                   "impact": r.impact, "criticité": r.criticite, "niveau": r.niveau,
                   "responsable": r.responsable, "atténuation": r.attenuation} for r in self.risques]
        colonnes = ["risque", "catégorie", "probabilité", "impact", "criticité", "niveau", "responsable",
                    "atténuation"]
        t = pd.DataFrame(lignes, columns=colonnes)
        return t.sort_values(["criticité", "impact"], ascending=False, kind="stable").reset_index(drop=True)

    def matrice(self) -> pd.DataFrame:
        """Le nombre de risques par case : lignes = impact (5 en haut), colonnes = probabilité (1 à 5).

        >>> RegistreRisques([Risque("A", 2, 5), Risque("B", 2, 5)]).matrice().loc[5, 2]
        np.int64(2)
        """
        import pandas as pd

        m = pd.DataFrame(0, index=range(5, 0, -1), columns=range(1, 6))
        m.index.name, m.columns.name = "impact", "probabilité"
        for r in self.risques:
            m.loc[r.impact, r.probabilite] += 1
        return m

    def prioritaires(self, niveau_min: str = "fort") -> list[Risque]:
        """Les risques de niveau ``niveau_min`` ou plus grave, du plus critique au moins critique."""
        noms = [n for n, _ in NIVEAUX]
        if niveau_min not in noms:
            raise ErreurSaisie(f"le niveau {niveau_min!r} n'existe pas", conseil="niveaux : " + ", ".join(noms))
        seuil = dict(NIVEAUX)[niveau_min]
        return sorted((r for r in self.risques if r.criticite >= seuil), key=lambda r: -r.criticite)

    def a_completer(self) -> list[str]:
        """Les lignes à compléter : un risque fort ou critique sans responsable ou sans atténuation.

        >>> RegistreRisques([Risque("Sols pollués", 3, 5)]).a_completer()[0]
        "le risque « Sols pollués » est critique (15) mais n'a pas de responsable : nommez qui le surveille"
        """
        constats = []
        for r in self.prioritaires("fort"):
            if not r.responsable.strip():
                constats.append(f"le risque « {r.intitule} » est {r.niveau} ({r.criticite}) mais n'a pas de "
                                "responsable : nommez qui le surveille")
            if not r.attenuation.strip():
                constats.append(f"le risque « {r.intitule} » est {r.niveau} ({r.criticite}) mais n'a pas de mesure "
                                "d'atténuation : dites ce qui réduit sa probabilité ou son impact")
        return constats

    def __len__(self) -> int:
        return len(self.risques)

    def __repr__(self) -> str:
        return f"RegistreRisques({len(self)} risques, {len(self.prioritaires())} forts ou critiques)"

    @classmethod
    def depuis_cas(cls, cas_ou_slug: Cas | str) -> RegistreRisques:
        """Le registre de la section ``risques`` d'un cas (ou de son slug).

        >>> len(RegistreRisques.depuis_cas("cour-oasis")) >= 6
        True
        """
        from .depuis_cas import cas_depuis, section_du_cas

        cas = cas_depuis(cas_ou_slug, "le registre des risques")
        return cls([r.model_dump() for r in section_du_cas(cas, "risques", "le registre des risques")])

    def graphique(self, titre: str = "Carte des risques (probabilité × impact)") -> Figure:
        """La carte des risques : la matrice probabilité × impact, les numéros des risques dans leur case."""
        from .affichage.graphiques_projet import carte_risques

        return carte_risques(self, titre)

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        lignes = [(r["risque"], r["probabilité"], r["impact"], r["criticité"], r["niveau"],
                   r["responsable"] or "(à nommer)", r["atténuation"] or "(à écrire)")
                  for r in self.tableau().to_dict("records")]
        return tableau_html(lignes, ["Risque", "Probabilité", "Impact", "Criticité", "Niveau", "Responsable",
                                     "Atténuation"],
                            legende="Registre des risques (du plus critique au moins critique)")


def registre_du_cas(cas: Cas | str) -> RegistreRisques:
    """Le registre des risques d'un cas ou de son slug (alias gardé de :meth:`RegistreRisques.depuis_cas`).

    >>> len(registre_du_cas("cour-oasis")) >= 6
    True
    """
    return RegistreRisques.depuis_cas(cas)
