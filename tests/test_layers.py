"""The shape of the code that keeps one answer everywhere: the report reaches the analyses by
import, not by module-name strings; no string in the code names a particular case; the web
imports no report section; the presentation kit imports neither report nor web."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "pestle"


def _modules(*parts: str) -> list[Path]:
    return sorted(p for p in SRC.joinpath(*parts).rglob("*.py"))


def _names(path: Path) -> set[str]:
    """The names a module imports (`from m import a` -> a)."""
    return {
        a.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        for a in node.names
    }


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def _strings(path: Path) -> list[tuple[int, str]]:
    """String constants that are not docstrings, with their line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def test_the_report_imports_what_it_uses() -> None:
    for path in _modules("report"):
        text = path.read_text(encoding="utf-8")
        assert "import_module" not in text, path
        assert "MODULES" not in text and "not yet available" not in text, path


def test_no_string_in_the_code_names_a_particular_case() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}: {value!r}"
        for path in _modules()
        if "cases" not in path.relative_to(SRC).parts
        for line, value in _strings(path)
        if "xinjiang" in value.lower() or "urumqi" in value.lower()
    ]
    assert found == []


def test_no_comment_or_docstring_names_a_particular_case() -> None:
    # examples in comments use a made-up region ("Northland"): a case's facts live in its files
    found = [
        f"{path.relative_to(SRC)}:{n}"
        for path in _modules()
        if "cases" not in path.relative_to(SRC).parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if any(name in line.lower() for name in ("xinjiang", "urumqi", "kashgar", "horgos"))
    ]
    assert found == []


def test_the_web_imports_no_report_section_and_the_kit_neither_report_nor_web() -> None:
    for path in _modules("web"):
        assert not any(m.startswith("pestle.report.sections") for m in _imports(path)), path
    for path in _modules("present"):
        bad = [m for m in _imports(path) if m.startswith(("pestle.report", "pestle.web"))]
        assert bad == [], path


def test_surfaces_compute_through_the_results() -> None:
    # the CLI, report and web reach the analyses through pestle.results, not around it
    # (the what-if runs of the dashboard included); types may be imported for annotations
    runners = {"analyze_case", "compare_scenarios", "run_checks", "hierarchy", "dematel", "topsis"}
    for part in ("cli", "report", "web"):
        for path in _modules(part):
            assert not _names(path) & runners, (path, _names(path) & runners)
