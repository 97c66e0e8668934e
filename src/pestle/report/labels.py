"""Plain words for the case's ids: a report names parameters and scenarios by the `label`
their case files give them, in the reader's language (`i18n.pick`), and keeps the id for
the notes (`Notes.parameter`). Results hold ids and the case's own texts; the words a
reader sees are chosen here."""

from __future__ import annotations

from typing import Any

from pestle.present.i18n import pick
from pestle.present.settings import scenario_label


def parameter(p: Any) -> str:
    """A parameter (a `Parameter`) in plain words: its label, else its name."""
    return pick(getattr(p, "label", None) or p.name)


def parameters(results: Any) -> dict[str, str]:
    """Parameter name -> plain words, for every parameter of the case."""
    return {p.name: parameter(p) for p in results.case.parameters.parameters}


def scenario(results: Any, name: str) -> str:
    """A scenario's label (scenarios file), else its name: the dashboard's words too
    (`present.settings.scenario_label`)."""
    return scenario_label(results, name)


def scenario_description(results: Any, name: str, default: str = "") -> str:
    """A scenario's description as the case file writes it, in the reader's language
    (`default`, e.g. the results' copy, for a scenario the file does not name)."""
    for s in results.case.scenarios:
        if s.name == name:
            return pick(s.description) or default
    return default


def scenario_map(results: Any) -> dict[str, str]:
    """Scenario name -> label, for every scenario of the case."""
    return {s.name: pick(s.label or s.name) for s in results.case.scenarios}


def factor_names(judgments: Any) -> dict[str, str]:
    """Judged factor id -> its name in plain words (judgments file)."""
    return {k: pick(f.name) for k, f in judgments.factors.items()}
