"""The freed-time ledger: hours the street no longer spends on cut duties, against the problems it solves.

Two kinds of freed hours stand side by side: the catalog's estimate (below) and what the admission door recorded
(models.reporting.burden: hours refused, and off-list hours admitted anyway as added burden).

Cutting a duty (收回上级, 取消, 合并) frees its yearly hours from its effective date on, prorated by day. The ledger
sets those hours beside the hours spent on requests resolved in the same month and the requests a callback
confirmed solved. Rebound alerts are the other side: requests that match a cut duty but were still handled by the
street or a community, i.e. work that was cut on paper and came back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, case, func, select
from sqlmodel import Session, col

from models.core.vocabulary import CUT_DUTIES, ROUTED_AWAY_DUTIES, STREET_LEVELS
from models.reporting.burden import DoorHours, door_hours_by_month
from models.store.tables import CatalogItem, Department, Request

MIN_FREED_HOURS = 50.0  # below this a month's "solved per 100 freed hours" is not shown (—)
RATIO_NOTE = f"每百减负工时解决：减负工时不足 {MIN_FREED_HOURS:g} 小时的月份不计算（—），以免分母过小失真。"


@dataclass(frozen=True)
class LedgerMonth:
    month: str  # YYYY-MM
    freed_hours: float  # the estimate: the yearly hours of cut catalog items, prorated
    hours_spent: float
    resolved: int
    solved: int  # resolved and confirmed solved at callback
    # on record: hours refused at the door, off-list hours admitted anyway
    door: DoorHours = field(default_factory=DoorHours)

    @property
    def solved_per_100_freed_hours(self) -> float | None:
        """None below MIN_FREED_HOURS: a month with a few freed hours (a cut that took effect on its last days)
        would divide by almost nothing and show a ratio in the hundreds that skews the trend."""
        if self.freed_hours < MIN_FREED_HOURS:
            return None
        return 100.0 * self.solved / self.freed_hours


@dataclass(frozen=True)
class Rebound:
    ref: str
    title: str
    created_at: datetime
    item_code: str
    item_name: str
    duty: str
    handled_by: str


def month_starts(last: str, count: int) -> list[datetime]:
    """The first day of `count` months ending with `last` (YYYY-MM), oldest first."""
    year, month = int(last[:4]), int(last[5:])
    out = []
    for _ in range(count):
        out.append(datetime(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def _next_month(start: datetime) -> datetime:
    return datetime(start.year + (start.month == 12), start.month % 12 + 1, 1)


def freed_hours(cut_items: list[tuple[float, date | datetime]], start: datetime, end: datetime) -> float:
    """Hours freed in [start, end) by cut items given as (hours per year, effective from), prorated by day."""
    total = 0.0
    for hours, effective in cut_items:
        effective_day = effective.date() if isinstance(effective, datetime) else effective
        first = max(start.date(), effective_day)
        days = (end.date() - first).days
        if days > 0:
            total += hours * days / 365.0
    return total


def ledger(session: Session, last_month: str, months: int = 12) -> list[LedgerMonth]:
    """One row per month ending with `last_month`; the request side is one SQL query with a column pair per month."""
    starts = month_starts(last_month, months)
    cut_items = [
        (float(hours or 0), effective)
        for hours, effective in session.execute(
            select(col(CatalogItem.hours_per_year), col(CatalogItem.effective_from)).where(
                col(CatalogItem.duty).in_(CUT_DUTIES), col(CatalogItem.effective_from).is_not(None)
            )
        ).all()
        if hours
    ]
    resolved_at = col(Request.resolved_at)
    columns = []
    for start in starts:
        in_month = and_(resolved_at >= start, resolved_at < _next_month(start))
        columns += [
            func.coalesce(func.sum(case((in_month, 1), else_=0)), 0),
            func.coalesce(func.sum(case((and_(in_month, col(Request.callback_solved).is_(True)), 1), else_=0)), 0),
            func.coalesce(func.sum(case((in_month, func.coalesce(col(Request.hours_spent), 0.0)), else_=0.0)), 0.0),
        ]
    window = and_(resolved_at >= starts[0], resolved_at < _next_month(starts[-1]))
    row = session.execute(select(*columns).select_from(Request).where(window)).one()
    door = door_hours_by_month(session, starts, _next_month(starts[-1]))
    out = []
    for index, start in enumerate(starts):
        resolved, solved, spent = row[3 * index], row[3 * index + 1], row[3 * index + 2]
        out.append(
            LedgerMonth(
                month=f"{start:%Y-%m}",
                freed_hours=round(freed_hours(cut_items, start, _next_month(start)), 1),
                hours_spent=round(float(spent or 0), 1),
                resolved=int(resolved or 0),
                solved=int(solved or 0),
                door=door[index],
            )
        )
    return out


def rebounds(session: Session, start: datetime, end: datetime, limit: int = 50) -> tuple[int, list[Rebound]]:
    """Requests of the period routed to a cut duty yet handled by the street or a community: (count, newest)."""
    conditions = (
        col(Request.created_at) >= start,
        col(Request.created_at) < end,
        col(CatalogItem.duty).in_(ROUTED_AWAY_DUTIES),
        col(Department.level).in_(STREET_LEVELS),
    )
    base = (
        select(
            col(Request.ref),
            col(Request.title),
            col(Request.created_at),
            col(CatalogItem.code),
            col(CatalogItem.name),
            col(CatalogItem.duty),
            col(Department.name),
        )
        .join(CatalogItem, col(Request.item_id) == CatalogItem.id)
        .join(Department, col(Request.department_id) == Department.id)
        .where(*conditions)
    )
    total = session.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    rows = session.execute(base.order_by(col(Request.created_at).desc()).limit(limit)).all()
    return int(total), [Rebound(*row) for row in rows]
