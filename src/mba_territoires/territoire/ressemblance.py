"""À quel territoire réel ressemble un cas fictif : dans le même département, la commune (ou l'EPCI) dont la
population est la plus proche de celle du cas, calculée sur le COG 2026 (rien n'est écrit à la main).

>>> from mba_territoires.cas import charger
>>> r = territoire_ressemblant(charger("ecole-jules-ferry"))   # Saint-Exemple, 4 200 habitants, Dordogne
>>> r.territoire.code_departement, abs(r.territoire.population - 4200) < 200
('24', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..erreurs import ErreurDonnees
from .decoupage import Commune, Epci, departement, donnees_decoupage

__all__ = ["Ressemblance", "section_catalogue", "territoire_ressemblant", "territoires_des_cas",
           "texte_alternatif_des_cas"]


@dataclass(frozen=True)
class Ressemblance:
    """Un cas et le territoire réel qui lui ressemble."""

    slug: str
    nom_cas: str
    population_cas: int
    #: La commune ou l'EPCI réel le plus proche en population, dans le même département.
    territoire: Commune | Epci

    @property
    def ecart(self) -> float:
        """L'écart relatif de population (réel / cas − 1)."""
        return self.territoire.population / self.population_cas - 1 if self.population_cas else 0.0

    @property
    def libelle(self) -> str:
        """« Nom (dép.), N habitants, EPCI » pour le catalogue."""
        from ..formats import nombre

        t = self.territoire
        if isinstance(t, Epci):
            return f"{t.nom} ({t.libelle_type}, {nombre(t.population)} habitants)"
        epci = t.epci.nom if t.epci else "sans EPCI"
        return f"{t.nom} ({t.code_departement}), {nombre(t.population)} habitants, {epci}"


def territoire_ressemblant(cas: Any) -> Ressemblance:
    """Le territoire réel le plus proche d'un cas (objet :class:`~mba_territoires.cas.Cas` ou identifiant)."""
    if isinstance(cas, str):
        from ..cas import charger

        cas = charger(cas)
    t = cas.territoire
    m = re.search(r"\((\w{2,3})\)", t.departement)
    if m is None:
        raise ErreurDonnees(f"le département du cas « {cas.slug} » ({t.departement}) n'a pas de code entre parenthèses",
                            conseil="écrivez-le « Nom (code) », par exemple « Dordogne (24) »")
    dep = departement(m.group(1))
    if t.type == "epci":
        candidats: list[Any] = [e for e in donnees_decoupage().epcis.values() if dep.code in e.departements]
    else:
        candidats = [c for c in dep.communes if c.siren_epci]
    if not candidats:
        raise ErreurDonnees(f"aucun territoire de type {t.type} dans le département {dep.nom}",
                            conseil="vérifiez le type et le département du cas")
    proche = min(candidats, key=lambda x: (abs(x.population - t.population), x.code))
    return Ressemblance(cas.slug, t.nom, t.population, proche)


def territoires_des_cas() -> list[Ressemblance]:
    """Les territoires réels de tous les cas de la bibliothèque."""
    from ..cas import charger, disponibles

    return [territoire_ressemblant(charger(slug)) for slug in disponibles()]


def texte_alternatif_des_cas() -> str:
    """Le texte de remplacement de la planche des cas, écrit depuis les données (sans les contours)."""
    morceaux = []
    for r in territoires_des_cas():
        t = r.territoire
        if isinstance(t, Epci):
            morceaux.append(f"{r.slug} : {t.nom}, {len(t.membres)} communes")
        else:
            e = t.epci
            morceaux.append(f"{r.slug} : {t.nom} entourée en rouge dans {e.nom if e else 'son département'}"
                            f" ({len(e.membres) if e else 0} communes)")
    return ("Planche de cartes, une par étude de cas : l'intercommunalité du territoire réel qui ressemble au cas, "
            "communes colorées selon leur population. " + " ; ".join(morceaux) + ".")


def section_catalogue() -> str:
    """La section « territoires réels » de la page du catalogue des cas (Markdown)."""
    from ..formats import nombre

    lignes = ["## À quels territoires réels ressemblent les cas ?", "",
              "Chaque cas est fictif ; le paquet lui associe, dans le même département, le territoire réel de "
              "population la plus proche (COG 2026, `mba_territoires.territoire.ressemblance`). Dans un carnet : "
              "`mt.carte_epci(mt.commune(\"…\"))` en dessine l'intercommunalité.", "",
              "| Cas | Territoire du cas | Territoire réel qui lui ressemble |", "|:--|:--|:--|"]
    for r in territoires_des_cas():
        lignes.append(f"| `{r.slug}` | {r.nom_cas} ({nombre(r.population_cas)} hab.) | {r.libelle} |")
    alt = texte_alternatif_des_cas().replace('"', "'")
    lignes += ["", "```{figure} _static/cartes/territoires-des-cas.png", f":alt: {alt}", ":width: 100%", "",
               "L'intercommunalité du territoire réel de chaque cas (commune entourée en rouge), colorée selon la "
               "population des communes. Planche dessinée hors ligne par `outils/carte_des_cas.py`.", "```"]
    return "\n".join(lignes) + "\n"
