# ruff: noqa: E501  (messages et exemples doctest en français, sur une ligne)
"""Le catalogue d'aides hors ligne : un fichier YAML par aide (modèle de champs d'Aides-territoires), et la
sélection des aides qui conviennent à une commune et à un projet.

>>> import mba_territoires as mt
>>> len(catalogue()) >= 12
True
>>> r = aides_possibles(mt.commune("29155"), {"themes": ["renovation energetique"]})
>>> "DETR" in [a.nom for a in r.retenues]
True
>>> r.raison("DSID")
"l'aide est réservée aux bénéficiaires : departement (le projet est porté par : commune)"
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from .erreurs import ErreurDonnees
from .territoire.decoupage import Commune, normaliser_nom

__all__ = ["THEMES", "Aide", "AidesPossibles", "ErreurAide", "ProjetAide", "aide", "aides_possibles", "catalogue"]

#: Les thèmes du catalogue (vocabulaire fermé, accents facultatifs à la saisie).
THEMES = ("equipements publics", "ecoles", "renovation energetique", "energies renouvelables", "reseaux de chaleur",
          "eau et assainissement", "renaturation", "risques naturels", "mobilite", "voirie", "numerique",
          "revitalisation", "logement", "patrimoine", "sante", "tiers-lieux", "developpement rural")
BENEFICIAIRES = ("commune", "epci", "departement", "region", "association", "entreprise")
DEPENSES = ("investissement", "fonctionnement")
STADES = ("etude", "avant travaux", "travaux commences")


class ErreurAide(ErreurDonnees):
    """Une aide inconnue, ou qui ne s'applique pas au projet : le message dit pourquoi et quoi faire."""


@dataclass(frozen=True)
class Aide:
    """Une aide du catalogue. ``nom``, ``public`` et ``nature`` (clé de ``NATURES_FINANCEUR``) suffisent à
    l'ajouter à un plan : ``plan.ajouter_financeur(aide, montant=…)``."""

    id: str
    nom: str
    intitule: str
    porteur: str
    nature: str
    public: bool
    types_aide: tuple[str, ...]
    beneficiaires: tuple[str, ...]
    themes: tuple[str, ...]
    depenses: tuple[str, ...]
    stades: tuple[str, ...]
    taux_min: float | None
    taux_max: float | None
    taux_illustratif: bool
    taux_note: str
    taux_source: str
    calendrier: dict[str, str]
    perimetre: str
    conditions: tuple[str, ...]
    source: str
    date: _dt.date
    eligibilite: str = ""
    a_verifier: bool = False
    note: str = ""
    #: Les clés de paramètres réglementaires d'où viennent les bornes de taux (vide : taux du catalogue).
    taux_parametres: tuple[str, ...] = ()

    @property
    def est_pret(self) -> bool:
        """Vrai pour un prêt (il se rembourse : c'est un emprunt, pas une aide du plan)."""
        return self.types_aide == ("pret",)

    def fourchette(self) -> str:
        """La fourchette de taux en français, avec « illustratif » si elle varie selon le territoire."""
        from .formats import pourcentage

        if self.taux_min is None and self.taux_max is None:
            texte = "taux décidé au cas par cas"
        elif self.taux_min is None:
            texte = f"jusqu'à {pourcentage(self.taux_max, 0)}"
        else:
            texte = f"{pourcentage(self.taux_min, 0)} à {pourcentage(self.taux_max, 0)}"
        return texte + (" (illustratif)" if self.taux_illustratif else "")

    def __str__(self) -> str:
        return f"{self.nom} — {self.intitule} ({self.fourchette()})"


def _tuple(v: Any) -> tuple[str, ...]:
    return tuple(v) if isinstance(v, (list, tuple)) else ((v,) if v else ())


