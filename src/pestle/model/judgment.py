"""Analyst judgments of a case: pairwise (AHP) matrices, the DEMATEL influence matrix, EFE
ratings and the TOPSIS decision matrix, each judgment with a one-line rationale.

The file is YAML a person edits as rows of numbers under labels; fractions such as 1/3 are
allowed and ~ (or 0) marks a missing pairwise comparison:

    ahp:
      dimensions:
        labels: [political, economic, social]
        rows:
          political: [1,   2, 3]
          economic:  [1/2, 1, 2]
          social:    [1/3, ~, 1]
        why:
          political vs economic: "..."

`load_judgments(path)` reads and checks the file; every problem is a ParseError naming the
file, the line (from the YAML node marks), the matrix and the cell, e.g.
`judgments.yaml:57: matrix 'dimensions' cell (political, economic) = 3 but (economic,
political) = 2; expected 1/3`. Inconsistent AHP matrices (CR > 0.1) are refused the same way.
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from pestle.case.yaml_lines import loads_yaml
from pestle.errors import AnalysisError, InputError, ParseError

if TYPE_CHECKING:
    from pestle.analysis.ahp import PairwiseMatrix
    from pestle.analysis.dematel import InfluenceMatrix
    from pestle.analysis.efe import EfeMatrix
    from pestle.analysis.topsis import DecisionMatrix

DIMENSIONS: tuple[str, ...] = (
    "political",
    "economic",
    "social",
    "technological",
    "legal",
    "environmental",
)
Dimension = Literal["political", "economic", "social", "technological", "legal", "environmental"]
FactorKind = Literal["opportunity", "threat"]
MAX_FILE_BYTES = 2_000_000
FACTOR_ID = re.compile(r"[a-z0-9_]+")


def _number(value: Any) -> Any:
    """A judgment as written: 3, 0.5, "1/3", "2.5" -> float; ~ -> None."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number (YAML reads yes/no/true/false as booleans)")
    if value is None:
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return float(Fraction(text))
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{value!r} is not a number or a fraction like 1/3") from None
    return value


