"""The document parser: sections (paths, not numbers), paragraphs, sentences, pipe tables."""

from __future__ import annotations

import pytest

from pestle.ingest import Document, parse


def spans_ok(doc: Document) -> None:
    for s in doc.sections:
        assert doc.text[s.title_start : s.title_end] == s.title
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    for t in doc.tables:
        for h in t.header:
            assert doc.text[h.start : h.end] == h.text
        for r in t.rows:
            for c in r.cells:
                assert doc.text[c.start : c.end] == c.text


def test_source_report_structure(source_report_text: str) -> None:
    doc = parse(source_report_text)
    spans_ok(doc)
    assert len(doc.sections) == 10
    assert len(doc.tables) == 4
    assert len(doc.paragraphs) == 14
    assert [s.number for s in doc.sections][:4] == ["1", "2", "3", "1"]
    # numbering restarts, so titles, not numbers, identify sections
    assert doc.sections[5].title == "Current Situation and Trend Analysis of Economic Growth"
    assert doc.sections[5].path == ("Current Situation and Trend Analysis of Economic Growth",)
    # the last line is a lone "." that continues the paragraph before it
    assert doc.paragraphs[-1].text.endswith("high-performance materials\n.")


def test_tables_of_the_source_report(source_report_text: str) -> None:
    doc = parse(source_report_text)
    growth, trade, structure, bases = doc.tables
    assert [(h.label, h.unit, h.exponent) for h in growth.header] == [
        ("Industrial Type", None, 0),
        ("Added Value", "CNY", 8),
        ("Year-on-Year Growth Rate", "%", 0),
    ]
    assert growth.header[1].scale == 1e8
    assert growth.header[1].unit_text == "100 million yuan"
    assert [c.text for c in growth.rows[1].cells] == ["Secondary Industry", "1,878.48", "5.9"]
    assert trade.rows[0].cells[0].text == "First Half of 2023"
    assert structure.header[2].label == "Proportion"
    missing = [c.missing for c in bases.rows[1].cells]
    assert missing == [False, True, False, False]
    assert bases.rows[3].cells[1].text == "Each 10 million kilowatts"


def test_nested_numbering_and_markdown_give_paths() -> None:
    text = "# Report\n1. Energy\n1.1 Solar\nText.\n1.2 Wind\n2. Trade\n## Annex\n"
    doc = parse(text)
    spans_ok(doc)
    assert [s.path for s in doc.sections] == [
        ("Report",),
        ("Report", "Energy"),
        ("Report", "Energy", "Solar"),
        ("Report", "Energy", "Wind"),
        ("Report", "Trade"),
        ("Report", "Annex"),
    ]
    solar = doc.sections[2]
    assert text[solar.start : solar.end] == "1.1 Solar\nText."


@pytest.mark.parametrize(
    "line",
    [
        "1. Exports rose 5% in 2024.",  # a sentence, not a heading
        "12 projects were completed",  # a number, not numbering
        "1.5 million tonnes were shipped",
        "2024. A year of growth",
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    assert parse(line + "\n").sections == ()


def test_section_at_and_sentence_at() -> None:
    text = "Intro here.\n1. Energy\nFirst one. Second one.\n"
    doc = parse(text)
    assert doc.section_at(0) is None
    assert doc.section_at(text.index("Second")).title == "Energy"
    assert doc.sentence_at(text.index("Second")).text == "Second one."
    assert doc.sentence_at(text.index("First")).text == "First one."
    with pytest.raises(ValueError):
        doc.sentence_at(len(text) + 5)


def test_sentences_do_not_split_on_decimals_or_abbreviations() -> None:
    doc = parse("Output rose 5.6% in Jan. and the U.S. bought 3.2 tonnes. Then it fell.\n")
    assert [s.text for s in doc.sentences] == [
        "Output rose 5.6% in Jan. and the U.S. bought 3.2 tonnes.",
        "Then it fell.",
    ]


def test_pipe_tables_with_and_without_outer_pipes() -> None:
    text = "| A | B (%) |\n|:---|---:|\n| x | 1.5 |\n\nC | D\nu | 2\nv | 3\n"
    doc = parse(text)
    spans_ok(doc)
    first, second = doc.tables
    assert [h.label for h in first.header] == ["A", "B"]
    assert first.header[1].unit == "%"
    assert [c.text for c in first.rows[0].cells] == ["x", "1.5"]
    assert [[c.text for c in r.cells] for r in second.rows] == [["u", "2"], ["v", "3"]]


def test_blank_lines_separate_wrapped_paragraphs() -> None:
    text = "GDP grew\nfast this year.\nIt was good.\n\nExports fell.\n"
    doc = parse(text)
    assert [p.text for p in doc.paragraphs] == [
        "GDP grew\nfast this year.\nIt was good.",
        "Exports fell.",
    ]


def test_crlf_line_endings() -> None:
    text = "1. Energy\r\nCapacity rose.\r\nA | B (%)\r\n---|---\r\nx | 2\r\n"
    doc = parse(text)
    spans_ok(doc)
    assert doc.sections[0].title == "Energy"
    assert doc.paragraphs[0].text == "Capacity rose."
    assert doc.tables[0].rows[0].cells[1].text == "2"


def test_roman_numbered_and_title_case_label_headings() -> None:
    text = (
        "Report on the Work of the Government\n\n"
        "I. Review of Our Work in 2024\n\n"
        "Output grew.\n\n"
        "Second Quarter 2025 Highlights\n\n"
        "- Revenues rose.\n\n"
        "By Bloomberg News\n\n"
        "December 9, 2024 4:15 PM GMT+8\n\n"
        "China stocks rise on stimulus hopes\n\n"
        "V. Putin\n"
    )
    doc = parse(text)
    spans_ok(doc)
    assert [(s.title, s.number) for s in doc.sections] == [
        ("Report on the Work of the Government", None),
        ("Review of Our Work in 2024", "I"),
        ("Second Quarter 2025 Highlights", None),
    ]


def test_a_title_case_line_inside_a_paragraph_is_not_a_heading() -> None:
    doc = parse("Exports grew.\nSecond Quarter Highlights\nImports fell.\n")
    assert doc.sections == ()
