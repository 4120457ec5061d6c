"""Issue 17: a site may let a confident match pre-select its department at intake (`settings routing
--preselect`); the worker still sees the ✔ and can choose another, and without the setting nothing is chosen."""

from __future__ import annotations

from sqlmodel import select
from textual.widgets import Input, OptionList

from models.matching.preselect import set_preselect
from models.people.permissions import Actor
from models.store.engine import session_scope
from models.store.tables import CatalogItem, Request
from tests.accounts import register
from tests.tui.signing import sign_in
from tests.tui.waits import until
from tui.app import XinshengApp
from tui.intake import IntakeScreen

WORKER = "王网格"


def _ticked(options: OptionList) -> list[str]:
    return [str(options.get_option_at_index(i).id) for i in range(options.option_count)
            if str(options.get_option_at_index(i).prompt).startswith("✔")]  # fmt: skip


def _app(sqlite_catalog, preselect: float | None) -> XinshengApp:
    register(sqlite_catalog, WORKER)
    with session_scope(sqlite_catalog) as s:
        set_preselect(s, Actor("管理员", "admin"), preselect)
    return XinshengApp(sqlite_catalog)


async def _typed(pilot, app: XinshengApp, title: str) -> tuple[IntakeScreen, OptionList]:
    """Signed in, at the intake, the title typed: the screen and its suggestion list."""
    await sign_in(pilot, app, WORKER)
    await until(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
    screen = app.screen
    assert isinstance(screen, IntakeScreen)
    await pilot.click("#title")
    await pilot.press(*title)
    return screen, screen.query_one("#suggestions", OptionList)


async def test_a_confident_match_is_preselected_and_the_worker_can_choose_another(sqlite_catalog) -> None:
    app = _app(sqlite_catalog, 0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, options = await _typed(pilot, app, "楼上水管爆了一直漏水")
        await until(pilot, lambda: screen._result is not None and screen._result.confidence >= 0.5 and _ticked(options))
        first = screen._result.suggestions[0]
        assert _ticked(options) == [first.code] and first.department == screen._result.department
        await pilot.press("f6")  # the worker's own choice replaces the pre-selection and stays
        second = screen._result.suggestions[1].code
        await until(pilot, lambda: _ticked(options) == [second])
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.query_one("#title", Input).value == "")
    with session_scope(sqlite_catalog) as s:
        request = s.exec(select(Request)).one()
        assert s.exec(select(CatalogItem.code).where(CatalogItem.id == request.item_id)).one() == second


async def test_without_the_setting_nothing_is_preselected(sqlite_catalog) -> None:
    app = _app(sqlite_catalog, None)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, options = await _typed(pilot, app, "楼上水管爆了一直漏水")
        await until(pilot, lambda: screen._result is not None and options.option_count >= 2)
        assert _ticked(options) == [] and screen._accepted is None
