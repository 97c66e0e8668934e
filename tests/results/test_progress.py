"""Progress of the results: every step computed says when it starts and ends (a command
that takes a second or more shows on what it waits), the demand model its samples too."""

from __future__ import annotations

from pathlib import Path

import pytest

import pestle
from pestle.results import Results, Settings

SETTINGS = Settings(samples=2_000, sobol_samples=0, draws=100)


def test_each_computed_step_reports_its_start_and_end() -> None:
    events: list[tuple[str, int, int]] = []
    results = Results(
        pestle.load_case(), SETTINGS, cache=False, progress=lambda *e: events.append(e)
    )
    assert results.ranking is not None
    assert {"judgments", "headline_run", "ranking"} <= set(results.computed)
    for step in results.computed:  # each once: its start before its end
        assert events.count((step, 0, 1)) == 1
        assert events.index((step, 0, 1)) < events.index((step, 1, 1))
    # the demand model's own progress, inside the step that runs it
    start, end = events.index(("headline_run", 0, 1)), events.index(("headline_run", 1, 1))
    assert any(s == "demand" for s, _, _ in events[start + 1 : end])


def test_steps_read_from_the_cache_report_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PESTLE_CACHE", str(tmp_path))
    assert Results(pestle.load_case(), SETTINGS).ranking is not None  # computes and stores
    events: list[tuple[str, int, int]] = []
    again = Results(pestle.load_case(), SETTINGS, progress=lambda *e: events.append(e))
    assert again.ranking is not None
    assert "ranking" not in again.computed
    assert [s for s, *_ in events if s == "ranking"] == []


def test_the_progress_bar_names_every_step_in_words_not_by_its_id() -> None:
    from pestle.cli.results import STEP_WORDS
    from pestle.results.stages import STEPS

    # an id of several words (io_model, headline_run) is a name for code, not for the reader
    assert [n for n in STEPS if "_" in n and n not in STEP_WORDS] == []
