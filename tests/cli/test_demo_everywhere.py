"""`--demo` before any subcommand works on the demo database, and every `-h` is Chinese (issue 15)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from commands.main import app
from models.core.clock import now
from models.demo.builder import DEMO_PASSWORD

runner = CliRunner()


def test_demo_reaches_operators_report_and_login(demo: Path) -> None:
    signed = runner.invoke(
        app, ["--demo", "login", "--operator", "系统管理员", "--password-stdin"], input=DEMO_PASSWORD + "\n"
    )
    assert signed.exit_code == 0, signed.output
    listed = runner.invoke(app, ["--demo", "operators", "list"])
    assert listed.exit_code == 0, listed.output
    assert "系统管理员" in listed.stdout and "网格员" in listed.stdout
    month = now().strftime("%Y-%m")
    report = runner.invoke(app, ["--demo", "report", "--period", month, "-f", "md", "-o", "-"])
    assert report.exit_code == 0, report.output
    assert f"接诉即办月报 · {month}" in report.stdout


def test_demo_serve_serves_the_demo(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the browser sessions open is the database handed to them in XINSHENG_DB when the server starts."""
    from tui import web_page

    monkeypatch.setenv("XINSHENG_DB", "")  # restored afterwards: serve exports the database into os.environ
    handed: list[str] = []
    monkeypatch.setattr(web_page.GuardedServer, "serve", lambda self: handed.append(os.environ["XINSHENG_DB"]))
    result = runner.invoke(app, ["--demo", "serve", "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert handed == [f"sqlite:///{demo.resolve()}"], handed


def test_serve_refuses_a_missing_database_instead_of_serving_an_empty_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui import web_page

    monkeypatch.setenv("XINSHENG_DB", "")
    served: list[str] = []
    monkeypatch.setattr(web_page.GuardedServer, "serve", lambda self: served.append(os.environ["XINSHENG_DB"]))
    missing = tmp_path / "nowhere.db"
    result = runner.invoke(app, ["--db", str(missing), "serve", "--port", "8765"])
    assert served == [] and not missing.exists()
    assert result.exit_code == 2 and "数据库文件不存在" in result.output


def test_a_missing_database_names_the_demo_when_there_is_one(demo: Path) -> None:
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "数据库文件不存在" in lines[0]
    assert str(demo) in lines[0] and "xinsheng --demo stats" in lines[0]


def test_a_missing_database_without_a_demo_says_how_to_try_one() -> None:
    result = runner.invoke(app, ["operators", "list"])
    assert result.exit_code == 2 and "xinsheng --demo" in result.output


def _paths(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command path under `command` (typer's groups are its own vendored click's, not click.Group)."""
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, (*path, name))


def test_every_help_is_chinese() -> None:
    paths = list(_paths(get_command(app)))
    assert len(paths) > 30 and ("catalog", "import") in paths and ("serve",) in paths
    for path in paths:
        for flag in ("-h", "--help"):
            result = runner.invoke(app, [*path, flag])
            assert result.exit_code == 0, (path, result.output)
            assert "显示本帮助后退出" in result.stdout, (path, result.stdout)
            assert "Show this message" not in result.stdout, path


ENGLISH_SCAFFOLDING = (
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "[default:",
    "[required]",
    "[OPTIONS]",
    "<path>",
)


def test_every_help_has_chinese_headings_and_fits_80_columns() -> None:
    """Click's headings and typer's notes are English and click wraps by characters, so a Chinese line came out
    twice the terminal's width: each help is read as a user at an 80-column terminal would see it."""
    from models.core.text import display_width

    for path in _paths(get_command(app)):
        shown = runner.invoke(app, [*path, "-h"], env={"COLUMNS": "80"}, terminal_width=80).stdout
        assert shown.startswith("用法：xinsheng"), (path, shown)
        assert not [word for word in ENGLISH_SCAFFOLDING if word in shown], (path, shown)
        assert not re.search(r" <[a-z_]+(\[|>)", shown), (path, shown)  # typer's type names: <path>, <list[str]>
        assert "选项：" in shown, path
        widest = max(shown.splitlines(), key=display_width)
        assert display_width(widest) <= 80, (path, widest)
    report = runner.invoke(app, ["report", "-h"], terminal_width=80).stdout
    assert "（默认：xlsx）" in report and "（必填）" in report
    top = runner.invoke(app, ["-h"], terminal_width=80).stdout
    assert "子命令：" in top and "用法：xinsheng [选项] 子命令 [参数]…" in top
