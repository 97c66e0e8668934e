"""Draft the installed-capacity history of a region from the power claims of its documents.

A claim in W whose measure speaks of capacity becomes a row of `installed_capacity_w`, dated
at the end of its period (wind, solar or, when the claim names neither, new_energy_total);
one whose measure speaks of an addition ("added", "new", "addition") becomes a row of
`additions_w` for its year. Each row cites the document and quotes the claim. The file is
what the demand model's observed path reads; the analyst checks every row against its
source (capacities of single projects, targets and plans are not stocks and must go).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pestle.case.models import Document

_CAPACITY = re.compile(r"capacit|install", re.IGNORECASE)
_ADDITION = re.compile(r"\badd(ed|ition|itions)?\b|\bnewly\b|新增", re.IGNORECASE)
_PLAN = re.compile(r"plan|target|aim|expect|will|goal|by 20\d\d|规划|目标|预计", re.IGNORECASE)


def draft_capacity(documents: Iterable[Document]) -> dict[str, list[dict[str, Any]]]:
    """`installed_capacity_w` and `additions_w` rows from the documents' power claims."""
    stocks: list[dict[str, Any]] = []
    additions: list[dict[str, Any]] = []
    for doc in documents:
        for claim in doc.claims:
            if claim.unit != "W" or claim.period is None:
                continue
            measure = claim.measure or ""
            context = doc.text[max(0, claim.start - 160) : claim.end + 40]
            if not _CAPACITY.search(measure + " " + context) or _PLAN.search(context[-200:]):
                continue
            key = _measure_key(context)
            source = f'{doc.title} ({doc.id}): "{" ".join(claim.text.split())}"'
            row: dict[str, Any] = {key: claim.value}
            if claim.qualifier != "=":
                row["qualifier"] = claim.qualifier
            row |= {"quality": "verify", "source": source, "draft": True}
            period = claim.period
            if _ADDITION.search(measure + " " + context[-120:]):
                whole = (
                    period.start.month == 1
                    and period.start.day == 1
                    and (
                        period.end.month,
                        period.end.day,
                    )
                    == (12, 31)
                )
                when = (
                    {"year": period.start.year}
                    if whole and period.start.year == period.end.year
                    else {"period": str(period)}
                )
                additions.append({**when, **row})
            else:
                stocks.append({"date": period.end.isoformat(), **row})
    return {"installed_capacity_w": stocks, "additions_w": additions}


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
