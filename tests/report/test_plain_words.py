"""Plain words: every parameter and scenario of a shipped case has a label, and the report's
analysis names them by it; ids and commands are left to the notes and the appendix."""

from __future__ import annotations

import re

import pytest

from pestle.case.loader import embedded_cases, load_case


@pytest.mark.parametrize("name", embedded_cases())
def test_every_parameter_and_scenario_has_a_label(name: str) -> None:
    case = load_case(name)
    unlabelled = [p.name for p in case.parameters.parameters if not p.label]
    unlabelled += [s.name for s in case.scenarios if not s.label]
    assert unlabelled == []


def _analysis(md: str) -> str:
    """The report's sections before the appendix (section 10) and the notes, marks removed."""
    body = md.split("\n## 10 ", 1)[0]
    return re.sub(r"\[\^\d+\]", "", body)


def test_the_analysis_names_parameters_and_scenarios_by_their_labels(built) -> None:
    case = load_case()  # the embedded default, which `built` reports on
    analysis = _analysis(built.md)
    ids = [p.name for p in case.parameters.parameters if "_" in p.name]
    ids += [s.name for s in case.scenarios if "_" in s.name]
    found = sorted(i for i in ids if re.search(rf"(?<![\w/]){i}(?!\w)", analysis))
    assert found == []
    assert "pestle.analysis" not in analysis
    assert "pestle report --scenario" not in analysis
    assert "Blade mass per MW of wind" in analysis


def test_charts_name_scenarios_by_their_labels(built) -> None:
    """A chart's title names a scenario by its label ("scenario Observed build-out"), not by
    its id, an id without an underscore included."""
    case = load_case()
    texts = " ".join(
        f.read_text(encoding="utf-8") for f in built.result.figures if f.suffix == ".svg"
    )
    renamed = [s for s in case.scenarios if s.label and str(s.label) != s.name]
    assert renamed
    assert [s.name for s in renamed if re.search(rf"scenario {s.name}\b", texts)] == []
    assert any(f"scenario {s.label}" in texts for s in renamed)


def test_commands_are_in_the_appendix(built) -> None:
    appendix = built.md.split("\n## 10 ", 1)[1]
    assert "pestle report --scenario NAME" in appendix
    assert re.search(r"\| Bases as stated \| as\\?_stated \|", appendix)


@pytest.mark.parametrize("name", embedded_cases())
def test_every_reference_series_has_a_label(name: str) -> None:
    refs = load_case(name).references
    ids = [e.id for e in refs.entries] + [c.id for c in refs.corridors]
    assert [i for i in ids if not refs.label(i)] == []


def test_reference_notes_are_titled_in_plain_words(built) -> None:
    notes = built.md.split("\n[^1]:", 1)[1]
    assert "Reference data Total import and export value, Jan–Apr 2023" in notes
    assert "foreign_trade_cny@2023-01-01/2023-04-30, " in notes  # the id, in the note


def test_choices_are_named_by_their_labels_everywhere_in_the_report(built) -> None:
    """A categorical parameter's value is its choice label (`choice_labels`): the analysis,
    the parameters table and the notes say "Each physical base once", not union_by_entity
    (section 11, on reproducing the report, lists the ids a command takes)."""
    case = load_case()
    choices = [p for p in case.parameters.parameters if p.choices]
    assert choices
    before, rest = built.md.split("\n## 11 ", 1)
    text = before + rest[rest.index("\n## ") :]  # without section 11
    ids = sorted({c for p in choices for c in p.choices if "_" in c})
    assert ids and [i for i in ids if re.search(rf"(?<![\w/]){i}(?!\w)", text)] == []
    for p in choices:
        assert str(p.choice_labels[str(p.base)]) in text, p.name
