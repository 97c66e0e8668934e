"""Draft PESTLE factors from the passages of a document that discuss each dimension.

Each paragraph is scored with the lexicon (hits per dimension). Within one section of one
document, the paragraphs whose best dimension has at least `min_hits` hits are grouped by that
dimension, and each group becomes one draft factor: origin `report`, the section's title (or
the document's) as name, the lexicon's direction, the first sentence of each paragraph (up to
three) as evidence, and the indicators drafted from those paragraphs as its entities. Every
link is resolved with the loader's code; a section whose paragraphs reach no dimension is
reported as not placed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from pestle.case import evidence as ev
from pestle.case.models import Document, Section
from pestle.draft.indicators import Unplaced, slug, unique_id
from pestle.draft.lexicon import Lexicon
from pestle.errors import CaseError
from pestle.model import EvidenceRef

MAX_QUOTE_WORDS = 30
MAX_LINKS = 3


@dataclass(frozen=True)
class DraftedFactors:
    factors: tuple[dict[str, Any], ...]
    unplaced: tuple[Unplaced, ...]


@dataclass
class _Group:
    section: Section
    dimension: str
    sentences: list[tuple[int, int]]  # first sentence span of each paragraph
    text: list[str]
    hits: Counter[str]


def draft_factors(
    document: Document,
    parsed: Any,
    index: ev.DocumentIndex,
    lexicon: Lexicon,
    indicators: list[dict[str, Any]],
    taken: set[str],
) -> DraftedFactors:
    """Draft factors of one document (`parsed`: its `pestle.ingest.parse` result)."""
    groups: dict[tuple[int, str], _Group] = {}
    placed_sections: set[int] = set()
    for paragraph in parsed.paragraphs:
        section = _section_at(document.sections, paragraph.start)
        if section is None:
            continue
        scores = lexicon.dimension_hits(paragraph.text)
        dimension, hits = max(scores.items(), key=lambda kv: (sum(kv[1].values()), -_order(kv[0])))
        if sum(hits.values()) < lexicon.min_hits:
            continue
        first = _first_sentence(parsed, paragraph)
        key = (section.start, dimension)
        group = groups.setdefault(key, _Group(section, dimension, [], [], Counter()))
        group.sentences.append(first)
        group.text.append(paragraph.text)
        group.hits.update(hits)
        placed_sections.add(section.start)
    factors = []
    for group in groups.values():
        factor = _factor(group, document, index, lexicon, indicators, taken)
        if factor is not None:
            factors.append(factor)
    unplaced = [
        Unplaced(
            document.id,
            s.title,
            s.title or document.title,
            f"no dimension reaches the lexicon's {lexicon.min_hits} hits in any paragraph",
        )
        for s in document.sections
        if s.start not in placed_sections and document.text[s.start : s.end].strip()
    ]
    return DraftedFactors(tuple(factors), tuple(unplaced))


def _order(dimension: str) -> int:
    from pestle.case.models import DIMENSIONS

    return DIMENSIONS.index(dimension)


def _section_at(sections: tuple[Section, ...], offset: int) -> Section | None:
    for section in sections:
        if section.start <= offset < section.end:
            return section
    return None


def _first_sentence(parsed: Any, paragraph: Any) -> tuple[int, int]:
    for sentence in parsed.sentences:
        if paragraph.start <= sentence.start < paragraph.end and sentence.kind == "prose":
            return sentence.start, sentence.end
    return paragraph.start, paragraph.end


def _factor(
    group: _Group,
    document: Document,
    index: ev.DocumentIndex,
    lexicon: Lexicon,
    indicators: list[dict[str, Any]],
    taken: set[str],
) -> dict[str, Any] | None:
    title = group.section.title
    links = []
    for start, end in group.sentences:
        quote = _quote(document.text[start:end])
        link = {"document": document.id, "section": title, "quote": quote}
        try:
            ev.resolve(EvidenceRef(**link), index)
        except CaseError:
            continue
        links.append(link)
        if len(links) == MAX_LINKS:
            break
    if not links:
        return None
    name = title or document.title
    within = {
        item["id"]
        for item in indicators
        for link in item["evidence"]
        if link["document"] == document.id
        and link["section"] == title
        and any(link["quote"] in " ".join(t.split()) for t in group.text)
    }
    words = ", ".join(w for w, _ in group.hits.most_common(5))
    return {
        "id": unique_id(slug(f"{group.dimension}_{name}"), taken),
        "name": name,
        "dimension": group.dimension,
        "direction": lexicon.direction_of(" ".join(group.text)),
        "origin": "report",
        "draft": True,
        "statement": f'Drafted from "{_quote(name, 12)}" in {document.id}: '
        f"{group.dimension} terms ({words}).",
        "entities": sorted(within),
        "evidence": links,
    }


def _quote(text: str, limit: int = MAX_QUOTE_WORDS) -> str:
    """At most `limit` words of a sentence, on one line, without a dangling stop."""
    words = text.split()
    return " ".join(words[:limit]).rstrip(" ,;:")
