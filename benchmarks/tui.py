"""TUI benchmark (issue 6): how fast the terminal app feels, measured in the same run on the same machine.

    python -m benchmarks.tui [--requests 1000000] [--examples 100000] [--keep DIR]

1. Cold start: a new process until the first usable screen (xinsheng: the sign-in form, its name field focused;
   before issue 14 it was the intake form of an operator named on the command line) and then exit, against a
   minimal Textual app (header, one input, footer) started the same way. Median of 5.
2. Keystroke to suggestions at N learned examples: in a running app, the time from a key press to the
   suggestion list showing the match for the new text (debounce included), over 40 keystrokes.
3. Opening the queue on a database of M requests: F3 to the first page on screen, for 我的待办 and 全部, and a
   pinyin-initials search.

Databases are built once (the dashboard benchmark's bulk writer for requests; examples from the demo scenarios)
and kept with --keep for re-runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, insert, select

from models.store.engine import open_engine, session_scope
from models.store.tables import Department, MatchExample, Request

OPERATOR = "系统管理员"

MINIMAL = """
import sys, time
from textual.app import App
from textual.widgets import Footer, Header, Input

class Minimal(App):
    def compose(self):
        yield Header()
        yield Input(placeholder="title")
        yield Footer()

async def pilot(p):
    await p.pause()
    print("ready", flush=True)
    p.app.exit()

Minimal().run(headless=True, auto_pilot=pilot)
"""

XINSHENG = """
import sys
from models.store.engine import open_engine
from tui.app import XinshengApp
from tui.signin import SignInScreen

async def pilot(p):
    app = p.app
    while not (isinstance(app.screen, SignInScreen) and app.focused is not None and app.focused.id == "signin-name"):
        await p.pause(0.005)
    print("ready", flush=True)
    app.exit()

