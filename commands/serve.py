"""`xinsheng serve`: the same TUI in a browser, for colleagues without a terminal (textual-serve).

Each browser tab starts its own `xinsheng` process on the same database, opening on the sign-in screen, so
every colleague signs in as themselves and roles apply exactly as at a terminal. The server (tui.web_page's
GuardedServer) accepts only its own page's WebSocket, runs at most --max-sessions processes at once, and serves
a non-loopback address only over TLS (--certfile/--keyfile) or when told --insecure-http.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import typer

from commands import startup
from commands.common import err, existing_url, user_errors


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（默认只对本机开放；局域网共享用 0.0.0.0，需 TLS）"),
    port: int = typer.Option(8000, "--port", help="端口（1–65535）"),
    public_url: str = typer.Option(None, "--public-url", metavar="URL", help="经反向代理访问时浏览器看到的地址"),
    max_sessions: int = typer.Option(
        20, "--max-sessions", metavar="N", help="同时在线的浏览器会话上限（每个约 170 MB 内存）"
    ),
    certfile: Path = typer.Option(None, "--certfile", metavar="PEM", help="TLS 证书（PEM，含中间证书），启用 https"),
    keyfile: Path = typer.Option(None, "--keyfile", metavar="PEM", help="TLS 私钥（PEM，不加口令）"),
    insecure_http: bool = typer.Option(
        False, "--insecure-http", help="非本机地址也用明文 http（只在可信内网或 TLS 反向代理之后）"
    ),
) -> None:
    """在浏览器中提供同一个终端界面（textual-serve）。"""
    with user_errors():
        from models.core.config import cache_dir
        from models.core.errors import UserError
        from models.store.engine import open_engine

        if not 1 <= port <= 65535:
            raise UserError(f"--port 应在 1 到 65535 之间，收到 {port}")
        if max_sessions < 1:
            raise UserError(f"--max-sessions 应不小于 1，收到 {max_sessions}")
        if (certfile is None) != (keyfile is None):
            raise UserError("--certfile 与 --keyfile 须同时给出")

        from tui.web_page import GuardedServer, is_loopback, offline_templates, tls_context

        if certfile is None and not is_loopback(host) and not insecure_http:
            raise UserError(
                f"--host {host} 不只对本机开放：请用 --certfile 与 --keyfile 启用 TLS，"
                "或在可信内网、TLS 反向代理之后明确加 --insecure-http"
            )
        ssl_context = tls_context(certfile, keyfile) if certfile is not None and keyfile is not None else None

        # a wrong --db fails here, in one line, not in every browser tab (and, as for the TUI, never starts an empty
        # server database, nor an empty SQLite file that nobody could sign in to)
        target = existing_url(ctx)
        open_engine(target, create=False).dispose()
        startup.release()  # a server runs for days: it collects as usual (commands/startup.py)
        from models.core.config import export_database

        export_database(str(target))  # not as --db: a password in the URL would show in `ps` and in the log
        command = shlex.join([sys.executable, "-m", "commands.main"])

        if ssl_context is None and not is_loopback(host):
            err(f"警告：--insecure-http：{host} 上的浏览器会话不加密，口令与居民信息以明文经过网络")
        pages = offline_templates(cache_dir() / "serve-pages")
        scheme = "https" if ssl_context else "http"
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"心声 xinsheng 已在 {scheme}://{shown}:{port} 提供服务（Ctrl+C 停止）", err=True)
        GuardedServer(
            command,
            host=host,
            port=port,
            title="心声 xinsheng",
            public_url=public_url,
            templates_path=pages,
            max_sessions=max_sessions,
            ssl_context=ssl_context,
        ).serve()
