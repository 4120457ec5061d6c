"""统计: the three rates with numerators and denominators, counts by status and figures by department."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static

from models.clock import now
from models.stats import DEPARTMENT_COLUMNS, Rate, Stats, compute_stats, department_rows
from models.workflow import STATUS_LABELS

if TYPE_CHECKING:
    from tui.app import XinshengApp


def recent_periods(count: int = 12) -> list[tuple[str, str]]:
    today = now().date()
    year, month = today.year, today.month
    periods = [("全部", "all")]
    for _ in range(count):
        periods.append((f"{year}年{month}月", f"{year:04d}-{month:02d}"))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return periods


def tile(label: str, rate: Rate) -> str:
    return f"[b]{label}[/b]\n[b $accent]{rate.percent()}[/]\n[dim]{rate.numerator:g} / {rate.denominator}[/dim]"


class StatsScreen(Screen[None]):
    BINDINGS = [Binding("f5", "reload", "刷新", priority=True)]

    @property
    def xapp(self) -> XinshengApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats-body"):
            yield Select(recent_periods(), value="all", allow_blank=False, id="period")
            with Horizontal(id="tiles"):
                for tile_id in ("t-total", "t-response", "t-resolution", "t-satisfaction", "t-composite"):
                    yield Static("", id=tile_id, classes="tile")
            yield Static("", id="status-line")
            yield DataTable(id="by-department", zebra_stripes=True, cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#by-department", DataTable)
        for label in DEPARTMENT_COLUMNS:
            table.add_column(label)
        self.action_reload()

    def on_screen_resume(self) -> None:
        self.action_reload()

    @on(Select.Changed, "#period")
    def action_reload(self) -> None:
        value = self.query_one("#period", Select).value
        period = value if isinstance(value, str) and value != "all" else None
        self.xapp.run_db(lambda s: compute_stats(s, period), self._show, group="stats", exclusive=True)

    def _show(self, stats: Stats) -> None:
        o = stats.overall
        self.query_one("#t-total", Static).update(f"[b]诉求总数[/b]\n[b $accent]{o.total}[/]\n[dim]在办 {o.open}[/dim]")
        self.query_one("#t-response", Static).update(tile("响应率", o.response))
        self.query_one("#t-resolution", Static).update(tile("解决率", o.resolution))
        self.query_one("#t-satisfaction", Static).update(tile("满意率", o.satisfaction))
        composite = o.composite
        self.query_one("#t-composite", Static).update(
            f"[b]综合得分[/b]\n[b $accent]{'—' if composite is None else f'{100 * composite:.1f}'}[/]\n[dim]加权[/dim]"
        )
        self.query_one("#status-line", Static).update(
            f"[b $error]超期 {o.overdue}[/]  退单 [b]{o.returns}[/b]  按时办结率 [b]{o.on_time.percent()}[/b]"
            f"（{o.on_time.numerator:g}/{o.on_time.denominator}）  综合得分权重：{o.weights_label()}\n"
            + "  ".join(f"{STATUS_LABELS[k]} [b]{v}[/b]" for k, v in stats.by_status.items())
        )
        table = self.query_one("#by-department", DataTable)
        table.clear()
        for row in department_rows(stats):
            table.add_row(*row)
