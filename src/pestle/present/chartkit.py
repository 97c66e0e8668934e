"""Generic Vega-Lite chart builders (Altair) shared by the report and the dashboard.

Each builder takes tidy records (already in display units) and returns a plain Vega-Lite
dict with a title, axis titles with units and a source note (subtitle), fonts and sizes set
for print. The records go into the spec once, as a named data set (Altair would copy inline
values on every change). `charts.py` builds the specs of the analysis results from these.
"""

from __future__ import annotations

import functools
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

import altair as alt

from pestle.present import fonts, i18n
from pestle.present.i18n import gettext as _

Records = Sequence[dict[str, Any]]

# The font shipped with pestle (`present/fonts`): vl-convert measures the static charts with
# it and the PDF prints them in it, so that labels fit their box.
FONT = f"{fonts.FAMILY}, sans-serif"
# Chinese charts: a font with CJK glyphs first (Debian's fonts-wqy-microhei or
# fonts-noto-cjk), so that vl-convert measures and the PDF draws the same glyphs
FONT_CJK = f"WenQuanYi Micro Hei, Noto Sans CJK SC, {fonts.FAMILY}, sans-serif"
WIDTH = 560
# A chart of one panel is laid out to this whole width, labels and legend included, so
# that it fills the print column (A4 less margins: 176 mm = 665 CSS px) at its own scale;
# a page on screen widens it to its box ("container" in embed.js).
FIT_WIDTH = 660
INK = "#1d2430"
MUTED = "#5b6573"
ACCENT = "#1f5f8b"
PALETTE = ["#1f5f8b", "#e08a2c", "#3d8b5a", "#8a5aa8", "#b8403a", "#6a7a8a", "#c9a227"]
STATUS_COLORS = {
    "fail": "#a1261b",
    "ambiguous": "#7a5aa8",
    "unknown": "#c08a1e",
    "pass": "#3d8b5a",
}

alt.data_transformers.disable_max_rows()


def _config(chart: alt.TopLevelMixin, font: str = FONT) -> alt.TopLevelMixin:
    return (
        chart.configure(font=font, background="white", padding=8)
        .configure_title(
            fontSize=14,
            subtitleFontSize=10.5,
            subtitleColor=MUTED,
            anchor="start",
            color=INK,
            offset=10,
        )
        .configure_axis(
            labelFontSize=11,
            titleFontSize=11,
            titleColor=INK,
            labelColor=INK,
            gridColor="#e6e9ee",
            domainColor="#9aa5b1",
            tickColor="#9aa5b1",
            labelLimit=260,
        )
        # one entry a row: a bottom legend starts where the plot starts, after the axis
        # labels, and a row of entries ran past the chart's right edge
        .configure_legend(
            labelFontSize=11, titleFontSize=11, orient="bottom", labelLimit=300, columns=1
        )
        .configure_header(labelFontSize=11, titleFontSize=11, labelColor=INK)
        .configure_view(stroke=None)
    )


@lru_cache(maxsize=len(i18n.LANGUAGES))
def _config_json(lang: str = i18n.SOURCE) -> str:
    """The charts' shared configuration, made once per language (Altair copies a whole
    chart per call); languages written in CJK characters get a CJK font first."""
    font = FONT if lang == i18n.SOURCE else FONT_CJK
    return json.dumps(_config(alt.Chart(), font).to_dict(validate=False)["config"])


def _title(title: str, source: str) -> alt.TitleParams:
    subtitle = [_("Source: {source}").format(source=source)] if source else []
    return alt.TitleParams(text=title, subtitle=subtitle)


DATA = "table"


def _data() -> alt.Data:
    """A named data set: Altair copies inline values on every change, so the records are put
    into the finished spec's ``datasets`` once, at the end."""
    return alt.Data(name=DATA)


def _finish(
    chart: alt.TopLevelMixin, title: str, source: str, description: str, records: Records
) -> dict:
    out = chart.properties(title=_title(title, source), description=description or title).to_dict(
        validate=False
    )
    out["config"] = json.loads(_config_json(i18n.current()))
    if "width" in out:  # one panel (Vega-Lite cannot fit a faceted chart to a width)
        out["width"] = FIT_WIDTH
        out["autosize"] = {"type": "fit-x", "contains": "padding"}
    out["datasets"] = _datasets(records)
    return out


def _datasets(records: Records) -> dict[str, list[dict[str, Any]]]:
    return {DATA: [dict(r) for r in records]}


def _palette(field: str, domain: Sequence[str]) -> alt.Color:
    """Colour by a nominal field, the palette's colours in the order of `domain`."""
    return alt.Color(
        f"{field}:N", title=None, scale=alt.Scale(domain=domain, range=PALETTE[: len(domain)])
    )


