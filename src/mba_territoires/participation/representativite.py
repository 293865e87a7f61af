"""Représentativité d'une consultation et redressement des réponses.

:class:`Representativite` compare les répondants à la population : l'**indice de représentativité** d'un
groupe est sa part parmi les répondants divisée par sa part dans la population (1 : à son image ; 0,5 : deux
fois moins présent qu'il ne devrait). Le **redressement** donne à chaque répondant un **poids** : par
post-stratification sur une dimension (poids = part dans la population / part parmi les répondants), ou
par **calage sur marges** sur plusieurs (méthode du ratissage : on redresse dimension après dimension
jusqu'à retrouver toutes les marges de la population).

>>> import pandas as pd
>>> population = pd.DataFrame({"dimension": ["age", "age"], "groupe": ["jeunes", "aînés"],
...                            "effectif": [600, 400]})
>>> repondants = pd.DataFrame({"age": ["jeunes"] * 20 + ["aînés"] * 30})
>>> Representativite(repondants, population).indices("Âge").round(3).to_dict()
{'jeunes': 0.667, 'aînés': 1.5}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .. import saisie
from ..erreurs import ErreurDonnees, ErreurRegle

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["SYNONYMES_DIMENSIONS", "Representativite", "parts_population", "population_depuis", "verifier_colonnes"]

#: Les noms usuels des dimensions d'une population (comparés sans casse ni accents).
SYNONYMES_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "age": ("âge", "tranche d'âge", "classe d'âge"),
    "sexe": ("genre",),
    "csp": ("PCS", "catégorie socioprofessionnelle", "catégorie socio-professionnelle"),
}


def population_depuis(population: Any) -> Any:
    """Un tableau de population tiré de ce que l'apprenant donne : un tableau, une liste de lignes, ou un
    objet qui en porte un (attribut ``population`` ou méthode ``tableau_population``). Sinon, l'objet reçu,
    tel quel (l'appelant dit en français ce qui manque).

    >>> population_depuis([{"dimension": "age", "groupe": "0-14 ans", "effectif": 120}]).shape
    (1, 3)
    """
    import pandas as pd

    if isinstance(population, pd.DataFrame):
        return population
    if isinstance(population, list) and all(isinstance(x, dict) for x in population):
        return pd.DataFrame(population)
    interne = getattr(population, "population", None)
    if isinstance(interne, pd.DataFrame):
        return interne
    tableau = getattr(population, "tableau_population", None)
    if callable(tableau):
        return tableau()
    return population  # verifier_colonnes dira en français ce qui manque


def _liste(elements: Iterable[Any], n: int = 3) -> str:
    elements = list(elements)
    texte = ", ".join(str(e) for e in elements[:n])
    return texte + (f" et {len(elements) - n} autre(s)" if len(elements) > n else "")


def verifier_colonnes(tableau: Any, colonnes: Iterable[str], nom: str, conseil: str) -> None:
    """Vérifie qu'un tableau (DataFrame) a les colonnes attendues ; sinon une :class:`ErreurDonnees` en français.

    >>> import pandas as pd
    >>> verifier_colonnes(pd.DataFrame({"a": [1]}), ["b"], "le tableau", "ajoutez la colonne b")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurDonnees: le tableau n'a pas de colonne « b » ; colonnes présentes : a.
    Conseil : ajoutez la colonne b.
    """
    import pandas as pd

    if not isinstance(tableau, pd.DataFrame):
        raise ErreurDonnees(f"{nom} doit être un tableau (DataFrame), pas {type(tableau).__name__}",
                            conseil="chargez-le avec cas.donnees(...) ou pandas.read_csv(...)")
    manquantes = [c for c in colonnes if c not in tableau.columns]
    if manquantes:
        raise ErreurDonnees(
            f"{nom} n'a pas de colonne « {manquantes[0]} » ; colonnes présentes : "
            + ", ".join(map(str, tableau.columns)),
            conseil=conseil)


# ---------------------------------------------------------------------------
# Population et représentativité
# ---------------------------------------------------------------------------

def parts_population(population: pd.DataFrame, exclure: Sequence[str] = ()) -> pd.DataFrame:
    """La population par dimension et groupe, avec la part de chaque groupe dans sa dimension.

    ``population`` a les colonnes ``dimension``, ``groupe`` et ``effectif`` (comme ``population.csv``
    des études de cas) ; ``exclure`` retire des groupes hors du champ (par exemple ``["0-14 ans"]``
    pour une consultation ouverte aux 15 ans ou plus).

    >>> import pandas as pd
    >>> pop = pd.DataFrame({"dimension": ["age"] * 3, "groupe": ["0-14 ans", "15-59 ans", "60 ans ou plus"],
    ...                     "effectif": [200, 500, 300]})
    >>> parts_population(pop, exclure=["0-14 ans"])["part"].tolist()
    [0.625, 0.375]
    """
    import pandas as pd

    population = population_depuis(population)
    verifier_colonnes(population, ("dimension", "groupe", "effectif"), "le tableau de population",
                       "il faut les colonnes dimension, groupe et effectif (voir population.csv d'un cas)")
    t = population[["dimension", "groupe", "effectif"]].copy()
    vides = t[t.isna().any(axis=1)]
    if not vides.empty:
        raise ErreurDonnees(f"le tableau de population a des cases vides (lignes {_liste(vides.index)})",
                            conseil="complétez ou supprimez ces lignes")
    effectifs = pd.to_numeric(t["effectif"], errors="coerce")
    mauvais = t[effectifs.isna() | (effectifs < 0)]
    if not mauvais.empty:
        ligne = mauvais.iloc[0]
        raise ErreurDonnees(f"l'effectif du groupe « {ligne.groupe} » vaut {ligne.effectif!r}",
                            conseil="un effectif est un nombre positif d'habitants")
    t["effectif"] = effectifs.astype(float)
    inconnus = [g for g in exclure if g not in set(t["groupe"])]
    if inconnus:
        raise ErreurDonnees(f"le groupe à exclure « {inconnus[0]} » n'existe pas dans la population",
                            conseil="groupes connus : " + ", ".join(map(str, t["groupe"].unique())))
    t = t[~t["groupe"].isin(list(exclure))].reset_index(drop=True)
    totaux = t.groupby("dimension")["effectif"].transform("sum")
    if (totaux <= 0).any():
        raise ErreurDonnees("une dimension de la population a un effectif total nul",
                            conseil="vérifiez les effectifs de la population")
    t["part"] = t["effectif"] / totaux
    return t


class Representativite:
    """La représentativité des répondants d'une consultation, comparés à la population.

    ``repondants`` a une ligne par répondant et une colonne par dimension (``age``, ``sexe``,
    ``csp``...) dont les valeurs sont des groupes de ``population``.

    >>> import pandas as pd
    >>> population = pd.DataFrame({"dimension": ["sexe", "sexe"], "groupe": ["Femmes", "Hommes"],
    ...                            "effectif": [520, 480]})
    >>> rep = Representativite(pd.DataFrame({"sexe": ["Femmes"] * 40 + ["Hommes"] * 60}), population)
    >>> rep.poids("sexe").groupby(rep.repondants["sexe"]).first().round(3).to_dict()
    {'Femmes': 1.3, 'Hommes': 0.8}
    """

    def __init__(self, repondants: pd.DataFrame, population: pd.DataFrame,
                 dimensions: Sequence[str] | None = None, exclure: Sequence[str] = ()) -> None:
        import pandas as pd

        self.population = parts_population(population, exclure)
        dims_pop = list(self.population["dimension"].unique())
        if isinstance(repondants, list) and all(isinstance(x, dict) for x in repondants):
            repondants = pd.DataFrame(repondants)  # une liste de réponses, une par répondant
        if not isinstance(repondants, pd.DataFrame):
            raise ErreurDonnees(f"le tableau des répondants doit être un DataFrame, pas {type(repondants).__name__}",
                                conseil="chargez-le avec cas.donnees(...) ou pandas.read_csv(...)")
        if dimensions is None:
            dimensions = [d for d in dims_pop if d in repondants.columns]
            if not dimensions:
                raise ErreurDonnees(
                    "aucune colonne des répondants ne correspond à une dimension de la population ("
                    + ", ".join(dims_pop) + ")",
                    conseil="nommez les colonnes des répondants comme les dimensions : " + ", ".join(dims_pop))
        for d in dimensions:
            if d not in dims_pop:
                raise ErreurDonnees(f"la dimension « {d} » n'existe pas dans la population",
                                    conseil="dimensions connues : " + ", ".join(dims_pop))
        verifier_colonnes(repondants, dimensions, "le tableau des répondants",
                           "ajoutez la colonne ou retirez la dimension de la liste")
        self.dimensions = list(dimensions)
        self.repondants = repondants.reset_index(drop=True)
        if self.repondants.empty:
            raise ErreurDonnees("le tableau des répondants est vide", conseil="chargez les réponses de la consultation")
        for d in self.dimensions:
            connus = list(self.population.loc[self.population.dimension == d, "groupe"])
            col = self.repondants[d]
            vides = col[col.isna()]
            if not vides.empty:
                raise ErreurDonnees(
                    f"{len(vides)} répondant(s) n'ont pas de valeur pour « {d} » (lignes {_liste(vides.index)})",
                    conseil="complétez ces cases, ou retirez ces lignes avant le calcul (repondants.dropna(...))")
            inconnues = col[~col.isin(connus)]
            if not inconnues.empty:
                valeur = inconnues.iloc[0]
                lignes = inconnues[inconnues == valeur].index
                hors_champ = valeur in exclure
                raise ErreurDonnees(
                    f"le groupe « {valeur} » (colonne « {d} », ligne(s) {_liste(lignes)}) "
                    + ("est exclu du champ de la comparaison" if hors_champ else "n'existe pas dans la population"),
                    conseil=("retirez ces répondants ou ne les excluez pas" if hors_champ else
                             "recodez ces réponses dans l'un des groupes connus (" + ", ".join(connus)
                             + ") avec repondants.replace({...}), ou retirez ces lignes"))

    def _parts_pop(self, dimension: str) -> pd.Series:
        p = self.population
        return p[p.dimension == dimension].set_index("groupe")["part"]

    def tableau(self) -> pd.DataFrame:
        """Une ligne par groupe : répondants, part des répondants, part de la population, indice."""
        import pandas as pd

        lignes = []
        n = len(self.repondants)
        for d in self.dimensions:
            comptes = self.repondants[d].value_counts()
            for groupe, part_pop in self._parts_pop(d).items():
                k = int(comptes.get(groupe, 0))
                lignes.append({"dimension": d, "groupe": groupe, "répondants": k, "part des répondants": k / n,
                               "part de la population": float(part_pop),
                               "indice": (k / n) / part_pop if part_pop else float("nan")})
        return pd.DataFrame(lignes)

    def indices(self, dimension: str) -> pd.Series:
        """Les indices de représentativité d'une dimension, par groupe (1 = à l'image de la population)."""
        t = self.tableau()
        dimension = self._dimension(dimension)
        return t[t.dimension == dimension].set_index("groupe")["indice"]

    def _dimension(self, dimension: str) -> str:
        from ..erreurs import ErreurChoix

        try:
            return saisie.choix(dimension, self.dimensions, "la dimension", synonymes={
                d: s for d, s in SYNONYMES_DIMENSIONS.items() if d in self.dimensions})
        except ErreurChoix as exc:
            conseil = exc.conseil or ("dimensions étudiées : " + ", ".join(self.dimensions))
            raise ErreurDonnees(f"la dimension « {dimension} » n'est pas étudiée", conseil=conseil) from None

    def _verifier_couverture(self, d: str) -> None:
        comptes = self.repondants[d].value_counts()
        absents = [g for g, part in self._parts_pop(d).items() if part > 0 and comptes.get(g, 0) == 0]
        if absents:
            raise ErreurRegle(
                f"impossible de redresser sur « {d} » : aucun répondant dans le groupe « {absents[0]} »",
                conseil="regroupez ce groupe avec un groupe voisin, excluez-le du champ (exclure=[...]) ou "
                "complétez l'enquête auprès de ce public (« aller vers »)")

    def poids(self, dimensions: str | Sequence[str] | None = None, iterations: int = 200,
              tolerance: float = 1e-10) -> pd.Series:
        """Les poids de redressement, un par répondant (moyenne 1).

        Sur une dimension : post-stratification, poids du groupe = part dans la population / part
        parmi les répondants. Sur plusieurs : calage par ratissage (on redresse dimension après
        dimension jusqu'à ce que toutes les marges soient atteintes).
        """
        import pandas as pd

        if dimensions is None:
            dimensions = self.dimensions
        elif isinstance(dimensions, str):
            dimensions = [dimensions]
        dimensions = [self._dimension(d) for d in dimensions]
        for d in dimensions:
            self._verifier_couverture(d)
        n = len(self.repondants)
        w = pd.Series(1.0, index=self.repondants.index, name="poids")
        cibles = {d: self._parts_pop(d) for d in dimensions}
        for _ in range(iterations):
            ecart = 0.0
            for d in dimensions:
                courant = w.groupby(self.repondants[d]).sum() / w.sum()
                facteur = self.repondants[d].map(cibles[d] / courant)
                ecart = max(ecart, float((courant - cibles[d].reindex(courant.index)).abs().max()))
                w = w * facteur
            if ecart < tolerance:
                break
        else:  # pragma: no cover - rare : marges incompatibles
            raise ErreurRegle("le calage n'a pas convergé", conseil="redressez sur moins de dimensions à la fois")
        return w * n / w.sum()

    def effectif_redresse(self, groupe: str, dimensions: str | Sequence[str] | None = None) -> float:
        """La somme des poids des répondants d'un groupe : combien de répondants « équivalents » il pèse après
        redressement (sur ``dimensions``, toutes par défaut).

        >>> import pandas as pd
        >>> pop = pd.DataFrame({"dimension": ["age", "age"], "groupe": ["jeunes", "aînés"], "effectif": [1, 1]})
        >>> rep = Representativite(pd.DataFrame({"age": ["jeunes", "aînés", "aînés", "aînés"]}), pop)
        >>> rep.effectif_redresse("Jeunes")  # 1 répondant sur 4 pour la moitié de la population : il en vaut 2
        2.0
        """
        w = self.poids(dimensions)
        for d in self.dimensions:
            connus = list(self.population.loc[self.population.dimension == d, "groupe"])
            if saisie.normaliser(groupe) in {saisie.normaliser(g) for g in connus}:
                nom = saisie.trouver(groupe, connus, "le groupe")
                return float(w[self.repondants[d] == nom].sum())
        tous = [g for d in self.dimensions for g in self.population.loc[self.population.dimension == d, "groupe"]]
        saisie.trouver(groupe, tous, "le groupe")  # lève l'erreur française, avec la suggestion
        raise ErreurDonnees(f"le groupe « {groupe} » n'existe pas",  # pragma: no cover
                            conseil="groupes : " + ", ".join(tous))

    def ponderer(self, colonne: str, dimensions: str | Sequence[str] | None = None) -> pd.DataFrame:
        """La répartition des réponses d'une colonne, brute et redressée (parts).

        >>> import pandas as pd
        >>> pop = pd.DataFrame({"dimension": ["age", "age"], "groupe": ["jeunes", "aînés"], "effectif": [1, 1]})
        >>> rep = pd.DataFrame({"age": ["jeunes", "aînés", "aînés", "aînés"],
        ...                     "avis": ["pour", "contre", "contre", "pour"]})
        >>> Representativite(rep, pop).ponderer("avis").round(3).to_dict("index")
        {'contre': {'brut': 0.5, 'redressé': 0.333}, 'pour': {'brut': 0.5, 'redressé': 0.667}}
        """
        import pandas as pd

        verifier_colonnes(self.repondants, [colonne], "le tableau des répondants",
                           "choisissez une colonne de réponses du tableau")
        w = self.poids(dimensions)
        brut = self.repondants[colonne].value_counts(normalize=True)
        redresse = w.groupby(self.repondants[colonne]).sum() / w.sum()
        return pd.DataFrame({"brut": brut, "redressé": redresse}).sort_index()

    def __repr__(self) -> str:
        return f"Representativite({len(self.repondants)} répondants, dimensions {', '.join(self.dimensions)})"

    def graphique(self, dimensions: Sequence[str] | None = None) -> Figure:
        """Les indices de représentativité par groupe (matplotlib)."""
        from ..affichage.graphiques_concertation import graphique_representativite

        return graphique_representativite(self, dimensions=dimensions)

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html
        from ..formats import nombre, pourcentage

        lignes = [[f"{r[0]} — {r[1]}", nombre(r[2], 0), pourcentage(r[3]), pourcentage(r[4]), nombre(r[5], 2)]
                  for r in self.tableau().itertuples(index=False)]
        return tableau_html(lignes, ["Dimension — groupe", "Répondants", "Part des répondants",
                                     "Part de la population", "Indice"], legende="Représentativité des répondants")
