"""`pestle db ...` in-process: exact messages and exit codes (STYLE: tests that pin behaviour)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pestle.store.engine import ENV_VAR

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "src" / "pestle" / "cases" / "xinjiang_composites" / "sources" / "source_report.txt"


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV_VAR, raising=False)
    return tmp_path


@pytest.fixture
def report(workdir) -> Path:
    return Path(shutil.copy(REPORT, workdir / "source_report.txt"))


def test_import_edit_one_sentence_then_diff_shows_exactly_that_change(cli, report) -> None:
    code, out, _ = cli("db", "import", str(report))
    assert code == 0
    assert out.startswith(f"{report}: new document 'source_report' -> source_report@1 (revision 1)")

    text = report.read_text(encoding="utf-8")
    assert text.count("delegated 26 powers") == 1
    report.write_text(text.replace("delegated 26 powers", "delegated 126 powers"), encoding="utf-8")
    code, out, _ = cli("db", "import", str(report))
    assert code == 0 and "new revision of 'source_report' -> source_report@2 (revision 2)" in out

    code, out, _ = cli("db", "diff", "1", "2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(
        "source_report@1 (revision 1) -> source_report@2 (revision 2): "
        "1 changed, 0 added, 0 removed,"
    )
    assert lines[1:] == [
        "~ [Two-way Empowerment of Opening-up Policies in Free Trade Zones] "
        "'26 powers' -> '126 powers' (value 26 -> 126)"
    ]


def test_same_document_twice_says_nothing_was_written(cli, report) -> None:
    cli("db", "import", str(report))
    code, out, _ = cli("db", "import", str(report))
    assert code == 0
    assert out.strip().endswith("as source_report@1 (revision 1); nothing written")
    assert "unchanged, same content" in out
    code, out, _ = cli("db", "list", "--format", "json")
    assert [r["number"] for r in json.loads(out)] == [1]


def test_init_then_init_again(cli, workdir) -> None:
    code, out, _ = cli("db", "init")
    assert (code, out.strip()) == (0, f"initialised {workdir / 'pestle.db'}: schema 0001")
    code, out, _ = cli("db", "init")
    assert (code, out.strip()) == (0, f"{workdir / 'pestle.db'} is up to date: schema 0001")


def test_db_option_and_environment_choose_the_database(cli, workdir, report, monkeypatch) -> None:
    cli("db", "import", str(report), "--db", str(workdir / "a.db"))
    assert (workdir / "a.db").exists() and not (workdir / "pestle.db").exists()
    monkeypatch.setenv(ENV_VAR, f"sqlite:///{workdir / 'b.db'}")
    cli("db", "init")
    assert (workdir / "b.db").exists() and not (workdir / "pestle.db").exists()


def test_list_show_and_export(cli, report) -> None:
    cli("db", "import", str(report))
    code, out, _ = cli("db", "list")
    assert code == 0
    assert "source_report@1  text" in out.splitlines()[1]

    code, out, _ = cli("db", "show", "source_report@1")
    assert code == 0
    assert out.startswith("revision 1: source_report@1 (text), ")
    assert "'472.909 billion yuan'" in out

    code, out, _ = cli("db", "export", "1", "--format", "json")
    data = json.loads(out)
    assert data["revision"]["document"] == "source_report"
    gdp = [c for c in data["claims"] if c["text"] == "472.909 billion yuan"]
    assert gdp and gdp[0]["value"] == 472909000000.0 and gdp[0]["unit"] == "CNY"

    code, out, _ = cli("db", "export", "1", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].startswith("position,value,unit,qualifier,period,")
    assert len(out.splitlines()) == data["revision"]["claims"] + 1


def test_export_to_a_file(cli, report, workdir) -> None:
    cli("db", "import", str(report))
    code, out, _ = cli("db", "export", "1", "--format", "csv", "--out", "c.csv")
    assert code == 0 and out.strip() == "wrote c.csv"
    assert (workdir / "c.csv").read_text(encoding="utf-8").startswith("position,value")


def test_bad_rows_are_listed_and_nothing_is_imported(cli, workdir) -> None:
    cli("db", "init")
    bad = workdir / "bad.csv"
    bad.write_text(
        "measure,value,unit,source\nGDP,1,CNY,bureau\nGDP,x,CNY,bureau\nGDP,1,yuan,bureau\n",
        encoding="utf-8",
    )
    code, out, err = cli("db", "import", str(bad))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"error: {bad.absolute()}:3: value 'x' is not a plain number "
        "(no units, separators or words)",
        f"error: {bad.absolute()}:4: unit 'yuan' is not one of CNY USD W Wh t kg km % pp count",
        "error: nothing was imported",
    ]
    code, out, _ = cli("db", "list")
    assert (code, out.strip()) == (0, "no revisions yet: `pestle db import FILE` adds one")


@pytest.mark.parametrize(
    "args",
    [
        ("db", "list", "--db", "postgresql://postgres@127.0.0.1:1/nowhere"),
        ("db", "import", "x.txt", "--db", "postgresql://postgres:pw@127.0.0.1:1/nowhere"),
        ("db", "init", "--db", "/nonexistent-dir/sub/x.db"),
    ],
)
def test_unreachable_database_is_one_line_exit_2(cli, workdir, args) -> None:
    if args[1] == "import":
        (workdir / "x.txt").write_text("GDP was 5 billion yuan in 2024.\n", encoding="utf-8")
    code, out, err = cli(*args)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("error: cannot reach database ")
    assert "Traceback" not in err and "pw" not in err


def test_reading_before_any_import_says_what_to_do(cli, workdir) -> None:
    code, _, err = cli("db", "show", "1")
    assert code == 2
    assert err.strip() == (
        f"error: no database at {workdir / 'pestle.db'}: "
        "run `pestle db init` or `pestle db import FILE`"
    )


def test_unknown_revision_and_format(cli, report) -> None:
    cli("db", "import", str(report))
    code, _, err = cli("db", "show", "7")
    assert code == 2
    assert err.strip() == "error: no revision '7' in the store: `pestle db list` shows them"
    code, _, err = cli("db", "export", "1", "--format", "xml")
    assert code == 2 and err.strip() == "error: --format 'xml' is not one of json, csv, xlsx"


def test_name_option_names_the_document(cli, report) -> None:
    code, out, _ = cli("db", "import", str(report), "--name", "xinjiang_report")
    assert code == 0 and "new document 'xinjiang_report'" in out


def test_verify(cli, report) -> None:
    cli("db", "import", str(report))
    code, out, _ = cli("db", "verify")
    assert (code, out.strip()) == (0, "consistent")


def test_max_bytes_refuses_a_large_document_and_writes_nothing(cli, report, workdir) -> None:
    cli("db", "init")
    code, out, err = cli("db", "import", str(report), "--max-bytes", "100")
    assert code == 2 and out == ""
    assert err.startswith(f"error: {report}: file is ") and "over the limit of 100 bytes" in err
    assert cli("db", "list", "--format", "json")[1].strip() == "[]"
