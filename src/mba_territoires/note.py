"""La note aux élus : une ou deux pages qui disent le projet, son coût, son financement et la décision.

On part d'un cas (:meth:`NoteAuxElus.depuis_cas`) ou de ce qu'on a construit dans un carnet ;
ce que le cas ne dit pas encore apparaît en clair, « [À compléter : ...] », et l'apprenant
remplace ces rubriques par son propre texte. La note s'exporte en Word
(:meth:`~NoteAuxElus.exporter_word`), en Markdown (:meth:`~NoteAuxElus.markdown`) et s'affiche
en HTML dans le carnet, avec le tableau du plan de financement et un graphique des recettes.

Tout texte saisi est nettoyé (caractères de contrôle retirés, texte trop long tronqué et signalé)
puis échappé selon le format : rien de ce qu'on tape ne peut casser le document.

>>> note = NoteAuxElus.depuis_cas("ecole-jules-ferry", plan=[("DETR", 276000), ("Fonds vert", 276000),
...                                                         ("Commune", 368000)])
>>> note.objet
"Rénovation énergétique de l'école élémentaire Jules-Ferry : plan de financement et décision à prendre"
>>> [(l.financeur, round(l.part, 2)) for l in note.lignes()]
[('DETR', 0.3), ('Fonds vert', 0.3), ('Commune', 0.4)]
>>> note.decision_demandee = "Approuver le plan de financement et autoriser le maire à solliciter la DETR."
>>> "Décision demandée" in note.markdown()
True
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as _dt
import html
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from numbers import Real
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .erreurs import ErreurDonnees, ErreurMontant, ErreurSaisie, ErreurTaux
from .formats import date_fr, euros, nombre, pourcentage

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from .cas import Cas

__all__ = [
    "LONGUEUR_MAX",
    "LigneFinancement",
    "NoteAuxElus",
    "a_completer",
    "lignes_financement",
    "nettoyer_texte",
]

#: Nombre maximal de caractères d'une rubrique : au-delà, le texte est tronqué et la note le signale
#: (une note aux élus tient en deux pages, soit environ 6 000 caractères en tout).
LONGUEUR_MAX = 2500
#: Nombre maximal d'éléments d'une liste (objectifs, risques, étapes du calendrier).
ELEMENTS_MAX = 15
#: Longueur totale au-delà de laquelle la note dépasse en général deux pages (en caractères).
LONGUEUR_NOTE = 6000
#: Écart toléré entre le total des recettes et le coût, en euros (arrondis des parts).
TOLERANCE_EQUILIBRE = 1.0

_OUVERTURE = "[À compléter : "
_MOTIF_A_COMPLETER = re.compile(r"\[À compléter : [^\]]*\]")
# Caractères interdits en XML 1.0 (donc dans un .docx) et caractères de contrôle C0/C1, sauf \n.
_CONTROLES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

#: Les rubriques de la note, dans l'ordre : (attribut, titre).
RUBRIQUES: tuple[tuple[str, str], ...] = (
    ("contexte", "Contexte"),
    ("objectifs", "Objectifs"),
    ("plan_de_financement", "Coût et plan de financement"),
    ("calendrier", "Calendrier"),
    ("concertation", "Concertation"),
    ("risques", "Risques et parades"),
    ("decision_demandee", "Décision demandée"),
)

#: Ce que chaque rubrique doit dire, quand elle est vide.
_CONSIGNES: dict[str, str] = {
    "destinataire": "à qui s'adresse la note (ex. le maire et le bureau municipal)",
    "objet": "l'objet de la note en une ligne",
    "auteur": "votre nom et votre fonction",
    "date": "la date de la note",
    "contexte": "le territoire, le problème à résoudre et le projet, en cinq lignes",
    "objectifs": "deux ou trois objectifs mesurables",
    "plan_de_financement": "le plan de financement : une ligne par financeur, avec le montant et la part",
    "calendrier": "les grandes étapes et leurs dates : études, choix du maître d'œuvre, dépôt des demandes "
    "de subvention (avant tout commencement d'exécution), travaux, mise en service",
    "concertation": "qui a été associé, comment, ce qui en est ressorti et ce que cela a changé au projet",
    "risques": "les trois principaux risques (coût, délais, subventions, acceptabilité) et la parade prévue "
    "pour chacun",
    "decision_demandee": "la décision attendue des élus, par exemple : approuver le plan de financement "
    "prévisionnel et autoriser l'exécutif à solliciter les subventions",
}


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
    if isinstance(valeur, bool) or not isinstance(valeur, Real):
        if isinstance(valeur, str):
            texte = valeur.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace("€", "")
            try:
                return _montant(float(texte.replace(",", ".")), financeur)
            except ValueError:
                pass
        raise ErreurMontant(
            f"le montant de la ligne « {financeur} » vaut {valeur!r}, ce n'est pas un nombre",
            conseil="écrivez le montant en euros HT sans espace ni symbole, par exemple 276000",
        )
    v = float(valeur)
    if math.isnan(v) or math.isinf(v):
        raise ErreurMontant(f"le montant de la ligne « {financeur} » est vide (NaN) ou infini",
                            conseil="remplissez le montant en euros HT, par exemple 276000")
    if v < 0:
        raise ErreurMontant(f"le montant de la ligne « {financeur} » est négatif ({euros(v, 0)})",
                            conseil="une recette se saisit en montant positif, en euros HT")
    return v


def _part(valeur: object, financeur: str) -> float | None:
    if valeur is None:
        return None
    if isinstance(valeur, bool) or not isinstance(valeur, Real) or math.isnan(float(valeur)):
        raise ErreurTaux(f"la part de la ligne « {financeur} » vaut {valeur!r}, ce n'est pas un taux",
                         conseil="écrivez la part en décimales (0.30 pour 30 %), ou laissez-la vide : "
                         "la note la calcule")
    v = float(valeur)
    if not 0 <= v <= 1:
        conseil = "une part s'écrit entre 0 et 1 : 30 % s'écrit 0.30"
        if 1 < v <= 100:
            conseil += f" (vouliez-vous écrire {v / 100:.2f} ?)"
        raise ErreurTaux(f"la part de la ligne « {financeur} » vaut {v!r}, hors de [0 ; 1]", conseil=conseil)
    return v


@dataclass(frozen=True)
class LigneFinancement:
    """Une ligne du plan de financement telle que la note l'affiche.

    >>> LigneFinancement("DETR", 276000, 0.30)
    LigneFinancement(financeur='DETR', montant=276000.0, part=0.3)
    >>> LigneFinancement("DETR", "beaucoup")
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurMontant: le montant de la ligne « DETR » vaut 'beaucoup', ce n'est pas un nombre.
    Conseil : écrivez le montant en euros HT sans espace ni symbole, par exemple 276000.
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
    >>> lignes_financement([("Région", "12 000 €", 0.2)])[0].montant
    12000.0
    >>> lignes_financement([("DETR", 276000, 30)])
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurTaux: la part de la ligne « DETR » vaut 30.0, hors de [0 ; 1].
    Conseil : une part s'écrit entre 0 et 1 : 30 % s'écrit 0.30 (vouliez-vous écrire 0.30 ?).
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
# La note
# ---------------------------------------------------------------------------

