"""The dashboard on a hand-edited case: the app refuses the case with one line naming a file
(as `pestle serve` would, exit 2), or every page and the main API reads answer without a
server error. Mutations and the promise: tests/case_mutate.py."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from case_mutate import CASE_DIR, mutate, promise_kept
from pestle.errors import PestleError
from pestle.store import Store
from pestle.web import create_app

from .conftest import BASE

EXAMPLES = int(os.environ.get("PESTLE_FUZZ_WEB_EXAMPLES", "5"))
RANDOM = os.environ.get("PESTLE_FUZZ_RANDOM") == "1"
PAGES = ("/", "/evidence", "/checks", "/judgments", "/scenarios", "/upload")
READS = ("checks", "analysis", "entities", "factors", "claims")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not RANDOM,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data(), edits=st.integers(min_value=1, max_value=2))
def test_the_dashboard_serves_a_hand_edited_case_or_refuses_it(
    data: st.DataObject, edits: int
) -> None:
    def pick(seq):  # type: ignore[no-untyped-def]
        return data.draw(st.sampled_from(list(seq)))

    with tempfile.TemporaryDirectory(prefix="pestle-web-fuzz-") as tmp:
        folder = Path(tmp) / "case"
        shutil.copytree(CASE_DIR, folder)
        name, done = mutate(folder, pick, edits=edits)
        try:
            app = create_app(folder, store=Store(str(Path(tmp) / "fuzz.db")))
        except PestleError as exc:  # what `pestle serve` prints, exit code 2
            problem = promise_kept(exc, folder, name)
            assert problem is None, f"{name} after {done}: {problem}: {exc!r}"
            return
        case_id = app.state.pestle.default
        with TestClient(app, base_url=BASE) as client:
            for path in (*PAGES, *(f"/api/cases/{case_id}/{r}" for r in READS)):
                r = client.get(path)
                # a case file read only when a page needs it (parameters.yaml, judgments)
                # may be refused then: a 4xx naming the file, never a 5xx
                assert r.status_code < 500, f"{name} after {done}: GET {path}: {r.status_code}"
