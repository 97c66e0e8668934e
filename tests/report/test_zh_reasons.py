"""The reasons of the parameters and the rationales of the policy measures in the reader's
language: both shipped cases give each a Chinese form with every number of the English one;
the Chinese report shows the Chinese forms (parameters table, its footnotes, the policy coding
table) and none of the English ones; the English report and results.json keep the English.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from report_viewtext import strings

from pestle.case import load_case
from pestle.model.text import CaseText
from pestle.present import i18n
from pestle.report.context import build_view
from pestle.report.view import Report, Table
from pestle.results import Results
from pestle.results.settings import Settings
from pestle.web.present import slider

CASES = ("xinjiang_composites", "inner_mongolia_composites")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
CJK = re.compile(r"[\u4e00-\u9fff]")


def reasons(case: Any) -> dict[str, Any]:
    """Every parameter reason, overlap reason and policy rationale of a case, by where."""
    found: dict[str, Any] = {
        f"parameter {p.name}": p.reason for p in case.parameters.parameters if p.reason
    }
    found |= {f"nested {n.child}": n.reason for n in case.overlaps.nested}
    found |= {f"group {i}": g.reason for i, g in enumerate(case.overlaps.groups)}
    found |= {f"measure {m.id}": m.rationale for m in case.policy_measures.measures}
    return found


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest) -> Any:
    return load_case(request.param)


@pytest.fixture(scope="module")
def views(case: Any) -> tuple[Results, dict[str, Report]]:
    settings = Settings(samples=500, sobol_samples=0, draws=100)
    results = Results(case, settings)
    return results, {lang: build_view(results, lang) for lang in ("en", "zh")}


def test_every_reason_and_rationale_has_a_chinese_form(case: Any) -> None:
    found = reasons(case)
    assert sum(k.startswith("parameter") for k in found) >= 20
    assert any(k.startswith("measure") for k in found)
    missing = [k for k, t in found.items() if not (isinstance(t, CaseText) and "zh" in t.forms)]
    assert missing == []
    not_chinese = [k for k, t in found.items() if not CJK.search(t.forms["zh"])]
    assert not_chinese == []


def test_the_chinese_form_keeps_every_number_of_the_english(case: Any) -> None:
    lost = {
        where: [n for n in NUMBER.findall(str(t)) if n not in t.forms["zh"]]
        for where, t in reasons(case).items()
    }
    assert {k: v for k, v in lost.items() if v} == {}


def table(view: Report, table_id: str) -> str:
    for s in view.sections:
        for b in (*s.intro, *(b for sub in s.subsections for b in sub.blocks)):
            if isinstance(b, Table) and b.id == table_id:
                return " ".join(strings(b))
    raise AssertionError(f"no table {table_id}")


def test_the_chinese_report_shows_the_chinese_forms(case: Any, views: Any) -> None:
    _, view = views
    params = table(view["zh"], "table-assumptions-parameters")
    notes = " ".join(strings(view["zh"].footnotes))
    for p in case.parameters.parameters:
        if p.assumption:
            zh = p.reason.in_language("zh")
            assert zh in params, p.name
            assert zh in notes, p.name  # the parameter's footnote
    coding = table(view["zh"], "table-policy-coding")
    for m in case.policy_measures.measures:
        assert m.rationale.in_language("zh") in coding, m.id


def test_the_chinese_report_has_none_of_the_english_forms(case: Any, views: Any) -> None:
    _, view = views
    everything = " ".join(strings(view["zh"]))
    english = [str(t) for t in reasons(case).values()]
    assert [t for t in english if t in everything] == []
    # a distinctive phrase of one reason: in the English report, not in the Chinese
    reason = case.parameters["insulator_mass_kg"].reason
    assert "deliberately wide range" in " ".join(strings(view["en"]))
    assert "deliberately wide range" not in everything
    assert reason.in_language("zh") in everything


def test_the_english_report_and_the_results_keep_the_english(case: Any, views: Any) -> None:
    results, view = views
    params = table(view["en"], "table-assumptions-parameters")
    coding = table(view["en"], "table-policy-coding")
    assert not CJK.search(params) and not CJK.search(coding)
    for p in case.parameters.parameters:
        if p.assumption:
            assert str(p.reason) in params, p.name
    data = json.dumps(results.to_dict(), ensure_ascii=False, default=str)
    assert not CJK.search(data)


def test_the_dashboard_explains_a_parameter_in_the_readers_language(case: Any) -> None:
    p = case.parameters["insulator_mass_kg"]
    with i18n.use("zh"):
        assert slider(p, None)["why"] == p.reason.in_language("zh")
    with i18n.use("en"):
        assert slider(p, None)["why"] == str(p.reason)
