"""Le planning d'un projet public : tâches, chemin critique, jalons, délibérations, subventions.

- :class:`Tache` et :class:`Planning` : des tâches avec leur durée en jours et leurs prédécesseurs ;
  :meth:`Planning.ordonnancer` calcule dates au plus tôt et au plus tard, marges et chemin critique
  (méthode du chemin critique, écrite ici en quelques lignes) ;
- les **délibérations** de l'organe délibérant (conseil municipal, ou conseil communautaire pour un EPCI)
  sont des jalons du planning (``Tache(..., deliberation=["plan_de_financement"])``) :
  :meth:`Planning.deliberations` les date, :func:`verifier_deliberations` vérifie qu'elles précèdent ce
  qu'elles autorisent (la demande de subvention, la signature du marché de travaux) ;
- :class:`JalonSubvention` et :func:`verifier_subventions` : pas de commencement d'exécution avant la
  réception de la demande (CGCT R2334-24) ; la caducité (R2334-28 et R2334-29) est la règle unique de
  :func:`mba_territoires.tresorerie.caducite`, appliquée ici aux dates du planning ;
- la commande publique (valeur du besoin, procédure) vit dans :mod:`mba_territoires.marches` ;
  :func:`verifier_consultations` confronte la durée de chaque consultation au délai de sa procédure, les
  seuils étant lus à la date de début de la consultation (sa date de lancement).

Convention : les durées sont en jours calendaires. Une tâche qui commence au jour ``d`` et dure ``n`` jours
occupe les jours ``d`` à ``d + n - 1`` ; la suivante peut commencer au jour ``d + n``.

>>> import datetime as dt
>>> p = Planning([Tache("Programmation", 40), Tache("Conception", 55, ["Programmation"]),
...               Tache("Concertation", 30, ["Programmation"]),
...               Tache("Consultation", 35, ["Conception", "Concertation"])], debut=dt.date(2026, 1, 5))
>>> o = p.ordonnancer()
>>> o.duree_totale, o.chemin_critique()
(130, ['Programmation', 'Conception', 'Consultation'])
>>> o.tache("Concertation").marge
25
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from . import saisie
from .erreurs import ErreurRegle, ErreurSaisie
from .marches import Marche, Nature, ProcedureMarche, procedure_marche

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.figure import Figure

    from .cas import Cas
    from .verdicts import Verdict

__all__ = [
    "DELIBERATIONS",
    "DELIBERATIONS_EPCI",
    "Alerte",
    "JalonSubvention",
    "Marche",
    "Nature",
    "Ordonnancement",
    "Planning",
    "PlanningDuCas",
    "ProcedureMarche",
    "Tache",
    "TacheOrdonnancee",
    "ajouter_annees",
    "planning_du_cas",
    "procedure_marche",
    "texte_deliberation",
    "verifier_consultations",
    "verifier_deliberations",
    "verifier_subventions",
]

#: Ce qu'une délibération de l'organe délibérant peut décider, dans le planning (clé : libellé), pour une
#: commune (conseil municipal). Pour un EPCI, :data:`DELIBERATIONS_EPCI` remplace les libellés qui
#: nomment le maire ; :func:`texte_deliberation` choisit d'après l'organe délibérant.
DELIBERATIONS = {
    "approbation_projet": "approuve le projet (programme et enveloppe)",
    "plan_de_financement": "approuve le plan de financement",
    "demande_subvention": "autorise le maire à demander les subventions",
    "autorisation_marche": "autorise la signature du marché (au-delà des délégations au maire, CGCT L2122-22)",
    "autre": "autre décision du conseil",
}
#: Les libellés propres à un EPCI : le président, les vice-présidents ou le bureau reçoivent les
#: délégations de l'organe délibérant (CGCT L5211-10), non le maire (L2122-22 ne vise que la commune).
DELIBERATIONS_EPCI = {
    **DELIBERATIONS,
    "demande_subvention": "autorise le président à demander les subventions",
    "autorisation_marche": ("autorise la signature du marché (au-delà des délégations données au président ou au "
                            "bureau, CGCT L5211-10)"),
}
# Les mots qui désignent l'assemblée d'un EPCI (forme normalisée : sans casse, accents ni espaces).
_MOTS_EPCI = ("communautaire", "metropolitain", "syndical", "communaute", "metropole", "syndicat", "epci",
              "intercommunal")


def _organe_epci(organe: str) -> bool:
    simple = saisie.normaliser(organe)
    return any(mot in simple for mot in _MOTS_EPCI)


def texte_deliberation(cle: str, organe: str = "le conseil municipal") -> str:
    """Ce que décide une délibération, dit pour l'organe délibérant qui la vote (commune ou EPCI).

    >>> texte_deliberation("autorisation_marche", "Conseil municipal de Saint-Exemple")
    'autorise la signature du marché (au-delà des délégations au maire, CGCT L2122-22)'
    >>> texte_deliberation("autorisation_marche", "le conseil communautaire")
    'autorise la signature du marché (au-delà des délégations données au président ou au bureau, CGCT L5211-10)'
    """
    cle = saisie.choix(cle, list(DELIBERATIONS), "la délibération", synonymes=_SYNONYMES_DELIBERATION)
    return (DELIBERATIONS_EPCI if _organe_epci(organe) else DELIBERATIONS)[cle]

_SYNONYMES_DELIBERATION = {
    "approbation_projet": ["projet", "approbation du projet", "avant-projet", "programme"],
    "plan_de_financement": ["financement", "plan de financement", "approbation du plan de financement"],
    "demande_subvention": ["subvention", "subventions", "demande de subvention", "demandes de subvention"],
    "autorisation_marche": ["marche", "marché", "attribution", "signature du marché", "autorisation de signer"],
}


def _date(valeur: Any, quoi: str) -> _dt.date | None:
    """Une date facultative, lue par le seul analyseur du paquet (:func:`mba_territoires.saisie.date`)."""
    return None if valeur is None else saisie.date(valeur, quoi)


def _proches(nom: str, noms: list[str]) -> list[str]:
    """Le nom le plus proche : même début ou même mots, sinon ressemblance de difflib."""
    cle = nom.strip().lower()
    debut = [n for n in noms if cle and (n.lower().startswith(cle[:6]) or cle in n.lower())]
    return debut[:1] or difflib.get_close_matches(nom, noms, n=1, cutoff=0.5)


def ajouter_annees(jour: _dt.date, annees: int) -> _dt.date:
    """La même date ``annees`` ans plus tard (un 29 février devient un 28 février).

    >>> ajouter_annees(_dt.date(2026, 5, 20), 2)
    datetime.date(2028, 5, 20)
    >>> ajouter_annees(_dt.date(2028, 2, 29), 1)
    datetime.date(2029, 2, 28)
    """
    try:
        return jour.replace(year=jour.year + annees)
    except ValueError:
        return jour.replace(year=jour.year + annees, day=28)


# ---------------------------------------------------------------------------
# Tâches et ordonnancement
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Tache:
    """Une tâche du planning.

    >>> Tache("Travaux", 45, ["Préparation de chantier"], pas_avant="2026-07-06").pas_avant
    datetime.date(2026, 7, 6)
    """

    #: Le nom, unique dans le planning (« Consultation des entreprises »).
    nom: str
    #: La durée en jours calendaires (0 pour un jalon).
    duree_jours: int
    #: Les tâches qui doivent être finies avant que celle-ci commence.
    predecesseurs: tuple[str, ...] = ()
    #: Ne pas commencer avant cette date (ex. les vacances scolaires pour des travaux dans une école).
    pas_avant: _dt.date | None = None
    #: Date limite de fin, vérifiée mais non imposée (ex. la rentrée) : un dépassement donne une alerte.
    fin_au_plus_tard: _dt.date | None = None
    #: Vrai si la tâche est le commencement d'exécution (premier acte juridique qui engage le maître
    #: d'ouvrage : signature du marché de travaux, bon de commande). Les études n'en sont pas.
    engage: bool = False
    #: La famille de la tâche (programmation, conception, consultation, travaux...), pour les couleurs.
    phase: str = ""
    #: Si la tâche est une séance de l'organe délibérant, ce qu'elle décide (clés de :data:`DELIBERATIONS`).
    deliberation: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.nom, str) or not self.nom.strip():
            raise ErreurSaisie("une tâche n'a pas de nom", conseil="donnez à chaque tâche un nom court et unique")
        object.__setattr__(self, "nom", self.nom.strip())
        object.__setattr__(self, "duree_jours",
                           saisie.entier(self.duree_jours, f"la durée de « {self.nom} » (en jours)", minimum=0))
        preds = self.predecesseurs
        if isinstance(preds, str):
            preds = (preds,)
        object.__setattr__(self, "predecesseurs", tuple(str(x).strip() for x in preds))
        object.__setattr__(self, "pas_avant", _date(self.pas_avant, f"la date « pas avant » de « {self.nom} »"))
        object.__setattr__(self, "fin_au_plus_tard",
                           _date(self.fin_au_plus_tard, f"la date limite de « {self.nom} »"))
        objets = (self.deliberation,) if isinstance(self.deliberation, str) else tuple(self.deliberation or ())
        object.__setattr__(self, "deliberation", tuple(
            saisie.choix(o, list(DELIBERATIONS), f"la délibération de « {self.nom} »",
                         synonymes=_SYNONYMES_DELIBERATION) for o in objets))


@dataclass(frozen=True)
class TacheOrdonnancee:
    """Une tâche avec ses dates calculées (en jours depuis le début du planning, et en dates)."""

    #: La tâche d'origine.
    tache: Tache
    #: Début au plus tôt (jour).
    debut_tot: int
    #: Fin au plus tôt (jour où la suite peut commencer).
    fin_tot: int
    #: Début au plus tard sans retarder la fin du projet.
    debut_tard: int
    #: Fin au plus tard.
    fin_tard: int
    #: Le premier jour du planning.
    origine: _dt.date

    @property
    def nom(self) -> str:
        """Le nom de la tâche."""
        return self.tache.nom

    @property
    def marge(self) -> int:
        """La marge totale, en jours : le retard possible sans décaler la fin du projet."""
        return self.debut_tard - self.debut_tot

    @property
    def critique(self) -> bool:
        """Vrai si la tâche n'a aucune marge."""
        return self.marge == 0

    @property
    def date_debut(self) -> _dt.date:
        """La date de début au plus tôt."""
        return self.origine + _dt.timedelta(days=self.debut_tot)

    @property
    def date_fin(self) -> _dt.date:
        """Le dernier jour de la tâche (le jour du début pour un jalon)."""
        return self.origine + _dt.timedelta(days=max(self.fin_tot - 1, self.debut_tot))


