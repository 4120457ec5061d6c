"""`db restore` under the audit's rules: an administrator's, only from a backup that is whole, and the audit trail
of the database being replaced survives it.

A backup is a file anyone with the folder could have edited: drop the append-only triggers, delete the older 退单
and 重办 events, zero the counters, and the rates look years better. So before anything is replaced the backup is
copied aside, brought to this version, and checked like `db check` checks a database (both hash chains, the guards,
the counters against the events), its schema is compared with the one xinsheng makes, and its chains must be the
beginning of the chains this database already has: a backup rewritten and re-hashed end to end still differs
from the history recorded here. A backup that fails any of it is refused and nothing changes.

A backup holds the audit as it was when the backup was made. Restoring it alone would erase every row written
since, a personal-data export included: the way to make an export disappear would be a backup before and a
restore after. So the rows the backup lacks are carried over, every command-line session ends (one ended since the
backup would otherwise live again), and the restore itself is recorded. The database being replaced is kept as a
timestamped private copy until the restored one has passed its checks.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from models.access.audit import audit_trail, carry_over, record
from models.access.cli_sessions import end_all
from models.core.clock import now
from models.core.errors import UserError
from models.core.private import create_private
from models.core.vocabulary import AuditAction, Privilege
from models.people.permissions import Actor, require
from models.store import chain
from models.store.consistency import TRAIL_NAMES, Check, check_database
from models.store.engine import (
    check_backup_file,
    copy_sqlite,
    forget_engine,
    open_engine,
    restore_sqlite,
    run_unit,
    sqlite_file,
)


@dataclass(frozen=True)
class Restored:
    engine: Engine
    checks: list[Check]
    kept: Path | None  # the replaced database, kept because the restored one failed a check


def restore_database(url: str, backup: Path, actor: Actor, *, where: str = "") -> Restored:
    """Replace the SQLite database at `url` with `backup`, if the backup is whole (else UserError, nothing done)."""
    require(actor, Privilege.RESTORE)
    database = sqlite_file(url)
    assert database is not None, "db restore is for SQLite files (PostgreSQL has pg_restore)"
    check_backup_file(backup)
    engine = open_engine(url)
    problem = vet_backup(backup, engine, database.parent)
    if problem:
        raise UserError(f"备份未通过检查，未恢复：{problem}")
    kept = database.with_name(f"{database.name}.恢复前-{now():%Y%m%d-%H%M%S}")
    create_private(kept)  # 0600, and never over an existing file
    copy_sqlite(database, kept)
    trail = run_unit(engine, audit_trail)
    restore_sqlite(engine, backup)
    forget_engine(url)  # reopen from scratch: an older backup is migrated to this version on open
    restored = open_engine(url)

    def settle(session: Session) -> None:
        carried = carry_over(session, trail)
        ended = end_all(session)
        record(session, actor, AuditAction.RESTORE, file=str(backup.resolve()), audit_rows_kept=carried,
               sessions_ended=ended, where=where)  # fmt: skip

    run_unit(restored, settle)
    checks = check_database(restored)
    if all(check.ok for check in checks):
        kept.unlink()
        return Restored(restored, checks, None)
    return Restored(restored, checks, kept)


def vet_backup(backup: Path, current: Engine, folder: Path) -> str | None:
    """What is wrong with the backup, in one line, or None: checked on a private copy, brought to this version."""
    scratch = Path(tempfile.mkdtemp(prefix=".xinsheng-restore-", dir=folder))  # 0700
    try:
        copy = scratch / "backup.db"
        create_private(copy)
        copy_sqlite(backup, copy)
        reference = scratch / "reference.db"
        try:
            vetted = open_engine(copy)
            expected = open_engine(reference)
            with vetted.connect() as conn, expected.connect() as model:
                foreign = _foreign_schema(conn, model)
            if foreign:
                return f"数据库结构与 xinsheng 建立的不同（{foreign}）"
            failed = [check for check in check_database(vetted) if not check.ok]
            if failed:
                first = failed[0]
                return f"{first.name}：{'、'.join(first.examples[:2]) or f'{first.problems} 处'}"
            with vetted.connect() as conn, current.connect() as here:
                return _not_our_history(conn, here)
        finally:
            forget_engine(copy)
            forget_engine(reference)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _schema(conn: Connection) -> dict[tuple[str, str], object]:
    """Every table, index, trigger and view. Tables by their columns and constraints (a rebuilt table may list its
    constraints in another order); the rest by their SQL, which the migrations write verbatim."""
    found: dict[tuple[str, str], object] = {}
    for kind, name, sql in conn.execute(
        text("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    ):
        if kind != "table":
            found[(kind, name)] = " ".join((sql or "").split())
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        columns = conn.exec_driver_sql(f"PRAGMA table_xinfo({quoted})").all()
        keys = sorted(tuple(row[2:5]) for row in conn.exec_driver_sql(f"PRAGMA foreign_key_list({quoted})"))
        unique = sorted(
            (
                origin,
                tuple(c[2] for c in conn.exec_driver_sql(f'PRAGMA index_info("{index}")')),
            )
            for _, index, is_unique, origin, _ in conn.exec_driver_sql(f"PRAGMA index_list({quoted})")
            if is_unique and origin != "c"  # UNIQUE and PRIMARY KEY constraints; CREATE INDEX ones are listed above
        )
        found[(kind, name)] = (tuple(tuple(c) for c in columns), keys, unique)
    return found


def _foreign_schema(conn: Connection, model: Connection) -> str | None:
    """The first table, index, trigger or view that is not exactly what the migrations make (one dropped, added or
    rewritten to do nothing), named."""
    found, expected = _schema(conn), _schema(model)
    for key in sorted(expected.keys() - found.keys()):
        return f"缺少 {key[0]} {key[1]}"
    for key in sorted(found.keys() - expected.keys()):
        return f"多出 {key[0]} {key[1]}"
    for key in sorted(expected):
        if found[key] != expected[key]:
            return f"{key[0]} {key[1]} 被改过"
    return None


def _not_our_history(backup: Connection, here: Connection) -> str | None:
    """A backup is an earlier state of this database: each of its trails must end at a row this database has, with
    the same hash. A database with fewer rows (a new or emptied one) has nothing to compare and takes the backup."""
    for head in chain.heads(backup):
        if head.table not in chain.FIELDS:
            return f"链头表中有未知的记录 “{head.table[:40]}”"
        ours = here.execute(
            text(f"SELECT hash FROM {head.table} WHERE seq = :seq"),
            {"seq": head.seq},
        ).scalar_one_or_none()
        if head.seq and ours is not None and ours != head.hash:
            return (
                f"备份的{TRAIL_NAMES[head.table]}到第 {head.seq} 条与本库记录的不同（备份被改过，或来自另一个数据库；"
                "确要换成另一个数据库的备份，请先把当前数据库文件移走）"
            )
    return None
