"""`pestle extract` and `pestle demo`, in-process through `pestle.cli.main` (exit codes too)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli_run import Run


def test_json_of_the_embedded_report(cli: Run) -> None:
    code, out, err = cli("extract", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["source"]["title"] == "source_report"
    assert len(data["claims"]) == 45
    gdp = next(c for c in data["claims"] if c["text"] == "472.909 billion yuan")
    assert gdp == {
        "value": 472909000000.0,
        "unit": "CNY",
        "qualifier": "=",
        "period": "2025-01-01/2025-03-31",
        "measure": "GDP",
        "subject": "Xinjiang",
        "text": "472.909 billion yuan",
        "start": gdp["start"],
        "end": gdp["start"] + 20,
        "section": "Current Situation and Trend Analysis of Economic Growth",
    }


def test_csv_of_a_file(tmp_path: Path, cli: Run) -> None:
    f = tmp_path / "news.txt"
    f.write_text("Exports rose 4.5% to $50.25 billion in 2024.\n", encoding="utf-8")
    code, out, err = cli("extract", str(f), "--format", "csv")
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["text"], r["value"], r["unit"], r["measure"], r["period"]) for r in rows] == [
        ("4.5%", "4.5", "%", "exports growth rate", "2024-01-01/2024-12-31"),
        ("$50.25 billion", "50250000000.0", "USD", "exports", "2024-01-01/2024-12-31"),
    ]
    assert list(rows[0]) == [
        "value",
        "unit",
        "qualifier",
        "period",
        "measure",
        "subject",
        "text",
        "start",
        "end",
        "section",
    ]


def test_table_is_the_default(cli: Run) -> None:
    code, out, err = cli("extract")
    assert (code, err) == (0, "")
    assert "source_report: 45 claims" in out
    assert "472.9\u00a0billion yuan" in out  # scaled for people, not 472,909,000,000 CNY
    assert "Xinjiang" in out
    assert "Q1 2025" in out
    assert "Current Situation and Trend Analysis of Economic Growth" in out  # a section's table


def test_demo_prints_the_claims_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Run
) -> None:
    # the report build that follows the table is tested with the report; here it is stubbed
    import pestle.cli.report

    built: list[Path] = []
    monkeypatch.setattr(pestle.cli.report, "report", lambda **kw: built.append(kw["out"]))
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("demo")
    assert (code, err) == (0, "")
    assert "Claims of the embedded source report (45)" in out
    for column in ("value", "period", "measure", "subject", "read from"):
        assert column in out
    assert "472.9\u00a0billion yuan" in out
    assert built == [Path("report")]


def _bad_inputs(tmp_path: Path) -> list[tuple[list[str], str]]:
    binary = tmp_path / "report.pdf"
    binary.write_bytes(b"%PDF-1.7\x00\x01")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"GDP\nprice \xe9\n")
    big = tmp_path / "big.txt"
    big.write_text("x" * 64, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    return [
        (["extract", str(missing)], f"error: {missing}: no such file\n"),
        (["extract", str(tmp_path)], f"error: {tmp_path}: is a directory, not a file\n"),
        (
            ["extract", str(binary)],
            f"error: {binary}: looks like a binary file (NUL byte at offset 8), "
            "not a text document\n",
        ),
        (
            ["extract", str(latin)],
            f"error: {latin}:2: not valid UTF-8 (byte 0xe9 at offset 10); convert it first, "
            "e.g. iconv -f LATIN1 -t UTF-8\n",
        ),
        (
            ["extract", str(big), "--max-bytes", "10"],
            f"error: {big}: file is 64 bytes, over the limit of 10 bytes; "
            "raise the limit with --max-bytes\n",
        ),
    ]


@pytest.mark.parametrize("case", range(5))
def test_bad_input_is_one_line_exit_2_and_nothing_on_stdout(
    case: int, tmp_path: Path, cli: Run
) -> None:
    argv, message = _bad_inputs(tmp_path)[case]
    for fmt in ("json", "csv", "table"):
        code, out, err = cli(*argv, "--format", fmt)
        assert (code, out, err) == (2, "", message)


def test_an_unknown_format_is_a_usage_error(cli: Run) -> None:
    code, out, err = cli("extract", "--format", "xml")
    assert code == 2
    assert out == ""
    assert "xml" in err


def test_the_installed_entry_point(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("The region has 192 countries as partners.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pestle", "extract", str(f), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [c["text"] for c in json.loads(done.stdout)["claims"]] == ["192 countries"]
    missing = subprocess.run(
        [sys.executable, "-m", "pestle", "extract", str(tmp_path / "no.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == f"error: {tmp_path / 'no.txt'}: no such file\n"


CORPUS_ZH = Path(__file__).resolve().parents[1] / "ingest" / "corpus_zh"
FRENCH = (
    "Le gouvernement a annoncé que la production est en hausse de 5 % et que les "
    "exportations de la région ont augmenté de 3 % en 2024 pour la deuxième année.\n"
)


def test_a_chinese_document_in_every_format(cli: Run) -> None:
    from rich.cells import cell_len

    path = CORPUS_ZH / "zh01_chinanews_xinjiang_q1.txt"
    code, out, err = cli("extract", str(path), "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["source"]["language"] == "zh" and "warning" not in data
    gdp = next(c for c in data["claims"] if c["text"] == "4413.21亿元")
    assert (gdp["value"], gdp["unit"], gdp["period"]) == (
        441321000000.0,
        "CNY",
        "2024-01-01/2024-03-31",
    )
    code, out, err = cli("extract", str(path), "--format", "csv")
    assert code == 0 and "4413.21亿元" in out
    # the table lines up: Chinese characters take two columns, and every row is as wide
    code, out, err = cli("extract", str(path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    rows: list[str] = []
    for rule in (i for i, line in enumerate(lines) if line.startswith(" ─")):
        block = [lines[rule - 1], lines[rule]]  # header and rule, then the rows to a blank
        for line in lines[rule + 1 :]:
            if not line.strip():
                break
            block.append(line)
        assert len({cell_len(line) for line in block}) == 1, {cell_len(line) for line in block}
        rows.extend(block)
    assert any("4413.21亿元" in line for line in rows)


def test_a_language_pestle_does_not_read_is_one_warning_line(tmp_path: Path, cli: Run) -> None:
    f = tmp_path / "presse.txt"
    f.write_text(FRENCH, encoding="utf-8")
    code, out, err = cli("extract", str(f), "--format", "json")
    assert code == 0
    assert err == (
        f"warning: {f}: looks like French text; pestle reads English and Chinese, "
        "so no claims were extracted\n"
    )
    data = json.loads(out)
    assert data["claims"] == [] and data["warning"] in err


def test_db_import_of_chinese_and_of_a_language_not_read(
    tmp_path: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pestle.store.engine import ENV_VAR

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_VAR, raising=False)
    zh = tmp_path / "trade.txt"
    zh.write_text(
        (CORPUS_ZH / "zh03_guangming_xinjiang_trade_jul.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    code, out, err = cli("db", "import", str(zh))
    assert (code, err) == (0, "")
    assert "new document 'trade'" in out and "38 claims" in out
    fr = tmp_path / "presse.txt"
    fr.write_text(FRENCH, encoding="utf-8")
    code, out, err = cli("db", "import", str(fr))
    assert code == 0 and "0 claims" in out
    assert err.splitlines() == [
        f"warning: {fr}: looks like French text; pestle reads English and Chinese, "
        "so no claims were extracted"
    ]
