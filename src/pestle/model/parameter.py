"""Model parameters with their uncertainty, provenance and named scenarios.

A `Parameter` is one input of a model: a value with a unit, a distribution (fixed, uniform or
triangular on a stated range), and where it comes from: a `source`, or `assumption: true` with
a `reason` when the literature gives no figure. Categorical settings (an aggregation rule, a
method) are parameters too: a string `base` chosen among `choices`, always fixed.

Types only: `pestle.case.parameters_file` reads the parameters and scenarios files of a case
(every problem one line naming file and line), and `Case.parameters` / `Case.scenarios` give
them.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterator, Mapping
from typing import Literal

import numpy as np
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from pestle.errors import InputError, ParseError
from pestle.model.text import Text

Distribution = Literal["fixed", "uniform", "triangular"]
Value = float | str


class Parameter(BaseModel):
    """One model input: value, unit, distribution and provenance."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Text | None = Field(
        default=None, description="the parameter in plain words, as a report names it"
    )
    unit: Text  # a code (t/MW, year, choice) or words a reader sees in their language
    distribution: Distribution = "fixed"
    base: Value = Field(description="value used when fixed; the mode of a triangular")
    range: tuple[float, float] | None = Field(
        default=None, description="support of uniform / triangular; informative when fixed"
    )
    choices: tuple[str, ...] | None = Field(
        default=None, description="allowed values of a categorical parameter"
    )
    choice_labels: dict[str, Text] | None = Field(
        default=None,
        description="each choice in plain words, as a report and the dashboard name it "
        "(the choice itself stays the value of overrides and of results)",
    )
    source: str | None = None
    assumption: bool = False
    reason: Text | None = Field(
        default=None,
        description="why the assumption and its range (a reader sees it, in their language "
        "if the case gives it)",
    )
    quality: str | None = None
    note: str | None = None

    @field_validator("choice_labels")
    @classmethod
    def _labels_name_choices(
        cls, labels: dict[str, Text] | None, info: ValidationInfo
    ) -> dict[str, Text] | None:
        # a field check (not the model's), so that an error points at the labels' line
        choices = info.data.get("choices") or ()
        unknown = [c for c in labels or {} if c not in choices]
        if unknown and choices:
            raise ValueError(f"{unknown[0]!r} is not one of {list(choices)}")
        return labels

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
        if self.choice_labels is not None:
            raise ValueError("'choice_labels' is only for a text (categorical) base")
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
        """Fix each named parameter at a value (the `overrides` of a run: name -> value);
        errors are one line and name the parameter `overrides`."""
        result = self
        for name, value in values.items():
            if name not in result:
                raise InputError(
                    f"overrides: {unknown_name_message(name, result.names)}",
                    parameter="overrides",
                )
            try:
                result = result.replace(result[name].fixed_at(value))
            except (ValueError, ValidationError) as exc:
                raise InputError(
                    f"overrides: {name}={value}: {_first_error(exc)}", parameter="overrides"
                ) from None
        return result

    def checked_overrides(
        self, values: Mapping[str, object], *, unranged: bool = True
    ) -> dict[str, Value]:
        """The overrides of a run (name -> value), each checked against its parameter: one
        of its choices, or a finite number inside its stated range. A parameter with no
        stated range (a horizon, a fixed coefficient) takes any finite number when
        `unranged`, else it is refused. Every front end checks a user's overrides here
        (`--set`, the API), so they are refused the same way; errors name `overrides`."""
        out: dict[str, Value] = {}
        for name, value in sorted(values.items()):
            if name not in self:
                raise InputError(
                    f"overrides: {unknown_name_message(name, self.names)}", parameter="overrides"
                )
            p = self[name]
            if p.categorical:
                choices = tuple(p.choices or ())
                if not isinstance(value, str) or value not in choices:
                    raise InputError(
                        f"overrides: {name} must be one of {', '.join(choices)}; got {value!r}",
                        parameter="overrides",
                    )
                out[name] = value
                continue
            if isinstance(value, str | bool) or not isinstance(value, int | float):
                raise InputError(
                    f"overrides: {name} is a number ({p.unit}); got {value!r}",
                    parameter="overrides",
                )
            if not math.isfinite(value):
                raise InputError(
                    f"overrides: {name} = {value}: not a finite number", parameter="overrides"
                )
            if p.range is None:
                if unranged:
                    out[name] = float(value)
                    continue
                raise InputError(
                    f"overrides: {name} has no stated range, so it cannot be changed here; "
                    f"use `pestle demand --set {name}=VALUE`",
                    parameter="overrides",
                )
            low, high = p.range
            if not low <= value <= high:
                raise InputError(
                    f"overrides: {name} = {value:g} is outside its stated range "
                    f"[{low:g}, {high:g}]",
                    parameter="overrides",
                )
            out[name] = float(value)
        return out

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
    label: Text | None = Field(
        default=None, description="the scenario in plain words, as a report names it"
    )
    description: Text = ""
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