Judgment = Annotated[float | None, BeforeValidator(_number)]
Score = Annotated[float, BeforeValidator(_number)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Factor(_Frozen):
    name: str
    dimension: Dimension
    kind: FactorKind
    evidence: str = Field(min_length=1)


class PairwiseJudgments(_Frozen):
    """One AHP matrix: rows[label] = the row of judgments, why['a vs b'] = the rationale."""

    rationale: str = Field(min_length=1)
    labels: tuple[str, ...]
    rows: dict[str, tuple[Judgment, ...]]
    why: dict[str, str] = Field(default_factory=dict)

    def values(self) -> tuple[tuple[float | None, ...], ...]:
        return tuple(self.rows[label] for label in self.labels)

    def matrix(self, name: str) -> PairwiseMatrix:
        from pestle.analysis.ahp import PairwiseMatrix

        return PairwiseMatrix(name=name, labels=self.labels, values=self.values())


RandomIndexName = Literal["saaty1980", "saaty2005"]


class AhpJudgments(_Frozen):
    random_index: RandomIndexName = "saaty1980"
    dimensions: PairwiseJudgments
    within: dict[str, PairwiseJudgments] = Field(default_factory=dict)


class InfluenceJudgments(_Frozen):
    """DEMATEL direct influence: rows[factor] = its influence on each factor (0..4)."""

    rationale: str = Field(min_length=1)
    scale: str
    labels: tuple[str, ...]
    rows: dict[str, tuple[Score, ...]]
    why: dict[str, str] = Field(default_factory=dict)

    def matrix(self, name: str = "dematel") -> InfluenceMatrix:
        from pestle.analysis.dematel import InfluenceMatrix

        return InfluenceMatrix(
            name=name, labels=self.labels, values=tuple(self.rows[x] for x in self.labels)
        )


class EfeRating(_Frozen):
    rating: int = Field(ge=1, le=4)
    why: str = Field(min_length=1)


class CriterionJudgment(_Frozen):
    kind: Literal["benefit", "cost"]
    weight: float = Field(ge=0)
    scale: str
    stated_input: bool = False  # a placeholder until a model supplies the figure
    why: str = Field(min_length=1)


class TopsisJudgments(_Frozen):
    rationale: str = Field(min_length=1)
    alternatives: tuple[str, ...]
    criteria: dict[str, CriterionJudgment]
    rows: dict[str, tuple[Score, ...]]
    why: dict[str, dict[str, str]] = Field(default_factory=dict)

    def decision_matrix(self, name: str = "segments") -> DecisionMatrix:
        from pestle.analysis.topsis import Criterion, DecisionMatrix

        return DecisionMatrix(
            name=name,
            alternatives=self.alternatives,
            criteria=tuple(
                Criterion(id=c, kind=spec.kind, weight=spec.weight)
                for c, spec in self.criteria.items()
            ),
            values=tuple(self.rows[a] for a in self.alternatives),
        )


class Judgments(_Frozen):
    """Every analyst judgment of one case (see the module docstring for the file layout)."""

    illustrative: bool
    note: str = Field(min_length=1)
    factors: dict[str, Factor]
    ahp: AhpJudgments
    dematel: InfluenceJudgments
    efe: dict[str, EfeRating]
    topsis: TopsisJudgments
    path: str | None = None

    def factor_ids(self) -> tuple[str, ...]:
        return tuple(self.factors)

    def dimensions(self) -> tuple[str, ...]:
        """Dimensions that have at least one factor, in the canonical PESTLE order."""
        used = {f.dimension for f in self.factors.values()}
        return tuple(d for d in DIMENSIONS if d in used)

    def factors_of(self, dimension: str) -> tuple[str, ...]:
        return tuple(k for k, f in self.factors.items() if f.dimension == dimension)

    def dimension_matrix(self) -> PairwiseMatrix:
        return self.ahp.dimensions.matrix("dimensions")

    def within_matrices(self) -> dict[str, PairwiseMatrix]:
        """One matrix per dimension; a dimension with a single factor gets the 1 x 1 matrix."""
        from pestle.analysis.ahp import PairwiseMatrix

        out: dict[str, PairwiseMatrix] = {}
        for d in self.dimensions():
            if d in self.ahp.within:
                out[d] = self.ahp.within[d].matrix(within_name(d))
            else:
                (only,) = self.factors_of(d)
                out[d] = PairwiseMatrix(name=within_name(d), labels=(only,), values=((1.0,),))
        return out

    def influence_matrix(self) -> InfluenceMatrix:
        return self.dematel.matrix("dematel")

    def decision_matrix(self) -> DecisionMatrix:
        return self.topsis.decision_matrix("segments")

    def efe_matrix(self, weights: dict[str, float]) -> EfeMatrix:
        """The EFE matrix with the given factor weights (normally the AHP global weights)."""
        from pestle.analysis.efe import efe_matrix

        return efe_matrix(
            "efe",
            weights,
            {f: r.rating for f, r in self.efe.items()},
            {f: spec.kind for f, spec in self.factors.items()},
        )


def within_name(dimension: str) -> str:
    return f"factors:{dimension}"


# ---------------------------------------------------------------- loading with line numbers

Path_ = tuple[str | int, ...]


def _marks(
    node: yaml.Node, path: Path_ = (), out: dict[Path_, tuple[int, int]] | None = None
) -> dict[Path_, tuple[int, int]]:
    """Map every data path (mapping keys, list indexes) to the (line, column) of its node."""
    out = {} if out is None else out
    out[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if key.value in seen:
                raise _DuplicateKey(key.value, key.start_mark.line + 1)
            seen.add(key.value)
            _marks(value, (*path, key.value), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _marks(item, (*path, i), out)
    return out


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int) -> None:
        self.key = key
        self.line = line


class _Located:
    """Turns a data path into file:line errors."""

    def __init__(self, path: Path, marks: dict[Path_, tuple[int, int]]) -> None:
        self.path = path
        self.marks = marks

    def where(self, loc: Path_) -> tuple[int | None, int | None]:
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.marks:
                return self.marks[loc[:end]]
        return None, None

    def error(self, loc: Path_, message: str) -> ParseError:
        line, _ = self.where(loc)
        return ParseError(message, self.path, line)


def _dotted(loc: Path_) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _pair_key(why: dict[str, str], a: str, b: str) -> str | None:
    for key in (f"{a} vs {b}", f"{b} vs {a}"):
        if key in why:
            return key
    return None


def _check_pairwise(
    at: _Located,
    loc: Path_,
    name: str,
    spec: PairwiseJudgments,
    expected: tuple[str, ...],
    random_index: RandomIndexName,
) -> None:
    from pestle.analysis.ahp import JudgmentError, ahp, worst_triad

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
        raise at.error(cell_loc, str(exc)) from exc
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
    try:
        ahp(matrix, random_index_table=random_index)
    except AnalysisError as exc:
        triad = worst_triad(matrix)
        row = triad.items[0] if triad else spec.labels[0]
        raise at.error((*loc, "rows", row), str(exc)) from exc


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
    ri = j.ahp.random_index
    _check_pairwise(at, ("ahp", "dimensions"), "dimensions", j.ahp.dimensions, dims, ri)
    for d in j.ahp.within:
        if d not in dims:
            raise at.error(("ahp", "within", d), f"ahp.within.{d}: no factor has dimension '{d}'")
    for d in dims:
        members = j.factors_of(d)
        if d in j.ahp.within:
            _check_pairwise(at, ("ahp", "within", d), within_name(d), j.ahp.within[d], members, ri)
        elif len(members) > 1:
            raise at.error(
                ("ahp", "within"),
                f"dimension '{d}' has {len(members)} factors {list(members)} but no pairwise "
                f"matrix under ahp.within.{d}",
            )


def _check_dematel(j: Judgments, at: _Located) -> None:
    from pestle.analysis.ahp import JudgmentError

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
        loc: Path_ = ("dematel",)
        if exc.cell is not None:
            loc = ("dematel", "rows", exc.cell[0], inf.labels.index(exc.cell[1]))
        raise at.error(loc, str(exc)) from exc


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
        raise at.error(("topsis",), str(exc)) from exc


def _check(j: Judgments, at: _Located) -> None:
    for check in (_check_factors, _check_ahp, _check_dematel, _check_efe, _check_topsis):
        check(j, at)


def load_judgments(path: str | Path) -> Judgments:
    """Read, validate and return a judgments file; every problem is a ParseError with file:line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read judgments file ({exc.strerror})") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(f"{path}: judgments file is larger than {MAX_FILE_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: judgments file is not UTF-8 text") from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ParseError(f"not valid YAML: {exc.problem or exc}", path, line) from exc
    except yaml.YAMLError as exc:
        raise ParseError(f"not valid YAML: {' '.join(str(exc).split())}", path) from exc
    if not isinstance(node, yaml.MappingNode):
        raise ParseError(
            "a judgments file is a YAML mapping (illustrative, note, factors, ...)", path, 1
        )
    try:
        marks = _marks(node)
    except _DuplicateKey as dup:
        raise ParseError(
            f"'{dup.key}' appears twice in the same mapping; YAML would keep only the last one",
            path,
            dup.line,
        ) from None
    # values as the case loader reads them: a date stays text (`2024-13-45` is not a crash),
    # a tag PyYAML cannot convert is a ParseError at its line
    data = loads_yaml(text, path)
    at = _Located(path, marks)
    try:
        judgments = Judgments.model_validate({**data, "path": str(path)})
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(p for p in first["loc"] if isinstance(p, int | str))
        # drop pydantic's type tags (e.g. 'function-before[...]', 'float') absent from the data
        data_loc: list[str | int] = []
        for part in loc:
            if (*data_loc, part) in at.marks or isinstance(part, int):
                data_loc.append(part)
        raise at.error(tuple(data_loc), f"{_dotted(tuple(data_loc))}: {first['msg']}") from exc
    _check(judgments, at)
    return judgments
