"""Une classe sur un vrai JupyterHub, sur cette machine : le hub, le dépôt servi en local, les apprenants.

Utilisé par les tests du hub (``tests/hub/test_hub.py``) et par le banc de capacité
(``bench/bench_classe.py``). Tout écoute sur 127.0.0.1 ; chaque attente est bornée dans le temps ;
tout ce qui est démarré ici est arrêté par ``arreter()`` (y compris en cas d'échec) :

- ``DepotServi`` : un clone nu du dépôt du cahier, servi en HTTP par ``git http-backend``
  sur 127.0.0.1, pour que le lien nbgitpuller tire un dépôt local, jamais le réseau ;
- ``Hub`` : JupyterHub (mandataire configurable-http-proxy de ``.outils/``, authentification par mot de
  passe partagé, spawner de processus locaux, dossiers personnels dans un dossier temporaire) ;
- ``Apprenant`` : se connecte comme dans un navigateur, suit le lien nbgitpuller, exécute un carnet par
  l'API des noyaux (websocket) de son serveur.

Les erreurs prévisibles (hub injoignable, lien vers un mauvais dépôt ou une mauvaise branche, apprenant
sans serveur) lèvent ``ErreurHub`` avec un message en français qui dit quoi faire.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import requests

RACINE = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
PROXY = RACINE / ".outils" / "node_modules" / ".bin" / "configurable-http-proxy"
MOT_DE_PASSE = "classe-essai-2026"  # SharedPasswordAuthenticator : 8 caractères au moins
JETON_ADMIN = secrets.token_hex(24)
#: Variable d'environnement qui marque chaque processus démarré par un hub d'essai (hub, mandataire,
#: serveurs, noyaux) : ``arreter()`` retrouve ainsi ceux qui auraient survécu au hub.
MARQUEUR = "MBA_HUB_ESSAI"


class ErreurHub(RuntimeError):
    """Une étape de la classe sur le hub qui n'a pas marché, avec ce qu'il faut vérifier."""


def port_libre() -> int:
    """Un port TCP libre sur 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _git(*args: str, cwd: Path | None = None) -> str:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_AUTHOR_NAME": "Enseignant",
           "GIT_COMMITTER_NAME": "Enseignant", "GIT_AUTHOR_EMAIL": "enseignant@ecole.invalid",
           "GIT_COMMITTER_EMAIL": "enseignant@ecole.invalid"}
    fini = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    if fini.returncode:
        raise ErreurHub(f"git {' '.join(args)} a échoué : {fini.stderr.strip()}")
    return fini.stdout


# --------------------------------------------------------------------------------------------------
# Le dépôt du cahier, servi sur 127.0.0.1


class _GitHttpBackend(http.server.BaseHTTPRequestHandler):
    """Le protocole HTTP « intelligent » de git (clones superficiels compris) : ``git http-backend`` en CGI."""

    racine = ""

    def log_message(self, *args: object) -> None:  # pas de journal sur la sortie des tests
        pass

    def _cgi(self) -> None:
        chemin, _, requete = self.path.partition("?")
        corps = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GIT_PROJECT_ROOT": self.racine,
               "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": chemin, "QUERY_STRING": requete,
               "REQUEST_METHOD": self.command, "CONTENT_TYPE": self.headers.get("Content-Type", ""),
               "CONTENT_LENGTH": str(len(corps)), "REMOTE_ADDR": self.client_address[0],
               "GIT_PROTOCOL": self.headers.get("Git-Protocol", "")}
        fini = subprocess.run(["git", "http-backend"], input=corps, env=env, capture_output=True, timeout=120)
        tete, _, reste = fini.stdout.partition(b"\r\n\r\n")
        entetes = [ligne.split(":", 1) for ligne in tete.decode("latin-1").split("\r\n") if ":" in ligne]
        statut = next((int(v.split()[0]) for k, v in entetes if k.lower() == "status"), 200)
        self.send_response(statut)
        for cle, valeur in entetes:
            if cle.lower() != "status":
                self.send_header(cle, valeur.strip())
        self.send_header("Content-Length", str(len(reste)))
        self.end_headers()
        self.wfile.write(reste)

    do_GET = do_POST = _cgi


