"""The input-output model's notes: in English the words the analysis wrote (results.json's),
to the character; in Chinese the same sentences from the catalogue."""

from __future__ import annotations

import dataclasses
import re

import pytest

from pestle.analysis.linkage import leontief
from pestle.analysis.linkage.shock import table_of
from pestle.case import embedded_cases, load_case
from pestle.present import i18n
from pestle.present import linkage as words
from pestle.results import Results, Settings

SETTINGS = Settings(samples=2_000, sobol_samples=0, draws=100)


@pytest.mark.parametrize("name", embedded_cases())
def test_english_is_the_analysis_own_note_and_chinese_is_translated(name: str) -> None:
    results = Results(load_case(name), SETTINGS)
    if results.linkage is None:
        pytest.skip("no linkage table")
    model, effects = results.io_model, results.linkage.effects
    basis = results.case.linkage.price_basis
    with i18n.use("en"):
        assert words.model_note(model) == effects.central.note == model.note
        assert words.shock_note(model, basis) == effects.note
    with i18n.use("zh"):
        chinese = words.shock_note(model, basis)
    assert "全国系数" in chinese and "冲击 = 吨数" in chinese
    # one sentence after another, with no space between them as in the English
    assert "。" in chinese and not re.search(r"[。；] ", chinese), chinese
    assert "National coefficients" not in chinese and "Shock = tonnes" not in chinese


def test_every_kind_of_table_note_is_written_as_the_analysis_writes_it() -> None:
    """The other bases and import layouts, and zero-output sectors, on the embedded case's
    table: total basis; a table with an import block; a table's own note kept as given."""
    config = load_case().linkage
    assert config is not None
    table = table_of(config)
    own = dataclasses.replace(table, note="Coefficients from my_table.csv.")
    for model in (leontief(table, basis="total"), leontief(own)):
        with i18n.use("en"):
            assert words.model_note(model) == model.note
    with i18n.use("zh"):
        assert words.model_note(leontief(own)).startswith("Coefficients from my_table.csv.")
        assert "总量口径" in words.model_note(leontief(table, basis="total"))


def test_sectors_are_named_in_the_readers_language() -> None:
    """The embedded national table has a Chinese column: a Chinese report names its sectors
    by it, an English one by the table's own names (results.json keeps those)."""
    results = Results(load_case(), SETTINGS)
    effects = results.linkage.effects
    with i18n.use("en"):
        english = words.sector_names(effects)
    with i18n.use("zh"):
        chinese = words.sector_names(effects)
    assert english["001"] == "Agriculture" and chinese["001"] == "农产品"
    assert set(english) == set(chinese) == set(effects.central.codes)
    assert effects.central.to_frame().loc["001", "name"] == "Agriculture"


@pytest.mark.parametrize("name", embedded_cases())
def test_linkage_assumptions_read_as_words_not_ids(name: str) -> None:
    """The report lists the stated prices and sector shares by the segments' and sectors'
    names, in yuan and percentages: not a segment id or a Python dict of sector codes (as
    the analysis's lines in results.json carry them)."""
    results = Results(load_case(name), SETTINGS)
    if results.linkage is None:
        pytest.skip("no linkage table")
    config, effects = results.case.linkage, results.linkage.effects
    assert any("{'" in line for line in effects.assumptions)  # the analysis's own lines
    with i18n.use("en"):
        english = words.assumption_lines(config, effects)
    with i18n.use("zh"):
        chinese = words.assumption_lines(config, effects)
    assert len(english) == len(chinese) == len(effects.assumptions) > 0
    for line in english + chinese:
        assert "{'" not in line and not re.search(r"\b[a-z]+_[a-z_]+\b", line), line
    assert english[0].startswith("Wind-turbine blades: 5,000\u00a0yuan to 30,000\u00a0yuan")
    assert "glass and glass products (057) 45\u00a0%" in english[0]
    assert chinese[0].startswith("风电叶片：每吨") and "玻璃和玻璃制品 (057) 45%" in chinese[0]
    # the shipped cases give the reasons in Chinese too: no English word in those lines
    assert not [line for line in chinese if re.search(r"[A-Za-z]{3,}", line)]
