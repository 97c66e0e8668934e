"""Root causes: findings that are symptoms of one error, reported once.

A rule names the error a finding is a symptom of in `Finding.cause`, a key in words: the
same error found by two rules gives the same key. `group` (run by the runner after every
rule) merges the findings of one cause into one finding:

- its `members` are the merged findings (flattened: grouping a group adds to its members),
  so nothing is lost;
- status and severity are those of the most severe member (its lead); expected, actual
  and tolerance are the lead's; readings and evidence are the union of the members', in
  order; benign readings too when the lead is ambiguous (a member that fails with no
  benign reading keeps the cause a failure);
- its `rows` are every place the cause affects (a row of a table column), each confirmed
  by reference data or only implied; a row confirmed by any member is confirmed.

A cause with one finding keeps that finding as it is, so `group` is idempotent.

Causes named here:

- `column_unit_cause`: the unit a table column's header states ("Total ... (100 million
  yuan)"), when a figure of the column is off from reference data by a power of ten. Its
  rows (`column_rows`) are every figure of the column, corrected by that power of ten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pestle.checks.facts import Fact, collect, references
from pestle.checks.finding import AffectedRow, Finding
from pestle.checks.inputs import CheckInputs, short_source
from pestle.checks.periods import label, same
from pestle.checks.said import (
    Amount,
    Code,
    Natural,
    Num,
    Say,
    Text,
    english,
    join,
    said,
    say,
    when,
)
from pestle.checks.units import reference_half_unit

#: Words left out of the id of a root cause.
_STOP = frozenset({"a", "an", "and", "in", "of", "the", "to"})
_MAX_ID_WORDS = 10


# -- causes ---------------------------------------------------------------------------------


def column_unit_cause(inputs: CheckInputs, fact: Fact) -> Say | None:
    """'The unit of the table column holding `fact`' (its English is the cause's key), or
    None outside a table."""
    if fact.span is None:
        return None
    header = inputs.column_header(fact.document, fact.span[0])
    if header is None:
        return None
    if fact.section:
        measure = Code(code=fact.measure)
        return say("cause.column_unit", measure=measure, header=header, section=fact.section)
    return say("cause.column_unit_no_section", measure=Code(code=fact.measure), header=header)


def cause_fields(cause: Say | None) -> dict[str, Any]:
    """The `cause` of a finding (its key, in English) and what it says."""
    return {} if cause is None else {"cause": english(cause), "cause_said": cause}


def column_rows(inputs: CheckInputs, fact: Fact, k: int) -> tuple[AffectedRow, ...]:
    """Every figure of the table column holding `fact`, corrected by 10^-k (the power of
    ten `fact` is off by), each confirmed by a reference of its period or only implied."""
    if fact.span is None:
        return ()
    cells = inputs.column_cells(fact.document, fact.span[0])
    facts = [
        f
        for f in collect(inputs)
        if f.document == fact.document
        and f.span is not None
        and f.kind == "level"
        and f.measure == fact.measure
        and f.unit == fact.unit
    ]
    refs = [r for r in references(inputs, fact.measure) if r.unit == fact.unit and r.value]
    rows = []
    for row_label, start, end in cells:
        found = next((f for f in facts if f.span and start <= f.span[0] < end), None)
        if found is None:
            continue
        scale, places = found.scale, found.decimals
        corrected = found.value * 10.0**-k
        exact = [r for r in refs if same(found.period, r.period).ok]
        if exact:
            ref = exact[0]
            rounding = found.half_unit / found.value + reference_half_unit(ref.value) / ref.value
            confirmed = abs(corrected / ref.value - 1) <= rounding
            given = {
                "value": Natural(value=ref.value, unit=ref.unit or found.unit),
                "period": when(ref.period),
                "source": short_source(ref.source),
            }
            basis = (
                say("cause.basis_confirmed", **given)
                if confirmed
                else say(
                    "cause.basis_off",
                    **given,
                    ratio=Num(value=corrected / ref.value, spec=".3g"),
                )
            )
        else:
            confirmed = False
            basis = say("cause.basis_implied", period=when(found.period))
        stated = Amount(value=found.value, unit=found.unit, scale=scale, places=places)
        fixed = Amount(value=corrected, unit=found.unit, scale=scale / 10.0**k, places=places)
        row = say(
            "cause.row_confirmed" if confirmed else "cause.row_implied",
            label=row_label,
            stated=stated,
            corrected=fixed,
            basis=basis,
        )
        rows.append(
            AffectedRow(
                label=row_label,
                period=label(found.period) if found.period else None,
                stated=english(stated),
                corrected=english(fixed),
                confirmed=confirmed,
                basis=english(basis),
                text_said=row,
                document=found.document,
                start=found.span[0] if found.span else None,
                end=found.span[1] if found.span else None,
            )
        )
    return tuple(rows)


# -- grouping -------------------------------------------------------------------------------


def cause_id(rule: str, cause: str) -> str:
    """The id of the finding of a root cause: '<rule>:cause-<words of the cause>'."""
    words = re.sub(r"\([^)]*\)", " ", cause.lower())
    kept = [w for w in re.findall(r"[a-z0-9]+", words) if w not in _STOP][:_MAX_ID_WORDS]
    return f"{rule}:cause-{'-'.join(kept) or 'unnamed'}"


def _union(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _rows(members: list[Finding]) -> tuple[AffectedRow, ...]:
    by_place: dict[tuple[str, int | None], AffectedRow] = {}
    for row in (r for m in members for r in m.rows):
        key = (row.label, row.start)
        if key not in by_place or (row.confirmed and not by_place[key].confirmed):
            by_place[key] = row
    return tuple(by_place.values())


def merge(cause: str, findings: list[Finding]) -> Finding:
    """One finding for the findings of `cause` (see the module docstring)."""
    members = sorted((m for f in findings for m in f.leaves), key=lambda f: f.sort_key)
    lead = members[0]
    rows = _rows(members)
    evidence = {e.model_dump_json(): e for m in members for e in m.evidence}
    others = [m for m in members if m is not lead]
    what = lead.cause_said or Text(text=cause)
    parts = [say("cause.merged", count=len(members), cause=what, message=_said(lead))]
    if rows:
        parts.append(
            say(
                "cause.affected",
                rows=len(rows),
                confirmed=sum(r.confirmed for r in rows),
                each=join(r.text_said or Text(text=r.text) for r in rows),
            )
        )
    if others:
        members_said = (
            say(
                "cause.member",
                title=_capital(m.title_said) or Text(text=m.title),
                status=Code(code=m.status),
            )
            for m in others
        )
        parts.append(say("cause.also", members=join(members_said)))
    return Finding(
        rule=lead.rule,
        id=cause_id(lead.rule, cause),
        **said("title", "cause.title", count=len(members), cause=what),
        status=lead.status,
        severity=lead.severity,
        **said("message", "say", say=join(parts, sep=" ")),
        expected=lead.expected,
        actual=lead.actual,
        tolerance=lead.tolerance,
        evidence=tuple(evidence.values()),
        **_readings(members),
        # a member that fails without a benign reading keeps the cause a failure
        benign_readings=_union(r for m in members for r in m.benign_readings)
        if lead.status == "ambiguous"
        else (),
        cause=cause,
        cause_said=lead.cause_said,
        rows=rows,
        members=tuple(members),
    )


def _readings(members: list[Finding]) -> dict[str, Any]:
    """The union of the members' readings, in order, with what each says (when every
    member that has readings says them)."""
    said_by: dict[str, Say | None] = {}
    for m in members:
        spoken = m.readings_said if len(m.readings_said) == len(m.readings) else ()
        for k, r in enumerate(m.readings):
            said_by.setdefault(r, spoken[k] if spoken else None)
    says = tuple(s for s in said_by.values() if s is not None)
    return {
        "readings": tuple(said_by),
        "readings_said": says if len(says) == len(said_by) else (),
    }


def _said(f: Finding) -> Say | Text:
    return _capital(f.message_said) or Text(text=f.message)


def _capital(s: Say | None) -> Say | None:
    """A finding's title or message as it stored it: from a capital letter."""
    return s.model_copy(update={"capital": True}) if s is not None else None


def group(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The findings with those of one cause merged into one, most severe first."""
    order: list[Finding | str] = []
    by_cause: dict[str, list[Finding]] = {}
    for f in findings:
        if f.cause is None:
            order.append(f)
            continue
        if f.cause not in by_cause:
            by_cause[f.cause] = []
            order.append(f.cause)
        by_cause[f.cause].append(f)
    out = []
    for item in order:
        if isinstance(item, Finding):
            out.append(item)
            continue
        found = by_cause[item]
        out.append(found[0] if len(found) == 1 else merge(item, found))
    return tuple(sorted(out, key=lambda f: f.sort_key))
