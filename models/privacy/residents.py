"""One resident's requests: finding them, giving the resident a copy, erasing the resident from them."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from models.access.audit import record
from models.core.errors import UserError
from models.core.text import mask_name, mask_phone, phone_digits
from models.core.vocabulary import Action, AuditAction, Privilege, Status
from models.legislation.opinions import forget_contributor
from models.people.permissions import Actor, require
from models.requests.workflow import record_event
from models.store.tables import Department, MatchExample, Opinion, Request, RequestEvent

ERASED = "〔已删除〕"
_SEPARATORS = r"[\s\-－—–.()（）]*"
_FULL_WIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}


def phone_pattern(digits: str) -> re.Pattern[str]:
    """The phone as it may appear inside a text: separators between any digits, full-width digits, +86 before it."""
    body = _SEPARATORS.join(f"[{d}{_FULL_WIDTH[d]}]" for d in digits)
    return re.compile(rf"(?:(?:\+|＋)?86{_SEPARATORS}|0086{_SEPARATORS})?{body}(?![0-9０-９])")


def _check_phone(phone: str) -> str:
    digits = phone_digits(phone)
    if not 7 <= len(digits) <= 12:
        raise UserError(f"--phone 应为手机号或带区号的固定电话，收到 {mask_phone(phone) or '空值'}")
    return digits


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if len(name) < 2:
        raise UserError("--name 至少两个字")
    return name


def find_requests(session: Session, *, phone: str | None = None, name: str | None = None) -> list[Request]:
    """The resident's requests, oldest first: by phone (in any writing, the request's own phone field) or by the
    name in the request's name field. Exactly one of the two."""
    if (phone is None) == (name is None):
        raise UserError("请给出 --phone 或 --name 之一")
    query = select(Request).order_by(col(Request.created_at), col(Request.id))
    if phone is not None:
        digits = _check_phone(phone)
        # the last four digits narrow it in SQL whatever the separators; the whole number is compared here
        candidates = session.exec(query.where(col(Request.resident_phone).contains(digits[-4:]))).all()
        return [r for r in candidates if phone_digits(r.resident_phone) == digits]
    assert name is not None
    wanted = _check_name(name)
    return list(session.exec(query.where(col(Request.resident_name) == wanted)).all())


@dataclass(frozen=True)
class CopiedEvent:
    at: datetime
    action: str
    note: str


@dataclass(frozen=True)
class CopiedRequest:
    ref: str
    created_at: datetime
    title: str
    text: str
    location: str
    resident_name: str | None
    resident_phone: str | None
    status: str
    department: str | None
    resolution: str
    satisfaction: str | None
    timeline: list[CopiedEvent]


def resident_copy(
    session: Session, actor: Actor, *, phone: str | None = None, name: str | None = None
) -> list[CopiedRequest]:
    """Everything kept about one resident, for the resident (Article 45): each request and its timeline, unmasked.
    An administrator's, recorded before the data leaves; the audit names the resident only masked."""
    require(actor, Privilege.RESIDENT_DATA)
    found = find_requests(session, phone=phone, name=name)
    if not found:
        raise UserError("没有找到这位居民的诉求（电话按号码比对，姓名须与登记的完全一致）")
    record(
        session,
        actor,
        AuditAction.PRIVACY_EXPORT,
        resident=mask_phone(phone) if phone else mask_name(name),
        requests=len(found),
    )
    session.commit()  # audited before a byte of it is shown or written
    departments = dict(session.exec(select(Department.id, Department.name)).all())
    timelines: dict[int, list[CopiedEvent]] = {}
    events = select(RequestEvent).where(col(RequestEvent.request_id).in_([r.id for r in found]))
    for event in session.exec(events.order_by(col(RequestEvent.id))):
        copied = CopiedEvent(event.at, Action.label_of(event.action), event.note)
        timelines.setdefault(event.request_id, []).append(copied)
    return [
        CopiedRequest(
            ref=r.ref,
            created_at=r.created_at,
            title=r.title,
            text=r.text,
            location=r.location,
            resident_name=r.resident_name,
            resident_phone=r.resident_phone,
            status=Status.label_of(r.status),
            department=departments.get(r.department_id) if r.department_id else None,
            resolution=r.resolution,
            satisfaction=r.satisfaction,
            timeline=timelines.get(r.id or 0, []),
        )
        for r in found
    ]


