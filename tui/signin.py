"""登录: who is at the terminal, proven. A name (type part of it, a role or a grid, and pick from the list of
operators with ↑↓ and Enter), a password, and a two-factor code where the account has one.

A refusal reads the same whatever its reason (models.access.signin): an unknown name, a wrong password, a locked or
a disabled account all show one line, so the form never tells whether a name exists. The first administrator is
not made here: only at the local terminal, with `xinsheng operators add NAME --role admin`; a database nobody can
administer says so, in one line.

The idle lock (LockScreen) is the same form over the hidden screens: the same person's password takes them back to
where they were, another person's sign-in signs the first one out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from models.people.permissions import OperatorEntry, list_operators
from tui.base import XinshengScreen
from tui.i18n import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlmodel import Session

    from models.access.signin import SignInOutcome
    from models.people.permissions import Actor

NAMES_SHOWN = 8  # rows of the operator list under the name field


@dataclass(frozen=True)
class Situation:
    """What the form needs to know about the database before anyone signs in."""

    operators: list[OperatorEntry]
    no_admin: bool  # nobody could administer it: the first administrator is made at the local terminal
    demo_password: str  # a training database's shared password, "" for a real one


def situation(session: Session) -> Situation:
    from models.access.accounts import bootstrap_open
    from models.access.policy import is_training
    from models.core.config import config

    demo = ""
    if is_training(session):
        from models.demo.builder import DEMO_PASSWORD

        demo = DEMO_PASSWORD
    # at a terminal of the office the list helps a colleague find their name; to a browser anywhere on the network
    # it would hand out the staff list, so under `serve` the name is typed in full
    operators = [] if config().remote_address else list_operators(session)
    return Situation(operators, bootstrap_open(session), demo)


@lru_cache(maxsize=4096)
def _pinyin(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name: 秦梓轩 → ("qinzixuan", "qzx")."""
    from pypinyin import lazy_pinyin

    from models.core.text import pinyin_initials

    return "".join(lazy_pinyin(name)).lower(), pinyin_initials(name)


def name_matches(op: OperatorEntry, text: str) -> bool:
    """Whether the name list keeps an operator for what was typed: part of the name, its pinyin or pinyin initials
    (an English keyboard has no Chinese input method), the role in either language, or the place; case ignored."""
    typed = "".join(text.split()).casefold()
    if not typed:
        return True
    fields = (op.name, op.role_label, tr(op.role_label), op.place, tr(op.place), *_pinyin(op.name))
    return any(typed in "".join(field.split()).casefold() for field in fields)


def attempt(name: str, password: str, code: str | None) -> Callable[[Session], tuple[SignInOutcome, int]]:
    """One sign-in, and the idle limit the session will keep (both read in the same unit of work, which commits the
    failure count and the audit row of a refusal too)."""
    from models.access.policy import load_policy
    from models.access.signin import sign_in
    from models.access.where import here

    where = here()

    def work(session: Session) -> tuple[SignInOutcome, int]:
        return sign_in(session, name, password, code=code, where=where), load_policy(session).idle_minutes

    return work


