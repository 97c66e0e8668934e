"""`pestle demo`: the main job on the embedded case.

It prints the claims read from the embedded source report, then builds the case's report
(HTML, PDF, Markdown) into ./report/ and says where it is.
"""

from __future__ import annotations

from pathlib import Path

from pestle.cases import EMBEDDED_REPORT
from pestle.cli import app
from pestle.cli.extract import claims_tables, wide_console


@app.command()
def demo() -> None:
    """Run the main job on the embedded case: its claims, then its report in ./report/."""
    from pestle.ingest import extract_file

    result = extract_file(EMBEDDED_REPORT)
    console = wide_console()
    title = f"Claims of the embedded source report ({len(result.claims)})"
    for part in claims_tables(result.claims, title=title):
        console.print(part)
    from pestle.cli.report import report

    report(
        case=None,
        out=Path("report"),
        format="html,pdf,md",
        scenario=None,
        samples=None,
        seed=None,
        quiet=False,
    )
    index = (Path("report") / "index.html").resolve()
    console.print(f"open {index} in a browser (works offline)", markup=False)
