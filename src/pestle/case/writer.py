"""Write the two case files an analyst edits in the dashboard: judgments and scenarios.

The write side of `pestle.case`, kept beside its only reader:

- `judgments_text(case, edits)` / `save_judgments(case, edits)`: the judgments file with the
  edited AHP and DEMATEL matrices in place of the file's own;
- `scenarios_text(case, scenario)` / `save_scenario(case, scenario)`: the scenarios file with
  one more named scenario.

Each new text is round-tripped with ruamel.yaml, so the comments, key order and rationales of
the file stay as the analyst wrote them; a matrix row keeps its columns (an unchanged row is
its old line, byte for byte), so the saved file diffs against the old one cell by cell.
Before anything is written, the new text goes through the same loaders `Case` uses
(`load_judgments` + the AHP consistency check, `load_scenarios` against the case's
parameters): a bad edit is refused with the loader's file:line message, naming the case's
own file, and the file on disk is unchanged. A save writes a temporary file in the case
folder and renames it over the old one (atomic on POSIX), so no reader ever sees half a file.

The cases shipped inside the installed package are never written: `ReadOnlyCase`.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pestle.errors import InputError, ParseError, PestleError
from pestle.model.text import DEFAULT_LANGUAGE, case_language

if TYPE_CHECKING:
    from pestle.case import Case

SCENARIO_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")
MAX_DESCRIPTION = 2_000
# a judgment is written as Saaty's scale writes it (3, 1/3) when it is within this of one
SAATY_TOLERANCE = 1e-9


class ReadOnlyCase(PestleError):
    """The case cannot be written (a case shipped inside the installed package)."""

    status_code = 409


class MatrixEdit(BaseModel):
    """One edited matrix: its labels and the rows of values in that order (None: not judged).
    For an AHP matrix the upper triangle is enough: the lower one is written as reciprocals."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    labels: tuple[str, ...]
    values: tuple[tuple[float | None, ...], ...]


class JudgmentEdits(BaseModel):
    """The matrices to write; a matrix left out keeps the file's own."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dimensions: MatrixEdit | None = None
    within: dict[str, MatrixEdit] = Field(default_factory=dict)
    dematel: MatrixEdit | None = None


class NewScenario(BaseModel):
    """A named scenario: its description and its `set:` entries, each a value it fixes (a
    number or a choice) or an override as the file writes it ({distribution, range, base})."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str = ""
    values: dict[str, float | str | dict[str, Any]] = Field(default_factory=dict)


# -- the YAML round trip ----------------------------------------------------------------------


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments, order and scalar styles are kept
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long rationale
    yaml.indent(mapping=2, sequence=4, offset=2)
    # a comparison not made is written `~`, as the case files write it (not `null`)
    yaml.representer.add_representer(
        type(None), lambda r, _d: r.represent_scalar("tag:yaml.org,2002:null", "~")
    )
    return yaml


def _load(text: str, path: Path) -> Any:
    try:
        return _yaml().load(text)
    except Exception as exc:  # the loader below reports a broken file at its line
        raise ParseError(f"not valid YAML ({exc.__class__.__name__})", path) from None


def _dump(data: Any, original: str) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return _align_rows(out.getvalue(), original)


_ROW = re.compile(
    r"^(?P<indent>\s+)(?P<key>[A-Za-z0-9_]+):(?P<gap>\s*)\[(?P<cells>[^\]\[#]*)\]\s*$"
)


def _layout(line: str) -> tuple[int, list[int]] | None:
    """Where a written matrix row puts its '[' and how wide each cell's slot is."""
    m = _ROW.match(line)
    if m is None:
        return None
    content = m.group("cells")
    starts = [0] + [
        k + 1 + (len(content[k + 1 :]) - len(content[k + 1 :].lstrip()))
        for k, ch in enumerate(content)
        if ch == ","
    ]
    slots = [b - a for a, b in itertools.pairwise([*starts, len(content)])]
    return m.start("cells") - 1, slots


