"""The dashboard in Chinese: the findings' cards, the checks page's filters and the scenario
choices are in the reader's words; the API's findings stay the stored English."""

from __future__ import annotations

import re
from html import unescape

import pytest


@pytest.fixture()
def fresh(client):  # type: ignore[no-untyped-def]
    client.cookies.clear()
    yield client
    client.cookies.clear()


def _text(html: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_the_checks_page_shows_the_findings_in_chinese(fresh) -> None:
    en = _text(fresh.get("/checks", params={"lang": "en"}).text)
    zh = _text(fresh.get("/checks", params={"lang": "zh"}).text)
    results = fresh.get("/api/cases/xinjiang_composites/results").json()
    for f in results["findings"]["findings"]:
        head = " ".join(f["message"].split())[:40]
        assert head in en, head
        assert head not in zh, head
    assert "各行计入" in zh or "未通过" in zh
    for english in ("failed (", "checks shown", ">any<"):
        assert english not in zh, english


def test_the_filters_and_severities_are_words_of_the_reader(fresh) -> None:
    html = fresh.get("/checks", params={"lang": "zh"}).text
    options = re.findall(r"<option value=\"[^\"]*\"[^>]*>([^<]*)</option>", html)
    assert {"全部", "未通过", "通过", "错误", "警告", "提示"} <= set(options)
    assert '<span class="badge sev-error">错误</span>' in html


def test_the_scenario_choices_show_their_labels(fresh) -> None:
    zh = fresh.get("/scenarios", params={"lang": "zh"}).text
    en = fresh.get("/scenarios", params={"lang": "en"}).text
    assert re.search(
        r'<option value="as_stated" title="as_stated"[^>]*>按报告所述基地</option>', zh
    )
    assert re.search(
        r'<option value="as_stated" title="as_stated"[^>]*>Bases as stated</option>', en
    )
    assert "scenario default (" not in zh and "情景默认值（" in zh


def test_a_parameters_choices_show_their_labels_with_the_id_on_hover(fresh) -> None:
    """The settings' drop-downs (a categorical parameter's `choice_labels`): the value sent
    is the choice's id, the words shown are its label in the reader's language."""
    zh = fresh.get("/scenarios", params={"lang": "zh"}).text
    en = fresh.get("/scenarios", params={"lang": "en"}).text
    option = '<option value="union_by_entity" title="union_by_entity">{}</option>'
    assert option.format("每个实体基地只计一次") in zh
    assert option.format("Each physical base once") in en
    assert ">union_by_entity<" not in en + zh


def test_the_search_finds_the_words_the_reader_sees(fresh) -> None:
    zh = fresh.get("/checks", params={"lang": "zh", "q": "已过时"}).text
    assert "已过时：报告称" in _text(zh)
    en = fresh.get("/checks", params={"lang": "zh", "q": "outdated"}).text  # stored English too
    assert "已过时：报告称" in _text(en)
    none = fresh.get("/checks", params={"lang": "zh", "q": "没有这样的词"}).text
    assert "已过时：报告称" not in _text(none)


def test_the_evidence_of_a_finding_names_its_kind_and_entity_in_chinese(fresh) -> None:
    zh = fresh.get("/checks", params={"lang": "zh"}).text
    en = fresh.get("/checks", params={"lang": "en"}).text
    assert (
        '<span class="ev-kind">数据陈述</span>' in zh and '<span class="ev-kind">claim</span>' in en
    )
    assert '<span class="ev-kind">claim</span>' not in zh
    # an entity's name as the case writes it in Chinese (JSON keeps the case's own form)
    assert "<strong>哈密—重庆特高压输电工程" in zh
    assert 'placeholder="标题或内容中的词语"' in zh


def test_a_parameters_distribution_is_a_word_of_the_reader(fresh) -> None:
    zh = _text(fresh.get("/scenarios", params={"lang": "zh"}).text)
    en = _text(fresh.get("/scenarios", params={"lang": "en"}).text)
    assert "uniform 0.2–0.5" in en and "均匀 0.2–0.5" in zh
    assert "uniform 0.2–0.5" not in zh


def test_scenario_a_is_named_by_its_label_before_and_after_a_run(fresh) -> None:
    zh = fresh.get("/scenarios", params={"lang": "zh"}).text
    assert re.search(r'<span id="name-a" title="[a-z_]+">[^<a-z_]*[\u4e00-\u9fff]', zh)
    fresh.get("/?lang=zh")  # the cookie: the demand endpoint answers in the reader's words
    r = fresh.post(
        "/api/cases/xinjiang_composites/demand",
        json={"scenario": "as_stated", "samples": 200},
    )
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["scenario"] == "as_stated"  # the id stays the data
    assert data["display"]["scenario"] == "按报告所述基地"
    assert data["display"]["description"].startswith("按报告所列基地表")


def test_the_run_line_and_notes_of_the_scenarios_page_are_in_chinese(fresh) -> None:
    zh = _text(fresh.get("/scenarios", params={"lang": "zh"}).text)
    en = _text(fresh.get("/scenarios", params={"lang": "en"}).text)
    assert re.search(r"[\d,]+ samples · seed \d+ · 2023–2030", en)
    assert re.search(r"[\d,]+ 个样本 · 种子 \d+ · 2023—2030年", zh)
    assert "更多参数（" in zh and "累计需求" in zh and "More parameters" not in zh
