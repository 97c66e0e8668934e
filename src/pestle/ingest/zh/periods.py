"""Period expressions of Chinese text.

2024年, 2024年上半年, 2024年一季度/第一季度, 前三季度, 1—5月/1-10月/1至7月, 前7个月, 5月份,
截至10月底/2021年底/2024 年末 (a day), 2025年3月31日, 今年/去年/上年 (the document's date),
全年 (the year in context), 同期 (the period stated last), "十四五"期间 (2021-2025),
2011~2020年, 连续三年. A period written after 比/较/与/从/自 or before 以来/同期 is the base of a
comparison ("比上年增长", "较2012年", "2014年以来", "去年同期"): it is found, so its digits are
not read as numbers, but it does not become the period of what follows.

`find_periods` works on normalized text (see `numerals.normalize`); `resolve` turns a
mention into an ISO interval given the year in context and the document's date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pestle.model import Period

_CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_CN_SMALL |= {"九": 9, "十": 10, "十一": 11, "十二": 12}

_N = r"(?:\d{1,2}|十[一二]?|[一二两三四五六七八九])"
_Y = r"(?:19|20)\d{2}"


def _sub_pattern(p: str, *, bare: bool = False) -> str:
    """What may follow a year (or stand alone): quarter, half, months, a day, an end.

    ``p`` prefixes the group names: the pattern is used twice in one expression. Standing
    alone (``bare``), 底/末/初 need a year: "世纪末", "底座" are no periods.
    """
    ends = "" if bare else rf"|(?P<{p}ye>底|末)|(?P<{p}yi>初)"
    return (
        rf"(?:(?:第)?(?P<{p}q>[一二三四1-4])季度|Q(?P<{p}q2>[1-4])(?![0-9])"
        rf"|(?P<{p}h>[上下])半年"
        rf"|前(?P<{p}qs>[一二三两])(?:个)?季度"
        rf"|前(?P<{p}nm>{_N})(?:个)?月"
        rf"|(?P<{p}m1>\d{{1,2}})[ \t]*(?:[-—–~至到])[ \t]*(?P<{p}m2>\d{{1,2}})[ \t]*月(?:份)?"
        rf"(?P<{p}me2>底|末)?"
        rf"|(?P<{p}mo>\d{{1,2}})[ \t]*月(?:份)?(?:[ \t]*(?P<{p}dd>\d{{1,2}})[ \t]*日"
        rf"|(?P<{p}me>底|末))?"
        rf"{ends}|(?P<{p}fy>全年(?!目标|计划|任务|预算|预期)))"
    )


# every alternative starts with one of these: a lookahead of them lets the regex engine skip
# the other characters fast (a leading lookbehind would make it try every branch everywhere)
_FIRST = '0-9“"十六七八九今去上明本当前第一二三四Q下全年截同连'
_PERIOD = re.compile(
    rf"(?=[{_FIRST}])(?:(?P<y1>{_Y})[ \t]*年?[ \t]*[-—–~至到][ \t]*(?P<y2>{_Y})[ \t]*年"
    r"|[“\"]?(?P<fyp>十[一二三四五六七八九]|[六七八九])五[”\"]?(?:期间|时期)?"
    rf"|(?:(?<![0-9])(?P<y>{_Y})[ \t]*年(?:度)?[ \t]*"
    r"|(?P<rel>今年|去年|上年|明年|本年|当年|前年))"
    rf"(?:{_sub_pattern('a')})?(?P<same>同期|同月)?"
    rf"|(?<![0-9年])(?:{_sub_pattern('b', bare=True)})"
    r"|(?P<yend>年底|年末)|(?P<now>截至目前|截止目前|截至当前)"
    r"|(?P<alone>同期)"
    r"|连续(?P<streak>\d{1,2}|[两二三四五六七八九十])年)"
)
_BASE_BEFORE = re.compile(r"(?:比|较|与|相比于?|从|自|由|同)[ \t“\"]*$")
_BASE_AFTER = re.compile(r"[ \t”\"]*(?:以来|相比|同期|同月|水平)")
_POINT_BEFORE = re.compile(r"(?:截至|截止|截止到|到)[ \t]*$")
_FYP = {"十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "十六": 16, "十七": 17}
_FYP |= {"十八": 18, "十九": 19, "六": 6, "七": 7, "八": 8, "九": 9}
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1, "前年": -2}


@dataclass(slots=True)  # not frozen: built for every period of a text, and never changed
class PeriodMention:
    """A period as written: its span, what it says, and whether it is a comparison's base."""

    start: int
    end: int
    kind: str  # interval, full_year, same, now, streak, unknown
    year: int | None = None  # written
    offset: int | None = None  # years from the document's date (今年 0, 去年 -1)
    first_month: int = 1
    last_month: int = 12
    day: int | None = None  # a date, or with point: the last day of the interval
    last_year: int | None = None
    point: bool = False  # a day: the end of the interval ("截至10月底", "2021年底")
    base: bool = False
    streak: int = 0

    @property
    def anchored(self) -> bool:
        """The text writes the year (so it may set the year of later year-less periods)."""
        return self.year is not None


def find_periods(text: str, start: int, end: int) -> list[PeriodMention]:
    """Every period expression in ``text[start:end]``, in order."""
    return [_mention(text, m) for m in _PERIOD.finditer(text, start, end)]


