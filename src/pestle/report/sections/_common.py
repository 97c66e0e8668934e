"""Helpers shared by the section builders (no arithmetic: formatting and notices only)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pestle.present import format as fmt
from pestle.report.footnotes import Notes, num, refs
from pestle.report.view import Cell, Chart, Column, Fragment, Num, Table, text
from pestle.results import Results

CASE = "pestle.case"


_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, **values: Fragment | Sequence[Fragment] | None) -> list[Fragment]:
    """A translated sentence with fragments in its ``{fields}``: numbers with their notes,
    terms and links keep their place whatever the language's word order
    (``fill(_("{value} in {year}"), value=num(...), year="2024")``)."""
    out: list[Fragment] = []
    pos = 0
    for m in _FIELD.finditer(template):
        if m.start() > pos:
            out.append(template[pos : m.start()])
        value = values[m.group(1)]
        if isinstance(value, list | tuple):
            out.extend(value)
        elif value is not None and value != "":
            out.append(value)
        pos = m.end()
    if pos < len(template):
        out.append(template[pos:])
    return out


def numeric(title: str) -> Column:
    """A column of numbers (set right-aligned)."""
    return Column(title, numeric=True)


def table(
    id_: str,
    caption: str,
    columns: Sequence[str | Column],
    rows: Iterable[tuple[Cell, ...]],
    **extra: Any,
) -> Table:
    """A table; `columns` are titles, `numeric(title)` for a column of numbers."""
    cols = tuple(c if isinstance(c, Column) else Column(c) for c in columns)
    return Table(id=id_, caption=caption, columns=cols, rows=tuple(rows), **extra)


def chart(
    id_: str, title: str, spec: dict[str, Any], description: str, source: str, *notes: int | None
) -> Chart:
    """A chart with its source line and the footnotes of what it shows."""
    return Chart(
        id=id_, title=title, spec=spec, description=description, source=text(source, refs(*notes))
    )


# -- citing the case -----------------------------------------------------------------------
class Cite:
    """Footnotes for the case's evidence: links, entity attributes, reference entries."""

    def __init__(self, case: Any, notes: Notes) -> None:
        self.case = case
        self.notes = notes

    def link(self, ref: Any) -> int:
        """An evidence link (document + section + quote), resolved by the case."""
        res = self.case.resolve(ref)
        return self.notes.span(res.document, res.start, res.end, section=ref.section)

    def links(self, owner: Any, attribute: str | None = None) -> tuple[int, ...]:
        """Footnotes of an entity's or factor's evidence (for one attribute if given)."""
        refs = [e for e in owner.evidence if attribute is None or e.attribute == attribute]
        return tuple(self.link(r) for r in refs)

    def first(self, owner: Any) -> tuple[int, ...]:
        """The footnote of an entity's or factor's first evidence link (if any)."""
        return (self.link(owner.evidence[0]),) if owner.evidence else ()

    def reference(self, ref_id: str) -> int:
        """A reference entry (`gdp_cny@2022-01-01/2022-12-31`) with its source."""
        entry = self.case.references.get(ref_id)
        return self.notes.reference(
            self._where(entry),
            ref_id,
            source=getattr(entry, "source", None) or "; ".join(getattr(entry, "sources", ())),
            entry=getattr(entry, "quality", None) and f"quality: {entry.quality}",
            label=self._label(ref_id, entry),
        )

    def _label(self, ref_id: str, entry: Any) -> str | None:
        """A reference entry in plain words: its series' label (case.yaml) and its period,
        or the name after the "@" of its id (`uhv_corridors@Hami - Chongqing`)."""
        label = self.case.references.label(ref_id)
        if label is None:
            return None
        period = getattr(entry, "period", None)
        if period is not None:
            return f"{label}, {fmt.period(period)}"
        _, _at, name = ref_id.partition("@")
        return f"{label}: {name}" if name else label

    def _where(self, entry: Any) -> str:
        return self.where(getattr(entry, "file", None), getattr(entry, "line", None))

    def where(self, file: str | None, line: int | None = None) -> str:
        """A case file as a note names it: relative to the case folder, with its line."""
        file = file or "reference data"
        folder = getattr(self.case, "folder", None)
        if folder is not None:
            with contextlib.suppress(ValueError):
                file = str(Path(file).resolve().relative_to(Path(folder).resolve()))
        return f"{file}:{line}" if line else file

    def attr(self, entity: Any, name: str) -> tuple[int, ...]:
        """Evidence for one attribute: its document links, else the reference it agrees with."""
        notes = self.links(entity, name)
        if notes:
            return notes
        refs = [r for r in getattr(entity, "references", ()) if name in (r.attributes or {})]
        if refs:
            return tuple(self.reference(r.reference) for r in refs)
        return self.first(entity)

    def value(
        self,
        entity: Any,
        name: str,
        unit: str,
        qualifier: str = "=",
        decimals: int | None = None,
        strong: bool = False,
    ) -> Num:
        """`entity.attributes[name]` formatted in `unit`, with its evidence."""
        raw = entity.attributes[name]
        return num(
            fmt.quantity(raw, unit, qualifier, decimals), *self.attr(entity, name), strong=strong
        )

    def indicator(self, entity: Any, decimals: int | None = None, strong: bool = False) -> Num:
        """An indicator entity (value, unit, qualifier) with the evidence of its value."""
        a = entity.attributes
        return num(
            fmt.quantity(a["value"], a["unit"], a.get("qualifier", "="), decimals),
            *self.attr(entity, "value"),
            strong=strong,
        )


