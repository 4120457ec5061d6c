"""The monthly report: hand-checked figures, the freed-time ledger, rebounds, and files real readers can open."""

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import select
from typer.testing import CliRunner

from commands.main import app
from models.core.clock import simulated_time
from models.files.report_files import render_html, render_markdown, write_report
from models.reporting.ledger import freed_hours, ledger, rebounds
from models.reporting.report import monthly_report
from models.requests.intake import log_request
from models.requests.workflow import Actor, accept, callback, dispatch, resolve, return_request, sign
from models.store.engine import session_scope
from models.store.tables import CatalogItem, Department, Request
from tests.conftest import area_chain, take_on

SUP = Actor("王主任", "supervisor")


def test_freed_hours_are_prorated_by_day() -> None:
    items = [(365.0, date(2026, 3, 1)), (730.0, date(2026, 3, 16))]
    march = freed_hours(items, datetime(2026, 3, 1), datetime(2026, 4, 1))
    assert march == pytest.approx(31 * 1.0 + 16 * 2.0)
    assert freed_hours(items, datetime(2026, 2, 1), datetime(2026, 3, 1)) == 0.0


def _log(session, title: str, code: str, at: datetime, area_id: int | None = None) -> Request:
    with simulated_time(at):
        return log_request(session, SUP, title=title, item_code=code, area_id=area_id).request


def _solve(session, request: Request, at: datetime, solved: bool = True, hours: float = 2.0) -> None:
    with simulated_time(at):
        take_on(session, request, SUP)
        resolve(session, request, SUP, "已处理", hours=hours)
        verdict = "satisfied" if solved else "unsatisfied"
        callback(session, request, SUP, contacted=True, solved=solved, satisfaction=verdict)


@pytest.fixture
def month(catalog_engine):
    """March 2026 in a small street: five lamp requests in one community, one leak, one returned request."""
    with session_scope(catalog_engine) as s:
        _, _, grid = area_chain(s, "槐安街道", "东社区", "东社区第1网格")
        lamps = [_log(s, f"{n}号楼路灯不亮", "JD-007", datetime(2026, 3, 2 + n, 9), grid.id) for n in range(5)]
        for lamp in lamps[:3]:
            _solve(s, lamp, datetime(2026, 3, 12, 10))
        _solve(s, lamps[3], datetime(2026, 3, 12, 11), solved=False)
        leak = _log(s, "楼上漏水，电话13812345678", "JD-003", datetime(2026, 3, 3, 9))
        with simulated_time(datetime(2026, 3, 3, 10)):
            accept(s, leak, SUP)
            dispatch(s, leak, SUP)
            sign(s, leak, Actor("水务局", "department"))
            return_request(s, leak, Actor("水务局", "department"), "非本单位职责")
        _log(s, "二月的事", "JD-009", datetime(2026, 2, 20, 9))
    return catalog_engine


def test_monthly_report_figures_by_hand(month) -> None:
    with session_scope(month) as s:
        report = monthly_report(s, "2026-03", at=datetime(2026, 4, 20, 9))
    o = report.overall
    assert o.total == 6 and o.returns == 1
    # callbacks: 3 solved of 4 called back; closed without a callback never counts as solved
    assert (o.resolution.numerator, o.resolution.denominator) == (3, 4)
    assert (o.satisfaction.numerator, o.satisfaction.denominator) == (3, 4)
    lamps = next(g for g in report.by_area if g.department == "东社区第1网格")
    assert lamps.figures.total == 5
    assert [(h.item_code, h.community, h.count, h.open) for h in report.hot_spots] == [("JD-007", "东社区", 5, 2)]
    assert [(r.title, r.department, r.returns) for r in report.returned] == [
        ("楼上漏水，电话13812345678", "区水务局", 1)
    ]
    assert report.trend[-1][0] == "2026-03" and report.trend[-2][0] == "2026-02"
    assert report.trend[-2][1].total == 1 and len(report.trend) == 12
    # open and past due on 20 April: the reopened and the untouched lamp, the returned leak (February's open request
    # is late too, but it is February's: the list shows what the count counts)
    assert o.overdue == 3
    late = ["3号楼路灯不亮", "4号楼路灯不亮", "楼上漏水，电话13812345678"]
    assert sorted(r.title for r in report.overdue) == sorted(late)


