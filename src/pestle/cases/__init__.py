"""Embedded cases, each a folder of plain files (the only place a particular case is named)."""

from pathlib import Path

DEFAULT_CASE = "xinjiang_composites"  # the case `pestle.load_case()` loads when given none
# The source report of the default case (what `pestle extract` and `pestle demo` read by default).
EMBEDDED_REPORT: Path = (
    Path(__file__).resolve().parent / DEFAULT_CASE / "sources" / "source_report.txt"
)

__all__ = ["DEFAULT_CASE", "EMBEDDED_REPORT"]
