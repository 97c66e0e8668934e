"""`pestle serve`'s warm-up: the first page is computed from the start, in the background,
and a page asking for steps already computed is not held up by a step still computing."""

from __future__ import annotations

import threading
import time

from fastapi.testclient import TestClient

import pestle
from pestle.results import Results, Settings
from pestle.web import create_app

FAST = Settings(samples=500, sobol_samples=0, draws=100)


def test_the_first_page_is_computed_before_any_request() -> None:
    app = create_app(pestle.load_case(), settings=FAST, warm=True)
    cs = app.state.pestle.primary
    deadline = time.monotonic() + 120
    while "overview" not in cs._once and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "overview" in cs._once  # built by the warm-up thread, no request made
    assert cs.results.has("headline_run") and cs.results.has("ranking")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        page = client.get("/")
    assert page.status_code == 200
    # the page shows what the warm-up computed: the same demand figure, not another run
    assert cs._once["overview"].findings[1].value in page.text


def test_without_warm_up_nothing_is_computed_until_asked() -> None:
    app = create_app(pestle.load_case(), settings=FAST)
    time.sleep(0.2)
    cs = app.state.pestle.primary
    assert "overview" not in cs._once
    assert not cs.results.has("headline_run")


def test_a_computed_step_is_read_while_another_step_computes() -> None:
    results = Results(pestle.load_case(), FAST, cache=False)
    judgments = results.judgments
    started, release = threading.Event(), threading.Event()

    def slow(_: Results) -> str:
        started.set()
        release.wait(30)
        return "done"

    from pestle.results import stages

    step = stages.STEPS["policy"]
    original = step.run
    object.__setattr__(step, "run", slow)
    try:
        worker = threading.Thread(target=lambda: results.policy)
        worker.start()
        assert started.wait(30)
        read: list[object] = []
        reader = threading.Thread(target=lambda: read.append(results.judgments))
        reader.start()
        reader.join(10)  # with the lock taken for a read, it would wait for `release`
        assert read == [judgments]  # read while the other step is still under way
        release.set()
        worker.join(30)
    finally:
        object.__setattr__(step, "run", original)
    assert results.policy == "done"
