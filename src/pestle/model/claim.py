"""Claims: one stated number of one document, in canonical units, with its span.

The JSON shape is a public contract (DESIGN.md, "Data contracts").
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pestle.model.period import Period

Unit = Literal["CNY", "USD", "W", "Wh", "t", "kg", "km", "%", "pp", "count"]
Qualifier = Literal["=", ">", ">=", "<", "<=", "~"]

UNITS: tuple[str, ...] = get_args(Unit)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)


class Quantity(BaseModel):
    """A value in a canonical unit, with how exactly it was stated."""

    model_config = ConfigDict(frozen=True)

    value: float
    unit: Unit
    qualifier: Qualifier = "="


class Claim(BaseModel):
    """A number a document states, where it states it, and what it is about."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: float
    unit: Unit
    qualifier: Qualifier = "="
    period: Period | None = None
    measure: str | None = None
    subject: str | None = None
    text: str = Field(description="the characters of the document the claim was read from")
    start: int = Field(ge=0, description="offset of the first character of `text`")
    end: int = Field(ge=0, description="offset one past the last character of `text`")
    section: str | None = None

    @model_validator(mode="after")
    def _span(self) -> Claim:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"span {self.start}..{self.end} has length {self.end - self.start}, "
                f"but text {self.text!r} has length {len(self.text)}"
            )
        return self

    @property
    def quantity(self) -> Quantity:
        return Quantity(value=self.value, unit=self.unit, qualifier=self.qualifier)
