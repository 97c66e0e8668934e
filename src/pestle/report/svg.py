"""Static charts: Vega-Lite spec -> SVG with vl-convert (no browser), cached by content.

The cache key is the spec's canonical JSON plus the vl-convert version, so an unchanged
chart is never converted twice, in one process (memory) or across builds (disk, see
`cache.py`).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import vl_convert as vlc

from pestle import diskcache as cache
from pestle.present import converter
from pestle.present.vendor import VEGA_LITE_VERSION

_memory: dict[str, str] = {}


def svg_key(spec: dict[str, Any]) -> str:
    """The chart's content key: its spec and the converter's versions."""
    canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    version = getattr(vlc, "__version__", "unknown")
    return cache.key(f"{version}|{VEGA_LITE_VERSION}", canonical)


def cached_svg(spec: dict[str, Any]) -> str | None:
    """The chart's SVG if it was converted before (this process or the disk), else None."""
    key = svg_key(spec)
    found = _memory.get(key)
    if found is None:
        stored = cache.read(_path(key))
        if stored is not None:
            found = _memory[key] = stored.decode("utf-8")
    return found


def to_svg(spec: dict[str, Any]) -> str:
    """The chart as an SVG document (fonts as text, legible when printed)."""
    found = cached_svg(spec)
    if found is not None:
        return found
    key = svg_key(spec)
    # measured with the font the PDF prints in (converter: the shipped font registered)
    svg = converter.vl_convert().vegalite_to_svg(spec, vl_version=VEGA_LITE_VERSION)
    cache.write(_path(key), svg.encode("utf-8"))
    _memory[key] = svg
    return svg


def remember(key: str, svg: str) -> None:
    """An SVG converted elsewhere (a PDF worker), kept so that this process needs not."""
    _memory[key] = svg


def _path(key: str) -> Path:
    return cache.cache_dir() / "svg" / f"{key}.svg"


def data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
