"""The CLI raises the garbage collector's threshold while a command runs (start-up speed,
issue 17) and gives the caller's back: a notebook or test that runs `main` keeps its own.
The `pestle` process itself freezes its objects before it exits (its exit searches no cycles)."""

from __future__ import annotations

import gc

import pytest

from pestle.cli import GC_THRESHOLD, main


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
        assert seen == [GC_THRESHOLD]
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_the_threshold_comes_back_after_an_exit_too() -> None:
    before = gc.get_threshold()
    with pytest.raises(SystemExit):
        main(["--version"])
    assert gc.get_threshold() == before


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
