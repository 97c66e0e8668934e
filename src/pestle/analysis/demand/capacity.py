"""Build-out inputs of the demand model and their conversion into yearly additions.

The typed input is a `BuildOut`: the announced projects (new-energy bases, the hydrogen
storage project) with capacity, status and time node; the UHV corridors; which
announcements may describe the same capacity; and the reference series of yearly additions.

Overlapping announcements. The source report's bases table lists a 10 GW Northern Tianshan
base (under construction, May 2023), a 6.1 GW Huadian Northern Tianshan *Gobi* base (under
construction, February 2024) and "three 10-million-kilowatt-class bases" (completed, 2024).
Whether these rows describe different capacity is not stated. The `aggregation` parameter
makes the choice explicit:

- ``sum``: every announcement at its stated capacity: an upper bound (46.1 GW) that counts
  the Huadian base twice if it lies inside the Northern Tianshan base.
- ``max``: each overlap group counts as its largest announcement only: a lower bound
  (30 GW) for the reading in which all three rows describe one build-out.
- ``union_by_entity`` (default): each physical entity once. An announcement declared to lie
  within another (Huadian inside Northern Tianshan: same region, its name contains the
  parent's, and its 6.1 GW fits inside 10 GW) is taken out of its parent, which keeps the
  remainder; both keep their own timing. Announcements not declared nested are distinct
  entities. This gives 40 GW: the three completed bases and the Northern Tianshan base are
  kept apart because their statuses differ in the same table (completed vs under
  construction), which is the report's own evidence that they are different projects.
  The default sits between the bounds; overriding `aggregation` with max or sum shows the bounds.

Commissioning. A project's capacity is added evenly over a build window of
`commissioning_years` (T): a completed project over [node - T, node], a project under
construction over [node, node + T], a planned one (plan under evaluation) over
[node + planning_lag_years, ... + T]. A time node "2024" stands for mid-2024, "2023-05" for
mid-May 2023. Additions that fall before the horizon are not demand within it.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable
from typing import Any, Literal

import numpy as np
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from pestle.analysis.demand.observed import ObservedAdditions
from pestle.errors import AnalysisError, CaseError
from pestle.model.capacity import Nesting, OverlapGroup, ReferenceAddition

Status = Literal["planned", "under_construction", "completed", "in_operation"]
ProjectKind = Literal["new_energy_base", "hydrogen_storage"]
Aggregation = Literal["union_by_entity", "max", "sum"]
AGGREGATIONS: tuple[str, ...] = ("union_by_entity", "max", "sum")

_NODE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def decimal_year(node: str) -> float:
    """Mid-point of a time node 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as a decimal year."""
    m = _NODE.match(node.strip())
    if not m:
        raise ValueError(f"time node {node!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    if m.group(2) is None:
        return year + 0.5
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"time node {node!r}: month {month} out of range")
    if m.group(3) is None:
        return year + (month - 0.5) / 12
    day = int(m.group(3))
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise ValueError(f"time node {node!r}: day {day} out of range")
    days_in_year = 366 if calendar.isleap(year) else 365
    doy = sum(calendar.monthrange(year, mo)[1] for mo in range(1, month)) + day
    return year + (doy - 0.5) / days_in_year


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Project(_Frozen):
    """An announced project: a new-energy base or a hydrogen storage project."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str = ""
    kind: ProjectKind = "new_energy_base"
    capacity_w: float | None = Field(
        default=None, ge=0, description="total capacity (count x each); None = not stated"
    )
    status: Status
    node: str = Field(description="time node of the announcement: YYYY, YYYY-MM or YYYY-MM-DD")

    @field_validator("node")
    @classmethod
    def _node(cls, value: str) -> str:
        decimal_year(value)
        return value

    @property
    def year(self) -> float:
        return decimal_year(self.node)


