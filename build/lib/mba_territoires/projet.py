"""Concevoir le projet : arbre à problèmes, arbre à objectifs, cadre logique, gouvernance.

- :class:`ArbreProblemes` : un problème central, ses causes (en dessous) et ses effets (au-dessus) ;
  :meth:`ArbreProblemes.vers_objectifs` le retourne en arbre à objectifs (moyens → objectif → fins),
  à partir des reformulations positives de chaque nœud ;
- :class:`CadreLogique` : objectif global, objectif spécifique, résultats et activités, chacun avec ses
  indicateurs (:class:`~mba_territoires.evaluation.Indicateur`), sources de vérification et hypothèses ;
  (:meth:`CadreLogique.anomalies`) dit en français ce qui manque, :meth:`CadreLogique.vers_excel` l'exporte ;
- :class:`Gouvernance` : les instances (comité de pilotage, comité technique...) et un tableau RACI
  (qui Réalise, qui Approuve, qui est Consulté, qui est Informé), construit depuis les acteurs du cas.

>>> arbre = ArbreProblemes("La cour de l'école est trop chaude en été",
...     causes=[("Sol entièrement bitumé", "Sol désimperméabilisé et végétalisé"), "Aucun arbre"],
...     effets=[("Les enfants évitent la cour", "Les enfants profitent de la cour")],
...     objectif="La cour reste fraîche en été")
>>> objectifs = arbre.vers_objectifs()
>>> objectifs.moyens[0].texte
'Sol désimperméabilisé et végétalisé'
>>> objectifs.a_reformuler()
['Aucun arbre']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .erreurs import ErreurCas, ErreurDonnees, ErreurRegle, ErreurSaisie
from .evaluation import Indicateur

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from .cas import Cas
    from .verdicts import Verdict

__all__ = [
    "DECISIONS",
    "DECISIONS_DU_CONSEIL",
    "Anomalie",
    "ArbreObjectifs",
    "ArbreProblemes",
    "CadreLogique",
    "Comite",
    "Deliberation",
    "Gouvernance",
    "NiveauCadre",
    "Noeud",
    "arbre_du_cas",
    "cadre_logique_du_cas",
    "gouvernance_du_cas",
]


def _section_projet(cas_ou_slug: Cas | str, nom: str, quoi: str) -> tuple[Cas, Any]:
    """Le cas et sa sous-section ``projet.<nom>`` ; :class:`ErreurCas` (fichier, section, correction) si absente."""
    from .depuis_cas import cas_depuis

    cas = cas_depuis(cas_ou_slug, quoi)
    valeur = getattr(cas.projet, nom, None)
    if valeur is None:
        fichier = f"casestudies/{cas.slug}/cas.yaml"
        raise ErreurCas(f"le cas « {cas.slug} » n'a pas de section « projet.{nom} » ({fichier}) : impossible de "
                        f"construire {quoi}",
                        conseil=f"ajoutez « {nom}: » sous « projet: » dans {fichier}, sur le modèle d'un cas qui l'a, "
                        f"ou construisez l'objet à la main", fichier=fichier, champ=f"projet.{nom}")
    return cas, valeur


# ---------------------------------------------------------------------------
# Arbres
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Noeud:
    """Une cause ou un effet, avec sa reformulation positive et ses sous-causes (ou sous-effets).

    >>> Noeud.depuis(("Sol bitumé", ["Cour refaite en 1985"])).enfants[0].texte
    'Cour refaite en 1985'
    """

    #: L'énoncé du problème (« Sol entièrement bitumé »).
    texte: str
    #: La même idée en positif (« Sol désimperméabilisé ») ; ``None`` si elle reste à écrire.
    objectif: str | None = None
    #: Les nœuds rattachés : sous-causes d'une cause, ou conséquences d'un effet.
    enfants: tuple[Noeud, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.texte, str) or not self.texte.strip():
            raise ErreurSaisie("un nœud de l'arbre n'a pas de texte",
                               conseil="écrivez la cause ou l'effet en une phrase")
        object.__setattr__(self, "texte", self.texte.strip())
        object.__setattr__(self, "enfants", tuple(Noeud.depuis(e) for e in self.enfants))

    @classmethod
    def depuis(cls, valeur: Any) -> Noeud:
        """Un nœud depuis un texte, un couple ``(texte, objectif)``, un couple ``(texte, [enfants])``,
        un triplet ``(texte, objectif, [enfants])`` ou un dictionnaire ``{texte, objectif, enfants}``."""
        if isinstance(valeur, Noeud):
            return valeur
        if hasattr(valeur, "model_dump"):
            valeur = valeur.model_dump()
        if isinstance(valeur, str):
            return cls(valeur)
        if isinstance(valeur, Mapping):
            inconnues = set(valeur) - {"texte", "objectif", "enfants"}
            if inconnues or "texte" not in valeur:
                raise ErreurSaisie(f"le nœud {dict(valeur)!r} est mal formé",
                                   conseil="clés possibles : texte (obligatoire), objectif, enfants")
            return cls(valeur["texte"], valeur.get("objectif"), tuple(valeur.get("enfants") or ()))
        if isinstance(valeur, tuple | list):
            if len(valeur) == 2 and isinstance(valeur[1], list | tuple):
                return cls(valeur[0], None, tuple(valeur[1]))
            if len(valeur) == 2:
                return cls(valeur[0], valeur[1])
            if len(valeur) == 3:
                return cls(valeur[0], valeur[1], tuple(valeur[2] or ()))
        raise ErreurSaisie(f"{valeur!r} ne décrit pas un nœud de l'arbre",
                           conseil="écrivez un texte, ou (texte, objectif), ou (texte, [sous-causes])")

    def parcourir(self, profondeur: int = 1) -> Iterable[tuple[int, Noeud]]:
        """Le nœud et tous ses descendants, avec leur profondeur."""
        yield profondeur, self
        for e in self.enfants:
            yield from e.parcourir(profondeur + 1)


@dataclass(frozen=True)
class ArbreObjectifs:
    """L'arbre à objectifs : les moyens (sous l'objectif), l'objectif central et les fins (au-dessus)."""

    #: L'objectif central (le problème central reformulé).
    objectif: str
    #: Les moyens, issus des causes (même arborescence).
    moyens: tuple[Noeud, ...]
    #: Les fins, issues des effets.
    fins: tuple[Noeud, ...]
    #: Les énoncés restés sans reformulation positive.
    _a_reformuler: tuple[str, ...] = field(default=(), repr=False)

    def a_reformuler(self) -> list[str]:
        """Les énoncés de l'arbre à problèmes qui n'ont pas encore de reformulation positive."""
        return list(self._a_reformuler)

    def graphique(self, titre: str | None = None) -> Figure:
        """L'arbre dessiné : les moyens dessous, l'objectif au centre, les fins dessus."""
        from .affichage.graphiques_projet import figure_arbre

        return figure_arbre(self, titre)


