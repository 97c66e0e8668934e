"""Jupyter display of the results' objects, and the charts accessor."""

from __future__ import annotations

import altair as alt
import pytest

import pestle
from pestle.results import Results, Settings


@pytest.fixture(scope="module")
def results() -> Results:
    return Results(pestle.load_case(), Settings(samples=1_000, sobol_samples=0, draws=100))


def test_displaying_results_computes_nothing(results: Results) -> None:
    fresh = Results(results.case, results.settings)
    page = fresh._repr_html_()
    assert fresh.computed == [] and "steps not yet computed" in page
    assert "findings" in page and "Composite demand" not in page


def test_reprs_are_one_line_and_html_is_escaped(results: Results) -> None:
    for obj in (results.case, results, results.findings, results.demand):
        assert "\n" not in repr(obj)
        page = obj._repr_html_()
        assert "<table" in page and "<script" not in page
    s = results.findings.summary
    assert repr(results.findings).startswith(f"CheckReport(case='{results.case.id}', ")
    assert f"fail={s['fail']}" in repr(results.findings)
    demand = results.demand
    assert f"{demand.total.cumulative.p50:,.0f} t" in repr(demand)


def test_charts_are_altair_objects_of_the_specs_the_report_draws(results: Results) -> None:
    charts = results.charts
    specs = charts.specs()
    assert "demand_fan" in specs and "sobol" not in specs  # no Sobol' indices asked for
    assert charts.sobol() is None
    for name, spec in specs.items():
        chart = charts.chart(name)
        assert isinstance(chart, alt.TopLevelMixin)
        assert chart.to_dict(validate=False)["datasets"] == spec["datasets"], name
    with pytest.raises(KeyError, match="no chart 'pie'"):
        charts.spec("pie")