class Corridor(_Frozen):
    """A UHV transmission corridor; composite insulators go in while it is built."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str = ""
    capacity_w: float | None = Field(default=None, ge=0)
    length_km: float | None = Field(default=None, gt=0)
    in_operation: str = Field(description="time node the line went into operation")

    @field_validator("in_operation")
    @classmethod
    def _node(cls, value: str) -> str:
        decimal_year(value)
        return value

    @property
    def year(self) -> float:
        return decimal_year(self.in_operation)


class BuildOut(_Frozen):
    """Everything the demand model needs to know about the energy build-out."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    projects: tuple[Project, ...]
    corridors: tuple[Corridor, ...] = ()
    nested: tuple[Nesting, ...] = ()
    overlap_groups: tuple[OverlapGroup, ...] = ()
    reference_additions: tuple[ReferenceAddition, ...] = ()
    reference_file: str | None = None  # where the additions were read from (for messages)
    observed: ObservedAdditions | None = None  # additions from the installed-capacity history
    vintages: tuple[tuple[int, float], ...] = ()  # (year, wind W built) of the fleet before
    blade_plants: tuple[tuple[int, float], ...] = ()  # (start year, sets/year) producing

    @model_validator(mode="after")
    def _consistent(self) -> BuildOut:
        ids = [p.id for p in self.projects]
        if len(set(ids)) != len(ids):
            raise ValueError("project ids must be unique")
        known = set(ids)
        for n in self.nested:
            for pid in (n.child, n.parent):
                if pid not in known:
                    raise ValueError(f"nesting names unknown project {pid!r}")
            if n.child == n.parent:
                raise ValueError(f"project {n.child!r} cannot lie within itself")
        if len({n.child for n in self.nested}) != len(self.nested):
            raise ValueError("a project can lie within one parent only")
        for g in self.overlap_groups:
            for pid in g.members:
                if pid not in known:
                    raise ValueError(f"overlap group names unknown project {pid!r}")
        years = [r.year for r in self.reference_additions]
        if len(set(years)) != len(years):
            raise ValueError("reference additions: one entry per year")
        return self


# -- aggregation ------------------------------------------------------------------------
class Counted(_Frozen):
    """A project as the aggregation rule counts it (capacity None = not stated)."""

    project: Project
    capacity_w: float | None


def aggregate(build_out: BuildOut, rule: str) -> tuple[Counted, ...]:
    """The new-energy projects counted under an aggregation rule (see module docstring)."""
    if rule not in AGGREGATIONS:
        raise AnalysisError(f"aggregation {rule!r}: use one of {', '.join(AGGREGATIONS)}")
    bases = [p for p in build_out.projects if p.kind == "new_energy_base"]
    if rule == "sum":
        return tuple(Counted(project=p, capacity_w=p.capacity_w) for p in bases)
    if rule == "union_by_entity":
        stated = {p.id: p.capacity_w for p in bases}
        capacity = dict(stated)
        for n in build_out.nested:
            child, parent = stated.get(n.child), capacity.get(n.parent)
            if child is not None and parent is not None:
                capacity[n.parent] = max(parent - child, 0.0)
        return tuple(Counted(project=p, capacity_w=capacity[p.id]) for p in bases)
    # max: each connected group of overlapping announcements counts as its largest member
    groups = [set(g.members) for g in build_out.overlap_groups]
    groups += [{n.child, n.parent} for n in build_out.nested]
    merged: list[set[str]] = []
    for g in groups:
        touching = [m for m in merged if m & g]
        for m in touching:
            merged.remove(m)
            g = g | m
        merged.append(g)
    dropped: set[str] = set()
    by_id = {p.id: p for p in bases}
    for g in merged:
        members = [by_id[i] for i in sorted(g) if i in by_id]
        if not members:
            continue
        keep = max(members, key=lambda p: (p.capacity_w or 0.0, -p.year))
        dropped |= {p.id for p in members if p.id != keep.id}
    return tuple(Counted(project=p, capacity_w=p.capacity_w) for p in bases if p.id not in dropped)


# -- timing ---------------------------------------------------------------------------
def window_start(
    project: Project, build_years: np.ndarray | float, planning_lag: np.ndarray | float
) -> np.ndarray | float:
    """Decimal year the build window of a project opens (see module docstring)."""
    node = project.year
    if project.status in ("completed", "in_operation"):
        return node - build_years
    if project.status == "planned":
        return node + planning_lag
    return node + 0.0 * np.asarray(build_years)


def build_progress(
    start: np.ndarray | float, length: np.ndarray | float, edges: np.ndarray
) -> np.ndarray:
    """Share of an even build over [start, start + length] done by each year edge.

    `start`, `length`: shape (n,) or scalars; `edges`: shape (E,) decimal years. Returns
    (E, n) (samples last). A zero length completes the build at `start`.
    """
    t = np.maximum(np.asarray(length, dtype=float), 1e-9)
    d = np.asarray(edges, dtype=float).reshape(-1, 1) - np.asarray(start, dtype=float)
    return np.minimum(np.maximum(d, 0.0), t) / t


