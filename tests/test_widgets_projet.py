"""Widgets de la conception de projet : la logique (garder le dernier planning valide, recalculer le
chemin critique et les alertes de subvention, refuser une note hors échelle) se teste sans navigateur."""

from __future__ import annotations

import pytest

from mba_territoires.affichage.widgets_projet import (
    EditeurPlanning,
    NotateurRisques,
    editeur_planning,
    notation_risques,
)
from mba_territoires.cas import charger
from mba_territoires.planning import planning_du_cas
from mba_territoires.risques import RegistreRisques, Risque, registre_du_cas

SIGNATURE = "Signature du marché de travaux"
CONSULTATION = "Consultation des entreprises de travaux"


@pytest.fixture
def editeur() -> EditeurPlanning:
    return EditeurPlanning(planning_du_cas(charger("cour-oasis")))


def test_allonger_la_consultation_fait_manquer_la_rentree(editeur: EditeurPlanning) -> None:
    # + 20 jours : la marge de 5 jours est dépassée de 15 jours ; les travaux commencent le 21/07 (jour 197)
    # et finissent le 3/09 (jour 241), après la date limite du 28/08.
    assert editeur.changer_duree(CONSULTATION, 55)
    o = editeur.ordonnancement
    assert o.tache("Travaux de désimperméabilisation et de plantation").date_debut.isoformat() == "2026-07-21"
    assert o.tache("Travaux de désimperméabilisation et de plantation").date_fin.isoformat() == "2026-09-03"
    assert CONSULTATION in o.chemin_critique()
    assert any(a.niveau == "bloquant" for a in editeur.alertes())
    assert "date limite" in editeur.resume_html()


def test_avancer_la_signature_avant_la_reception_de_la_demande(editeur: EditeurPlanning) -> None:
    # La demande à l'agence de l'eau est reçue le 16/03/2026 ; signer le marché le 1/03 serait trop tôt.
    # Programmation, choix du paysagiste, ateliers et conception ramenés à 5 jours : validation au jour 15,
    # consultation du jour 16 au jour 51, signature au jour 51, soit le 25/02/2026.
    for nom in ("Programmation et diagnostic de la cour", "Choix du paysagiste concepteur",
                "Ateliers de co-conception avec les élèves",
                "Conception (esquisse, avant-projet, dossier de consultation)"):
        assert editeur.changer_duree(nom, 5)
    assert editeur.ordonnancement.tache(SIGNATURE).date_debut.isoformat() == "2026-02-25"
    # Parmi les alertes de l'agence, celle de la règle du financeur (pas celle de la délibération).
    alertes = [a for a in editeur.alertes() if a.objet.startswith("Agence") and "règlement" in a.source]
    assert alertes[0].niveau == "attention" and "avant la réception de la demande" in alertes[0].message


def test_modification_invalide_gardee_hors_du_planning(editeur: EditeurPlanning) -> None:
    avant = editeur.ordonnancement.duree_totale
    assert not editeur.changer_duree(CONSULTATION, -5)
    assert "la durée de « Consultation des entreprises de travaux » (en jours) vaut -5" in editeur.erreur
    assert editeur.ordonnancement.duree_totale == avant
    assert "Modification refusée" in editeur.resume_html()
    assert not editeur.decaler("Consultaton", 3)
    assert "vouliez-vous écrire « Consultation des entreprises de travaux »" in editeur.erreur
    assert not editeur.fixer_pas_avant(CONSULTATION, "6 juillet")


def test_decaler_puis_annuler(editeur: EditeurPlanning) -> None:
    assert editeur.decaler("Ateliers de co-conception avec les élèves", 20)  # dans sa marge de 30 jours
    assert editeur.ordonnancement.duree_totale == 228
    assert editeur.decaler("Ateliers de co-conception avec les élèves", 20)  # 40 jours au total : hors marge
    assert editeur.ordonnancement.duree_totale > 228
    assert editeur.annuler() and editeur.annuler()
    assert editeur.ordonnancement.duree_totale == 228
    assert not editeur.annuler() and "rien à annuler" in editeur.erreur


def test_editeur_accepte_un_planning_et_ses_deliberations() -> None:
    # Planning.depuis_cas porte marchés, subventions et délibérations : l'éditeur s'en sert directement.
    from mba_territoires.planning import Planning

    e = EditeurPlanning(Planning.depuis_cas("cour-oasis"))
    assert {a.niveau for a in e.alertes()} <= {"conforme", "information"}
    # Supprimer la marge : la séance d'autorisation suit la consultation, la signature suit la séance.
    assert e.changer_duree(CONSULTATION, 36)
    o = e.ordonnancement
    seance = o.tache("Conseil municipal : autorisation de signer le marché de travaux")
    assert o.tache(SIGNATURE).date_debut == seance.date_debut  # jalon de durée nulle : même jour


def test_notateur_risques() -> None:
    n = NotateurRisques(RegistreRisques([Risque("Retard <b>", 3, 4, "Services")]))
    assert not n.noter("Retard <b>", 0, 4) and "de 1 à 5" in n.erreur
    assert n.registre.risque("Retard <b>").criticite == 12  # dernier registre valide gardé
    assert n.noter("Retard <b>", 4, 4) and n.erreur == ""
    html = n.resume_html("Retard <b>")
    assert "criticité 16 (critique)" in html and "<b>" not in html and "&lt;b&gt;" in html


def test_interfaces_ipywidgets_se_construisent() -> None:
    pytest.importorskip("ipywidgets")
    boite = editeur_planning(planning_du_cas(charger("cour-oasis")))
    assert boite.children[0].description == "Tâche"
    boite = notation_risques(registre_du_cas(charger("cour-oasis")))
    assert boite.children[1].children[0].description == "Probabilité"
