"""Chart specs kept by content (chartkit._memoised): the same records and options in the same
language give the spec Altair gives, as a fresh dict; anything else is built anew."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pestle.present import chartkit, i18n


def _bars(records: list[dict]) -> dict:
    return chartkit.bars(
        records, category="name", value="v", value_title="t", title="T", source="S"
    )


@pytest.fixture(autouse=True)
def empty_memo():
    chartkit._memo.clear()
    yield
    chartkit._memo.clear()


RECORDS = [{"name": "a", "v": 1.5}, {"name": "b", "v": 2.0}]


def test_a_kept_spec_equals_the_built_one_and_is_a_fresh_dict() -> None:
    built = chartkit.bars.__wrapped__(
        RECORDS, category="name", value="v", value_title="t", title="T", source="S"
    )
    first = _bars(RECORDS)
    assert first == built and len(chartkit._memo) == 1
    first["datasets"]["table"].clear()  # a caller changing its spec changes no other
    assert _bars(RECORDS) == built and len(chartkit._memo) == 1


def test_the_language_is_part_of_the_key() -> None:
    english = _bars(RECORDS)
    with i18n.use("zh"):
        chinese = _bars(RECORDS)
    assert english["config"] != chinese["config"]  # the CJK font first in Chinese
    assert len(chartkit._memo) == 2


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(-1e9, 1e9, allow_nan=False), min_size=1, max_size=6))
def test_other_records_give_the_spec_of_those_records(values) -> None:
    records = [{"name": f"n{i}", "v": v} for i, v in enumerate(values)]
    _bars(RECORDS)  # something else kept first
    assert _bars(records)["datasets"]["table"] == records


def test_the_memo_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(chartkit, "MEMO_SIZE", 3)
    for i in range(5):
        _bars([{"name": f"a{i}", "v": float(i)}])
    assert len(chartkit._memo) == 3


def test_new_measures_of_the_same_categories_reuse_the_spec() -> None:
    """A parameter change moves the measures, not the categories: no chart is built again."""
    real = chartkit.bars.__wrapped__
    first = _bars(RECORDS)
    moved = [{"name": "a", "v": 7.25}, {"name": "b", "v": -3.0}]
    second = _bars(moved)
    assert len(chartkit._memo) == 1 and second["datasets"]["table"] == moved
    assert {k: v for k, v in first.items() if k != "datasets"} == {
        k: v for k, v in second.items() if k != "datasets"
    }
    assert second == real(moved, category="name", value="v", value_title="t", title="T", source="S")


def test_a_spec_that_reads_a_measure_is_kept_by_the_whole_records() -> None:
    """Categories that are floats (a domain of measures) make the spec depend on them."""
    for values in ([1.5, 2.5], [3.5, 4.5]):
        records = [{"name": v, "v": 1.0} for v in values]
        spec = _bars(records)
        assert spec["datasets"]["table"] == records
        assert spec == chartkit.bars.__wrapped__(
            records, category="name", value="v", value_title="t", title="T", source="S"
        )
    assert len(chartkit._memo) == 2


BUILDERS = sorted(  # the memoised builders
    n
    for n in dir(chartkit)
    if not n.startswith("_") and hasattr(getattr(chartkit, n), "__wrapped__")
)


@pytest.fixture(scope="module")
def report_calls() -> list[tuple[str, str, list, tuple, dict]]:
    """Every chart builder call a real build of both cases' reports makes, in English and
    Chinese: (builder, language, records, positional and keyword options)."""
    from pestle.case import embedded_cases, load_case
    from pestle.report.context import build_view
    from pestle.results import DEFAULTS, Results

    calls: list[tuple[str, str, list, tuple, dict]] = []
    with pytest.MonkeyPatch.context() as patch:
        for name in BUILDERS:
            patch.setattr(chartkit, name, _spy(name, getattr(chartkit, name), calls))
        for case in embedded_cases():
            results = Results(load_case(case), DEFAULTS)
            for lang in ("en", "zh"):
                build_view(results, lang)
    return calls


def _spy(name: str, real, calls: list):
    def spy(records, *args, **options):
        calls.append((name, i18n.current(), list(records), args, options))
        return real(records, *args, **options)

    return spy


def _moved(records: list[dict]) -> list[dict]:
    """The same records with every measure changed (as a parameter change moves them)."""
    return [
        {k: v * 1.37 + 0.11 if isinstance(v, float) else v for k, v in r.items()} for r in records
    ]


def test_the_reports_charts_take_nothing_but_their_data_from_the_measures(report_calls) -> None:
    """For every chart of the real reports: with other measures, Altair gives the same spec
    but for its data, and the kept spec is the one Altair gives for those measures."""
    assert {name for name, *_ in report_calls} >= {"bars", "fan", "intervals", "heatmap"}
    for name, lang, records, args, options in report_calls:
        build = getattr(chartkit, name)
        with i18n.use(lang):
            chartkit._memo.clear()
            build(records, *args, **options)  # kept
            moved = _moved(records)
            kept = build(moved, *args, **options)
            fresh = build.__wrapped__(moved, *args, **options)
        assert kept == fresh, f"{name} ({lang}): {options.get('title')}"
