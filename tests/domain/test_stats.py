"""Hand-computed figures pin the definitions (docs/domain.md, “Metrics”)."""

from datetime import datetime, timedelta

import pytest

from models.core.clock import simulated_time
from models.core.errors import UserError
from models.reporting.stats import compute_stats, period_bounds
from models.requests import workflow
from models.requests.intake import log_request
from models.requests.workflow import Actor
from models.store.engine import session_scope
from tests.conftest import area_chain, take_on

A = Actor("测试")
ADMIN = Actor("管理员", "admin")
T0 = datetime(2026, 3, 2, 9, 0)  # a Monday


def _walk(
    session,
    title: str,
    code: str,
    steps: list[str],
    *,
    at: datetime,
    accept_after: timedelta,
    satisfaction: str = "satisfied",
    solved: bool = True,
):
    with simulated_time(at):
        r = log_request(session, A, title=title, item_code=code).request
    clock = at + accept_after
    for step in steps:
        with simulated_time(clock):
            if step == "accept":
                workflow.accept(session, r, A)
            elif step == "dispatch":
                workflow.dispatch(session, r, A)
            elif step == "sign":
                workflow.sign(session, r, A)
            elif step == "return":
                workflow.return_request(session, r, A, "不属于本单位")
            elif step == "resolve":
                workflow.resolve(session, r, A, "已处理", hours=2)
            elif step == "callback":
                workflow.callback(session, r, A, satisfaction=satisfaction, solved=solved)
        clock += timedelta(hours=2)
    return r


@pytest.fixture
def stats_engine(catalog_engine):
    full = ["accept", "dispatch", "sign", "resolve", "callback"]
    with session_scope(catalog_engine) as s:
        # 1: responded in time, solved, satisfied
        _walk(s, "路灯不亮", "JD-007", full, at=T0, accept_after=timedelta(hours=1))
        # 2: responded late (2 working days), solved, basically satisfied
        _walk(s, "楼道座椅", "JD-002", full, at=T0, accept_after=timedelta(days=2), satisfaction="basically")
        # 3: responded in time, callback says unsolved and unsatisfied → reopened
        _walk(
            s,
            "路灯又坏",
            "JD-007",
            full,
            at=T0,
            accept_after=timedelta(hours=3),
            satisfaction="unsatisfied",
            solved=False,
        )
        # 4: dispatched then returned by the unit
        _walk(s, "漏水", "JD-003", ["accept", "dispatch", "return"], at=T0, accept_after=timedelta(hours=1))
        # 5: never accepted; its response deadline has passed
        _walk(s, "停车", "JD-010", [], at=T0, accept_after=timedelta(0))
        # 6: another month, must not count in 2026-03
        _walk(s, "电梯", "JD-001", ["accept"], at=datetime(2026, 4, 6, 9, 0), accept_after=timedelta(hours=1))
    return catalog_engine


def test_rates_with_numerators_and_denominators(stats_engine) -> None:
    with session_scope(stats_engine) as s:
        st = compute_stats(s, "2026-03", at=datetime(2026, 3, 20))
    o = st.overall
    assert o.total == 5
    assert st.by_status["closed"] == 2 and st.by_status["reopened"] == 1 and st.by_status["returned"] == 1
    assert st.by_status["new"] == 1
    # response: 5 due (all past their 1-working-day limit), 3 accepted in time (#1, #3, #4)
    assert (o.response.numerator, o.response.denominator) == (3, 5)
    # resolution: 3 called back, 2 solved; "closed" alone never counts
    assert (o.resolution.numerator, o.resolution.denominator) == (2, 3)
    # satisfaction: (1 + 0.9 + 0) / 3
    assert o.satisfaction.denominator == 3
    assert o.satisfaction.numerator == pytest.approx(1.9)
    assert o.returns == 1
    assert (o.return_rate.numerator, o.return_rate.denominator) == (1, 4)
    assert o.open == 3  # new, returned, reopened
    expected = 0.1 * 3 / 5 + 0.5 * 2 / 3 + 0.4 * 1.9 / 3
    assert o.composite == pytest.approx(expected)
    by_dept = {d.department: d.figures for d in st.by_department}
    assert by_dept["区水务局"].returns == 1
    assert by_dept["街道城市管理办公室"].total == 3
    assert sum(f.total for f in by_dept.values()) == 5


def test_period_filter_and_empty_period(stats_engine) -> None:
    with session_scope(stats_engine) as s:
        assert compute_stats(s, "2026-04", at=datetime(2026, 4, 20)).overall.total == 1
        assert compute_stats(s, None, at=datetime(2026, 4, 20)).overall.total == 6
        empty = compute_stats(s, "2025-01")
    assert empty.overall.total == 0
    assert empty.overall.resolution.value is None and empty.overall.composite is None
    assert empty.overall.resolution.percent() == "—"


def test_overdue_counts_open_work_past_its_deadline(stats_engine) -> None:
    with session_scope(stats_engine) as s:
        early = compute_stats(s, "2026-03", at=datetime(2026, 3, 3, 9, 0))
        late = compute_stats(s, "2026-03", at=datetime(2026, 3, 20))
    assert early.overall.overdue == 0
    assert late.overall.overdue == 3


