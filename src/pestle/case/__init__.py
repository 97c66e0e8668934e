"""A case: one region + industry as a folder of plain files, loaded into a checked `Case`.

    >>> import pestle
    >>> case = pestle.load_case()            # the embedded default case (pestle.cases)
    >>> case.entity("base_huadian_tianshan_gobi").attributes["capacity_w"]
    6100000000.0

Modules: `yaml_lines` (YAML with line numbers, the one reader of case files), `models`
(entities, factors, evidence, documents, case.yaml), `references` (typed reference data),
`documents` (text, sections, claims), `evidence` (resolving links, comparing values),
`loader` (`load_case`), `case` (`Case`, the one way in to a case's files), and the readers of
the other files case.yaml names: `judgments_file`, `parameters_file` (parameters, scenarios,
overlaps), `capacity_file` (reference capacity additions), `linkage_file`, `policy_file`.
"""

from pestle.case.case import FILE_KINDS, Case, CasePaths, Indicators
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
    "FILE_KINDS",
    "Case",
    "CaseEntity",
    "CasePaths",
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
