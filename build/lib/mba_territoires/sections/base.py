"""La base commune des schémas de cas : clés inconnues refusées, types simples et lisibles."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Annee", "ModeleCas", "Montant", "Taux"]


class ModeleCas(BaseModel):
    """Base des sections : refuse toute clé inconnue (une faute de frappe ne passe pas en silence)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


#: Un montant en euros, positif ou nul.
Montant = Annotated[float, Field(ge=0, description="un montant en euros, positif ou nul (ex. 820000)")]
#: Un taux en décimales, entre 0 et 1 (0.30 pour 30 %).
Taux = Annotated[float, Field(ge=0, le=1, description="un taux entre 0 et 1 (0.30 pour 30 %)")]
#: Une année (entier à quatre chiffres).
Annee = Annotated[int, Field(ge=1900, le=2100, description="une année sur quatre chiffres (ex. 2026)")]
