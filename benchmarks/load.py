"""Many terminals at once (issue 7): N processes, each one terminal, doing M operations against one database.

    python -m benchmarks.load [--db URL] [--processes 8] [--ops 500] [--mix writes|terminal] [--hot 40] [--think S]

Every process signs in as the demo's real operators (a grid worker logs, accepts, dispatches and calls back in
their own grid; the unit's handler signs and resolves), so permissions are checked as in use. A workflow step
reads the request as a screen would show it, then acts on the version it read (`expected_version`), the way the
TUI's detail screen does: two terminals on the same request produce real conflicts, which must come back as
ConflictError ("reload and retry"), never as a lost update or a lock error.

- mix "writes" (the concurrency test): 登记 20%, else the next workflow step of one of the `hot` newest requests.
- mix "terminal" (the deployment benchmark): what a terminal does in a day — queue pages, details and searches
  between the writes.

Afterwards `reconcile` checks the database against what the processes say they did: one creation event per
request, unique refs, one event per successful step, every version = 1 + its status changes, and `db check`.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

# what a terminal does next with a request in each status
NEXT_STEP = {
    "new": "accept",
    "accepted": "dispatch",
    "returned": "dispatch",
    "dispatched": "sign",
    "reopened": "sign",
    "in_progress": "resolve",
    "resolved": "callback",
}
WRITES = ("log", "accept", "dispatch", "sign", "resolve", "callback")
READS = ("queue", "detail", "search")
MIXES: dict[str, tuple[tuple[str, float], ...]] = {
    "writes": (("log", 0.2), ("step", 0.8)),
    "terminal": (("log", 0.12), ("step", 0.33), ("queue", 0.25), ("detail", 0.2), ("search", 0.1)),
}
SEARCHES = ("漏水", "路灯", "停车", "噪音", "ld", "电梯", "XS-2026-0000")


@dataclass
class Tally:
    """What one terminal did: outcomes and latencies per operation, and anything that should never happen."""

    outcomes: dict[str, Counter[str]] = field(default_factory=dict)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    skipped: int = 0

    def add(self, op: str, outcome: str, seconds: float) -> None:
        self.outcomes.setdefault(op, Counter())[outcome] += 1
        self.latencies.setdefault(op, []).append(seconds)

    def merge(self, other: Tally) -> None:
        for op, counts in other.outcomes.items():
            self.outcomes.setdefault(op, Counter()).update(counts)
        for op, values in other.latencies.items():
            self.latencies.setdefault(op, []).extend(values)
        self.errors.extend(other.errors)
        self.skipped += other.skipped

    def ok(self, op: str) -> int:
        return self.outcomes.get(op, Counter())["ok"]


def prepare(url: str) -> None:
    """The demo's street, grids, units, catalog and operators, without requests."""
    from models.demo.builder import build_demo, is_empty
    from models.store.engine import open_engine

    engine = open_engine(url)
    if is_empty(engine):
        build_demo(engine, requests=0)


class Cast:
    """The operators a terminal acts as, looked up once: the grid worker of each grid, each unit's handler."""

    def __init__(self, session: Session) -> None:
        from models.people.permissions import actor_for
        from models.store.tables import CatalogItem, Department, Operator

        operators = session.exec(select(Operator)).all()
        self.grid_worker = {o.area_id: actor_for(session, o.name) for o in operators if o.role == "grid_worker"}
        self.handler = {o.department_id: actor_for(session, o.name) for o in operators if o.role == "department"}
        self.supervisor = next(actor_for(session, o.name) for o in operators if o.role == "supervisor")
        levels = dict(session.exec(select(Department.id, Department.level)).all())
        self.district_units = sorted(d for d in self.handler if levels.get(d) == "district")
        self.items = [
            (code, department_id)
            for code, department_id, duty in session.exec(
                select(CatalogItem.code, CatalogItem.department_id, CatalogItem.duty)
            ).all()
            if duty != "merged"
        ]
        self.grids = sorted(a for a in self.grid_worker if a is not None)

    def field_worker(self, area_id: int | None) -> Any:
        return self.grid_worker.get(area_id, self.supervisor)

    def unit_handler(self, department_id: int | None) -> Any:
        return self.handler.get(department_id, self.supervisor)


