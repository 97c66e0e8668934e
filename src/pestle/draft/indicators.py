"""Draft indicator entities from the claims of a document, each with a working evidence link.

Every claim becomes one indicator (measure, subject, period, value, unit, qualifier) whose
`value` is linked to the passage it was read from. The quote is the claim's own text when that
names one place of its section; otherwise a few words around it are added until it does. Each
candidate link is checked with the loader's own code (`pestle.case.verify.check_entities`:
the quote resolves once, the passage holds one claim in the unit, the value, qualifier and
period agree), so a drafted case loads; a claim no quote can support is reported, not written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pestle.case import evidence as ev
from pestle.case import verify
from pestle.case.models import CaseEntity, Document, Section
from pestle.case.references import References
from pestle.errors import CaseError
from pestle.model import Claim

MAX_CONTEXT_WORDS = 8  # words added on either side of a claim before giving up
MAX_ID = 48
_WORD = re.compile(r"\S+")
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Unplaced:
    """A claim (or section) the draft could not turn into a checked item, and why."""

    document: str
    section: str | None
    text: str
    reason: str


@dataclass(frozen=True)
class DraftedIndicators:
    """Indicator entities (as plain data for a case file) and the claims left out."""

    entities: tuple[dict[str, Any], ...]
    unplaced: tuple[Unplaced, ...]
    claims: int


def slug(text: str, limit: int = MAX_ID) -> str:
    """A case id from free text: lower-case ASCII letters, digits and underscores."""
    out = _SLUG.sub("_", text.lower()).strip("_")
    return (out[:limit].rstrip("_") or "item") if out else "item"


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base_2`, `base_3`, ... whichever is not yet in `taken` (which it joins)."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate


def draft_indicators(
    document: Document, index: ev.DocumentIndex, taken: set[str], region: str
) -> DraftedIndicators:
    """One indicator per claim of `document` whose link checks; `taken` holds ids in use."""
    entities: list[dict[str, Any]] = []
    unplaced: list[Unplaced] = []
    references = References()
    for claim in document.claims:
        item = _indicator(claim, document, region)
        link = checked_link(claim, item, "value", document, index, references)
        if isinstance(link, str):
            unplaced.append(Unplaced(document.id, claim.section, claim.text, link))
            continue
        item["id"] = unique_id(item["id"], taken)
        item["evidence"] = [link]
        entities.append(item)
    return DraftedIndicators(tuple(entities), tuple(unplaced), len(document.claims))


def _indicator(claim: Claim, document: Document, region: str) -> dict[str, Any]:
    measure = claim.measure or "figure"
    subject = claim.subject or region
    attributes: dict[str, Any] = {"measure": measure, "subject": subject}
    if claim.period is not None:
        attributes["period"] = str(claim.period)
    attributes |= {"value": claim.value, "unit": claim.unit, "qualifier": claim.qualifier}
    when = f", {claim.period}" if claim.period is not None else ""
    year = f"_{claim.period.start.year}" if claim.period is not None else ""
    # the region is the subject of most claims: it adds nothing to an id
    about = measure if subject == region else f"{measure}_{subject}"
    return {
        "id": slug(about)[: MAX_ID - len(year)] + year,
        "kind": "indicator",
        "name": f"{measure[:1].upper()}{measure[1:]}: {subject}{when}",
        "draft": True,
        "attributes": attributes,
    }


def checked_link(
    claim: Claim,
    item: dict[str, Any],
    attribute: str,
    document: Document,
    index: ev.DocumentIndex,
    references: References | None = None,
) -> dict[str, Any] | str:
    """The first quote around `claim` that the loader accepts as the evidence of `item`'s
    `attribute`, as a link; else why none did."""
    references = references if references is not None else References()
    section = _section_of(claim, document.sections)
    reason = "no quote around it names one place"
    for quote in _quotes(claim, document.text, section):
        link = {"section": claim.section, "quote": quote, "attribute": attribute}
        entity = CaseEntity.model_validate(
            {**item, "evidence": [{"document": document.id, **link}]}
        )
        try:
            verify.check_entities([entity], {document.id: index}, references)
        except CaseError as exc:
            reason = exc.problem
            continue
        return {"document": document.id, **link}
    return reason


def _section_of(claim: Claim, sections: tuple[Section, ...]) -> Section | None:
    for section in sections:
        if section.title == claim.section and section.start <= claim.start < section.end:
            return section
    return None


def _quotes(claim: Claim, text: str, section: Section | None) -> Iterator[str]:
    """The claim's text, then passages growing by a word on the left, then on the right."""
    low, high = (section.start, section.end) if section else (0, len(text))
    before = [m.start() + low for m in _WORD.finditer(text[low : claim.start])][::-1]
    after = [m.end() + claim.end for m in _WORD.finditer(text[claim.end : high])]
    yield _one_line(claim.text)
    for k in range(1, MAX_CONTEXT_WORDS + 1):
        if k <= len(before):
            yield _one_line(text[before[k - 1] : claim.end])
        if k <= len(after):
            yield _one_line(text[claim.start : after[k - 1]])
        if k <= len(before) and k <= len(after):
            yield _one_line(text[before[k - 1] : after[k - 1]])


def _one_line(text: str) -> str:
    return " ".join(text.split())
