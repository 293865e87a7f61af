"""Les sujets d'examen : un cas neuf par graine, son dossier étudiant, son corrigé, et la notation des copies.

Un sujet part d'un gabarit (la rénovation énergétique d'une école, sur le modèle du cas
``ecole-jules-ferry``) et tire, de façon déterministe à partir de la graine, le territoire, les coûts,
les financeurs, l'emprunt et le calendrier, dans les ordres de grandeur de vrais projets (rénovation
énergétique des écoles : 300 à 1 700 € HT/m², rapport du Sénat n° 800, 2021-2022). Le dossier produit a
deux parties :

- ``etudiant/`` : la commande (``README.md``), les données du cas **sans** son plan de financement
  (c'est à l'apprenant de le monter), et le carnet d'examen, dont les cellules enregistrent les
  réponses dans ``examen-<slug>.reponses.json`` sans rien corriger ;
- ``corrige/`` : le cas complet et le corrigé, calculés par le paquet (``corrige.yaml``, ``corrige.md``),
  à garder par l'enseignant : :func:`noter_copies` compare les réponses rendues à ce corrigé.

Pendant l'examen, le carnet ne dit ni « juste » ni « faux » : il ne contrôle que la forme (un nombre, un
taux en décimales, un choix de la liste). Ainsi la note ne peut pas être trouvée par essais successifs,
et aucune valeur attendue n'est dans le dossier étudiant.

>>> s = tirer_sujet(7)
>>> s.graine, s == tirer_sujet(7), s == tirer_sujet(8)
(7, True, False)
>>> 300 <= s.cout_ht / s.surface_m2 <= 1700
True
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import json
import random
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from .erreurs import ErreurDonnees, ErreurSaisie
from .saisie import choix, entier, montant, normaliser, taux, trouver

__all__ = [
    "QUESTIONS",
    "Question",
    "SujetExamen",
    "corrige_du_cas",
    "enregistrer_reponses",
    "generer_examen",
    "noter_copies",
    "tirer_sujet",
]

#: Le cas qui sert de gabarit au sujet : ses sections (concertation, acteurs, risques, planning) sont
#: reprises et mises aux noms et aux chiffres du sujet.
GABARIT = "ecole-jules-ferry"

# Territoires fictifs, sur des départements réels : (nom du département, code, chef-lieu, région,
# syndicat d'énergie). Les communes sont inventées ; leur population est tirée parmi les strates rurales.
_DEPARTEMENTS = (
    ("Cantal", "15", "Aurillac", "Auvergne-Rhône-Alpes", "SDE 15"),
    ("Creuse", "23", "Guéret", "Nouvelle-Aquitaine", "SDEC 23"),
    ("Gers", "32", "Auch", "Occitanie", "SDEG 32"),
    ("Jura", "39", "Lons-le-Saunier", "Bourgogne-Franche-Comté", "SIDEC du Jura"),
    ("Mayenne", "53", "Laval", "Pays de la Loire", "Territoire d'énergie Mayenne"),
    ("Meuse", "55", "Bar-le-Duc", "Grand Est", "FUCLEM 55"),
    ("Orne", "61", "Alençon", "Normandie", "Te 61"),
    ("Yonne", "89", "Auxerre", "Bourgogne-Franche-Comté", "SDEY 89"),
)
_COMMUNES = ("Bellecombe-sur-Aure", "Val-de-Lisle", "Montcourt-les-Prés", "Saint-Aubin-du-Bocage",
             "Les Aulnaies", "Sainte-Colombe-la-Rivière", "Fontenay-sous-Bois-Joli", "Champvert-le-Haut")
_ECOLES = ("Jean-Moulin", "Marie-Curie", "Louise-Michel", "Jacques-Prévert", "Simone-Veil", "Victor-Hugo")


@dataclass(frozen=True)
class SujetExamen:
    """Les chiffres tirés pour un sujet (tous les montants en euros HT)."""

    #: La graine qui a produit le sujet.
    graine: int
    #: Le nom de la commune (fictive).
    commune: str
    #: Le département, son code, son chef-lieu, sa région et son syndicat d'énergie.
    departement: str
    code_departement: str
    chef_lieu: str
    region: str
    syndicat_energie: str
    #: Le nom de l'école.
    ecole: str
    #: La population de la commune.
    population: int
    #: La surface de l'école, en m².
    surface_m2: int
    #: Les dépenses HT.
    travaux: int
    maitrise_oeuvre: int
    etudes: int
    #: Le taux de DETR demandé (du HT) et le Fonds vert (montant).
    taux_detr: float
    fonds_vert: int
    #: L'aide de la Région (0 si elle ne finance pas) et le mécénat (privé).
    region_aide: int
    mecenat: int
    #: L'emprunt envisagé et sa durée en années.
    emprunt: int
    duree_emprunt: int
    #: L'année du dépôt des demandes (les travaux suivent).
    annee: int
    #: Le mois de lancement de la consultation des entreprises (1 à 12), l'année suivant le dépôt.
    mois_consultation: int

    @property
    def slug(self) -> str:
        """L'identifiant du cas d'examen (``examen-<graine>``)."""
        return f"examen-{self.graine}"

    @property
    def cout_ht(self) -> int:
        """Le coût total HT."""
        return self.travaux + self.maitrise_oeuvre + self.etudes

    @property
    def date_consultation(self) -> _dt.date:
        """La date de lancement de la consultation des entreprises de travaux."""
        return _dt.date(self.annee + 1, self.mois_consultation, 1)


def _arrondi(valeur: float, pas: int) -> int:
    return int(round(valeur / pas) * pas)


def tirer_sujet(graine: int) -> SujetExamen:
    """Le sujet d'examen de la graine ``graine`` : même graine, même sujet, sur toute machine.

    Les ordres de grandeur : 300 à 1 700 € HT/m² de travaux de rénovation énergétique d'école
    (rapport du Sénat cité plus haut), maîtrise d'œuvre de 8 à 12 % des travaux, DETR de 25 à 50 % du HT
    (dans la fourchette de CGCT R2334-27, 20 à 80 %), Fonds vert de 20 à 35 % du HT, Région de 0 à 25 % :
    selon le tirage, la part de la commune respecte ou non la participation minimale de CGCT L1111-10.

    >>> tirer_sujet(1).commune != tirer_sujet(2).commune or tirer_sujet(1).travaux != tirer_sujet(2).travaux
    True
    >>> tirer_sujet(-1)
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurDonnees: la graine de l'examen vaut -1, en dessous du minimum 0.
    Conseil : saisissez un nombre entier d'au moins 0.
    """
    graine = entier(graine, "la graine de l'examen", minimum=0)
    # Une graine dérivée par sha256 : le tirage ne dépend pas de la version de Python ni de la machine.
    tirage = random.Random(int(hashlib.sha256(f"examen-{graine}".encode()).hexdigest()[:16], 16))
    dep = tirage.choice(_DEPARTEMENTS)
    surface = _arrondi(tirage.uniform(900, 2400), 50)
    travaux = _arrondi(surface * tirage.uniform(450, 800), 10_000)
    moe = _arrondi(travaux * tirage.uniform(0.08, 0.12), 1_000)
    etudes = _arrondi(tirage.uniform(15_000, 40_000), 1_000)
    cout = travaux + moe + etudes
    taux_detr = tirage.choice((0.25, 0.30, 0.35, 0.40, 0.45, 0.50))
    fonds_vert = _arrondi(cout * tirage.uniform(0.20, 0.35), 5_000)
    region_aide = tirage.choice((0, _arrondi(cout * tirage.uniform(0.10, 0.25), 5_000)))
    mecenat = tirage.choice((0, 10_000, 20_000, 30_000))
    if taux_detr * cout + fonds_vert + region_aide + mecenat > 0.92 * cout:
        region_aide = 0  # la commune garde toujours une part à financer (et à emprunter)
    # On n'emprunte que sa propre part : 40 à 90 % de l'autofinancement, arrondi aux 10 000 € inférieurs.
    part_commune = cout - taux_detr * cout - fonds_vert - region_aide - mecenat
    emprunt = int(part_commune * tirage.uniform(0.40, 0.90) // 10_000 * 10_000)
    return SujetExamen(
        graine=graine, commune=tirage.choice(_COMMUNES), departement=dep[0], code_departement=dep[1],
        chef_lieu=dep[2], region=dep[3], syndicat_energie=dep[4], ecole=tirage.choice(_ECOLES),
        population=_arrondi(tirage.uniform(1_200, 9_000), 10), surface_m2=surface,
        travaux=travaux, maitrise_oeuvre=moe, etudes=etudes,
        taux_detr=taux_detr, fonds_vert=fonds_vert, region_aide=region_aide, mecenat=mecenat, emprunt=emprunt,
        duree_emprunt=tirage.choice((15, 20, 25)),
        annee=2026, mois_consultation=tirage.randint(2, 11),
    )


# ---------------------------------------------------------------------------
# Les questions de l'examen
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    """Une question de l'examen : ce qu'on demande, sous quelle forme, et sur combien de points."""

    #: L'identifiant (clé du fichier de réponses).
    ident: str
    #: La question, telle que le carnet la pose.
    intitule: str
    #: « euros », « taux » ou « choix ».
    forme: str
    #: Les points de la question (le total fait 20).
    points: float
    #: La tolérance admise (euros, ou taux en décimales).
    tolerance: float = 0.0
    #: Les choix possibles (forme « choix »).
    choix: tuple[str, ...] = ()


#: Les questions, dans l'ordre du carnet. Les réponses attendues sont calculées par :func:`corrige_du_cas`.
QUESTIONS: tuple[Question, ...] = (
    Question("cout_ttc", "Le coût total TTC de l'opération, en euros.", "euros", 2, tolerance=1),
    Question("subventions_publiques", "Le total des subventions publiques (hors mécénat et hors emprunt), en euros.",
             "euros", 3, tolerance=1),
    Question("part_mo", "La part de la commune dans le total des financements publics (sa part comprise), en "
             "décimales.", "taux", 3, tolerance=0.001),
    Question("participation_minimale", "La règle de participation minimale du maître d'ouvrage (CGCT L1111-10) "
             "est-elle respectée par ce plan ? (« oui » ou « non »)", "choix", 2, choix=("oui", "non")),
    Question("fctva", "Le FCTVA attendu sur l'opération, en euros.", "euros", 3, tolerance=1),
    Question("procedure_travaux", "La procédure du marché de travaux, lancé à la date de la commande "
             "(« dispense », « adaptee » ou « formalisee »).", "choix", 3,
             choix=("dispense", "adaptee", "formalisee")),
    Question("annuite", "L'annuité de l'emprunt (échéances constantes, au taux de la commande), en euros.",
             "euros", 4, tolerance=1),
)
_SYNONYMES = {"adaptee": ["MAPA", "procédure adaptée"], "formalisee": ["appel d'offres", "procédure formalisée"],
              "dispense": ["sans publicité ni mise en concurrence"]}
#: Le taux d'intérêt de l'emprunt donné dans la commande (ordre de grandeur des prêts aux collectivités :
#: 3,54 % en moyenne en 2024 selon l'observatoire Finance Active 2025, offres entre 3,25 et 3,50 %).
TAUX_EMPRUNT = 0.035


def _question(ident: str) -> Question:
    """La question ``ident`` ; un identifiant inconnu lève :class:`ErreurChoix` avec une suggestion."""
    ident = trouver(ident, [q.ident for q in QUESTIONS], "la question")
    return next(q for q in QUESTIONS if q.ident == ident)


def _forme(question: Question, reponse: Any) -> Any:
    """La réponse mise en forme (nombre, taux, choix canonique) ou l'erreur française de forme."""
    if question.forme == "euros":
        return montant(reponse, f"la réponse « {question.ident} »")
    if question.forme == "taux":
        return taux(reponse, f"la réponse « {question.ident} »")
    return choix(reponse, question.choix, f"la réponse « {question.ident} »", synonymes=_SYNONYMES)


