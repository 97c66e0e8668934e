"""Write drafted case files: YAML a person can read, each headed by its editor schema line."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from pestle.case.evidence import fmt
from pestle.case.schema import file_name

SCHEMA_FOLDER = "schemas"


def schema_line(path: Path, folder: Path, kind: str) -> str:
    """`# yaml-language-server: $schema=<relative path>`: editors with the YAML language server
    (VS Code, Neovim, ...) then validate and complete the file against its schema."""
    target = folder / SCHEMA_FOLDER / file_name(kind)
    relative = os.path.relpath(target, path.parent).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={relative}\n"


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the order given, long text folded by the YAML emitter."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _float(dumper: yaml.SafeDumper, value: float) -> yaml.Node:
    # as people write numbers in case files (6.1e9, 25, 0.5), which the case reader reads
    # back as the same number (exponent notation is a number there, as in YAML 1.2)
    text = fmt(value)
    tag = "int" if _INT.match(text) else "float"
    return dumper.represent_scalar(f"tag:yaml.org,2002:{tag}", text)


_INT = re.compile(r"^-?\d+$")
_Dumper.add_representer(str, _str)
_Dumper.add_representer(float, _float)
# mappings and lists read back from case files (`LineDict`, `LineList`) write as plain ones
_Dumper.add_multi_representer(dict, lambda d, v: d.represent_dict(v.items()))
_Dumper.add_multi_representer(list, lambda d, v: d.represent_list(v))
# so that the emitter writes 6.1e9 plainly instead of tagging it !!float
_Dumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)[eE][-+]?\d+$"),
    list("-+0123456789."),
)


def dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=96,
        default_flow_style=False,
    )


def write_yaml(path: Path, folder: Path, kind: str | None, comment: str, data: Any) -> Path:
    """Write `data` to `path` under a comment block (and the schema line of `kind`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    head = schema_line(path, folder, kind) if kind else ""
    lines = "".join(f"# {line}".rstrip() + "\n" for line in comment.strip().splitlines())
    path.write_text(head + lines + "\n" + dump(data), encoding="utf-8")
    return path


def write_text(path: Path, folder: Path, kind: str | None, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = schema_line(path, folder, kind) if kind else ""
    path.write_text(head + text, encoding="utf-8")
    return path