class Planning:
    """Un ensemble de tâches et une date de départ ; vérifie noms, prédécesseurs et absence de boucle.

    Les méthodes de modification (:meth:`avec_duree`, :meth:`avec_pas_avant`, :meth:`decaler`)
    renvoient un nouveau planning : l'ancien ne change pas.

    >>> Planning([Tache("A", 3, ["B"]), Tache("B", 2, ["A"])], debut=_dt.date(2026, 1, 5))
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurRegle: le planning contient une boucle : « B » → « A » → « B ». Aucune de ces tâches ne peut commencer la première.
    Conseil : retirez « B » des prédécesseurs de « A » (ou l'inverse) : une tâche ne peut pas attendre une tâche qui l'attend.
    """  # noqa: E501

    def __init__(self, taches: Iterable[Tache | Mapping[str, Any]], debut: _dt.date | str, *,
                 marches: Iterable[Marche | Mapping[str, Any]] = (),
                 subventions: Iterable[JalonSubvention | Mapping[str, Any]] = (),
                 organe: str = "le conseil municipal") -> None:
        self.taches: tuple[Tache, ...] = tuple(_tache(t) for t in taches)
        #: Les marchés à passer, chacun porté par une tâche de consultation.
        self.marches: tuple[Marche, ...] = tuple(_marche(m) for m in marches)
        #: Les jalons des demandes de subvention.
        self.subventions: tuple[JalonSubvention, ...] = tuple(_jalon(j) for j in subventions)
        #: L'organe délibérant qui vote les délibérations (« le conseil municipal de Lyon »).
        self.organe: str = saisie.texte(organe, "l'organe délibérant")
        jour = _date(debut, "la date de début du planning")
        if jour is None:
            raise ErreurSaisie("le planning n'a pas de date de début", conseil="donnez debut=\"2026-01-05\"")
        self.debut: _dt.date = jour
        if not self.taches:
            raise ErreurSaisie("le planning n'a aucune tâche", conseil="ajoutez au moins une tâche")
        self._index = {}
        for t in self.taches:
            if t.nom in self._index:
                raise ErreurRegle(f"deux tâches s'appellent « {t.nom} »",
                                  conseil="donnez à chaque tâche un nom unique (ex. « Travaux, lot 1 »)")
            self._index[t.nom] = t
        for t in self.taches:
            for p in t.predecesseurs:
                if p == t.nom:
                    raise ErreurRegle(f"la tâche « {t.nom} » est son propre prédécesseur",
                                      conseil=f"retirez « {t.nom} » de sa liste de prédécesseurs")
                if p not in self._index:
                    proche = _proches(p, list(self._index))
                    conseil = f"vouliez-vous écrire « {proche[0]} » ? " if proche else ""
                    raise ErreurRegle(f"la tâche « {t.nom} » attend « {p} », qui n'existe pas dans le planning",
                                      conseil=conseil + "les tâches existantes : " + ", ".join(self._index))
        self._ordre = self._tri_topologique()

    def _tri_topologique(self) -> list[str]:
        """Les tâches dans un ordre où chacune vient après ses prédécesseurs ; erreur nommée si boucle."""
        etat: dict[str, int] = {}  # 1 : en cours de visite, 2 : terminé
        ordre: list[str] = []
        for depart in self._index:
            if etat.get(depart) == 2:
                continue
            pile: list[tuple[str, int]] = [(depart, 0)]
            chemin: list[str] = []
            while pile:
                nom, i = pile.pop()
                if i == 0:
                    etat[nom] = 1
                    chemin.append(nom)
                preds = self._index[nom].predecesseurs
                if i < len(preds):
                    pile.append((nom, i + 1))
                    suivant = preds[i]
                    if etat.get(suivant) == 1:
                        boucle = chemin[chemin.index(suivant):]
                        # chemin : chaque tâche attend la suivante ; on l'écrit dans le sens du temps.
                        cycle = [*reversed(boucle), boucle[-1]]
                        fleches = " → ".join(f"« {n} »" for n in cycle)
                        raise ErreurRegle(
                            f"le planning contient une boucle : {fleches}. Aucune de ces tâches ne peut commencer "
                            "la première",
                            conseil=f"retirez « {cycle[0]} » des prédécesseurs de « {cycle[1]} » (ou l'inverse) : "
                            "une tâche ne peut pas attendre une tâche qui l'attend")
                    if etat.get(suivant) != 2:
                        pile.append((suivant, 0))
                else:
                    etat[nom] = 2
                    chemin.pop()
                    ordre.append(nom)
        return ordre

    def tache(self, nom: str) -> Tache:
        """La tâche ``nom`` ; erreur française qui propose le nom le plus proche."""
        try:
            return self._index[nom]
        except KeyError:
            proche = _proches(str(nom), list(self._index))
            raise ErreurSaisie(f"le planning n'a pas de tâche « {nom} »",
                               conseil=(f"vouliez-vous écrire « {proche[0]} » ? " if proche else "")
                               + "les tâches : " + ", ".join(self._index)) from None

    def ordonnancer(self) -> Ordonnancement:
        """Dates au plus tôt (passe avant), au plus tard (passe arrière), marges et chemin critique."""
        tot: dict[str, tuple[int, int]] = {}
        for nom in self._ordre:
            t = self._index[nom]
            debut = max((tot[p][1] for p in t.predecesseurs), default=0)
            if t.pas_avant is not None:
                debut = max(debut, (t.pas_avant - self.debut).days)
            tot[nom] = (debut, debut + t.duree_jours)
        fin_projet = max(f for _, f in tot.values())
        successeurs: dict[str, list[str]] = {n: [] for n in self._index}
        for t in self.taches:
            for p in t.predecesseurs:
                successeurs[p].append(t.nom)
        tard: dict[str, tuple[int, int]] = {}
        for nom in reversed(self._ordre):
            t = self._index[nom]
            fin = min((tard[s][0] for s in successeurs[nom]), default=fin_projet)
            tard[nom] = (fin - t.duree_jours, fin)
        lignes = tuple(TacheOrdonnancee(self._index[n], tot[n][0], tot[n][1], tard[n][0], tard[n][1], self.debut)
                       for n in self._index)
        return Ordonnancement(self, lignes, fin_projet)

    # --- modifications (renvoient un nouveau planning) -----------------------------------------

    def _remplacer(self, nom: str, **champs: Any) -> Planning:
        self.tache(nom)
        return Planning([replace(t, **champs) if t.nom == nom else t for t in self.taches], self.debut,
                        marches=self.marches, subventions=self.subventions, organe=self.organe)

    def avec_duree(self, nom: str, jours: int) -> Planning:
        """Un nouveau planning où la tâche ``nom`` dure ``jours`` jours.

        >>> p = Planning([Tache("A", 10), Tache("B", 5, ["A"])], debut="2026-01-05")
        >>> p.avec_duree("A", 20).ordonnancer().duree_totale
        25
        """
        return self._remplacer(nom, duree_jours=jours)

    def avec_pas_avant(self, nom: str, jour: _dt.date | str | None) -> Planning:
        """Un nouveau planning où la tâche ``nom`` ne peut commencer avant ``jour`` (``None`` : sans contrainte)."""
        return self._remplacer(nom, pas_avant=jour)

    def decaler(self, nom: str, jours: int) -> Planning:
        """Un nouveau planning où la tâche ``nom`` commence ``jours`` jours plus tard (ou plus tôt si négatif,
        dans la limite de ses prédécesseurs).

        >>> p = Planning([Tache("A", 10), Tache("B", 5, ["A"])], debut="2026-01-05")
        >>> p.decaler("B", 7).ordonnancer().tache("B").debut_tot
        17
        """
        jours = saisie.entier(jours, "le décalage (en jours)")
        actuel = self.ordonnancer().tache(nom)
        cible = actuel.date_debut + _dt.timedelta(days=jours)
        return self.avec_pas_avant(nom, cible if cible > self.debut else None)

    # --- depuis un cas, jalons, délibérations, alertes, graphique -----------------------------

    @classmethod
    def depuis_cas(cls, cas_ou_slug: Cas | str) -> Planning:
        """Le planning de la section ``planning`` d'un cas (ou de son slug), avec marchés et subventions.

        L'organe délibérant vient de la gouvernance du cas (``projet.gouvernance.organe_deliberant``).

        >>> p = Planning.depuis_cas("cour-oasis")
        >>> p.ordonnancer().chemin_critique()[-1]
        'Réception des travaux'
        """
        from .depuis_cas import cas_depuis, section_du_cas

        cas = cas_depuis(cas_ou_slug, "le planning")
        section = section_du_cas(cas, "planning", "le planning")
        gouvernance = cas.projet.gouvernance
        organe = getattr(gouvernance, "organe_deliberant", None) if gouvernance is not None else None
        return cls([ph.model_dump() for ph in section.phases], section.debut,
                   marches=[m.model_dump() for m in section.marches],
                   subventions=[j.model_dump() for j in section.subventions],
                   organe=getattr(organe, "nom", None) or _organe_par_defaut(cas))

    def jalons(self) -> list[tuple[_dt.date, str]]:
        """Les jalons (tâches de durée nulle) et leur date, dans l'ordre chronologique.

        >>> Planning([Tache("A", 10), Tache("Vote", 0, ["A"])], "2026-01-05").jalons()
        [(datetime.date(2026, 1, 15), 'Vote')]
        """
        o = self.ordonnancer()
        return sorted((t.date_debut, t.nom) for t in o.taches if t.tache.duree_jours == 0)

    def deliberations(self) -> list[dict[str, Any]]:
        """Les séances de l'organe délibérant : date, tâche, ce qu'elles décident (pour la note aux élus).

        >>> p = Planning([Tache("Études", 30), Tache("Conseil municipal", 0, ["Études"],
        ...               deliberation=["plan_de_financement", "demande_subvention"])], "2026-01-05")
        >>> d = p.deliberations()[0]
        >>> d["date"], d["objets"]
        (datetime.date(2026, 2, 4), ('plan_de_financement', 'demande_subvention'))
        """
        o = self.ordonnancer()
        lignes = [{"date": t.date_debut, "tache": t.nom, "organe": self.organe, "objets": t.tache.deliberation,
                   "decisions": [texte_deliberation(x, self.organe) for x in t.tache.deliberation]}
                  for t in o.taches if t.tache.deliberation]
        return sorted(lignes, key=lambda d: d["date"])

    def alertes(self) -> list[Alerte]:
        """Toutes les alertes : dates limites, délais de consultation, délibérations, règles des subventions."""
        o = self.ordonnancer()
        return [*o.depassements(), *verifier_consultations(o, self.marches),
                *verifier_deliberations(o, self.subventions), *verifier_subventions(o, self.subventions)]

    def verdicts(self) -> list[Verdict]:
        """Les alertes sous la forme commune de :class:`~mba_territoires.verdicts.Verdict`."""
        return [a.verdict() for a in self.alertes()]

    def tableau_alertes(self) -> pd.DataFrame:
        """Les alertes en tableau (niveau, objet, constat, conseil, source, date limite)."""
        return _tableau_alertes(self.alertes())

    def graphique(self, titre: str = "Planning du projet (chemin critique en vermillon)") -> Figure:
        """Le diagramme de Gantt, avec la réception des demandes de subvention en repère."""
        from .affichage.graphiques_projet import gantt

        reperes = {f"réception demande {j.financeur}": j.reception_demande for j in self.subventions}
        return gantt(self.ordonnancer(), titre, jalons=reperes or None)

    def __len__(self) -> int:
        return len(self.taches)

    def __repr__(self) -> str:
        return f"Planning({len(self.taches)} tâches, début {self.debut.isoformat()})"

    def _repr_html_(self) -> str:
        return self.ordonnancer()._repr_html_()


