"""`Results`: everything any surface shows of a case, computed once by one orchestrator.

    >>> import pestle
    >>> from pestle.results import Results, Settings
    >>> results = Results(pestle.load_case(), Settings(seed=1))   # doctest: +SKIP
    >>> results.topsis.ranking()                                   # doctest: +SKIP
    >>> results.to_dict()        # == `pestle analyze --format json`  # doctest: +SKIP

Each field is computed by its step (`stages.STEPS`) on first use and then kept, so a command
that shows only the checks does not run the demand model, while a report, which shows every
field, runs each step once. Expensive steps are also kept on disk by the content of the case
files they read, the settings they use and the pestle version (`cache.py`): a second command
on an unchanged case, or a rebuild after one file changed, reuses what did not change.
Thread-safe: the dashboard shares one `Results` between requests.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pestle
from pestle.results import cache as disk
from pestle.results.settings import DEFAULTS, Settings
from pestle.results.stages import STEPS, FactorWeights, Linkage, Ranking, Step
from pestle.results.summary import ScenarioSummary

if TYPE_CHECKING:
    import pandas as pd

    from pestle.analysis.ahp import HierarchyResult
    from pestle.analysis.demand import (
        DemandInputs,
        ScenarioComparison,
        ScenarioResult,
        SensitivityResult,
    )
    from pestle.analysis.demand.backtest import Backtest
    from pestle.analysis.dematel import DematelResult
    from pestle.analysis.efe import EfeResult
    from pestle.analysis.factor_panel import FactorEntropy
    from pestle.analysis.indicators import CaseIndicators
    from pestle.analysis.linkage import LeontiefModel
    from pestle.analysis.policy import PolicyMix
    from pestle.analysis.robustness import RankStability
    from pestle.analysis.topsis import TopsisResult
    from pestle.case import Case
    from pestle.checks import CheckReport
    from pestle.model.judgment import Judgments
    from pestle.results.charts import ResultCharts

# progress(step, done, total): each step computed, (0, 1) as it starts and (1, 1) when done,
# and a long step's own progress in between (the demand model's samples, as "demand")
Progress = Callable[[str, int, int], None]


_MISSING = object()  # a step not computed yet (None is a step's value)
# Computed beside the scenarios when both are asked for: they read the headline scenario's
# inputs, not the scenarios' runs, and the scenarios' two threads leave a core partly idle
# (numpy releases the interpreter's lock in its loops, the model's Python code holds it).
ALONGSIDE = ("sensitivity", "backtest")


class Results:
    """The results of one case under one `Settings`: findings, indicators, policy mix, AHP,
    DEMATEL, EFE, entropy weights, the segment ranking with its stability, every demand
    scenario with the headline one's sensitivity, and the linkage effects."""

    def __init__(
        self,
        case: Case,
        settings: Settings = DEFAULTS,
        *,
        cache: bool = True,
        progress: Progress | None = None,
    ) -> None:
        self.case = case
        self.settings = settings
        self.version = pestle.__version__
        self._cache = cache
        self._progress = progress
        self._values: dict[str, Any] = {}
        self._keys: dict[str, str] = {}
        self._lock = threading.RLock()  # the keys, the step locks, `computed`
        self._step_locks: dict[str, threading.Lock] = {}
        self.computed: list[str] = []  # steps computed here (not read from the disk cache)

    def __repr__(self) -> str:
        return f"Results(case={self.case.id!r}, settings={self.settings.describe()!r})"

    def _repr_html_(self) -> str:
        """Jupyter's display: the settings, the steps computed so far and their headlines
        (displaying computes nothing)."""
        from pestle.results.notebook import results_html

        return results_html(self)

    # -- the orchestrator -------------------------------------------------------------------
    def _get(self, name: str) -> Any:
        # a step's value, once set, is never replaced: reading it needs no lock, so a page
        # that asks for computed steps is not held up by a thread computing another one
        value = self._values.get(name, _MISSING)
        if value is not _MISSING:
            return value
        # one lock per step: two threads asking for a step compute it once, and threads
        # asking for different steps compute them at the same time (`compute`). No deadlock:
        # a thread holding a step's lock waits only for the steps it reads, which never read it
        with self._lock:
            step_lock = self._step_locks.setdefault(name, threading.Lock())
        with step_lock:
            value = self._values.get(name, _MISSING)
            if value is not _MISSING:
                return value
            step = STEPS[name]
            path = disk.path_of(name, self.key(name)) if self._cache and step.disk else None
            found, value = disk.load(path) if path is not None else (False, None)
            if not found:
                value = self._run(step)
                with self._lock:
                    self.computed.append(name)
                if path is not None:
                    disk.store(path, value)
            self._values[name] = value
            return value

    def _run(self, step: Step) -> Any:
        """Compute a step; whoever listens to the progress sees it start and end (a command
        that waits a second or more says on what)."""
        report = self._progress
        if report is None:
            return step.run(self)
        report(step.name, 0, 1)
        try:
            return step.run(self)
        finally:
            report(step.name, 1, 1)

    def has(self, name: str) -> bool:
        """Whether a step's value is already here (computed or read from disk)."""
        with self._lock:
            return name in self._values

    def key(self, name: str) -> str:
        """The content key of a step: its files' bytes, its settings, the keys of the steps it
        reads, and the pestle version."""
        with self._lock:
            if name not in self._keys:
                step = STEPS[name]
                files = () if step.files == ("*",) else step.files
                self._keys[name] = disk.key(
                    disk.code_version(),
                    name,
                    str(self.case.folder),  # results quote the case's own paths
                    self.case.fingerprint(*files),
                    *(f"{s}={getattr(self.settings, s)!r}" for s in step.settings),
                    *(self.key(after) for after in step.after),
                )
            return self._keys[name]

    def progress_of(self, step: str) -> Callable[[str, int, int], None] | None:
        """A progress callback for a step's own progress reports (None when nobody listens)."""
        report = self._progress
        if report is None:
            return None

        def forward(_item: str, done: int, total: int) -> None:
            report(step, done, total)

        return forward

    def prepare(self) -> Results:
        """What the dashboard's pages show at once: the findings, the factor evaluation, the
        headline scenario with its sensitivity, the ranking and the linkage (the other
        scenarios are computed when a page or the report asks for them)."""
        for name in ("findings", "judgments", "factor_weights", "entropy", "indicators",
                     "policy", "headline_run", "sensitivity", "ranking", "linkage",
                     "backtest"):  # fmt: skip
            self._get(name)
        return self

    def compute(self, *names: str) -> Results:
        """The named steps, or every step, now: a surface calls this once with what it shows,
        so that a bad input stops it before it shows anything. The demand model's other
        long steps run on a thread of their own beside its scenarios (`ALONGSIDE`)."""
        wanted = [name for name in names or STEPS if name != "json"]
        alongside = [name for name in ALONGSIDE if name in wanted] if "scenarios" in wanted else []
        if not alongside:
            for name in wanted:
                self._get(name)
            return self
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1, thread_name_prefix="pestle-results") as pool:
            beside = pool.submit(lambda: [self._get(name) for name in alongside])
            for name in wanted:
                if name not in alongside:
                    self._get(name)
            beside.result()  # its error, if any, is raised here
        return self

    # -- what the surfaces show ---------------------------------------------------------------
    @property
    def findings(self) -> CheckReport:
        return self._get("findings")

    @property
    def indicators(self) -> CaseIndicators:
        return self._get("indicators")

    @property
    def policy(self) -> PolicyMix:
        return self._get("policy")

    @property
    def entropy(self) -> FactorEntropy:
        """Entropy weights of the factors' series, or why they do not apply."""
        return self._get("entropy")

    @property
    def judgments(self) -> Judgments:
        return self._get("judgments")

    @property
    def _weights(self) -> FactorWeights:
        return self._get("factor_weights")

    @property
    def ahp(self) -> HierarchyResult:
        return self._weights.ahp

    @property
    def dematel(self) -> DematelResult:
        return self._weights.dematel

    @property
    def efe(self) -> EfeResult:
        return self._weights.efe

    @property
    def demand_inputs(self) -> DemandInputs:
        return self._get("demand_inputs")

    @property
    def scenario(self) -> str:
        """The headline scenario's name (the settings', or the case's first)."""
        return self._get("scenario")

    @property
    def scenarios(self) -> ScenarioComparison:
        """Every scenario of the case under the settings (same samples and seed)."""
        return self._get("scenarios")

    @property
    def scenario_run(self) -> ScenarioResult:
        """The headline scenario's run (the model's own result object); computed alone when
        the other scenarios are not asked for (a what-if on the dashboard)."""
        return self._get("headline_run")

    @property
    def summaries(self) -> tuple[ScenarioSummary, ...]:
        """Every scenario summarised by segment and year (median, p5-p95, mean)."""
        return self._get("summaries")

    @property
    def demand(self) -> ScenarioSummary:
        """The headline scenario, summarised (needs its run only, not the other scenarios')."""
        return self._get("demand")

    @property
    def backtest(self) -> Backtest:
        """The observed capacity path's forecasts of years since observed, and their errors
        (no rows when the case's history is too short)."""
        return self._get("backtest")

    @property
    def sensitivity(self) -> SensitivityResult | None:
        """Sobol' indices of total demand in the headline scenario (None if not asked)."""
        return self._get("sensitivity")

    @property
    def ranking(self) -> Ranking:
        return self._get("ranking")

    @property
    def topsis(self) -> TopsisResult:
        return self.ranking.topsis

    @property
    def stability(self) -> RankStability:
        return self.ranking.stability

    @property
    def io_model(self) -> LeontiefModel | None:
        """The Leontief model of the case's input-output table (None if the case has none)."""
        return self._get("io_model")

    @property
    def linkage(self) -> Linkage | None:
        """Input-output effects of the headline demand (None if the case has no linkage)."""
        return self._get("linkage")

    @property
    def charts(self) -> ResultCharts:
        """The results' charts as Altair objects (Jupyter) or Vega-Lite specs."""
        from pestle.results.charts import ResultCharts

        return ResultCharts(self)

    @property
    def illustrative(self) -> bool:
        return self.judgments.illustrative

    def describe(self) -> str:
        """The settings as one line, with the headline scenario resolved."""
        return self.settings.replace(scenario=self.scenario).describe()

    # -- tables and JSON ------------------------------------------------------------------------
    def rows(self) -> Iterator[dict[str, Any]]:
        """Every headline number as (group, item, measure, value, unit, qualifier, period)."""
        yield from self.indicators.rows()

        def row(group: str, item: str, measure: str, value: float, unit: str) -> dict[str, Any]:
            return {
                "group": group,
                "item": item,
                "measure": measure,
                "value": float(value),
                "unit": unit,
                "qualifier": "=",
                "period": None,
            }

        yield row("policy mix", "all cells", "superposition index", self.policy.index, "share")
        for factor, weight in self.ahp.global_weights().items():
            yield row("ahp", factor, "global weight", weight, "share")
        for r in (self.ahp.top, *self.ahp.groups):
            yield row("ahp", r.name, "consistency ratio", r.cr, "ratio")
        d = self.dematel
        for factor, plus, minus in zip(d.labels, d.prominence, d.relation, strict=True):
            yield row("dematel", factor, "prominence D+R", plus, "index")
            yield row("dematel", factor, "relation D-R", minus, "index")
        yield row("efe", "all factors", "total weighted score", self.efe.total, "score 1-4")
        for factor, weight in self.entropy.factor_weights().items():
            yield row("entropy", factor, "entropy weight", weight, "share")
        t, keep = self.topsis, self.stability.keep_share
        for alt, c, k in zip(t.alternatives, t.closeness, keep, strict=True):
            yield row("topsis", alt, "closeness", c, "index")
            yield row("topsis", alt, "share of draws keeping the rank", k, "share")
        for summary in self.summaries:
            for s in summary.segments:
                for stat, value in s.cumulative.to_dict().items():
                    measure = f"cumulative demand, {summary.name}, {stat}"
                    yield row("demand", s.segment, measure, value, "t")
        if self.linkage is not None:
            for key, value in self.linkage.effects.central.totals().items():
                yield row("linkage", "all sectors", f"{key}, central price", value, "CNY")

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            list(self.rows()),
            columns=["group", "item", "measure", "value", "unit", "qualifier", "period"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The one JSON form of the results (`pestle analyze --format json`, the report's
        results.json, `GET /api/cases/{case}/results`); strict JSON: a non-finite number
        becomes None."""
        return self._get("json")

    def document(self) -> dict[str, Any]:
        """`to_dict`, computed from the fields (the "json" step)."""
        return _finite(self._data())

    def _data(self) -> dict[str, Any]:
        c = self.case
        j = self.judgments
        ranking = self.ranking
        linkage = self.linkage
        return {
            "pestle": self.version,
            "settings": {**self.settings.model_dump(mode="json"), "scenario": self.scenario},
            "settings_text": self.describe(),
            "case": {
                "id": c.id,
                "name": c.name,
                "region": c.region,
                "industry": c.target_industry,
            },
            "findings": self.findings.to_dict(),
            "indicators": self.indicators.to_dict(),
            "policy_mix": self.policy.to_dict(),
            "judgments": {"illustrative": j.illustrative, "note": j.note},
            "factors": {
                k: {"name": f.name, "dimension": f.dimension, "kind": f.kind}
                for k, f in j.factors.items()
            },
            "ahp": {
                "global_weights": self.ahp.global_weights(),
                "consistency": self.ahp.consistency_frame().reset_index().to_dict("records"),
                **self.ahp.to_dict(),
            },
            "dematel": {
                "factors": self.dematel.to_frame().reset_index().to_dict("records"),
                **self.dematel.to_dict(),
            },
            "efe": self.efe.to_dict(),
            "entropy": self.entropy.to_dict(),
            "topsis": {
                "demand_size_source": ranking.demand_size_source,
                "ranking": list(ranking.topsis.ranking()),
                **ranking.topsis.to_dict(),
                "stated": {"ranking": list(ranking.stated.ranking()), **ranking.stated.to_dict()},
            },
            "stability": ranking.stability.to_dict(),
            "demand": {
                "headline": "p50",
                "scenario": self.scenario,
                "samples": self.settings.samples,
                "seed": self.settings.seed,
                "overrides": self.settings.override_map,
                "scenarios": {s.name: s.to_dict() for s in self.summaries},
                "sensitivity": self.sensitivity.to_dict() if self.sensitivity else None,
                "backtest": self.backtest.to_dict(),
            },
            "linkage": None
            if linkage is None
            else {"shock": linkage.shock, **linkage.effects.to_dict()},
        }


def _finite(data: Any) -> Any:
    if isinstance(data, dict):
        return {str(k): _finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(v) for v in data]
    if isinstance(data, float) and not math.isfinite(data):
        return None
    return data
