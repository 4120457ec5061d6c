"""事项清单: search the duty catalog, filter by duty type and department, and see one item in depth.

Cut items (收回上级 / 已取消 / 已合并) are marked in red with ✂ so nobody routes work back to the street by habit.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Input, Label, Select, Static

from models.catalog.browse import CatalogRow, ItemOverview, catalog_rows, item_overview
from models.core.vocabulary import DUTY_LABELS, Duty
from tui.base import XinshengScreen
from tui.i18n import tr
from tui.plain_table import PlainTable
from tui.queue import clip


def duty_cell(row: CatalogRow) -> Text:
    if row.cut:
        return Text(f"✂ {tr(row.duty_label)}", style="bold red")
    return Text(tr(row.duty_label), style="green" if row.duty == Duty.OWN else "cyan")


class CatalogScreen(XinshengScreen):
    BINDINGS = [
        Binding("ctrl+f", "focus_search", tr("搜索"), priority=True, id="xinsheng.catalog.focus-search"),
        Binding("f5", "reload", tr("刷新"), priority=True, id="xinsheng.catalog.reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CatalogRow] = []

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="catalog-bar"):
            yield Input(placeholder=tr("搜索事项名称、编码、关键词，或拼音首字母"), id="catalog-search")
            yield Select(
                [(tr("全部职责"), "")] + [(tr(label), code) for code, label in DUTY_LABELS.items()],
                value="",
                allow_blank=False,
                id="duty-filter",
            )
            yield Select[int]([], prompt=tr("全部部门"), id="department-filter")
        yield Label("", id="catalog-count")
        yield PlainTable(id="catalog", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="item-panel"):
            yield Static("", id="item-detail")

    def on_mount(self) -> None:
        table = self.query_one("#catalog", DataTable)
        for label, key in (
            (tr("编码"), "code"),
            (tr("事项"), "name"),
            (tr("职责"), "duty"),
            (tr("牵头部门"), "dept"),
            (tr("年工时"), "h"),
        ):
            table.add_column(label, key=key)
        self.action_reload()

    def action_reload(self) -> None:
        self.xapp.run_db(catalog_rows, self._loaded, group="catalog", exclusive=True)

    def _loaded(self, rows: list[CatalogRow]) -> None:
        self._rows = rows
        departments = sorted({(r.department, r.department_id) for r in rows if r.department_id is not None})
        self.query_one("#department-filter", Select).set_options(departments)
        self._show()

    @on(Input.Changed, "#catalog-search")
    @on(Select.Changed, "#duty-filter, #department-filter")
    def _show(self) -> None:
        text = self.query_one("#catalog-search", Input).value
        duty = self.query_one("#duty-filter", Select).value
        department = self.query_one("#department-filter", Select).value
        shown = [
            r
            for r in self._rows
            if r.matches(
                text,
                duty if isinstance(duty, str) and duty else None,
                department if isinstance(department, int) else None,
            )
        ]
        table = self.query_one("#catalog", DataTable)
        table.clear()
        name_width = max(16, min(40, self.size.width - 56))
        for r in shown:
            name = Text(clip(r.name, name_width), style="strike dim" if r.cut else "")
            table.add_row(r.code, name, duty_cell(r), r.department, f"{r.hours_per_year:g}", key=r.code)
        cut = sum(r.cut for r in shown)
        self.query_one("#catalog-count", Label).update(
            tr("共 {} / {} 项，其中 ✂ 已收回、取消或合并 {} 项 · 回车或选中行查看详情").format(
                len(shown), len(self._rows), cut
            )
        )

    @on(DataTable.RowHighlighted, "#catalog")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        code, actor = event.row_key.value, self.xapp.actor
        if code:
            self.xapp.run_db(lambda s: item_overview(s, code, actor), self._detail, group="item", exclusive=True)

    def _detail(self, o: ItemOverview) -> None:
        r = o.row
        text = Text()
        text.append(f"[{r.code}] {r.name}  ", style="bold")
        text.append_text(duty_cell(r))
        text.append(
            tr("\n分类：{}  牵头部门：{}  年工时：{:g} 小时").format(
                r.category or "—", r.department or "—", r.hours_per_year
            )
        )
        if r.effective_from:
            text.append(tr("  生效：{}").format(f"{r.effective_from:%Y-%m-%d}"))
        if r.merged_into:
            text.append(tr("  并入：{}").format(r.merged_into), style="yellow")
        if r.cut and r.duty != Duty.MERGED:
            text.append(
                tr("\n此事项已不由街道承担：诉求应派往{}").format(r.department or tr("主管部门")), style="bold red"
            )
        if r.keywords:
            text.append(tr("\n关键词：{}").format(r.keywords), style="dim")
        if o.description:
            text.append(f"\n{o.description}", style="dim")
        text.append(tr("\n\n已学习的确认样例 {} 条").format(o.examples), style="bold")
        for example in o.example_texts:
            text.append(f"\n  · {clip(example, 70)}")
        text.append(tr("\n\n诉求 {} 件（在办 {}），最近：").format(o.requests, o.open_requests), style="bold")
        for ref, at, status, title in o.recent:
            text.append(f"\n  {ref}  {at:%Y-%m-%d}  {status}  {clip(title, 40)}")
        self.query_one("#item-detail", Static).update(text)

    def action_focus_search(self) -> None:
        self.query_one("#catalog-search", Input).focus()

    @on(Input.Submitted, "#catalog-search")
    def _to_table(self) -> None:
        self.query_one("#catalog", DataTable).focus()
