"""The hash-chained trails (issue 16, item 1): every event and audit row is numbered and linked to the one before,
on PostgreSQL by the server itself, so a rewrite anywhere is named by `db check` at the first row it broke."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import select

from models.access.audit import record
from models.core.vocabulary import AuditAction
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store import chain
from models.store.consistency import check_database
from models.store.engine import session_scope
from models.store.tables import AuditEvent, RequestEvent
from tests.conftest import area_chain, take_on

ADMIN = Actor("管理员", "admin")
TRAILS = ("requestevent", "auditevent")


def _history(engine: Engine, requests: int = 3) -> None:
    """A few requests taken through 登记 → 受理 → 派单 → 签收, and an audit row after each."""
    with session_scope(engine) as session:
        grid = area_chain(session, "槐安街道", "东社区", "第1网格")[-1].id
        for n in range(requests):
            request = log_request(session, ADMIN, title=f"楼道灯不亮{n}", area_id=grid, item_code="JD-002").request
            take_on(session, request, ADMIN)
            record(session, ADMIN, AuditAction.EXPORT, rows=n)


def _failed(engine: Engine) -> dict[str, list[str]]:
    return {check.name: check.examples for check in check_database(engine) if not check.ok}


def _as_owner(engine: Engine, *statements: str) -> None:
    """What someone with the database's owner rights (or the SQLite file) can do: lift the guards and rewrite."""
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


def _lift_guards(engine: Engine) -> list[str]:
    if engine.dialect.name == "sqlite":
        return [f"DROP TRIGGER {t}_append_only_{v}" for t in TRAILS for v in ("update", "delete")]
    return [f"ALTER TABLE {t} DISABLE TRIGGER {t}_append_only" for t in TRAILS]


@pytest.fixture(autouse=True)
def _guards_back(request: pytest.FixtureRequest) -> Iterator[None]:
    """PostgreSQL tests share one migrated schema per worker: a guard a test lifted is put back for the next."""
    engine = request.getfixturevalue("catalog_engine") if "catalog_engine" in request.fixturenames else None
    yield
    if engine is not None and engine.dialect.name == "postgresql":
        _as_owner(engine, *(f"ALTER TABLE {t} ENABLE TRIGGER USER" for t in TRAILS))


def test_every_row_is_numbered_and_linked_and_the_head_is_the_last_row(catalog_engine) -> None:
    _history(catalog_engine)
    assert _failed(catalog_engine) == {}
    with catalog_engine.connect() as conn:
        heads = {head.table: head for head in chain.heads(conn)}
        for table in TRAILS:
            walked, broken = chain.verify(conn, table)
            assert broken is None and walked == heads[table].seq > 0
        seqs = [row[0] for row in conn.execute(text("SELECT seq FROM requestevent ORDER BY id"))]
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) == 3 * 4


@pytest.mark.parametrize(
    ("attack", "reason"),
    [
        ("UPDATE requestevent SET note = '已办好' WHERE seq = 5", "哈希不符"),
        ("UPDATE requestevent SET to_status = 'resolved' WHERE seq = 5", "哈希不符"),
        ("DELETE FROM requestevent WHERE seq = 5", "缺少第 5 条"),
        ("UPDATE auditevent SET actor = '督办负责人' WHERE seq = 2", "哈希不符"),
    ],
)
def test_a_rewritten_or_removed_row_is_named_by_db_check(catalog_engine, attack: str, reason: str) -> None:
    _history(catalog_engine)
    _as_owner(catalog_engine, *_lift_guards(catalog_engine), attack)
    failed = _failed(catalog_engine)
    trail = "安全审计哈希链完整" if "auditevent" in attack else "办理记录哈希链完整"
    assert trail in failed, failed
    (told,) = failed[trail]
    assert reason in told and ("第 5 条" in told or "第 2 条" in told), told
    assert "只增不改的保护（触发器）齐全且启用" in failed


def test_removing_the_last_rows_is_caught_by_the_head(catalog_engine) -> None:
    _history(catalog_engine)
    _as_owner(catalog_engine, *_lift_guards(catalog_engine), "DELETE FROM requestevent WHERE seq > 10")
    failed = _failed(catalog_engine)
    assert "链头与最后一行不符" in failed["办理记录哈希链完整"][0]


