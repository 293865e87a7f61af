# mba-territoires : les commandes du cahier. Sur une machine neuve, deux commandes suffisent :
#   make book   construit le livre HTML dans _build/html
#   make test   lance tous les tests (paquet, carnets, édition étudiant, livre, navigateur)
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

.PHONY: help install lab book archive chromium check-book test lint test-paquet test-carnets test-livre clean

help:
	@echo "make book   construit le livre HTML (_build/html)"
	@echo "make test   lance tous les tests"
	@echo "make lab    ouvre JupyterLab en français sur les carnets"
	@echo "make check-book  construit le livre et le vérifie dans Chromium (pages, liens, accessibilité)"
	@echo "make clean  supprime _build (garde .venv)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[lab,book,dev]"
	touch $(STAMP)

install: $(STAMP)

lab: $(STAMP)
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	$(BIN)/jupyter lab --ServerApp.root_dir=$(CURDIR) notebooks/00-prise-en-main.ipynb

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

book: $(STAMP) archive $(CACHE_PAQUET)
	mkdir -p $(PROGRESSION)
	MBA_TERRITOIRES_EXERCICES=solutions $(BIN)/jupyter-book build . --builder html -W -n --keep-going
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

# Le livre construit, puis visité page par page dans Chromium, réseau coupé : erreurs, liens,
# images et textes de remplacement, titres, widgets hors ligne, audit axe-core, captures d'écran
# (dans _build/artefacts/captures).
check-book: book chromium
	MBA_LIVRE_HTML=$(CURDIR)/_build/html $(BIN)/pytest -m navigateur tests/navigateur

lint: $(STAMP)
	$(BIN)/ruff check src tests notebooks bench

test-paquet: $(STAMP)
	$(BIN)/pytest -n $(JOBS) -m "not livre and not navigateur"

test-carnets: $(STAMP)
	mkdir -p $(PROGRESSION)
	MBA_TERRITOIRES_EXERCICES=solutions $(BIN)/pytest --nbval-lax -n $(JOBS) --dist loadfile -p no:randomly notebooks

# La construction du livre sans aucun avertissement (tests/test_livre.py), puis les tests du navigateur.
test-livre: $(STAMP) archive $(CACHE_PAQUET)
	$(BIN)/pytest -m livre -n $(JOBS) --dist loadfile
	$(MAKE) --no-print-directory check-book

test: lint test-paquet test-carnets test-livre
	@echo "Tous les tests sont passés."

clean:
	rm -rf _build
