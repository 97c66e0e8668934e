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
        _bars([{"name": "a", "v": float(i)}])
    assert len(chartkit._memo) == 3
