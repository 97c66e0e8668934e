"""The Word report: every section heading and table of the report, charts as pictures, and
the evidence as real Word footnotes with the HTML report's note text."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
import pytest
from lxml import etree, html

import pestle
from pestle.report.build import build_report
from pestle.report.context import build_view
from pestle.report.view import Chart, Report, Table
from pestle.results import Results, Settings

SMALL = Settings(samples=2_000, sobol_samples=64, draws=200)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Built:
    out: Path
    view: Report
    document: docx.document.Document


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    results = Results(pestle.load_case(), SMALL)
    out = tmp_path_factory.mktemp("word") / "report"
    build_report(out=out, formats="html,docx", results=results)
    return Built(out, build_view(results), docx.Document(str(out / "report.docx")))


def squash(text: str) -> str:
    return " ".join(text.split())


def blocks(view: Report) -> list:
    return [
        b
        for s in view.sections
        for b in (*s.intro, *(b for sub in s.subsections for b in sub.blocks))
    ]


def test_every_heading_of_the_report_is_a_word_heading(built: Built) -> None:
    headings = [
        (p.style.name, p.text)
        for p in built.document.paragraphs
        if p.style.name.startswith("Heading")
    ]
    level1 = [t for style, t in headings if style == "Heading 1"]
    level2 = [t for style, t in headings if style == "Heading 2"]
    assert [f"{s.number} {s.title}" for s in built.view.sections] == level1[
        : len(built.view.sections)
    ]
    assert [sub.title for s in built.view.sections for sub in s.subsections] == level2
    assert built.document.core_properties.title == built.view.meta.title


def test_every_table_is_a_word_table_with_its_caption_and_columns(built: Built) -> None:
    tables = [b for b in blocks(built.view) if isinstance(b, Table)]
    assert len(built.document.tables) == len(tables) > 20
    captions = {p.text for p in built.document.paragraphs if p.style.name == "Caption"}
    for table, word in zip(tables, built.document.tables, strict=True):
        assert table.caption in captions
        assert [c.text for c in word.rows[0].cells] == [c.title for c in table.columns]
        assert len(word.rows) == len(table.rows) + 1


def test_charts_are_pictures(built: Built) -> None:
    charts = [b for b in blocks(built.view) if isinstance(b, Chart)]
    assert len(built.document.inline_shapes) == len(charts) > 5
    with zipfile.ZipFile(built.out / "report.docx") as z:
        pngs = [n for n in z.namelist() if n.startswith("word/media/")]
        assert pngs and all(z.read(n).startswith(b"\x89PNG") for n in pngs)


def test_footnotes_are_word_footnotes_with_the_html_evidence(built: Built) -> None:
    with zipfile.ZipFile(built.out / "report.docx") as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "relationships/footnotes" in rels
    footnotes = [f for f in notes.iter(f"{W}footnote") if f.get(f"{W}type") is None]
    references = list(body.iter(f"{W}footnoteReference"))
    # one footnote per reference, numbered 1, 2, ... in reading order
    assert [int(r.get(f"{W}id")) for r in references] == list(range(1, len(references) + 1))
    assert {int(f.get(f"{W}id")) for f in footnotes} == set(range(1, len(references) + 1))
    word_texts = {squash("".join(t.text or "" for t in f.iter(f"{W}t"))) for f in footnotes}
    further = [p.text for p in built.document.paragraphs]
    start = further.index("Further notes") + 1 if "Further notes" in further else len(further)
    word_texts |= {squash(t.split(" ", 1)[1]) for t in further[start:] if t}

    page = html.fromstring((built.out / "index.html").read_text(encoding="utf-8"))
    items = page.xpath('//ol[@class="footnotes"]/li')
    for back in page.xpath('//ol[@class="footnotes"]/li/a[@class="back"]'):
        back.drop_tree()  # the HTML's link back to the text (Word's footnotes have their own)
    assert (
        len(items)
        == len(built.view.footnotes)
        == len(footnotes) + len(further[start:]) - (1 if built.view.meta.colophon else 0)
    )
    quotes = [squash(li.text_content()) for li in items if li.get("data-kind") == "quote"]
    assert len(quotes) > 30
    # the evidence sentence, its table context, document and section: word for word
    unquoted = {re.sub("[“”]", "", t) for t in word_texts}
    for text in quotes:
        assert re.sub("[“”]", "", text) in unquoted, text


def test_the_report_folder_has_the_tables_workbook(built: Built) -> None:
    wb = openpyxl.load_workbook(built.out / "tables.xlsx")
    assert wb.sheetnames[0] == "about"
    assert any(name.startswith("chart ") for name in wb.sheetnames)
    assert "demand by year" in wb.sheetnames
