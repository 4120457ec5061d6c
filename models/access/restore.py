"""`db restore` under the audit's rules: an administrator's, and the audit trail of the database being replaced
survives it.

A backup holds the audit as it was when the backup was made. Restoring it alone would erase every row written
since, a personal-data export included: the way to make an export disappear would be a backup before and a
restore after. So the rows the backup lacks are carried over, every command-line session ends (one ended since the
backup would otherwise live again), and the restore itself is recorded.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.access.audit import audit_trail, carry_over, record
from models.access.cli_sessions import end_all
from models.core.vocabulary import AuditAction, Privilege
from models.people.permissions import Actor, require
from models.store.engine import forget_engine, open_engine, restore_sqlite, run_unit


def restore_database(url: str, backup: Path, actor: Actor, *, where: str = "") -> Engine:
    """Replace the SQLite database at `url` with `backup`; the engine on the restored database."""
    require(actor, Privilege.RESTORE)
    engine = open_engine(url)
    trail = run_unit(engine, audit_trail)
    restore_sqlite(engine, backup)
    forget_engine(url)  # reopen from scratch: an older backup is migrated to this version on open
    restored = open_engine(url)

    def settle(session: Session) -> None:
        kept = carry_over(session, trail)
        ended = end_all(session)
        record(session, actor, AuditAction.RESTORE, file=str(backup.resolve()), audit_rows_kept=kept,
               sessions_ended=ended, where=where)  # fmt: skip

    run_unit(restored, settle)
    return restored
