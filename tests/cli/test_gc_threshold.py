"""The CLI raises the garbage collector's threshold while a command runs (start-up speed,
issue 17) and gives the caller's back: a notebook or test that runs `main` keeps its own.
The `pestle` process itself freezes its objects before it exits (its exit searches no cycles)."""

from __future__ import annotations

import gc

import pytest

from pestle import collector
from pestle.cli import main


def test_a_command_runs_with_the_raised_threshold_and_restores_the_callers(monkeypatch) -> None:
    seen: list[tuple[int, int, int]] = []
    import pestle.cli as cli

    def app(**_: object) -> None:
        seen.append(gc.get_threshold())

    monkeypatch.setattr(cli, "app", app)
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        main(["check"])
        assert seen == [collector.THRESHOLD]
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_the_threshold_comes_back_after_an_exit_too() -> None:
    before = gc.get_threshold()
    with pytest.raises(SystemExit):
        main(["--version"])
    assert gc.get_threshold() == before


def test_nested_and_concurrent_blocks_restore_the_callers_threshold_once() -> None:
    """A build inside a command, or two builds on a server's threads: the threshold stays
    raised until the last block ends, then the caller's comes back."""
    import threading

    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    inside, release = threading.Event(), threading.Event()

    def other_build() -> None:
        with collector.seldom():
            inside.set()
            release.wait(10)

    try:
        with collector.seldom():
            worker = threading.Thread(target=other_build)
            worker.start()
            inside.wait(10)
            with collector.seldom():
                assert gc.get_threshold() == collector.THRESHOLD
        assert gc.get_threshold() == collector.THRESHOLD  # the other build still runs
        release.set()
        worker.join(10)
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        release.set()
        gc.set_threshold(*before)


def test_the_pestle_process_freezes_its_objects_before_exiting_and_a_caller_does_not(
    monkeypatch,
) -> None:
    import pestle.cli as cli

    monkeypatch.setattr(cli, "app", lambda **_: None)
    gc.unfreeze()
    try:
        main(["check"])  # a caller's run (a test, a notebook): its objects stay collectable
        assert gc.get_freeze_count() == 0
        main()  # the `pestle` command: the process ends next, its exit searches no cycles
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
