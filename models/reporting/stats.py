"""Supervisor figures (docs/domain.md, “Metrics”), computed in SQL with GROUP BY: one aggregate query overall, one per
department, one per status — never by loading requests into Python.

Every rate keeps its numerator and denominator. "Closed" is not "solved": only a callback that says solved counts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from models.core.clock import now
from models.core.errors import UserError
from models.core.vocabulary import CHANNEL_LABELS, OPEN_STATUSES, STATUS_LABELS, Action, Privilege, Role
from models.people.permissions import Actor, may, require, visible
from models.reporting.weights import DEFAULT_COMPOSITE, Weights, load_weights
from models.store.tables import Area, CatalogItem, Department, Request, RequestEvent, WorkDay
from models.store.workdays import ensure_workdays


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


def score_text(composite: float | None) -> str:
    """The composite as every front end writes it: a score out of 100 with one decimal (91.0), never a percentage,
    so `stats`, the dashboard and the report files read the same number the same way."""
    return "—" if composite is None else f"{100 * composite:.1f}"


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
    reopen_rate: Rate = Rate(0, 0)
    median_days: float | None = None  # handling time in working days, requests resolved (nearest rank)
    p90_days: float | None = None
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_COMPOSITE))  # of the composite

    def weights_label(self) -> str:
        """The composite's weights in words, e.g. 响应10%·解决50%·满意40%."""
        names = {"response": "响应", "resolution": "解决", "satisfaction": "满意"}
        return "·".join(f"{names.get(k, k)}{100 * w:g}%" for k, w in self.weights.items())

    @property
    def composite(self) -> float | None:
        parts = {
            "response": self.response.value,
            "resolution": self.resolution.value,
            "satisfaction": self.satisfaction.value,
        }
        if any(v is None for v in parts.values()):
            return None
        return sum(self.weights[k] * v for k, v in parts.items() if v is not None)

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
            "reopen_rate": self.reopen_rate.as_dict(),
            "handling_days_median": self.median_days,
            "handling_days_p90": self.p90_days,
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
    by_department: list[DepartmentFigures] = field(default_factory=list)  # grouped by `dimension`
    dimension: str = "department"

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "by_status": self.by_status,
            **self.overall.as_dict(),
            "dimension": self.dimension,
            f"by_{self.dimension}": [{self.dimension: d.department, **d.figures.as_dict()} for d in self.by_department],
        }


DEPARTMENT_COLUMNS = ("承办部门", "总数", "在办", "超期", "退单", "解决率", "满意率", "按时办结率")


def department_rows(groups: list[DepartmentFigures]) -> list[tuple[str, ...]]:
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
        for d in groups
    ]


EARLIEST_PERIOD = "2000-01"  # no street's records go further back; an older month is a typo


def period_bounds(period: str) -> tuple[datetime, datetime]:
    """'2026-03' → [2026-03-01, 2026-04-01)."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}", period):
            raise ValueError(period)
        year, month = int(period[:4]), int(period[5:])
        start = datetime(year, month, 1)
        end = datetime(year + (month == 12), month % 12 + 1, 1)  # 9999-12 has no end: bad input, not a crash
    except ValueError:
        raise UserError(f"--period 应为 YYYY-MM（如 2026-03），收到 “{period}”") from None
    return start, end


def asked_period(period: str) -> tuple[datetime, datetime]:
    """The bounds of the month a user asked for with --period, from EARLIEST_PERIOD up to this month. A month still
    to come has no requests, and its report would be an empty one that looks real; saying why beats "应为 YYYY-MM"
    for 9999-12, which is in that form. Only for what users type: the report's trend reaches back past 2000-01."""
    if not re.fullmatch(r"\d{4}-\d{2}", period):
        raise UserError(f"--period 应为 YYYY-MM（如 2026-03），收到 “{period}”")
    if not 1 <= int(period[5:]) <= 12:
        raise UserError(f"--period {period} 不是月份：月份为 01–12")
    current = f"{now():%Y-%m}"
    if period < EARLIEST_PERIOD:
        raise UserError(f"--period {period} 早于 {EARLIEST_PERIOD}")
    if period > current:
        raise UserError(f"--period {period} 还没到（最近只能到本月 {current}）")
    return period_bounds(period)


