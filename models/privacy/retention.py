"""How long residents' personal data is kept on finished requests, and taking it out once that time has passed.

The period is a setting (`settings security --retention-years`, 3 years by default: long enough for a 重办, a
complaint about the handling, and the year-on-year figures a street is asked for; docs/security.md says why).
A finished request is one that is closed after the callback, rejected, or merged into another, or resolved and
never called back; its age counts from the last of those dates. An opinion on a draft law is finished once its
consultation has closed; its age counts from the callback, else from its outcome, else from when it was recorded,
and the consultation's closing day must lie past the period too.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from models.access.audit import record
from models.access.policy import load_policy
from models.core.clock import now
from models.core.errors import UserError
from models.core.vocabulary import AuditAction, Privilege, Status
from models.people.permissions import Actor, require
from models.privacy.residents import anonymize, anonymize_opinions
from models.store.tables import Consultation, Opinion, Request

FINISHED = (Status.CLOSED, Status.REJECTED, Status.MERGED, Status.RESOLVED)
BATCH = 500


@dataclass(frozen=True)
class Age:
    """A retention period as given: 3y, 36m or 1095d."""

    amount: int
    unit: str  # y, m or d

    def before(self, moment: datetime) -> datetime:
        """The moment this long before `moment` (29 February three years back is the 28th)."""
        if self.unit == "d":
            return moment - timedelta(days=self.amount)
        months = self.amount * (12 if self.unit == "y" else 1)
        year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
        day = min(moment.day, calendar.monthrange(year, month + 1)[1])
        return moment.replace(year=year, month=month + 1, day=day)

    def __str__(self) -> str:
        return f"{self.amount} {dict(y='年', m='个月', d='天')[self.unit]}"


def parse_age(text: str) -> Age:
    match = re.fullmatch(r"\s*(\d{1,4})\s*([ymd年月天])\s*", text or "")
    if not match or int(match.group(1)) == 0:
        raise UserError(f"--older-than 应为年、月或天数，如 3y、36m、1095d，收到 “{text}”")
    unit = {"年": "y", "月": "m", "天": "d"}.get(match.group(2), match.group(2))
    age = Age(int(match.group(1)), unit)
    if age.amount > {"y": 100, "m": 1200, "d": 36500}[unit]:
        raise UserError(f"--older-than 最长 100 年，收到 “{text}”")
    return age


def _expired(cutoff: datetime) -> list[ColumnElement[bool]]:
    finished_at = func.coalesce(col(Request.closed_at), col(Request.resolved_at), col(Request.created_at))
    return [
        col(Request.status).in_(FINISHED),
        finished_at < cutoff,
        (col(Request.resident_name).is_not(None)) | (col(Request.resident_phone).is_not(None)),
    ]


def _expired_opinions(cutoff: datetime) -> list[ColumnElement[bool]]:
    last_touched = func.coalesce(col(Opinion.informed_at), col(Opinion.decided_at), col(Opinion.created_at))
    closed_before = select(Consultation.id).where(
        col(Consultation.closes_on).is_not(None), col(Consultation.closes_on) < cutoff.date()
    )
    return [
        col(Opinion.consultation_id).in_(closed_before),
        last_touched < cutoff,
        (col(Opinion.contributor_name).is_not(None)) | (col(Opinion.contributor_phone).is_not(None)),
    ]


@dataclass(frozen=True)
class Purge:
    age: Age
    cutoff: datetime
    requests: int
    dry_run: bool
    opinions: int = 0


def _in_batches(session: Session, query: SelectOfScalar[Any], anonymize_batch: Callable[[Sequence[Any]], None]) -> int:
    """Anonymize what `query` finds, BATCH rows and one commit at a time; how many. The query must stop finding a
    row once it is anonymized, so each pass takes the next batch."""
    count = 0
    while batch := session.exec(query.limit(BATCH)).all():
        anonymize_batch(batch)
        session.commit()
        count += len(batch)
    return count


def purge_expired(session: Session, actor: Actor, older_than: str | None = None, *, dry_run: bool = False) -> Purge:
    """Anonymize every finished request and opinion past the retention period (the setting, unless `older_than`
    says otherwise); with `dry_run`, only count them. Committed in batches, each with its events."""
    require(actor, Privilege.RESIDENT_DATA)
    age = parse_age(older_than) if older_than else Age(load_policy(session).retention_years, "y")
    cutoff = age.before(now())
    conditions, on_opinions = _expired(cutoff), _expired_opinions(cutoff)
    total = session.exec(select(func.count()).select_from(Request).where(*conditions)).one()
    opinions = session.exec(select(func.count()).select_from(Opinion).where(*on_opinions)).one()
    if dry_run or not (total or opinions):
        return Purge(age, cutoff, int(total), dry_run, int(opinions))
    record(
        session, actor, AuditAction.PRIVACY_PURGE, older_than=str(age), cutoff=f"{cutoff:%Y-%m-%d}", requests=total,
        opinions=opinions,
    )  # fmt: skip
    note = f"超过保存期限（{age}），个人信息已删除"
    done = _in_batches(session, select(Request).where(*conditions).order_by(col(Request.id)),
                       lambda batch: anonymize(session, actor, batch, note))  # fmt: skip
    forgotten = _in_batches(session, select(Opinion).where(*on_opinions).order_by(col(Opinion.id)),
                            lambda batch: anonymize_opinions(session, batch))  # fmt: skip
    return Purge(age, cutoff, done, dry_run, forgotten)
