"""The judgments file: the embedded case loads and is consistent; malformed files are one-line
errors naming file:line, matrix and cell."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pestle.analysis.ahp import ahp, check_judgments, hierarchy
from pestle.analysis.dematel import dematel
from pestle.analysis.efe import efe
from pestle.analysis.robustness import rank_stability
from pestle.analysis.topsis import topsis
from pestle.case.judgments_file import load_judgments
from pestle.errors import CaseError, InputError, ParseError
from pestle.model.judgment import Judgments

CASE = Path(__file__).resolve().parents[2] / "src/pestle/cases/xinjiang_composites/judgments.yaml"
TEXT = CASE.read_text(encoding="utf-8")

FACTORS = {
    "policy_superposition": ("political", "opportunity"),
    "ftz_empowerment": ("political", "opportunity"),
    "international_trust": ("political", "opportunity"),
    "economic_growth": ("economic", "opportunity"),
    "industrial_clusters": ("economic", "opportunity"),
    "trade_expansion": ("economic", "opportunity"),
    "opening_platforms": ("economic", "opportunity"),
    "distance_to_markets": ("economic", "threat"),
    "social_stability": ("social", "opportunity"),
    "new_energy_demand": ("technological", "opportunity"),
    "forced_labor_import_restrictions": ("legal", "threat"),
    "energy_transition_chain": ("environmental", "opportunity"),
    "blade_end_of_life_waste": ("environmental", "threat"),
}
SEGMENTS = ("wind_blades", "pv_frames", "hydrogen_vessels", "transmission_insulators_cores")


@pytest.fixture(scope="module")
def case() -> Judgments:
    return load_judgments(CASE)


def line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the file")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "judgments.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def mutate(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    assert TEXT.count(old) == 1, old
    text = TEXT.replace(old, new)
    return write(tmp_path, text), text


def test_embedded_case_is_illustrative_and_says_so(case: Judgments) -> None:
    assert case.illustrative is True
    assert case.note.startswith("ILLUSTRATIVE")
    assert "ILLUSTRATIVE" in TEXT.splitlines()[3]


def test_embedded_case_has_the_fixed_factors(case: Judgments) -> None:
    assert {k: (f.dimension, f.kind) for k, f in case.factors.items()} == FACTORS
    assert case.dimensions() == (
        "political", "economic", "social", "technological", "legal", "environmental"
    )  # fmt: skip
    assert all(f.evidence.startswith("[") for f in case.factors.values())


def test_every_ahp_matrix_of_the_case_is_consistent(case: Judgments) -> None:
    matrices = [case.dimension_matrix(), *case.within_matrices().values()]
    assert [m.name for m in matrices] == [
        "dimensions",
        "factors:political",
        "factors:economic",
        "factors:social",
        "factors:technological",
        "factors:legal",
        "factors:environmental",
    ]
    for m in matrices:
        assert ahp(m).cr <= 0.1, m.name
    result = hierarchy(case.dimension_matrix(), case.within_matrices())
    weights = result.global_weights()
    assert set(weights) == set(FACTORS)
    assert sum(weights.values()) == pytest.approx(1.0)


def test_case_runs_through_every_method(case: Judgments) -> None:
    weights = hierarchy(case.dimension_matrix(), case.within_matrices()).global_weights()
    score = efe(case.efe_matrix(weights))
    assert 1.0 <= score.total <= 4.0
    influence = dematel(case.influence_matrix())
    assert influence.labels == tuple(FACTORS)
    assert set(influence.cause) | set(influence.effect) == set(FACTORS)
    ranking = topsis(case.decision_matrix())
    assert set(ranking.alternatives) == set(SEGMENTS)
    stability = rank_stability(case.decision_matrix(), draws=200, seed=1)
    assert len(stability.keep_share) == 4


def test_demand_size_is_a_stated_input(case: Judgments) -> None:
    criteria = case.topsis.criteria
    assert list(criteria) == ["demand_size", "growth", "policy_support", "local_capability"]
    assert criteria["demand_size"].stated_input
    assert "STATED INPUT" in criteria["demand_size"].why
    assert not any(c.stated_input for k, c in criteria.items() if k != "demand_size")


def test_every_judgment_has_a_rationale(case: Judgments) -> None:
    for spec in [case.ahp.dimensions, *case.ahp.within.values()]:
        n = len(spec.labels)
        assert len(spec.why) == n * (n - 1) // 2
        assert all(text.startswith("[") for text in spec.why.values())
    assert set(case.dematel.why) == set(FACTORS)
    assert all(r.why for r in case.efe.values())
    for alt in SEGMENTS:
        assert set(case.topsis.why[alt]) == set(case.topsis.criteria)


def test_non_reciprocal_cell_names_file_line_matrix_and_cell(tmp_path: Path) -> None:
    path, text = mutate(
        tmp_path,
        "political:     [1,   2,   3,   1/2, 2,   1  ]\n      economic:      [1/2,",
        "political:     [1,   3,   3,   1/2, 2,   1  ]\n      economic:      [2,",
    )
    with pytest.raises(ParseError) as err:
        load_judgments(path)
    line = line_of(text, "      economic:      [2,")
    assert str(err.value) == (
        f"{path}:{line}: matrix 'dimensions' cell (political, economic) = 3 but "
        "(economic, political) = 2; expected 1/3"
    )


def test_inconsistent_matrix_names_the_triad(tmp_path: Path) -> None:
    path, text = mutate(
        tmp_path, "ftz_empowerment:      [1/2, 1,   2]", "ftz_empowerment:      [1/2, 1,   1/9]"
    )
    text = text.replace("international_trust:  [1/3, 1/2, 1]", "international_trust:  [1/3, 9, 1]")
    path = write(tmp_path, text)
    judgments = load_judgments(path)  # reading is not analysing: the file parses
    with pytest.raises(CaseError) as err:
        check_judgments(judgments)
    message = str(err.value)
    assert message.startswith(f"{path}:{line_of(text, 'policy_superposition: [1,   2,   3]')}: ")
    assert "matrix 'factors:political' is inconsistent: CR = " in message
    assert "triad (policy_superposition, ftz_empowerment, international_trust)" in message


def test_bad_number_is_located(tmp_path: Path) -> None:
    path, text = mutate(
        tmp_path, "wind_blades:                   [5,", "wind_blades:                   [five,"
    )
    with pytest.raises(ParseError) as err:
        load_judgments(path)
    assert str(err.value).startswith(
        f"{path}:{line_of(text, '[five,')}: topsis.rows.wind_blades[0]: "
    )
    assert "'five' is not a number or a fraction like 1/3" in str(err.value)


def test_out_of_scale_influence_is_located(tmp_path: Path) -> None:
    old = "industrial_clusters:              [1,  1,  0,  4,"
    path, text = mutate(tmp_path, old, "industrial_clusters:              [1,  1,  0,  7,")
    with pytest.raises(ParseError) as err:
        load_judgments(path)
    assert str(err.value) == (
        f"{path}:{line_of(text, 'industrial_clusters:              [1,  1,  0,  7,')}: matrix "
        "'dematel' cell (industrial_clusters, economic_growth) = 7: influence is rated 0..4"
    )


def test_missing_rationale_is_an_error(tmp_path: Path) -> None:
    old = TEXT.splitlines()[line_of(TEXT, "economic_growth vs trade_expansion:") - 1] + "\n"
    path, _ = mutate(tmp_path, old, "")
    with pytest.raises(
        ParseError, match=r"judgment \(economic_growth, trade_expansion\) has no rationale"
    ):
        load_judgments(path)


def test_rating_out_of_range_is_located(tmp_path: Path) -> None:
    path, text = mutate(
        tmp_path, "new_energy_demand: {rating: 4,", "new_energy_demand: {rating: 5,"
    )
    with pytest.raises(ParseError) as err:
        load_judgments(path)
    assert str(err.value).startswith(
        f"{path}:{line_of(text, '{rating: 5,')}: efe.new_energy_demand.rating: "
    )


def test_unknown_key_and_yaml_syntax_are_located(tmp_path: Path) -> None:
    path, text = mutate(tmp_path, "ahp:\n", "weights: 3\nahp:\n")
    with pytest.raises(ParseError) as err:
        load_judgments(path)
    assert str(err.value).startswith(f"{path}:{line_of(text, 'weights: 3')}: weights: Extra inputs")
    path = write(tmp_path, "illustrative: true\nnote: [unclosed\n")
    with pytest.raises(ParseError, match=rf"^{path}:\d+:\d+: malformed YAML"):
        load_judgments(path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read judgments file"):
        load_judgments(tmp_path / "absent.yaml")


def test_harker_completion_is_accepted_in_the_file(tmp_path: Path) -> None:
    # a missing comparison (~) in the economic matrix is completed, and needs no rationale
    text = TEXT.replace(
        "economic_growth:      [1,    1/2,     1,    2,        1  ]",
        "economic_growth:      [1,    1/2,     1,    ~,        1  ]",
    ).replace(
        "opening_platforms:    [1/2,  1/3,     1/2,  1,        1/2]",
        "opening_platforms:    [~,    1/3,     1/2,  1,        1/2]",
    )
    old = text.splitlines()[line_of(text, "economic_growth vs opening_platforms:") - 1] + "\n"
    judgments = load_judgments(write(tmp_path, text.replace(old, "")))
    result = ahp(judgments.within_matrices()["economic"])
    assert result.missing == (("economic_growth", "opening_platforms"),)
    assert result.cr <= 0.1


def test_duplicate_row_is_an_error_not_a_silent_overwrite(tmp_path: Path) -> None:
    row = "      economic:      [1/2, 1,   2,   1/2, 1,   1  ]\n"
    path, text = mutate(tmp_path, row, row + row)
    with pytest.raises(ParseError) as err:
        load_judgments(path)
    second = line_of(text, "economic:      [1/2,") + 1
    assert str(err.value) == (
        f"{path}:{second}:7: malformed YAML: duplicate key 'economic' (first at line {second - 1})"
    )


# -- hand edits found by tests/case/test_case_fuzz.py -------------------------------------


def test_date_like_text_is_text_not_a_crash(tmp_path: Path) -> None:
    # PyYAML reads 2024-13-45 as a date and fails with "month must be in 1..12"
    # the note, written per language (note:, then its en: and zh: forms), becomes one date
    text = re.sub(r"^note:\n(?:  .*\n)+", "note: 2024-13-45\n", TEXT, count=1, flags=re.M)
    text = text.replace("illustrative: true\n", "illustrative: false\n", 1)
    assert "illustrative: false\nnote: 2024-13-45\n" in text
    assert load_judgments(write(tmp_path, text)).note == "2024-13-45"


def test_value_pyyaml_cannot_convert_is_located(tmp_path: Path) -> None:
    path, text = mutate(tmp_path, "illustrative: true\n", "illustrative: !!int abc\n")
    with pytest.raises(ParseError) as err:
        load_judgments(path)
    line = line_of(text, "illustrative: !!int abc")
    assert str(err.value).startswith(f"{path}:{line}:15: malformed YAML: cannot read this value")


# -- the consistency check is an analysis, run after reading --------------------------------


def test_embedded_judgments_pass_the_consistency_check(case: Judgments) -> None:
    check_judgments(case)  # no error: every CR <= 0.1


def test_judgments_keep_the_line_of_each_row(case: Judgments) -> None:
    assert case.path == str(CASE)
    row = "      economic:      [1/2, 1,   2,   1/2, 1,   1  ]"
    assert case.line("ahp", "dimensions", "rows", "economic") == line_of(TEXT, row)
    assert case.line("ahp", "dimensions", "rows", "no_such_row") == line_of(TEXT, "    rows:")
    assert "lines" not in case.model_dump()
