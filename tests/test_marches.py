"""Commande publique : valeur estimée du besoin (CCP R2121-1 à R2121-9), procédure à la date de lancement
(seuils datés : décret 2025-1386, avis des seuils européens 2024-2025 et 2026-2027), fractionnement.

Chaque attendu est calculé à la main depuis le texte, en commentaire ; les seuils testés au seuil,
juste en dessous et juste au-dessus, et de part et d'autre de leur date d'entrée en vigueur."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from mba_territoires.erreurs import ErreurDate, ErreurMontant, ErreurSaisie
from mba_territoires.marches import (
    Besoin,
    Lot,
    Marche,
    procedure_marche,
    seuils_en_vigueur,
    valeur_du_besoin,
    verifier_fractionnement,
)

# ---------------------------------------------------------------------------
# Valeur estimée du besoin
# ---------------------------------------------------------------------------


def test_service_de_quatre_ans_lance_en_octobre_2026_est_adapte() -> None:
    # R2121-1 : montant total de toute la durée ; 4 ans × 20 000 € = 80 000 € HT.
    # R2122-8 (décret 2025-1386) : dispense sous 60 000 € HT à partir du 1/04/2026 ; 80 000 ≥ 60 000
    # → procédure adaptée. Saisir 20 000 € seuls aurait donné « dispense » : c'était l'erreur du cahier.
    b = Besoin("Entretien des espaces verts", "fournitures_services", montant_annuel_ht=20_000, duree_ans=4)
    assert b.valeur_ht == 80_000
    proc = b.procedure("2026-10-01")
    assert proc.procedure == "adaptee" and proc.montant_ht == 80_000
    assert proc.date_lancement == dt.date(2026, 10, 1)
    assert procedure_marche(20_000, "fournitures_services", "2026-10-01").procedure == "dispense"


def test_reconductions_options_et_lots() -> None:
    # 1 an ferme + 3 reconductions d'1 an = 4 ans ; lots 9 000 + 6 000 = 15 000 €/an → 60 000 € ;
    # + 4 000 € d'options = 64 000 € HT.
    b = Besoin("Nettoyage des bâtiments", "fournitures_services", lots=[Lot("Écoles", 9_000), ("Mairie", 6_000)],
               duree_ans=1, reconductions=3, options_ht=4_000)
    assert b.duree_totale_ans == 4
    assert b.valeur_ht == 64_000
    assert [libelle for libelle, _ in b.detail()][-1] == "valeur estimée du besoin"
    # Reconductions de six mois : 2 ans + 2 × 0,5 an = 3 ans × 10 000 = 30 000 €.
    assert Besoin("Maintenance", "fournitures_services", montant_annuel_ht=10_000, duree_ans=2, reconductions=2,
                  duree_reconduction_ans=0.5).valeur_ht == 30_000


def test_travaux_par_operation_avec_fournitures_mises_a_disposition() -> None:
    # R2121-5 : toute l'opération (tous les lots) + fournitures mises à disposition : 70 000 + 25 000 + 8 000.
    b = Besoin("Cour de l'école", "travaux", lots=[("Sols", 70_000), ("Plantations", 25_000)],
               mis_a_disposition_ht=8_000)
    assert b.valeur_ht == 103_000
    assert b.procedure("2026-03-02").procedure == "adaptee"  # ≥ 100 000 € HT (R2122-8)
    # Un lot seul (70 000 €) serait sous le seuil : c'est bien l'ensemble qui compte.
    assert procedure_marche(70_000, "travaux", "2026-03-02").procedure == "dispense"


def test_besoin_mal_saisi() -> None:
    with pytest.raises(ErreurSaisie, match="montant_ht au lieu d'un montant_annuel_ht"):
        Besoin("Entretien", "fournitures_services", montant_ht=80_000)
    with pytest.raises(ErreurSaisie, match="ni montant_ht ni lots"):
        Besoin("Cour", "travaux")
    with pytest.raises(ErreurSaisie, match="à la fois"):
        Besoin("Cour", "travaux", montant_ht=1, lots=[("A", 1)])
    with pytest.raises(ErreurMontant):
        Besoin("Cour", "travaux", montant_ht=-1)
    with pytest.raises(ErreurSaisie, match="reconductions"):
        Besoin("Nettoyage", "fournitures_services", montant_annuel_ht=1, reconductions=-1)


def test_valeur_du_besoin_accepte_numpy_et_synonymes() -> None:
    # Un montant calculé par df.sum() est un numpy.int64 ; « services » est un synonyme de fournitures_services.
    b = valeur_du_besoin(np.int64(20_000), "services", duree_ans=4)
    assert b.nature == "fournitures_services" and b.valeur_ht == 80_000
    assert Marche("Entretien", "fournitures_services", 20_000, duree_ans=4).besoin().valeur_ht == 80_000


# ---------------------------------------------------------------------------
# Seuils à la date de lancement
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("montant", "date", "attendu"), [
    # Fournitures et services, dispense « inférieure à » 40 000 € HT jusqu'au 31/03/2026 …
    (39_999.99, "2026-03-31", "dispense"), (40_000, "2026-03-31", "adaptee"), (40_000.01, "2026-03-31", "adaptee"),
    # … et à 60 000 € HT dès le 1/04/2026 (décret 2025-1386, art. 3) : 50 000 € change de procédure.
    (50_000, "2026-03-31", "adaptee"), (50_000, "2026-04-01", "dispense"),
    (59_999.99, "2026-04-01", "dispense"), (60_000, "2026-04-01", "adaptee"), (60_000.01, "2026-04-01", "adaptee"),
    # Procédure formalisée à partir de 216 000 € HT (collectivités, 2026-2027) …
    (215_999.99, "2026-06-01", "adaptee"), (216_000, "2026-06-01", "formalisee"),
    (216_000.01, "2026-06-01", "formalisee"),
    # … et de 221 000 € HT en 2024-2025 : 218 000 € est adapté en 2025, formalisé en 2026.
    (218_000, "2025-12-31", "adaptee"), (218_000, "2026-01-01", "formalisee"),
    (220_999.99, "2025-06-01", "adaptee"), (221_000, "2025-06-01", "formalisee"),
])
def test_seuils_fournitures_services_a_la_date(montant: float, date: str, attendu: str) -> None:
    assert procedure_marche(montant, "fournitures_services", date).procedure == attendu


@pytest.mark.parametrize(("montant", "date", "attendu"), [
    # Travaux : dispense sous 100 000 € HT (R2122-8, pérennisée au 1/01/2026 par le décret 2025-1386).
    (99_999.99, "2026-01-01", "dispense"), (100_000, "2026-01-01", "adaptee"), (100_000.01, "2026-01-01", "adaptee"),
    # Formalisée à partir de 5 404 000 € HT en 2026-2027, de 5 538 000 € HT en 2024-2025.
    (5_403_999.99, "2026-03-02", "adaptee"), (5_404_000, "2026-03-02", "formalisee"),
    (5_404_000.01, "2026-03-02", "formalisee"),
    (5_450_000, "2025-12-31", "adaptee"), (5_450_000, "2026-01-01", "formalisee"),
    (5_537_999.99, "2025-03-02", "adaptee"), (5_538_000, "2025-03-02", "formalisee"),
])
def test_seuils_travaux_a_la_date(montant: float, date: str, attendu: str) -> None:
    assert procedure_marche(montant, "travaux", date).procedure == attendu


def test_seuils_de_l_etat() -> None:
    # Autorités publiques centrales : 140 000 € HT en 2026-2027, 143 000 € HT en 2024-2025.
    assert procedure_marche(139_999.99, "fournitures_services", "2026-06-01", acheteur="etat").procedure == "adaptee"
    assert procedure_marche(140_000, "fournitures_services", "2026-06-01", acheteur="etat").procedure == "formalisee"
    assert procedure_marche(141_000, "fournitures_services", "2025-06-01", acheteur="etat").procedure == "adaptee"


def test_jamais_de_premier_janvier_implicite() -> None:
    with pytest.raises(ErreurDate, match="date de lancement") as exc:
        procedure_marche(50_000, "fournitures_services")
    assert "R2121-3" in str(exc.value) and "1er avril 2026" in str(exc.value)
    with pytest.raises(ErreurDate):
        Besoin("Entretien", "fournitures_services", montant_annuel_ht=1).procedure(None)  # type: ignore[arg-type]


def test_seuils_en_vigueur_citent_leur_texte() -> None:
    s = seuils_en_vigueur("fournitures_services", "01/04/2026")  # format français accepté
    assert (s.dispense.valeur, s.formalise.valeur, s.publicite.valeur) == (60_000, 216_000, 90_000)
    assert "2025-1386" in s.dispense.source


def test_publicite_et_delais() -> None:
    # R2131-12 : en procédure adaptée, publicité libre sous 90 000 € HT, BOAMP ou JAL à partir de 90 000 €.
    assert "libre" in procedure_marche(89_999.99, "fournitures_services", "2026-06-01").publicite
    assert "BOAMP" in procedure_marche(90_000, "fournitures_services", "2026-06-01").publicite
    mapa = procedure_marche(104_000, "travaux", "2026-03-02")
    assert mapa.delai_min_jours == 20
    # Appel d'offres ouvert : 30 jours (R2161-3) + 11 jours de suspension (R2182-1) = 41 jours.
    ao = procedure_marche(6_000_000, "travaux", "2026-03-02")
    assert (ao.delai_offres_jours, ao.standstill_jours, ao.delai_min_jours) == (30, 11, 41)
    assert procedure_marche(1_000, "travaux", "2026-03-02").delai_min_jours == 0


def test_saisies_invalides() -> None:
    with pytest.raises(ErreurMontant, match="-5"):
        procedure_marche(-5, "travaux", "2026-03-02")
    with pytest.raises(ErreurSaisie, match="fournitures_services"):
        procedure_marche(1000, "prestations", "2026-03-02")  # type: ignore[arg-type]
    with pytest.raises(ErreurSaisie, match="nature"):
        procedure_marche(Besoin("Cour", "travaux", montant_ht=1), "fournitures_services", "2026-03-02")


def test_procedure_rend_un_verdict() -> None:
    v = procedure_marche(80_000, "fournitures_services", "2026-10-01").verdict()
    assert v.regle == "procedure_marche" and v.respectee
    assert v.chiffres["valeur estimée HT"] == 80_000 and v.chiffres["seuil de dispense"] == 60_000
    assert "01/10/2026" in v.constat and "2025-1386" in v.source


# ---------------------------------------------------------------------------
# Fractionnement (« saucissonnage »)
# ---------------------------------------------------------------------------

def _espaces_verts(tonte: float, taille: float) -> list[Besoin]:
    return [Besoin("Tonte", "fournitures_services", montant_annuel_ht=tonte, famille="Espaces verts"),
            Besoin("Taille des haies", "fournitures_services", montant_annuel_ht=taille, famille="espaces verts")]


@pytest.mark.parametrize(("tonte", "taille", "fractionne"), [
    # Ensemble 59 999,99 € : dispense comme chaque morceau → pas de fractionnement.
    (35_000, 24_999.99, False),
    # Ensemble 60 000 € (au seuil) : procédure adaptée, alors que chaque morceau serait dispensé → fractionné.
    (35_000, 25_000, True), (35_000, 25_000.01, True),
    # Un morceau déjà en procédure adaptée (65 000 €) : l'ensemble (90 000 €) l'est aussi → rien à signaler.
    (65_000, 25_000, False),
])
def test_fractionnement(tonte: float, taille: float, fractionne: bool) -> None:
    v = verifier_fractionnement(_espaces_verts(tonte, taille), "2026-10-01")
    assert len(v) == 1 and v[0].respectee is (not fractionne)
    assert v[0].chiffres["valeur estimée HT"] == round(tonte + taille, 2)
    if fractionne:
        assert "additionnez-les" in v[0].conseil and "R2121-4" in v[0].source


def test_familles_differentes_ne_se_cumulent_pas() -> None:
    besoins = [Besoin("Tonte", "fournitures_services", montant_annuel_ht=35_000, famille="espaces verts"),
               Besoin("Cantine", "fournitures_services", montant_annuel_ht=35_000, famille="restauration")]
    assert verifier_fractionnement(besoins, "2026-10-01") == []


def test_repr_html_du_besoin() -> None:
    html = Besoin("Entretien", "fournitures_services", montant_annuel_ht=20_000, duree_ans=4)._repr_html_()
    assert "<caption>" in html and 'scope="col"' in html and "R2121-1" in html
