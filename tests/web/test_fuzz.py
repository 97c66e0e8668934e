"""Schemathesis against the OpenAPI schema: no generated request makes the server fail (5xx).

Bounded: a few examples per operation, no shrinking, a deadline per example; the report
download is left out (it builds the whole report, tested in test_api.py).
"""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, Phase, settings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    import schemathesis

from pestle.store import Store
from pestle.web import create_app

TOKEN = "fuzz-token"
EXAMPLES = 12


def _app(tmp: str):  # type: ignore[no-untyped-def]
    return create_app(
        token=TOKEN,
        store=Store(f"{tmp}/fuzz.db"),
        allowed_hosts=["127.0.0.1", "localhost", "testserver"],
    )


_TMP = __import__("tempfile").mkdtemp(prefix="pestle-fuzz-")
APP = _app(_TMP)
schema = schemathesis.openapi.from_asgi("/api/openapi.json", APP).exclude(
    path="/api/reports/{case}"
)


@pytest.mark.fuzz
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_request_makes_the_server_fail(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code < 500, (case.method, case.path, response.text[:300])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) >= {"error", "detail"}, body
