"""`xinsheng privacy …`: a resident's copy of their data, their erasure, and the retention purge (administrators)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from commands.common import database_file, engine_for, err, interactive, signed_in, user_errors

app = typer.Typer(
    help="居民个人信息（privacy）：为居民导出其诉求和立法意见、按要求删除、删除超过保存期限的个人信息（管理员）",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("export")
def export(
    ctx: typer.Context,
    phone: str = typer.Option(None, "--phone", metavar="电话", help="居民的电话（任何写法：空格、横线、+86 均可）"),
    name: str = typer.Option(None, "--name", metavar="姓名", help="居民登记的姓名（须完全一致）"),
    fmt: str = typer.Option(
        "json", "--format", "-f", metavar="json|csv", help="json 含办理经过；csv 每条诉求、每条立法意见一行"
    ),
    output: Path = typer.Option(None, "--output", "-o", metavar="文件", help="输出文件（不给则写到标准输出）"),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖它"),
) -> None:
    """为居民导出其全部诉求、办理经过和立法意见（不脱敏；导出前记入审计日志）。"""
    with user_errors():
        from models.core.errors import UserError
        from models.core.vocabulary import Privilege
        from models.files.outputs import check_output_path, complete_or_absent
        from models.privacy.copies import render_copy, resident_copy
        from models.store.engine import session_scope

        if fmt not in ("json", "csv"):
            raise UserError(f"--format 应为 json 或 csv，收到 “{fmt}”")
        if output is not None:  # before signing in: a refused path costs no password
            check_output_path(output, force=force, database=database_file(ctx))
        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.RESIDENT_DATA)
        with session_scope(engine) as session:
            text = render_copy(resident_copy(session, actor, phone=phone, name=name), fmt)
        if output is None:
            sys.stdout.write(text)
            return
        with complete_or_absent(output, force=force, database=database_file(ctx)) as partial:
            partial.write_text(text, encoding="utf-8")
        err(f"已导出到 {output}（含居民个人信息，已记入审计日志）")


@app.command("erase")
def erase(
    ctx: typer.Context,
    phone: str = typer.Option(..., "--phone", metavar="电话", help="要删除的居民的电话（任何写法）"),
    yes: bool = typer.Option(False, "--yes", help="不再确认（脚本用）"),
) -> None:
    """按居民要求删除其个人信息：所有带这个电话的诉求和立法意见里的姓名和电话（含标题、内容中的）；诉求、意见和统计数字不变。"""
    with user_errors():
        from models.core.errors import UserError
        from models.core.text import mask_phone
        from models.core.vocabulary import Privilege
        from models.privacy.residents import erase_resident, find_opinions, find_requests
        from models.store.engine import run_unit

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.RESIDENT_DATA)
        if not yes:
            requests, opinions = run_unit(
                engine, lambda s: (len(find_requests(s, phone=phone)), len(find_opinions(s, phone=phone)))
            )
            count = requests + opinions
            also = f"和 {opinions} 条立法意见" if opinions else ""
            question = f"删除 {mask_phone(phone)} 在 {requests} 条诉求{also}中的个人信息？不可撤销"
            if count and interactive():
                if not typer.confirm(question, default=False):
                    raise UserError("已取消，未做任何更改")
            elif count:
                raise UserError("不在终端上运行：确认删除请加 --yes")
        erased = run_unit(engine, lambda s: erase_resident(s, actor, phone))
        also = f"和 {erased.opinions} 条立法意见" if erased.opinions else ""
        typer.echo(
            f"已删除 {mask_phone(phone)} 在 {erased.requests} 条诉求{also}中的个人信息；"
            "诉求和统计数字不变，已记入审计日志"
        )


@app.command("purge")
def purge(
    ctx: typer.Context,
    older_than: str = typer.Option(
        None, "--older-than", metavar="期限", help="如 3y、36m、1095d（默认：安全设置中的保存年限）"
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="只统计，不删除"),
) -> None:
    """删除已办完且超过保存期限的诉求、已结束征求意见的立法意见中的个人信息；诉求、意见和统计数字不变。"""
    with user_errors():
        from models.core.vocabulary import Privilege
        from models.privacy.retention import purge_expired
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine, Privilege.RESIDENT_DATA)
        with session_scope(engine) as session:
            done = purge_expired(session, actor, older_than, dry_run=dry_run)
        when = f"{done.cutoff:%Y-%m-%d} 之前办完（保存期限 {done.age}）"
        also = f"、{done.opinions} 条立法意见" if done.opinions else ""
        if dry_run:
            typer.echo(f"（试运行，未删除）{when}的诉求中有 {done.requests} 条{also}含居民个人信息")
        else:
            typer.echo(f"已删除{when}的 {done.requests} 条诉求{also}中的居民个人信息，已记入审计日志")
