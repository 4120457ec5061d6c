"""The district deployment of docs/deployment.md on the real PostgreSQL server: the owner migrates, terminals work
through a role that cannot change the event history, and a reporting role for tools reads without writing."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from models.store.engine import make_engine
from tests.accounts import PASSWORD
from tests.conftest import PG_URL

pytestmark = pytest.mark.postgres


@pytest.fixture
def district(pg_url: str) -> Iterator[dict[str, str]]:
    """The schema of `pg_url` with the guide's terminal, administrator and reporting roles (the owner here is the
    test's superuser; tests/system/test_pg_roles.py uses a real owner role)."""
    schema = pg_url.rsplit("%3D", 1)[1]
    suffix = uuid.uuid4().hex[:8]
    roles = {kind: f"xs_{kind}_{suffix}" for kind in ("app", "admin", "read")}
    admin = make_engine(PG_URL)
    base = PG_URL.rsplit("@", 1)[1]
    with admin.begin() as conn:
        for role in roles.values():
            conn.execute(text(f"CREATE ROLE {role} LOGIN"))
    urls = {
        kind: f"postgresql+psycopg://{role}@{base}?options=-csearch_path%3D{schema}" for kind, role in roles.items()
    }
    urls |= {"owner": pg_url, "schema": schema, **{f"{kind}_role": role for kind, role in roles.items()}}
    try:
        yield urls
    finally:
        with admin.begin() as conn:
            for role in roles.values():
                conn.execute(text(f"DROP OWNED BY {role}"))
                conn.execute(text(f"DROP ROLE {role}"))
        admin.dispose()


def upgrade_and_grant(district: dict[str, str]) -> None:
    """Section 4 of the guide: `db upgrade` as the owner, then the script `xinsheng db grants` prints, run by it."""
    upgrade = xinsheng(district["owner"], "db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stderr
    roles = ("--app", district["app_role"], "--admin", district["admin_role"], "--read", district["read_role"])
    script = subprocess.run(
        [sys.executable, "-m", "commands.main", "db", "grants", "--schema", district["schema"], *roles],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    with make_engine(district["owner"]).begin() as conn:
        conn.exec_driver_sql(script)


def xinsheng(url: str, *args: str, secret: str | None = None) -> subprocess.CompletedProcess[str]:
    """The console script; `secret` goes to its standard input (for --password-stdin)."""
    return subprocess.run(
        [sys.executable, "-m", "commands.main", "--db", url, *args],
        capture_output=True,
        text=True,
        timeout=300,
        input=None if secret is None else secret + "\n",
    )


def test_roles_of_the_deployment_guide(district: dict[str, str], catalog_csv, tmp_path: Path) -> None:
    upgrade_and_grant(district)
    history = tmp_path / "history.csv"
    history.write_text("工单编号,诉求标题\nA-1,楼道路灯不亮\nA-2,楼上漏水\n", encoding="utf-8")
    # the first administrator through the administrator's connection, then signed in at a terminal for the imports
    made = xinsheng(district["admin"], "operators", "add", "甲", "--role", "admin", "--password-stdin", secret=PASSWORD)
    assert made.returncode == 0, made.stderr
    for args, secret in (
        (("login", "--operator", "甲", "--password-stdin"), PASSWORD),
        (("catalog", "import", str(catalog_csv)), None),
        (("requests", "import", str(history)), None),
    ):
        done = xinsheng(district["app"], *args, secret=secret)
        assert done.returncode == 0, done.stderr
    # an account change at a terminal is refused with one line that says where it can be made
    refused = xinsheng(district["app"], "operators", "add", "乙", "--role", "supervisor")
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert "管理员的数据库连接" in refused.stderr
    app = make_engine(district["app"])
    with pytest.raises(ProgrammingError, match="permission denied"), app.begin() as conn:
        conn.execute(text("DELETE FROM requestevent"))
    app.dispose()
    # the reporting role cannot write anything, and signing in writes (the session, the audit row)
    refused = xinsheng(district["read"], "login", "--operator", "甲", "--password-stdin", secret=PASSWORD)
    assert refused.returncode == 2
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "数据库账号权限不足" in lines[0] and "Traceback" not in refused.stderr


def test_figures_come_from_a_signed_in_supervisor_and_tools_read_with_the_reporting_role(
    district: dict[str, str],
) -> None:
    """docs/deployment.md §4: xinsheng's own stats, report and db check run through the terminals' role as a
    signed-in operator (they are audited, so they write); the reporting role is for tools that only read tables."""
    upgrade_and_grant(district)
    made = xinsheng(district["admin"], "operators", "add", "甲", "--role", "admin", "--password-stdin", secret=PASSWORD)
    assert made.returncode == 0, made.stderr
    login = xinsheng(district["app"], "login", "--operator", "甲", "--password-stdin", secret=PASSWORD)
    assert login.returncode == 0, login.stderr
    for args in (("stats", "--json"), ("report", "--period", "2026-03", "-f", "md", "-o", "-"), ("db", "check")):
        done = xinsheng(district["app"], *args)
        assert done.returncode == 0, (args, done.stdout + done.stderr)
    read = make_engine(district["read"])
    with read.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM auditevent WHERE action = 'report'")).scalar() == 1
    with pytest.raises(ProgrammingError, match="permission denied"), read.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('x', '1')"))
    read.dispose()


def test_behind_pgbouncer_prepared_statements_are_off(pg_url: str) -> None:
    """`?pgbouncer=1` (transaction pooling hands consecutive transactions different server connections)."""
    from models.core.errors import UserError

    engine = make_engine(pg_url.replace("?", "?pgbouncer=1&", 1))
    with engine.connect() as conn:
        assert conn.connection.driver_connection.prepare_threshold is None
        assert conn.execute(text("SELECT current_setting('application_name')")).scalar() == "xinsheng"
    engine.dispose()
    with make_engine(pg_url).connect() as conn:
        assert conn.connection.driver_connection.prepare_threshold == 5  # psycopg's default, kept without PgBouncer
    with pytest.raises(UserError, match="pgbouncer"):
        make_engine(pg_url.replace("?", "?pgbouncer=maybe&", 1))


def test_a_terminal_pointed_at_the_wrong_schema_does_not_start_an_empty_xinsheng(pg_url: str) -> None:
    """A wrong search_path or database name: the TUI and the reading commands refuse, nothing is created."""
    for args in (["--operator", "甲"], ["stats"], ["export", "requests"]):
        done = xinsheng(pg_url, *args)
        assert done.returncode == 2, args
        assert "没有 xinsheng 的表" in done.stderr and "db upgrade" in done.stderr
    with make_engine(pg_url).connect() as conn:
        schema = pg_url.rsplit("%3D", 1)[1]
        tables = conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = :s"), {"s": schema}).scalar()
    assert tables == 0
