"""Supervisor figures (DESIGN.md §5), computed in SQL with GROUP BY: one aggregate query overall, one per
department, one per status — never by loading requests into Python.

Every rate keeps its numerator and denominator. "Closed" is not "solved": only a callback that says solved counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from models.clock import now
from models.errors import UserError
from models.tables import Area, Department, Request
from models.workflow import OPEN_STATUSES, STATUS_LABELS

SATISFACTION_WEIGHTS = {"satisfied": 1.0, "basically": 0.9, "unsatisfied": 0.0}
COMPOSITE_WEIGHTS = {"response": 0.1, "resolution": 0.5, "satisfaction": 0.4}


@dataclass(frozen=True)
class Rate:
    numerator: float
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    def as_dict(self) -> dict[str, Any]:
        value = self.value
        return {
            "numerator": round(self.numerator, 2),
            "denominator": self.denominator,
            "rate": None if value is None else round(value, 4),
        }

    def percent(self) -> str:
        value = self.value
        return "—" if value is None else f"{100 * value:.1f}%"


@dataclass(frozen=True)
class Figures:
    total: int
    open: int
    overdue: int
    returns: int
    response: Rate
    resolution: Rate
    satisfaction: Rate
    on_time: Rate
    return_rate: Rate

    @property
    def composite(self) -> float | None:
        parts = {
            "response": self.response.value,
            "resolution": self.resolution.value,
            "satisfaction": self.satisfaction.value,
        }
        if any(v is None for v in parts.values()):
            return None
        return sum(COMPOSITE_WEIGHTS[k] * v for k, v in parts.items() if v is not None)

    def as_dict(self) -> dict[str, Any]:
        composite = self.composite
        return {
            "total": self.total,
            "open": self.open,
            "overdue": self.overdue,
            "returns": self.returns,
            "response_rate": self.response.as_dict(),
            "resolution_rate": self.resolution.as_dict(),
            "satisfaction_rate": self.satisfaction.as_dict(),
            "on_time_rate": self.on_time.as_dict(),
            "return_rate": self.return_rate.as_dict(),
            "composite": None if composite is None else round(composite, 4),
        }


@dataclass(frozen=True)
class DepartmentFigures:
    department: str
    figures: Figures


@dataclass
class Stats:
    period: str | None
    start: datetime | None
    end: datetime | None
    by_status: dict[str, int]
    overall: Figures
    by_department: list[DepartmentFigures] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "by_status": self.by_status,
            **self.overall.as_dict(),
            "by_department": [{"department": d.department, **d.figures.as_dict()} for d in self.by_department],
        }


DEPARTMENT_COLUMNS = ("承办部门", "总数", "在办", "超期", "退单", "解决率", "满意率", "按时办结率")


def department_rows(stats: Stats) -> list[tuple[str, ...]]:
    """The by-department table as display strings, in DEPARTMENT_COLUMNS order, for every front end."""
    return [
        (
            d.department,
            str(d.figures.total),
            str(d.figures.open),
            str(d.figures.overdue),
            str(d.figures.returns),
            d.figures.resolution.percent(),
            d.figures.satisfaction.percent(),
            d.figures.on_time.percent(),
        )
        for d in stats.by_department
    ]


def period_bounds(period: str) -> tuple[datetime, datetime]:
    """'2026-03' → [2026-03-01, 2026-04-01)."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}", period):
            raise ValueError(period)
        year, month = int(period[:4]), int(period[5:])
        start = datetime(year, month, 1)
    except ValueError:
        raise UserError(f"--period 应为 YYYY-MM（如 2026-03），收到 “{period}”") from None
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    return start, end


