"""index.html: one self-contained file, interactive charts, no network request at all.

The Vega, Vega-Lite and Vega-Embed JavaScript is inlined from vl-convert's offline bundle
(cached on disk, see `vendor.py`); chart specs are inline JSON; CSS is inline; the favicon
is an empty data URL so a browser does not ask for one.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from pestle.present import fonts, i18n
from pestle.present.i18n import gettext as _
from pestle.present.vendor import vega_bundle
from pestle.report.chart_slots import SVG_SRC, slot_href
from pestle.report.citations import Citations
from pestle.report.footnotes import plain
from pestle.report.templating import html_env, template_text
from pestle.report.view import Footnote, NotesPart, Report, Section


def script_json(value: Any) -> Markup:
    """JSON safe inside a <script> element: no `</script>`, `<!--` or `&` can appear."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def tooltip(note: Footnote) -> str:
    """Plain text of a footnote, shown when hovering its mark."""
    if note.kind == "quote":
        where = f" ({note.title}, {note.where})" if note.where else f" ({note.title})"
        context = _(" [columns: {columns}]").format(columns=note.context) if note.context else ""
        return f"“{note.quote}”{context}{where}"
    if note.kind == "reference":
        source = _("Source: {source}").format(source=note.source)
        return f"{note.title}: {plain(note.body)} {source}".strip()
    return f"{note.title}: {plain(note.body)}".strip()


def tooltips(report: Report) -> dict[int, str]:
    return {f.number: tooltip(f) for f in report.footnotes}


def _context(report: Report, print_mode: bool, svgs: Mapping[str, str] | None) -> dict[str, Any]:
    return {
        "report": report,
        "print_mode": print_mode,
        "css": Markup(template_text("report.css")),
        "lang_css": Markup(template_text("cjk.css")) if report.meta.lang == "zh" else "",
        # the PDF prints in the font its charts were measured with
        "font_css": Markup(fonts.font_face_css()) if print_mode else "",
        "tips": {} if print_mode else tooltips(report),
        "specs": {} if print_mode else {c.id: script_json(c.spec) for c in report.charts()},
        "svgs": svgs or {},
        # a chart whose source is a placeholder is laid out as a slot (report/chart_slots.py)
        "slots": defaultdict(
            str,
            {
                cid: slot_href(src, cid)
                for cid, src in (svgs or {}).items()
                if src.startswith(SVG_SRC)
            },
        ),
        "cite": Citations(report),
        "toc_pages": None,
        "vega_bundle": Markup(""),
        "embed_js": Markup(""),
    }


def render_html(
    report: Report, *, print_mode: bool = False, svgs: Mapping[str, str] | None = None
) -> str:
    """The report as HTML; `print_mode` swaps interactive charts for static SVG (PDF)."""
    with i18n.use(report.meta.lang):
        context = _context(report, print_mode, svgs)
        if not print_mode and report.charts():
            context["vega_bundle"] = Markup(_safe_script(vega_bundle()))
            context["embed_js"] = Markup(template_text("embed.js"))
        return html_env().get_template("report.html.j2").render(**context)


def render_print_part(
    report: Report,
    part: str | Section | NotesPart,
    svgs: Mapping[str, str] | None = None,
    *,
    toc_pages: Mapping[str, int] | None = None,
    pages: int = 0,
) -> str:
    """One part of the print document, on pages of its own: "cover", "contents" (with
    `toc_pages`, section id -> page), a `Section`, "notes" (all of them) or a `NotesPart`,
    or "furniture" (the running title and page numbers of a document of `pages` pages,
    nothing else)."""
    with i18n.use(report.meta.lang):
        context = _context(report, True, svgs)
        context.update(
            part=part,
            part_css=Markup(template_text("print_part.css")),
            toc_pages=toc_pages,
            furniture_pages=range(max(pages - 1, 0)),
        )
        return html_env().get_template("print_part.html.j2").render(**context)


def _safe_script(js: str) -> str:
    # An inline script ends at the first "</script"; the bundle must not contain one.
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--")
