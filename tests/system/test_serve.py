"""`xinsheng serve` in a real browser: headless Chromium opens the page, signs in by typing a name and a password,
logs a request with the keyboard, and the request lands in the database; a screenshot of the page is kept. Wrong
passwords are refused in one line, and five in a row lock the account."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from models.core.vocabulary import AuditAction
from models.files.catalog_import import import_catalog
from models.people.permissions import add_operator
from models.store.engine import open_engine, session_scope
from models.store.tables import AuditEvent, Request
from tests.accounts import PASSWORD, give_password

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


REFUSED = "姓名或密码不正确"  # the start of the one line every refusal shows (models.access.signin.REFUSED)


@dataclass
class Browser:
    page: Any
    shows: Callable[..., None]
    drawn: list[str]
    requested: list[str]
    port: int

    def sign_in(self, name: str, password: str) -> None:
        """Type the name, Enter (the cursor moves to the password), the password, Enter: as a person does."""
        self.page.keyboard.type(name)
        self.shows(name)
        self.page.keyboard.press("Enter")
        self.page.wait_for_timeout(300)
        self.page.keyboard.type(password)
        self.shows("•" * len(password))  # masked as it is typed
        self.page.keyboard.press("Enter")


@contextmanager
def served(db: Path) -> Iterator[Browser]:
    """`xinsheng serve` on `db` and a headless Chromium on its page, showing the sign-in form."""
    playwright = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install -e '.[test]')")
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
            shows("请登录", "密码")
            page.mouse.click(600, 500)  # focus the terminal (an empty part of the form); the name field has the cursor
            yield Browser(page, shows, drawn, requested, port)
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _database(tmp_path: Path, catalog_csv: Path, *names: str) -> Path:
    db = tmp_path / "serve.db"
    engine = open_engine(db)
    with session_scope(engine) as s:
        import_catalog(s, catalog_csv)
        for name in names:
            add_operator(s, name, "admin")
            give_password(s, name)
    engine.dispose()
    return db


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian package chromium) for the browser test")
def test_serve_runs_the_tui_in_a_browser(tmp_path: Path, catalog_csv: Path) -> None:
    db = _database(tmp_path, catalog_csv, "浏览器管理员")
    with served(db) as browser:
        browser.sign_in("浏览器管理员", PASSWORD)
        browser.shows("清单匹配建议")  # the intake screen, title field focused
        browser.page.keyboard.type("浏览器里登记：楼道灯坏了")
        browser.shows("灯坏了")
        browser.page.keyboard.press("Control+s")
        browser.shows("已登记")
        with session_scope(open_engine(db)) as s:
            titles = [r.title for r in s.exec(select(Request)).all()]
            where = [e.detail for e in s.exec(select(AuditEvent).where(AuditEvent.action == AuditAction.SIGN_IN)).all()]
        browser.page.screenshot(path=str(tmp_path / "serve.png"))
        stream, requested, port = "".join(browser.drawn), browser.requested, browser.port
    assert titles == ["浏览器里登记：楼道灯坏了"]
    assert len(where) == 1 and "浏览器 127.0.0.1" in where[0]  # the audit names the browser's address
    assert PASSWORD not in stream  # the password never travels back to the page, not even as typed
    # nothing from other hosts: fonts.googleapis.com, which textual-serve's page links, is often blocked in China
    assert requested and all(url.startswith(f"http://127.0.0.1:{port}/") for url in requested), requested
    assert (tmp_path / "serve.png").stat().st_size > 10_000


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian package chromium) for the browser test")
def test_serve_refuses_a_wrong_password_and_locks_after_five(tmp_path: Path, catalog_csv: Path) -> None:
    db = _database(tmp_path, catalog_csv, "浏览器管理员")
    with served(db) as browser:
        browser.sign_in("浏览器管理员", "Wrong-2026pw0")
        browser.shows(REFUSED)
        for n in range(1, 5):  # the name stays, the cursor is back in the emptied password field
            browser.page.keyboard.type(f"Wrong-2026pw{n}")
            browser.page.keyboard.press("Enter")
            browser.shows(REFUSED)
        browser.page.keyboard.type(PASSWORD)
        browser.page.keyboard.press("Enter")
        browser.shows(REFUSED)  # locked: the right password is refused too, in the same words
        browser.page.wait_for_timeout(500)
        assert "清单匹配建议" not in "".join(browser.drawn)
    with session_scope(open_engine(db)) as s:
        actions = [e.action for e in s.exec(select(AuditEvent)).all()]
    assert actions.count(AuditAction.SIGN_IN_FAILED) == 6 and actions.count(AuditAction.LOCK) == 1
    assert AuditAction.SIGN_IN not in actions
