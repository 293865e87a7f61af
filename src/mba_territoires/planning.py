"""Le planning d'un projet public : tâches, chemin critique, procédure de marché, jalons de subvention.

- :class:`Tache` et :class:`Planning` : des tâches avec leur durée en jours et leurs prédécesseurs ;
  :meth:`Planning.ordonnancer` calcule dates au plus tôt et au plus tard, marges et chemin critique
  (méthode du chemin critique, écrite ici en quelques lignes) ;
- :func:`procedure_marche` : la procédure et ses délais minimaux, d'après le montant, la nature du marché,
  la date et les seuils datés des paramètres (``commande_publique.*``) ;
- :class:`JalonSubvention` et :func:`verifier_subventions` : pas de commencement d'exécution avant la
  réception de la demande (CGCT R2334-24), caducité si l'opération ne commence pas dans les deux ans de la
  notification (R2334-28) ou ne s'achève pas dans les quatre ans (R2334-29) — délais lus dans ``caducite.*``.

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
from html import escape
from numbers import Real
from typing import TYPE_CHECKING, Any, Literal

from .erreurs import ErreurMontant, ErreurRegle, ErreurSaisie
from .parametres import parametres

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .cas import Cas

__all__ = [
    "Alerte",
    "JalonSubvention",
    "Marche",
    "Ordonnancement",
    "Planning",
    "PlanningDuCas",
    "ProcedureMarche",
    "Tache",
    "TacheOrdonnancee",
    "ajouter_annees",
    "planning_du_cas",
    "procedure_marche",
    "verifier_consultations",
    "verifier_subventions",
]


def _date(valeur: Any, nom: str) -> _dt.date | None:
    if valeur is None or (isinstance(valeur, _dt.date) and not isinstance(valeur, _dt.datetime)):
        return valeur
    if isinstance(valeur, _dt.datetime):
        return valeur.date()
    if isinstance(valeur, str):
        try:
            return _dt.date.fromisoformat(valeur.strip())
        except ValueError:
            pass
    raise ErreurSaisie(f"{nom} vaut {valeur!r}, ce n'est pas une date",
                       conseil="écrivez la date AAAA-MM-JJ, par exemple \"2026-07-06\"")


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

    def __post_init__(self) -> None:
        if not isinstance(self.nom, str) or not self.nom.strip():
            raise ErreurSaisie("une tâche n'a pas de nom", conseil="donnez à chaque tâche un nom court et unique")
        object.__setattr__(self, "nom", self.nom.strip())
        d = self.duree_jours
        if isinstance(d, bool) or not isinstance(d, Real) or d != d or d < 0 or int(d) != d:
            raise ErreurSaisie(f"la durée de « {self.nom} » vaut {d!r}",
                               conseil="donnez un nombre entier de jours, positif ou nul (0 pour un jalon)")
        object.__setattr__(self, "duree_jours", int(d))
        preds = self.predecesseurs
        if isinstance(preds, str):
            preds = (preds,)
        object.__setattr__(self, "predecesseurs", tuple(str(x).strip() for x in preds))
        object.__setattr__(self, "pas_avant", _date(self.pas_avant, f"la date « pas avant » de « {self.nom} »"))
        object.__setattr__(self, "fin_au_plus_tard",
                           _date(self.fin_au_plus_tard, f"la date limite de « {self.nom} »"))


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

    def __init__(self, taches: Iterable[Tache | Mapping[str, Any]], debut: _dt.date | str) -> None:
        self.taches: tuple[Tache, ...] = tuple(_tache(t) for t in taches)
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
        return Planning([replace(t, **champs) if t.nom == nom else t for t in self.taches], self.debut)

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
        if isinstance(jours, bool) or not isinstance(jours, int):
            raise ErreurSaisie(f"le décalage vaut {jours!r}", conseil="donnez un nombre entier de jours")
        actuel = self.ordonnancer().tache(nom)
        cible = actuel.date_debut + _dt.timedelta(days=jours)
        return self.avec_pas_avant(nom, cible if cible > self.debut else None)

    def __len__(self) -> int:
        return len(self.taches)

    def __repr__(self) -> str:
        return f"Planning({len(self.taches)} tâches, début {self.debut.isoformat()})"

    def _repr_html_(self) -> str:
        return self.ordonnancer()._repr_html_()


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


_GRAS = ' style="font-weight:bold"'


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

    def __repr__(self) -> str:
        return (f"Ordonnancement({len(self.taches)} tâches, {self.duree_totale} jours, "
                f"chemin critique : {' → '.join(self.chemin_critique())})")

    def _repr_html_(self) -> str:
        lignes = "".join(
            f"<tr{_GRAS if t.critique else ''}><td>{escape(t.nom)}</td>"
            f"<td>{t.tache.duree_jours}</td><td>{t.date_debut:%d/%m/%Y}</td><td>{t.date_fin:%d/%m/%Y}</td>"
            f"<td>{t.marge}</td><td>{'oui' if t.critique else ''}</td></tr>" for t in self.taches)
        return (f"<table><caption>Planning : {self.duree_totale} jours, fin le {self.fin:%d/%m/%Y} "
                "(en gras, le chemin critique)</caption><thead><tr><th>Tâche</th><th>Durée (j)</th><th>Début</th>"
                f"<th>Fin</th><th>Marge (j)</th><th>Critique</th></tr></thead><tbody>{lignes}</tbody></table>")


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


def _tableau_alertes(alertes: Sequence[Alerte]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([{"niveau": a.niveau, "objet": a.objet, "constat": a.message, "conseil": a.conseil,
                          "source": a.source, "date limite": a.date_limite} for a in alertes],
                        columns=["niveau", "objet", "constat", "conseil", "source", "date limite"])


# ---------------------------------------------------------------------------
# Commande publique
# ---------------------------------------------------------------------------

Nature = Literal["travaux", "fournitures_services"]


@dataclass(frozen=True)
class ProcedureMarche:
    """La procédure de passation d'un marché et ses délais minimaux."""

    #: « travaux » ou « fournitures_services ».
    nature: str
    #: La valeur estimée du besoin, en euros HT.
    montant_ht: float
    #: « dispense », « adaptee » ou « formalisee ».
    procedure: str
    #: Le nom de la procédure, en français.
    libelle: str
    #: Le seuil qui a décidé (euros HT) et sa citation.
    seuil: float
    #: D'où vient le seuil.
    citation: str
    #: La publicité exigée.
    publicite: str
    #: Le délai minimal de réception des offres, en jours (0 : pas de délai imposé).
    delai_offres_jours: int
    #: Le délai de suspension avant signature (standstill), en jours.
    standstill_jours: int
    #: Vrai si l'un des chiffres utilisés attend une confirmation.
    a_verifier: bool = False

    @property
    def delai_min_jours(self) -> int:
        """Le délai minimal entre la publication et la signature possible : offres + suspension."""
        return self.delai_offres_jours + self.standstill_jours

    def __str__(self) -> str:
        reserve = " (chiffre à vérifier)" if self.a_verifier else ""
        return (f"{self.libelle} ; publicité : {self.publicite} ; délai minimal : {self.delai_min_jours} jours"
                f"{reserve}")

    def _repr_html_(self) -> str:
        from .formats import euros

        nature = escape(self.nature.replace("_", " et "))
        return (f"<p><strong>{escape(self.libelle)}</strong> pour un marché de {nature}"
                f" de {euros(self.montant_ht, 0)} HT.<br>Publicité : {escape(self.publicite)}.<br>"
                f"Délai minimal avant signature : {self.delai_min_jours} jours.<br><small>Seuil : "
                f"{euros(self.seuil, 0)} HT — {escape(self.citation)}</small></p>")


