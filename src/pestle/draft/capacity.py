"""Draft what the demand model needs from the power claims (W) of the documents.

- A claim whose subject names a project (the lexicon's `capacity.projects`: "base",
  "project", ...) and that is dated becomes a draft `energy_base` entity: `capacity_w` linked
  to its passage (checked as the loader checks), `status` from the words of its line (the
  lexicon's `capacity.status`), `date` from its period. One base per subject.
- Any other dated claim in W whose measure or passage speaks of capacity is the region's:
  a row of `installed_capacity_w` at the end of its period (wind, solar or, when the passage
  names neither or both, new_energy_total), or, when it speaks of an addition, a row of
  `additions_w` for its year. Each row cites the document and quotes the claim. Plans and
  targets ("will", "aim", "by 2030") are left out.

The analyst checks every row and base against its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pestle.case import evidence as ev
from pestle.case.models import Document
from pestle.draft.indicators import Unplaced, checked_link, slug, unique_id
from pestle.draft.lexicon import Lexicon
from pestle.model import Claim

_CAPACITY = re.compile(r"capacit|install|grid-connected|装机|并网", re.IGNORECASE)
_ADDITION = re.compile(r"\badd(ed|ition|itions)?\b|\bnewly\b|新增", re.IGNORECASE)
_PLAN = re.compile(r"\bplan|target|\baim|expect|\bwill\b|goal|规划|目标|预计", re.IGNORECASE)


@dataclass
class DraftedCapacity:
    """The capacity history (as the file's data) and the draft energy bases."""

    history: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {"installed_capacity_w": [], "additions_w": []}
    )
    bases: list[dict[str, Any]] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(len(v) for v in self.history.values())


def draft_capacity(
    documents: Iterable[Document],
    indexes: Mapping[str, ev.DocumentIndex],
    lexicon: Lexicon,
    taken: set[str],
) -> DraftedCapacity:
    out = DraftedCapacity()
    subjects: set[str] = set()
    for doc in documents:
        for claim in doc.claims:
            if claim.unit != "W" or claim.period is None:
                continue
            if lexicon.capacity.is_project(claim.subject):
                if claim.subject not in subjects:
                    subjects.add(str(claim.subject))
                    _base(claim, doc, indexes[doc.id], lexicon, taken, out)
                continue
            _history_row(claim, doc, out)
    return out


def _line(text: str, claim: Claim) -> str:
    start = text.rfind("\n", 0, claim.start) + 1
    end = text.find("\n", claim.end)
    return text[start : end if end >= 0 else len(text)]


def _base(
    claim: Claim,
    doc: Document,
    index: ev.DocumentIndex,
    lexicon: Lexicon,
    taken: set[str],
    out: DraftedCapacity,
) -> None:
    period = claim.period
    assert period is not None  # checked by the caller
    date = period.start.isoformat() if period.start == period.end else period.start.isoformat()[:7]
    if period.start.month == 1 and period.end.month == 12 and period.start.year == period.end.year:
        date = str(period.start.year)
    line = _line(doc.text, claim)
    item = {
        "id": f"base_{slug(str(claim.subject), 40)}",
        "kind": "energy_base",
        "name": str(claim.subject),
        "draft": True,
        "attributes": {
            "capacity_w": claim.value,
            "status": lexicon.capacity.status_of(line),
            "date": date,
        },
    }
    link = checked_link(claim, item, "capacity_w", doc, index)
    if isinstance(link, str):
        out.unplaced.append(Unplaced(doc.id, claim.section, claim.text, link))
        return
    item["id"] = unique_id(item["id"], taken)
    item["evidence"] = [link]
    item["note"] = "status from the words of its line; date from the claim's period (draft)"
    out.bases.append(item)


def _history_row(claim: Claim, doc: Document, out: DraftedCapacity) -> None:
    measure = claim.measure or ""
    before = doc.text[max(0, claim.start - 160) : claim.start]
    around = before + doc.text[claim.start : claim.end + 40]
    if not _CAPACITY.search(f"{measure} {around}") or _PLAN.search(_line(doc.text, claim)):
        return
    row: dict[str, Any] = {_measure_key(_line(doc.text, claim)): claim.value}
    if claim.qualifier != "=":
        row["qualifier"] = claim.qualifier
    row |= {
        "quality": "verify",
        "source": f'{doc.title} ({doc.id}): "{" ".join(claim.text.split())}"',
        "draft": True,
    }
    period = claim.period
    assert period is not None  # checked by the caller
    if _ADDITION.search(f"{measure} {before[-80:]}"):
        whole = (period.start.month, period.start.day, period.end.month, period.end.day) == (
            1,
            1,
            12,
            31,
        ) and period.start.year == period.end.year
        when = {"year": period.start.year} if whole else {"period": str(period)}
        out.history["additions_w"].append({**when, **row})
    else:
        out.history["installed_capacity_w"].append({"date": period.end.isoformat(), **row})


def _measure_key(context: str) -> str:
    """wind / solar when the passage names only one of them, else new_energy_total."""
    text = context.lower()
    wind = "wind" in text or "风电" in text
    solar = any(w in text for w in ("solar", "photovoltaic", "pv ", "光伏"))
    if wind and not solar:
        return "wind"
    if solar and not wind:
        return "solar"
    return "new_energy_total"
