"""The admission procedure for work the list does not cover: the department applies, the street reviews and admits
(optionally until a date, with the hours or resources the department provides) or refuses; an admission can be
revoked, and it ends on its date. A review not decided in time is escalated once.

Every step is one TaskEvent, written by `change` under the task's version, so two terminals deciding the same task
cannot both succeed. Who may do what: the department that pushed the task applies (or the street on its behalf);
the supervisor or administrator decides and revokes; the community and the street may refuse off-list work at the
door before anyone applies ("清单之外的任务，社区有权拒绝").
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from models.admission.rules import load_rules
from models.core.clock import add_working_days, now, working_days
from models.core.errors import ConflictError, PermissionDenied, UserError, WorkflowError
from models.core.text import drop_controls
from models.core.vocabulary import Admission, Privilege, Role, TaskAction, TaskStatus
from models.people.permissions import Actor, may, reaches, require
from models.store.chain import append
from models.store.tables import Department, Task

REASON_CHARS = 300
# the statuses each step starts from: the procedure's functions refuse any other, and the screens offer a step only
# where `may_take` says it would succeed
ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    TaskAction.APPLY: (TaskStatus.AWAITING, TaskStatus.REFUSED),
    TaskAction.ADMIT: (TaskStatus.REVIEWING,),
    TaskAction.REFUSE: (TaskStatus.AWAITING, TaskStatus.REVIEWING),
    TaskAction.REVOKE: (TaskStatus.IN_FORCE,),
}


def step_privilege(action: str, status: str) -> str:
    """The privilege a step needs on a task in `status`: refusing off-list work nobody applied for is the door's
    (the community may refuse it); every other decision is the reviewer's."""
    if action == TaskAction.APPLY:
        return Privilege.TASK_APPLY
    if action == TaskAction.REFUSE and status == TaskStatus.AWAITING:
        return Privilege.TASK_REFUSE
    return Privilege.TASK_DECIDE


def may_take(actor: Actor, action: str, status: str) -> bool:
    """Whether this operator's step would be allowed on a task in `status` (its reach aside)."""
    return status in ALLOWED_FROM[action] and may(actor, step_privilege(action, status))


def find_task(session: Session, actor: Actor, ref: str) -> Task:
    """The task of that ref within the operator's reach; an unknown or unreachable ref reads the same."""
    task = session.exec(select(Task).where(Task.ref == ref.strip().upper())).first()
    if task is None or not may_see(actor, task):
        raise UserError(f"没有编号为 “{ref.strip()}” 的任务（xinsheng tasks list 查看）")
    return task


def may_see(actor: Actor, task: Task) -> bool:
    if actor.sees_everything:
        return True
    if actor.role == Role.DEPARTMENT:
        return actor.department_id is not None and task.department_id == actor.department_id
    return reaches(actor, task.area_id, None)


