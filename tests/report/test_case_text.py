"""The texts of the case in the reader's language: the Chinese report names parameters,
scenarios, factors, measures and entities by the Chinese forms the case files give, on its
cover too; the English report is what it was; the results do not depend on the language.

The views are built from one `Results` of the embedded case (one parameter fixed, so the
cover's settings line has something to name) in both languages.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from report_viewtext import strings

from pestle.case import load_case
from pestle.model.text import CaseText
from pestle.report.context import build_view
from pestle.report.view import Chart, Report, Table
from pestle.results import Results
from pestle.results.settings import Settings

CJK = re.compile(r"[\u4e00-\u9fff]")
FIXED = "blade_mass_t_per_mw"

# the places whose words come from the case files (tables by id, charts by id)
TABLES = (
    "table-assumptions-parameters",
    "table-reproduce-scenarios",
    "table-demand-scenarios",
    "table-factors-ahp",
    "table-factors-dematel",
    "table-factors-efe",
    "table-policy-coding",
    "table-policy-ftz",
    "table-energy-bases",
    "table-energy-corridors",
    "table-economy-gdp",
    "table-trade-structure",
    "table-trade-platforms",
)
CHARTS = (
    "chart-demand-scenarios",
    "chart-factors-ahp",
    "chart-factors-dematel",
    "chart-policy-ftz",
    "chart-trade-platforms",
    "chart-trade-structure",
    "chart-energy-capacity",
)


@pytest.fixture(scope="module")
def setup() -> tuple[Any, Results, dict[str, Report]]:
    case = load_case()
    settings = Settings(samples=2_000, sobol_samples=0, draws=200, overrides={FIXED: 12.0})
    results = Results(case, settings)
    return case, results, {lang: build_view(results, lang) for lang in ("en", "zh")}


def case_texts(case: Any) -> list[CaseText]:
    """The case's texts that have a Chinese form unlike their English one."""
    found = [case.name, case.region, case.region_short, case.target_industry]
    found += [p.label for p in case.parameters.parameters]
    found += [t for p in case.parameters.parameters for t in (p.choice_labels or {}).values()]
    found += [s.label for s in case.scenarios] + [s.description for s in case.scenarios]
    found += [f.name for f in case.factors] + [f.statement for f in case.factors]
    found += [f.name for f in case.judgments.factors.values()]
    found += [m.name for m in case.policy_measures.measures]
    found += [e.name for e in case.entities] + list(case.references.labels.values())
    found += [case.judgments.note, case.policy_measures.note]
    return [t for t in found if isinstance(t, CaseText) and t.forms.get("zh", t) != t]


def blocks(view: Report) -> dict[str, Table | Chart]:
    """The tables and charts of the report by id, in a chapter's lead or its subsections."""
    return {
        b.id: b
        for s in view.sections
        for b in (*s.intro, *(b for sub in s.subsections for b in sub.blocks))
        if isinstance(b, Table | Chart)
    }


def places(view: Report) -> dict[str, list[str]]:
    found = blocks(view)
    out = {key: list(strings(found[key])) for key in (*TABLES, *CHARTS)}
    m = view.meta
    out["cover"] = [m.title, m.region, m.industry, m.description, m.colophon]
    out["cover"] += list(strings(m.facts))
    factors = next(s for s in view.sections if s.id == "factors")
    out["factor section"] = list(strings(factors))
    return out


def test_the_chinese_report_has_no_english_case_text_where_it_names_them(setup) -> None:  # type: ignore[no-untyped-def]
    case, _, views = setup
    english = sorted({str(t) for t in case_texts(case)}, key=len, reverse=True)
    assert len(english) > 150
    # a unit in words is a phrase the reasons of a parameter use too: looked for whole
    units = {
        str(p.unit) for p in case.parameters.parameters if p.unit.forms.get("zh", p.unit) != p.unit
    }
    # a one-word text (the region's short name) is also a word of the sources, reasons and
    # rationales a report quotes as written: it is looked for as a whole text, not inside one
    left = {
        (where, en)
        for where, texts in places(views["zh"]).items()
        for s in texts
        for en in english
        if (en in s if " " in en else en == s.strip())
    }
    left |= {
        (where, unit)
        for where, texts in places(views["zh"]).items()
        for s in texts
        for unit in units
        if unit == s.strip()
    }
    assert sorted(left) == []
    captions = {b.id: b.caption for b in blocks(views["zh"]).values() if isinstance(b, Table)}
    assert captions["table-trade-platforms"] == "新疆开放平台"


def test_the_chinese_report_shows_the_chinese_forms(setup) -> None:  # type: ignore[no-untyped-def]
    case, _, views = setup
    found = blocks(views["zh"])
    params = " ".join(strings(found["table-assumptions-parameters"]))
    for p in case.parameters.parameters:
        assert p.label.in_language("zh") in params, p.name
    scenarios = json.dumps(found["chart-demand-scenarios"].spec, ensure_ascii=False)
    table = " ".join(strings(found["table-demand-scenarios"]))
    for s in case.scenarios:
        assert s.label.in_language("zh") in scenarios and s.label.in_language("zh") in table
    ahp = " ".join(strings(found["table-factors-ahp"]))
    for f in case.judgments.factors.values():
        assert f.name.in_language("zh") in ahp
    m = views["zh"].meta
    assert m.title.startswith(case.name.in_language("zh"))
    assert (m.region, m.industry) == ("中国新疆维吾尔自治区", "复合材料")


def test_the_english_report_is_unchanged_in_those_places(setup) -> None:  # type: ignore[no-untyped-def]
    case, _, views = setup
    for where, texts in places(views["en"]).items():
        assert not [s for s in texts if CJK.search(s)], where
    found = blocks(views["en"])
    first = [row[0] for row in found["table-assumptions-parameters"].rows]
    labels = ["".join(x if isinstance(x, str) else x.text for x in cell) for cell in first]
    assert labels == [str(p.label) for p in case.parameters.parameters]
    m = views["en"].meta
    assert m.title == f"{case.name}: external-environment (PESTLE) analysis"
    assert (m.region, m.industry) == (str(case.region), str(case.target_industry))


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "Blade mass per MW of wind"), ("zh", "每兆瓦风电的叶片质量")]
)
def test_the_cover_names_a_fixed_parameter_by_its_label_and_unit(setup, lang, label) -> None:  # type: ignore[no-untyped-def]
    _, _, views = setup
    m = views[lang].meta
    settings = dict(m.facts)[{"en": "Settings", "zh": "设置"}[lang]]
    line = "".join(settings)
    assert f"{label} = 12 t/MW" in line
    assert FIXED not in line and FIXED not in m.colophon
    assert f"{label} = 12 t/MW" in m.colophon
    scenario = {"en": "Observed build-out", "zh": "实际建设"}[lang]
    assert scenario in line and "observed" not in line.replace("Observed", "")


def test_the_results_do_not_depend_on_the_language(setup) -> None:  # type: ignore[no-untyped-def]
    _, results, views = setup
    assert views["zh"].meta.lang == "zh"
    data = json.dumps(results.to_dict(), ensure_ascii=False, sort_keys=True, default=str)
    assert not CJK.search(data)  # ids and the case's own (English) texts only
    assert "Urumqi section" in data
