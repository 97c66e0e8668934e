"""The shipped chart font is taken from the system only when the system has the very same
files: Chromium finds it by its name (`local()`) only then, else from pestle's own files,
so the PDF prints chart text in the font vl-convert measured it with. `fonts.installed`
is tested with a stand-in `fc-list`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pestle.present import fonts


@pytest.fixture
def fc_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Install a stand-in `fc-list` printing the given (weight, width, slant, file) lines."""

    def install(lines: list[tuple[int, int, int, Path]] | None, status: int = 0) -> None:
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir(exist_ok=True)
        if lines is not None:
            out = "".join(f"{w}|{wd}|{s}|{f}\n" for w, wd, s, f in lines)
            script = bin_dir / "fc-list"
            script.write_text(f"#!/bin/sh\nprintf '%s' '{out}'\nexit {status}\n")
            script.chmod(0o755)
        monkeypatch.setenv("PATH", str(bin_dir))
        fonts.installed.cache_clear()

    yield install
    fonts.installed.cache_clear()


def _copy(tmp_path: Path, weight: str, name: str | None = None) -> Path:
    target = tmp_path / (name or fonts.FILES[weight])
    shutil.copyfile(fonts.path(weight), target)
    return target


def _faces(normal: Path, bold: Path) -> list[tuple[int, int, int, Path]]:
    return [(80, 100, 0, normal), (200, 100, 0, bold), (80, 87, 0, Path("/x/Condensed.ttf"))]


def test_the_same_files_are_installed(fc_list, tmp_path: Path) -> None:
    fc_list(_faces(_copy(tmp_path, "normal"), _copy(tmp_path, "bold")))
    assert fonts.installed()
    assert fonts.src("bold", "http://h/").startswith('local("DejaVu Sans Bold"), url(')


def test_another_version_is_not_the_shipped_font(fc_list, tmp_path: Path) -> None:
    changed = _copy(tmp_path, "normal")
    data = bytearray(changed.read_bytes())
    data[-1] ^= 1  # same size, one byte apart
    changed.write_bytes(bytes(data))
    fc_list(_faces(changed, _copy(tmp_path, "bold")))
    assert not fonts.installed()
    assert fonts.src("normal", "http://h/") == 'url("http://h/DejaVuSans.ttf")'


def test_a_missing_weight_or_two_candidates_are_not_enough(fc_list, tmp_path: Path) -> None:
    normal, bold = _copy(tmp_path, "normal"), _copy(tmp_path, "bold")
    fc_list([(80, 100, 0, normal)])
    assert not fonts.installed()
    other = _copy(tmp_path, "normal", "Other.ttf")
    fc_list([*_faces(normal, bold), (80, 100, 0, other)])  # which one would a lookup take?
    assert not fonts.installed()


def test_no_fontconfig_or_a_failing_one(fc_list, tmp_path: Path) -> None:
    fc_list(None)  # nothing called fc-list on PATH
    assert not fonts.installed()
    fc_list(_faces(_copy(tmp_path, "normal"), _copy(tmp_path, "bold")), status=1)
    assert not fonts.installed()
