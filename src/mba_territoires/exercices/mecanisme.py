"""Le moteur des exercices : une vérification renvoie un :class:`Retour` en français.

Trois issues possibles : ``juste``, ``faux`` (avec ce qui ne va pas et un indice, jamais la
solution) et ``vide`` (l'exercice n'a pas encore de réponse : ``reponse = ...``).

Le mode se règle par la variable d'environnement ``MBA_TERRITOIRES_EXERCICES`` :

- absente : on affiche le retour, rien de plus (l'usage de l'apprenant) ;
- ``solutions`` : toute vérification qui n'est pas « juste » lève :class:`ErreurExercice`
  (les tests exécutent l'édition enseignant ainsi : une solution fausse fait échouer la suite) ;
- ``etudiant`` : toute vérification qui n'est pas « vide » lève :class:`ErreurExercice`
  (l'édition étudiant doit s'exécuter sans aucune réponse).

Les retours connaissent l'unité de la réponse (``unite="jours"``, ``"personnes"``, ``"euros"``…) :

>>> r = comparer_montant(27_500, 27_504.6, tolerance=5)
>>> r.statut
'juste'
>>> comparer_montant(..., 27_504.6).statut
'vide'
>>> print(comparer_montant(275_046, 27_504.6).conseil)
votre réponse est environ 10 fois trop grande : vérifiez les zéros et l'unité (des euros, pas des dixièmes d'euro).
>>> print(comparer_nombre(450, 45, unite="jours").conseil)
votre réponse est environ 10 fois trop grande : vérifiez les zéros (la réponse se compte en jours).
>>> print(comparer_taux((0, 25), 0.25).message)
Python a lu « 0, 25 » comme deux nombres séparés par une virgule.
"""

from __future__ import annotations

import hashlib
import inspect
import math
import os
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from html import escape
from numbers import Integral, Real
from typing import Any, Literal

from ..erreurs import ErreurExercice
from ..formats import nombre

__all__ = [
    "ESSAIS_AVANT_REGLE",
    "MODES",
    "SONDE",
    "Exercice",
    "Retour",
    "comparer_choix",
    "comparer_montant",
    "comparer_nombre",
    "comparer_taux",
    "decimal_tape_avec_virgule",
    "empreinte",
    "est_vide",
    "faux",
    "juste",
    "mode",
    "normaliser",
    "scalaire_python",
    "vide",
]

Statut = Literal["juste", "faux", "vide"]
MODES = ("solutions", "etudiant")
VARIABLE_MODE = "MBA_TERRITOIRES_EXERCICES"
#: Après ce nombre d'essais faux, plus d'indication « trop grand / trop petit » : renvoi à la règle.
ESSAIS_AVANT_REGLE = 3


