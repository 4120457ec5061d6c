"""The TUI driven like a grid worker would: type, see suggestions, accept, save, work the request, see stats."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select
from textual.widgets import DataTable, Input, OptionList, Static

from models.store.engine import session_scope
from models.store.tables import CatalogItem, MatchExample, Request
from tests.accounts import give_password, register
from tests.tui.signing import sign_in
from tests.tui.waits import idle, until
from tui.app import XinshengApp
from tui.detail import DetailScreen
from tui.intake import IntakeScreen
from tui.queue import QueueScreen
from tui.stats import StatsScreen


async def wait_for(pilot, predicate) -> None:
    """Let the app work (workers finished, their results shown) until the condition holds: tests/tui/waits.py."""
    await until(pilot, predicate)


def _palette_shows(app, text: str) -> bool:
    """The command palette lists a match for what was typed, highlighted first."""
    from textual.command import CommandList, CommandPalette

    if not isinstance(app.screen, CommandPalette):
        return False
    results = app.screen.query_one(CommandList)
    return results.option_count > 0 and results.highlighted == 0 and text in str(results.get_option_at_index(0).prompt)


def static_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_detail(app, pilot, request_id: int) -> None:
    await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
    app.push_screen(DetailScreen(request_id))
    await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail is not None)


def street_light_request(engine) -> int:
    """A fresh 登记 request about a street light, logged outside the app."""
    from models.requests.intake import log_request
    from models.requests.workflow import Actor

    with session_scope(engine) as s:
        return log_request(s, Actor("t"), title="路灯不亮", item_code="JD-007").request.id


ADMIN = "王网格"


@pytest.fixture
def app(catalog_engine):
    """An administrator at the terminal (signed in by each test through the form): every screen and every workflow
    key is theirs."""
    register(catalog_engine, ADMIN)
    return XinshengApp(catalog_engine)


async def signed_in_queue(pilot, app) -> DataTable:
    """Signed in as the administrator and on the queue (F3): its table."""
    await sign_in(pilot, app, ADMIN)
    await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
    await pilot.press("f3")
    await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
    return app.screen.query_one("#queue", DataTable)


async def titled(pilot, app, title: str = "楼上水管爆了") -> OptionList:
    """Signed in at intake with the matcher ready and `title` typed: its suggestions, once shown."""
    await sign_in(pilot, app, ADMIN)
    await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
    await pilot.click("#title")
    await pilot.press(*title)
    options = app.screen.query_one("#suggestions", OptionList)
    await wait_for(pilot, lambda: options.option_count > 0)
    return options


async def test_intake_suggests_accepts_and_saves(app, catalog_engine) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        options = await titled(pilot, app)
        first = str(options.get_option_at_index(0).prompt)
        assert "供水管道漏水抢修" in first and "收回上级" in first and "区水务局" in first
        await pilot.press("f5")
        await wait_for(pilot, lambda: "不由街道承担" in static_text(app, "#routing"))
        assert "收回事项：由区水务局办理" in static_text(app, "#routing")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.query_one("#title", Input).value == "")
    with session_scope(catalog_engine) as s:
        request = s.exec(select(Request)).one()
        assert request.title == "楼上水管爆了" and request.match_confirmed_by == "王网格"
        assert s.exec(select(MatchExample)).one().request_id == request.id


async def test_empty_save_warns_and_writes_nothing(app, catalog_engine) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        await pilot.press("ctrl+s")
        await idle(pilot)
    with session_scope(catalog_engine) as s:
        assert s.exec(select(Request)).first() is None


async def test_work_a_request_from_queue_to_closed_and_see_stats(app, catalog_engine) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await titled(pilot, app, "楼道里想放几把折叠椅")
        await pilot.press("f5", "ctrl+s")
        await wait_for(pilot, lambda: app.screen.query_one("#title", Input).value == "")

        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and "1" in static_text(app, "#t-total"))
        assert "—" in static_text(app, "#t-satisfaction")

        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        table = app.screen.query_one("#queue", DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)
        table.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail is not None)
        detail_screen = app.screen

        async def status_becomes(label: str) -> None:
            await wait_for(pilot, lambda: detail_screen.detail is not None and detail_screen.detail.status == label)

        await pilot.press("a")
        await status_becomes("accepted")
        await pilot.press("d")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "DepartmentDialog")
        await pilot.press("enter")
        await status_becomes("dispatched")
        assert detail_screen.detail.department == "街道城市管理办公室"
        await pilot.press("s")
        await status_becomes("in_progress")
        await pilot.press("f")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteDialog")
        await pilot.press(*"已在楼道安装折叠座椅")
        await pilot.press("enter")
        await status_becomes("resolved")
        await pilot.press("c")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "CallbackDialog")
        await pilot.press("2", "enter")  # 基本满意, confirmed with Enter
        await status_becomes("closed")
        assert detail_screen.detail.satisfaction == "basically"
        timeline = detail_screen.query_one("#timeline", DataTable)
        assert timeline.row_count == 6
        assert "已回访" in static_text(app, "#summary")

        await pilot.press("escape", "f4")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, StatsScreen) and "90.0%" in static_text(app, "#t-satisfaction"),
        )
        assert "1 / 1" in static_text(app, "#t-resolution")


async def test_illegal_actions_are_hidden_from_the_footer(app, catalog_engine) -> None:
    request_id = street_light_request(catalog_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await open_detail(app, pilot, request_id)
        screen = app.screen
        assert screen.check_action("accept", ()) is True
        assert screen.check_action("resolve", ()) is False
        await pilot.press("f")  # resolve is not legal from 登记: nothing happens
        await idle(pilot)
        assert isinstance(app.screen, DetailScreen) and screen.detail.status == "new"


async def test_command_palette_offers_the_legal_actions_in_chinese(app, catalog_engine) -> None:
    request_id = street_light_request(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await open_detail(app, pilot, request_id)
        detail_screen = app.screen
        titles = [c.title for c in app.get_system_commands(detail_screen)]
        assert "受理" in titles and "统计" in titles and "办结" not in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"受理")
        await wait_for(pilot, lambda: _palette_shows(app, "受理"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: detail_screen.detail is not None and detail_screen.detail.status == "accepted")


async def test_enter_moves_between_intake_fields(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        await pilot.click("#title")
        await pilot.press(*"路灯", "enter")
        assert app.focused is not None and app.focused.id == "text"


async def test_registered_grid_worker_logs_into_their_grid(catalog_engine) -> None:
    from models.store.tables import Area, Operator

    with session_scope(catalog_engine) as s:
        grid = Area(name="槐安里社区第1网格", kind="grid")
        s.add(grid)
        s.flush()
        s.add(Operator(name="史婷", role="grid_worker", area_id=grid.id))
        s.flush()
        give_password(s, "史婷")
        grid_id = grid.id
    app = XinshengApp(catalog_engine, operator="史婷")
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, "史婷")
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
        await wait_for(pilot, lambda: "槐安里社区第1网格" in app.sub_title and app.actor.role == "grid_worker")
        await pilot.click("#title")
        await pilot.press(*"楼道灯坏了")
        await wait_for(pilot, lambda: app.screen.query_one("#title", Input).value == "楼道灯坏了")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.query_one("#title", Input).value == "")
    with session_scope(catalog_engine) as s:
        request = s.exec(select(Request)).one()
        assert request.area_id == grid_id
        assert request.match_confirmed_by is None  # saved without accepting: an unconfirmed auto-match


async def test_likely_duplicate_is_shown_and_merged_with_one_key(catalog_engine) -> None:
    from models.store.tables import Area, Operator

    with session_scope(catalog_engine) as s:
        grid = Area(name="东社区第1网格", kind="grid")
        s.add(grid)
        s.flush()
        s.add(Operator(name="史婷", role="grid_worker", area_id=grid.id))
        s.flush()
        give_password(s, "史婷")
        from models.requests.intake import log_request
        from models.requests.workflow import Actor

        earlier = log_request(
            s, Actor("史婷"), title="5号楼东门路灯坏了", text="晚上黑漆漆的", area_id=grid.id, item_code="JD-007"
        ).request
        earlier_id, earlier_ref = earlier.id, earlier.ref
    app = XinshengApp(catalog_engine, operator="史婷")
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, "史婷")
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
        await wait_for(pilot, lambda: app.actor.role == "grid_worker")
        await pilot.click("#title")
        await pilot.press(*"5号楼门口的路灯不亮好几天了")
        await wait_for(pilot, lambda: earlier_ref in static_text(app, "#duplicates"))
        assert app.screen.check_action("merge_duplicate", ()) is True
        await pilot.press("f8")
        await wait_for(pilot, lambda: app.screen.query_one("#title", Input).value == "")
        assert app.screen.check_action("merge_duplicate", ()) is False
    with session_scope(catalog_engine) as s:
        newest = s.exec(select(Request).order_by(Request.id.desc())).first()
        assert newest.status == "merged" and newest.duplicate_of == earlier_id


async def test_correcting_the_item_reroutes_and_teaches_the_matcher(app, catalog_engine) -> None:
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from models.store.tables import MatchExample

    with session_scope(catalog_engine) as s:
        request_id = log_request(s, Actor("t"), title="楼上水管一直往下滴", item_code="JD-010").request.id
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
        before = app.matcher.example_count
        app.push_screen(DetailScreen(request_id))
        await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail is not None)
        detail_screen = app.screen
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ItemDialog")
        await pilot.press(*"漏水", "enter")
        await wait_for(pilot, lambda: detail_screen.detail is not None and detail_screen.detail.item_code == "JD-003")
        assert detail_screen.detail.department == "区水务局"
        assert "收回事项" in str(detail_screen.query_one("#detail-routing", Static).render())
        assert app.matcher.example_count == before + 1
    with session_scope(catalog_engine) as s:
        example = s.exec(select(MatchExample).where(MatchExample.request_id == request_id)).one()  # replaced, not added
        assert example.source == "confirmed" and example.item_id is not None


async def test_overdue_work_is_escalated_on_start_and_the_user_is_told(catalog_engine) -> None:
    from datetime import datetime

    from models.core.clock import simulated_time
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from models.store.tables import RequestEvent

    with session_scope(catalog_engine) as s, simulated_time(datetime(2025, 3, 3, 9)):
        log_request(s, Actor("t"), title="很久以前的路灯", item_code="JD-007")
    register(catalog_engine, "王网格")
    app = XinshengApp(catalog_engine, operator="王网格")
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, "王网格")
        await wait_for(pilot, lambda: any("超期督办" in n.message for n in app._notifications))
        message = next(n.message for n in app._notifications if "超期督办" in n.message)
    assert "催办 1 件" in message and "通报 1 件" in message
    with session_scope(catalog_engine) as s:
        actions = sorted(e.action for e in s.exec(select(RequestEvent)).all())
    assert actions == ["create", "notice", "supervise", "urge"]


async def test_stats_screen_names_the_weights_this_database_uses(app, catalog_engine) -> None:
    from models.people.permissions import Actor
    from models.reporting.weights import set_weights

    with session_scope(catalog_engine) as s:
        set_weights(s, Actor(ADMIN, "admin"), {"response": 0.2, "resolution": 0.4, "satisfaction": 0.4})
    async with app.run_test(size=(120, 36)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        await pilot.press("f4")
        await wait_for(
            pilot, lambda: isinstance(app.screen, StatsScreen) and "权重" in static_text(app, "#status-line")
        )
        assert "响应20%·解决40%·满意40%" in static_text(app, "#status-line")


async def test_a_department_handler_starts_on_the_queue_with_only_work_dispatched_to_them(catalog_engine) -> None:
    from models.requests import workflow
    from models.requests.intake import log_request
    from models.requests.workflow import Actor

    with session_scope(catalog_engine) as s:
        admin = Actor("调度")
        ours = log_request(s, admin, title="楼上水管爆了", item_code="JD-003").request
        workflow.accept(s, ours, admin)
        workflow.dispatch(s, ours, admin)
        log_request(s, admin, title="另一处漏水还没派单", item_code="JD-003")
        ours_ref = ours.ref
    register(catalog_engine, "水务局·钱", "department", department="区水务局")
    app = XinshengApp(catalog_engine, operator="水务局·钱")
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, "水务局·钱")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        table = app.screen.query_one("#queue", DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)
        assert str(table.get_row_at(0)[0]) == ours_ref
        table.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail is not None)
        assert app.screen.check_action("sign", ()) is True
        assert app.screen.check_action("dispatch", ()) is False  # a handler does not dispatch


async def test_the_supervisor_starts_on_the_dashboard_with_every_tab_filled(catalog_engine) -> None:
    from models.requests import workflow
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from tui.stats import TABS

    with session_scope(catalog_engine) as s:
        admin = Actor("调度")
        for title in ("楼道想放折叠椅", "楼道扶手松了", "楼道座椅坏了"):
            request = log_request(s, admin, title=title, item_code="JD-002").request
            workflow.accept(s, request, admin)
    register(catalog_engine, "周主任", "supervisor")
    app = XinshengApp(catalog_engine, operator="周主任")
    async with app.run_test(size=(120, 36)) as pilot:
        await sign_in(pilot, app, "周主任")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and "3" in static_text(app, "#t-total"))
        assert "3 / 3" in static_text(app, "#t-response")
        hot = app.screen.query_one("#hot-spots", DataTable)
        assert hot.row_count == 1 and "楼道公共设施维护" in hot.get_row_at(0)[0]
        assert app.screen.query_one("#ledger", DataTable).row_count == 12
        for number, tab in enumerate(TABS, 1):
            await pilot.press(str(number))
            assert app.screen.query_one("#stats-tabs").active == tab
        assert "没有回潮" in static_text(app, "#rebound-line")


async def test_pause_extend_and_return_with_a_reason_from_the_detail_keys(app, catalog_engine) -> None:
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from models.store.tables import RequestEvent
    from tests.conftest import take_on

    with session_scope(catalog_engine) as s:
        request = log_request(s, Actor("t"), title="楼道水管往下滴水", item_code="JD-007").request
        take_on(s, request, Actor("t"))
        request_id, due_before = request.id, request.due_at
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
        app.push_screen(DetailScreen(request_id))
        await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail is not None)
        detail = app.screen
        assert re.search(r"还剩 \d 个工作日", static_text(app, "#summary"))  # exact counts: test_deadlines
        assert detail.check_action("resume", ()) is False

        await pilot.press("p")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ChoiceDialog")
        await pilot.press("enter")  # 等待居民
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteDialog")
        await pilot.press(*"居民出差下周回来", "enter")
        await wait_for(pilot, lambda: detail.detail.paused_since is not None)
        assert "已暂停计时" in static_text(app, "#summary") and detail.check_action("pause", ()) is False
        await pilot.press("g")
        await wait_for(pilot, lambda: detail.detail.paused_since is None)

        await pilot.press("t")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteDialog")
        await pilot.press(*"要等配件", "enter")  # the number of days is still missing: the dialog says so
        assert "延期工作日数" in str(app.screen.query_one("#dialog-error").render())
        await pilot.press("tab", "3", "enter")
        await wait_for(pilot, lambda: detail.detail.extension_days_pending == 3)
        assert "待主管审批" in static_text(app, "#summary")
        await pilot.press("y")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ChoiceDialog")
        await pilot.press("enter")  # 批准延期
        await wait_for(pilot, lambda: detail.detail.extension_days_pending is None)
        assert detail.detail.due_at > due_before

        await pilot.press("r")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ChoiceDialog")
        await pilot.press(*"不属于", "enter")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ItemDialog")
        await pilot.press(*"漏水", "enter")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteDialog")
        await pilot.press(*"经核实是供水管道，归区水务局", "enter")
        await wait_for(pilot, lambda: detail.detail.status == "returned")
    with session_scope(catalog_engine) as s:
        events = s.exec(select(RequestEvent).where(RequestEvent.request_id == request_id)).all()
    actions = [e.action for e in events]
    assert actions[-5:] == ["pause", "resume", "extension_requested", "extend", "return"]
    assert '"code": "not_our_duty"' in events[-1].data and '"item": "JD-003"' in events[-1].data


async def test_the_queue_finds_requests_by_pinyin_initials(app, catalog_engine) -> None:
    from models.requests.intake import log_request
    from models.requests.workflow import Actor

    with session_scope(catalog_engine) as s:
        log_request(s, Actor("t"), title="楼道座椅坏了", item_code="JD-002")
        log_request(s, Actor("t"), title="小区路灯不亮", item_code="JD-007")
    async with app.run_test(size=(100, 30)) as pilot:
        table = await signed_in_queue(pilot, app)
        await wait_for(pilot, lambda: table.row_count == 2)
        await pilot.press("ctrl+f", *"ldzy")
        await wait_for(pilot, lambda: table.row_count == 1)
        assert "楼道座椅坏了" in str(table.get_row_at(0)[3])
        await pilot.press(*["backspace"] * 4, *"xqld")
        await wait_for(pilot, lambda: table.row_count == 1 and "路灯" in str(table.get_row_at(0)[3]))


async def test_the_next_page_stops_at_the_last_one(app, catalog_engine) -> None:
    """Ctrl+N on the only page used to show 显示第 0–200 条 over an empty table, and further on each press."""
    from models.requests.intake import log_request
    from models.requests.workflow import Actor

    with session_scope(catalog_engine) as s:
        log_request(s, Actor("t"), title="楼道座椅坏了", item_code="JD-002")
    async with app.run_test(size=(100, 30)) as pilot:
        table = await signed_in_queue(pilot, app)
        count = app.screen.query_one("#queue-count")
        await wait_for(pilot, lambda: table.row_count == 1 and "共 1 条" in str(count.render()))
        await pilot.press("ctrl+n", "ctrl+n")
        await idle(pilot)
        assert table.row_count == 1 and "第 1–1 条" in str(count.render())


async def test_the_catalog_browser_searches_filters_and_marks_cut_items(app, catalog_engine) -> None:
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from tui.catalog import CatalogScreen

    with session_scope(catalog_engine) as s:
        log_request(s, Actor("t"), title="楼上水管爆了 电话13812345678", item_code="JD-003")
    async with app.run_test(size=(120, 36)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, CatalogScreen))
        table = app.screen.query_one("#catalog", DataTable)
        await wait_for(pilot, lambda: table.row_count == 10)
        await pilot.press("ctrl+f", *"漏水")
        await wait_for(pilot, lambda: table.row_count == 1)
        assert "✂ 收回上级" in str(table.get_row_at(0)[2])
        await pilot.press("enter")  # from the search box to the table; the highlighted item opens below
        await wait_for(pilot, lambda: "此事项已不由街道承担" in static_text(app, "#item-detail"))
        panel = static_text(app, "#item-detail")
        assert "应派往区水务局" in panel and "诉求 1 件（在办 1）" in panel
        assert "13812345678" not in panel and "楼上水管爆了" in panel
        await pilot.press("ctrl+f", *["backspace"] * 2, *"xqld")  # 小区路灯维修
        await wait_for(pilot, lambda: table.row_count == 1 and str(table.get_row_at(0)[0]) == "JD-007")
        app.screen.query_one("#catalog-search", Input).value = ""
        app.screen.query_one("#duty-filter").value = "cancelled"
        await wait_for(pilot, lambda: table.row_count == 1 and str(table.get_row_at(0)[0]) == "JD-006")


async def test_question_mark_lists_the_keys_of_the_screen_underneath(app) -> None:
    from tui.help import HelpScreen

    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        app.screen.query_one("#queue", DataTable).focus()
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = app.screen.query_one("#help-keys", Static).content
        text = "".join(str(cell) for column in keys.columns for cell in column._cells)
        assert "搜索" in text and "工单" in text and "清单" in text
        assert "Scroll" not in text and "Focus" not in text and "Copy" not in text  # Textual's own keys stay out
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        await pilot.press("ctrl+f", "question_mark")  # in the search box ? is just a character
        assert app.screen.query_one("#search", Input).value == "?"


async def test_the_residents_phone_is_masked_once_typed_and_saved_in_full(app, catalog_engine) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
        await pilot.click("#title")
        await pilot.press(*"楼道灯坏了")
        phone = app.screen.query_one("#phone", Input)
        phone.focus()
        await pilot.press(*"13812345678", "tab")
        await wait_for(pilot, lambda: phone.value == "138****5678")
        phone.focus()
        await wait_for(pilot, lambda: phone.value == "13812345678")  # editing shows it again
        await pilot.press("tab", "ctrl+s")
        await wait_for(pilot, lambda: app.screen.query_one("#title", Input).value == "" and phone.value == "")
    with session_scope(catalog_engine) as s:
        assert s.exec(select(Request)).one().resident_phone == "13812345678"


async def test_a_keymap_file_rebinds_a_key_by_its_binding_id(app, catalog_engine, tmp_path, monkeypatch) -> None:
    keymap = tmp_path / "keymap.toml"
    # a key no screen uses (F10 opens the admission door since issue 18, F11 the consultations since issue 19)
    keymap.write_text('"xinsheng.intake.save" = "f12"\n"xinsheng.app.show-queue" = 12\n', encoding="utf-8")
    monkeypatch.setenv("XINSHENG_KEYMAP", str(keymap))
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
        assert any("忽略了不是按键字符串的项" in n.message for n in app._notifications)
        await pilot.click("#title")
        await pilot.press(*"楼道灯坏了", "f12")
        await wait_for(pilot, lambda: app.screen.query_one("#title", Input).value == "")
    with session_scope(catalog_engine) as s:
        assert s.exec(select(Request)).one().title == "楼道灯坏了"


async def test_the_mouse_works_too(app, catalog_engine) -> None:
    from models.requests.intake import log_request
    from models.requests.workflow import Actor

    with session_scope(catalog_engine) as s:
        log_request(s, Actor("t"), title="楼道座椅坏了", item_code="JD-002")
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        from textual.widgets._footer import FooterKey

        # the footer is rebuilt when the bindings change (the matcher loading, the operator's reach arriving): click
        # a key of the footer as it stands once the app has finished starting, placed on screen
        await wait_for(pilot, lambda: app.matcher_ready.is_set())
        await idle(pilot)
        await wait_for(pilot, lambda: any(k.key == "f3" and k.region.area for k in app.screen.query(FooterKey)))
        queue_key = next(k for k in app.screen.query(FooterKey) if k.key == "f3")
        await pilot.click(queue_key)  # the footer's “f3 工单”
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        table = app.screen.query_one("#queue", DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)
        await pilot.click("#queue", offset=(4, 1))  # a click on the row opens it
        await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen))
        await pilot.press("escape", "f4")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.query("Tab").first().region)
        await pilot.click("#--content-tab-tab-ledger")
        await wait_for(pilot, lambda: app.screen.query_one("#stats-tabs").active == "tab-ledger")


async def test_merge_unmerge_reject_and_reopen_keys(app, catalog_engine) -> None:
    from models.requests import workflow
    from models.requests.intake import log_request
    from models.requests.workflow import Actor

    with session_scope(catalog_engine) as s:
        first = log_request(s, Actor("t"), title="3号楼路灯坏了", item_code="JD-007").request
        second = log_request(s, Actor("t"), title="3号楼门口灯不亮", item_code="JD-007").request
        third = log_request(s, Actor("t"), title="看不清写的什么", item_code="JD-007").request
        closed = log_request(s, Actor("t"), title="楼道灯又坏了", item_code="JD-007").request
        for step in (workflow.accept, workflow.dispatch, workflow.sign):
            step(s, closed, Actor("t"))
        workflow.resolve(s, closed, Actor("t"), "已修")
        workflow.callback(s, closed, Actor("t"), satisfaction="satisfied")
        first_ref, ids = first.ref, (second.id, third.id, closed.id)

    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))

        async def open_detail(request_id: int) -> DetailScreen:
            while isinstance(app.screen, DetailScreen):
                app.pop_screen()
            app.push_screen(DetailScreen(request_id))
            await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail is not None)
            return app.screen

        async def note(*keys: str) -> None:
            await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteDialog")
            await pilot.press(*keys, "enter")

        detail = await open_detail(ids[0])
        await pilot.press("m")
        await note(*first_ref)
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ConfirmDialog")  # the target, to confirm
        await pilot.press("enter")
        await wait_for(pilot, lambda: detail.detail.status == "merged")
        assert detail.detail.duplicate_of == first_ref
        await pilot.press("u")
        await wait_for(pilot, lambda: detail.detail.status == "new")

        detail = await open_detail(ids[1])
        await pilot.press("x")
        await note(*"内容不清，多次联系未果")
        await wait_for(pilot, lambda: detail.detail.status == "rejected")

        detail = await open_detail(ids[2])
        await pilot.press("o")
        await note(*"居民说又坏了")
        await wait_for(pilot, lambda: detail.detail.status == "reopened")
        assert "还剩" in static_text(app, "#summary")  # a fresh deadline from today


async def test_where_grids_exist_a_request_is_not_saved_without_one(app, catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        from models.store.tables import Area
        from tests.conftest import area_chain

        _, east, _ = area_chain(s, "和平街道", "东社区", "东一网格")
        s.add(Area(name="东二网格", kind="grid", parent_id=east.id))  # two grids: none is preselected
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        await wait_for(pilot, lambda: app.screen._grid_count == 2)
        await pilot.click("#title")
        await pilot.press(*"楼道灯坏了", "ctrl+s")
        await wait_for(pilot, lambda: any("请选择所属网格" in n.message for n in app._notifications))
        assert app.screen.query_one("#title", Input).value == "楼道灯坏了"  # kept, not lost
    with session_scope(catalog_engine) as s:
        assert s.exec(select(Request)).first() is None


async def test_v_shows_the_residents_phone_for_a_reason_and_records_it(app, catalog_engine) -> None:
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from models.store.tables import AuditEvent

    with session_scope(catalog_engine) as s:
        request_id = log_request(
            s, Actor("t"), title="路灯不亮", item_code="JD-007", resident_phone="13812345678"
        ).request.id
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        app.push_screen(DetailScreen(request_id))
        await wait_for(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail is not None)
        assert "13812345678" not in static_text(app, "#summary") and "138****5678" in static_text(app, "#summary")
        await pilot.press("v")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteDialog")
        await pilot.press(*"回访居民", "enter")
        await wait_for(pilot, lambda: any("13812345678" in n.message for n in app._notifications))
        assert "13812345678" not in static_text(app, "#summary")  # never written into the detail itself
        await pilot.press("v")  # each look needs its own reason: the last one is not offered again
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteDialog")
        assert app.screen.query_one("#note", Input).value == ""
        await pilot.press("escape")
    with session_scope(catalog_engine) as s:
        assert [a.action for a in s.exec(select(AuditEvent)).all()] == ["sign_in", "reveal_personal_data"]


async def test_a_request_changed_at_another_terminal_reloads_and_asks_to_retry(app, catalog_engine) -> None:
    """The detail acts on the version it shows; if someone else got there first the user is told, the screen shows
    the new state, and nothing of theirs is overwritten."""
    from models.requests import workflow

    request_id = street_light_request(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await open_detail(app, pilot, request_id)
        screen = app.screen
        elsewhere = workflow.Actor("另一台终端", "admin")
        with session_scope(catalog_engine) as s:  # another terminal accepts and then rejects it meanwhile
            other = workflow.get_request(s, request_id)
            workflow.accept(s, other, elsewhere)
            workflow.reject(s, other, elsewhere, "重复诉求")
        await pilot.press("a")
        await wait_for(pilot, lambda: any("已被他人修改" in n.message for n in app._notifications))
        assert "请重试" in next(n.message for n in app._notifications if "已被他人修改" in n.message)
        await wait_for(pilot, lambda: screen.detail is not None and screen.detail.status == "rejected")
        await wait_for(pilot, lambda: "不予受理" in static_text(app, "#summary"))
    with session_scope(catalog_engine) as s:
        query = select(workflow.RequestEvent.action).where(workflow.RequestEvent.request_id == request_id)
        events = list(s.exec(query))
    assert events == ["create", "accept", "reject"]


async def test_pasting_a_50000_character_message(app, catalog_engine) -> None:
    """A whole message with line breaks, pasted into the title, lands in the details with a word of why; pasted
    into the details it is kept whole (Textual's own Input keeps only the first line)."""
    from textual import events

    message = "楼上邻居装修噪音扰民\n" * 5000  # 55,000 characters in 5,000 lines
    whole = " ".join(message.split())
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
        title = app.screen.query_one("#title", Input)
        details = app.screen.query_one("#text", Input)
        title.focus()
        title.post_message(events.Paste(message))
        await wait_for(pilot, lambda: details.value == whole)
        assert title.value == "" and any("已放入“详细内容”" in n.message for n in app._notifications)
        await pilot.press("ctrl+s")  # details alone are not a request the queue could show
        await wait_for(pilot, lambda: any("请先写一句标题" in n.message for n in app._notifications))
        title.post_message(events.Paste("装修\n噪音"))
        await wait_for(pilot, lambda: title.value == "装修 噪音")
        details.value = ""
        details.focus()
        details.post_message(events.Paste(message))
        await wait_for(pilot, lambda: details.value == whole)
        options = app.screen.query_one("#suggestions", OptionList)
        await wait_for(pilot, lambda: options.option_count > 0)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any("已登记" in str(n.title) for n in app._notifications))
    with session_scope(catalog_engine) as s:
        saved = s.exec(select(Request)).one()
    assert saved.title == "装修 噪音" and saved.text == whole


