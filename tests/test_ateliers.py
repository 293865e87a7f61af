"""Les ateliers de cas : chaque livrable vérifié, ses attendus refaits à la main, ses indices déclenchés."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

import mba_territoires as mt
from mba_territoires.cas import disponibles
from mba_territoires.exercices.carnets.atelier import banque_atelier
from mba_territoires.exercices.progression import banque

TVA = 0.20
FCTVA = 0.16404  # CGCT L1615-6


def _plan_ecole():
    """Le plan de la commande ecole-jules-ferry, construit à la main comme l'apprenant."""
    plan = mt.PlanDeFinancement("Rénovation énergétique de l'école élémentaire Jules-Ferry",
                                maitre_ouvrage="Commune de Saint-Exemple", annee=2026)
    plan.ajouter_depense("Travaux", montant_ht=820_000, tva=TVA, calendrier={2027: 0.75, 2028: 0.25})
    plan.ajouter_depense("Maîtrise d'œuvre", montant_ht=80_000, tva=TVA, calendrier={2026: 0.6, 2027: 0.4})
    plan.ajouter_depense("Études préalables", montant_ht=20_000, tva=TVA, calendrier={2026: 1.0})
    plan.ajouter_financeur("DETR", taux=0.30, nature="detr")
    plan.ajouter_financeur("Fonds vert", montant=200_000, nature="etat")
    plan.ajouter_financeur("Mécénat d'entreprise", montant=30_000, public=False, nature="prive")
    plan.emprunter(300_000)
    return plan


@pytest.fixture(scope="module")
def ecole():
    return banque_atelier("ecole-jules-ferry")


@pytest.fixture(scope="module")
def oasis():
    return banque_atelier("cour-oasis")


def test_chaque_atelier_a_au_moins_cinq_livrables_verifies():
    for slug in disponibles():
        b = banque(f"cas-{slug}")
        assert len(b) >= 5, slug


def test_ecole_valeurs_a_la_main(ecole):
    # Coût HT 920 000 € ; DETR 30 % = 276 000 € ; Fonds vert 200 000 € ; publiques 476 000 € ;
    # mécénat 30 000 € (privé) ; autofinancement 920 000 − 476 000 − 30 000 = 414 000 €.
    assert ecole["part-mo"].verifier(414_000 / (414_000 + 476_000)).statut == "juste"  # 0,4652
    ttc = 920_000 * 1.2  # 1 104 000 €
    assert ecole["fctva"].verifier(round(FCTVA * ttc, 2)).statut == "juste"  # 181 100,16 €
    reste = ttc - 476_000 - 30_000 - FCTVA * ttc  # 416 899,84 €
    assert ecole["reste-a-charge"].verifier(round(reste, 2)).statut == "juste"
    assert ecole["procedure"].verifier("MAPA").statut == "juste"  # travaux 820 000 € : adaptée
    assert ecole["procedure"].verifier("formalisee").statut == "faux"
    assert ecole["plan"].verifier(_plan_ecole()).statut == "juste"


def test_ecole_capacite_de_desendettement_a_la_main(ecole):
    # Emprunt 300 000 € sur 20 ans au taux moyen de 3,54 % (finances_locales.taux_emprunt_moyen), 1re année 2027 :
    # intérêts 10 620 € ; annuité 300 000 × t / (1 − (1 + t)^−20) ; amortissement = annuité − intérêts.
    t = 0.0354
    annuite = 300_000 * t / (1 - (1 + t) ** -20)
    amortissement = annuite - 300_000 * t
    epargne_brute = 4_200_000 - (3_600_000 + 300_000 * t - 17_000)  # 606 380 €, économies 17 000 €/an
    encours = 3_000_000 + 300_000 - amortissement
    assert ecole["capacite-apres"].verifier(round(encours / epargne_brute, 2)).statut == "juste"  # 5,42 ans


def test_oasis_valeurs_a_la_main(oasis):
    # HT 118 000 € ; DETR 20 % = 23 600 € ; agence de l'eau 70 000 € ; publiques 93 600 € ; autofinancement 24 400 €.
    assert oasis["part-mo"].verifier(24_400 / 118_000).statut == "juste"  # 0,2068
    ttc = 118_000 * 1.2  # 141 600 €
    assert oasis["fctva"].verifier(round(FCTVA * ttc, 2)).statut == "juste"  # 23 228,06 €
    assert oasis["reste-a-charge"].verifier(round(ttc - 93_600 - FCTVA * ttc, 2)).statut == "juste"  # 24 771,94 €
    # Sans emprunt : épargne brute 12 500 000 − (11 000 000 − 1 100) = 1 501 100 € ; encours 6 500 000 €.
    assert oasis["capacite-apres"].verifier(round(6_500_000 / 1_501_100, 2)).statut == "juste"  # 4,33 ans
    # Travaux 104 000 € HT, au-dessus du seuil de dispense de 100 000 € (2026) : adaptée.
    assert oasis["procedure"].verifier("procédure adaptée").statut == "juste"


def test_indices_des_erreurs_reconnues(ecole):
    assert "coût total" in ecole["part-mo"].verifier(414_000 / 920_000).message
    assert "HT" in ecole["fctva"].verifier(round(FCTVA * 920_000, 2)).message
    ttc = 1_104_000
    sans_fctva = ttc - 476_000 - 30_000
    assert "FCTVA" in ecole["reste-a-charge"].verifier(sans_fctva).message
    assert "autofinancement HT" in ecole["reste-a-charge"].verifier(414_000).message


