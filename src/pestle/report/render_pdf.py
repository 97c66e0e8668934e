"""report.pdf: the print layout of the same view model, rendered by WeasyPrint.

Charts are static SVG (vl-convert) embedded as data URLs; the stylesheet's print rules
give page numbers, a table of contents with page numbers, PDF bookmarks from headings,
and tables that repeat their header and never split a row across pages. WeasyPrint may
fetch nothing: any URL other than a data URL is refused.

Every part of the document starts a page (the cover, the contents, each section, the
notes in a few parts of whole section groups), so the parts are laid out apart, in parallel
(`pdf_workers.py`), and put together (`pdf_assemble.py`):

1. each part is a document of its own (`render_html.render_print_part`): same stylesheet,
   no page furniture. A link to another part keeps its target through a stand-in anchor;
   a chart is a placeholder naming its SVG by content key, which the worker that lays
   the part out fills (from the SVG cache, or converting the chart there);
2. a part's PDF is cached on disk under the hash of its HTML, so a build lays out only the
   parts that changed (a parameter changes the summary, the demand section and the one
   part of the notes that holds its note);
3. a `PdfJob` starts every part as soon as the view model is there, through a queue that
   gives the workers the largest part first (`pdf_queue.py`), and puts in the pages of
   each part as it comes back;
4. once the parts' page counts are known, the contents (page numbers as text) and the
   page furniture (running title, "Page n of N" on every page) are laid out and added.

Without pikepdf the whole document is laid out at once, in one WeasyPrint run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, as_completed
from dataclasses import dataclass
from html import escape, unescape
from importlib.util import find_spec
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

import pestle
from pestle import diskcache as cache
from pestle.report import pdf_engine
from pestle.report.chart_slots import SVG_SRC
from pestle.report.pdf_engine import Engine
from pestle.report.pdf_queue import WorkQueue
from pestle.report.pdf_workers import Done, pdf_bytes
from pestle.report.render_html import render_html, render_print_part
from pestle.report.svg import cached_svg, data_url, remember, svg_key, to_svg
from pestle.report.view import NotesPart, Report, Section

if TYPE_CHECKING:
    from pestle.report.pdf_assemble import Book, Mark

__all__ = ["PdfJob", "PdfStats", "can_assemble", "pdf_bytes", "print_html", "render_pdf"]

# Bump when the way parts are laid out changes, so that no cached part is reused.
PARTS_VERSION = "1"
CACHE_BYTES = 64 * 2**20  # the PDF parts kept on disk, least recently used dropped first
ANCHORS = "<!--pestle:anchors-->"
CHART_BLOCKS = 4  # in the order parts are started: a chart weighs as much as 4 blocks of text
NOTES_PER_BLOCK = 3  # and three notes as much as one block
CONTENTS = 1  # the second part, after the cover; the sections and the notes follow
# The notes are laid out in this many parts of whole section groups, about equal in size:
# a changed note re-lays half of the notes, in parallel with the sections, and the break
# between parts leaves at most one page part-filled.
NOTES_PARTS = 2

_ID = re.compile(r'\sid="([^"]*)"')
_HREF = re.compile(r'\shref="#([^"]*)"')


@dataclass
class PdfStats:
    """What a PDF build did: parts laid out or found in the cache, and pages (not counted
    when the document is laid out at once, without pikepdf)."""

    parts: int = 0
    cached: int = 0
    pages: int = 0
    whole: bool = False
    engine: str = ""  # what laid the parts out (`Engine.label`)


def print_html(report: Report, svgs: Mapping[str, str]) -> str:
    """The whole print document in one HTML (what WeasyPrint lays out without pikepdf)."""
    return render_html(report, print_mode=True, svgs=svgs)


def can_assemble() -> bool:
    return find_spec("pikepdf") is not None


def render_pdf(
    report: Report,
    svgs: Mapping[str, str] | None = None,
    stats: PdfStats | None = None,
    engine: Engine | None = None,
) -> bytes:
    """The report as PDF bytes (`svgs`, chart id -> data URL of its SVG, if already made),
    laid out by `engine` (default: `pdf_engine.choose()`)."""
    return PdfJob(report, stats, engine).finish(svgs)


class PdfJob:
    """The PDF of a report, laid out by the worker processes while the build goes on:
    made once the view model is there, it starts every part at once; `finish` waits for
    them, puts them together and returns the PDF."""

    def __init__(
        self, report: Report, stats: PdfStats | None = None, engine: Engine | None = None
    ) -> None:
        self.report = report
        self.engine = engine if engine is not None else pdf_engine.choose()
        self.stats = stats if stats is not None else PdfStats()
        self.stats.engine = self.engine.label()
        self.whole = not can_assemble()
        # the parts in page order; the contents (None here) come when the others are in
        self.parts: list[str | Section | NotesPart | None] = [
            "cover",
            None,
            *report.sections,
            *notes_parts(report),
        ]
        self.htmls: dict[int, str] = {}
        self.anchors: dict[int, list[str]] = {}  # part -> the anchors it holds
        self.ready: dict[int, bytes] = {}
        self.pending: dict[Future[Done], int] = {}
        self.charts: dict[int, dict[str, dict]] = {}  # part -> SVG key -> chart spec
        self.queue = WorkQueue(self.engine.slots())
        if self.whole:
            return
        self.srcs = {c.id: f"{SVG_SRC}{svg_key(c.spec)}" for c in report.charts()}
        self._start([i for i, part in enumerate(self.parts) if part is not None])

    def finish(self, svgs: Mapping[str, str] | None = None) -> bytes:
        """The PDF (`svgs`: chart id -> data URL, used when it is laid out at once)."""
        if self.whole:
            self.stats.whole, self.stats.parts = True, 1
            if svgs is None:
                svgs = {c.id: data_url(to_svg(c.spec)) for c in self.report.charts()}
            ((_, pdf),) = self.engine.render([print_html(self.report, svgs)])
            return pdf
        from pestle.report.pdf_assemble import Book

        book = Book()
        for i, pdf in self.ready.items():  # read while the workers lay out the others
            book.add(i, pdf)
        for future in as_completed(self.pending):
            i = self.pending[future]
            pdf, converted = self.engine.result(future, self.htmls[i], self.charts.get(i))
            for key, svg in converted.items():
                remember(key, svg)  # for the Markdown's figures
            _store(self.htmls[i], pdf, self.engine)
            book.add(i, pdf)
        furniture = self._contents_and_furniture(book)
        cache.prune(_path("", self.engine).parent, CACHE_BYTES)
        self.stats.pages = book.page_count()
        return book.finish(
            furniture,
            _owners(self.anchors),
            outline=outline(self.report),
            title=self.report.meta.title,
            creator=f"pestle {pestle.__version__}",
        )

    def _start(self, indexes: Sequence[int]) -> None:
        """Render the parts' HTML; take each PDF from the cache or give it to a worker at
        once (a worker starts on the first part to lay out while the others are rendered),
        the likely longest first, so that the workers finish at about the same time."""
        self.stats.parts += len(indexes)
        for i in sorted(indexes, key=lambda i: -self._size(i)):
            part = self.parts[i]
            assert part is not None
            html = render_print_part(self.report, part, self.srcs)
            self.htmls[i], self.anchors[i] = _with_stand_ins(html)
            self.charts[i] = {svg_key(c.spec): c.spec for c in _charts(part)}
            found = _lookup(self.htmls[i], self.engine)
            if found is not None:
                self.ready[i] = found
                self.stats.cached += 1
            else:
                self.pending[self._submit(i)] = i

    def _submit(self, i: int) -> Future[Done]:
        """Give part `i` to the engine through the queue (`pdf_queue`: as many parts at once
        as there are workers, the larger first). A part with several charts not yet
        converted has them converted first, each by whichever worker is free (a part is
        laid out by one worker: the demand section's six charts took it as long as all the
        other parts took the other), and starts once they are all there; meanwhile it keeps
        a worker for itself from the smaller parts. The conversions go to the pool at once,
        ahead of the parts: the part they hold up is the one the others wait for."""
        html, charts = self.htmls[i], self.charts[i]
        missing = {k: spec for k, spec in charts.items() if cached_svg(spec) is None}
        converted: Future[None] | None = None
        if len(missing) >= 2:
            converted = Future()
            waiting = [len(missing)]
            lock = Lock()

            def one_more(_: Future) -> None:  # a chart's conversion ended (even if it failed:
                with lock:  # the part then converts it itself, and says why)
                    waiting[0] -= 1
                    if waiting[0]:
                        return
                converted.set_result(None)

            for spec in missing.values():
                self.engine.convert(spec).add_done_callback(one_more)
        return self.queue.add(
            self._size(i), lambda: self.engine.submit(html, charts), after=converted
        )

    def _size(self, i: int) -> int:
        """How long part `i` takes to lay out, roughly, before its HTML is made: its blocks
        and notes (`CHART_BLOCKS`, `NOTES_PER_BLOCK`)."""
        part = self.parts[i]
        if isinstance(part, Section):
            blocks = len(part.intro) + sum(len(s.blocks) for s in part.subsections)
            return blocks + CHART_BLOCKS * len(part.charts())
        if isinstance(part, NotesPart):
            return sum(len(g.footnotes) for g in part.groups) // NOTES_PER_BLOCK
        return 0

    def _contents_and_furniture(self, book: Book) -> bytes:
        """Lay out the contents (which gives each part's first page) and the furniture."""
        report = self.report
        contents_pages = 1
        for _ in range(3):  # the contents' own length moves the page numbers it gives
            starts: dict[str, int] = {}
            page = 1
            for i, part in enumerate(self.parts):
                if i != CONTENTS:
                    starts[part.id if isinstance(part, Section | NotesPart) else str(part)] = page
                page += contents_pages if i == CONTENTS else book.pages(i)
            contents, anchors = _with_stand_ins(
                render_print_part(report, "contents", toc_pages=starts)
            )
            furniture = render_print_part(report, "furniture", pages=page - 1)
            pdfs = _pdfs([contents, furniture], self.stats, self.engine)
            if _page_count(pdfs[0]) == contents_pages:
                self.htmls[CONTENTS], self.anchors[CONTENTS] = contents, anchors
                book.add(CONTENTS, pdfs[0])
                return pdfs[1]
            contents_pages = _page_count(pdfs[0])
        raise RuntimeError("the table of contents does not settle on a number of pages")


def outline(report: Report) -> list[Mark]:
    """The PDF's bookmarks: the contents, each section with its subsections, the notes with
    their groups (titles as the headings print them, anchors as their ids)."""
    from pestle.present import i18n
    from pestle.report.pdf_assemble import Mark

    with i18n.use(report.meta.lang):
        _ = i18n.gettext
        groups = []
        for k, group in enumerate(report.note_groups()):
            if group.section is not None:
                title = _("Notes to %(number)s %(title)s") % {
                    "number": group.section.number,
                    "title": group.section.title,
                }
                groups.append(Mark(title, f"notes-{group.section.id}"))
            elif k > 0:
                groups.append(Mark(_("Other notes"), "notes-other"))
        return [
            Mark(_("Contents"), "contents"),
            *(
                Mark(
                    f"{s.number} {s.title}",
                    s.id,
                    tuple(Mark(sub.title, sub.id) for sub in s.subsections),
                )
                for s in report.sections
            ),
            Mark(_("Notes and evidence"), "notes", tuple(groups)),
        ]


def notes_parts(report: Report, count: int = NOTES_PARTS) -> list[NotesPart]:
    """The notes in at most `count` print parts of consecutive section groups, each part
    closed once it holds its share of the notes (no notes: one part, with the heading)."""
    share = len(report.footnotes) / max(count, 1)
    parts: list[NotesPart] = []
    groups: list = []
    held = 0
    for group in report.note_groups():
        groups.append(group)
        held += len(group.footnotes)
        if held >= share and len(parts) < count - 1:
            parts.append(NotesPart(len(parts), tuple(groups)))
            groups, held = [], 0
    if groups or not parts:
        parts.append(NotesPart(len(parts), tuple(groups)))
    return parts


def _charts(part: str | Section | NotesPart | None) -> list:
    return part.charts() if isinstance(part, Section) else []


def _owners(anchors: Mapping[int, Sequence[str]]) -> dict[str, int]:
    """Anchor -> index of the part that holds it (the first, as in a browser)."""
    owners: dict[str, int] = {}
    for i in sorted(anchors):
        for anchor in anchors[i]:
            owners.setdefault(anchor, i)
    return owners


def _with_stand_ins(html: str) -> tuple[str, list[str]]:
    """The part with an empty, out-of-flow anchor for each link target held elsewhere
    (WeasyPrint keeps a link only if its target is in the document) and a link, never
    shown, to each anchor it holds (Chromium writes a named destination only for an anchor
    that a link of the same document goes to: the links of the other parts need them all);
    and the anchors the part itself holds."""
    ids = _ID.findall(html)
    missing = sorted(set(_HREF.findall(html)) - set(ids))
    stand_ins = "".join(f'<div id="{escape(unescape(a))}"></div>' for a in missing)
    targets = "".join(f'<a href="#{a}"></a>' for a in dict.fromkeys(ids))
    html = html.replace(
        ANCHORS,
        f'<div class="pdf-anchors">{stand_ins}</div><div style="display: none">{targets}</div>',
        1,
    )
    return html, [unescape(a) for a in ids]


def _page_count(pdf: bytes) -> int:
    from pestle.report.pdf_assemble import page_count

    return page_count(pdf)


def _pdfs(htmls: Sequence[str], stats: PdfStats, engine: Engine) -> list[bytes]:
    """The PDF of each HTML document: from the cache, else laid out by `engine`."""
    found: list[bytes | None] = [_lookup(h, engine) for h in htmls]
    todo = [i for i, pdf in enumerate(found) if pdf is None]
    stats.parts += len(htmls)
    stats.cached += len(htmls) - len(todo)
    for j, pdf in engine.render([htmls[i] for i in todo]):
        found[todo[j]] = pdf
        _store(htmls[todo[j]], pdf, engine)
    return [pdf for pdf in found if pdf is not None]


def _path(html: str, engine: Engine) -> Path:
    version = f"{PARTS_VERSION}|{engine.key()}"
    return cache.cache_dir() / "pdf" / f"{cache.key(version, html)}.pdf"


def _lookup(html: str, engine: Engine) -> bytes | None:
    path = _path(html, engine)
    found = cache.read(path)
    if found is not None:
        cache.touch(path)
    return found


def _store(html: str, pdf: bytes, engine: Engine) -> None:
    cache.write(_path(html, engine), pdf)
