"""The web side of `xinsheng serve`: the page it hands to browsers, and the server that guards the sessions.

The page. textual-serve's page links a stylesheet on fonts.googleapis.com. In mainland China that address is often
blocked, and a blocked stylesheet in the page head holds the whole page until the browser gives up on it. The page is
taken from the installed textual-serve at run time, with that one link removed (the terminal keeps its own fonts),
and with a few lines of script that show the server's reason when it turns a session away (同时在线已满).

The server. textual-serve's `Server` starts one `xinsheng` process (about 170 MB) for every WebSocket that reaches
it, from any web page. `GuardedServer` keeps its page, routes and message pump, and adds, before a process starts:
- the Origin check: the WebSocket must come from this server's own page (the Origin header's scheme://host:port
  equals the address the request came to, or --public-url). Anything else, or no Origin, is HTTP 403 and one line on
  stderr. On a loopback address the Host header must also be a loopback name or --public-url's host, so that a
  hostile name pointed at 127.0.0.1 (DNS rebinding) does not pass as "the same site";
- a cap on concurrent sessions: beyond it the page (HTTP 503) and the WebSocket (closed with code 1013 and the
  reason) say, in Chinese, that the server is busy;
- TLS, when given an ssl.SSLContext;
- the browser's address, handed to its process in XINSHENG_REMOTE_ADDR (read by `Config.remote_address`).
The page's own URLs (static files, the WebSocket) follow the address the browser used, or --public-url, so that a
server on 0.0.0.0 does not send browsers to ws://0.0.0.0.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import signal
import ssl
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, log, to_int

from models.core.errors import UserError
from models.core.text import one_line

_GOOGLE_FONTS = re.compile(r"<link\b[^>]*fonts\.googleapis\.com[^>]*>\s*", re.S)
_TEXTUAL_JS = re.compile(r"(?=<script\b[^>]*js/textual\.js)")
# textual.js shows "Session ended." when its WebSocket closes; this shows the close reason instead, when there is
# one (a session turned away because the server is full)
_CLOSE_REASON_SCRIPT = """<script>
      (function () {
        const Native = window.WebSocket;
        function Reporting(url, protocols) {
          const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
          socket.addEventListener("close", function (event) {
            const message = document.querySelector(".closed-dialog .message");
            if (event.reason && message) message.textContent = event.reason;
          });
          return socket;
        }
        Reporting.prototype = Native.prototype;
        Object.assign(Reporting, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
        window.WebSocket = Reporting;
      })();
    </script>
    """
TRY_AGAIN_LATER = 1013  # the WebSocket close code for "server overloaded, try again later" (RFC 6455 registry)


def offline_templates(folder: Path) -> Path:
    """A templates folder for textual-serve's Server: its own templates, minus external font links, plus the
    close-reason script."""
    import textual_serve

    from models.core.private import private_dir, write_private_text

    source = Path(textual_serve.__file__).parent / "templates"
    private_dir(folder)  # 0700, its pages 0600, like everything xinsheng writes (models/core/private.py)
    for template in source.glob("*.html"):
        page = _GOOGLE_FONTS.sub("", template.read_text(encoding="utf-8"))
        page = _TEXTUAL_JS.sub(lambda _: _CLOSE_REASON_SCRIPT, page, count=1)
        write_private_text(folder / template.name, page)
    return folder


def is_loopback(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1: an address only this machine can reach."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def tls_context(certfile: Path, keyfile: Path) -> ssl.SSLContext:
    """A server TLS context from PEM files; an unreadable file, a bad certificate, a key that does not match it or
    a key with a passphrase (which would stop the server at a prompt) is a UserError in one line."""
    asked_for_passphrase = False

    def no_passphrase() -> str:
        nonlocal asked_for_passphrase
        asked_for_passphrase = True
        return ""

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(certfile, keyfile, password=no_passphrase)
    except OSError as exc:  # ssl.SSLError is an OSError too
        if asked_for_passphrase:
            reason = "私钥有口令保护，请提供不加口令的私钥文件（权限 0600）"
        elif isinstance(exc, ssl.SSLError):
            reason = f"证书或私钥无效或不匹配（{exc.reason or exc}）"
        else:
            reason = f"{exc.strerror or exc}：{exc.filename or certfile}"
        raise UserError(f"无法使用 --certfile {certfile} 与 --keyfile {keyfile}：{reason}") from None
    return context


def busy_message(max_sessions: int) -> str:
    return f"同时在线已满（{max_sessions} 个），请稍后再试"


def _origin(url: str) -> tuple[str, str, int] | None:
    """scheme, host and port of an http(s) URL (default port filled in), or None for anything else."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        return None
    return scheme, parts.hostname.lower(), port


class BrowserSession(AppService):
    """One browser tab's `xinsheng` process, told in XINSHENG_REMOTE_ADDR where the tab connected from (sign-in
    audit rows record it)."""

    def __init__(self, command: str, remote_address: str | None, **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.remote_address = remote_address

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.pop("XINSHENG_REMOTE_ADDR", None)  # never the server's own, inherited value
        if self.remote_address:
            environment["XINSHENG_REMOTE_ADDR"] = self.remote_address
        return environment


class GuardedServer(Server):
    """textual-serve's Server with the Origin check, the session cap, TLS and the remote address (module docstring).

    `public_url` is --public-url as given (None: the page's URLs follow the address each browser used)."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        public_url: str | None,
        templates_path: Path,
        max_sessions: int,
        ssl_context: ssl.SSLContext | None,
    ) -> None:
        scheme = "https" if ssl_context else "http"
        shown_host = f"[{host}]" if ":" in host else host
        super().__init__(
            command,
            host=host,
            port=port,
            title=title,
            public_url=public_url or f"{scheme}://{shown_host}:{port}",
            templates_path=templates_path,
        )
        self.fixed_public_url = public_url.rstrip("/") if public_url else None
        self.max_sessions = max_sessions
        self.ssl_context = ssl_context
        self.sessions = 0  # WebSockets with a process behind them, right now

    def serve(self, debug: bool = False) -> None:
        """Textual-serve's serve(), with TLS when there is a context."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        try:
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        except NotImplementedError:  # Windows
            pass
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            ssl_context=self.ssl_context,
            handle_signals=False,
            loop=loop,
            print=lambda *args: None,
        )

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The terminal page, with URLs on the address the browser used; a busy page (503) when the server is full."""
        if self.sessions >= self.max_sessions:
            return web.Response(
                status=503,
                text=_BUSY_PAGE.format(message=busy_message(self.max_sessions)),
                content_type="text/html",
                headers={"Retry-After": "60"},
            )
        base = self.fixed_public_url or f"{request.scheme}://{request.host}"
        socket_scheme = "wss" if base.startswith("https") else "ws"
        router = request.app.router
        static = f"{base}{router['static'].url_for(filename='/')}".rstrip("/") + "/"
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{socket_scheme}:{base.split(':', 1)[1]}{router['websocket'].url_for()}",
            "config": {"static": {"url": static}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    def refusal(self, request: web.Request) -> str | None:
        """Why this WebSocket may not start a session (None: it may): no Origin, an Origin that is not this
        server's own page, or, on a loopback address, a Host that is not this machine or --public-url."""
        origin = request.headers.get("Origin")
        if not origin:
            return "请求没有 Origin"
        allowed = {_origin(f"{request.scheme}://{request.host}")}
        if self.fixed_public_url:
            allowed.add(_origin(self.fixed_public_url))
        if _origin(origin) not in allowed - {None}:
            return f"来源 “{origin[:100]}” 不是本站页面"
        host = urlsplit(f"//{request.host}").hostname or ""
        public_host = urlsplit(self.fixed_public_url or "").hostname
        if is_loopback(self.host) and not is_loopback(host) and host != public_host:
            return f"地址 “{request.host[:100]}” 不是本机"
        return None

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Refuse a foreign page (403) and turn a connection beyond the cap away (close 1013, with the reason)
        before any process starts; otherwise run the session as textual-serve does, counted."""
        who = request.remote or "?"
        reason = self.refusal(request)
        if reason is not None:
            say(f"xinsheng serve：已拒绝来自 {who} 的 WebSocket：{reason}")
            raise web.HTTPForbidden(text="来源不符，已拒绝。请从本站页面打开。")
        if self.sessions >= self.max_sessions:
            say(f"xinsheng serve：同时在线已满（{self.max_sessions} 个），已婉拒来自 {who} 的新连接")
            websocket = web.WebSocketResponse()
            await websocket.prepare(request)
            await websocket.close(code=TRY_AGAIN_LATER, message=busy_message(self.max_sessions).encode())
            return websocket
        self.sessions += 1  # no await since the check: two connections cannot both take the last place
        try:
            return await self._run_session(request)
        finally:
            self.sessions -= 1

    async def _run_session(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve 1.1's handle_websocket, with a BrowserSession in place of its AppService."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        session: BrowserSession | None = None
        try:
            await websocket.prepare(request)
            session = BrowserSession(
                self.command,
                request.remote,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await session.start(width, height)
            await self._process_messages(websocket, session)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if session is not None:
                await session.stop()
        return websocket


def say(line: str) -> None:
    """One line on the server's stderr (never the terminal's control characters an Origin header may carry)."""
    sys.stderr.write(one_line(line) + "\n")
    sys.stderr.flush()


_BUSY_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
  <head><meta charset="utf-8"><title>心声 xinsheng</title></head>
  <body style="background:#0c181f;color:#eee;font-family:sans-serif;display:flex;align-items:center;
               justify-content:center;height:90vh">
    <div style="text-align:center">
      <p style="font-size:20px">{message}</p>
      <button type="button" onclick="location.reload()">重试</button>
    </div>
  </body>
</html>
"""
