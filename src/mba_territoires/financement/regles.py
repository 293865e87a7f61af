"""Les règles de cofinancement qui jugent un plan, chacune avec ses chiffres, son texte et ce qu'il faut changer.

Chaque règle lit ses seuils dans les paramètres en vigueur à la date du plan (``plan.parametres``) :

- ``participation_minimale`` : le maître d'ouvrage apporte au moins 20 % des financements publics, sa
  part comprise (CGCT L1111-10 III), sauf dérogation ; chaque dérogation est modélisée comme ce que son
  texte permet (:data:`DEROGATIONS`) : une exonération, un plancher fixé par le texte (10 % pour la
  rénovation énergétique des bâtiments scolaires, loi 2024-279) ou un plancher fixé par le préfet ;
- ``plafond_dotations_etat`` : la DETR, la DSIL, la DSID et la DPV, seules ou cumulées, ne dépassent pas
  80 % de la dépense subventionnable (CGCT R2334-27, al. 2) ; sans objet sans ces dotations ;
- ``plafond_aides_decret_2018`` : avec une subvention d'investissement de l'État régie par le décret
  2018-514 (Fonds vert, FNADT...), les aides publiques qui portent sur sa dépense subventionnable (les
  lignes qu'elle finance) ne dépassent pas le plafond de son art. 10 ; une aide qui finance d'autres
  lignes ne compte pas, une aide plus large compte au prorata de sa base qui recoupe cette dépense
  (hypothèse de l'outil, voir :func:`aides_sur_la_depense`) ; jamais appliqué à une Région ni à un
  Département seuls ;
- ``detr_taux`` : chaque DETR entre 20 % et 80 % de sa base HT (R2334-27) ;
- ``assiette``, ``plancher``, ``equilibre`` : une aide reste dans sa base, atteint son plancher, et les
  recettes égalent les dépenses.

>>> from mba_territoires.financement import PlanDeFinancement
>>> plan = PlanDeFinancement("Cour d'école", annee=2026)
>>> plan.ajouter_depense("Travaux", montant_ht=100_000)
>>> plan.ajouter_financeur("Agence de l'eau", taux=0.85)
>>> v = plan.verifier()
>>> v.respectee, [x.regle for x in v.non_respectees()], v["plafond_dotations_etat"].statut
(False, ['participation_minimale'], 'sans objet')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import saisie
from ..erreurs import ErreurChoix
from ..formats import euros, pourcentage
from ..verdicts import Verdict, Verdicts

if TYPE_CHECKING:  # pragma: no cover
    from .plan import PlanDeFinancement

__all__ = ["DEROGATIONS", "DOTATIONS_ETAT", "Derogation", "aides_sur_la_depense", "derogation_canonique",
           "verifier_plan"]

# Une tolérance d'un demi-centime pour comparer des montants en euros (arrondis au centime).
_CENTIME = 0.005

#: Les natures de financeur que R2334-27 (al. 2) plafonne ensemble : les dotations d'investissement de l'État.
DOTATIONS_ETAT: tuple[str, ...] = ("detr", "dsil", "dsid", "dpv")
#: La nature des autres subventions d'investissement de l'État, régies par le décret 2018-514.
SUBVENTIONS_ETAT_DECRET_2018 = ("etat",)

_SOURCE_EQUILIBRE = ("CGCT, art. R2334-23 (le dossier de demande comporte un plan de financement prévisionnel "
                     "précisant l'origine et le montant des moyens financiers) — article à vérifier")
_SOURCE_PLANCHER = "règlement d'intervention du financeur (plancher saisi dans le plan)"
_SOURCE_ASSIETTE = "règlement d'intervention du financeur : une aide ne finance que sa base éligible"


@dataclass(frozen=True)
class Derogation:
    """Une dérogation à la participation minimale du maître d'ouvrage, telle que son texte la permet."""

    #: L'identifiant (« renovation_energetique_scolaire »).
    cle: str
    #: Ce que la dérogation couvre, en français.
    libelle: str
    #: « exoneration » (la règle ne s'applique pas), « plancher_texte » (un plancher fixé par le texte,
    #: lu dans ``parametre``) ou « plancher_prefet » (le préfet fixe la participation par décision).
    effet: str
    #: Le texte qui la fonde (article, loi, date).
    source: str
    #: La clé du paramètre qui porte le plancher (« plancher_texte » seulement).
    parametre: str = ""
    #: Vrai si le texte n'est pas en vigueur ou attend une confirmation.
    a_verifier: bool = False
    #: Les autres façons de la nommer (anciennes catégories, mots du métier).
    synonymes: tuple[str, ...] = ()


