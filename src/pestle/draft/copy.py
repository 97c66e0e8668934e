"""Copy an embedded case out of the installed package (what `pestle init DIR` does)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from pestle.cases import DEFAULT_CASE
from pestle.errors import InputError


def copy_embedded(folder: str | Path, name: str = DEFAULT_CASE) -> list[Path]:
    """Write the files of embedded case `name` into `folder` (new or empty); the case is read
    with importlib.resources, so this works from a wheel as from a source tree."""
    root = resources.files("pestle.cases").joinpath(name)
    if not root.joinpath("case.yaml").is_file():
        raise InputError(f"{name}: no such embedded case", parameter="name")
    target = prepare_folder(folder)
    return list(_copy(root, target))


def prepare_folder(folder: str | Path) -> Path:
    """`folder`, created if absent; an existing file or non-empty folder is refused (nothing
    of a person's is overwritten)."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise InputError(f"{target}: exists and is not a folder", parameter="folder")
    if target.is_dir() and any(target.iterdir()):
        raise InputError(
            f"{target}: folder is not empty; give a new or empty folder", parameter="folder"
        )
    target.mkdir(parents=True, exist_ok=True)
    return target


def _copy(node: Traversable, target: Path):  # type: ignore[no-untyped-def]
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.name == "__pycache__":
            continue
        if child.is_dir():
            (target / child.name).mkdir(exist_ok=True)
            yield from _copy(child, target / child.name)
        else:
            path = target / child.name
            path.write_bytes(child.read_bytes())
            yield path
