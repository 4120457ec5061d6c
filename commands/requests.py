"""`xinsheng requests …`: import request histories."""

from __future__ import annotations

from pathlib import Path

import typer

from commands.common import (
    ENCODING_OPTION,
    ERRORS_OPTION,
    FORCE_ERRORS_OPTION,
    SHEET_OPTION,
    SKIP_BAD_OPTION,
    engine_for,
    prepare_import,
    print_preview,
    progress_reporter,
    report_bad_rows,
    signed_in,
    user_errors,
)

app = typer.Typer(help="诉求（requests）：导入历史工单", no_args_is_help=True, rich_markup_mode=None)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="文件", help="CSV 或 XLSX 文件"),
    map_: list[str] = typer.Option(
        None, "--map", metavar="源列=字段", help="列映射 源列=字段，可重复，如 --map 一级分类=department"
    ),
    source: str = typer.Option(
        "import", "--source", metavar="名称", help="来源系统名；与编号一起保证重复导入不重复入库"
    ),
    confirmed: bool = typer.Option(
        False,
        "--confirmed",
        help="凡有部门或事项编码的行都视为已确认的派单（用于带标注但无状态列的历史文件）",
    ),
    encoding: str = ENCODING_OPTION,
    sheet: str = SHEET_OPTION,
    dry_run: bool = typer.Option(False, "--dry-run", help="只检查并统计，不写入数据库"),
    preview: bool = typer.Option(False, "--preview", help="只显示识别出的列映射、未识别的列和前几行，不写入"),
    skip_bad: bool = SKIP_BAD_OPTION,
    errors_file: Path = ERRORS_OPTION,
    force: bool = FORCE_ERRORS_OPTION,
) -> None:
    """导入诉求：已办结且有部门/事项的行成为已确认派单，供匹配学习；其余行自动匹配。重复导入不会重复入库。"""
    with user_errors():
        from models.files.request_import import (
            FIELD_LABELS,
            import_requests,
            preview_request_file,
        )
        from models.store.engine import session_scope

        overrides, database = prepare_import(ctx, file, map_, skip_bad, errors_file, force)
        if preview:
            print_preview(preview_request_file(file, overrides=overrides, encoding=encoding, sheet=sheet), FIELD_LABELS)
            return
        from models.core.vocabulary import Privilege

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.IMPORT_REQUESTS)
        with session_scope(engine) as session:
            result = import_requests(
                session,
                file,
                actor,
                overrides=overrides,
                source=source,
                confirm_all=confirmed,
                encoding=encoding,
                sheet=sheet,
                dry_run=dry_run,
                skip_bad=skip_bad,
                progress=progress_reporter("导入"),
            )
        prefix = "（试运行，未写入数据库）" if dry_run else ""
        typer.echo(
            f"{prefix}{result.file_name}：共 {result.total} 行，新增 {result.added}，已存在 {result.already_present}，"
            f"文件内重复 {result.duplicate_rows}；已确认派单 {result.confirmed}，自动匹配 {result.auto_matched}"
        )
        if result.departments_created:
            typer.echo(f"新建部门 {len(result.departments_created)} 个：{'、'.join(result.departments_created)}")
        report_bad_rows(result.errors, file, errors_file, force=force, database=database)
