"""A resident's copy of everything the street keeps about them (Personal Information Protection Law, Article 45):
each request with its timeline, and each opinion on a draft law they gave, unmasked, as the resident gave them.

Opinions are found by the contact the contributor left on the opinion itself, or through a request of theirs that
was passed on as an opinion (such an opinion keeps no contact of its own: the resident's name and phone stay on the
request).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from models.access.audit import record
from models.core.errors import UserError
from models.core.text import json_escapes, mask_name, mask_phone, phone_digits, show_controls
from models.core.vocabulary import Action, Adoption, AuditAction, ContributorKind, OpinionChannel, Privilege, Status
from models.files.export import neutralize
from models.legislation.callbacks import WHOLE_DRAFT
from models.people.permissions import Actor, require
from models.privacy.residents import find_opinions, find_requests
from models.store.tables import (
    Article,
    Consultation,
    Department,
    Opinion,
    OpinionArticle,
    Request,
    RequestEvent,
)


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


@dataclass(frozen=True)
class CopiedOpinion:
    number: int
    consultation: str
    given_on: date
    channel: str
    contributor_kind: str
    text: str
    articles: list[str]  # 第六条…; [全文] for the draft as a whole
    contributor_name: str | None
    contributor_phone: str | None
    consent: bool
    request: str | None  # the ref of the request it came in as
    outcome: str | None
    final_text: str
    outcome_note: str
    informed_at: datetime | None


@dataclass(frozen=True)
class ResidentCopy:
    requests: list[CopiedRequest]
    opinions: list[CopiedOpinion]


def resident_copy(session: Session, actor: Actor, *, phone: str | None = None, name: str | None = None) -> ResidentCopy:
    """Everything kept about one resident, for the resident: an administrator's, recorded before the data leaves;
    the audit names the resident only masked."""
    require(actor, Privilege.RESIDENT_DATA)
    found = find_requests(session, phone=phone, name=name)
    opinions = _opinions(session, find_opinions(session, phone=phone, name=name), found)
    if not found and not opinions:
        raise UserError("没有找到这位居民的诉求或立法意见（电话按号码比对，姓名须与登记的完全一致）")
    if name is not None:
        # a name is not a person: two residents called 赵四海 must not each receive the other's requests
        phones = {phone_digits(r.resident_phone) for r in found} | {phone_digits(o.contributor_phone) for o in opinions}
        phones.discard("")
        if len(phones) > 1:
            raise UserError(
                f"姓名“{mask_name(name)}”登记了 {len(phones)} 个不同的电话，可能不是同一位居民：请用 --phone 导出"
            )
    record(
        session,
        actor,
        AuditAction.PRIVACY_EXPORT,
        resident=mask_phone(phone) if phone else mask_name(name),
        requests=len(found),
        opinions=len(opinions),
    )
    session.commit()  # audited before a byte of it is shown or written
    return ResidentCopy(_copied_requests(session, found), _copied_opinions(session, opinions))


def _opinions(session: Session, own: Sequence[Opinion], requests: Sequence[Request]) -> list[Opinion]:
    """The opinions found by their own contact, and those that came in as one of these requests, once each."""
    through = select(Opinion).where(col(Opinion.request_id).in_([r.id for r in requests])) if requests else None
    linked = session.exec(through).all() if through is not None else []
    return sorted({o.id: o for o in (*own, *linked)}.values(), key=lambda o: o.id or 0)


def _copied_requests(session: Session, found: Sequence[Request]) -> list[CopiedRequest]:
    if not found:
        return []
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


def _copied_opinions(session: Session, opinions: Sequence[Opinion]) -> list[CopiedOpinion]:
    if not opinions:
        return []
    ids = [o.id for o in opinions]
    titles = dict(session.exec(select(Consultation.id, Consultation.title)).all())
    articles: dict[int, list[str]] = {}
    numbered = (
        select(OpinionArticle.opinion_id, Article.number)
        .join(Article, col(Article.id) == col(OpinionArticle.article_id))
        .where(col(OpinionArticle.opinion_id).in_(ids))
        .order_by(col(Article.position))
    )
    for opinion_id, number in session.exec(numbered):
        articles.setdefault(opinion_id, []).append(number or WHOLE_DRAFT)
    request_ids = [o.request_id for o in opinions if o.request_id is not None]
    refs = {r.id: r.ref for r in session.exec(select(Request).where(col(Request.id).in_(request_ids)))}
    return [
        CopiedOpinion(
            number=o.id or 0,
            consultation=titles.get(o.consultation_id, ""),
            given_on=o.given_on,
            channel=OpinionChannel.label_of(o.channel),
            contributor_kind=ContributorKind.label_of(o.contributor_kind),
            text=o.text,
            articles=articles.get(o.id or 0, [WHOLE_DRAFT]),
            contributor_name=o.contributor_name,
            contributor_phone=o.contributor_phone,
            consent=o.consent,
            request=refs.get(o.request_id) if o.request_id is not None else None,
            outcome=Adoption.label_of(o.outcome) or None,
            final_text=o.final_text,
            outcome_note=o.outcome_note,
            informed_at=o.informed_at,
        )
        for o in opinions
    ]


CSV_HEADER = [
    "编号", "登记时间", "标题", "内容", "地点", "姓名", "电话", "状态", "承办部门", "办理结果", "满意度", "类别",
]  # fmt: skip


def _safe(row: Sequence[str]) -> list[str]:
    """A row as a spreadsheet and a terminal may meet it: a cell starting with = + - @ is kept as text (CSV
    injection), and control characters are shown as escapes (an opinion may hold an escape sequence)."""
    return [neutralize(show_controls(cell)) for cell in row]


def render_copy(copy: ResidentCopy, fmt: str) -> str:
    """The copy as JSON (every field, the timelines) or CSV (one row a request, then one an opinion: its draft as
    the title, the articles as the place, its outcome as the status), both UTF-8 text."""
    if fmt == "json":
        return json_escapes(json.dumps(asdict(copy), ensure_ascii=False, indent=2, default=str)) + "\n"
    if fmt != "csv":
        raise UserError(f"--format 应为 json 或 csv，收到 “{fmt}”")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_safe(CSV_HEADER))
    for r in copy.requests:
        when = f"{r.created_at:%Y-%m-%d %H:%M}"
        person = [r.resident_name or "", r.resident_phone or ""]
        outcome = [r.status, r.department or "", r.resolution, r.satisfaction or ""]
        writer.writerow(_safe([r.ref, when, r.title, r.text, r.location, *person, *outcome, "诉求"]))
    for o in copy.opinions:
        person = [o.contributor_name or "", o.contributor_phone or ""]
        answer = "\n".join(part for part in (o.final_text, o.outcome_note) if part)
        outcome = [o.outcome or "待定", "", answer, ""]
        heading = [f"意见#{o.number}", f"{o.given_on:%Y-%m-%d}", o.consultation, o.text, "、".join(o.articles)]
        writer.writerow(_safe([*heading, *person, *outcome, "立法意见"]))
    return out.getvalue()
