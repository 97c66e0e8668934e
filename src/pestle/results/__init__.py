"""The results of a case: computed once, by one orchestrator, shown the same everywhere.

    >>> import pestle
    >>> from pestle.results import Results, Settings
    >>> results = Results(pestle.load_case(), Settings(samples=20_000, seed=1))  # doctest: +SKIP
    >>> results.to_dict()["topsis"]["ranking"]                                     # doctest: +SKIP

`Settings` (settings.py) holds the one set of defaults; `Results` (results.py) runs the
orchestrator's steps (stages.py) on first use and keeps expensive ones on disk by content
(cache.py); summary.py holds the demand statistics every surface shows (median, p5-p95).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pestle.results.results import Progress, Results
    from pestle.results.settings import DEFAULTS, Settings
    from pestle.results.summary import HEADLINE, ScenarioSummary, SegmentDemand, Spread


# The orchestrator pulls in the case loader and the analyses; `Settings` alone does not.
# Importing `pestle.results.settings` (every command's help text shows its defaults) runs
# this file, so the heavy names load on first use (PEP 562) and `pestle --help` stays light.
def __getattr__(name: str) -> Any:
    # imported on first use: `pestle.results.defaults` alone (the CLI's help) needs no pydantic
    if name in ("DEFAULTS", "Settings"):
        from pestle.results import settings

        return getattr(settings, name)
    if name in ("Progress", "Results"):
        from pestle.results import results

        return getattr(results, name)
    if name in ("HEADLINE", "ScenarioSummary", "SegmentDemand", "Spread"):
        from pestle.results import summary

        return getattr(summary, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULTS",
    "HEADLINE",
    "Progress",
    "Results",
    "ScenarioSummary",
    "SegmentDemand",
    "Settings",
    "Spread",
]
