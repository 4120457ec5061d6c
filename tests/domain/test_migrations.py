"""The packaged migrations must build exactly the schema the models describe, on both databases."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import models.store.tables  # noqa: F401
from models.store.engine import MIGRATIONS_DIR, current_revision, make_engine, open_engine, resolve_url, upgrade
from models.store.migrations import HEAD_REVISION


def _diff(engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)


def test_head_constant_matches_the_newest_script() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_models_and_migrations_agree_on_sqlite(tmp_path: Path) -> None:
    engine = make_engine(resolve_url(tmp_path / "m.db"))
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION
    assert _diff(engine) == []


def test_models_and_migrations_agree_on_postgres(pg_url: str) -> None:
    engine = make_engine(pg_url)
    upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION
    assert _diff(engine) == []


def test_open_engine_upgrades_automatically_and_sets_sqlite_pragmas(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "auto.db")
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


def test_a_database_from_the_first_release_upgrades_with_its_data(tmp_path: Path) -> None:
    engine = make_engine(resolve_url(tmp_path / "old.db"))
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO request (ref, channel, kind, title, text, location, urgency, status, created_at, resolution,"
            " return_count, reopen_count, version) VALUES ('XS-2025-000001', 'walk_in', 'help', '楼道灯坏了', '', '',"
            " 'normal', 'new', '2025-06-01 09:00:00', '', 0, 0, 1)"
        )
    upgrade(engine)
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT title, category, title_initials FROM request").all() == [
            ("楼道灯坏了", None, "lddhl")
        ]
        assert conn.exec_driver_sql("SELECT count(*) FROM auditevent").scalar() == 0
    assert _diff(engine) == []


def test_a_database_newer_than_the_program_is_refused_in_one_line(tmp_path) -> None:
    """A terminal not yet upgraded meets a database an upgraded one already migrated: no half-understood schema."""
    import sqlite3
    import subprocess
    import sys

    from models.store.engine import dispose_all, open_engine

    db = tmp_path / "newer.db"
    open_engine(db)
    dispose_all()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    for args in (["stats"], ["db", "upgrade"]):
        done = subprocess.run(
            [sys.executable, "-m", "commands.main", "--db", str(db), *args], capture_output=True, text=True
        )
        assert done.returncode == 2
        assert done.stderr.strip().splitlines() == [
            f"错误：数据库版本 9999 比本程序支持的 {HEAD_REVISION} 新：请先把 xinsheng 升级到与数据库一致的版本"
        ]
