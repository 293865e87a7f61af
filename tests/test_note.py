"""La note aux élus : lignes du plan, rubriques à compléter, exports Word, Markdown et HTML, textes piégés."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import ClassVar

import pandas as pd
import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

import mba_territoires as mt
from mba_territoires import cas as module_cas
from mba_territoires.affichage import PALETTE
from mba_territoires.erreurs import ErreurDate, ErreurDonnees, ErreurMontant, ErreurSaisie, ErreurTaux
from mba_territoires.formats import texte_brut
from mba_territoires.note import (
    ELEMENTS_MAX,
    LONGUEUR_MAX,
    TITRES,
    TOLERANCE_EQUILIBRE,
    ContenuNote,
    EncadreNote,
    FigureNote,
    LigneFinancement,
    NoteAuxElus,
    ParagrapheNote,
    ProjetDeliberation,
    PucesNote,
    RubriqueNote,
    TableauNote,
    a_completer,
    lignes_financement,
    nettoyer_texte,
)

# Le plan de l'école Jules-Ferry (cas modèle) : 920 000 € HT.
# Parts attendues, à la main : 276 000 / 920 000 = 0,30 ; 276 000 / 920 000 = 0,30 ; 368 000 / 920 000 = 0,40.
PLAN_ECOLE = [("DETR", 276000), ("Fonds vert", 276000), ("Commune (autofinancement)", 368000)]
TITRES_WORD = [*(f"{numero}. {titre}" for numero, titre in enumerate(TITRES, start=1)),
               "Annexe — Projet de délibération"]
RUBRIQUES_REDIGEES = ["contexte", "objectifs", "plan_de_financement", "calendrier", "concertation", "risques",
                      "decision_demandee"]
# Caractères interdits en XML 1.0, donc dans un .docx.
INTERDITS_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

PIEGE = (
    "<script>alert('note')</script> & Cie {{ budget }} {% raw %} | colonne | *gras* _souligné_ "
    "[lien](javascript:alert(1)) $x$ # titre\x00\x01\x07\x0b\x0c\x1b\x7f\ufffe fin"
)


def _table_des_recettes(doc):  # type: ignore[no-untyped-def]
    """Le tableau du plan de financement d'un document Word (celui dont l'en-tête commence par « Financeur »)."""
    tables = [t for t in doc.tables if t.rows[0].cells[0].text == "Financeur"]
    return tables[0] if tables else None


def _textes_docx(doc) -> str:  # type: ignore[no-untyped-def]
    morceaux = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for rangee in table.rows:
            morceaux += [c.text for c in rangee.cells]
    return "\n".join(morceaux)


# ---------------------------------------------------------------------------
# Lignes du plan de financement
# ---------------------------------------------------------------------------

class TestLigneFinancement:
    def test_valeurs_brutes(self) -> None:
        ligne = LigneFinancement("DETR", 276000, 0.30)
        assert (ligne.financeur, ligne.montant, ligne.part) == ("DETR", 276000.0, 0.30)

    @pytest.mark.parametrize(("texte", "forme"), [("12\u202f000\xa0€", "12000"), ("12000,50", "12000.50")])
    def test_montant_texte_a_la_francaise_refuse_avec_conseil(self, texte: str, forme: str) -> None:
        # Comme partout dans le paquet (saisie.montant) : un texte « 12 000 € » est refusé, le conseil dit la
        # forme à écrire.
        with pytest.raises(ErreurMontant, match="« Région »") as exc:
            LigneFinancement("Région", texte)
        assert forme in exc.value.conseil

    @pytest.mark.parametrize("montant", [-1, -0.01])
    def test_montant_negatif(self, montant: float) -> None:
        with pytest.raises(ErreurMontant, match="« DETR » est négatif") as exc:
            LigneFinancement("DETR", montant)
        assert "montant positif" in str(exc.value)

    def test_montant_nul_accepte(self) -> None:  # la borne : 0 € est un montant valide
        assert LigneFinancement("Mécénat", 0).montant == 0.0

    @pytest.mark.parametrize("montant", [float("nan"), float("inf"), True, None, "beaucoup"])
    def test_montant_illisible(self, montant: object) -> None:
        with pytest.raises(ErreurMontant, match="« DETR »"):
            LigneFinancement("DETR", montant)  # type: ignore[arg-type]

    @pytest.mark.parametrize("part", [0.0, 1.0, 0.3])
    def test_part_aux_bornes(self, part: float) -> None:
        assert LigneFinancement("DETR", 1, part).part == part

    def test_part_en_pourcentage_refusee_avec_conseil(self) -> None:
        with pytest.raises(ErreurTaux) as exc:
            LigneFinancement("DETR", 276000, 30)
        assert "vaut 30, hors de [0 ; 1]" in str(exc.value)
        assert "vouliez-vous écrire 0.30" in str(exc.value)

    @pytest.mark.parametrize("part", [1.0001, -0.01, float("nan")])
    def test_part_hors_bornes(self, part: float) -> None:
        with pytest.raises(ErreurTaux, match="« DETR »"):
            LigneFinancement("DETR", 1, part)

    def test_financeur_vide(self) -> None:
        with pytest.raises(ErreurDonnees, match="pas de financeur"):
            LigneFinancement(" \x00 ", 1000)

    def test_financeur_nettoye(self) -> None:
        assert LigneFinancement("DETR\x00\x1b", 1).financeur == "DETR"


class TestFormesDuPlan:
    attendu: ClassVar[list[tuple[str, float]]] = [("DETR", 276000.0), ("Commune", 644000.0)]

    @staticmethod
    def _simple(lignes: list[LigneFinancement]) -> list[tuple[str, float]]:
        return [(ligne.financeur, ligne.montant) for ligne in lignes]

    def test_couples_et_triplets(self) -> None:
        assert self._simple(lignes_financement([("DETR", 276000), ("Commune", 644000, 0.7)])) == self.attendu

    def test_dictionnaires_avec_accents_et_majuscules(self) -> None:
        plan = [{"Financeur": "DETR", "Montant": 276000}, {"financeur": "Commune", "montant_ht": 644000}]
        assert self._simple(lignes_financement(plan)) == self.attendu

    def test_dictionnaire_financeur_montant(self) -> None:
        assert self._simple(lignes_financement({"DETR": 276000, "Commune": 644000})) == self.attendu

    def test_tableau_pandas_sans_la_ligne_total(self) -> None:
        tableau = pd.DataFrame({"financeur": ["DETR", "Commune", "Total"], "montant": [276000, 644000, 920000],
                                "part": [0.3, float("nan"), 1.0]})
        lignes = lignes_financement(tableau)
        assert self._simple(lignes) == self.attendu
        assert lignes[1].part is None  # une part vide (NaN) n'est pas une erreur : la note la calcule

    def test_objet_avec_tableau(self) -> None:
        class Plan:
            def tableau(self) -> pd.DataFrame:
                return pd.DataFrame({"financeur": ["DETR", "Commune"], "montant": [276000, 644000]})

        assert self._simple(lignes_financement(Plan())) == self.attendu

    def test_objet_avec_lignes_d_objets(self) -> None:
        class Ligne:
            def __init__(self, financeur: str, montant: float) -> None:
                self.financeur, self.montant = financeur, montant

        class Plan:
            lignes: ClassVar[list[Ligne]] = [Ligne("DETR", 276000), Ligne("Commune", 644000)]

        assert self._simple(lignes_financement(Plan())) == self.attendu

    def test_section_de_cas_en_dictionnaire(self) -> None:
        section = {"recettes": [{"financeur": "DETR", "montant": 276000}, {"financeur": "Commune", "montant": 644000}]}
        assert self._simple(lignes_financement(section)) == self.attendu

    def test_vide(self) -> None:
        assert lignes_financement(None) == [] and lignes_financement([]) == []

    def test_texte_refuse(self) -> None:
        with pytest.raises(ErreurDonnees, match="est un texte") as exc:
            lignes_financement("DETR 276000")
        assert "[('DETR', 276000)" in str(exc.value)

    def test_ligne_sans_montant(self) -> None:
        with pytest.raises(ErreurDonnees, match="« financeur » ou « montant »"):
            lignes_financement([{"financeur": "DETR", "somme": 3}])

    def test_forme_inconnue(self) -> None:
        with pytest.raises(ErreurDonnees, match="n'est pas lisible"):
            lignes_financement(42)
        with pytest.raises(ErreurDonnees, match="n'est pas lisible"):
            lignes_financement([("DETR",)])


# ---------------------------------------------------------------------------
# La note : chiffres dérivés et rubriques
# ---------------------------------------------------------------------------

class TestNote:
    def test_parts_calculees_a_la_main(self) -> None:
        note = NoteAuxElus(cout=920000, plan_de_financement=PLAN_ECOLE)
        assert [round(ligne.part, 10) for ligne in note.lignes()] == [0.30, 0.30, 0.40]
        assert note.total_recettes() == 920000.0
        assert note.ecart() == 0.0
        assert not any("équilibre" in a for a in note.avertissements())

    def test_part_donnee_conservee(self) -> None:
        note = NoteAuxElus(plan_de_financement=[("DETR", 300, 0.25), ("Commune", 700)])
        assert [ligne.part for ligne in note.lignes()] == [0.25, 0.7]

    def test_plan_desequilibre(self) -> None:
        # 276 000 + 276 000 = 552 000 € de recettes pour 920 000 € : il manque 368 000 €.
        note = NoteAuxElus(cout=920000, plan_de_financement=PLAN_ECOLE[:2])
        assert note.ecart() == -368000.0
        message = texte_brut(note.avertissements()[0])
        assert message == ("Le plan de financement ne s'équilibre pas : les recettes (552 000 €) sont inférieures "
                           "au coût (920 000 €) de 368 000 €.")

    def test_seuil_de_tolerance(self) -> None:
        # À la tolérance près (1 €), le plan est équilibré ; un centime au-delà, il ne l'est plus.
        pile = NoteAuxElus(cout=1000, plan_de_financement=[("DETR", 1000 + TOLERANCE_EQUILIBRE)])
        assert not any("équilibre" in a for a in pile.avertissements())
        au_dela = NoteAuxElus(cout=1000, plan_de_financement=[("DETR", 1000 + TOLERANCE_EQUILIBRE + 0.01)])
        assert "supérieures" in au_dela.avertissements()[0]

    def test_note_vide_tout_a_completer(self) -> None:
        note = NoteAuxElus()
        assert note.a_completer() == ["destinataire", "objet", "auteur", "date", *RUBRIQUES_REDIGEES]
        assert note.ecart() is None
        texte = note.markdown()
        assert texte.count("À compléter") >= 11

    def test_note_complete(self) -> None:
        # Une note écrite à la main, avec un vrai plan (pour le TTC et le FCTVA) et la situation financière.
        plan = mt.PlanDeFinancement("Cour oasis", maitre_ouvrage="Commune de Saint-Exemple")
        plan.ajouter_depense("Travaux", montant_ht=120_000)
        plan.ajouter_financeur("Agence de l'eau", montant=84_000)
        note = NoteAuxElus(destinataire="Le maire", objet="Cour oasis", contexte="École des Tilleuls.",
                           objectifs=["Rafraîchir la cour"], plan_de_financement=plan,
                           situation=mt.SituationFinanciere(4_200_000, 3_600_000, 300_000, 3_000_000),
                           calendrier=[("2026", "études"), ("2027", "travaux")],
                           concertation="Ateliers avec les élèves",
                           risques=["Retard : marché négocié"], decision_demandee="Approuver le plan",
                           auteur="C. Martin", date=dt.date(2026, 3, 16), collectivite="Commune de Saint-Exemple",
                           date_seance="2026-04-02")
        assert note.cout == 120_000 and note.plan is plan
        assert note.a_completer() == []
        assert note.avertissements() == []
        md = note.markdown()
        assert "À compléter" not in md
        assert "2026 : études" in md
        assert "Séance du 2 avril 2026" in texte_brut(md)

    def test_note_trop_longue_signalee(self) -> None:
        # 3 rubriques de 2 100 caractères = 6 300 > 6 000 : la note dépasserait deux pages.
        texte = "Le projet " * 210
        note = NoteAuxElus(contexte=texte, concertation=texte, decision_demandee=texte)
        assert any("dépasse deux pages" in a for a in note.avertissements())
        assert not any("dépasse" in a for a in NoteAuxElus(contexte=texte).avertissements())

    def test_repere_ecrit_par_l_apprenant_reste_a_completer(self) -> None:
        note = NoteAuxElus(concertation=a_completer("le bilan de la concertation"))
        assert "concertation" in note.a_completer()

    def test_modifier_renvoie_une_nouvelle_note_et_valide(self) -> None:
        note = NoteAuxElus(objet="Réseau cyclable")
        autre = note.modifier(decision_demandee="Approuver")
        assert autre.decision_demandee == "Approuver" and note.decision_demandee is None
        with pytest.raises(ErreurMontant, match="coût total du projet"):
            note.modifier(cout=-5)

    def test_date(self) -> None:
        # Les dates passent par saisie.date, comme partout : ISO ou jour/mois/année.
        assert NoteAuxElus(date="2026-03-16").date == dt.date(2026, 3, 16)
        assert NoteAuxElus(date="16/03/2026").date == dt.date(2026, 3, 16)
        assert NoteAuxElus(date=dt.datetime(2026, 3, 16, 9, 30)).date == dt.date(2026, 3, 16)
        assert "**Date :** 16 mars 2026" in NoteAuxElus(date="2026-03-16").markdown()
        with pytest.raises(ErreurDate, match="la date de la note"):
            NoteAuxElus(date="demain")

    def test_rien_ne_depend_du_jour(self) -> None:
        assert NoteAuxElus().date is None
        assert "**\\[À compléter : la date de la note\\]**" in NoteAuxElus().markdown()

    def test_liste_trop_longue_tronquee(self) -> None:
        note = NoteAuxElus(risques=[f"risque {i}" for i in range(ELEMENTS_MAX + 5)])
        assert "liste tronquée : 5 élément(s) de plus" in note.markdown()

    def test_repr(self) -> None:
        note = NoteAuxElus(objet="Cour oasis", plan_de_financement=[("DETR", 1)])
        assert repr(note).startswith("NoteAuxElus('Cour oasis', 1 financeur(s), ")

    def test_texte_alternatif_et_lecture(self) -> None:
        note = NoteAuxElus(plan_de_financement=PLAN_ECOLE)
        alt = texte_brut(note.texte_alternatif())
        assert alt.startswith("Diagramme en barres des recettes du projet : DETR 276 000 € (30,0 %)")
        assert texte_brut(note.lecture()) == ("Lecture : le premier financeur est « Commune (autofinancement) » "
                                              "avec 368 000 €, soit 40,0 % des recettes.")


# ---------------------------------------------------------------------------
# Depuis un cas
# ---------------------------------------------------------------------------

def _rubrique(contenu: ContenuNote, titre: str) -> RubriqueNote:
    return next(r for r in contenu.rubriques if r.titre == titre)


def _tableau(rubrique: RubriqueNote, legende_debut: str) -> TableauNote:
    return next(e for e in rubrique.elements if isinstance(e, TableauNote) and e.legende.startswith(legende_debut))


class TestDepuisCas:
    @pytest.mark.parametrize("slug", module_cas.disponibles())
    def test_chaque_cas_donne_une_note_complete_depuis_ses_modeles(self, slug: str) -> None:
        c = module_cas.charger(slug)
        note = NoteAuxElus.depuis_cas(c)
        assert note.problemes == {}  # chaque cas du dépôt a toutes ses sections
        assert note.cout == c.projet.cout_estime_ht
        assert note.objet.startswith(c.projet.intitule)
        assert c.territoire.nom in note.contexte
        assert note.cas == slug
        assert ("cas fictif" in (note.mention or "")) == c.fictif
        # Ce qui reste à rédiger : l'auteur, la date et le bilan de la concertation ; le reste vient des modèles.
        assert note.a_completer() == ["auteur", "date", "concertation"]
        contenu = note.contenu()
        assert contenu.elements(EncadreNote) == []
        plan = mt.PlanDeFinancement.depuis_cas(c)
        # Le plan : chaque financeur, puis l'autofinancement et le total.
        recettes = _tableau(_rubrique(contenu, "Coût et plan de financement"), "Plan de financement")
        assert [r[0] for r in recettes.lignes] == [f.nom for f in plan.financeurs] + [plan.libelle_autofinancement]
        # FCTVA, coût net (TTC − subventions − FCTVA) et effet sur le budget.
        budget = _rubrique(contenu, "FCTVA, coût net et effet sur le budget")
        net = _tableau(budget, "Coût net")
        attendu = plan.cout_ttc - plan.subventions_publiques - plan.financements_prives - plan.fctva().montant
        assert net.total == ("Coût net pour le maître d'ouvrage", mt.euros(attendu, 0))
        assert _tableau(budget, "Effet sur le budget").colonnes == ("Indicateur", "Avant", "Après")
        # Le calendrier daté vient du planning : une ligne par tâche, avec ses dates.
        o = mt.Planning.depuis_cas(c).ordonnancer()
        calendrier = _tableau(_rubrique(contenu, "Calendrier"), "Calendrier")
        assert len(calendrier.lignes) == len(o.taches)
        premiere = min(o.taches, key=lambda t: (t.debut_tot, t.fin_tot))
        assert calendrier.lignes[0][:2] == (premiere.nom, mt.date_fr(premiere.date_debut))
        # La décision à voter et le projet de délibération.
        assert note.decision_demandee.startswith("Il est proposé au conseil")
        assert contenu.annexe.articles[0].startswith("Article 1 : Le conseil")
        assert "Décision demandée" in note.markdown() and "Projet de délibération" in note.markdown()

    def test_chiffres_de_l_ecole_calcules_a_la_main(self) -> None:
        # École Jules-Ferry : 920 000 € HT, TVA 20 % → 1 104 000 € TTC ; FCTVA 16,404 % × 1 104 000 = 181 100,16 € ;
        # subventions et mécénat 276 000 + 200 000 + 30 000 = 506 000 € ;
        # coût net 1 104 000 − 506 000 − 181 100,16 = 416 899,84 €.
        note = NoteAuxElus.depuis_cas("ecole-jules-ferry")
        assert note.cout_net() == pytest.approx(416_899.84)
        budget = _rubrique(note.contenu(), "FCTVA, coût net et effet sur le budget")
        assert texte_brut(_tableau(budget, "Coût net").total[1]) == "416 900 €"
        # Emprunt de 300 000 € sur 20 ans au taux moyen t : intérêts de la 1re année 300 000 × t ; épargne brute
        # 4 200 000 − 3 600 000 − 300 000 × t ; annuité constante 300 000 × t / (1 − (1 + t)^-20).
        t = float(mt.parametres(2026)["finances_locales.taux_emprunt_moyen"])
        interets = 300_000 * t
        annuite = 300_000 * t / (1 - (1 + t) ** -20)
        effet = _tableau(budget, "Effet sur le budget")
        assert [texte_brut(x) for x in effet.lignes[0]] == ["Épargne brute", "600 000 €",
                                                           texte_brut(mt.euros(600_000 - interets, 0))]
        nette = 600_000 - interets - (300_000 + annuite - interets)
        assert texte_brut(effet.lignes[1][2]) == texte_brut(mt.euros(nette, 0))

    def test_decision_et_deliberation_suivent_le_planning(self) -> None:
        note = NoteAuxElus.depuis_cas("ecole-jules-ferry")
        seances = mt.Planning.depuis_cas("ecole-jules-ferry").deliberations()
        assert seances, "le cas doit prévoir ses séances du conseil municipal au planning"
        premiere = seances[0]
        d = note.projet_de_deliberation()
        assert texte_brut(d.seance) == texte_brut(f"Séance du {mt.date_fr(premiere['date'])}")
        assert d.visas[0].startswith("Vu le code général des collectivités territoriales, notamment ses articles "
                                     "L2121-29")
        assert any("L2334-32 à L2334-39" in v for v in d.visas)  # la DETR est au plan
        assert d.formule.endswith("après en avoir délibéré, décide :")
        textes = " ".join(d.articles)
        assert "approuve le projet" in textes and "approuve le plan de financement" in textes
        assert "sollicite les subventions de : DETR, Fonds vert" in textes
        # La signature des marchés n'est votée qu'à la séance qui la prévoit.
        if "autorisation_marche" not in premiere["objets"]:
            assert "signer les marchés" not in textes
            assert "Séances suivantes prévues au planning" in note.decision_demandee
        assert d.articles[-1].startswith(f"Article {len(d.articles)} : Le maire est chargé de l'exécution")

    def test_intercommunalite_vote_en_conseil_communautaire(self) -> None:
        c = module_cas.charger("centre-bourg")
        mo = c.maitre_ouvrage.model_copy(update={"type": "epci"})
        note = NoteAuxElus.depuis_cas(c.model_copy(update={"maitre_ouvrage": mo}), organe=None)
        assert note.destinataire == "Le président et les membres du bureau communautaire"
        assert note.decision_demandee.startswith("Il est proposé au conseil communautaire")
        d = note.projet_de_deliberation()
        assert "L5211-1" in d.visas[0] and "le président" in " ".join(d.articles)

    def test_identifiant_ou_cas(self) -> None:
        par_slug = NoteAuxElus.depuis_cas("tiers-lieu-rural")
        par_cas = NoteAuxElus.depuis_cas(module_cas.charger("tiers-lieu-rural"))
        assert par_slug == par_cas

    def test_plan_de_l_apprenant(self) -> None:
        note = NoteAuxElus.depuis_cas("reseau-chaleur-bois", plan=[("ADEME, Fonds chaleur", 440000)])
        assert note.destinataire == "Le maire et les membres du bureau municipal"
        assert note.contexte.startswith("Bois-Exemple, commune rurale de 2\u202f350 habitants, Jura (39)")
        assert note.objectifs[0].startswith("couvrir au moins 85 %")
        assert [ligne.financeur for ligne in note.lignes()] == ["ADEME, Fonds chaleur"]
        assert any("ne s'équilibre pas" in a for a in note.avertissements())

    def test_champs_de_l_apprenant_prioritaires(self) -> None:
        note = NoteAuxElus.depuis_cas("centre-bourg", decision_demandee="Approuver le plan de financement",
                                      destinataire="Le bureau municipal")
        assert note.decision_demandee == "Approuver le plan de financement"
        assert note.destinataire == "Le bureau municipal"

    def test_rubrique_inconnue(self) -> None:
        with pytest.raises(ErreurSaisie, match="pas de rubrique « decision »") as exc:
            NoteAuxElus.depuis_cas("centre-bourg", decision="Approuver")
        assert "decision_demandee" in str(exc.value)

    def test_cas_inconnu(self) -> None:
        with pytest.raises(ErreurSaisie, match="vouliez-vous écrire « centre-bourg »"):
            NoteAuxElus.depuis_cas("centre-bourgg")


class TestPartiesNonConstruites:
    """Une partie que le cas ne permet pas de construire se voit, avec sa raison ; rien ne disparaît."""

    @pytest.mark.parametrize(("section", "partie", "titre_encadre", "rubrique"), [
        ("planning", "planning", "Calendrier non calculé", "Calendrier"),
        ("concertation", "obligations", "Obligations de concertation non déterminées",
         "Obligations : marchés publics et concertation"),
        ("risques", "risques", "Registre des risques non lu", "Risques et parades"),
        ("financement", "plan", "Plan de financement du cas non construit", "Coût et plan de financement"),
    ])
    def test_section_absente_encadre_visible(self, section: str, partie: str, titre_encadre: str, rubrique: str,
                                             tmp_path: Path) -> None:
        c = module_cas.charger("cour-oasis")
        note = NoteAuxElus.depuis_cas(c.model_copy(update={section: None}))
        assert f"« {section} »" in note.problemes[partie] and "cas.yaml" in note.problemes[partie]
        contenu = note.contenu()
        encadres = [e for e in _rubrique(contenu, rubrique).elements if isinstance(e, EncadreNote)]
        assert [e.titre for e in encadres] == [titre_encadre]
        assert any("partie non construite" in a for a in note.avertissements())
        # Visible dans les trois formats, avec la raison.
        assert titre_encadre in note.markdown() and f"« {section} »" in note.markdown()
        assert titre_encadre in note.html(graphique=False)
        doc = Document(str(note.exporter_word(tmp_path / "n.docx")))
        assert titre_encadre in _textes_docx(doc)

    def test_sans_risques_la_rubrique_reste_a_completer(self) -> None:
        c = module_cas.charger("cour-oasis")
        note = NoteAuxElus.depuis_cas(c.model_copy(update={"risques": None}))
        assert "risques" in note.a_completer()
        puces = [e for e in _rubrique(note.contenu(), "Risques et parades").elements if isinstance(e, PucesNote)]
        assert puces[0].elements[0].startswith("[À compléter : les trois principaux risques")

    def test_finances_absentes(self) -> None:
        c = module_cas.charger("cour-oasis")
        mo = c.maitre_ouvrage.model_copy(update={"finances": None})
        note = NoteAuxElus.depuis_cas(c.model_copy(update={"maitre_ouvrage": mo}))
        assert "maitre_ouvrage.finances" in note.problemes["situation"]
        budget = _rubrique(note.contenu(), "FCTVA, coût net et effet sur le budget")
        assert [e.titre for e in budget.elements if isinstance(e, EncadreNote)] == ["Effet sur le budget non calculé"]
        assert _tableau(budget, "Coût net")  # le FCTVA et le coût net restent calculés

    def test_planning_en_boucle(self) -> None:
        c = module_cas.charger("cour-oasis")
        phases = list(c.planning.phases)
        suivante = next(ph for ph in phases if ph.apres)  # une tâche qui en attend une autre
        j = next(j for j, ph in enumerate(phases) if ph.nom == suivante.apres[0])
        phases[j] = phases[j].model_copy(update={"apres": [suivante.nom]})  # … qui l'attend à son tour : boucle
        note = NoteAuxElus.depuis_cas(c.model_copy(update={"planning": c.planning.model_copy(
            update={"phases": phases})}))
        assert "boucle" in note.problemes["planning"]
        assert "Calendrier non calculé" in note.markdown()

    def test_une_erreur_du_programme_n_est_pas_cachee(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # Seules les erreurs françaises du paquet deviennent des encadrés : un bogue remonte tel quel.
        def casse(cas: object) -> None:
            raise TypeError("bogue")

        monkeypatch.setattr(mt.Planning, "depuis_cas", casse)
        with pytest.raises(TypeError, match="bogue"):
            NoteAuxElus.depuis_cas("cour-oasis")


class TestContenuNote:
    """Les rédacteurs lisent le contenu public, sans rien connaître de la note."""

    CONTENU = ContenuNote(
        "Note aux élus", (("À", "Le maire"), ("Objet", "Essai")), ("Un avertissement",),
        (RubriqueNote(1, "Chiffres", (ParagrapheNote("Un paragraphe."), PucesNote(("a", "b")),
                                      TableauNote("Un tableau", ("Poste", "Montant"), (("Travaux", "1 €"),),
                                                  ("Total", "1 €"), (1,)),
                                      FigureNote((LigneFinancement("DETR", 1, 1.0),), "Une barre", "Lecture : ..."),
                                      EncadreNote("Partie absente", "Pourquoi."))),),
        ProjetDeliberation("Conseil municipal de X", "Séance du 1er avril 2026", "Objet", ("Vu ... ;",),
                           ("Considérant ... ;",), "Le conseil municipal décide :", ("Article 1 : approuve.",),
                           "Projet."))

    def test_les_trois_redacteurs(self, tmp_path: Path) -> None:
        from mba_territoires.affichage.note_html import ecrire_html
        from mba_territoires.affichage.note_markdown import ecrire_markdown
        from mba_territoires.affichage.note_word import ecrire_docx

        md = ecrire_markdown(self.CONTENU, image=tmp_path / "g.png")
        assert "## 1. Chiffres" in md and "| **Total** | **1 €** |" in md and "> **Partie absente**" in md
        assert "![Une barre](" in md and "**Article 1** : approuve." in md
        page = ecrire_html(self.CONTENU, graphique=False)
        assert '<th scope="col">Poste</th>' in page and "<tfoot>" in page and "Partie absente" in page
        assert 'aria-label="Projet de délibération"' in page
        ecrire_docx(self.CONTENU, tmp_path / "n.docx")
        doc = Document(str(tmp_path / "n.docx"))
        assert "Partie absente" in _textes_docx(doc) and len(doc.inline_shapes) == 1
        assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [
            "1. Chiffres", "Annexe — Projet de délibération"]


# ---------------------------------------------------------------------------
# Textes piégés : échappement et robustesse
# ---------------------------------------------------------------------------

def _note_piegee() -> NoteAuxElus:
    tres_long = "x" * 100_000  # une ligne de 100 000 caractères sans espace
    return NoteAuxElus(
        destinataire=PIEGE, objet=PIEGE, contexte=PIEGE + "\n\n" + tres_long, objectifs=[PIEGE, tres_long],
        cout=1000, plan_de_financement=[(PIEGE, 400), ("A" * 500, 600)], calendrier=[(PIEGE, PIEGE)],
        concertation=PIEGE * 50, risques=PIEGE, decision_demandee=PIEGE, auteur=PIEGE, mention=PIEGE,
    )


class TestTextesPieges:
    def test_nettoyer_retire_les_controles(self) -> None:
        propre = nettoyer_texte(PIEGE)
        assert not INTERDITS_XML.search(propre)
        assert "\x1b" not in propre and "\x7f" not in propre
        assert propre.endswith("# titre fin")

    def test_texte_long_tronque_et_signale(self) -> None:
        texte = nettoyer_texte("mot " * 2000)
        assert "texte tronqué" in texte and "raccourcissez cette rubrique" in texte
        assert len(texte) < LONGUEUR_MAX + 200
        assert nettoyer_texte("a" * LONGUEUR_MAX) == "a" * LONGUEUR_MAX  # pile à la limite : rien n'est coupé
        assert "tronqué" in nettoyer_texte("a" * (LONGUEUR_MAX + 1))

    def test_html_echappe(self) -> None:
        page = _note_piegee().html(graphique=False)
        assert "<script" not in page
        assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt; &amp; Cie {{ budget }}" in page
        assert "\x00" not in page and "\x1b" not in page
        assert "texte tronqué" in page
        assert "overflow-wrap:anywhere" in page  # les très longues lignes reviennent à la ligne

    def test_markdown_echappe(self) -> None:
        md = _note_piegee().markdown()
        assert "<script" not in md and "&lt;script&gt;" in md
        assert "\\{\\{ budget \\}\\}" in md and "{{" not in md
        assert "\\[lien\\](javascript:alert(1))" in md
        # Les barres verticales d'un financeur ne cassent pas le tableau : quatre séparateurs par ligne.
        ligne = next(li for li in md.splitlines() if "Cie" in li and li.startswith("| "))
        assert len(re.findall(r"(?<!\\)\|", ligne)) == 4

    def test_word_valide_et_lisible(self, tmp_path: Path) -> None:
        chemin = _note_piegee().exporter_word(tmp_path / "piege.docx")
        doc = Document(str(chemin))
        texte = _textes_docx(doc)
        assert "<script>alert('note')</script> & Cie {{ budget }}" in texte  # le texte, tel quel, sans danger
        assert not INTERDITS_XML.search(texte)
        assert "texte tronqué" in texte
        assert _table_des_recettes(doc) is not None and len(doc.inline_shapes) == 1

    def test_objet_et_auteur_tres_longs(self, tmp_path: Path) -> None:
        # Régression : les propriétés du .docx (titre, auteur) refusent plus de 255 caractères.
        note = NoteAuxElus(objet=PIEGE * 20, auteur="Camille " * 100)
        doc = Document(str(note.exporter_word(tmp_path / "long.docx")))
        assert len(doc.core_properties.title) <= 255 and len(doc.core_properties.author) <= 255
        assert "texte tronqué" in _textes_docx(doc)

    @settings(max_examples=15, deadline=None)
    @given(texte=st.text(max_size=300))
    def test_tout_texte_survit_aux_trois_formats(self, texte: str) -> None:
        import tempfile

        financeur = nettoyer_texte(texte) or "DETR"
        note = NoteAuxElus(contexte=texte, decision_demandee=texte, plan_de_financement=[(financeur, 1)])
        propre = nettoyer_texte(texte)
        assert not INTERDITS_XML.search(propre)
        balises = (r"<(/?)(article|h3|h4|p|ul|li|br|dl|dt|dd|strong|div|mark|table|caption|thead|"
                   r"tbody|tfoot|tr|th|td|small|em|section|style)\b[^<>]*>")
        assert "<" not in re.sub(balises, "", note.html(graphique=False))
        note.markdown()
        with tempfile.TemporaryDirectory() as dossier:
            chemin = note.exporter_word(Path(dossier) / "n.docx")
            relu = _textes_docx(Document(str(chemin)))
        if propre:
            assert propre.split("\n")[0] in relu


# ---------------------------------------------------------------------------
# Exports : Word relu par python-docx, Markdown, HTML, graphique
# ---------------------------------------------------------------------------

PLANS = {
    "tiers-lieu-rural": [("DETR", 199500), ("LEADER (FEADER)", 55000), ("Région Nouvelle-Aquitaine", 114000),
                         ("Département de la Creuse", 57000), ("Commune (autofinancement)", 144500)],
    "reseau-chaleur-bois": [("ADEME, Fonds chaleur", 440000), ("FEDER", 284000), ("DETR", 213000),
                            ("Commune (emprunt et autofinancement)", 483000)],
    "centre-bourg": [("DSIL", 525000), ("Fonds vert", 420000), ("Département du Cher", 315000),
                     ("Région Centre-Val de Loire", 210000), ("Commune (emprunt et autofinancement)", 630000)],
    "ecole-jules-ferry": PLAN_ECOLE,
}


class TestWord:
    @pytest.mark.parametrize("slug", sorted(PLANS))
    def test_note_relue(self, slug: str, tmp_path: Path) -> None:
        note = NoteAuxElus.depuis_cas(slug, plan=PLANS[slug], auteur="Camille Martin", date="2026-03-16")
        doc = Document(str(note.exporter_word(tmp_path / f"{slug}.docx")))
        assert doc.paragraphs[0].text == "Note aux élus" and doc.paragraphs[0].style.name == "Title"
        titres = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
        assert titres == TITRES_WORD
        # Le tableau : en-tête, une ligne par financeur, la ligne Total ; l'en-tête est répété.
        table = _table_des_recettes(doc)
        assert [c.text for c in table.rows[0].cells] == ["Financeur", "Montant (HT)", "Part"]
        assert len(table.rows) == len(PLANS[slug]) + 2
        assert table.rows[-1].cells[0].text == "Total"
        assert texte_brut(table.rows[-1].cells[2].text) == "100,0 %"
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert [texte_brut(c.text) for c in table.rows[1].cells][:1] == [PLANS[slug][0][0]]
        # L'image du graphique, avec son texte alternatif.
        (forme,) = doc.inline_shapes
        assert forme._inline.docPr.get("descr") == note.texte_alternatif()
        assert doc.core_properties.language == "fr-FR"
        # Les repères à compléter sont surlignés.
        surlignes = [r for p in doc.paragraphs for r in p.runs if r.font.highlight_color is not None]
        assert surlignes and all(r.text.startswith("[À compléter") for r in surlignes)

    def test_sans_plan_ni_graphique(self, tmp_path: Path) -> None:
        # Une note sans plan de financement (tous les cas du dépôt en ont un maintenant).
        doc = Document(str(NoteAuxElus(objet="Revitalisation du centre-bourg").exporter_word(tmp_path / "n.docx")))
        assert _table_des_recettes(doc) is None and len(doc.inline_shapes) == 0
        assert "FCTVA et coût net non calculés" in _textes_docx(doc)  # un encadré dit pourquoi
        assert any(p.text.startswith("[À compléter : le plan de financement") for p in doc.paragraphs)

    def test_nom_de_fichier(self, tmp_path: Path) -> None:
        with pytest.raises(ErreurSaisie, match="n'a pas l'extension .docx"):
            NoteAuxElus().exporter_word(tmp_path / "note.pdf")
        with pytest.raises(ErreurSaisie, match="n'existe pas"):
            NoteAuxElus().exporter_word(tmp_path / "absent" / "note.docx")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) n'est pas installé")
def test_libreoffice_ouvre_la_note_de_chaque_cas(tmp_path: Path) -> None:
    """LibreOffice convertit en PDF la note de chaque cas et la note piégée : toutes s'ouvrent et se lisent.

    Une note de cas tient en trois pages au plus (texte, tableaux, graphique), puis le projet de délibération
    commence sur une nouvelle page."""
    fichiers = [NoteAuxElus.depuis_cas(slug, auteur="Camille Martin", date="2026-03-16").exporter_word(
        tmp_path / f"{slug}.docx") for slug in module_cas.disponibles()]
    fichiers.append(_note_piegee().exporter_word(tmp_path / "piege.docx"))
    profil = (tmp_path / "profil").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profil}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *map(str, fichiers)], check=True, capture_output=True, timeout=300)
    for fichier in fichiers:
        pdf = fichier.with_suffix(".pdf")
        assert pdf.read_bytes()[:5] == b"%PDF-", pdf
    if not (shutil.which("pdfinfo") and shutil.which("pdftotext")):
        return
    for fichier in fichiers[:-1]:
        pdf = str(fichier.with_suffix(".pdf"))
        infos = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", infos).group(1))  # type: ignore[union-attr]
        textes = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True,
                                 text=True).stdout for n in range(1, pages + 1)]
        annexe = next(n for n, t in enumerate(textes, start=1) if "Annexe — Projet de délibération" in t)
        assert annexe <= 4 and pages <= annexe + 1, (fichier.name, pages, annexe)
        note = "\n".join(textes[:annexe - 1])
        for attendu in ("Note aux élus", "FCTVA attendu", "Coût net pour le maître d'ouvrage", "Épargne brute",
                        "Calendrier prévisionnel", "Décision demandée", "Il est proposé au conseil"):
            assert attendu in note, (fichier.name, attendu)
        assert "Article 1" in textes[annexe - 1], fichier.name


class TestMarkdownHtmlGraphique:
    def test_markdown_tableau_et_image(self, tmp_path: Path) -> None:
        note = NoteAuxElus.depuis_cas("tiers-lieu-rural", plan=PLANS["tiers-lieu-rural"])
        md = texte_brut(note.markdown(image=tmp_path / "recettes.png", niveau=2))
        assert md.startswith("## Note aux élus\n")
        assert "### 3. Coût et plan de financement" in md
        assert "| DETR | 199 500 € | 35,0 % |" in md  # 199 500 / 570 000 = 0,35
        assert "| **Total** | **570 000 €** | **100,0 %** |" in md
        assert f"]({(tmp_path / 'recettes.png').as_posix()})" in md
        assert (tmp_path / "recettes.png").read_bytes()[:4] == b"\x89PNG"
        assert "*Lecture : le premier financeur est « DETR »" in md

    def test_repr_html(self) -> None:
        note = NoteAuxElus.depuis_cas("centre-bourg", plan=PLANS["centre-bourg"])
        page = note._repr_html_()
        assert page.count("<h4>") == len(TITRES) + 1  # les rubriques et l'annexe
        assert '<img src="data:image/png;base64,' in page and 'alt="Diagramme en barres' in page
        assert '<th scope="col">Financeur</th>' in page
        assert '<mark style="background:#F0E442">[À compléter' in page

    def test_graphique(self, tmp_path: Path) -> None:
        from matplotlib.colors import to_hex

        note = NoteAuxElus.depuis_cas("reseau-chaleur-bois", plan=PLANS["reseau-chaleur-bois"])
        fig = note.graphique()
        axe = fig.axes[0]
        assert axe.get_title() == "Qui finance le projet ? (montants en euros HT)"
        assert axe.get_xlabel() == "Montant (euros HT)"
        couleurs = [to_hex(barre.get_facecolor()).upper() for barre in axe.patches]
        assert couleurs == [c.upper() for c in PALETTE[:4]]
        etiquettes = [texte_brut(t.get_text()) for t in axe.texts]
        assert etiquettes[0] == "440 000 € (31,0 %)"  # 440 000 / 1 420 000 = 0,3099
        fig.savefig(tmp_path / "recettes.png")

    def test_palette_recommence_au_dela_de_huit_financeurs(self) -> None:
        from matplotlib.colors import to_hex

        note = NoteAuxElus(plan_de_financement=[(f"Financeur {i}", 100 + i) for i in range(10)])
        couleurs = [to_hex(b.get_facecolor()).upper() for b in note.graphique().axes[0].patches]
        assert couleurs[8] == PALETTE[0].upper()

    @settings(max_examples=50, deadline=None)
    @given(montants=st.lists(st.floats(min_value=0.01, max_value=1e9), min_size=1, max_size=12))
    def test_parts_calculees_somment_a_un(self, montants: list[float]) -> None:
        note = NoteAuxElus(plan_de_financement=[(f"F{i}", m) for i, m in enumerate(montants)])
        assert sum(ligne.part for ligne in note.lignes()) == pytest.approx(1.0)  # type: ignore[misc]
