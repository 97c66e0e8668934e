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


FULL_NAMES = {"normal": "DejaVu Sans", "bold": "DejaVu Sans Bold"}  # as fontconfig knows them


def src(weight: str, base: str | None = None) -> str:
    """The `src` of a weight's `@font-face` rule: the shipped file's URL; with `base` (the
    address the files are served from), the same font installed on the system first, then
    the file under `base` (Chromium then neither reads nor checks the file for each part;
    WeasyPrint would fetch a local() font by its file URL, which its fetcher refuses)."""
    if base is None:
        return f'url("{path(weight).as_uri()}")'
    return f'local("{FULL_NAMES[weight]}"), url("{base}{FILES[weight]}")'


def font_face_css() -> str:
    """`@font-face` rules naming the shipped files, for WeasyPrint (which is allowed to
    fetch these files and data URLs, nothing else) and Chromium (`src` with a base)."""
    return "".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; src: {src(weight)}; }}\n'
        for weight in FILES
    )
