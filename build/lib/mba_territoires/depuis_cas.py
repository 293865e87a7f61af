"""Le chemin commun d'un cas (ou de son slug) vers une de ses sections, pour tous les ``X.depuis_cas`` :
un slug est accepté partout, une section absente lève :class:`ErreurCas` qui nomme le fichier et la correction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .erreurs import ErreurCas

if TYPE_CHECKING:  # pragma: no cover
    from .cas import Cas

__all__ = ["cas_depuis", "section_du_cas"]


def cas_depuis(cas_ou_slug: Cas | str, quoi: str = "ce modèle") -> Cas:
    """Le cas lui-même, ou le cas chargé depuis son slug (``"reseau-cyclable"``).

    >>> cas_depuis("reseau-cyclable").slug
    'reseau-cyclable'
    """
    from .cas import Cas, charger

    if isinstance(cas_ou_slug, str):
        return charger(cas_ou_slug)
    if isinstance(cas_ou_slug, Cas):
        return cas_ou_slug
    raise ErreurCas(f"{quoi} se construit depuis un cas ou son slug, pas depuis {type(cas_ou_slug).__name__}",
                    conseil="écrivez par exemple .depuis_cas(\"reseau-cyclable\") ou .depuis_cas(mt.charger_cas(...))")


def section_du_cas(cas: Cas, nom: str, quoi: str) -> Any:
    """La section ``nom`` du cas ; absente, une :class:`ErreurCas` nomme le fichier, la section et la correction.

    >>> section_du_cas(cas_depuis("reseau-cyclable"), "concertation", "la fiche projet").nature
    'amenagement'
    """
    valeur = getattr(cas, nom, None)
    if valeur is None:
        try:
            fichier = str(cas.dossier / "cas.yaml")
        except ErreurCas:  # pragma: no cover - cas construit à la main
            fichier = "cas.yaml"
        raise ErreurCas(
            f"le cas « {cas.slug} » n'a pas de section « {nom} » ({fichier}) : impossible de construire {quoi}",
            conseil=f"ajoutez la section « {nom}: » dans {fichier} (voir mt.cas.expliquer(\"{cas.slug}\")), "
            "ou choisissez un cas qui l'a",
            fichier=fichier, champ=nom)
    return valeur
