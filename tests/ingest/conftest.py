"""Fixtures for the ingest tests: the hand-read gold claims of the source report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

GOLD = Path(__file__).with_name("gold_source_report.yaml")


def load_gold(text: str) -> list[dict[str, Any]]:
    """Gold claims in document order, each with its span located in ``text``."""
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    claims: list[dict[str, Any]] = []
    cursor = 0
    for section in data["sections"]:
        for entry in section["claims"]:
            start = text.find(entry["text"], cursor)
            if start < 0:
                raise AssertionError(f"gold text {entry['text']!r} not found after {cursor}")
            claims.append(
                {
                    **entry,
                    "value": float(entry["value"]),
                    "section": section["title"],
                    "start": start,
                    "end": start + len(entry["text"]),
                }
            )
            cursor = start + 1
    return claims


@pytest.fixture(scope="session")
def gold_claims(source_report_text: str) -> list[dict[str, Any]]:
    return load_gold(source_report_text)
