"""Le contrôle des saisies (saisie.py) : une seule façon d'accepter ou de refuser ce qu'un apprenant tape."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from mba_territoires import saisie
from mba_territoires.erreurs import (
    ErreurChoix,
    ErreurDate,
    ErreurDonnees,
    ErreurMontant,
    ErreurSaisie,
    ErreurTaux,
)


@pytest.mark.parametrize("valeur", [12_000, 12_000.0, np.int64(12_000), np.float64(12_000.0), np.array([12_000])])
def test_montant_accepte_tout_nombre_reel(valeur):
    assert saisie.montant(valeur) == 12_000.0


def test_montant_arrondi_au_centime():
    assert saisie.montant(10.005 + 1e-9) == 10.01


@pytest.mark.parametrize("valeur", [True, False, math.nan, math.inf, -math.inf, np.nan, None, [1, 2]])
def test_montant_refuse_booleens_nan_infinis(valeur):
    with pytest.raises(ErreurMontant):
        saisie.montant(valeur)


def test_montant_negatif_dit_la_valeur_et_la_correction():
    with pytest.raises(ErreurMontant) as e:
        saisie.montant(-5_000, "le montant des travaux")
    assert "négatif (-5\u202f000\xa0€)" in str(e.value)
    assert "5000" in e.value.conseil


def test_montant_strictement_positif():
    assert saisie.montant(0) == 0
    with pytest.raises(ErreurMontant, match="nul"):
        saisie.montant(0, strictement_positif=True)


@pytest.mark.parametrize(("texte", "conseil"), [("12 000 €", "12000"), ("12\u202f000,50", "12000.50"),
                                                ("0,25", "0.25"), ("1.234,5", "1234.5")])
def test_textes_a_la_francaise_refuses_partout_avec_le_meme_conseil(texte, conseil):
    for fonction, erreur in ((saisie.montant, ErreurMontant), (saisie.nombre, ErreurDonnees),
                             (saisie.taux, ErreurTaux)):
        with pytest.raises(erreur) as e:
            fonction(texte)
        assert e.value.conseil.endswith(conseil), (fonction, e.value.conseil)
        assert "sans guillemets" in e.value.conseil


def test_virgule_decimale_tapee_sans_guillemets():
    # 0,25 tapé dans une cellule : Python lit le couple (0, 25).
    with pytest.raises(ErreurTaux) as e:
        saisie.taux((0, 25))
    assert "virgule" in str(e.value) and e.value.conseil.endswith("écrivez 0.25")
    with pytest.raises(ErreurMontant) as e:
        saisie.montant((1500, 5))
    assert e.value.conseil.endswith("1500.5")


@pytest.mark.parametrize(("valeur", "suggestion"), [(30, "0.30"), (1.5, "0.015"), (100, "1.00"), (12.5, "0.125")])
def test_taux_en_pourcentage_reconnu(valeur, suggestion):
    with pytest.raises(ErreurTaux) as e:
        saisie.taux(valeur)
    assert f"vouliez-vous écrire {suggestion} ?" in e.value.conseil


def test_taux_bornes():
    assert saisie.taux(0) == 0 and saisie.taux(1) == 1 and saisie.taux(np.float64(0.3)) == 0.3
    with pytest.raises(ErreurTaux, match="négatif"):
        saisie.taux(-0.1)
    with pytest.raises(ErreurTaux):
        saisie.taux(250)


def test_entier_et_nombre_bornes():
    assert saisie.entier(np.int64(7), minimum=1) == 7
    with pytest.raises(ErreurDonnees, match="minimum 1"):
        saisie.entier(0, minimum=1)
    with pytest.raises(ErreurDonnees, match="maximum 10"):
        saisie.nombre(11, maximum=10)
    assert saisie.nombre(-3.5) == -3.5


def test_annee():
    assert saisie.annee(np.int64(2027)) == 2027
    for mauvaise in (26, 2026.5, "2026", True, 3000):
        with pytest.raises(ErreurDate):
            saisie.annee(mauvaise)


def test_date_formats_acceptes():
    attendu = dt.date(2026, 10, 1)
    assert saisie.date("2026-10-01") == attendu
    assert saisie.date("1/10/2026") == attendu
    assert saisie.date(dt.datetime(2026, 10, 1, 14, 30)) == attendu
    assert saisie.date(attendu) == attendu


def test_date_annee_seule_seulement_si_permise():
    with pytest.raises(ErreurDate, match="une année seule ne suffit pas"):
        saisie.date(2026)
    assert saisie.date(2026, annee_seule=True) == dt.date(2026, 1, 1)
    assert saisie.date(2026, annee_seule="fin") == dt.date(2026, 12, 31)
    assert saisie.date("2027", annee_seule="fin") == dt.date(2027, 12, 31)


@pytest.mark.parametrize("mauvaise", ["2026-02-30", "31/13/2026", "demain", 3.5, None])
def test_date_illisible(mauvaise):
    with pytest.raises(ErreurDate):
        saisie.date(mauvaise)


def test_texte():
    assert saisie.texte("  Travaux\x07 ") == "Travaux"
    for mauvais in ("", "   ", None, 12):
        with pytest.raises(ErreurDonnees):
            saisie.texte(mauvais)


@pytest.mark.parametrize("tape", ["adaptee", "Adaptée", "ADAPTEE", " adaptée ", "MAPA", "procédure adaptée",
                                  "Procedure_adaptee", "procédure-adaptée"])
def test_choix_sans_casse_accents_espaces_avec_synonymes(tape):
    synonymes = {"adaptee": ["MAPA", "procédure adaptée"]}
    assert saisie.choix(tape, ["dispense", "adaptee", "formalisee"], "la procédure", synonymes=synonymes) == "adaptee"


def test_choix_faute_proche_suggere():
    with pytest.raises(ErreurChoix) as e:
        saisie.choix("formalise", ["dispense", "adaptee", "formalisee"], "la procédure")
    # « formalise » normalisé est à une lettre de « formalisee » : la suggestion le nomme.
    assert "vouliez-vous écrire « formalisee » ?" in e.value.conseil


def test_choix_sans_suggestion_liste_les_choix():
    with pytest.raises(ErreurChoix) as e:
        saisie.choix("xyz", ["dispense", "adaptee"], "la procédure")
    assert "vouliez-vous" not in e.value.conseil and "dispense, adaptee" in e.value.conseil
    with pytest.raises(ErreurChoix):
        saisie.choix(3, ["dispense"])


def test_trouver():
    assert saisie.trouver("fonds VERT", ["DETR", "Fonds vert"]) == "Fonds vert"
    with pytest.raises(ErreurChoix, match="n'existe pas") as e:
        saisie.trouver("Régoin", ["DETR", "Région"], "le financeur")
    assert "« Région »" in e.value.conseil


def test_toutes_les_erreurs_sont_des_valueerror():
    for erreur in (ErreurMontant, ErreurTaux, ErreurDate, ErreurChoix, ErreurDonnees):
        assert issubclass(erreur, ErreurSaisie) and issubclass(erreur, ValueError)
