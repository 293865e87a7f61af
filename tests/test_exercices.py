"""Le mécanisme des exercices : retours, indices, variantes, anti-dichotomie, progression, carnet 00."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mba_territoires.erreurs import ErreurExercice, ErreurSaisie
from mba_territoires.exercices import (
    Banque,
    ExerciceInconnu,
    Tirage,
    banque,
    carnet,
    comparer_choix,
    comparer_montant,
    comparer_nombre,
    comparer_taux,
    empreinte,
    faux,
)
from mba_territoires.exercices.progression import Carnet

CARNET_00 = "00-prise-en-main"

# --------------------------------------------------------------------------- les comparateurs


@pytest.mark.parametrize(
    ("reponse", "statut", "indice"),
    [
        (27_504.6, "juste", ""),
        (27_505, "juste", ""),  # arrondi à l'euro toléré
        (..., "vide", ""),
        (None, "vide", ""),
        ("27504", "faux", "sans guillemets"),
        ("27504,6", "faux", "virgule décimale s'écrit avec un point"),
        (-27_504.6, "faux", "positif"),
        (275_046, "faux", "10 fois trop grande"),
        (2_750_460, "faux", "100 fois trop grande"),
        (27.5046, "faux", "1\u202f000 fois trop petite"),
        (27_504.6 * 1.2, "faux", "TVA"),
        (27_000, "faux", "proche"),
        (50_000, "faux", "pas à pas"),
        (True, "faux", "booléen"),
        (float("nan"), "faux", "NaN"),
        ((27_504, 6), "faux", "27504.6"),  # « 27504,6 » tapé sans guillemets : Python lit un tuple
    ],
)
def test_comparer_montant(reponse: object, statut: str, indice: str) -> None:
    retour = comparer_montant(reponse, 27_504.6, tolerance=1)
    assert retour.statut == statut
    assert indice in retour.conseil or indice in retour.message


def test_le_retour_ne_revele_jamais_la_solution() -> None:
    for reponse in (0, 1, 27_000, 275_046, -5, 10**9, (0, 25), "x"):
        retour = comparer_montant(reponse, 27_504.6)
        assert "27" not in (retour.message + retour.conseil).replace(str(reponse), "")
        # L'attendu voyage dans le retour (pour le bilan et les tests), jamais dans ce qui s'affiche.
        assert retour.attendu == 27_504.6
        assert "27504" not in str(retour) + repr(retour) + retour._repr_html_()


@pytest.mark.parametrize(
    ("unite", "mot"),
    [("jours", "jours"), ("personnes", "personnes"), ("ménages", "ménages"), ("habitants", "habitants"),
     ("années", "années"), ("km", "km")],
)
def test_l_indice_d_ordre_de_grandeur_connait_l_unite(unite: str, mot: str) -> None:
    # 450 pour 45 : dix fois trop grand ; le conseil parle de l'unité de l'exercice, jamais d'euros.
    retour = comparer_nombre(450, 45, unite=unite)
    assert "10 fois trop grande" in retour.conseil and mot in retour.conseil
    assert "euro" not in retour.conseil and "centime" not in retour.conseil


def test_l_indice_en_euros_parle_d_euros_et_de_tva() -> None:
    assert "milliers d'euros" in comparer_montant(27.5, 27_500).conseil
    assert "TVA" in comparer_montant(33_000, 27_500).conseil  # 27 500 × 1,2
    assert "TVA" not in comparer_nombre(54, 45, unite="jours").conseil  # 45 × 1,2 : pas de TVA sur des jours


def test_le_signe_est_juste_quand_l_attendu_est_negatif() -> None:
    # Une VAN de −120 000 € : répondre 120 000 n'est pas « comptez en positif ».
    retour = comparer_montant(120_000, -120_000)
    assert "négatif" in retour.conseil and "gardez le signe" in retour.conseil
    assert "en positif" not in retour.conseil
    assert comparer_montant(-120_000, -120_000).reussi
    assert "en positif" in comparer_montant(-5_000, 5_000).conseil
    assert "négatif" in comparer_taux(0.02, -0.02).conseil


def test_comparer_taux() -> None:
    assert comparer_taux(0.3, 0.30).statut == "juste"
    assert "décimales" in comparer_taux(30, 0.30).conseil
    assert comparer_taux(0.2, 0.30).message == "votre taux est trop faible."
    assert comparer_taux(1.5, 0.9).statut == "faux"
    assert "0.25 pour 25 %" in comparer_taux("25 %", 0.25).conseil
    tuple_lu = comparer_taux((0, 25), 0.25)
    assert "virgule" in tuple_lu.message + tuple_lu.conseil and "0.25" in tuple_lu.conseil


def test_les_nombres_numpy_sont_acceptes() -> None:
    np = pytest.importorskip("numpy")
    assert comparer_montant(np.int64(27_505), 27_504.6).reussi
    assert comparer_taux(np.float64(0.3), 0.30).reussi
    b = Banque("99-essai", "Essai")

    @b.exercice("entier", "Un entier", unite="personnes")
    def _(reponse):  # type: ignore[no-untyped-def]
        # Une banque qui teste isinstance(reponse, int) reçoit bien un int, pas un numpy.int64.
        return faux("type", "type") if not isinstance(reponse, int) else comparer_nombre(reponse, 42)

    assert b["entier"].verifier(np.int64(42)).reussi


@pytest.mark.parametrize(
    "reponse",
    ["adaptee", "adaptée", "ADAPTÉE", " Adaptee ", "procédure adaptée", "Procedure_adaptee", "MAPA", "mapa",
     "procédure-adaptée"],
)
def test_comparer_choix_sans_accents_casse_espaces_ni_soulignes(reponse: str) -> None:
    retour = comparer_choix(reponse, "adaptee", ["dispense", "adaptee", "formalisee"],
                            synonymes={"adaptee": ["MAPA", "procédure adaptée"]})
    assert retour.reussi, retour


def test_comparer_choix_synonymes_et_empreintes() -> None:
    traces = ["A", "B", "C"]
    synonymes = {c: [f"Tracé {c}", f"trace_{c}"] for c in traces}
    assert comparer_choix("Tracé C", "C", traces, synonymes=synonymes).reussi
    assert comparer_choix("trace c", "C", traces, synonymes=synonymes).reussi
    assert not comparer_choix("Tracé B", "C", traces, synonymes=synonymes).reussi
    assert comparer_choix(" n+2 ", empreinte("N+2")).reussi  # l'ancienne forme (empreinte) marche encore
    assert comparer_choix("N+1", empreinte("N+2"), ["N", "N+1", "N+2"]).statut == "faux"
    assert "N+2" not in comparer_choix("N+1", "N+2", conseil="relisez L1615-6").message
    assert "choix possibles" in comparer_choix("Tracé D", "C", traces, synonymes=synonymes).message
    assert "entre guillemets" in comparer_choix(3, "C", traces).conseil + comparer_choix([1], "C").conseil


def test_html_du_retour_echappe() -> None:
    retour = comparer_choix("<b>x</b>", empreinte("y"))
    assert "<b>x</b>" not in retour._repr_html_()


# --------------------------------------------------------------------------- une banque d'essai

def _banque_essai() -> Banque:
    b = Banque("99-essai", "Essai")

    @b.donnees
    def _donnees(t: Tirage) -> dict:  # type: ignore[type-arg]
        return {"travaux": t.montant(500_000, 1_500_000, arrondi=10_000, livre=820_000),
                "jours": t.entier(30, 90, livre=45)}

    @b.exercice("ttc", "Le coût TTC", unite="euros", enonce="Les travaux coûtent {travaux:euros} HT.",
                regle="le TTC = le HT × (1 + le taux normal)")
    def _(reponse, d):  # type: ignore[no-untyped-def]
        if reponse == d["travaux"]:
            return faux("c'est le montant HT.", "ajoutez la TVA.")
        return comparer_montant(reponse, d["travaux"] * 1.2)

    @b.exercice("double", "Le double de 21")
    def _(reponse):  # type: ignore[no-untyped-def]  # l'ancienne signature, sans données
        return comparer_montant(reponse, 42, tolerance=0)

    return b


def test_modes_de_test(monkeypatch: pytest.MonkeyPatch) -> None:
    ex = _banque_essai()["double"]
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
    b = Banque("99-essai", "Essai")

    @b.exercice("plan", "Un plan")
    def _(reponse):  # type: ignore[no-untyped-def]
        from mba_territoires.erreurs import ErreurMontant

        raise ErreurMontant("le montant est négatif", conseil="saisissez un montant positif")

    retour = b["plan"].verifier(-3)
    assert retour.statut == "faux" and "négatif" in retour.message


def test_variantes_deterministes_et_differentes() -> None:
    b = _banque_essai()
    livre = b.variante(None)
    assert dict(livre) == {"travaux": 820_000, "jours": 45} and livre.variante == "livre"
    a1, a2 = b.variante("alice@exemple.fr"), b.variante("ALICE@exemple.fr ")
    assert dict(a1) == dict(a2)  # l'identifiant est lu sans casse ni espaces autour
    assert dict(b.variante("bob@exemple.fr")) != dict(a1)
    assert Tirage("alice", "99-essai").variante == Tirage("alice", "99-essai").variante != "livre"
    assert Tirage("alice", "99-essai").variante != Tirage("alice", "98-autre").variante  # le carnet compte
    for nom in ("alice", "bob", "chloe", "dan"):  # bornes réalistes respectées
        d = b.variante(nom)
        assert 500_000 <= d.travaux <= 1_500_000 and d.travaux % 10_000 == 0 and 30 <= d.jours <= 90


def test_la_verification_recoit_les_donnees_de_l_apprenant(tmp_path: Path) -> None:
    b = _banque_essai()
    alice = Carnet(b, dossier=tmp_path, apprenant="alice@exemple.fr")
    attendu = alice.donnees.travaux * 1.2
    assert alice.verifier("ttc", attendu).reussi
    assert not Carnet(b, dossier=tmp_path, apprenant="").verifier("ttc", attendu).reussi  # le livre : autre chiffre
    assert Carnet(b, dossier=tmp_path, apprenant="").verifier("ttc", 984_000).reussi  # 820 000 × 1,2
    assert b.attendu("ttc") == pytest.approx(984_000)
    assert b.attendu("ttc", alice.donnees) == pytest.approx(attendu)
    assert b.attendu("double") == 42  # une banque sans données marche comme avant
    assert "Pas encore" in str(alice.verifier("double", 41))


def test_l_identifiant_vient_de_l_environnement_ou_du_carnet(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    b = _banque_essai()
    monkeypatch.setenv("MBA_TERRITOIRES_APPRENANT", "alice@exemple.fr")
    assert Carnet(b, dossier=tmp_path).donnees == b.variante("alice@exemple.fr")
    assert Carnet(b, dossier=tmp_path, apprenant="bob").donnees == b.variante("bob")
    assert Carnet(b, dossier=tmp_path, apprenant="").variante == "livre"  # forcer le livre
    assert carnet(CARNET_00, sauvegarde=False, apprenant="alice").variante == Tirage("alice", CARNET_00).variante


def test_l_enonce_affiche_les_chiffres_de_l_apprenant_en_francais() -> None:
    b = _banque_essai()
    livre = Carnet(b, sauvegarde=False, apprenant="").enonce("ttc")
    assert "820\u202f000\xa0€ HT" in str(livre) and "variante du livre" in str(livre)
    alice = Carnet(b, sauvegarde=False, apprenant="alice")
    texte = str(alice.enonce("ttc"))
    assert "820\u202f000" not in texte and alice.variante in texte
    assert "<div" in alice.enonce("ttc")._repr_html_()
    assert alice.donnees.travaux == alice.donnees["travaux"]
    with pytest.raises(ErreurExercice, match="pas de chiffre « inconnu »"):
        alice.donnees.inconnu  # noqa: B018
    assert "ex.donnees.travaux" in alice.donnees._repr_html_()


def test_les_formats_d_enonce_et_les_tirages_impossibles() -> None:
    from mba_territoires.exercices.variantes import Donnees, formater_enonce
    from mba_territoires.formats import texte_brut

    d = Donnees({"m": 1234.5, "t": 0.16404, "u": 0.055, "n": 12, "j": 3.5, "ok": True, "nom": "Valfleuri"})
    texte = texte_brut(formater_enonce("{m:euros} {m:euros2} {t:taux} {u:taux} {n:personnes} {j:jours} {ok} {nom} {n}",
                                       d))
    assert texte == "1 234,50 € 1 234,50 € 16,404 % 5,5 % 12 personnes 3,5 jours oui Valfleuri 12"
    assert formater_enonce(lambda donnees: f"n = {donnees.n}", d) == "n = 12"
    with pytest.raises(ErreurExercice, match="chiffre absent des données"):
        formater_enonce("{absent:euros}", d)
    with pytest.raises(ErreurExercice, match="ne se modifient pas"):
        d.n = 3  # type: ignore[misc]
    t = Tirage("x", "99-essai")
    for tirer in (lambda: t.entier(5, 1), lambda: t.montant(10, 20, arrondi=100), lambda: t.taux(0.5, 0.1),
                  lambda: t.choix([]), lambda: t.montant(1, 2, arrondi=0)):
        with pytest.raises(ErreurExercice, match="tirage impossible|aucun multiple"):
            tirer()
    assert sorted(t.melange([1, 2, 3])) == [1, 2, 3]
    with pytest.raises(ErreurExercice, match="doit être un texte"):
        carnet(CARNET_00, sauvegarde=False, apprenant=42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- anti-dichotomie

def test_apres_trois_essais_plus_de_trop_grand_ni_trop_petit(tmp_path: Path) -> None:
    b = _banque_essai()
    ex = Carnet(b, dossier=tmp_path, apprenant="")  # attendu : 984 000
    essais = [ex.verifier("ttc", r) for r in (500_000, 1_500_000, 900_000)]
    assert [("trop petite" in e.message, "trop grande" in e.message) for e in essais] == [
        (True, False), (False, True), (True, False)]
    quatrieme = ex.verifier("ttc", 1_000_000)
    assert "trop" not in quatrieme.message and "proche" not in quatrieme.message
    assert "relisez la règle : le TTC = le HT × (1 + le taux normal)" in quatrieme.conseil
    # Les erreurs reconnues (méthode fausse identifiée) continuent à chaque essai.
    assert ex.verifier("ttc", 820_000).conseil == "ajoutez la TVA."
    assert "10 fois trop grande" in ex.verifier("ttc", 9_840_000).conseil
    # Le compte vient de la progression : il survit au redémarrage du noyau.
    relu = Carnet(b, dossier=tmp_path, apprenant="")
    assert relu.essais_faux("ttc") == 6
    assert "relisez la règle" in relu.verifier("ttc", 990_000).conseil
    assert relu.verifier("ttc", 984_000).reussi


def test_anti_dichotomie_sans_sauvegarde() -> None:
    ex = Carnet(_banque_essai(), sauvegarde=False, apprenant="")
    for r in (1, 2, 3):
        assert "trop petite" in ex.verifier("ttc", r).message
    assert "trop" not in ex.verifier("ttc", 4).message


# --------------------------------------------------------------------------- identifiants inconnus

def test_carnet_ou_exercice_inconnu() -> None:
    with pytest.raises(ErreurExercice, match="aucun exercice n'est déclaré"):
        carnet("42-inexistant")
    with pytest.raises(ErreurExercice, match="vouliez-vous écrire « 00-prise-en-main »"):
        carnet("00-prise-en-mai")
    ex = carnet(CARNET_00, sauvegarde=False)
    with pytest.raises(ExerciceInconnu, match="exercices disponibles : habitants-60-plus"):
        ex.verifier("inconnu", 3)
    with pytest.raises(ExerciceInconnu, match="vouliez-vous écrire « cout-ttc »"):
        ex.verifier("cout-tcc", 3)
    with pytest.raises(ExerciceInconnu, match="celui du carnet « 03-plan-de-financement »"):
        ex.verifier("fctva", 3)
    with pytest.raises(ExerciceInconnu, match="entre guillemets"):
        ex.verifier(3, 3)
    assert issubclass(ExerciceInconnu, ErreurSaisie)


class _CoquilleIPython:
    """Un noyau IPython réduit à ce que le gestionnaire d'erreurs utilise."""

    def __init__(self) -> None:
        self.custom_exceptions: tuple = ()  # type: ignore[type-arg]
        self.affiche: list[list[str]] = []

    def set_custom_exc(self, types, gestionnaire) -> None:  # type: ignore[no-untyped-def]
        import types as _types

        self.custom_exceptions = types
        self.gestionnaire = _types.MethodType(gestionnaire, self)

    def _showtraceback(self, etype, valeur, stb) -> None:  # type: ignore[no-untyped-def]
        self.affiche.append(stb)