async def test_a_bug_in_a_database_task_is_logged_and_the_session_goes_on(app, tmp_path) -> None:
    """Not a user error: the traceback goes to xinsheng.log, the user gets one line, the screen stays usable."""

    def broken(_session) -> None:
        raise RuntimeError("a bug nobody expected")

    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        await pilot.click("#title")
        await pilot.press(*"路灯不亮")
        app.run_db(broken, lambda _: None)
        await wait_for(pilot, lambda: any("程序出错" in n.message for n in app._notifications))
        message = next(n.message for n in app._notifications if "程序出错" in n.message)
        assert "xinsheng.log" in message and app.is_running
        assert app.screen.query_one("#title", Input).value == "路灯不亮"  # nothing typed is lost
    from models.core.config import data_dir

    log = (data_dir() / "xinsheng.log").read_text(encoding="utf-8")
    assert "RuntimeError: a bug nobody expected" in log and "Traceback" in log


async def test_after_a_conflict_the_typed_reason_is_offered_again(app, catalog_engine) -> None:
    """The reason was typed, but another terminal changed the request first: the retry starts from that text."""
    from models.requests import workflow

    request_id = street_light_request(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await open_detail(app, pilot, request_id)
        screen = app.screen
        await pilot.press("x")  # 不予受理 asks for a reason
        await wait_for(pilot, lambda: app.screen is not screen)
        await pilot.press(*"重复诉求已合并处理")
        with session_scope(catalog_engine) as s:  # meanwhile, at another terminal
            workflow.accept(s, workflow.get_request(s, request_id), workflow.Actor("另一台终端", "admin"))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any("已被他人修改" in n.message for n in app._notifications))
        await wait_for(pilot, lambda: app.screen is screen and screen.detail.status == "accepted")
        await pilot.press("x")
        await wait_for(pilot, lambda: app.screen is not screen)
        assert app.screen.query_one("#note", Input).value == "重复诉求已合并处理"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen and screen.detail.status == "rejected")
        assert screen._drafts == {}