@dataclass(frozen=True)
class ArbreProblemes:
    """L'arbre à problèmes : un problème central, ses causes et ses effets."""

    #: Le problème central, en une phrase.
    probleme: str
    #: Les causes directes (chacune peut avoir ses propres causes).
    causes: tuple[Noeud, ...] = ()
    #: Les effets directs.
    effets: tuple[Noeud, ...] = ()
    #: Le problème central reformulé en objectif.
    objectif: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.probleme, str) or not self.probleme.strip():
            raise ErreurSaisie("l'arbre n'a pas de problème central",
                               conseil="écrivez le problème central en une phrase, au présent")
        object.__setattr__(self, "causes", tuple(Noeud.depuis(c) for c in self.causes))
        object.__setattr__(self, "effets", tuple(Noeud.depuis(e) for e in self.effets))

    def manques(self) -> list[str]:
        """Ce qui manque pour un arbre exploitable (en français).

        >>> ArbreProblemes("Cour trop chaude").manques()[0]
        "l'arbre n'a aucune cause : demandez-vous « pourquoi ? » sous le problème central"
        """
        constats = []
        if not self.causes:
            constats.append("l'arbre n'a aucune cause : demandez-vous « pourquoi ? » sous le problème central")
        if not self.effets:
            constats.append("l'arbre n'a aucun effet : demandez-vous « et alors ? » au-dessus du problème central")
        if not self.objectif:
            constats.append("le problème central n'a pas de reformulation en objectif : ajoutez objectif=...")
        for texte in self.vers_objectifs().a_reformuler():
            constats.append(f"« {texte} » n'a pas de reformulation positive : ajoutez son objectif")
        return constats

    def vers_objectifs(self) -> ArbreObjectifs:
        """L'arbre à objectifs : chaque nœud prend sa reformulation positive ; un nœud sans reformulation
        garde son texte précédé de « À reformuler : »."""
        manquants: list[str] = []

        def retourner(n: Noeud) -> Noeud:
            if n.objectif:
                texte = n.objectif
            else:
                manquants.append(n.texte)
                texte = f"À reformuler : {n.texte}"
            return Noeud(texte, None, tuple(retourner(e) for e in n.enfants))

        moyens = tuple(retourner(c) for c in self.causes)
        fins = tuple(retourner(e) for e in self.effets)
        objectif = self.objectif or f"À reformuler : {self.probleme}"
        return ArbreObjectifs(objectif, moyens, fins, tuple(manquants))

    def tableau(self) -> pd.DataFrame:
        """Les nœuds de l'arbre : côté (cause ou effet), profondeur, énoncé, reformulation."""
        import pandas as pd

        lignes = [{"côté": "problème central", "profondeur": 0, "énoncé": self.probleme,
                   "reformulation": self.objectif or ""}]
        for cote, racines in (("cause", self.causes), ("effet", self.effets)):
            for r in racines:
                for prof, n in r.parcourir():
                    lignes.append({"côté": cote, "profondeur": prof, "énoncé": n.texte,
                                   "reformulation": n.objectif or ""})
        return pd.DataFrame(lignes)

    @classmethod
    def depuis_cas(cls, cas_ou_slug: Cas | str) -> ArbreProblemes:
        """L'arbre à problèmes de ``projet.arbre_problemes`` d'un cas (ou de son slug).

        >>> ArbreProblemes.depuis_cas("cour-oasis").probleme[:29]
        "La cour de l'école Les Tilleu"
        """
        _, s = _section_projet(cas_ou_slug, "arbre_problemes", "l'arbre à problèmes")
        return cls(s.probleme, tuple(c.model_dump() for c in s.causes), tuple(e.model_dump() for e in s.effets),
                   s.objectif)

    def graphique(self, titre: str | None = None) -> Figure:
        """L'arbre dessiné : le problème au centre, les causes dessous, les effets dessus."""
        from .affichage.graphiques_projet import figure_arbre

        return figure_arbre(self, titre)

    def __repr__(self) -> str:
        return f"ArbreProblemes({self.probleme!r}, {len(self.causes)} causes, {len(self.effets)} effets)"


