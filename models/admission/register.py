"""The one write path of a task: every task, typed at the door or imported from an OA export, is validated and
written here with its first event, and every later change goes through `change` (models.admission.procedure).

A task's fields are checked one by one so that a screen can point at the field and an import at the row and
column: `TaskFieldError.field` names which.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from models.admission.door import Proposal
from models.core.clock import now
from models.core.errors import PermissionDenied, UserError
from models.core.text import drop_controls
from models.core.vocabulary import AREA_KIND_LABELS, Admission, Privilege, TaskAction, TaskKind, TaskSource, TaskStatus
from models.people.areas import list_areas
from models.people.permissions import Actor, reaches, require
from models.store.chain import append
from models.store.refs import reserve
from models.store.tables import Department, Task, TaskRefCounter, too_long

MAX_HOURS = 10_000.0  # a year of one person's work is about 2,000 hours: more is a typing slip
EARLIEST = date(2000, 1, 1)  # a task received earlier, or after today, is a date typed wrong
MAX_YEARS_AHEAD = 5  # a deadline further away is a typing slip, not a task
INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")  # zero-width characters: a title of them is blank

SOURCE_SYNONYMS: dict[str, str] = {
    **{m.value: m.value for m in TaskSource},
    **{m.label.lower(): m.value for m in TaskSource},
    "oa": TaskSource.OA, "公文": TaskSource.OA, "文件": TaskSource.OA, "通知": TaskSource.OA,
    "微信": TaskSource.WECHAT, "工作群": TaskSource.WECHAT, "群消息": TaskSource.WECHAT,
    "电话通知": TaskSource.PHONE, "会议布置": TaskSource.MEETING, "系统": TaskSource.SYSTEM, "平台": TaskSource.SYSTEM,
}  # fmt: skip
KIND_SYNONYMS: dict[str, str] = {
    **{m.value: m.value for m in TaskKind},
    **{m.label.lower(): m.value for m in TaskKind},
    "报表": TaskKind.FORM, "填报": TaskKind.FORM, "统计": TaskKind.FORM, "台账": TaskKind.FORM,
    "督查": TaskKind.INSPECTION, "检查": TaskKind.INSPECTION, "考核": TaskKind.INSPECTION, "评比": TaskKind.INSPECTION,
    "证明": TaskKind.CERTIFICATE, "盖章": TaskKind.CERTIFICATE, "开证明": TaskKind.CERTIFICATE,
    "牌子": TaskKind.PLAQUE, "挂牌子": TaskKind.PLAQUE, "工作群": TaskKind.APP, "app": TaskKind.APP,
    "打卡": TaskKind.APP, "专项": TaskKind.CAMPAIGN, "专项工作": TaskKind.CAMPAIGN, "活动": TaskKind.CAMPAIGN,
}  # fmt: skip
# the status a task enters with each decision of the door
STATUS_AFTER: dict[str, str] = {
    Admission.ADMITTED: TaskStatus.IN_FORCE,
    Admission.ASSIST: TaskStatus.IN_FORCE,
    Admission.REFUSED: TaskStatus.REFUSED,
    Admission.PENDING: TaskStatus.AWAITING,
}
FIELD_LABELS = {
    "external_ref": "文号",
    "title": "标题",
    "content": "内容",
    "department": "下派部门",
    "source": "来源",
    "kind": "类型",
    "received_at": "收到日期",
    "due_at": "完成期限",
    "hours": "预计工时",
    "target": "下派对象",
    "item": "清单事项",
}


class TaskFieldError(UserError):
    """A bad value in one field of a task: `field` says which (the import turns it into a row and column)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class TaskInput:
    """A task as typed or read from a file, before it is checked."""

    department: str
    title: str
    received_on: date | None
    target: str
    source: str = TaskSource.OA
    kind: str = TaskKind.OTHER
    content: str = ""
    due_on: date | None = None
    hours: float | None = 0.0
    external_ref: str = ""


@dataclass(frozen=True)
class CheckedTask:
    """A task that passed every check, with its department and target resolved to rows."""

    values: TaskInput
    department_id: int
    area_id: int
    source: str
    kind: str
    received_on: date


class Targets:
    """Departments and places by name, read once for a whole import; with an actor, only the places within its
    reach are targets (so a row outside them is a bad row, found before anything is written)."""

    def __init__(self, session: Session, actor: Actor | None = None) -> None:
        self.departments = {d.name: d.id for d in session.exec(select(Department)).all() if d.id is not None}
        self.areas = list_areas(session)
        self.actor = actor

    def area(self, spec: str) -> int:
        spec = spec.strip().strip("/")
        if not spec:
            raise TaskFieldError("target", "请填写下派对象（街道、社区或网格）")
        matches = [e for e in self.areas if e.path == spec or e.path.endswith("/" + spec)]
        if not matches:
            raise TaskFieldError("target", f"没有名为 “{spec}” 的街道、社区或网格（xinsheng areas list 查看）")
        if len(matches) > 1:
            shown = "、".join(f"{e.path}（{AREA_KIND_LABELS.get(e.kind, e.kind)}）" for e in matches[:4])
            raise TaskFieldError("target", f"“{spec}” 有 {len(matches)} 处：{shown}，请写出上一级")
        if self.actor is not None and not reaches(self.actor, matches[0].id, None):
            raise TaskFieldError(
                "target", f"“{matches[0].path}” 不在您负责的范围（只能登记下派到本社区及其网格的任务）"
            )
        return matches[0].id


