"""`pestle report --watch`: a saved case file rebuilds the report; a broken one does not
touch it; the report's own folder inside the case does not trigger builds."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from case_edit import edit_line
from pestle.report.watch import Rebuild, watch_report

WAIT = 60.0  # seconds a build may take on a loaded CI machine
BLADE_RANGE = "range: [10, 14]"  # blade_mass_t_per_mw in parameters.yaml (unique line)


class Watcher:
    """watch_report in a thread, its builds on a queue."""

    def __init__(self, case: Path, out: Path) -> None:
        self.builds: queue.Queue[Rebuild] = queue.Queue()
        self.changes: list[tuple[Path, ...]] = []
        self.stop = threading.Event()
        self.ready = threading.Event()
        self.count: list[int] = []
        self.thread = threading.Thread(
            target=lambda: self.count.append(
                watch_report(
                    case,
                    out,
                    formats="md",
                    on_build=self.builds.put,
                    on_change=self.changes.append,
                    stop=self.stop,
                    ready=self.ready,
                )
            ),
            daemon=True,
        )
        self.thread.start()

    def next(self) -> Rebuild:
        return self.builds.get(timeout=WAIT)


@pytest.fixture
def watcher(case_copy: Path) -> Iterator[Watcher]:
    w = Watcher(case_copy, case_copy / "report")  # the report inside the watched folder
    yield w
    w.stop.set()
    w.thread.join(timeout=WAIT)


def test_a_saved_parameter_rebuilds_and_a_broken_file_keeps_the_last_report(
    watcher: Watcher, case_copy: Path
) -> None:
    first = watcher.next()
    assert first.error is None and first.changed == ()
    md = case_copy / "report" / "report.md"
    before = md.read_text(encoding="utf-8")
    assert watcher.ready.wait(WAIT)

    params = case_copy / "parameters.yaml"
    edit_line(params, BLADE_RANGE, "range: [10, 30]")
    second = watcher.next()
    assert second.error is None, second.error
    assert params in second.changed
    after = md.read_text(encoding="utf-8")
    assert after != before  # the wider blade-mass range moves the demand figures
    assert "10–30" in after and "10–30" not in before

    line = edit_line(params, "range: [10, 30]", "range: [10, 30")
    third = watcher.next()
    assert third.result is None
    # YAML notices the unclosed list where the next key starts: the line or the one after
    assert third.error is not None
    assert any(f"parameters.yaml:{n}:" in third.error for n in (line, line + 1)), third.error
    assert md.read_text(encoding="utf-8") == after  # the last good report stays

    edit_line(params, "range: [10, 30", BLADE_RANGE)
    fourth = watcher.next()
    assert fourth.error is None
    assert _undated(md.read_text(encoding="utf-8")) == _undated(before)

    # writing the report inside the case folder set off no build of its own
    time.sleep(1.0)
    assert watcher.builds.empty()
    assert all(case_copy / "report" not in p.parents for c in watcher.changes for p in c)


def _undated(md: str) -> str:
    """The report without its build time (what two builds of the same case differ by)."""
    return re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", "<built>", md)


def test_cli_watch_builds_rebuilds_and_stops_on_ctrl_c(case_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pestle",
            "report",
            str(case_copy),
            "--watch",
            "--quiet",
            "--format",
            "md",
            "--out",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PESTLE_PDF_WORKERS": "0"},
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()
        assert first == str((out / "report.md").resolve())
        time.sleep(1.0)  # the watcher starts right after the first build
        edit_line(case_copy / "parameters.yaml", BLADE_RANGE, "range: [10, 30]")
        assert proc.stdout.readline().strip() == first  # rebuilt: the paths again
        assert "10–30" in (out / "report.md").read_text(encoding="utf-8")
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=WAIT)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_cli_watch_refuses_a_bad_format_before_building(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pestle",
            "report",
            "--watch",
            "--format",
            "odt",
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert proc.returncode == 2
    assert "unknown format odt" in proc.stderr + proc.stdout
    assert not (tmp_path / "out").exists()


def test_a_removed_case_folder_ends_the_watch_with_an_error(
    case_copy: Path, tmp_path: Path
) -> None:
    import shutil

    from pestle.errors import InputError

    ready = threading.Event()
    outcome: list[BaseException | int] = []

    def run() -> None:
        try:
            outcome.append(
                watch_report(
                    case_copy, tmp_path / "out", formats="md", on_build=lambda b: None, ready=ready
                )
            )
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(WAIT)
    shutil.rmtree(case_copy)
    thread.join(timeout=WAIT)
    (result,) = outcome
    assert isinstance(result, InputError)
    assert "the case folder was removed; stopped watching it" in str(result)
