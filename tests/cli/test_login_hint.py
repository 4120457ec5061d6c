"""A command that needs a session names the login for the database it used: `xinsheng --demo stats` said
`请先登录：xinsheng login`, which signs in to another database, and the next `--demo` command refused again."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from commands.main import app
from models.access.cli_sessions import end
from models.access.token_file import kept_token
from models.demo.builder import DEMO_PASSWORD
from models.store.engine import open_engine, run_unit

runner = CliRunner()


def _refusal(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_the_demo_says_to_sign_in_to_the_demo(demo: Path) -> None:
    assert _refusal("--demo", "stats") == "错误：请先登录：xinsheng --demo login"
    hinted = runner.invoke(
        app, ["--demo", "login", "--operator", "系统管理员", "--password-stdin"], input=DEMO_PASSWORD + "\n"
    )
    assert hinted.exit_code == 0, hinted.output  # the hint's command signs in where the next command looks
    assert runner.invoke(app, ["--demo", "stats"]).exit_code == 0


def test_an_expired_demo_session_says_the_same(demo: Path) -> None:
    signed = runner.invoke(
        app, ["--demo", "login", "--operator", "系统管理员", "--password-stdin"], input=DEMO_PASSWORD + "\n"
    )
    assert signed.exit_code == 0, signed.output
    engine = open_engine(demo)
    token = kept_token(engine.url.render_as_string(hide_password=False))
    assert token is not None
    run_unit(engine, lambda s: end(s, token))  # ended elsewhere, the token file still here
    assert _refusal("--demo", "stats") == "错误：登录已失效，请重新登录：xinsheng --demo login"


def test_another_database_is_named_with_its_db_option(tmp_path: Path) -> None:
    from tests.accounts import cli_first_admin

    db = tmp_path / "街道 库.db"
    cli_first_admin(str(db))
    assert runner.invoke(app, ["--db", str(db), "logout"]).exit_code == 0
    assert _refusal("--db", str(db), "stats") == f"错误：请先登录：xinsheng --db '{db}' login"
    assert _refusal("stats").startswith("错误：数据库文件不存在")  # plain `xinsheng login` would be elsewhere
