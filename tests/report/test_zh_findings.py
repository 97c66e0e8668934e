"""The consistency findings in the Chinese report: what the checks say (title, message,
figures, tolerance, readings, affected rows) is written in the reader's language from the
checks' message codes and parameters, not in the English the checks store in results.json.
"""

from __future__ import annotations

import json
import re
from html import unescape

CJK = re.compile(r"[\u4e00-\u9fff]")


def plain(html: str) -> str:
    """The text a reader sees, whitespace folded."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def every_finding(built) -> list[dict]:
    """Every finding of the report's results.json, the members of a root cause too."""
    report = json.loads((built.out / "results.json").read_text(encoding="utf-8"))["findings"]
    assert report["findings"]
    return [m for f in report["findings"] for m in (f, *f["members"])]


def test_no_english_message_of_a_finding_in_the_chinese_report(built, built_zh) -> None:
    """Written before the findings spoke Chinese: each stored English message (the first 40
    characters of it, enough to be unique) was in the Chinese report's findings tables."""
    en, zh = plain(built.html), plain(built_zh.html)
    found = []
    for f in every_finding(built_zh):
        for english in (f["message"], f["title"]):
            head = " ".join(english.split())[:40]
            assert head in en, head  # the English report shows it: the search can hit
            if head in zh:
                found.append(head)
    assert found == []