def change(
    session: Session,
    task: Task,
    actor: Actor,
    action: TaskAction,
    *,
    to_status: str,
    note: str = "",
    data: Mapping[str, Any] | None = None,
    **fields: Any,
) -> None:
    """The one way a task changes after it is logged: the new values and one event, under the version read."""
    assert task.id is not None
    from_status = task.status
    moved = session.execute(
        update(Task)
        .where(col(Task.id) == task.id, col(Task.version) == task.version)
        .values(status=to_status, version=task.version + 1, **fields)
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError(f"任务 {task.ref} 刚被别人改过，请刷新后再试")
    session.refresh(task)
    append(
        session,
        "taskevent",
        [
            dict(
                task_id=task.id,
                at=now(),
                actor=actor.name,
                action=action.value,
                from_status=from_status,
                to_status=to_status,
                note=note,
                data=json.dumps(dict(data or {}), ensure_ascii=False, default=str),
            )
        ],
    )


def _words(text: str) -> str:
    """Typed words as the trail keeps them: control characters (a terminal's escape codes) dropped, one line."""
    return " ".join(drop_controls(text).split())


def _reason(text: str, what: str) -> str:
    reason = _words(text)
    if not reason:
        raise UserError(f"请写明{what}的理由（--reason）")
    if len(reason) > REASON_CHARS:
        raise UserError(f"理由过长（{len(reason)} 字，最多 {REASON_CHARS} 字）")
    return reason


def _label(task: Task) -> str:
    return f"任务 {task.ref} {TaskStatus.label_of(task.status)}"


def apply(
    session: Session,
    actor: Actor,
    ref: str,
    *,
    applied_on: date | None = None,
    provided: str = "",
    note: str = "",
) -> Task:
    """The department's application to admit an off-list task (or one refused at the door); the review clock starts.

    An application later than the lead time before the task is due is taken, and marked late in the trail: the
    reviewer sees it, and the ledger counts late applications per department.
    """
    require(actor, Privilege.TASK_APPLY)
    task = find_task(session, actor, ref)
    if actor.role == Role.DEPARTMENT and task.department_id != actor.department_id:
        raise PermissionDenied(f"任务 {task.ref} 不是本部门下派的，不能代为申请")
    if task.status not in ALLOWED_FROM[TaskAction.APPLY]:
        raise WorkflowError(f"{_label(task)}，不能申请准入（只有待申请或已拒收的任务可以申请）")
    rules = load_rules(session)
    day = applied_on or now().date()
    if day < task.received_on:
        raise UserError(f"申请日期（--on）{day:%Y-%m-%d} 早于任务收到日期 {task.received_on:%Y-%m-%d}")
    if day > now().date():
        raise UserError(f"申请日期（--on）{day:%Y-%m-%d} 还没到：申请只能记录已经提出的")
    lead = working_days(_at(day), _at(task.due_on)) if task.due_on else None
    late = lead is not None and lead < rules.lead_days
    decision_due = add_working_days(_at(day), rules.decision_days).date()
    offered = _words(provided)[:300]
    change(
        session,
        task,
        actor,
        TaskAction.APPLY,
        to_status=TaskStatus.REVIEWING,
        note=_words(note)[:REASON_CHARS],
        data={"applied_on": day, "lead_days": lead, "late": late, "provided": offered, "decide_by": decision_due},
        applied_on=day,
        decision_due_on=decision_due,
        provided=offered,
        escalated=False,
    )
    return task


def decide(
    session: Session,
    actor: Actor,
    ref: str,
    *,
    admit: bool,
    reason: str,
    until: date | None = None,
    provided: str | None = None,
) -> Task:
    """Admit or refuse a task under review; an off-list task nobody applied for may only be refused (at the door)."""
    task = find_task(session, actor, ref)
    reason = _reason(reason, "准入" if admit else "拒收")
    action = TaskAction.ADMIT if admit else TaskAction.REFUSE
    if task.status == TaskStatus.AWAITING and admit:
        raise WorkflowError(f"{_label(task)}：清单外任务须先由下派部门提出准入申请（xinsheng tasks apply {task.ref}）")
    if task.status not in ALLOWED_FROM[action]:
        raise WorkflowError(f"{_label(task)}，已经决定过，不能再次决定")
    require(actor, step_privilege(action, task.status))
    if until is not None and until < now().date():
        raise UserError(f"准入截止日期（--until）{until:%Y-%m-%d} 已经过去")
    if not admit and until is not None:
        raise UserError("--until 只用于准入，拒收不需要截止日期")
    late = task.decision_due_on is not None and now().date() > task.decision_due_on
    fields: dict[str, Any] = {"reason": reason}
    if admit:
        fields.update(admission=Admission.ADMITTED.value, admitted_until=until)
        if provided is not None:
            fields["provided"] = _words(provided)[:300]
    else:
        fields.update(admission=Admission.REFUSED.value)
    change(
        session,
        task,
        actor,
        action,
        to_status=TaskStatus.IN_FORCE if admit else TaskStatus.REFUSED,
        note=reason,
        data={"until": until, "late_decision": late},
        **fields,
    )
    return task


def revoke(session: Session, actor: Actor, ref: str, *, reason: str) -> Task:
    """Stop a task in force: the admission is withdrawn (the list changed, or the department broke its terms)."""
    require(actor, Privilege.TASK_DECIDE)
    task = find_task(session, actor, ref)
    reason = _reason(reason, "撤销准入")
    if task.status not in ALLOWED_FROM[TaskAction.REVOKE]:
        raise WorkflowError(f"{_label(task)}，只有执行中的任务可以撤销准入")
    change(session, task, actor, TaskAction.REVOKE, to_status=TaskStatus.REVOKED, note=reason, reason=reason)
    return task


def sweep(session: Session, actor: Actor, today: date | None = None) -> tuple[list[str], list[str]]:
    """End admissions past their date and escalate reviews past theirs, once each; returns (expired, escalated)
    refs. Run with the escalation ladder (`xinsheng escalate`)."""
    require(actor, Privilege.ESCALATE)
    day = today or now().date()
    expired, escalated = [], []
    for task in session.exec(
        select(Task).where(
            col(Task.status) == TaskStatus.IN_FORCE,
            col(Task.admitted_until).is_not(None),
            col(Task.admitted_until) < day,
        )
    ).all():
        change(
            session,
            task,
            actor,
            TaskAction.EXPIRE,
            to_status=TaskStatus.EXPIRED,
            note=f"准入期限 {task.admitted_until:%Y-%m-%d} 已过，任务停止",
        )
        expired.append(task.ref)
    for task in session.exec(
        select(Task).where(
            col(Task.status) == TaskStatus.REVIEWING,
            col(Task.decision_due_on).is_not(None),
            col(Task.decision_due_on) < day,
            col(Task.escalated).is_(False),
        )
    ).all():
        department = session.get(Department, task.department_id)
        change(
            session,
            task,
            actor,
            TaskAction.ESCALATE,
            to_status=TaskStatus.REVIEWING,
            note=f"准入审查超过时限（应于 {task.decision_due_on:%Y-%m-%d} 前决定），"
            f"{department.name if department else '部门'}的申请已提请督办",
            escalated=True,
        )
        escalated.append(task.ref)
    return expired, escalated


def _at(day: date) -> datetime:
    return datetime.combine(day, time(9, 0))