class DepotServi:
    """Un clone nu du dépôt servi en HTTP (``git http-backend``) sur 127.0.0.1 : ``http://127.0.0.1:PORT/mba-territoires``.

    ``enseignant`` est un clone de travail : ``publier()`` y fait un commit et le pousse, comme un
    enseignant qui met à jour le cours pendant le semestre.
    """

    def __init__(self, dossier: Path, source: Path = RACINE, nom: str = "mba-territoires") -> None:
        self.dossier = dossier
        self.nu = dossier / "depots" / nom
        _git("init", "--quiet", "--bare", "--initial-branch=main", str(self.nu))
        instantane(source, dossier / "instantane", self.nu)
        self.enseignant = dossier / "enseignant"
        _git("clone", "--quiet", str(self.nu), str(self.enseignant))
        gestionnaire = type("Gestionnaire", (_GitHttpBackend,), {"racine": str(dossier / "depots")})
        self._serveur = http.server.ThreadingHTTPServer(("127.0.0.1", 0), gestionnaire)
        self._fil = threading.Thread(target=self._serveur.serve_forever, daemon=True)
        self._fil.start()
        self.url = f"http://127.0.0.1:{self._serveur.server_address[1]}/{nom}"

    def publier(self, fichier: str, texte_ajoute: str, message: str) -> str:
        """Ajoute ``texte_ajoute`` à la fin de ``fichier`` dans le dépôt de l'enseignant, commit et push."""
        chemin = self.enseignant / fichier
        chemin.write_text(chemin.read_text(encoding="utf-8") + texte_ajoute, encoding="utf-8")
        _git("commit", "--quiet", "-am", message, cwd=self.enseignant)
        _git("push", "--quiet", "origin", "HEAD", cwd=self.enseignant)
        return _git("rev-parse", "HEAD", cwd=self.enseignant).strip()

    def arreter(self) -> None:
        self._serveur.shutdown()
        self._serveur.server_close()


def instantane(source: Path, travail: Path, destination: Path) -> str:
    """Pousse dans ``destination`` (branche main) un commit de l'état de l'arbre de travail de ``source``.

    Le paquet que les noyaux importent est celui de l'arbre de travail (installation éditable dans .venv) :
    les carnets servis doivent venir du même état, pas seulement du dernier commit. Rien ne change dans
    ``source`` : l'index (``GIT_INDEX_FILE``) et les nouveaux objets (``GIT_OBJECT_DIRECTORY``) sont dans
    ``travail`` ; les branches et l'arbre de travail ne sont pas touchés.
    """
    (travail / "objets" / "pack").mkdir(parents=True, exist_ok=True)
    objets = (source / subprocess.run(["git", "rev-parse", "--git-common-dir"], cwd=source, capture_output=True,
                                      text=True, check=True, timeout=30).stdout.strip() / "objects").resolve()
    env = {**os.environ, "GIT_INDEX_FILE": str(travail / "index"), "GIT_OBJECT_DIRECTORY": str(travail / "objets"),
           "GIT_ALTERNATE_OBJECT_DIRECTORIES": str(objets), "GIT_AUTHOR_NAME": "Essai", "GIT_COMMITTER_NAME": "Essai",
           "GIT_AUTHOR_EMAIL": "essai@ecole.invalid", "GIT_COMMITTER_EMAIL": "essai@ecole.invalid"}

    def git(*args: str) -> str:
        fini = subprocess.run(["git", *args], cwd=source, env=env, capture_output=True, text=True, timeout=120)
        if fini.returncode:
            raise ErreurHub(f"git {' '.join(args)} a échoué : {fini.stderr.strip()}")
        return fini.stdout.strip()

    git("add", "--all", ".")
    commit = git("commit-tree", git("write-tree"), "-m", "Instantané de l'arbre de travail (essai du hub)")
    git("push", "--quiet", str(destination), f"{commit}:refs/heads/main")
    return commit


# --------------------------------------------------------------------------------------------------
# Le hub


