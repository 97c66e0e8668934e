"""Request bodies of the API, validated before any work starts (bounded sizes and counts).

Sample counts are capped (`MAX_SAMPLES`) so one request cannot exhaust memory; matrices are
capped in size; names follow the case's id pattern. Pairwise judgments may be written as a
person writes them ("1/3", "2.5") or as numbers; null marks a missing comparison.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from pestle.errors import InputError
from pestle.model.judgment import Judgment

MAX_SAMPLES = 100_000
MAX_SEED = 2**32 - 1
MAX_OVERRIDES = 64
MAX_AHP_ITEMS = 15  # Saaty's random-index table ends at 15
MAX_FACTORS = 40

Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
Label = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,64}$")]
Choice = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Number = Annotated[float, Field(allow_inf_nan=False)]
Samples = Annotated[int, Field(ge=1, le=MAX_SAMPLES, description="Monte Carlo samples")]
Seed = Annotated[int, Field(ge=0, le=MAX_SEED, description="random seed")]

Ratio = Annotated[
    Judgment,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "exclusiveMinimum": 0},
                {"type": "string", "pattern": r"^\s*\d+(\.\d+)?(\s*/\s*\d+(\.\d+)?)?\s*$"},
                {"type": "null"},
            ],
            "description": "how many times the row item outweighs the column item (1/9..9); "
            "null = not compared",
        }
    ),
]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DemandRequest(_Body):
    """A demand run: a scenario of the case, parameter overrides on top, samples and seed."""

    scenario: Name | None = Field(
        default=None, description="scenario of the case (default: the served results' headline)"
    )
    overrides: dict[Name, Number | Choice] = Field(
        default_factory=dict,
        max_length=MAX_OVERRIDES,
        description="parameter -> value: a number inside the parameter's stated range, or "
        "one of its choices; the parameter is then fixed at that value",
    )
    samples: Samples | None = Field(
        default=None, description="Monte Carlo samples (default: the served results' settings)"
    )
    seed: Seed | None = Field(
        default=None, description="random seed (default: the served results' settings)"
    )


class PairwiseInput(_Body):
    """One AHP matrix: labels and the n x n rows of judgments (upper triangle is enough).
    A one-label matrix compares nothing (its weight is 1 by definition), so it is refused."""

    labels: list[Label] = Field(min_length=2, max_length=MAX_AHP_ITEMS)
    values: list[list[Ratio]] = Field(min_length=2, max_length=MAX_AHP_ITEMS)

    @model_validator(mode="after")
    def _square(self) -> PairwiseInput:
        _check_square(self.labels, self.values)
        return self

    def rows(self) -> tuple[tuple[float | None, ...], ...]:
        return tuple(tuple(row) for row in self.values)


class AhpInput(_Body):
    dimensions: PairwiseInput
    within: dict[Label, PairwiseInput] = Field(default_factory=dict, max_length=MAX_AHP_ITEMS)


class InfluenceInput(_Body):
    """The DEMATEL direct-influence matrix: labels and rows of 0..4 ratings."""

    labels: list[Label] = Field(min_length=2, max_length=MAX_FACTORS)
    values: list[list[Annotated[float, Field(ge=0, le=4, allow_inf_nan=False)]]] = Field(
        min_length=2, max_length=MAX_FACTORS
    )

    @model_validator(mode="after")
    def _square(self) -> InfluenceInput:
        _check_square(self.labels, self.values)
        return self


class JudgmentsRequest(_Body):
    """Matrices to evaluate; a part left out is the case's own."""

    ahp: AhpInput | None = None
    dematel: InfluenceInput | None = None


class ScenarioSave(_Body):
    """A named scenario to save: a scenario of the case with parameter overrides on top."""

    name: Name = Field(description="name of the new scenario (lower-case letters, digits, _)")
    description: str = Field(default="", max_length=2_000, description="one or two sentences")
    base: Name | None = Field(
        default=None, description="scenario it starts from (default: the served headline)"
    )
    overrides: dict[Name, Number | Choice] = Field(
        default_factory=dict,
        max_length=MAX_OVERRIDES,
        description="parameter -> value it fixes (inside the parameter's stated range)",
    )


def _check_square(labels: list[str], values: list[list]) -> None:  # type: ignore[type-arg]
    n = len(labels)
    if len(set(labels)) != n:
        raise ValueError("labels must be distinct")
    if len(values) != n or any(len(row) != n for row in values):
        raise ValueError(f"values must be {n} rows of {n} entries (one per label)")


class InvalidParameter(InputError):
    """A query parameter that passed its type but not its meaning (e.g. a bad period)."""

    status_code = 422