def yearly_fractions(
    start: np.ndarray | float, length: np.ndarray | float, years: np.ndarray
) -> np.ndarray:
    """Share of an even build over [start, start + length] that falls in each calendar year,
    shape (Y, n)."""
    edges = np.append(np.asarray(years, dtype=float), float(years[-1]) + 1.0)
    return np.diff(build_progress(start, length, edges), axis=0)


def operating_fractions(start: np.ndarray | float, years: np.ndarray) -> np.ndarray:
    """Share of each calendar year after `start` (operation from then on), shape (Y, n)."""
    d = np.asarray(years, dtype=float).reshape(-1, 1) + 1.0 - np.asarray(start, dtype=float)
    return np.minimum(np.maximum(d, 0.0), 1.0)


def base_additions_w(
    counted: tuple[Counted, ...],
    years: np.ndarray,
    *,
    build_years: np.ndarray | float,
    planning_lag: np.ndarray | float,
    unstated_capacity_w: np.ndarray | float,
) -> np.ndarray:
    """New-energy capacity added per year by the counted bases, shape (Y, n) in W."""
    n = max(np.size(build_years), np.size(planning_lag), np.size(unstated_capacity_w))
    edges = np.append(np.asarray(years, dtype=float), float(years[-1]) + 1.0)
    done = np.zeros((len(edges), n))
    for c in counted:
        cap = c.capacity_w if c.capacity_w is not None else unstated_capacity_w
        if np.all(np.asarray(cap) == 0):
            continue
        start = window_start(c.project, build_years, planning_lag)
        done += np.asarray(cap, dtype=float) * build_progress(start, build_years, edges)
    return np.diff(done, axis=0)


def reference_additions_w(
    additions: tuple[ReferenceAddition, ...],
    years: np.ndarray,
    growth: np.ndarray | float,
    source: str | None = None,
) -> np.ndarray:
    """Yearly additions from reference statistics, shape (Y, n) in W (n = size of growth).

    Stated years take the stated value; later years continue the last stated year's
    additions at `growth` per year; earlier years without data are 0.
    """
    if not additions:
        where = f"{source}: " if source else ""
        raise AnalysisError(
            f"{where}no yearly new-energy additions ('added_in_<year>' under "
            "installed_capacity_w): the reference capacity path needs them"
        )
    g = np.asarray(growth, dtype=float).reshape(1, -1)
    stated = {a.year: a.capacity_w for a in additions}
    last_year = max(stated)
    y = np.asarray(years, dtype=int)
    fixed = np.array([stated.get(int(v), 0.0) for v in y]).reshape(-1, 1)
    ahead = np.maximum(y - last_year, 0).reshape(-1, 1)
    extended = stated[last_year] * (1.0 + g) ** ahead
    return np.where((y > last_year).reshape(-1, 1), extended, fixed)


# -- inputs from files and from a case ------------------------------------------------
_STATUS_WORDS: tuple[tuple[str, Status], ...] = (
    ("complet", "completed"),
    ("operation", "in_operation"),
    ("construct", "under_construction"),
    ("plan", "planned"),
    ("evaluat", "planned"),
)


def _status(text: Any) -> Status | None:
    words = str(text or "").lower().replace("-", "_")
    for stem, status in _STATUS_WORDS:
        if stem in words:
            return status
    return None


def _attr(attrs: dict[str, Any], *names: str) -> Any:
    for n in names:
        if attrs.get(n) is not None:
            return attrs[n]
    return None


def _node_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    m = re.match(r"^(\d{4})(-\d{2})?(-\d{2})?", text)
    return m.group(0) if m else None


def _entities(case: Any) -> dict[str, Any]:
    ents = getattr(case, "entities", None)
    if ents is None:
        raise AnalysisError("the case has no entities")
    if isinstance(ents, dict):
        return dict(ents)
    return {e.id: e for e in ents}


def _where(entity: Any, attribute: str | None = None) -> tuple[str | None, int | None]:
    file = getattr(entity, "file", None)
    line = getattr(entity, "line", None)
    if attribute is not None and hasattr(entity, "attribute_line"):
        line = entity.attribute_line(attribute)
    return file, line


def _float(entity: Any, attribute: str, value: Any) -> float:
    """An entity attribute the demand model computes with: a finite number, else CaseError
    at the attribute's line."""
    number = value
    if isinstance(value, str):  # "1e10" written in quotes
        try:
            number = float(value)
        except ValueError:
            number = None
    if isinstance(number, int | float) and not isinstance(number, bool) and math.isfinite(number):
        return float(number)
    eid = getattr(entity, "id", "?")
    raise CaseError(
        f"entity {eid}: {attribute} must be a finite number for the demand model, got {value!r}",
        *_where(entity, attribute),
    )


