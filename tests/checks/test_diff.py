"""Two check reports compared: the embedded case against copies with one line edited."""

from __future__ import annotations

import json
from pathlib import Path

import pydantic
import pytest

from case_edit import edit_line
from pestle.case import load_case
from pestle.checks import CheckReport, ReportDiff, compare_reports, run_checks

NATIONAL_GROWTH = 'value: 5.4, quality: firm, source: "National Bureau'
GROWTH_GAP = "relative:gdp-growth-gap-Q12025"


@pytest.fixture(scope="module")
def embedded() -> CheckReport:
    return run_checks()


def _edited(case_dir: Path, file: str, old: str, new: str) -> CheckReport:
    edit_line(case_dir / file, old, new)
    return run_checks(load_case(case_dir))


def test_the_same_case_twice_changes_nothing(embedded) -> None:
    diff = compare_reports(embedded, run_checks())
    assert diff.changes == ()
    assert diff.counts == {"new": 0, "gone": 0, "changed": 0}
    frame = diff.to_frame()
    assert frame.empty
    assert list(frame.columns) == [
        "change",
        "id",
        "rule",
        "title",
        "severity",
        "before",
        "after",
        "message",
    ]


def test_a_national_growth_of_4_fails_the_growth_gap_check_only(embedded, case_copy) -> None:
    # 5.6 − 0.2 = 5.4 % implied national growth; the reference now says 4 %.
    ref = "sources/xinjiang_reference.yaml"
    after = _edited(case_copy, ref, NATIONAL_GROWTH, NATIONAL_GROWTH.replace("5.4", "4.0"))
    (change,) = compare_reports(embedded, after).changes
    assert (change.id, change.rule, change.change) == (GROWTH_GAP, "relative", "changed")
    assert (change.before, change.after, change.severity) == ("pass", "fail", "error")
    assert change.message == after.finding(GROWTH_GAP).message
    assert "5.6 − 0.2 = 5.4 %, but the reference gives 4 %" in change.message
    assert change.title == after.finding(GROWTH_GAP).title


def test_a_new_message_with_the_same_status_is_a_change(embedded, case_copy) -> None:
    # 5.4 against 5 % still agrees (status pass -> pass), but the message quotes the new 5 %.
    ref = "sources/xinjiang_reference.yaml"
    after = _edited(case_copy, ref, NATIONAL_GROWTH, NATIONAL_GROWTH.replace("5.4", "5.0"))
    (change,) = compare_reports(embedded, after).changes
    assert (change.id, change.before, change.after, change.change) == (
        GROWTH_GAP,
        "pass",
        "pass",
        "changed",
    )
    assert "the reference gives 5 %" in change.message
    assert "the reference gives 5.4 %" in embedded.finding(GROWTH_GAP).message


def test_a_renamed_dimension_is_one_new_one_gone_and_two_changed(embedded, case_copy) -> None:
    # The trade_mode category moves to a dimension "customs_regime": its shares check has a
    # new id, and the two other dimensions' messages name it among "the other dimensions".
    after = _edited(
        case_copy,
        "entities/trade.yaml",
        "    dimension: trade_mode",
        "    dimension: customs_regime",
    )
    diff = compare_reports(embedded, after)
    assert diff.counts == {"new": 1, "gone": 1, "changed": 2}
    # changed and new in the order of `after`, then gone in the order of `before`
    assert [(c.change, c.id) for c in diff.changes] == [
        ("new", "shares:customs_regime"),
        ("changed", "shares:product_category"),
        ("changed", "shares:zone_channel"),
        ("gone", "shares:trade_mode"),
    ]
    new, product, _, gone = diff.changes
    assert (new.before, new.after) == (None, "pass")
    assert "add up to 54.9 %" in new.message and "customs regime" in new.message
    assert (gone.before, gone.after) == ("pass", None)
    assert gone.message == embedded.finding("shares:trade_mode").message
    assert "other dimensions (customs regime, zone channel)" in product.message
    assert {c.id for c in diff.of_change("changed")} == {
        "shares:product_category",
        "shares:zone_channel",
    }

    back = compare_reports(after, embedded)  # the other way round: new and gone swap
    assert {(c.change, c.id) for c in back.changes} == {
        ("new", "shares:trade_mode"),
        ("gone", "shares:customs_regime"),
        ("changed", "shares:product_category"),
        ("changed", "shares:zone_channel"),
    }


def test_to_dict_is_json_and_the_result_is_frozen(embedded, case_copy) -> None:
    ref = "sources/xinjiang_reference.yaml"
    after = _edited(case_copy, ref, NATIONAL_GROWTH, NATIONAL_GROWTH.replace("5.4", "4.0"))
    diff = compare_reports(embedded, after)
    data = json.loads(json.dumps(diff.to_dict()))
    assert data["counts"] == {"new": 0, "gone": 0, "changed": 1}
    assert data["changes"] == [
        {
            "id": GROWTH_GAP,
            "title": after.finding(GROWTH_GAP).title,
            "rule": "relative",
            "severity": "error",
            "before": "pass",
            "after": "fail",
            "message": after.finding(GROWTH_GAP).message,
            "change": "changed",
        }
    ]
    assert ReportDiff.model_validate(data) == diff
    with pytest.raises(pydantic.ValidationError):
        diff.changes[0].after = "pass"  # type: ignore[misc]
    assert diff.to_frame().loc[0, "after"] == "fail"
