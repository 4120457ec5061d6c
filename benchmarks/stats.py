"""Dashboard benchmark (issue 5): the supervisor's figures over a large request table, SQLite and PostgreSQL.

    python -m benchmarks.stats [--requests 1000000] [--skip-postgres]

It builds N requests with their events directly (vectorized rows, executemany; the workflow code would take hours
at this size), with the demo's departments, grids and catalog, statuses and timestamps in realistic proportions.
Then it times, side by side in the same run on the same tables:
- xinsheng: `compute_stats` (overall, by status, by department, handling-time percentiles) for all time and for
  one month;
- the anchor: one hand-written SQL query per figure (total, open, overdue, response, resolution, satisfaction,
  on-time, return rate, reopen rate, by status, by department), run one after another.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text
from sqlalchemy.engine import Engine
from sqlmodel import select

from models.core.clock import add_working_days
from models.reporting.stats import compute_stats
from models.store.engine import open_engine, session_scope
from models.store.tables import Area, CatalogItem, Department, Request, RequestEvent

AT = datetime(2026, 11, 20, 12)
CHUNK = 20_000

HAND_WRITTEN = {
    "total": "SELECT count(*) FROM request",
    "open": "SELECT count(*) FROM request WHERE status IN "
    "('new','accepted','dispatched','in_progress','returned','reopened')",
    "overdue": "SELECT count(*) FROM request WHERE status IN "
    "('new','accepted','dispatched','in_progress','returned','reopened') AND due_at < :at AND paused_at IS NULL",
    "response": "SELECT sum(CASE WHEN accepted_at <= response_due_at THEN 1 ELSE 0 END), count(*) FROM request "
    "WHERE response_due_at IS NOT NULL AND (accepted_at IS NOT NULL OR response_due_at <= :at)",
    "resolution": "SELECT sum(CASE WHEN callback_solved THEN 1 ELSE 0 END), count(*) FROM request "
    "WHERE callback_solved IS NOT NULL",
    "satisfaction": "SELECT sum(CASE satisfaction WHEN 'satisfied' THEN 1.0 WHEN 'basically' THEN 0.9 ELSE 0 END), "
    "count(*) FROM request WHERE satisfaction IS NOT NULL",
    "on_time": "SELECT sum(CASE WHEN resolved_at <= due_at THEN 1 ELSE 0 END), count(*) FROM request "
    "WHERE resolved_at IS NOT NULL AND due_at IS NOT NULL",
    "return_rate": "SELECT sum(CASE WHEN return_count > 0 THEN 1 ELSE 0 END), count(*) FROM request "
    "WHERE dispatched_at IS NOT NULL OR return_count > 0",
    "reopen_rate": "SELECT sum(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END), count(*) FROM request "
    "WHERE callback_contacted IS NOT NULL",
    "by_status": "SELECT status, count(*) FROM request GROUP BY status",
    "by_department": "SELECT d.name, count(*), sum(CASE WHEN r.callback_solved THEN 1 ELSE 0 END) "
    "FROM request r LEFT JOIN department d ON d.id = r.department_id GROUP BY d.name",
    # handling time in working days: the same calendar table, nearest-rank median and p90
    "handling_percentiles": "SELECT min(CASE WHEN rn >= 0.5 * n THEN days END), min(CASE WHEN rn >= 0.9 * n "
    "THEN days END) FROM (SELECT c.ordinal - o.ordinal AS days, row_number() OVER (ORDER BY c.ordinal - o.ordinal) "
    "AS rn, count(*) OVER () AS n FROM request r JOIN workday o ON o.day = date(r.created_at) "
    "JOIN workday c ON c.day = date(r.resolved_at) WHERE r.resolved_at IS NOT NULL) t",
    "handling_percentiles_by_department": "SELECT department_id, min(CASE WHEN rn >= 0.5 * n THEN days END), "
    "min(CASE WHEN rn >= 0.9 * n THEN days END) FROM (SELECT r.department_id, c.ordinal - o.ordinal AS days, "
    "row_number() OVER (PARTITION BY r.department_id ORDER BY c.ordinal - o.ordinal) AS rn, "
    "count(*) OVER (PARTITION BY r.department_id) AS n FROM request r JOIN workday o ON o.day = date(r.created_at) "
    "JOIN workday c ON c.day = date(r.resolved_at) WHERE r.resolved_at IS NOT NULL) t GROUP BY department_id",
}


# the dashboard also shows every figure per department: the same queries grouped by the unit, one per figure
FIGURES = ("total", "open", "overdue", "response", "resolution", "satisfaction", "on_time", "return_rate",
           "reopen_rate")  # fmt: skip
HAND_WRITTEN.update(
    {
        f"{name}_by_department": HAND_WRITTEN[name].replace("SELECT ", "SELECT department_id, ", 1)
        + " GROUP BY department_id"
        for name in FIGURES
    }
)


def build(engine: Engine, n: int, seed: int = 2026) -> tuple[int, float]:
    """N requests and their events, written with executemany in chunks; returns (events, seconds)."""
    from models.demo.builder import build_demo

    started = time.perf_counter()
    build_demo(engine, requests=0)  # catalog, departments, areas, operators
    with session_scope(engine) as session:
        items = [(i.id, i.department_id, i.category) for i in session.exec(select(CatalogItem)).all()]
        grids = [a.id for a in session.exec(select(Area).where(Area.kind == "grid")).all()]
        departments = [d.id for d in session.exec(select(Department)).all()]
    from models.core.text import pinyin_initials
    from models.demo.content import SCENARIOS

    titles = [(t, pinyin_initials(t)) for scenario in SCENARIOS for t in scenario.get("titles", [])]
    rng = random.Random(seed)
    start = AT - timedelta(days=730)
    due_cache: dict[tuple[datetime, int], datetime] = {}

    def later(day: datetime, workdays: int) -> datetime:
        key = (day.replace(hour=0, minute=0, second=0), workdays)
        if key not in due_cache:
            due_cache[key] = add_working_days(key[0], workdays)
        return due_cache[key] + (day - key[0])

    events = 0
    for chunk_start in range(0, n, CHUNK):
        requests, request_events = [], []
        for index in range(chunk_start, min(n, chunk_start + CHUNK)):
            item_id, department_id, category = rng.choice(items)
            title, initials = rng.choice(titles)
            created = start + timedelta(seconds=rng.randrange(730 * 86400))
            urgency = rng.choices(("normal", "urgent", "complex"), (8, 1, 1))[0]
            due = later(created, {"normal": 5, "urgent": 1, "complex": 15}[urgency])
            response_due = later(created, 1)
            age = (AT - created).days
            roll = rng.random()
            status = "closed" if age > 30 and roll < 0.85 else rng.choice(
                ("new", "accepted", "dispatched", "in_progress", "resolved", "closed", "returned", "reopened",
                 "merged", "rejected"))  # fmt: skip
            accepted = created + timedelta(hours=rng.uniform(0.2, 40)) if status != "new" else None
            dispatched = accepted + timedelta(hours=rng.uniform(0.1, 8)) if accepted and status not in (
                "accepted", "rejected") else None  # fmt: skip
            resolved = (
                created + timedelta(hours=rng.uniform(4, 400)) if status in ("resolved", "closed", "reopened") else None
            )
            called = status in ("closed", "reopened")
            solved = status == "closed" and rng.random() < 0.95
            satisfaction = rng.choices(("satisfied", "basically", "unsatisfied"), (8, 2, 1))[0] if called else None
            requests.append(
                {
                    "ref": f"XS-B-{index:09d}", "external_ref": None, "import_key": None, "channel": "phone",
                    "kind": "help", "title": title, "title_initials": initials, "text": "", "location": "",
                    "category": category,
                    "area_id": rng.choice(grids), "resident_name": None, "resident_phone": None,
                    "urgency": urgency, "status": status, "item_id": item_id, "match_score": None,
                    "match_confirmed_by": None, "department_id": department_id or rng.choice(departments),
                    "created_at": created, "response_due_at": response_due, "accepted_at": accepted,
                    "dispatched_at": dispatched, "due_at": due, "resolved_at": resolved,
                    "closed_at": resolved if status == "closed" else None, "resolution": "",
                    "hours_spent": round(rng.uniform(0.5, 6), 1) if resolved else None,
                    "callback_contacted": True if called else None, "callback_solved": solved if called else None,
                    "satisfaction": satisfaction, "duplicate_of": None,
                    "return_count": 1 if status == "returned" or rng.random() < 0.05 else 0,
                    "reopen_count": 1 if status == "reopened" else 0, "escalation_level": 0,
                    "paused_at": None, "extension_days_pending": None, "version": 1,
                }
            )  # fmt: skip
        with engine.begin() as conn:
            conn.execute(insert(Request), requests)
            ids = dict(
                conn.execute(
                    select(Request.ref, Request.id).where(Request.ref.in_([r["ref"] for r in requests]))  # type: ignore[attr-defined]
                ).all()
            )
            for r in requests:
                rid = ids[r["ref"]]
                steps = [("create", r["created_at"], None, "new")]
                if r["accepted_at"]:
                    steps.append(("accept", r["accepted_at"], "new", "accepted"))
                if r["dispatched_at"]:
                    steps.append(("dispatch", r["dispatched_at"], "accepted", "dispatched"))
                if r["resolved_at"]:
                    steps.append(("resolve", r["resolved_at"], "in_progress", "resolved"))
                for action, at, before, after in steps:
                    request_events.append(
                        {"request_id": rid, "at": at, "actor": "bench", "action": action,
                         "department_id": r["department_id"], "from_status": before, "to_status": after,
                         "note": "", "data": "{}"}
                    )  # fmt: skip
            conn.execute(insert(RequestEvent), request_events)
            events += len(request_events)
    return events, time.perf_counter() - started


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def hand_written(engine: Engine) -> None:
    with engine.connect() as conn:
        for sql in HAND_WRITTEN.values():
            conn.execute(text(sql), {"at": AT}).all()


def measure(label: str, engine: Engine, n: int) -> None:
    events, seconds = build(engine, n)
    with engine.connect() as conn:  # fresh statistics for the planner, as a maintained database would have
        conn.execute(text("ANALYZE"))
        conn.commit()
    print(f"\n{label}: {n:,} requests, {events:,} events (built in {seconds:.0f} s)")

    def ours(period: str | None) -> Callable[[], object]:
        def run() -> object:
            with session_scope(engine) as session:
                return compute_stats(session, period, at=AT)

        return run

    anchor = timed(lambda: hand_written(engine))
    all_time = timed(ours(None))
    month = timed(ours("2026-10"))
    print(f"  {f'hand-written SQL, one query per figure ({len(HAND_WRITTEN)} queries)':<58}{anchor:>8.2f} s")
    print(f"  {'xinsheng compute_stats, all time':<58}{all_time:>8.2f} s   ({all_time / anchor:.2f}×)")
    print(f"  {'xinsheng compute_stats, one month (2026-10)':<58}{month:>8.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    print(f"xinsheng stats benchmark · {time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp_name:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp_name) / "cache")
        measure("SQLite", open_engine(Path(tmp_name) / "stats.db"), args.requests)
    if not args.skip_postgres:
        url = os.environ.get("XINSHENG_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
        schema = f"xs_bench_{os.getpid()}"
        from sqlalchemy import create_engine

        admin = create_engine(url)
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        try:
            measure("PostgreSQL", open_engine(f"{url}?options=-csearch_path%3D{schema}"), args.requests)
        finally:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
