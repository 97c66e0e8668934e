"""Section 11, an appendix: the commands that rebuild what the report shows, and the settings
as the command line writes them (ids and all; the cover names them in plain words). A chapter
of its own, out of the analysis; in print it starts a page, so a change of settings re-lays
out this page and not the six of the assumptions (`render_pdf.py` caches each chapter's
pages by their content)."""

from __future__ import annotations

from pestle.present.i18n import gettext as _
from pestle.report import labels
from pestle.report.footnotes import Notes
from pestle.report.sections import Body
from pestle.report.sections._common import fill, table
from pestle.report.view import Paragraph, Term, text
from pestle.results import Results


def build(results: Results, notes: Notes, body: Body) -> None:
    body.intro.extend(_reproduce(results))


def _reproduce(results: Results) -> list:
    scenarios = results.case.scenarios
    return [
        Paragraph(
            text(
                *fill(
                    _(
                        "The numbers of this report come from pestle's results for the case "
                        "under the settings on the cover. {analyze} prints the same numbers as "
                        "JSON; {report} builds the report for another scenario, whose name in "
                        "commands the table gives."
                    ),
                    analyze=Term("pestle analyze --format json"),
                    report=Term("pestle report --scenario NAME"),
                )
            )
        ),
        # the cover names the settings in plain words; here they are as results.json and
        # the command line write them (`settings_text`), ids and all
        Paragraph(
            text(
                *fill(
                    _("The settings as results.json and the command line write them: {settings}."),
                    settings=Term(results.describe()),
                )
            )
        ),
        *(
            [
                table(
                    "table-reproduce-scenarios",
                    _("Scenarios and their names in commands"),
                    (_("Scenario"), _("Name in commands")),
                    [(text(labels.scenario(results, s.name)), text(s.name)) for s in scenarios],
                )
            ]
            if scenarios
            else []
        ),
    ]
