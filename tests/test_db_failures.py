"""How database failures reach a user: busy is retried then one line, anything else one line, bugs stay bugs."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, ProgrammingError

from models.db_failures import as_user_error, is_transient
from models.errors import BusyError, DatabaseUnavailable, UserError


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
            DatabaseUnavailable,
        ),
        (DataError("INSERT", {}, DriverError("value too long for type character varying(300)", "22001")), UserError),
    ],
)
def test_what_the_user_is_told(error: Exception, expected: type[UserError]) -> None:
    told = as_user_error(error)
    assert type(told) is expected
    assert "\n" not in str(told) and "未保存任何内容" in str(told)
    assert is_transient(error) == (expected is BusyError)


def test_bugs_are_not_dressed_up_as_user_errors() -> None:
    assert as_user_error(ValueError("boom")) is None
    assert as_user_error(IntegrityError("INSERT", {}, DriverError("duplicate key", "23505"))) is None
