"""`xinsheng operators …`: accounts — who may use xinsheng, in which role, for which grid or unit.

All of it needs an administrator, except the way in on a database nobody can administer yet: the first
administrator, made here at the local terminal with a password typed twice (or piped with --password-stdin).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import typer

from commands.common import (
    display_width,
    engine_for,
    err,
    interactive,
    login_command,
    pad,
    read_secret,
    signed_in,
    state,
    user_errors,
)
from models.core.vocabulary import Role

if TYPE_CHECKING:
    from sqlmodel import Session

    from models.access.accounts import NewCredential
    from models.people.permissions import Actor

T = TypeVar("T")

app = typer.Typer(
    help="操作员（operators）：账户、角色、停用与启用、重置密码", no_args_is_help=True, rich_markup_mode=None
)

ROLE_HELP = "、".join(f"{role.value} {role.label}" for role in Role)
NAME = typer.Argument(..., metavar="姓名", help="操作员的姓名")


def _as_administrator(ctx: typer.Context, change: Callable[[Session, Actor, str], T]) -> T:
    """Run one account change in the domain as the signed-in administrator, from this terminal."""
    from models.access.where import here
    from models.core.vocabulary import Privilege
    from models.store.engine import run_unit

    engine = engine_for(ctx)
    actor = signed_in(ctx, engine, Privilege.ACCOUNTS)
    where = here()
    return run_unit(engine, lambda s: change(s, actor, where))


def _hand_over(new: NewCredential, done: str) -> None:
    """A one-time password is printed once, on standard output, with how to hand it over on standard error."""
    typer.echo(f"{done}，一次性密码：{new.one_time_password}")
    err("请当面或私下交给本人；首次登录时须改为自己的密码。此密码不会再次显示。")


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """列出在用的操作员、角色和负责的网格或单位（管理员）。"""
    with user_errors():
        from models.core.vocabulary import Privilege
        from models.people.permissions import list_operators
        from models.store.engine import session_scope

        engine = engine_for(ctx)
        signed_in(ctx, engine, Privilege.ACCOUNTS)
        with session_scope(engine) as session:
            operators = list_operators(session)
        name_width = max(display_width(name) for name in ["姓名", *(op.name for op in operators)]) + 2
        typer.echo(f"{pad('角色', 12)}{pad('姓名', name_width)}网格 / 社区 / 单位")
        for op in operators:
            typer.echo(f"{pad(op.role_label, 12)}{pad(op.name, name_width)}{op.place}")


@app.command("add")
def add(
    ctx: typer.Context,
    name: str = NAME,
    role: str = typer.Option(..., "--role", metavar="角色", help=ROLE_HELP),
    area: str = typer.Option(
        None, "--area", metavar="网格或社区", help="网格员的网格、社区工作者的社区；同名时写成 社区/网格"
    ),
    department: str = typer.Option(None, "--department", metavar="单位", help="部门承办人的单位"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="第一位管理员：从标准输入读密码（脚本用）"),
) -> None:
    """登记一位操作员，给出一次性密码（首次登录须修改）；库中还没有管理员时，在本机登记第一位管理员。"""
    with user_errors():
        from models.access.accounts import bootstrap_admin, bootstrap_open, create_account
        from models.access.where import here
        from models.core.errors import UserError
        from models.core.vocabulary import ROLE_LABELS, Role
        from models.store.engine import delete_sqlite_file, resolve_url, run_unit, sqlite_file

        target = resolve_url(state(ctx).db)
        new_file = (path := sqlite_file(target)) is not None and not path.exists()
        engine = engine_for(ctx, create=True)
        if run_unit(engine, bootstrap_open):
            try:
                if role not in (Role.ADMIN, ROLE_LABELS[Role.ADMIN]):
                    raise UserError("本数据库还没有可登录的管理员：请先登记管理员（--role admin）")
                password = _new_password(password_stdin)
                made = run_unit(engine, lambda s: bootstrap_admin(s, name, password, where=here()))
            except BaseException:
                if new_file:  # a refused first administrator leaves no empty database behind
                    engine.dispose()
                    delete_sqlite_file(target)
                raise
            typer.echo(f"已登记第一位管理员 {made}；请用 {login_command(ctx)} 登录")
            return
        if password_stdin:
            raise UserError("--password-stdin 只用于登记第一位管理员；其他账户由系统生成一次性密码")
        new = _as_administrator(
            ctx,
            lambda s, actor, where: create_account(s, actor, name, role, area=area, department=department, where=where),
        )
        _hand_over(new, f"已登记 {new.name}（{new.role_label}）")


def _new_password(password_stdin: bool) -> str:
    import sys

    from models.core.errors import UserError

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserError("--password-stdin：标准输入的第一行应为密码")
        return password
    if not interactive():
        raise UserError("没有终端可输入密码：请用 --password-stdin 从标准输入提供")
    err("密码至少 8 个字符，包含小写字母、大写字母、数字、其他符号中的至少 3 类，且不含姓名")
    password = read_secret("新管理员的密码：")
    if read_secret("再输入一次：") != password:
        raise UserError("两次输入的密码不一致")
    return password


@app.command("reset-password")
def reset_password(ctx: typer.Context, name: str = NAME) -> None:
    """重置密码：给出新的一次性密码，解除锁定，结束其命令行会话（管理员）。"""
    with user_errors():
        from models.access.accounts import reset_password as reset

        new = _as_administrator(ctx, lambda s, actor, where: reset(s, actor, name, where=where))
        _hand_over(new, f"已重置 {new.name} 的密码")


@app.command("role")
def role_(
    ctx: typer.Context,
    name: str = NAME,
    role: str = typer.Option(..., "--role", metavar="角色", help=ROLE_HELP),
    area: str = typer.Option(None, "--area", metavar="网格或社区", help="网格员的网格、社区工作者的社区"),
    department: str = typer.Option(None, "--department", metavar="单位", help="部门承办人的单位"),
) -> None:
    """变更角色（及所在网格、社区或单位）（管理员）。"""
    with user_errors():
        from models.access.accounts import set_role
        from models.core.vocabulary import ROLE_LABELS

        new_role = _as_administrator(
            ctx, lambda s, actor, where: set_role(s, actor, name, role, area=area, department=department, where=where)
        )
        typer.echo(f"{name.strip()} 的角色已改为 {ROLE_LABELS[new_role]}")


@app.command("disable")
def disable(ctx: typer.Context, name: str = NAME) -> None:
    """停用账户（离职、调岗）：不能再登录，过去的办理记录仍署其名（管理员）。"""
    _set_active(ctx, name, False)


@app.command("enable")
def enable(ctx: typer.Context, name: str = NAME) -> None:
    """重新启用账户（管理员）。"""
    _set_active(ctx, name, True)


def _set_active(ctx: typer.Context, name: str, active: bool) -> None:
    with user_errors():
        from models.access.accounts import set_active

        _as_administrator(ctx, lambda s, actor, where: set_active(s, actor, name, active, where=where))
        typer.echo(f"已{'启用' if active else '停用'} {name.strip()}")


@app.command("unlock")
def unlock(ctx: typer.Context, name: str = NAME) -> None:
    """解除因连续登录失败造成的锁定（管理员）。"""
    with user_errors():
        from models.access.accounts import unlock as unlock_account

        _as_administrator(ctx, lambda s, actor, where: unlock_account(s, actor, name, where=where))
        typer.echo(f"已解锁 {name.strip()}")


@app.command("two-factor-off")
def two_factor_off(ctx: typer.Context, name: str = NAME) -> None:
    """取消某人的两步验证（手机丢失时）；其下次登录若角色要求，须重新设置（管理员）。"""
    with user_errors():
        from models.access.two_factor import remove

        _as_administrator(ctx, lambda s, actor, where: remove(s, actor, name, where=where))
        typer.echo(f"已取消 {name.strip()} 的两步验证")
