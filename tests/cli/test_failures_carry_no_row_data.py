"""Errors and logs carry no row data (issue 16, item 6): a database error during an import quoted 8 KB of the rows
it was writing — residents' names and phones — to the terminal, and the TUI wrote the same into xinsheng.log."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError
from typer.testing import CliRunner

from models.core.text import scrub_failure

PHONES = [f"139{n:08d}" for n in range(200)]


def _integrity_error(tmp_path: Path) -> IntegrityError:
    """A real one, from a multi-row INSERT of residents' rows into a table that already has the first of them."""
    engine = create_engine(f"sqlite:///{tmp_path / 'rows.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE person (phone TEXT PRIMARY KEY, name TEXT)"))
        conn.execute(text("INSERT INTO person VALUES ('13900000000', '王芳')"))
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO person VALUES (:phone, :name)"),
                         [{"phone": p, "name": f"居民{i}"} for i, p in enumerate(PHONES)])  # fmt: skip
    except IntegrityError as exc:
        return exc
    raise AssertionError("the duplicate was accepted")


def test_scrubbing_drops_the_bound_values_and_masks_what_is_left(tmp_path: Path) -> None:
    exc = _integrity_error(tmp_path)
    assert "13900000198" in str(exc)  # what SQLAlchemy prints by itself (the first and last rows)
    scrubbed = scrub_failure(f"{exc}\n另：回电 139 0000 0456")
    assert not any(phone in scrubbed for phone in PHONES) and "居民12" not in scrubbed
    assert "[parameters: 已略去]" in scrubbed and "UNIQUE constraint failed" in scrubbed and "139****0456" in scrubbed


def test_the_command_line_says_one_line_without_the_rows(tmp_path: Path) -> None:
    from commands.common import user_errors

    exc = _integrity_error(tmp_path)
    app = typer.Typer()

    @app.command()
    def fails() -> None:
        with user_errors():
            raise exc

    result = CliRunner().invoke(app, [])
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1 and len(lines[0]) < 300, result.stderr
    assert "UNIQUE constraint failed" in lines[0] and not any(phone in result.output for phone in PHONES)


def test_an_unexpected_error_with_a_phone_in_its_message_is_masked_on_the_command_line() -> None:
    from commands.common import user_errors

    app = typer.Typer()

    @app.command()
    def fails() -> None:
        with user_errors():
            raise ValueError("居民 13812345678 的记录")

    result = CliRunner().invoke(app, [])
    assert result.exit_code == 1 and "138****5678" in result.stderr and "13812345678" not in result.stderr


@pytest.mark.tui
def test_the_tui_log_keeps_the_traceback_but_not_the_rows(tmp_path: Path) -> None:
    from models.core.config import data_dir
    from tui.app import record_failure

    exc = _integrity_error(tmp_path)
    log = record_failure(exc)
    written = log.read_text(encoding="utf-8")
    assert log == data_dir() / "xinsheng.log" and "Traceback" in written and "IntegrityError" in written
    assert not any(phone in written for phone in PHONES) and "居民12" not in written
