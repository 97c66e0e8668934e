"""When a document was written: its date line or dateline, the anchor of "last year".

News and releases state their date near the top: a date line ("Updated: 2024-12-10 09:12",
"December 9, 2024 4:15 PM GMT+8", "(People's Daily Online) 09:08, November 28, 2024") or a
dateline opening the first paragraph ("SHANGHAI, China, Aug. 28, 2025 /PRNewswire/ --",
"BEIJING, Jan. 17 (Xinhua) --"). A dateline without a year takes it from the period the
story reports: a story dated Jan. 17 that reports figures "in 2024" was written in 2025
(the first Jan. 17 after the end of 2024); a period the story looks ahead to ("a target for
2025") says nothing about when it was written. Without either, the date is unknown and
relative periods ("last year") stay unresolved.
"""

from __future__ import annotations

import re
from datetime import date

from pestle.ingest.document import Document
from pestle.ingest.periods import MONTH, YEAR, PeriodMention, find_periods

_HEAD_CHARS = 1500  # a date line or dateline sits in the first lines of a document
_HEAD_PARAGRAPHS = 6
_DATE_LINE_CHARS = 200
_TERMINAL = re.compile(r"[.!?;,]\s*$")
_DATELINE = re.compile(
    r"^[ \t\"“]*[A-Z][A-Za-z.'’-]*(?:[ /-][A-Z][A-Za-z.'’-]*){0,4}"  # BEIJING, HONG KONG/SHANGHAI
    r"(?:,[ \t]+[A-Z][A-Za-z.'’ -]{1,30}?)?"  # , China
    rf",[ \t]+(?P<month>{MONTH})[ \t]*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?[ \t]+(?P<year>{YEAR}))?"
    r"[ \t]*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?[ \t]*(?:--|—|–|-|:)",
    re.IGNORECASE,
)
# "a target for 2025", "by 2030": a period ahead of the story, not the one it reports
_TARGET_BEFORE = re.compile(r"\b(?:for|by|to|until|till|through|before)[ \t]+$", re.IGNORECASE)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


def reference_date(doc: Document) -> date | None:
    """The date the document was written, from its date line or dateline; None if unstated."""
    yearless: tuple[int, int, int] | None = None  # (month, day, paragraph index)
    head = [p for p in doc.paragraphs[:_HEAD_PARAGRAPHS] if p.start < _HEAD_CHARS]
    for i, para in enumerate(head):
        line = _DATELINE.match(para.text)
        if line is not None:
            month = _MONTHS[line.group("month").lower().rstrip(".")]
            day = int(line.group("day"))
            if line.group("year"):
                return _date(int(line.group("year")), month, day)
            if yearless is None:
                yearless = (month, day, i)
            continue
        if len(para.text) <= _DATE_LINE_CHARS and not _TERMINAL.search(para.text):
            found = _full_date(doc.text, para.start, para.end)
            if found is not None:
                return found
    if yearless is None:
        return None
    month, day, i = yearless
    return _after_reported(doc, head[i].start, head[i].end, month, day)


def _full_date(text: str, start: int, end: int) -> date | None:
    """The first date with day, month and year in ``text[start:end]``."""
    for mention in find_periods(text, start, end):
        if mention.kind == "day" and mention.year is not None and mention.day is not None:
            return _date(mention.year, mention.first_month, mention.day)
    return None


def _after_reported(doc: Document, start: int, end: int, month: int, day: int) -> date | None:
    """The first (month, day) after the end of the first period the lead paragraph reports."""
    reported: PeriodMention | None = next(
        (
            m
            for m in find_periods(doc.text, start, end)
            if m.year is not None
            and not m.base
            and not _TARGET_BEFORE.search(doc.text, max(start, m.start - 12), m.start)
        ),
        None,
    )
    if reported is None:
        return None
    period = reported.resolve()
    if period is None:
        return None
    same_year = _date(period.end.year, month, day)
    if same_year is not None and same_year > period.end:
        return same_year
    return _date(period.end.year + 1, month, day)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