@dataclass(frozen=True)
class Retour:
    """Le retour d'une vérification, affiché sous la cellule de l'apprenant.

    ``attendu`` et ``genre`` sont internes : jamais affichés (ni ``str``, ni ``repr``, ni HTML).

    >>> r = Retour("faux", "votre réponse est trop grande.", attendu=42, genre="sens")
    >>> "42" in str(r) + repr(r) + r._repr_html_()
    False
    """

    #: ``juste``, ``faux`` ou ``vide`` (pas encore de réponse).
    statut: Statut
    #: Ce qui est juste ou ce qui ne va pas, en une ou deux phrases.
    message: str
    #: Un indice pour avancer, sans donner la solution.
    conseil: str = ""
    #: Identifiant de l'exercice vérifié (rempli par :class:`Exercice`).
    exercice: str = ""
    #: Titre de l'exercice (rempli par :class:`Exercice`).
    titre: str = ""
    #: La valeur attendue (interne : pour les tests de fuite et le bilan ; jamais affichée).
    attendu: Any = field(default=None, repr=False, compare=False)
    #: ``"sens"`` pour un indice de direction (trop grand, trop petit, proche), ``""`` sinon (erreur reconnue).
    genre: str = field(default="", repr=False, compare=False)

    @property
    def reussi(self) -> bool:
        """Vrai si la réponse est juste."""
        return self.statut == "juste"

    def __str__(self) -> str:
        tete = {"juste": "✔ Bravo", "faux": "✘ Pas encore", "vide": "… Pas encore de réponse"}[self.statut]
        titre = f" — {self.titre}" if self.titre else ""
        texte = f"{tete}{titre} : {self.message}"
        if self.conseil:
            texte += f"\nIndice : {self.conseil}"
        return texte

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        couleur = {"juste": "#1b7837", "faux": "#b2182b", "vide": "#5a5a5a"}[self.statut]
        tete = {"juste": "✔ Bravo", "faux": "✘ Pas encore", "vide": "… Pas encore de réponse"}[self.statut]
        titre = f" — {escape(self.titre)}" if self.titre else ""
        conseil = f"<br><strong>Indice :</strong> {escape(self.conseil)}" if self.conseil else ""
        role = "status" if self.statut != "faux" else "alert"
        return (f'<div role="{role}" class="mba-retour mba-retour-{self.statut}" '
                f'style="border-left:4px solid {couleur};padding:0.4em 0.8em;margin:0.3em 0;">'
                f"<strong style='color:{couleur}'>{tete}</strong>{titre} : {escape(self.message)}{conseil}</div>")


def juste(message: str = "c'est la bonne réponse.", *, attendu: Any = None) -> Retour:
    """Un retour « juste »."""
    return Retour("juste", message, attendu=attendu)


def faux(message: str, conseil: str = "", *, attendu: Any = None, genre: str = "") -> Retour:
    """Un retour « faux » : ce qui ne va pas et un indice (par défaut une erreur reconnue, répétée à chaque essai)."""
    return Retour("faux", message, conseil, attendu=attendu, genre=genre)


def vide(message: str = "remplacez les « ... » par votre réponse, puis exécutez à nouveau la cellule.",
         *, attendu: Any = None) -> Retour:
    """Un retour « pas encore de réponse »."""
    return Retour("vide", message, attendu=attendu)


class _Sonde:
    """La réponse « fantôme » avec laquelle :meth:`Banque.attendu` interroge une vérification."""

    def __repr__(self) -> str:
        return "<sonde>"


#: Passée comme réponse à une vérification, elle n'est ni vide, ni un nombre, ni un texte : la vérification
#: suit son chemin général (``comparer_…``) et renvoie un :class:`Retour` qui porte ``attendu``.
SONDE = _Sonde()


def est_vide(reponse: Any) -> bool:
    """Vrai si l'apprenant n'a pas encore répondu (``...``, ``None`` ou texte vide).

    >>> est_vide(...), est_vide(None), est_vide("  "), est_vide(0)
    (True, True, True, False)
    """
    if reponse is ... or reponse is None:
        return True
    return isinstance(reponse, str) and not reponse.strip()


def empreinte(valeur: Any) -> str:
    """L'empreinte d'une réponse attendue (pour comparer sans l'écrire en clair).

    Les textes sont mis en minuscules et débarrassés des espaces autour.

    >>> empreinte(" DETR ") == empreinte("detr")
    True
    """
    texte = str(valeur).strip().lower() if isinstance(valeur, str) else repr(valeur)
    return hashlib.sha256(texte.encode("utf-8")).hexdigest()[:16]


def normaliser(texte: Any) -> str:
    """Un texte comparable : sans accents, casse, espaces, tirets, soulignés ni apostrophes.

    Utilise ``saisie.normaliser`` quand ce module existe (une seule règle pour tout le paquet).

    >>> normaliser("  Procédure_adaptée ") == normaliser("procedure adaptee")
    True
    """
    try:
        from ..saisie import normaliser as _normaliser  # type: ignore[import-not-found]
    except ImportError:
        _normaliser = None
    if _normaliser is not None:
        try:
            return str(_normaliser(str(texte)))
        except Exception:
            pass
    decompose = unicodedata.normalize("NFKD", str(texte))
    sans_accents = "".join(c for c in decompose if not unicodedata.combining(c))
    return "".join(c for c in sans_accents.casefold() if c.isalnum() or c in "+%")


