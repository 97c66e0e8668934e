"""The Vega/Vega-Lite/Vega-Embed JavaScript, bundled offline by vl-convert and cached.

Bundling takes a few seconds, so the bundle is cached on disk per vl-convert version (see
`cache.py`). A cache that cannot be written is not an error: the bundle is then rebuilt
each process.
"""

from __future__ import annotations

import threading
from pathlib import Path

import vl_convert as vlc

from pestle import diskcache as cache
from pestle.diskcache import cache_dir

__all__ = ["VEGA_LITE_VERSION", "cache_dir", "prefetch", "vega_bundle"]

VEGA_LITE_VERSION = "6.4"


def _bundle_path() -> Path:
    version = getattr(vlc, "__version__", "unknown")
    return cache_dir() / f"vega-bundle-vlc{version}-vl{VEGA_LITE_VERSION}.js"


_lock = threading.Lock()
_bundle: list[str] = []


def vega_bundle() -> str:
    """vega, vegaLite and vegaEmbed on `window`, as one script with no external import.

    Thread-safe: a build may start it early in a background thread (`prefetch`)."""
    with _lock:
        if not _bundle:
            _bundle.append(_load_bundle())
        return _bundle[0]


def prefetch() -> threading.Thread:
    """Load (or build) the bundle in a background thread; `vega_bundle()` then waits for it."""
    thread = threading.Thread(target=vega_bundle, name="pestle-vega-bundle", daemon=True)
    thread.start()
    return thread


def _load_bundle() -> str:
    path = _bundle_path()
    found = cache.read(path)
    if found is not None:
        return found.decode("utf-8")
    js = vlc.javascript_bundle(vl_version=VEGA_LITE_VERSION)
    cache.write(path, js.encode("utf-8"))
    return js
