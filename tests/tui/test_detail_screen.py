"""The request detail as a tester drove it: a merge by number confirmed before it is written, a dispatch after a 退单
that offers the unit the 退单 cites, the 退单's reason in the header, the hours of every 办结, and `m` in the footer."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select
from textual.widgets import DataTable, OptionList, Static

from models.core.clock import now, simulated_time
from models.requests import workflow
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import session_scope
from models.store.tables import Area, Operator, Request, RequestEvent
from tests.accounts import give_password, register
from tests.conftest import take_on
from tests.tui.signing import screen_text, sign_in
from tests.tui.waits import idle, until
from tui.app import XinshengApp
from tui.detail import DetailScreen

ADMIN = "王网格"
T = Actor("t")


def on_screen(app, name: str) -> bool:
    return app.screen.__class__.__name__ == name


async def open_detail(pilot, app, request_id: int) -> DetailScreen:
    app.push_screen(DetailScreen(request_id))
    await until(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail is not None, "the detail")
    return app.screen


def summary(app) -> str:
    return str(app.screen.query_one("#summary", Static).render())


async def test_a_merge_by_number_shows_the_target_and_its_year_and_waits_for_a_yes(sqlite_catalog) -> None:
    """m 14 merged a new complaint, unasked, into last year's XS-2025-000014 (this year's 14 was out of reach)."""
    this_year = now().year
    with session_scope(sqlite_catalog) as s:
        east, west = Area(name="东社区第1网格", kind="grid"), Area(name="西社区第1网格", kind="grid")
        s.add_all([east, west])
        s.flush()
        s.add(Operator(name="史婷", role="grid_worker", area_id=east.id))
        s.flush()
        give_password(s, "史婷")
        with simulated_time(datetime(this_year - 1, 11, 3, 9, 0)):
            old = log_request(s, T, title="5号楼东门路灯坏了", item_code="JD-007", area_id=east.id).request
            workflow.accept(s, old, T)
        log_request(s, T, title="广场舞太吵", item_code="JD-004", area_id=west.id)  # this year's 1, not hers
        source = log_request(s, T, title="5号楼门口路灯不亮", item_code="JD-007", area_id=east.id).request
        closed = log_request(s, T, title="楼道灯坏了", item_code="JD-007", area_id=east.id).request
        take_on(s, closed, T)
        workflow.resolve(s, closed, T, "已修")
        workflow.callback(s, closed, T, satisfaction="satisfied")
        assert old.ref == f"XS-{this_year - 1}-000001" and closed.ref == f"XS-{this_year}-000003"
        old_id, old_ref, source_id = old.id, old.ref, source.id
    app = XinshengApp(sqlite_catalog, operator="史婷")
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, "史婷")
        detail = await open_detail(pilot, app, source_id)

        await pilot.press("m")
        await until(pilot, lambda: on_screen(app, "NoteDialog"), "the ref question")
        await pilot.press("3", "enter")  # a closed request: refused before anything is asked or written
        await until(pilot, lambda: any("已不再办理" in n.message for n in app._notifications), "the refusal")
        await idle(pilot)
        assert isinstance(app.screen, DetailScreen) and detail.detail.status == "new"

        await pilot.press("m")
        await until(pilot, lambda: on_screen(app, "NoteDialog"), "the ref question")
        await pilot.press("ctrl+a", "ctrl+k", "1", "enter")  # the draft "3" is offered again: cleared first
        await until(pilot, lambda: on_screen(app, "ConfirmDialog"), "the confirmation")
        shown = screen_text(app)
        assert old_ref in shown and "5号楼东门路灯坏了" in shown and "【已受理】" in shown
        assert f"注意：这是 {this_year - 1} 年的诉求" in shown
        await pilot.press("escape")  # not the one meant: nothing happens
        await until(pilot, lambda: isinstance(app.screen, DetailScreen), "back on the detail")
        await idle(pilot)
        assert detail.detail.status == "new"
        with session_scope(sqlite_catalog) as s:
            assert s.get(Request, source_id).status == "new"
            merges = select(RequestEvent).where(RequestEvent.request_id == source_id, RequestEvent.action == "merge")
            assert s.exec(merges).first() is None

        await pilot.press("m")
        await until(pilot, lambda: on_screen(app, "NoteDialog"), "the ref question")
        await pilot.press("1", "enter")
        await until(pilot, lambda: on_screen(app, "ConfirmDialog"), "the confirmation")
        await pilot.press("y")
        await until(pilot, lambda: detail.detail.status == "merged", "the merge")
        assert detail.detail.duplicate_of == old_ref
    with session_scope(sqlite_catalog) as s:
        assert s.get(Request, source_id).duplicate_of == old_id


async def test_enter_confirms_a_merge_into_this_years_request(sqlite_catalog) -> None:
    register(sqlite_catalog, ADMIN)
    with session_scope(sqlite_catalog) as s:
        with simulated_time(datetime(now().year - 1, 11, 3, 9, 0)):
            log_request(s, T, title="去年的路灯", item_code="JD-007")
        target = log_request(s, T, title="3号楼路灯坏了", item_code="JD-007").request
        source = log_request(s, T, title="3号楼门口灯不亮", item_code="JD-007").request
        target_ref, source_id = target.ref, source.id
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, ADMIN)
        detail = await open_detail(pilot, app, source_id)
        await pilot.press("m")
        await until(pilot, lambda: on_screen(app, "NoteDialog"), "the ref question")
        await pilot.press("1", "enter")  # this year's 1 and last year's 1 are both in reach: this year's is meant
        await until(pilot, lambda: on_screen(app, "ConfirmDialog"), "the confirmation")
        shown = screen_text(app)
        assert target_ref in shown and "3号楼路灯坏了" in shown and "【登记】" in shown and "注意" not in shown
        await pilot.press("enter")
        await until(pilot, lambda: detail.detail.status == "merged", "the merge")
        assert detail.detail.duplicate_of == target_ref


async def test_after_a_return_the_header_says_why_and_dispatch_offers_the_cited_unit(sqlite_catalog) -> None:
    """The 退单 cited [JD-003] (区水务局); `d` opened elsewhere, and the header kept the refuted item afterwards."""
    register(sqlite_catalog, ADMIN)
    with session_scope(sqlite_catalog) as s:
        request = log_request(s, T, title="楼道里往下滴水", item_code="JD-007").request
        take_on(s, request, T)
        workflow.return_request(s, request, T, "经核实是供水管道，归区水务局", item_code="JD-003", code="not_our_duty")
        routed = log_request(s, T, title="小区路灯不亮", item_code="JD-007").request
        workflow.accept(s, routed, T)
        request_id, routed_id = request.id, routed.id
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, ADMIN)
        detail = await open_detail(pilot, app, routed_id)  # no 退单: `d` opens on the routed department
        await pilot.press("d")
        await until(pilot, lambda: on_screen(app, "DepartmentDialog"), "the department list")
        options = app.screen.query_one("#choices", OptionList)
        await until(pilot, lambda: options.highlighted is not None, "a department highlighted")
        assert str(options.get_option_at_index(options.highlighted).prompt).startswith("街道城市管理办公室")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DetailScreen), "back on the detail")
        app.pop_screen()

        detail = await open_detail(pilot, app, request_id)
        shown = screen_text(app)
        assert "退单原因：不属于本单位职责  依据 [JD-003] 供水管道漏水抢修" in shown
        assert "退单理由：经核实是供水管道，归区水务局" in shown

        await pilot.press("d")
        await until(pilot, lambda: on_screen(app, "DepartmentDialog"), "the department list")
        options = app.screen.query_one("#choices", OptionList)
        await until(pilot, lambda: options.highlighted is not None, "a department highlighted")
        offered = str(options.get_option_at_index(options.highlighted).prompt)
        assert offered.startswith("区水务局") and "退单依据 [JD-003] 供水管道漏水抢修" in offered
        await until(pilot, lambda: "区水务局（区级）  ← 退单依据 [JD-003]" in screen_text(app), "it in view")
        await pilot.press("enter")
        await until(pilot, lambda: detail.detail.status == "dispatched", "the dispatch")
        header = summary(app)
        assert "清单事项：[JD-003] 供水管道漏水抢修" in header and "承办部门：区水务局" in header
        assert "由区水务局办理" in str(app.screen.query_one("#detail-routing", Static).render())


async def test_every_resolve_row_of_the_timeline_shows_its_hours(sqlite_catalog) -> None:
    register(sqlite_catalog, ADMIN)
    with session_scope(sqlite_catalog) as s:
        request = log_request(s, T, title="楼道灯不亮", item_code="JD-007").request
        take_on(s, request, T)
        workflow.resolve(s, request, T, "已换灯泡", hours=2.5)
        workflow.callback(s, request, T, satisfaction="unsatisfied", solved=False, comment="还是很暗")
        workflow.sign(s, request, T)
        request_id = request.id
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        detail = await open_detail(pilot, app, request_id)
        await pilot.press("f")
        await until(pilot, lambda: on_screen(app, "NoteDialog"), "the resolution question")
        await pilot.press(*"更换整条线路", "tab", "1", ".", "5", "enter")
        await until(pilot, lambda: detail.detail.status == "resolved", "the second 办结")
        table = app.screen.query_one("#timeline", DataTable)
        notes = [str(table.get_row_at(i)[4]) for i in range(table.row_count)]
        assert "工时 2.5 小时：已换灯泡" in notes and "工时 1.5 小时：更换整条线路" in notes
        assert "工时 1.5 小时：更换整条线路" in screen_text(app)


async def test_the_footer_offers_m_on_a_new_request(sqlite_catalog) -> None:
    register(sqlite_catalog, ADMIN)
    with session_scope(sqlite_catalog) as s:
        request_id = log_request(s, T, title="路灯不亮", item_code="JD-007").request.id
    app = XinshengApp(sqlite_catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await open_detail(pilot, app, request_id)
        await idle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "m 合并" in footer and "a 受理" in footer
