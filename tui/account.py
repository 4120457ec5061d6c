"""One's own account: 修改密码 and 两步验证, from the command palette and, where the account requires it, right
after signing in (a one-time password is changed, a required second factor is set up, before anything else shows).

Both are dialogs over whatever is on screen. A refusal from the domain (a wrong current password, a new one too
weak, a wrong code) is shown in one line inside the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.i18n import tr

if TYPE_CHECKING:
    from sqlmodel import Session

    from models.people.permissions import Actor
    from tui.base import Host


def refusal_of(work: Callable[[Session], None]) -> Callable[[Session], str]:
    """The unit of work, answering with the domain's refusal as text ("" when done) instead of raising it, so the
    dialog can show it in its own line. The domain refuses before it changes anything."""

    def run(session: Session) -> str:
        from models.core.errors import UserError

        try:
            work(session)
        except UserError as exc:
            return str(exc)
        return ""

    return run


class AccountDialog(ModalScreen[bool]):
    """A dialog that answers True once the change is made; Esc leaves without it (False)."""

    BINDINGS = [Binding("escape", "leave", tr("取消"), id="xinsheng.account.leave")]

    def __init__(self, actor: Actor, *, required: bool = False) -> None:
        super().__init__()
        self.actor = actor
        self.required = required  # part of signing in: leaving it leaves the sign-in unfinished
        self.busy = False

    @property
    def xapp(self) -> Host:
        return cast("Host", self.app)

    def say(self, text: str) -> None:
        self.query_one(".dialog-error", Label).update(text)

    def run(self, work: Callable[[Session], None]) -> None:
        if self.busy:
            return
        self.busy = True
        self.say(tr("正在处理……"))
        self.xapp.run_db(refusal_of(work), self._answered, group="account", on_error=self._failed)

    def _answered(self, refusal: str) -> None:
        self.busy = False
        if refusal:
            self.say(tr(refusal))
            return
        self.dismiss(True)

    def _failed(self) -> None:
        self.busy = False
        self.say("")

    def action_leave(self) -> None:
        self.dismiss(False)


class ChangePasswordScreen(AccountDialog):
    """The current password (already filled in right after a sign-in with a one-time password), the new one twice."""

    def __init__(self, actor: Actor, *, current: str = "", required: bool = False) -> None:
        super().__init__(actor, required=required)
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="change-password"):
            title = tr("请设置自己的密码：一次性密码只能用一次") if self.required else tr("修改密码")
            yield Label(title, classes="dialog-title")
            yield Input(self._current, placeholder=tr("当前密码"), password=True, id="password-current")
            yield Input(placeholder=tr("新密码"), password=True, id="password-new")
            yield Input(placeholder=tr("再输入一次新密码"), password=True, id="password-repeat")
            yield Label("", classes="dialog-error error")
            yield Label(tr("回车确定 · Esc 取消"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#password-new" if self._current else "#password-current", Input).focus()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        fields = list(self.query(Input))
        empty = next((f for f in fields if not f.value), None)
        if empty is not None:
            empty.focus()
            if event.input is fields[-1]:
                self.say(tr("请填写每一栏"))
            return
        current, new, repeat = (f.value for f in fields)
        if new != repeat:
            self.say(tr("两次输入的新密码不一致"))
            self.query_one("#password-repeat", Input).value = ""
            self.query_one("#password-repeat", Input).focus()
            return
        from models.access.accounts import change_password
        from models.access.where import here

        actor, where = self.actor, here()
        self.run(lambda s: change_password(s, actor, current, new, where=where))


def grouped(secret: str) -> str:
    """A base32 secret in groups of four, as people copy it into a phone app."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class EnrolScreen(AccountDialog):
    """Two-factor enrolment: the secret as text and as a QR code; kept only once the phone shows it can make a code.

    The QR code is ~27 rows: at 80×24 it scrolls (PgUp/PgDn, or the mouse wheel) while the code field keeps focus.
    """

    BINDINGS = [
        Binding("pagedown", "scroll_code(1)", tr("二维码下翻"), id="xinsheng.enrol.qr-down"),
        Binding("pageup", "scroll_code(-1)", tr("二维码上翻"), id="xinsheng.enrol.qr-up"),
    ]

    def __init__(self, actor: Actor, *, required: bool = False) -> None:
        from models.access.totp import new_secret

        super().__init__(actor, required=required)
        self.secret = new_secret()

    def compose(self) -> ComposeResult:
        from models.access.totp import provisioning_uri, qr_lines

        with Vertical(classes="dialog", id="enrol"):
            title = tr("本账户须启用两步验证") if self.required else tr("两步验证")
            yield Label(title, classes="dialog-title")
            yield Label(tr("用手机验证器扫描二维码，或手动输入密钥（按时间生成，30 秒一换）："))
            yield Label(grouped(self.secret), id="enrol-secret")
            with VerticalScroll(id="enrol-qr"):
                yield Static("\n".join(qr_lines(provisioning_uri(self.secret, self.actor.name))), id="enrol-qr-code")
            yield Input(placeholder=tr("手机上显示的 6 位动态码"), id="enrol-code", max_length=8)
            yield Label("", classes="dialog-error error")
            yield Label(tr("回车确定 · PgUp/PgDn 滚动二维码 · Esc 取消"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#enrol-code", Input).focus()

    def action_scroll_code(self, pages: int) -> None:
        area = self.query_one("#enrol-qr", VerticalScroll)
        if pages > 0:
            area.scroll_page_down(animate=False)
        else:
            area.scroll_page_up(animate=False)

    @on(Input.Submitted, "#enrol-code")
    def _submit(self, event: Input.Submitted) -> None:
        code = event.value.strip()
        if not code:
            self.say(tr("请输入动态码"))
            return
        from models.access.two_factor import enrol
        from models.access.where import here

        actor, secret, where = self.actor, self.secret, here()
        self.run(lambda s: enrol(s, actor, secret, code, where=where))
