"""Docs cannot drift: every command has help text and appears in the README reference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from pestle.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    # typer vendors its own click, so groups are recognised by their `commands` mapping
    found: list[tuple[str, Any]] = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        found.append((full, command))
        if hasattr(command, "commands"):
            found.extend(_commands(command, prefix=f"{full} "))
    return found


COMMANDS = _commands(typer.main.get_command(app))  # type: ignore[arg-type]


def test_there_are_commands() -> None:
    assert {"extract", "demo"} <= {name for name, _ in COMMANDS}


def test_every_command_has_help() -> None:
    missing = [name for name, command in COMMANDS if not (command.help or "").strip()]
    assert missing == []


def test_every_command_is_in_the_readme_reference() -> None:
    missing = [name for name, _ in COMMANDS if f"`pestle {name}" not in README]
    assert missing == []


def test_readme_opens_with_the_two_setup_commands() -> None:
    head = "\n".join(README.splitlines()[:10])
    assert "make demo" in head and "make test" in head
