"""`pestle report` on the command line: paths printed, errors as one line with exit code 2."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def cli():
    try:
        from pestle.cli import main
    except ImportError as exc:  # a command module of other work is not there yet
        pytest.skip(f"the CLI does not import yet: {exc}")
    return main


def test_report_prints_the_paths(cli, tmp_path, capsys) -> None:
    out = tmp_path / "r"
    with pytest.raises(SystemExit) as info:
        cli(["report", "--out", str(out), "--format", "md,html", "--quiet"])
    assert info.value.code in (0, None)
    printed = capsys.readouterr().out.split()
    assert printed == [str((out / "index.html").resolve()), str((out / "report.md").resolve())]


def test_progress_names_every_stage(cli, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        cli(["report", "--out", str(tmp_path / "r"), "--format", "md"])
    text = capsys.readouterr().out
    for stage in ("load case", "results", "view model", "Markdown", "write"):
        assert stage in text


def test_bad_options_are_one_line_errors(cli, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        cli(["report", "--out", str(tmp_path / "r"), "--format", "odt"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err == "error: --format: unknown format odt; choose from html,pdf,md,docx"
    with pytest.raises(SystemExit) as info:
        cli(["report", "--out", str(tmp_path / "r"), "--format", "md", "--scenario", "nope"])
    assert info.value.code == 2
    assert "unknown scenario" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_the_scenario_option_presents_that_scenario(cli, tmp_path, capsys) -> None:
    out = tmp_path / "r"
    with pytest.raises(SystemExit) as info:
        cli(["report", "--out", str(out), "--format", "md", "--scenario", "bases_max", "-q"])
    assert info.value.code in (0, None)
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "- **Scenario:** Largest base only (lower bound)" in md  # its label
    assert "Presented scenario: **Largest base only (lower bound)**" in md


def test_set_fixes_a_parameter_and_a_wrong_one_is_a_one_line_error(cli, tmp_path, capsys) -> None:
    out = tmp_path / "r"
    with pytest.raises(SystemExit) as info:
        cli(["report", "--out", str(out), "-f", "md", "--set", "wind_share=0.6", "-q"])
    assert info.value.code in (0, None)
    assert "Fixed for this build" in (out / "report.md").read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        cli(["report", "--out", str(tmp_path / "r2"), "-f", "md", "--set", "nope=1"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: --set: unknown parameter 'nope'") and "\n" not in err
    assert not (tmp_path / "r2").exists()


def test_lang_zh_writes_a_chinese_report(cli, tmp_path, capsys) -> None:
    out = tmp_path / "zh"
    with pytest.raises(SystemExit) as info:
        cli(["report", "--out", str(out), "--format", "md", "--lang", "zh", "--quiet"])
    assert info.value.code in (0, None)
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "\n## 1 摘要\n" in md and "\n## 注释与证据\n" in md


def test_an_unknown_lang_is_a_usage_error_naming_the_flag(cli, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        cli(["report", "--out", str(tmp_path / "r"), "--lang", "fr"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--lang" in err and "'fr' is not one of" in err and "Traceback" not in err
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("watch", [[], ["--watch"]])
def test_an_unknown_pdf_engine_is_a_one_line_error_before_any_work(
    cli, tmp_path, capsys, watch
) -> None:
    with pytest.raises(SystemExit) as info:
        cli(["report", "--out", str(tmp_path / "r"), "--pdf-engine", "prince", *watch])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "error: --pdf-engine: unknown PDF engine 'prince': choose one of auto, chromium, weasyprint"
    )
    assert not (tmp_path / "r").exists()


def test_the_manifest_names_the_pdf_engine_asked_for(cli, tmp_path) -> None:
    import json

    out = tmp_path / "r"
    with pytest.raises(SystemExit) as info:
        cli(["report", "--out", str(out), "--format", "pdf", "--pdf-engine", "weasyprint", "-q"])
    assert info.value.code in (0, None)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pdf_engine"].startswith("weasyprint ")
