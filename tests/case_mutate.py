"""Hand-edit-like mutations of a copied case folder, and the promise each command must keep.

A person editing a case deletes or duplicates a line, types text where a number was, breaks
the indentation, renames a key, saves a half-written file or one in another encoding, points
a path at a file that is not there, copies an entry and forgets to change its id. Each
mutation here does one of those to one file of a copy of the case; `pick` chooses among
the places and values (a hypothesis draw in the property test, a `random.Random` in a hunt).

`run_commands(folder)` then runs what the commands run, in process: load the case, the
checks, the driver analyses (tiny samples), the demand model's inputs and scenarios. The
promise (`promise_kept`): each call returns, or raises a `PestleError` whose message is one
line naming a file of the case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pestle.errors import PestleError

CASE_DIR = Path(__file__).resolve().parents[1] / "src" / "pestle" / "cases" / "xinjiang_composites"

# Every file the case is made of (README.md is for people, not read by pestle).
CASE_FILES: tuple[str, ...] = tuple(
    sorted(
        str(p.relative_to(CASE_DIR))
        for p in CASE_DIR.rglob("*")
        if p.is_file() and p.suffix in {".yaml", ".txt"}
    )
)
ORIGINAL: dict[str, str] = {
    name: (CASE_DIR / name).read_text(encoding="utf-8") for name in CASE_FILES
}

Pick = Callable[[Sequence[Any]], Any]  # choose one element of a non-empty sequence

NUMBER = re.compile(r"(?<![\w.\-])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])")
KEY_VALUE = re.compile(r"^(\s*(?:- )?)([\w.\-]+):(\s+)(\S.*)$")
KEY_BLOCK = re.compile(r"^(\s*(?:- )?)([\w.\-]+):\s*(#.*)?$")
KEY = re.compile(r"^(\s*(?:- )?)([\w.\-]+):")
ID_LINE = re.compile(r"^(\s*(?:- )?id:\s+)(\S+)\s*$")
PATH_VALUE = re.compile(r"^(\s*(?:- )?[\w.\-]*:?\s*)(\S+\.(?:txt|yaml))\s*$")

NUMBER_REPLACEMENTS = (
    "abc",
    "-1",
    "-0.5",
    "0",
    "0.0",
    "1e308",
    "-1e308",
    "1e-320",
    ".nan",
    "nan",
    ".inf",
    "-.inf",
    "",
    "null",
    "~",
    "[]",
    "[1, 2]",
    "{}",
    "{a: 1}",
    "true",
    "'12'",
    "99999999999999999999999",
    "2024-13-45",
)
VALUE_REPLACEMENTS = (
    *NUMBER_REPLACEMENTS,
    "x",
    "''",
    "[x]",
    "[[1]]",
    "{x: y}",
    "- a",
    "1",
    "100",
    "2024",
    "2024-01-01",
    "2024-01-01/2023-01-01",
    '"\\u0000"',
    "&a x",
    "*nope",
    "!!binary aGk=",
    "!!python/object:os.system x",
)
BLOCK_REPLACEMENTS = ("x", "1", "0", "[]", "{}", "null", "[1, 2]", "{a: 1}", "''")


def lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _ending(line: str) -> str:
    return "\n" if line.endswith("\n") else ""


def _block_end(lines: list[str], i: int) -> int:
    """Index after the block that starts at line i (the lines indented deeper than it)."""
    indent = len(lines[i]) - len(lines[i].lstrip(" "))
    if lines[i].lstrip(" ").startswith("- "):
        indent += 1  # the keys of a list item are indented past the dash
    j = i + 1
    while j < len(lines):
        stripped = lines[j].strip()
        deeper = len(lines[j]) - len(lines[j].lstrip(" ")) > indent
        if stripped and not stripped.startswith("#") and not deeper:
            break
        j += 1
    return j


def _where(lines: list[str], pattern: re.Pattern[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if pattern.match(line.rstrip("\n"))]


# -- mutations: (text, pick) -> text, or None when the file has no place for it -----------


def delete_line(text: str, pick: Pick) -> str | None:
    lines = lines_of(text)
    if not lines:
        return None
    del lines[pick(range(len(lines)))]
    return "".join(lines)


def duplicate_line(text: str, pick: Pick) -> str | None:
    lines = lines_of(text)
    if not lines:
        return None
    i = pick(range(len(lines)))
    lines.insert(i, lines[i] if lines[i].endswith("\n") else lines[i] + "\n")
    return "".join(lines)


def swap_lines(text: str, pick: Pick) -> str | None:
    lines = lines_of(text)
    if len(lines) < 2:
        return None
    i = pick(range(len(lines) - 1))
    a, b = lines[i], lines[i + 1]
    lines[i], lines[i + 1] = b.rstrip("\n") + "\n", a.rstrip("\n") + _ending(b)
    return "".join(lines)


def replace_number(text: str, pick: Pick) -> str | None:
    found = list(NUMBER.finditer(text))
    if not found:
        return None
    m = pick(found)
    return text[: m.start()] + pick(NUMBER_REPLACEMENTS) + text[m.end() :]


def replace_value(text: str, pick: Pick) -> str | None:
    lines = lines_of(text)
    where = _where(lines, KEY_VALUE)
    if not where:
        return None
    i = pick(where)
    m = KEY_VALUE.match(lines[i].rstrip("\n"))
    assert m is not None
    lines[i] = f"{m[1]}{m[2]}:{m[3]}{pick(VALUE_REPLACEMENTS)}{_ending(lines[i])}"
    return "".join(lines)


def replace_block(text: str, pick: Pick) -> str | None:
    """A list or mapping (a key followed by an indented block) becomes a scalar, or the
    other way round."""
    lines = lines_of(text)
    where = _where(lines, KEY_BLOCK)
    if not where:
        return None
    i = pick(where)
    m = KEY_BLOCK.match(lines[i].rstrip("\n"))
    assert m is not None
    end = _block_end(lines, i)
    lines[i:end] = [f"{m[1]}{m[2]}: {pick(BLOCK_REPLACEMENTS)}\n"]
    return "".join(lines)


def delete_key(text: str, pick: Pick) -> str | None:
    """A key and everything indented under it."""
    lines = lines_of(text)
    where = _where(lines, KEY)
    if not where:
        return None
    i = pick(where)
    m = KEY.match(lines[i])
    assert m is not None
    end = _block_end(lines, i)
    if m[1].endswith("- "):  # keep the list item, drop the key
        rest = lines[i + 1 : end]
        if rest:
            rest[0] = m[1] + rest[0].lstrip(" ")
        lines[i:end] = rest or [m[1].rstrip() + " {}\n"]
    else:
        del lines[i:end]
    return "".join(lines)


def rename_key(text: str, pick: Pick) -> str | None:
    lines = lines_of(text)
    where = _where(lines, KEY)
    if not where:
        return None
    keys = sorted({KEY.match(lines[i])[2] for i in where})  # type: ignore[index]
    i = pick(where)
    m = KEY.match(lines[i])
    assert m is not None
    new = pick((f"{m[2]}_x", m[2].upper(), m[2][:-1] or "x", *keys))
    lines[i] = f"{m[1]}{new}:{lines[i][m.end() :]}"
    return "".join(lines)


def indent(text: str, pick: Pick) -> str | None:
    lines = lines_of(text)
    where = [i for i, line in enumerate(lines) if line.strip()]
    if not where:
        return None
    i = pick(where)
    shift = pick((-4, -2, -1, 1, 2, 4))
    if shift > 0:
        lines[i] = " " * shift + lines[i]
    else:
        lead = len(lines[i]) - len(lines[i].lstrip(" "))
        lines[i] = lines[i][min(lead, -shift) :]
    return "".join(lines)


def tab_indent(text: str, pick: Pick) -> str | None:
    lines = lines_of(text)
    where = [i for i, line in enumerate(lines) if line.startswith(" ")]
    if not where:
        return None
    i = pick(where)
    lines[i] = "\t" + lines[i].lstrip(" ")
    return "".join(lines)


def truncate(text: str, pick: Pick) -> str | None:
    if not text:
        return None
    return text[: pick(range(len(text)))]


def empty(text: str, pick: Pick) -> str | None:
    return pick(("", "\n", "# nothing here\n", "---\n", "null\n", "[]\n", "{}\n", "x\n", "1\n"))


def missing_path(text: str, pick: Pick) -> str | None:
    lines = lines_of(text)
    where = _where(lines, PATH_VALUE)
    if not where:
        return None
    i = pick(where)
    m = PATH_VALUE.match(lines[i].rstrip("\n"))
    assert m is not None
    target = pick(("missing/nowhere.txt", "nowhere.yaml", "../../../etc/passwd", ".", "sources"))
    lines[i] = f"{m[1]}{target}{_ending(lines[i])}"
    return "".join(lines)


def duplicate_id(text: str, pick: Pick) -> str | None:
    lines = lines_of(text)
    where = _where(lines, ID_LINE)
    if len(where) < 2:
        return None
    i, j = pick(where), pick(where)
    m, other = ID_LINE.match(lines[i].rstrip("\n")), ID_LINE.match(lines[j].rstrip("\n"))
    assert m is not None and other is not None
    lines[i] = f"{m[1]}{other[2]}{_ending(lines[i])}"
    return "".join(lines)


def duplicate_item(text: str, pick: Pick) -> str | None:
    """A list item (with its block) copied right after itself: same id twice."""
    lines = lines_of(text)
    where = [i for i, line in enumerate(lines) if line.lstrip(" ").startswith("- ")]
    if not where:
        return None
    i = pick(where)
    end = _block_end(lines, i)
    block = lines[i:end]
    if block and not block[-1].endswith("\n"):
        block[-1] += "\n"
    lines[end:end] = block
    return "".join(lines)


def change_word(text: str, pick: Pick) -> str | None:
    """A word of a value retyped (a misspelt id, kind, dimension or unit)."""
    lines = lines_of(text)
    where = _where(lines, KEY_VALUE)
    if not where:
        return None
    i = pick(where)
    words = list(re.finditer(r"[A-Za-z_][\w]*", lines[i]))
    m = KEY_VALUE.match(lines[i].rstrip("\n"))
    assert m is not None
    words = [w for w in words if w.start() >= len(m[1]) + len(m[2]) + 1]
    if not words:
        return None
    w = pick(words)
    new = pick((w[0] + "x", w[0][:-1], w[0].upper(), "", "opportunity", "threat", "economic"))
    lines[i] = lines[i][: w.start()] + new + lines[i][w.end() :]
    return "".join(lines)


MUTATIONS: dict[str, Callable[[str, Pick], str | None]] = {
    f.__name__: f
    for f in (
        delete_line,
        duplicate_line,
        swap_lines,
        replace_number,
        replace_value,
        replace_block,
        delete_key,
        rename_key,
        indent,
        tab_indent,
        truncate,
        empty,
        missing_path,
        duplicate_id,
        duplicate_item,
        change_word,
    )
}
NON_UTF8 = (b"\xff\xfe", b"\x80", b"\xc3(", b"\xe9t\xe9")


def mutate(
    folder: Path,
    pick: Pick,
    edits: int = 1,
    files: Sequence[str] = CASE_FILES,
    ops: Sequence[str] = (*MUTATIONS, "non_utf8"),
) -> tuple[str, list[str]]:
    """Apply `edits` random mutations (among `ops`) to one random file (among `files`) of
    the case copy in `folder`; return the file (relative path) and the mutations done."""
    name = pick(files)
    text = ORIGINAL[name]
    done: list[str] = []
    for _ in range(edits):
        how = pick(ops)
        if how == "non_utf8":
            continue  # applied to the bytes, below
        new = MUTATIONS[how](text, pick)
        if new is not None:
            text = new
            done.append(how)
    data = text.encode("utf-8")
    if "non_utf8" in ops and (not done or pick((False,) * 7 + (True,))):
        at = pick(range(len(data) + 1))
        data = data[:at] + pick(NON_UTF8) + data[at:]
        done.append("non_utf8")
    (folder / name).write_bytes(data)
    if not done:  # nothing applied: the file has no place for the mutations drawn
        done.append("none")
    return name, done


# -- the promise --------------------------------------------------------------------------


def run_commands(folder: Path, samples: int = 200, sobol_samples: int | None = 64) -> None:
    """What the commands run on a case folder, in process; raises what they raise."""
    import pestle
    from pestle.results import Results, Settings

    case = pestle.load_case(folder)
    # the Python API of a loaded case (what the report and the web pages show)
    case.entities_frame()
    case.evidence_frame()
    case.to_dict()
    # every result, as `pestle analyze`, `check` and `demand` build them (no disk cache:
    # each draw is a new case)
    settings = Settings(samples=samples, seed=0, draws=20, sobol_samples=sobol_samples or 0)
    Results(case, settings, cache=False).to_dict()


def promise_kept(exc: BaseException | None, folder: Path, mutated: str) -> str | None:
    """None when `exc` keeps the promise, else what is wrong with it."""
    if exc is None:
        return None
    if not isinstance(exc, PestleError):
        return f"{type(exc).__name__} escaped"
    message = str(exc)
    if "\n" in message or "\r" in message:
        return "message is not one line"
    if Path(mutated).name in message:
        return None
    # an edit of one file can break a link from another (an id deleted from entities/
    # is then missing where factors.yaml names it): the message names that other file
    if any(Path(other).name in message for other in CASE_FILES):
        return None
    # case.yaml may name a document or reference file anywhere (`../shared/report.txt`): a
    # problem in that file names that file
    named = message.split(": ", 1)[0].rsplit(":", 2)[0]
    if Path(mutated).name == "case.yaml" and (folder / named).is_file():
        return None
    return "message names no file of the case"
