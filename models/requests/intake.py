"""Logging a resident's request (登记) and deciding where it goes.

The routing decision is made here, once, and shown to the worker in words: a request that matches a duty the
street no longer carries goes to the department that owns it now, and the intake says so.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete
from sqlmodel import Session, col, select

from models.catalog.departments import get_or_create_department, guess_level
from models.core.clock import now
from models.core.errors import UserError
from models.core.text import drop_controls, pinyin_initials
from models.core.vocabulary import CHANNELS, REQUEST_KINDS, URGENCIES, Action, Duty
from models.matching.levels import MIN_AUTO_SCORE
from models.people.permissions import PermissionDenied, reaches, require
from models.requests.deadlines import DeadlineRules
from models.requests.rows import request_row
from models.requests.workflow import Actor, record_event, transition
from models.store.refs import reserve
from models.store.tables import (
    CatalogItem,
    Department,
    MatchExample,
    RefCounter,
    Request,
    too_long,
)

if TYPE_CHECKING:  # numpy-backed; loaded by the matcher itself, off the start-up path
    from models.matching.engine import Matcher


@dataclass(frozen=True)
class Routing:
    """Where a request should go and why, in words a grid worker can read out to the resident."""

    item_code: str | None
    item_name: str | None
    duty: str | None
    department: str | None
    message: str
    warning: bool


# a request saved without an accepted suggestion: no item, no department, until someone confirms them
UNROUTED = Routing(None, None, None, None, "未采纳清单建议：已登记为待确认，请在工单“待确认”中确认事项和承办部门", True)


def routing_for(item: CatalogItem | None, department: str | None, merged_target: str | None = None) -> Routing:
    if item is None:
        msg = f"未匹配清单事项：由{department}办理" if department else "未匹配清单事项：请人工确认承办部门"
        return Routing(None, None, None, department, msg, False)
    dept = department or "主管部门"
    duty = item.duty
    messages: dict[str, tuple[str, bool]] = {
        Duty.OWN: (f"基本履职事项：由{dept}办理", False),
        Duty.ASSIST: (f"配合履职事项：由{dept}牵头，街道配合", False),
        Duty.RETURNED: (f"收回事项：由{dept}办理，不由街道承担", True),
        Duty.CANCELLED: (f"已取消事项：街道不再承担，转{dept}处理", True),
        Duty.MERGED: (f"已合并事项：并入“{merged_target or item.merged_into}”，由{dept}办理", False),
    }
    message, warning = messages.get(duty, (f"由{dept}办理", False))
    if item.certificate:
        message, warning = certificate_message(item.name, duty, item.apply_at or dept)
    return Routing(item.code, item.name, duty, department, message, warning)


def certificate_message(name: str, duty: str, apply_at: str) -> tuple[str, bool]:
    """What a resident asking for a certificate is told: the community issues it, or it is not one the community
    issues and where to apply (the catalog's 办理地点)."""
    if duty == Duty.OWN:
        return f"证明事项“{name}”：由社区出具", False
    return f"“{name}”不是社区出具的证明事项，请到{apply_at}办理", True


def routing_for_code(session: Session, code: str | None, department: str | None = None) -> Routing:
    """Routing for an item code: the department follows merges, returned and cancelled items to their owner."""
    if not code:
        return routing_for(None, department)
    item = session.exec(select(CatalogItem).where(CatalogItem.code == code)).first()
    if item is None:
        raise UserError(f"清单中没有事项编码 “{code}”")
    owner = item
    target_name = None
    if item.duty == Duty.MERGED and item.merged_into:
        target = session.exec(select(CatalogItem).where(CatalogItem.code == item.merged_into)).first()
        if target is not None:
            owner, target_name = target, target.name
    if department is None and owner.department_id is not None:
        lead = session.get(Department, owner.department_id)
        department = lead.name if lead else None
    return routing_for(item, department, target_name)


def allocate_refs(session: Session, year: int, count: int) -> list[str]:
    """Reserve `count` consecutive request refs for `year`, safe with concurrent writers on both databases."""
    return [f"XS-{year}-{n:06d}" for n in reserve(session, RefCounter, year, count)]


def remember_routing(
    session: Session,
    text: str,
    item_id: int | None,
    department_id: int | None,
    request_id: int | None,
    source: str,
    matcher: Matcher | None = None,
    item_code: str | None = None,
    department: str | None = None,
    *,
    replace: bool = True,
) -> None:
    """Store a confirmed routing and teach the in-memory matcher at once (no rebuild needed).

    A request has at most one confirmed routing: a correction replaces what was confirmed before, so the matcher
    stops learning the wrong answer (the persisted index rebuilds when it sees the removal).
    """
    if not text.strip() or (item_id is None and department_id is None):
        return
    if request_id is not None and replace:
        if matcher is not None:
            for old_text, old_code, old_department in session.exec(
                select(MatchExample.text, CatalogItem.code, Department.name)
                .join(CatalogItem, col(MatchExample.item_id) == CatalogItem.id, isouter=True)
                .join(Department, col(MatchExample.department_id) == Department.id, isouter=True)
                .where(col(MatchExample.request_id) == request_id)
            ).all():
                matcher.forget_example(old_text, old_code, old_department)
        session.execute(delete(MatchExample).where(col(MatchExample.request_id) == request_id))
    session.add(
        MatchExample(
            text=text,
            item_id=item_id,
            department_id=department_id,
            request_id=request_id,
            source=source,
            created_at=now(),
        )
    )
    if matcher is not None:
        matcher.add_example(text, item_code, department)


def request_text(title: str, text: str) -> str:
    return f"{title} {text}".strip()


@dataclass
class IntakeResult:
    request: Request
    routing: Routing


def log_request(
    session: Session,
    actor: Actor,
    *,
    title: str,
    text: str = "",
    location: str = "",
    channel: str = "walk_in",
    kind: str = "help",
    urgency: str = "normal",
    area_id: int | None = None,
    resident_name: str | None = None,
    resident_phone: str | None = None,
    item_code: str | None = None,
    matcher: Matcher | None = None,
    created_at: datetime | None = None,
    duplicate_of: int | None = None,
    auto_route: bool = True,
) -> IntakeResult:
    """登记: create the request with its routing and deadlines, and write its creation event.

    `item_code` is the suggestion the worker accepted (a confirmed routing the matcher learns from); without
    it the matcher's best suggestion is stored as an unconfirmed routing. `duplicate_of` logs the request and
    merges it into that earlier one at once (both timelines say so; the merge can be undone). `auto_route=False`
    (the intake screen, where the worker saw the suggestions and accepted none) stores no guess at all: the request
    is unrouted (待确认) until someone confirms its item, rather than quietly sent to the first suggestion's owner.
    """
    title, text, location = (drop_controls(v).strip() for v in (title, text, location))
    resident_name, resident_phone = (drop_controls(v or "") for v in (resident_name, resident_phone))
    if not title and not text:
        raise UserError("请填写诉求标题或内容")
    for field, value, label in (
        ("title", title, "标题"),
        ("location", location, "地点"),
        ("resident_name", resident_name, "居民姓名"),
        ("resident_phone", resident_phone, "居民电话"),
    ):
        limit = too_long(Request, field, value)
        if limit is not None:
            more = "，长的内容请写进“详细内容”" if field == "title" else ""
            raise UserError(f"{label}过长（{len(value)} 字，最多 {limit} 字）{more}")
    require(actor, Action.CREATE)
    if not reaches(actor, area_id, None):
        raise PermissionDenied(f"{actor.role_label}只能登记自己负责网格的诉求，请选择所在网格")
    for value, allowed, label in (
        (channel, CHANNELS, "渠道"),
        (kind, REQUEST_KINDS, "类型"),
        (urgency, URGENCIES, "紧急程度"),
    ):
        if value not in allowed:
            raise UserError(f"未知的{label} “{value}”（可用：{'、'.join(allowed)}）")
    confirmed = item_code is not None
    score: float | None = None
    if item_code is None and matcher is not None and auto_route:
        result = matcher.match(title, top=1, body=text)
        if result.suggestions and result.suggestions[0].score >= MIN_AUTO_SCORE:
            item_code, score = result.suggestions[0].code, result.suggestions[0].score
    routing = routing_for_code(session, item_code) if item_code or auto_route else UNROUTED
    item = session.exec(select(CatalogItem).where(CatalogItem.code == item_code)).first() if item_code else None
    department_id = None
    if routing.department:
        department_id = get_or_create_department(session, routing.department, guess_level(routing.department)).id
    created = created_at or now()
    response_due, due = DeadlineRules.load(session).due(created, urgency, item_code, item.category if item else None)
    request = Request(
        **request_row(
            ref=f"~{uuid.uuid4().hex[:24]}",  # the real ref is taken last, see below
            channel=channel,
            kind=kind,
            title=title,
            text=text,
            location=location,
            area_id=area_id,
            resident_name=resident_name,
            resident_phone=resident_phone,
            urgency=urgency,
            item_id=item.id if item else None,
            match_score=score,
            match_confirmed_by=actor.name if confirmed else None,
            department_id=department_id,
            created_at=created,
            response_due_at=response_due,
            due_at=due,
        )
    )
    session.add(request)
    session.flush()
    record_event(
        session,
        request,
        actor,
        Action.CREATE,
        note=routing.message,
        data={"item": item_code, "score": score, "confirmed": confirmed, "department": routing.department},
    )
    if confirmed:
        remember_routing(
            session,
            request_text(title, text),
            request.item_id,
            department_id,
            request.id,
            "intake",
            matcher,
            item_code,
            routing.department,
        )
    # the year's counter row stays locked from here until commit: taking the number last keeps that short while
    # many terminals log at once, without the gaps a separate transaction would leave when a save fails
    (request.ref,) = allocate_refs(session, created.year, 1)
    session.flush()
    if duplicate_of is not None:
        from models.requests.workflow import get_request, merge

        merge(session, request, get_request(session, duplicate_of), actor)
    return IntakeResult(request, routing)


def confirm_routing(
    session: Session,
    request: Request,
    actor: Actor,
    item_code: str | None,
    department: str | None = None,
    matcher: Matcher | None = None,
    expected_version: int | None = None,
) -> Routing:
    """确认事项: set the item (and so the owning department) and teach the matcher."""
    routing = routing_for_code(session, item_code, department)
    item = session.exec(select(CatalogItem).where(CatalogItem.code == item_code)).first() if item_code else None
    department_id = None
    if routing.department:
        department_id = get_or_create_department(session, routing.department, guess_level(routing.department)).id
    transition(
        session,
        request,
        Action.ROUTE,
        actor,
        note=routing.message,
        changes={
            "item_id": item.id if item else None,
            "department_id": department_id,
            "match_confirmed_by": actor.name,
        },
        data={"item": item_code, "department": routing.department},
        expected_version=expected_version,
    )
    remember_routing(
        session,
        request_text(request.title, request.text),
        request.item_id,
        department_id,
        request.id,
        "confirmed",
        matcher,
        item_code,
        routing.department,
    )
    return routing


def warm_up() -> None:
    """Pay first-use costs (the pinyin dictionary, the holiday calendar) before a worker's first save instead of
    during it: 0.3–0.5 s once per process, which showed up as the p95 of logging in benchmarks.load."""
    from models.core.clock import add_working_days

    pinyin_initials("楼道灯不亮")
    add_working_days(now(), 1)
