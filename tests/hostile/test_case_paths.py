"""A case reads only inside its folder: a document, reference or other file that case.yaml
names by an absolute path, with '..', or through a symbolic link is refused with one line
naming case.yaml, the line and the entry; the evidence page never serves a file outside.

Before the fix, a document path that was a symlink to /etc/passwd, an absolute path or
`../../..` was read, and `GET /evidence?document=...` served /etc/passwd.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

import pytest

from pestle.case import load_case
from pestle.errors import CaseError

from . import bounded

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with")
    from fastapi.testclient import TestClient

DOCUMENT = "path: sources/source_report.txt"
OUTSIDE = Path("/etc/passwd")


def _point_document_at(case: Path, target: str) -> int:
    path = case / "case.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index(DOCUMENT)].count("\n") + 1
    path.write_text(text.replace(DOCUMENT, f"path: {target}"), encoding="utf-8")
    return line


def _hostile_targets(case: Path) -> dict[str, tuple[str, str]]:
    """name -> (path written in case.yaml, the problem the error states)."""
    (case / "sources" / "passwd_link.txt").symlink_to(OUTSIDE)
    (case / "linked").symlink_to("/etc", target_is_directory=True)
    depth = len(case.resolve().parts) - 1
    return {
        "symlink": ("sources/passwd_link.txt", "sources/passwd_link.txt is a symbolic link"),
        "symlinked_folder": ("linked/passwd", "linked is a symbolic link"),
        "absolute": (str(OUTSIDE), "is an absolute path"),
        "dotdot": ("../" * depth + "etc/passwd", "leaves the case folder ('..')"),
        "dotdot_inside": ("sources/../../case/sources/source_report.txt", "leaves the case"),
    }


@pytest.mark.parametrize(
    "kind", ["symlink", "symlinked_folder", "absolute", "dotdot", "dotdot_inside"]
)
def test_a_document_outside_the_case_is_refused(hostile_case: Path, kind: str) -> None:
    target, problem = _hostile_targets(hostile_case)[kind]
    line = _point_document_at(hostile_case, target)
    with pytest.raises(CaseError) as caught:
        load_case(hostile_case)
    message = str(caught.value)
    assert message.startswith(
        f"{hostile_case.resolve() / 'case.yaml'}:{line}: documents.source_report.path: {target}: "
    ), message
    assert problem in message and "\n" not in message


def test_the_cli_refuses_it_with_one_line_and_rc_2(hostile_case: Path) -> None:
    target, _ = _hostile_targets(hostile_case)["symlink"]
    _point_document_at(hostile_case, target)
    line = bounded.one_line_error(bounded.pestle("check", str(hostile_case)))
    assert "documents.source_report.path: sources/passwd_link.txt: " in line
    assert "root:" not in line


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("judgments", "/etc/passwd", "is an absolute path"),
        ("parameters", "../parameters.yaml", "leaves the case folder"),
        ("capacity_history", "sources/linked.yaml", "sources/linked.yaml is a symbolic link"),
    ],
)
def test_other_case_files_outside_the_case_are_refused(
    hostile_case: Path, key: str, value: str, problem: str
) -> None:
    (hostile_case / "sources" / "linked.yaml").symlink_to(
        hostile_case / "sources" / "capacity_history.yaml"
    )
    (hostile_case.parent / "parameters.yaml").write_text("parameters: {}\n", encoding="utf-8")
    path = hostile_case / "case.yaml"
    text = path.read_text(encoding="utf-8")
    found = re.search(rf"^{key}: \S+", text, flags=re.M)
    assert found is not None
    path.write_text(text.replace(found.group(0), f"{key}: {value}"), encoding="utf-8")
    with pytest.raises(CaseError, match=re.escape(f"{key}: {value}: {problem}")):
        load_case(hostile_case)


def test_a_default_file_name_that_is_a_link_is_refused(hostile_case: Path) -> None:
    # judgments.yaml is read by default even when case.yaml does not name it
    (hostile_case / "judgments.yaml").unlink()
    (hostile_case / "judgments.yaml").symlink_to(OUTSIDE)
    with pytest.raises(CaseError, match=r"judgments\.yaml: judgments\.yaml is a symbolic"):
        load_case(hostile_case)


def test_an_entity_glob_outside_the_case_or_through_a_link_is_refused(hostile_case: Path) -> None:
    path = hostile_case / "case.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("entities: [entities/*.yaml]", "entities: [../*/*.yaml]"), "utf-8")
    with pytest.raises(CaseError, match=r"entities\[0\]: \.\./\*/\*\.yaml: leaves the case"):
        load_case(hostile_case)
    path.write_text(text, encoding="utf-8")
    os.symlink(hostile_case / "factors.yaml", hostile_case / "entities" / "zz_link.yaml")
    with pytest.raises(CaseError, match=r"entities/zz_link\.yaml is a symbolic link"):
        load_case(hostile_case)


def test_the_evidence_page_never_serves_a_file_outside_the_case(hostile_case: Path) -> None:
    from pestle.web import create_app

    # before: a document linked to /etc/passwd was loaded and its text served as evidence
    target, _ = _hostile_targets(hostile_case)["symlink"]
    _point_document_at(hostile_case, target)
    with pytest.raises(CaseError, match="is a symbolic link"):
        create_app(hostile_case, token="t")
    # a served case answers a document name that is a path with 404, never a file's text
    with TestClient(create_app(token="t"), base_url="http://127.0.0.1") as client:
        for document in ("../../../../etc/passwd", "/etc/passwd", "%2e%2e/etc/passwd", "x"):
            r = client.get("/evidence", params={"document": document})
            assert r.status_code in (404, 422), (document, r.status_code)
            assert "root:x:0:0" not in r.text
        assert client.get("/evidence").status_code == 200


def test_a_case_yaml_that_is_a_link_is_refused(hostile_case: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.yaml"
    (hostile_case / "case.yaml").rename(real)
    (hostile_case / "case.yaml").symlink_to(real)
    with pytest.raises(CaseError, match=r"case\.yaml: case\.yaml is a symbolic link"):
        load_case(hostile_case)
