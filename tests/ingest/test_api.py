"""The public API of pestle.ingest is explicit, and extract_file returns the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pestle.ingest as ingest
from pestle.ingest import EMBEDDED_REPORT, Extraction, extract, extract_file


def test_exported_members() -> None:
    assert set(ingest.__all__) == {
        "DEFAULT_MAX_BYTES",
        "EMBEDDED_REPORT",
        "Cell",
        "Document",
        "Extraction",
        "HeaderCell",
        "Paragraph",
        "Row",
        "Section",
        "Sentence",
        "Table",
        "extract",
        "extract_file",
        "parse",
        "read_claims",
        "read_text",
    }
    for name in ingest.__all__:
        assert hasattr(ingest, name)


def test_embedded_report_is_the_case_source() -> None:
    assert EMBEDDED_REPORT.is_file()
    assert EMBEDDED_REPORT.name == "source_report.txt"


def test_extract_file_json_round_trip(tmp_path: Path) -> None:
    f = tmp_path / "news.txt"
    f.write_text("In 2024, Xinjiang's GDP exceeded 2 trillion yuan.\n", encoding="utf-8")
    result = extract_file(f, title="News")
    data = result.to_json_dict()
    assert set(data) == {"source", "claims"}
    assert data["source"]["title"] == "News"
    assert data["source"]["path"] == str(f)
    assert len(data["source"]["sha256"]) == 64
    assert data["claims"] == [
        {
            "value": 2e12,
            "unit": "CNY",
            "qualifier": ">",
            "period": "2024-01-01/2024-12-31",
            "measure": "GDP",
            "subject": "Xinjiang",
            "text": "2 trillion yuan",
            "start": 33,
            "end": 48,
            "section": None,
        }
    ]
    again = Extraction.model_validate_json(json.dumps(data))
    assert again == result


def test_extract_file_defaults_the_title_to_the_file_name() -> None:
    result = extract_file(EMBEDDED_REPORT)
    assert result.source.title == "source_report"
    assert result.claims == extract(EMBEDDED_REPORT.read_text(encoding="utf-8"))
