"""Import benchmark (issue 4): 100,000 requests from CSV and from XLSX against a plain sqlite3 floor, in one run.

    python -m benchmarks.imports [--rows 100000] [--saves-only | --csv-only]

The rows look like a 12345 hotline export of the demo street: texts from the demo scenarios with their slots filled,
names and phones, communities, the owning department, a status mix (70% 已办结, 20% 处理中, 10% 待受理), reply
times and replies. Each import runs `xinsheng requests import` in a new process on a copy of the demo database
(catalog + about 1,700 learned routings), so its time includes reading the file, validating, matching the rows that
need it, and writing requests, events and learned routings. Peak memory is that process's maximum resident set.

The floor is `sqlite3.executemany` inserting the same rows (already parsed) into a table with the same columns.
The matcher's own batch time is timed separately: matching every row the import auto-matches.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HEADER = [
    "工单编号",
    "受理时间",
    "诉求标题",
    "诉求内容",
    "来电人",
    "联系电话",
    "所属街道",
    "所属社区",
    "承办单位",
    "办理状态",
    "答复时间",
    "答复意见",
]


def generate(rows: int, seed: int = 2026) -> list[list[str]]:
    from models.demo import content as content
    from models.demo.builder import _fill, _person, _phone

    rng = random.Random(seed)
    owner = {item["code"]: item["department"] for item in content.CATALOG}
    merged = {item["code"]: item["merged_into"] for item in content.CATALOG}  # "" when not merged
    communities = [name for name, _ in content.COMMUNITIES]
    start = datetime(2025, 1, 1)
    out = []
    for index in range(rows):
        scenario = rng.choice(content.SCENARIOS)
        code = scenario["item"]
        department = owner[merged[code]] if merged[code] else owner[code]
        created = start + timedelta(seconds=rng.randrange(600 * 86400))
        roll = rng.random()
        status = "已办结" if roll < 0.7 else "处理中" if roll < 0.9 else "待受理"
        resolved = created + timedelta(hours=rng.randrange(2, 240)) if status == "已办结" else None
        out.append(
            [
                f"GD{created:%Y%m%d}{index:07d}",
                f"{created:%Y/%m/%d %H:%M:%S}",
                _fill(rng, rng.choice(scenario["titles"])),
                _fill(rng, rng.choice(scenario["texts"])),
                _person(rng),
                _phone(rng),
                content.STREET,
                rng.choice(communities),
                department if status != "待受理" else "",
                status,
                f"{resolved:%Y/%m/%d %H:%M:%S}" if resolved else "",
                _fill(rng, rng.choice(scenario.get("resolutions", ["已处理"]))) if resolved else "",
            ]
        )
    return out


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("工单明细")
    sheet.append(["槐安街道 接诉即办工单导出"])  # a title row above the header, as real exports have
    sheet.append(HEADER)
    for row in rows:
        cells: list[object] = list(row)
        cells[1] = datetime.strptime(row[1], "%Y/%m/%d %H:%M:%S")  # real datetime cells
        sheet.append(cells)
    book.save(path)


PROBE = """
import resource, runpy, sys, time
sys.argv = ["xinsheng", "--db", {db!r}, "requests", "import", {file!r}]
start = time.perf_counter()
try:
    runpy.run_module("commands.main", run_name="__main__")
