"""The door's side of the ledger: hours refused at the door (freed, on record), hours of off-list work admitted
anyway (added burden), per month, per community and per department, and the departments that keep pushing cut or
off-list work (反弹回潮).

The catalog's estimate of freed hours (models.reporting.ledger.freed_hours) is what cutting a duty should free;
these are what the door recorded. Reports show both, labelled, side by side. A task counts in the month it was
received; its hours are the estimate the department's notice gave or the person at the door typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from models.admission.rules import load_rules
from models.core.vocabulary import CUT_DUTIES, Admission, AreaKind
from models.store.tables import Area, CatalogItem, Department, Request, Task

STREET_ITSELF = "街道本级"  # a task pushed to the street as a whole, no community named


@dataclass(frozen=True)
class DoorHours:
    """Hours the door recorded in one span."""

    refused_hours: float = 0.0  # freed, on record
    burden_hours: float = 0.0  # off-list work admitted anyway
    refused: int = 0
    admitted_off_list: int = 0


def _sum(condition: Any, value: Any) -> Any:
    return func.coalesce(func.sum(case((condition, value), else_=0)), 0)


def _refused() -> ColumnElement[bool]:
    return col(Task.admission) == Admission.REFUSED


def _off_list_admitted() -> ColumnElement[bool]:
    """Admitted through the procedure although the list did not admit it: off-list work, or work on a duty that was
    taken back or cut (refused at the door, then applied for). Needs CatalogItem joined (outer) to the task."""
    return and_(
        col(Task.admission) == Admission.ADMITTED,
        or_(col(Task.item_id).is_(None), col(CatalogItem.duty).in_(CUT_DUTIES)),
    )


def door_hours_by_month(session: Session, starts: list[datetime], end: datetime) -> list[DoorHours]:
    """One DoorHours per month starting at `starts` (the last one ending at `end`), in one query."""
    bounds = [*starts[1:], end]
    received = col(Task.received_on)
    columns = []
    for start, stop in zip(starts, bounds, strict=True):
        month = and_(received >= start.date(), received < stop.date())
        columns += [
            _sum(and_(month, _refused()), col(Task.hours)),
            _sum(and_(month, _off_list_admitted()), col(Task.hours)),
            _sum(and_(month, _refused()), 1),
            _sum(and_(month, _off_list_admitted()), 1),
        ]
    row = session.execute(
        select(*columns)  # type: ignore[call-overload]
        .select_from(Task)
        .join(CatalogItem, col(Task.item_id) == CatalogItem.id, isouter=True)
        .where(received >= starts[0].date(), received < end.date())
    ).one()
    return [_door(*row[4 * i : 4 * i + 4]) for i in range(len(starts))]


def _door(refused_hours: object, burden_hours: object, refused: object, admitted: object) -> DoorHours:
    return DoorHours(
        round(float(refused_hours), 1),  # type: ignore[arg-type]
        round(float(burden_hours), 1),  # type: ignore[arg-type]
        int(refused),  # type: ignore[call-overload]
        int(admitted),  # type: ignore[call-overload]
    )


@dataclass(frozen=True)
class CommunityBurden:
    community: str
    tasks: int
    door: DoorHours
    solved: int  # requests resolved in the span and confirmed solved at callback
    hours_spent: float  # on residents' requests resolved in the span


def by_community(session: Session, start: datetime, end: datetime) -> list[CommunityBurden]:
    """Per community: tasks received and the door's hours beside the requests it solved, in [start, end)."""
    place, parent = aliased(Area), aliased(Area)
    community = case(
        (col(place.kind) == AreaKind.COMMUNITY, col(place.name)),
        (col(place.kind) == AreaKind.GRID, col(parent.name)),
        else_=STREET_ITSELF,
    )
    task_rows = session.execute(
        select(
            community,
            func.count(),
            _sum(_refused(), col(Task.hours)),
            _sum(_off_list_admitted(), col(Task.hours)),
            _sum(_refused(), 1),
            _sum(_off_list_admitted(), 1),
        )  # type: ignore[call-overload]
        .select_from(Task)
        .join(CatalogItem, col(Task.item_id) == CatalogItem.id, isouter=True)
        .join(place, col(Task.area_id) == place.id)
        .join(parent, col(place.parent_id) == parent.id, isouter=True)
        .where(col(Task.received_on) >= start.date(), col(Task.received_on) < end.date())
        .group_by(community)
    ).all()
    grid, home = aliased(Area), aliased(Area)
    request_community = case(
        (col(grid.kind) == AreaKind.COMMUNITY, col(grid.name)),
        (col(grid.kind) == AreaKind.GRID, col(home.name)),
        else_=STREET_ITSELF,
    )
    resolved = and_(col(Request.resolved_at) >= start, col(Request.resolved_at) < end)
    request_rows = session.execute(
        select(
            request_community,
            _sum(col(Request.callback_solved).is_(True), 1),
            func.coalesce(func.sum(func.coalesce(col(Request.hours_spent), 0.0)), 0.0),
        )  # type: ignore[call-overload]
        .select_from(Request)
        .join(grid, col(Request.area_id) == grid.id)
        .join(home, col(grid.parent_id) == home.id, isouter=True)
        .where(resolved)
        .group_by(request_community)
    ).all()
    requests = {name: (int(solved), float(spent)) for name, solved, spent in request_rows}
    out = []
    for name, tasks, refused_h, burden_h, refused_n, admitted_n in task_rows:
        solved, spent = requests.pop(name, (0, 0.0))
        door = _door(refused_h, burden_h, refused_n, admitted_n)
        out.append(CommunityBurden(name, int(tasks), door, solved, round(spent, 1)))
    for name, (solved, spent) in requests.items():
        out.append(CommunityBurden(name, 0, DoorHours(), solved, round(spent, 1)))
    return sorted(out, key=lambda c: (c.community == STREET_ITSELF, -c.tasks, c.community))


