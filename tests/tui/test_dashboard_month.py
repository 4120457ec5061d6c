"""The dashboard's month: on the first days of a month it opens on the last complete one and says so, and the month
picker has a key of its own, in the footer and in help. An open picker's footer speaks the interface's language."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from textual.widgets import Select

from models.access.policy import mark_training
from models.core.clock import simulated_time
from models.reporting.dashboard import MIN_REQUESTS_TO_OPEN, opening_period
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import session_scope
from tests.accounts import register
from tests.tui.signing import screen_text, sign_in
from tests.tui.waits import idle, until
from tui.app import XinshengApp
from tui.help import HelpScreen
from tui.stats import StatsScreen

NOW = datetime(2026, 3, 2, 9, 0)  # the second day of March: three requests so far
LOGGER = Actor("调度")


def _log(engine, first: datetime, count: int) -> None:
    with session_scope(engine) as s:
        for n in range(count):
            with simulated_time(first + timedelta(hours=n)):
                log_request(s, LOGGER, title=f"路灯不亮 {n}", item_code="JD-007")


@pytest.fixture
def early_in_march(catalog_engine, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XINSHENG_NOW", NOW.isoformat())
    with session_scope(catalog_engine) as s:
        mark_training(s)  # the only kind of database a pinned clock runs on
    _log(catalog_engine, datetime(2026, 2, 2, 8), MIN_REQUESTS_TO_OPEN + 5)
    _log(catalog_engine, datetime(2026, 3, 1, 8), 3)
    return catalog_engine


def test_a_month_with_few_requests_opens_on_the_one_before(early_in_march) -> None:
    with session_scope(early_in_march) as s:
        opening = opening_period(s, NOW)
    assert (opening.period, opening.current, opening.current_count, opening.fell_back) == (
        "2026-02",
        "2026-03",
        3,
        True,
    )
    _log(early_in_march, datetime(2026, 3, 1, 20), MIN_REQUESTS_TO_OPEN)
    with session_scope(early_in_march) as s:
        assert opening_period(s, NOW).period == "2026-03"


def test_a_new_database_opens_on_this_month_however_few(catalog_engine) -> None:
    """Nothing before this month: the month before would show less, not more."""
    _log(catalog_engine, datetime(2026, 3, 1, 8), 3)
    with session_scope(catalog_engine) as s:
        opening = opening_period(s, NOW)
    assert opening.period == "2026-03" and not opening.fell_back


def _stats_ready(app) -> bool:
    return isinstance(app.screen, StatsScreen) and "诉求总数" in str(app.screen.query_one("#t-total").render())


async def test_the_dashboard_opens_on_the_last_complete_month_and_says_so(early_in_march) -> None:
    name = register(early_in_march, "周主任", "supervisor")
    app = XinshengApp(early_in_march)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, name)
        await until(pilot, lambda: _stats_ready(app), "the dashboard")
        await idle(pilot)
        screen = app.screen
        assert screen.query_one("#period", Select).value == "2026-02"
        assert str(MIN_REQUESTS_TO_OPEN + 5) in str(screen.query_one("#t-total").render())
        assert f"本月至今仅登记 3 件（不足 {MIN_REQUESTS_TO_OPEN} 件）" in screen_text(app)

        assert "m 选月份" in screen_text(app)  # the picker's key, in the footer
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        assert "选月份" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "back from help")

        await pilot.press("m")  # opens the picker; its footer is in Chinese too
        picker = screen.query_one("#period", Select)
        await until(pilot, lambda: picker.expanded, "the month list open")
        await idle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Dismiss" not in footer and "收起列表" in footer
        await pilot.press("up", "enter")  # the month after February: this one
        await until(pilot, lambda: picker.value == "2026-03" and "3" in str(screen.query_one("#t-total").render()))
        await idle(pilot)
        assert "本月至今仅登记" not in screen_text(app)  # picked by hand: nothing to explain
