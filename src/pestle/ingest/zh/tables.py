"""Claims of a pipe table with Chinese headers.

A column header states its unit in brackets ("绝对数(亿元)", "比上年增长(%)") or ends with
"%" ("比上年增长%"); a line "单位:亿元" (or "(单位:亿千瓦时)" in the caption) before the
table states the unit of the columns that state none. A numeric cell is a claim in its
column's unit; its row label names what is measured (a growth column: "<label> growth
rate"); a header that states a year ("2024年") gives that column's period (and a growth
column right after it, the same), else the table takes the period the text before it stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pestle.ingest.document import Table
from pestle.ingest.zh.numerals import arabic_value, magnitude_exponent
from pestle.ingest.zh.periods import find_periods, resolve
from pestle.ingest.zh.quantities import UNITS
from pestle.model import Claim, Period

_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_HEADER_UNIT = re.compile(
    rf"[(（][ \t]*(?:单位[:：][ \t]*)?(?P<mag>[十百千万亿]*)(?P<unit>{_UNIT_NAMES})[ \t]*[)）]"
    r"|(?P<pct>%)[ \t]*$"
)
UNIT_LINE = re.compile(rf"单位[:：][ \t]*(?P<mag>[十百千万亿]*)(?P<unit>{_UNIT_NAMES})")
_CELL = re.compile(r"(?P<neg>-)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
_GROWTH = re.compile(r"增长|增速|增幅|同比|比上年")
_LABEL_HEAD = re.compile(r"^(?:其中[:：]|#)")


@dataclass(frozen=True, slots=True)
class ColumnUnit:
    code: str
    exponent: int


def unit_of(text: str) -> ColumnUnit | None:
    """The unit a header or a "单位:" line states, or None."""
    m = _HEADER_UNIT.search(text)
    if m is None:
        return None
    if m.group("pct"):
        return ColumnUnit("%", 0)
    code, exp = UNITS[m.group("unit")]
    return ColumnUnit(code, magnitude_exponent(m.group("mag")) + exp)


def unit_line(text: str) -> ColumnUnit | None:
    m = UNIT_LINE.search(text)
    if m is None:
        return None
    code, exp = UNITS[m.group("unit")]
    return ColumnUnit(code, magnitude_exponent(m.group("mag")) + exp)


def table_claims(
    text: str,
    original: str,
    table: Table,
    *,
    period: Period | None,
    default: ColumnUnit | None,
    year: int | None,
    section: str | None,
) -> list[Claim]:
    """Claims of the numeric cells of ``table`` (``text`` normalized, ``original`` as read)."""
    units: list[ColumnUnit | None] = []
    periods: list[Period | None] = []
    growth: list[bool] = []
    for cell in table.header:
        units.append(unit_of(text[cell.start : cell.end]) or default)
        stated = [p for p in find_periods(text, cell.start, cell.end) if not p.base]
        periods.append(resolve(stated[0], year, None) if stated else period)
        growth.append(bool(_GROWTH.search(text, cell.start, cell.end)))
        if growth[-1] and not stated and len(periods) > 1 and periods[-2] is not None:
            periods[-1] = periods[-2]  # "| 2024年 | 增长(%) |": the growth of the year before
    out: list[Claim] = []
    for row in table.rows:
        label = _label(text, row.cells[0].start, row.cells[0].end) if row.cells else None
        for k, cell in enumerate(row.cells):
            if k >= len(units) or units[k] is None:
                continue
            m = _CELL.fullmatch(text, cell.start, cell.end)
            if m is None:
                continue
            unit = units[k]
            assert unit is not None
            value = arabic_value(m.group("num"), unit.exponent)
            if m.group("neg"):
                value = -value
            measure = label
            if label and unit.code == "%" and growth[k]:
                measure = f"{label} growth rate"
            out.append(
                Claim(
                    value=value,
                    unit=unit.code,
                    qualifier="=",
                    period=periods[k],
                    measure=measure,
                    subject=None,
                    text=original[cell.start : cell.end],
                    start=cell.start,
                    end=cell.end,
                    section=section,
                )
            )
    return out


def _label(text: str, start: int, end: int) -> str | None:
    label = _LABEL_HEAD.sub("", text[start:end].strip()).replace(" ", "")
    if not label or _CELL.fullmatch(label):
        return None
    return label
