"""Noun phrases around a number: what is counted, what is measured, who it belongs to.

Shallow grammar over word tokens: no tagger, only closed word classes (determiners,
prepositions, auxiliaries, conjunctions) and word shapes (plural -s, -ing, -ed, -ly).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple


def words(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(text.split())


STOP = words(
    """a an the this that these those its their his her our your my of in on at to for from by
    with without within into onto over under above below between among amongst across
    through throughout during before after since until till per as than via versus vs is are
    was were be been being has have had do does did will would shall should can could may
    might must and or but nor so yet if then while whereas which who whom whose what when
    where why how it they them there here such each every all both either neither not no
    only also just even about around nearly approximately respectively including include
    includes included namely compared against up down out off more most less least further
    year-on-year according despite amid toward towards upon respectively"""
)
# finite verbs that end a noun phrase ("these clusters achieved", "3 industries grew")
VERBS = words(
    """said says reported reports announced shows showed reached reaches exceeded exceeds
    achieved achieves rose rises grew grows fell falls increased increases decreased
    decreases declined declines totaled totalled totals stood stands hit hits recorded
    records registered posted saw sees became becomes remained remains ranks ranked
    accounted accounts continued continues positions provides includes covers produces
    generates tops topped boasts hosts operates owns leads plays holds yields contributes
    contributed received receives delegated proposed issued approved formed built expects
    expected plans planned aims aimed signed launched completed"""
)
# words that end a counted phrase because they name an unsupported unit or a duration
NOT_COUNTED = words(
    """year years month months day days week weeks hour hours minute minutes second seconds
    decade decades century centuries quarter quarters time times fold percent percentage
    percentile percentiles point points dollar dollars euro euros pound pounds yen won rupee
    rupees ruble rubles rouble roubles franc francs peso pesos ringgit baht dong lira rand
    reais real hectare hectares acre acres mu square cubic litre litres liter liters barrel
    barrels gallon gallons degree degrees mile miles foot feet inch inches volt volts
    kilovolt kilovolts ampere amperes bar bars ppm teu teus mph knot knots mw gw kw sq per
    cent bp bps basis"""
)
_LY_NOUNS = words(
    """family supply assembly monopoly anomaly ally rally italy july reply belly jelly bully
    poly firefly butterfly"""
)
_IRREGULAR_PLURALS = words(
    """people children men women staff personnel cattle sheep livestock police data media
    criteria phenomena"""
)
# a word before a bare number that makes it a label, not a count ("Phase 2 project")
LABEL_WORDS = words(
    """no no. nos number article phase section chapter item level grade class type line page
    figure fig fig. table stage round batch tier group version vol vol. unit room block lot
    step rank ranked ranking route highway road gate terminal act law decree order
    resolution provision annex appendix part paragraph clause point code #"""
)

_TOKEN = re.compile(
    r"[ \t]*(?:\r?\n[ \t]*)?"
    r"(?:(?P<paren>\([^()\n]{1,60}\))|(?P<numc>\d[\d.,]*(?:-[A-Za-z]+)+)"
    r"|(?P<word>[A-Za-z][A-Za-z0-9&]*(?:['’-][A-Za-z0-9]+)*))"
)


def looks_plural(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return True
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) and len(low) > 2


def singular(word: str) -> str:
    low = word.lower()
    if low.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if low.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if looks_plural(word) and low not in _IRREGULAR_PLURALS:
        return word[:-1]
    return word


