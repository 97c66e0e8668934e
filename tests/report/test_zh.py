"""`--lang zh`: the report in Chinese, in all three formats, with the same numbers.

Headings, labels and chart titles come from the Chinese catalogue; numbers are written in
the units of Chinese statistics; the PDF embeds a CJK font and draws no missing-glyph box;
the results (results.json) do not depend on the language.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape

import pytest
from report_pdfglyphs import glyphs

from pestle.present import i18n
from pestle.report.context import SECTIONS

CJK = re.compile(r"[\u4e00-\u9fff]")


def zh(message: str) -> str:
    with i18n.use("zh"):
        return i18n.gettext(message)


def headings(html: str, level: int) -> list[str]:
    found = re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html, re.S)
    return [unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in found]


def test_section_headings_are_chinese(built_zh) -> None:
    h2 = headings(built_zh.html, 2)
    for number, (_, title, _) in enumerate(SECTIONS, start=1):
        assert zh(title) != title and CJK.search(zh(title)), title
        assert f"{number} {zh(title)}" in h2
    assert zh("Notes and evidence") in h2 and zh("Contents") in h2
    assert not any(title in h2 for _, title, _ in SECTIONS)  # no English heading left


def test_every_subsection_heading_is_chinese(built_zh) -> None:
    h3 = headings(built_zh.html, 3)
    assert len(h3) > 30
    for heading in h3:
        assert CJK.search(heading), heading


def test_html_declares_its_language_and_a_cjk_font(built_zh) -> None:
    assert '<html lang="zh-CN"' in built_zh.html
    assert "WenQuanYi Micro Hei" in built_zh.html  # the stylesheet and the charts' config


def test_numbers_use_chinese_units(built_zh) -> None:
    text = built_zh.md
    assert re.search(r"\d万吨", text)  # tonnes of composites
    assert re.search(r"\d亿元", text)  # yuan amounts
    assert re.search(r"\d万千瓦", text)  # power capacity
    assert re.search(r"\d{4}年", text)  # years
    # case text stays as written (it may say "billion yuan"); the numbers pestle formats never
    # (a parameter's unit, t/GW, is the case's own)
    assert not re.search(r'<span class="n[^"]*">[^<]*(?<!/)\b(kt|GW|billion)\b', built_zh.html)


def test_chart_titles_and_axes_are_chinese(built_zh) -> None:
    specs = re.findall(
        r'<script type="application/json" id="spec-[^"]+">(.*?)</script>', built_zh.html, re.S
    )
    assert specs
    for raw in specs:
        spec = json.loads(raw)
        title = spec["title"]["text"]
        assert CJK.search(title), title
        assert spec["config"]["font"].startswith("WenQuanYi Micro Hei")
        titles = re.findall(r'"title":\s*"([^"]+)"', raw)
        axis = [t for t in titles if t != title]
        assert all(CJK.search(t) or t in {"D+R", "D−R"} for t in axis), axis


def test_markdown_headings_are_chinese(built_zh) -> None:
    md = built_zh.md
    for number, (_, title, _) in enumerate(SECTIONS, start=1):
        assert f"\n## {number} {zh(title)}\n" in md
    assert f"\n## {zh('Notes and evidence')}\n" in md
    figures = list((built_zh.out / "figures").glob("*.svg"))
    assert figures and all(CJK.search(f.read_text(encoding="utf-8")) for f in figures)


def test_results_do_not_depend_on_the_language(built, built_zh) -> None:
    en = json.loads((built.out / "results.json").read_text(encoding="utf-8"))
    cn = json.loads((built_zh.out / "results.json").read_text(encoding="utf-8"))
    assert cn == en
    manifest = json.loads((built_zh.out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["lang"] == "zh"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_pdf_text_has_the_chinese_headings(built_zh) -> None:
    path = built_zh.out / "report.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for _, title, _ in SECTIONS:
        assert zh(title) in flat, title
    assert zh("Notes and evidence") in flat
    pages = [p for p in text.split("\f") if p.strip()]
    assert f"第 2 页，共 {len(pages)} 页" in " ".join(pages[1].split())


def test_pdf_embeds_a_cjk_font_and_draws_no_missing_glyph(built_zh) -> None:
    found = glyphs(built_zh.out / "report.pdf")
    assert found.drawn > 10_000
    assert found.tofu == []
    assert found.other_fonts == set()  # every font was checked
    drawn = "".join(found.text)
    assert zh("Executive summary") in drawn and "亿元" in drawn


def test_the_glyph_check_finds_tofu(tmp_path) -> None:
    """The check above can fail: a character no installed font has is a .notdef box."""
    import weasyprint

    path = tmp_path / "tofu.pdf"
    weasyprint.HTML(string="<p>中文 \U0002a6d6 \ue000</p>").write_pdf(path)
    found = glyphs(path)
    assert len(found.tofu) == 2


def test_short_labels_and_headings_keep_their_words_whole_in_the_pdf(built_zh) -> None:
    """The policy table's level, instrument and target columns (Column.word): Chinese may
    break between any two characters, and these columns were laid out one character a line;
    each header and label now reads on one line of the PDF."""
    import pdfplumber

    with pdfplumber.open(built_zh.out / "report.pdf") as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    assert any(zh("The coded policy measures") in line for line in lines)
    # the table's header row: the headers whole, side by side on one line
    headers = [zh(h) for h in ("Level", "Instrument", "Target", "Rationale")]
    assert all(len(h) >= 2 for h in headers)
    row = re.compile(r"\s+".join(re.escape(h) for h in headers))
    assert any(row.search(line) for line in lines), headers
    # and every column heading (cjk.css): the consistency findings' tables
    headers = [zh(h) for h in ("Severity", "Check and finding", "Expected", "Tolerance")]
    row = re.compile(r"\s+".join(re.escape(h) for h in headers[:2]) + ".*" + headers[2])
    assert any(row.search(line) and headers[3] in line for line in lines), headers


def test_findings_severities_are_in_the_readers_words(built, built_zh) -> None:
    """A finding's severity is an id of the checks (info, warning, error); the Chinese
    report's findings tables say 提示, 警告, 错误, the English ones keep the words."""
    for key in ("info", "warning", "error"):
        assert f'<td class="word">{key}</td>' in built.html or key == "error"
        assert f'<td class="word">{key}</td>' not in built_zh.html
    assert f'<td class="word">{zh("warning")}</td>' in built_zh.html
    assert zh("warning") == "警告"