# ---------------------------------------------------------------------------
# Le cas du sujet et son corrigé
# ---------------------------------------------------------------------------

def _cas_du_sujet(sujet: SujetExamen, gabarit: Mapping[str, Any]) -> dict[str, Any]:
    """Le cas complet (plan de financement compris) du sujet, construit sur le gabarit."""
    texte = yaml.safe_dump(dict(gabarit), allow_unicode=True, sort_keys=False)
    for ancien, nouveau in (("Saint-Exemple", sujet.commune), ("Jules-Ferry", sujet.ecole),
                            ("SDE 24", sujet.syndicat_energie), ("Dordogne", sujet.departement),
                            ("Périgueux", sujet.chef_lieu), ("Nouvelle-Aquitaine", sujet.region)):
        texte = texte.replace(ancien, nouveau)
    cas = yaml.safe_load(texte)
    cas["slug"] = sujet.slug
    cas["titre"] = f"Examen : rénovation énergétique de l'école {sujet.ecole} ({sujet.commune})"
    cas["resume"] = (f"{sujet.commune}, commune rurale de {sujet.population} habitants ({sujet.departement}), "
                     f"veut rénover son école {sujet.ecole} ({sujet.surface_m2} m²). Sujet d'examen n° "
                     f"{sujet.graine}, tiré par la commande mba-territoires examen.")
    cas["annee"] = sujet.annee
    cas["territoire"].update({"nom": sujet.commune, "population": sujet.population,
                              "departement": f"{sujet.departement} ({sujet.code_departement})",
                              "region": sujet.region})
    cas["projet"]["cout_estime_ht"] = sujet.cout_ht
    cas["projet"]["annee_debut"] = sujet.annee
    fin = cas["maitre_ouvrage"]["finances"]
    echelle = sujet.population / gabarit["territoire"]["population"]
    for cle in ("recettes_reelles_fonctionnement", "depenses_reelles_fonctionnement", "remboursement_capital",
                "encours_dette"):
        fin[cle] = _arrondi(fin[cle] * echelle, 10_000)
    financement = cas["financement"]
    financement["annee"] = sujet.annee
    montants = {"Travaux": sujet.travaux, "Maîtrise d'œuvre": sujet.maitrise_oeuvre,
                "Études préalables": sujet.etudes}
    for depense in financement["depenses"]:
        depense["montant_ht"] = montants[depense["libelle"]]
        if depense.get("calendrier"):
            depense["calendrier"] = {sujet.annee + int(a) - gabarit["annee"]: p
                                     for a, p in depense["calendrier"].items()}
    financeurs = [{"nom": "DETR", "taux": sujet.taux_detr, "nature": "detr"},
                  {"nom": "Fonds vert", "montant": sujet.fonds_vert, "nature": "etat"}]
    if sujet.region_aide:
        financeurs.append({"nom": f"Région {sujet.region}", "montant": sujet.region_aide, "nature": "region"})
    if sujet.mecenat:
        financeurs.append({"nom": "Mécénat d'entreprise", "montant": sujet.mecenat, "public": False,
                           "nature": "prive"})
    financement["financeurs"] = financeurs
    financement["emprunt"] = sujet.emprunt
    financement["duree_emprunt"] = sujet.duree_emprunt
    planning = cas.get("planning") or {}
    for marche in planning.get("marches", []):
        if marche.get("nature") == "travaux":
            marche["montant_ht"] = sujet.travaux
        else:
            marche["montant_ht"] = sujet.maitrise_oeuvre
    return cas


