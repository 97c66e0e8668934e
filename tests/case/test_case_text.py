"""Case texts per language: a label, name or title in a case file is one string (the case's
language) or a mapping of language code to string; `Case` reads both, refuses a malformed
mapping at its file:line, `pestle schema` describes both, and the dashboard's save path keeps
a mapping a person wrote."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from case_edit import edit_line
from pestle.case import load_case
from pestle.case.loader import embedded_cases
from pestle.case.schema import schema
from pestle.case.writer import NewScenario, save_scenario
from pestle.case.yaml_lines import load_yaml
from pestle.cli import main
from pestle.errors import PestleError
from pestle.model.text import CaseText

CJK = re.compile(r"[\u4e00-\u9fff]")

BLADE = "label: {en: Blade mass per MW of wind, zh: 每兆瓦风电的叶片质量}"


def reader_texts(case) -> dict[str, CaseText]:  # type: ignore[no-untyped-def]
    """Every text of the case a reader sees, by where it comes from."""
    out = {
        "case.name": case.name,
        "case.region": case.region,
        "case.region_short": case.region_short,
        "case.target_industry": case.target_industry,
        "case.description": case.description,
    }
    out |= {f"parameter {p.name}": p.label for p in case.parameters.parameters}
    out |= {f"scenario {s.name}": s.label for s in case.scenarios}
    out |= {f"scenario {s.name} description": s.description for s in case.scenarios}
    out |= {f"factor {f.id}": f.name for f in case.factors}
    out |= {f"factor {f.id} statement": f.statement for f in case.factors}
    out |= {f"judged factor {k}": f.name for k, f in case.judgments.factors.items()}
    out |= {f"measure {m.id}": m.name for m in case.policy_measures.measures}
    out |= {f"entity {e.id}": e.name for e in case.entities}
    out |= {f"series {k}": v for k, v in case.references.labels.items()}
    # a unit in words (not a code such as t/MW or year) and the notes on judgments and coding
    out |= {f"unit of {p.name}": p.unit for p in case.parameters.parameters if " " in p.unit}
    out |= {"judgments note": case.judgments.note, "coding note": case.policy_measures.note}
    return out


@pytest.mark.parametrize("name", embedded_cases())
def test_every_text_of_the_embedded_cases_has_a_chinese_form(name: str) -> None:
    texts = reader_texts(load_case(name))
    missing = [
        where
        for where, t in texts.items()
        if not isinstance(t, CaseText) or not CJK.search(t.forms.get("zh", ""))
    ]
    assert missing == []
    assert len(texts) > 100


def test_both_forms_are_read(case_copy: Path) -> None:
    case = load_case(case_copy)
    label = case.parameters["blade_mass_t_per_mw"].label
    assert isinstance(label, CaseText)
    assert label == "Blade mass per MW of wind"  # ids, keys and results.json: the case's own
    assert label.in_language("zh") == "每兆瓦风电的叶片质量"
    # the plain form still reads, as the case's own language with no other form
    edit_line(case_copy / "parameters.yaml", BLADE, "label: Blade mass per MW of wind")
    plain = load_case(case_copy).parameters["blade_mass_t_per_mw"].label
    assert isinstance(plain, CaseText) and plain.forms == {"en": "Blade mass per MW of wind"}
    assert plain.in_language("zh") == "Blade mass per MW of wind"  # the fallback


# (file, old, new, problem, what reads it): each edit must be refused at the edited line
MALFORMED = [
    (
        "parameters.yaml",
        BLADE,
        "label: {en: Blade mass per MW of wind, fr: Masse de pale}",
        "parameter blade_mass_t_per_mw.label: unknown language 'fr' in a text mapping; use en, zh",
        "parameters",
    ),
    (
        "scenarios.yaml",
        "label: {en: Observed build-out, zh: 实际建设}",
        "label: {zh: 实际建设}",
        "scenario 'observed': a text mapping without the case's own language ('en'); "
        "give en: as well",
        "scenarios",
    ),
    (
        "factors.yaml",
        "name: {en: Steady economic growth, zh: 经济稳定增长}",
        "name: {}",
        "economic_growth: name: an empty language mapping",
        None,
    ),
    (
        "judgments.yaml",
        "name: {en: Steady economic growth, zh: 经济稳定增长}",
        "name: {en: Steady economic growth, zh: ''}",
        "the zh form of a text must be a non-empty string",
        "judgments",
    ),
    (
        "policy_measures.yaml",
        "name: {en: The eight major industrial clusters, zh: 八大产业集群}",
        "name: {en: The eight major industrial clusters, de: Die acht}",
        "unknown language 'de'",
        "policy_measures",
    ),
    (
        "entities/policy.yaml",
        "name: {en: Urumqi section, zh: 乌鲁木齐片区}",
        "name: {zh: 乌鲁木齐片区}",
        "ftz_section_urumqi: name: a text mapping without the case's own language ('en')",
        None,
    ),
    (
        "case.yaml",
        "region_short: {en: Xinjiang, zh: 新疆}",
        "region_short: {EN: Xinjiang}",
        "region_short: unknown language 'EN'",
        None,
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "problem", "reader"), MALFORMED, ids=[m[0] for m in MALFORMED]
)
def test_a_malformed_mapping_is_refused_at_its_line(
    case_copy: Path, file: str, old: str, new: str, problem: str, reader: str | None
) -> None:
    path = case_copy / file
    line = edit_line(path, old, new)
    with pytest.raises(PestleError) as info:
        case = load_case(case_copy)
        if reader is not None:
            getattr(case, reader)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert problem in message
    assert "\n" not in message


def test_the_cli_refuses_a_malformed_mapping_in_one_line(case_copy: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = case_copy / "parameters.yaml"
    line = edit_line(path, BLADE, "label: {en: Blade mass per MW of wind, fr: Masse}")
    with pytest.raises(SystemExit) as done:
        main(["demand", str(case_copy), "--samples", "10", "--sobol-samples", "0"])
    assert done.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err
    assert f"{path}:{line}: " in err and "unknown language 'fr'" in err


def test_the_case_language_decides_what_a_plain_string_is(case_copy: Path) -> None:
    case_yaml = case_copy / "case.yaml"
    line = edit_line(case_yaml, "id: xinjiang_composites", "id: xinjiang_composites\nlanguage: fr")
    with pytest.raises(PestleError, match=rf"case.yaml:{line + 1}: language: unknown language"):
        load_case(case_copy)
    edit_line(case_yaml, "language: fr", "language: zh")
    # every mapping of the shipped case gives zh, so it reads with Chinese as its own language
    case = load_case(case_copy)
    assert case.language == "zh"
    assert case.name == "新疆复合材料产业" and case.name.in_language("en").startswith("Composite")
    assert case.parameters["blade_mass_t_per_mw"].label == "每兆瓦风电的叶片质量"
    # and a mapping without Chinese is now the malformed one
    at = edit_line(case_copy / "parameters.yaml", BLADE, "label: {en: Blade mass per MW of wind}")
    with pytest.raises(PestleError, match=rf"parameters.yaml:{at}: .*own language \('zh'\)"):
        _ = load_case(case_copy).parameters


@pytest.mark.parametrize("kind", ["parameters", "scenarios", "factors", "case"])
def test_the_schema_describes_the_mapping_form(case_copy: Path, kind: str) -> None:
    validator = jsonschema.Draft202012Validator(schema(kind))
    file = {"parameters": "parameters.yaml", "scenarios": "scenarios.yaml"}.get(
        kind, f"{kind}.yaml"
    )
    data = load_yaml(case_copy / file)
    assert list(validator.iter_errors(data)) == []  # the shipped mappings are valid
    text = (case_copy / file).read_text(encoding="utf-8")
    bad = re.sub(r"\{en: ([^,{}]+), zh: ", r"{en: \1, fr: ", text, count=1)
    assert bad != text
    (case_copy / file).write_text(bad, encoding="utf-8")
    errors = list(validator.iter_errors(load_yaml(case_copy / file)))
    assert errors, "a language the case cannot have passes the schema"


def test_pestle_schema_prints_the_mapping_form(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        main(["schema", "parameters"])
    assert done.value.code in (0, None)
    out = capsys.readouterr().out
    assert '"propertyNames"' in out and '"zh"' in out and "mapping of language code" in out


def test_saving_a_scenario_keeps_the_mappings_a_person_wrote(case_copy: Path) -> None:
    path = case_copy / "scenarios.yaml"
    before = path.read_text(encoding="utf-8")
    mappings = [line for line in before.splitlines() if re.search(r"\{en: .*, zh: ", line)]
    assert len(mappings) >= 5
    case = load_case(case_copy)
    save_scenario(case, NewScenario(name="my_case", values={"blade_mass_t_per_mw": 11.0}))
    after = path.read_text(encoding="utf-8")
    for line in mappings:
        assert line in after.splitlines(), line
    # the block form (en: >- ... zh: ...) of a description is kept too
    assert after.count("\n      zh: ") == before.count("\n      zh: ")
    reread = load_case(case_copy)
    observed = next(s for s in reread.scenarios if s.name == "observed")
    assert observed.label is not None and observed.label.in_language("zh") == "实际建设"
    assert any(s.name == "my_case" for s in reread.scenarios)


def test_choices_have_labels_in_both_languages_and_a_label_names_a_choice(
    case_copy: Path,
) -> None:
    """A categorical parameter's choices in plain words (`choice_labels`): each shipped
    choice has one in both languages; a label for a choice the parameter lacks is refused
    with the file and line."""
    for name in embedded_cases():
        for p in load_case(name).parameters.parameters:
            if p.choices:
                assert set(p.choice_labels or {}) == set(p.choices), (name, p.name)
                assert all(
                    t.in_language("zh") != t.in_language("en") for t in p.choice_labels.values()
                )
    edit_line(
        case_copy / "parameters.yaml",
        "max: {en: Largest base only, zh: 仅计最大基地}",
        "maximum: {en: Largest base only, zh: 仅计最大基地}",
    )
    with pytest.raises(PestleError) as info:
        _ = load_case(case_copy).parameters  # (read when first asked for)
    message = str(info.value)
    found = re.match(r".*parameters\.yaml:(\d+): ", message)
    assert found, message
    lines = (case_copy / "parameters.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[int(found.group(1)) - 1].strip() == "choice_labels:"  # the labels' own line
    assert "aggregation.choice_labels: 'maximum' is not one of" in message
