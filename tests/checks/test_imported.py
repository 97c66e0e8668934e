"""A case the user imports (a document and reference data, no curated entities): the same
rules run on the extracted claims alone, and those that need case data say so."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pestle.case import load_case
from pestle.checks import CheckInputs, run_checks


@pytest.fixture(scope="module")
def report():
    inputs = CheckInputs.from_case(load_case())
    return run_checks(replace(inputs, entities=(), cache={}, _parsed={}, _doc_of={}))


def test_claims_alone_find_the_same_problems(report):
    status = {f.id: (f.status, f.severity) for f in report.findings}
    assert status == {
        # the trade table's unit: one root cause, three findings
        "magnitude:cause-unit-total-import-export-value-column-table-expansion-trade-scale": (
            "fail",
            "error",
        ),
        # capacities of one table section: Huadian within Northern Tianshan, and the group
        "double_counting:section-new-energy-industry-demand": ("fail", "warning"),
        "periods:expansion-of-trade-scale": ("unknown", "warning"),
        # without the case's dimensions, shares are added to nothing
        "shares:no-dimension": ("unknown", "warning"),
        # without the case's base entities there is no bases table to compare
        "capacity_additions:nothing-to-check": ("unknown", "info"),
        "implied_base:constant-prices": ("unknown", "info"),
        "additivity:gdp-Q12025": ("pass", "info"),
        "weighted_growth:gdp-Q12025": ("pass", "info"),
        "relative:gdp-growth-gap-Q12025": ("pass", "info"),
        "relative:share-majorindustrialclusters-gdp-2022": ("pass", "info"),
        # undated "10 million kilowatts" in one section, dated May 2023 in the table
        "agreement:northern-tianshan-new-energy-base.capacity-May2023": ("pass", "info"),
        "magnitude:gdp-2024": ("pass", "info"),
        "magnitude:gdp-Q12025": ("pass", "info"),
    }


def test_the_unit_error_is_one_finding_with_its_members(report):
    (group,) = [f for f in report.findings if f.members]
    assert {m.id for m in group.members} == {
        "magnitude:total-import-and-export-value-H12023",
        "magnitude:total-import-and-export-value-Jan–May2025",
        "implied_base:total-import-and-export-value-H12022",
        "implied_base:total-import-and-export-value-Jan–May2024",
    }
    assert [r.label for r in group.rows] == ["First Half of 2023", "First Five Months of 2025"]


def test_the_fraction_is_quoted_in_full(report):
    f = report.finding("relative:share-majorindustrialclusters-gdp-2022")
    assert "'more than half of the region's GDP' holds (barely)" in f.message
