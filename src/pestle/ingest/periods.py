"""Period expressions: years, quarters, halves, "first N months", months, dates, ranges.

`find_periods(text)` returns every mention with its span; a mention without a year
("the first quarter") is resolved later against the year its context sets.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from pestle.ingest.numbers import MAGNITUDE_WORDS, NUMBER_WORDS, word_value
from pestle.ingest.units import UNIT
from pestle.model import Period

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"  # noqa: E501
YEAR = r"(?:19|20)\d{2}(?!\d)(?![.,]\d)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_OF_YEAR = rf"(?:,?\s+(?:of\s+)?(?:the\s+year\s+)?({YEAR}))?"
_END = r"(?P<end>(?:(?:by|at|as\s+of|until|till|up\s+to)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?|as\s+of\s+)?"  # noqa: E501

_ALTERNATIVES: list[tuple[str, str]] = [
    ("iso", rf"({YEAR})[-/](\d{{1,2}})[-/](\d{{1,2}})(?![\d])"),
    ("mdy", rf"({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({YEAR})"),
    ("dmy", rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH}),?\s+({YEAR})"),
    (
        "mrange",
        rf"(?:from\s+)?({MONTH})\s*(?:-|–|—|to|through|till|until)\s*({MONTH}){_OF_YEAR}",
    ),
    ("my", rf"({MONTH}),?\s+(?:of\s+)?({YEAR})"),
    (
        "mon",
        r"(?:in|during|by|until|through|for)\s+(?-i:(January|February|March|April|May|June|July"
        r"|August|September|October|November|December))(?!\s*,?\s*(?:of\s+)?\d)",
    ),
    (
        "firstn",
        rf"(?:the\s+)?first\s+({NUMBER_WORDS}|\d{{1,2}})\s+(months|quarters){_OF_YEAR}",
    ),
    ("quarter", rf"(?:the\s+)?({_ORD})\s+quarter{_OF_YEAR}"),
    ("qy", rf"Q([1-4])(?:\s*(?:of\s+)?({YEAR}))?(?!\w)"),
    ("yq", rf"({YEAR})\s*-?\s*Q([1-4])(?!\w)"),
    ("half", rf"(?:the\s+)?(first|second|1st|2nd)\s+half{_OF_YEAR}"),
    ("hy", rf"H([12])\s*(?:of\s+)?({YEAR})(?!\w)"),
    ("yh", rf"({YEAR})\s*-?\s*H([12])(?!\w)"),
    ("yrange", rf"(?:from\s+)?({YEAR})\s*(?:-|–|—|/|to|through|until)\s*({YEAR}|\d{{2}}(?!\d))"),
    ("ybetween", rf"between\s+({YEAR})\s+and\s+({YEAR})"),
    ("year", rf"(?:FY\s?)?({YEAR})(?![%\w])(?!\s*(?:{UNIT}|{MAGNITUDE_WORDS}))"),
]

_MASTER = re.compile(
    rf"(?<![\w.,$£€¥/]){_END}(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _ALTERNATIVES)
    + r")(?![\w])",
    re.IGNORECASE,
)
_ANCHOR = re.compile(
    r"\d{4}|\b[QqHhMmJjFfAaSsOoNnDd](?:(?<=[Qq])(?:uarter|[1-4])|(?<=[Hh])(?:alf|[12])"
    r"|(?<=[Mm])(?:onths|a[ry])|(?<=[Jj])(?:an|u[nl])|(?<=[Ff])eb|(?<=[Aa])(?:pr|ug)"
    r"|(?<=[Ss])ep|(?<=[Oo])ct|(?<=[Nn])ov|(?<=[Dd])ec)"
)
_GROUP_COUNTS = {name: re.compile(p, re.IGNORECASE).groups for name, p in _ALTERNATIVES}
_GROUP_INDEX: dict[str, int] = {}


def _index_groups() -> None:
    for name in (n for n, _ in _ALTERNATIVES):
        _GROUP_INDEX[name] = _MASTER.groupindex[name]


_index_groups()

_BASE_BEFORE = re.compile(
    r"(?:\bfrom|\bthan|\bcompared\s+(?:with|to)|\bover|\bversus|\bvs\.?|\bsince|\bagainst"
    r"|\bsame\s+period\s+(?:of|in|last)|\blevels?\s+(?:of|in)|\bbetween)"
    r"\s+(?:(?:that|those)\s+(?:of|in)\s+)?(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period expression in a text: its span, its fields, and whether it is a base.

    A base mention ("up 5% from 2023", "compared with the same period of 2024") names the
    period a change is measured against; it is never assigned to a claim.
    """

    start: int
    end: int
    kind: str  # "interval" (a span of months) or "day"
    year: int | None
    first_month: int = 1
    last_month: int = 12
    day: int | None = None
    last_year: int | None = None
    point: bool = False  # "by the end of ...", "as of ...": the last day of the interval
    base: bool = False

    def resolve(self, context_year: int | None = None) -> Period | None:
        """The ISO interval, taking a missing year from ``context_year``."""
        year = self.year if self.year is not None else context_year
        if year is None:
            return None
        try:
            if self.kind == "day" and self.day is not None:
                period = Period.day(date(year, self.first_month, self.day))
            else:
                last_year = self.last_year if self.last_year is not None else year
                if last_year < year:
                    return None
                last_day = calendar.monthrange(last_year, self.last_month)[1]
                period = Period(
                    start=date(year, self.first_month, 1),
                    end=date(last_year, self.last_month, last_day),
                )
        except ValueError:
            return None
        if self.point:
            return Period.day(period.end)
        return period


