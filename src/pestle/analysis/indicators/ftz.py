"""Free-trade-zone permissions by section: shares, Herfindahl concentration (H, normalised
H*, equivalent number of sections 1 / H), beside the powers delegated to the zone."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from pestle.analysis.indicators.arithmetic import herfindahl, shares
from pestle.analysis.indicators.inputs import Frozen, InputRef, attribute_input, is_number
from pestle.model.text import Text

if TYPE_CHECKING:
    from pestle.case import Case, CaseEntity


class SectionPermissions(Frozen):
    entity: str
    name: Text  # the case's text: a report shows it in the reader's language
    permissions: float
    share_pct: float
    evidence: tuple[InputRef, ...]


class FtzPermissions(Frozen):
    """Permissions of the sections of one free trade zone, their shares and concentration."""

    ftz: str
    name: Text  # the case's text: a report shows it in the reader's language
    sections: tuple[SectionPermissions, ...]
    sections_total: float
    herfindahl: float  # sum of squared shares (fractions), 1/n..1
    herfindahl_normalised: float  # (H - 1/n) / (1 - 1/n), 0..1
    equivalent_sections: float  # 1 / H
    delegated_powers: float | None  # powers delegated to the zone as a whole, if stated
    evidence: tuple[InputRef, ...]  # of the delegated powers
    note: str | None = None


def ftz_permissions(case: Case) -> tuple[FtzPermissions, ...]:
    """Per free trade zone: permissions by section, shares and Herfindahl concentration."""
    by_zone: dict[str, list[CaseEntity]] = {}
    for e in case.entities_of("ftz_section"):
        if is_number(e.attributes.get("permissions_count")):
            by_zone.setdefault(str(e.attributes.get("ftz")), []).append(e)
    out = []
    for zone_id, members in by_zone.items():
        counts = [float(e.attributes["permissions_count"]) for e in members]  # type: ignore[arg-type]
        fractions = shares(counts)
        h, h_norm, equivalent = herfindahl(fractions)
        zone = next((z for z in case.entities_of("free_trade_zone") if z.id == zone_id), None)
        delegations = [
            p
            for p in case.entities_of("policy")
            if p.attributes.get("target") == zone_id and is_number(p.attributes.get("powers_count"))
        ]
        powers = (
            float(delegations[0].attributes["powers_count"])  # type: ignore[arg-type]
            if delegations
            else None
        )
        total = sum(counts)
        note = None
        if powers is not None and not math.isclose(total, powers):
            note = (
                f"The sections' permissions sum to {total:g}, the powers delegated to the zone "
                f"are {powers:g}: the section counts are not a split of the delegated powers."
            )
        out.append(
            FtzPermissions(
                ftz=zone_id,
                name=zone.name if zone is not None else zone_id,
                sections=tuple(
                    SectionPermissions(
                        entity=e.id,
                        name=e.name,
                        permissions=c,
                        share_pct=100 * s,
                        evidence=(attribute_input(case, e, "permissions_count"),),
                    )
                    for e, c, s in zip(members, counts, fractions, strict=True)
                ),
                sections_total=total,
                herfindahl=h,
                herfindahl_normalised=h_norm,
                equivalent_sections=equivalent,
                delegated_powers=powers,
                evidence=tuple(attribute_input(case, p, "powers_count") for p in delegations[:1]),
                note=note,
            )
        )
    return tuple(out)
