"""What a case may read: files inside its own folder, reached without symbolic links.

A case folder can come from anyone (a colleague's zip, a repository), and its files are
shown: the dashboard's evidence page serves each document's text. So a path case.yaml names
is refused when it is absolute, when it leaves the folder (`../`), or when the path (or a
folder on the way to it) is a symbolic link, which could point anywhere (`/etc/passwd`).
Each refusal is one `CaseError` naming case.yaml, the line and the entry.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from pestle.errors import CaseError


def problem_of(folder: Path, name: str) -> str | None:
    """Why the path `name` (relative to the resolved case `folder`) may not be read, or None.

    Only what exists is checked for links: a missing file is the caller's own error."""
    pure = PurePath(name)
    if pure.is_absolute() or name.startswith(("/", "\\")):
        return "is an absolute path; name files relative to the case folder, inside it"
    if ".." in pure.parts:
        return "leaves the case folder ('..'); a case may read only files inside its folder"
    here = folder
    for part in pure.parts:
        here = here / part
        if here.is_symlink():
            return (
                f"{here.relative_to(folder)} is a symbolic link; a case may read only its "
                "own files (copy the file into the case folder)"
            )
    if here.exists() and folder != here.resolve() and folder not in here.resolve().parents:
        return "leaves the case folder; a case may read only files inside its folder"
    return None


def check_inside(folder: Path, name: str, entry: str, case_yaml: Path, line: int | None) -> Path:
    """The path of `name` inside `folder`, or a `CaseError` at case.yaml's `line` naming
    `entry` (e.g. `documents.report.path`)."""
    problem = problem_of(folder, name)
    if problem is not None:
        raise CaseError(f"{entry}: {name}: {problem}", case_yaml, line)
    return folder / name
