"""Fixtures of the web tests: one app on the embedded case, a client, a temporary store."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():  # starlette asks for httpx2, which the project does not use
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from fastapi.testclient import TestClient

from pestle.store import Store
from pestle.web import create_app

TOKEN = "test-token-123"
BASE = "http://127.0.0.1"
CASE = "xinjiang_composites"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fuzz: property-based fuzzing of the API (schemathesis)")


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("web-store") / "pestle.db"


@pytest.fixture(scope="session")
def app(store_path: Path):  # type: ignore[no-untyped-def]
    return create_app(token=TOKEN, store=Store(str(store_path)))


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app, base_url=BASE) as c:
        yield c


@pytest.fixture()
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
