"""Emprunts (numpy-financial), épargne et capacité de désendettement, avant et après le projet."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mba_territoires.budget import Emprunt, SituationFinanciere, emprunt_du_plan, impact_budgetaire
from mba_territoires.erreurs import ErreurMontant, ErreurSaisie, ErreurTaux
from mba_territoires.financement import PlanDeFinancement


class TestEmprunt:
    def test_annuites_constantes(self) -> None:
        # A = C·t / (1 − (1+t)^−n) = 100 000 × 0,04 / (1 − 1,04^−4) = 27 549,00 €.
        t = Emprunt(100_000, 0.04, 4).tableau()
        assert t["annuite"].round(2).tolist() == [27_549.00] * 4
        assert t["interets"].iloc[0] == pytest.approx(4_000)  # 4 % du capital la première année
        assert t["amortissement"].sum() == pytest.approx(100_000)
        assert t["capital_fin"].iloc[-1] == pytest.approx(0, abs=1e-6)

    def test_amortissement_constant(self) -> None:
        # C/n = 25 000 par an ; intérêts 4 000, 3 000, 2 000, 1 000.
        t = Emprunt(100_000, 0.04, 4, "amortissement_constant").tableau()
        assert t["interets"].tolist() == pytest.approx([4_000, 3_000, 2_000, 1_000])

    def test_in_fine(self) -> None:
        t = Emprunt(100_000, 0.04, 4, "in_fine", annee=2027).tableau()
        assert t["annuite"].tolist() == pytest.approx([4_000, 4_000, 4_000, 104_000])
        assert list(t.index) == [2027, 2028, 2029, 2030]

    def test_taux_nul(self) -> None:
        assert Emprunt(100_000, 0.0, 4).annuite() == pytest.approx(25_000)

    def test_erreurs(self) -> None:
        with pytest.raises(ErreurTaux, match=r"vouliez-vous écrire 0\.035 \?"):
            Emprunt(100_000, 3.5, 20)
        with pytest.raises(ErreurMontant, match="négatif"):
            Emprunt(-1, 0.03, 20)
        with pytest.raises(ErreurSaisie, match="vouliez-vous écrire « in_fine »"):
            Emprunt(100_000, 0.03, 20, "in fin")
        with pytest.raises(ErreurSaisie, match="durée de l'emprunt"):
            Emprunt(100_000, 0.03, 0)
        assert Emprunt(100_000, 0.03, 20, "In fine").profil == "in_fine"

    def test_emprunt_du_plan(self) -> None:
        e = emprunt_du_plan(PlanDeFinancement.depuis_cas("ecole-jules-ferry"))
        assert (e.capital, e.taux, e.duree, e.annee) == (300_000, 0.0354, 20, 2027)


@settings(max_examples=50, deadline=None)
@given(capital=st.floats(1_000, 10_000_000), taux=st.floats(0, 0.15), duree=st.integers(1, 40),
       profil=st.sampled_from(["annuites_constantes", "amortissement_constant", "in_fine"]))
def test_le_capital_est_rembourse_et_les_interets_coherents(capital: float, taux: float, duree: int,
                                                            profil: str) -> None:
    e = Emprunt(capital, taux, duree, profil)  # capital arrondi au centime
    t = e.tableau()
    assert t["amortissement"].sum() == pytest.approx(e.capital, rel=1e-9)
    # Croisement : les intérêts de chaque année = taux × capital restant dû en début d'année.
    assert t["interets"].tolist() == pytest.approx((t["capital_debut"] * taux).tolist(), rel=1e-9, abs=1e-6)


class TestSituation:
    def test_ratios_du_cas(self) -> None:
        s = SituationFinanciere.depuis_cas("ecole-jules-ferry")
        # Épargne brute = 4 200 000 − 3 600 000 = 600 000 ; nette = 600 000 − 300 000 = 300 000 ;
        # taux = 600 000 / 4 200 000 = 14,3 % ; désendettement = 3 000 000 / 600 000 = 5 ans.
        assert (s.epargne_brute, s.epargne_nette, s.capacite_desendettement) == (600_000, 300_000, 5.0)
        assert s.taux_epargne_brute == pytest.approx(1 / 7)
        assert all(v.respectee for v in s.verdicts())

    @pytest.mark.parametrize(("encours", "respectee"), [(12_000_000, True), (12_000_001, False),
                                                        (11_999_999, True)])
    def test_plafond_de_12_ans(self, encours: float, respectee: bool) -> None:
        # LPFP 2018-2022, art. 29 : 12 ans pour une commune ; épargne brute 1 000 000.
        s = SituationFinanciere(5_000_000, 4_000_000, 0, encours)
        assert s.verdicts()[1].respectee is respectee

    def test_plafond_d_une_region(self) -> None:
        # 9 ans pour une région : 10 ans d'encours ne passent pas.
        assert not SituationFinanciere(5_000_000, 4_000_000, 0, 10_000_000, "region").verdicts()[1].respectee

    @pytest.mark.parametrize(("depenses", "statut"), [
        (900_000, "ok"),            # 10 % tout juste : pas sous le seuil d'alerte
        (900_001, "vigilance"),     # juste sous 10 %
        (930_000, "vigilance"),     # 7 % tout juste : pas dégradé
        (930_001, "dégradée"),      # juste sous 7 %
    ])
    def test_seuils_du_taux_d_epargne_brute(self, depenses: float, statut: str) -> None:
        v = SituationFinanciere(1_000_000, depenses, 0, 0).verdicts()[0]
        assert v.respectee is (statut == "ok")
        if statut != "ok":
            assert statut in v.constat

    def test_epargne_negative(self) -> None:
        s = SituationFinanciere(1_000_000, 1_100_000, 0, 500_000)
        assert s.capacite_desendettement is None
        assert not s.verdicts()[1].respectee and "négative" in s.verdicts()[1].constat


class TestImpact:
    def test_avant_apres_a_la_main(self) -> None:
        s = SituationFinanciere(4_200_000, 3_600_000, 300_000, 3_000_000)
        e = Emprunt(300_000, 0.0354, 20, annee=2027)
        i = impact_budgetaire(s, e, economies_annuelles=17_000)
        # 2027 : intérêts 3,54 % × 300 000 = 10 620 ; économies 17 000 → épargne brute 600 000 + 6 380.
        assert i.apres.epargne_brute == pytest.approx(606_380)
        # Amortissement = annuité (21 184,79) − intérêts (10 620) = 10 564,79.
        assert i.apres.remboursement_capital == pytest.approx(310_564.79, abs=0.01)
        assert i.apres.encours_dette == pytest.approx(3_289_435.21, abs=0.01)
        t = i.tableau()
        assert t.loc["Épargne nette", "écart"] == pytest.approx(6_380 - 10_564.79, abs=0.01)
        assert "Effet du projet" in i._repr_html_()

    def test_sans_emprunt(self) -> None:
        s = SituationFinanciere(1_000_000, 800_000, 0, 0)
        i = impact_budgetaire(s)
        assert i.apres == s
        # Sans dette, la capacité de désendettement vaut 0 an ; épargne négative : non calculable (infini).
        assert i.tableau().loc["Capacité de désendettement (années)", "avant"] == 0
        negative = impact_budgetaire(SituationFinanciere(1_000_000, 1_100_000, 0, 10))
        assert not math.isfinite(negative.tableau().loc["Capacité de désendettement (années)", "après"])
        assert "non calculable" in negative._repr_html_()


class TestReferenceDeDesendettement:
    """12 / 10 / 9 ans : repères issus de la LPFP 2018-2022 (loi 2018-32, art. 29), dont le mécanisme a pris fin ;
    une référence d'analyse, pas un plafond légal."""

    @pytest.mark.parametrize(("encours", "respectee"), [
        (7_200_000, True),        # 7 200 000 / 600 000 = 12,0 ans : au seuil
        (7_200_000.01, False),    # juste au-dessus
        (7_199_999.99, True),     # juste en dessous
    ])
    def test_seuil_commune(self, encours: float, respectee: bool) -> None:
        v = SituationFinanciere(4_200_000, 3_600_000, 300_000, encours).verdicts()["capacite_desendettement"]
        assert v.respectee is respectee
        assert "référence d'analyse" in v.intitule and "pas un plafond légal" in v.constat
        assert v.a_verifier  # la valeur exacte de l'art. 29 n'a pas été relue

    def test_region_et_departement(self) -> None:
        # Épargne brute 600 000 ; 5 700 000 / 600 000 = 9,5 ans : au-dessus de 9 (région), sous 10 (département).
        region = SituationFinanciere(4_200_000, 3_600_000, 300_000, 5_700_000, "region").verdicts()
        dep = SituationFinanciere(4_200_000, 3_600_000, 300_000, 5_700_000, "département").verdicts()
        assert not region["capacite_desendettement"].respectee and dep["capacite_desendettement"].respectee


def test_emprunt_depuis_cas() -> None:
    # Section financement du cas : emprunt 300 000 € sur 20 ans, au taux moyen du paramètre.
    e = Emprunt.depuis_cas("ecole-jules-ferry")
    assert (e.capital, e.duree) == (300_000, 20)


def test_cas_sans_finances_nomme_le_fichier_et_la_section(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    import yaml

    from mba_territoires import cas as module_cas
    from mba_territoires.erreurs import ErreurCas

    shutil.copytree(module_cas.dossier_cas() / "ecole-jules-ferry", tmp_path / "ecole-jules-ferry")
    fichier = tmp_path / "ecole-jules-ferry" / "cas.yaml"
    brut = yaml.safe_load(fichier.read_text(encoding="utf-8"))
    brut["maitre_ouvrage"].pop("finances", None)
    fichier.write_text(yaml.safe_dump(brut, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ErreurCas) as e:
        SituationFinanciere.depuis_cas(module_cas.charger("ecole-jules-ferry", tmp_path))
    assert "maitre_ouvrage" in e.value.conseil and "finances" in e.value.conseil
