"""`pestle extract --corpus` and `pestle db import --parquet` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

HELD_OUT = Path(__file__).resolve().parents[1] / "ingest" / "corpus"


def test_corpus_to_parquet_to_the_store_and_again(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dataset, db = tmp_path / "claims.parquet", f"sqlite:///{tmp_path / 'store.db'}"
    code, out, err = cli(
        "extract", "--corpus", str(HELD_OUT), "--out", str(dataset), "--workers", "1"
    )
    assert code == 0, err
    assert "documents in 1 parts" in out
    code, out, err = cli("db", "import", "--parquet", str(dataset), "--db", db)
    assert code == 0, err
    assert " 0 unchanged" in out and " new," in out
    code, out, _ = cli("db", "import", "--parquet", str(dataset), "--db", db)
    assert code == 0 and "0 new" in out and "0 claims written" in out
    code, out, _ = cli("db", "verify", "--db", db)
    assert code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "--corpus", "/no/such/folder"], "--corpus: /no/such/folder: not a folder"),
        (["extract", "x.txt", "--corpus", "."], "give no FILE as well"),
        (["extract", "--workers", "2"], "go with --corpus"),
        (["db", "import", "--parquet", "/no/such.parquet"], "--parquet: /no/such.parquet"),
    ],
)
def test_corpus_errors_are_one_line(cli, tmp_path: Path, args, message) -> None:  # type: ignore[no-untyped-def]
    extra = ["--db", str(tmp_path / "s.db")] if args[0] == "db" else []
    code, _, err = cli(*args, *extra)
    assert code == 2 and message in err and err.strip().count("\n") == 0
