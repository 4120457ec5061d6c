"""`xinsheng login`, `logout` and `passwd`: the command line signs in like the TUI, once per database."""

from __future__ import annotations

import sys

import typer

from commands.common import (
    engine_for,
    err,
    interactive,
    login_command,
    prompt_sign_in,
    read_secret,
    signed_in,
    state,
    user_errors,
)


def _stdin_lines(password_stdin: bool) -> list[str] | None:
    """`--password-stdin`: the secrets a script pipes in, one per line (never as arguments: those end up in the
    shell history and in every `ps` listing)."""
    from models.core.errors import UserError

    if not password_stdin:
        if not interactive():
            raise UserError("没有终端可输入密码：请用 --password-stdin 从标准输入提供")
        return None
    lines = [line.rstrip("\r\n") for line in sys.stdin.read().splitlines()]
    if not lines or not lines[0]:
        raise UserError("--password-stdin：标准输入的第一行应为密码")
    return lines


def login(
    ctx: typer.Context,
    operator: str = typer.Option(None, "--operator", metavar="姓名", help="登录的操作员（不给则询问）"),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="从标准输入读密码（之后一行：动态码，或一次性密码须换的新密码）"
    ),
) -> None:
    """登录本数据库：之后的命令以您的身份执行，闲置 8 小时（设置项）后失效。"""
    with user_errors():
        from models.access.cli_sessions import end, open_session
        from models.access.token_file import keep_token, kept_token
        from models.access.where import here
        from models.store.engine import run_unit

        if operator:
            state(ctx).operator = operator
        engine = engine_for(ctx)
        actor = prompt_sign_in(ctx, engine, stdin_lines=_stdin_lines(password_stdin))
        place = here()
        url = engine.url.render_as_string(hide_password=False)
        earlier = kept_token(url)
        if earlier is not None:  # whoever signed in here before is signed out, not left running in the background
            run_unit(engine, lambda s: end(s, earlier, where=place))
        token = run_unit(engine, lambda s: open_session(s, actor, place=place))
        keep_token(url, token)
        typer.echo(f"已登录：{actor.name}（{actor.role_label}{'，' + actor.place if actor.place else ''}）")


def logout(ctx: typer.Context) -> None:
    """退出登录（结束本数据库的命令行会话）。"""
    with user_errors():
        from models.access.cli_sessions import end
        from models.access.token_file import forget_token
        from models.access.where import here
        from models.store.engine import run_unit

        engine = engine_for(ctx)
        token = forget_token(engine.url.render_as_string(hide_password=False))
        name = run_unit(engine, lambda s: end(s, token, where=here())) if token else None
        typer.echo(f"已退出登录：{name}" if name else "本数据库没有登录中的会话")


def passwd(
    ctx: typer.Context,
    password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读：当前密码、新密码，各一行"),
) -> None:
    """修改自己的密码。"""
    with user_errors():
        from models.access.accounts import change_password
        from models.access.token_file import forget_token
        from models.access.where import here
        from models.core.errors import UserError
        from models.store.engine import run_unit

        engine = engine_for(ctx)
        actor = signed_in(ctx, engine)
        lines = _stdin_lines(password_stdin)
        if lines is not None:
            if len(lines) < 2:
                raise UserError("--password-stdin：标准输入应有两行：当前密码、新密码")
            old, new = lines[0], lines[1]
        else:
            old = read_secret("当前密码：")
            new = read_secret("新密码：")
            if read_secret("再输入一次：") != new:
                raise UserError("两次输入的新密码不一致")
        run_unit(engine, lambda s: change_password(s, actor, old, new, where=here()))
        forget_token(engine.url.render_as_string(hide_password=False))
        err(f"密码已修改；本账户的命令行登录已全部结束，请重新登录：{login_command(ctx)}")
