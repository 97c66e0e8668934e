"""Plain words for the case's ids: a report names parameters and scenarios by the `label`
their case files give them, and keeps the id for the notes (`Notes.parameter`)."""

from __future__ import annotations

from typing import Any


def parameter(p: Any) -> str:
    """A parameter (a `Parameter`) in plain words: its label, else its name."""
    return getattr(p, "label", None) or p.name


def parameters(results: Any) -> dict[str, str]:
    """Parameter name -> plain words, for every parameter of the case."""
    return {p.name: parameter(p) for p in results.case.parameters.parameters}


def scenario(results: Any, name: str) -> str:
    """A scenario's label (scenarios file), else its name."""
    for s in results.case.scenarios:
        if s.name == name:
            return s.label or s.name
    return name


def scenario_map(results: Any) -> dict[str, str]:
    """Scenario name -> label, for every scenario of the case."""
    return {s.name: s.label or s.name for s in results.case.scenarios}
