"""Material intensities: capacity and corridors -> tonnes of composites by segment.

Every figure comes from a parameter (see the case's parameters.yaml for sources and
assumption flags); this module only multiplies. Arrays are (Y years, n samples): samples
last, so a parameter's draws (n,) broadcast against them.

- wind_blades: wind MW x blade mass per MW x (1 - carbon-spar adoption x mass saving).
  Blade mass per MW is either the per-MW figure (10-14 t/MW) or, with
  `blade_mass_method = rotor_scaling`, the NREL scaling law for one blade,
  a * R^b kg with R the rotor radius (Fingersh, Hand & Laxson 2006), x 3 blades / rating.
- pv_frames: glass fibre per GW of modules with composite frames x frame penetration.
- transmission_insulators: line length x towers per km x composite insulators per tower x
  mass per insulator, for the UHV corridors (spread over each corridor's build window
  before it went into operation) and the backbone (750 kV-class) lines built each year.
- hydrogen_vessels: composite transport vessels only. Large stationary hydrogen stores use
  steel pipes / vessels or caverns, not composite vessels (Papadias & Ahluwalia, Int. J.
  Hydrogen Energy 46 (2021) 34527), so the stationary path is ~0 (`h2_stationary_composite_t`,
  fixed at 0 with that source); composites enter through Type III/IV transport vessels, whose
  number and mass are explicit assumptions.

- wind_repowering: new blades for the wind fleet built before the horizon as it leaves
  service: capacity of vintage v leaves at v + A (A = `repowering_age`, 15-20 y: NEA 2023
  No. 45 encourages repowering farms older than 15 years; design life 20 y), a share r of it
  (`repowering_share`) is repowered with u times the capacity (`repowering_uplift`), at
  today's blade mass per MW.

Regional production: the blade plants in production in the region (sets of three blades a
year, from the year they started), times the turbine rating a set serves, their
utilisation and the blade mass per MW, is what the region can make; it makes at most the
share of its own blade demand (new and repowering) that buys locally. Supply to other
regions is not counted (no volume is sourced).

End-of-life blade waste, by year from the horizon's start: the old fleet's blades as it
leaves service (at the plain per-MW blade mass, no carbon spar caps), and the blade mass
installed in a horizon year after the design life L (20-30 y). A non-integer L or A splits
the mass between the two neighbouring years.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from pestle.analysis.demand.capacity import (
    BuildOut,
    operating_fractions,
    window_start,
    yearly_fractions,
)
from pestle.errors import AnalysisError
from pestle.model.parameter import ParameterSet

SEGMENTS: tuple[str, ...] = (
    "wind_blades",
    "pv_frames",
    "hydrogen_vessels",
    "transmission_insulators",
    "wind_repowering",
)

# Composite products the model leaves out, and why (the report lists them beside the model)
NOT_MODELLED: tuple[tuple[str, str], ...] = (
    (
        "FRP pipes and tanks for oil, gas and coal chemicals",
        "no public tonnes per unit of activity found",
    ),
    ("nacelle covers and other turbine parts", "no public mass per MW found"),
)

Array = np.ndarray


class Values:
    """Parameter values for n samples: drawn arrays for uncertain parameters, else the base.

    `values[name]` is an array (n,) for a drawn parameter or a float; `values.text(name)`
    is the value of a categorical parameter.
    """

    def __init__(
        self,
        parameters: ParameterSet,
        draws: Mapping[str, Array] | None = None,
        *,
        n: int | None = None,
    ):
        self.parameters = parameters
        self.draws = dict(draws or {})
        sizes = {np.size(v) for v in self.draws.values()}
        if n is not None:
            sizes.add(n)
        if len(sizes) > 1:
            raise AnalysisError(f"draws of different lengths: {sorted(sizes)}")
        self.n = sizes.pop() if sizes else 1

    def __getitem__(self, name: str) -> Array | float:
        if name in self.draws:
            return np.asarray(self.draws[name], dtype=float).reshape(-1)
        value = self.parameters.require(name).value
        if isinstance(value, str):
            raise AnalysisError(f"parameter {name} is categorical ({value!r}), not a number")
        return float(value)

    def text(self, name: str) -> str:
        value = self.parameters.require(name).value
        if not isinstance(value, str):
            raise AnalysisError(f"parameter {name} must be categorical; got {value!r}")
        return value


def blade_t_per_mw(v: Values) -> Array | float:
    """Blade mass per MW of wind capacity, after carbon spar caps, in t/MW."""
    method = v.text("blade_mass_method")
    if method == "per_mw":
        mass = v["blade_mass_t_per_mw"]
    elif method == "rotor_scaling":
        radius = v["rotor_diameter_m"] / 2.0
        one_blade_kg = v["blade_scaling_a"] * radius ** v["blade_scaling_b"]
        mass = 3.0 * one_blade_kg / 1000.0 / v["turbine_rating_mw"]
    else:
        raise AnalysisError(f"blade_mass_method {method!r}: use per_mw or rotor_scaling")
    return mass * (1.0 - v["carbon_spar_adoption"] * v["carbon_spar_mass_saving"])


def wind_blades_t(wind_w: Array, per_mw: Array | float) -> Array:
    """Blade mass of new wind capacity, t, at `per_mw` t/MW (`blade_t_per_mw`)."""
    return wind_w * (1e-6 * per_mw)


def pv_frames_t(solar_w: Array, v: Values) -> Array:
    per_w = 1e-9 * v["pv_glass_fibre_t_per_gw"] * v["pv_composite_frame_penetration"]
    return solar_w * per_w


def insulators_t(build_out: BuildOut, years: Array, v: Values) -> Array:
    """Composite insulators, (Y, n) in t: line length x towers per km x insulators per
    tower x mass per insulator, for the UHV corridors built within the horizon (spread over
    each corridor's build window before it went into operation) and for the backbone grid's
    lines built each year (`backbone_line_km_per_year`)."""
    t_per_km = v["towers_per_km"] * v["insulators_per_tower"] * v["insulator_mass_kg"] / 1000.0
    build = v["corridor_build_years"]
    km = np.zeros((len(years), v.n))
    for corridor in build_out.corridors:
        if corridor.year <= years[0]:
            continue  # in operation before the horizon: built before it
        if corridor.length_km is None:
            raise AnalysisError(
                f"corridor {corridor.id}: the insulator segment needs its line length "
                "(length_km, or length_km_min / length_km_max)"
            )
        km += corridor.length_km * yearly_fractions(corridor.year - build, build, years)
    km += v["backbone_line_km_per_year"]
    return km * t_per_km


def hydrogen_t(build_out: BuildOut, years: Array, v: Values) -> Array:
    """Composite hydrogen vessels, (n, Y) in t: transport vessels once a hydrogen project
    operates, plus the (sourced ~0) composite share of its stationary store while built."""
    build = v["commissioning_years"]
    lag = v["planning_lag_years"]
    vessels_t = v["h2_transport_vessels_per_year"] * v["h2_vessel_composite_t"]
    stationary_t = v["h2_stationary_composite_t"]
    out = np.zeros((len(years), v.n))
    for project in build_out.projects:
        if project.kind != "hydrogen_storage":
            continue
        start = window_start(project, build, lag)
        out += vessels_t * operating_fractions(start + build, years)
        if np.any(stationary_t):
            out += stationary_t * yearly_fractions(start, build, years)
    return out


def _split_years(age: Array | float, lo: int, hi: int) -> list[tuple[int, Array]]:
    """(whole years k, weight (n,)) of an age that may be fractional: the mass of a year
    falls k years later with weight 1 - frac where floor(age) = k, and frac where it is k-1."""
    age = np.asarray(age, dtype=float).reshape(-1)
    whole = np.floor(age)
    part = age - whole
    out = []
    for k in range(lo, hi + 1):
        weight = (1.0 - part) * (whole == k) + part * (whole + 1.0 == k)
        if np.any(weight):
            out.append((k, weight))
    return out


def old_fleet_leaving_w(
    vintages: tuple[tuple[int, float], ...], years: Array, v: Values, ages: tuple[int, int]
) -> Array:
    """Wind capacity of the fleet built before the horizon (vintages before `years[0]`)
    leaving service in each of `years`, (Y, n) in W."""
    out = np.zeros((len(years), v.n))
    first = int(years[0])
    for k, weight in _split_years(v["repowering_age"], *ages):
        for year, capacity in vintages:
            if year >= first:
                continue  # built in the horizon: its blades are the wind_blades segment
            i = year + k - first
            if 0 <= i < len(years):
                out[i] += capacity * weight
    return out


def repowering_t(leaving_w: Array, v: Values, per_mw: Array | float) -> Array:
    """New blades for the repowered part of the capacity leaving service, (Y, n) in t."""
    new_w = leaving_w * (v["repowering_share"] * v["repowering_uplift"])
    return new_w * (1e-6 * per_mw)


def _whole_years(parameters: ParameterSet, name: str, most: int) -> tuple[int, int]:
    """Smallest and largest whole number of years a sample of `name` can reach."""
    low, high = parameters.require(name).support
    if not 0 < low <= high <= most:
        at = f"{parameters.origin}: " if parameters.origin else ""
        raise AnalysisError(f"{at}{name} must be between 0 and {most} years")
    return math.floor(low), math.ceil(high)


def repowering_ages(parameters: ParameterSet) -> tuple[int, int]:
    """Smallest and largest whole-year age at which the old fleet leaves service."""
    return _whole_years(parameters, "repowering_age", 100)


def regional_blades_t(
    sets_per_year: Array | list[float],
    blades_t: Array,
    v: Values,
    per_mw: Array | float,
    out: Array,
) -> Array:
    """The region's blade production opportunity, (Y, n) in t: the local plants' output
    (sets a year x turbine rating x utilisation x blade mass per MW), at most the share of
    the region's own blade demand that buys locally (`local_capture`)."""
    sets = np.asarray(sets_per_year, dtype=float).reshape(-1, 1)
    capacity_t = sets * (v["plant_turbine_mw"] * v["plant_utilisation"] * per_mw)
    np.minimum(capacity_t, blades_t * v["local_capture"], out=out)
    return out


def life_offsets(parameters: ParameterSet) -> tuple[int, int]:
    """Smallest and largest whole-year offset a design-life sample can reach."""
    return _whole_years(parameters, "blade_design_life_years", 200)


def eol_waste_t(
    blades_t: Array,
    v: Values,
    offsets: tuple[int, int],
    out: Array,
    old_leaving_w: Array | None = None,
) -> Array:
    """Blade mass reaching end of life in each waste year (the horizon's first year on),
    written into `out` (W, n): the horizon's blades after the design life, and the old
    fleet's blades as it leaves service (`old_leaving_w`, (Y', n) W from the first year)."""
    lo, hi = offsets
    n_years = blades_t.shape[0]
    out[...] = 0.0
    for k, weight in _split_years(v["blade_design_life_years"], lo, hi):
        out[k : k + n_years] += blades_t * weight
    if old_leaving_w is not None:
        out[: old_leaving_w.shape[0]] += old_leaving_w * (1e-6 * v["blade_mass_t_per_mw"])
    return out
