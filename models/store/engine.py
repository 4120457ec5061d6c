"""Engine, sessions and schema upgrades.

One engine per process and database URL; migrations run on open so every front end sees the current schema.
Checking the stored revision against the packaged head first keeps start-up cheap: alembic is only imported when
there is something to do.
"""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from models.core.config import config, data_dir
from models.core.errors import BusyError, DatabaseUnavailable, UserError, XinshengError
from models.core.private import create_private, private_dir
from models.store.failures import as_user_error
from models.store.migrations import HEAD_REVISION

T = TypeVar("T")

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

_engines: dict[str, Engine] = {}


def default_db_path() -> Path:
    return data_dir() / "xinsheng.db"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """`--db` wins over XINSHENG_DB, which wins over the default file; plain paths become SQLite URLs."""
    value = str(db) if db else config().db or str(default_db_path())
    if "://" in value:
        if value.startswith(("postgresql://", "postgres://")):
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        if not value.startswith(("postgresql+psycopg://", "sqlite:///")):
            scheme = value.split("://", 1)[0]
            raise UserError(f"不支持的数据库 “{scheme}”：--db 应为 SQLite 文件路径或 postgresql://… 地址")
        return value
    path = Path(value).expanduser().resolve()
    if path.is_dir():
        raise UserError(f"--db 指向的是目录而不是数据库文件：{path}")
    if path.parent == data_dir().resolve():
        private_dir(path.parent)
    elif not path.parent.is_dir():
        # a mistyped path must not quietly create a fresh, empty database somewhere else
        raise UserError(f"数据库所在目录不存在：{path.parent}")
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    from models.store.chain import sha256_hex

    # the hash chain's link, so one UPDATE can number and link a terminal's event (models.store.chain.append)
    dbapi_connection.create_function("xinsheng_sha256", 1, sha256_hex, deterministic=True)


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL (None for a server or an in-memory database)."""
    if not url.startswith("sqlite:///"):
        return None
    name = url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(name) if name and name != ":memory:" and not name.startswith("file:") else None


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = sqlite_file(url)
        if path is not None and not path.exists():
            # created 0600 before SQLite does it 0644; SQLite gives -wal and -shm the database's permissions
            with contextlib.suppress(OSError):  # made meanwhile by another process, or SQLite says what is wrong
                create_private(path)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        connect_args: dict[str, Any] = {"application_name": "xinsheng"}
        if "pgbouncer" in parsed.query:
            # behind PgBouncer in transaction mode consecutive transactions may use different server connections,
            # so psycopg's automatic server-side prepared statements would collide ("_pg3_0 already exists")
            if parsed.query["pgbouncer"] not in ("1", "true", "on", "yes"):
                raise UserError(f"数据库 URL 中的 pgbouncer 应为 1，收到 “{parsed.query['pgbouncer']}”")
            connect_args["prepare_threshold"] = None
            parsed = parsed.difference_update_query(["pgbouncer"])
        # a terminal rarely runs more than two queries at once; hundreds of terminals each keeping the default five
        # connections open would exhaust a server's max_connections (docs/deployment.md)
        engine = create_engine(
            parsed,
            pool_pre_ping=True,
            pool_size=config().pool_size,
            max_overflow=config().pool_overflow,
            pool_recycle=1800,
            connect_args=connect_args,
        )
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to `revision`; a database already newer than this program is refused, not half-understood."""
    from alembic import command
    from alembic.config import Config

    found = current_revision(engine)
    if found is not None and found.isdigit() and int(found) > int(HEAD_REVISION):
        raise UserError(
            f"数据库版本 {found} 比本程序支持的 {HEAD_REVISION} 新：请先把 xinsheng 升级到与数据库一致的版本"
        )

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def open_engine(db: str | os.PathLike[str] | None = None, *, migrate: bool = True, create: bool = True) -> Engine:
    """The process-wide engine for `db`, upgraded to the packaged schema.

    `create=False` refuses a PostgreSQL database without xinsheng's tables instead of creating them: a terminal
    whose role has the wrong search_path or database name must not quietly start a second, empty xinsheng
    beside the district's real one.
    """
    url = resolve_url(db)
    engine = _engines.get(url)
    if engine is None:
        engine = make_engine(url)
        try:
            found = current_revision(engine) if migrate else HEAD_REVISION
            if found is None and not create and not url.startswith("sqlite"):
                where = engine.url.render_as_string(hide_password=True)
                raise UserError(
                    f"{where} 中没有 xinsheng 的表：请检查数据库名和账号的 search_path；"
                    "新数据库请先由管理员运行 xinsheng db upgrade"
                )
            if migrate and found != HEAD_REVISION:
                upgrade(engine)
        except Exception as exc:
            if isinstance(exc, XinshengError):
                raise
            from sqlalchemy.exc import DatabaseError

            if isinstance(exc, DatabaseError):  # unreachable server, or a file that is not a database
                reason = " ".join(str(exc.orig).split())
                where = engine.url.render_as_string(hide_password=True)
                if "file is not a database" in reason:
                    raise UserError(f"{where} 不是数据库文件（请检查 --db 的路径）") from exc
                raise DatabaseUnavailable(f"无法打开数据库 {where}：{reason}") from exc
            raise
        _engines[url] = engine
    return engine


