"""Une classe sur un vrai JupyterHub : le lien nbgitpuller du cahier, une leçon exécutée, rien de perdu.

Le hub tourne sur 127.0.0.1 (fixture ``classe`` de ``conftest.py``) ; le dépôt est un clone local servi
par ``git http-backend`` sur 127.0.0.1 ; le lien est celui qu'imprime ``mba-territoires lien jupyterhub``.
Lancés par « make test-hub ».
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .classe import RACINE, Apprenant, ErreurHub, Hub, cellules_de_code

pytestmark = pytest.mark.hub

CARNET = "notebooks/03-plan-de-financement.ipynb"
NOM = Path(CARNET).stem


def exercices(apprenant: Apprenant, chemin: str) -> list[str]:
    """Les identifiants des exercices vérifiés dans le carnet (``ex.verifier("ident", …)``), dans l'ordre."""
    return [m.group(1) for s in cellules_de_code(apprenant.carnet(chemin))
            for m in re.finditer(r"ex\.verifier\(\s*[\"']([^\"']+)[\"']", s)]


def lien_du_cahier(hub: str, depot: str, *options: str) -> str:
    """Le lien tel que l'imprime la commande du cahier (dans le dépôt, qui vérifie que le carnet existe)."""
    fini = subprocess.run([str(Path(sys.executable).parent / "mba-territoires"), "lien", "jupyterhub", "--hub", hub,
                           "--depot", depot, "--carnet", CARNET, *options],
                          cwd=RACINE, capture_output=True, text=True, timeout=60)
    assert fini.returncode == 0, fini.stderr
    return fini.stdout.strip()


def apprenant_pret(hub: Hub, nom: str) -> Apprenant:
    """Un compte créé par l'API REST, son serveur démarré, connecté par le formulaire du hub (idempotent)."""
    hub.creer_apprenants([nom])
    hub.demarrer_serveur(nom)
    hub.attendre_serveur(nom)
    apprenant = Apprenant(hub, nom)
    apprenant.se_connecter()
    return apprenant


def executer_lecon(apprenant: Apprenant, chemin: str, jusqua: int | None = None) -> list:
    """Exécute les cellules de code du carnet (toutes, ou les ``jusqua`` premières) dans un noyau du serveur."""
    noyau = apprenant.ouvrir_noyau(chemin)
    try:
        cellules = []
        for source in cellules_de_code(apprenant.carnet(chemin))[:jusqua]:
            cellule = noyau.executer(source)
            assert cellule.erreur is None, f"la cellule {source[:60]!r} lève {cellule.erreur}"
            cellules.append(cellule)
        return cellules
    finally:
        noyau.fermer()


def parcours_de_lecon(apprenant: Apprenant, lien: str) -> tuple[str, list]:
    """Ce que fait un apprenant : suivre le lien, exécuter la leçon. Échoue (ErreurHub) si le lien est faux."""
    chemin = apprenant.suivre_lien(lien)
    return chemin, executer_lecon(apprenant, chemin)


def progression(apprenant: Apprenant) -> dict:
    fichier = apprenant.maison / "mba-territoires" / "notebooks" / f"{NOM}.reponses.json"
    assert fichier.exists(), f"pas de fichier de progression dans le dossier de l'apprenant : {fichier}"
    return exercices_faits(json.loads(fichier.read_text(encoding="utf-8")))


def exercices_faits(contenu: dict) -> dict:
    """Les exercices enregistrés : ``contenu["exercices"]`` (format 2), ou le contenu à plat (format 1)."""
    return contenu["exercices"] if "format" in contenu else contenu


def test_lecon_ouverte_par_le_lien_du_cahier(classe: tuple) -> None:
    depot, hub = classe
    lien = lien_du_cahier(hub.url, depot.url)
    assert lien.startswith(f"{hub.url}/hub/user-redirect/git-pull?repo=")
    alice = apprenant_pret(hub, "alice")
    chemin, cellules = parcours_de_lecon(alice, lien)
    assert chemin == f"mba-territoires/{CARNET}"
    assert (alice.maison / "mba-territoires" / ".git").is_dir()  # le dépôt est cloné chez l'apprenant
    # Les vérifications répondent : « ✔ Bravo » pour chaque exercice (édition enseignant : solutions).
    attendus = exercices(alice, chemin)
    assert len(attendus) >= 3, attendus  # au moins trois exercices par carnet
    retours = [c.texte for c in cellules if "ex.verifier(" in c.source]
    assert len(retours) == len(attendus) and all(r.startswith("✔ Bravo") for r in retours), retours
    # Les figures de la leçon s'affichent dans le carnet de l'apprenant (`plan.graphique();`).
    images = [c.source for c in cellules for s in c.sorties
              if s["msg_type"] == "display_data" and "image/png" in s["content"]["data"]]
    assert any("graphique()" in source for source in images), "aucune figure affichée dans la leçon"
    # Le noyau parle au serveur par sockets Unix (pas de course aux ports TCP quand la classe démarre).
    connexions = list(Path(hub.court, "alice").glob("kernel-*.json"))
    assert connexions and {json.loads(f.read_text())["transport"] for f in connexions} == {"ipc"}
    # Le fichier de progression est dans le dossier de l'apprenant, à côté du carnet.
    etat = progression(alice)
    assert sorted(etat) == sorted(attendus)
    assert {e["statut"] for e in etat.values()} == {"juste"}


