"""Banques d'exercices par carnet, variantes par apprenant, et progression sauvegardée à côté du carnet.

La progression est écrite dans ``<carnet>.reponses.json`` dans le dossier courant (celui du
carnet dans Jupyter), ou dans le dossier ``MBA_TERRITOIRES_PROGRESSION`` s'il est défini. Le
fichier garde chaque tentative (réponse, verdict, variante, horodatage), la première réussite et
l'état courant ; il survit au redémarrage du noyau et à la ré-exécution du carnet ; un fichier
abîmé est mis de côté (jamais écrasé). L'apprenant le rend à son enseignant
(``mba-territoires edition bilan`` revérifie chaque réponse).

>>> import tempfile
>>> dossier = tempfile.mkdtemp()
>>> ex = carnet("00-prise-en-main", dossier=dossier, apprenant="")
>>> ex.verifier("cout-ttc", ...).statut
'vide'
"""

from __future__ import annotations

import datetime as _dt
import difflib
import importlib
import json
import math
import os
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from html import escape
from numbers import Integral, Real
from pathlib import Path
from typing import Any

from ..erreurs import ErreurExercice
from .mecanisme import Exercice, Retour, decimal_tape_avec_virgule, scalaire_python
from .variantes import Donnees, Tirage, apprenant_courant, formater_enonce, libelle_variante

__all__ = [
    "FORMAT_PROGRESSION",
    "Banque",
    "Carnet",
    "Enonce",
    "ExerciceInconnu",
    "Progression",
    "banque",
    "banques",
    "carnet",
    "lire_progression",
    "module_du_carnet",
]

#: La version du format des fichiers ``.reponses.json``.
FORMAT_PROGRESSION = 2


class ExerciceInconnu(ErreurExercice):
    """Un identifiant d'exercice qui n'existe pas dans ce carnet (faute de frappe, ou exercice d'un autre carnet)."""


# --------------------------------------------------------------------------- la banque d'un carnet