def _mention(text: str, m: re.Match[str]) -> PeriodMention:
    s, e = m.start(), m.end()
    base = bool(_BASE_BEFORE.search(text, max(0, s - 4), s)) or bool(_BASE_AFTER.match(text, e))
    if m.group("rel") in {"今年", "本年"} and text.startswith("以来", e):
        base = False  # "今年以来": this year to date, not the start of a comparison
    point = bool(_POINT_BEFORE.search(text, max(0, s - 5), s))
    d = m.groupdict()  # one call instead of one per group looked at
    g = d.get
    if g("y1") is not None:
        return PeriodMention(s, e, "interval", int(g("y1")), last_year=int(g("y2")), base=base)
    if g("fyp") is not None:
        first = 1981 + 5 * (_FYP[g("fyp")] - 6)
        return PeriodMention(s, e, "interval", first, last_year=first + 4, base=base)
    if g("yend") is not None:
        return PeriodMention(s, e, "interval", point=True, base=base)
    if g("now") is not None:
        return PeriodMention(s, e, "now", base=base)
    if g("alone") is not None:
        return PeriodMention(s, e, "same", base=base)
    if g("streak") is not None:
        n = g("streak")
        return PeriodMention(s, e, "streak", streak=int(n) if n.isdigit() else _CN_SMALL[n])
    year = int(g("y")) if g("y") is not None else None
    offset = None
    if g("rel") is not None:
        if g("same") is not None:
            base = True  # "去年同期", "上年同月": the base of a year-on-year change
        if g("rel") == "当年":
            return _sub(d, s, e, None, None, base, point)
        offset = _RELATIVE[g("rel")]
    return _sub(d, s, e, year, offset, base, point)


def _sub(
    d: dict[str, str | None],
    s: int,
    e: int,
    year: int | None,
    offset: int | None,
    base: bool,
    point: bool,
) -> PeriodMention:
    prefix = "a" if d["y"] is not None or d["rel"] is not None else "b"

    def g(name: str) -> str | None:
        return d.get(prefix + name)  # the bare form has no 底/末/初 groups

    kw = {"year": year, "offset": offset, "base": base}
    q = g("q") or g("q2")
    if q is not None:
        n = int(q) if q.isdigit() else _CN_SMALL[q]
        return PeriodMention(s, e, "interval", first_month=3 * n - 2, last_month=3 * n, **kw)
    if g("h") is not None:
        first = 1 if g("h") == "上" else 7
        return PeriodMention(s, e, "interval", first_month=first, last_month=first + 5, **kw)
    if g("qs") is not None:
        return PeriodMention(s, e, "interval", last_month=3 * _CN_SMALL[g("qs")], **kw)
    if g("nm") is not None:
        n = _number(g("nm"))
        return PeriodMention(s, e, "interval", last_month=n, point=point, **kw)
    if g("m1") is not None:
        first, last = int(g("m1")), int(g("m2"))
        end_day = point or g("me2") is not None
        return PeriodMention(
            s, e, "interval", first_month=first, last_month=last, point=end_day, **kw
        )
    if g("mo") is not None:
        month = int(g("mo"))
        if g("dd") is not None:
            day = int(g("dd"))
            return PeriodMention(
                s, e, "interval", first_month=month, last_month=month, day=day, **kw
            )
        end_day = point or g("me") is not None
        return PeriodMention(
            s, e, "interval", first_month=month, last_month=month, point=end_day, **kw
        )
    if g("ye") is not None:
        return PeriodMention(s, e, "interval", point=True, **kw)
    if g("yi") is not None:
        return PeriodMention(s, e, "unknown", **kw)  # "2025年初": no interval to state
    if g("fy") is not None:
        if year is None and offset is None:
            return PeriodMention(s, e, "full_year", base=base)
        return PeriodMention(s, e, "interval", **kw)
    return PeriodMention(s, e, "interval", point=point, **kw)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _CN_SMALL[text]


def resolve(
    mention: PeriodMention, context_year: int | None, reference: date | None
) -> Period | None:
    """The interval of a mention; a year-less one takes ``context_year``; a relative one
    ("去年") needs the document's date ``reference``. None when it cannot be known."""
    if mention.offset is not None:
        if reference is None:
            return None
        year: int | None = reference.year + mention.offset
    elif mention.year is not None:
        year = mention.year
    else:
        year = context_year
    if mention.kind == "now":
        return Period.day(reference) if reference is not None else None
    if year is None or mention.kind == "unknown":
        return None
    if mention.kind in {"full_year"}:
        return _interval(year, 1, 12, None, None, False)
    if mention.kind == "streak":
        return _interval(year - mention.streak + 1, 1, 12, None, year, False)
    period = _interval(
        year, mention.first_month, mention.last_month, mention.day, mention.last_year, mention.point
    )
    if (
        period is not None
        and reference is not None
        and mention.year is None
        and mention.offset is None
        and period.start > reference
    ):  # "一季度" in a bulletin of January is last year's
        period = _interval(
            year - 1,
            mention.first_month,
            mention.last_month,
            mention.day,
            mention.last_year,
            mention.point,
        )
    return period


@lru_cache(maxsize=4096)
def _interval(
    year: int, first: int, last: int, day: int | None, last_year: int | None, point: bool
) -> Period | None:
    try:
        if day is not None:
            return Period.day(date(year, first, day))
        end_year = last_year if last_year is not None else year
        if end_year < year or not 1 <= first <= last <= 12:
            return None
        end = date(end_year, last, calendar.monthrange(end_year, last)[1])
        if point:
            return Period.day(end)
        return Period(start=date(year, first, 1), end=end)
    except ValueError:
        return None
