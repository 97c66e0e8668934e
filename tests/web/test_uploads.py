"""Cutting a document into plain and claim runs for highlighting."""

from __future__ import annotations

from pestle.ingest import extract
from pestle.model import Claim
from pestle.web.uploads import segments


def claim(text: str, start: int, end: int) -> Claim:
    return Claim(value=1.0, unit="count", text=text[start:end], start=start, end=end)


def test_runs_rebuild_the_text_and_mark_each_claim() -> None:
    text = "GDP was 2 trillion yuan in 2024, up 6.1%.\nThree wind bases were built."
    claims = tuple(extract(text))
    runs = segments(text, claims)
    assert "".join(r["text"] for r in runs) == text
    assert [r["text"] for r in runs if r["claim"] is not None] == [c.text for c in claims]


def test_an_inner_claim_keeps_its_own_run_inside_an_outer_one() -> None:
    text = "Three 10-million-kilowatt-class bases"
    outer = claim(text, 0, len(text))
    inner = claim(text, 6, 25)
    runs = segments(text, (outer, inner))
    assert runs == [
        {"text": "Three ", "claim": 0},
        {"text": "10-million-kilowatt", "claim": 1},
        {"text": "-class bases", "claim": 0},
    ]


def test_a_limit_cuts_the_text_and_drops_claims_beyond_it() -> None:
    text = "5 GW and 7 GW"
    runs = segments(text, (claim(text, 0, 4), claim(text, 9, 13)), limit=8)
    assert runs == [{"text": "5 GW", "claim": 0}, {"text": " and", "claim": None}]
