"""A finding in the reader's language (`pestle.present.findings`).

English shows the text the checks stored, unchanged. Chinese writes every text a rule
gave a code from the catalogue, with its parameters in Chinese formats: what is left in
Latin letters is only what someone else wrote (a quote of the document, a source, a name
the case gives in English only), never a word of pestle's.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pestle.checks import Finding, run_checks
from pestle.checks.said import (
    Amount,
    Code,
    Join,
    Natural,
    Num,
    Say,
    Text,
    Unit,
    When,
    Years,
    english,
    say,
)
from pestle.model.text import CaseText
from pestle.present import findings as said
from pestle.present import i18n
from pestle.present.format import CODE_WORDS

CASES = ("xinjiang_composites", "inner_mongolia_composites")
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{2,}")
# a word pestle keeps in every language
KEPT = {"GDP"}


@pytest.fixture(scope="module", params=CASES)
def findings(request) -> list[Finding]:  # type: ignore[no-untyped-def]
    from importlib import resources

    from pestle.case import load_case

    report = run_checks(load_case(str(resources.files("pestle") / "cases" / request.param)))
    return [m for f in report.findings for m in (f, *f.members)]


def _others(p) -> list[str]:  # type: ignore[no-untyped-def]
    """The words someone else wrote, inside what is said (longest first)."""
    if isinstance(p, Text):
        return [str(p.text), *getattr(p.text, "forms", {}).values()]
    if isinstance(p, Code) and p.code not in CODE_WORDS and " " in p.code:
        # a measure the case names in words (a closed vocabulary's code has no space): shown
        # as the case wrote it
        return [english(p)]
    if isinstance(p, Say):
        return [t for v in p.params.values() for t in _others(v)]
    if isinstance(p, Join):
        return [t for v in p.items for t in _others(v)]
    return []


def _pestles_words(text: str, spoken) -> list[str]:  # type: ignore[no-untyped-def]
    """The Latin words of `text` once the words of others in `spoken` are taken out."""
    for other in sorted(set(_others(spoken)), key=len, reverse=True):
        if other:
            text = text.replace(other, " ")
    return [w for w in LATIN.findall(text) if w not in KEPT]


def test_english_is_what_the_checks_stored(findings) -> None:
    with i18n.use("en"):
        for f in findings:
            assert said.title(f) == f.title and said.message(f) == f.message
            assert said.figure(f.expected) == (f.expected.text if f.expected else "—")
            assert said.tolerance(f.tolerance) == (f.tolerance.text if f.tolerance else "—")
            assert [r for r, _ in said.readings(f)] == list(f.readings)
            assert [said.row(r) for r in f.rows] == [r.text for r in f.rows]


def test_chinese_leaves_no_word_of_pestle_in_english(findings) -> None:
    with i18n.use("zh"):
        for f in findings:
            texts = [
                (said.title(f), f.title_said),
                (said.message(f), f.message_said),
                *((said.figure(x), x.text_said) for x in (f.expected, f.actual) if x),
                *((said.row(r), r.text_said) for r in f.rows),
                *zip((r for r, _ in said.readings(f)), f.readings_said, strict=True),
            ]
            if f.tolerance is not None:
                texts.append((said.tolerance(f.tolerance), f.tolerance.why_said))
            for text, spoken in texts:
                assert _pestles_words(text, spoken) == [], (f.id, text)


def test_benign_readings_stay_marked_in_chinese(findings) -> None:
    ambiguous = [f for f in findings if f.benign_readings]
    with i18n.use("zh"):
        for f in ambiguous:
            marks = [benign for _, benign in said.readings(f)]
            assert marks == [r in f.benign_readings for r in f.readings]


def test_a_finding_no_code_speaks_for_keeps_its_english() -> None:
    """A rule written elsewhere, with no message codes: its English shows, untranslated."""
    f = Finding(
        rule="mine",
        id="mine:x",
        title="My rule",
        status="pass",
        severity="info",
        message="All good.",
    )
    with i18n.use("zh"):
        assert said.title(f) == "My rule" and said.message(f) == "All good."


def test_each_kind_of_parameter_in_chinese() -> None:
    def zh(p) -> str:  # type: ignore[no-untyped-def]
        return said.render(p, "zh")

    with i18n.use("zh"):
        assert zh(Amount(value=1.4962e10, unit="CNY", scale=1e8, places=2)) == "149.62亿元"
        assert zh(Amount(value=4.72909e11, unit="CNY", scale=1e9, places=3)) == "4,729.09亿元"
        assert zh(Amount(value=1e10, unit="W", scale=1e10, places=0)) == "1,000万千瓦"
        assert zh(Amount(value=2e12, unit="CNY", scale=1e12, places=0, qualifier=">")) == (
            "超过2万亿元"
        )
        assert zh(Natural(value=6.1e9, unit="W")) == "610万千瓦"
        assert zh(Unit(unit="CNY", scale=1e9)) == "十亿元"
        assert zh(When(period="2025-01-01/2025-03-31")) == "2025年第一季度"
        assert zh(When(period=None)) == "未注明时期"
        assert zh(Years(first=2023, last=2024)) == "2023—2024年"
        assert zh(Code(code="in_operation")) == "已投运"
        assert zh(Text(text=CaseText({"en": "Northland", "zh": "北地"}, "en"))) == "北地"
        assert zh(Text(text="a quote")) == "a quote"
        assert zh(Join(items=(Text(text="a"), Text(text="b")), sep="; ")) == "a；b"
        assert zh(say("shares.at_most")) == "至多 100%"
        # numbers counted in million kilowatts are counted in 万千瓦, their unit named so
        gw = {"unit": "W", "scale": 1e9}
        assert zh(Num(value=46.1, places=2, trim=True, **gw)) == "4,610"
        assert zh(Num(value=5.934, places=3, **gw)) == "593.4"
        assert zh(Unit(unit="W", scale=1e9, steps=True)) == "万千瓦"
        assert zh(Unit(unit="W", scale=1e9)) == "百万千瓦"  # a unit named as it is
        assert zh(Num(value=149.62, places=2, unit="CNY", scale=1e8)) == "149.62"


@given(
    st.floats(min_value=1e4, max_value=1e14, allow_nan=False),
    st.sampled_from([1e4, 1e8, 1e9, 1e12]),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(["=", ">", "~"]),
)
def test_a_chinese_amount_has_no_english_and_keeps_the_stated_precision(
    value, scale, places, qualifier
) -> None:
    text = said.render(
        Amount(value=value, unit="CNY", scale=scale, places=places, qualifier=qualifier), "zh"
    )
    assert not LATIN.search(text) and text.endswith("元")
    digits = re.search(r"[\d,]+(?:\.\d+)?", text)
    assert digits is not None
    shown = float(digits.group().replace(",", ""))
    step = {"万亿": 1e12, "亿": 1e8, "万": 1e4}.get(text[digits.end() : -1], 1.0)
    # no coarser than the document wrote it: within half its last digit (and trimmed zeros)
    assert abs(shown * step - value) <= 0.5 * 10.0**-places * scale * 1.0000001
