"""Paramètres réglementaires datés : chaque valeur a une source, une date d'effet et un statut ;
``parametres(date)`` rend la version en vigueur ; aucun chiffre juridique n'est écrit en dur."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from mba_territoires.erreurs import ErreurParametre
from mba_territoires.parametres import (
    DEBUT_COUVERTURE,
    FIN_COUVERTURE,
    STATUTS,
    _lire_cle,
    annees_disponibles,
    catalogue,
    changements,
    domaines,
    parametres,
)

RACINE = Path(__file__).resolve().parents[1]
PAQUET = RACINE / "src" / "mba_territoires"


# --- Le format ------------------------------------------------------------------------------------

def test_un_fichier_par_domaine() -> None:
    dossier = PAQUET / "parametres"
    assert not (dossier / "2026.yaml").exists(), "l'ancien fichier unique ne doit plus exister"
    assert (dossier / "FORMAT.md").is_file()
    assert {"financement", "fctva", "commande_publique", "concertation", "evaluation",
            "finances_locales"} <= set(domaines())
    for cle, c in catalogue().items():
        assert cle.split(".")[0] == c.domaine, cle
        for v in c.versions:
            assert v.domaine == c.domaine


def test_chaque_version_a_source_date_d_effet_et_statut() -> None:
    toutes = catalogue()
    assert len(toutes) > 60
    for cle, c in toutes.items():
        assert c.libelle.strip(), cle
        for v in c.versions:
            assert v.source.strip(), cle
            assert isinstance(v.du, dt.date), cle
            assert v.au is None or v.au >= v.du, cle
            assert v.statut in STATUTS, cle
            if v.a_verifier:
                assert v.note.strip(), f"{cle} : à vérifier sans note"
                assert "à vérifier" in v.citation()
        # les versions se suivent sans se chevaucher
        for avant, apres in zip(c.versions, c.versions[1:], strict=False):
            assert avant.au is not None and avant.au < apres.du, cle


@pytest.mark.parametrize("annee", annees_disponibles())
def test_chaque_annee_couverte_se_charge(annee: int) -> None:
    p = parametres(annee)
    assert p.date == dt.date(annee, 1, 1)
    for cle in p:
        v = p.parametre(cle)
        assert v.en_vigueur(p.date), cle


def test_compatibilite_parametre() -> None:
    # CGI art. 278 : 20 % depuis le 01/01/2014.
    v = parametres(2026).parametre("tva.taux_normal")
    assert (v.valeur, v.date, v.du, v.au, v.a_verifier, v.statut) == (0.20, dt.date(2014, 1, 1),
                                                                       dt.date(2014, 1, 1), None, False, "confirme")
    assert v.citation() == f"{v.source} (en vigueur le 01/01/2014)"
    a_verifier = next(p for p in parametres(2026).a_verifier())
    assert a_verifier.citation().endswith(" — chiffre à vérifier") and a_verifier.note


# --- Les dates --------------------------------------------------------------------------------------

def test_annee_seule_vaut_premier_janvier() -> None:
    a, b = parametres(2026), parametres(dt.date(2026, 1, 1))
    assert {c: a[c] for c in a} == {c: b[c] for c in b}
    assert parametres("01/01/2026")["fctva.taux"] == parametres(2026)["fctva.taux"]


@pytest.mark.parametrize(("jour", "attendu"), [
    # Décret 2025-1386 : 40 000 € HT jusqu'au 31/03/2026, 60 000 € HT à partir du 01/04/2026.
    ("2025-06-30", 40_000),
    ("2026-03-31", 40_000),   # veille du changement
    ("2026-04-01", 60_000),   # jour du changement
    ("2026-10-01", 60_000),
])
def test_seuil_de_dispense_fournitures_services_par_date(jour: str, attendu: int) -> None:
    assert parametres(jour)["commande_publique.dispense_fournitures_services"] == attendu


@pytest.mark.parametrize(("jour", "attendu"), [
    # Seuils européens : 5 538 000 € HT en 2024-2025, 5 404 000 € HT en 2026-2027.
    (dt.date(2025, 12, 31), 5_538_000),
    (dt.date(2026, 1, 1), 5_404_000),
    (dt.date(2027, 12, 31), 5_404_000),
])
def test_seuil_formalise_travaux_par_date(jour: dt.date, attendu: int) -> None:
    assert parametres(jour)["commande_publique.formalise_travaux"] == attendu


@pytest.mark.parametrize("jour", ["2023-12-31", dt.date(2028, 1, 1), 1999, 2030])
def test_date_hors_couverture(jour: object) -> None:
    with pytest.raises(ErreurParametre, match="aucun paramètre réglementaire n'est disponible") as exc:
        parametres(jour)  # type: ignore[arg-type]
    assert f"{DEBUT_COUVERTURE:%d/%m/%Y} au {FIN_COUVERTURE:%d/%m/%Y}" in str(exc.value)
    assert "années disponibles" in str(exc.value)


@pytest.mark.parametrize("quand", ["demain", "2026-13-01", 2026.0, True, None])
def test_date_illisible(quand: object) -> None:
    with pytest.raises(ErreurParametre, match="la date des paramètres") as exc:
        parametres(quand)  # type: ignore[arg-type]
    assert "Conseil" in str(exc.value)


def test_cle_pas_encore_en_vigueur() -> None:
    with pytest.raises(ErreurParametre, match="n'est pas en vigueur le 31/03/2026") as exc:
        parametres("2026-03-31").parametre("commande_publique.dispense_fournitures_services_avril")
    assert "depuis le 01/04/2026" in str(exc.value)


def test_cle_inconnue_propose_la_plus_proche() -> None:
    with pytest.raises(ErreurParametre, match="fctva.taux") as exc:
        parametres(2026)["fctva.tau"]
    assert "vouliez-vous dire" in str(exc.value)
    with pytest.raises(ErreurParametre, match="n'existe pas au 01/10/2026") as exc:
        parametres("2026-10-01")["fctva.tau"]
    assert 'parametres("2026-10-01").tableau()' in str(exc.value)


def test_valeurs_cles_2026() -> None:
    p = parametres(2026)
    # CGCT L1111-10 III : au moins 20 % du total des financements publics.
    assert p["financement.participation_minimale_mo"] == 0.20
    # CGCT R2334-27 : DETR de 20 % à 80 % du HT.
    assert (p["financement.detr_taux_min"], p["financement.detr_taux_max"]) == (0.20, 0.80)
    # Seuils de procédure formalisée 2026-2027.
    assert p["commande_publique.formalise_travaux"] == 5_404_000
    assert p["commande_publique.formalise_fournitures_services_collectivites"] == 216_000
    # France Stratégie 2021 : 1,2 % + 1 × 2 %.
    assert p["evaluation.taux_actualisation"] == pytest.approx(
        p["evaluation.taux_sans_risque"] + p["evaluation.prime_risque"]
    )


def test_taux_entre_zero_et_un() -> None:
    for cle, c in catalogue().items():
        for v in c.versions:
            if c.unite == "taux":
                assert 0 <= v.valeur <= 1, cle


def test_tableau() -> None:
    t = parametres(2026).tableau("fctva")
    assert set(t["clé"]) >= {"fctva.taux", "fctva.taux_cloud"}
    assert list(t.columns) == ["clé", "libellé", "valeur", "unité", "source", "date", "au", "statut",
                               "à vérifier"]


def test_repr_html_accessible() -> None:
    html = parametres("2026-04-01")._repr_html_()
    assert "<caption>" in html and 'scope="col"' in html and "01/04/2026" in html


def test_changements_2024_2026() -> None:
    ch = {c.cle: c for c in changements("2024-01-01", "2026-12-01")}
    seuil = ch["commande_publique.dispense_fournitures_services"]
    assert seuil.nature == "nouvelle valeur"
    assert (seuil.avant.valeur, seuil.apres.valeur) == (40_000, 60_000)
    assert ch["commande_publique.formalise_travaux"].apres.valeur == 5_404_000
    # une clé inchangée n'y figure pas
    assert "financement.detr_taux_max" not in ch
    # même date : seules les corrections du cahier (chiffres faux remplacés) sont listées
    assert all(c.nature == "correction du cahier" for c in changements("2026-05-01", "2026-05-01"))


# --- Le chargement refuse un fichier mal formé -------------------------------------------------------

def _version(**kw: object) -> dict:
    v = {"du": dt.date(2024, 1, 1), "valeur": 1000, "source": "CCP, art. R2122-8", "statut": "confirme"}
    v.update(kw)
    return {k: x for k, x in v.items() if x is not None}


@pytest.mark.parametrize(("noeud", "motif"), [
    ({"libelle": "Seuil", "versions": [_version(source=None)]}, "n'a pas de source"),
    ({"libelle": "Seuil", "versions": [_version(du=None)]}, "n'a pas de du"),
    ({"libelle": "Seuil", "versions": [_version(statut="peut-être")]}, "a le statut"),
    ({"libelle": "Seuil", "versions": [_version(statut="a_verifier")]}, "à vérifier sans note"),
    ({"libelle": "Seuil", "versions": [_version(du="2024-01-01")]}, "ce n'est pas une date"),
    ({"libelle": "Seuil", "versions": [_version(au=dt.date(2023, 1, 1))]}, "finit"),
    ({"libelle": "Seuil", "versions": [_version(), _version(du=dt.date(2025, 1, 1))]}, "en même temps"),
    ({"libelle": "Seuil", "versions": [_version(date=dt.date(2024, 1, 1))]}, "champs inconnus"),
    ({"libelle": "Seuil", "versions": [_version(correction={"ancienne_valeur": 30})]}, "correction"),
    ({"versions": [_version()]}, "libellé"),
    ({"libelle": "Seuil", "versions": []}, "pas de versions"),
])
def test_fichier_mal_forme(noeud: dict, motif: str) -> None:
    with pytest.raises(ErreurParametre, match=motif) as exc:
        _lire_cle("essai.seuil", noeud, "essai", "essai.yaml")
    assert "essai.yaml" in str(exc.value) and "essai.seuil" in str(exc.value)


def test_versions_successives_acceptees() -> None:
    c = _lire_cle("essai.seuil", {"libelle": "Seuil", "versions": [
        _version(du=dt.date(2025, 1, 1), valeur=2),
        _version(au=dt.date(2024, 12, 31), valeur=1),
    ]}, "essai", "essai.yaml")
    assert [v.valeur for v in c.versions] == [1, 2]  # triées par date d'effet
    assert c.version(dt.date(2024, 12, 31)).valeur == 1
    assert c.version(dt.date(2025, 1, 1)).valeur == 2


# --- Aucun chiffre juridique en littéral dans le code des règles ni dans un carnet --------------------

#: Mots d'une clé qui font d'un taux « rond » (0.8, 0.3…) un chiffre juridique quand le code le
#: multiplie par un montant.
_CLE_DE_PLAFOND = re.compile(r"plafond|_max|_min|participation|seuil|avance|acomptes|taux_normal")

#: Exceptions justifiées : (fichier relatif à la racine, valeur) -> motif.
EXCEPTIONS: dict[tuple[str, float], str] = {
    ("src/mba_territoires/note.py", 0.8): "mise en page : coupe une ligne à 80 % de sa longueur maximale",
    ("notebooks/00-prise-en-main.ipynb", 0.3): "taux de DETR supposé pour l'exemple de la leçon, pas un plafond",
    ("src/mba_territoires/affichage/graphiques_concertation.py", 0.6): "hauteur d'une figure (0,6 pouce par barre)",
}


def _significatives() -> tuple[dict[float, set[str]], dict[float, set[str]]]:
    """(valeurs toujours significatives, taux ronds de plafonds) -> clés qui les portent."""
    toujours: dict[float, set[str]] = {}
    ronds: dict[float, set[str]] = {}

    def nombres(valeur: object) -> list[float]:
        if isinstance(valeur, bool):
            return []
        if isinstance(valeur, (int, float)):
            return [valeur]
        if isinstance(valeur, list):
            return [x for v in valeur for x in nombres(v)]
        return []

    for cle, c in catalogue().items():
        for v in c.versions:
            for x in nombres(v.valeur):
                # Un seuil de population rond (1 000, 5 000, 20 000 habitants : strates DGF, DETR) se confond
                # avec les pas d'arrondi et les tailles d'exemple du code : on ne le cherche pas en littéral.
                if c.unite == "habitants" and float(x).is_integer() and x % 1000 == 0:
                    continue
                if abs(x) >= 1000 and not (isinstance(x, int) and 1900 <= x <= 2100):
                    toujours.setdefault(x, set()).add(cle)
                elif isinstance(x, float) and 0 < x < 1 and round(x, 2) != x:
                    toujours.setdefault(x, set()).add(cle)  # 0.16404, 0.056, 0.0354…
                elif c.unite == "taux" and 0 < x < 1 and _CLE_DE_PLAFOND.search(cle):
                    ronds.setdefault(x, set()).add(cle)
    return toujours, ronds


#: Les appels dont les arguments sont des bornes de tirage (variantes d'exercices) ou de curseur, pas des
#: chiffres juridiques : ``t.montant(20_000, 150_000, livre=60_000)``, ``widgets.IntSlider(min=100_000)``.
_APPELS_DE_BORNES = re.compile(r"^(montant|taux|entier|choix|uniform|randint|integers|\w*Slider)$")


def _dans_un_appel_de_bornes(noeud: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while noeud in parents and not isinstance(noeud, ast.stmt):
        noeud = parents[noeud]
        if isinstance(noeud, ast.Call):
            nom = noeud.func.attr if isinstance(noeud.func, ast.Attribute) else getattr(noeud.func, "id", "")
            if _APPELS_DE_BORNES.match(nom):
                return True
    return False


def _litteraux(source: str) -> list[tuple[int, float, bool]]:
    """(ligne, valeur, dans un calcul) pour chaque nombre littéral du code qui peut être un chiffre juridique.

    Sont laissés de côté : les bornes d'un tirage ou d'un curseur, et les valeurs passées par mot-clé
    (``ajouter_depense("Travaux", montant_ht=60_000)`` : une donnée du cas, pas une règle).
    """
    arbre = ast.parse(source)
    parents: dict[ast.AST, ast.AST] = {}
    for noeud in ast.walk(arbre):
        for enfant in ast.iter_child_nodes(noeud):
            parents[enfant] = noeud
    resultat = []
    for noeud in ast.walk(arbre):
        if isinstance(noeud, ast.Constant) and isinstance(noeud.value, (int, float)) \
                and not isinstance(noeud.value, bool):
            if isinstance(parents.get(noeud), ast.keyword) or _dans_un_appel_de_bornes(noeud, parents):
                continue
            parent = parents.get(noeud)
            while isinstance(parent, ast.UnaryOp):
                parent = parents.get(parent)
            # un taux rond ne compte que multiplié (0.8 * cout) : comparé, c'est souvent une tolérance
            calcul = isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Mult)
            resultat.append((noeud.lineno, noeud.value, calcul))
    return resultat


def _sources_du_code() -> list[tuple[str, str]]:
    """(nom, code) : modules du paquet (hors paramètres) et cellules de code des carnets."""
    sources = []
    for chemin in sorted(PAQUET.rglob("*.py")):
        if "parametres" in chemin.relative_to(PAQUET).parts:
            continue
        sources.append((str(chemin.relative_to(RACINE)), chemin.read_text(encoding="utf-8")))
    carnets = sorted((RACINE / "notebooks").glob("*.ipynb")) + sorted((RACINE / "casestudies").rglob("*.ipynb"))
    for carnet in carnets:
        if ".ipynb_checkpoints" in carnet.parts:
            continue
        cellules = json.loads(carnet.read_text(encoding="utf-8"))["cells"]
        for i, cellule in enumerate(cellules):
            if cellule["cell_type"] != "code":
                continue
            code = "".join(cellule["source"])
            # les commandes magiques d'IPython ne sont pas du Python
            code = "\n".join("" if ligne.lstrip().startswith(("%", "!")) else ligne for ligne in code.splitlines())
            sources.append((f"{carnet.relative_to(RACINE)}#cellule{i}", code))
    return sources


#: Violations connues, laissées par le code d'autres lots au moment où ce test est entré (chacune à
#: corriger par le propriétaire du fichier : lire la valeur dans parametres(date)) ; « fichier : valeur ».
#: Une entrée qui ne correspond plus à rien fait échouer le test : la liste ne peut que raccourcir.
VIOLATIONS_CONNUES: set[str] = set()


def test_aucun_chiffre_juridique_en_litteral() -> None:
    toujours, ronds = _significatives()
    violations = []
    connues_vues = set()
    for nom, code in _sources_du_code():
        try:
            litteraux = _litteraux(code)
        except SyntaxError:
            continue  # un carnet en cours d'édition ; les tests des carnets le signalent
        for ligne, valeur, calcul in litteraux:
            fichier = nom.split("#")[0]
            if (fichier, valeur) in EXCEPTIONS:
                continue
            if f"{nom.split('#')[0]} : {valeur!r}" in VIOLATIONS_CONNUES and (valeur in toujours or (
                    calcul and valeur in ronds)):
                connues_vues.add(f"{nom.split('#')[0]} : {valeur!r}")
                continue
            if valeur in toujours:
                violations.append(f"{nom}:{ligne} : {valeur!r} ({', '.join(sorted(toujours[valeur]))})")
            elif calcul and valeur in ronds:
                violations.append(f"{nom}:{ligne} : {valeur!r} dans un calcul "
                                  f"({', '.join(sorted(ronds[valeur]))})")
    assert not violations, ("chiffres juridiques écrits en dur (lisez-les dans parametres(date)) :\n"
                            + "\n".join(violations))
    corrigees = VIOLATIONS_CONNUES - connues_vues
    assert not corrigees, f"violations connues corrigées : retirez-les de VIOLATIONS_CONNUES : {sorted(corrigees)}"


def test_le_detecteur_trouve_un_chiffre_plante() -> None:
    toujours, ronds = _significatives()
    code = "def dispense(m):\n    return m < 40000 and m * 0.16404 > 0.8 * m\n"
    trouves = {v for _, v, _ in _litteraux(code) if v in toujours or v in ronds}
    assert trouves == {40000, 0.16404, 0.8}
    # un 0.8 hors calcul (une opacité de graphique) n'est pas un chiffre juridique
    assert _litteraux("trace(alpha=0.8)") == []
    assert [c for _, v, c in _litteraux("ok = ratio >= 0.8") if v == 0.8] == [False]
    # bornes d'un tirage de variante, donnée passée par mot-clé : laissées de côté
    assert _litteraux("x = t.montant(5_000, 40_000, livre=20_000)\nplan.ajouter(montant_ht=60_000)") == []


# --- La veille réglementaire (page du livre) ---------------------------------------------------------

def test_la_veille_cite_chaque_version_avec_source_periode_et_statut() -> None:
    from mba_territoires.affichage.veille import tableau_domaine, valeur_en_clair

    for domaine in domaines():
        html = tableau_domaine(domaine)
        assert "<caption>" in html and 'scope="col"' in html
        for cle, c in catalogue().items():
            if c.domaine == domaine:
                assert f"({cle})" in html
                for v in c.versions:
                    assert v.periode() in html, cle
                    assert valeur_en_clair(v).replace("'", "&#x27;") in html, cle


def test_la_veille_liste_les_changements_et_les_corrections() -> None:
    from mba_territoires.affichage.veille import tableau_changements

    html = tableau_changements("2024-01-01", "2026-12-01")
    # 40 000 € HT au 01/01/2024, 60 000 € HT au 01/12/2026 (décret 2025-1386).
    ligne = html.split("(commande_publique.dispense_fournitures_services)")[1].split("</tr>")[0]
    assert "nouvelle valeur" in ligne and "40 000 € HT" in ligne and "60 000 € HT" in ligne
    corrections = [c for c in changements("2024-01-01", "2026-12-01") if c.nature == "correction du cahier"]
    for c in corrections:
        assert "il indiquait" in html.split(f"({c.cle})")[1].split("</tr>")[0], c.cle
