"""An uploaded document: checked as text, its claims extracted, stored as a new revision, and
the case's checks run again with it to show which findings it changes (the comparison is
`pestle.checks.compare_reports`) and which checks it bears on: those quoting a figure of the
same measure, unit and period as one of its own (`pestle.results.whatif.checks_touched`).

The document joins the case's check inputs under its name; a name equal to a case document
replaces that document (a new revision of it). Nothing of the upload touches the file system
except through the store; its name is validated and never used as a path.
"""

from __future__ import annotations

import itertools
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pestle.web.security import decode_upload, document_name

if TYPE_CHECKING:
    from pestle.checks import CheckReport, ReportDiff
    from pestle.model import Claim, Source
    from pestle.results.whatif import Touched
    from pestle.store import DocumentImport
    from pestle.web.state import AppState, CaseState

PREVIEW_CHARS = 300_000  # characters of the text returned for the highlighted preview


@dataclass(frozen=True)
class Upload:
    name: str
    filename: str
    text: str
    source: Source
    claims: tuple[Claim, ...]
    stored: DocumentImport
    replaces: bool  # the name is a document of the case
    before: CheckReport
    after: CheckReport
    changes: ReportDiff  # the findings that differ between `before` and `after`
    touched: tuple[Touched, ...]  # the findings quoting a figure the document also gives
    warning: str | None = None  # the document is in a language pestle does not read


def process_upload(
    state: AppState, cs: CaseState, data: bytes, filename: str, name: str | None
) -> Upload:
    from pestle.checks import compare_reports
    from pestle.ingest import read_claims
    from pestle.ingest.language import UnreadLanguageWarning
    from pestle.model import Source
    from pestle.results.whatif import checks_touched, checks_with_document

    text = decode_upload(data, filename)
    doc = document_name(name, filename)
    with warnings.catch_warnings():  # returned with the upload, shown on the page
        warnings.simplefilter("ignore", UnreadLanguageWarning)
        found, language, warning = read_claims(text, filename or doc)
    claims = tuple(found)
    source = Source.from_text(text, title=filename or doc, language=language.tag)
    stored = state.store.import_claims(doc, source, claims).documents[0]
    before = cs.checks
    after = checks_with_document(cs.case, doc, text, claims)
    return Upload(
        name=doc,
        filename=filename,
        text=text,
        source=source,
        claims=claims,
        stored=stored,
        replaces=any(d.id == doc for d in cs.case.documents),
        before=before,
        after=after,
        changes=compare_reports(before, after),
        touched=checks_touched(before, after, claims, cs.case.region, document=doc),
        warning=warning,
    )


def segments(text: str, claims: tuple[Claim, ...], limit: int | None = None) -> list[dict]:  # type: ignore[type-arg]
    """The text cut into runs, in order: plain runs (`claim` None) and claim runs (`claim` =
    index in `claims`). Where claims overlap ("Three 10-million-kilowatt-class bases" holds
    "10-million-kilowatt"), a run belongs to the shortest claim covering it, so every claim
    keeps at least one run of its own. `limit` cuts the text (and the claims) at a length."""
    end = len(text) if limit is None else min(len(text), limit)
    spans = sorted((c.start, c.end, k) for k, c in enumerate(claims) if c.start < c.end <= end)
    cuts = sorted({0, end, *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    out: list[dict[str, Any]] = []
    active: list[tuple[int, int, int]] = []
    nxt = iter(spans)
    pending = next(nxt, None)
    for a, b in itertools.pairwise(cuts):
        while pending is not None and pending[0] <= a:
            active.append(pending)
            pending = next(nxt, None)
        active = [s for s in active if s[1] > a]
        owner = min(active, key=lambda s: (s[1] - s[0], s[0]))[2] if active else None
        if out and out[-1]["claim"] == owner:
            out[-1]["text"] += text[a:b]
        else:
            out.append({"text": text[a:b], "claim": owner})
    return out