def _x_of(records: Records, field: str) -> list[Any]:
    values = list(dict.fromkeys(r[field] for r in records))
    if any(isinstance(v, float) for v in values):
        _reading.floats = True  # this spec depends on the records' measures: see `_memoised`
    return values


Builder = TypeVar("Builder", bound=Callable[..., dict])
MEMO_SIZE = 256  # chart specs kept, least recently used dropped first
_memo: OrderedDict[str, str] = OrderedDict()
_memo_lock = threading.Lock()  # the dashboard builds charts on several threads
_reading = threading.local()  # whether the builder running on this thread read a measure
FLOAT = "<float>"  # what a measure is in a spec's key (`_shape`)


def _shape(records: Records) -> list[dict[str, Any]]:
    """The records as a builder may read them: names, categories, years and counts, with
    each measure (a float) replaced by a marker."""
    return [{k: FLOAT if isinstance(v, float) else v for k, v in r.items()} for r in records]


def _memoised(build: Builder) -> Builder:
    """The builder with its specs kept by content. A builder draws its structure (axes,
    domains, sizes, sort orders) from its options and the records' categories only; the
    measures go into the spec's data set alone, which `_finish` fills. So a spec is kept by
    the records' shape (`_shape`) and options in the language, and a rebuild after one
    parameter change, whose charts have new measures and the same categories, builds no
    chart with Altair (which took about 0.25 s of a rebuild's view model, 0.1 s for one
    chart). A builder that reads a measure (a float in `_x_of`) has its spec kept by the
    whole records instead. Each call returns a fresh dict, its data the records given."""

    @functools.wraps(build)
    def memoised(records: Records, *args: Any, **options: Any) -> dict:
        try:
            head = [build.__name__, i18n.current(), args, options]
            shape_key = json.dumps([*head, _shape(records)], sort_keys=True, allow_nan=True)
            full_key = json.dumps([*head, records], sort_keys=True, allow_nan=True)
        except TypeError:  # an option that is not plain data: built every time
            return build(records, *args, **options)
        with _memo_lock:
            key = shape_key if shape_key in _memo else full_key
            found = _memo.get(key)
            if found is not None:
                _memo.move_to_end(key)
        if found is None:
            _reading.floats = False
            spec = build(records, *args, **options)
            key = full_key if _reading.floats else shape_key
            found = json.dumps({k: v for k, v in spec.items() if k != "datasets"}, allow_nan=True)
            with _memo_lock:
                _memo[key] = found
                if len(_memo) > MEMO_SIZE:
                    _memo.popitem(last=False)
        out = json.loads(found)
        out["datasets"] = _datasets(records)
        return out

    return memoised  # type: ignore[return-value]


# -- bars ---------------------------------------------------------------------------------
@_memoised
def bars(
    records: Records,
    *,
    category: str,
    value: str,
    value_title: str,
    title: str,
    source: str,
    label: str | None = None,
    color: str | None = None,
    color_title: str | None = None,
    colors: dict[str, str] | None = None,
    legend: bool = True,
    description: str = "",
    height_per_bar: int = 28,
) -> dict:
    """Horizontal bars, one per category, in the records' order, with value labels."""
    order = _x_of(records, category)
    data = _data()
    base = alt.Chart(data).encode(
        y=alt.Y(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelLimit=300)),
        x=alt.X(f"{value}:Q", title=value_title),
        tooltip=[
            alt.Tooltip(f"{k}:N" if isinstance(v, str) else f"{k}:Q") for k, v in records[0].items()
        ]
        if records
        else [],
    )
    if color:
        domain = _x_of(records, color)
        palette = [colors.get(d, INK) for d in domain] if colors else PALETTE[: len(domain)]
        mark = base.mark_bar(height={"band": 0.7}).encode(
            color=alt.Color(
                f"{color}:N",
                title=color_title,
                scale=alt.Scale(domain=domain, range=palette or PALETTE),
                legend=alt.Legend() if legend else None,
            )
        )
    else:
        mark = base.mark_bar(color=ACCENT, height={"band": 0.7})
    layers = [mark]
    if label:
        layers.append(
            base.mark_text(align="left", dx=4, fontSize=11, color=INK).encode(text=f"{label}:N")
        )
    chart = alt.layer(*layers).properties(
        width=WIDTH - 200, height=max(60, height_per_bar * len(order))
    )
    return _finish(chart, title, source, description, records)


