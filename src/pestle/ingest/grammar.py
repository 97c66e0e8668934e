"""Cues around a number: qualifier, change (growth/decline), share, gap, and the measure.

Each function looks at a short window of the text before or after a number; patterns
anchored at the number, so a cue only counts when it is right next to it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pestle.ingest.phrases import Measured, Spans, phrase_before, words

_QUALIFIERS: list[tuple[str, str, str]] = [
    # (group name, qualifier, phrases) -- all matched in one pattern anchored at the number
    (
        "ge",
        ">=",
        r"at\s+least|no\s+less\s+than|not\s+less\s+than|no\s+fewer\s+than|a\s+minimum\s+of"
        r"|≥|>=",
    ),
    (
        "le",
        "<=",
        r"up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|within"
        r"|not\s+(?:to\s+)?exceed(?:ing)?|no\s+higher\s+than|not\s+higher\s+than|≤|<=",
    ),
    (
        "gtv",
        ">",
        r"exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?|topp(?:ed|ing)|tops|broke\s+through"
        r"|breaking\s+through",
    ),
    (
        "gt",
        ">",
        r"more\s+than|over|above|upwards\s+of|in\s+excess\s+of|greater\s+than|beyond|>",
    ),
    (
        "approx",
        "~",
        r"nearly|about|approximately|approx\.|approx|around|roughly|almost|some|close\s+to"
        r"|an\s+estimated|estimated|circa|ca\.|~|≈",
    ),
    ("lt", "<", r"below|less\s+than|fewer\s+than|under|lower\s+than|short\s+of|<"),
]
_QUAL_BEFORE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(f"(?P<{name}>{phrases})" for name, _, phrases in _QUALIFIERS)
    + r")[ \t]*$",
    re.IGNORECASE,
)
_QUAL_CODE = {name: code for name, code, _ in _QUALIFIERS}
_QUAL_AFTER = re.compile(
    r"^[ \t]*,?[ \t]*(?:(?P<ge>or\s+(?:more|above|over|higher|greater)|and\s+(?:above|over|more))"
    r"|(?P<le>or\s+(?:less|below|fewer|lower|under)|and\s+(?:below|under)))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Qualified:
    qualifier: str
    start: int  # where the qualifier phrase starts (the number's start when none)
    verbal: bool = False  # "exceeded", "surpassed": the qualifier is the clause's verb


def qualifier_before(text: str, start: int, floor: int) -> Qualified:
    window_start = max(floor, start - 40)
    m = _QUAL_BEFORE.search(text, window_start, start)
    if m is None:
        return Qualified("=", start)
    name = m.lastgroup or ""
    return Qualified(_QUAL_CODE.get(name, "="), m.start(), name == "gtv")


def qualifier_after(text: str, end: int, limit: int) -> str | None:
    m = _QUAL_AFTER.match(text[end : min(limit, end + 30)])
    if m is None:
        return None
    return ">=" if m.group("ge") else "<="


# -- change: growth and decline ----------------------------------------------------------
_UP_VERBS = (
    r"increas(?:e|ed|es|ing)|grow(?:s|n|ing)?|grew|ris(?:e|es|ing|en)|rose|up|gain(?:ed|s|ing)?"
    r"|jump(?:ed|s|ing)?|surg(?:e|ed|es|ing)|climb(?:ed|s|ing)?|expand(?:ed|s|ing)?"
    r"|advanc(?:e|ed|es|ing)|soar(?:ed|s|ing)?|boost(?:ed)?|growth|expansion|hike"
)
_DOWN_VERBS = (
    r"decreas(?:e|ed|es|ing)|declin(?:e|ed|es|ing)|fell|fall(?:s|ing|en)?|dropp?(?:ed|s|ing)?"
    r"|down|shr(?:ank|unk|inks?|inking)|contract(?:ed|s|ion|ing)?|slid(?:e|es|ing)?"
    r"|slipp?(?:ed|s|ing)?|plung(?:e|ed|es|ing)|dipp?(?:ed|s|ing)?|reduc(?:ed|tion)|lower"
)
_NOUN_CUES = words(
    """increase growth rise gain jump expansion hike boost decrease decline fall drop
    contraction reduction"""
)
_CHANGE_BEFORE = re.compile(
    rf"\b(?:(?P<up>{_UP_VERBS})|(?P<down>{_DOWN_VERBS}))"
    r"(?:\s+rates?)?(?:\s+(?:of|by|at))?(?:\s+(?:a|an|between))?[ \t]*$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"^[ \t]*(?:(?:on|in)\s+)?(?:a\s+|an\s+)?"
    r"(?:(?P<yoy>year[- ]on[- ]year|year[- ]over[- ]year|y-o-y|yoy|y/y|month[- ]on[- ]month"
    r"|quarter[- ]on[- ]quarter"
    r"|from\s+a\s+year\s+(?:earlier|ago|before)|from\s+(?:the\s+)?(?:same\s+period|previous|last)"
    r"|over\s+(?:the\s+)?(?:same\s+period|previous\s+year|last\s+year|a\s+year\s+earlier)"
    r"|compared\s+(?:with|to)\s+(?:a\s+year|the\s+same|last|the\s+previous))"
    r"|(?:annual\s+|annualized\s+)?(?P<up>growth|increase|rise|gain|jump|expansion)"
    r"|(?P<down>decline|decrease|drop|fall|contraction|reduction))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Change:
    """A change cue: ``sign`` +1 growth / -1 decline; ``anchor`` where the cue word starts."""

    sign: int
    anchor: int
    noun: bool  # "an increase of" (noun) vs "grew by" (verb)
    by: bool  # "by"/"of" or no preposition: an amount of change, not a new level
    base: str | None = None  # what was changed, when the cue names it ("cut the RRR by")


_BOUND = re.compile(r"(?:below|above|under|beneath)\b", re.IGNORECASE)
_TRANSITIVE = re.compile(
    r"\b(?:(?P<up>raised|raises|raise|lifted|boosted|hiked|increased|increases)"
    r"|(?P<down>cut|cuts|lowered|lowers|reduced|reduces|slashed|trimmed))\s+"
    r"(?:the\s+|its\s+|their\s+)?(?P<obj>[A-Za-z][\w'’ -]{0,50}?)\s+by[ \t]*$",
    re.IGNORECASE,
)


def change_cue(
    text: str, start: int, end: int, floor: int, limit: int, *, after: bool = True
) -> Change | None:
    """A growth or decline cue right before ``start`` or (``after``) right after ``end``.

    A bound after the verb makes a level, not a change: "drops below 90%", "rose above 5%".
    """
    bound = _BOUND.match(text, start, end) is not None
    m = None if bound else _CHANGE_BEFORE.search(text, max(floor, start - 60), start)
    if m is not None:
        word = (m.group("up") or m.group("down") or "").lower()
        sign = 1 if m.group("up") else -1
        return Change(sign, m.start(), word in _NOUN_CUES, True)
    t = None if bound else _TRANSITIVE.search(text, max(floor, start - 80), start)
    if t is not None:
        return Change(1 if t.group("up") else -1, t.start("obj"), False, True, t.group("obj"))
    found = _CHANGE_AFTER.match(text[end : min(limit, end + 60)]) if after else None
    if found is not None:
        sign = -1 if found.group("down") else 1
        return Change(sign, start, False, True)
    return None


# -- share and gap -----------------------------------------------------------------------
_SHARE_BEFORE = re.compile(
    r"\b(?:account(?:ed|s|ing)?\s+for|mak(?:e|es|ing)\s+up|made\s+up|represent(?:ed|s|ing)?"
    r"|constitut(?:e|ed|es|ing)|compris(?:e|ed|es|ing)"
    r"|(?:share|proportion|percentage)\s+(?:of\s+[^,.;%\d]{1,60}?\s+)?"
    r"(?:(?:has\s+|have\s+)?(?:was|is|reached|stood\s+at|rose\s+to|increased\s+to|fell\s+to"
    r"|hit|of|at|to)))[ \t]*$",
    re.IGNORECASE,
)
_SHARE_AFTER = re.compile(r"^[ \t]+of\s+(?!which\b)", re.IGNORECASE)
_GAP_AFTER = re.compile(
    r"^[ \t]*(?P<dir>higher|lower|more|less|above|below|faster|slower|greater)"
    r"(?:\s+than)?\s+(?:that\s+of\s+|those\s+of\s+)?(?:the\s+)?"
    r"(?P<target>[A-Za-z][\w'’ -]{0,50}?)(?=\s*(?:[,.;:()]|$)|\s+(?:and|while|in|during|for|as)\b)",
    re.IGNORECASE,
)


def share_cue(text: str, start: int, end: int, floor: int, limit: int) -> bool:
    """ "accounting for 30% of", "30% of the total", "the share of X reached 30%"."""
    if _SHARE_BEFORE.search(text, max(floor, start - 90), start):
        return True
    return bool(_SHARE_AFTER.match(text[end : min(limit, end + 20)]))


@dataclass(frozen=True, slots=True)
class Gap:
    sign: int
    target: str


def gap_after(text: str, end: int, limit: int) -> Gap | None:
    """ "0.2 percentage points higher than the national average" -> (+1, national average)."""
    m = _GAP_AFTER.match(text[end : min(limit, end + 80)])
    if m is None:
        return None
    down = m.group("dir").lower() in {"lower", "less", "below", "slower"}
    return Gap(-1 if down else 1, m.group("target").strip())


# -- the measure -------------------------------------------------------------------------
_LEVEL_VERB = re.compile(
    r"(?:\b(?:has|have|had|will|would|could|shall|should|must|is\s+expected\s+to"
    r"|are\s+expected\s+to|is\s+set\s+to|was|were|is|are)\s+)?"
    r"\b(?:(?:(?:be|been)\s+)?(?:kept|maintained|held|controlled)(?:\s+(?:at|to))?|be"
    r"|reach(?:ed|es|ing)?|stood\s+at|stands?\s+at|total(?:ed|led|s|ing|ling)?"
    r"|amount(?:ed|s)?\s+to|hit|hits|came\s+in\s+at|recorded|registered|posted"
    r"|(?:rose|grew|increased|climbed|jumped|fell|dropped|declined|decreased|expanded)\s+to"
    r"|was|were|is|are|of|at|hitting|worth|valued\s+at|averag(?:ed|es|ing)|an\s+average\s+of)"
    r"(?:\s+(?:a|an|the)(?:\s+(?:combined|total|new|record))?)?(?:\s+between)?[ \t]*$",
    re.IGNORECASE,
)
_TIME_WORDS = r"(?:last|this|next|previous|year|years|month|months|quarter|annually|a)\b"
_NP_STOP = r"(?:in|for|from|to|by|and|or|of|on|at|with|due|set|expected|planned|scheduled)\b"
_MEASURE_AFTER = re.compile(
    r"^(?:[ \t]*\([^()\n]{1,20}\))?"  # "17,000 terawatt-hours (TWh) of electricity"
    rf"[ \t]+(?:in|of|worth\s+of)\s+(?P<np>(?:(?!{_TIME_WORDS}|{_NP_STOP})[a-z][\w-]*\s+){{0,3}}"
    rf"(?!{_TIME_WORDS}|{_NP_STOP})[a-z][\w-]*)"
    r"(?=\s*(?:[,.;:()]|$)|\s+(?:in|for|from|to|by|and|was|were|is|are|during|over|this|last"
    r"|next|that|which|per|a|an|the|after|before|since|due|at|on|with|as|through|into|across"
    r"|than|until|amid|set|expected|planned|scheduled)\b)",
)


_MODAL_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were)\s+(?:expected|set|forecast|projected|likely|poised|estimated"
    r"|due)\s+to\s+|\b(?:will|would|could|may|might|should|can)\s+(?:have\s+)?)$",
    re.IGNORECASE,
)
_COST = re.compile(r"\b(?:will\s+|would\s+)?cost(?:s|ing)?[ \t]*$", re.IGNORECASE)


def level_measure(
    text: str, anchor: int, floor: int, verbal: bool, skips: Spans = ()
) -> Measured | None:
    """The measure phrase a level claim states: "a regional GDP of N", "Northland's GDP exceeded N".

    A phrase that names no measure ("hit a record high of N") defers to the phrase before it.
    """
    cost = _COST.search(text, max(floor, anchor - 20), anchor)
    if cost is not None:  # "the line cost 28.6 billion yuan": the measure is its cost
        return Measured("cost", cost.start(), None)
    for _ in range(2):
        if verbal:  # "is expected to exceed N": the phrase before the auxiliaries
            aux = _MODAL_BEFORE.search(text, max(floor, anchor - 40), anchor)
            found = phrase_before(text, aux.start() if aux else anchor, floor, skips)
        else:
            m = _LEVEL_VERB.search(text, max(floor, anchor - 60), anchor)
            found = phrase_before(text, m.start(), floor, skips) if m is not None else None
        if found is None or not found.phrase or normalize_measure(found.phrase) is not None:
            return found
        anchor, verbal = found.start, False
    return found


_GROWTH_NOUN = re.compile(r"(?:growth|increase|rise)\s+(?:of|in)\s+(?:the\s+)?", re.I)
_GROWTH_BEFORE = re.compile(r"\b(?:growth|increase|rise)\s+(?:of|in)\s+(?:the\s+)?$", re.I)


def growth_of(text: str, found: Measured) -> str | None:
    """What grows in "growth of fixed-asset investment of 10 percent", "growth of the gross
    regional product of about 6 percent", "an increase in consumer prices of 2 percent"."""
    phrase = found.phrase
    if _GROWTH_BEFORE.search(text, max(0, found.start - 30), found.start):
        return normalize_measure(phrase)
    if phrase.lower() in {"growth", "increase", "rise"}:
        return normalize_measure(found.owner)
    head = _GROWTH_NOUN.match(phrase)
    return normalize_measure(phrase[head.end() :]) if head is not None else None


