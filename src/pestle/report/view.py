"""The report's view model: what the templates see, already formatted and footnoted.

Templates only lay these objects out; every string in them is final text (numbers were
formatted by `format.py`, evidence turned into footnotes by `footnotes.py`). Three
renderers (HTML, PDF, Markdown) read the same `Report`.

Text is a sequence of fragments: plain strings (escaped by the renderer) and `Num`s
(a formatted number with its footnote numbers). A text of the case (a label, a name) put
into `text()` or a `Term` becomes its form in the language the view is built in
(`i18n.pick`), so a section hands over the case's text and the view holds the reader's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pestle.present.i18n import pick

Tone = Literal["text", "judgment", "notice", "warning", "method", "lead", "factor"]


@dataclass(frozen=True, slots=True)
class Num:
    """A number as printed, with the footnotes that hold its evidence."""

    text: str
    notes: tuple[int, ...] = ()
    strong: bool = False


@dataclass(frozen=True, slots=True)
class Link:
    """An in-report cross reference (``#anchor``), never an external address."""

    text: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Term:
    """A name set in bold (a factor, a segment) — never a number."""

    text: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", pick(self.text))


@dataclass(frozen=True, slots=True)
class Refs:
    """Footnote marks for a statement as a whole (not for one number)."""

    notes: tuple[int, ...]


Fragment = str | Num | Link | Term | Refs
Text = tuple[Fragment, ...]


def text(*parts: Fragment | None) -> Text:
    """Build a fragment tuple, dropping ``None`` parts."""
    return tuple(pick(p) if isinstance(p, str) else p for p in parts if p is not None and p != "")


@dataclass(frozen=True, slots=True)
class Paragraph:
    parts: Text
    tone: Tone = "text"
    label: str | None = None  # e.g. "Analyst judgment (illustrative)"
    badge: str = ""  # style of the label: "judgment", "opportunity", "threat"
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[Text, ...]
    tone: Tone = "text"
    kind: Literal["bullets"] = "bullets"


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    numeric: bool = False
    code: bool = False  # file names, hashes: may break anywhere to fit the column
    # short labels (a level, a kind): kept whole; Chinese text may break between any two
    # characters, and a column of them was laid out one character a line
    word: bool = False


Cell = Text


@dataclass(frozen=True, slots=True)
class Table:
    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: Text = ()
    row_classes: tuple[str, ...] = ()  # optional per-row CSS class ("fail", "pass", ...)
    row_ids: tuple[str, ...] = ()  # optional per-row anchors (cross references)
    kind: Literal["table"] = "table"


@dataclass(frozen=True, slots=True)
class Chart:
    """A Vega-Lite chart: `spec` for the browser, `svg` (filled at render) for print."""

    id: str
    title: str
    spec: dict[str, Any]
    description: str
    source: Text = ()
    kind: Literal["chart"] = "chart"


@dataclass(frozen=True, slots=True)
class Notice:
    """An explicit gap: data the case lacks, or a result this build was asked not to make."""

    message: str
    kind: Literal["notice"] = "notice"


Block = Paragraph | Bullets | Table | Chart | Notice


@dataclass(frozen=True, slots=True)
class Subsection:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    number: int
    title: str
    intro: tuple[Block, ...] = ()
    subsections: tuple[Subsection, ...] = ()
    notes: tuple[int, ...] = ()  # numbers of the footnotes first cited in this section

    def charts(self) -> list[Chart]:
        blocks = [*self.intro, *(b for sub in self.subsections for b in sub.blocks)]
        return [b for b in blocks if isinstance(b, Chart)]


@dataclass(frozen=True, slots=True)
class Footnote:
    """One resolved piece of evidence, numbered in order of first citation."""

    number: int
    kind: Literal["quote", "reference", "parameter", "computed", "judgment", "document"]
    title: str  # what the evidence is: document title, reference file, method name
    body: Text = ()  # explanation (method, parameters), fragments may link elsewhere
    quote: str | None = None  # the full sentence, for quotes
    mark: str | None = None  # the claims cited inside `quote`, joined by " … "
    segments: tuple[tuple[str, bool], ...] = ()  # the sentence in parts, (text, marked)
    where: str | None = None  # section of the document, or file and key
    source: str | None = None  # the source of a reference entry
    document: str | None = None  # document id in the case
    context: str | None = None  # for a table row: the table's header row
    ref_id: str | None = None  # a reference entry's id, when its title is a label
    key: str = ""

    @property
    def anchor(self) -> str:
        return f"fn-{self.number}"

    @property
    def quote_parts(self) -> tuple[tuple[str, bool], ...]:
        """The sentence in parts, the cited claims marked: ((text, marked), ...)."""
        if self.segments:
            return self.segments
        return ((self.quote or "", False),)


@dataclass(frozen=True, slots=True)
class NoteGroup:
    """The footnotes first cited in one section (`section` None: cited outside them)."""

    section: Section | None
    footnotes: tuple[Footnote, ...]


@dataclass(frozen=True, slots=True)
class NotesPart:
    """Consecutive note groups laid out on pages of their own in print (`render_pdf.py`);
    the first part carries the heading of the notes."""

    index: int
    groups: tuple[NoteGroup, ...]

    @property
    def first(self) -> bool:
        return self.index == 0

    @property
    def id(self) -> str:
        return "notes" if self.first else f"notes-{self.index + 1}"


@dataclass(frozen=True, slots=True)
class Meta:
    title: str
    subtitle: str
    case_id: str
    case_folder: str
    region: str
    industry: str
    generated: str
    scenario: str | None
    pestle_version: str
    colophon: str = ""
    description: str = ""
    facts: tuple[tuple[str, Text], ...] = ()
    lang: str = "en"  # the language the report was built in (`i18n.LANGUAGES`)

    @property
    def html_lang(self) -> str:
        from pestle.present.i18n import HTML_LANG

        return HTML_LANG.get(self.lang, self.lang)


@dataclass(frozen=True, slots=True)
class Report:
    meta: Meta
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...] = field(default_factory=tuple)

    def charts(self) -> list[Chart]:
        return [chart for section in self.sections for chart in section.charts()]

    def note_groups(self) -> tuple[NoteGroup, ...]:
        """The footnotes by the section that first cites them, in reading order."""
        by_number = {f.number: f for f in self.footnotes}
        groups: list[NoteGroup] = []
        placed: set[int] = set()
        for section in self.sections:
            cited = tuple(by_number[n] for n in section.notes if n in by_number)
            if cited:
                groups.append(NoteGroup(section, cited))
                placed.update(f.number for f in cited)
        rest = tuple(f for f in self.footnotes if f.number not in placed)
        if rest:
            groups.append(NoteGroup(None, rest))
        return tuple(groups)
