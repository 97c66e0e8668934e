"""A case loaded again from the same bytes is the same `Case`; any change of a byte, a new
file or a moved link loads it afresh."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pestle.case import load_case
from pestle.case.loader import case_folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "case"
    shutil.copytree(case_folder("xinjiang_composites"), out)
    return out


def test_the_same_bytes_give_the_same_case(folder: Path) -> None:
    assert load_case(folder) is load_case(folder)
    other = folder.parent / "copy"
    shutil.copytree(folder, other)
    assert load_case(other) is not load_case(folder)  # another folder, another case
    assert load_case(other).folder == other.resolve()


def test_a_change_of_one_byte_of_the_same_size_loads_the_case_again(folder: Path) -> None:
    first = load_case(folder)
    case_yaml = folder / "case.yaml"
    text = case_yaml.read_text(encoding="utf-8")
    stat = case_yaml.stat()
    line = next(ln for ln in text.splitlines() if ln.startswith("id:"))
    changed = line[:-1] + ("x" if line[-1] != "x" else "y")  # same length
    case_yaml.write_text(text.replace(line, changed, 1), encoding="utf-8")
    os.utime(case_yaml, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time
    second = load_case(folder)
    assert second is not first
    assert second.id == changed.split(":", 1)[1].strip()


def test_a_new_file_or_a_moved_link_loads_the_case_again(folder: Path, tmp_path: Path) -> None:
    first = load_case(folder)
    (folder / "notes.txt").write_text("an analyst's note", encoding="utf-8")
    second = load_case(folder)
    assert second is not first
    outside = tmp_path / "outside.txt"
    outside.write_text("not the case's", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    third = load_case(folder)
    assert third is not second
    outside.write_text("changed, and never read", encoding="utf-8")
    assert load_case(folder) is third  # a link counts by where it points, not by its target
