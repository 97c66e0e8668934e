"""Claims of one file, with the source they came from (the `pestle extract` result).

A document in a language pestle does not read (see `pestle.ingest.language`) gives no claims
and a one-line warning, both in the result and as an `UnreadLanguageWarning`, so that every
surface (the CLI's commands, the store's imports, the dashboard's uploads) says so instead of
showing an empty result: reading French as English or Japanese as Chinese would invent
numbers.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from pestle.cases import EMBEDDED_REPORT
from pestle.errors import InputError
from pestle.ingest.extractor import extract
from pestle.ingest.language import Language, UnreadLanguageWarning, detect, warning
from pestle.ingest.reader import DEFAULT_MAX_BYTES, read_text
from pestle.model import Claim, Source

__all__ = ["EMBEDDED_REPORT", "Extraction", "extract_file", "read_claims"]


class Extraction(BaseModel):
    """The claims of one document and the document they were read from."""

    model_config = ConfigDict(frozen=True)

    source: Source
    claims: list[Claim]
    warning: str | None = None  # the document is in a language pestle does not read

    def to_json_dict(self) -> dict[str, Any]:
        """``{"source": {...}, "claims": [...]}`` with JSON-ready values (and ``"warning"``
        when there is one)."""
        out: dict[str, Any] = {
            "source": self.source.model_dump(mode="json"),
            "claims": [claim.model_dump(mode="json") for claim in self.claims],
        }
        if self.warning is not None:
            out["warning"] = self.warning
        return out


def read_claims(text: str, name: str) -> tuple[list[Claim], Language, str | None]:
    """The claims of a text and its language; no claims and a one-line warning (also issued
    as an `UnreadLanguageWarning`) when it is in a language pestle does not read."""
    language = detect(text)
    message = warning(language, name)
    if message is None:
        return extract(text), language, None
    warnings.warn(message, UnreadLanguageWarning, stacklevel=2)
    return [], language, message


def extract_file(
    path: str | Path, *, title: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Extraction:
    """Read ``path`` (see `read_text` for the errors) and extract its claims."""
    text = read_text(path, max_bytes=max_bytes)
    if not text.strip():  # as an upload is refused (pestle.web.security.decode_upload)
        raise InputError(f"{path}: the document is empty; give a text with content")
    claims, language, message = read_claims(text, str(path))
    source = Source.from_text(
        text, title=title or Path(path).stem, path=path, language=language.tag
    )
    return Extraction(source=source, claims=claims, warning=message)
