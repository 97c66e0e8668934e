"""The policy mix: coverage matrix and superposition index, the coding file and its errors."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

import pestle
from pestle.analysis import policy as pol
from pestle.analysis.policy import (
    INSTRUMENTS,
    LEVELS,
    TARGETS,
    PolicyMeasure,
    case_policy_mix,
    policy_mix,
    superposition_index,
)
from pestle.case.models import Evidence
from pestle.case.policy_file import check_against_case, load_policy_measures
from pestle.errors import AnalysisError, CaseError, InputError, ParseError

CASE_DIR = Path(__file__).resolve().parents[2] / "src" / "pestle" / "cases" / "xinjiang_composites"
FTZ = "Two-way Empowerment of Opening-up Policies in Free Trade Zones"


def measure(id_: str, level: str, instrument: str, target: str, **kw) -> PolicyMeasure:
    return PolicyMeasure(
        id=id_,
        name=id_,
        level=level,
        instrument=instrument,
        target=target,
        rationale="test",
        evidence=(Evidence(document="d", quote="q"),),
        **kw,
    )


# -- the index on hand-made mixes --------------------------------------------------------------


def test_full_overlap_is_one() -> None:
    mix = policy_mix(
        [
            measure("n1", "national", "environment", "energy"),
            measure("r1", "regional", "environment", "energy"),
            measure("n2", "national", "supply", "finance"),
            measure("z2", "zone", "supply", "finance"),
        ]
    )
    assert mix.index == 1.0
    assert (mix.addressed, mix.superposed, mix.national_only, mix.local_only) == (2, 2, 0, 0)


def test_no_overlap_is_zero() -> None:
    mix = policy_mix(
        [
            measure("n1", "national", "environment", "energy"),
            measure("r1", "regional", "environment", "industry"),  # same instrument, other target
            measure("z1", "zone", "demand", "energy"),  # same target, other instrument
        ]
    )
    assert mix.index == 0.0
    assert (mix.addressed, mix.superposed, mix.national_only, mix.local_only) == (3, 0, 1, 2)


def test_partial_overlap_and_levels_within_local() -> None:
    mix = policy_mix(
        [
            measure("n1", "national", "environment", "energy"),
            measure("r1", "regional", "environment", "energy"),
            measure("n2", "national", "supply", "services"),
            measure("r2", "regional", "demand", "finance"),
            measure("z2", "zone", "demand", "finance"),  # regional + zone is not national
        ]
    )
    assert mix.index == pytest.approx(1 / 3)
    cell = mix.cell("demand", "finance")
    assert (cell.regional, cell.zone, cell.coverage()) == (("r2",), ("z2",), "local")
    assert mix.cell("environment", "energy").coverage() == "both"
    assert mix.cell("supply", "energy").coverage() == "none"


def test_inferred_measures_are_left_out_of_the_stated_index() -> None:
    mix = policy_mix(
        [
            measure("n1", "national", "environment", "energy"),
            measure("z1", "zone", "environment", "energy", inferred=True),
            measure("r2", "regional", "supply", "industry"),
        ]
    )
    assert mix.index == pytest.approx(1 / 2)
    assert mix.index_stated == 0.0
    only_inferred = policy_mix([measure("z1", "zone", "supply", "energy", inferred=True)])
    assert only_inferred.index_stated is None


def test_matrix_counts_and_margins() -> None:
    mix = policy_mix(
        [
            measure("n1", "national", "environment", "energy"),
            measure("n2", "national", "environment", "energy"),
            measure("r1", "regional", "supply", "services"),
        ]
    )
    counts = mix.counts()
    assert counts["national"]["environment"]["energy"] == 2
    assert counts["regional"]["supply"]["services"] == 1
    assert sum(n for lv in counts.values() for i in lv.values() for n in i.values()) == 3
    frame = mix.matrix()
    assert frame.shape == (len(LEVELS) * len(INSTRUMENTS), len(TARGETS))
    assert frame.loc[("national", "environment"), "energy"] == 2
    assert mix.totals()["level"] == {"national": 2, "regional": 1, "zone": 0}
    assert mix.shares_pct()["instrument"] == pytest.approx(
        {"supply": 100 / 3, "demand": 0.0, "environment": 200 / 3}
    )
    assert len(mix.cells) == len(INSTRUMENTS) * len(TARGETS)
    assert mix.to_frame().loc[("environment", "energy"), "national"] == 2


def test_empty_and_duplicate_mixes_are_refused() -> None:
    with pytest.raises(AnalysisError, match="at least one"):
        policy_mix([])
    with pytest.raises(AnalysisError, match=r"repeat the id\(s\) \['a'\]"):
        policy_mix([measure("a", "national", "supply", "energy")] * 2)
    assert superposition_index([]) is None


# -- the embedded case -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def case():
    return pestle.load_case()


def test_embedded_policy_mix(case) -> None:
    mix = case_policy_mix(case)
    both = {(c.instrument, c.target) for c in mix.cells if c.superposed}
    assert both == {("environment", "energy"), ("environment", "trade_investment")}
    assert mix.index == pytest.approx(mix.superposed / mix.addressed)
    assert mix.index == pytest.approx(2 / 9)
    for m in mix.measures:
        assert m.rationale.strip() and m.evidence
    # every coded quote resolves to one passage of the report
    for m in mix.measures:
        for link in m.evidence:
            assert case.resolve(link).text
    data = mix.to_dict()
    assert data["counts"]["national"]["environment"]["trade_investment"] == 1
    assert data["levels"] == list(LEVELS) and data["targets"] == list(TARGETS)


def test_embedded_coding_quotes_the_reports_areas(case) -> None:
    mix = case_policy_mix(case)
    quotes = " ".join(link.quote for m in mix.measures for link in m.evidence)
    for words in (
        "trade and investment liberalization and facilitation",
        "financial openness",
        "digital economy development",
        "overseas investment cooperation",
        "cultural tourism services",
        "national strategic base for energy resources",
        "power transmission from",
        "Implementation Plan for Carbon Peak",
    ):
        assert words in " ".join(quotes.split())


# -- the coding file and its errors ------------------------------------------------------------

GOOD = f"""\
typology: test
measures:
  - id: plan_trade
    name: Plan, trade
    level: national
    instrument: environment
    target: trade_investment
    evidence:
      - section: {FTZ}
        quote: trade and investment liberalization and facilitation
    rationale: test
  - id: delegation_trade
    name: Delegation, trade
    level: regional
    instrument: environment
    target: trade_investment
    entities: [policy_ftz_delegation]
    evidence:
      - section: {FTZ}
        quote: overseas investment cooperation
    rationale: test
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy_measures.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, x in enumerate(path.read_text().splitlines(), 1) if fragment in x)


