"""Vérifications du carnet 08 — Risques et évaluation.

L'exemple du carnet (la cour oasis de Fontenay-l'Exemple) est le même pour tous ; les exercices portent
sur des variantes tirées de l'identifiant de l'apprenant : un risque noté à nouveau, une nouvelle mesure
de température, un coût d'entretien et une durée d'analyse, une année de valeur carbone, le β du projet.
Variante du livre : « Offres au-dessus de l'estimation… » noté 4 × 4 ; 43 °C le 15/09/2027 ; entretien
3 100 € par an sur 25 ans ; valeur carbone de 2037 ; β = 1,5. Chaque vérification calcule l'attendu avec
le paquet et reconnaît les erreurs typiques, sans jamais écrire la bonne réponse.

>>> livre = BANQUE.variante(None)
>>> BANQUE["van-beta"].verifier(round(BANQUE.attendu("van-beta", livre)), donnees=livre).statut
'juste'
"""

from __future__ import annotations

from typing import Any

from ..mecanisme import Retour, comparer_choix, comparer_montant, faux
from ..progression import Banque
from ..variantes import Tirage

BANQUE = Banque("08-risques-et-evaluation", "Risques et évaluation")

CAS = "cour-oasis"
STATUTS = ["cible atteinte", "dans la trajectoire", "en retard"]
#: Les risques qu'une variante peut noter à nouveau (pas le premier du registre : la question n'aurait pas de sens).
RISQUES_RENOTES = ["Offres au-dessus de l'estimation ou consultation infructueuse",
                   "Sols pollués découverts au décroûtage", "Entretien non assuré faute de moyens",
                   "Arbres qui ne reprennent pas la première année",
                   "Opposition de parents à une cour « qui salit »"]
DATES_MESURE = ["2027-09-15", "2028-01-15", "2028-03-15"]
ANNEES_CARBONE = [a for a in range(2031, 2050) if a != 2040]


@BANQUE.donnees
def _donnees(t: Tirage) -> dict[str, Any]:
    """Les chiffres des exercices. Ordre des tirages figé (le changer changerait toutes les variantes)."""
    return {
        "risque": t.choix(RISQUES_RENOTES, livre=RISQUES_RENOTES[0]),
        "probabilite": t.entier(2, 5, livre=4),
        "impact": t.entier(2, 5, livre=4),
        "date_mesure": t.choix(DATES_MESURE, livre="2027-09-15"),
        "temperature": t.entier(76, 94, livre=86) / 2,  # de 38 à 47 °C, par demi-degré
        "entretien": t.montant(1_000, 4_000, arrondi=100, livre=3_100),
        "duree": t.entier(15, 40, livre=25),
        "annee_carbone": t.choix(ANNEES_CARBONE, livre=2037),
        "beta": t.entier(5, 20, livre=15) / 10,  # de 0,5 à 2,0
    }


def _est_nombre(reponse: Any) -> bool:
    return isinstance(reponse, (int, float)) and not isinstance(reponse, bool)


# --------------------------------------------------------------------------- 1. un risque noté à nouveau

def _plus_critiques(d: Any) -> list[str]:
    from ...risques import RegistreRisques

    t = RegistreRisques.depuis_cas(CAS).noter(d.risque, d.probabilite, d.impact).tableau()
    return list(t[t["criticité"] == t["criticité"].max()]["risque"])


@BANQUE.exercice("risque-prioritaire", "Le risque le plus critique après une nouvelle note",
                 enonce="Le comité technique note à nouveau « {risque} » : probabilité {probabilite:nombre}, impact "
                 "{impact:nombre}. Quel est alors le risque le plus critique du registre ? Recopiez son intitulé.",
                 regle="la criticité = probabilité × impact ; le plus critique a le plus grand produit",
                 attendu=lambda d: _plus_critiques(d)[0])
