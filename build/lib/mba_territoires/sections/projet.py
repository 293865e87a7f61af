"""Schémas des sections ``projet``, ``planning``, ``risques`` et ``indicateurs`` d'un cas.

La section ``projet`` garde ses champs de base (intitulé, description, objectifs, coût, année de début,
politiques) et accepte, en option, l'arbre à problèmes, le cadre logique, la gouvernance et les
hypothèses du bilan socio-économique. Les modules :mod:`~mba_territoires.projet`,
:mod:`~mba_territoires.planning`, :mod:`~mba_territoires.risques` et :mod:`~mba_territoires.evaluation`
lisent ces sections.

>>> SectionRisque(intitule="Travaux non finis à la rentrée", probabilite=3, impact=4).impact
4
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

from pydantic import Field

from .base import Annee, ModeleCas, Montant

__all__ = [
    "SectionArbreProblemes",
    "SectionBilanSocioEconomique",
    "SectionCadreLogique",
    "SectionComite",
    "SectionGouvernance",
    "SectionIndicateur",
    "SectionMarche",
    "SectionNiveauCadre",
    "SectionNoeud",
    "SectionPhase",
    "SectionPlanning",
    "SectionProjet",
    "SectionRisque",
    "SectionSubvention",
]


# ---------------------------------------------------------------------------
# Indicateurs (cadre logique et suivi)
# ---------------------------------------------------------------------------

class SectionIndicateur(ModeleCas):
    """Un indicateur : valeur de référence, cible, échéance, source de vérification et mesures."""

    nom: str = Field(description="le nom de l'indicateur (ex. Surface désimperméabilisée)")
    unite: str = Field(default="", description="l'unité (m², °C, part, nombre...)")
    niveau: Literal["realisation", "resultat", "impact"] | None = Field(
        default=None, description="realisation, resultat ou impact")
    valeur_reference: float | None = Field(default=None, description="la valeur de départ (la situation avant)")
    date_reference: _dt.date | None = Field(default=None, description="la date de la valeur de référence, AAAA-MM-JJ")
    cible: float | None = Field(default=None, description="la valeur visée")
    echeance: _dt.date | None = Field(default=None, description="la date à laquelle la cible doit être atteinte")
    source: str = Field(default="", description="la source de vérification (relevé, enquête, procès-verbal...)")
    responsable: str = Field(default="", description="qui mesure et rend compte")
    sens: Literal["hausse", "baisse"] | None = Field(default=None, description="hausse ou baisse attendue")
    mesures: dict[_dt.date, float] = Field(default_factory=dict,
                                           description="les valeurs mesurées, une par date (AAAA-MM-JJ: valeur)")


# ---------------------------------------------------------------------------
# Arbre à problèmes, cadre logique, gouvernance
# ---------------------------------------------------------------------------

class SectionNoeud(ModeleCas):
    """Une cause ou un effet de l'arbre à problèmes, et sa reformulation positive."""

    texte: str = Field(description="la cause ou l'effet, formulé comme un problème")
    objectif: str | None = Field(default=None, description="la même idée reformulée en positif (un moyen ou une fin)")
    enfants: list[SectionNoeud] = Field(default_factory=list, description="les causes de cette cause (ou effets)")


class SectionArbreProblemes(ModeleCas):
    """L'arbre à problèmes : un problème central, ses causes et ses effets."""

    probleme: str = Field(description="le problème central, en une phrase")
    objectif: str | None = Field(default=None, description="le problème central reformulé en objectif")
    causes: list[SectionNoeud] = Field(default_factory=list, description="les causes directes")
    effets: list[SectionNoeud] = Field(default_factory=list, description="les effets directs")


class SectionNiveauCadre(ModeleCas):
    """Une ligne du cadre logique (objectif, résultat ou activité)."""

    code: str = Field(default="", description="un code court (R1, A1.1)")
    intitule: str = Field(description="ce que l'on vise ou ce que l'on fait, en une phrase")
    indicateurs: list[SectionIndicateur] = Field(default_factory=list, description="les indicateurs")
    hypotheses: list[str] = Field(default_factory=list, description="les hypothèses (conditions extérieures)")
    resultat: str | None = Field(default=None, description="pour une activité : le code du résultat qu'elle sert")