def _date(valeur: object) -> _dt.date | None:
    if valeur is None or isinstance(valeur, _dt.date):
        return valeur.date() if isinstance(valeur, _dt.datetime) else valeur
    if isinstance(valeur, str):
        try:
            return _dt.date.fromisoformat(valeur.strip())
        except ValueError:
            pass
    raise ErreurSaisie(f"la date de la note vaut {valeur!r}, ce n'est pas une date",
                       conseil="écrivez datetime.date(2026, 3, 15) ou le texte '2026-03-15'")


def _cout(valeur: object) -> float | None:
    if valeur is None:
        return None
    return _montant(valeur, "coût total du projet")


@dataclass
class NoteAuxElus:
    """Une note aux élus, d'une ou deux pages, à relire et compléter avant de l'exporter.

    Chaque rubrique vide s'affiche « [À compléter : ...] ». On remplit une rubrique en lui affectant
    un texte (``note.concertation = "..."``) ou avec :meth:`modifier`, qui renvoie une nouvelle note.

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
    #: Le plan de financement : voir :func:`lignes_financement` pour les formes acceptées.
    plan_de_financement: Any = None
    #: Le calendrier : un texte, une liste d'étapes ou de couples (quand, quoi).
    calendrier: str | list[Any] | None = None
    #: La concertation menée ou prévue.
    concertation: str | None = None
    #: Les risques et leurs parades : un texte ou une liste.
    risques: str | list[Any] | None = None
    #: La décision attendue des élus.
    decision_demandee: str | None = None
    #: L'auteur de la note (nom et fonction).
    auteur: str | None = None
    #: La date de la note (``datetime.date`` ou « AAAA-MM-JJ »).
    date: _dt.date | str | None = None
    #: Une mention en bas de note (ex. « cas fictif »).
    mention: str | None = None
    #: Le cas d'où vient la note, s'il y en a un (son identifiant).
    cas: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.cout = _cout(self.cout)
        self.date = _date(self.date)
        self.plan_de_financement = lignes_financement(self.plan_de_financement)

    # --- construire ---------------------------------------------------------------------------

    @classmethod
    def depuis_cas(cls, cas: Cas | str, plan: object = None, **champs: Any) -> NoteAuxElus:
        """Une note préremplie avec ce que dit le cas ; le reste est marqué « [À compléter : ...] ».

        ``cas`` : un :class:`~mba_territoires.cas.Cas` chargé ou son identifiant ; ``plan`` : le plan de
        financement que vous avez construit (liste de lignes, tableau, ``PlanDeFinancement``) ; sinon
        celui de la section ``financement`` du cas, s'il y en a une. Les autres champs
        (``decision_demandee="..."``, ``auteur="..."``) remplacent ceux du cas.

        >>> note = NoteAuxElus.depuis_cas("ecole-jules-ferry", auteur="Camille Martin, chargée de mission")
        >>> note.destinataire
        'Le maire et les membres du bureau municipal'
        >>> note.cout
        920000.0
        >>> "decision_demandee" in note.a_completer()
        True
        """
        from .cas import charger

        if isinstance(cas, str):
            cas = charger(cas)
        inconnus = sorted(set(champs) - {f.name for f in dataclasses.fields(cls)})
        if inconnus:
            raise ErreurSaisie(
                f"la note n'a pas de rubrique « {inconnus[0]} »",
                conseil="rubriques possibles : " + ", ".join(f.name for f in dataclasses.fields(cls)),
            )
        valeurs: dict[str, Any] = {
            "destinataire": _destinataire(cas.maitre_ouvrage.type),
            "objet": f"{cas.projet.intitule} : plan de financement et décision à prendre",
            "contexte": _contexte(cas),
            "objectifs": list(cas.projet.objectifs) or None,
            "cout": cas.projet.cout_estime_ht,
            "plan_de_financement": plan if plan is not None else _plan_du_cas(cas),
            "calendrier": _calendrier_du_cas(cas),
            "concertation": _concertation_du_cas(cas),
            "risques": _risques_du_cas(cas),
            "mention": (f"Document pédagogique établi sur un cas fictif (mba-territoires, cas « {cas.slug} »)."
                        if cas.fictif else None),
            "cas": cas.slug,
        }
        valeurs.update(champs)
        return cls(**valeurs)

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

    def a_completer(self) -> list[str]:
        """Les rubriques encore vides ou qui contiennent un repère « [À compléter : ...] »."""
        manquantes = []
        for nom in ("destinataire", "objet", "auteur", "date", *(n for n, _ in RUBRIQUES)):
            valeur = getattr(self, nom)
            if nom == "plan_de_financement":
                vide = not lignes_financement(valeur) or _cout(self.cout) is None
            else:
                vide = _est_vide(valeur) or _OUVERTURE in str(valeur)
            if vide:
                manquantes.append(nom)
        return manquantes

    def avertissements(self) -> list[str]:
        """Ce qu'il faut revoir avant de diffuser la note (rubriques à compléter, plan déséquilibré).

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
        longueur = sum(len(_MOTIF_A_COMPLETER.sub("", "".join(self._contenu(nom))))
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

    # --- le contenu, commun à tous les formats --------------------------------------------------

    def _entete(self) -> list[tuple[str, str]]:
        date = _date(self.date)
        return [
            ("À", nettoyer_texte(self.destinataire, 300) or a_completer(_CONSIGNES["destinataire"])),
            ("De", nettoyer_texte(self.auteur, 300) or a_completer(_CONSIGNES["auteur"])),
            ("Date", date_fr(date) if date else a_completer(_CONSIGNES["date"])),
            ("Objet", nettoyer_texte(self.objet, 300) or a_completer(_CONSIGNES["objet"])),
        ]

    def _texte(self, nom: str) -> str:
        return nettoyer_texte(getattr(self, nom)) or a_completer(_CONSIGNES[nom])

    def _contenu(self, nom: str) -> list[str] | str:
        if nom in ("objectifs", "risques", "calendrier"):
            return _liste(getattr(self, nom), _CONSIGNES[nom])
        return self._texte(nom)

    def _cout_texte(self) -> str:
        cout = _cout(self.cout)
        if cout is None:
            return "Coût total estimé : " + a_completer("le coût total du projet, en euros HT")
        return f"Coût total estimé : {euros(cout, 0)} HT."

    def _tableau(self) -> list[tuple[str, str, str]]:
        lignes = self.lignes()
        rangees = [(ligne.financeur, euros(ligne.montant, 0), pourcentage(ligne.part) if ligne.part is not None
                    else "") for ligne in lignes]
        total = self.total_recettes()
        cout = _cout(self.cout)
        part_totale = total / cout if cout else (1.0 if total else 0.0)
        rangees.append(("Total", euros(total, 0), pourcentage(part_totale)))
        return rangees

    def _lecture(self) -> str:
        """La phrase « Lecture : ... » sous le graphique."""
        lignes = self.lignes()
        if not lignes:
            return "Lecture : le plan de financement reste à compléter."
        premier = max(lignes, key=lambda ligne: ligne.montant)
        part = f", soit {pourcentage(premier.part)} des recettes" if premier.part is not None else ""
        return f"Lecture : le premier financeur est « {premier.financeur} » avec {euros(premier.montant, 0)}{part}."

    # --- vues -------------------------------------------------------------------------------------

    def graphique(self) -> Figure:
        """Le graphique des recettes (barres horizontales, palette d'Okabe-Ito), sous forme de Figure."""
        from .affichage.graphiques_note import graphique_recettes

        return graphique_recettes(self.lignes())

    def _png(self) -> bytes:
        from .affichage.graphiques_note import figure_en_png

        return figure_en_png(self.graphique())

    def markdown(self, image: str | Path | None = None, niveau: int = 1) -> str:
        """La note en Markdown (pour le livre ou un courriel) ; tout texte saisi y est échappé.

        ``image`` : chemin où enregistrer le graphique en PNG ; il est alors inséré dans la note.
        ``niveau`` : le niveau du titre principal (1 pour « # »).

        >>> md = NoteAuxElus(objet="Cour <oasis> & {{ jardin }}").markdown()
        >>> "Cour &lt;oasis&gt; &amp; \\\\{\\\\{ jardin \\\\}\\\\}" in md
        True
        """
        dieses = "#" * max(1, min(niveau, 4))
        morceaux = [f"{dieses} Note aux élus", ""]
        avertissements = self.avertissements()
        if avertissements:
            morceaux += ["> **À revoir avant diffusion**", ">"]
            morceaux += [f"> - {_md(a)}" for a in avertissements]
            morceaux.append("")
        morceaux += [f"**{libelle} :** {_md_repere(_md(valeur))}  " for libelle, valeur in self._entete()]
        morceaux.append("")
        for numero, (nom, titre) in enumerate(RUBRIQUES, start=1):
            morceaux += [f"{dieses}# {numero}. {titre}", ""]
            if nom == "plan_de_financement":
                morceaux += [_md_repere(_md(self._cout_texte())), ""]
                if self.lignes():
                    morceaux += ["| Financeur | Montant (HT) | Part |", "|:--|--:|--:|"]
                    for financeur, montant, part in self._tableau():
                        cellule = _md(" ".join(financeur.split()))
                        if financeur == "Total":
                            morceaux.append(f"| **{cellule}** | **{montant}** | **{part}** |")
                        else:
                            morceaux.append(f"| {cellule} | {montant} | {part} |")
                    morceaux.append("")
                else:
                    morceaux += [_md_repere(_md(a_completer(_CONSIGNES["plan_de_financement"]))), ""]
                if image is not None:
                    chemin = Path(image)
                    chemin.parent.mkdir(parents=True, exist_ok=True)
                    chemin.write_bytes(self._png())
                    alt = _md(self.texte_alternatif()).replace("\n", " ")
                    morceaux += [f"![{alt}]({chemin.as_posix()})", "", f"*{_md(self._lecture())}*", ""]
                continue
            contenu = self._contenu(nom)
            if isinstance(contenu, list):
                morceaux += [f"- {_md_repere(_md(e)).replace(chr(10), ' ')}" for e in contenu]
            else:
                morceaux += "\n\n".join(_md_repere(_md(p)) for p in contenu.split("\n\n")).split("\n")
            morceaux.append("")
        if self.mention:
            morceaux.append(f"*{_md(nettoyer_texte(self.mention, 300))}*")
        return "\n".join(morceaux).rstrip() + "\n"

    def html(self, graphique: bool = True) -> str:
        """La note en HTML (fragment autonome) ; tout texte saisi y est échappé.

        >>> "&lt;script&gt;" in NoteAuxElus(contexte="<script>alert(1)</script>").html(graphique=False)
        True
        """
        h = []
        h.append('<article lang="fr" class="mt-note-elus" style="max-width:48em;overflow-wrap:anywhere;'
                 'word-break:break-word;line-height:1.4">')
        h.append("<h3>Note aux élus</h3>")
        avertissements = self.avertissements()
        if avertissements:
            h.append('<div role="note" style="border-left:4px solid #D55E00;padding:0.3em 0.8em;margin:0.5em 0">'
                     "<strong>À revoir avant diffusion</strong><ul>"
                     + "".join(f"<li>{html.escape(a)}</li>" for a in avertissements) + "</ul></div>")
        h.append("<dl style='display:grid;grid-template-columns:max-content 1fr;gap:0.1em 1em'>")
        for libelle, valeur in self._entete():
            h.append(f"<dt><strong>{html.escape(libelle)}</strong></dt><dd style='margin:0'>{_html(valeur)}</dd>")
        h.append("</dl>")
        for numero, (nom, titre) in enumerate(RUBRIQUES, start=1):
            h.append(f"<h4>{numero}. {html.escape(titre)}</h4>")
            if nom == "plan_de_financement":
                h.append(f"<p>{_html(self._cout_texte())}</p>")
                if self.lignes():
                    h.append(self._tableau_html())
                    if graphique:
                        donnees = base64.b64encode(self._png()).decode("ascii")
                        h.append(f'<figure style="margin:0.5em 0"><img src="data:image/png;base64,{donnees}" '
                                 f'alt="{html.escape(self.texte_alternatif(), quote=True)}" style="max-width:100%">'
                                 f"<figcaption><em>{html.escape(self._lecture())}</em></figcaption></figure>")
                else:
                    h.append(f"<p>{_html(a_completer(_CONSIGNES['plan_de_financement']))}</p>")
                continue
            contenu = self._contenu(nom)
            if isinstance(contenu, list):
                h.append("<ul>" + "".join(f"<li>{_html(e)}</li>" for e in contenu) + "</ul>")
            else:
                h.append("".join(f"<p>{_html(p)}</p>" for p in contenu.split("\n\n")))
        if self.mention:
            h.append(f"<p><small><em>{html.escape(nettoyer_texte(self.mention, 300))}</em></small></p>")
        h.append("</article>")
        return "\n".join(h)

    def _tableau_html(self) -> str:
        nombre_td = "<td style='text-align:right;padding:0.1em 0.6em'>"
        corps = []
        for financeur, montant, part in self._tableau():
            if financeur == "Total":
                corps.append(f"<tr><th scope='row'>Total</th>{nombre_td}<strong>{montant}</strong></td>"
                             f"{nombre_td}<strong>{part}</strong></td></tr>")
            else:
                corps.append(f"<tr><th scope='row' style='font-weight:normal;text-align:left'>"
                             f"{html.escape(financeur)}</th>{nombre_td}{montant}</td>{nombre_td}{part}</td></tr>")
        return ("<table style='border-collapse:collapse'><caption>Plan de financement prévisionnel (euros HT)"
                "</caption><thead><tr><th scope='col'>Financeur</th><th scope='col'>Montant (HT)</th>"
                "<th scope='col'>Part</th></tr></thead><tbody>" + "".join(corps) + "</tbody></table>")

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        objet = nettoyer_texte(self.objet, 300) or "sans objet"
        if len(objet) > 60:
            objet = objet[:59] + "…"
        return (f"NoteAuxElus({objet!r}, {len(lignes_financement(self.plan_de_financement))} financeur(s), "
                f"{len(self.a_completer())} rubrique(s) à compléter)")

    # --- export Word ----------------------------------------------------------------------------

    def exporter_word(self, chemin: str | Path) -> Path:
        """Enregistre la note au format Word (.docx) : titres, tableau du plan de financement et graphique
        (avec son texte alternatif). Les repères « [À compléter : ...] » sont surlignés en jaune.

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
        ecrire_docx(self, chemin)
        return chemin


# ---------------------------------------------------------------------------
# Échappement Markdown et HTML
# ---------------------------------------------------------------------------

def _md(texte: str) -> str:
    """Échappe un texte pour Markdown (MyST) : HTML neutralisé, ponctuation active précédée d'une barre
    oblique inverse, débuts de ligne qui feraient un titre ou une liste désamorcés."""
    texte = html.escape(texte, quote=False)
    texte = re.sub(r"([\\`*_{}\[\]|~$^])", r"\\\1", texte)
    lignes = []
    for ligne in texte.split("\n"):
        ligne = re.sub(r"^(\s*)([#+=-])", r"\1\\\2", ligne)
        ligne = re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", ligne)
        lignes.append(ligne)
    return "\n".join(lignes)


def _md_repere(texte_echappe: str) -> str:
    """Met en gras les repères « [À compléter : ...] » d'un texte déjà échappé."""
    return re.sub(r"\\\[À compléter : (.*?)\\\]", r"**\\[À compléter : \1\\]**", texte_echappe)


def _html(texte: str) -> str:
    """Échappe un texte pour HTML ; retours à la ligne conservés, repères surlignés."""
    echappe = html.escape(texte, quote=True).replace("\n", "<br>")
    return re.sub(r"\[À compléter : (.*?)\]",
                  r'<mark style="background:#F0E442">[À compléter : \1]</mark>', echappe)


# ---------------------------------------------------------------------------
# Lire un cas
# ---------------------------------------------------------------------------

_DESTINATAIRES = {
    "commune": "Le maire et les membres du bureau municipal",
    "epci": "Le président et les membres du bureau communautaire",
    "departement": "Le président et les membres de la commission permanente du conseil départemental",
    "region": "La présidence et les membres de la commission permanente du conseil régional",
    "syndicat": "Le président et les membres du bureau syndical",
}


def _destinataire(type_collectivite: str) -> str:
    return _DESTINATAIRES.get(type_collectivite, "L'exécutif de la collectivité")


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


def _en_dict(section: object) -> Any:
    """Une section du cas (modèle pydantic, dictionnaire, liste) en objets Python simples."""
    if section is None:
        return None
    if hasattr(section, "model_dump"):
        return section.model_dump(exclude_none=True)
    return section


def _plan_du_cas(cas: Cas) -> list[LigneFinancement]:
    """Le plan de la section ``financement`` du cas si elle en décrit un, sinon une liste vide."""
    section = getattr(cas, "financement", None)
    if section is None:
        return []
    for forme in (section, _en_dict(section)):
        try:
            if forme is section and not (hasattr(section, "tableau") or hasattr(section, "lignes")
                                         or hasattr(section, "recettes")):
                continue
            return lignes_financement(forme)
        except ErreurSaisie:
            continue
    return []


def _premier(dico: Mapping[str, Any], cles: tuple[str, ...]) -> Any:
    for cle in cles:
        if not _est_vide(dico.get(cle)):
            return dico[cle]
    return None


def _calendrier_du_cas(cas: Cas) -> list[str] | str:
    debut = f"Démarrage prévu en {cas.projet.annee_debut}."
    planning = _en_dict(getattr(cas, "planning", None))
    etapes: list[str] = []
    if isinstance(planning, Mapping):
        phases = _premier(planning, ("phases", "etapes", "jalons"))
        if isinstance(phases, list):
            for phase in phases:
                if isinstance(phase, Mapping):
                    nom = _premier(phase, ("nom", "intitule", "libelle", "phase"))
                    quand = _premier(phase, ("debut", "date", "annee", "echeance"))
                    duree = _premier(phase, ("duree_mois", "duree"))
                    if nom:
                        detail = [str(x) for x in (quand, f"{duree} mois" if duree else None) if x]
                        etapes.append(f"{nom}" + (f" ({', '.join(detail)})" if detail else ""))
                elif isinstance(phase, str):
                    etapes.append(phase)
    if etapes:
        return [debut, *etapes]
    return [debut, a_completer(_CONSIGNES["calendrier"])]


def _concertation_du_cas(cas: Cas) -> str | None:
    """Le cadre légal (module :mod:`~mba_territoires.concertation`), les démarches étudiées et les réserves
    connues des acteurs ; les résultats restent à rédiger. ``None`` si le cas n'en dit rien."""
    section = getattr(cas, "concertation", None)
    acteurs = getattr(cas, "acteurs", None) or []
    if section is None and not acteurs:
        return None
    morceaux: list[str] = []
    if section is not None:
        try:
            from .concertation import fiche_du_cas, obligations, strategies_du_cas

            verdict = obligations(fiche_du_cas(cas), annee=cas.annee)
            obligatoires = verdict.obligatoires()
            if obligatoires:
                morceaux.append("Obligations légales : " + " ; ".join(
                    f"{p.nom} ({p.articles} ; durée : {p.duree})" + (", chiffre à vérifier" if p.a_verifier else "")
                    for p in obligatoires) + ".")
            else:
                morceaux.append("Aucune procédure de participation du public n'est obligatoire pour ce projet ; "
                                "une concertation volontaire reste possible.")
            for p in verdict.procedures:
                if p.statut in ("possible", "incertain"):
                    morceaux.append(f"{p.nom} : {p.statut}. {p.motif[:1].upper()}{p.motif[1:]} ({p.articles})"
                                    + (", chiffre à vérifier." if p.a_verifier else "."))
            strategies = list(strategies_du_cas(cas))
            if strategies:
                morceaux.append("Démarches étudiées : " + ", ".join(f"« {nom} »" for nom in strategies) + ".")
        except (ImportError, AttributeError, TypeError, KeyError, ValueError):
            pass  # module en cours d'écriture ou section d'une autre forme : la rubrique reste à compléter
    reserves = [a for a in acteurs if getattr(a, "position", 0) < 0 and getattr(a, "nom", None)]
    if reserves:
        morceaux.append("Réserves connues : " + " ; ".join(
            a.nom + (f" ({a.attentes})" if getattr(a, "attentes", "") else "") for a in reserves) + ".")
    morceaux.append(a_completer("la démarche retenue, ce qui en est ressorti et ce que cela a changé au projet"))
    return "\n\n".join(morceaux)


def _risques_du_cas(cas: Cas) -> list[str] | None:
    section = _en_dict(getattr(cas, "risques", None))
    if isinstance(section, Mapping):
        section = _premier(section, ("risques", "registre", "liste"))
    if not isinstance(section, list):
        return None
    risques = []
    for risque in section:
        if isinstance(risque, Mapping):
            nom = _premier(risque, ("intitule", "libelle", "risque", "description", "nom"))
            parade = _premier(risque, ("parade", "mesure", "attenuation", "reponse", "traitement"))
            if nom:
                risques.append(f"{nom} : {parade}" if parade else str(nom))
        elif isinstance(risque, str):
            risques.append(risque)
    return risques or None
