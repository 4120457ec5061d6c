"""What the main screens look like, at 80×24 and 120×36, in the dark and the light theme (SVG snapshots).

The clock is pinned (XINSHENG_NOW) and the data is logged at fixed times, so deadlines, "overdue" marks and
the dashboard's months are the same on every run. Update after a deliberate change with
`pytest tests/test_snapshots.py --snapshot-update`, and look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from textual.widgets import Input

from models.access.policy import mark_training
from models.core.clock import simulated_time
from models.files.catalog_import import import_catalog
from models.people.permissions import add_operator
from models.requests import workflow
from models.requests.escalation import escalate
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import open_engine, session_scope
from tests.accounts import give_password
from tests.conftest import area_chain, take_on
from tests.tui.signing import on_sign_in_form, sign_in
from tests.tui.svg_text import snapshot_difference
from tests.tui.waits import idle, until
from tui.app import XinshengApp

NOW = "2026-03-20T10:00:00"
SIZES = [(80, 24), (120, 36)]
THEMES = ["textual-dark", "textual-light"]
ADMIN = Actor("调度")
OPERATOR = "演示管理员"

REQUESTS = [
    # (logged at, title, text, item, what happened to it)
    (datetime(2026, 3, 2, 9, 15), "楼道里想放几把折叠椅", "3号楼没有电梯，老人爬楼要歇脚", "JD-002", "closed"),
    (datetime(2026, 3, 5, 14, 0), "楼上水管漏水", "卫生间天花板一直滴水", "JD-003", "in_progress"),
    (datetime(2026, 3, 9, 20, 30), "广场舞音响太吵", "每天晚上八点到十点", "JD-004", "returned"),
    (datetime(2026, 3, 16, 8, 40), "小区路灯不亮", "5号楼门口路灯坏了一周", "JD-007", "accepted"),
    (datetime(2026, 3, 19, 16, 5), "门口乱停车", "消防通道被占", "JD-010", "new"),
]


@pytest.fixture
def snapshot_engine(tmp_path: Path, catalog_csv: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("XINSHENG_NOW", NOW)
    engine = open_engine(tmp_path / "snap.db")
    with session_scope(engine) as s:
        import_catalog(s, catalog_csv)
        _, _, grid = area_chain(s, "和平街道", "槐安里社区", "槐安里社区第1网格")
        add_operator(s, OPERATOR, "admin")
        give_password(s, OPERATOR)
        mark_training(s)  # a screenshot database: the only kind on which XINSHENG_NOW pins the clock
        for at, title, text, item, outcome in REQUESTS:
            with simulated_time(at):
                request = log_request(
                    s, ADMIN, title=title, text=text, item_code=item, area_id=grid.id, resident_phone="13812345678"
                ).request
                if outcome == "accepted":
                    workflow.accept(s, request, ADMIN)
                elif outcome != "new":
                    take_on(s, request, ADMIN)
                if outcome == "returned":
                    workflow.return_request(s, request, ADMIN, "不在本辖区", code="outside_area")
                elif outcome == "closed":
                    workflow.resolve(s, request, ADMIN, "已协调物业安装折叠座椅 4 把", hours=2)
                    workflow.callback(s, request, ADMIN, satisfaction="satisfied")
    with session_scope(engine) as s:
        escalate(s)  # done before the app starts, so its own start-up escalation finds nothing and races nothing
    return engine


def _app(engine: Engine, theme: str) -> XinshengApp:
    app = XinshengApp(engine, operator=OPERATOR)
    app.theme = theme
    return app


async def _settle(pilot, ready, *, signed_in: bool = True) -> None:
    """Signed in (through the form, as a person does), wait for the thread workers to fill the screen and for the app
    to go idle, then drop the start-up toasts."""
    if signed_in and not pilot.app.signed_in:
        await sign_in(pilot, pilot.app, OPERATOR)
    await until(pilot, lambda: ready(pilot.app), "the screen filling")
    await idle(pilot)
    await pilot.wait_for_scheduled_animations()
    pilot.app.clear_notifications()
    for field in pilot.app.screen.query(Input):
        # a blinking cursor is captured on or off by chance (a loaded machine caught it off): hold it on
        field.cursor_blink = False
    await idle(pilot)


def _screen_named(name: str):
    return lambda app: type(app.screen).__name__ == name


async def _intake(pilot) -> None:
    await _settle(pilot, lambda app: _screen_named("IntakeScreen")(app) and app.matcher_ready.is_set())
    await pilot.press(*"楼道里想放几把折叠椅")
    await _settle(pilot, lambda app: app.screen.query_one("#suggestions").option_count > 0)


async def _queue(pilot) -> None:
    await _settle(pilot, _screen_named("IntakeScreen"))
    await pilot.press("f3")
    await _settle(pilot, lambda app: _screen_named("QueueScreen")(app) and app.screen.query_one("#queue").row_count)


async def _detail(pilot) -> None:
    from tui.detail import DetailScreen

    await _settle(pilot, _screen_named("IntakeScreen"))
    pilot.app.push_screen(DetailScreen(2))  # the leaking pipe, being handled
    await _settle(
        pilot,
        lambda app: (
            _screen_named("DetailScreen")(app)
            and app.screen.detail is not None
            and app.screen.query_one("#timeline").row_count > 0
        ),  # the rows size the columns: wait for them too
    )


async def _dashboard(pilot) -> None:
    await _settle(pilot, _screen_named("IntakeScreen"))
    await pilot.press("f4")
    await _settle(
        pilot, lambda app: _screen_named("StatsScreen")(app) and "5" in str(app.screen.query_one("#t-total").render())
    )


async def _catalog(pilot) -> None:
    await _settle(pilot, _screen_named("IntakeScreen"))
    await pilot.press("f9")
    await _settle(
        pilot,
        lambda app: (
            _screen_named("CatalogScreen")(app) and "JD-001" in str(app.screen.query_one("#item-detail").render())
        ),
    )


async def _signin(pilot) -> None:
    """The form as --operator leaves it: the name filled in, the cursor in the password field."""
    await _settle(pilot, lambda app: on_sign_in_form(app) and app.screen._operators, signed_in=False)


SCREENS = {
    "signin": _signin,
    "intake": _intake,
    "queue": _queue,
    "detail": _detail,
    "dashboard": _dashboard,
    "catalog": _catalog,
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(request, snap_compare, snapshot_engine, screen, size, theme) -> None:
    same = snap_compare(_app(snapshot_engine, theme), terminal_size=size, run_before=SCREENS[screen])
    assert same, snapshot_difference(request.node)
