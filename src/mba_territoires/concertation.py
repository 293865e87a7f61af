"""Concertation : obligations légales, acteurs, stratégies et leur modèle de scénarios.

Trois outils pour le chargé de mission qui prépare la concertation d'un projet :

1. :func:`obligations` dit, à partir de la nature et des chiffres du projet, quelles procédures
   s'appliquent (concertation du code de l'urbanisme, concertation préalable du code de
   l'environnement, saisine de la CNDP, enquête publique, participation par voie électronique),
   avec leur durée, qui décide et les articles ; les seuils viennent des paramètres datés ;
2. :class:`CarteDesActeurs` range les acteurs sur la grille pouvoir / intérêt et suggère un niveau
   d'engagement (spectre de l'IAP2, échelle d'Arnstein pour la discussion) ;
3. :class:`ModeleConcertation` estime, pour une :class:`Strategie` (une suite de formats datés),
   les personnes touchées par groupe, l'indice de représentativité, le coût, la durée et le
   déplacement possible des positions des acteurs. Ce modèle est **pédagogique, pas prédictif** :
   ses hypothèses vivent dans ``donnees/formats_concertation.yaml``, se lisent avec
   :meth:`ModeleConcertation.hypotheses` et se changent avec :meth:`ModeleConcertation.modifier`.

>>> fiche = FicheProjet("Réseau cyclable", nature="amenagement", cout_ht=4_200_000,
...                     montant_voirie_zone_urbanisee_ht=2_100_000)
>>> for p in obligations(fiche).obligatoires():
...     print(p.nom)
Concertation du code de l'urbanisme
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from importlib import resources
from numbers import Real
from typing import TYPE_CHECKING, Any, Literal

from .erreurs import ErreurDonnees, ErreurMontant, ErreurRegle, ErreurSaisie

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .cas import Cas

__all__ = [
    "CATEGORIES_ACTEURS",
    "ECHELLE_ARNSTEIN",
    "NATURES_PROJET",
    "SPECTRE_IAP2",
    "Acteur",
    "Action",
    "CarteDesActeurs",
    "FicheProjet",
    "FormatConcertation",
    "ModeleConcertation",
    "Obligations",
    "Procedure",
    "ResultatStrategie",
    "Simulation",
    "Strategie",
    "acteurs_du_cas",
    "comparer_strategies",
    "fiche_du_cas",
    "modele_du_cas",
    "obligations",
    "strategies_du_cas",
]

# ---------------------------------------------------------------------------
# 1. Obligations légales
# ---------------------------------------------------------------------------

#: Les natures de projet reconnues, et ce qu'elles recouvrent.
NATURES_PROJET: dict[str, str] = {
    "document_urbanisme": "élaboration ou révision d'un SCoT ou d'un PLU",
    "zac": "création d'une zone d'aménagement concerté (ZAC)",
    "renouvellement_urbain": "projet de renouvellement urbain",
    "amenagement": "opération d'aménagement ou de construction, voirie comprise (piste cyclable, place...)",
    "equipement": "construction ou rénovation d'un équipement public (école, gymnase...)",
}

Statut = Literal["obligatoire", "possible", "non requise", "incertain"]


def _nombre_positif(valeur: Any, quoi: str, conseil: str) -> float:
    if isinstance(valeur, bool) or not isinstance(valeur, Real) or math.isnan(float(valeur)):
        raise ErreurMontant(f"{quoi} vaut {valeur!r}, ce n'est pas un nombre", conseil=conseil)
    if float(valeur) < 0:
        raise ErreurMontant(f"{quoi} est négatif ({valeur!r})", conseil=conseil)
    return float(valeur)


def _choix(valeur: Any, possibles: Iterable[str], quoi: str) -> str:
    possibles = list(possibles)
    if valeur in possibles:
        return str(valeur)
    proche = difflib.get_close_matches(str(valeur), possibles, n=1)
    conseil = (f"vouliez-vous écrire « {proche[0]} » ? " if proche else "") + "valeurs possibles : " + ", ".join(
        possibles)
    raise ErreurSaisie(f"{quoi} « {valeur} » n'est pas reconnu(e)", conseil=conseil)


@dataclass(frozen=True)
class FicheProjet:
    """Ce que la loi regarde d'un projet pour dire quelles procédures de participation s'appliquent.

    >>> FicheProjet("Réseau cyclable", "amenagement", 4_200_000).depenses_publiques
    4200000.0
    """

    #: L'intitulé du projet.
    intitule: str
    #: La nature du projet, une clé de :data:`NATURES_PROJET` (``"amenagement"``, ``"zac"``...).
    nature: str
    #: Le coût total estimé, en euros HT.
    cout_ht: float
    #: Vrai si le projet est soumis à évaluation environnementale (C. env. L122-1 : systématique ou
    #: après examen au cas par cas).
    evaluation_environnementale: bool = False
    #: Les dépenses publiques prévues (maîtrise d'ouvrage publique ou subventions), en euros HT ;
    #: ``None`` : tout le coût (projet porté par une collectivité).
    depenses_publiques_ht: float | None = None
    #: La part du coût qui est un investissement de voirie dans la partie urbanisée d'une commune (C. urb. R103-1).
    montant_voirie_zone_urbanisee_ht: float = 0.0
    #: Vrai si le projet relève d'une catégorie du tableau de l'art. R121-2 du C. env. (autoroute, voie ferrée...).
    categorie_cndp: bool = False
    #: Vrai si le projet exige une déclaration d'utilité publique pour exproprier.
    expropriation: bool = False
    #: Vrai si le projet soumis à évaluation environnementale est dispensé d'enquête publique (L123-2).
    dispense_enquete_publique: bool = False

    def __post_init__(self) -> None:
        _choix(self.nature, NATURES_PROJET, "la nature de projet")
        conseil = "saisissez un montant en euros HT, sans espace ni symbole (ex. 4200000)"
        _nombre_positif(self.cout_ht, f"le coût du projet « {self.intitule} »", conseil)
        _nombre_positif(self.montant_voirie_zone_urbanisee_ht, "le montant de voirie en zone urbanisée", conseil)
        if self.depenses_publiques_ht is not None:
            _nombre_positif(self.depenses_publiques_ht, "le montant des dépenses publiques", conseil)
        if self.montant_voirie_zone_urbanisee_ht > self.cout_ht:
            raise ErreurMontant(
                f"la voirie en zone urbanisée ({self.montant_voirie_zone_urbanisee_ht:.0f} € HT) dépasse le coût "
                f"total du projet ({self.cout_ht:.0f} € HT)",
                conseil="ne comptez dans ce montant que la partie du coût située en zone urbanisée",
            )

    @property
    def depenses_publiques(self) -> float:
        """Les dépenses publiques retenues (tout le coût si rien n'est précisé)."""
        return float(self.cout_ht if self.depenses_publiques_ht is None else self.depenses_publiques_ht)


@dataclass(frozen=True)
class Procedure:
    """Une procédure de participation du public et son verdict pour le projet."""

    #: Le nom de la procédure.
    nom: str
    #: ``obligatoire``, ``possible``, ``non requise`` ou ``incertain`` (le droit ne tranche pas ici).
    statut: Statut
    #: Pourquoi : la règle et les chiffres du projet comparés au seuil.
    motif: str
    #: Les articles à citer.
    articles: str
    #: Qui décide (de l'organiser, de ses modalités).
    decideur: str
    #: La durée, en toutes lettres.
    duree: str
    #: La durée minimale en jours, si la loi en fixe une.
    duree_min_jours: int | None = None
    #: Vrai si un chiffre utilisé attend une confirmation : le verdict le dit.
    a_verifier: bool = False

    def __str__(self) -> str:
        texte = f"{self.nom} : {self.statut}. {self.motif} ({self.articles})"
        return texte + (" — chiffre à vérifier" if self.a_verifier else "")


@dataclass(frozen=True)
class Obligations:
    """Le verdict des obligations de participation d'un projet, procédure par procédure.

    >>> o = obligations(FicheProjet("Gymnase", "equipement", 2_000_000))
    >>> o.procedure("Enquête publique").statut
    'non requise'
    """

    #: Le projet examiné.
    fiche: FicheProjet
    #: Les procédures, dans l'ordre chronologique d'un projet.
    procedures: tuple[Procedure, ...]
    #: L'année des paramètres réglementaires utilisés.
    annee: int

    def obligatoires(self) -> list[Procedure]:
        """Les procédures obligatoires."""
        return [p for p in self.procedures if p.statut == "obligatoire"]

    def procedure(self, nom: str) -> Procedure:
        """Une procédure par son nom (erreur française si le nom est inconnu)."""
        noms = [p.nom for p in self.procedures]
        return self.procedures[noms.index(_choix(nom, noms, "la procédure"))]

    def tableau(self) -> pd.DataFrame:
        """Un tableau (DataFrame) : procédure, statut, motif, articles, décideur, durée."""
        import pandas as pd

        return pd.DataFrame([
            {"procédure": p.nom, "statut": p.statut, "motif": p.motif, "articles": p.articles,
             "qui décide": p.decideur, "durée": p.duree, "à vérifier": p.a_verifier}
            for p in self.procedures
        ])

    def __repr__(self) -> str:
        return f"Obligations({self.fiche.intitule!r}, {len(self.obligatoires())} procédure(s) obligatoire(s))"

    def _repr_html_(self) -> str:
        # Teintes assombries de la palette d'Okabe-Ito : contraste d'au moins 4,5:1 sur fond blanc (WCAG 1.4.3).
        couleurs = {"obligatoire": "#B34A00", "possible": "#0072B2", "non requise": "#595959", "incertain": "#8A5A00"}
        lignes = "".join(
            f"<tr><th scope='row'>{escape(p.nom)}</th>"
            f"<td style='color:{couleurs[p.statut]};font-weight:bold'>{escape(p.statut)}</td>"
            f"<td>{escape(p.motif)}{' <em>(chiffre à vérifier)</em>' if p.a_verifier else ''}</td>"
            f"<td>{escape(p.articles)}</td><td>{escape(p.decideur)}</td><td>{escape(p.duree)}</td></tr>"
            for p in self.procedures
        )
        return (f"<table><caption>Obligations de participation du public — {escape(self.fiche.intitule)} "
                f"(paramètres {self.annee})</caption><thead><tr><th>Procédure</th><th>Statut</th><th>Motif</th>"
                f"<th>Articles</th><th>Qui décide</th><th>Durée</th></tr></thead><tbody>{lignes}</tbody></table>")


def _euros_brut(montant: float) -> str:
    from .formats import euros, texte_brut

    return texte_brut(euros(montant, 0))


def obligations(fiche: FicheProjet, annee: int = 2026) -> Obligations:
    """Les procédures de participation du public qui s'appliquent au projet ``fiche``.

    Les seuils viennent de ``parametres(annee)["concertation.…"]`` ; un seuil non confirmé rend le
    verdict « chiffre à vérifier ». Quand le droit ne tranche pas (un aménagement cyclable est-il
    un « investissement routier » ?), le statut est « incertain » plutôt qu'un verdict deviné.

    >>> fiche = FicheProjet("Réseau cyclable", "amenagement", 4_200_000,
    ...                     montant_voirie_zone_urbanisee_ht=2_100_000)
    >>> p = obligations(fiche).procedure("Concertation du code de l'urbanisme")
    >>> p.statut, p.a_verifier
    ('obligatoire', True)
    """
    from .parametres import parametres

    if not isinstance(fiche, FicheProjet):
        raise ErreurSaisie(f"obligations() attend une FicheProjet, pas {type(fiche).__name__}",
                           conseil="construisez-la : FicheProjet(\"Mon projet\", \"amenagement\", 4200000)")
    p = parametres(annee)

    def val(cle: str) -> Any:
        return p[f"concertation.{cle}"]

    def doute(*cles: str) -> bool:
        return any(p.parametre(f"concertation.{c}").a_verifier for c in cles)

    procedures: list[Procedure] = []

    # --- Concertation du code de l'urbanisme (L103-2)
    seuil_voirie = val("urbanisme_investissement_routier_seuil")
    decideur_urba = ("l'organe délibérant (conseil municipal ou communautaire) fixe les objectifs et les modalités "
                     "par délibération, puis arrête le bilan")
    articles_urba = "C. urb., art. L103-2 à L103-6"
    if fiche.nature in ("document_urbanisme", "zac", "renouvellement_urbain"):
        procedures.append(Procedure(
            "Concertation du code de l'urbanisme", "obligatoire",
            f"{NATURES_PROJET[fiche.nature]} : concertation obligatoire pendant toute l'élaboration du projet",
            articles_urba, decideur_urba, "toute la durée d'élaboration ; modalités libres fixées par délibération"))
    elif fiche.nature == "amenagement" and fiche.montant_voirie_zone_urbanisee_ht > seuil_voirie:
        procedures.append(Procedure(
            "Concertation du code de l'urbanisme", "obligatoire",
            f"voirie en partie urbanisée de {_euros_brut(fiche.montant_voirie_zone_urbanisee_ht)} HT, au-delà du seuil "
            f"de {_euros_brut(seuil_voirie)} ; qu'un aménagement cyclable soit un « investissement routier » au sens "
            "de l'article reste à confirmer",
            articles_urba + " ; R103-1", decideur_urba, "modalités libres fixées par délibération",
            a_verifier=doute("urbanisme_investissement_routier_seuil")))
    elif fiche.nature == "amenagement":
        procedures.append(Procedure(
            "Concertation du code de l'urbanisme", "possible",
            f"voirie en partie urbanisée de {_euros_brut(fiche.montant_voirie_zone_urbanisee_ht)} HT, pas au-delà du "
            f"seuil de {_euros_brut(seuil_voirie)} : non obligatoire, mais la collectivité peut en décider",
            articles_urba + " ; R103-1", decideur_urba, "modalités libres fixées par délibération",
            a_verifier=doute("urbanisme_investissement_routier_seuil")))
    else:
        procedures.append(Procedure(
            "Concertation du code de l'urbanisme", "non requise",
            f"{NATURES_PROJET[fiche.nature]} : hors du champ de l'article L103-2", articles_urba,
            "—", "—"))

    # --- Saisine de la CNDP (L121-8, R121-2)
    haut, bas = val("cndp_saisine_obligatoire_cout"), val("cndp_publication_cout")
    duree_debat = f"débat public de {val('debat_public_duree_max')} mois au plus (prolongeable de 2 mois)"
    decideur_cndp = "la Commission nationale du débat public décide : débat public, concertation avec garant ou rien"
    a_verif_cndp = doute("cndp_saisine_obligatoire_cout", "cndp_publication_cout", "debat_public_duree_max")
    if fiche.categorie_cndp and fiche.cout_ht > haut:
        procedures.append(Procedure(
            "Saisine de la CNDP", "obligatoire",
            f"coût de {_euros_brut(fiche.cout_ht)} HT, au-delà de {_euros_brut(haut)}",
            "C. env., art. L121-8 et R121-2", decideur_cndp, duree_debat, a_verifier=a_verif_cndp))
    elif fiche.categorie_cndp and fiche.cout_ht > bas:
        procedures.append(Procedure(
            "Saisine de la CNDP", "possible",
            f"coût de {_euros_brut(fiche.cout_ht)} HT, entre {_euros_brut(bas)} et {_euros_brut(haut)} : le projet "
            "doit être rendu public ; la CNDP peut être saisie (par exemple par dix parlementaires ou une région)",
            "C. env., art. L121-8 et R121-2", decideur_cndp, duree_debat, a_verifier=a_verif_cndp))
    else:
        motif = ("le projet ne relève d'aucune catégorie du tableau de l'art. R121-2" if not fiche.categorie_cndp
                 else f"coût de {_euros_brut(fiche.cout_ht)} HT, pas au-delà de {_euros_brut(bas)}")
        procedures.append(Procedure(
            "Saisine de la CNDP", "non requise",
            motif + " ; le maître d'ouvrage peut toujours demander un garant à la CNDP",
            "C. env., art. L121-8, R121-2 et L121-17", "le maître d'ouvrage, s'il le souhaite", "—",
            a_verifier=a_verif_cndp and fiche.categorie_cndp))

    # --- Concertation préalable du code de l'environnement (L121-15-1 et suivants)
    seuil_di = val("droit_initiative_seuil_fonds_publics")
    duree_cp = (f"{val('concertation_prealable_duree_min')} jours à {val('concertation_prealable_duree_max')} mois, "
                f"public informé {val('concertation_prealable_information')} jours avant")
    articles_cp = "C. env., art. L121-15-1 à L121-21"
    concertation_urba = procedures[0].statut == "obligatoire"
    if procedures[1].statut == "obligatoire":
        procedures.append(Procedure(
            "Concertation préalable (code de l'environnement)", "non requise",
            "la CNDP, saisie, décide elle-même de la procédure", articles_cp, decideur_cndp, duree_cp))
    elif fiche.evaluation_environnementale and fiche.depenses_publiques > seuil_di:
        motif = (f"projet soumis à évaluation environnementale avec {_euros_brut(fiche.depenses_publiques)} HT de "
                 f"dépenses publiques, au-delà de {_euros_brut(seuil_di)} : déclaration d'intention obligatoire, "
                 f"puis droit d'initiative ouvert {val('droit_initiative_delai')} mois (citoyens, associations, "
                 "collectivités peuvent demander au préfet une concertation préalable)")
        if concertation_urba:
            motif += ("; l'articulation avec la concertation du code de l'urbanisme (dernier alinéa de L121-15-1) "
                      "est à vérifier")
        procedures.append(Procedure(
            "Concertation préalable (code de l'environnement)", "incertain" if concertation_urba else "possible",
            motif, articles_cp + " (déclaration d'intention : L121-18)",
            "le maître d'ouvrage (de sa propre initiative), l'autorité compétente ou le préfet saisi au titre du "
            "droit d'initiative", duree_cp, a_verifier=doute("droit_initiative_seuil_fonds_publics")))
    elif fiche.evaluation_environnementale:
        procedures.append(Procedure(
            "Concertation préalable (code de l'environnement)", "possible",
            f"projet soumis à évaluation environnementale avec {_euros_brut(fiche.depenses_publiques)} HT de dépenses "
            f"publiques, pas au-delà de {_euros_brut(seuil_di)} : concertation volontaire, ou imposée par "
            "l'autorité compétente ; pas de droit d'initiative", articles_cp,
            "le maître d'ouvrage ou l'autorité compétente pour autoriser le projet", duree_cp,
            a_verifier=doute("droit_initiative_seuil_fonds_publics")))
    else:
        procedures.append(Procedure(
            "Concertation préalable (code de l'environnement)", "non requise",
            "projet non soumis à évaluation environnementale : hors du champ de L121-15-1 (une concertation "
            "volontaire reste possible)", articles_cp, "—", "—"))

    # --- Enquête publique (L123-2, L123-9) et participation par voie électronique (L123-19)
    ep_min, ep_min_sans = val("enquete_publique_duree_min"), val("enquete_publique_duree_min_sans_evaluation")
    decideur_ep = ("l'autorité compétente pour prendre la décision ouvre et organise l'enquête ; le président du "
                   "tribunal administratif désigne le commissaire enquêteur")
    ppve_min = val("participation_electronique_duree_min")
    if fiche.evaluation_environnementale and not fiche.dispense_enquete_publique:
        procedures.append(Procedure(
            "Enquête publique", "obligatoire",
            "projet soumis à évaluation environnementale : enquête publique avant l'autorisation",
            "C. env., art. L123-2, L123-4 et L123-9", decideur_ep,
            f"au moins {ep_min} jours (prolongeable de 30 jours par le commissaire enquêteur)",
            duree_min_jours=ep_min, a_verifier=doute("enquete_publique_duree_min")))
        procedures.append(Procedure(
            "Participation du public par voie électronique", "non requise",
            "l'enquête publique tient lieu de participation", "C. env., art. L123-19", "—", "—"))
    elif fiche.evaluation_environnementale:
        procedures.append(Procedure(
            "Enquête publique", "non requise",
            "projet dispensé d'enquête publique", "C. env., art. L123-2", "—", "—"))
        procedures.append(Procedure(
            "Participation du public par voie électronique", "obligatoire",
            "projet soumis à évaluation environnementale mais dispensé d'enquête publique",
            "C. env., art. L123-19", "l'autorité compétente pour autoriser le projet",
            f"au moins {ppve_min} jours, public informé 15 jours avant", duree_min_jours=ppve_min,
            a_verifier=doute("participation_electronique_duree_min")))
    else:
        if fiche.expropriation:
            procedures.append(Procedure(
                "Enquête publique", "obligatoire",
                "expropriation : enquête préalable à la déclaration d'utilité publique, sans évaluation "
                "environnementale",
                "C. expr., art. L110-1 ; C. env., art. L123-9 (durée)", decideur_ep,
                f"au moins {ep_min_sans} jours", duree_min_jours=ep_min_sans,
                a_verifier=doute("enquete_publique_duree_min_sans_evaluation")))
        else:
            procedures.append(Procedure(
                "Enquête publique", "non requise",
                "ni évaluation environnementale ni expropriation", "C. env., art. L123-2", "—", "—"))
        procedures.append(Procedure(
            "Participation du public par voie électronique", "non requise",
            "projet non soumis à évaluation environnementale", "C. env., art. L123-19", "—", "—"))
    return Obligations(fiche, tuple(procedures), annee)


# ---------------------------------------------------------------------------
# 2. Acteurs : grille pouvoir / intérêt, IAP2, Arnstein
# ---------------------------------------------------------------------------

#: Les catégories d'acteurs reconnues (elles relient les acteurs aux formats qui les touchent).
CATEGORIES_ACTEURS: tuple[str, ...] = (
    "élus", "services", "État", "financeurs", "habitants", "usagers", "associations", "commerçants", "entreprises",
)

#: Le spectre de la participation de l'IAP2 : niveau -> promesse faite au public.
SPECTRE_IAP2: dict[str, str] = {
    "informer": "Nous vous tiendrons informés.",
    "consulter": "Nous vous écouterons et vous dirons comment votre avis a pesé sur la décision.",
    "impliquer": "Vos préoccupations se retrouveront dans les options étudiées ; nous vous dirons comment.",
    "collaborer": "Nous chercherons vos conseils et intégrerons vos propositions autant que possible.",
    "habiliter": "Nous mettrons en œuvre ce que vous déciderez.",
}

#: L'échelle de la participation d'Arnstein (1969), du bas vers le haut, avec sa famille.
ECHELLE_ARNSTEIN: tuple[tuple[int, str, str], ...] = (
    (1, "manipulation", "non-participation"),
    (2, "thérapie", "non-participation"),
    (3, "information", "participation symbolique"),
    (4, "consultation", "participation symbolique"),
    (5, "réassurance", "participation symbolique"),
    (6, "partenariat", "pouvoir citoyen"),
    (7, "délégation de pouvoir", "pouvoir citoyen"),
    (8, "contrôle citoyen", "pouvoir citoyen"),
)

#: La grille pouvoir / intérêt (Mendelow) : quadrant -> (stratégie d'engagement, niveau IAP2 suggéré).
QUADRANTS: dict[str, tuple[str, str]] = {
    "acteurs clés": ("associer de près, à chaque étape : comité de pilotage, co-construction", "collaborer"),
    "à satisfaire": ("consulter aux moments de décision, sans les solliciter à l'excès", "consulter"),
    "à impliquer": ("tenir informés et les faire contribuer : ateliers, balades, questionnaires", "impliquer"),
    "à informer": ("informer régulièrement, par des canaux simples", "informer"),
}

#: Le milieu des échelles de pouvoir et d'intérêt (notées de 1 à 5) : la frontière des quadrants.
MILIEU_ECHELLE = 3.0


@dataclass(frozen=True)
class Acteur:
    """Un acteur du projet, noté sur la grille pouvoir / intérêt.

    >>> Acteur("Association Vélo Lisière", "associations", pouvoir=2, interet=5, position=2).quadrant
    'à impliquer'
    """

    #: Le nom de l'acteur.
    nom: str
    #: Sa catégorie, parmi :data:`CATEGORIES_ACTEURS`.
    categorie: str
    #: Son pouvoir sur le projet, de 1 (faible) à 5 (décisif).
    pouvoir: float
    #: Son intérêt pour le projet, de 1 (indifférent) à 5 (très concerné).
    interet: float
    #: Sa position initiale, de -2 (opposé) à +2 (favorable).
    position: float = 0.0
    #: Une phrase qui dit ce que l'acteur attend ou craint.
    attentes: str = ""

    def __post_init__(self) -> None:
        _choix(self.categorie, CATEGORIES_ACTEURS, f"la catégorie de l'acteur « {self.nom} »")
        for nom_champ, bas, haut in (("pouvoir", 1, 5), ("interet", 1, 5), ("position", -2, 2)):
            v = getattr(self, nom_champ)
            if isinstance(v, bool) or not isinstance(v, Real) or not bas <= float(v) <= haut:
                libelle = "intérêt" if nom_champ == "interet" else nom_champ
                raise ErreurSaisie(f"l'acteur « {self.nom} » a un {libelle} de {v!r}, hors de l'échelle {bas} à {haut}",
                                   conseil=f"notez le {libelle} par un nombre entre {bas} et {haut}")

    @property
    def quadrant(self) -> str:
        """Le quadrant de la grille pouvoir / intérêt (pouvoir et intérêt ≥ 3 : « acteurs clés »)."""
        fort_pouvoir = self.pouvoir >= MILIEU_ECHELLE
        fort_interet = self.interet >= MILIEU_ECHELLE
        if fort_pouvoir and fort_interet:
            return "acteurs clés"
        if fort_pouvoir:
            return "à satisfaire"
        if fort_interet:
            return "à impliquer"
        return "à informer"


class CarteDesActeurs:
    """Les acteurs d'un projet : grille pouvoir / intérêt et engagement suggéré.

    >>> carte = CarteDesActeurs([Acteur("Maire", "élus", 5, 4, 1), Acteur("Riverains", "habitants", 2, 4, -1)])
    >>> carte.tableau()[["acteur", "quadrant", "niveau IAP2 suggéré"]].values.tolist()
    [['Maire', 'acteurs clés', 'collaborer'], ['Riverains', 'à impliquer', 'impliquer']]
    """

    def __init__(self, acteurs: Iterable[Acteur | Mapping[str, Any]]) -> None:
        liste: list[Acteur] = []
        for a in acteurs:
            if isinstance(a, Acteur):
                liste.append(a)
            elif isinstance(a, Mapping):
                try:
                    liste.append(Acteur(**dict(a)))
                except TypeError as exc:
                    raise ErreurSaisie(f"l'acteur {dict(a)!r} est mal décrit ({exc})",
                                       conseil="donnez nom, categorie, pouvoir, interet, position") from None
            else:
                raise ErreurSaisie(f"{a!r} n'est pas un acteur", conseil="utilisez Acteur(nom, categorie, ...)")
        noms = [a.nom for a in liste]
        doublons = sorted({n for n in noms if noms.count(n) > 1})
        if doublons:
            raise ErreurSaisie(f"l'acteur « {doublons[0]} » figure deux fois", conseil="donnez un nom unique à chacun")
        if not liste:
            raise ErreurSaisie("la carte des acteurs est vide", conseil="ajoutez au moins un acteur")
        self.acteurs: tuple[Acteur, ...] = tuple(liste)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.acteurs)

    def __len__(self) -> int:
        return len(self.acteurs)

    def acteur(self, nom: str) -> Acteur:
        """Un acteur par son nom."""
        noms = [a.nom for a in self.acteurs]
        return self.acteurs[noms.index(_choix(nom, noms, "l'acteur"))]

    def tableau(self) -> pd.DataFrame:
        """Le tableau des acteurs avec leur quadrant et l'engagement suggéré."""
        import pandas as pd

        return pd.DataFrame([
            {"acteur": a.nom, "catégorie": a.categorie, "pouvoir": a.pouvoir, "intérêt": a.interet,
             "position": a.position, "quadrant": a.quadrant, "engagement suggéré": QUADRANTS[a.quadrant][0],
             "niveau IAP2 suggéré": QUADRANTS[a.quadrant][1]}
            for a in self.acteurs
        ])

    def quadrants(self) -> dict[str, list[str]]:
        """Les noms des acteurs par quadrant."""
        resultat: dict[str, list[str]] = {q: [] for q in QUADRANTS}
        for a in self.acteurs:
            resultat[a.quadrant].append(a.nom)
        return resultat

    def position_moyenne(self, ponderer_par_pouvoir: bool = True) -> float:
        """La position moyenne des acteurs, pondérée par leur pouvoir (par défaut)."""
        poids = [a.pouvoir if ponderer_par_pouvoir else 1.0 for a in self.acteurs]
        return sum(p * a.position for p, a in zip(poids, self.acteurs, strict=True)) / sum(poids)

    def avec_positions(self, positions: Mapping[str, float]) -> CarteDesActeurs:
        """Une nouvelle carte où certaines positions ont changé (la carte d'origine ne bouge pas)."""
        return CarteDesActeurs([replace(a, position=float(positions.get(a.nom, a.position))) for a in self.acteurs])

    def __repr__(self) -> str:
        return f"CarteDesActeurs({len(self)} acteurs)"

    def _repr_html_(self) -> str:
        lignes = "".join(
            f"<tr><th scope='row'>{escape(a.nom)}</th><td>{escape(a.categorie)}</td><td>{a.pouvoir:g}</td>"
            f"<td>{a.interet:g}</td><td>{a.position:+g}</td><td>{escape(a.quadrant)}</td>"
            f"<td>{escape(QUADRANTS[a.quadrant][1])}</td></tr>"
            for a in self.acteurs
        )
        return ("<table><caption>Carte des acteurs</caption><thead><tr><th>Acteur</th><th>Catégorie</th>"
                "<th>Pouvoir</th><th>Intérêt</th><th>Position</th><th>Quadrant</th><th>Niveau IAP2 suggéré</th>"
                f"</tr></thead><tbody>{lignes}</tbody></table>")