def measure_after(text: str, end: int, limit: int) -> str | None:
    """ "5 million tonnes of steel", "$5 billion in investment" -> steel, investment."""
    m = _MEASURE_AFTER.match(text[end : min(limit, end + 60)])
    if m is None:
        return None
    words = m.group("np").split()
    if words[0] in {"the", "a", "an", "which", "this", "that", "its", "their", "total"}:
        return None
    return m.group("np")


_PERIOD_TAIL = re.compile(
    r"\s+(?:for|in|during|of)\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)?"
    r"(?:19|20)\d\d(?:\s*[-–/]\s*\d{2,4})?\s*$"
)


# a verb that takes "up" or "down" as its change: "went up 3.5 percent", "closed down 1%"
_PARTICLE_VERB = re.compile(
    r"\b(?:went|goes|go|going|gone|closed|closes|ended|ends|edged|edges|moved|moves|came|comes"
    r"|ticked|inched|shot|finished|was|were|is|are|been|be)[ \t]+$",
    re.IGNORECASE,
)


def change_base(text: str, change: Change, floor: int, skips: Spans = ()) -> Measured | None:
    """What changed: "exports grew 5%" -> exports; "GDP growth of 5%" -> GDP.

    A period between the phrase and the verb is skipped ("Revenue for 2024-25 rose").
    """
    anchor = change.anchor
    tail = _PERIOD_TAIL.search(text, max(floor, anchor - 40), anchor)
    if tail is not None:
        anchor = tail.start()
    if not change.noun:
        aux = re.search(
            r"(?:\b(?:has|have|had|was|were|is|are|will|would)\s+)+$",
            text[max(floor, anchor - 30) : anchor],
        )
        if aux is not None:
            anchor -= len(aux.group(0))
        particle = _PARTICLE_VERB.search(text, max(floor, anchor - 12), anchor)
        if particle is not None and text[change.anchor : change.anchor + 2].lower() in {"up", "do"}:
            anchor = particle.start()
    return phrase_before(text, anchor, floor, skips)


