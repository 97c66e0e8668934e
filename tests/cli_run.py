"""The one in-process run of the command line that the tests share.

A module of its own, not part of tests/conftest.py: several test folders have a conftest.py
imported under the same name, so `from conftest import ...` can find another folder's file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# What the `cli` fixture of tests/conftest.py gives: `cli(*args)` -> (exit code, stdout, stderr).
Run = Callable[..., tuple[int, str, str]]


def exit_code(args: Sequence[str]) -> int:
    """Run `pestle ARGS` in this process and return its exit code.

    The `cli` fixture reads what it printed from capsys; code that cannot take a
    function-scoped fixture (a module-scoped one) captures the output itself around this call.
    """
    # Imported here so that collecting the tests does not load the command line.
    from pestle.cli import main

    try:
        main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
