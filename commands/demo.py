"""`xinsheng demo`: build the deterministic demo database."""

from __future__ import annotations

import typer

from commands import startup
from commands.common import err, state, user_errors
from models.core.errors import EXIT_BAD_INPUT


def demo(
    ctx: typer.Context,
    db: str = typer.Option(
        None, "--db", metavar="路径|URL", help="演示数据库路径或 URL（默认用户数据目录下的 demo.db）"
    ),
    requests: int = typer.Option(2400, "--requests", min=0, max=1_000_000, metavar="N", help="生成的诉求数量"),
    force: bool = typer.Option(False, "--force", help="数据库已有数据时清空后重建"),
    seed: int = typer.Option(2026, "--seed", metavar="N", help="随机种子（相同种子生成相同数据）"),
) -> None:
    """生成演示数据：一个街道的社区、网格、部门、事项清单，一年的诉求和下派任务，三次立法征求意见；同一种子结果相同。"""
    with user_errors():
        from models.demo.builder import (
            DEMO_PASSWORD,
            DemoNotEmptyError,
            build_demo,
            build_demo_file,
            check_replaceable,
        )
        from models.store.engine import delete_sqlite_file, demo_db_path, open_engine, resolve_url, sqlite_file

        target = db or state(ctx).db or str(demo_db_path())
        if force:
            check_replaceable(target)
        path = sqlite_file(resolve_url(target))
        startup.release()  # a long build collects as usual (commands/startup.py)
        try:
            if path is not None:  # a file is built beside its place and renamed into it only when whole
                summary = build_demo_file(path, requests=requests, seed=seed, progress=lambda m: err(m), replace=force)
            else:
                if force:
                    delete_sqlite_file(target)  # refuses a server: it is emptied by its administrator
                summary = build_demo(open_engine(target), requests=requests, seed=seed, progress=lambda m: err(m))
        except DemoNotEmptyError as exc:
            check_replaceable(target)  # a real database: the refusal says so, and --force is not suggested
            err(f"错误：{exc}（这是演示数据库：加 --force 清空后重建）")
            raise typer.Exit(EXIT_BAD_INPUT) from None
        typer.echo(
            f"演示数据已生成：{target}\n"
            f"  {summary.communities} 个社区、{summary.grids} 个网格、{summary.departments} 个部门、"
            f"{summary.items} 个清单事项、{summary.operators} 名工作人员、{summary.requests} 条诉求、"
            f"{summary.events} 条办理记录、{summary.tasks} 件部门下派任务、"
            f"{summary.consultations} 次立法征求意见（{summary.opinions} 条意见）\n"
            f"  这是培训数据库：所有演示操作员的密码都是 {DEMO_PASSWORD}（如 系统管理员、各网格员）"
        )
