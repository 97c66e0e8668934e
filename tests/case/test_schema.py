"""JSON Schema of the case files (`pestle schema`): both shipped cases validate, and on
hand-broken files the schema and the loader agree, except where the loader checks what a
schema cannot (listed in `LOADER_ONLY` below, with why).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from pestle.case import case_folder, embedded_cases, load_case
from pestle.case.schema import KINDS, schema, schemas
from pestle.case.yaml_lines import load_yaml
from pestle.errors import PestleError

VALIDATORS = {kind: jsonschema.Draft202012Validator(s) for kind, s in schemas().items()}
# the accessor of `Case` that reads each kind the loader does not read at load time
ACCESSOR = {
    "judgments": "judgments",
    "parameters": "parameters",
    "scenarios": "scenarios",
    "linkage": "linkage",
    "policy_measures": "policy_measures",
}


def test_every_schema_is_a_valid_2020_12_schema() -> None:
    assert set(KINDS) == {
        "case", "entities", "factors", "judgments", "parameters", "scenarios", "linkage",
        "policy_measures",
    }  # fmt: skip
    for kind in KINDS:
        jsonschema.Draft202012Validator.check_schema(schema(kind))


def test_both_shipped_cases_validate() -> None:
    assert {"xinjiang_composites", "inner_mongolia_composites"} <= set(embedded_cases())
    for name in embedded_cases():
        case = load_case(name)
        files = case.files()
        checked = 0
        for kind in KINDS:
            for path in files[kind]:
                errors = list(VALIDATORS[kind].iter_errors(load_yaml(path)))
                assert errors == [], (name, path.name, [e.message for e in errors[:3]])
                checked += 1
        assert checked >= len(KINDS), name


# -- hand-broken files: (file, pattern, replacement) on a copy of the embedded case ------------

Edit = tuple[str, str, str]

BOTH_REFUSE: dict[str, tuple[str, Edit]] = {
    "entity kind unknown": (
        "entities",
        ("entities/energy.yaml", r"kind: energy_base", "kind: power_plant"),
    ),
    "entity key unknown": (
        "entities",
        ("entities/energy.yaml", r"(- id: base_northern_tianshan\n)", r"\1  colour: red\n"),
    ),
    "entity id not an id": (
        "entities",
        ("entities/energy.yaml", r"- id: base_northern_tianshan", "- id: Base Northern"),
    ),
    "factor dimension unknown": (
        "factors",
        ("factors.yaml", r"\n  dimension: political", "\n  dimension: politics"),
    ),
    "analyst factor without sources": (
        "factors",
        ("factors.yaml", r"\n  origin: report", "\n  origin: analyst"),
    ),
    "case without region": ("case", ("case.yaml", r"\nregion: [^\n]*", "")),
    "case key misspelt": ("case", ("case.yaml", r"\nregion_short:", "\nregion_shrt:")),
    "EFE rating out of 1..4": (
        "judgments",
        (
            "judgments.yaml",
            r"policy_superposition: \{rating: 3",
            "policy_superposition: {rating: 5",
        ),
    ),
    "illustrative not a boolean": (
        "judgments",
        ("judgments.yaml", r"\nillustrative: true", "\nillustrative: sometimes"),
    ),
    "parameter distribution unknown": (
        "parameters",
        ("parameters.yaml", r"distribution: uniform", "distribution: normal"),
    ),
    "parameter field unknown": (
        "parameters",
        ("parameters.yaml", r"(\n  wind_share:\n)", r"\1    sauce: tomato\n"),
    ),
    "scenario field unknown": (
        "scenarios",
        ("scenarios.yaml", r"(\n  observed:\n)", r"\1    colour: red\n"),
    ),
    "linkage table unknown": (
        "linkage",
        ("linkage.yaml", r"table: china_2020_153", "table: china_2030_153"),
    ),
    "policy level unknown": (
        "policy_measures",
        ("policy_measures.yaml", r"level: national", "level: county"),
    ),
}

BOTH_ACCEPT: dict[str, tuple[str, Edit]] = {
    "reference link as its id alone": (
        "entities",
        (
            "entities/energy.yaml",
            r"- reference: (uhv_corridors@Hami South - Zhengzhou)\n\s+attributes: \[[^\]]*\]",
            r"- \1",
        ),
    ),
    "entity files as one glob": (
        "case",
        ("case.yaml", r"entities: \[entities/\*\.yaml\]", "entities: entities/*.yaml"),
    ),
    "judgment as a decimal": (
        "judgments",
        (
            "judgments.yaml",
            r"political:     \[1,   2,   3,   1/2,",
            "political:     [1,   2,   3,   0.5,",
        ),
    ),
}

# What only the loader can check, because it needs another file, the documents, or arithmetic
# across cells; the schema accepts each of these files and the loader refuses it.
LOADER_ONLY: dict[str, tuple[str, Edit]] = {
    # an evidence quote must occur once in its document section: the schema has no documents
    "quote not in the document": (
        "entities",
        (
            "entities/economy.yaml",
            r"quote: In 2024, Xinjiang's GDP exceeded 2 trillion yuan",
            "quote: In 2024, GDP exceeded 9 trillion yuan",
        ),
    ),
    # a linked value must equal the claim it is read from: that needs the extracted claims
    "value disagrees with its claim": (
        "entities",
        ("entities/economy.yaml", r"value: 2\.0e12", "value: 3.0e12"),
    ),
    # reciprocity a_ji = 1/a_ij couples two cells of a matrix
    "AHP matrix not reciprocal": (
        "judgments",
        ("judgments.yaml", r"political:     \[1,   2,", "political:     [1,   3,"),
    ),
    # a text base must be one of the parameter's own `choices`: a cross-field rule
    "parameter base not a choice": (
        "parameters",
        ("parameters.yaml", r"base: observed", "base: observd"),
    ),
}


def _broken(tmp_path: Path, edit: Edit) -> tuple[Path, Path]:
    folder = tmp_path / "case"
    shutil.copytree(case_folder("xinjiang_composites"), folder)
    name, pattern, replacement = edit
    path = folder / name
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(pattern, replacement, text, count=1)
    assert count == 1, (name, pattern)
    path.write_text(new, encoding="utf-8")
    return folder, path


def _loader_accepts(folder: Path, kind: str) -> bool:
    try:
        case = load_case(folder)
        if kind in ACCESSOR:
            getattr(case, ACCESSOR[kind])
    except PestleError:
        return False
    return True


def _schema_accepts(path: Path, kind: str) -> bool:
    return VALIDATORS[kind].is_valid(load_yaml(path))


def _cases(table: dict[str, tuple[str, Edit]]) -> Callable:
    return pytest.mark.parametrize(("kind", "edit"), list(table.values()), ids=list(table))


@_cases(BOTH_REFUSE)
def test_a_file_the_loader_refuses_fails_the_schema(tmp_path: Path, kind: str, edit: Edit) -> None:
    folder, path = _broken(tmp_path, edit)
    assert not _loader_accepts(folder, kind)
    assert not _schema_accepts(path, kind)


@_cases(BOTH_ACCEPT)
def test_a_file_the_schema_accepts_loads(tmp_path: Path, kind: str, edit: Edit) -> None:
    folder, path = _broken(tmp_path, edit)
    assert _schema_accepts(path, kind)
    assert _loader_accepts(folder, kind)


@_cases(LOADER_ONLY)
def test_what_only_the_loader_checks(tmp_path: Path, kind: str, edit: Edit) -> None:
    folder, path = _broken(tmp_path, edit)
    assert _schema_accepts(path, kind)
    assert not _loader_accepts(folder, kind)


def test_cli_writes_one_schema_per_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pestle.cli import main

    with pytest.raises(SystemExit) as done:
        main(["schema", "--out", str(tmp_path)])
    assert done.value.code in (0, None)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"{k}.schema.json" for k in KINDS)
    assert json.loads((tmp_path / "factors.schema.json").read_text("utf-8")) == schema("factors")
    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        main(["schema", "nope"])
    assert info.value.code == 2
    assert capsys.readouterr().err.startswith("error: nope: unknown file kind; known: case,")


def test_schemas_shipped_in_a_case_are_current() -> None:
    """A case written by `pestle init` carries schemas/; the shipped one must not drift from
    the models (regenerate with `pestle schema --out <case>/schemas`)."""
    for name in embedded_cases():
        folder = case_folder(name) / "schemas"
        if not folder.is_dir():
            continue
        for kind in KINDS:
            shipped = json.loads((folder / f"{kind}.schema.json").read_text(encoding="utf-8"))
            assert shipped == schema(kind), (name, kind)
