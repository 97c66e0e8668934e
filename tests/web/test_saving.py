"""Saving work from the dashboard: judgment edits and named scenarios written into a copy of
the case (token-protected), refused with the loader's message when bad, downloadable as
YAML; the case shipped with pestle is never written."""

from __future__ import annotations

import hashlib
import re
import tempfile
import warnings
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from fastapi.testclient import TestClient

from pestle.store import Store
from pestle.web import create_app

from .conftest import BASE, CASE, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def copy_client(case_copy: Path, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(case_copy, token=TOKEN, store=Store(str(tmp_path / "s.db")))
    with TestClient(app, base_url=BASE) as c:
        yield c


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dimensions(client: TestClient, case: str = CASE) -> dict[str, Any]:
    """The dimensions matrix as the judgments page sends it (upper triangle, strings)."""
    text = client.get(f"/api/cases/{case}/files/judgments.yaml").text
    block = yaml.safe_load(text)["ahp"]["dimensions"]
    labels = block["labels"]
    values = [
        [str(v) if i < j else None for j, v in enumerate(block["rows"][a])]
        for i, a in enumerate(labels)
    ]
    for i in range(len(labels)):
        values[i][i] = "1"
    return {"labels": labels, "values": values}


def test_a_judgment_edit_is_saved_to_the_file_and_served(
    copy_client: TestClient, case_copy: Path
) -> None:
    path = case_copy / "judgments.yaml"
    before = path.read_text(encoding="utf-8")
    dims = dimensions(copy_client)
    assert dims["values"][0][1] == "2"  # political vs economic, as the file has it
    dims["values"][0][1] = "3"
    r = copy_client.post(
        f"/api/cases/{CASE}/judgments/save", json={"ahp": {"dimensions": dims}}, headers=AUTH
    )
    assert r.status_code == 200, r.text
    assert r.json()["file"] == "judgments.yaml" and r.json()["revision"] == 1
    after = path.read_text(encoding="utf-8")
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    # exactly the two cells of the pair change (and the comments stay)
    assert changed == [
        (
            "      political:     [1,   2,   3,   1/2, 2,   1  ]",
            "      political:     [1,   3,   3,   1/2, 2,   1  ]",
        ),
        (
            "      economic:      [1/2, 1,   2,   1/2, 1,   1  ]",
            "      economic:      [1/3, 1,   2,   1/2, 1,   1  ]",
        ),
    ]
    # the served case is the saved one
    served = copy_client.get(f"/api/cases/{CASE}/files/judgments.yaml").text
    assert served == after
    page = copy_client.get("/judgments").text
    assert '<option value="3" selected>3</option>' in page


def test_an_inconsistent_edit_is_refused_with_the_loader_message(
    copy_client: TestClient, case_copy: Path
) -> None:
    path = case_copy / "judgments.yaml"
    was = digest(path)
    dims = dimensions(copy_client)
    dims["values"][0][1] = "9"
    dims["values"][0][2] = "1/9"
    r = copy_client.post(
        f"/api/cases/{CASE}/judgments/save", json={"ahp": {"dimensions": dims}}, headers=AUTH
    )
    assert r.status_code == 422
    detail = r.json()["detail"]
    line = row_line(path, "political")
    assert detail.startswith(f"{path}:{line}: matrix 'dimensions' is inconsistent: CR = ")
    assert digest(path) == was
    assert not [p for p in case_copy.iterdir() if p.name.endswith(".tmp")]


def test_saving_needs_the_token(copy_client: TestClient, case_copy: Path) -> None:
    was = digest(case_copy / "judgments.yaml")
    dims = dimensions(copy_client)
    r = copy_client.post(f"/api/cases/{CASE}/judgments/save", json={"ahp": {"dimensions": dims}})
    assert r.status_code == 401
    r = copy_client.post(
        f"/api/cases/{CASE}/scenarios",
        json={"name": "x1"},
        headers={"Authorization": "Bearer wrong"},
    )
    assert r.status_code == 401
    assert digest(case_copy / "judgments.yaml") == was


def test_a_named_scenario_is_saved_and_runs(copy_client: TestClient, case_copy: Path) -> None:
    body = {
        "name": "my_spar_case",
        "description": "As stated, with half the blades on carbon spar caps",
        "base": "as_stated",
        "overrides": {"carbon_spar_adoption": 0.5},
    }
    r = copy_client.post(f"/api/cases/{CASE}/scenarios", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    saved = yaml.safe_load((case_copy / "scenarios.yaml").read_text(encoding="utf-8"))
    assert saved["scenarios"]["my_spar_case"] == {
        "description": body["description"],
        "set": {"capacity_path": "bases", "carbon_spar_adoption": 0.5},
    }
    assert "# Scenarios of the composite-demand model" in (case_copy / "scenarios.yaml").read_text()
    # a saved scenario without a label is shown by its name
    assert '<option value="my_spar_case" title="my_spar_case">my_spar_case</option>' in (
        copy_client.get("/scenarios").text
    )
    run = copy_client.get(f"/api/cases/{CASE}/demand", params={"scenario": "my_spar_case"})
    assert run.status_code == 200, run.text
    assert run.json()["scenario"] == "my_spar_case"
    # a second save under the same name is refused; the file keeps one
    again = copy_client.post(f"/api/cases/{CASE}/scenarios", json=body, headers=AUTH)
    assert again.status_code == 400
    assert "already has a scenario 'my_spar_case'" in again.json()["detail"]


def test_a_bad_scenario_is_refused_and_the_file_unchanged(
    copy_client: TestClient, case_copy: Path
) -> None:
    path = case_copy / "scenarios.yaml"
    was = digest(path)
    body = {"name": "too_much", "overrides": {"carbon_spar_adoption": 7}}
    r = copy_client.post(f"/api/cases/{CASE}/scenarios", json=body, headers=AUTH)
    assert r.status_code in (400, 422)
    assert "carbon_spar_adoption" in r.json()["detail"]
    assert digest(path) == was


def test_edits_download_as_yaml_without_writing(client: TestClient) -> None:
    dims = dimensions(client)
    dims["values"][0][1] = "3"
    r = client.post(f"/api/cases/{CASE}/judgments/yaml", json={"ahp": {"dimensions": dims}})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/yaml")
    assert 'filename="judgments.yaml"' in r.headers["content-disposition"]
    data = yaml.safe_load(r.text)
    assert data["ahp"]["dimensions"]["rows"]["political"][1] == 3
    assert data["ahp"]["dimensions"]["rows"]["economic"][0] == "1/3"
    # the served file is unchanged
    assert (
        yaml.safe_load(client.get(f"/api/cases/{CASE}/files/judgments.yaml").text)["ahp"][
            "dimensions"
        ]["rows"]["political"][1]
        == 2
    )
    s = client.post(
        f"/api/cases/{CASE}/scenarios/yaml",
        json={"name": "mine", "base": "as_stated", "overrides": {"wind_share": 0.7}},
    )
    assert s.status_code == 200
    assert yaml.safe_load(s.text)["scenarios"]["mine"]["set"]["wind_share"] == 0.7


def test_the_shipped_case_is_not_written(client: TestClient) -> None:
    from pestle.case.writer import package_folder

    path = package_folder() / "cases" / CASE / "judgments.yaml"
    was = digest(path)
    assert client.get(f"/api/cases/{CASE}/files").json()["writable"] is False
    dims = dimensions(client)
    r = client.post(
        f"/api/cases/{CASE}/judgments/save", json={"ahp": {"dimensions": dims}}, headers=AUTH
    )
    assert r.status_code == 409
    assert "shipped with pestle" in r.json()["detail"]
    assert digest(path) == was


SAATY = ["1/9", "1/7", "1/5", "1/4", "1/3", "1/2", "1", "2", "3", "4", "5", "7", "9", None]


OWN = ["2", "3", "1/2", "2", "1", "2", "1/2", "1", "1", "1/4", "1/2", "1/3", "3", "2", "1/2"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells=st.lists(st.sampled_from(SAATY), min_size=15, max_size=15))
@example(cells=OWN)  # the file's own judgments: the file comes back byte for byte
@example(cells=["3", *OWN[1:]])  # one cell changed, still consistent
@example(cells=[None, *OWN[1:]])  # one comparison left open (~), completed by Harker's method
def test_any_edit_reads_back_as_written_or_is_refused_with_a_line(cells: list) -> None:  # type: ignore[type-arg]
    """Whatever the upper triangle, the new file either loads back to exactly the edited
    matrix (reciprocals below) with every other line as it was, or is refused with a
    file:line message; nothing else can happen."""
    import pestle
    from pestle.case.judgments_file import load_judgments
    from pestle.case.writer import JudgmentEdits, MatrixEdit, judgments_text
    from pestle.errors import PestleError
    from pestle.model.judgment import Judgments

    case = pestle.load_case()
    spec = case.judgments.ahp.dimensions
    n = len(spec.labels)
    it = iter(cells)
    upper = [[None] * n for _ in range(n)]
    for i in range(n):
        upper[i][i] = 1.0
        for j in range(i + 1, n):
            c = next(it)
            upper[i][j] = None if c is None else float(Fraction(c))
    edit = JudgmentEdits(dimensions=MatrixEdit(labels=spec.labels, values=tuple(map(tuple, upper))))
    original = case.paths.judgments.read_text(encoding="utf-8")
    try:
        text = judgments_text(case, edit)
    except PestleError as exc:
        assert str(exc).startswith(f"{case.paths.judgments}:")
        return
    if cells == OWN:
        assert text == original
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "judgments.yaml"
        path.write_text(text, encoding="utf-8")
        back: Judgments = load_judgments(path)
    got = back.ahp.dimensions.values()
    for i in range(n):
        for j in range(n):
            want = upper[i][j] if i <= j else (None if upper[j][i] is None else 1 / upper[j][i])
            assert (got[i][j] is None) == (want is None)
            if want is not None:
                assert got[i][j] == pytest.approx(want, rel=1e-9)
    old_lines, new_lines = original.splitlines(), text.splitlines()
    assert len(old_lines) == len(new_lines)
    changed = {k for k, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b}
    rows = {k for k, line in enumerate(old_lines) if re.match(r"\s+\w+:\s*\[", line)}
    assert changed <= rows  # only matrix rows change: comments and rationales stay


def test_a_scenario_built_on_one_with_a_distribution_keeps_it(
    case_copy: Path, tmp_path: Path
) -> None:
    """A base scenario's own overrides (a new distribution, not only fixed values) pass into
    the saved scenario as the file writes them, with the page's overrides on top."""
    path = case_copy / "scenarios.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  wide_spar:\n"
        + "    description: carbon spar caps anywhere from none to all blades\n"
        + "    set:\n"
        + "      capacity_path: bases\n"
        + "      carbon_spar_adoption: {distribution: uniform, range: [0, 1], base: 0.5}\n",
        encoding="utf-8",
    )
    app = create_app(case_copy, token=TOKEN, store=Store(str(tmp_path / "s.db")))
    with TestClient(app, base_url=BASE) as client:
        body = {"name": "wide_spar_wind", "base": "wide_spar", "overrides": {"wind_share": 0.6}}
        r = client.post(f"/api/cases/{CASE}/scenarios", json=body, headers=AUTH)
        assert r.status_code == 201, r.text
        saved = yaml.safe_load(path.read_text(encoding="utf-8"))["scenarios"]
        assert saved["wide_spar_wind"]["set"] == {
            "capacity_path": "bases",
            "carbon_spar_adoption": {"distribution": "uniform", "range": [0, 1], "base": 0.5},
            "wind_share": 0.6,
        }
        text = path.read_text(encoding="utf-8")
        assert "carbon_spar_adoption: {distribution: uniform, range: [0, 1], base: 0.5}" in text
        runs = [
            client.get(f"/api/cases/{CASE}/demand", params={"scenario": s}).json()
            for s in ("wide_spar", "wide_spar_wind")
        ]
        assert runs[0]["scenario"] == "wide_spar" and runs[1]["scenario"] == "wide_spar_wind"


def row_line(path: Path, label: str) -> int:
    """The line of the first matrix row of `label` in a judgments file (where the loader
    points at an inconsistent matrix); the file's texts before it may take several lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.strip().startswith(f"{label}:"))
