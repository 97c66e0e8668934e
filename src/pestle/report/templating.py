"""The Jinja2 environments of the report: HTML (autoescape on) and Markdown (escape on output).

Templates are layout only; they receive a finished `view.Report`. Their own words are
marked `_("...")` and translated from the catalogue of the active language (`i18n`). Two
tests let them tell fragments apart (`is num`, `is link`). Nothing a document says reaches
the output unescaped: HTML autoescapes every expression; Markdown escapes every expression
through `finalize`, except the few helper outputs the renderer builds itself (`MdSafe`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from pestle import diskcache
from pestle.present import i18n
from pestle.report.footnotes import one_mark_per_sentence, url_parts
from pestle.report.view import Link, Num, Refs, Term

TEMPLATES = resources.files("pestle.report") / "templates"


def _environment(kind: str, **options: Any) -> Environment:
    """The report's templates, strict about undefined names, with the fragment tests."""
    # a case text in the report's language, then the renderer's own escaping (Markdown)
    escape = options.pop("finalize", None)
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=diskcache.template_cache(f"report-{kind}"),  # compiled once a machine
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        finalize=(lambda v: escape(i18n.finalize(v))) if escape else i18n.finalize,
        **options,
    )
    # the active language is read at each call, so one environment serves every language
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    for name, kind in (("num", Num), ("link", Link), ("term", Term), ("refs", Refs)):
        env.tests[name] = lambda x, kind=kind: isinstance(x, kind)
    env.filters["one_mark_per_sentence"] = one_mark_per_sentence
    env.filters["url_parts"] = url_parts
    env.filters["css_string"] = css_string
    return env


def css_string(text: str) -> Markup:
    """`text` as a CSS string literal, safe inside a <style> element: quotes, backslashes,
    control characters and `<` (which could end the element) are written as CSS escapes."""
    escaped = "".join(
        f"\\{ord(c):X} " if c in '"\\<>' or ord(c) < 0x20 or ord(c) == 0x7F else c
        for c in str(text)
    )
    return Markup(f'"{escaped}"')


@lru_cache(maxsize=1)
def html_env() -> Environment:
    return _environment("html", autoescape=True)


class MdSafe(str):
    """Markdown the renderer built itself (footnote marks, anchors); passed through as is."""


# Characters with meaning inside a Markdown (CommonMark/GFM) line: emphasis, code, links,
# tables, strikethrough, and `<`, `>`, `&` so that an HTML tag or entity in a document stays
# literal text. An underscore is escaped only where it could open or close emphasis (at a
# word edge), so identifiers such as as_stated stay readable.
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|~&]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")
# What makes a line a heading, list item, quote or rule when it starts a line.
_LINE_START = re.compile(r"^(#|[-+*=]\s|[-+*=]$|\d+[.)]\s|>)")


def md_escape(value: object) -> str:
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return ""
    text = str(value)
    text = re.sub(r"\s+", " ", text)  # no line breaks inside a paragraph or table cell
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # no automatic links (GFM links bare http:// and www. addresses): the report links
    # to nothing outside itself
    text = re.sub(r"(?i)(https?|ftp):(?=//)", r"\1\\:", text)
    return re.sub(r"(?i)\b(www)\.", r"\1\\.", text)


def md_line(text: str) -> str:
    """Escaped Markdown that starts a line: a leading #, list marker or > stays literal."""
    m = re.match(r"^(\d+)([.)])", text)
    if m:  # an ordered-list marker: escape its dot (a backslash before a digit is literal)
        return f"{m.group(1)}\\{text[len(m.group(1)) :]}"
    if _LINE_START.match(text):
        return "\\" + text
    return text


@lru_cache(maxsize=1)
def md_env() -> Environment:
    return _environment("md", autoescape=False, finalize=md_escape, keep_trailing_newline=True)


def template_text(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")
