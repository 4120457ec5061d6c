"""`xinsheng serve` in a real browser: headless Chromium opens the page, signs in, logs a request with the
keyboard, and the request lands in the database; a screenshot of the page is kept."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlmodel import select

from models.files.catalog_import import import_catalog
from models.people.permissions import add_operator
from models.store.engine import open_engine, session_scope
from models.store.tables import Request

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"xinsheng serve exited early: {process.stdout.read().decode() if process.stdout else ''}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("xinsheng serve did not start listening")


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian package chromium) for the browser test")
def test_serve_runs_the_tui_in_a_browser(tmp_path: Path, catalog_csv: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install -e '.[test]')")
    db = tmp_path / "serve.db"
    engine = open_engine(db)
    with session_scope(engine) as s:
        import_catalog(s, catalog_csv)
        add_operator(s, "浏览器管理员", "admin")
    engine.dispose()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "commands.main", "--db", str(db), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_port(port, server)
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            drawn: list[str] = []  # what the app wrote to the terminal, as the browser received it
            requested: list[str] = []
            page.on("request", lambda r: requested.append(r.url))
            page.on(
                "websocket",
                lambda ws: ws.on(
                    "framereceived",
                    lambda data: drawn.append(data if isinstance(data, str) else data.decode("utf-8", "replace")),
                ),
            )
            seen = [0]  # how much of the stream earlier waits have read

            def shows(*texts: str, within: float = 120) -> None:
                """Wait until the terminal stream, since the last wait, has drawn every text: the screen the next key
                is meant for is there. The canvas holds no text to query, but the stream does. The bound is for a
                process starting on a loaded machine; a passing wait returns as soon as the text arrives."""
                deadline = time.monotonic() + within
                while time.monotonic() < deadline:
                    stream = "".join(drawn)
                    if all(t in stream[seen[0] :] for t in texts):
                        seen[0] = len(stream)
                        return
                    page.wait_for_timeout(100)
                raise AssertionError(f"the page never showed {texts}")

            page.goto(f"http://127.0.0.1:{port}/")
            shows("请选择操作员", "浏览器管理员")
            page.mouse.click(600, 500)  # focus the terminal (an empty part of the operator chooser)
            page.keyboard.press("Enter")  # the only operator is highlighted
            shows("清单匹配建议")  # the intake screen, title field focused
            page.keyboard.type("浏览器里登记：楼道灯坏了")
            shows("灯坏了")
            page.keyboard.press("Control+s")
            shows("已登记")
            with session_scope(open_engine(db)) as s:
                titles = [r.title for r in s.exec(select(Request)).all()]
            page.screenshot(path=str(tmp_path / "serve.png"))
            browser.close()
        assert titles == ["浏览器里登记：楼道灯坏了"]
        # nothing from other hosts: fonts.googleapis.com, which textual-serve's page links, is often blocked in China
        assert requested and all(url.startswith(f"http://127.0.0.1:{port}/") for url in requested), requested
        assert (tmp_path / "serve.png").stat().st_size > 10_000
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
