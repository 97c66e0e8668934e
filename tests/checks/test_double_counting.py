"""Double counting: capacities that may contain one another are flagged, with the totals."""

from __future__ import annotations

import pytest

from checks.build import Doc, entity
from pestle.checks import double_counting

REGION = "Xinjiang Uygur Autonomous Region, China"


def _bases(*extra):
    items = (
        entity("base_nt", "energy_base", "Northern Tianshan New Energy Base", {"capacity_w": 1e10}),
        entity(
            "base_huadian",
            "energy_base",
            "Huadian Northern Tianshan Gobi Base",
            {"capacity_w": 6.1e9},
        ),
        *extra,
    )
    return Doc().inputs(entities=items)


GROUP = entity(
    "base_three",
    "energy_base",
    "Three 10-million-kilowatt-class new energy bases",
    {"count": 3, "capacity_each_w": 1e10},
)


def test_nested_names_and_an_unnamed_group_are_flagged_with_every_aggregation():
    (f,) = double_counting.check(_bases(GROUP))
    assert (f.id, f.status, f.severity) == ("double_counting:energy_base", "fail", "warning")
    assert "'Huadian Northern Tianshan Gobi Base' (6.1 million kilowatts) lies within " in f.message
    assert "may include 'Northern Tianshan New Energy Base'" in f.message
    # 10 + 6.1 + 3×10 = 46.1; without the nested Huadian base 40; if Northern Tianshan is
    # one of the three (and Huadian within it) 30 million kilowatts
    assert f.actual.value == pytest.approx(46.1)
    assert f.expected.value == pytest.approx(30)
    assert f.readings == (
        "add everything: 46.1 million kilowatts (counts overlaps twice)",
        "leave out the nested bases: 40 million kilowatts",
        "assume every possible overlap is real: 30 million kilowatts",
    )


def test_a_smaller_base_is_not_a_member_of_a_larger_class():
    small = entity("base_small", "energy_base", "Hami Wind Base", {"capacity_w": 2e9})
    (f,) = double_counting.check(Doc().inputs(entities=(small, GROUP)))
    assert f.status == "pass"


def test_disjoint_names_pass():
    a = entity("a", "energy_base", "Hami Wind Base", {"capacity_w": 2e9})
    b = entity("b", "energy_base", "Turpan Solar Base", {"capacity_w": 3e9})
    (f,) = double_counting.check(Doc().inputs(entities=(a, b)))
    assert (f.status, f.actual.value) == ("pass", pytest.approx(5))


def test_directions_alone_do_not_nest():
    a = entity("a", "energy_base", "Southern Base", {"capacity_w": 2e9})
    b = entity("b", "energy_base", "Southern Hami Base", {"capacity_w": 3e9})
    (f,) = double_counting.check(Doc().inputs(entities=(a, b)))
    assert f.status == "pass"


def test_location_attribute_nests():
    a = entity("a", "energy_base", "Alpha Park", {"capacity_w": 2e9, "location": "b"})
    b = entity("b", "energy_base", "Beta Base", {"capacity_w": 9e9})
    (f,) = double_counting.check(Doc().inputs(entities=(a, b)))
    assert f.status == "fail"
    assert f.readings[1] == "leave out the nested bases: 9 million kilowatts"


def test_core_words():
    assert double_counting.core("Huadian Northern Tianshan Gobi Base", REGION) == {
        "huadian",
        "northern",
        "tianshan",
        "gobi",
    }
    assert double_counting.core("Southern Taklimakan Desert Base in South Xinjiang", REGION) == {
        "southern",
        "taklimakan",
        "south",
    }


def test_one_entity_is_not_a_list():
    assert double_counting.check(Doc().inputs(entities=(GROUP,))) == []
