"""The audit trail cannot be rewritten: the database refuses UPDATE and DELETE on events, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import session_scope


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE requestevent SET note = 'rewritten'",
        "DELETE FROM requestevent",
        "UPDATE auditevent SET detail = 'rewritten'",
        "DELETE FROM auditevent",
    ],
)
def test_events_cannot_be_changed_or_removed(catalog_engine, statement: str) -> None:
    from datetime import datetime

    from models.store.tables import AuditEvent

    with session_scope(catalog_engine) as s:
        log_request(s, Actor("t"), title="楼道灯坏了", item_code="JD-007")
        s.add(AuditEvent(at=datetime(2026, 3, 1), actor="t", role="admin", action="export_personal_data"))
    with pytest.raises(DBAPIError, match="append-only"), catalog_engine.begin() as conn:
        conn.execute(text(statement))
    with catalog_engine.connect() as conn:  # and nothing changed
        assert conn.execute(text("SELECT count(*) FROM requestevent WHERE note = 'rewritten'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM requestevent")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM auditevent")).scalar() == 1


@pytest.mark.postgres
def test_postgres_refuses_truncate_too(pg_url: str, catalog_csv) -> None:
    from models.store.engine import open_engine

    engine = open_engine(pg_url)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text("TRUNCATE requestevent CASCADE"))
