"""Écrit les six ateliers de cas ``notebooks/cas-<slug>.ipynb`` sur un même modèle de mise en situation.

Chaque atelier remet la commande du cas à l'apprenant et lui fait produire, avec le paquet, les livrables
du métier : le plan de financement, ses chiffres (part du maître d'ouvrage, FCTVA, reste à charge),
l'effet sur le budget, le planning (procédure du marché principal, durée), la concertation, le registre
des risques et la note aux élus. Chaque livrable est vérifié par la banque ``ccas_<slug>``
(``src/mba_territoires/exercices/carnets/atelier.py``) ; la solution de l'enseignant est entre les
marqueurs ``# DEBUT SOLUTION`` / ``# FIN SOLUTION``, que l'édition étudiant retire.

Le code de la solution du plan est écrit depuis la section ``financement`` du cas ; les questions ouvertes
et la note de l'enseignant viennent de ``outils/ateliers/<slug>.yaml``. Relancez après avoir changé un cas :

    .venv/bin/python outils/ecrire_ateliers.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import yaml

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "src"))

import mba_territoires as mt  # noqa: E402

SLUGS = ("ecole-jules-ferry", "cour-oasis", "reseau-cyclable", "tiers-lieu-rural", "reseau-chaleur-bois",
         "centre-bourg")


def _md(texte: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(texte.strip())


def _code(texte: str, solution: bool = False) -> nbformat.NotebookNode:
    cellule = nbformat.v4.new_code_cell(texte.strip())
    if solution:
        cellule.metadata["tags"] = ["solution", "hide-input"]
    return cellule


def _exercice(variable: str, solution: str, ident: str, commentaire: str = "à compléter") -> nbformat.NotebookNode:
    return _code(f"{variable} = ...  # {commentaire}\n# DEBUT SOLUTION\n{solution.strip()}\n# FIN SOLUTION\n"
                 f'ex.verifier("{ident}", {variable})', solution=True)


def _valeur(v: object) -> str:
    if isinstance(v, float) and v.is_integer() and abs(v) >= 1:
        return str(int(v))
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_valeur(x)}" for k, x in v.items()) + "}"
    return repr(v)


def _appel(debut: str, arguments: list[str], largeur: int = 116) -> str:
    """``debut(arg, arg, …)`` sur une ligne, ou replié sous la parenthèse si la ligne est trop longue."""
    ligne = debut + "(" + ", ".join(arguments) + ")"
    if len(ligne) <= largeur:
        return ligne
    retrait = " " * (len(debut) + 1)
    lignes, courante = [], debut + "("
    for i, argument in enumerate(arguments):
        morceau = argument + ("," if i < len(arguments) - 1 else ")")
        if len(courante) + len(morceau) + 1 > largeur and courante.strip() not in (debut + "(",):
            lignes.append(courante.rstrip())
            courante = retrait
        courante += morceau + " "
    lignes.append(courante.rstrip())
    return "\n".join(lignes)


def _code_plan(cas: mt.Cas) -> str:
    """Le code qui construit le plan de la commande, ligne à ligne (la solution de l'enseignant)."""
    s = cas.financement.model_dump()
    arguments = [repr(cas.projet.intitule), f"maitre_ouvrage={cas.maitre_ouvrage.nom!r}"]
    if s.get("date"):
        arguments.append(f'date="{s["date"]:%Y-%m-%d}"')
    else:
        arguments.append(f"annee={s.get('annee') or cas.annee}")
    arguments.append(f"regime_fctva={(s.get('regime_fctva') or cas.maitre_ouvrage.regime_fctva)!r}")
    if s.get("calendrier"):
        arguments.append(f"calendrier={_valeur(s['calendrier'])}")
    lignes = [_appel("plan = mt.PlanDeFinancement", arguments)]
    for d in s["depenses"]:
        args = [repr(d["libelle"]), f"montant_ht={_valeur(d['montant_ht'])}"]
        if d.get("tva") is not None:
            args.append(f"tva={_valeur(d['tva'])}")
        if not d.get("eligible_fctva", True):
            args.append("eligible_fctva=False")
        if d.get("calendrier"):
            args.append(f"calendrier={_valeur(d['calendrier'])}")
        lignes.append(_appel("plan.ajouter_depense", args))
    for f in s["financeurs"]:
        args = [repr(f["nom"])]
        for cle in ("taux", "montant"):
            if f.get(cle) is not None:
                args.append(f"{cle}={_valeur(f[cle])}")
        if not f.get("public", True):
            args.append("public=False")
        for cle in ("nature", "lignes", "plafond", "plancher"):
            if f.get(cle):
                args.append(f"{cle}={_valeur(f[cle])}")
        if f.get("assiette", "ht") != "ht":
            args.append(f"assiette={f['assiette']!r}")
        if f.get("decalage"):
            args.append(f"decalage={f['decalage']}")
        lignes.append(_appel("plan.ajouter_financeur", args))
    if s.get("derogation"):
        args = [repr(s["derogation"])]
        if s.get("categorie_derogation"):
            args.append(f"categorie={s['categorie_derogation']!r}")
        if s.get("participation_derogee") is not None:
            args.append(f"participation={_valeur(s['participation_derogee'])}")
        lignes.append(_appel("plan.choisir_derogation", args))
    if s.get("emprunt"):
        lignes.append(f"plan.emprunter({_valeur(s['emprunt'])})")
    lignes.append("plan.verifier()")
    return "\n".join(lignes)


def carnet_atelier(slug: str) -> nbformat.NotebookNode:
    """Le carnet de l'atelier ``slug``."""
    cas = mt.charger_cas(slug)
    textes = yaml.safe_load((RACINE / "outils" / "ateliers" / f"{slug}.yaml").read_text(encoding="utf-8"))
    q = textes["questions"]
    s = cas.financement
    duree = int(s.duree_emprunt or 20)
    premiere = next(iter(mt.strategies_depuis_cas(cas)))
    cellules = [
        _md(f"""
# {textes['titre']}

Vous êtes le ou la chargé·e de mission. La commande est sur votre bureau : à vous de produire, avec le
paquet, les livrables que votre directeur ou votre directrice attend, puis la note aux élus.

**Vous saurez :**

- monter le plan de financement de la commande et lire ses verdicts ;
- en tirer les chiffres que les élus demandent (part de la collectivité, FCTVA, reste à charge, effet sur le
  budget) ;
- dire quelle procédure s'applique au marché principal et combien de temps durera le projet ;
- choisir et justifier une démarche de concertation, compléter le registre des risques ;
- rédiger la note aux élus et la décision à voter.

**Prérequis** : les leçons 00 à 08 (plan de financement, trésorerie, planning, concertation, risques).
**Durée** : une séance de trois heures (le programme du cours en donne le détail).

**Vos livrables**, vérifiés à chaque cellule : le plan (`plan`), la part du maître d'ouvrage (`part-mo`), le
FCTVA (`fctva`), le reste à charge (`reste-a-charge`), la capacité de désendettement après le projet
(`capacite-apres`), la procédure du marché principal (`procedure`), la durée du projet (`duree`), la
stratégie de concertation retenue et sa justification (`strategie`), un risque ajouté au registre
(`risque`) et la note aux élus (`note`). Vos textes (justification de la concertation,
note) sont aussi notés par l'enseignant avec la grille d'évaluation.
"""),
        _code(f'import mba_territoires as mt\n\ncas = mt.charger_cas("{slug}")\nex = mt.carnet("cas-{slug}")'),
        _md("## 1. La commande\n\nLisez la commande telle qu'on vous la remet."),
        _code("print(cas.brief())"),
        _md("Les chiffres de la commande : les dépenses, les financeurs sollicités, l'emprunt envisagé. "
            "Rien n'est encore calculé : c'est votre travail."),
        _code("mt.Commande.depuis_cas(cas)"),
        _md("## 2. Le territoire\n\nLe diagnostic du territoire se fait comme dans la leçon 01 : "
            "`mt.Diagnostic.du_cas(cas)` lit les données du cas (population par âge, ménages, équipements)."),
        _md(f"### Question ouverte\n\n{q['diagnostic']}"),
        _md("""
## 3. Livrable : le plan de financement

Construisez le plan de la commande : `plan = mt.PlanDeFinancement("titre", maitre_ouvrage="…", annee=…)`,
puis une ligne `plan.ajouter_depense("libellé", montant_ht=…, tva=…, calendrier={année: part})` par
dépense, une ligne `plan.ajouter_financeur("nom", taux=…)` (ou `montant=…`, `public=False` pour le
privé, `nature="detr"`…) par financeur, et `plan.emprunter(montant)` pour l'emprunt. Terminez par
`plan.verifier()` pour lire les verdicts des règles.
"""),
        _exercice("plan", _code_plan(cas), "plan", "votre plan de financement"),
        _md("""
## 4. Livrable : les chiffres du plan

Calculez avec votre plan (ses propriétés `autofinancement`, `subventions_publiques`,
`financements_prives`, `cout_ttc`, et `plan.fctva()`) :

1. la part du maître d'ouvrage dans le total des financements publics, en décimales ;
2. le FCTVA attendu, en euros ;
3. le reste à charge du maître d'ouvrage : ce qu'il paie finalement, TTC, une fois les aides et le FCTVA
   perçus.
"""),
        _exercice("part_mo", "part_mo = plan.autofinancement / (plan.autofinancement + plan.subventions_publiques)",
                  "part-mo"),
        _exercice("fctva", "fctva = plan.fctva().montant", "fctva"),
        _exercice("reste", "reste = plan.cout_ttc - plan.subventions_publiques - plan.financements_prives "
                  "- plan.fctva().montant", "reste-a-charge"),
        _md(f"### Question ouverte\n\n{q['financement']}"),
        _md(f"""
## 5. Livrable : l'effet sur le budget

La situation financière du maître d'ouvrage est dans le cas (`mt.SituationFinanciere.depuis_cas(cas)`).
Avec l'emprunt de votre plan sur {duree} ans (`mt.emprunt_du_plan(plan, duree={duree})`) et les économies
de fonctionnement attendues de la commande, calculez la capacité de désendettement **après** le projet, en
années (`mt.impact_budgetaire(...)`).
"""),
        _exercice("capacite", f"""
situation = mt.SituationFinanciere.depuis_cas(cas)
emprunt = mt.emprunt_du_plan(plan, duree={duree}) if plan.emprunt else None
impact = mt.impact_budgetaire(situation, emprunt, economies_annuelles={_valeur(float(s.economies_annuelles or 0))})
capacite = impact.apres.capacite_desendettement
impact""", "capacite-apres"),
        _md("""
## 6. Livrable : le planning

Ordonnancez le planning du cas (`mt.Planning.depuis_cas(cas)`) et lisez ses marchés (`planning.marches`). Donnez :

1. la procédure du marché le plus important (« dispense », « adaptee » ou « formalisee »), à la date de
   lancement de sa consultation ;
2. la durée totale du projet, en jours, du premier jour de sa première tâche au dernier jour de sa dernière
   tâche (les deux comptés).
"""),
        _exercice("procedure", """
planning = mt.Planning.depuis_cas(cas)
ordonnancement = planning.ordonnancer()
principal = max(planning.marches, key=lambda m: m.montant_ht)
lancement = ordonnancement.tache(principal.tache).date_debut
procedure = mt.procedure_marche(principal.montant_ht, principal.nature, date=lancement).procedure""",
                  "procedure", "« dispense », « adaptee » ou « formalisee »"),
        _exercice("duree", "duree = ordonnancement.duree_totale", "duree", "en jours"),
        _md(f"### Question ouverte\n\n{q['conception']}"),
        _md("""
## 7. Livrable : la concertation

Les obligations légales de participation du public qui s'appliquent au projet, puis les stratégies de la
commande (`mt.strategies_depuis_cas(cas)`, comparées par `mt.comparer_strategies`) : choisissez-en une et
justifiez votre choix en trois phrases (public visé, niveau de participation, coût). Votre justification est
notée avec la grille d'évaluation.
"""),
        _code("obligations = mt.Obligations.depuis_cas(cas)\nobligations"),
        _code(f"""
strategie = ...  # le nom de la stratégie retenue, entre guillemets
justification = ...  # trois phrases : public visé, niveau de participation, coût
# DEBUT SOLUTION
strategie = {premiere!r}
justification = ("Cette stratégie vise d'abord les usagers directs du projet, que la commande demande d'associer. "
                 "Elle se situe au niveau « impliquer » du spectre de l'IAP2 : les avis recueillis changent le "
                 "programme. Son coût reste compatible avec le budget de l'opération.")
# FIN SOLUTION
ex.verifier("strategie", strategie, justification)""", solution=True),
        _md(f"### Question ouverte\n\n{q['concertation']}"),
        _md("""
## 8. Livrable : le registre des risques

Le registre du cas est un point de départ. Ajoutez-y **un** risque que la commande ne prévoit pas, avec sa
probabilité et son impact (de 1 à 5), son responsable et sa parade :
`registre = registre.ajouter(mt.Risque("…", probabilite=…, impact=…, responsable="…", attenuation="…"))`.
"""),
        _exercice("registre", """
registre = mt.RegistreRisques.depuis_cas(cas)
registre = registre.ajouter(mt.Risque("Recours d'un riverain contre une autorisation", probabilite=2, impact=4,
                                      responsable="Chargé de mission",
                                      attenuation="concertation en amont, affichage et dossier d'autorisation complet"))
registre""", "risque", "votre registre, avec votre risque"),
        _md(f"### Question ouverte\n\n{q['evaluation']}"),
        _md("""
## 9. Livrable : la note aux élus

La note reprend votre plan ; vous rédigez ce que le paquet ne peut pas écrire à votre place : la
concertation, les risques à retenir et la **décision demandée** au conseil. Puis exportez-la en Word
(`note.exporter_word("ma-note.docx")`) et le plan en Excel (`plan.exporter_excel("mon-plan.xlsx")`) pour la
relecture : les fichiers s'écrivent à côté du carnet.
"""),
        _exercice("note", textes["note"].rstrip() + f"""
chemin_note = note.exporter_word("note-{slug}.docx")
chemin_plan = plan.exporter_excel("plan-{slug}.xlsx")
print("Fichiers écrits :", chemin_note, chemin_plan)""", "note",
                  "votre note : NoteAuxElus.depuis_cas(cas, plan=plan, ...)"),
        _md(f"### Question ouverte\n\n{q['note']}"),
        _md("""
## À retenir

- Le plan part de la commande ; ses verdicts disent quelle règle tient et pourquoi, avec leur texte.
- Les élus lisent trois chiffres : le coût TTC, le reste à charge (après aides et FCTVA) et l'effet sur le
  budget (épargne, capacité de désendettement).
- La procédure d'un marché dépend de la valeur estimée du besoin entier, aux seuils en vigueur à la date de
  lancement.
- La note demande une décision que seul le conseil (municipal ou communautaire) peut voter, par délibération.
"""),
    ]
    for i, cellule in enumerate(cellules):
        cellule.id = f"{slug}-{i:02d}"  # des identifiants stables : régénérer ne change rien d'autre
    carnet = nbformat.v4.new_notebook(cells=cellules)
    carnet.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                       "language_info": {"name": "python"}}
    return carnet


def main() -> None:
    for slug in SLUGS:
        chemin = RACINE / "notebooks" / f"cas-{slug}.ipynb"
        nbformat.write(carnet_atelier(slug), chemin)
        print(f"écrit : {chemin.relative_to(RACINE)}")


if __name__ == "__main__":
    main()
