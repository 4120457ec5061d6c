"""`xinsheng db check`: integrity and reconciliation of requests against their event trail, on both databases."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from models.requests.intake import log_request
from models.requests.workflow import Actor, accept
from models.store.consistency import check_database
from models.store.engine import session_scope


def _failing(engine) -> dict[str, list[str]]:
    return {c.name: c.examples for c in check_database(engine) if not c.ok}


def test_a_clean_database_passes_and_damage_is_named(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        kept = log_request(s, Actor("t"), title="楼道灯坏了", item_code="JD-007").request
        accept(s, kept, Actor("t"))
        ref = kept.ref
    assert _failing(catalog_engine) == {}
    with catalog_engine.begin() as conn:  # what a crash or a hand edit could leave behind
        conn.execute(text("UPDATE request SET status = 'closed' WHERE ref = :ref"), {"ref": ref})
        conn.execute(
            text(
                "INSERT INTO request (ref, title, title_initials, text, location, channel, kind, urgency, status, "
                "resolution, created_at, return_count, reopen_count, escalation_level, version) VALUES "
                "('XS-2026-999999', '无记录', '', '', '', 'walk_in', 'help', 'normal', 'new', '', :at, 0, 0, 0, 1)"
            ),
            {"at": datetime(2026, 3, 1)},
        )
    failing = _failing(catalog_engine)
    assert failing == {
        "每条诉求都有登记或导入记录": ["XS-2026-999999"],
        "诉求状态与最后一条改变状态的记录一致": [ref],
        "诉求编号计数器与编号一致（无缺号）": ["2026"],  # a ref no counter handed out
    }


def test_db_check_command_exits_1_on_a_problem(tmp_path, catalog_csv) -> None:
    from typer.testing import CliRunner

    from commands.main import app
    from models.store.engine import open_engine
    from tests.accounts import cli_first_admin

    db = tmp_path / "check.db"
    runner = CliRunner()
    cli_first_admin(str(db))
    assert runner.invoke(app, ["--db", str(db), "catalog", "import", str(catalog_csv)]).exit_code == 0
    clean = runner.invoke(app, ["--db", str(db), "db", "check"])
    assert clean.exit_code == 0 and "✘" not in clean.stdout and "✔ 外键" in clean.stdout
    with session_scope(open_engine(db)) as s:
        log_request(s, Actor("t"), title="路灯不亮", item_code="JD-007")
    with open_engine(db).begin() as conn:
        conn.execute(text("UPDATE request SET status = 'resolved'"))
    broken = runner.invoke(app, ["--db", str(db), "db", "check"])
    assert broken.exit_code == 1 and "✘ 诉求状态与最后一条改变状态的记录一致：1 处" in broken.stdout


def test_backup_and_restore_round_trip_with_a_check(tmp_path, catalog_csv) -> None:
    from sqlmodel import func, select
    from typer.testing import CliRunner

    from commands.main import app
    from models.store.engine import forget_engine, open_engine
    from models.store.tables import Request, RequestEvent

    db, backup = tmp_path / "live.db", tmp_path / "backup.db"
    runner = CliRunner()

    def cli(*args: str):
        return runner.invoke(app, ["--db", str(db), *args])

    from tests.accounts import cli_first_admin, cli_login

    cli_first_admin(str(db))
    assert cli("catalog", "import", str(catalog_csv)).exit_code == 0
    with session_scope(open_engine(db)) as s:
        for title in ("路灯不亮", "楼道灯坏了"):
            accept(s, log_request(s, Actor("t"), title=title, item_code="JD-007").request, Actor("t"))
    assert cli("db", "backup", str(backup)).exit_code == 0
    with session_scope(open_engine(db)) as s:  # work done after the backup is what a restore gives up
        log_request(s, Actor("t"), title="备份之后登记的", item_code="JD-007")
    restored = cli("db", "restore", str(backup))
    assert restored.exit_code == 0, restored.output
    # 7 before issue 16; the chains added 6, the outcomes 2; the door's trail 1 and its tasks 3
    assert "检查 19/19 项通过" in restored.stdout
    assert cli("db", "check").exit_code == 2  # a restore ends every command-line session
    cli_login(str(db), "管理员")
    assert cli("db", "check").exit_code == 0
    forget_engine(db)
    with session_scope(open_engine(db)) as s:
        assert s.exec(select(func.count()).select_from(Request)).one() == 2
        assert s.exec(select(func.count()).select_from(RequestEvent)).one() == 4

    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("这不是数据库", encoding="utf-8")
    for source, message in ((not_a_db, "不是 xinsheng"), (tmp_path / "missing.db", "找不到备份文件")):
        refused = cli("db", "restore", str(source))
        assert refused.exit_code == 2 and message in refused.stderr and len(refused.stderr.splitlines()) == 1
    with session_scope(open_engine(db)) as s:  # a refused restore leaves the database as it was
        assert s.exec(select(func.count()).select_from(Request)).one() == 2


def test_zeroed_counters_and_a_removed_request_are_named(catalog_engine) -> None:
    """The reviewer's crafted database zeroed the 退单 and 重办 counters; a removed request leaves a gap in the refs."""
    from models.requests.workflow import dispatch, return_request, sign

    with session_scope(catalog_engine) as s:
        requests = [log_request(s, Actor("t"), title=f"楼道灯坏了{n}", item_code="JD-007").request for n in range(3)]
        for request in requests:
            accept(s, request, Actor("t"))
            dispatch(s, request, Actor("t"))
            sign(s, request, Actor("t"))
            return_request(s, request, Actor("t"), reason="不归我们")
        refs = [r.ref for r in requests]
    assert _failing(catalog_engine) == {}
    with catalog_engine.begin() as conn:
        conn.execute(text("UPDATE request SET return_count = 0 WHERE ref = :ref"), {"ref": refs[0]})
    assert _failing(catalog_engine) == {"退单次数与退单记录一致": [refs[0]]}
    with catalog_engine.begin() as conn:
        conn.execute(text("UPDATE request SET return_count = 1 WHERE ref = :ref"), {"ref": refs[0]})
        conn.execute(text("UPDATE request SET reopen_count = 2 WHERE ref = :ref"), {"ref": refs[1]})
    assert _failing(catalog_engine) == {"重办次数与重办记录一致": [refs[1]]}