CSV_HEADER = ["编号", "登记时间", "标题", "内容", "地点", "姓名", "电话", "状态", "承办部门", "办理结果", "满意度"]


def render_copy(copy: Sequence[CopiedRequest], fmt: str) -> str:
    """The copy as JSON (every field and the timeline) or CSV (one row a request), both UTF-8 text."""
    if fmt == "json":
        return json.dumps([asdict(r) for r in copy], ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt != "csv":
        raise UserError(f"--format 应为 json 或 csv，收到 “{fmt}”")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for r in copy:
        when = f"{r.created_at:%Y-%m-%d %H:%M}"
        person = [r.resident_name or "", r.resident_phone or ""]
        outcome = [r.status, r.department or "", r.resolution, r.satisfaction or ""]
        writer.writerow([r.ref, when, r.title, r.text, r.location, *person, *outcome])
    return out.getvalue()


def scrub(text: str, patterns: Iterable[re.Pattern[str]], names: Iterable[str]) -> str:
    for pattern in patterns:
        text = pattern.sub(ERASED, text)
    for name in names:
        if len(name) >= 2:
            text = text.replace(name, ERASED)
    return text


def anonymize(session: Session, actor: Actor, requests: Sequence[Request], note: str) -> None:
    """Take the residents out of these requests: the name and phone fields emptied, and each resident's own name
    and phone (in any writing) replaced in the title, text, location, outcome and learned routing texts. The
    timeline says an erasure happened and why, not what was erased."""
    for request in requests:
        patterns = [phone_pattern(d) for d in {phone_digits(request.resident_phone)} if len(d) >= 7]
        names = [request.resident_name.strip()] if request.resident_name else []
        for field_name in ("title", "text", "location", "resolution"):
            setattr(request, field_name, scrub(getattr(request, field_name), patterns, names))
        request.resident_name = None
        request.resident_phone = None
        session.add(request)
        for example in session.exec(select(MatchExample).where(MatchExample.request_id == request.id)):
            example.text = scrub(example.text, patterns, names)
            session.add(example)
        record_event(session, request, actor, Action.ERASE, note=note)


def find_opinions(session: Session, phone: str) -> list[Opinion]:
    """The opinions on draft laws this person gave and left their phone with (any writing of it)."""
    digits = _check_phone(phone)
    candidates = session.exec(
        select(Opinion).where(col(Opinion.contributor_phone).contains(digits[-4:])).order_by(col(Opinion.id))
    ).all()
    return [o for o in candidates if phone_digits(o.contributor_phone) == digits]


@dataclass(frozen=True)
class Erased:
    requests: int
    opinions: int


def erase_resident(session: Session, actor: Actor, phone: str) -> Erased:
    """Erase one resident from every request and every opinion on a draft law that carries their phone
    (Article 47); how many of each."""
    require(actor, Privilege.RESIDENT_DATA)
    found = find_requests(session, phone=phone)
    opinions = find_opinions(session, phone)
    if not found and not opinions:
        raise UserError("没有找到这位居民的诉求或立法意见，未做任何更改（电话按号码比对）")
    anonymize(session, actor, found, "按居民要求删除个人信息")
    for opinion in opinions:
        patterns = [phone_pattern(phone_digits(opinion.contributor_phone))]
        names = [opinion.contributor_name.strip()] if opinion.contributor_name else []
        forget_contributor(session, opinion, scrub(opinion.text, patterns, names))
    record(
        session, actor, AuditAction.PRIVACY_ERASE, resident=mask_phone(phone), requests=len(found),
        opinions=len(opinions),
    )  # fmt: skip
    return Erased(len(found), len(opinions))
