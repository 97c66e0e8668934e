"""The built report: every section, every chart, every footnote resolves, nothing external."""

from __future__ import annotations

import json
import re
from pathlib import Path

from report_htmlscan import scan

from pestle.report.context import SECTIONS


def _case():
    import pestle.case

    return pestle.case.load_case()


def test_every_section_is_there_in_order(built) -> None:
    page = scan(built.html)
    ids = [a.get("id") for a in page.all("section") if "section" in (a.get("class") or "").split()]
    assert ids == [sid for sid, _, _ in SECTIONS] + ["notes"]
    for number, (_, title, _) in enumerate(SECTIONS, start=1):
        assert f"## {number} {title}" in built.md


def test_every_chart_has_a_spec_a_drawing_target_and_a_figure(built) -> None:
    page = scan(built.html)
    targets = [a["data-chart"] for a in page.all("div") if a.get("data-chart")]
    specs = re.findall(
        r'<script type="application/json" id="spec-([a-z0-9-]+)">(.*?)</script>', built.html, re.S
    )
    assert targets == [sid for sid, _ in specs]
    assert len(set(targets)) == len(targets)
    for chart_id, text in specs:
        spec = json.loads(text)
        title = spec["title"]
        assert title["text"], chart_id
        assert title["subtitle"] and title["subtitle"][0].startswith("Source:"), chart_id
        figure = built.out / "figures" / f"{chart_id}.svg"
        assert figure.read_text(encoding="utf-8").startswith("<svg"), chart_id
        assert f"(figures/{chart_id}.svg)" in built.md


def test_no_external_address_in_any_src_or_href(built) -> None:
    """Nothing is loaded from outside; the only outside links are a source's web address,
    shown as the text of its link."""
    page = scan(built.html)
    outside = 0
    for tag, attrs in page.tags:
        src = attrs.get("src")
        if src is not None:
            assert src.startswith("data:"), f"<{tag} src={src!r}>"
        href = attrs.get("href")
        if href is not None and not href.startswith(("#", "data:")):
            assert tag == "a" and attrs.get("class") == "url", f"<{tag} href={href!r}>"
            assert href.startswith(("https://", "http://")), href
            outside += 1
    assert outside, "no source address is a link"
    for target in re.findall(r"\]\(([^)]+)\)", built.md):
        assert target.startswith(("#", "figures/")), target


def test_every_footnote_mark_has_a_note_and_every_note_is_cited(built) -> None:
    page = scan(built.html)
    notes = {a["id"] for a in page.all("li") if str(a.get("id", "")).startswith("fn-")}
    marks = {a["href"][1:] for a in page.all("a") if str(a.get("href", "")).startswith("#fn-")}
    assert notes, "the report cites no evidence"
    assert marks <= notes
    cited_in_text = set(re.findall(r'<span class="fn">(.*?)</span>', built.html))
    cited = {f"fn-{n}" for s in cited_in_text for n in re.findall(r'href="#fn-(\d+)"', s)}
    # A note may be cited only from another note (a computed result's inputs).
    assert notes <= marks, f"never cited: {sorted(notes - marks)[:5]}"
    assert cited
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", built.md))
    defs = set(re.findall(r"^\[\^(\d+)\]:", built.md, re.M))
    assert refs == defs


def test_every_number_in_the_text_carries_a_footnote(built) -> None:
    """Each number carries a mark, or a later number of its sentence carries the same
    note (one mark per sentence and source); a paragraph or cell with numbers has marks."""
    blocks = re.findall(r"<(p|li|td)\b[^>]*>(.*?)</\1>", built.html, re.S)
    with_numbers = [body for _, body in blocks if '<span class="n' in body]
    assert with_numbers, "no numbers in the report"
    for body in with_numbers:
        last = body.rsplit('<span class="n', 1)[1]
        assert '<span class="fn">' in last, f"a number without a footnote: {body[:200]}"