def test_the_error_log_rotates_instead_of_growing_without_limit(monkeypatch) -> None:
    import tui.app
    from models.core.config import data_dir

    monkeypatch.setattr(tui.app, "LOG_BYTES", 2_000)
    for n in range(20):
        try:
            raise RuntimeError(f"bug number {n} " + "x" * 200)
        except RuntimeError as exc:
            path = tui.app.record_failure(exc)
    logs = sorted(p.name for p in data_dir().glob("xinsheng.log*"))
    assert logs == ["xinsheng.log", "xinsheng.log.1", "xinsheng.log.2", "xinsheng.log.3"]  # LOG_BACKUPS kept
    assert all(p.stat().st_size <= 2_000 + 2_000 for p in data_dir().glob("xinsheng.log*"))
    assert "bug number 19" in path.read_text(encoding="utf-8")


def test_every_key_binding_has_an_id_of_its_own() -> None:
    """A keymap file rebinds by id: two bindings sharing one (PgDn and PgUp once did) would move together."""
    from textual.binding import Binding

    from tui.account import AccountDialog, EnrolScreen
    from tui.app import XinshengApp
    from tui.catalog import CatalogScreen
    from tui.help import HelpScreen
    from tui.signin import SignInScreen

    ids = [
        b.id
        for owner in (
            XinshengApp,
            IntakeScreen,
            QueueScreen,
            DetailScreen,
            StatsScreen,
            CatalogScreen,
            SignInScreen,
            HelpScreen,
            AccountDialog,
            EnrolScreen,
        )
        for b in vars(owner).get("BINDINGS", [])  # our own, not those Textual's base classes bring
        if isinstance(b, Binding)
    ]
    assert all(ids) and len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


