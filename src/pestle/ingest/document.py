"""Parse a plain-text report into sections, paragraphs, sentences and pipe tables.

Every element keeps its character span ``[start, end)`` in the original text, so
``text[element.start:element.end]`` is what the element was read from.

Headings are numbered lines ("1. Title", "2.1 Title", "II. Title"), Markdown ("## Title"),
or a short Title Case line standing alone between blank lines ("Second Quarter 2025
Highlights"). Numbering may restart (the source report restarts at "1." in each part), so a
section is identified by its path of titles, never by its number.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Literal

from pestle.ingest.phrases import words
from pestle.ingest.units import split_header

MISSING_CELLS = frozenset({"", "-", "–", "—", "--", "n/a", "N/A", "NA", "na", "…", "...", "/"})

_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?P<title>\S.*?)[ \t]*#*[ \t]*$")
_NUM_HEADING = re.compile(
    r"^[ \t]{0,3}(?P<num>\d{1,2}(?:\.\d{1,2})*|(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3}))"
    r"(?P<dot>[.、])?[ \t]+(?P<title>\S.*?)[ \t]*$"
)
# a label line: Title Case words, no sentence punctuation, digits only in years and Q1/H2
_LABEL_WORD = re.compile(r"[A-Za-z][\w'’&-]*")
_LABEL_DIGITS = re.compile(r"(?<![\w-])(?:(?:19|20)\d\d|[QH][1-4])(?![\w-])")
_SMALL_WORDS = words("a an the of in on at to for and or by with from as vs via per than into")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_TERMINAL = re.compile(r"[.!?;:。！？]$")
_CONTINUES = re.compile(r"^[a-z0-9.,;:)%\]]")
_SENTENCE_END = re.compile(
    r"(?=[.!?。！？；;])(?:[.!?。！？]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9]|\s*$)"
    # Chinese ends a sentence with 。！？； and no space; ; ! ? before a Chinese clause too
    r"|[。！？；]+[”’」』）)\]]*|[;!?](?=\s*[\u4e00-\u9fff]))"
)
# Chinese headings: 第一章 / 第二节, 一、, （一）, "1." or "1 " before a Chinese title
_ZH_HEADING = re.compile(
    r"^[ \t]{0,3}(?P<num>第[一二三四五六七八九十百零〇0-9]+[章节篇部]"
    r"|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|\d{1,2}(?:\.\d{1,2})*(?:[.．、]|[ \t]+(?=[\u4e00-\u9fff])))"
    r"[ \t]*(?P<title>[\u4e00-\u9fff“\"0-9].*?)[ \t]*$"
)
_ZH_LEVEL = {"章": 1, "节": 2, "篇": 1, "部": 1}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LAST_WORD = re.compile(r"([\w.]+)$")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_INITIAL = re.compile(r"[A-Z]")
_ABBREVIATIONS = words(
    """mr mrs ms dr prof no nos vs approx est inc ltd co corp st jan feb mar apr jun jul aug
    sep sept oct nov dec fig figs e.g i.e etc al art sec vol"""
)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the text under it, up to the next heading of the same or higher level."""

    title: str
    path: tuple[str, ...]
    level: int
    number: str | None
    start: int
    end: int
    title_start: int
    title_end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of prose: one line, or lines that continue each other."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a paragraph, a heading title, or one row of a table."""

    text: str
    start: int
    end: int
    kind: Literal["heading", "prose", "table_row"] = "prose"


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a table row; ``missing`` when it is "-" (missing, not zero) or empty."""

    text: str
    start: int
    end: int

    @property
    def missing(self) -> bool:
        return self.text.strip() in MISSING_CELLS


@dataclass(frozen=True, slots=True)
class HeaderCell:
    """A column header: its label and the unit it states ("(100 million yuan)" -> CNY, 8)."""

    text: str
    start: int
    end: int
    label: str
    unit: str | None = None
    exponent: int = 0
    unit_text: str | None = None
    unit_start: int | None = None
    unit_end: int | None = None

    @property
    def scale(self) -> float:
        return float(f"1e{self.exponent}")


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    start: int
    end: int

    @property
    def label(self) -> Cell | None:
        return self.cells[0] if self.cells else None


@dataclass(frozen=True, slots=True)
class Table:
    """A pipe table: header cells (with units), then rows of cells."""

    header: tuple[HeaderCell, ...]
    rows: tuple[Row, ...]
    start: int
    end: int


Block = Section | Paragraph | Table


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed document; every element carries its span in ``text``."""

    text: str
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tables: tuple[Table, ...] = ()
    blocks: tuple[Block, ...] = ()
    _section_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _sentence_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def section_at(self, offset: int) -> Section | None:
        """The innermost section containing ``offset``; None before the first heading."""
        i = bisect.bisect_right(self._section_starts, offset) - 1
        return self.sections[i] if i >= 0 else None

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing ``offset`` (or the last one before it, in whitespace)."""
        if not self.sentences:
            raise ValueError("the document has no sentences")
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the document (0..{len(self.text)})")
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(i, 0)]


# -- parsing ------------------------------------------------------------------------------
@dataclass(slots=True)
class _Line:
    start: int
    end: int  # end of content, without the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    lines = []
    for m in _LINE.finditer(text):
        content = m.group(0).rstrip("\n").rstrip("\r")
        lines.append(_Line(m.start(), m.start() + len(content), content))
    return lines


def _heading(line: _Line) -> tuple[int, str | None, int, int] | None:
    """(level, number, title_start, title_end) when the line is a heading.

    A numbered heading's level is its depth ("1." -> 1, "1.2" -> 2); the caller nests it
    under the Markdown heading it follows.
    """
    m = _MD_HEADING.match(line.text)
    if m:
        return len(m.group(1)), None, line.start + m.start("title"), line.start + m.end("title")
    zh = _zh_heading(line)
    if zh is not None:
        return zh
    m = _NUM_HEADING.match(line.text)
    if m is None:
        return None
    number, title = m.group("num"), m.group("title")
    if "." not in number and not m.group("dot"):
        return None  # "12 projects were ..." is a sentence, "12. Title" a heading
    if not number[0].isdigit() and len(title.split()) < 2:
        return None  # "V. Putin" is a name, "II. Major Targets" a heading
    if not (title[0].isupper() or title[0] in "\"“'‘("):
        return None
    if _TERMINAL.search(title) or ". " in title or len(title) > 160 or len(title.split()) > 20:
        return None
    level = number.count(".") + 1
    return level, number, line.start + m.start("title"), line.start + m.end("title")


def _zh_heading(line: _Line) -> tuple[int, str | None, int, int] | None:
    """A numbered Chinese heading: a short title, no sentence end (。！？) in it.

    Levels: 第N章 1, 第N节 2, 一、 3, （一） 4, "1." 5 ("1.2" 6): a Chinese report numbers
    its parts in this order.
    """
    m = _ZH_HEADING.match(line.text)
    if m is None:
        return None
    number, title = m.group("num").strip(), m.group("title")
    if len(title) > 60 or re.search(r"[。！？；;]", title):
        return None
    if title[0].isdigit() and number[0].isdigit():
        return None  # "1.5亿元": a number, not heading "1." with title "5亿元"
    if number.startswith("第"):
        level = _ZH_LEVEL.get(number[-1], 1)
    elif number.endswith("、") and not number[0].isdigit():
        level = 3
    elif number[0] in "（(":
        level = 4
    else:
        level = 5 + number.rstrip(".．、 \t").count(".")
    return level, number, line.start + m.start("title"), line.start + m.end("title")


def _label(lines: list[_Line], i: int) -> bool:
    """A short Title Case line standing alone between blank lines: a heading without a number.

    "Second Quarter 2025 Highlights", "Business Outlook"; not a sentence, a byline ("By ..."),
    a date line ("December 9, 2024 4:15 PM") or a headline in sentence case.
    """
    line = lines[i]
    if i > 0 and not lines[i - 1].blank:
        return False
    if i + 1 < len(lines) and not lines[i + 1].blank:
        return False
    text = line.text.strip()
    if len(text) > 120 or text[-1] in ".!?;:," or "|" in text or not text[0].isupper():
        return False
    found = _LABEL_WORD.findall(text)
    if not 2 <= len(found) <= 16 or found[0] == "By":
        return False
    if any(ch.isdigit() for ch in _LABEL_DIGITS.sub("", text)):
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in found if len(w) > 1)


def _cells(line: _Line) -> list[tuple[int, int]]:
    """Content spans of the cells of a pipe row (outer pipes optional)."""
    spans: list[tuple[int, int]] = []
    text = line.text
    bounds = [i for i, ch in enumerate(text) if ch == "|"]
    edges = [-1, *bounds, len(text)]
    for a, b in itertools.pairwise(edges):
        spans.append((a + 1, b))
    # a leading or trailing pipe opens/closes the row; it does not add an empty cell
    if text.strip().startswith("|") and spans and not text[spans[0][0] : spans[0][1]].strip():
        spans = spans[1:]
    if text.strip().endswith("|") and spans and not text[spans[-1][0] : spans[-1][1]].strip():
        spans = spans[:-1]
    out = []
    for a, b in spans:
        raw = text[a:b]
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        s = line.start + a + lead
        out.append((s, s + len(content)))
    return out


def _is_row(line: _Line) -> bool:
    return "|" in line.text and not line.blank


def _table_at(text: str, lines: list[_Line], i: int) -> tuple[Table, int] | None:
    """A table starting at line ``i``, and the index of the first line after it."""
    if not _is_row(lines[i]) or _SEPARATOR.match(lines[i].text):
        return None
    header_spans = _cells(lines[i])
    j = i + 1
    if j < len(lines) and _SEPARATOR.match(lines[j].text):
        j += 1
    elif not (
        len(header_spans) >= 2
        and j < len(lines)
        and _is_row(lines[j])
        and len(_cells(lines[j])) in {len(header_spans), len(header_spans) + 1}
    ):
        return None
    header = tuple(_header_cell(text, s, e) for s, e in header_spans)
    if j < len(lines) and _is_row(lines[j]) and len(_cells(lines[j])) == len(header) + 1:
        # "| 绝对数(亿元) | 增长(%) |" over "地区生产总值 | 617.50 | 5.2 |": the header leaves
        # the label column out; give it an empty cell so columns line up
        at = lines[i].start
        header = (HeaderCell("", at, at, ""), *header)
    rows = []
    while j < len(lines) and _is_row(lines[j]) and not _SEPARATOR.match(lines[j].text):
        spans = _cells(lines[j])
        cells = tuple(Cell(text[s:e], s, e) for s, e in spans)
        rows.append(Row(cells, lines[j].start, lines[j].end))
        j += 1
    table = Table(header, tuple(rows), lines[i].start, lines[j - 1].end)
    return table, j


def _header_cell(text: str, start: int, end: int) -> HeaderCell:
    raw = text[start:end]
    label, unit, span = split_header(raw)
    if unit is None or span is None:
        return HeaderCell(raw, start, end, label)
    return HeaderCell(
        raw,
        start,
        end,
        label,
        unit.code,
        unit.exponent,
        unit.text,
        start + span[0],
        start + span[1],
    )


def _sentences(text: str, para: Paragraph) -> list[Sentence]:
    out: list[Sentence] = []
    body = para.text
    cursor = 0
    for m in _SENTENCE_END.finditer(body):
        word = _LAST_WORD.search(body, max(cursor, m.start() - 24), m.start())
        if word and m.group(0).startswith(".") and len(m.group(0).rstrip("\"”’')]")) == 1:
            raw = word.group(1).rstrip(".")
            w = raw.lower()
            # "Jan.", "U.S.", "J. Smith" do not end a sentence; "sq m." and "5 km." do
            if w in _ABBREVIATIONS or _DOTTED.fullmatch(w) or _INITIAL.fullmatch(raw):
                continue
        _add_sentence(out, body, para.start, cursor, m.end())
        cursor = m.end()
    _add_sentence(out, body, para.start, cursor, len(body))
    return out


# No real sentence is this long (the longest in the corpora has about 600 characters); a
# longer one is read in pieces cut at the last clause break (, ; ， ；) before the limit, or
# at a space, so every step of extraction that works on one sentence is bounded and the work
# on a text grows linearly with its size, whatever the text (a hostile one-sentence upload).
MAX_SENTENCE = 2_000
_PIECE_BREAKS = (", ", "; ", "，", "；", ",", ";", " ")


def _add_sentence(out: list[Sentence], body: str, base: int, a: int, b: int) -> None:
    if b - a <= MAX_SENTENCE:  # every real sentence
        _add_piece(out, body, base, a, b)
        return
    while b - a > MAX_SENTENCE:
        cut = -1
        for mark in _PIECE_BREAKS:  # the best break within the second half of the limit
            at = body.rfind(mark, a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            if at >= 0:
                cut = at + len(mark)
                break
        if cut < 0:
            cut = a + MAX_SENTENCE
        _add_piece(out, body, base, a, cut)
        a = cut
    _add_piece(out, body, base, a, b)


def _add_piece(out: list[Sentence], body: str, base: int, a: int, b: int) -> None:
    raw = body[a:b]
    lead = len(raw) - len(raw.lstrip())
    content = raw.strip()
    if content:
        s = base + a + lead
        out.append(Sentence(content, s, s + len(content), "prose"))


def _content_end(text: str, end: int) -> int:
    """``end`` moved back over trailing whitespace."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def parse(text: str) -> Document:
    """Parse ``text`` into a `Document` (sections, paragraphs, sentences, tables, spans)."""
    lines = _lines(text)
    wrapped = any(ln.blank for ln in lines) and all(len(ln.text) <= 200 for ln in lines)
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    tables: list[Table] = []
    blocks: list[tuple[int, str, int]] = []  # (start, kind, index)
    para_lines: list[_Line] = []

    def flush_paragraph() -> None:
        if para_lines:
            s, e = para_lines[0].start, para_lines[-1].end
            raw = text[s:e]
            lead = len(raw) - len(raw.lstrip())
            content = raw.strip()
            paragraphs.append(Paragraph(content, s + lead, s + lead + len(content)))
            blocks.append((s + lead, "paragraph", len(paragraphs) - 1))
            para_lines.clear()

    stack: list[tuple[int, str]] = []  # (level, title) of open headings
    markdown_level = 0  # numbered headings nest under the last Markdown heading
    heading_rows: list[tuple[int, str, str | None, int, int, int, tuple[str, ...]]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            flush_paragraph()
            i += 1
            continue
        head = _heading(line)
        if head is None and not _NUM_HEADING.match(line.text) and _label(lines, i):
            ts = line.start + len(line.text) - len(line.text.lstrip())
            head = markdown_level + 1, "", ts, line.start + len(line.text.rstrip())
        if head is not None:
            flush_paragraph()
            level, number, ts, te = head
            if number is None:
                markdown_level = level
            elif number:
                level += markdown_level
            else:
                number = None  # a label line sits at the level below the Markdown headings
            title = text[ts:te]
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            path = tuple(t for _, t in stack)
            heading_rows.append((level, title, number, line.start, ts, te, path))
            blocks.append((line.start, "section", len(heading_rows) - 1))
            i += 1
            continue
        found = _table_at(text, lines, i)
        if found is not None:
            flush_paragraph()
            table, i = found
            tables.append(table)
            blocks.append((table.start, "table", len(tables) - 1))
            continue
        if para_lines:
            previous = para_lines[-1].text.rstrip()
            if _HAN.search(previous) or _HAN.search(line.text):
                # a Chinese line ends its paragraph unless it stops mid-sentence in
                # text wrapped at a fixed width
                if not wrapped or _TERMINAL.search(previous):
                    flush_paragraph()
            elif not wrapped and (
                _TERMINAL.search(previous) or not _CONTINUES.match(line.text.lstrip())
            ):
                flush_paragraph()
        para_lines.append(line)
        i += 1
    flush_paragraph()

    # a section ends where the next heading of its level or higher starts: one pass with
    # a stack of open sections (comparing each heading with every later one is quadratic)
    end_of_text = _content_end(text, len(text))
    ends = [end_of_text] * len(heading_rows)
    open_rows: list[int] = []
    for k, row in enumerate(heading_rows):
        while open_rows and heading_rows[open_rows[-1]][0] >= row[0]:
            ends[open_rows.pop()] = _content_end(text, row[3])
        open_rows.append(k)
    for k, (level, title, number, start, ts, te, path) in enumerate(heading_rows):
        sections.append(Section(title, path, level, number, start, max(ends[k], te), ts, te))

    sentences: list[Sentence] = []
    ordered: list[Block] = []
    for _, kind, index in sorted(blocks):
        if kind == "section":
            sec = sections[index]
            ordered.append(sec)
            sentences.append(
                Sentence(
                    text[sec.title_start : sec.title_end], sec.title_start, sec.title_end, "heading"
                )
            )
        elif kind == "paragraph":
            para = paragraphs[index]
            ordered.append(para)
            sentences.extend(_sentences(text, para))
        else:
            table = tables[index]
            ordered.append(table)
            for row in table.rows:
                sentences.append(
                    Sentence(text[row.start : row.end], row.start, row.end, "table_row")
                )
    return Document(
        text=text,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        tables=tuple(tables),
        blocks=tuple(ordered),
        _section_starts=tuple(s.start for s in sections),
        _sentence_starts=tuple(s.start for s in sentences),
    )
