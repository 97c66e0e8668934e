"""`CaseText`: a case text written as one string or per language, read the same way by every
case-file model; the case's own form is the string, the other forms ride along."""

from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from pestle.model.text import LANGUAGES, CaseText, Text, case_language
from pestle.present import i18n


class Labelled(BaseModel):
    label: Text | None = None


# a form is read without the blank space around it (a folded YAML block may leave some)
forms = st.text(min_size=1, max_size=40).map(str.strip).filter(bool)


@given(en=forms, zh=st.none() | forms)
def test_a_mapping_is_its_own_language_and_carries_the_others(en: str, zh: str | None) -> None:
    raw = {"en": en} if zh is None else {"en": en, "zh": zh}
    label = Labelled(label=raw).label
    assert isinstance(label, CaseText)
    assert label == en  # the str is the case's own language: ids, keys, JSON stay as they were
    assert label.in_language("en") == en
    assert label.in_language("zh") == (zh if zh is not None else en)  # falls back
    assert Labelled(label=raw).model_dump() == {"label": en}
    assert pickle.loads(pickle.dumps(label)).forms == label.forms


def test_a_plain_string_is_the_case_language() -> None:
    assert Labelled(label="Blade mass").label.forms == {"en": "Blade mass"}  # type: ignore[union-attr]
    with case_language("zh"):
        label = Labelled(label="叶片质量").label
        assert label is not None and label.forms == {"zh": "叶片质量"}
        assert label.in_language("en") == "叶片质量"  # no English form: the case's own
        both = Labelled(label={"zh": "叶片质量", "en": "Blade mass"}).label
        assert both == "叶片质量"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"en": "Blade", "fr": "Pale"}, "unknown language 'fr'"),
        ({}, "an empty language mapping"),
        ({"zh": "叶片"}, "without the case's own language ('en')"),
        ({"en": "Blade", "zh": ""}, "the zh form of a text must be a non-empty string"),
        ({"en": "Blade", "zh": 3}, "the zh form of a text must be a non-empty string"),
        (["Blade"], "expected a text, or a mapping of language code to text"),
    ],
)
def test_malformed_mappings_are_refused(raw: object, problem: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(problem)):
        Labelled(label=raw)


def test_pick_chooses_the_readers_form() -> None:
    label = Labelled(label={"en": "Observed build-out", "zh": "实际建设"}).label
    assert label is not None
    assert i18n.pick(label) == "Observed build-out"
    with i18n.use("zh"):
        assert i18n.pick(label) == "实际建设"
        assert i18n.pick("as_stated") == "as_stated"  # an id is not a case text
        assert i18n.finalize(label) == "实际建设" and i18n.finalize(3) == 3
    assert i18n.pick(label, "zh") == "实际建设"


def test_the_json_schema_offers_both_forms() -> None:
    schema = Labelled.model_json_schema()["properties"]["label"]
    text = next(s for s in schema["anyOf"] if "anyOf" in s)
    kinds = {s["type"] for s in text["anyOf"]}
    assert kinds == {"string", "object"}
    mapping = next(s for s in text["anyOf"] if s["type"] == "object")
    assert mapping["propertyNames"] == {"enum": list(LANGUAGES)}
    assert mapping["minProperties"] == 1
