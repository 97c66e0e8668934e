"""Evidence becomes footnotes that always resolve, numbered once per piece of evidence."""

from __future__ import annotations

import pytest

from pestle.errors import CaseError
from pestle.report.footnotes import DocumentText, Notes

TEXT = (
    "1. Growth\n"
    "In 2024, GDP exceeded 2 trillion yuan. In the first quarter of 2025, GDP was "
    "472.909 billion yuan, up 5.6%.\n"
    "Industrial Type | Added Value (100 million yuan) |\n"
    "Primary Industry | 142.45 |\n"
)


def notes() -> Notes:
    return Notes({"doc": DocumentText(id="doc", title="Doc", text=TEXT, path="doc.txt")})


def test_a_span_cites_its_whole_sentence_with_the_claim_marked() -> None:
    n = notes()
    start = TEXT.index("472.909 billion yuan")
    number = n.span("doc", start, start + len("472.909 billion yuan"), section="Growth")
    note = n.get(number)
    assert note.quote == "In the first quarter of 2025, GDP was 472.909 billion yuan, up 5.6%."
    assert [t for t, marked in note.quote_parts if marked] == ["472.909 billion yuan"]
    assert note.where == "Growth" and note.document == "doc"


def test_claims_of_one_sentence_share_its_note_and_are_all_marked() -> None:
    n = notes()
    a = n.quote("doc", "472.909 billion yuan")
    b = n.quote("doc", "5.6%")
    assert a == b and len(n.footnotes) == 1
    note = n.get(a)
    assert [t for t, marked in note.quote_parts if marked] == ["472.909 billion yuan", "5.6%"]
    assert "".join(t for t, _ in note.quote_parts) == note.quote
    other = n.quote("doc", "2 trillion yuan")
    assert other != a


def test_a_table_row_is_its_own_sentence() -> None:
    n = notes()
    note = n.get(n.quote("doc", "142.45"))
    assert note.quote == "Primary Industry | 142.45 |"


def test_the_same_evidence_keeps_its_number() -> None:
    n = notes()
    a = n.quote("doc", "2 trillion yuan")
    b = n.reference("ref.yaml:3", "gdp", source="Xinhua")
    assert n.quote("doc", "2 trillion yuan") == a
    assert n.reference("ref.yaml:3", "gdp", source="Xinhua") == b
    assert (a, b) == (1, 2) and len(n.footnotes) == 2


def test_unresolvable_evidence_is_an_error_not_a_dangling_note() -> None:
    n = notes()
    with pytest.raises(CaseError, match="not found"):
        n.quote("doc", "3 trillion yuan")
    with pytest.raises(CaseError, match="does not list"):
        n.quote("other", "GDP")
    with pytest.raises(CaseError, match="no source"):
        n.reference("ref.yaml:3", "gdp", source="  ")
    with pytest.raises(CaseError, match="unknown footnote"):
        n.computed("m", description="d", inputs=[7])
    assert n.footnotes == ()


def test_computed_notes_link_their_inputs() -> None:
    n = notes()
    a = n.quote("doc", "2 trillion yuan")
    c = n.computed("AHP", description="Eigenvector weights.", inputs=[a])
    links = [p for p in n.get(c).body if hasattr(p, "anchor")]
    assert [x.anchor for x in links] == [f"fn-{a}"]
