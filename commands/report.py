"""`xinsheng report`: the monthly report as XLSX (native charts), HTML (SVG charts) or Markdown."""

from __future__ import annotations

from pathlib import Path

import typer

from commands.common import database_file, engine_for, err, signed_in, user_errors


def report(
    ctx: typer.Context,
    period: str = typer.Option(..., "--period", metavar="YYYY-MM", help="报告月份"),
    fmt: str = typer.Option("xlsx", "--format", "-f", metavar="xlsx|html|md", help="报告格式"),
    output: Path = typer.Option(
        None,
        "--output",
        "-o",
        metavar="文件",
        help="输出文件（默认：当前目录下 接诉即办月报-YYYY-MM.扩展名；- 为标准输出）",
    ),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖它"),
) -> None:
    """生成月报：三率和综合得分（按部门、网格，含分子分母）、超期与退单、高发问题、减负账本、反弹预警、环比趋势。"""
    with user_errors():
        from models.files.outputs import check_output_path
        from models.files.report_files import check_format, render_text, write_report
        from models.reporting.report import monthly_report
        from models.reporting.stats import asked_period
        from models.store.engine import session_scope

        # everything the user can get wrong is checked before the report is computed
        asked_period(period)
        to_stdout = output is not None and str(output) == "-"
        check_format(fmt, to_stdout)
        target = output or Path.cwd() / f"接诉即办月报-{period}.{fmt}"
        database = None if to_stdout else database_file(ctx)
        if not to_stdout:
            check_output_path(target, force=force, database=database)
        from models.access.audit import record
        from models.core.vocabulary import AuditAction, Privilege

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.REPORT)
        with session_scope(engine) as session:
            content = monthly_report(session, period)
            record(
                session, actor, AuditAction.REPORT, period=period, file="stdout" if to_stdout else str(target.resolve())
            )
        figures = content.overall
        if figures.total == 0:
            err(f"提示：{period} 没有登记的诉求，报告中的比率为空")
        if to_stdout:
            typer.echo(render_text(content, fmt))
            return
        write_report(content, fmt, target, force=force, database=database)
        typer.echo(
            f"已生成 {target}：诉求 {figures.total} 件，解决率 {figures.resolution.percent()}，"
            f"满意率 {figures.satisfaction.percent()}，超期 {figures.overdue} 件"
        )
