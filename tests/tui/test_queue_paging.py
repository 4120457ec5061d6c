"""The queue's status line: PgUp/PgDn turn the page as it says, and an empty result says so in words."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from models.store.engine import session_scope
from tests.accounts import register
from tests.tui.signing import sign_in
from tests.tui.waits import idle, until
from tui import queue
from tui.app import XinshengApp
from tui.queue import QueueScreen

ADMIN = "王网格"


def count_line(app) -> str:
    return str(app.screen.query_one("#queue-count").render())


async def on_queue(pilot, app) -> DataTable:
    await sign_in(pilot, app, ADMIN)
    await pilot.press("f3")
    await until(pilot, lambda: isinstance(app.screen, QueueScreen))
    return app.screen.query_one("#queue", DataTable)


@pytest.fixture
def app(sqlite_catalog) -> XinshengApp:
    from models.requests.intake import log_request
    from models.requests.workflow import Actor

    register(sqlite_catalog, ADMIN)
    with session_scope(sqlite_catalog) as s:
        for n in range(5):
            log_request(s, Actor("t"), title=f"楼道灯不亮{n}", item_code="JD-007")
    return XinshengApp(sqlite_catalog)


async def test_pgdn_and_pgup_turn_the_page_with_the_table_focused(app, monkeypatch) -> None:
    """The table's own PgDn only scrolled within the page; Ctrl+N and Ctrl+B still turn it too."""
    monkeypatch.setattr(queue, "PAGE", 2)  # pages of 2 rows: 5 requests make 3 pages
    async with app.run_test(size=(120, 36)) as pilot:
        table = await on_queue(pilot, app)
        await until(pilot, lambda: "共 5 条，显示第 1–2 条" in count_line(app), "the first page")
        assert app.focused is table
        await pilot.press("pagedown")
        await until(pilot, lambda: "显示第 3–4 条" in count_line(app), "the second page")
        await pilot.press("pagedown")
        await until(pilot, lambda: "显示第 5–5 条" in count_line(app), "the last page")
        await pilot.press("pageup")
        await until(pilot, lambda: "显示第 3–4 条" in count_line(app), "back to the second page")
        await pilot.press("ctrl+b")
        await until(pilot, lambda: "显示第 1–2 条" in count_line(app), "back to the first page")
        await pilot.press("ctrl+n")
        await until(pilot, lambda: "显示第 3–4 条" in count_line(app), "Ctrl+N: the second page")
        assert app.focused is table and table.row_count == 2


async def test_a_search_that_finds_nothing_says_so(app) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        table = await on_queue(pilot, app)
        await until(pilot, lambda: "共 5 条" in count_line(app), "the queue")
        await pilot.press("ctrl+f", *"没有这种诉求")
        await until(pilot, lambda: "没有符合条件的诉求" in count_line(app), "the empty result")
        await idle(pilot)
        assert table.row_count == 0 and "0–0" not in count_line(app)


async def test_pgdn_in_the_open_status_list_pages_the_list_not_the_queue(app, monkeypatch) -> None:
    from textual.widgets import OptionList, Select

    monkeypatch.setattr(queue, "PAGE", 2)
    async with app.run_test(size=(120, 36)) as pilot:
        await on_queue(pilot, app)
        await until(pilot, lambda: "显示第 1–2 条" in count_line(app), "the first page")
        views = app.screen.query_one("#status-filter", Select)
        views.focus()
        await pilot.press("enter")
        await until(pilot, lambda: views.expanded and isinstance(app.focused, OptionList), "the open list")
        listed = app.focused
        await pilot.press("pagedown")
        await idle(pilot)
        assert "显示第 1–2 条" in count_line(app)
        assert listed.highlighted is not None and listed.highlighted > 0  # the list's own PgDn moved its highlight
