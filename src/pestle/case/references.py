"""Reference data of a case (`sources/*.yaml`) as typed, sourced entries.

Two layouts are understood (case.yaml lists the files under `references:`):

- statistics: top-level series, each a list of rows.
  A series row with `period` + `value` becomes one `ReferenceEntry`; a row with a `date`
  and several measures (`wind`, `solar`, ...) becomes one entry per measure; the series
  `uhv_corridors` becomes `CorridorReference` entries.
- intensities: groups of named parameters
  (`wind_blades.blade_mass_per_mw`), each an `IntensityEntry` with its sources.

Every entry keeps its `source`, `quality`, file and line. Ids are stable and readable:
`gdp_cny@2024-01-01/2024-12-31`, `installed_capacity_w.wind@2022-12-31`,
`uhv_corridors@Hami - Chongqing`, `wind_blades.blade_mass_per_mw`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pestle.case.yaml_lines import LineDict, LineList, line_of, load_yaml
from pestle.errors import CaseError
from pestle.model import Period

if TYPE_CHECKING:
    import pandas as pd

Scalar = str | int | float | bool | None

# Unit of a series, read from the suffix of its name (`gdp_cny` -> CNY).
_SUFFIX_UNITS = {"_cny": "CNY", "_usd": "USD", "_pct": "%", "_w": "W", "_wh": "Wh", "_t": "t"}
# Measures of a row that are not in the series' unit.
_MEASURE_UNITS = {"share_of_installed": "fraction"}
_ROW_META = {"period", "date", "value", "qualifier", "growth_pct", "quality", "source", "note"}


def unit_of(name: str) -> str | None:
    """The unit a name's suffix implies (`capacity_w` -> `W`), else None."""
    for suffix, unit in _SUFFIX_UNITS.items():
        if name.endswith(suffix):
            return unit
    if name == "count" or name.endswith("_count") or name.startswith("count_"):
        return "count"
    return None


class _Located(BaseModel):
    # a statistic of nan or inf is a typing slip, not a figure (the checks compute with them)
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    id: str
    file: str | None = Field(default=None, exclude=True, repr=False)
    line: int | None = Field(default=None, exclude=True, repr=False)

    def field(self, name: str) -> Any:
        """The value of field `name` (for reference links); KeyError if it has none."""
        if name in type(self).model_fields and name not in ("file", "line"):
            return getattr(self, name)
        raise KeyError(name)


class ReferenceEntry(_Located):
    """One sourced statistic: a value of a series for a period."""

    series: str
    measure: str
    period: Period | None = None
    value: float
    unit: str | None = None
    qualifier: str = "="
    growth_pct: float | None = None
    quality: str | None = None
    source: str | None = None
    extra: dict[str, Scalar] = Field(default_factory=dict)

    def field(self, name: str) -> Any:
        if name in self.extra:
            return self.extra[name]
        return super().field(name)


class CorridorReference(_Located):
    """A UHV transmission corridor as public reporting describes it."""

    name: str
    type: str
    voltage_kv: float
    capacity_w: float
    length_km_min: float
    length_km_max: float
    in_operation: str | None = None
    investment_cny: float | None = None
    quality: str | None = None
    source: str | None = None


class IntensityEntry(_Located):
    """A named figure for turning build-out into composite demand, with its sources."""

    group: str
    name: str
    unit: str | None = None
    base: float | None = None
    low: float | None = None
    high: float | None = None
    value: Scalar = None
    status: str | None = None
    quality: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None
    data: dict[str, Any] = Field(default_factory=dict, repr=False)


AnyReference = ReferenceEntry | CorridorReference | IntensityEntry