#: Les dérogations à L1111-10 III et ce que chaque texte permet.
DEROGATIONS: dict[str, Derogation] = {d.cle: d for d in (
    Derogation("anru", "opérations de rénovation urbaine (ANRU)", "exoneration",
               "CGCT, art. L1111-10 III, al. 2 (« sans préjudice de l'article 9 de la loi n° 2003-710 du "
               "1er août 2003 ») ; loi 2003-710, art. 9", synonymes=("rénovation urbaine", "NPNRU")),
    Derogation("outre_mer", "collectivités de Guadeloupe, Guyane, La Réunion, Martinique, Mayotte, "
               "Saint-Barthélemy, Saint-Martin et Saint-Pierre-et-Miquelon", "exoneration",
               "CGCT, art. L1111-10 III, al. 1 (exception des collectivités d'outre-mer qu'il nomme)",
               synonymes=("outre-mer", "DROM")),
    Derogation("monuments_proteges", "rénovation des monuments protégés au titre du code du patrimoine",
               "plancher_prefet", "CGCT, art. L1111-10 III, al. 3 (« sauf dérogation accordée par le "
               "représentant de l'État dans le département »)",
               synonymes=("monuments protégés", "monument historique")),
    Derogation("calamites_publiques", "réparation des dégâts causés par des calamités publiques", "plancher_prefet",
               "CGCT, art. L1111-10 III, al. 4 (dérogation du préfet au vu de l'importance des dégâts et de la "
               "capacité financière)", synonymes=("calamités publiques", "catastrophe naturelle")),
    Derogation("categories_2019", "catégories ajoutées en 2019 : patrimoine non protégé, ponts et ouvrages d'art, "
               "défense contre l'incendie, eau potable et assainissement, et les autres de la liste "
               "``financement.derogations_prefet_categories``", "plancher_prefet",
               "CGCT, art. L1111-10 III, rédaction issue de la loi n° 2019-1461 du 27/12/2019 — liste des catégories "
               "relevée dans des sources secondaires, à vérifier", a_verifier=True,
               synonymes=("patrimoine non protégé", "ponts et ouvrages d'art", "défense contre l'incendie",
                          "eau potable", "assainissement", "élimination des déchets", "voirie communale",
                          "restauration de la biodiversité", "maisons de santé")),
    Derogation("renovation_energetique_scolaire", "rénovation énergétique des bâtiments scolaires, quand le préfet "
               "estime les 20 % disproportionnés au vu de la capacité financière du maître d'ouvrage",
               "plancher_texte", "CGCT, art. L1111-10 III, dernier alinéa (loi n° 2024-279 du 29/03/2024, "
               "JORF du 30/03/2024)", parametre="financement.participation_minimale_renovation_energetique_scolaire",
               synonymes=("écoles", "bâtiments scolaires", "rénovation énergétique des bâtiments scolaires")),
    Derogation("petite_commune", "seuil réduit des petites communes rurales", "plancher_texte",
               "proposition de loi non promulguée (navette parlementaire)",
               parametre="financement.participation_minimale_mo_derogation_petites_communes", a_verifier=True),
)}


