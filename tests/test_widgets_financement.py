"""L'éditeur de plan : une saisie invalide est expliquée en français et le dernier plan valide est gardé."""

from __future__ import annotations

import pytest

from mba_territoires.affichage.widgets_financement import EditeurPlan, editeur_plan
from mba_territoires.erreurs import ErreurSaisie
from mba_territoires.financement import PlanDeFinancement


def editeur() -> EditeurPlan:
    plan = PlanDeFinancement("École", maitre_ouvrage="Commune")
    e = EditeurPlan(plan)
    assert e.enregistrer_depense("Travaux", 100_000)
    assert e.enregistrer_financeur("DETR", "taux", 0.30)
    return e


def test_une_saisie_valide_met_les_regles_a_jour() -> None:
    e = editeur()
    assert e.plan.montant("DETR") == 30_000 and e.erreur == ""
    assert e.verification.respectee
    assert e.enregistrer_financeur("Région", "montant", 55_000)  # S = 85 000 : les 20 % ne tiennent plus
    assert not e.verification["participation_minimale"].respectee
    assert "non respectée" in e.html() and "Région" in e.html()


def test_modifier_par_le_meme_nom() -> None:
    e = editeur()
    assert e.enregistrer_depense("Travaux", 200_000)
    assert e.plan.cout_ht == 200_000 and len(e.plan.depenses) == 1
    assert e.enregistrer_financeur("DETR", "montant", 50_000)
    assert e.plan.montant("DETR") == 50_000 and e.plan.financeurs[0].taux is None


@pytest.mark.parametrize(("saisie", "morceaux"), [
    (("depense", "Travaux", -5_000), ["« Travaux »", "négatif", "Conseil"]),
    (("financeur", "Fonds vert", "taux", 1.5), ["« Fonds vert »", "au-dessus de 100 %", "Conseil"]),
    (("financeur_nature", "Région", "taux", 0.2, "regoin"), ["« regoin »", "vouliez-vous écrire « region »"]),
    (("financeur", "Fonds vert", "montant", 80_000),
     ["« Fonds vert »", "dépasseraient", "réduisez « Fonds vert » de 10"]),
    (("financeur", "Fonds vert", "pourcentage", 0.2), ["la forme « pourcentage »", "Conseil"]),
])
def test_une_saisie_invalide_est_refusee_et_le_plan_garde(saisie: tuple, morceaux: list[str]) -> None:  # type: ignore[type-arg]
    e = editeur()
    avant = e.plan.vers_dict()
    genre, *args = saisie
    if genre == "depense":
        ok = e.enregistrer_depense(*args)
    elif genre == "financeur":
        ok = e.enregistrer_financeur(*args)
    else:
        ok = e.enregistrer_financeur(args[0], args[1], args[2], True, args[3])
    assert not ok
    for morceau in morceaux:
        assert morceau in e.erreur.replace("\u202f", " ").replace("\xa0", " ")
    assert e.plan.vers_dict() == avant
    assert "Saisie refusée, le plan précédent est conservé" in e.html()
    # Une saisie valide efface l'erreur.
    assert e.enregistrer_depense("Études", 10_000) and e.erreur == ""


def test_retraits_et_emprunt() -> None:
    e = editeur()
    assert not e.retirer_financeur("Région")
    assert "vouliez-vous" not in e.erreur and "« Région » n'existe pas" in e.erreur
    assert e.emprunter(70_000) and e.plan.emprunt == 70_000
    assert not e.emprunter(70_001) and e.plan.emprunt == 70_000
    assert e.retirer_financeur("DETR") and e.plan.financeurs == ()


def test_le_html_echappe_le_texte_de_l_apprenant() -> None:
    e = editeur()
    e.enregistrer_depense("<img src=x onerror=alert(1)>", 10)
    assert "<img" not in e.html() and "&lt;img" in e.html()
    e.enregistrer_depense("<b>x</b>", -1)
    assert "<b>x</b>" not in e.html()


def test_l_editeur_refuse_ce_qui_n_est_pas_un_plan() -> None:
    with pytest.raises(ErreurSaisie, match="attend un PlanDeFinancement"):
        EditeurPlan([("DETR", 1)])  # type: ignore[arg-type]


def test_les_boutons_sans_navigateur() -> None:
    boite = editeur_plan(PlanDeFinancement("École", maitre_ouvrage="Commune"))
    champs, boutons = boite.champs, boite.boutons
    champs["libelle"].value, champs["montant_ht"].value = "Travaux", 100_000
    boutons["ajouter_depense"].click()
    champs["nom"].value, champs["forme"].value, champs["valeur"].value = "DETR", "taux", 0.3
    boutons["ajouter_financeur"].click()
    assert boite.editeur.plan.montant("DETR") == 30_000
    assert "30\u202f000,00\xa0€" in champs["sortie"].value
    # Une mauvaise saisie : le message s'affiche, le plan reste.
    champs["valeur"].value = 30
    boutons["ajouter_financeur"].click()
    assert "Saisie refusée" in champs["sortie"].value and boite.editeur.plan.montant("DETR") == 30_000
    champs["nom"].value = "Mécène"
    champs["forme"].value, champs["valeur"].value, champs["public"].value = "montant", 5_000, False
    boutons["ajouter_financeur"].click()
    assert boite.editeur.plan.financements_prives == 5_000
    boutons["retirer_financeur"].click()
    champs["libelle"].value = "Travaux"
    assert boite.editeur.plan.financements_prives == 0
    boutons["retirer_depense"].click()  # la DETR, par taux, tombe à 0 avec sa base
    assert boite.editeur.plan.cout_ht == 0 and boite.editeur.plan.montant("DETR") == 0