def arbre_du_cas(cas: Cas | str) -> ArbreProblemes:
    """L'arbre à problèmes d'un cas (alias gardé de :meth:`ArbreProblemes.depuis_cas`).

    >>> arbre_du_cas("cour-oasis").objectif[:8]
    'La cour '
    """
    return ArbreProblemes.depuis_cas(cas)


# ---------------------------------------------------------------------------
# Cadre logique
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class NiveauCadre:
    """Une ligne du cadre logique : un objectif, un résultat ou une activité.

    >>> NiveauCadre("Cour désimperméabilisée", code="R1",
    ...             indicateurs=[{"nom": "Surface désimperméabilisée", "cible": 1200}]).indicateurs[0].cible
    1200.0
    """

    #: Ce que l'on vise ou fait, en une phrase.
    intitule: str
    #: Un code court (R1, A1.1), utile pour rattacher les activités aux résultats.
    code: str = ""
    #: Les indicateurs (avec référence, cible, échéance et source de vérification).
    indicateurs: tuple[Indicateur, ...] = ()
    #: Les hypothèses : les conditions extérieures au projet dont dépend le niveau supérieur.
    hypotheses: tuple[str, ...] = ()
    #: Pour une activité : le code (ou l'intitulé) du résultat qu'elle sert.
    resultat: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.intitule, str) or not self.intitule.strip():
            raise ErreurSaisie("une ligne du cadre logique n'a pas d'intitulé",
                               conseil="écrivez en une phrase ce que l'on vise ou ce que l'on fait")
        object.__setattr__(self, "indicateurs", tuple(Indicateur.depuis(i) for i in self.indicateurs))
        object.__setattr__(self, "hypotheses", tuple(self.hypotheses))

    @classmethod
    def depuis(cls, valeur: Any) -> NiveauCadre:
        """Une ligne depuis un texte, un dictionnaire ou une section de cas."""
        if isinstance(valeur, NiveauCadre):
            return valeur
        if hasattr(valeur, "model_dump"):
            valeur = valeur.model_dump()
        if isinstance(valeur, str):
            return cls(valeur)
        if isinstance(valeur, Mapping):
            return cls(**{k: v for k, v in valeur.items() if k in cls.__dataclass_fields__})
        raise ErreurSaisie(f"{valeur!r} ne décrit pas une ligne du cadre logique",
                           conseil="donnez un dictionnaire avec au moins « intitule »")

    @property
    def nom(self) -> str:
        """Le code et l'intitulé (« R1 Cour désimperméabilisée »)."""
        return f"{self.code} {self.intitule}".strip()


@dataclass(frozen=True)
class Anomalie:
    """Un défaut du cadre logique : l'élément, le problème et la correction."""

    #: L'élément en cause (« résultat R2 », « indicateur Surface… »).
    element: str
    #: Ce qui ne va pas.
    probleme: str
    #: Comment corriger.
    correction: str
    #: « bloquant » (le cadre n'est pas cohérent) ou « conseil » (à compléter).
    gravite: str = "bloquant"

    def __str__(self) -> str:
        return f"{self.element} : {self.probleme}. Correction : {self.correction}"

    def verdict(self) -> Verdict:
        """L'anomalie sous la forme commune d'un :class:`~mba_territoires.verdicts.Verdict`.

        >>> Anomalie("résultat R1", "il n'a aucun indicateur", "ajoutez-en un").verdict().statut
        'non respectée'
        """
        from .verdicts import Verdict

        return Verdict(regle=f"cadre_logique_{self.gravite}", intitule=f"Cadre logique : {self.element}",
                       respectee=False, constat=self.probleme, conseil=self.correction,
                       source="méthode du cadre logique (logique verticale et indicateurs)")


_NIVEAUX_CADRE = ("Objectif global", "Objectif spécifique", "Résultat", "Activité")


