"""Shares: added only within one dimension; never across (a false alarm is a bug)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.build import Doc, entity
from pestle.checks import shares

SECTION = "Trade Structure"
ROWS = (
    ("General Trade", "80.8", "54.9", "trade_mode"),
    ("Export of Electromechanical Products", "43.8", "40.2", "product_category"),
    ("Urumqi Bonded Logistics", "563.2", "5.2", "zone_channel"),
    ("Urumqi Market Procurement Trade Exports", "802.1", "0.4", "zone_channel"),
)


def _trade(rows=ROWS, with_dimension=True, as_entities=True):
    doc = Doc().heading(SECTION)
    doc.say("Trade Mode/Product Category | Year-on-Year Growth Rate (%) | Proportion (%) |\n")
    doc.say("---|---|---|\n")
    entities = []
    for name, growth, share, dimension in rows:
        doc.say(f"{name} | ")
        doc.figure(growth, float(growth), "%", "growth rate", name)
        doc.say(" | ")
        doc.figure(share, float(share), "%", "share", name)
        doc.say(" |\n")
        attributes = {"share_pct": float(share), "growth_pct": float(growth)}
        if with_dimension:
            attributes["dimension"] = dimension
        if as_entities:
            entities.append(
                entity(
                    "trade_" + "_".join(name.lower().split()[:2]),
                    "trade_category",
                    name,
                    attributes,
                    ((SECTION, share, "share_pct"),),
                )
            )
    return doc.inputs(entities=tuple(entities))


def test_categories_of_three_dimensions_are_never_added_together():
    # 54.9 + 40.2 + 5.2 + 0.4 = 100.7 % would be a false alarm: they are three dimensions
    findings = {f.id: f for f in shares.check(_trade())}
    assert sorted(findings) == [
        "shares:product_category",
        "shares:trade_mode",
        "shares:zone_channel",
    ]
    assert all(f.status == "pass" for f in findings.values())
    zone = findings["shares:zone_channel"]
    assert zone.actual.text == "5.2 + 0.4 = 5.6 %"
    assert zone.tolerance.value == pytest.approx(0.1)
    assert "Not added to the shares of the other dimensions" in zone.message


def test_shares_of_one_dimension_above_100_fail():
    rows = (
        ("General Trade", "1.0", "60.2", "trade_mode"),
        ("Processing Trade", "1.0", "45.1", "trade_mode"),
    )
    (f,) = shares.check(_trade(rows))
    assert (f.status, f.severity) == ("fail", "error")
    assert f.actual.value == pytest.approx(105.3)


@settings(max_examples=50, deadline=None)
@given(first=st.integers(0, 1000), second=st.integers(0, 1000))
def test_flips_at_100_percent_plus_rounding(first, second):
    a, b = first / 10, second / 10
    rows = (
        ("Mode A", "1.0", f"{a:.1f}", "trade_mode"),
        ("Mode B", "1.0", f"{b:.1f}", "trade_mode"),
    )
    (f,) = shares.check(_trade(rows))
    assert f.tolerance.value == pytest.approx(0.1)
    assert (f.status == "pass") == (a + b <= 100.1 + 1e-9)


def test_shares_without_a_dimension_are_unknown_and_added_to_nothing():
    (f,) = shares.check(_trade(with_dimension=False))
    assert (f.id, f.status, f.severity) == ("shares:no-dimension", "unknown", "warning")
    assert "4 share(s) have no dimension" in f.message


def test_share_claims_take_the_dimension_of_the_entity_of_that_name():
    inputs = _trade()
    # entities without share attributes, the claims give the shares
    bare = tuple(
        e.model_copy(update={"attributes": {"dimension": e.attributes["dimension"]}})
        for e in inputs.entities
    )
    from dataclasses import replace

    findings = {f.id: f for f in shares.check(replace(inputs, entities=bare, cache={}))}
    assert findings["shares:zone_channel"].actual.value == pytest.approx(5.6)
    assert findings["shares:trade_mode"].actual.value == pytest.approx(54.9)


def test_no_shares_no_finding():
    assert shares.check(Doc().inputs()) == []