def corrige_du_cas(cas: Any, sujet: SujetExamen) -> dict[str, Any]:
    """Les réponses attendues du sujet, calculées par le paquet sur le cas complet chargé.

    ``cas`` : le :class:`~mba_territoires.cas.Cas` complet (plan de financement compris).
    """
    import mba_territoires as mt

    plan = mt.PlanDeFinancement.depuis_cas(cas)
    verdicts = plan.verifier()
    publiques = plan.subventions_publiques
    mo = plan.autofinancement
    procedure = mt.procedure_marche(sujet.travaux, "travaux", date=sujet.date_consultation)
    emprunt = mt.Emprunt(sujet.emprunt, TAUX_EMPRUNT, sujet.duree_emprunt)
    return {
        "cout_ttc": round(plan.cout_ttc, 2),
        "subventions_publiques": round(publiques, 2),
        "part_mo": round(mo / (mo + publiques), 6),
        "participation_minimale": "oui" if verdicts["participation_minimale"].respectee else "non",
        "fctva": round(plan.fctva().montant, 2),
        "procedure_travaux": procedure.procedure,
        "annuite": round(emprunt.annuite(), 2),
    }


def _commande(sujet: SujetExamen) -> str:
    """La commande de l'examen (README du dossier étudiant) : les chiffres à partir desquels tout se calcule."""
    region = (f"- la Région {sujet.region} a fait savoir qu'elle apporterait {sujet.region_aide} € au titre de son "
              "contrat de territoire ;\n" if sujet.region_aide else
              "- la Région ne finance pas ce type d'opération cette année ;\n")
    mecenat = (f"- une entreprise locale propose un mécénat de {sujet.mecenat} € ;\n" if sujet.mecenat else "")
    return f"""# Examen : rénovation énergétique de l'école {sujet.ecole} ({sujet.commune})

> *Sujet d'examen n° {sujet.graine}, cas fictif.* La commune et ses chiffres sont tirés au sort sur des ordres de
> grandeur réels. Vous travaillez seul·e ; le carnet enregistre vos réponses sans les corriger.

## La commande

**De :** la directrice générale des services de {sujet.commune} ({sujet.population} habitants, {sujet.departement})
**À :** vous, chargé·e de mission « projets et financements »

Le conseil municipal veut rénover l'école {sujet.ecole} ({sujet.surface_m2} m²). L'audit chiffre les travaux à
{sujet.travaux} € HT, la maîtrise d'œuvre à {sujet.maitrise_oeuvre} € HT et les études préalables à
{sujet.etudes} € HT (TVA à 20 % sur chaque dépense). Les demandes seront déposées en {sujet.annee} :

- la DETR est sollicitée au taux de {round(sujet.taux_detr * 100)} % du montant HT ;
- le Fonds vert a été sollicité pour {sujet.fonds_vert} € ;
{region}{mecenat}- la commune envisage un emprunt de {sujet.emprunt} € sur {sujet.duree_emprunt} ans, à échéances
  constantes, au taux de {str(TAUX_EMPRUNT * 100).replace(".", ",")} % ;
- la consultation des entreprises de travaux (un seul marché alloti) sera lancée le
  {sujet.date_consultation:%d/%m/%Y}.

La commune perçoit le FCTVA selon le régime de droit commun. Je vous demande :

1. le **plan de financement prévisionnel**, ses règles vérifiées et le FCTVA attendu ;
2. la **procédure** du marché de travaux et l'**annuité** de l'emprunt ;
3. une **note aux élus** d'une page avec son projet de délibération (notée sur la grille du guide de
   l'enseignant).

## Données fournies

- `casestudies/{sujet.slug}/cas.yaml` : le territoire, la commune et ses agrégats budgétaires, le projet, ses
  acteurs, son planning et ses risques ; **le plan de financement est à construire** ;
- `{sujet.slug}.ipynb` : le carnet où répondre.
"""


