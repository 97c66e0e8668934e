"""Local production (issue 13): the region's blade plants beside the demand from its own
installations, from the case's production file."""

from __future__ import annotations

import pytest

import pestle
from pestle.errors import ParseError
from pestle.results import Results, Settings

SETTINGS = Settings(samples=5_000, seed=2, draws=100, sobol_samples=0)


def test_the_plants_in_production_make_part_of_the_regions_blades() -> None:
    case = pestle.load_case()
    plants = case.production_plants
    producing = [p for p in plants.plants if p.makes_blades and p.producing and p.blade_sets]
    assert {p.city for p in producing} >= {"Tacheng", "Hami", "Turpan"}
    assert all(p.source for p in plants.plants)
    assert "FRP pipes and tanks" in plants.not_found
    results = Results(case, SETTINGS, cache=False)
    d = results.demand
    assert d.regional_total is not None and len(d.regional) == len(d.years)
    blades = d.segment("wind_blades").yearly
    for year, made, need in zip(d.years, d.regional, blades, strict=True):
        assert 0 <= made.p5 <= made.p50 <= made.p95, year
        assert made.p50 <= need.p95, year  # never more than the region's own demand
    # no plant produced before 2023 in the file: 2023 is Sany Tacheng's first year alone
    assert d.regional[0].p50 < d.regional[1].p50
    data = results.to_dict()["demand"]["scenarios"]["observed"]["regional_production"]
    assert data["segment"] == "wind_blades" and set(data["yearly"]) == {str(y) for y in d.years}


def test_a_case_without_plants_has_no_regional_production(case_copy) -> None:
    info = case_copy / "case.yaml"
    text = info.read_text(encoding="utf-8")
    info.write_text(
        text.replace(
            "production_plants: sources/production_plants.yaml", "production_plants: null"
        ),
        encoding="utf-8",
    )
    d = Results(pestle.load_case(case_copy), SETTINGS, cache=False).demand
    assert d.regional_total is not None and d.regional_total.p95 == 0.0


def test_a_plant_without_a_source_is_refused_at_its_line(case_copy) -> None:
    import re

    path = case_copy / "sources" / "production_plants.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if "Times New Material Hami" in line)
    src = next(i for i in range(at, len(lines)) if "source:" in lines[i])
    lines[src] = re.sub(r'source: "[^"]*"', 'source: ""', lines[src])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ParseError, match="needs a 'source'") as info:
        _ = pestle.load_case(case_copy).production_plants
    assert info.value.line == at + 1