@_memoised
def grouped_bars(
    records: Records,
    *,
    facet: str,
    category: str,
    value: str,
    value_title: str,
    title: str,
    source: str,
    label: str | None = None,
    description: str = "",
) -> dict:
    """One small bar chart per facet (e.g. per trade dimension), never summed across facets."""
    data = _data()
    order = _x_of(records, category)
    base = alt.Chart().encode(
        y=alt.Y(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X(f"{value}:Q", title=value_title),
    )
    layers = [base.mark_bar(color=ACCENT, height={"band": 0.7})]
    if label:
        layers.append(
            base.mark_text(align="left", dx=4, fontSize=11, color=INK).encode(text=f"{label}:N")
        )
    chart = (
        alt.layer(*layers, data=data)
        .properties(width=WIDTH - 260, height=alt.Step(26))
        .facet(
            row=alt.Row(
                f"{facet}:N",
                title=None,
                header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold"),
            )
        )
        .resolve_scale(y="independent")
    )
    return _finish(chart, title, source, description, records)


@_memoised
def stacked_bars(
    records: Records,
    *,
    category: str,
    value: str,
    part: str,
    value_title: str,
    title: str,
    source: str,
    parts_order: Sequence[str] | None = None,
    description: str = "",
) -> dict:
    """Horizontal stacked bars (e.g. direct vs indirect effect by sector)."""
    order = _x_of(records, category)
    domain = list(parts_order or _x_of(records, part))
    chart = (
        alt.Chart(_data())
        .mark_bar(height={"band": 0.7})
        .encode(
            y=alt.Y(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelLimit=300)),
            x=alt.X(f"{value}:Q", title=value_title, stack="zero"),
            color=_palette(part, domain),
            order=alt.Order("order:Q"),
            tooltip=[f"{category}:N", f"{part}:N", alt.Tooltip(f"{value}:Q", format=",.3~f")],
        )
        .properties(width=WIDTH - 200, height=max(60, 24 * len(order)))
    )
    return _finish(chart, title, source, description, records)


# -- lines and bands ----------------------------------------------------------------------
@_memoised
def lines(
    records: Records,
    *,
    x: str,
    y: str,
    series: str,
    x_title: str,
    y_title: str,
    title: str,
    source: str,
    x_type: str = "T",
    description: str = "",
) -> dict:
    """Lines with points, one per series (e.g. capacity over time by technology)."""
    domain = _x_of(records, series)
    chart = (
        alt.Chart(_data())
        .mark_line(point=alt.OverlayMarkDef(size=50))
        .encode(
            x=alt.X(f"{x}:{x_type}", title=x_title),
            y=alt.Y(f"{y}:Q", title=y_title),
            color=_palette(series, domain),
            tooltip=[f"{series}:N", f"{x}:{x_type}", alt.Tooltip(f"{y}:Q", format=",.3~f")],
        )
        .properties(width=WIDTH, height=260)
    )
    return _finish(chart, title, source, description, records)


