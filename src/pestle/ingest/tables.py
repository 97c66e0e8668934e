"""Claims of pipe tables: a header gives unit, scale and measure; a row label, the subject.

A row label that names a period ("First Half of 2023") gives the row's period instead, as
does a cell in a time column ("May 2023"). A table whose headers are periods ("2023 | 2024")
takes the measure and unit from the row label. A "Unit" column gives the unit and scale of
its row's figures ("100 million kWh"); a row whose unit pestle does not know makes no claim.
A column of dates ("Start of operation") gives each row its period, and a row without one
has none. Otherwise a table inherits the period and subject of the paragraph before it.
"""

from __future__ import annotations

import re

from pestle.ingest.context import Context, Draft, Overrides, SectionState
from pestle.ingest.document import HeaderCell, Table
from pestle.ingest.grammar import GROWTH_WORDS, SHARE_WORDS, normalize_measure
from pestle.ingest.numbers import MAGNITUDE_WORDS, NUMBER_WORDS, NUMERAL, numeral_digits, scaled
from pestle.ingest.periods import parse_period
from pestle.ingest.phrases import words
from pestle.ingest.units import HeaderUnit, header_unit, split_header
from pestle.model import Period

_PERIOD_HEADER = re.compile(
    r"\b(?:period|time|date|year|month|quarter|deadline|node|commissioning|completion"
    r"|(?:start|beginning)\s+of\s+(?:operation|production)|in[\s-]service|COD)\b",
    re.I,
)
# "Product | Unit | Output": a column that states the unit of each row's figures
_UNIT_HEADER = re.compile(r"(?:units?|unit\s+of\s+measure(?:ment)?|measurement\s+units?)", re.I)
_GENERIC_HEADERS = words(
    """scale value amount size quantity total figure number data volume magnitude"""
)
_PLAIN_CELL = re.compile(
    r"(?P<q>[<>≤≥~≈]|about|approx\.?|nearly|over|more\s+than|less\s+than)?\s*"
    rf"(?P<num>[-−]?{NUMERAL})\s*%?",
    re.IGNORECASE,
)
_CELL_QUALIFIER = {
    "<": "<",
    ">": ">",
    "≤": "<=",
    "≥": ">=",
    "~": "~",
    "≈": "~",
    "about": "~",
    "approx": "~",
    "approx.": "~",
    "nearly": "~",
    "over": ">",
    "more than": ">",
    "less than": "<",
}
_GROWTH_LABEL = re.compile(
    rf"{GROWTH_WORDS.pattern}|\b(?:rates?|of|the|annual|yearly|(?:%|percent|pct)\b)"
    r"|\b(?:over|compared\s+with|from)\s+(?:the\s+)?(?:(?:previous|last|preceding)\s+year"
    r"|(?:19|20)\d\d)\b",
    re.I,
)
_NUMBERISH = re.compile(rf"\d|{NUMBER_WORDS}|\b[Hh]alf\b|\b[Aa]n?\s+{MAGNITUDE_WORDS}")


