"""Read a case's judgments file into `pestle.model.judgment.Judgments`.

`load_judgments(path)` parses the file (with `pestle.case.yaml_lines`, the one YAML reader of
case files) and checks its structure: labels and rows of every matrix, a rationale for every
judgment, reciprocal pairwise cells, DEMATEL and TOPSIS cells in range. Every problem is a
`ParseError` naming the file, the line, the matrix and the cell, e.g.
`judgments.yaml:57: matrix 'dimensions' cell (political, economic) = 3 but (economic,
political) = 2; expected 1/3`.

Consistency (CR > 0.1) is an analysis, not a parse: `pestle.analysis.ahp.check_judgments`
refuses an inconsistent matrix at its line, from the lines kept in `Judgments.lines`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pestle.case.yaml_lines import LineDict, LineList, line_at, loads_yaml
from pestle.errors import AnalysisError, InputError, ParseError
from pestle.model.judgment import (
    FACTOR_ID,
    Judgments,
    PairwiseJudgments,
    dotted_key,
    within_name,
)
from pestle.model.matrices import JudgmentError

MAX_FILE_BYTES = 2_000_000

Loc = tuple[str | int, ...]


def load_judgments(path: str | Path) -> Judgments:
    """Read, validate and return a judgments file; every problem is a ParseError with file:line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read judgments file ({exc.strerror})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(f"{path}: judgments file is larger than {MAX_FILE_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: judgments file is not UTF-8 text") from None
    data = loads_yaml(text, path)
    if not isinstance(data, LineDict):
        raise ParseError(
            "a judgments file is a YAML mapping (illustrative, note, factors, ...)", path, 1
        )
    at = _Located(path, data)
    try:
        judgments = Judgments.model_validate({**data, "path": str(path), "lines": _lines(data)})
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = _data_loc(data, tuple(p for p in first["loc"] if isinstance(p, int | str)))
        raise at.error(loc, f"{_dotted(loc)}: {first['msg']}") from None
    for check in (_check_factors, _check_ahp, _check_dematel, _check_efe, _check_topsis):
        check(judgments, at)
    return judgments


# -- lines ------------------------------------------------------------------------------------


def _lines(raw: Any, loc: Loc = (), out: dict[str, int] | None = None) -> dict[str, int]:
    """Line of every key path of the YAML `raw`, by dotted key."""
    out = {} if out is None else out
    if isinstance(raw, LineDict):
        for key, value in raw.items():
            out[dotted_key((*loc, str(key)))] = raw.key_line(key) or 0
            _lines(value, (*loc, str(key)), out)
    elif isinstance(raw, LineList):
        for i, value in enumerate(raw):
            out[dotted_key((*loc, i))] = raw.item_line(i) or 0
            _lines(value, (*loc, i), out)
    return out


def _data_loc(raw: Any, loc: Loc) -> Loc:
    """`loc` without the parts pydantic adds that are not keys of the data (type tags)."""
    kept: list[str | int] = []
    node = raw
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(part, int):
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
        else:
            continue
        kept.append(part)
    return tuple(kept)


class _Located:
    """Turns a data path into file:line errors."""

    def __init__(self, path: Path, data: LineDict) -> None:
        self.path = path
        self.data = data

    def error(self, loc: Loc, message: str) -> ParseError:
        return ParseError(message, self.path, line_at(self.data, loc))


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _pair_key(why: dict[str, str], a: str, b: str) -> str | None:
    for key in (f"{a} vs {b}", f"{b} vs {a}"):
        if key in why:
            return key
    return None


# -- checks -----------------------------------------------------------------------------------


def _check_pairwise(
    at: _Located, loc: Loc, name: str, spec: PairwiseJudgments, expected: tuple[str, ...]
) -> None:
    if sorted(spec.labels) != sorted(expected) or len(spec.labels) != len(expected):
        raise at.error(
            (*loc, "labels"),
            f"matrix '{name}' labels {list(spec.labels)} must be exactly {list(expected)}",
        )
    if list(spec.rows) != list(spec.labels):
        raise at.error(
            (*loc, "rows"),
            f"matrix '{name}' rows {list(spec.rows)} must follow the labels {list(spec.labels)}",
        )
    for label, row in spec.rows.items():
        if len(row) != len(spec.labels):
            raise at.error(
                (*loc, "rows", label),
                f"matrix '{name}' row '{label}' has {len(row)} entries, "
                f"expected {len(spec.labels)} (one per label)",
            )
    try:
        matrix = spec.matrix(name)
    except JudgmentError as exc:
        cell_loc = (
            loc if exc.cell is None else (*loc, "rows", exc.cell[0], spec.labels.index(exc.cell[1]))
        )
        raise at.error(cell_loc, str(exc)) from None
    used: set[str] = set()
    a = matrix.judgments()
    for i, x in enumerate(spec.labels):
        for j in range(i + 1, len(spec.labels)):
            y = spec.labels[j]
            key = _pair_key(spec.why, x, y)
            if key is None and a[i, j] == a[i, j]:  # not NaN: the pair was judged
                raise at.error(
                    (*loc, "rows", x, j),
                    f"matrix '{name}' judgment ({x}, {y}) has no rationale; "
                    f"add why: {{'{x} vs {y}': '...'}} tied to evidence",
                )
            if key is not None:
                used.add(key)
    for key in spec.why:
        if key not in used:
            raise at.error(
                (*loc, "why", key),
                f"matrix '{name}' rationale '{key}' names no judged pair "
                "(write 'a vs b' with two labels of the matrix)",
            )


