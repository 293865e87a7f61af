"""Widgets de concertation : la logique (garder la dernière stratégie valide, dire l'erreur) sans navigateur."""

from __future__ import annotations

import pytest

from mba_territoires.affichage.widgets_concertation import (
    ComparateurStrategies,
    EditeurStrategie,
    comparateur_strategies,
)
from mba_territoires.concertation import Action, ModeleConcertation, Strategie
from mba_territoires.erreurs import ErreurSaisie


def editeur() -> EditeurStrategie:
    return EditeurStrategie(ModeleConcertation.par_defaut(), Strategie("A", [Action("atelier", "2026-03-24")], 5000))


def test_une_action_valide_est_ajoutee() -> None:
    e = editeur()
    assert e.ajouter_action("stand_marche", "2026-03-28", seances=2)
    assert len(e.strategie.actions) == 2 and e.erreur == ""
    assert e.resultat.cout_total == 1500 + 2 * 600


@pytest.mark.parametrize(("args", "morceau"), [
    (("atelir", "2026-04-01"), "vouliez-vous écrire « atelier »"),
    (("atelier", "2026-13-01"), "AAAA-MM-JJ"),
    (("atelier", "2026-04-01", 0), "au moins 1"),
    (("atelier", "2026-04-01", 1, "Martiens"), "groupe ciblé"),
])
def test_une_action_invalide_est_refusee_et_expliquee(args: tuple, morceau: str) -> None:  # type: ignore[type-arg]
    e = editeur()
    avant = e.strategie
    assert not e.ajouter_action(*args)
    assert morceau in e.erreur and "Conseil" in e.erreur
    assert e.strategie is avant  # la dernière stratégie valide est gardée
    assert "Modification refusée" in e.resume_html()


def test_retirer_et_budget() -> None:
    e = editeur()
    assert not e.retirer_action() and "au moins une action" in e.erreur
    e.ajouter_action("aller_vers", "2026-03-30")
    assert e.retirer_action() and len(e.strategie.actions) == 1
    assert not e.changer_budget(-10) and "négatif" in e.erreur
    assert e.changer_budget(1000) and e.resultat.depassement == 500
    assert "dépassement" in e.resume_html()


def test_le_html_echappe_le_texte_de_l_apprenant() -> None:
    e = EditeurStrategie(ModeleConcertation.par_defaut(), Strategie("<b>moi</b>", [Action("atelier", "2026-03-24")]))
    assert "<b>moi</b>" not in e.resume_html() and "&lt;b&gt;" in e.resume_html()


def test_comparateur_et_interface() -> None:
    m = ModeleConcertation.par_defaut()
    strategies = [Strategie("A", [Action("atelier", "2026-03-24")]),
                  Strategie("B", [Action("aller_vers", "2026-03-24", seances=2)])]
    assert ComparateurStrategies(m, strategies).tableau()["stratégie"].tolist() == ["A", "B"]
    with pytest.raises(ErreurSaisie):
        ComparateurStrategies(m, [])
    ui = comparateur_strategies(m, strategies)
    colonne_a = ui.children[0].children[0]
    bouton_ajouter = colonne_a.children[5].children[0]
    bouton_ajouter.click()  # ajoute une action « Réunion publique » (premier choix de la liste)
    assert "Réunion publique" in colonne_a.children[0].value