def derogation_canonique(plan: PlanDeFinancement, derogation: object, categorie: object = None,
                         participation: object = None) -> tuple[str | None, str | None, float | None]:
    """La dérogation canonique, la catégorie retenue et la participation fixée par le préfet.

    L'ancienne forme ``("prefet", "monuments protégés")`` est traduite vers la dérogation qui la couvre.

    >>> from mba_territoires.financement import PlanDeFinancement
    >>> derogation_canonique(PlanDeFinancement("Pont"), "prefet", "écoles")
    ('renovation_energetique_scolaire', None, None)
    """
    if derogation is None:
        return None, None, None
    synonymes = {d.cle: list(d.synonymes) for d in DEROGATIONS.values()}
    if isinstance(derogation, str) and saisie.normaliser(derogation) in ("prefet", "dérogationduprefet"):
        if categorie is None:
            raise ErreurChoix("la dérogation « prefet » demande la catégorie du projet",
                              conseil="nommez la dérogation elle-même : " + ", ".join(DEROGATIONS))
        categories = list(plan.parametres["financement.derogations_prefet_categories"])
        try:
            cle = saisie.choix(categorie, list(DEROGATIONS), "la catégorie de la dérogation", synonymes=synonymes)
        except ErreurChoix:
            try:
                categorie = saisie.choix(categorie, categories, "la catégorie de la dérogation du préfet")
            except ErreurChoix:
                raise ErreurChoix(f"la catégorie « {categorie} » n'ouvre pas droit à une dérogation du préfet",
                                  conseil="catégories : " + ", ".join(categories) + " ; dérogations : "
                                  + ", ".join(DEROGATIONS) + " ; sinon la règle des 20 % s'applique") from None
            cle = "monuments_proteges" if categorie == "monuments protégés" else (
                "calamites_publiques" if categorie == "calamités publiques" else "categories_2019")
    else:
        cle = saisie.choix(derogation, list(DEROGATIONS), "la dérogation", synonymes=synonymes)
        if cle == "categories_2019" and categorie is not None:
            categorie = saisie.choix(categorie, list(plan.parametres["financement.derogations_prefet_categories"]),
                                     "la catégorie de la dérogation du préfet")
    d = DEROGATIONS[cle]
    part = None
    if participation is not None:
        if d.effet != "plancher_prefet":
            raise ErreurChoix(f"la dérogation « {cle} » ne laisse pas le préfet fixer la participation",
                              conseil="retirez participation=... : " + (
                                  "le texte exonère de la règle" if d.effet == "exoneration"
                                  else "le texte fixe lui-même le plancher"))
        part = saisie.taux(participation, "la participation minimale fixée par le préfet")
    return cle, (str(categorie) if cle == "categories_2019" and categorie is not None else None), part


def _citation(plan: PlanDeFinancement, cle: str) -> tuple[str, bool]:
    p = plan.parametres.parametre(cle)
    return p.citation(), p.a_verifier


def _plus_gros(plan: PlanDeFinancement, natures: tuple[str, ...] | None = None) -> str | None:
    publics = [f for f in plan.financeurs if f.public and plan.montant(f.nom) > 0
               and (natures is None or f.nature in natures)]
    if not publics:
        return None
    return max(publics, key=lambda f: plan.montant(f.nom)).nom


