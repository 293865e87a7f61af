"""Le diagnostic de territoire : population, ménages, déplacements domicile-travail, équipements,
comparés à un territoire de référence.

Les tableaux viennent du cas (``population``, ``menages``, ``navettes``, ``equipements``, ``reference``
dans ``donnees.yaml``) ; chaque méthode renvoie un DataFrame aux nombres bruts (parts en décimales,
écarts en points de pourcentage écrits en décimales), prêt pour un graphique de
:mod:`mba_territoires.affichage.graphiques_projet`.

>>> from mba_territoires.cas import charger
>>> diag = Diagnostic.du_cas(charger("cour-oasis"))
>>> t = diag.structure("age")
>>> round(float(t.loc[t.groupe == "0-14 ans", "part"].iloc[0]), 3)
0.2
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..erreurs import ErreurDonnees

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..cas import Cas

__all__ = ["Diagnostic"]

#: Par quel nombre d'habitants on rapporte les équipements (convention de la base permanente des équipements).
HABITANTS_REFERENCE_EQUIPEMENTS = 10_000

_COLONNES = {
    "population": ("dimension", "groupe", "effectif"),
    "menages": ("type_menage", "menages", "personnes"),
    "navettes": ("lieu_travail", "mode", "actifs"),
    "equipements": ("domaine", "equipement", "nombre"),
    "reference": ("territoire", "dimension", "groupe", "valeur"),
}


def _verifier(nom: str, tableau: pd.DataFrame | None) -> pd.DataFrame:
    if tableau is None:
        raise ErreurDonnees(f"le diagnostic n'a pas de tableau « {nom} »",
                            conseil=f"ajoutez {nom}.csv au cas (et à donnees.yaml), ou passez-le à Diagnostic(...)")
    manquantes = [c for c in _COLONNES[nom] if c not in tableau.columns]
    if manquantes:
        raise ErreurDonnees(f"le tableau « {nom} » n'a pas les colonnes : {', '.join(manquantes)}",
                            conseil="colonnes attendues : " + ", ".join(_COLONNES[nom]))
    numeriques = [c for c in _COLONNES[nom] if c in ("effectif", "menages", "personnes", "actifs", "nombre", "valeur")]
    for c in numeriques:
        if tableau[c].isna().any():
            ligne = int(tableau[c].isna().to_numpy().nonzero()[0][0]) + 2
            raise ErreurDonnees(f"le tableau « {nom} » a une valeur vide dans la colonne « {c} » (ligne {ligne})",
                                conseil="complétez la cellule ou retirez la ligne")
        if (tableau[c] < 0).any():
            raise ErreurDonnees(f"le tableau « {nom} » a une valeur négative dans la colonne « {c} »",
                                conseil="un effectif ou un nombre est positif ou nul")
    return tableau


@dataclass(frozen=True)
class Diagnostic:
    """Les données d'un territoire et de son territoire de référence."""

    #: Le nom du territoire étudié.
    nom: str
    #: Population : dimension (age, sexe, csp), groupe, effectif.
    population: Any
    #: Ménages : type_menage, menages, personnes (``None`` si absent).
    menages: Any = None
    #: Navettes domicile-travail : lieu_travail, mode, actifs (``None`` si absent).
    navettes: Any = None
    #: Équipements : domaine, equipement, nombre (``None`` si absent).
    equipements: Any = None
    #: Référence : territoire, dimension, groupe, valeur (part, ou nombre pour 10 000 habitants pour
    #: la dimension ``equipement``).
    reference: Any = None

    def __post_init__(self) -> None:
        _verifier("population", self.population)

    @classmethod
    def du_cas(cls, cas: Cas) -> Diagnostic:
        """Le diagnostic d'un cas, à partir des tableaux de son manifeste."""
        noms = set(cas.fichiers_donnees())
        tableaux = {n: (cas.donnees(n) if n in noms else None) for n in _COLONNES}
        return cls(cas.territoire.nom, tableaux["population"], tableaux["menages"], tableaux["navettes"],
                   tableaux["equipements"], tableaux["reference"])

    # --- utilitaires ---------------------------------------------------------------------------

    @property
    def nom_reference(self) -> str:
        """Le nom du territoire de référence."""
        ref = _verifier("reference", self.reference)
        return str(ref["territoire"].iloc[0])

    @property
    def habitants(self) -> int:
        """La population totale (somme des tranches d'âge)."""
        pop = self.population
        return int(pop.loc[pop["dimension"] == "age", "effectif"].sum())

    def _parts_reference(self, dimension: str) -> pd.Series:
        ref = _verifier("reference", self.reference)
        lignes = ref[ref["dimension"] == dimension]
        return lignes.set_index("groupe")["valeur"]

    def _comparer(self, groupes: pd.Series, dimension: str, valeur: str) -> pd.DataFrame:
        import pandas as pd

        total = groupes.sum()
        if total <= 0:
            raise ErreurDonnees(f"les effectifs de « {dimension} » sont tous nuls",
                                conseil="vérifiez le fichier de données")
        t = pd.DataFrame({"groupe": groupes.index, valeur: groupes.to_numpy(), "part": groupes.to_numpy() / total})
        if self.reference is not None:
            ref = self._parts_reference(dimension)
            absents = [g for g in t["groupe"] if g not in ref.index]
            if absents:
                raise ErreurDonnees(f"le territoire de référence n'a pas le groupe « {absents[0]} » ({dimension})",
                                    conseil="alignez les libellés des groupes entre les deux fichiers")
            t["part référence"] = t["groupe"].map(ref).astype(float)
            t["écart (points)"] = t["part"] - t["part référence"]
            t["indice"] = t["part"] / t["part référence"]
        return t

    # --- tableaux ------------------------------------------------------------------------------

    def dimensions(self) -> list[str]:
        """Les dimensions du tableau de population (age, sexe, csp)."""
        return list(dict.fromkeys(self.population["dimension"]))

    def structure(self, dimension: str = "age") -> pd.DataFrame:
        """La population par groupe d'une dimension, sa part, la part du territoire de référence, l'écart
        (en points, écrit en décimales) et l'indice (part / part de référence ; au-dessus de 1 :
        groupe sur-représenté).

        >>> from mba_territoires.cas import charger
        >>> Diagnostic.du_cas(charger("cour-oasis")).structure("agee")
        Traceback (most recent call last):
        ...
        mba_territoires.erreurs.ErreurDonnees: la dimension « agee » n'existe pas dans le tableau de population.
        Conseil : dimensions disponibles : age, sexe, csp.
        """
        if dimension not in self.dimensions():
            raise ErreurDonnees(f"la dimension « {dimension} » n'existe pas dans le tableau de population",
                                conseil="dimensions disponibles : " + ", ".join(self.dimensions()))
        lignes = self.population[self.population["dimension"] == dimension]
        return self._comparer(lignes.groupby("groupe", sort=False)["effectif"].sum(), dimension, "effectif")

    def menages_par_type(self) -> pd.DataFrame:
        """Les ménages par type, leur part et celle du territoire de référence."""
        m = _verifier("menages", self.menages)
        t = self._comparer(m.groupby("type_menage", sort=False)["menages"].sum(), "menage", "ménages")
        t.insert(2, "personnes", m.groupby("type_menage", sort=False)["personnes"].sum().to_numpy())
        return t

    def taille_moyenne_menages(self) -> float:
        """Le nombre moyen de personnes par ménage.

        >>> from mba_territoires.cas import charger
        >>> round(Diagnostic.du_cas(charger("cour-oasis")).taille_moyenne_menages(), 2)
        2.32
        """
        m = _verifier("menages", self.menages)
        return float(m["personnes"].sum() / m["menages"].sum())

    def navettes_par(self, axe: str = "mode") -> pd.DataFrame:
        """Les actifs occupés par mode de transport (``axe="mode"``) ou par lieu de travail
        (``axe="lieu_travail"``), comparés au territoire de référence."""
        n = _verifier("navettes", self.navettes)
        if axe not in ("mode", "lieu_travail"):
            raise ErreurDonnees(f"l'axe {axe!r} n'existe pas", conseil="choisissez « mode » ou « lieu_travail »")
        return self._comparer(n.groupby(axe, sort=False)["actifs"].sum(), axe, "actifs")

    def equipements_pour_10000(self) -> pd.DataFrame:
        """Les équipements et leur densité pour 10 000 habitants, comparée à la référence."""
        e = _verifier("equipements", self.equipements)
        t = e[["domaine", "equipement", "nombre"]].copy().reset_index(drop=True)
        t["pour 10 000 hab."] = t["nombre"] / self.habitants * HABITANTS_REFERENCE_EQUIPEMENTS
        if self.reference is not None:
            ref = self._parts_reference("equipement")
            t["référence pour 10 000 hab."] = t["equipement"].map(ref).astype(float)
            t["écart"] = t["pour 10 000 hab."] - t["référence pour 10 000 hab."]
        return t

    def chiffres_cles(self) -> pd.DataFrame:
        """Quelques chiffres clés, côte à côte avec le territoire de référence.

        >>> from mba_territoires.cas import charger
        >>> Diagnostic.du_cas(charger("cour-oasis")).chiffres_cles()["indicateur"].tolist()[:2]
        ['Part des moins de 15 ans', 'Part des 60 ans ou plus']
        """
        import pandas as pd

        age = self.structure("age").set_index("groupe")
        lignes: list[dict[str, Any]] = []

        def ajouter(nom: str, valeur: float, reference: float | None) -> None:
            lignes.append({"indicateur": nom, "territoire": valeur, "référence": reference})

        ref_age = "part référence" in age.columns
        ajouter("Part des moins de 15 ans", float(age.loc["0-14 ans", "part"]),
                float(age.loc["0-14 ans", "part référence"]) if ref_age else None)
        seniors = [g for g in age.index if g.startswith(("60", "75"))]
        ajouter("Part des 60 ans ou plus", float(age.loc[seniors, "part"].sum()),
                float(age.loc[seniors, "part référence"].sum()) if ref_age else None)
        if self.menages is not None:
            m = self.menages_par_type().set_index("groupe")
            familles = [g for g in m.index if "avec enfant" in g.lower() or "monoparent" in g.lower()]
            ajouter("Part des ménages avec enfants", float(m.loc[familles, "part"].sum()),
                    float(m.loc[familles, "part référence"].sum()) if "part référence" in m.columns else None)
        if self.navettes is not None:
            lieux = self.navettes_par("lieu_travail").set_index("groupe")
            hors = [g for g in lieux.index if g != "dans la commune"]
            ajouter("Part des actifs travaillant hors de la commune", float(lieux.loc[hors, "part"].sum()),
                    float(lieux.loc[hors, "part référence"].sum()) if "part référence" in lieux.columns else None)
            modes = self.navettes_par("mode").set_index("groupe")
            voiture = [g for g in modes.index if g.lower().startswith("voiture")]
            ajouter("Part des actifs allant travailler en voiture", float(modes.loc[voiture, "part"].sum()),
                    float(modes.loc[voiture, "part référence"].sum()) if "part référence" in modes.columns else None)
        return pd.DataFrame(lignes)

    def __repr__(self) -> str:
        return f"Diagnostic({self.nom!r}, {self.habitants} habitants)"

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html
        from ..formats import pourcentage

        t = self.chiffres_cles()
        ref = self.nom_reference if self.reference is not None else "référence"
        lignes = [[r["indicateur"], pourcentage(r["territoire"]),
                   pourcentage(r["référence"]) if r["référence"] is not None else "—"] for r in t.to_dict("records")]
        return tableau_html(lignes, ["Indicateur", self.nom, ref], legende=f"Chiffres clés : {self.nom}")
