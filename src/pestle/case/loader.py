"""Load a case folder into a checked, frozen `Case`.

    load_case(DEFAULT_CASE)             # an embedded case, by name (pestle.cases)
    load_case("path/to/my_case")        # any folder with a case.yaml

Loading reads case.yaml, the documents (extracting their claims once per document
content), the reference data, the entities and the factors; then it resolves every
evidence link and reference link and checks each linked value. Any problem is one
`ParseError`/`CaseError` naming file and line; nothing is half-loaded. No database.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from threading import Lock
from typing import Any

from pydantic import BaseModel, ValidationError

from pestle.case import evidence as ev
from pestle.case import verify
from pestle.case.case import Case, CasePaths
from pestle.case.documents import load_documents
from pestle.case.models import (
    ENTITY_KINDS,
    OPTIONAL_FILES,
    CaseEntity,
    CaseInfo,
    Document,
    Factor,
)
from pestle.case.paths import check_inside, problem_of
from pestle.case.references import load_references
from pestle.case.yaml_lines import LineDict, LineList, line_at, line_of, load_yaml
from pestle.cases import DEFAULT_CASE
from pestle.errors import CaseError, InputError
from pestle.model.text import DEFAULT_LANGUAGE, LANGUAGES, case_language

CASES_DIR = Path(__file__).resolve().parent.parent / "cases"


def embedded_cases() -> tuple[str, ...]:
    """Names of the cases shipped with pestle."""
    return tuple(sorted(p.parent.name for p in CASES_DIR.glob("*/case.yaml")))


def case_folder(name_or_path: str | Path = DEFAULT_CASE) -> Path:
    """The folder of a case given by embedded name, folder or case.yaml path."""
    path = Path(name_or_path)
    if path.is_file() and path.name == "case.yaml":
        return path.parent.resolve()
    if (path / "case.yaml").is_file():
        return path.resolve()
    if isinstance(name_or_path, str) and (CASES_DIR / name_or_path / "case.yaml").is_file():
        return (CASES_DIR / name_or_path).resolve()
    if path.is_dir():
        raise InputError(f"{path}: not a case folder (no case.yaml in it)")
    known = ", ".join(embedded_cases()) or "none"
    raise InputError(
        f"{name_or_path}: no such case; give a folder with a case.yaml or an embedded case "
        f"({known})"
    )


def case_paths(name_or_path: str | Path = DEFAULT_CASE) -> tuple[Path, ...]:
    """The folders a case is made of (what `pestle report --watch` watches): its own folder
    only, since every file a case reads lies inside it (`pestle.case.paths`)."""
    return (case_folder(name_or_path),)


def load_case(name_or_path: str | Path = DEFAULT_CASE) -> Case:
    """Read, resolve and check a case; `CaseError`/`ParseError` name file and line.

    A case whose files are byte for byte those of a case loaded before in this process is
    that case again (a `Case` is frozen): a server, a notebook or `report --watch` builds
    again and again from the same files, and reading and checking them took a tenth of a
    rebuild's time, where reading their bytes to compare takes a hundredth of that."""
    folder = case_folder(name_or_path)
    problem = problem_of(folder, "case.yaml")  # the one file not named in case.yaml
    if problem is not None:
        raise CaseError(f"case.yaml: {problem}", folder / "case.yaml")
    content = _content_key(folder)
    with _lock:
        kept = next((case for key, case in _kept if key == content), None)
    if kept is not None:
        return kept
    info = _read_info(folder / "case.yaml")
    with case_language(info.language):  # the language of a text written as one string
        case = _load(folder, info)
    with _lock:
        _kept.insert(0, (content, case))
        del _kept[KEPT:]
    return case


KEPT = 4  # cases kept by content (a server may hold a few)
_kept: list[tuple[str, Case]] = []
_lock = Lock()


def _content_key(folder: Path) -> str:
    """sha256 of every file under `folder` (path and bytes), with the folder's path: what
    a loaded case depends on (every file a case reads lies inside its folder). A symbolic
    link counts by where it points, never by what it points to: nothing outside the folder
    is read (the load itself refuses such a link if the case names it)."""
    digest = hashlib.sha256(str(folder.resolve()).encode())
    for top, dirs, files in os.walk(folder):  # links to folders are not followed
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for file in sorted(files):
            path = Path(top, file)
            name = path.relative_to(folder).as_posix().encode()
            try:
                data = (
                    b"-> " + os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
                )
            except OSError:  # unreadable: no key that could match, the load says what is wrong
                return uuid.uuid4().hex
            digest.update(b"%d\0%s\0%d\0" % (len(name), name, len(data)))
            digest.update(data)
    return digest.hexdigest()


