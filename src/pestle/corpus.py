"""Corpus extraction: many documents -> one Parquet dataset of claims, on any executor.

A corpus is a folder (every text file under it) or a glob. Its documents are sorted and cut
into parts of at most `PART_DOCUMENTS` documents; each part is one task (run here, on local
processes, or on a Dask cluster) that extracts its documents and writes one file,
`part-NNNNN.parquet`, into the dataset folder: one row per claim, with the document's name
and the sha256 of its text; the part's documents (including those with no claims, and those
that could not be read, with the reason) are listed in the file's key-value metadata under
`pestle.documents`. A part is written to a temporary name and renamed, so a task that runs
twice (a worker died and Dask ran it again) leaves one complete file: nothing is lost or
duplicated, and the dataset is the same wherever it was made. `Store.import_parquet` loads
such a dataset as one revision per document.
"""

from __future__ import annotations

import glob as globbing
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pestle.errors import InputError, PestleError

PART_DOCUMENTS = 64
MAX_DOCUMENTS = 10_000_000
TEXT_SUFFIXES = (".txt", ".md", ".text")
METADATA_KEY = b"pestle.documents"
FORMAT_KEY = b"pestle.format"
FORMAT = "pestle-claims/1"

CorpusProgress = Callable[[int, int], None]  # (documents done, documents)


def corpus_files(corpus: str | Path) -> tuple[Path, tuple[Path, ...]]:
    """The corpus root and its text documents, sorted: every file with a text suffix under
    a folder, or the files a glob pattern matches."""
    text = str(corpus)
    path = Path(text)
    if path.is_dir():
        root = path
        files = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES]
    elif any(ch in text for ch in "*?["):
        matches = [Path(p) for p in globbing.glob(text, recursive=True)]
        files = [p for p in matches if p.is_file()]
        root = Path(os.path.commonpath([str(p.parent) for p in files])) if files else Path(".")
    else:
        raise InputError(f"{text}: not a folder or a glob pattern", parameter="corpus")
    if not files:
        suffixes = ", ".join(TEXT_SUFFIXES)
        raise InputError(f"{text}: no text documents ({suffixes})", parameter="corpus")
    if len(files) > MAX_DOCUMENTS:
        raise InputError(f"{text}: more than {MAX_DOCUMENTS:,} documents", parameter="corpus")
    return root, tuple(sorted(files))


def document_name(root: Path, path: Path) -> str:
    """A document's name in the store: its path under the corpus root, without suffix."""
    return path.relative_to(root).with_suffix("").as_posix()


def _claim_row(name: str, sha256: str, claim: Any) -> dict[str, Any]:
    period = claim.period
    return {
        "document": name,
        "sha256": sha256,
        "value": claim.value,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
        "measure": claim.measure,
        "subject": claim.subject,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "section": claim.section,
    }


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("document", pa.string()),
            ("sha256", pa.string()),
            ("value", pa.float64()),
            ("unit", pa.string()),
            ("qualifier", pa.string()),
            ("period_start", pa.date32()),
            ("period_end", pa.date32()),
            ("measure", pa.string()),
            ("subject", pa.string()),
            ("text", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("section", pa.string()),
        ]
    )


Failed = tuple[tuple[str, str], ...]  # (document, reason) of documents not read


