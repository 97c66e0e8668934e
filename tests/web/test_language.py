"""The dashboard's language: ?lang= switches it, a cookie keeps it, JSON does not change."""

from __future__ import annotations

import re

import pytest

from pestle.web.language import COOKIE


def _h2(html: str) -> list[str]:
    return re.findall(r"<h2[^>]*>([^<]*)</h2>", html)


@pytest.fixture()
def fresh(client):  # type: ignore[no-untyped-def]
    client.cookies.clear()
    yield client
    client.cookies.clear()


def test_english_is_the_default(fresh) -> None:
    html = fresh.get("/").text
    assert '<html lang="en">' in html and "Key findings" in _h2(html)


def test_lang_zh_renders_chinese_and_sets_the_cookie(fresh) -> None:
    r = fresh.get("/?lang=zh")
    assert r.status_code == 200
    assert '<html lang="zh-CN">' in r.text
    assert _h2(r.text) == ["主要发现", "图表", "预测的可信程度", "未通过的检查"]
    assert re.search(r"\d万吨（中位数）", r.text)  # numbers in Chinese units too
    assert f"{COOKIE}=zh" in r.headers["set-cookie"]
    assert "SameSite=Lax" in r.headers["set-cookie"]
    # the cookie keeps the language on the next page, with no query
    checks = fresh.get("/checks").text
    assert "<title>检查 ·" in checks


def test_every_page_renders_in_chinese(fresh) -> None:
    for path in ("/", "/evidence", "/checks", "/judgments", "/scenarios", "/upload"):
        r = fresh.get(path, params={"lang": "zh"})
        assert r.status_code == 200, path
        assert '<html lang="zh-CN">' in r.text, path
        assert '<a href="/" ' in r.text or ">概览</a>" in r.text, path


def test_an_unknown_lang_is_ignored(fresh) -> None:
    fresh.get("/?lang=zh")
    r = fresh.get("/?lang=xx")
    assert r.status_code == 200 and "主要发现" in _h2(r.text)  # stays in the chosen language
    assert "set-cookie" not in r.headers


def test_the_api_answers_the_same_in_every_language(fresh) -> None:
    url = "/api/cases/xinjiang_composites/results"
    en = fresh.get(url).json()
    zh = fresh.get(url, params={"lang": "zh"}).json()
    assert zh == en


def test_english_and_chinese_overviews_are_kept_apart(fresh) -> None:
    zh = fresh.get("/?lang=zh").text
    en = fresh.get("/?lang=en").text
    assert "一致性检查" in zh and "一致性检查" not in en
    assert "Consistency checks" in en


def test_the_app_default_language_applies_until_a_reader_chooses(store_path) -> None:
    import warnings

    from pestle.store import Store
    from pestle.web import create_app

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with")
        from fastapi.testclient import TestClient

    app = create_app(token="t", store=Store(str(store_path)), lang="zh")
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert "主要发现" in _h2(c.get("/").text)
        assert "Key findings" in _h2(c.get("/?lang=en").text)
        assert "Key findings" in _h2(c.get("/").text)  # the reader's cookie wins
