"""One resident's requests and opinions on draft laws: finding them, and erasing the resident from them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from models.access.audit import record
from models.core.errors import UserError
from models.core.text import mask_phone, phone_digits
from models.core.vocabulary import Action, AuditAction, Privilege
from models.legislation.opinions import forget_contributor
from models.people.permissions import Actor, require
from models.requests.workflow import record_event
from models.store.tables import MatchExample, Opinion, Request

ERASED = "〔已删除〕"
_SEPARATORS = r"[\s\-－—–.()（）]*"
_FULL_WIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}


def phone_pattern(digits: str) -> re.Pattern[str]:
    """The phone as it may appear inside a text: separators between any digits, full-width digits, +86 before it."""
    body = _SEPARATORS.join(f"[{d}{_FULL_WIDTH[d]}]" for d in digits)
    return re.compile(rf"(?<![0-9０-９])(?:(?:\+|＋)?86{_SEPARATORS}|0086{_SEPARATORS})?{body}(?![0-9０-９])")


def _carries(phone: str | None, digits: str) -> bool:
    """Whether a stored phone field holds this number: written any way (139 1234 56 78, full width, +86), or beside
    another number or an extension (13912345678/010-62345678, 13912345678转8)."""
    return bool(phone) and (phone_digits(phone) == digits or phone_pattern(digits).search(phone or "") is not None)


def _numbers(phone: str | None) -> set[str]:
    """The numbers a phone field holds, to take out of a text: the whole, and each number of two written side by
    side (13912345678/010-62345678) or before an extension."""
    if not phone:
        return set()
    parts = {phone_digits(part) for part in re.split(r"[/／,，;；、]|转|分机|ext\.?", phone, flags=re.I)}
    return {d for d in {phone_digits(phone), *parts} if len(d) >= 7}


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
        # every stored phone is read: a SQL filter on the last digits missed 139 1234 56 78 (a privacy command,
        # run now and then, can afford to read one column of every request)
        phones = session.exec(
            select(Request.id, Request.resident_phone).where(col(Request.resident_phone).is_not(None))
        )
        ids = [request_id for request_id, stored in phones if _carries(stored, digits)]
        return list(session.exec(query.where(col(Request.id).in_(ids)))) if ids else []
    assert name is not None
    wanted = _check_name(name)
    return list(session.exec(query.where(col(Request.resident_name) == wanted)).all())


def scrub(text: str, patterns: Iterable[re.Pattern[str]], names: Iterable[str]) -> str:
    for pattern in patterns:
        text = pattern.sub(ERASED, text)
    for name in names:
        if len(name) >= 2:
            text = text.replace(name, ERASED)
    return text


def anonymize(session: Session, actor: Actor, requests: Sequence[Request], note: str) -> None:
    """Take the residents out of these requests: the name and phone fields emptied, and each resident's own name
    and phone (in any writing) replaced in the title, text, location, outcome, learned routing texts and the
    opinion a request was passed on as. The timeline says an erasure happened and why, not what was erased."""
    for request in requests:
        patterns = [phone_pattern(d) for d in _numbers(request.resident_phone)]
        names = [request.resident_name.strip()] if request.resident_name else []
        for field_name in ("title", "text", "location", "resolution"):
            setattr(request, field_name, scrub(getattr(request, field_name), patterns, names))
        request.resident_name = None
        request.resident_phone = None
        session.add(request)
        for example in session.exec(select(MatchExample).where(MatchExample.request_id == request.id)):
            example.text = scrub(example.text, patterns, names)
            session.add(example)
        # a 立法意见 request passed on as an opinion: the opinion holds the resident's words too
        for opinion in session.exec(select(Opinion).where(Opinion.request_id == request.id)):
            forget_contributor(session, opinion, scrub(opinion.text, patterns, names))
        record_event(session, request, actor, Action.ERASE, note=note)


def find_opinions(session: Session, *, phone: str | None = None, name: str | None = None) -> list[Opinion]:
    """The opinions on draft laws this person gave and left their phone (in any writing) or name with, oldest
    first. An opinion that came in as a request keeps no contact of its own: it is found through that request."""
    if (phone is None) == (name is None):
        raise UserError("请给出 --phone 或 --name 之一")
    query = select(Opinion).order_by(col(Opinion.id))
    if phone is not None:
        digits = _check_phone(phone)
        candidates = session.exec(query.where(col(Opinion.contributor_phone).is_not(None))).all()
        return [o for o in candidates if _carries(o.contributor_phone, digits)]
    assert name is not None
    return list(session.exec(query.where(col(Opinion.contributor_name) == _check_name(name))).all())


def anonymize_opinions(session: Session, opinions: Sequence[Opinion]) -> None:
    """Take the contributors out of these opinions: name, phone and consent gone, and the contributor's own name
    and number (in any writing) taken out of the text. The words and the outcome stay, so every figure does."""
    for opinion in opinions:
        patterns = [phone_pattern(d) for d in _numbers(opinion.contributor_phone)]
        names = [opinion.contributor_name.strip()] if opinion.contributor_name else []
        forget_contributor(session, opinion, scrub(opinion.text, patterns, names))


@dataclass(frozen=True)
class Erased:
    requests: int
    opinions: int


def erase_resident(session: Session, actor: Actor, phone: str) -> Erased:
    """Erase one resident from every request and every opinion on a draft law that carries their phone
    (Article 47); how many of each."""
    require(actor, Privilege.RESIDENT_DATA)
    found = find_requests(session, phone=phone)
    opinions = find_opinions(session, phone=phone)
    if not found and not opinions:
        raise UserError("没有找到这位居民的诉求或立法意见，未做任何更改（电话按号码比对）")
    anonymize(session, actor, found, "按居民要求删除个人信息")
    anonymize_opinions(session, opinions)
    record(
        session, actor, AuditAction.PRIVACY_ERASE, resident=mask_phone(phone), requests=len(found),
        opinions=len(opinions),
    )  # fmt: skip
    return Erased(len(found), len(opinions))