# --------------------------------------------------------------------------- nombres

#: Ce que l'on compte, au pluriel, pour l'indice d'ordre de grandeur.
_UNITES = {
    "€": "euros", "euro": "euros", "eur": "euros",
    "personne": "personnes", "habitant": "habitants", "jour": "jours", "menage": "ménages", "ménage": "ménages",
    "an": "années", "ans": "années", "annee": "années", "année": "années", "annees": "années",
    "mois": "mois", "kilometre": "km", "kilomètres": "km", "taux": "taux", "%": "taux", "pourcentage": "taux",
}


def _unite(unite: str | None) -> str:
    if not unite:
        return ""
    u = unite.strip()
    return _UNITES.get(u.lower(), u)


def decimal_tape_avec_virgule(reponse: Any) -> Retour | None:
    """Le tuple ``(0, 25)`` que Python lit quand on tape ``0,25`` sans guillemets : le retour qui l'explique.

    >>> decimal_tape_avec_virgule((0, 25)).statut, decimal_tape_avec_virgule(0.25)
    ('faux', None)
    """
    if (isinstance(reponse, tuple) and len(reponse) == 2
            and all(isinstance(x, Integral) and not isinstance(x, bool) for x in reponse) and int(reponse[1]) >= 0):
        a, b = (int(x) for x in reponse)
        return faux(f"Python a lu « {a}, {b} » comme deux nombres séparés par une virgule.",
                    f"en Python, la virgule décimale s'écrit avec un point : écrivez {a}.{b} (sans guillemets).")
    return None


def _nombre(reponse: Any) -> float | None:
    if isinstance(reponse, bool) or not isinstance(reponse, Real):
        return None
    v = float(reponse)
    return None if math.isnan(v) or math.isinf(v) else v


def _pas_un_nombre(reponse: Any, unite: str) -> Retour:
    tuple_lu = decimal_tape_avec_virgule(reponse)
    if tuple_lu is not None:
        return tuple_lu
    if isinstance(reponse, bool):
        return faux(f"la réponse doit être un nombre, pas {reponse!r} (un booléen).",
                    "écrivez le nombre calculé, sans guillemets.")
    if isinstance(reponse, Real) and math.isnan(float(reponse)):
        return faux("la réponse est vide (NaN) : le calcul n'a rien donné.",
                    "vérifiez que le tableau ou la colonne utilisés sont remplis.")
    if isinstance(reponse, str):
        exemple = "1500" if unite == "euros" else "0.25" if unite == "taux" else "45"
        conseil = f"écrivez un nombre sans guillemets, sans espace ni symbole, par exemple {exemple}"
        if "," in reponse:
            conseil += " (la virgule décimale s'écrit avec un point)"
        return faux(f"la réponse doit être un nombre, pas un texte ({reponse!r}).", conseil + ".")
    if isinstance(reponse, _Sonde):
        return faux("la réponse doit être un nombre.", "")
    return faux(f"la réponse doit être un nombre, pas {type(reponse).__name__} ({reponse!r}).",
                "écrivez un nombre sans guillemets, par exemple 1500.")


def _ordre_de_grandeur(v: float, attendu: float, unite: str) -> Retour | None:
    if not attendu or not v:
        return None
    rapport = v / attendu
    for facteur in (10, 100, 1000):
        for trop, r in (("grande", rapport), ("petite", 1 / rapport)):
            if abs(r - facteur) / facteur < 0.02:  # étroit : un indice qui ne sert pas à encadrer la réponse
                if unite == "euros":
                    pas = ("des euros, pas des " + {10: "dixièmes d'euro", 100: "centimes",
                                                     1000: "millièmes d'euro"}[facteur]) if trop == "grande" else \
                          ("des euros, pas des " + {10: "dizaines d'euros", 100: "centaines d'euros",
                                                     1000: "milliers d'euros"}[facteur])
                    precision = f"vérifiez les zéros et l'unité ({pas})"
                elif unite:
                    precision = f"vérifiez les zéros (la réponse se compte en {unite})"
                else:
                    precision = "vérifiez les zéros et l'unité"
                return faux("l'ordre de grandeur n'est pas le bon.",
                            f"votre réponse est environ {nombre(facteur)} fois trop {trop} : {precision}.")
    return None


