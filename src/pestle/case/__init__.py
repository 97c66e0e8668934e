"""A case: one region + industry as a folder of plain files, loaded into a checked `Case`.

    >>> import pestle
    >>> case = pestle.load_case()            # the embedded Xinjiang composites case
    >>> case.entity("base_huadian_tianshan_gobi").attributes["capacity_w"]
    6100000000.0

Modules: `yaml_lines` (YAML with line numbers), `models` (entities, factors, evidence,
documents), `references` (typed reference data), `documents` (text, sections, claims),
`evidence` (resolving links, comparing values), `loader` (`load_case`), `case` (`Case`).
"""

from pestle.case.case import Case, Indicators
from pestle.case.evidence import EvidenceError, Resolution
from pestle.case.loader import DEFAULT_CASE, case_folder, embedded_cases, load_case
from pestle.case.models import (
    DIMENSIONS,
    DIRECTIONS,
    ENTITY_KINDS,
    CaseEntity,
    Document,
    Evidence,
    ExternalSource,
    Factor,
    ReferenceLink,
    Section,
)
from pestle.case.references import (
    CorridorReference,
    IntensityEntry,
    ReferenceEntry,
    References,
)

__all__ = [
    "DEFAULT_CASE",
    "DIMENSIONS",
    "DIRECTIONS",
    "ENTITY_KINDS",
    "Case",
    "CaseEntity",
    "CorridorReference",
    "Document",
    "Evidence",
    "EvidenceError",
    "ExternalSource",
    "Factor",
    "Indicators",
    "IntensityEntry",
    "ReferenceEntry",
    "ReferenceLink",
    "References",
    "Resolution",
    "Section",
    "case_folder",
    "embedded_cases",
    "load_case",
]