async def test_a_duplicate_answer_for_text_no_longer_in_the_form_is_dropped(catalog_engine) -> None:
    """The duplicate search runs in a worker a pause after typing; a save (which clears the form) can come first.
    Its late answer then offered to merge the next request into the one just saved (seen under load in tmux)."""
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from models.store.tables import Area, Operator

    with session_scope(catalog_engine) as s:
        area = Area(name="东社区第1网格", kind="grid")
        s.add(area)
        s.flush()
        s.add(Operator(name="史婷", role="grid_worker", area_id=area.id))
        s.flush()
        give_password(s, "史婷")
        log_request(s, Actor("史婷"), title="5号楼东门路灯坏了", area_id=area.id, item_code="JD-007")
    app = XinshengApp(catalog_engine, operator="史婷")
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, "史婷")
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
        await wait_for(pilot, lambda: app.actor.role == "grid_worker")
        await idle(pilot)
        screen = app.screen
        title = screen.query_one("#title", Input)
        title.value = "5号楼东门路灯坏了"
        screen._start_duplicates()  # asks about the text as it is now …
        title.value = ""  # … and the form moves on (saved and cleared) before the answer comes back
        await idle(pilot)
        assert static_text(app, "#duplicates") == ""
        assert screen.check_action("merge_duplicate", ()) is False