def dispose_all() -> None:
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error.

    A lock timeout or deadlock becomes BusyError (an XinshengError), so no front end ever shows a user "database is
    locked" as a traceback: the CLI prints one line, the TUI says to try again.
    """
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException as exc:
            with contextlib.suppress(Exception):  # a lost connection: nothing was committed, nothing to undo
                session.rollback()
            problem = as_user_error(exc)
            if problem is not None:
                raise problem from exc
            raise


def run_unit(engine: Engine, work: Callable[[Session], T], *, attempts: int = 5) -> T:
    """Run `work` as one unit of work, again from the start if the database was busy.

    Safe to repeat because a failed attempt rolled back everything it did; `work` must not have effects outside
    the session. Conflicts with someone else's change (ConflictError) are not retried: the user has to look again.
    """
    for attempt in range(1, attempts + 1):
        try:
            with session_scope(engine) as session:
                return work(session)
        except BusyError:
            if attempt == attempts:
                raise
            time.sleep(random.uniform(0.05, 0.2) * attempt)  # jitter, so the losers do not collide again
    raise AssertionError("unreachable")


def backup_sqlite(engine: Engine, target: Path) -> None:
    """Online backup through SQLite's backup API: consistent even while others write.

    The target is created here, 0600 and only if nothing is there (a file, a link or a device); a failed backup
    removes it. `xinsheng db backup` writes through files.outputs.complete_or_absent, which adds --force."""
    import sqlite3

    if not target.parent.is_dir():
        raise UserError(f"备份目录不存在：{target.parent}")
    try:
        create_private(target)
    except FileExistsError:
        raise UserError(f"备份文件已存在：{target}") from None
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        raw.close()


def forget_engine(db: str | os.PathLike[str]) -> None:
    """Close and drop this process's engine for `db` (before its file is moved or deleted)."""
    engine = _engines.pop(resolve_url(db), None)
    if engine is not None:
        engine.dispose()


def delete_sqlite_file(db: str | os.PathLike[str]) -> None:
    """Remove a SQLite database (and its WAL files), closing this process's engine on it first."""
    url = resolve_url(db)
    if not url.startswith("sqlite:///"):
        raise UserError("只能删除 SQLite 数据库文件；数据库服务器请由管理员清空")
    forget_engine(db)
    path = url.removeprefix("sqlite:///")
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)


def check_backup_file(source: Path) -> None:
    """A backup worth looking into: a SQLite file, intact, made by xinsheng, not newer than this program."""
    import sqlite3

    from models.store.migrations import HEAD_REVISION

    if not source.is_file():
        raise UserError(f"找不到备份文件：{source}")
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as backup:
            if backup.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise UserError(f"备份文件已损坏，未恢复：{source}")
            row = backup.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"不是 xinsheng 的 SQLite 备份文件：{source}（{exc}）") from None
    if row is None or not str(row[0]).isdigit():
        raise UserError(f"不是 xinsheng 的备份文件：{source}")
    if int(row[0]) > int(HEAD_REVISION):
        raise UserError(f"备份来自更新的 xinsheng（数据库版本 {row[0]}），请先升级程序")


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite file through the backup API, read-only on the source; `target` must exist
    (created private by the caller) or be creatable."""
    import sqlite3

    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True) as origin,
        contextlib.closing(sqlite3.connect(target)) as copy,
    ):
        origin.backup(copy)


def restore_sqlite(engine: Engine, source: Path) -> None:
    """Replace this SQLite database with a backup, through the backup API (one transaction: all or nothing).

    Newer-than-backup migrations run on the next open. models.access.restore vets the backup before this runs.
    """
    import sqlite3

    check_backup_file(source)
    raw = engine.raw_connection()
    try:
        target = raw.driver_connection
        assert isinstance(target, sqlite3.Connection)
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as backup:
            backup.backup(target)
    finally:
        raw.close()
    engine.dispose()  # pooled connections must not keep pages of the replaced database