def _carnet_examen(sujet: SujetExamen) -> Any:
    """Le carnet d'examen : une cellule par question, qui enregistre la réponse sans la corriger."""
    import nbformat

    cellules = [nbformat.v4.new_markdown_cell(
        f"# Examen n° {sujet.graine} : l'école {sujet.ecole} à {sujet.commune}\n\n"
        "Lisez la commande (`README.md`), puis construisez le plan de financement avec le paquet :\n"
        f"`cas = mt.charger_cas(\"{sujet.slug}\", racine=\"casestudies\")` vous donne le cas, et\n"
        "`mt.PlanDeFinancement(...)` le plan. Chaque cellule de réponse **enregistre** votre réponse dans\n"
        f"`{sujet.slug}.reponses.json` (à rendre à l'enseignant) ; elle ne vérifie que sa forme.\n\n"
        "Durée conseillée : 2 heures. La note aux élus est à déposer à part.")]
    cellules.append(nbformat.v4.new_code_cell("import mba_territoires as mt\nfrom mba_territoires.examen import "
                                              f"enregistrer_reponses\n\nEXAMEN = \"{sujet.slug}\"\n"
                                              "IDENTIFIANT = ...  # votre adresse électronique, entre guillemets"))
    cellules.append(nbformat.v4.new_code_cell("# Votre travail : le plan de financement de la commande.\n"))
    for q in QUESTIONS:
        cellules.append(nbformat.v4.new_markdown_cell(f"**{q.ident}** ({q.points:g} points) : {q.intitule}"))
        cellules.append(nbformat.v4.new_code_cell(
            f"{q.ident} = ...  # à compléter\nenregistrer_reponses(EXAMEN, IDENTIFIANT, {q.ident}={q.ident})"))
    carnet = nbformat.v4.new_notebook(cells=cellules)
    carnet.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    carnet.metadata["language_info"] = {"name": "python"}
    return carnet