# -- measure names -----------------------------------------------------------------------
_SYNONYMS = {
    "total import and export value": "total import and export value",
    "import and export value": "total import and export value",
    "total value of imports and exports": "total import and export value",
    "imports and exports": "total import and export value",
    "total imports and exports": "total import and export value",
    "import and export volume": "total import and export value",
    "total import and export volume": "total import and export value",
    "total import and export": "total import and export value",
    "import and export": "total import and export value",
    "foreign trade": "total import and export value",
    "foreign trade value": "total import and export value",
    "foreign trade volume": "total import and export value",
    "total foreign trade": "total import and export value",
    "total foreign trade value": "total import and export value",
    "total foreign trade volume": "total import and export value",
    "gross domestic product": "GDP",
    "gross regional product": "GDP",
    "grp": "GDP",
    "economic output": "GDP",
    "economic aggregate": "GDP",
    "proportion": "share",
    "share": "share",
    "percentage": "share",
}
_GENERIC_LEADS = words(
    """regional total overall annual cumulative combined whole entire its their the a an this
    that these those"""
)
_NOT_MEASURES = words(
    """total figure number amount value level scale sum rate size quantity data year period it
    which that this record high low peak record high record low all-time high historic high
    new high combined"""
) | {"record high", "record low", "all-time high", "historic high", "new high", "new record"}


