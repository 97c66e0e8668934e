"""What a finding says, in no language: message codes and typed parameters.

Every text a rule stores (title, message, the figures, the tolerance's why, the readings,
the affected rows) is the English of what it says: the code's wording in
`pestle.checks.messages` filled with its parameters. The English is pinned by the rules'
own tests; here, that each stored text is exactly what its code and parameters say, for
every finding of both embedded cases, and how each kind of parameter is written.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pestle.checks import run_checks
from pestle.checks.messages import MESSAGES
from pestle.checks.said import (
    Amount,
    Code,
    Natural,
    Num,
    Say,
    Text,
    Unit,
    When,
    Years,
    english,
    join,
    param,
    said,
    say,
)
from pestle.checks.units import amount, unit_name
from pestle.model.text import CaseText

CASES = ("xinjiang_composites", "inner_mongolia_composites")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@pytest.fixture(scope="module", params=CASES)
def findings(request):  # type: ignore[no-untyped-def]
    from importlib import resources

    from pestle.case import load_case

    report = run_checks(load_case(str(resources.files("pestle") / "cases" / request.param)))
    return [m for f in report.findings for m in (f, *f.members)]


def test_every_stored_text_is_what_its_code_says(findings) -> None:
    assert findings
    for f in findings:
        # every rule of pestle speaks through codes: a title and a message
        assert f.title_said is not None and f.message_said is not None, f.id
        assert f.title == _capital(english(f.title_said)), f.id
        assert f.message == _capital(english(f.message_said)), f.id
        for fig in (f.expected, f.actual):
            if fig is not None:
                assert fig.text_said is not None and fig.text == english(fig.text_said), f.id
        if f.tolerance is not None:
            assert f.tolerance.why == english(f.tolerance.why_said), f.id
        assert len(f.readings_said) == len(f.readings), f.id
        assert [english(s) for s in f.readings_said] == list(f.readings), f.id
        for row in f.rows:
            assert row.text == english(row.text_said), f.id
        if f.cause is not None:
            assert f.cause == english(f.cause_said), f.id


def test_what_is_said_survives_json(findings) -> None:
    """results.json holds the codes and typed parameters: read back, they say the same."""
    from pestle.checks import Finding

    for f in findings:
        back = Finding.model_validate_json(f.model_dump_json())
        assert back == f
        assert english(back.message_said) == english(f.message_said)
        assert back.message == f.message


def test_the_json_holds_the_cases_own_words_only() -> None:
    """A name's other languages stay in memory (for the reader), not in results.json."""
    name = CaseText({"en": "Northland GDP", "zh": "北地生产总值"}, "en")
    spoken = say("agreement.what", name=name, what=Code(code="value"))
    assert "北地" not in spoken.model_dump_json()
    assert spoken.params["name"].text.forms == {"en": "Northland GDP", "zh": "北地生产总值"}


def test_codes_are_known_and_plain_values_become_parameters() -> None:
    with pytest.raises(KeyError, match="no message"):
        say("no.such.code")
    with pytest.raises(TypeError):
        param(True)
    assert param(3) == Num(value=3)
    assert param("a source") == Text(text="a source")
    name = CaseText({"en": "Northland GDP", "zh": "北地生产总值"}, "en")
    assert param(name).text.forms == {"en": "Northland GDP", "zh": "北地生产总值"}
    assert said("message", "runner.nothing", needs="x") == {
        "message": "The case holds nothing this rule applies to; it needs x.",
        "message_said": Say(code="runner.nothing", params={"needs": Text(text="x")}),
    }


def test_each_kind_of_parameter_in_english() -> None:
    assert english(Num(value=0.0301, spec=".3f")) == "0.030"
    assert english(Num(value=1878.48, places=2)) == "1,878.48"
    assert english(Num(value=59.3, places=2, trim=True)) == "59.3"
    assert english(Num(value=2, qualifier=">")) == "more than 2"
    assert english(Amount(value=1.4962e10, unit="CNY", scale=1e8, places=2)) == (
        "149.62 × 100 million yuan"
    )
    assert english(Natural(value=1.4962e11, unit="CNY")) == "149.62 billion yuan"
    assert english(Unit(unit="W", scale=1e9)) == "million kilowatts"
    assert english(When(period="2025-01-01/2025-03-31")) == "Q1 2025"
    assert english(When(period=None)) == "no period stated"
    assert english(Years(first=2023, last=2024)) == "2023–2024"
    assert english(Years(first=2024, last=2024)) == "2024"
    assert english(Code(code="in_operation")) == "in operation"
    assert english(join(["a", "b"], " + ")) == "a + b"
    assert english(say("cause.member", title="x", status=Code(code="fail"))) == "x (fail)"
    capital = say("say", say="outdated").model_copy(update={"capital": True})
    assert english(capital) == "Outdated"


def test_every_wording_names_its_placeholders_once_as_a_python_format() -> None:
    for code, wording in MESSAGES.items():
        assert wording.count("{") == wording.count("}"), code
        wording.format(**{k: "" for k in _fields(wording)})  # no positional or odd field


def _fields(wording: str) -> set[str]:
    import string

    return {f for _, f, _, _ in string.Formatter().parse(wording) if f}


@given(
    st.floats(min_value=1e3, max_value=1e13, allow_nan=False),
    st.sampled_from([1e4, 1e8, 1e9, 1e12]),
    st.integers(min_value=0, max_value=3),
)
def test_an_amount_is_written_as_the_checks_always_wrote_it(value, scale, places) -> None:
    assert english(Amount(value=value, unit="CNY", scale=scale, places=places)) == amount(
        value, "CNY", scale, places
    )
    assert english(Unit(unit="CNY", scale=scale)) == unit_name("CNY", scale)