class References(BaseModel):
    """All reference entries of a case, by id."""

    model_config = ConfigDict(frozen=True)

    entries: tuple[ReferenceEntry, ...] = ()
    corridors: tuple[CorridorReference, ...] = ()
    intensity: tuple[IntensityEntry, ...] = ()
    labels: dict[str, str] = Field(default_factory=dict)  # series -> plain words (case.yaml)

    def label(self, ref_id: str) -> str | None:
        """A reference entry's series in plain words (`series.measure` first), if labelled."""
        name = ref_id.split("@", 1)[0]
        return self.labels.get(name) or self.labels.get(name.split(".", 1)[0])

    def __iter__(self) -> Iterator[AnyReference]:  # type: ignore[override]
        yield from self.entries
        yield from self.corridors
        yield from self.intensity

    def __len__(self) -> int:
        return len(self.entries) + len(self.corridors) + len(self.intensity)

    def __contains__(self, ref_id: object) -> bool:
        return any(item.id == ref_id for item in self)

    def get(self, ref_id: str) -> AnyReference:
        for item in self:
            if item.id == ref_id:
                return item
        raise KeyError(ref_id)

    def series(self, name: str) -> tuple[ReferenceEntry, ...]:
        """Entries of one series, in file order (e.g. `gdp_cny`, `installed_capacity_w.wind`)."""
        return tuple(
            e for e in self.entries if e.series == name or f"{e.series}.{e.measure}" == name
        )

    def to_frame(self) -> pd.DataFrame:
        """The statistics (`entries`) as a table, one row per value."""
        rows = [
            {
                "id": e.id,
                "series": e.series,
                "measure": e.measure,
                "period": e.period.iso() if e.period else None,
                "value": e.value,
                "unit": e.unit,
                "qualifier": e.qualifier,
                "growth_pct": e.growth_pct,
                "quality": e.quality,
                "source": e.source,
            }
            for e in self.entries
        ]
        return frame(rows, columns=_FRAME_COLUMNS)

    def corridors_frame(self) -> pd.DataFrame:
        return frame([c.model_dump() for c in self.corridors])

    def intensity_frame(self) -> pd.DataFrame:
        return frame([i.model_dump(exclude={"data"}) for i in self.intensity])


_FRAME_COLUMNS = [
    "id",
    "series",
    "measure",
    "period",
    "value",
    "unit",
    "qualifier",
    "growth_pct",
    "quality",
    "source",
]


def frame(rows: list[dict[str, Any]], columns: list[str] | None = None) -> pd.DataFrame:
    """A pandas DataFrame; pandas is imported on first use so loading a case stays fast."""
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


# -- reading ---------------------------------------------------------------------------------


def load_references(paths: dict[str, Path]) -> References:
    """Read each reference file (id -> path) and return all entries; bad rows -> CaseError."""
    entries: list[ReferenceEntry] = []
    corridors: list[CorridorReference] = []
    intensity: list[IntensityEntry] = []
    for path in paths.values():
        data = load_yaml(path)
        if data is None:
            continue
        if not isinstance(data, dict):
            raise CaseError("expected a mapping of series or groups", path, line_of(data))
        for name, body in data.items():
            line = line_of(data, name)
            if isinstance(body, list):
                if name == "uhv_corridors":
                    corridors.extend(_corridors(body, path))
                else:
                    entries.extend(_series(name, body, path))
            elif isinstance(body, dict):
                intensity.extend(_intensity(name, body, path))
            else:
                raise CaseError(f"{name}: expected a list or a mapping", path, line)
    result = References(entries=entries, corridors=corridors, intensity=intensity)
    _check_unique(result)
    return result


def _check_unique(refs: References) -> None:
    seen: dict[str, AnyReference] = {}
    for item in refs:
        if item.id in seen:
            first = seen[item.id]
            raise CaseError(
                f"reference {item.id!r} is defined twice (first at {first.file}:{first.line})",
                item.file,
                item.line,
            )
        seen[item.id] = item


def _row(body: LineList, index: int, path: Path, name: str) -> LineDict:
    row = body[index]
    if not isinstance(row, dict):
        raise CaseError(f"{name}: each row must be a mapping", path, line_of(body, index))
    return row


def _build(cls: type[BaseModel], fields: dict[str, Any], path: Path, line: int | None) -> Any:
    try:
        return cls(**fields, file=str(path), line=line)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise CaseError(f"{where}: {err['msg']}", path, line) from None