class SectionCadreLogique(ModeleCas):
    """Le cadre logique : objectif global, objectif spécifique, résultats et activités."""

    objectif_global: SectionNiveauCadre
    objectif_specifique: SectionNiveauCadre
    resultats: list[SectionNiveauCadre] = Field(default_factory=list, description="les résultats attendus")
    activites: list[SectionNiveauCadre] = Field(default_factory=list, description="les activités")


class SectionComite(ModeleCas):
    """Une instance de gouvernance (comité de pilotage, comité technique...)."""

    nom: str = Field(description="le nom de l'instance (ex. Comité de pilotage)")
    role: str = Field(description="ce qu'elle fait : décide, prépare, est consultée")
    membres: list[str] = Field(default_factory=list, description="les membres (noms d'acteurs)")
    frequence: str = Field(default="", description="la fréquence des réunions (ex. à chaque phase)")


class SectionDeliberation(ModeleCas):
    """Une délibération que l'organe délibérant doit voter, et le jalon du planning qui la porte."""

    objet: str = Field(description="ce que la délibération décide (ex. approuve le projet et le plan de financement)")
    jalon: str | None = Field(default=None, description="le nom de la tâche du planning (durée 0) qui la date")


class SectionOrganeDeliberant(ModeleCas):
    """L'assemblée qui décide : le conseil municipal (commune) ou le conseil communautaire (EPCI)."""

    nom: str = Field(description="le nom de l'assemblée (ex. Conseil municipal de Fontenay-l'Exemple)")
    deliberations: list[SectionDeliberation] = Field(default_factory=list,
                                                     description="les délibérations à voter pour le projet")


class SectionGouvernance(ModeleCas):
    """La gouvernance : l'organe délibérant, les instances et, en option, un tableau RACI."""

    organe_deliberant: SectionOrganeDeliberant | None = Field(
        default=None, description="l'assemblée qui décide (conseil municipal ou communautaire) et ses délibérations")
    comites: list[SectionComite] = Field(default_factory=list, description="les instances")
    raci: dict[str, dict[str, Literal["R", "A", "C", "I", ""]]] | None = Field(
        default=None, description="pour chaque décision, la lettre R, A, C ou I de chaque acteur")


class SectionBilanSocioEconomique(ModeleCas):
    """Les hypothèses du bilan socio-économique simplifié."""

    duree_ans: int = Field(ge=1, le=100, description="la durée d'analyse en années après l'investissement")
    avantages_annuels: dict[str, Montant] = Field(default_factory=dict,
                                                  description="les avantages monétarisés par an (libellé: euros)")
    couts_annuels: dict[str, Montant] = Field(default_factory=dict,
                                              description="les coûts d'exploitation par an (libellé: euros)")
    co2_evite_tonnes_par_an: float = Field(default=0, ge=0, description="les tonnes de CO2e évitées par an")
    non_monetarises: list[str] = Field(default_factory=list, description="les effets qu'on ne sait pas chiffrer")


class SectionProjet(ModeleCas):
    """Le projet : ce qu'on fait, pour quoi, combien et quand."""

    intitule: str = Field(description="l'intitulé du projet, tel qu'il figurera dans les délibérations")
    description: str = Field(description="deux ou trois phrases qui disent ce que le projet change")
    objectifs: list[str] = Field(default_factory=list, description="la liste des objectifs, une phrase chacun")
    cout_estime_ht: Montant = Field(description="le coût total estimé, en euros HT (ex. 920000)")
    annee_debut: Annee = Field(description="l'année de démarrage prévue (ex. 2026)")
    politiques: list[str] = Field(
        default_factory=list,
        description="les politiques publiques concernées (urbanisme, transition écologique, mobilité, logement)",
    )
    arbre_problemes: SectionArbreProblemes | None = Field(default=None, description="l'arbre à problèmes")
    cadre_logique: SectionCadreLogique | None = Field(default=None, description="le cadre logique")
    gouvernance: SectionGouvernance | None = Field(default=None, description="les instances et le RACI")
    bilan_socio_economique: SectionBilanSocioEconomique | None = Field(
        default=None, description="les hypothèses du bilan socio-économique")


