"""The case's PESTLE factors, each shown once in the section its entities belong to.

A factor goes where most of its entities are (policies -> Policy, trade categories and
platforms -> Trade, bases and corridors -> Energy); a factor without entities goes by its
dimension. Each factor is shown with its statement (from the case), the evidence behind it,
and, when the case has judgments, the analyst's EFE rating, labelled as judgment.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pestle.present import format as fmt
from pestle.present.i18n import N_, pick
from pestle.present.i18n import gettext as _
from pestle.report.footnotes import Notes, num, refs
from pestle.report.sections._common import Cite
from pestle.report.view import Block, Fragment, Paragraph, Term, text
from pestle.results import Results

_KIND_SECTION = {
    "policy": "policy",
    "free_trade_zone": "policy",
    "ftz_section": "policy",
    "trade_category": "trade",
    "platform_type": "trade",
    "energy_base": "energy",
    "hydrogen_project": "energy",
    "uhv_corridor": "energy",
    "industrial_cluster": "economy",
}
_DIMENSION_SECTION = {
    "political": "society",
    "economic": "economy",
    "social": "society",
    "legal": "society",
    "technological": "energy",
    "environmental": "energy",
}
_INDICATOR_WORDS = (("import and export", "trade"), ("GDP", "economy"), ("added value", "economy"))

DIRECTION = {"opportunity": N_("Opportunity"), "threat": N_("Threat")}
ORIGIN = {"report": N_("from the source report"), "analyst": N_("added by the analyst")}


def _word(table: dict[str, str], code: Any) -> str:
    """A code of the case in words of the active language (the code itself if unknown)."""
    return _(table[code]) if code in table else str(code)


def _entity_section(case: Any, entity_id: str) -> str | None:
    try:
        entity = case.entity(entity_id)
    except KeyError:
        return None
    if entity.kind == "indicator":
        measure = str(entity.attributes.get("measure", ""))
        for word, section in _INDICATOR_WORDS:
            if word.lower() in measure.lower():
                return section
        return None
    return _KIND_SECTION.get(entity.kind)


def section_of(case: Any, factor: Any) -> str:
    votes = Counter(s for s in (_entity_section(case, e) for e in factor.entities) if s is not None)
    if votes:
        best = max(votes.values())
        tied = [s for s, n in votes.items() if n == best]
        default = _DIMENSION_SECTION.get(factor.dimension, "society")
        return default if default in tied else sorted(tied)[0]
    return _DIMENSION_SECTION.get(factor.dimension, "society")


def factors_for(case: Any, section: str) -> list[Any]:
    return [f for f in case.factors if section_of(case, f) == section]


def factor_blocks(results: Results, notes: Notes, factors: list[Any]) -> list[Block]:
    """One statement paragraph and one judgment paragraph per factor."""
    case = results.case
    cite = Cite(case, notes)
    judgments = results.judgments
    blocks: list[Block] = []
    for factor in factors:
        evidence = list(cite.links(factor))
        for ref in getattr(factor, "references", ()):
            ref_id = ref if isinstance(ref, str) else ref.reference
            if ref_id in case.references:
                evidence.append(cite.reference(ref_id))
        for source in getattr(factor, "sources", ()):
            evidence.append(_external(notes, case, factor, source))
        head: list[Fragment] = [
            Term(factor.name),
            _(" ({dimension}, {origin}). ").format(
                dimension=fmt.words(factor.dimension), origin=_word(ORIGIN, factor.origin)
            ),
        ]
        blocks.append(
            Paragraph(
                text(*head, factor.statement, refs(*evidence)),
                tone="factor",
                label=_word(DIRECTION, factor.direction) if factor.direction in DIRECTION else None,
                badge=factor.direction,
            )
        )
        rating = _rating(judgments, factor.id)
        if rating is not None:
            note = notes.judgment(
                _judgment_file(judgments),
                _("EFE rating of {factor}").format(factor=pick(factor.name)),
                rating.why,
            )
            blocks.append(
                Paragraph(
                    text(
                        _("How well the region's composites industry responds to this factor: "),
                        num(fmt.count(rating.rating), note),
                        _(" on the EFE scale ({scale}). ").format(
                            scale=_scale_words(rating.rating)
                        ),
                        rating.why,
                    ),
                    tone="judgment",
                    badge="judgment",
                    label=_("Analyst judgment (illustrative)")
                    if getattr(judgments, "illustrative", False)
                    else _("Analyst judgment"),
                )
            )
    return blocks


_SCALE = {
    4: N_("superior response"),
    3: N_("above-average response"),
    2: N_("average response"),
    1: N_("poor response"),
}


def _scale_words(rating: int) -> str:
    return _(_SCALE[int(rating)]) if int(rating) in _SCALE else ""


def _rating(judgments: Any, factor_id: str) -> Any:
    if judgments is None:
        return None
    return getattr(judgments, "efe", {}).get(factor_id)


def _judgment_file(judgments: Any) -> str:
    path = getattr(judgments, "path", None)
    if not path:
        return "the judgments file"
    return str(path).rsplit("/", 1)[-1]


def _external(notes: Notes, case: Any, factor: Any, source: Any) -> int:
    parts = [source.title]
    if source.publisher:
        parts.append(source.publisher)
    if source.date:
        parts.append(source.date)
    if source.address:
        parts.append(source.address)
    where = "the factors file"
    if getattr(factor, "file", None):
        where = str(factor.file).rsplit("/", 1)[-1]
        if getattr(factor, "line", None):
            where = f"{where}:{factor.line}"
    return notes.reference(
        where,
        _("public source for factor {factor}").format(factor=factor.id),
        source=", ".join(str(p) for p in parts if p),
        entry=source.note,
    )
