"""The PDF engines: which one a build uses, Chromium's fetching nothing, and WeasyPrint
laying out what Chromium could not."""

from __future__ import annotations

import http.server
import logging
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from report_hostile import hostile_report

from chromium import CHROMIUM, MARKS
from pestle.errors import PestleError
from pestle.report import chromium, pdf_engine
from pestle.report import render_pdf as rp
from pestle.report.pdf_assemble import page_count


def test_an_unknown_engine_is_refused_naming_the_parameter(monkeypatch) -> None:
    monkeypatch.delenv("PESTLE_PDF_ENGINE", raising=False)
    with pytest.raises(PestleError, match="pdf_engine: unknown PDF engine 'prince'") as err:
        pdf_engine.choose("prince")
    assert err.value.parameter == "pdf_engine"


def test_an_unknown_engine_in_the_environment_names_the_variable(monkeypatch) -> None:
    monkeypatch.setenv("PESTLE_PDF_ENGINE", "prince")
    with pytest.raises(PestleError, match=r"^\$PESTLE_PDF_ENGINE: unknown") as err:
        pdf_engine.choose()
    assert err.value.parameter is None  # not a flag of the command: the CLI words it as is
    assert pdf_engine.choose("weasyprint").name == "weasyprint"  # an argument comes first


def test_without_a_chromium_auto_is_weasyprint_and_chromium_an_error(monkeypatch) -> None:
    monkeypatch.delenv("PESTLE_PDF_ENGINE", raising=False)
    monkeypatch.setenv("PESTLE_CHROMIUM", "")  # none, whatever is on PATH
    assert pdf_engine.choose() == pdf_engine.Engine("weasyprint")
    with pytest.raises(PestleError, match="no Chromium to lay out the PDF"):
        pdf_engine.choose("chromium")


def test_a_part_chromium_cannot_print_is_laid_out_by_weasyprint(
    tmp_path: Path, monkeypatch, caplog
) -> None:
    pytest.importorskip("playwright")
    monkeypatch.setenv("PESTLE_CACHE", str(tmp_path / "cache"))
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\necho 'no display, no nothing' >&2\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setenv("PESTLE_CHROMIUM", str(broken))
    engine = pdf_engine.choose("chromium")
    assert engine.path == str(broken)
    stats = rp.PdfStats()
    try:
        with caplog.at_level(logging.WARNING, logger="pestle.report.pdf_engine"):
            pdf = rp.render_pdf(hostile_report(), stats=stats, engine=engine)
    finally:
        chromium.stop()
    assert pdf.startswith(b"%PDF-") and page_count(pdf) == stats.pages == 4
    assert "laid out by WeasyPrint" in caplog.text and str(broken) in caplog.text


class _Recorder(http.server.BaseHTTPRequestHandler):
    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.asked.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    "tag",
    [
        '<img src="{url}/i.png">',
        '<link rel="stylesheet" href="{url}/s.css">',
        # asked for by print layout only (the document is hidden from the screen)
        '<div style="background-image: url({url}/b.png)">box</div>',
    ],
)
@MARKS[0]
@MARKS[1]
def test_chromium_fetches_nothing_but_the_page_and_its_fonts(tag: str) -> None:
    pytest.importorskip("playwright")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        html = f"<p>outside:</p>{tag.format(url=url)}"
        with pytest.raises(chromium.ChromiumError, match=f"asks for {url}/"):
            chromium.print_pdf(html, CHROMIUM)
        assert _Recorder.asked == []
        # the same browser prints the next document (the refusal was this one's)
        assert chromium.print_pdf("<p>inside</p>", CHROMIUM).startswith(b"%PDF")
    finally:
        server.shutdown()


@MARKS[0]
@MARKS[1]
def test_a_document_printed_only_prints_in_the_faces_it_declares() -> None:
    """A part is hidden from the screen, so no text asks for a font before printing: the
    faces it declares are loaded all the same (here one known by this document only)."""
    pytest.importorskip("playwright")
    import io

    import pikepdf

    from pestle.present import fonts

    bold = f"{chromium.FONTS}{fonts.FILES['bold']}"
    face = f"@font-face {{ font-family: 'Only Here'; src: url({bold}); }}"
    html = (
        f"<!doctype html><html><head><style>{face}</style></head>"
        "<body><p style=\"font-family: 'Only Here'\">declared</p></body></html>"
    )
    pdf = pikepdf.open(io.BytesIO(chromium.print_pdf(html, CHROMIUM)))
    used = {
        str(font.get("/BaseFont"))
        for page in pdf.pages
        for font in page.obj.Resources.get("/Font", {}).values()
    }
    assert any("DejaVuSans-Bold" in name for name in used), used
