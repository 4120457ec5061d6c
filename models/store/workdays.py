"""The working-day calendar kept in the database, filled from chinese-calendar on demand.

Handling times in working days must be computed in SQL (a median over a million requests cannot loop in Python),
so every day from FIRST_DAY on is a row with its running count of working days. Years are added when a query
needs them (the official calendar for a new year is published each November; rows already written for a year
chinese-calendar did not yet know fall back to Monday–Friday, and are not rewritten).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError, ProgrammingError
from sqlmodel import Session, col

from models.core.clock import is_workday
from models.core.errors import UserError
from models.store.failures import refused_privilege
from models.store.tables import WorkDay

FIRST_DAY = date(2000, 1, 1)


def ensure_workdays(session: Session, through: date) -> None:
    """Make sure the calendar reaches `through` (and the end of its year); cheap when it already does."""
    last = session.execute(select(func.max(col(WorkDay.day)))).scalar_one_or_none()
    if last is not None and last >= through:
        return
    end = date(max(through.year, (last or FIRST_DAY).year) + 1, 1, 1)
    if last is None:
        start, ordinal = FIRST_DAY, 0
    else:
        previous = session.execute(select(WorkDay).where(col(WorkDay.day) == last)).scalar_one()
        start, ordinal = last + timedelta(days=1), previous.ordinal + int(previous.workday)
    rows = []
    day = start
    while day < end:
        working = is_workday(day)
        rows.append({"day": day, "workday": working, "ordinal": ordinal})
        ordinal += int(working)
        day += timedelta(days=1)
    if rows:
        try:
            with session.begin_nested():  # two terminals may fill the same new year at once: one of them wins
                session.execute(insert(WorkDay), rows)
        except IntegrityError:
            pass
        except ProgrammingError as exc:  # a read-only reporting account (docs/deployment.md)
            if not refused_privilege(exc):
                raise
            raise UserError(
                f"工作日历尚未延至 {through.year} 年，而当前数据库账号只读："
                "请用有写权限的账号运行一次 xinsheng db upgrade"
            ) from None


def extend_calendar(session: Session) -> None:
    """The calendar through the end of next year: run by `db upgrade`, which has the rights to write it."""
    ensure_workdays(session, date(date.today().year + 1, 12, 31))
