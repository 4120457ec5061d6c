"""`xinsheng db …`: schema upgrades and backups."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from commands.common import database_file, engine_for, existing_url, signed_in, state, user_errors

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from models.store.consistency import Check

app = typer.Typer(help="数据库维护：升级、授权、查看版本、备份、检查", no_args_is_help=True, rich_markup_mode=None)


@app.command()
def upgrade(ctx: typer.Context) -> None:
    """把数据库升级到当前版本（启动时也会自动执行）。"""
    with user_errors():
        from models.store.engine import current_revision, make_engine, resolve_url, session_scope
        from models.store.engine import upgrade as run_upgrade
        from models.store.workdays import extend_calendar

        engine = make_engine(resolve_url(state(ctx).db))
        before = current_revision(engine)
        run_upgrade(engine)
        after = current_revision(engine)
        with session_scope(engine) as session:  # so that read-only reporting accounts never have to write it
            extend_calendar(session)
        engine.dispose()
        typer.echo(
            f"数据库版本：{before or '（空库）'} → {after}" if before != after else f"数据库已是最新版本 {after}"
        )


@app.command()
def grants(
    schema: str = typer.Option("xinsheng", "--schema", metavar="模式", help="xinsheng 的表所在的 PostgreSQL 模式"),
    app_role: str = typer.Option("xinsheng_app", "--app", metavar="账号", help="终端用的数据库账号"),
    admin_role: str = typer.Option("xinsheng_admin", "--admin", metavar="账号", help="管理员连接用的数据库账号"),
    read_role: str = typer.Option("xinsheng_read", "--read", metavar="账号", help="报表工具用的只读账号"),
) -> None:
    """打印 PostgreSQL 各数据库账号的授权 SQL（每次 db upgrade 后由属主执行，见 docs/deployment.md 第 4 节）。"""
    with user_errors():
        from models.store.roles import grant_script

        typer.echo(grant_script(schema, app=app_role, admin=admin_role, read=read_role), nl=False)


@app.command()
def current(ctx: typer.Context) -> None:
    """显示数据库的位置和版本。"""
    with user_errors():
        from models.store.engine import current_revision, make_engine
        from models.store.migrations import HEAD_REVISION

        engine = make_engine(existing_url(ctx))  # says what is there, migrating nothing: an empty database stays so
        typer.echo(f"数据库：{engine.url.render_as_string(hide_password=True)}")
        typer.echo(f"版本：{current_revision(engine) or '（空库）'}（程序版本 {HEAD_REVISION}）")
        engine.dispose()


@app.command()
def backup(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="文件", help="备份文件路径"),
    force: bool = typer.Option(False, "--force", help="备份文件已存在时覆盖它"),
) -> None:
    """在线备份 SQLite 数据库（PostgreSQL 请用 pg_dump）。"""
    with user_errors():
        from models.access.audit import record
        from models.core.vocabulary import AuditAction, Privilege
        from models.files.outputs import check_output_path, complete_or_absent
        from models.store.engine import backup_sqlite, run_unit, sqlite_file

        # before signing in and its audit row: a refused path costs no password and records nothing
        check_output_path(file, "备份文件", force=force, database=database_file(ctx))
        engine = _sqlite_engine(ctx, "PostgreSQL 请使用 pg_dump 备份，例如 pg_dump -Fc -f xinsheng.dump 数据库名")
        actor = signed_in(ctx, engine, Privilege.BACKUP)
        run_unit(engine, lambda s: record(s, actor, AuditAction.BACKUP, file=str(file.resolve())))  # in the backup, too
        database = sqlite_file(str(engine.url))
        # checked again; backup_sqlite creates the side file itself, 0600 and only if absent
        with complete_or_absent(file, "备份文件", force=force, database=database, precreate=False) as partial:
            backup_sqlite(engine, partial)
        typer.echo(f"已备份到 {file}")


@app.command()
def check(ctx: typer.Context) -> None:
    """检查数据库完整性，并核对诉求与办理记录是否一致（有问题时退出码为 1）。"""
    with user_errors():
        from models.core.vocabulary import Privilege
        from models.store.consistency import chain_heads, check_database

        engine = engine_for(ctx)
        signed_in(ctx, engine, Privilege.CHECK_DATABASE)
        passed = _report_checks(check_database(engine))
        typer.echo("\n".join(chain_heads(engine)))
        if not passed:
            raise typer.Exit(1)


@app.command()
def restore(
    ctx: typer.Context, file: Path = typer.Argument(..., metavar="文件", help="由 db backup 生成的备份文件")
) -> None:
    """用备份替换当前 SQLite 数据库，恢复后自动检查（PostgreSQL 请用 pg_restore）。"""
    with user_errors():
        from models.access.restore import restore_database
        from models.access.where import here
        from models.core.vocabulary import Privilege
        from models.store.consistency import chain_heads
        from models.store.engine import resolve_url

        engine = _sqlite_engine(
            ctx, "PostgreSQL 请使用 pg_restore 恢复，例如 pg_restore --clean -d 数据库名 xinsheng.dump"
        )
        actor = signed_in(ctx, engine, Privilege.RESTORE)
        restored = restore_database(resolve_url(state(ctx).db), file, actor, where=here())
        passed = sum(r.ok for r in restored.checks)
        typer.echo(
            f"已从 {file} 恢复；检查 {passed}/{len(restored.checks)} 项通过；备份之后的安全审计记录已保留，"
            "命令行登录已全部结束"
        )
        typer.echo("\n".join(chain_heads(restored.engine)))
        if not _report_checks([r for r in restored.checks if not r.ok]):
            typer.echo(f"恢复前的数据库保留在 {restored.kept}", err=True)
            raise typer.Exit(1)


def _sqlite_engine(ctx: typer.Context, postgres_way: str) -> Engine:
    """The database, if it is a SQLite file; on PostgreSQL the command is pg_dump's or pg_restore's, said once."""
    from models.core.errors import UserError

    engine = engine_for(ctx)
    if engine.dialect.name != "sqlite":
        raise UserError(postgres_way)
    return engine


def _report_checks(results: list[Check]) -> bool:
    """One line per check (with examples of what fails); whether all passed."""
    for result in results:
        problems = "" if result.ok else f"：{result.problems} 处，例如 {'、'.join(result.examples)}"
        typer.echo(f"{'✔' if result.ok else '✘'} {result.name}{problems}")
    return all(result.ok for result in results)
