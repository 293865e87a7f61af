"""Planning : chemin critique calculé à la main, procédure de marché à chaque seuil (au seuil, juste
en dessous, juste au-dessus), alertes des jalons de subvention (CGCT R2334-24, R2334-28, R2334-29),
messages français pour un planning en boucle ou mal formé."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mba_territoires.cas import charger
from mba_territoires.erreurs import ErreurMontant, ErreurRegle, ErreurSaisie
from mba_territoires.parametres import parametres
from mba_territoires.planning import (
    JalonSubvention,
    Marche,
    Planning,
    Tache,
    ajouter_annees,
    planning_du_cas,
    procedure_marche,
    verifier_consultations,
    verifier_subventions,
)

P = parametres(2026)
DEBUT = dt.date(2026, 1, 5)


def _reseau() -> Planning:
    # A (3 j) ; B (2 j) après A ; C (4 j) après A ; D (1 j) après B et C.
    return Planning([Tache("A", 3), Tache("B", 2, ["A"]), Tache("C", 4, ["A"]), Tache("D", 1, ["B", "C"])], DEBUT)


# ---------------------------------------------------------------------------
# Chemin critique
# ---------------------------------------------------------------------------

def test_chemin_critique_calcule_a_la_main() -> None:
    # Passe avant : A 0→3 ; B 3→5 ; C 3→7 ; D commence au max(5, 7) = 7 → 8. Durée totale : 8 jours.
    # Passe arrière : D 7→8 ; C 3→7 ; B finit au plus tard à 7, commence au plus tard à 5 ; A 0→3.
    # Marges : A 0, B 5 - 3 = 2, C 0, D 0 → chemin critique A, C, D.
    o = _reseau().ordonnancer()
    assert o.duree_totale == 8
    assert [(t.nom, t.debut_tot, t.fin_tot, t.debut_tard, t.marge) for t in o.taches] == [
        ("A", 0, 3, 0, 0), ("B", 3, 5, 5, 2), ("C", 3, 7, 3, 0), ("D", 7, 8, 7, 0)]
    assert o.chemin_critique() == ["A", "C", "D"]
    assert o.fin == dt.date(2026, 1, 12)  # 5 janvier + 8 jours - 1 (dernier jour de D)
    assert o.tache("B").date_debut == dt.date(2026, 1, 8) and o.tache("B").date_fin == dt.date(2026, 1, 9)


def test_contrainte_pas_avant_repousse_la_tache_et_donne_de_la_marge_en_amont() -> None:
    # D ne peut commencer avant le 15 janvier, soit le jour 10 : D 10→11, total 11 jours.
    # C finit au jour 7 et pourrait finir au jour 10 : marge de 3 ; B : 10 - 5 = 5 ; A : 3.
    o = _reseau().avec_pas_avant("D", "2026-01-15").ordonnancer()
    assert o.duree_totale == 11
    assert {t.nom: t.marge for t in o.taches} == {"A": 3, "B": 5, "C": 3, "D": 0}
    assert o.chemin_critique() == ["D"]


def test_modifier_rend_un_nouveau_planning() -> None:
    p = _reseau()
    plus_long = p.avec_duree("B", 6)  # B 3→9 devient critique : D 9→10
    assert plus_long.ordonnancer().chemin_critique() == ["A", "B", "D"]
    assert p.ordonnancer().duree_totale == 8  # l'original n'a pas changé
    decale = p.decaler("C", 2)  # C commence au jour 5 au lieu de 3 → D 9→10
    assert decale.ordonnancer().duree_totale == 10


def test_jalon_de_duree_nulle() -> None:
    o = Planning([Tache("A", 5), Tache("Validation", 0, ["A"]), Tache("B", 2, ["Validation"])], DEBUT).ordonnancer()
    assert o.tache("Validation").debut_tot == 5 and o.duree_totale == 7
    assert o.tache("Validation").date_fin == o.tache("Validation").date_debut


# ---------------------------------------------------------------------------
# Plannings mal formés : messages français
# ---------------------------------------------------------------------------

def test_boucle_nommee_avec_la_correction() -> None:
    with pytest.raises(ErreurRegle) as exc:
        Planning([Tache("Conception", 10, ["Consultation"]), Tache("Consultation", 5, ["Travaux"]),
                  Tache("Travaux", 20, ["Conception"])], DEBUT)
    texte = str(exc.value)
    assert texte.startswith("le planning contient une boucle : ")
    for nom in ("« Conception »", "« Consultation »", "« Travaux »"):
        assert nom in texte
    assert "Conseil : retirez « " in texte and " des prédécesseurs de « " in texte


def test_boucle_sur_elle_meme() -> None:
    with pytest.raises(ErreurRegle, match="« A » est son propre prédécesseur"):
        Planning([Tache("A", 1, ["A"])], DEBUT)


def test_predecesseur_inconnu_propose_le_plus_proche() -> None:
    with pytest.raises(ErreurRegle, match="vouliez-vous écrire « Conception »") as exc:
        Planning([Tache("Conception", 10), Tache("Travaux", 20, ["Conceptoin"])], DEBUT)
    assert "« Travaux » attend « Conceptoin »" in str(exc.value)


def test_doublon_et_durees_invalides() -> None:
    with pytest.raises(ErreurRegle, match="deux tâches s'appellent « A »"):
        Planning([Tache("A", 1), Tache("A", 2)], DEBUT)
    for duree in (-1, 2.5, "10", True):
        with pytest.raises(ErreurSaisie, match="la durée de « A »"):
            Tache("A", duree)  # type: ignore[arg-type]
    with pytest.raises(ErreurSaisie, match="n'est pas une date"):
        Tache("A", 1, pas_avant="06/07/2026")
    with pytest.raises(ErreurSaisie, match="pas de tâche « Travau »"):
        _reseau().avec_duree("Travau", 3)


@st.composite
def _dags(draw: st.DrawFn) -> list[Tache]:
    n = draw(st.integers(1, 12))
    taches = []
    for i in range(n):
        preds = draw(st.lists(st.integers(0, i - 1), unique=True, max_size=3)) if i else []
        taches.append(Tache(f"T{i}", draw(st.integers(0, 30)), [f"T{j}" for j in preds]))
    return taches


@settings(max_examples=60, deadline=None)
@given(_dags())
def test_invariants_du_chemin_critique(taches: list[Tache]) -> None:
    o = Planning(taches, DEBUT).ordonnancer()
    fins = {t.nom: t.fin_tot for t in o.taches}
    for t in o.taches:
        assert t.marge >= 0
        assert t.debut_tot >= max((fins[p] for p in t.tache.predecesseurs), default=0)
        assert t.fin_tard <= o.duree_totale
    assert o.duree_totale == max(fins.values())
    critiques = [o.tache(n) for n in o.chemin_critique()]
    assert any(t.debut_tot == 0 for t in critiques) and any(t.fin_tot == o.duree_totale for t in critiques)


# ---------------------------------------------------------------------------
# Procédure de marché : au seuil, juste en dessous, juste au-dessus
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("montant", "attendu"), [
    # CCP R2122-8 (décret 2025-1386) : dispense pour les travaux « inférieurs à » 100 000 € HT.
    (99_999.99, "dispense"), (100_000, "adaptee"), (100_000.01, "adaptee"),
    # Procédure formalisée à partir de 5 404 000 € HT (seuil européen 2026-2027, « égal ou supérieur »).
    (5_403_999.99, "adaptee"), (5_404_000, "formalisee"), (5_404_000.01, "formalisee"),
])
def test_seuils_travaux(montant: float, attendu: str) -> None:
    assert procedure_marche(montant, "travaux").procedure == attendu


@pytest.mark.parametrize(("montant", "date", "attendu"), [
    # Fournitures et services : dispense sous 40 000 € HT jusqu'au 31 mars 2026, sous 60 000 € HT ensuite.
    (39_999.99, "2026-03-31", "dispense"), (40_000, "2026-03-31", "adaptee"), (40_000.01, "2026-03-31", "adaptee"),
    (50_000, "2026-03-31", "adaptee"), (50_000, "2026-04-01", "dispense"),
    (59_999.99, "2026-04-01", "dispense"), (60_000, "2026-04-01", "adaptee"), (60_000.01, "2026-04-01", "adaptee"),
    # Formalisée à partir de 216 000 € HT pour les collectivités.
    (215_999.99, "2026-06-01", "adaptee"), (216_000, "2026-06-01", "formalisee"),
    (216_000.01, "2026-06-01", "formalisee"),
])
def test_seuils_fournitures_services(montant: float, date: str, attendu: str) -> None:
    assert procedure_marche(montant, "fournitures_services", date).procedure == attendu


def test_seuil_etat_et_seuil_par_defaut_au_premier_janvier() -> None:
    assert procedure_marche(139_999.99, "fournitures_services", acheteur="etat").procedure == "adaptee"
    assert procedure_marche(140_000, "fournitures_services", acheteur="etat").procedure == "formalisee"
    assert procedure_marche(50_000, "fournitures_services").procedure == "adaptee"  # date par défaut : 1/01/2026


def test_publicite_et_delais() -> None:
    # CCP R2131-12 : en procédure adaptée, publicité libre sous 90 000 € HT, BOAMP ou JAL à partir de 90 000 €.
    assert "libre" in procedure_marche(89_999.99, "fournitures_services", "2026-06-01").publicite
    assert "BOAMP" in procedure_marche(90_000, "fournitures_services", "2026-06-01").publicite
    assert "BOAMP" in procedure_marche(104_000, "travaux").publicite
    mapa = procedure_marche(104_000)
    assert mapa.delai_min_jours == P["commande_publique.delai_mapa_conseille"] == 20
    # Appel d'offres ouvert : 30 jours (R2161-3) + 11 jours de suspension (R2182-1) = 41 jours.
    ao = procedure_marche(6_000_000)
    assert (ao.delai_offres_jours, ao.standstill_jours, ao.delai_min_jours) == (30, 11, 41)
    assert procedure_marche(1_000).delai_min_jours == 0


def test_procedure_saisies_invalides() -> None:
    with pytest.raises(ErreurMontant, match="-5"):
        procedure_marche(-5)
    with pytest.raises(ErreurSaisie, match="fournitures_services"):
        procedure_marche(1000, "services")  # type: ignore[arg-type]


def test_consultation_trop_courte() -> None:
    o = Planning([Tache("Consultation", 30)], DEBUT).ordonnancer()
    alertes = verifier_consultations(o, [Marche("Groupe scolaire", "travaux", 6_000_000, "Consultation")])
    assert alertes[0].niveau == "attention" and "au moins 41 jours" in alertes[0].message
    ok = verifier_consultations(o, [{"objet": "Cour", "nature": "travaux", "montant_ht": 104_000,
                                     "tache": "Consultation"}])
    assert ok[0].niveau == "conforme"


# ---------------------------------------------------------------------------
# Jalons de subvention
# ---------------------------------------------------------------------------

def _plan(commencement: dt.date, duree_travaux: int = 30) -> Planning:
    """Signature (1 jour, commencement d'exécution) le jour ``commencement``, puis les travaux :
    le projet finit le jour commencement + duree_travaux."""
    return Planning([Tache("Signature du marché", 1, engage=True),
                     Tache("Travaux", duree_travaux, ["Signature du marché"])], commencement)


def _niveaux(planning: Planning, jalon: JalonSubvention, contient: str) -> list[str]:
    return [a.niveau for a in verifier_subventions(planning.ordonnancer(), [jalon]) if contient in a.source]


@pytest.mark.parametrize(("decalage", "attendu"), [(-1, "bloquant"), (0, "conforme"), (1, "conforme")])
def test_pas_de_commencement_avant_la_reception(decalage: int, attendu: str) -> None:
    # CGCT R2334-24 I : pas de subvention si l'opération a commencé « avant la date de réception » ; le jour
    # même n'est pas « avant ».
    reception = dt.date(2026, 3, 16)
    plan = _plan(reception + dt.timedelta(days=decalage))
    alertes = verifier_subventions(plan.ordonnancer(), [JalonSubvention("DETR", reception)])
    assert alertes[0].niveau == attendu
    if attendu == "bloquant":
        assert "avant la réception de la demande (16/03/2026)" in alertes[0].message
        assert "décalez « Signature du marché » au 16/03/2026" in alertes[0].conseil


def test_autre_financeur_avertit_sans_bloquer() -> None:
    plan = _plan(dt.date(2026, 3, 1))
    jalon = JalonSubvention("Agence de l'eau", "2026-03-16", regle="autre")
    alertes = verifier_subventions(plan.ordonnancer(), [jalon])
    assert alertes[0].niveau == "attention" and "règlement" in alertes[0].source


@pytest.mark.parametrize(("commencement", "attendu"), [
    # R2334-28 : notification le 20/05/2026 ; 2 ans → 20/05/2028 ; prorogation d'un an → 20/05/2029.
    (dt.date(2028, 5, 20), "conforme"), (dt.date(2028, 5, 21), "attention"),
    (dt.date(2029, 5, 20), "attention"), (dt.date(2029, 5, 21), "bloquant"),
])
def test_caducite_du_commencement(commencement: dt.date, attendu: str) -> None:
    jalon = JalonSubvention("DETR", "2026-01-30", "2026-05-20")
    assert _niveaux(_plan(commencement), jalon, "R2334-28") == [attendu]


@pytest.mark.parametrize(("jours_apres_4_ans", "attendu"), [(0, "conforme"), (1, "attention")])
def test_caducite_de_l_achevement(jours_apres_4_ans: int, attendu: str) -> None:
    # R2334-29 : achèvement dans les 4 ans du commencement (1/09/2026 → 1/09/2030), prorogeable de 2 ans.
    debut = dt.date(2026, 9, 1)
    duree = (ajouter_annees(debut, 4) - debut).days + jours_apres_4_ans  # fin = début + durée des travaux
    jalon = JalonSubvention("DETR", "2026-01-30", "2026-05-20")
    assert _niveaux(_plan(debut, duree), jalon, "R2334-29") == [attendu]


def test_achevement_apres_la_prorogation_est_bloquant() -> None:
    debut = dt.date(2026, 9, 1)
    duree = (ajouter_annees(debut, 6) - debut).days + 1  # 4 ans + 2 ans de prorogation, plus un jour
    alertes = verifier_subventions(_plan(debut, duree).ordonnancer(), [JalonSubvention("DETR", "2026-01-30",
                                                                                      "2026-05-20")])
    assert [a.niveau for a in alertes if "R2334-29" in a.source] == ["bloquant"]
    assert "plus aucun paiement" in alertes[-1].message


def test_commencement_avant_notification_est_une_information() -> None:
    alertes = verifier_subventions(_plan(dt.date(2026, 4, 1)).ordonnancer(),
                                   [JalonSubvention("DETR", "2026-01-30", "2026-05-20")])
    assert "information" in [a.niveau for a in alertes]


def test_sans_commencement_marque() -> None:
    o = Planning([Tache("Études", 30)], DEBUT).ordonnancer()
    alertes = verifier_subventions(o, [JalonSubvention("DETR", "2026-01-30")])
    assert alertes[0].niveau == "attention" and "engage=True" in alertes[0].conseil


def test_jalon_incoherent() -> None:
    with pytest.raises(ErreurSaisie, match="précède la réception"):
        JalonSubvention("DETR", "2026-05-20", "2026-01-30")
    with pytest.raises(ErreurSaisie, match="règle"):
        JalonSubvention("DETR", "2026-05-20", regle="etat")  # type: ignore[arg-type]


def test_delais_de_caducite_lus_dans_les_parametres() -> None:
    # CGCT R2334-28 (2 ans, + 1 an) et R2334-29 (4 ans, + 2 ans).
    assert [P[f"caducite.{c}"] for c in ("delai_commencement", "prorogation_commencement", "delai_achevement",
                                          "prorogation_achevement")] == [2, 1, 4, 2]


# ---------------------------------------------------------------------------
# Le cas « cour oasis »
# ---------------------------------------------------------------------------

def test_planning_du_cas_cour_oasis() -> None:
    pc = planning_du_cas(charger("cour-oasis"))
    o = pc.planning.ordonnancer()
    # Les travaux ne peuvent commencer avant le 6 juillet 2026 (jour 182) : 182 + 45 + 1 (réception) = 228.
    assert o.duree_totale == 228
    assert o.chemin_critique() == ["Travaux de désimperméabilisation et de plantation", "Réception des travaux"]
    # La chaîne programmation → préparation finit au jour 177 : 5 jours de marge avant la fenêtre d'été.
    assert o.tache("Consultation des entreprises de travaux").marge == 5
    assert o.tache("Ateliers de co-conception avec les élèves").marge == 30
    niveaux = [a.niveau for a in pc.alertes()]
    assert "bloquant" not in niveaux and "attention" not in niveaux


def test_retard_de_consultation_fait_manquer_la_rentree() -> None:
    pc = planning_du_cas(charger("cour-oasis"))
    retard = pc.planning.avec_duree("Consultation des entreprises de travaux", 60)  # + 25 jours
    alertes = pc.alertes(retard)
    assert any(a.niveau == "bloquant" and "date limite" in a.message for a in alertes)
