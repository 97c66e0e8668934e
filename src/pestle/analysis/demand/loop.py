"""The demand model written the straightforward way: one Python loop per sample.

Same equations as `model.evaluate`, scalar arithmetic only. It exists to check the
vectorised model (tests compare the two on the same draws) and as the baseline of
benchmarks/demand.py. Not for production use: it is ~100x slower.
"""

from __future__ import annotations

import math

import numpy as np

from pestle.analysis.demand.capacity import BuildOut, aggregate
from pestle.analysis.demand.intensity import SEGMENTS
from pestle.model.parameter import Parameter, ParameterSet


def _ppf(p: Parameter, u: float) -> float:
    if p.distribution == "fixed":
        return float(p.base)
    low, high = p.support
    if p.distribution == "uniform":
        return low + (high - low) * u
    mode = float(p.base)
    if u < (mode - low) / (high - low):
        return low + math.sqrt(u * (high - low) * (mode - low))
    return high - math.sqrt((1.0 - u) * (high - low) * (high - mode))


def _share(start: float, length: float, year: int) -> float:
    t = max(length, 1e-9)
    return (min(max(year + 1 - start, 0.0), t) - min(max(year - start, 0.0), t)) / t


def _start(status: str, node: float, build: float, lag: float) -> float:
    if status in ("completed", "in_operation"):
        return node - build
    if status == "planned":
        return node + lag
    return node


def evaluate_one(
    build_out: BuildOut, parameters: ParameterSet, x: dict[str, float]
) -> tuple[list[list[float]], list[float]]:
    """Demand [segment][year] (t) and end-of-life waste [waste year] (t) of one sample."""

    def val(name: str) -> float:
        return x[name] if name in x else float(parameters[name].base)

    first = int(parameters["horizon_start"].base)
    last = int(parameters["horizon_end"].base)
    years = list(range(first, last + 1))
    build = val("commissioning_years")
    lag = val("planning_lag_years")

    total = [0.0] * len(years)
    wind_solar: list[tuple[float, float]] | None = None
    if parameters["capacity_path"].base == "observed":
        assert build_out.observed is not None
        known = {a.year: a for a in build_out.observed.additions}
        last_known = max(known)
        share, growth = val("projection_wind_share"), val("projection_growth")
        wind_solar = []
        for y in years:
            if y in known:
                a = known[y]
                f = share if a.wind_share is None else a.wind_share
                wind_solar.append((a.total_w * f, a.total_w - a.total_w * f))
            elif y > last_known:
                t = known[last_known].total_w * (1 + growth) ** (y - last_known)
                wind_solar.append((t * share, t * (1 - share)))
            else:
                wind_solar.append((0.0, 0.0))
    elif parameters["capacity_path"].base == "bases":
        for c in aggregate(build_out, str(parameters["aggregation"].base)):
            cap = c.capacity_w if c.capacity_w is not None else val("unstated_capacity_w")
            start = _start(c.project.status, c.project.year, build, lag)
            for i, y in enumerate(years):
                total[i] += cap * _share(start, build, y)
    else:
        stated = {a.year: a.capacity_w for a in build_out.reference_additions}
        last_stated = max(stated)
        for i, y in enumerate(years):
            if y > last_stated:
                total[i] = stated[last_stated] * (1 + val("reference_growth")) ** (y - last_stated)
            else:
                total[i] = stated.get(y, 0.0)

    if parameters["blade_mass_method"].base == "per_mw":
        per_mw = val("blade_mass_t_per_mw")
    else:
        radius = val("rotor_diameter_m") / 2
        blade_kg = val("blade_scaling_a") * radius ** val("blade_scaling_b")
        per_mw = 3 * blade_kg / 1000 / val("turbine_rating_mw")
    per_mw *= 1 - val("carbon_spar_adoption") * val("carbon_spar_mass_saving")

    blades, pv, h2, ins = ([0.0] * len(years) for _ in range(4))
    for i in range(len(years)):
        if wind_solar is not None:
            wind_w, solar_w = wind_solar[i]
        else:
            wind_w = total[i] * val("wind_share")
            solar_w = total[i] - wind_w
        blades[i] = wind_w / 1e6 * per_mw
        pv[i] = (
            solar_w / 1e9 * val("pv_glass_fibre_t_per_gw") * val("pv_composite_frame_penetration")
        )

    km_t = val("towers_per_km") * val("insulators_per_tower") * val("insulator_mass_kg") / 1000
    corridor_build = val("corridor_build_years")
    for i, y in enumerate(years):
        km = val("backbone_line_km_per_year")
        for corridor in build_out.corridors:
            if corridor.year > first:
                assert corridor.length_km is not None
                km += corridor.length_km * _share(corridor.year - corridor_build, corridor_build, y)
        ins[i] = km * km_t

    vessels_t = val("h2_transport_vessels_per_year") * val("h2_vessel_composite_t")
    for project in build_out.projects:
        if project.kind != "hydrogen_storage":
            continue
        start = _start(project.status, project.year, build, lag)
        for i, y in enumerate(years):
            operating = min(max(y + 1 - (start + build), 0.0), 1.0)
            h2[i] += vessels_t * operating + val("h2_stationary_composite_t") * _share(
                start, build, y
            )

    _, high = parameters["blade_design_life_years"].support
    hi = math.ceil(high)
    waste = [0.0] * (len(years) + hi)  # waste years: the first horizon year on
    life = val("blade_design_life_years")
    whole = math.floor(life)
    part = life - whole
    for i in range(len(years)):
        waste[i + whole] += blades[i] * (1 - part)
        if part > 0:
            waste[i + whole + 1] += blades[i] * part

    # the fleet built before the horizon leaves service at age A (repowered or retired)
    age = val("repowering_age")
    a_whole, a_part = math.floor(age), age - math.floor(age)
    leaving = [0.0] * len(waste)
    for year, capacity in build_out.vintages:
        if year >= first:
            continue
        for k, weight in ((a_whole, 1 - a_part), (a_whole + 1, a_part)):
            i = year + k - first
            if weight > 0 and 0 <= i < len(leaving):
                leaving[i] += capacity * weight
    repower = [
        leaving[i] * val("repowering_share") * val("repowering_uplift") / 1e6 * per_mw
        for i in range(len(years))
    ]
    for i, w in enumerate(leaving):
        waste[i] += w / 1e6 * val("blade_mass_t_per_mw")
    demand = dict(zip(SEGMENTS, (blades, pv, h2, ins, repower), strict=True))
    return [demand[s] for s in SEGMENTS], waste


def evaluate_loop(
    build_out: BuildOut, parameters: ParameterSet, u: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per-sample loop over uniform draws u (D, n): demand (S, Y, n) and waste (W, n)."""
    names = [p.name for p in parameters.uncertain() if not p.categorical]
    demand_rows = []
    waste_rows = []
    for j in range(u.shape[1]):
        x = {name: _ppf(parameters[name], float(u[k, j])) for k, name in enumerate(names)}
        demand, waste = evaluate_one(build_out, parameters, x)
        demand_rows.append(demand)
        waste_rows.append(waste)
    return np.moveaxis(np.array(demand_rows), 0, -1), np.array(waste_rows).T
