"""Templates are layout only: no number is written in them, and HTML autoescapes."""

from __future__ import annotations

import re

from pestle.report.templating import TEMPLATES, html_env, md_escape


def _without_markup(source: str) -> tuple[str, str]:
    """(Jinja code without its string literals, text outside tags and code)."""
    source = re.sub(r"\{#.*?#\}", "", source, flags=re.S)  # comments may explain
    code = " ".join(re.findall(r"\{\{.*?\}\}|\{%.*?%\}", source, flags=re.S))
    code = re.sub(r"\"[^\"]*\"|'[^']*'", "", code)  # template names, CSS classes
    rest = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", source, flags=re.S)
    rest = re.sub(r"<[^>]*>", "", rest)  # tag names (h1) and attributes (utf-8)
    return code, rest


def test_no_numeric_literal_in_any_template() -> None:
    names = [p.name for p in TEMPLATES.iterdir() if p.name.endswith(".j2")]
    assert {"report.html.j2", "macros.html.j2", "report.md.j2"} <= set(names)
    for name in names:
        code, rest = _without_markup((TEMPLATES / name).read_text(encoding="utf-8"))
        assert not re.findall(r"\b\d", code), f"{name}: numeric literal in template code"
        assert not re.findall(r"\d", rest), f"{name}: number in template text"


def test_the_check_would_catch_a_number() -> None:
    code, rest = _without_markup('<p>GDP was {{ x * 100 }} and 5.6 %</p>{{ "a1" }}')
    assert re.findall(r"\b\d", code) and re.findall(r"\d", rest)


def test_html_environment_autoescapes() -> None:
    env = html_env()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>&") == "&lt;b&gt;&amp;"


def test_markdown_escape_neutralises_markup_and_keeps_single_lines() -> None:
    assert md_escape("<script>x</script>") == r"\<script\>x\</script\>"
    assert md_escape("a | b\nc") == r"a \| b c"
    assert md_escape("[link](http://x)") == r"\[link\](http\://x)"


def test_markdown_escape_keeps_identifiers_readable_and_links_out() -> None:
    from markdown_it import MarkdownIt

    from pestle.report.templating import md_line

    text = md_escape("as_stated and _x_ see https://example.org/a or www.example.org")
    assert "as_stated" in text and r"\_x\_" in text
    # GFM would link bare addresses; the escaped colon and dot stop it
    assert r"https\://example.org/a" in text and r"www\.example.org" in text
    html = MarkdownIt("commonmark").enable("strikethrough").render(md_line(text))
    assert "<a " not in html and "<em>" not in html
    assert "https://example.org/a" in html
    assert MarkdownIt("commonmark").render(md_line(md_escape("# not a heading"))).startswith("<p>")