def test_ledger_counts_solved_by_callback_and_freed_hours(month) -> None:
    with session_scope(month) as s:
        rows = {m.month: m for m in ledger(s, "2026-03", 3)}
    # JD-003 (200 h/year) was returned upward on 2026-03-01, JD-006 (500) cancelled 2026-02-01, JD-004 (400)
    # returned 2026-01-01, JD-008 (20) merged 2026-04-01: March frees (200+500+400)·31/365
    assert rows["2026-03"].freed_hours == pytest.approx(round(1100 * 31 / 365, 1))
    assert rows["2026-01"].freed_hours == pytest.approx(round(400 * 31 / 365, 1))
    assert (rows["2026-03"].resolved, rows["2026-03"].solved, rows["2026-03"].hours_spent) == (4, 3, 8.0)
    assert rows["2026-03"].solved_per_100_freed_hours == pytest.approx(300 / rows["2026-03"].freed_hours)
    assert rows["2026-02"].resolved == 0


def test_rebound_is_a_cut_duty_still_handled_by_the_street(month) -> None:
    with session_scope(month) as s:
        street_office = s.exec(select(Department).where(Department.name == "街道城市管理办公室")).one()
        item = s.exec(select(CatalogItem).where(CatalogItem.code == "JD-006")).one()  # cancelled duty
        request = _log(s, "小区里有人私搭乱建", "JD-006", datetime(2026, 3, 20, 9))
        request.department_id = street_office.id  # handled by the street after all
        s.add(request)
        assert item.duty == "cancelled"
    with session_scope(month) as s:
        count, rows = rebounds(s, datetime(2026, 3, 1), datetime(2026, 4, 1))
    assert count == 1 and rows[0].item_code == "JD-006" and rows[0].handled_by == "街道城市管理办公室"


def test_report_files_open_in_real_readers(month, tmp_path: Path) -> None:
    with session_scope(month) as s:
        report = monthly_report(s, "2026-03", at=datetime(2026, 4, 20, 9))
    xlsx = write_report(report, "xlsx", tmp_path / "月报.xlsx")
    book = openpyxl.load_workbook(xlsx)
    assert {"概况", "按部门", "按网格", "趋势", "减负账本", "高发问题", "反弹预警"} <= set(book.sheetnames)
    summary = book["概况"]
    resolution = next(r for r in summary.iter_rows(values_only=True) if r[0] == "解决率")
    assert resolution[1:4] == (3, 4, 0.75)
    with zipfile.ZipFile(xlsx) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) >= 4  # by department, by grid, trend, ledger: native Excel charts
        assert b"<c:lineChart>" in archive.read("xl/charts/chart3.xml")
    page = render_html(report)
    assert page.count("<svg") == 3 and "75.0%（3/4）" in page and "13812345678" not in page
    text = render_markdown(report)
    assert "| 解决率 | 75.0%（3/4） |" in text and "138****5678" in text