def _risque_prioritaire(reponse: Any, d: Any) -> Retour:
    from ...risques import RegistreRisques

    registre = RegistreRisques.depuis_cas(CAS)
    attendus = _plus_critiques(d)
    intitules = [r.intitule for r in registre.risques]
    retour = comparer_choix(reponse, attendus, intitules,
                            conseil="notez le risque avec registre.noter(…), puis lisez la première ligne du tableau.")
    if retour.statut == "faux" and isinstance(reponse, str) and reponse.strip() in intitules:
        premier = registre.tableau().iloc[0]["risque"]
        if reponse.strip() == premier and premier not in attendus:
            return faux("c'est le risque le plus critique avant la nouvelle note.",
                        "appliquez d'abord la nouvelle note, puis triez à nouveau.", attendu=attendus[0])
        r = registre.noter(d.risque, d.probabilite, d.impact).risque(reponse.strip())
        impact_max = max(x.impact for x in registre.noter(d.risque, d.probabilite, d.impact).risques)
        if r.impact == impact_max:
            return faux(f"« {r.intitule} » a l'impact le plus fort, mais pas la criticité la plus forte.",
                        "la criticité est le produit de la probabilité et de l'impact.", attendu=attendus[0])
    return retour


# --------------------------------------------------------------------------- 2. une nouvelle mesure

def _statut(d: Any) -> str:
    from ...evaluation import SuiviIndicateur, suivre

    suivi = next(s for s in SuiviIndicateur.depuis_cas(CAS) if s.indicateur.nom.startswith("Température"))
    return suivre(suivi.indicateur, {d.date_mesure: d.temperature}).derniere()["statut"]


@BANQUE.exercice("statut-mesure", "Le statut d'une nouvelle mesure de température",
                 enonce="Le {date_mesure} (AAAA-MM-JJ), la température de surface maximale de la cour est de "
                 "{temperature:nombre} °C. Quel est le statut de cette mesure : \"cible atteinte\", "
                 "\"dans la trajectoire\" ou \"en retard\" ?",
                 regle="comparez la mesure à la trajectoire à la même date ; ici la cible est une baisse",
                 attendu=_statut)
def _statut_mesure(reponse: Any, d: Any) -> Retour:
    attendu = _statut(d)
    retour = comparer_choix(reponse, attendu, STATUTS,
                            conseil="suivez l'indicateur avec mt.suivre(indicateur, {date: valeur}) et lisez la "
                            "colonne « statut » ; une température doit baisser.")
    if retour.statut == "faux" and attendu == "en retard" and comparer_choix(reponse, "dans la trajectoire",
                                                                             STATUTS).statut == "juste":
        return faux("la mesure est au-dessus de la trajectoire : pour une baisse, c'est un retard.",
                    "comparez la valeur mesurée à la valeur attendue à cette date.", attendu=attendu)
    return retour


# --------------------------------------------------------------------------- 3. la VAN avec d'autres hypothèses

def _van_entretien(d: Any) -> float:
    from ...evaluation import BilanSocioEconomique

    return BilanSocioEconomique.depuis_cas(CAS, d.duree, couts_annuels=d.entretien).van()


@BANQUE.exercice("van-entretien", "La VAN avec un autre coût d'entretien et une autre durée", unite="euros",
                 enonce="Et si l'entretien coûtait {entretien:euros} par an, et que l'on analysait le projet sur "
                 "{duree:ans} ? Quelle serait la VAN, en euros ?",
                 regle="changez les deux hypothèses du bilan (durée et coûts annuels), puis calculez la VAN",
                 attendu=_van_entretien)
def _van_entretien_verif(reponse: Any, d: Any) -> Retour:
    from ...evaluation import BilanSocioEconomique

    attendu = _van_entretien(d)
    if _est_nombre(reponse) and abs(reponse - attendu) > 1:
        seul_cout = BilanSocioEconomique.depuis_cas(CAS, couts_annuels=d.entretien).van()
        seule_duree = BilanSocioEconomique.depuis_cas(CAS, d.duree).van()
        if abs(reponse - seul_cout) < 1:
            return faux("vous avez gardé la durée du cas (30 ans).", "passez aussi duree_ans=… au bilan.",
                        attendu=attendu)
        if abs(reponse - seule_duree) < 1:
            return faux("vous avez gardé le coût d'entretien du cas.", "passez aussi couts_annuels=… au bilan.",
                        attendu=attendu)
        sans_carbone = BilanSocioEconomique.depuis_cas(CAS, d.duree, couts_annuels=d.entretien).van_sans_carbone()
        if abs(reponse - sans_carbone) < 1:
            return faux("vous avez oublié la valeur du CO2 évité.", "gardez les tonnes évitées dans le bilan.",
                        attendu=attendu)
    return comparer_montant(reponse, attendu, tolerance=1)


