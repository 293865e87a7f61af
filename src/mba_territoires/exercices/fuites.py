"""Le critère des exercices : aucune valeur attendue n'est affichée avant la cellule de son exercice.

Un carnet exécuté (sorties comprises) est lu cellule par cellule ; pour chaque exercice, on cherche sa
valeur attendue (``Banque.attendu``) dans le texte Markdown et dans les sorties des cellules qui le
précèdent, sous toutes ses écritures : française (``1 234,56 €``), chiffres bruts (``1234.56``),
arrondie (``1 235``, ``1,2 M€``), en pourcentage (``46,5 %``). Le code des cellules n'est pas lu : les
données d'un exemple y sont écrites, pas les réponses.

>>> valeur_affichee(768_000, "Coût TTC : 768 000,00 €")
True
>>> valeur_affichee(768_000, "0,77 M€ de travaux")
True
>>> valeur_affichee(0.3475, "soit 34,8 % de la population")
True
>>> valeur_affichee(0.3475, "soit 30 % de la population")
False
>>> valeur_affichee(940, "les 1 940 habitants")
False
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Fuite", "cellule_de_l_exercice", "fuites_du_carnet", "textes_affiches", "valeur_affichee"]

_ESPACES = str.maketrans({"\u202f": " ", "\xa0": " ", "\u2009": " ", "\u2007": " ", "\u2212": "-"})

# Un nombre écrit : milliers séparés par une espace, une virgule, un point ou un souligné, décimales éventuelles.
_NOMBRE = re.compile(
    r"(?<![\w.,])(?P<signe>-)?(?P<corps>\d{1,3}(?:(?P<sep>[ ,._])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\w])(?:\s?(?P<suffixe>%|M€|k€|Md€|millions?|milliards?))?"
)

_ECHELLES = {"%": 0.01, "M€": 1e6, "k€": 1e3, "Md€": 1e9, "million": 1e6, "millions": 1e6, "milliard": 1e9,
             "milliards": 1e9}


def _lectures(corps: str, sep: str | None) -> list[tuple[float, float]]:
    """Les lectures possibles d'un nombre écrit : (valeur, demi-unité du dernier chiffre écrit)."""
    lectures = []

    def ajouter(entier: str, decimales: str) -> None:
        try:
            valeur = float(f"{entier}.{decimales}" if decimales else entier)
        except ValueError:
            return
        lectures.append((valeur, 0.5 * 10 ** -len(decimales) if decimales else 0.5))

    if sep:  # groupes de milliers
        if sep in " _":
            entier, _, dec = corps.replace(sep, "").replace(",", ".").partition(".")
            ajouter(entier, dec)
        else:  # « 1,234 » ou « 1.234 » : milliers, ou décimales si un seul groupe
            autre = "." if sep == "," else ","
            sans = corps.replace(sep, "")
            entier, _, dec = sans.replace(autre, ".").partition(".")
            ajouter(entier, dec)
            if corps.count(sep) == 1 and autre not in corps:
                entier, _, dec = corps.replace(sep, ".").partition(".")
                ajouter(entier, dec)
    else:
        entier, _, dec = corps.replace(",", ".").partition(".")
        ajouter(entier, dec)
    return lectures


def _chiffres_significatifs(valeur: float, demi_unite: float) -> int:
    """Combien de chiffres significatifs porte un nombre écrit (sa valeur et la précision de son écriture)."""
    if valeur == 0:
        return 0
    return max(0, math.floor(math.log10(abs(valeur))) - math.floor(math.log10(2 * demi_unite)) + 1)


