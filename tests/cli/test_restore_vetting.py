"""`db restore` refuses a backup that was tampered with (issue 16, item 2): the reviewer's crafted backup — guards
dropped, the older 退单 events deleted, the counters zeroed — passed every check and rewrote the rates. Each
refusal is one line, exit 2, and leaves the database, the folder and the sessions exactly as they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from commands.main import app
from models.requests import workflow
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import forget_engine, open_engine, session_scope
from tests.accounts import cli_first_admin
from tests.conftest import take_on

runner = CliRunner()
HANDLER = Actor("承办人", "admin")


def run(db: Path, *args: str) -> Result:
    return runner.invoke(app, ["--db", str(db), *args])


@pytest.fixture
def street(tmp_path: Path, catalog_csv: Path) -> tuple[Path, Path]:
    """A database with returned and reopened work, and a good backup of it."""
    db, backup = tmp_path / "street.db", tmp_path / "backup.db"
    cli_first_admin(str(db), "管理员")
    assert run(db, "catalog", "import", str(catalog_csv)).exit_code == 0
    with session_scope(open_engine(db)) as session:
        for n in range(4):
            request = log_request(session, HANDLER, title=f"楼道灯不亮{n}", item_code="JD-007").request
            take_on(session, request, HANDLER)
            workflow.return_request(session, request, HANDLER, reason="不归我们管")
    assert run(db, "db", "backup", str(backup)).exit_code == 0
    return db, backup


def _tamper(backup: Path, *statements: str) -> None:
    with sqlite3.connect(backup) as conn:
        for statement in statements:
            conn.execute(statement)


def _state(db: Path) -> tuple[list[str], list[str]]:
    """Every row of the database and every file beside it; the sign-in session's last-used time aside (signing in
    to run the command moves it)."""
    forget_engine(db)
    with sqlite3.connect(db) as conn:
        dump = [line for line in conn.iterdump() if not line.startswith('INSERT INTO "signinsession"')]
    return dump, sorted(p.name for p in db.parent.iterdir())


def _refused(db: Path, backup: Path, *words: str) -> None:
    before = _state(db)
    result = run(db, "db", "restore", str(backup))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "未恢复" in lines[0] and all(w in lines[0] for w in words), result.stderr
    assert _state(db) == before  # nothing replaced, no copy or scratch folder left behind
    assert run(db, "db", "check").exit_code == 0  # and the restorer is still signed in: no session was ended


GUARDS = [f"DROP TRIGGER {t}_append_only_{v}" for t in ("requestevent", "auditevent") for v in ("update", "delete")]
# each request's status put back in line with its last remaining event, as a careful forger would
MATCHING_STATUS = (
    "UPDATE request SET status = (SELECT e.to_status FROM requestevent e WHERE e.request_id = request.id "
    "AND e.to_status IS NOT NULL ORDER BY e.id DESC LIMIT 1)"
)
RESTORED_GUARDS = [
    f"CREATE TRIGGER {t}_append_only_{v} BEFORE {v.upper()} ON {t} "
    f"BEGIN SELECT RAISE(ABORT, '{t} is append-only: events are never changed or removed'); END"
    for t in ("requestevent", "auditevent")
    for v in ("update", "delete")
]


def test_the_reviewers_crafted_backup_is_refused(street: tuple[Path, Path]) -> None:
    """Guards dropped, the 退单 events deleted, the counters zeroed, the guards put back as they were."""
    db, backup = street
    _tamper(
        backup,
        *GUARDS,
        "DELETE FROM requestevent WHERE action = 'return'",
        "UPDATE request SET return_count = 0",
        MATCHING_STATUS,
        *RESTORED_GUARDS,
    )
    _refused(db, backup, "办理记录哈希链完整")


def test_a_backup_without_its_guards_is_refused_even_with_its_history_intact(street: tuple[Path, Path]) -> None:
    db, backup = street
    _tamper(backup, *GUARDS)
    _refused(db, backup, "缺少 trigger", "_append_only_")


def test_a_backup_rewritten_and_rehashed_end_to_end_is_not_this_databases_history(
    street: tuple[Path, Path],
) -> None:
    """The chain's algorithm is public: someone with the file can delete rows and hash everything again. The
    trails then agree with themselves, but no longer with the history this database recorded."""
    from sqlalchemy import create_engine

    from models.store.chain import chain_existing, tables

    db, backup = street
    _tamper(
        backup,
        *GUARDS,
        "DELETE FROM requestevent WHERE action = 'return'",
        "UPDATE request SET return_count = 0",
        MATCHING_STATUS,
        "DELETE FROM chainhead",
    )
    forged = create_engine(f"sqlite:///{backup}")
    with forged.begin() as conn:
        for table in tables():  # every trail, as a forger who knows the algorithm would
            chain_existing(conn, table)
    forged.dispose()
    _tamper(backup, *RESTORED_GUARDS)
    _refused(db, backup, "与本库记录的不同")


@pytest.mark.parametrize(
    ("statement", "word"),
    [
        ("CREATE VIEW rates AS SELECT 1", "多出"),
        ("CREATE TRIGGER quiet AFTER INSERT ON request BEGIN SELECT 1; END", "多出"),
        ("DROP INDEX ix_request_created", "缺少"),
    ],
)
def test_a_schema_xinsheng_did_not_make_is_refused(street: tuple[Path, Path], statement: str, word: str) -> None:
    db, backup = street
    _tamper(backup, statement)
    _refused(db, backup, "数据库结构", word)


def test_a_neutered_guard_is_refused(street: tuple[Path, Path]) -> None:
    """Same name, body that lets everything through."""
    db, backup = street
    _tamper(
        backup,
        "DROP TRIGGER requestevent_append_only_delete",
        "CREATE TRIGGER requestevent_append_only_delete BEFORE DELETE ON requestevent WHEN 0 BEGIN SELECT 1; END",
    )
    _refused(db, backup, "requestevent_append_only_delete", "被改过")


def test_a_good_backup_restores_and_leaves_no_copy_behind(street: tuple[Path, Path]) -> None:
    db, backup = street
    restored = run(db, "db", "restore", str(backup))
    assert restored.exit_code == 0, restored.output
    assert "办理记录链头：" in restored.stdout and "安全审计链头：" in restored.stdout
    assert not [p.name for p in db.parent.iterdir() if "恢复前" in p.name or "xinsheng-restore" in p.name]
