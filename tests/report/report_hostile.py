"""A view model whose every text slot carries markup, to test escaping in all outputs."""

from __future__ import annotations

from pestle.present import chartkit as charts
from pestle.report.view import (
    Bullets,
    Chart,
    Column,
    Footnote,
    Link,
    Meta,
    Notice,
    Num,
    Paragraph,
    Report,
    Section,
    Subsection,
    Table,
)

SCRIPT = '<script>alert("pwned")</script>'
IMG = "<img src=x onerror=alert(1)>"
EVIL = f"Sentence with {SCRIPT} and {IMG} inside & more"


def hostile_report() -> Report:
    spec = charts.bars(
        [{"name": SCRIPT, "v": 1.0, "label": IMG}],
        category="name",
        value="v",
        value_title=f"value {IMG}",
        title=f"Chart {SCRIPT}",
        source=EVIL,
        label="label",
    )
    section = Section(
        id="evil",
        number=1,
        title=f"Section {SCRIPT}",
        intro=(
            Paragraph((EVIL, " ", Num(f"{SCRIPT} yuan", (1,)), Link(IMG, "fn-1"))),
            Paragraph((EVIL,), tone="judgment", label=f"Judgment {IMG}"),
            Bullets(((EVIL,), (Num(IMG, (1,)),))),
            Notice(f"not yet available: {SCRIPT}"),
        ),
        subsections=(
            Subsection(
                id="evil-sub",
                title=f"Sub {IMG}",
                blocks=(
                    Table(
                        id="evil-table",
                        caption=f"Caption {SCRIPT}",
                        columns=(Column(f"Col {IMG}"), Column("n", numeric=True)),
                        rows=(((EVIL,), (Num("1 | 2", (1,)),)),),
                        note=(EVIL,),
                    ),
                    Chart(
                        id="evil-chart",
                        title=f"Chart {SCRIPT}",
                        spec=spec,
                        description=f"Alt {IMG}",
                        source=(EVIL,),
                    ),
                ),
            ),
        ),
    )
    note = Footnote(
        number=1,
        kind="quote",
        title=f"Doc {SCRIPT}",
        quote=EVIL,
        mark=SCRIPT,
        where=f"Section {IMG}",
        document="evil_doc",
        key="k",
    )
    meta = Meta(
        title=f"Title {SCRIPT}",
        subtitle=f"Sub {IMG}",
        case_id="evil",
        case_folder="/tmp/evil",
        region=SCRIPT,
        industry=IMG,
        generated="now",
        scenario=None,
        pestle_version="test",
        colophon=EVIL,
        facts=(("Region", (SCRIPT,)),),
    )
    return Report(meta=meta, sections=(section,), footnotes=(note,))
