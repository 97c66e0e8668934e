"""load_case on the embedded Xinjiang case, and on broken copies of it."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

import pestle
from case_edit import edit_line
from pestle.case import Case, CaseEntity, load_case
from pestle.case.loader import case_folder, case_paths, embedded_cases
from pestle.errors import CaseError, InputError, ParseError

CASE_DIR = Path(__file__).resolve().parents[2] / "src" / "pestle" / "cases" / "xinjiang_composites"

NEW_ENERGY = "New Energy Industry: Demand-driven and Industrial Chain Linkage"

ENTITIES = {
    "policy": {
        "policy_ftz_overall_plan",
        "policy_ftz_delegation",
        "policy_carbon_peak_industry",
        "policy_energy_base_strategy",
    },
    "free_trade_zone": {"ftz_xinjiang"},
    "ftz_section": {"ftz_section_urumqi", "ftz_section_kashgar", "ftz_section_horgos"},
    "energy_base": {
        "base_northern_tianshan",
        "base_southern_taklimakan",
        "base_huadian_tianshan_gobi",
        "base_three_10gw_class",
    },
    "hydrogen_project": {"project_hydrogen_storage"},
    "uhv_corridor": {
        "corridor_hami_zhengzhou",
        "corridor_zhundong_wannan",
        "corridor_hami_chongqing",
    },
    "industrial_cluster": {
        "cluster_oil_gas",
        "cluster_coal",
        "cluster_green_mining",
        "cluster_grain_oil",
        "cluster_cotton_textile",
        "cluster_fruits_vegetables",
        "cluster_livestock",
        "cluster_new_energy_materials",
    },
    "platform_type": {
        "platform_comprehensive_bonded_zones",
        "platform_cross_border_ecommerce_pilot_zones",
        "platform_overseas_warehouses",
        "platform_national_development_zones",
        "platform_border_cooperation_zones",
    },
    "trade_category": {
        "trade_general_trade",
        "trade_electromechanical_exports",
        "trade_urumqi_bonded_logistics",
        "trade_urumqi_market_procurement_exports",
    },
}

FACTORS = {
    "policy_superposition": ("political", "opportunity", "report"),
    "ftz_empowerment": ("political", "opportunity", "report"),
    "international_trust": ("political", "opportunity", "report"),
    "economic_growth": ("economic", "opportunity", "report"),
    "industrial_clusters": ("economic", "opportunity", "report"),
    "trade_expansion": ("economic", "opportunity", "report"),
    "opening_platforms": ("economic", "opportunity", "report"),
    "distance_to_markets": ("economic", "threat", "analyst"),
    "social_stability": ("social", "opportunity", "report"),
    "new_energy_demand": ("technological", "opportunity", "report"),
    "forced_labor_import_restrictions": ("legal", "threat", "analyst"),
    "energy_transition_chain": ("environmental", "opportunity", "report"),
    "blade_end_of_life_waste": ("environmental", "threat", "analyst"),
}


@pytest.fixture(scope="module")
def case() -> Case:
    return load_case()


def test_every_entity_listed_is_loaded_with_its_kind(case: Case) -> None:
    for kind, ids in ENTITIES.items():
        assert {e.id for e in case.entities_of(kind)} == ids, kind
    indicators = {e.id for e in case.entities_of("indicator")}
    assert {
        "gdp_2024",
        "gdp_2025q1",
        "clusters_value_added_2022",
        "trade_total_2023h1",
    } <= indicators
    assert all(isinstance(e, CaseEntity) for e in case.entities)


def test_entities_carry_the_reports_values_in_canonical_units(case: Case) -> None:
    def attrs(entity_id: str) -> dict:
        return dict(case.entity(entity_id).attributes)

    assert attrs("base_northern_tianshan") == {
        "capacity_w": 1e10,
        "status": "under_construction",
        "date": "2023-05",
    }
    assert attrs("base_southern_taklimakan") == {
        "status": "plan_under_evaluation",
        "date": "2023-12",
    }
    assert attrs("base_huadian_tianshan_gobi") == {
        "capacity_w": 6.1e9,
        "status": "under_construction",
        "date": "2024-02-26",
    }
    assert attrs("base_three_10gw_class") == {
        "count": 3,
        "capacity_each_w": 1e10,
        "status": "completed",
        "date": "2024",
    }
    assert attrs("project_hydrogen_storage") == {"status": "under_construction", "date": "2024"}
    assert attrs("policy_ftz_overall_plan")["measures_count"] == 25
    assert attrs("policy_ftz_delegation")["powers_count"] == 26
    sections = [
        attrs(f"ftz_section_{s}")["permissions_count"] for s in ("urumqi", "kashgar", "horgos")
    ]
    assert sections == [20, 6, 17]
    counts = [e.attributes["count"] for e in case.entities_of("platform_type")]
    assert counts == [4, 4, 29, 6, 5]
    dims = {e.id: e.attributes["dimension"] for e in case.entities_of("trade_category")}
    assert dims == {
        "trade_general_trade": "trade_mode",
        "trade_electromechanical_exports": "product_category",
        "trade_urumqi_bonded_logistics": "zone_channel",
        "trade_urumqi_market_procurement_exports": "zone_channel",
    }


def test_corridors_take_status_from_the_report_and_figures_from_the_reference(case: Case) -> None:
    statuses = [e.attributes["status"] for e in case.entities_of("uhv_corridor")]
    assert statuses == ["completed", "completed", "approved"]
    for entity in case.entities_of("uhv_corridor"):
        (link,) = entity.references
        corridor = case.references.get(link.reference)
        assert entity.attributes["voltage_kv"] == corridor.voltage_kv
        assert entity.attributes["capacity_w"] == corridor.capacity_w
        assert entity.attributes["length_km_min"] == corridor.length_km_min
        assert corridor.source and corridor.quality == "firm"


def test_every_factor_is_loaded_with_dimension_direction_and_origin(case: Case) -> None:
    assert {f.id: (f.dimension, f.direction, f.origin) for f in case.factors} == FACTORS
    for factor in case.factors:
        assert "\n" not in factor.statement
        if factor.origin == "analyst":
            assert factor.direction == "threat" and factor.sources
            assert all(s.address and s.address.startswith("http") for s in factor.sources)
        else:
            assert factor.evidence
    law = case.factor("forced_labor_import_restrictions")
    assert "Public Law 117-78" in law.statement and "(EU) 2024/3015" in law.statement
    waste = case.factor("blade_end_of_life_waste")
    assert "end_of_life.blade_waste_global_2050_t" in [r.reference for r in waste.references]
    assert "Britannica" in case.factor("distance_to_markets").statement
    assert not re.search(r"\d\s*km", case.factor("distance_to_markets").statement)


def test_every_evidence_link_resolves_to_the_quoted_passage(case: Case) -> None:
    links = 0
    for owner in [*case.entities, *case.factors]:
        for link in owner.evidence:
            resolution = case.resolve(link)
            assert " ".join(resolution.text.split()) == " ".join(link.quote.split())
            document = case.document(link.document)
            section = [s for s in document.sections if s.start <= resolution.start < s.end]
            assert section[0].title == link.section
            links += 1
    assert links > 80


def test_every_attribute_link_has_one_claim_with_the_attributes_value(case: Case) -> None:
    checked = 0
    for entity in case.entities:
        for link in entity.evidence:
            value = entity.attributes.get(link.attribute) if link.attribute else None
            if not isinstance(value, int | float):
                continue
            claims = case.claims_for(link)
            matching = [c for c in claims if c.value == pytest.approx(value, rel=1e-9)]
            assert matching, (entity.id, link.quote, [c.text for c in claims])
            assert all(c.section == link.section for c in matching)
            checked += 1
    assert checked >= 40


def test_case_exposes_claims_documents_and_folder(case: Case) -> None:
    (document,) = case.documents
    assert document.id == "source_report"
    assert document.source.sha256 == (
        "f41b5a2bda8dc20d07951748e478fdfad1abc1a05759c8fc2dd6ef76bb8814c2"
    )
    assert case.claims == document.claims and len(case.claims) > 40
    assert case.folder == CASE_DIR
    assert (case.folder / "case.yaml").is_file()
    assert case.region.startswith("Xinjiang") and case.target_industry == "composite materials"


def test_pandas_views(case: Case) -> None:
    indicators = case.indicators.to_frame()
    assert list(indicators.columns[:8]) == [
        "id",
        "name",
        "measure",
        "subject",
        "period",
        "value",
        "unit",
        "qualifier",
    ]
    gdp = indicators.set_index("id").loc["gdp_2024"]
    assert (gdp["value"], gdp["unit"], gdp["qualifier"]) == (2e12, "CNY", ">")
    entities = case.entities_frame()
    assert len(entities) == len(case.entities)
    assert entities.set_index("id").loc["base_huadian_tianshan_gobi", "capacity_w"] == 6.1e9
    assert len(case.factors_frame()) == len(FACTORS)
    assert len(case.claims_frame()) == len(case.claims)
    assert len(case.references.to_frame()) == len(case.references.entries)
    links = case.evidence_frame()
    supported = links[links["claim"].notna()]
    assert len(supported) >= 40
    assert (supported["value"].astype(float) == supported["claim_value"]).all()


def test_the_case_is_frozen(case: Case) -> None:
    with pytest.raises(ValueError):
        case.id = "other"  # type: ignore[misc]
    with pytest.raises(ValueError):
        case.entity("ftz_xinjiang").name = "x"  # type: ignore[misc]


def test_public_api_and_case_lookup(case: Case) -> None:
    assert "load_case" in pestle.__all__
    assert pestle.load_case().entity("ftz_section_horgos") == case.entity("ftz_section_horgos")
    assert embedded_cases() == ("inner_mongolia_composites", "xinjiang_composites")
    assert case_folder(CASE_DIR / "case.yaml") == CASE_DIR
    assert load_case(CASE_DIR).id == "xinjiang_composites"
    with pytest.raises(InputError, match=r"no_such_case: no such case; .*xinjiang_composites"):
        load_case("no_such_case")


def test_loading_is_fast() -> None:
    load_case()  # imports and the extraction cache
    started = time.perf_counter()
    load_case()
    assert time.perf_counter() - started < 0.3


# -- broken copies ------------------------------------------------------------------------------


def test_an_edited_value_fails_with_file_line_and_both_values(case_copy: Path) -> None:
    path = case_copy / "entities" / "energy.yaml"
    line = edit_line(path, "capacity_w: 6.1e9", "capacity_w: 6.0e9")
    with pytest.raises(CaseError) as info:
        load_case(case_copy)
    assert (info.value.file, info.value.line) == (str(path), line)
    assert str(info.value) == (
        f'{path}:{line}: capacity_w is 6.0e9 but the linked claim "6.1 million kilowatts" '
        f'(section "{NEW_ENERGY}") says 6.1e9'
    )


def test_an_edited_count_and_qualifier_fail_the_same_way(case_copy: Path) -> None:
    path = case_copy / "entities" / "policy.yaml"
    line = edit_line(path, "permissions_count: 17", "permissions_count: 16")
    with pytest.raises(
        CaseError,
        match=rf"policy.yaml:{line}: permissions_count is 16 but the "
        r'linked claim "17[^"]*" \(section "Two-way .*"\) says 17$',
    ):
        load_case(case_copy)


def test_an_edited_indicator_qualifier_fails(case_copy: Path) -> None:
    path = case_copy / "entities" / "economy.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("- id: gdp_2024")
    offset = next(i for i in range(start, len(lines)) if 'qualifier: ">"' in lines[i])
    lines[offset] = lines[offset].replace('">"', '"="')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CaseError) as info:
        load_case(case_copy)
    assert info.value.line == offset + 1
    assert 'qualifier is "=" but the linked claim "' in str(info.value)
    assert str(info.value).endswith('says ">"')


def test_a_value_that_disagrees_with_the_reference_data_fails(case_copy: Path) -> None:
    path = case_copy / "entities" / "energy.yaml"
    line = edit_line(path, "voltage_kv: 1100", "voltage_kv: 1000")
    with pytest.raises(CaseError) as info:
        load_case(case_copy)
    assert str(info.value) == (
        f"{path}:{line}: voltage_kv is 1000 but reference "
        "'uhv_corridors@Zhundong (Changji) - Wannan (Guquan)' (xinjiang_reference.yaml:24) "
        "says voltage_kv = 1100"
    )


def test_an_unresolved_quote_fails_at_the_link(case_copy: Path) -> None:
    path = case_copy / "entities" / "trade.yaml"
    line = edit_line(path, "quote: 29 overseas warehouses", "quote: 30 overseas warehouses")
    with pytest.raises(CaseError) as info:
        load_case(case_copy)
    assert info.value.line == line - 1  # the link starts on the line above its quote
    assert str(info.value).endswith(
        'quote "30 overseas warehouses (port warehouses)" '
        '(section "Vitality of Opening Platform and Trade Entities"): '
        "the quote is not in the document"
    )


def test_an_ambiguous_quote_fails(case_copy: Path) -> None:
    path = case_copy / "entities" / "energy.yaml"
    edit_line(path, "quote: Each 10 million kilowatts", "quote: 10 million kilowatts")
    with pytest.raises(
        CaseError,
        match=r"energy.yaml:\d+: quote \"10 million kilowatts\" "
        r".*: the quote occurs 2 times; quote more",
    ):
        load_case(case_copy)


def test_an_unknown_section_fails(case_copy: Path) -> None:
    path = case_copy / "factors.yaml"
    text = path.read_text(encoding="utf-8")
    old = "section: Enhancement of Social Stability and Governance Efficacy\n"
    path.write_text(text.replace(old, "section: Social Stability\n"), encoding="utf-8")
    with pytest.raises(
        CaseError,
        match=r"factors.yaml:\d+: section 'Social Stability' is not a "
        r"section of 'source_report' \(sections: ",
    ):
        load_case(case_copy)


def test_an_edited_document_is_caught_by_its_links(case_copy: Path) -> None:
    report = case_copy / "sources" / "source_report.txt"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("6.1 million kilowatts", "6.2 million kilowatts"), "utf-8")
    with pytest.raises(
        CaseError,
        match=r'energy.yaml:\d+: quote "Huadian Northern Tianshan Gobi '
        r"Base \| 6.1 million .*: the quote is not in the document",
    ):
        load_case(case_copy)


def test_a_changed_table_unit_changes_the_claims_and_fails_the_values(case_copy: Path) -> None:
    report = case_copy / "sources" / "source_report.txt"
    text = report.read_text(encoding="utf-8")
    edited = text.replace("Added Value (100 million yuan)", "Added Value (billion yuan)")
    assert edited != text
    report.write_text(edited, "utf-8")
    path = case_copy / "entities" / "economy.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("- id: va_primary_2025q1")
    line = next(i for i in range(start, len(lines)) if "value: 1.4245e10" in lines[i]) + 1
    with pytest.raises(CaseError) as info:
        load_case(case_copy)
    assert str(info.value) == (
        f'{path}:{line}: value is 1.4245e10 but the linked claim "142.45" '
        '(section "Current Situation and Trend Analysis of Economic Growth") says 1.4245e11'
    )


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "entities/energy.yaml",
            "kind: energy_base",
            "kind: power_plant",
            r"kind 'power_plant' is not one of: policy, ",
        ),
        (
            "entities/energy.yaml",
            "name: {en: Huadian Northern Tianshan Gobi Base",
            "nam: {en: Huadian Northern Tianshan Gobi Base",
            r"base_huadian_tianshan_gobi: name: Field required",
        ),
        (
            "entities/trade.yaml",
            "attributes: {count: 29}",
            "attributes: {count: [29]}",
            r"platform_overseas_warehouses: attributes.count: Input should be",
        ),
        (
            "entities/trade.yaml",
            "- id: platform_overseas_warehouses",
            "- id: trade_general_trade",
            r"entity id 'trade_general_trade' is used twice \(first at .*trade.yaml:\d+\)",
        ),
        (
            "factors.yaml",
            "direction: threat",
            "direction: risk",
            r"distance_to_markets: direction: Input should be 'opportunity' or 'threat'",
        ),
        (
            "factors.yaml",
            "dimension: legal",
            "dimension: legislative",
            r"forced_labor_import_restrictions: dimension: Input should be 'political'",
        ),
        ("factors.yaml", "reference: uhv_corridors@", "reference: corridors@", None),
        (
            "entities/trade.yaml",
            "      attribute: count\n",
            "      atribute: count\n",
            r"platform_comprehensive_bonded_zones: evidence.0.atribute: Extra inputs are not",
        ),
    ],
)
def test_schema_errors_name_file_and_line(
    case_copy: Path, file: str, old: str, new: str, message: str | None
) -> None:
    path = case_copy / file
    if message is None:  # this row is for entities/energy.yaml (a reference link)
        path = case_copy / "entities" / "energy.yaml"
        message = r"reference 'corridors@Hami South - Zhengzhou' is not in the case's reference"
    text = path.read_text(encoding="utf-8")
    first = text.index(old)
    line = text.count("\n", 0, first) + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CaseError) as info:
        load_case(case_copy)
    assert info.value.file == str(path)
    assert re.search(message, str(info.value)), str(info.value)
    assert str(info.value).startswith(f"{path}:{info.value.line}: ")
    item_start = text.count("\n", 0, text.rindex("- id:", 0, first + 1)) + 1
    assert item_start <= info.value.line <= line


def test_an_analyst_factor_without_a_source_fails(case_copy: Path) -> None:
    path = case_copy / "factors.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: distance_to_markets")
    block_end = text.index("- id: social_stability")
    block = text[start:block_end]
    path.write_text(
        text[:start] + block[: block.index("  sources:")] + "\n" + text[block_end:],
        encoding="utf-8",
    )
    with pytest.raises(CaseError) as info:
        load_case(case_copy)
    line = text.count("\n", 0, start) + 1
    assert str(info.value) == (
        f"{path}:{line}: distance_to_markets: a factor with origin 'analyst' needs at least one "
        "public source"
    )


def test_a_factor_naming_an_unknown_entity_fails(case_copy: Path) -> None:
    path = case_copy / "factors.yaml"
    edit_line(
        path,
        "entities: [platform_comprehensive_bonded_zones,",
        "entities: [platform_free_ports, platform_comprehensive_bonded_zones,",
    )
    with pytest.raises(
        CaseError,
        match=r"factors.yaml:\d+: factor opening_platforms names entity "
        r"'platform_free_ports'",
    ):
        load_case(case_copy)


def test_malformed_yaml_gives_file_line_and_column(case_copy: Path) -> None:
    path = case_copy / "entities" / "policy.yaml"
    line = edit_line(
        path, "    instrument: delegation_of_powers\n", "    instrument: [delegation\n"
    )
    with pytest.raises(ParseError) as info:
        load_case(case_copy)
    assert info.value.file == str(path)
    assert info.value.line in (line, line + 1)
    assert "malformed YAML" in str(info.value)
    case_yaml = case_copy / "case.yaml"
    case_yaml.write_text("id: x\nname: [\n", encoding="utf-8")
    with pytest.raises(ParseError, match=rf"{re.escape(str(case_yaml))}:3:1: malformed YAML"):
        load_case(case_copy)


def _line(text: str, fragment: str) -> int:
    return next(n for n, x in enumerate(text.splitlines(), 1) if fragment in x)


def test_case_yaml_problems(case_copy: Path) -> None:
    case_yaml = case_copy / "case.yaml"
    text = case_yaml.read_text(encoding="utf-8")
    case_yaml.write_text(text.replace("\nregion:", "\nregio:"), encoding="utf-8")
    with pytest.raises(
        CaseError, match=r"case.yaml:5: xinjiang_composites: region: Field required"
    ):
        load_case(case_copy)
    case_yaml.write_text(text.replace("\nregion:", "\nregion: x\nregio:"), encoding="utf-8")
    with pytest.raises(CaseError, match=r"case.yaml:8: xinjiang_composites: regio: Extra inputs"):
        load_case(case_copy)
    case_yaml.write_text(
        text.replace("sources/source_report.txt", "sources/missing.txt"), encoding="utf-8"
    )
    # a path to nothing is a mistake in case.yaml: the error is at that line of case.yaml
    line = _line(text, "path: sources/source_report.txt")
    with pytest.raises(
        CaseError,
        match=rf"case.yaml:{line}: documents.source_report.path: sources/missing.txt: no such "
        "file$",
    ):
        load_case(case_copy)
    case_yaml.write_text(
        text.replace("sources/composite_intensity.yaml", "sources"), encoding="utf-8"
    )
    line = _line(text, "path: sources/composite_intensity.yaml")
    with pytest.raises(
        CaseError,
        match=rf"case.yaml:{line}: references.composite_intensity.path: sources: is a folder",
    ):
        load_case(case_copy)
    (case_copy / "case.yaml").unlink()
    with pytest.raises(InputError, match=r"not a case folder \(no case.yaml in it\)"):
        load_case(case_copy)


def test_a_date_that_disagrees_with_the_claims_period_fails(case_copy: Path) -> None:
    path = case_copy / "entities" / "energy.yaml"
    line = edit_line(path, 'date: "2024-02-26"', 'date: "2024-02-27"')
    with pytest.raises(CaseError) as info:
        load_case(case_copy)
    assert str(info.value) == (
        f'{path}:{line}: date is "2024-02-27" but the linked claim "6.1 million kilowatts" '
        f'(section "{NEW_ENERGY}") is dated 2024-02-26/2024-02-26'
    )


def test_an_indicator_period_that_disagrees_fails(case_copy: Path) -> None:
    path = case_copy / "entities" / "economy.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("- id: gdp_2025q1")
    offset = next(i for i in range(start, len(lines)) if "period:" in lines[i])
    lines[offset] = "    period: 2025-01-01/2025-06-30"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CaseError) as info:
        load_case(case_copy)
    assert info.value.line == offset + 1
    assert str(info.value).endswith(
        'period is "2025-01-01/2025-06-30" but the linked claim "472.909 billion yuan" '
        '(section "Current Situation and Trend Analysis of Economic Growth") '
        "is dated 2025-01-01/2025-03-31"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'date: "2023-12"',
            'date: "Dec 2023"',
            "date 'Dec 2023' is not YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        ('date: "2023-12"', 'date: "2023-13"', "date '2023-13' is not YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_malformed_dates_fail_at_their_line(
    case_copy: Path, old: str, new: str, message: str
) -> None:
    path = case_copy / "entities" / "energy.yaml"
    line = edit_line(path, old, new)
    with pytest.raises(CaseError) as info:
        load_case(case_copy)
    assert str(info.value) == f"{path}:{line}: {message}"


def test_to_dict_is_json_ready(case: Case) -> None:
    import json

    data = json.loads(json.dumps(case.to_dict()))
    assert data["id"] == "xinjiang_composites"
    assert len(data["entities"]) == len(case.entities)
    huadian = next(e for e in data["entities"] if e["id"] == "base_huadian_tianshan_gobi")
    assert huadian["evidence"][0] == {
        "document": "source_report",
        "section": NEW_ENERGY,
        "quote": "Huadian Northern Tianshan Gobi Base | 6.1 million kilowatts | Under construction "
        "| February 26, 2024",
        "attribute": "capacity_w",
    }
    assert "file" not in huadian and "attribute_lines" not in huadian
    assert data["documents"][0]["claims"] == len(case.claims)


def test_parameters_scenarios_and_judgments_are_read_through_their_loaders(case: Case) -> None:
    from pestle.model.judgment import Judgments
    from pestle.model.parameter import ParameterSet

    assert isinstance(case.parameters, ParameterSet) and len(case.parameters) > 0
    assert case.parameters is case.parameters  # read once
    assert all(s.name for s in case.scenarios)
    assert isinstance(case.judgments, Judgments)
    assert set(case.judgments.factors) == {f.id for f in case.factors}


def test_judgments_must_agree_with_the_case_factors(case_copy: Path) -> None:
    path = case_copy / "judgments.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  distance_to_markets:")
    head, tail = text[:start], text[start:]
    path.write_text(head + tail.replace("kind: threat", "kind: opportunity", 1), "utf-8")
    with pytest.raises(CaseError) as info:
        load_case(case_copy).judgments  # noqa: B018
    line = head.count("\n") + 1
    assert str(info.value) == (
        f"{path}:{line}: factor 'distance_to_markets' has kind 'opportunity' here but 'threat' "
        "in factors.yaml"
    )


def test_case_paths_are_the_case_folder_alone(case_copy: Path, tmp_path: Path) -> None:
    # a case reads only inside its folder (tests/hostile/test_case_paths.py), so watching
    # the folder sees every file the case reads
    assert case_paths(case_copy) == (case_copy.resolve(),)
    elsewhere = tmp_path / "documents"
    elsewhere.mkdir()
    (case_copy / "sources" / "source_report.txt").rename(elsewhere / "report.txt")
    line = edit_line(
        case_copy / "case.yaml", "path: sources/source_report.txt", "path: ../documents/report.txt"
    )
    with pytest.raises(CaseError) as caught:
        load_case(case_copy)
    assert str(caught.value) == (
        f"{case_copy.resolve() / 'case.yaml'}:{line}: documents.source_report.path: "
        "../documents/report.txt: leaves the case folder ('..'); a case may read only files "
        "inside its folder"
    )
    assert case_paths(case_copy) == (case_copy.resolve(),)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "attributes: {count: 29}",
            "attributes: {count: abc}",
            "count is 'abc', but it is a count",
        ),
        ("attributes: {count: 29}", "attributes: {count: ~}", "count is None, but it is a count"),
    ],
)
def test_a_quantity_attribute_must_be_a_number(
    case_copy: Path, old: str, new: str, message: str
) -> None:
    line = edit_line(case_copy / "entities" / "trade.yaml", old, new)
    with pytest.raises(CaseError, match=re.escape(message)) as caught:
        load_case(case_copy)
    assert f"trade.yaml:{line}:" in str(caught.value)


def test_a_case_may_quote_a_chinese_document(case_copy: Path) -> None:
    """A Chinese document in a case: read, its claims extracted, and a factor's evidence
    quoting a Chinese sentence resolves to the passage and its claims."""
    corpus = Path(__file__).resolve().parents[1] / "ingest" / "corpus_zh"
    shutil.copy(corpus / "zh01_chinanews_xinjiang_q1.txt", case_copy / "sources" / "zh_news.txt")
    case_yaml = case_copy / "case.yaml"
    text = case_yaml.read_text(encoding="utf-8")
    text = text.replace(
        "\nreferences:\n",
        "\n  zh_news:\n    path: sources/zh_news.txt\n    title: 一季度地区生产总值\n"
        "    language: zh\n\nreferences:\n",
        1,
    )
    case_yaml.write_text(text, encoding="utf-8")
    factors = case_copy / "factors.yaml"
    edit_line(
        factors,
        "      quote: In 2024, Xinjiang's GDP exceeded 2 trillion yuan",
        "      quote: In 2024, Xinjiang's GDP exceeded 2 trillion yuan\n"
        "    - document: zh_news\n"
        "      quote: 实现地区生产总值4413.21亿元",
    )
    loaded = load_case(case_copy)
    growth = next(f for f in loaded.factors if f.id == "economic_growth")
    link = next(e for e in growth.evidence if e.document == "zh_news")
    assert loaded.resolve(link).text == "实现地区生产总值4413.21亿元"
    claims = loaded.claims_for(link)
    assert [(c.value, c.unit, str(c.period)) for c in claims] == [
        (4413.21e8, "CNY", "2024-01-01/2024-03-31")
    ]
