"""Read YAML and remember where each mapping, key and list item came from.

Case files are edited by hand, so a problem in them must be reported as `file:line`.
`load_yaml` returns plain Python containers that also carry their line numbers:

- `LineDict` (a `dict`): `.line` is the line of the mapping, `.key_line(key)` that of a key;
- `LineList` (a `list`): `.line` is the line of the sequence, `.item_line(i)` that of item i.

Lines are 1-based, as an editor shows them. Scalars stay plain `str`/`int`/`float`/...;
dates (`2024-02-26`) stay strings, because case attributes are ISO strings, not `date`s.
Duplicate keys are an error (PyYAML would silently keep the last one). Exponent notation
without a dot or sign (`6.1e9`, `1e10`, `.5e3`) is a number, as in YAML 1.2 (PyYAML's
YAML 1.1 rules would read it as text). This is the one YAML reader of case files: every
file of a case reads the same text as the same value, and malformed YAML is one wording,
`file:line:col: malformed YAML: ...`.

Hostile files are refused before they are built (each a `ParseError` at the line where the
bound is crossed, in well under a second): a file over `MAX_BYTES`; nesting deeper than
`MAX_DEPTH`; more than `MAX_NODES` values once aliases are expanded (a "billion laughs" file
is a few hundred bytes that expand to 10^9 values when a validator walks them); a number
that is not finite (`.inf`, `.nan`, `1e400`) or whose text is longer than a number is
(`pestle.model.number`, the one number parser).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from pestle.errors import InputError, ParseError
from pestle.model.number import MAX_CHARS, finite

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 2_000_000  # 100 times the largest file of the embedded case
MAX_DEPTH = 64  # case files nest a handful of levels; PyYAML's composer recurses per level
MAX_NODES = 200_000  # values after alias expansion: about what MAX_BYTES of plain values hold


class LineDict(dict):
    """A mapping read from YAML, with the line of the mapping and of each key."""

    line: int | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines: dict[Any, int] = {}

    def key_line(self, key: Any) -> int | None:
        """Line of `key` in the file, else the line of the mapping itself."""
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence read from YAML, with the line of the sequence and of each item."""

    line: int | None = None

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_lines: list[int] = []

    def item_line(self, index: int) -> int | None:
        """Line of item `index` in the file, else the line of the sequence itself."""
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


def line_at(raw: Any, loc: Sequence[Any]) -> int | None:
    """The line of the deepest part of the key path `loc` that exists in the YAML `raw`
    (for an error located by a validator, e.g. pydantic's `("segments", "x", "price")`)."""
    line = line_of(raw)
    node = raw
    for part in loc:
        if isinstance(node, list):
            found = isinstance(part, int) and 0 <= part < len(node)
        else:
            found = isinstance(node, dict) and part in node
        if not found:
            break
        line = line_of(node, part) or line
        node = node[part]
    return line


def line_of(container: Any, key: Any = None) -> int | None:
    """Line of `container` (or of `key` / item `key` in it), if it was read from YAML."""
    if isinstance(container, LineDict):
        return container.line if key is None else container.key_line(key)
    if isinstance(container, LineList):
        return container.line if key is None else container.item_line(int(key))
    return None


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader, building `LineDict`/`LineList` and keeping dates as text."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # a tagged value PyYAML cannot convert (`!!int abc`, `!!float x`) raises a bare
        # ValueError/TypeError; give it the node's place like any other YAML error
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this value ({exc})", node.start_mark
            ) from None


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)  # merge keys (`<<: *anchor`)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if key in result:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first at line {result.key_lines[key]})",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> LineList:
    result = LineList()
    result.line = node.start_mark.line + 1
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.item_lines.append(item.start_mark.line + 1)
    return result


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


def _construct_float(loader: Any, node: yaml.ScalarNode) -> float:
    # the same rules as every other text that becomes a number: bounded, finite
    text = str(loader.construct_scalar(node))
    if len(text) > MAX_CHARS:
        raise ValueError(f"a number of {len(text)} characters (at most {MAX_CHARS})")
    return finite(yaml.constructor.SafeConstructor.construct_yaml_float(loader, node), text)


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if len(text) > MAX_CHARS:
        raise ValueError(f"a number of {len(text)} characters (at most {MAX_CHARS})")
    value = int(yaml.constructor.SafeConstructor.construct_yaml_int(loader, node))
    finite(value, text)  # an integer beyond the float range cannot enter any model
    return value


_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)[eE][-+]?[0-9]+$"),
    list("-+0123456789."),
)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:omap", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class _Bounds:
    """Depth and alias-expanded size of a YAML stream, counted from its events (libyaml's
    parser keeps its own stack, so even 50,000 levels are read without recursion) before any
    node is composed; each anchor's expanded size is known when its collection ends, so an
    alias costs one lookup and a bomb is refused after a few hundred events."""

    def __init__(self) -> None:
        self.sizes: dict[str, int] = {}  # anchor -> values it expands to
        self.stack: list[list[Any]] = []  # open collections: [size so far, anchor]
        self.total = 0

    def check(self, text: str) -> None:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                if len(self.stack) >= MAX_DEPTH:
                    raise _refuse(f"nested deeper than {MAX_DEPTH} levels", event)
                self._count(1, event)
                self.stack.append([1, event.anchor])
            elif isinstance(event, yaml.CollectionEndEvent):
                size, anchor = self.stack.pop()
                self._close(size, anchor)
            elif isinstance(event, yaml.ScalarEvent):
                self._count(1, event)
                self._close(1, event.anchor)
            elif isinstance(event, yaml.AliasEvent):
                size = self.sizes.get(event.anchor or "", 1)
                self._count(size, event)
                self._close(size, None)

    def _count(self, size: int, event: yaml.Event) -> None:
        self.total += size
        if self.total > MAX_NODES:
            raise _refuse(
                f"more than {MAX_NODES:,} values once aliases are expanded "
                "(an alias bomb, or too large for a case file)",
                event,
            )

    def _close(self, size: int, anchor: str | None) -> None:
        """A value of `size` values ended: its anchor now stands for that many, and it is
        part of the collection around it."""
        if anchor:
            self.sizes[anchor] = size
        if self.stack:
            self.stack[-1][0] += size


def _refuse(problem: str, event: yaml.Event) -> yaml.MarkedYAMLError:
    return yaml.MarkedYAMLError(problem=problem, problem_mark=event.start_mark)


def _check_size(size: int, file: str | Path) -> None:
    if size > MAX_BYTES:
        raise ParseError(
            f"{size:,} bytes is over the limit of {MAX_BYTES:,} bytes for a case file", file, 1
        )


def loads_yaml(text: str, file: str | Path = "<string>") -> Any:
    """Parse YAML text; malformed YAML raises `ParseError` naming `file:line:col`."""
    _check_size(len(text.encode("utf-8", "surrogatepass")), file)
    try:
        _Bounds().check(text)
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        if exc.context and exc.problem:
            problem = f"{problem} ({exc.context})"
        line = mark.line + 1 if mark is not None else None
        col = mark.column + 1 if mark is not None else None
        raise ParseError(f"malformed YAML: {problem}", file, line, col) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        problem = f"unacceptable character #x{exc.character:04x}: {exc.reason}"
        raise ParseError(f"malformed YAML: {problem}", file, line, col) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise ParseError(f"malformed YAML: {message}", file) from None


def load_yaml(path: str | Path) -> Any:
    """Read and parse one YAML file (UTF-8)."""
    path = Path(path)
    try:
        _check_size(path.stat().st_size, path)  # before a byte of it is held in memory
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return loads_yaml(text, path)
