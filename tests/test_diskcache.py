"""The report's disk cache: atomic writes, misses as None, least recently used pruned."""

from __future__ import annotations

import os
from pathlib import Path

from pestle import diskcache as cache


def test_a_file_is_stored_and_found(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PESTLE_CACHE", str(tmp_path / "c"))
    assert cache.cache_dir() == tmp_path / "c"
    path = cache.cache_dir() / "pdf" / f"{cache.key('v1', 'content')}.pdf"
    assert cache.read(path) is None
    cache.write(path, b"%PDF-")
    assert cache.read(path) == b"%PDF-"
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
    assert cache.key("v1", "content") != cache.key("v2", "content")
    assert cache.key("a", "bc") != cache.key("ab", "c")


def test_an_unwritable_cache_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache.write(blocker / "x.pdf", b"data")  # cannot create the folder: passes
    assert cache.read(blocker / "x.pdf") is None


def test_pruning_drops_the_least_recently_used_first(tmp_path: Path) -> None:
    for i, name in enumerate(["old", "used", "new"]):
        path = tmp_path / name
        path.write_bytes(b"x" * 100)
        os.utime(path, (1000 + i, 1000 + i))
    cache.touch(tmp_path / "old")  # used just now
    cache.prune(tmp_path, 250)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new", "old"]
