"""The catalog as a worker browses it: items filtered by text, duty and department, and one item in depth
(its hours, what the matcher learned for it, the latest requests routed to it).

A street's catalog has hundreds of items, so the list is read once and filtered in memory as the user types;
the depth view is three small indexed queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlalchemy import select as sa_select  # sqlmodel's select types at most four columns
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from models.core.text import mask_personal, pinyin_initials
from models.core.vocabulary import CUT_DUTIES, DUTY_LABELS, OPEN_STATUSES, STATUS_LABELS
from models.people.permissions import Actor, visible
from models.store.tables import CatalogItem, Department, MatchExample, Request


@dataclass(frozen=True)
class CatalogRow:
    code: str
    name: str
    category: str
    duty: str
    department: str
    department_id: int | None
    hours_per_year: float
    effective_from: date | None
    merged_into: str | None
    keywords: str
    initials: str

    @property
    def cut(self) -> bool:
        return self.duty in CUT_DUTIES

    @property
    def duty_label(self) -> str:
        return DUTY_LABELS.get(self.duty, self.duty)

    def matches(self, text: str, duty: str | None = None, department_id: int | None = None) -> bool:
        if duty and self.duty != duty:
            return False
        if department_id is not None and self.department_id != department_id:
            return False
        text = text.strip()
        if not text:
            return True
        typed = text.lower()
        return (
            text in self.name
            or typed in self.code.lower()
            or text in self.keywords
            or text in self.category
            or text in self.department
            or (len(typed) >= 2 and typed.isascii() and typed.isalnum() and typed in self.initials)
        )


@dataclass(frozen=True)
class ItemOverview:
    row: CatalogRow
    description: str
    examples: int
    example_texts: list[str]
    requests: int
    open_requests: int
    recent: list[tuple[str, datetime, str, str]]  # ref, created, status label, title


def catalog_rows(session: Session) -> list[CatalogRow]:
    return catalog_rows_for(session, list(session.exec(select(CatalogItem).order_by(col(CatalogItem.code))).all()))


def item_overview(session: Session, code: str, actor: Actor, recent: int = 8, examples: int = 5) -> ItemOverview:
    """One item in depth, as far as this operator may see: the counts, the latest requests and the learned texts
    come from requests within their reach only (a grid worker saw other streets' refs and titles), and every text
    is masked, the resident's own name included."""
    from models.core.errors import UserError

    item = session.exec(select(CatalogItem).where(CatalogItem.code == code)).first()
    if item is None or item.id is None:
        raise UserError(f"清单中没有事项 “{code}”")
    (row,) = catalog_rows_for(session, [item])
    reach = visible(actor)
    # a learned text without a request (a labelled history file's row, a seed) names nobody's request: everyone's
    own = col(MatchExample.request_id).is_(None) | col(MatchExample.request_id).in_(select(Request.id).where(*reach))
    learned: list[ColumnElement[bool]] = [col(MatchExample.item_id) == item.id, *([own] if reach else [])]
    example_count = session.exec(select(func.count()).select_from(MatchExample).where(*learned)).one()
    texts = session.exec(
        select(MatchExample.text, Request.resident_name)
        .join(Request, col(Request.id) == MatchExample.request_id, isouter=True)
        .where(*learned)
        .order_by(col(MatchExample.id).desc())
        .limit(examples)
    ).all()
    total, open_ = session.exec(
        select(func.count(), func.count().filter(col(Request.status).in_(OPEN_STATUSES))).where(
            Request.item_id == item.id, *reach
        )
    ).one()
    latest = session.execute(
        sa_select(col(Request.ref), col(Request.created_at), col(Request.status), col(Request.title))
        .add_columns(col(Request.resident_name))
        .where(col(Request.item_id) == item.id, *reach)
        .order_by(col(Request.created_at).desc())
        .limit(recent)
    ).all()
    return ItemOverview(
        row=row,
        description=item.description,
        examples=int(example_count),
        example_texts=[mask_personal(text, [name or ""]) for text, name in texts],
        requests=int(total),
        open_requests=int(open_ or 0),
        recent=[
            (ref, at, STATUS_LABELS.get(st, st), mask_personal(title, [name or ""]))
            for ref, at, st, title, name in latest
        ],
    )


def catalog_rows_for(session: Session, items: list[CatalogItem]) -> list[CatalogRow]:
    names = dict(session.exec(select(Department.id, Department.name)).all())
    return [
        CatalogRow(
            code=i.code,
            name=i.name,
            category=i.category,
            duty=i.duty,
            department=names.get(i.department_id, "") if i.department_id else "",
            department_id=i.department_id,
            hours_per_year=i.hours_per_year,
            effective_from=i.effective_from,
            merged_into=i.merged_into,
            keywords=i.keywords,
            initials=pinyin_initials(i.name),
        )
        for i in items
    ]