def _mauvais_signe(v: float, attendu: float) -> Retour | None:
    if not attendu or not v or math.copysign(1, v) == math.copysign(1, attendu):
        return None
    if attendu < 0:
        return faux("le signe de votre réponse n'est pas le bon.",
                    "le résultat est négatif ici : gardez le signe « - » (une perte, un déficit, une valeur "
                    "actuelle nette négative se comptent en négatif).")
    return faux("le signe de votre réponse n'est pas le bon.",
                "ce résultat se compte ici en positif (une dépense, une recette ou un besoin).")


def _sens(v: float, attendu: float, unite: str, feminin: bool = True) -> Retour:
    e = "e" if feminin else ""
    sens = f"trop grand{e}" if v > attendu else f"trop petit{e}"
    if attendu and abs(v / attendu - 1) < 0.1:
        return faux(f"vous êtes proche, mais votre réponse est un peu {sens} (moins de 10 % d'écart).",
                    "vérifiez les arrondis et qu'aucune ligne n'a été oubliée ou comptée deux fois.", genre="sens")
    return faux(f"votre réponse est {sens}.",
                "reprenez le calcul pas à pas et comparez chaque étape à la règle citée plus haut.", genre="sens")


def comparer_nombre(reponse: Any, attendu: float, unite: str | None = None, tolerance: float = 0.0,
                    tolerance_relative: float = 0.0) -> Retour:
    """Compare un nombre (des personnes, des jours, des ménages, des euros…) à ``tolerance`` près.

    Les indices connaissent l'unité et le signe de l'attendu.

    >>> comparer_nombre(45, 45, unite="jours").statut
    'juste'
    >>> print(comparer_nombre(12, -12.5, tolerance=1).conseil.split(" (")[0])
    le résultat est négatif ici : gardez le signe « - »
    >>> print(comparer_nombre("45", 45, unite="jours").message)
    la réponse doit être un nombre, pas un texte ('45').
    """
    u = _unite(unite)
    if est_vide(reponse):
        return vide(attendu=attendu)
    v = _nombre(reponse)
    if v is None:
        return replace(_pas_un_nombre(reponse, u), attendu=attendu)
    ecart_admis = max(tolerance, abs(attendu) * tolerance_relative)
    if abs(v - attendu) <= ecart_admis + 1e-9:
        return juste(attendu=attendu)
    retour = _mauvais_signe(v, attendu) or _ordre_de_grandeur(v, attendu, u)
    if retour is None and u == "euros" and attendu:
        rapport = v / attendu
        if abs(rapport - 1.2) < 0.01:
            retour = faux("votre réponse est trop grande d'environ 20 %.",
                          "avez-vous compté la TVA ? Relisez si l'assiette est HT ou TTC.")
        elif abs(rapport - 1 / 1.2) < 0.01:
            retour = faux("votre réponse est trop petite d'environ un sixième.",
                          "avez-vous oublié la TVA ? Relisez si l'assiette est HT ou TTC.")
    if retour is None:
        retour = _sens(v, attendu, u) if attendu else faux("ce n'est pas la bonne réponse.",
                                                           "reprenez le calcul pas à pas.", genre="sens")
    return replace(retour, attendu=attendu)


