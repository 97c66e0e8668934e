"""Model parameters with their uncertainty, provenance and named scenarios.

A `Parameter` is one input of a model: a value with a unit, a distribution (fixed, uniform or
triangular on a stated range), and where it comes from: a `source`, or `assumption: true` with
a `reason` when the literature gives no figure. Categorical settings (an aggregation rule, a
method) are parameters too: a string `base` chosen among `choices`, always fixed.

`load_parameters(path)` and `load_scenarios(path)` read the YAML files of a case; every
problem is reported as one line naming the file and line (from the YAML node marks).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pestle.errors import InputError, ParseError

Distribution = Literal["fixed", "uniform", "triangular"]
Value = float | str


class Parameter(BaseModel):
    """One model input: value, unit, distribution and provenance."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    unit: str
    distribution: Distribution = "fixed"
    base: Value = Field(description="value used when fixed; the mode of a triangular")
    range: tuple[float, float] | None = Field(
        default=None, description="support of uniform / triangular; informative when fixed"
    )
    choices: tuple[str, ...] | None = Field(
        default=None, description="allowed values of a categorical parameter"
    )
    source: str | None = None
    assumption: bool = False
    reason: str | None = Field(default=None, description="why the assumption and its range")
    quality: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Parameter:
        if self.assumption and not (self.reason or "").strip():
            raise ValueError("an assumption needs a 'reason'")
        if not self.assumption and not (self.source or "").strip():
            raise ValueError("give a 'source', or 'assumption: true' with a 'reason'")
        if isinstance(self.base, str):
            if not self.choices:
                raise ValueError(f"base {self.base!r} is text: list the allowed 'choices'")
            if self.base not in self.choices:
                raise ValueError(f"base {self.base!r} is not one of {list(self.choices)}")
            if self.distribution != "fixed":
                raise ValueError("a categorical parameter is always 'fixed'")
            return self
        if self.choices is not None:
            raise ValueError("'choices' is only for a text (categorical) base")
        if not math.isfinite(self.base):
            raise ValueError("base must be a finite number")
        if self.distribution != "fixed" and self.range is None:
            raise ValueError(f"a {self.distribution} parameter needs a 'range' [low, high]")
        if self.range is not None:
            low, high = self.range
            if not (math.isfinite(low) and math.isfinite(high)) or low > high:
                raise ValueError(f"range [{low}, {high}] must be finite with low <= high")
            if self.distribution != "fixed" and low == high:
                raise ValueError(f"range [{low}, {high}] is empty: use distribution 'fixed'")
            if self.distribution != "fixed" and not low <= self.base <= high:
                raise ValueError(f"base {self.base} lies outside range [{low}, {high}]")
        return self

    # -- queries ------------------------------------------------------------------------
    @property
    def categorical(self) -> bool:
        return isinstance(self.base, str)

    @property
    def uncertain(self) -> bool:
        return self.distribution != "fixed"

    @property
    def value(self) -> Value:
        """The fixed value (the base); for an uncertain parameter, its base case."""
        return self.base

    @property
    def support(self) -> tuple[float, float]:
        """Smallest and largest value a sample can take."""
        if isinstance(self.base, str):
            raise TypeError(f"{self.name} is categorical")
        if self.distribution == "fixed" or self.range is None:
            return (float(self.base), float(self.base))
        return (float(self.range[0]), float(self.range[1]))

    @property
    def mean(self) -> float:
        if isinstance(self.base, str):
            raise TypeError(f"{self.name} is categorical")
        low, high = self.support
        if self.distribution == "uniform":
            return (low + high) / 2
        if self.distribution == "triangular":
            return (low + high + float(self.base)) / 3
        return float(self.base)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        """Inverse CDF: map uniform draws in [0, 1] to values of this parameter."""
        if isinstance(self.base, str):
            raise TypeError(f"{self.name} is categorical")
        u = np.asarray(u, dtype=float)
        low, high = self.support
        if self.distribution == "fixed":
            return np.full(u.shape, float(self.base))
        if self.distribution == "uniform":
            return low + (high - low) * u
        mode = float(self.base)
        width = high - low
        cut = (mode - low) / width
        left = low + np.sqrt(u * width * (mode - low))
        right = high - np.sqrt((1.0 - u) * width * (high - mode))
        return np.where(u < cut, left, right)

    # -- changes ------------------------------------------------------------------------
    def fixed_at(self, value: Value) -> Parameter:
        """This parameter fixed at `value` (a number, or one of `choices`)."""
        if self.categorical:
            if not isinstance(value, str) or value not in (self.choices or ()):
                raise ValueError(
                    f"{self.name} must be one of {', '.join(self.choices or ())}; got {value!r}"
                )
            return self.model_copy(update={"base": value})
        if isinstance(value, str):
            raise ValueError(f"{self.name} is a number ({self.unit}); got {value!r}")
        return Parameter.model_validate(
            {**self.model_dump(), "base": float(value), "distribution": "fixed"}
        )

    def with_distribution(
        self, distribution: Distribution, low: float, high: float, base: float | None = None
    ) -> Parameter:
        """This parameter with a new distribution on [low, high] (base defaults to the middle
        of the range for a uniform, must be given as the mode of a triangular)."""
        if self.categorical:
            raise ValueError(f"{self.name} is categorical; it cannot have a distribution")
        if base is None:
            if distribution == "triangular":
                raise ValueError(f"{self.name}: a triangular override needs a base (the mode)")
            current = float(self.base)
            base = current if low <= current <= high else (low + high) / 2
        return Parameter.model_validate(
            {
                **self.model_dump(),
                "distribution": distribution,
                "range": (float(low), float(high)),
                "base": float(base),
            }
        )


