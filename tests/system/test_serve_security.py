"""`xinsheng serve` on the network: the real server as a subprocess, driven with aiohttp.

A WebSocket from another page (a forged Origin, none, a hostile name pointed at 127.0.0.1) is refused with 403
before any process starts; the page's own is accepted and its process is told the browser's address; a connection
beyond --max-sessions is turned away in Chinese; a non-loopback address needs TLS or --insecure-http; TLS serves the
page over https and the WebSocket over wss; bad options stop the command with one line and exit code 2.
Sessions are counted as the server's descendant processes running `commands.main` (Linux /proc)."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

from models.core.config import Config
from models.files.catalog_import import import_catalog
from models.people.permissions import add_operator
from models.store.engine import open_engine, session_scope

ROOT = Path(__file__).resolve().parents[2]
BUSY_1 = "同时在线已满（1 个），请稍后再试"

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="counts session processes in /proc")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _until(condition: Callable[[], object], what: str, timeout: float = 60) -> None:
    """Poll a condition (the bound is for a loaded machine; a passing wait returns as soon as it holds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _sessions(pid: int) -> list[int]:
    """The `python -m commands.main` processes below the server (not the shell textual-serve starts them with)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        todo.extend(children.get(child, []))
        try:
            argv = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"commands.main" in argv:
            found.append(child)
    return found


def _environment(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().decode("utf-8", "replace")
    return dict(item.split("=", 1) for item in raw.split("\0") if "=" in item)


@pytest.fixture
def db(tmp_path: Path, catalog_csv: Path) -> Path:
    path = tmp_path / "serve.db"
    engine = open_engine(path)
    with session_scope(engine) as s:
        import_catalog(s, catalog_csv)
        add_operator(s, "浏览器管理员", "admin")
    engine.dispose()
    return path


def _command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "commands.main", "--db", str(db), "serve", *args]


def _environ(tmp_path: Path) -> dict[str, str]:
    # a cache of its own (the page templates are written there) and an inherited address the sessions must not keep
    return {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "XINSHENG_REMOTE_ADDR": "203.0.113.9"}


@dataclass
class Running:
    process: subprocess.Popen[str]
    port: int
    lines: list[str] = field(default_factory=list)  # the server's stderr, line by line

    def line(self, text: str) -> str:
        _until(lambda: any(text in line for line in self.lines), f"a stderr line with {text!r}: {self.lines}")
        return next(line for line in self.lines if text in line)

    def sessions(self) -> list[int]:
        return _sessions(self.process.pid)


@contextmanager
def _serve(db: Path, tmp_path: Path, *args: str) -> Iterator[Running]:
    port = _free_port()
    with (tmp_path / f"stdout-{port}.txt").open("w") as stdout:
        process = subprocess.Popen(
            _command(db, "--port", str(port), *args),
            cwd=ROOT,
            env=_environ(tmp_path),
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
        )
    running = Running(process, port)
    assert process.stderr is not None
    stderr = process.stderr
    reader = threading.Thread(target=lambda: running.lines.extend(iter(stderr.readline, "")), daemon=True)
    reader.start()

    def answers() -> bool:
        assert process.poll() is None, f"xinsheng serve exited early: {running.lines}"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    try:
        _until(answers, "the port to answer", timeout=120)
        yield running
    finally:
        left = running.sessions()
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for pid in left:  # sessions of this test's server only, should the server not have ended them
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


async def _status(
    url: str, *, origin: str | None, host: str | None = None, ssl_context: ssl.SSLContext | None = None
) -> int:
    """The status a WebSocket upgrade gets (101: accepted), the socket closed again at once."""
    headers = {"Host": host} if host else {}
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(url, origin=origin, headers=headers, ssl=ssl_context or True):
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


def test_a_websocket_from_another_page_is_refused_before_any_process_starts(db: Path, tmp_path: Path) -> None:
    with _serve(db, tmp_path) as server:
        url = f"http://127.0.0.1:{server.port}/ws"
        forged = [
            ("http://evil.example", None),  # a page elsewhere
            (None, None),  # no Origin at all (a browser always sends one)
            (f"https://127.0.0.1:{server.port}", None),  # right host, wrong scheme
            (f"http://127.0.0.1:{server.port + 1}", None),  # right host, wrong port
            (f"http://evil.example:{server.port}", f"evil.example:{server.port}"),  # DNS rebinding to 127.0.0.1
        ]
        for origin, host in forged:
            assert asyncio.run(_status(url, origin=origin, host=host)) == 403, (origin, host)
        _until(lambda: sum("已拒绝来自 127.0.0.1" in line for line in server.lines) == len(forged), "five refusals")
        refusals = [line for line in server.lines if "已拒绝" in line]
        assert "evil.example" in refusals[0] and "没有 Origin" in refusals[1], refusals
        assert server.sessions() == []
        assert server.process.poll() is None


def test_the_pages_own_websocket_is_accepted_and_its_process_knows_the_browser_address(
    db: Path, tmp_path: Path
) -> None:
    with _serve(db, tmp_path) as server:

        async def scenario() -> None:
            async with (
                aiohttp.ClientSession() as client,
                client.ws_connect(
                    f"http://127.0.0.1:{server.port}/ws?width=100&height=30", origin=f"http://127.0.0.1:{server.port}"
                ),
            ):
                seen: list[dict[str, str]] = []

                def session_environment() -> bool:
                    # read in the same poll that finds the process: on a loaded machine the shell textual-serve
                    # starts may still be turning into python between two looks
                    for pid in server.sessions():
                        try:
                            seen.append(_environment(pid))
                            return True
                        except OSError:
                            continue
                    return False

                await asyncio.to_thread(_until, session_environment, "the session's process")
                environment = seen[0]
                assert environment["XINSHENG_REMOTE_ADDR"] == "127.0.0.1"  # not the server's inherited value
                assert Config(environment).remote_address == "127.0.0.1"

        asyncio.run(scenario())
        _until(lambda: server.sessions() == [], "the session's process to end when the tab closes")


def test_a_connection_beyond_max_sessions_is_turned_away_in_chinese(db: Path, tmp_path: Path) -> None:
    with _serve(db, tmp_path, "--max-sessions", "1") as server:
        base = f"http://127.0.0.1:{server.port}"

        async def scenario() -> None:
            async with aiohttp.ClientSession() as client:
                async with client.ws_connect(f"{base}/ws", origin=base) as first:
                    await asyncio.to_thread(_until, lambda: len(server.sessions()) == 1, "the first session")
                    async with client.ws_connect(f"{base}/ws", origin=base) as second:
                        closing = await second.receive(timeout=30)
                        assert closing.type == aiohttp.WSMsgType.CLOSE
                        assert (closing.data, closing.extra) == (1013, BUSY_1)
                    async with client.get(f"{base}/") as page:  # a new tab gets the busy page, not the terminal
                        assert page.status == 503 and BUSY_1 in await page.text()
                    assert len(server.sessions()) == 1
                    assert not first.closed
                assert "同时在线已满（1 个）" in server.line("已婉拒来自 127.0.0.1")

                async def page_status() -> int:
                    async with client.get(f"{base}/") as page:
                        return page.status

                deadline = time.monotonic() + 60
                while await page_status() != 200:  # the place is free again once the first session has ended
                    assert time.monotonic() < deadline, "the first session never freed its place"
                    await asyncio.sleep(0.1)
                async with client.ws_connect(f"{base}/ws", origin=base) as third:
                    await asyncio.to_thread(_until, lambda: len(server.sessions()) == 1, "the third session")
                    assert not third.closed

        asyncio.run(scenario())


def test_a_non_loopback_address_needs_tls_or_insecure_http(db: Path, tmp_path: Path) -> None:
    refused = subprocess.run(
        _command(db, "--host", "0.0.0.0", "--port", str(_free_port())),
        cwd=ROOT,
        env=_environ(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 2, refused.stderr
    assert refused.stderr.count("\n") == 1 and "--insecure-http" in refused.stderr and "--certfile" in refused.stderr
    with _serve(db, tmp_path, "--host", "0.0.0.0", "--insecure-http") as server:
        assert "明文" in server.line("警告：--insecure-http")
        assert asyncio.run(_status(f"http://127.0.0.1:{server.port}/ws", origin="http://evil.example")) == 403


def _self_signed(folder: Path) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("needs openssl (or the cryptography package) to make a throw-away certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return cert, key


def test_tls_serves_the_page_over_https_and_the_websocket_over_wss(db: Path, tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    trusted = ssl.create_default_context(cafile=str(cert))
    with _serve(db, tmp_path, "--certfile", str(cert), "--keyfile", str(key)) as server:
        base = f"https://127.0.0.1:{server.port}"
        assert f"{base} 提供服务" in server.line("已在")

        async def scenario() -> None:
            async with aiohttp.ClientSession() as client:
                async with client.get(f"{base}/", ssl=trusted) as page:
                    html = await page.text()
                assert page.status == 200 and f"wss://127.0.0.1:{server.port}/ws" in html
                assert "http://127.0.0.1" not in html  # the static files come over https too
                async with client.ws_connect(f"wss://127.0.0.1:{server.port}/ws", origin=base, ssl=trusted):
                    await asyncio.to_thread(_until, lambda: len(server.sessions()) == 1, "the session over wss")

        asyncio.run(scenario())
        insecure_origin = f"http://127.0.0.1:{server.port}"
        assert asyncio.run(_status(f"{base}/ws", origin=insecure_origin, ssl_context=trusted)) == 403


def test_behind_a_reverse_proxy_the_origin_must_be_the_public_url(db: Path, tmp_path: Path) -> None:
    with _serve(db, tmp_path, "--public-url", "https://xinsheng.office.example") as server:
        base = f"http://127.0.0.1:{server.port}"

        async def page() -> str:
            async with aiohttp.ClientSession() as client, client.get(f"{base}/") as response:
                return await response.text()

        assert "wss://xinsheng.office.example/ws" in asyncio.run(page())
        proxied = "xinsheng.office.example"  # the proxy passes the browser's Host on
        assert asyncio.run(_status(f"{base}/ws", origin="https://evil.example", host=proxied)) == 403
        assert asyncio.run(_status(f"{base}/ws", origin="https://xinsheng.office.example", host=proxied)) == 101


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--max-sessions", "0"], "--max-sessions"),
        (["--max-sessions", "many"], "--max-sessions"),
        (["--certfile", "cert.pem"], "--keyfile"),
        (["--certfile", "missing.pem", "--keyfile", "missing.key"], "--certfile"),
        (["--certfile", "not-a-cert.pem", "--keyfile", "not-a-cert.pem"], "--certfile"),
    ],
)
def test_bad_options_stop_with_one_line_and_exit_code_2(db: Path, tmp_path: Path, args: list[str], named: str) -> None:
    (tmp_path / "not-a-cert.pem").write_text("这不是证书\n", encoding="utf-8")
    result = subprocess.run(
        _command(db, "--port", str(_free_port()), *args),
        cwd=tmp_path,
        env={**_environ(tmp_path), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and named in result.stderr, result.stderr