def test_modifications_de_l_apprenant_gardees(classe: tuple) -> None:
    depot, hub = classe
    lien = lien_du_cahier(hub.url, depot.url)
    alice = apprenant_pret(hub, "alice")
    chemin = alice.suivre_lien(lien)
    # L'apprenant annote une cellule de code et ajoute ses notes à la fin du carnet, puis enregistre.
    carnet = alice.carnet(chemin)
    code = next(c for c in carnet["cells"] if c["cell_type"] == "code")
    code["source"] = "# Ma note : vérifier le plafond avec la DDT\n" + code["source"]
    carnet["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "Mes notes personnelles (Alice)."})
    alice.ecrire_carnet(chemin, carnet)
    # L'enseignant publie une mise à jour du cours pendant ce temps.
    commit = depot.publier("README.md", "\nMise à jour du cours : séance 2.\n", "Séance 2")
    # L'apprenant suit le lien à nouveau : nbgitpuller fusionne, sans écraser son travail.
    assert alice.suivre_lien(lien) == chemin
    apres = alice.carnet(chemin)
    sources = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in apres["cells"]]
    assert any(s.startswith("# Ma note : vérifier le plafond avec la DDT\n") for s in sources)
    assert sources[-1] == "Mes notes personnelles (Alice)."
    assert "Mise à jour du cours : séance 2." in (alice.maison / "mba-territoires" / "README.md").read_text()
    journal = subprocess.run(["git", "log", "--format=%H"], cwd=alice.maison / "mba-territoires",
                             capture_output=True, text=True, check=True).stdout
    assert commit in journal.split()


def test_serveur_tue_en_pleine_lecon_progression_intacte(classe: tuple) -> None:
    depot, hub = classe
    lien = lien_du_cahier(hub.url, depot.url)
    carole = apprenant_pret(hub, "carole")
    chemin = carole.suivre_lien(lien)
    sources = cellules_de_code(carole.carnet(chemin))
    deuxieme = [i for i, s in enumerate(sources) if "ex.verifier(" in s][1]
    noyau = carole.ouvrir_noyau(chemin)
    for source in sources[: deuxieme + 1]:  # jusqu'au 2e exercice compris
        assert noyau.executer(source).erreur is None
    fichier = carole.maison / "mba-territoires" / "notebooks" / f"{NOM}.reponses.json"
    avant = fichier.read_bytes()
    attendus = exercices(carole, chemin)
    assert sorted(exercices_faits(json.loads(avant))) == sorted(attendus[:2])
    # En pleine cellule : le serveur et son noyau sont tués (SIGKILL, comme un manque de mémoire).
    noyau.envoyer("import time\nfor _ in range(600):\n    time.sleep(0.1)")
    time.sleep(0.5)
    assert hub.tuer_serveur("carole"), "aucun processus tué"
    noyau.fermer()
    # L'apprenant revient par le lien : sans serveur, le message le dit ; il redémarre son serveur.
    with pytest.raises(ErreurHub, match="n'a pas de serveur démarré") as echec:
        carole.suivre_lien(lien)
    print(echec.value)
    hub.demarrer_serveur("carole")
    hub.attendre_serveur("carole")
    assert carole.suivre_lien(lien) == chemin
    assert fichier.read_bytes() == avant  # intact, octet pour octet
    # Ses réponses sont relues par le carnet : il reprend là où il en était.
    noyau = carole.ouvrir_noyau(chemin)
    try:
        relu = noyau.executer(f"import mba_territoires as mt\nprint(mt.carnet({NOM!r}).progression())")
    finally:
        noyau.fermer()
    assert f"2/{len(attendus)} exercices réussis" in relu.texte, relu.texte
    assert {e["statut"] for e in progression(carole).values()} == {"juste"}


# -- Les mauvais chemins : chacun échoue avec un message clair (repris dans le guide, « Dépannage »)


