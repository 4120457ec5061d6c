"""`xinsheng stats`: the supervisor's figures, the same ones the TUI's stats screen shows."""

from __future__ import annotations

import json

import typer

from commands.common import engine_for, pad, signed_in, user_errors


def stats(
    ctx: typer.Context,
    period: str = typer.Option(None, "--period", metavar="YYYY-MM", help="统计月份 YYYY-MM（默认全部）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON（含减负账本和反弹预警）"),
    by: str = typer.Option(
        "department", "--by", metavar="维度", help="分组维度：department、grid、community、category、channel"
    ),
) -> None:
    """响应率、解决率、满意率、综合得分、重办率和办理用时，按状态和所选维度统计。"""
    with user_errors():
        from models.core.vocabulary import STATUS_LABELS
        from models.reporting.stats import DEPARTMENT_COLUMNS, DIMENSIONS, asked_period, department_rows, stats_for
        from models.store.engine import session_scope

        if period:
            asked_period(period)  # validate before touching the database
        from models.core.vocabulary import Privilege

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine)
        with session_scope(engine) as session:
            if as_json:  # the dashboard's figures with the street's ledger: the dashboard's roles only
                from models.people.permissions import require
                from models.reporting.dashboard import dashboard_data

                require(actor, Privilege.DASHBOARD)
                typer.echo(json.dumps(dashboard_data(session, period, by), ensure_ascii=False, indent=2))
                return
            result = stats_for(session, actor, period, by=by)
        o = result.overall
        if not actor.sees_everything:
            typer.echo(f"范围：{actor.place}（派给本单位的诉求）")
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
        typer.echo(f"重办率：{o.reopen_rate.percent():>7}  （{o.reopen_rate.numerator:g}/{o.reopen_rate.denominator}）")
        typer.echo(f"综合得分：{'—' if composite is None else f'{100 * composite:.1f}'}")
        if o.median_days is not None:
            typer.echo(f"办理用时（工作日）：中位数 {o.median_days:g}，90% 在 {o.p90_days:g} 以内")
        typer.echo("")
        name, *headers = DEPARTMENT_COLUMNS
        name = DIMENSIONS[by]
        typer.echo(pad(name, 24) + "".join(pad(h, 11, ">") for h in headers))
        for row in department_rows(result.by_department):
            typer.echo(pad(row[0][:11], 24) + "".join(pad(c, 11, ">") for c in row[1:]))
