"""Les éditions : l'édition étudiant ne contient aucune solution et s'exécute de bout en bout ; les
solutions du livre sont repliées (hide-input) ; le bilan des rendus compte les exercices réussis."""

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
    assert rapport.carnets["00-prise-en-main"] == 3
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


def test_bilan_des_rendus(tmp_path: Path) -> None:
    rendus = tmp_path / "rendus"
    ex = carnet("00-prise-en-main", dossier=rendus / "dupont")
    (rendus / "dupont").mkdir(parents=True)
    ex.verifier("population-jeunes", 672)
    ex.verifier("cout-ttc", 820_000)  # faux : le montant HT
    martin = carnet("00-prise-en-main", dossier=tmp_path)
    martin.verifier("population-jeunes", 672)
    martin.verifier("part-retraites", 1164 / 3528)
    martin.verifier("cout-ttc", 984_000)
    (tmp_path / "00-prise-en-main.reponses.json").rename(rendus / "martin-00-prise-en-main.reponses.json")
    (rendus / "zoe").mkdir()
    (rendus / "zoe" / "00-prise-en-main.reponses.json").write_text("{pas du json", encoding="utf-8")
    (rendus / "zoe" / "devoir.reponses.json").write_text("{}", encoding="utf-8")
    resultat = bilan(rendus)
    lignes = {(li.etudiant, li.fichier): li for li in resultat.lignes}
    dupont = lignes[("dupont", "dupont/00-prise-en-main.reponses.json")]
    assert (dupont.carnet, dupont.faits, dupont.tentes, dupont.total) == ("00-prise-en-main", 1, 2, 3)
    martin_l = lignes[("martin", "martin-00-prise-en-main.reponses.json")]
    assert (martin_l.faits, martin_l.total) == (3, 3)
    assert "illisible" in lignes[("zoe", "zoe/00-prise-en-main.reponses.json")].probleme
    assert "carnet non reconnu" in lignes[("zoe", "zoe/devoir.reponses.json")].probleme
    texte = str(resultat)
    assert "dupont  00-prise-en-main : 1/3 réussis (2 tentés)" in texte
    assert "martin  00-prise-en-main : 3/3 réussis (3 tentés)" in texte
    assert len(texte.splitlines()) == 4  # une ligne par fichier rendu
    assert "<td>dupont</td>" in resultat._repr_html_()


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
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
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
    client = nbclient.NotebookClient(carnet_etu, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(dossier)}})
    client.execute()  # lève CellExecutionError, avec la cellule fautive, si une vérification n'est pas « vide »
    exercices = [c for c in carnet_etu.cells if "exercice" in c.metadata.get("tags", [])]
    if chemin.name[:2].isdigit():
        assert len(exercices) >= min(3, len(banque(chemin.stem)))
    for cellule in exercices:
        sortie = json.dumps(cellule.outputs, ensure_ascii=False)
        assert "Pas encore de réponse" in sortie, f"{chemin.name} : {cellule.source[:80]!r}"
    assert not list(tmp_path.glob("*.reponses.json")), "une réponse vide n'est jamais enregistrée"