def procedure_marche(montant_ht: float, nature: Nature = "travaux", date: _dt.date | str | None = None,
                     annee: int = 2026, acheteur: Literal["collectivite", "etat"] = "collectivite") -> ProcedureMarche:
    """La procédure d'un marché selon sa valeur estimée HT, sa nature et la date de lancement.

    Les seuils sont dans ``commande_publique.*`` : en dessous du seuil de dispense, ni publicité ni mise en
    concurrence obligatoires (CCP R2122-8) ; à partir de lui, procédure adaptée ; à partir du seuil
    européen, procédure formalisée (appel d'offres). Le montant égal au seuil passe dans la procédure du
    dessus (« égale ou supérieure »). Pour les fournitures et services, le seuil de dispense dépend de la
    date (``date`` ; par défaut le 1er janvier de ``annee``).

    >>> procedure_marche(104_000).procedure
    'adaptee'
    >>> procedure_marche(99_999.99).procedure
    'dispense'
    >>> procedure_marche(50_000, "fournitures_services", date="2026-04-01").procedure
    'dispense'
    """
    if isinstance(montant_ht, bool) or not isinstance(montant_ht, Real) or montant_ht != montant_ht or montant_ht < 0:
        raise ErreurMontant(f"la valeur estimée du marché vaut {montant_ht!r}",
                            conseil="donnez un montant positif en euros HT, par exemple 104000")
    if nature not in ("travaux", "fournitures_services"):
        raise ErreurSaisie(f"la nature du marché vaut {nature!r}",
                           conseil="choisissez « travaux » ou « fournitures_services » (la maîtrise d'œuvre est un "
                           "service)")
    if acheteur not in ("collectivite", "etat"):
        raise ErreurSaisie(f"l'acheteur vaut {acheteur!r}", conseil="choisissez « collectivite » ou « etat »")
    p = parametres(annee)
    jour = _date(date, "la date de lancement") or _dt.date(annee, 1, 1)
    montant = float(montant_ht)
    if nature == "travaux":
        dispense = p.parametre("commande_publique.dispense_travaux")
        formalise = p.parametre("commande_publique.formalise_travaux")
    else:
        dispense = p.parametre("commande_publique.dispense_fournitures_services")
        avril = p.parametre("commande_publique.dispense_fournitures_services_avril")
        if jour >= avril.date:
            dispense = avril
        cle = ("formalise_fournitures_services_collectivites" if acheteur == "collectivite"
               else "formalise_fournitures_services_etat")
        formalise = p.parametre(f"commande_publique.{cle}")
    boamp = p.parametre("commande_publique.publicite_boamp")
    if montant < dispense.valeur:
        return ProcedureMarche(nature, montant, "dispense", "Marché sans publicité ni mise en concurrence préalables",
                               dispense.valeur, dispense.citation(),
                               "aucune obligée ; demander plusieurs devis reste une bonne pratique", 0, 0,
                               dispense.a_verifier)
    if montant < formalise.valeur:
        mapa = p.parametre("commande_publique.delai_mapa_conseille")
        if montant >= boamp.valeur:
            publicite = "avis au BOAMP ou dans un journal d'annonces légales (CCP R2131-12)"
        else:
            publicite = "libre, adaptée au montant et à l'objet (CCP R2131-12)"
        return ProcedureMarche(nature, montant, "adaptee", "Procédure adaptée (MAPA)", dispense.valeur,
                               f"{dispense.citation()} ; délai : {mapa.source}", publicite, int(mapa.valeur), 0,
                               dispense.a_verifier or mapa.a_verifier or boamp.a_verifier)
    ao = p.parametre("commande_publique.delai_appel_offres_ouvert")
    standstill = p.parametre("commande_publique.standstill")
    return ProcedureMarche(nature, montant, "formalisee", "Procédure formalisée (appel d'offres ouvert)",
                           formalise.valeur, f"{formalise.citation()} ; délais : {ao.source}, {standstill.source}",
                           "avis au BOAMP et au Journal officiel de l'Union européenne", int(ao.valeur),
                           int(standstill.valeur), formalise.a_verifier or ao.a_verifier)


