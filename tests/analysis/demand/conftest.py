"""Fixtures of the demand-model tests: the case's parameter files and a typed build-out."""

from __future__ import annotations

from pathlib import Path

import pytest

from pestle.analysis.demand import (
    BuildOut,
    Corridor,
    Project,
    load_overlaps,
    load_reference_additions,
)
from pestle.model.parameter import ParameterSet, load_parameters, load_scenarios

CASE = Path(__file__).resolve().parents[3] / "src" / "pestle" / "cases" / "xinjiang_composites"
PARAMETERS = CASE / "parameters.yaml"
SCENARIOS = CASE / "scenarios.yaml"
REFERENCE = CASE / "sources" / "xinjiang_reference.yaml"


@pytest.fixture(scope="session")
def parameters() -> ParameterSet:
    return load_parameters(PARAMETERS)


@pytest.fixture(scope="session")
def scenarios(parameters: ParameterSet):  # type: ignore[no-untyped-def]
    return load_scenarios(SCENARIOS, parameters)


@pytest.fixture(scope="session")
def fixed(parameters: ParameterSet) -> ParameterSet:
    """Every numeric parameter fixed at its base value."""
    return parameters.with_values(
        {p.name: p.base for p in parameters.uncertain() if not p.categorical}
    )


@pytest.fixture(scope="session")
def build_out() -> BuildOut:
    """The bases table of the source report and the corridors, as the case states them."""
    nested, groups = load_overlaps(PARAMETERS)
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
            Corridor(id="corridor_hami_chongqing", capacity_w=8e9, in_operation="2025-06-10"),
        ),
        nested=nested,
        overlap_groups=groups,
        reference_additions=load_reference_additions(REFERENCE),
    )


@pytest.fixture()
def one_base() -> BuildOut:
    """One 1 GW base under construction from mid-2025: easy arithmetic."""
    return BuildOut(
        projects=(Project(id="base_a", capacity_w=1e9, status="under_construction", node="2025"),)
    )
