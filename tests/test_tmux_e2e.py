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

from models.catalog import import_catalog
from models.db import open_engine, session_scope
from models.permissions import add_operator
from models.tables import Request
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


@pytest.fixture
def terminal_db(tmp_path: Path, catalog_csv: Path) -> Path:
    db = tmp_path / "e2e.db"
    engine = open_engine(db)
    with session_scope(engine) as s:
        import_catalog(s, catalog_csv)
        area_chain(s, "和平街道", "槐安里社区", "槐安里社区第1网格")
        add_operator(s, "史婷", "grid_worker", area="槐安里社区第1网格")
    engine.dispose()
    return db


@pytest.fixture
def terminal(terminal_db: Path) -> Iterator[Terminal]:
    term = Terminal([sys.executable, "-m", "commands.main", "--db", str(terminal_db), "--operator", "史婷"])
    yield term
    term.close()


def test_a_grid_worker_logs_a_request_in_a_real_terminal(terminal: Terminal, terminal_db: Path) -> None:
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


def test_the_english_interface_in_a_real_terminal(terminal_db: Path) -> None:
    term = Terminal(
        [sys.executable, "-m", "commands.main", "--db", str(terminal_db), "--lang", "en", "--operator", "史婷"]
    )
    try:
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