def count_where(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def aggregate_columns(at: datetime, weights: Weights | None = None) -> list[Any]:
    r = Request
    points = (weights or Weights()).satisfaction
    satisfaction_points = case(*((col(r.satisfaction) == k, w) for k, w in points.items()), else_=0.0)
    due_for_response = and_(
        col(r.response_due_at).is_not(None),
        or_(col(r.accepted_at).is_not(None), col(r.response_due_at) <= at),
    )
    return [
        func.count().label("total"),
        count_where(col(r.status).in_(OPEN_STATUSES)).label("open"),
        count_where(and_(col(r.status).in_(OPEN_STATUSES), col(r.due_at) < at, col(r.paused_at).is_(None))).label(
            "overdue"
        ),
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
        count_where(col(r.callback_contacted).is_not(None)).label("called_back"),
        count_where(col(r.reopen_count) > 0).label("reopened"),
    ]


def figures_from_row(row: Any, weights: Weights | None = None) -> Figures:
    return Figures(
        weights=(weights or Weights()).composite,
        total=int(row.total),
        open=int(row.open),
        overdue=int(row.overdue),
        returns=int(row.returns),
        response=Rate(int(row.response_num), int(row.response_den)),
        resolution=Rate(int(row.resolution_num), int(row.resolution_den)),
        satisfaction=Rate(float(row.satisfaction_num), int(row.satisfaction_den)),
        on_time=Rate(int(row.on_time_num), int(row.on_time_den)),
        return_rate=Rate(int(row.returned_requests), int(row.dispatched)),
        # a request can only be reopened after a callback: those called back are the ones at risk
        reopen_rate=Rate(int(row.reopened), int(row.called_back)),
    )


def compute_stats(
    session: Session,
    period: str | None = None,
    at: datetime | None = None,
    by: str = "department",
    scope: Sequence[ColumnElement[bool]] = (),
) -> Stats:
    """The figures for a period (all time without one), overall and grouped by one of DIMENSIONS; `scope` limits
    them to the requests an operator may see (models.people.permissions.visible)."""
    if by not in DIMENSIONS:
        raise UserError(f"--by 统计维度应为 {'、'.join(DIMENSIONS)} 之一，收到 “{by}”")
    at = at or now()
    start, end = period_bounds(period) if period else (None, None)
    conditions = [*period_conditions(period), *scope]

    weights = load_weights(session)
    overall_row = session.execute(select(*aggregate_columns(at, weights)).select_from(Request).where(*conditions)).one()
    median, p90 = handling_percentiles(session, conditions).get("all", (None, None))
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
        overall=replace(figures_from_row(overall_row, weights), median_days=median, p90_days=p90),
        by_department=figures_by(session, by, conditions, at),
        dimension=by,
    )


def period_conditions(period: str | None) -> list[ColumnElement[bool]]:
    if not period:
        return []
    start, end = period_bounds(period)
    return [col(Request.created_at) >= start, col(Request.created_at) < end]


DIMENSIONS = {
    "department": "承办部门",
    "grid": "网格",
    "community": "社区",
    "category": "分类",
    "channel": "渠道",
}


def _dimension(dimension: str) -> tuple[Any, Any]:
    """(label expression, FROM clause with the joins it needs) for grouping requests by `dimension`."""
    grid, parent = aliased(Area), aliased(Area)
    base = Request.__table__  # type: ignore[attr-defined]
    if dimension == "department":
        joined = base.outerjoin(Department, col(Request.department_id) == Department.id)
        return func.coalesce(Department.name, "（未分派）"), joined
    if dimension == "grid":
        return func.coalesce(grid.name, "（未指定网格）"), base.outerjoin(grid, col(Request.area_id) == grid.id)
    if dimension == "community":
        joined = base.outerjoin(grid, col(Request.area_id) == grid.id).outerjoin(parent, grid.parent_id == parent.id)
        community = case(
            (col(grid.kind) == "community", col(grid.name)), (col(parent.kind) == "community", col(parent.name))
        )
        return func.coalesce(community, "（未指定社区）"), joined
    if dimension == "category":
        joined = base.outerjoin(CatalogItem, col(Request.item_id) == CatalogItem.id)
        return func.coalesce(Request.category, CatalogItem.category, "（未分类）"), joined
    if dimension == "channel":
        return col(Request.channel), base
    raise UserError(f"未知的统计维度 “{dimension}”（可用：{'、'.join(DIMENSIONS)}）")