def _organe_par_defaut(cas: Cas) -> str:
    """L'assemblée d'après le type du maître d'ouvrage, si la gouvernance du cas ne la nomme pas."""
    epci = getattr(cas.maitre_ouvrage, "type", "") == "epci"
    return "le conseil communautaire" if epci else "le conseil municipal"


def _tache(t: Tache | Mapping[str, Any] | Any) -> Tache:
    if isinstance(t, Tache):
        return t
    if hasattr(t, "model_dump"):
        t = t.model_dump()
    if isinstance(t, Mapping):
        champs = dict(t)
        if "apres" in champs:
            champs["predecesseurs"] = champs.pop("apres")
        inconnus = set(champs) - set(Tache.__dataclass_fields__)
        if inconnus:
            raise ErreurSaisie(f"la tâche {champs.get('nom', '?')!r} a des clés inconnues : "
                               f"{', '.join(sorted(inconnus))}",
                               conseil="clés possibles : " + ", ".join(Tache.__dataclass_fields__))
        return Tache(**champs)
    raise ErreurSaisie(f"{t!r} ne décrit pas une tâche", conseil="utilisez Tache(\"nom\", durée, [prédécesseurs])")


@dataclass(frozen=True)
class Ordonnancement:
    """Le résultat du calcul : une :class:`TacheOrdonnancee` par tâche, la durée totale et le chemin critique."""

    #: Le planning calculé.
    planning: Planning
    #: Les tâches ordonnancées, dans l'ordre du planning.
    taches: tuple[TacheOrdonnancee, ...]
    #: La durée totale du projet, en jours.
    duree_totale: int

    @property
    def fin(self) -> _dt.date:
        """Le dernier jour du projet."""
        return self.planning.debut + _dt.timedelta(days=max(self.duree_totale - 1, 0))

    def tache(self, nom: str) -> TacheOrdonnancee:
        """La tâche ordonnancée ``nom``."""
        self.planning.tache(nom)
        return next(t for t in self.taches if t.nom == nom)

    def chemin_critique(self) -> list[str]:
        """Les tâches sans marge, dans l'ordre chronologique.

        >>> p = Planning([Tache("A", 10), Tache("B", 5), Tache("C", 2, ["A", "B"])], debut="2026-01-05")
        >>> p.ordonnancer().chemin_critique()
        ['A', 'C']
        """
        return [t.nom for t in sorted(self.taches, key=lambda t: (t.debut_tot, t.fin_tot)) if t.critique]

    def commencement(self) -> TacheOrdonnancee | None:
        """La première tâche marquée ``engage`` (le commencement d'exécution), ou ``None``."""
        engagees = [t for t in self.taches if t.tache.engage]
        return min(engagees, key=lambda t: t.debut_tot) if engagees else None

    def depassements(self) -> list[Alerte]:
        """Les tâches qui finissent après leur date limite (``fin_au_plus_tard``)."""
        alertes = []
        for t in self.taches:
            limite = t.tache.fin_au_plus_tard
            if limite is not None and t.date_fin > limite:
                retard = (t.date_fin - limite).days
                alertes.append(Alerte(
                    "bloquant", t.nom,
                    f"« {t.nom} » finit le {t.date_fin:%d/%m/%Y}, {retard} jour(s) après sa date limite du "
                    f"{limite:%d/%m/%Y}",
                    "raccourcissez une tâche du chemin critique qui la précède, ou avancez le départ", "", limite))
        return alertes

    def tableau(self) -> pd.DataFrame:
        """Le tableau des tâches : dates, durées, marges, criticité."""
        import pandas as pd

        return pd.DataFrame([{
            "tâche": t.nom, "phase": t.tache.phase, "durée (jours)": t.tache.duree_jours,
            "après": ", ".join(t.tache.predecesseurs), "début": t.date_debut, "fin": t.date_fin,
            "début au plus tard": t.origine + _dt.timedelta(days=t.debut_tard), "marge (jours)": t.marge,
            "critique": t.critique} for t in self.taches])

    def graphique(self, titre: str = "Planning du projet (chemin critique en vermillon)") -> Figure:
        """Le diagramme de Gantt de ce calcul."""
        from .affichage.graphiques_projet import gantt

        return gantt(self, titre)

    def __repr__(self) -> str:
        return (f"Ordonnancement({len(self.taches)} tâches, {self.duree_totale} jours, "
                f"chemin critique : {' → '.join(self.chemin_critique())})")

    def _repr_html_(self) -> str:
        from .affichage.html import tableau_html
        from .formats import date_fr

        lignes = [(t.nom + (" (critique)" if t.critique else ""), t.tache.duree_jours, date_fr(t.date_debut),
                   date_fr(t.date_fin), t.marge, "oui" if t.critique else "non") for t in self.taches]
        return tableau_html(lignes, ["Tâche", "Durée (jours)", "Début", "Fin", "Marge (jours)", "Critique"],
                            legende=f"Planning : {self.duree_totale} jours, fin le {date_fr(self.fin)} "
                            "(les tâches critiques n'ont aucune marge)")


