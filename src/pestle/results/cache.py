"""The results' on-disk cache: a step's value stored under the key of its content.

A key is the sha256 of the pestle version and the bytes of its code (`code_version`: a
changed install never reads another's values), the step's name, the bytes of the case files it
reads, the settings it uses and the keys of the steps it reads (`Results.key`). Values are
pickles in ``<cache>/results/`` beside the report's cache (``$PESTLE_CACHE``, else
``$XDG_CACHE_HOME/pestle``). The cache is the user's own folder; a file that cannot be read,
written or unpickled is never an error: the step is computed again. ``PESTLE_NO_CACHE=1``
turns it off.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from pathlib import Path
from typing import Any

from pestle import diskcache as files
from pestle.diskcache import code_version  # noqa: F401  (re-exported: keys start with it)

MAX_BYTES = 200_000_000  # older entries are pruned beyond this


def enabled() -> bool:
    return os.environ.get("PESTLE_NO_CACHE", "") in ("", "0")


def folder() -> Path:
    return files.cache_dir() / "results"


def key(*parts: str) -> str:
    return files.key(*parts)


def path_of(step: str, content_key: str) -> Path | None:
    return folder() / f"{step}-{content_key[:32]}.pickle" if enabled() else None


def load(path: Path) -> tuple[bool, Any]:
    """(True, value) if `path` holds a readable value, else (False, None)."""
    data = files.read(path)
    if data is None:
        return False, None
    try:
        return True, pickle.loads(data)
    except Exception:  # an old or damaged entry: compute the step again
        return False, None


def store(path: Path, value: Any) -> None:
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a value that cannot be pickled is simply not kept
        return
    files.write(path, data)
    with contextlib.suppress(OSError):
        files.prune(path.parent, MAX_BYTES)
