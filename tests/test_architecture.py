"""L'architecture du paquet, lue dans le source (module ``ast``) : les règles de ARCHITECTURE.md qui se vérifient.

1. Aucun cycle entre modules par les imports qui s'exécutent : ceux du haut du module ET ceux écrits dans
   une fonction (ils s'exécutent à l'appel) ; ceux d'un bloc ``if TYPE_CHECKING:`` ne comptent pas.
   ``from mba_territoires import Nom`` compte comme un import du module qui définit ``Nom`` (table ``_API``).
2. ``cas`` et ``sections`` n'importent aucun module métier : seulement ``erreurs``, ``saisie``, ``formats``,
   les schémas ``sections.*`` et, pour leurs vues, ``affichage.html``.
3. Aucun ``from .x import _prive`` d'un module à un autre (un nom privé reste dans son module ; seul un
   paquet peut importer ses propres sous-modules privés).
4. Les modèles n'importent les vues (``affichage.*``) que dans une méthode ``graphique`` (ou ``graphique_*``),
   ``_repr_html_`` ou ``exporter_*`` ; la ligne de commande (``cli``) est une interface, pas un modèle.

Les fonctions d'analyse sont testées sur de petits paquets temporaires : elles trouvent un cycle planté
(y compris par un import dans une fonction), un import privé planté, et ignorent ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PAQUET = Path(__file__).resolve().parents[1] / "src" / "mba_territoires"

#: Ce que ``cas`` et ``sections`` ont le droit d'importer (hors ``sections.*``).
FONDATIONS_CAS = {"erreurs", "saisie", "formats", "cas", "sections"}
#: Les vues que ``cas`` et ``sections`` peuvent utiliser dans leurs méthodes de vue.
VUES_CAS = {"affichage", "affichage.html"}
#: Les interfaces, qui ne sont pas des modèles (elles assemblent modèles et vues).
INTERFACES = {"cli"}


@dataclass(frozen=True)
class Import:
    """Un import lu dans le source."""

    #: Le module qui importe (nom pointé relatif au paquet : « note », « affichage.note_word »).
    source: str
    #: Le module importé (même forme) ; seuls les modules du paquet sont gardés.
    cible: str
    #: Les noms importés par ``from ... import a, b`` (vide pour ``import x``).
    noms: tuple[str, ...]
    #: La ligne.
    ligne: int
    #: Les fonctions (et classes) qui l'entourent, de l'extérieur vers l'intérieur ; vide : haut du module.
    contexte: tuple[str, ...]
    #: Vrai si l'import est sous ``if TYPE_CHECKING:`` (il ne s'exécute pas).
    type_checking: bool

    @property
    def dans_fonction(self) -> str | None:
        """Le nom de la fonction la plus intérieure qui contient l'import, ou ``None``."""
        return self.contexte[-1] if self.contexte else None

    def __str__(self) -> str:
        ou = ".".join(self.contexte) or "haut du module"
        noms = f" ({', '.join(self.noms)})" if self.noms else ""
        return f"{self.source}:{self.ligne} [{ou}] → {self.cible}{noms}"


def _modules(racine: Path) -> dict[str, Path]:
    """Les modules du paquet : nom pointé relatif (« » pour la racine, « affichage » pour son __init__) → fichier."""
    modules = {}
    for fichier in sorted(racine.rglob("*.py")):
        parties = list(fichier.relative_to(racine).with_suffix("").parts)
        paquet = parties[-1] == "__init__"
        if paquet:
            parties = parties[:-1]
        nom = ".".join(parties)
        if nom in modules and not paquet:
            continue  # x/__init__.py et x.py : Python importe le paquet
        modules[nom] = fichier
    return modules


def _est_paquet(nom: str, modules: dict[str, Path]) -> bool:
    return modules[nom].name == "__init__.py"


def _table_api(racine: Path) -> dict[str, str]:
    """La table ``_API`` (nom public → module) de ``__init__.py`` à la racine, si elle existe."""
    fichier = racine / "__init__.py"
    if not fichier.exists():
        return {}
    for noeud in ast.walk(ast.parse(fichier.read_text(encoding="utf-8"))):
        cible = noeud.target if isinstance(noeud, ast.AnnAssign) else (
            noeud.targets[0] if isinstance(noeud, ast.Assign) and len(noeud.targets) == 1 else None)
        if isinstance(cible, ast.Name) and cible.id == "_API" and isinstance(noeud.value, ast.Dict):
            return {k.value: v.value for k, v in zip(noeud.value.keys, noeud.value.values, strict=True)
                    if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)}
    return {}


def _est_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


