"""pestle: a regional industry's external-environment analysis as a checked, quantified model."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pestle.cases import DEFAULT_CASE
from pestle.errors import (
    AnalysisError,
    CaseError,
    CheckError,
    InputError,
    ParseError,
    PestleError,
    StoreError,
)

if TYPE_CHECKING:
    from pestle.case import Case

__version__ = "0.1.0"  # the one version (pyproject.toml reads it: [tool.hatch.version])


def load_case(name_or_path: str | Path = DEFAULT_CASE) -> Case:
    """Load and check a case (embedded name or folder; default: the embedded default case,
    `pestle.cases.DEFAULT_CASE`); see `pestle.case.load_case`."""
    from pestle.case import load_case as _load_case  # keeps `import pestle` light

    return _load_case(name_or_path)


__all__ = [
    "AnalysisError",
    "CaseError",
    "CheckError",
    "InputError",
    "ParseError",
    "PestleError",
    "StoreError",
    "__version__",
    "load_case",
]
