"""Issue 18: the door's screen (F10). A community worker types a task as it arrives; the list's decision and the
rule it cites appear as it is typed; Ctrl+S logs it; the person may take another item or say it is off-list."""

from __future__ import annotations

from datetime import date

from sqlmodel import select
from textual.widgets import DataTable, Input, Select

from models.people.areas import add_area_chain
from models.store.engine import session_scope
from models.store.tables import CatalogItem, Task
from tests.accounts import register
from tests.tui.signing import screen_text, sign_in
from tests.tui.waits import idle, until
from tui.app import XinshengApp
from tui.tasks import TasksScreen

COMMUNITY = "刘社区"
GRID_WORKER = "王网格"


def _app(sqlite_catalog) -> XinshengApp:
    with session_scope(sqlite_catalog) as s:
        add_area_chain(s, "和平街道", "东社区", "第1网格")
    register(sqlite_catalog, COMMUNITY, "community", area="东社区")
    register(sqlite_catalog, GRID_WORKER, "grid_worker", area="东社区/第1网格")
    return XinshengApp(sqlite_catalog)


async def _at_the_door(pilot, app: XinshengApp, who: str) -> TasksScreen:
    await sign_in(pilot, app, who)
    await pilot.press("f10")
    await until(pilot, lambda: isinstance(app.screen, TasksScreen) and app.matcher_ready.is_set(), "the door")
    screen = app.screen
    assert isinstance(screen, TasksScreen)
    return screen


async def _choose(pilot, screen: TasksScreen, widget_id: str, label: str) -> None:
    """Open a drop-down with Enter, type the start of the wanted label, Enter."""
    select = screen.query_one(widget_id, Select)
    select.focus()
    await pilot.press("enter")
    await pilot.press(*label)
    await pilot.press("enter")
    await until(pilot, lambda: select.value == label, f"{label} chosen in {widget_id}")


def _door(screen: TasksScreen) -> str:
    return str(screen.query_one("#door").render())


async def test_a_cut_duty_is_refused_as_it_is_typed_and_logged_with_the_rule(sqlite_catalog) -> None:
    app = _app(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _at_the_door(pilot, app, COMMUNITY)
        await pilot.click("#task-title")
        await pilot.press(*"开展违法建设私搭乱建拆除摸排")
        await until(pilot, lambda: "拒收" in _door(screen), "the door's proposal")
        assert "该事项“违法建设拆除”（JD-006）已于 2026-02-01 取消，依清单不得下派" in _door(screen)
        assert "违法建设拆除" in screen_text(app)  # the matched item, with its reason, in the list
        await _choose(pilot, screen, "#task-department", "区城管执法局")
        # the community worker's reach: the community and its grid; one of them is chosen
        await _choose(pilot, screen, "#task-target", "和平街道/东社区")
        screen.query_one("#task-hours", Input).focus()
        await pilot.press("1", "2")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.query_one("#task-title", Input).value == "", "the form cleared")
        table = screen.query_one("#tasks", DataTable)
        await until(pilot, lambda: table.row_count == 1, "the task listed")
        assert "拒收" in screen_text(app) and "RW-" in screen_text(app)
    with session_scope(sqlite_catalog) as s:
        task = s.exec(select(Task)).one()
        item = s.get(CatalogItem, task.item_id)
        assert (task.admission, task.status, task.hours) == ("refused", "refused", 12.0)
        assert item is not None and item.code == "JD-006"


async def test_the_person_may_say_off_list_or_take_another_item(sqlite_catalog) -> None:
    app = _app(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _at_the_door(pilot, app, COMMUNITY)
        await pilot.click("#task-title")
        await pilot.press(*"配合开展饭店油烟专项治理")
        await until(pilot, lambda: "配合准入" in _door(screen) and "区生态环境局牵头" in _door(screen))
        await pilot.press("f8")
        await until(pilot, lambda: "清单外待审（已选定）" in _door(screen))
        await pilot.press("f5")
        await until(pilot, lambda: "配合准入（已选定）" in _door(screen))


async def test_a_grid_worker_sees_the_tasks_but_cannot_log(sqlite_catalog) -> None:
    app = _app(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _at_the_door(pilot, app, GRID_WORKER)
        assert "只能查看" in _door(screen)
        assert not screen.query_one("#intake-form").display
        footer = screen_text(app).splitlines()[-1]
        assert "保存" not in footer and "清单外" not in footer and "准入" in footer  # the door's keys are not offered
        await pilot.press("ctrl+s", "f8")
        await idle(pilot)
    with session_scope(sqlite_catalog) as s:
        assert s.exec(select(Task)).all() == []


async def test_the_procedure_is_taken_from_the_list_by_who_may_take_each_step(sqlite_catalog) -> None:
    """A department handler applies for its own off-list task from the list (p); the supervisor admits it (y)."""
    from models.admission.door import decide_for_code
    from models.admission.register import TaskInput, log_task
    from models.people.permissions import Actor

    app = _app(sqlite_catalog)
    register(sqlite_catalog, "水务局·赵", "department", department="区水务局")
    register(sqlite_catalog, "秦主任", "supervisor")
    with session_scope(sqlite_catalog) as s:
        task = TaskInput(department="区水务局", title="报送节水宣传照片", received_on=date(2026, 9, 1), target="东社区")
        ref = log_task(s, Actor("街道", "supervisor"), task, decide_for_code(s, None))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _at_the_door(pilot, app, "水务局·赵")
        table = screen.query_one("#tasks", DataTable)
        await until(pilot, lambda: table.row_count == 1 and app.focused is table, "the department's task listed")
        footer = screen_text(app).splitlines()[-1]
        assert "申请准入" in footer and "准予" not in footer  # it applies; it does not decide
        await pilot.press("p")
        await until(pilot, lambda: app.screen.query("#note"), "the application's note")
        await pilot.press(*"部门派1人协助", "ctrl+s")
        await until(pilot, lambda: "准入审查中" in screen_text(app), "the task under review")
        await until(pilot, lambda: "申请准入" not in screen_text(app).splitlines()[-1], "p withdrawn once applied")
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _at_the_door(pilot, app, "秦主任")
        table = screen.query_one("#tasks", DataTable)
        await until(pilot, lambda: table.row_count == 1)
        table.focus()
        await pilot.press("y")
        await until(pilot, lambda: app.screen.query("#note"), "the decision's note")
        await pilot.press(*"确需配合", "ctrl+s")
        await until(pilot, lambda: "执行中" in screen_text(app), "the task admitted")
    with session_scope(sqlite_catalog) as s:
        stored = s.exec(select(Task).where(Task.ref == ref)).one()
        assert (stored.admission, stored.status, stored.provided) == ("admitted", "in_force", "部门派1人协助")