def _adverb(word: str) -> bool:
    low = word.lower()
    return len(low) > 4 and low.endswith("ly") and low not in _LY_NOUNS and word[0].islower()


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase as written: its text (measure-ready) and the span it covers."""

    text: str
    start: int
    end: int


def counted_phrase(text: str, pos: int, limit: int) -> Phrase | None:
    """The noun phrase a number at ``text[:pos]`` counts ("25 measures covering" -> measures).

    Returns the phrase (leading numeric modifiers such as "10-million-kilowatt-class"
    dropped from its text, kept in its span), or None when no noun follows.
    """
    words: list[tuple[str, int, int]] = []  # (word, start, end)
    span_start: int | None = None
    p = pos
    pending_paren: tuple[int, int] | None = None
    pending_and: tuple[str, int, int] | None = None
    while len(words) < 8:
        m = _TOKEN.match(text, p, limit)
        if m is None:
            break
        if m.group("paren"):
            if not words:
                break
            pending_paren = (m.start("paren"), m.end("paren"))
            p = m.end()
            continue
        if m.group("numc"):
            if words or span_start is not None:
                break
            span_start = m.start("numc")
            p = m.end()
            continue
        word = m.group("word")
        low = word.lower()
        if low in {"and", "or"}:
            if not words or looks_plural(words[-1][0]) or pending_and is not None:
                break
            pending_and = (word, m.start("word"), m.end("word"))
            p = m.end()
            continue
        if low in STOP or _adverb(word):
            break
        if words and looks_plural(words[-1][0]) and not looks_plural(word):
            # a plural noun ends the phrase ("people live", "zones have"); two plurals in a
            # row ("overseas warehouses", "sales offices") are modifier and head
            break
        if pending_and is not None:
            words.append(pending_and)
            pending_and = None
        pending_paren = None
        words.append((word, m.start("word"), m.end("word")))
        p = m.end()
    del pending_paren  # a trailing parenthesis is an aside, not part of the phrase
    if not words:
        return None
    first = words[0][0]
    if first.lower() in STOP:
        return None
    if any(w.lower() in NOT_COUNTED for w, _, _ in words):
        return None
    if (len(words) == 1 and _abbreviation(first)) or _unit_like(first):
        return None
    a, b = words[0][1], words[-1][2]
    start = span_start if span_start is not None else a
    return Phrase(text[a:b], start, b)


_UNIT_ABBREVIATIONS = words(
    """kv v a mpa pa hz khz mhz ghz mah ah ppm db mm cm m l ml kl teu teus bbl mbps gbps gb tb
    mb sq ha kva mva mvar"""
)


def _abbreviation(word: str) -> bool:
    """A unit-like abbreviation ("kV", "MPa", "GHz"): not something counted on its own."""
    return len(word) <= 3 or any(ch.isupper() for ch in word[1:])


def _unit_like(word: str) -> bool:
    """ "kV", "MPa", "mAh": a unit pestle does not convert, so the number is not a count."""
    if word.lower() in _UNIT_ABBREVIATIONS:
        return True
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


# -- phrases before an anchor (measures) -------------------------------------------------
# verbs that end a measure phrase read backwards ("Apple reported revenue of" -> revenue)
_BACK_STOP = words(
    """reported announced achieved posted generated earned raised attracted secured recorded
    saw made won set hit said logged delivered sold shipped exported imported invested spent
    showed shows show has have had is are was were"""
)
_BACK_WORD = re.compile(r"([A-Za-z][A-Za-z0-9&]*(?:[-’'][A-Za-z0-9]+)*)[\"”’']?\s*$")
_POSSESSIVE = re.compile(r"^(?P<owner>[A-Za-z][\w-]*)(?:['’]s|(?<=s)['’])$")


@dataclass(frozen=True, slots=True)
class Measured:
    """A measure phrase before an anchor and the possessive owner in front of it, if any."""

    phrase: str
    start: int
    owner: str | None
    elided: bool = False  # "that of the secondary industry": the measure named before


Spans = Sequence[tuple[int, int]]
_PAREN_BEFORE = re.compile(r"\([^()\n]{1,60}\)[ \t]*$")
# ", a key indicator of consumption," between a phrase and its verb
_APPOSITIVE_BEFORE = re.compile(
    r",[ \t]+(?:a|an|the|one|its|their)[ \t][^,;()\n]{1,60},[ \t]*$", re.IGNORECASE
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|during|for|over|of|by|at|through|since|until|as\s+of)[ \t]+$", re.IGNORECASE
)
# prepositions that put a name after a measure: "trade with Latin America", "exports to Japan"
_NAME_PREPOSITIONS = words("with to in from for of")
_NOT_NAMES = words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday"""
)


