"""Read-side queries for queues and the request detail, returning plain data that any front end can show.

Personal data is masked here, so no list or detail can leak it by accident.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from models.core.clock import now, working_days
from models.core.errors import UserError
from models.core.text import mask_name, mask_personal, mask_phone
from models.core.vocabulary import ACTION_LABELS, OPEN_STATUSES, STATUS_LABELS
from models.people.areas import display_names
from models.people.permissions import (
    Actor,
    PermissionDenied,
    handles,
    may,
    my_work,
    reaches_request,
    visible,
)
from models.requests.intake import Routing, routing_for_code
from models.requests.workflow import check_merge, cited_routing, get_request, possible_actions
from models.store.tables import Area, CatalogItem, Department, Request, RequestEvent

RECENT_DAYS = 45  # how far back a search looks through the date index before it scans everything
TYPED_REF = re.compile(r"(?:XS-(\d{4})-)?(\d{1,9})")  # XS-2026-002199, or its number part 2199 / 002199
CANDIDATES = 5  # refs named when what was typed does not pick out one request


@dataclass(frozen=True)
class RequestRow:
    id: int
    ref: str
    created_at: datetime
    status: str
    title: str
    department: str
    item_name: str
    duty: str
    grid: str
    overdue: bool

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class EventRow:
    at: datetime
    actor: str
    action: str
    from_status: str | None
    to_status: str | None
    note: str
    data: dict[str, object]
    item: str | None = None  # the catalog item the event cites (a 退单 as not our duty), as "[code] name"

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


@dataclass(frozen=True)
class RequestDetail:
    id: int
    ref: str
    version: int
    status: str
    title: str
    text: str
    location: str
    grid: str
    channel: str
    kind: str
    urgency: str
    resident_name: str
    resident_phone: str
    item_code: str | None
    item_name: str | None
    duty: str | None
    match_score: float | None
    confirmed_by: str | None
    department: str | None
    department_id: int | None
    created_at: datetime
    due_at: datetime | None
    resolution: str
    satisfaction: str | None
    duplicate_of: str | None
    routing: Routing
    events: list[EventRow]
    actions: list[str]
    paused_since: datetime | None = None
    extension_days_pending: int | None = None
    hours_spent: float | None = None
    cited_department_id: int | None = None  # the unit of the item the last 退单 cites, while it waits for dispatch

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def dispatch_to(self) -> int | None:
        """The unit a dispatch is offered first: the one the last 退单 says the work belongs to, with its evidence,
        else the one the request is routed to now."""
        return self.cited_department_id or self.department_id

    @property
    def overdue(self) -> bool:
        return (
            self.status in OPEN_STATUSES
            and self.paused_since is None
            and self.due_at is not None
            and self.due_at < now()
        )

    def deadline_words(self) -> str:
        """The completion limit as a worker reads it: working days left, or how many working days late."""
        if self.due_at is None or self.status not in OPEN_STATUSES:
            return ""
        if self.paused_since is not None:
            return f"已暂停计时（自 {self.paused_since:%m-%d}）"
        current = now()
        if self.due_at < current:
            return f"已超期 {max(1, working_days(self.due_at, current))} 个工作日"
        left = working_days(current, self.due_at)
        return "今天到期" if left == 0 else f"还剩 {left} 个工作日"


def _filtered(status: str | None, search: str | None, actor: Actor | None = None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = visible(actor) if actor is not None else []
    if status == "mine":
        conditions.append(my_work(actor))
    elif status == "open":
        conditions.append(col(Request.status).in_(OPEN_STATUSES))
    elif status == "overdue":
        conditions.extend([col(Request.status).in_(OPEN_STATUSES), col(Request.due_at) < now()])
    elif status == "unrouted":  # 待确认: saved without an accepted suggestion, so no department until one is confirmed
        conditions.extend([col(Request.status).in_(OPEN_STATUSES), col(Request.department_id).is_(None)])
    elif status:
        conditions.append(col(Request.status) == status)
    if search:
        typed = search.strip().lower()
        pattern = f"%{search.strip()}%"
        # digits search the number part of refs (2201 → XS-2026-002201): in the whole ref, 2 or 20 found every
        # request of the year
        in_ref = f"XS-____-%{typed}%" if typed.isdigit() and typed.isascii() else pattern
        matches = [
            col(Request.title).like(pattern),
            col(Request.text).like(pattern),
            col(Request.ref).like(in_ref),
            col(Request.location).like(pattern),
        ]
        if len(typed) >= 2 and typed.isascii() and typed.isalnum():  # ldzy → 楼道座椅
            matches.append(col(Request.title_initials).like(f"%{typed}%"))
        conditions.append(or_(*matches))
    return conditions


def count_requests(
    session: Session, status: str | None = None, search: str | None = None, actor: Actor | None = None
) -> int:
    conditions = _filtered(status, search, actor)
    return int(session.exec(select(func.count()).select_from(Request).where(*conditions)).one())


def list_requests(
    session: Session,
    status: str | None = None,
    search: str | None = None,
    *,
    limit: int = 200,
    offset: int = 0,
    actor: Actor | None = None,
) -> list[RequestRow]:
    """Newest first, one page at a time, with department, item and grid names joined in SQL."""
    grid = aliased(Area)
    stamp = now()
    columns: list[Any] = [
        Request.id,
        Request.ref,
        Request.created_at,
        Request.status,
        Request.title,
        Request.due_at,
        Department.name,
        CatalogItem.name,
        CatalogItem.duty,
        grid.name,
        Request.resident_name,
    ]
    conditions = _filtered(status, search, actor)

    def page(*extra: ColumnElement[bool], by_index: bool) -> list[Any]:
        newest = col(Request.created_at).desc() if by_index else _sorted_not_indexed()
        return list(
            session.exec(
                select(*columns)
                .join(Department, col(Request.department_id) == Department.id, isouter=True)
                .join(CatalogItem, col(Request.item_id) == CatalogItem.id, isouter=True)
                .join(grid, col(Request.area_id) == grid.id, isouter=True)
                .where(*conditions, *extra)
                .order_by(newest, col(Request.id).desc())
                .limit(limit)
                .offset(offset)
            ).all()
        )

    if not search:
        rows = page(by_index=True)
    else:
        # A text search cannot use an index. Walking the date index newest-first is instant when matches are
        # common but visits every row through the index when they are rare (2–3 s at 1M rows), where a scan and
        # a sort stays near half a second. So: the recent weeks through the index first, which fills the first
        # page of any common search; only a rarer one pays for the full scan.
        rows = []
        if offset == 0:
            rows = page(col(Request.created_at) >= now() - timedelta(days=RECENT_DAYS), by_index=True)
        if len(rows) < limit:
            rows = page(by_index=False)
    return [
        RequestRow(
            id=rid,
            ref=ref,
            created_at=created,
            status=st,
            title=mask_personal(title, [resident or ""]),  # a list anyone at the terminal may read over a shoulder
            department=dept or "",
            item_name=item or "",
            duty=duty or "",
            grid=grid_name or "",
            overdue=st in OPEN_STATUSES and due is not None and due < stamp,
        )
        for rid, ref, created, st, title, due, dept, item, duty, grid_name, resident in rows
    ]


def request_detail(session: Session, request_id: int, actor: Actor | None = None) -> RequestDetail:
    """One request as the detail screen shows it; out of the operator's reach it is refused, not shown."""
    request = get_request(session, request_id)
    if actor is not None and not reaches_request(actor, request):
        raise PermissionDenied(f"{request.ref} 不在您的工作范围内")
    item = session.get(CatalogItem, request.item_id) if request.item_id else None
    department = session.get(Department, request.department_id) if request.department_id else None
    area = session.get(Area, request.area_id) if request.area_id else None
    duplicate = session.get(Request, request.duplicate_of) if request.duplicate_of else None
    events = session.exec(
        select(RequestEvent).where(RequestEvent.request_id == request.id).order_by(col(RequestEvent.id))
    ).all()
    data = [json.loads(e.data or "{}") for e in events]
    cited = {str(d["item"]) for d in data if d.get("item")}
    items = (
        dict(session.exec(select(CatalogItem.code, CatalogItem.name).where(col(CatalogItem.code).in_(cited))).all())
        if cited
        else {}
    )
    claim = cited_routing(session, request)  # the last 退单's evidence, while it waits for dispatch
    resident = [request.resident_name or ""]
    assert request.id is not None
    return RequestDetail(
        id=request.id,
        ref=request.ref,
        version=request.version,
        status=request.status,
        # the resident's words as written, but their phones, ID numbers and name masked like the contact fields
        # below; the full number is one audited reveal away (personal_data.reveal_contact)
        title=mask_personal(request.title, resident),
        text=mask_personal(request.text, resident),
        location=mask_personal(request.location, resident),
        grid=area.name if area else "",
        channel=request.channel,
        kind=request.kind,
        urgency=request.urgency,
        resident_name=mask_name(request.resident_name),
        resident_phone=mask_phone(request.resident_phone),
        item_code=item.code if item else None,
        item_name=item.name if item else None,
        duty=item.duty if item else None,
        match_score=request.match_score,
        confirmed_by=request.match_confirmed_by,
        department=department.name if department else None,
        department_id=request.department_id,
        created_at=request.created_at,
        due_at=request.due_at,
        resolution=mask_personal(request.resolution, resident),
        satisfaction=request.satisfaction,
        duplicate_of=duplicate.ref if duplicate else None,
        routing=routing_for_code(session, item.code if item else None, department.name if department else None),
        events=[
            EventRow(
                e.at,
                e.actor,
                e.action,
                e.from_status,
                e.to_status,
                mask_personal(e.note, resident),
                d,
                item=f"[{d['item']}] {items.get(str(d['item']), '')}".rstrip() if d.get("item") else None,
            )
            for e, d in zip(events, data, strict=True)
        ],
        actions=[
            a for a in possible_actions(request) if actor is None or (may(actor, a) and handles(actor, a, department))
        ],
        paused_since=request.paused_at,
        extension_days_pending=request.extension_days_pending,
        hours_spent=request.hours_spent,
        cited_department_id=claim[1] if claim else None,
    )