def _align_rows(text: str, original: str) -> str:
    """Matrix rows (`key: [a, b, c]` lines in a run at one indent) lined up as the original
    file lines them up, so that a saved file diffs against the old one cell by cell: a row
    left as it was is its original line; an edited row keeps the original columns when its
    cells fit them, else the run is lined up afresh."""
    before: dict[tuple[str, str], str] = {}
    for line in original.split("\n"):
        m = _ROW.match(line)
        if m:
            before.setdefault((m.group("indent"), m.group("key")), line)
    out: list[str] = []
    run: list[re.Match[str]] = []

    def cells_of(m: re.Match[str]) -> list[str]:
        return [c.strip() for c in m.group("cells").split(",")]

    def fits(m: re.Match[str], layout: tuple[int, list[int]] | None) -> str | None:
        if layout is None:
            return None
        bracket, slots = layout
        cells = cells_of(m)
        head = f"{m.group('indent')}{m.group('key')}:"
        if len(slots) != len(cells) or len(head) + 1 > bracket:
            return None
        parts = [f"{c}," if k < len(cells) - 1 else c for k, c in enumerate(cells)]
        if any(
            len(p) > slot - (k < len(parts) - 1)
            for k, (p, slot) in enumerate(zip(parts, slots, strict=True))
        ):
            return None
        return (
            head.ljust(bracket)
            + "["
            + "".join(p.ljust(s) for p, s in zip(parts, slots, strict=True))
            + "]"
        )

    def flush() -> None:
        kept = []
        for m in run:
            old = before.get((m.group("indent"), m.group("key")))
            old_m = _ROW.match(old) if old else None
            if old_m is not None and cells_of(old_m) == cells_of(m):
                kept.append(old)
            else:
                kept.append(fits(m, _layout(old) if old else None))
        if all(k is not None for k in kept) or len(run) < 2:
            out.extend(k if k is not None else m.group(0) for k, m in zip(kept, run, strict=True))
        else:
            cells = [cells_of(m) for m in run]
            width = max(len(m.group("key")) for m in run) + 1
            ncols = max(len(c) for c in cells)
            cols = [max(len(r[k]) for r in cells if k < len(r)) for k in range(ncols)]
            for m, row in zip(run, cells, strict=True):
                padded = [
                    f"{c},".ljust(cols[k] + 2) if k < len(row) - 1 else c.ljust(cols[k])
                    for k, c in enumerate(row)
                ]
                key = f"{m.group('key')}:".ljust(width)
                out.append(f"{m.group('indent')}{key} [{''.join(padded)}]".rstrip())
        run.clear()

    for line in text.split("\n"):
        m = _ROW.match(line)
        if m and (not run or run[0].group("indent") == m.group("indent")):
            run.append(m)
            continue
        flush()
        if m:
            run.append(m)
        else:
            out.append(line)
    flush()
    return "\n".join(out)


def _scalar(value: float | None, *, reciprocal_style: bool) -> Any:
    """A judgment as the file writes it: 3, 1/3 (Saaty's scale), 2.5, or None (`~`)."""
    if value is None:
        return None
    if reciprocal_style and 0 < value < 1:
        inverse = 1 / value
        if abs(inverse - round(inverse)) < SAATY_TOLERANCE * inverse:
            return f"1/{round(inverse)}"
        frac = Fraction(value).limit_denominator(100)
        if abs(float(frac) - value) < SAATY_TOLERANCE:
            return f"{frac.numerator}/{frac.denominator}"
    if abs(value - round(value)) < SAATY_TOLERANCE:
        return round(value)
    return float(value)


