"""Catalog change proposals: where the street's own records say the list is wrong, for the district's periodic
revision of it (事项清单动态调整).

Two kinds of evidence:
- an item whose own lead department returned the work (退单) three or more times, each return not overruled by a
  supervisor: the list names an owner who keeps saying it is not theirs (adjust the lead department or the duty);
- a task refused at the door and later admitted through the procedure: the list says no, yet the street took the
  work on (restore the item, or add the off-list work as a new one).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from models.core.vocabulary import Action, Privilege, TaskAction
from models.people.permissions import Actor, require
from models.store.tables import CatalogItem, Department, Request, RequestEvent, Task, TaskEvent

MIN_RETURNS = 3
RETURNS = "returns"
READMITTED = "readmitted"
KIND_LABELS = {
    RETURNS: "牵头部门反复退单：建议调整牵头部门或履职类型",
    READMITTED: "拒收后又准入：建议恢复该事项或把这项工作列入清单",
}


@dataclass(frozen=True)
class Evidence:
    ref: str  # the request's or the task's
    day: str
    department: str
    note: str


@dataclass
class Proposal:
    kind: str
    item_code: str | None  # None: off-list work to be added
    item_name: str
    department: str  # the item's lead department, or the department that pushed the off-list work
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "proposal": self.label,
            "item": self.item_code,
            "item_name": self.item_name,
            "department": self.department,
            "count": len(self.evidence),
            "evidence": [e.__dict__ for e in self.evidence],
        }


def catalog_proposals(session: Session, actor: Actor) -> list[Proposal]:
    require(actor, Privilege.REPORT)
    return _returned_by_lead(session) + _refused_then_admitted(session)


def _returned_by_lead(session: Session) -> list[Proposal]:
    """Returns by an item's own lead department, less those a supervisor overruled (the ruling after a return
    judges that return)."""
    rows = session.exec(
        select(RequestEvent, Request.ref)
        .join(Request, col(RequestEvent.request_id) == Request.id)
        .where(col(RequestEvent.action).in_((Action.RETURN, Action.OVERRULE_RETURN)))
        .order_by(col(RequestEvent.request_id), col(RequestEvent.seq))
    ).all()
    kept: list[tuple[RequestEvent, str]] = []
    pending: dict[int, int] = {}  # request → index in kept of its last return
    for event, ref in rows:
        if event.action == Action.RETURN:
            pending[event.request_id] = len(kept)
            kept.append((event, ref))
        elif event.request_id in pending:
            kept[pending.pop(event.request_id)] = (event, "")  # overruled: not evidence
    items = {
        code: (name, department_id, lead)
        for code, name, department_id, lead in session.exec(
            select(CatalogItem.code, CatalogItem.name, CatalogItem.department_id, Department.name).join(
                Department, col(CatalogItem.department_id) == Department.id, isouter=True
            )
        ).all()
    }
    by_item: dict[str, list[Evidence]] = defaultdict(list)
    for event, ref in kept:
        if not ref:
            continue
        code = json.loads(event.data or "{}").get("routed_item")
        item = items.get(code) if code else None
        if item is None or item[1] is None or item[1] != event.department_id:
            continue  # returned by someone other than the item's lead: a routing slip, not the list's fault
        by_item[code].append(Evidence(ref, f"{event.at:%Y-%m-%d}", item[2] or "", event.note))
    return [
        Proposal(RETURNS, code, items[code][0], items[code][2] or "", evidence)
        for code, evidence in sorted(by_item.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        if len(evidence) >= MIN_RETURNS
    ]


def _refused_then_admitted(session: Session) -> list[Proposal]:
    refused = (
        select(TaskEvent.task_id)
        .where(
            (col(TaskEvent.action) == TaskAction.REFUSE)
            | (
                col(TaskEvent.action).in_((TaskAction.REGISTER, TaskAction.IMPORT))
                & (col(TaskEvent.to_status) == "refused")
            )
        )
        .distinct()
    )
    admitted = select(TaskEvent.task_id).where(col(TaskEvent.action) == TaskAction.ADMIT).distinct()
    rows = session.exec(
        select(Task, Department.name, CatalogItem.code, CatalogItem.name)
        .join(Department, col(Task.department_id) == Department.id)
        .join(CatalogItem, col(Task.item_id) == CatalogItem.id, isouter=True)
        .where(col(Task.id).in_(refused), col(Task.id).in_(admitted))
        .order_by(col(Task.received_on))
    ).all()
    grouped: dict[tuple[str | None, str], Proposal] = {}
    for task, department, code, name in rows:
        key = (code, department if code is None else "")
        proposal = grouped.setdefault(key, Proposal(READMITTED, code, name or "（清单外）", department))
        proposal.evidence.append(Evidence(task.ref, f"{task.received_on:%Y-%m-%d}", department, task.title))
    return sorted(grouped.values(), key=lambda p: (-len(p.evidence), p.item_code or "", p.department))
