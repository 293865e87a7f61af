"""Les paramètres réglementaires datés : une valeur, sa source, sa date.

Un fichier par année (``2026.yaml``) ; chaque règle du paquet lit ses seuils
et ses taux ici, jamais dans le code.

>>> p = parametres(2026)
>>> p["financement.participation_minimale_mo"]
0.2
>>> p.parametre("fctva.taux").source
'CGCT, art. L1615-6 ; suppression au Sénat de la baisse à 14,850 % du PLF 2025 (amendements I-9, I-191)'
>>> p.parametre("fctva.taux").a_verifier
True
>>> p["fctva.tau"]
Traceback (most recent call last):
...
mba_territoires.erreurs.ErreurParametre: le paramètre « fctva.tau » n'existe pas pour 2026.
Conseil : vouliez-vous dire « fctva.taux » ? La liste complète : parametres(2026).tableau().
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from ..erreurs import ErreurParametre

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Parametre", "Parametres", "annees_disponibles", "parametres"]

_CHAMPS_OBLIGATOIRES = ("valeur", "libelle", "source", "date")


@dataclass(frozen=True)
class Parametre:
    """Une valeur réglementaire et d'où elle vient."""

    #: Chemin pointé, par exemple ``"fctva.taux"``.
    cle: str
    #: La valeur (taux en décimales, montants en euros HT, durées dans ``unite``).
    valeur: Any
    #: Ce que la valeur mesure, en français.
    libelle: str
    #: Article de loi, décret ou page consultée.
    source: str
    #: Date de la source ou d'entrée en vigueur.
    date: _dt.date
    #: Unité de la valeur (« taux », « euros HT », « jours »...).
    unite: str = ""
    #: Vrai si le chiffre attend une confirmation dans une source primaire.
    a_verifier: bool = False
    #: Précision sur le statut du chiffre.
    note: str = ""

    def citation(self) -> str:
        """La source à citer sous une règle : « CGCT, art. L1111-10 III (2012) ».

        >>> parametres(2026).parametre("financement.detr_taux_max").citation()
        'CGCT, art. R2334-27 (en vigueur le 01/10/2018)'
        """
        texte = f"{self.source} (en vigueur le {self.date:%d/%m/%Y})"
        if self.a_verifier:
            texte += " — chiffre à vérifier"
        return texte


class Parametres:
    """Les paramètres d'une année, consultables par clé pointée : ``p["fctva.taux"]``."""

    def __init__(self, annee: int, feuilles: dict[str, Parametre]) -> None:
        self.annee = annee
        self._feuilles = feuilles

    def parametre(self, cle: str) -> Parametre:
        """Le paramètre complet (valeur, source, date) ; erreur française si la clé est inconnue."""
        try:
            return self._feuilles[cle]
        except KeyError:
            proches = difflib.get_close_matches(cle, list(self._feuilles), n=1)
            conseil = f"vouliez-vous dire « {proches[0]} » ? " if proches else ""
            raise ErreurParametre(
                f"le paramètre « {cle} » n'existe pas pour {self.annee}",
                conseil=conseil + f"La liste complète : parametres({self.annee}).tableau()",
            ) from None

    def __getitem__(self, cle: str) -> Any:
        return self.parametre(cle).valeur

    def __contains__(self, cle: object) -> bool:
        return cle in self._feuilles

    def __iter__(self) -> Iterator[str]:
        return iter(self._feuilles)

    def __len__(self) -> int:
        return len(self._feuilles)

    def a_verifier(self) -> list[Parametre]:
        """Les paramètres dont le chiffre attend encore une confirmation."""
        return [p for p in self._feuilles.values() if p.a_verifier]

    def tableau(self, prefixe: str = "") -> pd.DataFrame:
        """Un tableau (DataFrame) des paramètres, filtré par préfixe (``"fctva"``)."""
        import pandas as pd

        lignes = [
            {"clé": p.cle, "libellé": p.libelle, "valeur": p.valeur, "unité": p.unite,
             "source": p.source, "date": p.date, "à vérifier": p.a_verifier}
            for p in self._feuilles.values() if p.cle.startswith(prefixe)
        ]
        return pd.DataFrame(lignes)

    def __repr__(self) -> str:
        return f"Parametres({self.annee}, {len(self)} valeurs dont {len(self.a_verifier())} à vérifier)"

    def _repr_html_(self) -> str:
        from html import escape

        lignes = "".join(
            f"<tr><td><code>{escape(p.cle)}</code></td><td>{escape(p.libelle)}</td>"
            f"<td>{escape(str(p.valeur))} {escape(p.unite)}</td><td>{escape(p.citation())}</td></tr>"
            for p in self._feuilles.values()
        )
        return (f"<table><caption>Paramètres réglementaires {self.annee}</caption>"
                "<thead><tr><th>Clé</th><th>Libellé</th><th>Valeur</th><th>Source</th></tr></thead>"
                f"<tbody>{lignes}</tbody></table>")


def annees_disponibles() -> list[int]:
    """Les années pour lesquelles un fichier de paramètres existe.

    >>> 2026 in annees_disponibles()
    True
    """
    dossier = resources.files(__name__)
    return sorted(int(f.name[:-5]) for f in dossier.iterdir()
                  if f.name.endswith(".yaml") and f.name[:-5].isdigit())


def _aplatir(noeud: dict[str, Any], prefixe: str, fichier: str) -> Iterator[Parametre]:
    for nom, valeur in noeud.items():
        cle = f"{prefixe}{nom}"
        if not isinstance(valeur, dict):
            continue
        if "valeur" in valeur:
            manquants = [c for c in _CHAMPS_OBLIGATOIRES if c not in valeur]
            if manquants:
                raise ErreurParametre(
                    f"dans {fichier}, le paramètre « {cle} » n'a pas de {', '.join(manquants)}",
                    conseil="chaque valeur doit avoir un libellé, une source et une date",
                )
            date = valeur["date"]
            if not isinstance(date, _dt.date):
                raise ErreurParametre(f"dans {fichier}, la date de « {cle} » n'est pas une date",
                                      conseil="écrivez-la AAAA-MM-JJ")
            yield Parametre(cle=cle, valeur=valeur["valeur"], libelle=valeur["libelle"],
                            source=valeur["source"], date=date, unite=valeur.get("unite", ""),
                            a_verifier=bool(valeur.get("a_verifier", False)),
                            note=valeur.get("note", ""))
        else:
            yield from _aplatir(valeur, cle + ".", fichier)


@functools.cache
def parametres(annee: int = 2026) -> Parametres:
    """Les paramètres réglementaires de l'année ``annee``.

    >>> parametres(2026)["commande_publique.formalise_travaux"]
    5404000
    """
    disponibles = annees_disponibles()
    if isinstance(annee, bool) or not isinstance(annee, int) or annee not in disponibles:
        raise ErreurParametre(
            f"aucun paramètre réglementaire n'est disponible pour l'année {annee!r}",
            conseil="années disponibles : " + ", ".join(map(str, disponibles)),
        )
    fichier = f"{annee}.yaml"
    texte = resources.files(__name__).joinpath(fichier).read_text(encoding="utf-8")
    donnees = yaml.safe_load(texte)
    feuilles = {p.cle: p for p in _aplatir(donnees, "", fichier)}
    return Parametres(annee, feuilles)