def _charger(texte: str, fichier: str, quand: Any = 2026) -> Aide:
    import yaml

    d = yaml.safe_load(texte)
    manquants = [c for c in ("id", "nom", "nature", "public", "beneficiaires", "themes", "source", "date") if c not in d]
    if manquants:
        raise ErreurDonnees(f"l'aide {fichier} n'a pas les champs : {', '.join(manquants)}",
                            conseil="voir le modèle dans donnees/aides/detr.yaml")
    inconnus = [t for t in d["themes"] if t not in THEMES]
    if inconnus:
        raise ErreurDonnees(f"l'aide {fichier} a des thèmes inconnus : {', '.join(inconnus)}",
                            conseil="thèmes connus : " + ", ".join(THEMES))
    taux = d.get("taux") or {}
    sources = []
    cles = []
    bornes: dict[str, float | None] = {}
    for borne in ("min", "max"):
        cle = taux.get(f"{borne}_parametre")
        if cle:
            from .parametres import parametres

            p = parametres(quand).parametre(cle)
            bornes[borne] = float(p.valeur)
            cles.append(cle)
            sources.append(f"{cle} : {p.source}")
        else:
            bornes[borne] = None if taux.get(borne) is None else float(taux[borne])
    return Aide(id=d["id"], nom=d["nom"], intitule=d.get("intitule", d["nom"]), porteur=d.get("porteur", ""),
                nature=d["nature"], public=bool(d["public"]), types_aide=_tuple(d.get("types_aide")),
                beneficiaires=_tuple(d["beneficiaires"]), themes=_tuple(d["themes"]),
                depenses=_tuple(d.get("depenses")), stades=_tuple(d.get("stades")), taux_min=bornes["min"],
                taux_max=bornes["max"], taux_illustratif=bool(taux.get("illustratif", True)),
                taux_note=str(taux.get("note", "")), taux_source=" ; ".join(sources) or d["source"],
                calendrier=dict(d.get("calendrier") or {}), perimetre=d.get("perimetre", "national"),
                conditions=_tuple(d.get("conditions")), source=d["source"],
                date=d["date"] if isinstance(d["date"], _dt.date) else _dt.date.fromisoformat(str(d["date"])),
                eligibilite=d.get("eligibilite", ""), a_verifier=bool(d.get("a_verifier", False)),
                note=str(d.get("note", "")), taux_parametres=tuple(cles))


@cache
def catalogue() -> tuple[Aide, ...]:
    """Toutes les aides du catalogue, par nom.

    >>> [a.nom for a in catalogue()][:3]
    ['ADEME — Fonds chaleur', "Agence de l'eau", 'Banque des Territoires — prêt']
    """
    dossier = files("mba_territoires").joinpath("donnees", "aides")
    aides = [_charger(f.read_text(encoding="utf-8"), f.name) for f in dossier.iterdir() if f.name.endswith(".yaml")]
    return tuple(sorted(aides, key=lambda a: normaliser_nom(a.nom)))


