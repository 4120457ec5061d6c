"""`xinsheng … | head -1` is normal use: when the reader leaves, the command stops quietly with exit 0 (it exited 1,
so `set -o pipefail` scripts failed). Real processes and real pipes: CliRunner has no pipe to close."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commands.main import app
from models.demo.builder import DEMO_PASSWORD, ensure_demo_file
from models.store.engine import demo_db_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def signed_in_demo() -> Path:
    """A small demo, signed in as its administrator (the session is kept where the subprocesses look too)."""
    path = demo_db_path()
    ensure_demo_file(path, requests=40)
    signed = CliRunner().invoke(
        app, ["--demo", "login", "--operator", "系统管理员", "--password-stdin"], input=DEMO_PASSWORD + "\n"
    )
    assert signed.exit_code == 0, signed.output
    return path


def _into_a_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `xinsheng args` writing into a pipe whose reader has already gone, as after `head` has its lines:
    every write fails, not only the writes that lose a race with head's exit."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "commands.main", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize("args", [("export", "requests"), ("areas", "list"), ("stats",)], ids=" ".join)
def test_a_reader_that_left_is_not_an_error(signed_in_demo: Path, args: tuple[str, ...]) -> None:
    done = _into_a_closed_pipe("--demo", *args)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr and "Exception" not in done.stderr


def test_head_takes_its_line_and_the_pipeline_succeeds(signed_in_demo: Path) -> None:
    script = f"set -o pipefail; {sys.executable} -m commands.main --demo export requests | head -1"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("编号") and done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