class ParameterSet(BaseModel):
    """The parameters of a model, by name (order as in the file)."""

    model_config = ConfigDict(frozen=True)

    parameters: tuple[Parameter, ...]
    origin: str | None = Field(default=None, description="file the set was read from")

    @model_validator(mode="after")
    def _unique(self) -> ParameterSet:
        seen: set[str] = set()
        for p in self.parameters:
            if p.name in seen:
                raise ValueError(f"parameter {p.name!r} is defined twice")
            seen.add(p.name)
        return self

    def __iter__(self) -> Iterator[Parameter]:  # type: ignore[override]
        return iter(self.parameters)

    def __len__(self) -> int:
        return len(self.parameters)

    def __contains__(self, name: object) -> bool:
        return any(p.name == name for p in self.parameters)

    def __getitem__(self, name: str) -> Parameter:
        for p in self.parameters:
            if p.name == name:
                return p
        raise KeyError(unknown_name_message(name, self.names))

    def require(self, name: str) -> Parameter:
        """The parameter a model needs; a missing one is a `ParseError` naming the file the
        set was read from (not a KeyError deep inside the model)."""
        if name not in self:
            raise ParseError(
                f"parameter {name!r} is missing and the model needs it; add it under "
                f"'parameters:' ({unknown_name_message(name, self.names)})",
                self.origin,
            )
        return self[name]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parameters)

    def uncertain(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.uncertain)

    def value(self, name: str) -> Value:
        return self[name].value

    def replace(self, parameter: Parameter) -> ParameterSet:
        if parameter.name not in self:
            raise KeyError(unknown_name_message(parameter.name, self.names))
        items = tuple(parameter if p.name == parameter.name else p for p in self.parameters)
        return self.model_copy(update={"parameters": items})

    def with_values(self, values: Mapping[str, Value]) -> ParameterSet:
        """Fix each named parameter at a value (`--set name=value`); errors are one line."""
        result = self
        for name, value in values.items():
            if name not in result:
                raise InputError(f"--set {name}: {unknown_name_message(name, result.names)}")
            try:
                result = result.replace(result[name].fixed_at(value))
            except (ValueError, ValidationError) as exc:
                raise InputError(f"--set {name}={value}: {_first_error(exc)}") from None
        return result

    def apply(self, scenario: Scenario) -> ParameterSet:
        """This set with a scenario's overrides applied."""
        result = self
        for name, override in scenario.overrides.items():
            where = scenario.where(name)
            if name not in result:
                raise ParseError(
                    f"scenario {scenario.name!r}: {unknown_name_message(name, result.names)}",
                    *where,
                )
            try:
                result = result.replace(override.apply(result[name]))
            except (ValueError, ValidationError) as exc:
                raise ParseError(
                    f"scenario {scenario.name!r}, {name}: {_first_error(exc)}", *where
                ) from None
        return result


