"""The claim diff: one edited sentence is exactly one change, whatever moved around it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pestle.model import Claim, Period
from pestle.store.diff import diff_claims, key


def doc(*items: tuple[str, str, float, str, int]) -> list[Claim]:
    """Claims laid out in order: (section, measure, value, text, year)."""
    out: list[Claim] = []
    offset = 0
    for section, measure, value, text, year in items:
        out.append(
            Claim(
                value=value,
                unit="count",
                period=Period.year(year),
                measure=measure,
                subject="Xinjiang",
                text=text,
                start=offset,
                end=offset + len(text),
                section=section,
            )
        )
        offset += len(text) + 40
    return out


BASE = [
    ("FTZ", "measures", 25.0, "25 measures", 2023),
    ("FTZ", "powers", 26.0, "26 powers", 2023),
    ("FTZ", "permissions", 20.0, "20", 2023),
    ("FTZ", "permissions", 6.0, "6", 2023),
    ("FTZ", "permissions", 17.0, "17 permissions", 2023),
    ("Clusters", "clusters", 8.0, "eight", 2022),
]


def shifted(claims: list[Claim], by: int) -> list[Claim]:
    return [c.model_copy(update={"start": c.start + by, "end": c.end + by}) for c in claims]


def test_identical_revisions_have_no_difference() -> None:
    result = diff_claims(doc(*BASE), doc(*BASE))
    assert (result.added, result.removed, result.changed, result.unchanged) == ((), (), (), 6)


def test_moved_spans_are_not_changes() -> None:
    result = diff_claims(doc(*BASE), shifted(doc(*BASE), 17))
    assert result.changed == () and result.unchanged == 6


def test_one_edited_value_is_exactly_one_change() -> None:
    edited = list(BASE)
    edited[3] = ("FTZ", "permissions", 7.0, "7", 2023)
    result = diff_claims(doc(*BASE), doc(*edited))
    assert result.added == () and result.removed == ()
    (change,) = result.changed
    assert (change.old.value, change.new.value) == (6.0, 7.0)
    assert change.fields == ("value", "text")
    assert result.unchanged == 5


def test_an_edited_year_changes_the_key_but_is_still_one_change() -> None:
    edited = list(BASE)
    edited[5] = ("Clusters", "clusters", 8.0, "eight", 2023)
    result = diff_claims(doc(*BASE), doc(*edited))
    (change,) = result.changed
    assert change.fields == ("period",)
    assert result.added == result.removed == ()


def test_an_inserted_claim_is_added_and_nothing_else_moves() -> None:
    edited = [*BASE[:2], ("FTZ", "platforms", 4.0, "4 platforms", 2023), *BASE[2:]]
    result = diff_claims(doc(*BASE), doc(*edited))
    assert [c.text for c in result.added] == ["4 platforms"]
    assert result.removed == () and result.changed == () and result.unchanged == 6


def test_a_deleted_claim_is_removed() -> None:
    edited = [b for b in BASE if b[3] != "26 powers"]
    result = diff_claims(doc(*BASE), doc(*edited))
    assert [c.text for c in result.removed] == ["26 powers"]
    assert result.added == () and result.changed == ()


def test_claims_of_another_section_are_not_paired() -> None:
    old = doc(("A", "x", 1.0, "1 unit", 2020))
    new = doc(("B", "y", 2.0, "2 units", 2020))
    result = diff_claims(old, new)
    assert len(result.removed) == len(result.added) == 1 and result.changed == ()


def test_stable_key_is_section_measure_subject_period() -> None:
    (claim,) = doc(("FTZ", "measures", 25.0, "25 measures", 2023))
    assert key(claim) == ("FTZ", "measures", "Xinjiang", "2023-01-01/2023-12-31")


@settings(max_examples=40, deadline=None)
@given(
    size=st.integers(min_value=1, max_value=60),
    data=st.data(),
)
def test_editing_any_one_value_reports_exactly_that_claim(size: int, data) -> None:
    items = [
        (f"s{i // 7}", f"m{i % 3}", float(i), f"{i} things", 2020 + i % 4) for i in range(size)
    ]
    at = data.draw(st.integers(min_value=0, max_value=size - 1))
    edited = list(items)
    section, measure, value, _, year = items[at]
    edited[at] = (section, measure, value + 0.5, f"{value + 0.5} things", year)
    result = diff_claims(doc(*items), shifted(doc(*edited), 3))
    assert result.added == () and result.removed == ()
    assert [(c.old.value, c.new.value) for c in result.changed] == [(value, value + 0.5)]
    assert result.unchanged == size - 1
