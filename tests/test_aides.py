"""Le catalogue d'aides hors ligne et aides_possibles sur trois vraies communes de tailles différentes."""

from __future__ import annotations

import datetime as dt

import pytest

import mba_territoires as mt
from mba_territoires.aides import THEMES, ErreurAide, ProjetAide, catalogue
from mba_territoires.erreurs import ErreurChoix
from mba_territoires.financement import NATURES_FINANCEUR


def test_catalogue_complet_source_et_date() -> None:
    aides = catalogue()
    ids = {a.id for a in aides}
    for attendu in ("detr", "dsil", "dsid", "dpv", "fnadt", "fonds_vert_renovation", "fonds_vert_renaturation",
                    "fonds_vert_risques", "fonds_chaleur", "agence_eau", "banque_territoires_pret", "feder", "leader"):
        assert attendu in ids
    for a in aides:
        assert a.source.strip() and isinstance(a.date, dt.date), a.id
        assert a.nature in NATURES_FINANCEUR and isinstance(a.public, bool), a.id  # ce que H1 attend
        assert set(a.themes) <= set(THEMES)
        if a.taux_max is not None:
            assert 0 <= (a.taux_min or 0) <= a.taux_max <= 1
        # un taux qui n'est pas tiré d'un paramètre juridique est marqué illustratif
        if not a.taux_parametres and a.taux_max is not None:
            assert a.taux_illustratif, a.id


def test_taux_detr_vient_des_parametres() -> None:
    detr = mt.aide("DETR")
    p = mt.parametres(2026)
    assert (detr.taux_min, detr.taux_max) == (p["financement.detr_taux_min"], p["financement.detr_taux_max"])
    assert not detr.taux_illustratif


PROJET = {"themes": ["renovation energetique", "ecoles"]}


def test_petite_commune_ouessant() -> None:
    # 860 habitants (COG 2026) <= 2 000 : DETR retenue (L2334-33, 2° a)
    r = mt.aides_possibles(mt.commune("29155"), PROJET)
    assert "DETR" in [a.nom for a in r.retenues]
    assert "réservée aux bénéficiaires : departement" in r.raison("DSID")
    assert "ne couvre pas les thèmes" in r.raison("Fonds chaleur")


def test_commune_moyenne_vitre() -> None:
    # 19 365 habitants : entre 2 000 et 20 000, la DETR dépend du potentiel financier (demandé)
    r = mt.aides_possibles(mt.commune("35360"), PROJET)
    reserves = dict((a.id, x) for a, x in r.retenues_avec_reserves)["detr"]
    assert any("potentiel_financier_relatif" in x for x in reserves)
    r2 = mt.aides_possibles("35360", {**PROJET, "potentiel_financier_relatif": 1.3})  # au seuil : non (« inférieur »)
    assert "non éligible à la DETR" in r2.raison("DETR")
    r3 = mt.aides_possibles("35360", {**PROJET, "potentiel_financier_relatif": 1.29})
    assert r3.raison("DETR") == ""


def test_grande_ville_rennes() -> None:
    r = mt.aides_possibles(mt.commune("Rennes"), PROJET)
    assert "230 890" in r.raison("DETR").replace("\u202f", " ").replace("\xa0", " ")
    with pytest.raises(ErreurAide, match="ne s'applique pas à Rennes"):
        r.verifier("DETR")
    assert r.verifier("DSIL").id == "dsil"


def test_travaux_commences_et_fonctionnement() -> None:
    r = mt.aides_possibles("29155", {**PROJET, "stade": "travaux commencés"})
    assert "avant le commencement" in r.raison("DETR")
    r = mt.aides_possibles("29155", {"themes": ["tiers-lieux"], "depense": "fonctionnement"})
    assert "finance seulement : investissement" in r.raison("DETR")
    assert "LEADER" in [a.nom for a in r.retenues]


def test_saisies_invalides() -> None:
    with pytest.raises(ErreurChoix, match="renovation energetique"):
        ProjetAide.depuis({"themes": ["renovation energitique"]})
    with pytest.raises(ErreurAide, match="clés inconnues : theme"):
        ProjetAide.depuis({"theme": "ecoles"})
    with pytest.raises(ErreurAide, match="DETR"):
        mt.aide("DTER")


def test_aide_dans_un_plan() -> None:
    plan = mt.PlanDeFinancement("École d'Ouessant")
    plan.ajouter_depense("Travaux", montant_ht=500_000)
    detr = mt.aides_possibles("29155", PROJET).verifier("DETR")
    try:
        plan.ajouter_financeur(detr, montant=150_000)
    except Exception as e:  # l'acceptation d'un objet Aide est écrite par H1
        pytest.skip(f"ajouter_financeur n'accepte pas encore un objet Aide : {e}")
    assert plan.montant("DETR") == 150_000


# --- banque du carnet 09 : attendus calculés à la main pour deux variantes -----------------------------