@dataclass(frozen=True)
class CadreLogique:
    """Le cadre logique du projet.

    >>> cl = CadreLogique("Adapter l'école au climat", "Rafraîchir la cour",
    ...                   resultats=[NiveauCadre("Cour végétalisée", "R1")],
    ...                   activites=[NiveauCadre("Planter 15 arbres", "A1", resultat="R1")])
    >>> print(cl.anomalies()[2])
    résultat « R1 Cour végétalisée » : il n'a aucun indicateur. Correction : ajoutez au moins un indicateur chiffré (référence, cible, échéance, source)
    """  # noqa: E501

    #: L'objectif global : le changement de long terme auquel le projet contribue.
    objectif_global: NiveauCadre
    #: L'objectif spécifique : ce que le projet lui-même doit obtenir.
    objectif_specifique: NiveauCadre
    #: Les résultats attendus (ce que le projet produit).
    resultats: tuple[NiveauCadre, ...] = ()
    #: Les activités (ce que l'on fait pour obtenir les résultats).
    activites: tuple[NiveauCadre, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "objectif_global", NiveauCadre.depuis(self.objectif_global))
        object.__setattr__(self, "objectif_specifique", NiveauCadre.depuis(self.objectif_specifique))
        object.__setattr__(self, "resultats", tuple(NiveauCadre.depuis(r) for r in self.resultats))
        object.__setattr__(self, "activites", tuple(NiveauCadre.depuis(a) for a in self.activites))

    def lignes(self) -> list[tuple[str, NiveauCadre]]:
        """Toutes les lignes, du haut (objectif global) vers le bas (activités), avec leur niveau."""
        return [(_NIVEAUX_CADRE[0], self.objectif_global), (_NIVEAUX_CADRE[1], self.objectif_specifique),
                *((_NIVEAUX_CADRE[2], r) for r in self.resultats), *((_NIVEAUX_CADRE[3], a) for a in self.activites)]

    def _resultat_de(self, activite: NiveauCadre) -> NiveauCadre | None:
        for r in self.resultats:
            if activite.resultat and activite.resultat in (r.code, r.intitule):
                return r
        return None

    def anomalies(self) -> list[Anomalie]:
        """Les incohérences, bloquantes puis conseils : chaque objectif et résultat a un indicateur, chaque
        indicateur une référence, une cible, une échéance et une source ; chaque activité sert un résultat
        existant ; chaque résultat a au moins une activité ; les hypothèses sont écrites."""
        anomalies: list[Anomalie] = []
        for niveau, ligne in self.lignes():
            nom = f"{niveau.lower()} « {ligne.nom} »"
            if niveau != "Activité" and not ligne.indicateurs:
                anomalies.append(Anomalie(nom, "il n'a aucun indicateur", "ajoutez au moins un indicateur chiffré "
                                          "(référence, cible, échéance, source)"))
            for ind in ligne.indicateurs:
                element = f"indicateur « {ind.nom} » ({niveau.lower()} {ligne.code or ligne.intitule})"
                for champ, valeur, correction in (
                        ("valeur de référence", ind.valeur_reference, "mesurez la situation de départ"),
                        ("cible", ind.cible, "chiffrez la valeur visée"),
                        ("échéance", ind.echeance, "datez la cible (AAAA-MM-JJ)")):
                    if valeur is None:
                        anomalies.append(Anomalie(element, f"il n'a pas de {champ}", correction))
                if not ind.source.strip():
                    anomalies.append(Anomalie(element, "il n'a pas de source de vérification",
                                              "dites où l'on lira la valeur (relevé, enquête, procès-verbal)"))
        codes = {r.code for r in self.resultats} | {r.intitule for r in self.resultats}
        for a in self.activites:
            nom = f"activité « {a.nom} »"
            if not a.resultat:
                anomalies.append(Anomalie(nom, "elle n'est rattachée à aucun résultat",
                                          "indiquez le code du résultat qu'elle sert (resultat=\"R1\")"))
            elif a.resultat not in codes:
                proche = difflib.get_close_matches(a.resultat, sorted(codes), n=1, cutoff=0.5)
                anomalies.append(Anomalie(nom, f"elle sert le résultat « {a.resultat} », qui n'existe pas",
                                          (f"vouliez-vous écrire « {proche[0]} » ? " if proche else "")
                                          + "résultats : " + ", ".join(r.code or r.intitule for r in self.resultats)))
        for r in self.resultats:
            if not any(self._resultat_de(a) is r for a in self.activites):
                anomalies.append(Anomalie(f"résultat « {r.nom} »", "aucune activité ne le produit",
                                          "ajoutez au moins une activité rattachée à ce résultat"))
        if not self.resultats:
            anomalies.append(Anomalie("cadre logique", "il n'a aucun résultat",
                                      "écrivez les résultats que le projet doit produire"))
        for niveau, ligne in self.lignes()[1:]:
            if niveau != "Activité" and not ligne.hypotheses:
                anomalies.append(Anomalie(f"{niveau.lower()} « {ligne.nom} »", "aucune hypothèse n'est écrite",
                                          "notez les conditions extérieures dont dépend le niveau supérieur",
                                          "conseil"))
        return sorted(anomalies, key=lambda a: a.gravite != "bloquant")

    def est_coherent(self) -> bool:
        """Vrai si aucune anomalie n'est bloquante."""
        return not any(a.gravite == "bloquant" for a in self.anomalies())

    def valider(self) -> CadreLogique:
        """Le cadre lui-même s'il est cohérent ; sinon une :class:`ErreurRegle` qui nomme la première
        anomalie bloquante et sa correction."""
        bloquants = [a for a in self.anomalies() if a.gravite == "bloquant"]
        if bloquants:
            a = bloquants[0]
            reste = f" (et {len(bloquants) - 1} autre(s) anomalie(s) : cadre.anomalies())" if len(bloquants) > 1 else ""
            raise ErreurRegle(f"le cadre logique n'est pas cohérent : {a.element} — {a.probleme}{reste}",
                              conseil=a.correction)
        return self

    def tableau(self) -> pd.DataFrame:
        """Le cadre en tableau : niveau, code, intitulé, indicateurs, sources de vérification, hypothèses."""
        import pandas as pd

        from .formats import nombre

        def ind_texte(i: Indicateur) -> str:
            ref = nombre(i.valeur_reference) if i.valeur_reference is not None else "?"
            cible = nombre(i.cible) if i.cible is not None else "?"
            quand = i.echeance.strftime("%m/%Y") if i.echeance else "?"
            return f"{i.nom} : {ref} → {cible} {i.unite} ({quand})".replace("  ", " ")

        lignes = [{"niveau": niveau, "code": ligne.code, "intitulé": ligne.intitule,
                   "indicateurs": " ; ".join(ind_texte(i) for i in ligne.indicateurs),
                   "sources de vérification": " ; ".join(i.source for i in ligne.indicateurs if i.source),
                   "hypothèses": " ; ".join(ligne.hypotheses)} for niveau, ligne in self.lignes()]
        return pd.DataFrame(lignes)

    def vers_markdown(self) -> str:
        """Le tableau au format Markdown (à coller dans une note).

        >>> CadreLogique("OG", "OS").vers_markdown().splitlines()[0]
        '| Niveau | Code | Intitulé | Indicateurs | Sources de vérification | Hypothèses |'
        """
        t = self.tableau()
        entete = "| " + " | ".join(c[:1].upper() + c[1:] for c in t.columns) + " |"
        separateur = "|" + "---|" * len(t.columns)
        corps = ["| " + " | ".join(str(v).replace("|", "/") for v in ligne) + " |"
                 for ligne in t.itertuples(index=False)]
        return "\n".join([entete, separateur, *corps])

    def vers_csv(self, chemin: str | Path) -> Path:
        """Écrit le cadre en CSV (UTF-8, séparateur point-virgule pour les tableurs français)."""
        chemin = Path(chemin)
        self.tableau().to_csv(chemin, sep=";", index=False, encoding="utf-8")
        return chemin

    def vers_excel(self, chemin: str | Path) -> Path:
        """Écrit le cadre dans un classeur Excel (feuille « Cadre logique », colonnes élargies, texte renvoyé
        à la ligne) et, s'il y en a, les anomalies dans une seconde feuille."""
        import pandas as pd
        from openpyxl.styles import Alignment, Font

        chemin = Path(chemin)
        with pd.ExcelWriter(chemin, engine="openpyxl") as classeur:
            self.tableau().to_excel(classeur, sheet_name="Cadre logique", index=False)
            feuille = classeur.sheets["Cadre logique"]
            for lettre, largeur in zip("ABCDEF", (20, 8, 45, 60, 40, 45), strict=True):
                feuille.column_dimensions[lettre].width = largeur
            for ligne in feuille.iter_rows():
                for cellule in ligne:
                    cellule.alignment = Alignment(wrap_text=True, vertical="top")
            for cellule in feuille[1]:
                cellule.font = Font(bold=True)
            anomalies = self.anomalies()
            if anomalies:
                pd.DataFrame([{"élément": a.element, "problème": a.probleme, "correction": a.correction,
                               "gravité": a.gravite} for a in anomalies]).to_excel(
                    classeur, sheet_name="À corriger", index=False)
        return chemin

    @classmethod
    def depuis_cas(cls, cas_ou_slug: Cas | str) -> CadreLogique:
        """Le cadre logique de ``projet.cadre_logique`` d'un cas (ou de son slug).

        >>> CadreLogique.depuis_cas("cour-oasis").est_coherent()
        True
        """
        _, s = _section_projet(cas_ou_slug, "cadre_logique", "le cadre logique")
        return cls(s.objectif_global.model_dump(), s.objectif_specifique.model_dump(),
                   tuple(r.model_dump() for r in s.resultats), tuple(a.model_dump() for a in s.activites))

    def verdicts(self) -> list[Verdict]:
        """Les anomalies sous la forme commune de :class:`~mba_territoires.verdicts.Verdict`."""
        return [a.verdict() for a in self.anomalies()]

    def graphique(self) -> Figure:
        """L'arbre des objectifs du cadre : objectif global, spécifique, résultats, activités."""
        from .affichage.graphiques_projet import figure_cadre_logique

        return figure_cadre_logique(self)

    def __repr__(self) -> str:
        return (f"CadreLogique({self.objectif_specifique.intitule!r}, {len(self.resultats)} résultats, "
                f"{len(self.activites)} activités)")

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        t = self.tableau()
        tableau = tableau_html([[str(v) for v in ligne] for ligne in t.itertuples(index=False)],
                               [str(c) for c in t.columns], legende="Cadre logique")
        bloquants = [a for a in self.anomalies() if a.gravite == "bloquant"]
        alerte = ("".join(f"<li>{escape(str(a))}</li>" for a in bloquants))
        alerte = f"<div role='alert'><strong>À corriger :</strong><ul>{alerte}</ul></div>" if alerte else ""
        return tableau + alerte


