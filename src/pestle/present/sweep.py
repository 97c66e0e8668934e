"""The chart of a parameter sweep: cumulative demand against each swept parameter."""

from __future__ import annotations

from typing import Any

from pestle.present import chartkit as kit
from pestle.present import format as fmt
from pestle.present.i18n import gettext as _


def sweep_headline(sweep: Any) -> dict:
    """Main effects of a `SweepResult`: for each swept parameter (and scenario), the median
    and p5–p95 of cumulative demand at each of its values, in kt (万吨 in Chinese, as every
    demand chart: `format.in_unit`) (`SweepResult.headline`)."""
    records = [
        {
            "panel": f"{row['parameter']} · {row['scenario']}",
            "value": row["value"],
            **{k: fmt.in_unit(row[k], "kt") for k in ("p5", "p50", "p95")},
        }
        for row in sweep.headline().to_dict(orient="records")
    ]
    first, last = min(sweep.seeds), max(sweep.seeds)
    seeds = (
        _("seed {first}").format(first=first)
        if first == last
        else _("seeds {first}–{last}").format(first=first, last=last)
    )
    return kit.fan(
        records,
        x="value",
        low="p5",
        mid="p50",
        high="p95",
        facet="panel",
        y_title=_("Cumulative composites (kt)"),
        title=_("Cumulative composite demand against each swept parameter (median, p5–p95)"),
        source=_(
            "pestle demand model, {samples} samples a point, {seeds}; each value averaged "
            "over the other swept parameters' values"
        ).format(samples=f"{sweep.samples:,}", seeds=seeds),
        band_label="p5–p95",
        description="Main effects of the swept parameters on cumulative demand",
        independent_x=True,
    )