class TableauAides:
    """Le catalogue en tableau (nom, porteur, nature de l'aide, taux, périmètre, source, date)."""

    def __init__(self, aides: tuple[Aide, ...]) -> None:
        self.aides = aides

    def lignes(self) -> list[list[str]]:
        """Les lignes formatées en français."""
        from .formats import date_fr

        return [[a.nom, a.porteur, ", ".join(a.types_aide), a.fourchette(), a.perimetre,
                 a.source + (" (à vérifier)" if a.a_verifier else ""), date_fr(a.date)] for a in self.aides]

    def tableau(self) -> Any:
        """Le même contenu en DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.lignes(), columns=["aide", "porteur", "nature", "taux", "périmètre", "source", "date"])

    def __len__(self) -> int:
        return len(self.aides)

    def __str__(self) -> str:
        return "\n".join(f"{ligne[0]} — {ligne[3]} — {ligne[1]}" for ligne in self.lignes())

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        return tableau_html(self.lignes(), ["Aide", "Porteur", "Nature", "Taux", "Périmètre", "Source", "Date"],
                            legende=f"Catalogue des aides ({len(self.aides)} aides, hors ligne)")


def tableau_aides() -> TableauAides:
    """Le catalogue d'aides, à afficher dans un carnet.

    >>> len(tableau_aides()) == len(catalogue())
    True
    """
    return TableauAides(catalogue())


def aide(nom: str | Aide) -> Aide:
    """Une aide par son identifiant ou son nom (accents et casse facultatifs), avec suggestion.

    >>> aide("fonds chaleur").id
    'fonds_chaleur'
    >>> aide("DTER")
    Traceback (most recent call last):
    ...
    mba_territoires.aides.ErreurAide: aucune aide du catalogue ne s'appelle « DTER ».
    Conseil : vouliez-vous écrire « DETR » ? Liste : mt.catalogue_aides().
    """
    if isinstance(nom, Aide):
        return nom
    cle = normaliser_nom(str(nom))
    for a in catalogue():
        if cle in (normaliser_nom(a.id), normaliser_nom(a.nom)) or cle == normaliser_nom(a.nom.split(" — ")[-1]):
            return a
    import difflib

    noms = {normaliser_nom(a.nom): a.nom for a in catalogue()} | {normaliser_nom(a.id): a.nom for a in catalogue()}
    proches = difflib.get_close_matches(cle, list(noms), n=1, cutoff=0.5)
    conseil = (f"vouliez-vous écrire « {noms[proches[0]]} » ? " if proches else "") + "Liste : mt.catalogue_aides()"
    raise ErreurAide(f"aucune aide du catalogue ne s'appelle « {nom} »", conseil=conseil)


@dataclass(frozen=True)
class ProjetAide:
    """Ce qu'il faut savoir d'un projet pour trier les aides."""

    #: Les thèmes du projet (parmi :data:`THEMES`).
    themes: tuple[str, ...]
    #: Qui porte le projet : « commune » (défaut), « epci »…
    beneficiaire: str = "commune"
    #: « investissement » (défaut) ou « fonctionnement ».
    depense: str = "investissement"
    #: « etude », « avant travaux » (défaut) ou « travaux commences ».
    stade: str = "avant travaux"
    #: Données de la fiche DGF, pour la DETR (facultatives).
    population_dgf: float | None = None
    potentiel_financier_relatif: float | None = None
    densite: float | None = None

    @classmethod
    def depuis(cls, projet: Any) -> ProjetAide:
        """Un :class:`ProjetAide` depuis un dictionnaire (mêmes clés) ou un thème seul."""
        from .erreurs import ErreurChoix

        if isinstance(projet, ProjetAide):
            return projet
        if isinstance(projet, str):
            projet = {"themes": [projet]}
        if not isinstance(projet, dict):
            raise ErreurAide(f"le projet vaut {projet!r}",
                             conseil='décrivez-le par un dictionnaire : {"themes": ["renovation energetique"], '
                                     '"beneficiaire": "commune"}')
        inconnues = [k for k in projet if k not in cls.__dataclass_fields__]
        if inconnues:
            raise ErreurAide(f"le projet a des clés inconnues : {', '.join(inconnues)}",
                             conseil="clés possibles : " + ", ".join(cls.__dataclass_fields__))

        def choisir(valeur: Any, connus: tuple[str, ...], quoi: str) -> str:
            cles = {normaliser_nom(k): k for k in connus}
            trouve = cles.get(normaliser_nom(str(valeur)))
            if trouve is None:
                import difflib

                proches = difflib.get_close_matches(normaliser_nom(str(valeur)), list(cles), n=1)
                raise ErreurChoix(f"{quoi} « {valeur} » n'existe pas",
                                  conseil=(f"vouliez-vous écrire « {cles[proches[0]]} » ? " if proches else "")
                                  + "valeurs possibles : " + ", ".join(connus))
            return trouve

        themes = projet.get("themes", ())
        themes = [themes] if isinstance(themes, str) else list(themes)
        if not themes:
            raise ErreurAide("le projet n'a pas de thème", conseil="thèmes possibles : " + ", ".join(THEMES))
        return cls(themes=tuple(choisir(t, THEMES, "le thème") for t in themes),
                   beneficiaire=choisir(projet.get("beneficiaire", "commune"), BENEFICIAIRES, "le bénéficiaire"),
                   depense=choisir(projet.get("depense", "investissement"), DEPENSES, "la dépense"),
                   stade=choisir(projet.get("stade", "avant travaux"), STADES, "le stade"),
                   population_dgf=projet.get("population_dgf"),
                   potentiel_financier_relatif=projet.get("potentiel_financier_relatif"),
                   densite=projet.get("densite"))


@dataclass(frozen=True)
class AidesPossibles:
    """Les aides retenues (avec leurs réserves) et les aides écartées (avec la raison)."""

    commune: Commune
    projet: ProjetAide
    #: (aide, réserves : ce qui reste à vérifier).
    retenues_avec_reserves: tuple[tuple[Aide, tuple[str, ...]], ...]
    #: (aide, raison de l'écarter).
    ecartees: tuple[tuple[Aide, str], ...] = field(default_factory=tuple)

    @property
    def retenues(self) -> list[Aide]:
        """Les aides qui conviennent."""
        return [a for a, _ in self.retenues_avec_reserves]

    def raison(self, nom: str | Aide) -> str:
        """Pourquoi une aide est écartée (« » si elle est retenue)."""
        a = aide(nom)
        for e, pourquoi in self.ecartees:
            if e.id == a.id:
                return pourquoi
        return ""

    def verifier(self, nom: str | Aide) -> Aide:
        """L'aide si elle convient ; sinon une erreur française qui dit pourquoi.

        >>> import mba_territoires as mt
        >>> mt.aides_possibles(mt.commune("35238"), "renovation energetique").verifier("DETR")
        Traceback (most recent call last):
        ...
        mba_territoires.aides.ErreurAide: l'aide « DETR » ne s'applique pas à Rennes (35, code 35238) : ...
        Conseil : choisissez parmi les aides retenues : ...
        """
        a = aide(nom)
        pourquoi = self.raison(a)
        if pourquoi:
            raise ErreurAide(f"l'aide « {a.nom} » ne s'applique pas à {self.commune.libelle} : {pourquoi}",
                             conseil="choisissez parmi les aides retenues : " + ", ".join(x.nom for x in self.retenues))
        return a

    def tableau(self) -> Any:
        """Un DataFrame : aide, retenue, taux, réserves ou raison."""
        import pandas as pd

        lignes = [{"aide": a.nom, "retenue": True, "taux": a.fourchette(), "commentaire": " ; ".join(r)}
                  for a, r in self.retenues_avec_reserves]
        lignes += [{"aide": a.nom, "retenue": False, "taux": a.fourchette(), "commentaire": p} for a, p in self.ecartees]
        return pd.DataFrame(lignes)

    def __str__(self) -> str:
        lignes = [f"Aides pour {self.commune.libelle}, projet : {', '.join(self.projet.themes)}"]
        lignes += [f"  ✔ {a.nom} ({a.fourchette()})" + (f" — {' ; '.join(r)}" if r else "")
                   for a, r in self.retenues_avec_reserves]
        lignes += [f"  ✘ {a.nom} : {p}" for a, p in self.ecartees]
        return "\n".join(lignes)

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html

        lignes = [[a.nom, "retenue", a.fourchette(), " ; ".join(r) or "—"] for a, r in self.retenues_avec_reserves]
        lignes += [[a.nom, "écartée", a.fourchette(), p] for a, p in self.ecartees]
        return tableau_html(lignes, ["Aide", "Décision", "Taux", "Réserves ou raison"],
                            legende=f"Aides possibles : {self.commune.nom}, {', '.join(self.projet.themes)}")


def _juger(a: Aide, c: Commune, p: ProjetAide) -> tuple[str, tuple[str, ...]]:
    """(raison d'écarter ou « », réserves)."""
    if p.beneficiaire not in a.beneficiaires:
        return (f"l'aide est réservée aux bénéficiaires : {', '.join(a.beneficiaires)} "
                f"(le projet est porté par : {p.beneficiaire})"), ()
    communs = [t for t in p.themes if t in a.themes]
    if not communs:
        return f"l'aide ne couvre pas les thèmes du projet ({', '.join(p.themes)}) ; elle couvre : {', '.join(a.themes)}", ()
    if p.depense not in a.depenses:
        return f"l'aide finance seulement : {', '.join(a.depenses)} (le projet demande : {p.depense})", ()
    if p.stade not in a.stades:
        if p.stade == "travaux commences":
            return "l'aide doit être demandée avant le commencement des travaux (le projet est déjà commencé)", ()
        return f"l'aide intervient au stade : {', '.join(a.stades)} (le projet est au stade : {p.stade})", ()
    reserves: list[str] = []
    if a.eligibilite == "detr":
        from .territoire.eligibilite import eligibilite_detr

        cible: Any = c
        if p.beneficiaire == "epci":
            cible = c.epci_obligatoire()
        r = eligibilite_detr(cible, population_dgf=p.population_dgf if p.beneficiaire == "commune" else None,
                             potentiel_financier_relatif=p.potentiel_financier_relatif, densite=p.densite)
        if r.eligible is False:
            return f"non éligible à la DETR : {r.constat} ({r.fondement})", ()
        if r.eligible is None:
            reserves.append(f"éligibilité DETR indécise : fournissez {', '.join(r.a_fournir)}")
        reserves += list(r.hypotheses)
    if a.eligibilite == "dpv":
        reserves.append("conditions de la DPV (quartier prioritaire, DSU) à vérifier : absentes des données du paquet")
    if a.eligibilite == "rural":
        reserves.append("le territoire doit être couvert par un GAL LEADER (périmètre absent des données du paquet)")
    if a.est_pret:
        reserves.append("c'est un prêt : inscrivez-le comme emprunt du plan, pas comme aide publique")
    if a.taux_illustratif:
        reserves.append("taux illustratif : vérifiez le règlement local")
    if a.a_verifier and a.note:
        reserves.append(a.note)
    return "", tuple(reserves)


def aides_possibles(commune: Commune | str, projet: Any) -> AidesPossibles:
    """Les aides du catalogue qui conviennent à ``commune`` pour ``projet`` et, pour les autres, pourquoi.

    ``projet`` : un thème (« renovation energetique »), un dictionnaire ({"themes": [...], "beneficiaire":
    "commune", "depense": "investissement", "stade": "avant travaux", "population_dgf": …}) ou un
    :class:`ProjetAide`.

    >>> import mba_territoires as mt
    >>> r = mt.aides_possibles("Rennes", {"themes": ["ecoles"]})
    >>> r.raison("DETR")[:30]
    'non éligible à la DETR : popul'
    """
    from .territoire.decoupage import commune as trouver_commune

    c = trouver_commune(commune)
    p = ProjetAide.depuis(projet)
    retenues = []
    ecartees = []
    for a in catalogue():
        raison, reserves = _juger(a, c, p)
        if raison:
            ecartees.append((a, raison))
        else:
            retenues.append((a, reserves))
    return AidesPossibles(c, p, tuple(retenues), tuple(ecartees))
