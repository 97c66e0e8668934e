"""What the command line writes and prints, made safe: `--out` checked before any work, and
stored text stripped of terminal control characters.

- `check_out_folder` / `check_out_file`: a destination that cannot be written is one line
  (an `InputError` about the parameter `out`, worded `--out` by the CLI) before anything is
  computed; only the destination itself is ever created, never the folders above it (a
  typo such as `--out /nonexistent/sub/x` must not make folders at the filesystem root).
- `printable`: text from the store or a document (a title, a file name, a claim) may hold
  escape sequences (`ESC[31m`, `ESC]0;...BEL`) that recolour the terminal, rename its window
  or worse; each control or format character is shown as its `\\uXXXX` escape instead.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

from pestle.errors import InputError

_KEEP = frozenset("\n\t")


def printable(text: str) -> str:
    """`text` with every control (Cc) and format (Cf: bidi overrides, ...) character but
    newline and tab replaced by its visible escape."""
    if text.isprintable():
        return text
    return "".join(
        f"\\u{ord(c):04x}"
        if c not in _KEEP and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")
        else c
        for c in text
    )


def _refuse(out: Path, problem: str) -> InputError:
    return InputError(f"out: {printable(str(out))}: {problem}", parameter="out")


def _writable_folder(out: Path, folder: Path) -> None:
    """`folder` (the one `out` is to be made in) exists, is a folder, and takes a new entry."""
    if not folder.exists():
        above = next((p for p in folder.parents if p.exists()), None)
        if above is not None and not above.is_dir():
            raise _refuse(out, f"{above} is a file, not a folder")
        raise _refuse(out, f"folder {folder} does not exist; create it first")
    if not folder.is_dir():
        raise _refuse(out, f"{folder} is a file, not a folder")
    try:  # the one reliable test (permissions, read-only mounts, /proc, /sys): try it
        os.rmdir(tempfile.mkdtemp(prefix=".pestle-probe-", dir=folder))
    except OSError as exc:
        raise _refuse(out, f"cannot write in {folder} ({exc.strerror or exc})") from None


def check_out_folder(out: Path) -> None:
    """`out` can become (or already is) a folder of outputs."""
    if out.exists() and not out.is_dir():
        raise _refuse(out, "exists and is not a folder")
    _writable_folder(out, out.absolute().parent)


def check_out_file(out: Path) -> None:
    """`out` can be written as a file."""
    if out.is_dir():
        raise _refuse(out, "is a folder; give a file name")
    _writable_folder(out, out.absolute().parent)


def write_out_file(out: Path, text: str) -> None:
    """Write `text` to the file `out` (checked first); a failure is one line."""
    check_out_file(out)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _refuse(out, f"cannot write ({exc.strerror or exc})") from None
