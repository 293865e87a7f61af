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
