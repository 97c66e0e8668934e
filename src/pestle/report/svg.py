"""Static charts: Vega-Lite spec -> SVG with vl-convert (no browser), cached by content.

The cache key is the spec's canonical JSON plus the vl-convert version, so an unchanged
chart is never converted twice, in one process (memory) or across builds (disk, same
folder as the JavaScript bundle).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from typing import Any

import vl_convert as vlc

from pestle.report.vendor import VEGA_LITE_VERSION, cache_dir

_memory: dict[str, str] = {}


def _key(spec: dict[str, Any]) -> str:
    canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    version = getattr(vlc, "__version__", "unknown")
    return hashlib.sha256(f"{version}|{VEGA_LITE_VERSION}|{canonical}".encode()).hexdigest()


def to_svg(spec: dict[str, Any]) -> str:
    """The chart as an SVG document (fonts as text, legible when printed)."""
    key = _key(spec)
    found = _memory.get(key)
    if found is not None:
        return found
    path = cache_dir() / "svg" / f"{key}.svg"
    try:
        svg = path.read_text(encoding="utf-8")
    except OSError:
        svg = vlc.vegalite_to_svg(spec, vl_version=VEGA_LITE_VERSION)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
            ) as fh:
                fh.write(svg)
            os.replace(fh.name, path)
        except OSError:
            pass
    _memory[key] = svg
    return svg


def data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
