"""Les variantes des exercices : des chiffres propres à chaque apprenant, tirés sans hasard caché.

Une banque déclare les données de ses exercices par une fonction qui reçoit un :class:`Tirage` ;
le tirage est déterministe à partir de l'identifiant de l'apprenant et du carnet (le même
apprenant retrouve toujours ses chiffres, deux apprenants ont des chiffres différents). Sans
identifiant, c'est la variante du livre : chaque méthode rend alors sa valeur ``livre=``.

>>> t = Tirage("dupont@exemple.fr", "03-plan-de-financement")
>>> t.livre
False
>>> t.montant(600_000, 1_200_000, arrondi=10_000) == Tirage("dupont@exemple.fr", "03-plan-de-financement").montant(
...     600_000, 1_200_000, arrondi=10_000)
True
>>> livre = Tirage(None, "03-plan-de-financement")
>>> livre.livre, livre.montant(600_000, 1_200_000, arrondi=10_000, livre=820_000), livre.variante
(True, 820000, 'livre')
>>> d = Donnees({"travaux": 820_000, "taux_detr": 0.3})
>>> d.travaux, d["taux_detr"]
(820000, 0.3)
"""

from __future__ import annotations

import copy
import hashlib
import math
import os
import random
import string
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from ..erreurs import ErreurExercice

__all__ = ["VARIABLE_APPRENANT", "Donnees", "Tirage", "apprenant_courant", "formater_enonce", "libelle_variante"]

#: La variable d'environnement qui porte l'identifiant de l'apprenant.
VARIABLE_APPRENANT = "MBA_TERRITOIRES_APPRENANT"


def apprenant_courant(apprenant: str | None = None) -> str | None:
    """L'identifiant de l'apprenant : celui donné, sinon ``MBA_TERRITOIRES_APPRENANT``, sinon ``None`` (le livre).

    >>> apprenant_courant("  Dupont ")
    'dupont'
    >>> apprenant_courant("") is None or apprenant_courant("") == apprenant_courant(None)
    True
    """
    if apprenant is None:
        apprenant = os.environ.get(VARIABLE_APPRENANT)
    if apprenant is None:
        return None
    if not isinstance(apprenant, str):
        raise ErreurExercice(f"l'identifiant de l'apprenant doit être un texte, pas {apprenant!r}",
                             conseil='écrivez par exemple mt.carnet("03-plan-de-financement", '
                             'apprenant="prenom.nom@exemple.fr")')
    apprenant = apprenant.strip().lower()
    return apprenant or None


def libelle_variante(apprenant: str | None, carnet: str) -> str:
    """Le nom court de la variante : ``livre`` sans identifiant, sinon huit caractères tirés de l'identifiant.

    >>> libelle_variante(None, "00-prise-en-main")
    'livre'
    >>> len(libelle_variante("dupont", "00-prise-en-main"))
    8
    """
    apprenant = apprenant_courant(apprenant) if apprenant else None
    if apprenant is None:
        return "livre"
    return hashlib.sha256(f"{apprenant}|{carnet}".encode()).hexdigest()[:8]


