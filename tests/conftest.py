"""Shared fixtures: real SQLite files, a private schema on the local PostgreSQL server, a small realistic catalog."""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from models.store.engine import dispose_all, forget_engine, make_engine, open_engine, session_scope

SHARED_DATA = Path(os.environ.get("XINSHENG_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
PG_URL = os.environ.get("XINSHENG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

CATALOG_CSV = """code,name,category,department,duty,keywords,hours_per_year,description,merged_into,effective_from
JD-001,老旧小区加装电梯协调,城乡建设,街道城市管理办公室,own,电梯、加装、爬楼,300,,,
JD-002,楼道公共设施维护,城乡建设,街道城市管理办公室,own,楼道、座椅、折叠椅、扶手,120,,,
JD-003,供水管道漏水抢修,公共服务,区水务局,returned,漏水、水管、爆管、停水,200,,,2026-03-01
JD-004,噪音扰民查处,综合治理,区城管执法局,returned,噪音、吵、施工、广场舞,400,,,2026-01-01
JD-005,餐饮油烟污染治理,综合治理,区生态环境局,assist,油烟、烧烤、饭店,150,,,
JD-006,违法建设拆除,城乡建设,区城管执法局,cancelled,违建、私搭乱建、加盖,500,,,2026-02-01
JD-007,小区路灯维修,城乡建设,街道城市管理办公室,own,路灯、灯不亮、照明,80,,,
JD-008,路灯报修,城乡建设,街道城市管理办公室,merged,路灯坏,20,,JD-007,2026-04-01
JD-009,高龄老人津贴申领,公共服务,街道民生保障办公室,own,津贴、高龄、补贴、老人,90,,,
JD-010,停车秩序管理,综合治理,社区居委会,own,停车、乱停、占道,200,,,
"""


TIERS = ("unit", "domain", "cli", "tui", "system")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test is marked with its tier, the folder it lives in, so `-m "unit or domain"` picks the fast ones."""
    for item in items:
        tier = next((part for part in item.path.parts[::-1] if part in TIERS), None)
        if tier is not None:
            item.add_marker(getattr(pytest.mark, tier))


def shared_file(name: str) -> Path:
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"development data {path} is not present (../shared/data beside the repository)")
    return path


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Never touch the user's real database: point the default data dir and XINSHENG_DB into tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("XINSHENG_DB", raising=False)
    yield
    dispose_all()


@pytest.fixture
def catalog_csv(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(CATALOG_CSV, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated once per test session (per xdist worker): copying it costs a file copy, where migrating
    a new file costs about a second of Alembic."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_engine(path)
    forget_engine(path)
    with sqlite3.connect(path) as conn:  # everything into the main file, so a plain copy is the whole database
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def migrated_sqlite(template: Path, path: Path) -> Path:
    """A fresh copy of the migrated template at `path` (for tests that hand a file to the CLI or the TUI)."""
    shutil.copyfile(template, path)
    return path


@pytest.fixture
def sqlite_engine(tmp_path: Path, sqlite_template: Path) -> Engine:
    return open_engine(migrated_sqlite(sqlite_template, tmp_path / "xinsheng.db"))


def _pg_available() -> str | None:
    try:
        engine = make_engine(PG_URL)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:  # pragma: no cover - depends on the machine
        return f"PostgreSQL not reachable at {PG_URL}: {type(exc).__name__}"


def _require_pg() -> None:
    reason = _pg_available()
    if reason:
        if os.environ.get("XINSHENG_REQUIRE_PG"):
            pytest.fail(f"{reason} (XINSHENG_REQUIRE_PG is set: CI must run the PostgreSQL tests)")
        pytest.skip(reason)


@contextmanager
def _private_schema(prefix: str) -> Iterator[str]:
    """A new schema on the local server, dropped afterwards; the URL pins search_path to it."""
    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        dispose_all()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """An empty private schema for one test (migrations, server roles, `db current` on an empty database)."""
    _require_pg()
    with _private_schema("xs_test") as url:
        yield url


# the schema's revision, the calendar (the same for all), and the trails' heads (reset to the start, below)
KEPT_BETWEEN_TESTS = ("alembic_version", "workday", "chainhead")


@pytest.fixture(scope="session")
def pg_template() -> Iterator[tuple[str, str]]:
    """A schema on the local server migrated once per test session (per xdist worker) and emptied for each test that
    takes it: TRUNCATE … RESTART IDENTITY costs about 20 ms, migrating a new schema 0.15 s, and cloning a migrated
    database with CREATE DATABASE … TEMPLATE 0.35–0.42 s (measured on this machine's PostgreSQL 15)."""
    _require_pg()
    with _private_schema("xs_tpl") as url:
        open_engine(url)
        forget_engine(url)
        schema = url.rsplit("%3D", 1)[1]
        admin = make_engine(PG_URL)
        with admin.connect() as conn:
            tables = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = :schema"), {"schema": schema}
            ).scalars()
            emptied = ", ".join(f'"{schema}"."{t}"' for t in tables if t not in KEPT_BETWEEN_TESTS)
        admin.dispose()
        yield url, emptied


@pytest.fixture
def pg_migrated_url(pg_template: tuple[str, str]) -> str:
    """The session's migrated schema, emptied for this test. The append-only triggers refuse TRUNCATE, so the
    emptying runs as a replica session, which fires no ordinary triggers; the tests' own writes still meet them."""
    url, emptied = pg_template
    dispose_all()
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text(f"TRUNCATE {emptied} RESTART IDENTITY CASCADE"))
        schema = url.rsplit("%3D", 1)[1]
        conn.execute(text(f'UPDATE "{schema}".chainhead SET seq = 0, hash = :genesis'), {"genesis": "0" * 64})
    admin.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    """Both databases the product supports; domain tests that take `engine` run on each.

    Each starts from a database migrated once per session: SQLite copies the template file (3 ms against 60–90 ms to
    migrate a new one), PostgreSQL empties the session's migrated schema (see pg_template)."""
    if request.param == "sqlite":
        return open_engine(migrated_sqlite(request.getfixturevalue("sqlite_template"), tmp_path / "xinsheng.db"))
    return open_engine(request.getfixturevalue("pg_migrated_url"))


@pytest.fixture
def catalog_engine(engine: Engine, catalog_csv: Path) -> Engine:
    from models.files.catalog_import import import_catalog

    with session_scope(engine) as session:
        import_catalog(session, catalog_csv)
    return engine


@pytest.fixture
def sqlite_catalog(sqlite_engine: Engine, catalog_csv: Path) -> Engine:
    """The catalog on SQLite alone: for what does not depend on the database (keys, layout, a single writer's
    lock), where running it on PostgreSQL too would only double the time."""
    from models.files.catalog_import import import_catalog

    with session_scope(sqlite_engine) as session:
        import_catalog(session, catalog_csv)
    return sqlite_engine


def take_on(session, request, actor) -> None:
    """受理 → 派单 → 签收: bring a new request to 办理中, the state most workflow tests start from."""
    from models.requests import workflow

    workflow.accept(session, request, actor)
    workflow.dispatch(session, request, actor)
    workflow.sign(session, request, actor)


def area_chain(session, *names: str):
    """street → community → grid (or a shorter chain), each under the previous: the areas, in order."""
    from models.store.tables import Area

    kinds = ("street", "community", "grid")[3 - len(names) :]
    chain, parent = [], None
    for name, kind in zip(names, kinds, strict=True):
        area = Area(name=name, kind=kind, parent_id=parent.id if parent else None)
        session.add(area)
        session.flush()
        chain.append(area)
        parent = area
    return chain
