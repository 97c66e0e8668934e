"""Evidence -> footnotes: every number of the report points at where it comes from.

A footnote is one of
- ``quote``: the whole sentence of a source document that states the number, with the
  document's title and section, the stated figure marked inside the sentence;
- ``reference``: an entry of a reference data file, with the source it names;
- ``parameter``: a model parameter with its value or range and its sources (and a link to
  its row in the assumptions table);
- ``computed``: a result of an analysis, naming the method and linking its inputs'
  footnotes;
- ``judgment``: an analyst judgment from the case's judgment file, labelled as such;
- ``document``: a source document as a whole (title, file, sha256).

Footnotes are created through `Notes`, which resolves each piece of evidence *when it is
cited*: a quote that cannot be found in its document, or a reference without a source,
is a `CaseError` naming the file, never a dangling footnote. The same evidence cited
twice gets the same number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

from pestle.errors import CaseError
from pestle.present.i18n import gettext as _
from pestle.report.view import Footnote, Fragment, Link, Num, Refs, Term, Text


class SentenceFinder(Protocol):
    def __call__(self, offset: int) -> tuple[int, int] | None: ...


@dataclass(frozen=True)
class DocumentText:
    """What footnotes need of a source document: its text and a way to find sentences."""

    id: str
    title: str
    text: str
    path: str | None = None
    sha256: str | None = None
    sentence_span: Callable[[int], tuple[int, int] | None] | None = None
    section_at: Callable[[int], str | None] | None = None
    section_span: Callable[[str], tuple[int, int] | None] | None = None
    table_header_at: Callable[[int], str | None] | None = None

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence containing ``text[start:end]`` (parser, else a rule)."""
        span = self.sentence_span(start) if self.sentence_span else None
        if span is None:
            span = _fallback_sentence(self.text, start, end)
        s, e = span
        return min(s, start), max(e, end)

    def sentence(self, start: int, end: int) -> str:
        """The sentence containing ``text[start:end]``, whitespace squashed."""
        s, e = self.sentence_bounds(start, end)
        return _squash(self.text[s:e])


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[A-Z\"“(])|\n")


