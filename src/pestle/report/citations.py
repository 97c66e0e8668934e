"""Links from a note back to where it is cited: the first mark of each note gets an anchor.

The owner of a note is the part (the cover or a section) that holds its first mark in
reading order, found by reading the blocks the way the templates lay them out (`Section
.notes` will not do: it counts the inputs of a computed note as cited with it). Parts are
rendered in reading order, so the first mark rendered in a note's owner is its first in the
report. One `Citations` serves one rendering; its anchors are the same whichever parts are
rendered, so a note in one print part links into another.
"""

from __future__ import annotations

from collections.abc import Iterable
from threading import Lock

from pestle.report.footnotes import one_mark_per_sentence
from pestle.report.view import Block, Bullets, Chart, Num, Paragraph, Refs, Report, Table, Text

COVER = "cover"


def anchor(number: int) -> str:
    return f"cite-{number}"


def _marked(texts: Iterable[Text]) -> Iterable[int]:
    """The notes marked in the texts, in order, as the templates mark them."""
    for text in texts:
        for p in one_mark_per_sentence(text):
            if isinstance(p, Num | Refs):
                yield from p.notes


def _texts(block: Block) -> Iterable[Text]:
    if isinstance(block, Paragraph):
        yield block.parts
    elif isinstance(block, Bullets):
        yield from block.items
    elif isinstance(block, Table):
        for row in block.rows:
            yield from row
        yield block.note
    elif isinstance(block, Chart):
        yield block.source


def owners(report: Report) -> dict[int, str]:
    """Note -> the part that holds its first mark (the cover, or a section's id)."""
    owner: dict[int, str] = {}
    for n in _marked(value for _, value in report.meta.facts):
        owner.setdefault(n, COVER)
    for section in report.sections:
        blocks = [*section.intro, *(b for sub in section.subsections for b in sub.blocks)]
        for n in _marked(t for b in blocks for t in _texts(b)):
            owner.setdefault(n, section.id)
    return owner


# The owners of a report's notes, found once: a build renders the report in about 17
# documents (the HTML, each PDF part), each with a `Citations` of its own. The last few
# reports are kept, by identity (a view model is never changed, and a frozen one with
# slots can be neither weakly referenced nor cheaply hashed).
KEPT = 4
_kept: list[tuple[Report, dict[int, str]]] = []
_lock = Lock()


class Citations:
    def __init__(self, report: Report) -> None:
        with _lock:
            found = next((owner for r, owner in _kept if r is report), None)
            if found is None:
                found = owners(report)
                _kept.insert(0, (report, found))
                del _kept[KEPT:]
        self.owner = found
        self._where = COVER
        self._given: set[int] = set()

    def enter(self, where: str) -> str:
        """Rendering moves into a section (its id) or the cover; returns "" for templates."""
        self._where = where
        return ""

    def mark(self, number: int) -> str:
        """The anchor of this mark if it is the note's first citation, else ""."""
        if self.owner.get(number) != self._where or number in self._given:
            return ""
        self._given.add(number)
        return anchor(number)

    def back(self, number: int) -> str:
        """Where the note links back to ("" if no text cites it, only other notes)."""
        return anchor(number) if number in self.owner else ""
