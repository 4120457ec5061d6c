"""The street's time limits for the admission procedure, in working days, and what counts as a rebound.

Defaults follow published 准入 rules: a department applies at least 30 working days before the work is due, and the
admission office decides within 15. A department pushing cut or off-list work 3 times within 6 months is listed as
a rebound (反弹回潮). An administrator may change each (`xinsheng settings admission`), audited.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlmodel import Session

from models.access.audit import record
from models.core.errors import UserError
from models.core.vocabulary import AuditAction, Privilege
from models.people.permissions import Actor, require
from models.store.tables import Setting

KEY = "admission_rules"
LIMITS = {"lead_days": (0, 250), "decision_days": (1, 120), "rebound_times": (1, 100), "rebound_months": (1, 36)}
LABELS = {
    "lead_days": "申请提前量（工作日）",
    "decision_days": "审查时限（工作日）",
    "rebound_times": "反弹回潮：次数",
    "rebound_months": "反弹回潮：月数",
}


@dataclass(frozen=True)
class AdmissionRules:
    lead_days: int = 30
    decision_days: int = 15
    rebound_times: int = 3
    rebound_months: int = 6

    def describe(self) -> list[str]:
        return [
            f"准入申请：须在任务期限前至少 {self.lead_days} 个工作日提出",
            f"准入审查：收到申请后 {self.decision_days} 个工作日内决定，超期自动督办",
            f"反弹回潮：同一部门 {self.rebound_months} 个月内下派已取消、已收回或清单外的任务"
            f" {self.rebound_times} 次及以上",
        ]


def load_rules(session: Session) -> AdmissionRules:
    stored = session.get(Setting, KEY)
    if stored is None:
        return AdmissionRules()
    values = json.loads(stored.value)
    known = {k: int(v) for k, v in values.items() if k in LIMITS and isinstance(v, int)}
    return AdmissionRules(**known)


def set_rules(session: Session, actor: Actor, **changes: int | None) -> AdmissionRules:
    """An administrator's change of some of the limits; the others keep their values."""
    require(actor, Privilege.SETTINGS)
    current = asdict(load_rules(session))
    for key, value in changes.items():
        if value is None:
            continue
        low, high = LIMITS[key]
        if not low <= value <= high:
            raise UserError(f"{LABELS[key]}应在 {low} 到 {high} 之间，收到 {value}")
        current[key] = value
    session.merge(Setting(key=KEY, value=json.dumps(current)))
    session.flush()
    record(session, actor, AuditAction.SETTINGS_CHANGE, admission=current)
    return AdmissionRules(**current)