class Override(BaseModel):
    """A scenario's change to one parameter: a fixed value, or a new distribution."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: Value | None = None
    distribution: Distribution | None = None
    range: tuple[float, float] | None = None
    base: float | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Override:
        if self.value is None and self.distribution is None:
            raise ValueError("give a value, or a distribution with a range")
        if self.value is not None and self.distribution not in (None, "fixed"):
            raise ValueError("give either a value or a distribution, not both")
        if self.distribution in ("uniform", "triangular") and self.range is None:
            raise ValueError(f"a {self.distribution} override needs a range [low, high]")
        if self.distribution == "fixed" and self.value is None and self.base is None:
            raise ValueError("a fixed override needs a value")
        return self

    def apply(self, parameter: Parameter) -> Parameter:
        if self.distribution in ("uniform", "triangular") and self.range is not None:
            low, high = self.range
            return parameter.with_distribution(self.distribution, low, high, self.base)
        value = self.value if self.value is not None else self.base
        if value is None:
            raise ValueError("give a value, or a distribution with a range")
        return parameter.fixed_at(value)


class Scenario(BaseModel):
    """A named set of parameter overrides, compared side by side with other scenarios."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str = ""
    overrides: dict[str, Override] = Field(default_factory=dict)
    origin: str | None = Field(default=None, description="file the scenario was read from")
    lines: dict[str, int] = Field(default_factory=dict, description="line of each override")

    def where(self, name: str) -> tuple[str | None, int | None]:
        return (self.origin, self.lines.get(name))


# -- messages ---------------------------------------------------------------------------
def unknown_name_message(name: str, known: tuple[str, ...] | list[str]) -> str:
    """`unknown parameter 'x'; close names: a, b` (or the full list when nothing is close)."""
    close = difflib.get_close_matches(name, list(known), n=5, cutoff=0.5)
    if not close:
        close = [k for k in known if name in k or k in name][:5]
    if close:
        return f"unknown parameter {name!r}; close names: {', '.join(close)}"
    return f"unknown parameter {name!r}; known: {', '.join(known)}"


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        msg = str(err.get("msg", exc))
        return msg.removeprefix("Value error, ")
    return str(exc)


def parse_assignment(text: str) -> tuple[str, Value]:
    """Parse `name=value` (a number, or text for a categorical parameter)."""
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    if not sep or not name or not raw:
        raise InputError(f"--set {text!r}: expected NAME=VALUE, e.g. --set wind_share=0.6")
    try:
        return name, float(raw)
    except ValueError:
        return name, raw


# -- YAML with line numbers -------------------------------------------------------------
Path_ = tuple[str | int, ...]