def comparer_montant(reponse: Any, attendu: float, tolerance: float = 1.0,
                     tolerance_relative: float = 0.0, unite: str = "euros") -> Retour:
    """Compare un montant, à ``tolerance`` euros près (ou à une part ``tolerance_relative`` près).

    Les indices visent les erreurs typiques : signe, facteur 10, 100 ou 1 000, TTC au lieu de HT.
    ``unite`` autre que des euros (``"habitants"``) : voir :func:`comparer_nombre`.

    >>> from mba_territoires.formats import texte_brut
    >>> print(texte_brut(comparer_montant(27.5046, 27_504.6).conseil).split(" : ")[1])
    vérifiez les zéros et l'unité (des euros, pas des milliers d'euros).
    """
    return comparer_nombre(reponse, attendu, unite=unite or "euros", tolerance=tolerance,
                           tolerance_relative=tolerance_relative)


def comparer_taux(reponse: Any, attendu: float, tolerance: float = 0.001) -> Retour:
    """Compare un taux écrit en décimales (0.30 pour 30 %), à ``tolerance`` près.

    >>> print(comparer_taux(30, 0.30).conseil)
    un taux s'écrit en décimales ici : 30 % s'écrit 0.30.
    """
    if est_vide(reponse):
        return vide(attendu=attendu)
    v = _nombre(reponse)
    if v is None:
        retour = _pas_un_nombre(reponse, "taux")
        if isinstance(reponse, str) and "%" in reponse:
            retour = faux(f"la réponse doit être un nombre, pas un texte ({reponse!r}).",
                          "écrivez le taux en décimales, sans guillemets : 0.25 pour 25 %.")
        return replace(retour, attendu=attendu)
    if abs(v - attendu) <= tolerance + 1e-12:
        return juste(attendu=attendu)
    if attendu and abs(v / 100 - attendu) <= tolerance:
        return faux("le taux est écrit en pourcentage.", "un taux s'écrit en décimales ici : 30 % s'écrit 0.30.",
                    attendu=attendu)
    signe = _mauvais_signe(v, attendu)
    if signe is not None:
        return replace(signe, attendu=attendu)
    if v > 1 >= abs(attendu):
        return faux("un taux supérieur à 1 voudrait dire plus de 100 %.",
                    "écrivez le taux en décimales, entre 0 et 1.", attendu=attendu)
    sens = "trop élevé" if v > attendu else "trop faible"
    return faux(f"votre taux est {sens}.", "vérifiez le numérateur et le dénominateur de la part calculée.",
                attendu=attendu, genre="sens")


# --------------------------------------------------------------------------- choix

def _est_empreinte(texte: str) -> bool:
    return len(texte) == 16 and all(c in "0123456789abcdef" for c in texte)


def comparer_choix(reponse: Any, attendu: str | Iterable[str], choix: list[str] | None = None,
                   conseil: str = "relisez la règle citée plus haut.",
                   synonymes: Mapping[str, Iterable[str]] | None = None) -> Retour:
    """Compare une réponse à choisir dans une liste, sans tenir compte des accents, de la casse,
    des espaces, des tirets ni des soulignés ; ``synonymes`` donne les autres noms admis d'un choix.

    ``attendu`` : la bonne réponse en clair (ou plusieurs), ou son :func:`empreinte` (ancienne forme).

    >>> comparer_choix("Procédure adaptée", "adaptee", ["adaptee", "formalisee"],
    ...                synonymes={"adaptee": ["MAPA", "procédure adaptée"]}).statut
    'juste'
    >>> comparer_choix("mapa", "adaptee", ["adaptee", "formalisee"], synonymes={"adaptee": ["MAPA"]}).statut
    'juste'
    >>> comparer_choix("N+2", empreinte("n+2"), ["N", "N+1", "N+2"]).statut
    'juste'
    >>> print(comparer_choix("N+3", "N+2", ["N", "N+1", "N+2"]).message)
    « N+3 » ne fait pas partie des choix possibles : N, N+1, N+2.
    """
    admis_bruts = [attendu] if isinstance(attendu, str) else list(attendu)
    empreintes = {a for a in admis_bruts if _est_empreinte(a)}
    clairs = [a for a in admis_bruts if not _est_empreinte(a)]
    attendu_interne = (clairs[0] if len(clairs) == 1 else clairs) if clairs else None
    if est_vide(reponse):
        return vide(attendu=attendu_interne)
    if not isinstance(reponse, str) and (isinstance(reponse, bool) or not isinstance(reponse, (int, float))):
        return faux(f"la réponse doit être l'un des choix proposés, écrit entre guillemets, pas {reponse!r}.",
                    "recopiez l'un des choix proposés, entre guillemets.", attendu=attendu_interne)
    # La forme canonique : un choix de la liste (ou son synonyme), sinon la réponse telle quelle.
    alias: dict[str, str] = {}
    for canon in choix or []:
        alias[normaliser(canon)] = canon
    for canon, autres in (synonymes or {}).items():
        alias[normaliser(canon)] = canon
        for autre in autres:
            alias[normaliser(autre)] = canon
    cle = normaliser(reponse)
    canon = alias.get(cle)
    if choix is not None and canon is None:
        return faux(f"« {reponse} » ne fait pas partie des choix possibles : {', '.join(choix)}.",
                    "recopiez l'un des choix proposés, entre guillemets.", attendu=attendu_interne)
    forme = canon if canon is not None else str(reponse)
    if normaliser(forme) in {normaliser(a) for a in clairs} or empreinte(forme) in empreintes \
            or empreinte(str(reponse)) in empreintes:
        return juste(attendu=attendu_interne)
    return faux(f"« {reponse} » n'est pas la bonne réponse.", conseil, attendu=attendu_interne)