def extract_part(
    index: int, root: str, paths: Sequence[str], out: str
) -> tuple[int, int, int, Failed]:
    """Extract one part's documents and write `part-<index>.parquet` into `out`; returns
    (index, documents, claims, documents not read with the reason). Top-level and
    pickle-friendly: it runs on Dask workers."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pestle.ingest import extract_file

    rows: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    for text in paths:
        path = Path(text)
        name = document_name(Path(root), path)
        try:
            extraction = extract_file(path)
        except PestleError as exc:
            documents.append({"name": name, "path": text, "error": str(exc)})
            continue
        source = extraction.source
        documents.append(
            {
                "name": name,
                "path": text,
                "title": source.title,
                "sha256": source.sha256,
                "language": source.language,
                "claims": len(extraction.claims),
            }
        )
        rows.extend(_claim_row(name, source.sha256, c) for c in extraction.claims)
    schema = _schema().with_metadata(
        {METADATA_KEY: json.dumps(documents).encode("utf-8"), FORMAT_KEY: FORMAT.encode()}
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    final = Path(out) / f"part-{index:05d}.parquet"
    temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, final)  # atomic: a part exists whole or not at all
    failed = tuple((d["name"], d["error"]) for d in documents if "error" in d)
    return index, len(paths), len(rows), failed


@dataclass(frozen=True)
class CorpusResult:
    """What a corpus extraction wrote."""

    out: Path
    parts: int
    documents: int
    claims: int
    failed: Failed


def extract_corpus(
    corpus: str | Path,
    out: str | Path,
    *,
    executor: Executor | None = None,
    part_documents: int = PART_DOCUMENTS,
    progress: CorpusProgress | None = None,
) -> CorpusResult:
    """Extract every document of `corpus` into the Parquet dataset folder `out` (created;
    parts of an earlier run in it are replaced)."""
    if not 1 <= part_documents <= 100_000:
        raise InputError("part_documents must be between 1 and 100,000", parameter="part_documents")
    root, files = corpus_files(corpus)
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: exists and is not a folder", parameter="out")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: cannot create it ({exc.strerror})", parameter="out") from None
    for stale in folder.glob("part-*.parquet"):
        stale.unlink()
    _remove_temporaries(folder)
    parts = [
        [str(p) for p in files[i : i + part_documents]]
        for i in range(0, len(files), part_documents)
    ]
    if executor is None:
        outcomes = (extract_part(k, str(root), paths, str(folder)) for k, paths in enumerate(parts))
    else:
        futures = [
            executor.submit(extract_part, k, str(root), paths, str(folder))
            for k, paths in enumerate(parts)
        ]
        outcomes = (future.result() for future in as_completed(futures))
    done = claims = 0
    failed_by_part: dict[int, Failed] = {}
    for k, n_docs, n_claims, part_failed in outcomes:
        done, claims = done + n_docs, claims + n_claims
        failed_by_part[k] = part_failed
        if progress is not None:
            progress(done, len(files))
    failed = tuple(f for k in sorted(failed_by_part) for f in failed_by_part[k])
    # every part is written now; a worker killed while writing one left its temporary file
    # (its task ran again elsewhere and wrote the part whole)
    _remove_temporaries(folder)
    return CorpusResult(folder, len(parts), len(files), claims, failed)


def _remove_temporaries(folder: Path) -> None:
    """Remove the temporary files of parts (`.part-*.parquet.PID.tmp`) from `folder`."""
    for temporary in folder.glob(".part-*.parquet.*.tmp"):
        temporary.unlink(missing_ok=True)


def dataset_parts(folder: str | Path) -> tuple[Path, ...]:
    """The part files of a dataset folder, in order (a single .parquet file is one part)."""
    path = Path(folder)
    if path.is_file():
        return (path,)
    if not path.is_dir():
        raise InputError(f"{path}: no such Parquet dataset", parameter="parquet")
    parts = tuple(sorted(path.glob("part-*.parquet")))
    if not parts:
        raise InputError(f"{path}: no part-*.parquet files", parameter="parquet")
    return parts


def part_documents_of(part: Path) -> list[dict[str, Any]]:
    """The documents a part file lists in its metadata."""
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_schema(part).metadata or {}
    except (OSError, ValueError) as exc:
        raise InputError(f"{part}: not a Parquet file ({exc})", parameter="parquet") from None
    if metadata.get(FORMAT_KEY) != FORMAT.encode():
        raise InputError(
            f"{part}: not a pestle claims dataset (no {FORMAT} metadata)", parameter="parquet"
        )
    return list(json.loads(metadata[METADATA_KEY]))


def read_documents(folder: str | Path) -> list[dict[str, Any]]:
    """Every document the dataset lists, part by part."""
    return [d for part in dataset_parts(folder) for d in part_documents_of(part)]


def vary_corpus(sources: Sequence[Path], out: str | Path, count: int, *, seed: int = 0) -> int:
    """Write `count` documents into `out` for load tests: copies of the `sources` (real
    texts, taken in turn) with every digit redrawn (a leading digit stays non-zero), so each
    document states other numbers and has its own content hash. Returns the count written."""
    import random

    if not sources:
        raise InputError("no source texts to vary", parameter="sources")
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sources]
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        base = texts[i % len(texts)]
        chars = list(base)
        for k, ch in enumerate(chars):
            if ch.isascii() and ch.isdigit():
                lead = k == 0 or not chars[k - 1].isdigit()
                chars[k] = str(rng.randint(1 if lead else 0, 9))
        sub = folder / f"{i // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc{i:06d}.txt").write_text("".join(chars), encoding="utf-8")
    return count