def _participation_minimale(plan: PlanDeFinancement) -> Verdict:
    intitule = "Participation minimale du maître d'ouvrage (part des financements publics)"
    mo, s = plan.autofinancement, plan.subventions_publiques
    financements_publics = mo + s
    part = mo / financements_publics if financements_publics else 1.0
    d = DEROGATIONS.get(plan.derogation or "")
    base_source, base_a_verifier = _citation(plan, "financement.participation_minimale_mo")
    if d is not None and d.effet == "exoneration":
        return Verdict("participation_minimale", intitule, True,
                       f"{d.libelle} : le texte exonère de la participation minimale (la commune apporte "
                       f"{pourcentage(part)} des financements publics)", "", d.source, applicable=False,
                       chiffres={"autofinancement": mo, "subventions_publiques": s, "part": part})
    if d is not None and d.effet == "plancher_prefet":
        if plan.participation_derogee is None:
            return Verdict("participation_minimale", intitule, True,
                           f"dérogation du préfet invoquée ({d.libelle}) : la participation minimale est celle que "
                           f"fixera sa décision ; la commune apporte {pourcentage(part)} des financements publics",
                           "donnez la participation fixée par le préfet : plan.choisir_derogation(..., "
                           "participation=0.10)", d.source, applicable=False, a_verifier=True,
                           chiffres={"autofinancement": mo, "subventions_publiques": s, "part": part})
        seuil, a_verifier = plan.participation_derogee, d.a_verifier
        source = d.source + " ; plancher fixé par le préfet"
    elif d is not None:  # plancher fixé par le texte
        seuil = float(plan.parametres[d.parametre])
        source, a_verifier = _citation(plan, d.parametre)
        source = f"{d.source} : {source}"
        a_verifier = a_verifier or d.a_verifier
    else:
        seuil, source, a_verifier = float(plan.parametres["financement.participation_minimale_mo"]), base_source, \
            base_a_verifier
    manque = max(0.0, round(seuil * financements_publics - mo, 2))
    ok = manque <= _CENTIME
    constat = (f"le maître d'ouvrage apporte {euros(mo)} sur {euros(financements_publics)} de financements "
               f"publics (sa part comprise), soit {pourcentage(part)} ; il faut au moins {pourcentage(seuil, 0)}")
    if d is not None:
        constat += f" (dérogation : {d.libelle})"
    if plan.financements_prives:
        constat += f" ; les {euros(plan.financements_prives)} de financements privés sont hors assiette"
    if any(f.nature == "europe" for f in plan.financeurs):
        constat += " ; les fonds européens sont comptés comme publics (traitement à vérifier)"
        a_verifier = True
    if d is not None and d.cle == "petite_commune":
        constat += " ; seuil réduit d'une proposition de loi non promulguée : chiffre à vérifier"
    conseil = ""
    if not ok:
        gros = _plus_gros(plan)
        ligne = f"réduisez « {gros} » de {euros(manque)}" if gros else f"réduisez les aides de {euros(manque)}"
        conseil = (f"{ligne} ou augmentez l'autofinancement de {euros(manque)} (en retirant autant de "
                   "subventions publiques), ou vérifiez si une dérogation s'applique")
    return Verdict("participation_minimale", intitule, ok, constat, conseil, source, a_verifier=a_verifier,
                   chiffres={"autofinancement": mo, "subventions_publiques": s, "part": part, "seuil": seuil,
                             "ecart": manque}, article="L1111-10 III")


def _lignes_communes(plan: PlanDeFinancement, natures: tuple[str, ...]) -> set[str]:
    """Les lignes financées par les financeurs de ces natures (la réunion de leurs lignes)."""
    lignes: set[str] = set()
    for f in plan.financeurs:
        if f.nature in natures:
            lignes |= set(f.lignes) if f.lignes else {d.libelle for d in plan.depenses}
    return lignes


def _ht(plan: PlanDeFinancement, lignes: set[str]) -> float:
    return round(sum(d.montant_ht for d in plan.depenses if d.libelle in lignes), 2)


def _base_commune(plan: PlanDeFinancement, natures: tuple[str, ...]) -> float:
    """La dépense subventionnable des financeurs de ces natures : la réunion de leurs lignes, HT."""
    return _ht(plan, _lignes_communes(plan, natures))


def aides_sur_la_depense(plan: PlanDeFinancement, lignes: Iterable[str]) -> dict[str, float]:
    """La part de chaque aide publique qui porte sur la dépense subventionnable formée de ces lignes.

    Une aide compte pour son montant multiplié par la part de sa base (HT) qui recoupe ces lignes :
    entièrement si elle ne finance que ces lignes, pas du tout si elle finance d'autres lignes, au
    prorata si elle finance aussi d'autres lignes (par exemple toutes). C'est une **hypothèse de
    l'outil** : le plan ne dit pas comment un financeur ventile son aide entre les lignes ; on la
    suppose répartie comme la dépense HT. Les financements privés ne sont pas des aides publiques.

    >>> from mba_territoires.financement import PlanDeFinancement
    >>> plan = PlanDeFinancement("Place", annee=2026)
    >>> plan.ajouter_depense("Place", montant_ht=60_000)
    >>> plan.ajouter_depense("Halle", montant_ht=40_000)
    >>> plan.ajouter_financeur("Fonds vert", montant=30_000, lignes=["Place"])
    >>> plan.ajouter_financeur("Région", montant=20_000)              # toutes les lignes : 60 % sur la place
    >>> plan.ajouter_financeur("Département", montant=10_000, lignes=["Halle"])   # une autre ligne
    >>> aides_sur_la_depense(plan, ["Place"])
    {'Fonds vert': 30000.0, 'Région': 12000.0, 'Département': 0.0}
    """
    cible = set(lignes)
    parts: dict[str, float] = {}
    for f in plan.financeurs:
        if not f.public:
            continue
        siennes = set(f.lignes) if f.lignes else {d.libelle for d in plan.depenses}
        base = _ht(plan, siennes)
        recoupe = _ht(plan, siennes & cible)
        parts[f.nom] = round(plan.montant(f.nom) * recoupe / base, 2) if base else 0.0
    return parts