def _month(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _mention(m: re.Match[str]) -> PeriodMention | None:
    start, end = m.start(), m.end()
    point = m.group("end") is not None
    for name, _ in _ALTERNATIVES:
        if m.group(name) is None:
            continue
        base = _GROUP_INDEX[name]
        g = [m.group(base + 1 + i) for i in range(_GROUP_COUNTS[name])]
        common = {"start": start, "end": end, "point": point}
        if name == "iso":
            return PeriodMention(
                kind="day",
                year=int(g[0]),
                first_month=int(g[1]),
                last_month=int(g[1]),
                day=int(g[2]),
                **common,
            )
        if name == "mdy":
            month = _month(g[0])
            return PeriodMention(
                kind="day",
                year=int(g[2]),
                first_month=month,
                last_month=month,
                day=int(g[1]),
                **common,
            )
        if name == "dmy":
            month = _month(g[1])
            return PeriodMention(
                kind="day",
                year=int(g[2]),
                first_month=month,
                last_month=month,
                day=int(g[0]),
                **common,
            )
        if name == "mrange":
            first, last = _month(g[0]), _month(g[1])
            if last < first:
                return None
            return PeriodMention(
                kind="interval", year=_year(g[2]), first_month=first, last_month=last, **common
            )
        if name == "mon":
            month = _month(g[0])
            return PeriodMention(
                kind="interval", year=None, first_month=month, last_month=month, **common
            )
        if name == "my":
            month = _month(g[0])
            return PeriodMention(
                kind="interval", year=int(g[1]), first_month=month, last_month=month, **common
            )
        if name == "firstn":
            n = int(g[0]) if g[0].isdigit() else word_value(g[0])
            months = n * (3 if g[1].lower().startswith("quarter") else 1) if n else 0
            if not 1 <= months <= 12:
                return None
            return PeriodMention(
                kind="interval", year=_year(g[2]), first_month=1, last_month=months, **common
            )
        if name in {"quarter", "qy", "yq"}:
            if name == "yq":
                year, q = int(g[0]), int(g[1])
            else:
                q = _ORDINALS[g[0].lower()] if name == "quarter" else int(g[0])
                year = _year(g[1])
            return PeriodMention(
                kind="interval", year=year, first_month=3 * q - 2, last_month=3 * q, **common
            )
        if name in {"half", "hy", "yh"}:
            if name == "yh":
                year, h = int(g[0]), int(g[1])
            else:
                h = _ORDINALS[g[0].lower()] if name == "half" else int(g[0])
                year = _year(g[1])
            return PeriodMention(
                kind="interval", year=year, first_month=6 * h - 5, last_month=6 * h, **common
            )
        if name in {"yrange", "ybetween"}:
            first = int(g[0])
            last = int(g[1]) if len(g[1]) == 4 else first // 100 * 100 + int(g[1])
            if last <= first:
                return None
            return PeriodMention(kind="interval", year=first, last_year=last, **common)
        if name == "year":
            return PeriodMention(kind="interval", year=int(g[0]), **common)
    return None


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[PeriodMention]:
    """Every period expression in ``text[start:end]``, spans relative to ``text``."""
    found: list[PeriodMention] = []
    stop = len(text) if end is None else end
    pos = start
    # every period expression contains an anchor (a 4-digit number, a month, "quarter",
    # "half", "months", Q1, H1): run the full pattern only around anchors
    for anchor in _ANCHOR.finditer(text, start, stop):
        if anchor.start() < pos:
            continue
        m = _MASTER.search(text, max(pos, anchor.start() - 45), min(stop, anchor.end() + 60))
        if m is None:
            continue
        pos = m.end()
        mention = _mention(m)
        if mention is not None:
            found.append(_with_base(text, mention, start))
    return found


def _with_base(text: str, mention: PeriodMention, floor: int) -> PeriodMention:
    before = text[max(floor, mention.start - 40) : mention.start]
    if _BASE_BEFORE.search(before):
        return PeriodMention(
            start=mention.start,
            end=mention.end,
            kind=mention.kind,
            year=mention.year,
            first_month=mention.first_month,
            last_month=mention.last_month,
            day=mention.day,
            last_year=mention.last_year,
            point=mention.point,
            base=True,
        )
    return mention


def parse_period(text: str, context_year: int | None = None) -> Period | None:
    """The period a whole string names ("First Half of 2023", "May 2023"), else None."""
    stripped = text.strip()
    mentions = find_periods(stripped)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    if mention.start != 0 or mention.end != len(stripped):
        return None
    return mention.resolve(context_year)
