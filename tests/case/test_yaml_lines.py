"""YAML with line numbers: lines of keys and items, numbers, dates, and file:line errors."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pestle.case.yaml_lines import LineDict, LineList, line_of, load_yaml, loads_yaml
from pestle.errors import InputError, ParseError

TEXT = """\
# a comment
name: case
items:
  - id: a
    value: 6.1e9
  - id: b
    when: 2024-02-26
flow: {x: 1,
  y: 2}
"""


def test_lines_of_keys_items_and_flow_mappings() -> None:
    data = loads_yaml(TEXT, "f.yaml")
    assert isinstance(data, LineDict)
    assert data.line == 2
    assert data.key_line("name") == 2
    assert data.key_line("items") == 3
    items = data["items"]
    assert isinstance(items, LineList)
    assert items.item_lines == [4, 6]
    assert line_of(items[0], "value") == 5
    assert line_of(items[1], "when") == 7
    assert line_of(data["flow"], "y") == 9


def test_numbers_in_exponent_notation_and_dates_as_text() -> None:
    data = loads_yaml("a: 6.1e9\nb: 1e10\nc: -2E+3\nd: '6e9'\ne: 2024-02-26\nf: 2023-05\n")
    assert data == {
        "a": 6.1e9,
        "b": 1e10,
        "c": -2000.0,
        "d": "6e9",
        "e": "2024-02-26",
        "f": "2023-05",
    }
    # PyYAML's own safe loader is not changed by ours
    assert yaml.safe_load("a: 6.1e9")["a"] == "6.1e9"


@pytest.mark.parametrize(
    ("text", "line", "col", "problem"),
    [
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first at line 1)"),
        ("a: 1\n  b: 2\n", 2, 4, "mapping values are not allowed"),
        ("a: [1, 2\nb: 3\n", 2, 2, "did not find expected ',' or ']'"),
        ("a: 1\nb: x\x07\n", 2, 5, "unacceptable character #x0007"),
        ("a:\n  - 1\n - 2\n", 3, 2, "did not find expected key"),
        # a tag PyYAML cannot convert used to escape as a bare ValueError (fuzz)
        ("a: 1\nb: !!int abc\n", 2, 4, "cannot read this value"),
        ("a: 1\nb: !!float x\n", 2, 4, "cannot read this value"),
    ],
)
def test_malformed_yaml_names_file_line_and_column(
    text: str, line: int, col: int, problem: str
) -> None:
    with pytest.raises(ParseError) as info:
        loads_yaml(text, "cases/x/entities.yaml")
    err = info.value
    assert (err.file, err.line, err.col) == ("cases/x/entities.yaml", line, col)
    assert str(err).startswith(f"cases/x/entities.yaml:{line}:{col}: malformed YAML: ")
    assert problem in str(err)
    assert "\n" not in str(err)


def test_load_yaml_reports_missing_and_non_utf8_files(tmp_path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_yaml(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"a: \xff\n")
    with pytest.raises(InputError, match=r"bad.yaml: not UTF-8 text \(byte 3\)"):
        load_yaml(bad)


keys = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)
# PyYAML writes "1e5" unquoted (a string in YAML 1.1); our loader reads exponent notation as a
# number (YAML 1.2), so strings that look like one are left out of the round trip.
EXPONENT = re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$")
scalars = st.one_of(
    st.integers(-(10**6), 10**6),
    st.text(st.characters(codec="utf-8", categories=["L", "N"]), max_size=12).filter(
        lambda s: not EXPONENT.match(s)
    ),
    st.booleans(),
    st.none(),
)
trees = st.recursive(
    st.dictionaries(keys, scalars, min_size=1, max_size=4),
    lambda children: st.one_of(
        st.dictionaries(keys, children, min_size=1, max_size=4),
        st.lists(children, min_size=1, max_size=3),
    ),
    max_leaves=20,
)


def _walk(node, text_lines):
    """Check every key's recorded line holds that key; every item's line is where it starts."""
    if isinstance(node, dict):
        for key, value in node.items():
            line = node.key_line(key)
            pattern = rf"""^[ -]*['"]?{re.escape(key)}['"]?:"""
            assert re.match(pattern, text_lines[line - 1]), (key, line)
            _walk(value, text_lines)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            line = node.item_line(index)
            assert text_lines[line - 1].lstrip().startswith("-") or isinstance(value, dict)
            _walk(value, text_lines)


@settings(max_examples=60, deadline=None)
@given(tree=trees, lead=st.integers(0, 3))
def test_line_of_every_key_matches_the_text(tree, lead: int) -> None:
    text = "\n" * lead + yaml.safe_dump(tree, default_flow_style=False, allow_unicode=True)
    data = loads_yaml(text)
    assert data == tree
    _walk(data, text.splitlines())


def test_exponent_without_sign_or_leading_digit_reads_the_same_in_every_case_file(
    tmp_path,
) -> None:
    # `.5e3` was text in a case file and a number in parameters.yaml (two YAML readers);
    # one reader now: a number everywhere, as in YAML 1.2
    from pestle.case.parameters_file import load_parameters

    assert loads_yaml("a: .5e3\nb: -.5E-2\nc: 1e10\nd: .x\n") == {
        "a": 500.0,
        "b": -0.005,
        "c": 1e10,
        "d": ".x",
    }
    # `.inf` is a number too, and refused as every non-finite number is (tests/hostile/)
    with pytest.raises(ParseError, match=r"^<string>:1:4: .*'\.inf' is not a finite number"):
        loads_yaml("e: .inf\n")
    path = tmp_path / "parameters.yaml"
    path.write_text("parameters:\n  a:\n    unit: t\n    base: .5e3\n    source: s\n")
    assert load_parameters(path)["a"].base == 500.0 == loads_yaml("base: .5e3")["base"]


def test_malformed_yaml_is_worded_the_same_in_every_case_file(tmp_path) -> None:
    from pestle.case.judgments_file import load_judgments
    from pestle.case.parameters_file import load_parameters

    for read in (load_parameters, load_judgments):
        path = tmp_path / f"{read.__name__}.yaml"
        path.write_text("a: [1, 2\n", encoding="utf-8")
        with pytest.raises(ParseError, match=rf"^{path}:2:1: malformed YAML: "):
            read(path)
