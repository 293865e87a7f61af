"""Études de cas : chargement, validation et messages d'erreur en français."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from mba_territoires import cas
from mba_territoires.erreurs import ErreurCas

CAS_MODELE = "ecole-jules-ferry"


@pytest.fixture
def copie(racine: Path, tmp_path: Path) -> Path:
    """Une copie modifiable du cas modèle, dans un dossier casestudies temporaire."""
    dossier = tmp_path / "casestudies"
    shutil.copytree(racine / "casestudies" / CAS_MODELE, dossier / CAS_MODELE)
    return dossier


def _modifier(dossier: Path, modification) -> None:  # type: ignore[no-untyped-def]
    fichier = dossier / CAS_MODELE / "cas.yaml"
    donnees = yaml.safe_load(fichier.read_text(encoding="utf-8"))
    modification(donnees)
    fichier.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")


def _erreur(dossier: Path) -> ErreurCas:
    with pytest.raises(ErreurCas) as exc:
        cas.charger(CAS_MODELE, racine=dossier)
    return exc.value


def test_tous_les_cas_du_depot_sont_valides() -> None:
    rapport = cas.valider_tout()
    assert rapport.erreurs == {}
    assert CAS_MODELE in rapport.valides


def test_chaque_cas_a_un_brief_et_se_dit_fictif() -> None:
    for slug in cas.disponibles():
        c = cas.charger(slug)
        assert c.brief().startswith("# "), slug
        assert c.fictif, slug
        assert "fictif" in c.brief().lower(), slug


def test_champ_manquant(copie: Path) -> None:
    _modifier(copie, lambda d: d["territoire"].pop("population"))
    e = _erreur(copie)
    texte = str(e)
    assert "cas.yaml" in texte  # le fichier
    assert "« territoire.population » manque" in texte  # le champ
    assert "ajoutez « population: … »" in texte and "nombre d'habitants" in texte  # la correction
    assert e.champ == "territoire.population"
    assert texte.count("Conseil") == 1  # un seul message


def test_mauvais_type(copie: Path) -> None:
    _modifier(copie, lambda d: d["territoire"].__setitem__("population", "4 200 habitants"))
    texte = str(_erreur(copie))
    assert "« territoire.population » vaut '4 200 habitants', ce n'est pas un nombre entier" in texte
    assert "Conseil : saisissez le nombre d'habitants" in texte


def test_montant_negatif(copie: Path) -> None:
    _modifier(copie, lambda d: d["projet"].__setitem__("cout_estime_ht", -920000))
    texte = str(_erreur(copie))
    assert "« projet.cout_estime_ht » est négatif (-920000)" in texte
    assert "Conseil : saisissez le coût total estimé, en euros HT" in texte


def test_cle_inconnue(copie: Path) -> None:
    _modifier(copie, lambda d: d["territoire"].__setitem__("popualtion", 4200))
    texte = str(_erreur(copie))
    assert "la clé « territoire.popualtion » est inconnue" in texte
    assert "vouliez-vous écrire « population » ?" in texte


def test_plusieurs_problemes_dans_un_seul_message(copie: Path) -> None:
    def casser(d: dict) -> None:  # type: ignore[type-arg]
        d["territoire"].pop("region")
        d["projet"]["annee_debut"] = "bientôt"

    _modifier(copie, casser)
    texte = str(_erreur(copie))
    assert "2 problèmes" in texte
    assert "territoire.region" in texte and "projet.annee_debut" in texte


def test_yaml_invalide(copie: Path) -> None:
    fichier = copie / CAS_MODELE / "cas.yaml"
    fichier.write_text("slug: ecole-jules-ferry\ntitre: deux points : ici\n  mal: indenté\n", encoding="utf-8")
    texte = str(_erreur(copie))
    assert "n'est pas un YAML valide à la ligne" in texte
    assert "indentation" in texte


def test_slug_different_du_dossier(copie: Path) -> None:
    _modifier(copie, lambda d: d.__setitem__("slug", "autre"))
    assert "écrivez « slug: ecole-jules-ferry »" in str(_erreur(copie))


def test_cas_inconnu_liste_les_cas() -> None:
    with pytest.raises(ErreurCas, match="cas disponibles : .*ecole-jules-ferry"):
        cas.charger("ecole-jules-fery")


def test_donnees_modifiees_sans_empreinte(copie: Path) -> None:
    csv = copie / CAS_MODELE / "population.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + "age,centenaires,3\n", encoding="utf-8")
    texte = str(_erreur(copie))
    assert "population.csv" in texte and "empreinte sha256" in texte
    assert "mba-territoires cas empreintes ecole-jules-ferry" in texte


def test_colonne_manquante(copie: Path) -> None:
    csv = copie / CAS_MODELE / "population.csv"
    lignes = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text("\n".join(["dimension,groupe,nombre", *lignes[1:]]) + "\n", encoding="utf-8")
    cas.mettre_a_jour_empreintes(CAS_MODELE, racine=copie)
    texte = str(_erreur(copie))
    assert "colonnes manquantes : effectif" in texte and "colonnes non décrites : nombre" in texte


def test_donnees_inconnues() -> None:
    c = cas.charger(CAS_MODELE)
    with pytest.raises(ErreurCas, match="données disponibles : .*population"):
        c.donnees("menages-inexistants")


def test_html_echappe(copie: Path) -> None:
    _modifier(copie, lambda d: d.__setitem__("titre", "<script>alert(1)</script>"))
    html = cas.charger(CAS_MODELE, racine=copie)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


# --- fichiers illisibles, identifiants inconnus --------------------------------------------------------

def test_cas_yaml_non_utf8_nomme_le_fichier_et_la_correction(copie: Path) -> None:
    fichier = copie / CAS_MODELE / "cas.yaml"
    texte = fichier.read_text(encoding="utf-8")
    fichier.write_bytes(texte.encode("cp1252", errors="replace"))  # « é » devient l'octet 0xe9, « É » 0xc9
    premier = next(i for i, c in enumerate(texte) if ord(c) > 127)  # le premier caractère non ASCII
    octet, ligne = texte[premier].encode("cp1252")[0], texte[:premier].count("\n") + 1
    e = _erreur(copie)
    assert e.fichier == str(fichier)
    assert str(fichier) in e.message and "UTF-8" in e.message
    assert f"octet {octet:#04x} illisible à la ligne {ligne}" in e.message
    assert "enregistrez le fichier en UTF-8" in e.conseil
    assert str(e).count("Conseil") == 1


def test_csv_non_utf8_nomme_le_fichier(copie: Path) -> None:
    c = cas.charger(CAS_MODELE, racine=copie)
    nom = c.fichiers_donnees()[0]
    chemin = copie / CAS_MODELE / c._manifeste[nom].fichier
    chemin.write_bytes(chemin.read_bytes() + "Égout;1\n".encode("latin-1"))
    with pytest.raises(ErreurCas) as exc:
        c.donnees(nom)
    assert exc.value.fichier == str(chemin) and "UTF-8" in str(exc.value)


@pytest.mark.parametrize(("contenu", "attendu"), [
    ("- slug: ecole-jules-ferry\n- titre: École\n", "contient une liste"),
    ("ecole-jules-ferry\n", "contient seulement la valeur 'ecole-jules-ferry'"),
    ("", "est vide"),
])
def test_cas_yaml_qui_n_est_pas_un_dictionnaire(copie: Path, contenu: str, attendu: str) -> None:
    fichier = copie / CAS_MODELE / "cas.yaml"
    fichier.write_text(contenu, encoding="utf-8")
    e = _erreur(copie)
    assert e.fichier == str(fichier) and attendu in e.message and "« slug: ... »" in e.conseil


def test_slug_mal_orthographie_propose_le_bon() -> None:
    with pytest.raises(ErreurCas) as exc:
        cas.charger("ecole-jules-fery")
    assert "« ecole-jules-fery » est introuvable" in exc.value.message
    assert exc.value.conseil.startswith("vouliez-vous écrire « ecole-jules-ferry » ?")
    with pytest.raises(ErreurCas, match="vouliez-vous écrire « cour-oasis »"):
        cas.charger("Cour_Oasis")
    with pytest.raises(ErreurCas) as loin:
        cas.charger("zzz")
    assert "vouliez-vous" not in loin.value.conseil and "cas disponibles" in loin.value.conseil


def test_slug_qui_n_est_pas_un_texte() -> None:
    with pytest.raises(ErreurCas, match="il faut un texte"):
        cas.charger(3)  # type: ignore[arg-type]
