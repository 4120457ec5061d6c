"""The monthly report as files: XLSX with native Excel charts, self-contained HTML with SVG charts, Markdown.

Every rate is written with its numerator and denominator so a supervisor can check it. Titles go through the
phone-number mask: the report is handed round, residents' numbers must not travel with it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from models.core.errors import UserError
from models.core.text import mask_personal
from models.files.outputs import complete_or_absent
from models.reporting.ledger import RATIO_NOTE
from models.reporting.legislation import YEAR_NOTE, ConsultationFigures, OpinionCounts
from models.reporting.report import LATE_LABEL, MonthlyReport
from models.reporting.stats import DepartmentFigures, Figures, Rate, score_text

FORMATS = ("xlsx", "html", "md")
RATE_FIELDS: list[tuple[str, str]] = [
    ("response", "响应率"),
    ("resolution", "解决率"),
    ("satisfaction", "满意率"),
    ("on_time", "按时办结率"),
    ("return_rate", "退单率"),
]


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _fraction(rate: Rate) -> str:
    numerator = f"{rate.numerator:g}" if rate.numerator != int(rate.numerator) else str(int(rate.numerator))
    return f"{_pct(rate.value)}（{numerator}/{rate.denominator}）"


def _rates(figures: Figures) -> list[tuple[str, Rate]]:
    return [(label, getattr(figures, name)) for name, label in RATE_FIELDS]


def _change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "—"
    delta = 100 * (now - before)
    return f"{'+' if delta >= 0 else ''}{delta:.1f} 个百分点"


def _score_change(now: float | None, before: float | None) -> str:
    """The composite's change in points of its score (it is a score out of 100, not a rate)."""
    if now is None or before is None:
        return "—"
    delta = 100 * (now - before)
    return f"{'+' if delta >= 0 else ''}{delta:.1f} 分"


def _overdue_note(report: MonthlyReport) -> str:
    """The count above the overdue list, and when the list stops short of it, that it shows the most overdue."""
    total, shown = report.overall.overdue, len(report.overdue)
    return f"共 {total} 件" if shown >= total else f"共 {total} 件，列出超期最久的 {shown} 件"


def _title(report: MonthlyReport) -> str:
    return f"接诉即办月报 · {report.period}"


def _group_rows(groups: Sequence[DepartmentFigures]) -> list[list[str]]:
    rows = []
    for group in groups:
        f = group.figures
        rows.append(
            [group.department, str(f.total), str(f.open), str(f.overdue), str(f.returns)]
            + [_fraction(rate) for _, rate in _rates(f)[:3]]
            + [score_text(f.composite)]
        )
    return rows


GROUP_HEADER = ["名称", "总数", "在办", "超期", "退单", "响应率", "解决率", "满意率", "综合得分"]


