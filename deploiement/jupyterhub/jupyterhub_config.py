"""JupyterHub pour une classe sur un seul serveur, à la manière de The Littlest JupyterHub (TLJH).

Étapes d'installation : ``deploiement/jupyterhub/README.md`` ; chiffres de capacité :
``book/capacite-jupyterhub.md``. Lancement : ``/opt/jupyterhub/bin/jupyterhub -f /etc/jupyterhub/jupyterhub_config.py``
(service systemd ``jupyterhub.service`` du README).

- Chaque apprenant a son serveur Jupyter, un processus local lancé depuis l'environnement du cahier
  (``MBA_HUB_ENV``, construit depuis ``binder/requirements.txt`` : le même qu'en Binder et sur Kubernetes).
- Limites par apprenant (mémoire, processeur) : appliquées par systemd quand le serveur en a un
  (``jupyterhub-systemdspawner`` installé et systemd en marche, comme sur TLJH). Sans systemd (conteneur,
  WSL), le spawner de processus locaux ne peut pas les imposer : elles sont seulement transmises au serveur
  (``MEM_LIMIT``, ``CPU_LIMIT``) et le guide de capacité dit comment dimensionner la machine pour s'en passer.
- nbgitpuller est dans l'environnement du cahier : les liens ``mba-territoires lien jupyterhub`` marchent.
- Les serveurs inactifs sont arrêtés par le service jupyterhub-idle-culler (``MBA_HUB_INACTIVITE`` secondes
  sans activité) ; les fichiers des apprenants restent dans leur dossier personnel.

Les valeurs se règlent par variables d'environnement (fichier ``/etc/jupyterhub/env`` du service) ;
``tests/hub/test_deploiement.py`` charge ce fichier dans un vrai hub sur 127.0.0.1.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (fourni par JupyterHub)

# -- Réglages (variables d'environnement, avec les valeurs pour une classe de 30 : voir le guide de capacité)
ENV = Path(os.environ.get("MBA_HUB_ENV", "/opt/mba-territoires/env"))  # l'environnement du cahier
DONNEES = Path(os.environ.get("MBA_HUB_DONNEES", "/srv/jupyterhub"))  # base du hub, secret des cookies
# Mesuré (bench/bench_classe.py, 2026-12-01, leçon 03) : 302 Mio par apprenant (serveur + noyau) au pic, 235 en PSS ;
# 512 Mio garantis laissent la place d'un deuxième carnet ouvert (un noyau de plus : 158 Mio pour la leçon 03).
MEMOIRE_GARANTIE = os.environ.get("MBA_HUB_MEMOIRE_GARANTIE", "512M")
MEMOIRE_LIMITE = os.environ.get("MBA_HUB_MEMOIRE_LIMITE", "1G")
CPU_LIMITE = float(os.environ.get("MBA_HUB_CPU_LIMITE", "1"))
INACTIVITE = int(os.environ.get("MBA_HUB_INACTIVITE", "3600"))  # 1 h sans activité : serveur arrêté
INTERVALLE = int(os.environ.get("MBA_HUB_CULL_EVERY", "300"))
# Les enseignants (administrateurs du hub), séparés par des virgules.
ENSEIGNANTS = {n.strip() for n in os.environ.get("MBA_HUB_ENSEIGNANTS", "enseignant").split(",") if n.strip()}

# -- Le hub
c.JupyterHub.bind_url = os.environ.get("MBA_HUB_URL", "http://127.0.0.1:8000")  # derrière Caddy/nginx en HTTPS
c.JupyterHub.db_url = f"sqlite:///{DONNEES}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = str(DONNEES / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = False  # un redémarrage du hub n'arrête pas les serveurs des apprenants
c.ConfigurableHTTPProxy.command = [os.environ.get("MBA_HUB_PROXY", "configurable-http-proxy")]

# -- Qui se connecte : un mot de passe de classe (JupyterHub ≥ 5.3). Pour l'annuaire de l'établissement,
# remplacez par OAuthenticator / LTI13Authenticator (voir le README).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("MBA_HUB_MOT_DE_PASSE")  # 8 caractères au moins
c.SharedPasswordAuthenticator.admin_password = os.environ.get("MBA_HUB_MOT_DE_PASSE_ENSEIGNANT")  # 32 au moins
c.Authenticator.admin_users = ENSEIGNANTS
c.Authenticator.allow_all = True  # toute personne qui a le mot de passe de la classe ; sinon allowed_users

# -- Le serveur de chaque apprenant
c.Spawner.cmd = [str(ENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
# Pas de MPLBACKEND : le noyau prend le moteur « inline », qui affiche les figures dans le carnet (avec
# MPLBACKEND=Agg, `plan.graphique();` ne montrerait rien à l'apprenant).
c.Spawner.environment = {
    # Identifiant de l'apprenant pour les variantes d'exercices (mba_territoires.exercices.variantes) :
    # décommentez pour que chaque apprenant ait ses propres chiffres.
    # "MBA_TERRITOIRES_APPRENANT": lambda spawner: spawner.user.name,
}
# Noyaux par sockets Unix plutôt que TCP : quand 20 noyaux démarrent à la même seconde sur une machine, deux
# peuvent tirer le même port (« Address already in use », vu par bench/bench_classe.py) ; en IPC, aucun port.
c.Spawner.args = ["--KernelManager.transport=ipc"]
c.Spawner.mem_guarantee = MEMOIRE_GARANTIE
c.Spawner.mem_limit = MEMOIRE_LIMITE
c.Spawner.cpu_limit = CPU_LIMITE
# Une classe entière se connecte au même instant : la machine de mesure (2 cœurs) démarre 20 serveurs en
# moins de 30 s (guide de capacité) ; 120 s laissent de la marge sur une machine chargée.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.concurrent_spawn_limit = 60


def _systemd_disponible() -> bool:
    try:
        import systemdspawner  # noqa: F401
    except ImportError:
        return False
    return shutil.which("systemctl") is not None and Path("/run/systemd/system").is_dir()


if _systemd_disponible():
    # Comme TLJH : chaque serveur est une unité systemd, avec ses limites (cgroups) et un utilisateur
    # dynamique (pas de compte Unix à créer ; dossier dans /var/lib/private/<nom>).
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.dynamic_users = True
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.unit_extra_properties = {"MemorySwapMax": "0"}  # au-delà de la limite : arrêt net, pas de swap
    # /tmp est propre à chaque apprenant (isolate_tmp) : un chemin court pour les sockets des noyaux (107 car. max).
    c.Spawner.environment["JUPYTER_RUNTIME_DIR"] = "/tmp/jupyter-runtime"
else:
    # Sans systemd : un processus local par apprenant, sous son propre compte Unix (créé au premier
    # démarrage). Les limites ne sont pas imposées : dimensionnez la machine (guide de capacité).
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
    c.LocalProcessSpawner.notebook_dir = "~"

    def _creer_compte(spawner) -> None:  # type: ignore[no-untyped-def]
        """Crée le compte Unix de l'apprenant s'il n'existe pas (le hub tourne en root)."""
        nom = spawner.user.name
        if subprocess.run(["id", "-u", nom], capture_output=True).returncode != 0:
            subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", nom], check=True)

    c.Spawner.pre_spawn_hook = _creer_compte

# -- Extinction des serveurs inactifs (jupyterhub-idle-culler, installé avec le hub)
c.JupyterHub.services = [{
    "name": "jupyterhub-idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={INACTIVITE}",
                f"--cull-every={INTERVALLE}", "--concurrency=5"],
}]
c.JupyterHub.load_roles = [{
    "name": "jupyterhub-idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["jupyterhub-idle-culler"],
}]