def _plafond_dotations_etat(plan: PlanDeFinancement) -> Verdict:
    """CGCT R2334-27, al. 2 : les dotations DETR, DPV, DSIL et DSID, seules ou combinées, sur leur dépense.

    La rédaction en vigueur depuis le 06/10/2021 (décret 2021-1291) plafonne les **dotations elles-mêmes**
    (« ne peuvent représenter, employées seules ou de manière combinée, plus de [x] % du montant prévisionnel
    de la dépense subventionnable ») ; la formule « porter le montant des aides publiques directes à plus
    de... » est celle de rédactions antérieures. La dépense subventionnable est la réunion des lignes
    que financent ces dotations ; le plafond est lu dans ``financement.plafond_dotations_etat``.
    """
    cle = "financement.plafond_dotations_etat"
    intitule = "Plafond des dotations d'investissement de l'État (DETR, DSIL, DSID, DPV cumulées)"
    source, a_verifier = _citation(plan, cle)
    dotations = [f for f in plan.financeurs if f.nature in DOTATIONS_ETAT]
    if not dotations:
        return Verdict("plafond_dotations_etat", intitule, True,
                       "le plan ne comporte ni DETR, ni DSIL, ni DSID, ni DPV : ce plafond ne s'applique pas", "",
                       source, applicable=False)
    plafond = float(plan.parametres[cle])
    total = round(sum(plan.montant(f.nom) for f in dotations), 2)
    base = _base_commune(plan, DOTATIONS_ETAT)
    part = total / base if base else 0.0
    exces = max(0.0, round(total - plafond * base, 2))
    ok = exces <= _CENTIME
    noms = ", ".join(f"« {f.nom} »" for f in dotations)
    constat = (f"{noms} : {euros(total)} sur une dépense subventionnable de {euros(base)} HT, soit "
               f"{pourcentage(part)} ; plafond : {pourcentage(plafond, 0)}")
    conseil = "" if ok else (f"réduisez « {_plus_gros(plan, DOTATIONS_ETAT)} » de {euros(exces)} ; "
                             "l'autofinancement augmente d'autant")
    return Verdict("plafond_dotations_etat", intitule, ok, constat, conseil, source, a_verifier=a_verifier,
                   chiffres={"dotations": total, "depense_subventionnable": base, "part": part, "plafond": plafond,
                             "ecart": exces}, article="R2334-27")