def test_c09_detr_max_deux_variantes() -> None:
    from mba_territoires.exercices.carnets.c09_trouver_les_financements import BANQUE

    livre = BANQUE.variante(None)
    # livre : coût 780 000 € HT, DSIL 120 000 € ; taux max DETR 80 % → 624 000 ;
    # plafond des dotations 80 % × 780 000 − 120 000 = 504 000 → la DETR maximale est 504 000 €
    assert (livre["cout"], livre["dsil"]) == (780_000, 120_000)
    assert BANQUE["detr-max"].verifier(504_000, donnees=livre).statut == "juste"
    assert "oublié la DSIL" in BANQUE["detr-max"].verifier(624_000, donnees=livre).message
    assert "TTC" in BANQUE["detr-max"].verifier(0.8 * 780_000 * 1.2 - 120_000, donnees=livre).message
    alice = BANQUE.variante("alice")
    # alice : coût 1 230 000 €, DSIL 140 000 € ; taux max 80 % × 1 230 000 = 984 000 ;
    # plafond 80 % × 1 230 000 − 140 000 = 844 000 → la DETR maximale est 844 000 €
    assert (alice["cout"], alice["dsil"]) == (1_230_000, 140_000)
    assert BANQUE["detr-max"].verifier(844_000, donnees=alice).statut == "juste"
    assert BANQUE["detr-max"].verifier(984_000, donnees=alice).statut != "juste"
    assert BANQUE["detr-max"].verifier(504_000, donnees=alice).statut != "juste"


def test_c09_aides_retenues_et_ecartee() -> None:
    from mba_territoires.exercices.carnets.c09_trouver_les_financements import BANQUE

    livre = BANQUE.variante(None)
    # Figeac, « renovation energetique », investissement avant travaux, porté par la commune : DETR, DSIL,
    # Fonds vert rénovation, prêt Banque des Territoires, FEDER (la DSID est réservée aux départements) → 5
    assert BANQUE["aides-retenues"].verifier(5, donnees=livre).statut == "juste"
    assert "nombre d'aides du catalogue" in BANQUE["aides-retenues"].verifier(13, donnees=livre).message
    assert "écartées" in BANQUE["aides-retenues"].verifier(8, donnees=livre).message
    alice = BANQUE.variante("alice")
    # alice : Locronan (829 habitants ≤ 2 000 : DETR sans condition), rénovation énergétique du gymnase
    # (« renovation energetique », « equipements publics »), investissement avant travaux : DETR, DSIL, DPV,
    # FNADT, Fonds vert rénovation, prêt Banque des Territoires, FEDER (DSID : départements) → 7
    assert (alice["commune"], alice["themes"], alice["stade"]) == (
        "Locronan (29)", ["renovation energetique", "equipements publics"], "avant travaux")
    assert BANQUE["aides-retenues"].verifier(7, donnees=alice).statut == "juste"
    assert BANQUE["aides-retenues"].verifier(6, donnees=alice).statut != "juste"
    # l'étude de restauration des remparts (« patrimoine », stade étude) : seul LEADER intervient au stade
    # des études (la DETR se demande avant travaux) → 1 ; sans le stade, DETR + LEADER → 2, erreur reconnue
    etude = {**livre, "projet": "l'étude de restauration des remparts", "themes": ["patrimoine"],
             "depense": "investissement", "stade": "étude"}
    assert BANQUE["aides-retenues"].verifier(1, donnees=etude).statut == "juste"
    assert "stade comptent" in BANQUE["aides-retenues"].verifier(2, donnees=etude).message
    # travaux déjà commencés : aucune aide du catalogue ne se demande après le début des travaux → 0
    commences = {**livre, "themes": ["renovation energetique", "equipements publics"], "stade": "travaux commencés"}
    assert BANQUE["aides-retenues"].verifier(0, donnees=commences).statut == "juste"
    # Brest (plus de 20 000 habitants) : la DETR est écartée (L2334-33, 2° b)
    assert BANQUE["aide-ecartee"].verifier("detr", donnees=livre).statut == "juste"
    assert "condition de population" in BANQUE["aide-ecartee"].verifier("DSIL", donnees=livre).message


def test_c09_plan_verifie() -> None:
    import mba_territoires as mt
    from mba_territoires.exercices.carnets.c09_trouver_les_financements import BANQUE

    livre = BANQUE.variante(None)
    assert "doit être un plan" in BANQUE["plan-verifie"].verifier(12, donnees=livre).message
    plan = mt.PlanDeFinancement("École", maitre_ouvrage="Commune de Figeac")
    plan.ajouter_depense("Travaux", montant_ht=690_000)
    plan.ajouter_depense("Maîtrise d'œuvre", montant_ht=70_000)
    assert "DETR et le Fonds vert" in BANQUE["plan-verifie"].verifier(plan, donnees=livre).message
    possibles = mt.aides_possibles("Figeac (46)", {"themes": ["renovation energetique", "ecoles"]})
    plan.ajouter_financeur(possibles.verifier("DETR"), taux=0.50)
    plan.ajouter_financeur(possibles.verifier("fonds_vert_renovation"), taux=0.40)
    # 50 % + 40 % = 90 % d'aides : la commune apporte 10 % < 20 % (L1111-10) → règle non respectée
    assert "n'est pas respectée" in BANQUE["plan-verifie"].verifier(plan, donnees=livre).message
    plan.modifier_financeur("Fonds vert — rénovation des bâtiments publics", taux=0.20)
    assert BANQUE["plan-verifie"].verifier(plan, donnees=livre).statut == "juste"
