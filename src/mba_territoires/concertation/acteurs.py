"""Les acteurs d'un projet : grille pouvoir / intérêt (Mendelow), spectre de l'IAP2, échelle d'Arnstein.

:class:`CarteDesActeurs` range les acteurs sur la grille et suggère un niveau d'engagement ;
:meth:`CarteDesActeurs.graphique` dessine la grille.

>>> carte = CarteDesActeurs.depuis_cas("reseau-cyclable")
>>> len(carte) > 5
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .. import saisie
from ..erreurs import ErreurSaisie

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..cas import Cas

__all__ = [
    "CATEGORIES_ACTEURS",
    "ECHELLE_ARNSTEIN",
    "MILIEU_ECHELLE",
    "QUADRANTS",
    "SPECTRE_IAP2",
    "Acteur",
    "CarteDesActeurs",
    "acteurs_du_cas",
]

#: Les mots du métier acceptés pour une catégorie d'acteurs (sans casse ni accents).
SYNONYMES_CATEGORIES: dict[str, tuple[str, ...]] = {
    "élus": ("élu", "élue", "conseil municipal", "maire"),
    "services": ("service", "services techniques"),
    "État": ("préfecture", "DDT", "services de l'État"),
    "financeurs": ("financeur",),
    "habitants": ("habitant", "riverains", "riverain"),
    "usagers": ("usager",),
    "associations": ("association",),
    "commerçants": ("commerçant", "commerces"),
    "entreprises": ("entreprise",),
}

#: Les catégories d'acteurs reconnues (elles relient les acteurs aux formats qui les touchent).
CATEGORIES_ACTEURS: tuple[str, ...] = (
    "élus", "services", "État", "financeurs", "habitants", "usagers", "associations", "commerçants", "entreprises",
)

#: Le spectre de la participation de l'IAP2 : niveau -> promesse faite au public.
SPECTRE_IAP2: dict[str, str] = {
    "informer": "Nous vous tiendrons informés.",
    "consulter": "Nous vous écouterons et vous dirons comment votre avis a pesé sur la décision.",
    "impliquer": "Vos préoccupations se retrouveront dans les options étudiées ; nous vous dirons comment.",
    "collaborer": "Nous chercherons vos conseils et intégrerons vos propositions autant que possible.",
    "habiliter": "Nous mettrons en œuvre ce que vous déciderez.",
}

#: L'échelle de la participation d'Arnstein (1969), du bas vers le haut, avec sa famille.
ECHELLE_ARNSTEIN: tuple[tuple[int, str, str], ...] = (
    (1, "manipulation", "non-participation"),
    (2, "thérapie", "non-participation"),
    (3, "information", "participation symbolique"),
    (4, "consultation", "participation symbolique"),
    (5, "réassurance", "participation symbolique"),
    (6, "partenariat", "pouvoir citoyen"),
    (7, "délégation de pouvoir", "pouvoir citoyen"),
    (8, "contrôle citoyen", "pouvoir citoyen"),
)

#: La grille pouvoir / intérêt (Mendelow) : quadrant -> (stratégie d'engagement, niveau IAP2 suggéré).
QUADRANTS: dict[str, tuple[str, str]] = {
    "acteurs clés": ("associer de près, à chaque étape : comité de pilotage, co-construction", "collaborer"),
    "à satisfaire": ("consulter aux moments de décision, sans les solliciter à l'excès", "consulter"),
    "à impliquer": ("tenir informés et les faire contribuer : ateliers, balades, questionnaires", "impliquer"),
    "à informer": ("informer régulièrement, par des canaux simples", "informer"),
}

#: Le milieu des échelles de pouvoir et d'intérêt (notées de 1 à 5) : la frontière des quadrants.
MILIEU_ECHELLE = 3.0


@dataclass(frozen=True)
class Acteur:
    """Un acteur du projet, noté sur la grille pouvoir / intérêt.

    >>> Acteur("Association Vélo Lisière", "associations", pouvoir=2, interet=5, position=2).quadrant
    'à impliquer'
    """

    #: Le nom de l'acteur.
    nom: str
    #: Sa catégorie, parmi :data:`CATEGORIES_ACTEURS`.
    categorie: str
    #: Son pouvoir sur le projet, de 1 (faible) à 5 (décisif).
    pouvoir: float
    #: Son intérêt pour le projet, de 1 (indifférent) à 5 (très concerné).
    interet: float
    #: Sa position initiale, de -2 (opposé) à +2 (favorable).
    position: float = 0.0
    #: Une phrase qui dit ce que l'acteur attend ou craint.
    attentes: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "categorie", saisie.choix(
            self.categorie, CATEGORIES_ACTEURS, f"la catégorie de l'acteur « {self.nom} »",
            synonymes=SYNONYMES_CATEGORIES))
        for nom_champ, bas, haut in (("pouvoir", 1, 5), ("interet", 1, 5), ("position", -2, 2)):
            libelle = "intérêt" if nom_champ == "interet" else nom_champ
            v = saisie.nombre(getattr(self, nom_champ), f"le {libelle} de l'acteur « {self.nom} »",
                              minimum=bas, maximum=haut)
            object.__setattr__(self, nom_champ, v)

    @property
    def quadrant(self) -> str:
        """Le quadrant de la grille pouvoir / intérêt (pouvoir et intérêt ≥ 3 : « acteurs clés »)."""
        fort_pouvoir = self.pouvoir >= MILIEU_ECHELLE
        fort_interet = self.interet >= MILIEU_ECHELLE
        if fort_pouvoir and fort_interet:
            return "acteurs clés"
        if fort_pouvoir:
            return "à satisfaire"
        if fort_interet:
            return "à impliquer"
        return "à informer"


class CarteDesActeurs:
    """Les acteurs d'un projet : grille pouvoir / intérêt et engagement suggéré.

    >>> carte = CarteDesActeurs([Acteur("Maire", "élus", 5, 4, 1), Acteur("Riverains", "habitants", 2, 4, -1)])
    >>> carte.tableau()[["acteur", "quadrant", "niveau IAP2 suggéré"]].values.tolist()
    [['Maire', 'acteurs clés', 'collaborer'], ['Riverains', 'à impliquer', 'impliquer']]
    """

    #: La frontière des quadrants sur les échelles de 1 à 5 (:data:`MILIEU_ECHELLE`).
    milieu_echelle: float = MILIEU_ECHELLE
    #: Quadrant -> (stratégie d'engagement, niveau IAP2 suggéré) (:data:`QUADRANTS`).
    engagements: dict[str, tuple[str, str]] = QUADRANTS

    def __init__(self, acteurs: Iterable[Acteur | Mapping[str, Any]]) -> None:
        liste = saisie.objets(acteurs, Acteur, le="l'acteur", un="un acteur",
                              champs="nom, categorie, pouvoir, interet, position",
                              exemple="Acteur(nom, categorie, ...)")
        noms = [a.nom for a in liste]
        doublons = sorted({n for n in noms if noms.count(n) > 1})
        if doublons:
            raise ErreurSaisie(f"l'acteur « {doublons[0]} » figure deux fois", conseil="donnez un nom unique à chacun")
        if not liste:
            raise ErreurSaisie("la carte des acteurs est vide", conseil="ajoutez au moins un acteur")
        self.acteurs: tuple[Acteur, ...] = tuple(liste)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.acteurs)

    def __len__(self) -> int:
        return len(self.acteurs)

    def acteur(self, nom: str) -> Acteur:
        """Un acteur par son nom."""
        noms = [a.nom for a in self.acteurs]
        return self.acteurs[noms.index(saisie.trouver(nom, noms, "l'acteur"))]

    def tableau(self) -> pd.DataFrame:
        """Le tableau des acteurs avec leur quadrant et l'engagement suggéré."""
        import pandas as pd

        return pd.DataFrame([
            {"acteur": a.nom, "catégorie": a.categorie, "pouvoir": a.pouvoir, "intérêt": a.interet,
             "position": a.position, "quadrant": a.quadrant, "engagement suggéré": QUADRANTS[a.quadrant][0],
             "niveau IAP2 suggéré": QUADRANTS[a.quadrant][1]}
            for a in self.acteurs
        ])

    def quadrants(self) -> dict[str, list[str]]:
        """Les noms des acteurs par quadrant."""
        resultat: dict[str, list[str]] = {q: [] for q in QUADRANTS}
        for a in self.acteurs:
            resultat[a.quadrant].append(a.nom)
        return resultat

    def position_moyenne(self, ponderer_par_pouvoir: bool = True) -> float:
        """La position moyenne des acteurs, pondérée par leur pouvoir (par défaut)."""
        poids = [a.pouvoir if ponderer_par_pouvoir else 1.0 for a in self.acteurs]
        return sum(p * a.position for p, a in zip(poids, self.acteurs, strict=True)) / sum(poids)

    def avec_positions(self, positions: Mapping[str, float]) -> CarteDesActeurs:
        """Une nouvelle carte où certaines positions ont changé (la carte d'origine ne bouge pas)."""
        return CarteDesActeurs([replace(a, position=float(positions.get(a.nom, a.position))) for a in self.acteurs])

    def __repr__(self) -> str:
        return f"CarteDesActeurs({len(self)} acteurs)"

    @classmethod
    def depuis_cas(cls, cas: Cas | str) -> CarteDesActeurs:
        """La carte des acteurs d'un cas (section ``acteurs`` de ``cas.yaml``) ; un slug suffit.

        >>> CarteDesActeurs.depuis_cas("reseau-cyclable").acteur("Association Vélo Lisière").quadrant
        'à impliquer'
        """
        from ..depuis_cas import cas_depuis, section_du_cas

        cas = cas_depuis(cas, "la carte des acteurs")
        return cls([a.model_dump() for a in section_du_cas(cas, "acteurs",
                                                           "la carte des acteurs (CarteDesActeurs.depuis_cas)")])

    def graphique(self, positions_apres: Mapping[str, float] | None = None) -> Figure:
        """La grille pouvoir / intérêt (matplotlib) ; ``positions_apres`` : les positions après une stratégie."""
        from ..affichage.graphiques_concertation import grille_acteurs

        return grille_acteurs(self, dict(positions_apres) if positions_apres is not None else None)

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html
        from ..formats import nombre

        lignes = [[a.nom, a.categorie, nombre(a.pouvoir), nombre(a.interet),
                   ("+" if a.position > 0 else "") + nombre(a.position), a.quadrant, QUADRANTS[a.quadrant][1]]
                  for a in self.acteurs]
        return tableau_html(lignes, ["Acteur", "Catégorie", "Pouvoir", "Intérêt", "Position", "Quadrant",
                                     "Niveau IAP2 suggéré"], legende="Carte des acteurs")


def acteurs_du_cas(cas: Cas | str) -> CarteDesActeurs:
    """Alias de :meth:`CarteDesActeurs.depuis_cas` (ancien nom, gardé pour les carnets existants).

    >>> len(acteurs_du_cas("reseau-cyclable")) > 5
    True
    """
    return CarteDesActeurs.depuis_cas(cas)