def generer_examen(graine: int, sortie: str | Path) -> Path:
    """Écrit le sujet ``graine`` dans ``sortie`` : ``etudiant/`` (à distribuer) et ``corrige/`` (à garder).

    Le cas complet est validé par :func:`mba_territoires.cas.charger` avant d'écrire quoi que ce soit
    pour les étudiants, et le corrigé est calculé par le paquet sur ce cas. Rend le dossier ``sortie``.
    """
    import nbformat

    from . import cas as module_cas

    sujet = tirer_sujet(graine)
    sortie = Path(sortie)
    gabarit_dossier = module_cas.dossier_cas() / GABARIT
    gabarit = yaml.safe_load((gabarit_dossier / "cas.yaml").read_text(encoding="utf-8"))
    complet = _cas_du_sujet(sujet, gabarit)

    # 1. Le cas complet, dans le corrigé, validé et chargé comme n'importe quel cas.
    corrige_racine = sortie / "corrige" / "casestudies"
    _ecrire_cas(corrige_racine / sujet.slug, complet, gabarit_dossier, sujet)
    module_cas.mettre_a_jour_empreintes(sujet.slug, racine=corrige_racine)
    cas_complet = module_cas.charger(sujet.slug, racine=corrige_racine)
    attendu = corrige_du_cas(cas_complet, sujet)
    corrige = {"examen": sujet.slug, "graine": sujet.graine, "sujet": asdict(sujet),
               "bareme": {q.ident: q.points for q in QUESTIONS},
               "tolerances": {q.ident: q.tolerance for q in QUESTIONS}, "attendu": attendu}
    (sortie / "corrige" / "corrige.yaml").write_text(yaml.safe_dump(corrige, allow_unicode=True, sort_keys=False),
                                                     encoding="utf-8")
    (sortie / "corrige" / "corrige.md").write_text(_corrige_lisible(sujet, attendu), encoding="utf-8")

    # 2. Le dossier étudiant : le même cas sans son plan de financement, la commande et le carnet.
    etudiant = {k: v for k, v in complet.items() if k != "financement"}
    etudiant_racine = sortie / "etudiant" / "casestudies"
    _ecrire_cas(etudiant_racine / sujet.slug, etudiant, gabarit_dossier, sujet)
    module_cas.mettre_a_jour_empreintes(sujet.slug, racine=etudiant_racine)
    module_cas.charger(sujet.slug, racine=etudiant_racine)  # le dossier étudiant est un cas valide
    (sortie / "etudiant" / "README.md").write_text(_commande(sujet), encoding="utf-8")
    nbformat.write(_carnet_examen(sujet), sortie / "etudiant" / f"{sujet.slug}.ipynb")
    fuites = fuites_du_dossier(sortie / "etudiant", attendu)
    if fuites:  # pragma: no cover - garde-fou : le test le provoque sur un dossier planté
        raise ErreurDonnees(f"le dossier étudiant contient des réponses attendues : {', '.join(fuites)}",
                            conseil="signalez-le : le générateur d'examen ne doit rien écrire du corrigé")
    return sortie


