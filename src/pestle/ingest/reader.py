"""Read a document as UTF-8 text, or fail with one line saying what is wrong and how to fix it."""

from __future__ import annotations

from pathlib import Path

from pestle.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def read_text(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The content of ``path`` as text (UTF-8; a leading byte-order mark is dropped).

    Raises `InputError` (message starts with the path) for a missing file, a directory,
    an unreadable file, a file over ``max_bytes``, a binary file, or text that is not UTF-8.
    """
    name = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if p.is_dir():
        raise InputError(f"{name}: is a directory, not a file")
    if st.st_size > max_bytes:
        raise InputError(
            f"{name}: file is {st.st_size} bytes, over the limit of {max_bytes} bytes; "
            f"raise the limit with --max-bytes"
        )
    try:
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{name}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # grew since stat, or a device that reports size 0
        raise InputError(
            f"{name}: file is over the limit of {max_bytes} bytes; raise the limit with --max-bytes"
        )
    return decode_text(data, name)


def decode_text(data: bytes, name: str, error: type[InputError] = InputError) -> str:
    """The text of a document's bytes: UTF-8 with no NUL byte; a leading BOM is dropped.

    `name` starts the one-line message; `error` lets a caller (the web upload) raise its own
    subclass of InputError.
    """
    nul = data.find(b"\x00")
    if nul >= 0:
        raise error(
            f"{name}: looks like a binary file (NUL byte at offset {nul}), not a text document"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            f"{name}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); convert it first, e.g. iconv -f LATIN1 -t UTF-8"
        ) from None
    return text.removeprefix("\ufeff")