CONFIG = '''\
# Configuration d'essai, écrite par tests/hub/classe.py (voir deploiement/jupyterhub/ pour un vrai serveur).
c = get_config()  # noqa: F821
{prelude}
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{port_hub}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{port_api}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.db_url = "sqlite:///{dossier}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{dossier}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = "{dossier}/jupyterhub.pid"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {mot_de_passe!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.Spawner.pre_spawn_hook = None  # pas de création de comptes Unix sur la machine des tests
c.SimpleLocalProcessSpawner.home_dir_template = "{dossier}/home/{{username}}"
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [{singleuser!r}]
# Ici tout tourne en root : sans --allow-root, Jupyter Server refuse de démarrer.
_args = list(c.Spawner.args) if isinstance(c.Spawner.args, list) else []
# Noyaux par sockets Unix, comme deploiement/jupyterhub/jupyterhub_config.py : en TCP, 20 noyaux qui démarrent
# à la même seconde se disputent les ports (« Address already in use »). Une option donnée deux fois est refusée.
_ipc = [] if "--KernelManager.transport=ipc" in _args else ["--KernelManager.transport=ipc"]
c.Spawner.args = [*_args, "--allow-root", "--LabApp.app_settings_dir={dossier}/lab-settings", *_ipc]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = {delai_demarrage}
c.Spawner.http_timeout = {delai_demarrage}
_env = c.Spawner.environment if isinstance(c.Spawner.environment, dict) else {{}}
# Un chemin de socket Unix ne dépasse pas 107 caractères : les fichiers de connexion des noyaux vont dans un
# dossier court, un par apprenant (le dossier temporaire des tests est trop profond).
c.Spawner.environment = {{**_env, "{marqueur}": {identifiant!r}, "PYTHONUNBUFFERED": "1",
                         "JUPYTER_RUNTIME_DIR": lambda spawner: {court!r} + "/" + spawner.user.name}}
c.JupyterHub.concurrent_spawn_limit = 100
# L'API rend la main tout de suite (202) : toute une classe peut démarrer (ou arrêter) au même instant.
c.JupyterHub.tornado_settings = {{"slow_spawn_timeout": 0, "slow_stop_timeout": 0}}
# Le service d'essai s'ajoute aux services d'une configuration chargée (load_subconfig), sans les remplacer.
_services = c.JupyterHub.services if isinstance(c.JupyterHub.services, list) else []
# Un service géré (l'arrêt des serveurs inactifs) est lancé par JupyterHub dans son propre groupe de
# processus, sans l'environnement du hub : il reçoit la marque, pour que Hub.arreter() le retrouve.
_services = [{{**s, "environment": {{**s.get("environment", {{}}), "{marqueur}": {identifiant!r}}}}}
             if "command" in s else s for s in _services]
c.JupyterHub.services = [*_services, {{"name": "essai", "api_token": {jeton!r}}}]
_roles = c.JupyterHub.load_roles if isinstance(c.JupyterHub.load_roles, list) else []
c.JupyterHub.load_roles = [*_roles, {{"name": "admin", "services": ["essai"]}}]
c.JupyterHub.log_level = "INFO"
'''


