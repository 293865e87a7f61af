"""Évaluation : critères SMART, suivi des indicateurs, valeur carbone interpolée, VAN calculée à la main
au taux officiel et recoupée avec numpy-financial, sensibilité, messages français."""

from __future__ import annotations

import datetime as dt

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mba_territoires.cas import charger
from mba_territoires.erreurs import ErreurCas, ErreurDonnees, ErreurMontant, ErreurSaisie, ErreurTaux
from mba_territoires.evaluation import (
    BilanSocioEconomique,
    Indicateur,
    bilan_du_cas,
    indicateurs_du_cas,
    suivre,
    trajectoire_carbone,
    valeur_carbone,
    verifier_smart,
)
from mba_territoires.parametres import parametres

P = parametres(2026)
TAUX = P["evaluation.taux_actualisation"]  # 3,2 % = 1,2 % + 1 × 2 % (France Stratégie, 21/10/2021)


# ---------------------------------------------------------------------------
# VAN
# ---------------------------------------------------------------------------

def test_van_a_la_main_au_taux_officiel() -> None:
    # Investissement 100 000 € en 2026, 10 000 € d'avantages par an en 2027 et 2028, taux 3,2 % :
    # VAN = -100 000 + 10 000 / 1,032 + 10 000 / 1,032² = -100 000 + 9 689,92 + 9 389,46 = -80 920,62 €.
    b = BilanSocioEconomique(100_000, 2026, duree_ans=2, avantages_annuels=10_000)
    assert TAUX == 0.032
    assert b.van() == pytest.approx(-80_920.62, abs=0.01)


def test_van_avec_carbone_a_la_main() -> None:
    # 1 t de CO2e évitée en 2027 et 2028. Trajectoire du rapport Quinet (20/03/2025), en euros 2023,
    # interpolée entre 256 € (2023) et 300 € (2030) : 2027 : 256 + 44 × 4/7 = 281,14 € ; 2028 : 256 + 44 × 5/7
    # = 287,43 €. En euros 2026 (année du bilan) : × 1,020 (inflation 2024 ; 2025 et 2026 non renseignées,
    # comptées 0) → 286,77 € et 293,18 €. Actualisé : 286,77 / 1,032 + 293,18 / 1,032² = 277,87 + 275,28 = 553,15 €.
    b = BilanSocioEconomique(0, 2026, duree_ans=2, co2_evite_tonnes_par_an=1)
    assert b.van() == pytest.approx(553.15, abs=0.01)
    assert b.valeur_actualisee_carbone() == pytest.approx(553.15, abs=0.01)
    assert b.van_sans_carbone() == 0
    reserve = next(a for a in b.avertissements() if "valeur de l'action pour le climat" in a)
    assert "euros 2023" in reserve and "euros 2026" in reserve and "2025, 2026" in reserve


def test_van_recoupee_avec_numpy_financial() -> None:
    b = BilanSocioEconomique(118_000, 2026, 30, {"eau": 1_800, "salle": 1_500}, 2_200, 0.9)
    flux = b.flux()["flux net"].tolist()
    assert b.van() == pytest.approx(npf.npv(TAUX, flux), rel=1e-12)


def test_van_a_taux_donne() -> None:
    # -1 000 + 600 / 1,05 + 600 / 1,05² = -1 000 + 571,43 + 544,22 = 115,65.
    assert BilanSocioEconomique(1000, 2026, 2, 600, taux=0.05).van() == pytest.approx(115.65, abs=0.01)


def test_sensibilite() -> None:
    b = BilanSocioEconomique(100_000, 2026, duree_ans=2, avantages_annuels=10_000)
    s = b.sensibilite(0.2).set_index("hypothèse")
    # Investissement -20 % : la VAN gagne 20 000 € exactement (investissement à l'année 0, non actualisé).
    assert s.loc["investissement", "VAN à -20%"] == pytest.approx(b.van() + 20_000)
    assert s.loc["avantages annuels", "VAN à +20%"] > b.van()
    assert s.loc["CO2 évité", "écart maximal"] == 0
    with pytest.raises(ErreurTaux, match="variation"):
        b.sensibilite(20)


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 1e6), st.floats(0, 1e5), st.integers(1, 40))
def test_van_decroit_avec_l_investissement(investissement: float, avantages: float, duree: int) -> None:
    b = BilanSocioEconomique(investissement, 2026, duree, avantages)
    plus = BilanSocioEconomique(investissement + 1000, 2026, duree, avantages)
    assert plus.van() == pytest.approx(b.van() - 1000)
    assert BilanSocioEconomique(investissement, 2026, duree, avantages + 100).van() > b.van()


