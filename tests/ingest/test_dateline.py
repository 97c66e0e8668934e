"""When a document was written: date lines, datelines, and a year-less dateline's year."""

from __future__ import annotations

from datetime import date

import pytest

from pestle.ingest import parse
from pestle.ingest.dateline import reference_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\nSource: Xinhua| 2025-01-17 11:21:05|Editor: huaxia\n\nBody.\n", date(2025, 1, 17)),
        ("Title\nBy A B | China Daily | Updated: 2024-12-10 09:12\n\nBody.\n", date(2024, 12, 10)),
        ("Title\nReuters\nDecember 9, 2024 4:15 PM GMT+8\n\nBody.\n", date(2024, 12, 9)),
        (
            "Title\n\n(People's Daily Online) 09:08, November 28, 2024\n\nBody.\n",
            date(2024, 11, 28),
        ),
        (
            "SHANGHAI, China, Aug. 28, 2025 /PRNewswire/ -- Huaxin today announced results.\n",
            date(2025, 8, 28),
        ),
        # a dateline without a year: the first Jan. 17 after the period the lead reports
        ("BEIJING, Jan. 17 (Xinhua) -- GDP grew 5 percent in 2024.\n", date(2025, 1, 17)),
        (
            "BEIJING, Oct. 18 (Xinhua) -- GDP grew 4.8 percent in the first three quarters "
            "of 2024.\n",
            date(2024, 10, 18),
        ),
    ],
)
def test_reference_dates(text: str, expected: date) -> None:
    assert reference_date(parse(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "GDP grew 5 percent in 2024.\n",  # no date line at all
        "BEIJING, March 5 (Xinhua) -- China set a target for 2025.\n",  # a period ahead
        "All amounts for the year ended 31 December 2024.\n",  # a sentence, not a date line
        "",
    ],
)
def test_no_reference_date(text: str) -> None:
    assert reference_date(parse(text)) is None