@dataclass
class Hub:
    """Un JupyterHub d'essai sur 127.0.0.1, démarré par ``demarrer()`` et arrêté par ``arreter()``."""

    dossier: Path
    delai_demarrage: int = 60
    #: Une configuration à charger d'abord (``load_subconfig``) ; les réglages d'essai passent par-dessus.
    sous_config: Path | None = None
    #: Variables d'environnement ajoutées à celles du hub (réglages de ``sous_config``).
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=port_libre)
    identifiant: str = field(default_factory=lambda: uuid.uuid4().hex)
    processus: subprocess.Popen | None = None
    #: Dossier court (/tmp/jrXXXX) des fichiers de connexion des noyaux : créé par ``demarrer()``,
    #: supprimé par ``arreter()``.
    court: str = ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def journal(self) -> Path:
        return self.dossier / "jupyterhub.log"

    def fin_du_journal(self, lignes: int = 25) -> str:
        """Les dernières lignes utiles du journal (sans les requêtes de routine des tests et du culler)."""
        try:
            texte = self.journal.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return "(pas de journal)"
        routine = ("GET /hub/api/users", "GET /hub/api/ (", "idle-culler@")
        utiles = [ligne for ligne in texte.splitlines() if not any(r in ligne for r in routine)]
        return "\n".join(utiles[-lignes:])

    def demarrer(self, attente: float = 60) -> Hub:
        if not PROXY.exists():
            raise ErreurHub(f"configurable-http-proxy est absent ({PROXY}) : lancez « make test-hub », qui "
                            "l'installe depuis npm dans .outils/")
        (self.dossier / "home").mkdir(parents=True, exist_ok=True)
        # Les réglages de JupyterLab de binder/ (français, pas de question « news »), comme postBuild.
        (self.dossier / "lab-settings").mkdir(exist_ok=True)
        shutil.copy(RACINE / "binder" / "overrides.json", self.dossier / "lab-settings" / "overrides.json")
        self.court = self.court or tempfile.mkdtemp(prefix="jr", dir="/tmp")
        config = self.dossier / "jupyterhub_config.py"
        config.write_text(CONFIG.format(
            court=self.court, prelude=f"load_subconfig({str(self.sous_config)!r})  # noqa: F821"
            if self.sous_config else "",
            port=self.port, port_hub=port_libre(), port_api=port_libre(), proxy=str(PROXY), dossier=self.dossier,
            mot_de_passe=MOT_DE_PASSE, singleuser=str(VENV_BIN / "jupyterhub-singleuser"), marqueur=MARQUEUR,
            identifiant=self.identifiant, jeton=JETON_ADMIN, delai_demarrage=self.delai_demarrage), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MBA_TERRITOIRES_", "JUPYTER"))}
        env.update(self.env)
        env[MARQUEUR] = self.identifiant
        env["PATH"] = f"{VENV_BIN}:{env.get('PATH', '/usr/bin:/bin')}"
        with open(self.journal, "wb") as journal:
            self.processus = subprocess.Popen([str(VENV_BIN / "jupyterhub"), "-f", str(config)], cwd=self.dossier,
                                              env=env, stdout=journal, stderr=subprocess.STDOUT,
                                              start_new_session=True)
        limite = time.monotonic() + attente
        while time.monotonic() < limite:
            if self.processus.poll() is not None:
                raise ErreurHub(f"JupyterHub s'est arrêté au démarrage (code {self.processus.returncode}). "
                                f"Fin du journal :\n{self.fin_du_journal()}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=2).ok:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise ErreurHub(f"JupyterHub ne répond pas sur {self.url} après {attente:.0f} s. "
                        f"Fin du journal :\n{self.fin_du_journal()}")

    # -- API REST, avec le jeton du service d'administration

    def api(self, methode: str, chemin: str, **kwargs: object) -> requests.Response:
        """Un appel à l'API REST du hub ; un hub injoignable lève ``ErreurHub`` avec ce qu'il faut vérifier."""
        try:
            return requests.request(methode, f"{self.url}/hub/api{chemin}", timeout=30,
                                    headers={"Authorization": f"token {JETON_ADMIN}"}, **kwargs)
        except requests.ConnectionError as exc:
            raise ErreurHub(hub_injoignable(self.url, exc)) from exc

    def creer_apprenants(self, noms: list[str]) -> None:
        reponse = self.api("POST", "/users", json={"usernames": noms})
        if reponse.status_code not in (201, 409):
            raise ErreurHub(f"création des comptes {noms} refusée par le hub : {reponse.status_code} {reponse.text}")

    def demarrer_serveur(self, nom: str) -> None:
        """Demande le serveur de l'apprenant (sans attendre qu'il soit prêt : voir ``attendre_serveur``)."""
        reponse = self.api("POST", f"/users/{nom}/server")
        if reponse.status_code not in (201, 202, 400):  # 400 : déjà démarré
            raise ErreurHub(f"le hub refuse de démarrer le serveur de « {nom} » : {reponse.status_code} {reponse.text}")

    def attendre_serveur(self, nom: str, attente: float = 90) -> dict:
        limite = time.monotonic() + attente
        while time.monotonic() < limite:
            modele = self.api("GET", f"/users/{nom}").json()
            serveur = modele.get("servers", {}).get("")
            if serveur and serveur.get("ready"):
                return serveur
            if not modele.get("pending") and not serveur:
                raise ErreurHub(f"le serveur de « {nom} » n'a pas démarré. Fin du journal du hub :\n"
                                f"{self.fin_du_journal()}")
            time.sleep(0.3)
        raise ErreurHub(f"le serveur de « {nom} » n'est pas prêt après {attente:.0f} s. Fin du journal du hub :\n"
                        f"{self.fin_du_journal()}")

    def arreter_serveur(self, nom: str, attente: float = 30) -> None:
        self.api("DELETE", f"/users/{nom}/server")
        limite = time.monotonic() + attente
        while time.monotonic() < limite:
            modele = self.api("GET", f"/users/{nom}").json()
            if not modele.get("servers") and not modele.get("pending"):
                return
            time.sleep(0.3)

    def jeton_apprenant(self, nom: str) -> str:
        reponse = self.api("POST", f"/users/{nom}/tokens", json={"note": "essai", "expires_in": 3600})
        if reponse.status_code != 201:
            raise ErreurHub(f"jeton refusé pour « {nom} » : {reponse.status_code} {reponse.text}")
        return reponse.json()["token"]

    def processus_marques(self) -> list[int]:
        """Les processus encore vivants démarrés par ce hub (hub, mandataire, serveurs, noyaux)."""
        marque = f"{MARQUEUR}={self.identifiant}".encode()
        trouves = []
        for entree in Path("/proc").iterdir():
            if not entree.name.isdigit() or int(entree.name) == os.getpid():
                continue
            with contextlib.suppress(OSError):
                if marque in (entree / "environ").read_bytes().split(b"\0"):
                    trouves.append(int(entree.name))
        return trouves

    def pid_serveur(self, nom: str) -> int:
        """Le processus du serveur de l'apprenant (celui dont le dossier courant est son dossier personnel)."""
        maison = (self.dossier / "home" / nom).resolve()
        for pid in self.processus_marques():
            with contextlib.suppress(OSError):
                ligne = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                if any(b"jupyterhub-singleuser" in morceau for morceau in ligne) and \
                        Path(f"/proc/{pid}/cwd").resolve() == maison:
                    return pid
        raise ErreurHub(f"aucun processus de serveur trouvé pour « {nom} »")

    def tuer_serveur(self, nom: str) -> list[int]:
        """Tue (SIGKILL) le serveur de l'apprenant et ses noyaux, comme le ferait le noyau Linux à court de mémoire."""
        maison = (self.dossier / "home" / nom).resolve()
        victimes = []
        for pid in self.processus_marques():
            with contextlib.suppress(OSError):
                cwd = Path(f"/proc/{pid}/cwd").resolve()
                if cwd == maison or maison in cwd.parents:
                    victimes.append(pid)
        for pid in victimes:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        limite = time.monotonic() + 10
        while time.monotonic() < limite and any(Path(f"/proc/{p}").exists() and not _zombie(p) for p in victimes):
            time.sleep(0.1)
        return victimes

    def arreter(self) -> None:
        """Arrête le hub (qui arrête les serveurs et le mandataire), puis tout processus marqué restant."""
        if self.processus is not None and self.processus.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.processus.pid, signal.SIGTERM)
            try:
                self.processus.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.processus.pid, signal.SIGKILL)
                self.processus.wait(timeout=10)
        restants = self.processus_marques()
        for pid in restants:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        limite = time.monotonic() + 10
        while restants and time.monotonic() < limite:
            restants = [p for p in restants if Path(f"/proc/{p}").exists() and not _zombie(p)]
            time.sleep(0.1)
        if self.court:
            shutil.rmtree(self.court, ignore_errors=True)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


