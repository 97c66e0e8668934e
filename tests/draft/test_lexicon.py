"""The lexicon: which dimension a passage discusses, and threat or opportunity."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pestle.draft.indicators import slug, unique_id
from pestle.draft.lexicon import default_lexicon_text, load_lexicon
from pestle.errors import CaseError

LEXICON = load_lexicon()


def test_english_words_match_whole_words_and_their_forms() -> None:
    hits = LEXICON.hits("Tariffs and new standards; a standardised test.", "legal")
    assert hits["tariffs"] == 1 and hits["standards"] == 1
    assert "standardised" not in hits  # not a form the lexicon lists


def test_longer_entries_win_over_their_parts() -> None:
    hits = LEXICON.hits("The free trade zone opened.", "political")
    assert hits == {"free trade zone": 1}


def test_chinese_text_is_placed() -> None:
    text = "2024年全区风电装机容量达到3000万千瓦，新能源产业快速增长。"
    scores = {d: sum(c.values()) for d, c in LEXICON.dimension_hits(text).items()}
    assert max(scores, key=scores.get) == "technological"
    assert LEXICON.hits(text, "technological")["风电"] == 1


def test_direction() -> None:
    assert LEXICON.direction_of("Curtailment and overcapacity remain a risk.") == "threat"
    assert LEXICON.direction_of("Output rose to a record; growth continued.") == "opportunity"


def test_policy_codes() -> None:
    quote = "The State Council approved investment in grid infrastructure."
    assert LEXICON.policy_code(quote, "level", "regional") == "national"
    assert LEXICON.policy_code(quote, "instrument", "environment") == "supply"
    assert LEXICON.policy_code(quote, "target", "industry") == "energy"


def test_a_broken_lexicon_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(default_lexicon_text().replace("min_hits: 2", "min_hits: 0"), "utf-8")
    with pytest.raises(CaseError) as info:
        load_lexicon(path)
    assert info.value.line == default_lexicon_text().splitlines().index("min_hits: 2") + 1
    assert "min_hits" in str(info.value)


@given(st.text(max_size=80))
def test_slugs_are_case_ids(text: str) -> None:
    import re

    assert re.fullmatch(r"[a-z0-9_]+", slug(text))


@given(st.lists(st.sampled_from(["gdp", "gdp_2", "a", "gdp_2_2"]), max_size=12))
def test_unique_ids_never_repeat(bases: list[str]) -> None:
    taken: set[str] = set()
    ids = [unique_id(b, taken) for b in bases]
    assert len(set(ids)) == len(ids)