def test_report_command(month, tmp_path: Path) -> None:
    from tests.accounts import cli_login, register

    db = str(month.url.render_as_string(hide_password=False))
    register(month, "周主任", "supervisor")  # a report is a supervisor's or an administrator's
    cli_login(db, "周主任")
    runner = CliRunner()
    out = tmp_path / "march.html"
    result = runner.invoke(app, ["--db", db, "report", "--period", "2026-03", "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for args in (["--period", "2026-3"], ["--period", "2026-03", "--format", "pdf"]):
        bad = runner.invoke(app, ["--db", db, "report", *args])
        assert bad.exit_code == 2
    missing = runner.invoke(app, ["--db", db, "report", "--period", "2026-03", "-o", str(tmp_path / "no" / "x.xlsx")])
    assert missing.exit_code == 2 and "目录不存在" in missing.stderr


def test_the_overdue_list_shows_what_its_count_counts(month, monkeypatch: pytest.MonkeyPatch) -> None:
    """ "超期未办结 共 N 件" stood above rows of other months: the list is the month's overdue work, most overdue
    first, and says when it shows only the most overdue of them."""
    from models.reporting import report as report_module

    at = datetime(2026, 4, 20, 9)
    with session_scope(month) as s:
        report = monthly_report(s, "2026-03", at=at)
        march = {r.ref for r in s.exec(select(Request).where(Request.created_at >= datetime(2026, 3, 1))).all()}
    assert report.overall.overdue >= 2
    assert len(report.overdue) == report.overall.overdue  # the February request, open and late, is not March's
    assert {r.ref for r in report.overdue} <= march and "二月的事" not in {r.title for r in report.overdue}
    assert f"共 {report.overall.overdue} 件\n" in render_markdown(report)
    monkeypatch.setattr(report_module, "LISTED", 1)
    with session_scope(month) as s:
        short = monthly_report(s, "2026-03", at=at)
    assert [r.days_late for r in short.overdue] == [max(r.days_late for r in report.overdue)]
    assert f"共 {report.overall.overdue} 件，列出超期最久的 1 件" in render_markdown(short)


def test_the_composite_is_a_score_in_every_file_and_in_stats(month, tmp_path: Path) -> None:
    """91.0 everywhere, never 91.0%: `xinsheng stats`, the Markdown and HTML report and the workbook."""
    from models.reporting.stats import score_text
    from tests.accounts import cli_login, register

    with session_scope(month) as s:
        report = monthly_report(s, "2026-03", at=datetime(2026, 4, 20, 9))
    composite = report.overall.composite
    assert composite is not None
    score = score_text(composite)
    text = render_markdown(report)
    assert f"| 综合得分 | {score} |" in text and f"{score}%" not in text
    page = render_html(report)
    assert f"<td>综合得分</td><td>{score}</td>" in page and f"{score}%" not in page
    book = openpyxl.load_workbook(write_report(report, "xlsx", tmp_path / "月报.xlsx"))
    row = next(r for r in book["概况"].iter_rows(values_only=True) if r[0] == "综合得分")
    assert row[3] == pytest.approx(float(score))
    trend = {r[0]: r[5] for r in book["趋势"].iter_rows(min_row=2, values_only=True)}
    assert trend["2026-03"] == pytest.approx(float(score))
    db = str(month.url.render_as_string(hide_password=False))
    register(month, "周主任", "supervisor")
    cli_login(db, "周主任")
    shown = CliRunner().invoke(app, ["--db", db, "stats", "--period", "2026-03"])
    assert f"综合得分：{score}\n" in shown.output


def test_the_freed_time_chart_covers_the_table_and_small_denominators_show_no_ratio(month) -> None:
    import re

    from models.reporting.ledger import MIN_FREED_HOURS

    with session_scope(month) as s:
        report = monthly_report(s, "2026-03", at=datetime(2026, 4, 20, 9))
    january = next(m for m in report.ledger if m.month == "2026-01")
    assert 0 < january.freed_hours < MIN_FREED_HOURS and january.solved_per_100_freed_hours is None
    march = next(m for m in report.ledger if m.month == "2026-03")
    assert march.freed_hours >= MIN_FREED_HOURS and march.solved_per_100_freed_hours == pytest.approx(
        100 * march.solved / march.freed_hours
    )
    text = render_markdown(report)
    assert f"不足 {MIN_FREED_HOURS:g} 小时" in text
    charted = re.findall(r">(\d{4}-\d{2}) 减负工时（估算）</text>", render_html(report))
    assert charted == [m.month for m in report.ledger] and len(charted) == 12
