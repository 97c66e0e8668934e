"""Typed summaries the orchestrator derives from the demand model's runs (no new numbers:
each is a selection of statistics the model computed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pestle.analysis.demand import ScenarioResult

HEADLINE = "p50"  # the headline statistic everywhere: the median, with p5-p95 around it
STATS = ("p5", "p50", "p95", "mean")


@dataclass(frozen=True)
class Spread:
    """One output of the demand model: its median with p5-p95, and its mean."""

    p5: float
    p50: float
    p95: float
    mean: float

    @property
    def headline(self) -> float:
        return self.p50

    def to_dict(self) -> dict[str, float]:
        return {"p5": self.p5, "p50": self.p50, "p95": self.p95, "mean": self.mean}


@dataclass(frozen=True)
class SegmentDemand:
    """Demand of one segment (or "total") under one scenario: by year and over the horizon."""

    segment: str
    cumulative: Spread
    yearly: tuple[Spread, ...]  # one per year of the scenario's `years`

    def to_dict(self, years: tuple[int, ...]) -> dict[str, Any]:
        return {
            "cumulative": self.cumulative.to_dict(),
            "yearly": {str(year): s.to_dict() for year, s in zip(years, self.yearly, strict=True)},
        }


@dataclass(frozen=True)
class ScenarioSummary:
    """One scenario of the demand model, summarised: tonnes by segment and year."""

    name: str
    description: str
    years: tuple[int, ...]
    segments: tuple[SegmentDemand, ...]  # by segment, then "total"
    waste: Spread | None  # cumulative end-of-life blade waste over `waste_years`
    waste_years: tuple[int, ...]
    regional: tuple[Spread, ...] = ()  # wind blades the region's plants can make, per year
    regional_total: Spread | None = None  # ... over the horizon

    def __repr__(self) -> str:
        span = f"{self.years[0]}-{self.years[-1]}" if self.years else "no years"
        try:
            c = self.total.cumulative
            total = f", total p50={c.p50:,.0f} t (p5-p95 {c.p5:,.0f}-{c.p95:,.0f})"
        except KeyError:
            total = ""
        return f"ScenarioSummary(name={self.name!r}, years={span}{total})"

    def _repr_html_(self) -> str:
        """Jupyter's display: tonnes by segment, cumulative and by year."""
        from pestle.results.notebook import demand_html

        return demand_html(self)

    def segment(self, name: str) -> SegmentDemand:
        for s in self.segments:
            if s.segment == name:
                return s
        raise KeyError(name)

    @property
    def total(self) -> SegmentDemand:
        return self.segment("total")

    def tonnes(self) -> dict[str, float]:
        """Headline (median) cumulative tonnes by segment, without the total."""
        return {s.segment: s.cumulative.headline for s in self.segments if s.segment != "total"}

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "unit": "t",
            "years": list(self.years),
            "segments": {s.segment: s.to_dict(self.years) for s in self.segments},
            "waste": self.waste.to_dict() if self.waste is not None else None,
            "waste_years": list(self.waste_years),
            "regional_production": {
                "segment": "wind_blades",
                "yearly": {
                    str(year): s.to_dict()
                    for year, s in zip(self.years, self.regional, strict=True)
                },
                "cumulative": self.regional_total.to_dict() if self.regional_total else None,
            }
            if self.regional
            else None,
        }


def summarise(run: ScenarioResult) -> ScenarioSummary:
    """The statistics of one scenario run, by segment and year."""
    d = run.demand

    def spread(measure: str, segment: str, year: int | None = None) -> Spread:
        s = d.get(measure, segment, year)
        return Spread(p5=s["p5"], p50=s["p50"], p95=s["p95"], mean=s["mean"])

    segments = tuple(
        SegmentDemand(
            segment=seg,
            cumulative=spread("cumulative_demand_t", seg),
            yearly=tuple(spread("demand_t", seg, y) for y in d.years),
        )
        for seg in (*d.segments, "total")
    )
    try:
        waste: Spread | None = spread("cumulative_eol_blade_waste_t", "wind_blades")
    except KeyError:
        waste = None
    try:
        regional = tuple(spread("regional_production_t", "wind_blades", y) for y in d.years)
        regional_total: Spread | None = spread("cumulative_regional_production_t", "wind_blades")
    except KeyError:
        regional, regional_total = (), None
    return ScenarioSummary(
        name=run.name,
        description=run.description,
        years=tuple(d.years),
        segments=segments,
        waste=waste,
        waste_years=tuple(d.waste_years),
        regional=regional,
        regional_total=regional_total,
    )
