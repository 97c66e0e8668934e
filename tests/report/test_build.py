"""The build: stages in order, only the asked formats, atomic writes, errors before writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pestle.errors import InputError, ParseError, PestleError
from pestle.report import build as build_mod
from pestle.report.build import MANIFEST, build_report, parse_formats
from pestle.results import Settings


def test_formats_are_parsed_and_checked() -> None:
    assert parse_formats("pdf, html") == ("html", "pdf")
    assert parse_formats(None) == ("html", "pdf", "md")
    assert parse_formats("docx,html") == ("html", "docx")  # Word: only when asked for
    with pytest.raises(InputError, match="unknown format odt"):
        parse_formats("html,odt")
    with pytest.raises(InputError, match="empty"):
        parse_formats(" , ")


def test_only_the_asked_formats_are_written_and_stages_are_reported(tmp_path: Path) -> None:
    seen: list[tuple[str, str]] = []
    result = build_report(
        out=tmp_path / "r", formats="md", progress=lambda s, e, t: seen.append((s, e))
    )
    names = sorted(p.name for p in (tmp_path / "r").iterdir())
    assert "index.html" not in names
    assert "report.md" in names and MANIFEST in names and "report.pdf" not in names
    assert "results.json" in names
    assert list(result.files) == ["md"]
    stages = [s for s, e in seen if e == "done"]
    assert stages[:3] == ["load case", "results", "view model"]
    # Markdown's text while the PDF is laid out (none here), its figures after
    assert stages[-4:] == ["tables (xlsx)", "Markdown", "charts (SVG)", "write"]
    assert "tables.xlsx" in names
    assert [s for s, e in seen if e == "start"] == stages
    manifest = json.loads((tmp_path / "r" / MANIFEST).read_text())
    assert set(manifest["files"]) == {n for n in _files(tmp_path / "r") if n != MANIFEST}


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def test_a_failing_stage_leaves_the_previous_report_untouched(tmp_path, monkeypatch) -> None:
    out = tmp_path / "r"
    build_report(out=out, formats="md")
    before = {n: (out / n).read_bytes() for n in _files(out)}

    def boom(*args, **kwargs):
        raise PestleError("renderer exploded")

    monkeypatch.setattr("pestle.report.render_md.render_md", boom)
    with pytest.raises(PestleError, match="exploded"):
        build_report(out=out, formats="md")
    assert {n: (out / n).read_bytes() for n in _files(out)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]  # no temporary folder left


def test_a_failing_write_leaves_no_partial_folder(tmp_path, monkeypatch) -> None:
    real = build_mod.os.rename
    calls = []

    def flaky(src, dst):
        calls.append((src, dst))
        raise OSError("disk full")

    monkeypatch.setattr(build_mod.os, "rename", flaky)
    with pytest.raises(OSError, match="disk full"):
        build_report(out=tmp_path / "r", formats="md")
    monkeypatch.setattr(build_mod.os, "rename", real)
    assert calls and list(tmp_path.iterdir()) == []


def test_a_folder_not_written_by_pestle_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    with pytest.raises(InputError, match="not written by `pestle report`"):
        build_report(out=out, formats="md")
    assert (out / "thesis.docx").read_text() == "precious"
    file_out = tmp_path / "file"
    file_out.write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        build_report(out=file_out, formats="md")


def _case_copy(tmp_path: Path) -> Path:
    import pestle.case

    folder = pestle.case.case_folder(pestle.case.DEFAULT_CASE)
    dest = tmp_path / "case"
    shutil.copytree(folder, dest)
    return dest


def test_a_bad_case_file_stops_the_build_before_anything_is_written(tmp_path: Path) -> None:
    case = _case_copy(tmp_path)
    path = case / "entities" / "energy.yaml"
    text = path.read_text(encoding="utf-8")
    bad = text.replace("capacity_w: 6.1e9", "capacity_w: 6.2e9", 1)
    assert bad != text
    path.write_text(bad, encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(ParseError) as info:
        build_report(case=case, out=out)
    assert info.value.file and info.value.file.endswith("energy.yaml") and info.value.line
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case"]


def test_a_parameter_can_be_fixed_for_one_build(tmp_path: Path) -> None:
    out = tmp_path / "r"
    build_report(out=out, formats="md", settings=Settings(overrides={"blade_mass_t_per_mw": 12}))
    md = (out / "report.md").read_text(encoding="utf-8")
    line = next(ln for ln in md.splitlines() if "Fixed for this build" in ln)
    assert "**Blade mass per MW of wind** = 12 t/MW[^" in line  # its label, not its id
    with pytest.raises(InputError, match="unknown parameter 'blade_mass'"):
        build_report(
            out=tmp_path / "bad", formats="md", settings=Settings(overrides={"blade_mass": 12})
        )
    assert not (tmp_path / "bad").exists()