# ---------------------------------------------------------------------------
# Alertes
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Alerte:
    """Une alerte de vérification du planning."""

    #: « bloquant » (la subvention ou le calendrier est perdu), « attention », « information » ou « conforme ».
    niveau: Literal["bloquant", "attention", "information", "conforme"]
    #: Ce qui est vérifié : un financeur, une tâche, un marché.
    objet: str
    #: Le constat, en français, avec les dates.
    message: str
    #: Ce qu'il faut faire.
    conseil: str = ""
    #: L'article ou la source de la règle.
    source: str = ""
    #: La date limite en jeu, s'il y en a une.
    date_limite: _dt.date | None = None

    def __str__(self) -> str:
        texte = f"[{self.niveau}] {self.objet} : {self.message}"
        if self.conseil:
            texte += f". Conseil : {self.conseil}"
        if self.source:
            texte += f" ({self.source})"
        return texte

    def regle(self) -> str:
        """L'identifiant de la règle vérifiée, déduit de sa source.

        >>> Alerte("conforme", "DETR", "ok", source="CGCT, art. R2334-28 (…)").regle()
        'caducite_commencement'
        """
        for marque, regle in (("R2334-24", "commencement_apres_demande"), ("R2334-28", "caducite_commencement"),
                              ("R2334-29", "caducite_achevement"), ("L2121-29", "deliberation_du_conseil"),
                              ("règlement", "regle_du_financeur"), ("CCP", "delai_consultation")):
            if marque in self.source:
                return regle
        return "date_limite" if "date limite" in self.message else "planning"

    def verdict(self) -> Verdict:
        """L'alerte sous la forme commune d'un :class:`~mba_territoires.verdicts.Verdict`.

        >>> Alerte("bloquant", "DETR", "trop tôt", "décalez", "CGCT, art. R2334-24").verdict().statut
        'non respectée'
        """
        from .verdicts import Verdict

        chiffres = {"date limite (ordinal)": float(self.date_limite.toordinal())} if self.date_limite else {}
        return Verdict(regle=self.regle(), intitule=f"Planning : {self.objet}",
                       respectee=self.niveau in ("conforme", "information"), constat=self.message,
                       conseil=self.conseil, source=self.source, applicable=True,
                       a_verifier="à vérifier" in self.message or "à vérifier" in self.source,
                       chiffres=chiffres)


