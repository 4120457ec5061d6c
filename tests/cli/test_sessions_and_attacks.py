"""What an attacker or a careless colleague tried against the command line's accounts, each refused or contained
(the security review of issue 14): a pinned clock, a restore that would erase the audit, stolen sessions that
outlive a password change or a new sign-in, look-alike names, `demo --force` on a real database, lines forged
into the audit, passwords typed as arguments."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from commands.main import app
from tests.accounts import PASSWORD, cli_first_admin, cli_login

runner = CliRunner()
NEW_PASSWORD = "Neu-2026pass!"


def run(db: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, ["--db", str(db), *args], input=stdin, env=env)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "street.db"
    cli_first_admin(str(path), "管理员")
    return path


def one_line_refusal(result: Result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and all(w in lines[0] for w in words), result.stderr


def test_a_pinned_clock_signs_nobody_in_on_a_real_database(db: Path) -> None:
    run(db, "logout")
    pinned = {"XINSHENG_NOW": "2030-01-01T10:00"}
    refused = run(db, "login", "--operator", "管理员", "--password-stdin", stdin=PASSWORD + "\n", env=pinned)
    one_line_refusal(refused, "XINSHENG_NOW")
    cli_login(str(db), "管理员")
    audit = run(db, "audit", "list", "--json")
    assert all(not json.loads(line)["at"].startswith("2030") for line in audit.stdout.splitlines())


def test_a_restore_keeps_the_audit_written_since_the_backup_and_ends_sessions(db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "before.db"
    assert run(db, "db", "backup", str(backup)).exit_code == 0
    assert run(db, "export", "requests", "--include-personal-data").exit_code == 0  # audited, after the backup
    restored = run(db, "db", "restore", str(backup))
    assert restored.exit_code == 0, restored.output
    one_line_refusal(run(db, "audit", "list"), "登录已失效")  # every session ended, the restorer's too
    cli_login(str(db), "管理员")
    exports = run(db, "audit", "list", "--action", "export_personal_data", "--json").stdout.splitlines()
    assert len(exports) == 1
    assert [json.loads(line)["action"] for line in run(db, "audit", "list", "--json").stdout.splitlines()][:3] == [
        "sign_in",
        "restore",
        "export_personal_data",
    ]


def test_a_changed_password_ends_every_command_line_session(db: Path, tmp_path: Path) -> None:
    from models.access.token_file import kept_token

    stolen = kept_token(f"sqlite:///{db}")
    changed = run(db, "passwd", "--password-stdin", stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n")
    assert changed.exit_code == 0, changed.output
    elsewhere = tmp_path / "attacker"
    elsewhere.mkdir(mode=0o700)
    (elsewhere / "xinsheng").mkdir(mode=0o700)
    key = f"sqlite:///{db.resolve()}"
    token_file = elsewhere / "xinsheng" / "sessions.json"
    token_file.write_text(json.dumps({key: stolen}))
    token_file.chmod(0o600)
    one_line_refusal(run(db, "audit", "list", env={"XDG_CONFIG_HOME": str(elsewhere)}), "登录已失效")


def test_a_new_sign_in_ends_the_one_it_replaces(db: Path) -> None:
    from models.access.token_file import kept_token

    first = kept_token(f"sqlite:///{db}")
    cli_login(str(db), "管理员")
    assert kept_token(f"sqlite:///{db}") != first
    signouts = run(db, "audit", "list", "--action", "sign_out", "--json").stdout.splitlines()
    assert len(signouts) == 1


def test_an_administrator_cannot_reset_their_own_password(db: Path) -> None:
    one_line_refusal(run(db, "operators", "reset-password", "管理员"), "不能重置自己的密码")


def test_removing_two_factor_that_is_not_on_is_refused(db: Path) -> None:
    run(db, "operators", "add", "王芳", "--role", "supervisor")
    one_line_refusal(run(db, "operators", "two-factor-off", "王芳"), "没有启用两步验证")


@pytest.mark.parametrize(
    "name",
    ["管理员\u3164", "\u115f管理员", "Аdmin2", "Admіn2", "Αdmin2", "长" * 41, "张\u200b三", "管\u202e理员"],
    ids=["hangul-filler", "leading-filler", "cyrillic-A", "cyrillic-i", "greek-alpha", "too-long", "zwsp", "bidi"],
)
def test_names_that_pass_for_someone_else_are_refused(db: Path, name: str) -> None:
    one_line_refusal(run(db, "operators", "add", name, "--role", "supervisor"))


def test_demo_force_never_replaces_a_real_database_or_another_file(db: Path, tmp_path: Path) -> None:
    """`db` holds only its first administrator: no catalog, no requests, and still a street's database."""
    from models.access.policy import is_training
    from models.store.engine import open_engine, session_scope

    one_line_refusal(runner.invoke(app, ["demo", "--db", str(db), "--requests", "1"]), "不是演示")
    with session_scope(open_engine(db)) as session:
        assert not is_training(session)
    before = db.read_bytes()
    one_line_refusal(runner.invoke(app, ["demo", "--db", str(db), "--force", "--requests", "1"]), "不是演示")
    assert db.read_bytes() == before
    notes = tmp_path / "notes.txt"
    notes.write_text("明天开会")
    one_line_refusal(runner.invoke(app, ["demo", "--db", str(notes), "--force", "--requests", "1"]), "不是演示")
    assert notes.read_text() == "明天开会"


def test_nothing_from_the_environment_or_a_file_name_writes_a_second_line_into_the_audit(
    db: Path, tmp_path: Path
) -> None:
    run(db, "logout")
    forged = {"XINSHENG_REMOTE_ADDR": "1.2.3.4\n2026-12-02 01:00:00  管理员  登录"}
    run(db, "login", "--operator", "管理员", "--password-stdin", stdin="wrong\n", env=forged)
    cli_login(str(db), "管理员")
    odd = tmp_path / "evil\n2026-12-02 00:00:00  管理员  导出.csv"
    assert run(db, "export", "requests", "-o", str(odd)).exit_code == 0
    listed = run(db, "audit", "list").stdout.splitlines()
    assert all(line[:4].isdigit() for line in listed), listed  # every line is one event, starting with its time
    assert any("\\n" in line for line in listed)  # the line breaks are shown, not acted on


def test_a_place_name_with_a_line_break_is_refused(db: Path) -> None:
    one_line_refusal(run(db, "areas", "add", "槐安街道", "西\n社区"), "换行")


@pytest.mark.parametrize("command", [["login", "--operator", "管理员"], ["passwd"]])
def test_a_password_typed_as_an_argument_is_refused_without_being_repeated(db: Path, command: list[str]) -> None:
    """Through the console script's own entry point, which turns click's usage errors into one line."""
    result = subprocess.run(
        [sys.executable, "-m", "commands.main", "--db", str(db), *command, "Secret-2026x"],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--password-stdin" in lines[0], result.stderr
    assert "Secret-2026x" not in result.stdout + result.stderr


def test_a_session_file_others_can_read_or_a_symlink_is_refused(db: Path, tmp_path: Path) -> None:
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "xinsheng" / "sessions.json"
    path.chmod(0o644)
    one_line_refusal(run(db, "audit", "list"), "可被他人读取")
    path.chmod(0o600)
    moved = tmp_path / "elsewhere.json"
    path.rename(moved)
    path.symlink_to(moved)
    one_line_refusal(run(db, "audit", "list"), "不是普通文件")