class Banque:
    """Les exercices d'un carnet, déclarés dans son module de vérifications.

    Une banque peut déclarer les données de ses exercices (``@banque.donnees``) : elles sont tirées
    pour chaque apprenant ; une vérification qui prend un paramètre ``d`` les reçoit.

    >>> banque = Banque("99-demo", "Démonstration")
    >>> @banque.donnees
    ... def _donnees(t):
    ...     return {"travaux": t.montant(500_000, 900_000, arrondi=10_000, livre=820_000)}
    >>> @banque.exercice("ttc", "Le coût TTC", unite="euros", enonce="Les travaux coûtent {travaux:euros} HT.")
    ... def _(reponse, d):
    ...     from mba_territoires.exercices import comparer_montant
    ...     return comparer_montant(reponse, d["travaux"] * 1.2)
    >>> banque["ttc"].verifier(984_000, donnees=banque.variante(None)).statut
    'juste'
    >>> banque.attendu("ttc", banque.variante(None))
    984000.0
    """

    def __init__(self, carnet: str, titre: str) -> None:
        self.carnet = carnet
        self.titre = titre
        self._exercices: dict[str, Exercice] = {}
        self._fonction_donnees: Callable[[Tirage], Mapping[str, Any]] | None = None
        self._variantes: dict[str | None, Donnees] = {}

    # ---- déclarations
    def exercice(self, ident: str, titre: str, *, unite: str | None = None,
                 enonce: str | Callable[..., str] | None = None, regle: str = "",
                 attendu: Callable[..., Any] | None = None) -> Callable[[Callable[..., Retour]], Callable[..., Retour]]:
        """Décorateur : déclare la fonction de vérification de l'exercice ``ident``.

        ``unite`` (« euros », « jours »…), ``enonce`` (modèle ``"{travaux:euros}"`` ou fonction des données),
        ``regle`` (citée quand les indices de direction s'arrêtent), ``attendu`` (fonction des données qui rend
        la valeur attendue ; sinon elle est lue dans le :class:`Retour` des ``comparer_…``).
        """

        def enregistrer(fonction: Callable[..., Retour]) -> Callable[..., Retour]:
            if ident in self._exercices:
                raise ValueError(f"exercice « {ident} » déclaré deux fois dans {self.carnet}")
            self._exercices[ident] = Exercice(ident, titre, fonction, unite=unite, enonce=enonce, regle=regle,
                                              calcul_attendu=attendu, banque=self)
            return fonction

        return enregistrer

    def donnees(self, fonction: Callable[[Tirage], Mapping[str, Any]]) -> Callable[[Tirage], Mapping[str, Any]]:
        """Décorateur : la fonction ``_donnees(t: Tirage) -> dict`` qui tire les chiffres d'une variante."""
        if self._fonction_donnees is not None:
            raise ValueError(f"les données du carnet {self.carnet} sont déclarées deux fois")
        self._fonction_donnees = fonction
        self._variantes.clear()
        return fonction

    # ---- variantes
    @property
    def a_des_variantes(self) -> bool:
        """Vrai si la banque tire des chiffres propres à chaque apprenant."""
        return self._fonction_donnees is not None

    def variante(self, apprenant: str | None = None) -> Donnees:
        """Les données de la variante de ``apprenant`` (``None`` ou ``""`` : la variante du livre)."""
        cle = apprenant_courant(apprenant) if apprenant else None
        if cle not in self._variantes:
            tirage = Tirage(cle, self.carnet)
            valeurs = dict(self._fonction_donnees(tirage)) if self._fonction_donnees else {}
            self._variantes[cle] = Donnees(valeurs, tirage.variante)
        return self._variantes[cle]

    def attendu(self, ident: str, donnees: Mapping[str, Any] | None = None) -> Any:
        """La valeur attendue de l'exercice ``ident`` pour ces données (défaut : le livre). Interne : jamais affichée.

        Sert au test de fuite (aucune valeur attendue n'est affichée avant l'exercice) et au bilan.
        """
        return self[ident].attendu(donnees if donnees is not None else self.variante(None))

    def enonce(self, ident: str, donnees: Mapping[str, Any] | None = None) -> str:
        """Le texte de l'énoncé de ``ident`` avec ces données (défaut : le livre), au format français."""
        ex = self[ident]
        if ex.enonce is None:
            return ""
        d = donnees if isinstance(donnees, Donnees) else Donnees(donnees if donnees is not None
                                                                  else self.variante(None))
        return formater_enonce(ex.enonce, d)

    # ---- accès
    def __getitem__(self, ident: str) -> Exercice:
        try:
            return self._exercices[ident]
        except (KeyError, TypeError):
            raise _inconnu(self, ident) from None

    def __contains__(self, ident: object) -> bool:
        return ident in self._exercices

    def __iter__(self) -> Iterator[Exercice]:
        return iter(self._exercices.values())

    def __len__(self) -> int:
        return len(self._exercices)

    def identifiants(self) -> list[str]:
        """Les identifiants des exercices, dans l'ordre du carnet."""
        return list(self._exercices)

    def __repr__(self) -> str:
        return f"Banque({self.carnet!r}, {len(self)} exercices)"


def _inconnu(b: Banque, ident: Any) -> ExerciceInconnu:
    disponibles = ", ".join(b.identifiants())
    if not isinstance(ident, str):
        return ExerciceInconnu(f"l'identifiant d'exercice doit être un texte, pas {ident!r}",
                               conseil=f'écrivez-le entre guillemets, par exemple ex.verifier("{b.identifiants()[0]}",'
                               f" reponse_1) ; exercices de ce carnet : {disponibles}" if len(b) else None)
    proches = difflib.get_close_matches(ident, b.identifiants(), n=1, cutoff=0.6)
    if proches:
        return ExerciceInconnu(f"le carnet « {b.carnet} » n'a pas d'exercice « {ident} »",
                               conseil=f"vouliez-vous écrire « {proches[0]} » ? Exercices disponibles : {disponibles}")
    ailleurs = [autre.carnet for autre in banques() if autre.carnet != b.carnet and ident in autre]
    if ailleurs:
        return ExerciceInconnu(f"l'exercice « {ident} » est celui du carnet « {ailleurs[0]} », pas de « {b.carnet} »",
                               conseil=f'ouvrez ses exercices avec mt.carnet("{ailleurs[0]}"), ou choisissez un '
                               f"exercice de ce carnet : {disponibles}")
    return ExerciceInconnu(f"le carnet « {b.carnet} » n'a pas d'exercice « {ident} »",
                           conseil="exercices disponibles : " + disponibles)


