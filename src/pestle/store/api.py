"""`Store`: the library face of the store. The CLI (`pestle db ...`) only formats its results.

    store = Store()                       # --db URL > $PESTLE_DB > ./pestle.db
    store.init()                          # create or upgrade the schema (Alembic, to head)
    result = store.import_documents(["report.txt", "indicators.csv"])   # one transaction
    store.revisions(); store.revision("report@2"); store.claims(3)
    store.diff("report@1", "report@2"); store.export(3, "csv")

Writes take the database's write lock for their whole transaction (SQLite: BEGIN IMMEDIATE;
PostgreSQL: a transaction-level advisory lock), so concurrent importers queue rather than
interleave, and a writer that dies leaves the store exactly as it was before it began.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from pestle.errors import StoreError
from pestle.model import Claim, Entity, Source
from pestle.store import migrate
from pestle.store.diff import diff_claims
from pestle.store.engine import WRITE_OPTION, describe, make_engine, resolve_url, sqlite_file
from pestle.store.entities import load_entities, save_entities
from pestle.store.importer import PreparedDocument, Progress, write_documents
from pestle.store.indicators import read_indicators
from pestle.store.results import (
    Diff,
    EntitySaveResult,
    ImportResult,
    InitResult,
    RevisionInfo,
    StoredClaim,
)
from pestle.store.revisions import (
    ExportFormat,
    export_text,
    list_revisions,
    paused_gc,
    resolve,
    stored_claims,
)
from pestle.store.schema import ClaimRow, RevisionRow

TABLE_SUFFIXES = (".csv", ".xlsx")
PG_LOCK_KEY = 0x706573746C65  # "pestle": one writer at a time, like SQLite


def _reason(exc: BaseException) -> str:
    """The first line of a driver error, whitespace collapsed."""
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).strip().splitlines() if line.strip()]
    return " ".join(lines[0].split()) if lines else type(orig).__name__


class Store:
    """Claims, sources, documents, revisions, entities and links in one database."""

    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_url(url)
        self.location = describe(self.url)
        self._engine: Engine | None = None

    # -- connections ---------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.url)
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Connection]:
        try:
            conn = self.engine.connect()
        except DBAPIError as exc:
            raise StoreError(f"cannot reach database {self.location}: {_reason(exc)}") from exc
        try:
            if write:
                conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                if write and conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"database {self.location}: {_reason(exc)}") from exc
        finally:
            conn.close()

    def _check_schema(self, conn: Connection, *, create: bool) -> None:
        current = migrate.current(conn)
        if current == migrate.head():
            return
        if current is None:
            if create:
                migrate.upgrade(conn)
                return
            raise StoreError(f"{self.location} holds no pestle store yet: run `pestle db init`")
        if current in migrate.KNOWN:
            raise StoreError(
                f"{self.location} has an older schema ({current}): run `pestle db init` to upgrade"
            )
        raise StoreError(
            f"{self.location} has schema {current}, unknown to this pestle: upgrade pestle"
        )

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        file = sqlite_file(self.url)
        if file is not None and not file.exists():
            raise StoreError(
                f"no database at {file}: run `pestle db init` or `pestle db import FILE`"
            )
        with self._transaction(write=False) as conn:
            self._check_schema(conn, create=False)
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._transaction(write=True) as conn:
            self._check_schema(conn, create=True)
            yield conn

    # -- schema --------------------------------------------------------------------------
    def init(self) -> InitResult:
        """Create the schema, or upgrade it to this pestle's newest migration."""
        with self._transaction(write=True) as conn:
            before = migrate.current(conn)
            if before is not None and before not in migrate.KNOWN:
                raise StoreError(
                    f"{self.location} has schema {before}, unknown to this pestle: upgrade pestle"
                )
            if before != migrate.head():
                migrate.upgrade(conn)
        return InitResult(url=self.location, before=before, after=migrate.head())

    # -- imports -------------------------------------------------------------------------
    def import_documents(
        self,
        paths: Sequence[str | Path],
        *,
        names: Sequence[str | None] | None = None,
        max_bytes: int | None = None,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Import files in one transaction: text documents through the extractor (files over
        ``max_bytes`` are refused), .csv and .xlsx files as indicator tables. A document is
        named by ``names[i]`` or its file's stem; content unchanged since the document's latest
        revision writes nothing. Every file is read and checked before anything is written."""
        if not paths:
            raise StoreError("nothing to import: give one or more files")
        if names is not None and len(names) != len(paths):
            raise StoreError(f"{len(paths)} files but {len(names)} names")
        given = list(names) if names is not None else [None] * len(paths)
        prepared = [self._prepare(Path(p), n, max_bytes) for p, n in zip(paths, given, strict=True)]
        return self._import(prepared, progress)

    def import_indicators(
        self, path: str | Path, *, name: str | None = None, progress: Progress | None = None
    ) -> ImportResult:
        """Import one indicator table (.csv or .xlsx, see `pestle.store.indicators`)."""
        return self._import([read_indicators(path, name=name)], progress)

    def import_claims(
        self,
        name: str,
        source: Source,
        claims: Sequence[Claim],
        *,
        path: str | None = None,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Import claims already extracted from ``source`` as a revision of document ``name``."""
        doc = PreparedDocument(name=name, source=source, claims=claims, path=path)
        return self._import([doc], progress)

    def import_parquet(
        self, dataset: str | Path, *, progress: Progress | None = None
    ) -> ImportResult:
        """Import a claims dataset (`pestle extract --corpus`): one revision per document,
        one transaction per part file, PostgreSQL COPY / SQLite batches; documents already
        stored with the same content write nothing, so a re-run is idempotent.
        `progress(parts done, parts)`."""
        from pestle.corpus import dataset_parts
        from pestle.store.parquet import prepared_parts

        parts = dataset_parts(dataset)
        outcomes = []
        for done, (_, documents) in enumerate(prepared_parts(parts), start=1):
            outcomes.extend(self._import(documents, None).documents)
            if progress is not None:
                progress(done, len(parts))
        return ImportResult(documents=tuple(outcomes))

    @staticmethod
    def _prepare(path: Path, name: str | None, max_bytes: int | None) -> PreparedDocument:
        if path.suffix.lower() in TABLE_SUFFIXES:
            return read_indicators(path, name=name)
        from pestle.ingest import extract_file

        extraction = (
            extract_file(path) if max_bytes is None else extract_file(path, max_bytes=max_bytes)
        )
        return PreparedDocument(
            name=name or path.stem,
            source=extraction.source,
            claims=extraction.claims,
            path=str(path.absolute()),
        )

    def _import(
        self, documents: Sequence[PreparedDocument], progress: Progress | None
    ) -> ImportResult:
        with self._write() as conn:
            return write_documents(conn, documents, progress)

    # -- reading -------------------------------------------------------------------------
    def revisions(self, document: str | None = None) -> list[RevisionInfo]:
        """Every revision (of one document, if named), oldest first."""
        with self._read() as conn:
            return list_revisions(conn, document)

    def revision(self, ref: int | str) -> RevisionInfo:
        """One revision: by id, ``document@number``, or document name (its latest)."""
        with self._read() as conn:
            return resolve(conn, ref)

    def stored_claims(self, ref: int | str) -> list[StoredClaim]:
        """The claims of a revision with their positions (and lines, sources for tables)."""
        with self._read() as conn:
            return stored_claims(conn, resolve(conn, ref).id)

    def claims(self, ref: int | str) -> list[Claim]:
        """The claims of a revision, in document order."""
        return [s.claim for s in self.stored_claims(ref)]

    def diff(self, old: int | str, new: int | str) -> Diff:
        """Claims added, removed and changed from revision ``old`` to revision ``new``."""
        with self._read() as conn:
            a, b = resolve(conn, old), resolve(conn, new)
            before = [s.claim for s in stored_claims(conn, a.id)]
            after = [s.claim for s in stored_claims(conn, b.id)]
        with paused_gc():
            result = diff_claims(before, after)
        return Diff(
            old=a,
            new=b,
            added=result.added,
            removed=result.removed,
            changed=result.changed,
            unchanged=result.unchanged,
        )

    def export(self, ref: int | str, format: ExportFormat = "json") -> str:
        """A revision and its claims as JSON or CSV text."""
        with self._read() as conn:
            info = resolve(conn, ref)
            claims = stored_claims(conn, info.id)
        with paused_gc():
            return export_text(info, claims, format)

    # -- entities ------------------------------------------------------------------------
    def save_entities(self, entities: Iterable[Entity]) -> EntitySaveResult:
        """Save entities (a new version of each that changed) and resolve their evidence."""
        with self._write() as conn:
            return save_entities(conn, entities)

    def entities(self) -> list[Entity]:
        """The latest version of every stored entity."""
        with self._read() as conn:
            return load_entities(conn)

    # -- consistency ---------------------------------------------------------------------
    def verify(self) -> list[str]:
        """Problems found in the stored data (empty: consistent)."""
        problems: list[str] = []
        with self._read() as conn:
            if conn.dialect.name == "sqlite":
                status = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
                if status != "ok":
                    problems.append(f"SQLite integrity check: {status}")
                if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    problems.append("SQLite foreign key check failed")
            counts = (
                select(
                    ClaimRow.revision_id,
                    func.count().label("n"),
                    func.min(ClaimRow.position).label("lo"),
                    func.max(ClaimRow.position).label("hi"),
                )
                .group_by(ClaimRow.revision_id)
                .subquery()
            )
            rows = conn.execute(
                select(
                    RevisionRow.id, RevisionRow.claim_count, counts.c.n, counts.c.lo, counts.c.hi
                )
                .outerjoin(counts, counts.c.revision_id == RevisionRow.id)
                .order_by(RevisionRow.id)
            )
            for r in rows:
                n = r.n or 0
                if n != r.claim_count:
                    problems.append(f"revision {r.id}: {n} claims stored, {r.claim_count} expected")
                elif n and (r.lo != 0 or r.hi != n - 1):
                    problems.append(f"revision {r.id}: claim positions are not 0..{n - 1}")
            orphans = conn.execute(
                select(func.count())
                .select_from(ClaimRow)
                .outerjoin(RevisionRow, RevisionRow.id == ClaimRow.revision_id)
                .where(RevisionRow.id.is_(None))
            ).scalar_one()
            if orphans:
                problems.append(f"{orphans} claims belong to no revision")
            by_document: dict[str, list[RevisionInfo]] = {}
            for info in list_revisions(conn):
                by_document.setdefault(info.document, []).append(info)
            for document, revs in by_document.items():
                revs.sort(key=lambda r: r.number)
                previous: RevisionInfo | None = None
                for number, info in enumerate(revs, start=1):
                    if info.number != number:
                        problems.append(f"{document}: revision numbers skip to {info.number}")
                    expected = previous.id if previous is not None else None
                    if info.parent != expected:
                        problems.append(f"revision {info.id}: parent {info.parent}, not {expected}")
                    previous = info
        return problems