class _Lecteur(ast.NodeVisitor):
    def __init__(self) -> None:
        self.contexte: list[str] = []
        self.type_checking = 0
        self.trouves: list[tuple[ast.Import | ast.ImportFrom, tuple[str, ...], bool]] = []

    def _bloc(self, noeud: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self.contexte.append(noeud.name)
        self.generic_visit(noeud)
        self.contexte.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _bloc

    def visit_If(self, noeud: ast.If) -> None:
        if _est_type_checking(noeud.test):
            self.type_checking += 1
            for enfant in noeud.body:
                self.visit(enfant)
            self.type_checking -= 1
            for enfant in noeud.orelse:
                self.visit(enfant)
        else:
            self.generic_visit(noeud)

    def _import(self, noeud: ast.Import | ast.ImportFrom) -> None:
        self.trouves.append((noeud, tuple(self.contexte), self.type_checking > 0))

    visit_Import = visit_ImportFrom = _import


def analyser(racine: Path | str, nom_paquet: str | None = None) -> list[Import]:
    """Tous les imports internes du paquet dont le dossier est ``racine``.

    Les imports relatifs sont résolus ; ``from paquet import Nom`` passe par la table ``_API`` de la racine ;
    ``from .x import y`` vise le sous-module ``x.y`` quand ``y`` en est un.
    """
    racine = Path(racine)
    nom_paquet = nom_paquet or racine.name
    modules = _modules(racine)
    api = _table_api(racine)
    imports: list[Import] = []
    for source, fichier in modules.items():
        lecteur = _Lecteur()
        lecteur.visit(ast.parse(fichier.read_text(encoding="utf-8"), filename=str(fichier)))
        paquet_source = source if _est_paquet(source, modules) else source.rpartition(".")[0]
        for noeud, contexte, tc in lecteur.trouves:
            for cible, noms in _cibles(noeud, paquet_source, nom_paquet, modules, api):
                if cible != source:
                    imports.append(Import(source, cible, noms, noeud.lineno, contexte, tc))
    return imports


def _cibles(noeud: ast.Import | ast.ImportFrom, paquet_source: str, nom_paquet: str, modules: dict[str, Path],
            api: dict[str, str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    def interne(absolu: str) -> str | None:
        if absolu == nom_paquet:
            return ""
        if absolu.startswith(nom_paquet + "."):
            return absolu[len(nom_paquet) + 1:]
        return None

    if isinstance(noeud, ast.Import):
        for alias in noeud.names:
            nom = interne(alias.name)
            if nom is not None and nom in modules:
                yield nom, ()
        return
    if noeud.level:
        base = paquet_source.split(".") if paquet_source else []
        remonte = noeud.level - 1
        if remonte > len(base):
            return
        base = base[: len(base) - remonte] if remonte else base
        module = ".".join([*base, *(noeud.module.split(".") if noeud.module else [])])
    else:
        module = interne(noeud.module or "")
        if module is None:
            return
    if module not in modules:
        return
    noms_simples = []
    for alias in noeud.names:
        sous_module = f"{module}.{alias.name}" if module else alias.name
        if sous_module in modules:
            yield sous_module, (alias.name,)
        elif module == "" and alias.name in api:
            yield api[alias.name], (alias.name,)
        else:
            noms_simples.append(alias.name)
    if noms_simples:
        yield module, tuple(noms_simples)


# --- les règles --------------------------------------------------------------------------------------------

def cycles(imports: Iterable[Import]) -> list[list[str]]:
    """Les cycles du graphe des imports qui s'exécutent (composantes fortement connexes de plus d'un module)."""
    graphe: dict[str, set[str]] = {}
    for imp in imports:
        if not imp.type_checking:
            graphe.setdefault(imp.source, set()).add(imp.cible)
            graphe.setdefault(imp.cible, set())
    index: dict[str, int] = {}
    bas: dict[str, int] = {}
    pile: list[str] = []
    sur_pile: set[str] = set()
    composantes: list[list[str]] = []
    compteur = 0

    def visiter(depart: str) -> None:  # Tarjan, itératif
        nonlocal compteur
        travail = [(depart, iter(sorted(graphe[depart])))]
        index[depart] = bas[depart] = compteur
        compteur += 1
        pile.append(depart)
        sur_pile.add(depart)
        while travail:
            noeud, suivants = travail[-1]
            avance = False
            for suivant in suivants:
                if suivant not in index:
                    index[suivant] = bas[suivant] = compteur
                    compteur += 1
                    pile.append(suivant)
                    sur_pile.add(suivant)
                    travail.append((suivant, iter(sorted(graphe[suivant]))))
                    avance = True
                    break
                if suivant in sur_pile:
                    bas[noeud] = min(bas[noeud], index[suivant])
            if avance:
                continue
            travail.pop()
            if travail:
                bas[travail[-1][0]] = min(bas[travail[-1][0]], bas[noeud])
            if bas[noeud] == index[noeud]:
                composante = []
                while True:
                    m = pile.pop()
                    sur_pile.discard(m)
                    composante.append(m)
                    if m == noeud:
                        break
                if len(composante) > 1:
                    composantes.append(sorted(composante))

    for module in sorted(graphe):
        if module not in index:
            visiter(module)
    return sorted(composantes)


def imports_du_cycle(imports: Iterable[Import], cycle: list[str]) -> list[Import]:
    """Les imports qui relient les modules d'un cycle (pour dire lesquels défaire)."""
    membres = set(cycle)
    return [i for i in imports if not i.type_checking and i.source in membres and i.cible in membres]


def imports_prives(imports: Iterable[Import], racine: Path | str) -> list[Import]:
    """Les ``from .x import _nom`` d'un module à un autre (sauf un paquet qui importe son sous-module privé)."""
    modules = _modules(Path(racine))
    fautifs = []
    for imp in imports:
        prives = [n for n in imp.noms if n.startswith("_") and not (n.startswith("__") and n.endswith("__"))]
        if not prives:
            continue
        parent = imp.cible.rpartition(".")[0]
        if (imp.cible in modules and imp.cible.rpartition(".")[2] == prives[0]
                and parent in (imp.source, imp.source.rpartition(".")[0])):
            continue  # un sous-module privé de son propre paquet (ou d'un module frère)
        fautifs.append(imp)
    return fautifs


def _est_vue(module: str) -> bool:
    return module == "affichage" or module.startswith("affichage.")


def _methode_de_vue(nom: str | None) -> bool:
    return nom is not None and (nom == "graphique" or nom.startswith(("graphique_", "exporter_"))
                                or nom == "_repr_html_")


def imports_metier_de_cas(imports: Iterable[Import]) -> list[Import]:
    """Les imports de ``cas`` et de ``sections.*`` vers un module métier (ou une vue autre que ``affichage.html``)."""
    fautifs = []
    for imp in imports:
        if imp.type_checking or not (imp.source == "cas" or imp.source.split(".")[0] == "sections"):
            continue
        cible = imp.cible
        if cible in FONDATIONS_CAS or cible.startswith("sections."):
            continue
        if cible in VUES_CAS and _methode_de_vue(imp.dans_fonction):
            continue
        fautifs.append(imp)
    return fautifs


def vues_hors_methodes_de_vue(imports: Iterable[Import]) -> list[Import]:
    """Les imports d'une vue par un modèle hors de ``graphique*``, ``_repr_html_`` et ``exporter_*``."""
    return [imp for imp in imports
            if not imp.type_checking and _est_vue(imp.cible) and not _est_vue(imp.source)
            and imp.source not in INTERFACES and not _methode_de_vue(imp.dans_fonction)]


def _rapport(titre: str, fautifs: Iterable[object]) -> str:
    return titre + "\n" + "\n".join(f"  - {f}" for f in fautifs)


# --- le paquet -----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def imports() -> list[Import]:
    return analyser(PAQUET)


def test_l_analyse_voit_le_paquet(imports: list[Import]) -> None:
    # Garde-fou : l'analyse lit bien les imports (cas importe erreurs, note_word est importé par note).
    assert any(i.source == "cas" and i.cible == "erreurs" for i in imports)
    assert any(i.cible.startswith("affichage.") for i in imports)


def test_aucun_cycle_entre_modules(imports: list[Import]) -> None:
    trouves = cycles(imports)
    details = [f"cycle {' ↔ '.join(c)} :\n" + "\n".join(f"      {i}" for i in imports_du_cycle(imports, c))
               for c in trouves]
    assert not trouves, _rapport("imports qui forment un cycle (défaites l'un d'eux, ou passez le nom par "
                                 "TYPE_CHECKING s'il ne sert qu'aux annotations) :", details)


def test_cas_et_sections_n_importent_aucun_module_metier(imports: list[Import]) -> None:
    fautifs = imports_metier_de_cas(imports)
    assert not fautifs, _rapport("cas et sections ne lisent que les fichiers : les modèles se construisent "
                                 "par X.depuis_cas(cas) dans leur module :", fautifs)


def _verifier_prives(imports: list[Import], racine: Path) -> None:
    fautifs = imports_prives(imports, racine)
    assert not fautifs, _rapport("noms privés importés d'un autre module (rendez-les publics dans un module "
                                 "commun, par exemple saisie.py) :", fautifs)


def test_aucun_nom_prive_importe_d_un_autre_module(imports: list[Import]) -> None:
    _verifier_prives(imports, PAQUET)


def test_les_modeles_n_importent_les_vues_que_pour_s_afficher(imports: list[Import]) -> None:
    fautifs = vues_hors_methodes_de_vue(imports)
    assert not fautifs, _rapport("un modèle importe une vue hors de graphique(), _repr_html_() ou "
                                 "exporter_*() :", fautifs)


# --- les fonctions d'analyse, sur de petits paquets plantés --------------------------------------------------

def _paquet(tmp_path: Path, fichiers: dict[str, str]) -> Path:
    racine = tmp_path / "pk"
    for nom, texte in {"__init__.py": "", **fichiers}.items():
        chemin = racine / nom
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_text(textwrap.dedent(texte), encoding="utf-8")
    return racine


def test_cycle_plante_par_un_import_dans_une_fonction(tmp_path: Path) -> None:
    racine = _paquet(tmp_path, {
        "a.py": "from .b import g\n",
        "b.py": "def g():\n    from .c import h\n    return h()\n",
        "c.py": "from . import a\n\ndef h():\n    return 1\n",
        "d.py": "from .a import g\n",  # hors du cycle
    })
    imports = analyser(racine)
    assert cycles(imports) == [["a", "b", "c"]]
    assert {str(i).split(" ")[0] for i in imports_du_cycle(imports, ["a", "b", "c"])} == {"a:1", "b:2", "c:1"}
    with pytest.raises(AssertionError, match="cycle a ↔ b ↔ c"):
        test_aucun_cycle_entre_modules(imports)


def test_type_checking_ne_fait_pas_de_cycle(tmp_path: Path) -> None:
    racine = _paquet(tmp_path, {
        "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\nelse:\n    X = 1\n",
        "b.py": "from .a import X\nclass B: ...\n",
    })
    imports = analyser(racine)
    assert cycles(imports) == []
    assert [i.type_checking for i in imports if i.source == "a"] == [True]
    test_aucun_cycle_entre_modules(imports)  # ne lève rien


def test_cycle_par_la_table_api_et_les_sous_paquets(tmp_path: Path) -> None:
    racine = _paquet(tmp_path, {
        "__init__.py": "_API: dict[str, str] = {'Plan': 'fin.plan'}\n",
        "fin/__init__.py": "from .plan import Plan\n",
        "fin/plan.py": "class Plan:\n    def note(self):\n        from ..note import Note\n",
        "note.py": "def f():\n    from pk import Plan\n\nclass Note: ...\n",
    })
    imports = analyser(racine)
    assert ("note", "fin.plan", ("Plan",)) in {(i.source, i.cible, i.noms) for i in imports}
    assert cycles(imports) == [["fin.plan", "note"]]


def test_import_prive_plante(tmp_path: Path) -> None:
    racine = _paquet(tmp_path, {
        "financement.py": "def _montant(x):\n    return x\n__version__ = '1'\n",
        "budget.py": "from .financement import _montant, __version__\n",
        "outils/__init__.py": "from . import _interne\nfrom ._interne import public\n",
        "outils/_interne.py": "public = 1\n",
    })
    imports = analyser(racine)
    fautifs = imports_prives(imports, racine)
    assert [(i.source, i.cible, i.noms) for i in fautifs] == [("budget", "financement", ("_montant", "__version__"))]
    with pytest.raises(AssertionError, match=r"budget:1 \[haut du module\] → financement"):
        _verifier_prives(imports, racine)


def test_vue_importee_hors_methode_de_vue_plantee(tmp_path: Path) -> None:
    racine = _paquet(tmp_path, {
        "affichage/__init__.py": "",
        "affichage/graphiques.py": "def figure(x):\n    return x\n",
        "plan.py": textwrap.dedent("""\
            class Plan:
                def graphique(self):
                    from .affichage.graphiques import figure
                def _repr_html_(self):
                    from .affichage import graphiques
                def exporter_word(self, chemin):
                    from .affichage.graphiques import figure
                def total(self):
                    from .affichage.graphiques import figure
            """),
        "cli.py": "from .affichage.graphiques import figure\n",
        "cas.py": "from .erreurs import E\nfrom .plan import Plan\nclass Cas:\n    def _repr_html_(self):\n"
                  "        from .affichage.html import t\n",
        "erreurs.py": "class E(Exception): ...\n",
        "affichage/html.py": "def t(): ...\n",
    })
    imports = analyser(racine)
    assert [str(i) for i in vues_hors_methodes_de_vue(imports)] == [
        "plan:9 [Plan.total] → affichage.graphiques (figure)"]
    assert [str(i) for i in imports_metier_de_cas(imports)] == ["cas:2 [haut du module] → plan (Plan)"]
