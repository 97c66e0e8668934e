"""Section 10: assumptions and sources — every parameter with its value or range and source,
every source document and reference file with its sha256, the external sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pestle.model import Source
from pestle.present import linkage as present_linkage
from pestle.present.format import parameter_unit, parameter_value
from pestle.present.i18n import gettext as _
from pestle.present.i18n import pick
from pestle.report import labels
from pestle.report.footnotes import Notes, num, refs
from pestle.report.sections import Body
from pestle.report.sections._common import fill, numeric, table
from pestle.report.sections.demand import linkage_words, param_anchor, parameter_note
from pestle.report.view import Bullets, Column, Notice, Paragraph, Term, text
from pestle.results import Results


def build(results: Results, notes: Notes, body: Body) -> None:
    case = results.case
    body.intro.append(
        Paragraph(
            text(
                _(
                    "Everything the analysis rests on, in one place: the parameters of the "
                    "demand model (sourced figures and flagged assumptions), the assumptions of "
                    "the linkage model, the analyst judgments, and the documents and reference "
                    "files with the hash that identifies their exact content."
                )
            ),
            tone="lead",
        )
    )
    body.sub("assumptions-parameters", _("Model parameters"), *_parameters(results, notes))
    body.sub("assumptions-linkage", _("Linkage assumptions"), *_linkage(results))
    body.sub("assumptions-judgments", _("Analyst judgments"), *_judgments(results))
    body.sub("assumptions-documents", _("Source documents"), *_documents(case, notes))
    body.sub("assumptions-references", _("Reference data"), *_references(case))
    body.sub(
        "assumptions-external", _("External sources of analyst-added factors"), *_external(case)
    )


def _parameters(results: Results, notes: Notes) -> list:
    data = results.demand_inputs
    params = list(data.parameters)
    rows = []
    ids = []
    for p in params:
        note = parameter_note(notes, p)
        rows.append(
            (
                text(Term(labels.parameter(p))),
                text("" if p.unit == "choice" else parameter_unit(p)),
                (num(parameter_value(p), note),),
                text(
                    (_("Assumption: ") + pick(p.reason or ""))
                    if p.assumption
                    else (p.source or ""),
                    _(" (quality: {quality})").format(quality=p.quality) if p.quality else "",
                ),
            )
        )
        ids.append(param_anchor(p.name))
    flagged = [labels.parameter(p) for p in params if p.assumption]
    return [
        Paragraph(
            text(
                *fill(
                    _(
                        "The demand model's parameters as the case gives them. Assumptions (no "
                        "public figure found; entered with a wide range and flagged): {flagged}. "
                        "Scenarios override some of them (see {section})."
                    ),
                    flagged=_(", ").join(flagged) if flagged else _("none"),
                    section=Term(_("Composite demand")),
                )
            )
        ),
        table(
            "table-assumptions-parameters",
            _("Parameters of the composite-demand model"),
            (
                _("Parameter"),
                _("Unit"),
                numeric(_("Value or range")),
                _("Source, or the reason for the assumption"),
            ),
            rows,
            row_ids=tuple(ids),
            row_classes=tuple("assumption" if p.assumption else "" for p in params),
        ),
    ]


def _linkage(results: Results) -> list:
    if results.linkage is None:
        return [Notice(_("The case has no linkage table."))]
    effects = results.linkage.effects
    return [
        Paragraph(text(linkage_words(results)), tone="method"),
        Bullets(
            tuple(text(a) for a in present_linkage.assumption_lines(results.case.linkage, effects))
        ),
    ]


def _judgments(results: Results) -> list:
    j = results.judgments
    file = str(j.path or "the judgments file").rsplit("/", 1)[-1]
    return [
        Paragraph(
            text(
                f"{file}: ",
                j.note,
                _(
                    " It holds the AHP pairwise matrices, the DEMATEL influence matrix, the EFE "
                    "ratings and the TOPSIS decision matrix, each judgment with a one-line "
                    "rationale."
                ),
            ),
            tone="judgment",
            label=_("Illustrative") if j.illustrative else _("Analyst judgments"),
            badge="judgment",
        )
    ]


def _documents(case: Any, notes: Notes) -> list:
    rows = []
    for d in case.documents:
        note = notes.source_document(d.id)
        rows.append(
            (
                text(d.title, refs(note)),
                text(str(d.source.path or d.path)),
                text(d.source.language),
                text(d.source.sha256),
            )
        )
    if not rows:
        return [Notice(_("The case lists no documents."))]
    return [
        table(
            "table-assumptions-documents",
            _("Source documents of the case"),
            (
                _("Document"),
                Column(_("File"), code=True),
                _("Language"),
                Column(_("sha256"), code=True),
            ),
            rows,
        )
    ]


def _reference_files(case: Any) -> list[Path]:
    files: list[Path] = []
    for entry in case.references:
        f = getattr(entry, "file", None)
        if f and Path(f) not in files:
            files.append(Path(f))
    return files


def _references(case: Any) -> list:
    rows = []
    folder = Path(case.folder)
    for path in _reference_files(case):
        try:
            content = path.read_text(encoding="utf-8")
        except OSError:
            continue
        try:
            shown = str(path.resolve().relative_to(folder.resolve()))
        except ValueError:
            shown = str(path)
        source = Source.from_text(content, title=path.name, path=shown)
        rows.append((text(shown), text(source.sha256)))
    if not rows:
        return [Notice(_("The case has no reference data files."))]
    return [
        Paragraph(
            text(
                _(
                    "Each reference entry names its source and its quality (firm: official or "
                    "national press agency; verify: found only in secondary data, to be "
                    "confirmed). Footnotes cite the entry with its file and line."
                )
            )
        ),
        table(
            "table-assumptions-references",
            _("Reference data files"),
            (Column(_("File"), code=True), Column(_("sha256"), code=True)),
            rows,
        ),
    ]


def _external(case: Any) -> list:
    items = []
    for f in case.factors:
        for s in getattr(f, "sources", ()):
            parts = [s.title, s.publisher, s.date, s.address]
            items.append(
                text(
                    Term(f.name),
                    ": ",
                    ", ".join(str(p) for p in parts if p),
                    f" ({s.note})" if s.note else "",
                    _(" [quality: {quality}]").format(quality=s.quality) if s.quality else "",
                )
            )
    if not items:
        return [Notice(_("No factor cites an external source."))]
    return [
        Paragraph(
            text(_("Addresses are given as text: the report links to nothing outside itself.")),
            tone="method",
        ),
        Bullets(tuple(items)),
    ]