def _validated(cls: type[BaseModel], fields: dict[str, Any], entity: Any) -> Any:
    try:
        return cls.model_validate(fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else None
        message = str(err["msg"]).removeprefix("Value error, ")
        where = _where(entity, field if field in getattr(entity, "attributes", {}) else None)
        eid = fields.get("id")
        raise CaseError(f"entity {eid}: {field}: {message}", *where) from None


def build_out_from_case(
    case: Any,
    *,
    nested: Iterable[Nesting] = (),
    groups: Iterable[OverlapGroup] = (),
    reference_additions: Iterable[ReferenceAddition] = (),
    reference_file: str | None = None,
    observed: ObservedAdditions | None = None,
    vintages: tuple[tuple[int, float], ...] = (),
    blade_plants: tuple[tuple[int, float], ...] = (),
) -> BuildOut:
    """The `BuildOut` of a loaded case: its energy bases, hydrogen project and corridors
    (and the reference additions, already read from `reference_file`: `Case.reference_additions`).

    Projects are the case's entities of kind `energy_base` / `hydrogen_project`, corridors
    those of kind `uhv_corridor`. Capacity is `capacity_w`, or
    `count` x `capacity_each_w`; status and time node are read from `status` / `date`.
    """
    entities = _entities(case)
    projects: list[Project] = []
    corridors: list[Corridor] = []
    for eid, ent in entities.items():
        kind = getattr(ent, "kind", "")
        attrs = dict(getattr(ent, "attributes", {}) or {})
        is_base = kind == "energy_base"
        is_h2 = kind == "hydrogen_project"
        if is_base or is_h2:
            cap = _attr(attrs, "capacity_w")
            if cap is None and _attr(attrs, "capacity_each_w") is not None:
                count = _attr(attrs, "count")
                cap = (1.0 if count is None else _float(ent, "count", count)) * _float(
                    ent, "capacity_each_w", attrs["capacity_each_w"]
                )
            status = _status(_attr(attrs, "status", "construction_status"))
            node = _node_text(_attr(attrs, "date", "time_node", "node", "start"))
            if status is None or node is None:
                what = "status" if status is None else "date"
                raise CaseError(
                    f"entity {eid}: the demand model needs a {what} (e.g. 'under construction', "
                    "'2023-05')",
                    *_where(ent, what),
                )
            fields = {
                "id": eid,
                "name": getattr(ent, "name", eid),
                "kind": "hydrogen_storage" if is_h2 else "new_energy_base",
                "capacity_w": _float(ent, "capacity_w", cap) if cap is not None else None,
                "status": status,
                "node": node,
            }
            projects.append(_validated(Project, fields, ent))
        elif kind == "uhv_corridor":
            node = _node_text(_attr(attrs, "in_operation", "date"))
            if node is None:
                raise CaseError(
                    f"entity {eid}: a corridor needs 'in_operation' (YYYY-MM-DD)",
                    *_where(ent, "in_operation"),
                )
            length = _attr(attrs, "length_km")
            if length is None and _attr(attrs, "length_km_min") is not None:
                low = _float(ent, "length_km_min", attrs["length_km_min"])
                high = _attr(attrs, "length_km_max")
                length = (low + (low if high is None else _float(ent, "length_km_max", high))) / 2
            cap = _attr(attrs, "capacity_w")
            fields = {
                "id": eid,
                "name": getattr(ent, "name", eid),
                "capacity_w": _float(ent, "capacity_w", cap) if cap is not None else None,
                "length_km": _float(ent, "length_km", length) if length is not None else None,
                "in_operation": node,
            }
            corridors.append(_validated(Corridor, fields, ent))
    known = {p.id for p in projects}
    nested = tuple(n for n in nested if n.child in known and n.parent in known)
    groups = tuple(
        g.model_copy(update={"members": tuple(m for m in g.members if m in known)}) for g in groups
    )
    groups = tuple(g for g in groups if len(g.members) >= 2)
    return BuildOut(
        projects=tuple(projects),
        corridors=tuple(corridors),
        nested=nested,
        overlap_groups=groups,
        reference_additions=tuple(reference_additions),
        reference_file=reference_file,
        observed=observed,
        vintages=vintages,
        blade_plants=blade_plants,
    )