except SystemExit as exc:
    if exc.code not in (0, None):
        raise
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def sign_in(db: Path) -> None:
    """The command line runs only for a signed-in operator: the demo's administrator (password Demo2026)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "commands.main",
            "--db",
            str(db),
            "login",
            "--operator",
            "系统管理员",
            "--password-stdin",
        ],
        input="Demo2026\n",
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"login to {db.name} failed:\n{done.stderr}")


def run_import(base: Path, file: Path, tmp: Path) -> tuple[float, float, str]:
    db = tmp / f"import-{file.suffix[1:]}.db"
    shutil.copy(base, db)
    sign_in(db)
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(db=str(db), file=str(file))], capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"import of {file.name} failed:\n{done.stderr}")
    seconds, max_kb = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(max_kb) / 1024, done.stdout.strip()


def saves_during_import(base: Path, file: Path, tmp: Path, pause: float = 0.2) -> tuple[list[float], int, float]:
    """Terminal saves while `xinsheng requests import` runs in another process: a grid worker's log_request, each in
    its own session through run_unit as the TUI's Ctrl+S does, one after another with a short pause, timed from
    the call to its commit. Returns (save latencies, saves refused, import seconds)."""
    from sqlmodel import select

    from models.core.errors import XinshengError
    from models.core.vocabulary import Role
    from models.people.permissions import actor_for
    from models.requests.intake import log_request, warm_up
    from models.store.engine import forget_engine, open_engine, run_unit, session_scope
    from models.store.tables import Operator

    db = tmp / "import-with-saves.db"
    shutil.copy(base, db)
    sign_in(db)
    engine = open_engine(db, migrate=False)
    with session_scope(engine) as session:
        worker = session.exec(select(Operator).where(Operator.role == Role.GRID_WORKER)).first()
        assert worker is not None, "the demo database has grid workers"
        actor, grid = actor_for(session, worker.name), worker.area_id
    warm_up()
    latencies: list[float] = []
    refused = 0
    started = time.perf_counter()
    importer = subprocess.Popen(
        [sys.executable, "-c", PROBE.format(db=str(db), file=str(file))],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(3)  # past reading and validating the file: saves are timed while batches are being written
    while importer.poll() is None:
        began = time.perf_counter()
        try:
            run_unit(
                engine,
                lambda session: log_request(
                    session, actor, title="楼道灯不亮（导入期间的登记）", area_id=grid, resident_phone="13900001111"
                ),
            )
            latencies.append(time.perf_counter() - began)
        except XinshengError:
            refused += 1
        time.sleep(pause)
    seconds = time.perf_counter() - started
    forget_engine(db)
    return latencies, refused, seconds


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def floor(rows: list[list[str]], tmp: Path) -> float:
    """The same rows through plain sqlite3: one executemany into a table with the import's columns, one commit."""
    db = tmp / "floor.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(
        "CREATE TABLE request (id INTEGER PRIMARY KEY, ref TEXT UNIQUE, import_key TEXT UNIQUE, created_at TEXT,"
        " title TEXT, text TEXT, resident_name TEXT, resident_phone TEXT, street TEXT, community TEXT,"
        " department TEXT, status TEXT, resolved_at TEXT, resolution TEXT)"
    )
    params = [(f"XS-{i:09d}", f"bench:{r[0]}", *r[1:]) for i, r in enumerate(rows)]
    start = time.perf_counter()
    conn.executemany("INSERT INTO request VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", params)
    conn.commit()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def matcher_batch(base: Path, rows: list[list[str]]) -> tuple[int, float, int, float]:
    """The matcher's own share of an import, timed alone: learning the file's confirmed routings in one step,
    then matching every row the import auto-matches (not yet resolved), as the import does."""
    from models.matching.loader import load_matcher
    from models.store.engine import open_engine, session_scope

    with session_scope(open_engine(base)) as session:
        matcher = load_matcher(session)
    confirmed = [(f"{r[2]} {r[3]}", None, r[8]) for r in rows if r[9] == "已办结" and r[8]]
    start = time.perf_counter()
    matcher.learn_many(confirmed)
    learn_seconds = time.perf_counter() - start
    texts = [f"{r[2]} {r[3]}" for r in rows if r[9] != "已办结"]
    start = time.perf_counter()
    for text in texts:
        matcher.match(text, top=1)
    return len(texts), time.perf_counter() - start, len(confirmed), learn_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--saves-only", action="store_true", help="only the terminals' saves during an import (item 13 of issue 15)"
    )
    parser.add_argument(
        "--csv-only", action="store_true", help="only the CSV import, timed (to compare two versions of the code)"
    )
    args = parser.parse_args()
    print(f"xinsheng import benchmark · {time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores · {args.rows:,} rows")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")  # the command line's sign-in sessions
        from models.demo.builder import ensure_demo_file

        base = tmp / "demo.db"
        started = time.perf_counter()
        ensure_demo_file(base)
        print(f"  demo database (catalog + learned routings) built in {time.perf_counter() - started:.1f} s")
        rows = generate(args.rows)
        csv_path, xlsx_path = tmp / "export.csv", tmp / "export.xlsx"
        write_csv(csv_path, rows)
        if args.saves_only:
            report_saves(base, csv_path, tmp)
            return
        if args.csv_only:
            seconds, peak, summary = run_import(base, csv_path, tmp)
            print(f"  xinsheng requests import, CSV: {seconds:.2f} s, {args.rows / seconds:,.0f} rows/s, {peak:.0f} MB")
            print(f"      {summary}")
            return
        started = time.perf_counter()
        write_xlsx(xlsx_path, rows)
        print(
            f"  files: CSV {csv_path.stat().st_size / 1e6:.1f} MB, XLSX {xlsx_path.stat().st_size / 1e6:.1f} MB "
            f"(written in {time.perf_counter() - started:.1f} s)"
        )

        floor_seconds = floor(rows, tmp)
        matched, match_seconds, learned, learn_seconds = matcher_batch(base, rows)
        print(f"\n  {'path':<44}{'seconds':>9}{'rows/s':>10}{'peak MB':>9}")
        print(
            f"  {'sqlite3.executemany floor (parsed rows)':<44}{floor_seconds:>9.2f}{args.rows / floor_seconds:>10,.0f}"
        )
        print(f"  {'matcher alone: learn ' + f'{learned:,} confirmed routings':<44}{learn_seconds:>9.2f}")
        print(
            f"  {'matcher alone: ' + f'{matched:,} rows auto-matched':<44}{match_seconds:>9.2f}"
            f"{matched / match_seconds:>10,.0f}"
        )
        for label, path in (("xinsheng requests import, CSV", csv_path), ("xinsheng requests import, XLSX", xlsx_path)):
            seconds, peak, summary = run_import(base, path, tmp)
            print(f"  {label:<44}{seconds:>9.2f}{args.rows / seconds:>10,.0f}{peak:>9.0f}")
            print(f"      {summary}")
        report_saves(base, csv_path, tmp)


def report_saves(base: Path, csv_path: Path, tmp: Path) -> None:
    latencies, refused, seconds = saves_during_import(base, csv_path, tmp)
    print(
        f"\n  TUI-style saves during the CSV import ({seconds:.0f} s): {len(latencies)} saved, {refused} refused; "
        f"p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
        f"max {max(latencies, default=float('nan')) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
