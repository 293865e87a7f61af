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


# --------------------------------------------------------------------------- reprise après redémarrage


def test_reponse_relue_apres_redemarrage(tmp_path: Path) -> None:
    import numpy as np

    ex = carnet("00-prise-en-main", dossier=tmp_path)
    assert ex.reponse("population-jeunes") is ...  # rien d'enregistré : la cellule reste « à compléter »
    ex.verifier("population-jeunes", np.int64(672))  # un entier numpy (somme pandas) est enregistré en nombre
    ex.verifier("part-retraites", np.float64(0.33))
    nouveau = carnet("00-prise-en-main", dossier=tmp_path)  # un nouveau noyau
    assert nouveau.reponse("population-jeunes") == 672
    assert type(nouveau.reponse("population-jeunes")) is int
    assert nouveau.reponse("part-retraites") == pytest.approx(0.33)
    assert nouveau.verifier("population-jeunes", nouveau.reponse("population-jeunes")).reussi
    with pytest.raises(ErreurExercice, match="exercices disponibles : population-jeunes"):
        nouveau.reponse("inconnu")


def test_une_reponse_vide_n_est_pas_enregistree(tmp_path: Path) -> None:
    ex = carnet("00-prise-en-main", dossier=tmp_path)
    ex.verifier("cout-ttc", ...)
    assert not (tmp_path / "00-prise-en-main.reponses.json").exists()


def test_un_fichier_de_reponses_abime_ne_bloque_pas(tmp_path: Path) -> None:
    (tmp_path / "00-prise-en-main.reponses.json").write_text('{"cout-ttc": "abîmé"}', encoding="utf-8")
    ex = carnet("00-prise-en-main", dossier=tmp_path)
    assert ex.reponse("cout-ttc") is ...
    assert ex.progression().faits == 0


def test_la_progression_nomme_le_fichier_a_rendre(tmp_path: Path) -> None:
    ex = carnet("00-prise-en-main", dossier=tmp_path)
    ex.verifier("cout-ttc", 984_000)
    progression = ex.progression()
    texte = repr(progression)
    assert "1/3 exercices réussis" in texte
    assert "« 00-prise-en-main.reponses.json »" in texte and str(tmp_path) in texte
    assert "redémarrage du noyau" in texte and "rendez à votre enseignant" in texte
    assert "00-prise-en-main.reponses.json" in progression._repr_html_()
    assert "reponses.json" not in repr(carnet("00-prise-en-main", sauvegarde=False).progression())


# --------------------------------------------------------------------------- les vérifications du carnet 00


@pytest.mark.parametrize(
    ("ident", "reponse", "statut", "indice"),
    [
        # 672 : la ligne « 0-14 ans » de casestudies/ecole-jules-ferry/population.csv
        ("population-jeunes", 672, "juste", ""),
        ("population-jeunes", ..., "vide", ""),
        ("population-jeunes", 4200, "faux", "toute la population"),  # somme des tranches d'âge
        ("population-jeunes", 11_928, "faux", "trois fois"),  # 4 200 (âge) + 4 200 (sexe) + 3 528 (csp)
        ("population-jeunes", 588, "faux", "autre tranche"),  # les 15-29 ans
        ("population-jeunes", 6720, "faux", "10 fois trop grande"),
        # 1 164 retraités / 3 528 habitants de 15 ans ou plus (somme de la dimension csp) = 0,3299
        ("part-retraites", 1164 / 3528, "juste", ""),
        ("part-retraites", 0.33, "juste", ""),  # arrondi toléré à 0,005 près
        ("part-retraites", 32.99, "faux", "décimales"),
        ("part-retraites", 1164 / 4200, "faux", "toute la population"),  # 0,2771 : mauvais dénominateur
        ("part-retraites", "33 %", "faux", "0.25 pour 25 %"),
        # 820 000 € HT × (1 + 20 %) = 984 000 € TTC (taux normal de TVA, CGI art. 278)
        ("cout-ttc", 984_000, "juste", ""),
        ("cout-ttc", 984_000.4, "juste", ""),
        ("cout-ttc", 164_000, "faux", "la TVA seule"),
        ("cout-ttc", 820_000, "faux", "ajoutez la TVA"),
        ("cout-ttc", "984000", "faux", "sans guillemets"),
        ("cout-ttc", 9_840_000, "faux", "10 fois trop grande"),
    ],
)
def test_verifications_du_carnet_00(ident: str, reponse: object, statut: str, indice: str) -> None:
    retour = carnet("00-prise-en-main", sauvegarde=False).verifier(ident, reponse)
    assert retour.statut == statut, retour
    assert indice in retour.message + retour.conseil
    if statut == "faux":  # l'indice ne révèle jamais la réponse
        for attendu in ("672", "0.33", "0,33", "984", "33 %"):
            assert attendu not in (retour.message + retour.conseil).replace(str(reponse), "")


# --------------------------------------------------------------------------- chaque carnet et sa banque

RACINE = Path(__file__).resolve().parents[1]
LECONS = [c for c in sorted((RACINE / "notebooks").glob("*.ipynb")) if c.name[:2].isdigit()]


def _appels_verifier(chemin: Path) -> tuple[list[str], int]:
    import re

    cellules = json.loads(chemin.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cellules if c["cell_type"] == "code")
    # Seuls les appels au carnet d'exercices comptent (``plan.verifier()`` vérifie un plan, pas un exercice).
    idents = re.findall(r"\bex\.verifier\(\s*([\"'])(.+?)\1", code)
    return [ident for _, ident in idents], len(re.findall(r"\bex\.verifier\(", code))


@pytest.mark.parametrize("chemin", LECONS, ids=lambda c: c.name)
def test_chaque_verification_du_carnet_existe_dans_sa_banque(chemin: Path) -> None:
    from mba_territoires.exercices import banque

    idents, appels = _appels_verifier(chemin)
    assert len(idents) == appels, f"{chemin.name} : chaque ex.verifier(...) nomme son exercice en toutes lettres"
    declares = banque(chemin.stem).identifiants()
    inconnus = sorted(set(idents) - set(declares))
    assert not inconnus, f"{chemin.name} vérifie des exercices absents de sa banque : {inconnus}"
    oublies = [i for i in declares if i not in idents]
    assert not oublies, f"{chemin.name} n'utilise pas ces exercices de sa banque : {oublies}"
