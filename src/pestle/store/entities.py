"""Entities and their evidence links, versioned by key: a changed entity is a new version.

Each evidence reference (document, section, quote) is resolved, when saved, to the claim of
the document's latest revision whose text equals the quote (and whose section matches, when
the reference names one). A reference that resolves to nothing is stored with no claim and
reported back as unresolved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, func, insert, select

from pestle.errors import StoreError
from pestle.model import Entity, EvidenceRef
from pestle.store.results import EntitySaveResult
from pestle.store.schema import ClaimRow, DocumentRow, EntityRow, LinkRow, RevisionRow, utcnow

entities_table = EntityRow.__table__
links_table = LinkRow.__table__


def _evidence_key(ref: EvidenceRef) -> tuple[str, str | None, str, str | None]:
    return (ref.document, ref.section, ref.quote, ref.attribute)


def _latest_rows(conn: Connection, keys: Iterable[str] | None = None) -> list[Any]:
    newest = select(EntityRow.key, func.max(EntityRow.version).label("version")).group_by(
        EntityRow.key
    )
    if keys is not None:
        newest = newest.where(EntityRow.key.in_(list(keys)))
    sub = newest.subquery()
    query = (
        select(*entities_table.c)
        .join(sub, (EntityRow.key == sub.c.key) & (EntityRow.version == sub.c.version))
        .order_by(EntityRow.key)
    )
    return list(conn.execute(query))


def _links_of(conn: Connection, entity_ids: list[int]) -> dict[int, list[EvidenceRef]]:
    out: dict[int, list[EvidenceRef]] = defaultdict(list)
    if not entity_ids:
        return out
    rows = conn.execute(
        select(*links_table.c).where(LinkRow.entity_id.in_(entity_ids)).order_by(LinkRow.id)
    )
    for r in rows:
        out[r.entity_id].append(
            EvidenceRef(
                document=r.document, section=r.section, quote=r.quote, attribute=r.attribute
            )
        )
    return out


def load_entities(conn: Connection) -> list[Entity]:
    """The latest version of every stored entity, with its evidence, ordered by key."""
    rows = _latest_rows(conn)
    links = _links_of(conn, [r.id for r in rows])
    return [
        Entity(
            id=r.key,
            kind=r.kind,
            name=r.name,
            attributes=r.attributes,
            evidence=tuple(links.get(r.id, ())),
        )
        for r in rows
    ]


def _resolve(conn: Connection, ref: EvidenceRef) -> int | None:
    latest = (
        select(RevisionRow.id)
        .join(DocumentRow, DocumentRow.id == RevisionRow.document_id)
        .where(DocumentRow.name == ref.document)
        .order_by(RevisionRow.number.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = select(ClaimRow.id).where(ClaimRow.revision_id == latest, ClaimRow.text == ref.quote)
    if ref.section is not None:
        query = query.where(ClaimRow.section == ref.section)
    return conn.execute(query.order_by(ClaimRow.position).limit(1)).scalar()


def save_entities(conn: Connection, entities: Iterable[Entity]) -> EntitySaveResult:
    """Write a new version of each entity that differs from its latest stored version."""
    items = list(entities)
    ids = [e.id for e in items]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise StoreError(f"entities given twice: {', '.join(twice)}")
    latest = {r.key: r for r in _latest_rows(conn, ids)}
    stored_links = _links_of(conn, [r.id for r in latest.values()])
    saved = unchanged = links = 0
    unresolved: list[EvidenceRef] = []
    for entity in items:
        before = latest.get(entity.id)
        if before is not None and (
            before.kind == entity.kind
            and before.name == entity.name
            and before.attributes == dict(entity.attributes)
            and [_evidence_key(x) for x in stored_links.get(before.id, [])]
            == [_evidence_key(x) for x in entity.evidence]
        ):
            unchanged += 1
            continue
        entity_id = conn.execute(
            insert(entities_table)
            .values(
                key=entity.id,
                version=1 if before is None else before.version + 1,
                kind=entity.kind,
                name=entity.name,
                attributes=dict(entity.attributes),
                created_at=utcnow(),
            )
            .returning(entities_table.c.id)
        ).scalar_one()
        saved += 1
        rows = []
        for ref in entity.evidence:
            claim_id = _resolve(conn, ref)
            if claim_id is None:
                unresolved.append(ref)
            rows.append(
                {
                    "entity_id": entity_id,
                    "document": ref.document,
                    "section": ref.section,
                    "quote": ref.quote,
                    "attribute": ref.attribute,
                    "claim_id": claim_id,
                }
            )
        if rows:
            conn.execute(insert(links_table), rows)
            links += len(rows)
    return EntitySaveResult(
        saved=saved, unchanged=unchanged, links=links, unresolved=tuple(unresolved)
    )
