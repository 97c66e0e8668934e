"""Source documents, identified by content hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class Source(BaseModel):
    """A document claims are read from; `sha256` identifies its exact content."""

    model_config = ConfigDict(frozen=True)

    title: str
    path: str | None = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    language: str = "en"

    @classmethod
    def from_text(
        cls, text: str, *, title: str, path: str | Path | None = None, language: str = "en"
    ) -> Source:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(
            title=title,
            path=str(path) if path is not None else None,
            sha256=digest,
            language=language,
        )