def test_saisies_invalides() -> None:
    with pytest.raises(ErreurMontant, match="investissement"):
        BilanSocioEconomique(-1, 2026, 10)
    with pytest.raises(ErreurTaux, match="0.032"):
        BilanSocioEconomique(1, 2026, 10, taux=3.2)
    with pytest.raises(ErreurSaisie, match="durée"):
        BilanSocioEconomique(1, 2026, 0)
    with pytest.raises(ErreurMontant, match="« entretien »"):
        BilanSocioEconomique(1, 2026, 5, couts_annuels={"entretien": -100})


def test_bilan_du_cas_et_reserves() -> None:
    b = bilan_du_cas(charger("cour-oasis"))
    assert (b.investissement, b.duree_ans, b.avantages, b.couts) == (118_000, 30, 3_300, 2_200)
    assert b.van() < 0
    assert any("à vérifier" in a for a in b.avertissements())
    # 30 ans après 2026 = 2056, au-delà de l'horizon 2050 du rapport : la réserve le dit.
    assert any("après 2050, la valeur de 2050 est gardée" in a for a in b.avertissements())
    assert any("confort thermique" in a for a in b.avertissements())
    assert BilanSocioEconomique.depuis_cas("cour-oasis").van() == b.van()  # un slug suffit
    sans_bilan = charger("ecole-jules-ferry")
    sans_bilan.projet.bilan_socio_economique = None  # un cas sans la section : message français
    with pytest.raises(ErreurCas, match="projet.bilan_socio_economique") as exc:
        bilan_du_cas(sans_bilan)
    assert "casestudies/ecole-jules-ferry/cas.yaml" in str(exc.value)


# ---------------------------------------------------------------------------
# Valeur carbone
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("annee", "attendu"), [
    # Rapport Quinet du 20/03/2025 : 300 € en 2030, 563 € en 2050 (euros 2023) ; interpolation linéaire :
    # 2040 : 300 + 263 × 10/20 = 431,5 ; 2035 : 300 + 263 × 5/20 = 365,75 ; 2049 : 300 + 263 × 19/20 = 549,85.
    (2030, 300), (2035, 365.75), (2040, 431.5), (2049, 549.85), (2050, 563),
    # Après 2050 (au-delà de l'horizon du rapport) : valeur de 2050 gardée. Avant 2030 : de 256 € (2023).
    (2051, 563), (2060, 563), (2023, 256), (2029, 256 + 44 * 6 / 7), (2026, 256 + 44 * 3 / 7),
])
def test_valeur_carbone(annee: int, attendu: float) -> None:
    assert valeur_carbone(annee) == pytest.approx(attendu)


def test_trajectoire_2019_avant_le_rapport_de_2025() -> None:
    # Le 19/03/2025, la trajectoire 2019 (euros 2018) est encore en vigueur ; le 20/03/2025, celle de 2025.
    assert valeur_carbone(2030, "2025-03-19") == 250 and valeur_carbone(2040, "2025-03-19") == 500
    assert valeur_carbone(2030, "2025-03-20") == 300
    assert trajectoire_carbone("2025-03-19").annee_base == 2018


def test_conversion_en_euros_courants() -> None:
    # Euros 2023 → euros 2024 : × (1 + 2,0 %) (Insee, moyenne annuelle 2024) ; 300 × 1,02 = 306.
    assert valeur_carbone(2030, euros_de=2024) == pytest.approx(306)
    assert valeur_carbone(2030, euros_de=2023) == 300
    # Vers une année antérieure à la base : on divise. 2022 : aucune inflation renseignée → facteur 1.
    assert valeur_carbone(2030, euros_de=2022) == 300
    t = trajectoire_carbone(2026)
    assert t.annees_sans_inflation(2026) == [2025, 2026]


def test_valeur_carbone_hors_trajectoire() -> None:
    with pytest.raises(ErreurSaisie, match="avant 2023"):
        valeur_carbone(2022)
    with pytest.raises(ErreurSaisie):
        valeur_carbone(2030.5)  # type: ignore[arg-type]


