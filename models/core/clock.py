"""Local time and Chinese working days.

Stored times are naive China Standard Time; working days follow the official calendar (holidays and make-up
workdays) from chinese-calendar, and fall back to Monday–Friday for years its data does not yet cover.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from models.core.config import config

CST = timezone(timedelta(hours=8), "CST")  # China has kept UTC+8 without daylight saving since 1991
_simulated: ContextVar[datetime | None] = ContextVar("simulated_now", default=None)


def now() -> datetime:
    simulated = _simulated.get()
    if simulated is not None:
        return simulated
    pinned = config().pinned_now
    if pinned:  # a fixed "now" for training rooms, screenshots and end-to-end tests, in every thread and process
        return _pinned(pinned)
    return datetime.now(CST).replace(tzinfo=None, microsecond=0)


@lru_cache(maxsize=4)
def _pinned(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None, microsecond=0)
    except ValueError as exc:
        from models.core.errors import UserError

        raise UserError(f"XINSHENG_NOW 应为 ISO 时间，如 2026-03-20T10:00，收到 “{value}”") from exc


@contextmanager
def simulated_time(at: datetime) -> Iterator[None]:
    """Run domain functions as if it were `at`: the demo replays a year of work, tests pin deadlines."""
    token = _simulated.set(at.replace(microsecond=0))
    try:
        yield
    finally:
        _simulated.reset(token)


@lru_cache(maxsize=8192)
def is_workday(day: date) -> bool:
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def working_days(start: datetime, end: datetime) -> int:
    """Working days from `start` to `end`: the days after `start` up to and including `end` that are workdays."""
    count, day = 0, start.date()
    while day < end.date():
        day += timedelta(days=1)
        count += is_workday(day)
    return count


def working_days_late(due: datetime, at: datetime) -> int:
    """How late work past its deadline is, in the unit deadlines are set in. At least 1: work a few hours past its
    deadline is late, and "超期 0 个工作日" would read as on time. The detail screen, the dashboard and the report
    all show this one figure, so a supervisor never sees two counts for one request."""
    return max(1, working_days(due, at))


def subtract_working_days(end: datetime, days: int) -> datetime:
    """The same clock time `days` working days earlier (the inverse of add_working_days on working days)."""
    current = end
    remaining = days
    while remaining > 0:
        current -= timedelta(days=1)
        if is_workday(current.date()):
            remaining -= 1
    return current


def add_working_days(start: datetime, days: int) -> datetime:
    """The same clock time `days` working days later; a start on a day off counts from the next working day."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_workday(current.date()):
            remaining -= 1
    return current
