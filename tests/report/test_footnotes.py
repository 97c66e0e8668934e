"""Evidence becomes footnotes that always resolve, numbered once per piece of evidence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pestle.errors import CaseError
from pestle.report.footnotes import DocumentText, Notes, one_mark_per_sentence, sentences_of
from pestle.report.view import Num, Refs

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


# -- one mark per sentence ----------------------------------------------------------------


def test_a_sentence_citing_one_source_carries_one_mark() -> None:
    parts = (
        "We drew ",
        Num("20,000", (25,)),
        " Monte Carlo samples (seed ",
        Num("0", (25,)),
        "). Of the ",
        Num("9", (47,)),
        " checks, ",
        Num("2", (47, 48)),
        " fail.",
        Refs((47,)),
        " Next.",
    )
    out = one_mark_per_sentence(parts)
    assert [p.notes for p in out if isinstance(p, Num | Refs)] == [(), (25,), (), (48,), (47,)]
    assert [p.text for p in out if isinstance(p, Num)] == ["20,000", "0", "9", "2"]


def test_chinese_sentences_end_without_a_space() -> None:
    parts = ("共", Num("3", (1,)), "项。其中", Num("2", (1,)), "项失败。")
    assert sentences_of(parts) == [0, 0, 1, 1, 1]
    assert [p.notes for p in one_mark_per_sentence(parts) if isinstance(p, Num)] == [(1,), (1,)]


_fragment = st.one_of(
    st.sampled_from(["a ", ". ", "; b ", " c", "。", ".", "x. y "]),
    st.builds(
        Num,
        st.sampled_from(["1", "2.5", "0.22"]),
        st.lists(st.integers(1, 4), unique=True).map(tuple),
    ),
    st.builds(Refs, st.lists(st.integers(1, 4), min_size=1, unique=True).map(tuple)),
)


@given(st.lists(_fragment, max_size=12).map(tuple))
def test_marks_per_sentence_keep_every_note_once(parts) -> None:
    def notes_by_sentence(ps):
        out: dict[int, list[int]] = {}
        for s, p in zip(sentences_of(ps), ps, strict=True):
            if isinstance(p, Num | Refs) and p.notes:
                out.setdefault(s, []).extend(p.notes)
        return out

    before = notes_by_sentence(parts)
    out = one_mark_per_sentence(parts)
    after = notes_by_sentence(out)  # a Refs left without marks is dropped: same sentences
    assert {s: set(v) for s, v in before.items()} == {s: set(v) for s, v in after.items()}
    for notes_ in after.values():
        assert len(notes_) == len(set(notes_))
    assert [p.text for p in out if isinstance(p, Num)] == [
        p.text for p in parts if isinstance(p, Num)
    ]


def test_web_addresses_in_a_note_become_links() -> None:
    from pestle.report.footnotes import url_parts

    text = "People's Daily, 2024-07-25, en.people.cn/n3/2024/0725/c9-2.html; see https://a.org/x."
    assert url_parts(text) == (
        ("People's Daily, 2024-07-25, ", None),
        ("en.people.cn/n3/2024/0725/c9-2.html", "https://en.people.cn/n3/2024/0725/c9-2.html"),
        ("; see ", None),
        ("https://a.org/x", "https://a.org/x"),
        (".", None),
    )
    assert url_parts("sources/reference.yaml:30, pestle.checks") == (
        ("sources/reference.yaml:30, pestle.checks", None),
    )