def valeur_affichee(attendu: Any, texte: str, unite: str | None = None) -> bool:
    """Vrai si ``texte`` écrit la valeur ``attendu``, exacte ou arrondie, dans l'une de ses écritures.

    Un nombre écrit compte s'il est égal à ``attendu``, ou s'il porte au moins deux chiffres significatifs et
    que ``attendu``, arrondi à la précision de l'écriture, lui est égal (le signe n'est pas regardé). Un entier
    attendu de moins de 100 n'est cherché qu'accompagné de son unité (« 45 jours ») : seul, il apparaît partout.

    >>> valeur_affichee(45, "Les 45-59 ans", unite="jours"), valeur_affichee(45, "au moins 45 jours", unite="jours")
    (False, True)
    >>> valeur_affichee(_dt.date(2028, 3, 1), "avant le 1 mars 2028")
    True
    """
    if isinstance(attendu, bool) or attendu is None:
        return False
    texte = html.unescape(texte).translate(_ESPACES)
    if isinstance(attendu, _dt.date):
        from ..formats import date_fr

        formes = {attendu.isoformat(), attendu.strftime("%d/%m/%Y"), date_fr(attendu),
                  date_fr(attendu).replace(" 1 ", " 1er ", 1)}
        return any(f in texte for f in formes)
    if not isinstance(attendu, (int, float)):
        return False
    v = abs(float(attendu))
    petit_entier = v < 100 and float(v).is_integer()
    if petit_entier:
        if not unite:
            return False
        mots = {"jours": r"jours?", "mois": r"mois", "années": r"ans|années?", "ans": r"ans|années?",
                "habitants": r"habitants?", "personnes": r"personnes?", "ménages": r"ménages?", "km": r"km"}
        motif = mots.get(unite, re.escape(unite))
        return re.search(rf"(?<![\w.,]){int(v)}(?![\w.,]\d)\s?(?:{motif})\b", texte) is not None
    for m in _NOMBRE.finditer(texte):
        echelle = _ECHELLES.get(m.group("suffixe") or "", 1.0)
        for valeur, demi in _lectures(m.group("corps"), m.group("sep")):
            c, d = valeur * echelle, demi * echelle
            if abs(v - c) <= 1e-9 * max(1.0, v):  # la valeur exacte
                return True
            if _chiffres_significatifs(c, d) >= 2 and abs(v - c) <= d + 1e-9 * max(1.0, v):  # arrondie
                return True
    return False


def _texte_sortie(sortie: Mapping[str, Any]) -> str:
    morceaux = []
    if sortie.get("output_type") == "stream":
        morceaux.append(_joindre(sortie.get("text", "")))
    elif sortie.get("output_type") == "error":
        morceaux.append(" ".join(sortie.get("traceback", [])))
        morceaux.append(str(sortie.get("evalue", "")))
    for type_mime, contenu in (sortie.get("data") or {}).items():
        if type_mime in ("text/plain", "text/markdown", "text/latex"):
            morceaux.append(_joindre(contenu))
        elif type_mime == "text/html":
            morceaux.append(re.sub(r"<[^>]+>", " ", _joindre(contenu)))
        elif type_mime == "application/json":
            morceaux.append(json.dumps(contenu, ensure_ascii=False))
    return "\n".join(morceaux)


def _joindre(contenu: Any) -> str:
    return "".join(contenu) if isinstance(contenu, list) else str(contenu)


def textes_affiches(cellule: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Ce qu'une cellule montre au lecteur : (« texte » ou « sortie », contenu)."""
    if cellule.get("cell_type") == "markdown":
        return [("texte", _joindre(cellule.get("source", "")))]
    if cellule.get("cell_type") == "code":
        return [("sortie", _texte_sortie(s)) for s in cellule.get("outputs", [])]
    return []


def cellule_de_l_exercice(cellules: Iterable[Mapping[str, Any]], ident: str) -> int | None:
    """L'indice de la première cellule de code qui vérifie l'exercice ``ident`` (``ex.verifier("ident", …)``)."""
    motif = re.compile(r"\.verifier\(\s*([\"'])" + re.escape(ident) + r"\1")
    for i, cellule in enumerate(cellules):
        if cellule.get("cell_type") == "code" and motif.search(_joindre(cellule.get("source", ""))):
            return i
    return None


@dataclass(frozen=True)
class Fuite:
    """Une valeur attendue affichée avant son exercice."""

    #: L'exercice dont la réponse est affichée.
    exercice: str
    #: La cellule qui l'affiche (indice dans le carnet).
    cellule: int
    #: « texte » (Markdown) ou « sortie » (résultat d'une cellule de code).
    ou: str
    #: La cellule de l'exercice.
    cellule_exercice: int

    def __str__(self) -> str:
        return (f"la réponse de l'exercice « {self.exercice} » (cellule {self.cellule_exercice}) est affichée "
                f"plus haut, dans {'le texte' if self.ou == 'texte' else 'la sortie'} de la cellule {self.cellule}")


def fuites_du_carnet(carnet: Mapping[str, Any], banque: Any, donnees: Mapping[str, Any] | None = None) -> list[Fuite]:
    """Les valeurs attendues des exercices de ``banque`` affichées avant leur cellule dans ``carnet`` (exécuté).

    ``donnees`` : la variante avec laquelle le carnet a été exécuté (défaut : celle du livre).
    """
    cellules = list(carnet.get("cells", []))
    d = donnees if donnees is not None else banque.variante(None)
    trouvees = []
    for ex in banque:
        position = cellule_de_l_exercice(cellules, ex.ident)
        if position is None:
            continue
        attendu = banque.attendu(ex.ident, d)
        for i, cellule in enumerate(cellules[:position]):
            for ou, texte in textes_affiches(cellule):
                if valeur_affichee(attendu, texte, ex.unite):
                    trouvees.append(Fuite(ex.ident, i, ou, position))
    return trouvees
