"""Baseline figures for the first working version: matching accuracy and latency, CLI start-up, demo build.

Run from the repository root: `python -m benchmarks.baseline` (needs ../shared/data; XINSHENG_SHARED_DATA overrides).
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from models.demo.builder import build_demo
from models.matching.engine import ItemInfo, Matcher
from models.store.engine import open_engine

DATA = Path(os.environ.get("XINSHENG_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def _load() -> tuple[list[ItemInfo], list[dict[str, str]]]:
    with (DATA / "taxonomy_catalog.csv").open(encoding="utf-8-sig") as fh:
        items = [ItemInfo(r["code"], r["name"], r["category"], r["department"], r["duty"]) for r in csv.DictReader(fh)]
    with (DATA / "tipdm_dev_2000.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    return items, rows


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"p50 {1000 * statistics.median(ordered):.2f} ms, p95 {1000 * p95:.2f} ms"


def zero_shot(items: list[ItemInfo], rows: list[dict[str, str]]) -> None:
    matcher = Matcher(items)
    top1 = top3 = 0
    times = []
    for row in rows:
        start = time.perf_counter()
        result = matcher.match(row["title"], top=10)
        times.append(time.perf_counter() - start)
        top1 += result.department == row["label"]
        departments = list(dict.fromkeys(s.department for s in result.suggestions))[:3]
        top3 += row["label"] in departments
    n = len(rows)
    print(f"zero-shot (catalog only): department top-1 {top1 / n:.3f}, top-3 {top3 / n:.3f}; {_percentiles(times)}")


def learning(items: list[ItemInfo], rows: list[dict[str, str]], folds: int = 5) -> None:
    order = list(range(len(rows)))
    random.Random(2026).shuffle(order)
    accuracies, times = [], []
    for fold in range(folds):
        test = set(order[fold::folds])
        history = ((rows[i]["title"] + rows[i]["text"], None, rows[i]["label"]) for i in order if i not in test)
        matcher = Matcher(items, history)
        hits = 0
        for i in test:
            start = time.perf_counter()
            hits += matcher.match(rows[i]["title"]).department == rows[i]["label"]
            times.append(time.perf_counter() - start)
        accuracies.append(hits / len(test))
    spread = ", ".join(f"{a:.3f}" for a in accuracies)
    print(
        f"learning ({folds}-fold CV, 1,600 examples): department top-1 {statistics.mean(accuracies):.3f} "
        f"[{spread}]; {_percentiles(times)}"
    )


def demo_and_cli() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        start = time.perf_counter()
        summary = build_demo(open_engine(db))
        elapsed = time.perf_counter() - start
        print(f"demo build: {summary.requests} requests, {summary.events} events in {elapsed:.1f} s")
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "commands.main", "--db", str(db), "match", "楼道灯坏了好几天"],
                check=True,
                capture_output=True,
            )
            runs.append(time.perf_counter() - start)
        print(f"`xinsheng match` in a fresh process on the demo database: median {statistics.median(runs):.2f} s")


def main() -> None:
    if not DATA.exists():
        sys.exit(f"development data not found at {DATA}")
    print(f"{time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    items, rows = _load()
    zero_shot(items, rows)
    learning(items, rows)
    demo_and_cli()


if __name__ == "__main__":
    main()
