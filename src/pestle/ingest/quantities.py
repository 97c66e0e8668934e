"""The lexer: every number expression of a text span, with magnitude and unit applied.

One compiled pattern finds ``[currency] number [range] [magnitudes] [unit]``. Numbers
without a unit become counts when a noun follows ("25 measures", "eight major industrial
clusters"); "half of" / "two-thirds of" become shares; bare numbers in a list take the unit
of the last member ("20, 6, and 17 permissions"). Period expressions are found first and
the numbers inside them are not quantities.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from pestle.ingest.numbers import (
    MAGNITUDE_ABBREV,
    MAGNITUDE_LETTER,
    MAGNITUDE_WORDS,
    NUMBER_WORDS,
    NUMERAL,
    magnitude_exponent,
    numeral_digits,
    scaled,
    word_value,
)
from pestle.ingest.periods import PeriodMention
from pestle.ingest.phrases import LABEL_WORDS, STOP, counted_phrase, words
from pestle.ingest.units import CURRENCY_PREFIX, UNIT, currency_prefix, unit_spec

_QUANTITY = re.compile(
    r"(?<![\w.$£€¥/\\±+-])"
    rf"(?:(?P<pre>{CURRENCY_PREFIX})[ \t]?)?"
    r"(?P<sign>[-−+](?=\d))?"
    rf"(?P<num>{NUMERAL}|{NUMBER_WORDS}|[Aa]n?(?=[ \t-]+{MAGNITUDE_WORDS}))"
    rf"(?:[ \t]*(?:-|–|to)[ \t]*(?P<num2>{NUMERAL})(?![\d]))?"
    rf"(?P<mag>(?:(?:[ \t]+|-){MAGNITUDE_WORDS})*)"
    rf"(?:(?(pre)[ \t]?(?P<abbr_c>{MAGNITUDE_ABBREV}|{MAGNITUDE_LETTER})"
    rf"|[ \t]?(?P<abbr>{MAGNITUDE_ABBREV})))?"
    rf"(?:(?:[ \t]*|-)(?P<unit>{UNIT}))?"
)
_FRACTION = re.compile(
    r"(?<![\w])(?P<d>[Hh]alf|[Hh]alves|[Tt]hirds?|[Qq]uarters?|[Ff]ifths?|[Tt]enths?)"
    r"(?=[ \t]+of\b)"
)
_NUMERATOR = re.compile(r"(?i:(?<![\w-])(?P<n>one|a|two|three|four)[ \t-]+)$")
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTION_NUMERATORS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4}
_ORDINAL_BEFORE = re.compile(
    r"(?i:\b(?:first|second|third|fourth|last|latter|former|\d(?:st|nd|rd|th))\s+$)"
)
_LIST_MARKER = re.compile(r"[ \t]*(?:\(\d{1,2}\)|\d{1,2}[.)])[ \t]")
_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([#\w][\w.]*)(:?)[ \t]+$")
# "1,260 enterprises, including 87 above designated size": a count whose noun is elided
_PART_OF = re.compile(
    r"\b(?:including|of\s+which|of\s+whom|among\s+them|among\s+these|of\s+them|of\s+these)"
    r"[ \t]*,?[ \t]*$",
    re.IGNORECASE,
)
_COPULA = re.compile(r"[ \t]+(?:are|were)[ \t]+")
_SENTENCE_BREAK = re.compile(r"[.!?;][\"”’)]*\s")
# "between 5 and 6 percent", "between RMB 6.9 billion and RMB 7.3 billion": two bounds
_BETWEEN = re.compile(r"\bbetween[ \t]+$", re.IGNORECASE)
_AND = re.compile(r"[ \t]+and[ \t]+")
# "grow by 6% to 7%": a range written with the unit on both bounds (not "from 6% to 7%")
_TO = re.compile(r"[ \t]*(?:to|-|–)[ \t]*")
_FROM = re.compile(r"\bfrom[ \t]+$", re.IGNORECASE)
# what may follow a magnitude that counts people or things ("1.408 billion at the end of")
_AFTER_COUNT = re.compile(r"[ \t]*(?:$|[,.;:)\]]|\((?!\d)|(?P<word>[A-Za-z]+)\b)")
# "the number of high-tech enterprises exceeded 75,000": a bare number that counts
_NUMBER_OF = re.compile(
    r"\bnumber\s+of\s+[^.;:\d]{1,100}?\s(?:reach(?:ed|es)|(?:rose|fell|grew|increased"
    r"|decreased|climbed|dropped)\s+to|exceed(?:ed|s)|surpass(?:ed|es)|topp?(?:ed|s)|stood\s+at"
    r"|stands\s+at|was|were|is|are|totall?(?:ed|s)|hit|amounted\s+to|numbered)"
    r"\s+(?:(?:more|less|fewer)\s+than\s+|over\s+|nearly\s+|about\s+|around\s+|some\s+"
    r"|almost\s+|approximately\s+|roughly\s+)?$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Mention:
    """A number expression found in a text, before context (measure, period, ...) is added."""

    start: int
    end: int
    digits: str
    exponent: int
    unit: str | None
    kind: str  # "quantity" | "count" | "share" | "bare"
    measure: str | None = None
    qualifier: str = "="
    fixed_value: float | None = None
    magnitude: bool = False
    group: int | None = None
    unit_exponent: int = 0
    signed: bool = False  # "(+13.9%)": a sign written before the number marks a change

    @property
    def value(self) -> float:
        if self.fixed_value is not None:
            return self.fixed_value
        return scaled(self.digits, self.exponent)


def _overlaps_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps one of ``spans`` (sorted by start)."""
    i = bisect.bisect_left(spans, (end, -1))
    return any(b > start for _, b in spans[max(0, i - 8) : i])


