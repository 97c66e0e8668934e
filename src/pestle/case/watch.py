"""Watch the files of a case: each save yields the files it changed.

Used by `pestle report --watch` (rebuild the report) and `pestle serve --watch` (reload the
served case). Watched: the case folder, recursively (a case reads no file outside it,
`case_paths`). Editor swap files, caches and
version-control folders are ignored (watchfiles' default filter), and so is any folder the
caller names in `ignore` (a report written inside the case folder must not trigger the next
build). A file created and deleted within one burst of changes (an editor's or sed's
temporary file, renamed over the real one) is not reported.

Library choice: watchfiles (Rust `notify` underneath) waits on the operating system's file
events, gathers a burst of them and stops cleanly on an event; polling by hand would either
lag or burn a core.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from pestle.case.loader import DEFAULT_CASE, case_paths
from pestle.errors import InputError

QUIET_MS = 20  # a burst of changes ends after this long without one (a save: a few ms)
MAX_GATHER_MS = 800  # ... or after this long in all
WAKE_MS = 200  # how often the watcher wakes to notice `stop`


def watch_case(
    case: str | Path | None = None,
    *,
    stop: threading.Event | None = None,
    ready: threading.Event | None = None,
    ignore: Iterable[Path] = (),
) -> Iterator[tuple[Path, ...]]:
    """Yield the files of each change to `case` (default: the embedded case) until `stop`
    is set. `ready` is set once the watcher is up (a change before that may be missed).
    A case folder that is removed ends the watch with an `InputError` (the operating
    system's watch on it is gone; a folder made again in its place is not seen)."""
    import watchfiles

    roots = case_paths(DEFAULT_CASE if case is None else case)
    changes = watchfiles.watch(
        *roots,
        watch_filter=_Filter(tuple(Path(p).resolve() for p in ignore)),
        step=QUIET_MS,
        debounce=MAX_GATHER_MS,
        stop_event=stop,
        rust_timeout=WAKE_MS,
        yield_on_timeout=True,  # an empty batch now and then: the watcher is up
    )
    for batch in changes:
        if ready is not None and not ready.is_set():
            ready.set()
        if not roots[0].is_dir():
            raise InputError(f"{roots[0]}: the case folder was removed; stopped watching it")
        changed = lasting(batch)
        if changed:
            yield changed


def lasting(batch: Iterable[tuple[object, str]]) -> tuple[Path, ...]:
    """The files of a batch of changes, without those created and deleted within it."""
    import watchfiles

    kinds: dict[str, set[object]] = {}
    for change, path in batch:
        kinds.setdefault(path, set()).add(change)
    transient = {watchfiles.Change.added, watchfiles.Change.deleted}
    return tuple(sorted(Path(p) for p, k in kinds.items() if not transient <= k))


class _Filter:
    """watchfiles' default filter, without the `ignore` folders and their temporary
    siblings (`.NAME.tmp-*`, `.NAME.old-*`: how a report folder is replaced atomically)."""

    def __init__(self, ignore: tuple[Path, ...]) -> None:
        import watchfiles

        self.default = watchfiles.DefaultFilter()
        self.ignore = ignore
        names = "|".join(re.escape(p.name) for p in ignore)
        self.siblings = re.compile(rf"^\.({names})\.(tmp|old)-") if ignore else None

    def __call__(self, change: object, path: str) -> bool:
        p = Path(path)
        for folder in self.ignore:
            if p == folder or folder in p.parents:
                return False
        if self.siblings is not None and any(self.siblings.match(part) for part in p.parts):
            return False
        return bool(self.default(change, path))  # type: ignore[arg-type]