# ---------------------------------------------------------------------------
# 3. Stratégies et modèle de scénarios
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FormatConcertation:
    """Un format de concertation et ses hypothèses (lues dans ``formats_concertation.yaml``).

    >>> f = ModeleConcertation.par_defaut().format("atelier")
    >>> f.libelle, f.portee_min, f.portee_max
    ('Atelier de co-construction', 15.0, 30.0)
    """

    #: La clé du format (``"atelier"``).
    cle: str
    #: Son nom lisible.
    libelle: str
    #: La portée minimale d'une séance (personnes, ou part de la population).
    portee_min: float
    #: La portée maximale d'une séance.
    portee_max: float
    #: ``par séance`` (un nombre de personnes) ou ``part de la population`` (un taux).
    unite_portee: str
    #: Le coût d'une séance, en euros TTC.
    cout_par_seance: float
    #: Le coût fixe du format (plateforme, communication), en euros TTC.
    cout_fixe: float
    #: Le délai de préparation, en jours.
    preparation_jours: int
    #: Le niveau IAP2 que le format permet au mieux.
    niveau_iap2: str
    #: La propension relative de chaque groupe : {dimension: {groupe: coefficient}}.
    profil: dict[str, dict[str, float]] = field(default_factory=dict)
    #: La part de l'écart à la position d'acceptation que le format fait gagner à un acteur touché.
    effet_dialogue: float = 0.0
    #: Les catégories d'acteurs que le format touche.
    acteurs_touches: tuple[str, ...] = ()
    #: La source des ordres de grandeur (ou « hypothèse pédagogique »).
    source: str = "hypothèse pédagogique"

    def __post_init__(self) -> None:
        if self.unite_portee not in ("par séance", "part de la population"):
            raise ErreurDonnees(f"le format « {self.cle} » a une unité de portée inconnue : {self.unite_portee!r}",
                                conseil="écrivez « par séance » ou « part de la population »")
        if not 0 <= self.portee_min <= self.portee_max:
            raise ErreurDonnees(
                f"le format « {self.cle} » a une portée incohérente ({self.portee_min:g} à {self.portee_max:g})",
                conseil="la portée minimale doit être positive et ne pas dépasser la portée maximale")
        if self.unite_portee == "part de la population" and self.portee_max > 1:
            raise ErreurDonnees(f"le format « {self.cle} » touche plus de 100 % de la population "
                                f"({self.portee_max:g})", conseil="écrivez un taux en décimales : 5 % s'écrit 0.05")
        if min(self.cout_par_seance, self.cout_fixe) < 0:
            raise ErreurDonnees(f"le format « {self.cle} » a un coût négatif",
                                conseil="saisissez des coûts positifs, en euros")
        if not 0 <= self.effet_dialogue <= 1:
            raise ErreurDonnees(f"le format « {self.cle} » a un effet de dialogue de {self.effet_dialogue:g}",
                                conseil="l'effet de dialogue est une part, entre 0 et 1")
        _choix(self.niveau_iap2, SPECTRE_IAP2, f"le niveau IAP2 du format « {self.cle} »")
        for dimension, groupes in self.profil.items():
            for groupe, coef in groupes.items():
                if isinstance(coef, bool) or not isinstance(coef, Real) or coef < 0:
                    raise ErreurDonnees(
                        f"le format « {self.cle} » a une propension {coef!r} pour « {groupe} » ({dimension})",
                        conseil="une propension est un nombre positif : 1 = comme sa part dans la population")

    @property
    def portee_moyenne(self) -> float:
        """Le milieu de la fourchette de portée (le scénario central)."""
        return (self.portee_min + self.portee_max) / 2


