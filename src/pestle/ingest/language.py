"""Which language a text is written in, as far as extraction needs to know.

pestle reads English and simplified Chinese. The question is mostly one of script (Han
characters against Latin letters), answered by counting characters with regular
expressions, which is cheap enough to run on every sentence of a mixed document. Latin text
in another language (French, German, Spanish ...) is told from English by its most common
function words; kana, Hangul, Cyrillic, Arabic and other scripts are named so that a
document pestle cannot read gets a warning instead of a silent empty result.

A language-identification library (fastText, langdetect) would add model data and
milliseconds per call for a decision that the script and a few function words settle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pestle.ingest.phrases import words

Code = Literal["en", "zh", "mixed", "other", "empty"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NOT_LATIN = re.compile(r"[^A-Za-z\u00c0-\u024f]+")
# scripts pestle does not read, by name (the warning says which one it saw)
_SCRIPTS: dict[str, re.Pattern[str]] = {
    "Japanese kana": re.compile(r"[\u3040-\u30ff]"),
    "Korean Hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "Cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "Arabic": re.compile(r"[\u0600-\u06ff]"),
    "Hebrew": re.compile(r"[\u0590-\u05ff]"),
    "Greek": re.compile(r"[\u0370-\u03ff]"),
    "Thai": re.compile(r"[\u0e00-\u0e7f]"),
    "Devanagari": re.compile(r"[\u0900-\u097f]"),
}
_WORD = re.compile(r"[a-zà-ÿ]+")
_ENGLISH = words(
    "the of and to in is was for on that with by as are from at which this be has have were its"
    " it an or"
)
# the commonest function words of the Latin-script languages a reader is likely to meet
_OTHERS: dict[str, frozenset[str]] = {
    "French": words("le la les des et est une dans du pour qui sur au pas avec"),
    "German": words("der die und das ist nicht mit den von zu ein eine sich auf"),
    "Spanish": words("el los las y que del por una con para es se su al"),
    "Portuguese": words("o os as e que do da em um uma com para não dos das"),
    "Italian": words("il di che è la per gli della non con una sono del"),
}
SAMPLE = 20_000  # characters read to decide a document's language


class UnreadLanguageWarning(UserWarning):
    """A document is in a language pestle does not read; no claims were extracted."""


@dataclass(frozen=True, slots=True)
class Language:
    """The language of a text: ``code`` and, for one pestle does not read, its ``name``."""

    code: Code
    name: str

    @property
    def readable(self) -> bool:
        return self.code in {"en", "zh", "mixed", "empty"}

    @property
    def tag(self) -> str:
        """The language as a source records it: "en", "zh", "zh, en" (both), or the name
        of the language or script pestle does not read."""
        return {"en": "en", "zh": "zh", "mixed": "zh, en", "empty": "en"}.get(self.code, self.name)


def han_count(text: str) -> int:
    return len(_NOT_HAN.sub("", text))


def latin_count(text: str) -> int:
    return len(_NOT_LATIN.sub("", text))


def is_chinese(text: str) -> bool:
    """Whether a sentence is Chinese: it has Han characters, at least one for every two
    Latin letters ("2024 年度电池组件出货量 79.447GW" is; "(Xinhua) Output rose" is not)."""
    if _HAN.search(text) is None:
        return False
    if _LATIN.search(text) is None:
        return True  # the usual Chinese sentence: nothing to count
    return 2 * han_count(text) >= latin_count(text)


def is_chinese_at(text: str, start: int, end: int) -> bool:
    """`is_chinese` of ``text[start:end]``, without copying it when the answer is plain."""
    if _HAN.search(text, start, end) is None:
        return False
    if _LATIN.search(text, start, end) is None:
        return True
    return is_chinese(text[start:end])


def has_chinese(text: str) -> bool:
    return _HAN.search(text) is not None


def detect(text: str) -> Language:
    """The language of a document, judged on its first `SAMPLE` characters."""
    sample = text[:SAMPLE]
    han, latin = han_count(sample), latin_count(sample)
    others = {name: len(p.findall(sample)) for name, p in _SCRIPTS.items()}
    script, count = max(others.items(), key=lambda kv: kv[1])
    # kana next to Han is Japanese: its numbers and units are not Chinese ones
    if count > 0 and count >= 0.2 * (han + latin / 2) and (script != "Japanese kana" or han):
        return Language("other", script)
    if han == 0 and latin == 0:
        return Language("empty", "no letters") if count == 0 else Language("other", script)
    if han and 2 * han >= latin:
        return Language("zh" if latin < han / 4 else "mixed", "Chinese")
    if han:
        return Language("mixed", "English and Chinese")
    return _latin(sample)


def _latin(sample: str) -> Language:
    """English, or the Latin-script language whose function words the text uses most."""
    words = _WORD.findall(sample.lower())
    if len(words) < 8:
        return Language("en", "English")  # a table or a list of figures: read as English
    english = sum(w in _ENGLISH for w in words)
    best, score = max(
        ((name, sum(w in vocab for w in words)) for name, vocab in _OTHERS.items()),
        key=lambda kv: kv[1],
    )
    if score > 2 * english and score >= 0.05 * len(words):
        return Language("other", best)
    return Language("en", "English")


def warning(language: Language, name: str) -> str | None:
    """The one-line warning for a document pestle cannot read, or None."""
    if language.readable:
        return None
    return (
        f"{name}: looks like {language.name} text; pestle reads English and Chinese, "
        f"so no claims were extracted"
    )
