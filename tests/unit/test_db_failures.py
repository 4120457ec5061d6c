"""How database failures reach a user: busy is retried then one line, anything else one line, bugs stay bugs."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, ProgrammingError

from models.core.errors import BusyError, DatabaseUnavailable, PermissionDenied, UserError, XinshengError
from models.store.failures import as_user_error, is_transient


class DriverError(Exception):
    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OperationalError("INSERT", {}, DriverError("database is locked")), BusyError),
        (OperationalError("UPDATE", {}, DriverError("deadlock detected", "40P01")), BusyError),
        (OperationalError("SELECT", {}, DriverError("could not serialize access", "40001")), BusyError),
        (OperationalError("connect", {}, DriverError("FATAL: sorry, too many clients already")), BusyError),
        (
            OperationalError("connect", {}, DriverError("Connection refused\nIs the server running?")),
            DatabaseUnavailable,
        ),
        (
            ProgrammingError("INSERT", {}, DriverError("permission denied for table operator", "42501")),
            PermissionDenied,
        ),
        (DataError("INSERT", {}, DriverError("value too long for type character varying(300)", "22001")), UserError),
    ],
)
def test_what_the_user_is_told(error: Exception, expected: type[XinshengError]) -> None:
    told = as_user_error(error)
    assert type(told) is expected
    assert "\n" not in str(told) and "未保存任何内容" in str(told)
    assert is_transient(error) == (expected is BusyError)
    # a database that is down or busy is a runtime failure (exit 1); a refused value or privilege is the request's (2)
    assert told is not None and told.exit_code == (2 if issubclass(expected, UserError) else 1)


def test_bugs_are_not_dressed_up_as_user_errors() -> None:
    assert as_user_error(ValueError("boom")) is None
    assert as_user_error(IntegrityError("INSERT", {}, DriverError("duplicate key", "23505"))) is None
