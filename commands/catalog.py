"""`xinsheng catalog …`: import the duty catalog."""

from __future__ import annotations

from pathlib import Path

import typer

from commands.common import (
    ENCODING_OPTION,
    ERRORS_OPTION,
    FORCE_ERRORS_OPTION,
    MAP_OPTION,
    SHEET_OPTION,
    SKIP_BAD_OPTION,
    database_file,
    engine_for,
    prepare_import,
    print_preview,
    report_bad_rows,
    signed_in,
    user_errors,
)

app = typer.Typer(
    help="事项清单（catalog）：导入，查看和清理已确认派单样例", no_args_is_help=True, rich_markup_mode=None
)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="文件", help="CSV 或 XLSX 文件"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只检查并统计，不写入数据库"),
    preview: bool = typer.Option(False, "--preview", help="只显示识别出的列映射、未识别的列和前几行，不写入"),
    map_: list[str] = MAP_OPTION,
    encoding: str = ENCODING_OPTION,
    sheet: str = SHEET_OPTION,
    skip_bad: bool = SKIP_BAD_OPTION,
    errors_file: Path = ERRORS_OPTION,
    force: bool = FORCE_ERRORS_OPTION,
) -> None:
    """导入事项清单：按事项编码新增或更新，自动创建部门，并记录一次清单修订。"""
    with user_errors():
        from models.files.catalog_import import CATALOG_FIELD_LABELS, import_catalog_as, read_catalog_file
        from models.files.tabular import preview_table
        from models.store.engine import session_scope

        overrides, database = prepare_import(ctx, file, map_, skip_bad, errors_file, force)
        if preview:
            table = read_catalog_file(file, overrides=overrides, encoding=encoding, sheet=sheet)
            print_preview(preview_table(table), CATALOG_FIELD_LABELS)
            return
        from models.core.vocabulary import Privilege

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.CATALOG_IMPORT)
        with session_scope(engine) as session:
            result = import_catalog_as(
                session,
                actor,
                file,
                dry_run=dry_run,
                overrides=overrides,
                encoding=encoding,
                sheet=sheet,
                skip_bad=skip_bad,
            )
        prefix = "（试运行，未写入数据库）" if dry_run else ""
        typer.echo(
            f"{prefix}{result.file_name}：共 {result.total} 项，新增 {result.added}，更新 {result.changed}，"
            f"未变 {result.unchanged}，其中收回/取消/合并 {result.cut}"
        )
        if result.departments_created:
            typer.echo(f"新建部门 {len(result.departments_created)} 个：{'、'.join(result.departments_created)}")
        report_bad_rows(result.errors, file, errors_file, force=force, database=database)


@app.command("examples")
def examples(
    ctx: typer.Context,
    item: str = typer.Option(None, "--item", metavar="编码", help="只看某个事项的样例"),
    department: str = typer.Option(None, "--department", metavar="部门", help="只看某个部门的样例"),
    search: str = typer.Option(None, "--search", metavar="文字", help="按文字筛选"),
    limit: int = typer.Option(50, "--limit", metavar="N", help="最多显示多少条"),
    remove: int = typer.Option(None, "--remove", metavar="ID", help="删除一条错误的已确认派单样例"),
) -> None:
    """查看或删除已确认派单样例（匹配据此学习）；删除错误样例后，下次匹配即不再受其影响。"""
    with user_errors():
        from models.core.vocabulary import Privilege
        from models.matching.examples import list_examples, remove_example
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.REMOVE_EXAMPLES if remove is not None else Privilege.READ_EXAMPLES)
        with session_scope(engine) as session:
            if remove is not None:
                gone = remove_example(session, actor, remove)
                typer.echo(f"已删除样例 #{gone.id}：{gone.text[:40]} → {gone.department or gone.item_code}")
                return
            total, rows = list_examples(session, item_code=item, department=department, search=search, limit=limit)
        typer.echo(f"共 {total} 条已确认派单样例，显示最新 {len(rows)} 条（--remove ID 删除错误样例）")
        for row in rows:
            target = row.department or "—"
            if row.item_code:
                target += f" [{row.item_code}] {row.item_name}"
            typer.echo(f"#{row.id:<6} {row.created_at:%Y-%m-%d} {row.source:<9} {row.text[:40]} → {target}")


@app.command("proposals")
def proposals(
    ctx: typer.Context,
    fmt: str = typer.Option("text", "--format", "-f", metavar="格式", help="text、json 或 xlsx"),
    output: Path = typer.Option(None, "--output", "-o", metavar="文件", help="xlsx 的输出文件"),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖它"),
) -> None:
    """清单调整建议：牵头部门反复退单的事项、拒收后又准入的任务，附依据，供区里定期修订清单。"""
    with user_errors():
        import json

        from models.core.errors import UserError
        from models.core.text import mask_personal
        from models.core.vocabulary import Privilege
        from models.store.engine import session_scope

        if fmt not in ("text", "json", "xlsx"):
            raise UserError(f"--format 应为 text、json、xlsx 之一，收到 “{fmt}”")
        if fmt == "xlsx" and output is None:
            raise UserError("--format xlsx 须用 --output 指定文件")
        if fmt != "xlsx" and output is not None:
            raise UserError("--output 只用于 --format xlsx")
        if output is not None:
            from models.files.outputs import check_output_path

            check_output_path(output, force=force, database=database_file(ctx))
        from models.reporting.proposals import catalog_proposals

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.REPORT)
        with session_scope(engine) as session:
            found = catalog_proposals(session, actor)
        if fmt == "xlsx":
            from models.files.proposal_file import write_proposals_xlsx

            write_proposals_xlsx(found, output, force=force, database=database_file(ctx))
            typer.echo(f"已写出 {len(found)} 条清单调整建议：{output}")
            return
        if fmt == "json":
            for proposal in found:
                shown = proposal.as_dict()
                for evidence in shown["evidence"]:  # type: ignore[attr-defined]
                    evidence["note"] = mask_personal(evidence["note"])
                typer.echo(json.dumps(shown, ensure_ascii=False))
            return
        if not found:
            typer.echo("没有清单调整建议：没有事项被牵头部门退单 3 次以上，也没有拒收后又准入的任务")
            return
        for proposal in found:
            code = f"[{proposal.item_code}] " if proposal.item_code else ""
            typer.echo(
                f"{code}{proposal.item_name}（{proposal.department}）— {proposal.label}，{len(proposal.evidence)} 次"
            )
            for evidence in proposal.evidence:
                typer.echo(
                    f"    {evidence.ref}  {evidence.day}  {evidence.department}  {mask_personal(evidence.note)[:50]}"
                )