async def test_an_accepted_suggestion_stays_accepted_while_the_details_are_typed(app, catalog_engine) -> None:
    """Title, F6 (✔ shown), Tab, details: the ✔ went and Ctrl+S saved suggestion 1. A choice stays until the
    worker makes another."""
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set())
        screen = app.screen
        await pilot.click("#title")
        await pilot.press(*"楼道灯不亮")
        options = screen.query_one("#suggestions", OptionList)
        await wait_for(pilot, lambda: options.option_count > 1)
        second = screen._result.suggestions[1].code
        await pilot.press("f6")
        await wait_for(pilot, lambda: str(options.get_option_at_index(1).prompt).startswith("✔"))
        await pilot.press("tab", *"晚上楼下很黑")
        await wait_for(pilot, lambda: screen._result is not None and "很黑" in screen._result.body)
        assert str(options.get_option(second).prompt).startswith("✔")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.query_one("#title", Input).value == "")
    with session_scope(catalog_engine) as s:
        request = s.exec(select(Request)).one()
        assert request.item_id is not None and request.match_confirmed_by == ADMIN
        assert s.exec(select(CatalogItem.code).where(CatalogItem.id == request.item_id)).one() == second


async def test_saving_without_accepting_a_suggestion_leaves_the_request_to_confirm(app, catalog_engine) -> None:
    """Ctrl+S with no suggestion accepted sent the request to suggestion 1's department (电动车在楼道里充电 went to
    the wrong one); now it is unrouted (待确认), the notice says so, and the queue's 待确认 view lists it."""
    from models.requests.queries import count_requests
    from tui.queue import VIEWS

    async with app.run_test(size=(100, 30)) as pilot:
        await titled(pilot, app)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any("已登记" in str(n.title) for n in app._notifications))
        assert any("待确认" in n.message for n in app._notifications)
    with session_scope(catalog_engine) as s:
        request = s.exec(select(Request)).one()
        assert request.item_id is None and request.department_id is None and request.match_confirmed_by is None
        assert "unrouted" in [code for _, code in VIEWS] and count_requests(s, "unrouted") == 1


