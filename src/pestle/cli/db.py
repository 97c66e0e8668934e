"""`pestle db ...`: the store from the command line. Each command calls one `Store` method
and formats what it returns; the database is `--db URL`, else $PESTLE_DB, else ./pestle.db.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from pestle.cli import app, err_console
from pestle.cli.output import check_out_file, printable, write_out_file
from pestle.cli.xlsx_out import need_out, wrote
from pestle.errors import NumberTooLarge, ParseError, StoreError

if TYPE_CHECKING:  # the store pulls in SQLAlchemy and pandas: import it only when a command runs
    from pestle.store import Diff, ImportResult, RevisionInfo, Store, StoredClaim


def _open(db: str | None) -> Store:
    from pestle.store import Store

    return Store(db)


db_app = typer.Typer(
    name="db",
    help="The store: import documents as revisions, list, show, diff and export them.",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")

console = Console(highlight=False, soft_wrap=True)


def _say(text: str) -> None:
    """Print a line that holds stored text (titles, names, paths, sections, claims): control
    characters are shown as escapes, never sent to the terminal."""
    console.print(printable(text), markup=False)


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (sqlite:///file.db, postgresql://...) or SQLite file. "
        "Default: $PESTLE_DB, else ./pestle.db.",
        show_default=False,
    ),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="One of: table, json.")]


def _usage(message: str) -> NoReturn:
    # A PestleError, so `pestle.cli.main` prints it as one line with exit code 2.
    raise StoreError(message)


def _check_format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        _usage(f"--format {value!r} is not one of {', '.join(allowed)}")
    return value


def _short(sha256: str) -> str:
    return sha256[:12]


@db_app.command("init")
def init(db: DbOption = None) -> None:
    """Create the store's schema, or upgrade it to the newest migration."""
    result = _open(db).init()
    if result.changed:
        _say(f"initialised {result.url}: schema {result.after}")
    else:
        console.print(f"{result.url} is up to date: schema {result.after}")


