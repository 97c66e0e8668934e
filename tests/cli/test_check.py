"""`pestle check`: exit codes, the JSON shape, and a table readable at 100 columns."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_run import Run
from pestle.case import case_folder


@pytest.fixture()
def run(cli: Run, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`cli` at 100 columns, in colour only when asked (`colour=True`, as on a terminal)."""

    def at_100_columns(*args: str, colour: bool = False) -> tuple[int, str, str]:
        monkeypatch.setenv("COLUMNS", "100")
        if colour:
            monkeypatch.setenv("FORCE_COLOR", "1")
        else:
            monkeypatch.delenv("FORCE_COLOR", raising=False)
            monkeypatch.setenv("NO_COLOR", "1")
        return cli(*args)

    return at_100_columns


def test_json_shape(run):
    code, out, _ = run("check", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["case"] == "xinjiang_composites"
    assert data["summary"]["errors"] == 1
    assert data["findings"][0]["status"] == "fail"
    assert data["findings"][0]["severity"] == "error"
    for finding in data["findings"]:
        assert set(finding) == {
            "rule",
            "id",
            "title",
            "status",
            "severity",
            "message",
            "expected",
            "actual",
            "tolerance",
            "evidence",
            "readings",
            "benign_readings",
            "cause",
            "rows",
            "members",
            # what the texts say, as message codes and typed parameters
            "title_said",
            "message_said",
            "readings_said",
            "cause_said",
        }
        assert finding["message_said"]["code"] and finding["title_said"]["code"]
        for item in finding["evidence"]:
            assert item["kind"] in {"claim", "passage", "reference", "entity"}
    magnitude = next(f for f in data["findings"] if f["rule"] == "magnitude")
    why_said = magnitude["tolerance"].pop("why_said")
    assert magnitude["tolerance"] == {"value": 3.0, "unit": "×", "why": "same order of magnitude"}
    assert why_said == {"kind": "say", "code": "magnitude.why", "params": {}, "capital": False}
    assert magnitude["evidence"][0]["quote"] == "First Half of 2023 | 149.62 | 65.2 |"
    # the trade table's unit error: reported once, its four findings kept inside it
    assert magnitude["cause"].startswith("unit of the total import and export value column")
    assert [m["id"] for m in magnitude["members"]] == [
        "magnitude:total-import-and-export-value-H12023",
        "magnitude:total-import-and-export-value-Jan–May2025",
        "implied_base:total-import-and-export-value-H12022",
        "implied_base:total-import-and-export-value-Jan–May2024",
    ]
    assert [(r["label"], r["confirmed"]) for r in magnitude["rows"]] == [
        ("First Half of 2023", True),
        ("First Five Months of 2025", True),
    ]
    assert data["summary"]["checks"] == len(data["findings"])
    assert data["summary"]["findings"] == len(data["findings"]) + 3  # 4 members shown as 1


def test_strict_fails_on_an_error(run):
    code, out, _ = run("check", "--strict")
    assert code == 1
    assert "1 error" in out


def test_table_is_readable_at_100_columns_failed_first(run):
    code, out, _ = run("check")
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 100
    cells = [line[1:].split("│")[0].strip() for line in lines if line.startswith("│ ")]
    statuses = [cell for cell in cells if cell]
    assert statuses[0] == "fail" and statuses[-1] == "pass"
    assert statuses == sorted(statuses, key=["fail", "ambiguous", "unknown", "pass"].index)
    assert "\x1b[" not in out
    assert "evidence: § Expansion of Trade Scale" in out
    assert "reading (not an error): overlapping grants" in out
    assert "row: First Five Months of 2025" in out
    assert "member: Total import and export value" in out
    assert lines[-1] == (
        "20 checks: 13 pass, 4 fail (1 error, 3 warning), 1 ambiguous, 2 unknown (from 23 findings)"
    )


def test_table_has_colour_on_a_terminal(run):
    _, out, _ = run("check", colour=True)
    assert "\x1b[1;31mfail" in out  # bold red


def test_unknown_case_is_a_one_line_error(run):
    code, out, err = run("check", "no_such_case")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error: no_such_case")


@pytest.fixture
def corrected_case(tmp_path: Path) -> Path:
    """The embedded case with the trade table's unit corrected to billion yuan."""
    folder = tmp_path / "case"
    shutil.copytree(case_folder(), folder)
    report = folder / "sources" / "source_report.txt"
    text = report.read_text(encoding="utf-8")
    wrong = "Total Import and Export Value (100 million yuan)"
    assert text.count(wrong) == 1
    report.write_text(
        text.replace(wrong, "Total Import and Export Value (billion yuan)"), encoding="utf-8"
    )
    trade = folder / "entities" / "trade.yaml"
    yaml_text = trade.read_text(encoding="utf-8")
    for before, after in (("1.4962e10", "1.4962e11"), ("2.2767e10", "2.2767e11")):
        assert yaml_text.count(f"value: {before}") == 1
        yaml_text = yaml_text.replace(f"value: {before}", f"value: {after}")
    trade.write_text(yaml_text, encoding="utf-8")
    return folder


def test_strict_passes_once_the_unit_is_corrected(corrected_case, run):
    code, out, _ = run("check", str(corrected_case), "--strict", "--format", "json")
    assert code == 0
    data = json.loads(out)
    status = {f["id"]: f["status"] for f in data["findings"]}
    assert status["magnitude:total-import-and-export-value-H12023"] == "pass"
    assert status["magnitude:total-import-and-export-value-Jan–May2025"] == "pass"
    assert status["implied_base:total-import-and-export-value-H12022"] == "pass"
    assert data["summary"]["errors"] == 0
