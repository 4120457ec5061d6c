"""The dashboard lists the drafts still taking opinions with their closing dates, soonest first (issue 19): a
supervisor signs in, presses 7 and sees them, with the year's figures above."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from models.core.clock import now
from models.legislation.consultations import create_consultation
from models.legislation.drafts import split_draft
from models.legislation.opinions import add_opinion
from models.store.engine import session_scope
from tests.accounts import register
from tests.consultations import STREET, WORKER
from tests.tui.signing import screen_text, sign_in
from tests.tui.waits import until
from tui.app import XinshengApp
from tui.stats import StatsScreen


def _consult(engine, title: str, opens_days_ago: int, closes_in: int | None, opinions: int = 0) -> None:
    today = now().date()
    with session_scope(engine) as s:
        consultation = create_consultation(
            s, STREET, split_draft(f"{title}\n第一条 本条例适用于本市。\n"), title=title, issuer="市人大常委会法工委",
            opens_on=today - timedelta(days=opens_days_ago),
            closes_on=None if closes_in is None else today + timedelta(days=closes_in),
        )  # fmt: skip
        assert consultation.id is not None
        for n in range(opinions):
            add_opinion(s, WORKER, consultation.id, f"意见 {n}", given_on=today)


def _table_rows(app) -> list[tuple[str, ...]]:
    table = app.screen.query_one("#open-consultations", DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(r)) for r in range(table.row_count)]


async def _open_tab(pilot, app, name: str, rows: int) -> None:
    """Signed in as `name`, the dashboard's tab 7 with `rows` open consultations listed."""
    await sign_in(pilot, app, name)
    await until(pilot, lambda: isinstance(app.screen, StatsScreen), "the dashboard")
    await pilot.press("7")
    await until(pilot, lambda: len(_table_rows(app)) == rows, "the open consultations listed")


async def test_the_supervisor_sees_the_open_consultations_soonest_closing_first(sqlite_catalog) -> None:
    engine = sqlite_catalog
    _consult(engine, "养犬管理规定", 3, None)
    _consult(engine, "社区服务促进法", 10, 20, opinions=2)
    _consult(engine, "物业管理条例", 60, -1)  # closed yesterday: not listed
    name = register(engine, "周主任", "supervisor")
    closes = f"{now().date() + timedelta(days=20):%Y-%m-%d}"
    app = XinshengApp(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_tab(pilot, app, name, 2)
        assert _table_rows(app) == [
            (closes, "2", "0", "2", "0", "社区服务促进法", "市人大常委会法工委"),
            ("无截止日期", "0", "0", "0", "0", "养犬管理规定", "市人大常委会法工委"),
        ]
        await until(pilot, lambda: "正在征求意见的草案 2 部" in screen_text(app), "the tab on screen")
        shown = screen_text(app)
        assert "社区服务促进法" in shown and closes in shown and "物业管理条例" not in shown


async def test_at_80_columns_the_counts_are_on_screen_and_the_title_gives_way(sqlite_catalog) -> None:
    """Found in a walkthrough at 80×24: the long title came first and pushed the counts off the screen."""
    engine = sqlite_catalog
    _consult(engine, "中华人民共和国社区服务促进法（草案）（第二次征求意见稿）", 10, 20, opinions=3)
    name = register(engine, "周主任", "supervisor")
    app = XinshengApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_tab(pilot, app, name, 1)
        await until(pilot, lambda: "中华人民共和国社区" in screen_text(app), "the row drawn")
        assert "待反馈" in screen_text(app)  # the last count's heading, left of the title