@functools.lru_cache(maxsize=4096)
def normalize_measure(phrase: str | None) -> str | None:
    """A measure name: "a regional GDP" -> GDP, "total capacity" -> capacity."""
    if not phrase:
        return None
    if "(" in phrase:  # "gross domestic product (GDP)": the parenthesis repeats the name
        phrase = _PARENTHESIS.sub(" ", phrase)
    words = [w.strip("\"“”'’,;:()") for w in phrase.split()]
    words = [w for w in words if w and not _PERIOD_WORD.fullmatch(w)]
    low = " ".join(w.lower() for w in words)
    if low in _SYNONYMS:
        return _SYNONYMS[low]
    while words and words[0].lower() in _GENERIC_LEADS:
        words = words[1:]
    low = " ".join(w.lower() for w in words)
    if not words or low in _NOT_MEASURES:
        return None
    if low in _SYNONYMS:
        return _SYNONYMS[low]
    if words[-1].lower() == "capacity":
        return "capacity"
    return " ".join(w if _acronym(w) else w.lower() for w in words)


_PARENTHESIS = re.compile(r"\([^()]*\)")
_PERIOD_WORD = re.compile(r"[QqHh][1-4]|(?:FY)?(?:19|20)\d\d|first|second|third|fourth|half-year")


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


