"""Banques d'exercices des carnets 02 (cadre logique et planning) et 08 (risques et évaluation) :
attendus épinglés à la main pour la variante du livre et pour une autre variante (bruno.durand@…),
chaque indice ciblé déclenché au moins une fois. Les calculs sont faits ici, sans passer par la
vérification (commentaires : le calcul)."""

from __future__ import annotations

import datetime as dt

import pytest

from mba_territoires.exercices import banque

C02 = banque("02-cadre-logique-et-planning")
C08 = banque("08-risques-et-evaluation")
AUTRE = "bruno.durand@exemple.fr"


def _message(b, ident: str, reponse: object, apprenant: str | None = None) -> str:  # type: ignore[no-untyped-def]
    r = b[ident].juger(reponse, donnees=b.variante(apprenant))
    return f"{r.statut} | {r.message} | {r.conseil}"


# --------------------------------------------------------------------------- carnet 02

def test_c02_donnees_epinglees() -> None:
    livre, autre = C02.variante(None), C02.variante(AUTRE)
    assert (livre.ateliers, livre.conception, livre.consultation) == (28, 75, 66)
    assert (livre.entretien_annuel, livre.duree_ferme, livre.reconductions, livre.lancement) == (18_500, 1, 3,
                                                                                                  "2026-09-14")
    assert (autre.ateliers, autre.conception, autre.consultation) == (30, 72, 63)
    assert (autre.entretien_annuel, autre.duree_ferme, autre.reconductions, autre.lancement) == (18_500, 2, 1,
                                                                                                  "2026-05-11")


@pytest.mark.parametrize(("apprenant", "marge", "retard", "valeur", "procedure", "limite", "signataire"), [
    # Livre. Marge : la conception (75 j) dépasse les 60 j que la chaîne peut absorber avant la fenêtre des
    # travaux : elle devient critique, et la marge des ateliers vaut 75 − 28 = 47 jours.
    # Retard : consultation de 66 j au lieu de 35 (31 j de plus, dont 5 absorbés par la marge et 11 par
    # l'avance sur la date limite de la réception) → 31 − 5 − 11 = 15 jours.
    # Valeur : 18 500 × (1 + 3) = 74 000 € HT ; lancée le 14/09/2026, seuil de 60 000 € → adaptée.
    # Caducité : 9/06/2026 + 2 ans = 9/06/2028. Signature : 450 000 ≥ 250 000 délégués → conseil municipal.
    (None, 47, 15, 74_000, "adaptee", dt.date(2028, 6, 9), "conseil municipal"),
    # Autre : 72 − 30 = 42 ; 63 − 35 − 5 − 11 = 12 ; 18 500 × (2 + 1) = 55 500 € lancé le 11/05/2026
    # (seuil 60 000 €) → dispense ; 26/07/2026 + 2 ans ; 270 000 < 500 000 délégués → maire.
    (AUTRE, 42, 12, 55_500, "dispense", dt.date(2028, 7, 26), "maire"),
])
def test_c02_attendus_a_la_main(apprenant: str | None, marge: int, retard: int, valeur: float, procedure: str,
                               limite: dt.date, signataire: str) -> None:
    d = C02.variante(apprenant)
    assert C02.attendu("marge-ateliers", d) == marge
    assert C02.attendu("retard-reception", d) == retard
    assert C02.attendu("valeur-besoin", d) == valeur
    assert C02.attendu("procedure-besoin", d) == procedure
    assert C02.attendu("caducite-detr", d) == limite
    assert C02.attendu("qui-autorise", d) == signataire
    assert C02["marge-ateliers"].juger(marge, donnees=d).statut == "juste"
    assert C02["caducite-detr"].juger(limite.isoformat(), donnees=d).statut == "juste"


