"""Signing in to the TUI, driven like a person at the terminal: the form, refusals that say nothing about the name,
the lock after repeated failures, one-time passwords, two-factor codes, the idle lock and signing out."""

from __future__ import annotations

import time

import pyotp
import pytest
from sqlmodel import select
from textual.widgets import Input, OptionList

from models.access.signin import REFUSED
from models.core.vocabulary import AuditAction
from models.people.permissions import Actor
from models.store.engine import session_scope
from models.store.tables import AuditEvent, Operator
from tests.accounts import PASSWORD, register
from tests.conftest import area_chain
from tests.tui.signing import on_sign_in_form, screen_text, sign_in, sign_in_message, type_sign_in
from tests.tui.waits import idle, until
from tui.app import XinshengApp
from tui.detail import DetailScreen
from tui.intake import IntakeScreen
from tui.queue import QueueScreen
from tui.signin import LockScreen, SignInScreen
from tui.stats import StatsScreen

ADMIN = "王网格"


def audit(engine, action: AuditAction) -> list[AuditEvent]:
    with session_scope(engine) as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action)).all())


async def refused(pilot, app, name: str, password: str) -> str:
    """Type a sign-in that is refused; the one line the form shows."""
    await type_sign_in(pilot, app, name, password)
    await until(pilot, lambda: on_sign_in_form(app) and sign_in_message(app) not in ("", "正在核对……"), "the refusal")
    return sign_in_message(app)


async def use_palette(pilot, app, command: str) -> None:
    from textual.command import CommandList, CommandPalette

    def offered() -> bool:
        if not isinstance(app.screen, CommandPalette):
            return False
        results = app.screen.query_one(CommandList)
        return (
            results.option_count > 0
            and results.highlighted == 0
            and command in str(results.get_option_at_index(0).prompt)
        )

    await pilot.press("ctrl+p")
    await pilot.press(*command)
    await until(pilot, offered, f"the palette offering {command}")
    await pilot.press("enter")


def a_request(engine, title: str = "路灯不亮好几天了") -> int:
    from models.requests.intake import log_request

    with session_scope(engine) as s:
        return log_request(s, Actor("t"), title=title, item_code="JD-007").request.id


@pytest.mark.parametrize(
    ("role", "place", "landing"),
    [
        ("grid_worker", {"area": "东一网格"}, IntakeScreen),
        ("department", {"department": "区水务局"}, QueueScreen),
        ("supervisor", {}, StatsScreen),
        ("admin", {}, IntakeScreen),
    ],
)
async def test_each_role_signs_in_to_its_own_screen(catalog_engine, role, place, landing) -> None:
    with session_scope(catalog_engine) as s:
        area_chain(s, "和平街道", "东社区", "东一网格")
    name = register(catalog_engine, f"测试{role}", role, **place)
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: on_sign_in_form(app))
        assert app.sub_title != "" and not app.signed_in
        await sign_in(pilot, app, name)
        await until(pilot, lambda: isinstance(app.screen, landing))
        assert app.actor.name == name and app.actor.role == role and name in app.sub_title
    [event] = audit(catalog_engine, AuditAction.SIGN_IN)
    assert event.actor == name and "终端" in event.detail  # where=here(): the terminal this came from


async def test_the_name_is_completed_from_the_list_and_enter_moves_to_the_password(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        area_chain(s, "和平街道", "东社区", "东一网格")
    register(catalog_engine, "王东一", "grid_worker", area="东一网格")
    register(catalog_engine, "周主任", "supervisor")
    register(catalog_engine, "周小二", "admin")
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: on_sign_in_form(app) and app.screen._operators)
        names = app.screen.query_one("#signin-names", OptionList)
        name_field = app.screen.query_one("#signin-name", Input)
        assert names.display and names.option_count == 3 and app.focused is name_field
        await pilot.press(*"网格员")  # a role or a grid narrows the list as well as a name
        assert names.option_count == 1
        await pilot.press("enter")
        assert name_field.value == "王东一"
        await until(pilot, lambda: app.focused is app.screen.query_one("#signin-password"))
        assert not names.display  # the field holds a name of the list: the list has done its work
        name_field.focus()
        name_field.value = ""
        await pilot.press("周", "down", "enter")  # ↓ moves through the names shown
        assert name_field.value == "周小二"
        await pilot.press(*PASSWORD, "enter")
        await until(pilot, lambda: isinstance(app.screen, IntakeScreen))
        assert app.actor.name == "周小二"


