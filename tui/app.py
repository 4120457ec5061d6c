"""The xinsheng Textual application: intake, queue, detail and stats screens over one database engine."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from models.core.vocabulary import AuditAction, Privilege, Role
from models.people.permissions import Actor, may
from models.store.engine import run_unit
from tui.base import XinshengScreen
from tui.delivery import still_shown
from tui.i18n import tr

if TYPE_CHECKING:  # the matcher (numpy) and the screens load after the first screen is up, not before
    from textual.dom import DOMNode

    from models.matching.engine import Matcher
    from models.requests.escalation import EscalationResult
    from tui.base import Host

T = TypeVar("T")
# where each role starts its day: supervisors on the dashboard, handlers on their queue, everyone else at intake
LANDING: dict[str, str] = {Role.SUPERVISOR: "stats", Role.DEPARTMENT: "queue"}
# until someone signs in, the app acts for nobody: an actor that reaches no request
NOBODY = Actor("", "grid_worker", area_ids=frozenset())
IDLE_CHECK_SECONDS = 30  # how often an idle session is looked for; the limit itself is the street's (policy)
# the app's own actions that need someone signed in (and the screen unlocked)
SIGNED_IN_ACTIONS = frozenset({"switch_mode", "show_queue", "sign_out", "change_password", "two_factor"})


class XinshengApp(App[None]):
    CSS_PATH = "xinsheng.tcss"
    TITLE = tr("心声 xinsheng")
    SUB_TITLE = tr("诉求登记 · 派单 · 办结 · 回访")
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f2", "switch_mode('intake')", tr("登记"), priority=True, id="xinsheng.app.open-intake"),
        Binding("f3", "show_queue", tr("工单"), priority=True, id="xinsheng.app.show-queue"),
        Binding("f4", "switch_mode('stats')", tr("统计"), priority=True, id="xinsheng.app.open-stats"),
        Binding("f9", "switch_mode('catalog')", tr("清单"), priority=True, id="xinsheng.app.open-catalog"),
        Binding("f10", "switch_mode('tasks')", tr("任务准入"), priority=True, id="xinsheng.app.open-tasks"),
        Binding("f11", "switch_mode('consult')", tr("立法"), priority=True, id="xinsheng.app.open-consult"),
        Binding("ctrl+q", "quit", tr("退出"), priority=True, show=False, id="xinsheng.app.quit"),
        Binding("ctrl+p", "command_palette", tr("命令"), show=False, priority=True, id="xinsheng.app.command-palette"),
        Binding("question_mark", "help", tr("帮助"), show=False, id="xinsheng.app.help"),
    ]

    def __init__(self, engine: Engine, operator: str | None = None) -> None:
        """`operator` only fills in the name on the sign-in screen: the password is always asked for."""
        super().__init__()
        self.engine = engine
        self.actor = NOBODY
        self.operator_hint = (operator or "").strip()
        self._matcher: Matcher | None = None
        self.matcher_ready = threading.Event()
        # the idle lock: the last key or mouse input, on a clock tests may replace (never sleep 15 minutes)
        self.clock: Callable[[], float] = time.monotonic
        self.last_input = self.clock()
        self.idle_minutes = 15  # until a sign-in reads the street's policy
        self._lock: Screen[Any] | None = None
        self._held: list[tuple[str, str]] = []  # notices that arrived before anyone signed in: (message, title)
        self._held_keys: list[events.Key] | None = None  # keys that wait for a binding's work (_key_in_turn)

    def on_mount(self) -> None:
        from tui.keymap import load_keymap

        keymap, problem = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, title=tr("快捷键设置"), severity="warning", timeout=8)
        for mode, screen in WORK_MODES.items():
            self.add_mode(mode, screen)
        self.add_mode(SIGN_IN_MODE, self._sign_in_screen)
        self.switch_mode(SIGN_IN_MODE)
        self.set_interval(IDLE_CHECK_SECONDS, self._every_half_minute, name="idle-lock")
        # background work starts once the first screen is drawn, so it never delays the first keystroke
        self.call_after_refresh(self._start_background_work)

    def _start_background_work(self) -> None:
        from models.requests.escalation import escalate

        self.run_worker(self._load_matcher, thread=True, group="matcher")
        self.run_db(escalate, self._escalated, group="escalation")  # overdue work climbs the ladder on start

    def _sign_in_screen(self) -> Screen[Any]:
        from tui.signin import SignInScreen

        return SignInScreen(self.operator_hint)

    async def _rebuild(self, mode: str) -> None:
        """Drop a mode's screens (they hold what the last operator saw) and have it start afresh when next shown."""
        removed = self.remove_mode(mode)
        self.add_mode(mode, WORK_MODES.get(mode, self._sign_in_screen))
        await removed

    async def _discard_work(self) -> None:
        self.clear_notifications()
        for mode in WORK_MODES:
            await self._rebuild(mode)

    def begin_session(self, actor: Actor, idle_minutes: int) -> None:
        """`actor` has signed in: their landing screen. At the idle lock, the same person goes back to exactly where
        they were; anyone else first signs the locked-out operator out."""
        self.run_worker(self._begin(actor, idle_minutes), group="session")

    async def _begin(self, actor: Actor, idle_minutes: int) -> None:
        lock, self._lock = self._lock, None
        previous = self.actor if lock is not None else None
        self.actor = actor  # as read now: a role changed while the screen was locked applies at once
        self.idle_minutes = idle_minutes
        self.last_input = self.clock()
        self.operator_hint = ""  # --operator filled in the first sign-in only
        if previous is not None and previous.name == actor.name:
            while lock in self.screen_stack:
                await self.pop_screen()
        else:
            if previous is not None:
                self._audit(previous, AuditAction.SIGN_OUT)
                self.switch_mode(SIGN_IN_MODE)
                await self._discard_work()
            self.switch_mode(LANDING.get(actor.role, "intake"))
            await self._rebuild(SIGN_IN_MODE)  # a fresh form, with nothing typed, for the next sign-in
            for message, title in self._held:
                self.notify(message, title=title, severity="warning", timeout=8)
            self._held.clear()
        self._show_operator()
        self.refresh_bindings()

    def _show_operator(self) -> None:
        """Set only once no screen is on its way out: a header half removed, told of a new title, looks for its
        title widget, already gone, and the app ends (Textual 8)."""
        actor = self.actor
        self.sub_title = tr("操作员：{} · {}").format(actor.name, tr(actor.role_label)) + (
            f" · {actor.place}" if actor.place else ""
        )

    @property
    def signed_in(self) -> bool:
        return self.actor is not NOBODY

    @property
    def locked(self) -> bool:
        return self._lock is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Before sign-in only signing in, help and quit; at the idle lock not even the command palette; the
        dashboard only for those the domain lets see it."""
        if action in SIGNED_IN_ACTIONS and (not self.signed_in or self.locked):
            return False
        if action == "command_palette" and self.locked:
            return False
        if action == "switch_mode" and parameters == ("stats",):
            return may(self.actor, Privilege.DASHBOARD)
        return True

    # signing out, and the idle lock

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.last_input = self.clock()
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held_keys is not None:
                self._held_keys.append(event)
                return
            if await self._key_in_turn(event):
                return
        await super().on_event(event)

    async def _key_in_turn(self, key: events.Key) -> bool:
        """Run the binding of a key that the focused text field does not type (Backspace, Ctrl+U, Tab, Enter) in
        its turn among the keys around it; whether one ran.

        Textual sends printable keys straight to the field's queue, but runs the binding of any other key only once
        that key has bubbled back up to the app, behind the keys that arrived with it. Keys that come in one read
        (a slow SSH link, an input method committing a phrase, a barcode scanner) were then typed before the
        Backspace or Ctrl+U ahead of them deleted, and before the Tab ahead of them moved on: 000028, six
        Backspaces and 2196 left 0000. So the keys already sent to the field are handled first, then the binding
        runs here, then what it set off (Enter's Submitted moving the focus) is handled before the next key is
        sent anywhere. Only for a text field (an Input, or the TextArea an opinion is typed in): its own key
        handler types printable keys (and a TextArea's Enter) and nothing else, and no container of ours handles keys
        itself, so the bindings run here are the ones the bubbled key would find."""
        focused = self.focused
        if self.screen.maximized is not None and key.key == "escape":
            return False  # Textual's own: escape restores a maximized widget
        # a text field's bindings; and Tab from anywhere on a form (a select, a checkbox): keys typed after it in
        # the same read belong to the next field, not to the select they would otherwise reach first
        moves_on = key.key in ("tab", "shift+tab") and focused is not None
        if isinstance(focused, Input) or _is_text_area(focused) or moves_on:
            assert focused is not None
            if focused.check_consume_key(key.key, key.character):
                return False
            self.app_focus = True
            await _handled_so_far(focused)
            ran = await self._check_bindings(key.key, priority=True) or await self._check_bindings(key.key)
        else:
            # elsewhere only a priority binding runs here, as Textual would run it before the focused widget sees
            # the key; what it sets off must still come first: Ctrl+F then 2137 in one read typed the number into
            # the table, because the focus moves to the search box only once the app's queue gets to it
            self.app_focus = True
            ran = await self._check_bindings(key.key, priority=True)
        if ran:
            # what the binding set off reaches the screen's handlers, which ask the app for the focus (a queued
            # call, behind the keys that came with this one): those keys wait until that is done
            if focused is not None:
                await _handled_so_far(focused)
            self._held_keys = []
            if not self.call_later(self._release_keys):
                self._held_keys = None
        return ran

    async def _release_keys(self) -> None:
        """The keys held back while a binding's work was being done, in the order they came; if one of them runs
        a binding in turn, the rest wait again."""
        held, self._held_keys = self._held_keys or [], None
        for index, key in enumerate(held):
            if self._held_keys is not None:
                self._held_keys.extend(held[index:])
                return
            await self.on_event(key)

    def _every_half_minute(self) -> None:
        if not self.lock_if_idle():
            self.check_account()

    def check_account(self) -> None:
        """Sign the operator out if their account was disabled, locked, reset or re-roled since they signed in."""
        if not self.signed_in or self.locked:
            return
        from models.access.signin import still_valid

        actor = self.actor

        def done(valid: bool) -> None:
            if not valid and self.actor is actor:
                self.run_worker(self._sign_out(tr("您的账户已被管理员变更或停用，请重新登录")), group="session")

        self.run_db(lambda s: still_valid(s, actor), done, group="account-check", exclusive=True)

    def lock_if_idle(self) -> bool:
        """Lock the screen if the operator has given no input for the street's idle limit; whether it locked."""
        if not self.signed_in or self.locked or self.clock() - self.last_input < self.idle_minutes * 60:
            return False
        from tui.signin import LockScreen

        actor = self.actor
        self.clear_notifications()  # a toast may quote a request, or a resident's phone
        self._lock = LockScreen(actor.name)
        self.push_screen(self._lock)
        self._audit(actor, AuditAction.IDLE_LOCK)
        self.refresh_bindings()
        return True

    def _audit(self, actor: Actor, action: AuditAction) -> None:
        from models.access.audit import record
        from models.access.where import here

        where = here()
        self.run_db(lambda s: record(s, actor, action, where=where), _ignore, group="audit")

    def action_sign_out(self) -> None:
        """退出登录 and 切换操作员: back to the sign-in screen, with every screen of this operator gone."""
        if self.signed_in:
            self.run_worker(self._sign_out(), group="session")

    async def _sign_out(self, notice: str = "") -> None:
        self._audit(self.actor, AuditAction.SIGN_OUT)
        self.actor = NOBODY
        self._lock = None
        self.refresh_bindings()
        self.switch_mode(SIGN_IN_MODE)
        await self._discard_work()
        self.sub_title = self.SUB_TITLE  # after, as in _show_operator
        if notice:  # after the old screens' notifications are cleared
            self.notify(notice, title=tr("账户"), severity="warning", timeout=10)

    def action_change_password(self) -> None:
        from tui.account import ChangePasswordScreen

        self.push_screen(ChangePasswordScreen(self.actor), self._account_changed(tr("密码已修改")))

    def action_two_factor(self) -> None:
        from tui.account import EnrolScreen

        self.push_screen(EnrolScreen(self.actor), self._account_changed(tr("已启用两步验证")))

    def _account_changed(self, message: str) -> Callable[[bool | None], None]:
        def done(changed: bool | None) -> None:
            if changed:
                self.notify(message, title=tr("账户"))

        return done

    async def action_quit(self) -> None:
        """Quitting signs the operator out, in the audit as at the palette."""
        if self.signed_in:
            from models.access.audit import record
            from models.access.where import here

            actor, where = self.actor, here()
            self.actor = NOBODY
            self.run_db(
                lambda s: record(s, actor, AuditAction.SIGN_OUT, where=where),
                lambda _: self.exit(),
                group="audit",
                on_error=self.exit,
            )
            return
        self.exit()

    def _escalated(self, result: EscalationResult) -> None:
        """Told to whoever signs in first: nothing shows before a sign-in."""
        if result.total:
            parts = "，".join(tr("{} {} 件").format(tr(label), n) for label, n in result.counts.items() if n)
            notice = (tr("超期督办：{}").format(parts), tr("超期提醒"))
            if self.signed_in:
                self.notify(notice[0], title=notice[1], severity="warning", timeout=8)
            else:
                self._held.append(notice)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder=tr("输入命令，如 统计、派单、主题……"), id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette's commands, in Chinese: screens, what the screen on top adds (a request's legal actions),
        theme, quit."""
        if self.signed_in:
            yield SystemCommand(tr("诉求登记"), tr("打开登记界面（F2）"), lambda: self.switch_mode("intake"))
            yield SystemCommand(tr("工单队列"), tr("查看和筛选诉求（F3）"), self.action_show_queue)
            if may(self.actor, Privilege.DASHBOARD):
                yield SystemCommand(
                    tr("统计"), tr("督办看板：三率、趋势、超期排名、热点（F4）"), lambda: self.switch_mode("stats")
                )
            yield SystemCommand(
                tr("事项清单"), tr("搜索清单事项，查看工时、样例和最近诉求（F9）"), lambda: self.switch_mode("catalog")
            )
            yield SystemCommand(
                tr("任务准入"), tr("登记部门下派的任务，按清单核对准入（F10）"), lambda: self.switch_mode("tasks")
            )
            yield SystemCommand(
                tr("立法征求意见"),
                tr("草案各条的意见，登记意见，记录采纳和反馈（F11）"),
                lambda: self.switch_mode("consult"),
            )
            yield SystemCommand(tr("修改密码"), tr("修改自己的登录密码"), self.action_change_password)
            yield SystemCommand(tr("两步验证"), tr("用手机验证器启用两步验证（动态码）"), self.action_two_factor)
            yield SystemCommand(tr("退出登录"), tr("退出登录，回到登录界面"), self.action_sign_out)
            yield SystemCommand(tr("切换操作员"), tr("换一位操作员登录"), self.action_sign_out)
        yield SystemCommand(tr("帮助"), tr("全部快捷键和办理流程（?）"), self.action_help)
        if self.signed_in and isinstance(screen, XinshengScreen):
            yield from screen.palette_commands()
        if self.signed_in:
            yield SystemCommand(tr("切换深色/浅色主题"), tr("在深色和浅色界面之间切换"), self.action_toggle_theme)
        yield SystemCommand(tr("退出"), tr("退出 xinsheng（Ctrl+Q）"), self.action_quit)

    def action_help(self) -> None:
        """? shows every key of the screen underneath; typing ? into a text field still types it."""
        from tui.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        bindings, seen = [], set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            ours = (binding.id or "").startswith("xinsheng.")  # ours carry ids; Textual's own keys do not
            if (
                ours
                and binding.description
                and binding.action not in seen
                and key not in ("question_mark", "ctrl+q", "ctrl+p")
            ):
                seen.add(binding.action)
                bindings.append((key, binding.description, active.enabled))
        self.push_screen(HelpScreen(bindings))

    def action_show_queue(self) -> None:
        """F3 always lands on the list itself, not on a request left open in the queue's screen stack."""
        from tui.detail import DetailScreen

        self.switch_mode("queue")
        while isinstance(self.screen, DetailScreen):
            self.pop_screen()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def _load_matcher(self) -> None:
        from models.matching.loader import load_matcher
        from models.requests.intake import warm_up

        with Session(self.engine) as session:
            matcher = load_matcher(session, warm=True)
        matcher.match("小区楼道路灯漏水噪音停车", top=3)  # first-use costs are paid here, not on a keystroke
        warm_up()  # and the first save's
        self._matcher = matcher
        self.matcher_ready.set()

    @property
    def matcher(self) -> Matcher | None:
        return self._matcher

    def db(self, work: Callable[[Session], T]) -> T:
        """Run a unit of work in its own session; call from thread workers only, never the UI thread.

        A busy database is retried a few times before the user hears about it (as "try again", never a lock
        error); a conflict with someone else's change is not retried, the screen reloads instead.
        """
        return run_unit(self.engine, work)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice is plain text, whoever asks for it (a screen's notify comes here too): notices quote titles,
        opinions, refs and error messages that quote what was typed, and read as markup "[/b]" ended the app."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    _crash: Exception | None = None  # what ended the app, for the one line it leaves (_fatal_error)
    _crash_line: str | None = None

    def _handle_exception(self, error: Exception) -> None:
        self._crash = error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """A crash ends the app, as in Textual; but Textual's report printed the local variables of every frame
        (a request's title and text, a resident's phone, an opinion) on a shared terminal. Here the traceback goes
        to the private, masked log, without locals, and the terminal gets one line saying where."""
        error = self._crash
        self.bell()
        where = record_failure(error) if error is not None else None
        kind = type(error).__name__ if error is not None else "?"
        line = tr("xinsheng 程序出错，已退出（{}）；详情已记入 {}，请交给系统管理员")
        self._crash_line = line.format(kind, where or "—")
        self._close_messages_no_wait()

    def _print_error_renderables(self) -> None:
        line = self._crash_line
        if line is None:
            super()._print_error_renderables()
            return
        self._crash_line = None
        sys.stderr.write(line + "\n")  # plain: a console would wrap or crop the log's path, which is to be copied

    def show_error(self, exc: BaseException) -> None:
        self.notify(str(exc), title=tr("操作未完成"), severity="error", timeout=6)

    def run_db(
        self,
        work: Callable[[Session], T],
        done: Callable[[T], Any],
        *,
        group: str = "db",
        exclusive: bool = False,
        on_error: Callable[[], Any] | None = None,
    ) -> None:
        """Run `work` in a thread worker and hand its plain result to `done` on the UI thread."""
        from models.core.errors import UserError, XinshengError

        # closures made inside a screen belong to the screen on show when the work was asked for
        owner = getattr(done, "__self__", None) or self.screen

        def job() -> None:
            try:
                result = self.db(work)
            except Exception as exc:
                if not isinstance(exc, XinshengError):
                    # a bug must not end the session and lose what the worker typed: it is written to the log
                    # with its traceback, and the user is told that nothing was saved
                    where = record_failure(exc)
                    exc = UserError(tr("程序出错，本次操作未完成（详情已记入 {}）").format(where))
                self.call_from_thread(self.show_error, exc)
                if on_error is not None:
                    self.call_from_thread(still_shown(on_error, owner))
                return
            self.call_from_thread(still_shown(done, owner), result)

        self.run_worker(job, thread=True, group=group, exclusive=exclusive)


if TYPE_CHECKING:
    # screens see the app only as a Host (tui.base); this is where mypy holds the app to that promise
    _AS_SCREENS_SEE_IT: type[Host] = XinshengApp


# the error log rotates: a terminal left running for months with a recurring bug must not fill the disk
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
_log_handlers: dict[Path, logging.Handler] = {}


def record_failure(exc: BaseException) -> Path:
    """Append the traceback to xinsheng.log in the user data directory (0600: a traceback may quote a resident's
    words); the path, to tell the user where."""
    from models.core.clock import now
    from models.core.config import data_dir
    from models.core.private import private_rotating_log

    path = data_dir() / "xinsheng.log"
    handler = _log_handlers.get(path)
    if handler is None:
        handler = private_rotating_log(path, LOG_BYTES, LOG_BACKUPS)  # it masks what it writes
        _log_handlers[path] = handler
    stamp = f"--- {now():%Y-%m-%d %H:%M:%S}"
    record = logging.LogRecord("xinsheng", logging.ERROR, __file__, 0, stamp, None, (type(exc), exc, exc.__traceback__))
    handler.handle(record)
    return path


SETTLE_SECONDS = 0.5  # a field busy longer than this is stuck: the key goes on as Textual would send it


async def _handled_so_far(widget: Widget) -> None:
    """Wait until `widget`, then each container up to its screen, has handled every message already queued for it
    (a message bubbles up from a handled one before the next container is asked)."""
    node: DOMNode | None = widget
    while isinstance(node, Widget):
        done = asyncio.Event()
        if node.call_later(done.set):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), SETTLE_SECONDS)
        node = node.parent