class SignInScreen(XinshengScreen):
    BINDINGS = [
        Binding("down", "move_name(1)", show=False, id="xinsheng.signin.next-name"),
        Binding("up", "move_name(-1)", show=False, id="xinsheng.signin.previous-name"),
    ]

    def __init__(self, prefill: str = "") -> None:
        super().__init__()
        self._prefill = prefill
        self._operators: list[OperatorEntry] = []
        self.busy = False  # a password is being checked (~100 ms of hashing in a worker)
        self._chosen = False  # the highlight in the name list was moved with ↑↓ since the name was last typed

    def heading(self) -> str:
        return tr("登录：输入姓名（可从列表选择）和密码，回车确定")

    def compose_body(self) -> ComposeResult:
        with Vertical(id="signin-box"):
            yield Label(self.heading(), id="signin-title")
            yield Input(self._prefill, placeholder=tr("姓名（也可输入角色或网格筛选）"), id="signin-name")
            names = OptionList(id="signin-names")
            names.can_focus = False  # the name field keeps the focus; ↑↓ move the highlight
            yield names
            yield Input(placeholder=tr("密码"), password=True, id="signin-password")
            yield Input(placeholder=tr("两步验证动态码（手机验证器上的 6 位数字）"), id="signin-code", max_length=8)
            yield Label("", id="signin-message")
            yield Label("", id="signin-hint")

    def on_mount(self) -> None:
        self.sub_title = self.subtitle()
        self.query_one("#signin-names", OptionList).display = False
        self.query_one("#signin-code", Input).display = False
        self.query_one("#signin-password" if self._prefill else "#signin-name", Input).focus()
        self.xapp.run_db(situation, self._fill, group="signin-list", exclusive=True)

    def subtitle(self) -> str:
        return tr("请登录")

    def _fill(self, found: Situation) -> None:
        self._operators = found.operators
        hints = []
        if found.no_admin:
            hints.append(tr("尚无管理员：请在本机终端运行 xinsheng operators add 姓名 --role admin"))
        if found.demo_password:
            hints.append(tr("培训数据库：所有演示操作员的密码都是 {}").format(found.demo_password))
        self.query_one("#signin-hint", Label).update("\n".join(hints))
        self._show(self.query_one("#signin-name", Input).value)

    # the name and its completion

    def _show(self, text: str) -> None:
        text = text.strip()
        names = self.query_one("#signin-names", OptionList)
        shown = [op for op in self._operators if name_matches(op, text)]
        names.clear_options()
        for op in shown:
            names.add_option(Option(f"{op.name}　{tr(op.role_label)}　{op.place}", id=op.name))
        if shown:
            names.highlighted = 0
        self._chosen = False
        # the list completes a name: once the field holds one of them, it has done its work
        names.display = bool(shown) and not any(op.name == text for op in shown)

    @on(Input.Changed, "#signin-name")
    def _typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def action_move_name(self, step: int) -> None:
        names = self.query_one("#signin-names", OptionList)
        if not names.display or not names.option_count or self.focused is not self.query_one("#signin-name"):
            return
        current = names.highlighted if names.highlighted is not None else 0
        names.highlighted = max(0, min(names.option_count - 1, current + step))
        self._chosen = True

    def _take(self, name: str) -> None:
        self.query_one("#signin-name", Input).value = name
        self.query_one("#signin-password", Input).focus()

    @on(OptionList.OptionSelected, "#signin-names")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._take(event.option.id)

    @on(Input.Submitted, "#signin-name")
    def _name_given(self, event: Input.Submitted) -> None:
        """Enter takes a name from the list only when the person chose it: moved the highlight there, or typed
        what fits that one name alone. Every demo account has the same password, so a first row taken for an
        empty or half-typed field signed the tester in as somebody else."""
        names = self.query_one("#signin-names", OptionList)
        typed = event.value.strip()
        highlighted = names.highlighted if names.display else None
        if highlighted is not None and (self._chosen or (typed and names.option_count == 1)):
            picked = names.get_option_at_index(highlighted).id
            if picked:
                self._take(picked)
                return
        if not typed:
            self.say(tr("请输入姓名"))
            return
        if highlighted is not None:  # several names fit what was typed, and none of them is it in full
            self.say(tr("有 {} 位符合，请用 ↑↓ 选择后回车").format(names.option_count))
            return
        self.query_one("#signin-password", Input).focus()

    # the password, the code, and what the answer asks for next

    def say(self, text: str, *, error: bool = True) -> None:
        message = self.query_one("#signin-message", Label)
        message.update(text)
        message.set_class(error, "error")

    @on(Input.Submitted, "#signin-password, #signin-code")
    def _submit(self) -> None:
        if self.busy:
            return
        name_field = self.query_one("#signin-name", Input)
        password_field = self.query_one("#signin-password", Input)
        code_field = self.query_one("#signin-code", Input)
        if not name_field.value.strip():
            name_field.focus()
            self.say(tr("请输入姓名"))
            return
        if not password_field.value:
            password_field.focus()
            self.say(tr("请输入密码"))
            return
        code = code_field.value.strip() if code_field.display else None
        if code_field.display and not code:
            code_field.focus()
            self.say(tr("请输入动态码"))
            return
        self.busy = True
        self.say(tr("正在核对……"), error=False)
        self.xapp.run_db(
            attempt(name_field.value.strip(), password_field.value, code),
            self._answered,
            group="signin",
            exclusive=True,
            on_error=self._not_checked,
        )

    def _not_checked(self) -> None:
        """The database did not answer (the app has said why): the form stays as it was, to try again."""
        self.busy = False
        self.say("")

    def _answered(self, answer: tuple[SignInOutcome, int]) -> None:
        outcome, idle_minutes = answer
        self.busy = False
        code_field = self.query_one("#signin-code", Input)
        if outcome.needs_code:
            code_field.display = True
            code_field.value = ""
            code_field.focus()
            self.say(tr("请输入手机验证器上的 6 位动态码"), error=False)
            return
        password_field = self.query_one("#signin-password", Input)
        password = password_field.value
        password_field.value = ""
        code_field.value = ""
        code_field.display = False
        if outcome.actor is None:
            self.say(tr(outcome.refused))
            password_field.focus()
            return
        self.say("")
        self._complete(outcome, outcome.actor, password, idle_minutes)

    def _complete(self, outcome: SignInOutcome, actor: Actor, password: str, idle_minutes: int) -> None:
        """What the account must do before anything else shows: a new password, then two-factor enrolment."""
        from tui.account import ChangePasswordScreen, EnrolScreen

        def enrolled(done: bool | None) -> None:
            if done:
                self.xapp.begin_session(actor, idle_minutes)
            else:
                self._unfinished(actor, tr("未完成登录：本账户须先启用两步验证"))

        def changed(done: bool | None) -> None:
            if not done:
                self._unfinished(actor, tr("未完成登录：须先把一次性密码改为自己的密码"))
            elif outcome.must_enrol:
                self.app.push_screen(EnrolScreen(actor, required=True), enrolled)
            else:
                self.xapp.begin_session(actor, idle_minutes)

        if outcome.must_change_password:
            self.app.push_screen(ChangePasswordScreen(actor, current=password, required=True), changed)
        else:
            changed(True)

    def _unfinished(self, actor: Actor, why: str) -> None:
        """A required step was left: the sign-in ends there, and the audit says so."""
        from models.access.audit import record
        from models.access.where import here
        from models.core.vocabulary import AuditAction

        where = here()
        self.xapp.run_db(lambda s: record(s, actor, AuditAction.SIGN_OUT, where=where), lambda _: None, group="audit")
        self.say(why)
        self.query_one("#signin-password", Input).focus()


class LockScreen(SignInScreen):
    """The idle lock: covers every screen (nothing of them shows), until the same operator's password is given
    again or someone else signs in."""

    def __init__(self, locked: str) -> None:
        super().__init__(locked)
        self.locked = locked

    def heading(self) -> str:
        return tr("闲置已锁屏：{} 输入密码继续，或换一位操作员登录").format(self.locked)

    def subtitle(self) -> str:
        return tr("已锁屏")
