"""Score the extractor on the held-out corpus of economic texts in tests/ingest/corpus/.

Each text ``NN_name.txt`` (or ``.md``) has a gold file ``NN_name.yaml`` read by hand:
``claims`` in document order (``text`` is found by searching forward from the previous
claim's start), ``not_claims`` (strings no claim may overlap), ``split`` (``dev``: texts the
extractor was fixed against; ``holdout``: texts written to be scored, not to fix against),
and ``style``. A claim the extractor is known to get wrong says why in ``known``.

A gold claim is *found* when an extracted claim overlaps its span with the same unit and
value (relative tolerance 1e-9); each extracted claim matches at most one gold claim.
Precision and recall are on value+unit; "value+unit+period" also asks for the same period.
Qualifier, measure and subject are reported as agreement on the found claims.

Run ``.venv/bin/python tests/ingest/corpus_scoring.py`` for the table and every miss.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pestle.ingest import extract
from pestle.model import Claim

CORPUS = Path(__file__).with_name("corpus")


@dataclass(frozen=True)
class GoldDoc:
    name: str
    style: str
    split: str
    text: str
    claims: list[dict[str, Any]]
    not_claims: list[str]


def documents(folder: Path = CORPUS) -> list[GoldDoc]:
    """Every corpus text of ``folder`` with its gold claims, spans located in the text."""
    docs = []
    for gold_path in sorted(folder.glob("*.yaml")):
        texts = [p for p in folder.glob(f"{gold_path.stem}.*") if p.suffix != ".yaml"]
        if len(texts) != 1:
            raise AssertionError(f"{gold_path.name}: expected one text file, found {texts}")
        text = texts[0].read_text(encoding="utf-8")
        data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        claims = []
        cursor = 0
        for entry in data.get("claims") or []:
            start = _find(text, entry["text"], cursor)
            if start < 0:
                raise AssertionError(
                    f"{gold_path.name}: {entry['text']!r} not found after {cursor}"
                )
            claims.append(
                {
                    **entry,
                    "value": float(entry["value"]),
                    "start": start,
                    "end": start + len(entry["text"]),
                }
            )
            cursor = start + 1
        docs.append(
            GoldDoc(
                name=texts[0].name,
                style=str(data.get("style", "")),
                split=str(data.get("split", "dev")),
                text=text,
                claims=claims,
                not_claims=list(data.get("not_claims") or []),
            )
        )
    return docs


def _word(char: str) -> bool:
    """A character that continues a word or number; Chinese text has no spaces between words,
    so a CJK character next to "5.6%" does not join it."""
    return char.isalnum() and not ("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff")


def _find(text: str, phrase: str, cursor: int) -> int:
    """The first occurrence of ``phrase`` from ``cursor`` that is not part of a longer number
    or word ("2%" is not found inside "2.2%")."""
    at = text.find(phrase, cursor)
    while at >= 0:
        before = text[at - 1 : at] if at else ""
        after = text[at + len(phrase) : at + len(phrase) + 1]
        joined_before = _word(phrase[:1]) and (
            _word(before) or (before in ".," and text[at - 2 : at - 1].isdigit())
        )
        joined_after = _word(phrase[-1:]) and _word(after)
        if not joined_before and not joined_after:
            return at
        at = text.find(phrase, at + 1)
    return -1


def _same(gold: dict[str, Any], claim: Claim) -> bool:
    overlaps = claim.start < gold["end"] and gold["start"] < claim.end
    return (
        overlaps
        and claim.unit == gold["unit"]
        and math.isclose(claim.value, gold["value"], rel_tol=1e-9, abs_tol=1e-12)
    )


def mismatches(doc: GoldDoc, claims: list[Claim] | None = None) -> list[str]:
    """What the extractor gets wrong on a document, claims marked ``known`` aside: a gold
    claim missed or found with another qualifier or period, an extra claim, a not-claim."""
    found = extract(doc.text) if claims is None else claims
    used: set[int] = set()
    out = []
    for g in doc.claims:
        hit = next((i for i, c in enumerate(found) if i not in used and _same(g, c)), None)
        if hit is not None:
            used.add(hit)
        if g.get("known"):
            continue
        if hit is None:
            out.append(f"missed {g['text']!r} = {g['value']:g} {g['unit']}")
            continue
        c = found[hit]
        got = (c.qualifier, str(c.period) if c.period is not None else None)
        want = (g["qualifier"], g.get("period"))
        if got != want:
            out.append(f"{g['text']!r}: qualifier, period {got}, want {want}")
    out += [
        f"extra {c.text!r} = {c.value:g} {c.unit}" for i, c in enumerate(found) if i not in used
    ]
    out += score(doc, found).forbidden
    return out


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    words = [w for w in text.lower().replace(",", " ").split() if w not in {"the", "a", "an"}]
    return " ".join(words)


@dataclass
class Score:
    """Counts over one document or many."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    period: int = 0
    qualifier: int = 0
    measure: int = 0
    subject: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # found, but period or qualifier differs
    soft: list[str] = field(default_factory=list)  # found, but measure or subject differs
    forbidden: list[str] = field(default_factory=list)  # claims inside a not-claim

    def add(self, other: Score) -> None:
        for name in ("gold", "found", "matched", "period", "qualifier", "measure", "subject"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.extras += other.extras
        self.wrong += other.wrong
        self.soft += other.soft
        self.forbidden += other.forbidden

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.matched, self.found)

    @property
    def recall(self) -> float:
        return self._ratio(self.matched, self.gold)

    @property
    def period_precision(self) -> float:
        return self._ratio(self.period, self.found)

    @property
    def period_recall(self) -> float:
        return self._ratio(self.period, self.gold)

    def agreement(self, name: str) -> float:
        return self._ratio(getattr(self, name), self.matched)


