"""Chaque étude de cas du dépôt est complète et cohérente : un test paramétré sur ``cas.disponibles()``.

Un nouveau cas est couvert dès qu'il est dans ``casestudies/`` : son plan de financement respecte les
règles de cofinancement (CGCT L1111-10 : au moins 20 % des financements publics à la charge du maître
d'ouvrage ; plafonds des aides) et couvre son coût, son planning n'a ni boucle ni alerte bloquante, son
cadre logique n'a aucune anomalie, ses sections (risques, indicateurs, acteurs, stratégies, gouvernance,
bilan) sont remplies, ses stratégies tiennent dans leur budget et sa note aux élus s'exporte en Word
avec le tableau de financement. Les chiffres que chaque brief (README) annonce sont recalculés à la main
dans :data:`CHIFFRES_DES_BRIEFS`.

(Anciennement ``test_cas_groupe_a.py`` et ``test_cas_groupe_b.py``, un fichier par lot de livraison.)
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import mba_territoires as mt
from mba_territoires import cas as module_cas

CAS = module_cas.disponibles()

#: Les montants que chaque brief annonce (nature de la ligne → euros), calculés à la main depuis le README.
CHIFFRES_DES_BRIEFS: dict[str, dict[str, float]] = {
    # Agence de l'eau 70 000 € ; DETR 20 % × 118 000 = 23 600 € ; commune 118 000 − 93 600 = 24 400 €.
    "cour-oasis": {"detr": 23_600, "maitre_ouvrage": 24_400},
    # DETR 35 % × 570 000 = 199 500 € ; LEADER 55 000 ; Région 114 000 ; Département 57 000 ;
    # commune 570 000 − (199 500 + 55 000 + 114 000 + 57 000) = 144 500 € (sous les 150 000 € voulus par la maire).
    "tiers-lieu-rural": {"detr": 199_500, "maitre_ouvrage": 144_500},
    # DETR 20 % (plancher de R2334-27) de la chaufferie et du réseau : 0,20 × (600 000 + 576 000) = 235 200 € ;
    # commune 1 420 000 − (440 000 + 284 000 + 235 200) = 460 800 €.
    "reseau-chaleur-bois": {"detr": 235_200, "maitre_ouvrage": 460_800},
    # DSIL 525 000 € ; commune 2 100 000 − (525 000 + 420 000 + 315 000 + 210 000) = 630 000 € (30 %).
    "centre-bourg": {"dsil": 525_000, "maitre_ouvrage": 630_000},
}


def test_le_depot_a_des_cas() -> None:
    assert len(CAS) >= 6
    assert set(CHIFFRES_DES_BRIEFS) <= set(CAS)


@pytest.mark.parametrize("slug", CAS)
def test_plan_respecte_les_regles_et_couvre_le_cout(slug: str) -> None:
    cas = mt.charger_cas(slug)
    plan = mt.PlanDeFinancement.depuis_cas(cas)
    verdicts = plan.verifier()
    assert verdicts.respectee, verdicts.non_respectees()
    # Le plan couvre exactement le coût annoncé du projet (HT).
    assert plan.tableau()["montant"].iloc[-1] == pytest.approx(cas.projet.cout_estime_ht)


@pytest.mark.parametrize("slug", sorted(CHIFFRES_DES_BRIEFS))
def test_plan_comme_le_brief(slug: str) -> None:
    t = mt.PlanDeFinancement.depuis_cas(slug).tableau().set_index("nature")
    for nature, montant in CHIFFRES_DES_BRIEFS[slug].items():
        assert t.loc[nature, "montant"] == pytest.approx(montant), nature


def test_reseau_de_chaleur_sans_fctva() -> None:
    # Pas de FCTVA : la TVA est récupérée par déduction dans le budget annexe du réseau (hypothèse du cas).
    assert mt.PlanDeFinancement.depuis_cas("reseau-chaleur-bois").fctva().montant == pytest.approx(0)


@pytest.mark.parametrize("slug", CAS)
def test_planning_sans_boucle_ni_alerte_bloquante(slug: str) -> None:
    planning = mt.Planning.depuis_cas(slug)
    ordonnancement = planning.ordonnancer()  # lève ErreurRegle s'il y a une boucle
    assert ordonnancement.chemin_critique()
    niveaux = {a.niveau for a in planning.alertes()}
    assert niveaux <= {"conforme", "information"}, [str(a) for a in planning.alertes()]


@pytest.mark.parametrize("slug", CAS)
def test_le_conseil_delibere_au_planning(slug: str) -> None:
    # Le conseil municipal (ou communautaire) décide : chaque cas prévoit au moins une séance qui approuve
    # le plan de financement et demande les subventions.
    objets = {o for d in mt.Planning.depuis_cas(slug).deliberations() for o in d["objets"]}
    assert {"plan_de_financement", "demande_subvention"} <= objets, objets


@pytest.mark.parametrize("slug", CAS)
def test_cadre_logique_sans_anomalie(slug: str) -> None:
    assert mt.CadreLogique.depuis_cas(slug).anomalies() == []


@pytest.mark.parametrize("slug", CAS)
def test_sections_completes(slug: str) -> None:
    cas = mt.charger_cas(slug)
    assert len(mt.RegistreRisques.depuis_cas(cas)) >= 6
    assert all(mt.verifier_smart(s.indicateur).smart for s in mt.indicateurs_du_cas(cas))
    assert len(mt.CarteDesActeurs.depuis_cas(cas).tableau()) >= 8
    assert len(mt.strategies_du_cas(cas)) >= 1
    assert mt.Gouvernance.depuis_cas(cas).tableau_comites() is not None
    assert not math.isnan(mt.BilanSocioEconomique.depuis_cas(cas).van())


@pytest.mark.parametrize("slug", CAS)
def test_strategies_dans_leur_budget(slug: str) -> None:
    cas = mt.charger_cas(slug)
    comparaison = mt.comparer_strategies(mt.ModeleConcertation.depuis_cas(cas), mt.strategies_du_cas(cas).values(),
                                         mt.CarteDesActeurs.depuis_cas(cas))
    assert (comparaison["coût"] <= comparaison["budget"]).all(), comparaison[["stratégie", "coût", "budget"]]


@pytest.mark.parametrize("slug", CAS)
def test_note_exportee_en_word(slug: str, tmp_path: Path) -> None:
    import docx

    cas = mt.charger_cas(slug)
    plan = mt.PlanDeFinancement.depuis_cas(cas)
    note = mt.NoteAuxElus.depuis_cas(cas, plan=plan, auteur="Camille Martin", date="2026-01-12")
    assert note.problemes == {}, note.problemes
    document = docx.Document(str(note.exporter_word(tmp_path / f"note-{slug}.docx")))
    cellules = [c.text for table in document.tables for ligne in table.rows for c in ligne.cells]
    assert any(plan.financeurs[0].nom in c for c in cellules), cellules
    assert any("Total" in c for c in cellules), cellules
    assert any("Coût net pour le maître d'ouvrage" in c for c in cellules), cellules
