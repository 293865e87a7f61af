"""Les sujets d'examen : deux graines, deux cas valides ; le corrigé vérifié à la main ; la notation infalsifiable."""

from __future__ import annotations

import json

import pytest

from mba_territoires import cas as module_cas
from mba_territoires.cli import main
from mba_territoires.erreurs import ErreurSaisie, ErreurTaux
from mba_territoires.examen import (
    QUESTIONS,
    enregistrer_reponses,
    exporter_notes_csv,
    fuites_du_dossier,
    generer_examen,
    noter_copies,
    tirer_sujet,
)


@pytest.fixture(scope="module")
def deux_sujets(tmp_path_factory):
    return {g: generer_examen(g, tmp_path_factory.mktemp(f"examen-{g}")) for g in (3, 8)}


def _corrige(dossier):
    import yaml

    return yaml.safe_load((dossier / "corrige" / "corrige.yaml").read_text(encoding="utf-8"))


def test_deux_graines_deux_sujets_differents_et_realistes():
    a, b = tirer_sujet(3), tirer_sujet(8)
    assert a != b and (a.commune, a.travaux) != (b.commune, b.travaux)
    for s in (a, b):
        assert 300 <= s.travaux / s.surface_m2 <= 1700  # € HT/m² (Sénat, rapport n° 800)
        assert 0.08 <= s.maitrise_oeuvre / s.travaux <= 0.12
        assert 0.25 <= s.taux_detr <= 0.50  # fourchette de CGCT R2334-27 (20 à 80 %)
        assert 1_200 <= s.population <= 9_000


def test_le_sujet_ne_depend_que_de_la_graine():
    assert tirer_sujet(42) == tirer_sujet(42)


def test_les_deux_dossiers_sont_des_cas_valides(deux_sujets):
    for graine, dossier in deux_sujets.items():
        slug = f"examen-{graine}"
        complet = module_cas.charger(slug, racine=dossier / "corrige" / "casestudies")
        etudiant = module_cas.charger(slug, racine=dossier / "etudiant" / "casestudies")
        assert complet.financement is not None
        assert etudiant.financement is None  # le plan est à construire par l'apprenant
        assert (dossier / "etudiant" / f"{slug}.ipynb").exists()


def test_corrige_recalcule_a_la_main(deux_sujets):
    """Le corrigé du paquet, refait à la main à partir des chiffres du sujet et des textes."""
    for graine, dossier in deux_sujets.items():
        s = tirer_sujet(graine)
        attendu = _corrige(dossier)["attendu"]
        ht = s.travaux + s.maitrise_oeuvre + s.etudes
        ttc = ht * 1.20  # TVA à 20 % sur chaque dépense (CGI art. 278)
        assert attendu["cout_ttc"] == pytest.approx(ttc, abs=0.01)
        # Subventions publiques : DETR au taux du HT, Fonds vert, Région ; le mécénat est privé.
        publiques = s.taux_detr * ht + s.fonds_vert + s.region_aide
        assert attendu["subventions_publiques"] == pytest.approx(publiques, abs=1)
        # Part de la commune dans les financements publics (CGCT L1111-10 III) : son autofinancement
        # (coût HT moins toutes les aides, emprunt compris dans sa part) sur autofinancement + aides publiques.
        mo = ht - publiques - s.mecenat
        assert attendu["part_mo"] == pytest.approx(mo / (mo + publiques), abs=1e-5)
        assert attendu["participation_minimale"] == ("oui" if mo / (mo + publiques) >= 0.20 else "non")
        # FCTVA : 16,404 % du TTC éligible (CGCT L1615-6).
        assert attendu["fctva"] == pytest.approx(0.16404 * ttc, abs=1)
        # Travaux : de 100 000 € HT (dispense, CCP R2122-8, 2026) au seuil européen de 5 404 000 € : adaptée.
        assert 100_000 <= s.travaux < 5_404_000 and attendu["procedure_travaux"] == "adaptee"
        # Annuité constante : C·t / (1 − (1 + t)^−n), t = 3,5 %.
        t, n = 0.035, s.duree_emprunt
        assert attendu["annuite"] == pytest.approx(s.emprunt * t / (1 - (1 + t) ** -n), abs=0.5)


def test_le_dossier_etudiant_ne_contient_aucune_reponse(deux_sujets):
    for dossier in deux_sujets.values():
        assert fuites_du_dossier(dossier / "etudiant", _corrige(dossier)["attendu"]) == []


def test_le_detecteur_de_fuites_trouve_une_reponse_plantee(deux_sujets, tmp_path):
    dossier = deux_sujets[3]
    attendu = _corrige(dossier)["attendu"]
    plante = tmp_path / "etudiant"
    plante.mkdir()
    from mba_territoires.formats import euros

    (plante / "indice.md").write_text(f"Le FCTVA sera de {euros(attendu['fctva'])}.", encoding="utf-8")
    assert any(f.startswith("fctva") for f in fuites_du_dossier(plante, attendu))


def _copie_parfaite(dossier, identifiant, tmp_path):
    c = _corrige(dossier)
    return enregistrer_reponses(c["examen"], identifiant, tmp_path, **c["attendu"])