def lex(
    text: str,
    start: int,
    end: int,
    periods: list[PeriodMention],
    *,
    labels: bool = True,
) -> list[Mention]:
    """Every quantity, count and share in ``text[start:end]`` (spans relative to ``text``).

    ``labels``: treat a bare number after a capitalized name ("Phase 2", "Boeing 737") as a
    label, not a count (off for headings, whose words are all capitalized).
    """
    found: list[Mention] = []
    marker = _LIST_MARKER.match(text, start, end)
    list_number_end = marker.end() if marker else -1
    pos = start
    pi = 0  # periods are sorted; skip those that end before the current match
    while True:
        m = _QUANTITY.search(text, pos, end)
        if m is None:
            break
        s, e = m.start(), m.end()
        pos = max(e, s + 1)
        if s < list_number_end or (text[s - 1 : s] == ":" and text[s - 2 : s - 1].isdigit()):
            continue  # list numbering; the minutes of a time ("4:15 PM")
        while pi < len(periods) and periods[pi].end <= s:
            pi += 1
        hit_end = -1
        k = pi  # by index: a slice "periods[pi:]" would copy the rest of the list each time
        while k < len(periods) and periods[k].start < e:
            hit_end = max(hit_end, periods[k].end)
            k += 1
        if hit_end >= 0:
            # "in 2023 to 126.06 trillion yuan": the year is a period; read on after it
            pos = max(s + 1, min(hit_end, e))
            continue
        found.extend(_mention(text, m, end, labels))
    taken = sorted((x.start, x.end) for x in found)
    period_spans = [(p.start, p.end) for p in periods]
    for m in _FRACTION.finditer(text, start, end):
        numerator = _NUMERATOR.search(text, max(start, m.start() - 8), m.start())
        s = numerator.start() if numerator else m.start()
        d_word = m.group("d").lower()
        if numerator is None and text[m.start() - 1 : m.start()] == "-":
            continue  # "mid-half of": only a numerator joins a fraction with a hyphen
        if numerator is None and d_word != "half":
            continue  # "the third of", "quarter of": an ordinal or a period, not a fraction
        if _overlaps_spans(period_spans, s, m.end()) or _overlaps_spans(taken, s, m.end()):
            continue
        if _ORDINAL_BEFORE.search(text, max(start, s - 12), s):
            continue
        n = _FRACTION_NUMERATORS[numerator.group("n").lower()] if numerator else 1
        d = _DENOMINATORS[d_word.rstrip("s") if d_word != "halves" else d_word]
        found.append(
            Mention(
                s,
                m.end(),
                "",
                0,
                "%",
                "share",
                fixed_value=n * 100 / d,
            )
        )
    found.sort(key=lambda x: x.start)
    _bounds(text, found, start)
    _group_lists(text, found)
    for x in found:
        if (
            x.kind == "bare"
            and (x.magnitude or _NUMBER_OF.search(text, max(start, x.start - 160), x.start))
            and _countable_after(text, x.end, end)
        ):
            x.kind, x.unit = "count", "count"  # "population stood at 1.408 billion"
    _parts(text, found, start, end)
    return [x for x in found if x.kind != "bare"]