def _fallback_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Sentence bounds by punctuation and line breaks (used only if the parser gave none)."""
    s = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        s = m.end()
    m = _SENTENCE_END.search(text, end)
    e = m.start() if m else len(text)
    return s, e


def _squash(text: str) -> str:
    return " ".join(text.split())


def _squash_keep(text: str) -> str:
    """Whitespace runs to one space, keeping a leading or trailing space (sentence parts)."""
    return re.sub(r"\s+", " ", text)


def _key(*parts: object) -> str:
    return "\x1f".join("" if p is None else str(p) for p in parts)


class Notes:
    """The footnote registry of one report build."""

    def __init__(self, documents: Mapping[str, DocumentText] | None = None) -> None:
        self._documents: dict[str, DocumentText] = dict(documents or {})
        self._by_key: dict[str, Footnote] = {}
        self._ordered: list[Footnote] = []
        # quotes: one note per sentence; the claims cited in it are marked (merged spans)
        self._marks: dict[int, list[tuple[int, int]]] = {}
        self._sentence: dict[int, tuple[str, int, int]] = {}

    # -- registry -----------------------------------------------------------------------
    def _add(self, key: str, **fields: Any) -> int:
        found = self._by_key.get(key)
        if found is not None:
            return found.number
        note = Footnote(number=len(self._ordered) + 1, key=key, **fields)
        self._by_key[key] = note
        self._ordered.append(note)
        return note.number

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        return tuple(self._finish(n) for n in self._ordered)

    def __len__(self) -> int:
        """How many notes there are (numbered 1..len in order of first citation)."""
        return len(self._ordered)

    def get(self, number: int) -> Footnote:
        return self._finish(self._ordered[number - 1])

    def _finish(self, note: Footnote) -> Footnote:
        """A quote note with every claim cited in its sentence marked."""
        if note.number not in self._marks:
            return note
        doc_id, s, e = self._sentence[note.number]
        text = self.document(doc_id).text
        spans = sorted(self._marks[note.number])
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        segments: list[tuple[str, bool]] = []
        at = s
        for a, b in merged:
            if a > at:
                segments.append((text[at:a], False))
            segments.append((text[a:b], True))
            at = b
        if at < e:
            segments.append((text[at:e], False))
        parts = tuple((_squash_keep(t), marked) for t, marked in segments if t)
        return replace(
            note,
            segments=parts,
            mark=" … ".join(_squash(text[a:b]) for a, b in merged),
        )

    def document(self, doc_id: str) -> DocumentText:
        try:
            return self._documents[doc_id]
        except KeyError:
            known = ", ".join(sorted(self._documents)) or "none"
            raise CaseError(
                f"evidence names document {doc_id!r}, which the case does not list "
                f"(documents: {known})"
            ) from None

    # -- evidence kinds -----------------------------------------------------------------
    def span(self, doc_id: str, start: int, end: int, *, section: str | None = None) -> int:
        """A claim at a character span of a document: footnote with its full sentence."""
        doc = self.document(doc_id)
        if not (0 <= start <= end <= len(doc.text)):
            raise CaseError(
                f"span {start}..{end} is outside the document ({len(doc.text)} characters)",
                file=doc.path or doc_id,
            )
        s, e = doc.sentence_bounds(start, end)
        if section is None and doc.section_at is not None:
            section = doc.section_at(start)
        header = doc.table_header_at(start) if doc.table_header_at else None
        number = self._add(
            _key("sentence", doc_id, s, e),
            kind="quote",
            title=doc.title,
            quote=_squash(doc.text[s:e]),
            where=section,
            document=doc_id,
            context=_squash(header) if header else None,
        )
        self._sentence[number] = (doc_id, s, e)
        marks = self._marks.setdefault(number, [])
        if (start, end) not in marks:
            marks.append((start, end))
        return number

    def quote(self, doc_id: str, quote: str, *, section: str | None = None) -> int:
        """A quoted claim text (EvidenceRef): found in the document, within its section."""
        doc = self.document(doc_id)
        lo, hi = 0, len(doc.text)
        if section and doc.section_span is not None:
            bounds = doc.section_span(section)
            if bounds is not None:
                lo, hi = bounds
        at = doc.text.find(quote, lo, hi)
        if at < 0:
            at = doc.text.find(quote)
        if at < 0:
            where = f" in section {section!r}" if section else ""
            raise CaseError(
                f"evidence quote {quote!r} not found{where} of document {doc_id!r}",
                file=doc.path or doc_id,
            )
        return self.span(doc_id, at, at + len(quote), section=section)

    def reference(
        self,
        file: str,
        key: str,
        *,
        source: str,
        entry: str | None = None,
        label: str | None = None,
    ) -> int:
        """An entry of a reference data file (``gdp_cny`` for 2022) with its named source;
        titled by `label` (plain words) when given, its id then kept beside the file."""
        if not source or not source.strip():
            raise CaseError(f"reference entry {key!r} has no source", file=file)
        return self._add(
            _key("reference", file, key),
            kind="reference",
            title=label or key,
            where=file,
            ref_id=key if label else None,
            source=source.strip(),
            body=(entry,) if entry else (),
        )

    def parameter(
        self,
        name: str,
        *,
        value: str,
        sources: Iterable[str],
        label: str | None = None,
        assumption: bool = False,
        anchor: str | None = None,
    ) -> int:
        """A model parameter: its value or range and where it comes from; titled by its
        `label` (plain words), its name kept as the note's id."""
        srcs = [s.strip() for s in sources if s and s.strip()]
        if not srcs:
            srcs = [_("no public figure found; an analyst assumption with a stated range")]
            assumption = True
        body: list[Fragment] = [f"{value}. "]
        if assumption:
            reasons = [s.removeprefix("assumption: ") for s in srcs]
            body.append(_("Assumption: ") + "; ".join(reasons))
        else:
            body.append(_("Source: ") + "; ".join(srcs))
        if anchor:
            body.extend([" (", Link(_("assumptions table"), anchor), ")"])
        return self._add(
            _key("parameter", name, value),
            kind="parameter",
            title=label or name,
            where=name if label and label != name else None,
            body=tuple(body),
            source="; ".join(srcs),
        )

    def computed(
        self,
        method: str,
        *,
        description: str,
        inputs: Iterable[int] = (),
        anchor: str | None = None,
    ) -> int:
        """A number an analysis computed: the method and the footnotes of its inputs."""
        numbers = sorted({int(n) for n in inputs})
        for n in numbers:
            if not 1 <= n <= len(self._ordered):
                raise CaseError(f"computed footnote for {method} cites unknown footnote {n}")
        body: list[Fragment] = [description]
        if numbers:
            body.append(_(" Inputs: "))
            for i, n in enumerate(numbers):
                if i:
                    body.append(", ")
                body.append(Link(f"[{n}]", f"fn-{n}"))
            body.append(".")
        if anchor:
            body.extend([_(" See "), Link(_("the method section"), anchor), "."])
        return self._add(
            _key("computed", method, description, tuple(numbers)),
            kind="computed",
            title=method,
            body=tuple(body),
        )

    def judgment(self, file: str, what: str, rationale: str | None = None) -> int:
        """An analyst judgment (illustrative in the embedded case), labelled as such."""
        body: tuple[Fragment, ...] = (
            _("Analyst judgment. "),
            *((rationale,) if rationale else ()),
        )
        return self._add(
            _key("judgment", file, what), kind="judgment", title=what, where=file, body=body
        )

    def source_document(self, doc_id: str) -> int:
        doc = self.document(doc_id)
        return self._add(
            _key("document", doc_id),
            kind="document",
            title=doc.title,
            where=doc.path,
            source=f"sha256 {doc.sha256}" if doc.sha256 else None,
            document=doc_id,
        )