def test_a_column_of_sentences_is_several_characters_wide_in_the_pdf(built_zh) -> None:
    """The findings tables' tolerance column (cjk.css): beside the wide "check and finding"
    column, its sentences were laid out three or four characters a line; a text cell is now
    at least seven characters wide, so each column of them reads five or more a line."""
    import pdfplumber

    header = zh("Tolerance")
    widths: list[float] = []
    with pdfplumber.open(built_zh.out / "report.pdf") as pdf:
        for page in pdf.pages:
            words = page.extract_words()
            for head in (w for w in words if w["text"] == header):
                char = (head["x1"] - head["x0"]) / len(header)
                # the table ends at its last rule across the page
                rules = [r["top"] for r in page.rects + page.lines if r["x1"] - r["x0"] > 200]
                bottom = max((t for t in rules if t > head["bottom"]), default=page.height)
                column = [
                    w
                    for w in words
                    if head["bottom"] < w["top"] < bottom and w["x0"] >= head["x0"] - 1
                ]
                if column:
                    widths.append((max(w["x1"] for w in column) - head["x0"]) / char)
    sentences = [w for w in widths if w > 2.5]  # a column of bare numbers ("±0") is narrow
    assert sentences, widths
    assert min(sentences) >= 5, [round(w, 1) for w in widths]
