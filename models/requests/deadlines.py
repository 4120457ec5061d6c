"""Time limits in Chinese working days, by urgency, overridable per category and per catalog item.

The built-in defaults follow docs/domain.md, “Deadlines” (respond within 1 working day; complete urgent work in 1,
normal in 5, complex in 15). A street sets its own in DeadlineRule rows; the most specific rule that names a figure
wins: the item, then its category, then the urgency, for that urgency first and then for every urgency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from models.access.audit import record
from models.core.clock import add_working_days
from models.core.errors import UserError
from models.core.vocabulary import URGENCIES, AuditAction, Privilege, Urgency
from models.people.permissions import Actor, require
from models.store.tables import CatalogItem, DeadlineRule

RESPONSE_DAYS = 1
COMPLETION_DAYS: dict[str, int] = {Urgency.URGENT: 1, Urgency.NORMAL: 5, Urgency.COMPLEX: 15}
SCOPES = ("item", "category", "urgency")


@dataclass
class DeadlineRules:
    """All rules of a database in memory: imports look them up per row without a query each."""

    rules: dict[tuple[str, str, str], DeadlineRule] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> DeadlineRules:
        return cls({(r.scope, r.key, r.urgency): r for r in session.exec(select(DeadlineRule)).all()})

    def _figure(self, attribute: str, urgency: str, item_code: str | None, category: str | None) -> int | None:
        for scope, key in (("item", item_code), ("category", category), ("urgency", "")):
            if key is None:
                continue
            for wanted in (urgency, ""):
                rule = self.rules.get((scope, key, wanted))
                if rule is not None and getattr(rule, attribute) is not None:
                    return int(getattr(rule, attribute))
        return None

    def days(self, urgency: str, item_code: str | None = None, category: str | None = None) -> tuple[int, int]:
        """(response days, completion days) for a request."""
        response = self._figure("response_days", urgency, item_code, category)
        completion = self._figure("completion_days", urgency, item_code, category)
        return (
            RESPONSE_DAYS if response is None else response,
            COMPLETION_DAYS.get(urgency, COMPLETION_DAYS["normal"]) if completion is None else completion,
        )

    def due(
        self, created_at: datetime, urgency: str, item_code: str | None = None, category: str | None = None
    ) -> tuple[datetime, datetime]:
        """(response due, completion due)."""
        response, completion = self.days(urgency, item_code, category)
        return add_working_days(created_at, response), add_working_days(created_at, completion)


def set_rule(
    session: Session,
    actor: Actor,
    scope: str,
    key: str = "",
    urgency: str = "",
    *,
    response_days: int | None = None,
    completion_days: int | None = None,
) -> DeadlineRule:
    """Create or change one rule (an administrator's, audited); a figure left out keeps falling through to the less
    specific rules."""
    require(actor, Privilege.DEADLINE_RULES)
    if scope not in SCOPES:
        raise UserError(f"--scope 应为 {'、'.join(SCOPES)} 之一，收到 “{scope}”")
    if scope != "urgency" and not key:
        raise UserError("按事项或分类设置时必须给出 --key（事项编码或分类名称）")
    if urgency and urgency not in URGENCIES:
        raise UserError(f"--urgency 应为 {'、'.join(URGENCIES)} 之一，收到 “{urgency}”")
    for name, value in (("--response", response_days), ("--completion", completion_days)):
        if value is not None and not 0 <= value <= 365:
            raise UserError(f"{name} 应在 0 到 365 个工作日之间，收到 {value}")
    if response_days is None and completion_days is None:
        raise UserError("请至少给出 --response 或 --completion")
    key = "" if scope == "urgency" else key
    if scope == "item" and session.exec(select(CatalogItem.id).where(CatalogItem.code == key)).first() is None:
        raise UserError(f"清单中没有事项编码 “{key}”")
    if scope == "category" and session.exec(select(CatalogItem.id).where(CatalogItem.category == key)).first() is None:
        raise UserError(f"清单中没有分类 “{key}”")
    rule = session.exec(
        select(DeadlineRule).where(
            DeadlineRule.scope == scope, DeadlineRule.key == key, DeadlineRule.urgency == urgency
        )
    ).first() or DeadlineRule(scope=scope, key=key, urgency=urgency)
    if response_days is not None:
        rule.response_days = response_days
    if completion_days is not None:
        rule.completion_days = completion_days
    session.add(rule)
    session.flush()
    record(session, actor, AuditAction.DEADLINE_RULE_CHANGE, scope=scope, key=key, urgency=urgency,
           response_days=rule.response_days, completion_days=rule.completion_days)  # fmt: skip
    return rule