def module_du_carnet(nom: str) -> str:
    """Le module de vérifications d'un carnet : ``"02-plan-de-financement"`` → ``c02_plan_de_financement``.

    >>> module_du_carnet("02-plan-de-financement")
    'mba_territoires.exercices.carnets.c02_plan_de_financement'
    """
    return "mba_territoires.exercices.carnets.c" + nom.replace("-", "_").replace(".", "_")


def banque(nom: str) -> Banque:
    """La banque d'exercices du carnet ``nom`` (son nom de fichier sans ``.ipynb``).

    >>> banque("00-prise-en-main").carnet
    '00-prise-en-main'
    """
    nom_module = module_du_carnet(nom) if isinstance(nom, str) else ""
    try:
        module = importlib.import_module(nom_module)
    except (ModuleNotFoundError, ValueError) as exc:
        if isinstance(exc, ModuleNotFoundError) and exc.name != nom_module:  # le module importe un absent
            raise
        connus = [b.carnet for b in banques()]
        proches = difflib.get_close_matches(str(nom), connus, n=1, cutoff=0.5)
        conseil = (f"vouliez-vous écrire « {proches[0]} » ? " if proches else "") + \
            "vérifiez le nom du carnet, sans l'extension .ipynb"
        raise ErreurExercice(f"aucun exercice n'est déclaré pour le carnet « {nom} »", conseil=conseil) from None
    return module.BANQUE


def banques(lecons_seulement: bool = False) -> list[Banque]:
    """Toutes les banques du paquet (leçons ``cNN_…`` puis ateliers ``ccas_…``), dans l'ordre des carnets.

    Un module de vérifications qui ne se charge pas (en cours d'écriture) est passé.

    >>> banques()[0].carnet
    '00-prise-en-main'
    >>> all(b.carnet[:2].isdigit() for b in banques(lecons_seulement=True))
    True
    """
    from . import carnets

    trouvees = []
    for info in sorted(pkgutil.iter_modules(carnets.__path__), key=lambda i: i.name):
        if not (info.name[1:3].isdigit() or (info.name.startswith("ccas_") and not lecons_seulement)):
            continue
        try:
            module = importlib.import_module(f"{carnets.__name__}.{info.name}")
        except Exception:  # un module cassé ne doit pas empêcher de nommer les autres
            continue
        if isinstance(getattr(module, "BANQUE", None), Banque):
            trouvees.append(module.BANQUE)
    return trouvees


_banque = banque  # ancien nom, gardé pour les modules qui l'importent


# --------------------------------------------------------------------------- le fichier de progression

def _valeur_enregistrable(reponse: Any) -> Any:
    """Une réponse sous une forme que JSON sait écrire (nombres numpy compris), sinon son texte."""
    reponse = scalaire_python(reponse)
    if reponse is None or isinstance(reponse, (bool, str)):
        return reponse
    if isinstance(reponse, Integral):
        return int(reponse)
    if isinstance(reponse, Real):
        valeur = float(reponse)
        return valeur if math.isfinite(valeur) else repr(reponse)
    if isinstance(reponse, tuple) and decimal_tape_avec_virgule(reponse) is not None:
        return {"tuple": [int(x) for x in reponse]}
    if isinstance(reponse, (list, tuple)):
        return [_valeur_enregistrable(r) for r in reponse]
    if isinstance(reponse, dict):
        return {str(k): _valeur_enregistrable(v) for k, v in reponse.items()}
    return {"texte": repr(reponse)}


def valeur_relue(valeur: Any) -> Any:
    """La réponse telle qu'on la repasse à une vérification (l'inverse de l'enregistrement).

    >>> valeur_relue({"tuple": [0, 25]})
    (0, 25)
    """
    if isinstance(valeur, dict) and set(valeur) == {"tuple"}:
        return tuple(valeur["tuple"])
    if isinstance(valeur, dict) and set(valeur) == {"texte"}:
        return valeur["texte"]
    return valeur


