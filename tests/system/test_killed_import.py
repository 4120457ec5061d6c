"""A real `xinsheng requests import` process killed midway, then run again."""

from pathlib import Path

import pytest

from tests.accounts import cli_first_admin


def test_a_killed_import_process_leaves_whole_batches_and_finishes_when_run_again(tmp_path: Path, catalog_csv) -> None:
    """SIGKILL in the middle of a real `xinsheng requests import`, then the same command again."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    from benchmarks.imports import generate, write_csv

    rows = generate(6000, seed=7)
    export = tmp_path / "big.csv"
    write_csv(export, rows)
    command = [sys.executable, "-m", "commands.main", "--db"]

    def run(db: Path, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*command, str(db), *args], capture_output=True, text=True, timeout=600)

    def count(db: Path, sql: str) -> int:
        with sqlite3.connect(db) as conn:
            return conn.execute(sql).fetchone()[0]

    killed, whole = tmp_path / "killed.db", tmp_path / "whole.db"
    for db in (killed, whole):  # signed in here; the child processes inherit this test's config directory
        cli_first_admin(str(db))
        assert run(db, "catalog", "import", str(catalog_csv)).returncode == 0
    process = subprocess.Popen([*command, str(killed), "requests", "import", str(export)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 300
    seen = 0
    while time.monotonic() < deadline and process.poll() is None:
        seen = count(killed, "SELECT count(*) FROM request")
        if seen >= 500:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.02)
    process.wait()
    if process.returncode != -signal.SIGKILL:
        pytest.skip("the import finished before it could be killed")
    with sqlite3.connect(killed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        requests = conn.execute("SELECT count(*) FROM request").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM request r WHERE NOT EXISTS "
            "(SELECT 1 FROM requestevent e WHERE e.request_id = r.id AND e.action = 'import')"
        ).fetchone()[0]
    assert 0 < requests < 6000 and requests % 500 == 0 and orphans == 0

    again = run(killed, "requests", "import", str(export))
    assert again.returncode == 0, again.stderr
    assert f"已存在 {requests}" in again.stdout
    assert run(whole, "requests", "import", str(export)).returncode == 0
    for sql in (
        "SELECT count(*) FROM request",
        "SELECT count(DISTINCT ref) FROM request",
        "SELECT count(*) FROM requestevent",
        "SELECT count(*) FROM matchexample",
        "SELECT count(DISTINCT import_key) FROM request",
    ):
        assert count(killed, sql) == count(whole, sql), sql
    assert count(whole, "SELECT count(*) FROM request") == 6000