async def test_a_tab_in_a_burst_of_keys_moves_to_the_next_field(app, catalog_engine) -> None:
    """A paste holding a Tab (the title, a Tab, the details, as a clipboard tool types them): the Tab was dropped
    and the details landed in the title."""
    from textual import events

    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        title = app.screen.query_one("#title", Input)
        details = app.screen.query_one("#text", Input)
        location = app.screen.query_one("#location", Input)
        await pilot.click("#title")
        await pilot.press(*"路灯不亮")
        app.post_message(events.Paste("\t晚上楼下很黑\t3号楼"))  # what the driver hands the app for such a chunk
        await wait_for(pilot, lambda: location.value == "3号楼")
        assert title.value == "路灯不亮" and details.value == "晚上楼下很黑" and app.focused is location


async def test_merging_takes_a_ref_or_its_number_never_an_internal_id(app, catalog_engine) -> None:
    """m then 2 merged into internal id 2, a different request than XS-2026-000002 (issue 15, item 3)."""
    from models.requests.intake import allocate_refs, log_request
    from models.requests.workflow import Actor

    with session_scope(catalog_engine) as s:
        allocate_refs(s, 2026, 5)  # refs from 000006 on, ids from 1 on
        target = log_request(s, Actor("t"), title="3号楼路灯坏了", item_code="JD-007").request
        other = log_request(s, Actor("t"), title="5号楼楼道堆物", item_code="JD-002").request
        source = log_request(s, Actor("t"), title="3号楼门口灯不亮", item_code="JD-007").request
        assert (target.ref[-1], other.id) == ("6", 2)
        target_ref, source_id = target.ref, source.id
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await open_detail(app, pilot, source_id)
        detail = app.screen
        await pilot.press("m")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteDialog")
        await pilot.press("2", "enter")  # the other request's internal id
        await wait_for(pilot, lambda: any("找不到编号为 2 的诉求" in n.message for n in app._notifications))
        await idle(pilot)
        assert detail.detail.status == "new"
        await pilot.press("m")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteDialog")
        await pilot.press("ctrl+a", "ctrl+k", "6", "enter")  # the draft "2" is offered again: cleared first
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ConfirmDialog")  # the target, to confirm
        await pilot.press("enter")
        await wait_for(pilot, lambda: detail.detail.status == "merged")
        assert detail.detail.duplicate_of == target_ref


