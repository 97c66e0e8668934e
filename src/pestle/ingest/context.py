"""What extraction carries from sentence to sentence: drafts, paragraph and section context."""

from __future__ import annotations

from dataclasses import dataclass, field

from pestle.model import Period


@dataclass(slots=True)
class Draft:
    """A claim being built: offsets and fields, before the section is looked up."""

    start: int
    end: int
    value: float
    unit: str
    qualifier: str
    period: Period | None
    measure: str | None
    subject: str | None


@dataclass(slots=True)
class Context:
    """What a paragraph has set so far: the period, subject and last measures."""

    period: Period | None = None
    subject: str | None = None
    measure: str | None = None
    growth: str | None = None
    year: int | None = None  # the last year stated: completes "the first quarter"
    year_stated: bool = False  # the year was written (heading, text), not the document's date
    opening: Period | None = None  # the period the paragraph opened with (its heading's)
    names: dict[str, int] = field(default_factory=dict)  # name -> sentences naming it
    pending: list[tuple[int, int]] = field(default_factory=list)  # sentences not analysed yet

    def name(self, name: str) -> None:
        self.subject = name
        self.names[name] = self.names.get(name, 0) + 1

    @property
    def topic(self) -> str | None:
        """The name the paragraph mentions most (the first named on a tie)."""
        if not self.names:
            return self.subject
        return max(self.names.items(), key=lambda kv: kv[1])[0]


@dataclass(slots=True)
class SectionState:
    """What a section has stated so far: the things counted and the last measure."""

    counted: list[str] = field(default_factory=list)
    measure: str | None = None


@dataclass(frozen=True, slots=True)
class Overrides:
    """What a table cell's position fixes for the claims inside it."""

    subject: str | None = None
    period: Period | None = None
    measure: str | None = None
    fixed: bool = False
