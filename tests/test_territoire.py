"""Diagnostic de territoire : parts calculées à la main sur les données du cas « cour oasis »,
comparaison avec le territoire de référence, erreurs françaises sur des données mal formées."""

from __future__ import annotations

import pandas as pd
import pytest

from mba_territoires.cas import charger
from mba_territoires.erreurs import ErreurDonnees
from mba_territoires.territoire import Diagnostic


@pytest.fixture(scope="module")
def diag() -> Diagnostic:
    return Diagnostic.du_cas(charger("cour-oasis"))


def test_structure_par_age(diag: Diagnostic) -> None:
    t = diag.structure("age").set_index("groupe")
    # 1 960 moins de 15 ans sur 9 800 habitants = 20 % ; référence 17,2 % ; écart 2,8 points ; indice 1,163.
    assert t.loc["0-14 ans", "part"] == pytest.approx(0.20)
    assert t.loc["0-14 ans", "écart (points)"] == pytest.approx(0.028)
    assert t.loc["0-14 ans", "indice"] == pytest.approx(0.20 / 0.172)
    assert t["part"].sum() == pytest.approx(1)
    assert diag.habitants == 9800 == charger("cour-oasis").territoire.population


def test_csp_sur_les_15_ans_ou_plus(diag: Diagnostic) -> None:
    t = diag.structure("csp").set_index("groupe")
    # 2 038 retraités sur 7 840 habitants de 15 ans ou plus = 26,0 %.
    assert t.loc["Retraités", "part"] == pytest.approx(2038 / 7840)


def test_menages_et_taille_moyenne(diag: Diagnostic) -> None:
    # 9 690 personnes dans 4 170 ménages : 2,32 personnes par ménage.
    assert diag.taille_moyenne_menages() == pytest.approx(9690 / 4170)
    t = diag.menages_par_type().set_index("groupe")
    assert t.loc["Couples avec enfant(s)", "part"] == pytest.approx(1250 / 4170)
    assert t.loc["Couples avec enfant(s)", "indice"] == pytest.approx(1250 / 4170 / 0.235)


def test_navettes(diag: Diagnostic) -> None:
    lieux = diag.navettes_par("lieu_travail").set_index("groupe")
    # 1 100 actifs sur 4 300 travaillent dans la commune : 25,6 %.
    assert lieux.loc["dans la commune", "part"] == pytest.approx(1100 / 4300)
    modes = diag.navettes_par("mode").set_index("groupe")
    assert modes.loc["vélo", "actifs"] == 120 + 110 + 5
    cles = diag.chiffres_cles().set_index("indicateur")["territoire"]
    assert cles["Part des actifs travaillant hors de la commune"] == pytest.approx(3200 / 4300)
    # Ménages avec enfants : couples avec enfant(s) et familles monoparentales (pas les couples sans enfant).
    assert cles["Part des ménages avec enfants"] == pytest.approx((1250 + 430) / 4170)


def test_equipements_pour_10000(diag: Diagnostic) -> None:
    t = diag.equipements_pour_10000().set_index("equipement")
    # 4 écoles élémentaires pour 9 800 habitants : 4,08 pour 10 000 ; référence 3,0.
    assert t.loc["École élémentaire", "pour 10 000 hab."] == pytest.approx(4 / 9800 * 10_000)
    assert t.loc["École élémentaire", "écart"] == pytest.approx(4 / 9800 * 10_000 - 3.0)


def test_erreurs_francaises(diag: Diagnostic) -> None:
    with pytest.raises(ErreurDonnees, match="dimensions disponibles : age, sexe, csp"):
        diag.structure("ages")
    with pytest.raises(ErreurDonnees, match="colonnes : effectif"):
        Diagnostic("X", pd.DataFrame({"dimension": ["age"], "groupe": ["0-14 ans"]}))
    with pytest.raises(ErreurDonnees, match=r"valeur vide dans la colonne « effectif » \(ligne 3\)"):
        Diagnostic("X", pd.DataFrame({"dimension": ["age", "age"], "groupe": ["a", "b"], "effectif": [1, None]}))
    seul = Diagnostic("X", diag.population)
    with pytest.raises(ErreurDonnees, match="pas de tableau « menages »"):
        seul.taille_moyenne_menages()
    assert "part référence" not in seul.structure("age").columns
    with pytest.raises(ErreurDonnees, match="« mode » ou « lieu_travail »"):
        diag.navettes_par("transport")


