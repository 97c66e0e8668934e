"""Which claims were added, removed and changed between two revisions.

Claims are compared in document order, ignoring character offsets (an edit early in a
document moves every later span without changing those claims):

1. The two sequences are aligned on each claim's content (section, measure, subject, period,
   value, unit, qualifier, text); aligned claims are unchanged.
2. Inside each stretch that does not align, a claim of the old revision is matched to one of
   the new revision with the same stable key (section + measure + subject + period), in
   order; a match is a *change* (e.g. the value of one sentence was edited).
3. Claims still unmatched there are paired in order when they share the section and either
   the measure or the unit (e.g. a sentence's year was edited, which changes the key); a
   stretch too large for that (a wholesale rewrite, see `MAX_SCAN`) skips this step.
4. What is left was removed (old) or added (new).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from pestle.model import Claim
from pestle.store.results import ClaimChange

MAX_SCAN = 1_000_000  # pairs considered by step 3 in one stretch
COMPARED = ("value", "unit", "qualifier", "period", "measure", "subject", "text", "section")


@dataclass(frozen=True)
class ClaimDiff:
    added: tuple[Claim, ...]
    removed: tuple[Claim, ...]
    changed: tuple[ClaimChange, ...]
    unchanged: int


def _period(claim: Claim) -> str | None:
    return claim.period.iso() if claim.period is not None else None


def key(claim: Claim) -> tuple[str | None, ...]:
    """The stable key of a claim: section, measure, subject, period."""
    return (claim.section, claim.measure, claim.subject, _period(claim))


def content(claim: Claim) -> tuple[object, ...]:
    """Everything compared about a claim (its offsets are not)."""
    return (*key(claim), claim.value, claim.unit, claim.qualifier, claim.text)


def changed_fields(old: Claim, new: Claim) -> tuple[str, ...]:
    return tuple(f for f in COMPARED if getattr(old, f) != getattr(new, f))


def diff_claims(old: Sequence[Claim], new: Sequence[Claim]) -> ClaimDiff:
    """Claims added, removed and changed from ``old`` to ``new`` (see module docstring)."""
    matcher = SequenceMatcher(
        None, [content(c) for c in old], [content(c) for c in new], autojunk=False
    )
    added: list[Claim] = []
    removed: list[Claim] = []
    changed: list[ClaimChange] = []
    unchanged = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            unchanged += i2 - i1
            continue
        pairs, gone, came = _pair(old[i1:i2], new[j1:j2])
        changed.extend(ClaimChange(old=a, new=b, fields=changed_fields(a, b)) for a, b in pairs)
        removed.extend(gone)
        added.extend(came)
    return ClaimDiff(tuple(added), tuple(removed), tuple(changed), unchanged)


def _pair(
    old: Sequence[Claim], new: Sequence[Claim]
) -> tuple[list[tuple[Claim, Claim]], list[Claim], list[Claim]]:
    """Match the claims of one unaligned stretch: by stable key, then by section in order."""
    matched_old: dict[int, int] = {}
    by_key: dict[tuple[str | None, ...], deque[int]] = defaultdict(deque)
    for j, claim in enumerate(new):
        by_key[key(claim)].append(j)
    taken: set[int] = set()
    for i, claim in enumerate(old):
        queue = by_key.get(key(claim))
        if queue:
            j = queue.popleft()
            matched_old[i] = j
            taken.add(j)
    rest_new = [j for j in range(len(new)) if j not in taken]
    if (len(old) - len(matched_old)) * len(rest_new) > MAX_SCAN:
        rest_new = []  # a wholesale rewrite: no pairing by section, report removed and added
    for i, claim in enumerate(old):
        if i in matched_old or not rest_new:
            continue
        for n, j in enumerate(rest_new):
            other = new[j]
            if other.section == claim.section and (
                other.measure == claim.measure or other.unit == claim.unit
            ):
                matched_old[i] = j
                taken.add(j)
                del rest_new[: n + 1]  # keep document order: never match backwards
                break
    pairs = [(old[i], new[j]) for i, j in sorted(matched_old.items())]
    gone = [claim for i, claim in enumerate(old) if i not in matched_old]
    came = [claim for j, claim in enumerate(new) if j not in taken]
    return pairs, gone, came