def cadre_logique_du_cas(cas: Cas | str) -> CadreLogique:
    """Le cadre logique d'un cas (alias gardé de :meth:`CadreLogique.depuis_cas`).

    >>> cadre_logique_du_cas("cour-oasis").est_coherent()
    True
    """
    return CadreLogique.depuis_cas(cas)


# ---------------------------------------------------------------------------
# Gouvernance
# ---------------------------------------------------------------------------

#: Les décisions types d'un projet d'équipement public et leur nature (qui consulter dépend de la nature).
DECISIONS: tuple[tuple[str, str], ...] = (
    ("Valider le programme", "programme"),
    ("Choisir le maître d'œuvre", "marche"),
    ("Valider l'avant-projet", "conception"),
    ("Approuver le plan de financement", "financement"),
    ("Déposer les demandes de subvention", "financement"),
    ("Attribuer le marché de travaux", "marche"),
    ("Suivre le chantier", "chantier"),
    ("Réceptionner les travaux", "chantier"),
)
#: Les décisions qui reviennent à l'organe délibérant (conseil municipal, conseil communautaire) :
#: approuver le projet et son plan de financement, demander les subventions, autoriser la signature des
#: marchés au-delà des délégations données au maire (CGCT L2121-29 et L2122-22). Les comités préparent.
DECISIONS_DU_CONSEIL: frozenset[str] = frozenset({
    "Valider le programme", "Approuver le plan de financement", "Déposer les demandes de subvention",
    "Attribuer le marché de travaux"})
