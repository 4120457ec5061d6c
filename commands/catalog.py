"""`xinsheng catalog …`: import the duty catalog."""

from __future__ import annotations

from pathlib import Path

import typer

from commands.common import engine_for, user_errors

app = typer.Typer(help="事项清单（catalog）：导入", no_args_is_help=True, rich_markup_mode=None)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="FILE", help="CSV 或 XLSX 文件"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只检查并统计，不写入数据库"),
) -> None:
    """导入事项清单：按事项编码新增或更新，自动创建部门，并记录一次清单修订。"""
    with user_errors():
        from models.catalog import import_catalog
        from models.db import session_scope

        with session_scope(engine_for(ctx)) as session:
            result = import_catalog(session, file, dry_run=dry_run)
        prefix = "（试运行，未写入）" if dry_run else ""
        typer.echo(
            f"{prefix}{result.file_name}：共 {result.total} 项，新增 {result.added}，更新 {result.changed}，"
            f"未变 {result.unchanged}，其中收回/取消/合并 {result.cut}"
        )
        if result.departments_created:
            typer.echo(f"新建部门 {len(result.departments_created)} 个：{'、'.join(result.departments_created)}")
