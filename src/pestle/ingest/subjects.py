"""Who a sentence is about: its grammatical subject, possessive owners, coordinated names.

The subject is the noun phrase before the first finite verb, after introductory phrases
("In 2024, ...", "At the local level, ...", "Based on ..., ..."). It names an entity when
it is a proper name ("Northland", the quoted title of a plan), the owner of a possessive
("Northland's GDP" -> Northland), or an anaphor ("these clusters") resolved by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pestle.ingest.phrases import STOP, VERBS, singular, words

_OPENERS = words(
    """in at on as based according with from by during since over among under for after before
    through amid despite compared thanks driven led backed supported following meanwhile
    moreover furthermore however additionally overall currently recently specifically also
    besides notably today yesterday last this so to within across while when although though
    because given due along beyond apart alongside regarding concerning against upon via
    unlike like first second third finally similarly likewise thus therefore hence still
    again now then here there once especially particularly"""
)
_AUX = words(
    """is are was were has have had will would can could should shall may might must does did
    do be"""
)
# verbs whose subject is a source, not what the numbers are about ("NBS said GDP grew 5%")
_REPORTING = frozenset(
    ["said", "says", "noted", "stated", "believes", "believed", "argued", "warned", "told"]
)
_DETERMINERS = frozenset(["the", "a", "an"])
_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "it", "they", "our", "us"])
_ANAPHORS = frozenset(["these", "those", "such", "its", "their", "this", "that"])
_TOKEN = re.compile(
    r"\s*(?:(?P<q>[\"“][^\"”\n]{0,200}[\"”])|(?P<p>\([^()\n]{0,80}\))"
    r"|(?P<w>[A-Za-z][\w'’&-]*[\w]|[A-Za-z])|(?P<c>,)|(?P<o>\S))"
)
_POSSESSIVE = re.compile(r"(?:\b(?:The|the|A|An)\s+)?((?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)['’]s\b")
_COORD_SPLIT = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_NAME_HEAD = re.compile(r"^((?:[A-Z][\w-]*\s*)+?)\s+([a-z][\w\s-]*)$")


@dataclass(frozen=True, slots=True)
class SentenceSubject:
    """What a sentence says its numbers are about."""

    phrase: str | None = None
    start: int = 0
    end: int = 0
    entity: str | None = None
    anaphor: str | None = None
    items: tuple[str, ...] | None = None
    owners: tuple[tuple[str, int], ...] = ()

    @property
    def name(self) -> str | None:
        """The entity the sentence is about, or the first proper owner it mentions."""
        if self.entity is not None:
            return self.entity
        return self.owners[0][0] if self.owners else None


_MEASURE_ACRONYMS = frozenset(["GDP", "GNP", "GNI", "CPI", "PPI", "PMI", "FDI", "ODI", "GVA"])
_COMMON_SUFFIXES = (
    "s",
    "tion",
    "sion",
    "ment",
    "ity",
    "ness",
    "ance",
    "ence",
    "ure",
    "age",
    "ue",
    "th",
    "put",
    "ply",
    "and",
    "fit",
    "ade",
    "ism",
    "ship",
    "ery",
    "ics",
    "ogy",
)
_GERUNDS = words(
    """manufacturing mining shipping spending financing housing lending borrowing farming
    processing building trading banking marketing pricing consulting retailing funding
    planning pending meanwhile according"""
)


def _is_proper(word: str, at_sentence_start: bool, proper: frozenset[str] | set[str]) -> bool:
    """A capitalized word that names something (not just the first word of a sentence)."""
    bare = word.strip("\"“”'’,")
    if bare.endswith(("'s", "’s")):
        bare = bare[:-2]
    if not bare or not bare[0].isupper() or bare in _MEASURE_ACRONYMS:
        return False
    if bare.lower() in _PRONOUNS:  # "We will build ...": the speaker, not a named entity
        return False
    if not at_sentence_start or bare in proper or sum(c.isupper() for c in bare) >= 2:
        return True
    low = bare.lower()
    return low not in STOP and low not in _GERUNDS and not low.endswith(_COMMON_SUFFIXES)


def analyse(text: str, start: int, end: int, proper: frozenset[str] | set[str]) -> SentenceSubject:
    """The subject of the sentence ``text[start:end]``."""
    owners = _owners(text, start, end, proper)
    pos = _skip_openers(text, start, end)
    stop = _subject_end(text, pos, end)
    if stop is None:
        return SentenceSubject(owners=owners)
    stop_pos, verb = stop
    phrase = text[pos:stop_pos].strip().rstrip(",").strip()
    if not phrase:
        return SentenceSubject(owners=owners)
    p_start = text.index(phrase, pos)
    p_end = p_start + len(phrase)
    words = phrase.split()
    clean = phrase
    if words[0].lower() in _DETERMINERS:
        clean = phrase[len(words[0]) :].strip()
    clean_unquoted = clean.strip('"“”')
    anaphor = None
    entity = None
    items = _coordination(clean)
    if words[0].lower() in _ANAPHORS and len(words) > 1:
        anaphor = words[-1].strip('"”,').lower()
    elif verb not in _REPORTING:
        m = _POSSESSIVE.match(clean)
        first_at_start = p_start == start
        if m is not None and _is_proper(m.group(1).split()[0], first_at_start, proper):
            entity = m.group(1)
        elif items is None:
            entity = _proper_name(clean_unquoted, first_at_start and clean == phrase, proper)
    return SentenceSubject(phrase, p_start, p_end, entity, anaphor, items, owners)


_APOSTROPHE_S = re.compile(r"['’]s\b")
_NAME_BEFORE = re.compile(r"(?:(?<![\w-])(?:The|the|A|An)\s+)?((?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)$")


def _owners(
    text: str, start: int, end: int, proper: frozenset[str] | set[str]
) -> tuple[tuple[str, int], ...]:
    """Proper names in possessive form ("Northland's") in ``text[start:end]``, with offsets."""
    found = []
    for m in _APOSTROPHE_S.finditer(text, start, end):
        name = _NAME_BEFORE.search(text, max(start, m.start() - 80), m.start())
        if name is None:
            continue
        first = name.group(1).split()[0]
        at = name.start()
        if first.lower() in STOP or not _is_proper(first, at == start, proper):
            continue
        found.append((name.group(1), at))
    return tuple(found)


# "NORTHPORT, May 22 (Agency) --", "(2)": a dateline or list marker opening a sentence
_LEAD = re.compile(
    r"[ \t\"“]*(?:[A-Z][A-Za-z.'’/ -]{1,40},[^\n]{1,60}?(?:--|—)|\(\d{1,2}\)|\d{1,2}[.)](?=[ \t]))"
)


def _skip_openers(text: str, start: int, end: int) -> int:
    lead = _LEAD.match(text, start, end)
    pos = lead.end() if lead is not None else start
    for _ in range(3):
        m = re.match(r"\s*([A-Za-z]+)", text[pos:end])
        if m is None:
            break
        word = m.group(1).lower()
        if word not in _OPENERS and not (word.endswith(("ing", "ed", "ly")) and len(word) > 4):
            break
        comma = text.find(",", pos, min(end, pos + 160))
        if comma < 0:
            break
        pos = comma + 1
    return pos


def _subject_end(text: str, pos: int, end: int) -> tuple[int, str] | None:
    """Where the subject phrase ends (the first finite verb) and that verb."""
    previous: str | None = None
    count = 0
    p = pos
    while p < end and count < 25:
        m = _TOKEN.match(text, p, end)
        if m is None:
            return None
        kind = m.lastgroup
        token = m.group(kind or 0)
        t_start = m.start(kind) if kind else m.start()
        p = m.end()
        count += 1
        if kind in {"q", "p"}:
            previous = "x"
            continue
        if kind == "c":
            nxt = _TOKEN.match(text, p, end)
            if nxt is not None and nxt.lastgroup == "w":
                w = nxt.group("w")
                if w[0].isupper() or w.lower() in {"and", "or"}:
                    continue
            return None
        if kind == "o":
            return None
        low = token.lower()
        if previous is None:
            previous = low
            continue
        if low in _AUX or low in VERBS:
            return t_start, low
        if token[0].islower() and low.endswith("ly") and len(low) > 4:
            return t_start, low
        if token[0].islower() and low.endswith("ed") and previous not in STOP:
            return t_start, low
        previous = low
    return None


def _proper_name(clean: str, at_start: bool, proper: frozenset[str] | set[str]) -> str | None:
    """A name in ``clean`` ("the GDP of Northland" -> Northland), or None if it names nothing."""
    words = clean.split()
    if not any(_is_proper(w, at_start and i == 0, proper) for i, w in enumerate(words)):
        return None
    if " of " in clean:
        head, tail = clean.rsplit(" of ", 1)
        tail_words = tail.split()
        if tail_words and tail_words[0].lower() in _DETERMINERS:
            tail = " ".join(tail_words[1:])
        head_names = [
            w
            for i, w in enumerate(head.split())
            if _is_proper(w, at_start and i == 0, proper) and not w.isupper()
        ]
        if tail and tail[0].isupper() and not head_names:
            return tail
    return clean


def _coordination(clean: str) -> tuple[str, ...] | None:
    """ "Northport, Eastgate, and Westbridge sections" -> (Northport section, ...)."""
    parts = [p.strip() for p in _COORD_SPLIT.split(clean) if p.strip()]
    if len(parts) < 2:
        return None
    m = _NAME_HEAD.match(parts[-1])
    head = None
    if m is not None and all(" " not in p or p[0].isupper() for p in parts[:-1]):
        parts[-1] = m.group(1).strip()
        head_words = m.group(2).split()
        head = " ".join([*head_words[:-1], singular(head_words[-1])])
    if not all(p[0].isupper() for p in parts):
        return None
    return tuple(f"{p} {head}" if head else p for p in parts)


def coordination_before(text: str, start: int, end: int, count: int) -> tuple[str, ...] | None:
    """The last list of ``count`` capitalized names in ``text[start:end]`` (for "respectively")."""
    name = r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
    pattern = re.compile(rf"{name}(?:\s*,\s*(?:(?:and|or)\s+)?{name}|\s+(?:and|or)\s+{name})+")
    found = None
    for m in pattern.finditer(text, start, end):
        found = m
    if found is None:
        return None
    items = tuple(p.strip() for p in _COORD_SPLIT.split(found.group(0)) if p.strip())
    return items if len(items) == count else None
