"""Section 3: society and international relations — factors, evidence, analyst ratings."""

from __future__ import annotations

from pestle.present.i18n import gettext as _
from pestle.report.footnotes import Notes
from pestle.report.sections import Body
from pestle.report.sections._factors import factor_blocks, factors_for
from pestle.report.view import Notice, Paragraph, text
from pestle.results import Results


def build(results: Results, notes: Notes, body: Body) -> None:
    case = results.case
    factors = factors_for(case, "society")
    body.intro.append(
        Paragraph(
            text(
                _(
                    "The source report treats social stability and international relations in "
                    "words only; the case holds no measure of them. Each factor is shown with "
                    "the passages that support it and, separately and labelled as such, the "
                    "analyst's rating of how well the region's composites industry responds to "
                    "it."
                )
            ),
            tone="lead",
        )
    )
    if not factors:
        body.intro.append(Notice(_("The case has no social, legal or international factors.")))
        return
    body.intro.extend(factor_blocks(results, notes, factors))