def entities(case: Any, kind: str) -> tuple[Any, ...]:
    return tuple(case.entities_of(kind)) if case is not None else ()


def slug(value: str) -> str:
    """An anchor id from any key: lower-case letters, digits and '-'."""
    out = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return out or "x"


def finding_anchor(finding: Any) -> str:
    return f"check-{slug(finding.id)}"


def findings_about(results: Results, *entity_ids: str) -> list[Any]:
    """Findings whose evidence names one of the entities (for cross references)."""
    report = results.findings
    if report is None:
        return []
    wanted = set(entity_ids)
    out = []
    for f in report.findings:
        for ev in f.evidence:
            if getattr(ev, "kind", None) == "entity" and ev.entity in wanted:
                out.append(f)
                break
    return out


def reference_entry(case: Any, series: str, label: str, value: float | None) -> Any | None:
    """The case's reference entry a check's reference evidence names (series + value/name)."""
    refs = case.references
    if series == "uhv_corridors":
        return next((c for c in refs.corridors if c.name == label), None)
    candidates = [
        e for e in refs.entries if e.series == series or f"{e.series}.{e.measure}" == series
    ]
    if value is not None:
        exact = [e for e in candidates if e.value == value]
        if len(exact) == 1:
            return exact[0]
        candidates = exact or candidates
    from pestle.present import format as _fmt

    for e in candidates:
        if e.period is not None and _fmt.period(e.period) == label:
            return e
    return candidates[0] if len(candidates) == 1 else None


def evidence_notes(cite: Cite, evidence: Any) -> tuple[int, ...]:
    """Footnotes for a finding's evidence: claims and passages by span, references, entities."""
    out: list[int] = []
    case = cite.case
    for ev in evidence:
        kind = getattr(ev, "kind", None)
        if kind in ("claim", "passage") and ev.document:
            out.append(cite.notes.span(ev.document, ev.start, ev.end, section=ev.section))
        elif kind == "reference":
            entry = reference_entry(case, ev.series, ev.label, ev.value)
            if entry is not None:
                out.append(cite.reference(entry.id))
            else:
                out.append(
                    cite.notes.reference(
                        f"reference data, series {ev.series}",
                        f"{ev.series} ({ev.label})",
                        source=ev.source,
                        entry=ev.note,
                    )
                )
        elif kind == "entity":
            try:
                entity = case.entity(ev.entity)
            except KeyError:
                continue
            if ev.attribute and ev.attribute in entity.attributes:
                out.extend(cite.attr(entity, ev.attribute))
    return tuple(dict.fromkeys(out))


def input_notes(cite: Cite, refs_: Any) -> tuple[int, ...]:
    """Footnotes of an indicator's inputs (`InputRef`): claim span, evidence link, reference."""
    out: list[int] = []
    for r in refs_:
        if r.document and r.start is not None and r.end is not None:
            out.append(cite.notes.span(r.document, r.start, r.end, section=r.section))
        elif r.document and r.quote:
            from pestle.model import EvidenceRef

            out.append(
                cite.link(EvidenceRef(document=r.document, section=r.section, quote=r.quote))
            )
        elif r.reference and r.reference in cite.case.references:
            out.append(cite.reference(r.reference))
    return tuple(dict.fromkeys(out))
