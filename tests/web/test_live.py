"""`pestle serve --watch`: a saved case file reloads the served case; a broken one keeps the
last good case served and reports its file:line error; pages follow (tested in Chromium in
test_browser_live.py)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from case_edit import edit_line
from pestle.store import Store
from pestle.web import create_app
from pestle.web.live import reload_case

from .conftest import BASE

NATIONAL_GROWTH = 'value: 5.4, quality: firm, source: "National Bureau'
GROWTH_GAP = "relative:gdp-growth-gap-Q12025"
REFERENCE = "sources/xinjiang_reference.yaml"
WAIT = 30.0


def wait_for(get: Callable[[], Any], ok: Callable[[Any], bool], timeout: float = WAIT) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = get()
        if ok(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


@pytest.fixture
def watched(case_copy: Path, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(case_copy, watch=True, store=Store(str(tmp_path / "live.db")))
    with TestClient(app, base_url=BASE) as client:  # the lifespan starts and stops the watcher
        (watcher,) = app.state.pestle.watchers
        assert watcher.ready.wait(WAIT)
        yield client
    assert not watcher.thread.is_alive()  # stopped with the app


def growth_gap(client: TestClient) -> str:
    findings = client.get("/api/cases/xinjiang_composites/checks").json()["findings"]
    return next(f["status"] for f in findings if f["id"] == GROWTH_GAP)


def live(client: TestClient) -> dict[str, Any]:
    r = client.get("/api/cases/xinjiang_composites/live")
    assert r.status_code == 200
    return r.json()


def test_a_saved_file_reloads_the_case_and_a_broken_one_keeps_the_last(
    watched: TestClient, case_copy: Path
) -> None:
    assert live(watched) == {
        "case": "xinjiang_composites",
        "revision": 0,
        "watching": True,
        "error": None,
        "changed": [],
        "loaded_at": 0.0,
    }
    assert growth_gap(watched) == "pass"

    edit_line(case_copy / REFERENCE, NATIONAL_GROWTH, NATIONAL_GROWTH.replace("5.4", "4.0"))
    status = wait_for(lambda: live(watched), lambda s: s["revision"] == 1)
    assert status["revision"] == 1 and status["error"] is None
    assert status["changed"] == ["xinjiang_reference.yaml"]
    assert growth_gap(watched) == "fail"  # the checks ran again on the reloaded case

    line = edit_line(case_copy / "parameters.yaml", "range: [10, 14]", "range: [10, 14")
    status = wait_for(lambda: live(watched), lambda s: s["error"] is not None)
    assert status["revision"] == 1  # not reloaded
    # YAML notices the unclosed list where the next key starts: the line or the one after
    assert re.search(rf"parameters\.yaml:({line}|{line + 1}):", status["error"]), status
    assert growth_gap(watched) == "fail"  # the last good case is still served
    page = watched.get("/checks")
    assert page.status_code == 200 and "The case did not reload" in page.text

    edit_line(case_copy / "parameters.yaml", "range: [10, 14", "range: [10, 14]")
    status = wait_for(lambda: live(watched), lambda s: s["revision"] == 2)
    assert status["revision"] == 2 and status["error"] is None
    assert 'data-revision="2"' in watched.get("/").text


def test_a_broken_entity_file_is_reported_with_its_line(
    watched: TestClient, case_copy: Path
) -> None:
    target = next((case_copy / "entities").glob("*.yaml"))
    target.write_text(target.read_text(encoding="utf-8") + "\n  - id: [unclosed\n")
    status = wait_for(lambda: live(watched), lambda s: s["error"] is not None)
    assert status["revision"] == 0
    assert f"{target.name}:" in status["error"]


def test_a_changed_case_id_is_refused(case_copy: Path, tmp_path: Path) -> None:
    app = create_app(case_copy, store=Store(str(tmp_path / "live.db")))
    state = app.state.pestle
    served = state.cases["xinjiang_composites"]
    edit_line(case_copy / "case.yaml", "id: xinjiang_composites", "id: renamed")
    status = reload_case(state, "xinjiang_composites")
    assert "the case id changed from 'xinjiang_composites' to 'renamed'" in status.error
    assert state.cases["xinjiang_composites"] is served and status.revision == 0


def test_without_watch_nothing_is_watched(case_copy: Path, tmp_path: Path) -> None:
    app = create_app(case_copy, store=Store(str(tmp_path / "live.db")))
    with TestClient(app, base_url=BASE) as client:
        assert app.state.pestle.watchers == []
        assert live(client)["watching"] is False
        assert 'data-watching="no"' in client.get("/").text


def test_a_removed_case_folder_stops_watching_and_keeps_serving(
    watched: TestClient, case_copy: Path
) -> None:
    import shutil

    shutil.rmtree(case_copy)
    status = wait_for(lambda: live(watched), lambda s: not s["watching"])
    assert status["watching"] is False
    assert "the case folder was removed" in status["error"]
    assert growth_gap(watched) == "pass"  # the last good case is still served


def test_an_unexpected_failure_keeps_the_last_case_served(
    case_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pestle

    app = create_app(case_copy, store=Store(str(tmp_path / "live.db")))
    state = app.state.pestle
    served = state.cases["xinjiang_composites"]

    def broken(folder: Path) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pestle, "load_case", broken)
    status = reload_case(state, "xinjiang_composites")
    assert status.error == "RuntimeError: disk on fire (a bug in pestle; please report it)"
    assert state.cases["xinjiang_composites"] is served and status.revision == 0
