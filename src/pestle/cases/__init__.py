"""Embedded cases, each a folder of plain files (the only place a particular case is named)."""

DEFAULT_CASE = "xinjiang_composites"  # the case `pestle.load_case()` loads when given none

__all__ = ["DEFAULT_CASE"]
