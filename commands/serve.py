"""`xinsheng serve`: the same TUI in a browser, for colleagues without a terminal (textual-serve).

Each browser tab starts its own `xinsheng` process on the same database, opening on the operator chooser, so
every colleague signs in as themselves and roles apply exactly as at a terminal.
"""

from __future__ import annotations

import shlex
import sys

import typer

from commands.common import state, user_errors


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（默认只对本机开放；局域网共享用 0.0.0.0）"),
    port: int = typer.Option(8000, "--port", help="端口（1–65535）"),
    public_url: str = typer.Option(None, "--public-url", metavar="URL", help="经反向代理访问时浏览器看到的地址"),
) -> None:
    """在浏览器中提供同一个终端界面（textual-serve）。"""
    with user_errors():
        from models.core.config import cache_dir
        from models.core.errors import UserError
        from models.store.engine import open_engine, resolve_url

        if not 1 <= port <= 65535:
            raise UserError(f"--port 应在 1 到 65535 之间，收到 {port}")

        target = resolve_url(state(ctx).db)
        # a wrong --db fails here, in one line, not in every browser tab (and, as for the TUI, never starts an empty
        # server database)
        open_engine(target, create=False).dispose()
        command = shlex.join([sys.executable, "-m", "commands.main", "--db", str(target)])
        from textual_serve.server import Server

        from tui.web_page import offline_templates

        pages = offline_templates(cache_dir() / "serve-pages")
        typer.echo(f"心声 xinsheng 已在 http://{host}:{port} 提供服务（Ctrl+C 停止）", err=True)
        Server(
            command, host=host, port=port, title="心声 xinsheng", public_url=public_url, templates_path=pages
        ).serve()
