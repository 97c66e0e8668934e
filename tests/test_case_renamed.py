"""No case is written into the code: a copy of the embedded case with every file it declares
renamed (case.yaml updated) and its region and industry renamed builds every output — and the
old region name appears in those outputs only inside quoted evidence from its documents."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import warnings
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

import pestle
from cli_run import exit_code
from pestle.case.models import OPTIONAL_FILES
from pestle.report.build import build_report
from pestle.results import Settings
from pestle.store import Store
from pestle.web import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from fastapi.testclient import TestClient

OLD, NEW = "Xinjiang", "Ruritania"
INDUSTRY_OLD, INDUSTRY_NEW = "composite materials", "advanced fibres"
# the files of the embedded case -> their new names (folders renamed too)
RENAMES = {
    "sources/source_report.txt": "docs/report_a.txt",
    "sources/xinjiang_reference.yaml": "data/statistics.yaml",
    "sources/composite_intensity.yaml": "data/intensity.yaml",
    "sources/capacity_history.yaml": "data/capacity.yaml",
    "sources/production_plants.yaml": "data/plants.yaml",
    "factors.yaml": "pestle_factors.yaml",
    "judgments.yaml": "ratings.yaml",
    "parameters.yaml": "model_inputs.yaml",
    "scenarios.yaml": "what_ifs.yaml",
    "linkage.yaml": "io_links.yaml",
    "policy_measures.yaml": "policy_coding.yaml",
}
KEEP = {"quote", "section"}  # text quoted from (or naming a place in) the documents
SETTINGS = ["--samples", "500", "--seed", "2"]
WINDOW = 30  # characters of context around the old name that must come from a document


def _rename(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {_rename(k): _rename(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename(v, key) for v in value]
    if isinstance(value, str) and key not in KEEP:
        for old, new in ((OLD, NEW), (OLD.lower(), NEW.lower()), (INDUSTRY_OLD, INDUSTRY_NEW)):
            value = value.replace(old, new)
    return value


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("renamed") / "ruritania_fibres"
    shutil.copytree(pestle.case.case_folder(), folder)
    for old, new in RENAMES.items():
        (folder / new).parent.mkdir(parents=True, exist_ok=True)
        (folder / old).rename(folder / new)
    (folder / "entities").rename(folder / "things")
    (folder / "sources").rename(folder / "notes")  # data files the case does not read yet
    for path in folder.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "case.yaml":
            for spec in (*data["documents"].values(), *data["references"].values()):
                spec["path"] = RENAMES[spec["path"]]
                spec.pop("origin", None)
            for kind in OPTIONAL_FILES:
                data[kind] = RENAMES[data[kind]]
            data["factors"] = [RENAMES[f] for f in data["factors"]]
            data["entities"] = ["things/*.yaml"]
        text = yaml.safe_dump(_rename(data), sort_keys=False, allow_unicode=True, width=200)
        path.write_text(text, encoding="utf-8")
    case = pestle.load_case(folder)  # the renamed case loads and resolves every link
    assert case.region_short == NEW and case.id == "ruritania_composites"
    return folder


@pytest.fixture(scope="module")
def documents(renamed: Path) -> str:
    texts = [d.text for d in pestle.load_case(renamed).documents]
    return " ".join(" ".join(texts).split())


def _in_documents(unit: str, documents: str) -> bool:
    """Every occurrence of the old name in `unit` has WINDOW characters of context (on
    either side, within the unit) that stand in a document: it is quoted evidence."""
    flat = " ".join(unit.split())
    for found in re.finditer(OLD, flat):
        start, end = found.span()
        size = min(len(flat), end - start + WINDOW)  # the whole unit when it is shorter
        windows = (
            flat[a : a + size] for a in range(max(0, end - size), min(start, len(flat) - size) + 1)
        )
        if not any(w in documents for w in windows):
            return False
    return True


def _strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return [data] if isinstance(data, str) else []


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.units: list[str] = []
        self.json: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag = tag if dict(attrs).get("type") == "application/json" else ""

    def handle_endtag(self, tag: str) -> None:
        self._tag = ""

    def handle_data(self, data: str) -> None:
        (self.json if self._tag == "script" else self.units).append(data)


def _html_units(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.units + [s for j in parser.json for s in _strings(json.loads(unescape(j)))]


def _md_units(md: str) -> list[str]:
    return [cell for line in md.splitlines() for cell in line.split("|")]


def _outside_evidence(units: list[str], documents: str) -> list[str]:
    return [u.strip() for u in units if OLD in u and not _in_documents(u, documents)]


def _command(*argv: str) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = exit_code(argv)
    assert code == 0, argv
    return buffer.getvalue()


def test_every_command_builds_the_renamed_case_and_names_no_old_region(
    renamed: Path, documents: str
) -> None:
    outputs = {
        "analyze": _command("analyze", str(renamed), "--format", "json", *SETTINGS),
        "check": _command("check", str(renamed), "--format", "json"),
        "demand": _command("demand", str(renamed), "--format", "json", *SETTINGS),
    }
    for name, out in outputs.items():
        bad = _outside_evidence(_strings(json.loads(out)), documents)
        assert bad == [], (name, bad[:5])
    table = _command("analyze", str(renamed), *SETTINGS)
    assert NEW in table and "ruritania_composites" in table


def test_the_report_of_the_renamed_case_names_no_old_region(
    renamed: Path, documents: str, tmp_path: Path
) -> None:
    settings = Settings(samples=500, seed=2)
    result = build_report(renamed, out=tmp_path / "r", formats="html,md", settings=settings)
    html = (result.out / "index.html").read_text(encoding="utf-8")
    md = (result.out / "report.md").read_text(encoding="utf-8")
    results = json.loads((result.out / "results.json").read_text(encoding="utf-8"))
    assert f"Installed wind, solar and new-energy capacity in {NEW}" in md
    assert INDUSTRY_NEW in md and "ratings.yaml" in md  # the judgments file, by its name
    for what, units in (
        ("html", _html_units(html)),
        ("md", _md_units(md)),
        ("results.json", _strings(results)),
    ):
        bad = _outside_evidence(units, documents)
        assert bad == [], (what, bad[:5])
    # the footnotes quote the old name: it is there, but only as evidence
    assert OLD in md


def test_the_dashboard_of_the_renamed_case_names_no_old_region(
    renamed: Path, documents: str, tmp_path: Path
) -> None:
    app = create_app(renamed, store=Store(str(tmp_path / "p.db")), settings=Settings(samples=500))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        case_id = app.state.pestle.default
        for page in ("/", "/evidence", "/checks", "/judgments", "/scenarios"):
            r = client.get(page)
            assert r.status_code == 200, page
            bad = _outside_evidence(_html_units(r.text), documents)
            assert bad == [], (page, bad[:5])
        for endpoint in ("results", "checks", "entities", "factors", "demand"):
            r = client.get(f"/api/cases/{case_id}/{endpoint}")
            assert r.status_code == 200, endpoint
            bad = _outside_evidence(_strings(r.json()), documents)
            assert bad == [], (endpoint, bad[:5])
