"""The Jinja2 environments of the report: HTML (autoescape on) and Markdown (escape on output).

Templates are layout only; they receive a finished `view.Report`. Two tests let them tell
fragments apart (`is num`, `is link`). Nothing a document says reaches the output
unescaped: HTML autoescapes every expression; Markdown escapes every expression through
`finalize`, except the few helper outputs the renderer builds itself (`MdSafe`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pestle.report.view import Link, Num, Refs, Term

TEMPLATES = resources.files("pestle.report") / "templates"


def _tests(env: Environment) -> Environment:
    env.tests["num"] = lambda x: isinstance(x, Num)
    env.tests["link"] = lambda x: isinstance(x, Link)
    env.tests["term"] = lambda x: isinstance(x, Term)
    env.tests["refs"] = lambda x: isinstance(x, Refs)
    return env


@lru_cache(maxsize=1)
def html_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    return _tests(env)


class MdSafe(str):
    """Markdown the renderer built itself (footnote marks, anchors); passed through as is."""


# Characters with meaning in Markdown/CommonMark (and `|` for tables); `<`, `>` and `&`
# are backslash-escaped too, so that an HTML tag in a document stays literal text.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>()#+!|~&])")


def md_escape(value: object) -> str:
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return ""
    text = str(value)
    text = re.sub(r"\s+", " ", text)  # no line breaks inside a paragraph or table cell
    return _MD_SPECIAL.sub(r"\\\1", text)


@lru_cache(maxsize=1)
def md_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        undefined=StrictUndefined,
        finalize=md_escape,
        keep_trailing_newline=True,
    )
    return _tests(env)


def template_text(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")