async def test_operator_only_fills_in_the_name(catalog_engine) -> None:
    register(catalog_engine, ADMIN)
    app = XinshengApp(catalog_engine, operator=ADMIN)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: on_sign_in_form(app))
        await idle(pilot)
        assert not app.signed_in and isinstance(app.screen, SignInScreen)
        assert app.screen.query_one("#signin-name", Input).value == ADMIN
        assert app.focused is app.screen.query_one("#signin-password")
        await pilot.press(*PASSWORD, "enter")
        await until(pilot, lambda: isinstance(app.screen, IntakeScreen))


async def test_a_wrong_password_and_an_unknown_name_read_the_same(catalog_engine) -> None:
    register(catalog_engine, ADMIN)
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        wrong = await refused(pilot, app, ADMIN, "Wrong-2026pw")
        assert wrong == REFUSED
        assert not app.signed_in and isinstance(app.screen, SignInScreen)
        assert not app.screen.query_one("#signin-code").display
        assert app.screen.query_one("#signin-password", Input).value == ""
        assert str(app.screen.query_one("#signin-hint").render()) == ""  # nothing else is said
        assert not app._notifications
        unknown = await refused(pilot, app, "没这个人", "Wrong-2026pw")
        assert unknown == wrong
    failed = audit(catalog_engine, AuditAction.SIGN_IN_FAILED)
    assert [e.actor for e in failed] == [ADMIN, ""]  # an unknown name is not kept: it may be a password


async def test_five_failures_in_a_row_lock_the_account(catalog_engine) -> None:
    register(catalog_engine, ADMIN)
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        for n in range(5):
            assert await refused(pilot, app, ADMIN, f"Wrong-2026pw{n}") == REFUSED
        assert await refused(pilot, app, ADMIN, PASSWORD) == REFUSED  # locked: the right password too
        assert not app.signed_in
    [lock] = audit(catalog_engine, AuditAction.LOCK)
    assert lock.actor == ADMIN and '"minutes": 15' in lock.detail
    assert audit(catalog_engine, AuditAction.SIGN_IN) == []


async def test_a_disabled_operator_is_refused_like_anyone(catalog_engine) -> None:
    register(catalog_engine, ADMIN)
    register(catalog_engine, "离职的人", "admin")
    with session_scope(catalog_engine) as s:
        s.exec(select(Operator).where(Operator.name == "离职的人")).one().active = False
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await refused(pilot, app, "离职的人", PASSWORD) == REFUSED
        assert not app.signed_in


@pytest.mark.parametrize("change", ["disable", "role", "reset"])
async def test_an_account_changed_by_an_administrator_ends_the_open_session(catalog_engine, change) -> None:
    from models.access import accounts

    register(catalog_engine, ADMIN)
    register(catalog_engine, "周主任", "supervisor")
    admin = Actor(ADMIN, "admin")
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, "周主任")
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        app.check_account()  # nothing changed yet: the session stays
        await idle(pilot)
        assert app.signed_in and isinstance(app.screen, StatsScreen)
        with session_scope(catalog_engine) as s:
            if change == "disable":
                accounts.set_active(s, admin, "周主任", False)
            elif change == "role":
                accounts.set_role(s, admin, "周主任", "admin")
            else:
                accounts.reset_password(s, admin, "周主任")
        app.check_account()  # what the half-minute timer does
        await until(pilot, lambda: on_sign_in_form(app) and not app.signed_in, "the sign-in form")
        await until(pilot, lambda: any("被管理员变更或停用" in n.message for n in app._notifications), "the notice")


