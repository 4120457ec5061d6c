"""督办看板: the picture a supervisor wants in ten seconds — the month's rates as tiles with numerator and
denominator, then tabs for the 12-month trend, units, overdue ranking, hot spots, freed hours and rebounds.

Everything shown is computed by models.reporting.dashboard (the monthly report's content); this screen only lays it out.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Select, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from models.core.clock import now
from models.reporting.dashboard import MIN_REQUESTS_TO_OPEN, Opening, opening_dashboard, supervisor_dashboard
from models.reporting.report import LATE_LABEL, MonthlyReport
from models.reporting.stats import DEPARTMENT_COLUMNS, Rate, department_rows, score_text
from tui.base import XinshengScreen
from tui.i18n import tr
from tui.plain_table import PlainTable

TABLES: dict[str, tuple[str, ...]] = {
    "by-department": tuple(tr(c) for c in DEPARTMENT_COLUMNS),
    "overdue-ranking": (tr("承办部门"), tr("超期"), tr("在办"), tr("按时办结率"), tr("退单")),
    "overdue-list": (tr("编号"), tr("标题"), tr("承办部门"), tr(LATE_LABEL), tr("退单")),
    "hot-spots": (tr("事项"), tr("社区/网格"), tr("次数"), tr("在办"), tr("例")),
    "ledger": (
        tr("月份"),
        tr("腾出工时（估算）"),
        tr("拒收工时（记录）"),
        tr("清单外准入（新增）"),
        tr("办理工时"),
        tr("办结"),
        tr("回访确认解决"),
        tr("每百工时解决"),
    ),
    "rebounds": (tr("编号"), tr("登记时间"), tr("事项"), tr("职责"), tr("办理单位")),
    # the counts before the title, so that at 80 columns the long title is what runs off the edge
    "open-consultations": (
        tr("截止日期"),
        tr("意见数"),
        tr("采纳（含部分）"),
        tr("待定"),
        tr("待反馈"),
        tr("征求意见的草案"),
        tr("发布单位"),
    ),
}


TABS = {
    "tab-trend": tr("趋势"),
    "tab-departments": tr("部门"),
    "tab-overdue": tr("超期排名"),
    "tab-hot": tr("热点"),
    "tab-ledger": tr("腾出时间"),
    "tab-rebounds": tr("回潮"),
    "tab-legislation": tr("立法意见"),
}


def recent_periods(count: int = 12) -> list[tuple[str, str]]:
    """This month and the eleven before it, newest first: the dashboard opens on the month, never on all time."""
    today = now().date()
    year, month = today.year, today.month
    periods = []
    for _ in range(count):
        periods.append((tr("{}年{}月").format(year, month), f"{year:04d}-{month:02d}"))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return periods


def tile(label: str, rate: Rate, previous: Rate | None = None) -> str:
    change = ""
    if previous is not None and rate.value is not None and previous.value is not None:
        delta = 100 * (rate.value - previous.value)
        change = f" [{'$success' if delta >= 0 else '$error'}]{'▲' if delta >= 0 else '▼'}{abs(delta):.1f}[/]"
    return f"[b]{label}[/b]\n[b $accent]{rate.percent()}[/]{change}\n[dim]{rate.numerator:g} / {rate.denominator}[/dim]"


def _percent(rate: Rate) -> float | None:
    value = rate.value
    return None if value is None else round(100 * value, 1)


class StatsScreen(XinshengScreen):
    BINDINGS = [
        Binding("f5", "reload", tr("刷新"), priority=True, id="xinsheng.stats.reload"),
        Binding("m", "pick_month", tr("选月份"), id="xinsheng.stats.pick-month"),
        *(
            Binding(str(n), f"tab('{tab}')", label, show=False, id=f"xinsheng.stats.{tab}")
            for n, (tab, label) in enumerate(TABS.items(), 1)
        ),
    ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="stats-body"):
            with Horizontal(id="stats-bar"):
                periods = recent_periods()
                yield Select(periods, value=periods[0][1], allow_blank=False, id="period")
                yield Static("", id="status-line")
            with Horizontal(id="tiles"):
                for tile_id in ("t-total", "t-response", "t-resolution", "t-satisfaction", "t-composite"):
                    yield Static("", id=tile_id, classes="tile")
            with TabbedContent(id="stats-tabs"):
                with TabPane(tr("1 趋势"), id="tab-trend"):
                    yield Static("", id="trend-legend", classes="legend")
                    yield PlotextPlot(id="trend-chart", classes="chart")
                with TabPane(tr("2 部门"), id="tab-departments"):
                    yield PlainTable(id="by-department", zebra_stripes=True, cursor_type="row")
                with TabPane(tr("3 超期排名"), id="tab-overdue"):
                    yield Static(tr("本月登记的诉求中已超期的，按承办部门排名"), classes="legend")
                    yield PlainTable(id="overdue-ranking", zebra_stripes=True, cursor_type="row")
                    yield Static("", id="overdue-legend", classes="legend")
                    yield PlainTable(id="overdue-list", zebra_stripes=True, cursor_type="row")
                with TabPane(tr("4 热点"), id="tab-hot"):
                    yield Static(tr("本月同一事项在同一社区出现 3 次及以上"), classes="legend")
                    yield PlainTable(id="hot-spots", zebra_stripes=True, cursor_type="row")
                with TabPane(tr("5 腾出时间"), id="tab-ledger"):
                    yield Static("", id="ledger-legend", classes="legend")
                    yield PlotextPlot(id="ledger-chart", classes="chart")
                    yield PlainTable(id="ledger", zebra_stripes=True, cursor_type="row")
                with TabPane(tr("6 回潮"), id="tab-rebounds"):
                    yield Static("", id="rebound-line")
                    yield PlainTable(id="rebounds", zebra_stripes=True, cursor_type="row")
                with TabPane(tr("7 立法意见"), id="tab-legislation"):
                    yield Static("", id="legislation-line", classes="legend")
                    yield PlainTable(id="open-consultations", zebra_stripes=True, cursor_type="row")

    _note = ""  # why the dashboard opened on another month than this one, until a month is picked
    _period: str | None = None  # the month shown; None until the opening month is chosen (a reload would race it)

    def on_mount(self) -> None:
        for table_id, columns in TABLES.items():
            table = self.query_one(f"#{table_id}", DataTable)
            for label in columns:
                table.add_column(label)
        actor = self.xapp.actor
        self.xapp.run_db(lambda s: opening_dashboard(s, actor), self._opened, group="stats", exclusive=True)

    def on_screen_resume(self) -> None:
        if self._period is not None:
            self.action_reload()

    def action_tab(self, tab: str) -> None:
        self.query_one("#stats-tabs", TabbedContent).active = tab

    def action_pick_month(self) -> None:
        """The month picker from the keyboard: focus it and open its list."""
        picker = self.query_one("#period", Select)
        picker.focus()
        picker.expanded = True

    def _opened(self, opened: tuple[Opening, MonthlyReport]) -> None:
        opening, report = opened
        self._period = opening.period
        if opening.fell_back:
            self._note = tr("本月至今仅登记 {} 件（不足 {} 件），先显示上个完整月份").format(
                opening.current_count, MIN_REQUESTS_TO_OPEN
            )
            with self.prevent(Select.Changed):
                self.query_one("#period", Select).value = opening.period
        self._show(report)

    @on(Select.Changed, "#period")
    def _picked(self, event: Select.Changed) -> None:
        """A month picked by hand; the picker's own first Changed (its initial value, posted on mount and perhaps
        handled after the opening month was set) is stale and ignored."""
        if self._period is None or event.value != event.select.value or event.value == self._period:
            return
        self._note = ""
        self._period = event.value if isinstance(event.value, str) else f"{now():%Y-%m}"
        self.action_reload()

    def action_reload(self) -> None:
        period = self._period
        if period is None:  # the opening month is still being chosen
            return
        actor = self.xapp.actor
        self.xapp.run_db(lambda s: supervisor_dashboard(s, actor, period), self._show, group="stats", exclusive=True)

    def _show(self, report: MonthlyReport) -> None:
        o, before = report.overall, report.previous
        self.query_one("#t-total", Static).update(
            tr("[b]诉求总数[/b]\n[b $accent]{}[/]\n[dim]在办 {}[/dim]").format(o.total, o.open)
        )
        self.query_one("#t-response", Static).update(
            tile(tr("响应率"), o.response, before.response if before else None)
        )
        self.query_one("#t-resolution", Static).update(
            tile(tr("解决率"), o.resolution, before.resolution if before else None)
        )
        self.query_one("#t-satisfaction", Static).update(
            tile(tr("满意率"), o.satisfaction, before.satisfaction if before else None)
        )
        composite = o.composite
        self.query_one("#t-composite", Static).update(
            tr("[b]综合得分[/b]\n[b $accent]{}[/]\n[dim]加权[/dim]").format(score_text(composite))
        )
        note = f"[b $warning]{self._note}[/]\n" if self._note else ""
        self.query_one("#status-line", Static).update(
            note
            + tr(
                "[b $error]超期 {}[/]  退单 [b]{}[/b]  按时办结率 [b]{}[/b]（{:g}/{}）  重办率 [b]{}[/b]  "
                "回潮 [b]{}[/b]\n[dim]综合得分权重：{}  ▲▼ 与上月相比（百分点）[/dim]"
            ).format(
                o.overdue,
                o.returns,
                o.on_time.percent(),
                o.on_time.numerator,
                o.on_time.denominator,
                o.reopen_rate.percent(),
                report.rebound_count,
                o.weights_label(),
            )
        )
        self._fill("by-department", department_rows(report.by_department))
        self._fill(
            "overdue-ranking",
            [
                (d.department, str(d.figures.overdue), str(d.figures.open), d.figures.on_time.percent(),
                 str(d.figures.returns))
                for d in report.overdue_ranking
            ],
        )  # fmt: skip
        shown, total = len(report.overdue), o.overdue
        self.query_one("#overdue-legend", Static).update(
            tr("本月登记、至今超期未办结的 {} 件，超期最久的在前").format(total)
            if shown >= total
            else tr("本月登记、至今超期未办结的 {} 件中超期最久的 {} 件").format(total, shown)
        )
        self._fill(
            "overdue-list",
            [(r.ref, r.title, r.department, str(r.days_late), str(r.returns)) for r in report.overdue],
        )
        self._fill(
            "hot-spots",
            [(f"[{h.item_code}] {h.item_name}", h.community, str(h.count), str(h.open), h.example)
             for h in report.hot_spots],
        )  # fmt: skip
        self._fill(
            "ledger",
            [
                (m.month, f"{m.freed_hours:.0f}", f"{m.door.refused_hours:.0f}", f"{m.door.burden_hours:.0f}",
                 f"{m.hours_spent:.0f}", str(m.resolved), str(m.solved),
                 "—" if m.solved_per_100_freed_hours is None else f"{m.solved_per_100_freed_hours:.1f}")
                for m in report.ledger
            ],
        )  # fmt: skip
        requests_line = (
            tr("本月回潮 {} 件：已收回或取消的事项，却仍由街道或社区办理").format(report.rebound_count)
            if report.rebound_count
            else tr("本月没有回潮：收回和取消的事项都由主管部门办理")
        )
        pushers = "；".join(tr("{} {} 次").format(r.department, r.count) for r in report.task_rebounds)
        tasks_line = (
            tr("反复下派已减或清单外任务的部门（{}）：{}").format(report.rebound_rule, pushers)
            if report.task_rebounds
            else tr("没有部门反复下派已减或清单外的任务")
        )
        self.query_one("#rebound-line", Static).update(f"{requests_line}\n{tasks_line}")
        self._fill(
            "rebounds",
            [(r.ref, f"{r.created_at:%m-%d}", f"[{r.item_code}] {r.item_name}", r.duty, r.handled_by)
             for r in report.rebounds],
        )  # fmt: skip
        self._show_legislation(report)
        self._draw_trend(report)
        self._draw_ledger(report)

    def _show_legislation(self, report: MonthlyReport) -> None:
        """The drafts still taking opinions, soonest closing first (what to chase before it closes), under the
        year's figures; a draft without a closing date comes last."""
        figures = report.legislation
        if figures is None:
            return
        year, counts = figures.year, figures.year.counts
        summary = tr(
            "{} 年 1–{} 月：征求意见 {} 部，意见 {} 条，采纳 {} 条（含部分采纳 {}）\n"
            "采纳率 {}（{}/{}，已有结果的意见）  已反馈 {}  待反馈 {}"
        ).format(
            year.year,
            year.through,
            year.consultations,
            counts.opinions,
            counts.adopted,
            counts.partly,
            counts.adoption.percent(),
            counts.adopted,
            counts.decided,
            counts.informed,
            counts.callbacks_pending,
        )
        heading = (
            tr("正在征求意见的草案 {} 部，截止早的在前").format(len(figures.open_now))
            if figures.open_now
            else tr("目前没有正在征求意见的草案")
        )
        self.query_one("#legislation-line", Static).update(f"{summary}\n{heading}")
        self._fill(
            "open-consultations",
            [
                (f"{c.closes_on:%Y-%m-%d}" if c.closes_on else tr("无截止日期"), str(c.counts.opinions),
                 str(c.counts.adopted), str(c.counts.undecided), str(c.counts.callbacks_pending), c.title, c.issuer)
                for c in figures.open_now
            ],
        )  # fmt: skip

    def _fill(self, table_id: str, rows: list[tuple[str, ...]]) -> None:
        table = self.query_one(f"#{table_id}", DataTable)
        table.clear()
        for row in rows:
            table.add_row(*row)

    def _draw_trend(self, report: MonthlyReport) -> None:
        """Three rates over twelve months; the legend is a Chinese line above, as plotext counts wide characters
        as one column and would misalign a legend drawn inside the chart."""
        months = [month[2:] for month, _ in report.trend]
        series: list[tuple[str, str, list[float | None]]] = [
            (tr("响应率"), "cyan", [_percent(f.response) for _, f in report.trend]),
            (tr("解决率"), "green", [_percent(f.resolution) for _, f in report.trend]),
            (tr("满意率"), "orange", [_percent(f.satisfaction) for _, f in report.trend]),
        ]
        self.query_one("#trend-legend", Static).update(
            tr("近 12 个月（%）：") + "  ".join(f"[{color}]━ {label}[/]" for label, color, _ in series)
        )
        plot = self.query_one("#trend-chart", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        for _, color, values in series:  # a month without the figure (no callbacks yet) is a gap, not a zero
            points = [(x, v) for x, v in enumerate(values) if v is not None]
            if points:
                plt.plot([x for x, _ in points], [v for _, v in points], color=color, marker="braille")
        plt.xticks(list(range(len(months))), months)
        plt.xlim(-0.5, len(months) - 0.5)
        shown = [v for _, _, values in series for v in values if v is not None]
        floor = max(0, min(shown, default=0) // 10 * 10 - 10)  # zoom in: rates mostly move between 70 and 100
        plt.ylim(floor, 100)
        plot.refresh()

    def _draw_ledger(self, report: MonthlyReport) -> None:
        months = [m.month[2:] for m in report.ledger]
        self.query_one("#ledger-legend", Static).update(
            tr("腾出工时：[blue]█ 估算[/]  [cyan]█ 拒收（记录）[/]  解决诉求：[green]█ 回访确认解决（件）[/]")
        )
        plot = self.query_one("#ledger-chart", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        plt.multiple_bar(
            months,
            [
                [round(m.freed_hours) for m in report.ledger],
                [round(m.door.refused_hours) for m in report.ledger],
                [m.solved for m in report.ledger],
            ],
            color=["blue", "cyan", "green"],  # type: ignore[arg-type]  # plotext takes one colour per series here
        )
        plot.refresh()