def _maintenant() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _etat_vide(carnet_nom: str) -> dict[str, Any]:
    return {"format": FORMAT_PROGRESSION, "carnet": carnet_nom, "apprenant": None, "variante": "livre",
            "exercices": {}}


def lire_progression(contenu: Any, carnet_nom: str) -> dict[str, Any]:
    """Un contenu JSON de progression (format 2, ou l'ancien format à plat) mis au format 2.

    Lève ``ValueError`` si ce n'est pas un fichier de réponses.

    >>> ancien = {"cout-ttc": {"statut": "juste", "reponse": 984000, "horodatage": "2026-01-01T10:00:00"}}
    >>> lire_progression(ancien, "00-prise-en-main")["exercices"]["cout-ttc"]["tentatives"][0]["reponse"]
    984000
    """
    if not isinstance(contenu, dict):
        raise ValueError("ce n'est pas un objet JSON")
    if "exercices" in contenu or "format" in contenu:
        exercices = contenu.get("exercices", {})
        if not isinstance(exercices, dict):
            raise ValueError("la clé « exercices » n'est pas un objet")
        etat = _etat_vide(carnet_nom)
        etat.update({k: contenu[k] for k in ("apprenant", "variante") if k in contenu})
        for ident, entree in exercices.items():
            if isinstance(entree, dict):
                tentatives = [t for t in entree.get("tentatives", []) if isinstance(t, dict) and "reponse" in t]
                etat["exercices"][str(ident)] = {**entree, "tentatives": tentatives}
        return etat
    etat = _etat_vide(carnet_nom)
    for ident, entree in contenu.items():  # l'ancien format : un exercice par clé, la dernière réponse seule
        if isinstance(entree, dict) and "reponse" in entree:
            tentative = {"reponse": entree["reponse"], "statut": entree.get("statut", ""), "variante": "livre",
                         "horodatage": entree.get("horodatage", "")}
            etat["exercices"][str(ident)] = {"titre": entree.get("titre", ""), "statut": tentative["statut"],
                                             "reponse": entree["reponse"], "variante": "livre",
                                             "tentatives": [tentative], "premiere_reussite": None}
    return etat