def _load(folder: Path, info: CaseInfo) -> Case:
    documents = load_documents(folder, info)
    references = load_references({k: folder / r.path for k, r in info.references.items()})
    labels = {name: label for r in info.references.values() for name, label in r.labels.items()}
    if labels:
        references = references.model_copy(update={"labels": labels})
    default_document = next(iter(info.documents))
    entity_files = tuple(_files(folder, info.entities, "entities"))
    entities = _read_all(entity_files, default_document, _entities)
    _check_unique_ids(entities, "entity")
    factor_files = tuple(_files(folder, info.factors, "factors"))
    factors = _read_all(factor_files, default_document, _factors)
    _check_unique_ids(factors, "factor")
    indexes = ev.index_documents(documents)
    verify.check_entities(entities, indexes, references)
    verify.check_factors(factors, entities, indexes, references)
    paths = CasePaths(
        case=folder / "case.yaml",
        documents=tuple(d.path for d in documents),
        references={k: (folder / r.path).resolve() for k, r in info.references.items()},
        entities=entity_files,
        factors=factor_files,
        capacity_reference=info.capacity_reference,
        **{kind: _optional(folder, getattr(info, kind)) for kind in OPTIONAL_FILES},
    )
    return Case(
        id=info.id,
        language=info.language,
        name=info.name,
        region=info.region,
        region_short=info.region_short or info.region,
        target_industry=info.target_industry,
        description=info.description,
        folder=folder,
        documents=tuple(documents),
        entities=tuple(entities),
        factors=tuple(factors),
        references=references,
        paths=paths,
    )


def _optional(folder: Path, name: str | None) -> Path | None:
    """The absolute path of an optional file case.yaml names (None: the case has none)."""
    return None if name is None else (folder / name).resolve()


# -- reading ----------------------------------------------------------------------------------


def _read_info(path: Path) -> CaseInfo:
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise CaseError("case.yaml must be a mapping (id, name, region, ...)", path, 1)
    for key in ("entities", "factors"):
        if isinstance(raw.get(key), str):
            raw[key] = [raw[key]]
    language = raw.get("language", DEFAULT_LANGUAGE)
    if language not in LANGUAGES:
        raise CaseError(
            f"language: unknown language {language!r}; use {', '.join(LANGUAGES)}",
            path,
            line_at(raw, ("language",)),
        )
    with case_language(language):
        info: CaseInfo = _validate(CaseInfo, raw, path)
    _check_paths(path, info, raw)
    return info


def _check_paths(path: Path, info: CaseInfo, raw: LineDict) -> None:
    """Each file case.yaml names exists: a wrong path is an error at its line of case.yaml
    (a file that exists but does not read names that file). An optional file (judgments,
    parameters, ...) that case.yaml does not name takes its default name and may be absent;
    `capacity_reference` must name an entry of `references`. Every path stays inside the
    case folder, with no symbolic link on the way (`pestle.case.paths`)."""
    folder = path.parent
    for key in ("entities", "factors"):
        for i, pattern in enumerate(getattr(info, key)):
            check_inside(folder, pattern, f"{key}[{i}]", path, line_at(raw, (key, i)))
    for group, specs in (("documents", info.documents), ("references", info.references)):
        for key, spec in specs.items():
            line = line_at(raw, (group, key, "path"))
            target = check_inside(folder, spec.path, f"{group}.{key}.path", path, line)
            if target.is_file():
                continue
            problem = "is a folder, not a file" if target.is_dir() else "no such file"
            raise CaseError(f"{group}.{key}.path: {spec.path}: {problem}", path, line)
    for kind in OPTIONAL_FILES:
        name = getattr(info, kind)
        if name is None:
            continue
        # a default name is checked too: a link named judgments.yaml would be read
        target = check_inside(folder, name, kind, path, line_at(raw, (kind,)))
        if kind not in info.model_fields_set or target.is_file():
            continue
        problem = "is a folder, not a file" if target.is_dir() else "no such file"
        raise CaseError(f"{kind}: {name}: {problem}", path, line_at(raw, (kind,)))
    for key in ("capacity_reference",):
        reference = getattr(info, key)
        if reference is not None and reference not in info.references:
            known = ", ".join(info.references) or "none"
            raise CaseError(
                f"{key}: {reference!r} is not an entry of references (known: {known})",
                path,
                line_at(raw, (key,)),
            )


def _read_all(files: Sequence[Path], default_document: str, read: Any) -> list[Any]:
    items: list[Any] = []
    for path in files:
        raw = load_yaml(path)
        if raw is None:
            continue
        if not isinstance(raw, list):
            raise CaseError("expected a list of items (- id: ...)", path, line_of(raw) or 1)
        items.extend(read(raw, path, default_document))
    return items


