"""The Vega/Vega-Lite/Vega-Embed JavaScript, bundled offline by vl-convert and cached.

Bundling takes a few seconds (about 2 s of CPU), and its output is the same on every
machine with the same vl-convert: pestle ships it (`vega/`, gzipped, named by the
vl-convert and Vega-Lite versions it was made with), so a first build does not pay for it.
With another vl-convert than the shipped bundle's, the bundle is built once and cached on
disk (see `pestle.diskcache`); a cache that cannot be written is not an error: the bundle is
then rebuilt each process. `python -m pestle.present.vendor` writes the shipped file again
(after a vl-convert upgrade in requirements.lock).
"""

from __future__ import annotations

import gzip
import threading
from importlib import resources
from pathlib import Path

import vl_convert as vlc

from pestle import diskcache as cache
from pestle.diskcache import cache_dir

__all__ = ["VEGA_LITE_VERSION", "cache_dir", "prefetch", "vega_bundle"]

VEGA_LITE_VERSION = "6.4"


def _bundle_name() -> str:
    version = getattr(vlc, "__version__", "unknown")
    return f"vega-bundle-vlc{version}-vl{VEGA_LITE_VERSION}.js"


def _bundle_path() -> Path:
    return cache_dir() / _bundle_name()


def shipped_path() -> Path:
    """Where the bundle made with the installed vl-convert is shipped (it may be absent)."""
    return Path(str(resources.files("pestle.present") / "vega" / f"{_bundle_name()}.gz"))


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
    shipped = cache.read(shipped_path())
    if shipped is not None:
        return gzip.decompress(shipped).decode("utf-8")
    path = _bundle_path()
    found = cache.read(path)
    if found is not None:
        return found.decode("utf-8")
    js = vlc.javascript_bundle(vl_version=VEGA_LITE_VERSION)
    cache.write(path, js.encode("utf-8"))
    return js


def write_shipped() -> Path:
    """Bundle with the installed vl-convert and write the shipped file (`vega/`)."""
    path = shipped_path()
    js = vlc.javascript_bundle(vl_version=VEGA_LITE_VERSION)
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("vega-bundle-*.js.gz"):
        old.unlink()  # one shipped bundle: the one requirements.lock's vl-convert makes
    # mtime=0: the same bundle gives the same bytes (no churn in version control)
    path.write_bytes(gzip.compress(js.encode("utf-8"), compresslevel=9, mtime=0))
    return path


if __name__ == "__main__":
    print(write_shipped())