@_memoised
def fan(
    records: Records,
    *,
    x: str,
    low: str,
    mid: str,
    high: str,
    facet: str,
    y_title: str,
    title: str,
    source: str,
    band_label: str,
    description: str = "",
    columns: int = 2,
    independent_x: bool = False,
) -> dict:
    """Fan chart: a band from `low` to `high` and a line at `mid`, one panel per `facet`
    (`independent_x`: each panel shows only its own x values, e.g. one swept parameter each)."""
    data = _data()
    # many years on one axis: every other label is left out rather than drawn over another
    axis = alt.Axis(labelAngle=0, labelOverlap="parity")
    base = alt.Chart().encode(x=alt.X(f"{x}:O", title=None, axis=axis))
    columns = max(1, min(columns, len(_x_of(records, facet))))
    band = base.mark_area(opacity=0.28, color=ACCENT).encode(
        y=alt.Y(f"{low}:Q", title=y_title), y2=alt.Y2(f"{high}:Q")
    )
    line = base.mark_line(point=True, color=ACCENT).encode(
        y=alt.Y(f"{mid}:Q", title=y_title),
        tooltip=[
            f"{facet}:N",
            f"{x}:O",
            alt.Tooltip(
                f"{low}:Q", format=",.4~r", title=_("low ({band})").format(band=band_label)
            ),
            alt.Tooltip(f"{mid}:Q", format=",.4~r", title=_("median")),
            alt.Tooltip(
                f"{high}:Q", format=",.4~r", title=_("high ({band})").format(band=band_label)
            ),
        ],
    )
    chart = (
        alt.layer(band, line, data=data)
        # the panels fill the chart's width (about 90 px of each is its y axis)
        .properties(width=(FIT_WIDTH - 90 * columns) // columns, height=170)
        .facet(
            facet=alt.Facet(f"{facet}:N", title=None, sort=_x_of(records, facet)), columns=columns
        )
        .resolve_scale(y="independent", **({"x": "independent"} if independent_x else {}))
    )
    return _finish(chart, title, source, description, records)


@_memoised
def intervals(
    records: Records,
    *,
    category: str,
    low: str,
    mid: str,
    high: str,
    color: str,
    value_title: str,
    title: str,
    source: str,
    description: str = "",
) -> dict:
    """Point (median) with an interval (p5–p95) per category, colour by group (scenario)."""
    domain = _x_of(records, color)
    base = alt.Chart(_data()).encode(
        y=alt.Y(f"{category}:N", sort=_x_of(records, category), title=None),
        yOffset=alt.YOffset(f"{color}:N", sort=domain),
        color=_palette(color, domain),
    )
    rule = base.mark_rule(strokeWidth=2).encode(
        x=alt.X(f"{low}:Q", title=value_title), x2=f"{high}:Q"
    )
    point = base.mark_point(filled=True, size=60).encode(
        x=f"{mid}:Q",
        tooltip=[f"{category}:N", f"{color}:N", f"{low}:Q", f"{mid}:Q", f"{high}:Q"],
    )
    n = len(_x_of(records, category))
    chart = alt.layer(rule, point).properties(
        width=WIDTH - 200, height=max(80, 22 * n * max(1, len(domain)))
    )
    return _finish(chart, title, source, description, records)


# -- scatter ------------------------------------------------------------------------------
@_memoised
def cause_effect(
    records: Records,
    *,
    x: str,
    y: str,
    label: str,
    group: str,
    x_title: str,
    y_title: str,
    title: str,
    source: str,
    description: str = "",
    name: str | None = None,
) -> dict:
    """DEMATEL cause–effect diagram: prominence (D+R) against relation (D−R), labelled."""
    domain = _x_of(records, group)
    base = alt.Chart(_data()).encode(
        x=alt.X(f"{x}:Q", title=x_title, scale=alt.Scale(zero=False, nice=True)),
        y=alt.Y(f"{y}:Q", title=y_title),
    )
    points = base.mark_point(filled=True, size=80).encode(
        color=_palette(group, domain),
        tooltip=[
            f"{label}:N",
            *([f"{name}:N"] if name else []),
            f"{group}:N",
            alt.Tooltip(f"{x}:Q", format=".3f"),
            alt.Tooltip(f"{y}:Q", format=".3f"),
        ],
    )
    labels = base.mark_text(align="left", dx=7, dy=-5, fontSize=11, color=INK).encode(
        text=f"{label}:N"
    )
    zero = (
        alt.Chart(alt.Data(values=[{"zero": 0}]))
        .mark_rule(color=MUTED, strokeDash=[4, 3])
        .encode(y="zero:Q")
    )
    chart = alt.layer(zero, points, labels).properties(width=WIDTH - 40, height=340)
    return _finish(chart, title, source, description, records)


@_memoised
def grouped_index_bars(
    records: Records,
    *,
    category: str,
    value: str,
    group: str,
    value_title: str,
    title: str,
    source: str,
    description: str = "",
) -> dict:
    """Horizontal bars, one per (category, group), grouped by category (Sobol' S1 and ST)."""
    domain = _x_of(records, group)
    order = _x_of(records, category)
    chart = (
        alt.Chart(_data())
        .mark_bar(height={"band": 0.8})
        .encode(
            y=alt.Y(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelLimit=300)),
            yOffset=alt.YOffset(f"{group}:N", sort=domain),
            x=alt.X(f"{value}:Q", title=value_title),
            color=_palette(group, domain),
            tooltip=[f"{category}:N", f"{group}:N", alt.Tooltip(f"{value}:Q", format=".3f")],
        )
        .properties(width=WIDTH - 200, height=alt.Step(11))
    )
    return _finish(chart, title, source, description, records)


@_memoised
def heatmap(
    records: Records,
    *,
    x: str,
    y: str,
    color: str,
    color_order: Sequence[str],
    x_title: str,
    y_title: str,
    title: str,
    source: str,
    description: str = "",
) -> dict:
    """A grid of categorical cells (e.g. instrument x target coloured by coverage)."""
    colors = ["#1f5f8b", "#8fb3cf", "#e0a458", "#eef1f4"]
    chart = (
        alt.Chart(_data())
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=alt.X(f"{x}:N", title=x_title, sort=_x_of(records, x), axis=alt.Axis(labelAngle=-30)),
            y=alt.Y(f"{y}:N", title=y_title, sort=_x_of(records, y)),
            color=alt.Color(
                f"{color}:N",
                title=None,
                scale=alt.Scale(domain=list(color_order), range=colors[: len(color_order)]),
            ),
            tooltip=[f"{y}:N", f"{x}:N", f"{color}:N"],
        )
        .properties(width=WIDTH - 160, height=150)
    )
    return _finish(chart, title, source, description, records)