@dataclass(frozen=True)
class Marche:
    """Un marché à passer, porté par une tâche de consultation du planning."""

    #: L'objet du marché (« Travaux de la cour »).
    objet: str
    #: « travaux » ou « fournitures_services ».
    nature: Nature
    #: La valeur estimée, en euros HT.
    montant_ht: float
    #: Le nom de la tâche du planning qui porte la consultation.
    tache: str | None = None


def verifier_consultations(ordonnancement: Ordonnancement, marches: Iterable[Marche | Mapping[str, Any]],
                           annee: int = 2026) -> list[Alerte]:
    """Pour chaque marché, la procédure et si la tâche de consultation dure au moins le délai minimal.

    >>> p = Planning([Tache("Consultation", 15)], debut="2026-03-02")
    >>> alertes = verifier_consultations(p.ordonnancer(), [Marche("Travaux", "travaux", 104_000, "Consultation")])
    >>> alertes[0].niveau
    'attention'
    """
    alertes = []
    for m in marches:
        if not isinstance(m, Marche):
            m = Marche(**(m.model_dump() if hasattr(m, "model_dump") else dict(m)))
        if m.tache is None:
            continue
        t = ordonnancement.tache(m.tache)
        proc = procedure_marche(m.montant_ht, m.nature, t.date_debut, annee)
        reserve = " (chiffre à vérifier)" if proc.a_verifier else ""
        if t.tache.duree_jours < proc.delai_min_jours:
            alertes.append(Alerte("attention", m.objet,
                                  f"« {t.nom} » dure {t.tache.duree_jours} jours ; la {proc.libelle.lower()} demande "
                                  f"au moins {proc.delai_min_jours} jours de délai{reserve}",
                                  f"allongez « {t.nom} » à {proc.delai_min_jours} jours au moins, plus le temps "
                                  "d'analyse des offres", proc.citation))
        else:
            alertes.append(Alerte("conforme", m.objet,
                                  f"{proc.libelle} ; « {t.nom} » ({t.tache.duree_jours} jours) couvre le délai "
                                  f"minimal de {proc.delai_min_jours} jours{reserve}", "", proc.citation))
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