@dataclass(frozen=True)
class DepartmentTasks:
    department: str
    pushed: int
    refused: int
    admitted_off_list: int
    cut_pushed: int  # tasks citing a duty taken back or cut
    hours: float


def department_ranking(session: Session, start: datetime, end: datetime) -> list[DepartmentTasks]:
    """Departments by tasks pushed down in [start, end), then refused, then admitted off-list."""
    cut = col(CatalogItem.duty).in_(CUT_DUTIES)
    rows = session.execute(
        select(
            col(Department.name),
            func.count(),
            _sum(_refused(), 1),
            _sum(_off_list_admitted(), 1),
            _sum(cut, 1),
            func.coalesce(func.sum(col(Task.hours)), 0.0),
        )  # type: ignore[call-overload]
        .select_from(Task)
        .join(Department, col(Task.department_id) == Department.id)
        .join(CatalogItem, col(Task.item_id) == CatalogItem.id, isouter=True)
        .where(col(Task.received_on) >= start.date(), col(Task.received_on) < end.date())
        .group_by(col(Department.name))
    ).all()
    ranked = [DepartmentTasks(d, int(p), int(r), int(a), int(c), round(float(h), 1)) for d, p, r, a, c, h in rows]
    return sorted(ranked, key=lambda d: (-d.pushed, -d.refused, -d.admitted_off_list, d.department))


@dataclass(frozen=True)
class TaskRebound:
    """A department that pushed cut or off-list work at least the rule's number of times within its months."""

    department: str
    count: int
    tasks: list[tuple[str, str, str]] = field(default_factory=list)  # (ref, received, title), newest first


def task_rebounds(session: Session, since: datetime, end: datetime, times: int, limit: int = 10) -> list[TaskRebound]:
    """Departments with `times` or more tasks in [since, end) that cite a cut duty or match no duty at all."""
    pushed_back = or_(col(CatalogItem.duty).in_(CUT_DUTIES), col(Task.item_id).is_(None))
    window = and_(col(Task.received_on) >= since.date(), col(Task.received_on) < end.date(), pushed_back)
    counts = session.execute(
        select(col(Department.name), func.count())  # type: ignore[call-overload]
        .select_from(Task)
        .join(Department, col(Task.department_id) == Department.id)
        .join(CatalogItem, col(Task.item_id) == CatalogItem.id, isouter=True)
        .where(window)
        .group_by(col(Department.name))
        .having(func.count() >= times)
    ).all()
    out = []
    for department, count in sorted(counts, key=lambda r: (-int(r[1]), r[0])):
        tasks = session.execute(
            select(col(Task.ref), col(Task.received_on), col(Task.title))
            .join(Department, col(Task.department_id) == Department.id)
            .join(CatalogItem, col(Task.item_id) == CatalogItem.id, isouter=True)
            .where(window, col(Department.name) == department)
            .order_by(col(Task.received_on).desc(), col(Task.id).desc())
            .limit(limit)
        ).all()
        out.append(TaskRebound(department, int(count), [(r, f"{d:%Y-%m-%d}", t) for r, d, t in tasks]))
    return out


def rebounds_ending(session: Session, month: str) -> tuple[str, list[TaskRebound]]:
    """The street's rebound rule in words, and the departments that broke it over its months ending with `month`
    (YYYY-MM): what the monthly report and the dashboard both list."""
    rules = load_rules(session)
    year, number = int(month[:4]), int(month[5:7])
    first = year * 12 + number - rules.rebound_months  # months counted from year 0, January = 0
    since = datetime(first // 12, first % 12 + 1, 1)
    end = datetime(year + number // 12, number % 12 + 1, 1)
    rule = f"{rules.rebound_months} 个月内下派已减事项或清单外任务 {rules.rebound_times} 次及以上"
    return rule, task_rebounds(session, since, end, rules.rebound_times)