def test_good_file_loads(tmp_path) -> None:
    coding = load_policy_measures(write(tmp_path, GOOD), "source_report")
    assert [m.id for m in coding.measures] == ["plan_trade", "delegation_trade"]
    assert coding.measures[0].evidence[0].document == "source_report"
    assert coding.typology == "test"


@pytest.mark.parametrize(
    ("old", "new", "fragment", "message"),
    [
        (
            "level: regional",
            "level: provincial",
            "level: provincial",
            "measure 'delegation_trade': level 'provincial' is not one of national, regional, zone",
        ),
        (
            "instrument: environment\n    target: trade_investment\n    entities",
            "instrument: regulation\n    target: trade_investment\n    entities",
            "instrument: regulation",
            "measure 'delegation_trade': instrument 'regulation' is not one of supply, demand, "
            "environment",
        ),
        (
            "target: trade_investment\n    evidence",
            "target: tourism\n    evidence",
            "target: tourism",
            "measure 'plan_trade': target 'tourism' is not one of energy, trade_investment, "
            "finance, digital_economy, industry, services",
        ),
        (
            "    rationale: test\n  - id",
            "    rationale: test\n    weight: 2\n  - id",
            "weight: 2",
            "measure 'plan_trade': unknown field 'weight' (fields: id, name, level, instrument, "
            "target, entities, evidence, rationale, inferred)",
        ),
        (
            "id: delegation_trade",
            "id: plan_trade",
            "  - id: plan_trade\n",
            "measure id 'plan_trade' is used twice (first at line 3)",
        ),
    ],
)
def test_bad_codes_name_file_line_and_code(tmp_path, old, new, fragment, message) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    if fragment.endswith("\n"):
        line = [i for i, x in enumerate(path.read_text().splitlines(), 1) if x == fragment[:-1]][1]
    else:
        line = line_of(path, fragment)
    with pytest.raises(CaseError) as err:
        load_policy_measures(path, "source_report")
    assert str(err.value) == f"{path}:{line}: {message}"