def terminal(url: str, index: int, ops: int, mix: str, hot: int, seed: int, think: float, start: Any) -> Tally:
    """One terminal's session: `ops` operations, each timed, each outcome classified."""
    from models.core.errors import BusyError, ConflictError, UserError
    from models.demo.content import SCENARIOS
    from models.requests import queries, workflow
    from models.requests.intake import log_request, warm_up
    from models.store.engine import open_engine, run_unit
    from models.store.tables import Request

    rng = random.Random(seed * 1000 + index)
    engine = open_engine(url, migrate=False)
    with Session(engine) as session:
        cast = Cast(session)
    warm_up()  # as the TUI does while the first screen is up
    tally = Tally()
    names, weights = zip(*MIXES[mix], strict=True)
    titles = [(title, s["item"]) for s in SCENARIOS for title in s["titles"]]
    start.wait()

    def log(session: Session) -> None:
        title, code = rng.choice(titles)
        grid = rng.choice(cast.grids)
        log_request(
            session, cast.field_worker(grid), title=f"{title}（终端{index}）", area_id=grid,
            resident_phone=f"139{rng.randrange(10**8):08d}", item_code=code,
        )  # fmt: skip

    def step(request_id: int, version: int, action: str) -> Any:
        def work(session: Session) -> None:
            request = workflow.get_request(session, request_id)
            kw: dict[str, Any] = {"expected_version": version}
            if action == "accept":
                workflow.accept(session, request, cast.field_worker(request.area_id), **kw)
            elif action == "dispatch":
                unit = request.department_id if request.department_id in cast.handler else None
                unit = unit or rng.choice(cast.district_units)
                workflow.dispatch(session, request, cast.field_worker(request.area_id), unit, **kw)
            elif action == "sign":
                workflow.sign(session, request, cast.unit_handler(request.department_id), **kw)
            elif action == "resolve":
                handler = cast.unit_handler(request.department_id)
                workflow.resolve(session, request, handler, "已上门处理完毕", hours=rng.choice((0.5, 1, 2)), **kw)
            else:
                satisfaction = rng.choice(("satisfied", "satisfied", "basically", "unsatisfied"))
                actor = cast.field_worker(request.area_id)
                workflow.callback(session, request, actor, satisfaction=satisfaction, **kw)

        return work

    for _ in range(ops):
        if think:
            time.sleep(rng.expovariate(1 / think))  # a person reads, types, talks to the resident
        kind = rng.choices(names, weights)[0]
        op, began = kind, time.perf_counter()
        try:
            if kind == "log":
                run_unit(engine, log)
            elif kind == "step":
                # what the screen shows: one of the newest requests, its status and version as read now
                with Session(engine) as session:
                    newest = session.exec(
                        select(Request.id, Request.status, Request.version).order_by(col(Request.id).desc()).limit(hot)
                    ).all()
                candidates = [(i, v, NEXT_STEP[s]) for i, s, v in newest if s in NEXT_STEP]
                if not candidates:  # nothing to act on yet (an empty database): counted, not timed
                    tally.skipped += 1
                    continue
                request_id, version, op = rng.choice(candidates)
                began = time.perf_counter()
                run_unit(engine, step(request_id, version, op))
            elif kind == "queue":
                grid = rng.choice(cast.grids)
                run_unit(engine, lambda s, g=grid: queries.list_requests(s, "mine", actor=cast.field_worker(g)))
            elif kind == "detail":
                with Session(engine) as session:
                    recent = session.exec(select(Request.id).order_by(col(Request.id).desc()).limit(5 * hot)).all()
                if not recent:
                    tally.skipped += 1
                    continue
                target = rng.choice(recent)
                run_unit(engine, lambda s, t=target: queries.request_detail(s, t, cast.supervisor))
            else:
                term = rng.choice(SEARCHES)
                run_unit(engine, lambda s, t=term: queries.list_requests(s, None, t, actor=cast.supervisor))
        except BusyError:
            tally.add(op, "busy", time.perf_counter() - began)
        except ConflictError:
            tally.add(op, "conflict", time.perf_counter() - began)
        except UserError as exc:
            tally.add(op, "refused", time.perf_counter() - began)
            tally.errors.append(f"{op}: refused: {exc}")
        except Exception:
            tally.add(op, "error", time.perf_counter() - began)
            tally.errors.append(f"{op}: {traceback.format_exc(limit=3)}")
        else:
            tally.add(op, "ok", time.perf_counter() - began)
    engine.dispose()
    return tally


def run(
    url: str, *, processes: int, ops: int, mix: str = "writes", hot: int = 40, seed: int = 7, think: float = 0
) -> tuple[Tally, float]:
    """All terminals at once (spawned processes, released together); the merged tally and the wall time."""
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Event()
        with context.Pool(processes) as pool:
            pending = pool.starmap_async(
                terminal, [(url, i, ops, mix, hot, seed, think, start) for i in range(processes)]
            )
            time.sleep(0.5)
            # every process has imported and connected before the clock starts
            began = time.perf_counter()
            start.set()
            results = pending.get()
            wall = time.perf_counter() - began
    total = Tally()
    for tally in results:
        total.merge(tally)
    return total, wall


