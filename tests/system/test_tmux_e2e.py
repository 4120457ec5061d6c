"""End to end in a real terminal: the installed `xinsheng` runs inside tmux, a request is typed key by key, and
the test reads the screen (tmux capture-pane) the way a grid worker would."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from models.files.catalog_import import import_catalog
from models.people.permissions import add_operator
from models.store.engine import open_engine, session_scope
from models.store.tables import Request
from tests.accounts import PASSWORD, give_password
from tests.conftest import area_chain

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux for the end-to-end terminal test")


class Terminal:
    """One tmux session on a private socket, so the test never touches the user's own tmux."""

    def __init__(self, command: list[str], width: int = 100, height: int = 30) -> None:
        self.socket = f"xs-{uuid.uuid4().hex[:8]}"
        subprocess.run(
            ["tmux", "-L", self.socket, "new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height),
             subprocess.list2cmdline(command)],
            check=True,
        )  # fmt: skip

    def keys(self, *keys: str, literal: bool = False) -> None:
        subprocess.run(
            ["tmux", "-L", self.socket, "send-keys", "-t", "t", *(["-l"] if literal else []), *keys], check=True
        )

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True, check=True
        ).stdout

    def wait_for(self, condition: Callable[[str], bool], timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if condition(shown):
                return shown
            time.sleep(0.2)
        raise AssertionError(f"screen never showed it; last screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)

    def sign_in(self, name: str | None, password: str = PASSWORD, *, signed_in: str = "操作员：") -> str:
        """Type the name (None: --operator filled it in) and the password as a person does; the landing screen."""
        self.wait_for(lambda s: ("请登录" in s or "please sign in" in s) and "xinsheng" in s)
        if name is not None:
            self.keys(name, literal=True)
            self.wait_for(lambda s: name in s)
            self.keys("Enter")  # the name is taken, the cursor moves to the password
            time.sleep(0.3)
        self.keys(password, literal=True)
        self.wait_for(lambda s: "•" * len(password) in s)  # typed, and shown masked
        self.keys("Enter")
        return self.wait_for(lambda s: signed_in in s)


@pytest.fixture
def terminal_db(tmp_path: Path, catalog_csv: Path) -> Path:
    db = tmp_path / "e2e.db"
    engine = open_engine(db)
    with session_scope(engine) as s:
        import_catalog(s, catalog_csv)
        area_chain(s, "和平街道", "槐安里社区", "槐安里社区第1网格")
        add_operator(s, "史婷", "grid_worker", area="槐安里社区第1网格")
        give_password(s, "史婷")
    engine.dispose()
    return db


@pytest.fixture
def terminal(terminal_db: Path) -> Iterator[Terminal]:
    term = Terminal([sys.executable, "-m", "commands.main", "--db", str(terminal_db)])
    yield term
    term.close()


def test_a_grid_worker_logs_a_request_in_a_real_terminal(terminal: Terminal, terminal_db: Path) -> None:
    terminal.wait_for(lambda s: "请登录" in s)
    assert "标题" not in terminal.screen()  # nothing before sign-in
    terminal.sign_in("史婷")
    terminal.wait_for(lambda s: "史婷 · 网格员 · 槐安里社区第1网格" in s and "标题" in s)
    terminal.keys("楼道里想放几把折叠椅", literal=True)
    shown = terminal.wait_for(lambda s: "楼道公共设施维护" in s)  # suggestions appear while typing
    assert "街道城市管理办公室" in shown
    terminal.keys("F5")
    terminal.wait_for(lambda s: "✔" in s)
    terminal.keys("C-s")
    shown = terminal.wait_for(lambda s: "已登记 XS-" in s)
    assert "楼道里想放几把折叠椅" not in shown.split("已登记")[0]  # the form is cleared for the next request
    with session_scope(open_engine(terminal_db)) as s:
        request = s.exec(select(Request)).one()
    assert request.title == "楼道里想放几把折叠椅" and request.match_confirmed_by == "史婷"
    terminal.keys("F3")
    terminal.wait_for(lambda s: request.ref in s and "共 1 条" in s)
    terminal.keys("F4")  # a grid worker has no dashboard: the key does nothing
    time.sleep(0.5)
    assert "综合得分" not in terminal.screen()
    terminal.keys("C-p")
    terminal.wait_for(lambda s: "输入命令" in s)
    terminal.keys("切换操作员", literal=True)
    terminal.wait_for(lambda s: "换一位操作员登录" in s)
    terminal.keys("Enter")  # once ended the program (an unknown mode)
    shown = terminal.wait_for(lambda s: "请登录" in s)
    assert request.ref not in shown and "史婷 ·" not in shown
    terminal.sign_in("史婷")


def test_the_english_interface_in_a_real_terminal(terminal_db: Path) -> None:
    term = Terminal(
        [sys.executable, "-m", "commands.main", "--db", str(terminal_db), "--lang", "en", "--operator", "史婷"]
    )
    try:
        term.sign_in(None, signed_in="Operator:")
        shown = term.wait_for(lambda s: "Title: the request in one line" in s)
        assert "Operator: 史婷 · Grid worker" in shown and "Save" in shown and "保存" not in shown
        term.keys("路灯不亮好几天了", literal=True)
        shown = term.wait_for(lambda s: "小区路灯维修" in s)
        assert "Own duty" in shown  # the duty type of the suggestion, in English
        term.keys("F3")
        shown = term.wait_for(lambda s: "My work" in s and "Ref" in s)
        term.keys("?")
        shown = term.wait_for(lambda s: "Keys" in s and "Search" in s)
        assert "搜索" not in shown
    finally:
        term.close()


def _program_pid(term: Terminal) -> int:
    """The xinsheng process in the pane (the pane's shell may or may not have exec'd it)."""
    pane = int(
        subprocess.run(
            ["tmux", "-L", term.socket, "display-message", "-p", "-t", "t", "#{pane_pid}"],
            capture_output=True, text=True, check=True,
        ).stdout
    )  # fmt: skip
    pending = [pane]
    while pending:
        pid = pending.pop()
        if b"commands.main" in Path(f"/proc/{pid}/cmdline").read_bytes():
            return pid
        for task in Path(f"/proc/{pid}/task").iterdir():
            pending.extend(int(c) for c in (task / "children").read_text().split())
    raise AssertionError("xinsheng is not running in the pane")


def test_a_tui_killed_while_it_writes_leaves_a_sound_database(terminal_db: Path) -> None:
    """SIGKILL the real TUI at the moment it holds the database's write lock (seen from outside: another
    connection cannot start a write), then check the file as `db check` does and keep working in it."""
    import os
    import signal
    import sqlite3
    import threading

    term = Terminal([sys.executable, "-m", "commands.main", "--db", str(terminal_db), "--operator", "史婷"])
    try:
        term.sign_in(None)
        term.wait_for(lambda s: "史婷 · 网格员" in s and "标题" in s)
        time.sleep(1.5)  # the start-up escalation pass has written and finished
        pid = _program_pid(term)
        killed = threading.Event()

        def watch() -> None:
            probe = sqlite3.connect(terminal_db, timeout=0, isolation_level=None)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not killed.is_set():
                try:
                    probe.execute("BEGIN IMMEDIATE")
                    probe.execute("ROLLBACK")
                except sqlite3.OperationalError:  # the TUI is inside a write transaction right now
                    os.kill(pid, signal.SIGKILL)
                    killed.set()
            probe.close()

        for n in range(2):  # two requests saved and confirmed before the watcher starts
            term.keys(f"楼道灯坏了第{n}次", literal=True)
            term.wait_for(lambda s, n=n: f"第{n}次" in s)
            term.keys("C-s")
            term.wait_for(lambda s, n=n: f"第{n}次" not in s and s.count("已登记 XS-") == n + 1)
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        saved = 2
        for n in range(2, 60):
            if killed.is_set():
                break
            try:
                term.keys(f"楼道灯坏了第{n}次", literal=True)
                term.wait_for(lambda s, n=n: killed.is_set() or f"第{n}次" in s, timeout=10)
                term.keys("C-s")
                term.wait_for(lambda s, n=n: killed.is_set() or f"第{n}次" not in s, timeout=10)
            except (subprocess.CalledProcessError, AssertionError):
                break  # the pane went away with the killed program
            saved += 0 if killed.is_set() else 1
        watcher.join(timeout=5)
        if not killed.is_set():
            pytest.skip("no save was caught holding the write lock")
    finally:
        term.close()
    with sqlite3.connect(terminal_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        requests, creations = conn.execute(
            "SELECT (SELECT count(*) FROM request), (SELECT count(*) FROM requestevent WHERE action = 'create')"
        ).fetchone()
    assert requests == creations and saved <= requests <= saved + 1  # the one being written: whole or absent
    with sqlite3.connect(terminal_db) as conn:
        titles = {t for (t,) in conn.execute("SELECT title FROM request")}
    assert {"楼道灯坏了第0次", "楼道灯坏了第1次"} <= titles
    with session_scope(open_engine(terminal_db)) as s:  # `db check` is an administrator's: one signs in for it
        add_operator(s, "管理员", "admin")
        give_password(s, "管理员")
    login = subprocess.run(
        [sys.executable, "-m", "commands.main", "--db", str(terminal_db), "login", "--operator", "管理员",
         "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert login.returncode == 0, login.stdout + login.stderr
    check = subprocess.run(
        [sys.executable, "-m", "commands.main", "--db", str(terminal_db), "db", "check"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    after = Terminal([sys.executable, "-m", "commands.main", "--db", str(terminal_db), "--operator", "史婷"])
    try:
        after.sign_in(None)
        after.wait_for(lambda s: "史婷 · 网格员" in s and "标题" in s)
        after.keys("杀掉之后再登记一条", literal=True)
        after.wait_for(lambda s: "杀掉之后再登记一条" in s)
        after.keys("C-s")
        after.wait_for(lambda s: "已登记 XS-" in s)
    finally:
        after.close()
    with sqlite3.connect(terminal_db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT ref) FROM request").fetchone() == (requests + 1,) * 2