def _sections(report: MonthlyReport) -> list[tuple[str, list[str], list[list[str]], str]]:
    """(heading, header, rows, note) of every table, shared by the HTML and Markdown renderings."""
    overall, previous = report.overall, report.previous
    summary = [
        ["诉求总数", str(overall.total), ""],
        ["在办", str(overall.open), ""],
        ["超期", str(overall.overdue), ""],
    ]
    for label, rate in _rates(overall):
        before = getattr(previous, _field_of(label)).value if previous else None
        summary.append([label, _fraction(rate), _change(rate.value, before)])
    summary.append(
        [
            "综合得分",
            score_text(overall.composite),
            _score_change(overall.composite, previous.composite if previous else None),
        ]
    )
    trend = [
        [month, str(f.total), _pct(f.response.value), _pct(f.resolution.value), _pct(f.satisfaction.value),
         score_text(f.composite)]
        for month, f in report.trend
    ]  # fmt: skip
    ledger = [
        [m.month, f"{m.freed_hours:.1f}", f"{m.door.refused_hours:.1f}", f"{m.door.burden_hours:.1f}",
         f"{m.hours_spent:.1f}", str(m.resolved), str(m.solved),
         "—" if m.solved_per_100_freed_hours is None else f"{m.solved_per_100_freed_hours:.1f}"]
        for m in report.ledger
    ]  # fmt: skip
    communities = [
        [c.community, str(c.tasks), f"{c.door.refused_hours:.1f}", f"{c.door.burden_hours:.1f}", str(c.solved),
         f"{c.hours_spent:.1f}"]
        for c in report.by_community
    ]  # fmt: skip
    pushers = [
        [d.department, str(d.pushed), str(d.refused), str(d.admitted_off_list), str(d.cut_pushed), f"{d.hours:.1f}"]
        for d in report.department_tasks
    ]
    task_rebounds = [
        [
            r.department,
            str(r.count),
            "；".join(f"{ref} {day} {mask_personal(title)}" for ref, day, title in r.tasks[:3]),
        ]
        for r in report.task_rebounds
    ]
    overdue = [
        [r.ref, mask_personal(r.title), r.department, f"{r.due_at:%Y-%m-%d}", str(r.days_late)] for r in report.overdue
    ]
    returned = [[r.ref, mask_personal(r.title), r.department, str(r.returns)] for r in report.returned]
    hot = [[h.item_name, h.community, str(h.count), str(h.open), mask_personal(h.example)] for h in report.hot_spots]
    rebound = [[r.ref, mask_personal(r.title), f"{r.item_code} {r.item_name}", r.handled_by] for r in report.rebounds]
    return [
        ("总体情况", ["指标", "本月（分子/分母）", "环比"], summary, "解决、满意以回访为准：办结不等于解决。"),
        ("按承办部门", GROUP_HEADER, _group_rows(report.by_department), ""),
        ("按网格", GROUP_HEADER, _group_rows(report.by_area), ""),
        ("近 12 个月趋势", ["月份", "总数", "响应率", "解决率", "满意率", "综合得分"], trend, ""),
        ("超期未办结", ["编号", "标题", "承办部门", "办理期限", LATE_LABEL], overdue, _overdue_note(report)),
        ("退单", ["编号", "标题", "承办部门", "退单次数"], returned,
         f"本月退单 {report.overall.returns} 次；待督办负责人裁定 {report.return_reviews[0]} 件，"
         f"其中超过裁定时限 {report.return_reviews[1]} 件"),
        ("高发问题（同一社区同一事项 ≥3 件）", ["事项", "社区", "件数", "在办", "示例"], hot, ""),
        ("减负账本：减掉的工时与解决的问题", LEDGER_HEADER, ledger, LEDGER_NOTE + RATIO_NOTE),
        ("反弹预警：已减掉的事项仍由街道或社区办理", ["编号", "标题", "事项", "办理单位"], rebound,
         f"本月 {report.rebound_count} 件"),
        ("按社区：下派任务与解决的问题", ["社区", "下派任务", "拒收工时（记录）", "清单外准入工时", "回访确认解决",
         "诉求办理用时"], communities, "下派任务按收到月份计；解决的问题按办结月份计。"),
        ("部门下派任务排名", ["部门", "下派", "拒收", "清单外准入", "引用已减事项", "预计工时"], pushers,
         "按下派件数排序，其次拒收、清单外准入。"),
        ("反弹回潮：反复下派已减或清单外任务的部门", ["部门", "次数", "最近的任务"], task_rebounds,
         f"标准：{report.rebound_rule}" if report.rebound_rule else ""),
        *_legislation_sections(report),
    ]  # fmt: skip


COUNT_HEADER = ["意见", "采纳（含部分采纳）", "其中部分采纳", "未采纳", "待定", "采纳率（采纳÷已有结果）", "已反馈",
                "待反馈"]  # fmt: skip


def _count_cells(counts: OpinionCounts) -> list[str]:
    whole = (counts.opinions, counts.adopted, counts.partly, counts.not_adopted, counts.undecided)
    return [*map(str, whole), _fraction(counts.adoption), str(counts.informed), str(counts.callbacks_pending)]


