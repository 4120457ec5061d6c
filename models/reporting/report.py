"""The monthly report a supervisor takes to the meeting: every figure with its numerator and denominator.

The content is assembled here once (all of it in SQL aggregates); models.files.report_files renders it as XLSX with
native charts, as HTML with inline SVG charts, or as Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from models.core.clock import now, working_days_late
from models.core.vocabulary import OPEN_STATUSES
from models.reporting.burden import (
    CommunityBurden,
    DepartmentTasks,
    TaskRebound,
    by_community,
    department_ranking,
    rebounds_ending,
)
from models.reporting.ledger import LedgerMonth, Rebound, ledger, month_starts, rebounds
from models.reporting.legislation import LegislationFigures, monthly_figures
from models.reporting.stats import (
    DepartmentFigures,
    Figures,
    aggregate_columns,
    compute_stats,
    count_where,
    figures_by,
    figures_from_row,
    period_bounds,
)
from models.reporting.weights import load_weights
from models.store.consistency import chain_heads
from models.store.tables import Area, CatalogItem, Department, Request

TREND_MONTHS = 12
LISTED = 20  # requests listed by name under the overdue and returned figures
LATE_LABEL = "超期（工作日）"  # the heading over days_late wherever it is shown: deadlines are set in working days


@dataclass(frozen=True)
class HotSpot:
    """A recurring problem: one catalog item in one community, several times in the month."""

    item_code: str
    item_name: str
    community: str
    count: int
    open: int
    example: str


@dataclass(frozen=True)
class LateRequest:
    ref: str
    title: str
    department: str
    due_at: datetime
    days_late: int  # working days past due_at (clock.working_days_late), as the detail screen counts them
    returns: int


@dataclass
class MonthlyReport:
    period: str
    generated_at: datetime
    overall: Figures
    by_department: list[DepartmentFigures]
    by_area: list[DepartmentFigures]
    trend: list[tuple[str, Figures]]
    overdue: list[LateRequest]
    returned: list[LateRequest]
    hot_spots: list[HotSpot]
    ledger: list[LedgerMonth]
    rebound_count: int
    rebounds: list[Rebound] = field(default_factory=list)
    # the admission door (issue 18): per community, departments ranked by tasks pushed, and task rebounds
    by_community: list[CommunityBurden] = field(default_factory=list)
    department_tasks: list[DepartmentTasks] = field(default_factory=list)
    task_rebounds: list[TaskRebound] = field(default_factory=list)
    rebound_rule: str = ""
    return_reviews: tuple[int, int] = (0, 0)  # 退单 awaiting a supervisor's ruling now, and of those past its limit
    chain_heads: list[str] = field(default_factory=list)  # the trails' heads when it was made (db check's lines)
    legislation: LegislationFigures | None = None  # the legislative contact point (issue 19)

    @property
    def previous(self) -> Figures | None:
        return self.trend[-2][1] if len(self.trend) >= 2 else None

    @property
    def overdue_ranking(self) -> list[DepartmentFigures]:
        """Units with overdue work, most first (then the lower on-time rate first): who to call this morning."""
        late = [d for d in self.by_department if d.figures.overdue]
        return sorted(late, key=lambda d: (-d.figures.overdue, d.figures.on_time.value or 0.0, d.department))


def _hot_spots(session: Session, start: datetime, end: datetime, minimum: int = 3, limit: int = 10) -> list[HotSpot]:
    grid, community = aliased(Area), aliased(Area)
    place = func.coalesce(community.name, grid.name, "（未指定）")
    rows = session.execute(
        select(
            col(CatalogItem.code),
            col(CatalogItem.name),
            place.label("place"),
            func.count().label("n"),
            count_where(col(Request.status).in_(OPEN_STATUSES)).label("open"),
            func.min(col(Request.title)).label("example"),
        )
        .select_from(Request)
        .join(CatalogItem, col(Request.item_id) == CatalogItem.id)
        .join(grid, col(Request.area_id) == grid.id, isouter=True)
        .join(community, and_(col(grid.parent_id) == community.id, col(grid.kind) == "grid"), isouter=True)
        .where(col(Request.created_at) >= start, col(Request.created_at) < end, col(Request.status) != "merged")
        .group_by(col(CatalogItem.code), col(CatalogItem.name), place)
        .having(func.count() >= minimum)
        .order_by(func.count().desc(), col(CatalogItem.code))
        .limit(limit)
    ).all()
    return [
        HotSpot(code, name, where, int(n), int(open_ or 0), example) for code, name, where, n, open_, example in rows
    ]


def _request_list(session: Session, where: list[Any], order_by: list[Any], limit: int = LISTED) -> list[Any]:
    """(ref, title, department, due, returns) of the requests the report lists by name."""
    return list(
        session.execute(
            select(
                col(Request.ref),
                col(Request.title),
                func.coalesce(Department.name, "（未分派）"),
                col(Request.due_at),
                col(Request.return_count),
            )
            .join(Department, col(Request.department_id) == Department.id, isouter=True)
            .where(*where)
            .order_by(*order_by)
            .limit(limit)
        ).all()
    )


def _late(session: Session, at: datetime, start: datetime, end: datetime) -> list[LateRequest]:
    """The most overdue of the requests the month's overdue figure counts (logged in the month, open, past their
    deadline, not paused), so the list under "超期 N 件" never shows work the N does not include."""
    open_and_late = [
        col(Request.status).in_(OPEN_STATUSES),
        col(Request.due_at) < at,
        col(Request.paused_at).is_(None),
        col(Request.created_at) >= start,
        col(Request.created_at) < end,
    ]
    rows = _request_list(session, open_and_late, [col(Request.due_at), col(Request.ref)], limit=LISTED)
    # per row in Python: at most LISTED rows, and the official holiday calendar is not in the database
    return [LateRequest(ref, title, dept, due, working_days_late(due, at), int(n)) for ref, title, dept, due, n in rows]


def return_reviews(session: Session, at: datetime) -> tuple[int, int]:
    """(退单 awaiting a ruling, of those past the ruling's time limit), as they stand at `at`."""
    due = col(Request.return_review_due_at)
    pending, late = session.execute(
        select(func.count(), count_where(due < at)).select_from(Request).where(due.is_not(None))
    ).one()
    return int(pending), int(late or 0)


def _returned(session: Session, start: datetime, end: datetime) -> list[LateRequest]:
    returned = [col(Request.return_count) > 0, col(Request.created_at) >= start, col(Request.created_at) < end]
    rows = _request_list(session, returned, [col(Request.return_count).desc(), col(Request.created_at)])
    return [LateRequest(ref, title, dept, due, 0, int(n)) for ref, title, dept, due, n in rows]


def monthly_report(session: Session, period: str, at: datetime | None = None) -> MonthlyReport:
    at = at or now()
    start, end = period_bounds(period)
    stats = compute_stats(session, period, at)
    weights = load_weights(session)
    conditions = [col(Request.created_at) >= start, col(Request.created_at) < end]
    trend = []
    for month_start in month_starts(period, TREND_MONTHS):
        month = f"{month_start:%Y-%m}"
        month_from, month_to = period_bounds(month)
        row = session.execute(
            select(*aggregate_columns(at, weights))
            .select_from(Request)
            .where(col(Request.created_at) >= month_from, col(Request.created_at) < month_to)
        ).one()
        trend.append((month, figures_from_row(row, weights)))
    rebound_count, rebound_rows = rebounds(session, start, end)
    rebound_rule, pushing_back = rebounds_ending(session, period)
    return MonthlyReport(
        period=period,
        generated_at=at,
        overall=stats.overall,
        by_department=stats.by_department,
        by_area=figures_by(session, "grid", conditions, at),
        trend=trend,
        overdue=_late(session, at, start, end),
        returned=_returned(session, start, end),
        return_reviews=return_reviews(session, at),
        hot_spots=_hot_spots(session, start, end),
        ledger=ledger(session, period, TREND_MONTHS),
        rebound_count=rebound_count,
        rebounds=rebound_rows,
        by_community=by_community(session, start, end),
        department_tasks=department_ranking(session, start, end),
        task_rebounds=pushing_back,
        rebound_rule=rebound_rule,
        legislation=monthly_figures(session, period, at.date()),
        chain_heads=chain_heads(session.connection()),
    )
