"""`xinsheng operators …`: who may use the terminal, in which role, for which grid or unit."""

from __future__ import annotations

import typer

from commands.common import display_width, engine_for, pad, user_errors

app = typer.Typer(help="操作员（operators）：登记和列出操作员及其角色", no_args_is_help=True, rich_markup_mode=None)


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """列出已登记的操作员、角色和负责的网格或单位。"""
    with user_errors():
        from models.people.permissions import list_operators
        from models.store.engine import session_scope

        with session_scope(engine_for(ctx)) as session:
            operators = list_operators(session)
        if not operators:
            typer.echo("还没有登记操作员；用 xinsheng operators add 姓名 --role admin 登记第一位管理员")
            return
        name_width = max(display_width(name) for name in ["姓名", *(op.name for op in operators)]) + 2
        typer.echo(f"{pad('角色', 12)}{pad('姓名', name_width)}网格 / 社区 / 单位")
        for op in operators:
            typer.echo(f"{pad(op.role_label, 12)}{pad(op.name, name_width)}{op.place}")


@app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="姓名"),
    role: str = typer.Option(
        ..., "--role", metavar="角色", help="grid_worker 网格员、community 社区、department 部门、supervisor、admin"
    ),
    area: str = typer.Option(
        None, "--area", metavar="网格或社区", help="网格员的网格、社区工作者的社区；同名时写成 社区/网格"
    ),
    department: str = typer.Option(None, "--department", metavar="单位", help="部门承办人的单位"),
) -> None:
    """登记一位操作员。"""
    with user_errors():
        from models.core.vocabulary import ROLE_LABELS
        from models.people.permissions import add_operator
        from models.store.engine import session_scope

        with session_scope(engine_for(ctx, create=True)) as session:
            registered = add_operator(session, name, role, area=area, department=department).role
        typer.echo(f"已登记 {name.strip()}（{ROLE_LABELS[registered]}）")
