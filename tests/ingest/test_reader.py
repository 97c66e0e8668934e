"""read_text: UTF-8 text or one line that names the file, the problem and the fix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pestle.errors import InputError
from pestle.ingest import read_text


def test_reads_utf8_and_drops_a_bom(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("\ufeffGDP grew 5% — fast.\n".encode())
    assert read_text(f) == "GDP grew 5% — fast.\n"


def test_missing(tmp_path: Path) -> None:
    f = tmp_path / "nope.txt"
    with pytest.raises(InputError) as err:
        read_text(f)
    assert str(err.value) == f"{f}: no such file"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_text(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a directory, not a file"


def test_binary(tmp_path: Path) -> None:
    f = tmp_path / "b.bin"
    f.write_bytes(b"PK\x03\x04\x00\x00")
    with pytest.raises(InputError) as err:
        read_text(f)
    assert str(err.value) == (
        f"{f}: looks like a binary file (NUL byte at offset 4), not a text document"
    )


def test_not_utf8_names_line_and_offset(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes(b"line one\nprice: 5 \xa3\n")
    with pytest.raises(InputError) as err:
        read_text(f)
    assert str(err.value) == (
        f"{f}:2: not valid UTF-8 (byte 0xa3 at offset 18); convert it first, "
        "e.g. iconv -f LATIN1 -t UTF-8"
    )


def test_over_the_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("x" * 101, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_text(f, max_bytes=100)
    assert str(err.value) == (
        f"{f}: file is 101 bytes, over the limit of 100 bytes; raise the limit with --max-bytes"
    )
    assert read_text(f, max_bytes=101) == "x" * 101


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("x", encoding="utf-8")
    f.chmod(0)
    try:
        with pytest.raises(InputError) as err:
            read_text(f)
        assert str(err.value) == f"{f}: cannot be read (permission denied)"
    finally:
        f.chmod(0o644)


def test_unreadable_whoever_runs_the_tests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pestle.ingest.reader as reader

    f = tmp_path / "secret.txt"
    f.write_text("x", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reader, "open", refuse, raising=False)
    with pytest.raises(InputError) as err:
        read_text(f)
    assert str(err.value) == f"{f}: cannot be read (permission denied)"
