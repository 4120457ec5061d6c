"""Admission-door benchmark (issue 18), in one run on one machine:

    python -m benchmarks.door [--tasks 10000]

1. Keystroke to the door's proposal with a 1,000-item catalog (the TipDM taxonomy grown with reworded copies, as in
   benchmarks.matching's latency section, with the demo's departments and places): in a running app on the door's
   screen (F10), the time from a key press changing the title to the decision and rule for that text on screen
   (debounce, the catalog-only match in its worker thread, the redraw), over the keystrokes of eight task titles.
2. Importing N tasks against importing N requests: `xinsheng tasks import` and `xinsheng requests import` of the
   same number of rows, each in a new process on a copy of the demo database, as benchmarks.imports runs them. The
   task rows are the demo's templates with their departments, places and dates; the request rows are
   benchmarks.imports' hotline export.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

PROBE = """
import resource, runpy, sys, time
sys.argv = ["xinsheng", "--db", {db!r}, {command!r}, "import", {file!r}]
start = time.perf_counter()
try:
    runpy.run_module("commands.main", run_name="__main__")
except SystemExit as exc:
    if exc.code not in (0, None):
        raise
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""
TASK_HEADER = [
    "文号",
    "任务标题",
    "任务内容",
    "下派部门",
    "任务来源",
    "任务类型",
    "收文日期",
    "完成期限",
    "预计工时",
    "下派对象",
]
TITLES = (
    "关于报送党建工作纸质台账的通知",
    "组织开展消防安全隐患排查整治",
    "推广政务App注册量考核",
    "配合开展经济普查入户登记",
    "开展楼道堆物清理专项行动",
    "做好社区各类创建挂牌工作",
    "开展独居老人冬季巡视探访",
    "节水宣传进家庭拍照报送",
)


def task_rows(count: int, seed: int = 2026) -> list[list[str]]:
    from models.demo import content

    rng = random.Random(seed)
    communities = [name for name, _ in content.COMMUNITIES]
    weights = [t["weight"] for t in content.TASKS]
    start = datetime(2025, 1, 1)
    rows = []
    for index in range(count):
        template = rng.choices(content.TASKS, weights)[0]
        received = start + timedelta(days=rng.randrange(600))
        low, high = template["hours"]
        rows.append(
            [
                f"文〔{received:%Y}〕{index}号", template["title"], template["content"], template["department"],
                template["source"], template["kind"], f"{received:%Y/%m/%d}",
                f"{received + timedelta(days=rng.randrange(5, 60)):%Y/%m/%d}", f"{rng.uniform(low, high):.1f}",
                rng.choice(communities),
            ]
        )  # fmt: skip
    return rows


def run_import(base: Path, command: str, file: Path, tmp: Path) -> tuple[float, float, str]:
    from benchmarks.imports import sign_in

    db = tmp / f"{command}.db"
    shutil.copy(base, db)
    sign_in(db)
    probe = PROBE.format(db=str(db), command=command, file=str(file))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{command} import failed:\n{done.stderr}")
    seconds, max_kb = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(max_kb) / 1024, done.stdout.strip()


def imports(base: Path, count: int, tmp: Path) -> None:
    from benchmarks.imports import generate, write_csv

    requests_csv, tasks_csv = tmp / "requests.csv", tmp / "tasks.csv"
    write_csv(requests_csv, generate(count))
    with tasks_csv.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(TASK_HEADER)
        writer.writerows(task_rows(count))
    print(f"\n  importing {count:,} rows, each in a new process on a copy of the demo database")
    for command, path in (("requests", requests_csv), ("tasks", tasks_csv)):
        seconds, peak, summary = run_import(base, command, path, tmp)
        print(f"  xinsheng {command} import  {seconds:7.2f} s  {count / seconds:8,.0f} rows/s  {peak:5.0f} MB")
        print(f"      {summary}")


def build_door_database(path: Path, tmp: Path) -> None:
    """The demo's places, departments and operators, with the catalog replaced by 1,000 items."""
    from benchmarks.matching import _grow_catalog, _rows
    from models.demo.builder import build_demo_file
    from models.files.catalog_import import import_catalog
    from models.store.engine import forget_engine, open_engine, session_scope

    build_demo_file(path, requests=40)
    catalog = _grow_catalog(_rows("taxonomy_catalog.csv"), 1000)
    grown = tmp / "catalog1000.csv"
    with grown.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(catalog[0]))
        writer.writeheader()
        writer.writerows(catalog)
    with session_scope(open_engine(path)) as session:
        import_catalog(session, grown)
    forget_engine(path)


async def keystrokes(db: Path) -> list[float]:
    from textual.widgets import Input

    from models.demo.builder import DEMO_PASSWORD
    from models.store.engine import open_engine
    from tui.app import XinshengApp
    from tui.signin import SignInScreen
    from tui.tasks import TasksScreen

    app = XinshengApp(open_engine(db), operator="系统管理员")
    samples: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        while not isinstance(app.screen, SignInScreen):
            await pilot.pause(0.01)
        app.screen.query_one("#signin-password", Input).value = DEMO_PASSWORD
        app.screen.query_one("#signin-password", Input).focus()
        await pilot.press("enter")
        while not (app.signed_in and app.matcher_ready.is_set()):
            await pilot.pause(0.01)
        await pilot.press("f10")
        while not isinstance(app.screen, TasksScreen) or not app.screen._items:
            await pilot.pause(0.01)
        screen = app.screen
        print(f"  the door's screen: {len(screen._items):,} catalog items")
        title = screen.query_one("#task-title", Input)
        title.focus()
        changed_at: dict[str, float] = {}
        shown_at: dict[str, float] = {}
        original = screen._show_door

        def on_show() -> None:
            original()
            if screen._result is not None:
                shown_at.setdefault(screen._result.text.strip(), time.perf_counter())

        screen._show_door = on_show  # type: ignore[method-assign]
        screen.watch(title, "value", lambda value: changed_at.setdefault(value.strip(), time.perf_counter()))
        for text in TITLES:
            title.value = ""
            await pilot.pause(0.3)
            for ch in text:
                changed_at.clear()
                shown_at.clear()
                await pilot.press(ch)
                typed = title.value.strip()
                deadline = time.perf_counter() + 5
                while typed not in shown_at and time.perf_counter() < deadline:
                    await pilot.pause(0.001)
                if typed in shown_at:
                    samples.append(shown_at[typed] - changed_at[typed])
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=10_000, help="rows in each import (default 10,000)")
    parser.add_argument("--skip", action="append", default=[], choices=("keystroke", "imports"))
    args = parser.parse_args()
    print(f"xinsheng admission-door benchmark · {time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")
        if "keystroke" not in args.skip:
            door_db = tmp / "door.db"
            build_door_database(door_db, tmp)
            samples = sorted(asyncio.run(keystrokes(door_db)))
            p95 = samples[int(len(samples) * 0.95)]
            print(
                f"  keystroke → the door's decision on screen: p50 {1000 * statistics.median(samples):.1f} ms, "
                f"p95 {1000 * p95:.1f} ms over {len(samples)} keystrokes (goal: ≤ 50 ms)"
            )
        if "imports" not in args.skip:
            from models.demo.builder import ensure_demo_file

            base = tmp / "demo.db"
            ensure_demo_file(base)
            imports(base, args.tasks, tmp)


if __name__ == "__main__":
    main()