def test_une_copie_parfaite_a_vingt_et_une_copie_forgee_rien(deux_sujets, tmp_path):
    dossier = deux_sujets[3]
    (tmp_path / "lea").mkdir()
    (tmp_path / "tom").mkdir()
    parfaite = _copie_parfaite(dossier, "lea@ecole.fr", tmp_path / "lea")
    forgee = tmp_path / "tom" / "examen-3.reponses.json"
    forgee.write_text(json.dumps({"examen": "examen-3", "identifiant": "tom@ecole.fr",
                                  "reponses": {q.ident: "juste" for q in QUESTIONS},
                                  "verdicts": {q.ident: "juste" for q in QUESTIONS}, "note": 20}), encoding="utf-8")
    notes, _ = noter_copies(dossier / "corrige", [parfaite, forgee])
    par_id = {c.identifiant: c.note for c in notes}
    assert par_id == {"lea@ecole.fr": 20.0, "tom@ecole.fr": 0.0}
    assert sum(q.points for q in QUESTIONS) == 20


def test_les_fichiers_casses_sont_signales_par_leur_nom(deux_sujets, tmp_path):
    dossier = deux_sujets[3]
    casse = tmp_path / "casse.reponses.json"
    casse.write_text("{pas du json", encoding="utf-8")
    autre = tmp_path / "autre.reponses.json"
    autre.write_text(json.dumps({"examen": "examen-8", "identifiant": "x@y.fr", "reponses": {}}), encoding="utf-8")
    bonne = _copie_parfaite(dossier, "lea@ecole.fr", tmp_path)
    notes, problemes = noter_copies(dossier / "corrige", [casse, autre, bonne])
    assert [c.identifiant for c in notes] == ["lea@ecole.fr"]
    assert any(p.startswith("casse.reponses.json") for p in problemes)
    assert any(p.startswith("autre.reponses.json") and "examen-8" in p for p in problemes)


def test_une_reponse_a_moitie_juste(deux_sujets, tmp_path):
    c = _corrige(deux_sujets[8])
    chemin = enregistrer_reponses(c["examen"], "ana@ecole.fr", tmp_path, cout_ttc=c["attendu"]["cout_ttc"],
                                  fctva=c["attendu"]["fctva"] + 50, procedure_travaux="MAPA")
    notes, _ = noter_copies(deux_sujets[8] / "corrige", [chemin])
    points = {q.ident: q.points for q in QUESTIONS}
    # Coût TTC juste, FCTVA à 50 € près (hors tolérance d'1 €), « MAPA » synonyme de « adaptee ».
    assert notes[0].note == points["cout_ttc"] + points["procedure_travaux"]


def test_enregistrer_controle_la_forme_sans_corriger(tmp_path):
    with pytest.raises(ErreurTaux):
        enregistrer_reponses("examen-3", "lea@ecole.fr", tmp_path, part_mo=20)
    with pytest.raises(ErreurSaisie, match="identifiant"):
        enregistrer_reponses("examen-3", ..., tmp_path, fctva=1000)
    # Sans réponse, rien n'est écrit (le carnet étudiant s'exécute sans erreur).
    assert not enregistrer_reponses("examen-3", ..., tmp_path, fctva=...).exists()


def test_un_fichier_abime_est_mis_de_cote(tmp_path):
    chemin = tmp_path / "examen-3.reponses.json"
    chemin.write_text("{abîmé", encoding="utf-8")
    enregistrer_reponses("examen-3", "lea@ecole.fr", tmp_path, fctva=1000)
    assert json.loads(chemin.read_text(encoding="utf-8"))["reponses"] == {"fctva": 1000.0}
    assert [p.read_text(encoding="utf-8") for p in tmp_path.glob("*.abime-*.json")] == ["{abîmé"]


def test_csv_moodle(deux_sujets, tmp_path):
    chemin = _copie_parfaite(deux_sujets[3], "lea@ecole.fr", tmp_path)
    notes, _ = noter_copies(deux_sujets[3] / "corrige", [chemin])
    csv = exporter_notes_csv(notes, tmp_path / "notes.csv", colonne="Examen n° 3").read_text(encoding="utf-8")
    assert csv.splitlines() == ["Adresse de courriel,Examen n° 3", "lea@ecole.fr,20.00"]


def test_ligne_de_commande(tmp_path, capsys):
    assert main(["examen", "--graine", "5", "--sortie", str(tmp_path / "s")]) == 0
    assert (tmp_path / "s" / "etudiant" / "README.md").exists()
    c = _corrige(tmp_path / "s")
    rendus = tmp_path / "rendus"
    rendus.mkdir()
    enregistrer_reponses(c["examen"], "lea@ecole.fr", rendus, **c["attendu"])
    assert main(["examen", "--noter", str(rendus), "--corrige", str(tmp_path / "s" / "corrige"),
                 "--csv", str(tmp_path / "n.csv")]) == 0
    assert "lea@ecole.fr : 20.00 / 20" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["examen", "--graine", "5"])


def test_le_carnet_etudiant_s_execute_sans_reponse(deux_sujets, noyau_ipc):
    nbclient = pytest.importorskip("nbclient")
    import nbformat

    dossier = deux_sujets[3] / "etudiant"
    carnet = nbformat.read(dossier / "examen-3.ipynb", as_version=4)
    nbclient.NotebookClient(carnet, km=noyau_ipc(), timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(dossier)}}).execute()
    assert not list(dossier.glob("*.reponses.json"))


def test_les_deux_sujets_n_ont_pas_le_meme_verdict(deux_sujets):
    # Graine 3 : la commune apporte plus de 20 % des financements publics ; graine 8 : environ 9 %.
    verdicts = {g: _corrige(d)["attendu"]["participation_minimale"] for g, d in deux_sujets.items()}
    assert verdicts == {3: "oui", 8: "non"}
