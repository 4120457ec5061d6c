"""The audit of security events: who signed in or failed to, who changed an account, a setting or the catalog,
who took personal data out. Rows are only ever added (the database refuses UPDATE and DELETE on them).

A row never holds a password, a token or a two-factor secret; a failed sign-in under a name nobody has is recorded
without that name, since people type their password into the name field more often than one would think.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from models.core.clock import now
from models.core.errors import UserError
from models.core.vocabulary import AuditAction, Privilege
from models.people.permissions import Actor, require
from models.store.chain import append
from models.store.tables import AuditEvent


def record(session: Session, actor: Actor | None, action: AuditAction, *, name: str = "", **detail: Any) -> None:
    """Add one audit row in the caller's unit of work; `name` stands in when nobody is signed in (a failed
    sign-in under an existing name)."""
    row = {
        "at": now(),
        "actor": actor.name if actor else name,
        "role": actor.role if actor else "",
        "action": action,
        "detail": json.dumps({k: v for k, v in detail.items() if v not in (None, "")}, ensure_ascii=False),
    }
    append(session, "auditevent", [row])


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    role: str
    action: str
    detail: dict[str, Any]

    @property
    def label(self) -> str:
        return AuditAction.label_of(self.action)


def list_audit(
    session: Session,
    actor: Actor,
    *,
    since: date | None = None,
    operator: str | None = None,
    action: str | None = None,
    limit: int | None = None,
) -> list[AuditRow]:
    """The audit trail, newest first, for an administrator."""
    require(actor, Privilege.AUDIT)
    query = select(AuditEvent)
    if since is not None:
        query = query.where(col(AuditEvent.at) >= datetime.combine(since, datetime.min.time()))
    if operator:
        query = query.where(AuditEvent.actor == operator.strip())
    if action:
        if action not in AuditAction._value2member_map_:
            by_label = {member.label: member for member in AuditAction}
            if action not in by_label:
                raise UserError(f"--action 应为 {'、'.join(AuditAction.codes())} 之一，收到 “{action}”")
            action = by_label[action]
        query = query.where(AuditEvent.action == action)
    query = query.order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())
    if limit:
        query = query.limit(limit)
    return [AuditRow(e.at, e.actor, e.role, e.action, json.loads(e.detail or "{}")) for e in session.exec(query)]


AuditKey = tuple[datetime, str, str, str, str]


def audit_trail(session: Session) -> list[AuditKey]:
    """Every audit row as plain values, to survive a `db restore` (below)."""
    rows = session.exec(select(AuditEvent).order_by(col(AuditEvent.id)))
    return [(e.at, e.actor, e.role, e.action, e.detail) for e in rows]


def carry_over(session: Session, trail: list[AuditKey]) -> int:
    """Put back into a restored database the audit rows it does not have: a restore brings back the data of the
    backup, never the silence of the audit since (an export after the backup would otherwise vanish with it)."""
    present = set(audit_trail(session))
    missing = [row for row in trail if row not in present]
    append(
        session,
        "auditevent",
        [dict(zip(("at", "actor", "role", "action", "detail"), row, strict=True)) for row in missing],
    )
    return len(missing)
