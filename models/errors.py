"""Errors a user can cause; front ends turn them into one clear line (exit code 2 in the CLI)."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or an illegal request from the user: shown as one line, never as a traceback."""


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


class ConflictError(UserError):
    """Someone else changed the request since it was read (optimistic locking)."""


class BusyError(ConflictError):
    """The database stayed busy with other terminals' writes (or chose this one as a deadlock victim) even after
    retrying: nothing was written, and trying again is the right thing to do."""


class DatabaseUnavailable(UserError):
    """The database could not be reached or read (server down, network gone, file unreadable): not the user's
    input, but something they must be told in one line, with nothing half-written."""
