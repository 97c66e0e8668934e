"""A case whose source document carries markup: the report shows it as text in all formats."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from markdown_it import MarkdownIt
from report_htmlscan import scan

from pestle.report.build import build_report

SCRIPT = '<script>alert("pwned")</script>'
IMG = "<img src=x onerror=alert(document.domain)>"
SENTENCE = "year-on-year increase of 6.1%."


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory):
    import pestle.case

    folder = pestle.case.case_folder(pestle.case.DEFAULT_CASE)
    root = tmp_path_factory.mktemp("hostile")
    case = root / "case"
    shutil.copytree(folder, case)
    doc = case / "sources" / "source_report.txt"
    text = doc.read_text(encoding="utf-8")
    assert text.count(SENTENCE) == 1
    doc.write_text(
        text.replace(SENTENCE, f"year-on-year increase of 6.1% {SCRIPT} {IMG}."), encoding="utf-8"
    )
    result = build_report(case=case, out=root / "out")
    return result


def test_html_shows_the_markup_as_text(hostile_build) -> None:
    html = (hostile_build.out / "index.html").read_text(encoding="utf-8")
    page = scan(html)
    assert SCRIPT in page.visible_text and IMG in page.visible_text
    assert page.all("img") == []
    assert [s.get("type") for s in page.all("script")].count(None) == 2  # bundle + embed code
    assert not any("onerror" in attrs for _, attrs in page.tags)


def test_markdown_shows_the_markup_as_text(hostile_build) -> None:
    md = (hostile_build.out / "report.md").read_text(encoding="utf-8")
    page = scan(MarkdownIt("commonmark").enable("table").render(md))
    assert SCRIPT in page.visible_text and IMG in page.visible_text
    assert page.all("script") == []
    assert all(str(a["src"]).startswith("figures/") for a in page.all("img"))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdf_shows_the_markup_as_text(hostile_build) -> None:
    out = subprocess.run(
        ["pdftotext", str(hostile_build.out / "report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # without any white space: a line of the PDF may break anywhere inside the markup
    flat = "".join(out.split())
    assert "".join(SCRIPT.split()) in flat and "".join(IMG.split()) in flat
