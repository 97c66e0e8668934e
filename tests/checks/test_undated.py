"""The periods rule: amounts and rates that state no period are listed, never passed."""

from __future__ import annotations

from checks.build import Q1_2025, Doc, entity
from pestle.checks import undated


def test_undated_shares_and_growth_rates_are_unknown_by_section():
    doc = Doc().heading("Trade Structure")
    doc.say("General Trade | ")
    doc.figure("80.8", 80.8, "%", "growth rate", "General Trade")
    doc.say(" | ")
    doc.figure("54.9", 54.9, "%", "share", "General Trade")
    doc.say(" |\n")
    (f,) = undated.check(doc.inputs())
    assert (f.rule, f.status, f.severity) == ("periods", "unknown", "warning")
    assert "2 figure(s) in 'Trade Structure' state no period" in f.message
    assert [e.text for e in f.evidence] == ["80.8", "54.9"]


def test_category_rates_of_entities_without_a_period_are_listed():
    doc = Doc().heading("Trade Structure").say("General Trade | 80.8 | 54.9 |\n")
    general = entity(
        "general",
        "trade_category",
        "General trade",
        {"dimension": "trade_mode", "growth_pct": 80.8, "share_pct": 54.9},
        (("Trade Structure", "80.8", "growth_pct"), ("Trade Structure", "54.9", "share_pct")),
    )
    (f,) = undated.check(doc.inputs(entities=(general,)))
    assert f.status == "unknown"
    assert [doc.text[e.start : e.end] for e in f.evidence] == ["80.8", "54.9"]
    assert f.evidence[0].quote == "General Trade | 80.8 | 54.9 |"


def test_dated_figures_pass_and_stocks_are_not_flows():
    doc = Doc().heading("Economy")
    doc.figure("472.909 billion yuan", 472.909e9, "CNY", "GDP", "Xinjiang", Q1_2025)
    doc.say(" and a base of ")
    doc.figure("10 million kilowatts", 1e10, "W", "capacity", "A Base")
    doc.say(" and ")
    doc.figure("25 measures", 25, "count", "measures", "plan")
    (f,) = undated.check(doc.inputs())
    assert (f.id, f.status) == ("periods:all-dated", "pass")