def check_task(targets: Targets, task: TaskInput) -> CheckedTask:
    """Every field of a task, in the order a person reads them; the first problem is raised."""
    title = drop_controls(task.title).strip()
    if not INVISIBLE.sub("", title).strip():
        raise TaskFieldError("title", "任务标题为空")
    for field, value in (("title", title), ("external_ref", task.external_ref)):
        limit = too_long(Task, field, value)
        if limit is not None:
            raise TaskFieldError(field, f"{FIELD_LABELS[field]}过长（{len(value)} 字，最多 {limit} 字）")
    named = task.department.strip()
    if not named:
        raise TaskFieldError("department", "请填写下派部门")
    department_id = targets.departments.get(named)
    if department_id is None:
        raise TaskFieldError("department", f"没有名为 “{named}” 的部门（部门随事项清单导入）")
    source = SOURCE_SYNONYMS.get(task.source.strip().lower())
    if source is None:
        raise TaskFieldError("source", f"未知的来源 “{task.source}”（可用：{'、'.join(TaskSource.labels().values())}）")
    kind = KIND_SYNONYMS.get(task.kind.strip().lower())
    if kind is None:
        raise TaskFieldError("kind", f"未知的任务类型 “{task.kind}”（可用：{'、'.join(TaskKind.labels().values())}）")
    if task.received_on is None:
        raise TaskFieldError("received_at", "缺少收到日期")
    if not EARLIEST <= task.received_on <= now().date():
        raise TaskFieldError(
            "received_at", f"收到日期 {task.received_on:%Y-%m-%d} 不合理（应在 {EARLIEST:%Y-%m-%d} 到今天之间）"
        )
    if task.due_on is not None and task.due_on < task.received_on:
        raise TaskFieldError("due_at", f"完成期限 {task.due_on:%Y-%m-%d} 早于收到日期 {task.received_on:%Y-%m-%d}")
    if task.due_on is not None and task.due_on.year > task.received_on.year + MAX_YEARS_AHEAD:
        raise TaskFieldError("due_at", f"完成期限 {task.due_on:%Y-%m-%d} 不合理（应在收到后 {MAX_YEARS_AHEAD} 年以内）")
    if task.hours is None or not 0.0 <= task.hours <= MAX_HOURS:  # NaN fails too
        raise TaskFieldError("hours", f"预计工时应在 0 到 {MAX_HOURS:g} 小时之间")
    area_id = targets.area(task.target)
    return CheckedTask(task, department_id, area_id, source, kind, task.received_on)


def log_tasks(
    session: Session,
    actor: Actor,
    tasks: Sequence[tuple[CheckedTask, Proposal, str | None]],
    *,
    action: TaskAction = TaskAction.REGISTER,
    extra: Mapping[str, Any] | None = None,
) -> list[str]:
    """Write checked tasks with the door's decision (and their import keys), each with its first event; returns
    their refs. One INSERT for the tasks and one append for the trail, however many there are."""
    require(actor, Privilege.TASK_LOG)
    for checked, _, _ in tasks:
        if not reaches(actor, checked.area_id, None):
            raise PermissionDenied(f"{actor.role_label}只能登记下派到本社区及其网格的任务")
    if not tasks:
        return []
    stamp = now()
    by_year: dict[int, list[int]] = {}
    for i, (checked, _, _) in enumerate(tasks):
        by_year.setdefault(checked.received_on.year, []).append(i)
    refs: list[str] = [""] * len(tasks)
    for year, members in sorted(by_year.items()):
        for i, n in zip(members, reserve(session, TaskRefCounter, year, len(members)), strict=True):
            refs[i] = f"RW-{year}-{n:05d}"
    rows = []
    for ref, (checked, proposal, key) in zip(refs, tasks, strict=True):
        values = checked.values
        rows.append(
            dict(
                ref=ref,
                external_ref=values.external_ref.strip() or None,
                import_key=key,
                department_id=checked.department_id,
                source=checked.source,
                kind=checked.kind,
                title=drop_controls(values.title).strip(),
                content=drop_controls(values.content).strip(),
                received_on=checked.received_on,
                due_on=values.due_on,
                hours=float(values.hours or 0.0),
                area_id=checked.area_id,
                item_id=proposal.item.id if proposal.item else None,
                match_score=proposal.score,
                admission=proposal.admission.value,
                status=STATUS_AFTER[proposal.admission],
                applied_on=None,
                decision_due_on=None,
                admitted_until=None,
                provided="",
                escalated=False,
                reason=proposal.rule[:300],
                created_at=stamp,
                version=1,
            )
        )
    ids = session.execute(insert(Task).returning(col(Task.id), sort_by_parameter_order=True), rows).scalars().all()
    events = []
    for task_id, row, (_, proposal, _) in zip(ids, rows, tasks, strict=True):
        data = {"admission": row["admission"], "item": proposal.item.code if proposal.item else None, **(extra or {})}
        if proposal.score is not None:
            data["score"] = proposal.score
        events.append(
            dict(
                task_id=task_id,
                at=stamp,
                actor=actor.name,
                action=action.value,
                from_status=None,
                to_status=row["status"],
                note=proposal.rule,
                data=json.dumps(data, ensure_ascii=False),
            )
        )
    append(session, "taskevent", events)
    return refs


def log_task(session: Session, actor: Actor, task: TaskInput, proposal: Proposal) -> str:
    """Log one task typed at the door, with the decision the person there confirmed; returns its ref."""
    require(actor, Privilege.TASK_LOG)
    return log_tasks(session, actor, [(check_task(Targets(session, actor), task), proposal, None)])[0]
