"""Fixtures of the demand-model tests: the embedded case's parameters, scenarios and overlaps
(through the `Case` accessors) and a typed build-out."""

from __future__ import annotations

import pytest

import pestle
from pestle.analysis.demand import BuildOut, Corridor, Project
from pestle.case import Case
from pestle.model.parameter import ParameterSet


@pytest.fixture(scope="session")
def embedded() -> Case:
    return pestle.load_case()


@pytest.fixture(scope="session")
def parameters(embedded: Case) -> ParameterSet:
    """The case's parameters on the bases path (the typed build-out below is the bases
    table; the observed path has tests of its own)."""
    return embedded.parameters.with_values({"capacity_path": "bases"})


@pytest.fixture(scope="session")
def scenarios(embedded: Case):  # type: ignore[no-untyped-def]
    return embedded.scenarios


@pytest.fixture(scope="session")
def fixed(parameters: ParameterSet) -> ParameterSet:
    """Every numeric parameter fixed at its base value."""
    return parameters.with_values(
        {p.name: p.base for p in parameters.uncertain() if not p.categorical}
    )


@pytest.fixture(scope="session")
def build_out(embedded: Case) -> BuildOut:
    """The bases table of the source report and the corridors, as the case states them."""
    nested, groups = embedded.overlaps
    return BuildOut(
        projects=(
            Project(
                id="base_northern_tianshan",
                capacity_w=1e10,
                status="under_construction",
                node="2023-05",
            ),
            Project(id="base_southern_taklimakan", status="planned", node="2023-12"),
            Project(
                id="base_huadian_tianshan_gobi",
                capacity_w=6.1e9,
                status="under_construction",
                node="2024-02-26",
            ),
            Project(id="base_three_10gw_class", capacity_w=3e10, status="completed", node="2024"),
            Project(
                id="project_hydrogen_storage",
                kind="hydrogen_storage",
                status="under_construction",
                node="2024",
            ),
        ),
        corridors=(
            Corridor(id="corridor_hami_zhengzhou", capacity_w=8e9, in_operation="2014-01"),
            Corridor(id="corridor_zhundong_wannan", capacity_w=12e9, in_operation="2018-12-31"),
            Corridor(
                id="corridor_hami_chongqing",
                capacity_w=8e9,
                length_km=2275,
                in_operation="2025-06-10",
            ),
        ),
        nested=nested,
        overlap_groups=groups,
        reference_additions=embedded.reference_additions.additions,
    )


@pytest.fixture()
def one_base() -> BuildOut:
    """One 1 GW base under construction from mid-2025: easy arithmetic."""
    return BuildOut(
        projects=(Project(id="base_a", capacity_w=1e9, status="under_construction", node="2025"),)
    )
