"""`pestle.model` is types only: no model module imports a layer above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pestle.model

MODEL = Path(pestle.model.__file__).resolve().parent
FORBIDDEN = ("pestle.case", "pestle.analysis", "pestle.report", "pestle.web", "pestle.cli")


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports (top level, in functions, under TYPE_CHECKING)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the model package
                base = ".".join(["pestle", "model"][: 2 - (node.level - 1)])
                found.append((node.lineno, f"{base}.{node.module}" if node.module else base))
            elif node.module:
                found.append((node.lineno, node.module))
    return found


def test_model_modules_import_no_layer_above() -> None:
    modules = sorted(MODEL.rglob("*.py"))
    assert len(modules) >= 8
    bad = [
        f"{path.relative_to(MODEL)}:{line}: {name}"
        for path in modules
        for line, name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert bad == []


def test_the_check_sees_a_function_level_import(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("def f():\n    from pestle.analysis.ahp import ahp\n", encoding="utf-8")
    assert _imports(path) == [(2, "pestle.analysis.ahp")]


def test_errors_name_the_parameter_of_the_call() -> None:
    import pickle

    from pestle.errors import AnalysisError, CaseError, InputError, ParseError, PestleError

    assert PestleError("x").parameter is None
    error = InputError("samples must be between 1 and 10; got 0", parameter="samples")
    assert (str(error), error.parameter) == ("samples must be between 1 and 10; got 0", "samples")
    assert AnalysisError("a").parameter is None
    located = ParseError("bad", "f.yaml", 3, 4)  # positional signature as before
    assert (str(located), located.parameter) == ("f.yaml:3:4: bad", None)
    case_error = CaseError("bad", "case.yaml", 2, parameter="case")
    assert (str(case_error), case_error.parameter, case_error.line) == (
        "case.yaml:2: bad",
        "case",
        2,
    )
    assert str(pickle.loads(pickle.dumps(error))) == str(error)