def request_by_ref(session: Session, typed: str, actor: Actor | None = None) -> Request:
    """The request a person means by the ref they type: the full ref (XS-2026-002199) or its number part (2199).

    Never the internal id: nobody sees it, and 2199 once took id 2199 (XS-2026-001994), a different request. Only
    requests within the operator's reach count. A bare number means this year's ref when one is within reach (the
    work people talk about is this year's); otherwise a number in two other years, or none, is refused with the refs
    that might be meant and that the operator may see. A bare number can still name another year's request, when
    that is the only one within reach: callers about to write show the ref found, whose year says so.
    """
    text = typed.strip().upper()
    matched = TYPED_REF.fullmatch(text)
    if matched is None:
        raise UserError(f"“{typed.strip()}” 不是诉求编号：请输入完整编号（如 XS-2026-000123）或其数字部分（如 123）")
    year, number = matched.groups()
    suffix = f"-{int(number):06d}"
    reach = visible(actor) if actor is not None else []

    def refs(pattern: str) -> list[Request]:
        query = select(Request).where(col(Request.ref).like(pattern), *reach)
        return list(session.exec(query.order_by(col(Request.ref).desc()).limit(CANDIDATES + 1)).all())

    found = refs(f"XS-{year}{suffix}" if year else f"XS-%{suffix}")
    if not year:  # this year's, when it is within reach (a year has one ref of each number)
        found = [r for r in found if r.ref.startswith(f"XS-{now().year}-")] or found
    if len(found) == 1:
        return found[0]
    if found:
        named = "、".join(r.ref for r in found[:CANDIDATES])
        raise UserError(f"编号 {number} 对应多条诉求：{named}，请输入完整编号")
    nearby = refs(f"XS-____-%{int(number)}%") if int(number) else []  # the digits in the number part
    hint = f"；相近的编号：{'、'.join(r.ref for r in nearby[:CANDIDATES])}" if nearby else ""
    raise UserError(f"找不到编号为 {text} 的诉求{hint}")