_SOURCE_CONSEIL = "CGCT, art. L2121-29 (le conseil règle par ses délibérations les affaires de la commune) et L2122-22"
_LETTRES = ("R", "A", "C", "I", "")
# Catégorie d'acteur -> natures de décision où il est consulté (sinon informé).
_CONSULTES = {
    "financeurs": {"programme", "financement"},
    "État": {"financement"},
    "habitants": {"programme", "conception"},
    "usagers": {"programme", "conception", "chantier"},
    "associations": {"programme", "conception"},
    "commerçants": {"conception"},
    "entreprises": set(),
}


@dataclass(frozen=True)
class Deliberation:
    """Une délibération à voter par l'organe délibérant, et le jalon du planning qui la date."""

    #: Ce que la délibération décide (« approuve le projet et le plan de financement »).
    objet: str
    #: Le nom de la tâche du planning (durée 0) qui porte la séance, s'il y en a une.
    jalon: str | None = None


@dataclass(frozen=True)
class Comite:
    """Une instance de gouvernance (elle prépare et conseille ; l'organe délibérant décide)."""

    #: Le nom (« Comité de pilotage »).
    nom: str
    #: Son rôle : décide, prépare, est consulté.
    role: str
    #: Ses membres (noms d'acteurs).
    membres: tuple[str, ...] = ()
    #: La fréquence des réunions.
    frequence: str = ""


def _acteur(a: Any) -> tuple[str, str, float]:
    if hasattr(a, "model_dump"):
        a = a.model_dump()
    if isinstance(a, Mapping):
        return str(a["nom"]), str(a.get("categorie", "")), float(a.get("pouvoir", 1))
    if hasattr(a, "nom"):
        return str(a.nom), str(getattr(a, "categorie", "")), float(getattr(a, "pouvoir", 1))
    raise ErreurSaisie(f"{a!r} ne décrit pas un acteur", conseil="donnez nom, categorie et pouvoir")