def counts(url: str) -> Counter[str]:
    """Requests, distinct refs, events per action, status changes and versions, as the database has them."""
    from models.store.engine import open_engine
    from models.store.tables import Request, RequestEvent

    with Session(open_engine(url)) as session:
        found: Counter[str] = Counter(
            dict(session.exec(select(RequestEvent.action, func.count()).group_by(col(RequestEvent.action))).all())
        )
        found["requests"] = session.exec(select(func.count()).select_from(Request)).one()
        found["refs"] = session.exec(select(func.count(func.distinct(Request.ref)))).one()
        found["status changes"] = session.exec(
            select(func.count()).select_from(RequestEvent).where(col(RequestEvent.from_status).is_not(None))
        ).one()
        found["versions"] = session.exec(select(func.coalesce(func.sum(Request.version - 1), 0))).one()
    return found


def reconcile(url: str, tally: Tally, before: Counter[str]) -> list[str]:
    """Differences between the database and what the terminals say they did; empty when everything adds up."""
    from models.store.consistency import check_database
    from models.store.engine import open_engine

    after = counts(url)
    added = {key: after[key] - before[key] for key in after}
    problems: list[str] = []
    if added["requests"] != tally.ok("log") or added.get("create", 0) != tally.ok("log"):
        problems.append(f"{tally.ok('log')} logged: {added['requests']} requests, {added.get('create')} creations")
    if after["refs"] != after["requests"]:
        problems.append(f"{after['requests']} requests but {after['refs']} distinct refs")
    for action in WRITES[1:]:
        if added.get(action, 0) != tally.ok(action):
            problems.append(f"{action}: {added.get(action, 0)} events, {tally.ok(action)} succeeded")
    # every successful step bumped its request's version once: a lost update leaves a version short
    if after["versions"] != after["status changes"]:
        problems.append(f"versions count {after['versions']} status changes, events {after['status changes']}")
    problems.extend(f"db check: {c.name}: {c.examples}" for c in check_database(open_engine(url)) if not c.ok)
    return problems


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] if ordered else 0.0


def report(tally: Tally, wall: float, processes: int) -> str:
    done = sum(sum(c.values()) for c in tally.outcomes.values())
    lines = [
        f"{processes} terminals, {done} operations in {wall:.1f} s: {done / wall:.0f} ops/s",
        f"{'operation':<10}{'count':>7}{'ok':>7}{'conflict':>9}{'busy':>6}{'error':>6}{'p50 ms':>9}{'p95 ms':>9}",
    ]
    for op in (*WRITES, *READS):
        if op not in tally.outcomes:
            continue
        counts, lat = tally.outcomes[op], tally.latencies[op]
        lines.append(
            f"{op:<10}{sum(counts.values()):>7}{counts['ok']:>7}{counts['conflict']:>9}{counts['busy']:>6}"
            f"{counts['error'] + counts['refused']:>6}{statistics.median(lat) * 1000:>9.0f}"
            f"{percentile(lat, 0.95) * 1000:>9.0f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="database URL or SQLite path (default: a new SQLite file in a temp dir)")
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--ops", type=int, default=500)
    parser.add_argument("--mix", choices=sorted(MIXES), default="writes")
    parser.add_argument("--hot", type=int, default=40, help="how many of the newest requests the terminals share")
    parser.add_argument("--think", type=float, default=0, help="mean pause between a terminal's operations (s)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    url = args.db or str(Path(tempfile.mkdtemp(prefix="xs-load-")) / "load.db")
    prepare(url)
    before = counts(url)
    tally, wall = run(url, processes=args.processes, ops=args.ops, mix=args.mix, hot=args.hot, think=args.think)
    problems = reconcile(url, tally, before)
    if args.json:
        print(json.dumps({"wall": wall, "outcomes": tally.outcomes, "problems": problems, "errors": tally.errors}))
    else:
        print(report(tally, wall, args.processes))
        if tally.skipped:
            print(f"{tally.skipped} steps skipped: no request to act on yet")
        for line in problems + tally.errors[:10]:
            print("PROBLEM:", line)
        if not problems and not tally.errors:
            print("reconciled: requests, refs, events per action and versions agree; db check passes")
    sys.exit(1 if problems or tally.errors else 0)


if __name__ == "__main__":
    main()
