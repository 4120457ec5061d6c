"""工单队列: requests newest first, filtered by status and a search text; Enter opens the detail."""

from __future__ import annotations

import unicodedata

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import DataTable, Input, Label, Select

from models.core.vocabulary import CUT_DUTIES, DUTY_LABELS, STATUS_LABELS, Status
from models.requests.queries import RequestRow, count_requests, list_requests
from tui.base import XinshengScreen
from tui.i18n import tr

PAGE = 200
# the views a worker switches between most, then every status
VIEWS: list[tuple[str, str]] = [
    (tr("我的待办"), "mine"),
    (tr("在办"), "open"),
    (tr("超期"), "overdue"),
    (tr("已退单"), "returned"),
    (tr("待回访"), "resolved"),
    (tr("全部"), "all"),
]
FILTERS = VIEWS + [
    (tr(label), code) for code, label in STATUS_LABELS.items() if code not in (Status.RETURNED, Status.RESOLVED)
]


def clip(text: str, width: int) -> str:
    """Cut text to a terminal width (Chinese characters take two columns), marking the cut with an ellipsis."""
    used = 0
    for index, ch in enumerate(text):
        used += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used > width - 1:
            return text[:index] + "…"
    return text


class QueueScreen(XinshengScreen):
    BINDINGS = [
        Binding("ctrl+f", "focus_search", tr("搜索"), priority=True, id="xinsheng.queue.focus-search"),
        Binding("f5", "reload", tr("刷新"), priority=True, id="xinsheng.queue.reload"),
        Binding("pagedown,ctrl+n", "page(1)", tr("下一页"), show=False, id="xinsheng.queue.next-page"),
        Binding("pageup,ctrl+b", "page(-1)", tr("上一页"), show=False, id="xinsheng.queue.previous-page"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._offset = 0
        self._debounce: Timer | None = None
        self._shown = 0
        self._total: int | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="queue-bar"):
            yield Select(FILTERS, value="mine", allow_blank=False, id="status-filter")
            yield Input(placeholder=tr("搜索标题、内容、编号、地点，或拼音首字母如 ldzy"), id="search")
        yield Label("", id="queue-count")
        table: DataTable[str] = DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield table

    def on_mount(self) -> None:
        table = self.query_one("#queue", DataTable)
        table.add_column(tr("编号"), key="ref")
        table.add_column(tr("登记时间"), key="created")
        table.add_column(tr("状态"), key="status")
        table.add_column(tr("标题"), key="title")
        table.add_column(tr("承办部门"), key="department")
        table.add_column(tr("事项"), key="item")
        table.add_column(tr("网格"), key="grid")
        table.focus()
        self.action_reload()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def _filters(self) -> tuple[str | None, str | None]:
        status = self.query_one("#status-filter", Select).value
        search = self.query_one("#search", Input).value.strip() or None
        return (status if isinstance(status, str) and status != "all" else None), search

    def action_reload(self) -> None:
        """The page first, then the total: counting every match takes as long as finding the page on a large
        database, and a worker should see the newest requests without waiting for the count."""
        status, search = self._filters()
        offset, actor = self._offset, self.xapp.actor
        self._total = None

        def drawn(rows: list[RequestRow]) -> None:
            self._show(rows)
            self.xapp.run_db(
                lambda s: count_requests(s, status, search, actor), self._counted, group="queue-count", exclusive=True
            )

        self.xapp.run_db(
            lambda s: list_requests(s, status, search, limit=PAGE, offset=offset, actor=actor),
            drawn,
            group="queue",
            exclusive=True,
        )

    def _show(self, rows: list[RequestRow]) -> None:
        table = self.query_one("#queue", DataTable)
        table.clear()
        title_width = max(14, min(40, self.size.width - 62))
        for row in rows:
            status = f"⚠{tr(row.status_label)}" if row.overdue else tr(row.status_label)
            item = row.item_name
            if row.duty in CUT_DUTIES:
                item = f"{item}（{tr(DUTY_LABELS[row.duty])}）"
            table.add_row(
                row.ref,
                row.created_at.strftime("%m-%d %H:%M"),
                status,
                clip(row.title, title_width),
                row.department,
                item,
                row.grid,
                key=str(row.id),
            )
        self._shown = len(rows)
        self._update_count()

    def _counted(self, total: int) -> None:
        self._total = total
        self._update_count()

    def _update_count(self) -> None:
        first = self._offset + 1 if self._shown else 0
        total = "…" if self._total is None else str(self._total)
        self.query_one("#queue-count", Label).update(
            tr("共 {} 条，显示第 {}–{} 条 · ⚠ 已超期 · PgUp/PgDn 翻页 · 回车查看详情").format(
                total, first, self._offset + self._shown
            )
        )

    @on(Select.Changed, "#status-filter")
    def _filter_changed(self) -> None:
        self._offset = 0
        self.action_reload()

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self._offset = 0
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(0.15, self.action_reload)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#queue", DataTable).focus()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_page(self, direction: int) -> None:
        last_page = self._shown < PAGE or (self._total is not None and self._offset + PAGE >= self._total)
        if direction > 0 and last_page:  # past the last page there is nothing to show
            return
        self._offset = max(0, self._offset + direction * PAGE)
        self.action_reload()

    @on(DataTable.RowSelected, "#queue")
    def _open(self, event: DataTable.RowSelected) -> None:
        from tui.detail import DetailScreen

        if event.row_key.value is not None:
            self.app.push_screen(DetailScreen(int(event.row_key.value)))
