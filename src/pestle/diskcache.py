"""pestle's on-disk cache: files derived from content, stored under a key of that content.

What is stored: the results of a case's expensive steps (`pestle.results.cache`), the
offline Vega bundle (`present/vendor.py`), and the report's chart SVGs (`report/svg.py`) and
the PDF pages of each part of its print document (`report/render_pdf.py`). The folder is
``$PESTLE_CACHE`` or ``$XDG_CACHE_HOME/pestle`` (default ``~/.cache/pestle``). A cache that
cannot be read or written is never an error: the file is then made again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any


@functools.cache
def code_version() -> str:
    """pestle's version and a hash of its Python code, read once per process: every key of
    a value pestle's code computed starts with it, so a changed install never reads
    another's values."""
    import pestle

    package = Path(pestle.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        if "cases" in path.relative_to(package).parts:
            continue  # a case's files enter the keys through `Case.fingerprint`
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{pestle.__version__}+{digest.hexdigest()[:16]}"


def cache_dir() -> Path:
    explicit = os.environ.get("PESTLE_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pestle"


def key(*parts: str | bytes) -> str:
    """A file name for content: the sha256 of its parts (versions first, content last; text
    as UTF-8)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def read(path: Path) -> bytes | None:
    """The cached file's bytes, or None when it is not there (or cannot be read)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write(path: Path, data: bytes) -> None:
    """Store `data` at `path` atomically (a reader never sees half a file); errors pass."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as fh:
            fh.write(data)
        try:
            os.replace(fh.name, path)
        except OSError:
            os.unlink(fh.name)
            raise


def prune(folder: Path, max_bytes: int) -> None:
    """Delete the least recently used files of `folder` until it holds at most `max_bytes`."""
    try:
        entries = [(e.stat().st_mtime, e.stat().st_size, e.path) for e in os.scandir(folder)]
    except OSError:
        return
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= max_bytes:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            total -= size


def touch(path: Path) -> None:
    """Mark a cached file as just used (pruning removes the least recently used first)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def template_cache(kind: str) -> Any:
    """A Jinja2 bytecode cache for the templates of one environment `kind` (compiling the
    report's templates costs about half a second a process; their compiled code depends on
    the template's source, which Jinja checks, and on the environment's options, hence one
    folder per kind). None when caching is off (``PESTLE_NO_CACHE=1``)."""
    if os.environ.get("PESTLE_NO_CACHE", "") not in ("", "0"):
        return None
    import jinja2
    from jinja2.bccache import Bucket, FileSystemBytecodeCache

    class _Quiet(FileSystemBytecodeCache):
        """Jinja's file cache, for which an unwritable folder is not an error."""

        def dump_bytecode(self, bucket: Bucket) -> None:
            with contextlib.suppress(OSError):
                Path(self.directory).mkdir(parents=True, exist_ok=True)
                super().dump_bytecode(bucket)

    return _Quiet(str(cache_dir() / "jinja" / f"{kind}-jinja{jinja2.__version__}"))