class FichierProgression:
    """Le fichier ``<carnet>.reponses.json`` : lecture tolérante, mise de côté d'un fichier abîmé, écriture atomique."""

    def __init__(self, chemin: Path, carnet_nom: str) -> None:
        self.chemin = chemin
        self.carnet_nom = carnet_nom
        #: Le dernier message affiché à l'apprenant (fichier mis de côté, écriture impossible).
        self.avertissement = ""

    def _mettre_de_cote(self, raison: str) -> None:
        horodatage = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        base = self.chemin.with_name(f"{self.chemin.name[:-len('.json')]}.abime-{horodatage}")
        cible, n = base.with_suffix(".json"), 1
        while cible.exists():
            n += 1
            cible = base.with_name(f"{base.name}-{n}.json")
        try:
            os.replace(self.chemin, cible)
            self.avertissement = (f"Le fichier de réponses « {self.chemin.name} » était abîmé ({raison}) : il a été "
                                  f"mis de côté sous le nom « {cible.name} », sans rien effacer, et un nouveau "
                                  "fichier commence. Montrez-le à votre enseignant si vous aviez déjà répondu.")
        except OSError:
            self.avertissement = (f"Le fichier de réponses « {self.chemin.name} » est abîmé ({raison}) et n'a pas pu "
                                  "être mis de côté : vos nouvelles réponses ne seront pas enregistrées.")
        print(self.avertissement)

    def lire(self) -> dict[str, Any]:
        """L'état enregistré (vide si le fichier n'existe pas ; un fichier abîmé est mis de côté)."""
        try:
            texte = self.chemin.read_text(encoding="utf-8")
        except FileNotFoundError:
            return _etat_vide(self.carnet_nom)
        except UnicodeDecodeError:
            self._mettre_de_cote("ce n'est pas du texte")
            return _etat_vide(self.carnet_nom)
        except OSError as exc:  # illisible (droits) : on ne l'écrasera pas
            if not self.avertissement:
                self.avertissement = (f"Le fichier de réponses « {self.chemin.name} » ne peut pas être lu ({exc}) : "
                                      "vos nouvelles réponses ne seront pas enregistrées.")
                print(self.avertissement)
            return _etat_vide(self.carnet_nom)
        try:
            return lire_progression(json.loads(texte), self.carnet_nom)
        except ValueError as exc:  # json.JSONDecodeError en est une
            raison = (f"JSON illisible à la ligne {exc.lineno}, colonne {exc.colno}"
                      if isinstance(exc, json.JSONDecodeError) else str(exc))
            self._mettre_de_cote(raison)
            return _etat_vide(self.carnet_nom)

    def ecrire(self, etat: dict[str, Any]) -> bool:
        """Écrit l'état de façon atomique (fichier temporaire puis remplacement) ; faux si impossible."""
        if self.chemin.exists() and self.avertissement.endswith("ne seront pas enregistrées."):
            return False
        temporaire = self.chemin.with_name(f".{self.chemin.name}.{os.getpid()}.tmp")
        try:
            self.chemin.parent.mkdir(parents=True, exist_ok=True)
            temporaire.write_text(json.dumps(etat, ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(temporaire, self.chemin)
            return True
        except OSError:  # dossier en lecture seule : la vérification reste affichée
            try:
                temporaire.unlink(missing_ok=True)
            except OSError:
                pass
            return False


# --------------------------------------------------------------------------- le carnet ouvert

class Enonce:
    """L'énoncé d'un exercice avec les chiffres de l'apprenant (s'affiche en dernière ligne de cellule)."""

    def __init__(self, ident: str, titre: str, texte: str, variante: str) -> None:
        self.ident, self.titre, self.texte, self.variante = ident, titre, texte, variante

    def _entete(self) -> str:
        quelle = "variante du livre" if self.variante == "livre" else f"votre variante {self.variante}"
        return f"Exercice « {self.ident} » — {self.titre} ({quelle})"

    def __str__(self) -> str:
        return f"{self._entete()}\n{self.texte}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return (f'<div class="mba-enonce" style="border-left:4px solid #2166ac;padding:0.4em 0.8em;margin:0.3em 0;">'
                f"<strong>{escape(self._entete())}</strong><br>{escape(self.texte)}</div>")


def _est_numerique(valeur: Any) -> bool:
    return isinstance(valeur, (int, float)) and not isinstance(valeur, bool)


class Carnet:
    """Les exercices d'un carnet ouvert, pour un apprenant (sa variante), avec sa progression."""

    def __init__(self, banque: Banque, sauvegarde: bool = True, dossier: Path | str | None = None,
                 apprenant: str | None = None) -> None:
        self.banque = banque
        self.sauvegarde = sauvegarde
        #: L'identifiant de l'apprenant (``None`` : la variante du livre).
        self.apprenant = apprenant_courant(apprenant)
        #: Le nom court de la variante (``livre`` ou huit caractères).
        self.variante = libelle_variante(self.apprenant, banque.carnet)
        dossier = dossier or os.environ.get("MBA_TERRITOIRES_PROGRESSION") or Path.cwd()
        self.fichier = Path(dossier) / f"{banque.carnet}.reponses.json"
        self._stockage = FichierProgression(self.fichier, banque.carnet)
        self._memoire = _etat_vide(banque.carnet)

    @property
    def donnees(self) -> Donnees:
        """Les chiffres de vos exercices (votre variante) : ``ex.donnees.travaux`` ou ``ex.donnees["travaux"]``."""
        return self.banque.variante(self.apprenant)

    def enonce(self, ident: str) -> Enonce:
        """L'énoncé de l'exercice ``ident`` avec vos chiffres, au format français."""
        ex = self.banque[ident]
        texte = self.banque.enonce(ident, self.donnees) or "(cet exercice n'a pas d'énoncé chiffré : voir le carnet)"
        return Enonce(ident, ex.titre, texte, self.variante)

    def _lire(self) -> dict[str, Any]:
        return self._stockage.lire() if self.sauvegarde else self._memoire

    def _tentatives(self, ident: str, etat: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        etat = etat if etat is not None else self._lire()
        entree = etat["exercices"].get(ident)
        return list(entree.get("tentatives", [])) if isinstance(entree, dict) else []

    def essais_faux(self, ident: str) -> int:
        """Le nombre d'essais numériques faux déjà faits sur ``ident`` dans votre variante."""
        return sum(1 for t in self._tentatives(ident)
                   if t.get("statut") == "faux" and t.get("variante") == self.variante
                   and _est_numerique(t.get("reponse")))

    def _enregistrer(self, retour: Retour, reponses: tuple[Any, ...]) -> None:
        etat = self._lire()
        valeurs = [_valeur_enregistrable(r) for r in reponses]
        horodatage = _maintenant()
        tentative = {"reponse": valeurs[0] if len(valeurs) == 1 else valeurs, "statut": retour.statut,
                     "variante": self.variante, "horodatage": horodatage}
        entree = etat["exercices"].get(retour.exercice)
        if not isinstance(entree, dict):
            entree = {"tentatives": [], "premiere_reussite": None}
        tentatives = [t for t in entree.get("tentatives", []) if isinstance(t, dict)]
        tentatives.append(tentative)
        premiere = entree.get("premiere_reussite")
        if retour.statut == "juste" and not (isinstance(premiere, dict) and premiere.get("variante") == self.variante):
            premiere = {**tentative, "essai": len(tentatives)}
        etat["exercices"][retour.exercice] = {
            "titre": retour.titre, "statut": retour.statut, "reponse": tentative["reponse"],
            "variante": self.variante, "horodatage": horodatage,
            "premiere_reussite": premiere, "tentatives": tentatives,
        }
        etat.update({"format": FORMAT_PROGRESSION, "carnet": self.banque.carnet, "apprenant": self.apprenant,
                     "variante": self.variante})
        if self.sauvegarde:
            self._stockage.ecrire(etat)
        else:
            self._memoire = etat

    def verifier(self, ident: str, *reponses: Any, **options: Any) -> Retour:
        """Vérifie la réponse à l'exercice ``ident`` (avec vos chiffres) et note la tentative dans la progression."""
        exercice = self.banque[ident]
        retour = exercice.verifier(*reponses, donnees=self.donnees, essais_faux=self.essais_faux(ident), **options)
        if retour.statut != "vide":
            self._enregistrer(retour, reponses)
        return retour

    def reponse(self, ident: str) -> Any:
        """La dernière réponse enregistrée pour l'exercice ``ident`` (``...`` s'il n'y en a pas).

        Utile après un redémarrage du noyau : ``reponse_1 = ex.reponse("fctva")``. Les réponses qui ne
        sont ni des nombres ni des textes (un tableau, par exemple) sont rendues sous forme de texte.
        """
        self.banque[ident]  # un identifiant inconnu lève une erreur qui liste les exercices
        tentatives = self._tentatives(ident)
        return valeur_relue(tentatives[-1]["reponse"]) if tentatives else ...

    def tentatives(self, ident: str) -> list[dict[str, Any]]:
        """Toutes vos tentatives sur ``ident`` : réponse, verdict, variante, horodatage."""
        self.banque[ident]
        return self._tentatives(ident)

    def progression(self) -> Progression:
        """Où en est l'apprenant : chaque exercice, fait ou non, et le fichier où tout est enregistré."""
        etat = self._lire()
        lignes = []
        for ex in self.banque:
            tentatives = [t for t in self._tentatives(ex.ident, etat) if t.get("variante") == self.variante]
            statuts = {t.get("statut") for t in tentatives}
            statut = "juste" if "juste" in statuts else "faux" if "faux" in statuts else "vide"
            lignes.append((ex.ident, ex.titre, statut))
        return Progression(self.banque.titre, lignes, self.fichier if self.sauvegarde else None)

    def __repr__(self) -> str:
        return f"Carnet({self.banque.carnet!r}, {len(self.banque)} exercices, variante {self.variante!r})"


class Progression:
    """Le tableau de progression d'un carnet.

    >>> p = Progression("Prise en main", [("a", "Les moins de 15 ans", "juste"), ("b", "Le coût TTC", "vide")])
    >>> print(p)
    Prise en main : 1/2 exercices réussis
      ✔ Les moins de 15 ans
      … Le coût TTC
    """

    def __init__(self, titre: str, lignes: list[tuple[str, str, str]], fichier: Path | None = None) -> None:
        #: Le titre du carnet.
        self.titre = titre
        #: Une ligne par exercice : identifiant, titre, statut (``juste``, ``faux`` ou ``vide``).
        self.lignes = lignes
        #: Le fichier où les réponses sont enregistrées (``None`` si rien n'est enregistré).
        self.fichier = fichier

    def _mention_fichier(self) -> str:
        if self.fichier is None:
            return ""
        return (f"Vos réponses sont enregistrées dans le fichier « {self.fichier.name} », à côté du carnet "
                f"({self.fichier.parent}) : elles survivent à un redémarrage du noyau, et c'est ce fichier "
                "que vous rendez à votre enseignant.")

    @property
    def faits(self) -> int:
        """Le nombre d'exercices réussis."""
        return sum(1 for *_, statut in self.lignes if statut == "juste")

    def __repr__(self) -> str:
        symboles = {"juste": "✔", "faux": "✘", "vide": "…"}
        corps = "\n".join(f"  {symboles[s]} {t}" for _, t, s in self.lignes)
        texte = f"{self.titre} : {self.faits}/{len(self.lignes)} exercices réussis\n{corps}"
        return texte if self.fichier is None else f"{texte}\n{self._mention_fichier()}"

    def __str__(self) -> str:
        return repr(self)

    def _repr_html_(self) -> str:
        from ..affichage.html import tableau_html

        libelles = {"juste": "✔ réussi", "faux": "✘ à reprendre", "vide": "… pas encore fait"}
        tableau = tableau_html([[t, libelles[s]] for _, t, s in self.lignes], ["Exercice", "État"],
                               legende=f"{self.titre} : {self.faits}/{len(self.lignes)} exercices réussis")
        return tableau + (f"<p>{escape(self._mention_fichier())}</p>" if self.fichier is not None else "")


# --------------------------------------------------------------------------- le message seul dans Jupyter

def _installer_messages_francais() -> None:
    """Dans Jupyter, une erreur du paquet (``ErreurSaisie``) s'affiche par son seul message français.

    En mode de test (``MBA_TERRITOIRES_EXERCICES`` réglé), la trace complète reste, pour les auteurs.
    """
    from .mecanisme import mode

    if mode() is not None:
        return
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "_mba_messages_francais", False):
        return
    from ..erreurs import ErreurSaisie

    def afficher(self: Any, etype: type, valeur: BaseException, tb: Any, tb_offset: Any = None) -> list[str]:
        # Le rendu court est celui de l'erreur (ErreurSaisie._render_traceback_) ; il disparaît quand
        # l'utilisateur demande les traces complètes (mt.traces_completes(True), MBA_TERRITOIRES_TRACES=1).
        rendu = getattr(valeur, "_render_traceback_", None)
        stb = rendu() if rendu is not None else self.InteractiveTB.structured_traceback(
            etype, valeur, tb, tb_offset=tb_offset)
        self._showtraceback(etype, valeur, stb)
        return stb

    if shell.custom_exceptions:  # un autre gestionnaire est déjà installé : on ne l'écrase pas
        return
    shell.set_custom_exc((ErreurSaisie,), afficher)
    shell._mba_messages_francais = True


def carnet(nom: str, sauvegarde: bool = True, dossier: Path | str | None = None,
           apprenant: str | None = None) -> Carnet:
    """Les exercices du carnet ``nom`` (son nom de fichier sans ``.ipynb``), pour l'apprenant ``apprenant``.

    Sans ``apprenant``, l'identifiant vient de ``MBA_TERRITOIRES_APPRENANT`` ; sans l'un ni l'autre,
    ce sont les chiffres du livre.

    >>> carnet("00-prise-en-main", sauvegarde=False, apprenant="").variante
    'livre'
    """
    ouvert = Carnet(banque(nom), sauvegarde=sauvegarde, dossier=dossier, apprenant=apprenant)
    _installer_messages_francais()
    return ouvert
