"""Opening-platform inventory: counts by kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pestle.analysis.indicators.inputs import Frozen, InputRef, attribute_input, is_number
from pestle.model.text import Text

if TYPE_CHECKING:
    from pestle.case import Case


class PlatformRow(Frozen):
    entity: str
    name: Text  # the case's text: a report shows it in the reader's language
    count: float
    evidence: tuple[InputRef, ...]


class PlatformInventory(Frozen):
    platforms: tuple[PlatformRow, ...]
    kinds: int
    total: float  # platforms of all kinds together (zones, warehouses: different things)


def platform_inventory(case: Case) -> PlatformInventory:
    rows = tuple(
        PlatformRow(
            entity=e.id,
            name=e.name,
            count=float(e.attributes["count"]),  # type: ignore[arg-type]
            evidence=(attribute_input(case, e, "count"),),
        )
        for e in case.entities_of("platform_type")
        if is_number(e.attributes.get("count"))
    )
    return PlatformInventory(platforms=rows, kinds=len(rows), total=sum(r.count for r in rows))
