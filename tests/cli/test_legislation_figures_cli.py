"""The legislative contact point in `stats --json` and in the monthly report (issue 19), through the command line
on a real database file with consultations made by the domain (tests/consultations.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from commands.main import app
from models.store.engine import open_engine
from tests.accounts import cli_first_admin
from tests.conftest import migrated_sqlite
from tests.consultations import seed

runner = CliRunner()


@pytest.fixture
def point(tmp_path: Path, sqlite_template: Path) -> Path:
    db = migrated_sqlite(sqlite_template, tmp_path / "point.db")
    cli_first_admin(str(db))  # an administrator, signed in: stats --json and report are the dashboard's
    seed(open_engine(db))
    return db


def test_stats_json_has_the_legislation_key_and_keeps_the_rest(point: Path) -> None:
    result = runner.invoke(app, ["--db", str(point), "stats", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 0 and "by_status" in data and "freed_time_ledger" in data  # the keys it had
    legislation = data["legislation"]
    assert {k: legislation[k] for k in ("consultations", "opinions", "adopted", "informed")} == {
        "consultations": 4, "opinions": 8, "adopted": 3, "informed": 2,
    }  # fmt: skip
    assert legislation["adoption_rate"] == {"numerator": 3, "denominator": 6, "rate": 0.5}
    years = [(y["year"], y["consultations"], y["opinions"]) for y in legislation["by_year"]]
    assert years == [(2025, 1, 3), (2026, 3, 5)]
    by_title = {c["title"]: c for c in legislation["by_consultation"]}
    assert by_title["社区服务促进法"]["callbacks_pending"] == 2 and by_title["养犬管理规定"]["closes"] is None
    assert by_title["养犬管理规定"]["open"] is True and by_title["物业管理条例"]["open"] is False

    march = json.loads(runner.invoke(app, ["--db", str(point), "stats", "--json", "--period", "2026-03"]).stdout)
    assert [c["title"] for c in march["legislation"]["by_consultation"]] == ["养犬管理规定", "社区服务促进法"]
    assert march["legislation"]["consultations"] == 3


def test_the_report_has_the_contact_point_section(point: Path) -> None:
    result = runner.invoke(app, ["--db", str(point), "report", "--period", "2026-03", "-f", "md", "-o", "-"])
    assert result.exit_code == 0, result.output
    section = result.stdout[result.stdout.index("## 立法联系点（2026 年 1–3 月）") :]
    assert "| 3 | 5 | 1 | 0 | 3 | 1 | 25.0%（1/4） | 1 | 2 |" in section
    assert "## 本月征求意见的草案（立法联系点）" in section
    assert "| 社区服务促进法 | 市人大常委会法工委 | 2026-03-01 | 2026-03-31 | 已截止 | 4 | 1 | 0 | 2 | 1 |" in section
