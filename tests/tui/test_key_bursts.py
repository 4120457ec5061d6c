"""Keys that reach the app in one burst (a slow SSH link, an input method committing a phrase, a barcode scanner)
do what the same keys typed one by one do.

The terminal's bytes go through Textual's own parser (XTermParser), so each test posts exactly the events the
driver would hand the app for that chunk: key events, one per key, all queued before the first is handled.
"""

from __future__ import annotations

from textual.widgets import Input

from tests.accounts import register
from tests.tui.signing import on_sign_in_form, sign_in
from tests.tui.waits import idle, until
from tui.app import XinshengApp
from tui.dialogs import NoteDialog
from tui.queue import QueueScreen

ADMIN = "王网格"
BACKSPACE, CTRL_U, TAB = "\x7f", "\x15", "\t"


def burst(app: XinshengApp, chunk: str) -> None:
    """Hand the app what the terminal driver does when `chunk` arrives in one read."""
    from textual._xterm_parser import XTermParser

    events = list(XTermParser().feed(chunk))
    assert events and all(type(event).__name__ == "Key" for event in events)  # keys, not a paste
    for event in events:
        app.post_message(event)


async def test_backspaces_in_a_burst_delete_before_what_follows_is_typed(sqlite_catalog) -> None:
    """000028, then six Backspaces and 2196 in one chunk, left 0000 in the queue's search box."""
    register(sqlite_catalog, ADMIN)
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        await pilot.press("ctrl+f")
        search = app.screen.query_one("#search", Input)
        for typed, chunk, left in (
            ("000028", BACKSPACE * 6 + "2196", "2196"),
            ("ab", BACKSPACE * 2 + "cd", "cd"),
            ("dianche", BACKSPACE * 7 + "ldzy", "ldzy"),
            ("路灯不亮", BACKSPACE + "亮了" + BACKSPACE, "路灯不亮"),
        ):
            search.value = ""
            await pilot.press(*typed)
            burst(app, chunk)
            await idle(pilot)
            assert search.value == left and search.cursor_position == len(left), typed
            assert app.focused is search


async def test_ctrl_u_in_a_burst_clears_only_what_came_before_it(sqlite_catalog) -> None:
    """社区工作者, then Ctrl+U and 丁艳 in one chunk, left the name field empty, its list showing everyone."""
    register(sqlite_catalog, ADMIN)
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: on_sign_in_form(app) and app.screen._operators)
        name = app.screen.query_one("#signin-name", Input)
        burst(app, "社区工作者")
        await idle(pilot)
        assert name.value == "社区工作者"
        burst(app, CTRL_U + "王网")
        await idle(pilot)
        assert name.value == "王网" and app.focused is name


async def test_a_tab_in_a_burst_moves_to_the_next_field_before_the_rest_is_typed(sqlite_catalog) -> None:
    """结果文字, Tab and 2.5 in one chunk in a dialog put 2.5 at the end of the first field."""
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: on_sign_in_form(app))
        app.push_screen(NoteDialog("办结", "办理结果", with_hours=True))
        await until(pilot, lambda: isinstance(app.screen, NoteDialog) and app.focused is not None)
        note = app.screen.query_one("#note", Input)
        hours = app.screen.query_one("#hours", Input)
        burst(app, "结果文字" + TAB + "2.5")
        await idle(pilot)
        assert note.value == "结果文字" and hours.value == "2.5" and app.focused is hours


async def test_keys_after_an_enter_in_a_burst_go_where_the_enter_moved_the_focus(sqlite_catalog) -> None:
    """Enter in the name field moves to the password (a handler of the screen's): the password typed behind it in
    the same chunk belongs there, not at the end of the name."""
    from tests.accounts import PASSWORD
    from tui.intake import IntakeScreen

    register(sqlite_catalog, ADMIN)
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: on_sign_in_form(app) and app.screen._operators)
        burst(app, ADMIN + "\r" + PASSWORD + "\r")
        await until(pilot, lambda: isinstance(app.screen, IntakeScreen), "signed in")
        await idle(pilot)  # the session has started in full before the app is closed
        assert app.actor.name == ADMIN


async def test_every_down_in_a_burst_moves_the_open_month_list(sqlite_catalog) -> None:
    """14 quick Downs in the dashboard's month list seemed to be lost: none is. The list (Textual's) wraps from
    the oldest month back to the newest, so 14 steps through 12 months end two rows below where they began."""
    from textual.widgets import Select
    from textual.widgets._select import SelectOverlay

    from tui.stats import StatsScreen

    name = register(sqlite_catalog, "周主任", "supervisor")
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await sign_in(pilot, app, name)
        await until(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen._period is not None)
        await pilot.press("m")
        picker = app.screen.query_one("#period", Select)
        months = app.screen.query_one(SelectOverlay)
        await until(pilot, lambda: picker.expanded and app.focused is months, "the month list open")
        start = months.highlighted
        assert start is not None and months.option_count == 12
        burst(app, "\x1b[B" * 14)
        await idle(pilot)
        assert months.highlighted == (start + 14) % 12


async def test_keys_after_a_binding_that_moves_the_focus_go_where_it_moved_it(sqlite_catalog) -> None:
    """Ctrl+F then 2137 in one chunk, the queue's table focused: the number went to the table, not the search box,
    because the focus moves only when the app's queue gets to it (the walkthrough's second look)."""
    from textual.widgets import DataTable

    register(sqlite_catalog, ADMIN)
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        app.screen.query_one("#queue", DataTable).focus()
        await idle(pilot)
        burst(app, "\x06" + "2137")  # Ctrl+F is byte 6
        await idle(pilot)
        search = app.screen.query_one("#search", Input)
        assert app.focused is search and search.value == "2137"