def verifier_subventions(ordonnancement: Ordonnancement, jalons: Iterable[JalonSubvention | Mapping[str, Any]],
                         annee: int = 2026) -> list[Alerte]:
    """Confronte le planning aux jalons des subventions et renvoie une alerte par règle et par financeur.

    - R2334-24 : aucun commencement d'exécution avant la réception de la demande (le jour même est admis) ;
    - R2334-28 : commencement au plus tard ``caducite.delai_commencement`` ans après la notification,
      prorogeable de ``caducite.prorogation_commencement`` an ;
    - R2334-29 : achèvement au plus tard ``caducite.delai_achevement`` ans après le commencement,
      prorogeable de ``caducite.prorogation_achevement`` ans.

    Le commencement d'exécution est la première tâche marquée ``engage`` ; l'achèvement, la fin du projet.

    >>> p = Planning([Tache("Signature du marché", 1, engage=True), Tache("Travaux", 40, ["Signature du marché"])],
    ...              debut="2026-03-02")
    >>> [a.niveau for a in verifier_subventions(p.ordonnancer(), [JalonSubvention("DETR", "2026-03-03")])]
    ['bloquant']
    """
    p = parametres(annee)
    debut_max = p.parametre("caducite.delai_commencement")
    debut_pro = p.parametre("caducite.prorogation_commencement")
    fin_max = p.parametre("caducite.delai_achevement")
    fin_pro = p.parametre("caducite.prorogation_achevement")
    commencement = ordonnancement.commencement()
    alertes: list[Alerte] = []
    if commencement is None:
        return [Alerte("attention", "planning", "aucune tâche n'est marquée comme commencement d'exécution",
                       "marquez engage=True la première signature qui engage la collectivité (marché de travaux, "
                       "bon de commande) : les études et acquisitions foncières n'en sont pas")]
    jour = commencement.date_debut
    achevement = ordonnancement.fin
    for j in jalons:
        if not isinstance(j, JalonSubvention):
            j = JalonSubvention(**(j.model_dump() if hasattr(j, "model_dump") else dict(j)))
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
        limite = ajouter_annees(j.notification, int(debut_max.valeur))
        limite_pro = ajouter_annees(limite, int(debut_pro.valeur))
        if jour <= limite:
            alertes.append(Alerte("conforme", j.financeur,
                                  f"commencement le {jour:%d/%m/%Y}, avant la date de caducité du {limite:%d/%m/%Y}",
                                  "", debut_max.citation(), limite))
        elif jour <= limite_pro:
            alertes.append(Alerte("attention", j.financeur,
                                  f"commencement le {jour:%d/%m/%Y}, après le délai de {debut_max.valeur} ans suivant "
                                  f"la notification ({limite:%d/%m/%Y}) : la subvention devient caduque sans "
                                  "prorogation",
                                  f"demandez au préfet une prorogation (au plus {debut_pro.valeur} an, jusqu'au "
                                  f"{limite_pro:%d/%m/%Y}) avant l'échéance", debut_pro.citation(), limite))
        else:
            alertes.append(Alerte("bloquant", j.financeur,
                                  f"commencement le {jour:%d/%m/%Y}, après le délai de caducité même prorogé "
                                  f"({limite_pro:%d/%m/%Y}) : la subvention est perdue",
                                  "avancez le commencement d'exécution ou redéposez une demande",
                                  debut_max.citation(), limite_pro))
        fin_limite = ajouter_annees(jour, int(fin_max.valeur))
        fin_limite_pro = ajouter_annees(fin_limite, int(fin_pro.valeur))
        if achevement <= fin_limite:
            alertes.append(Alerte("conforme", j.financeur,
                                  f"achèvement le {achevement:%d/%m/%Y}, dans les {fin_max.valeur} ans du commencement "
                                  f"({fin_limite:%d/%m/%Y})", "", fin_max.citation(), fin_limite))
        elif achevement <= fin_limite_pro:
            alertes.append(Alerte("attention", j.financeur,
                                  f"achèvement le {achevement:%d/%m/%Y}, après le délai de {fin_max.valeur} ans "
                                  f"({fin_limite:%d/%m/%Y})",
                                  f"demandez une prorogation (au plus {fin_pro.valeur} ans) avant l'échéance",
                                  fin_pro.citation(), fin_limite))
        else:
            alertes.append(Alerte("bloquant", j.financeur,
                                  f"achèvement le {achevement:%d/%m/%Y}, après le délai prorogé "
                                  f"({fin_limite_pro:%d/%m/%Y}) : plus aucun paiement possible",
                                  "découpez l'opération en tranches ou raccourcissez les travaux",
                                  fin_max.citation(), fin_limite_pro))
    return alertes