async def test_a_search_looks_through_every_status_and_finds_the_number_part_of_a_ref(app, catalog_engine) -> None:
    """Searching 2201 in 我的待办 found nothing: the request was closed (issue 15, item 6)."""
    from models.requests import workflow
    from models.requests.intake import allocate_refs, log_request
    from models.requests.workflow import Actor
    from tests.conftest import take_on

    with session_scope(catalog_engine) as s:
        allocate_refs(s, 2026, 2200)
        log_request(s, Actor("t"), title="楼道座椅坏了", item_code="JD-002")  # XS-2026-002201, still new
        closed = log_request(s, Actor("t"), title="小区路灯不亮", item_code="JD-007").request
        take_on(s, closed, Actor("t"))
        workflow.resolve(s, closed, Actor("t"), "已修")
        workflow.callback(s, closed, Actor("t"), satisfaction="satisfied")
        assert closed.ref.endswith("-002202")
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        screen = app.screen
        table, views = screen.query_one("#queue", DataTable), screen.query_one("#status-filter")
        count = screen.query_one("#queue-count")
        await wait_for(pilot, lambda: table.row_count == 1 and "共 1 条" in str(count.render()))
        assert views.value == "mine"
        await pilot.press("ctrl+f", *"2202")
        await wait_for(pilot, lambda: table.row_count == 1 and "路灯" in str(table.get_row_at(0)[3]))
        assert views.value == "all"
        await wait_for(pilot, lambda: "在全部状态中搜索：共 1 条" in str(count.render()))
        assert "清空搜索回到“我的待办”" in str(count.render())
        await pilot.press(*["backspace"] * 4, "6")  # a number is the number part of a ref, not the year's 2026
        await wait_for(pilot, lambda: table.row_count == 0 and "没有符合条件的诉求" in str(count.render()))
        await pilot.press("backspace", *"220")
        await wait_for(pilot, lambda: table.row_count == 2)
        await pilot.press(*["backspace"] * 3)
        await wait_for(pilot, lambda: views.value == "mine" and table.row_count == 1)
        await wait_for(pilot, lambda: "⚠ 已超期" in str(count.render()))


