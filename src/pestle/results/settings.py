"""`Settings`: the one set of choices a case's results depend on besides the case's files.

Every surface (the CLI, the report, the dashboard and the API) builds its results from a
`Settings`; its defaults are the numbers of `pestle.results.defaults` and no others, so the
same case gives the same numbers wherever they are shown. The settings are recorded in the
results and printed beside their numbers (the CLI header, the report's colophon, the
dashboard's footer).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pestle.errors import AnalysisError
from pestle.results import defaults

Value = float | str

MAX_SAMPLES = 1_000_000  # the demand model's own bound (pestle.analysis.demand.model)
MAX_DRAWS = 100_000
MAX_SOBOL = 2**16


class Settings(BaseModel):
    """Seed, sample counts, the headline scenario and parameter overrides of one build."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    seed: int = Field(
        defaults.SEED, ge=0, description="random seed: the same seed gives the same numbers"
    )
    samples: int = Field(
        defaults.SAMPLES,
        ge=1,
        le=MAX_SAMPLES,
        description="Monte Carlo samples of the demand model",
    )
    sobol_samples: int = Field(
        defaults.SOBOL_SAMPLES,
        ge=0,
        le=MAX_SOBOL,
        description="Sobol' base samples (a power of 2; 0: none)",
    )
    draws: int = Field(
        defaults.DRAWS, ge=1, le=MAX_DRAWS, description="weight draws of the TOPSIS rank stability"
    )
    spread: float = Field(
        defaults.SPREAD,
        gt=0,
        lt=1,
        description="relative weight noise of the TOPSIS rank stability",
    )
    scenario: str | None = Field(
        None, description="the headline demand scenario (None: the case's first)"
    )
    overrides: tuple[tuple[str, Value], ...] = Field(
        (), description="demand-model parameters fixed at a value, on top of every scenario"
    )

    @field_validator("sobol_samples")
    @classmethod
    def _power_of_two(cls, n: int) -> int:
        if n and n & (n - 1):
            raise ValueError(f"must be 0 or a power of 2 (e.g. 1024 or 4096); got {n}")
        return n

    @field_validator("overrides", mode="before")
    @classmethod
    def _sorted(cls, value: Any) -> Any:
        items = value.items() if isinstance(value, Mapping) else value
        return tuple(sorted((str(k), v) for k, v in items))

    @classmethod
    def of(cls, **values: Any) -> Settings:
        """Settings from keyword values, None meaning "the default"; a bad value is an
        `AnalysisError` naming the parameter (`samples must be ...`)."""
        from pydantic import ValidationError

        given = {k: v for k, v in values.items() if v is not None}
        try:
            return cls(**given)
        except ValidationError as exc:
            err = exc.errors()[0]
            name = str(err["loc"][0]) if err["loc"] else "settings"
            message = err["msg"].removeprefix("Value error, ")
            if "got" not in message:
                message += f"; got {err['input']!r}"
            raise AnalysisError(f"{name}: {message}", parameter=name) from None

    def replace(self, **values: Any) -> Settings:
        """A copy with some values changed (validated like `of`)."""
        return Settings.of(**{**self.model_dump(), **values})

    @property
    def override_map(self) -> dict[str, Value]:
        return dict(self.overrides)

    def key(self) -> str:
        """A stable text of every setting, for cache keys."""
        return self.model_dump_json()

    def describe(self) -> str:
        """One line for the places that show results: "seed 1, 20,000 samples, ..."."""
        parts = [
            f"scenario {self.scenario}" if self.scenario else "first scenario",
            f"seed {self.seed}",
            f"{self.samples:,} Monte Carlo samples",
            f"Sobol' N={self.sobol_samples:,}" if self.sobol_samples else "no Sobol' indices",
            f"{self.draws:,} stability draws at ±{self.spread:.0%}",
        ]
        if self.overrides:
            parts.append("fixed " + ", ".join(f"{k}={v}" for k, v in self.overrides))
        return ", ".join(parts)


DEFAULTS = Settings()

__all__ = ["DEFAULTS", "Settings", "Value"]
