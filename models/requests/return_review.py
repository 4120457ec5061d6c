"""How long a 退单 may wait for a supervisor's ruling (upheld, or overruled and sent back): a street's setting in
working days, 3 unless an administrator says otherwise (`xinsheng settings admission --return-review N`).

A ruling closes the loop to the list: returns upheld against an item's own lead department are the evidence
models.reporting.proposals turns into catalog change proposals.
"""

from __future__ import annotations

import json

from sqlmodel import Session

from models.access.audit import record
from models.core.errors import UserError
from models.core.vocabulary import AuditAction, Privilege
from models.people.permissions import Actor, require
from models.store.tables import Setting

KEY = "return_review_days"
DEFAULT_DAYS = 3
LIMITS = (1, 30)


def load_review_days(session: Session) -> int:
    stored = session.get(Setting, KEY)
    value = json.loads(stored.value) if stored is not None else None
    return value if isinstance(value, int) and LIMITS[0] <= value <= LIMITS[1] else DEFAULT_DAYS


def set_review_days(session: Session, actor: Actor, days: int) -> None:
    require(actor, Privilege.SETTINGS)
    if not LIMITS[0] <= days <= LIMITS[1]:
        raise UserError(f"退单裁定时限应在 {LIMITS[0]} 到 {LIMITS[1]} 个工作日之间，收到 {days}")
    session.merge(Setting(key=KEY, value=json.dumps(days)))
    session.flush()
    record(session, actor, AuditAction.SETTINGS_CHANGE, return_review_days=days)