def figures_by(
    session: Session, dimension: str, conditions: list[ColumnElement[bool]], at: datetime
) -> list[DepartmentFigures]:
    """The figures grouped by a dimension (DIMENSIONS), largest groups first, with handling-time percentiles."""
    label, joined = _dimension(dimension)
    weights = load_weights(session)
    rows = session.execute(
        select(label.label("name"), *aggregate_columns(at, weights))
        .select_from(joined)
        .where(*conditions)
        .group_by(label)
        .order_by(func.count().desc(), label)
    ).all()
    percentiles = handling_percentiles(session, conditions, label, joined)
    out = []
    for row in rows:
        median, p90 = percentiles.get(row.name, (None, None))
        name = CHANNEL_LABELS.get(row.name, row.name) if dimension == "channel" else row.name
        figures = figures_from_row(row, weights)
        out.append(DepartmentFigures(name, replace(figures, median_days=median, p90_days=p90)))
    return out


def handling_percentiles(
    session: Session, conditions: list[ColumnElement[bool]], label: Any = None, joined: Any = None
) -> dict[Any, tuple[float | None, float | None]]:
    """Median and p90 of working days from registration to resolution, per group, by nearest rank, in SQL.

    Working days come from the stored calendar (models.store.workdays): the difference of the two days' ordinals.
    """
    ensure_workdays(session, now().date())
    opened, closed = aliased(WorkDay), aliased(WorkDay)
    group = (label if label is not None else literal("all")).label("grp")
    days = (col(closed.ordinal) - col(opened.ordinal)).label("days")
    source = joined if joined is not None else Request.__table__  # type: ignore[attr-defined]
    source = source.join(opened, opened.day == func.date(Request.created_at)).join(
        closed, closed.day == func.date(Request.resolved_at)
    )
    ranked = (
        select(
            group,
            days,
            func.row_number().over(partition_by=group, order_by=days).label("rn"),
            func.count().over(partition_by=group).label("n"),
        )
        .select_from(source)
        .where(*conditions, col(Request.resolved_at).is_not(None))
        .subquery()
    )
    rows = session.execute(
        select(
            ranked.c.grp,
            func.min(case((ranked.c.rn >= 0.5 * ranked.c.n, ranked.c.days))),
            func.min(case((ranked.c.rn >= 0.9 * ranked.c.n, ranked.c.days))),
        ).group_by(ranked.c.grp)
    ).all()
    return {grp: (_number(median), _number(p90)) for grp, median, p90 in rows}


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def returns_by_department(session: Session, period: str | None = None) -> list[tuple[str, int, dict[str, int]]]:
    """Returns (退单) per returning unit, with how many cited each reason: a routing-quality signal, in SQL."""
    conditions: list[ColumnElement[bool]] = [col(RequestEvent.action) == Action.RETURN]
    if period:
        start, end = period_bounds(period)
        conditions += [col(RequestEvent.at) >= start, col(RequestEvent.at) < end]
    name = func.coalesce(Department.name, "（未分派）")
    rows = session.execute(
        select(name, col(RequestEvent.data), func.count())
        .select_from(RequestEvent)
        .join(Department, col(RequestEvent.department_id) == Department.id, isouter=True)
        .where(*conditions)
        .group_by(name, col(RequestEvent.data))
    ).all()
    totals: dict[str, tuple[int, dict[str, int]]] = {}
    for department, data, count in rows:  # grouped by the (small) set of distinct reason payloads
        code = json.loads(data or "{}").get("code", "other")
        total, reasons = totals.get(department, (0, {}))
        reasons[code] = reasons.get(code, 0) + int(count)
        totals[department] = (total + int(count), reasons)
    return sorted(((d, t, r) for d, (t, r) in totals.items()), key=lambda x: (-x[1], x[0]))


def stats_for(session: Session, actor: Actor, period: str | None = None, by: str = "department") -> Stats:
    """The figures an operator may see: the whole street for the dashboard's roles, and for a department handler
    their own unit's (the work dispatched to it); anyone else is refused."""
    if actor.role == Role.DEPARTMENT and not may(actor, Privilege.DASHBOARD):
        return compute_stats(session, period, by=by, scope=visible(actor))
    require(actor, Privilege.DASHBOARD)
    return compute_stats(session, period, by=by)
