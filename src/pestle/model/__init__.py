"""The domain model: frozen pydantic types shared by every layer."""

from pestle.model.claim import QUALIFIERS, UNITS, Claim, Qualifier, Quantity, Unit
from pestle.model.entity import Entity, EvidenceRef
from pestle.model.period import Period
from pestle.model.source import Source

__all__ = [
    "QUALIFIERS",
    "UNITS",
    "Claim",
    "Entity",
    "EvidenceRef",
    "Period",
    "Qualifier",
    "Quantity",
    "Source",
    "Unit",
]
