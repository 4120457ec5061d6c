"""One request, one lateness: the report and the dashboard count overdue work in working days, as the detail screen
does and as deadlines are set, and every heading over that figure says so."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
from sqlalchemy.engine import Engine

from models.core.clock import simulated_time
from models.files.report_files import render_html, render_markdown, write_report
from models.reporting.dashboard import supervisor_dashboard
from models.reporting.report import LATE_LABEL, monthly_report
from models.requests.intake import log_request
from models.requests.queries import request_detail
from models.requests.workflow import Actor
from models.store.engine import session_scope

SUP = Actor("王主任", "supervisor")
DUE = datetime(2026, 4, 30, 9)  # the eve of the May Day holiday (1–5 May 2026)
AT = datetime(2026, 5, 8, 9)  # 8 calendar days later, 3 working days later (6, 7 and 8 May)


def _late_over_the_holiday(engine: Engine) -> int:
    with session_scope(engine) as s:
        with simulated_time(datetime(2026, 4, 20, 9)):
            request = log_request(s, SUP, title="路灯不亮", item_code="JD-007").request
        request.due_at = DUE
        s.add(request)
        s.flush()
        assert request.id is not None
        return request.id


def test_the_report_counts_overdue_in_working_days_like_the_detail(catalog_engine: Engine, tmp_path: Path) -> None:
    request_id = _late_over_the_holiday(catalog_engine)
    with session_scope(catalog_engine) as s:
        report = monthly_report(s, "2026-04", at=AT)
        with simulated_time(AT):
            detail = request_detail(s, request_id).deadline_words()
            dashboard = supervisor_dashboard(s, SUP, "2026-04")
    assert [r.days_late for r in report.overdue] == [3]
    assert detail == "已超期 3 个工作日"
    assert [r.days_late for r in dashboard.overdue] == [3]  # the TUI's 超期排名 tab shows these rows
    assert LATE_LABEL == "超期（工作日）"
    markdown = render_markdown(report)
    assert f"| 办理期限 | {LATE_LABEL} |" in markdown and "| 2026-04-30 | 3 |" in markdown
    assert "超期天数" not in markdown
    assert f"<th>{LATE_LABEL}</th>" in render_html(report)
    sheet = openpyxl.load_workbook(write_report(report, "xlsx", tmp_path / "月报.xlsx"))["超期未办结"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows[0][4] == LATE_LABEL and rows[1][4] == 3


def test_work_hours_past_its_deadline_is_one_working_day_late(catalog_engine: Engine) -> None:
    """Late by an evening is late: never "超期 0"."""
    _late_over_the_holiday(catalog_engine)
    with session_scope(catalog_engine) as s:
        report = monthly_report(s, "2026-04", at=datetime(2026, 4, 30, 18))
    assert [r.days_late for r in report.overdue] == [1]
