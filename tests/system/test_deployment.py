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
    """The schema of `pg_url` set up as the deployment guide says, with a terminal role and a reporting role."""
    schema = pg_url.rsplit("%3D", 1)[1]
    suffix = uuid.uuid4().hex[:8]
    app, read = f"xs_app_{suffix}", f"xs_read_{suffix}"
    admin = make_engine(PG_URL)
    base = PG_URL.rsplit("@", 1)[1]
    with admin.begin() as conn:
        for role in (app, read):
            conn.execute(text(f"CREATE ROLE {role} LOGIN"))
            conn.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {role}"))
        # the owner here is the test's superuser; in the guide it is xinsheng_owner
        conn.execute(
            text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app}")
        )
        conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {app}"))
        conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {read}"))
    urls = {
        "owner": pg_url,
        "app": f"postgresql+psycopg://{app}@{base}?options=-csearch_path%3D{schema}",
        "read": f"postgresql+psycopg://{read}@{base}?options=-csearch_path%3D{schema}",
        "schema": schema,
        "app_role": app,
    }
    try:
        yield urls
    finally:
        with admin.begin() as conn:
            for role in (app, read):
                conn.execute(text(f"DROP OWNED BY {role}"))
                conn.execute(text(f"DROP ROLE {role}"))
        admin.dispose()


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
    upgrade = xinsheng(district["owner"], "db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stderr
    schema, app_role = district["schema"], district["app_role"]
    with make_engine(PG_URL).begin() as conn:
        conn.execute(
            text(f"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.requestevent, {schema}.auditevent FROM {app_role}")
        )
        conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {schema}.alembic_version FROM {app_role}"))
    history = tmp_path / "history.csv"
    history.write_text("工单编号,诉求标题\nA-1,楼道路灯不亮\nA-2,楼上漏水\n", encoding="utf-8")
    # the first administrator, signed in through the terminals' role (issue 14), then the imports as them
    for args, secret in (
        (("operators", "add", "甲", "--role", "admin", "--password-stdin"), PASSWORD),
        (("login", "--operator", "甲", "--password-stdin"), PASSWORD),
        (("catalog", "import", str(catalog_csv)), None),
        (("requests", "import", str(history)), None),
    ):
        done = xinsheng(district["app"], *args, secret=secret)
        assert done.returncode == 0, done.stderr
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
    assert xinsheng(district["owner"], "db", "upgrade").returncode == 0
    made = xinsheng(district["app"], "operators", "add", "甲", "--role", "admin", "--password-stdin", secret=PASSWORD)
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