# --------------------------------------------------------------------------- 4. la valeur carbone en euros 2026

def _valeur(d: Any) -> float:
    from ...evaluation import valeur_carbone

    return valeur_carbone(d.annee_carbone, 2026, euros_de=2026)


@BANQUE.exercice("valeur-carbone", "La valeur carbone d'une année, en euros 2026", unite="euros",
                 enonce="Quelle valeur de l'action pour le climat, en euros 2026 par tonne de CO2e, le cahier "
                 "retient-il pour {annee_carbone} ? (trajectoire en vigueur en 2026, à 0,50 € près)",
                 regle="interpolez entre les points de la trajectoire, puis convertissez de sa base de prix en "
                 "euros 2026",
                 attendu=_valeur)
def _valeur_carbone(reponse: Any, d: Any) -> Retour:
    from ...evaluation import trajectoire_carbone, valeur_carbone

    attendu = _valeur(d)
    if _est_nombre(reponse) and abs(reponse - attendu) > 0.5:
        t = trajectoire_carbone(2026)
        if abs(reponse - valeur_carbone(d.annee_carbone, 2026)) <= 0.5:
            return faux(f"c'est la valeur en euros {t.annee_base}, la base de prix de la trajectoire.",
                        "convertissez-la en euros 2026 (euros_de=2026).", attendu=attendu)
        if abs(reponse - valeur_carbone(d.annee_carbone, "2025-03-19")) <= 0.5:
            return faux("c'est l'ancienne trajectoire (2019, en euros 2018).",
                        "prenez la trajectoire en vigueur en 2026 : mt.parametres(2026).", attendu=attendu)
        if any(abs(reponse - v * t.facteur_prix(2026)) <= 0.5 for a, v in t.points):
            return faux("c'est la valeur d'une année de référence de la trajectoire.",
                        f"{d.annee_carbone} est entre deux points : interpolez.", attendu=attendu)
    return comparer_montant(reponse, attendu, tolerance=0.5, unite="euros")


# --------------------------------------------------------------------------- 5. le taux d'actualisation et son β

def _taux(d: Any) -> float:
    from ...parametres import parametres

    p = parametres(2026)
    return float(p["evaluation.taux_sans_risque"]) + d.beta * float(p["evaluation.prime_risque"])


def _van_beta(d: Any) -> float:
    from ...evaluation import BilanSocioEconomique

    return BilanSocioEconomique.depuis_cas(CAS, taux=_taux(d)).van()


@BANQUE.exercice("van-beta", "La VAN d'un projet plus ou moins exposé au risque", unite="euros",
                 enonce="Le taux d'actualisation vaut 1,2 % + β × 2 % (France Stratégie, 2021). Pour votre projet, "
                 "β = {beta:nombre}. Quel est le taux, puis la VAN du bilan de la cour à ce taux, en euros ?",
                 regle="taux = evaluation.taux_sans_risque + β × evaluation.prime_risque, puis la VAN à ce taux",
                 attendu=_van_beta)
def _van_beta_verif(reponse: Any, d: Any) -> Retour:
    from ...evaluation import BilanSocioEconomique

    attendu = _van_beta(d)
    if _est_nombre(reponse) and abs(reponse - attendu) > 1:
        if abs(reponse - BilanSocioEconomique.depuis_cas(CAS).van()) < 1:
            return faux("c'est la VAN au taux de β = 1.", "calculez d'abord le taux avec votre β.", attendu=attendu)
        if abs(reponse - _taux(d)) < 0.01:
            return faux("c'est le taux : il reste à calculer la VAN à ce taux.", "passez taux=… au bilan.",
                        attendu=attendu)
    return comparer_montant(reponse, attendu, tolerance=1)