def test_plan_incomplet_ou_faux(ecole):
    plan = _plan_ecole()
    plan.retirer_financeur("Fonds vert")
    assert "il manque le financeur « Fonds vert »" in ecole["plan"].verifier(plan).message
    plan = _plan_ecole()
    plan.modifier_depense("Travaux", montant_ht=800_000)
    assert "montant HT de « Travaux »" in ecole["plan"].verifier(plan).message
    plan = _plan_ecole()
    plan.modifier_financeur("Mécénat d'entreprise", public=True, nature="departement")
    assert "nature" in ecole["plan"].verifier(plan).message
    plan = _plan_ecole()
    plan.ajouter_financeur("Région", montant=10_000, nature="region")
    assert "« Région » n'est pas dans la commande" in ecole["plan"].verifier(plan).message
    plan = _plan_ecole()
    plan.emprunter(200_000)
    assert "emprunt" in ecole["plan"].verifier(plan).message
    assert "plan de financement" in ecole["plan"].verifier(12).message
    # Les libellés sont comparés sans accents ni casse.
    plan = _plan_ecole()
    plan.retirer_depense("Études préalables")
    plan.ajouter_depense("etudes prealables", montant_ht=20_000, tva=TVA, calendrier={2026: 1.0})
    assert ecole["plan"].verifier(plan).statut == "juste"


def test_risque(ecole):
    registre = mt.registre_du_cas("ecole-jules-ferry")
    assert "pas de risque de plus" in ecole["risque"].verifier(registre).message
    sans_parade = registre.ajouter(mt.Risque("Grève des entreprises", 2, 3, responsable="DGS"))
    assert "parade" in ecole["risque"].verifier(sans_parade).message
    complet = registre.ajouter(mt.Risque("Grève des entreprises", 2, 3, responsable="DGS",
                                         attenuation="planning avec une marge de deux semaines"))
    assert ecole["risque"].verifier(complet).statut == "juste"


def test_note(ecole):
    def note(restes=(), decision="", total=920_000.0):
        return SimpleNamespace(a_completer=lambda: list(restes), decision_demandee=decision, ecart=lambda: 0.0,
                               total_recettes=lambda: total)

    decision = "Approuver le projet et son plan de financement et autoriser le maire à solliciter la DETR."
    assert "2 rubrique(s)" in ecole["note"].verifier(note(["concertation", "risques"], decision)).message
    assert "décision" in ecole["note"].verifier(note(decision="Oui.")).message
    assert "chiffres" in ecole["note"].verifier(note(decision=decision, total=500_000)).message
    assert ecole["note"].verifier(note(decision=decision)).statut == "juste"
    assert "note aux élus" in ecole["note"].verifier("ma note").message


def test_la_vraie_note_du_cas_passe(ecole):
    registre = mt.registre_du_cas("ecole-jules-ferry")
    n = mt.NoteAuxElus.depuis_cas("ecole-jules-ferry", plan=_plan_ecole(), concertation="Réunion des parents.",
                                  auteur="Chargée de mission", date="2026-01-12",
                                  risques=[f"{r.intitule} : {r.attenuation}" for r in registre.prioritaires("modéré")],
                                  decision_demandee="Approuver le projet et son plan de financement prévisionnel, "
                                  "autoriser le maire à solliciter la DETR et le Fonds vert.")
    retour = ecole["note"].verifier(n)
    assert retour.statut == "juste", retour.message


@pytest.mark.livre
@pytest.mark.parametrize("slug", disponibles())
def test_aucun_livrable_n_est_affiche_avant_son_exercice(slug, tmp_path, monkeypatch, noyau_ipc):
    """Le critère des leçons, appliqué aux ateliers : aucun attendu affiché avant la cellule qui le vérifie."""
    import nbclient
    import nbformat

    from mba_territoires.exercices.fuites import fuites_du_carnet

    monkeypatch.setenv("MBA_TERRITOIRES_EXERCICES", "solutions")
    monkeypatch.setenv("MBA_TERRITOIRES_PROGRESSION", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("MBA_TERRITOIRES_APPRENANT", raising=False)
    chemin = Path(__file__).resolve().parents[1] / "notebooks" / f"cas-{slug}.ipynb"
    nb = nbformat.read(chemin, as_version=4)
    nbclient.NotebookClient(nb, km=noyau_ipc(), timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    fuites = fuites_du_carnet(json.loads(nbformat.writes(nb)), banque(f"cas-{slug}"))
    assert not fuites, "\n".join(f"- {f}" for f in fuites)


@pytest.mark.parametrize("slug", disponibles())
def test_les_ateliers_sont_a_jour_de_leur_generateur(slug):
    """Les carnets d'atelier sont écrits par outils/ecrire_ateliers.py : un changement de cas doit s'y voir."""
    import importlib.util

    import nbformat

    racine = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("ecrire_ateliers", racine / "outils" / "ecrire_ateliers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    attendu = module.carnet_atelier(slug)
    present = nbformat.read(racine / "notebooks" / f"cas-{slug}.ipynb", as_version=4)
    cles = [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in attendu.cells]
    assert [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in present.cells] == cles, (
        f"cas-{slug}.ipynb n'est pas à jour : lancez .venv/bin/python outils/ecrire_ateliers.py")