def mode() -> str | None:
    """Le mode de vérification en cours (``solutions``, ``etudiant`` ou ``None``)."""
    valeur = os.environ.get(VARIABLE_MODE, "").strip().lower() or None
    return valeur if valeur in MODES else None


def scalaire_python(reponse: Any) -> Any:
    """Un nombre numpy (``int64`` d'une somme pandas, ``float64``) devient un nombre Python.

    >>> import numpy as np
    >>> type(scalaire_python(np.int64(3))).__name__
    'int'
    """
    if isinstance(reponse, bool) or type(reponse) in (int, float):
        return reponse
    if type(reponse).__module__ == "numpy" and hasattr(reponse, "item"):
        try:
            valeur = reponse.item()
        except (ValueError, TypeError):
            return reponse
        if isinstance(valeur, (bool, int, float)):
            return valeur
    return reponse


def _accepte_donnees(fonction: Callable[..., Any]) -> str | None:
    """Le nom du paramètre qui reçoit les données de la variante (``d`` ou ``donnees``), s'il existe."""
    try:
        parametres = inspect.signature(fonction).parameters
    except (TypeError, ValueError):
        return None
    for nom in ("d", "donnees"):
        if nom in parametres:
            return nom
    return None


@dataclass
class Exercice:
    """Un exercice : un identifiant, un titre et sa fonction de vérification.

    La vérification reçoit la réponse, et les données de la variante si elle a un paramètre ``d``
    (ou ``donnees``) : ``def _fctva(reponse, d): ...``.
    """

    #: Identifiant court, unique dans le carnet (``"fctva"``).
    ident: str
    #: Titre lisible (« Le FCTVA attendu »).
    titre: str
    #: La fonction qui reçoit la réponse (et les données) et renvoie un :class:`Retour`.
    verification: Callable[..., Retour] = field(repr=False)
    #: L'unité de la réponse (« euros », « jours », « personnes », « taux »…), ou ``None``.
    unite: str | None = None
    #: L'énoncé : un modèle ``"… {travaux:euros} …"`` ou une fonction des données.
    enonce: str | Callable[..., str] | None = field(default=None, repr=False)
    #: La règle à relire, citée quand les indices de direction s'arrêtent (« la règle des 20 % »).
    regle: str = ""
    #: Calcule l'attendu à partir des données (sinon :meth:`attendu` interroge la vérification).
    calcul_attendu: Callable[..., Any] | None = field(default=None, repr=False)
    #: La banque qui déclare l'exercice (remplie par :meth:`Banque.exercice`).
    banque: Any = field(default=None, repr=False)

    def _donnees_par_defaut(self) -> Mapping[str, Any]:
        if self.banque is None:
            return {}
        from .variantes import apprenant_courant

        return self.banque.variante(apprenant_courant())

    def appeler(self, *reponses: Any, donnees: Mapping[str, Any] | None = None, **options: Any) -> Retour:
        """Appelle la vérification brute (sans mode de test ni anti-dichotomie)."""
        nom = _accepte_donnees(self.verification)
        if nom is not None and nom not in options:
            options[nom] = donnees if donnees is not None else self._donnees_par_defaut()
        return self.verification(*reponses, **options)

    def attendu(self, donnees: Mapping[str, Any] | None = None) -> Any:
        """La valeur attendue pour ces données (interne : tests de fuite, bilan). ``None`` si inconnue."""
        d = donnees if donnees is not None else self._donnees_par_defaut()
        if self.calcul_attendu is not None:
            return self.calcul_attendu(d) if _nb_parametres(self.calcul_attendu) else self.calcul_attendu()
        try:
            retour = self.appeler(SONDE, donnees=d)
        except Exception:
            return None
        return getattr(retour, "attendu", None)

    def juger(self, *reponses: Any, donnees: Mapping[str, Any] | None = None, essais_faux: int = 0,
              **options: Any) -> Retour:
        """Le retour de la vérification, sans les modes de test (le bilan de l'enseignant s'en sert).

        ``essais_faux`` : le nombre d'essais faux déjà faits (la progression le tient) ; à partir de
        :data:`ESSAIS_AVANT_REGLE`, un indice de direction (« trop grand ») devient un renvoi à la règle.
        """
        reponses = tuple(scalaire_python(r) for r in reponses)
        if all(est_vide(r) for r in reponses) and reponses:
            retour = vide()
        else:
            tuple_lu = decimal_tape_avec_virgule(reponses[0]) if (len(reponses) == 1 and self.unite) else None
            try:
                retour = tuple_lu or self.appeler(*reponses, donnees=donnees, **options)
            except ErreurExercice:
                raise
            except ValueError as exc:  # une saisie invalide dans la réponse : on l'explique, sans trace
                retour = faux(f"la réponse n'a pas pu être vérifiée : {exc}",
                              "corrigez la saisie signalée, puis exécutez à nouveau la cellule.")
        if retour.statut == "faux" and retour.genre == "sens" and essais_faux >= ESSAIS_AVANT_REGLE:
            regle = f" : {self.regle}" if self.regle else " citée dans l'énoncé"
            retour = replace(retour, message="ce n'est pas encore la bonne réponse.",
                             conseil=f"après {ESSAIS_AVANT_REGLE} essais, plus d'indication « trop grand » ou "
                             f"« trop petit » : relisez la règle{regle}, puis refaites le calcul pas à pas, "
                             "chiffre par chiffre.", genre="regle")
        return replace(retour, exercice=self.ident, titre=self.titre)

    def verifier(self, *reponses: Any, donnees: Mapping[str, Any] | None = None, essais_faux: int = 0,
                 **options: Any) -> Retour:
        """Vérifie la réponse (voir :meth:`juger`) ; en mode test, lève :class:`ErreurExercice` si l'issue
        n'est pas celle attendue."""
        retour = self.juger(*reponses, donnees=donnees, essais_faux=essais_faux, **options)
        courant = mode()
        if courant == "solutions" and retour.statut != "juste":
            raise ErreurExercice(f"exercice « {self.ident} » : la solution ne passe pas ({retour.statut}) : "
                                 f"{retour.message}", conseil=retour.conseil or None)
        if courant == "etudiant" and retour.statut != "vide":
            raise ErreurExercice(f"exercice « {self.ident} » : l'édition étudiant contient une réponse "
                                 f"({retour.statut})", conseil="une solution a fuité dans l'édition étudiant")
        return retour


def _nb_parametres(fonction: Callable[..., Any]) -> int:
    try:
        return len(inspect.signature(fonction).parameters)
    except (TypeError, ValueError):
        return 0
