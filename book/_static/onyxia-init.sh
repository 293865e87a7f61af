#!/usr/bin/env bash
# Script d'initialisation Onyxia (SSP Cloud) du cahier mba-territoires.
# Le lien « Onyxia » du livre lance le service Jupyter Python avec init.personalInit pointant ici et
# init.personalInitArgs = le chemin du carnet (par exemple notebooks/00-prise-en-main.ipynb).
# Il copie le dépôt dans le dossier de travail et installe le paquet du cahier.
set -eo pipefail
DEPOT="https://github.com/mba-territoires/mba-territoires"
TRAVAIL="${HOME}/work"
DOSSIER="${TRAVAIL}/mba-territoires"
mkdir -p "$TRAVAIL"
if [ -d "$DOSSIER/.git" ]; then
    git -C "$DOSSIER" pull --ff-only || echo "Mise à jour du cahier impossible : la copie existante est gardée."
else
    git clone --depth 1 "$DEPOT" "$DOSSIER"
fi
pip install --quiet "$DOSSIER"
echo "Cahier prêt : ouvrez ${DOSSIER}/${1:-notebooks}"