# screens are imported when first shown: the dashboard's charting library is not needed to log a request
def _intake_screen() -> Screen[Any]:
    from tui.intake import IntakeScreen

    return IntakeScreen()


def _queue_screen() -> Screen[Any]:
    from tui.queue import QueueScreen

    return QueueScreen()


def _stats_screen() -> Screen[Any]:
    from tui.stats import StatsScreen

    return StatsScreen()


def _catalog_screen() -> Screen[Any]:
    from tui.catalog import CatalogScreen

    return CatalogScreen()


def _tasks_screen() -> Screen[Any]:
    from tui.tasks import TasksScreen

    return TasksScreen()


def _is_text_area(widget: Widget | None) -> TypeGuard[Widget]:
    """Whether the widget is a TextArea, without importing it here: until a screen with one is shown (the
    consultation screen, itself imported only when opened), its module is not loaded and no widget can be one."""
    module = sys.modules.get("textual.widgets._text_area")
    return module is not None and isinstance(widget, module.TextArea)


def _consult_screen() -> Screen[Any]:
    from tui.consult import ConsultScreen

    return ConsultScreen()


def _ignore(_: object) -> None:
    pass


# the operator's screens, one stack each; sign-in has a mode of its own, so signing out can drop all of these
WORK_MODES: dict[str, Callable[[], Screen[Any]]] = {
    "intake": _intake_screen,
    "queue": _queue_screen,
    "stats": _stats_screen,
    "catalog": _catalog_screen,
    "tasks": _tasks_screen,
    "consult": _consult_screen,
}
SIGN_IN_MODE = "signin"
