"""Tables of a JSON document, for a workbook: one `Sheet` per table, numbers kept as numbers.

Every sheet is cut from one JSON document that a surface already prints (the results'
`to_dict`, the check report's, the claims of a document, a stored revision) or from a chart's
data: it copies values, it never computes one. Each sheet names where in the document its
rows come from (`origin`, a dotted path), so a reader — and the tests — can find every number
of the sheet in that document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Cell = str | int | float | bool | None

# the unit of a column from the name's conventions of pestle's JSON (`growth_pct`, ...)
_SUFFIX_UNITS = (
    ("_pct", "%"),
    ("_pp", "pp"),
    ("_t", "t"),
    ("_cny", "CNY"),
    ("_w", "W"),
)
_NAME_UNITS = {
    "weight": "share",
    "global_weight": "share",
    "local_weight": "share",
    "group_weight": "share",
    "keep_share": "share",
    "closeness": "index",
    "cr": "ratio",
    "ci": "ratio",
    "lambda_max": "eigenvalue",
    "d": "index",
    "r": "index",
    "d_plus_r": "index",
    "d_minus_r": "index",
    "d_direct": "index",
    "d_indirect": "index",
    "weighted_score": "score",
    "rating": "score 1-4",
    "count": "count",
    "permissions": "count",
    "rank": "rank",
    "year": "year",
}
# value columns whose unit is the record's own `unit` field
_VALUE_COLUMNS = {"value", "base", "change", "total", "stated_total", "reference_gdp", "observed"}
_SKIP = {"evidence", "members", "completed", "rank_share"}  # nested detail, not table cells


@dataclass(frozen=True)
class Sheet:
    """One table: its columns with their units, its rows, and where its numbers come from."""

    name: str  # the sheet's tab (at most 31 characters, unique in a workbook)
    title: str
    origin: str  # dotted path of the rows in the document ("ahp.rows"), or "chart:<id>"
    columns: tuple[str, ...]
    units: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    source: str  # what the numbers are and where they were computed or read
    notes: tuple[str, ...] = field(default_factory=tuple)


def flatten(record: Mapping[str, Any], prefix: str = "") -> dict[str, Cell]:
    """A record's scalar fields, nested mappings as ``a.b`` columns, lists of scalars joined;
    nested lists of records (evidence, members) are left out (see `source_of`)."""
    out: dict[str, Cell] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if key in _SKIP:
            continue
        if isinstance(value, Mapping):
            out.update(flatten(value, f"{name}."))
        elif isinstance(value, list | tuple):
            if all(not isinstance(v, Mapping | list | tuple) for v in value):
                out[name] = "; ".join(str(v) for v in value)
            elif all(isinstance(v, list | tuple) for v in value):  # pairs: overrides, ...
                out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def source_of(record: Mapping[str, Any], default: str) -> str:
    """Where a record's figures come from: its evidence (document and section with the
    quoted words, or a reference and its source), else the sheet's `default`."""
    items = record.get("evidence")
    if not isinstance(items, list) or not items:
        return default
    parts = []
    for e in items:
        if not isinstance(e, Mapping):
            continue
        origin = e.get("document") or e.get("reference") or e.get("file") or ""
        where = f", {e['section']}" if e.get("section") else ""
        quote = e.get("quote") or e.get("text") or e.get("claim")
        said = f": “{quote}”" if quote else ""
        extra = f" (source: {e['source']})" if e.get("source") else ""
        parts.append(f"{origin}{where}{said}{extra}")
    return " | ".join(p for p in parts if p) or default


def unit_of(column: str, record_unit: str | None = None, default: str = "") -> str:
    """The unit of a column, by pestle's naming conventions (`growth_pct` -> %)."""
    leaf = column.rsplit(".", 1)[-1]
    if leaf in _VALUE_COLUMNS and record_unit:
        return record_unit
    if leaf in _NAME_UNITS:
        return _NAME_UNITS[leaf]
    for suffix, unit in _SUFFIX_UNITS:
        if leaf.endswith(suffix):
            return unit
    return default


def records_sheet(
    name: str,
    title: str,
    origin: str,
    records: Iterable[Mapping[str, Any]],
    source: str,
    *,
    lead: Mapping[str, Cell] | None = None,
    units: Mapping[str, str] | None = None,
    default_unit: str = "",
) -> Sheet:
    """A table of records (one row each), with a source column; `lead` columns come first
    (the key of a nested table: scenario, segment ...), `units` fixes a column's unit."""
    flat: list[tuple[dict[str, Cell], str, str | None]] = []
    for record in records:
        row = {**(lead or {}), **flatten(record)}
        unit = record.get("unit") if isinstance(record.get("unit"), str) else None
        flat.append((row, source_of(record, source), unit))
    return _sheet(name, title, origin, flat, source, units or {}, default_unit)


def _sheet(
    name: str,
    title: str,
    origin: str,
    flat: Sequence[tuple[Mapping[str, Cell], str, str | None]],
    source: str,
    units: Mapping[str, str],
    default_unit: str,
) -> Sheet:
    columns: list[str] = []
    for row, _, _ in flat:
        columns.extend(c for c in row if c not in columns)
    record_unit = next((u for _, _, u in flat if u), None)
    unit_row = tuple(
        units.get(c) or _unit_column(c, columns) or unit_of(c, record_unit, default_unit)
        for c in columns
    )
    rows = tuple((*(row.get(c) for c in columns), src) for row, src, _ in flat)
    return Sheet(
        name=name,
        title=title,
        origin=origin,
        columns=(*columns, "source"),
        units=(*unit_row, ""),
        rows=rows,
        source=source,
    )


def _unit_column(column: str, columns: Sequence[str]) -> str:
    """ "see expected.unit" for ``expected.value`` when the record states its unit beside it."""
    head, _, leaf = column.rpartition(".")
    if head and leaf == "value" and f"{head}.unit" in columns:
        return f"see {head}.unit"
    return ""


def parallel_sheet(
    name: str,
    title: str,
    origin: str,
    node: Mapping[str, Any],
    key: str,
    fields: Sequence[str],
    source: str,
    units: Mapping[str, str] | None = None,
) -> Sheet:
    """A table from parallel lists of one mapping (``alternatives`` with ``closeness``,
    ``rank`` ...): one row per item of `key`, one column per list named in `fields`."""
    labels = list(node.get(key) or [])
    records = [{key: label, **{f: node[f][i] for f in fields}} for i, label in enumerate(labels)]
    return records_sheet(name, title, origin, records, source, units=units)


def values_sheet(name: str, title: str, origin: str, node: Mapping[str, Any], source: str) -> Sheet:
    """A mapping's scalar fields (nested ones as ``a.b``), one row each: name, value, unit."""
    flat = flatten(node)
    records = [
        {"name": k, "value": v, "unit": unit_of(k)} for k, v in flat.items() if v is not None
    ]
    rows = tuple((r["name"], r["value"], r["unit"], source) for r in records)
    return Sheet(
        name=name,
        title=title,
        origin=origin,
        columns=("name", "value", "unit", "source"),
        units=("", "see unit column", "", ""),
        rows=rows,
        source=source,
    )


def at(document: Mapping[str, Any], origin: str) -> Any:
    """The node of `document` at a dotted path (list items by index: ``a.0.b``)."""
    node: Any = document
    for part in origin.split(".") if origin else ():
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def numbers(node: Any) -> Iterator[float]:
    """Every number of a JSON node (booleans are not numbers here)."""
    if isinstance(node, Mapping):
        for value in node.values():
            yield from numbers(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from numbers(value)
    elif isinstance(node, int | float) and not isinstance(node, bool):
        yield float(node)