def phrase_end(text: str, end: int, floor: int, skips: Spans = ()) -> int:
    """Where a measure phrase ends before ``end``, stepping back over what sits between it
    and its verb: a period ("in the first three quarters of 2024", one of ``skips``), a
    parenthesis ("(.CSI300)"), an apposition (", a key indicator of consumption,").
    """
    while True:
        q = end
        while q > floor and text[q - 1] in " \t\n":
            q -= 1
        moved = False
        for s, e in skips:
            if e == q and s >= floor:
                q = s
                prep = _PREPOSITION_BEFORE.search(text, max(floor, q - 12), q)
                q = prep.start() if prep is not None else q
                moved = True
                break
        if not moved:
            m = (
                _PAREN_BEFORE.search(text, max(floor, q - 64), q)
                if text[q - 1 : q] == ")"
                else None
            )
            if m is None and text[q - 1 : q] == ",":
                m = _APPOSITIVE_BEFORE.search(text, max(floor, q - 70), q)
            if m is not None:
                q = m.start()
                moved = True
        if not moved or q >= end:
            return q
        end = q


class _Word(NamedTuple):
    text: str
    start: int
    end: int


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _word_before(text: str, p: int, floor: int) -> _Word | None:
    """The word right before ``p`` (a closing quote and spaces may follow it), stepping over
    a parenthesis ("product (GDP) of"). Words are ASCII letters and digits joined by "&",
    hyphens or apostrophes, and start with a letter ("value-added", "Northland's")."""
    q = p
    while q > floor and text[q - 1].isspace():
        q -= 1
    if text[q - 1 : q] == ")":
        paren = _PAREN_BEFORE.search(text, max(floor, q - 64), q)
        if paren is None:
            return None
        q = paren.start()
        while q > floor and text[q - 1].isspace():
            q -= 1
    e = q - 1 if q > floor and text[q - 1] in "\"”’'" else q
    b = e
    chars = _WORD_CHARS
    while b > floor:
        while b > floor and text[b - 1] in chars:
            b -= 1
        # a hyphen or apostrophe joins two parts of one word ("value-added", "Northland's")
        if b - 1 > floor and b < e and text[b - 1] in "-’'" and text[b - 2] in chars:
            b -= 1
            continue
        break
    while b < e and text[b] not in _LETTERS:
        b += 1  # "5G" -> "G": a word starts with a letter
    if b >= e:
        return None
    return _Word(text[b:e], b, e)