GROWTH_WORDS = re.compile(
    r"growth|increase|change|y/y|yoy|y-o-y|year[- ]on[- ]year|year[- ]over[- ]year|rise", re.I
)
SHARE_WORDS = re.compile(r"\b(?:share|proportion|percentage\s+of|ratio|weight)\b", re.I)


_TO_AFTER_CHANGE = re.compile(
    r"^[^,;:()]{0,50}?\bto[ \t]+(?:an?[ \t]+)?(?:(?:new[ \t]+|all-time[ \t]+)?(?:record|high)"
    r"(?:[ \t]+high)?(?:[ \t]+of)?[ \t]+)?$",
    re.I,
)


def level_after_change(text: str, prev_end: int, start: int) -> bool:
    """ "rose 4.9% to $807.1 billion": the second number is the new level of the first's base."""
    return bool(_TO_AFTER_CHANGE.match(text[prev_end:start]))


_SAME_PERIOD_AFTER = re.compile(
    r"^[ \t]*,?[ \t]*(?:in|during|for)\s+the\s+same\s+period\s+(?:of\s+|in\s+)?(?:the\s+)?"
    r"(?:(?P<last>last\s+year|previous\s+year|a\s+year\s+(?:earlier|ago|before))"
    r"|(?P<year>(?:19|20)\d\d)(?!\d))",
    re.IGNORECASE,
)


def same_period_as(text: str, end: int, limit: int) -> int | None:
    """ "3.0% in the same period last year" -> -1 (years back); "... of 2024" -> 2024."""
    m = _SAME_PERIOD_AFTER.match(text[end : min(limit, end + 60)])
    if m is None:
        return None
    return int(m.group("year")) if m.group("year") else -1
