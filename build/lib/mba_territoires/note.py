"""La note aux élus : le projet, son coût, son financement, son calendrier, ses obligations et la décision à voter.

On part d'un cas (:meth:`NoteAuxElus.depuis_cas`) ou de ce qu'on a construit dans un carnet. Depuis un
cas, la note est bâtie sur les modèles du paquet, pas sur le texte brut du fichier :

- les chiffres viennent du plan (:meth:`mba_territoires.PlanDeFinancement.depuis_cas`) : coût HT et TTC,
  chaque financeur, le FCTVA et ses années de versement, le coût net pour le maître d'ouvrage ;
- l'effet sur le budget vient de :mod:`mba_territoires.budget` (emprunt, annuité, épargne brute et nette,
  capacité de désendettement) ;
- le calendrier daté vient du planning (:meth:`mba_territoires.Planning.depuis_cas`), avec les séances
  du conseil qui délibère ;
- les obligations viennent des marchés du planning (procédure de passation) et de la concertation
  (:meth:`mba_territoires.Obligations.depuis_cas`) ; les risques, du registre des risques.

Une partie impossible à construire (section absente, planning en boucle...) n'est jamais omise en
silence : la note affiche un encadré qui dit pourquoi et comment corriger. Ce que l'apprenant doit
encore rédiger apparaît « [À compléter : ...] ». La note demande la décision que le conseil municipal
(ou communautaire) doit voter et porte en annexe un projet de délibération.

:meth:`NoteAuxElus.contenu` rend le contenu de la note, prêt à écrire (:class:`ContenuNote`) : c'est
lui que lisent les rédacteurs Markdown (:meth:`~NoteAuxElus.markdown`), HTML (affichage dans le carnet)
et Word (:meth:`~NoteAuxElus.exporter_word`). Tout texte saisi est nettoyé (caractères de contrôle
retirés, texte trop long tronqué et signalé), puis échappé par chaque rédacteur.

>>> note = NoteAuxElus.depuis_cas("ecole-jules-ferry", plan=[("DETR", 276000), ("Fonds vert", 276000),
...                                                         ("Commune", 368000)])
>>> note.objet
"Rénovation énergétique de l'école élémentaire Jules-Ferry : plan de financement et décision à prendre"
>>> [(l.financeur, round(l.part, 2)) for l in note.lignes()]
[('DETR', 0.3), ('Fonds vert', 0.3), ('Commune', 0.4)]
>>> "Projet de délibération" in note.markdown()
True
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from numbers import Real
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import saisie
from .contenu_note import (
    ContenuNote,
    ElementNote,
    EncadreNote,
    FigureNote,
    ParagrapheNote,
    ProjetDeliberation,
    PucesNote,
    RubriqueNote,
    TableauNote,
)
from .erreurs import ErreurDonnees, ErreurSaisie
from .formats import date_fr, euros, nombre, pourcentage

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from .cas import Cas

__all__ = [
    "LONGUEUR_MAX",
    "ContenuNote",
    "EncadreNote",
    "FigureNote",
    "LigneFinancement",
    "NoteAuxElus",
    "ParagrapheNote",
    "ProjetDeliberation",
    "PucesNote",
    "RubriqueNote",
    "TableauNote",
    "a_completer",
    "lignes_financement",
    "nettoyer_texte",
]

#: Nombre maximal de caractères d'une rubrique : au-delà, le texte est tronqué et la note le signale
#: (une note aux élus tient en deux pages, soit environ 6 000 caractères de texte rédigé).
LONGUEUR_MAX = 2500
#: Nombre maximal d'éléments d'une liste (objectifs, risques, étapes du calendrier).
ELEMENTS_MAX = 15
#: Longueur totale du texte rédigé au-delà de laquelle la note dépasse en général deux pages (en caractères).
LONGUEUR_NOTE = 6000
#: Écart toléré entre le total des recettes et le coût, en euros (arrondis des parts).
TOLERANCE_EQUILIBRE = 1.0
#: Nombre de risques repris dans la note (les plus critiques du registre).
RISQUES_NOTE = 5
#: Hypothèse de durée de l'emprunt du projet, en années, pour l'effet sur le budget.
DUREE_EMPRUNT = 20

_OUVERTURE = "[À compléter : "
_MOTIF_A_COMPLETER = re.compile(r"\[À compléter : [^\]]*\]")
# Caractères interdits en XML 1.0 (donc dans un .docx) et caractères de contrôle C0/C1, sauf \n.
_CONTROLES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

#: Les rubriques rédigées de la note, dans l'ordre : (attribut, titre). Les chiffres (coût net, budget)
#: et les obligations viennent des modèles et s'insèrent entre elles (voir :meth:`NoteAuxElus.contenu`).
RUBRIQUES: tuple[tuple[str, str], ...] = (
    ("contexte", "Contexte"),
    ("objectifs", "Objectifs"),
    ("plan_de_financement", "Coût et plan de financement"),
    ("calendrier", "Calendrier"),
    ("concertation", "Obligations : marchés publics et concertation"),
    ("risques", "Risques et parades"),
    ("decision_demandee", "Décision demandée"),
)
#: Le titre de la rubrique chiffrée qui suit le plan de financement.
TITRE_BUDGET = "FCTVA, coût net et effet sur le budget"
#: Tous les titres numérotés de la note, dans l'ordre.
TITRES: tuple[str, ...] = (RUBRIQUES[0][1], RUBRIQUES[1][1], RUBRIQUES[2][1], TITRE_BUDGET,
                           *(titre for _, titre in RUBRIQUES[3:]))

#: Ce que chaque rubrique doit dire, quand elle est vide.
CONSIGNES: dict[str, str] = {
    "destinataire": "à qui s'adresse la note (ex. le maire et le bureau municipal)",
    "objet": "l'objet de la note en une ligne",
    "auteur": "votre nom et votre fonction",
    "date": "la date de la note",
    "contexte": "le territoire, le problème à résoudre et le projet, en cinq lignes",
    "objectifs": "deux ou trois objectifs mesurables",
    "plan_de_financement": "le plan de financement : une ligne par financeur, avec le montant et la part",
    "calendrier": "les grandes étapes et leurs dates : études, choix du maître d'œuvre, délibérations, dépôt des "
    "demandes de subvention (avant tout commencement d'exécution), travaux, mise en service",
    "concertation": "qui a été associé, comment, ce qui en est ressorti et ce que cela a changé au projet",
    "risques": "les trois principaux risques (coût, délais, subventions, acceptabilité) et la parade prévue "
    "pour chacun",
    "decision_demandee": "la décision que le conseil doit voter, par exemple : approuver le projet et son plan de "
    "financement prévisionnel, autoriser l'exécutif à solliciter les subventions",
}
#: Ancien nom, gardé pour les carnets qui l'importaient.
_CONSIGNES = CONSIGNES


# ---------------------------------------------------------------------------
# Textes : nettoyer, signaler ce qui manque
# ---------------------------------------------------------------------------

def a_completer(consigne: str) -> str:
    """Le repère d'une rubrique à rédiger, tel que l'apprenant le voit dans la note.

    >>> a_completer("la décision attendue des élus")
    '[À compléter : la décision attendue des élus]'
    """
    return _OUVERTURE + nettoyer_texte(consigne).replace("]", ")") + "]"


def nettoyer_texte(valeur: object, longueur_max: int = LONGUEUR_MAX) -> str:
    """Un texte saisi, rendu sûr pour tous les formats : caractères de contrôle retirés, fins de ligne
    unifiées, espaces superflus enlevés et, au-delà de ``longueur_max`` caractères, texte tronqué avec
    un avertissement visible. L'échappement HTML ou Markdown vient ensuite, à l'affichage.

    >>> nettoyer_texte("Cour de l'école\\x00\\x07 ")
    "Cour de l'école"
    >>> nettoyer_texte("ligne 1\\r\\nligne 2")
    'ligne 1\\nligne 2'
    >>> court = nettoyer_texte("mot " * 100, longueur_max=40)
    >>> court.startswith("mot mot") and "tronqué" in court
    True
    """
    if valeur is None:
        return ""
    texte = valeur if isinstance(valeur, str) else str(valeur)
    texte = unicodedata.normalize("NFC", texte)
    texte = texte.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    texte = _CONTROLES.sub("", texte)
    texte = "\n".join(ligne.rstrip() for ligne in texte.split("\n"))
    texte = re.sub(r"\n{3,}", "\n\n", texte).strip()
    if len(texte) > longueur_max:
        coupe = texte[:longueur_max]
        espace = coupe.rfind(" ")
        if espace > longueur_max * 0.8:
            coupe = coupe[:espace]
        en_trop = len(texte) - len(coupe)
        texte = (f"{coupe.rstrip()} […] (texte tronqué : {nombre(en_trop)} caractères au-delà de la limite de "
                 f"{nombre(longueur_max)} ; raccourcissez cette rubrique, une note aux élus tient en deux pages)")
    return texte


def _est_vide(valeur: object) -> bool:
    if valeur is None:
        return True
    if isinstance(valeur, str):
        return not valeur.strip()
    if isinstance(valeur, (list, tuple)):
        return len(valeur) == 0
    return False


def _element(valeur: object) -> str:
    """Un élément de liste : texte, couple (quand, quoi) ou dictionnaire."""
    if isinstance(valeur, Mapping):
        return " : ".join(nettoyer_texte(v) for v in valeur.values() if not _est_vide(v))
    if isinstance(valeur, tuple):
        return " : ".join(nettoyer_texte(v) for v in valeur if not _est_vide(v))
    return nettoyer_texte(valeur)


def _liste(valeur: object, consigne: str) -> list[str]:
    """Une rubrique en liste (objectifs, risques, calendrier) : texte seul, liste ou repère à compléter."""
    if _est_vide(valeur):
        return [a_completer(consigne)]
    if isinstance(valeur, str):
        return [nettoyer_texte(valeur)]
    if isinstance(valeur, Mapping):
        elements = [_element((k, v)) for k, v in valeur.items()]
    elif isinstance(valeur, Iterable):
        elements = [_element(v) for v in valeur]
    else:
        elements = [nettoyer_texte(valeur)]
    elements = [e for e in elements if e]
    if len(elements) > ELEMENTS_MAX:
        reste = len(elements) - ELEMENTS_MAX
        elements = [*elements[:ELEMENTS_MAX],
                    f"(liste tronquée : {reste} élément(s) de plus ; gardez l'essentiel, {ELEMENTS_MAX} au plus)"]
    return elements or [a_completer(consigne)]


# ---------------------------------------------------------------------------
# Plan de financement : des lignes (financeur, montant, part)
# ---------------------------------------------------------------------------

def _montant(valeur: object, financeur: str) -> float:
    return saisie.montant(valeur, f"le montant de la ligne « {financeur} »")


def _part(valeur: object, financeur: str) -> float | None:
    if valeur is None:
        return None
    return saisie.taux(valeur, f"la part de la ligne « {financeur} »")


@dataclass(frozen=True)
class LigneFinancement:
    """Une ligne du plan de financement telle que la note l'affiche.

    >>> LigneFinancement("DETR", 276000, 0.30)
    LigneFinancement(financeur='DETR', montant=276000.0, part=0.3)
    >>> LigneFinancement("DETR", "beaucoup")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurMontant: le montant de la ligne « DETR » vaut le texte 'beaucoup', pas un nombre.
    Conseil : écrivez un nombre sans guillemets, par exemple 820000.
    """

    #: Le financeur (« DETR », « Région », « Commune (autofinancement) »).
    financeur: str
    #: Le montant apporté, en euros HT.
    montant: float
    #: La part du financeur en décimales (0.30 pour 30 %) ; vide, la note la calcule sur le total.
    part: float | None = None

    def __post_init__(self) -> None:
        nom = nettoyer_texte(self.financeur, longueur_max=200)
        if not nom:
            raise ErreurDonnees("une ligne du plan de financement n'a pas de financeur",
                                conseil="donnez le nom du financeur, par exemple « DETR » ou « Commune »")
        object.__setattr__(self, "financeur", nom)
        object.__setattr__(self, "montant", _montant(self.montant, nom))
        object.__setattr__(self, "part", _part(self.part, nom))


_CLES_FINANCEUR = ("financeur", "nom", "source", "recette", "libelle", "intitule")
_CLES_MONTANT = ("montant", "montant_ht", "montant (€ ht)", "montant (euros ht)", "valeur")
_CLES_PART = ("part", "taux", "part du total")


def _cle(cles: Iterable[str], candidats: tuple[str, ...]) -> str | None:
    def simple(texte: str) -> str:
        sans_accent = unicodedata.normalize("NFKD", str(texte)).encode("ascii", "ignore").decode()
        return sans_accent.strip().lower()

    simples = {simple(c): c for c in cles}
    for candidat in candidats:
        if simple(candidat) in simples:
            return simples[simple(candidat)]
    return None


def _depuis_dict(ligne: Mapping[str, Any]) -> LigneFinancement:
    cle_f, cle_m, cle_p = (_cle(ligne, c) for c in (_CLES_FINANCEUR, _CLES_MONTANT, _CLES_PART))
    if cle_f is None or cle_m is None:
        raise ErreurDonnees(
            f"la ligne {dict(ligne)!r} du plan de financement n'a pas de clé « financeur » ou « montant »",
            conseil="écrivez chaque ligne {'financeur': 'DETR', 'montant': 276000} (part facultative)",
        )
    part = ligne[cle_p] if cle_p is not None else None
    if part is not None and not isinstance(part, bool) and isinstance(part, Real) and math.isnan(float(part)):
        part = None
    return LigneFinancement(ligne[cle_f], ligne[cle_m], part)


def _depuis_objet(ligne: Any) -> LigneFinancement:
    if isinstance(ligne, LigneFinancement):
        return ligne
    if isinstance(ligne, Mapping):
        return _depuis_dict(ligne)
    if isinstance(ligne, (tuple, list)) and len(ligne) in (2, 3):
        return LigneFinancement(*ligne)
    attributs = {nom: getattr(ligne, nom) for nom in (*_CLES_FINANCEUR, *_CLES_MONTANT, *_CLES_PART)
                 if hasattr(ligne, nom) and not callable(getattr(ligne, nom))}
    if attributs:
        return _depuis_dict(attributs)
    raise ErreurDonnees(
        f"la ligne {ligne!r} du plan de financement n'est pas lisible",
        conseil="écrivez chaque ligne (financeur, montant) ou (financeur, montant, part), "
        "par exemple ('DETR', 276000)",
    )


def lignes_financement(plan: object) -> list[LigneFinancement]:
    """Les lignes d'un plan de financement, quelle que soit sa forme.

    Formes acceptées :

    - une liste de couples ``(financeur, montant)`` ou de triplets ``(financeur, montant, part)`` ;
    - une liste de dictionnaires ``{"financeur": ..., "montant": ..., "part": ...}`` (part facultative) ;
    - un dictionnaire ``{financeur: montant}`` ;
    - un tableau pandas (colonnes ``financeur`` et ``montant``, ``part`` facultative ; une ligne
      « Total » est ignorée) ;
    - tout objet qui a une méthode ``tableau()`` renvoyant un tel tableau (comme un
      ``PlanDeFinancement``), ou un attribut ``lignes`` (ou ``recettes``) contenant de telles lignes.

    Les parts vides restent vides ici ; :meth:`NoteAuxElus.lignes` les calcule.

    >>> lignes_financement({"DETR": 276000, "Commune": 644000})[1]
    LigneFinancement(financeur='Commune', montant=644000.0, part=None)
    >>> lignes_financement([("DETR", 276000, 30)])
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurTaux: la part de la ligne « DETR » vaut 30, hors de [0 ; 1] (au-dessus de 100 %).
    Conseil : un taux s'écrit en décimales, entre 0 et 1 : 30 % s'écrit 0.30 (vouliez-vous écrire 0.30 ?).
    """
    if plan is None:
        return []
    if isinstance(plan, (str, bytes)):
        raise ErreurDonnees(f"le plan de financement {plan!r} est un texte, pas une liste de lignes",
                            conseil="écrivez une liste : [('DETR', 276000), ('Commune', 644000)]")
    # Un objet du paquet (PlanDeFinancement) ou d'un apprenant : d'abord tableau(), sinon lignes/recettes.
    if hasattr(plan, "tableau") and callable(plan.tableau):
        return lignes_financement(plan.tableau())
    if hasattr(plan, "iterrows") and hasattr(plan, "columns"):  # un DataFrame pandas
        colonnes = [str(c) for c in plan.columns]
        lignes = []
        for _, rangee in plan.iterrows():
            donnees = {str(k): v for k, v in rangee.items()}
            cle_f = _cle(colonnes, _CLES_FINANCEUR)
            if cle_f is not None and str(donnees.get(cle_f, "")).strip().lower().startswith("total"):
                continue
            lignes.append(_depuis_dict(donnees))
        return lignes
    for attribut in ("lignes", "recettes"):
        if not isinstance(plan, Mapping) and hasattr(plan, attribut):
            contenu = getattr(plan, attribut)
            return lignes_financement(contenu() if callable(contenu) else contenu)
    if isinstance(plan, Mapping):
        for attribut in ("lignes", "recettes"):  # une section de cas : {"recettes": [...]}
            if isinstance(plan.get(attribut), (list, tuple)):
                return lignes_financement(plan[attribut])
        if _cle(plan, _CLES_MONTANT) is not None:  # une seule ligne en dictionnaire
            return [_depuis_dict(plan)]
        return [LigneFinancement(str(k), v) for k, v in plan.items()]
    if isinstance(plan, Iterable):
        return [_depuis_objet(ligne) for ligne in plan]
    raise ErreurDonnees(
        f"le plan de financement de type {type(plan).__name__} n'est pas lisible",
        conseil="donnez une liste de lignes (financeur, montant), un tableau pandas ou un PlanDeFinancement",
    )


# ---------------------------------------------------------------------------
# La collectivité qui délibère
# ---------------------------------------------------------------------------

_DESTINATAIRES = {
    "commune": "Le maire et les membres du bureau municipal",
    "epci": "Le président et les membres du bureau communautaire",
    "departement": "Le président et les membres de la commission permanente du conseil départemental",
    "region": "La présidence et les membres de la commission permanente du conseil régional",
    "syndicat": "Le président et les membres du bureau syndical",
}
#: L'assemblée délibérante de chaque type de collectivité.
ORGANES = {
    "commune": "le conseil municipal",
    "epci": "le conseil communautaire",
    "departement": "le conseil départemental",
    "region": "le conseil régional",
    "syndicat": "le comité syndical",
}
#: L'exécutif, qui exécute les délibérations et signe.
EXECUTIFS = {"commune": "le maire", "epci": "le président", "departement": "le président",
             "region": "le président", "syndicat": "le président"}
#: Les articles du CGCT qui fondent la compétence de l'assemblée et les délégations à l'exécutif.
_VISAS_COMPETENCE = {
    "commune": "Vu le code général des collectivités territoriales, notamment ses articles L2121-29 (le conseil "
    "municipal règle par ses délibérations les affaires de la commune) et L2122-22 (délégations au maire)",
    "epci": "Vu le code général des collectivités territoriales, notamment ses articles L5211-1 (fonctionnement "
    "de l'organe délibérant) et L5211-10 (délégations au président et au bureau)",
    "departement": "Vu le code général des collectivités territoriales, notamment ses articles L3211-1 et L3211-2",
    "region": "Vu le code général des collectivités territoriales, notamment ses articles L4221-1 et L4221-5",
    "syndicat": "Vu le code général des collectivités territoriales, notamment ses articles L5211-1, L5211-10 "
    "et L5711-1",
}


def _destinataire(type_collectivite: str) -> str:
    return _DESTINATAIRES.get(type_collectivite, "L'exécutif de la collectivité")


def _majuscule(texte: str) -> str:
    return texte[:1].upper() + texte[1:]


# ---------------------------------------------------------------------------
# La note
# ---------------------------------------------------------------------------

def _date(valeur: object) -> _dt.date | None:
    if valeur is None:
        return None
    return saisie.date(valeur, "la date de la note")


def _cout(valeur: object) -> float | None:
    if valeur is None:
        return None
    return saisie.montant(valeur, "le coût total du projet")


def _est_plan(objet: object) -> bool:
    """Vrai pour un :class:`~mba_territoires.PlanDeFinancement` (qui a ses dépenses, son FCTVA, son TTC)."""
    from . import PlanDeFinancement

    return isinstance(objet, PlanDeFinancement)


@dataclass
class NoteAuxElus:
    """Une note aux élus, à relire et compléter avant de l'exporter, avec son projet de délibération.

    Chaque rubrique vide s'affiche « [À compléter : ...] ». On remplit une rubrique en lui affectant
    un texte (``note.concertation = "..."``) ou avec :meth:`modifier`, qui renvoie une nouvelle note.
    Les modèles (``plan``, ``planning``, ``obligations``, ``situation``) donnent les chiffres, le
    calendrier et les obligations ; :meth:`depuis_cas` les construit depuis un cas.

    >>> note = NoteAuxElus(objet="Cour oasis de l'école des Tilleuls", cout=120000,
    ...                    plan_de_financement=[("Agence de l'eau", 84000), ("Commune", 36000)])
    >>> note.total_recettes()
    120000.0
    >>> note.a_completer()[:2]
    ['destinataire', 'auteur']
    """

    #: À qui s'adresse la note (« le maire et le bureau municipal »).
    destinataire: str | None = None
    #: L'objet de la note, en une ligne.
    objet: str | None = None
    #: Le territoire, le problème et le projet, en quelques lignes.
    contexte: str | None = None
    #: Les objectifs : un texte ou une liste de phrases.
    objectifs: str | list[str] | None = None
    #: Le coût total du projet, en euros HT.
    cout: float | None = None
    #: Le plan de financement : voir :func:`lignes_financement` pour les formes acceptées (un
    #: ``PlanDeFinancement`` donne aussi le TTC, le FCTVA et l'emprunt).
    plan_de_financement: Any = None
    #: Le calendrier rédigé (en plus de celui du planning) : un texte, une liste d'étapes ou de couples.
    calendrier: str | list[Any] | None = None
    #: La concertation menée ou prévue : ce qui en est ressorti (les obligations viennent du modèle).
    concertation: str | None = None
    #: Les risques et leurs parades : un texte ou une liste.
    risques: str | list[Any] | None = None
    #: La décision que le conseil doit voter.
    decision_demandee: str | None = None
    #: L'auteur de la note (nom et fonction).
    auteur: str | None = None
    #: La date de la note (``datetime.date``, « AAAA-MM-JJ » ou « JJ/MM/AAAA »).
    date: _dt.date | str | None = None
    #: Une mention en bas de note (ex. « cas fictif »).
    mention: str | None = None
    #: Le cas d'où vient la note, s'il y en a un (son identifiant).
    cas: str | None = field(default=None, repr=False)
    #: Le plan de financement (``PlanDeFinancement``) : coûts HT et TTC, FCTVA, emprunt, financeurs publics.
    plan: Any = field(default=None, repr=False, compare=False)
    #: Le planning (``Planning``) : le calendrier daté, les séances du conseil, les marchés.
    planning: Any = field(default=None, repr=False, compare=False)
    #: Les obligations de participation du public (``Obligations``).
    obligations: Any = field(default=None, repr=False, compare=False)
    #: La situation financière du maître d'ouvrage (``SituationFinanciere``), pour l'effet sur le budget.
    situation: Any = field(default=None, repr=False, compare=False)
    #: Les économies annuelles de fonctionnement attendues du projet, en euros (effet sur le budget).
    economies_annuelles: float = 0.0
    #: Le type de la collectivité qui délibère : commune, epci, departement, region ou syndicat.
    type_collectivite: str = "commune"
    #: Le nom de la collectivité (« Commune de Saint-Exemple »), pour le projet de délibération.
    collectivite: str | None = None
    #: L'assemblée qui vote (« le conseil municipal ») ; par défaut celle du type de collectivité.
    organe: str | None = None
    #: La date de la séance qui vote ; par défaut la première séance du conseil prévue au planning.
    date_seance: _dt.date | str | None = None
    #: Les parties que le paquet n'a pas pu construire : partie → pourquoi (affiché dans la note).
    problemes: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.cout = _cout(self.cout)
        self.date = _date(self.date)
        self.date_seance = None if self.date_seance is None else saisie.date(self.date_seance, "la date de la séance")
        self.type_collectivite = saisie.choix(self.type_collectivite, list(ORGANES), "le type de collectivité")
        self.economies_annuelles = saisie.montant(self.economies_annuelles, "les économies annuelles")
        if self.plan is None and _est_plan(self.plan_de_financement):
            self.plan = self.plan_de_financement
        if self.plan is not None and not _est_plan(self.plan):
            raise ErreurDonnees(f"« plan » attend un PlanDeFinancement, pas {type(self.plan).__name__}",
                                conseil="donnez mt.PlanDeFinancement.depuis_cas(...) ou votre plan du carnet ; "
                                "une simple liste de lignes va dans plan_de_financement")
        if self.cout is None and self.plan is not None:
            self.cout = self.plan.cout_ht
        self.plan_de_financement = lignes_financement(self.plan_de_financement)

    # --- construire ---------------------------------------------------------------------------

    @classmethod
    def depuis_cas(cls, cas: Cas | str, plan: object = None, **champs: Any) -> NoteAuxElus:
        """Une note bâtie sur les modèles du cas ; ce qu'il faut rédiger est marqué « [À compléter : ...] ».

        ``cas`` : un :class:`~mba_territoires.Cas` chargé ou son identifiant ; ``plan`` : le plan de
        financement que vous avez construit (``PlanDeFinancement``, liste de lignes, tableau) ; sinon
        celui du cas. Les autres champs (``auteur="..."``, ``decision_demandee="..."``) remplacent ceux
        du cas. Une partie que le cas ne permet pas de construire (section absente) est signalée dans la
        note, avec la raison (:attr:`problemes`).

        >>> note = NoteAuxElus.depuis_cas("ecole-jules-ferry", auteur="Camille Martin, chargée de mission")
        >>> note.destinataire
        'Le maire et les membres du bureau municipal'
        >>> note.cout
        920000.0
        >>> note.organe, note.problemes
        ('Conseil municipal de Saint-Exemple', {})
        >>> "decision_demandee" in note.a_completer()
        False
        """
        from . import Obligations, PlanDeFinancement, Planning, RegistreRisques, SituationFinanciere
        from .cas import charger

        if isinstance(cas, str):
            cas = charger(cas)
        noms = [f.name for f in dataclasses.fields(cls)]
        inconnus = sorted(set(champs) - set(noms))
        if inconnus:
            raise ErreurSaisie(f"la note n'a pas de rubrique « {inconnus[0]} »",
                               conseil="rubriques possibles : " + ", ".join(noms))
        problemes: dict[str, str] = {}

        def construire(partie: str, fabrique: Any) -> Any:
            # Seules les erreurs françaises du paquet (section absente, planning en boucle...) sont
            # rattrapées : leur message s'affiche dans la note. Toute autre exception remonte.
            try:
                return fabrique(cas)
            except ErreurSaisie as exc:
                problemes[partie] = str(exc)
                return None

        modele_plan = plan if _est_plan(plan) else construire("plan", PlanDeFinancement.depuis_cas)
        planning = construire("planning", Planning.depuis_cas)
        obligations = construire("obligations", Obligations.depuis_cas)
        situation = (construire("situation", SituationFinanciere.depuis_cas)
                     if cas.maitre_ouvrage.finances is not None else None)
        if situation is None and "situation" not in problemes:
            problemes["situation"] = (f"le cas « {cas.slug} » ne donne pas les finances du maître d'ouvrage "
                                      "(maitre_ouvrage.finances dans cas.yaml) : l'effet sur le budget n'est pas "
                                      "calculé.\nConseil : ajoutez les recettes et dépenses réelles de "
                                      "fonctionnement, le remboursement du capital et l'encours de la dette.")
        registre = construire("risques", RegistreRisques.depuis_cas)
        type_mo = cas.maitre_ouvrage.type
        valeurs: dict[str, Any] = {
            "destinataire": _destinataire(type_mo),
            "objet": f"{cas.projet.intitule} : plan de financement et décision à prendre",
            "contexte": _contexte(cas),
            "objectifs": list(cas.projet.objectifs) or None,
            "cout": cas.projet.cout_estime_ht,
            "plan_de_financement": plan if plan is not None else modele_plan,
            "concertation": None,
            "risques": _risques(registre),
            "mention": (f"Document pédagogique établi sur un cas fictif (mba-territoires, cas « {cas.slug} »)."
                        if cas.fictif else None),
            "cas": cas.slug,
            "plan": modele_plan,
            "planning": planning,
            "obligations": obligations,
            "situation": situation,
            "type_collectivite": type_mo,
            "collectivite": cas.maitre_ouvrage.nom,
            "organe": (getattr(planning, "organe", None) or ORGANES.get(type_mo)),
            "problemes": problemes,
        }
        valeurs.update(champs)
        note = cls(**valeurs)
        if "decision_demandee" not in champs:
            note.decision_demandee = note.decision_proposee()
        return note

    def modifier(self, **champs: Any) -> NoteAuxElus:
        """Une copie de la note avec les rubriques données remplacées (la note d'origine ne change pas).

        >>> note = NoteAuxElus(objet="Réseau cyclable")
        >>> note.modifier(auteur="C. Martin").auteur
        'C. Martin'
        >>> note.auteur is None
        True
        """
        return dataclasses.replace(self, **champs)

    # --- chiffres dérivés ------------------------------------------------------------------------

    def lignes(self) -> list[LigneFinancement]:
        """Les lignes du plan de financement, parts calculées sur le total des recettes quand elles manquent.

        >>> NoteAuxElus(plan_de_financement=[("DETR", 30), ("Commune", 70)]).lignes()[0].part
        0.3
        """
        lignes = lignes_financement(self.plan_de_financement)
        total = sum(ligne.montant for ligne in lignes)
        return [ligne if ligne.part is not None or total == 0
                else LigneFinancement(ligne.financeur, ligne.montant, ligne.montant / total)
                for ligne in lignes]

    def total_recettes(self) -> float:
        """Le total des recettes du plan de financement, en euros HT."""
        return float(sum(ligne.montant for ligne in lignes_financement(self.plan_de_financement)))

    def ecart(self) -> float | None:
        """Recettes moins coût, en euros HT (``None`` s'il manque le coût ou le plan).

        >>> NoteAuxElus(cout=100, plan_de_financement=[("DETR", 30), ("Commune", 60)]).ecart()
        -10.0
        """
        cout = _cout(self.cout)
        if cout is None or not lignes_financement(self.plan_de_financement):
            return None
        return self.total_recettes() - cout

    def _apports_exterieurs(self) -> float | None:
        """Subventions et participations (tout sauf la part du maître d'ouvrage), en euros."""
        if self.plan is None:
            return None
        return float(self.plan.subventions_publiques + self.plan.financements_prives)

    def cout_net(self) -> float | None:
        """Le coût net pour le maître d'ouvrage, en euros : coût TTC − subventions et participations − FCTVA
        (``None`` sans ``PlanDeFinancement``, qui seul connaît la TVA et le FCTVA).

        >>> import mba_territoires as mt
        >>> plan = mt.PlanDeFinancement("École", maitre_ouvrage="Commune")
        >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
        >>> plan.ajouter_financeur("DETR", taux=0.30)
        >>> round(NoteAuxElus(plan_de_financement=plan).cout_net(), 2)  # 120 000 − 30 000 − 16,404 % × 120 000
        70315.2
        """
        if self.plan is None:
            return None
        return round(self.plan.cout_ttc - (self._apports_exterieurs() or 0.0) - self.plan.fctva().montant, 2)

    def deliberations(self) -> list[dict[str, Any]]:
        """Les séances du conseil prévues au planning (date, tâche, décisions), ou une liste vide."""
        if self.planning is None or not hasattr(self.planning, "deliberations"):
            return []
        return list(self.planning.deliberations())

    def _executif(self) -> str:
        return EXECUTIFS.get(self.type_collectivite, "l'exécutif")

    def _organe(self) -> str:
        """L'assemblée, en minuscule avec son article : « le conseil municipal de Saint-Exemple »."""
        organe = nettoyer_texte(self.organe, 200) or ORGANES.get(self.type_collectivite, "l'assemblée délibérante")
        if not organe.lower().startswith(("le ", "la ", "l'", "l’")):
            organe = "le " + organe[:1].lower() + organe[1:]
        return organe

    def _date_seance(self) -> _dt.date | None:
        """La date de la séance qui vote : celle donnée, sinon la première séance du planning."""
        if self.date_seance is not None:
            return self.date_seance  # type: ignore[return-value]
        seances = self.deliberations()
        return seances[0]["date"] if seances else None

    def _objets_premiere_seance(self) -> set[str] | None:
        """Ce que décide la première séance du planning (``None`` : pas de séance au planning, tout est demandé)."""
        seances = self.deliberations()
        return set(seances[0]["objets"]) if seances else None

    def _financeurs(self) -> tuple[list[str], list[str]]:
        """Les financeurs publics et privés (hors maître d'ouvrage)."""
        if self.plan is not None:
            return ([f.nom for f in self.plan.financeurs if f.public],
                    [f.nom for f in self.plan.financeurs if not f.public])
        mo = (nettoyer_texte(self.collectivite, 200) or "").lower()
        publics = [ligne.financeur for ligne in self.lignes()
                   if not ligne.financeur.lower().startswith(("commune", "autofinancement", "fonds propres"))
                   and not (mo and ligne.financeur.lower().startswith(mo))]
        return publics, []

    def decision_proposee(self) -> str:
        """La décision que le conseil doit voter, rédigée depuis le plan, les marchés et le planning.

        >>> print(NoteAuxElus(objet="Cour oasis", plan_de_financement=[("Agence de l'eau", 84000),
        ...                                                            ("Commune", 36000)]).decision_proposee())
        Il est proposé au conseil municipal :
        - d'approuver le projet « Cour oasis » ;
        - d'approuver son plan de financement prévisionnel ;
        - d'autoriser le maire à solliciter les subventions de : Agence de l'eau ;
        - d'autoriser le maire à signer tout document relatif à cette opération.
        Le projet de délibération est joint en annexe.
        """
        organe, executif = self._organe(), self._executif()
        seances = self.deliberations()
        jour = self._date_seance()
        quand = f" lors de sa séance du {date_fr(jour)}" if jour else ""
        points = [f"d'approuver le projet « {self._intitule()} »"
                  + (f" pour un coût prévisionnel de {euros(self.cout, 0)} HT" if self.cout else ""),
                  "d'approuver son plan de financement prévisionnel"]
        publics, prives = self._financeurs()
        if publics:
            points.append(f"d'autoriser {executif} à solliciter les subventions de : {', '.join(publics)}")
        if prives:
            points.append(f"d'autoriser {executif} à signer les conventions avec : {', '.join(prives)}")
        if self.plan is not None and self.plan.emprunt > 0:
            points.append(f"d'autoriser {executif} à contracter un emprunt de {euros(self.plan.emprunt, 0)} au plus")
        marches = self._marches()
        objets = self._objets_premiere_seance()
        if marches and (objets is None or "autorisation_marche" in objets):
            points.append(f"d'autoriser {executif} à lancer les consultations et à signer les marchés "
                          f"({', '.join(m[0] for m in marches)}), s'il n'a pas reçu délégation pour le faire")
        points.append(f"d'autoriser {executif} à signer tout document relatif à cette opération")
        texte = (f"Il est proposé à {organe}{quand} :\n" + "\n".join(f"- {p} ;" for p in points[:-1])
                 + f"\n- {points[-1]}.")
        suivantes = [f"{date_fr(s['date'])} ({' ; '.join(s['decisions'])})" for s in seances[1:]]
        if suivantes:
            texte += "\nSéances suivantes prévues au planning : " + " ; ".join(suivantes) + "."
        texte += "\nLe projet de délibération est joint en annexe."
        return texte.replace("proposé à le ", "proposé au ").replace("proposé à les ", "proposé aux ")

    def _intitule(self) -> str:
        objet = nettoyer_texte(self.objet, 300)
        return objet.split(" : ")[0] if objet else "[À compléter : l'intitulé du projet]"

    def a_completer(self) -> list[str]:
        """Les rubriques encore vides ou qui contiennent un repère « [À compléter : ...] ».

        Le calendrier compte comme rempli dès qu'un planning le donne ; la concertation attend toujours
        le texte de l'apprenant (ce qui en est ressorti), même quand les obligations sont connues.
        """
        manquantes = []
        for nom in ("destinataire", "objet", "auteur", "date", *(n for n, _ in RUBRIQUES)):
            valeur = getattr(self, nom)
            if nom == "plan_de_financement":
                vide = not lignes_financement(valeur) or _cout(self.cout) is None
            elif nom == "calendrier" and self.planning is not None and _est_vide(valeur):
                vide = False
            else:
                vide = _est_vide(valeur) or _OUVERTURE in str(valeur)
            if vide:
                manquantes.append(nom)
        return manquantes

    def avertissements(self) -> list[str]:
        """Ce qu'il faut revoir avant de diffuser la note (plan déséquilibré, parties non construites,
        rubriques à compléter).

        >>> from mba_territoires.formats import texte_brut
        >>> print(texte_brut(NoteAuxElus(cout=100, plan_de_financement=[("DETR", 30)]).avertissements()[0]))
        Le plan de financement ne s'équilibre pas : les recettes (30 €) sont inférieures au coût (100 €) de 70 €.
        """
        messages = []
        ecart = self.ecart()
        if ecart is not None and abs(ecart) > TOLERANCE_EQUILIBRE:
            sens = "inférieures" if ecart < 0 else "supérieures"
            messages.append(
                f"Le plan de financement ne s'équilibre pas : les recettes ({euros(self.total_recettes(), 0)}) "
                f"sont {sens} au coût ({euros(_cout(self.cout) or 0, 0)}) de {euros(abs(ecart), 0)}."
            )
        for partie in self.problemes:
            messages.append(f"{_NOMS_PARTIES.get(partie, partie)} : partie non construite, voir l'encadré.")
        longueur = sum(len(_MOTIF_A_COMPLETER.sub("", "".join(self._redige(nom))))
                       for nom, _ in RUBRIQUES if nom != "plan_de_financement")
        if longueur > LONGUEUR_NOTE:
            messages.append(f"La note compte {nombre(longueur)} caractères : au-delà d'environ "
                            f"{nombre(LONGUEUR_NOTE)}, elle dépasse deux pages ; resserrez le contexte et les risques.")
        manquantes = self.a_completer()
        if manquantes:
            noms = dict(RUBRIQUES) | {"destinataire": "Destinataire", "objet": "Objet", "auteur": "Auteur",
                                      "date": "Date"}
            messages.append("Rubriques à compléter : " + ", ".join(noms[n] for n in manquantes) + ".")
        return messages

    def texte_alternatif(self) -> str:
        """La description du graphique pour les lecteurs d'écran (texte alternatif de l'image).

        >>> from mba_territoires.formats import texte_brut
        >>> print(texte_brut(NoteAuxElus(plan_de_financement=[("DETR", 300), ("Commune", 700)]).texte_alternatif()))
        Diagramme en barres des recettes du projet : DETR 300 € (30,0 %) ; Commune 700 € (70,0 %).
        """
        lignes = self.lignes()
        if not lignes:
            return "Diagramme vide : le plan de financement reste à compléter."
        morceaux = [f"{ligne.financeur} {euros(ligne.montant, 0)}"
                    + (f" ({pourcentage(ligne.part)})" if ligne.part is not None else "") for ligne in lignes]
        return "Diagramme en barres des recettes du projet : " + " ; ".join(morceaux) + "."

    def lecture(self) -> str:
        """La phrase « Lecture : ... » sous le graphique.

        >>> from mba_territoires.formats import texte_brut
        >>> print(texte_brut(NoteAuxElus(plan_de_financement=[("DETR", 300), ("Commune", 700)]).lecture()))
        Lecture : le premier financeur est « Commune » avec 700 €, soit 70,0 % des recettes.
        """
        lignes = self.lignes()
        if not lignes:
            return "Lecture : le plan de financement reste à compléter."
        premier = max(lignes, key=lambda ligne: ligne.montant)
        part = f", soit {pourcentage(premier.part)} des recettes" if premier.part is not None else ""
        return f"Lecture : le premier financeur est « {premier.financeur} » avec {euros(premier.montant, 0)}{part}."

    # --- le contenu, commun à tous les formats --------------------------------------------------

    def _redige(self, nom: str) -> list[str] | str:
        """Le texte rédigé d'une rubrique : liste pour objectifs, risques et calendrier, sinon un texte."""
        valeur = getattr(self, nom)
        if nom in ("objectifs", "risques", "calendrier"):
            return _liste(valeur, CONSIGNES[nom])
        if nom == "plan_de_financement":
            return ""
        return nettoyer_texte(valeur) or a_completer(CONSIGNES[nom])

    def _entete(self) -> tuple[tuple[str, str], ...]:
        date = _date(self.date)
        return (
            ("À", nettoyer_texte(self.destinataire, 300) or a_completer(CONSIGNES["destinataire"])),
            ("De", nettoyer_texte(self.auteur, 300) or a_completer(CONSIGNES["auteur"])),
            ("Date", date_fr(date) if date else a_completer(CONSIGNES["date"])),
            ("Objet", nettoyer_texte(self.objet, 300) or a_completer(CONSIGNES["objet"])),
        )

    def _encadre(self, partie: str, titre: str) -> list[ElementNote]:
        if partie in self.problemes:
            return [EncadreNote(titre, nettoyer_texte(self.problemes[partie]))]
        return []

    def _paragraphes(self, texte: str) -> list[ElementNote]:
        return [ParagrapheNote(p) for p in texte.split("\n\n") if p.strip()]

    def _rubrique_financement(self) -> list[ElementNote]:
        elements: list[ElementNote] = []
        cout = _cout(self.cout)
        if cout is None:
            elements.append(ParagrapheNote("Coût total estimé : "
                                           + a_completer("le coût total du projet, en euros HT")))
        elif self.plan is not None:
            p = self.plan
            elements.append(ParagrapheNote(f"Coût total estimé : {euros(p.cout_ht, 0)} HT, soit {euros(p.cout_ttc, 0)} "
                                           f"TTC (TVA : {euros(p.cout_tva, 0)})."))
        else:
            elements.append(ParagrapheNote(f"Coût total estimé : {euros(cout, 0)} HT ; TTC : "
                                           + a_completer("le coût TTC (donnez un PlanDeFinancement à la note : "
                                                         "il calcule la TVA et le FCTVA)")))
        elements += self._encadre("plan", "Plan de financement du cas non construit")
        lignes = self.lignes()
        if not lignes:
            elements.append(ParagrapheNote(a_completer(CONSIGNES["plan_de_financement"])))
            return elements
        rangees = tuple((ligne.financeur, euros(ligne.montant, 0),
                         pourcentage(ligne.part) if ligne.part is not None else "–") for ligne in lignes)
        total = self.total_recettes()
        part_totale = total / cout if cout else (1.0 if total else 0.0)
        elements.append(TableauNote("Plan de financement prévisionnel (euros HT)",
                                    ("Financeur", "Montant (HT)", "Part"), rangees,
                                    ("Total", euros(total, 0), pourcentage(part_totale)), (1, 2)))
        elements.append(FigureNote(tuple(lignes), self.texte_alternatif(), self.lecture()))
        if self.plan is not None:
            verdicts = list(self.plan.verifier())
            fautifs = [v for v in verdicts if getattr(v, "applicable", True) and not v.respectee]
            if fautifs:
                elements.append(PucesNote(tuple(
                    f"Règle non respectée — {v.intitule} : {v.constat}" + (f" ({v.conseil})" if v.conseil else "")
                    for v in fautifs)))
            else:
                appliquees = [v for v in verdicts if getattr(v, "applicable", True)]
                doutes = [v.intitule for v in appliquees if getattr(v, "a_verifier", False)]
                elements.append(ParagrapheNote(
                    f"Règles de cofinancement : les {len(appliquees)} règles vérifiées par le paquet sont respectées."
                    + (f" Chiffre à vérifier pour : {' ; '.join(doutes)}." if doutes else "")))
        return elements

    def _rubrique_budget(self) -> list[ElementNote]:
        if self.plan is None:
            raison = self.problemes.get("plan") or (
                "la note n'a pas de PlanDeFinancement : sans les dépenses TTC, ni le FCTVA ni le coût net ne se "
                "calculent.\nConseil : passez votre plan à la note (NoteAuxElus.depuis_cas(cas, plan=plan)).")
            return [EncadreNote("FCTVA et coût net non calculés", nettoyer_texte(raison))]
        p = self.plan
        f = p.fctva()
        elements: list[ElementNote] = []
        if f.montant > 0:
            versements = " ; ".join(f"{euros(m, 0)} en {a}" for a, m in sorted(f.versements.items()))
            elements.append(ParagrapheNote(
                f"FCTVA attendu : {euros(f.montant, 0)} ({pourcentage(f.taux, 3)} de {euros(f.assiette_ttc, 0)} TTC "
                f"éligibles), versé {'en ' + str(f.annees[0]) if len(f.annees) == 1 else 'ainsi : ' + versements} "
                f"(régime {f.regime} : la collectivité avance la TVA et la récupère en partie plus tard)."
                + (" Chiffre à vérifier." if f.a_verifier else "")))
        else:
            elements.append(ParagrapheNote("Pas de FCTVA attendu : aucune dépense du plan n'y est éligible (par "
                                           "exemple une TVA récupérée par un budget annexe assujetti)."))
        apports = self._apports_exterieurs() or 0.0
        net = self.cout_net() or 0.0
        elements.append(TableauNote(
            "Coût net pour le maître d'ouvrage (euros)", ("Poste", "Montant"),
            (("Coût TTC de l'opération", euros(p.cout_ttc, 0)),
             ("− Subventions et participations", euros(apports, 0)),
             ("− FCTVA attendu", euros(f.montant, 0))),
            ("Coût net pour le maître d'ouvrage", euros(net, 0)), (1,)))
        if p.emprunt > 0:
            elements.append(ParagrapheNote(
                f"Part du maître d'ouvrage (HT) : {euros(p.autofinancement, 0)}, dont un emprunt de "
                f"{euros(p.emprunt, 0)} et {euros(p.fonds_propres, 0)} de fonds propres ; la TVA est avancée sur "
                "la trésorerie jusqu'au versement du FCTVA."))
        else:
            elements.append(ParagrapheNote(
                f"Part du maître d'ouvrage (HT) : {euros(p.autofinancement, 0)}, sans emprunt (fonds propres) ; "
                "la TVA est avancée sur la trésorerie jusqu'au versement du FCTVA."))
        if self.situation is None:
            raison = self.problemes.get("situation") or (
                "la note n'a pas la situation financière du maître d'ouvrage.\nConseil : passez "
                "situation=mt.SituationFinanciere(...) à la note.")
            elements.append(EncadreNote("Effet sur le budget non calculé", nettoyer_texte(raison)))
            return elements
        elements += self._impact_budgetaire()
        return elements

    def _impact_budgetaire(self) -> list[ElementNote]:
        from . import emprunt_du_plan, impact_budgetaire

        p = self.plan
        emprunt = emprunt_du_plan(p, duree=DUREE_EMPRUNT) if p.emprunt > 0 else None
        impact = impact_budgetaire(self.situation, emprunt, economies_annuelles=self.economies_annuelles)
        elements: list[ElementNote] = []
        if emprunt is not None:
            elements.append(ParagrapheNote(
                f"Hypothèse d'emprunt : {euros(emprunt.capital, 0)} sur {emprunt.duree} ans à "
                f"{pourcentage(emprunt.taux, 2)} (taux moyen de l'année, à confirmer par les offres des banques), "
                f"annuité de {euros(emprunt.annuite(), 0)} à partir de {emprunt.annee}."))

        def annees(s: Any) -> str:
            cd = s.capacite_desendettement
            return "non calculable (épargne brute nulle)" if cd is None else f"{nombre(cd, 1)} ans"

        a, b = impact.avant, impact.apres
        elements.append(TableauNote(
            f"Effet sur le budget du maître d'ouvrage en {impact.annee} (euros)", ("Indicateur", "Avant", "Après"),
            (("Épargne brute", euros(a.epargne_brute, 0), euros(b.epargne_brute, 0)),
             ("Épargne nette", euros(a.epargne_nette, 0), euros(b.epargne_nette, 0)),
             ("Encours de la dette", euros(a.encours_dette, 0), euros(b.encours_dette, 0)),
             ("Capacité de désendettement", annees(a), annees(b))), None, (1, 2)))
        constats = [f"{v.intitule} après le projet : {v.constat}" for v in impact.verdicts_apres]
        if self.economies_annuelles:
            constats.insert(0, f"Économies de fonctionnement attendues : {euros(self.economies_annuelles, 0)} par an.")
        if constats:
            elements.append(PucesNote(tuple(constats)))
        return elements

    def _rubrique_calendrier(self) -> list[ElementNote]:
        elements: list[ElementNote] = []
        if self.planning is not None:
            o = self.planning.ordonnancer()
            taches = sorted(o.taches, key=lambda t: (t.debut_tot, t.fin_tot))
            rangees = [(t.nom, date_fr(t.date_debut),
                        "jalon" if t.tache.duree_jours == 0 else date_fr(t.date_fin)) for t in taches]
            if len(rangees) > ELEMENTS_MAX + 5:
                reste = len(rangees) - ELEMENTS_MAX
                rangees = [*rangees[:ELEMENTS_MAX], (f"… et {reste} autres étapes (voir le planning)", "", "")]
            elements.append(ParagrapheNote(f"Durée totale : {nombre(o.duree_totale)} jours, du "
                                           f"{date_fr(self.planning.debut)} au {date_fr(o.fin)} (dates au plus tôt "
                                           "calculées par le planning)."))
            elements.append(TableauNote("Calendrier prévisionnel", ("Étape", "Début", "Fin"),
                                        tuple(rangees)))
            seances = self.deliberations()
            if seances:
                elements.append(PucesNote(tuple(
                    f"{_majuscule(self._organe())}, {date_fr(s['date'])} : " + " ; ".join(s["decisions"])
                    for s in seances)))
            alertes = [a for a in self.planning.alertes() if a.niveau not in ("conforme", "information")]
            if alertes:
                elements.append(PucesNote(tuple(f"À surveiller — {a.objet} : {a.constat}" for a in alertes)))
        else:
            elements += self._encadre("planning", "Calendrier non calculé")
        if self.planning is None or not _est_vide(self.calendrier):
            elements.append(PucesNote(tuple(self._redige("calendrier"))))
        return elements

    def _marches(self) -> list[tuple[str, str, str, str]]:
        """Les marchés du planning : (objet, valeur estimée, procédure, date de lancement)."""
        if self.planning is None or not getattr(self.planning, "marches", None):
            return []
        o = self.planning.ordonnancer()
        lignes = []
        for m in self.planning.marches:
            lancement = o.tache(m.tache).date_debut if m.tache else self.planning.debut
            besoin = m.besoin()
            procedure = besoin.procedure(lancement)
            libelle = procedure.libelle + (" (seuil à vérifier)" if procedure.a_verifier else "")
            lignes.append((m.objet, euros(besoin.valeur_ht, 0), libelle, date_fr(lancement)))
        return lignes

    def _rubrique_obligations(self) -> list[ElementNote]:
        elements: list[ElementNote] = []
        marches = self._marches()
        if marches:
            elements.append(TableauNote("Marchés publics à passer (valeur estimée du besoin, euros HT)",
                                        ("Marché", "Valeur estimée", "Procédure", "Lancement"),
                                        tuple(marches), None, (1,)))
        elif self.planning is not None:
            elements.append(ParagrapheNote("Marchés publics : le planning n'en décrit aucun ; "
                                           + a_completer("les marchés à passer et leur procédure")))
        if self.obligations is not None:
            obligatoires = self.obligations.obligatoires()
            if obligatoires:
                elements.append(PucesNote(tuple(
                    f"Obligatoire — {p.nom} ({p.articles} ; durée : {p.duree})"
                    + (", chiffre à vérifier" if p.a_verifier else "") for p in obligatoires)))
            else:
                elements.append(ParagrapheNote("Aucune procédure de participation du public n'est obligatoire pour "
                                               "ce projet ; une concertation volontaire reste possible."))
            autres = [p for p in self.obligations.procedures if p.statut in ("possible", "incertain")]
            if autres:
                elements.append(PucesNote(tuple(
                    f"{_majuscule(p.statut)} — {p.nom} : {p.motif} ({p.articles})"
                    + (", chiffre à vérifier" if p.a_verifier else "") for p in autres)))
        else:
            elements += self._encadre("obligations", "Obligations de concertation non déterminées")
        elements += self._paragraphes(self._redige("concertation"))  # type: ignore[arg-type]
        return elements

    def _rubrique_risques(self) -> list[ElementNote]:
        elements: list[ElementNote] = list(self._encadre("risques", "Registre des risques non lu"))
        elements.append(PucesNote(tuple(self._redige("risques"))))
        return elements

    def _rubrique_decision(self) -> list[ElementNote]:
        texte = str(self._redige("decision_demandee"))
        paragraphes: list[ElementNote] = []
        lignes = texte.split("\n")
        puces = [ligne[2:] for ligne in lignes if ligne.startswith("- ")]
        if puces and len(puces) >= 2:
            avant = [ligne for ligne in lignes if not ligne.startswith("- ")]
            paragraphes.append(ParagrapheNote(avant[0]))
            paragraphes.append(PucesNote(tuple(puces)))
            paragraphes += [ParagrapheNote(t) for t in avant[1:]]
            return paragraphes
        return self._paragraphes(texte)

    def contenu(self) -> ContenuNote:
        """Le contenu complet de la note, prêt à écrire par un rédacteur (Markdown, HTML, Word).

        >>> c = NoteAuxElus.depuis_cas("cour-oasis").contenu()
        >>> [r.titre for r in c.rubriques][3:5]
        ['FCTVA, coût net et effet sur le budget', 'Calendrier']
        >>> c.elements(EncadreNote)
        []
        """
        corps: dict[str, list[ElementNote]] = {
            "contexte": self._paragraphes(self._redige("contexte")),  # type: ignore[arg-type]
            "objectifs": [PucesNote(tuple(self._redige("objectifs")))],
            "plan_de_financement": self._rubrique_financement(),
            "budget": self._rubrique_budget(),
            "calendrier": self._rubrique_calendrier(),
            "concertation": self._rubrique_obligations(),
            "risques": self._rubrique_risques(),
            "decision_demandee": self._rubrique_decision(),
        }
        ordre = ["contexte", "objectifs", "plan_de_financement", "budget", "calendrier", "concertation", "risques",
                 "decision_demandee"]
        rubriques = tuple(RubriqueNote(i, titre, tuple(corps[nom]))
                          for i, (nom, titre) in enumerate(zip(ordre, TITRES, strict=True), start=1))
        proprietes = (("titre", (nettoyer_texte(self.objet, 10_000) or "Note aux élus").replace("\n", " ")[:250]),
                      ("auteur", (nettoyer_texte(self.auteur, 10_000) or "mba-territoires").replace("\n", " ")[:250]))
        return ContenuNote("Note aux élus", self._entete(), tuple(self.avertissements()), rubriques,
                           self.projet_de_deliberation(), nettoyer_texte(self.mention, 300), proprietes)

    # --- le projet de délibération ------------------------------------------------------------------

    def projet_de_deliberation(self) -> ProjetDeliberation:
        """Le projet de délibération à joindre à la note : visas du CGCT, considérants et articles.

        >>> d = NoteAuxElus.depuis_cas("ecole-jules-ferry").projet_de_deliberation()
        >>> d.assemblee
        'Conseil municipal de Saint-Exemple'
        >>> [a.split(" : ")[0] for a in d.articles][:3]
        ['Article 1', 'Article 2', 'Article 3']
        """
        organe, executif = self._organe(), self._executif()
        collectivite = nettoyer_texte(self.collectivite, 200) or a_completer("le nom de la collectivité")
        jour = self._date_seance()
        seance = "Séance du " + (date_fr(jour) if jour else a_completer("la date de la séance du conseil"))
        intitule = self._intitule()
        visas = [_VISAS_COMPETENCE.get(self.type_collectivite, _VISAS_COMPETENCE["commune"])]
        visas.append("Vu le code général des collectivités territoriales, notamment son article L1111-10 "
                     "(participation minimale du maître d'ouvrage aux opérations d'investissement)")
        publics, prives = self._financeurs()
        noms = " ".join(publics).upper()
        if "DETR" in noms:
            visas.append("Vu les articles L2334-32 à L2334-39 et R2334-19 à R2334-35 du code général des "
                         "collectivités territoriales relatifs à la dotation d'équipement des territoires ruraux")
        if "DSIL" in noms:
            visas.append("Vu l'article L2334-42 du code général des collectivités territoriales relatif à la "
                         "dotation de soutien à l'investissement local")
        if self._marches():
            visas.append("Vu le code de la commande publique")
        visas.append("Vu le budget de l'exercice en cours")
        considerants = [f"Considérant que le projet « {intitule} » répond aux objectifs exposés dans la note "
                        "de présentation jointe"]
        if self.plan is not None:
            considerants.append(f"Considérant que le coût prévisionnel de l'opération s'élève à "
                                f"{euros(self.plan.cout_ht, 0)} HT, soit {euros(self.plan.cout_ttc, 0)} TTC")
        elif self.cout:
            considerants.append("Considérant que le coût prévisionnel de l'opération s'élève à "
                                f"{euros(self.cout, 0)} HT")
        lignes = self.lignes()
        if lignes:
            considerants.append("Considérant que l'opération peut être financée selon le plan de financement "
                                "prévisionnel présenté à l'article 2")
        if publics:
            considerants.append("Considérant qu'aucune subvention ne peut être accordée pour une opération dont "
                                "l'exécution a commencé avant la réception de la demande, et qu'il convient donc de "
                                "déposer les dossiers avant tout commencement d'exécution")
        articles = [f"Article 1 : {_majuscule(organe)} approuve le projet « {intitule} »"
                    + (f" pour un coût prévisionnel de {euros(self.cout, 0)} HT" if self.cout else "") + "."]
        if lignes:
            detail = " ; ".join(f"{ligne.financeur} : {euros(ligne.montant, 0)}"
                                + (f" ({pourcentage(ligne.part)})" if ligne.part is not None else "")
                                for ligne in lignes)
            articles.append(f"Article 2 : {_majuscule(organe)} approuve le plan de financement prévisionnel "
                            f"suivant (euros HT) : {detail}.")
        else:
            articles.append(f"Article 2 : {_majuscule(organe)} approuve le plan de financement prévisionnel : "
                            + a_completer("les lignes du plan de financement") + ".")
        numero = 3
        if publics:
            articles.append(f"Article {numero} : {_majuscule(organe)} sollicite les subventions de : "
                            f"{', '.join(publics)}, et autorise {executif} à déposer les dossiers de demande.")
            numero += 1
        if prives:
            articles.append(f"Article {numero} : {_majuscule(organe)} autorise {executif} à signer les conventions "
                            f"de financement avec : {', '.join(prives)}.")
            numero += 1
        if self.plan is not None and self.plan.emprunt > 0:
            articles.append(f"Article {numero} : {_majuscule(organe)} autorise {executif} à négocier et contracter "
                            f"un emprunt d'un montant de {euros(self.plan.emprunt, 0)} au plus.")
            numero += 1
        marches = self._marches()
        objets = self._objets_premiere_seance()
        if marches and (objets is None or "autorisation_marche" in objets):
            delegation = ("CGCT L2122-22, 4°" if self.type_collectivite == "commune" else "CGCT L5211-10")
            articles.append(f"Article {numero} : {_majuscule(organe)} autorise {executif} à lancer les consultations "
                            f"et à signer les marchés suivants, si ce pouvoir ne lui a pas été délégué "
                            f"({delegation}) : " + " ; ".join(f"{m[0]} ({m[2]})" for m in marches) + ".")
            numero += 1
        articles.append(f"Article {numero} : Les crédits nécessaires sont inscrits au budget, section "
                        "d'investissement.")
        numero += 1
        articles.append(f"Article {numero} : {_majuscule(executif)} est chargé de l'exécution de la présente "
                        "délibération et autorisé à signer tout document relatif à cette opération.")
        assemblee = _majuscule(re.sub(r"^(le |la |l'|l’)", "", organe))
        if " de " not in assemblee and " du " not in assemblee:
            assemblee = f"{assemblee} — {collectivite}"
        return ProjetDeliberation(
            assemblee=assemblee, seance=seance,
            objet=f"{intitule} : approbation du projet et du plan de financement, demandes de subvention",
            visas=tuple(v + " ;" for v in visas), considerants=tuple(c + " ;" for c in considerants),
            formule=f"{_majuscule(organe)}, après en avoir délibéré, décide :", articles=tuple(articles),
            mention="Projet de délibération préparé avec la note : à relire par le secrétariat général (visas, "
            "délégations en vigueur, crédits) avant l'inscription à l'ordre du jour.")

    # --- vues -------------------------------------------------------------------------------------

    def graphique(self) -> Figure:
        """Le graphique des recettes (barres horizontales, palette d'Okabe-Ito), sous forme de Figure."""
        from .affichage.graphiques_note import graphique_recettes

        return graphique_recettes(self.lignes())

    def markdown(self, image: str | Path | None = None, niveau: int = 1) -> str:
        """La note en Markdown (pour le livre ou un courriel) ; tout texte saisi y est échappé.

        ``image`` : chemin où enregistrer le graphique en PNG ; il est alors inséré dans la note.
        ``niveau`` : le niveau du titre principal (1 pour « # »). Voir :meth:`exporter_markdown`.

        >>> md = NoteAuxElus(objet="Cour <oasis> & {{ jardin }}").markdown()
        >>> "Cour &lt;oasis&gt; &amp; \\\\{\\\\{ jardin \\\\}\\\\}" in md
        True
        """
        return self.exporter_markdown(None, image=image, niveau=niveau)

    def exporter_markdown(self, chemin: str | Path | None = None, *, image: str | Path | None = None,
                          niveau: int = 1) -> str:
        """Le texte Markdown de la note ; avec ``chemin``, il est aussi enregistré dans ce fichier (.md).

        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "note.md"
        >>> NoteAuxElus(objet="Cour oasis").exporter_markdown(f).startswith("# Note aux élus")
        True
        >>> f.read_text(encoding="utf-8").startswith("# Note aux élus")
        True
        """
        from .affichage.note_markdown import ecrire_markdown

        texte = ecrire_markdown(self.contenu(), image=image, niveau=niveau)
        if chemin is not None:
            chemin = Path(chemin)
            if not chemin.parent.exists():
                raise ErreurSaisie(f"le dossier « {chemin.parent} » n'existe pas",
                                   conseil="créez le dossier ou enregistrez la note dans le dossier courant")
            chemin.write_text(texte, encoding="utf-8")
        return texte

    def html(self, graphique: bool = True) -> str:
        """La note en HTML (fragment autonome) ; tout texte saisi y est échappé.

        >>> "&lt;script&gt;" in NoteAuxElus(contexte="<script>alert(1)</script>").html(graphique=False)
        True
        """
        return self._repr_html_(graphique=graphique)

    def _repr_html_(self, graphique: bool = True) -> str:
        from .affichage.note_html import ecrire_html

        return ecrire_html(self.contenu(), graphique=graphique)

    def __repr__(self) -> str:
        objet = nettoyer_texte(self.objet, 300) or "sans objet"
        if len(objet) > 60:
            objet = objet[:59] + "…"
        return (f"NoteAuxElus({objet!r}, {len(lignes_financement(self.plan_de_financement))} financeur(s), "
                f"{len(self.a_completer())} rubrique(s) à compléter)")

    def exporter_word(self, chemin: str | Path) -> Path:
        """Enregistre la note au format Word (.docx) : titres, tableaux, graphique (avec son texte alternatif),
        encadrés et projet de délibération en annexe. Les repères « [À compléter : ...] » sont surlignés.

        >>> import tempfile, pathlib
        >>> dossier = pathlib.Path(tempfile.mkdtemp())
        >>> note = NoteAuxElus.depuis_cas("ecole-jules-ferry", plan=[("DETR", 276000), ("Commune", 644000)])
        >>> note.exporter_word(dossier / "note.docx").name
        'note.docx'
        """
        from .affichage.note_word import ecrire_docx

        chemin = Path(chemin)
        if chemin.suffix.lower() != ".docx":
            raise ErreurSaisie(f"le fichier « {chemin.name} » n'a pas l'extension .docx",
                               conseil="donnez un nom qui finit par .docx, par exemple note-elus.docx")
        if not chemin.parent.exists():
            raise ErreurSaisie(f"le dossier « {chemin.parent} » n'existe pas",
                               conseil="créez le dossier ou enregistrez la note dans le dossier courant")
        ecrire_docx(self.contenu(), chemin)
        return chemin


_NOMS_PARTIES = {"plan": "Plan de financement du cas", "planning": "Calendrier", "obligations": "Obligations de "
                 "concertation", "situation": "Effet sur le budget", "risques": "Registre des risques"}


# ---------------------------------------------------------------------------
# Lire un cas (seulement ce qui n'a pas de modèle : le contexte)
# ---------------------------------------------------------------------------

def _contexte(cas: Cas) -> str:
    t = cas.territoire
    genre = {"commune": "commune", "epci": "intercommunalité", "departement": "département",
             "region": "région", "syndicat": "syndicat"}.get(t.type, t.type)
    rural = " rurale" if t.rural and t.type == "commune" else ""
    phrase = f"{t.nom}, {genre}{rural} de {nombre(t.population)} habitants, {t.departement}, {t.region}."
    traits = [c.strip().rstrip(" .;") for c in t.caracteristiques if c.strip()]
    if traits:
        phrase += " " + traits[0][:1].upper() + " ; ".join(traits)[1:] + "."
    return f"{phrase}\n\n{cas.projet.description}"


def _risques(registre: Any) -> list[str] | None:
    """Les risques les plus critiques du registre, avec leur niveau et leur parade."""
    if registre is None or not len(registre):
        return None
    lignes = registre.tableau().to_dict("records")[:RISQUES_NOTE]
    return [f"{r['risque']} (risque {r['niveau']}, criticité {r['criticité']})"
            + (f" : {r['atténuation']}" if r.get("atténuation") else "")
            + (f" — suivi : {r['responsable']}" if r.get("responsable") else "") for r in lignes]
