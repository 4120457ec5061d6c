"""`xinsheng stats`: the supervisor's figures, the same ones the TUI's stats screen shows."""

from __future__ import annotations

import json

import typer

from commands.common import engine_for, pad, user_errors


def stats(
    ctx: typer.Context,
    period: str = typer.Option(None, "--period", metavar="YYYY-MM", help="统计月份 YYYY-MM（默认全部）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """响应率、解决率、满意率、综合得分，按状态和部门统计。"""
    with user_errors():
        from models.db import session_scope
        from models.stats import DEPARTMENT_COLUMNS, compute_stats, department_rows, period_bounds
        from models.workflow import STATUS_LABELS

        if period:
            period_bounds(period)  # validate before touching the database
        with session_scope(engine_for(ctx)) as session:
            result = compute_stats(session, period)
        if as_json:
            typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        o = result.overall
        typer.echo(f"统计期间：{period or '全部'}    诉求总数 {o.total}    在办 {o.open}    超期 {o.overdue}")
        typer.echo("状态：" + "  ".join(f"{STATUS_LABELS[k]} {v}" for k, v in result.by_status.items()))
        for label, rate in (
            ("响应率", o.response),
            ("解决率", o.resolution),
            ("满意率", o.satisfaction),
            ("按时办结率", o.on_time),
            ("退单率", o.return_rate),
        ):
            typer.echo(f"{label}：{rate.percent():>7}  （{rate.numerator:g}/{rate.denominator}）")
        composite = o.composite
        typer.echo(f"综合得分：{'—' if composite is None else f'{100 * composite:.1f}'}")
        typer.echo("")
        name, *headers = DEPARTMENT_COLUMNS
        typer.echo(pad(name, 24) + "".join(pad(h, 11, ">") for h in headers))
        for row in department_rows(result):
            typer.echo(pad(row[0][:11], 24) + "".join(pad(c, 11, ">") for c in row[1:]))