XinshengApp(open_engine(sys.argv[1])).run(headless=True, auto_pilot=pilot)
"""


def build_database(path: Path, requests: int, examples: int) -> None:
    from benchmarks.stats import build
    from models.demo.content import SCENARIOS

    engine = open_engine(path)
    events, seconds = build(engine, requests)
    print(f"  built {requests:,} requests and {events:,} events in {seconds:.0f} s")
    rng = random.Random(7)
    with session_scope(engine) as session:
        departments = [d for d in session.exec(select(Department.id)).scalars().all()]
    texts = [t for s in SCENARIOS for t in s.get("titles", []) + s.get("texts", [])]
    rows = [
        {
            "text": f"{rng.choice(texts)}{rng.choice(['', '，麻烦尽快', '好几天了', '，谢谢'])}",
            "item_id": None,
            "department_id": rng.choice(departments),
            "request_id": None,
            "source": "bench",
            "created_at": datetime(2026, 1, 1),
        }
        for _ in range(examples)
    ]
    with engine.begin() as conn:
        conn.execute(insert(MatchExample), rows)
    with session_scope(engine) as session:
        from models.matching.loader import load_matcher

        load_matcher(session)  # writes the matcher cache file the app loads
    engine.dispose()


def cold_start(db: Path) -> tuple[float, float]:
    def run(code: str, *args: str) -> float:
        """From starting the process to the child saying its first screen is ready (not counting its exit,
        which waits for background threads the user never waits for)."""
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "ready":
                ready = time.perf_counter() - started
                break
        else:
            raise AssertionError("the app never reported its first screen")
        child.wait()
        return ready

    run(MINIMAL)
    run(XINSHENG, str(db))  # warm the disk cache once for both
    minimal = statistics.median(run(MINIMAL) for _ in range(5))
    ours = statistics.median(run(XINSHENG, str(db)) for _ in range(5))
    return minimal, ours


async def in_app(db: Path) -> dict[str, object]:
    from textual.widgets import Input

    from models.demo.builder import DEMO_PASSWORD
    from tui.app import XinshengApp
    from tui.intake import IntakeScreen
    from tui.queue import QueueScreen
    from tui.signin import SignInScreen

    app = XinshengApp(open_engine(db), operator=OPERATOR)
    figures: dict[str, object] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        while not isinstance(app.screen, SignInScreen):
            await pilot.pause(0.01)
        app.screen.query_one("#signin-password", Input).value = DEMO_PASSWORD  # a training database (build_demo)
        app.screen.query_one("#signin-password", Input).focus()
        await pilot.press("enter")
        while not (isinstance(app.screen, IntakeScreen) and app.matcher_ready.is_set()):
            await pilot.pause(0.01)
        figures["examples"] = app.matcher.example_count if app.matcher else 0
        screen = app.screen
        title = screen.query_one("#title")
        title.focus()
        # the clock starts when the screen handles the keystroke's change and stops when the suggestions for
        # that text are on screen: debounce, match in the worker thread and redraw, without the test harness
        changed_at: dict[str, float] = {}
        shown_at: dict[str, float] = {}
        original_render = screen._render_suggestions

        def on_render() -> None:
            original_render()
            if screen._result is not None:
                shown_at.setdefault(screen._result.text.strip(), time.perf_counter())

        screen._render_suggestions = on_render  # type: ignore[method-assign]
        screen.watch(title, "value", lambda value: changed_at.setdefault(value.strip(), time.perf_counter()))
        samples = []
        for text in ("楼道灯坏了好几天", "小区门口乱停车", "楼上漏水到我家", "噪音扰民睡不着", "老人想申请补贴"):
            title.value = ""
            await pilot.pause(0.3)
            for ch in text:
                changed_at.clear()
                shown_at.clear()
                await pilot.press(ch)
                typed = screen._query_text()[0]  # the title (the details are empty here)
                deadline = time.perf_counter() + 5
                while typed not in shown_at and time.perf_counter() < deadline:
                    await pilot.pause(0.001)
                samples.append(shown_at[typed] - changed_at[typed])
        samples.sort()
        figures["keystroke_p50_ms"] = 1000 * samples[len(samples) // 2]
        figures["keystroke_p95_ms"] = 1000 * samples[int(len(samples) * 0.95)]
        figures["keystrokes"] = len(samples)

        async def open_queue(view: str | None = None, search: str | None = None) -> tuple[float, float]:
            """(seconds to the first page on screen, seconds to the total count beside it)"""
            from textual.widgets import DataTable, Input, Select

            started = time.perf_counter()
            if not isinstance(app.screen, QueueScreen):
                await pilot.press("f3")
            while not isinstance(app.screen, QueueScreen):
                await pilot.pause(0.001)
            queue = app.screen
            table = queue.query_one("#queue", DataTable)
            if view is not None or search is not None:
                queue._shown = -1  # set again when the new page is drawn
            if view is not None:
                table.clear()
                queue.query_one("#status-filter", Select).value = view
            if search is not None:
                table.clear()
                queue.query_one("#search", Input).value = search
            while queue._shown < 0 or (view is None and search is None and table.row_count == 0):
                await pilot.pause(0.001)
            page = time.perf_counter() - started
            while "…" in str(queue.query_one("#queue-count").render()):
                await pilot.pause(0.001)
            total = time.perf_counter() - started
            await app.workers.wait_for_complete()
            return page, total

        figures["queue_mine_s"] = await open_queue()
        figures["queue_all_s"] = await open_queue(view="all")
        figures["queue_search_s"] = await open_queue(search="ldd")
        figures["queue_none_s"] = await open_queue(search="qwxz")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="directory to keep (and reuse) the benchmark database in")
    args = parser.parse_args()
    print(f"xinsheng TUI benchmark · {time.strftime('%Y-%m-%d')} · {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp_name:
        home = args.keep or Path(tmp_name)
        home.mkdir(parents=True, exist_ok=True)
        os.environ["XDG_CACHE_HOME"] = str(home / "cache")
        db = home / f"tui-{args.requests}-{args.examples}.db"
        if not db.exists():
            print(f"building {db.name} …")
            build_database(db, args.requests, args.examples)
        with session_scope(open_engine(db)) as session:
            count = session.exec(select(func.count()).select_from(Request)).scalar_one()
        minimal, ours = cold_start(db)
        print(f"\ncold start to first usable screen (median of 5, new process, {count:,} requests in the database)")
        print(f"  minimal Textual app     {minimal:.2f} s")
        print(f"  xinsheng sign-in screen {ours:.2f} s   ({ours / minimal:.2f}× the minimal app; target ≤ 3×)")
        figures = asyncio.run(in_app(db))
        print(f"\nkeystroke to updated suggestions ({figures['examples']:,} learned examples, debounce included)")
        print(
            f"  p50 {figures['keystroke_p50_ms']:.0f} ms, p95 {figures['keystroke_p95_ms']:.0f} ms "
            f"over {figures['keystrokes']} keystrokes (target ≤ 50 ms)"
        )
        print(f"\nopening the queue with {count:,} requests (first page on screen, target ~1 s)")
        print("                           first page   with the total count")
        for label, key in (
            ("F3 → 我的待办", "queue_mine_s"),
            ("switch to 全部", "queue_all_s"),
            ("search “ldd” (pinyin)", "queue_search_s"),
            ("search “qwxz” (no match)", "queue_none_s"),
        ):
            page, total = figures[key]  # type: ignore[misc]
            print(f"  {label:<24} {page:6.2f} s    {total:6.2f} s")


if __name__ == "__main__":
    main()
