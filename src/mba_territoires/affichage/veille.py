"""La veille réglementaire : les paramètres datés mis en tableaux (page du livre, carnets).

Tout vient des fichiers de paramètres (``catalogue()``, ``changements()``) ; rien n'est écrit à la
main. La page « Veille réglementaire » du livre (``book/veille-reglementaire.md``) appelle ces
fonctions par la directive ``veille-reglementaire`` (``book/_ext/mba_veille.py``).

>>> from mba_territoires.parametres import parametres
>>> valeur_en_clair(parametres(2026).parametre("fctva.taux"))
'16,404 %'
>>> valeur_en_clair(parametres(2026).parametre("commande_publique.formalise_travaux"))
'5 404 000 € HT'
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..parametres import STATUTS, Changement, Parametre, catalogue, changements, domaines

__all__ = ["TITRES_DOMAINES", "resume", "tableau_changements", "tableau_domaine", "titre_domaine",
           "valeur_en_clair"]

#: Le titre de chaque domaine dans la page ; un domaine nouveau prend son nom de fichier.
TITRES_DOMAINES = {
    "tva": "TVA",
    "financement": "Financement des investissements",
    "versements": "Versement des subventions de l'État",
    "caducite": "Caducité des subventions",
    "fctva": "FCTVA",
    "finances_locales": "Finances locales",
    "commande_publique": "Commande publique",
    "planning": "Durées indicatives des phases d'un projet",
    "concertation": "Concertation et participation du public",
    "evaluation": "Évaluation socio-économique",
}


def titre_domaine(domaine: str) -> str:
    """Le titre français d'un domaine.

    >>> titre_domaine("fctva"), titre_domaine("nouveau_domaine")
    ('FCTVA', 'Nouveau domaine')
    """
    return TITRES_DOMAINES.get(domaine, domaine.replace("_", " ").capitalize())


def _nombre(x: float) -> str:
    from ..formats import nombre

    return nombre(x).replace("\xa0", " ").replace("\u202f", " ")


def _brute(valeur: Any, unite: str) -> str:
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, (int, float)):
        if unite == "taux":
            return _nombre(round(valeur * 100, 6)) + " %"
        if unite in ("euros", "euros HT", "euros TTC"):
            return f"{_nombre(valeur)} €" + unite[len("euros"):]
        if unite == "ans" and abs(valeur) <= 1:
            unite = "an"
        return f"{_nombre(valeur)} {unite}".strip()
    if isinstance(valeur, list):
        if len(valeur) == 2 and all(isinstance(x, (int, float)) for x in valeur) and unite not in ("catégories",):
            return f"de {_nombre(valeur[0])} à {_brute(valeur[1], unite)}"
        return " ; ".join(_brute(x, "") for x in valeur)
    return str(valeur)


def valeur_en_clair(p: Parametre) -> str:
    """La valeur écrite à la française, avec son unité (« 16,404 % », « 100 000 € HT », « 15 jours »).

    >>> from mba_territoires.parametres import parametres
    >>> valeur_en_clair(parametres(2026).parametre("caducite.delai_commencement"))
    '2 ans'
    """
    return _brute(p.valeur, p.unite)


def _date(jour: _dt.date | None) -> str:
    return "" if jour is None else f"{jour:%d/%m/%Y}"


def _source(p: Parametre) -> str:
    texte = p.source
    if p.publication is not None:
        texte += f" (publié le {_date(p.publication)})"
    return texte


def _statut(p: Parametre) -> str:
    texte = STATUTS[p.statut]
    if p.a_verifier and p.note:
        texte += f" : {p.note}"
    return texte


def tableau_domaine(domaine: str) -> str:
    """Le tableau HTML de toutes les versions des paramètres d'un domaine.

    >>> html = tableau_domaine("commande_publique")
    >>> "60 000 € HT" in html and "du 01/01/2020 au 31/03/2026" in html
    True
    """
    from .html import tableau_html

    lignes = []
    for cle, c in catalogue().items():
        if c.domaine != domaine:
            continue
        for v in c.versions:
            lignes.append([f"{c.libelle} ({cle})", valeur_en_clair(v), v.periode(), _source(v), _statut(v)])
    return tableau_html(lignes, ["Paramètre", "Valeur", "En vigueur", "Source", "Statut"],
                        legende=f"{titre_domaine(domaine)} : chaque chiffre, sa période de vigueur, sa source et "
                        "son statut", classes="mba-veille")


def _cote(p: Parametre | None) -> str:
    if p is None:
        return "(n'existait pas)"
    return f"{valeur_en_clair(p)} — {_source(p)}, {p.periode()}"


def _nature(c: Changement) -> str:
    if c.nature == "correction du cahier" and c.apres is not None and c.apres.correction:
        corr = c.apres.correction
        ancien = _brute(corr["ancienne_valeur"], c.unite)
        return f"correction du cahier (il indiquait {ancien}) : {corr['motif']}"
    return c.nature


def tableau_changements(avant: Any = "2024-01-01", apres: Any = "2026-12-01") -> str:
    """Le tableau HTML de ce qui a changé entre deux dates (valeurs, sources, statuts, corrections).

    >>> html = tableau_changements("2026-03-31", "2026-04-01")
    >>> "40 000 € HT" in html and "60 000 € HT" in html
    True
    """
    from ..parametres import parametres
    from .html import tableau_html

    pa, pb = parametres(avant), parametres(apres)
    lignes = []
    for c in changements(avant, apres):
        statut = STATUTS[(c.apres or c.avant).statut]  # type: ignore[union-attr]
        lignes.append([f"{c.libelle} ({c.cle})", _nature(c), _cote(c.avant), _cote(c.apres), statut])
    if not lignes:
        lignes.append(["Aucun paramètre", "aucun changement", "", "", ""])
    return tableau_html(
        lignes,
        ["Paramètre", "Changement", f"Au {pa.date:%d/%m/%Y}", f"Au {pb.date:%d/%m/%Y}", "Statut"],
        legende=f"Ce qui a changé entre le {pa.date:%d/%m/%Y} et le {pb.date:%d/%m/%Y}",
        classes="mba-veille",
    )


def resume() -> dict[str, int]:
    """Le décompte des clés, des versions et des chiffres à vérifier (pour l'en-tête de la page).

    >>> r = resume()
    >>> r["cles"] <= r["versions"]
    True
    """
    toutes = catalogue()
    versions = [v for c in toutes.values() for v in c.versions]
    return {"domaines": len(domaines()), "cles": len(toutes), "versions": len(versions),
            "a_verifier": sum(v.a_verifier for v in versions),
            "corrections": sum(v.correction is not None for v in versions)}
