"""Every string of a report's view model, for tests that look for words in it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from pestle.report.view import Link


def strings(node: Any) -> Iterator[str]:
    """Every string of a view node, fragments, cells and chart data included; a link to a
    finding is left out (findings are written by the checks, in English, with their ids)."""
    if isinstance(node, Link) and node.anchor.startswith("check-"):
        return
    if isinstance(node, str):
        yield node
    elif dataclasses.is_dataclass(node):
        for f in dataclasses.fields(node):
            yield from strings(getattr(node, f.name))
    elif isinstance(node, list | tuple):
        for x in node:
            yield from strings(x)
    elif isinstance(node, dict):
        for x in node.values():
            yield from strings(x)
