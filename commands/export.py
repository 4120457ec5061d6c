"""`xinsheng export …`: requests out as CSV, XLSX, JSON or Open311 GeoReport v2."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from commands.common import database_file, engine_for, err, signed_in, user_errors

app = typer.Typer(
    help="导出（export）：诉求明细导出为 CSV、XLSX、JSON 或 Open311", no_args_is_help=True, rich_markup_mode=None
)


@app.command("requests")
def requests_(
    ctx: typer.Context,
    fmt: str = typer.Option("csv", "--format", "-f", metavar="csv|xlsx|json|open311", help="导出格式"),
    output: Path = typer.Option(None, "--output", "-o", metavar="文件", help="输出文件（CSV/JSON 不给则写到标准输出）"),
    period: str = typer.Option(None, "--period", metavar="YYYY-MM", help="只导出该月登记的诉求"),
    status: str = typer.Option(None, "--status", metavar="状态", help="只导出该状态（如 已办结、new）"),
    department: str = typer.Option(None, "--department", metavar="部门", help="只导出该承办部门"),
    personal: bool = typer.Option(
        False,
        "--include-personal-data",
        help="包含居民姓名和电话（仅限督办负责人和管理员；导出前记入审计日志）",
    ),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖它"),
) -> None:
    """导出诉求明细；居民姓名和电话默认脱敏（张* / 138****5678）。"""
    with user_errors():
        from models.files.export import ExportFilter, export_requests
        from models.store.engine import session_scope

        if period:
            from models.reporting.stats import asked_period

            asked_period(period)  # a month to come would export an empty file that looks real
        filters = ExportFilter(period=period, status=status, department=department)
        if output is not None:  # before signing in: a refused path costs no password (checked again on writing)
            from models.files.outputs import check_output_path

            check_output_path(output, force=force, database=database_file(ctx))
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine)
        with session_scope(engine) as session:
            result = export_requests(
                session,
                fmt,
                filters,
                output=output,
                stdout=sys.stdout,
                actor=actor,
                personal_data=personal,
                force=force,
            )
        where = f"到 {result.path}" if result.path else ""
        note = "（含居民个人信息，已记入审计日志）" if result.personal_data else "（居民姓名和电话已脱敏）"
        err(f"已导出 {result.rows} 条诉求{where}{note}")
