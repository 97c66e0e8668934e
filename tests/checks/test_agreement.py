"""Agreement: restated facts agree; statuses superseded by reference data are outdated."""

from __future__ import annotations

from checks.build import Doc, corridor, entity
from pestle.checks import agreement
from pestle.model import Period

ENERGY = "Energy Transformation"
BASES = "New Energy Bases"


def _tianshan(first="10", second="10", linked=True):
    doc = Doc().heading(ENERGY)
    doc.say("supporting the northern Tianshan New Energy Base (with a total capacity of ")
    doc.figure(
        f"{first} million kilowatts",
        float(first) * 1e9,
        "W",
        "capacity",
        "northern Tianshan New Energy Base",
    )
    doc.say(").\n")
    doc.heading(BASES)
    doc.say("Northern Tianshan New Energy Base | ")
    doc.figure(
        f"{second} million kilowatts",
        float(second) * 1e9,
        "W",
        "capacity",
        "Northern Tianshan New Energy Base",
    )
    doc.say(" | Under construction | May 2023 |\n")
    entities = ()
    if linked:
        entities = (
            entity(
                "base_tianshan",
                "energy_base",
                "Northern Tianshan New Energy Base",
                {"capacity_w": float(first) * 1e9},
                (
                    (
                        BASES,
                        f"Northern Tianshan New Energy Base | {second} million kilowatts",
                        "capacity_w",
                    ),
                    (ENERGY, f"with a total capacity of {first} million kilowatts", "capacity_w"),
                ),
            ),
        )
    return doc.inputs(entities=entities)


def test_a_capacity_stated_in_two_sections_agrees():
    (f,) = agreement.check(_tianshan())
    assert (f.id, f.status) == ("agreement:base_tianshan.capacity_w", "pass")
    assert {e.section for e in f.evidence} == {ENERGY, BASES}


def test_a_capacity_stated_twice_differently_fails():
    (f,) = agreement.check(_tianshan("10", "12"))
    assert (f.status, f.severity) == ("fail", "error")
    assert "capacity is stated 2 times and disagrees (12 and 10 million kilowatts)" in f.message


def test_claims_alone_are_compared_when_no_entity_links_them():
    (f,) = agreement.check(_tianshan("10", "12", linked=False))
    assert f.status == "fail"
    assert f.id == "agreement:northern-tianshan-new-energy-base.capacity"


def test_claims_of_different_periods_are_not_compared():
    doc = Doc().heading(BASES)
    doc.figure("10 million kilowatts", 1e10, "W", "capacity", "A Base", Period.year(2023))
    doc.say(" and ")
    doc.figure("12 million kilowatts", 1.2e10, "W", "capacity", "A Base", Period.year(2024))
    assert agreement.check(doc.inputs()) == []


JAN_MAY_2025 = Period.months(2025, 1, 5)


def _corridor_doc(status, since, latest=JAN_MAY_2025):
    doc = Doc().heading(ENERGY)
    doc.say(f"including the {status} Hami-Chongqing project. Trade in the first five months: ")
    doc.figure("227.67", 227.67e8, "CNY", "total import and export value", "Xinjiang", latest)
    doc.say(".\n")
    hami = entity(
        "corridor_hami_chongqing",
        "uhv_corridor",
        "Hami - Chongqing UHV transmission project",
        {"status": status},
        ((ENERGY, f"the {status} Hami-Chongqing project", None),),
    )
    return doc.inputs(entities=(hami,), statuses=(corridor("Hami - Chongqing", since),))


def test_approved_but_in_operation_is_outdated_with_dates():
    (f,) = agreement.check(_corridor_doc("approved", "2025-06-10"))
    assert (f.id, f.status, f.severity) == (
        "agreement:corridor_hami_chongqing.status",
        "fail",
        "warning",
    )
    assert "in operation since 2025-06-10 (Test Grid Company)" in f.message
    assert "period ending 2025-05-31" in f.message and "after that" in f.message
    kinds = [e.kind for e in f.evidence]
    assert kinds == ["entity", "passage", "reference"]
    assert f.evidence[1].text == "the approved Hami-Chongqing project"


def test_outdated_when_written_if_operation_began_before_the_latest_figure():
    (f,) = agreement.check(_corridor_doc("approved", "2024-12-30"))
    assert f.status == "fail"
    assert "outdated when written" in f.message


def test_completed_agrees_with_in_operation():
    (f,) = agreement.check(_corridor_doc("completed", "2014-01"))
    assert (f.status, f.severity) == ("pass", "info")


def test_an_unknown_status_word_is_unknown():
    (f,) = agreement.check(_corridor_doc("mothballed", "2014-01"))
    assert f.status == "unknown"


def test_status_without_a_reference_is_not_a_check():
    doc = Doc().heading(ENERGY).say("a base under construction.\n")
    base = entity("base_x", "energy_base", "X base", {"status": "under_construction"})
    assert agreement.check(doc.inputs(entities=(base,))) == []


def test_an_undated_capacity_is_compared_with_a_dated_one():
    # a rated capacity is a stock: "10 million kW" (no date) and the table's (May 2023) agree
    doc = Doc().heading(BASES)
    doc.figure("10 million kilowatts", 1e10, "W", "capacity", "A Base")
    doc.say(" and later ")
    doc.figure("10 million kilowatts", 1e10, "W", "capacity", "a base", Period.months(2023, 5, 5))
    (f,) = agreement.check(doc.inputs())
    assert (f.id, f.status) == ("agreement:a-base.capacity-May2023", "pass")
