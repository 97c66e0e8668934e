"""The rules, listed explicitly: name, what it checks, and its function.

A rule is a function `CheckInputs -> list[Finding]`. It returns no finding when the case
holds nothing it applies to; the runner then reports it `unknown` with `needs`, so a
rule that could not run always says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pestle.checks import (
    additivity,
    agreement,
    capacity_additions,
    double_counting,
    implied_base,
    magnitude,
    relative,
    shares,
    undated,
    weighted_growth,
)
from pestle.checks.finding import Finding
from pestle.checks.inputs import CheckInputs


@dataclass(frozen=True)
class Rule:
    name: str
    summary: str
    needs: str
    check: Callable[[CheckInputs], list[Finding]]


RULES: tuple[Rule, ...] = (
    Rule(
        additivity.RULE,
        "parts that partition a total add up to it; counts given to parts against the whole",
        "parts and a total of the same period (e.g. value added of the three industries and "
        "GDP), or counts of parts of an entity",
        additivity.check,
    ),
    Rule(
        weighted_growth.RULE,
        "a total's growth against the share-weighted growth of its parts",
        "growth rates and values of every part and the total's growth, for one period",
        weighted_growth.check,
    ),
    Rule(
        relative.RULE,
        "gaps to the national average and shares of a whole, against reference data",
        "a figure stated relative to the national average or as a share of a whole",
        relative.check,
    ),
    Rule(
        shares.RULE,
        "shares added up only within one dimension",
        "shares of categories that the case assigns to a dimension",
        shares.check,
    ),
    Rule(
        implied_base.RULE,
        "value / (1 + growth) against the reference for the prior period",
        "a value with its year-on-year growth rate for the same period",
        implied_base.check,
    ),
    Rule(
        magnitude.RULE,
        "figures within a factor of three of reference data; powers of ten named",
        "stated levels of a measure that the reference data also covers",
        magnitude.check,
    ),
    Rule(
        agreement.RULE,
        "facts stated twice agree; statuses superseded by reference data",
        "a fact stated in two places, or a status with a reference date of operation",
        agreement.check,
    ),
    Rule(
        double_counting.RULE,
        "capacities that may contain one another are flagged before anyone adds them",
        "two or more entities of one kind with capacities",
        double_counting.check,
    ),
    Rule(
        capacity_additions.RULE,
        "capacity a bases table books for its years against observed additions",
        "entities of a base kind with capacities and time nodes, and reference data of "
        "installed capacity at the ends of those years (or yearly additions)",
        capacity_additions.check,
    ),
    Rule(
        undated.RULE,
        "amounts and rates state their period; otherwise nothing dated is compared with them",
        "amounts or rates in the case",
        undated.check,
    ),
)


def rule(name: str) -> Rule:
    """The rule called `name` (KeyError if there is none)."""
    for item in RULES:
        if item.name == name:
            return item
    raise KeyError(name)
