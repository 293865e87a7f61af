"""Le mécanisme des exercices : retours, indices, modes de test, progression."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mba_territoires.erreurs import ErreurExercice
from mba_territoires.exercices import (
    Banque,
    carnet,
    comparer_choix,
    comparer_montant,
    comparer_taux,
    empreinte,
)


@pytest.mark.parametrize(
    ("reponse", "statut", "indice"),
    [
        (27_504.6, "juste", ""),
        (27_505, "juste", ""),  # arrondi à l'euro toléré
        (..., "vide", ""),
        (None, "vide", ""),
        ("27504", "faux", "sans guillemets"),
        (-27_504.6, "faux", "positif"),
        (275_046, "faux", "10 fois trop grande"),
        (2_750_460, "faux", "100 fois trop grande"),
        (27.5046, "faux", "1\u202f000 fois trop petite"),
        (27_504.6 * 1.2, "faux", "TVA"),
        (27_000, "faux", "proche"),
        (50_000, "faux", "pas à pas"),
    ],
)
def test_comparer_montant(reponse: object, statut: str, indice: str) -> None:
    retour = comparer_montant(reponse, 27_504.6, tolerance=1)
    assert retour.statut == statut
    assert indice in retour.conseil or indice in retour.message


def test_le_retour_ne_revele_jamais_la_solution() -> None:
    for reponse in (0, 1, 27_000, 275_046, -5, 10**9):
        retour = comparer_montant(reponse, 27_504.6)
        assert "27" not in retour.message.replace(str(reponse), "") + retour.conseil


def test_comparer_taux() -> None:
    assert comparer_taux(0.3, 0.30).statut == "juste"
    assert "décimales" in comparer_taux(30, 0.30).conseil
    assert comparer_taux(0.2, 0.30).message == "votre taux est trop faible."
    assert comparer_taux(1.5, 0.9).statut == "faux"


def test_comparer_choix() -> None:
    attendu = empreinte("N+2")
    assert comparer_choix(" n+2 ", attendu).statut == "juste"
    assert comparer_choix("N+1", attendu, ["N", "N+1", "N+2"]).statut == "faux"
    assert "N+2" not in comparer_choix("N+1", attendu, conseil="relisez L1615-6").message


def _banque() -> Banque:
    banque = Banque("99-essai", "Essai")

    @banque.exercice("double", "Le double de 21")
    def _(reponse):  # type: ignore[no-untyped-def]
        return comparer_montant(reponse, 42, tolerance=0)

    return banque


def test_modes_de_test(monkeypatch: pytest.MonkeyPatch) -> None:
    ex = _banque()["double"]
    assert ex.verifier(41).statut == "faux"  # sans mode : on affiche, sans lever
    monkeypatch.setenv("MBA_TERRITOIRES_EXERCICES", "solutions")
    assert ex.verifier(42).reussi
    with pytest.raises(ErreurExercice, match="la solution ne passe pas"):
        ex.verifier(41)
    with pytest.raises(ErreurExercice):
        ex.verifier(...)
    monkeypatch.setenv("MBA_TERRITOIRES_EXERCICES", "etudiant")
    assert ex.verifier(...).statut == "vide"
    with pytest.raises(ErreurExercice, match="édition étudiant contient une réponse"):
        ex.verifier(42)


def test_une_reponse_mal_formee_donne_un_retour_pas_une_trace() -> None:
    banque = Banque("99-essai", "Essai")

    @banque.exercice("plan", "Un plan")
    def _(reponse):  # type: ignore[no-untyped-def]
        from mba_territoires.erreurs import ErreurMontant

        raise ErreurMontant("le montant est négatif", conseil="saisissez un montant positif")

    retour = banque["plan"].verifier(-3)
    assert retour.statut == "faux" and "négatif" in retour.message


def test_progression_sauvegardee_et_relue(tmp_path: Path) -> None:
    ex = carnet("00-prise-en-main", dossier=tmp_path)
    assert ex.progression().faits == 0
    ex.verifier("population-jeunes", 672)
    ex.verifier("cout-ttc", 1)
    # Un « nouveau noyau » relit le fichier : la progression a survécu.
    relu = carnet("00-prise-en-main", dossier=tmp_path).progression()
    assert relu.faits == 1
    fichier = json.loads((tmp_path / "00-prise-en-main.reponses.json").read_text(encoding="utf-8"))
    assert fichier["population-jeunes"]["reponse"] == 672
    assert fichier["cout-ttc"]["statut"] == "faux"
    assert "1/3 exercices réussis" in repr(relu)


def test_carnet_ou_exercice_inconnu() -> None:
    with pytest.raises(ErreurExercice, match="aucun exercice n'est déclaré"):
        carnet("42-inexistant")
    with pytest.raises(ErreurExercice, match="exercices disponibles : population-jeunes"):
        carnet("00-prise-en-main", sauvegarde=False).verifier("inconnu", 3)


def test_html_du_retour_echappe() -> None:
    retour = comparer_choix("<b>x</b>", empreinte("y"))
    assert "<b>x</b>" not in retour._repr_html_()
