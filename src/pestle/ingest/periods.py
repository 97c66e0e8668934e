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
from pestle.ingest.phrases import words
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
# a year is not followed by more digits, a decimal part, or a ticker suffix ("2007.HK")
YEAR = r"(?:19|20)\d{2}(?!\d)(?![.,]\d)(?!\.[A-Z]{1,3}\b)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
# "of 2024", ", 2024", "of this year" (relative to the date of the document)
_OF_YEAR = (
    rf"(?:,?\s+(?:of\s+)?(?:the\s+year\s+)?({YEAR})"
    r"|\s+of\s+(this|last|next|the\s+current)\s+year(?![\w-]))?"
)
_END = r"(?P<end>(?:(?:by|at|as\s+of|until|till|up\s+to)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?|as\s+of\s+)?"  # noqa: E501

_SPANS = (
    r"year|twelve\s+months|12\s+months|nine\s+months|9\s+months|six\s+months|6\s+months"
    r"|(?:first\s+|second\s+)?half(?:[- ]year)?|three\s+months|3\s+months|quarter"
)
_ALTERNATIVES: list[tuple[str, str]] = [
    # "the year ended 31 December 2024", "the six months ended June 30, 2025"
    (
        "ended",
        rf"(?:the\s+)?(?:(?:fiscal|financial)\s+)?({_SPANS})\s+(?:ended|ending)\s+(?:on\s+)?"
        rf"(?:({MONTH})\s+(\d{{1,2}}),?\s+({YEAR})|(\d{{1,2}})\s+({MONTH}),?\s+({YEAR})"
        rf"|({YEAR})-(\d{{1,2}})-(\d{{1,2}}))",
    ),
    ("iso", rf"({YEAR})[-/](\d{{1,2}})[-/](\d{{1,2}})(?![\d])"),
    # "from April 2 to April 9, 2025", "May 20-24, 2025", "2-9 April 2025": a span of days
    (
        "mdrange",
        rf"(?:from\s+)?({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|through|until|till)"
        rf"\s*(?:({MONTH})\s+)?(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({YEAR})",
    ),
    (
        "dmrange",
        rf"(?:from\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|through|until|till)\s*"
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH}),?\s+({YEAR})",
    ),
    ("mdy", rf"({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({YEAR})"),
    ("dmy", rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH}),?\s+({YEAR})"),
    (
        "mrange",
        rf"(?:from\s+)?({MONTH})\s*(?:-|–|—|to|through|till|until)\s*({MONTH}){_OF_YEAR}",
    ),
    ("my", rf"({MONTH}),?\s+(?:of\s+)?({YEAR})"),
    (
        # "in May", "by the end of June": a capitalized month name without a year
        "mon",
        r"(?(end)|(?:in|during|by|until|through|for)\s+)(?-i:(January|February|March|April|May"
        r"|June|July|August|September|October|November|December))(?!\s*,?\s*(?:of\s+)?\d)"
        rf"(?!\s*(?:-|–|—|to|through|till|until)\s*{MONTH})",
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
    # relative to the date of the document: "this year", "last year", "next year"
    ("rel", r"(this|last|next|the\s+current)\s+year(?![\w-])"),
    # the end of the year a context sets: "at year-end", "by the end of the year"
    ("yend", r"year[- ]end(?![\w-])|(?(end)year(?![\w-])|(?!))"),
    # "in the period", "during the same period": the period stated last
    ("same", r"the\s+(?:same\s+)?period(?!\s+(?:of|in|last|a)\b)(?![\w-])"),
]
_OFFSETS = {"this": 0, "last": -1, "next": 1}


def _pattern(names: set[str] | None = None) -> re.Pattern[str]:
    alternatives = [(n, p) for n, p in _ALTERNATIVES if names is None or n in names]
    return re.compile(
        rf"(?<![\w.,$£€¥/]){_END}(?:"
        + "|".join(f"(?P<{name}>{pattern})" for name, pattern in alternatives)
        + r")(?![\w])",
        re.IGNORECASE,
    )


# the words "year" and "period" anchor only "rel", "yend" and "same"; "ended" is tried
# only near the word "ended"/"ending": the common pattern stays as fast as it can be
_WORDS = _pattern({"rel", "yend", "same"})
_ENDED = _pattern({"ended"})
_MASTER = _pattern({n for n, _ in _ALTERNATIVES} - {"rel", "yend", "same", "ended"})
_WORD_ANCHOR = re.compile(r"\byear\b(?![- ](?:on|over)[- ])(?<!on-year)(?<!on year)|\bperiod\b")
_ANCHOR = re.compile(
    r"\d{4}|\b[QqHhMmJjFfAaSsOoNnDd](?:(?<=[Qq])(?:uarter|[1-4])|(?<=[Hh])(?:alf|[12])"
    r"|(?<=[Mm])(?:onths|a[ry])|(?<=[Jj])(?:an|u[nl])|(?<=[Ff])eb|(?<=[Aa])(?:pr|ug)"
    r"|(?<=[Ss])ep|(?<=[Oo])ct|(?<=[Nn])ov|(?<=[Dd])ec)"
)
# groups of each alternative alone ("end" is defined first, for "(?(end)...)" conditions)
_GROUP_COUNTS = {
    name: re.compile(rf"(?P<end>)?(?:{p})", re.IGNORECASE).groups - 1 for name, p in _ALTERNATIVES
}