def test_note_marks_are_bracketed_and_link_both_ways(built) -> None:
    marks = re.findall(r'<span class="fn">(.*?)</span>', built.html)
    assert marks and all(m.startswith("[") and m.endswith("]") for m in marks)
    assert "<sup" not in built.html
    anchors = set(re.findall(r'id="(cite-\d+)"', built.html))
    backs = re.findall(r'<a class="back" href="#(cite-\d+)"', built.html)
    assert backs and set(backs) <= anchors
    assert len(anchors) == len(re.findall(r'id="cite-\d+"', built.html)), "an anchor twice"


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_every_quote_footnote_resolves_to_its_document(built) -> None:
    case = _case()
    page = scan(built.html)
    items = re.findall(r'<li id="fn-(\d+)" class="fn-(\w+)"(.*?)</li>', built.html, re.S)
    assert len(items) == len([a for a in page.all("li") if str(a.get("id", "")).startswith("fn-")])
    for number, kind, body in items:
        inner = scan(f"<div{body}</div>" if body.startswith(" ") else f"<div>{body}</div>")
        if kind == "quote":
            doc = re.search(r'data-document="([^"]+)"', body).group(1)
            text = _norm(case.document(doc).text)
            quote = _norm(re.search(r'<q class="evidence">(.*?)</q>', body, re.S).group(1))
            quote = _norm(scan(quote).visible_text)
            marks = [
                _norm(scan(m).visible_text) for m in re.findall(r"<mark>(.*?)</mark>", body, re.S)
            ]
            assert marks and all(m and m in quote for m in marks), number
            assert quote in text, f"fn-{number}: quote not in {doc}"
            where = re.search(r'data-where="([^"]+)"', body)
            if where:
                import html as _html

                titles = {s.title for d in case.documents for s in d.sections}
                assert _html.unescape(where.group(1)) in titles, number
        elif kind == "reference":
            where = re.search(r'data-where="([^"]+)"', body).group(1)
            file, _, line = where.rpartition(":")
            lines = (Path(case.folder) / file).read_text(encoding="utf-8").splitlines()
            assert 1 <= int(line) <= len(lines), number
            assert "Source: " in inner.visible_text and inner.visible_text.split("Source: ")[1]
        else:
            assert inner.visible_text.strip(), number


def test_no_result_is_missing_from_the_embedded_report(built) -> None:
    # every result is computed by the orchestrator; a notice says only what the case lacks
    notices = re.findall(r'<p class="notice" role="note">(.*?)</p>', built.html)
    assert not [n for n in notices if "not yet available" in n or "not built" in n]


def _axis_titles(node) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for channel in ("x", "y"):
            enc = node.get("encoding", {}).get(channel) if "encoding" in node else None
            if isinstance(enc, dict) and enc.get("title"):
                found.append(enc["title"])
        for value in node.values():
            found.extend(_axis_titles(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_axis_titles(value))
    return found


def test_every_chart_names_its_quantity_and_unit_on_an_axis(built) -> None:
    specs = re.findall(
        r'<script type="application/json" id="spec-[a-z0-9-]+">(.*?)</script>', built.html, re.S
    )
    assert specs
    for text in specs:
        spec = json.loads(text)
        titles = _axis_titles(spec)
        assert titles, spec["title"]["text"]
        assert spec.get("datasets"), spec["title"]["text"]  # the data travel with the spec


def test_entropy_weights_say_why_they_do_not_apply_to_the_embedded_case(built) -> None:
    # The embedded case's linked series share no common periods (GDP by year, trade by
    # cumulative months, capacity by date), so the report must say so, not show weights.
    section = built.html.split('id="factors-entropy"', 1)[1].split("</section>", 1)[0]
    assert "Not applicable to this case" in section
    assert "gdp_cny" in section and "foreign_trade_cny" in section
    assert "table-factors-entropy" not in built.html
