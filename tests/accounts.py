"""Accounts for tests, made the way an administrator makes them, with one known password.

Hashing a password costs ~90 ms (Argon2id, models.access.passwords); the suite registers hundreds of operators,
so the one hash of PASSWORD is computed once per process and given to each. Signing in still verifies it in full.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.access.passwords import hash_password
from models.people.permissions import add_operator
from models.store.engine import session_scope
from models.store.tables import Operator

PASSWORD = "Test-2026pw"


@lru_cache(maxsize=1)
def password_hash() -> str:
    return hash_password(PASSWORD)


@lru_cache(maxsize=1)
def password_proof() -> str:
    from models.access.credentials import make_proof

    return make_proof(PASSWORD)


def give_password(session: Session, name: str) -> None:
    operator = session.exec(select(Operator).where(Operator.name == name)).one()
    operator.password_hash = password_hash()
    operator.password_proof = password_proof()
    operator.must_change_password = False
    session.flush()


def register(engine: Engine, name: str, role: str = "admin", **place: str) -> str:
    """An operator with PASSWORD, ready to sign in; their stored name."""
    with session_scope(engine) as session:
        stored = add_operator(session, name, role, **place).name
        give_password(session, stored)
    return stored


def cli_login(db: str, name: str, password: str = PASSWORD) -> None:
    """`xinsheng login --password-stdin` as a script would run it; later commands on `db` run as `name`."""
    from typer.testing import CliRunner

    from commands.main import app

    result = CliRunner().invoke(
        app, ["--db", db, "login", "--operator", name, "--password-stdin"], input=password + "\n"
    )
    assert result.exit_code == 0, result.output


def cli_first_admin(db: str, name: str = "管理员", password: str = PASSWORD) -> None:
    """A new database the way a street starts one: the first administrator at the local terminal, signed in."""
    from typer.testing import CliRunner

    from commands.main import app

    made = CliRunner().invoke(
        app, ["--db", db, "operators", "add", name, "--role", "admin", "--password-stdin"], input=password + "\n"
    )
    assert made.exit_code == 0, made.output
    cli_login(db, name, password)
