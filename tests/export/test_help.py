"""Every command's `--help` lists its --format choices, and `pestle --version` the version."""

from __future__ import annotations

import re

import pytest

import pestle
from pestle.cli import main

CHOICES = {
    ("extract",): ("json", "jsonl", "csv", "table", "xlsx"),
    ("check",): ("table", "json", "xlsx"),
    ("analyze",): ("table", "json", "xlsx"),
    ("demand",): ("table", "json", "xlsx"),
    ("report",): ("html", "pdf", "md", "docx"),
    ("db", "list"): ("table", "json"),
    ("db", "show"): ("table", "json"),
    ("db", "diff"): ("table", "json"),
    ("db", "export"): ("json", "csv", "xlsx"),
}


def _help(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", sorted(CHOICES))
def test_help_lists_the_format_choices(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    line = next(x for x in _help(capsys, *command).splitlines() if "--format" in x)
    listed = set(re.findall(r"[a-z]+", line.split("--format", 1)[1]))
    assert set(CHOICES[command]) <= listed, line


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"pestle {pestle.__version__}\n"
