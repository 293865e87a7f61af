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

.PHONY: help install lab book test lint test-paquet test-carnets test-livre clean

help:
	@echo "make book   construit le livre HTML (_build/html)"
	@echo "make test   lance tous les tests"
	@echo "make lab    ouvre JupyterLab en français sur les carnets"
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

book: $(STAMP)
	mkdir -p $(PROGRESSION)
	MBA_TERRITOIRES_EXERCICES=solutions $(BIN)/jupyter-book build . --builder html -W -n --keep-going
	@echo "Livre construit : _build/html/index.html"

lint: $(STAMP)
	$(BIN)/ruff check src tests notebooks bench

test-paquet: $(STAMP)
	$(BIN)/pytest -n $(JOBS) -m "not livre and not navigateur"

test-carnets: $(STAMP)
	mkdir -p $(PROGRESSION)
	MBA_TERRITOIRES_EXERCICES=solutions $(BIN)/pytest --nbval-lax -n $(JOBS) --dist loadfile -p no:randomly notebooks

test-livre: $(STAMP)
	$(BIN)/pytest -m "livre or navigateur"

test: lint test-paquet test-carnets test-livre
	@echo "Tous les tests sont passés."

clean:
	rm -rf _build
