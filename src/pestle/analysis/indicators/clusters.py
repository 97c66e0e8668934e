"""Industrial clusters: the stated and listed count, and cluster value added against a
reference GDP of the same period (`pestle.analysis.indicators.gdp`)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from pestle.analysis.indicators.gdp import GdpShare, gdp_shares
from pestle.analysis.indicators.inputs import (
    CLUSTER_COUNT,
    Frozen,
    InputRef,
    attribute_input,
    indicator_entities,
    is_number,
    optional_number,
)
from pestle.errors import CaseError

if TYPE_CHECKING:
    from pestle.case import Case, CaseEntity


class ClusterIndicators(Frozen):
    names: tuple[str, ...]  # in the order the case gives (attribute `position`)
    listed_count: int
    stated_count: float | None
    gdp_shares: tuple[GdpShare, ...]
    evidence: tuple[InputRef, ...]  # of the stated count


def _position(entity: CaseEntity) -> tuple[float, str]:
    """Sort key of a cluster: its `position` (a number; clusters without one go last)."""
    if "position" not in entity.attributes:
        return (math.inf, entity.id)
    value = entity.attributes["position"]
    if not is_number(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
        raise CaseError(
            f"{entity.id}: position must be a number (the order of the clusters), got {value!r}",
            entity.file,
            entity.attribute_line("position"),
        )
    return (float(value), entity.id)  # type: ignore[arg-type]


def cluster_indicators(case: Case) -> ClusterIndicators:
    clusters = sorted(case.entities_of("industrial_cluster"), key=_position)
    count = next(
        (e for e in indicator_entities(case) if e.attributes.get("measure") == CLUSTER_COUNT), None
    )
    return ClusterIndicators(
        names=tuple(e.name for e in clusters),
        listed_count=len(clusters),
        stated_count=optional_number(count, "value") if count is not None else None,
        gdp_shares=gdp_shares(case),
        evidence=(attribute_input(case, count, "value"),) if count is not None else (),
    )
