"""Hostile judgment posts (`POST /api/cases/{case}/judgments`, no token needed): every bomb
is a 4xx in under 100 ms on a live server, and requests sent meanwhile are not held up.

Before the fix: cells "1e-3000000" held the server 6.4 s (other requests waited 5.8 s),
"1e10000000" 10 s a cell; "1e400" was a 500 (OverflowError); unknown `within:` dimensions and
one-label matrices were accepted silently.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from pestle.web import create_app
from web.servers import running

CASE = "xinjiang_composites"
PATH = f"/api/cases/{CASE}/judgments"
N = 15  # the largest AHP matrix the API takes: 225 cells, well inside the 1 MB body limit
BOMB_CELLS = ["1e-3000000", "1e10000000", "1e-100000000", "1e400", "9" * 4000]


def _matrix(cell: object, n: int = N) -> dict[str, object]:
    labels = [f"f{i}" for i in range(n)]
    values = [[cell if i != j else 1 for j in range(n)] for i in range(n)]
    return {"labels": labels, "values": values}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running(create_app(token="t")) as url:
        with httpx.Client(base_url=url, timeout=30) as c:  # compute the case's results once
            assert c.post(PATH, json={}).status_code == 200
        yield url


@pytest.mark.parametrize("cell", BOMB_CELLS)
def test_a_number_bomb_in_a_matrix_is_4xx_in_under_100_ms(server: str, cell: str) -> None:
    body = {"ahp": {"dimensions": _matrix(cell)}}
    with httpx.Client(base_url=server, timeout=30) as c:
        c.get("/api/cases")  # the connection is open: only the post is timed
        start = time.perf_counter()
        r = c.post(PATH, json=body)
        seconds = time.perf_counter() - start
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "ValidationError"
    assert "not a finite number" in r.json()["detail"] or "too long" in r.json()["detail"]
    assert seconds < 0.1


def test_other_requests_are_not_held_up_by_bombs(server: str) -> None:
    body = {"ahp": {"dimensions": _matrix("1e-3000000")}}

    def bomb(_: int) -> int:
        with httpx.Client(base_url=server, timeout=30) as c:
            return c.post(PATH, json=body).status_code

    with httpx.Client(base_url=server, timeout=30) as c, ThreadPoolExecutor(8) as pool:
        c.get("/api/cases")
        statuses = pool.map(bomb, range(32))
        start = time.perf_counter()
        assert c.get("/api/cases").status_code == 200
        seconds = time.perf_counter() - start
        assert set(statuses) == {422}
    assert seconds < 0.5  # before: 5.8 s behind one 291-byte bomb


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"ahp": {"dimensions": _matrix(1, 1)}}, "at least 2 items"),
        (
            {
                "ahp": {
                    "dimensions": {"labels": ["a", "b"], "values": [[1, 2], ["1/2", 1]]},
                    "within": {"nowhere": {"labels": ["x", "y"], "values": [[1, 3], ["1/3", 1]]}},
                }
            },
            "'nowhere' is not a dimension of the dimensions matrix (a, b)",
        ),
        ({"ahp": {"dimensions": _matrix(1, 2), "extra": 1}}, "Extra inputs are not permitted"),
        ({"dematel": {"labels": ["a", "b"], "values": [[0, 1], [1, 0]], "x": 1}}, "Extra inputs"),
        ({"surprise": True}, "Extra inputs are not permitted"),
    ],
)
def test_impossible_shapes_and_unknown_keys_are_4xx(
    server: str, body: dict[str, object], detail: str
) -> None:
    with httpx.Client(base_url=server, timeout=30) as c:
        r = c.post(PATH, json=body)
    assert 400 <= r.status_code < 500, r.text
    assert detail in r.json()["detail"], r.json()
