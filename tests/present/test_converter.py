"""vl-convert as pestle uses it: charts convert without a word on the terminal.

vl-convert 2 hands Vega-Lite's warnings to Python's logging, which prints them on stderr
when the program configured none (as the CLI does not); a report build would print them
between its progress lines. Run in a process of its own: pytest configures logging."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pestle.present.vendor import VEGA_LITE_VERSION

# Vega-Lite warns of this spec: 'Dropping "fit-y" because spec has discrete height'
WARNED = {
    "autosize": {"type": "fit-y"},
    "height": {"step": 20},
    "data": {"values": [{"a": "x", "b": 1}, {"a": "y", "b": 2}]},
    "mark": "bar",
    "encoding": {
        "y": {"field": "a", "type": "nominal"},
        "x": {"field": "b", "type": "quantitative"},
    },
}

_RUN = """
import json, sys
{prepare}
svg = to_svg(json.loads(sys.argv[1]))
assert svg.startswith("<svg"), svg[:80]
"""


def _stderr(prepare: str, tmp_path: Path) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "PESTLE_CACHE": str(tmp_path)}
    code = _RUN.format(prepare=prepare)
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(WARNED)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_a_chart_vega_lite_warns_of_converts_quietly(tmp_path: Path) -> None:
    assert _stderr("from pestle.report.svg import to_svg", tmp_path) == ""


def test_vl_convert_alone_would_print_the_warning(tmp_path: Path) -> None:
    """What the test above guards against (so that it can fail)."""
    bare = (
        "import vl_convert\n"
        f"to_svg = lambda spec: vl_convert.vegalite_to_svg(spec, vl_version={VEGA_LITE_VERSION!r})"
    )
    assert "fit-y" in _stderr(bare, tmp_path)