async def test_no_administrator_is_made_here_and_the_form_says_how(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        area_chain(s, "和平街道", "东社区", "东一网格")
    register(catalog_engine, "王东一", "grid_worker", area="东一网格")
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "尚无管理员" in str(app.screen.query_one("#signin-hint").render()))
        assert "xinsheng operators add 姓名 --role admin" in str(app.screen.query_one("#signin-hint").render())
        assert await refused(pilot, app, "李管理", "Some-2026pw") == REFUSED
    with session_scope(catalog_engine) as s:
        assert [o.name for o in s.exec(select(Operator)).all()] == ["王东一"]


async def test_a_training_database_shows_its_password(catalog_engine) -> None:
    from models.access.policy import mark_training
    from models.demo.builder import DEMO_PASSWORD

    register(catalog_engine, ADMIN)
    with session_scope(catalog_engine) as s:
        mark_training(s)
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: DEMO_PASSWORD in str(app.screen.query_one("#signin-hint").render()))


async def test_a_one_time_password_is_changed_before_anything_else(catalog_engine) -> None:
    from models.access.accounts import create_account
    from tui.account import ChangePasswordScreen

    register(catalog_engine, ADMIN)
    with session_scope(catalog_engine) as s:
        new = create_account(s, Actor(ADMIN, "admin"), "新同事", "supervisor")
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_sign_in(pilot, app, "新同事", new.one_time_password)
        await until(pilot, lambda: isinstance(app.screen, ChangePasswordScreen))
        dialog = app.screen
        assert dialog.query_one("#password-current", Input).value == new.one_time_password
        await pilot.press("f4", "f3")  # nothing opens before the new password is set
        assert app.screen is dialog and not app.signed_in
        await pilot.press(*"short", "enter", *"short", "enter")
        await until(pilot, lambda: "密码" in str(dialog.query_one(".dialog-error").render()) and not dialog.busy)
        assert app.screen is dialog  # the domain's refusal, in the dialog's one line
        for field in ("#password-new", "#password-repeat"):
            dialog.query_one(field, Input).value = ""
        dialog.query_one("#password-new", Input).focus()
        await pilot.press(*"Mine-2026pw", "enter", *"Mine-2026pX", "enter")
        assert "不一致" in str(dialog.query_one(".dialog-error").render())
        await pilot.press(*"Mine-2026pw", "enter")
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        assert app.actor.name == "新同事"
        await use_palette(pilot, app, "退出登录")
        await until(pilot, lambda: on_sign_in_form(app))
        await sign_in(pilot, app, "新同事", "Mine-2026pw")  # the new password works, and nothing more is asked
    assert [e.actor for e in audit(catalog_engine, AuditAction.PASSWORD_CHANGE)] == ["新同事"]


def _other_code(secret: str) -> str:
    """A six-digit code that is not valid around now."""
    totp = pyotp.TOTP(secret)
    valid = {totp.at(time.time() + d) for d in (-60, -30, 0, 30, 60)}
    return next(c for c in ("000000", "111111", "222222") if c not in valid)


