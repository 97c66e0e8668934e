"""Everything the report shows, gathered once: the case, check findings, analysis results.

The report runs analyses (it calls them; it never computes). Analyses are built in
parallel by other work; a module that does not exist yet is recorded as *missing* and its
sections show an explicit "not yet available" notice instead of numbers. Any other error
(a bad case file, an inconsistent judgment) stops the build with its one-line message.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def not_built(module: str) -> str:
    return f"not yet available: {module} is not built"


def module_missing(module: str) -> bool:
    """True when `module` (or a package on its path) cannot be found; other errors raise."""
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        name = exc.name or ""
        if module == name or module.startswith(name + "."):
            return True
        raise
    return False


@dataclass
class Inputs:
    """The case and every result the report presents, with what is missing and why."""

    case: Any = None
    case_ref: str | Path | None = None
    scenario: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)  # parameter -> fixed value
    results: dict[str, Any] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)  # module -> notice text

    def get(self, key: str) -> Any:
        return self.results.get(key)

    def has(self, key: str) -> bool:
        return key in self.results and self.results[key] is not None

    def run(self, key: str, module: str, fn: Callable[[Any], Any]) -> Any:
        """Import `module` and call `fn(module)`; a missing module becomes a notice."""
        if module_missing(module):
            self.missing[module] = not_built(module)
            self.results[key] = None
            return None
        mod = None
        try:
            mod = importlib.import_module(module)
            value = fn(mod)
        except ImportError as exc:
            # A pestle module it depends on is not built yet (parallel work): say which.
            dep = exc.name or ""
            if not dep.startswith("pestle.") or dep == "pestle.report":
                raise
            self.missing[module] = f"not yet available: {module} needs {dep}, which is not built"
            self.results[key] = None
            return None
        except AttributeError as exc:
            # The module exists but does not have the entry point yet (built in parallel).
            if getattr(exc, "obj", None) is not mod:
                raise
            self.missing[module] = f"{not_built(module)} (it has no {exc.name} yet)"
            self.results[key] = None
            return None
        self.results[key] = value
        return value
