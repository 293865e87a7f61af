"""La commande chiffrée d'un cas, telle qu'on la remet au chargé de mission : dépenses, financeurs, emprunt.

C'est la matière première du plan de financement d'un atelier : l'apprenant la lit ici, puis construit
son plan lui-même (``PlanDeFinancement``, ``ajouter_depense``, ``ajouter_financeur``, ``emprunter``).
Rien n'est calculé : ni verdict, ni FCTVA, ni part du maître d'ouvrage.

>>> c = Commande.depuis_cas("ecole-jules-ferry")
>>> [d["libelle"] for d in c.depenses]
['Travaux', "Maîtrise d'œuvre", 'Études préalables']
>>> "<caption>" in c._repr_html_()
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..formats import euros, pourcentage
from ..sections.financement import NATURES_FINANCEUR

__all__ = ["Commande", "commande_du_cas"]

@dataclass(frozen=True)
class Commande:
    """Les chiffres de la commande d'un cas (section ``financement`` de ``cas.yaml``), sans calcul."""

    #: Le titre du projet et le maître d'ouvrage.
    titre: str
    maitre_ouvrage: str
    #: L'année ou la date du plan, et le régime FCTVA du maître d'ouvrage.
    annee: int
    date: Any
    regime_fctva: str
    #: Les dépenses et les financeurs, chacun un dictionnaire des champs de la commande.
    depenses: tuple[dict[str, Any], ...]
    financeurs: tuple[dict[str, Any], ...]
    #: L'emprunt envisagé, sa durée, les économies annuelles attendues.
    emprunt: float
    duree_emprunt: int
    economies_annuelles: float
    #: La dérogation à la participation minimale invoquée (ou ``None``) et ses précisions.
    derogation: str | None
    categorie_derogation: str | None
    participation_derogee: float | None

    def _repr_html_(self) -> str:
        from .html import tableau_html

        def calendrier(c: Any) -> str:
            return ", ".join(f"{a} : {pourcentage(p, 0)}" for a, p in c.items()) if c else "–"

        depenses = [[d["libelle"], euros(d["montant_ht"], 0), pourcentage(d["tva"], 1) if d.get("tva") is not None
                     else "taux normal", "oui" if d.get("eligible_fctva", True) else "non",
                     calendrier(d.get("calendrier"))] for d in self.depenses]
        financeurs = []
        for f in self.financeurs:
            if f.get("taux") is not None:
                aide = f"{pourcentage(f['taux'], 1)} de sa base " + ("TTC" if f.get("assiette") == "ttc" else "HT")
            else:
                aide = euros(f.get("montant") or 0, 0)
            precisions = []
            if f.get("lignes"):
                precisions.append("finance : " + ", ".join(f["lignes"]))
            if f.get("plafond"):
                precisions.append(f"plafond {euros(f['plafond'], 0)}")
            if f.get("plancher"):
                precisions.append(f"plancher {euros(f['plancher'], 0)}")
            if f.get("decalage"):
                precisions.append(f"versement décalé de {f['decalage']} an(s)")
            nature = NATURES_FINANCEUR.get(f.get("nature") or "", "public" if f.get("public", True) else "privé")
            financeurs.append([f["nom"], aide, nature, "; ".join(precisions) or "–"])
        autres = [["Emprunt envisagé", euros(self.emprunt, 0) + (f" sur {self.duree_emprunt} ans" if self.emprunt
                                                                 else "")],
                  ["Économies de fonctionnement attendues", euros(self.economies_annuelles, 0) + " par an"],
                  ["Date du plan", str(self.date or self.annee)], ["Régime FCTVA", self.regime_fctva]]
        if self.derogation:
            autres.append(["Dérogation à la participation minimale", self.derogation
                           + (f" ({self.categorie_derogation})" if self.categorie_derogation else "")])
        return (tableau_html(depenses, ["Dépense", "Montant HT", "TVA", "Éligible au FCTVA", "Calendrier"],
                             legende=f"La commande : les dépenses de « {self.titre} »")
                + tableau_html(financeurs, ["Financeur", "Aide demandée", "Nature", "Précisions"],
                               legende="La commande : les financeurs sollicités")
                + tableau_html(autres, ["Élément", "Valeur"], legende="La commande : l'emprunt et le reste"))

    @classmethod
    def depuis_cas(cls, cas: Any) -> Commande:
        """La commande chiffrée d'un cas (un objet chargé ou son identifiant), à lire avant de monter le plan.

        Un cas sans section ``financement`` lève :class:`~mba_territoires.erreurs.ErreurCas`.

        >>> Commande.depuis_cas("cour-oasis").emprunt
        0.0
        """
        from ..cas import charger
        from ..erreurs import ErreurCas

        if isinstance(cas, str):
            cas = charger(cas)
        section = cas.financement
        if section is None:
            raise ErreurCas(f"le cas « {cas.slug} » n'a pas de commande chiffrée (section « financement » de "
                            f"{cas.dossier / 'cas.yaml'})", conseil="ajoutez la section financement au cas",
                            fichier=str(cas.dossier / "cas.yaml"), champ="financement")
        s = section.model_dump()
        return cls(
            titre=cas.projet.intitule, maitre_ouvrage=cas.maitre_ouvrage.nom, annee=s.get("annee") or cas.annee,
            date=s.get("date"), regime_fctva=s.get("regime_fctva") or cas.maitre_ouvrage.regime_fctva,
            depenses=tuple(s["depenses"]), financeurs=tuple(s["financeurs"]), emprunt=float(s.get("emprunt") or 0),
            duree_emprunt=s.get("duree_emprunt") or 20, economies_annuelles=s.get("economies_annuelles") or 0,
            derogation=s.get("derogation"), categorie_derogation=s.get("categorie_derogation"),
            participation_derogee=s.get("participation_derogee"))

    def __repr__(self) -> str:
        return (f"Commande({self.titre!r}, {len(self.depenses)} dépenses, {len(self.financeurs)} financeurs, "
                f"emprunt {self.emprunt:.0f} €)")


def commande_du_cas(cas: Any) -> Commande:
    """Ancien nom de :meth:`Commande.depuis_cas`, gardé comme alias.

    >>> commande_du_cas("cour-oasis") == Commande.depuis_cas("cour-oasis")
    True
    """
    return Commande.depuis_cas(cas)