async def test_two_factor_enrol_then_every_sign_in_needs_a_fresh_code(catalog_engine) -> None:
    from tui.account import EnrolScreen

    register(catalog_engine, ADMIN)
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await use_palette(pilot, app, "两步验证")
        await until(pilot, lambda: isinstance(app.screen, EnrolScreen))
        enrol = app.screen
        secret = enrol.secret
        shown = screen_text(app)
        assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in shown and "▀" in shown
        await pilot.press(*_other_code(secret), "enter")
        await until(pilot, lambda: "动态码不正确" in str(enrol.query_one(".dialog-error").render()))
        enrol.query_one("#enrol-code", Input).value = ""
        used = pyotp.TOTP(secret).now()
        await pilot.press(*used, "enter")
        await until(pilot, lambda: isinstance(app.screen, IntakeScreen))
        await use_palette(pilot, app, "退出登录")

        await type_sign_in(pilot, app, ADMIN, PASSWORD)
        code = app.screen.query_one("#signin-code", Input)
        await until(pilot, lambda: code.display and app.focused is code)  # the password was right: a code follows
        assert not app.signed_in
        await pilot.press(*_other_code(secret), "enter")
        await until(pilot, lambda: sign_in_message(app) == REFUSED)
        assert not code.display  # and the password is asked for again

        await type_sign_in(pilot, app, ADMIN, PASSWORD)
        await until(pilot, lambda: code.display and app.focused is code)
        await pilot.press(*used, "enter")  # the code enrolment took: used once, never again
        await until(pilot, lambda: sign_in_message(app) == REFUSED)

        fresh = pyotp.TOTP(secret).at(time.time() + 30)  # the next step: a phone a little ahead
        await type_sign_in(pilot, app, ADMIN, PASSWORD)
        await until(pilot, lambda: code.display and app.focused is code)
        await pilot.press(*fresh, "enter")
        await until(pilot, lambda: isinstance(app.screen, IntakeScreen))
    assert len(audit(catalog_engine, AuditAction.TOTP_ENROL)) == 1


async def test_a_role_that_requires_two_factor_enrols_before_anything_else(catalog_engine) -> None:
    from models.access.policy import changed_policy, load_policy, store_policy
    from tui.account import EnrolScreen

    register(catalog_engine, ADMIN)
    with session_scope(catalog_engine) as s:
        store_policy(s, changed_policy(load_policy(s), {"totp_roles": ["admin"]}))
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_sign_in(pilot, app, ADMIN, PASSWORD)
        await until(pilot, lambda: isinstance(app.screen, EnrolScreen))
        enrol = app.screen
        assert enrol.required and not app.signed_in
        await pilot.press("f3")
        assert app.screen is enrol
        await pilot.press(*pyotp.TOTP(enrol.secret).now(), "enter")
        await until(pilot, lambda: isinstance(app.screen, IntakeScreen) and app.signed_in)


async def test_the_qr_code_scrolls_at_80x24(catalog_engine) -> None:
    from textual.containers import VerticalScroll

    from tui.account import EnrolScreen

    register(catalog_engine, ADMIN)
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, ADMIN)
        app.action_two_factor()
        await until(pilot, lambda: isinstance(app.screen, EnrolScreen))
        await idle(pilot)
        area = app.screen.query_one("#enrol-qr", VerticalScroll)
        assert area.max_scroll_y > 0 and area.region.height >= 8  # part of it at a time, with room to scan
        code = app.screen.query_one("#enrol-code", Input)
        assert code.region.bottom <= 24 and app.focused is code  # the field is on screen and keeps the focus
        await pilot.press("pagedown")
        await until(pilot, lambda: area.scroll_y > 0)


async def _locked(pilot, app) -> LockScreen:
    app.clock = lambda: time.monotonic() + app.idle_minutes * 60 + 1  # the operator walked away
    assert app.lock_if_idle()
    await until(pilot, lambda: isinstance(app.screen, LockScreen) and on_sign_in_form(app))
    await idle(pilot)
    return app.screen


