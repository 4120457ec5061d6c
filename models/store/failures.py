"""What a database failure means for the person at the terminal.

Some failures say only that others held the database at that moment (a lock, a deadlock, a full server) and are
worth a retry; others (a lost connection, a refused privilege, a value the database will not store) are not, but
still deserve one clear line instead of a traceback. Both front ends ask here, through store.engine.session_scope.
"""

from __future__ import annotations

from models.core.errors import BusyError, DatabaseUnavailable, PermissionDenied, UserError, XinshengError

# PostgreSQL's "try again" states: serialization failure, deadlock victim, lock not available, connection slots
# all taken, server starting up
_TRANSIENT_SQLSTATES = {"40001", "40P01", "55P03", "53300", "57P03"}
_TRANSIENT_MESSAGES = ("database is locked", "database is busy", "database table is locked", "too many clients")
BUSY_MESSAGE = "数据库正忙（其他终端正在写入），未保存任何内容，请稍后重试"


def is_transient(exc: BaseException) -> bool:
    """A failure that says nothing about the work itself, only that others held the database at that moment."""
    from sqlalchemy.exc import DBAPIError

    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:
        return True
    message = str(orig).lower()
    return any(text in message for text in _TRANSIENT_MESSAGES)


# the tables only an administrator's database connection may write (models.store.roles.ADMIN_ONLY)
ADMIN_TABLES = ("operator", "setting", "deadlinerule")


def refused_privilege(exc: BaseException) -> bool:
    """The database account lacks a privilege (a read-only reporting role writing, a terminal role migrating)."""
    return getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501"


def describe_failure(exc: BaseException) -> str:
    """Any failure as one line a user may see: a database error by the driver's first line only (never the
    statement's values: an IntegrityError during an import quoted 8 KB of residents' names and phones), masked."""
    from models.core.text import mask_personal, one_line

    orig = getattr(exc, "orig", None)
    source = orig if orig is not None else exc
    first = (str(source).strip().splitlines() or [""])[0]
    return one_line(mask_personal(f"{type(source).__name__}: {' '.join(first.split())}"[:240]))


def as_user_error(exc: BaseException) -> XinshengError | None:
    """What to tell a user about a database failure that is not their input's fault; None for everything else.

    A busy database is worth retrying; a lost connection or an unreadable file is not, but it still deserves one
    clear line (and the TUI must survive it) rather than a traceback.
    """
    from sqlalchemy.exc import DataError, DBAPIError, InterfaceError, OperationalError

    if is_transient(exc):
        return BusyError(BUSY_MESSAGE)
    if not isinstance(exc, DBAPIError):
        return None
    reason = describe_failure(exc).split(": ", 1)[-1][:200]
    if refused_privilege(exc):
        # the account may not do this, whatever is retried: refused like any other permission (exit 2)
        if any(f"table {table}" in reason for table in ADMIN_TABLES):
            where = "只能通过管理员的数据库连接修改（docs/deployment.md 第 4 节）"
            return PermissionDenied(f"数据库账号权限不足（{reason}）：账户、设置和期限规则{where}，未保存任何内容")
        return PermissionDenied(f"数据库账号权限不足（{reason}），未保存任何内容，请联系管理员")
    if isinstance(exc, OperationalError | InterfaceError):
        return DatabaseUnavailable(f"数据库暂时无法使用（{reason}），未保存任何内容，请稍后重试或联系管理员")
    if isinstance(exc, DataError):  # a value the domain checks missed: refused by the database, still one line
        return UserError(f"数据库拒绝了这项内容（{reason}），未保存任何内容")
    return None