@dataclass(frozen=True)
class Action:
    """Une action d'une stratégie : un format, une date, un nombre de séances, un groupe ciblé.

    >>> Action("atelier", "2026-04-02", seances=2).date
    datetime.date(2026, 4, 2)
    """

    #: La clé du format (``"reunion_publique"``, ``"atelier"``...).
    format: str
    #: La date de la (première) séance ; un texte AAAA-MM-JJ est accepté.
    date: _dt.date
    #: Le nombre de séances.
    seances: int = 1
    #: Un groupe ciblé par une démarche d'« aller vers » (ex. ``"15-29 ans"``), ou ``None``.
    cible: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.date, str):
            try:
                object.__setattr__(self, "date", _dt.date.fromisoformat(self.date))
            except ValueError:
                raise ErreurSaisie(f"la date « {self.date} » de l'action « {self.format} » n'est pas lisible",
                                   conseil="écrivez la date AAAA-MM-JJ, par exemple 2026-04-02") from None
        if not isinstance(self.date, _dt.date):
            raise ErreurSaisie(f"la date de l'action « {self.format} » vaut {self.date!r}",
                               conseil="écrivez la date AAAA-MM-JJ, par exemple 2026-04-02")
        if isinstance(self.seances, bool) or not isinstance(self.seances, int) or self.seances < 1:
            raise ErreurSaisie(f"l'action « {self.format} » a {self.seances!r} séance(s)",
                               conseil="donnez un nombre entier de séances, au moins 1")


