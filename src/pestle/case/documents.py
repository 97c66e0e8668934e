"""Read the documents of a case: text, content hash, sections and extracted claims.

Extraction runs once per distinct document content (keyed by sha256) per process, so
loading a case twice, or a case whose documents repeat, does not extract twice. Claims
and sections are frozen, so sharing them is safe.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pestle.case.models import CaseInfo, Document, Section
from pestle.ingest.reader import read_text
from pestle.model import Claim, Source

_CACHE: dict[str, tuple[tuple[Section, ...], tuple[Claim, ...]]] = {}
_CACHE_LIMIT = 64


def load_documents(folder: Path, info: CaseInfo) -> list[Document]:
    """The documents case.yaml lists, with their sections and claims."""
    documents = []
    for doc_id, spec in info.documents.items():
        path = (folder / spec.path).resolve()
        text = read_text(path)  # one-line InputError: missing, binary, not UTF-8, ...
        source = Source.from_text(text, title=spec.title, path=spec.path, language=spec.language)
        sections, claims = analyse(text, source.sha256)
        documents.append(
            Document(
                id=doc_id,
                title=spec.title,
                path=path,
                source=source,
                text=text,
                sections=sections,
                claims=claims,
            )
        )
    return documents


def analyse(text: str, sha256: str) -> tuple[tuple[Section, ...], tuple[Claim, ...]]:
    """Sections and claims of a text, cached by its content hash."""
    cached = _CACHE.get(sha256)
    if cached is None:
        cached = _from_disk(sha256)
    if cached is None:
        from pestle.ingest import extract, parse  # the extractor; imported when first needed

        parsed = parse(text)
        cached = (tuple(sections_of(parsed, len(text))), tuple(extract(parsed)))
        _to_disk(sha256, cached)
    if sha256 not in _CACHE:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[sha256] = cached
    return cached


# Extraction costs a few tenths of a second per process (the extractor's import and its
# patterns, then the text): its output depends only on the text and pestle's code, so it is
# kept on disk under both (`pestle.diskcache`), and every later process of any command reads
# it instead. A missing or unreadable entry is extracted again, never an error.
def _disk_path(sha256: str) -> Path | None:
    import os

    from pestle import diskcache

    if os.environ.get("PESTLE_NO_CACHE", "") not in ("", "0"):
        return None
    name = diskcache.key(diskcache.code_version(), "claims", sha256)[:32]
    return diskcache.cache_dir() / "claims" / f"{name}.pickle"


def _from_disk(sha256: str) -> tuple[tuple[Section, ...], tuple[Claim, ...]] | None:
    import pickle

    from pestle import diskcache

    path = _disk_path(sha256)
    data = diskcache.read(path) if path is not None else None
    if data is None:
        return None
    try:
        sections, claims = pickle.loads(data)
    except Exception:  # an old or damaged entry: extract again
        return None
    return tuple(sections), tuple(claims)


def _to_disk(sha256: str, value: tuple[tuple[Section, ...], tuple[Claim, ...]]) -> None:
    import contextlib
    import pickle

    from pestle import diskcache

    path = _disk_path(sha256)
    if path is None:
        return
    diskcache.write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    with contextlib.suppress(OSError):
        diskcache.prune(path.parent, 50_000_000)


def sections_of(parsed: Any, length: int) -> list[Section]:
    """Body spans of the sections of a parsed document, innermost heading only.

    A section's body runs from the end of its heading to the next heading of any level,
    so every offset belongs to the section whose title a claim there carries. Text before
    the first heading is a section with no title.
    """
    heads = sorted(parsed.sections, key=lambda s: s.start)
    spans = []
    first = heads[0].start if heads else length
    if first > 0:
        spans.append(Section(title=None, start=0, end=first))
    for k, head in enumerate(heads):
        end = heads[k + 1].start if k + 1 < len(heads) else length
        spans.append(Section(title=head.title, start=head.title_end, end=max(end, head.title_end)))
    return spans