def _ecrire_cas(dossier: Path, cas: Mapping[str, Any], gabarit_dossier: Path, sujet: SujetExamen) -> None:
    dossier.mkdir(parents=True, exist_ok=True)
    (dossier / "cas.yaml").write_text(
        "# Cas d'examen fictif, tiré par la commande mba-territoires examen.\n"
        + yaml.safe_dump(dict(cas), allow_unicode=True, sort_keys=False), encoding="utf-8")
    (dossier / "README.md").write_text(_commande(sujet), encoding="utf-8")
    # Les données du gabarit (population par groupe), mises à l'échelle de la commune du sujet.
    manifeste = yaml.safe_load((gabarit_dossier / "donnees.yaml").read_text(encoding="utf-8"))
    population_gabarit = sum(int(r["effectif"]) for r in _lignes(gabarit_dossier / "population.csv")
                             if r["dimension"] == "sexe")
    echelle = sujet.population / population_gabarit
    with (dossier / "population.csv").open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.writer(f, lineterminator="\n")
        ecrivain.writerow(["dimension", "groupe", "effectif"])
        for r in _lignes(gabarit_dossier / "population.csv"):
            ecrivain.writerow([r["dimension"], r["groupe"], round(int(r["effectif"]) * echelle)])
    manifeste = {"population": {**manifeste["population"],
                                "source": "Fictif : parts du cas ecole-jules-ferry mises à l'échelle du sujet"}}
    (dossier / "donnees.yaml").write_text(yaml.safe_dump(manifeste, allow_unicode=True, sort_keys=False),
                                          encoding="utf-8")


