"""The console script holds the garbage collector off while it starts, and every command does its own work with the
collector running (commands/startup.py): a command that never released it would grow without bound on a large
import, the demo or a day in the TUI."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import commands.main
from commands import startup


@pytest.fixture
def collector() -> Iterator[None]:
    """The test process as it was: collecting, nothing frozen, its own umask (run() sets 077)."""
    mask = os.umask(0o022)
    os.umask(mask)
    yield
    gc.enable()
    gc.unfreeze()
    os.umask(mask)


def _run(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["xinsheng", *args])
    with pytest.raises(SystemExit) as ended:
        commands.main.run()
    return int(ended.value.code or 0)


def _spy(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, seen: list[tuple[bool, int]]) -> None:
    """Record, when `owner.name` is called, whether the collector runs and how much startup it has frozen."""
    real: Callable[..., Any] = getattr(owner, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append((gc.isenabled(), gc.get_freeze_count()))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spy)


def test_hold_and_release(collector: None) -> None:
    startup.release()  # nothing held: nothing frozen
    assert gc.isenabled() and gc.get_freeze_count() == 0
    startup.hold()
    assert not gc.isenabled()
    startup.release()
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_match_collects_while_it_works(collector: None, demo: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import models.matching.loader

    seen: list[tuple[bool, int]] = []
    _spy(monkeypatch, models.matching.loader, "load_matcher", seen)
    assert _run(monkeypatch, "--db", str(demo), "match", "楼道灯坏了") == 0
    assert "1." in capsys.readouterr().out
    assert seen and seen[0][0] and seen[0][1] > 0  # collecting, with the startup frozen out of its sight


def test_a_refused_command_leaves_nothing_held_that_matters(collector: None, tmp_path: Path, monkeypatch) -> None:
    """Bad input ends the process before any database: the collector was off for a one-line refusal, no more."""
    assert _run(monkeypatch, "--db", str(tmp_path / "none.db"), "match", "路灯", "--top", "0") == 2


def test_the_demo_builds_collecting(collector: None, tmp_path: Path, monkeypatch, capsys) -> None:
    import models.demo.builder

    seen: list[tuple[bool, int]] = []
    _spy(monkeypatch, models.demo.builder, "build_demo_file", seen)
    assert _run(monkeypatch, "demo", "--db", str(tmp_path / "d.db"), "--requests", "5") == 0
    assert seen and seen[0][0]


def test_the_tui_runs_collecting(collector: None, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.app

    seen: list[tuple[bool, int]] = []
    monkeypatch.setattr(tui.app.XinshengApp, "run", lambda self: seen.append((gc.isenabled(), gc.get_freeze_count())))
    assert _run(monkeypatch, "--db", str(demo)) == 0
    assert seen and seen[0][0] and seen[0][1] > 0


def test_the_server_runs_collecting(collector: None, demo: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import tui.web_page as guard

    seen: list[tuple[bool, int]] = []
    monkeypatch.setattr(guard.GuardedServer, "serve", lambda self: seen.append((gc.isenabled(), 0)))
    assert _run(monkeypatch, "--db", str(demo), "serve", "--port", "8765") == 0
    assert seen and seen[0][0]


def test_a_batch_file_is_read_collecting(
    collector: None, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """The batch file is read before the database is opened: its workbook must be collectable, not frozen."""
    import models.files.tabular

    batch = tmp_path / "batch.csv"
    batch.write_text("id,title\n1,楼道灯坏了\n", encoding="utf-8")
    seen: list[tuple[bool, int]] = []
    _spy(monkeypatch, models.files.tabular, "read_table", seen)
    assert _run(monkeypatch, "--db", str(demo), "match", "--batch", str(batch)) == 0
    assert '"id": "1"' in capsys.readouterr().out
    assert seen and seen[0][0]
