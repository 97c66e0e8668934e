"""Numeric claims of a document: value, unit, qualifier, period, measure, subject, span.

One pass over the parsed blocks. Prose: the lexer finds numbers; cues next to each number
give its qualifier, whether it is a change, a share or a level, and what it measures; the
sentence gives the period and the subject, else the paragraph before it does, else the
heading of its section. A period without a year ("the fourth quarter") takes the year the
paragraph, the heading, the document's date line or the text before states; "last year"
needs the date line (see `dateline`). Tables: a column header gives unit, scale and measure
(or a period); a row label gives subject, measure or period.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date

from pestle.ingest.context import Context, Draft, Overrides, SectionState
from pestle.ingest.dateline import reference_date
from pestle.ingest.document import Document, Paragraph, Section, Table, parse
from pestle.ingest.grammar import (
    Qualified,
    change_base,
    change_cue,
    gap_after,
    growth_of,
    level_after_change,
    level_measure,
    measure_after,
    normalize_measure,
    qualifier_after,
    qualifier_before,
    same_period_as,
    share_cue,
)
from pestle.ingest.language import has_chinese, is_chinese, is_chinese_at
from pestle.ingest.periods import PeriodMention, find_periods
from pestle.ingest.phrases import Measured, proper_phrase_before, singular
from pestle.ingest.quantities import Mention, lex
from pestle.ingest.subjects import SentenceSubject, analyse, coordination_before
from pestle.ingest.tables import TableReader
from pestle.model import Claim, Period

_TRANSFER = re.compile(
    r"\b(?:delegated|granted|given|assigned|allocated|transferred|awarded|devolved|handed"
    r"|delegating|granting)\s+(?:a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
_RECIPIENT = re.compile(
    r"^\s+to\s+(?:the\s+)?(?P<np>(?:[\w'’-]+\s+){0,5}?[\w'’-]+)"
    r"(?=\s*[,.;:]|\s*$|\s+(?:covering|including|in|for|with|and|by|on|at|to|which|that|so)\b)"
)
# a number given as the base of a comparison: "up from 4.6%", "lower than the 3% goal"
_BASE_VALUE = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against|from|than)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:(?:revised|expected|estimated|forecast|projected|previous|downwardly|upwardly)\s+)*$",
    re.I,
)
# the same figure in another currency or unit: "3.5 trillion yuan ($490 billion)"
_CONVERSION = re.compile(
    r"[ \t]*\([ \t]*(?:(?:about|approximately|around|roughly|nearly|some|or|equivalent\s+to"
    r"|i\.e\.)[ \t]+)?$",
    re.I,
)
_RATIOS = frozenset({"%", "pp", "count"})
_CLAUSE_BREAK = re.compile(r",(?!\d)|;")  # not the comma of "8,189.7"
_BASE_WORDS = re.compile(r"(?i:versus|vs|against|compared)")
_ELLIPSIS_GAP = re.compile(
    r"(?:\s+(?:year[- ]on[- ]year|y-o-y|yoy|y/y))?(?:\s+(?:in|during|for))?\s*,?\s*(?:and\s+)?",
    re.I,
)
# a period owned by the number right before it ("4.6 percent in the third quarter")
_OWN_GAP = 60
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom[ \t]+$", re.IGNORECASE)
_TO_GAP = re.compile(r"[ \t]*(?:to|-|–)[ \t]*")
# a plan or forecast: "will reach", "shall be", "is expected to", "may cap"
_MODAL = re.compile(
    r"\b(?:will|shall|would|may|might|could|should|(?:is|are)\s+(?:expected|scheduled|set|due"
    r"|planned|projected|forecast|likely|poised)\s+to|(?:is|are)\s+to)\b"
)
# what accumulates over a period (a flow), not a level at a date (a stock)
_FLOW = re.compile(
    r"\b(?:output|generation|production|consumption|exports?|imports?|sales|revenues?"
    r"|profits?|income|investment|shipments|additions|emissions|turnover|spending"
    r"|expenditure)\b",
    re.IGNORECASE,
)
_PROPER_WORD = re.compile(r"(?:(?<=[a-z0-9,;:)] )|(?<=\s[\"“(]))[A-Z][\w-]*")


def _years_moved(period: Period, years: int) -> Period:
    """The same interval ``years`` years later (29 February becomes the 28th)."""

    def move(day: date) -> date:
        try:
            return day.replace(year=day.year + years)
        except ValueError:
            return day.replace(year=day.year + years, day=28)

    return Period(start=move(period.start), end=move(period.end))


def _changed(measure: str | None) -> str | None:
    """The base of a change measure ("exports growth rate" -> exports)."""
    if measure is None:
        return None
    for suffix in (" growth rate", " change", " increase", " decrease"):
        if measure.endswith(suffix):
            return measure[: -len(suffix)]
    return None


def extract(source: str | Document) -> list[Claim]:
    """Every numeric claim of a document (text or parsed), sorted by start offset.

    Each claim satisfies ``claim.text == text[claim.start:claim.end]``.
    """
    doc = source if isinstance(source, Document) else parse(source)
    if not has_chinese(doc.text):
        return _Extractor(doc).run()
    return _bilingual(doc)


def _bilingual(doc: Document) -> list[Claim]:
    """Claims of a document with Chinese in it: each sentence read by the extractor of its
    language (a heading or table row is a sentence too)."""
    from pestle.ingest.zh import extract_chinese  # the Chinese family, loaded when needed

    chinese = [is_chinese_at(doc.text, s.start, s.end) for s in doc.sentences]
    starts = [s.start for s in doc.sentences]

    def language_at(start: int) -> bool:
        i = bisect.bisect_right(starts, start) - 1
        return chinese[i] if i >= 0 else is_chinese(doc.text[start : start + 200])

    claims = extract_chinese(doc, lambda start, _end: language_at(start), chinese)
    if not all(chinese):
        # each stretch of English sentences on its own: the English extractor's work is
        # that of the English text only (a stretch states its own periods and subjects)
        regions: list[list[int]] = []
        for s, zh in zip(doc.sentences, chinese, strict=True):
            if zh:
                continue
            if regions and not doc.text[regions[-1][1] : s.start].strip():
                regions[-1][1] = s.end
            else:
                regions.append([s.start, s.end])
        # all stretches in one text, a blank line between them (a paragraph break), read
        # once; offsets map back through the stretch each claim lies in
        starts: list[int] = []  # where each stretch starts in the English text
        pieces: list[str] = []
        at = 0
        for a, b in regions:
            starts.append(at)
            pieces.append(doc.text[a:b])
            at += b - a + 2
        for c in _Extractor(parse("\n\n".join(pieces))).run():
            k = bisect.bisect_right(starts, c.start) - 1
            shift = regions[k][0] - starts[k]
            claims.append(c.model_copy(update={"start": c.start + shift, "end": c.end + shift}))
        claims.sort(key=lambda c: (c.start, c.end))
    return claims


class _Extractor(TableReader):
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.proper = self._proper_words()
        self.drafts: list[Draft] = []
        self._periods: dict[tuple[object, ...], Period | None] = {}
        self.reference = reference_date(doc)
        self.year: int | None = None  # the last year the text stated
        self.last_period: Period | None = None  # the last period the text stated

    # -- driver ---------------------------------------------------------------------------
    def run(self) -> list[Claim]:
        state = SectionState()
        last: Context | None = None
        section_period: Period | None = None  # the period a heading states for its section
        section_year: int | None = None  # the year a heading states
        starts = [s.start for s in self.doc.sentences]
        for block in self.doc.blocks:
            if isinstance(block, Section):
                state = SectionState()
                last = None
                spans = [(block.title_start, block.title_end)]
                ctx = Context(year=self._default_year(None))
                before, self.year = self.year, None  # now: the year the heading states
                self._prose(block.title_start, block.title_end, spans, ctx, state, heading=True)
                section_period, section_year = ctx.period, self.year
                self.year = self.year or before
            elif isinstance(block, Paragraph):
                ctx = self._opening(section_period, section_year)
                lo = bisect.bisect_left(starts, block.start)
                hi = bisect.bisect_left(starts, block.end)
                spans = [(s.start, s.end) for s in self.doc.sentences[lo:hi]]
                self._prose(block.start, block.end, spans, ctx, state)
                last = ctx
            elif isinstance(block, Table):
                base = last or self._opening(section_period, section_year)
                self._flush(base, state)
                self._table(block, replace(base, subject=base.topic, pending=[]), state)
        return self._claims()

    def _opening(self, period: Period | None, year: int | None) -> Context:
        """The context a paragraph opens with: its section's period and year."""
        return Context(
            period=period,
            year=self._default_year(year),
            year_stated=year is not None,
            opening=period,
        )

    def _default_year(self, section_year: int | None) -> int | None:
        """The year of "the fourth quarter" when its paragraph states none.

        The year the section heading states; else the year the document was written (a
        period after that date is moved a year back, see `_resolve`); else the last year
        the text stated.
        """
        if section_year is not None:
            return section_year
        if self.reference is not None:
            return self.reference.year
        return self.year

    def _claims(self) -> list[Claim]:
        out = []
        for d in sorted(self.drafts, key=lambda d: (d.start, d.end)):
            section = self.doc.section_at(d.start)
            out.append(
                Claim(
                    value=d.value,
                    unit=d.unit,
                    qualifier=d.qualifier,
                    period=d.period,
                    measure=d.measure,
                    subject=d.subject,
                    text=self.text[d.start : d.end],
                    start=d.start,
                    end=d.end,
                    section=section.title if section else None,
                )
            )
        return out

    def _proper_words(self) -> frozenset[str]:
        found: set[str] = set()
        for para in self.doc.paragraphs:
            found.update(_PROPER_WORD.findall(para.text))
        return frozenset(found)

    def _resolve(
        self, mention: PeriodMention, year: int | None, *, stated: bool = False
    ) -> Period | None:
        """The period of a mention; a year-less one takes ``year`` (the last one stated).

        A year-less period that would start after the document was written is the one of
        the year before ("the fourth quarter" in a story of January 2025 is 2024's), unless
        the text ``stated`` that year ("Key Tasks for 2025 ... by the end of the year"). "In
        the same period" is the period stated last.
        """
        if mention.kind == "same":
            return self.last_period
        key = (
            mention.kind,
            mention.year,
            mention.first_month,
            mention.last_month,
            mention.day,
            mention.last_year,
            mention.point,
            mention.offset,
            mention.first_day,
            year,
            stated,
        )
        if key not in self._periods:
            ref = self.reference
            period = mention.resolve(year, ref.year if ref else None)
            if (
                period is not None
                and ref is not None
                and not mention.anchored
                and not stated
                and period.start > ref
            ):
                period = mention.resolve(period.start.year - 1)
            self._periods[key] = period
        return self._periods[key]

    # -- prose ----------------------------------------------------------------------------
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
        text = self.text
        periods = find_periods(text, start, end)
        mentions = lex(text, start, end, periods, labels=not heading and overrides is None)
        if not sentences:
            sentences = [(start, end)]
        mi = pi = 0
        for s_start, s_end in sentences:
            s_mentions: list[Mention] = []
            while mi < len(mentions) and mentions[mi].start < s_end:
                if mentions[mi].start >= s_start:
                    s_mentions.append(mentions[mi])
                mi += 1
            s_periods: list[tuple[PeriodMention, Period | None]] = []
            while pi < len(periods) and periods[pi].start < s_end:
                pm = periods[pi]
                if pm.start >= s_start:
                    resolved = self._resolve(pm, ctx.year, stated=ctx.year_stated)
                    s_periods.append((pm, resolved))
                    if not pm.base and resolved is not None:
                        if pm.anchored:
                            ctx.year = self.year = resolved.end.year
                            # the dateline's own date states no year for the story
                            ref = self.reference
                            dateline = resolved.start == resolved.end == ref
                            ctx.year_stated = ctx.year_stated or not dateline
                        self.last_period = resolved
                pi += 1
            if s_mentions:
                if overrides is not None:
                    subj = SentenceSubject()
                else:
                    self._flush(ctx, state)
                    subj = analyse(text, s_start, s_end, self.proper)
                measured, named = self._sentence(
                    s_start, s_end, s_mentions, s_periods, subj, ctx, state, overrides
                )
                # "the total value of imports and exports of Northland": its owner is named
                owners = subj.owners if named is None else ((named, s_start), *subj.owners)
                if measured:  # "Exports rose 5%": the subject phrase is what is measured
                    subj = SentenceSubject(owners=owners)
                elif named is not None and subj.entity is None:
                    subj = replace(subj, owners=owners)
                self._name(subj, ctx, state)
            elif overrides is None:
                # a sentence without numbers only matters for the subject it may set for
                # later sentences or a table: analyse it when (if ever) that is needed
                ctx.pending.append((s_start, s_end))
            stated = [p for pm, p in s_periods if not pm.base and p is not None]
            if stated:
                ctx.period = stated[-1]

    def _flush(self, ctx: Context, state: SectionState) -> None:
        """Analyse the sentences whose subjects were left for later, in order."""
        for s_start, s_end in ctx.pending:
            self._name(analyse(self.text, s_start, s_end, self.proper), ctx, state)
        ctx.pending.clear()

    def _name(self, subj: SentenceSubject, ctx: Context, state: SectionState) -> None:
        name = subj.entity
        if name is None and subj.anaphor is not None:
            name = self._anaphor(subj.anaphor, state)
        if name is None:
            name = subj.name
        if name is not None:
            ctx.name(name)

    def _sentence(
        self,
        s_start: int,
        s_end: int,
        mentions: list[Mention],
        periods: list[tuple[PeriodMention, Period | None]],
        subj: SentenceSubject,
        ctx: Context,
        state: SectionState,
        overrides: Overrides | None,
    ) -> tuple[bool, str | None]:
        """Claims of one sentence; True when its subject phrase is a measure, not a name
        (with the name that owns that measure, if any)."""
        text = self.text
        respective = self._respectively(s_start, s_end, mentions, subj)
        fixed = overrides is not None and overrides.fixed  # a table cell: its row says it all
        bases = [
            not fixed and self._is_base(m, mentions[i - 1].end if i else s_start)
            for i, m in enumerate(mentions)
        ]
        owners = self._owners(mentions, periods) if not fixed else []
        skips = [(pm.start, pm.end) for pm, _ in periods]
        done: list[Draft] = []
        measured = False
        named: str | None = None
        for i, m in enumerate(mentions):
            prev_end = mentions[i - 1].end if i > 0 else s_start
            floor = max(s_start, min(prev_end, m.start))
            limit = mentions[i + 1].start if i + 1 < len(mentions) else s_end
            limit = max(limit, m.end)
            q = qualifier_before(text, m.start, floor)
            qualifier = q.qualifier if q.qualifier != "=" else m.qualifier
            if qualifier == "=":
                qualifier = qualifier_after(text, m.end, s_end) or "="
            unit = m.unit or "count"
            value, measure, owner, found = self._measure(
                m,
                unit,
                q,
                done,
                ctx,
                floor=floor,
                limit=limit,
                prev_end=prev_end,
                s_end=s_end,
                skips=skips,
            )
            if (
                found is not None
                and subj.phrase is not None
                and measure is not None
                and (
                    subj.start <= found.start < subj.end
                    or (found.phrase and found.phrase in subj.phrase and not owner)
                )
            ):
                measured = True
            if measured and subj.entity is not None:
                subj = SentenceSubject(
                    subj.phrase, subj.start, subj.end, None, subj.anaphor, subj.items, subj.owners
                )
            if measure is None and done and bases[i]:
                # "rose 4.5%, compared with 3.0% a year ago", "18.4% from RMB 5.76 billion"
                measure = next((d.measure for d in reversed(done) if d.unit == unit), None)
            if done and m.qualifier == "<=" and mentions[i - 1].qualifier == ">=":
                measure = done[-1].measure  # "between 5 and 6 percent": the bound's measure
            if measure is None and unit == "%" and done and self._elliptic(done[-1], m, skips):
                measure = done[-1].measure  # "5.3% in Q1, 4.7% in Q2": the same measure
            if overrides is not None and overrides.measure is not None and measure is None:
                measure = overrides.measure
            if measure is None and unit == "W":
                measure = "capacity"
            if overrides is not None and fixed:
                subject = overrides.subject
                period = overrides.period
            else:
                subject = self._subject(m, q.start, s_start, subj, owner, respective, state, ctx)
                if subject is None or subject == ctx.subject:
                    subject = named or subject  # "... of Northland reached N, up 12.6%"
                period, inherited = self._period(i, mentions, periods, owners, bases, ctx)
                if inherited:
                    period = self._inherited(period, s_start, s_end, m.start, measure, ctx)
                if period is not None:
                    period = self._same_period(period, m.end, s_end)
            if named is None and owner is not None and owner[:1].isupper():
                named = owner
            converted = self._converted(m, unit, done)
            if converted is not None:  # "3.5 trillion yuan ($490 billion)": the same figure
                measure = measure or converted.measure
                subject, period = converted.subject, converted.period
                if qualifier == "=":  # "more than 600 billion yuan ($82.9 billion)"
                    qualifier = converted.qualifier
            draft = Draft(m.start, m.end, value, unit, qualifier, period, measure, subject)
            done.append(draft)
            self.drafts.append(draft)
            if m.kind == "count" and measure:
                state.counted.append(measure)
            elif measure and unit not in {"%", "pp"} and m.kind == "quantity":
                ctx.measure = measure
                state.measure = measure
            if measure and measure.endswith("growth rate"):
                ctx.growth = measure
        return measured, named

    def _measure(
        self,
        m: Mention,
        unit: str,
        q: Qualified,
        done: list[Draft],
        ctx: Context,
        *,
        floor: int,
        limit: int,
        prev_end: int,
        s_end: int,
        skips: list[tuple[int, int]],
    ) -> tuple[float, str | None, str | None, Measured | None]:
        """(value, measure, owner, measure phrase) of a mention: a count, share, change or level.

        A change makes a "<base> growth rate" (declines negative) for %, a "<base> change" or
        a gap to a reference for percentage points, a "<base> increase" for amounts.
        """
        text = self.text
        value = m.value
        measure: str | None = None
        owner: str | None = None
        found: Measured | None = None
        if m.kind == "count" and m.measure is not None:
            measure = m.measure
        elif m.kind == "share":
            measure = "share"
        elif unit == "pp":
            gap = gap_after(text, m.end, s_end)
            if gap is not None:
                base = self._last(done, growth=True) or ctx.growth
                measure = f"{base} gap to {gap.target}" if base else f"gap to {gap.target}"
                value = value * gap.sign
            else:
                change = change_cue(text, q.start, m.end, floor, limit)
                base = self._last(done, unit="%") or ctx.growth
                if change is not None:
                    value = value * change.sign
                    found = change_base(text, change, floor, skips)
                    named = normalize_measure(change.base or (found.phrase if found else None))
                    base = named or base
                measure = f"{base} change" if base else None
        elif unit == "%" and m.signed and done and text[m.start - 1 : m.start] == "(":
            # "473 GW (+13.9%)": the change of the figure before, as a growth rate
            base = _changed(done[-1].measure) or done[-1].measure
            measure = f"{base} growth rate" if base else "growth rate"
        elif unit == "%":
            change = change_cue(text, q.start, m.end, floor, limit)
            if change is not None:
                found = change_base(text, change, floor, skips)
                base = normalize_measure(change.base or (found.phrase if found else None))
                if found is not None:
                    owner = found.owner
                if base is None and change.noun:  # "an increase of 5 percent in revenue"
                    base = normalize_measure(measure_after(text, m.end, limit))
                base = base or self._last(done) or _changed(self._last(done, growth=True))
                base = base or ctx.measure
                measure = f"{base} growth rate" if base else "growth rate"
                value = value * change.sign
            elif share_cue(text, q.start, m.end, floor, limit):
                measure = "share"
            elif (gap := gap_after(text, m.end, s_end)) is not None:
                # "40% below the current cost": a difference to a reference, signed
                found = level_measure(text, q.start, floor, q.verbal, skips)
                base = normalize_measure(found.phrase) if found is not None else None
                measure = f"{base} gap to {gap.target}" if base else f"gap to {gap.target}"
                value = value * gap.sign
            else:
                found = level_measure(text, q.start, floor, q.verbal, skips)
                if found is not None:
                    measure, owner = normalize_measure(found.phrase), found.owner
                    if found.elided:
                        measure = self._last(done, unit=unit) or ctx.growth
                    elif (grown := growth_of(text, found)) is not None:
                        measure, owner = f"{grown} growth rate", None
                if measure is None and done and level_after_change(text, prev_end, q.start):
                    measure = _changed(done[-1].measure)
        else:
            change = change_cue(text, q.start, m.end, floor, limit, after=False)
            if change is not None and change.by:
                found = change_base(text, change, floor, skips)
                base = normalize_measure(change.base or (found.phrase if found else None))
                base = base or self._last(done) or ctx.measure
                word = "increase" if change.sign > 0 else "decrease"
                measure = f"{base} {word}" if base else word
            else:
                found = level_measure(text, q.start, floor, q.verbal, skips)
                if found is not None:
                    measure, owner = normalize_measure(found.phrase), found.owner
                    if found.elided:  # "that of the secondary industry was 36 billion yuan"
                        measure = self._last(done) or ctx.measure
                if measure is None:
                    measure = normalize_measure(measure_after(text, m.end, limit))
                if measure is None and done and level_after_change(text, prev_end, q.start):
                    measure = _changed(done[-1].measure)
        return value, measure, owner, found

    @staticmethod
    def _last(done: list[Draft], *, growth: bool = False, unit: str | None = None) -> str | None:
        for d in reversed(done):
            if d.measure is None:
                continue
            if growth and d.measure.endswith("growth rate"):
                return d.measure
            if unit is not None and d.unit == unit:
                return d.measure
            if not growth and unit is None and d.unit not in {"%", "pp"}:
                return d.measure
        return None

    def _respectively(
        self, s_start: int, s_end: int, mentions: list[Mention], subj: SentenceSubject
    ) -> dict[int, str]:
        """Map mention start -> subject for "A, B and C ... 1, 2 and 3 ... respectively"."""
        out: dict[int, str] = {}
        groups: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.group is not None:
                groups.setdefault(m.group, []).append(m)
        for members in groups.values():
            if len(members) < 2:
                continue
            last = members[-1]
            after = [m.start for m in mentions if m.start > last.end]
            stop = min(after[0] if after else s_end, last.end + 80, s_end)
            if not _RESPECTIVELY.search(self.text, last.end, stop):
                continue
            items = subj.items if subj.items and len(subj.items) == len(members) else None
            if items is None:
                items = coordination_before(self.text, s_start, members[0].start, len(members))
            if items is None:
                continue
            for m, item in zip(members, items, strict=True):
                out[m.start] = item
        return out

    def _subject(
        self,
        m: Mention,
        q_start: int,
        s_start: int,
        subj: SentenceSubject,
        owner: str | None,
        respective: dict[int, str],
        state: SectionState,
        ctx: Context,
    ) -> str | None:
        text = self.text
        if m.start in respective:
            return respective[m.start]
        if m.kind == "count" and _TRANSFER.search(text, max(s_start, q_start - 40), q_start):
            r = _RECIPIENT.match(text[m.end : m.end + 80])
            if r is not None:
                return r.group("np")
        paren = text.rfind("(", s_start, m.start)
        if paren >= 0 and text.find(")", paren, m.start) < 0:
            name = proper_phrase_before(text, paren, s_start)
            if name is not None:
                return name
        if owner is not None and owner[0].isupper():
            return owner
        if subj.phrase is not None and m.start >= subj.end:
            if subj.entity is not None:
                return subj.entity
            if subj.anaphor is not None:
                resolved = self._anaphor(subj.anaphor, state)
                if resolved is not None:
                    return resolved
        for name, at in subj.owners:
            if at < m.start:
                return name
        return ctx.subject

    @staticmethod
    def _anaphor(head: str, state: SectionState) -> str | None:
        key = singular(head).lower()
        for measure in reversed(state.counted):
            last = measure.split()[-1].lower()
            if last == head or singular(last).lower() == key:
                return measure
        return None

    def _is_base(self, m: Mention, floor: int) -> bool:
        """A number stated as the base of a comparison ("up from 4.6%", "than the 3% goal")."""
        lo = max(floor, m.start - 45)
        window = self.text[lo : m.start]
        cheap = "from" in window or "than" in window or "compared" in window
        if not cheap and not _BASE_WORDS.search(window):
            return False
        return bool(_BASE_VALUE.search(self.text, lo, m.start))

    def _owners(
        self, mentions: list[Mention], periods: list[tuple[PeriodMention, Period | None]]
    ) -> list[int | None]:
        """For each period, the number it follows directly ("4.6 percent in the third quarter").

        A period owned by a number belongs to that number; it is stated for the rest of the
        sentence only when that number is not the base of a comparison.
        """
        text = self.text
        out: list[int | None] = []
        starts = [m.start for m in mentions]
        for pm, _ in periods:
            j = bisect.bisect_right(starts, pm.start) - 1
            owner = None
            if j >= 0 and mentions[j].end <= pm.start and pm.start - mentions[j].end <= _OWN_GAP:
                gap = text[mentions[j].end : pm.start]
                if "," not in gap and ";" not in gap:
                    owner = j
            out.append(owner)
        return out

    def _period(
        self,
        i: int,
        mentions: list[Mention],
        periods: list[tuple[PeriodMention, Period | None]],
        owners: list[int | None],
        bases: list[bool],
        ctx: Context,
    ) -> tuple[Period | None, bool]:
        """The period of the i-th number ``m`` of a sentence, and whether it is the
        paragraph's (no period of the sentence applies).

        Its own ("5 billion yuan in 2024"); else the last one stated before it for the whole
        clause ("In November, exports rose 6.7%, ... while imports fell 3.9%"); else the first
        one after it in the same clause ("rose 4.5% to $50 billion in 2024"); else the
        paragraph's. A period that follows the base of a comparison ("up from 9.3 GWh in Q2
        2024") is that base's only. A period stated but unknown ("last year" in a document
        without a date) gives None, not the paragraph's period.
        """
        m = mentions[i]
        text = self.text
        before: tuple[Period | None] | None = None
        later: tuple[Period | None] | None = None
        for (pm, period), owner in zip(periods, owners, strict=True):
            if pm.base:
                continue
            if owner == i:
                return period, False
            if owner is not None and bases[owner]:
                continue
            if (owner is not None and owner < i) or (owner is None and pm.end <= m.start):
                before = (period,)
            elif later is None and not _CLAUSE_BREAK.search(text, m.end, pm.start):
                later = (period,)
        if self._from_to(i, m, mentions):  # "from 0.4 million to 0.7 million tonnes by 2030"
            return None, False
        if before is not None:
            return before[0], False
        if later is not None:
            return later[0], False
        return ctx.period, True

    def _inherited(
        self,
        period: Period | None,
        s_start: int,
        s_end: int,
        at: int,
        measure: str | None,
        ctx: Context,
    ) -> Period | None:
        """The paragraph's period for a number at ``at`` whose sentence states none.

        A plan or forecast ("will reach", "shall be", "is scheduled to") does not take a
        period an earlier sentence stated for what happened; it keeps the section's ("Main
        Targets for 2025"). A flow ("Power generation totaled ...") after a stock at the end
        of a year ("capacity reached ... by the end of the year") is the flow of that year.
        """
        if period is None:
            return None
        if period != ctx.opening:
            lo = self.text.rfind(";", s_start, at) + 1 or s_start
            hi = self.text.find(";", at, s_end)
            if _MODAL.search(self.text, lo, hi if hi >= 0 else s_end):  # the number's clause
                return ctx.opening
        if (
            period.start == period.end
            and (period.end.month, period.end.day) == (12, 31)
            and measure is not None
            and _FLOW.search(measure)
        ):
            return Period.year(period.end.year)
        return period

    def _from_to(self, i: int, m: Mention, mentions: list[Mention]) -> bool:
        """ "rise from 0.4 million to 0.7 million tonnes by 2030": the first figure is the
        level the change starts from; the period stated for the second is not its."""
        if i + 1 >= len(mentions) or not _FROM_BEFORE.search(
            self.text, max(0, m.start - 6), m.start
        ):
            return False
        return _TO_GAP.fullmatch(self.text, m.end, mentions[i + 1].start) is not None

    def _same_period(self, period: Period, end: int, limit: int) -> Period:
        """ "3.0% in the same period last year / of 2024": the period moved to that year."""
        year = same_period_as(self.text, end, limit)
        if year is None:
            return period
        return _years_moved(period, year - period.end.year if year > 0 else year)

    def _elliptic(self, prev: Draft, m: Mention, skips: list[tuple[int, int]]) -> bool:
        """ "grew 5.3 percent in the first quarter, 4.7 percent in the second": only periods,
        commas and "and" between two percentages, the first a growth rate."""
        if prev.unit != "%" or not prev.measure or not prev.measure.endswith("growth rate"):
            return False
        gap = self.text[prev.end : m.start]
        for s, e in skips:
            if prev.end <= s and e <= m.start:
                gap = gap.replace(self.text[s:e], " ")
        return bool(_ELLIPSIS_GAP.fullmatch(gap))

    def _converted(self, m: Mention, unit: str, done: list[Draft]) -> Draft | None:
        """The figure a parenthesis converts: "3.5 trillion yuan ($490 billion)" -> 3.5 tn."""
        if not done or unit in _RATIOS or done[-1].unit in _RATIOS or done[-1].unit == unit:
            return None
        prev = done[-1]
        if _CONVERSION.fullmatch(self.text, prev.end, m.start) is None:
            return None
        return prev