_BASE_BEFORE = re.compile(
    r"(?:\bfrom|\bthan|\bcompared\s+(?:with|to)|\bover|\bversus|\bvs\.?|\bsince|\bagainst"
    r"|\bsame\s+period\s+(?:of|in|last)|\bsame\s+period|\blevels?\s+(?:of|in)|\bbetween)"
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
    kind: str  # "interval" (a span of months), "day", "days", or "same" (the last period)
    year: int | None
    first_month: int = 1
    last_month: int = 12
    day: int | None = None
    last_year: int | None = None
    point: bool = False  # "by the end of ...", "as of ...": the last day of the interval
    base: bool = False
    offset: int | None = None  # "last year": -1 from the year the document was written
    first_day: int | None = None  # "April 2 to April 9": the first day of a span of days

    @property
    def anchored(self) -> bool:
        """True when the mention states its year (absolutely or relative to the document)."""
        return self.year is not None or self.offset is not None

    def resolve(
        self, context_year: int | None = None, reference_year: int | None = None
    ) -> Period | None:
        """The ISO interval, taking a missing year from ``context_year``.

        A relative year ("last year") needs the year the document was written in,
        ``reference_year``; without it the period is unknown (None).
        """
        if self.kind == "same":
            return None  # "in the same period": the caller knows which period was stated last
        if self.offset is not None:
            year = reference_year + self.offset if reference_year is not None else None
        else:
            year = self.year if self.year is not None else context_year
        if year is None:
            return None
        try:
            if self.kind == "day" and self.day is not None:
                period = Period.day(date(year, self.first_month, self.day))
            elif self.kind == "days" and self.day is not None and self.first_day is not None:
                first = date(year, self.first_month, self.first_day)
                last = date(year, self.last_month, self.day)
                if last < first:
                    return None
                period = Period(start=first, end=last)
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


def _offset(text: str | None) -> int | None:
    """ "this year" -> 0, "last year" -> -1, "next year" -> 1 (None when not stated)."""
    if not text:
        return None
    return _OFFSETS.get(text.split()[-1].lower(), 0)


def _mention(m: re.Match[str]) -> PeriodMention | None:
    start, end = m.start(), m.end()
    point = m.group("end") is not None
    name = m.lastgroup  # the alternative that matched (its group closes last)
    if name not in _GROUP_COUNTS:
        return None
    index = m.re.groupindex
    base = index[name]
    g = [m.group(base + 1 + i) for i in range(_GROUP_COUNTS[name])]
    common = {"start": start, "end": end, "point": point}
    if name == "ended":
        return _ended(g, start, end, point)
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
    if name in {"mdrange", "dmrange"}:
        if name == "mdrange":
            first, first_day = _month(g[0]), int(g[1])
            last, day, year = _month(g[2]) if g[2] else first, int(g[3]), int(g[4])
        else:
            first = last = _month(g[2])
            first_day, day, year = int(g[0]), int(g[1]), int(g[3])
        return PeriodMention(
            kind="days",
            year=year,
            first_month=first,
            last_month=last,
            day=day,
            first_day=first_day,
            **common,
        )
    if name == "mrange":
        first, last = _month(g[0]), _month(g[1])
        if last < first:
            return None
        return PeriodMention(
            kind="interval",
            year=_year(g[2]),
            first_month=first,
            last_month=last,
            offset=_offset(g[3]),
            **common,
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
            kind="interval",
            year=_year(g[2]),
            first_month=1,
            last_month=months,
            offset=_offset(g[3]),
            **common,
        )
    for word, months in (("quarter", 3), ("half", 6)):
        # "the first quarter of 2025" (word), "Q1 2025" / "H1 2025", "2025Q1" / "2025H1"
        number_first, year_first = f"{word[0]}y", f"y{word[0]}"
        if name not in {word, number_first, year_first}:
            continue
        offset = None
        if name == year_first:
            year, k = int(g[0]), int(g[1])
        else:
            k = _ORDINALS[g[0].lower()] if name == word else int(g[0])
            year = _year(g[1])
            offset = _offset(g[2]) if name == word else None
        return PeriodMention(
            kind="interval",
            year=year,
            first_month=months * (k - 1) + 1,
            last_month=months * k,
            offset=offset,
            **common,
        )
    if name in {"yrange", "ybetween"}:
        first = int(g[0])
        last = int(g[1]) if len(g[1]) == 4 else first // 100 * 100 + int(g[1])
        if last <= first:
            return None
        return PeriodMention(kind="interval", year=first, last_year=last, **common)
    if name == "year":
        return PeriodMention(kind="interval", year=int(g[0]), **common)
    if name == "rel":
        word = g[0].split()[-1].lower()
        offset = _OFFSETS.get(word, 0)
        return PeriodMention(kind="interval", year=None, offset=offset, **common)
    if name == "yend":
        return PeriodMention(kind="interval", year=None, **{**common, "point": True})
    if name == "same":
        return PeriodMention(kind="same", year=None, **common)
    return None


_SPAN_MONTHS = {"year": 12, "twelve": 12, "12": 12, "nine": 9, "9": 9, "six": 6, "6": 6}


def _ended(g: list[str | None], start: int, end: int, point: bool) -> PeriodMention | None:
    """ "the year ended 31 December 2024": the months up to the date's month."""
    span = (g[0] or "").lower()
    first = span.split()[0]
    if "half" in span:
        months = 6
    elif "quarter" in span or first in {"three", "3"}:
        months = 3
    else:
        months = _SPAN_MONTHS.get(first, 12)
    if g[1]:
        month, year = _month(g[1]), int(g[3] or 0)
    elif g[5]:
        month, year = _month(g[5]), int(g[6] or 0)
    else:
        month, year = int(g[8] or 0), int(g[7] or 0)
    if not 1 <= month <= 12:
        return None
    first_month = month - months + 1
    first_year = year if first_month >= 1 else year - 1
    first_month = first_month if first_month >= 1 else first_month + 12
    return PeriodMention(
        kind="interval",
        year=first_year,
        first_month=first_month,
        last_month=month,
        last_year=year if first_year != year else None,
        start=start,
        end=end,
        point=point,
    )


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[PeriodMention]:
    """Every period expression in ``text[start:end]``, spans relative to ``text``."""
    found: list[PeriodMention] = []
    stop = len(text) if end is None else end
    pos = start
    # every period expression contains an anchor (a 4-digit number, a month, "quarter",
    # "half", "months", Q1, H1): run the full pattern only around anchors
    anchors = [a.span() for a in _ANCHOR.finditer(text, start, stop)]
    named = [a.span() for a in _WORD_ANCHOR.finditer(text, start, stop)]
    if named:
        anchors = sorted(anchors + named)
    for a, b in anchors:
        if a < pos:
            continue
        lo = max(pos, a - 45)
        if text[a] in "yp":  # "last year", "the end of the year", "the period"
            m = _WORDS.search(text, lo, min(stop, b + 16))
        else:
            m = _MASTER.search(text, lo, min(stop, b + 60))
            if "end" in text[lo : b + 40]:  # "the year ended 31 December 2024"
                ended = _ENDED.search(text, lo, min(stop, b + 60))
                if ended is not None and (m is None or ended.start() <= m.start()):
                    m = ended
        if m is None:
            continue
        pos = m.end()
        mention = _mention(m)
        if mention is None:
            continue
        if m.lastgroup == "year" and _counted_year(text, mention.start, mention.end, start):
            continue  # "2000 companies": a count, not the year 2000
        found.append(_with_base(text, mention, start))
    return found


# a year is a period after these words ("in 2024 exports", "the 2024 results")
_YEAR_BEFORE = words(
    """in during for since by until till before after of from to through between and or than
    the its their this that these those his her our per fiscal year years early mid late end"""
)
# plural nouns a year commonly modifies ("2023 levels"): the year stays a period
_YEAR_MODIFIED = words(
    """levels figures results numbers data values prices rates targets estimates forecasts
    projections budgets accounts statistics games olympics elections"""
)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’]*)[ \t]+$")