def test_valeurs_carbone_restent_a_verifier() -> None:
    # Chiffres de sources secondaires (citepa, veltys, linsea) : le rapport n'a pas été relu.
    for cle in ("vac_annee_base", "vac_2023", "vac_2030", "vac_2050", "inflation_annuelle"):
        assert "à vérifier" in P.parametre(f"evaluation.{cle}").citation()
    assert trajectoire_carbone(2026).a_verifier


# ---------------------------------------------------------------------------
# SMART
# ---------------------------------------------------------------------------

def _bon() -> Indicateur:
    return Indicateur("Température de surface maximale", "°C", 52, 40, dt.date(2028, 7, 15),
                      source="caméra thermique", responsable="services techniques",
                      date_reference=dt.date(2025, 7, 15))


def test_indicateur_smart() -> None:
    assert verifier_smart(_bon()).smart
    assert verifier_smart(_bon()).tableau().shape == (5, 3)


def test_indicateur_flou_et_incomplet() -> None:
    b = verifier_smart({"nom": "Améliorer le bien-être des enfants"})
    assert b.manquants() == ["spécifique", "mesurable", "assignable", "réaliste", "temporel"]
    assert "verbe d'intention" in b.criteres["spécifique"][1]
    assert "unité, valeur de référence, cible" in b.criteres["mesurable"][1]


def test_cible_egale_ou_a_contresens() -> None:
    egale = Indicateur("Arbres", "arbres", 3, 3, 2026, "plan", "espaces verts")
    assert "égale à la valeur de référence" in verifier_smart(egale).criteres["réaliste"][1]
    contresens = Indicateur("Température", "°C", 40, 52, 2028, "caméra", "services", sens="baisse")
    assert not verifier_smart(contresens).criteres["réaliste"][0]


def test_indicateur_saisies() -> None:
    assert Indicateur("A", echeance=2027).echeance == dt.date(2027, 12, 31)
    assert Indicateur("A", date_reference=2025).date_reference == dt.date(2025, 1, 1)
    with pytest.raises(ErreurSaisie, match="pas une date"):
        Indicateur("A", echeance="juillet 2027")
    with pytest.raises(ErreurSaisie, match="pas un nombre"):
        Indicateur("A", cible="40")  # type: ignore[arg-type]
    with pytest.raises(ErreurSaisie, match="pas de nom"):
        Indicateur(" ")


# ---------------------------------------------------------------------------
# Suivi
# ---------------------------------------------------------------------------

def test_suivi_statuts() -> None:
    # Référence 52 °C le 15/07/2025, cible 40 °C le 15/07/2028 (1 096 jours).
    # Le 10/09/2026 (422 jours) : trajectoire 52 - 12 × 422/1096 = 47,38 °C ; mesure 47 → dans la trajectoire.
    # Le 15/07/2027 (730 jours) : 52 - 12 × 730/1096 = 44,01 °C ; mesure 46 → en retard.
    s = suivre(_bon(), {"2026-09-10": 47, dt.date(2027, 7, 15): 46, "2028-07-15": 39})
    t = s.tableau()
    assert t["trajectoire"].round(2).tolist() == [47.38, 44.01, 40.0]
    assert t["statut"].tolist() == ["dans la trajectoire", "en retard", "cible atteinte"]
    assert t["avancement"].iloc[1] == pytest.approx(6 / 12)
    assert s.derniere()["statut"] == "cible atteinte"


def test_suivi_impossible_explique() -> None:
    with pytest.raises(ErreurDonnees, match="il manque date de référence, échéance"):
        suivre(Indicateur("Arbres", "arbres", 3, 18), {})
    with pytest.raises(ErreurSaisie, match="pas une date"):
        suivre(_bon(), {"demain": 3})


def test_indicateurs_du_cas() -> None:
    suivis = {s.indicateur.nom: s for s in indicateurs_du_cas(charger("cour-oasis"))}
    assert suivis["Température de surface maximale de la cour"].tableau()["statut"].tolist() == [
        "dans la trajectoire", "en retard"]
    assert suivis["Part des élèves satisfaits de leur cour"].derniere()["statut"] == "cible atteinte"
