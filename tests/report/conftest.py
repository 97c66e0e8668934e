"""Fixtures of the report tests: one full build of the embedded case, shared."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from pestle.report.build import BuildResult, build_report


@dataclass(frozen=True)
class Built:
    result: BuildResult
    html: str
    md: str

    @property
    def out(self) -> Path:
        return self.result.out


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The embedded case's report in all three formats (built once per test session)."""
    out = tmp_path_factory.mktemp("report") / "report"
    result = build_report(out=out)
    return Built(
        result=result,
        html=(out / "index.html").read_text(encoding="utf-8"),
        md=(out / "report.md").read_text(encoding="utf-8"),
    )


@pytest.fixture(scope="session")
def built_zh(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The embedded case's report in Chinese (`--lang zh`), all three formats, built once."""
    out = tmp_path_factory.mktemp("report-zh") / "report"
    result = build_report(out=out, lang="zh")
    return Built(
        result=result,
        html=(out / "index.html").read_text(encoding="utf-8"),
        md=(out / "report.md").read_text(encoding="utf-8"),
    )


@pytest.fixture(scope="session")
def built_weasyprint(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The embedded case's report with its PDF laid out by WeasyPrint (the engine of
    machines without Chromium; `built` has Chromium's where there is one)."""
    out = tmp_path_factory.mktemp("report-weasyprint") / "report"
    result = build_report(out=out, pdf_engine="weasyprint")
    assert result.pdf is not None and result.pdf.engine.startswith("weasyprint")
    return Built(
        result=result,
        html=(out / "index.html").read_text(encoding="utf-8"),
        md=(out / "report.md").read_text(encoding="utf-8"),
    )


@pytest.fixture(scope="module", params=["built", "built_weasyprint"])
def built_pdf(request: pytest.FixtureRequest) -> Built:
    """The report, once with each PDF engine (the default, then WeasyPrint)."""
    return request.getfixturevalue(request.param)