@db_app.command("import")
def import_(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Text documents, or .csv/.xlsx tables.")
    ] = None,
    name: Annotated[
        list[str] | None,
        typer.Option("--name", help="Document name (one file only; default: the file's stem)."),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", help="Refuse text documents larger than this.", min=1),
    ] = None,
    parquet: Annotated[
        Path | None,
        typer.Option(
            "--parquet",
            help="A claims dataset of `pestle extract --corpus`: one revision per document, "
            "one transaction per part, idempotent on re-run.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Import files in one transaction: each changed document becomes a new revision."""
    if parquet is not None:
        if files or name:
            _usage("--parquet imports a dataset alone: give no files and no --name")
        _import_dataset(parquet, db)
        return
    files = files or []
    if not files:
        _usage("nothing to import: give one or more files, or --parquet DATASET")
    if name and len(name) > 1:  # Click keeps the last of a repeated option without a word
        _usage(f"--name given {len(name)} times: a document has one name")
    if name and len(files) != 1:
        _usage("--name names one document: give exactly one file")
    from pestle.model.names import document_name_problem  # pydantic: not for --help

    if name and (problem := document_name_problem(name[0])) is not None:
        _usage(f"--name: {problem}")  # the rule of the web upload
    store = _open(db)
    try:
        result = store.import_documents(files, names=name or None, max_bytes=max_bytes)
    except _table_error() as exc:  # every bad row on a line of its own, then the verdict
        for problem in exc.problems:
            err_console.print(f"error: {printable(str(problem))}", markup=False)
        raise ParseError("nothing was imported") from exc
    except NumberTooLarge as exc:  # the extractor knows the number, not the file
        where = str(files[0]) if len(files) == 1 else "one of the files"
        raise NumberTooLarge(f"{where}: {exc}; nothing was imported") from None
    _print_import(result)


def _import_dataset(dataset: Path, db: str | None) -> None:
    from pestle.cli.results import step_progress

    result = _open(db).import_parquet(dataset, progress=step_progress("import"))
    console.print(
        f"{dataset}: {len(result.documents):,} documents — {result.count('new'):,} new, "
        f"{result.count('revised'):,} revised, {result.count('unchanged'):,} unchanged "
        f"(nothing written); {result.claims_written:,} claims written",
        markup=False,
    )


def _print_import(result: ImportResult) -> None:
    for d in result.documents:
        where = d.path or d.document
        if d.status == "unchanged":
            _say(
                f"{where}: unchanged, same content (sha256 {_short(d.sha256)}) as "
                f"{d.document}@{d.number} (revision {d.revision}); nothing written"
            )
        else:
            what = "new document" if d.status == "new" else "new revision of"
            _say(
                f"{where}: {what} {d.document!r} -> {d.document}@{d.number} "
                f"(revision {d.revision}), {d.claims} claims"
            )


def _revision_lines(revisions: list[RevisionInfo]) -> list[str]:
    labels = max(len(r.label) for r in revisions)
    return [
        f"{r.id:>5}  {r.label:<{labels}}  {r.kind:<5} {r.claims:>7} claims  {_short(r.sha256)}  "
        f"{r.created_at.strftime('%Y-%m-%d %H:%M:%S')}Z  {r.path or '-'}"
        for r in revisions
    ]


@db_app.command("list")
def list_(
    document: Annotated[
        str | None, typer.Option("--document", "-d", help="Only this document's revisions.")
    ] = None,
    format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List revisions, oldest first."""
    _check_format(format, ("table", "json"))
    revisions = _open(db).revisions(document)
    if format == "json":
        typer.echo(json.dumps([r.to_dict() for r in revisions], indent=2))
    elif not revisions:
        _say("no revisions yet: `pestle db import FILE` adds one")
    else:
        _say(f"{'rev':>5}  revision, kind, claims, sha256, imported (UTC), path")
        for line in _revision_lines(revisions):
            _say(line)


def _number(value: float) -> str:
    if value.is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _claim_line(stored: StoredClaim) -> str:
    c = stored.claim
    what = " · ".join(x for x in (c.measure, c.subject) if x) or "-"
    period = c.period.iso() if c.period else "-"
    qualifier = "" if c.qualifier == "=" else f"{c.qualifier} "
    return (
        f"{stored.position:>5}  {qualifier}{_number(c.value)} {c.unit}  {period}  {what}  "
        f"{c.text!r}"
    )


def _print_claims(claims: list[StoredClaim]) -> None:
    section: object = object()
    for stored in claims:
        if stored.claim.section != section:
            section = stored.claim.section
            _say(f"[{section or 'no section'}]")
        _say(_claim_line(stored))


@db_app.command("show")
def show(
    rev: Annotated[str, typer.Argument(help="Revision id, document@number, or document name.")],
    format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Show one revision and its claims."""
    _check_format(format, ("table", "json"))
    store = _open(db)
    if format == "json":
        typer.echo(store.export(rev, "json"), nl=False)
        return
    info = store.revision(rev)
    claims = store.stored_claims(info.id)
    _say(
        f"revision {info.id}: {info.label} ({info.kind}), {info.claims} claims\n"
        f"title: {info.title}\nsha256: {info.sha256}\npath: {info.path or '-'}\n"
        f"imported: {info.created_at.isoformat(timespec='seconds')}"
        + (f"\nparent: revision {info.parent}" if info.parent else "")
    )
    _print_claims(claims)


def _print_diff(d: Diff) -> None:
    _say(
        f"{d.old.label} (revision {d.old.id}) -> {d.new.label} (revision {d.new.id}): "
        f"{len(d.changed)} changed, {len(d.added)} added, {len(d.removed)} removed, "
        f"{d.unchanged} unchanged"
    )
    for change in d.changed:
        details = [
            f"{f} {_field(change.old, f)} -> {_field(change.new, f)}"
            for f in change.fields
            if f != "text"
        ]
        _say(
            f"~ [{change.new.section or '-'}] {change.old.text!r} -> {change.new.text!r}"
            + (f" ({'; '.join(details)})" if details else "")
        )
    if d.is_empty and d.old.sha256 != d.new.sha256:
        _say("no claim differs: the texts differ outside the claims")
    for claim in d.removed:
        _say(f"- [{claim.section or '-'}] {claim.text!r}")
    for claim in d.added:
        _say(f"+ [{claim.section or '-'}] {claim.text!r}")


def _field(claim: object, name: str) -> str:
    value = getattr(claim, name)
    if value is None:
        return "-"
    if isinstance(value, float):
        return _number(value)
    return str(value)


@db_app.command("diff")
def diff(
    rev1: Annotated[str, typer.Argument(help="The older revision.")],
    rev2: Annotated[str, typer.Argument(help="The newer revision.")],
    format: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List the claims added, removed and changed from REV1 to REV2."""
    _check_format(format, ("table", "json"))
    result = _open(db).diff(rev1, rev2)
    if format == "json":
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        _print_diff(result)


@db_app.command("export")
def export(
    rev: Annotated[str, typer.Argument(help="Revision id, document@number, or document name.")],
    format: Annotated[str, typer.Option("--format", "-f", help="json, csv or xlsx.")] = "json",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write to this file, not stdout (xlsx needs it)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export one revision's claims as JSON, CSV or an Excel workbook."""
    _check_format(format, ("json", "csv", "xlsx"))
    if out is not None:
        check_out_file(out)  # before the store is opened: a bad --out is one line
    workbook = need_out(format, out)
    if workbook is not None:
        from pestle.export import document_workbook

        data = json.loads(_open(db).export(rev, "json"))
        title = f"revision {data['revision'].get('id')}: {data['revision'].get('title') or ''}"
        wrote(document_workbook("revision", data, workbook, title=title))
        return
    text = _open(db).export(rev, format)  # type: ignore[arg-type]
    if out is None:
        sys.stdout.write(text)
    else:
        write_out_file(out, text)
        _say(f"wrote {out}")


@db_app.command("verify")
def verify(db: DbOption = None) -> None:
    """Check the stored data is consistent (claim counts, revision chains, SQLite integrity)."""
    store = _open(db)
    problems = store.verify()
    for problem in problems:
        _say(problem)
    if problems:
        raise StoreError(f"{len(problems)} problem(s) in {store.location}")
    _say("consistent")


def _table_error() -> type[Exception]:
    from pestle.store import TableError

    return TableError
