"""工单队列: requests newest first, filtered by status and a search text; Enter opens the detail."""

from __future__ import annotations

import unicodedata

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import DataTable, Input, Label, OptionList, Select

from models.core.text import display_width
from models.core.vocabulary import CUT_DUTIES, DUTY_LABELS, STATUS_LABELS, Status
from models.requests.queries import RequestRow, count_requests, list_requests
from tui.base import XinshengScreen
from tui.i18n import tr
from tui.plain_table import PlainTable

PAGE = 200
# the views a worker switches between most, then every status
VIEWS: list[tuple[str, str]] = [
    (tr("我的待办"), "mine"),
    (tr("在办"), "open"),
    (tr("超期"), "overdue"),
    (tr("待确认"), "unrouted"),
    (tr("已退单"), "returned"),
    (tr("待回访"), "resolved"),
    (tr("全部"), "all"),
]
FILTERS = VIEWS + [
    (tr(label), code) for code, label in STATUS_LABELS.items() if code not in (Status.RETURNED, Status.RESOLVED)
]
FILTER_LABELS = {code: label for label, code in FILTERS}


# The columns beside the title, in the order they give way when the terminal is narrow: (key, header, fewest and
# most columns of text). A long title keeps at least TITLE_MIN columns (16 Chinese characters and the ellipsis),
# and what is left beside the title and these goes back to it, up to TITLE_MAX. Ref, time and status never go.
TITLE_MIN, TITLE_MAX = 33, 40
FIXED = 2 + (14 + 2) + (11 + 2) + 2  # the scroll bar; ref and time with their cell padding, the status's padding
OPTIONAL: tuple[tuple[str, str, int, int], ...] = (
    ("department", tr("承办部门"), 8, 20),
    ("item", tr("事项"), 10, 24),
    ("grid", tr("网格"), 8, 18),
)


def columns_for(width: int, longest: int = TITLE_MAX, status: int = 10) -> tuple[int, dict[str, int]]:
    """The title's width and the side columns that fit beside it, each with its width, at a terminal width; a page
    whose longest title takes `longest` columns keeps no more for the title than that (`status`: the widest
    status on the page)."""
    wanted = min(TITLE_MAX, max(4, longest + 1))  # clip() keeps width - 1 columns
    title = min(TITLE_MIN, wanted)
    room = width - FIXED - status - (title + 2)
    shown: dict[str, int] = {}
    for key, _, fewest, _ in OPTIONAL:  # as many side columns as fit at their narrowest …
        if room >= fewest + 2:
            shown[key] = fewest
            room -= fewest + 2
    widest = {key: most for key, _, _, most in OPTIONAL}
    while room > 0 and any(shown[key] < widest[key] for key in shown):  # … then widened together with what is left
        for key in shown:
            grown = min(2, room, widest[key] - shown[key])
            shown[key] += grown
            room -= grown
    return title + max(0, min(room, wanted - title)), shown


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
        # priority: the table's own PgUp/PgDn only scrolled within the page, while the header says they turn it
        Binding("pagedown,ctrl+n", "page(1)", tr("下一页"), show=False, priority=True, id="xinsheng.queue.next-page"),
        Binding(
            "pageup,ctrl+b", "page(-1)", tr("上一页"), show=False, priority=True, id="xinsheng.queue.previous-page"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._offset = 0
        self._debounce: Timer | None = None
        self._shown = 0
        self._total: int | None = None
        # the view open when a search began: a search looks through 全部 (what is sought may be in any status,
        # 2201 was not found in 我的待办), and clearing the search goes back to this view
        self._view_before_search: str | None = None
        self._rows: list[RequestRow] = []
        self._layout: tuple[str, ...] | None = None  # the side columns the table has now

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="queue-bar"):
            yield Select(FILTERS, value="mine", allow_blank=False, id="status-filter")
            yield Input(placeholder=tr("搜索标题、内容、编号、地点，或拼音首字母如 ldzy"), id="search")
        yield Label("", id="queue-count")
        table: PlainTable = PlainTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield table

    def on_mount(self) -> None:
        self.query_one("#queue", DataTable).focus()
        self.action_reload()

    def on_resize(self) -> None:
        if self._layout is not None:
            self._show(self._rows)

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
        """The rows, with as many side columns as fit beside a title of at least 16 characters."""
        table = self.query_one("#queue", DataTable)
        statuses = [f"⚠{tr(row.status_label)}" if row.overdue else tr(row.status_label) for row in rows]
        longest = max((display_width(row.title) for row in rows), default=0)
        widest = max((display_width(status) for status in statuses), default=0)
        title_width, sides = columns_for(self.size.width, longest, max(4, widest))
        if self._layout != tuple(sides):
            table.clear(columns=True)
            table.add_column(tr("编号"), key="ref")
            table.add_column(tr("登记时间"), key="created")
            table.add_column(tr("状态"), key="status")
            table.add_column(tr("标题"), key="title")
            for key, header, _, _ in OPTIONAL:
                if key in sides:
                    table.add_column(header, key=key)
            self._layout = tuple(sides)
        else:
            table.clear()
        self._rows = rows
        for row, status in zip(rows, statuses, strict=True):
            item = row.item_name
            if row.duty in CUT_DUTIES:
                item = f"{item}（{tr(DUTY_LABELS[row.duty])}）"
            side = {"department": row.department, "item": item, "grid": row.grid}
            table.add_row(
                row.ref,
                row.created_at.strftime("%m-%d %H:%M"),
                status,
                clip(row.title, title_width),
                *(clip(side[key], width) for key, width in sides.items()),
                key=str(row.id),
            )
        self._shown = len(rows)
        self._update_count()

    def _counted(self, total: int) -> None:
        self._total = total
        self._update_count()

    def _update_count(self) -> None:
        first = self._offset + 1
        total = "…" if self._total is None else str(self._total)
        if not self._shown:  # not 显示第 0–0 条
            if self._view_before_search is not None:
                words = tr("在全部状态中搜索：没有符合条件的诉求 · 清空搜索回到“{}”").format(
                    FILTER_LABELS[self._view_before_search]
                )
            else:
                words = tr("没有符合条件的诉求")
        elif self._view_before_search is not None:
            words = tr("在全部状态中搜索：共 {} 条，显示第 {}–{} 条 · 清空搜索回到“{}”").format(
                total, first, self._offset + self._shown, FILTER_LABELS[self._view_before_search]
            )
        else:
            words = tr("共 {} 条，显示第 {}–{} 条 · ⚠ 已超期 · PgUp/PgDn 翻页 · 回车查看详情").format(
                total, first, self._offset + self._shown
            )
        self.query_one("#queue-count", Label).update(words)

    @on(Select.Changed, "#status-filter")
    def _filter_changed(self) -> None:
        self._view_before_search = None  # a view chosen during a search narrows it, and stays when it is cleared
        self._offset = 0
        self.action_reload()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        """Typing a search opens 全部, whatever view was open; clearing it goes back to that view."""
        views = self.query_one("#status-filter", Select)
        searching = bool(event.value.strip())
        with self.prevent(Select.Changed):  # not the worker's choice of a view: the search's, undone with it
            if searching and self._view_before_search is None and views.value != "all":
                self._view_before_search = str(views.value)
                views.value = "all"
            elif not searching and self._view_before_search is not None:
                views.value = self._view_before_search
                self._view_before_search = None
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
        if isinstance(self.focused, OptionList):  # the status filter's open list pages through its own entries
            raise SkipAction
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