async def test_an_idle_session_locks_and_the_same_password_goes_back_to_where_it_was(catalog_engine) -> None:
    register(catalog_engine, ADMIN)
    request_id = a_request(catalog_engine)
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        assert app.lock_if_idle() is False  # just signed in: not idle
        app.push_screen(DetailScreen(request_id))
        await until(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail is not None)
        detail = app.screen
        assert "路灯不亮好几天了" in screen_text(app)
        app.notify("路灯不亮好几天了 13812345678")
        lock = await _locked(pilot, app)
        shown = screen_text(app)
        assert "路灯不亮好几天了" not in shown and "13812345678" not in shown and "XS-" not in shown
        assert "已锁屏" in shown and ADMIN in shown
        assert app.screen.query_one("#signin-name", Input).value == ADMIN
        await pilot.press("f3", "f2")  # nothing opens past the lock
        await pilot.press("ctrl+p")  # not even the palette
        await idle(pilot)
        assert app.screen is lock
        app.clock = time.monotonic
        assert await refused(pilot, app, ADMIN, "Wrong-2026pw") == REFUSED
        await type_sign_in(pilot, app, ADMIN, PASSWORD)
        await until(pilot, lambda: app.screen is detail)  # exactly where they were
        assert not app.locked and app.actor.name == ADMIN
    assert len(audit(catalog_engine, AuditAction.IDLE_LOCK)) == 1
    assert audit(catalog_engine, AuditAction.SIGN_OUT) == []


async def test_another_operator_at_the_lock_signs_the_first_out(catalog_engine) -> None:
    register(catalog_engine, ADMIN)
    register(catalog_engine, "周主任", "supervisor")
    request_id = a_request(catalog_engine)
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        first = app.screen
        app.push_screen(DetailScreen(request_id))
        await until(pilot, lambda: isinstance(app.screen, DetailScreen) and app.screen.detail is not None)
        detail = app.screen
        await _locked(pilot, app)
        app.clock = time.monotonic
        await sign_in(pilot, app, "周主任")
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        assert app.actor.name == "周主任" and not app.locked
        await idle(pilot)
        stacks = [screen for stack in app._screen_stacks.values() for screen in stack]
        assert first not in stacks and detail not in stacks  # the first operator's screens are gone, not kept
        assert not detail.is_attached and not first.is_attached
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, IntakeScreen))
        assert app.screen is not first
    assert [e.actor for e in audit(catalog_engine, AuditAction.SIGN_OUT)] == [ADMIN]


async def test_switch_operator_from_the_palette_returns_to_sign_in(catalog_engine) -> None:
    register(catalog_engine, ADMIN)
    register(catalog_engine, "周主任", "supervisor")
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, app, ADMIN)
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        queue = app.screen
        await use_palette(pilot, app, "切换操作员")
        await until(pilot, lambda: on_sign_in_form(app))
        assert app.is_running and not app.signed_in
        assert app.screen.query_one("#signin-name", Input).value == ""  # a fresh form
        await pilot.press("f3")
        await idle(pilot)
        assert isinstance(app.screen, SignInScreen) and not queue.is_attached
        await sign_in(pilot, app, "周主任")
        await until(pilot, lambda: isinstance(app.screen, StatsScreen))
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, QueueScreen))
        assert app.screen is not queue
    assert [e.actor for e in audit(catalog_engine, AuditAction.SIGN_OUT)] == [ADMIN]


async def test_nothing_is_shown_before_sign_in(catalog_engine) -> None:
    from datetime import datetime

    from models.core.clock import simulated_time
    from models.requests.intake import log_request

    with session_scope(catalog_engine) as s, simulated_time(datetime(2025, 3, 3, 9)):
        log_request(s, Actor("t"), title="很久以前的路灯", item_code="JD-007")
    register(catalog_engine, ADMIN)
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: on_sign_in_form(app) and app._held)  # the escalation ran, its notice waits
        for key in ("f2", "f3", "f4", "f9"):
            await pilot.press(key)
        await idle(pilot)
        assert isinstance(app.screen, SignInScreen) and not app._notifications
        assert [c.title for c in app.get_system_commands(app.screen)] == ["帮助", "退出"]
        assert app.lock_if_idle() is False
        await sign_in(pilot, app, ADMIN)
        await until(pilot, lambda: any("超期督办" in n.message for n in app._notifications))