def test_groupe_absent_de_la_reference(diag: Diagnostic) -> None:
    ref = diag.reference[diag.reference.groupe != "Ouvriers"]
    with pytest.raises(ErreurDonnees, match="n'a pas le groupe « Ouvriers »"):
        Diagnostic("X", diag.population, reference=ref).structure("csp")


def test_vues(diag: Diagnostic) -> None:
    import matplotlib.pyplot as plt

    from mba_territoires.affichage.graphiques_projet import graphique_comparaison, graphique_equipements

    assert "Chiffres clés" in diag._repr_html_()
    fig = graphique_comparaison(diag.structure("age"), "Population par âge", diag.nom, diag.nom_reference)
    assert fig.axes[0].get_title() == "Population par âge"
    plt.close(fig)
    plt.close(graphique_equipements(diag))


# --- territoire réel : éligibilité DETR (L2334-33) et profil (H6) ---------------------------------------

def _commune_de_population(pop_min: int, pop_max: int, zone: str = "metro"):
    from mba_territoires.territoire.decoupage import donnees_decoupage

    for c in donnees_decoupage().communes.values():
        if c.zone == zone and pop_min <= c.population <= pop_max:
            return c
    raise AssertionError("aucune commune dans la fourchette")


def test_detr_seuils_commune_metropole():
    import mba_territoires as mt

    c = _commune_de_population(500, 1500)
    # seuil 2° a : population <= 2 000 → éligible ; au seuil exact (population DGF = 2 000) : éligible
    assert mt.eligibilite_detr(c, population_dgf=2000).eligible is True
    # juste au-dessus (2 001) : 2° b, le potentiel financier décide (demandé)
    r = mt.eligibilite_detr(c, population_dgf=2001)
    assert r.eligible is None and r.a_fournir
    # 2° b : potentiel financier < 1,3 × moyenne → éligible ; à 1,3 exactement : non (« inférieur »)
    assert mt.eligibilite_detr(c, population_dgf=2001, potentiel_financier_relatif=1.29).eligible is True
    assert mt.eligibilite_detr(c, population_dgf=2001, potentiel_financier_relatif=1.3).eligible is False
    # plafond 20 000 : au plafond, encore le 2° b ; juste au-dessus, non éligible
    assert mt.eligibilite_detr(c, population_dgf=20000, potentiel_financier_relatif=1.0).eligible is True
    assert mt.eligibilite_detr(c, population_dgf=20001).eligible is False


def test_detr_outre_mer_seuil_3500():
    import mba_territoires as mt

    c = _commune_de_population(1000, 3000, zone="drom")
    assert mt.eligibilite_detr(c, population_dgf=3500).eligible is True   # 2° a outre-mer : 3 500
    assert mt.eligibilite_detr(c, population_dgf=3501).eligible is None


def test_detr_dit_ce_qui_est_suppose():
    import mba_territoires as mt

    r = mt.eligibilite_detr(mt.commune("29155"))  # Ouessant, 860 habitants
    assert r.eligible is True
    assert any("population DGF" in h for h in r.hypotheses)
    assert any("FIT" in h for h in r.hypotheses)  # existence de la DETR en 2026 à vérifier
    v = r.verdict()
    assert v.respectee and v.a_verifier is True


