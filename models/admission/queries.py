"""Tasks as the door's screen and `xinsheng tasks list` show them, within the operator's reach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import false
from sqlmodel import Session, col, select

from models.core.clock import now
from models.core.errors import UserError
from models.core.text import mask_personal
from models.core.vocabulary import Admission, Role, TaskKind, TaskSource, TaskStatus
from models.people.areas import display_names, list_areas
from models.people.permissions import Actor
from models.store.tables import CatalogItem, Department, Task

STATUS_SYNONYMS = {**{m.value: m.value for m in TaskStatus}, **{m.label: m.value for m in TaskStatus}}


@dataclass(frozen=True)
class TaskView:
    ref: str
    external_ref: str | None
    title: str
    department: str
    source: str
    kind: str
    received_on: date
    due_on: date | None
    hours: float
    target: str
    admission: str
    status: str
    item: str | None
    item_name: str | None
    reason: str
    decision_due_on: date | None
    admitted_until: date | None
    escalated: bool

    @property
    def review_late(self) -> bool:
        """A review past its time limit (escalated or not yet swept)."""
        due = self.decision_due_on
        return self.status == TaskStatus.REVIEWING and due is not None and now().date() > due

    def as_dict(self) -> dict[str, object]:
        return {
            "ref": self.ref,
            "external_ref": self.external_ref,
            "title": self.title,
            "department": self.department,
            "source": self.source,
            "kind": self.kind,
            "received_at": self.received_on.isoformat(),
            "due_at": self.due_on.isoformat() if self.due_on else None,
            "hours": self.hours,
            "target": self.target,
            "admission": self.admission,
            "status": self.status,
            "item": self.item,
            "item_name": self.item_name,
            "reason": self.reason,
            "decide_by": self.decision_due_on.isoformat() if self.decision_due_on else None,
            "admitted_until": self.admitted_until.isoformat() if self.admitted_until else None,
            "review_late": self.review_late,
        }

    @property
    def labels(self) -> tuple[str, str, str, str]:
        """(source, kind, admission, status) as the screens show them."""
        return (
            TaskSource.label_of(self.source),
            TaskKind.label_of(self.kind),
            Admission.label_of(self.admission),
            TaskStatus.label_of(self.status),
        )


def parse_status(text: str | None) -> str | None:
    if not text:
        return None
    status = STATUS_SYNONYMS.get(text.strip())
    if status is None:
        raise UserError(f"--status 应为 {'、'.join(TaskStatus.codes())} 之一（或其中文名），收到 “{text}”")
    return status


def list_tasks(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    department: str | None = None,
    limit: int | None = None,
) -> list[TaskView]:
    """Newest first; a grid worker sees what was pushed to their grid, a community worker their community and its
    grids, a department handler what their own department pushed down, the street everything."""
    query = (
        select(Task, Department.name, CatalogItem.code, CatalogItem.name)
        .join(Department, col(Task.department_id) == Department.id)
        .join(CatalogItem, col(Task.item_id) == CatalogItem.id, isouter=True)
        .order_by(col(Task.received_on).desc(), col(Task.id).desc())
    )
    if not actor.sees_everything:
        if actor.role == Role.DEPARTMENT:
            query = query.where(col(Task.department_id) == (actor.department_id or -1))
        elif actor.area_ids:
            query = query.where(col(Task.area_id).in_(sorted(actor.area_ids)))
        else:
            query = query.where(false())
    if status:
        query = query.where(col(Task.status) == status)
    if department:
        if session.exec(select(Department.id).where(Department.name == department.strip())).first() is None:
            raise UserError(f"--department：没有名为 “{department.strip()}” 的部门")
        query = query.where(Department.name == department.strip())
    if limit:
        query = query.limit(limit)
    places = display_names(session)
    return [
        TaskView(
            ref=task.ref,
            external_ref=task.external_ref,
            title=mask_personal(task.title),  # tasks are not residents' requests, but a notice may name one
            department=department_name,
            source=task.source,
            kind=task.kind,
            received_on=task.received_on,
            due_on=task.due_on,
            hours=task.hours,
            target=places.get(task.area_id, ""),
            admission=task.admission,
            status=task.status,
            item=code,
            item_name=item_name,
            reason=task.reason,
            decision_due_on=task.decision_due_on,
            admitted_until=task.admitted_until,
            escalated=task.escalated,
        )
        for task, department_name, code, item_name in session.exec(query).all()
    ]


def door_choices(session: Session, actor: Actor) -> tuple[list[str], list[str]]:
    """What the door's screen offers: the departments that may push work down, and the places within the
    operator's reach a task may be pushed to (full paths, the street first)."""
    departments = [d for d in session.exec(select(Department.name).order_by(col(Department.name))).all()]
    places = [
        entry.path
        for entry in list_areas(session)
        if actor.sees_everything or (actor.area_ids is not None and entry.id in actor.area_ids)
    ]
    return departments, places
