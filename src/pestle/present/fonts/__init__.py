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

import shutil
import subprocess
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


STYLES = {"normal": (80, 100, 0), "bold": (200, 100, 0)}  # fontconfig's weight, width, slant


@cache
def installed() -> bool:
    """Whether the system's fonts (as fontconfig lists them) hold the shipped files
    themselves, byte for byte, as the upright normal and bold faces of the family, and no
    other file for either: a font found by its name (Chromium's `local()`) then prints as
    the shipped one, which the charts were measured with. False where fontconfig cannot
    tell (no `fc-list`, as on Windows)."""
    found = _listed()
    for weight, style in STYLES.items():
        files = found.get(style, [])
        if len(files) != 1 or not _same(files[0], path(weight)):
            return False
    return True


def _listed() -> dict[tuple[int, int, int], list[str]]:
    """The family's files by (weight, width, slant), from `fc-list` ({} if it fails)."""
    program = shutil.which("fc-list")
    if program is None:
        return {}
    try:
        listed = subprocess.run(
            [program, "-f", "%{weight}|%{width}|%{slant}|%{file}\\n", FAMILY],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[tuple[int, int, int], list[str]] = {}
    for line in listed.splitlines():
        *style, file = line.split("|", 3)
        if len(style) == 3 and all(s.isdigit() for s in style) and file:
            found.setdefault((int(style[0]), int(style[1]), int(style[2])), []).append(file)
    return found


def _same(file: str, shipped: Path) -> bool:
    try:
        system = Path(file)
        return system.stat().st_size == shipped.stat().st_size and (
            system.read_bytes() == shipped.read_bytes()
        )
    except OSError:
        return False


FULL_NAMES = {"normal": "DejaVu Sans", "bold": "DejaVu Sans Bold"}  # as fontconfig knows them


def src(weight: str, base: str | None = None) -> str:
    """The `src` of a weight's `@font-face` rule: the shipped file's URL; with `base` (the
    address the files are served from), the same font installed on the system first when it
    is the very same files (`installed`), then the file under `base` (Chromium then neither
    reads nor checks the file for each part; WeasyPrint would fetch a local() font by its
    file URL, which its fetcher refuses)."""
    if base is None:
        return f'url("{path(weight).as_uri()}")'
    served = f'url("{base}{FILES[weight]}")'
    return f'local("{FULL_NAMES[weight]}"), {served}' if installed() else served


def font_face_css() -> str:
    """`@font-face` rules naming the shipped files, for WeasyPrint (which is allowed to
    fetch these files and data URLs, nothing else) and Chromium (`src` with a base)."""
    return "".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; src: {src(weight)}; }}\n'
        for weight in FILES
    )
