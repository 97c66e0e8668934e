"""`Results.charts`: the charts of a case's results, as Altair objects (Jupyter) or specs.

The specs are those the report and the dashboard draw (`pestle.present.charts`), made from
the same `Results`; this accessor only picks the result each chart function takes.

    >>> results.charts.demand_fan()          # an Altair chart; Jupyter draws it  # doctest: +SKIP
    >>> results.charts.specs()["demand_fan"]  # the Vega-Lite dict                 # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import altair as alt

    from pestle.results.results import Results

TOP_SECTORS = 10  # sectors shown in the linkage chart (the chart function's default)


class ResultCharts:
    """One method per chart of the results; each returns an Altair chart, or None when the
    results hold nothing to draw (a case without linkage, a run without sensitivity)."""

    def __init__(self, results: Results) -> None:
        self._results = results

    def __repr__(self) -> str:
        return f"<charts of {self._results.case.id}: {', '.join(self.names())}>"

    def names(self) -> tuple[str, ...]:
        """The charts this accessor makes, in the order of `specs`."""
        return tuple(_MAKERS)

    def spec(self, name: str) -> dict[str, Any] | None:
        """The Vega-Lite spec of one chart (None: nothing to draw)."""
        if name not in _MAKERS:
            raise KeyError(f"no chart {name!r}; charts: {', '.join(_MAKERS)}")
        return _MAKERS[name](self._results)

    def specs(self) -> dict[str, dict[str, Any]]:
        """Every chart's Vega-Lite spec by name (charts with nothing to draw left out)."""
        found = {name: self.spec(name) for name in _MAKERS}
        return {name: spec for name, spec in found.items() if spec is not None}

    def chart(self, name: str) -> alt.TopLevelMixin | None:
        spec = self.spec(name)
        return None if spec is None else to_altair(spec)

    def demand_fan(self) -> alt.TopLevelMixin | None:
        """Yearly demand of the headline scenario by segment: median and p5–p95 band."""
        return self.chart("demand_fan")

    def scenario_comparison(self) -> alt.TopLevelMixin | None:
        """Cumulative demand of every scenario."""
        return self.chart("scenario_comparison")

    def eol_waste(self) -> alt.TopLevelMixin | None:
        """Yearly end-of-life blade waste of the headline scenario."""
        return self.chart("eol_waste")

    def backtest(self) -> alt.TopLevelMixin | None:
        """Forecasts from the capacity history against what was observed since."""
        return self.chart("backtest")

    def sobol(self) -> alt.TopLevelMixin | None:
        """Sobol' indices of total demand (None when the run asked for none)."""
        return self.chart("sobol")

    def linkage_effects(self) -> alt.TopLevelMixin | None:
        """Direct and indirect output effects by sector (None without a linkage table)."""
        return self.chart("linkage_effects")

    def ahp_weights(self) -> alt.TopLevelMixin | None:
        """AHP global weights of the factors."""
        return self.chart("ahp_weights")

    def dematel_diagram(self) -> alt.TopLevelMixin | None:
        """DEMATEL cause-effect diagram (prominence against relation)."""
        return self.chart("dematel_diagram")

    def topsis_closeness(self) -> alt.TopLevelMixin | None:
        """TOPSIS closeness of the product segments."""
        return self.chart("topsis_closeness")

    def check_outcomes(self) -> alt.TopLevelMixin | None:
        """Number of checks by outcome."""
        return self.chart("check_outcomes")

    def policy_coverage(self) -> alt.TopLevelMixin | None:
        """Instrument × target cells covered by each policy level."""
        return self.chart("policy_coverage")


def to_altair(spec: dict[str, Any]) -> alt.TopLevelMixin:
    """An Altair object of a Vega-Lite spec, of the class its top level needs."""
    import altair as alt

    kinds = (
        ("layer", alt.LayerChart),
        ("facet", alt.FacetChart),
        ("vconcat", alt.VConcatChart),
        ("hconcat", alt.HConcatChart),
        ("concat", alt.ConcatChart),
        ("repeat", alt.RepeatChart),
    )
    cls = next((c for key, c in kinds if key in spec), alt.Chart)
    return cls.from_dict(spec, validate=False)


def _names(r: Results) -> dict[str, str]:
    return {k: f.name for k, f in r.judgments.factors.items()}


def _sobol(r: Results) -> dict[str, Any] | None:
    from pestle.present import charts

    return None if r.sensitivity is None else charts.sobol(r.sensitivity)


def _linkage(r: Results) -> dict[str, Any] | None:
    from pestle.present import charts

    return None if r.linkage is None else charts.linkage_effects(r.linkage.effects, TOP_SECTORS)


def _maker(name: str, pick: Callable[[Results], Any]) -> Callable[[Results], Any]:
    def make(r: Results) -> Any:
        from pestle.present import charts

        return getattr(charts, name)(pick(r))

    return make


def _with_names(name: str, pick: Callable[[Results], Any]) -> Callable[[Results], Any]:
    def make(r: Results) -> Any:
        from pestle.present import charts

        return getattr(charts, name)(pick(r), _names(r))

    return make


_MAKERS: dict[str, Callable[[Results], dict[str, Any] | None]] = {
    "demand_fan": _maker("demand_fan", lambda r: r.scenario_run.demand),
    "scenario_comparison": _maker("scenario_comparison", lambda r: r.scenarios),
    "eol_waste": _maker("eol_waste", lambda r: r.scenario_run.demand),
    "backtest": _maker("backtest", lambda r: r.backtest),
    "sobol": _sobol,
    "linkage_effects": _linkage,
    "ahp_weights": _with_names("ahp_weights", lambda r: r.ahp),
    "dematel_diagram": _with_names("dematel_diagram", lambda r: r.dematel),
    "topsis_closeness": _maker("topsis_closeness", lambda r: r.topsis),
    "check_outcomes": _maker("check_outcomes", lambda r: r.findings),
    "policy_coverage": _maker("policy_coverage", lambda r: r.policy),
}
