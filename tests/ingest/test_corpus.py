"""The extractor on economic texts it was not written for: tests/ingest/corpus/.

Thirty texts in the styles it will meet (Xinhua, China Daily, People's Daily, NBS, Reuters,
Bloomberg, government work reports, IEA/IRENA, company results and announcements, customs
releases, Markdown reports with tables, wind trade press, a tender notice, a statistical
bulletin, a think-tank brief, a project pipeline), each with claims read by hand
(corpus_scoring.py explains the files).
"""

from __future__ import annotations

import pytest
from corpus_scoring import CORPUS, GoldDoc, documents, mismatches, totals

DOCS = documents()


def test_the_corpus_covers_the_styles_and_both_splits() -> None:
    assert len(DOCS) >= 12
    assert {d.split for d in DOCS} == {"dev", "holdout"}
    assert sum(len(d.claims) for d in DOCS) >= 300
    assert len({d.style for d in DOCS}) >= 10
    texts = {p.stem for p in CORPUS.iterdir() if p.suffix != ".yaml"}
    assert texts == {p.stem for p in CORPUS.glob("*.yaml")}


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_every_number_with_its_qualifier_and_period_and_nothing_else(doc: GoldDoc) -> None:
    """Value, unit, qualifier and period of each claim read by hand (bar those marked known);
    no other claim, and none inside a phone number, date line, label, URL or unsupported unit."""
    assert mismatches(doc) == []


def test_precision_and_recall_over_the_corpus() -> None:
    scores = totals(DOCS)
    every = scores["all"]
    assert every.precision == 1.0
    assert every.recall >= 0.99
    assert every.period_precision >= 0.985
    assert every.period_recall >= 0.98
    assert every.agreement("qualifier") == 1.0
    # measure and subject are read from the grammar of the sentence; the hand-read names
    # are stricter than the extractor's conventions, so these are floors, not targets
    assert every.agreement("measure") >= 0.75
    assert every.agreement("subject") >= 0.75
    assert scores["holdout"].recall >= 0.97


def test_known_failures_are_few_and_explained() -> None:
    known = [c for d in DOCS for c in d.claims if c.get("known")]
    assert len(known) <= 8  # of 550-odd claims
    assert all(len(c["known"]) > 20 for c in known)
