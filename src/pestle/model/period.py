"""Periods as ISO-8601 intervals with inclusive dates ("2025-01-01/2025-03-31")."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, model_serializer, model_validator


class Period(BaseModel):
    """A closed interval of calendar days; in JSON it is the string ``"start/end"``."""

    model_config = ConfigDict(frozen=True)

    start: date
    end: date

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            head, sep, tail = data.partition("/")
            if not sep:
                raise ValueError(f"period {data!r} is not an ISO interval 'YYYY-MM-DD/YYYY-MM-DD'")
            return {"start": head.strip(), "end": tail.strip()}
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self

    @model_serializer
    def _to_string(self) -> str:
        return self.iso()

    def iso(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def __str__(self) -> str:
        return self.iso()

    # -- constructors -------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> Period:
        return cls.model_validate(text)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(start=date(year, 1, 1), end=date(year, 12, 31))

    @classmethod
    def months(cls, year: int, first: int, last: int) -> Period:
        """Whole months ``first``..``last`` (1-based, inclusive) of ``year``."""
        last_day = calendar.monthrange(year, last)[1]
        return cls(start=date(year, first, 1), end=date(year, last, last_day))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        return cls.months(year, 3 * quarter - 2, 3 * quarter)

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        return cls.months(year, 6 * half - 5, 6 * half)

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(start=day, end=day)

    # -- relations ----------------------------------------------------------------------
    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end