def score(doc: GoldDoc, claims: list[Claim] | None = None) -> Score:
    """Score the extractor's claims of one document against its gold claims."""
    found = extract(doc.text) if claims is None else claims
    s = Score(gold=len(doc.claims), found=len(found))
    used: set[int] = set()
    where = doc.name
    for g in doc.claims:
        hit = next(
            (i for i, c in enumerate(found) if i not in used and _same(g, c)),
            None,
        )
        if hit is None:
            s.misses.append(f"{where}: missed {g['text']!r} = {g['value']:g} {g['unit']}")
            continue
        used.add(hit)
        c = found[hit]
        s.matched += 1
        period = str(c.period) if c.period is not None else None
        gold_period = g.get("period")
        if period == gold_period:
            s.period += 1
        else:
            s.wrong.append(f"{where}: {g['text']!r} period {period} (gold {gold_period})")
        if c.qualifier == g["qualifier"]:
            s.qualifier += 1
        else:
            s.wrong.append(
                f"{where}: {g['text']!r} qualifier {c.qualifier} (gold {g['qualifier']})"
            )
        if _norm(c.measure) == _norm(g.get("measure")):
            s.measure += 1
        else:
            s.soft.append(
                f"{where}: {g['text']!r} measure {c.measure!r} (gold {g.get('measure')!r})"
            )
        if _norm(c.subject) == _norm(g.get("subject")):
            s.subject += 1
        else:
            s.soft.append(
                f"{where}: {g['text']!r} subject {c.subject!r} (gold {g.get('subject')!r})"
            )
    for i, c in enumerate(found):
        if i not in used:
            s.extras.append(f"{where}: extra {c.text!r} = {c.value:g} {c.unit}")
    for phrase in doc.not_claims:
        at = doc.text.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            s.forbidden += [
                f"{where}: {c.text!r} inside not-claim {phrase!r}"
                for c in found
                if c.start < end and at < c.end
            ]
            at = doc.text.find(phrase, at + 1)
    return s


def totals(docs: list[GoldDoc]) -> dict[str, Score]:
    """Scores per split ("dev", "holdout") and over all documents ("all")."""
    out = {"dev": Score(), "holdout": Score(), "all": Score()}
    for doc in docs:
        s = score(doc)
        out[doc.split].add(s)
        out["all"].add(s)
    return out


def report(docs: list[GoldDoc]) -> str:
    lines = [
        f"{'document':32}{'gold':>5}{'found':>6}{'P':>7}{'R':>7}{'P+per':>7}{'R+per':>7}"
        f"{'qual':>6}{'meas':>6}{'subj':>6}"
    ]
    groups: dict[str, Score] = {"dev": Score(), "holdout": Score(), "all": Score()}
    detail: list[str] = []
    for doc in docs:
        s = score(doc)
        groups[doc.split].add(s)
        groups["all"].add(s)
        lines.append(_row(f"{doc.name} ({doc.split})", s))
        detail += s.misses + s.extras + s.forbidden + s.wrong
    lines.append("")
    for name, s in groups.items():
        lines.append(_row(f"TOTAL {name}", s))
    lines.append("")
    lines += detail
    soft = [x for doc in docs for x in score(doc).soft]
    lines.append("")
    lines.append(f"measure/subject disagreements: {len(soft)}")
    lines += soft
    return "\n".join(lines)


def _row(label: str, s: Score) -> str:
    return (
        f"{label:32}{s.gold:>5}{s.found:>6}{s.precision:>7.3f}{s.recall:>7.3f}"
        f"{s.period_precision:>7.3f}{s.period_recall:>7.3f}{s.agreement('qualifier'):>6.2f}"
        f"{s.agreement('measure'):>6.2f}{s.agreement('subject'):>6.2f}"
    )


if __name__ == "__main__":
    print(report(documents()))
    sys.exit(0)
