"""Confirmed routings as a supervisor sees them: listed with their source, and removable when they are wrong.

A bad example teaches the matcher the wrong department for every similar request, so removing one must be easy;
the persisted index notices the removal and rebuilds on the next start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from models.access.audit import record
from models.core.errors import UserError
from models.core.text import mask_personal
from models.core.vocabulary import AuditAction, Privilege
from models.people.permissions import Actor, require
from models.store.tables import CatalogItem, Department, MatchExample, Request


@dataclass(frozen=True)
class ExampleRow:
    id: int
    text: str
    item_code: str | None
    item_name: str | None
    department: str | None
    source: str
    request_ref: str | None
    created_at: datetime


def list_examples(
    session: Session,
    *,
    item_code: str | None = None,
    department: str | None = None,
    search: str | None = None,
    limit: int = 50,
) -> tuple[int, list[ExampleRow]]:
    """(total matching, newest first page) of confirmed routings."""
    conditions: list[Any] = []
    if item_code:
        conditions.append(col(CatalogItem.code) == item_code)
    if department:
        conditions.append(col(Department.name) == department)
    if search:
        conditions.append(col(MatchExample.text).like(f"%{search}%"))

    def base(*columns: Any) -> Any:
        return (
            select(*columns)
            .select_from(MatchExample)
            .join(CatalogItem, col(MatchExample.item_id) == CatalogItem.id, isouter=True)
            .join(Department, col(MatchExample.department_id) == Department.id, isouter=True)
            .join(Request, col(MatchExample.request_id) == Request.id, isouter=True)
            .where(*conditions)
        )

    total = int(session.exec(base(func.count())).one())
    rows = session.exec(
        base(
            MatchExample.id,
            MatchExample.text,
            CatalogItem.code,
            CatalogItem.name,
            Department.name,
            MatchExample.source,
            Request.ref,
            MatchExample.created_at,
            Request.resident_name,
        )
        .order_by(col(MatchExample.id).desc())
        .limit(limit)
    ).all()
    # example texts are residents' words: their names and the phone numbers they dictated are personal data
    return total, [ExampleRow(rid, mask_personal(text, [name or ""]), *rest) for rid, text, *rest, name in rows]


def remove_example(session: Session, actor: Actor, example_id: int) -> ExampleRow:
    """Delete one confirmed routing (an administrator's correction of what the matcher learns, audited); returns
    what was removed so the caller can say it."""
    require(actor, Privilege.REMOVE_EXAMPLES)
    example = session.get(MatchExample, example_id)
    if example is None:
        raise UserError(f"找不到已确认派单样例 #{example_id}")
    item = session.get(CatalogItem, example.item_id) if example.item_id else None
    department = session.get(Department, example.department_id) if example.department_id else None
    request = session.get(Request, example.request_id) if example.request_id else None
    removed = ExampleRow(
        example_id,
        example.text,
        item.code if item else None,
        item.name if item else None,
        department.name if department else None,
        example.source,
        request.ref if request else None,
        example.created_at,
    )
    session.delete(example)
    session.flush()
    record(session, actor, AuditAction.EXAMPLES_REMOVE, example=example_id, text=removed.text[:40])
    return removed


def example_rows(session: Session, after_id: int = 0) -> list[tuple[str, str | None, str | None]]:
    """Confirmed routings as (text, item code, department name), oldest first."""
    rows = session.exec(
        select(MatchExample.text, CatalogItem.code, Department.name)
        .join(CatalogItem, col(MatchExample.item_id) == CatalogItem.id, isouter=True)
        .join(Department, col(MatchExample.department_id) == Department.id, isouter=True)
        .where(col(MatchExample.id) > after_id)
        .order_by(col(MatchExample.id))
    ).all()
    return [(text, code, department) for text, code, department in rows]