@dataclass(frozen=True)
class Strategie:
    """Une stratégie de concertation : des actions datées, un budget, des publics ciblés.

    >>> s = Strategie("Classique", [Action("reunion_publique", "2026-03-10"), Action("atelier", "2026-03-24")],
    ...               budget=10_000)
    >>> len(s.actions), s.budget
    (2, 10000.0)
    """

    #: Le nom de la stratégie.
    nom: str
    #: Les actions (une liste d':class:`Action` ou de dictionnaires).
    actions: tuple[Action, ...]
    #: Le budget disponible, en euros TTC (``None`` : pas de plafond).
    budget: float | None = None

    def __post_init__(self) -> None:
        actions = []
        for a in self.actions:
            if isinstance(a, Action):
                actions.append(a)
            elif isinstance(a, Mapping):
                try:
                    actions.append(Action(**dict(a)))
                except TypeError as exc:
                    raise ErreurSaisie(f"l'action {dict(a)!r} de la stratégie « {self.nom} » est mal décrite ({exc})",
                                       conseil="donnez format, date et, au besoin, seances et cible") from None
            else:
                raise ErreurSaisie(f"{a!r} n'est pas une action", conseil="utilisez Action(format, date)")
        if not actions:
            raise ErreurSaisie(f"la stratégie « {self.nom} » n'a aucune action",
                               conseil="ajoutez au moins une action : Action(\"reunion_publique\", \"2026-03-10\")")
        object.__setattr__(self, "actions", tuple(sorted(actions, key=lambda a: a.date)))
        if self.budget is not None:
            object.__setattr__(self, "budget", _nombre_positif(
                self.budget, f"le budget de la stratégie « {self.nom} »", "saisissez un montant en euros"))

    def avec_action(self, action: Action) -> Strategie:
        """Une nouvelle stratégie avec une action de plus."""
        return Strategie(self.nom, (*self.actions, action), self.budget)


