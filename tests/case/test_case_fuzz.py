"""Whatever a person does to the files of a case, every command works or stops with one line.

Property: copy the embedded case, apply one to three hand-edit-like mutations to one of its
files (tests/case_mutate.py: delete or duplicate a line, text or nan where a number was, a
list where a scalar was, broken indentation, a truncated or empty file, non-UTF-8 bytes, a
renamed or deleted key, a path to nothing, a duplicated id), then load the case, run the
checks, the driver analyses (tiny samples) and the demand model's loader and scenarios. Each
either returns or raises a `PestleError` whose message is one line naming a file of the
case; any other exception is a bug.

Modest by default (FUZZ_EXAMPLES examples, derandomized, so the suite is fast and
deterministic); hunt with more, e.g. `PESTLE_FUZZ_EXAMPLES=2000 PESTLE_FUZZ_RANDOM=1`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from case_mutate import CASE_DIR, mutate, promise_kept, run_commands

FUZZ_EXAMPLES = int(os.environ.get("PESTLE_FUZZ_EXAMPLES", "40"))
REPORT_EXAMPLES = int(os.environ.get("PESTLE_FUZZ_REPORT_EXAMPLES", "8"))
RANDOM = os.environ.get("PESTLE_FUZZ_RANDOM") == "1"


def fuzz(examples: int) -> Callable:  # type: ignore[type-arg]
    """Hypothesis settings of a fuzz property: derandomized unless hunting."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def check_promise(data: st.DataObject, edits: int, run: Callable[[Path], None]) -> None:
    """Mutate a copy of the embedded case, `run` on it, and check the promise."""

    def pick(seq):  # type: ignore[no-untyped-def]
        return data.draw(st.sampled_from(list(seq)))

    with tempfile.TemporaryDirectory(prefix="pestle-case-fuzz-") as tmp:
        folder = Path(tmp) / "case"
        shutil.copytree(CASE_DIR, folder)
        name, done = mutate(folder, pick, edits=edits)
        error: BaseException | None = None
        try:
            run(folder)
        except Exception as exc:  # the promise is checked below, whatever was raised
            error = exc
        problem = promise_kept(error, folder, name)
        assert problem is None, f"{name} after {done}: {problem}: {error!r}"


@fuzz(FUZZ_EXAMPLES)
@given(data=st.data(), edits=st.integers(min_value=1, max_value=3))
def test_a_hand_edited_case_works_or_stops_with_one_line(data: st.DataObject, edits: int) -> None:
    check_promise(data, edits, run_commands)


def build_report_views(folder: Path) -> None:
    """The report's own path (its demand and Sobol' runs, the view model, HTML and
    Markdown) with small samples."""
    import pestle
    from pestle.report.context import build_view
    from pestle.report.render_html import render_html
    from pestle.report.render_md import render_md
    from pestle.results import Results, Settings

    small = Settings(samples=300, sobol_samples=32, draws=20)
    view = build_view(Results(pestle.load_case(folder), small, cache=False).compute())
    render_html(view)
    render_md(view)


@fuzz(REPORT_EXAMPLES)
@given(data=st.data(), edits=st.integers(min_value=1, max_value=3))
def test_a_hand_edited_case_builds_the_report_views_or_stops_with_one_line(
    data: st.DataObject, edits: int
) -> None:
    # the report formats every figure it shows: a text where a number was must have been
    # refused before it gets there
    check_promise(data, edits, build_report_views)
