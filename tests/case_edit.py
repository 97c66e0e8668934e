"""Editing a copy of a case folder in tests: one line at a time, at a known line number."""

from __future__ import annotations

from pathlib import Path


def edit_line(path: Path, old: str, new: str) -> int:
    """Replace the one line containing `old`; return its (1-based) line number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if old in line]
    assert len(hits) == 1, hits
    lines[hits[0]] = lines[hits[0]].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")
    return hits[0] + 1