def _lire_hypotheses() -> dict[str, Any]:
    import yaml

    texte = resources.files("mba_territoires").joinpath("donnees/formats_concertation.yaml").read_text(
        encoding="utf-8")
    return yaml.safe_load(texte)


@functools.cache
def _hypotheses_paquet() -> tuple[dict[str, FormatConcertation], dict[str, float]]:
    brut = _lire_hypotheses()
    formats = {cle: _format_depuis_dict(cle, d) for cle, d in brut["formats"].items()}
    generales = {cle: float(d["valeur"]) for cle, d in brut["generales"].items()}
    return formats, generales


def _format_depuis_dict(cle: str, d: Mapping[str, Any]) -> FormatConcertation:
    portee = d["portee"]
    return FormatConcertation(
        cle=cle, libelle=d["libelle"], portee_min=float(portee["min"]), portee_max=float(portee["max"]),
        unite_portee=portee["unite"], cout_par_seance=float(d["cout_par_seance"]), cout_fixe=float(d["cout_fixe"]),
        preparation_jours=int(d["preparation_jours"]), niveau_iap2=d["niveau_iap2"],
        profil={dim: {g: float(c) for g, c in groupes.items()} for dim, groupes in (d.get("profil") or {}).items()},
        effet_dialogue=float(d.get("effet_dialogue", 0.0)), acteurs_touches=tuple(d.get("acteurs_touches", ())),
        source=d.get("source", "hypothèse pédagogique"),
    )