def load_yaml_with_lines(path: str | Path) -> tuple[Any, dict[Path_, int]]:
    """Read YAML and the 1-based line of every mapping key / sequence item, by key path."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        col = mark.column + 1 if mark is not None else None
        raise ParseError(f"invalid YAML: {problem}", path, line, col) from None
    lines: dict[Path_, int] = {}
    if node is None:
        return None, lines
    try:
        data = _construct(node, (), lines)
    except _BadNode as bad:
        mark = bad.node.start_mark
        problem = f"invalid YAML: {bad.problem}"
        raise ParseError(problem, path, mark.line + 1, mark.column + 1) from None
    return data, lines


class _BadNode(Exception):
    """A YAML node that does not make a value: a duplicate or non-scalar key, a tag PyYAML
    cannot convert (`!!python/object`, `!!int abc`)."""

    def __init__(self, node: yaml.Node, problem: str) -> None:
        self.node = node
        self.problem = problem


_STR_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _BadNode(node, "a mapping key must be a plain value")
    if node.tag == _STR_TAG and node.style is None:
        # YAML 1.1 reads `1e10` (no dot) as text; a plain number-like scalar is a number.
        if _NUMBER.match(node.value):
            return float(node.value)
        return node.value
    if node.tag == _TIMESTAMP_TAG:
        return node.value  # a date stays text, as in the case files (`2024-13-45` too)
    try:
        return yaml.SafeLoader("").construct_object(node)
    except yaml.YAMLError as exc:
        raise _BadNode(node, getattr(exc, "problem", None) or str(exc)) from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise _BadNode(node, f"cannot read this value ({exc})") from None


def _construct(node: yaml.Node, at: Path_, lines: dict[Path_, int]) -> Any:
    lines.setdefault(at, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR_TAG else _scalar(key_node)
            try:
                hash(key)
            except TypeError:
                raise _BadNode(key_node, "a mapping key must be a plain value") from None
            if key in out:
                first = lines[(*at, key)]
                raise _BadNode(key_node, f"duplicate key {key!r} (first at line {first})")
            lines[(*at, key)] = key_node.start_mark.line + 1
            out[key] = _construct(value_node, (*at, key), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*at, i), lines) for i, item in enumerate(node.value)]
    return _scalar(node)


def line_of(lines: dict[Path_, int], at: Path_) -> int | None:
    """Line of the deepest known prefix of `at`."""
    for n in range(len(at), -1, -1):
        if at[:n] in lines:
            return lines[at[:n]]
    return None


# -- loaders ----------------------------------------------------------------------------
def load_parameters(path: str | Path) -> ParameterSet:
    """Read the `parameters:` mapping of a YAML file (name -> fields) into a ParameterSet."""
    path = Path(path)
    data, lines = load_yaml_with_lines(path)
    if not isinstance(data, dict) or not isinstance(data.get("parameters"), dict):
        raise ParseError("expected a top-level mapping 'parameters:'", path, 1)
    items: list[Parameter] = []
    for name, fields in data["parameters"].items():
        at: Path_ = ("parameters", name)
        if not isinstance(fields, dict):
            raise ParseError(f"parameter {name!r}: expected a mapping of fields", path, lines[at])
        try:
            items.append(Parameter.model_validate({"name": name, **fields}))
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = tuple(err["loc"])
            field = loc[0] if loc else None
            line = line_of(lines, (*at, *loc)) if field is not None else lines[at]
            what = f"{name}.{field}" if field else str(name)
            raise ParseError(f"parameter {what}: {_first_error(exc)}", path, line) from None
    try:
        return ParameterSet(parameters=tuple(items), origin=str(path))
    except ValidationError as exc:
        raise ParseError(_first_error(exc), path, lines.get(("parameters",))) from None


def load_scenarios(
    path: str | Path, parameters: ParameterSet | None = None
) -> tuple[Scenario, ...]:
    """Read the `scenarios:` mapping (name -> description, set: {param: value | dist}).

    With `parameters`, each override is checked (names and values) and errors point at the
    override's line.
    """
    path = Path(path)
    data, lines = load_yaml_with_lines(path)
    if not isinstance(data, dict) or not isinstance(data.get("scenarios"), dict):
        raise ParseError("expected a top-level mapping 'scenarios:'", path, 1)
    result: list[Scenario] = []
    for name, body in data["scenarios"].items():
        at: Path_ = ("scenarios", name)
        body = body or {}
        if not isinstance(body, dict):
            raise ParseError(f"scenario {name!r}: expected a mapping", path, lines[at])
        extra = set(body) - {"description", "set"}
        if extra:
            key = sorted(extra, key=str)[0]
            raise ParseError(
                f"scenario {name!r}: unknown field {key!r} (use 'description' and 'set')",
                path,
                lines[(*at, key)],
            )
        raw_set = body.get("set") or {}
        if not isinstance(raw_set, dict):
            raise ParseError(
                f"scenario {name!r}: 'set' must map parameter names to values",
                path,
                lines[(*at, "set")],
            )
        overrides: dict[str, Override] = {}
        override_lines: dict[str, int] = {}
        for pname, raw in raw_set.items():
            pat: Path_ = (*at, "set", pname)
            override_lines[str(pname)] = lines[pat]
            spec = raw if isinstance(raw, dict) else {"value": raw}
            try:
                overrides[str(pname)] = Override.model_validate(spec)
            except ValidationError as exc:
                loc = tuple(exc.errors()[0]["loc"])
                raise ParseError(
                    f"scenario {name!r}, {pname}: {_first_error(exc)}",
                    path,
                    line_of(lines, (*pat, *loc)),
                ) from None
        try:
            scenario = Scenario(
                name=str(name),
                description=str(body.get("description", "")).strip(),
                overrides=overrides,
                origin=str(path),
                lines=override_lines,
            )
        except ValidationError as exc:
            raise ParseError(f"scenario {name!r}: {_first_error(exc)}", path, lines[at]) from None
        if parameters is not None:
            parameters.apply(scenario)  # raises ParseError at the override's line
        result.append(scenario)
    return tuple(result)