def _plafond_aides_decret_2018(plan: PlanDeFinancement) -> Verdict:
    """Décret 2018-514, art. 10 : les aides publiques sur la dépense subventionnable de l'aide de l'État.

    La dépense subventionnable est celle des lignes que financent les subventions de l'État régies par le
    décret (Fonds vert, FNADT...). Ne comptent que les aides publiques qui portent sur cette dépense : une
    aide qui finance d'autres lignes n'y compte pas ; une aide qui finance aussi d'autres lignes compte au
    prorata de la part de sa base qui recoupe cette dépense (hypothèse de l'outil :
    :func:`aides_sur_la_depense`). Le plafond est lu dans ``financement.plafond_aides_publiques_decret_2018``.
    """
    cle = "financement.plafond_aides_publiques_decret_2018"
    intitule = "Plafond des aides publiques avec une subvention de l'État (décret 2018-514, art. 10)"
    source, a_verifier = _citation(plan, cle)
    etat = [f for f in plan.financeurs if f.nature in SUBVENTIONS_ETAT_DECRET_2018]
    if not etat:
        return Verdict("plafond_aides_decret_2018", intitule, True,
                       "le plan ne comporte pas de subvention de l'État régie par le décret 2018-514 (Fonds vert, "
                       "FNADT...) : ce plafond ne s'applique pas (il ne vise ni la Région, ni le Département)", "",
                       source, applicable=False)
    plafond = float(plan.parametres[cle])
    lignes = _lignes_communes(plan, SUBVENTIONS_ETAT_DECRET_2018)
    base = _ht(plan, lignes)
    parts = aides_sur_la_depense(plan, lignes)
    s = round(sum(parts.values()), 2)
    part = s / base if base else 0.0
    exces = max(0.0, round(s - plafond * base, 2))
    ok = exces <= _CENTIME
    comptees = [f"« {nom} » {euros(m)}" + ("" if m == plan.montant(nom) else f" sur {euros(plan.montant(nom))}")
                for nom, m in parts.items() if m > 0]
    hors = [nom for nom, m in parts.items() if m == 0 and plan.montant(nom) > 0]
    constat = (f"les aides publiques qui portent sur la dépense subventionnable par l'État ({euros(base)} HT : "
               + ", ".join(f"« {x} »" for x in sorted(lignes, key=[d.libelle for d in plan.depenses].index))
               + f") font {euros(s)}, soit {pourcentage(part)} ; plafond : {pourcentage(plafond, 0)} ; "
               f"comptées : {', '.join(comptees)}")
    if hors:
        constat += " ; hors de cette dépense (autres lignes) : " + ", ".join(f"« {x} »" for x in hors)
    if any(m != plan.montant(nom) for nom, m in parts.items() if m > 0):
        constat += (" ; une aide qui finance aussi d'autres lignes est comptée au prorata de sa base HT qui recoupe "
                    "cette dépense (hypothèse de l'outil : le plan ne dit pas comment le financeur ventile son aide)")
        a_verifier = True
    conseil = ""
    if not ok:
        # La plus grosse part comptée ; une aide comptée au prorata doit baisser de l'excès divisé par ce prorata.
        gros = max((nom for nom, m in parts.items() if m > 0), key=lambda nom: parts[nom])
        baisse = round(exces * plan.montant(gros) / parts[gros], 2)
        conseil = f"réduisez « {gros} » de {euros(baisse)}"
        if baisse != exces:
            conseil += f" (au prorata, sa part sur cette dépense baisse de {euros(exces)})"
        conseil += " ; l'autofinancement augmente d'autant"
    return Verdict("plafond_aides_decret_2018", intitule, ok, constat, conseil, source, a_verifier=a_verifier,
                   chiffres={"aides_publiques": s, "depense_subventionnable": base, "part": part, "plafond": plafond,
                             "ecart": exces, "aides": parts}, article="décret 2018-514, art. 10")


def _detr(plan: PlanDeFinancement) -> Verdict:
    intitule = "Taux de la DETR (20 % à 80 % du HT)"
    tmin = float(plan.parametres["financement.detr_taux_min"])
    tmax = float(plan.parametres["financement.detr_taux_max"])
    source, a_verifier = _citation(plan, "financement.detr_taux_max")
    detr = [f for f in plan.financeurs if f.nature == "detr"]
    if not detr:
        return Verdict("detr_taux", intitule, True, "le plan ne comporte pas de DETR", "", source, applicable=False)
    constats, conseils, ok, chiffres = [], [], True, {}
    for f in detr:
        base, m = plan.base(f.nom), plan.montant(f.nom)
        t = m / base if base else 0.0
        chiffres[f.nom] = t
        constats.append(f"« {f.nom} » : {euros(m)} sur une base HT de {euros(base)}, soit {pourcentage(t)}")
        if m > tmax * base + _CENTIME:
            ok = False
            conseils.append(f"ramenez « {f.nom} » à {euros(tmax * base)} au plus "
                            f"(réduction de {euros(m - tmax * base)})")
        elif m < tmin * base - _CENTIME:
            ok = False
            conseils.append(f"portez « {f.nom} » à {euros(tmin * base)} au moins "
                            f"(hausse de {euros(tmin * base - m)}) ou vérifiez le taux du département")
    return Verdict("detr_taux", intitule, ok, " ; ".join(constats), " ; ".join(conseils), source,
                   a_verifier=a_verifier, chiffres=chiffres, article="R2334-27")


