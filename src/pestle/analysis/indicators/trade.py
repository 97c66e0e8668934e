"""Trade structure by dimension (trade mode, product category, zone channel): shares are
comparable only within one dimension and are never summed across dimensions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pestle.analysis.indicators.inputs import Frozen, InputRef, attribute_input, optional_number
from pestle.errors import CaseError
from pestle.model.text import Text

if TYPE_CHECKING:
    import pandas as pd

    from pestle.case import Case, CaseEntity


class TradeCategory(Frozen):
    entity: str
    name: Text  # the case's text: a report shows it in the reader's language
    share_pct: float | None
    growth_pct: float | None
    evidence: tuple[InputRef, ...]


class TradeDimension(Frozen):
    """Categories of one dimension; their shares are comparable with each other only."""

    dimension: str
    categories: tuple[TradeCategory, ...]
    stated_share_pct: float  # sum of the stated shares of this dimension
    unstated_share_pct: float  # 100 - stated: categories the report does not name


class TradeStructure(Frozen):
    dimensions: tuple[TradeDimension, ...]
    note: str = (
        "Shares are comparable only within one dimension (trade mode, product category, zone "
        "channel); they are never added across dimensions. The report states no period for "
        "the structure table."
    )

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {"dimension": d.dimension, **c.model_dump(exclude={"evidence"})}
            for d in self.dimensions
            for c in d.categories
        ]
        return pd.DataFrame(
            rows, columns=["dimension", "entity", "name", "share_pct", "growth_pct"]
        )


def trade_structure(case: Case) -> TradeStructure:
    """Trade categories grouped by their `dimension`, in the order the case lists them."""
    groups: dict[str, list[CaseEntity]] = {}
    for e in case.entities_of("trade_category"):
        dimension = e.attributes.get("dimension")
        if not isinstance(dimension, str) or not dimension:
            raise CaseError(
                f"trade category {e.id} has no dimension (trade_mode, product_category, "
                "zone_channel, ...); shares are comparable only within one dimension",
                e.file,
                e.line,
            )
        groups.setdefault(dimension, []).append(e)
    dims = []
    for dimension, members in groups.items():
        categories = tuple(
            TradeCategory(
                entity=e.id,
                name=e.name,
                share_pct=optional_number(e, "share_pct"),
                growth_pct=optional_number(e, "growth_pct"),
                evidence=tuple(
                    attribute_input(case, e, a)
                    for a in ("share_pct", "growth_pct")
                    if a in e.attributes
                ),
            )
            for e in members
        )
        stated = sum(c.share_pct or 0.0 for c in categories)
        if stated > 100 + 1e-9:
            first = members[0]
            raise CaseError(
                f"trade categories of dimension {dimension!r} have shares summing to "
                f"{stated:g} % (> 100); a dimension's shares are parts of one whole",
                first.file,
                first.line,
            )
        dims.append(
            TradeDimension(
                dimension=dimension,
                categories=categories,
                stated_share_pct=stated,
                unstated_share_pct=100 - stated,
            )
        )
    return TradeStructure(dimensions=tuple(dims))
