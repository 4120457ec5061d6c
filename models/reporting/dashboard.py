"""The supervisor's dashboard as plain data: the figures, the freed-time ledger, rebounds and returns per unit.

One function, so the CLI's `stats --json` and any other front end show the same thing.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from models.core.clock import now
from models.core.vocabulary import Privilege
from models.people.permissions import Actor, require
from models.reporting.ledger import ledger, rebounds
from models.reporting.report import MonthlyReport, monthly_report
from models.reporting.stats import compute_stats, period_bounds, returns_by_department


def supervisor_dashboard(session: Session, actor: Actor, period: str) -> MonthlyReport:
    """The TUI's dashboard for one month: the same content as the monthly report, for those allowed to see it."""
    require(actor, Privilege.DASHBOARD)
    return monthly_report(session, period)


def dashboard_data(session: Session, period: str | None = None, by: str = "department") -> dict[str, Any]:
    """Figures of the period (all time without one) grouped by `by`, the 12-month ledger ending with the period
    (or this month), the period's rebound alerts and its returns per unit, JSON-ready."""
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
        "returns_by_department": [
            {"department": d, "returns": n, "reasons": reasons}
            for d, n, reasons in returns_by_department(session, period)
        ],
    }