class TableReader:
    """Reads tables for an extractor that provides ``text``, ``drafts`` and ``_prose``."""

    text: str
    drafts: list[Draft]

    def _prose(
        self,
        start: int,
        end: int,
        sentences: list[tuple[int, int]],
        ctx: Context,
        state: SectionState,
        *,
        heading: bool = False,
        overrides: Overrides | None = None,
    ) -> None:
        raise NotImplementedError

    def _table(self, table: Table, ctx: Context, state: SectionState) -> None:
        header = table.header
        roles = [self._role(j, h) for j, h in enumerate(header)]
        unit_col = roles.index("unit") if "unit" in roles else None
        if unit_col is not None:  # the other plain columns hold figures in the row's unit
            roles = ["rowvalue" if r == "text" else r for r in roles]
        value_measures = [
            normalize_measure(h.label)
            for h, r in zip(header, roles, strict=True)
            if r in {"value", "rowvalue"}
        ]
        base = next((v for v in value_measures if v), None) or state.measure
        growth = [
            self._growth_measure(h, header, roles, base) if r == "growth" else None
            for h, r in zip(header, roles, strict=True)
        ]
        col_periods = [
            parse_period(h.label, ctx.year) if r in {"colperiod", "colvalue"} else None
            for h, r in zip(header, roles, strict=True)
        ]
        # "Item | 2024 (RMB million) | 2023 (RMB million) | Change (%)": rows name measures
        by_period = "colperiod" in roles or "colvalue" in roles
        latest = max((p for p in col_periods if p), key=lambda p: p.end, default=None)
        # a column of dates ("Start of operation"): a row without one has no period
        dated = any(
            r == "period"
            and any(j < len(row.cells) and parse_period(row.cells[j].text) for row in table.rows)
            for j, r in enumerate(roles)
            if j > 0
        )
        row_base = base
        for row in table.rows:
            cells = row.cells
            row_period: Period | None = None
            unit: HeaderUnit | None = None
            if unit_col is not None and unit_col < len(cells) and not cells[unit_col].missing:
                unit = header_unit(cells[unit_col].text)
            subject = ctx.subject
            row_unit = None
            row_measure = None
            if cells and roles and roles[0] in {"label", "period"}:
                label = cells[0].text.strip()
                found = parse_period(label, ctx.year) if not cells[0].missing else None
                if found is not None:
                    row_period = found
                elif roles[0] == "label" and not cells[0].missing:
                    if by_period:
                        row_measure_text, row_unit, _ = split_header(label)
                        row_measure = normalize_measure(row_measure_text)
                        if (
                            row_unit is not None
                            and row_unit.code == "%"
                            and GROWTH_WORDS.search(row_measure_text)
                        ):
                            row_measure = f"{row_base} growth rate" if row_base else "growth rate"
                        elif row_measure:
                            row_base = row_measure
                    else:
                        subject = label
            for j, cell in enumerate(cells[1:], start=1):
                if j < len(roles) and roles[j] == "period" and row_period is None:
                    row_period = parse_period(cell.text, ctx.year)
            period = row_period or (None if dated else ctx.period)
            for j, cell in enumerate(cells):
                if cell.missing:
                    continue
                role = roles[j] if j < len(roles) else "text"
                h = header[j] if j < len(header) else None
                if role == "period":
                    if j == 0 or parse_period(cell.text, ctx.year) is not None:
                        continue
                    role = "text"
                if role == "unit":
                    continue
                if role == "rowvalue" and h is not None:
                    if unit is not None:
                        measure = normalize_measure(h.label)
                        if measure in _GENERIC_HEADERS:
                            measure = None
                        if self._plain_cell(
                            cell.start, cell.end, unit.code, unit.exponent, measure, subject, period
                        ):
                            continue
                    elif _PLAIN_CELL.fullmatch(self.text, cell.start, cell.end):
                        continue  # a figure in a unit pestle does not know: not a claim
                if role == "label":
                    if row_unit is None and row_measure is None:
                        self._cell_prose(cell.start, cell.end, state, subject, period, None)
                    continue
                if role == "colvalue" and h is not None and h.unit:
                    measure = row_measure if row_measure not in _GENERIC_HEADERS else None
                    period_j = col_periods[j] or period
                    if self._plain_cell(
                        cell.start, cell.end, h.unit, h.exponent, measure, ctx.subject, period_j
                    ):
                        continue
                if role == "colperiod" and h is not None:
                    if row_unit is not None:
                        self._plain_cell(
                            cell.start,
                            cell.end,
                            row_unit.code,
                            row_unit.exponent,
                            row_measure,
                            ctx.subject,
                            col_periods[j] or period,
                        )
                    continue
                if role in {"value", "growth", "share"} and h is not None and h.unit:
                    cell_subject, cell_period = subject, period
                    if by_period:  # the row names the measure; the latest column, the period
                        cell_subject, cell_period = ctx.subject, latest or period
                    if role == "growth":
                        measure = growth[j]
                        if by_period and row_measure:
                            measure = f"{row_measure} growth rate"
                    elif role == "share":
                        measure = "share"
                    else:
                        measure = normalize_measure(h.label)
                        if measure in _GENERIC_HEADERS:
                            measure = None
                    if self._plain_cell(
                        cell.start, cell.end, h.unit, h.exponent, measure, cell_subject, cell_period
                    ):
                        continue
                default = normalize_measure(h.label) if h is not None else None
                if default is not None and default.lower() in _GENERIC_HEADERS:
                    default = None
                self._cell_prose(cell.start, cell.end, state, subject, period, default)
        for v in value_measures:
            if v:
                state.measure = v

    @staticmethod
    def _growth_measure(
        h: HeaderCell, header: tuple[HeaderCell, ...], roles: list[str], base: str | None
    ) -> str:
        """What a growth column grows: its own label ("Exports y-o-y" -> exports), the value
        column of that name ("Total y-o-y" -> "Total"), else the table's first measure."""
        rest = _GROWTH_LABEL.sub(" ", h.label).strip(" -,;:")
        named = normalize_measure(rest) if rest else None
        if named is None and rest:
            same = [
                normalize_measure(v.label)
                for v, r in zip(header, roles, strict=True)
                if r == "value" and v.label.strip().lower() == rest.lower()
            ]
            if same:
                named = same[0]
                base = None
        named = named or base
        return f"{named} growth rate" if named else "growth rate"

    @staticmethod
    def _role(j: int, h: HeaderCell) -> str:
        if h.unit is not None:
            if h.unit in {"%", "pp"} and GROWTH_WORDS.search(h.label):
                return "growth"
            if SHARE_WORDS.search(h.label):
                return "share"
            if j > 0 and parse_period(h.label) is not None:
                return "colvalue"  # "2024 (RMB million)": a period column with a unit
            return "value"
        if _UNIT_HEADER.fullmatch(h.label.strip()):
            return "unit"
        if _PERIOD_HEADER.search(h.label):
            return "period"
        if j == 0:
            return "label"
        if parse_period(h.label) is not None:
            return "colperiod"
        return "text"

    def _plain_cell(
        self,
        start: int,
        end: int,
        unit: str,
        exponent: int,
        measure: str | None,
        subject: str | None,
        period: Period | None,
    ) -> bool:
        m = _PLAIN_CELL.fullmatch(self.text, start, end)
        if m is None:
            return False
        digits = numeral_digits(m.group("num")).replace("−", "-")
        q = (m.group("q") or "").lower()
        qualifier = _CELL_QUALIFIER.get(re.sub(r"\s+", " ", q), "=")
        value = scaled(digits, exponent)
        if measure is None and unit == "W":
            measure = "capacity"
        self.drafts.append(
            Draft(m.start("num"), m.end("num"), value, unit, qualifier, period, measure, subject)
        )
        return True

    def _cell_prose(
        self,
        start: int,
        end: int,
        state: SectionState,
        subject: str | None,
        period: Period | None,
        measure: str | None,
    ) -> None:
        if _NUMBERISH.search(self.text, start, end) is None:
            return  # "Under construction", "Primary Industry": nothing to read
        overrides = Overrides(subject=subject, period=period, measure=measure, fixed=True)
        self._prose(start, end, [(start, end)], Context(), state, overrides=overrides)
