"""Participation : représentativité d'une consultation, budgets participatifs, jugement majoritaire.

- :class:`Representativite` compare les répondants d'une consultation à la population (indice par
  groupe = part parmi les répondants / part dans la population) et calcule des poids de
  redressement (post-stratification sur une dimension, calage par ratissage sur plusieurs) ;
- :class:`BudgetParticipatif` réunit projets, enveloppe et bulletins, et calcule les projets
  retenus par la règle gloutonne usuelle et par la méthode des parts égales, avec **pabutools**
  (les règles ne sont pas réécrites ici) ; il lit et écrit le format Pabulib (``.pb``) ;
- :func:`jugement_majoritaire` classe des options selon le jugement majoritaire de Balinski et
  Laraki (2007).

>>> import pandas as pd
>>> population = pd.DataFrame({"dimension": ["age", "age"], "groupe": ["jeunes", "aînés"],
...                            "effectif": [600, 400]})
>>> repondants = pd.DataFrame({"age": ["jeunes"] * 20 + ["aînés"] * 30})
>>> Representativite(repondants, population).indices("age").round(3).to_dict()
{'jeunes': 0.667, 'aînés': 1.5}
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from html import escape
from numbers import Real
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .erreurs import ErreurDonnees, ErreurMontant, ErreurRegle, ErreurSaisie

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .cas import Cas

__all__ = [
    "MENTIONS_JM",
    "BudgetParticipatif",
    "ProjetBP",
    "Representativite",
    "ResultatBP",
    "ResultatJugementMajoritaire",
    "budget_participatif_du_cas",
    "jugement_majoritaire",
    "parts_population",
]


def _liste(elements: Iterable[Any], n: int = 3) -> str:
    elements = list(elements)
    texte = ", ".join(str(e) for e in elements[:n])
    return texte + (f" et {len(elements) - n} autre(s)" if len(elements) > n else "")


def _verifier_colonnes(tableau: Any, colonnes: Iterable[str], nom: str, conseil: str) -> None:
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

    _verifier_colonnes(population, ("dimension", "groupe", "effectif"), "le tableau de population",
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
        _verifier_colonnes(repondants, dimensions, "le tableau des répondants",
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
        if dimension not in self.dimensions:
            raise ErreurDonnees(f"la dimension « {dimension} » n'est pas étudiée",
                                conseil="dimensions étudiées : " + ", ".join(self.dimensions))
        return t[t.dimension == dimension].set_index("groupe")["indice"]

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
        for d in dimensions:
            if d not in self.dimensions:
                raise ErreurDonnees(f"la dimension « {d} » n'est pas étudiée",
                                    conseil="dimensions étudiées : " + ", ".join(self.dimensions))
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

        _verifier_colonnes(self.repondants, [colonne], "le tableau des répondants",
                           "choisissez une colonne de réponses du tableau")
        w = self.poids(dimensions)
        brut = self.repondants[colonne].value_counts(normalize=True)
        redresse = w.groupby(self.repondants[colonne]).sum() / w.sum()
        return pd.DataFrame({"brut": brut, "redressé": redresse}).sort_index()

    def __repr__(self) -> str:
        return f"Representativite({len(self.repondants)} répondants, dimensions {', '.join(self.dimensions)})"

    def _repr_html_(self) -> str:
        from .formats import nombre, pourcentage

        lignes = "".join(
            f"<tr><td>{escape(str(r[0]))}</td><td>{escape(str(r[1]))}</td><td>{r[2]}</td>"
            f"<td>{pourcentage(r[3])}</td><td>{pourcentage(r[4])}</td><td>{nombre(r[5], 2)}</td></tr>"
            for r in self.tableau().itertuples(index=False)
        )
        return ("<table><caption>Représentativité des répondants</caption><thead><tr><th>Dimension</th><th>Groupe</th>"
                "<th>Répondants</th><th>Part des répondants</th><th>Part de la population</th><th>Indice</th>"
                f"</tr></thead><tbody>{lignes}</tbody></table>")


# ---------------------------------------------------------------------------
# Budgets participatifs (règles calculées par pabutools)
# ---------------------------------------------------------------------------

TypeVote = Literal["approbation", "points"]


@dataclass(frozen=True)
class ProjetBP:
    """Un projet soumis au vote d'un budget participatif.

    >>> ProjetBP("P01", "Arceaux vélos à la gare", 12_000, "Lisière").cout
    12000.0
    """

    #: L'identifiant court du projet (``P01``).
    ident: str
    #: Son titre.
    titre: str
    #: Son coût, en euros TTC.
    cout: float
    #: Le secteur (commune, quartier) où il se trouve.
    secteur: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.cout, bool) or not isinstance(self.cout, Real) or math.isnan(float(self.cout)) \
                or self.cout <= 0:
            raise ErreurMontant(f"le projet « {self.ident} – {self.titre} » a un coût de {self.cout!r}",
                                conseil="saisissez un coût positif en euros, sans espace ni symbole")
        object.__setattr__(self, "cout", float(self.cout))


def _fraction(valeur: float) -> int | Fraction:
    return int(valeur) if float(valeur).is_integer() else Fraction(str(valeur))


def _secteur_votant(meta: Mapping[str, Any]) -> str:
    return str(meta.get("secteur", ""))


class BudgetParticipatif:
    """Un budget participatif : projets, enveloppe, bulletins (approbation ou points).

    Un bulletin d'approbation est la liste des projets choisis (``["P01", "P04"]`` ou ``"P01,P04"``) ;
    un bulletin à points associe des points à des projets (``{"P01": 3, "P04": 1}``).

    >>> projets = [ProjetBP("A", "Abri vélos", 40), ProjetBP("B", "Bancs", 30), ProjetBP("C", "Chemin", 30)]
    >>> bp = BudgetParticipatif(projets, 60, [["A"], ["A"], ["B", "C"]])
    >>> bp.glouton().retenus
    ('A',)
    >>> bp.parts_egales(completer=False).retenus
    ('A',)
    """

    def __init__(self, projets: Iterable[ProjetBP], enveloppe: float, bulletins: Iterable[Any],
                 vote: TypeVote = "approbation", nom: str = "Budget participatif",
                 meta_votants: Sequence[Mapping[str, Any]] | None = None) -> None:
        self.nom = nom
        self.projets: dict[str, ProjetBP] = {}
        for p in projets:
            if not isinstance(p, ProjetBP):
                raise ErreurSaisie(f"{p!r} n'est pas un projet", conseil="utilisez ProjetBP(ident, titre, cout)")
            if p.ident in self.projets:
                raise ErreurDonnees(f"l'identifiant de projet « {p.ident} » figure deux fois",
                                    conseil="donnez un identifiant unique à chaque projet")
            self.projets[p.ident] = p
        if not self.projets:
            raise ErreurDonnees("aucun projet n'est soumis au vote", conseil="ajoutez la liste des projets")
        if isinstance(enveloppe, bool) or not isinstance(enveloppe, Real) or not enveloppe > 0:
            raise ErreurMontant(f"l'enveloppe du budget participatif vaut {enveloppe!r}",
                                conseil="saisissez un montant positif en euros (ex. 150000)")
        self.enveloppe = float(enveloppe)
        trop_chers = [p for p in self.projets.values() if p.cout > self.enveloppe]
        if trop_chers:
            p = trop_chers[0]
            from .formats import euros, texte_brut

            raise ErreurMontant(
                f"le projet « {p.ident} – {p.titre} » coûte {texte_brut(euros(p.cout, 0))}, plus que l'enveloppe "
                f"de {texte_brut(euros(self.enveloppe, 0))} : il ne pourrait jamais être retenu",
                conseil="retirez-le du vote, découpez-le en tranches moins chères ou augmentez l'enveloppe")
        if vote not in ("approbation", "points"):
            raise ErreurSaisie(f"le type de vote « {vote} » n'est pas prévu",
                               conseil="choisissez approbation ou points")
        self.vote: TypeVote = vote
        self.bulletins: list[dict[str, float]] = [self._lire_bulletin(i, b) for i, b in enumerate(bulletins, 1)]
        if not self.bulletins:
            raise ErreurDonnees("aucun bulletin de vote : impossible de calculer un résultat",
                                conseil="chargez les bulletins (une ligne par votant) avant de lancer le calcul")
        if all(not b for b in self.bulletins):
            raise ErreurDonnees(f"les {len(self.bulletins)} bulletins sont tous vides",
                                conseil="vérifiez la colonne des votes : chaque bulletin cite des projets")
        self.meta_votants = [dict(m) for m in (meta_votants or [{} for _ in self.bulletins])]
        if len(self.meta_votants) != len(self.bulletins):
            raise ErreurDonnees("il n'y a pas autant de descriptions de votants que de bulletins",
                                conseil="donnez une description (secteur, âge...) par bulletin, ou aucune")

    def _lire_bulletin(self, numero: int, bulletin: Any) -> dict[str, float]:
        if self.vote == "approbation":
            if isinstance(bulletin, str):
                idents = [x.strip() for x in bulletin.split(",") if x.strip()]
            elif isinstance(bulletin, Iterable) and not isinstance(bulletin, Mapping):
                idents = [str(x).strip() for x in bulletin]
            else:
                raise ErreurDonnees(f"le bulletin n° {numero} ({bulletin!r}) n'est pas une liste de projets",
                                    conseil="écrivez par exemple [\"P01\", \"P04\"] ou \"P01,P04\"")
            points = dict.fromkeys(idents, 1.0)
        else:
            if not isinstance(bulletin, Mapping):
                raise ErreurDonnees(f"le bulletin n° {numero} ({bulletin!r}) n'associe pas des points à des projets",
                                    conseil="écrivez par exemple {\"P01\": 3, \"P04\": 1}")
            points = {}
            for ident, pts in bulletin.items():
                if isinstance(pts, bool) or not isinstance(pts, Real) or pts < 0 or math.isnan(float(pts)):
                    raise ErreurDonnees(f"le bulletin n° {numero} donne {pts!r} point(s) au projet « {ident} »",
                                        conseil="les points sont des nombres positifs")
                if pts:
                    points[str(ident).strip()] = float(pts)
        for ident in points:
            if ident not in self.projets:
                import difflib

                proche = difflib.get_close_matches(ident, list(self.projets), n=1)
                raise ErreurDonnees(
                    f"le bulletin n° {numero} cite le projet « {ident} », qui n'est pas soumis au vote",
                    conseil=(f"vouliez-vous écrire « {proche[0]} » ? " if proche else "")
                    + "projets soumis au vote : " + ", ".join(self.projets))
        return points

    # -- constructeurs
    @classmethod
    def depuis_tableaux(cls, projets: pd.DataFrame, bulletins: pd.DataFrame, enveloppe: float,
                        vote: TypeVote = "approbation", nom: str = "Budget participatif") -> BudgetParticipatif:
        """Depuis deux tableaux : ``projets`` (projet, titre, cout, [secteur]) et ``bulletins``
        (votant, vote, [points], autres colonnes décrivant le votant)."""
        _verifier_colonnes(projets, ("projet", "titre", "cout"), "le tableau des projets",
                           "il faut les colonnes projet, titre, cout (et secteur si vous l'avez)")
        _verifier_colonnes(bulletins, ("vote",), "le tableau des bulletins",
                           "il faut une colonne vote (les projets choisis, séparés par des virgules)")
        liste_projets = [ProjetBP(str(r["projet"]), str(r["titre"]), float(r["cout"]),
                                  str(r.get("secteur", "")) if r.get("secteur") is not None else "")
                         for r in projets.to_dict("records")]
        lignes = bulletins.to_dict("records")
        if vote == "approbation":
            votes: list[Any] = ["" if _vide(r["vote"]) else str(r["vote"]) for r in lignes]
        else:
            _verifier_colonnes(bulletins, ("points",), "le tableau des bulletins",
                               "pour un vote par points, ajoutez une colonne points (ex. 3,1)")
            votes = []
            for i, r in enumerate(lignes, 1):
                idents = [] if _vide(r["vote"]) else str(r["vote"]).split(",")
                pts = [] if _vide(r["points"]) else str(r["points"]).split(",")
                if len(idents) != len(pts):
                    raise ErreurDonnees(f"le bulletin n° {i} cite {len(idents)} projet(s) mais {len(pts)} nombre(s) "
                                        "de points", conseil="donnez un nombre de points par projet cité")
                votes.append({k.strip(): float(v) for k, v in zip(idents, pts, strict=True)})
        meta = [{k: v for k, v in r.items() if k not in ("vote", "points")} for r in lignes]
        return cls(liste_projets, enveloppe, votes, vote=vote, nom=nom, meta_votants=meta)

    @classmethod
    def lire_pabulib(cls, chemin: str | Path) -> BudgetParticipatif:
        """Lit un fichier Pabulib (``.pb``) avec pabutools (vote par approbation ou cumulatif).

        Le secteur d'un projet est lu dans sa colonne ``district`` ; celui d'un votant aussi.
        """
        from pabutools.election import parse_pabulib

        chemin = Path(chemin)
        if not chemin.is_file():
            raise ErreurDonnees(f"le fichier Pabulib {chemin} est introuvable",
                                conseil="vérifiez le chemin, par exemple cas.dossier / \"budget-participatif.pb\"")
        try:
            instance, profil = parse_pabulib(str(chemin))
        except (KeyError, ValueError, IndexError, NotImplementedError) as exc:
            raise ErreurDonnees(f"le fichier {chemin.name} n'est pas un fichier Pabulib lisible ({exc})",
                                conseil="un fichier .pb a trois sections : META, PROJECTS et VOTES") from None
        type_vote = instance.meta.get("vote_type", "approval")
        if type_vote not in ("approval", "cumulative"):
            raise ErreurDonnees(f"le fichier {chemin.name} est un vote « {type_vote} »",
                                conseil="seuls les votes par approbation (approval) ou par points (cumulative) "
                                "sont pris en charge")
        projets = []
        for p in sorted(instance, key=lambda p: p.name):
            meta = instance.project_meta.get(p, {})
            projets.append(ProjetBP(p.name, meta.get("name", p.name), float(p.cost), meta.get("district", "")))
        bulletins: list[Any] = []
        metas = []
        for b in profil:
            if type_vote == "approval":
                bulletins.append([p.name for p in b])
            else:
                bulletins.append({p.name: float(b[p]) for p in b})
            meta = dict(b.meta)
            if "district" in meta:
                meta["secteur"] = meta.pop("district")
            metas.append(meta)
        return cls(projets, float(instance.budget_limit), bulletins,
                   vote="approbation" if type_vote == "approval" else "points",
                   nom=instance.meta.get("description", chemin.stem), meta_votants=metas)

    def texte_pabulib(self, pays: str = "France", unite: str = "", instance: str = "") -> str:
        """Le budget au format Pabulib (texte), lisible par pabutools et les outils de pabulib.org.

        pabutools 1.2.3 écrit mal les colonnes propres aux votants (elles partent dans l'en-tête des
        projets) : l'écriture est donc faite ici, et la lecture par pabutools le vérifie dans les tests.
        """
        def propre(v: Any) -> str:
            return str(v).replace(";", ",").replace("\n", " ")

        type_vote = "approval" if self.vote == "approbation" else "cumulative"
        meta = {"description": self.nom, "country": pays, "unit": unite or self.nom, "instance": instance or "1",
                "num_projects": len(self.projets), "num_votes": len(self.bulletins),
                "budget": _texte_nombre(self.enveloppe), "vote_type": type_vote, "rule": "greedy"}
        lignes = ["META", "key;value", *(f"{k};{propre(v)}" for k, v in meta.items()),
                  "PROJECTS", "project_id;cost;name;district"]
        lignes += [f"{p.ident};{_texte_nombre(p.cout)};{propre(p.titre)};{propre(p.secteur) or 'None'}"
                   for p in self.projets.values()]
        cles = [k for k in dict.fromkeys(k for m in self.meta_votants for k in m) if k not in ("votant", "secteur")]
        entete = ["voter_id", *cles, "district", "vote"] + (["points"] if self.vote == "points" else [])
        lignes += ["VOTES", ";".join(entete)]
        for i, (b, m) in enumerate(zip(self.bulletins, self.meta_votants, strict=True), 1):
            valeurs = [propre(m.get("votant", i)), *(propre(m.get(k, "None")) for k in cles),
                       propre(m.get("secteur", "None")), ",".join(b)]
            if self.vote == "points":
                valeurs.append(",".join(_texte_nombre(v) for v in b.values()))
            lignes.append(";".join(valeurs))
        return "\n".join(lignes) + "\n"

    def ecrire_pabulib(self, chemin: str | Path, **meta: str) -> Path:
        """Écrit le budget dans un fichier Pabulib (``.pb``, UTF-8 sans BOM) ; renvoie le chemin."""
        chemin = Path(chemin)
        chemin.write_text(self.texte_pabulib(**meta), encoding="utf-8")
        return chemin

    # -- pabutools
    def _election(self) -> tuple[Any, Any, dict[str, Any]]:
        from pabutools.election import (
            ApprovalBallot,
            ApprovalProfile,
            CumulativeBallot,
            CumulativeProfile,
            Instance,
            Project,
        )

        objets = {i: Project(i, _fraction(p.cout)) for i, p in self.projets.items()}
        instance = Instance(objets.values(), budget_limit=_fraction(self.enveloppe))
        if self.vote == "approbation":
            profil: Any = ApprovalProfile([ApprovalBallot([objets[i] for i in b]) for b in self.bulletins])
            profil = profil.as_multiprofile()
        else:
            profil = CumulativeProfile([CumulativeBallot({objets[i]: _fraction(v) for i, v in b.items()})
                                        for b in self.bulletins])
        return instance, profil, objets

    def _resultat(self, allocation: Iterable[Any], regle: str) -> ResultatBP:
        retenus = tuple(p.name for p in allocation)
        return ResultatBP(self, regle, retenus)

    def glouton(self) -> ResultatBP:
        """La règle gloutonne usuelle : projets classés par voix (ou points), financés dans l'ordre tant
        que l'enveloppe le permet ; un projet trop cher pour le reste est sauté (pabutools,
        ``greedy_utilitarian_welfare`` avec une satisfaction égale au coût)."""
        from pabutools.rules import greedy_utilitarian_welfare

        instance, profil, _ = self._election()
        allocation = greedy_utilitarian_welfare(instance, profil, sat_class=self._satisfaction("cout"))
        return self._resultat(allocation, "glouton (classement par " + ("voix)" if self.vote == "approbation"
                                                                          else "points)"))

    def _satisfaction(self, mesure: str) -> Any:
        from pabutools.election import Additive_Cardinal_Sat, AdditiveSatisfaction, Cardinality_Sat, Cost_Sat

        if self.vote == "approbation":
            return {"cout": Cost_Sat, "cardinalite": Cardinality_Sat}[mesure]
        if mesure == "cardinalite":
            return Additive_Cardinal_Sat

        class PointsFoisCout(AdditiveSatisfaction):
            """Satisfaction = points × coût : le glouton classe alors par total de points."""

            def __init__(self, instance: Any, profile: Any, ballot: Any) -> None:
                super().__init__(instance, profile, ballot,
                                 lambda _i, _p, b, projet, _pre: b.get(projet, 0) * projet.cost)

        return PointsFoisCout

    def parts_egales(self, completer: bool = True,
                     satisfaction: Literal["cout", "cardinalite"] = "cout") -> ResultatBP:
        """La méthode des parts égales (MES) : chaque votant reçoit une part égale de l'enveloppe et
        les projets sont payés par leurs partisans (pabutools, ``method_of_equal_shares``).

        La méthode laisse souvent de l'argent non dépensé ; ``completer=True`` le distribue ensuite
        par la règle gloutonne (``completion_by_rule_combination``). ``satisfaction`` : ``"cout"``
        (un projet satisfait à hauteur de son coût, l'usage pour les budgets participatifs) ou
        ``"cardinalite"`` (un projet = une unité ; avec des points, la satisfaction est le nombre de points).
        """
        from pabutools.rules import completion_by_rule_combination, greedy_utilitarian_welfare, method_of_equal_shares

        if satisfaction not in ("cout", "cardinalite"):
            raise ErreurSaisie(f"la satisfaction « {satisfaction} » n'est pas prévue",
                               conseil="choisissez « cout » ou « cardinalite »")
        instance, profil, _ = self._election()
        sat = self._satisfaction(satisfaction)
        if self.vote == "points" and satisfaction == "cout":
            from pabutools.election import Additive_Cardinal_Sat

            sat = Additive_Cardinal_Sat  # avec des points, MES compte les points (pabutools)
        if completer:
            allocation = completion_by_rule_combination(
                instance, profil, [method_of_equal_shares, greedy_utilitarian_welfare],
                [{"sat_class": sat}, {"sat_class": self._satisfaction("cout")}])
            regle = "parts égales, complétée par le glouton"
        else:
            allocation = method_of_equal_shares(instance, profil, sat_class=sat)
            regle = "parts égales"
        return self._resultat(allocation, regle)

    # -- tableaux
    def voix(self) -> pd.DataFrame:
        """Un tableau : projet, titre, secteur, coût et voix (ou points) reçus, du plus au moins soutenu."""
        import pandas as pd

        total = dict.fromkeys(self.projets, 0.0)
        for b in self.bulletins:
            for i, v in b.items():
                total[i] += v
        t = pd.DataFrame([{"projet": p.ident, "titre": p.titre, "secteur": p.secteur, "coût": p.cout,
                           ("voix" if self.vote == "approbation" else "points"): total[p.ident]}
                          for p in self.projets.values()])
        return t.sort_values(t.columns[-1], ascending=False, kind="stable").reset_index(drop=True)

    def comparer(self) -> pd.DataFrame:
        """Les projets retenus par les deux règles, côte à côte."""
        t = self.voix()
        g, m = set(self.glouton().retenus), set(self.parts_egales().retenus)
        t["glouton"] = t["projet"].isin(g)
        t["parts égales"] = t["projet"].isin(m)
        return t

    def __repr__(self) -> str:
        return (f"BudgetParticipatif({self.nom!r}, {len(self.projets)} projets, enveloppe {self.enveloppe:.0f} €, "
                f"{len(self.bulletins)} bulletins)")


def _vide(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def _texte_nombre(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


@dataclass(frozen=True)
class ResultatBP:
    """Les projets retenus par une règle, et qui reçoit quoi.

    >>> projets = [ProjetBP("A", "Abri", 40, "Nord"), ProjetBP("B", "Bancs", 30, "Sud")]
    >>> r = BudgetParticipatif(projets, 50, [["A"], ["A"], ["B"]]).glouton()
    >>> r.cout_total, r.reste
    (40.0, 10.0)
    """

    #: Le budget participatif calculé.
    budget: BudgetParticipatif
    #: Le nom de la règle.
    regle: str
    #: Les identifiants des projets retenus, dans l'ordre où la règle les a choisis.
    retenus: tuple[str, ...]

    @property
    def cout_total(self) -> float:
        """Le coût des projets retenus."""
        return float(sum(self.budget.projets[i].cout for i in self.retenus))

    @property
    def reste(self) -> float:
        """L'enveloppe non dépensée."""
        return self.budget.enveloppe - self.cout_total

    def satisfaction(self) -> list[float]:
        """Pour chaque votant, les euros des projets retenus qu'il a soutenus."""
        retenus = set(self.retenus)
        return [sum(self.budget.projets[i].cout for i in b if i in retenus) for b in self.budget.bulletins]

    @property
    def part_votants_satisfaits(self) -> float:
        """La part des votants dont au moins un projet soutenu est retenu."""
        s = self.satisfaction()
        return sum(1 for x in s if x > 0) / len(s)

    def tableau(self) -> pd.DataFrame:
        """Les projets avec leurs voix et une colonne ``retenu``."""
        t = self.budget.voix()
        t["retenu"] = t["projet"].isin(self.retenus)
        return t

    def repartition(self) -> pd.DataFrame:
        """Qui reçoit quoi, par secteur : part de l'argent dépensé dans le secteur, part des votants qui
        y habitent, et euros soutenus et retenus par votant."""
        import pandas as pd

        projets = self.budget.projets
        secteurs_projets = {projets[i].secteur for i in projets}
        secteurs_votants = {_secteur_votant(m) for m in self.budget.meta_votants}
        secteurs = sorted((secteurs_projets | secteurs_votants) - {""}) or [""]
        sat = self.satisfaction()
        lignes = []
        for s in secteurs:
            depense = sum(projets[i].cout for i in self.retenus if projets[i].secteur == s)
            votants = [x for x, m in zip(sat, self.budget.meta_votants, strict=True) if _secteur_votant(m) == s]
            lignes.append({"secteur": s, "dépense": depense,
                           "part de la dépense": depense / self.cout_total if self.cout_total else 0.0,
                           "votants": len(votants), "part des votants": len(votants) / len(sat),
                           "euros soutenus retenus par votant": (sum(votants) / len(votants)) if votants else 0.0})
        return pd.DataFrame(lignes)

    def __repr__(self) -> str:
        return f"ResultatBP({self.regle!r}, retenus={list(self.retenus)}, coût={self.cout_total:.0f} €)"

    def _repr_html_(self) -> str:
        from .formats import euros, pourcentage

        lignes = "".join(
            f"<tr><td>{escape(str(r[0]))}</td><td>{escape(str(r[1]))}</td><td>{escape(str(r[2]))}</td>"
            f"<td>{euros(r[3], 0)}</td><td>{r[4]:g}</td><td>{'oui' if r[5] else '—'}</td></tr>"
            for r in self.tableau().itertuples(index=False)
        )
        return (f"<table><caption>{escape(self.budget.nom)} — règle : {escape(self.regle)} ; dépensé "
                f"{euros(self.cout_total, 0)} sur {euros(self.budget.enveloppe, 0)} ; "
                f"{pourcentage(self.part_votants_satisfaits)} des votants ont au moins un projet retenu</caption>"
                "<thead><tr><th>Projet</th><th>Titre</th><th>Secteur</th><th>Coût</th><th>Soutiens</th>"
                f"<th>Retenu</th></tr></thead><tbody>{lignes}</tbody></table>")


def budget_participatif_du_cas(cas: Cas) -> BudgetParticipatif:
    """Le budget participatif d'un cas (section ``budget_participatif`` et ses tableaux).

    >>> from mba_territoires.cas import charger
    >>> bp = budget_participatif_du_cas(charger("reseau-cyclable"))
    >>> bp.enveloppe
    150000.0
    """
    s = cas.budget_participatif
    if s is None:
        raise ErreurRegle(f"le cas « {cas.slug} » n'a pas de budget participatif",
                          conseil="ajoutez la section « budget_participatif: » dans cas.yaml")
    return BudgetParticipatif.depuis_tableaux(cas.donnees(s.projets), cas.donnees(s.bulletins), s.enveloppe,
                                              vote=s.vote, nom=s.nom)


# ---------------------------------------------------------------------------
# Jugement majoritaire (Balinski et Laraki, 2007)
# ---------------------------------------------------------------------------

#: L'échelle de mentions de l'expérience d'Orsay (2007), de la moins bonne à la meilleure.
MENTIONS_JM: tuple[str, ...] = ("À rejeter", "Insuffisant", "Passable", "Assez bien", "Bien", "Très bien")


def _valeur_majoritaire(comptes: list[int]) -> tuple[int, ...]:
    """La suite des mentions majoritaires obtenue en retirant une à une la mention médiane
    (médiane inférieure quand le nombre de votes est pair)."""
    comptes = list(comptes)
    n = sum(comptes)
    suite = []
    while n:
        rang = (n - 1) // 2  # médiane inférieure, en partant de la moins bonne mention
        cumul = 0
        for k, c in enumerate(comptes):
            cumul += c
            if cumul > rang:
                suite.append(k)
                comptes[k] -= 1
                break
        n -= 1
    return tuple(suite)


@dataclass(frozen=True)
class ResultatJugementMajoritaire:
    """Le classement d'options par le jugement majoritaire."""

    #: L'échelle de mentions, de la moins bonne à la meilleure.
    mentions: tuple[str, ...]
    #: Le nombre de votes de chaque mention, par option.
    comptes: dict[str, tuple[int, ...]]

    def tableau(self) -> pd.DataFrame:
        """Une ligne par option, de la première à la dernière : mention majoritaire, part des
        partisans (mention strictement meilleure), part des opposants (strictement moins bonne),
        signe (« + » si les partisans l'emportent) et rang."""
        import pandas as pd

        lignes = []
        for option, c in self.comptes.items():
            n = sum(c)
            valeur = _valeur_majoritaire(list(c))
            m = valeur[0]
            p = sum(c[m + 1:]) / n
            q = sum(c[:m]) / n
            lignes.append({"option": option, "mention majoritaire": self.mentions[m], "partisans": p,
                           "opposants": q, "signe": "+" if p > q else "−", "_valeur": valeur})
        t = pd.DataFrame(lignes)
        ordre = sorted(range(len(t)), key=lambda i: t["_valeur"][i], reverse=True)
        t = t.iloc[ordre].reset_index(drop=True)
        rangs, precedent = [], None
        for i, v in enumerate(t["_valeur"]):
            rangs.append(rangs[-1] if v == precedent else i + 1)
            precedent = v
        t["rang"] = rangs
        return t.drop(columns="_valeur")

    def classement(self) -> list[str]:
        """Les options, de la mieux à la moins bien jugée."""
        return list(self.tableau()["option"])

    def parts(self) -> pd.DataFrame:
        """La part de chaque mention, par option (lignes : options dans l'ordre du classement)."""
        import pandas as pd

        ordre = self.classement()
        return pd.DataFrame({m: [self.comptes[o][k] / sum(self.comptes[o]) for o in ordre]
                             for k, m in enumerate(self.mentions)}, index=ordre)

    def __repr__(self) -> str:
        return f"ResultatJugementMajoritaire({' > '.join(self.classement())})"

    def _repr_html_(self) -> str:
        from .formats import pourcentage

        lignes = "".join(
            f"<tr><td>{r[5]}</td><td>{escape(str(r[0]))}</td><td>{escape(str(r[1]))} {r[4]}</td>"
            f"<td>{pourcentage(r[2])}</td><td>{pourcentage(r[3])}</td></tr>"
            for r in self.tableau().itertuples(index=False)
        )
        return ("<table><caption>Jugement majoritaire</caption><thead><tr><th>Rang</th><th>Option</th>"
                "<th>Mention majoritaire</th><th>Partisans</th><th>Opposants</th></tr></thead>"
                f"<tbody>{lignes}</tbody></table>")


def jugement_majoritaire(evaluations: Any, mentions: Sequence[str] = MENTIONS_JM) -> ResultatJugementMajoritaire:
    """Classe des options par le jugement majoritaire (Balinski et Laraki, *PNAS* 104(21), 2007).

    Chaque votant attribue une mention à chaque option ; la mention majoritaire d'une option est
    sa mention médiane (la médiane inférieure si le nombre de votes est pair). Les ex æquo sont
    départagés en retirant une à une les mentions médianes (la « valeur majoritaire »).

    ``evaluations`` : un tableau long (colonnes ``option`` et ``mention``), un tableau large (une
    colonne par option, une ligne par votant), un dictionnaire option → liste de mentions, ou
    option → {mention: nombre de votes}. ``mentions`` va de la moins bonne à la meilleure.

    >>> r = jugement_majoritaire({"Tracé des berges": ["Bien", "Assez bien", "Passable"],
    ...                           "Tracé du centre": ["Très bien", "Passable", "À rejeter"]})
    >>> r.classement()
    ['Tracé des berges', 'Tracé du centre']
    """
    import pandas as pd

    mentions = tuple(mentions)
    if len(set(mentions)) != len(mentions) or len(mentions) < 2:
        raise ErreurSaisie("l'échelle de mentions doit compter au moins deux mentions distinctes",
                           conseil="par exemple (\"À rejeter\", \"Passable\", \"Bien\")")
    index = {m: k for k, m in enumerate(mentions)}
    listes: dict[str, list[Any]] = {}
    if isinstance(evaluations, pd.DataFrame):
        if {"option", "mention"} <= set(evaluations.columns):
            for option, groupe in evaluations.groupby("option", sort=False):
                listes[str(option)] = list(groupe["mention"])
        else:
            for col in evaluations.columns:
                listes[str(col)] = [v for v in evaluations[col] if not _vide(v)]
    elif isinstance(evaluations, Mapping):
        for option, v in evaluations.items():
            if isinstance(v, Mapping):
                listes[str(option)] = [m for m, k in v.items() for _ in range(int(k))]
            else:
                listes[str(option)] = list(v)
    else:
        raise ErreurSaisie(f"les évaluations ({type(evaluations).__name__}) ne sont pas lisibles",
                           conseil="donnez un tableau (colonnes option et mention) ou un dictionnaire")
    if not listes:
        raise ErreurDonnees("aucune option à classer", conseil="donnez au moins une option et ses mentions")
    comptes: dict[str, tuple[int, ...]] = {}
    for option, valeurs in listes.items():
        c = [0] * len(mentions)
        for v in valeurs:
            if v not in index:
                raise ErreurDonnees(f"la mention « {v} » (option « {option} ») ne fait pas partie de l'échelle",
                                    conseil="mentions possibles : " + ", ".join(mentions))
            c[index[v]] += 1
        if not sum(c):
            raise ErreurDonnees(f"l'option « {option} » n'a reçu aucune mention",
                                conseil="retirez-la ou ajoutez ses évaluations")
        comptes[option] = tuple(c)
    return ResultatJugementMajoritaire(mentions, comptes)
