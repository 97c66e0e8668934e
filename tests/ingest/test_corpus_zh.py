"""The extractor on real simplified-Chinese texts: tests/ingest/corpus_zh/.

NBS releases, customs and trade news, NEA and State Grid figures, a government work report,
a listed company's notice, market-research and broker reports, and mixed Chinese-English
texts, each with its source and the claims read by hand before the extractor ran on it
(corpus_scoring.py explains the files). "dev" texts were in view while the Chinese
extractor was written; "holdout" texts were added after it and scored, not fixed against.
"""

from __future__ import annotations

import pytest
from corpus_scoring import CORPUS, GoldDoc, Score, _same, documents, score

from pestle.ingest import extract
from pestle.model import Claim

CORPUS_ZH = CORPUS.with_name("corpus_zh")
DOCS = documents(CORPUS_ZH)


def _strict(doc: GoldDoc, found: list[Claim]) -> int:
    """Gold claims found with value, unit, period and qualifier all right."""
    used: set[int] = set()
    right = 0
    for g in doc.claims:
        hit = next((i for i, c in enumerate(found) if i not in used and _same(g, c)), None)
        if hit is None:
            continue
        used.add(hit)
        c = found[hit]
        period = str(c.period) if c.period is not None else None
        right += period == g.get("period") and c.qualifier == g["qualifier"]
    return right


def test_the_chinese_corpus_is_real_and_sourced() -> None:
    assert len(DOCS) >= 20
    assert sum(len(d.claims) for d in DOCS) >= 300
    assert len({d.style for d in DOCS}) >= 10
    mixed = [d for d in DOCS if any("a" <= ch.lower() <= "z" for ch in d.text[:4000])]
    assert len(mixed) >= 2
    for path in CORPUS_ZH.glob("*.yaml"):
        assert "source:" in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("split", ["all", "holdout"])
def test_precision_and_recall_on_chinese(split: str) -> None:
    """≥ 0.95 on value+unit; ≥ 0.90 with period and qualifier right too."""
    docs = [d for d in DOCS if split == "all" or d.split == split]
    if not docs:
        pytest.skip("no held-out Chinese texts yet")
    total, strict = Score(), 0
    for doc in docs:
        found = extract(doc.text)
        total.add(score(doc, found))
        strict += _strict(doc, found)
    assert total.precision >= 0.95, total.extras
    assert total.recall >= 0.95, total.misses
    assert strict / total.found >= 0.90, total.wrong
    assert strict / total.gold >= 0.90, total.wrong
    assert total.forbidden == []


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_no_claim_inside_a_code_date_or_unsupported_unit(doc: GoldDoc) -> None:
    assert score(doc).forbidden == []


def test_measures_and_subjects_where_the_gold_names_them() -> None:
    """What is measured and of what, read from the phrase before the number; the gold names
    them only where clear, so these are floors over those claims, not targets."""
    measures = subjects = named_measures = named_subjects = 0
    for doc in DOCS:
        found = extract(doc.text)
        used: set[int] = set()
        for g in doc.claims:
            hit = next((i for i, c in enumerate(found) if i not in used and _same(g, c)), None)
            if hit is None:
                continue
            used.add(hit)
            if g.get("measure"):
                named_measures += 1
                measures += found[hit].measure == g["measure"]
            if g.get("subject"):
                named_subjects += 1
                subjects += found[hit].subject == g["subject"]
    assert named_measures >= 50 and measures / named_measures >= 0.85
    assert named_subjects >= 15 and subjects / named_subjects >= 0.6