# --------------------------------------------------------------------------------------------------
# Les messages des mauvais chemins (repris dans book/capacite-jupyterhub.md, « Dépannage »)


def hub_injoignable(url: str, exc: BaseException | str) -> str:
    return (f"Le JupyterHub {url} est injoignable ({exc}). Vérifiez que le service tourne "
            "(« systemctl status jupyterhub » sur un serveur, « kubectl get pods » sur Kubernetes), que l'adresse "
            "du lien est celle du hub (option --hub de « mba-territoires lien jupyterhub ») et que le pare-feu "
            "laisse passer le port.")


def lien_en_echec(repo: str, branche: str, code: str, sortie: str) -> str:
    """Le message d'un lien nbgitpuller qui n'a pas pu tirer le dépôt (``code`` : code d'erreur de nbgitpuller)."""
    if code == "branch_exist":
        cause = f"la branche « {branche} » n'existe pas dans le dépôt « {repo} »"
    elif "ls-remote" in sortie or "not found" in sortie or "Repository not found" in sortie:
        cause = (f"le dépôt « {repo} » est introuvable ou inaccessible depuis le hub (adresse fausse, dépôt privé, "
                 "ou le hub n'a pas accès au réseau)")
    else:
        cause = f"git a échoué sur le dépôt « {repo} » (branche « {branche} »)"
    derniere = next((ligne.strip() for ligne in reversed(sortie.splitlines()) if ligne.strip()), "")
    return (f"nbgitpuller n'a pas pu tirer le dépôt « {repo} » (branche « {branche} ») : {cause}. Vérifiez l'adresse "
            "du dépôt (option --depot : adresse https du dépôt, sans /tree/... en trop) et le nom de la branche "
            "(option --branche, « main » par défaut), puis regénérez le lien avec « mba-territoires lien "
            f"jupyterhub ». Détail : {derniere}")


