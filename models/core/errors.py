"""The one error tree: every failure xinsheng raises on purpose, and the exit code of its kind.

Front ends show any `XinshengError` as one clear line, never a traceback; the CLI exits with its `exit_code`. The two
kinds differ in whose move it is: bad input or an illegal request (2) is the user's to fix, a runtime failure (1) —
a database that is down or busy, a request someone else just changed — is worth trying again as it is.
"""

from __future__ import annotations

EXIT_RUNTIME = 1
EXIT_BAD_INPUT = 2


class XinshengError(Exception):
    """Root of every error raised on purpose; anything else that escapes is a bug."""

    exit_code = EXIT_RUNTIME


class UserError(XinshengError):
    """Bad input or an illegal request from the user: the input or the request must change."""

    exit_code = EXIT_BAD_INPUT


class InputError(UserError):
    """A problem in an input file, located by row and column so the user can fix the file."""

    def __init__(self, message: str, *, row: int | None = None, column: str | None = None) -> None:
        self.row = row
        self.column = column
        self.reason = message  # without the location, for error files that have their own row/column columns
        where = []
        if row is not None:
            where.append(f"第 {row} 行")
        if column:
            where.append(f"列 “{column}”")
        prefix = "，".join(where)
        super().__init__(f"{prefix}：{message}" if prefix else message)


class WorkflowError(UserError):
    """A transition that the workflow does not allow from the request's current state."""


class PermissionDenied(UserError):
    """The operator's role or reach does not allow this (checked in the domain, whatever the front end hid)."""


class NotEmptyError(UserError):
    """A target that must be empty is not (building the demo into a database that holds a street's data)."""


class ConflictError(XinshengError):
    """Someone else changed the request since it was read (optimistic locking): reload and try again."""


class BusyError(ConflictError):
    """The database stayed busy with other terminals' writes (or chose this one as a deadlock victim) even after
    retrying: nothing was written, and trying again is the right thing to do."""


class DatabaseUnavailable(XinshengError):
    """The database could not be reached or used (server down, network gone, file unreadable, a privilege the
    account lacks): not the user's input, but something they must be told in one line, with nothing half-written."""
