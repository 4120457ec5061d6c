"""帮助 (?): every key that works on the screen underneath, with what it does, and how the workflow runs.

Built from the live bindings, so it never lists a key the screen does not have, and greys out the ones the
current request's state or the operator's role does not allow.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.i18n import tr

WORKFLOW = tr(
    "登记 → 受理 → 派单 → 签收办理 → 办结 → 回访评价。"
    "退单须写明原因（“不属于本单位职责”须引用清单事项）；回访不满意或未解决转重办；"
    "等待居民或上级决定时可暂停计时；延期须主管审批。超期依次催办、督办、通报。"
)
KEY_NAMES = {
    "escape": "Esc",
    "enter": tr("回车"),
    "question_mark": "?",
    "pageup": "PgUp",  # as the queue's own line says: PgUp/PgDn 翻页
    "pagedown": "PgDn",
    "up": "↑",
    "down": "↓",
}


def key_label(key: str) -> str:
    """The first of a binding's keys, written the one way the rest of the screen writes keys: Ctrl+F beside Ctrl+P
    (the letter after a modifier in capitals), F4, Esc. A bare letter stays as typed: `m` is not Shift+M."""
    *modifiers, last = key.split(",")[0].split("+")
    if last in KEY_NAMES:
        name = KEY_NAMES[last]
    elif len(last) == 1:
        name = last.upper() if modifiers else last
    else:
        name = last.capitalize()
    return "+".join([*(modifier.capitalize() for modifier in modifiers), name])


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", tr("关闭"), id="xinsheng.help.dismiss")]

    def __init__(self, bindings: list[tuple[str, str, bool]]) -> None:
        """`bindings`: (key, description, enabled) of the screen underneath, as its footer would show them."""
        super().__init__()
        self._entries = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(self._keys(), id="help-keys")
            yield Static(Text(WORKFLOW, style="dim"), id="help-workflow")
            yield Static(Text(tr("按 Esc 或 ? 关闭 · Ctrl+P 打开命令面板，可搜索全部操作"), style="dim"))

    def _keys(self) -> Table:
        table = Table(title=tr("快捷键"), show_header=True, header_style="bold", expand=True, box=None)
        table.add_column(tr("按键"), no_wrap=True)
        table.add_column(tr("作用"))
        table.add_column("", no_wrap=True)
        for key, description, enabled in self._entries:
            table.add_row(
                key_label(key),
                description,
                "" if enabled else Text(tr("当前不可用"), style="dim"),
                style="" if enabled else "dim",
            )
        table.add_row("?", tr("显示本帮助"), "")
        table.add_row("Ctrl+P", tr("命令面板：全部操作、切换主题、切换操作员"), "")
        table.add_row("Ctrl+Q", tr("退出"), "")
        return table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