def test_c02_indices_cibles() -> None:
    # Marge : une seule durée changée (conception 75 seule : 75 − 30 = 45 ; ateliers 28 seuls : 60 − 28 = 32),
    # celle du cas (30), zéro.
    assert "une des deux durées" in _message(C02, "marge-ateliers", 45)
    assert "une des deux durées" in _message(C02, "marge-ateliers", 32)
    assert "planning du cas" in _message(C02, "marge-ateliers", 30)
    assert "chemin critique" in _message(C02, "marge-ateliers", 0)
    # Retard : celui des travaux (ils finissent la veille de la réception, le 14/09, limite du 28/08 : 17 jours),
    # tout l'allongement (31).
    assert "retard des travaux" in _message(C02, "retard-reception", 17)
    assert "absorbée par la marge" in _message(C02, "retard-reception", 31)
    # Valeur : une année (18 500), sans les reconductions (18 500 × 1), sans la période ferme (18 500 × 3).
    assert "une seule année" in _message(C02, "valeur-besoin", 18_500)
    assert "période ferme" in _message(C02, "valeur-besoin", 55_500)
    assert "juste" in _message(C02, "valeur-besoin", 74_000)
    # Autre variante : ferme 2 ans, 1 reconduction : 18 500 × 2 = 37 000 oublie les reconductions.
    assert "reconductions" in _message(C02, "valeur-besoin", 37_000, AUTRE)


def test_c02_procedure_choix_et_indices() -> None:
    for forme in ("adaptee", "MAPA", "procédure adaptée", "Procédure Adaptée"):
        assert _message(C02, "procedure-besoin", forme).startswith("juste")
    # Une seule année (18 500 €) serait dispensée : l'indice le dit.
    assert "une seule année" in _message(C02, "procedure-besoin", "dispense")
    # Autre variante : 55 500 € lancé le 11/05/2026 est dispensé ; avec le seuil d'avant avril (40 000 €), il
    # serait adapté : l'indice renvoie à la date de lancement.
    assert "1er avril 2026" in _message(C02, "procedure-besoin", "adaptee", AUTRE)
    assert "ne fait pas partie" in _message(C02, "procedure-besoin", "négociée")


def test_c02_caducite_et_signature() -> None:
    assert "prorogation" in _message(C02, "caducite-detr", "2029-06-09")
    assert "achèvement" in _message(C02, "caducite-detr", "2030-06-09")
    assert "n'est pas une date" in _message(C02, "caducite-detr", "juin 2028")
    assert _message(C02, "caducite-detr", "09/06/2028").startswith("juste")  # format français accepté
    assert "ne décide pas" in _message(C02, "qui-autorise", "COPIL")
    assert "procédure formalisée" in _message(C02, "qui-autorise", "CAO")
    assert "dépasse ce que le conseil a délégué" in _message(C02, "qui-autorise", "le maire")
    assert _message(C02, "qui-autorise", "Conseil Municipal").startswith("juste")
    assert "reste dans la délégation" in _message(C02, "qui-autorise", "conseil municipal", AUTRE)


# --------------------------------------------------------------------------- carnet 08

def _actualise(flux_par_rang: dict[int, float], taux: float) -> float:
    return sum(f / (1 + taux) ** r for r, f in flux_par_rang.items())


def _vac_2025(annee: int) -> float:
    """Trajectoire Quinet 2025 (euros 2023) écrite ici : 256 € (2023), 300 € (2030), 563 € (2050)."""
    if annee >= 2050:
        return 563.0
    if annee >= 2030:
        return 300 + (563 - 300) * (annee - 2030) / 20
    return 256 + (300 - 256) * (annee - 2023) / 7


def _van_cour(duree: int, couts: float, taux: float) -> float:
    # Cour oasis : 118 000 € en 2026 ; avantages 1 800 + 1 500 = 3 300 €/an ; 0,9 t de CO2e évitée par an,
    # valorisée en euros 2026 (× 1,020 : inflation 2024).
    flux = {r: 3_300 - couts + 0.9 * _vac_2025(2026 + r) * 1.02 for r in range(1, duree + 1)}
    return -118_000 + _actualise(flux, taux)