def test_detr_epci():
    import mba_territoires as mt

    # Rennes Métropole : > 75 000 habitants et Rennes > 20 000 : la densité décide
    rm = mt.epci("243500139")
    assert mt.eligibilite_detr(rm).eligible is None
    assert mt.eligibilite_detr(rm, densite=150).eligible is False     # au seuil : « supérieure ou égale »
    assert mt.eligibilite_detr(rm, densite=149.9).eligible is True
    # CA Vitré Communauté : 83 737 habitants mais aucune commune > 20 000 (Vitré : 19 365) → éligible
    assert mt.eligibilite_detr(mt.epci(mt.commune("35360"))).eligible is True


def test_detr_saisies():
    import pytest

    import mba_territoires as mt

    with pytest.raises(mt.ErreurDonnees, match="la population DGF vaut '2000'"):
        mt.eligibilite_detr(mt.commune("29155"), population_dgf="2000")


def test_profil_vitre():
    import mba_territoires as mt

    p = mt.commune("35360").profil()
    # Vitré est la 1re des 46 communes de CA Vitré Communauté ; 19 365 / 83 737 = 23,1 %
    assert (p.rang_epci, p.communes_epci) == (1, 46)
    assert round(p.part_epci, 3) == round(19365 / 83737, 3)
    assert p.strate.replace("\u202f", " ").replace("\xa0", " ") == "15 000 à 19 999 habitants"
    assert "<caption>" in p._repr_html_()
    assert p.tableau().shape[1] == 2


def test_profil_sans_epci():
    import mba_territoires as mt

    p = mt.commune("Ouessant").profil()
    assert p.rang_epci is None and "aucun EPCI" in str(p)


def test_territoire_ressemblant_des_cas():
    import mba_territoires as mt
    from mba_territoires.cas import charger, disponibles

    for slug in disponibles():
        cas = charger(slug)
        r = mt.territoire_ressemblant(cas)
        # même département que le cas, et population à moins de 10 % de celle du cas
        code = cas.territoire.departement.rsplit("(", 1)[1].rstrip(")")
        if isinstance(r.territoire, mt.Commune):
            assert r.territoire.code_departement == code
        else:
            assert code in r.territoire.departements
        assert abs(r.ecart) < 0.10, (slug, r.libelle)


def test_c01_exercices_territoire_deux_variantes():
    from mba_territoires.exercices.carnets.c01_diagnostic_et_arbres import BANQUE
    from mba_territoires.territoire.decoupage import donnees_decoupage

    d = donnees_decoupage()
    pops = {k: int(v or 0) for k, v in d.colonne("population").items()}
    epcis = d.colonne("epci")

    def part(code):  # calcul direct sur les colonnes brutes : population / somme des communes du même EPCI
        return pops[code] / sum(p for k, p in pops.items() if epcis[k] == epcis[code])

    livre = BANQUE.variante(None)
    assert livre["commune"] == "Lamballe-Armor (22)"
    assert BANQUE["part-epci"].verifier(part("22093"), donnees=livre).statut == "juste"
    assert "département" in BANQUE["part-epci"].verifier(pops["22093"] / sum(
        p for k, p in pops.items() if k.startswith("22")), donnees=livre).message
    assert "pourcentage" in BANQUE["part-epci"].verifier(part("22093") * 100, donnees=livre).message
    # Millau : 22 044 habitants > 20 000 → « non » ; « cela dépend » reçoit l'indice du plafond
    assert BANQUE["detr-population"].verifier("Non", donnees=livre).statut == "juste"
    assert "plafond" in BANQUE["detr-population"].verifier("ça dépend", donnees=livre).conseil
    alice = BANQUE.variante("alice")
    # alice : Dinan (14 764 habitants, entre 2 000 et 20 000) → « cela dépend » ; Autun idem
    assert alice["commune"] == "Dinan (22)" and alice["commune_detr"] == "Autun (71)"
    assert BANQUE["part-epci"].verifier(part("22050"), donnees=alice).statut == "juste"
    assert BANQUE["detr-population"].verifier("indécis", donnees=alice).statut == "juste"
    assert "seconde condition" in BANQUE["detr-population"].verifier("oui", donnees=alice).conseil


