"""The languages pestle writes: its message catalogues, and the forms a case text may have;
and `N_`, which marks a message for the catalogues.

A module of its own, importing nothing, so that `pestle --help` (which reads the active
language) never loads the model's pydantic stack, while `pestle.model.text` and
`pestle.present.i18n` share one list, and the checks and the analyses, which never
translate, mark their sentences without importing the presentation.
"""

from __future__ import annotations

# the first is the source language: the words of code and templates, a case's default
LANGUAGES: tuple[str, ...] = ("en", "zh")


def N_(message: str) -> str:
    """Mark a message for the catalogue where it is defined (pybabel extracts it); `_()`
    translates it where it is shown."""
    return message


__all__ = ["LANGUAGES", "N_"]
