"""选择操作员: who is at the terminal decides what they see and may do, so the app starts here.

Type to narrow the list, Enter to take the highlighted operator. On a database without operators the first person
registers as the administrator, so a new street can start without the command line.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from models.people.permissions import OperatorEntry, list_operators, register_first_admin
from tui.base import XinshengScreen
from tui.i18n import tr


class OperatorScreen(XinshengScreen):
    def __init__(self) -> None:
        super().__init__()
        self._operators: list[OperatorEntry] = []

    def compose_body(self) -> ComposeResult:
        with Vertical(id="operator-box"):
            yield Label(tr("请选择操作员（输入姓名、角色或网格筛选，回车确定）"), id="operator-title")
            yield Input(placeholder=tr("姓名 / 角色 / 网格 / 单位"), id="operator-filter")
            yield OptionList(id="operators")
            yield Label("", id="operator-hint")

    def on_mount(self) -> None:
        self.query_one("#operator-filter", Input).focus()
        self.xapp.run_db(list_operators, self._fill, group="operators", exclusive=True)

    def _fill(self, operators: list[OperatorEntry]) -> None:
        self._operators = operators
        if not operators:
            self.query_one("#operator-title", Label).update(tr("还没有登记操作员：输入你的姓名，回车登记为管理员"))
            self.query_one("#operator-filter", Input).placeholder = tr("管理员姓名")
            self.query_one("#operators", OptionList).display = False
            return
        self._show(self.query_one("#operator-filter", Input).value)

    def _show(self, text: str) -> None:
        text = text.strip()
        options = self.query_one("#operators", OptionList)
        options.clear_options()
        shown = [
            op
            for op in self._operators
            if not text or text in op.name or text in op.role_label or text in tr(op.role_label) or text in op.place
        ]
        for op in shown:
            options.add_option(Option(f"{op.name}　{tr(op.role_label)}　{op.place}", id=op.name))
        if shown:
            options.highlighted = 0
        self.query_one("#operator-hint", Label).update(tr("{} / {} 位操作员").format(len(shown), len(self._operators)))

    @on(Input.Changed, "#operator-filter")
    def _filter(self, event: Input.Changed) -> None:
        if self._operators:
            self._show(event.value)

    @on(Input.Submitted, "#operator-filter")
    def _submit(self, event: Input.Submitted) -> None:
        if not self._operators:
            self._register_first(event.value.strip())
            return
        options = self.query_one("#operators", OptionList)
        if options.highlighted is not None:
            option_id = options.get_option_at_index(options.highlighted).id
            if option_id:
                self.xapp.sign_in(option_id)

    @on(OptionList.OptionSelected, "#operators")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.xapp.sign_in(event.option.id)

    def _register_first(self, name: str) -> None:
        if not name:
            self.query_one("#operator-hint", Label).update(tr("请输入姓名"))
            return

        def done(registered: str | None) -> None:
            if registered:
                self.xapp.sign_in(registered)
            else:
                self.xapp.run_db(list_operators, self._fill, group="operators", exclusive=True)

        self.xapp.run_db(lambda s: register_first_admin(s, name), done, group="register")