def count_where(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def aggregate_columns(at: datetime) -> list[Any]:
    r = Request
    satisfaction_points = case(*((col(r.satisfaction) == k, w) for k, w in SATISFACTION_WEIGHTS.items()), else_=0.0)
    due_for_response = and_(
        col(r.response_due_at).is_not(None),
        or_(col(r.accepted_at).is_not(None), col(r.response_due_at) <= at),
    )
    return [
        func.count().label("total"),
        count_where(col(r.status).in_(OPEN_STATUSES)).label("open"),
        count_where(and_(col(r.status).in_(OPEN_STATUSES), col(r.due_at) < at)).label("overdue"),
        func.coalesce(func.sum(r.return_count), 0).label("returns"),
        count_where(due_for_response).label("response_den"),
        count_where(and_(due_for_response, col(r.accepted_at) <= col(r.response_due_at))).label("response_num"),
        count_where(col(r.callback_solved).is_not(None)).label("resolution_den"),
        count_where(col(r.callback_solved).is_(True)).label("resolution_num"),
        count_where(col(r.satisfaction).is_not(None)).label("satisfaction_den"),
        func.coalesce(func.sum(satisfaction_points), 0.0).label("satisfaction_num"),
        count_where(and_(col(r.resolved_at).is_not(None), col(r.due_at).is_not(None))).label("on_time_den"),
        count_where(and_(col(r.resolved_at).is_not(None), col(r.resolved_at) <= col(r.due_at))).label("on_time_num"),
        count_where(or_(col(r.dispatched_at).is_not(None), col(r.return_count) > 0)).label("dispatched"),
        count_where(col(r.return_count) > 0).label("returned_requests"),
    ]


def figures_from_row(row: Any) -> Figures:
    return Figures(
        total=int(row.total),
        open=int(row.open),
        overdue=int(row.overdue),
        returns=int(row.returns),
        response=Rate(int(row.response_num), int(row.response_den)),
        resolution=Rate(int(row.resolution_num), int(row.resolution_den)),
        satisfaction=Rate(float(row.satisfaction_num), int(row.satisfaction_den)),
        on_time=Rate(int(row.on_time_num), int(row.on_time_den)),
        return_rate=Rate(int(row.returned_requests), int(row.dispatched)),
    )


def compute_stats(session: Session, period: str | None = None, at: datetime | None = None) -> Stats:
    at = at or now()
    start = end = None
    conditions: list[ColumnElement[bool]] = []
    if period:
        start, end = period_bounds(period)
        conditions = [col(Request.created_at) >= start, col(Request.created_at) < end]

    overall_row = session.execute(select(*aggregate_columns(at)).select_from(Request).where(*conditions)).one()
    status_rows = session.execute(
        select(col(Request.status), func.count()).where(*conditions).group_by(col(Request.status))
    ).all()
    by_status = {status: 0 for status in STATUS_LABELS}
    by_status.update({status: int(n) for status, n in status_rows})

    return Stats(
        period=period,
        start=start,
        end=end,
        by_status=by_status,
        overall=figures_from_row(overall_row),
        by_department=figures_by(session, "department", conditions, at),
    )


def period_conditions(period: str | None) -> list[ColumnElement[bool]]:
    if not period:
        return []
    start, end = period_bounds(period)
    return [col(Request.created_at) >= start, col(Request.created_at) < end]


def figures_by(
    session: Session, dimension: str, conditions: list[ColumnElement[bool]], at: datetime
) -> list[DepartmentFigures]:
    """The figures grouped by "department" or by "area" (the grid, or the community where no grid was given)."""
    if dimension == "department":
        name = func.coalesce(Department.name, "（未分派）")
        joined = select(name.label("name"), *aggregate_columns(at)).select_from(Request)
        joined = joined.join(Department, col(Request.department_id) == Department.id, isouter=True)
        group = Department.name
    elif dimension == "area":
        name = func.coalesce(Area.name, "（未指定网格）")
        joined = select(name.label("name"), *aggregate_columns(at)).select_from(Request)
        joined = joined.join(Area, col(Request.area_id) == Area.id, isouter=True)
        group = Area.name
    else:
        raise ValueError(dimension)
    rows = session.execute(joined.where(*conditions).group_by(group).order_by(func.count().desc(), group)).all()
    return [DepartmentFigures(row.name, figures_from_row(row)) for row in rows]
