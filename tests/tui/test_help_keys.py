"""The ? screen writes every key one way: `Ctrl+f` stood next to `Ctrl+P`."""

from __future__ import annotations

import re

from textual.widgets import DataTable

from tests.accounts import register
from tests.tui.signing import screen_text, sign_in
from tests.tui.waits import until
from tui.app import XinshengApp
from tui.help import HelpScreen, key_label
from tui.intake import IntakeScreen
from tui.queue import QueueScreen

LOWER_AFTER_MODIFIER = re.compile(r"(?:Ctrl|Shift|Alt)\+[a-z](?![a-z])")


async def test_the_help_screen_writes_modified_keys_in_capitals(sqlite_catalog) -> None:
    register(sqlite_catalog, "王网格")
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(120, 50)) as pilot:
        await sign_in(pilot, app, "王网格")
        await until(pilot, lambda: isinstance(app.screen, IntakeScreen), "the intake screen")
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen), "the queue")
        app.screen.query_one("#queue", DataTable).focus()
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen) and "Ctrl+Q" in screen_text(app), "help")
        shown = screen_text(app)
    assert "Ctrl+F" in shown and "Ctrl+P" in shown and "PgDn" in shown  # search, palette, the queue's pages
    assert not LOWER_AFTER_MODIFIER.findall(shown), shown


def test_key_labels_from_a_keymap_file_follow_the_same_rule() -> None:
    """Keys a keymap file rebinds to are shown the same way as the built-in ones."""
    assert [key_label(k) for k in ("ctrl+t", "shift+tab", "ctrl+shift+f", "f10", "ctrl+s,enter", "m")] == [
        "Ctrl+T",
        "Shift+Tab",
        "Ctrl+Shift+F",
        "F10",
        "Ctrl+S",
        "m",
    ]