def _assiette(plan: PlanDeFinancement) -> Verdict:
    intitule = "Aucune aide au-delà de sa base éligible"
    if not plan.financeurs:
        return Verdict("assiette", intitule, True, "le plan n'a pas encore de financeur", "", _SOURCE_ASSIETTE,
                       applicable=False)
    depassements, conseils = [], []
    for f in plan.financeurs:
        base, m = plan.base(f.nom), plan.montant(f.nom)
        if m > base + _CENTIME:
            depassements.append(f"« {f.nom} » apporte {euros(m)} pour une base éligible de {euros(base)}")
            conseils.append(f"réduisez « {f.nom} » de {euros(m - base)}")
    if depassements:
        return Verdict("assiette", intitule, False, " ; ".join(depassements),
                       " ; ".join(conseils) + " ou élargissez ses lignes éligibles", _SOURCE_ASSIETTE)
    return Verdict("assiette", intitule, True, "chaque aide reste dans sa base éligible", "", _SOURCE_ASSIETTE)


def _plancher(plan: PlanDeFinancement) -> Verdict:
    intitule = "Plancher d'intervention des financeurs"
    avec = [f for f in plan.financeurs if f.plancher is not None]
    if not avec:
        return Verdict("plancher", intitule, True, "aucun financeur n'a de plancher", "", _SOURCE_PLANCHER,
                       applicable=False)
    sous, conseils = [], []
    for f in avec:
        m = plan.montant(f.nom)
        if m < float(f.plancher or 0) - _CENTIME:
            sous.append(f"l'aide de « {f.nom} » ({euros(m)}) est sous son plancher ({euros(f.plancher or 0)})")
            conseils.append(f"« {f.nom} » n'interviendra pas : élargissez sa base ou retirez-le du plan")
    if sous:
        return Verdict("plancher", intitule, False, " ; ".join(sous), " ; ".join(conseils), _SOURCE_PLANCHER)
    return Verdict("plancher", intitule, True, "chaque aide atteint son plancher", "", _SOURCE_PLANCHER)


def _equilibre(plan: PlanDeFinancement) -> Verdict:
    intitule = "Recettes égales aux dépenses"
    recettes, depenses = plan.total_recettes, plan.cout_ht
    ok = abs(recettes - depenses) <= _CENTIME
    constat = (f"recettes {euros(recettes)} = dépenses {euros(depenses)} HT ; l'autofinancement "
               f"({euros(plan.autofinancement)}) est le solde")
    if plan.emprunt:
        constat += f", dont {euros(plan.emprunt)} empruntés"
    return Verdict("equilibre", intitule, ok, constat, "" if ok else "rééquilibrez le plan", _SOURCE_EQUILIBRE,
                   a_verifier=True, chiffres={"recettes": recettes, "depenses": depenses})


def verifier_plan(plan: PlanDeFinancement) -> Verdicts:
    """Toutes les règles sur un plan, à la date du plan (voir la liste en tête du module).

    >>> from mba_territoires.financement import exemple_ecole
    >>> [v.statut for v in verifier_plan(exemple_ecole())][:3]
    ['respectée', 'respectée', 'respectée']
    """
    return Verdicts([
        _participation_minimale(plan),
        _plafond_dotations_etat(plan),
        _plafond_aides_decret_2018(plan),
        _detr(plan),
        _assiette(plan),
        _plancher(plan),
        _equilibre(plan),
    ], titre="Règles de cofinancement")