def _files(folder: Path, patterns: Sequence[str], key: str) -> Iterator[Path]:
    """The files the glob `patterns` match (checked inside the folder by `_check_paths`);
    a match that is a symbolic link, or inside a linked folder, is refused."""
    seen: set[Path] = set()
    for pattern in patterns:
        for path in sorted(folder.glob(pattern)):
            problem = problem_of(folder, str(path.relative_to(folder)))
            if problem is not None:
                raise CaseError(f"{key}: {pattern}: {problem}", folder / "case.yaml")
            if path.is_file() and path not in seen:
                seen.add(path)
                yield path


def _entities(raw: LineList, path: Path, default_document: str) -> Iterator[CaseEntity]:
    for index, item in enumerate(raw):
        line = line_of(raw, index)
        if not isinstance(item, dict):
            raise CaseError("each entity must be a mapping (id, kind, name, ...)", path, line)
        if item.get("kind") not in ENTITY_KINDS:
            raise CaseError(
                f"kind {item.get('kind')!r} is not one of: {', '.join(ENTITY_KINDS)}",
                path,
                line_of(item, "kind"),
            )
        fields = _common(item, path, default_document)
        attributes = item.get("attributes")
        if isinstance(attributes, LineDict):
            fields["attribute_lines"] = {str(k): v for k, v in attributes.key_lines.items()}
        yield _validate(CaseEntity, fields, path, item)


def _factors(raw: LineList, path: Path, default_document: str) -> Iterator[Factor]:
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            raise CaseError(
                "each factor must be a mapping (id, dimension, ...)", path, line_of(raw, index)
            )
        fields = _common(item, path, default_document)
        series = item.get("series")
        if isinstance(series, list):
            fields["series_lines"] = [line_of(series, i) for i in range(len(series))]
        yield _validate(Factor, fields, path, item)


def _common(item: LineDict, path: Path, default_document: str) -> dict[str, Any]:
    """Fields of an entity/factor with file, line and defaults filled in."""
    for key in _INTERNAL:
        if key in item:
            raise CaseError(f"{key}: Extra inputs are not permitted", path, line_of(item, key))
    fields: dict[str, Any] = dict(item)
    fields["file"] = str(path)
    fields["line"] = item.line
    links = item.get("evidence")
    if isinstance(links, list):
        fields["evidence"] = [
            {"document": default_document, **link, "file": str(path), "line": line_of(links, i)}
            if isinstance(link, dict)
            else link
            for i, link in enumerate(links)
        ]
    refs = item.get("references")
    if isinstance(refs, list):
        fields["references"] = [
            _reference_link(r, path, line_of(refs, i)) for i, r in enumerate(refs)
        ]
    return fields


def _reference_link(raw: Any, path: Path, line: int | None) -> Any:
    if isinstance(raw, str):
        return {"reference": raw, "file": str(path), "line": line}
    if isinstance(raw, dict):
        fields = {**raw, "file": str(path), "line": line}
        if isinstance(raw.get("attributes"), list):
            fields["attributes"] = {str(a): str(a) for a in raw["attributes"]}
        return fields
    return raw


def _validate(cls: type[BaseModel], fields: Mapping[str, Any], path: Path, raw: Any = None) -> Any:
    try:
        return cls.model_validate(fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [p for p in err["loc"] if not _is_type_tag(p)]
        where = ".".join(str(p) for p in loc)
        message = err["msg"].removeprefix("Value error, ")
        line = line_at(raw if raw is not None else fields, loc)
        owner = f"{fields.get('id')}: " if isinstance(fields.get("id"), str) else ""
        raise CaseError(f"{owner}{where + ': ' if where else ''}{message}", path, line) from None


# filled in by the loader, not by people
_INTERNAL = ("file", "line", "attribute_lines", "series_lines")


def _is_type_tag(part: Any) -> bool:
    """Parts of a pydantic error location that name a type, not a key of the data."""
    return isinstance(part, str) and ("[" in part or part in {"str", "int", "float", "bool"})


def _check_unique_ids(items: Sequence[CaseEntity | Factor], what: str) -> None:
    seen: dict[str, CaseEntity | Factor] = {}
    for item in items:
        if item.id in seen:
            first = seen[item.id]
            raise CaseError(
                f"{what} id {item.id!r} is used twice (first at {first.file}:{first.line})",
                item.file,
                item.line,
            )
        seen[item.id] = item


__all__ = ["DEFAULT_CASE", "Document", "case_folder", "embedded_cases", "load_case"]
