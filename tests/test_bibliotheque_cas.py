"""La bibliothèque d'études de cas : chaque cas se charge, se dit fictif, a des données cohérentes ;
les cas mal formés reçoivent un message français qui nomme le fichier, le champ et la correction ;
la page du catalogue est à jour."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from mba_territoires import cas as module_cas
from mba_territoires.erreurs import ErreurCas

TOUS = module_cas.disponibles()
NOUVEAUX = ["tiers-lieu-rural", "reseau-chaleur-bois", "centre-bourg"]
# Ordres de grandeur de shared/domain/reference.md, § 9 : (coût minimal, coût maximal) en euros HT.
#  - cas 4, tiers-lieu rural : investissement 0,3 à 1 M€ (avise.org, à vérifier) ;
#  - cas 5, réseau de chaleur bois : de Saint-Clément (700 k€) à Felletin (9,91 M€) ;
#  - cas 6, revitalisation de centre-bourg : place ou halle, 1 à 3 M€ (banquedesterritoires.fr, à vérifier).
FOURCHETTES = {
    "tiers-lieu-rural": (300_000, 1_000_000),
    "reseau-chaleur-bois": (700_000, 9_910_000),
    "centre-bourg": (1_000_000, 3_000_000),
}


# ---------------------------------------------------------------------------
# Tous les cas du dépôt
# ---------------------------------------------------------------------------

def test_les_trois_nouveaux_cas_sont_presents() -> None:
    assert set(NOUVEAUX) <= set(TOUS)


def test_tous_les_cas_se_chargent() -> None:
    rapport = module_cas.valider_tout()
    assert rapport.erreurs == {}
    assert set(rapport.valides) == set(TOUS)


@pytest.mark.parametrize("slug", TOUS)
def test_le_brief_dit_que_le_cas_est_fictif(slug: str) -> None:
    c = module_cas.charger(slug)
    brief = c.brief()
    assert c.fictif, f"{slug} : fictif doit valoir true"
    assert brief.startswith("# "), f"{slug} : le README.md commence par un titre"
    assert re.search(r"\bfictif\b", brief, re.I), f"{slug} : le brief doit dire que le cas est fictif"


@pytest.mark.parametrize("slug", TOUS)
def test_population_coherente_avec_le_territoire(slug: str) -> None:
    c = module_cas.charger(slug)
    assert "population" in c.fichiers_donnees(), f"{slug} : il manque population.csv dans donnees.yaml"
    tableau = c.donnees("population")
    assert list(tableau.columns) == ["dimension", "groupe", "effectif"]
    assert tableau["effectif"].dtype.kind == "i" and (tableau["effectif"] >= 0).all()
    par_dimension = tableau.groupby("dimension")["effectif"].sum()
    habitants = c.territoire.population
    # Les tranches d'âge et les sexes font chacun toute la population ; les CSP, les 15 ans ou plus.
    assert par_dimension["age"] == habitants, f"{slug} : somme des âges ≠ territoire.population"
    assert par_dimension["sexe"] == habitants, f"{slug} : somme des sexes ≠ territoire.population"
    moins_de_15 = tableau.query("dimension == 'age' and groupe == '0-14 ans'")["effectif"].sum()
    assert par_dimension["csp"] == habitants - moins_de_15, f"{slug} : somme des CSP ≠ population de 15 ans ou plus"


@pytest.mark.parametrize("slug", TOUS)
def test_manifeste_complet(slug: str) -> None:
    c = module_cas.charger(slug)
    for nom in c.fichiers_donnees():
        entree = c._manifeste[nom]
        assert entree.source.strip() and entree.licence.strip(), f"{slug}/{entree.fichier}"
        assert re.fullmatch(r"[0-9a-f]{64}", entree.sha256)
        if entree.fichier.endswith(".csv"):  # d'autres formats (ex. Pabulib, .pb) se lisent avec leur outil
            assert c.donnees(nom).shape[0] > 0


# ---------------------------------------------------------------------------
# Les trois nouveaux cas
# ---------------------------------------------------------------------------

def _hypotheses_de_financement(brief: str) -> dict[str, float]:
    """Le tableau « | Financeur | Montant envisagé | ... » du brief : financeur -> montant en euros."""
    lignes = {}
    dans_tableau = False
    for ligne in brief.splitlines():
        if ligne.startswith("| Financeur"):
            dans_tableau = True
        elif dans_tableau and ligne.startswith("|") and not ligne.startswith("|--"):
            cellules = [c.strip() for c in ligne.strip("|").split("|")]
            montant = re.match(r"([\d\s\u202f]+) €", cellules[1])
            assert montant, ligne
            lignes[cellules[0]] = float(re.sub(r"\D", "", montant.group(1)))
        elif dans_tableau and not ligne.startswith("|"):
            break
    return lignes


@pytest.mark.parametrize("slug", NOUVEAUX)
class TestNouveauxCas:
    def test_base(self, slug: str) -> None:
        c = module_cas.charger(slug)
        assert c.annee == 2026 and c.fictif
        assert c.maitre_ouvrage.finances is not None
        assert len(c.competences) >= 3 and c.projet.objectifs
        assert set(c.projet.politiques) <= {"urbanisme", "transition écologique", "mobilité", "logement"}
        assert len(c.fichiers_donnees()) >= 2  # la population et un tableau propre au cas

    def test_brief_redige_comme_une_commande(self, slug: str) -> None:
        brief = module_cas.charger(slug).brief()
        assert "## La commande" in brief and "**De :**" in brief and "**À :**" in brief
        assert "note aux élus" in brief.lower()  # le livrable final de la bibliothèque
        assert re.search(r"^1\. ", brief, re.M) and re.search(r"^3\. ", brief, re.M)  # des livrables numérotés
        assert "## Données fournies" in brief and "population.csv" in brief

    def test_cout_dans_la_fourchette_de_reference(self, slug: str) -> None:
        bas, haut = FOURCHETTES[slug]
        assert bas <= module_cas.charger(slug).projet.cout_estime_ht <= haut

    def test_decomposition_du_cout_dans_le_yaml(self, slug: str) -> None:
        # Le commentaire « Coût : a + b + ... = total € HT » du cas.yaml tombe juste.
        c = module_cas.charger(slug)
        texte = (c.dossier / "cas.yaml").read_text(encoding="utf-8")
        bloc = re.search(r"# Coût : (.*?)= ([\d ]+) € HT", texte, re.S)
        assert bloc, "le cas.yaml doit décomposer son coût en commentaire"
        postes = [p.split("=")[-1] for p in re.sub(r"\n\s*#\s*", " ", bloc.group(1)).split("+")]
        total = sum(float(re.sub(r"\D", "", re.findall(r"([\d ]+\d)(?!.*\d)", p)[-1])) for p in postes)
        assert total == float(bloc.group(2).replace(" ", "")) == c.projet.cout_estime_ht

    def test_hypotheses_de_financement_equilibrees(self, slug: str) -> None:
        c = module_cas.charger(slug)
        hypotheses = _hypotheses_de_financement(c.brief())
        assert len(hypotheses) >= 3
        # La part de la commune n'est pas dans la commande : c'est à l'apprenant de la calculer (atelier).
        assert not any(k.startswith("Commune") for k in hypotheses)
        cout = c.projet.cout_estime_ht
        commune = cout - sum(hypotheses.values())
        # CGCT L1111-10 III : la commune apporte au moins 20 % des financements publics (ici tous publics).
        assert commune / cout >= 0.20
        # CGCT R2334-27 al. 2 (DETR ou DSIL au plan) : aides publiques directes ≤ 80 % du coût HT.
        assert sum(hypotheses.values()) / cout <= 0.80

    def test_sources_citees(self, slug: str) -> None:
        c = module_cas.charger(slug)
        texte = (c.dossier / "cas.yaml").read_text(encoding="utf-8")
        assert "reference.md, § 9" in texte
        assert re.search(r"\.(fr|org|com)\b", texte)  # au moins une page consultée nommée
        assert "à vérifier" in texte  # les ordres de grandeur non confirmés le disent


def test_donnees_propres_aux_cas() -> None:
    # Taux de vacance du centre de Bourg-Exemple : 118 / 635 = 18,6 % ; commune : 308 / 3 260 = 9,4 %.
    logements = module_cas.charger("centre-bourg").donnees("logements")
    centre = logements[logements["perimetre"] == "centre-bourg"]
    assert centre["logements"].sum() == 635
    assert round(centre.query("statut == 'vacants'")["logements"].sum() / centre["logements"].sum(), 3) == 0.186
    assert round(logements.query("statut == 'vacants'")["logements"].sum() / logements["logements"].sum(), 3) == 0.094
    # Le réseau de chaleur : 1 260 MWh par an sur 1 200 m de réseau, comme le dit le cas.yaml.
    conso = module_cas.charger("reseau-chaleur-bois").donnees("consommateurs")
    assert conso["besoin_mwh_an"].sum() == 1260 and conso["longueur_reseau_m"].sum() == 1200
    # Le questionnaire du tiers-lieu : 96 répondants = 8,1 % de 1 180 habitants.
    besoins = module_cas.charger("tiers-lieu-rural").donnees("besoins")
    assert (besoins["dont_moins_de_40_ans"] <= besoins["reponses"]).all()
    assert besoins["reponses"].max() <= 96


# ---------------------------------------------------------------------------
# Messages d'erreur de cas.charger sur des copies des nouveaux cas
# ---------------------------------------------------------------------------

@pytest.fixture(params=NOUVEAUX)
def copie(request: pytest.FixtureRequest, racine: Path, tmp_path: Path) -> tuple[Path, str]:
    slug = request.param
    dossier = tmp_path / "casestudies"
    shutil.copytree(racine / "casestudies" / slug, dossier / slug)
    return dossier, slug


def _modifier(copie: tuple[Path, str], modification) -> Path:  # type: ignore[no-untyped-def]
    dossier, slug = copie
    fichier = dossier / slug / "cas.yaml"
    donnees = yaml.safe_load(fichier.read_text(encoding="utf-8"))
    modification(donnees)
    fichier.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")
    return fichier


def _erreur(copie: tuple[Path, str]) -> ErreurCas:
    dossier, slug = copie
    with pytest.raises(ErreurCas) as exc:
        module_cas.charger(slug, racine=dossier)
    return exc.value


def test_section_manquante(copie: tuple[Path, str]) -> None:
    _modifier(copie, lambda d: d.pop("projet"))
    e = _erreur(copie)
    assert f"{copie[1]}/cas.yaml" in str(e)  # le fichier
    assert "le champ « projet » manque" in str(e) and e.champ == "projet"  # la section
    assert "Conseil : ajoutez « projet: … »" in str(e)  # la correction


def test_sous_champ_manquant(copie: tuple[Path, str]) -> None:
    _modifier(copie, lambda d: d["maitre_ouvrage"]["finances"].pop("encours_dette"))
    e = _erreur(copie)
    assert "« maitre_ouvrage.finances.encours_dette » manque" in str(e)
    assert "l'encours de la dette au 31 décembre" in str(e)


def test_section_mal_orthographiee(copie: tuple[Path, str]) -> None:
    _modifier(copie, lambda d: d.__setitem__("finacement", {}))
    texte = str(_erreur(copie))
    assert "la clé « finacement » est inconnue" in texte
    assert "vouliez-vous écrire « financement » ?" in texte


def test_section_incoherente_type_de_collectivite(copie: tuple[Path, str]) -> None:
    _modifier(copie, lambda d: d["maitre_ouvrage"].__setitem__("type", "mairie"))
    texte = str(_erreur(copie))
    assert "« maitre_ouvrage.type » vaut 'mairie', valeur non prévue" in texte
    assert "'commune'" in texte and "'epci'" in texte


def test_section_incoherente_population_negative(copie: tuple[Path, str]) -> None:
    _modifier(copie, lambda d: d["territoire"].__setitem__("population", -1180))
    texte = str(_erreur(copie))
    assert "« territoire.population » est négatif (-1180)" in texte
    assert "Conseil : saisissez le nombre d'habitants" in texte


def test_section_en_texte_au_lieu_de_sous_champs(copie: tuple[Path, str]) -> None:
    _modifier(copie, lambda d: d.__setitem__("territoire", "un village de la Creuse"))
    texte = str(_erreur(copie))
    assert "« territoire » doit contenir des sous-champs" in texte and "indentez" in texte


def test_slug_incoherent(copie: tuple[Path, str]) -> None:
    _modifier(copie, lambda d: d.__setitem__("slug", "copie"))
    e = _erreur(copie)
    assert f"écrivez « slug: {copie[1]} »" in str(e) and e.champ == "slug"


def test_csv_modifie_sans_empreinte(copie: tuple[Path, str]) -> None:
    dossier, slug = copie
    csv = dossier / slug / "population.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",age,", ",age,"), encoding="utf-8")
    csv.write_text(csv.read_text(encoding="utf-8") + "age,centenaires,2\n", encoding="utf-8")
    e = _erreur(copie)
    assert "donnees.yaml" in str(e) and "population.csv" in str(e) and "empreinte sha256" in str(e)
    assert f"mba-territoires cas empreintes {slug}" in str(e)
    assert e.champ == "population.sha256"


def test_fichier_de_donnees_absent(copie: tuple[Path, str]) -> None:
    dossier, slug = copie
    autre = next(n for n in yaml.safe_load((dossier / slug / "donnees.yaml").read_text(encoding="utf-8"))
                 if n != "population")
    fichier = yaml.safe_load((dossier / slug / "donnees.yaml").read_text(encoding="utf-8"))[autre]["fichier"]
    (dossier / slug / fichier).unlink()
    e = _erreur(copie)
    assert f"le fichier « {fichier} » de « {autre} » est introuvable" in str(e)
    assert "ajoutez le fichier CSV" in str(e) and e.champ == f"{autre}.fichier"


def test_manifeste_incomplet(copie: tuple[Path, str]) -> None:
    dossier, slug = copie
    manifeste = dossier / slug / "donnees.yaml"
    donnees = yaml.safe_load(manifeste.read_text(encoding="utf-8"))
    donnees["population"].pop("licence")
    manifeste.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")
    texte = str(_erreur(copie))
    assert "donnees.yaml" in texte and "« population.licence » manque" in texte
    assert "la licence des données" in texte


# ---------------------------------------------------------------------------
# Le catalogue
# ---------------------------------------------------------------------------

def test_catalogue() -> None:
    from mba_territoires.affichage.catalogue_cas import catalogue

    cat = catalogue().set_index("slug")
    assert list(cat.index) == TOUS
    assert cat.loc["centre-bourg", "population"] == 5800
    assert cat.loc["reseau-chaleur-bois", "cout_estime_ht"] == 1_420_000
    assert cat.loc["tiers-lieu-rural", "financeurs"] == ("DETR ; LEADER ; Région Nouvelle-Aquitaine ; "
                                                         "Département de la Creuse")
    assert "Commune" not in cat.loc["centre-bourg", "financeurs"]  # l'autofinancement n'est pas un cofinanceur
    assert cat["fictif"].all()


def test_page_du_catalogue_a_jour(racine: Path) -> None:
    from mba_territoires.affichage.catalogue_cas import lignes_tableau, page_catalogue

    page = (racine / "book" / "catalogue-cas.md").read_text(encoding="utf-8")
    conseil = ("book/catalogue-cas.md n'est plus à jour ; régénérez-la : "
               ".venv/bin/python -m mba_territoires.affichage.catalogue_cas > book/catalogue-cas.md")
    for slug in TOUS:
        c = module_cas.charger(slug)
        assert f"(`{slug}`)" in page and c.titre in page, conseil
    for ligne in lignes_tableau():
        assert ligne in page, conseil
    assert page == page_catalogue(), conseil