def _tableau_alertes(alertes: Sequence[Alerte]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([{"niveau": a.niveau, "objet": a.objet, "constat": a.message, "conseil": a.conseil,
                          "source": a.source, "date limite": a.date_limite} for a in alertes],
                        columns=["niveau", "objet", "constat", "conseil", "source", "date limite"])


# ---------------------------------------------------------------------------
# Consultations (la procédure vient de marches.py)
# ---------------------------------------------------------------------------

def _marche(m: Marche | Mapping[str, Any] | Any) -> Marche:
    if isinstance(m, Marche):
        return m
    donnees = m.model_dump() if hasattr(m, "model_dump") else dict(m)
    return Marche(**{k: v for k, v in donnees.items() if v is not None or k == "tache"})


def verifier_consultations(ordonnancement: Ordonnancement, marches: Iterable[Marche | Mapping[str, Any]],
                           annee: int | None = None) -> list[Alerte]:
    """Pour chaque marché, la procédure (seuils du jour où la consultation commence) et si la tâche de
    consultation dure au moins le délai minimal. ``annee`` est gardé pour compatibilité et ne sert plus.

    >>> p = Planning([Tache("Consultation", 15)], debut="2026-03-02")
    >>> alertes = verifier_consultations(p.ordonnancer(), [Marche("Travaux", "travaux", 104_000, "Consultation")])
    >>> alertes[0].niveau
    'attention'
    """
    alertes = []
    for m in marches:
        m = _marche(m)
        if m.tache is None:
            continue
        t = ordonnancement.tache(m.tache)
        proc = procedure_marche(m.besoin(), date=t.date_debut)
        reserve = " (chiffre à vérifier)" if proc.a_verifier else ""
        valeur = f"valeur estimée {proc.montant_ht:,.0f} € HT".replace(",", "\u202f")
        if t.tache.duree_jours < proc.delai_min_jours:
            alertes.append(Alerte("attention", m.objet,
                                  f"« {t.nom} » dure {t.tache.duree_jours} jours ; la {proc.libelle.lower()} "
                                  f"({valeur}, lancée le {t.date_debut:%d/%m/%Y}) demande au moins "
                                  f"{proc.delai_min_jours} jours de délai{reserve}",
                                  f"allongez « {t.nom} » à {proc.delai_min_jours} jours au moins, plus le temps "
                                  "d'analyse des offres", proc.citation))
        else:
            alertes.append(Alerte("conforme", m.objet,
                                  f"{proc.libelle} ({valeur}, lancée le {t.date_debut:%d/%m/%Y}) ; « {t.nom} » "
                                  f"({t.tache.duree_jours} jours) couvre le délai minimal de {proc.delai_min_jours} "
                                  f"jours{reserve}", "", proc.citation))
    return alertes


# ---------------------------------------------------------------------------
# Subventions : réception de la demande et caducité
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class JalonSubvention:
    """Les dates d'une demande de subvention.

    >>> JalonSubvention("DETR", "2026-01-30", "2026-05-20").notification
    datetime.date(2026, 5, 20)
    """

    #: Le financeur (« DETR », « Agence de l'eau »).
    financeur: str
    #: La date de réception de la demande par le financeur (accusé de réception).
    reception_demande: _dt.date
    #: La date de notification de l'aide (``None`` si elle n'est pas encore connue).
    notification: _dt.date | None = None
    #: « dotation_etat » (DETR, DSIL : CGCT R2334-24 à R2334-29) ou « autre » (règlement du financeur).
    regle: Literal["dotation_etat", "autre"] = "dotation_etat"

    def __post_init__(self) -> None:
        object.__setattr__(self, "reception_demande",
                           _date(self.reception_demande, f"la réception de la demande « {self.financeur} »"))
        object.__setattr__(self, "notification", _date(self.notification, f"la notification « {self.financeur} »"))
        if self.reception_demande is None:
            raise ErreurSaisie(f"la demande « {self.financeur} » n'a pas de date de réception",
                               conseil="donnez la date de l'accusé de réception, AAAA-MM-JJ")
        if self.regle not in ("dotation_etat", "autre"):
            raise ErreurSaisie(f"la règle de « {self.financeur} » vaut {self.regle!r}",
                               conseil="choisissez « dotation_etat » (DETR, DSIL) ou « autre »")
        if self.notification is not None and self.notification < self.reception_demande:
            raise ErreurSaisie(f"la notification de « {self.financeur} » ({self.notification:%d/%m/%Y}) précède la "
                               f"réception de la demande ({self.reception_demande:%d/%m/%Y})",
                               conseil="vérifiez les deux dates : on notifie une aide après avoir reçu la demande")


def _jalon(j: JalonSubvention | Mapping[str, Any] | Any) -> JalonSubvention:
    if isinstance(j, JalonSubvention):
        return j
    return JalonSubvention(**(j.model_dump() if hasattr(j, "model_dump") else dict(j)))


def verifier_subventions(ordonnancement: Ordonnancement, jalons: Iterable[JalonSubvention | Mapping[str, Any]],
                         annee: int | None = None) -> list[Alerte]:
    """Confronte le planning aux jalons des subventions et renvoie une alerte par règle et par financeur.

    - R2334-24 : aucun commencement d'exécution avant la réception de la demande (le jour même est admis) ;
    - R2334-28 et R2334-29 (caducité) : la règle unique :func:`mba_territoires.tresorerie.caducite`, qui lit
      ses délais dans ``caducite.*``, appliquée au commencement et à l'achèvement du planning.

    Le commencement d'exécution est la première tâche marquée ``engage`` ; l'achèvement, la fin du projet.
    Les paramètres sont ceux en vigueur à la notification (``annee`` est gardé pour compatibilité).

    >>> p = Planning([Tache("Signature du marché", 1, engage=True), Tache("Travaux", 40, ["Signature du marché"])],
    ...              debut="2026-03-02")
    >>> [a.niveau for a in verifier_subventions(p.ordonnancer(), [JalonSubvention("DETR", "2026-03-03")])]
    ['bloquant']
    """
    from .tresorerie import caducite

    commencement = ordonnancement.commencement()
    alertes: list[Alerte] = []
    if commencement is None:
        return [Alerte("attention", "planning", "aucune tâche n'est marquée comme commencement d'exécution",
                       "marquez engage=True la première signature qui engage la collectivité (marché de travaux, "
                       "bon de commande) : les études et acquisitions foncières n'en sont pas")]
    jour = commencement.date_debut
    achevement = ordonnancement.fin
    for j in jalons:
        j = _jalon(j)
        etat = j.regle == "dotation_etat"
        article = "CGCT, art. R2334-24" if etat else "règlement d'aide du financeur (à vérifier)"
        if jour < j.reception_demande:
            alertes.append(Alerte(
                "bloquant" if etat else "attention", j.financeur,
                f"« {commencement.nom} » commence le {jour:%d/%m/%Y}, avant la réception de la demande "
                f"({j.reception_demande:%d/%m/%Y}) : l'opération ne peut plus être subventionnée"
                + ("" if etat else " si le règlement du financeur suit la règle habituelle"),
                f"décalez « {commencement.nom} » au {j.reception_demande:%d/%m/%Y} au plus tôt, ou déposez la "
                "demande plus tôt", article, j.reception_demande))
        else:
            alertes.append(Alerte("conforme", j.financeur,
                                  f"le commencement d'exécution ({jour:%d/%m/%Y}) suit la réception de la demande "
                                  f"({j.reception_demande:%d/%m/%Y})", "", article, j.reception_demande))
        if j.notification is not None and jour < j.notification:
            alertes.append(Alerte("information", j.financeur,
                                  f"le commencement d'exécution ({jour:%d/%m/%Y}) précède la notification "
                                  f"({j.notification:%d/%m/%Y}) : c'est permis, mais sans garantie d'obtenir l'aide",
                                  "faites délibérer le conseil sur ce risque", article))
        if not etat or j.notification is None:
            continue
        # La règle de caducité une seule fois : tresorerie.caducite (R2334-28 et R2334-29).
        annee_notif = {"annee": j.notification.year} if j.notification.year in _annees() else {}
        c = caducite(j.notification, commencement=jour, achevement=achevement, **annee_notif)
        debut_src, fin_src = c.sources
        if jour <= c.limite_commencement:
            alertes.append(Alerte("conforme", j.financeur,
                                  f"commencement le {jour:%d/%m/%Y}, avant la date de caducité du "
                                  f"{c.limite_commencement:%d/%m/%Y}", "", debut_src, c.limite_commencement))
        elif jour <= c.limite_commencement_prorogee:
            alertes.append(Alerte("attention", j.financeur,
                                  f"commencement le {jour:%d/%m/%Y}, après la date limite suivant la notification "
                                  f"({c.limite_commencement:%d/%m/%Y}) : la subvention devient caduque sans "
                                  "prorogation",
                                  f"demandez au préfet une prorogation (jusqu'au "
                                  f"{c.limite_commencement_prorogee:%d/%m/%Y} au plus) avant l'échéance", debut_src,
                                  c.limite_commencement))
        else:
            alertes.append(Alerte("bloquant", j.financeur,
                                  f"commencement le {jour:%d/%m/%Y}, après le délai de caducité même prorogé "
                                  f"({c.limite_commencement_prorogee:%d/%m/%Y}) : la subvention est perdue",
                                  "avancez le commencement d'exécution ou redéposez une demande",
                                  debut_src, c.limite_commencement_prorogee))
        fin_limite, fin_limite_pro = c.limite_achevement, c.limite_achevement_prorogee
        assert fin_limite is not None and fin_limite_pro is not None  # le commencement est connu
        if achevement <= fin_limite:
            alertes.append(Alerte("conforme", j.financeur,
                                  f"achèvement le {achevement:%d/%m/%Y}, avant la limite du {fin_limite:%d/%m/%Y} "
                                  "comptée depuis le commencement", "", fin_src, fin_limite))
        elif achevement <= fin_limite_pro:
            alertes.append(Alerte("attention", j.financeur,
                                  f"achèvement le {achevement:%d/%m/%Y}, après la limite du {fin_limite:%d/%m/%Y}",
                                  f"demandez une prorogation (jusqu'au {fin_limite_pro:%d/%m/%Y} au plus) avant "
                                  "l'échéance", fin_src, fin_limite))
        else:
            alertes.append(Alerte("bloquant", j.financeur,
                                  f"achèvement le {achevement:%d/%m/%Y}, après le délai prorogé "
                                  f"({fin_limite_pro:%d/%m/%Y}) : plus aucun paiement possible",
                                  "découpez l'opération en tranches ou raccourcissez les travaux",
                                  fin_src, fin_limite_pro))
    return alertes


def _annees() -> list[int]:
    from .parametres import annees_disponibles

    return annees_disponibles()


# ---------------------------------------------------------------------------
# Délibérations de l'organe délibérant
# ---------------------------------------------------------------------------

_SOURCE_DELIBERATION = ("CGCT, art. L2121-29 (le conseil municipal règle par ses délibérations les affaires de la "
                        "commune) et L2122-22 (délégations au maire)")


def verifier_deliberations(ordonnancement: Ordonnancement,
                           subventions: Iterable[JalonSubvention | Mapping[str, Any]] = ()) -> list[Alerte]:
    """Les délibérations du conseil précèdent-elles ce qu'elles autorisent ?

    - chaque demande de subvention : une séance qui approuve le plan de financement (ou autorise la
      demande) doit se tenir au plus tard le jour de la réception de la demande (les dossiers DETR et DSIL
      demandent la délibération qui approuve l'opération et son plan de financement) ;
    - le commencement d'exécution (la tâche ``engage``) : une séance qui approuve le projet doit le
      précéder ; si le marché dépasse les délégations données au maire (CGCT L2122-22), elle doit aussi
      autoriser sa signature.

    Les comités (pilotage, technique) préparent et conseillent : ils ne remplacent pas ces délibérations.

    >>> p = Planning([Tache("Conseil municipal", 0, deliberation="plan_de_financement"),
    ...               Tache("Signature du marché", 1, ["Conseil municipal"], engage=True)], "2026-01-05")
    >>> [a.niveau for a in verifier_deliberations(p.ordonnancer(), [JalonSubvention("DETR", "2026-01-30")])]
    ['conforme', 'attention']
    """
    seances = sorted(((t.date_debut, t) for t in ordonnancement.taches if t.tache.deliberation),
                     key=lambda x: x[0])
    alertes: list[Alerte] = []
    for j in subventions:
        j = _jalon(j)
        utiles = [(d, t) for d, t in seances
                  if {"plan_de_financement", "demande_subvention"} & set(t.tache.deliberation)]
        avant = [(d, t) for d, t in utiles if d <= j.reception_demande]
        if avant:
            d, t = avant[-1]
            alertes.append(Alerte("conforme", j.financeur,
                                  f"« {t.nom} » ({d:%d/%m/%Y}) approuve le plan de financement avant la réception de "
                                  f"la demande ({j.reception_demande:%d/%m/%Y})", "", _SOURCE_DELIBERATION, d))
        elif utiles:
            d, t = utiles[0]
            alertes.append(Alerte("attention", j.financeur,
                                  f"la délibération « {t.nom} » ({d:%d/%m/%Y}) vient après la réception de la demande "
                                  f"({j.reception_demande:%d/%m/%Y}) : le dossier part sans la délibération qui "
                                  "approuve l'opération et son plan de financement",
                                  f"avancez la séance du conseil avant le {j.reception_demande:%d/%m/%Y}, ou déposez "
                                  "la demande après le vote", _SOURCE_DELIBERATION, j.reception_demande))
        else:
            alertes.append(Alerte("attention", j.financeur,
                                  "aucune séance du conseil n'approuve le plan de financement ni n'autorise la demande",
                                  "ajoutez au planning un jalon « Conseil municipal » (durée 0) avec "
                                  "deliberation=[\"plan_de_financement\", \"demande_subvention\"] avant la demande",
                                  _SOURCE_DELIBERATION, j.reception_demande))
    commencement = ordonnancement.commencement()
    if commencement is not None:
        projet = [(d, t) for d, t in seances if d <= commencement.date_debut
                  and {"approbation_projet", "plan_de_financement"} & set(t.tache.deliberation)]
        marche = [(d, t) for d, t in seances if d <= commencement.date_debut
                  and "autorisation_marche" in t.tache.deliberation]
        if not projet:
            alertes.append(Alerte("attention", commencement.nom,
                                  f"« {commencement.nom} » ({commencement.date_debut:%d/%m/%Y}) engage la collectivité "
                                  "sans délibération préalable qui approuve le projet",
                                  "ajoutez une séance du conseil qui approuve le projet et son plan de financement "
                                  "avant la signature", _SOURCE_DELIBERATION))
        if not marche:
            alertes.append(Alerte("attention", commencement.nom,
                                  f"aucune délibération n'autorise la signature de « {commencement.nom} » : c'est "
                                  "possible seulement si le conseil a délégué au maire ce marché (CGCT L2122-22, "
                                  "4°) ; sinon, le conseil doit autoriser la signature",
                                  "vérifiez la délibération de délégation ; à défaut, ajoutez une séance avec "
                                  "deliberation=\"autorisation_marche\" après l'analyse des offres",
                                  _SOURCE_DELIBERATION))
        else:
            d, t = marche[-1]
            alertes.append(Alerte("conforme", commencement.nom,
                                  f"« {t.nom} » ({d:%d/%m/%Y}) autorise la signature avant « {commencement.nom} » "
                                  f"({commencement.date_debut:%d/%m/%Y})", "", _SOURCE_DELIBERATION, d))
    return alertes


# ---------------------------------------------------------------------------
# Depuis un cas (ancienne forme, gardée)
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanningDuCas:
    """Le planning d'un cas avec ses marchés et ses jalons de subvention (ancienne forme).

    Préférez :meth:`Planning.depuis_cas`, qui porte lui-même marchés et subventions ; cette classe reste
    pour les carnets et ateliers existants.
    """

    #: Le planning.
    planning: Planning
    #: Les marchés à passer.
    marches: tuple[Marche, ...] = ()
    #: Les jalons des demandes de subvention.
    subventions: tuple[JalonSubvention, ...] = ()
    #: L'année du cas (gardée pour compatibilité : les règles lisent la date de chaque objet).
    annee: int = 2026

    def alertes(self, planning: Planning | None = None) -> list[Alerte]:
        """Toutes les alertes : dates limites, délais de consultation, délibérations, règles des subventions."""
        o = (planning or self.planning).ordonnancer()
        return [*o.depassements(), *verifier_consultations(o, self.marches),
                *verifier_deliberations(o, self.subventions), *verifier_subventions(o, self.subventions)]

    def tableau_alertes(self, planning: Planning | None = None) -> pd.DataFrame:
        """Les alertes en tableau (niveau, objet, constat, conseil, source, date limite)."""
        return _tableau_alertes(self.alertes(planning))

    def graphique(self) -> Figure:
        """Le diagramme de Gantt du planning."""
        return self.planning.graphique()


def planning_du_cas(cas: Cas | str) -> PlanningDuCas:
    """Le planning d'un cas avec ses marchés et ses subventions (alias de :meth:`Planning.depuis_cas`).

    >>> pc = planning_du_cas("cour-oasis")
    >>> pc.planning.ordonnancer().chemin_critique()[-1]
    'Réception des travaux'
    """
    p = Planning.depuis_cas(cas)
    annee = cas.annee if not isinstance(cas, str) else p.debut.year
    return PlanningDuCas(p, p.marches, p.subventions, annee)