# ---------------------------------------------------------------------------
# Depuis un cas
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanningDuCas:
    """Le planning d'un cas avec ses marchés et ses jalons de subvention."""

    #: Le planning.
    planning: Planning
    #: Les marchés à passer.
    marches: tuple[Marche, ...] = ()
    #: Les jalons des demandes de subvention.
    subventions: tuple[JalonSubvention, ...] = ()
    #: L'année des paramètres.
    annee: int = 2026

    def alertes(self, planning: Planning | None = None) -> list[Alerte]:
        """Toutes les alertes : dates limites, délais de consultation, règles des subventions."""
        o = (planning or self.planning).ordonnancer()
        return [*o.depassements(), *verifier_consultations(o, self.marches, self.annee),
                *verifier_subventions(o, self.subventions, self.annee)]

    def tableau_alertes(self, planning: Planning | None = None) -> pd.DataFrame:
        """Les alertes en tableau (niveau, objet, constat, conseil, source, date limite)."""
        return _tableau_alertes(self.alertes(planning))


def planning_du_cas(cas: Cas) -> PlanningDuCas:
    """Le planning de la section ``planning`` d'un cas, avec ses marchés et ses subventions.

    >>> from mba_territoires.cas import charger
    >>> pc = planning_du_cas(charger("cour-oasis"))
    >>> pc.planning.ordonnancer().chemin_critique()[-1]
    'Réception des travaux'
    """
    from .erreurs import ErreurDonnees

    section = cas.planning
    if section is None:
        raise ErreurDonnees(f"le cas « {cas.slug} » n'a pas de section planning",
                            conseil="ajoutez « planning: » avec debut et phases dans cas.yaml")
    planning = Planning([ph.model_dump() for ph in section.phases], section.debut)
    marches = tuple(Marche(**m.model_dump()) for m in section.marches)
    subventions = tuple(JalonSubvention(**s.model_dump()) for s in section.subventions)
    return PlanningDuCas(planning, marches, subventions, cas.annee)