def _lignes(chemin: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(chemin.read_text(encoding="utf-8"))))


def _corrige_lisible(sujet: SujetExamen, attendu: Mapping[str, Any]) -> str:
    from .formats import euros, pourcentage

    def afficher(q: Question) -> str:
        v = attendu[q.ident]
        return euros(v) if q.forme == "euros" else pourcentage(v, 2) if q.forme == "taux" else f"« {v} »"

    lignes = "\n".join(f"| {q.ident} | {q.intitule} | {afficher(q)} | {q.points:g} |" for q in QUESTIONS)
    return (f"# Corrigé de l'examen n° {sujet.graine} ({sujet.commune}, école {sujet.ecole})\n\n"
            "À garder par l'enseignant. Calculé par le paquet mba_territoires sur le cas complet "
            f"(`casestudies/{sujet.slug}`).\n\n| Question | Intitulé | Réponse attendue | Points |\n|---|---|---|---|\n"
            f"{lignes}\n")


def _formes_affichees(valeur: Any) -> set[str]:
    """Les façons dont une valeur attendue pourrait apparaître dans un fichier (brute, arrondie, à la française)."""
    from .formats import euros, nombre, pourcentage

    if isinstance(valeur, str):
        return set()
    formes = {f"{valeur:.2f}", str(round(valeur)), euros(valeur), euros(valeur, 0), nombre(round(valeur))}
    if valeur < 1:
        formes |= {pourcentage(valeur, 1), pourcentage(valeur, 2), f"{valeur:.3f}", f"{valeur:.4f}"}
    return {f for f in formes if len(f.replace(" ", "")) >= 4}


def fuites_du_dossier(dossier: str | Path, attendu: Mapping[str, Any]) -> list[str]:
    """Les réponses attendues qui apparaissent, sous une forme ou une autre, dans un fichier du dossier.

    Une réponse attendue numérique est cherchée brute, arrondie, à la française (espaces fines, virgule)
    et en pourcentage ; le dossier étudiant ne doit en contenir aucune, ni la section ``financement``.
    """
    trouvees = []
    textes = {p: p.read_text(encoding="utf-8", errors="replace") for p in Path(dossier).rglob("*") if p.is_file()}
    for cle, valeur in attendu.items():
        for forme in _formes_affichees(valeur):
            for chemin, texte in textes.items():
                if forme in texte:
                    trouvees.append(f"{cle} ({forme!r} dans {chemin.name})")
    for chemin, texte in textes.items():
        if chemin.name == "cas.yaml" and "\nfinancement:" in texte:
            trouvees.append(f"la section financement ({chemin.name})")
    return trouvees


# ---------------------------------------------------------------------------
# Les réponses de l'apprenant et la notation
# ---------------------------------------------------------------------------

def enregistrer_reponses(examen: str, identifiant: Any, dossier: str | Path = ".", **reponses: Any) -> Path:
    """Enregistre des réponses d'examen dans ``<dossier>/<examen>.reponses.json`` (sans les corriger).

    La forme de chaque réponse est contrôlée (un montant, un taux en décimales, un choix de la liste) ;
    une réponse laissée à ``...`` n'est pas enregistrée (et sans aucune réponse, rien n'est écrit). Les
    réponses déjà enregistrées sont gardées ; un fichier abîmé est mis de côté, jamais écrasé.

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> chemin = enregistrer_reponses("examen-7", "lea@ecole.fr", d, fctva=12345.6, cout_ttc=...)
    >>> json.loads(chemin.read_text(encoding="utf-8"))["reponses"]
    {'fctva': 12345.6}
    >>> enregistrer_reponses("examen-7", "lea@ecole.fr", d, part_mo=20)
    Traceback (most recent call last):
    ...
    mba_territoires.erreurs.ErreurTaux: la réponse « part_mo » vaut 20, hors de [0 ; 1] (au-dessus de 100 %).
    Conseil : un taux s'écrit en décimales, entre 0 et 1 : 30 % s'écrit 0.30 (vouliez-vous écrire 0.20 ?).
    """
    chemin = Path(dossier) / f"{examen}.reponses.json"
    if all(r is ... for r in reponses.values()):
        return chemin  # rien à enregistrer : la question n'a pas encore de réponse
    if identifiant is ... or not isinstance(identifiant, str) or not identifiant.strip():
        raise ErreurSaisie("votre identifiant n'est pas renseigné",
                           conseil="écrivez votre adresse électronique entre guillemets : "
                           'IDENTIFIANT = "prenom.nom@ecole.fr"')
    donnees: dict[str, Any] = {"examen": examen, "identifiant": identifiant.strip(), "reponses": {}}
    if chemin.exists():
        try:
            ancien = json.loads(chemin.read_text(encoding="utf-8"))
            donnees["reponses"] = dict(ancien.get("reponses", {}))
        except (json.JSONDecodeError, AttributeError):
            # Un fichier abîmé est mis de côté, jamais écrasé.
            chemin.rename(chemin.with_suffix(f".abime-{_dt.datetime.now():%Y%m%d%H%M%S}.json"))
    for ident, reponse in reponses.items():
        if reponse is ...:
            continue
        donnees["reponses"][ident] = _forme(_question(ident), reponse)
    temporaire = chemin.with_suffix(".tmp")
    temporaire.write_text(json.dumps(donnees, ensure_ascii=False, indent=1), encoding="utf-8")
    temporaire.replace(chemin)
    return chemin


