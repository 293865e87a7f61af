"""Le FCTVA d'un plan : le taux de l'année appliqué aux dépenses TTC éligibles, versé selon le régime.

Le taux et le décalage de chaque régime viennent des paramètres en vigueur à la date du plan
(``fctva.taux``, ``fctva.decalage_regime_*``). L'assiette est le TTC des dépenses éligibles : elle
n'est pas réduite des subventions reçues (``fctva.assiette_reduite_des_subventions`` dit ce que le
paquet en sait, avec sa source et son statut).

>>> from mba_territoires.financement import PlanDeFinancement
>>> plan = PlanDeFinancement("École", calendrier={2026: 0.4, 2027: 0.6})
>>> plan.ajouter_depense("Travaux", montant_ht=100_000)
>>> calculer_fctva(plan, "N+1").versements
{2027: 7873.92, 2028: 11810.88}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import saisie
from ..formats import euros, pourcentage

if TYPE_CHECKING:  # pragma: no cover
    from .plan import PlanDeFinancement

__all__ = ["REGIMES_FCTVA", "ResultatFCTVA", "calculer_fctva", "regime_fctva"]

#: Les régimes de versement du FCTVA et la clé de leur décalage dans les paramètres.
REGIMES_FCTVA: dict[str, str] = {
    "N": "fctva.decalage_regime_n",
    "N+1": "fctva.decalage_regime_n1",
    "N+2": "fctva.decalage_regime_n2",
}


def regime_fctva(valeur: object, quoi: str = "le régime FCTVA") -> str:
    """Le régime FCTVA canonique (« N », « N+1 », « N+2 »), casse et espaces indifférents.

    >>> regime_fctva("n + 1")
    'N+1'
    """
    if isinstance(valeur, str):
        compact = valeur.replace(" ", "").upper()
        if compact in REGIMES_FCTVA:
            return compact
    return saisie.choix(valeur, list(REGIMES_FCTVA), quoi)


@dataclass(frozen=True)
class ResultatFCTVA:
    """Le FCTVA attendu : montant, assiette, taux, régime et années de versement."""

    #: Le montant total attendu, en euros.
    montant: float
    #: Les dépenses TTC éligibles, en euros.
    assiette_ttc: float
    #: Le taux appliqué (0.16404).
    taux: float
    #: Le régime de versement (« N », « N+1 » ou « N+2 »).
    regime: str
    #: Le montant versé chaque année ({2028: 181101.02}).
    versements: dict[int, float]
    #: La source du taux et du régime.
    source: str
    #: Vrai si le taux ou le régime attend une confirmation.
    a_verifier: bool = False

    @property
    def annees(self) -> list[int]:
        """Les années de versement."""
        return sorted(self.versements)

    def __str__(self) -> str:
        annees = ", ".join(f"{euros(m)} en {a}" for a, m in sorted(self.versements.items()))
        return (f"FCTVA attendu : {euros(self.montant)} ({pourcentage(self.taux, 3)} de {euros(self.assiette_ttc)} "
                f"TTC éligibles), régime {self.regime} : {annees or 'aucun versement'}. Source : {self.source}")

    def __repr__(self) -> str:
        return f"ResultatFCTVA(montant={self.montant!r}, regime={self.regime!r}, versements={self.versements!r})"

    def _repr_html_(self) -> str:
        from html import escape

        from ..affichage.html import tableau_html

        alerte = " <em>(chiffre à vérifier)</em>" if self.a_verifier else ""
        tableau = tableau_html([[str(a), euros(m)] for a, m in sorted(self.versements.items())],
                               ["Année", "Montant"], legende="Versements du FCTVA")
        return (f"<p><strong>FCTVA attendu : {euros(self.montant)}</strong> = {pourcentage(self.taux, 3)} × "
                f"{euros(self.assiette_ttc)} TTC éligibles (régime {escape(self.regime)}){alerte}</p>"
                f"{tableau}<p style='font-size:85%'>Source : {escape(self.source)}</p>")


def calculer_fctva(plan: PlanDeFinancement, regime: str | None = None) -> ResultatFCTVA:
    """Le FCTVA d'un plan : taux en vigueur à la date du plan × dépenses TTC éligibles, versé selon le régime.

    Chaque année de dépense N donne un versement en N, N+1 ou N+2 (régime du plan par défaut).

    >>> from mba_territoires.financement import PlanDeFinancement
    >>> plan = PlanDeFinancement("École")
    >>> plan.ajouter_depense("Travaux", montant_ht=100_000)
    >>> calculer_fctva(plan).annees
    [2028]
    """
    regime = plan.regime_fctva if regime is None else regime_fctva(regime)
    p = plan.parametres
    taux = float(p["fctva.taux"])
    decalage = int(p[REGIMES_FCTVA[regime]])
    versements: dict[int, float] = {}
    assiette = 0.0
    for d in plan.depenses:
        if not d.eligible_fctva:
            continue
        assiette += d.montant_ttc
        for annee, part in plan.calendrier_depense(d).items():
            versements[annee + decalage] = versements.get(annee + decalage, 0.0) + d.montant_ttc * part * taux
    versements = {a: round(m, 2) for a, m in sorted(versements.items())}
    ptaux, pregime = p.parametre("fctva.taux"), p.parametre(REGIMES_FCTVA[regime])
    source = f"taux : {ptaux.citation()} ; régime {regime} : {pregime.citation()}"
    a_verifier = ptaux.a_verifier or pregime.a_verifier
    if "fctva.assiette_reduite_des_subventions" in p:
        passiette = p.parametre("fctva.assiette_reduite_des_subventions")
        source += f" ; assiette non réduite des subventions : {passiette.citation()}"
        a_verifier = a_verifier or passiette.a_verifier
    return ResultatFCTVA(round(taux * assiette, 2), round(assiette, 2), taux, regime, versements, source,
                         a_verifier=a_verifier)
