"""Errors pestle raises for problems a user can fix.

    PestleError                 root: caught once at the CLI / web boundary
    ├── InputError              a file cannot be read (missing, binary, too big, not UTF-8)
    │   └── NumberTooLarge      a document writes a number beyond the float range
    ├── ParseError              a file was read but its content is malformed (file:line:col)
    ├── CaseError               a case folder is inconsistent (unresolved evidence, bad value)
    ├── StoreError              the database cannot be reached or refused an operation
    ├── CheckError              a consistency rule was given data it cannot use
    └── AnalysisError           a model was given inputs it cannot use (e.g. CR > 0.1)

Each message is one line that names the file (and line) and says how to fix it. An error about
an argument of a library call (not a file) names that argument in `parameter` (e.g.
"samples", "overrides"), so a front end can say which of its own options was wrong.
"""

from __future__ import annotations

from pathlib import Path


class PestleError(Exception):
    """Base for every error meant to be shown to a user as one line.

    `parameter` names the parameter of the library call whose value was wrong (None when the
    problem is not one parameter's value, e.g. a file).
    """

    def __init__(self, *args: object, parameter: str | None = None) -> None:
        super().__init__(*args)
        self.parameter = parameter


class InputError(PestleError):
    """A file could not be read as a text document."""


class NumberTooLarge(InputError):
    """A document writes a number no float holds (over 1.8e308): it is refused where the
    number is read, rather than stored and exported as `Infinity` (which is not JSON)."""


def too_large(digits: str, exponent: int = 0) -> str:
    """The message of `NumberTooLarge` for the number `digits` x 10**`exponent`."""
    shown = digits if len(digits) <= 20 else f"{digits[:12]}...({len(digits)} digits)"
    scale = f" x 10^{exponent}" if exponent else ""
    return f"the number {shown}{scale} is beyond the largest number a claim can hold (1.8e308)"


class ParseError(PestleError):
    """Malformed content at a known place in a file."""

    def __init__(
        self,
        message: str,
        file: str | Path | None = None,
        line: int | None = None,
        col: int | None = None,
        *,
        parameter: str | None = None,
    ) -> None:
        self.file = str(file) if file is not None else None
        self.line = line
        self.col = col
        self.problem = message
        where = ""
        if self.file is not None:
            where = self.file
            if line is not None:
                where += f":{line}"
                if col is not None:
                    where += f":{col}"
            where += ": "
        super().__init__(f"{where}{message}", parameter=parameter)


class CaseError(ParseError):
    """A case folder is inconsistent: an evidence link does not resolve or disagrees."""


class StoreError(PestleError):
    """The store (database) could not be reached or refused an operation."""


class CheckError(PestleError):
    """A consistency rule was given data it cannot use."""


class AnalysisError(PestleError):
    """An analysis was given inputs it cannot use."""
