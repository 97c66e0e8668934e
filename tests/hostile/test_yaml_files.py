"""YAML bombs and deep nesting in every kind of case file: refused by the one YAML reader in
well under a second, with `file:line:col`, and by the CLI with one line and exit code 2.

Before the fix: billion laughs in parameters.yaml, scenarios.yaml or judgments.yaml ran for
minutes and took 1-3.6 GB (MemoryError or SIGABRT); 50,000 levels of nesting gave a
RecursionError traceback with exit code 1. Each case runs in a child process under an
address-space and CPU limit (bounded.py), so a regression fails the test, not the machine.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from . import bounded
from .texts import billion_laughs, deep_mappings, deep_sequences

# every kind of case file, and what reads it (a property of the loaded Case; None: loading)
FILES: dict[str, str | None] = {
    "case.yaml": None,
    "entities/economy.yaml": None,
    "factors.yaml": None,
    "sources/xinjiang_reference.yaml": None,
    "parameters.yaml": "parameters",
    "scenarios.yaml": "scenarios",
    "judgments.yaml": "judgments",
    "linkage.yaml": "linkage",
    "policy_measures.yaml": "policy_measures",
    "sources/capacity_history.yaml": "observed_capacity",
    "sources/production_plants.yaml": "production_plants",
}
HOSTILE = {
    "billion_laughs": billion_laughs(),
    "deep_sequences": deep_sequences(),
    "deep_mappings": deep_mappings(),
}
MEMORY = 1024 * 1024 * 1024  # the bombs took 1-3.6 GB before; a refusal needs a fraction

# In the child: load the case, then read the one file; print how long the read took and
# what it raised (the read alone is timed: interpreter start and imports are not the
# reader's cost).
READ = """
import json, sys, time
from pestle.case import load_case
from pestle.errors import PestleError
folder, attribute = sys.argv[1], sys.argv[2]
start = time.perf_counter()
try:
    case = load_case(folder)
    if attribute != "-":
        start = time.perf_counter()
        getattr(case, attribute)
    outcome = {"error": None}
except PestleError as exc:
    outcome = {"error": str(exc), "kind": type(exc).__name__}
outcome["seconds"] = time.perf_counter() - start
print(json.dumps(outcome))
"""


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize("name", sorted(FILES))
def test_a_hostile_case_file_is_refused_in_under_a_second(
    hostile_case: Path, name: str, kind: str
) -> None:
    path = hostile_case / name
    path.write_text(HOSTILE[kind], encoding="utf-8")
    ran = bounded.run(
        ["-c", READ, str(hostile_case), FILES[name] or "-"], memory=MEMORY, cpu=30, timeout=60
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    outcome = json.loads(ran.stdout)
    assert outcome["error"] is not None, "the hostile file was read"
    # one line naming the file, its line and column, and the bound it crossed
    assert outcome["error"].startswith(f"{path}:"), outcome
    assert "\n" not in outcome["error"]
    bound = "values once aliases are expanded" if kind == "billion_laughs" else "nested deeper"
    assert bound in outcome["error"], outcome
    assert outcome["seconds"] < 1.0, outcome


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("case.yaml", ("check",)),
        ("parameters.yaml", ("demand", "--samples", "10")),
        ("scenarios.yaml", ("demand", "--samples", "10")),
        ("judgments.yaml", ("analyze", "--samples", "10")),
    ],
)
@pytest.mark.parametrize("kind", ["billion_laughs", "deep_sequences"])
def test_the_cli_refuses_a_hostile_case_file_with_one_line_and_rc_2(
    hostile_case: Path, name: str, command: tuple[str, ...], kind: str
) -> None:
    path = hostile_case / name
    path.write_text(HOSTILE[kind], encoding="utf-8")
    ran = bounded.pestle(*command, str(hostile_case), memory=MEMORY, cpu=30, timeout=60)
    line = bounded.one_line_error(ran)
    assert line.startswith(f"error: {path}:"), line


def test_an_oversized_case_file_is_refused_before_it_is_parsed(hostile_case: Path) -> None:
    from pestle.case.yaml_lines import MAX_BYTES

    path = hostile_case / "parameters.yaml"
    path.write_text("# padding\n" * (MAX_BYTES // 10 + 1), encoding="utf-8")
    ran = bounded.pestle("demand", str(hostile_case), "--samples", "10", memory=MEMORY)
    line = bounded.one_line_error(ran)
    assert line == (
        f"error: {path}:1: {path.stat().st_size:,} bytes is over the limit of {MAX_BYTES:,} "
        "bytes for a case file"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [(".inf", ".inf"), ("-.inf", "-.inf"), (".nan", ".nan"), ("1e400", "1e400")],
)
def test_a_number_that_is_not_finite_is_refused_in_any_case_file(
    hostile_case: Path, value: str, shown: str
) -> None:
    # the same rule as the API and --set (pestle.model.number): finite numbers only
    from pestle.case import load_case
    from pestle.errors import ParseError

    path = hostile_case / "parameters.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    base: 0.643\n" in text
    path.write_text(text.replace("    base: 0.643\n", f"    base: {value}\n", 1), "utf-8")
    line = text[: text.index("    base: 0.643\n")].count("\n") + 1
    with pytest.raises(ParseError) as caught:
        load_case(hostile_case).parameters  # noqa: B018
    assert str(caught.value) == (
        f"{path}:{line}:11: malformed YAML: cannot read this value ({shown!r} is not a finite "
        "number (beyond ±1.8e308, or NaN))"
    )