def _flow(items: Sequence[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


# -- judgments --------------------------------------------------------------------------------


def _ordered(edit: MatrixEdit, labels: Sequence[str], where: str) -> list[list[float | None]]:
    """The edit's values in the order of the file's labels (a browser may send any order)."""
    if sorted(edit.labels) != sorted(labels) or len(edit.labels) != len(labels):
        raise InputError(
            f"{where}: the labels {list(edit.labels)} are not the file's {list(labels)}",
            parameter=where,
        )
    n = len(labels)
    if len(edit.values) != n or any(len(row) != n for row in edit.values):
        raise InputError(f"{where}: expected {n} rows of {n} values", parameter=where)
    at = {label: k for k, label in enumerate(edit.labels)}
    return [[edit.values[at[a]][at[b]] for b in labels] for a in labels]


def _pairwise_rows(values: list[list[float | None]]) -> list[list[Any]]:
    """Rows of an AHP matrix from its upper triangle: 1 on the diagonal, reciprocals below."""
    n = len(values)
    rows: list[list[Any]] = []
    for i in range(n):
        row: list[Any] = []
        for j in range(n):
            if i == j:
                row.append(1)
            elif i < j:
                row.append(_scalar(values[i][j], reciprocal_style=True))
            else:
                upper = values[j][i]
                row.append(None if not upper else _scalar(1 / upper, reciprocal_style=True))
        rows.append(row)
    return rows


def _set_rows(block: Any, rows: list[list[Any]], where: str, path: Path) -> None:
    if not isinstance(block, CommentedMap) or not isinstance(block.get("rows"), CommentedMap):
        raise ParseError(f"{where}: the file has no rows to replace", path)
    labels = list(block["labels"])
    for label, row in zip(labels, rows, strict=True):
        block["rows"][label] = _flow(row)


def judgments_text(case: Case, edits: JudgmentEdits) -> str:
    """The case's judgments file with `edits` in place of its matrices, checked as `Case`
    would read it (structure, rationales, reciprocals, AHP consistency)."""
    path = _file(case, "judgments")
    original = path.read_text(encoding="utf-8")
    data = _load(original, path)
    ahp = data.get("ahp") if isinstance(data, CommentedMap) else None
    if not isinstance(ahp, CommentedMap):
        raise ParseError("the judgments file has no 'ahp' block", path)
    if edits.dimensions is not None:
        block = ahp["dimensions"]
        values = _ordered(edits.dimensions, list(block["labels"]), "ahp.dimensions")
        _set_rows(block, _pairwise_rows(values), "ahp.dimensions", path)
    for dimension, edit in edits.within.items():
        block = (ahp.get("within") or {}).get(dimension)
        if block is None:
            raise InputError(
                f"ahp.within.{dimension}: the judgments file has no such matrix",
                parameter="ahp.within",
            )
        where = f"ahp.within.{dimension}"
        values = _ordered(edit, list(block["labels"]), where)
        _set_rows(block, _pairwise_rows(values), where, path)
    if edits.dematel is not None:
        block = data.get("dematel")
        values = _ordered(edits.dematel, list(block["labels"]), "dematel")
        rows = [[_scalar(v or 0.0, reciprocal_style=False) for v in row] for row in values]
        _set_rows(block, rows, "dematel", path)
    text = _dump(data, original)
    _checked(text, path, _read_judgments, case.language)
    return text


def _read_judgments(path: Path) -> None:
    from pestle.analysis.ahp import check_judgments
    from pestle.case.judgments_file import load_judgments

    check_judgments(load_judgments(path))


def save_judgments(case: Case, edits: JudgmentEdits) -> Path:
    """Write `edits` into the case's judgments file (checked first; atomic). Returns the file."""
    _writable(case)
    path = _file(case, "judgments")
    return _replace(path, judgments_text(case, edits))


# -- scenarios --------------------------------------------------------------------------------


def scenarios_text(case: Case, scenario: NewScenario) -> str:
    """The case's scenarios file with `scenario` added, checked against the case's
    parameters as `Case` reads it. A name already in the file is refused."""
    if not SCENARIO_NAME.fullmatch(scenario.name):
        raise InputError(
            f"scenario name {scenario.name!r}: use lower-case letters, digits and '_', "
            "starting with a letter (at most 64)",
            parameter="name",
        )
    if len(scenario.description) > MAX_DESCRIPTION:
        raise InputError(
            f"the description is over {MAX_DESCRIPTION} characters", parameter="description"
        )
    path = _file(case, "scenarios")
    original = path.read_text(encoding="utf-8")
    data = _load(original, path)
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise ParseError("a scenarios file is a YAML mapping with 'scenarios:'", path, 1)
    block = data.setdefault("scenarios", CommentedMap())
    if block is None:
        block = data["scenarios"] = CommentedMap()
    if scenario.name in block:
        raise InputError(
            f"{path.name} already has a scenario {scenario.name!r}; choose another name",
            parameter="name",
        )
    entry = CommentedMap()
    entry["description"] = scenario.description.strip() or scenario.name
    if scenario.values:
        entry["set"] = CommentedMap((k, _setting(v)) for k, v in scenario.values.items())
    block[scenario.name] = entry
    text = _dump(data, original)
    parameters = case.parameters
    _checked(text, path, lambda p: _read_scenarios(p, parameters), case.language)
    return text


def _setting(value: float | str | dict[str, Any]) -> Any:
    """One `set:` entry as the scenarios file writes it."""
    if isinstance(value, dict):
        entry = CommentedMap()
        for key, item in value.items():
            if item is None:
                continue
            entry[key] = _flow(list(item)) if isinstance(item, list | tuple) else item
        return entry
    if isinstance(value, float):
        return _scalar(value, reciprocal_style=False)
    return value


def _read_scenarios(path: Path, parameters: Any) -> None:
    from pestle.case.parameters_file import load_scenarios

    load_scenarios(path, parameters)


def save_scenario(case: Case, scenario: NewScenario) -> Path:
    """Add `scenario` to the case's scenarios file (checked first; atomic). Returns the file."""
    _writable(case)
    path = _file(case, "scenarios")
    return _replace(path, scenarios_text(case, scenario))


# -- files ------------------------------------------------------------------------------------


def _file(case: Case, kind: str) -> Path:
    path = case.files()[kind]
    if not path:
        named = getattr(case.paths, kind)
        raise InputError(f"{named or case.folder / 'case.yaml'}: the case has no {kind} file")
    return path[0]


def package_folder() -> Path:
    """The folder of the installed pestle package (its shipped cases are read-only)."""
    import pestle

    return Path(pestle.__file__).resolve().parent


def is_read_only(case: Case) -> bool:
    """Whether saving into `case` is refused: it is shipped inside the installed package."""
    return Path(case.folder).resolve().is_relative_to(package_folder())


def _writable(case: Case) -> None:
    if is_read_only(case):
        raise ReadOnlyCase(
            f"case {case.id!r} is shipped with pestle and is not written; make your own copy "
            "with 'pestle init DIR' and serve that folder to save edits"
        )


def _checked(
    text: str, path: Path, read: Callable[[Path], None], language: str = DEFAULT_LANGUAGE
) -> None:
    """Run `read` on `text` as if it were `path`, with the case's `language` as `Case` reads
    its files (a text written per language must give it); its error names `path`, not the
    temporary file it was read from."""
    with tempfile.TemporaryDirectory(prefix="pestle-check-") as folder, case_language(language):
        trial = Path(folder) / path.name
        trial.write_text(text, encoding="utf-8")
        try:
            read(trial)
        except ParseError as exc:
            line = exc.line
            raise type(exc)(exc.problem, path, line, exc.col) from None
        except PestleError as exc:
            raise type(exc)(str(exc).replace(str(trial), str(path))) from None


def _replace(path: Path, text: str) -> Path:
    """Write `text` to `path` atomically: a temporary file beside it, then a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


__all__ = [
    "JudgmentEdits",
    "MatrixEdit",
    "NewScenario",
    "ReadOnlyCase",
    "is_read_only",
    "judgments_text",
    "save_judgments",
    "save_scenario",
    "scenarios_text",
]
