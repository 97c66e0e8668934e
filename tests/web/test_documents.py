"""POST /api/documents: the token, the limits, text checks, storage and changed checks."""

from __future__ import annotations

import warnings

import pytest

from pestle.store import Store

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from fastapi.testclient import TestClient

from pestle.web import create_app

URL = "/api/documents"
NEWS = (
    "Xinjiang news\n"
    "In 2024, Xinjiang's GDP exceeded 2 trillion yuan, up 6.1%. "
    "A new 5 million kilowatts wind base was approved.\n"
)


def upload(
    client,
    data: bytes,
    *,
    name: str | None = None,
    filename: str = "news.txt",
    headers: dict | None = None,
    content_type: str = "text/plain",
):  # type: ignore[no-untyped-def, type-arg]
    fields = {"name": name} if name else {}
    return client.post(
        URL, files={"file": (filename, data, content_type)}, data=fields, headers=headers or {}
    )


def test_without_a_token_nothing_is_stored(client, store_path) -> None:
    before = len(Store(str(store_path)).revisions()) if store_path.exists() else 0
    r = upload(client, NEWS.encode(), name="no_token_doc")
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert r.json()["error"] == "Unauthorized"
    after = len(Store(str(store_path)).revisions()) if store_path.exists() else 0
    assert after == before


@pytest.mark.parametrize("value", ["Bearer wrong", "Basic dGVzdDp0ZXN0", "test-token-123", ""])
def test_a_wrong_token_is_401(client, value) -> None:
    r = upload(client, NEWS.encode(), headers={"Authorization": value})
    assert r.status_code == 401


