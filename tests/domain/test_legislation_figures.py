"""The legislative contact point's figures (issue 19): per consultation, per year and in the monthly report, counted
in SQL on both databases from consultations and opinions made through the domain (tests/consultations.py)."""

from __future__ import annotations

from datetime import date, datetime

from models.files.report_files import render_html, render_markdown, write_xlsx
from models.reporting.legislation import consultation_figures, legislation_data, monthly_figures, totals, year_figures
from models.reporting.report import monthly_report
from models.store.engine import session_scope
from tests.consultations import seed

TODAY = date(2026, 3, 20)


def _row(figures) -> tuple[int, ...]:
    c = figures.counts
    return c.opinions, c.adopted, c.partly, c.not_adopted, c.undecided, c.informed, c.callbacks_pending


def test_counts_per_consultation(engine) -> None:
    seed(engine)
    with session_scope(engine) as s:
        rows = consultation_figures(s, today=TODAY)
    # the latest opened first: opinions, adopted (in full or in part), partly, not adopted, undecided, informed,
    # to call back
    assert [(c.title, c.open, _row(c)) for c in rows] == [
        ("养犬管理规定", True, (0, 0, 0, 0, 0, 0, 0)),
        ("社区服务促进法", True, (4, 1, 0, 2, 1, 0, 2)),
        ("物业管理条例", False, (1, 0, 0, 1, 0, 1, 0)),
        ("老年人权益保障条例", False, (3, 2, 1, 0, 1, 1, 1)),
    ]
    rates = {c.title: c.counts.adoption for c in rows}
    # adopted over the opinions with an outcome; no outcome yet is no rate, not 0%
    assert (rates["社区服务促进法"].numerator, rates["社区服务促进法"].denominator) == (1, 3)
    assert rates["老年人权益保障条例"].value == 1.0 and rates["物业管理条例"].value == 0.0
    assert rates["养犬管理规定"].value is None


def test_counts_per_year_go_by_the_year_a_consultation_opened(engine) -> None:
    seed(engine)
    with session_scope(engine) as s:
        years = year_figures(s)
        all_time = totals(s)
        only_2026 = year_figures(s, 2026)
    assert [(y.year, y.consultations, _row(y)) for y in years] == [
        (2025, 1, (3, 2, 1, 0, 1, 1, 1)),  # its January opinions included
        (2026, 3, (5, 1, 0, 3, 1, 1, 2)),
    ]
    assert (years[1].counts.adoption.numerator, years[1].counts.adoption.denominator) == (1, 4)
    assert (all_time.consultations, _row(all_time)) == (4, (8, 3, 1, 3, 2, 2, 3))  # the sum of the years
    assert only_2026 == years[1:]


def test_open_consultations_soonest_closing_first_and_those_of_a_month(engine) -> None:
    seed(engine)
    with session_scope(engine) as s:
        open_now = consultation_figures(s, only_open=True, today=TODAY)
        march = monthly_figures(s, "2026-03", TODAY)
        january = monthly_figures(s, "2026-01", TODAY)
        closed_on_the_day = consultation_figures(s, only_open=True, today=date(2026, 3, 31))
        after = consultation_figures(s, only_open=True, today=date(2026, 4, 1))
    assert [(c.title, c.closes_on) for c in open_now] == [("社区服务促进法", date(2026, 3, 31)), ("养犬管理规定", None)]
    assert [c.title for c in closed_on_the_day] == ["社区服务促进法", "养犬管理规定"]  # open through its last day
    assert [c.title for c in after] == ["养犬管理规定"]
    assert [c.title for c in march.in_month] == ["养犬管理规定", "社区服务促进法"]
    assert march.open_now == open_now and march.year.consultations == 3
    # taking opinions on any day of the month: the one that closed on 15 January
    assert [c.title for c in january.in_month] == ["老年人权益保障条例"]
    # a month's report counts its year up to the end of the month: nothing had opened in 2026 by 31 January
    assert (january.year.consultations, january.year.span, march.year.span) == (0, "2026 年 1 月", "2026 年 1–3 月")


def test_the_json_of_stats(engine) -> None:
    seed(engine)
    with session_scope(engine) as s:
        everything = legislation_data(s)
        march = legislation_data(s, "2026-03")
    assert (everything["consultations"], everything["opinions"], everything["adopted"], everything["informed"]) == (
        4, 8, 3, 2,
    )  # fmt: skip
    assert everything["adoption_rate"] == {"numerator": 3, "denominator": 6, "rate": 0.5}
    assert [y["year"] for y in everything["by_year"]] == [2025, 2026]
    assert len(everything["by_consultation"]) == 4
    assert [(y["year"], y["through_month"]) for y in march["by_year"]] == [(2026, 3)] and march["opinions"] == 5
    assert [c["title"] for c in march["by_consultation"]] == ["养犬管理规定", "社区服务促进法"]
    community = march["by_consultation"][1]
    assert community["closes"] == "2026-03-31" and community["partly_adopted"] == 0
    assert community["adoption_rate"] == {"numerator": 1, "denominator": 3, "rate": 0.3333}


def test_the_monthly_report_has_the_contact_point(engine, tmp_path) -> None:
    seed(engine)
    with session_scope(engine) as s:
        report = monthly_report(s, "2026-03", datetime(2026, 3, 20, 10))
    markdown = render_markdown(report)
    assert "## 立法联系点（2026 年 1–3 月）" in markdown and "## 本月征求意见的草案（立法联系点）" in markdown
    assert "| 3 | 5 | 1 | 0 | 3 | 1 | 25.0%（1/4） | 1 | 2 |" in markdown
    assert "| 社区服务促进法 | 市人大常委会法工委 | 2026-03-01 | 2026-03-31 | 征求中 | 4 | 1 | 0 | 2 | 1 |" in markdown
    assert "| 养犬管理规定 | 市人大常委会法工委 | 2026-03-10 | 未定 | 征求中 | 0 |" in markdown
    assert "老年人权益保障条例" not in markdown  # closed before March
    assert "<h2>立法联系点（2026 年 1–3 月）</h2>" in render_html(report)
    write_xlsx(report, tmp_path / "report.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "report.xlsx")
    assert {"立法联系点", "本月征求意见的草案"} <= set(book.sheetnames)
    sheet = book["本月征求意见的草案"]
    titles = [sheet.cell(row=r, column=1).value for r in range(5, sheet.max_row + 1)]
    assert titles == ["养犬管理规定", "社区服务促进法"]
    assert book["立法联系点"].cell(row=5, column=1).value == 3  # consultations opened in 2026, as a number
