"""Planning : chemin critique calculé à la main, procédure de marché à chaque seuil (au seuil, juste
en dessous, juste au-dessus), alertes des jalons de subvention (CGCT R2334-24, R2334-28, R2334-29),
messages français pour un planning en boucle ou mal formé."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mba_territoires.cas import charger
from mba_territoires.erreurs import ErreurCas, ErreurRegle, ErreurSaisie
from mba_territoires.parametres import parametres
from mba_territoires.planning import (
    JalonSubvention,
    Marche,
    Planning,
    Tache,
    ajouter_annees,
    planning_du_cas,
    verifier_consultations,
    verifier_deliberations,
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
        Tache("A", 1, pas_avant="6 juillet 2026")
    assert Tache("A", 1, pas_avant="06/07/2026").pas_avant == dt.date(2026, 7, 6)  # le format français est lu
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
# Consultations (la procédure elle-même est testée dans test_marches.py)
# ---------------------------------------------------------------------------

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


def test_consultation_de_services_lue_a_sa_date_de_lancement() -> None:
    # Entretien 20 000 €/an sur 4 ans = 80 000 € HT (CCP R2121-1). Consultation lancée le 5/10/2026 :
    # seuil de dispense de 60 000 € (décret 2025-1386) → procédure adaptée, délai conseillé de 20 jours.
    o = Planning([Tache("Consultation", 20)], "2026-10-05").ordonnancer()
    m = Marche("Entretien des espaces verts", "fournitures_services", 20_000, "Consultation", duree_ans=4)
    alerte = verifier_consultations(o, [m])[0]
    assert alerte.niveau == "conforme" and "Procédure adaptée" in alerte.message and "05/10/2026" in alerte.message
    # La même consultation en un an seulement (20 000 €) : dispense, aucun délai imposé.
    seul = verifier_consultations(o, [Marche("Entretien", "fournitures_services", 20_000, "Consultation")])[0]
    assert "sans publicité" in seul.message


# ---------------------------------------------------------------------------
# Délibérations de l'organe délibérant
# ---------------------------------------------------------------------------

def _plan_delibere(jour_seance: str, autorisation: bool = True) -> Planning:
    taches = [Tache("Conseil municipal", 0, pas_avant=jour_seance,
                    deliberation=["approbation_projet", "plan_de_financement", "demande_subvention"]),
              Tache("Consultation", 40)]
    if autorisation:
        taches.append(Tache("Conseil : autorisation", 0, ["Consultation"], deliberation="autorisation_marche"))
    taches.append(Tache("Signature", 1, ["Conseil : autorisation"] if autorisation else ["Consultation"],
                        engage=True))
    return Planning(taches, "2026-01-05")


@pytest.mark.parametrize(("seance", "attendu"), [
    # La délibération qui approuve le plan de financement doit être prise au plus tard le jour où la
    # demande (reçue le 30/01/2026) part : le 29 et le 30 conviennent, le 31 est trop tard.
    ("2026-01-29", "conforme"), ("2026-01-30", "conforme"), ("2026-01-31", "attention")])
def test_deliberation_avant_la_demande_de_subvention(seance: str, attendu: str) -> None:
    o = _plan_delibere(seance).ordonnancer()
    alertes = verifier_deliberations(o, [JalonSubvention("DETR", "2026-01-30")])
    assert alertes[0].objet == "DETR" and alertes[0].niveau == attendu
    assert "L2121-29" in alertes[0].source


def test_signature_sans_autorisation_du_conseil() -> None:
    o = _plan_delibere("2026-01-26", autorisation=False).ordonnancer()
    alertes = verifier_deliberations(o)
    assert [a.niveau for a in alertes] == ["attention"]
    assert "L2122-22" in alertes[0].message and "autorisation_marche" in alertes[0].conseil
    o = _plan_delibere("2026-01-26").ordonnancer()
    assert [a.niveau for a in verifier_deliberations(o)] == ["conforme"]


def test_sans_seance_du_conseil() -> None:
    o = Planning([Tache("Signature", 1, engage=True)], "2026-03-02").ordonnancer()
    niveaux = [a.niveau for a in verifier_deliberations(o, [JalonSubvention("DETR", "2026-01-30")])]
    assert niveaux == ["attention", "attention", "attention"]  # demande, projet, autorisation


def test_deliberation_inconnue_et_synonyme() -> None:
    assert Tache("CM", 0, deliberation="Plan de financement").deliberation == ("plan_de_financement",)
    with pytest.raises(ErreurSaisie, match="vouliez-vous écrire"):
        Tache("CM", 0, deliberation="aprobation_projet")


def test_deliberations_datees_du_cas() -> None:
    # Cour oasis : séance du 26/01/2026 (avant la demande DETR du 30/01) ; autorisation à la fin de la
    # consultation, jour 166 (5/01 + 166 = 20/06/2026).
    p = Planning.depuis_cas("cour-oasis")
    d = p.deliberations()
    assert [x["date"] for x in d] == [dt.date(2026, 1, 26), dt.date(2026, 6, 20)]
    assert d[0]["organe"] == "Conseil municipal de Fontenay-l'Exemple"
    assert d[1]["objets"] == ("autorisation_marche",)


# ---------------------------------------------------------------------------
# Une seule règle de caducité (tresorerie.caducite) et une seule forme de résultat
# ---------------------------------------------------------------------------

def test_caducite_du_planning_est_celle_de_la_tresorerie() -> None:
    from mba_territoires.tresorerie import caducite

    plan = _plan(dt.date(2027, 3, 1), 400)
    o = plan.ordonnancer()
    c = caducite("2026-05-20", commencement=dt.date(2027, 3, 1), achevement=o.fin)
    alertes = verifier_subventions(o, [JalonSubvention("DETR", "2026-01-30", "2026-05-20")])
    limites = [a.date_limite for a in alertes if "R2334-28" in a.source or "R2334-29" in a.source]
    assert limites == [c.limite_commencement, c.limite_achevement]


def test_alerte_rend_un_verdict() -> None:
    a = verifier_subventions(_plan(dt.date(2026, 3, 15)).ordonnancer(), [JalonSubvention("DETR", "2026-03-16")])[0]
    v = a.verdict()
    assert (v.respectee, v.statut) == (False, "non respectée") and v.source == "CGCT, art. R2334-24"
    assert v.regle == "commencement_apres_demande"
    regles = {a.regle() for a in Planning.depuis_cas("cour-oasis").alertes()}
    assert {"caducite_commencement", "caducite_achevement", "deliberation_du_conseil", "delai_consultation",
            "regle_du_financeur"} <= regles
    assert "16/03/2026" in v.constat and "décalez" in v.conseil


# ---------------------------------------------------------------------------
# Depuis un cas : une seule porte, un slug suffit, une section absente se dit en français
# ---------------------------------------------------------------------------

def test_depuis_cas_accepte_un_slug() -> None:
    assert Planning.depuis_cas("cour-oasis").ordonnancer().duree_totale == \
        Planning.depuis_cas(charger("cour-oasis")).ordonnancer().duree_totale == 228


def test_section_planning_absente(monkeypatch: pytest.MonkeyPatch) -> None:
    cas = charger("cour-oasis")
    sans = cas.model_copy(update={"planning": None})
    with pytest.raises(ErreurCas, match="n'a pas de section « planning »") as exc:
        Planning.depuis_cas(sans)
    assert "cas.yaml" in str(exc.value) and "planning:" in str(exc.value)
    with pytest.raises(ErreurCas, match="pas depuis"):
        Planning.depuis_cas(42)  # type: ignore[arg-type]


def test_graphique_du_planning() -> None:
    import matplotlib

    matplotlib.use("Agg")
    fig = Planning.depuis_cas("cour-oasis").graphique()
    assert fig.axes[0].get_title().startswith("Planning du projet")
