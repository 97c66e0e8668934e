"""The wheel installs into a fresh virtual environment and runs the main job from there."""

from __future__ import annotations

import json
import re
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

import pestle

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.lock"

pytestmark = pytest.mark.packaging


def test_the_wheel_holds_the_package_data_and_one_version(installed: Any) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    assert "pestle/cases/xinjiang_composites/case.yaml" in names
    assert any(n.startswith("pestle/data/io/") and n.endswith(".csv") for n in names)
    assert any(n.startswith("pestle/report/templates/") for n in names)
    assert installed.wheel.name.startswith(f"pestle-{pestle.__version__}-")


def test_pestle_version_prints_the_one_version(installed: Any, tmp_path: Path) -> None:
    done = installed.run("pestle", "--version", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"pestle {pestle.__version__}"
    where = installed.run(
        "python", "-c", "import pestle, sys; print(pestle.__file__)", cwd=tmp_path
    )
    assert where.stdout.strip().startswith(str(installed.root)), "not the installed wheel"


def test_pestle_demo_runs_from_the_installed_wheel(installed: Any, tmp_path: Path) -> None:
    cache = tmp_path / "cache"  # cold: nothing computed or bundled before
    done = installed.run("pestle", "demo", cwd=tmp_path, PESTLE_CACHE=str(cache))
    assert done.returncode == 0, done.stderr[-3000:]
    report = tmp_path / "report"
    for name in ("index.html", "report.pdf", "report.md", "results.json", "tables.xlsx"):
        assert (report / name).is_file(), name
    assert (report / "report.pdf").read_bytes().startswith(b"%PDF")
    results = json.loads((report / "results.json").read_text(encoding="utf-8"))
    assert results["pestle"] == pestle.__version__
    assert "Claims of the embedded source report" in done.stdout


def test_extract_reads_standard_input_in_the_installed_command(
    installed: Any, tmp_path: Path
) -> None:
    text = "In 2024 exports reached 350 billion yuan, up 12.5%."
    done = installed.run("pestle", "extract", "-", "--format", "json", cwd=tmp_path, input=text)
    assert done.returncode == 0, done.stderr
    claims = json.loads(done.stdout)["claims"]
    assert [(c["value"], c["unit"]) for c in claims] == [(3.5e11, "CNY"), (12.5, "%")]


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_lock_pins_every_dependency_within_its_bounds() -> None:
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    pins: dict[str, list[str]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, rest = line.partition("==")
            pins.setdefault(name.strip().lower(), []).append(rest.split(";")[0].strip())
    for spec in wanted:
        req = Requirement(spec)
        versions = pins.get(_name(spec))
        assert versions, f"{req.name} is not in {LOCK.name}: run `make lock`"
        for version in versions:
            assert req.specifier.contains(version), f"{LOCK.name}: {req.name}=={version}"


def test_init_then_report_from_the_installed_wheel(installed: Any, tmp_path: Path) -> None:
    """A pip user's first steps: a case folder out of the package, then its report."""
    case = tmp_path / "my_case"
    done = installed.run("pestle", "init", str(case), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (case / "case.yaml").is_file()
    out = tmp_path / "my_report"
    done = installed.run(
        "pestle", "report", str(case), "--out", str(out), "--format", "html,md",
        "--samples", "2000", cwd=tmp_path, PESTLE_CACHE=str(tmp_path / "cache"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert (out / "index.html").is_file() and (out / "report.md").is_file()