def _consultation_cells(c: ConsultationFigures) -> list[str]:
    closes = f"{c.closes_on:%Y-%m-%d}" if c.closes_on else "未定"
    return [c.title, c.issuer, f"{c.opens_on:%Y-%m-%d}", closes, "征求中" if c.open else "已截止",
            *_count_cells(c.counts)]  # fmt: skip


def _legislation_sections(report: MonthlyReport) -> list[tuple[str, list[str], list[list[str]], str]]:
    """The legislative contact point: the report year's figures, then the drafts taking opinions during the month.
    The two headings start differently: the XLSX names a sheet after a heading's words before （ or ：."""
    figures = report.legislation
    if figures is None:
        return []
    year = figures.year
    return [
        (f"立法联系点（{year.span}）", ["征求意见的草案（部）", *COUNT_HEADER],
         [[str(year.consultations), *_count_cells(year.counts)]], YEAR_NOTE),
        ("本月征求意见的草案（立法联系点）", ["草案", "发布单位", "开始", "截止", "状态", *COUNT_HEADER],
         [_consultation_cells(c) for c in figures.in_month],
         "本月内任一天在征求意见的草案；意见数为至今的累计，状态以报告生成时为准。"),
    ]  # fmt: skip


LEDGER_HEADER = [
    "月份", "减负工时（估算）", "拒收工时（记录）", "清单外准入工时（新增负担）", "办理用时", "办结", "回访确认解决",
    "每百减负工时解决",
]  # fmt: skip
LEDGER_NOTE = (
    "减负工时（估算）：收回、取消、合并事项的年工时自生效日起按天折算；拒收工时（记录）：准入登记中拒收任务的"
    "预计工时；清单外准入工时：不在清单内仍获准入的任务，是新增负担。"
)


def _field_of(label: str) -> str:
    return next(name for name, text in RATE_FIELDS if text == label)


# ---------------------------------------------------------------- Markdown


def _stamp(report: MonthlyReport) -> str:
    """When the report was made and the trails' heads then: on paper, it pins the history it was computed from."""
    heads = f"（{'；'.join(report.chain_heads)}）" if report.chain_heads else ""
    return f"生成时间：{report.generated_at:%Y-%m-%d %H:%M}{heads}"


def render_markdown(report: MonthlyReport) -> str:
    lines = [f"# {_title(report)}", "", _stamp(report), ""]
    for heading, header, rows, note in _sections(report):
        lines += [f"## {heading}", ""]
        if note:
            lines += [note, ""]
        if not rows:
            lines += ["（无）", ""]
            continue
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- HTML with SVG charts