@pytest.mark.parametrize(("apprenant", "risque", "statut", "duree", "couts", "annee", "beta"), [
    # Livre : « Offres… » noté 4 × 4 = 16 > 12 ; 43 °C le 15/09/2027 sous la trajectoire
    # 52 − 12 × 792 / 1 096 = 43,33 °C → dans la trajectoire ; entretien 3 100 € sur 25 ans ; 2037 ; β = 1,5.
    (None, "Offres au-dessus de l'estimation ou consultation infructueuse", "dans la trajectoire", 25, 3_100,
     2037, 1.5),
    # Autre : « Sols pollués… » noté 5 × 4 = 20 ; 40,5 °C le 15/01/2028, trajectoire 52 − 12 × 914 / 1 096
    # = 41,99 °C → dans la trajectoire ; 1 000 € sur 36 ans ; 2034 ; β = 2.
    (AUTRE, "Sols pollués découverts au décroûtage", "dans la trajectoire", 36, 1_000, 2034, 2.0),
])
def test_c08_attendus_a_la_main(apprenant: str | None, risque: str, statut: str, duree: int, couts: float,
                               annee: int, beta: float) -> None:
    d = C08.variante(apprenant)
    assert (d.duree, d.entretien, d.annee_carbone, d.beta) == (duree, couts, annee, beta)
    assert C08.attendu("risque-prioritaire", d) == risque
    assert C08.attendu("statut-mesure", d) == statut
    assert C08.attendu("van-entretien", d) == pytest.approx(_van_cour(duree, couts, 0.032), abs=0.01)
    # 2037 : 300 + 263 × 7/20 = 392,05 × 1,02 = 399,89 ; 2034 : 300 + 263 × 4/20 = 352,6 × 1,02 = 359,65.
    assert C08.attendu("valeur-carbone", d) == pytest.approx(_vac_2025(annee) * 1.02, abs=0.001)
    # Taux = 1,2 % + β × 2 % : 4,2 % (β = 1,5) ; 5,2 % (β = 2) ; sur les 30 ans du cas, entretien 2 200 €.
    assert C08.attendu("van-beta", d) == pytest.approx(_van_cour(30, 2_200, 0.012 + beta * 0.02), abs=0.01)


def test_c08_valeurs_du_livre_en_clair() -> None:
    livre = C08.variante(None)
    assert C08.attendu("valeur-carbone", livre) == pytest.approx(399.891)
    assert C08["valeur-carbone"].juger(399.89, donnees=livre).statut == "juste"


def test_c08_indices_cibles() -> None:
    livre = C08.variante(None)
    # Le premier du registre avant la nouvelle note.
    assert "avant la nouvelle note" in _message(C08, "risque-prioritaire", "Travaux non terminés à la rentrée")
    # Impact le plus fort (5) sans la plus forte criticité.
    assert "impact le plus fort" in _message(C08, "risque-prioritaire", "Aide de l'agence de l'eau refusée ou réduite")
    # Valeur carbone : en euros 2023 (392,05), ancienne trajectoire (2037 : 250 + 250 × 7/10 = 425), point de
    # référence (2030 : 300 × 1,02 = 306).
    assert "euros 2023" in _message(C08, "valeur-carbone", 392.05)
    assert "ancienne trajectoire" in _message(C08, "valeur-carbone", 425)
    assert "interpolez" in _message(C08, "valeur-carbone", 306)
    # VAN : durée du cas gardée, coût du cas gardé, sans carbone.
    garde_duree = _van_cour(30, livre.entretien, 0.032)
    garde_cout = _van_cour(livre.duree, 2_200, 0.032)
    assert "durée du cas" in _message(C08, "van-entretien", round(garde_duree, 2))
    assert "coût d'entretien du cas" in _message(C08, "van-entretien", round(garde_cout, 2))
    sans_carbone = -118_000 + _actualise({r: 3_300 - livre.entretien for r in range(1, 26)}, 0.032)
    assert "CO2 évité" in _message(C08, "van-entretien", round(sans_carbone, 2))
    # VAN-β : la VAN à 3,2 % (β = 1), ou le taux lui-même.
    assert "β = 1" in _message(C08, "van-beta", round(_van_cour(30, 2_200, 0.032), 2))
    assert "c'est le taux" in _message(C08, "van-beta", 0.042)


def test_c08_statut_en_retard_au_dessus_de_la_trajectoire() -> None:
    # Une variante où la mesure est au-dessus de la trajectoire : « dans la trajectoire » est corrigé.
    for i in range(40):
        d = C08.variante(f"essai{i}@exemple.fr")
        if C08.attendu("statut-mesure", d) == "en retard":
            r = C08["statut-mesure"].juger("dans la trajectoire", donnees=d)
            assert r.statut == "faux" and "retard" in r.message
            return
    pytest.fail("aucune variante « en retard » parmi 40 identifiants")
