"""`xinsheng tasks …`: the admission door (准入) at the command line — import an OA export of tasks pushed down, list
them with the door's decision, and take the admission procedure's steps."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from commands.common import (
    ENCODING_OPTION,
    ERRORS_OPTION,
    FORCE_ERRORS_OPTION,
    MAP_OPTION,
    SHEET_OPTION,
    SKIP_BAD_OPTION,
    engine_for,
    pad,
    parse_day,
    prepare_import,
    print_preview,
    progress_reporter,
    report_bad_rows,
    signed_in,
    user_errors,
)

app = typer.Typer(help="下派任务（tasks）：准入登记、清单核对与准入审查", no_args_is_help=True, rich_markup_mode=None)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="文件", help="CSV 或 XLSX 文件（如 OA 导出的收文登记）"),
    map_: list[str] = MAP_OPTION,
    source: str = typer.Option("import", "--source", metavar="名称", help="来源系统名；与文号一起保证不重复入库"),
    encoding: str = ENCODING_OPTION,
    sheet: str = SHEET_OPTION,
    dry_run: bool = typer.Option(False, "--dry-run", help="只检查并统计，不写入数据库"),
    preview: bool = typer.Option(False, "--preview", help="只显示识别出的列映射和前几行，不写入"),
    skip_bad: bool = SKIP_BAD_OPTION,
    errors_file: Path = ERRORS_OPTION,
    force: bool = FORCE_ERRORS_OPTION,
) -> None:
    """导入下派任务：每条任务按事项清单核对，给出准入、配合、拒收或清单外待审的决定。重复导入不会重复入库。"""
    with user_errors():
        from models.core.vocabulary import Admission, Privilege
        from models.files.task_import import FIELD_LABELS, import_tasks, preview_task_file
        from models.store.engine import session_scope

        overrides, database = prepare_import(ctx, file, map_, skip_bad, errors_file, force)
        if preview:
            print_preview(preview_task_file(file, overrides=overrides, encoding=encoding, sheet=sheet), FIELD_LABELS)
            return
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.TASK_LOG)
        with session_scope(engine) as session:
            result = import_tasks(
                session,
                file,
                actor,
                overrides=overrides,
                source=source,
                encoding=encoding,
                sheet=sheet,
                dry_run=dry_run,
                skip_bad=skip_bad,
                progress=progress_reporter("导入"),
            )
            if dry_run:
                session.rollback()
        prefix = "（试运行，未写入数据库）" if dry_run else ""
        decided = "，".join(f"{m.label} {result.decisions.get(m.value, 0)}" for m in Admission)
        typer.echo(
            f"{prefix}{result.file_name}：共 {result.total} 行，新增 {result.added}，已存在 {result.already_present}，"
            f"文件内重复 {result.duplicate_rows}；{decided}"
        )
        report_bad_rows(result.errors, file, errors_file, force=force, database=database)


@app.command("list")
def list_(
    ctx: typer.Context,
    status: str = typer.Option(
        None, "--status", metavar="状态", help="awaiting、reviewing、in_force、refused、revoked、expired（或中文名）"
    ),
    department: str = typer.Option(None, "--department", metavar="部门", help="只看这个部门下派的任务"),
    as_json: bool = typer.Option(False, "--json", help="每行一个 JSON 对象"),
    limit: int = typer.Option(None, "--limit", metavar="N", min=1, help="最多列出 N 条（最新的在前）"),
) -> None:
    """列出下派任务及其准入决定（admission）与所引清单事项（item）。"""
    with user_errors():
        from models.admission.queries import list_tasks, parse_status
        from models.store.engine import session_scope

        wanted = parse_status(status)
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine)
        with session_scope(engine) as session:
            tasks = list_tasks(session, actor, status=wanted, department=department, limit=limit)
        if as_json:
            for task in tasks:
                typer.echo(json.dumps(task.as_dict(), ensure_ascii=False))
            return
        if not tasks:
            typer.echo("没有符合条件的任务")
            return
        for task in tasks:
            _, kind, admission, state = task.labels
            late = " 审查超期" if task.review_late else ""
            typer.echo(
                f"{task.ref}  {task.received_on:%Y-%m-%d}  {pad(task.department, 16)} {pad(kind, 12)} "
                f"{pad(admission, 10)} {pad(state, 10)}{late}  {task.title[:40]}"
            )
            typer.echo(f"    {task.item or '清单外'}：{task.reason}")


@app.command("apply")
def apply(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="编号", help="任务编号，如 RW-2026-00012"),
    on: str = typer.Option(None, "--on", metavar="日期", help="申请日期（默认今天）"),
    provided: str = typer.Option("", "--provided", metavar="文字", help="部门提供的工时、经费或人员"),
    note: str = typer.Option("", "--note", metavar="文字", help="申请说明"),
) -> None:
    """下派部门提交准入申请（清单外或在门口被拒收的任务），开始审查计时。"""
    with user_errors():
        from models.admission.procedure import apply as apply_for
        from models.core.vocabulary import Privilege
        from models.store.engine import session_scope

        day = parse_day(on, "--on")
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.TASK_APPLY)
        with session_scope(engine) as session:
            task = apply_for(session, actor, ref, applied_on=day, provided=provided, note=note)
            due, refno = task.decision_due_on, task.ref
        typer.echo(f"{refno} 已提交准入申请，应于 {due:%Y-%m-%d} 前作出决定" if due else f"{refno} 已提交准入申请")


@app.command("decide")
def decide(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="编号", help="任务编号，如 RW-2026-00012"),
    admit: bool = typer.Option(False, "--admit", help="准予准入"),
    refuse: bool = typer.Option(False, "--refuse", help="不予准入（拒收）"),
    reason: str = typer.Option(..., "--reason", metavar="理由", help="决定的理由（记入准入记录）"),
    until: str = typer.Option(None, "--until", metavar="日期", help="准入截止日期（到期自动停止）"),
    provided: str = typer.Option(None, "--provided", metavar="文字", help="部门提供的工时、经费或人员"),
) -> None:
    """对准入申请作出决定（督办负责人、管理员）；清单外任务在申请之前，社区和街道可直接拒收。"""
    with user_errors():
        from models.admission.procedure import decide as decide_on
        from models.core.errors import UserError
        from models.store.engine import session_scope

        if admit == refuse:
            raise UserError("请用 --admit 或 --refuse 之一说明决定")
        day = parse_day(until, "--until")
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine)
        with session_scope(engine) as session:
            task = decide_on(session, actor, ref, admit=admit, reason=reason, until=day, provided=provided)
            refno = task.ref
        typer.echo(f"{refno} {'已准予准入' if admit else '已拒收'}：{' '.join(reason.split())}")


@app.command("revoke")
def revoke(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="编号", help="任务编号"),
    reason: str = typer.Option(..., "--reason", metavar="理由", help="撤销的理由"),
) -> None:
    """撤销执行中任务的准入，任务随即停止（督办负责人、管理员）。"""
    with user_errors():
        from models.admission.procedure import revoke as revoke_task
        from models.core.vocabulary import Privilege
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.TASK_DECIDE)
        with session_scope(engine) as session:
            refno = revoke_task(session, actor, ref, reason=reason).ref
        typer.echo(f"{refno} 已撤销准入，任务停止")