def _population_exemple() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({
        "dimension": ["age"] * 6 + ["sexe"] * 2,
        "groupe": ["0-14 ans", "15-29 ans", "30-44 ans", "45-59 ans", "60-74 ans", "75 ans ou plus", "Femmes",
                   "Hommes"],
        "effectif": [500, 400, 500, 500, 400, 200, 1000, 1000],
    })


class ModeleConcertation:
    """Le modèle de scénarios : des formats (hypothèses) appliqués à une population.

    Pour une séance de portée *n*, les participants du groupe *g* (dimension âge, sexe ou CSP) sont
    ``n × s_g × w_g / Σ_h s_h × w_h``, avec *s* la part du groupe dans la population et *w* la
    propension du format (multipliée si le groupe est ciblé). L'indice de représentativité est la
    part parmi les participants divisée par la part dans la population. Les participations de
    plusieurs séances s'additionnent (une même personne peut venir deux fois : ce sont des
    contacts, pas des personnes distinctes).

    >>> modele = ModeleConcertation.par_defaut()
    >>> r = modele.evaluer(Strategie("Test", [Action("atelier", "2026-03-24")]))
    >>> r.participants_total
    22.5
    """

    def __init__(self, population: pd.DataFrame, formats: Mapping[str, FormatConcertation] | None = None,
                 generales: Mapping[str, float] | None = None, exclure: Sequence[str] = ()) -> None:
        from .participation import parts_population

        formats_paquet, generales_paquet = _hypotheses_paquet()
        self.formats: dict[str, FormatConcertation] = dict(formats if formats is not None else formats_paquet)
        self.generales: dict[str, float] = dict(generales_paquet, **(generales or {}))
        self.exclure = tuple(exclure)
        self._population_brute = population
        self.population = parts_population(population, exclure=self.exclure)
        self._parts: dict[str, dict[str, float]] = {}
        for ligne in self.population.itertuples(index=False):
            self._parts.setdefault(ligne.dimension, {})[ligne.groupe] = float(ligne.part)
        totaux = self.population.groupby("dimension")["effectif"].sum()
        #: La taille du public (le plus petit total des dimensions, après exclusion).
        self.taille_public = float(totaux.min())
        for f in self.formats.values():
            self._verifier_profil(f)

    # -- constructeurs
    @classmethod
    def par_defaut(cls) -> ModeleConcertation:
        """Un modèle sur une petite population d'exemple (2 000 habitants de 15 ans ou plus)."""
        return cls(_population_exemple(), exclure=("0-14 ans",))

    def _verifier_profil(self, f: FormatConcertation) -> None:
        for dimension, groupes in f.profil.items():
            if dimension not in self._parts:
                continue  # une dimension que la population ne décrit pas : ignorée
            inconnus = [g for g in groupes if g not in self._parts[dimension] and g not in self.exclure]
            if inconnus:
                raise ErreurDonnees(
                    f"le profil du format « {f.cle} » cite le groupe « {inconnus[0]} » ({dimension}), absent de la "
                    "population",
                    conseil="groupes de la population : " + ", ".join(self._parts[dimension]))

    # -- lecture et modification des hypothèses
    def format(self, cle: str) -> FormatConcertation:
        """Un format par sa clé (erreur française avec la liste des formats si la clé est inconnue)."""
        return self.formats[_choix(cle, self.formats, "le format")]

    def hypotheses(self) -> pd.DataFrame:
        """Les hypothèses de chaque format, en tableau, à montrer à l'apprenant."""
        import pandas as pd

        lignes = []
        for f in self.formats.values():
            portee = (f"{f.portee_min:.0%} à {f.portee_max:.0%} de la population" if f.unite_portee != "par séance"
                      else f"{f.portee_min:g} à {f.portee_max:g} personnes par séance")
            lignes.append({"format": f.cle, "libellé": f.libelle, "portée": portee,
                           "coût par séance": f.cout_par_seance, "coût fixe": f.cout_fixe,
                           "préparation (jours)": f.preparation_jours, "niveau IAP2": f.niveau_iap2,
                           "effet de dialogue": f.effet_dialogue, "source": f.source})
        return pd.DataFrame(lignes)

    def profils(self, dimension: str = "age") -> pd.DataFrame:
        """Les propensions de chaque format pour les groupes d'une dimension (1 = comme la population)."""
        import pandas as pd

        dimension = _choix(dimension, self._parts, "la dimension")
        groupes = list(self._parts[dimension])
        return pd.DataFrame({f.cle: [f.profil.get(dimension, {}).get(g, 1.0) for g in groupes]
                             for f in self.formats.values()}, index=groupes)

    def modifier(self, cle: str, **changements: Any) -> ModeleConcertation:
        """Un nouveau modèle où un format a d'autres hypothèses (le modèle d'origine ne change pas).

        >>> m = ModeleConcertation.par_defaut().modifier("atelier", portee_min=20, portee_max=40)
        >>> m.format("atelier").portee_moyenne
        30.0
        """
        ancien = self.format(cle)
        possibles = [n for n in FormatConcertation.__dataclass_fields__ if n != "cle"]
        for nom in changements:
            _choix(nom, possibles, "l'hypothèse")
        nouveau = replace(ancien, **changements)
        formats = dict(self.formats)
        formats[ancien.cle] = nouveau
        return ModeleConcertation(self._population_brute, formats, self.generales, self.exclure)

    # -- calcul
    def _propensions(self, f: FormatConcertation, dimension: str, cible: str | None) -> dict[str, float]:
        w = {g: float(f.profil.get(dimension, {}).get(g, 1.0)) for g in self._parts[dimension]}
        if cible is not None and cible in w:
            w[cible] *= self.generales["multiplicateur_ciblage"]
        return w

    def _repartition(self, f: FormatConcertation, dimension: str, cible: str | None) -> dict[str, float]:
        """La part de chaque groupe parmi les participants d'une séance."""
        s = self._parts[dimension]
        w = self._propensions(f, dimension, cible)
        total = sum(s[g] * w[g] for g in s)
        if total <= 0:
            raise ErreurDonnees(f"le format « {f.cle} » ne touche personne dans la dimension « {dimension} »",
                                conseil="au moins un groupe doit avoir une propension positive")
        return {g: s[g] * w[g] / total for g in s}

    def _portee(self, f: FormatConcertation, valeur: float) -> float:
        return valeur * self.taille_public if f.unite_portee == "part de la population" else valeur

    def _verifier_action(self, action: Action) -> FormatConcertation:
        f = self.format(action.format)
        if action.cible is not None:
            groupes = [g for groupes in self._parts.values() for g in groupes]
            _choix(action.cible, groupes, f"le groupe ciblé par l'action « {action.format} »")
        return f

    def cout(self, action: Action) -> float:
        """Le coût d'une action : coût fixe + séances × coût par séance (majoré si l'action cible un groupe)."""
        f = self._verifier_action(action)
        majoration = 1 + (self.generales["surcout_ciblage"] if action.cible else 0.0)
        return f.cout_fixe + action.seances * f.cout_par_seance * majoration

    def evaluer(self, strategie: Strategie, acteurs: CarteDesActeurs | None = None) -> ResultatStrategie:
        """Le scénario central d'une stratégie (portée au milieu de la fourchette de chaque format)."""
        import pandas as pd

        if not isinstance(strategie, Strategie):
            raise ErreurSaisie(f"evaluer() attend une Strategie, pas {type(strategie).__name__}",
                               conseil="construisez-la : Strategie(\"Nom\", [Action(\"atelier\", \"2026-03-24\")])")
        lignes_actions, compte = [], {d: dict.fromkeys(s, 0.0) for d, s in self._parts.items()}
        for i, action in enumerate(strategie.actions, start=1):
            f = self._verifier_action(action)
            n = action.seances * self._portee(f, f.portee_moyenne)
            lignes_actions.append({"n°": i, "format": f.libelle, "date": action.date, "séances": action.seances,
                                   "groupe ciblé": action.cible or "", "participations": n,
                                   "coût": self.cout(action)})
            for dimension in self._parts:
                for g, part in self._repartition(f, dimension, action.cible).items():
                    compte[dimension][g] += n * part
        repr_lignes = []
        for dimension, groupes in compte.items():
            total = sum(groupes.values())
            for g, n in groupes.items():
                part_part = n / total if total else 0.0
                part_pop = self._parts[dimension][g]
                repr_lignes.append({"dimension": dimension, "groupe": g, "participants": n,
                                    "part des participants": part_part, "part de la population": part_pop,
                                    "indice": part_part / part_pop if part_pop else float("nan")})
        positions = None
        if acteurs is not None:
            positions = self._positions(strategie, acteurs)
        debut = min(a.date - _dt.timedelta(days=self.format(a.format).preparation_jours) for a in strategie.actions)
        return ResultatStrategie(
            strategie=strategie, actions=pd.DataFrame(lignes_actions), representativite=pd.DataFrame(repr_lignes),
            positions=positions, debut_preparation=debut,
            niveaux_iap2=tuple(dict.fromkeys(self.format(a.format).niveau_iap2 for a in strategie.actions)))

    def _positions(self, strategie: Strategie, acteurs: CarteDesActeurs) -> pd.DataFrame:
        import pandas as pd

        cible = self.generales["position_acceptation"]
        positions = {a.nom: a.position for a in acteurs}
        for action in strategie.actions:
            f = self.format(action.format)
            for a in acteurs:
                if a.categorie in f.acteurs_touches and positions[a.nom] < cible:
                    positions[a.nom] += f.effet_dialogue * (cible - positions[a.nom])
        return pd.DataFrame([{"acteur": a.nom, "catégorie": a.categorie, "pouvoir": a.pouvoir,
                              "position avant": a.position, "position après": positions[a.nom]} for a in acteurs])

    def simuler(self, strategie: Strategie, tirages: int = 500, graine: int = 2026) -> Simulation:
        """Des tirages au hasard (semés) autour du scénario central, pour voir la fourchette des résultats.

        À chaque tirage, la portée de chaque séance est tirée uniformément dans sa fourchette, puis les
        participants sont répartis entre les groupes par une loi multinomiale.

        >>> modele = ModeleConcertation.par_defaut()
        >>> s = Strategie("Test", [Action("reunion_publique", "2026-03-10")])
        >>> a = modele.simuler(s, tirages=50, graine=1).resume()
        >>> b = modele.simuler(s, tirages=50, graine=1).resume()
        >>> a.equals(b)
        True
        """
        import numpy as np
        import pandas as pd

        if isinstance(tirages, bool) or not isinstance(tirages, int) or tirages < 1:
            raise ErreurSaisie(f"le nombre de tirages vaut {tirages!r}", conseil="donnez un entier, par exemple 500")
        rng = np.random.default_rng(graine)
        dimensions = list(self._parts)
        groupes = {d: list(self._parts[d]) for d in dimensions}
        comptes = {d: np.zeros((tirages, len(groupes[d]))) for d in dimensions}
        for action in strategie.actions:
            f = self._verifier_action(action)
            for _ in range(action.seances):
                n = np.rint(self._portee(f, rng.uniform(f.portee_min, f.portee_max, size=tirages))).astype(int)
                for d in dimensions:
                    rep = self._repartition(f, d, action.cible)
                    probas = np.array([rep[g] for g in groupes[d]])
                    comptes[d] += rng.multinomial(n, probas / probas.sum())
        lignes = []
        for d in dimensions:
            totaux = comptes[d].sum(axis=1, keepdims=True)
            parts = np.divide(comptes[d], totaux, out=np.zeros_like(comptes[d]), where=totaux > 0)
            for j, g in enumerate(groupes[d]):
                pop = self._parts[d][g]
                lignes.append(pd.DataFrame({"tirage": np.arange(tirages), "dimension": d, "groupe": g,
                                            "participants": comptes[d][:, j], "indice": parts[:, j] / pop}))
        return Simulation(strategie.nom, pd.concat(lignes, ignore_index=True), graine)

    def __repr__(self) -> str:
        return f"ModeleConcertation({len(self.formats)} formats, public de {self.taille_public:.0f} personnes)"


