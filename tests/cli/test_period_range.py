"""`--period` is a month from 2000-01 up to this month, for stats, report and export alike; outside that one line
names the option and the reason, exit 2, and nothing is written (a month to come gave an empty report, exit 0)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commands.main import app
from models.core.clock import now
from tests.accounts import cli_first_admin

runner = CliRunner()


def _next_month() -> str:
    today = now()
    return f"{datetime(today.year + (today.month == 12), today.month % 12 + 1, 1):%Y-%m}"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "period.db"
    cli_first_admin(str(path))  # signed in: without the check, every command below would run and exit 0
    return path


def _commands(period: str, out: Path) -> list[list[str]]:
    return [
        ["stats", "--period", period],
        ["stats", "--json", "--period", period],
        ["report", "--period", period, "--format", "md", "-o", str(out)],
        ["report", "--period", period, "--format", "md", "-o", "-"],
        ["export", "requests", "--period", period, "-o", str(out.with_suffix(".csv"))],
    ]


@pytest.mark.parametrize(
    ("period", "reason"),
    [
        ("9999-12", "还没到"),  # was "应为 YYYY-MM", though it is in that form
        ("9999-11", "还没到"),
        ("2100-01", "还没到"),
        ("2030-05", "还没到"),
        (_next_month(), "还没到"),
        ("0001-01", "早于 2000-01"),
        ("1999-12", "早于 2000-01"),
        ("2026-13", "不是月份"),
        ("2026-00", "不是月份"),
    ],
)
def test_a_period_out_of_range_is_refused_with_its_reason(db: Path, tmp_path: Path, period: str, reason: str) -> None:
    out = tmp_path / "月报.md"
    for args in _commands(period, out):
        result = runner.invoke(app, ["--db", str(db), *args])
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert lines == [lines[0]] and f"--period {period} {reason}" in lines[0], (args, result.stderr)
        assert "YYYY-MM" not in lines[0], lines[0]
        assert result.stdout == "", (args, result.stdout)
    assert list(tmp_path.glob("月报*")) == []


def test_a_period_not_in_the_form_still_says_the_form(db: Path) -> None:
    result = runner.invoke(app, ["--db", str(db), "report", "--period", "2026-3", "-f", "md", "-o", "-"])
    assert result.exit_code == 2 and "--period 应为 YYYY-MM（如 2026-03），收到 “2026-3”" in result.stderr


@pytest.mark.parametrize("period", ["2000-01", f"{now():%Y-%m}"])
def test_the_first_and_the_current_month_are_accepted(db: Path, tmp_path: Path, period: str) -> None:
    out = tmp_path / "月报.md"
    for args in _commands(period, out):
        result = runner.invoke(app, ["--db", str(db), *args])
        assert result.exit_code == 0, (args, result.output)
    assert out.read_text(encoding="utf-8").startswith(f"# 接诉即办月报 · {period}")