async def test_the_detail_shows_the_hours_the_cited_item_and_why_the_resident_is_unsatisfied(
    app, catalog_engine
) -> None:
    """Recorded but shown nowhere: hours at 办结, the item a 退单 cites, the resident's words (issue 15, item 8)."""
    from models.requests import workflow
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from tests.conftest import take_on

    clerk = Actor("t")
    with session_scope(catalog_engine) as s:
        request = log_request(s, clerk, title="楼道灯不亮", item_code="JD-007").request
        take_on(s, request, clerk)
        workflow.return_request(s, request, clerk, "是水管的事", item_code="JD-003", code="not_our_duty")
        workflow.dispatch(s, request, clerk)
        workflow.sign(s, request, clerk)
        workflow.resolve(s, request, clerk, "已换灯泡", hours=2.5)
        workflow.callback(s, request, clerk, satisfaction="unsatisfied", solved=False, comment="楼道还是很暗")
        request_id = request.id
    async with app.run_test(size=(120, 36)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await open_detail(app, pilot, request_id)
        summary = static_text(app, "#summary")
        assert "办理结果：已换灯泡  办理工时：2.5 小时" in summary
        assert "回访评价：不满意  居民意见：楼道还是很暗" in summary
        table = app.screen.query_one("#timeline", DataTable)
        notes = [str(table.get_row_at(i)[4]) for i in range(table.row_count)]
        assert "不属于本单位职责 · 依据 [JD-003] 供水管道漏水抢修：是水管的事" in notes
        assert "不满意 · 未解决：楼道还是很暗" in notes


async def test_the_queue_at_80_columns_shows_16_characters_of_each_title(app, catalog_engine) -> None:
    """About 8 characters showed at 80×24; the side columns now give way first (issue 15, item 7)."""
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from tests.tui.signing import screen_text

    title = "楼道里想放几把折叠椅给老人歇脚用行不行"
    with session_scope(catalog_engine) as s:
        log_request(s, Actor("t"), title=title, item_code="JD-002")
    async with app.run_test(size=(80, 24)) as pilot:
        table = await signed_in_queue(pilot, app)
        await wait_for(pilot, lambda: table.row_count == 1)
        await idle(pilot)
        assert title[:16] in screen_text(app)
        assert "承办部门" not in screen_text(app)
        await pilot.resize_terminal(140, 30)
        await wait_for(pilot, lambda: "承办部门" in screen_text(app) and "网格" in screen_text(app))
        assert title[:16] in screen_text(app) and "街道城市管理" in screen_text(app)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_no_intake_placeholder_is_cut(app, monkeypatch, size, language) -> None:
    """Under --lang en "Resident's phone (for the callback only)" showed as "Resident's phone (for the callback"."""
    from rich.cells import cell_len

    import tui.i18n

    monkeypatch.setattr(tui.i18n, "_language", language)
    async with app.run_test(size=size) as pilot:
        await sign_in(pilot, app, ADMIN)
        await wait_for(pilot, lambda: isinstance(app.screen, IntakeScreen))
        await idle(pilot)
        cut = [
            (field.id, field.placeholder)
            for field in app.screen.query(Input)
            if field.placeholder and cell_len(field.placeholder) > field.content_region.width
        ]
        assert cut == []


async def test_brackets_a_resident_typed_are_shown_as_typed_not_read_as_markup(app, catalog_engine) -> None:
    """A request titled "[/b]楼道灯[red]不亮" ended the queue with a MarkupError (and Textual's crash report printed
    the row's values on the terminal): every table cell and every notice is plain text (tui.plain_table, XinshengApp
    .notify)."""
    from models.requests.intake import log_request
    from models.requests.workflow import Actor
    from tests.tui.signing import screen_text

    with session_scope(catalog_engine) as s:
        log_request(s, Actor("t"), title="[/b]楼道灯[red]不亮", text="[/x]")
    async with app.run_test(size=(120, 36)) as pilot:
        table = await signed_in_queue(pilot, app)
        await wait_for(pilot, lambda: table.row_count == 1)
        await until(pilot, lambda: "[/b]楼道灯[red]不亮" in screen_text(app), "the title as typed")
        app.screen.notify("[/b]楼道灯")  # as a screen notifies: through the app's own notify
        await idle(pilot)
        assert app.is_running and [(n.message, n.markup) for n in app._notifications] == [("[/b]楼道灯", False)]


async def test_a_crash_closes_the_app_without_printing_what_it_held(app, capsys) -> None:
    """Found in the contact point's review: Textual's crash report printed every frame's local variables on the
    terminal, so a crash while showing a request put the resident's words and phone on a shared screen. Now the
    traceback goes to the private log, without locals and masked, and the terminal gets one line."""
    from models.core.config import data_dir

    def crash_while_holding_a_request() -> None:
        resident = "王秀兰 13912345678"  # a local, as any handler holding a request has one
        raise RuntimeError(f"意外：{len(resident)}")

    with pytest.raises(RuntimeError, match="意外"):
        async with app.run_test() as pilot:
            await sign_in(pilot, app, ADMIN)
            app.call_later(crash_while_holding_a_request)
            await until(pilot, lambda: not app.is_running, "the app closed by the crash")
    printed = capsys.readouterr().err
    assert "程序出错，已退出（RuntimeError）" in printed and "xinsheng.log" in printed
    assert "13912345678" not in printed and "王秀兰" not in printed
    log = (data_dir() / "xinsheng.log").read_text(encoding="utf-8")
    assert "crash_while_holding_a_request" in log and "13912345678" not in log and "王秀兰" not in log