def test_missing_code_and_missing_evidence(tmp_path) -> None:
    path = write(tmp_path, GOOD.replace("    instrument: environment\n", "", 1))
    with pytest.raises(CaseError, match=r":3: measure 'plan_trade': no instrument \(one of supply"):
        load_policy_measures(path, "source_report")
    no_evidence = GOOD.replace(
        f"    evidence:\n      - section: {FTZ}\n        quote: overseas investment cooperation\n",
        "",
    )
    path = write(tmp_path, no_evidence)
    with pytest.raises(CaseError, match=r":12: measure 'delegation_trade': no evidence"):
        load_policy_measures(path, "source_report")


def test_empty_and_malformed_files(tmp_path) -> None:
    with pytest.raises(CaseError, match=r"policy_measures\.yaml:1: 'measures:' is empty"):
        load_policy_measures(write(tmp_path, "measures: []\n"), "source_report")
    with pytest.raises(CaseError, match="a list under 'measures:'"):
        load_policy_measures(write(tmp_path, "- id: x\n"), "source_report")
    with pytest.raises(ParseError, match=r"policy_measures\.yaml:3:1: malformed YAML"):
        load_policy_measures(write(tmp_path, "measures:\n  - id: [x\n"), "source_report")


def test_unknown_entity_and_unresolved_quote(case, tmp_path) -> None:
    path = write(tmp_path, GOOD.replace("[policy_ftz_delegation]", "[policy_nowhere]"))
    with pytest.raises(CaseError) as err:
        check_against_case(load_policy_measures(path, "source_report"), case)
    line = line_of(path, "- id: delegation_trade")
    assert str(err.value) == (
        f"{path}:{line}: measure 'delegation_trade' names entity 'policy_nowhere', which the "
        "case does not define"
    )
    path = write(tmp_path, GOOD.replace("financial", "x").replace("overseas investment", "space"))
    with pytest.raises(CaseError) as err:
        check_against_case(load_policy_measures(path, "source_report"), case)
    line = line_of(path, f"- section: {FTZ}") + 10
    assert str(err.value).startswith(f"{path}:{line}: measure 'delegation_trade': quote")
    assert "is not in the document" in str(err.value)


def test_case_without_coding_file(case, tmp_path) -> None:
    # case.yaml names no policy measures: the default file name is used, and it is absent
    folder = tmp_path / "case"
    shutil.copytree(CASE_DIR, folder)
    (folder / "policy_measures.yaml").unlink()
    info = folder / "case.yaml"
    text = info.read_text(encoding="utf-8")
    info.write_text(
        "".join(x for x in text.splitlines(True) if not x.startswith("policy_measures:")),
        encoding="utf-8",
    )
    loaded = pestle.load_case(folder)
    assert loaded.files()["policy_measures"] == ()
    with pytest.raises(InputError, match=r"policy_measures\.yaml: file not found"):
        case_policy_mix(loaded)


def test_declared_coding_file_that_is_missing_is_a_case_error(tmp_path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(CASE_DIR, folder)
    (folder / "policy_measures.yaml").unlink()
    line = line_of(folder / "case.yaml", "policy_measures: policy_measures.yaml")
    with pytest.raises(CaseError) as err:
        pestle.load_case(folder)
    assert str(err.value) == (
        f"{folder / 'case.yaml'}:{line}: policy_measures: policy_measures.yaml: no such file"
    )


def test_case_policy_mix_reads_the_case_accessor(case) -> None:
    assert case.policy_measures is case.policy_measures  # read once
    mix = case_policy_mix(case)
    assert mix.measures == case.policy_measures.measures
    assert sum(mix.totals()["level"].values()) == len(mix.measures) == 15


def test_public_api() -> None:
    assert set(pol.__all__) <= set(dir(pol))