def test_period_must_be_year_month() -> None:
    assert period_bounds("2026-12") == (datetime(2026, 12, 1), datetime(2027, 1, 1))
    for bad in ("2026", "2026-13", "march", "2026-3-1", "2026-1", "2026/03", "202603"):
        with pytest.raises(UserError, match="YYYY-MM"):
            period_bounds(bad)


def test_a_month_past_the_calendar_is_bad_input_not_a_crash(tmp_path) -> None:
    """9999-12 has no month after it: `stats` and `report` say so in one line with exit 2 (was ValueError, exit 1)."""
    from typer.testing import CliRunner

    from commands.main import app

    with pytest.raises(UserError, match="YYYY-MM"):
        period_bounds("9999-12")
    db = str(tmp_path / "x.db")
    for command in (["stats"], ["report"]):
        result = CliRunner().invoke(app, ["--db", db, *command, "--period", "9999-12"])
        assert result.exit_code == 2, result.output
        assert result.stderr.strip().count("\n") == 0 and "9999-12" in result.stderr
        assert "ValueError" not in result.stderr


def test_the_composite_is_a_score_written_the_same_way_everywhere() -> None:
    from models.reporting.stats import score_text

    assert score_text(0.91) == "91.0" and score_text(None) == "—"


def test_reopen_rate_counts_reopened_among_those_called_back(stats_engine) -> None:
    with session_scope(stats_engine) as s:
        o = compute_stats(s).overall
    assert (o.reopen_rate.numerator, o.reopen_rate.denominator) == (1, 3)


def _resolved_after(session, title: str, created: datetime, resolved: datetime) -> None:
    with simulated_time(created):
        r = log_request(session, A, title=title, item_code="JD-007").request
        take_on(session, r, A)
    with simulated_time(resolved):
        workflow.resolve(session, r, A, "已处理")


