"""The supervisor's dashboard as plain data: the figures, the freed-time ledger, rebounds and returns per unit.

One function, so the CLI's `stats --json` and any other front end show the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from models.core.clock import now
from models.core.vocabulary import Privilege
from models.people.permissions import Actor, require
from models.reporting.burden import by_community, department_ranking, rebounds_ending
from models.reporting.ledger import ledger, month_starts, rebounds
from models.reporting.legislation import legislation_data
from models.reporting.report import MonthlyReport, monthly_report, return_reviews
from models.reporting.stats import compute_stats, count_where, period_bounds, returns_by_department
from models.store.tables import Request

MIN_REQUESTS_TO_OPEN = 30  # a current month with fewer requests opens the dashboard on the last complete month


@dataclass(frozen=True)
class Opening:
    """The month the dashboard opens on, and why: on the 1st the current month has a handful of requests and every
    rate reads 100%, which tells a supervisor nothing, so it opens on the last complete month and says so."""

    period: str
    current: str  # this month, YYYY-MM
    current_count: int  # requests logged in it so far

    @property
    def fell_back(self) -> bool:
        return self.period != self.current


def opening_period(session: Session, at: datetime | None = None) -> Opening:
    """This month when it has at least MIN_REQUESTS_TO_OPEN requests, else the month before it, unless that one has
    no more requests than this one (a new database has only this month: nothing better to show)."""
    current = f"{at or now():%Y-%m}"
    previous = f"{month_starts(current, 2)[0]:%Y-%m}"
    (start, end), (before, _) = period_bounds(current), period_bounds(previous)
    created = col(Request.created_at)
    this_month, last_month = session.execute(
        select(count_where(created >= start), count_where(created < start))
        .select_from(Request)
        .where(created >= before, created < end)
    ).one()
    this_month, last_month = int(this_month), int(last_month)
    if this_month >= MIN_REQUESTS_TO_OPEN or last_month <= this_month:
        return Opening(current, current, this_month)
    return Opening(previous, current, this_month)


def supervisor_dashboard(session: Session, actor: Actor, period: str) -> MonthlyReport:
    """The TUI's dashboard for one month: the same content as the monthly report, for those allowed to see it."""
    require(actor, Privilege.DASHBOARD)
    return monthly_report(session, period)


def opening_dashboard(session: Session, actor: Actor) -> tuple[Opening, MonthlyReport]:
    """The dashboard as it opens: the month chosen by opening_period, and its content."""
    require(actor, Privilege.DASHBOARD)
    opening = opening_period(session)
    return opening, monthly_report(session, opening.period)


def dashboard_data(session: Session, period: str | None = None, by: str = "department") -> dict[str, Any]:
    """Figures of the period (all time without one) grouped by `by`, the 12-month ledger ending with the period
    (or this month), the period's rebound alerts and its returns per unit, and the legislative contact point's
    counts (reporting.legislation.legislation_data), JSON-ready."""
    stats = compute_stats(session, period, by=by)
    start, end = period_bounds(period) if period else (datetime(2000, 1, 1), now() + timedelta(days=1))
    count, rows = rebounds(session, start, end)
    return {
        **stats.as_dict(),
        "freed_time_ledger": [
            {
                "month": m.month,
                "freed_hours": m.freed_hours,
                "hours_spent": m.hours_spent,
                "resolved": m.resolved,
                "solved": m.solved,
                "solved_per_100_freed_hours": None
                if m.solved_per_100_freed_hours is None
                else round(m.solved_per_100_freed_hours, 2),
                # the door's record beside the catalog's estimate (freed_hours): refused hours are freed on
                # record, off-list hours admitted anyway are added burden
                "freed_hours_recorded": m.door.refused_hours,
                "added_burden_hours": m.door.burden_hours,
                "tasks_refused": m.door.refused,
                "tasks_admitted_off_list": m.door.admitted_off_list,
            }
            for m in ledger(session, period or f"{now():%Y-%m}")
        ],
        "rebounds": {
            "count": count,
            "latest": [
                {"ref": r.ref, "created_at": r.created_at.isoformat(), "item": r.item_code, "handled_by": r.handled_by}
                for r in rows
            ],
        },
        "tasks_by_community": [
            {
                "community": c.community,
                "tasks": c.tasks,
                "freed_hours_recorded": c.door.refused_hours,
                "added_burden_hours": c.door.burden_hours,
                "requests_solved": c.solved,
                "request_hours_spent": c.hours_spent,
            }
            for c in by_community(session, start, end)
        ],
        "tasks_by_department": [
            {
                "department": d.department,
                "pushed": d.pushed,
                "refused": d.refused,
                "admitted_off_list": d.admitted_off_list,
                "cut_items_pushed": d.cut_pushed,
                "hours": d.hours,
            }
            for d in department_ranking(session, start, end)
        ],
        "task_rebounds": [
            {"department": r.department, "count": r.count, "tasks": [ref for ref, _, _ in r.tasks]}
            for r in rebounds_ending(session, period or f"{now():%Y-%m}")[1]
        ],
        "return_reviews": dict(zip(("pending", "late"), return_reviews(session, now()), strict=True)),
        "returns_by_department": [
            {"department": d, "returns": n, "reasons": reasons}
            for d, n, reasons in returns_by_department(session, period)
        ],
        "legislation": legislation_data(session, period),
    }