def _svg_lines(series: dict[str, list[float | None]], labels: list[str], width: int = 720, height: int = 240) -> str:
    """A line chart over months of rates (in %) and the composite score (out of 100): one 0–100 scale for both."""
    colors = ["#2f6fb0", "#d9822b", "#3a9d5d", "#8e44ad"]
    left, bottom, top = 48, 28, 12
    plot_w, plot_h = width - left - 12, height - bottom - top
    step = plot_w / max(1, len(labels) - 1)
    parts = [f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">']
    for tick in range(0, 101, 25):
        y = top + plot_h * (1 - tick / 100)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 12}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick}</text>')
    for index, label in enumerate(labels):
        x = left + index * step
        parts.append(f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle" font-size="11">{label[2:]}</text>')
    for values, color in zip(series.values(), colors, strict=False):
        points = [(left + i * step, top + plot_h * (1 - v)) for i, v in enumerate(values) if v is not None]
        if points:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{path}"/>')
    legend_x = left
    for (name, _), color in zip(series.items(), colors, strict=False):
        parts.append(f'<rect x="{legend_x}" y="0" width="10" height="10" fill="{color}"/>')
        parts.append(f'<text x="{legend_x + 14}" y="9" font-size="11">{html.escape(name)}</text>')
        legend_x += 90
    parts.append("</svg>")
    return "".join(parts)


def _svg_bars(pairs: list[tuple[str, float]], unit: str = "", width: int = 720, bar: int = 20) -> str:
    """Horizontal bars, one per label."""
    left, label_room = 200, 70
    peak = max((v for _, v in pairs), default=0) or 1.0
    height = bar * len(pairs) + 10
    parts = [f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">']
    for index, (label, value) in enumerate(pairs):
        y = 5 + index * bar
        length = (width - left - label_room) * value / peak
        parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end" font-size="12">{html.escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{length:.1f}" height="{bar - 6}" fill="#2f6fb0"/>')
        parts.append(f'<text x="{left + length + 4:.1f}" y="{y + 14}" font-size="11">{value:.1f}{unit}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(report: MonthlyReport) -> str:
    months = [m for m, _ in report.trend]

    def series(attr: Callable[[Figures], float | None]) -> list[float | None]:
        return [attr(f) for _, f in report.trend]

    trend_chart = _svg_lines(
        {
            "响应率": series(lambda f: f.response.value),
            "解决率": series(lambda f: f.resolution.value),
            "满意率": series(lambda f: f.satisfaction.value),
            "综合得分": series(lambda f: f.composite),
        },
        months,
    )
    ranked = [
        (d.department, 100 * d.figures.composite) for d in report.by_department if d.figures.composite is not None
    ]
    department_chart = _svg_bars(sorted(ranked, key=lambda p: p[1])[:15])  # composite scores, not percentages
    ledger_chart = _svg_bars(
        [(f"{m.month} 减负工时（估算）", m.freed_hours) for m in report.ledger]  # the months of the table below
        + [(f"{m.month} 拒收工时（记录）", m.door.refused_hours) for m in report.ledger]
        + [(f"{m.month} 回访确认解决", float(m.solved)) for m in report.ledger]
    )
    charts = {
        "近 12 个月趋势": trend_chart,
        "按承办部门": department_chart,
        "减负账本：减掉的工时与解决的问题": ledger_chart,
    }
    body = [
        f"<h1>{html.escape(_title(report))}</h1>",
        f"<p class=note>{html.escape(_stamp(report))}</p>",
    ]
    for heading, header, rows, note in _sections(report):
        body.append(f"<h2>{html.escape(heading)}</h2>")
        if note:
            body.append(f"<p class=note>{html.escape(note)}</p>")
        if heading in charts:
            body.append(f"<figure>{charts[heading]}</figure>")
        if not rows:
            body.append("<p>（无）</p>")
            continue
        head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
        cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>")
    style = (
        "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}"
        "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;padding:4px 8px;"
        "text-align:left}th{background:#ddebf7}.note{color:#666}figure{margin:0.5em 0}"
    )
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(_title(report))}</title>'
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>\n"
    )


# ---------------------------------------------------------------- XLSX with native charts


def write_xlsx(report: MonthlyReport, path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    try:
        bold = book.add_format({"bold": True})
        title = book.add_format({"bold": True, "font_size": 14})
        header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        percent = book.add_format({"num_format": "0.0%"})
        decimal = book.add_format({"num_format": "0.0"})

        summary = book.add_worksheet("概况")
        summary.write_string(0, 0, _title(report), title)
        summary.write_string(1, 0, f"生成时间：{report.generated_at:%Y-%m-%d %H:%M}")
        summary.write_string(2, 0, "；".join(report.chain_heads))
        summary.write_row(3, 0, ["指标", "分子", "分母", "本月", "上月", "环比（百分点）"], header)
        row = 4
        for name, label in RATE_FIELDS:
            rate: Rate = getattr(report.overall, name)
            before = getattr(report.previous, name).value if report.previous else None
            summary.write_string(row, 0, label)
            summary.write_number(row, 1, rate.numerator)
            summary.write_number(row, 2, rate.denominator)
            _number_or_blank(summary, row, 3, rate.value, percent)
            _number_or_blank(summary, row, 4, before, percent)
            if rate.value is not None and before is not None:
                summary.write_number(row, 5, round(100 * (rate.value - before), 1))
            row += 1
        summary.write_string(row, 0, "综合得分", bold)  # a score out of 100, as everywhere else
        now_score, before_score = report.overall.composite, report.previous.composite if report.previous else None
        _number_or_blank(summary, row, 3, _score(now_score), decimal)
        _number_or_blank(summary, row, 4, _score(before_score), decimal)
        if now_score is not None and before_score is not None:
            summary.write_number(row, 5, round(100 * (now_score - before_score), 1))
        for offset, (label, value) in enumerate(
            (("诉求总数", report.overall.total), ("在办", report.overall.open), ("超期", report.overall.overdue),
             ("退单次数", report.overall.returns), ("反弹预警", report.rebound_count))
        ):  # fmt: skip
            summary.write_string(row + 2 + offset, 0, label)
            summary.write_number(row + 2 + offset, 1, value)
        summary.write_string(row + 8, 0, "解决、满意以回访为准：办结不等于解决。")
        summary.set_column(0, 0, 16)
        summary.set_column(1, 5, 12)

        for sheet_name, groups in (("按部门", report.by_department), ("按网格", report.by_area)):
            sheet = book.add_worksheet(sheet_name)
            columns = ["名称", "总数", "在办", "超期", "退单"]
            for _, label in RATE_FIELDS[:3]:
                columns += [f"{label}分子", f"{label}分母", label]
            columns.append("综合得分")
            sheet.write_row(0, 0, columns, header)
            for r, group in enumerate(groups, start=1):
                f = group.figures
                sheet.write_string(r, 0, group.department)
                for c, value in enumerate((f.total, f.open, f.overdue, f.returns), start=1):
                    sheet.write_number(r, c, value)
                for i, (_, rate) in enumerate(_rates(f)[:3]):
                    sheet.write_number(r, 5 + 3 * i, rate.numerator)
                    sheet.write_number(r, 6 + 3 * i, rate.denominator)
                    _number_or_blank(sheet, r, 7 + 3 * i, rate.value, percent)
                _number_or_blank(sheet, r, 14, _score(f.composite), decimal)
            sheet.set_column(0, 0, 24)
            sheet.freeze_panes(1, 1)
            if groups:
                chart = book.add_chart({"type": "bar"})
                shown = min(len(groups), 15)
                for column, name in ((10, "解决率"), (13, "满意率")):
                    chart.add_series({"name": name, "categories": [sheet_name, 1, 0, shown, 0],
                                      "values": [sheet_name, 1, column, shown, column]})  # fmt: skip
                chart.set_title({"name": f"{sheet_name}：解决率与满意率"})
                chart.set_x_axis({"num_format": "0%", "max": 1})
                chart.set_size({"width": 720, "height": 24 * shown + 120})
                sheet.insert_chart(1, 16, chart)

        trend = book.add_worksheet("趋势")
        trend.write_row(0, 0, ["月份", "总数", "响应率", "解决率", "满意率", "综合得分"], header)
        for r, (month, f) in enumerate(report.trend, start=1):
            trend.write_string(r, 0, month)
            trend.write_number(r, 1, f.total)
            rates = (f.response.value, f.resolution.value, f.satisfaction.value)
            for c, rate_value in enumerate(rates, 2):
                _number_or_blank(trend, r, c, rate_value, percent)
            _number_or_blank(trend, r, 5, _score(f.composite), decimal)
        line = book.add_chart({"type": "line"})
        for column, name in ((2, "响应率"), (3, "解决率"), (4, "满意率"), (5, "综合得分")):
            months = len(report.trend)
            line.add_series(
                {
                    "name": name,
                    "categories": ["趋势", 1, 0, months, 0],
                    "values": ["趋势", 1, column, months, column],
                    "marker": {"type": "circle"},
                    "y2_axis": column == 5,  # the score, out of 100, on its own axis
                }
            )
        line.set_title({"name": "近 12 个月趋势"})
        line.set_y_axis({"num_format": "0%", "min": 0, "max": 1})
        line.set_y2_axis({"name": "综合得分", "min": 0, "max": 100})
        trend.insert_chart(1, 7, line, {"x_scale": 1.4, "y_scale": 1.2})

        ledger = book.add_worksheet("减负账本")
        ledger.write_row(0, 0, LEDGER_HEADER, header)
        for r, m in enumerate(report.ledger, start=1):
            ledger.write_string(r, 0, m.month)
            for c, hours in enumerate((m.freed_hours, m.door.refused_hours, m.door.burden_hours, m.hours_spent), 1):
                ledger.write_number(r, c, hours, decimal)
            ledger.write_number(r, 5, m.resolved)
            ledger.write_number(r, 6, m.solved)
            _number_or_blank(ledger, r, 7, m.solved_per_100_freed_hours, decimal)
        columns_chart = book.add_chart({"type": "column"})
        for column, name in ((1, "减负工时（估算）"), (2, "拒收工时（记录）")):
            columns_chart.add_series({"name": name, "categories": ["减负账本", 1, 0, len(report.ledger), 0],
                                      "values": ["减负账本", 1, column, len(report.ledger), column]})  # fmt: skip
        solved_line = book.add_chart({"type": "line"})
        solved_line.add_series({"name": "回访确认解决", "categories": ["减负账本", 1, 0, len(report.ledger), 0],
                                "values": ["减负账本", 1, 6, len(report.ledger), 6], "y2_axis": True})  # fmt: skip
        columns_chart.combine(solved_line)
        columns_chart.set_title({"name": "减掉的工时与解决的问题"})
        columns_chart.set_y_axis({"name": "小时"})
        solved_line.set_y2_axis({"name": "件"})
        ledger.insert_chart(1, 9, columns_chart, {"x_scale": 1.4, "y_scale": 1.2})
        ledger.write_string(len(report.ledger) + 2, 0, LEDGER_NOTE)
        ledger.write_string(len(report.ledger) + 3, 0, RATIO_NOTE)

        for heading, head, rows, note in _sections(report)[4:]:
            if heading.startswith("减负账本"):
                continue
            sheet = book.add_worksheet(heading.split("（")[0].split("：")[0][:31])
            sheet.write_string(0, 0, heading, bold)
            if note:
                sheet.write_string(1, 0, note)
            sheet.write_row(3, 0, head, header)
            for r, cells in enumerate(rows, start=4):
                for c, cell in enumerate(cells):
                    if cell.isdigit():
                        sheet.write_number(r, c, int(cell))
                    else:
                        sheet.write_string(r, c, cell)
            sheet.set_column(0, 0, 18)
            sheet.set_column(1, 1, 36)
            sheet.set_column(2, len(head), 16)
    finally:
        book.close()


def _score(composite: float | None) -> float | None:
    return None if composite is None else round(100 * composite, 1)


def _number_or_blank(sheet: object, row: int, column: int, value: float | None, fmt: object) -> None:
    if value is not None:
        sheet.write_number(row, column, value, fmt)  # type: ignore[attr-defined]


def check_format(fmt: str, to_stdout: bool = False) -> None:
    if fmt not in FORMATS:
        raise UserError(f"--format 应为 {'、'.join(FORMATS)} 之一，收到 “{fmt}”")
    if to_stdout and fmt == "xlsx":
        raise UserError("XLSX 不能写到标准输出，请用 --output 指定文件")


def render_text(report: MonthlyReport, fmt: str) -> str:
    check_format(fmt, to_stdout=True)
    return render_html(report) if fmt == "html" else render_markdown(report)


def write_report(
    report: MonthlyReport, fmt: str, output: Path, *, force: bool = False, database: Path | None = None
) -> Path:
    """Write the report; the file appears only when complete, and replaces an existing one only with `force`."""
    check_format(fmt)
    with complete_or_absent(output, force=force, database=database) as partial:
        if fmt == "xlsx":
            write_xlsx(report, partial)
        else:
            partial.write_text(render_text(report, fmt), encoding="utf-8")
    return output