@dataclass(frozen=True)
class ResultatStrategie:
    """Le scénario central d'une stratégie : participations, représentativité, coût, durée, positions."""

    #: La stratégie évaluée.
    strategie: Strategie
    #: Une ligne par action : format, date, séances, groupe ciblé, participations, coût.
    actions: pd.DataFrame
    #: Une ligne par groupe : participants, parts, indice de représentativité.
    representativite: pd.DataFrame
    #: Les positions des acteurs avant et après (si une carte des acteurs a été donnée).
    positions: pd.DataFrame | None
    #: Le jour où la préparation doit commencer.
    debut_preparation: _dt.date
    #: Les niveaux IAP2 atteints, dans l'ordre des actions.
    niveaux_iap2: tuple[str, ...] = ()

    @property
    def participants_total(self) -> float:
        """Le total des participations (contacts), toutes actions confondues."""
        return float(self.actions["participations"].sum())

    @property
    def cout_total(self) -> float:
        """Le coût total, en euros TTC."""
        return float(self.actions["coût"].sum())

    @property
    def cout_par_participant(self) -> float:
        """Le coût moyen d'une participation."""
        return self.cout_total / self.participants_total if self.participants_total else float("inf")

    @property
    def depassement(self) -> float:
        """Le dépassement du budget (0 si le budget tient ou s'il n'y en a pas)."""
        b = self.strategie.budget
        return max(0.0, self.cout_total - b) if b is not None else 0.0

    @property
    def duree_jours(self) -> int:
        """La durée de la concertation, de la première à la dernière action (bornes comprises)."""
        dates = [a.date for a in self.strategie.actions]
        return (max(dates) - min(dates)).days + 1

    @property
    def duree_totale_jours(self) -> int:
        """La durée avec la préparation, du premier jour de préparation à la dernière action."""
        return (max(a.date for a in self.strategie.actions) - self.debut_preparation).days + 1

    def indices(self, dimension: str) -> pd.Series:
        """Les indices de représentativité d'une dimension (``"age"``, ``"sexe"``, ``"csp"``), par groupe."""
        t = self.representativite
        dimension = _choix(dimension, list(t["dimension"].unique()), "la dimension")
        return t[t.dimension == dimension].set_index("groupe")["indice"]

    def dissimilarite(self, dimension: str) -> float:
        """L'indice de dissimilarité (0 = participants à l'image de la population, 1 = aucun recouvrement).

        C'est la moitié de la somme des écarts absolus entre parts parmi les participants et parts dans la
        population (indice de Duncan).
        """
        t = self.representativite
        dimension = _choix(dimension, list(t["dimension"].unique()), "la dimension")
        t = t[t.dimension == dimension]
        return float((t["part des participants"] - t["part de la population"]).abs().sum() / 2)

    def groupe_le_moins_represente(self) -> tuple[str, str, float]:
        """(dimension, groupe, indice) du groupe à l'indice le plus bas."""
        t = self.representativite.sort_values("indice", kind="stable").iloc[0]
        return str(t["dimension"]), str(t["groupe"]), float(t["indice"])

    def synthese(self) -> dict[str, Any]:
        """Les chiffres clés, pour comparer des stratégies."""
        dim, groupe, indice = self.groupe_le_moins_represente()
        ligne: dict[str, Any] = {
            "stratégie": self.strategie.nom, "participations": self.participants_total,
            "coût": self.cout_total, "budget": self.strategie.budget, "dépassement": self.depassement,
            "coût par participation": self.cout_par_participant, "durée (jours)": self.duree_jours,
            "durée avec préparation (jours)": self.duree_totale_jours,
            "niveau IAP2 le plus haut": max(self.niveaux_iap2, key=list(SPECTRE_IAP2).index),
        }
        for d in self.representativite["dimension"].unique():
            ligne[f"dissimilarité {d}"] = self.dissimilarite(d)
        ligne["groupe le moins représenté"] = f"{groupe} ({dim})"
        ligne["indice le plus bas"] = indice
        if self.positions is not None:
            p = self.positions
            poids = p["pouvoir"]
            ligne["position moyenne avant"] = float((p["position avant"] * poids).sum() / poids.sum())
            ligne["position moyenne après"] = float((p["position après"] * poids).sum() / poids.sum())
        return ligne

    def __repr__(self) -> str:
        return (f"ResultatStrategie({self.strategie.nom!r}, {self.participants_total:.0f} participations, "
                f"{self.cout_total:.0f} €)")

    def _repr_html_(self) -> str:
        from .formats import euros, nombre

        s = self.synthese()
        depasse = (f" — <strong>dépassement de {escape(euros(self.depassement, 0))}</strong>"
                   if self.depassement else "")
        lignes = [
            ("Participations (scénario central)", nombre(self.participants_total, 0)),
            ("Coût", euros(self.cout_total, 0) + depasse),
            ("Durée", f"{self.duree_jours} jours ({self.duree_totale_jours} avec la préparation)"),
            ("Niveau IAP2 le plus haut", s["niveau IAP2 le plus haut"]),
            ("Groupe le moins représenté",
             f"{s['groupe le moins représenté']}, indice {nombre(s['indice le plus bas'], 2)}"),
        ]
        corps = "".join(f"<tr><th scope='row'>{escape(a)}</th><td>{b if a == 'Coût' else escape(b)}</td></tr>"
                        for a, b in lignes)
        return (f"<table><caption>Stratégie « {escape(self.strategie.nom)} » — modèle pédagogique, pas une "
                f"prévision</caption>{corps}</table>")