@dataclass(frozen=True)
class MergeTarget:
    """The request a typed ref names, as the merge confirmation shows it before anything is written."""

    id: int
    ref: str
    title: str
    status: str
    this_year: bool  # False: an earlier year's request, which a bare number finds when it is the only one

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def year(self) -> str:
        return self.ref.split("-")[1]


def merge_target(session: Session, request_id: int, typed: str, actor: Actor) -> MergeTarget:
    """What merging request `request_id` into the typed ref would merge it into, refused now if the merge would be:
    a merge hides a request from every work list, so the operator confirms the target with its title and status in
    front of them (a bare 14 once merged a new complaint into last year's closed XS-2025-000014)."""
    into = request_by_ref(session, typed, actor)
    check_merge(get_request(session, request_id), into, actor)
    assert into.id is not None
    title = mask_personal(into.title, [into.resident_name or ""])
    return MergeTarget(into.id, into.ref, title, into.status, into.ref.startswith(f"XS-{now().year}-"))


def list_grids(session: Session, actor: Actor | None = None) -> list[tuple[int, str]]:
    """The grids a request may be logged in: all of them, or those within the operator's reach."""
    grids = sorted(display_names(session, "grid").items(), key=lambda g: g[1])
    if actor is None or actor.sees_everything:
        return grids
    return [(i, n) for i, n in grids if actor.area_ids and i in actor.area_ids]


def list_departments(session: Session) -> list[tuple[int, str, str]]:
    rows = session.exec(select(Department.id, Department.name, Department.level).order_by(Department.name)).all()
    return [(i, n, lvl) for i, n, lvl in rows if i is not None]


def _sorted_not_indexed() -> Any:
    """created_at DESC in a form the planner will not walk the index for (coalesce is portable; PostgreSQL plans
    either form well)."""
    return func.coalesce(col(Request.created_at), col(Request.created_at)).desc()