def test_a_forged_row_is_caught_whatever_hash_it_claims(catalog_engine) -> None:
    """A row inserted by hand after the last one, with a plausible seq and a made-up hash."""
    _history(catalog_engine)
    with session_scope(catalog_engine) as session:
        request_id = session.exec(select(RequestEvent.request_id)).first()
    forged = (
        "INSERT INTO requestevent (request_id, at, actor, action, from_status, to_status, note, data, seq, hash) "
        f"VALUES ({request_id}, '2026-03-01 09:00:00', '督办负责人', 'resolve', 'processing', 'resolved', '', '{{}}', "
        f"13, '{'ab' * 32}')"
    )
    if catalog_engine.dialect.name == "postgresql":
        # the server numbers and links the row itself: the forged seq and hash are replaced, and the chain holds,
        # but the row's time is the server's, not the one claimed (a backdated event is impossible)
        _as_owner(catalog_engine, forged)
        with catalog_engine.connect() as conn:
            at, seq, hashed = conn.execute(
                text("SELECT at, seq, hash FROM requestevent ORDER BY seq DESC LIMIT 1")
            ).one()
        assert seq == 13 and hashed != "ab" * 32 and at > datetime(2026, 11, 30)
        assert "办理记录哈希链完整" not in _failed(catalog_engine)
        return
    _as_owner(catalog_engine, forged)
    assert "办理记录哈希链完整" in _failed(catalog_engine)


def test_a_row_written_around_the_write_path_has_no_link_and_is_named(sqlite_engine) -> None:
    with session_scope(sqlite_engine) as session:
        record(session, ADMIN, AuditAction.EXPORT)
    _as_owner(
        sqlite_engine,
        "INSERT INTO auditevent (at, actor, role, action, detail) "
        "VALUES ('2019-01-01 03:00:00', 'x', 'admin', 'export', '{}')",
    )
    (told,) = _failed(sqlite_engine)["安全审计哈希链完整"]
    assert "没有序号或哈希" in told


@pytest.mark.postgres
def test_postgres_sets_the_time_from_its_own_clock_unless_the_database_is_for_training(pg_migrated_url) -> None:
    """A terminal's clock (XINSHENG_NOW, a wrong system time, a crafted client) cannot backdate an event."""
    from models.access.policy import mark_training
    from models.store.engine import open_engine

    pg_engine = open_engine(pg_migrated_url)

    claimed = datetime(2019, 1, 1, 3, 0)
    with session_scope(pg_engine) as session:
        session.execute(
            text("INSERT INTO auditevent (at, actor, role, action, detail) VALUES (:at, 'x', 'admin', 'export', '{}')"),
            {"at": claimed},
        )
    with session_scope(pg_engine) as session:
        server_now = session.execute(text("SELECT (now() AT TIME ZONE 'UTC') + interval '8 hours'")).scalar_one()
        stored = session.exec(select(AuditEvent.at).order_by(AuditEvent.seq.desc())).first()  # type: ignore[union-attr]
        assert stored is not None and abs(stored - server_now) < timedelta(minutes=5)
        mark_training(session)
    with session_scope(pg_engine) as session:
        record(session, ADMIN, AuditAction.EXPORT)
        session.execute(
            text("INSERT INTO auditevent (at, actor, role, action, detail) VALUES (:at, 'x', 'admin', 'export', '{}')"),
            {"at": claimed},
        )
    with session_scope(pg_engine) as session:
        assert session.exec(select(AuditEvent.at).order_by(AuditEvent.seq.desc())).first() == claimed  # type: ignore[union-attr]
    assert "安全审计哈希链完整" not in _failed(pg_engine)


def test_the_migration_chains_the_rows_a_database_already_has(tmp_path) -> None:
    """A database from before the chain (revision 0011) with events in it: after the upgrade every old row is
    numbered in id order and linked, and new rows continue the same chain."""
    from models.store.engine import make_engine, open_engine, upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = make_engine(url)
    upgrade(old, "0011")
    with old.begin() as conn:
        conn.execute(text("INSERT INTO auditevent (at, actor, role, action, detail) VALUES "
                          "('2026-01-02 03:04:05.678', 'a', 'admin', 'export', '{}'), "
                          "('2026-01-03 03:04:05', 'b', 'admin', 'backup', '{\"file\": \"x\"}')"))  # fmt: skip
    old.dispose()
    engine = open_engine(url)
    with session_scope(engine) as session:
        record(session, ADMIN, AuditAction.EXPORT)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT actor, seq, at FROM auditevent ORDER BY seq")).all()
        assert [(actor, seq) for actor, seq, _ in rows] == [("a", 1), ("b", 2), ("管理员", 3)]
        assert chain.verify(conn, "auditevent") == (3, None)


def test_the_monthly_report_prints_the_heads_it_was_computed_from(catalog_engine) -> None:
    from models.files.report_files import render_markdown
    from models.reporting.report import monthly_report
    from models.store.consistency import chain_heads

    _history(catalog_engine)
    with session_scope(catalog_engine) as session:
        report = monthly_report(session, "2026-11")
    heads = chain_heads(catalog_engine)
    assert report.chain_heads == heads and heads[0].startswith("办理记录链头：12 条 · ")
    assert all(head in render_markdown(report) for head in heads)