def sans_serveur(nom: str, constat: str, demarrage: bool = False) -> str:
    """Le message d'un apprenant dont le serveur ne tourne pas (``demarrage`` : le hub est en train de le lancer)."""
    if demarrage:
        return (f"L'apprenant « {nom} » n'a pas de serveur démarré : le hub le démarre ({constat}). Dans un "
                "navigateur, la page « Your server is starting up » attend puis ouvre le carnet ; si rien ne se "
                "passe après deux minutes, cliquez sur « Start My Server » / « Démarrer mon serveur » sur la page "
                "du hub (l'enseignant peut le faire depuis la page Admin) et lisez le journal du hub "
                "(« journalctl -u jupyterhub »).")
    return (f"L'apprenant « {nom} » n'a pas de serveur démarré ({constat}). Il doit cliquer sur "
            "« Start My Server » / « Démarrer mon serveur » sur la page du hub, puis suivre le lien à nouveau ; "
            "l'enseignant peut aussi le démarrer depuis la page Admin du hub. Si le démarrage échoue, lisez le "
            "journal du hub (« journalctl -u jupyterhub »).")


# --------------------------------------------------------------------------------------------------
# L'apprenant


@dataclass
class Cellule:
    source: str
    sorties: list[dict]
    duree: float  # de l'envoi à l'état « idle » du noyau
    premiere_sortie: float | None  # de l'envoi à la première sortie
    erreur: str | None = None

    @property
    def texte(self) -> str:
        morceaux = []
        for sortie in self.sorties:
            if sortie["msg_type"] == "stream":
                morceaux.append(sortie["content"]["text"])
            elif sortie["msg_type"] in ("execute_result", "display_data"):
                morceaux.append(sortie["content"]["data"].get("text/plain", ""))
        return "\n".join(morceaux)


