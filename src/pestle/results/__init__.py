"""The results of a case: computed once, by one orchestrator, shown the same everywhere.

    >>> import pestle
    >>> from pestle.results import Results, Settings
    >>> results = Results(pestle.load_case(), Settings(samples=20_000, seed=1))  # doctest: +SKIP
    >>> results.to_dict()["topsis"]["ranking"]                                     # doctest: +SKIP

`Settings` (settings.py) holds the one set of defaults; `Results` (results.py) runs the
orchestrator's steps (stages.py) on first use and keeps expensive ones on disk by content
(cache.py); summary.py holds the demand statistics every surface shows (median, p5-p95).
"""

from pestle.results.results import Progress, Results
from pestle.results.settings import DEFAULTS, Settings
from pestle.results.summary import HEADLINE, ScenarioSummary, SegmentDemand, Spread

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