@dataclass(frozen=True)
class Simulation:
    """Les tirages d'une simulation semée : participants et indice par groupe, à chaque tirage."""

    #: Le nom de la stratégie simulée.
    strategie: str
    #: Une ligne par (tirage, dimension, groupe) : participants, indice.
    tirages: pd.DataFrame
    #: La graine du générateur (pour refaire exactement les mêmes tirages).
    graine: int

    def resume(self) -> pd.DataFrame:
        """Pour chaque groupe : indice au 10e centile, médian et au 90e centile."""
        g = self.tirages.groupby(["dimension", "groupe"], sort=False)["indice"]
        return g.quantile([0.1, 0.5, 0.9]).unstack().rename(columns={0.1: "p10", 0.5: "médiane", 0.9: "p90"})

    def participants(self) -> pd.Series:
        """Le total des participations à chaque tirage."""
        t = self.tirages
        premiere = t["dimension"].iloc[0]
        return t[t.dimension == premiere].groupby("tirage")["participants"].sum()


def comparer_strategies(modele: ModeleConcertation, strategies: Iterable[Strategie],
                        acteurs: CarteDesActeurs | None = None) -> pd.DataFrame:
    """Un tableau qui compare des stratégies côte à côte (une ligne par stratégie).

    >>> modele = ModeleConcertation.par_defaut()
    >>> a = Strategie("Réunions", [Action("reunion_publique", "2026-03-10", seances=2)])
    >>> b = Strategie("Aller vers", [Action("aller_vers", "2026-03-10", seances=3)])
    >>> comparer_strategies(modele, [a, b])["stratégie"].tolist()
    ['Réunions', 'Aller vers']
    """
    import pandas as pd

    lignes = [modele.evaluer(s, acteurs).synthese() for s in strategies]
    if not lignes:
        raise ErreurSaisie("aucune stratégie à comparer", conseil="donnez une liste d'au moins une stratégie")
    return pd.DataFrame(lignes)


# ---------------------------------------------------------------------------
# 4. Depuis une étude de cas
# ---------------------------------------------------------------------------

def _section(cas: Cas, nom: str) -> Any:
    valeur = getattr(cas, nom, None)
    if valeur is None:
        raise ErreurRegle(f"le cas « {cas.slug} » n'a pas de section « {nom} »",
                          conseil=f"ajoutez la section « {nom}: » dans cas.yaml, ou choisissez un autre cas")
    return valeur


def fiche_du_cas(cas: Cas) -> FicheProjet:
    """La fiche projet d'un cas (section ``concertation`` de ``cas.yaml``).

    >>> from mba_territoires.cas import charger
    >>> fiche_du_cas(charger("reseau-cyclable")).nature
    'amenagement'
    """
    s = _section(cas, "concertation")
    return FicheProjet(
        intitule=cas.projet.intitule, nature=s.nature, cout_ht=cas.projet.cout_estime_ht,
        evaluation_environnementale=s.evaluation_environnementale, depenses_publiques_ht=s.depenses_publiques_ht,
        montant_voirie_zone_urbanisee_ht=s.montant_voirie_zone_urbanisee_ht, categorie_cndp=s.categorie_cndp,
        expropriation=s.expropriation, dispense_enquete_publique=s.dispense_enquete_publique)


def acteurs_du_cas(cas: Cas) -> CarteDesActeurs:
    """La carte des acteurs d'un cas (section ``acteurs``).

    >>> from mba_territoires.cas import charger
    >>> len(acteurs_du_cas(charger("reseau-cyclable"))) > 5
    True
    """
    return CarteDesActeurs([a.model_dump() for a in _section(cas, "acteurs")])


def strategies_du_cas(cas: Cas) -> dict[str, Strategie]:
    """Les stratégies d'exemple du cas (section ``concertation.strategies``), par nom.

    >>> from mba_territoires.cas import charger
    >>> list(strategies_du_cas(charger("reseau-cyclable")))[0]
    'Classique'
    """
    s = _section(cas, "concertation")
    return {st.nom: Strategie(st.nom, [a.model_dump() for a in st.actions], st.budget) for st in s.strategies}


def modele_du_cas(cas: Cas) -> ModeleConcertation:
    """Le modèle de scénarios sur la population du cas (données ``population``, groupes exclus du cas).

    >>> from mba_territoires.cas import charger
    >>> modele_du_cas(charger("reseau-cyclable")).taille_public
    23288.0
    """
    s = _section(cas, "concertation")
    return ModeleConcertation(cas.donnees("population"), exclure=s.groupes_exclus)
