"""`pestle extract FILE...`: one entry per document in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "exports.txt"
    a.write_text("In 2024 exports reached 350 billion yuan, up 12.5%.", encoding="utf-8")
    b = tmp_path / "capacity.txt"
    b.write_text("Wind capacity grew by 10 million kilowatts in 2023.", encoding="utf-8")
    return a, b


def test_json_lines_has_one_document_a_line(cli, two) -> None:
    code, out, _ = cli("extract", *map(str, two), "--format", "jsonl")
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["source"]["title"] for d in docs] == ["exports", "capacity"]
    assert [c["value"] for c in docs[1]["claims"]] == [1e10]


def test_csv_of_several_documents_names_each_row_s_document(cli, two) -> None:
    code, out, _ = cli("extract", *map(str, two), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["document"], r["text"]) for r in rows] == [
        ("exports", "350 billion yuan"),
        ("exports", "12.5%"),
        ("capacity", "10 million kilowatts"),
    ]
    code, out, _ = cli("extract", str(two[0]), "--format", "csv")
    assert out.splitlines()[0].startswith("value,unit,")  # one document: the contract's fields


def test_a_bad_file_among_many_is_one_line_naming_it(cli, two, tmp_path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = cli("extract", str(two[0]), str(missing), "--format", "json")
    assert code == 2 and out == ""
    assert err.strip() == f"error: {missing}: no such file"
    code, _, err = cli("extract", *map(str, two), "--title", "T")
    assert code == 2 and err.strip() == "error: --title names one document; give it with one FILE"
