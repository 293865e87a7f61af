"""Les budgets participatifs : projets, enveloppe, bulletins, et les projets retenus.

:class:`BudgetParticipatif` réunit projets, enveloppe et bulletins (approbation ou points), et calcule
les projets retenus par la règle gloutonne usuelle et par la méthode des parts égales
(:mod:`.regles_bp`, vérifiées contre **pabutools**, la référence du domaine) ; il lit et écrit le
format Pabulib (``.pb``).

>>> bp = BudgetParticipatif.depuis_cas("reseau-cyclable")
>>> r = bp.glouton()
>>> r.cout_total <= bp.enveloppe
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from numbers import Real
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import saisie
from ..erreurs import ErreurDonnees, ErreurMontant, ErreurSaisie
from .representativite import verifier_colonnes

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from ..cas import Cas

__all__ = ["BudgetParticipatif", "ProjetBP", "ResultatBP", "budget_participatif_du_cas"]

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
            from ..formats import euros, texte_brut

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
    def depuis_tableaux(cls, projets: pd.DataFrame | list[dict[str, Any]],
                        bulletins: pd.DataFrame | list[dict[str, Any]], enveloppe: float,
                        vote: TypeVote = "approbation", nom: str = "Budget participatif") -> BudgetParticipatif:
        """Depuis deux tableaux : ``projets`` (projet, titre, cout, [secteur]) et ``bulletins``
        (votant, vote, [points], autres colonnes décrivant le votant). Une liste de dictionnaires vaut un
        tableau ; une colonne ``votants`` dit combien de votants ont rendu le même bulletin.

        >>> bp = BudgetParticipatif.depuis_tableaux(
        ...     [{"projet": "A", "titre": "Abri", "cout": 40}, {"projet": "B", "titre": "Bancs", "cout": 30}],
        ...     [{"vote": "A", "votants": 3}, {"vote": "B", "votants": 1}], 50)
        >>> len(bp.bulletins), bp.glouton().retenus
        (4, ('A',))
        """
        import pandas as pd

        if isinstance(projets, list):
            projets = pd.DataFrame(projets)
        if isinstance(bulletins, list):
            bulletins = pd.DataFrame(bulletins)
        if isinstance(bulletins, pd.DataFrame) and "votants" in bulletins.columns:
            nombres = [saisie.entier(n, "le nombre de votants d'un bulletin", minimum=0) for n in bulletins["votants"]]
            bulletins = bulletins.loc[bulletins.index.repeat(nombres)].drop(columns="votants").reset_index(drop=True)
        verifier_colonnes(projets, ("projet", "titre", "cout"), "le tableau des projets",
                           "il faut les colonnes projet, titre, cout (et secteur si vous l'avez)")
        verifier_colonnes(bulletins, ("vote",), "le tableau des bulletins",
                           "il faut une colonne vote (les projets choisis, séparés par des virgules)")
        liste_projets = [ProjetBP(str(r["projet"]), str(r["titre"]), float(r["cout"]),
                                  str(r.get("secteur", "")) if r.get("secteur") is not None else "")
                         for r in projets.to_dict("records")]
        lignes = bulletins.to_dict("records")
        if vote == "approbation":
            votes: list[Any] = ["" if _vide(r["vote"]) else str(r["vote"]) for r in lignes]
        else:
            verifier_colonnes(bulletins, ("points",), "le tableau des bulletins",
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
        """Lit un fichier Pabulib (``.pb``, vote par approbation ou cumulatif) ; lecture faite ici, vérifiée
        contre celle de pabutools dans les tests de développement.

        Le secteur d'un projet est lu dans sa colonne ``district`` ; celui d'un votant aussi.
        """
        chemin = Path(chemin)
        if not chemin.is_file():
            raise ErreurDonnees(f"le fichier Pabulib {chemin} est introuvable",
                                conseil="vérifiez le chemin, par exemple cas.dossier / \"budget-participatif.pb\"")
        try:
            texte = chemin.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ErreurDonnees(f"le fichier {chemin.name} n'est pas encodé en UTF-8",
                                conseil="réenregistrez-le en UTF-8 (LibreOffice : « Enregistrer sous », jeu de "
                                "caractères Unicode UTF-8)") from None
        try:
            meta, projets_brut, votes = _lire_sections_pabulib(texte)
            type_vote = meta.get("vote_type", "approval")
            if type_vote not in ("approval", "cumulative"):
                raise ErreurDonnees(f"le fichier {chemin.name} est un vote « {type_vote} »",
                                    conseil="seuls les votes par approbation (approval) ou par points (cumulative) "
                                    "sont pris en charge")
            projets = [ProjetBP(p["project_id"], p.get("name", p["project_id"]),
                                _nombre_pabulib(p["cost"]), p.get("district", ""))
                       for p in sorted(projets_brut, key=lambda p: p["project_id"])]
            enveloppe = _nombre_pabulib(meta["budget"])
        except (KeyError, ValueError, IndexError) as exc:
            if isinstance(exc, ErreurDonnees):
                raise
            raise ErreurDonnees(f"le fichier {chemin.name} n'est pas un fichier Pabulib lisible ({exc})",
                                conseil="un fichier .pb a trois sections : META, PROJECTS et VOTES") from None
        bulletins: list[Any] = []
        metas = []
        for v in votes:
            idents = [x.strip() for x in v.pop("vote", "").split(",") if x.strip()]
            if type_vote == "approval":
                bulletins.append(idents)
            else:
                points = [x.strip() for x in v.pop("points", "").split(",") if x.strip()]
                bulletins.append({i: _nombre_pabulib(x) for i, x in zip(idents, points, strict=False)})
            if "district" in v:
                v["secteur"] = v.pop("district")
            metas.append(v)
        return cls(projets, enveloppe, bulletins, vote="approbation" if type_vote == "approval" else "points",
                   nom=meta.get("description", chemin.stem), meta_votants=metas)

    @classmethod
    def depuis_cas(cls, cas: Cas | str) -> BudgetParticipatif:
        """Le budget participatif d'un cas (section ``budget_participatif`` et ses tableaux) ; un slug suffit.

        >>> BudgetParticipatif.depuis_cas("reseau-cyclable").enveloppe
        150000.0
        """
        from ..depuis_cas import cas_depuis, section_du_cas

        cas = cas_depuis(cas, "le budget participatif")
        s = section_du_cas(cas, "budget_participatif", "le budget participatif (BudgetParticipatif.depuis_cas)")
        return cls.depuis_tableaux(cas.donnees(s.projets), cas.donnees(s.bulletins), s.enveloppe,
                                   vote=s.vote, nom=s.nom)

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

    # -- règles (regles_bp : arithmétique exacte, vérifiée contre pabutools)
    def _couts(self) -> dict[str, Fraction]:
        return {i: Fraction(str(p.cout)) for i, p in self.projets.items()}

    def _scores(self) -> dict[str, Fraction]:
        total = dict.fromkeys(self.projets, Fraction(0))
        for b in self.bulletins:
            for i, v in b.items():
                total[i] += Fraction(str(v))
        return total

    def _satisfactions(self, mesure: str) -> list[dict[str, Fraction]]:
        if self.vote == "points":  # avec des points, la satisfaction est le nombre de points (comme pabutools)
            return [{i: Fraction(str(v)) for i, v in b.items()} for b in self.bulletins]
        couts = self._couts()
        return [{i: (couts[i] if mesure == "cout" else Fraction(1)) for i in b} for b in self.bulletins]

    def _resultat(self, retenus: Iterable[str], regle: str) -> ResultatBP:
        return ResultatBP(self, regle, tuple(retenus))

    def glouton(self) -> ResultatBP:
        """La règle gloutonne usuelle : projets classés par voix (ou points), financés dans l'ordre tant
        que l'enveloppe le permet ; un projet trop cher pour le reste est sauté (ex æquo : identifiant
        croissant ; mêmes résultats que ``greedy_utilitarian_welfare`` de pabutools)."""
        from .regles_bp import glouton

        retenus = glouton(self._couts(), self._scores(), Fraction(str(self.enveloppe)))
        return self._resultat(retenus, "glouton (classement par " + ("voix)" if self.vote == "approbation"
                                                                      else "points)"))

    def parts_egales(self, completer: bool = True, satisfaction: str = "cout") -> ResultatBP:
        """La méthode des parts égales (MES) : chaque votant reçoit une part égale de l'enveloppe et
        les projets sont payés par leurs partisans (mêmes résultats que ``method_of_equal_shares`` de pabutools).

        La méthode laisse souvent de l'argent non dépensé ; ``completer=True`` le distribue ensuite
        par la règle gloutonne. ``satisfaction`` : ``"cout"`` (un projet satisfait à hauteur de son coût,
        l'usage pour les budgets participatifs) ou ``"cardinalite"`` (un projet = une unité) ; avec des
        points, la satisfaction est le nombre de points.
        """
        from .regles_bp import glouton, parts_egales

        satisfaction = saisie.choix(satisfaction, ("cout", "cardinalite"), "la satisfaction",
                                    synonymes={"cout": ("coût",), "cardinalite": ("cardinalité", "nombre")})
        enveloppe = Fraction(str(self.enveloppe))
        retenus = parts_egales(self._couts(), self._satisfactions(satisfaction), enveloppe)
        if completer:
            retenus = glouton(self._couts(), self._scores(), enveloppe, deja=retenus)
            return self._resultat(retenus, "parts égales, complétée par le glouton")
        return self._resultat(retenus, "parts égales")

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

    def graphique(self) -> Figure:
        """Les projets retenus par les deux règles, côte à côte (matplotlib)."""
        from ..affichage.graphiques_concertation import graphique_budget_participatif

        return graphique_budget_participatif([self.glouton(), self.parts_egales()])

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

    def graphique(self) -> Figure:
        """Les projets et leurs soutiens, les retenus mis en avant (matplotlib)."""
        from ..affichage.graphiques_concertation import graphique_budget_participatif

        return graphique_budget_participatif([self])

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html
        from ..formats import euros, nombre, pourcentage

        lignes = [[r[0], r[1], r[2] or "–", euros(r[3], 0), nombre(r[4]), "oui" if r[5] else "non"]
                  for r in self.tableau().itertuples(index=False)]
        legende = (f"{self.budget.nom} — règle : {self.regle} ; dépensé {euros(self.cout_total, 0)} sur "
                   f"{euros(self.budget.enveloppe, 0)} ; {pourcentage(self.part_votants_satisfaits)} des votants "
                   "ont au moins un projet retenu")
        return tableau_html(lignes, ["Projet", "Titre", "Secteur", "Coût", "Soutiens", "Retenu"], legende=legende)


def budget_participatif_du_cas(cas: Cas | str) -> BudgetParticipatif:
    """Alias de :meth:`BudgetParticipatif.depuis_cas` (ancien nom, gardé pour les carnets existants).

    >>> budget_participatif_du_cas("reseau-cyclable").enveloppe
    150000.0
    """
    return BudgetParticipatif.depuis_cas(cas)


def _lire_sections_pabulib(texte: str) -> tuple[dict[str, str], list[dict[str, str]], list[dict[str, str]]]:
    """Les sections META, PROJECTS et VOTES d'un texte Pabulib (les cases « None » sont omises)."""
    import csv

    meta: dict[str, str] = {}
    projets: list[dict[str, str]] = []
    votes: list[dict[str, str]] = []
    section, entete = "", []
    lignes = csv.reader(texte.splitlines(), delimiter=";")
    for ligne in lignes:
        if not ligne or (len(ligne) == 1 and not ligne[0].strip()):
            continue
        if ligne[0].strip().lower() in ("meta", "projects", "votes"):
            section = ligne[0].strip().lower()
            entete = [c.strip() for c in next(lignes)]
            continue
        if section == "meta":
            meta[ligne[0].strip()] = ligne[1].strip()
            continue
        valeurs = {entete[i]: v.strip() for i, v in enumerate(ligne)
                   if i < len(entete) and v.strip().lower() != "none"}
        (projets if section == "projects" else votes).append(valeurs)
    if not projets:
        raise ValueError("aucune section PROJECTS")
    return meta, projets, votes


def _nombre_pabulib(texte: str) -> float:
    return float(texte.replace(",", "."))


