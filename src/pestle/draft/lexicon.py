"""The lexicon that places a passage in a PESTLE dimension, and a threat or an opportunity.

The words live in a YAML file (`lexicon.yaml` beside this module is the default; `pestle init
--from` copies it into the drafted case, where an analyst can edit it). An English entry
matches whole words and the plural or -ing/-ed forms that begin with it; a Chinese entry (any
entry with a CJK character) matches anywhere, since Chinese text has no spaces between words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pestle.case.models import DIMENSIONS, Dimension, Direction
from pestle.case.yaml_lines import line_at, load_yaml, loads_yaml
from pestle.errors import CaseError

Language = Literal["en", "zh"]
_CJK = re.compile(r"[\u3400-\u9fff]")
_SUFFIXES = r"(?:s|es|ing|ed|d)?"


class Words(BaseModel):
    """The English and Chinese words of one dimension or direction."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    en: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()


class PolicyCodes(BaseModel):
    """Words that pick one code of a policy-measure field (level, instrument, target)."""

    model_config = ConfigDict(frozen=True, extra="allow")

    default: str

    def codes(self) -> dict[str, Words]:
        return {k: Words.model_validate(v) for k, v in (self.model_extra or {}).items()}


class CapacityWords(BaseModel):
    """Which power claims are projects (energy bases), and the words of their status."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    projects: Words = Words()
    status: PolicyCodes = PolicyCodes(default="planned")

    def is_project(self, subject: str | None) -> bool:
        return bool(subject) and bool(
            _pattern((*self.projects.en, *self.projects.zh)).search(subject)
        )

    def status_of(self, text: str) -> str:
        for code, words in self.status.codes().items():
            if _pattern((*words.en, *words.zh)).search(text):
                return code
        return self.status.default


class Lexicon(BaseModel):
    """Words per PESTLE dimension and per direction, and the hits a passage needs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_hits: int = Field(default=2, ge=1)
    dimensions: dict[Dimension, Words]
    direction: dict[Direction, Words]
    policy: dict[str, PolicyCodes] = Field(default_factory=dict)
    capacity: CapacityWords = Field(default_factory=lambda: CapacityWords())

    @cached_property
    def _patterns(self) -> dict[str, re.Pattern[str]]:
        groups = {**self.dimensions, **self.direction}
        return {name: _pattern((*words.en, *words.zh)) for name, words in groups.items()}

    def hits(self, text: str, group: str) -> Counter[str]:
        """How often each word of `group` (a dimension or a direction) occurs in `text`."""
        pattern = self._patterns.get(group)
        if pattern is None:
            return Counter()
        return Counter(m.group(0).lower() for m in pattern.finditer(text))

    def dimension_hits(self, text: str) -> dict[str, Counter[str]]:
        return {d: self.hits(text, d) for d in DIMENSIONS if d in self.dimensions}

    def direction_of(self, text: str) -> Direction:
        """`threat` when the text has more threat words than opportunity words."""
        threat = sum(self.hits(text, "threat").values())
        opportunity = sum(self.hits(text, "opportunity").values())
        return "threat" if threat > opportunity else "opportunity"

    def policy_code(self, text: str, field: str, fallback: str) -> str:
        """The code of `field` (level, instrument, target) whose words `text` holds first."""
        codes = self.policy.get(field)
        if codes is None:
            return fallback
        for code, words in codes.codes().items():
            if _pattern((*words.en, *words.zh)).search(text):
                return code
        return codes.default


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a word list; longer entries first so "free trade zone" beats "trade"."""
    parts = []
    for word in sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in word.split())
        parts.append(body if _CJK.search(word) else rf"(?<!\w){body}{_SUFFIXES}(?!\w)")
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


DEFAULT_LEXICON = "lexicon.yaml"


def default_lexicon_text() -> str:
    """The text of the lexicon shipped with pestle (read from the installed package)."""
    return resources.files("pestle.draft").joinpath(DEFAULT_LEXICON).read_text(encoding="utf-8")


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The lexicon in `path`, or the shipped one; a malformed file is a `CaseError` at its
    line."""
    from pydantic import ValidationError

    where = Path(path) if path is not None else Path(DEFAULT_LEXICON)
    raw = loads_yaml(default_lexicon_text(), where) if path is None else load_yaml(where)
    try:
        return Lexicon.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise CaseError(f"{loc}: {err['msg']}", where, line_at(raw, err["loc"])) from None


__all__ = ["DEFAULT_LEXICON", "Language", "Lexicon", "default_lexicon_text", "load_lexicon"]
