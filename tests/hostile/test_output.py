"""What pestle writes stays safe whatever it reads: JSON without NaN/Infinity, terminal text
without control sequences, `--out` problems as one line with nothing created, document
names under one rule, and empty documents refused.

Before the fix: a 400-digit number became `"value": Infinity` (not JSON) in `extract
--format json` and `db export`; a file name with `ESC[31m...ESC]0;...BEL` was printed raw
by `db show`; `report --out /proc/x` (or under a regular file) was a traceback and
`--out /nonexistent/sub/x` made folders at the root; `db import --name ../../x` was taken
and a repeated `--name` kept the last silently; an empty file to `extract` exited 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from . import bounded

HUGE = "9" * 400


def _strict_json(text: str) -> object:
    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _imported(env: dict[str, str]) -> object:
    """The revisions in the store (none when the store was never created)."""
    listed = bounded.pestle("db", "list", "--format", "json", env=env)
    if listed.returncode == 2 and "no database at" in listed.stderr:
        return []
    assert listed.returncode == 0, listed.stderr
    return _strict_json(listed.stdout)


@pytest.fixture()
def huge_document(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    path.write_text(f"GDP reached {HUGE} yuan in 2024.\n", encoding="utf-8")
    return path


def test_extract_refuses_a_number_beyond_the_float_range(huge_document: Path) -> None:
    ran = bounded.pestle("extract", str(huge_document), "--format", "json")
    line = bounded.one_line_error(ran)
    assert line == (
        f"error: {huge_document}: the number 999999999999...(400 digits) is beyond the largest "
        "number a claim can hold (1.8e308)"
    )
    assert "Infinity" not in ran.stdout


def test_large_finite_numbers_stay_strict_json(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("GDP reached 1.5 trillion trillion trillion yuan in 2024.\n", "utf-8")
    ran = bounded.pestle("extract", str(path), "--format", "json")
    assert ran.returncode == 0, ran.stderr
    claims = _strict_json(ran.stdout)["claims"]  # type: ignore[index]
    assert [c["value"] for c in claims] == [1.5e36]


def test_db_import_refuses_it_and_imports_nothing(huge_document: Path, tmp_path: Path) -> None:
    env = {"PESTLE_DB": f"sqlite:///{tmp_path / 'h.db'}"}
    line = bounded.one_line_error(bounded.pestle("db", "import", str(huge_document), env=env))
    assert line.startswith(f"error: {huge_document}: the number 999999999999...(400 digits)")
    assert line.endswith("; nothing was imported")
    assert _imported(env) == []


def test_db_show_and_list_print_no_control_characters(tmp_path: Path) -> None:
    name = "evil\x1b[31mred\x1b]0;pwned\x07\u202etxt"
    path = tmp_path / f"{name}.txt"
    path.write_text("GDP reached 5 billion yuan in 2024.\n", encoding="utf-8")
    env = {"PESTLE_DB": f"sqlite:///{tmp_path / 'c.db'}"}
    for args in (("db", "import", str(path)), ("db", "show", "1"), ("db", "list")):
        ran = bounded.pestle(*args, env=env)
        assert ran.returncode == 0, ran.stderr
        for char in ("\x1b", "\x07", "\u202e"):
            assert char not in ran.stdout + ran.stderr, args
        assert "\\u001b[31mred" in ran.stdout, ran.stdout  # shown, not obeyed
    ran = bounded.pestle("db", "show", "nothing\x1b[2J", env=env)
    assert "\x1b" not in bounded.one_line_error(ran)


@pytest.mark.parametrize(
    ("out", "problem"),
    [
        ("/proc/x", "cannot write in /proc"),
        ("/sys/kernel/x", "cannot write in /sys/kernel"),
        ("{file}/x", "{file} is a file, not a folder"),
        ("{file}", "exists and is not a folder"),
        ("{tmp}/missing/sub/x", "folder {tmp}/missing/sub does not exist; create it first"),
        ("/nonexistent_pestle_dir/sub/x", "folder /nonexistent_pestle_dir/sub does not exist"),
    ],
)
def test_report_out_problems_are_one_line_and_create_nothing(
    tmp_path: Path, out: str, problem: str
) -> None:
    regular = tmp_path / "regular.txt"
    regular.write_text("x", encoding="utf-8")
    values = {"file": str(regular), "tmp": str(tmp_path)}
    out, problem = out.format(**values), problem.format(**values)
    before = sorted(tmp_path.rglob("*"))
    ran = bounded.pestle("report", "--out", out, "-f", "md", "-q", cwd=tmp_path)
    line = bounded.one_line_error(ran)
    assert line.startswith(f"error: --out: {out}: ") and problem in line, line
    assert sorted(tmp_path.rglob("*")) == before  # nothing made, not even a probe
    assert not Path("/nonexistent_pestle_dir").exists()


def test_db_export_out_problems_are_one_line(tmp_path: Path) -> None:
    env = {"PESTLE_DB": f"sqlite:///{tmp_path / 'e.db'}"}
    line = bounded.one_line_error(bounded.pestle("db", "export", "1", "--out", "/proc/x", env=env))
    assert line.startswith("error: --out: /proc/x: cannot write in /proc")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--name", "../../x"), "error: --name: document name '../../x': use 1-100 letters"),
        (("--name", "a", "--name", "b"), "error: --name given 2 times: a document has one name"),
    ],
)
def test_db_import_names_follow_the_web_rule(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("GDP reached 5 billion yuan in 2024.\n", encoding="utf-8")
    env = {"PESTLE_DB": f"sqlite:///{tmp_path / 'n.db'}"}
    line = bounded.one_line_error(bounded.pestle("db", "import", str(doc), *args, env=env))
    assert line.startswith(message), line
    assert _imported(env) == []


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_an_empty_document_to_extract_is_one_line_and_non_zero(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    line = bounded.one_line_error(bounded.pestle("extract", str(path)))
    assert line == f"error: {path}: the document is empty; give a text with content"


def test_extract_shows_a_hostile_file_name_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]0;pwned\x07\x1b[31mred.txt"
    path.write_text("GDP reached 5 billion yuan in 2024.\n", encoding="utf-8")
    ran = bounded.pestle("extract", str(path))
    assert ran.returncode == 0, ran.stderr
    assert "\x1b" not in ran.stdout and "\x07" not in ran.stdout
    assert "evil\\u001b]0;pwned\\u0007\\u001b[31mred: 1 claims" in ran.stdout
