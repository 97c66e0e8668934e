"""The one way the CLI tests run a command in-process: exit code, stdout and stderr."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pestle.cli import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture()
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """`cli("sweep", "--grid", ...)` -> (exit code, stdout, stderr) of `pestle ...`."""

    def run(*args: str) -> tuple[int, str, str]:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run
