"""The name a stored document may have: one rule for the web upload and `pestle db import`.

A name is shown in pages and terminals and ends up in file names of exports, so it is a
plain token: 1-100 letters, digits, '_', '.' or '-', starting with a letter or digit; never
a path (`../../x`), never a hidden name.
"""

from __future__ import annotations

import re

DOCUMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def document_name_problem(name: str) -> str | None:
    """Why `name` cannot name a stored document (None: it can)."""
    if DOCUMENT_NAME.match(name):
        return None
    shown = name if len(name) <= 40 else name[:37] + "..."
    return (
        f"document name {shown!r}: use 1-100 letters, digits, '_', '.' or '-', "
        "starting with a letter or digit"
    )
