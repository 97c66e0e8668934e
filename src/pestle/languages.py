"""The languages pestle writes: its message catalogues, and the forms a case text may have.

A module of its own, importing nothing, so that `pestle --help` (which reads the active
language) never loads the model's pydantic stack, while `pestle.model.text` and
`pestle.present.i18n` share one list.
"""

from __future__ import annotations

# the first is the source language: the words of code and templates, a case's default
LANGUAGES: tuple[str, ...] = ("en", "zh")

__all__ = ["LANGUAGES"]