class Tirage:
    """Le tirage des chiffres d'une variante, déterministe à partir de (apprenant, carnet).

    Chaque méthode accepte ``livre=`` : la valeur de la variante du livre (sans identifiant).
    Les bornes sont comprises.

    >>> t = Tirage("martin", "00-prise-en-main")
    >>> 100 <= t.entier(100, 200, pas=10) <= 200
    True
    >>> t.taux(0.20, 0.40, pas=0.05) in (0.2, 0.25, 0.3, 0.35, 0.4)
    True
    >>> t.choix(["A", "B", "C"]) in "ABC"
    True
    """

    def __init__(self, apprenant: str | None, carnet: str) -> None:
        #: L'identifiant de l'apprenant (``None`` pour le livre).
        self.apprenant = apprenant_courant(apprenant) if apprenant else None
        #: Le carnet (nom du fichier .ipynb sans extension).
        self.carnet = carnet
        #: Vrai pour la variante du livre.
        self.livre = self.apprenant is None
        #: Le nom court de la variante (``livre`` ou huit caractères).
        self.variante = libelle_variante(self.apprenant, carnet)
        graine = hashlib.sha256(f"{self.apprenant or ''}|{carnet}".encode()).digest()
        self._hasard = random.Random(int.from_bytes(graine[:8], "big"))

    def entier(self, a: int, b: int, pas: int = 1, livre: int | None = None) -> int:
        """Un entier entre ``a`` et ``b`` compris, multiple de ``pas`` à partir de ``a``.

        >>> Tirage(None, "x").entier(10, 20, livre=12)
        12
        """
        if pas <= 0 or b < a:
            raise ErreurExercice(f"tirage impossible entre {a} et {b} par pas de {pas}",
                                 conseil="donnez a ≤ b et un pas positif")
        tirage = a + pas * self._hasard.randint(0, (b - a) // pas)
        return int(livre) if self.livre and livre is not None else int(tirage)

    def montant(self, a: float, b: float, arrondi: float = 1000, livre: float | None = None) -> int | float:
        """Un montant en euros entre ``a`` et ``b``, arrondi au multiple de ``arrondi`` (entier si l'arrondi l'est).

        >>> m = Tirage("x", "y").montant(500_000, 900_000, arrondi=5_000)
        >>> 500_000 <= m <= 900_000 and m % 5_000 == 0
        True
        """
        if arrondi <= 0 or b < a:
            raise ErreurExercice(f"tirage impossible entre {a} et {b} arrondi à {arrondi}",
                                 conseil="donnez a ≤ b et un arrondi positif")
        bas, haut = math.ceil(a / arrondi), math.floor(b / arrondi)
        if haut < bas:
            raise ErreurExercice(f"aucun multiple de {arrondi} entre {a} et {b}", conseil="élargissez l'intervalle")
        valeur = self._hasard.randint(bas, haut) * arrondi
        if self.livre and livre is not None:
            valeur = livre
        if float(valeur).is_integer() and float(arrondi).is_integer():
            return int(valeur)
        return round(float(valeur), 2)

    def taux(self, a: float, b: float, pas: float = 0.01, livre: float | None = None) -> float:
        """Un taux en décimales entre ``a`` et ``b`` (0.30 pour 30 %), par pas de ``pas``.

        >>> Tirage(None, "x").taux(0.2, 0.4, livre=0.3)
        0.3
        """
        if pas <= 0 or b < a:
            raise ErreurExercice(f"tirage impossible entre {a} et {b} par pas de {pas}",
                                 conseil="donnez a ≤ b et un pas positif")
        n = round((b - a) / pas + 1e-9)
        valeur = round(a + pas * self._hasard.randint(0, n), 10)
        return float(livre) if self.livre and livre is not None else valeur

    def choix(self, liste: Sequence[Any], livre: Any = None) -> Any:
        """Un élément de ``liste``.

        >>> Tirage(None, "x").choix(["A", "B"], livre="B")
        'B'
        """
        if not liste:
            raise ErreurExercice("tirage impossible dans une liste vide", conseil="donnez au moins un choix")
        valeur = self._hasard.choice(list(liste))
        return livre if self.livre and livre is not None else valeur

    def melange(self, liste: Sequence[Any]) -> list[Any]:
        """Les éléments de ``liste`` dans un ordre propre à la variante (le livre garde l'ordre donné).

        >>> Tirage(None, "x").melange([1, 2, 3])
        [1, 2, 3]
        """
        copie = list(liste)
        self._hasard.shuffle(copie)
        return list(liste) if self.livre else copie

    def __repr__(self) -> str:
        return f"Tirage(variante {self.variante!r}, carnet {self.carnet!r})"


class Donnees(Mapping[str, Any]):
    """Les chiffres d'une variante, lisibles comme un dictionnaire ou par attribut (``d.travaux``).

    >>> d = Donnees({"travaux": 820_000})
    >>> d.travaux, dict(d)
    (820000, {'travaux': 820000})
    >>> d.inconnu
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurExercice: les données de l'exercice n'ont pas de chiffre « inconnu ».
    Conseil : chiffres disponibles : travaux.
    """

    def __init__(self, valeurs: Mapping[str, Any], variante: str = "livre") -> None:
        object.__setattr__(self, "_valeurs", dict(valeurs))
        object.__setattr__(self, "variante", variante)

    def __getitem__(self, cle: str) -> Any:
        valeur = self._valeurs[cle]
        # Une liste ou un dictionnaire est rendu en copie : le modifier ne change pas la variante.
        return copy.deepcopy(valeur) if isinstance(valeur, (list, dict, set)) else valeur

    def __iter__(self) -> Iterator[str]:
        return iter(self._valeurs)

    def __len__(self) -> int:
        return len(self._valeurs)

    def __getattr__(self, nom: str) -> Any:
        if nom.startswith("_"):
            raise AttributeError(nom)
        try:
            return self[nom]
        except KeyError:
            raise ErreurExercice(f"les données de l'exercice n'ont pas de chiffre « {nom} »",
                                 conseil="chiffres disponibles : " + ", ".join(self._valeurs)) from None

    def __setattr__(self, nom: str, valeur: Any) -> None:
        raise ErreurExercice("les données de l'exercice ne se modifient pas",
                             conseil="copiez-les d'abord : mes_chiffres = dict(ex.donnees)")

    def __repr__(self) -> str:
        corps = ", ".join(f"{k}={v!r}" for k, v in self._valeurs.items())
        return f"Donnees({corps})"

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html

        quelle = "variante du livre" if self.variante == "livre" else f"votre variante {self.variante}"
        lignes = [[f"ex.donnees.{k}", _format_fr(v, "")] for k, v in self._valeurs.items()]
        if not lignes:
            return "<p>Ce carnet n'a pas de chiffres propres à chaque apprenant.</p>"
        return tableau_html(lignes, ["Chiffre", "Valeur"], legende=f"Les chiffres de vos exercices ({quelle})")


# --------------------------------------------------------------------------- les énoncés en français

def _format_fr(valeur: Any, spec: str) -> str:
    from ..formats import euros, nombre, pourcentage

    if spec in ("euros", "€"):
        v = float(valeur)
        return euros(v, 0 if v.is_integer() else 2)
    if spec == "euros2":
        return euros(float(valeur))
    if spec in ("taux", "pourcentage", "%"):  # autant de décimales qu'il en faut (16,404 % pour 0.16404)
        v = round(float(valeur) * 100, 6)
        decimales = next((d for d in range(4) if round(v, d) == v), 3)
        return pourcentage(float(valeur), decimales)
    if spec in ("nombre", "personnes", "habitants", "jours", "mois", "ans", "années", "ménages", "km", "m2"):
        v = float(valeur)
        texte = nombre(v, 0 if v.is_integer() else None)
        return texte if spec == "nombre" else f"{texte}\u00a0{spec}"
    if spec == "":
        if isinstance(valeur, bool):
            return "oui" if valeur else "non"
        if isinstance(valeur, (int, float)):
            v = float(valeur)
            return nombre(v, 0 if v.is_integer() else None)
        return str(valeur)
    return format(valeur, spec)


class _Formateur(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        return _format_fr(value, format_spec)


def formater_enonce(modele: str | Callable[[Donnees], str], donnees: Donnees) -> str:
    """L'énoncé avec les chiffres de la variante, au format français.

    Formats : ``{x:euros}``, ``{x:taux}`` (en pourcentage), ``{x:personnes}``, ``{x:jours}``, ``{x:nombre}``…

    >>> from mba_territoires.formats import texte_brut
    >>> print(texte_brut(formater_enonce("Travaux : {travaux:euros}, DETR {t:taux}, {n:jours}.",
    ...                                  Donnees({"travaux": 820_000, "t": 0.3, "n": 45}))))
    Travaux : 820 000 €, DETR 30 %, 45 jours.
    """
    if callable(modele):
        return str(modele(donnees))
    try:
        return _Formateur().vformat(modele, (), dict(donnees))
    except KeyError as exc:
        raise ErreurExercice(f"l'énoncé cite un chiffre absent des données : {exc}",
                             conseil="chiffres disponibles : " + ", ".join(donnees)) from None