class Gouvernance:
    """Les instances du projet et le tableau RACI (décision → acteur → R, A, C, I ou vide).

    R : réalise ; A : approuve, décide (un seul par décision) ; C : consulté avant ; I : informé après.

    >>> g = Gouvernance([], {"Valider le programme": {"Maire": "A", "DGS": "R", "Parents": "C"}})
    >>> g.qui_decide("Valider le programme")
    'Maire'
    >>> Gouvernance([], {"Valider le programme": {"Maire": "A", "Adjoint": "A"}})
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurRegle: la décision « Valider le programme » a 2 acteurs « A » (Maire, Adjoint) ; il en faut exactement un.
    Conseil : gardez un seul décideur (A) et passez les autres en « C » (consultés).
    """  # noqa: E501

    def __init__(self, comites: Iterable[Comite | Mapping[str, Any]],
                 raci: Mapping[str, Mapping[str, str]], *, organe_deliberant: str | None = None,
                 deliberations: Iterable[Deliberation | Mapping[str, Any]] = ()) -> None:
        #: L'assemblée qui décide (« Conseil municipal de … ») ; ``None`` si le cas ne la nomme pas.
        self.organe_deliberant: str | None = organe_deliberant
        #: Les délibérations à voter.
        self.deliberations: tuple[Deliberation, ...] = tuple(
            d if isinstance(d, Deliberation) else Deliberation(**dict(d)) for d in deliberations)
        self.comites: tuple[Comite, ...] = tuple(
            c if isinstance(c, Comite) else Comite(**{**dict(c), "membres": tuple(dict(c).get("membres", ()))})
            for c in comites)
        propre: dict[str, dict[str, str]] = {}
        for decision, lettres in raci.items():
            propre[decision] = {}
            for acteur, lettre in lettres.items():
                lettre = (lettre or "").strip().upper()
                if lettre not in _LETTRES:
                    raise ErreurSaisie(f"la lettre de « {acteur} » pour « {decision} » vaut {lettre!r}",
                                       conseil="écrivez R (réalise), A (approuve), C (consulté), I (informé) ou "
                                       "laissez vide")
                propre[decision][acteur] = lettre
            decideurs = [a for a, x in propre[decision].items() if x == "A"]
            if len(decideurs) != 1:
                raise ErreurRegle(
                    f"la décision « {decision} » a {len(decideurs)} acteurs « A »"
                    + (f" ({', '.join(decideurs)})" if decideurs else "") + " ; il en faut exactement un",
                    conseil="gardez un seul décideur (A) et passez les autres en « C » (consultés)" if decideurs
                    else "désignez l'acteur qui approuve (A), en général l'exécutif ou l'assemblée")
            if "R" not in propre[decision].values():
                raise ErreurRegle(f"personne ne réalise la décision « {decision} » (aucun « R »)",
                                  conseil="désignez le service ou l'agent qui prépare et conduit (R)")
        self.raci = propre

    @classmethod
    def depuis_acteurs(cls, acteurs: Sequence[Any], decisions: Sequence[tuple[str, str]] = DECISIONS,
                       organe_deliberant: str | None = None,
                       deliberations: Iterable[Deliberation | Mapping[str, Any]] = ()) -> Gouvernance:
        """Une gouvernance proposée à partir des acteurs (nom, catégorie, pouvoir) :

        - si ``organe_deliberant`` est nommé (« Conseil municipal de … »), il approuve (A) les décisions de
          :data:`DECISIONS_DU_CONSEIL` et l'exécutif les porte (R) ;
        - sinon, et pour les autres décisions, l'élu au plus fort pouvoir approuve (A) ; les autres élus
          sont consultés (C) ;
        - le service au plus fort pouvoir réalise (R) ; les autres services sont consultés ;
        - financeurs, État, usagers, habitants, associations : consultés selon la nature de la décision
          (programme, conception, financement, chantier), informés sinon ;
        - trois instances : comité de pilotage (élus, financeurs, État), comité technique (services),
          groupe de travail des usagers (usagers, habitants, associations).

        >>> g = Gouvernance.depuis_acteurs([{"nom": "Maire", "categorie": "élus", "pouvoir": 5},
        ...                                 {"nom": "Services techniques", "categorie": "services", "pouvoir": 3}])
        >>> g.raci["Valider le programme"]
        {'Maire': 'A', 'Services techniques': 'R'}
        """
        liste = [_acteur(a) for a in acteurs]
        elus = sorted((a for a in liste if a[1] == "élus"), key=lambda a: -a[2])
        services = sorted((a for a in liste if a[1] == "services"), key=lambda a: -a[2])
        if not elus or not services:
            raise ErreurDonnees("il faut au moins un acteur « élus » et un acteur « services » pour proposer une "
                                "gouvernance",
                                conseil="ajoutez l'exécutif (élus) et le service pilote (services) à la liste")
        raci: dict[str, dict[str, str]] = {}
        for decision, nature in decisions:
            ligne = {}
            du_conseil = organe_deliberant is not None and decision in DECISIONS_DU_CONSEIL
            if du_conseil:
                ligne[str(organe_deliberant)] = "A"
            for nom, categorie, _ in liste:
                if nom == elus[0][0]:
                    ligne[nom] = "R" if du_conseil else "A"
                elif nom == services[0][0]:
                    ligne[nom] = "R"
                elif categorie in ("élus", "services"):
                    ligne[nom] = "C"
                else:
                    ligne[nom] = "C" if nature in _CONSULTES.get(categorie, set()) else "I"
            raci[decision] = ligne
        comites = [
            Comite("Comité de pilotage", "prépare les délibérations et donne son avis à chaque étape clé "
                   "(programme, avant-projet, plan de financement) ; il ne décide pas",
                   tuple(n for n, c, _ in liste if c in ("élus", "financeurs", "État")), "à chaque phase"),
            Comite("Comité technique", "prépare les décisions, suit le planning, le budget et les risques",
                   tuple(n for n, c, _ in liste if c == "services"), "mensuelle"),
        ]
        usagers = tuple(n for n, c, _ in liste if c in ("usagers", "habitants", "associations"))
        if usagers:
            comites.append(Comite("Groupe de travail des usagers", "est consulté sur le programme et la conception",
                                  usagers, "à la programmation et à l'avant-projet"))
        return cls(comites, raci, organe_deliberant=organe_deliberant, deliberations=deliberations)

    @classmethod
    def depuis_cas(cls, cas_ou_slug: Cas | str) -> Gouvernance:
        """La gouvernance d'un cas (ou de son slug) : l'organe délibérant et ses délibérations, les instances
        et le RACI de ``projet.gouvernance`` s'ils sont écrits, sinon ceux proposés depuis les acteurs.

        >>> g = Gouvernance.depuis_cas("cour-oasis")
        >>> g.qui_decide("Approuver le plan de financement")
        "Conseil municipal de Fontenay-l'Exemple"
        """
        from .depuis_cas import cas_depuis

        cas = cas_depuis(cas_ou_slug, "la gouvernance")
        section = cas.projet.gouvernance
        organe = section.organe_deliberant if section is not None else None
        nom_organe = organe.nom if organe is not None else None
        delibs = [d.model_dump() for d in organe.deliberations] if organe is not None else []
        proposee = (cls.depuis_acteurs(cas.acteurs, organe_deliberant=nom_organe, deliberations=delibs)
                    if cas.acteurs else None)
        if section is None:
            if proposee is None:
                fichier = f"casestudies/{cas.slug}/cas.yaml"
                raise ErreurCas(f"le cas « {cas.slug} » n'a ni section « projet.gouvernance » ni « acteurs » "
                                f"({fichier})",
                                conseil=f"ajoutez « gouvernance: » sous « projet: » ou une liste « acteurs: » dans "
                                f"{fichier}", fichier=fichier, champ="projet.gouvernance")
            return proposee
        comites = [c.model_dump() for c in section.comites] or (list(proposee.comites) if proposee else [])
        raci = section.raci or (proposee.raci if proposee else None)
        if raci is None:
            fichier = f"casestudies/{cas.slug}/cas.yaml"
            raise ErreurCas(f"le cas « {cas.slug} » n'a pas de RACI ni d'acteurs pour en proposer un ({fichier})",
                            conseil="ajoutez « raci: » dans projet.gouvernance ou une liste « acteurs: »",
                            fichier=fichier, champ="projet.gouvernance.raci")
        return cls(comites, raci, organe_deliberant=nom_organe, deliberations=delibs)

    def verdicts(self) -> list[Verdict]:
        """Qui décide ? L'organe délibérant est nommé et vote les décisions qui lui reviennent ; aucun comité
        ne dit « décider » ni « attribuer ».

        >>> g = Gouvernance([Comite("Comité de pilotage", "décide du programme")], {"Valider le programme":
        ...                 {"Maire": "A", "DGS": "R"}})
        >>> [v.respectee for v in g.verdicts()]
        [False, False]
        """
        from .verdicts import Verdict

        resultat = []
        conseil = self.organe_deliberant
        mal = [d for d in self.raci if d in DECISIONS_DU_CONSEIL and (conseil is None or self.qui_decide(d) != conseil)]
        resultat.append(Verdict(
            "organe_deliberant", "Les décisions du conseil sont votées par le conseil", conseil is not None and not mal,
            (f"{conseil} approuve : " + ", ".join(d for d in self.raci if d in DECISIONS_DU_CONSEIL)) if not mal
            and conseil else ("l'organe délibérant n'est pas nommé" if conseil is None else
                              "décisions approuvées par un autre que le conseil : " + ", ".join(mal)),
            "" if conseil and not mal else "nommez le conseil municipal (ou communautaire) dans la gouvernance et "
            "donnez-lui le « A » de l'approbation du projet, du plan de financement, des demandes de subvention et "
            "des marchés au-delà des délégations au maire", _SOURCE_CONSEIL))
        def decisionnel(role: str) -> bool:
            texte = role.lower()
            for negation in ("ne décide pas", "ne décident pas", "n'attribue pas", "ni n'attribue"):
                texte = texte.replace(negation, "")
            return any(m in texte for m in ("décide", "attribue", "arbitre"))

        decideurs = [c for c in self.comites if decisionnel(c.role)]
        resultat.append(Verdict(
            "comites_consultatifs", "Les comités préparent et conseillent, ils ne décident pas", not decideurs,
            "aucun comité ne s'attribue une décision" if not decideurs else
            "rôle décisionnel donné à : " + ", ".join(c.nom for c in decideurs),
            "" if not decideurs else "écrivez leur rôle comme « prépare », « donne son avis » : la décision est une "
            "délibération du conseil (ou une décision du maire dans ses délégations)", _SOURCE_CONSEIL))
        return resultat

    def graphique(self) -> Figure:
        """Le tableau RACI en couleurs (une ligne par décision, une colonne par acteur)."""
        from .affichage.graphiques_projet import graphique_raci

        return graphique_raci(self)

    def qui_decide(self, decision: str) -> str:
        """L'acteur qui approuve (A) la décision."""
        if decision not in self.raci:
            proche = difflib.get_close_matches(decision, list(self.raci), n=1)
            raise ErreurSaisie(f"la décision « {decision} » n'est pas dans le RACI",
                               conseil=(f"vouliez-vous écrire « {proche[0]} » ? " if proche else "")
                               + "décisions : " + ", ".join(self.raci))
        return next(a for a, x in self.raci[decision].items() if x == "A")

    def tableau_raci(self) -> pd.DataFrame:
        """Le RACI : une ligne par décision, une colonne par acteur."""
        import pandas as pd

        acteurs: list[str] = []
        for ligne in self.raci.values():
            acteurs += [a for a in ligne if a not in acteurs]
        t = pd.DataFrame([{a: ligne.get(a, "") for a in acteurs} for ligne in self.raci.values()],
                         index=list(self.raci), columns=acteurs)
        t.index.name = "décision"
        return t

    def tableau_comites(self) -> pd.DataFrame:
        """Les instances : nom, rôle, membres, fréquence."""
        import pandas as pd

        return pd.DataFrame([{"instance": c.nom, "rôle": c.role, "membres": ", ".join(c.membres),
                              "fréquence": c.frequence} for c in self.comites])

    def __repr__(self) -> str:
        return f"Gouvernance({len(self.comites)} instances, {len(self.raci)} décisions)"

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        t = self.tableau_raci()
        lignes = [[str(i), *(v or "–" for v in ligne)] for i, ligne in zip(t.index, t.itertuples(index=False),
                                                                         strict=True)]
        comites = "".join(f"<li><strong>{escape(c.nom)}</strong> : {escape(c.role)} ({escape(', '.join(c.membres))})"
                          "</li>" for c in self.comites)
        organe = (f"<p><strong>Organe délibérant :</strong> {escape(self.organe_deliberant)}</p>"
                  if self.organe_deliberant else "")
        return organe + f"<ul>{comites}</ul>" + tableau_html(
            lignes, ["Décision", *map(str, t.columns)],
            legende="RACI : R réalise, A approuve, C consulté, I informé (– : non concerné)")


def gouvernance_du_cas(cas: Cas | str) -> Gouvernance:
    """La gouvernance d'un cas (alias gardé de :meth:`Gouvernance.depuis_cas`).

    >>> gouvernance_du_cas("cour-oasis").qui_decide("Choisir le maître d'œuvre")
    'Maire'
    """
    return Gouvernance.depuis_cas(cas)
