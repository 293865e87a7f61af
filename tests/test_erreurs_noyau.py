"""Les erreurs du paquet telles qu'un apprenant les voit dans Jupyter : un vrai noyau IPython.

Quatre erreurs d'apprenant (un montant négatif, un taux de 30 au lieu de 0.30, un cas mal orthographié,
un exercice inconnu) doivent s'afficher en quelques lignes : le type, le message français, le conseil ;
aucune ligne de trace Python (« Traceback », « File ... .py »). L'option développeur
(``mt.traces_completes(True)`` ou ``MBA_TERRITOIRES_TRACES=1``) rétablit la trace complète.
"""

from __future__ import annotations

import os
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import mba_territoires as mt
from mba_territoires.erreurs import ErreurMontant, ErreurSaisie, ErreurTaux

jupyter_client = pytest.importorskip("jupyter_client")
pytest.importorskip("ipykernel")

RACINE = Path(__file__).resolve().parents[1]
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def noyau(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Un noyau ipykernel de l'environnement des tests, lancé dans le dépôt, sans option de traces."""
    from jupyter_client.manager import KernelManager

    env = {k: v for k, v in os.environ.items() if k != "MBA_TERRITOIRES_TRACES"}
    env["MBA_TERRITOIRES_PROGRESSION"] = str(tmp_path_factory.mktemp("progression"))
    env.pop("MBA_TERRITOIRES_EXERCICES", None)
    # Sockets Unix plutôt que ports TCP : voir tests/conftest.py (gestionnaire_noyau).
    km = KernelManager(kernel_name="python3", transport="ipc", ip=str(tmp_path_factory.mktemp("ipc") / "noyau"))
    km.start_kernel(cwd=str(RACINE), env=env)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def _executer(kc: Any, code: str) -> dict[str, Any]:
    """Exécute ``code`` ; renvoie la sortie d'erreur (ename, evalue, traceback sans couleurs) et le texte imprimé."""
    msg_id = kc.execute(code)
    erreur: dict[str, Any] = {}
    texte = []
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        genre, contenu = msg["msg_type"], msg["content"]
        if genre == "error":
            erreur = {"ename": contenu["ename"], "evalue": contenu["evalue"],
                      "traceback": [_ANSI.sub("", ligne) for ligne in contenu["traceback"]]}
        elif genre == "stream":
            texte.append(contenu["text"])
        elif genre == "status" and contenu["execution_state"] == "idle":
            break
    erreur["texte"] = "".join(texte)
    return erreur


#: erreur → (code de l'apprenant, classe attendue (ou une sous-classe), titre affiché, mot attendu dans le texte).
ERREURS_D_APPRENANT = {
    "montant négatif": (
        "plan = mt.PlanDeFinancement('Cour oasis')\nplan.ajouter_depense('Travaux', montant_ht=-5000)",
        "ErreurMontant", "Saisie à corriger", "Travaux"),
    "taux de 30 au lieu de 0.30": (
        "plan = mt.PlanDeFinancement('Cour oasis')\nplan.ajouter_depense('Travaux', montant_ht=120000)\n"
        "plan.ajouter_financeur('DETR', taux=30)",
        "ErreurTaux", "Saisie à corriger", "0.30"),
    "cas mal orthographié": ("mt.charger_cas('ecole-jules-fery')", "ErreurCas", "Cas à corriger",
                             "vouliez-vous écrire « ecole-jules-ferry » ?"),
    "exercice inconnu": ("ex = mt.carnet('03-plan-de-financement')\nex.verifier('exercice-qui-n-existe-pas', 1)",
                         "ErreurExercice", "Exercice", "exercice-qui-n-existe-pas"),
}


def test_le_noyau_est_celui_de_l_environnement(noyau: Any) -> None:
    sortie = _executer(noyau, "import sys, mba_territoires as mt; print(sys.executable)")
    assert "ename" not in sortie, sortie
    assert Path(sortie["texte"].strip()).resolve() == Path(sys.executable).resolve()


@pytest.mark.parametrize("erreur", list(ERREURS_D_APPRENANT))
def test_erreur_d_apprenant_en_quelques_lignes_francaises(noyau: Any, erreur: str) -> None:
    code, type_attendu, titre, mot = ERREURS_D_APPRENANT[erreur]
    sortie = _executer(noyau, "import mba_territoires as mt\n" + code)
    ename = sortie.get("ename")
    # Une sous-classe française d'ErreurSaisie (ExerciceInconnu est une ErreurExercice, par exemple).
    essai = "try:\n" + textwrap.indent(code, "    ") + (
        "\nexcept Exception as exc:\n    import mba_territoires.erreurs as e\n"
        f"    print(isinstance(exc, e.{type_attendu}), type(exc).__name__)")
    verif = _executer(noyau, "import mba_territoires as mt\n" + essai)
    assert verif["texte"].split() == ["True", ename], (verif, sortie)
    lignes = "\n".join(sortie["traceback"]).split("\n")
    # Le message et le conseil, rien d'autre : pas de trace, pas de chemin de fichier.
    assert 2 <= len(lignes) <= 6, lignes
    assert lignes[0].startswith(f"{titre} ({ename}) : "), lignes
    assert any(ligne.startswith("Conseil : ") for ligne in lignes), lignes
    assert mot in "\n".join(lignes), lignes
    texte = "\n".join(lignes)
    assert "Traceback" not in texte and "File " not in texte and ".py" not in texte, texte
    assert "most recent call" not in texte


def test_option_developpeur_rend_la_trace_complete(noyau: Any) -> None:
    # Après mt.carnet(...) (qui installe l'affichage français des erreurs dans IPython) comme avant.
    code = ERREURS_D_APPRENANT["montant négatif"][0]
    sortie = _executer(noyau, "import mba_territoires as mt\n_ = mt.carnet('03-plan-de-financement')\n"
                              f"mt.traces_completes(True)\n{code}")
    try:
        texte = "\n".join(sortie["traceback"])
        assert sortie["ename"] == "ErreurMontant"
        assert "Traceback" in texte or "File " in texte or ".py" in texte, texte
        assert len(texte.split("\n")) > 6
    finally:
        retour = _executer(noyau, "mt.traces_completes(False)\n" + code)
        assert len("\n".join(retour["traceback"]).split("\n")) <= 6


# --- sans noyau : le rendu court et l'option --------------------------------------------------------

def test_rendu_court_et_variable_d_environnement(monkeypatch: pytest.MonkeyPatch) -> None:
    e = ErreurMontant("le montant de la ligne « Travaux » est négatif (-5 000 €)",
                      conseil="saisissez un montant positif, en euros HT")
    try:
        mt.traces_completes(None)
        monkeypatch.delenv("MBA_TERRITOIRES_TRACES", raising=False)
        assert [_ANSI.sub("", ligne) for ligne in e._render_traceback_()] == [
            "Saisie à corriger (ErreurMontant) : le montant de la ligne « Travaux » est négatif (-5 000 €).",
            "Conseil : saisissez un montant positif, en euros HT."]
        monkeypatch.setenv("MBA_TERRITOIRES_TRACES", "1")
        assert not hasattr(e, "_render_traceback_")  # IPython affiche alors sa trace habituelle
        mt.traces_completes(False)  # le choix explicite l'emporte sur la variable
        assert hasattr(e, "_render_traceback_")
    finally:
        mt.traces_completes(None)


def test_message_sur_plusieurs_lignes_et_sans_conseil() -> None:
    assert ErreurTaux("deux\nlignes")._rendu_court(couleur=False) == ["Saisie à corriger (ErreurTaux) : deux",
                                                                       "lignes."]


def test_traces_completes_refuse_autre_chose_qu_un_booleen() -> None:
    with pytest.raises(ErreurSaisie, match="True ou False"):
        mt.traces_completes("oui")  # type: ignore[arg-type]