class Apprenant:
    """Un apprenant du hub : une session de navigateur (cookies) et, pour les noyaux, un jeton."""

    def __init__(self, hub: Hub, nom: str) -> None:
        self.hub = hub
        self.nom = nom
        self.session = requests.Session()
        self.jeton: str | None = None

    @property
    def maison(self) -> Path:
        return self.hub.dossier / "home" / self.nom

    @property
    def base(self) -> str:
        return f"{self.hub.url}/user/{self.nom}"

    def _get(self, url: str, **kwargs: object) -> requests.Response:
        try:
            return self.session.get(url, timeout=60, **kwargs)
        except requests.ConnectionError as exc:
            raise ErreurHub(hub_injoignable(self.hub.url, exc)) from exc

    def se_connecter(self) -> None:
        """Le formulaire de connexion du hub, comme dans un navigateur."""
        page = self._get(f"{self.hub.url}/hub/login")
        xsrf = self.session.cookies.get("_xsrf", path="/hub/") or self.session.cookies.get("_xsrf")
        try:
            reponse = self.session.post(f"{self.hub.url}/hub/login", timeout=60, allow_redirects=False,
                                        data={"username": self.nom, "password": MOT_DE_PASSE, "_xsrf": xsrf})
        except requests.ConnectionError as exc:
            raise ErreurHub(hub_injoignable(self.hub.url, exc)) from exc
        if reponse.status_code != 302:
            raise ErreurHub(f"connexion de « {self.nom} » refusée par le hub ({reponse.status_code}) ; page : "
                            f"{page.status_code}")

    def suivre_lien(self, lien: str, attente: float = 90) -> str:
        """Suit un lien nbgitpuller comme le ferait le navigateur de l'apprenant ; rend le chemin ouvert.

        1. le lien ``/hub/user-redirect/git-pull?...`` mène (connexion OAuth comprise) à la page de
           nbgitpuller sur le serveur de l'apprenant ;
        2. cette page lance, en JavaScript, ``git-pull/api?...`` (flux d'événements) : on le lit jusqu'à
           ``finished`` ou ``error`` ;
        3. puis le navigateur ouvre ``urlpath`` : on vérifie que le carnet y est.
        """
        page = self._get(lien)
        fin = urlsplit(page.url)
        if page.status_code in (424, 503) or "/hub/spawn" in fin.path or "/spawn-pending/" in fin.path:
            constat = (f"le hub renvoie vers {fin.path}" if page.status_code == 200
                       else f"réponse {page.status_code} du hub pour {fin.path}")
            raise ErreurHub(sans_serveur(self.nom, constat, demarrage="/spawn-pending/" in fin.path))
        if page.status_code != 200 or not fin.path.endswith(f"/user/{self.nom}/git-pull"):
            raise ErreurHub(f"le lien {lien} mène à {page.url} ({page.status_code}) au lieu de la page nbgitpuller "
                            f"du serveur de « {self.nom} » : le lien doit commencer par l'adresse du hub puis "
                            "/hub/user-redirect/git-pull?repo=…")
        parametres = {k: v[0] for k, v in parse_qs(fin.query).items()}
        repo, branche = parametres.get("repo", ""), parametres.get("branch", "main")
        api = {k: v for k, v in parametres.items() if k in ("repo", "branch", "depth", "targetpath")}
        sorties, phase, code = [], None, ""
        try:
            flux = self.session.get(f"{self.base}/git-pull/api?{urlencode(api)}", stream=True,
                                    timeout=(10, attente))
            debut = time.monotonic()
            for ligne in flux.iter_lines(decode_unicode=True):
                if time.monotonic() - debut > attente:
                    raise ErreurHub(f"nbgitpuller n'a pas fini en {attente:.0f} s pour « {repo} »")
                if not ligne or not ligne.startswith("data:"):
                    continue
                evenement = json.loads(ligne[len("data:"):])
                phase = evenement.get("phase")
                code = (evenement.get("error") or {}).get("code", code) if isinstance(evenement.get("error"), dict) \
                    else code
                sorties.append(str(evenement.get("output") or evenement.get("message") or ""))
                if phase in ("finished", "error"):
                    break
            flux.close()
        except requests.ConnectionError as exc:
            raise ErreurHub(hub_injoignable(self.hub.url, exc)) from exc
        if phase != "finished":
            raise ErreurHub(lien_en_echec(repo, branche, code, "\n".join(s for s in sorties if s)))
        urlpath = parametres.get("urlpath", "")
        chemin = urlpath.split("/tree/", 1)[-1] if "/tree/" in urlpath else urlpath
        contenu = self.api("GET", f"/api/contents/{chemin}", params={"content": "0"})
        if contenu.status_code != 200:
            raise ErreurHub(f"le dépôt « {repo} » est tiré mais le carnet « {chemin} » n'y est pas "
                            f"({contenu.status_code}) : vérifiez --carnet et la branche « {branche} »")
        ouvert = self._get(f"{self.base}/{urlpath}")
        if ouvert.status_code != 200:
            raise ErreurHub(f"JupyterLab n'ouvre pas {urlpath} ({ouvert.status_code})")
        return chemin

    # -- API du serveur mono-utilisateur (jeton de l'apprenant)

    def api(self, methode: str, chemin: str, **kwargs: object) -> requests.Response:
        if self.jeton is None:
            self.jeton = self.hub.jeton_apprenant(self.nom)
        try:
            reponse = requests.request(methode, f"{self.base}{chemin}", timeout=60,
                                       headers={"Authorization": f"token {self.jeton}"}, **kwargs)
        except requests.ConnectionError as exc:
            raise ErreurHub(hub_injoignable(self.hub.url, exc)) from exc
        if reponse.status_code in (424, 503) and "/api/" in chemin:
            raise ErreurHub(sans_serveur(self.nom, f"réponse {reponse.status_code} du hub pour {chemin}"))
        return reponse

    def ouvrir_noyau(self, chemin: str) -> Noyau:
        """Ouvre le carnet ``chemin`` comme JupyterLab : une session, donc un noyau dans le dossier du carnet."""
        reponse = self.api("POST", "/api/sessions", json={"path": chemin, "name": Path(chemin).name,
                                                          "type": "notebook", "kernel": {"name": "python3"}})
        if reponse.status_code != 201:
            raise ErreurHub(f"le serveur de « {self.nom} » refuse d'ouvrir un noyau pour {chemin} : "
                            f"{reponse.status_code} {reponse.text}")
        return Noyau(self, reponse.json()["kernel"]["id"])

    def carnet(self, chemin: str) -> dict:
        reponse = self.api("GET", f"/api/contents/{chemin}")
        reponse.raise_for_status()
        return reponse.json()["content"]

    def ecrire_carnet(self, chemin: str, contenu: dict) -> None:
        reponse = self.api("PUT", f"/api/contents/{chemin}", json={"type": "notebook", "format": "json",
                                                                   "content": contenu})
        if reponse.status_code not in (200, 201):
            raise ErreurHub(f"enregistrement de {chemin} refusé : {reponse.status_code} {reponse.text}")


