"""The font the static charts are measured with and the PDF is printed in, shipped with pestle.

vl-convert lays a chart out with the metrics of the font named in its spec, and WeasyPrint
draws the chart's text with whatever font it finds under that name: when the two differ
(vl-convert bundles Liberation Sans, many systems have only DejaVu Sans), labels run over
their box or are cut at its edge. So both are given this folder's files: vl-convert through
`register_font_directory`, WeasyPrint through the `@font-face` rules of `font_face_css`.
DejaVu Sans (Bitstream Vera licence, LICENSE-DejaVu.txt) covers Latin, Greek and Cyrillic,
and the symbols the report prints (≥, −, ×, →); Chinese text falls back to a system CJK font.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FAMILY = "DejaVu Sans"
DIRECTORY = Path(__file__).parent
FILES = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


def path(weight: str = "normal") -> Path:
    return DIRECTORY / FILES[weight]


@cache
def register_with_vl_convert() -> None:
    """Let vl-convert measure chart text with the shipped font (once per process)."""
    import vl_convert as vlc

    vlc.register_font_directory(str(DIRECTORY))


def font_face_css() -> str:
    """`@font-face` rules naming the shipped files, for WeasyPrint (which is allowed to
    fetch these files and data URLs, nothing else)."""
    return "".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; '
        f'src: url("{path(weight).as_uri()}"); }}\n'
        for weight in FILES
    )
