"""Enter in the sign-in name field takes a name only when the person chose it. Every demo account has the same
password, so a list row taken for them signs them in as somebody else: Enter on an emptied field once signed the
tester in as whoever was first in the list."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from models.store.engine import session_scope
from tests.accounts import register
from tests.conftest import area_chain
from tests.tui.signing import on_sign_in_form, sign_in_message
from tests.tui.waits import idle, until
from tui.app import XinshengApp


@pytest.fixture
def app(sqlite_catalog) -> XinshengApp:
    with session_scope(sqlite_catalog) as s:
        area_chain(s, "和平街道", "东社区", "东一网格")
    register(sqlite_catalog, "王东一", "grid_worker", area="东一网格")
    register(sqlite_catalog, "周主任", "supervisor")
    register(sqlite_catalog, "周小二", "admin")
    return XinshengApp(sqlite_catalog)


async def _form(pilot, app) -> tuple[Input, OptionList]:
    await until(pilot, lambda: on_sign_in_form(app) and app.screen._operators)
    return app.screen.query_one("#signin-name", Input), app.screen.query_one("#signin-names", OptionList)


def _on_name(app) -> bool:
    return app.focused is app.screen.query_one("#signin-name")


async def test_enter_on_an_empty_name_asks_for_one_and_takes_no_row(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        name, names = await _form(pilot, app)
        assert names.display and names.option_count == 3 and names.highlighted == 0
        await pilot.press(*"周主", "ctrl+u", "enter")  # typed, then cleared: the whole list shows again
        await idle(pilot)
        assert name.value == "" and _on_name(app) and sign_in_message(app) == "请输入姓名"


async def test_enter_on_text_that_fits_several_names_asks_to_choose(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        name, names = await _form(pilot, app)
        await pilot.press("周", "enter")
        await idle(pilot)
        assert names.option_count == 2
        assert name.value == "周" and _on_name(app)
        assert sign_in_message(app) == "有 2 位符合，请用 ↑↓ 选择后回车"


async def test_enter_takes_the_one_name_that_fits_or_the_one_moved_to(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        name, _ = await _form(pilot, app)
        await pilot.press(*"网格员", "enter")  # a role narrows the list to one name
        await until(pilot, lambda: app.focused is app.screen.query_one("#signin-password"))
        assert name.value == "王东一"
        name.focus()
        name.value = ""
        await pilot.press("周", "down", "up", "enter")  # the highlight moved, back to the first row: a choice
        await until(pilot, lambda: app.focused is app.screen.query_one("#signin-password"))
        assert name.value == "周主任"


async def test_a_name_nobody_has_goes_on_to_the_password(app) -> None:
    """A name that fits nobody is not refused here: the refusal reads the same as a wrong password's."""
    async with app.run_test(size=(100, 30)) as pilot:
        name, names = await _form(pilot, app)
        await pilot.press(*"李四", "enter")
        await until(pilot, lambda: app.focused is app.screen.query_one("#signin-password"))
        assert name.value == "李四" and not names.display