def test_c01_diagnostic_de_votre_commune_deux_variantes():
    from mba_territoires.exercices.carnets.c01_diagnostic_et_arbres import BANQUE

    livre = BANQUE.variante(None)
    # livre : 1 530 + 1 390 + 1 720 + 1 810 + 1 610 + 1 040 = 9 100 habitants ; part des 0-14 ans = 1 530 / 9 100
    # = 0,16813 ; référence 0,172 → indice = 0,16813 / 0,172 = 0,9775
    assert BANQUE["indice-moins-15"].verifier(0.9775, donnees=livre).statut == "juste"
    assert "part des moins de 15 ans, pas l'indice" in BANQUE["indice-moins-15"].verifier(
        0.16813, donnees=livre).message
    assert "inversé" in BANQUE["indice-moins-15"].verifier(0.172 / 0.16813, donnees=livre).message
    assert "écart" in BANQUE["indice-moins-15"].verifier(0.16813 - 0.172, donnees=livre).message
    # écart des couples avec enfants : 1 010 / 3 960 = 0,25505 ; − 0,235 = 0,02005
    assert BANQUE["ecart-familles"].verifier(0.0201, donnees=livre).statut == "juste"
    assert "signe" in BANQUE["ecart-familles"].verifier(-0.0201, donnees=livre).message
    assert "points de pourcentage" in BANQUE["ecart-familles"].verifier(2.005, donnees=livre).message
    assert "indice" in BANQUE["ecart-familles"].verifier(0.25505 / 0.235, donnees=livre).message
    # taille moyenne : (9 100 − 230) / 3 960 = 2,2399 ; l'erreur type : 9 100 / 3 960 = 2,2980
    assert BANQUE["taille-menages"].verifier(2.24, donnees=livre).statut == "juste"
    assert "toute la population" in BANQUE["taille-menages"].verifier(2.298, donnees=livre).message
    alice = BANQUE.variante("alice")
    total = sum(alice[k] for k in ("age_0_14", "age_15_29", "age_30_44", "age_45_59", "age_60_74", "age_75_plus"))
    indice = alice["age_0_14"] / total / 0.172
    assert BANQUE["indice-moins-15"].verifier(round(indice, 4), donnees=alice).statut == "juste"
    assert BANQUE["indice-moins-15"].verifier(0.9775, donnees=alice).statut != "juste"
    taille = (total - alice["hors_menages"]) / alice["menages"]
    assert BANQUE["taille-menages"].verifier(round(taille, 2), donnees=alice).statut == "juste"


def test_c01_les_variantes_evitent_les_chiffres_de_l_exemple():
    """Les réponses tirées restent hors des chiffres que la leçon affiche plus haut (ticket 13)."""
    from mba_territoires.exercices.carnets.c01_diagnostic_et_arbres import BANQUE

    for i in range(50):
        d = BANQUE.variante(f"apprenant{i}@exemple.fr")
        # l'indice évite le coefficient DETR « 1,3 » (1,25 à 1,35) et les 74,7 % / 70,0 % des chiffres clés
        assert 0.78 <= BANQUE.attendu("indice-moins-15", d) < 1.24
        # l'écart évite les écarts 0,012 à 0,028 du tableau des âges et les parts 0,15 à 0,21
        assert 0.035 <= abs(BANQUE.attendu("ecart-familles", d)) < 0.099
        # la taille des ménages évite « Licence Ouverte 2.0 » (1,95 à 2,05)
        assert 2.08 <= BANQUE.attendu("taille-menages", d) <= 2.60
    # Pontivy remplace Ploërmel (0,2351, soit les 23,5 % de la référence) : 14 640 / 46 257 = 0,31649
    pontivy = dict(BANQUE.variante(None), commune="Pontivy (56)")
    assert BANQUE["part-epci"].verifier(0.3165, donnees=pontivy).statut == "juste"
    assert "0.25" not in BANQUE.enonce("part-epci")
