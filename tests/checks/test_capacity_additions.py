"""Bases against observed additions: the bases table's capacity for its years against the
capacity reference data says was added in those years."""

from __future__ import annotations

import pytest

from pestle.case import load_case
from pestle.checks import CheckInputs, Reference, run_checks
from pestle.checks import capacity_additions as rule
from pestle.model import Entity, Period


def _day(iso: str) -> Period:
    return Period.parse(f"{iso}/{iso}")


def _ref(part: str, iso: str, value: float, qualifier: str = "=") -> Reference:
    return Reference(
        id=f"installed_capacity_w.{part}@{iso}",
        series="installed_capacity_w",
        measure=f"installed capacity {part.replace('_', ' ')}",
        period=_day(iso),
        value=value,
        unit="W",
        qualifier=qualifier,
        source=f"source of {part}",
    )


def _base(i: int, date: str, **attributes) -> Entity:
    return Entity(
        id=f"b{i}", kind="energy_base", name=f"Base {i}", attributes={"date": date, **attributes}
    )


STOCK_2022 = (_ref("wind", "2022-12-31", 26.15e9), _ref("solar", "2022-12-31", 14.51e9))


def _check(bases, refs):
    return rule.check(CheckInputs(entities=tuple(bases), references=tuple(refs)))


def test_the_embedded_bases_table_books_less_than_was_built():
    (f,) = run_checks(load_case()).of_rule(rule.RULE)
    assert f.id == "capacity_additions:energy_base-2023–2024"
    assert (f.status, f.severity) == ("fail", "warning")
    assert f.actual.value == pytest.approx(46.1)
    assert f.expected.value == pytest.approx(100 - 40.66)
    assert f.expected.value - f.actual.value == pytest.approx(13.24)
    assert "at least 13.24 million kilowatts (at least 22%) less" in f.message
    assert "26.15 wind + 14.51 solar" in f.message
    assert "35.57 million kilowatts added in 2024" in f.message
    assert "'Southern Taklimakan Desert Base in South Xinjiang'" in f.message
    quotes = [e.quote for e in f.evidence if e.kind == "claim"]
    assert any(
        q.startswith("Northern Tianshan New Energy Base | 10 million kilowatts") for q in quotes
    )
    refs = [(e.label, e.source) for e in f.evidence if e.kind == "reference"]
    assert (
        "2022-12-31",
        "People's Daily English, 2023-01-05, en.people.cn/n3/2023/0105/c90000-10192228.html",
    ) in refs
    assert any(label == "2024-12-30" and "State Grid" in src for label, src in refs)


def test_a_table_that_accounts_for_the_build_passes():
    bases = [_base(1, "2023-05", capacity_w=30e9), _base(2, "2024", count=3, capacity_each_w=10e9)]
    refs = (*STOCK_2022, _ref("new_energy_total", "2024-12-31", 100e9))
    (f,) = _check(bases, refs)
    assert f.status == "pass" and f.actual.value == pytest.approx(60)


def test_a_gap_beyond_a_quarter_is_an_error():
    bases = [_base(1, "2023-05", capacity_w=10e9), _base(2, "2024", capacity_w=10e9)]
    refs = (*STOCK_2022, _ref("new_energy_total", "2024-12-31", 100e9))
    (f,) = _check(bases, refs)
    assert (f.status, f.severity) == ("fail", "error")
    assert f.expected.value - f.actual.value == pytest.approx(39.34)


def test_yearly_additions_when_no_stock_is_given():
    bases = [_base(1, "2024-02", capacity_w=20e9)]
    (f,) = _check(bases, (_ref("added_in_2024", "2024-12-30", 35.57e9),))
    assert f.expected.value == pytest.approx(35.57)
    assert (f.status, f.severity) == ("fail", "error")


def test_more_than_a_lower_bound_cannot_be_told():
    bases = [_base(1, "2024", capacity_w=80e9)]
    refs = (*STOCK_2022, _ref("new_energy_total", "2024-12-30", 100e9, ">"))
    (f,) = _check(bases, refs)
    assert f.status == "unknown"


def test_no_reference_for_the_years_is_unknown_and_no_bases_is_nothing():
    bases = [_base(1, "2030", capacity_w=10e9)]
    (f,) = _check(bases, STOCK_2022)
    assert f.status == "unknown" and "reference dates" in f.message
    assert _check([], STOCK_2022) == []