class Noyau:
    """Le noyau d'un carnet, piloté par le websocket ``/api/kernels/<id>/channels`` du serveur."""

    def __init__(self, apprenant: Apprenant, identifiant: str) -> None:
        import websocket  # websocket-client (extra [hub])

        self.apprenant = apprenant
        self.id = identifiant
        url = apprenant.base.replace("http://", "ws://") + f"/api/kernels/{identifiant}/channels"
        self.ws = websocket.create_connection(url, timeout=30, header=[f"Authorization: token {apprenant.jeton}"])
        self.session = uuid.uuid4().hex
        self._envois: dict[str, tuple[str, float]] = {}

    def envoyer(self, source: str) -> str:
        """Envoie une cellule au noyau sans attendre la fin ; rend l'identifiant du message."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.apprenant.nom, "session": self.session,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": source, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        self._envois[msg_id] = (source, time.monotonic())
        return msg_id

    def attendre(self, msg_id: str, attente: float = 120) -> Cellule:
        """Les sorties de la cellule ``msg_id``, jusqu'à ce que le noyau redevienne « idle »."""
        import websocket

        source, debut = self._envois.pop(msg_id)
        sorties: list[dict] = []
        premiere = None
        erreur = None
        while True:
            reste = attente - (time.monotonic() - debut)
            if reste <= 0:
                raise ErreurHub(f"la cellule n'a pas fini en {attente:.0f} s : {source[:80]!r}")
            self.ws.settimeout(reste)
            try:
                message = json.loads(self.ws.recv())
            except (websocket.WebSocketException, OSError) as exc:
                raise ErreurHub(f"le noyau de « {self.apprenant.nom} » ne répond plus ({exc}) : serveur arrêté ?") \
                    from exc
            if message.get("parent_header", {}).get("msg_id") != msg_id or message.get("channel") != "iopub":
                continue
            genre = message["msg_type"]
            if genre in ("stream", "execute_result", "display_data", "error"):
                sorties.append({"msg_type": genre, "content": message["content"]})
                premiere = premiere if premiere is not None else time.monotonic() - debut
                if genre == "error":
                    erreur = f"{message['content']['ename']}: {message['content']['evalue']}"
            elif genre == "status" and message["content"]["execution_state"] == "idle":
                return Cellule(source, sorties, time.monotonic() - debut, premiere, erreur)

    def executer(self, source: str, attente: float = 120) -> Cellule:
        """Exécute une cellule et attend ses sorties."""
        return self.attendre(self.envoyer(source), attente)

    def fermer(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()


def cellules_de_code(carnet: dict) -> list[str]:
    """Le code des cellules d'un carnet (modèle JSON de l'API contents), dans l'ordre."""
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in carnet["cells"] if c["cell_type"] == "code"]


def supprimer(dossier: Path) -> None:
    shutil.rmtree(dossier, ignore_errors=True)