@dataclass(frozen=True)
class Copie:
    """La note d'une copie rendue."""

    #: L'identifiant de l'apprenant (adresse électronique).
    identifiant: str
    #: La note sur 20.
    note: float
    #: Les points obtenus par question.
    points: dict[str, float]
    #: Le fichier lu.
    fichier: str


def noter_copies(corrige: str | Path, copies: Iterable[str | Path]) -> tuple[list[Copie], list[str]]:
    """Note les fichiers de réponses rendus, contre ``corrige/corrige.yaml``. Rend (copies notées, problèmes).

    Un fichier illisible, d'un autre examen ou sans identifiant est signalé par son nom et n'arrête pas
    la notation ; une réponse hors tolérance vaut 0 point.
    """
    corrige = Path(corrige)
    fichier_corrige = corrige / "corrige.yaml" if corrige.is_dir() else corrige
    cle = yaml.safe_load(fichier_corrige.read_text(encoding="utf-8"))
    notes, problemes = [], []
    for fichier in copies:
        fichier = Path(fichier)
        try:
            donnees = json.loads(fichier.read_text(encoding="utf-8"))
            identifiant = str(donnees["identifiant"]).strip()
            reponses = dict(donnees["reponses"])
            if donnees.get("examen") != cle["examen"]:
                problemes.append(f"{fichier.name} : ce fichier est celui de l'examen « {donnees.get('examen')} », "
                                 f"pas de « {cle['examen']} »")
                continue
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            problemes.append(f"{fichier.name} : fichier illisible ({type(exc).__name__}) ; demandez à l'apprenant "
                             "de le rendre à nouveau")
            continue
        points = {}
        for q in QUESTIONS:
            points[q.ident] = q.points if _bonne(q, reponses.get(q.ident), cle["attendu"][q.ident]) else 0.0
        inconnues = sorted(set(reponses) - {q.ident for q in QUESTIONS})
        if inconnues:
            problemes.append(f"{fichier.name} : questions inconnues ignorées ({', '.join(inconnues)})")
        notes.append(Copie(identifiant, round(sum(points.values()), 2), points, fichier.name))
    return notes, problemes


def _bonne(question: Question, reponse: Any, attendu: Any) -> bool:
    if reponse is None:
        return False
    try:
        propre = _forme(question, reponse)
    except ErreurSaisie:
        return False
    if question.forme == "choix":
        return normaliser(propre) == normaliser(attendu)
    return abs(float(propre) - float(attendu)) <= question.tolerance + 1e-9


def exporter_notes_csv(copies: Iterable[Copie], chemin: str | Path, colonne: str) -> Path:
    """Les notes au format d'import de Moodle : une colonne « Adresse de courriel », une colonne de note sur 20."""
    chemin = Path(chemin)
    with chemin.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.writer(f, lineterminator="\n")
        ecrivain.writerow(["Adresse de courriel", colonne])
        for c in sorted(copies, key=lambda c: c.identifiant):
            ecrivain.writerow([c.identifiant, f"{c.note:.2f}"])
    return chemin