def _counted_year(text: str, start: int, end: int, floor: int) -> bool:
    """A year-like number followed by a plural noun and not introduced as a time: a count."""
    if not text[start].isdigit():
        return False
    after = re.match(r"[ \t]+([a-z][a-z-]*)", text[end : end + 40])
    if after is None:
        return False
    noun = after.group(1)
    if not (noun.endswith("s") and not noun.endswith("ss")) or noun in _YEAR_MODIFIED:
        return False
    before = _WORD_BEFORE.search(text, max(floor, start - 30), start)
    if before is None:
        return True
    word = before.group(1).lower()
    return word not in _YEAR_BEFORE and not word.endswith(("'s", "’s"))


def _with_base(text: str, mention: PeriodMention, floor: int) -> PeriodMention:
    before = text[max(floor, mention.start - 40) : mention.start]
    if mention.kind == "same" and re.search(r"\b(?:over|during|in)\s+$", before):
        return mention  # "rose 23.5% over the same period": during it, not compared with it
    if mention.last_year is not None and re.search(r"\bover\s+(?:the\s+)?$", before):
        return mention  # "4 million tonnes over 2025-2030": during those years
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
            offset=mention.offset,
            first_day=mention.first_day,
        )
    return mention


_BARE_MONTH = re.compile(MONTH, re.IGNORECASE)


def parse_period(text: str, context_year: int | None = None) -> Period | None:
    """The period a whole string names ("First Half of 2023", "May 2023"), else None."""
    stripped = text.strip()
    mentions = find_periods(stripped)
    if not mentions and _BARE_MONTH.fullmatch(stripped):  # "March" in a column of months
        month = _month(stripped)
        return PeriodMention(0, len(stripped), "interval", None, month, month).resolve(context_year)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    if mention.start != 0 or mention.end != len(stripped):
        return None
    return mention.resolve(context_year)