def _parts(text: str, found: list[Mention], start: int, end: int) -> None:
    """Bare numbers that count a part of what was counted before: "Among them, 14 are
    manufacturing projects" (the noun after the verb), "1,260 enterprises, including 87
    above designated size" (the noun of the count before, in the same sentence)."""
    counted: Mention | None = None
    for x in found:
        if x.kind == "count":
            counted = x
        if x.kind != "bare" or not _PART_OF.search(text, max(start, x.start - 24), x.start):
            continue
        copula = _COPULA.match(text, x.end, end)
        phrase = counted_phrase(text, copula.end(), end) if copula else None
        if phrase is not None:
            x.kind, x.unit, x.measure = "count", "count", phrase.text
        elif (
            counted is not None
            and counted.measure is not None
            and not _SENTENCE_BREAK.search(text, counted.end, x.start)
        ):
            x.kind, x.unit, x.measure = "count", "count", counted.measure


def _countable_after(text: str, pos: int, end: int) -> bool:
    """Nothing but punctuation or a function word after a number: it counts what came before."""
    m = _AFTER_COUNT.match(text, pos, end)
    if m is None:
        return False
    word = m.group("word")
    return word is None or word.lower() in STOP or word.lower() in {"last", "this", "next"}


def _bounds(text: str, found: list[Mention], floor: int) -> None:
    """ "between 5 and 6 percent": the first number is a lower bound, the second an upper one."""
    for left, right in itertools.pairwise(found):
        if _TO.fullmatch(text, left.end, right.start) and right.kind == "quantity":
            if left.kind == "bare" and left.magnitude:  # "from 0.4 million to 0.7 million t"
                _adopt(left, right)
            if left.kind == "quantity" and left.unit == right.unit:
                if not _FROM.search(text, max(floor, left.start - 12), left.start):
                    left.qualifier, right.qualifier = ">=", "<="
                continue
        if not _AND.fullmatch(text, left.end, right.start):
            continue
        if not _BETWEEN.search(text, max(floor, left.start - 12), left.start):
            continue
        if left.kind == "bare" and right.kind == "quantity":
            _adopt(left, right)
        elif left.unit != right.unit:
            continue
        left.qualifier, right.qualifier = ">=", "<="


def _adopt(left: Mention, right: Mention) -> None:
    """A bare first bound takes the unit of the second ("between 3 and 4 million tonnes");
    its own magnitude, if it states one ("0.4 million to 0.7 million tonnes")."""
    left.kind, left.unit, left.unit_exponent = right.kind, right.unit, right.unit_exponent
    left.exponent = (left.exponent if left.magnitude else right.exponent) + (
        right.unit_exponent if left.magnitude else 0
    )


