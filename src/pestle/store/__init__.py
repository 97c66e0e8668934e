"""The store: claims, sources, documents, revisions, entities and links in SQLite (default)
or PostgreSQL (by URL). A new import is a new revision; nothing is overwritten; a failed
import changes nothing. Start with `Store`.
"""

from pestle.store.api import Store
from pestle.store.engine import resolve_url
from pestle.store.indicators import TableError, read_indicators
from pestle.store.results import (
    ClaimChange,
    Diff,
    DocumentImport,
    EntitySaveResult,
    ImportResult,
    InitResult,
    RevisionInfo,
    StoredClaim,
)

__all__ = [
    "ClaimChange",
    "Diff",
    "DocumentImport",
    "EntitySaveResult",
    "ImportResult",
    "InitResult",
    "RevisionInfo",
    "Store",
    "StoredClaim",
    "TableError",
    "read_indicators",
    "resolve_url",
]