def _series(name: str, body: LineList, path: Path) -> Iterator[ReferenceEntry]:
    unit = unit_of(name)
    for index in range(len(body)):
        row = _row(body, index, path, name)
        line = line_of(body, index)
        common = {
            "qualifier": row.get("qualifier", "="),
            "quality": row.get("quality"),
            "source": row.get("source"),
        }
        if "period" in row:
            period = _period(row["period"], path, line_of(row, "period"))
            extra = {k: v for k, v in row.items() if k not in _ROW_META}
            yield _build(
                ReferenceEntry,
                {
                    "id": f"{name}@{period.iso()}",
                    "series": name,
                    "measure": "value",
                    "period": period,
                    "value": row.get("value"),
                    "unit": unit,
                    "growth_pct": row.get("growth_pct"),
                    "extra": extra,
                    **common,
                },
                path,
                line,
            )
        elif "date" in row:
            day = str(row["date"])
            period = _period(f"{day}/{day}", path, line_of(row, "date"))
            for measure, value in row.items():
                if measure in _ROW_META:
                    continue
                yield _build(
                    ReferenceEntry,
                    {
                        "id": f"{name}.{measure}@{day}",
                        "series": name,
                        "measure": measure,
                        "period": period,
                        "value": value,
                        "unit": _MEASURE_UNITS.get(measure, unit),
                        **common,
                    },
                    path,
                    line_of(row, measure),
                )
        else:
            raise CaseError(f"{name}: a row needs a 'period' or a 'date'", path, line)


def _period(text: Any, path: Path, line: int | None) -> Period:
    try:
        return Period.parse(str(text))
    except (ValidationError, ValueError) as exc:
        msg = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise CaseError(msg.removeprefix("Value error, "), path, line) from None


def _corridors(body: LineList, path: Path) -> Iterator[CorridorReference]:
    for index in range(len(body)):
        row = _row(body, index, path, "uhv_corridors")
        line = line_of(body, index)
        length = row.get("length_km")
        if isinstance(length, list) and len(length) == 2:
            low, high = length
        elif isinstance(length, int | float):
            low = high = length
        else:
            raise CaseError("length_km must be a number or [min, max]", path, line)
        fields = {k: v for k, v in row.items() if k != "length_km"}
        if "in_operation" in fields:
            fields["in_operation"] = str(fields["in_operation"])
        yield _build(
            CorridorReference,
            {
                "id": f"uhv_corridors@{row.get('name')}",
                "length_km_min": low,
                "length_km_max": high,
                **fields,
            },
            path,
            line,
        )


def _intensity(group: str, body: LineDict, path: Path) -> Iterator[IntensityEntry]:
    previous: tuple[str, ...] = ()
    for name, item in body.items():
        line = line_of(body, name)
        if not isinstance(item, dict):
            raise CaseError(f"{group}.{name}: expected a mapping", path, line)
        if not isinstance(item.get("sources") or [], list):
            raise CaseError(
                f"{group}.{name}.sources: expected a list of sources (- title or text)",
                path,
                line_of(item, "sources"),
            )
        low = high = None
        rng = item.get("range")
        if isinstance(rng, list) and len(rng) == 2:
            low, high = rng
        value = item.get("value")
        yield _build(
            IntensityEntry,
            {
                "id": f"{group}.{name}",
                "group": group,
                "name": name,
                "unit": item.get("unit"),
                "base": item.get("base"),
                "low": low,
                "high": high,
                "value": value if not isinstance(value, list | dict) else None,
                "status": item.get("status"),
                "quality": item.get("quality"),
                "sources": (sources := tuple(_source_texts(item, previous))),
                "note": item.get("note"),
                "data": _plain(item),
            },
            path,
            line,
        )
        previous = sources


def _source_texts(item: dict, previous: tuple[str, ...]) -> Iterator[str]:
    """The sources of an item as text; `source: same` repeats the previous item's."""
    single = item.get("source")
    if single == "same":
        yield from previous
    elif isinstance(single, str):
        yield single
    for source in item.get("sources") or ():
        if isinstance(source, str):
            yield source
        elif isinstance(source, dict):
            parts = [source.get("title"), source.get("publisher"), source.get("address")]
            yield ", ".join(str(p) for p in parts if p)


def _plain(value: Any) -> Any:
    """Nested YAML containers as plain dict/list (no line bookkeeping)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