def _mention(text: str, m: re.Match[str], limit: int, labels: bool) -> list[Mention]:
    num = m.group("num")
    s, e = m.start(), m.end()
    word = not (num[0].isdigit() or num[0] == ".")
    if word:
        value = word_value(num) if num.lower() not in {"a", "an"} else 1
        if value is None:
            return []
        digits = str(value)
    else:
        digits = numeral_digits(num)
    signed = bool(m.group("sign"))
    if m.group("sign") in {"-", "−"}:
        digits = "-" + digits
    exponent = magnitude_exponent(m.group("mag") or "")
    abbr = m.group("abbr") or m.group("abbr_c")
    if abbr:
        exponent += magnitude_exponent(abbr)
    magnitude = bool(m.group("mag") or abbr)
    unit: str | None = None
    unit_exp = 0
    if m.group("unit"):
        spec = unit_spec(m.group("unit"))
        if spec is not None:
            unit, unit_exp = spec.code, spec.exponent
    if m.group("pre"):
        pre = currency_prefix(m.group("pre"))
        if unit is not None and unit not in {pre.code}:
            # "$5 billion tonnes" is nonsense; "RMB 3 trillion yuan" repeats itself
            e = m.start("unit") if m.group("unit") else e
            e = len(text[:e].rstrip())
        unit, unit_exp = pre.code, 0
    if word and num.lower() in {"a", "an"} and not magnitude:
        return []
    nxt = text[e : e + 2]
    if unit is None:
        if nxt[:1] == "-" and nxt[1:2].isalpha():
            return []  # "two-way", "5-year", "500-kV": a compound adjective
        if nxt[:1].isalnum() or (nxt[:1] in ":/.," and nxt[1:2].isdigit()):
            return []  # "5G", "14th", "10:30", "3/4", "1.2.3"
    exponent_total = exponent + unit_exp
    if m.group("num2"):
        # "12-18 GW": two bounds; "from 900 to 1,300 MW": a change, two plain figures
        plain = _FROM.search(text, max(0, s - 12), s) is not None
        kind, measure, high_end = "quantity", None, e
        if unit is None:  # "10-12 projects" counts; "5-6" alone is a range of nothing
            phrase = counted_phrase(text, e, limit) if not (labels and _is_label(text, s)) else None
            if phrase is None:
                return []
            unit, kind, measure, high_end = "count", "count", phrase.text, phrase.end
        return [
            Mention(
                s,
                m.end("num"),
                digits,
                exponent_total,
                unit,
                kind,
                measure=measure,
                qualifier="=" if plain else ">=",
                magnitude=magnitude,
            ),
            Mention(
                m.start("num2"),
                high_end,
                numeral_digits(m.group("num2")),
                exponent_total,
                unit,
                kind,
                measure=measure,
                qualifier="=" if plain else "<=",
                magnitude=magnitude,
            ),
        ]
    if unit is not None:
        return [
            Mention(
                s,
                e,
                digits,
                exponent_total,
                unit,
                "quantity",
                magnitude=magnitude,
                unit_exponent=unit_exp,
                signed=signed,
            )
        ]
    # no unit: a count when a noun follows, else a bare number (kept only inside lists)
    if labels and _is_label(text, s):
        return []
    phrase = counted_phrase(text, e, limit)
    if phrase is not None:
        return [
            Mention(
                s,
                phrase.end,
                digits,
                exponent,
                "count",
                "count",
                measure=phrase.text,
                magnitude=magnitude,
            )
        ]
    if (word or "." in digits) and not magnitude:
        return []
    return [Mention(s, e, digits, exponent, None, "bare", magnitude=magnitude)]


def _is_label(text: str, start: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    if low in LABEL_WORDS:
        return True
    if m.group(2):  # "Exports: 5 million tonnes" names a measure; "Stock code: 603612" a label
        return False
    if not word[0].isupper() or low in STOP or low in _NOT_LABELS:
        return False
    before = text[max(0, m.start() - 3) : m.start()].rstrip(" \t")
    # a capitalized word at the start of a sentence ("Over 200 ...") is not a name
    return bool(before) and before[-1] not in '.!?:;\n"“(|'


_NOT_LABELS = words(
    """over nearly about around approximately some roughly almost exceeding exceeded more less
    fewer up to at least only just total"""
)


def _group_lists(text: str, found: list[Mention]) -> None:
    """Give bare list members ("20, 6, and 17 permissions") the unit of the last member."""
    group = 0
    for i in range(len(found) - 2, -1, -1):
        left, right = found[i], found[i + 1]
        gap = text[left.end : right.start]
        if not _LIST_GAP.fullmatch(gap):
            continue
        if left.kind != "bare" and (left.unit != right.unit or right.kind == "bare"):
            continue
        if right.group is None:
            group += 1
            right.group = group
        left.group = right.group
        if left.kind == "bare" and right.kind != "bare":
            left.kind = right.kind
            left.unit = right.unit
            left.measure = right.measure
            left.unit_exponent = right.unit_exponent
            # "20, 6 and 17 billion yuan": the magnitude of the last member applies to all
            left.exponent = (left.exponent if left.magnitude else right.exponent) + (
                right.unit_exponent if left.magnitude else 0
            )