def phrase_before(text: str, end: int, floor: int, skips: Spans = ()) -> Measured | None:
    """The noun phrase ending at ``text[:end]`` ("Northland's GDP" -> GDP, owner Northland).

    A name after "of", "with", "in", ... is the owner, not the measure: "the gross domestic
    product (GDP) of China" -> GDP of China; "trade with Latin America" -> trade.
    """
    end = phrase_end(text, end, floor, skips)
    words: list[tuple[str, int]] = []
    p = end
    owner: str | None = None
    crossed = False
    named: list[tuple[str, int]] | None = None  # the name before a preposition, if any
    while len(words) < 9 and p > floor:
        m = _word_before(text, p, floor)
        if m is None:
            break
        word = m.text
        low = word.lower()
        pm = _POSSESSIVE.match(word)
        if pm is not None:
            owner = _owner_name(text, m.start, pm.group("owner"), floor)
            if not words:  # "India's expanded 7.8%": the owner, the measure left out
                return Measured("", m.start, owner)
            break
        if words and low.endswith("s") and text[m.end : m.end + 1] in "'’":
            owner = _owner_name(text, m.start, word, floor)  # "private enterprises' trade"
            break
        if low in {"and", "&"} and words:
            words.append((word, m.start))
            p = m.start
            continue
        if low == "of" and words and not crossed:
            # "total retail sales of consumer goods": one "of" inside the phrase
            nxt = _word_before(text, m.start, floor)
            if nxt is not None and nxt.text.lower() not in STOP | _BACK_STOP:
                crossed = True
                words.append((word, m.start))
                p = m.start
                continue
        if low == "the" and words and not crossed:  # "value added of the primary industry"
            of = _word_before(text, m.start, floor)
            head = _word_before(text, of.start, floor) if of is not None else None
            if of is not None and of.text.lower() == "of" and head is not None:
                if head.text.lower() in {"that", "those"}:  # "that of the secondary industry"
                    return Measured("", head.start, None, elided=True)
                if head.text.lower() not in STOP | _BACK_STOP:
                    crossed = True
                    owner = owner or text[m.end : end].strip() or None
                    end = of.start
                    words = [(head.text, head.start)]
                    p = head.start
                    continue
        if low == "above" and [w.lower() for w, _ in words[-2:]] == ["size", "designated"]:
            words.append((word, m.start))  # "industrial enterprises above designated size"
            p = m.start
            continue
        if low == "per" and words:  # "GDP per capita"
            words.append((word, m.start))
            p = m.start
            continue
        if low in _NAME_PREPOSITIONS and named is None and words and _name(words):
            named, words = words, []  # "Trade with Latin America": read on for "Trade"
            p = m.start
            continue
        if low in STOP or low in _BACK_STOP or _adverb(word) or word[0].isdigit():
            break
        words.append((word, m.start))
        p = m.start
    while words and words[-1][0].lower() in {"and", "&", "of"}:
        words.pop()
    if named is not None:
        if not words:
            words = named
        else:
            owner = owner or " ".join(w for w, _ in reversed(named))
            end = words[0][1] + len(words[0][0])
    if not words:
        return None
    ordered = list(reversed(words))
    of = [k for k, (w, _) in enumerate(ordered) if w.lower() == "of"]
    if of and 0 < of[-1] < len(ordered) - 1 and _name(ordered[of[-1] + 1 :]) and owner is None:
        owner = " ".join(w for w, _ in ordered[of[-1] + 1 :])  # "capacity of Northland"
        end = ordered[of[-1]][1]
    start = words[-1][1]
    return Measured(text[start:end].strip().rstrip("\"”’'").strip(), start, owner)


def _name(found: Sequence[tuple[str, int]]) -> bool:
    """Capitalized words that name a place or an organisation (not a month)."""
    return all(w[0].isupper() and w.lower() not in _NOT_NAMES for w, _ in found)


def _owner_name(text: str, start: int, last: str, floor: int) -> str:
    """Extend a possessive owner backwards over capitalized words ("Hong Kong's")."""
    parts = [last]
    p = start
    while True:
        m = re.search(r"([A-Z][\w-]*)\s+$", text[max(floor, p - 40) : p])
        if m is None or m.group(1).lower() in STOP:
            break
        parts.insert(0, m.group(1))
        p -= len(m.group(0))
    return " ".join(parts)


def proper_phrase_before(text: str, end: int, floor: int) -> str | None:
    """The name right before ``end`` ("the northern Tianshan New Energy Base (" -> ...)."""
    words: list[str] = []
    p = end
    while len(words) < 8:
        m = _BACK_WORD.search(text, max(floor, p - 60), p)
        if m is None or text[m.end() : p].strip():
            break
        word = m.group(1)
        if word.lower() in STOP or word[0].isdigit():
            break
        words.insert(0, word)
        p = m.start(1)
    if not words or not any(w[0].isupper() for w in words):
        return None
    return " ".join(words)
