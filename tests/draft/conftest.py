"""Fixtures of the `pestle init` tests: a draft from the held-out documents, made once."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft.helpers import HELD_OUT
from pestle.draft import DraftSummary, draft_case


@pytest.fixture(scope="session")
def held_out_draft(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DraftSummary]:
    folder = tmp_path_factory.mktemp("held-out") / "draft"
    return folder, draft_case(folder, HELD_OUT, region="Northland")