# ---------------------------------------------------------------------------
# Planning
# ---------------------------------------------------------------------------

class SectionPhase(ModeleCas):
    """Une tâche ou une phase du planning."""

    nom: str = Field(description="le nom de la tâche (ex. Consultation des entreprises)")
    duree_jours: int = Field(ge=0, description="la durée en jours calendaires (0 pour un jalon)")
    apres: list[str] = Field(default_factory=list, description="les tâches qui doivent être finies avant")
    pas_avant: _dt.date | None = Field(default=None, description="la date avant laquelle la tâche ne peut commencer")
    fin_au_plus_tard: _dt.date | None = Field(default=None, description="la date limite de fin (ex. la rentrée)")
    engage: bool = Field(default=False, description="true si la tâche est le commencement d'exécution "
                         "(premier acte juridique qui engage le maître d'ouvrage)")
    phase: str = Field(default="", description="la famille de la tâche (programmation, conception, travaux...)")
    deliberation: list[str] = Field(
        default_factory=list, description="si la tâche est une séance du conseil : ce qu'elle décide "
        "(approbation_projet, plan_de_financement, demande_subvention, autorisation_marche, autre)")


class SectionMarche(ModeleCas):
    """Un marché à passer."""

    objet: str = Field(description="l'objet du marché (ex. Travaux de la cour)")
    nature: Literal["travaux", "fournitures_services"] = Field(description="travaux ou fournitures_services")
    montant_ht: Montant = Field(description="travaux : la valeur de l'opération ; fournitures et services : le "
                                "montant d'une année, en euros HT")
    tache: str | None = Field(default=None, description="la tâche du planning qui porte la consultation")
    duree_ans: float = Field(default=1, gt=0, description="fournitures et services : la durée ferme, en années")
    reconductions: int = Field(default=0, ge=0, description="le nombre de reconductions prévues")
    options_ht: Montant = Field(default=0, description="le montant des options, en euros HT")
    famille: str = Field(default="", description="l'opération ou la famille homogène (repère du fractionnement)")


class SectionSubvention(ModeleCas):
    """Les jalons d'une demande de subvention."""

    financeur: str = Field(description="le financeur (ex. DETR)")
    regle: Literal["dotation_etat", "autre"] = Field(
        default="dotation_etat", description="dotation_etat (DETR, DSIL : CGCT R2334-24 à 29) ou autre")
    reception_demande: _dt.date = Field(description="la date de réception de la demande, AAAA-MM-JJ")
    notification: _dt.date | None = Field(default=None, description="la date de notification de l'aide, AAAA-MM-JJ")


class SectionPlanning(ModeleCas):
    """Le planning : date de départ, phases, marchés et jalons des subventions."""

    debut: _dt.date = Field(description="la date de départ du planning, AAAA-MM-JJ")
    phases: list[SectionPhase] = Field(description="les tâches, dans l'ordre où on les lit")
    marches: list[SectionMarche] = Field(default_factory=list, description="les marchés à passer")
    subventions: list[SectionSubvention] = Field(default_factory=list, description="les demandes de subvention")


# ---------------------------------------------------------------------------
# Risques
# ---------------------------------------------------------------------------

class SectionRisque(ModeleCas):
    """Une ligne du registre des risques."""

    intitule: str = Field(description="le risque, en une phrase (ce qui pourrait arriver)")
    probabilite: int = Field(ge=1, le=5, description="la probabilité, de 1 (rare) à 5 (presque certain)")
    impact: int = Field(ge=1, le=5, description="l'impact, de 1 (négligeable) à 5 (majeur)")
    responsable: str = Field(default="", description="qui surveille le risque et déclenche la parade")
    attenuation: str = Field(default="", description="la mesure qui réduit la probabilité ou l'impact")
    categorie: str = Field(default="", description="la famille (calendrier, financement, technique...)")
SectionNoeud.model_rebuild()