def test_handling_time_in_working_days_spans_holidays(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        # 2025 National Day: 1–8 October off, Sunday 28 September and Saturday 11 October worked
        _resolved_after(s, "国庆前登记", datetime(2025, 9, 30, 9), datetime(2025, 10, 9, 9))  # 30 Sep, 9 Oct → 1
        _resolved_after(s, "调休周六", datetime(2025, 10, 10, 9), datetime(2025, 10, 13, 9))  # 10, 11 → 2
        # 2026 Spring Festival: 15–23 February off, Saturday 14 February and 28 February worked
        _resolved_after(s, "春节前", datetime(2026, 2, 13, 9), datetime(2026, 2, 24, 9))  # 13, 14 → 2
        _resolved_after(s, "平常一周", datetime(2026, 3, 2, 9), datetime(2026, 3, 9, 9))  # Mon → Mon: 5
        _resolved_after(s, "当天办结", datetime(2026, 3, 10, 9), datetime(2026, 3, 10, 17))  # 0
    with session_scope(catalog_engine) as s:
        o = compute_stats(s, at=datetime(2026, 4, 1)).overall
        by_month = {p: compute_stats(s, p, at=datetime(2026, 4, 1)).overall for p in ("2025-10", "2026-02")}
    # sorted: 0, 1, 2, 2, 5 → median (rank 3) 2, p90 (rank 5) 5
    assert (o.median_days, o.p90_days) == (2.0, 5.0)
    assert (by_month["2025-10"].median_days, by_month["2025-10"].p90_days) == (2.0, 2.0)
    assert (by_month["2026-02"].median_days, by_month["2026-02"].p90_days) == (2.0, 2.0)


def test_figures_by_every_dimension(catalog_engine) -> None:
    from models.reporting.stats import figures_by, period_conditions

    with session_scope(catalog_engine) as s:
        east, grid = area_chain(s, "东社区", "东社区第1网格")
        with simulated_time(T0):
            log_request(s, A, title="路灯不亮", item_code="JD-007", area_id=grid.id, channel="hotline_12345")
            log_request(s, A, title="楼上漏水", item_code="JD-003", area_id=east.id, channel="hotline_12345")
            log_request(s, A, title="停车乱", item_code="JD-010", channel="walk_in")
    at = T0 + timedelta(days=1)
    with session_scope(catalog_engine) as s:
        totals = {
            dim: {g.department: g.figures.total for g in figures_by(s, dim, period_conditions("2026-03"), at)}
            for dim in ("department", "grid", "community", "category", "channel")
        }
    assert totals["community"] == {"东社区": 2, "（未指定社区）": 1}
    assert totals["grid"] == {"东社区第1网格": 1, "东社区": 1, "（未指定网格）": 1}
    assert totals["category"] == {"城乡建设": 1, "公共服务": 1, "综合治理": 1}
    assert totals["channel"] == {"12345热线": 2, "来访": 1}
    assert sum(totals["department"].values()) == 3
    with pytest.raises(UserError, match="统计维度"), session_scope(catalog_engine) as s:
        figures_by(s, "星座", [], at)


def test_two_sessions_filling_the_calendar_at_once_do_not_clash(engine) -> None:
    """The stats screen and the CLI may extend the working-day calendar at the same moment."""
    from datetime import date

    from sqlmodel import select

    from models.store.tables import WorkDay
    from models.store.workdays import ensure_workdays

    with session_scope(engine) as first, session_scope(engine) as second:
        ensure_workdays(first, date(2026, 12, 31))
        first.commit()
        ensure_workdays(second, date(2026, 12, 31))  # its own view may predate the first commit
    with session_scope(engine) as s:
        days = {d.day: d for d in s.exec(select(WorkDay).where(WorkDay.day >= date(2026, 9, 30))).all()}
        # National Day 2026: 1–7 October off, so 30 September and 8 October are the working days counted
        assert days[date(2026, 10, 9)].ordinal - days[date(2026, 9, 30)].ordinal == 2
        assert len(days) == (date(2027, 1, 1) - date(2026, 9, 30)).days  # each day once


def _to_in_progress(session, title: str, at: datetime):
    with simulated_time(at):
        r = log_request(session, A, title=title, item_code="JD-007").request
        take_on(session, r, A)
    return r


def test_a_period_without_callbacks_has_no_resolution_or_satisfaction_rate(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        r = _to_in_progress(s, "路灯不亮", datetime(2026, 5, 4, 9))
        with simulated_time(datetime(2026, 5, 5, 9)):
            workflow.resolve(s, r, A, "已修好")  # resolved, not yet called back: not "solved"
    with session_scope(catalog_engine) as s:
        o = compute_stats(s, "2026-05", at=datetime(2026, 6, 1)).overall
    assert (o.resolution.numerator, o.resolution.denominator) == (0, 0) and o.resolution.value is None
    assert o.satisfaction.denominator == 0 and o.composite is None and o.resolution.percent() == "—"
    assert (o.on_time.numerator, o.on_time.denominator) == (1, 1)


def test_a_request_reopened_twice_counts_once_and_is_not_solved(catalog_engine) -> None:
    with session_scope(catalog_engine) as s:
        r = _to_in_progress(s, "楼道灯又坏了", datetime(2026, 5, 4, 9))
        for day in (5, 7):
            with simulated_time(datetime(2026, 5, day, 9)):
                workflow.resolve(s, r, A, "已处理")
                workflow.callback(s, r, A, satisfaction="unsatisfied", solved=False)
                assert r.status == "reopened"
                workflow.sign(s, r, A)
        assert r.reopen_count == 2
    with session_scope(catalog_engine) as s:
        o = compute_stats(s, "2026-05", at=datetime(2026, 6, 1)).overall
    assert (o.reopen_rate.numerator, o.reopen_rate.denominator) == (1, 1)
    assert (o.resolution.numerator, o.resolution.denominator) == (0, 1)
    assert (o.satisfaction.numerator, o.satisfaction.denominator) == (0, 1)
    assert o.open == 1


def test_a_merged_duplicate_is_counted_but_never_open_overdue_or_solved(catalog_engine) -> None:
    with session_scope(catalog_engine) as s, simulated_time(datetime(2026, 5, 4, 9)):
        first = log_request(s, A, title="5号楼路灯坏了", item_code="JD-007").request
        second = log_request(s, A, title="5号楼门口路灯不亮", item_code="JD-007").request
        workflow.merge(s, second, first, A)
    with session_scope(catalog_engine) as s:
        stats = compute_stats(s, "2026-05", at=datetime(2026, 7, 1))
    o = stats.overall
    assert o.total == 2 and o.open == 1 and o.overdue == 1 and stats.by_status["merged"] == 1
    assert o.resolution.denominator == 0


def test_weights_are_configurable_per_database(stats_engine) -> None:
    from models.reporting.weights import parse_weights, set_weights

    with session_scope(stats_engine) as s:
        before = compute_stats(s).overall
        set_weights(s, ADMIN, {"response": 0.0, "resolution": 1.0, "satisfaction": 0.0},
                    {"satisfied": 1.0, "basically": 0.5, "unsatisfied": 0.0})  # fmt: skip
    with session_scope(stats_engine) as s:
        after = compute_stats(s).overall
    assert after.composite == pytest.approx(after.resolution.value)
    # one of the three rated requests was "basically satisfied": 0.9 → 0.5 takes 0.4 off the numerator
    assert after.satisfaction.numerator == pytest.approx(before.satisfaction.numerator - 0.4)
    with pytest.raises(UserError, match="合计为 1"), session_scope(stats_engine) as s:
        set_weights(s, ADMIN, {"response": 0.5, "resolution": 0.5, "satisfaction": 0.5})
    with pytest.raises(UserError, match="只能给出"), session_scope(stats_engine) as s:
        set_weights(s, ADMIN, None, {"satisfied": 1.0})
    with pytest.raises(UserError, match="名称=数值"):
        parse_weights("response:0.1", "--composite")