def _check_factors(j: Judgments, at: _Located) -> None:
    for factor_id in j.factors:
        if not FACTOR_ID.fullmatch(factor_id):
            raise at.error(
                ("factors", factor_id),
                f"factor id '{factor_id}' must be lower-case letters, digits and underscores",
            )
    if j.illustrative and "illustrative" not in j.note.lower():
        raise at.error(("note",), "an illustrative judgments file must say so in its note")


def _check_ahp(j: Judgments, at: _Located) -> None:
    dims = j.dimensions()
    _check_pairwise(at, ("ahp", "dimensions"), "dimensions", j.ahp.dimensions, dims)
    for d in j.ahp.within:
        if d not in dims:
            raise at.error(("ahp", "within", d), f"ahp.within.{d}: no factor has dimension '{d}'")
    for d in dims:
        members = j.factors_of(d)
        if d in j.ahp.within:
            _check_pairwise(at, ("ahp", "within", d), within_name(d), j.ahp.within[d], members)
        elif len(members) > 1:
            raise at.error(
                ("ahp", "within"),
                f"dimension '{d}' has {len(members)} factors {list(members)} but no pairwise "
                f"matrix under ahp.within.{d}",
            )


def _check_dematel(j: Judgments, at: _Located) -> None:
    ids, inf = j.factor_ids(), j.dematel
    if list(inf.labels) != list(ids):
        raise at.error(
            ("dematel", "labels"),
            "matrix 'dematel' labels must list every factor in the order of 'factors': "
            f"{list(ids)}",
        )
    if list(inf.rows) != list(inf.labels):
        raise at.error(("dematel", "rows"), f"matrix 'dematel' rows must follow {list(ids)}")
    for label, row in inf.rows.items():
        if len(row) != len(ids):
            raise at.error(
                ("dematel", "rows", label),
                f"matrix 'dematel' row '{label}' has {len(row)} entries, expected {len(ids)}",
            )
        if any(row) and not inf.why.get(label):
            raise at.error(
                ("dematel", "rows", label),
                f"matrix 'dematel' row '{label}' has no rationale; add why.{label}",
            )
    for key in inf.why:
        if key not in inf.rows:
            raise at.error(("dematel", "why", key), f"matrix 'dematel' has no row '{key}'")
    try:
        inf.matrix()
    except JudgmentError as exc:
        loc: Loc = ("dematel",)
        if exc.cell is not None:
            loc = ("dematel", "rows", exc.cell[0], inf.labels.index(exc.cell[1]))
        raise at.error(loc, str(exc)) from None


def _check_efe(j: Judgments, at: _Located) -> None:
    ids = j.factor_ids()
    missing = [f for f in ids if f not in j.efe]
    extra = [f for f in j.efe if f not in ids]
    if missing:
        raise at.error(("efe",), f"efe has no rating for the factor(s) {missing}")
    if extra:
        raise at.error(("efe", extra[0]), f"efe rates unknown factor(s) {extra}")


def _check_topsis(j: Judgments, at: _Located) -> None:
    t = j.topsis
    if list(t.rows) != list(t.alternatives):
        raise at.error(
            ("topsis", "rows"), f"topsis rows must follow the alternatives {list(t.alternatives)}"
        )
    criteria = list(t.criteria)
    for alt, row in t.rows.items():
        if len(row) != len(criteria):
            raise at.error(
                ("topsis", "rows", alt),
                f"topsis row '{alt}' has {len(row)} scores, expected {len(criteria)} ({criteria})",
            )
        for c in criteria:
            if not t.why.get(alt, {}).get(c):
                raise at.error(
                    ("topsis", "rows", alt, criteria.index(c)),
                    f"topsis score ({alt}, {c}) has no rationale; add why.{alt}.{c}",
                )
    for alt, reasons in t.why.items():
        unknown = [k for k in (alt, *reasons) if k not in (*t.alternatives, *criteria)]
        if unknown:
            raise at.error(("topsis", "why", alt), f"topsis why names unknown {unknown}")
    try:
        t.decision_matrix()
    except AnalysisError as exc:
        raise at.error(("topsis",), str(exc)) from None


__all__ = ["MAX_FILE_BYTES", "load_judgments"]