def num(text_: str, *notes: int | None, strong: bool = False) -> Num:
    """A printed number with its footnotes (``None`` notes are ignored)."""
    found = tuple(dict.fromkeys(n for n in notes if n is not None))
    return Num(text=text_, notes=found, strong=strong)


def refs(*notes: int | None) -> Refs | None:
    """Footnote marks for a whole statement (None when there is no evidence)."""
    found = tuple(dict.fromkeys(n for n in notes if n is not None))
    return Refs(found) if found else None


def plain(parts: Text) -> str:
    """The fragments as plain text, without footnote marks (for alt text and tests)."""
    out: list[str] = []
    for p in parts:
        if isinstance(p, Num | Link | Term):
            out.append(p.text)
        elif isinstance(p, Refs):
            continue
        else:
            out.append(p)
    return "".join(out)


# The end of a sentence inside a text fragment: a full stop, question or exclamation mark,
# semicolon or colon before a space (Latin), or a Chinese mark, which needs no space.
_INNER_BREAK = re.compile(r"(?:[.!?;:]\s+|[。！？；：]\s*)\S")
_ENDS_SENTENCE = re.compile(r"(?:[.!?;:]|[。！？；：])\s*$")


def sentences_of(parts: Text) -> list[int]:
    """The sentence (0, 1, ...) each fragment belongs to; marks right after a full stop
    belong to the sentence it ends."""
    out: list[int] = []
    sentence = 0
    closed = False  # the last text ended a sentence
    for p in parts:
        if isinstance(p, str):
            if closed and p.strip():
                sentence += 1
            sentence += len(_INNER_BREAK.findall(p))
            closed = bool(_ENDS_SENTENCE.search(p)) or (closed and not p.strip())
        elif not isinstance(p, Refs) and closed:
            sentence, closed = sentence + 1, False
        out.append(sentence)
    return out


def one_mark_per_sentence(parts: Text) -> Text:
    """The fragments with each note marked once per sentence: where several numbers of one
    sentence cite the same note, only the last of them keeps its mark ("20,000 samples
    (seed 0) [25]", not "20,000 [25] samples (seed 0 [25])")."""
    try:
        return _one_mark_per_sentence(parts)
    except TypeError:  # a list, not a tuple: not hashable, so not kept
        return _one_mark_per_sentence.__wrapped__(parts)


# A build asks for each text's marks four or five times (the HTML, the PDF's parts, the
# Markdown, the citations' owners) and a rebuild for most of them again: ~30,000 calls
# a build, a third of the view model's time before they were kept.
@lru_cache(maxsize=65536)
def _one_mark_per_sentence(parts: Text) -> Text:
    sentence_of = sentences_of(parts)
    last: dict[tuple[int, int], int] = {}  # (sentence, note) -> index of its last mark
    for i, p in enumerate(parts):
        if isinstance(p, Num | Refs):
            for n in p.notes:
                last[(sentence_of[i], n)] = i
    out: list[Fragment] = []
    for i, p in enumerate(parts):
        if isinstance(p, Num | Refs) and p.notes:
            kept = tuple(n for n in p.notes if last[(sentence_of[i], n)] == i)
            if isinstance(p, Refs):
                if kept:
                    out.append(Refs(kept))
                continue
            p = replace(p, notes=kept)
        out.append(p)
    return tuple(out)


# A web address: with its scheme, or a bare host with a path (``en.people.cn/n3/...``, as
# the reference files write their sources); a closing full stop or comma is left out.
_URL = re.compile(
    r"https?://[^\s<>\"'()，。；、]+[^\s<>\"'()，。；、.,;:!?]"
    r"|(?<![\w@/.-])(?:[a-z0-9-]+\.)+(?:cn|com|org|net|gov|int|edu|info|io)"
    r"/[^\s<>\"'()，。；、]*[^\s<>\"'()，。；、.,;:!?]"
)


def url_parts(text_: str) -> tuple[tuple[str, str | None], ...]:
    """A note's text cut around its web addresses: ((text, link or None), ...); a bare
    host gets ``https://`` in its link."""
    out: list[tuple[str, str | None]] = []
    at = 0
    for m in _URL.finditer(text_):
        if m.start() > at:
            out.append((text_[at : m.start()], None))
        found = m.group(0)
        out.append((found, found if found.startswith("http") else f"https://{found}"))
        at = m.end()
    if at < len(text_):
        out.append((text_[at:], None))
    return tuple(out)
