"""Read capacity statistics of a reference file (`installed_capacity_w`): the yearly
additions the reference path uses, and the observed installed-capacity history.

The case names the reference that feeds the demand model with `capacity_reference:` in
case.yaml (an entry of `references:`); `Case.reference_additions` reads it with
`load_reference_additions`. Every problem is one `ParseError` naming the file and line.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from pestle.case.yaml_lines import line_at, load_yaml
from pestle.errors import ParseError
from pestle.model.capacity import (
    CapacityObservation,
    ObservedCapacity,
    ReferenceAddition,
    ReferenceAdditions,
    StatedAddition,
)


def _number(value: Any, what: str, path: Path, line: int | None) -> float:
    """A finite, non-negative capacity read from the reference file."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ParseError(f"{what}: expected a number of W, got {value!r}", path, line)
    if value < 0:
        raise ParseError(f"{what}: a capacity cannot be negative, got {value!r}", path, line)
    return float(value)


def load_reference_additions(path: str | Path) -> ReferenceAdditions:
    """Yearly new-energy additions from the reference statistics file.

    Stated: `added_in_<year>` fields. Derived: the year before the first stated addition,
    as (installed at end of that year, i.e. the later total minus its additions) minus the
    installed wind + solar at the end of the previous year, when both are given.
    """
    path = Path(path)
    data = load_yaml(path)
    rows = data.get("installed_capacity_w") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise ParseError("expected a list 'installed_capacity_w'", path, 1)
    stock: dict[int, tuple[float, str]] = {}
    stated: dict[int, tuple[float, str]] = {}
    for i, row in enumerate(rows):
        where = line_at(data, ("installed_capacity_w", i))
        if not isinstance(row, dict) or "date" not in row:
            raise ParseError("entry needs a 'date'", path, where)
        date = str(row["date"])
        if not re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?", date):
            where = line_at(data, ("installed_capacity_w", i, "date"))
            raise ParseError(f"date {date!r}: expected YYYY-MM-DD", path, where)
        year, month = int(date[:4]), int(date[5:7]) if len(date) >= 7 else 12
        src = str(row.get("source", ""))

        def number(key: str, row: dict = row, i: int = i) -> float:
            at = line_at(data, ("installed_capacity_w", i, key))
            return _number(row[key], key, path, at)

        if month == 12:  # end-of-year stock
            if "new_energy_total" in row:
                stock[year] = (number("new_energy_total"), src)
            elif "wind" in row and "solar" in row:
                stock[year] = (number("wind") + number("solar"), src)
        for key in row:
            m = re.fullmatch(r"added_in_(\d{4})", str(key))
            if m:
                stated[int(m.group(1))] = (number(key), src)
    out = {y: ReferenceAddition(year=y, capacity_w=v, source=s) for y, (v, s) in stated.items()}
    for y, (v, _) in stated.items():
        prev = y - 1
        if prev in out or y not in stock or (prev - 1) not in stock:
            continue
        end_prev = stock[y][0] - v
        derived = end_prev - stock[prev - 1][0]
        if derived > 0:
            out[prev] = ReferenceAddition(
                year=prev,
                capacity_w=derived,
                source=f"{stock[y][1]}; {stock[prev - 1][1]}",
                derived=True,
                note=(
                    f"installed end-{y} minus added in {y}, minus installed end-{prev - 1}; "
                    "the end-of-year totals are stated as lower bounds ('>')"
                ),
            )
    return ReferenceAdditions(tuple(out[y] for y in sorted(out)), str(path))


def load_observed_capacity(path: str | Path) -> ObservedCapacity:
    """The installed-capacity history: `installed_capacity_w` rows (`date`, and `wind`,
    `solar` and/or `new_energy_total` in W, `source`; or `gap: true` where no figure was
    found) and `additions_w` rows (`year`, the same measures, `source`) that state a year's
    additions directly. Rows for part of a year (`period`) are kept in the file as evidence
    and not read here."""
    path = Path(path)
    data = load_yaml(path)
    rows = data.get("installed_capacity_w") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise ParseError("expected a list 'installed_capacity_w'", path, 1)
    stocks: list[CapacityObservation] = []
    for i, row in enumerate(rows):
        at = ("installed_capacity_w", i)
        where = line_at(data, at)
        if not isinstance(row, dict) or "date" not in row:
            raise ParseError("entry needs a 'date'", path, where)
        date = str(row["date"])
        if re.fullmatch(r"\d{4}", date):
            date += "-12-31"
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])-\d{2}", date):
            raise ParseError(
                f"date {date!r}: expected YYYY-MM-DD", path, line_at(data, (*at, "date"))
            )
        gap = bool(row.get("gap", False))
        values = _measures(data, row, at, path)
        if not gap:
            _needs(values, row, path, where)
        stocks.append(
            CapacityObservation(
                date=date,
                qualifier=str(row.get("qualifier", "=")),
                quality=row.get("quality"),
                source=str(row.get("source", "")),
                gap=gap,
                note=str(row.get("note", "")),
                line=where,
                **values,
            )
        )
    stated: list[StatedAddition] = []
    extra = data.get("additions_w") or []
    if not isinstance(extra, list):
        raise ParseError("'additions_w' must be a list", path, line_at(data, ("additions_w",)))
    for i, row in enumerate(extra):
        at = ("additions_w", i)
        where = line_at(data, at)
        if not isinstance(row, dict) or ("year" not in row and "period" not in row):
            raise ParseError("entry needs a 'year' (or a 'period')", path, where)
        if "year" not in row:
            continue  # part of a year: evidence for a reader, not a yearly addition
        year = row["year"]
        if isinstance(year, bool) or not isinstance(year, int):
            raise ParseError(f"year {year!r}: expected a year like 2024", path, where)
        values = _measures(data, row, at, path)
        _needs(values, row, path, where)
        stated.append(
            StatedAddition(
                year=year,
                quality=row.get("quality"),
                source=str(row.get("source", "")),
                line=where,
                **values,
            )
        )
    return ObservedCapacity(
        tuple(sorted(stocks, key=lambda o: o.date)),
        tuple(sorted(stated, key=lambda a: a.year)),
        str(path),
    )


_MEASURES = {"wind": "wind_w", "solar": "solar_w", "new_energy_total": "total_w"}


def _measures(data: Any, row: dict, at: tuple, path: Path) -> dict[str, float]:
    return {
        field: _number(row[key], key, path, line_at(data, (*at, key)))
        for key, field in _MEASURES.items()
        if row.get(key) is not None
    }


def _needs(values: dict[str, float], row: dict, path: Path, where: int | None) -> None:
    if not values:
        raise ParseError(
            "entry needs 'wind', 'solar' and/or 'new_energy_total' (W), or 'gap: true'",
            path,
            where,
        )
    if not str(row.get("source", "")).strip():
        raise ParseError("entry needs a 'source'", path, where)


__all__ = ["load_observed_capacity", "load_reference_additions"]
