"""Claims of the Chinese sentences of a parsed document.

One pass over the blocks. A paragraph opens with the period of its section's heading; each
period the text states (not a comparison's base) holds from there on in the paragraph, so
"5月份,...增长8.8%;...1-5月份,...增长17.8%" gives each figure its own. A year-less period
takes the year the text stated last, else the document's date ("发布时间:2024-11-23" in its
first lines); "今年"/"去年" need that date, and without it the period is unknown (None), as
in English. Two rules for figures that do not take the running period: the first figure of
"从X增长到Y" is where the change starts, and "2024-2026年 ... A/B/C亿元" gives one year to
each figure.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable, Sequence
from datetime import date

from pestle.ingest.document import Document, Paragraph, Section, Table
from pestle.ingest.zh import cues
from pestle.ingest.zh.numerals import normalize
from pestle.ingest.zh.periods import PeriodMention, find_periods, resolve
from pestle.ingest.zh.quantities import Mention, lex
from pestle.ingest.zh.tables import ColumnUnit, table_claims, unit_line
from pestle.model import Claim, Period

_DATELINE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)\d{2})(?:[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![0-9])"
    r"|[ \t]*年[ \t]*(?P<m2>\d{1,2})[ \t]*月[ \t]*(?P<d2>\d{1,2})[ \t]*日)"
)
_DATELINE_LINES = 3  # the date of a page is in its first lines (title, source, date)
_TO = re.compile(r"[^,，;；。]{0,12}?(?:到|至)[ \t]*$")
_SPAN = operator.attrgetter("start", "end")
# Claim's validator called with a dict: the same checks as Claim(...), a fifth less work
_CLAIM = Claim.__pydantic_validator__.validate_python
_LAST_BREAK = re.compile(r".*[,，;；。:：!！?？\n]", re.DOTALL)  # greedy: the last one
_GAP = re.compile(r"高于|低于|快于|慢于|高出|低出")
_CLAUSE_END = re.compile(r"[,，;；。]")


def extract_chinese(
    doc: Document,
    wanted: Callable[[int, int], bool],
    sentences: Sequence[bool] | None = None,
) -> list[Claim]:
    """Claims of the parts of ``doc`` for which ``wanted(start, end)`` holds; ``sentences``,
    if given, says it for each of ``doc.sentences`` (in order), saving a call per sentence."""
    return _ChineseExtractor(doc, wanted, sentences).run()


def reference_date(text: str) -> date | None:
    """The date a document states in its first lines (a dateline, "发布时间:...")."""
    lines = [ln for ln in text[:2000].splitlines() if ln.strip()][:_DATELINE_LINES]
    for line in lines:
        for m in _DATELINE.finditer(normalize(line)):
            month, day = m.group("m") or m.group("m2"), m.group("d") or m.group("d2")
            try:
                return date(int(m.group("y")), int(month), int(day))
            except ValueError:
                continue
    return None


class _Context:
    """What a paragraph has stated so far."""

    __slots__ = ("growth", "measure", "period", "subject", "unknown")

    def __init__(self, period: Period | None) -> None:
        self.period = period
        self.unknown = False  # the text stated a period that cannot be known ("去年", no date)
        self.subject: str | None = None
        self.measure: str | None = None
        self.growth: str | None = None  # the last growth rate's measure


class _ChineseExtractor:
    def __init__(
        self,
        doc: Document,
        wanted: Callable[[int, int], bool],
        sentences: Sequence[bool] | None = None,
    ) -> None:
        self.doc = doc
        self.wanted = wanted
        self.flags = sentences
        self.text = normalize(doc.text)
        self.reference = reference_date(doc.text)
        self.year: int | None = self.reference.year if self.reference else None
        self.claims: list[Claim] = []
        self.names: tuple[str, ...] = ()  # subjects named so far (at most 64: bounded look-up)
        self.starts = [s.start for s in doc.sentences]

    def run(self) -> list[Claim]:
        title = self._title_period()
        section_period: Period | None = None
        stated = title  # the period stated last before a table (its caption's, usually)
        default: ColumnUnit | None = None  # "单位:亿元" stated before a table
        for block in self.doc.blocks:
            if isinstance(block, Section):
                ctx = _Context(None)
                if self.wanted(block.title_start, block.title_end):
                    self._span(block.title_start, block.title_end, ctx)
                section_period = ctx.period
                stated, default = section_period or title, None
            elif isinstance(block, Paragraph):
                ctx = _Context(section_period or title)
                self._paragraph(block, ctx)
                stated = ctx.period or stated
                unit = unit_line(self.text[block.start : min(block.end, block.start + 200)])
                default = unit or default
            elif isinstance(block, Table) and self.wanted(block.start, block.end):
                self.claims += table_claims(
                    self.text,
                    self.doc.text,
                    block,
                    period=stated,
                    default=default,
                    year=self.year,
                    section=self._section(block.start),
                )
                default = None
        self.claims.sort(key=_SPAN)
        return self.claims

    def _title_period(self) -> Period | None:
        """The period a document's title states ("2019年...统计公报", "前七月...外贸"): the
        period of every paragraph whose section states none."""
        first = self.doc.blocks[0] if self.doc.blocks else None
        if isinstance(first, Section):
            start, end = first.title_start, first.title_end
        elif isinstance(first, Paragraph):
            start, end = first.start, first.end
        else:
            return None
        if end - start > 60 or "\n" in self.doc.text[start:end]:
            return None
        stated = [p for p in find_periods(self.text, start, end) if not p.base]
        if not stated or stated[0].kind in {"same", "streak", "unknown"}:
            return None
        return resolve(stated[0], self.year, self.reference)

    def _paragraph(self, para: Paragraph, ctx: _Context) -> None:
        """A paragraph in one piece when all its sentences are Chinese (the usual case),
        else sentence by sentence."""
        lo = bisect.bisect_left(self.starts, para.start)
        hi = bisect.bisect_left(self.starts, para.end)
        spans = [(s.start, s.end) for s in self.doc.sentences[lo:hi]] or [(para.start, para.end)]
        if self.flags is not None and hi > lo:
            wanted = list(self.flags[lo:hi])
        else:
            wanted = [self.wanted(*span) for span in spans]
        if all(wanted):
            self._span(spans[0][0], spans[-1][1], ctx)
            return
        for span, keep in zip(spans, wanted, strict=True):
            if keep:
                self._span(*span, ctx)

    # -- one stretch of Chinese text --------------------------------------------------------
    def _span(self, start: int, end: int, ctx: _Context) -> None:
        text = self.text
        periods = find_periods(text, start, end)
        mentions = _outside(lex(text, start, end), periods)
        if not mentions:
            for p in periods:
                if not p.base and p.kind != "streak":
                    self._state(p, ctx)
            return
        section = self._section(start)
        original = self.doc.text
        claims = self.claims
        qualifier_of, sign_of, phrase_of = cues.qualifier, cues.change_sign, cues.phrase_before
        prev: Mention | None = None
        prev_sign: int | None = None
        prev_measure: str | None = None
        last_range: PeriodMention | None = None
        own: tuple[int, Period | None] | None = None  # a clause's own period, to its end
        pi = 0
        for i, m in enumerate(mentions):
            while pi < len(periods) and periods[pi].start < m.start:
                item = periods[pi]
                pi += 1
                if item.base:
                    continue
                if item.kind == "streak":
                    # "连续三年超2700亿元": the years of that clause, not of what follows
                    stop = _CLAUSE_END.search(text, item.end, end)
                    year = ctx.period.end.year if ctx.period is not None else self.year
                    own = (stop.start() if stop else end, resolve(item, year, self.reference))
                else:
                    self._state(item, ctx)
                    last_range = item
            # where the number's clause starts: the last break in the 40 characters before
            lo = m.start - 40 if m.start - 40 > start else start
            found = _LAST_BREAK.match(text, lo, m.start)
            clause = found.end() if found is not None else lo
            floor = prev.end if prev is not None else start
            series = (
                prev is not None
                and m.start - prev.end <= 4
                and cues.is_series(text, prev.end, m.start)
            )
            period = ctx.period
            if own is not None and m.start < own[0]:
                period = own[1]
            if "从" in text[max(start, m.start - 4) : m.start] and self._to_follows(i, mentions):
                period = None  # "从10.62亿千瓦增长到22亿千瓦": where the change starts
            if last_range is not None and last_range.last_year is not None:
                respective = self._respective(i, mentions, last_range)
                if respective is not None:
                    period = respective
            qualifier = qualifier_of(text, m.start, m.end, floor, m.more, clause)
            value = m.value
            sign: int | None = None
            near = floor if floor > clause else clause
            share = m.unit == "%" and cues.is_share(text, m.start, near)
            if m.kind == "percent" and not share:
                sign = sign_of(text, m.start, near)
                if sign is None and series:
                    sign = prev_sign
                if sign is not None and value > 0:
                    value = sign * value
            subject, measure = phrase_of(text, m.start, near)
            if subject is None and measure is not None and measure.startswith(self.names):
                # "某省农林牧渔业总产值": a name the text used as a subject, then the measure
                subject = next((n for n in self.names if measure.startswith(n)), None)
                if subject is not None and len(measure) > len(subject) + 1:
                    measure = measure[len(subject) :]
            if subject is not None:
                ctx.subject = subject
                if subject not in self.names and len(self.names) < 64:
                    self.names += (subject,)
            if share:
                measure = "share"
            elif series and prev_measure is not None and m.unit == prev.unit:  # type: ignore[union-attr]
                measure = prev_measure  # "分别增长55.6%、83.5%": the measure of the first
            else:
                measure = self._measure(m, measure, sign, series, ctx)
            claims.append(
                _CLAIM(
                    {
                        "value": value,
                        "unit": m.unit,
                        "qualifier": qualifier,
                        "period": period,
                        "measure": measure,
                        "subject": ctx.subject,
                        "text": original[m.start : m.end],
                        "start": m.start,
                        "end": m.end,
                        "section": section,
                    }
                )
            )
            prev, prev_sign, prev_measure = m, sign, measure
        for item in periods[pi:]:
            if not item.base and item.kind != "streak":
                self._state(item, ctx)

    def _state(self, mention: PeriodMention, ctx: _Context) -> None:
        """A period the text states becomes the paragraph's from here on."""
        if mention.kind == "same":
            return  # "同期": the period stated last, which ctx already holds
        year = self.year
        if mention.kind == "full_year":
            if ctx.unknown:
                return  # "去年...全年": the year stated is not known, so neither is this
            if ctx.period is not None:
                year = ctx.period.end.year
        ctx.period = resolve(mention, year, self.reference)
        ctx.unknown = ctx.period is None
        if mention.anchored and ctx.period is not None:
            self.year = ctx.period.end.year

    def _measure(
        self, m: Mention, measure: str | None, sign: int | None, series: bool, ctx: _Context
    ) -> str | None:
        if m.unit == "%" and sign is not None:
            base = measure or ctx.measure
            ctx.growth = f"{base} growth rate" if base else "growth rate"
            return ctx.growth
        if m.unit == "pp":  # a change of the growth rate stated last, or a gap to another
            gap = _GAP.search(measure) if measure else None
            if gap is not None:
                target = measure[gap.end() :] if measure else ""
                name = f"gap to {target}" if target else "gap"
                return f"{ctx.growth} {name}" if ctx.growth else name
            return f"{ctx.growth} change" if ctx.growth else None
        if measure is not None and m.unit not in {"%", "pp"}:
            ctx.measure = measure
        return measure or (ctx.measure if series else None)

    def _to_follows(self, i: int, mentions: list[Mention]) -> bool:
        if i + 1 >= len(mentions):
            return False
        gap = self.text[mentions[i].end : mentions[i + 1].start]
        return bool(_TO.search(gap)) and not _CLAUSE_END.search(gap)

    def _respective(
        self, i: int, mentions: list[Mention], years: PeriodMention | None
    ) -> Period | None:
        """ "2024-2026年 ... 732.12/945.94/1096.46亿元": the year of each figure of a series
        written with "/" after a range of as many years."""
        if years is None or years.year is None or years.last_year is None:
            return None
        count = years.last_year - years.year + 1
        group = self._slash_group(i, mentions)
        if group is None or group[1] - group[0] + 1 != count or count > 12:
            return None
        return Period.year(years.year + i - group[0])

    def _slash_group(self, i: int, mentions: list[Mention]) -> tuple[int, int] | None:
        """First and last index of the "/" series that holds mention ``i``."""
        lo = i
        # a series of more than 12 years is no series: the walk is bounded
        while (
            lo > 0
            and i - lo < 12
            and self.text[mentions[lo - 1].end : mentions[lo].start].strip() == "/"
        ):
            lo -= 1
        hi = i
        while (
            hi + 1 < len(mentions)
            and hi - i < 12
            and self.text[mentions[hi].end : mentions[hi + 1].start].strip() == "/"
        ):
            hi += 1
        return (lo, hi) if hi > lo else None

    def _section(self, at: int) -> str | None:
        section = self.doc.section_at(at)
        return section.title if section else None


def _outside(mentions: list[Mention], periods: list[PeriodMention]) -> list[Mention]:
    """The mentions that overlap no period (both lists are in text order)."""
    out: list[Mention] = []
    j = 0
    for m in mentions:
        while j < len(periods) and periods[j].end <= m.start:
            j += 1
        if j < len(periods) and periods[j].start < m.end:
            continue
        out.append(m)
    return out
