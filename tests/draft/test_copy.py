"""`pestle init DIR`: a copy of the embedded case, read from the package, that loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_run import Run
from pestle.case import DEFAULT_CASE, case_folder, load_case
from pestle.draft import copy_embedded
from pestle.errors import InputError


def test_copy_is_byte_identical_and_loads(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    written = copy_embedded(target)
    source = case_folder(DEFAULT_CASE)
    shipped = sorted(
        p.relative_to(source)
        for p in source.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert sorted(p.relative_to(target) for p in written) == shipped
    for name in shipped:
        assert (target / name).read_bytes() == (source / name).read_bytes()
    copy, original = load_case(target), load_case()
    assert copy.fingerprint() == original.fingerprint()
    assert len(copy.entities) == len(original.entities) > 0


def test_a_folder_with_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError) as info:
        copy_embedded(tmp_path)
    assert info.value.parameter == "folder"
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_cli_copy_then_refuse(tmp_path: Path, cli: Run) -> None:
    target = tmp_path / "case"
    code, out, _ = cli("init", str(target))
    assert code == 0
    assert f"next: pestle report {target}" in out
    code, _, err = cli("init", str(target))
    assert code == 2
    assert err.strip() == f"error: {target}: folder is not empty; give a new or empty folder"


def test_cli_documents_need_from(tmp_path: Path, cli: Run) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("GDP grew 5 percent in 2024.\n", encoding="utf-8")
    code, _, err = cli("init", str(tmp_path / "x"), str(doc))
    assert (code, err.count("\n")) == (2, 1)
    assert "documents need --from before them" in err
    code, _, err = cli("init", str(tmp_path / "y"), "--from")
    assert (code, err.count("\n")) == (2, 1)
    assert err.startswith("error: --from: give the documents after --from")
    code, _, err = cli("init", str(tmp_path / "z"), "--from", str(tmp_path / "no.txt"))
    assert (code, err.strip()) == (2, f"error: {tmp_path / 'no.txt'}: no such file")
    assert not (tmp_path / "z").exists()
