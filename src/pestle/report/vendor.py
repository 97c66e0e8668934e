"""The Vega/Vega-Lite/Vega-Embed JavaScript, bundled offline by vl-convert and cached.

Bundling takes a few seconds, so the bundle is cached on disk per vl-convert version, in
``$PESTLE_CACHE`` or ``$XDG_CACHE_HOME/pestle`` (default ``~/.cache/pestle``). A cache
that cannot be written is not an error: the bundle is then rebuilt each process.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

import vl_convert as vlc

VEGA_LITE_VERSION = "6.4"


def cache_dir() -> Path:
    explicit = os.environ.get("PESTLE_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pestle"


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
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    js = vlc.javascript_bundle(vl_version=VEGA_LITE_VERSION)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as fh:
            fh.write(js)
        os.replace(fh.name, path)
    except OSError:
        pass
    return js
