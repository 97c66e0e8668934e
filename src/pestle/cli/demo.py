"""`pestle demo`: the main job on the embedded case.

It prints the claims read from the embedded source report, then builds the case's report
(HTML, PDF, Markdown) into ./report/ and says where it is.
"""

from __future__ import annotations

from pathlib import Path

from pestle.cli import app
from pestle.cli.extract import claims_table, wide_console
from pestle.ingest import EMBEDDED_REPORT, extract_file


@app.command()
def demo() -> None:
    """Run the main job on the embedded case: its claims, then its report in ./report/."""
    result = extract_file(EMBEDDED_REPORT)
    console = wide_console()
    console.print(
        claims_table(
            result.claims, title=f"Claims of the embedded source report ({len(result.claims)})"
        )
    )
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