def test_an_upload_is_extracted_stored_and_checked(client, auth, store_path) -> None:
    r = upload(client, NEWS.encode(), name="news_2024", headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["document"] == "news_2024" and body["status"] == "new"
    texts = [c["text"] for c in body["claims"]]
    assert "2 trillion yuan" in texts and "5 million kilowatts" in texts
    assert body["claims_total"] == len(body["claims"])
    stored = Store(str(store_path)).claims("news_2024")
    assert [c.text for c in stored] == texts
    assert body["checks"]["before"]["checks"] > 0
    joined = "".join(s["text"] for s in body["preview"]["segments"])
    assert joined == NEWS
    marked = [s["text"] for s in body["preview"]["segments"] if s["claim"] is not None]
    assert marked == texts


def test_the_same_content_again_writes_nothing(client, auth) -> None:
    first = upload(client, NEWS.encode(), name="news_twice", headers=auth).json()
    second = upload(client, NEWS.encode(), name="news_twice", headers=auth).json()
    assert first["status"] == "new" and second["status"] == "unchanged"
    third = upload(client, (NEWS + "Exports rose 12%.\n").encode(), name="news_twice", headers=auth)
    assert third.json()["status"] == "revised" and third.json()["revision"]["number"] == 2


def test_a_revision_of_the_case_document_changes_its_checks(client, auth) -> None:
    from pestle.ingest import EMBEDDED_REPORT

    text = EMBEDDED_REPORT.read_text(encoding="utf-8").replace("149.62", "1496.2")
    body = upload(client, text.encode(), name="source_report", headers=auth).json()
    assert body["replaces_case_document"] is True
    changed = {c["id"]: c for c in body["checks"]["changed"]}
    assert changed, "a tenfold trade figure must change the checks that quote it"
    assert all(c["change"] == "changed" for c in changed.values())
    assert any(c["rule"] == "magnitude" for c in changed.values())
    unchanged = upload(client, NEWS.encode(), name="unrelated_news", headers=auth).json()
    assert all(c["change"] != "changed" for c in unchanged["checks"]["changed"])


def test_the_name_defaults_to_a_safe_file_stem(client, auth) -> None:
    r = upload(client, NEWS.encode(), filename="../../etc/My Report.txt", headers=auth)
    assert r.status_code == 201
    assert r.json()["document"] == "My_Report"


@pytest.mark.parametrize("name", ["../evil", "a/b", "x" * 101, "-lead", "sp ace"])
def test_bad_names_are_refused(client, auth, name) -> None:
    r = upload(client, NEWS.encode(), name=name, headers=auth)
    assert r.status_code in (400, 422)
    assert r.json()["detail"]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"PK\x03\x04\x00\x00binary", "binary"),
        ("caf\u00e9 2 GW".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_only_utf8_text_is_accepted(client, auth, data, words) -> None:
    r = upload(client, data, headers=auth)
    assert r.status_code == 415
    assert words in r.json()["detail"]


def test_an_empty_document_is_refused(client, auth) -> None:
    assert upload(client, b"  \n", headers=auth).status_code == 400


def test_uploads_over_the_limit_are_413(store_path, tmp_path) -> None:
    app = create_app(token="t", store=Store(str(tmp_path / "small.db")), max_upload_bytes=1000)
    with TestClient(app, base_url="http://127.0.0.1") as small:
        headers = {"Authorization": "Bearer t"}
        ok = upload(small, b"GDP was 5 billion yuan.\n" * 10, headers=headers)
        assert ok.status_code == 201
        big = upload(small, b"GDP was 5 billion yuan.\n" * 60, headers=headers)
        assert big.status_code == 413
        assert "limit" in big.json()["detail"]
        huge = upload(small, b"x" * 200_000, headers=headers)
        assert huge.status_code == 413
    assert not (tmp_path / "small.db").exists() or Store(str(tmp_path / "small.db")).revisions()


def test_a_missing_file_is_422(client, auth) -> None:
    r = client.post(URL, data={"name": "x"}, headers=auth)
    assert r.status_code == 422


def test_a_chinese_upload_is_extracted_and_highlighted(client, auth) -> None:
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "ingest" / "corpus_zh"
    text = (corpus / "zh01_chinanews_xinjiang_q1.txt").read_text(encoding="utf-8")
    r = upload(client, text.encode(), name="zh_news", filename="新闻.txt", headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["warning"] is None and body["source"]["language"] == "zh"
    assert body["claims_total"] == 23
    runs = body["preview"]["segments"]
    assert "".join(s["text"] for s in runs) == text
    marked = [s["text"] for s in runs if s["claim"] is not None]
    assert "4413.21亿元" in marked and "12.65万人" in marked


def test_an_upload_in_a_language_not_read_says_so(client, auth) -> None:
    french = "La production est en hausse de 5 % et les exportations de la région ont augmenté."
    r = upload(client, french.encode(), name="presse", headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["claims_total"] == 0
    assert "looks like French text" in body["warning"]


TRADE_NEWS = (
    "Foreign trade bulletin\n"
    "From January to May 2025, Xinjiang's total import and export value of foreign trade "
    "reached 227.67 billion yuan, a year-on-year increase of 20.1%.\n"
)


def test_the_checks_an_upload_bears_on_are_listed_with_the_figures(client, auth) -> None:
    body = upload(client, TRADE_NEWS.encode(), name="trade_bulletin", headers=auth).json()
    touched = {t["id"]: t for t in body["checks"]["touched"]}
    unit = [t for t in touched.values() if t["rule"] == "magnitude"]
    assert len(unit) == 1, touched.keys()
    check = unit[0]
    assert "unit of the total import and export value column" in check["title"]
    assert check["before"] == "fail" and check["after"] == "fail"
    by_text = {b["text"]: b for b in check["bearings"]}
    money = by_text["227.67 billion yuan"]
    # the report's table cell says 227.67 (x 100 million yuan): the bulletin's figure is 10x it
    assert money["quoted"] == "227.67" and money["ratio"] == pytest.approx(10.0)
    assert money["ratio_text"] == "×10"
    assert "227.67 billion yuan" in money["reference"]  # and it agrees with the reference
    growth = by_text["20.1%"]
    assert growth["quoted"] == "22.9" and growth["reference"] is None
    # a finding quoting only the bulletin's own figures is a new finding, not a bearing
    for t in touched.values():
        assert all(b["quote"] is None or "trade_bulletin" not in b["quote"] for b in t["bearings"])


def test_a_document_with_no_figure_of_a_check_bears_on_none(client, auth) -> None:
    text = "Museum news\nThe regional museum received 12,000 visitors in March 2024.\n"
    body = upload(client, text.encode(), name="museum_news", headers=auth).json()
    assert body["claims_total"] >= 1
    assert body["checks"]["touched"] == []
