"""Claims of one file, with the source they came from (the `pestle extract` result)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from pestle.cases import EMBEDDED_REPORT
from pestle.errors import InputError
from pestle.ingest.extractor import extract
from pestle.ingest.reader import DEFAULT_MAX_BYTES, read_text
from pestle.model import Claim, Source

__all__ = ["EMBEDDED_REPORT", "Extraction", "extract_file"]


class Extraction(BaseModel):
    """The claims of one document and the document they were read from."""

    model_config = ConfigDict(frozen=True)

    source: Source
    claims: list[Claim]

    def to_json_dict(self) -> dict[str, Any]:
        """``{"source": {...}, "claims": [...]}`` with JSON-ready values."""
        return {
            "source": self.source.model_dump(mode="json"),
            "claims": [claim.model_dump(mode="json") for claim in self.claims],
        }


def extract_file(
    path: str | Path, *, title: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Extraction:
    """Read ``path`` (see `read_text` for the errors) and extract its claims."""
    text = read_text(path, max_bytes=max_bytes)
    if not text.strip():  # as an upload is refused (pestle.web.security.decode_upload)
        raise InputError(f"{path}: the document is empty; give a text with content")
    source = Source.from_text(text, title=title or Path(path).stem, path=path)
    return Extraction(source=source, claims=extract(text))
