"""Le verdict d'une règle : un seul type pour tout ce qu'un apprenant lit d'une règle ou d'un contrôle.

Un :class:`Verdict` dit quelle règle (identifiant et intitulé), son statut (respectée, non respectée,
sans objet), les chiffres qui le prouvent, le texte et l'article qui la fondent, ce qu'il faut changer
et si un chiffre utilisé attend encore une confirmation (« à vérifier »). Les modèles qui ont leurs
propres résultats (une alerte de planning, une anomalie de cadre logique, une procédure de marché)
gardent leurs données et rendent compte par un ``Verdict`` (méthode ``verdict()``).

>>> v = Verdict("participation_minimale", "Participation minimale du maître d'ouvrage", False,
...             "la commune apporte 15,0 % des financements publics", conseil="réduisez une aide",
...             source="CGCT, art. L1111-10 III", chiffres={"part": 0.15})
>>> v.statut
'non respectée'
>>> print(v)
✘ Participation minimale du maître d'ouvrage : la commune apporte 15,0 % des financements publics
  À changer : réduisez une aide
  Source : CGCT, art. L1111-10 III
>>> Verdicts([v]).respectee
False
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html import escape

from .erreurs import ErreurChoix

__all__ = ["COULEURS_STATUT", "Verdict", "Verdicts"]

#: Teintes assombries de la palette d'Okabe-Ito : contraste d'au moins 4,5:1 sur fond blanc (WCAG 1.4.3).
COULEURS_STATUT = {"respectée": "#006B4E", "non respectée": "#B34A00", "sans objet": "#595959"}
_SIGNES = {"respectée": "✔", "non respectée": "✘", "sans objet": "–"}


@dataclass(frozen=True)
class Verdict:
    """Le verdict d'une règle ou d'un contrôle, avec ses chiffres et sa source."""

    #: L'identifiant de la règle (« participation_minimale »).
    regle: str
    #: L'intitulé de la règle, en français.
    intitule: str
    #: Vrai si la règle est respectée (ou si elle ne s'applique pas).
    respectee: bool
    #: Le constat chiffré, en une phrase.
    constat: str
    #: Ce qu'il faut changer (vide si la règle est respectée).
    conseil: str = ""
    #: La source à citer (texte, article, date, et « chiffre à vérifier » le cas échéant).
    source: str = ""
    #: Faux si la règle ne s'applique pas à l'objet jugé (par exemple : pas de DETR dans le plan).
    applicable: bool = True
    #: Vrai si un chiffre utilisé attend une confirmation dans une source primaire.
    a_verifier: bool = False
    #: Les chiffres du constat (montants en euros, taux en décimales, durées en jours).
    chiffres: dict[str, float] = field(default_factory=dict)
    #: L'article précis, quand la source en cite plusieurs (« R2122-8 »).
    article: str = ""

    @property
    def statut(self) -> str:
        """« respectée », « non respectée » ou « sans objet »."""
        if not self.applicable:
            return "sans objet"
        return "respectée" if self.respectee else "non respectée"

    def texte(self) -> str:
        """Le verdict en texte, sur deux à quatre lignes (le même que ``str(verdict)``)."""
        texte = f"{_SIGNES[self.statut]} {self.intitule} : {self.constat}"
        if self.conseil:
            texte += f"\n  À changer : {self.conseil}"
        if self.source:
            texte += f"\n  Source : {self.source}"
        if self.a_verifier and "à vérifier" not in self.source:
            texte += "\n  Attention : un chiffre de cette règle est encore à vérifier dans le texte."
        return texte

    def __str__(self) -> str:
        return self.texte()

    def _repr_html_(self) -> str:
        return Verdicts([self], titre=self.intitule)._repr_html_()


class Verdicts(Sequence[Verdict]):
    """Les verdicts de plusieurs règles sur un même objet, consultables par identifiant de règle.

    >>> vs = Verdicts([Verdict("a", "Règle A", True, "ok"), Verdict("b", "Règle B", False, "non")])
    >>> vs["b"].statut, [v.regle for v in vs.non_respectees()]
    ('non respectée', ['b'])
    """

    def __init__(self, verdicts: Iterable[Verdict], titre: str = "Règles vérifiées") -> None:
        self._verdicts = list(verdicts)
        self.titre = titre

    def __getitem__(self, cle: int | str) -> Verdict:  # type: ignore[override]
        if isinstance(cle, str):
            for v in self._verdicts:
                if v.regle == cle:
                    return v
            raise ErreurChoix(f"aucune règle « {cle} » parmi les verdicts",
                              conseil="règles vérifiées : " + (", ".join(v.regle for v in self._verdicts) or "aucune"))
        return self._verdicts[cle]

    def __len__(self) -> int:
        return len(self._verdicts)

    def __iter__(self) -> Iterator[Verdict]:
        return iter(self._verdicts)

    @property
    def respectee(self) -> bool:
        """Vrai si toutes les règles applicables sont respectées."""
        return all(v.respectee for v in self._verdicts)

    @property
    def a_verifier(self) -> bool:
        """Vrai si au moins un verdict repose sur un chiffre encore à vérifier."""
        return any(v.a_verifier for v in self._verdicts)

    def non_respectees(self) -> list[Verdict]:
        """Les verdicts des règles non respectées."""
        return [v for v in self._verdicts if not v.respectee]

    def __str__(self) -> str:
        return "\n".join(str(v) for v in self._verdicts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} règles, {len(self.non_respectees())} non respectée(s))"

    def _repr_html_(self) -> str:
        from .affichage.html import Html, tableau_html

        lignes = []
        for v in self._verdicts:
            couleur = COULEURS_STATUT[v.statut]
            conseil = f"<br><strong>À changer :</strong> {escape(v.conseil)}" if v.conseil else ""
            attention = ("<br><em>Un chiffre de cette règle est encore à vérifier dans le texte.</em>"
                         if v.a_verifier and "à vérifier" not in v.source else "")
            lignes.append([
                Html(f"<span style='color:{couleur};font-weight:bold;white-space:nowrap'>"
                     f"{_SIGNES[v.statut]} {escape(v.statut)}</span>"),
                Html(f"<strong>{escape(v.intitule)}</strong><br>{escape(v.constat)}{conseil}{attention}"),
                Html(f"<span style='font-size:85%'>{escape(v.source) or '–'}</span>"),
            ])
        return tableau_html(lignes, ["Verdict", "Règle et constat", "Source"], legende=self.titre,
                            entete_ligne=False, classes="mba-verdicts")