@pytest.mark.parametrize(("fausser", "attendu"), [
    (lambda depot: (depot.url + "-2025", ()), "-2025 » est introuvable ou inaccessible depuis le hub"),
    (lambda depot: (depot.url, ("--branche", "printemps-2031")), ": la branche « printemps-2031 » n'existe pas dans"),
], ids=["mauvais-depot", "mauvaise-branche"])
def test_un_lien_faux_fait_echouer_le_parcours(classe: tuple, fausser, attendu: str) -> None:  # type: ignore[no-untyped-def]
    depot, hub = classe
    adresse, options = fausser(depot)
    lien = lien_du_cahier(hub.url, adresse, *options)
    apprenant = apprenant_pret(hub, "alice")  # un lien faux ne touche pas à son dossier
    with pytest.raises(ErreurHub) as echec:
        parcours_de_lecon(apprenant, lien)
    message = str(echec.value)
    print(message)  # visible avec « pytest -rA » : c'est le message du guide
    assert attendu in message
    assert "regénérez le lien avec « mba-territoires lien jupyterhub »" in message
    assert message.startswith("nbgitpuller n'a pas pu tirer le dépôt « http://127.0.0.1:")
    assert "Détail : " in message  # la dernière ligne de git, pour l'administrateur


def test_un_lien_vers_un_carnet_absent_echoue(classe: tuple) -> None:
    from mba_territoires.diffusion import url_nbgitpuller

    depot, hub = classe
    apprenant = apprenant_pret(hub, "alice")  # un lien faux ne touche pas à son dossier
    lien = url_nbgitpuller(hub.url, depot.url, f"notebooks/{NOM}-v2.ipynb")
    with pytest.raises(ErreurHub, match=f"le carnet « mba-territoires/notebooks/{NOM}-v2.ipynb » n'y est pas"):
        parcours_de_lecon(apprenant, lien)


def test_apprenant_sans_serveur(classe: tuple) -> None:
    depot, hub = classe
    hub.creer_apprenants(["bruno"])  # compte créé, serveur jamais démarré
    bruno = Apprenant(hub, "bruno")
    bruno.se_connecter()
    lien = lien_du_cahier(hub.url, depot.url)
    with pytest.raises(ErreurHub) as echec:
        bruno.suivre_lien(lien)
    print(echec.value)
    assert "L'apprenant « bruno » n'a pas de serveur démarré" in str(echec.value)
    assert "Démarrer mon serveur" in str(echec.value)
    # Le hub a lancé son serveur en suivant le lien (page d'attente) : une fois prêt, le même lien marche.
    assert "le hub le démarre (le hub renvoie vers /hub/spawn-pending/bruno)" in str(echec.value)
    hub.attendre_serveur("bruno")
    assert bruno.suivre_lien(lien) == f"mba-territoires/{CARNET}"


def test_hub_injoignable(tmp_path: Path) -> None:
    eteint = Hub(tmp_path)  # jamais démarré : personne n'écoute sur son port
    with pytest.raises(ErreurHub) as echec:
        Apprenant(eteint, "alice").se_connecter()
    print(echec.value)
    assert f"Le JupyterHub {eteint.url} est injoignable" in str(echec.value)
    assert "systemctl status jupyterhub" in str(echec.value)


def test_noyau_api_refuse_sans_jeton(classe: tuple) -> None:
    """Le serveur d'un apprenant n'est pas ouvert aux autres : sans jeton, l'API des noyaux refuse."""
    import requests

    _, hub = classe
    alice = apprenant_pret(hub, "alice")
    assert alice.api("GET", "/api/kernels").status_code == 200
    reponse = requests.get(f"{hub.url}/user/alice/api/kernels", timeout=30, allow_redirects=False)
    assert reponse.status_code == 403, reponse.status_code
    hub.creer_apprenants(["carole"])  # un autre apprenant, avec son propre jeton
    assert requests.get(f"{hub.url}/user/alice/api/kernels", timeout=30, allow_redirects=False,
                        headers={"Authorization": f"token {hub.jeton_apprenant('carole')}"}).status_code == 403


def test_jupyterlab_en_francais_sans_question_news(classe: tuple) -> None:
    """Les réglages de binder/overrides.json sont compris par le JupyterLab du serveur de l'apprenant."""
    _, hub = classe
    alice = apprenant_pret(hub, "alice")
    notification = alice.api("GET", "/lab/api/settings/@jupyterlab/apputils-extension:notification")
    assert notification.status_code == 200, notification.text
    # JupyterLab applique overrides.json aux valeurs par défaut des schémas de réglages.
    proprietes = notification.json()["schema"]["properties"]
    assert proprietes["fetchNews"]["default"] == "false"  # « Never » : la question n'est pas posée
    assert proprietes["checkForUpdates"]["default"] is False
    langue = alice.api("GET", "/lab/api/settings/@jupyterlab/translation-extension:plugin").json()
    assert langue["schema"]["properties"]["locale"]["default"] == "fr_FR"
