"""report.md: GitHub-flavoured Markdown with footnotes, tables and SVG figures beside it.

The template lays out sections; blocks, fragments and footnotes are written here. Every
piece of text passes `templating.md_escape`, so HTML in a document stays literal text
(``\\<script\\>`` renders as ``<script>``, never as a tag). Output of these helpers is
`MdSafe`, which the template's `finalize` passes through unchanged.
"""

from __future__ import annotations

import re

from pestle.present import i18n
from pestle.present.i18n import gettext as _
from pestle.report.footnotes import one_mark_per_sentence
from pestle.report.templating import MdSafe, md_env, md_escape, md_line
from pestle.report.view import (
    Block,
    Bullets,
    Chart,
    Column,
    Footnote,
    Link,
    Notice,
    Num,
    Paragraph,
    Refs,
    Report,
    Table,
    Term,
    Text,
)

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def figure_name(chart: Chart) -> str:
    return f"figures/{chart.id}.svg"


def _html_id(value: str) -> MdSafe:
    if not _ID.match(value):
        raise ValueError(f"anchor id {value!r} must be lower-case letters, digits and '-'")
    return MdSafe(value)


def _marks(notes: tuple[int, ...]) -> str:
    return "".join(f"[^{int(n)}]" for n in notes)


def frags(parts: Text) -> MdSafe:
    out: list[str] = []
    for p in one_mark_per_sentence(parts):
        if isinstance(p, Num):
            body = md_escape(p.text)
            out.append((f"**{body}**" if p.strong else body) + _marks(p.notes))
        elif isinstance(p, Link):
            if p.anchor.startswith("fn-") and p.anchor[3:].isdigit():
                out.append(f"[^{int(p.anchor[3:])}]")  # a note citing another note
            else:
                out.append(md_escape(p.text))
        elif isinstance(p, Term):
            out.append(f"**{md_escape(p.text)}**")
        elif isinstance(p, Refs):
            out.append(_marks(p.notes))
        else:
            out.append(md_escape(p))
    return MdSafe("".join(out))


def _table(t: Table) -> str:
    head = "| " + " | ".join(md_escape(c.title) for c in t.columns) + " |"
    rule = "|" + "|".join(_align(c) for c in t.columns) + "|"
    rows = ["| " + " | ".join(frags(cell) or " " for cell in row) + " |" for row in t.rows]
    lines = [f"**{md_escape(t.caption)}**", "", head, rule, *rows]
    if t.note:
        lines += ["", f"*{frags(t.note)}*"]
    return "\n".join(lines)


def _align(column: Column) -> str:
    return "---:" if column.numeric else ":---"


def block(b: Block) -> MdSafe:
    if isinstance(b, Paragraph):
        label = f"**{md_escape(b.label)}** " if b.label else ""
        quote = "> " if b.tone in ("judgment", "warning") else ""
        return MdSafe(f"{quote}{label}{md_line(frags(b.parts))}")
    if isinstance(b, Bullets):
        return MdSafe("\n".join(f"- {md_line(frags(item))}" for item in b.items))
    if isinstance(b, Table):
        return MdSafe(_table(b))
    if isinstance(b, Chart):
        image = f"![{md_escape(b.description)}]({figure_name(b)})"
        caption = f"*{md_escape(b.title)}.*"
        if b.source:
            caption = f"*{md_escape(b.title)}. {frags(b.source)}*"
        return MdSafe(f"{image}\n\n{caption}")
    if isinstance(b, Notice):
        return MdSafe(f"> *{md_escape(b.message)}*")
    raise TypeError(f"unknown block {type(b).__name__}")


def footnote(f: Footnote) -> MdSafe:
    head = f"[^{int(f.number)}]:"
    if f.kind == "quote":
        where = _(", section “{section}”").format(section=md_escape(f.where)) if f.where else ""
        context = (
            " " + _("(table row; columns: {columns})").format(columns=md_escape(f.context))
            if f.context
            else ""
        )
        quote = "".join(
            f"**{md_escape(t.strip())}**{' ' if t.endswith(' ') else ''}"
            if marked
            else md_escape(t)
            for t, marked in f.quote_parts
        )
        body = f"“{quote}”{context} — {md_escape(f.title)}{where}"
    elif f.kind == "reference":
        entry = f": {frags(f.body)}" if f.body else ""
        what = _("Reference data {title}").format(title=md_escape(f.title))
        source = _("Source: {source}").format(source=md_escape(f.source))
        where = f"{f.ref_id}, {f.where}" if f.ref_id else f.where
        body = f"{what}{entry} ({md_escape(where)}). {source}"
    elif f.kind == "document":
        extra = f" {md_escape(f.source)}" if f.source else ""
        body = f"{md_escape(f.title)} ({md_escape(f.where)}){extra}"
    else:
        where = f" ({md_escape(f.where)})" if f.where else ""
        body = f"{md_escape(f.title)}: {frags(f.body)}{where}"
    return MdSafe(f"{head} {body}")


def render_md(report: Report) -> str:
    """The report as Markdown text (figures are written by the build, see `figure_name`)."""
    template = md_env().get_template("report.md.j2")
    with i18n.use(report.meta.lang):
        text = template.render(
            report=report,
            frags=frags,
            block=block,
            footnote=footnote,
            anchor=lambda anchor: MdSafe(f"#{_html_id(anchor)}"),
            html_id=_html_id,
        )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
