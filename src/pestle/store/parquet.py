"""Claims datasets (Parquet, written by `pestle.corpus.extract_corpus`) -> prepared documents.

Each part file of the dataset lists its documents in its metadata and holds their claims,
one row per claim; a part becomes the documents of one import transaction, so a run that
stops half-way has written whole parts only, and a re-run writes nothing for the documents
already stored (same name and sha256: see `importer`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pestle.corpus import part_documents_of
from pestle.errors import StoreError
from pestle.model import Claim, Source
from pestle.store.importer import PreparedDocument


def _claim(row: dict[str, Any], part: Path) -> Claim:
    name = row.pop("document")
    start, end = row.pop("period_start"), row.pop("period_end")
    if start is not None and end is not None:
        row["period"] = {"start": start, "end": end}
    try:
        return Claim.model_validate(row)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise StoreError(f"{part}: claim of {name!r}: {where}: {first['msg']}") from None


def prepared_parts(parts: Sequence[Path]) -> Iterator[tuple[Path, list[PreparedDocument]]]:
    """Each part file of a claims dataset (`corpus.dataset_parts`) with its readable
    documents, ready to write."""
    import pyarrow.parquet as pq

    for part in parts:
        documents = [d for d in part_documents_of(part) if "error" not in d]
        claims: dict[str, list[Claim]] = {d["name"]: [] for d in documents}
        for row in pq.read_table(part).to_pylist():
            name = row["document"]
            del row["sha256"]  # the document's, listed in the metadata
            if name not in claims:
                raise StoreError(f"{part}: claim of {name!r}, a document the part does not list")
            claims[name].append(_claim(row, part))
        prepared = []
        for d in documents:
            found = claims[d["name"]]
            if len(found) != d["claims"]:
                raise StoreError(
                    f"{part}: document {d['name']!r} lists {d['claims']} claims, the part holds "
                    f"{len(found)}"
                )
            source = Source(
                title=d["title"], path=d["path"], sha256=d["sha256"], language=d["language"]
            )
            prepared.append(
                PreparedDocument(name=d["name"], source=source, claims=found, path=d["path"])
            )
        yield part, prepared
