"""La commande ``mba-territoires`` : aide et erreurs en français, familles cas, edition et lien, et
chaque commande du guide de l'enseignant exécutée telle qu'elle y est écrite."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import zipfile
from pathlib import Path

import pytest

from mba_territoires.cli import main, traduire
from mba_territoires.exercices import carnet

RACINE = Path(__file__).resolve().parents[1]
GUIDE = RACINE / "book" / "guide-enseignant.md"
DEPOT = "https://github.com/mba-territoires/mba-territoires"
CARNET = "notebooks/00-prise-en-main.ipynb"


@pytest.fixture
def depot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Une copie du dépôt (carnets, cas, configuration du livre) où la commande est lancée : les tests
    n'écrivent jamais dans le vrai dépôt."""
    copie = tmp_path / "depot"
    copie.mkdir()
    shutil.copytree(RACINE / "notebooks", copie / "notebooks",
                    ignore=shutil.ignore_patterns("*.reponses.json", ".ipynb_checkpoints"))
    shutil.copytree(RACINE / "casestudies", copie / "casestudies")
    shutil.copy(RACINE / "_config.yml", copie / "_config.yml")
    monkeypatch.chdir(copie)
    return copie


# --------------------------------------------------------------------------- en français


def test_aide_en_francais(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as fin:
        main(["--help"])
    assert fin.value.code == 0
    aide = capsys.readouterr().out
    assert aide.startswith("utilisation : mba-territoires")
    assert "affiche cette aide et s'arrête" in aide and "options :" in aide
    assert "usage" not in aide and "show this help" not in aide
    for famille in ("cas", "edition", "lien"):
        assert famille in aide


@pytest.mark.parametrize(
    ("argv", "extrait"),
    [
        ([], "arguments obligatoires manquants : {cas,edition,examen,lien,prechauffer}"),
        (["edition"], "arguments obligatoires manquants : action"),
        (["lien", "jupyterhub", "--hub", "https://hub.ecole.fr"], "arguments obligatoires manquants : --depot, "
         "--carnet"),
        (["lien", "binder", "--depot", DEPOT, "--carnet", CARNET, "--interface", "vscode"],
         "argument --interface : choix invalide : 'vscode' (choix possibles : 'lab', 'notebook')"),
        (["cas", "liste", "--en-trop"], "arguments non reconnus : --en-trop"),
        (["lien", "binder", "--depot"], "argument --depot : une valeur est attendue"),
    ],
)
def test_erreurs_de_syntaxe_en_francais(argv: list[str], extrait: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as fin:
        main(argv)
    assert fin.value.code == 2
    erreur = capsys.readouterr().err
    assert erreur.startswith("utilisation : mba-territoires")
    assert " : erreur : " in erreur and extrait in erreur
    assert "usage:" not in erreur and "error:" not in erreur


def test_un_message_inconnu_reste_tel_quel() -> None:
    assert traduire("quelque chose d'imprévu") == "quelque chose d'imprévu"


def test_aide_de_chaque_sous_commande(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["edition", "etudiant"], ["edition", "etiquettes"], ["edition", "bilan"], ["lien", "jupyterhub"],
                 ["lien", "binder"], ["cas", "liste"]):
        with pytest.raises(SystemExit):
            main([*argv, "-h"])
        aide = capsys.readouterr().out
        assert aide.startswith(f"utilisation : mba-territoires {' '.join(argv)}"), aide
        assert "show this help" not in aide


# --------------------------------------------------------------------------- les familles


def test_lien_jupyterhub_de_l_exemple(capsys: pytest.CaptureFixture[str], depot: Path) -> None:
    (depot / "notebooks" / "03-plan-de-financement.ipynb").write_text("{}", encoding="utf-8")
    code = main(["lien", "jupyterhub", "--hub", "https://hub.ecole.fr", "--depot", DEPOT, "--carnet",
                 "notebooks/03-plan-de-financement.ipynb", "--branche", "main", "--interface", "lab"])
    assert code == 0
    assert capsys.readouterr().out == (
        "https://hub.ecole.fr/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fmba-territoires%2F"
        "mba-territoires&urlpath=lab%2Ftree%2Fmba-territoires%2Fnotebooks%2F03-plan-de-financement.ipynb"
        "&branch=main\n")


def test_saisie_invalide_code_2_et_message_francais(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["lien", "jupyterhub", "--hub", "hub.ecole.fr", "--depot", DEPOT, "--carnet", CARNET])
    assert code == 2
    sortie = capsys.readouterr()
    assert sortie.out == ""
    assert sortie.err.startswith("Erreur : l'adresse du JupyterHub « hub.ecole.fr » n'est pas une adresse web")
    assert "Conseil :" in sortie.err
    code = main(["lien", "binder", "--depot", DEPOT, "--carnet", "notebooks/99-absent.ipynb"])
    assert code == 2 and "carnets disponibles : notebooks/00-prise-en-main.ipynb" in capsys.readouterr().err


def test_edition_etudiant_et_archive(capsys: pytest.CaptureFixture[str], depot: Path) -> None:
    assert main(["edition", "etudiant", "--sortie", "ed", "--archive", "ed.zip"]) == 0
    sortie = capsys.readouterr().out
    assert "✔ 00-prise-en-main : 5 exercice(s), solutions retirées" in sortie
    assert (depot / "ed" / "notebooks" / "00-prise-en-main.ipynb").is_file()
    with zipfile.ZipFile(depot / "ed.zip") as zf:
        assert "mba-territoires-etudiant/LISEZMOI.md" in zf.namelist()


def test_edition_etudiant_refuse_une_fuite(capsys: pytest.CaptureFixture[str], depot: Path) -> None:
    chemin = depot / "notebooks" / "00-prise-en-main.ipynb"
    chemin.write_text(chemin.read_text(encoding="utf-8").replace("# FIN SOLUTION", "# FIN SOLUTON", 1),
                      encoding="utf-8")
    assert main(["edition", "etudiant"]) == 2
    erreur = capsys.readouterr().err
    assert re.search(r"Erreur : carnet « 00-prise-en-main », cellule \d+ : le marqueur « # FIN SOLUTON »", erreur)
    assert not (depot / "edition-etudiant").exists()


def test_edition_etiquettes(capsys: pytest.CaptureFixture[str], depot: Path) -> None:
    chemin = depot / "notebooks" / "00-prise-en-main.ipynb"
    chemin.write_text(chemin.read_text(encoding="utf-8").replace(',\n     "hide-input"', ""), encoding="utf-8")
    assert main(["edition", "etiquettes", str(chemin)]) == 0
    assert "1 carnet(s) modifié(s) sur 1." in capsys.readouterr().out
    assert chemin.read_text(encoding="utf-8") == (RACINE / "notebooks" / chemin.name).read_text(encoding="utf-8")
    assert main(["edition", "etiquettes"]) == 0
    assert "0 carnet(s) modifié(s)" in capsys.readouterr().out


def test_edition_bilan_dossier_absent(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["edition", "bilan", str(tmp_path / "absent")]) == 2
    assert "le dossier des rendus" in capsys.readouterr().err


def test_cas_liste(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cas", "liste"]) == 0
    assert "ecole-jules-ferry" in capsys.readouterr().out


# --------------------------------------------------------------------------- le guide de l'enseignant


def _blocs(texte: str) -> list[tuple[str, str]]:
    """Les blocs de code du guide, dans l'ordre : (langage, contenu sans l'indentation de liste)."""
    blocs = []
    for indentation, langage, contenu in re.findall(r"^( *)```(\w*)\n(.*?)^\1```", texte, flags=re.M | re.S):
        lignes = [ligne[len(indentation):] if ligne.startswith(indentation) else ligne
                  for ligne in contenu.splitlines()]
        blocs.append((langage, "\n".join(lignes).strip()))
    return blocs


def _commandes(bloc: str) -> list[str]:
    bloc = bloc.replace("\\\n", " ")
    return [ligne.split(" #")[0].strip() for ligne in bloc.splitlines() if ligne.strip()
            and not ligne.strip().startswith("#")]


def _rendus(depot: Path) -> None:
    """Les fichiers rendus de l'exemple du guide : Dupont réussit 4 exercices sur 5 (le coût TTC au 2e essai),
    Martin a écrit « juste » à la main devant 4 réponses fausses, le fichier de Zoé n'est pas du JSON."""
    dupont = carnet("00-prise-en-main", dossier=depot / "rendus" / "dupont@exemple.fr", apprenant="dupont@exemple.fr")
    d = dupont.donnees
    dupont.verifier("habitants-60-plus", d.age_60_74 + d.age_75_plus)
    dupont.verifier("cout-ttc", d.travaux)  # faux : le montant HT
    dupont.verifier("cout-ttc", d.travaux * 1.2)
    dupont.verifier("reste-a-charge", d.travaux * (1 - d.taux_detr) - d.aide_departement)
    dupont.verifier("tranche-la-plus-nombreuse", max(
        ("0-14 ans", d.age_0_14), ("15-29 ans", d.age_15_29), ("30-44 ans", d.age_30_44),
        ("45-59 ans", d.age_45_59), ("60-74 ans", d.age_60_74), ("75 ans ou plus", d.age_75_plus),
        key=lambda groupe: groupe[1])[0])
    martin = depot / "rendus" / "martin@exemple.fr"
    martin.mkdir(parents=True)
    faux_juste = {"tentatives": [{"reponse": 1, "statut": "juste", "variante": "livre", "horodatage": ""}]}
    (martin / "00-prise-en-main.reponses.json").write_text(json.dumps({"exercices": {
        i: faux_juste for i in ("habitants-60-plus", "part-60-plus", "cout-ttc", "reste-a-charge")}}),
        encoding="utf-8")
    (depot / "rendus" / "zoe@exemple.fr").mkdir()
    (depot / "rendus" / "zoe@exemple.fr" / "00-prise-en-main.reponses.json").write_text("{pas du json",
                                                                                       encoding="utf-8")


def test_le_guide_ne_montre_que_des_commandes_make_et_mba_territoires() -> None:
    for langage, bloc in _blocs(GUIDE.read_text(encoding="utf-8")):
        if langage == "bash":
            for commande in _commandes(bloc):
                assert commande.split()[0] in ("make", "mba-territoires"), commande


def test_les_cibles_make_du_guide_existent() -> None:
    makefile = (RACINE / "Makefile").read_text(encoding="utf-8")
    cibles = set(re.findall(r"^([\w-]+):", makefile, flags=re.M))
    nommees = [c.split()[1] for langage, bloc in _blocs(GUIDE.read_text(encoding="utf-8")) if langage == "bash"
               for c in _commandes(bloc) if c.startswith("make ")]
    assert nommees, "le guide montre au moins `make book`"
    for cible in nommees:
        assert cible in cibles, f"le guide cite `make {cible}`, absente du Makefile"


def test_chaque_commande_du_guide_s_execute(capsys: pytest.CaptureFixture[str], depot: Path) -> None:
    """Chaque commande ``mba-territoires`` du guide s'exécute telle qu'elle y est écrite (dans une copie du
    dépôt) ; quand le guide montre ensuite la sortie attendue dans un bloc ``text``, elle est identique."""
    _rendus(depot)
    blocs = _blocs(GUIDE.read_text(encoding="utf-8"))
    executees = []
    for i, (langage, bloc) in enumerate(blocs):
        if langage != "bash":
            continue
        for commande in _commandes(bloc):
            if not commande.startswith("mba-territoires"):
                continue
            code = main(shlex.split(commande)[1:])
            sortie = capsys.readouterr()
            assert code == 0, f"`{commande}` a échoué :\n{sortie.err}"
            executees.append(commande)
            suivant = blocs[i + 1] if i + 1 < len(blocs) else ("", "")
            if suivant[0] == "text" and len(_commandes(bloc)) == 1:
                assert sortie.out.strip() == suivant[1], f"la sortie de `{commande}` diffère de celle du guide"
    familles = {" ".join(c.split()[1:3]) for c in executees}
    assert {"edition etudiant", "edition etiquettes", "edition bilan", "lien jupyterhub", "lien binder"} <= familles
    assert (depot / "edition-etudiant" / "notebooks" / "00-prise-en-main.ipynb").is_file()
    assert (depot / "edition-etudiant.zip").is_file()


def test_le_guide_decrit_le_format_de_fichier_des_reponses(depot: Path) -> None:
    _rendus(depot)
    fichier = depot / "rendus" / "dupont@exemple.fr" / "00-prise-en-main.reponses.json"
    assert fichier.name in GUIDE.read_text(encoding="utf-8").replace("rendus/dupont@exemple.fr/", "")
    entree = json.loads(fichier.read_text(encoding="utf-8"))["exercices"]["cout-ttc"]
    assert [t["statut"] for t in entree["tentatives"]] == ["faux", "juste"]  # chaque essai est gardé
    assert entree["premiere_reussite"]["essai"] == 2