def test_dans_jupyter_le_message_francais_seul(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("IPython")
    import IPython

    from mba_territoires.exercices import progression

    coquille = _CoquilleIPython()
    monkeypatch.setattr(IPython, "get_ipython", lambda: coquille)
    ex = carnet(CARNET_00, sauvegarde=False)
    assert coquille.custom_exceptions and issubclass(ExerciceInconnu, coquille.custom_exceptions[0])
    try:
        ex.verifier("cout-tcc", 1)
    except ExerciceInconnu as erreur:
        coquille.gestionnaire(type(erreur), erreur, erreur.__traceback__)
    (affiche,) = coquille.affiche
    texte = "\n".join(affiche)
    assert "vouliez-vous écrire « cout-ttc »" in texte
    assert "Traceback" not in texte and "progression.py" not in texte and "File " not in texte
    progression._installer_messages_francais()  # une seconde fois : rien ne change
    assert len(coquille.custom_exceptions) == 1


@pytest.mark.livre
def test_dans_un_vrai_noyau_seul_le_message_francais_s_affiche(tmp_path: Path, noyau_ipc) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('import mba_territoires as mt\nex = mt.carnet("00-prise-en-main", sauvegarde=False)'),
        nbformat.v4.new_code_cell('ex.verifier("cout-tcc", 1)'),
        nbformat.v4.new_code_cell('ex.verifier("fctva", 1)'),
    ])
    nbclient.NotebookClient(nb, km=noyau_ipc(), allow_errors=True, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    for cellule, attendu in ((nb.cells[1], "vouliez-vous écrire « cout-ttc »"),
                             (nb.cells[2], "celui du carnet « 03-plan-de-financement »")):
        (sortie,) = cellule.outputs
        assert sortie.output_type == "error"  # la cellule est bien en erreur (« Tout exécuter » s'arrête)
        texte = "\n".join(sortie.traceback)
        assert attendu in texte
        assert "Traceback" not in texte and ".py" not in texte and "File " not in texte


# --------------------------------------------------------------------------- la progression ne perd rien

def _fichier(dossier: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((dossier / f"{CARNET_00}.reponses.json").read_text(encoding="utf-8"))


def test_chaque_tentative_est_enregistree(tmp_path: Path) -> None:
    ex = carnet(CARNET_00, dossier=tmp_path, apprenant="")
    assert ex.progression().faits == 0
    ex.verifier("cout-ttc", 640_000)  # faux : le HT
    ex.verifier("cout-ttc", 768_000)  # juste : 640 000 × 1,2
    ex.verifier("cout-ttc", 1)  # faux après le juste : la première réussite reste
    etat = _fichier(tmp_path)
    entree = etat["exercices"]["cout-ttc"]
    assert [t["reponse"] for t in entree["tentatives"]] == [640_000, 768_000, 1]
    assert [t["statut"] for t in entree["tentatives"]] == ["faux", "juste", "faux"]
    assert all(t["variante"] == "livre" and t["horodatage"] for t in entree["tentatives"])
    assert entree["premiere_reussite"]["reponse"] == 768_000 and entree["premiere_reussite"]["essai"] == 2
    assert entree["statut"] == "faux" and entree["reponse"] == 1  # l'état courant
    assert etat["format"] == 2 and etat["carnet"] == CARNET_00 and etat["variante"] == "livre"
    # Un « nouveau noyau » relit le fichier : rien n'est perdu, la réussite compte encore.
    relu = carnet(CARNET_00, dossier=tmp_path, apprenant="")
    assert relu.progression().faits == 1
    assert relu.reponse("cout-ttc") == 1 and len(relu.tentatives("cout-ttc")) == 3
    assert "1/5 exercices réussis" in repr(relu.progression())


def test_reexecuter_le_carnet_ajoute_sans_effacer(tmp_path: Path) -> None:
    for _ in range(2):  # le carnet exécuté deux fois de haut en bas
        ex = carnet(CARNET_00, dossier=tmp_path, apprenant="")
        ex.verifier("habitants-60-plus", 940)
        ex.verifier("cout-ttc", ...)  # une réponse vide n'est pas enregistrée
    entree = _fichier(tmp_path)["exercices"]
    assert len(entree["habitants-60-plus"]["tentatives"]) == 2 and "cout-ttc" not in entree
    assert entree["habitants-60-plus"]["premiere_reussite"]["essai"] == 1


def test_reponse_relue_apres_redemarrage(tmp_path: Path) -> None:
    import numpy as np

    ex = carnet(CARNET_00, dossier=tmp_path, apprenant="")
    assert ex.reponse("habitants-60-plus") is ...  # rien d'enregistré : la cellule reste « à compléter »
    ex.verifier("habitants-60-plus", np.int64(940))  # un entier numpy (somme pandas) est enregistré en nombre
    ex.verifier("part-60-plus", np.float64(0.35))
    ex.verifier("part-60-plus", (0, 35))  # « 0,35 » tapé sans guillemets : enregistré, relu tel quel
    nouveau = carnet(CARNET_00, dossier=tmp_path, apprenant="")
    assert nouveau.reponse("habitants-60-plus") == 940 and type(nouveau.reponse("habitants-60-plus")) is int
    assert nouveau.reponse("part-60-plus") == (0, 35)
    assert nouveau.verifier("habitants-60-plus", nouveau.reponse("habitants-60-plus")).reussi
    with pytest.raises(ExerciceInconnu, match="exercices disponibles : habitants-60-plus"):
        nouveau.reponse("inconnu")


def test_un_fichier_abime_est_mis_de_cote_jamais_ecrase(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:  # type: ignore[type-arg]
    fichier = tmp_path / f"{CARNET_00}.reponses.json"
    fichier.write_text('{"exercices": {"cout-ttc": {"tentatives": [{"rep', encoding="utf-8")
    ex = carnet(CARNET_00, dossier=tmp_path, apprenant="")
    assert ex.reponse("cout-ttc") is ...
    message = capsys.readouterr().out
    assert "était abîmé" in message and "mis de côté" in message and "Traceback" not in message
    (cote,) = tmp_path.glob("*.abime-*.json")
    assert cote.read_text(encoding="utf-8").startswith('{"exercices": {"cout-ttc"')  # intact
    assert ex.verifier("cout-ttc", 768_000).reussi
    assert _fichier(tmp_path)["exercices"]["cout-ttc"]["tentatives"][0]["reponse"] == 768_000
    # Une seconde corruption : un second fichier mis de côté, le premier n'est pas écrasé.
    fichier.write_text("[1, 2", encoding="utf-8")
    carnet(CARNET_00, dossier=tmp_path, apprenant="").progression()
    assert len(list(tmp_path.glob("*.abime-*.json"))) == 2
    assert cote.read_text(encoding="utf-8").startswith('{"exercices"')


def test_un_fichier_illisible_n_est_jamais_ecrase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture) -> None:  # type: ignore[type-arg]
    fichier = tmp_path / f"{CARNET_00}.reponses.json"
    fichier.write_text('{"exercices": {}}', encoding="utf-8")
    lire = Path.read_text

    def refuser(chemin: Path, *args: object, **kwargs: object) -> str:
        if chemin == fichier:
            raise PermissionError("permission refusée")
        return lire(chemin, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", refuser)
    ex = carnet(CARNET_00, dossier=tmp_path, apprenant="")
    assert ex.verifier("cout-ttc", 768_000).reussi  # la vérification s'affiche
    assert "ne seront pas enregistrées" in capsys.readouterr().out
    monkeypatch.setattr(Path, "read_text", lire)
    assert fichier.read_text(encoding="utf-8") == '{"exercices": {}}'  # intact


def test_un_fichier_ancien_ou_partiellement_abime_se_relit(tmp_path: Path) -> None:
    ancien = {"cout-ttc": {"statut": "juste", "reponse": 768_000, "horodatage": "2026-01-05T10:00:00"},
              "habitants-60-plus": "abîmé"}
    (tmp_path / f"{CARNET_00}.reponses.json").write_text(json.dumps(ancien), encoding="utf-8")
    ex = carnet(CARNET_00, dossier=tmp_path, apprenant="")
    assert ex.reponse("cout-ttc") == 768_000 and ex.reponse("habitants-60-plus") is ...
    ex.verifier("habitants-60-plus", 940)
    entree = _fichier(tmp_path)["exercices"]
    assert entree["cout-ttc"]["tentatives"][0]["reponse"] == 768_000  # l'ancienne réponse est gardée
    assert not list(tmp_path.glob("*.abime-*"))


def test_l_ecriture_est_atomique(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ex = carnet(CARNET_00, dossier=tmp_path, apprenant="")
    ex.verifier("cout-ttc", 768_000)
    avant = (tmp_path / f"{CARNET_00}.reponses.json").read_text(encoding="utf-8")

    def panne(*_args: object) -> None:
        raise OSError("disque plein")

    monkeypatch.setattr(os, "replace", panne)
    assert ex.verifier("cout-ttc", 1).statut == "faux"  # la vérification s'affiche quand même
    assert (tmp_path / f"{CARNET_00}.reponses.json").read_text(encoding="utf-8") == avant  # intact
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # aucun fichier temporaire laissé


def test_une_reponse_vide_n_est_pas_enregistree(tmp_path: Path) -> None:
    carnet(CARNET_00, dossier=tmp_path).verifier("cout-ttc", ...)
    assert not (tmp_path / f"{CARNET_00}.reponses.json").exists()


def test_la_progression_nomme_le_fichier_a_rendre(tmp_path: Path) -> None:
    ex = carnet(CARNET_00, dossier=tmp_path, apprenant="")
    ex.verifier("cout-ttc", 768_000)
    progression = ex.progression()
    texte = repr(progression)
    assert "1/5 exercices réussis" in texte
    assert "« 00-prise-en-main.reponses.json »" in texte and str(tmp_path) in texte
    assert "redémarrage du noyau" in texte and "rendez à votre enseignant" in texte
    assert "00-prise-en-main.reponses.json" in progression._repr_html_()
    assert "reponses.json" not in repr(carnet(CARNET_00, sauvegarde=False).progression())


def test_une_reussite_sous_une_autre_variante_ne_compte_pas(tmp_path: Path) -> None:
    carnet(CARNET_00, dossier=tmp_path, apprenant="").verifier("cout-ttc", 768_000)
    alice = carnet(CARNET_00, dossier=tmp_path, apprenant="camille.martin@exemple.fr")
    assert alice.progression().faits == 0


# --------------------------------------------------------------------------- les vérifications du carnet 00
#
# Variante du livre (sans identifiant) : Valfleuri ; 0-14 ans 420, 15-29 ans 350, 30-44 ans 455,
# 45-59 ans 540, 60-74 ans 565, 75 ans ou plus 375 (total 2 705) ; travaux 640 000 € HT ; DETR 40 % ;
# Département 60 000 €. Taux normal de TVA : 20 % (CGI, art. 278).
# Variante de « camille.martin@exemple.fr » : Montclaret ; 795, 200, 655, 935, 355, 385 (total 3 325) ;
# travaux 800 000 € HT ; DETR 45 % ; Département 35 000 €.

CAMILLE = "camille.martin@exemple.fr"


def test_les_donnees_des_deux_variantes_epinglees() -> None:
    b = banque(CARNET_00)
    assert dict(b.variante(None)) == {
        "commune": "Valfleuri", "age_0_14": 420, "age_15_29": 350, "age_30_44": 455, "age_45_59": 540,
        "age_60_74": 565, "age_75_plus": 375, "travaux": 640_000, "taux_detr": 0.40, "aide_departement": 60_000}
    assert dict(b.variante(CAMILLE)) == {
        "commune": "Montclaret", "age_0_14": 795, "age_15_29": 200, "age_30_44": 655, "age_45_59": 935,
        "age_60_74": 355, "age_75_plus": 385, "travaux": 800_000, "taux_detr": 0.45, "aide_departement": 35_000}


@pytest.mark.parametrize(
    ("ident", "reponse", "statut", "indice"),
    [
        # 60 ans ou plus : 565 + 375 = 940
        ("habitants-60-plus", 940, "juste", ""),
        ("habitants-60-plus", ..., "vide", ""),
        ("habitants-60-plus", 565, "faux", "75 ans ou plus"),  # les 60-74 ans seuls
        ("habitants-60-plus", 375, "faux", "60-74 ans"),  # les 75 ans ou plus seuls
        ("habitants-60-plus", 1480, "faux", "45-59 ans"),  # 940 + 540
        ("habitants-60-plus", 2705, "faux", "toute la population"),
        ("habitants-60-plus", 9400, "faux", "en habitants"),  # dix fois trop : l'unité est l'habitant
        ("habitants-60-plus", 941, "faux", "proche"),
        # Part : 940 / 2 705 = 0,3475
        ("part-60-plus", 0.3475, "juste", ""),
        ("part-60-plus", 0.35, "juste", ""),  # à 0,005 près
        ("part-60-plus", 940 / 1765, "faux", "moins de 60 ans seulement"),  # 2 705 − 940 = 1 765
        ("part-60-plus", 1 - 940 / 2705, "faux", "part des moins de 60 ans"),  # 0,6525
        ("part-60-plus", 565 / 2705, "faux", "une des deux tranches"),  # 0,2089
        ("part-60-plus", 34.75, "faux", "décimales"),
        ("part-60-plus", "34,75 %", "faux", "0.25 pour 25 %"),
        ("part-60-plus", (0, 35), "faux", "virgule"),
        # La plus nombreuse : 60-74 ans (565)
        ("tranche-la-plus-nombreuse", "60-74 ans", "juste", ""),
        ("tranche-la-plus-nombreuse", "60-74 ANS", "juste", ""),
        ("tranche-la-plus-nombreuse", " 60_74 ans", "juste", ""),
        ("tranche-la-plus-nombreuse", "45-59 ans", "faux", "un autre est plus grand"),
        ("tranche-la-plus-nombreuse", "les vieux", "faux", "colonne « groupe »"),
        # TTC : 640 000 × 1,20 = 768 000
        ("cout-ttc", 768_000, "juste", ""),
        ("cout-ttc", 768_000.4, "juste", ""),
        ("cout-ttc", 128_000, "faux", "la TVA seule"),  # 640 000 × 0,20
        ("cout-ttc", 640_000, "faux", "ajoutez la TVA"),
        ("cout-ttc", 675_200, "faux", "taux réduit"),  # 640 000 × 1,055
        ("cout-ttc", 704_000, "faux", "taux réduit"),  # 640 000 × 1,10
        ("cout-ttc", "768000", "faux", "sans guillemets"),
        ("cout-ttc", 7_680_000, "faux", "10 fois trop grande"),
        # Reste à charge : 640 000 − 40 % × 640 000 (256 000) − 60 000 = 324 000
        ("reste-a-charge", 324_000, "juste", ""),
        ("reste-a-charge", 256_000, "faux", "montant de la DETR"),
        ("reste-a-charge", 384_000, "faux", "oublié l'aide du Département"),  # 640 000 − 256 000
        ("reste-a-charge", 580_000, "faux", "oublié la DETR"),  # 640 000 − 60 000
        ("reste-a-charge", 444_000, "faux", "au lieu de la retrancher"),  # 384 000 + 60 000
        ("reste-a-charge", 400_800, "faux", "coût TTC"),  # 768 000 − 40 % × 768 000 − 60 000
        ("reste-a-charge", 452_000, "faux", "coût TTC"),  # 768 000 − 256 000 − 60 000
        ("reste-a-charge", -324_000, "faux", "en positif"),
    ],
)
def test_verifications_du_carnet_00_variante_du_livre(ident: str, reponse: object, statut: str, indice: str) -> None:
    retour = carnet(CARNET_00, sauvegarde=False, apprenant="").verifier(ident, reponse)
    assert retour.statut == statut, retour
    assert indice in retour.message + retour.conseil
    if statut == "faux":  # l'indice ne révèle jamais la réponse
        for attendu in ("940", "0.347", "0,347", "34,8", "768", "324"):
            assert attendu not in (retour.message + retour.conseil).replace(str(reponse), "")


@pytest.mark.parametrize(
    ("ident", "reponse", "statut", "indice"),
    [
        ("habitants-60-plus", 740, "juste", ""),  # 355 + 385
        ("habitants-60-plus", 355, "faux", "75 ans ou plus"),
        ("habitants-60-plus", 940, "faux", "trop grande"),  # la réponse du livre n'est pas la sienne
        ("part-60-plus", 0.2226, "juste", ""),  # 740 / 3 325 = 0,22256
        ("part-60-plus", 740 / 2585, "faux", "moins de 60 ans seulement"),  # 3 325 − 740 = 2 585
        ("tranche-la-plus-nombreuse", "45-59 ans", "juste", ""),  # 935
        ("tranche-la-plus-nombreuse", "60-74 ans", "faux", ""),
        ("cout-ttc", 960_000, "juste", ""),  # 800 000 × 1,20
        ("cout-ttc", 768_000, "faux", ""),
        ("reste-a-charge", 405_000, "juste", ""),  # 800 000 − 360 000 − 35 000
        ("reste-a-charge", 360_000, "faux", "montant de la DETR"),  # 45 % × 800 000
        ("reste-a-charge", 440_000, "faux", "oublié l'aide du Département"),  # 800 000 − 360 000
    ],
)
def test_verifications_du_carnet_00_autre_variante(ident: str, reponse: object, statut: str, indice: str) -> None:
    retour = carnet(CARNET_00, sauvegarde=False, apprenant=CAMILLE).verifier(ident, reponse)
    assert retour.statut == statut, retour
    assert indice in retour.message + retour.conseil


def test_attendus_du_carnet_00_calcules_a_la_main() -> None:
    b = banque(CARNET_00)
    livre, camille = b.variante(None), b.variante(CAMILLE)
    assert b.attendu("habitants-60-plus", livre) == 940 and b.attendu("habitants-60-plus", camille) == 740
    assert b.attendu("part-60-plus", livre) == pytest.approx(940 / 2705)
    assert b.attendu("part-60-plus", camille) == pytest.approx(740 / 3325)
    assert b.attendu("tranche-la-plus-nombreuse", livre) == "60-74 ans"
    assert b.attendu("cout-ttc", livre) == pytest.approx(768_000)
    assert b.attendu("cout-ttc", camille) == pytest.approx(960_000)
    assert b.attendu("reste-a-charge", livre) == pytest.approx(324_000)
    assert b.attendu("reste-a-charge", camille) == pytest.approx(405_000)
    assert b.enonce("reste-a-charge", livre).startswith("Pour ces travaux de 640\u202f000\xa0€ HT, Valfleuri")


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
    idents, appels = _appels_verifier(chemin)
    assert len(idents) == appels, f"{chemin.name} : chaque ex.verifier(...) nomme son exercice en toutes lettres"
    declares = banque(chemin.stem).identifiants()
    inconnus = sorted(set(idents) - set(declares))
    assert not inconnus, f"{chemin.name} vérifie des exercices absents de sa banque : {inconnus}"
    oublies = [i for i in declares if i not in idents]
    assert not oublies, f"{chemin.name} n'utilise pas ces exercices de sa banque : {oublies}"
